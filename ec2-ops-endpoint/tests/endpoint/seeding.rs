//! Loading a seed (a folder of AWS CLI outputs, a seed file, code) into a store: what is served,
//! what is refused and how the refusal names the problem, the views derived from what is loaded,
//! and the dump that loads back into the same answers.

use ec2_ops::DescribeContext;
use ec2_ops::operations::instances::{DescribeInstances, Instance, Reservation};
use ec2_ops::operations::volumes::{DescribeVolumes, Volume};
use ec2_ops_endpoint::{Seed, SeedError, Store};

use crate::common::Dir;

fn store(seed: &Seed) -> Result<Store, SeedError> {
    Store::new(seed, DescribeContext::default())
}

fn served(files: &[(&str, &str)]) -> Result<Store, SeedError> {
    let dir = Dir::new(files);
    store(&Seed::from_dir(dir.path())?)
}

fn body(store: &Store, query: &str) -> String {
    let answer = store.handle(format!("Version=2016-11-15&{query}").as_bytes());
    let body = String::from_utf8(answer.body).unwrap();
    assert_eq!(answer.status, 200, "{body}");
    body
}

#[test]
fn every_catalog_operation_is_served_and_a_file_seeds_its_operation() {
    let store = served(&[(
        "describe-subnets.json",
        r#"{"Subnets": [{"SubnetId": "subnet-2", "VpcId": "vpc-1"}, {"SubnetId": "subnet-1", "VpcId": "vpc-9"}]}"#,
    )])
    .unwrap();
    assert_eq!(store.actions().count(), ec2_ops_catalog::OPERATIONS.len());
    let answer = store.handle(
        b"Action=DescribeSubnets&Version=2016-11-15&Filter.1.Name=vpc-id&Filter.1.Value.1=vpc-1",
    );
    assert_eq!((answer.status, answer.items), (200, 1));
    let answer = store.handle(b"Action=DescribeVpcs&Version=2016-11-15");
    assert_eq!(
        (answer.status, answer.items),
        (200, 0),
        "an operation without a file answers none"
    );
}

