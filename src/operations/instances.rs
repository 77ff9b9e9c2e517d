//! `DescribeInstances`: instances, grouped by the reservation (launch request) that started them.
//! Paginated.
//!
//! The response lists [`Reservation`]s, but `InstanceId.N`, the filters and the pages address the
//! [`Instance`]s inside them (`nested(field = instances, ...)`): each reservation is answered with
//! only its matching instances, and a reservation with none is left out. Three filters read the
//! reservation itself (`reservation-id`, `owner-id`, `requester-id`). `MaxResults` counts instances,
//! so a reservation's instances may continue on the next page, as a new entry for the same
//! reservation.
//!
//! Two departures from the model, both so real inventories load: `InstanceType` is text (the
//! model's enum has over 1,400 values and grows with every new type), and [`PlatformValues`] is
//! `windows`, the value EC2 sends and its `platform` filter documents (the model says `Windows`).
//!
//! Filters served: all 136 the documentation lists but these 12, which name data the
//! `DescribeInstances` output does not carry (so an instance stored from it cannot answer them);
//! they are refused as EC2 refuses an unknown filter, rather than silently matching nothing:
//! `metadata-options.http-protocol-ipv4` (no `HttpProtocolIpv4` in the instance's metadata
//! options), `network-interface.addresses.association.allocation-id`,
//! `network-interface.addresses.association.association-id`,
//! `network-interface.association.allocation-id`, `network-interface.association.association-id`
//! (the association carries no allocation or association ID), `network-interface.deny-all-igw-traffic`,
//! `network-interface.ipv6-native`, `network-interface.outpost-arn`, `network-interface.requester-id`,
//! `network-interface.requester-managed` (the interface carries none of these here), and
//! `network-interface.tag-key`, `network-interface.tag-value` (the interface carries no tags here).

use crate::operations::volumes::OperatorResponse;
use crate::{DateTime, Tag, ValueSet, ec2_operation, ec2_shape};

/// A launch request for one or more instances (`<item>` of `<reservationSet>`).
#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Reservation {
    /// The reservation's ID, `r-...`.
    pub reservation_id: Option<String>,
    /// The ID of the account that owns the reservation.
    pub owner_id: Option<String>,
    /// The ID of the requester that launched the instances on your behalf (e.g. Auto Scaling).
    pub requester_id: Option<String>,
    /// Not supported, per the EC2 documentation (`<groupSet>`).
    #[ec2(xml = "groupSet")]
    pub groups: Option<Vec<GroupIdentifier>>,
    /// The instances of the launch request (`<instancesSet>`).
    #[ec2(xml = "instancesSet")]
    pub instances: Option<Vec<Instance>>,
}

/// A security group.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GroupIdentifier {
    /// The ID of the security group.
    pub group_id: Option<String>,
    /// The name of the security group.
    pub group_name: Option<String>,
}

