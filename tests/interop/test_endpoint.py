"""The endpoint as a program: body limits, bad seeds, signals, shared token keys."""

import base64
import json
import os
import signal
import subprocess
import urllib.error
import urllib.request

import pytest
from botocore.exceptions import ClientError

from helpers import client, start_endpoint, stop_endpoint


def test_an_oversized_body_is_refused_with_413(endpoint):
    body = b"Action=DescribeBundleTasks&Version=2016-11-15&X=" + b"a" * (2 << 20)
    request = urllib.request.Request(endpoint + "/", data=body, method="POST")
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(request)
    assert info.value.code == 413
    assert b"<Code>RequestEntityTooLarge</Code>" in info.value.read()


def test_an_oversized_chunked_body_is_refused_with_413(endpoint):
    chunks = [b"Action=DescribeBundleTasks&Version=2016-11-15&X="] + [b"a" * 65536] * 32
    request = urllib.request.Request(endpoint + "/", data=iter(chunks), method="POST", headers={"Transfer-Encoding": "chunked"})
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(request)
    assert info.value.code == 413
    assert b"<Code>RequestEntityTooLarge</Code>" in info.value.read()


def test_unknown_actions_and_parameters_get_ec2_errors(endpoint):
    for query, code in [("Action=DescribeWidgets&Version=2016-11-15", "InvalidAction"), ("Action=DescribeBundleTasks&Version=2016-11-15&Item=1", "UnknownParameter")]:
        with pytest.raises(urllib.error.HTTPError) as info:
            urllib.request.urlopen(endpoint + "/?" + query)
        assert info.value.code == 400
        assert f"<Code>{code}</Code>".encode() in info.value.read()


def test_a_bad_seed_file_is_refused_naming_the_file_and_the_json_path(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"BundleTasks": [{"BundleId": "bun-1"}, {"BundleId": "bun-2", "StartTime": "yesterday"}]}))
    result = subprocess.run([os.environ["ENDPOINT_BIN"], "--port", "0", "--seed", str(path)], capture_output=True, text=True, timeout=30)
    assert result.returncode == 1
    assert str(path) in result.stderr
    assert "$.BundleTasks[1].StartTime" in result.stderr
    assert "yesterday" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_a_signal_drains_and_stops_the_endpoint_cleanly(stop):
    process, url = start_endpoint(stderr=subprocess.PIPE)
    client(url).describe_volumes(MaxResults=5)
    process.send_signal(stop)
    assert process.wait(timeout=10) == 0
    log = process.stderr.read()
    assert "shutting down" in log
    assert "drained" in log


def test_endpoints_sharing_a_token_key_continue_each_others_walks():
    key = base64.b64encode(bytes(range(32))).decode()
    first, first_url = start_endpoint("--token-key", key)
    second, second_url = start_endpoint(env={**os.environ, "EC2_OPS_TOKEN_KEY": key})
    other, other_url = start_endpoint()
    try:
        clients = [client(url) for url in (first_url, second_url, other_url)]
        page = clients[0].describe_volumes(MaxResults=5)
        rest = clients[1].describe_volumes(MaxResults=5, NextToken=page["NextToken"])
        everything = clients[1].describe_volumes()["Volumes"]
        walked = [v["VolumeId"] for v in page["Volumes"] + rest["Volumes"]]
        assert walked == [v["VolumeId"] for v in everything][: len(walked)] and len(walked) == 10
        with pytest.raises(ClientError) as info:
            clients[2].describe_volumes(MaxResults=5, NextToken=page["NextToken"])
        assert info.value.response["Error"]["Code"] == "InvalidParameterValue"
    finally:
        for process in (first, second, other):
            stop_endpoint(process)