#[test]
fn a_file_may_hold_several_outputs_of_an_attribute_operation() {
    let one =
        |id: &str| format!(r#"{{"ImageId": "{id}", "Description": {{"Value": "image {id}"}}}}"#);
    let store = served(&[(
        "describe-image-attribute.json",
        &format!("[{}, {}]", one("ami-1"), one("ami-2")),
    )])
    .unwrap();
    let answer = body(
        &store,
        "Action=DescribeImageAttribute&ImageId=ami-2&Attribute=description",
    );
    assert!(answer.contains("image ami-2"), "{answer}");
}

#[test]
fn resources_no_member_identifies_are_all_served_in_their_order() {
    let cidrs = ["10.6.0.0/16", "10.0.0.0/16", "0.0.0.0/0", "10.1.0.0/16"];
    let routes: Vec<String> = cidrs
        .iter()
        .map(|cidr| {
            format!(
                r#"{{"ClientVpnEndpointId": "cvpn-endpoint-1", "DestinationCidr": "{cidr}", "TransitGatewayAttachmentId": "tgw-attach-1"}}"#
            )
        })
        .collect();
    let store = served(&[(
        "describe-client-vpn-routes.json",
        &format!(r#"{{"Routes": [{}]}}"#, routes.join(", ")),
    )])
    .unwrap();
    let answer = body(
        &store,
        "Action=DescribeClientVpnRoutes&ClientVpnEndpointId=cvpn-endpoint-1",
    );
    let listed: Vec<&str> = answer
        .split("<destinationCidr>")
        .skip(1)
        .map(|rest| rest.split('<').next().unwrap())
        .collect();
    assert_eq!(listed, cidrs, "every route, in the seed's order");
}

#[test]
fn a_bad_file_is_refused_with_its_operation_and_json_path() {
    let error = served(&[(
        "describe-subnets.json",
        r#"{"Subnets": [{"SubnetId": "s-1"}, {"SubnetId": "s-2", "AvailableIpAddressCount": "many"}]}"#,
    )])
    .unwrap_err();
    assert!(
        error
            .source
            .ends_with("describe-subnets.json (DescribeSubnets)"),
        "{error}"
    );
    assert_eq!(error.path, "$.Subnets[1].AvailableIpAddressCount");
    let error = served(&[("describe-subnet.json", "{}")]).unwrap_err();
    assert!(
        error.problem.contains("not an EC2 describe command"),
        "{error}"
    );
    let error = served(&[("describe-vpcs.json", "{\"Vpcs\": [")]).unwrap_err();
    assert!(error.problem.starts_with("not JSON"), "{error}");
}

#[test]
fn every_operation_refuses_a_missing_or_repeated_id_with_one_wording() {
    for (file, list, id) in [
        ("describe-subnets.json", "Subnets", "SubnetId"),
        ("describe-volumes.json", "Volumes", "VolumeId"),
        ("describe-bundle-tasks.json", "BundleTasks", "BundleId"),
    ] {
        let twice = format!(r#"{{"{list}": [{{"{id}": "x-1"}}, {{"{id}": "x-1"}}]}}"#);
        let error = served(&[(file, &twice)]).unwrap_err();
        assert_eq!(
            (error.path.as_str(), error.problem.as_str()),
            (
                format!("$.{list}[1]").as_str(),
                "a second resource with the ID `x-1`"
            ),
            "{file}"
        );
        let missing = format!(r#"{{"{list}": [{{}}]}}"#);
        let error = served(&[(file, &missing)]).unwrap_err();
        assert_eq!(
            (error.path.as_str(), error.problem.as_str()),
            (
                format!("$.{list}[0]").as_str(),
                "missing the resource's ID: every resource needs one"
            ),
            "{file}"
        );
    }
}

#[test]
fn an_instance_id_is_unique_across_reservations_and_a_reservation_needs_an_id_and_an_instance() {
    let error = served(&[(
        "describe-instances.json",
        r#"{"Reservations": [{"ReservationId": "r-1", "Instances": [{"InstanceId": "i-1"}]},
                             {"ReservationId": "r-2", "Instances": [{"InstanceId": "i-2"}, {"InstanceId": "i-1"}]}]}"#,
    )])
    .unwrap_err();
    assert_eq!(
        (error.path.as_str(), error.problem.as_str()),
        ("$.Reservations[1]", "a second resource with the ID `i-1`")
    );
    let error = served(&[(
        "describe-instances.json",
        r#"{"Reservations": [{"Instances": [{"InstanceId": "i-1"}]}]}"#,
    )])
    .unwrap_err();
    assert_eq!(error.path, "$.Reservations[0]");
    assert!(error.problem.contains("reservation's ID"), "{error}");
    let error = served(&[(
        "describe-instances.json",
        r#"{"Reservations": [{"ReservationId": "r-1", "Instances": []}]}"#,
    )])
    .unwrap_err();
    assert!(
        error.problem.contains("lists at least one instance"),
        "{error}"
    );
    let both = r#"{"Reservations": [{"ReservationId": "r-1", "Instances": [{"InstanceId": "i-1"}]},
                                    {"ReservationId": "r-1", "Instances": [{"InstanceId": "i-2"}]}]}"#;
    let error = served(&[("describe-instances.json", both)]).unwrap_err();
    assert_eq!(
        (error.path.as_str(), error.problem.as_str()),
        (
            "$.Reservations[1]",
            "a second reservation with the ID `r-1`"
        )
    );
}

#[test]
fn a_typed_put_is_checked_as_a_seed_file_and_refused_whole() {
    let store = store(&Seed::empty()).unwrap();
    let volume = |id: &str| Volume {
        volume_id: Some(id.into()),
        ..Volume::default()
    };
    let error = store
        .put::<DescribeVolumes>([volume("vol-1"), volume("vol-2"), volume("vol-1")])
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "a put of DescribeVolumes: at `$[2]`: a second resource with the ID `vol-1`"
    );
    assert_eq!(store.count("DescribeVolumes"), Some(0));
    let reservation = Reservation {
        reservation_id: Some("r-1".into()),
        instances: Some(vec![
            Instance {
                instance_id: Some("i-1".into()),
                ..Instance::default()
            },
            Instance {
                instance_id: Some("i-2".into()),
                ..Instance::default()
            },
        ]),
        ..Reservation::default()
    };
    assert_eq!(store.put::<DescribeInstances>([reservation]), Ok(2));
    let answer = body(&store, "Action=DescribeInstances");
    assert_eq!(
        answer.matches("<reservationId>r-1</reservationId>").count(),
        1,
        "{answer}"
    );
    assert!(store.remove::<DescribeInstances>("i-1"));
    assert_eq!(store.count("DescribeInstances"), Some(1));
}