/// An instance (`<item>` of a reservation's `<instancesSet>`).
#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Instance {
    /// The architecture of the image.
    pub architecture: Option<ArchitectureValues>,
    /// The block device mapping entries (`<blockDeviceMapping>`).
    #[ec2(xml = "blockDeviceMapping")]
    pub block_device_mappings: Option<Vec<InstanceBlockDeviceMapping>>,
    /// The idempotency token given at launch, if any.
    pub client_token: Option<String>,
    /// Whether the instance is optimized for Amazon EBS I/O.
    pub ebs_optimized: Option<bool>,
    /// Whether enhanced networking with ENA is enabled.
    pub ena_support: Option<bool>,
    /// The hypervisor type (`xen` covers both Xen and Nitro).
    pub hypervisor: Option<HypervisorType>,
    /// The IAM instance profile associated with the instance, if any.
    pub iam_instance_profile: Option<IamInstanceProfile>,
    /// Whether this is a Spot Instance, a Scheduled Instance or a Capacity Block instance.
    pub instance_lifecycle: Option<InstanceLifecycleType>,
    /// The Elastic Graphics accelerator associations (deprecated).
    #[ec2(xml = "elasticGpuAssociationSet")]
    pub elastic_gpu_associations: Option<Vec<ElasticGpuAssociation>>,
    /// The Elastic Inference accelerator associations (deprecated).
    #[ec2(xml = "elasticInferenceAcceleratorAssociationSet")]
    pub elastic_inference_accelerator_associations:
        Option<Vec<ElasticInferenceAcceleratorAssociation>>,
    /// The network interfaces (`<networkInterfaceSet>`).
    #[ec2(xml = "networkInterfaceSet")]
    pub network_interfaces: Option<Vec<InstanceNetworkInterface>>,
    /// The ARN of the Outpost, if any.
    pub outpost_arn: Option<String>,
    /// The device name of the root device volume, e.g. `/dev/sda1`.
    pub root_device_name: Option<String>,
    /// Whether the root device is an EBS volume or an instance store volume.
    pub root_device_type: Option<DeviceType>,
    /// The security groups (`<groupSet>`).
    #[ec2(xml = "groupSet")]
    pub security_groups: Option<Vec<GroupIdentifier>>,
    /// Whether source/destination checking is enabled.
    pub source_dest_check: Option<bool>,
    /// The ID of the Spot Instance request, for a Spot Instance.
    pub spot_instance_request_id: Option<String>,
    /// Whether enhanced networking with the Intel 82599 Virtual Function interface is enabled.
    pub sriov_net_support: Option<String>,
    /// The reason for the most recent state transition.
    pub state_reason: Option<StateReason>,
    /// The tags assigned to the instance (`<tagSet>`).
    #[ec2(xml = "tagSet")]
    pub tags: Option<Vec<Tag>>,
    /// The virtualization type.
    pub virtualization_type: Option<VirtualizationType>,
    /// The CPU options.
    pub cpu_options: Option<CpuOptions>,
    /// The ID of the Capacity Block.
    pub capacity_block_id: Option<String>,
    /// The ID of the Capacity Reservation.
    pub capacity_reservation_id: Option<String>,
    /// The Capacity Reservation targeting option.
    pub capacity_reservation_specification: Option<CapacityReservationSpecificationResponse>,
    /// Whether the instance is enabled for hibernation.
    pub hibernation_options: Option<HibernationOptions>,
    /// The license configurations (`<licenseSet>`).
    #[ec2(xml = "licenseSet")]
    pub licenses: Option<Vec<LicenseConfiguration>>,
    /// The instance metadata service options.
    pub metadata_options: Option<InstanceMetadataOptionsResponse>,
    /// Whether the instance is enabled for Nitro Enclaves.
    pub enclave_options: Option<EnclaveOptions>,
    /// The boot mode the AMI specifies.
    pub boot_mode: Option<BootModeValues>,
    /// The platform details (AMI billing information), e.g. `Linux/UNIX`.
    pub platform_details: Option<String>,
    /// The usage operation (AMI billing information), e.g. `RunInstances`.
    pub usage_operation: Option<String>,
    /// When the usage operation was last updated.
    pub usage_operation_update_time: Option<DateTime>,
    /// The hostname options.
    pub private_dns_name_options: Option<PrivateDnsNameOptionsResponse>,
    /// The IPv6 address assigned to the instance.
    pub ipv6_address: Option<String>,
    /// `v2.0` when the instance is configured for NitroTPM support.
    pub tpm_support: Option<String>,
    /// The recovery and maintenance options.
    pub maintenance_options: Option<InstanceMaintenanceOptions>,
    /// The boot mode used to boot the instance at launch or start.
    pub current_instance_boot_mode: Option<InstanceBootModeValues>,
    /// The network performance options.
    pub network_performance_options: Option<InstanceNetworkPerformanceOptions>,
    /// The service provider that manages the instance.
    pub operator: Option<OperatorResponse>,
    /// The secondary interfaces (`<secondaryInterfaceSet>`).
    #[ec2(xml = "secondaryInterfaceSet")]
    pub secondary_interfaces: Option<Vec<InstanceSecondaryInterface>>,
    /// The instance's ID, `i-...`.
    pub instance_id: Option<String>,
    /// The ID of the AMI used to launch the instance.
    pub image_id: Option<String>,
    /// The current state (`<instanceState>`).
    #[ec2(xml = "instanceState")]
    pub state: Option<InstanceState>,
    /// The private (IPv4-only) DNS hostname, available once the instance runs.
    pub private_dns_name: Option<String>,
    /// The public DNS name (`<dnsName>`), available once the instance runs.
    #[ec2(xml = "dnsName")]
    pub public_dns_name: Option<String>,
    /// The reason for the most recent state transition (`<reason>`); may be empty.
    #[ec2(xml = "reason")]
    pub state_transition_reason: Option<String>,
    /// The name of the key pair the instance was launched with, if any.
    pub key_name: Option<String>,
    /// The instance's index in its launch group.
    pub ami_launch_index: Option<i32>,
    /// The product codes attached to the instance, if any.
    pub product_codes: Option<Vec<ProductCode>>,
    /// The instance type, e.g. `t3.micro` (text: EC2 adds types faster than a model can list them).
    pub instance_type: Option<String>,
    /// When the instance was last launched.
    pub launch_time: Option<DateTime>,
    /// Where the instance launched.
    pub placement: Option<Placement>,
    /// The kernel associated with the instance, if any.
    pub kernel_id: Option<String>,
    /// The RAM disk associated with the instance, if any.
    pub ramdisk_id: Option<String>,
    /// The platform: set for Windows instances only.
    pub platform: Option<PlatformValues>,
    /// The monitoring of the instance.
    pub monitoring: Option<Monitoring>,
    /// The ID of the subnet the instance runs in.
    pub subnet_id: Option<String>,
    /// The ID of the VPC the instance runs in.
    pub vpc_id: Option<String>,
    /// The private IPv4 address assigned to the instance.
    pub private_ip_address: Option<String>,
    /// The public IPv4 address or Carrier IP address (`<ipAddress>`), if any.
    #[ec2(xml = "ipAddress")]
    pub public_ip_address: Option<String>,
}

/// An image's architecture.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ArchitectureValues {
    /// `i386`
    I386,
    /// `x86_64`
    #[ec2(value = "x86_64")]
    X8664,
    /// `arm64`
    Arm64,
    /// `x86_64_mac`
    #[ec2(value = "x86_64_mac")]
    X8664Mac,
    /// `arm64_mac`
    #[ec2(value = "arm64_mac")]
    Arm64Mac,
    /// A value this model does not list: EC2 adds values over time.
    #[ec2(other)]
    Unknown(String),
}

/// A block device mapping entry of an instance.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InstanceBlockDeviceMapping {
    /// The device name, e.g. `/dev/sdh` or `xvdh`.
    pub device_name: Option<String>,
    /// The EBS volume mapped to the device.
    pub ebs: Option<EbsInstanceBlockDevice>,
}

