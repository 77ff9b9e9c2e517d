#!/usr/bin/env python3
"""Rewrites the reference data the endpoint embeds (every account's regions, availability zones,
instance types and instance type offerings) from its public sources. Never edit the data files by
hand: run this.

    python3 ec2-ops-endpoint/reference/refresh.py                    # downloads both sources
    python3 ec2-ops-endpoint/reference/refresh.py --moto ../moto --botocore ../botocore

Sources (both Apache License 2.0; see NOTICE beside this script):

- botocore's `botocore/data/endpoints.json` (github.com/boto/botocore): the Regions of the `aws`
  partition that have an EC2 endpoint. Whether a Region needs opting in is the rule AWS documents
  (https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-regions.html): Regions
  introduced before 20 March 2019 are enabled by default, every later one needs opting in; the
  earlier ones are listed below.
- moto's `moto/ec2/resources/` (github.com/getmoto/moto), captured from EC2 by moto's own scripts:
  `instance_types.json` (DescribeInstanceTypes' records) and `instance_type_offerings/` (each
  Region's offerings by Region, zone name and zone ID). The zones of a Region are the zones its
  offerings name; a zone name is paired with the zone ID offering exactly the same instance types
  (both lists were taken from one account, so the sets match one to one; a name without such a
  match is left without an ID and reported).

Writes, beside this script:

- `regions.json`: what `aws ec2 describe-regions --all-regions` prints for a new account;
- `offerings.json`: per Region, its zones (name, ID) and, per instance type offered there, the
  indexes of the zones offering it (a compact form the endpoint expands);
- `instance-types.jsonl`: one DescribeInstanceTypes record per line, `InstanceType` first,
  sorted by type;
- `SOURCES`: the commits the data was taken from.
"""

import argparse
import collections
import json
import pathlib
import subprocess
import sys
import urllib.request

HERE = pathlib.Path(__file__).resolve().parent

# Regions AWS enabled by default: those introduced before 20 March 2019.
ENABLED_BY_DEFAULT = {
    "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1", "ap-southeast-1",
    "ap-southeast-2", "ca-central-1", "eu-central-1", "eu-north-1", "eu-west-1", "eu-west-2",
    "eu-west-3", "sa-east-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2",
}


class Source:
    """A repository to read files from: a local checkout, or GitHub at a branch."""

    def __init__(self, github, checkout, branch):
        self.github = github
        self.checkout = pathlib.Path(checkout) if checkout else None
        self.branch = branch

    def read(self, path):
        if self.checkout:
            return (self.checkout / path).read_bytes()
        url = f"https://raw.githubusercontent.com/{self.github}/{self.branch}/{path}"
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.read()

    def json(self, path):
        return json.loads(self.read(path))

    def revision(self):
        if self.checkout:
            result = subprocess.run(
                ["git", "-C", str(self.checkout), "rev-parse", "HEAD"],
                capture_output=True, text=True, check=False,
            )
            if result.returncode == 0:
                return f"{self.github}@{result.stdout.strip()}"
            return f"{self.github} (checkout {self.checkout}, not a git work tree)"
        return f"{self.github}@{self.branch} (downloaded)"

    def exists(self, path):
        try:
            self.read(path)
            return True
        except (OSError, urllib.error.URLError):
            return False


def regions(botocore):
    partitions = botocore.json("botocore/data/endpoints.json")["partitions"]
    aws = next(partition for partition in partitions if partition["partition"] == "aws")
    ec2 = aws["services"]["ec2"]["endpoints"]
    names = sorted(name for name in aws["regions"] if name in ec2)
    return [
        {
            "Endpoint": f"ec2.{name}.{aws['dnsSuffix']}",
            "RegionName": name,
            "OptInStatus": "opt-in-not-required" if name in ENABLED_BY_DEFAULT else "not-opted-in",
        }
        for name in names
    ]


def offerings(moto, region_names):
    base = "moto/ec2/resources/instance_type_offerings"
    by_region = {}
    for region in region_names:
        if not moto.exists(f"{base}/region/{region}.json"):
            print(f"{region}: moto has no offerings; no zones or offerings embedded", file=sys.stderr)
            continue
        in_region = {item["InstanceType"] for item in moto.json(f"{base}/region/{region}.json")}
        by_name = collections.defaultdict(set)
        for item in moto.json(f"{base}/availability-zone/{region}.json"):
            by_name[item["Location"]].add(item["InstanceType"])
        by_id = collections.defaultdict(set)
        for item in moto.json(f"{base}/availability-zone-id/{region}.json"):
            by_id[item["Location"]].add(item["InstanceType"])
        zones = []
        for name in sorted(by_name):
            matches = [zone_id for zone_id, types in by_id.items() if types == by_name[name]]
            zone = {"ZoneName": name}
            if len(matches) == 1:
                zone["ZoneId"] = matches[0]
            else:
                print(f"{name}: {len(matches)} zone IDs offer the same types; no ID", file=sys.stderr)
            zones.append(zone)
        types = {}
        for instance_type in sorted(in_region | set().union(*by_name.values())):
            types[instance_type] = "".join(
                str(index) for index, zone in enumerate(zones)
                if instance_type in by_name[zone["ZoneName"]]
            )
        by_region[region] = {"zones": zones, "types": types}
    return by_region


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--moto", help="a checkout of github.com/getmoto/moto (else downloaded)")
    parser.add_argument("--botocore", help="a checkout of github.com/boto/botocore (else downloaded)")
    arguments = parser.parse_args()
    moto = Source("getmoto/moto", arguments.moto, "master")
    botocore = Source("boto/botocore", arguments.botocore, "develop")

    listed = regions(botocore)
    by_region = offerings(moto, [region["RegionName"] for region in listed])
    records = moto.json("moto/ec2/resources/instance_types.json")

    (HERE / "regions.json").write_text(json.dumps({"Regions": listed}, indent=1) + "\n")
    (HERE / "offerings.json").write_text(
        json.dumps(by_region, separators=(",", ":"), sort_keys=True) + "\n"
    )
    with open(HERE / "instance-types.jsonl", "w") as out:
        for name in sorted(records):
            record = dict(records[name])
            record.pop("InstanceType", None)
            out.write(json.dumps({"InstanceType": name, **record}, separators=(",", ":")) + "\n")
    (HERE / "SOURCES").write_text(
        "The reference data beside this file was written by refresh.py from:\n"
        f"  {botocore.revision()}: botocore/data/endpoints.json\n"
        f"  {moto.revision()}: moto/ec2/resources/instance_types.json, instance_type_offerings/\n"
    )
    print(
        f"{len(listed)} regions, {len(by_region)} with zones and offerings, "
        f"{len(records)} instance types",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
