"""boto3 and the AWS CLI against DescribeInstances, DescribeVolumes, DescribeSnapshots,
DescribeKeyPairs and DescribeTags, served by the endpoint from its embedded sample.

The expected answers are computed here from the sample, independently of the endpoint: instances
grouped into their reservations, a volume's attachments to served instances taken from those
instances' block devices, and DescribeTags listing the tags of every served resource."""

import gzip
import json
import os

import awscli

from helpers import aws, error_code


def cli_model():
    """The EC2 model the AWS CLI parses with: awscli 1.4x carries its own botocore, whose model may
    predate members our shapes (from a newer model) render; the CLI drops what it does not know."""
    for base in (os.path.join(os.path.dirname(awscli.__file__), "botocore"), os.path.dirname(__import__("botocore").__file__)):
        path = os.path.join(base, "data", "ec2", "2016-11-15", "service-2.json")
        for candidate, opener in ((path, open), (path + ".gz", gzip.open)):
            if os.path.exists(candidate):
                with opener(candidate, "rt") as file:
                    return json.load(file)
    raise FileNotFoundError("no EC2 model in awscli or botocore")


MODEL = cli_model()


def as_known(operation, output):
    """`output` as the CLI prints it: only the members its model of `operation`'s output knows."""
    return prune(MODEL["operations"][operation]["output"]["shape"], output)


def prune(shape_name, value):
    shape = MODEL["shapes"][shape_name]
    if shape["type"] == "structure":
        members = shape["members"]
        return {k: prune(members[k]["shape"], v) for k, v in value.items() if k in members}
    if shape["type"] == "list":
        return [prune(shape["member"]["shape"], v) for v in value]
    return value


def instances(sample):
    """(reservation, instance) for every sample instance, in instance ID order (the page order)."""
    pairs = [(r, i) for r in sample["Reservations"] for i in r["Instances"]]
    return sorted(pairs, key=lambda pair: pair[1]["InstanceId"])


def grouped(pairs):
    """Reservations as EC2 answers them: each with only the given instances, in first-appearance order."""
    out = {}
    for reservation, instance in pairs:
        entry = out.setdefault(reservation["ReservationId"], {**reservation, "Instances": []})
        entry["Instances"].append(instance)
    return list(out.values())


def expected_volumes(sample):
    served = {i["InstanceId"]: i for _, i in instances(sample)}
    volumes = []
    for volume in sorted(sample["Volumes"], key=lambda v: v["VolumeId"]):
        kept = [a for a in volume.get("Attachments", []) if a["InstanceId"] not in served]
        derived = [
            {
                "DeleteOnTermination": m["Ebs"]["DeleteOnTermination"],
                "VolumeId": volume["VolumeId"],
                "InstanceId": instance_id,
                "Device": m["DeviceName"],
                "State": m["Ebs"]["Status"],
                "AttachTime": m["Ebs"]["AttachTime"],
            }
            for instance_id, instance in sorted(served.items())
            for m in instance.get("BlockDeviceMappings", [])
            if m.get("Ebs", {}).get("VolumeId") == volume["VolumeId"]
        ]
        volumes.append({**volume, "Attachments": kept + derived})
    return volumes


def expected_tags(sample):
    kinds = [
        ([i for _, i in instances(sample)], "InstanceId", "instance"),
        (sample["Volumes"], "VolumeId", "volume"),
        (sample["Snapshots"], "SnapshotId", "snapshot"),
        (sample["KeyPairs"], "KeyPairId", "key-pair"),
        (sample["ImportSnapshotTasks"], "ImportTaskId", "import-snapshot-task"),
        (sample["ImportImageTasks"], "ImportTaskId", "import-image-task"),
        (sample["ExportTasks"], "ExportTaskId", "export-instance-task"),
    ]
    tags = list(sample["Tags"])
    for resources, id_key, kind in kinds:
        for resource in resources:
            for tag in resource.get("Tags", []):
                tags.append({"Key": tag["Key"], "ResourceId": resource[id_key], "ResourceType": kind, "Value": tag["Value"]})
    return sorted(tags, key=lambda t: "%s %s" % (t["ResourceId"], t["Key"]))


def test_the_cli_lists_every_instance_in_its_reservation(sample_endpoint, sample):
    assert aws(sample_endpoint, "describe-instances") == as_known("DescribeInstances", {"Reservations": grouped(instances(sample))})


def test_a_filter_answers_each_reservation_with_only_its_matching_instances(sample_ec2, sample):
    answer = sample_ec2.describe_instances(Filters=[{"Name": "instance-state-name", "Values": ["running"]}])
    expected = grouped([(r, i) for r, i in instances(sample) if i["State"]["Name"] == "running"])
    assert ids(answer) == ids({"Reservations": expected})
    assert all(reservation["Instances"] for reservation in answer["Reservations"])


def ids(answer):
    return [(r["ReservationId"], [i["InstanceId"] for i in r["Instances"]]) for r in answer["Reservations"]]


def test_instance_ids_of_one_reservation_come_back_grouped(sample_ec2, sample):
    reservation = max(sample["Reservations"], key=lambda r: len(r["Instances"]))
    wanted = [i["InstanceId"] for i in reservation["Instances"]][:2]
    answer = sample_ec2.describe_instances(InstanceIds=wanted)
    assert ids(answer) == [(reservation["ReservationId"], sorted(wanted))]
    assert error_code(sample_ec2.describe_instances, InstanceIds=["i-feedfacefeedface0"]) == "InvalidInstanceID.NotFound"
    assert error_code(sample_ec2.describe_instances, InstanceIds=wanted, MaxResults=5) == "InvalidParameterCombination"
    assert error_code(sample_ec2.describe_instances, DryRun=True) == "DryRunOperation"


