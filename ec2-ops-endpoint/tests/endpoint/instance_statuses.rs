//! DescribeInstanceStatus answered from a capture of DescribeInstances alone: each instance's
//! state, zone and Outpost, running instances only unless `IncludeAllInstances`; a seeded status
//! wins for its instance; an instance put or removed at run time changes its status at once.

use crate::common;

use ec2_ops_catalog::instances::DescribeInstanceStatusResponse;
use ec2_ops_endpoint::Store;
use serde_json::{Value, json};

const INSTANCES: &str = r#"{"Reservations": [
  {"ReservationId": "r-1", "OwnerId": "123456789012", "Instances": [
    {"InstanceId": "i-1", "InstanceType": "t3.micro",
     "State": {"Code": 16, "Name": "running"},
     "Placement": {"AvailabilityZone": "eu-west-1a", "AvailabilityZoneId": "euw1-az1", "Tenancy": "default"},
     "Tags": [{"Key": "Name", "Value": "web"}]},
    {"InstanceId": "i-2", "InstanceType": "t3.micro",
     "State": {"Code": 80, "Name": "stopped"},
     "Placement": {"AvailabilityZone": "eu-west-1b"}}]},
  {"ReservationId": "r-2", "OwnerId": "123456789012", "Instances": [
    {"InstanceId": "i-3", "InstanceType": "m5.large",
     "State": {"Code": 16, "Name": "running"},
     "OutpostArn": "arn:aws:outposts:eu-west-1:123456789012:outpost/op-1",
     "Placement": {"AvailabilityZone": "eu-west-1c"}}]}
]}"#;

/// The statuses answered to `query`, as the AWS CLI prints them.
fn statuses(store: &Store, query: &str) -> Vec<Value> {
    common::listed::<DescribeInstanceStatusResponse>(
        store,
        "DescribeInstanceStatus",
        "InstanceStatuses",
        query,
    )
}

fn ids(statuses: &[Value]) -> Vec<&str> {
    statuses
        .iter()
        .map(|status| status["InstanceId"].as_str().unwrap())
        .collect()
}

#[test]
fn a_capture_of_instances_answers_the_running_instances_statuses_field_by_field() {
    let store = common::store(&[("describe-instances", INSTANCES)]);
    assert_eq!(
        statuses(&store, ""),
        [
            json!({"InstanceId": "i-1", "AvailabilityZone": "eu-west-1a",
                   "AvailabilityZoneId": "euw1-az1",
                   "InstanceState": {"Code": 16, "Name": "running"}}),
            json!({"InstanceId": "i-3", "AvailabilityZone": "eu-west-1c",
                   "OutpostArn": "arn:aws:outposts:eu-west-1:123456789012:outpost/op-1",
                   "InstanceState": {"Code": 16, "Name": "running"}}),
        ]
    );
}

#[test]
fn include_all_instances_adds_the_stopped_ones() {
    let store = common::store(&[("describe-instances", INSTANCES)]);
    let all = statuses(&store, "&IncludeAllInstances=true");
    assert_eq!(ids(&all), ["i-1", "i-2", "i-3"]);
    assert_eq!(
        all[1],
        json!({"InstanceId": "i-2", "AvailabilityZone": "eu-west-1b",
               "InstanceState": {"Code": 80, "Name": "stopped"}})
    );
}

#[test]
fn instance_ids_filters_and_pages_apply_to_derived_statuses() {
    let store = common::store(&[("describe-instances", INSTANCES)]);
    assert_eq!(ids(&statuses(&store, "&InstanceId.1=i-3")), ["i-3"]);
    assert!(statuses(&store, "&InstanceId.1=i-2").is_empty());
    assert_eq!(
        ids(&statuses(
            &store,
            "&IncludeAllInstances=true&Filter.1.Name=availability-zone&Filter.1.Value.1=eu-west-1b"
        )),
        ["i-2"]
    );
    let first = store.handle(b"Action=DescribeInstanceStatus&Version=2016-11-15&MaxResults=5");
    assert_eq!(first.items, 2);
}

#[test]
fn an_unknown_instance_id_is_not_found() {
    let store = common::store(&[("describe-instances", INSTANCES)]);
    let answer = store.handle(b"Action=DescribeInstanceStatus&Version=2016-11-15&InstanceId.1=i-9");
    assert_eq!(
        answer.error_code.as_deref(),
        Some("InvalidInstanceID.NotFound")
    );
}

#[test]
fn a_seeded_status_wins_for_its_instance() {
    let seeded = r#"{"InstanceStatuses": [
      {"InstanceId": "i-1", "AvailabilityZone": "eu-west-1a",
       "InstanceState": {"Code": 16, "Name": "running"},
       "InstanceStatus": {"Status": "ok", "Details": [{"Name": "reachability", "Status": "passed"}]},
       "SystemStatus": {"Status": "ok", "Details": [{"Name": "reachability", "Status": "passed"}]}}
    ]}"#;
    let store = common::store(&[
        ("describe-instances", INSTANCES),
        ("describe-instance-status", seeded),
    ]);
    let answered = statuses(&store, "");
    assert_eq!(ids(&answered), ["i-1", "i-3"], "one status per instance");
    assert_eq!(answered[0]["InstanceStatus"]["Status"], "ok");
    assert!(answered[1].get("InstanceStatus").is_none());
}

#[test]
fn instances_put_and_removed_at_run_time_change_the_statuses_at_once() {
    let store = common::store(&[("describe-instances", INSTANCES)]);
    store
        .put_json(
            "describe-instances",
            r#"{"Reservations": [{"ReservationId": "r-3", "Instances": [
                 {"InstanceId": "i-4", "State": {"Code": 16, "Name": "running"}}]}]}"#,
        )
        .unwrap();
    assert_eq!(ids(&statuses(&store, "")), ["i-1", "i-3", "i-4"]);
    assert!(store.remove::<ec2_ops::operations::instances::DescribeInstances>("i-1"));
    assert_eq!(ids(&statuses(&store, "")), ["i-3", "i-4"]);
    store.reset();
    assert_eq!(ids(&statuses(&store, "")), ["i-1", "i-3"]);
}

#[test]
fn instances_replaced_at_run_time_take_the_old_statuses_with_them() {
    use ec2_ops::operations::instances::{DescribeInstances, Instance, Reservation};
    let store = common::store(&[("describe-instances", INSTANCES)]);
    store
        .replace::<DescribeInstances>([Reservation {
            reservation_id: Some("r-9".into()),
            instances: Some(vec![Instance {
                instance_id: Some("i-9".into()),
                state: serde_json::from_value(json!({"Code": 16, "Name": "running"})).unwrap(),
                ..Instance::default()
            }]),
            ..Reservation::default()
        }])
        .unwrap();
    assert_eq!(ids(&statuses(&store, "")), ["i-9"]);
    let answer = store.handle(b"Action=DescribeInstanceAttribute&Version=2016-11-15&InstanceId=i-1&Attribute=instanceType");
    assert_eq!(
        answer.error_code.as_deref(),
        Some("InvalidInstanceID.NotFound"),
        "the replaced instances' attributes are gone too"
    );
}
