#!/usr/bin/env python3
"""ec2-ops-capture against a loop of AWS CLI commands, capturing the same account from a local
endpoint: N resources (default 10,000: a quarter each instances in reservations of two, volumes and
snapshots, an eighth each subnets and security groups) seeded in each of three regions.

- `ec2-ops-capture --regions R1,R2,R3` (four calls at a time): the 181 operations that ask for
  nothing, then the 24 needing values (an attribute call per resource and attribute, each
  documented Capacity Block duration, and so on);
- the AWS CLI, one `aws ec2 <command> --region R --output json` per planned operation and region,
  with the same scoping and widening flags as the capture (`--owners self`,
  `--include-deprecated`, ...; its paginator walks every page), one at a time and four at a
  time; the operations needing
  values are not looped (each instance's 16 attributes alone are 40,000 commands): their cost is
  estimated from the per-command time measured.

    cargo build --release -p ec2-ops-endpoint -p ec2-ops-capture --bins
    bash tests/interop/run.sh --co -q >/dev/null   # installs the pinned AWS CLI into target/interop-venv
    python3 benches/capture/run.py [--resources 10000]
"""

import argparse
import concurrent.futures
import json
import os
import pathlib
import re
import shutil
import subprocess
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
RELEASE = ROOT / "target" / "release"
AWS = ROOT / "target" / "interop-venv" / "bin" / "aws"
REGIONS = ["eu-west-1", "us-east-1", "ap-southeast-2"]
ACCOUNT = "123456789012"
ENV = {**os.environ, "AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": "secret",
       "AWS_EC2_METADATA_DISABLED": "true"}
SCOPED = {"describe-images": ["--owners", "self"], "describe-snapshots": ["--owner-ids", "self"],
          "describe-fpga-images": ["--owners", "self"]}


def write_account(folder, resources):
    quarter, eighth = resources // 4, resources // 8
    tags = lambda n: [{"Key": "team", "Value": f"t{n % 7}"}, {"Key": "Name", "Value": f"r{n}"}]
    reservations = [
        {"ReservationId": f"r-{n:08x}", "OwnerId": ACCOUNT, "Instances": [
            {"InstanceId": f"i-{2 * n + k:017x}", "InstanceType": "t3.micro", "ImageId": "ami-00000001",
             "State": {"Code": 16, "Name": "running"}, "Placement": {"AvailabilityZone": "eu-west-1a"},
             "Tags": tags(2 * n + k)} for k in range(2)]}
        for n in range(quarter // 2)
    ]
    outputs = {
        "describe-instances": {"Reservations": reservations},
        "describe-volumes": {"Volumes": [
            {"VolumeId": f"vol-{n:017x}", "Size": 8, "AvailabilityZone": "eu-west-1a", "State": "available",
             "VolumeType": "gp3", "Tags": tags(n)} for n in range(quarter)]},
        "describe-snapshots": {"Snapshots": [
            {"SnapshotId": f"snap-{n:017x}", "OwnerId": ACCOUNT, "VolumeSize": 8, "State": "completed",
             "Tags": tags(n)} for n in range(quarter)]},
        "describe-subnets": {"Subnets": [
            {"SubnetId": f"subnet-{n:017x}", "VpcId": "vpc-1", "OwnerId": ACCOUNT, "CidrBlock": "10.0.0.0/24",
             "AvailabilityZone": "eu-west-1a", "Tags": tags(n)} for n in range(eighth)]},
        "describe-security-groups": {"SecurityGroups": [
            {"GroupId": f"sg-{n:017x}", "GroupName": f"g{n}", "OwnerId": ACCOUNT, "VpcId": "vpc-1",
             "Description": "bench", "IpPermissions": [
                 {"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}],
             "Tags": tags(n)} for n in range(eighth)]},
    }
    for name, output in outputs.items():
        (folder / f"{name}.json").write_text(json.dumps(output))


def start_endpoint(folder):
    process = subprocess.Popen(
        [RELEASE / "ec2-ops-endpoint", "--seed-dir", folder, "--port", "0", "--log-level", "warn"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = process.stdout.readline()
    assert line.startswith("listening on"), line
    return process, line.split()[-1]


def capture(url, out):
    began = time.perf_counter()
    result = subprocess.run(
        [RELEASE / "ec2-ops-capture", "--out", out, "--endpoint-url", url, "--regions", ",".join(REGIONS)],
        env=ENV, capture_output=True, text=True, check=True)
    return time.perf_counter() - began, result.stdout.splitlines()[0]


def switches(line):
    """The AWS CLI flags of the widening switches a dry-run line shows the capture sends
    (`IncludeDeprecated=true` is `--include-deprecated`)."""
    fields = line.split()
    if len(fields) < 3 or "=" not in fields[2] or fields[2].startswith("MaxResults"):
        return []
    return ["--" + re.sub(r"(?<!^)(?=[A-Z])", "-", parameter.split("=")[0]).lower()
            for parameter in fields[2].split("&") if parameter.endswith("=true")]


def planned(url, out):
    lines = subprocess.run(
        [RELEASE / "ec2-ops-capture", "--out", out, "--endpoint-url", url, "--regions", REGIONS[0], "--dry-run"],
        env=ENV, capture_output=True, text=True, check=True).stdout.splitlines()
    first = [(line.split()[1], switches(line)) for line in lines if " for each " not in line]
    dependent = [line.split()[1] for line in lines if " for each " in line]
    return first, dependent


def aws(url, out, region, command, flags):
    path = out / region / f"{command}.json"
    with open(path, "w") as file:
        subprocess.run([AWS, "ec2", command, "--endpoint-url", url, "--region", region, "--output", "json",
                        *SCOPED.get(command, []), *flags], env=ENV, stdout=file, stderr=subprocess.DEVNULL)


def aws_loop(url, out, commands, workers):
    for region in REGIONS:
        (out / region).mkdir(parents=True, exist_ok=True)
    calls = [(region, command, flags) for region in REGIONS for command, flags in commands]
    began = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(workers) as pool:
        list(pool.map(lambda call: aws(url, out, *call), calls))
    return time.perf_counter() - began, len(calls)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--resources", type=int, default=10_000)
    arguments = parser.parse_args()
    work = pathlib.Path(tempfile.mkdtemp(prefix="capture-bench-"))
    try:
        # The account in each region: each (account, region) of the endpoint holds its own.
        seed = work / "seed"
        for region in REGIONS:
            (seed / ACCOUNT / region).mkdir(parents=True)
            write_account(seed / ACCOUNT / region, arguments.resources)
        process, url = start_endpoint(seed)
        try:
            first, dependent = planned(url, work / "dry")
            took, summary = capture(url, work / "captured")
            print(f"ec2-ops-capture, {len(REGIONS)} regions: {took:.1f} s: {summary}")
            one, calls = aws_loop(url, work / "cli-1", first, 1)
            print(f"AWS CLI loop, one at a time: {calls} commands in {one:.1f} s ({one / calls:.2f} s each)")
            four, _ = aws_loop(url, work / "cli-4", first, 4)
            print(f"AWS CLI loop, four at a time: {calls} commands in {four:.1f} s")
            made = int(re.search(r"(\d+) calls", summary).group(1))
            valued = made - calls
            print(f"operations needing values: {len(dependent)} per region, {valued} calls by "
                  f"ec2-ops-capture; as AWS CLI commands at {one / calls:.2f} s each: about "
                  f"{valued * one / calls / 3600:.1f} hours one at a time")
        finally:
            process.terminate()
            process.wait()
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
