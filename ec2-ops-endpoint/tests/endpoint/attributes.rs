//! Attribute operations as the AWS CLI captures them, one output per resource and attribute: the
//! outputs of one resource are one resource, and each request answers the attribute it asks for.

use ec2_ops::DescribeContext;
use ec2_ops_endpoint::{Seed, Store};
use serde_json::{Value, json};

/// What `aws ec2 describe-instance-attribute` prints for three attributes of two instances.
const INSTANCE_ATTRIBUTES: &str = r#"[
  {"InstanceId": "i-1", "InstanceType": {"Value": "t3.micro"}},
  {"InstanceId": "i-1", "UserData": {"Value": "IyEvYmluL3NoCg=="}},
  {"InstanceId": "i-1", "DisableApiTermination": {"Value": true}},
  {"InstanceId": "i-2", "InstanceType": {"Value": "m5.large"}}
]"#;

fn store(name: &str, output: &str) -> Store {
    Store::new(
        &Seed::from_output(name, output).unwrap(),
        DescribeContext::default(),
    )
    .unwrap()
}

/// The answer to `query` as the AWS CLI prints it (response metadata aside), or the error code.
fn ask<Response: ec2_ops::Ec2Response + Default + serde::Serialize>(
    store: &Store,
    query: &str,
) -> Result<Value, String> {
    let answer = store.handle(format!("Version=2016-11-15&{query}").as_bytes());
    if let Some(code) = answer.error_code {
        return Err(code);
    }
    let response = Response::from_xml(&answer.body).unwrap();
    Ok(serde_json::to_value(&response).unwrap())
}

fn instance(store: &Store, id: &str, attribute: &str) -> Result<Value, String> {
    ask::<ec2_ops_catalog::instances::DescribeInstanceAttributeResponse>(
        store,
        &format!("Action=DescribeInstanceAttribute&InstanceId={id}&Attribute={attribute}"),
    )
}

#[test]
fn outputs_of_one_resource_for_several_attributes_are_one_resource() {
    let store = store("describe-instance-attribute", INSTANCE_ATTRIBUTES);
    assert_eq!(store.count("DescribeInstanceAttribute"), Some(2));
}

#[test]
fn each_request_answers_the_attribute_it_asks_for_beside_the_id() {
    let store = store("describe-instance-attribute", INSTANCE_ATTRIBUTES);
    assert_eq!(
        instance(&store, "i-1", "userData"),
        Ok(json!({"InstanceId": "i-1", "UserData": {"Value": "IyEvYmluL3NoCg=="}}))
    );
    assert_eq!(
        instance(&store, "i-1", "instanceType"),
        Ok(json!({"InstanceId": "i-1", "InstanceType": {"Value": "t3.micro"}}))
    );
    assert_eq!(
        instance(&store, "i-1", "disableApiTermination"),
        Ok(json!({"InstanceId": "i-1", "DisableApiTermination": {"Value": true}}))
    );
    assert_eq!(
        instance(&store, "i-2", "userData"),
        Ok(json!({"InstanceId": "i-2"})),
        "an attribute not captured is not invented"
    );
}

#[test]
fn an_unknown_resource_is_not_found_and_a_missing_attribute_is_missing_parameter() {
    let store = store("describe-instance-attribute", INSTANCE_ATTRIBUTES);
    assert_eq!(
        instance(&store, "i-9", "userData"),
        Err("InvalidInstanceID.NotFound".to_owned())
    );
    assert_eq!(
        ask::<ec2_ops_catalog::instances::DescribeInstanceAttributeResponse>(
            &store,
            "Action=DescribeInstanceAttribute&InstanceId=i-1"
        ),
        Err("MissingParameter".to_owned())
    );
}