/// An EBS volume in an instance's block device mapping.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EbsInstanceBlockDevice {
    /// When the attachment was initiated.
    pub attach_time: Option<DateTime>,
    /// Whether the volume is deleted on instance termination.
    pub delete_on_termination: Option<bool>,
    /// The attachment state.
    pub status: Option<AttachmentStatus>,
    /// The ID of the EBS volume.
    pub volume_id: Option<String>,
    /// The ARN of the AWS-managed resource the volume is attached to.
    pub associated_resource: Option<String>,
    /// The account that owns the volume (only for volumes of AWS-managed resources).
    pub volume_owner_id: Option<String>,
    /// The service provider that manages the volume.
    pub operator: Option<OperatorResponse>,
    /// The index of the EBS card (0 by default).
    pub ebs_card_index: Option<i32>,
}

/// The state of an attachment.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum AttachmentStatus {
    /// `attaching`
    Attaching,
    /// `attached`
    Attached,
    /// `detaching`
    Detaching,
    /// `detached`
    Detached,
    /// A value this model does not list: EC2 adds values over time.
    #[ec2(other)]
    Unknown(String),
}

/// A hypervisor type.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum HypervisorType {
    /// `ovm`
    Ovm,
    /// `xen`
    Xen,
    /// A value this model does not list: EC2 adds values over time.
    #[ec2(other)]
    Unknown(String),
}

/// An IAM instance profile.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IamInstanceProfile {
    /// The ARN of the instance profile.
    pub arn: Option<String>,
    /// The ID of the instance profile.
    pub id: Option<String>,
}

/// How an instance was purchased, when not On-Demand.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum InstanceLifecycleType {
    /// `spot`
    Spot,
    /// `scheduled`
    Scheduled,
    /// `capacity-block`
    CapacityBlock,
    /// `interruptible-capacity-reservation`
    InterruptibleCapacityReservation,
    /// A value this model does not list: EC2 adds values over time.
    #[ec2(other)]
    Unknown(String),
}

/// An Elastic Graphics accelerator association (deprecated: end of life January 8, 2024).
#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ElasticGpuAssociation {
    /// The ID of the Elastic Graphics accelerator.
    pub elastic_gpu_id: Option<String>,
    /// The ID of the association.
    pub elastic_gpu_association_id: Option<String>,
    /// The state of the association.
    pub elastic_gpu_association_state: Option<String>,
    /// When the accelerator was associated with the instance (a string in the model).
    pub elastic_gpu_association_time: Option<String>,
}

/// An Elastic Inference accelerator association (deprecated: no longer available).
#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ElasticInferenceAcceleratorAssociation {
    /// The ARN of the accelerator.
    pub elastic_inference_accelerator_arn: Option<String>,
    /// The ID of the association.
    pub elastic_inference_accelerator_association_id: Option<String>,
    /// The state of the accelerator.
    pub elastic_inference_accelerator_association_state: Option<String>,
    /// When the accelerator was associated with the instance.
    pub elastic_inference_accelerator_association_time: Option<DateTime>,
}

/// A network interface of an instance.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InstanceNetworkInterface {
    /// The Elastic IPv4 association of the interface.
    pub association: Option<InstanceNetworkInterfaceAssociation>,
    /// The interface's attachment to the instance.
    pub attachment: Option<InstanceNetworkInterfaceAttachment>,
    /// The description.
    pub description: Option<String>,
    /// The security groups (`<groupSet>`).
    #[ec2(xml = "groupSet")]
    pub groups: Option<Vec<GroupIdentifier>>,
    /// The IPv6 addresses (`<ipv6AddressesSet>`).
    #[ec2(xml = "ipv6AddressesSet")]
    pub ipv6_addresses: Option<Vec<InstanceIpv6Address>>,
    /// The MAC address.
    pub mac_address: Option<String>,
    /// The interface's ID, `eni-...`.
    pub network_interface_id: Option<String>,
    /// The ID of the account that created the interface.
    pub owner_id: Option<String>,
    /// The private DNS name.
    pub private_dns_name: Option<String>,
    /// The interface's IPv4 address within the subnet.
    pub private_ip_address: Option<String>,
    /// The private IPv4 addresses (`<privateIpAddressesSet>`).
    #[ec2(xml = "privateIpAddressesSet")]
    pub private_ip_addresses: Option<Vec<InstancePrivateIpAddress>>,
    /// Whether source/destination checking is enabled.
    pub source_dest_check: Option<bool>,
    /// The status of the interface.
    pub status: Option<NetworkInterfaceStatus>,
    /// The ID of the subnet.
    pub subnet_id: Option<String>,
    /// The ID of the VPC.
    pub vpc_id: Option<String>,
    /// The interface type: `interface`, `efa`, `efa-only`, `evs` or `trunk`.
    pub interface_type: Option<String>,
    /// The IPv4 delegated prefixes (`<ipv4PrefixSet>`).
    #[ec2(xml = "ipv4PrefixSet")]
    pub ipv4_prefixes: Option<Vec<InstanceIpv4Prefix>>,
    /// The IPv6 delegated prefixes (`<ipv6PrefixSet>`).
    #[ec2(xml = "ipv6PrefixSet")]
    pub ipv6_prefixes: Option<Vec<InstanceIpv6Prefix>>,
    /// The connection tracking idle timeouts of the interface.
    pub connection_tracking_configuration: Option<ConnectionTrackingSpecificationResponse>,
    /// The service provider that manages the interface.
    pub operator: Option<OperatorResponse>,
}

/// The Elastic IP address (IPv4) association of a network interface or one of its addresses.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InstanceNetworkInterfaceAssociation {
    /// The carrier IP address.
    pub carrier_ip: Option<String>,
    /// The customer-owned IP address.
    pub customer_owned_ip: Option<String>,
    /// The ID of the owner of the Elastic IP address.
    pub ip_owner_id: Option<String>,
    /// The public DNS name.
    pub public_dns_name: Option<String>,
    /// The public IP address or Elastic IP address.
    pub public_ip: Option<String>,
}

