//! The three rules every derived view keeps, checked over one table of all of them (each view's
//! own file checks its fields one by one):
//!
//! 1. a seed holding only the primary operation's resource answers the view for it;
//! 2. a seeded record of the view's own operation for that resource wins (what the account said);
//! 3. a primary resource put at run time appears in the view at once, and one removed leaves it
//!    (launch template versions, kept by position, are replaced instead: `launch_templates.rs`).
//!
//! DescribeTags is not in the table: its seeded tags add tags of resources not served rather
//! than replacing a served resource's (`seeding.rs` checks it).

use ec2_ops::DescribeContext;
use ec2_ops_endpoint::{Seed, Store};

/// One derived view: the primary operation's output holding resource `id` (and the same with
/// `other` in its place), the view's request for a resource (`{id}` stands for the ID), and a
/// record of the view's own operation for `id` holding `seeded_value`, which the primary's data
/// does not.
struct View {
    view: &'static str,
    primary: &'static str,
    output: &'static str,
    id: &'static str,
    other: &'static str,
    query: &'static str,
    view_command: &'static str,
    seeded: &'static str,
    seeded_value: &'static str,
}

const INSTANCES: &str = r#"{"Reservations": [{"ReservationId": "r-1", "OwnerId": "123456789012", "Instances": [
  {"InstanceId": "i-1", "InstanceType": "t3.micro", "State": {"Code": 16, "Name": "running"},
   "Placement": {"AvailabilityZone": "us-east-1a"},
   "NetworkInterfaces": [{"NetworkInterfaceId": "eni-1i-1", "Description": "derived", "SubnetId": "subnet-1",
     "Attachment": {"AttachmentId": "eni-attach-1", "DeviceIndex": 0, "Status": "attached"}}]}]}]}"#;

