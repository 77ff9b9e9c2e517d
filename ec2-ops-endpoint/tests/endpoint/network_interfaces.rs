//! DescribeNetworkInterfaces answered from a capture of DescribeInstances alone: each instance's
//! interfaces, with the instance's ID, owner, zone and Outpost; a seeded interface wins for its ID
//! (the derived one filling what it lacks); instances put and removed at run time change the
//! interfaces at once.

use crate::common;

use ec2_ops_catalog::vpc::DescribeNetworkInterfacesResponse;
use ec2_ops_endpoint::Store;
use serde_json::{Value, json};

const INSTANCES: &str = r#"{"Reservations": [
  {"ReservationId": "r-1", "OwnerId": "123456789012", "Instances": [
    {"InstanceId": "i-1", "InstanceType": "t3.micro", "State": {"Code": 16, "Name": "running"},
     "Placement": {"AvailabilityZone": "eu-west-1a", "AvailabilityZoneId": "euw1-az1"},
     "NetworkInterfaces": [
       {"NetworkInterfaceId": "eni-1", "SubnetId": "subnet-1", "VpcId": "vpc-1",
        "Description": "", "OwnerId": "123456789012", "Status": "in-use",
        "MacAddress": "02:00:00:00:00:01", "PrivateIpAddress": "10.0.0.5",
        "PrivateDnsName": "ip-10-0-0-5.eu-west-1.compute.internal", "SourceDestCheck": true,
        "InterfaceType": "interface",
        "Groups": [{"GroupId": "sg-1", "GroupName": "web"}],
        "Association": {"IpOwnerId": "amazon", "PublicDnsName": "", "PublicIp": "203.0.113.5"},
        "Attachment": {"AttachTime": "2026-01-02T03:04:05.000Z", "AttachmentId": "eni-attach-1",
                       "DeleteOnTermination": true, "DeviceIndex": 0, "NetworkCardIndex": 0,
                       "Status": "attached"},
        "PrivateIpAddresses": [{"Primary": true, "PrivateIpAddress": "10.0.0.5",
                                "PrivateDnsName": "ip-10-0-0-5.eu-west-1.compute.internal",
                                "Association": {"IpOwnerId": "amazon", "PublicDnsName": "", "PublicIp": "203.0.113.5"}}],
        "Ipv6Addresses": [{"Ipv6Address": "2001:db8::5", "IsPrimaryIpv6": true}],
        "Ipv4Prefixes": [{"Ipv4Prefix": "10.0.1.0/28"}]},
       {"NetworkInterfaceId": "eni-2", "SubnetId": "subnet-1", "VpcId": "vpc-1",
        "Attachment": {"AttachmentId": "eni-attach-2", "DeviceIndex": 1, "Status": "attached"}}]},
    {"InstanceId": "i-2", "State": {"Code": 80, "Name": "stopped"},
     "OutpostArn": "arn:aws:outposts:eu-west-1:123456789012:outpost/op-1",
     "NetworkInterfaces": [{"NetworkInterfaceId": "eni-3", "SubnetId": "subnet-2",
        "Attachment": {"AttachmentId": "eni-attach-3", "DeviceIndex": 0, "Status": "attached"}}]}]}
]}"#;

/// The interfaces answered to `query`, as the AWS CLI prints them.
fn interfaces(store: &Store, query: &str) -> Vec<Value> {
    common::listed::<DescribeNetworkInterfacesResponse>(
        store,
        "DescribeNetworkInterfaces",
        "NetworkInterfaces",
        query,
    )
}

fn ids(interfaces: &[Value]) -> Vec<&str> {
    interfaces
        .iter()
        .map(|interface| interface["NetworkInterfaceId"].as_str().unwrap())
        .collect()
}

