#!/usr/bin/env python3
"""ec2-ops-capture against moto's server mode: an account built in moto through boto3 (a VPC with
two subnets, a security group, two instances, a volume, a snapshot, an image, a key pair, tags) is
captured by `ec2-ops-capture --endpoint-url <moto>`, replayed by `ec2-ops-endpoint --seed-dir`,
and the primary describe calls a tool makes are asked of both: each answer must come back from
the replay the same. Prints the operations moto does not implement (its 500s, which the capture
lists as failed and leaves out) and those it refused. Not part of CI (moto takes a minute to
install and start, and its 500s cost the capture's retries).

    bash benches/moto/capture.sh
"""

import json
import os
import pathlib
import socket
import subprocess
import sys
import tempfile
import time

import boto3
from botocore.config import Config

ROOT = pathlib.Path(__file__).resolve().parents[2]
# The binaries: the release build's, or those of EC2_OPS_BIN_DIR (a debug build's, for a quick look).
BIN = pathlib.Path(os.environ.get("EC2_OPS_BIN_DIR", ROOT / "target" / "release"))
REGION = "us-east-1"
ENV = {**os.environ, "AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": "secret",
       "AWS_EC2_METADATA_DISABLED": "true"}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def client(url):
    return boto3.client("ec2", region_name=REGION, endpoint_url=url, aws_access_key_id="AKIDEXAMPLE",
                        aws_secret_access_key="secret", config=Config(retries={"max_attempts": 1}))


def start_moto(scratch):
    port = free_port()
    log = open(scratch / "moto.log", "w")
    process = subprocess.Popen([pathlib.Path(sys.executable).parent / "moto_server", "-H", "127.0.0.1",
                                "-p", str(port)], stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while True:
        try:
            client(url).describe_regions()
            return process, url
        except Exception:
            if time.time() > deadline or process.poll() is not None:
                raise
            time.sleep(0.3)


def build_account(ec2):
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


# Where moto answers otherwise than EC2 would, so the replay (answering from the same data as EC2
# would) differs from moto on purpose.
MOTO_DEVIATIONS = {
    "describe_snapshots": "moto lists every snapshot it holds for OwnerIds=self, its public ones too",
    "describe_volumes": "moto's attachments lack DeleteOnTermination, which EC2 shows and the replay "
                        "takes from the instance's block device mapping",
}

CHECKS = [
    ("describe_vpcs", {}, "Vpcs", "VpcId"),
    ("describe_subnets", {}, "Subnets", "SubnetId"),
    ("describe_security_groups", {}, "SecurityGroups", "GroupId"),
    ("describe_volumes", {}, "Volumes", "VolumeId"),
    ("describe_snapshots", {"OwnerIds": ["self"]}, "Snapshots", "SnapshotId"),
    ("describe_images", {"Owners": ["self"]}, "Images", "ImageId"),
    ("describe_key_pairs", {}, "KeyPairs", "KeyName"),
    ("describe_tags", {}, "Tags", "ResourceId"),
]


def main():
    with tempfile.TemporaryDirectory() as scratch:
        scratch = pathlib.Path(scratch)
        moto, url = start_moto(scratch)
        try:
            made = build_account(client(url))
            out = scratch / "captured"
            capture = subprocess.run(
                [BIN / "ec2-ops-capture", "--out", out, "--endpoint-url", url,
                 "--regions", REGION], env=ENV, capture_output=True, text=True)
            # moto answers the operations it does not implement with a 500 and an HTML page: the
            # capture lists them as failed (EC2's 500s pass) and keeps the rest, which is replayed.
            summary = capture.stdout.strip().splitlines()
            print(summary[0] if summary else capture.stderr)
            unanswered = [line for line in summary if "failed (a rerun" in line]
            print(f"{len(unanswered)} operations moto did not answer (its 500s), e.g.:")
            for line in unanswered[:3]:
                print(f"  {line.strip()}")
            for line in summary:
                if "refused" in line:
                    print(line)
            if not any(path.is_dir() for path in out.iterdir()):
                raise SystemExit(1)
            (account,) = [path for path in out.iterdir() if path.is_dir()]
            replay = subprocess.Popen(
                [BIN / "ec2-ops-endpoint", "--seed-dir", account / REGION,
                 "--region", REGION, "--port", "0", "--log-level", "warn"],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            line = replay.stdout.readline()
            if not line.startswith("listening on"):
                print(replay.stderr.read(), file=sys.stderr)
                raise SystemExit("the replay refused the capture")
            replayed = line.split()[-1]
            try:
                failures = 0
                for method, arguments, member, key in CHECKS:
                    asked = getattr(client(url), method)(**arguments)[member]
                    answered = getattr(client(replayed), method)(**arguments)[member]
                    canonical = lambda items: sorted(json.dumps(item, sort_keys=True, default=str) for item in items)
                    same = canonical(asked) == canonical(answered)
                    deviation = MOTO_DEVIATIONS.get(method)
                    if not same and not deviation:
                        failures += 1
                    verdict = "same" if same else f"different ({deviation})" if deviation else "DIFFERENT"
                    print(f"{verdict}: {method}: {len(asked)} from moto, {len(answered)} from the replay")
                    if not same and len(asked) == len(answered):
                        for moto_item, replay_item in zip(canonical(asked), canonical(answered)):
                            if moto_item != replay_item:
                                print(f"  moto:   {moto_item}\n  replay: {replay_item}")
                status = client(replayed).describe_instance_status(InstanceIds=made["instances"])
                print(f"derived by the replay: {len(status['InstanceStatuses'])} instance statuses, "
                      f"{len(client(replayed).describe_security_group_rules()['SecurityGroupRules'])} "
                      f"security group rules")
                raise SystemExit(1 if failures else 0)
            finally:
                replay.terminate()
        finally:
            moto.terminate()


if __name__ == "__main__":
    main()