const VIEWS: &[View] = &[
    View {
        view: "DescribeInstanceStatus",
        primary: "describe-instances",
        output: INSTANCES,
        id: "i-1",
        other: "i-2",
        query: "InstanceId.1={id}&IncludeAllInstances=true",
        view_command: "describe-instance-status",
        seeded: r#"{"InstanceStatuses": [{"InstanceId": "i-1", "InstanceState": {"Code": 16, "Name": "running"},
            "InstanceStatus": {"Status": "impaired"}}]}"#,
        seeded_value: "impaired",
    },
    View {
        view: "DescribeInstanceAttribute",
        primary: "describe-instances",
        output: INSTANCES,
        id: "i-1",
        other: "i-2",
        query: "InstanceId={id}&Attribute=instanceType",
        view_command: "describe-instance-attribute",
        seeded: r#"{"InstanceId": "i-1", "InstanceType": {"Value": "m7g.medium"}}"#,
        seeded_value: "m7g.medium",
    },
    View {
        view: "DescribeInstanceCreditSpecifications",
        primary: "describe-instances",
        output: INSTANCES,
        id: "i-1",
        other: "i-2",
        query: "InstanceId.1={id}",
        view_command: "describe-instance-credit-specifications",
        seeded: r#"{"InstanceCreditSpecifications": [{"InstanceId": "i-1", "CpuCredits": "standard"}]}"#,
        seeded_value: "standard",
    },
    View {
        view: "DescribeNetworkInterfaces",
        primary: "describe-instances",
        output: INSTANCES,
        id: "eni-1i-1",
        // What the instance's ID in place of i-1's makes of the interface's ID.
        other: "eni-2i-2",
        query: "NetworkInterfaceId.1={id}",
        view_command: "describe-network-interfaces",
        seeded: r#"{"NetworkInterfaces": [{"NetworkInterfaceId": "eni-1i-1", "Description": "seeded-description"}]}"#,
        seeded_value: "seeded-description",
    },
    View {
        view: "DescribeNetworkInterfaceAttribute",
        primary: "describe-instances",
        output: INSTANCES,
        id: "eni-1i-1",
        // What the instance's ID in place of i-1's makes of the interface's ID.
        other: "eni-2i-2",
        query: "NetworkInterfaceId={id}&Attribute=description",
        view_command: "describe-network-interface-attribute",
        seeded: r#"{"NetworkInterfaceId": "eni-1i-1", "Description": {"Value": "seeded-description"}}"#,
        seeded_value: "seeded-description",
    },
    View {
        view: "DescribeSecurityGroupRules",
        primary: "describe-security-groups",
        output: r#"{"SecurityGroups": [{"GroupId": "sg-1", "GroupName": "web", "OwnerId": "123456789012",
            "IpPermissions": [{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "10.0.0.0/8"}]}]}]}"#,
        id: "sg-1",
        other: "sg-2",
        query: "Filter.1.Name=group-id&Filter.1.Value.1={id}",
        view_command: "describe-security-group-rules",
        seeded: r#"{"SecurityGroupRules": [{"SecurityGroupRuleId": "sgr-seeded", "GroupId": "sg-1",
            "IsEgress": false, "IpProtocol": "tcp", "FromPort": 8443, "ToPort": 8443, "CidrIpv4": "192.0.2.0/24"}]}"#,
        seeded_value: "sgr-seeded",
    },
    View {
        view: "DescribeVolumeStatus",
        primary: "describe-volumes",
        output: r#"{"Volumes": [{"VolumeId": "vol-1", "Size": 8, "AvailabilityZone": "us-east-1a"}]}"#,
        id: "vol-1",
        other: "vol-2",
        query: "VolumeId.1={id}",
        view_command: "describe-volume-status",
        seeded: r#"{"VolumeStatuses": [{"VolumeId": "vol-1", "VolumeStatus": {"Status": "impaired"}}]}"#,
        seeded_value: "impaired",
    },
    View {
        view: "DescribeVolumeAttribute",
        primary: "describe-volumes",
        output: r#"{"Volumes": [{"VolumeId": "vol-1", "Size": 8, "AvailabilityZone": "us-east-1a"}]}"#,
        id: "vol-1",
        other: "vol-2",
        query: "VolumeId={id}&Attribute=productCodes",
        view_command: "describe-volume-attribute",
        seeded: r#"{"VolumeId": "vol-1", "ProductCodes": [{"ProductCodeId": "seeded-code", "ProductCodeType": "marketplace"}]}"#,
        seeded_value: "seeded-code",
    },
    View {
        view: "DescribeVpcAttribute",
        primary: "describe-vpcs",
        output: r#"{"Vpcs": [{"VpcId": "vpc-1", "OwnerId": "123456789012", "IsDefault": true}]}"#,
        id: "vpc-1",
        other: "vpc-2",
        query: "VpcId={id}&Attribute=enableDnsSupport",
        view_command: "describe-vpc-attribute",
        seeded: r#"{"VpcId": "vpc-1", "EnableDnsSupport": {"Value": false}}"#,
        seeded_value: "false",
    },
    View {
        view: "DescribeImageAttribute",
        primary: "describe-images",
        output: r#"{"Images": [{"ImageId": "ami-1", "OwnerId": "123456789012", "Public": false}]}"#,
        id: "ami-1",
        other: "ami-2",
        query: "ImageId={id}&Attribute=launchPermission",
        view_command: "describe-image-attribute",
        seeded: r#"{"ImageId": "ami-1", "LaunchPermissions": [{"UserId": "111122223333"}]}"#,
        seeded_value: "111122223333",
    },
    View {
        view: "DescribeSnapshotAttribute",
        primary: "describe-snapshots",
        output: r#"{"Snapshots": [{"SnapshotId": "snap-1", "OwnerId": "123456789012", "VolumeSize": 8}]}"#,
        id: "snap-1",
        other: "snap-2",
        query: "SnapshotId={id}&Attribute=createVolumePermission",
        view_command: "describe-snapshot-attribute",
        seeded: r#"{"SnapshotId": "snap-1", "CreateVolumePermissions": [{"UserId": "111122223333"}]}"#,
        seeded_value: "111122223333",
    },
    View {
        view: "DescribeAddressesAttribute",
        primary: "describe-addresses",
        output: r#"{"Addresses": [{"PublicIp": "198.51.100.1", "AllocationId": "eipalloc-1", "Domain": "vpc"}]}"#,
        id: "eipalloc-1",
        other: "eipalloc-2",
        query: "AllocationId.1={id}&Attribute=domain-name",
        view_command: "describe-addresses-attribute",
        seeded: r#"{"Addresses": [{"AllocationId": "eipalloc-1", "PublicIp": "198.51.100.1", "PtrRecord": "seeded.example.com."}]}"#,
        seeded_value: "seeded.example.com.",
    },
    View {
        view: "DescribeLaunchTemplates",
        primary: "describe-launch-template-versions",
        output: r#"{"LaunchTemplateVersions": [{"LaunchTemplateId": "lt-1", "LaunchTemplateName": "web",
            "VersionNumber": 1, "DefaultVersion": true}]}"#,
        id: "lt-1",
        other: "lt-2",
        query: "LaunchTemplateId.1={id}",
        view_command: "describe-launch-templates",
        seeded: r#"{"LaunchTemplates": [{"LaunchTemplateId": "lt-1", "LaunchTemplateName": "web",
            "Tags": [{"Key": "team", "Value": "seeded-team"}]}]}"#,
        seeded_value: "seeded-team",
    },
];