#[test]
fn an_instances_interface_is_answered_field_by_field_with_the_instances_id_owner_and_zone() {
    let store = common::store(&[("describe-instances", INSTANCES)]);
    let answered = interfaces(&store, "&NetworkInterfaceId.1=eni-1");
    assert_eq!(
        answered,
        [json!({
            "NetworkInterfaceId": "eni-1", "SubnetId": "subnet-1", "VpcId": "vpc-1",
            "AvailabilityZone": "eu-west-1a", "AvailabilityZoneId": "euw1-az1",
            "Description": "", "OwnerId": "123456789012", "Status": "in-use",
            "MacAddress": "02:00:00:00:00:01", "PrivateIpAddress": "10.0.0.5",
            "PrivateDnsName": "ip-10-0-0-5.eu-west-1.compute.internal", "SourceDestCheck": true,
            "InterfaceType": "interface",
            "Groups": [{"GroupId": "sg-1", "GroupName": "web"}],
            "Association": {"IpOwnerId": "amazon", "PublicDnsName": "", "PublicIp": "203.0.113.5"},
            "Attachment": {"AttachTime": "2026-01-02T03:04:05.000Z", "AttachmentId": "eni-attach-1",
                           "DeleteOnTermination": true, "DeviceIndex": 0, "NetworkCardIndex": 0,
                           "InstanceId": "i-1", "InstanceOwnerId": "123456789012",
                           "Status": "attached"},
            "PrivateIpAddresses": [{"Primary": true, "PrivateIpAddress": "10.0.0.5",
                                    "PrivateDnsName": "ip-10-0-0-5.eu-west-1.compute.internal",
                                    "Association": {"IpOwnerId": "amazon", "PublicDnsName": "", "PublicIp": "203.0.113.5"}}],
            "Ipv6Addresses": [{"Ipv6Address": "2001:db8::5", "IsPrimaryIpv6": true}],
            "Ipv4Prefixes": [{"Ipv4Prefix": "10.0.1.0/28"}]
        })]
    );
}

#[test]
fn every_instances_interfaces_are_listed_and_filters_apply() {
    let store = common::store(&[("describe-instances", INSTANCES)]);
    assert_eq!(ids(&interfaces(&store, "")), ["eni-1", "eni-2", "eni-3"]);
    assert_eq!(
        ids(&interfaces(
            &store,
            "&Filter.1.Name=attachment.instance-id&Filter.1.Value.1=i-1"
        )),
        ["eni-1", "eni-2"]
    );
    assert_eq!(
        ids(&interfaces(
            &store,
            "&Filter.1.Name=addresses.association.public-ip&Filter.1.Value.1=203.0.113.5"
        )),
        ["eni-1"]
    );
    let outpost = interfaces(&store, "&NetworkInterfaceId.1=eni-3");
    assert_eq!(
        outpost[0]["OutpostArn"],
        "arn:aws:outposts:eu-west-1:123456789012:outpost/op-1"
    );
    let answer = store
        .handle(b"Action=DescribeNetworkInterfaces&Version=2016-11-15&NetworkInterfaceId.1=eni-9");
    assert_eq!(
        answer.error_code.as_deref(),
        Some("InvalidNetworkInterfaceID.NotFound")
    );
}

#[test]
fn a_seeded_interface_wins_and_the_derived_one_fills_what_it_lacks() {
    let seeded = r#"{"NetworkInterfaces": [
      {"NetworkInterfaceId": "eni-2", "Description": "seeded", "TagSet": [{"Key": "team", "Value": "edge"}]},
      {"NetworkInterfaceId": "eni-7", "Status": "available", "SubnetId": "subnet-1"}
    ]}"#;
    let store = common::store(&[
        ("describe-instances", INSTANCES),
        ("describe-network-interfaces", seeded),
    ]);
    let answered = interfaces(&store, "");
    assert_eq!(ids(&answered), ["eni-1", "eni-2", "eni-3", "eni-7"]);
    assert_eq!(answered[1]["Description"], "seeded");
    assert_eq!(answered[1]["Attachment"]["InstanceId"], "i-1");
    assert_eq!(
        answered[1]["TagSet"],
        json!([{"Key": "team", "Value": "edge"}])
    );
}

#[test]
fn instances_put_and_removed_at_run_time_change_the_interfaces_at_once() {
    let store = common::store(&[("describe-instances", INSTANCES)]);
    store
        .put_json(
            "describe-instances",
            r#"{"Reservations": [{"ReservationId": "r-2", "Instances": [
                 {"InstanceId": "i-3", "State": {"Code": 16, "Name": "running"},
                  "NetworkInterfaces": [{"NetworkInterfaceId": "eni-4",
                    "Attachment": {"DeviceIndex": 0, "Status": "attached"}}]}]}]}"#,
        )
        .unwrap();
    assert_eq!(
        ids(&interfaces(&store, "")),
        ["eni-1", "eni-2", "eni-3", "eni-4"]
    );
    assert!(store.remove::<ec2_ops::operations::instances::DescribeInstances>("i-1"));
    assert_eq!(ids(&interfaces(&store, "")), ["eni-3", "eni-4"]);
    store.reset();
    assert_eq!(ids(&interfaces(&store, "")), ["eni-1", "eni-2", "eni-3"]);
}
