//! A parent's ID in a request (`ClientVpnEndpointId` of DescribeClientVpnRoutes, `LaunchTemplateId`
//! of DescribeLaunchTemplateVersions, `VpcId` of DescribeStaleSecurityGroups) selects that
//! parent's children, and one the account does not have is EC2's not-found error, as the store is
//! one account: the parent operation's resources say which parents exist.

use crate::common;

use ec2_ops_endpoint::Store;

const ENDPOINTS: &str = r#"{"ClientVpnEndpoints": [
  {"ClientVpnEndpointId": "cvpn-endpoint-1"},
  {"ClientVpnEndpointId": "cvpn-endpoint-2"},
  {"ClientVpnEndpointId": "cvpn-endpoint-3"}
]}"#;

const ROUTES: &str = r#"{"Routes": [
  {"ClientVpnEndpointId": "cvpn-endpoint-1", "DestinationCidr": "10.0.0.0/16", "TargetSubnet": "subnet-1"},
  {"ClientVpnEndpointId": "cvpn-endpoint-1", "DestinationCidr": "0.0.0.0/0", "TargetSubnet": "subnet-1"},
  {"ClientVpnEndpointId": "cvpn-endpoint-2", "DestinationCidr": "10.1.0.0/16", "TargetSubnet": "subnet-2"},
  {"ClientVpnEndpointId": "cvpn-endpoint-9", "DestinationCidr": "10.9.0.0/16", "TargetSubnet": "subnet-9"}
]}"#;

/// The answer's status and, on success, how many resources it lists, else its error code.
fn ask(store: &Store, query: &str) -> Result<usize, String> {
    let answer = store.handle(format!("Version=2016-11-15&{query}").as_bytes());
    match answer.error_code {
        Some(code) => Err(code),
        None => Ok(answer.items),
    }
}

#[test]
fn a_parents_id_selects_its_children_only() {
    let store = common::store(&[
        ("describe-client-vpn-endpoints", ENDPOINTS),
        ("describe-client-vpn-routes", ROUTES),
    ]);
    let routes = |endpoint: &str| {
        ask(
            &store,
            &format!("Action=DescribeClientVpnRoutes&ClientVpnEndpointId={endpoint}"),
        )
    };
    assert_eq!(routes("cvpn-endpoint-1"), Ok(2));
    assert_eq!(routes("cvpn-endpoint-2"), Ok(1));
}

#[test]
fn a_parent_served_without_children_has_none() {
    let store = common::store(&[
        ("describe-client-vpn-endpoints", ENDPOINTS),
        ("describe-client-vpn-routes", ROUTES),
    ]);
    assert_eq!(
        ask(
            &store,
            "Action=DescribeClientVpnRoutes&ClientVpnEndpointId=cvpn-endpoint-3"
        ),
        Ok(0)
    );
}

#[test]
fn a_parent_the_account_does_not_have_is_not_found() {
    let store = common::store(&[
        ("describe-client-vpn-endpoints", ENDPOINTS),
        ("describe-client-vpn-routes", ROUTES),
    ]);
    assert_eq!(
        ask(
            &store,
            "Action=DescribeClientVpnRoutes&ClientVpnEndpointId=cvpn-endpoint-7"
        ),
        Err("InvalidClientVpnEndpointId.NotFound".to_owned())
    );
}

#[test]
fn children_captured_without_their_parent_still_answer_for_it() {
    let store = common::store(&[
        ("describe-client-vpn-endpoints", ENDPOINTS),
        ("describe-client-vpn-routes", ROUTES),
    ]);
    assert_eq!(
        ask(
            &store,
            "Action=DescribeClientVpnRoutes&ClientVpnEndpointId=cvpn-endpoint-9"
        ),
        Ok(1)
    );
}

#[test]
fn without_the_parents_capture_a_parents_id_only_selects() {
    let store = common::store(&[("describe-client-vpn-routes", ROUTES)]);
    let routes = |endpoint: &str| {
        ask(
            &store,
            &format!("Action=DescribeClientVpnRoutes&ClientVpnEndpointId={endpoint}"),
        )
    };
    assert_eq!(routes("cvpn-endpoint-1"), Ok(2));
    assert_eq!(routes("cvpn-endpoint-7"), Ok(0));
}

#[test]
fn a_required_parents_id_left_out_is_missing_parameter() {
    let store = common::store(&[("describe-client-vpn-routes", ROUTES)]);
    assert_eq!(
        ask(&store, "Action=DescribeClientVpnRoutes"),
        Err("MissingParameter".to_owned())
    );
}

