//! What a response holds for its request, where the request says (the operations' `respond`
//! hooks): the `Attribute` member of the attribute operations (DescribeInstanceAttribute,
//! DescribeImageAttribute, DescribeSnapshotAttribute, ...). EC2 answers the one attribute asked
//! for, beside the resource's ID, whatever else it knows of the resource. Each function is an
//! operation's `respond` hook (`model/decisions.txt` names it, the scaffold writes it into the
//! declaration), keeping the asked member of the resource a source holds (a seed may hold every
//! attribute of a resource at once: the AWS CLI's outputs for one resource, merged).
//!
//! A permission or product-code list asked for and not held is answered empty, as EC2 answers a
//! resource without any (`"CreateVolumePermissions": []` for a snapshot shared with no one); any
//! other attribute not held is left out, as its value cannot be known. A value the model does not
//! list never reaches these: `Attribute` is `#[ec2(listed)]`, refused as EC2 refuses it. (The
//! `Unlisted` arms below only complete the matches.)
//!
//! DescribePrincipalIdFormat's `Resource.N` is the other member a response applies: it keeps, of
//! each principal, the ID formats of the resource types asked for.
//!
//! The members EC2 answers beside a list are filled here too: echoed from the request (a fleet
//! history's start time, DescribeElasticGpus' `MaxResults`; the fleet itself is echoed by the
//! declaration, `ids(..., output = fleet_id)`) or derived from the items answered (DescribeAggregateIdFormat's
//! `UseLongIdsAggregated`, DescribeVpcEndpointServices' `ServiceNames`).

#[cfg(any(
    feature = "account",
    feature = "ebs",
    feature = "images",
    feature = "instances",
    feature = "vpc"
))]
use ec2_ops::Caller;

/// A list asked for: the one held, or an empty one.
#[cfg(any(feature = "ebs", feature = "images"))]
fn listed<T>(held: Option<Vec<T>>) -> Option<Vec<T>> {
    Some(held.unwrap_or_default())
}

/// DescribeInstanceAttribute: the instance ID and the asked attribute.
#[cfg(feature = "instances")]
pub(crate) fn instance_attribute(
    request: &crate::instances::DescribeInstanceAttributeRequest,
    _caller: &Caller,
    response: &mut crate::instances::DescribeInstanceAttributeResponse,
) {
    use crate::shapes::{InstanceAttribute, InstanceAttributeName as Name};
    let Some(all) = response.instance_attribute.take() else {
        return;
    };
    let mut only = InstanceAttribute {
        instance_id: all.instance_id,
        ..InstanceAttribute::default()
    };
    match &request.attribute {
        Name::InstanceType => only.instance_type = all.instance_type,
        Name::Kernel => only.kernel_id = all.kernel_id,
        Name::Ramdisk => only.ramdisk_id = all.ramdisk_id,
        Name::UserData => only.user_data = all.user_data,
        Name::DisableApiTermination => only.disable_api_termination = all.disable_api_termination,
        Name::InstanceInitiatedShutdownBehavior => {
            only.instance_initiated_shutdown_behavior = all.instance_initiated_shutdown_behavior;
        }
        Name::RootDeviceName => only.root_device_name = all.root_device_name,
        Name::BlockDeviceMapping => only.block_device_mappings = all.block_device_mappings,
        Name::ProductCodes => only.product_codes = all.product_codes,
        Name::SourceDestCheck => only.source_dest_check = all.source_dest_check,
        Name::GroupSet => only.groups = all.groups,
        Name::EbsOptimized => only.ebs_optimized = all.ebs_optimized,
        Name::SriovNetSupport => only.sriov_net_support = all.sriov_net_support,
        Name::EnaSupport => only.ena_support = all.ena_support,
        Name::EnclaveOptions => only.enclave_options = all.enclave_options,
        Name::DisableApiStop => only.disable_api_stop = all.disable_api_stop,
        Name::Unlisted(_) => {}
    }
    response.instance_attribute = Some(only);
}

/// DescribeImageAttribute: the image ID and the asked attribute.
#[cfg(feature = "images")]
pub(crate) fn image_attribute(
    request: &crate::images::DescribeImageAttributeRequest,
    _caller: &Caller,
    response: &mut crate::images::DescribeImageAttributeResponse,
) {
    use crate::shapes::{ImageAttribute, ImageAttributeName as Name};
    let Some(all) = response.image_attribute.take() else {
        return;
    };
    let mut only = ImageAttribute {
        image_id: all.image_id,
        ..ImageAttribute::default()
    };
    match &request.attribute {
        Name::Description => only.description = all.description,
        Name::Kernel => only.kernel_id = all.kernel_id,
        Name::Ramdisk => only.ramdisk_id = all.ramdisk_id,
        Name::LaunchPermission => only.launch_permissions = listed(all.launch_permissions),
        Name::ProductCodes => only.product_codes = listed(all.product_codes),
        Name::BlockDeviceMapping => only.block_device_mappings = all.block_device_mappings,
        Name::SriovNetSupport => only.sriov_net_support = all.sriov_net_support,
        Name::BootMode => only.boot_mode = all.boot_mode,
        Name::TpmSupport => only.tpm_support = all.tpm_support,
        Name::UefiData => only.uefi_data = all.uefi_data,
        Name::LastLaunchedTime => only.last_launched_time = all.last_launched_time,
        Name::ImdsSupport => only.imds_support = all.imds_support,
        Name::DeregistrationProtection => {
            only.deregistration_protection = all.deregistration_protection;
        }
        Name::Unlisted(_) => {}
    }
    response.image_attribute = Some(only);
}

