//! `DescribeBundleTasks`: Windows instance bundling tasks. Not paginated.
//!
//! Filters (all from the EC2 API reference): `bundle-id`, `error-code`, `error-message`,
//! `instance-id`, `progress`, `s3-bucket`, `s3-prefix`, `start-time`, `state`, `update-time`.
//! An unknown bundle ID is `InvalidBundleID.NotFound`; an ID not starting with `bun-` is
//! `InvalidBundleID.Malformed` (EC2 documents the first code, not the second's wording).

use crate::{Blob, DateTime, ec2_operation, ec2_shape};

/// A bundle task (`<item>` of `<bundleInstanceTasksSet>`).
#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BundleTask {
    /// The instance being bundled.
    pub instance_id: Option<String>,
    /// The task's ID, `bun-...`.
    pub bundle_id: Option<String>,
    /// The task's state.
    pub state: Option<BundleTaskState>,
    /// When the task started.
    pub start_time: Option<DateTime>,
    /// When the task's state last changed.
    pub update_time: Option<DateTime>,
    /// Where the bundle is stored.
    pub storage: Option<Storage>,
    /// The level of task completion, e.g. `20%`.
    pub progress: Option<String>,
    /// Why the task failed, when it did.
    #[ec2(name = "BundleTaskError", xml = "error")]
    pub error: Option<BundleTaskError>,
}

/// A bundle task's state.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum BundleTaskState {
    /// `pending`
    Pending,
    /// `waiting-for-shutdown`
    WaitingForShutdown,
    /// `bundling`
    Bundling,
    /// `storing`
    Storing,
    /// `cancelling`
    Cancelling,
    /// `complete`
    Complete,
    /// `failed`
    Failed,
    /// A value this model does not list: EC2 adds values over time.
    #[ec2(other)]
    Unknown(String),
}

/// Where a bundle goes.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Storage {
    /// The Amazon S3 location (`<S3>`: EC2 keeps this member's PascalCase name in XML).
    #[ec2(xml = "S3")]
    pub s3: Option<S3Storage>,
}

/// An Amazon S3 bundle location.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct S3Storage {
    /// The access key ID of the bucket's owner.
    #[ec2(name = "AWSAccessKeyId", xml = "AWSAccessKeyId")]
    pub aws_access_key_id: Option<String>,
    /// The bucket.
    pub bucket: Option<String>,
    /// The key prefix.
    pub prefix: Option<String>,
    /// A base64-encoded upload policy.
    pub upload_policy: Option<Blob>,
    /// The signature of the upload policy.
    pub upload_policy_signature: Option<String>,
}

/// Why a bundle task failed.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BundleTaskError {
    /// The error code.
    pub code: Option<String>,
    /// The error message.
    pub message: Option<String>,
}

/// The `DescribeBundleTasks` operation.
#[ec2_operation(
    action = "DescribeBundleTasks",
    resource = BundleTask,
    resource_id = bundle_id,
    output(member = "BundleTasks", xml = "bundleInstanceTasksSet"),
    ids(key = "BundleId", prefix = "bun-"),
    filters(
        "bundle-id", "instance-id", "progress", "start-time", "state", "update-time",
        "error-code" => error.code,
        "error-message" => error.message,
        "s3-bucket" => storage.s3.bucket,
        "s3-prefix" => storage.s3.prefix,
    ),
    dry_run,
)]
pub struct DescribeBundleTasks;
