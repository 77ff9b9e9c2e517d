//! DescribeVolumes' view of the store: a volume's attachments to served instances are those
//! instances' block device mappings, so attaching is recorded once, on the instance. The
//! attachments are kept in an index by volume ID that DescribeInstances' slot updates as instances
//! are put and removed, so a volume costs a look-up, not a pass over the instances.

use std::borrow::Cow;
use std::ops::ControlFlow;
use std::sync::Arc;

use ec2_ops::operations::instances::{AttachmentStatus, Reservation};
use ec2_ops::operations::volumes::{Volume, VolumeAttachment, VolumeAttachmentState};
use ec2_ops::{InMemorySource, ResourceSource};

use crate::store::held::Held;
use crate::store::slot::Observer;

/// One volume's attachments to served instances, from their block device mappings.
#[derive(Debug, Clone)]
pub(crate) struct Attached {
    volume_id: String,
    attachments: Vec<VolumeAttachment>,
}

/// The attachments of every volume a served instance maps, by volume ID.
pub(crate) type AttachmentIndex = InMemorySource<Attached>;

/// An empty index.
pub(crate) fn attachment_index() -> AttachmentIndex {
    InMemorySource::new(|attached: &Attached| attached.volume_id.as_str())
}

/// An instance's EBS block devices as volume attachments.
fn attachments_of(unit: &Reservation) -> Vec<VolumeAttachment> {
    let Some(instance) = unit.first_instance() else {
        return Vec::new();
    };
    let mut attachments = Vec::new();
    for mapping in instance.block_device_mappings.iter().flatten() {
        let Some(ebs) = &mapping.ebs else { continue };
        let Some(volume_id) = &ebs.volume_id else {
            continue;
        };
        attachments.push(VolumeAttachment {
            delete_on_termination: ebs.delete_on_termination,
            volume_id: Some(volume_id.clone()),
            instance_id: instance.instance_id.clone(),
            device: mapping.device_name.clone(),
            state: ebs.status.as_ref().map(attachment_state),
            attach_time: ebs.attach_time,
            associated_resource: ebs.associated_resource.clone(),
            ebs_card_index: ebs.ebs_card_index,
            instance_owning_service: None,
        });
    }
    attachments
}

/// Keeps `index` up to date with the served instances (DescribeInstances' units).
pub(crate) fn attachment_observer(index: Arc<AttachmentIndex>) -> Observer<Reservation> {
    Box::new(move |gone, came| {
        for attachment in gone.map(attachments_of).unwrap_or_default() {
            let volume_id = attachment.volume_id.clone().unwrap_or_default();
            let Some(mut attached) = index.with(&volume_id, Clone::clone) else {
                continue;
            };
            attached.attachments.retain(|kept| {
                kept.instance_id != attachment.instance_id || kept.device != attachment.device
            });
            if attached.attachments.is_empty() {
                index.remove(&volume_id);
            } else {
                index.insert(attached);
            }
        }
        for attachment in came.map(attachments_of).unwrap_or_default() {
            let volume_id = attachment.volume_id.clone().unwrap_or_default();
            let mut attached = index.with(&volume_id, Clone::clone).unwrap_or(Attached {
                volume_id,
                attachments: Vec::new(),
            });
            attached.attachments.push(attachment);
            index.insert(attached);
        }
    })
}

/// `DescribeVolumes`' source: the stored volumes, each with its attachments to served instances
/// taken from the index (attachments to instances not served here are kept as seeded).
pub(crate) struct VolumeView {
    pub volumes: Arc<Held<Volume>>,
    pub instances: Arc<Held<Reservation>>,
    pub index: Arc<AttachmentIndex>,
}

impl VolumeView {
    fn with_attachments(&self, mut volume: Volume) -> Volume {
        let derived = volume
            .volume_id
            .as_deref()
            .and_then(|id| self.index.with(id, |attached| attached.attachments.clone()))
            .unwrap_or_default();
        let kept = volume
            .attachments
            .take()
            .unwrap_or_default()
            .into_iter()
            .filter(|attachment| {
                attachment
                    .instance_id
                    .as_deref()
                    .is_none_or(|id| !self.instances.contains(id))
            });
        volume.attachments = Some(kept.chain(derived).collect());
        volume
    }
}

/// An instance's block device state is the volume attachment's state.
fn attachment_state(status: &AttachmentStatus) -> VolumeAttachmentState {
    match status {
        AttachmentStatus::Attaching => VolumeAttachmentState::Attaching,
        AttachmentStatus::Attached => VolumeAttachmentState::Attached,
        AttachmentStatus::Detaching => VolumeAttachmentState::Detaching,
        AttachmentStatus::Detached => VolumeAttachmentState::Detached,
        AttachmentStatus::Unknown(text) => VolumeAttachmentState::Unknown(text.clone()),
    }
}

impl ResourceSource<Volume> for VolumeView {
    fn get(&self, id: &str) -> Option<Volume> {
        self.volumes
            .unpacked(id)
            .map(|volume| self.with_attachments(volume))
    }

    fn contains(&self, id: &str) -> bool {
        self.volumes.contains(id)
    }

    fn scan_after(
        &self,
        after: Option<&str>,
        visit: &mut dyn FnMut(&str, &Volume) -> ControlFlow<()>,
    ) {
        self.volumes.scan_unpacked(after, &mut |id, volume| {
            visit(id, &self.with_attachments(volume))
        });
    }

    fn scan_after_owned(
        &self,
        after: Option<&str>,
        visit: &mut dyn FnMut(&str, Cow<'_, Volume>) -> ControlFlow<()>,
    ) {
        self.volumes.scan_unpacked(after, &mut |id, volume| {
            visit(id, Cow::Owned(self.with_attachments(volume)))
        });
    }
}