/// A network interface's attachment to its instance.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InstanceNetworkInterfaceAttachment {
    /// When the attachment was initiated.
    pub attach_time: Option<DateTime>,
    /// The attachment's ID, `eni-attach-...`.
    pub attachment_id: Option<String>,
    /// Whether the interface is deleted when the instance is terminated.
    pub delete_on_termination: Option<bool>,
    /// The interface's device index on the instance.
    pub device_index: Option<i32>,
    /// The attachment state.
    pub status: Option<AttachmentStatus>,
    /// The index of the network card.
    pub network_card_index: Option<i32>,
    /// The ENA Express settings of the attached interface.
    pub ena_srd_specification: Option<InstanceAttachmentEnaSrdSpecification>,
    /// The number of ENA queues created with the instance.
    pub ena_queue_count: Option<i32>,
}

/// The ENA Express settings of an attached network interface.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InstanceAttachmentEnaSrdSpecification {
    /// Whether ENA Express is enabled.
    pub ena_srd_enabled: Option<bool>,
    /// The ENA Express settings for UDP traffic.
    pub ena_srd_udp_specification: Option<InstanceAttachmentEnaSrdUdpSpecification>,
}

/// The ENA Express settings for UDP traffic.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InstanceAttachmentEnaSrdUdpSpecification {
    /// Whether UDP traffic to and from the instance uses ENA Express.
    pub ena_srd_udp_enabled: Option<bool>,
}

/// An IPv6 address of a network interface.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InstanceIpv6Address {
    /// The IPv6 address.
    pub ipv6_address: Option<String>,
    /// Whether this is the interface's primary IPv6 address.
    pub is_primary_ipv6: Option<bool>,
}

/// A private IPv4 address of a network interface.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InstancePrivateIpAddress {
    /// The Elastic IP address association of this address.
    pub association: Option<InstanceNetworkInterfaceAssociation>,
    /// Whether this is the interface's primary private IPv4 address.
    pub primary: Option<bool>,
    /// The private IPv4 DNS name.
    pub private_dns_name: Option<String>,
    /// The private IPv4 address.
    pub private_ip_address: Option<String>,
}

/// A network interface's status.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum NetworkInterfaceStatus {
    /// `available`
    Available,
    /// `associated`
    Associated,
    /// `attaching`
    Attaching,
    /// `in-use`
    InUse,
    /// `detaching`
    Detaching,
    /// A value this model does not list: EC2 adds values over time.
    #[ec2(other)]
    Unknown(String),
}

/// An IPv4 delegated prefix of a network interface.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InstanceIpv4Prefix {
    /// The IPv4 prefix.
    pub ipv4_prefix: Option<String>,
}

/// An IPv6 delegated prefix of a network interface.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InstanceIpv6Prefix {
    /// The IPv6 prefix.
    pub ipv6_prefix: Option<String>,
}

/// The connection tracking idle timeouts of a network interface.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ConnectionTrackingSpecificationResponse {
    /// The idle timeout for established TCP connections, in seconds.
    pub tcp_established_timeout: Option<i32>,
    /// The idle timeout for UDP flows classified as streams, in seconds.
    pub udp_stream_timeout: Option<i32>,
    /// The idle timeout for other UDP flows, in seconds.
    pub udp_timeout: Option<i32>,
}

/// A root device type.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum DeviceType {
    /// `ebs`
    Ebs,
    /// `instance-store`
    InstanceStore,
    /// A value this model does not list: EC2 adds values over time.
    #[ec2(other)]
    Unknown(String),
}

/// Why an instance's state last changed.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StateReason {
    /// The reason code, e.g. `Client.UserInitiatedShutdown`.
    pub code: Option<String>,
    /// A message describing the state change.
    pub message: Option<String>,
}

/// A virtualization type.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum VirtualizationType {
    /// `hvm`
    Hvm,
    /// `paravirtual`
    Paravirtual,
    /// A value this model does not list: EC2 adds values over time.
    #[ec2(other)]
    Unknown(String),
}

/// The CPU options of an instance.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CpuOptions {
    /// The number of CPU cores.
    pub core_count: Option<i32>,
    /// The number of threads per CPU core.
    pub threads_per_core: Option<i32>,
    /// Whether AMD SEV-SNP is enabled.
    pub amd_sev_snp: Option<AmdSevSnpSpecification>,
    /// Whether nested virtualization is enabled.
    pub nested_virtualization: Option<NestedVirtualizationSpecification>,
}

/// Whether AMD SEV-SNP is enabled.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum AmdSevSnpSpecification {
    /// `enabled`
    Enabled,
    /// `disabled`
    Disabled,
    /// A value this model does not list: EC2 adds values over time.
    #[ec2(other)]
    Unknown(String),
}

/// Whether nested virtualization is enabled.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum NestedVirtualizationSpecification {
    /// `enabled`
    Enabled,
    /// `disabled`
    Disabled,
    /// A value this model does not list: EC2 adds values over time.
    #[ec2(other)]
    Unknown(String),
}

/// An instance's Capacity Reservation targeting preferences.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CapacityReservationSpecificationResponse {
    /// The Capacity Reservation preference.
    pub capacity_reservation_preference: Option<CapacityReservationPreference>,
    /// The targeted Capacity Reservation or Capacity Reservation group.
    pub capacity_reservation_target: Option<CapacityReservationTargetResponse>,
}

