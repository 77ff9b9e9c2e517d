//! `DescribeImportImageTasks`: virtual machine (image) import tasks. Paginated.
//!
//! AWS documents one filter, `task-state` (`active`, `completed`, `deleting`, `deleted`), which is
//! the task's `status`. `MaxResults` has no documented bounds, so any positive page size is served.
//! The error codes for unknown and malformed task IDs are not documented: this crate answers
//! `InvalidImportTaskId.NotFound` and `InvalidImportTaskId.Malformed` (IDs start with
//! `import-ami-`), as for DescribeImportSnapshotTasks.

use crate::operations::import_snapshot_tasks::UserBucketDetails;
use crate::operations::instances::BootModeValues;
use crate::{Tag, ec2_operation, ec2_shape};

/// An image import task (`<item>` of `<importImageTaskSet>`).
#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportImageTask {
    /// The architecture of the virtual machine: `i386`, `x86_64` or `arm64`.
    pub architecture: Option<String>,
    /// A description of the import task.
    pub description: Option<String>,
    /// Whether the image is encrypted.
    pub encrypted: Option<bool>,
    /// The target hypervisor for the import task, e.g. `xen`.
    pub hypervisor: Option<String>,
    /// The ID of the AMI of the imported virtual machine.
    pub image_id: Option<String>,
    /// The task's ID, `import-ami-...`.
    pub import_task_id: Option<String>,
    /// The KMS key that was used to create the encrypted image.
    pub kms_key_id: Option<String>,
    /// The license type of the virtual machine.
    pub license_type: Option<String>,
    /// The platform (operating system) of the imported image.
    pub platform: Option<String>,
    /// The percentage of progress of the task.
    pub progress: Option<String>,
    /// The snapshots created from the imported disks (`<snapshotDetailSet>`).
    #[ec2(xml = "snapshotDetailSet")]
    pub snapshot_details: Option<Vec<SnapshotDetail>>,
    /// A brief status for the task: `active`, `completed`, `deleting` or `deleted`.
    pub status: Option<String>,
    /// A descriptive status message for the task.
    pub status_message: Option<String>,
    /// The task's tags (`<tagSet>`).
    #[ec2(xml = "tagSet")]
    pub tags: Option<Vec<Tag>>,
    /// The license configurations associated with the task.
    pub license_specifications: Option<Vec<ImportImageLicenseConfigurationResponse>>,
    /// The usage operation value.
    pub usage_operation: Option<String>,
    /// The boot mode of the virtual machine.
    pub boot_mode: Option<BootModeValues>,
}

/// The snapshot created from an imported disk.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SnapshotDetail {
    /// A description for the snapshot.
    pub description: Option<String>,
    /// The block device mapping for the snapshot.
    pub device_name: Option<String>,
    /// The size of the disk in the snapshot, in GiB.
    pub disk_image_size: Option<f64>,
    /// The format of the disk image the snapshot is created from.
    pub format: Option<String>,
    /// The percentage of progress for the task.
    pub progress: Option<String>,
    /// The snapshot ID of the disk being imported.
    pub snapshot_id: Option<String>,
    /// A brief status of the snapshot creation.
    pub status: Option<String>,
    /// A detailed status message for the snapshot creation.
    pub status_message: Option<String>,
    /// The URL used to access the disk image.
    pub url: Option<String>,
    /// The Amazon S3 bucket for the disk image.
    pub user_bucket: Option<UserBucketDetails>,
}

/// A license configuration associated with an image import task.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportImageLicenseConfigurationResponse {
    /// The ARN of the license configuration.
    pub license_configuration_arn: Option<String>,
}

/// The `DescribeImportImageTasks` operation.
#[ec2_operation(
    action = "DescribeImportImageTasks",
    resource = ImportImageTask,
    resource_id = import_task_id,
    output(member = "ImportImageTasks", xml = "importImageTaskSet"),
    ids(key = "ImportTaskId", not_found = "InvalidImportTaskId.NotFound", prefix = "import-ami-"),
    filters(key = "Filters", "task-state" => status),
    paginate,
    dry_run,
)]
pub struct DescribeImportImageTasks;
