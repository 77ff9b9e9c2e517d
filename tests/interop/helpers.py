"""What the interop tests share: starting the endpoint, clients, and the AWS CLI."""

import json
import os
import subprocess

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

CREDENTIALS = {"AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test", "AWS_DEFAULT_REGION": "us-east-1"}


def write_seed(folder, seed):
    """Writes `seed` (`{"describe-volumes": output, ...}`) into `folder` as a seed folder: one file
    per command, what the AWS CLI prints; returns the folder."""
    for name, output in seed.items():
        (folder / f"{name}.json").write_text(json.dumps(output))
    return folder


def start_endpoint(*args, env=None, stderr=subprocess.DEVNULL):
    """Starts the endpoint binary on a free port; returns the process and its URL."""
    process = subprocess.Popen(
        [os.environ["ENDPOINT_BIN"], "--port", "0", *args],
        stdout=subprocess.PIPE,
        stderr=stderr,
        text=True,
        env=env,
    )
    line = process.stdout.readline()
    assert line.startswith("listening on "), line
    return process, line.split()[-1]


def stop_endpoint(process):
    process.terminate()
    process.wait(timeout=10)


def client(url):
    """A boto3 EC2 client for `url` that does not retry, so every answer is seen."""
    return boto3.client(
        "ec2",
        endpoint_url=url,
        region_name="us-east-1",
        aws_access_key_id="test",
        aws_secret_access_key="test",
        config=Config(retries={"max_attempts": 1}),
    )


def aws(endpoint, *args):
    """The AWS CLI's JSON output for `aws ec2 ARGS` against `endpoint`."""
    result = subprocess.run(
        ["aws", "ec2", *args, "--endpoint-url", endpoint, "--output", "json"],
        capture_output=True,
        text=True,
        env={**os.environ, **CREDENTIALS},
        check=True,
    )
    return json.loads(result.stdout)


def error_code(call, **kwargs):
    """The EC2 error code `call(**kwargs)` is answered with."""
    with pytest.raises(ClientError) as info:
        call(**kwargs)
    return info.value.response["Error"]["Code"]