/// A Capacity Reservation preference.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum CapacityReservationPreference {
    /// `capacity-reservations-only`
    CapacityReservationsOnly,
    /// `open`
    Open,
    /// `none`
    None,
    /// A value this model does not list: EC2 adds values over time.
    #[ec2(other)]
    Unknown(String),
}

/// A targeted Capacity Reservation or Capacity Reservation group.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CapacityReservationTargetResponse {
    /// The ID of the targeted Capacity Reservation.
    pub capacity_reservation_id: Option<String>,
    /// The ARN of the targeted Capacity Reservation group.
    pub capacity_reservation_resource_group_arn: Option<String>,
}

/// An instance's hibernation configuration.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HibernationOptions {
    /// Whether the instance is enabled for hibernation.
    pub configured: Option<bool>,
}

/// A license configuration.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LicenseConfiguration {
    /// The ARN of the license configuration.
    pub license_configuration_arn: Option<String>,
}

/// An instance's metadata service options.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InstanceMetadataOptionsResponse {
    /// Whether the latest option changes are pending or applied.
    pub state: Option<InstanceMetadataOptionsState>,
    /// Whether IMDSv2 is optional or required.
    pub http_tokens: Option<HttpTokensState>,
    /// The maximum number of hops the metadata token can travel (1 to 64).
    pub http_put_response_hop_limit: Option<i32>,
    /// Whether the HTTP metadata endpoint is enabled.
    pub http_endpoint: Option<InstanceMetadataEndpointState>,
    /// Whether the IPv6 metadata endpoint is enabled.
    pub http_protocol_ipv6: Option<InstanceMetadataProtocolState>,
    /// Whether instance tags are available from the instance metadata.
    pub instance_metadata_tags: Option<InstanceMetadataTagsState>,
}

/// The state of metadata option changes.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum InstanceMetadataOptionsState {
    /// `pending`
    Pending,
    /// `applied`
    Applied,
    /// A value this model does not list: EC2 adds values over time.
    #[ec2(other)]
    Unknown(String),
}

/// Whether IMDSv2 is required.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum HttpTokensState {
    /// `optional`
    Optional,
    /// `required`
    Required,
    /// A value this model does not list: EC2 adds values over time.
    #[ec2(other)]
    Unknown(String),
}

/// Whether the HTTP metadata endpoint is enabled.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum InstanceMetadataEndpointState {
    /// `disabled`
    Disabled,
    /// `enabled`
    Enabled,
    /// A value this model does not list: EC2 adds values over time.
    #[ec2(other)]
    Unknown(String),
}

/// Whether the IPv6 metadata endpoint is enabled.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum InstanceMetadataProtocolState {
    /// `disabled`
    Disabled,
    /// `enabled`
    Enabled,
    /// A value this model does not list: EC2 adds values over time.
    #[ec2(other)]
    Unknown(String),
}

/// Whether instance tags are available from the instance metadata.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum InstanceMetadataTagsState {
    /// `disabled`
    Disabled,
    /// `enabled`
    Enabled,
    /// A value this model does not list: EC2 adds values over time.
    #[ec2(other)]
    Unknown(String),
}

/// An instance's Nitro Enclaves setting.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EnclaveOptions {
    /// Whether the instance is enabled for Nitro Enclaves.
    pub enabled: Option<bool>,
}

/// The boot mode an AMI specifies.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum BootModeValues {
    /// `legacy-bios`
    LegacyBios,
    /// `uefi`
    Uefi,
    /// `uefi-preferred`
    UefiPreferred,
    /// A value this model does not list: EC2 adds values over time.
    #[ec2(other)]
    Unknown(String),
}

/// An instance's hostname options.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PrivateDnsNameOptionsResponse {
    /// The type of hostname assigned to the instance.
    pub hostname_type: Option<HostnameType>,
    /// Whether DNS queries for the hostname are answered with A records.
    pub enable_resource_name_dns_a_record: Option<bool>,
    /// Whether DNS queries for the hostname are answered with AAAA records.
    #[ec2(
        name = "EnableResourceNameDnsAAAARecord",
        xml = "enableResourceNameDnsAAAARecord"
    )]
    pub enable_resource_name_dns_aaaa_record: Option<bool>,
}

/// A hostname type.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum HostnameType {
    /// `ip-name`
    IpName,
    /// `resource-name`
    ResourceName,
    /// A value this model does not list: EC2 adds values over time.
    #[ec2(other)]
    Unknown(String),
}

/// An instance's recovery and maintenance options.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InstanceMaintenanceOptions {
    /// The automatic recovery behavior.
    pub auto_recovery: Option<InstanceAutoRecoveryState>,
    /// Whether a user-initiated reboot attempts reboot migration when a system-reboot event is scheduled.
    pub reboot_migration: Option<InstanceRebootMigrationState>,
}

/// An automatic recovery behavior.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum InstanceAutoRecoveryState {
    /// `disabled`
    Disabled,
    /// `default`
    Default,
    /// A value this model does not list: EC2 adds values over time.
    #[ec2(other)]
    Unknown(String),
}

/// A reboot migration behavior.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum InstanceRebootMigrationState {
    /// `disabled`
    Disabled,
    /// `default`
    Default,
    /// A value this model does not list: EC2 adds values over time.
    #[ec2(other)]
    Unknown(String),
}

/// The boot mode an instance booted with.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum InstanceBootModeValues {
    /// `legacy-bios`
    LegacyBios,
    /// `uefi`
    Uefi,
    /// A value this model does not list: EC2 adds values over time.
    #[ec2(other)]
    Unknown(String),
}

