//! DescribeVolumeStatus answered from a capture of DescribeVolumes alone: each volume's zone and
//! Outpost, without the checks only EC2 observes; a seeded status wins for its volume; volumes put
//! and removed at run time change the statuses at once.

use crate::common;

use ec2_ops_catalog::ebs::DescribeVolumeStatusResponse;
use ec2_ops_endpoint::Store;
use serde_json::{Value, json};

const VOLUMES: &str = r#"{"Volumes": [
  {"VolumeId": "vol-1", "Size": 8, "AvailabilityZone": "eu-west-1a", "AvailabilityZoneId": "euw1-az1",
   "State": "in-use", "VolumeType": "gp3"},
  {"VolumeId": "vol-2", "Size": 100, "AvailabilityZone": "eu-west-1b", "State": "available",
   "OutpostArn": "arn:aws:outposts:eu-west-1:123456789012:outpost/op-1"}
]}"#;

/// The statuses answered to `query`, as the AWS CLI prints them.
fn statuses(store: &Store, query: &str) -> Vec<Value> {
    common::listed::<DescribeVolumeStatusResponse>(
        store,
        "DescribeVolumeStatus",
        "VolumeStatuses",
        query,
    )
}

#[test]
fn a_capture_of_volumes_answers_their_statuses_field_by_field_without_checks() {
    let store = common::store(&[("describe-volumes", VOLUMES)]);
    assert_eq!(
        statuses(&store, ""),
        [
            json!({"VolumeId": "vol-1", "AvailabilityZone": "eu-west-1a",
                   "AvailabilityZoneId": "euw1-az1"}),
            json!({"VolumeId": "vol-2", "AvailabilityZone": "eu-west-1b",
                   "OutpostArn": "arn:aws:outposts:eu-west-1:123456789012:outpost/op-1"}),
        ]
    );
    let answer = store.handle(b"Action=DescribeVolumeStatus&Version=2016-11-15&VolumeId.1=vol-9");
    assert_eq!(answer.error_code.as_deref(), Some("InvalidVolume.NotFound"));
}

#[test]
fn a_seeded_status_wins_for_its_volume() {
    let seeded = r#"{"VolumeStatuses": [{"VolumeId": "vol-1", "AvailabilityZone": "eu-west-1a",
        "VolumeStatus": {"Status": "ok", "Details": [{"Name": "io-enabled", "Status": "passed"}]}}]}"#;
    let store = common::store(&[
        ("describe-volumes", VOLUMES),
        ("describe-volume-status", seeded),
    ]);
    let answered = statuses(&store, "");
    assert_eq!(answered.len(), 2, "one status per volume");
    assert_eq!(answered[0]["VolumeStatus"]["Status"], "ok");
    assert_eq!(answered[0]["AvailabilityZoneId"], "euw1-az1");
    assert!(answered[1].get("VolumeStatus").is_none());
}

#[test]
fn volumes_put_and_removed_at_run_time_change_the_statuses_at_once() {
    let store = common::store(&[("describe-volumes", VOLUMES)]);
    store
        .put_json(
            "describe-volumes",
            r#"{"Volumes": [{"VolumeId": "vol-3", "AvailabilityZone": "eu-west-1c"}]}"#,
        )
        .unwrap();
    assert_eq!(statuses(&store, "").len(), 3);
    assert!(store.remove::<ec2_ops::operations::volumes::DescribeVolumes>("vol-1"));
    let left: Vec<Value> = statuses(&store, "")
        .into_iter()
        .map(|status| status["VolumeId"].clone())
        .collect();
    assert_eq!(left, [json!("vol-2"), json!("vol-3")]);
}
