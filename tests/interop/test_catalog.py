"""boto3 over the catalog: every list operation of ec2-ops-catalog without required members (well
over 30, across every service area) served from a seed folder of AWS CLI outputs, and each whole
response, as boto3 parses it, equal to the seed file it came from.

The seed values are random (reproducibly), for every member the model gives the resource: nested
structures and lists, enums, timestamps, blobs, numbers and text with XML metacharacters.
"""

import base64
import datetime
import json
import os
import random
import re

import pytest
from botocore import xform_name
from botocore.exceptions import ClientError

from helpers import client, start_endpoint, stop_endpoint

ROOT = os.path.join(os.path.dirname(__file__), "..", "..", "ec2-ops-catalog")
MODEL = json.load(open(os.path.join(ROOT, "model", "ec2-describe.json")))
SHAPES = MODEL["shapes"]
# The inventory's ten operations have their own suites.
INVENTORY = {
    "DescribeBundleTasks", "DescribeConversionTasks", "DescribeExportTasks", "DescribeImportImageTasks",
    "DescribeImportSnapshotTasks", "DescribeInstances", "DescribeKeyPairs", "DescribeSnapshots",
    "DescribeTags", "DescribeVolumes",
}
# `(area, action)` pairs of the generated registry's OPERATIONS list.
_REGISTRY = open(os.path.join(ROOT, "src", "generated", "registry.rs")).read()
_OPERATIONS = _REGISTRY[_REGISTRY.index("pub const OPERATIONS") :]
AREAS = dict(
    (action, area)
    for area, action in re.findall(r'\("(\w+)", "(\w+)"\),', _OPERATIONS[: _OPERATIONS.index("];")])
)


def listed_member(action):
    """The output member listing the resources, for a list operation without required members."""
    operation = MODEL["operations"][action]
    request = SHAPES[operation["input"]["shape"]]
    if request.get("required"):
        return None
    output = SHAPES[operation["output"]["shape"]]["members"]
    for member, reference in output.items():
        shape = SHAPES[reference["shape"]]
        if shape["type"] == "list" and SHAPES[shape["member"]["shape"]]["type"] == "structure":
            return member
    return None


OPERATIONS = sorted(
    (action, member)
    for action in MODEL["operations"]
    if action not in INVENTORY and (member := listed_member(action))
)


class Sampler:
    def __init__(self, seed):
        self.random = random.Random(seed)
        self.counter = 0

    def text(self):
        self.counter += 1
        return "v%d-%s" % (self.counter, self.random.choice(["", "<&>\"'", "é–😀", " two words "]))

    def sample(self, name):
        shape = SHAPES[name]
        kind = shape["type"]
        if kind == "structure":
            return {member: self.sample(reference["shape"]) for member, reference in shape["members"].items()}
        if kind == "list":
            return [self.sample(shape["member"]["shape"]) for _ in range(self.random.randint(1, 2))]
        if kind == "string":
            return self.random.choice(shape["enum"]) if "enum" in shape else self.text()
        if kind in ("integer", "long"):
            return self.random.randint(-1000, 1 << 30)
        if kind == "boolean":
            return self.random.random() < 0.5
        if kind in ("double", "float"):
            return self.random.randint(-4000, 4000) / 4
        if kind == "timestamp":
            millis = self.random.randint(0, 4_000_000_000_000)
            moment = datetime.datetime.fromtimestamp(millis / 1000, datetime.timezone.utc)
            return moment.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (millis % 1000)
        if kind == "blob":
            return base64.b64encode(self.random.randbytes(self.random.randint(1, 12))).decode()
        raise AssertionError("shape %s has type %s" % (name, kind))


def sampled(action, member):
    """One resource: a list of one keeps the resource IDs apart whatever field identifies them."""
    element = SHAPES[SHAPES[MODEL["operations"][action]["output"]["shape"]]["members"][member]["shape"]]
    return {member: [Sampler(action).sample(element["member"]["shape"])]}


def seed_for(action, member):
    """The seed file of `action`. The endpoint derives DescribeSecurityGroupRules from the served
    security groups and DescribeAddressesAttribute from the served addresses, and a seeded record
    wins for the resource it names: the seeded rule names the seeded group, the seeded attribute
    the seeded address, so each operation answers its own file alone."""
    seed = sampled(action, member)
    if action == "DescribeSecurityGroupRules":
        group = sampled("DescribeSecurityGroups", "SecurityGroups")["SecurityGroups"][0]
        for rule in seed[member]:
            rule["GroupId"] = group["GroupId"]
    if action == "DescribeAddressesAttribute":
        # The served address has attributes too; the seeded ones are the same address's, and win.
        address = sampled("DescribeAddresses", "Addresses")["Addresses"][0]
        for attribute in seed[member]:
            attribute["AllocationId"] = address["AllocationId"]
    return seed