/// An instance's network performance options.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InstanceNetworkPerformanceOptions {
    /// Which baseline bandwidth is boosted by up to 25%: networking, EBS, or neither.
    pub bandwidth_weighting: Option<InstanceBandwidthWeighting>,
}

/// Which baseline bandwidth gets a boost.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum InstanceBandwidthWeighting {
    /// `default`
    Default,
    /// `vpc-1`
    #[ec2(value = "vpc-1")]
    Vpc1,
    /// `ebs-1`
    #[ec2(value = "ebs-1")]
    Ebs1,
    /// A value this model does not list: EC2 adds values over time.
    #[ec2(other)]
    Unknown(String),
}

/// A secondary interface attached to an instance.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InstanceSecondaryInterface {
    /// The attachment of the secondary interface.
    pub attachment: Option<InstanceSecondaryInterfaceAttachment>,
    /// The MAC address.
    pub mac_address: Option<String>,
    /// The ID of the secondary interface.
    pub secondary_interface_id: Option<String>,
    /// The ID of the account that owns the secondary interface.
    pub owner_id: Option<String>,
    /// The private IPv4 addresses (`<privateIpAddressSet>`).
    #[ec2(xml = "privateIpAddressSet")]
    pub private_ip_addresses: Option<Vec<InstanceSecondaryInterfacePrivateIpAddress>>,
    /// Whether source/destination checking is enabled.
    pub source_dest_check: Option<bool>,
    /// The status of the secondary interface.
    pub status: Option<SecondaryInterfaceStatus>,
    /// The ID of the secondary subnet.
    pub secondary_subnet_id: Option<String>,
    /// The ID of the secondary network.
    pub secondary_network_id: Option<String>,
    /// The type of secondary interface.
    pub interface_type: Option<SecondaryInterfaceType>,
}

/// The attachment of a secondary interface to an instance.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InstanceSecondaryInterfaceAttachment {
    /// When the attachment was created.
    pub attach_time: Option<DateTime>,
    /// The ID of the attachment.
    pub attachment_id: Option<String>,
    /// Whether the interface is deleted when the instance is terminated (always `true`).
    pub delete_on_termination: Option<bool>,
    /// The device index of the secondary interface.
    pub device_index: Option<i32>,
    /// The attachment state.
    pub status: Option<AttachmentStatus>,
    /// The index of the network card.
    pub network_card_index: Option<i32>,
}

/// A private IPv4 address of a secondary interface.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InstanceSecondaryInterfacePrivateIpAddress {
    /// The private IPv4 address.
    pub private_ip_address: Option<String>,
}

/// A secondary interface's status.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum SecondaryInterfaceStatus {
    /// `available`
    Available,
    /// `in-use`
    InUse,
    /// A value this model does not list: EC2 adds values over time.
    #[ec2(other)]
    Unknown(String),
}

/// A secondary interface's type.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum SecondaryInterfaceType {
    /// `secondary`
    Secondary,
    /// A value this model does not list: EC2 adds values over time.
    #[ec2(other)]
    Unknown(String),
}

/// An instance's state.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InstanceState {
    /// The state as a 16-bit code; the low byte is 0, 16, 32, 48, 64 or 80, the high byte is internal.
    pub code: Option<i32>,
    /// The name of the state.
    pub name: Option<InstanceStateName>,
}

/// The name of an instance state.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum InstanceStateName {
    /// `pending`
    Pending,
    /// `running`
    Running,
    /// `shutting-down`
    ShuttingDown,
    /// `terminated`
    Terminated,
    /// `stopping`
    Stopping,
    /// `stopped`
    Stopped,
    /// A value this model does not list: EC2 adds values over time.
    #[ec2(other)]
    Unknown(String),
}

/// A product code.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProductCode {
    /// The product code (`<productCode>`).
    #[ec2(xml = "productCode")]
    pub product_code_id: Option<String>,
    /// The type of product code (`<type>`).
    #[ec2(xml = "type")]
    pub product_code_type: Option<ProductCodeValues>,
}

/// A product code's type.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ProductCodeValues {
    /// `devpay`
    Devpay,
    /// `marketplace`
    Marketplace,
    /// A value this model does not list: EC2 adds values over time.
    #[ec2(other)]
    Unknown(String),
}

/// Where an instance is placed.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Placement {
    /// The ID of the Availability Zone.
    pub availability_zone_id: Option<String>,
    /// The affinity setting on a Dedicated Host: `default` or `host`.
    pub affinity: Option<String>,
    /// The name of the placement group.
    pub group_name: Option<String>,
    /// The partition number, in a partition placement group.
    pub partition_number: Option<i32>,
    /// The ID of the Dedicated Host the instance is on.
    pub host_id: Option<String>,
    /// The tenancy.
    pub tenancy: Option<Tenancy>,
    /// Reserved for future use.
    pub spread_domain: Option<String>,
    /// The ARN of the host resource group the instance was launched into.
    pub host_resource_group_arn: Option<String>,
    /// The ID of the placement group.
    pub group_id: Option<String>,
    /// The Availability Zone.
    pub availability_zone: Option<String>,
}

/// An instance's tenancy. It has the Query codec (no `response_only`): `ec2-ops-catalog` uses this
/// type, and its `DescribeReservedInstancesOfferings` request carries one.
#[ec2_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Tenancy {
    /// `default`
    Default,
    /// `dedicated`
    Dedicated,
    /// `host`
    Host,
    /// A value this model does not list: EC2 adds values over time.
    #[ec2(other)]
    Unknown(String),
}

