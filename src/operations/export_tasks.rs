//! `DescribeExportTasks`: instance export tasks. Not paginated, and without `DryRun`.
//!
//! AWS documents no filter names for this operation ("the filters for the export tasks."), so the
//! request takes `Filter.N` and every name is answered as invalid. An unknown export task ID is
//! `InvalidExportTaskID.NotFound`; one not starting with `export-` (`export-i-` for instances,
//! `export-ami-` for images) is `InvalidExportTaskID.Malformed` (AWS lists both codes, not their
//! wording). The model has no `DryRun` member, so neither does the request.

use crate::{Tag, ec2_operation, ec2_shape};

/// An instance export task (`<item>` of `<exportTaskSet>`).
#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExportTask {
    /// A description of the resource being exported.
    pub description: Option<String>,
    /// The task's ID, `export-i-...`.
    pub export_task_id: Option<String>,
    /// The format and location of the export (`<exportToS3>`).
    #[ec2(xml = "exportToS3")]
    pub export_to_s3_task: Option<ExportToS3Task>,
    /// The instance being exported (`<instanceExport>`).
    #[ec2(xml = "instanceExport")]
    pub instance_export_details: Option<InstanceExportDetails>,
    /// The state of the export task.
    pub state: Option<ExportTaskState>,
    /// The status message related to the export task.
    pub status_message: Option<String>,
    /// The task's tags (`<tagSet>`).
    #[ec2(xml = "tagSet")]
    pub tags: Option<Vec<Tag>>,
}

/// The format and Amazon S3 location of an export.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExportToS3Task {
    /// The container format combining disk images with metadata; absent when only the disk image is exported.
    pub container_format: Option<ContainerFormat>,
    /// The format of the exported image.
    pub disk_image_format: Option<DiskImageFormat>,
    /// The Amazon S3 bucket for the destination image.
    pub s3_bucket: Option<String>,
    /// The Amazon S3 key of the exported image.
    pub s3_key: Option<String>,
}

/// The instance of an export task.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InstanceExportDetails {
    /// The ID of the resource being exported.
    pub instance_id: Option<String>,
    /// The target virtualization environment.
    pub target_environment: Option<ExportEnvironment>,
}

/// An export task's state.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ExportTaskState {
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

/// The container format of an export.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ContainerFormat {
    /// `ova`
    Ova,
    /// A value this model does not list: EC2 adds values over time.
    #[ec2(other)]
    Unknown(String),
}

/// A disk image format (also used by `DescribeConversionTasks`).
#[ec2_shape(response_only)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum DiskImageFormat {
    /// `VMDK`
    #[ec2(value = "VMDK")]
    Vmdk,
    /// `RAW`
    #[ec2(value = "RAW")]
    Raw,
    /// `VHD`
    #[ec2(value = "VHD")]
    Vhd,
    /// A value this model does not list: EC2 adds values over time.
    #[ec2(other)]
    Unknown(String),
}

/// A target virtualization environment.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ExportEnvironment {
    /// `citrix`
    Citrix,
    /// `vmware`
    Vmware,
    /// `microsoft`
    Microsoft,
    /// A value this model does not list: EC2 adds values over time.
    #[ec2(other)]
    Unknown(String),
}

/// The `DescribeExportTasks` operation.
#[ec2_operation(
    action = "DescribeExportTasks",
    resource = ExportTask,
    resource_id = export_task_id,
    output(member = "ExportTasks", xml = "exportTaskSet"),
    ids(key = "ExportTaskId", prefix = "export-"),
    filters(),
)]
pub struct DescribeExportTasks;
