//! DescribeLaunchTemplates answered from a capture of DescribeLaunchTemplateVersions alone: each
//! template's ID, name, default and latest version, and version 1's creation time and creator; a
//! seeded template wins member by member; versions put or replaced at run time change the
//! template at once; a derived template is a parent DescribeLaunchTemplateVersions can name.

use crate::common;

use ec2_ops::Ec2Response;
use ec2_ops_catalog::instances::{DescribeLaunchTemplateVersions, DescribeLaunchTemplatesResponse};
use ec2_ops_catalog::shapes::LaunchTemplateVersion;
use ec2_ops_endpoint::Store;
use serde_json::{Value, json};

const VERSIONS: &str = r#"{"LaunchTemplateVersions": [
  {"LaunchTemplateId": "lt-0a", "LaunchTemplateName": "web", "VersionNumber": 1,
   "CreateTime": "2024-01-02T03:04:05.000Z", "CreatedBy": "arn:aws:iam::123456789012:user/ann",
   "DefaultVersion": false, "LaunchTemplateData": {"InstanceType": "t3.micro"}},
  {"LaunchTemplateId": "lt-0a", "LaunchTemplateName": "web", "VersionNumber": 2,
   "CreateTime": "2024-02-02T03:04:05.000Z", "CreatedBy": "arn:aws:iam::123456789012:user/bob",
   "DefaultVersion": true, "LaunchTemplateData": {"InstanceType": "t3.small"}},
  {"LaunchTemplateId": "lt-0a", "LaunchTemplateName": "web", "VersionNumber": 3,
   "CreateTime": "2024-03-02T03:04:05.000Z", "CreatedBy": "arn:aws:iam::123456789012:user/bob",
   "DefaultVersion": false, "LaunchTemplateData": {"InstanceType": "t3.large"}},
  {"LaunchTemplateId": "lt-0b", "LaunchTemplateName": "batch", "VersionNumber": 4,
   "CreateTime": "2024-04-02T03:04:05.000Z", "CreatedBy": "arn:aws:iam::123456789012:user/cy",
   "DefaultVersion": true, "LaunchTemplateData": {}}
]}"#;

/// The answer to `query` of `action`: its status and body.
fn ask(store: &Store, action: &str, query: &str) -> (u16, String) {
    let answer = store.handle(format!("Action={action}&Version=2016-11-15{query}").as_bytes());
    (
        answer.status,
        String::from_utf8_lossy(&answer.body).into_owned(),
    )
}

/// The templates answered to `query`, as the AWS CLI prints them.
fn templates(store: &Store, query: &str) -> Vec<Value> {
    let (status, body) = ask(store, "DescribeLaunchTemplates", query);
    assert_eq!(status, 200, "{body}");
    let response = DescribeLaunchTemplatesResponse::from_xml(body.as_bytes()).unwrap();
    let json = serde_json::to_value(&response).unwrap();
    json["LaunchTemplates"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

#[test]
fn a_capture_of_versions_answers_each_template_field_by_field() {
    let store = common::store(&[("describe-launch-template-versions", VERSIONS)]);
    assert_eq!(
        templates(&store, ""),
        [
            json!({"LaunchTemplateId": "lt-0a", "LaunchTemplateName": "web",
                   "CreateTime": "2024-01-02T03:04:05.000Z",
                   "CreatedBy": "arn:aws:iam::123456789012:user/ann",
                   "DefaultVersionNumber": 2, "LatestVersionNumber": 3}),
            // Version 1 is not held (deleted): the template's creation is not known.
            json!({"LaunchTemplateId": "lt-0b", "LaunchTemplateName": "batch",
                   "DefaultVersionNumber": 4, "LatestVersionNumber": 4}),
        ]
    );
}

#[test]
fn a_derived_template_is_found_by_id_and_name_and_an_unknown_one_is_not_found() {
    let store = common::store(&[("describe-launch-template-versions", VERSIONS)]);
    let by_id = templates(&store, "&LaunchTemplateId.1=lt-0b");
    assert_eq!(by_id.len(), 1);
    assert_eq!(by_id[0]["LaunchTemplateName"], "batch");
    let by_name = templates(&store, "&LaunchTemplateName.1=web");
    assert_eq!(by_name[0]["LaunchTemplateId"], "lt-0a");
    let (status, body) = ask(
        &store,
        "DescribeLaunchTemplates",
        "&LaunchTemplateId.1=lt-0c",
    );
    assert_eq!(status, 400);
    assert!(
        body.contains("<Code>InvalidLaunchTemplateId.NotFound</Code>"),
        "{body}"
    );
}

#[test]
fn a_seeded_template_wins_member_by_member() {
    let seeded = r#"{"LaunchTemplates": [{"LaunchTemplateId": "lt-0a",
        "LaunchTemplateName": "web", "LatestVersionNumber": 7,
        "Tags": [{"Key": "team", "Value": "edge"}]}]}"#;
    let store = common::store(&[
        ("describe-launch-template-versions", VERSIONS),
        ("describe-launch-templates", seeded),
    ]);
    let answered = templates(&store, "&LaunchTemplateId.1=lt-0a");
    assert_eq!(
        answered,
        [
            json!({"LaunchTemplateId": "lt-0a", "LaunchTemplateName": "web",
                "CreateTime": "2024-01-02T03:04:05.000Z",
                "CreatedBy": "arn:aws:iam::123456789012:user/ann",
                "DefaultVersionNumber": 2, "LatestVersionNumber": 7,
                "Tags": [{"Key": "team", "Value": "edge"}]})
        ]
    );
    assert_eq!(templates(&store, "").len(), 2, "one answer per template");
}