/// A platform: `windows` for Windows instances, absent otherwise. EC2 sends, and its `platform`
/// filter documents, lower-case `windows`; the model's enum says `Windows`.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PlatformValues {
    /// `windows`
    Windows,
    /// A value this model does not list: EC2 adds values over time.
    #[ec2(other)]
    Unknown(String),
}

/// An instance's monitoring.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Monitoring {
    /// The IDs of the metric categories associated with the instance.
    #[ec2(xml = "metricCategoryIdSet")]
    pub metric_category_ids: Option<Vec<String>>,
    /// Whether detailed monitoring is enabled.
    pub state: Option<MonitoringState>,
}

/// A detailed monitoring state.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum MonitoringState {
    /// `disabled`
    Disabled,
    /// `disabling`
    Disabling,
    /// `enabled`
    Enabled,
    /// `pending`
    Pending,
    /// A value this model does not list: EC2 adds values over time.
    #[ec2(other)]
    Unknown(String),
}

/// Whether the unit's instance has a network interface attached: the interfaces a
/// `DescribeInstances` item lists are those attached to it.
fn has_attached_interface(reservation: &Reservation) -> bool {
    reservation.first_instance().is_some_and(|instance| {
        instance
            .network_interfaces
            .iter()
            .flatten()
            .any(|interface| interface.attachment.is_some())
    })
}

impl Reservation {
    /// The first instance: a unit's only one (units hold one instance each, see
    /// [`DescribeInstances`]'s `nested`).
    pub fn first_instance(&self) -> Option<&Instance> {
        self.instances.as_deref().and_then(<[Instance]>::first)
    }
}

/// `network-interface.attachment.instance-id`: the instance an interface is attached to is the
/// instance listing it.
fn interface_attached_instance_id(reservation: &Reservation, values: &ValueSet) -> bool {
    has_attached_interface(reservation)
        && reservation
            .first_instance()
            .and_then(|instance| instance.instance_id.as_deref())
            .is_some_and(|id| values.matches(id))
}

/// `network-interface.attachment.instance-owner-id`: the owner of that instance is the
/// reservation's owner.
fn interface_attached_instance_owner_id(reservation: &Reservation, values: &ValueSet) -> bool {
    has_attached_interface(reservation)
        && reservation
            .owner_id
            .as_deref()
            .is_some_and(|owner| values.matches(owner))
}

/// `network-interface.availability-zone`: an attached interface is in its instance's zone.
fn interface_availability_zone(reservation: &Reservation, values: &ValueSet) -> bool {
    has_attached_interface(reservation)
        && reservation
            .first_instance()
            .and_then(|instance| instance.placement.as_ref())
            .and_then(|placement| placement.availability_zone.as_deref())
            .is_some_and(|zone| values.matches(zone))
}