def widening_switches(action):
    """`Include...` and `All...` switches widen an answer (`IncludeAllInstances`, `AllRegions`,
    `IncludeDisabled`): the read-back asks for all of it, as the catalog's own generated test does."""
    request = SHAPES[MODEL["operations"][action]["input"]["shape"]]["members"]
    return {
        name: True
        for name, reference in request.items()
        if name.startswith(("Include", "All")) and SHAPES[reference["shape"]]["type"] == "boolean"
    }


def asking_for_all(action, member):
    """The members an operation whose scope leaves some resources out of a plain request needs to
    list its whole seed, as the catalog's own generated test sends them: without IDs,
    DescribeInstanceCreditSpecifications lists the `unlimited` instances only; without
    `LocationType`, DescribeInstanceTypeOfferings the Region's offerings only; without
    `InstanceTenancy` and durations, DescribeReservedInstancesOfferings those of `default` tenancy
    for one month to three years."""
    resources = seed_for(action, member)[member]
    if action == "DescribeInstanceCreditSpecifications":
        return {"InstanceIds": [resource["InstanceId"] for resource in resources]}
    if action == "DescribeInstanceTypeOfferings":
        return {"LocationType": resources[0]["LocationType"]}
    if action == "DescribeReservedInstancesOfferings":
        # Without them: `default` tenancy, and durations of one month to three years.
        (offering,) = resources
        return {
            "InstanceTenancy": offering["InstanceTenancy"],
            "MinDuration": offering["Duration"],
            "MaxDuration": offering["Duration"],
        }
    return {}


def as_cli_json(value):
    """boto3's parsed values written back as the AWS CLI's JSON: timestamps and blobs as text."""
    if isinstance(value, dict):
        return {key: as_cli_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_cli_json(item) for item in value]
    if isinstance(value, datetime.datetime):
        value = value.astimezone(datetime.timezone.utc)
        return value.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (value.microsecond // 1000)
    if isinstance(value, bytes):
        return base64.b64encode(value).decode()
    return value


@pytest.fixture(scope="module")
def catalog_endpoint(tmp_path_factory):
    folder = tmp_path_factory.mktemp("catalog-seed")
    for action, member in OPERATIONS:
        (folder / ("%s.json" % xform_name(action, "-"))).write_text(json.dumps(seed_for(action, member)))
    # The random owners of the seed's groups, VPCs and subnets show no one account: say which.
    process, url = start_endpoint("--seed-dir", str(folder), "--account-id", "123456789012")
    yield url
    stop_endpoint(process)


def test_the_sample_spans_the_catalog():
    assert len(OPERATIONS) >= 30
    assert {AREAS[action] for action, _ in OPERATIONS} == set(AREAS.values())


def answered_beside(action, seed):
    """The members EC2 answers beside the list, derived from the items listed: whether every
    resource type uses long IDs (DescribeAggregateIdFormat), each service's name
    (DescribeVpcEndpointServices)."""
    if action == "DescribeAggregateIdFormat":
        return {"UseLongIdsAggregated": all(status.get("UseLongIds") is True for status in seed["Statuses"])}
    if action == "DescribeVpcEndpointServices":
        return {"ServiceNames": [detail["ServiceName"] for detail in seed["ServiceDetails"] if "ServiceName" in detail]}
    return {}


@pytest.mark.parametrize("action,member", OPERATIONS, ids=[action for action, _ in OPERATIONS])
def test_boto3_reads_the_seed_back_whole(catalog_endpoint, action, member):
    request = {**widening_switches(action), **asking_for_all(action, member)}
    response = getattr(client(catalog_endpoint), xform_name(action))(**request)
    response.pop("ResponseMetadata")
    seed = seed_for(action, member)
    assert as_cli_json(response) == {**answered_beside(action, seed), **seed}


def waiter_not_found_codes():
    """`(operation, code)` for every "not found" error botocore's own EC2 waiters expect."""
    import botocore

    path = os.path.join(os.path.dirname(botocore.__file__), "data", "ec2", "2016-11-15", "waiters-2.json")
    pairs = set()
    for waiter in json.load(open(path))["waiters"].values():
        for acceptor in waiter["acceptors"]:
            if acceptor.get("matcher") == "error" and acceptor["expected"].endswith("NotFound"):
                pairs.add((waiter["operation"], acceptor["expected"]))
    return sorted(pairs)


# An ID of the right shape for the operations that check prefixes (the inventory's).
PREFIXES = {"InstanceIds": "i-", "VolumeIds": "vol-", "KeyPairIds": "key-"}


@pytest.mark.parametrize("action,code", waiter_not_found_codes(), ids=lambda value: str(value))
def test_an_unknown_id_gets_the_code_botocores_waiters_expect(catalog_endpoint, action, code):
    request = SHAPES[MODEL["operations"][action]["input"]["shape"]]["members"]
    member = next(
        name
        for name, reference in request.items()
        if name.endswith(("Ids", "Names"))
        and SHAPES[reference["shape"]]["type"] == "list"
    )
    missing = PREFIXES.get(member, "x-") + "0123456789abcdef0"
    with pytest.raises(ClientError) as info:
        getattr(client(catalog_endpoint), xform_name(action))(**{member: [missing]})
    assert info.value.response["Error"]["Code"] == code
