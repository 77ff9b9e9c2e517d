"""An endpoint with no seed answers what every account has, as boto3 and the AWS CLI read it: the
Regions (opt-in ones only with `AllRegions`), the served Region's zones, its instance types
walked by the paginator, and their offerings by zone."""

import json
import os
import subprocess

import boto3
import pytest
from botocore.config import Config

from helpers import start_endpoint, stop_endpoint


@pytest.fixture(scope="module")
def unseeded(tmp_path_factory):
    empty = tmp_path_factory.mktemp("empty-seed")
    process, url = start_endpoint("--seed-dir", str(empty), "--region", "eu-west-1")
    yield url
    stop_endpoint(process)


def ec2(url):
    return boto3.client(
        "ec2", endpoint_url=url, region_name="eu-west-1", aws_access_key_id="test", aws_secret_access_key="test",
        config=Config(retries={"max_attempts": 1}),
    )


def cli(url, *args):
    result = subprocess.run(
        ["aws", "ec2", *args, "--endpoint-url", url, "--region", "eu-west-1", "--output", "json"],
        capture_output=True, text=True, check=True,
        env={**os.environ, "AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test"},
    )
    return json.loads(result.stdout)


def test_regions_are_those_of_a_new_account(unseeded):
    enabled = ec2(unseeded).describe_regions()["Regions"]
    assert {"Endpoint": "ec2.eu-west-1.amazonaws.com", "RegionName": "eu-west-1",
            "OptInStatus": "opt-in-not-required"} in enabled
    assert all(region["OptInStatus"] == "opt-in-not-required" for region in enabled)
    every = cli(unseeded, "describe-regions", "--all-regions")["Regions"]
    assert {"Endpoint": "ec2.af-south-1.amazonaws.com", "RegionName": "af-south-1",
            "OptInStatus": "not-opted-in"} in every
    assert len(every) > len(enabled)


def test_zones_are_the_served_region_s(unseeded):
    zones = ec2(unseeded).describe_availability_zones()["AvailabilityZones"]
    assert [zone["ZoneName"] for zone in zones] == ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
    assert {zone["ZoneId"] for zone in zones} == {"euw1-az1", "euw1-az2", "euw1-az3"}
    assert all(zone["State"] == "available" and zone["RegionName"] == "eu-west-1" for zone in zones)


def test_the_paginator_walks_every_instance_type_offered_in_the_region(unseeded):
    client = ec2(unseeded)
    pages = client.get_paginator("describe_instance_types").paginate(PaginationConfig={"PageSize": 100})
    types = {item["InstanceType"]: item for page in pages for item in page["InstanceTypes"]}
    offered = {
        offering["InstanceType"]
        for page in client.get_paginator("describe_instance_type_offerings").paginate()
        for offering in page["InstanceTypeOfferings"]
    }
    assert set(types) == offered
    assert types["t3.micro"]["VCpuInfo"]["DefaultVCpus"] == 2
    assert types["t3.micro"]["MemoryInfo"]["SizeInMiB"] == 1024
    (m5,) = cli(unseeded, "describe-instance-types", "--instance-types", "m5.large")["InstanceTypes"]
    assert m5["VCpuInfo"]["DefaultVCpus"] == 2 and m5["MemoryInfo"]["SizeInMiB"] == 8192


def test_offerings_by_zone_name_and_id(unseeded):
    by_zone = cli(unseeded, "describe-instance-type-offerings", "--location-type", "availability-zone",
                  "--filters", "Name=instance-type,Values=m5.large")["InstanceTypeOfferings"]
    assert sorted(offering["Location"] for offering in by_zone) == ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
    by_id = cli(unseeded, "describe-instance-type-offerings", "--location-type", "availability-zone-id",
                "--filters", "Name=instance-type,Values=m5.large")["InstanceTypeOfferings"]
    assert sorted(offering["Location"] for offering in by_id) == ["euw1-az1", "euw1-az2", "euw1-az3"]
