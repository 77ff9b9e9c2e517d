"""Real boto3 against the endpoint: filters, IDs, errors, DryRun, pagination, waiters."""

import pytest
from botocore.exceptions import ClientError


def bundle_ids(ec2, **kwargs):
    return [task["BundleId"] for task in ec2.describe_bundle_tasks(**kwargs)["BundleTasks"]]


def import_ids(ec2, **kwargs):
    paginator = ec2.get_paginator("describe_import_snapshot_tasks")
    return [task["ImportTaskId"] for page in paginator.paginate(**kwargs) for task in page["ImportSnapshotTasks"]]


def error_of(call, **kwargs):
    with pytest.raises(ClientError) as info:
        call(**kwargs)
    response = info.value.response
    return response["ResponseMetadata"]["HTTPStatusCode"], response["Error"]["Code"], response["Error"].get("Message")


def expected_bundles(seed, predicate):
    return sorted(task["BundleId"] for task in seed["BundleTasks"] if predicate(task))


BUNDLE_FILTERS = [
    ("bundle-id", ["bun-c1a54003"], lambda t: t["BundleId"] == "bun-c1a54003"),
    ("error-code", ["Client.*"], lambda t: "BundleTaskError" in t),
    ("error-message", ["Bundle ? timed out"], lambda t: "BundleTaskError" in t and len(t["BundleTaskError"]["Message"]) == len("Bundle 6 timed out")),
    ("instance-id", ["i-0000000000000000?"], lambda t: len(t["InstanceId"]) == 19 and t["InstanceId"].startswith("i-0000000000000000")),
    ("progress", ["?0%"], lambda t: len(t["Progress"]) == 3),
    ("s3-bucket", [r"my bucket/\*"], lambda t: t["Storage"]["S3"]["Bucket"] == "my bucket/*"),
    ("s3-bucket", [r"a\?b"], lambda t: t["Storage"]["S3"]["Bucket"] == "a?b"),
    ("s3-prefix", ["winami-1*"], lambda t: t["Storage"]["S3"]["Prefix"].startswith("winami-1")),
    ("start-time", ["2013-09-15T17:0*"], lambda t: t["StartTime"].startswith("2013-09-15T17:0")),
    ("state", ["complete", "failed"], lambda t: t["State"] in ("complete", "failed")),
    ("update-time", ["2013-09-16T17:13:20.000Z"], lambda t: t["UpdateTime"] == "2013-09-16T17:13:20.000Z"),
]


@pytest.mark.parametrize("name,values,predicate", BUNDLE_FILTERS, ids=[f"{n}={v[0]}" for n, v, _ in BUNDLE_FILTERS])
def test_every_bundle_task_filter(ec2, seed, name, values, predicate):
    expected = expected_bundles(seed, predicate)
    assert expected, "the seed must exercise the filter"
    assert bundle_ids(ec2, Filters=[{"Name": name, "Values": values}]) == expected
    assert bundle_ids(ec2, Filters=[{"Name": name, "Values": ["no-such-value"]}]) == []


def test_filters_are_anded_and_values_ored(ec2, seed):
    got = bundle_ids(ec2, Filters=[{"Name": "state", "Values": ["complete", "failed"]}, {"Name": "s3-bucket", "Values": ["logs"]}])
    assert got == expected_bundles(seed, lambda t: t["State"] in ("complete", "failed") and t["Storage"]["S3"]["Bucket"] == "logs")


def test_an_invalid_escape_is_invalid_parameter_value(ec2):
    status, code, message = error_of(ec2.describe_bundle_tasks, Filters=[{"Name": "state", "Values": [r"\d"]}])
    assert (status, code, message) == (400, "InvalidParameterValue", r"Invalid filter value: The escape sequence '\d' is invalid")


def test_bundle_ids_and_unknown_ids(ec2):
    assert bundle_ids(ec2, BundleIds=["bun-c1a54005", "bun-c1a54001"]) == ["bun-c1a54001", "bun-c1a54005"]
    status, code, message = error_of(ec2.describe_bundle_tasks, BundleIds=["bun-ffffffff"])
    assert (status, code, message) == (400, "InvalidBundleID.NotFound", "The bundle ID 'bun-ffffffff' does not exist")
    assert error_of(ec2.describe_bundle_tasks, BundleIds=["i-1"])[1] == "InvalidBundleID.Malformed"


def test_unknown_filter(ec2):
    status, code, message = error_of(ec2.describe_bundle_tasks, Filters=[{"Name": "owner-id", "Values": ["x"]}])
    assert (status, code, message) == (400, "InvalidParameterValue", "The filter 'owner-id' is invalid")


