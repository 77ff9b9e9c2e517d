//! DescribeImageAttribute's and DescribeSnapshotAttribute's view of the store: the attributes of
//! an image or snapshot the account owns are members of the image or snapshot, so a capture of
//! DescribeImages or DescribeSnapshots answers the attribute operations too (a scanner asks
//! `launchPermission` of every image and `createVolumePermission` of every snapshot). The derived
//! attributes are kept in an index the images' or snapshots' slot updates.
//!
//! What each holds, and what it cannot know:
//!
//! - an image's `launchPermission` is `[{"Group": "all"}]` when the image is public and `[]`
//!   otherwise: the accounts a private image is shared with are not in DescribeImages' data, so an
//!   image shared with some is answered as shared with none unless its `launchPermission` is
//!   seeded; its description, kernel, RAM disk, block device mappings, product codes, boot mode,
//!   TPM, IMDS and SR-IOV support, deregistration protection and last launch time are the image's;
//!   its UEFI data is not in the image (absent);
//! - a snapshot's `createVolumePermission` is `[]`: DescribeSnapshots' data says neither whether a
//!   snapshot is public nor with whom it is shared, so both are answered as none unless seeded;
//! - only resources the account owns have attributes here: EC2 does not show another account's.
//!
//! An attribute seeded in the operation's own data (what the account said) wins for its resource.
//! Which attribute a request answers is the operation's `respond` rule, applied to both.

use std::ops::ControlFlow;
use std::sync::Arc;

use ec2_ops::operations::snapshots::Snapshot;
use ec2_ops::{InMemorySource, ResourceIdText, ResourceSource};
use ec2_ops_catalog::shapes::{
    AttributeValue, Image, ImageAttribute, LaunchPermission, PermissionGroup, SnapshotAttribute,
};

use super::merge_scan;
use crate::store::slot::Observer;

/// Attributes derived from another operation's resources, by resource ID.
pub(crate) type AttributeIndex<A> = InMemorySource<Arc<A>>;

/// An empty index of attributes identified by `id`.
pub(crate) fn attribute_index<A>(id: fn(&Arc<A>) -> &str) -> AttributeIndex<A> {
    InMemorySource::new(id)
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

/// Keeps `index` up to date with the served resources `R`, deriving with `derive`.
pub(crate) fn attribute_observer<R: 'static, A: Send + Sync + 'static>(
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

/// An attribute operation's source: its own seeded attributes, and those derived from the served
/// resources that no seeded attribute names.
pub(crate) struct AttributeView<A> {
    pub seeded: Arc<InMemorySource<Arc<A>>>,
    pub derived: Arc<AttributeIndex<A>>,
    pub id: fn(&Arc<A>) -> &str,
}

impl<A: Clone + Send + Sync> ResourceSource<A> for AttributeView<A> {
    fn get(&self, id: &str) -> Option<A> {
        self.seeded
            .with(id, |attribute| (**attribute).clone())
            .or_else(|| self.derived.with(id, |attribute| (**attribute).clone()))
    }

    fn contains(&self, id: &str) -> bool {
        self.seeded.contains(id) || self.derived.contains(id)
    }

    fn scan_after(&self, after: Option<&str>, visit: &mut dyn FnMut(&str, &A) -> ControlFlow<()>) {
        merge_scan(
            &*self.seeded,
            &*self.derived,
            after,
            &|attribute: &Arc<A>| !self.seeded.contains((self.id)(attribute)),
            &mut |id, attribute: &Arc<A>| visit(id, attribute),
            &|attribute| attribute,
        );
    }
}
