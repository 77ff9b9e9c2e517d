//! DescribeVolumes' view of the store: a volume's attachments to served instances are those
//! instances' block device mappings, so attaching is recorded once, on the instance.

use std::collections::HashMap;
use std::ops::ControlFlow;
use std::sync::Arc;

use ec2_ops::operations::instances::{AttachmentStatus, Reservation};
use ec2_ops::operations::volumes::{Volume, VolumeAttachment, VolumeAttachmentState};
use ec2_ops::{InMemorySource, ResourceSource};

/// `DescribeVolumes`' source: the stored volumes, each with its attachments to served instances
/// taken from those instances' block device mappings (attachments to instances not served here
/// are kept as seeded).
pub(crate) struct VolumeView {
    pub volumes: Arc<InMemorySource<Volume>>,
    pub instances: Arc<InMemorySource<Reservation>>,
}

impl VolumeView {
    /// Every served instance's EBS block devices, by volume ID (only `only`'s when given), and the
    /// served instance IDs.
    fn attachments(
        &self,
        only: Option<&str>,
    ) -> (HashMap<String, Vec<VolumeAttachment>>, Vec<String>) {
        let mut by_volume: HashMap<String, Vec<VolumeAttachment>> = HashMap::new();
        let mut served = Vec::new();
        self.instances.scan_after(None, &mut |instance_id, unit| {
            served.push(instance_id.to_owned());
            let Some(instance) = unit.first_instance() else {
                return ControlFlow::Continue(());
            };
            for mapping in instance.block_device_mappings.iter().flatten() {
                let Some(ebs) = &mapping.ebs else { continue };
                let Some(volume_id) = &ebs.volume_id else {
                    continue;
                };
                if only.is_some_and(|only| only != volume_id) {
                    continue;
                }
                by_volume
                    .entry(volume_id.clone())
                    .or_default()
                    .push(VolumeAttachment {
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
            ControlFlow::Continue(())
        });
        (by_volume, served)
    }

    fn with_attachments(
        volume: &Volume,
        by_volume: &HashMap<String, Vec<VolumeAttachment>>,
        served: &[String],
    ) -> Volume {
        let mut volume = volume.clone();
        let derived = volume
            .volume_id
            .as_deref()
            .and_then(|id| by_volume.get(id))
            .cloned()
            .unwrap_or_default();
        let kept = volume
            .attachments
            .take()
            .unwrap_or_default()
            .into_iter()
            .filter(|attachment| {
                attachment
                    .instance_id
                    .as_ref()
                    .is_none_or(|id| served.binary_search(id).is_err())
            });
        let attachments: Vec<VolumeAttachment> = kept.chain(derived).collect();
        volume.attachments = Some(attachments);
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
        let volume = self.volumes.get(id)?;
        let (by_volume, served) = self.attachments(Some(id));
        Some(Self::with_attachments(&volume, &by_volume, &served))
    }

    fn contains(&self, id: &str) -> bool {
        self.volumes.contains(id)
    }

    fn scan_after(
        &self,
        after: Option<&str>,
        visit: &mut dyn FnMut(&str, &Volume) -> ControlFlow<()>,
    ) {
        let (by_volume, served) = self.attachments(None);
        self.volumes.scan_after(after, &mut |id, volume| {
            visit(id, &Self::with_attachments(volume, &by_volume, &served))
        });
    }
}