#[test]
fn the_seed_file_holds_any_list_its_member_names_alone() {
    let seed = Seed::from_json(
        r#"{"Volumes": [{"VolumeId": "vol-1"}], "Subnets": [{"SubnetId": "subnet-1"}]}"#,
        "seed.json",
    )
    .unwrap();
    let store = store(&seed).unwrap();
    assert_eq!(store.count("DescribeVolumes"), Some(1));
    assert_eq!(store.count("describe-subnets"), Some(1));
}

#[test]
fn an_operation_seeded_twice_is_refused() {
    let from_file =
        Seed::from_json(r#"{"Subnets": [{"SubnetId": "subnet-1"}]}"#, "seed.json").unwrap();
    let dir = Dir::new(&[(
        "describe-subnets.json",
        r#"{"Subnets": [{"SubnetId": "subnet-2"}]}"#,
    )]);
    let error = Seed::from_dir(dir.path())
        .unwrap()
        .merge(from_file)
        .unwrap_err();
    assert!(error.problem.contains("given twice"), "{error}");
}

#[test]
fn describe_tags_lists_a_served_resources_tags_once_and_keeps_seeded_tags_of_others() {
    let seed = Seed::from_json(
        r#"{"Volumes": [{"VolumeId": "vol-1", "Tags": [{"Key": "Name", "Value": "data"}]}],
            "Tags": [{"ResourceId": "vol-1", "ResourceType": "volume", "Key": "Stale", "Value": "x"},
                     {"ResourceId": "vpc-1", "ResourceType": "vpc", "Key": "Name", "Value": "main"}]}"#,
        "seed.json",
    )
    .unwrap();
    let store = store(&seed).unwrap();
    let tags = body(&store, "Action=DescribeTags");
    assert!(tags.contains("<resourceId>vol-1</resourceId><resourceType>volume</resourceType>"));
    assert!(tags.contains("<key>Name</key><resourceId>vpc-1</resourceId>"));
    // A served resource's own tags are the record: the seeded copy naming it is not listed.
    assert!(!tags.contains("Stale"), "{tags}");
    // Until the volume goes: then the seeded tag of an unserved resource is listed.
    assert!(store.remove::<DescribeVolumes>("vol-1"));
    assert!(body(&store, "Action=DescribeTags").contains("Stale"));
}

#[test]
fn a_volume_attached_to_a_served_instance_takes_the_attachment_from_its_block_devices() {
    let seed = Seed::from_json(
        r#"{"Volumes": [{"VolumeId": "vol-1", "Attachments": [
                {"InstanceId": "i-1", "Device": "/dev/old", "State": "attached"},
                {"InstanceId": "i-elsewhere", "Device": "/dev/sdz", "State": "attached"}]}],
            "Reservations": [{"ReservationId": "r-1", "Instances": [{"InstanceId": "i-1",
                "BlockDeviceMappings": [{"DeviceName": "/dev/xvda",
                    "Ebs": {"VolumeId": "vol-1", "Status": "attached", "DeleteOnTermination": true}}]}]}]}"#,
        "seed.json",
    )
    .unwrap();
    let store = store(&seed).unwrap();
    let volumes = body(&store, "Action=DescribeVolumes");
    assert!(volumes.contains("<instanceId>i-elsewhere</instanceId><device>/dev/sdz</device>"));
    assert!(volumes.contains("<instanceId>i-1</instanceId><device>/dev/xvda</device>"));
    assert!(!volumes.contains("/dev/old"), "{volumes}");
    let filtered = body(
        &store,
        "Action=DescribeVolumes&Filter.1.Name=attachment.device&Filter.1.Value.1=/dev/xvda",
    );
    assert!(filtered.contains("<volumeId>vol-1</volumeId>"));
}

/// An answer without its request ID, which differs per request.
fn without_request_id(body: &str) -> String {
    for (open, close) in [
        ("<requestId>", "</requestId>"),
        ("<RequestID>", "</RequestID>"),
    ] {
        if let (Some(start), Some(end)) = (body.find(open), body.find(close)) {
            return format!("{}{}", &body[..start], &body[end..]);
        }
    }
    body.to_owned()
}