fn store(files: &[(&str, &str)]) -> Store {
    let mut seed = Seed::empty();
    for (command, output) in files {
        seed = seed
            .merge(Seed::from_output(command, output).unwrap())
            .unwrap();
    }
    Store::new(&seed, DescribeContext::default()).unwrap()
}

impl View {
    /// The view's answer for `id`: its XML on success, else its error code.
    fn ask(&self, store: &Store, id: &str) -> Result<String, String> {
        let query = self.query.replace("{id}", id);
        let answer =
            store.handle(format!("Action={}&Version=2016-11-15&{query}", self.view).as_bytes());
        match answer.error_code {
            Some(code) => Err(code),
            None => Ok(String::from_utf8(answer.body).unwrap()),
        }
    }

    /// Whether the view answers resource `id`.
    fn answers(&self, store: &Store, id: &str) -> bool {
        self.ask(store, id).is_ok_and(|body| body.contains(id))
    }
}

#[test]
fn a_primary_capture_alone_answers_every_view() {
    for view in VIEWS {
        let store = store(&[(view.primary, view.output)]);
        assert!(
            view.answers(&store, view.id),
            "{}: {:?}",
            view.view,
            view.ask(&store, view.id)
        );
        assert!(!view.answers(&store, view.other), "{}", view.view);
    }
}

#[test]
fn a_seeded_record_of_the_view_wins_for_its_resource() {
    for view in VIEWS {
        let derived = store(&[(view.primary, view.output)]);
        assert!(
            !view
                .ask(&derived, view.id)
                .unwrap()
                .contains(view.seeded_value),
            "{}: the derived record already holds the seeded value",
            view.view
        );
        let seeded = store(&[
            (view.primary, view.output),
            (view.view_command, view.seeded),
        ]);
        let answer = view.ask(&seeded, view.id).unwrap();
        assert!(
            answer.contains(view.id) && answer.contains(view.seeded_value),
            "{}: {answer}",
            view.view
        );
    }
}

#[test]
fn a_primary_resource_removed_or_put_at_run_time_changes_every_view_at_once() {
    for view in VIEWS {
        let store = store(&[(view.primary, view.output)]);
        // What the primary operation stores the resource under, and the second one: the
        // instance for an instance's interface, the public IP for an address.
        let (key, other_key) = match view.view {
            "DescribeNetworkInterfaces" | "DescribeNetworkInterfaceAttribute" => {
                (view.id[5..].to_owned(), view.other[5..].to_owned())
            }
            "DescribeAddressesAttribute" => ("198.51.100.1".to_owned(), "198.51.100.2".to_owned()),
            _ => (view.id.to_owned(), view.other.to_owned()),
        };
        let other_output = view
            .output
            .replace(&key, &other_key)
            .replace(view.id, view.other);
        store.put_json(view.primary, &other_output).unwrap();
        assert!(
            view.answers(&store, view.other),
            "{}: put: {:?} {other_output}",
            view.view,
            view.ask(&store, view.other)
        );
        if view.primary == "describe-launch-template-versions" {
            // Versions are kept by position, not by an ID a removal could name: a replace
            // takes a template's versions away (`launch_templates.rs`).
            continue;
        }
        assert!(
            store.remove_json(view.primary, &key).unwrap(),
            "{}",
            view.view
        );
        assert!(!view.answers(&store, view.id), "{}: removed", view.view);
        assert!(view.answers(&store, view.other), "{}", view.view);
    }
}
