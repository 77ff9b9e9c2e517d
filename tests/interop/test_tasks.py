"""boto3 against the task operations declared with the DSL's request reach: a paginated operation
without documented bounds and with `Filters.N`, one without `DryRun`, one without filters."""

from helpers import error_code


def test_import_image_tasks_page_with_a_small_page_size(ec2, seed):
    paginator = ec2.get_paginator("describe_import_image_tasks")
    ids = [task["ImportTaskId"] for page in paginator.paginate(PaginationConfig={"PageSize": 2}) for task in page["ImportImageTasks"]]
    assert ids == sorted(task["ImportTaskId"] for task in seed["ImportImageTasks"])


def test_import_image_tasks_filter_by_task_state(ec2, seed):
    tasks = ec2.describe_import_image_tasks(Filters=[{"Name": "task-state", "Values": ["deleting"]}])["ImportImageTasks"]
    expected = sorted(task["ImportTaskId"] for task in seed["ImportImageTasks"] if task["Status"] == "deleting")
    assert sorted(task["ImportTaskId"] for task in tasks) == expected
    assert tasks[0]["SnapshotDetails"][0]["Format"] == "VMDK"


def test_export_tasks_answer_their_not_found_code(ec2, seed):
    tasks = ec2.describe_export_tasks()["ExportTasks"]
    assert len(tasks) == len(seed["ExportTasks"])
    assert error_code(ec2.describe_export_tasks, ExportTaskIds=["export-i-ffffffff"]) == "InvalidExportTaskID.NotFound"


def test_conversion_tasks_serve_ids_dry_run_and_the_waiter(ec2, seed):
    done = [task["ConversionTaskId"] for task in seed["ConversionTasks"] if task["State"] == "completed"]
    tasks = ec2.describe_conversion_tasks(ConversionTaskIds=done)["ConversionTasks"]
    assert [task["ConversionTaskId"] for task in tasks] == sorted(done)
    assert error_code(ec2.describe_conversion_tasks, ConversionTaskIds=["import-i-00000000"]) == "InvalidConversionTaskId"
    assert error_code(ec2.describe_conversion_tasks, DryRun=True) == "DryRunOperation"
    ec2.get_waiter("conversion_task_completed").wait(ConversionTaskIds=done, WaiterConfig={"Delay": 1, "MaxAttempts": 2})