#[test]
fn outputs_giving_one_attribute_two_values_are_refused_naming_the_member() {
    let conflicting = r#"[
      {"InstanceId": "i-1", "InstanceType": {"Value": "t3.micro"}},
      {"InstanceId": "i-1", "InstanceType": {"Value": "t3.large"}}
    ]"#;
    let error = Seed::from_output("describe-instance-attribute", conflicting)
        .and_then(|seed| Store::new(&seed, DescribeContext::default()).map(|_| ()))
        .unwrap_err()
        .to_string();
    assert!(error.contains("`InstanceType` another value"), "{error}");
}

#[test]
fn a_permission_list_asked_for_and_not_held_is_empty() {
    let store = store(
        "describe-snapshot-attribute",
        r#"[{"SnapshotId": "snap-1", "ProductCodes": []},
            {"SnapshotId": "snap-2", "CreateVolumePermissions": [{"UserId": "111122223333"}]}]"#,
    );
    let snapshot = |id: &str| {
        ask::<ec2_ops_catalog::ebs::DescribeSnapshotAttributeResponse>(
            &store,
            &format!(
                "Action=DescribeSnapshotAttribute&SnapshotId={id}&Attribute=createVolumePermission"
            ),
        )
    };
    assert_eq!(
        snapshot("snap-1"),
        Ok(json!({"SnapshotId": "snap-1", "CreateVolumePermissions": []}))
    );
    assert_eq!(
        snapshot("snap-2"),
        Ok(json!({"SnapshotId": "snap-2",
                  "CreateVolumePermissions": [{"UserId": "111122223333"}]}))
    );
}

#[test]
fn list_operations_still_refuse_a_repeated_id() {
    let repeated = r#"{"Subnets": [{"SubnetId": "subnet-1"}, {"SubnetId": "subnet-1"}]}"#;
    let error = Seed::from_output("describe-subnets", repeated)
        .and_then(|seed| Store::new(&seed, DescribeContext::default()).map(|_| ()))
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("a second resource with the ID `subnet-1`"),
        "{error}"
    );
}

/// The account's images, one public and one private, and another account's public image.
const IMAGES: &str = r#"{"Images": [
  {"ImageId": "ami-1", "OwnerId": "123456789012", "Public": true, "Description": "web",
   "BootMode": "uefi", "ProductCodes": [{"ProductCodeId": "pc-1", "ProductCodeType": "marketplace"}],
   "BlockDeviceMappings": [{"DeviceName": "/dev/xvda", "Ebs": {"SnapshotId": "snap-1", "VolumeSize": 8}}]},
  {"ImageId": "ami-2", "OwnerId": "123456789012", "Public": false},
  {"ImageId": "ami-3", "OwnerId": "137112412989", "Public": true, "ImageOwnerAlias": "amazon"}
]}"#;

fn image(store: &Store, id: &str, attribute: &str) -> Result<Value, String> {
    ask::<ec2_ops_catalog::images::DescribeImageAttributeResponse>(
        store,
        &format!("Action=DescribeImageAttribute&ImageId={id}&Attribute={attribute}"),
    )
}

fn snapshot(store: &Store, id: &str) -> Result<Value, String> {
    ask::<ec2_ops_catalog::ebs::DescribeSnapshotAttributeResponse>(
        store,
        &format!(
            "Action=DescribeSnapshotAttribute&SnapshotId={id}&Attribute=createVolumePermission"
        ),
    )
}