/// DescribeSnapshotAttribute: the snapshot ID and the asked attribute.
#[cfg(feature = "ebs")]
pub(crate) fn snapshot_attribute(
    request: &crate::ebs::DescribeSnapshotAttributeRequest,
    _caller: &Caller,
    response: &mut crate::ebs::DescribeSnapshotAttributeResponse,
) {
    use crate::shapes::{SnapshotAttribute, SnapshotAttributeName as Name};
    let Some(all) = response.snapshot_attribute.take() else {
        return;
    };
    let mut only = SnapshotAttribute {
        snapshot_id: all.snapshot_id,
        ..SnapshotAttribute::default()
    };
    match &request.attribute {
        Name::ProductCodes => only.product_codes = listed(all.product_codes),
        Name::CreateVolumePermission => {
            only.create_volume_permissions = listed(all.create_volume_permissions);
        }
        Name::Unlisted(_) => {}
    }
    response.snapshot_attribute = Some(only);
}

/// DescribeVolumeAttribute: the volume ID and the asked attribute.
#[cfg(feature = "ebs")]
pub(crate) fn volume_attribute(
    request: &crate::ebs::DescribeVolumeAttributeRequest,
    _caller: &Caller,
    response: &mut crate::ebs::DescribeVolumeAttributeResponse,
) {
    use crate::shapes::{VolumeAttribute, VolumeAttributeName as Name};
    let Some(all) = response.volume_attribute.take() else {
        return;
    };
    let mut only = VolumeAttribute {
        volume_id: all.volume_id,
        ..VolumeAttribute::default()
    };
    match &request.attribute {
        Name::AutoEnableIO => only.auto_enable_io = all.auto_enable_io,
        Name::ProductCodes => only.product_codes = listed(all.product_codes),
        Name::Unlisted(_) => {}
    }
    response.volume_attribute = Some(only);
}

/// DescribeFpgaImageAttribute: the AFI ID and the asked attribute.
#[cfg(feature = "images")]
pub(crate) fn fpga_image_attribute(
    request: &crate::images::DescribeFpgaImageAttributeRequest,
    _caller: &Caller,
    response: &mut crate::images::DescribeFpgaImageAttributeResponse,
) {
    use crate::shapes::{FpgaImageAttribute, FpgaImageAttributeName as Name};
    let Some(all) = response.fpga_image_attribute.take() else {
        return;
    };
    let mut only = FpgaImageAttribute {
        fpga_image_id: all.fpga_image_id,
        ..FpgaImageAttribute::default()
    };
    match &request.attribute {
        Name::Description => only.description = all.description,
        Name::Name => only.name = all.name,
        Name::LoadPermission => only.load_permissions = listed(all.load_permissions),
        Name::ProductCodes => only.product_codes = listed(all.product_codes),
        Name::Unlisted(_) => {}
    }
    response.fpga_image_attribute = Some(only);
}

/// DescribeVpcAttribute: the VPC ID and the asked attribute.
#[cfg(feature = "vpc")]
pub(crate) fn vpc_attribute(
    request: &crate::vpc::DescribeVpcAttributeRequest,
    _caller: &Caller,
    response: &mut crate::vpc::DescribeVpcAttributeResponse,
) {
    use crate::shapes::{VpcAttribute, VpcAttributeName as Name};
    let Some(all) = response.vpc_attribute.take() else {
        return;
    };
    let mut only = VpcAttribute {
        vpc_id: all.vpc_id,
        ..VpcAttribute::default()
    };
    match &request.attribute {
        Name::EnableDnsSupport => only.enable_dns_support = all.enable_dns_support,
        Name::EnableDnsHostnames => only.enable_dns_hostnames = all.enable_dns_hostnames,
        Name::EnableNetworkAddressUsageMetrics => {
            only.enable_network_address_usage_metrics = all.enable_network_address_usage_metrics;
        }
        Name::Unlisted(_) => {}
    }
    response.vpc_attribute = Some(only);
}

