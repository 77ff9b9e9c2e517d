//! DescribeInstanceAttribute's, DescribeImageAttribute's, DescribeFpgaImageAttribute's and
//! DescribeSnapshotAttribute's view of the store (and the VPCs', volumes', interfaces' and
//! addresses'): the attributes of an instance, or of an image, FPGA image or snapshot the account
//! owns, are members of it, so a capture of DescribeInstances, DescribeImages, DescribeFpgaImages
//! or DescribeSnapshots answers the attribute operations too (Terraform reads an instance's
//! attributes; a scanner asks `launchPermission` of every image and `createVolumePermission` of
//! every snapshot). The derived attributes are kept in an index the instances', images' or
//! snapshots' slot updates.
//!
//! What each holds, and what it cannot know:
//!
//! - an instance's type, kernel, RAM disk, root device name, block device mappings, product
//!   codes, security groups, source/destination check, EBS optimization, ENA and SR-IOV support
//!   and enclave options are the instance's; its user data, termination and stop protection and
//!   shutdown behaviour are not in DescribeInstances' data (absent unless seeded);
//! - an image's `launchPermission` is `[{"Group": "all"}]` when the image is public and `[]`
//!   otherwise: the accounts a private image is shared with are not in DescribeImages' data, so an
//!   image shared with some is answered as shared with none unless its `launchPermission` is
//!   seeded; its description, kernel, RAM disk, block device mappings, product codes, boot mode,
//!   TPM, IMDS and SR-IOV support, deregistration protection and last launch time are the image's;
//!   its UEFI data is not in the image (absent);
//! - an FPGA image's `loadPermission` is `all` when the image is public and `[]` otherwise, as an
//!   image's launch permission (shares are not in DescribeFpgaImages' data); its name,
//!   description and product codes are the FPGA image's;
//! - a snapshot's `createVolumePermission` is `[]`: DescribeSnapshots' data says neither whether a
//!   snapshot is public nor with whom it is shared, so both are answered as none unless seeded;
//! - a VPC's DNS settings are EC2's defaults for a default VPC (DNS support and DNS hostnames on,
//!   as EC2 creates one); a non-default VPC's are not in DescribeVpcs' data (absent unless seeded),
//!   nor is any VPC's network address usage metrics setting;
//! - a volume's product codes are none (`[]`) and its `autoEnableIO` is not in DescribeVolumes'
//!   data (absent unless seeded);
//! - a network interface's description, security groups, source/destination check and attachment
//!   are the interface's;
//! - an Elastic IP address's attributes are its public IP and allocation ID; its reverse DNS
//!   record (`PtrRecord`) is not in DescribeAddresses' data (absent unless seeded);
//! - only resources the account owns have attributes here: EC2 does not show another account's.
//!
//! An attribute seeded in the operation's own data (what the account said) wins: a seeded record
//! answers with its members, the derived one filling only the members it does not hold (a
//! captured `userData` beside the instance's own type). Which attribute a request answers is the
//! operation's `respond` rule.

use std::sync::Arc;

use ec2_ops::ResourceIdText;
use ec2_ops::operations::instances::Reservation;
use ec2_ops::operations::snapshots::Snapshot;
use ec2_ops::operations::volumes::Volume;
use ec2_ops_catalog::shapes::{
    Address, AddressAttribute, AttributeBooleanValue, AttributeValue,
    DescribeNetworkInterfaceAttributeResult, FpgaImage, FpgaImageAttribute, Image, ImageAttribute,
    InstanceAttribute, LaunchPermission, LoadPermission, NetworkInterface, PermissionGroup,
    SnapshotAttribute, VolumeAttribute, Vpc, VpcAttribute,
};

use crate::store::held::Held;
use crate::store::slot::Observer;

/// Attributes derived from another operation's resources, by resource ID.
pub(crate) type AttributeIndex<A> = Held<A>;

/// An empty index of attributes identified by `id`.
pub(crate) fn attribute_index<A: serde::Serialize + serde::de::DeserializeOwned>(
    id: fn(&Arc<A>) -> &str,
) -> AttributeIndex<A> {
    Held::new(id)
}

/// The instance ID of an instance attribute.
pub(crate) fn instance_attribute_id(attribute: &Arc<InstanceAttribute>) -> &str {
    attribute.instance_id.as_deref().unwrap_or_default()
}

