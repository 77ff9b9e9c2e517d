"""An account built in moto's server mode through boto3, and the describe calls a tool makes,
asked of moto and of a replay of its capture: what `test_moto_capture.py` checks and
`benches/moto/capture.py` prints."""

import json
import socket
import subprocess
import time

import boto3
from botocore.config import Config

REGION = "us-east-1"

# Where moto answers otherwise than EC2 would, so the replay (answering from the same data as EC2
# would) differs from moto on purpose.
MOTO_DEVIATIONS = {
    "describe_snapshots": "moto lists every snapshot it holds for OwnerIds=self, its public ones too",
    "describe_volumes": "moto's attachments lack DeleteOnTermination, which EC2 shows and the replay "
                        "takes from the instance's block device mapping",
}

CHECKS = [
    ("describe_vpcs", {}, "Vpcs"),
    ("describe_subnets", {}, "Subnets"),
    ("describe_security_groups", {}, "SecurityGroups"),
    ("describe_volumes", {}, "Volumes"),
    ("describe_snapshots", {"OwnerIds": ["self"]}, "Snapshots"),
    ("describe_images", {"Owners": ["self"]}, "Images"),
    ("describe_key_pairs", {}, "KeyPairs"),
    ("describe_tags", {}, "Tags"),
]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def client(url):
    return boto3.client("ec2", region_name=REGION, endpoint_url=url, aws_access_key_id="AKIDEXAMPLE",
                        aws_secret_access_key="secret", config=Config(retries={"max_attempts": 1}))


def start_moto(moto_server, log):
    """moto's server on a free port, once it answers: the process and its URL."""
    port = free_port()
    process = subprocess.Popen([moto_server, "-H", "127.0.0.1", "-p", str(port)],
                               stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while True:
        try:
            client(url).describe_regions()
            return process, url
        except Exception:
            if time.time() > deadline or process.poll() is not None:
                process.kill()
                raise
            time.sleep(0.3)


def build_account(ec2):
    """A VPC with two subnets, a security group, two instances, a volume, a snapshot, an image, a
    key pair, tags; returns their IDs."""
    vpc = ec2.create_vpc(CidrBlock="10.9.0.0/16")["Vpc"]["VpcId"]
    subnets = [ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.9.{n}.0/24", AvailabilityZone=f"{REGION}{zone}")
               ["Subnet"]["SubnetId"] for n, zone in ((1, "a"), (2, "b"))]
    group = ec2.create_security_group(GroupName="web", Description="web", VpcId=vpc)["GroupId"]
    ec2.authorize_security_group_ingress(GroupId=group, IpPermissions=[
        {"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}])
    image = ec2.describe_images(Owners=["amazon"])["Images"][0]["ImageId"]
    instances = [i["InstanceId"] for i in ec2.run_instances(
        ImageId=image, MinCount=2, MaxCount=2, InstanceType="t3.micro", SubnetId=subnets[0],
        SecurityGroupIds=[group])["Instances"]]
    volume = ec2.create_volume(Size=8, AvailabilityZone=f"{REGION}a")["VolumeId"]
    snapshot = ec2.create_snapshot(VolumeId=volume)["SnapshotId"]
    own_image = ec2.create_image(InstanceId=instances[0], Name="golden")["ImageId"]
    ec2.create_key_pair(KeyName="ops")
    ec2.create_tags(Resources=[vpc, group, instances[0], volume], Tags=[{"Key": "team", "Value": "edge"}])
    return {"vpc": vpc, "subnets": subnets, "group": group, "instances": instances, "volume": volume,
            "snapshot": snapshot, "image": own_image}


def canonical(items):
    return sorted(json.dumps(item, sort_keys=True, default=str) for item in items)


def compare(moto_url, replay_url):
    """For each check: (method, moto's items, the replay's items, the deviation moto is known
    for or None)."""
    results = []
    for method, arguments, member in CHECKS:
        asked = getattr(client(moto_url), method)(**arguments)[member]
        answered = getattr(client(replay_url), method)(**arguments)[member]
        results.append((method, asked, answered, MOTO_DEVIATIONS.get(method)))
    return results
