//! DescribeInstanceCreditSpecifications answered from a capture of DescribeInstances alone: each
//! burstable instance's credit option is its family's launch default (`standard` for T2,
//! `unlimited` for T3, T3a, T4g); a request naming no instance lists the `unlimited` ones; a seeded
//! specification wins for its instance; instances put and removed at run time change the answer.

use crate::common;

use ec2_ops_catalog::instances::DescribeInstanceCreditSpecificationsResponse;
use ec2_ops_endpoint::Store;
use serde_json::{Value, json};

const INSTANCES: &str = r#"{"Reservations": [
  {"ReservationId": "r-1", "OwnerId": "123456789012", "Instances": [
    {"InstanceId": "i-1", "InstanceType": "t2.micro", "State": {"Code": 16, "Name": "running"}},
    {"InstanceId": "i-2", "InstanceType": "t3.small", "State": {"Code": 80, "Name": "stopped"}},
    {"InstanceId": "i-3", "InstanceType": "m5.large", "State": {"Code": 16, "Name": "running"}},
    {"InstanceId": "i-4", "InstanceType": "t4g.nano", "State": {"Code": 16, "Name": "running"}},
    {"InstanceId": "i-5", "State": {"Code": 16, "Name": "running"}}]}
]}"#;

/// The specifications answered to `query`, as the AWS CLI prints them.
fn specifications(store: &Store, query: &str) -> Vec<Value> {
    common::listed::<DescribeInstanceCreditSpecificationsResponse>(
        store,
        "DescribeInstanceCreditSpecifications",
        "InstanceCreditSpecifications",
        query,
    )
}

#[test]
fn named_burstable_instances_answer_their_familys_launch_default_field_by_field() {
    let store = common::store(&[("describe-instances", INSTANCES)]);
    assert_eq!(
        specifications(
            &store,
            "&InstanceId.1=i-1&InstanceId.2=i-2&InstanceId.3=i-4"
        ),
        [
            json!({"InstanceId": "i-1", "CpuCredits": "standard"}),
            json!({"InstanceId": "i-2", "CpuCredits": "unlimited"}),
            json!({"InstanceId": "i-4", "CpuCredits": "unlimited"}),
        ]
    );
}

#[test]
fn a_request_naming_no_instance_lists_the_unlimited_ones() {
    let store = common::store(&[("describe-instances", INSTANCES)]);
    assert_eq!(
        specifications(&store, ""),
        [
            json!({"InstanceId": "i-2", "CpuCredits": "unlimited"}),
            json!({"InstanceId": "i-4", "CpuCredits": "unlimited"}),
        ]
    );
}

#[test]
fn an_instance_without_a_credit_option_is_not_found() {
    let store = common::store(&[("describe-instances", INSTANCES)]);
    for id in ["i-3", "i-5", "i-9"] {
        let answer = store.handle(
            format!(
                "Action=DescribeInstanceCreditSpecifications&Version=2016-11-15&InstanceId.1={id}"
            )
            .as_bytes(),
        );
        assert_eq!(
            answer.error_code.as_deref(),
            Some("InvalidInstanceID.NotFound"),
            "{id}"
        );
    }
}

#[test]
fn a_seeded_specification_wins_for_its_instance() {
    let seeded = r#"{"InstanceCreditSpecifications": [
      {"InstanceId": "i-1", "CpuCredits": "unlimited"},
      {"InstanceId": "i-2", "CpuCredits": "standard"}
    ]}"#;
    let store = common::store(&[
        ("describe-instances", INSTANCES),
        ("describe-instance-credit-specifications", seeded),
    ]);
    assert_eq!(
        specifications(&store, ""),
        [
            json!({"InstanceId": "i-1", "CpuCredits": "unlimited"}),
            json!({"InstanceId": "i-4", "CpuCredits": "unlimited"}),
        ]
    );
    assert_eq!(
        specifications(&store, "&InstanceId.1=i-2"),
        [json!({"InstanceId": "i-2", "CpuCredits": "standard"})]
    );
}

#[test]
fn instances_put_and_removed_at_run_time_change_the_specifications_at_once() {
    let store = common::store(&[("describe-instances", INSTANCES)]);
    store
        .put_json(
            "describe-instances",
            r#"{"Reservations": [{"ReservationId": "r-2", "Instances": [
                 {"InstanceId": "i-6", "InstanceType": "t3a.medium",
                  "State": {"Code": 16, "Name": "running"}}]}]}"#,
        )
        .unwrap();
    let listed = |store: &Store| -> Vec<String> {
        specifications(store, "")
            .iter()
            .map(|specification| specification["InstanceId"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(listed(&store), ["i-2", "i-4", "i-6"]);
    assert!(store.remove::<ec2_ops::operations::instances::DescribeInstances>("i-2"));
    assert_eq!(listed(&store), ["i-4", "i-6"]);
    store.reset();
    assert_eq!(listed(&store), ["i-2", "i-4"]);
}
