"""Three accounts across two regions loaded from one seed tree (`<account>/<region>/describe-*.json`),
served to boto3 and the AWS CLI with per-account credentials and per-region clients: each sees its
own resources and what EC2 shows it of the others (public and shared images), nothing else; an
unknown region is EC2's refusal; with `--credentials`, each key acts as its configured account."""

import json
import os
import subprocess

import boto3
import pytest
from botocore.config import Config

from helpers import error_code, start_endpoint, stop_endpoint
from tree import A, B, C, write_tree

@pytest.fixture(scope="module")
def tree(tmp_path_factory):
    return write_tree(tmp_path_factory.mktemp("tree"))


@pytest.fixture(scope="module")
def unchecked(tree):
    process, url = start_endpoint("--seed-dir", str(tree))
    yield url
    stop_endpoint(process)


def ec2(url, key, region, secret="secret"):
    return boto3.client(
        "ec2", endpoint_url=url, region_name=region, aws_access_key_id=key, aws_secret_access_key=secret,
        config=Config(retries={"max_attempts": 1}),
    )


def volume_ids(client):
    return sorted(volume["VolumeId"] for volume in client.describe_volumes()["Volumes"])


def test_each_account_and_region_lists_its_own_volumes(unchecked):
    assert volume_ids(ec2(unchecked, A, "us-east-1")) == ["vol-a-east"]
    assert volume_ids(ec2(unchecked, A, "eu-west-1")) == ["vol-a-west"]
    assert volume_ids(ec2(unchecked, B, "us-east-1")) == ["vol-a-east", "vol-b-east"]
    assert volume_ids(ec2(unchecked, B, "eu-west-1")) == []
    assert volume_ids(ec2(unchecked, C, "eu-west-1")) == ["vol-c-west"]


def test_an_id_repeated_across_accounts_is_each_accounts_own(unchecked):
    a = ec2(unchecked, A, "us-east-1").describe_volumes(VolumeIds=["vol-a-east"])["Volumes"]
    b = ec2(unchecked, B, "us-east-1").describe_volumes(VolumeIds=["vol-a-east"])["Volumes"]
    assert (a[0]["Size"], b[0]["Size"]) == (8, 100)


def test_another_accounts_private_resource_is_not_found(unchecked):
    client = ec2(unchecked, C, "eu-west-1")
    assert error_code(client.describe_volumes, VolumeIds=["vol-a-west"]) == "InvalidVolume.NotFound"
    assert error_code(ec2(unchecked, C, "us-east-1").describe_images, ImageIds=["ami-private"]) == "InvalidAMIID.NotFound"


def test_images_shared_by_launch_permission_and_public_ones_are_seen_by_others(unchecked):
    def names(key, **kwargs):
        images = ec2(unchecked, key, "us-east-1").describe_images(**kwargs)["Images"]
        return sorted(image["Name"] for image in images)

    assert names(A, Owners=["self"]) == ["golden", "private", "shared"]
    assert names(B) == ["golden", "shared"]
    assert names(B, ExecutableUsers=["self"]) == ["shared"]
    assert names(B, Owners=["self"]) == []
    assert names(C) == ["golden"]


def test_the_aws_cli_acts_as_its_key_and_region(unchecked):
    def cli(key, region, *args):
        result = subprocess.run(
            ["aws", "ec2", *args, "--endpoint-url", unchecked, "--region", region, "--output", "json"],
            capture_output=True, text=True, check=False,
            env={**os.environ, "AWS_ACCESS_KEY_ID": key, "AWS_SECRET_ACCESS_KEY": "secret"},
        )
        return result

    listed = json.loads(cli(C, "eu-west-1", "describe-volumes").stdout)["Volumes"]
    assert [volume["VolumeId"] for volume in listed] == ["vol-c-west"]
    refused = cli(C, "xx-nowhere-9", "describe-volumes")
    assert refused.returncode != 0
    assert "Credential should be scoped to a valid region, not 'xx-nowhere-9'" in refused.stderr