/// The VPC ID of a VPC attribute.
pub(crate) fn vpc_attribute_id(attribute: &Arc<VpcAttribute>) -> &str {
    attribute.vpc_id.as_deref().unwrap_or_default()
}

/// The volume ID of a volume attribute.
pub(crate) fn volume_attribute_id(attribute: &Arc<VolumeAttribute>) -> &str {
    attribute.volume_id.as_deref().unwrap_or_default()
}

/// The interface ID of a network interface attribute.
pub(crate) fn interface_attribute_id(
    attribute: &Arc<DescribeNetworkInterfaceAttributeResult>,
) -> &str {
    attribute
        .network_interface_id
        .as_deref()
        .unwrap_or_default()
}

/// The image ID of an image attribute.
pub(crate) fn image_attribute_id(attribute: &Arc<ImageAttribute>) -> &str {
    attribute.image_id.as_deref().unwrap_or_default()
}

/// The snapshot ID of a snapshot attribute.
pub(crate) fn snapshot_attribute_id(attribute: &Arc<SnapshotAttribute>) -> &str {
    attribute.snapshot_id.as_deref().unwrap_or_default()
}

fn value(text: Option<&str>) -> Option<AttributeValue> {
    text.map(|text| AttributeValue {
        value: Some(text.to_owned()),
    })
}

fn switch(value: Option<bool>) -> Option<AttributeBooleanValue> {
    value.map(|value| AttributeBooleanValue { value: Some(value) })
}

/// The attributes of a served instance (a DescribeInstances unit: one instance in its
/// reservation); every instance served is the account's.
pub(crate) fn instance_attributes(unit: &Reservation, _account: &str) -> Option<InstanceAttribute> {
    let instance = unit.first_instance()?;
    Some(InstanceAttribute {
        instance_id: Some(instance.instance_id.clone()?),
        instance_type: value(instance.instance_type.as_deref()),
        kernel_id: value(instance.kernel_id.as_deref()),
        ramdisk_id: value(instance.ramdisk_id.as_deref()),
        root_device_name: value(instance.root_device_name.as_deref()),
        block_device_mappings: Some(instance.block_device_mappings.clone().unwrap_or_default()),
        product_codes: Some(instance.product_codes.clone().unwrap_or_default()),
        groups: Some(instance.security_groups.clone().unwrap_or_default()),
        source_dest_check: switch(instance.source_dest_check),
        ebs_optimized: switch(instance.ebs_optimized),
        ena_support: switch(instance.ena_support),
        sriov_net_support: value(instance.sriov_net_support.as_deref()),
        enclave_options: instance.enclave_options.clone(),
        ..InstanceAttribute::default()
    })
}

/// The attributes of a served VPC: EC2's DNS defaults for a default VPC.
pub(crate) fn vpc_attributes(vpc: &Vpc, _account: &str) -> Option<VpcAttribute> {
    let default = vpc.is_default == Some(true);
    Some(VpcAttribute {
        vpc_id: Some(vpc.vpc_id.clone()?),
        enable_dns_support: switch(default.then_some(true)),
        enable_dns_hostnames: switch(default.then_some(true)),
        enable_network_address_usage_metrics: None,
    })
}

/// The attributes of a served volume: its ID (its product codes answer `[]`).
pub(crate) fn volume_attributes(volume: &Volume, _account: &str) -> Option<VolumeAttribute> {
    Some(VolumeAttribute {
        volume_id: Some(volume.volume_id.clone()?),
        ..VolumeAttribute::default()
    })
}

/// The attributes of a served network interface (seeded, or an instance's).
pub(crate) fn interface_attributes(
    interface: &NetworkInterface,
) -> Option<DescribeNetworkInterfaceAttributeResult> {
    Some(DescribeNetworkInterfaceAttributeResult {
        network_interface_id: Some(interface.network_interface_id.clone()?),
        description: value(interface.description.as_deref()),
        groups: Some(interface.groups.clone().unwrap_or_default()),
        source_dest_check: switch(interface.source_dest_check),
        attachment: interface.attachment.clone(),
        associate_public_ip_address: None,
    })
}