#[test]
fn a_capture_of_images_answers_their_attributes_field_by_field() {
    let store = store("describe-images", IMAGES);
    assert_eq!(
        image(&store, "ami-1", "launchPermission"),
        Ok(json!({"ImageId": "ami-1", "LaunchPermissions": [{"Group": "all"}]}))
    );
    assert_eq!(
        image(&store, "ami-2", "launchPermission"),
        Ok(json!({"ImageId": "ami-2", "LaunchPermissions": []}))
    );
    assert_eq!(
        image(&store, "ami-1", "description"),
        Ok(json!({"ImageId": "ami-1", "Description": {"Value": "web"}}))
    );
    assert_eq!(
        image(&store, "ami-1", "bootMode"),
        Ok(json!({"ImageId": "ami-1", "BootMode": {"Value": "uefi"}}))
    );
    assert_eq!(
        image(&store, "ami-1", "productCodes"),
        Ok(json!({"ImageId": "ami-1",
                  "ProductCodes": [{"ProductCodeId": "pc-1", "ProductCodeType": "marketplace"}]}))
    );
    assert_eq!(
        image(&store, "ami-1", "blockDeviceMapping"),
        Ok(json!({"ImageId": "ami-1", "BlockDeviceMappings":
                  [{"DeviceName": "/dev/xvda", "Ebs": {"SnapshotId": "snap-1", "VolumeSize": 8}}]}))
    );
    assert_eq!(
        image(&store, "ami-2", "kernel"),
        Ok(json!({"ImageId": "ami-2"})),
        "an attribute the image does not hold is left out"
    );
}

#[test]
fn another_accounts_image_has_no_attributes_here() {
    let store = store("describe-images", IMAGES);
    assert_eq!(
        image(&store, "ami-3", "launchPermission"),
        Err("InvalidAMIID.NotFound".to_owned())
    );
}

#[test]
fn a_seeded_image_attribute_wins_for_its_image() {
    let seed = Seed::from_output("describe-images", IMAGES)
        .unwrap()
        .merge(
            Seed::from_output(
                "describe-image-attribute",
                r#"{"ImageId": "ami-2", "LaunchPermissions": [{"UserId": "111122223333"}]}"#,
            )
            .unwrap(),
        )
        .unwrap();
    let store = Store::new(&seed, DescribeContext::default()).unwrap();
    assert_eq!(
        image(&store, "ami-2", "launchPermission"),
        Ok(json!({"ImageId": "ami-2", "LaunchPermissions": [{"UserId": "111122223333"}]}))
    );
    assert_eq!(
        image(&store, "ami-1", "launchPermission"),
        Ok(json!({"ImageId": "ami-1", "LaunchPermissions": [{"Group": "all"}]}))
    );
}

#[test]
fn a_capture_of_snapshots_answers_the_accounts_create_volume_permissions_as_empty() {
    let store = store(
        "describe-snapshots",
        r#"{"Snapshots": [
          {"SnapshotId": "snap-1", "OwnerId": "123456789012"},
          {"SnapshotId": "snap-2", "OwnerId": "137112412989", "OwnerAlias": "amazon"}
        ]}"#,
    );
    assert_eq!(
        snapshot(&store, "snap-1"),
        Ok(json!({"SnapshotId": "snap-1", "CreateVolumePermissions": []}))
    );
    assert_eq!(
        snapshot(&store, "snap-2"),
        Err("InvalidSnapshot.NotFound".to_owned())
    );
}

#[test]
fn images_put_and_removed_at_run_time_change_their_attributes_at_once() {
    let store = store("describe-images", IMAGES);
    store
        .put_json(
            "describe-images",
            r#"{"Images": [{"ImageId": "ami-2", "OwnerId": "123456789012", "Public": true}]}"#,
        )
        .unwrap();
    assert_eq!(
        image(&store, "ami-2", "launchPermission"),
        Ok(json!({"ImageId": "ami-2", "LaunchPermissions": [{"Group": "all"}]}))
    );
    assert!(store.remove::<ec2_ops_catalog::images::DescribeImages>("ami-2"));
    assert!(image(&store, "ami-2", "launchPermission").is_err());
}

const INSTANCES: &str = r#"{"Reservations": [{"ReservationId": "r-1", "OwnerId": "123456789012",
  "Instances": [{"InstanceId": "i-1", "InstanceType": "t3.micro", "RootDeviceName": "/dev/xvda",
    "EbsOptimized": true, "EnaSupport": true, "SourceDestCheck": false,
    "SecurityGroups": [{"GroupId": "sg-1", "GroupName": "web"}],
    "BlockDeviceMappings": [{"DeviceName": "/dev/xvda",
      "Ebs": {"VolumeId": "vol-1", "Status": "attached", "DeleteOnTermination": true}}]}]}]}"#;