#[test]
fn a_dump_loads_back_into_the_same_answers_for_every_operation() {
    let extra = Dir::new(&[
        (
            "describe-subnets.json",
            r#"{"Subnets": [{"SubnetId": "subnet-1", "VpcId": "vpc-1", "Tags": [{"Key": "a", "Value": "b"}]}]}"#,
        ),
        (
            "describe-vpc-attribute.json",
            r#"[{"VpcId": "vpc-1", "EnableDnsSupport": {"Value": true}}, {"VpcId": "vpc-2", "EnableDnsHostnames": {"Value": false}}]"#,
        ),
        (
            "describe-spot-price-history.json",
            r#"{"SpotPriceHistory": [{"InstanceType": "m5.large", "SpotPrice": "0.04"}, {"InstanceType": "m5.large", "SpotPrice": "0.04"}]}"#,
        ),
    ]);
    let seed = Seed::sample()
        .merge(Seed::from_dir(extra.path()).unwrap())
        .unwrap();
    let original = store(&seed).unwrap();
    let dumped = Dir::new(&[]);
    let files = original.dump_to(dumped.path()).unwrap();
    assert!(files >= 13, "{files}");
    let replayed = store(&Seed::from_dir(dumped.path()).unwrap()).unwrap();
    for action in original.actions() {
        let query = format!("Action={action}&Version=2016-11-15");
        let (before, after) = (
            original.handle(query.as_bytes()),
            replayed.handle(query.as_bytes()),
        );
        assert_eq!(
            (
                before.status,
                before.items,
                without_request_id(&String::from_utf8_lossy(&before.body))
            ),
            (
                after.status,
                after.items,
                without_request_id(&String::from_utf8_lossy(&after.body))
            ),
            "{action}"
        );
    }
    assert_eq!(original.dump(), replayed.dump());
}

#[test]
fn a_file_holds_only_its_own_operations_output() {
    let error = served(&[(
        "describe-volumes.json",
        r#"{"Snapshots": [{"SnapshotId": "snap-1"}]}"#,
    )])
    .unwrap_err();
    assert_eq!(error.path, "$.Snapshots", "{error}");
}

