"""boto3 and the AWS CLI send the request members that select, scope and shape an answer, as real
tools send them (Terraform's one instance type, `--versions '$Latest'`, a Spot price history from a
start time, a fleet's instances), and get what EC2 documents: only what the member selects, and
EC2's error for a value it does not know."""

import datetime

import pytest

from helpers import aws, client, error_code, start_endpoint, stop_endpoint, write_seed


def price(zone, kind, hour, value):
    return {"AvailabilityZone": zone, "InstanceType": kind, "ProductDescription": "Linux/UNIX",
            "SpotPrice": value, "Timestamp": f"2024-05-01T{hour:02}:00:00.000Z"}


SEED = {
    "describe-launch-template-versions": {"LaunchTemplateVersions": [
        {"LaunchTemplateId": "lt-1", "LaunchTemplateName": "web", "VersionNumber": 1, "DefaultVersion": True},
        {"LaunchTemplateId": "lt-1", "LaunchTemplateName": "web", "VersionNumber": 2, "DefaultVersion": False},
        {"LaunchTemplateId": "lt-1", "LaunchTemplateName": "web", "VersionNumber": 3, "DefaultVersion": False},
        {"LaunchTemplateId": "lt-2", "LaunchTemplateName": "db", "VersionNumber": 1, "DefaultVersion": True}]},
    "describe-spot-price-history": {"SpotPriceHistory": [
        price("us-east-1a", "m5.large", 14, "0.0410"),
        price("us-east-1a", "m5.large", 9, "0.0400"),
        price("us-east-1a", "m5.large", 1, "0.0390"),
        price("us-east-1b", "m5.large", 3, "0.0420"),
        price("us-east-1a", "c5.large", 10, "0.0330")]},
    "describe-fleets": {"Fleets": [{"FleetId": "fleet-1"}, {"FleetId": "fleet-2"}]},
    # One output per fleet, as `aws ec2 describe-fleet-instances --fleet-id X` prints each.
    "describe-fleet-instances": [
        {"FleetId": "fleet-1", "ActiveInstances": [{"InstanceId": "i-1", "InstanceType": "m5.large"},
                                                   {"InstanceId": "i-2", "InstanceType": "m5.large"}]},
        {"FleetId": "fleet-2", "ActiveInstances": [{"InstanceId": "i-3", "InstanceType": "c5.large"}]}],
}


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    folder = write_seed(tmp_path_factory.mktemp("members-seed"), SEED)
    process, url = start_endpoint("--seed-dir", str(folder))
    yield url
    stop_endpoint(process)


def test_one_instance_type_is_answered_alone_and_an_unknown_one_is_invalid_instance_type(endpoint):
    ec2 = client(endpoint)
    types = ec2.describe_instance_types(InstanceTypes=["t3.micro"])["InstanceTypes"]
    assert [t["InstanceType"] for t in types] == ["t3.micro"]
    assert types[0]["VCpuInfo"]["DefaultVCpus"] == 2
    assert error_code(ec2.describe_instance_types, InstanceTypes=["t9.nano"]) == "InvalidInstanceType"
    cli = aws(endpoint, "describe-instance-types", "--instance-types", "t3.micro")
    assert [t["InstanceType"] for t in cli["InstanceTypes"]] == ["t3.micro"]


def test_latest_and_default_select_one_version_of_the_named_template(endpoint):
    ec2 = client(endpoint)

    def versions(**kwargs):
        answer = ec2.describe_launch_template_versions(**kwargs)["LaunchTemplateVersions"]
        return [(v["LaunchTemplateId"], v["VersionNumber"]) for v in answer]

    assert versions(LaunchTemplateId="lt-1", Versions=["$Latest"]) == [("lt-1", 3)]
    assert versions(LaunchTemplateId="lt-1", Versions=["$Default"]) == [("lt-1", 1)]
    assert versions(LaunchTemplateId="lt-1", MinVersion="1", MaxVersion="2") == [("lt-1", 2)]
    assert versions(LaunchTemplateId="lt-2") == [("lt-2", 1)]
    assert error_code(ec2.describe_launch_template_versions, LaunchTemplateId="lt-9") == \
        "InvalidLaunchTemplateId.NotFound"
    cli = aws(endpoint, "describe-launch-template-versions", "--launch-template-id", "lt-1",
              "--versions", "$Latest")
    assert [v["VersionNumber"] for v in cli["LaunchTemplateVersions"]] == [3]


def test_a_price_history_from_a_start_time_holds_the_price_in_effect_then(endpoint):
    ec2 = client(endpoint)
    start = datetime.datetime(2024, 5, 1, 6, tzinfo=datetime.timezone.utc)
    pages = ec2.get_paginator("describe_spot_price_history").paginate(
        InstanceTypes=["m5.large"], StartTime=start, PaginationConfig={"PageSize": 5})
    prices = sorted(p["SpotPrice"] for page in pages for p in page["SpotPriceHistory"])
    # In us-east-1a the change at 01:00 is in effect at 06:00 (then 09:00 and 14:00 follow); in
    # us-east-1b the one at 03:00; c5.large is not asked for.
    assert prices == ["0.0390", "0.0400", "0.0410", "0.0420"]
    until = ec2.describe_spot_price_history(
        InstanceTypes=["m5.large"], StartTime=start,
        EndTime=datetime.datetime(2024, 5, 1, 9, tzinfo=datetime.timezone.utc))["SpotPriceHistory"]
    assert sorted(p["SpotPrice"] for p in until) == ["0.0390", "0.0400", "0.0420"]
    cli = aws(endpoint, "describe-spot-price-history", "--instance-types", "m5.large",
              "--start-time", "2024-05-01T10:00:00Z", "--availability-zone", "us-east-1a")
    assert sorted(p["SpotPrice"] for p in cli["SpotPriceHistory"]) == ["0.0400", "0.0410"]


def test_a_fleets_instances_are_its_own_and_an_unknown_fleet_is_not_found(endpoint):
    ec2 = client(endpoint)
    answer = ec2.describe_fleet_instances(FleetId="fleet-1")
    assert answer["FleetId"] == "fleet-1"
    assert [i["InstanceId"] for i in answer["ActiveInstances"]] == ["i-1", "i-2"]
    assert [i["InstanceId"] for i in ec2.describe_fleet_instances(FleetId="fleet-2")["ActiveInstances"]] == ["i-3"]
    assert error_code(ec2.describe_fleet_instances, FleetId="fleet-9") == "InvalidFleetId.NotFound"
