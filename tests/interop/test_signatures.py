"""With `--credentials FILE` the endpoint verifies every request's SigV4 signature as EC2 does:
boto3 and the AWS CLI signing with a configured key (long-term, or temporary with its session
token) are served, presigned URLs too, and a wrong secret, an unknown key, a wrong token or no
signature get EC2's error."""

import json
import os
import subprocess
import time
import urllib.error
import urllib.request

import boto3
import pytest
from botocore.config import Config

from helpers import error_code, start_endpoint, stop_endpoint

KEY, SECRET = "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
TEMPORARY_KEY, TEMPORARY_SECRET, TOKEN = "ASIAIOSFODNN7EXAMPLE", "temporary/secret", "FwoGZXIvYXdzEBYaD+token=="


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    folder = tmp_path_factory.mktemp("credentials")
    path = folder / "credentials.json"
    path.write_text(json.dumps([
        {"AccessKeyId": KEY, "SecretAccessKey": SECRET},
        {"AccessKeyId": TEMPORARY_KEY, "SecretAccessKey": TEMPORARY_SECRET, "SessionToken": TOKEN},
    ]))
    log = folder / "endpoint.log"
    with open(log, "w") as stderr:
        process, url = start_endpoint("--credentials", str(path), stderr=stderr)
    yield url, log
    stop_endpoint(process)


def ec2(url, key=KEY, secret=SECRET, token=None):
    return boto3.client(
        "ec2",
        endpoint_url=url,
        region_name="us-east-1",
        aws_access_key_id=key,
        aws_secret_access_key=secret,
        aws_session_token=token,
        config=Config(retries={"max_attempts": 1}),
    )


def test_the_start_up_log_says_signatures_are_verified(checked):
    _, log = checked
    # The log line follows the printed address.
    deadline = time.monotonic() + 10
    while "started" not in log.read_text() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert "verified against 2 access keys" in log.read_text()


def test_boto3_signing_with_a_configured_key_is_served(checked):
    url, _ = checked
    assert ec2(url).describe_volumes()["Volumes"]
    pages = ec2(url).get_paginator("describe_volumes").paginate(PaginationConfig={"PageSize": 5})
    assert sum(len(page["Volumes"]) for page in pages) > 5


def test_temporary_credentials_are_served_with_their_session_token_only(checked):
    url, _ = checked
    assert ec2(url, TEMPORARY_KEY, TEMPORARY_SECRET, TOKEN).describe_volumes()["Volumes"]
    assert error_code(ec2(url, TEMPORARY_KEY, TEMPORARY_SECRET, "another").describe_volumes) == "AuthFailure"
    assert error_code(ec2(url, TEMPORARY_KEY, TEMPORARY_SECRET).describe_volumes) == "AuthFailure"


def test_a_wrong_secret_is_signature_does_not_match(checked):
    url, _ = checked
    assert error_code(ec2(url, secret="wrong").describe_volumes) == "SignatureDoesNotMatch"


def test_an_unknown_key_is_auth_failure(checked):
    url, _ = checked
    assert error_code(ec2(url, key="AKIAUNKNOWN").describe_volumes) == "AuthFailure"


def test_a_presigned_url_is_served_until_it_is_changed(checked):
    url, _ = checked
    # botocore signs a presigned URL for the operation's own method (POST) unless told otherwise;
    # it is fetched with GET, so it is signed for GET.
    presigned = ec2(url).generate_presigned_url(
        "describe_volumes", Params={"MaxResults": 5}, ExpiresIn=300, HttpMethod="GET"
    )
    with urllib.request.urlopen(presigned) as response:
        assert response.status == 200
        assert b"<volumeSet>" in response.read()
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(presigned.replace("MaxResults=5", "MaxResults=6"))
    assert refused.value.code == 403
    assert b"<Code>SignatureDoesNotMatch</Code>" in refused.value.read()


def test_an_unsigned_request_is_missing_authentication_token(checked):
    url, _ = checked
    request = urllib.request.Request(url, data=b"Action=DescribeVolumes&Version=2016-11-15", method="POST")
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request)
    assert refused.value.code == 403
    assert b"<Code>MissingAuthenticationToken</Code>" in refused.value.read()


def cli(url, key, secret):
    return subprocess.run(
        ["aws", "ec2", "describe-volumes", "--endpoint-url", url, "--output", "json"],
        capture_output=True,
        text=True,
        env={**os.environ, "AWS_ACCESS_KEY_ID": key, "AWS_SECRET_ACCESS_KEY": secret, "AWS_DEFAULT_REGION": "us-east-1"},
    )


def test_the_aws_cli_is_served_with_the_right_secret_only(checked):
    url, _ = checked
    served = cli(url, KEY, SECRET)
    assert served.returncode == 0, served.stderr
    assert json.loads(served.stdout)["Volumes"]
    refused = cli(url, KEY, "wrong")
    assert refused.returncode != 0
    assert "SignatureDoesNotMatch" in refused.stderr


def test_a_malformed_credentials_file_is_refused_at_start_up(tmp_path):
    path = tmp_path / "credentials.json"
    path.write_text(json.dumps([{"AccessKeyId": KEY}]))
    started = subprocess.run(
        [os.environ["ENDPOINT_BIN"], "--port", "0", "--credentials", str(path)],
        capture_output=True, text=True, timeout=60,
    )
    assert started.returncode == 2
    assert "missing field `SecretAccessKey`" in started.stderr