#[test]
fn an_array_of_outputs_is_read_whole_and_a_problem_is_named_by_its_output() {
    let store = served(&[(
        "describe-volumes.json",
        r#"[{"Volumes": [{"VolumeId": "vol-1"}]}, {"Volumes": [{"VolumeId": "vol-2"}, {"VolumeId": "vol-3"}], "NextToken": "t"}]"#,
    )])
    .unwrap();
    assert_eq!(store.count("DescribeVolumes"), Some(3));
    for (text, path) in [
        (
            r#"[{"Volumes": [{"VolumeId": "vol-1"}]}, {"Volumes": [{"VolumeId": "vol-2", "Size": "big"}]}]"#,
            "$[1].Volumes[0].Size",
        ),
        (
            r#"[{"Volumes": []}, {"Volumes": [], "Subnets": []}]"#,
            "$[1].Subnets",
        ),
        (r#"[{"Volumes": []}, {"NextToken": 5}]"#, "$[1].NextToken"),
        (
            r#"[{"Volumes": [{"VolumeId": "vol-1"}]}, {"Volumes": [{"VolumeId": "vol-1"}]}]"#,
            "$[1].Volumes[0]",
        ),
    ] {
        let error = served(&[("describe-volumes.json", text)]).unwrap_err();
        assert_eq!(error.path, path, "{text}: {error}");
    }
}

#[test]
fn a_member_given_twice_in_one_output_is_refused() {
    for text in [
        r#"{"Volumes": [{"VolumeId": "vol-1"}], "Volumes": [{"VolumeId": "vol-2"}]}"#,
        r#"{"Volumes": [], "NextToken": "a", "NextToken": "b"}"#,
    ] {
        let error = served(&[("describe-volumes.json", text)]).unwrap_err();
        assert!(error.problem.contains("duplicate field"), "{text}: {error}");
    }
}

#[test]
fn a_seed_large_enough_to_load_on_every_core_serves_what_one_thread_would() {
    // Over the size from which operations are put side by side, several of them tagged (their
    // tags meet in one index).
    let volumes: Vec<String> = (0..12_000)
        .map(|n| format!(r#"{{"VolumeId": "vol-{n:08}", "Size": 8, "Tags": [{{"Key": "n", "Value": "{n}"}}]}}"#))
        .collect();
    let snapshots: Vec<String> = (0..12_000)
        .map(|n| format!(r#"{{"SnapshotId": "snap-{n:08}", "OwnerId": "123456789012", "Tags": [{{"Key": "n", "Value": "{n}"}}]}}"#))
        .collect();
    let subnets: Vec<String> = (0..100)
        .map(|n| {
            format!(r#"{{"SubnetId": "subnet-{n:08}", "Tags": [{{"Key": "n", "Value": "{n}"}}]}}"#)
        })
        .collect();
    let volumes = format!(r#"{{"Volumes": [{}]}}"#, volumes.join(","));
    let snapshots = format!(r#"{{"Snapshots": [{}]}}"#, snapshots.join(","));
    let subnets = format!(r#"{{"Subnets": [{}]}}"#, subnets.join(","));
    let store = served(&[
        ("describe-volumes.json", &volumes),
        ("describe-snapshots.json", &snapshots),
        ("describe-subnets.json", &subnets),
    ])
    .unwrap();
    assert_eq!(store.count("DescribeVolumes"), Some(12_000));
    assert_eq!(store.count("DescribeSnapshots"), Some(12_000));
    assert_eq!(store.count("DescribeSubnets"), Some(100));
    let tags = |store: &Store| {
        let answer = store.handle(
            b"Action=DescribeTags&Version=2016-11-15&Filter.1.Name=value&Filter.1.Value.1=11999",
        );
        assert_eq!(answer.status, 200);
        without_request_id(&String::from_utf8(answer.body).unwrap())
    };
    let before = tags(&store);
    assert_eq!(before.matches("<item>").count(), 2, "{before}");
    assert!(
        before.contains("<resourceId>snap-00011999</resourceId>"),
        "{before}"
    );
    assert!(
        before.contains("<resourceId>vol-00011999</resourceId>"),
        "{before}"
    );
    let dump = store.dump();
    store.reset();
    assert_eq!(store.dump(), dump);
    assert_eq!(tags(&store), before);
}

#[test]
fn describe_tags_lists_the_tags_of_every_tagged_operations_resources_under_ec2s_resource_type() {
    let store = served(&[
        (
            "describe-vpcs.json",
            r#"{"Vpcs": [{"VpcId": "vpc-1", "Tags": [{"Key": "Name", "Value": "main"}]}]}"#,
        ),
        (
            "describe-subnets.json",
            r#"{"Subnets": [{"SubnetId": "subnet-1", "Tags": [{"Key": "tier", "Value": "private"}]}]}"#,
        ),
        (
            "describe-nat-gateways.json",
            r#"{"NatGateways": [{"NatGatewayId": "nat-1", "Tags": [{"Key": "Name", "Value": "egress"}]}]}"#,
        ),
        (
            "describe-security-groups.json",
            r#"{"SecurityGroups": [{"GroupId": "sg-1", "Tags": [{"Key": "Name", "Value": "web"}]}]}"#,
        ),
    ])
    .unwrap();
    let tags = body(&store, "Action=DescribeTags");
    for (id, resource_type) in [
        ("nat-1", "natgateway"),
        ("sg-1", "security-group"),
        ("subnet-1", "subnet"),
        ("vpc-1", "vpc"),
    ] {
        assert!(
            tags.contains(&format!(
                "<resourceId>{id}</resourceId><resourceType>{resource_type}</resourceType>"
            )),
            "{id} as {resource_type}: {tags}"
        );
    }
    let vpcs = store.handle(
        b"Action=DescribeTags&Version=2016-11-15&Filter.1.Name=resource-type&Filter.1.Value.1=vpc",
    );
    assert_eq!((vpcs.status, vpcs.items), (200, 1));
    // A change to the resource changes its tags at once.
    store
        .put_json(
            "describe-vpcs",
            r#"{"Vpcs": [{"VpcId": "vpc-1", "Tags": [{"Key": "Name", "Value": "renamed"}]}]}"#,
        )
        .unwrap();
    let tags = body(
        &store,
        "Action=DescribeTags&Filter.1.Name=resource-id&Filter.1.Value.1=vpc-1",
    );
    assert!(
        tags.contains("<value>renamed</value>") && !tags.contains("<value>main</value>"),
        "{tags}"
    );
}