def test_a_token_of_one_account_and_region_is_refused_in_another(unchecked):
    first = ec2(unchecked, A, "ap-south-1").describe_volumes(MaxResults=5)
    token = first["NextToken"]
    rest = ec2(unchecked, A, "ap-south-1").describe_volumes(MaxResults=5, NextToken=token)["Volumes"]
    assert len(first["Volumes"]) + len(rest) == 7
    for key, region in [(B, "ap-south-1"), (A, "us-east-1")]:
        client = ec2(unchecked, key, region)
        assert error_code(client.describe_volumes, MaxResults=5, NextToken=token) == "InvalidParameterValue"


def test_an_unknown_region_is_refused_by_boto3():
    # A fresh endpoint: the region check needs no seed.
    process, url = start_endpoint()
    try:
        assert error_code(ec2(url, A, "xx-nowhere-9").describe_volumes) == "SignatureDoesNotMatch"
    finally:
        stop_endpoint(process)


def test_a_region_that_is_not_a_region_name_is_a_usage_error():
    started = subprocess.run(
        [os.environ["ENDPOINT_BIN"], "--port", "0", "--region", "Mars"], capture_output=True, text=True, timeout=60,
    )
    assert started.returncode == 2
    assert "not a region name" in started.stderr


@pytest.fixture(scope="module")
def checked(tree, tmp_path_factory):
    folder = tmp_path_factory.mktemp("credentials")
    path = folder / "credentials.json"
    path.write_text(json.dumps([
        {"AccessKeyId": "AKIAACCOUNTA", "SecretAccessKey": "secret-a", "AccountId": A},
        {"AccessKeyId": "AKIAACCOUNTB", "SecretAccessKey": "secret-b", "AccountId": B},
    ]))
    process, url = start_endpoint("--seed-dir", str(tree), "--credentials", str(path))
    yield url
    stop_endpoint(process)


def test_with_credentials_each_key_acts_as_its_configured_account(checked):
    assert volume_ids(ec2(checked, "AKIAACCOUNTA", "eu-west-1", "secret-a")) == ["vol-a-west"]
    assert volume_ids(ec2(checked, "AKIAACCOUNTB", "us-east-1", "secret-b")) == ["vol-a-east", "vol-b-east"]
    assert error_code(ec2(checked, "AKIAACCOUNTB", "us-east-1", "secret-a").describe_volumes) == "SignatureDoesNotMatch"
    assert error_code(ec2(checked, C, "us-east-1", "secret").describe_volumes) == "AuthFailure"


def test_account_settings_are_the_seeded_accounts_else_a_new_accounts(unchecked):
    assert ec2(unchecked, A, "us-east-1").get_ebs_encryption_by_default()["EbsEncryptionByDefault"] is True
    assert ec2(unchecked, A, "eu-west-1").get_ebs_encryption_by_default()["EbsEncryptionByDefault"] is False
    assert ec2(unchecked, B, "us-east-1").get_ebs_encryption_by_default()["EbsEncryptionByDefault"] is False
    assert ec2(unchecked, B, "us-east-1").get_ebs_default_kms_key_id()["KmsKeyId"] == "alias/aws/ebs"
    settings = ec2(unchecked, C, "eu-west-1").get_serial_console_access_status()
    assert (settings["SerialConsoleAccessEnabled"], settings["ManagedBy"]) == (False, "account")

    def cli(*args):
        result = subprocess.run(
            ["aws", "ec2", *args, "--endpoint-url", unchecked, "--region", "us-east-1", "--output", "json"],
            capture_output=True, text=True, check=True,
            env={**os.environ, "AWS_ACCESS_KEY_ID": A, "AWS_SECRET_ACCESS_KEY": "secret"},
        )
        return json.loads(result.stdout)

    assert cli("get-ebs-encryption-by-default") == {"EbsEncryptionByDefault": True, "SseType": "sse-kms"}
    assert cli("get-snapshot-block-public-access-state") == {"State": "unblocked", "ManagedBy": "account"}
    assert cli("get-instance-metadata-defaults") == {"AccountLevel": {}}