#[test]
fn a_capture_of_instances_answers_their_attributes_field_by_field() {
    let store = store("describe-instances", INSTANCES);
    let asked = |attribute: &str| instance(&store, "i-1", attribute);
    assert_eq!(
        asked("instanceType"),
        Ok(json!({"InstanceId": "i-1", "InstanceType": {"Value": "t3.micro"}}))
    );
    assert_eq!(
        asked("rootDeviceName"),
        Ok(json!({"InstanceId": "i-1", "RootDeviceName": {"Value": "/dev/xvda"}}))
    );
    assert_eq!(
        asked("ebsOptimized"),
        Ok(json!({"InstanceId": "i-1", "EbsOptimized": {"Value": true}}))
    );
    assert_eq!(
        asked("sourceDestCheck"),
        Ok(json!({"InstanceId": "i-1", "SourceDestCheck": {"Value": false}}))
    );
    assert_eq!(
        asked("groupSet"),
        Ok(json!({"InstanceId": "i-1", "Groups": [{"GroupId": "sg-1", "GroupName": "web"}]}))
    );
    assert_eq!(
        asked("blockDeviceMapping"),
        Ok(
            json!({"InstanceId": "i-1", "BlockDeviceMappings": [{"DeviceName": "/dev/xvda",
            "Ebs": {"VolumeId": "vol-1", "Status": "attached", "DeleteOnTermination": true}}]})
        )
    );
    assert_eq!(
        asked("userData"),
        Ok(json!({"InstanceId": "i-1"})),
        "user data is not in DescribeInstances' data"
    );
}

#[test]
fn seeded_instance_attributes_win_and_the_instance_fills_the_rest() {
    let seed = Seed::from_output("describe-instances", INSTANCES)
        .unwrap()
        .merge(
            Seed::from_output(
                "describe-instance-attribute",
                r#"[{"InstanceId": "i-1", "UserData": {"Value": "IyEvYmluL3NoCg=="}},
                    {"InstanceId": "i-1", "InstanceType": {"Value": "t3.large"}}]"#,
            )
            .unwrap(),
        )
        .unwrap();
    let store = Store::new(&seed, DescribeContext::default()).unwrap();
    assert_eq!(
        instance(&store, "i-1", "userData"),
        Ok(json!({"InstanceId": "i-1", "UserData": {"Value": "IyEvYmluL3NoCg=="}}))
    );
    assert_eq!(
        instance(&store, "i-1", "instanceType"),
        Ok(json!({"InstanceId": "i-1", "InstanceType": {"Value": "t3.large"}})),
        "what the account said wins"
    );
    assert_eq!(
        instance(&store, "i-1", "ebsOptimized"),
        Ok(json!({"InstanceId": "i-1", "EbsOptimized": {"Value": true}}))
    );
}

#[test]
fn a_default_vpc_answers_ec2s_dns_defaults_and_another_vpc_only_its_id() {
    let store = store(
        "describe-vpcs",
        r#"{"Vpcs": [{"VpcId": "vpc-1", "IsDefault": true}, {"VpcId": "vpc-2", "IsDefault": false}]}"#,
    );
    let vpc = |id: &str, attribute: &str| {
        ask::<ec2_ops_catalog::vpc::DescribeVpcAttributeResponse>(
            &store,
            &format!("Action=DescribeVpcAttribute&VpcId={id}&Attribute={attribute}"),
        )
    };
    assert_eq!(
        vpc("vpc-1", "enableDnsSupport"),
        Ok(json!({"VpcId": "vpc-1", "EnableDnsSupport": {"Value": true}}))
    );
    assert_eq!(
        vpc("vpc-1", "enableDnsHostnames"),
        Ok(json!({"VpcId": "vpc-1", "EnableDnsHostnames": {"Value": true}}))
    );
    assert_eq!(
        vpc("vpc-2", "enableDnsHostnames"),
        Ok(json!({"VpcId": "vpc-2"})),
        "a non-default VPC's settings are not in DescribeVpcs' data"
    );
    assert_eq!(
        vpc("vpc-9", "enableDnsSupport"),
        Err("InvalidVpcID.NotFound".to_owned())
    );
}

