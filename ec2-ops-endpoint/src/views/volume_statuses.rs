//! DescribeVolumeStatus' view of the store: every volume has a status, so a capture of
//! DescribeVolumes answers DescribeVolumeStatus for it. The statuses are kept in an index
//! DescribeVolumes' slot updates.
//!
//! A derived status holds what the volume says: its ID, zone and zone ID, Outpost and operator.
//! The status checks (`VolumeStatus`), events, actions, attachment I/O statuses and
//! initialization details are EC2's observations, which a capture of the volumes does not hold:
//! they are absent, not invented. A status seeded in DescribeVolumeStatus' own data (what the
//! account said, checks included) wins for its volume, the derived one filling what it lacks.

use std::sync::Arc;

use ec2_ops::operations::volumes::Volume;
use ec2_ops_catalog::shapes::VolumeStatusItem;

/// The volume ID of a volume status.
pub(crate) fn volume_status_id(status: &Arc<VolumeStatusItem>) -> &str {
    status.volume_id.as_deref().unwrap_or_default()
}

/// The status EC2 shows of a served volume, from the volume alone.
pub(crate) fn volume_status(volume: &Volume, _account: &str) -> Option<VolumeStatusItem> {
    Some(VolumeStatusItem {
        volume_id: Some(volume.volume_id.clone()?),
        availability_zone: volume.availability_zone.clone(),
        availability_zone_id: volume.availability_zone_id.clone(),
        outpost_arn: volume.outpost_arn.clone(),
        operator: volume.operator.clone(),
        ..VolumeStatusItem::default()
    })
}
