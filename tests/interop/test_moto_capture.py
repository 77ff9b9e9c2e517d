"""ec2-ops-capture pointed at moto's server mode (installed by run.sh into its own virtualenv):
an account built in moto through boto3 is captured, the capture replayed by the endpoint
(`--seed-dir` of the capture's `<account>/<region>/` tree), and the describe calls a tool makes
answer the same from the replay as from moto, but where moto deviates from EC2 (named in
`moto_account.MOTO_DEVIATIONS`). moto answers the operations it does not implement with a 500:
the capture lists them as not answered and keeps the rest."""

import os
import subprocess

import pytest

from helpers import start_endpoint, stop_endpoint
from moto_account import REGION, build_account, canonical, client, compare, start_moto

ENV = {**os.environ, "AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": "secret",
       "AWS_EC2_METADATA_DISABLED": "true"}


@pytest.fixture(scope="module")
def replayed(tmp_path_factory):
    scratch = tmp_path_factory.mktemp("moto")
    with open(scratch / "moto.log", "w") as log:
        moto, moto_url = start_moto(os.environ["MOTO_SERVER"], log)
    try:
        made = build_account(client(moto_url))
        out = scratch / "captured"
        capture = subprocess.run(
            [os.environ["CAPTURE_BIN"], "--out", str(out), "--endpoint-url", moto_url, "--regions", REGION],
            env=ENV, capture_output=True, text=True, timeout=600,
        )
        replay, replay_url = start_endpoint("--seed-dir", str(out))
        try:
            yield moto_url, replay_url, made, capture
        finally:
            stop_endpoint(replay)
    finally:
        moto.terminate()
        moto.wait(timeout=10)


def test_the_capture_keeps_what_moto_answers_and_lists_what_it_does_not(replayed):
    _, _, _, capture = replayed
    summary = capture.stdout
    assert "captured" in summary.splitlines()[0], capture.stdout + capture.stderr
    assert "failed (a rerun" in summary, "moto's unimplemented operations are listed"


def test_the_replay_answers_a_tools_describe_calls_as_moto_did(replayed):
    moto_url, replay_url, _, _ = replayed
    unexpected = []
    for method, asked, answered, deviation in compare(moto_url, replay_url):
        assert answered, f"{method}: the replay answers nothing"
        if canonical(asked) != canonical(answered) and deviation is None:
            unexpected.append((method, canonical(asked), canonical(answered)))
    assert not unexpected, unexpected


def test_the_replay_derives_the_views_moto_s_capture_holds_the_resources_of(replayed):
    _, replay_url, made, _ = replayed
    statuses = client(replay_url).describe_instance_status(InstanceIds=made["instances"])["InstanceStatuses"]
    assert sorted(status["InstanceId"] for status in statuses) == sorted(made["instances"])
    rules = client(replay_url).describe_security_group_rules(
        Filters=[{"Name": "group-id", "Values": [made["group"]]}])["SecurityGroupRules"]
    assert any(rule.get("FromPort") == 443 for rule in rules)
