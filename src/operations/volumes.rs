//! `DescribeVolumes`: EBS volumes. Paginated.
//!
//! Shapes reached by the output: `Volume`, `VolumeAttachment`, `OperatorResponse` and the enums
//! `VolumeType`, `SseType` (shared with `DescribeSnapshots`), `VolumeState`, `VolumeAttachmentState`.

use crate::{DateTime, Tag, ec2_operation, ec2_shape};

/// An EBS volume (`<item>` of `<volumeSet>`).
#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Volume {
    /// The ID of the volume's Availability Zone.
    pub availability_zone_id: Option<String>,
    /// The ARN of the Outpost.
    pub outpost_arn: Option<String>,
    /// The volume this one was copied from (volume copies only).
    pub source_volume_id: Option<String>,
    /// The provisioned IOPS (gp3, io1, io2) or baseline IOPS (gp2).
    pub iops: Option<i32>,
    /// The volume's tags (`<tagSet>`).
    #[ec2(xml = "tagSet")]
    pub tags: Option<Vec<Tag>>,
    /// The volume type.
    pub volume_type: Option<VolumeType>,
    /// Whether the volume was created using fast snapshot restore.
    pub fast_restored: Option<bool>,
    /// Whether EBS Multi-Attach is enabled.
    pub multi_attach_enabled: Option<bool>,
    /// The throughput the volume supports, in MiB/s.
    pub throughput: Option<i32>,
    /// The server-side encryption type (reserved for future use).
    pub sse_type: Option<SseType>,
    /// The service provider that manages the volume.
    pub operator: Option<OperatorResponse>,
    /// The volume initialization rate given at creation, in MiB/s.
    pub volume_initialization_rate: Option<i32>,
    /// The ARN of the volume.
    pub volume_arn: Option<String>,
    /// The account that owns the volume.
    pub owner_id: Option<String>,
    /// The volume's ID, `vol-...`.
    pub volume_id: Option<String>,
    /// The size of the volume, in GiB.
    pub size: Option<i32>,
    /// The snapshot the volume was created from, if any.
    pub snapshot_id: Option<String>,
    /// The volume's Availability Zone.
    pub availability_zone: Option<String>,
    /// The volume's state (`<status>`).
    #[ec2(xml = "status")]
    pub state: Option<VolumeState>,
    /// When volume creation was initiated.
    pub create_time: Option<DateTime>,
    /// The volume's attachments (`<attachmentSet>`).
    #[ec2(xml = "attachmentSet")]
    pub attachments: Option<Vec<VolumeAttachment>>,
    /// Whether the volume is encrypted.
    pub encrypted: Option<bool>,
    /// The ARN of the KMS key that protects the volume's encryption key.
    pub kms_key_id: Option<String>,
}

/// A volume's attachment to an instance or managed resource.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct VolumeAttachment {
    /// Whether the volume is deleted on instance termination.
    pub delete_on_termination: Option<bool>,
    /// The ARN of the AWS-managed resource the volume is attached to.
    pub associated_resource: Option<String>,
    /// The service principal owning the resource the volume is attached to.
    pub instance_owning_service: Option<String>,
    /// The index of the EBS card (default 0).
    pub ebs_card_index: Option<i32>,
    /// The ID of the volume.
    pub volume_id: Option<String>,
    /// The ID of the instance (null for AWS-managed resources).
    pub instance_id: Option<String>,
    /// The device name (null for AWS-managed resources).
    pub device: Option<String>,
    /// The attachment state (`<status>`).
    #[ec2(xml = "status")]
    pub state: Option<VolumeAttachmentState>,
    /// When the attachment was initiated.
    pub attach_time: Option<DateTime>,
}

/// Whether a resource is managed by a service provider, and which.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OperatorResponse {
    /// Whether the resource is managed by a service provider.
    pub managed: Option<bool>,
    /// The service provider that manages the resource, when managed.
    pub principal: Option<String>,
    /// Whether the resource is hidden by default by the managed resource visibility settings.
    pub hidden_by_default: Option<bool>,
}

/// An EBS volume type.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum VolumeType {
    /// `standard`
    Standard,
    /// `io1`
    Io1,
    /// `io2`
    Io2,
    /// `gp2`
    Gp2,
    /// `sc1`
    Sc1,
    /// `st1`
    St1,
    /// `gp3`
    Gp3,
    /// A value this model does not list: EC2 adds values over time.
    #[ec2(other)]
    Unknown(String),
}

/// A server-side encryption type.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum SseType {
    /// `sse-ebs`
    SseEbs,
    /// `sse-kms`
    SseKms,
    /// `none`
    None,
    /// A value this model does not list: EC2 adds values over time.
    #[ec2(other)]
    Unknown(String),
}

/// A volume's state.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum VolumeState {
    /// `creating`
    Creating,
    /// `available`
    Available,
    /// `in-use`
    InUse,
    /// `deleting`
    Deleting,
    /// `deleted`
    Deleted,
    /// `error`
    Error,
    /// A value this model does not list: EC2 adds values over time.
    #[ec2(other)]
    Unknown(String),
}

/// A volume attachment's state.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum VolumeAttachmentState {
    /// `attaching`
    Attaching,
    /// `attached`
    Attached,
    /// `detaching`
    Detaching,
    /// `detached`
    Detached,
    /// `busy`
    Busy,
    /// A value this model does not list: EC2 adds values over time.
    #[ec2(other)]
    Unknown(String),
}

/// The `DescribeVolumes` operation.
///
/// Pagination follows the bounds AWS documented until 2024 and EC2 still enforces as observed:
/// `MaxResults` 5 to 500, a larger value served as 500, and no `MaxResults` beside `VolumeId.N`
/// (`InvalidParameterCombination`: "The parameter volumeSet cannot be used with the parameter
/// maxResults"). An unknown volume ID is `InvalidVolume.NotFound`; one not starting with `vol-` is
/// `InvalidVolumeID.Malformed` (both codes from AWS's error list). `IncludeManagedResources` is
/// accepted; this crate's volumes are never hidden (EC2's
/// default managed-resource visibility), so it changes nothing.
#[ec2_operation(
    action = "DescribeVolumes",
    resource = Volume,
    resource_id = volume_id,
    output(member = "Volumes", xml = "volumeSet"),
    ids(key = "VolumeId", prefix = "vol-",
        not_found = "InvalidVolume.NotFound", malformed = "InvalidVolumeID.Malformed"),
    members(
        /// Whether to include volumes managed by AWS services even when their visibility is hidden.
        include_managed_resources: Option<bool>,
    ),
    filters(
        "availability-zone", "availability-zone-id", "create-time", "encrypted", "fast-restored",
        "multi-attach-enabled", "operator.managed", "operator.principal", "size", "snapshot-id",
        "volume-id", "volume-type",
        "attachment.attach-time" => attachments.attach_time,
        "attachment.delete-on-termination" => attachments.delete_on_termination,
        "attachment.device" => attachments.device,
        "attachment.instance-id" => attachments.instance_id,
        "attachment.status" => attachments.state,
        "status" => state,
        "tag:<key>" => tags,
        "tag-key" => tags,
    ),
    paginate(min = 5, max = 500, clamp, ids_with_max_results = false),
    dry_run,
)]
pub struct DescribeVolumes;
