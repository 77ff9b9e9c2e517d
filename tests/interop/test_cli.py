"""The AWS CLI against the endpoint: its JSON output equals the seed the endpoint was started with."""

from helpers import aws


def test_describe_bundle_tasks_matches_the_seed(endpoint, seed):
    output = aws(endpoint, "describe-bundle-tasks")
    expected = sorted(seed["BundleTasks"], key=lambda t: t["BundleId"])
    assert output == {"BundleTasks": expected}


def test_describe_import_snapshot_tasks_matches_the_seed(endpoint, seed):
    output = aws(endpoint, "describe-import-snapshot-tasks", "--page-size", "5")
    expected = sorted(seed["ImportSnapshotTasks"], key=lambda t: t["ImportTaskId"])
    assert output == {"ImportSnapshotTasks": expected}


def test_filters_through_the_cli(endpoint, seed):
    output = aws(endpoint, "describe-bundle-tasks", "--filters", "Name=state,Values=complete")
    assert [t["State"] for t in output["BundleTasks"]] == ["complete"] * sum(t["State"] == "complete" for t in seed["BundleTasks"])