/// The attributes of an image `account` owns.
pub(crate) fn image_attributes(image: &Image, account: &str) -> Option<ImageAttribute> {
    if image.owner_id.as_deref() != Some(account) {
        return None;
    }
    let launch_permissions = if image.public == Some(true) {
        vec![LaunchPermission {
            group: Some(PermissionGroup::All),
            ..LaunchPermission::default()
        }]
    } else {
        Vec::new()
    };
    Some(ImageAttribute {
        image_id: Some(image.image_id.clone()?),
        description: value(image.description.as_deref()),
        kernel_id: value(image.kernel_id.as_deref()),
        ramdisk_id: value(image.ramdisk_id.as_deref()),
        sriov_net_support: value(image.sriov_net_support.as_deref()),
        boot_mode: value(image.boot_mode.as_ref().map(ResourceIdText::id_text)),
        tpm_support: value(image.tpm_support.as_ref().map(ResourceIdText::id_text)),
        imds_support: value(image.imds_support.as_ref().map(ResourceIdText::id_text)),
        deregistration_protection: value(image.deregistration_protection.as_deref()),
        last_launched_time: value(image.last_launched_time.as_deref()),
        launch_permissions: Some(launch_permissions),
        product_codes: Some(image.product_codes.clone().unwrap_or_default()),
        block_device_mappings: image.block_device_mappings.clone(),
        uefi_data: None,
    })
}

/// The attributes of an FPGA image `account` owns: its name, description and product codes, and
/// a `loadPermission` of `[{"Group": "all"}]` when it is public, `[]` otherwise (as an image's
/// launch permission: the accounts a private one is shared with are not in DescribeFpgaImages'
/// data).
pub(crate) fn fpga_image_attributes(
    image: &FpgaImage,
    account: &str,
) -> Option<FpgaImageAttribute> {
    if image.owner_id.as_deref() != Some(account) {
        return None;
    }
    let load_permissions = if image.public == Some(true) {
        vec![LoadPermission {
            group: Some(PermissionGroup::All),
            ..LoadPermission::default()
        }]
    } else {
        Vec::new()
    };
    Some(FpgaImageAttribute {
        fpga_image_id: Some(image.fpga_image_id.clone()?),
        name: image.name.clone(),
        description: image.description.clone(),
        load_permissions: Some(load_permissions),
        product_codes: Some(image.product_codes.clone().unwrap_or_default()),
    })
}

/// The FPGA image ID of an FPGA image attribute.
pub(crate) fn fpga_image_attribute_id(attribute: &Arc<FpgaImageAttribute>) -> &str {
    attribute.fpga_image_id.as_deref().unwrap_or_default()
}

/// The attributes of a snapshot `account` owns.
pub(crate) fn snapshot_attributes(snapshot: &Snapshot, account: &str) -> Option<SnapshotAttribute> {
    if snapshot.owner_id.as_deref() != Some(account) {
        return None;
    }
    Some(SnapshotAttribute {
        snapshot_id: Some(snapshot.snapshot_id.clone()?),
        create_volume_permissions: Some(Vec::new()),
        product_codes: None,
    })
}

/// The attributes of a served Elastic IP address: its public IP and allocation ID (an address
/// without an allocation ID, EC2-Classic's, has no attributes). Its reverse DNS record is not in
/// DescribeAddresses' data (absent unless seeded).
pub(crate) fn address_attributes(address: &Address, _account: &str) -> Option<AddressAttribute> {
    Some(AddressAttribute {
        allocation_id: Some(address.allocation_id.clone()?),
        public_ip: address.public_ip.clone(),
        ..AddressAttribute::default()
    })
}

/// The allocation ID of an address attribute.
pub(crate) fn address_attribute_id(attribute: &Arc<AddressAttribute>) -> &str {
    attribute.allocation_id.as_deref().unwrap_or_default()
}

/// Keeps `index` up to date with the served resources `R`, deriving with `derive`.
pub(crate) fn attribute_observer<
    R: 'static,
    A: serde::Serialize + serde::de::DeserializeOwned + Send + Sync + 'static,
>(
    index: Arc<AttributeIndex<A>>,
    account: String,
    derive: fn(&R, &str) -> Option<A>,
    id: fn(&Arc<A>) -> &str,
) -> Observer<R> {
    Box::new(move |gone, came| {
        if let Some(attribute) = gone.and_then(|resource| derive(resource, &account)) {
            let attribute = Arc::new(attribute);
            index.remove(id(&attribute));
        }
        if let Some(attribute) = came.and_then(|resource| derive(resource, &account)) {
            index.insert(Arc::new(attribute));
        }
    })
}