/// DescribeNetworkInterfaceAttribute: the interface ID and the asked attribute (every attribute
/// held when none is asked for).
#[cfg(feature = "vpc")]
pub(crate) fn network_interface_attribute(
    request: &crate::vpc::DescribeNetworkInterfaceAttributeRequest,
    _caller: &Caller,
    response: &mut crate::vpc::DescribeNetworkInterfaceAttributeResponse,
) {
    use crate::shapes::{
        DescribeNetworkInterfaceAttributeResult, NetworkInterfaceAttribute as Name,
    };
    let Some(asked) = &request.attribute else {
        return;
    };
    let Some(all) = response.network_interface_attribute.take() else {
        return;
    };
    let mut only = DescribeNetworkInterfaceAttributeResult {
        network_interface_id: all.network_interface_id,
        ..DescribeNetworkInterfaceAttributeResult::default()
    };
    match asked {
        Name::Description => only.description = all.description,
        Name::GroupSet => only.groups = all.groups,
        Name::SourceDestCheck => only.source_dest_check = all.source_dest_check,
        Name::Attachment => only.attachment = all.attachment,
        Name::AssociatePublicIpAddress => {
            only.associate_public_ip_address = all.associate_public_ip_address;
        }
        Name::Unlisted(_) => {}
    }
    response.network_interface_attribute = Some(only);
}

/// DescribePrincipalIdFormat's `Resource.N`: of each principal, only the ID formats of the
/// resource types asked for (`instance`, `volume`, ...); without it, every type. A principal is
/// listed even when none of its formats is left, as the request selects formats, not principals.
#[cfg(feature = "account")]
pub(crate) fn principal_id_formats(
    request: &crate::account::DescribePrincipalIdFormatRequest,
    _caller: &Caller,
    response: &mut crate::account::DescribePrincipalIdFormatResponse,
) {
    if request.resources.is_empty() {
        return;
    }
    for principal in &mut response.principals {
        if let Some(statuses) = &mut principal.statuses {
            statuses.retain(|status| {
                status
                    .resource
                    .as_ref()
                    .is_some_and(|resource| request.resources.contains(resource))
            });
        }
    }
}

/// The members EC2 answers beside a fleet's history records: the start time asked for, echoed,
/// and `LastEvaluatedTime` on the last page only ("all records up to this time
/// were retrieved"; absent while a `NextToken` says there are more). The time is the answer's:
/// every record the store holds up to it has been evaluated.
#[cfg(feature = "instances")]
fn history_members(
    start_time: ec2_ops::DateTime,
    more: bool,
) -> (Option<ec2_ops::DateTime>, Option<ec2_ops::DateTime>) {
    let last_evaluated = (!more).then(ec2_ops::DateTime::now);
    (Some(start_time), last_evaluated)
}

/// DescribeFleetHistory: the start time asked for, echoed, and the time up to which the history
/// was read (see [`history_members`]; the fleet is echoed as every parent named beside a list).
#[cfg(feature = "instances")]
pub(crate) fn fleet_history(
    request: &crate::instances::DescribeFleetHistoryRequest,
    _caller: &Caller,
    response: &mut crate::instances::DescribeFleetHistoryResponse,
) {
    (response.start_time, response.last_evaluated_time) =
        history_members(request.start_time, response.next_token.is_some());
}

/// DescribeSpotFleetRequestHistory: as DescribeFleetHistory, for a Spot Fleet request.
#[cfg(feature = "instances")]
pub(crate) fn spot_fleet_request_history(
    request: &crate::instances::DescribeSpotFleetRequestHistoryRequest,
    _caller: &Caller,
    response: &mut crate::instances::DescribeSpotFleetRequestHistoryResponse,
) {
    (response.start_time, response.last_evaluated_time) =
        history_members(request.start_time, response.next_token.is_some());
}

/// DescribeAggregateIdFormat's `UseLongIdsAggregated`: true only when every resource type listed
/// uses long IDs, as documented. A new account's (no format held) is true: every account made
/// since 2018 uses long IDs for every type.
#[cfg(feature = "account")]
pub(crate) fn aggregate_id_format(
    _request: &crate::account::DescribeAggregateIdFormatRequest,
    _caller: &Caller,
    response: &mut crate::account::DescribeAggregateIdFormatResponse,
) {
    let all_long = response
        .statuses
        .iter()
        .all(|status| status.use_long_ids == Some(true));
    response.use_long_ids_aggregated = Some(all_long);
}

/// DescribeElasticGpus' `MaxResults`, which its response repeats ("the total number of items to
/// return").
#[cfg(feature = "instances")]
pub(crate) fn elastic_gpus(
    request: &crate::instances::DescribeElasticGpusRequest,
    _caller: &Caller,
    response: &mut crate::instances::DescribeElasticGpusResponse,
) {
    response.max_results = request.max_results;
}

/// DescribeVpcEndpointServices' `ServiceNames` ("the supported services"): the name of each
/// service the page details, in its order. A name with two details is listed twice, as EC2 lists
/// it (the Gateway and the Interface endpoint service of `com.amazonaws.<region>.s3`).
#[cfg(feature = "vpc")]
pub(crate) fn vpc_endpoint_services(
    _request: &crate::vpc::DescribeVpcEndpointServicesRequest,
    _caller: &Caller,
    response: &mut crate::vpc::DescribeVpcEndpointServicesResponse,
) {
    let names = response
        .service_details
        .iter()
        .filter_map(|detail| detail.service_name.clone())
        .collect();
    response.service_names = Some(names);
}
