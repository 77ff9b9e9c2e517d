//! `DescribeConversionTasks`: instance and volume import (conversion) tasks. Not paginated, and
//! without filters.
//!
//! An unknown conversion task ID is `InvalidConversionTaskId` (AWS's code has no `.NotFound`); one
//! not starting with `import-` (`import-i-...` and `import-vol-...`) is
//! `InvalidConversionTaskId.Malformed`. The model has no `Filters` member: `Filter.N` is
//! `UnknownParameter`.

use crate::operations::export_tasks::DiskImageFormat;
use crate::{Tag, ec2_operation, ec2_shape};

/// A conversion task (`<item>` of `<conversionTasks>`).
#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ConversionTask {
    /// The task's ID, `import-i-...` or `import-vol-...`.
    pub conversion_task_id: Option<String>,
    /// When the task expires; an upload not complete by then is cancelled (free text, not a timestamp).
    pub expiration_time: Option<String>,
    /// The import instance task, when the task imports an instance.
    pub import_instance: Option<ImportInstanceTaskDetails>,
    /// The import volume task, when the task imports a volume.
    pub import_volume: Option<ImportVolumeTaskDetails>,
    /// The state of the conversion task.
    pub state: Option<ConversionTaskState>,
    /// The status message related to the conversion task.
    pub status_message: Option<String>,
    /// The task's tags (`<tagSet>`).
    #[ec2(xml = "tagSet")]
    pub tags: Option<Vec<Tag>>,
}

/// A conversion task's state.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ConversionTaskState {
    /// `active`
    Active,
    /// `cancelling`
    Cancelling,
    /// `cancelled`
    Cancelled,
    /// `completed`
    Completed,
    /// A value this model does not list: EC2 adds values over time.
    #[ec2(other)]
    Unknown(String),
}

/// An import instance task.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportInstanceTaskDetails {
    /// A description of the task.
    pub description: Option<String>,
    /// The ID of the instance.
    pub instance_id: Option<String>,
    /// The instance operating system.
    pub platform: Option<PlatformValues>,
    /// The volumes being imported.
    pub volumes: Option<Vec<ImportInstanceVolumeDetailItem>>,
}

/// An instance's operating system.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PlatformValues {
    /// `Windows`
    #[ec2(value = "Windows")]
    Windows,
    /// A value this model does not list: EC2 adds values over time.
    #[ec2(other)]
    Unknown(String),
}

/// A volume of an import instance task.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportInstanceVolumeDetailItem {
    /// The Availability Zone where the resulting instance will reside.
    pub availability_zone: Option<String>,
    /// The ID of the Availability Zone where the resulting instance will reside.
    pub availability_zone_id: Option<String>,
    /// The number of bytes converted so far.
    pub bytes_converted: Option<i64>,
    /// A description of the task.
    pub description: Option<String>,
    /// The disk image.
    pub image: Option<DiskImageDescription>,
    /// The status of the import of this disk image.
    pub status: Option<String>,
    /// The status information or errors related to the disk image.
    pub status_message: Option<String>,
    /// The volume.
    pub volume: Option<DiskImageVolumeDescription>,
}

/// An import volume task.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportVolumeTaskDetails {
    /// The Availability Zone where the resulting volume will reside.
    pub availability_zone: Option<String>,
    /// The ID of the Availability Zone where the resulting volume will reside.
    pub availability_zone_id: Option<String>,
    /// The number of bytes converted so far.
    pub bytes_converted: Option<i64>,
    /// The description given when the import volume task was started.
    pub description: Option<String>,
    /// The disk image.
    pub image: Option<DiskImageDescription>,
    /// The volume.
    pub volume: Option<DiskImageVolumeDescription>,
}

/// A disk image.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DiskImageDescription {
    /// The checksum computed for the disk image.
    pub checksum: Option<String>,
    /// The disk image format.
    pub format: Option<DiskImageFormat>,
    /// A presigned URL for the import manifest stored in Amazon S3.
    pub import_manifest_url: Option<String>,
    /// The size of the disk image, in GiB.
    pub size: Option<i64>,
}

/// A disk image volume.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DiskImageVolumeDescription {
    /// The volume identifier.
    pub id: Option<String>,
    /// The size of the volume, in GiB.
    pub size: Option<i64>,
}

/// The `DescribeConversionTasks` operation.
#[ec2_operation(
    action = "DescribeConversionTasks",
    resource = ConversionTask,
    resource_id = conversion_task_id,
    output(member = "ConversionTasks", xml = "conversionTasks"),
    ids(key = "ConversionTaskId", not_found = "InvalidConversionTaskId", prefix = "import-"),
    dry_run,
)]
pub struct DescribeConversionTasks;
