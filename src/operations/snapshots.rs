//! `DescribeSnapshots`: EBS snapshots. Paginated.
//!
//! Shapes reached by the output: `Snapshot`, `AssociatedKmsKey` and the enums `SnapshotState`,
//! `StorageTier`, `TransferType`, plus `SseType` from `DescribeVolumes`.

use crate::operations::volumes::SseType;
use crate::{Caller, DateTime, DescribeContext, Tag, ec2_operation, ec2_shape};

/// An EBS snapshot (`<item>` of `<snapshotSet>`).
#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Snapshot {
    /// The owner alias from an Amazon-maintained list (`amazon`).
    pub owner_alias: Option<String>,
    /// The ARN of the Outpost the snapshot is stored on.
    pub outpost_arn: Option<String>,
    /// The snapshot's tags (`<tagSet>`).
    #[ec2(xml = "tagSet")]
    pub tags: Option<Vec<Tag>>,
    /// The storage tier the snapshot is stored in.
    pub storage_tier: Option<StorageTier>,
    /// When a temporarily restored archived snapshot will be re-archived.
    pub restore_expiry_time: Option<DateTime>,
    /// The server-side encryption type (reserved for future use).
    pub sse_type: Option<SseType>,
    /// The Availability Zone or Local Zone of the snapshot.
    pub availability_zone: Option<String>,
    /// Whether a snapshot copy was made by a standard or time-based copy.
    pub transfer_type: Option<TransferType>,
    /// The completion duration requested for a time-based snapshot copy, in minutes.
    pub completion_duration_minutes: Option<i32>,
    /// When the snapshot was completed.
    pub completion_time: Option<DateTime>,
    /// The full size of the snapshot, in bytes.
    pub full_snapshot_size_in_bytes: Option<i64>,
    /// Additional KMS keys associated with the snapshot (`<associatedKmsKeySet>`).
    #[ec2(xml = "associatedKmsKeySet")]
    pub associated_kms_keys: Option<Vec<AssociatedKmsKey>>,
    /// The snapshot's ID, `snap-...`.
    pub snapshot_id: Option<String>,
    /// The volume the snapshot was created from (arbitrary for copies).
    pub volume_id: Option<String>,
    /// The snapshot's state (`<status>`).
    #[ec2(xml = "status")]
    pub state: Option<SnapshotState>,
    /// Error details when an encrypted snapshot copy fails (`<statusMessage>`).
    #[ec2(xml = "statusMessage")]
    pub state_message: Option<String>,
    /// When the snapshot was initiated.
    pub start_time: Option<DateTime>,
    /// The progress of the snapshot, as a percentage.
    pub progress: Option<String>,
    /// The account that owns the snapshot.
    pub owner_id: Option<String>,
    /// The snapshot's description.
    pub description: Option<String>,
    /// The size of the source volume, in GiB.
    pub volume_size: Option<i32>,
    /// Whether the snapshot is encrypted.
    pub encrypted: Option<bool>,
    /// The ARN of the KMS key that protects the parent volume's encryption key.
    pub kms_key_id: Option<String>,
    /// The identifier of the data encryption key of the snapshot's lineage.
    pub data_encryption_key_id: Option<String>,
}

/// An additional KMS key associated with a snapshot.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AssociatedKmsKey {
    /// The ARN of the associated KMS key.
    pub kms_key_id: Option<String>,
}

/// A snapshot's state.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum SnapshotState {
    /// `pending`
    Pending,
    /// `completed`
    Completed,
    /// `error`
    Error,
    /// `recoverable`
    Recoverable,
    /// `recovering`
    Recovering,
    /// A value this model does not list: EC2 adds values over time.
    #[ec2(other)]
    Unknown(String),
}

/// A snapshot storage tier.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum StorageTier {
    /// `archive`
    Archive,
    /// `standard`
    Standard,
    /// A value this model does not list: EC2 adds values over time.
    #[ec2(other)]
    Unknown(String),
}

/// How a snapshot copy was made.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TransferType {
    /// `time-based`
    TimeBased,
    /// `standard`
    Standard,
    /// A value this model does not list: EC2 adds values over time.
    #[ec2(other)]
    Unknown(String),
}

/// `Owner.N` and `RestorableBy.N`, which scope the answer by account rather than filter it.
///
/// `Owner.N` takes account IDs, `self` (the caller's account) and `amazon` (snapshots whose owner
/// alias is `amazon`). `RestorableBy.N` takes account IDs, `self` and `all`. The snapshots a caller
/// sees are, as EC2 defines them, those it may create volumes from, so each is restorable by the
/// caller; the `Snapshot` shape carries no other create-volume permissions, so another account
/// restores only the snapshots it owns, and `all` (public snapshots) matches those with an owner
/// alias (snapshots AWS publishes).
fn owned_and_restorable(
    request: &DescribeSnapshotsRequest,
    caller: &Caller,
    snapshot: &Snapshot,
    _context: &DescribeContext,
) -> bool {
    let owner_id = snapshot.owner_id.as_deref();
    let owner_alias = snapshot.owner_alias.as_deref();
    let owned = request.owner_ids.is_empty()
        || request.owner_ids.iter().any(|owner| match owner.as_str() {
            "self" => owner_id == Some(caller.account_id.as_str()),
            "amazon" => owner_alias == Some("amazon"),
            account => owner_id == Some(account),
        });
    let restorable = request.restorable_by_user_ids.is_empty()
        || request
            .restorable_by_user_ids
            .iter()
            .any(|user| match user.as_str() {
                "self" => true,
                "all" => owner_alias.is_some(),
                account => account == caller.account_id || owner_id == Some(account),
            });
    owned && restorable
}

/// The `DescribeSnapshots` operation.
///
/// Pagination follows the bounds AWS documented until 2024: `MaxResults` 5 to 1,000, a larger
/// value served as 1,000, and no `MaxResults` beside `SnapshotId.N`. As EC2 documents, an unknown
/// snapshot ID is an error (`InvalidSnapshot.NotFound`) while one the caller may not see is left out;
/// one not starting with `snap-` is `InvalidSnapshotID.Malformed` (AWS's error list).
#[ec2_operation(
    action = "DescribeSnapshots",
    resource = Snapshot,
    resource_id = snapshot_id,
    output(member = "Snapshots", xml = "snapshotSet"),
    ids(key = "SnapshotId", prefix = "snap-",
        not_found = "InvalidSnapshot.NotFound", malformed = "InvalidSnapshotID.Malformed"),
    members(
        /// Scopes the results to snapshots of these owners: account IDs, `self` or `amazon`.
        #[ec2(query = "Owner")]
        owner_ids: Vec<String>,
        /// Scopes the results to snapshots these accounts can create volumes from: account IDs,
        /// `self` or `all`.
        #[ec2(query = "RestorableBy")]
        restorable_by_user_ids: Vec<String>,
    ),
    filters(
        "description", "encrypted", "owner-alias", "owner-id", "progress", "snapshot-id",
        "start-time", "storage-tier", "transfer-type", "volume-id", "volume-size",
        "status" => state,
        "tag:<key>" => tags,
        "tag-key" => tags,
    ),
    paginate(min = 5, max = 1000, clamp, ids_with_max_results = false),
    dry_run,
    visible = owned_and_restorable,
)]
pub struct DescribeSnapshots;