#[test]
fn a_volume_answers_no_product_codes_and_an_interface_its_own_attributes() {
    let seed = Seed::from_output("describe-volumes", r#"{"Volumes": [{"VolumeId": "vol-1"}]}"#)
        .unwrap()
        .merge(
            Seed::from_output(
                "describe-network-interfaces",
                r#"{"NetworkInterfaces": [{"NetworkInterfaceId": "eni-1", "Description": "primary",
                    "SourceDestCheck": true, "Groups": [{"GroupId": "sg-1", "GroupName": "web"}],
                    "Attachment": {"AttachmentId": "eni-attach-1", "InstanceId": "i-1", "DeviceIndex": 0}}]}"#,
            )
            .unwrap(),
        )
        .unwrap();
    let store = Store::new(&seed, DescribeContext::default()).unwrap();
    assert_eq!(
        ask::<ec2_ops_catalog::ebs::DescribeVolumeAttributeResponse>(
            &store,
            "Action=DescribeVolumeAttribute&VolumeId=vol-1&Attribute=productCodes"
        ),
        Ok(json!({"VolumeId": "vol-1", "ProductCodes": []}))
    );
    let interface = |attribute: &str| {
        ask::<ec2_ops_catalog::vpc::DescribeNetworkInterfaceAttributeResponse>(
            &store,
            &format!(
                "Action=DescribeNetworkInterfaceAttribute&NetworkInterfaceId=eni-1&Attribute={attribute}"
            ),
        )
    };
    assert_eq!(
        interface("description"),
        Ok(json!({"NetworkInterfaceId": "eni-1", "Description": {"Value": "primary"}}))
    );
    assert_eq!(
        interface("sourceDestCheck"),
        Ok(json!({"NetworkInterfaceId": "eni-1", "SourceDestCheck": {"Value": true}}))
    );
    assert_eq!(
        interface("attachment"),
        Ok(json!({"NetworkInterfaceId": "eni-1", "Attachment":
            {"AttachmentId": "eni-attach-1", "InstanceId": "i-1", "DeviceIndex": 0}}))
    );
}

#[test]
fn an_instance_s_interfaces_answer_their_attributes_as_long_as_the_instance_is_served() {
    let store = store(
        "describe-instances",
        r#"{"Reservations": [{"ReservationId": "r-1", "OwnerId": "123456789012", "Instances": [
            {"InstanceId": "i-1", "Placement": {"AvailabilityZone": "us-east-1a"},
             "NetworkInterfaces": [{"NetworkInterfaceId": "eni-7", "Description": "",
                "SourceDestCheck": false, "Groups": [{"GroupId": "sg-1", "GroupName": "web"}],
                "Attachment": {"AttachmentId": "eni-attach-7", "DeviceIndex": 0, "Status": "attached"}}]}]}]}"#,
    );
    let interface = |attribute: &str| {
        ask::<ec2_ops_catalog::vpc::DescribeNetworkInterfaceAttributeResponse>(
            &store,
            &format!(
                "Action=DescribeNetworkInterfaceAttribute&NetworkInterfaceId=eni-7&Attribute={attribute}"
            ),
        )
    };
    assert_eq!(
        interface("sourceDestCheck"),
        Ok(json!({"NetworkInterfaceId": "eni-7", "SourceDestCheck": {"Value": false}}))
    );
    assert_eq!(
        interface("groupSet"),
        Ok(
            json!({"NetworkInterfaceId": "eni-7", "Groups": [{"GroupId": "sg-1", "GroupName": "web"}]})
        )
    );
    // The attachment names the instance, as DescribeNetworkInterfaces shows it.
    let attachment = interface("attachment").unwrap();
    assert_eq!(attachment["Attachment"]["InstanceId"], "i-1");
    assert!(store.remove::<ec2_ops::operations::instances::DescribeInstances>("i-1"));
    assert_eq!(
        interface("description"),
        Err("InvalidNetworkInterfaceID.NotFound".to_owned())
    );
}

