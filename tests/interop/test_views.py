"""boto3 and the AWS CLI read the views the endpoint derives, from a seed folder holding only the
primary operations' captures (instances and their network interfaces, images, snapshots, volumes,
security groups, Client VPN endpoints and routes), as one account answers them; and the request members that scope an answer."""

import json

import pytest
from botocore.exceptions import ClientError, WaiterError

from helpers import aws, client, error_code, start_endpoint, stop_endpoint, write_seed

ACCOUNT = "123456789012"

SEED = {
    "describe-instances": {"Reservations": [{"ReservationId": "r-1", "OwnerId": ACCOUNT, "Instances": [
        {"InstanceId": "i-1", "InstanceType": "t3.micro", "State": {"Code": 16, "Name": "running"},
         "Placement": {"AvailabilityZone": "us-east-1a"}, "EbsOptimized": True,
         "NetworkInterfaces": [{"NetworkInterfaceId": "eni-1", "SubnetId": "subnet-1", "VpcId": "vpc-1",
                                "Status": "in-use", "PrivateIpAddress": "10.0.0.5",
                                "Association": {"PublicIp": "203.0.113.5", "IpOwnerId": "amazon"},
                                "Attachment": {"AttachmentId": "eni-attach-1", "DeviceIndex": 0,
                                               "Status": "attached"}}],
         "SecurityGroups": [{"GroupId": "sg-1", "GroupName": "web"}],
         "Tags": [{"Key": "Name", "Value": "web"}]},
        {"InstanceId": "i-2", "InstanceType": "t3.small", "State": {"Code": 80, "Name": "stopped"},
         "Placement": {"AvailabilityZone": "us-east-1b"}}]}]},
    "describe-images": {"Images": [
        {"ImageId": "ami-1", "OwnerId": ACCOUNT, "Public": False, "Name": "mine", "Description": "base"},
        {"ImageId": "ami-2", "OwnerId": "137112412989", "ImageOwnerAlias": "amazon", "Public": True, "Name": "al2023"}]},
    "describe-snapshots": {"Snapshots": [{"SnapshotId": "snap-1", "OwnerId": ACCOUNT, "VolumeSize": 8}]},
    "describe-volumes": {"Volumes": [{"VolumeId": "vol-1", "Size": 8, "AvailabilityZone": "us-east-1a",
                                      "State": "available"}]},
    "describe-security-groups": {"SecurityGroups": [
        {"GroupId": "sg-1", "GroupName": "web", "OwnerId": ACCOUNT, "VpcId": "vpc-1",
         "IpPermissions": [{"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}],
         "IpPermissionsEgress": [{"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}],
         "Tags": [{"Key": "team", "Value": "edge"}]}]},
    "describe-client-vpn-endpoints": {"ClientVpnEndpoints": [{"ClientVpnEndpointId": "cvpn-endpoint-1"}]},
    "describe-client-vpn-routes": {"Routes": [
        {"ClientVpnEndpointId": "cvpn-endpoint-1", "DestinationCidr": "10.0.0.0/16", "TargetSubnet": "subnet-1"}]},
}


@pytest.fixture(scope="module")
def views_endpoint(tmp_path_factory):
    folder = write_seed(tmp_path_factory.mktemp("views-seed"), SEED)
    process, url = start_endpoint("--seed-dir", str(folder))
    yield url
    stop_endpoint(process)


def test_instance_status_lists_running_instances_unless_all_are_asked_for(views_endpoint):
    ec2 = client(views_endpoint)
    running = ec2.describe_instance_status()["InstanceStatuses"]
    assert [(s["InstanceId"], s["InstanceState"]["Name"], s["AvailabilityZone"]) for s in running] == [
        ("i-1", "running", "us-east-1a")
    ]
    every = ec2.describe_instance_status(IncludeAllInstances=True)["InstanceStatuses"]
    assert [s["InstanceId"] for s in every] == ["i-1", "i-2"]
    assert "InstanceStatus" not in every[0], "checks only EC2 observes are not invented"


def test_instance_attributes_are_the_instances(views_endpoint):
    ec2 = client(views_endpoint)
    answer = ec2.describe_instance_attribute(InstanceId="i-1", Attribute="instanceType")
    assert answer["InstanceType"] == {"Value": "t3.micro"}
    assert "EbsOptimized" not in answer
    groups = ec2.describe_instance_attribute(InstanceId="i-1", Attribute="groupSet")["Groups"]
    assert groups == [{"GroupId": "sg-1", "GroupName": "web"}]
    cli = aws(views_endpoint, "describe-instance-attribute", "--instance-id", "i-1", "--attribute", "ebsOptimized")
    assert cli == {"InstanceId": "i-1", "EbsOptimized": {"Value": True}}


def test_a_private_images_launch_permissions_and_a_snapshots_volume_permissions_are_empty(views_endpoint):
    ec2 = client(views_endpoint)
    image = ec2.describe_image_attribute(ImageId="ami-1", Attribute="launchPermission")
    assert image["LaunchPermissions"] == []
    cli = aws(views_endpoint, "describe-snapshot-attribute", "--snapshot-id", "snap-1",
              "--attribute", "createVolumePermission")
    assert cli == {"SnapshotId": "snap-1", "CreateVolumePermissions": []}


def test_security_group_rules_come_from_the_groups(views_endpoint):
    rules = client(views_endpoint).describe_security_group_rules()["SecurityGroupRules"]
    assert sorted((r["IsEgress"], r["IpProtocol"], r["FromPort"], r["CidrIpv4"]) for r in rules) == [
        (False, "tcp", 443, "0.0.0.0/0"),
        (True, "-1", -1, "0.0.0.0/0"),
    ]


def test_tags_of_every_tagged_resource_are_listed(views_endpoint):
    tags = client(views_endpoint).describe_tags()["Tags"]
    assert sorted((t["ResourceId"], t["ResourceType"], t["Key"]) for t in tags) == [
        ("i-1", "instance", "Name"),
        ("sg-1", "security-group", "team"),
    ]


def test_owners_self_lists_the_accounts_images_only(views_endpoint):
    ec2 = client(views_endpoint)
    assert [i["ImageId"] for i in ec2.describe_images(Owners=["self"])["Images"]] == ["ami-1"]
    assert [i["ImageId"] for i in ec2.describe_images(Owners=["amazon"])["Images"]] == ["ami-2"]
    cli = aws(views_endpoint, "describe-images", "--executable-users", "all")
    assert [i["ImageId"] for i in cli["Images"]] == ["ami-2"]


def test_a_parents_id_selects_its_children_and_an_unknown_parent_is_not_found(views_endpoint):
    ec2 = client(views_endpoint)
    routes = ec2.describe_client_vpn_routes(ClientVpnEndpointId="cvpn-endpoint-1")["Routes"]
    assert [r["DestinationCidr"] for r in routes] == ["10.0.0.0/16"]
    code = error_code(ec2.describe_client_vpn_routes, ClientVpnEndpointId="cvpn-endpoint-9")
    assert code == "InvalidClientVpnEndpointId.NotFound"


def test_burstable_instances_answer_their_credit_option(views_endpoint):
    ec2 = client(views_endpoint)
    named = ec2.describe_instance_credit_specifications(InstanceIds=["i-1", "i-2"])
    assert named["InstanceCreditSpecifications"] == [
        {"InstanceId": "i-1", "CpuCredits": "unlimited"},
        {"InstanceId": "i-2", "CpuCredits": "unlimited"},
    ]
    cli = aws(views_endpoint, "describe-instance-credit-specifications")
    assert [spec["InstanceId"] for spec in cli["InstanceCreditSpecifications"]] == ["i-1", "i-2"]


def test_an_instances_network_interfaces_are_listed_with_the_instance(views_endpoint):
    ec2 = client(views_endpoint)
    (interface,) = ec2.describe_network_interfaces()["NetworkInterfaces"]
    assert interface["NetworkInterfaceId"] == "eni-1"
    assert interface["Association"]["PublicIp"] == "203.0.113.5"
    assert interface["Attachment"]["InstanceId"] == "i-1"
    assert interface["Attachment"]["InstanceOwnerId"] == ACCOUNT
    assert interface["AvailabilityZone"] == "us-east-1a"
    public = aws(views_endpoint, "describe-network-interfaces", "--filters",
                 "Name=association.public-ip,Values=203.0.113.5")
    assert [eni["NetworkInterfaceId"] for eni in public["NetworkInterfaces"]] == ["eni-1"]


def test_volume_status_is_the_volumes_without_the_checks_only_ec2_observes(views_endpoint):
    ec2 = client(views_endpoint)
    (status,) = ec2.describe_volume_status()["VolumeStatuses"]
    assert status["VolumeId"] == "vol-1"
    assert status["AvailabilityZone"] == "us-east-1a"
    assert "VolumeStatus" not in status
    assert error_code(ec2.describe_volume_status, VolumeIds=["vol-9"]) == "InvalidVolume.NotFound"


def test_an_attribute_ec2_does_not_know_is_invalid_parameter_value(views_endpoint):
    ec2 = client(views_endpoint)
    with pytest.raises(ClientError) as info:
        ec2.describe_instance_attribute(InstanceId="i-1", Attribute="unicorn")
    error = info.value.response["Error"]
    assert (info.value.response["ResponseMetadata"]["HTTPStatusCode"], error["Code"], error["Message"]) == (
        400, "InvalidParameterValue", "Value (unicorn) for parameter attribute is invalid. Unknown attribute.")
    assert error_code(ec2.describe_vpc_attribute, VpcId="vpc-1", Attribute="unicorn") == "InvalidParameterValue"


def test_status_waiters_wait_on_a_derived_status_and_pass_on_a_seeded_one(tmp_path):
    """A derived status holds no checks (EC2's observations), so `instance_status_ok` and
    `system_status_ok` keep waiting, as EC2's would on checks not yet `ok`; a seeded status with
    the checks EC2 reported passes them."""
    fast = {"Delay": 0, "MaxAttempts": 2}
    write_seed(tmp_path, SEED)
    process, url = start_endpoint("--seed-dir", str(tmp_path))
    try:
        for waiter in ("instance_status_ok", "system_status_ok"):
            with pytest.raises(WaiterError, match="Max attempts exceeded"):
                client(url).get_waiter(waiter).wait(InstanceIds=["i-1"], WaiterConfig=fast)
    finally:
        stop_endpoint(process)
    ok = {"Status": "ok", "Details": [{"Name": "reachability", "Status": "passed"}]}
    (tmp_path / "describe-instance-status.json").write_text(json.dumps({"InstanceStatuses": [
        {"InstanceId": "i-1", "AvailabilityZone": "us-east-1a", "InstanceState": {"Code": 16, "Name": "running"},
         "InstanceStatus": ok, "SystemStatus": ok}]}))
    process, url = start_endpoint("--seed-dir", str(tmp_path))
    try:
        for waiter in ("instance_status_ok", "system_status_ok"):
            client(url).get_waiter(waiter).wait(InstanceIds=["i-1"], WaiterConfig=fast)
    finally:
        stop_endpoint(process)


MORE_PRIMARY = {
    "describe-vpcs": {"Vpcs": [{"VpcId": "vpc-9", "OwnerId": ACCOUNT, "IsDefault": True, "CidrBlock": "172.31.0.0/16"}]},
    "describe-volumes": {"Volumes": [{"VolumeId": "vol-9", "Size": 8, "AvailabilityZone": "us-east-1a"}]},
    "describe-addresses": {"Addresses": [{"PublicIp": "198.51.100.7", "AllocationId": "eipalloc-9", "Domain": "vpc"}]},
    "describe-launch-template-versions": {"LaunchTemplateVersions": [
        {"LaunchTemplateId": "lt-9", "LaunchTemplateName": "web", "VersionNumber": 1, "DefaultVersion": True,
         "CreateTime": "2026-01-02T03:04:05.000Z", "CreatedBy": f"arn:aws:iam::{ACCOUNT}:root"},
        {"LaunchTemplateId": "lt-9", "LaunchTemplateName": "web", "VersionNumber": 2, "DefaultVersion": False,
         "CreateTime": "2026-02-02T03:04:05.000Z", "CreatedBy": f"arn:aws:iam::{ACCOUNT}:root"}]},
    "describe-instances": SEED["describe-instances"],
}


def test_vpc_volume_address_interface_and_template_views_come_from_their_primaries(tmp_path):
    """A default VPC's DNS attributes, a volume's product codes, an Elastic IP's attribute, an
    instance's interface's attributes and a template from its versions, read by boto3 and the
    AWS CLI from a seed of the primary operations alone."""
    write_seed(tmp_path, MORE_PRIMARY)
    process, url = start_endpoint("--seed-dir", str(tmp_path))
    try:
        ec2 = client(url)
        dns = ec2.describe_vpc_attribute(VpcId="vpc-9", Attribute="enableDnsHostnames")
        assert dns["EnableDnsHostnames"] == {"Value": True}
        assert aws(url, "describe-volume-attribute", "--volume-id", "vol-9", "--attribute", "productCodes") == {
            "VolumeId": "vol-9", "ProductCodes": []}
        (address,) = ec2.describe_addresses_attribute(AllocationIds=["eipalloc-9"], Attribute="domain-name")[
            "Addresses"]
        assert (address["PublicIp"], address["AllocationId"]) == ("198.51.100.7", "eipalloc-9")
        check = ec2.describe_network_interface_attribute(NetworkInterfaceId="eni-1", Attribute="sourceDestCheck")
        assert check["NetworkInterfaceId"] == "eni-1"
        (template,) = aws(url, "describe-launch-templates")["LaunchTemplates"]
        assert (template["LaunchTemplateId"], template["DefaultVersionNumber"], template["LatestVersionNumber"]) == (
            "lt-9", 1, 2)
    finally:
        stop_endpoint(process)
