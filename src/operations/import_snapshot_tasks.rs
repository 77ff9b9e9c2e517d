//! `DescribeImportSnapshotTasks`: snapshot import tasks. Paginated.
//!
//! AWS documents no filter names for this operation. This crate serves `import-task-id`,
//! `task-state` (the detail's `status`, as DescribeImportImageTasks names it), and the tag filters
//! `tag:<key>`, `tag-key`, `tag-value`. `MaxResults` is bounded 5..=1000 as most EC2 operations are
//! (AWS documents no bounds here). The error codes for unknown and malformed task IDs are not
//! documented either: this crate answers `InvalidImportTaskId.NotFound` and
//! `InvalidImportTaskId.Malformed` (IDs start with `import-snap-`).

use crate::{Tag, ec2_operation, ec2_shape};

/// A snapshot import task (`<item>` of `<importSnapshotTaskSet>`).
#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportSnapshotTask {
    /// The task's description.
    pub description: Option<String>,
    /// The task's ID, `import-snap-...`.
    pub import_task_id: Option<String>,
    /// Details of the import.
    pub snapshot_task_detail: Option<SnapshotTaskDetail>,
    /// The task's tags (`<tagSet>`).
    #[ec2(xml = "tagSet")]
    pub tags: Option<Vec<Tag>>,
}

/// Details of a snapshot import.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SnapshotTaskDetail {
    /// The description of the disk image.
    pub description: Option<String>,
    /// The size of the disk, in GiB.
    pub disk_image_size: Option<f64>,
    /// Whether the snapshot is encrypted.
    pub encrypted: Option<bool>,
    /// The disk image format, e.g. `VMDK`.
    pub format: Option<String>,
    /// The KMS key that encrypts the snapshot.
    pub kms_key_id: Option<String>,
    /// The percentage of completion.
    pub progress: Option<String>,
    /// The resulting snapshot.
    pub snapshot_id: Option<String>,
    /// The status: `active`, `completed`, `deleting`, `deleted`, ...
    pub status: Option<String>,
    /// A detailed status message.
    pub status_message: Option<String>,
    /// The URL of the disk image.
    pub url: Option<String>,
    /// The S3 bucket of the disk image.
    pub user_bucket: Option<UserBucketDetails>,
}

/// The S3 location of a disk image.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UserBucketDetails {
    /// The bucket.
    pub s3_bucket: Option<String>,
    /// The key.
    pub s3_key: Option<String>,
}

/// The `DescribeImportSnapshotTasks` operation.
#[ec2_operation(
    action = "DescribeImportSnapshotTasks",
    resource = ImportSnapshotTask,
    resource_id = import_task_id,
    output(member = "ImportSnapshotTasks", xml = "importSnapshotTaskSet"),
    ids(key = "ImportTaskId", not_found = "InvalidImportTaskId.NotFound", prefix = "import-snap-"),
    filters(
        "import-task-id",
        key = "Filters",
        "task-state" => snapshot_task_detail.status,
        "tag:<key>" => tags,
        "tag-key" => tags,
        "tag-value" => tags,
    ),
    paginate(min = 5, max = 1000),
    dry_run,
)]
pub struct DescribeImportSnapshotTasks;