#[test]
fn versions_put_and_replaced_at_run_time_change_the_template_at_once() {
    let store = common::store(&[("describe-launch-template-versions", VERSIONS)]);
    store
        .put_json(
            "describe-launch-template-versions",
            r#"{"LaunchTemplateVersions": [{"LaunchTemplateId": "lt-0b",
                "LaunchTemplateName": "batch", "VersionNumber": 5, "DefaultVersion": false}]}"#,
        )
        .unwrap();
    let batch = templates(&store, "&LaunchTemplateId.1=lt-0b");
    assert_eq!(batch[0]["LatestVersionNumber"], 5);
    assert_eq!(batch[0]["DefaultVersionNumber"], 4);

    store
        .replace::<DescribeLaunchTemplateVersions>([LaunchTemplateVersion {
            launch_template_id: Some("lt-0c".into()),
            launch_template_name: Some("solo".into()),
            version_number: Some(1),
            default_version: Some(true),
            ..LaunchTemplateVersion::default()
        }])
        .unwrap();
    let ids: Vec<Value> = templates(&store, "")
        .iter()
        .map(|template| template["LaunchTemplateId"].clone())
        .collect();
    assert_eq!(
        ids,
        [json!("lt-0c")],
        "the replaced versions' templates are gone"
    );
    store.reset();
    assert_eq!(
        templates(&store, "").len(),
        2,
        "a reset brings the seed back"
    );
}

#[test]
fn versions_of_a_derived_template_are_asked_by_its_id_and_an_unknown_template_is_not_found() {
    let store = common::store(&[("describe-launch-template-versions", VERSIONS)]);
    let (status, body) = ask(
        &store,
        "DescribeLaunchTemplateVersions",
        "&LaunchTemplateId=lt-0b",
    );
    assert_eq!(status, 200, "{body}");
    assert_eq!(body.matches("<versionNumber>").count(), 1, "{body}");
    let (status, body) = ask(
        &store,
        "DescribeLaunchTemplateVersions",
        "&LaunchTemplateId=lt-0c",
    );
    assert_eq!(status, 400, "{body}");
    assert!(body.contains(".NotFound"), "{body}");
}

#[test]
fn latest_and_default_versions_are_read_from_the_derived_templates() {
    let store = common::store(&[("describe-launch-template-versions", VERSIONS)]);
    let numbers = |query: &str| -> Vec<String> {
        let (status, body) = ask(&store, "DescribeLaunchTemplateVersions", query);
        assert_eq!(status, 200, "{body}");
        body.split("<versionNumber>")
            .skip(1)
            .map(|rest| rest[..rest.find('<').unwrap()].to_owned())
            .collect()
    };
    assert_eq!(
        numbers("&LaunchTemplateId=lt-0a&LaunchTemplateVersion.1=$Latest"),
        ["3"]
    );
    assert_eq!(
        numbers("&LaunchTemplateVersion.1=$Latest"),
        ["3", "4"],
        "each template's latest"
    );
    assert_eq!(
        numbers("&LaunchTemplateName=web&LaunchTemplateVersion.1=$Default"),
        ["2"]
    );
    assert_eq!(
        numbers("&LaunchTemplateId=lt-0a&MinVersion=1&MaxVersion=3"),
        ["2", "3"]
    );
}