const ADDRESSES: &str = r#"{"Addresses": [
  {"PublicIp": "203.0.113.5", "AllocationId": "eipalloc-1", "Domain": "vpc"},
  {"PublicIp": "203.0.113.6", "Domain": "standard"}
]}"#;

fn addresses_attribute(store: &Store, query: &str) -> Result<Value, String> {
    ask::<ec2_ops_catalog::vpc::DescribeAddressesAttributeResponse>(
        store,
        &format!("Action=DescribeAddressesAttribute{query}"),
    )
}

#[test]
fn a_capture_of_addresses_answers_their_attributes_without_a_reverse_dns_record() {
    let store = store("describe-addresses", ADDRESSES);
    assert_eq!(
        addresses_attribute(&store, "&AllocationId.1=eipalloc-1&Attribute=domain-name"),
        Ok(json!({"Addresses": [{"PublicIp": "203.0.113.5", "AllocationId": "eipalloc-1"}]}))
    );
    assert_eq!(
        addresses_attribute(&store, "&Attribute=domain-name").unwrap()["Addresses"]
            .as_array()
            .map(Vec::len),
        Some(1),
        "an address without an allocation ID has no attributes"
    );
}

#[test]
fn a_seeded_address_attribute_wins_and_addresses_removed_at_run_time_take_theirs() {
    let seeded =
        r#"{"Addresses": [{"AllocationId": "eipalloc-1", "PtrRecord": "web.example.com."}]}"#;
    let seed = Seed::from_output("describe-addresses", ADDRESSES)
        .unwrap()
        .merge(Seed::from_output("describe-addresses-attribute", seeded).unwrap())
        .unwrap();
    let store = Store::new(&seed, DescribeContext::default()).unwrap();
    assert_eq!(
        addresses_attribute(&store, "&AllocationId.1=eipalloc-1"),
        Ok(
            json!({"Addresses": [{"PublicIp": "203.0.113.5", "AllocationId": "eipalloc-1",
                                 "PtrRecord": "web.example.com."}]})
        )
    );
    let plain = self::store("describe-addresses", ADDRESSES);
    assert!(plain.remove::<ec2_ops_catalog::vpc::DescribeAddresses>("203.0.113.5"));
    assert_eq!(
        addresses_attribute(&plain, "&AllocationId.1=eipalloc-1"),
        Err("InvalidAllocationID.NotFound".to_owned())
    );
}

/// Every attribute operation with the ID key its request needs: the table must name each served
/// action whose name ends in `Attribute`, so a new one cannot go unchecked.
const ATTRIBUTE_OPERATIONS: &[(&str, &str)] = &[
    ("DescribeAddressesAttribute", "AllocationId.1=eipalloc-1"),
    ("DescribeFpgaImageAttribute", "FpgaImageId=afi-1"),
    ("DescribeImageAttribute", "ImageId=ami-1"),
    ("DescribeInstanceAttribute", "InstanceId=i-1"),
    (
        "DescribeNetworkInterfaceAttribute",
        "NetworkInterfaceId=eni-1",
    ),
    ("DescribeSnapshotAttribute", "SnapshotId=snap-1"),
    ("DescribeVolumeAttribute", "VolumeId=vol-1"),
    ("DescribeVpcAttribute", "VpcId=vpc-1"),
];

