//! What EC2 answers a new account's `Get*` reads of its settings in a Region, as EC2's
//! documentation gives it: the answer while a store holds none of its own (a capture's
//! `get-ebs-encryption-by-default.json`, a put). Each function is an operation's
//! `settings(default = ...)` (`model/decisions.txt` names it, the scaffold writes it into the
//! declaration).
//!
//! Only what the documentation says is set; a member it says nothing about is absent, not guessed:
//! GetEbsEncryptionByDefault's `SseType` ("Reserved for future use"), Capacity Manager's
//! ingestion members (there is no ingestion before it is enabled). The two settings reads with no
//! documented default for a new account, GetEnabledIpamPolicy and GetManagedResourceVisibility,
//! are not in the vendored model, so not declared.

#![cfg(feature = "account")]

use crate::shapes::{
    CapacityManagerStatus, GetAllowedImagesSettingsResult, GetCapacityManagerAttributesResult,
    GetEbsDefaultKmsKeyIdResult, GetEbsEncryptionByDefaultResult,
    GetImageBlockPublicAccessStateResult, GetInstanceMetadataDefaultsResult,
    GetSerialConsoleAccessStatusResult, GetSnapshotBlockPublicAccessStateResult,
    InstanceMetadataDefaultsResponse, ManagedBy, SnapshotBlockPublicAccessState,
};

/// GetAllowedImagesSettings: the Allowed AMIs setting is `disabled` ("All AMIs are allowed")
/// until the account turns it on, with no criteria, managed by the account.
pub(crate) fn allowed_images() -> GetAllowedImagesSettingsResult {
    GetAllowedImagesSettingsResult {
        state: Some("disabled".to_owned()),
        image_criteria: None,
        managed_by: Some(ManagedBy::Account),
    }
}

/// GetCapacityManagerAttributes: Capacity Manager is `disabled` until the account enables it.
pub(crate) fn capacity_manager() -> GetCapacityManagerAttributesResult {
    GetCapacityManagerAttributesResult {
        capacity_manager_status: Some(CapacityManagerStatus::Disabled),
        ..GetCapacityManagerAttributesResult::default()
    }
}

/// GetEbsDefaultKmsKeyId: EBS encrypts by default with the AWS managed key, `alias/aws/ebs`,
/// until the account chooses another.
pub(crate) fn ebs_default_kms_key() -> GetEbsDefaultKmsKeyIdResult {
    GetEbsDefaultKmsKeyIdResult {
        kms_key_id: Some("alias/aws/ebs".to_owned()),
    }
}

/// GetEbsEncryptionByDefault: encryption by default is off until the account turns it on.
pub(crate) fn ebs_encryption_by_default() -> GetEbsEncryptionByDefaultResult {
    GetEbsEncryptionByDefaultResult {
        ebs_encryption_by_default: Some(false),
        sse_type: None,
    }
}

/// GetImageBlockPublicAccessState: block public access for AMIs is on for new accounts
/// (`block-new-sharing`), managed by the account.
pub(crate) fn image_block_public_access() -> GetImageBlockPublicAccessStateResult {
    GetImageBlockPublicAccessStateResult {
        image_block_public_access_state: Some("block-new-sharing".to_owned()),
        managed_by: Some(ManagedBy::Account),
    }
}

/// GetInstanceMetadataDefaults: no account-level IMDS defaults are set (`"AccountLevel": {}`),
/// so each launch's own options apply.
pub(crate) fn instance_metadata_defaults() -> GetInstanceMetadataDefaultsResult {
    GetInstanceMetadataDefaultsResult {
        account_level: Some(InstanceMetadataDefaultsResponse::default()),
    }
}

/// GetSerialConsoleAccessStatus: "By default, access to the EC2 serial console is disabled for
/// your account" (the model's documentation), managed by the account.
pub(crate) fn serial_console_access() -> GetSerialConsoleAccessStatusResult {
    GetSerialConsoleAccessStatusResult {
        serial_console_access_enabled: Some(false),
        managed_by: Some(ManagedBy::Account),
    }
}

/// GetSnapshotBlockPublicAccessState: block public access for snapshots is off (`unblocked`)
/// until the account turns it on, managed by the account.
pub(crate) fn snapshot_block_public_access() -> GetSnapshotBlockPublicAccessStateResult {
    GetSnapshotBlockPublicAccessStateResult {
        state: Some(SnapshotBlockPublicAccessState::Unblocked),
        managed_by: Some(ManagedBy::Account),
    }
}
