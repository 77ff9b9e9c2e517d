"""Starts the endpoint binary on a free port with a seed file the suite writes, for boto3 and the CLI."""

import json
import os

import pytest

from helpers import CREDENTIALS, client, start_endpoint, stop_endpoint

STATES = ["pending", "waiting-for-shutdown", "bundling", "storing", "cancelling", "complete", "failed"]


def bundle_task(n):
    state = STATES[n % len(STATES)]
    task = {
        "InstanceId": "i-%017x" % (n + 1),
        "BundleId": "bun-%08x" % (0xC1A54000 + n),
        "State": state,
        "StartTime": "2013-09-15T17:%02d:20.000Z" % n,
        "UpdateTime": "2013-09-16T17:%02d:20.000Z" % n,
        "Storage": {"S3": {"AWSAccessKeyId": "AKIDEXAMPLE", "Bucket": ["my bucket/*", "logs", "a?b"][n % 3], "Prefix": "winami-%d" % n}},
        "Progress": "%d%%" % (10 * n % 100),
    }
    if state == "failed":
        task["BundleTaskError"] = {"Code": "Client.Timeout", "Message": "Bundle %d timed out" % n}
    return task


def import_task(n):
    return {
        "Description": "disk %d" % n,
        "ImportTaskId": "import-snap-%017x" % (n + 1),
        "SnapshotTaskDetail": {
            "Description": "disk %d" % n,
            "DiskImageSize": 1024.0 * n,
            "Encrypted": n % 2 == 0,
            "Format": "VMDK",
            "Status": ["active", "completed", "deleted"][n % 3],
            "UserBucket": {"S3Bucket": "imports", "S3Key": "disk-%d.vmdk" % n},
        },
        "Tags": [{"Key": "Owner", "Value": "Team%s" % "AB"[n % 2]}, {"Key": "Index", "Value": str(n)}],
    }


def image_task(n):
    return {
        "ImportTaskId": "import-ami-%017x" % (n + 1),
        "Status": ["active", "completed", "deleting", "deleted"][n % 4],
        "Progress": "%d" % (n * 7 % 100),
        "SnapshotDetails": [{"DeviceName": "/dev/sda1", "DiskImageSize": 8.0 * (n + 1), "Format": "VMDK"}],
    }


def conversion_task(n):
    return {
        "ConversionTaskId": "import-i-%08x" % (0xFFFF0000 + n),
        "State": ["active", "completed", "cancelled"][n % 3],
        "ImportInstance": {"InstanceId": "i-%017x" % (n + 100), "Platform": "Windows"},
    }


SEED = {
    "BundleTasks": [bundle_task(n) for n in range(14)],
    "ImportSnapshotTasks": [import_task(n) for n in range(47)],
    "ImportImageTasks": [image_task(n) for n in range(23)],
    "ExportTasks": [{"ExportTaskId": "export-i-%08x" % n, "State": "completed"} for n in range(3)],
    "ConversionTasks": [conversion_task(n) for n in range(6)],
}


@pytest.fixture(scope="session")
def seed():
    return SEED


@pytest.fixture(scope="session")
def endpoint(tmp_path_factory, seed):
    path = tmp_path_factory.mktemp("seed") / "seed.json"
    path.write_text(json.dumps(seed))
    process, url = start_endpoint("--seed", str(path))
    os.environ.update(CREDENTIALS)
    yield url
    stop_endpoint(process)


@pytest.fixture(scope="session")
def ec2(endpoint):
    return client(endpoint)


SAMPLE_PATH = os.path.join(os.path.dirname(__file__), "..", "..", "ec2-ops-endpoint", "src", "sample.json")


@pytest.fixture(scope="session")
def sample():
    """The endpoint's embedded sample set (instances, volumes, snapshots, key pairs, tags, tasks)."""
    with open(SAMPLE_PATH) as file:
        return json.load(file)


@pytest.fixture(scope="session")
def sample_endpoint():
    """The endpoint started without `--seed`: it serves its embedded sample set."""
    process, url = start_endpoint()
    yield url
    stop_endpoint(process)


@pytest.fixture(scope="session")
def sample_ec2(sample_endpoint):
    return client(sample_endpoint)
