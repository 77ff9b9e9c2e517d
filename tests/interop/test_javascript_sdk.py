"""The AWS SDK for JavaScript v3 (`js/sdk.test.cjs`, run with Node's own test runner) against the
endpoint replaying the accounts-and-regions tree, unchecked and with credentials: per-account
and per-region clients, its paginator, shared images, account settings, an unknown region, and
signatures right and wrong."""

import json
import os
import subprocess

import pytest

from helpers import start_endpoint, stop_endpoint
from tree import A, B, write_tree

HERE = os.path.dirname(os.path.abspath(__file__))


@pytest.fixture(scope="module")
def endpoints(tmp_path_factory):
    tree = write_tree(tmp_path_factory.mktemp("tree"))
    keys = tmp_path_factory.mktemp("credentials") / "credentials.json"
    keys.write_text(json.dumps([
        {"AccessKeyId": "AKIAACCOUNTA", "SecretAccessKey": "secret-a", "AccountId": A},
        {"AccessKeyId": "ASIAACCOUNTB", "SecretAccessKey": "secret-b", "SessionToken": "token-b", "AccountId": B},
    ]))
    unchecked, tree_url = start_endpoint("--seed-dir", str(tree))
    checked, checked_url = start_endpoint("--seed-dir", str(tree), "--credentials", str(keys))
    yield tree_url, checked_url
    stop_endpoint(unchecked)
    stop_endpoint(checked)


def test_the_javascript_sdk_suite_passes(endpoints):
    tree_url, checked_url = endpoints
    result = subprocess.run(
        ["node", "--test", os.path.join(HERE, "js", "sdk.test.cjs")],
        capture_output=True, text=True, timeout=300,
        env={**os.environ, "EC2_OPS_TREE_URL": tree_url, "EC2_OPS_CHECKED_URL": checked_url},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "# fail 0" in result.stdout, result.stdout
    assert "# pass 6" in result.stdout, result.stdout
