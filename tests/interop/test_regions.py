"""`--region` makes the endpoint one region's EC2 endpoint: boto3 and the AWS CLI configured for
that region are served, and configured for another get EC2's refusal of a request signed for the
wrong region, rather than this region's resources."""

import os
import subprocess

import boto3
import pytest
from botocore.config import Config

from helpers import error_code, start_endpoint, stop_endpoint


@pytest.fixture(scope="module")
def eu_west_1():
    process, url = start_endpoint("--region", "eu-west-1")
    yield url
    stop_endpoint(process)


def ec2(url, region):
    return boto3.client(
        "ec2", endpoint_url=url, region_name=region, aws_access_key_id="test", aws_secret_access_key="test",
        config=Config(retries={"max_attempts": 1}),
    )


def test_a_client_of_the_served_region_is_served(eu_west_1):
    assert ec2(eu_west_1, "eu-west-1").describe_volumes()["Volumes"]


def test_a_client_of_another_region_is_refused(eu_west_1):
    assert error_code(ec2(eu_west_1, "us-east-1").describe_volumes) == "SignatureDoesNotMatch"
    refused = subprocess.run(
        ["aws", "ec2", "describe-volumes", "--endpoint-url", eu_west_1, "--region", "us-east-1"],
        capture_output=True, text=True,
        env={**os.environ, "AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test"},
    )
    assert refused.returncode != 0
    assert "Credential should be scoped to a valid region, not 'us-east-1'" in refused.stderr


def test_a_region_that_is_not_a_region_name_is_a_usage_error():
    started = subprocess.run(
        [os.environ["ENDPOINT_BIN"], "--port", "0", "--region", "Mars"], capture_output=True, text=True, timeout=60,
    )
    assert started.returncode == 2
    assert "not a region name" in started.stderr