/// The `DescribeInstances` operation.
///
/// `MaxResults` is 5 to 1,000 (AWS's documentation until 2023; EC2 still answers a smaller value
/// with "Expecting a value greater than 5") and cannot be combined with `InstanceId.N`
/// ("The parameter instancesSet cannot be used with the parameter maxResults"). An unknown instance
/// ID is `InvalidInstanceID.NotFound` ("The instance ID 'i-...' does not exist"); one not starting
/// with `i-` is `InvalidInstanceID.Malformed`. `IncludeManagedResources` is accepted; this crate's
/// instances are never hidden (EC2's default managed-resource visibility), so it changes nothing.
#[ec2_operation(
    action = "DescribeInstances",
    resource = Reservation,
    resource_id = reservation_id,
    nested(field = instances, resource_id = instance_id),
    output(member = "Reservations", xml = "reservationSet"),
    ids(key = "InstanceId", prefix = "i-", noun = "instance ID", set_name = "instancesSet"),
    members(
        /// Whether to include instances managed by AWS services even when their visibility is hidden.
        include_managed_resources: Option<bool>,
    ),
    filters(
        "architecture", "boot-mode", "capacity-reservation-id",
        "capacity-reservation-specification.capacity-reservation-preference",
        "capacity-reservation-specification.capacity-reservation-target.capacity-reservation-id",
        "capacity-reservation-specification.capacity-reservation-target.capacity-reservation-resource-group-arn",
        "client-token", "current-instance-boot-mode", "ebs-optimized", "ena-support",
        "enclave-options.enabled", "hibernation-options.configured", "hypervisor",
        "iam-instance-profile.arn", "iam-instance-profile.id", "image-id", "instance-id",
        "instance-lifecycle", "instance-type", "ipv6-address", "kernel-id", "key-name",
        "launch-time", "maintenance-options.auto-recovery", "metadata-options.http-endpoint",
        "metadata-options.http-protocol-ipv6", "metadata-options.http-put-response-hop-limit",
        "metadata-options.http-tokens", "metadata-options.instance-metadata-tags",
        "metadata-options.state", "network-performance-options.bandwidth-weighting",
        "operator.managed", "operator.principal", "outpost-arn", "platform", "platform-details",
        "private-dns-name", "private-dns-name-options.enable-resource-name-dns-a-record",
        "private-dns-name-options.enable-resource-name-dns-aaaa-record",
        "private-dns-name-options.hostname-type", "private-ip-address", "ramdisk-id",
        "root-device-name", "root-device-type", "source-dest-check", "spot-instance-request-id",
        "subnet-id", "tpm-support", "usage-operation", "usage-operation-update-time",
        "virtualization-type", "vpc-id",
        "affinity" => instances.placement.affinity,
        "availability-zone" => instances.placement.availability_zone,
        "availability-zone-id" => instances.placement.availability_zone_id,
        "block-device-mapping.attach-time" => instances.block_device_mappings.ebs.attach_time,
        "block-device-mapping.delete-on-termination" => instances.block_device_mappings.ebs.delete_on_termination,
        "block-device-mapping.device-name" => instances.block_device_mappings.device_name,
        "block-device-mapping.status" => instances.block_device_mappings.ebs.status,
        "block-device-mapping.volume-id" => instances.block_device_mappings.ebs.volume_id,
        "dns-name" => instances.public_dns_name,
        "host-id" => instances.placement.host_id,
        "instance-state-code" => instances.state.code,
        "instance-state-name" => instances.state.name,
        "instance.group-id" => instances.security_groups.group_id,
        "instance.group-name" => instances.security_groups.group_name,
        "ip-address" => instances.public_ip_address,
        "launch-index" => instances.ami_launch_index,
        "monitoring-state" => instances.monitoring.state,
        "network-interface.addresses.association.carrier-ip" => instances.network_interfaces.private_ip_addresses.association.carrier_ip,
        "network-interface.addresses.association.customer-owned-ip" => instances.network_interfaces.private_ip_addresses.association.customer_owned_ip,
        "network-interface.addresses.association.ip-owner-id" => instances.network_interfaces.private_ip_addresses.association.ip_owner_id,
        "network-interface.addresses.association.public-dns-name" => instances.network_interfaces.private_ip_addresses.association.public_dns_name,
        "network-interface.addresses.association.public-ip" => instances.network_interfaces.private_ip_addresses.association.public_ip,
        "network-interface.addresses.primary" => instances.network_interfaces.private_ip_addresses.primary,
        "network-interface.addresses.private-dns-name" => instances.network_interfaces.private_ip_addresses.private_dns_name,
        "network-interface.addresses.private-ip-address" => instances.network_interfaces.private_ip_addresses.private_ip_address,
        "network-interface.association.carrier-ip" => instances.network_interfaces.association.carrier_ip,
        "network-interface.association.customer-owned-ip" => instances.network_interfaces.association.customer_owned_ip,
        "network-interface.association.ip-owner-id" => instances.network_interfaces.association.ip_owner_id,
        "network-interface.association.public-dns-name" => instances.network_interfaces.association.public_dns_name,
        "network-interface.association.public-ip" => instances.network_interfaces.association.public_ip,
        "network-interface.attachment.attach-time" => instances.network_interfaces.attachment.attach_time,
        "network-interface.attachment.attachment-id" => instances.network_interfaces.attachment.attachment_id,
        "network-interface.attachment.delete-on-termination" => instances.network_interfaces.attachment.delete_on_termination,
        "network-interface.attachment.device-index" => instances.network_interfaces.attachment.device_index,
        "network-interface.attachment.network-card-index" => instances.network_interfaces.attachment.network_card_index,
        "network-interface.attachment.status" => instances.network_interfaces.attachment.status,
        "network-interface.description" => instances.network_interfaces.description,
        "network-interface.group-id" => instances.network_interfaces.groups.group_id,
        "network-interface.group-name" => instances.network_interfaces.groups.group_name,
        "network-interface.ipv4-prefixes.ipv4-prefix" => instances.network_interfaces.ipv4_prefixes.ipv4_prefix,
        "network-interface.ipv6-address" => instances.network_interfaces.ipv6_addresses.ipv6_address,
        "network-interface.ipv6-addresses.ipv6-address" => instances.network_interfaces.ipv6_addresses.ipv6_address,
        "network-interface.ipv6-addresses.is-primary-ipv6" => instances.network_interfaces.ipv6_addresses.is_primary_ipv6,
        "network-interface.ipv6-prefixes.ipv6-prefix" => instances.network_interfaces.ipv6_prefixes.ipv6_prefix,
        "network-interface.mac-address" => instances.network_interfaces.mac_address,
        "network-interface.network-interface-id" => instances.network_interfaces.network_interface_id,
        "network-interface.operator.managed" => instances.network_interfaces.operator.managed,
        "network-interface.operator.principal" => instances.network_interfaces.operator.principal,
        "network-interface.owner-id" => instances.network_interfaces.owner_id,
        "network-interface.private-dns-name" => instances.network_interfaces.private_dns_name,
        "network-interface.private-ip-address" => instances.network_interfaces.private_ip_address,
        "network-interface.status" => instances.network_interfaces.status,
        "network-interface.source-dest-check" => instances.network_interfaces.source_dest_check,
        "network-interface.subnet-id" => instances.network_interfaces.subnet_id,
        "network-interface.vpc-id" => instances.network_interfaces.vpc_id,
        "owner-id" => owner_id,
        "placement-group-name" => instances.placement.group_name,
        "placement-partition-number" => instances.placement.partition_number,
        "product-code" => instances.product_codes.product_code_id,
        "product-code.type" => instances.product_codes.product_code_type,
        "reason" => instances.state_transition_reason,
        "requester-id" => requester_id,
        "reservation-id" => reservation_id,
        "state-reason-code" => instances.state_reason.code,
        "state-reason-message" => instances.state_reason.message,
        "tag:<key>" => instances.tags,
        "tag-key" => instances.tags,
        "tenancy" => instances.placement.tenancy,
        "network-interface.attachment.instance-id" => with(interface_attached_instance_id),
        "network-interface.attachment.instance-owner-id" => with(interface_attached_instance_owner_id),
        "network-interface.availability-zone" => with(interface_availability_zone),
        "network-interface.public-dns-name" => instances.network_interfaces.association.public_dns_name,
    ),
    paginate(min = 5, max = 1000, ids_with_max_results = false),
    dry_run,
)]
pub struct DescribeInstances;
