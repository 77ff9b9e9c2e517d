//! The account-level `Get*` reads auditors make (GetEbsEncryptionByDefault, ...): answered from a
//! seed (`get-ebs-encryption-by-default.json`, as the AWS CLI prints it), per account and region,
//! else as EC2 answers a new account.

use ec2_ops::Ec2Response;
use ec2_ops_catalog::account::{GetEbsDefaultKmsKeyIdResponse, GetEbsEncryptionByDefaultResponse};
use ec2_ops_endpoint::{Endpoint, Seed, Store};
use serde_json::{Value, json};

use crate::common::Dir;

/// Every settings read the catalog declares, with what a new account answers as the AWS CLI
/// prints it.
const NEW_ACCOUNT: &[(&str, &str)] = &[
    (
        "GetAllowedImagesSettings",
        r#"{"State": "disabled", "ManagedBy": "account"}"#,
    ),
    (
        "GetCapacityManagerAttributes",
        r#"{"CapacityManagerStatus": "disabled"}"#,
    ),
    ("GetEbsDefaultKmsKeyId", r#"{"KmsKeyId": "alias/aws/ebs"}"#),
    (
        "GetEbsEncryptionByDefault",
        r#"{"EbsEncryptionByDefault": false}"#,
    ),
    (
        "GetImageBlockPublicAccessState",
        r#"{"ImageBlockPublicAccessState": "block-new-sharing", "ManagedBy": "account"}"#,
    ),
    ("GetInstanceMetadataDefaults", r#"{"AccountLevel": {}}"#),
    (
        "GetSerialConsoleAccessStatus",
        r#"{"SerialConsoleAccessEnabled": false, "ManagedBy": "account"}"#,
    ),
    (
        "GetSnapshotBlockPublicAccessState",
        r#"{"State": "unblocked", "ManagedBy": "account"}"#,
    ),
];

/// `action`'s answer as the AWS CLI prints it (no request ID).
fn printed(store: &Store, action: &str) -> Value {
    let answer = store.handle(format!("Action={action}&Version=2016-11-15").as_bytes());
    assert_eq!(
        answer.status,
        200,
        "{action}: {}",
        String::from_utf8_lossy(&answer.body)
    );
    xml_as_cli_json(action, &answer.body)
}

/// The answer's JSON through the catalog's typed response for `action`.
fn xml_as_cli_json(action: &str, body: &[u8]) -> Value {
    use ec2_ops_catalog::account::*;
    fn json<R: Ec2Response + Default + serde::Serialize>(body: &[u8]) -> Value {
        serde_json::to_value(R::from_xml(body).unwrap()).unwrap()
    }
    match action {
        "GetAllowedImagesSettings" => json::<GetAllowedImagesSettingsResponse>(body),
        "GetCapacityManagerAttributes" => json::<GetCapacityManagerAttributesResponse>(body),
        "GetEbsDefaultKmsKeyId" => json::<GetEbsDefaultKmsKeyIdResponse>(body),
        "GetEbsEncryptionByDefault" => json::<GetEbsEncryptionByDefaultResponse>(body),
        "GetImageBlockPublicAccessState" => json::<GetImageBlockPublicAccessStateResponse>(body),
        "GetInstanceMetadataDefaults" => json::<GetInstanceMetadataDefaultsResponse>(body),
        "GetSerialConsoleAccessStatus" => json::<GetSerialConsoleAccessStatusResponse>(body),
        "GetSnapshotBlockPublicAccessState" => {
            json::<GetSnapshotBlockPublicAccessStateResponse>(body)
        }
        other => panic!("{other} is no settings read"),
    }
}

#[test]
fn an_unseeded_account_answers_every_settings_read_as_a_new_account() {
    let store = Endpoint::builder().build_store().unwrap();
    let declared: Vec<&str> = ec2_ops_catalog::OPERATIONS
        .iter()
        .map(|(_, action)| *action)
        .filter(|action| action.starts_with("Get"))
        .collect();
    let expected: Vec<&str> = NEW_ACCOUNT.iter().map(|(action, _)| *action).collect();
    assert_eq!(
        declared, expected,
        "every settings read has its expectation"
    );
    for (action, answer) in NEW_ACCOUNT {
        let expected: Value = serde_json::from_str(answer).unwrap();
        assert_eq!(printed(&store, action), expected, "{action}");
    }
}

#[test]
fn a_seeded_setting_is_answered_as_the_cli_printed_it() {
    let seed = Seed::from_output(
        "get-ebs-encryption-by-default",
        r#"{"EbsEncryptionByDefault": true, "SseType": "sse-kms"}"#,
    )
    .unwrap();
    let store = Endpoint::builder().seed(seed).build_store().unwrap();
    let answer = store.handle(b"Action=GetEbsEncryptionByDefault&Version=2016-11-15");
    let xml = String::from_utf8(answer.body).unwrap();
    assert!(
        xml.contains("</requestId><ebsEncryptionByDefault>true</ebsEncryptionByDefault><sseType>sse-kms</sseType></GetEbsEncryptionByDefaultResponse>"),
        "{xml}"
    );
    assert_eq!(
        printed(&store, "GetEbsDefaultKmsKeyId"),
        json!({"KmsKeyId": "alias/aws/ebs"}),
        "the others keep a new account's"
    );
}

#[test]
fn settings_are_each_accounts_in_each_region() {
    let enabled = r#"{"EbsEncryptionByDefault": true}"#;
    let key = r#"{"KmsKeyId": "arn:aws:kms:us-east-1:111111111111:key/1234"}"#;
    let folder = Dir::new(&[
        (
            "111111111111/us-east-1/get-ebs-encryption-by-default.json",
            enabled,
        ),
        (
            "111111111111/us-east-1/get-ebs-default-kms-key-id.json",
            key,
        ),
        (
            "222222222222/us-east-1/describe-volumes.json",
            r#"{"Volumes": []}"#,
        ),
    ]);
    let accounts = Endpoint::builder()
        .seed_dir(folder.path())
        .build_accounts()
        .unwrap();
    let encrypted = |account: &str, region: &str| {
        let store = accounts.store(account, region).unwrap();
        let answer = store.handle(b"Action=GetEbsEncryptionByDefault&Version=2016-11-15");
        GetEbsEncryptionByDefaultResponse::from_xml(&answer.body)
            .unwrap()
            .settings
            .unwrap()
            .ebs_encryption_by_default
    };
    assert_eq!(encrypted("111111111111", "us-east-1"), Some(true));
    assert_eq!(encrypted("111111111111", "eu-west-1"), Some(false));
    assert_eq!(encrypted("222222222222", "us-east-1"), Some(false));
    let store = accounts.store("111111111111", "us-east-1").unwrap();
    let answer = store.handle(b"Action=GetEbsDefaultKmsKeyId&Version=2016-11-15");
    let kms = GetEbsDefaultKmsKeyIdResponse::from_xml(&answer.body).unwrap();
    assert_eq!(
        kms.settings.unwrap().kms_key_id.as_deref(),
        Some("arn:aws:kms:us-east-1:111111111111:key/1234")
    );
}

#[test]
fn a_put_setting_is_answered_until_a_reset_returns_the_default() {
    let store = Endpoint::builder().build_store().unwrap();
    store
        .put_json(
            "get-serial-console-access-status",
            r#"{"SerialConsoleAccessEnabled": true, "ManagedBy": "declarative-policy"}"#,
        )
        .unwrap();
    assert_eq!(
        printed(&store, "GetSerialConsoleAccessStatus"),
        json!({"SerialConsoleAccessEnabled": true, "ManagedBy": "declarative-policy"})
    );
    store.reset();
    assert_eq!(
        printed(&store, "GetSerialConsoleAccessStatus"),
        json!({"SerialConsoleAccessEnabled": false, "ManagedBy": "account"})
    );
}

#[test]
fn dry_run_of_a_settings_read_is_dry_run_operation() {
    let store = Endpoint::builder().build_store().unwrap();
    let answer = store.handle(b"Action=GetEbsEncryptionByDefault&Version=2016-11-15&DryRun=true");
    assert_eq!(
        (answer.status, answer.error_code.as_deref()),
        (412, Some("DryRunOperation"))
    );
}