def test_the_instances_paginator_returns_every_instance_once(sample_ec2, sample):
    paginator = sample_ec2.get_paginator("describe_instances")
    seen = [i["InstanceId"] for page in paginator.paginate(PaginationConfig={"PageSize": 5}) for r in page["Reservations"] for i in r["Instances"]]
    # Each page groups its instances by reservation, so the walk is in page order, not ID order.
    assert sorted(seen) == [i["InstanceId"] for _, i in instances(sample)]


def test_instance_waiters_see_the_states(sample_ec2, sample):
    running = [i["InstanceId"] for _, i in instances(sample) if i["State"]["Name"] == "running"]
    stopped = [i["InstanceId"] for _, i in instances(sample) if i["State"]["Name"] == "stopped"]
    sample_ec2.get_waiter("instance_running").wait(InstanceIds=running, WaiterConfig={"Delay": 1, "MaxAttempts": 2})
    sample_ec2.get_waiter("instance_stopped").wait(InstanceIds=stopped, WaiterConfig={"Delay": 1, "MaxAttempts": 2})
    sample_ec2.get_waiter("instance_exists").wait(InstanceIds=running, WaiterConfig={"Delay": 1, "MaxAttempts": 2})


def test_the_cli_lists_volumes_with_attachments_from_the_instances(sample_endpoint, sample):
    expected = as_known("DescribeVolumes", {"Volumes": expected_volumes(sample)})
    assert aws(sample_endpoint, "describe-volumes", "--page-size", "5") == expected


def test_volume_filters_ids_and_waiter(sample_ec2, sample):
    attached = sample_ec2.describe_volumes(Filters=[{"Name": "attachment.instance-id", "Values": ["i-0c4f2a9e7d1b38f60"]}])["Volumes"]
    expected = [v["VolumeId"] for v in expected_volumes(sample) if any(a["InstanceId"] == "i-0c4f2a9e7d1b38f60" for a in v["Attachments"])]
    assert [v["VolumeId"] for v in attached] == expected and "vol-0a1b2c3d4e5f60718" in expected
    gp3 = [v["VolumeId"] for v in sample["Volumes"] if v["VolumeType"] == "gp3"]
    answer = sample_ec2.describe_volumes(Filters=[{"Name": "volume-type", "Values": ["gp3"]}])["Volumes"]
    assert [v["VolumeId"] for v in answer] == sorted(gp3)
    assert error_code(sample_ec2.describe_volumes, VolumeIds=["vol-feedfacefeedface0"]) == "InvalidVolume.NotFound"
    assert error_code(sample_ec2.describe_volumes, VolumeIds=["snap-1"]) == "InvalidVolumeID.Malformed"
    available = [v["VolumeId"] for v in sample["Volumes"] if v["State"] == "available"]
    sample_ec2.get_waiter("volume_available").wait(VolumeIds=available, WaiterConfig={"Delay": 1, "MaxAttempts": 2})


def test_the_cli_lists_snapshots_and_scopes_them_by_owner(sample_endpoint, sample, sample_ec2):
    expected = sorted(sample["Snapshots"], key=lambda s: s["SnapshotId"])
    assert aws(sample_endpoint, "describe-snapshots") == as_known("DescribeSnapshots", {"Snapshots": expected})
    mine = sample_ec2.describe_snapshots(OwnerIds=["self"])["Snapshots"]
    assert [s["SnapshotId"] for s in mine] == [s["SnapshotId"] for s in expected if s["OwnerId"] == "123456789012"]
    completed = [s["SnapshotId"] for s in expected if s["State"] == "completed"]
    sample_ec2.get_waiter("snapshot_completed").wait(SnapshotIds=completed, WaiterConfig={"Delay": 1, "MaxAttempts": 2})


def test_key_pairs_by_name_and_public_keys_on_request(sample_endpoint, sample, sample_ec2):
    expected = sorted(sample["KeyPairs"], key=lambda k: k["KeyPairId"])
    without_keys = [{k: v for k, v in key.items() if k != "PublicKey"} for key in expected]
    assert aws(sample_endpoint, "describe-key-pairs") == as_known("DescribeKeyPairs", {"KeyPairs": without_keys})
    assert aws(sample_endpoint, "describe-key-pairs", "--include-public-key") == as_known("DescribeKeyPairs", {"KeyPairs": expected})
    name = expected[0]["KeyName"]
    assert [k["KeyName"] for k in sample_ec2.describe_key_pairs(KeyNames=[name])["KeyPairs"]] == [name]
    assert error_code(sample_ec2.describe_key_pairs, KeyNames=["no-such-key"]) == "InvalidKeyPair.NotFound"
    sample_ec2.get_waiter("key_pair_exists").wait(KeyNames=[name], WaiterConfig={"Delay": 1, "MaxAttempts": 2})


def test_the_cli_lists_the_tags_of_every_served_resource(sample_endpoint, sample):
    assert aws(sample_endpoint, "describe-tags", "--page-size", "5") == as_known("DescribeTags", {"Tags": expected_tags(sample)})


def test_tag_filters_on_describe_tags(sample_ec2, sample):
    tags = sample_ec2.describe_tags(Filters=[{"Name": "resource-type", "Values": ["volume"]}])["Tags"]
    assert tags == [t for t in expected_tags(sample) if t["ResourceType"] == "volume"]
    named = sample_ec2.describe_tags(Filters=[{"Name": "tag:Name", "Values": ["main"]}])["Tags"]
    assert [(t["ResourceId"], t["Value"]) for t in named] == [("vpc-0e1d2c3b4a5968778", "main")]