#[test]
fn a_parent_put_at_run_time_is_known_at_once() {
    let store = common::store(&[
        ("describe-client-vpn-endpoints", ENDPOINTS),
        ("describe-client-vpn-routes", ROUTES),
    ]);
    let query = "Action=DescribeClientVpnRoutes&ClientVpnEndpointId=cvpn-endpoint-7";
    assert!(ask(&store, query).is_err());
    store
        .put_json(
            "describe-client-vpn-endpoints",
            r#"{"ClientVpnEndpoints": [{"ClientVpnEndpointId": "cvpn-endpoint-7"}]}"#,
        )
        .unwrap();
    assert_eq!(ask(&store, query), Ok(0));
}

#[test]
fn launch_template_versions_are_those_of_the_template_named() {
    let templates = r#"{"LaunchTemplates": [
      {"LaunchTemplateId": "lt-1", "LaunchTemplateName": "web"},
      {"LaunchTemplateId": "lt-2", "LaunchTemplateName": "batch"}
    ]}"#;
    let versions = r#"{"LaunchTemplateVersions": [
      {"LaunchTemplateId": "lt-1", "LaunchTemplateName": "web", "VersionNumber": 1},
      {"LaunchTemplateId": "lt-1", "LaunchTemplateName": "web", "VersionNumber": 2},
      {"LaunchTemplateId": "lt-2", "LaunchTemplateName": "batch", "VersionNumber": 1}
    ]}"#;
    let store = common::store(&[
        ("describe-launch-templates", templates),
        ("describe-launch-template-versions", versions),
    ]);
    let versions = |query: &str| {
        ask(
            &store,
            &format!("Action=DescribeLaunchTemplateVersions&{query}"),
        )
    };
    assert_eq!(versions("LaunchTemplateId=lt-1"), Ok(2));
    assert_eq!(versions("LaunchTemplateName=batch"), Ok(1));
    assert_eq!(
        versions("LaunchTemplateId=lt-3"),
        Err("InvalidLaunchTemplateId.NotFound".to_owned())
    );
    assert_eq!(
        versions("LaunchTemplateName=nope"),
        Err("InvalidLaunchTemplateName.NotFoundException".to_owned())
    );
}

#[test]
fn stale_security_groups_are_those_of_the_vpc_named() {
    let vpcs = r#"{"Vpcs": [{"VpcId": "vpc-1"}, {"VpcId": "vpc-2"}]}"#;
    let stale = r#"{"StaleSecurityGroupSet": [
      {"GroupId": "sg-1", "VpcId": "vpc-1"},
      {"GroupId": "sg-2", "VpcId": "vpc-2"}
    ]}"#;
    let store = common::store(&[
        ("describe-vpcs", vpcs),
        ("describe-stale-security-groups", stale),
    ]);
    let groups = |vpc: &str| {
        ask(
            &store,
            &format!("Action=DescribeStaleSecurityGroups&VpcId={vpc}"),
        )
    };
    assert_eq!(groups("vpc-1"), Ok(1));
    assert_eq!(groups("vpc-9"), Err("InvalidVpcID.NotFound".to_owned()));
}

#[test]
fn image_references_are_the_named_images_and_an_image_without_any_has_none() {
    // Two references to one image: each keyed by the referencing resource's ARN.
    let store = common::store(&[
        (
            "describe-images",
            r#"{"Images": [{"ImageId": "ami-1", "OwnerId": "123456789012"},
                           {"ImageId": "ami-2", "OwnerId": "123456789012"}]}"#,
        ),
        (
            "describe-image-references",
            r#"{"ImageReferences": [
              {"ImageId": "ami-1", "ResourceType": "ec2:Instance", "Arn": "arn:aws:ec2:us-east-1:123456789012:instance/i-1"},
              {"ImageId": "ami-1", "ResourceType": "ec2:LaunchTemplate", "Arn": "arn:aws:ec2:us-east-1:123456789012:launch-template/lt-1"}]}"#,
        ),
    ]);
    let references = |images: &str| {
        ask(
            &store,
            &format!("Action=DescribeImageReferences&IncludeAllResourceTypes=true{images}"),
        )
    };
    assert_eq!(references("&ImageId.1=ami-1"), Ok(2));
    assert_eq!(references("&ImageId.1=ami-2"), Ok(0));
    assert_eq!(
        references("&ImageId.1=ami-2&ImageId.2=ami-9"),
        Err("InvalidAMIID.NotFound".to_owned())
    );
}

