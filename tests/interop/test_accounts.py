"""A replay of any account answers `self` as that account: the endpoint takes the account from the
seed (the owner of its reservations) unless `--account-id` says it, and refuses an account the
reservations contradict."""

import os
import subprocess

import pytest

from helpers import aws, client, start_endpoint, stop_endpoint, write_seed

ENDPOINT_BIN = os.environ["ENDPOINT_BIN"]

ACCOUNT = "111122223333"
AMAZON = "137112412989"

SEED = {
    "describe-instances": {"Reservations": [{"ReservationId": "r-1", "OwnerId": ACCOUNT, "Instances": [
        {"InstanceId": "i-1", "InstanceType": "t3.micro", "State": {"Code": 16, "Name": "running"}}]}]},
    "describe-images": {"Images": [
        {"ImageId": "ami-1", "OwnerId": ACCOUNT, "Public": False, "Name": "mine"},
        {"ImageId": "ami-2", "OwnerId": AMAZON, "ImageOwnerAlias": "amazon", "Public": True, "Name": "al2023"}]},
    "describe-snapshots": {"Snapshots": [
        {"SnapshotId": "snap-1", "OwnerId": ACCOUNT, "VolumeSize": 8},
        {"SnapshotId": "snap-2", "OwnerId": AMAZON, "OwnerAlias": "amazon", "VolumeSize": 8}]},
}


@pytest.fixture(scope="module")
def seed_folder(tmp_path_factory):
    return write_seed(tmp_path_factory.mktemp("account-seed"), SEED)


@pytest.fixture(scope="module")
def replay(seed_folder):
    process, url = start_endpoint("--seed-dir", str(seed_folder))
    yield url
    stop_endpoint(process)


def test_self_is_the_account_the_seeds_reservations_belong_to(replay):
    ec2 = client(replay)
    assert [s["SnapshotId"] for s in ec2.describe_snapshots(OwnerIds=["self"])["Snapshots"]] == ["snap-1"]
    assert [i["ImageId"] for i in ec2.describe_images(Owners=["self"])["Images"]] == ["ami-1"]
    cli = aws(replay, "describe-images", "--owners", "self")
    assert [i["ImageId"] for i in cli["Images"]] == ["ami-1"]


def test_an_account_id_the_reservations_contradict_is_refused_at_start_up(seed_folder):
    started = subprocess.run(
        [ENDPOINT_BIN, "--port", "0", "--seed-dir", str(seed_folder), "--account-id", "444455556666"],
        capture_output=True, text=True, timeout=60,
    )
    assert started.returncode == 1
    assert f"the reservations are account {ACCOUNT}'s, not 444455556666's" in started.stderr


def test_an_account_id_that_is_not_12_digits_is_a_usage_error(seed_folder):
    started = subprocess.run(
        [ENDPOINT_BIN, "--port", "0", "--account-id", "self"], capture_output=True, text=True, timeout=60,
    )
    assert started.returncode == 2
    assert "an account ID is 12 digits" in started.stderr