def test_dry_run_is_412_dry_run_operation(ec2):
    status, code, message = error_of(ec2.describe_bundle_tasks, DryRun=True)
    assert (status, code, message) == (412, "DryRunOperation", "Request would have succeeded, but DryRun flag is set.")
    assert error_of(ec2.describe_import_snapshot_tasks, DryRun=True)[:2] == (412, "DryRunOperation")


IMPORT_FILTERS = [
    ("import-task-id", ["import-snap-0000000000000000?"], lambda t: len(t["ImportTaskId"]) == 29 and t["ImportTaskId"].startswith("import-snap-0000000000000000")),
    ("task-state", ["completed"], lambda t: t["SnapshotTaskDetail"]["Status"] == "completed"),
    ("tag:Owner", ["TeamA"], lambda t: {"Key": "Owner", "Value": "TeamA"} in t["Tags"]),
    ("tag-key", ["Index"], lambda t: True),
    ("tag-value", ["4?"], lambda t: any(len(tag["Value"]) == 2 and tag["Value"].startswith("4") for tag in t["Tags"])),
]


@pytest.mark.parametrize("name,values,predicate", IMPORT_FILTERS, ids=[f"{n}={v[0]}" for n, v, _ in IMPORT_FILTERS])
def test_every_import_snapshot_task_filter(ec2, seed, name, values, predicate):
    expected = sorted(t["ImportTaskId"] for t in seed["ImportSnapshotTasks"] if predicate(t))
    assert expected
    assert import_ids(ec2, Filters=[{"Name": name, "Values": values}], PaginationConfig={"PageSize": 5}) == expected
    assert import_ids(ec2, Filters=[{"Name": name, "Values": ["nothing"]}]) == []


def test_paginator_with_page_size_returns_every_task_exactly_once(ec2, seed):
    expected = sorted(t["ImportTaskId"] for t in seed["ImportSnapshotTasks"])
    for page_size in (5, 7, 1000):
        got = import_ids(ec2, PaginationConfig={"PageSize": page_size})
        assert got == expected, page_size
    pages = list(ec2.get_paginator("describe_import_snapshot_tasks").paginate(PaginationConfig={"PageSize": 5}))
    assert len(pages) == 10
    assert all(len(page["ImportSnapshotTasks"]) <= 5 for page in pages)
    assert "NextToken" not in pages[-1]


def test_max_results_bounds(ec2):
    assert error_of(ec2.describe_import_snapshot_tasks, MaxResults=4) == (
        400, "InvalidParameterValue", "Value ( 4 ) for parameter maxResults is invalid. Expecting a value greater than 5.")
    assert error_of(ec2.describe_import_snapshot_tasks, MaxResults=1001)[:2] == (400, "InvalidParameterValue")
    assert len(ec2.describe_import_snapshot_tasks(MaxResults=5)["ImportSnapshotTasks"]) == 5


def test_forged_next_token(ec2):
    status, code, message = error_of(ec2.describe_import_snapshot_tasks, MaxResults=5, NextToken="eyJ2IjoiMSJ9")
    assert (status, code) == (400, "InvalidParameterValue")
    assert message.endswith("for parameter NextToken is invalid. The token is invalid.")
    token = ec2.describe_import_snapshot_tasks(MaxResults=5)["NextToken"]
    status, code, _ = error_of(ec2.describe_import_snapshot_tasks, MaxResults=5, NextToken=token[:-2] + "AA")
    assert (status, code) == (400, "InvalidParameterValue")


def test_import_task_ids_and_unknown_ids(ec2):
    ids = ["import-snap-00000000000000003", "import-snap-00000000000000001"]
    got = [t["ImportTaskId"] for t in ec2.describe_import_snapshot_tasks(ImportTaskIds=ids)["ImportSnapshotTasks"]]
    assert got == sorted(ids)
    assert error_of(ec2.describe_import_snapshot_tasks, ImportTaskIds=["import-snap-fffffffffffffffff"])[1] == "InvalidImportTaskId.NotFound"


def test_bundle_task_complete_waiter(ec2):
    waiter = ec2.get_waiter("bundle_task_complete")
    waiter.wait(BundleIds=["bun-c1a54005"], WaiterConfig={"Delay": 1, "MaxAttempts": 2})


def test_bundle_task_complete_waiter_fails_on_a_failed_task(ec2):
    from botocore.exceptions import WaiterError

    with pytest.raises(WaiterError):
        ec2.get_waiter("bundle_task_complete").wait(BundleIds=["bun-c1a54006"], WaiterConfig={"Delay": 1, "MaxAttempts": 2})


def test_get_requests_work_too(endpoint):
    import urllib.request

    with urllib.request.urlopen(endpoint + "/?Action=DescribeBundleTasks&Version=2016-11-15&BundleId.1=bun-c1a54000") as response:
        assert response.status == 200
        assert response.headers["Content-Type"] == "text/xml;charset=UTF-8"
        assert b"<bundleId>bun-c1a54000</bundleId>" in response.read()