/// What the AWS CLI prints for two fleets' `describe-fleet-instances`, one output per fleet (as a
/// capture writes them), and for `describe-fleet-history` of one.
const FLEETS: &str =
    r#"{"Fleets": [{"FleetId": "fleet-1"}, {"FleetId": "fleet-2"}, {"FleetId": "fleet-3"}]}"#;

const FLEET_INSTANCES: &str = r#"[
  {"FleetId": "fleet-1", "ActiveInstances": [
    {"InstanceId": "i-1", "InstanceType": "m5.large"},
    {"InstanceId": "i-2", "InstanceType": "m5.large"}]},
  {"FleetId": "fleet-2", "ActiveInstances": [{"InstanceId": "i-3", "InstanceType": "c5.large"}]}
]"#;

const FLEET_HISTORY: &str = r#"{"FleetId": "fleet-1", "StartTime": "2025-01-01T00:00:00.000Z",
  "LastEvaluatedTime": "2025-01-02T00:00:00.000Z", "HistoryRecords": [
    {"EventType": "fleetChange", "Timestamp": "2025-01-01T00:00:01.000Z", "EventInformation": {"EventSubType": "submitted"}},
    {"EventType": "fleetChange", "Timestamp": "2025-01-01T00:00:01.000Z", "EventInformation": {"EventSubType": "submitted"}}
]}"#;

#[test]
fn a_fleet_is_answered_the_instances_and_history_its_outputs_named_it_beside() {
    let store = common::store(&[
        ("describe-fleets", FLEETS),
        ("describe-fleet-instances", FLEET_INSTANCES),
        ("describe-fleet-history", FLEET_HISTORY),
    ]);
    let instances = |fleet: &str| {
        ask(
            &store,
            &format!("Action=DescribeFleetInstances&FleetId={fleet}"),
        )
    };
    assert_eq!(instances("fleet-1"), Ok(2));
    assert_eq!(instances("fleet-2"), Ok(1));
    assert_eq!(instances("fleet-3"), Ok(0), "a fleet without instances");
    assert_eq!(
        instances("fleet-9"),
        Err("InvalidFleetId.NotFound".to_owned())
    );
    let history = |fleet: &str| {
        ask(
            &store,
            &format!("Action=DescribeFleetHistory&FleetId={fleet}&StartTime=2025-01-01T00:00:00Z"),
        )
    };
    assert_eq!(history("fleet-1"), Ok(2), "the repeated event is kept");
    assert_eq!(history("fleet-2"), Ok(0));
    let answer = store.handle(b"Version=2016-11-15&Action=DescribeFleetInstances&FleetId=fleet-2");
    let body = String::from_utf8_lossy(&answer.body);
    assert!(body.contains("<fleetId>fleet-2</fleetId>"), "{body}");
    assert!(body.contains("<instanceId>i-3</instanceId>"), "{body}");
    assert!(!body.contains("i-1"), "{body}");
}

#[test]
fn an_output_naming_no_fleet_and_a_typed_put_are_refused() {
    let store = common::store(&[]);
    let problem = store
        .put_json(
            "describe-fleet-instances",
            r#"{"ActiveInstances": [{"InstanceId": "i-1"}]}"#,
        )
        .unwrap_err()
        .to_string();
    assert!(problem.contains("$.FleetId"), "{problem}");
    let problem = store
        .put::<ec2_ops_catalog::instances::DescribeFleetInstances>([Default::default()])
        .unwrap_err()
        .to_string();
    assert!(problem.contains("`FleetId`"), "{problem}");
    // An output with no instances names nothing to keep.
    assert_eq!(
        store.put_json("describe-fleet-instances", r#"{"ActiveInstances": []}"#),
        Ok(0)
    );
}

#[test]
fn a_fleets_instances_are_dumped_one_output_per_fleet_and_load_back_the_same() {
    let store = common::store(&[
        ("describe-fleets", FLEETS),
        ("describe-fleet-instances", FLEET_INSTANCES),
    ]);
    let dumped = store.dump();
    let outputs = &dumped["describe-fleet-instances.json"];
    assert_eq!(
        outputs,
        &serde_json::from_str::<serde_json::Value>(FLEET_INSTANCES).unwrap()
    );
    assert!(store.remove::<ec2_ops_catalog::instances::DescribeFleetInstances>("i-3"));
    assert_eq!(
        ask(&store, "Action=DescribeFleetInstances&FleetId=fleet-2"),
        Ok(0)
    );
}