#[test]
fn an_attribute_ec2_does_not_know_is_invalid_parameter_value_before_the_resource_is_looked_up() {
    let store = Store::new(&Seed::empty(), DescribeContext::default()).unwrap();
    let served: Vec<&str> = store
        .actions()
        .filter(|action| action.ends_with("Attribute"))
        .collect();
    let tabled: Vec<&str> = ATTRIBUTE_OPERATIONS
        .iter()
        .map(|(action, _)| *action)
        .collect();
    assert_eq!(served, tabled);
    for (action, id) in ATTRIBUTE_OPERATIONS {
        // The resource does not exist either: the attribute is what EC2 reports.
        let answer = store.handle(
            format!("Action={action}&Version=2016-11-15&{id}&Attribute=unicorn").as_bytes(),
        );
        let body = String::from_utf8_lossy(&answer.body);
        assert_eq!(
            (answer.status, answer.error_code.as_deref()),
            (400, Some("InvalidParameterValue")),
            "{action}: {body}"
        );
        assert!(
            body.contains("Value (unicorn) for parameter attribute is invalid. Unknown attribute."),
            "{action}: {body}"
        );
    }
}

/// The account's FPGA images, one public and one private, and another account's public one.
const FPGA_IMAGES: &str = r#"{"FpgaImages": [
  {"FpgaImageId": "afi-1", "OwnerId": "123456789012", "Public": true, "Name": "filter",
   "Description": "a video filter", "ProductCodes": [{"ProductCodeId": "pc-9", "ProductCodeType": "marketplace"}]},
  {"FpgaImageId": "afi-2", "OwnerId": "123456789012", "Public": false, "Name": "private"},
  {"FpgaImageId": "afi-3", "OwnerId": "137112412989", "Public": true}
]}"#;

fn fpga_image(store: &Store, id: &str, attribute: &str) -> Result<Value, String> {
    ask::<ec2_ops_catalog::images::DescribeFpgaImageAttributeResponse>(
        store,
        &format!("Action=DescribeFpgaImageAttribute&FpgaImageId={id}&Attribute={attribute}"),
    )
}

#[test]
fn a_capture_of_fpga_images_answers_their_attributes_and_another_accounts_none() {
    let store = Store::new(
        &Seed::from_output("describe-fpga-images", FPGA_IMAGES).unwrap(),
        DescribeContext::default().with_account_id("123456789012"),
    )
    .unwrap();
    assert_eq!(
        fpga_image(&store, "afi-1", "loadPermission"),
        Ok(
            json!({"FpgaImageAttribute": {"FpgaImageId": "afi-1", "LoadPermissions": [{"Group": "all"}]}})
        )
    );
    assert_eq!(
        fpga_image(&store, "afi-2", "loadPermission"),
        Ok(json!({"FpgaImageAttribute": {"FpgaImageId": "afi-2", "LoadPermissions": []}}))
    );
    assert_eq!(
        fpga_image(&store, "afi-1", "description"),
        Ok(
            json!({"FpgaImageAttribute": {"FpgaImageId": "afi-1", "Description": "a video filter"}})
        )
    );
    assert_eq!(
        fpga_image(&store, "afi-2", "name"),
        Ok(json!({"FpgaImageAttribute": {"FpgaImageId": "afi-2", "Name": "private"}}))
    );
    assert_eq!(
        fpga_image(&store, "afi-1", "productCodes"),
        Ok(json!({"FpgaImageAttribute": {"FpgaImageId": "afi-1",
                  "ProductCodes": [{"ProductCodeId": "pc-9", "ProductCodeType": "marketplace"}]}}))
    );
    assert_eq!(
        fpga_image(&store, "afi-3", "loadPermission"),
        Err("InvalidFpgaImageID.NotFound".to_owned())
    );
}
