//! DescribeInstanceStatus' view of the store: an instance's status is its state where it runs, so a
//! capture of DescribeInstances answers both operations. Each status is derived from its instance
//! as it is read (a [`DerivedFrom`](super::DerivedFrom) view), so nothing is kept twice.
//!
//! A derived status holds what the instance says: its ID, state, zone and zone ID, Outpost and
//! operator. The checks (`InstanceStatus`, `SystemStatus`, `AttachedEbsStatus`) and scheduled
//! events are EC2's observations, which a capture of the instances does not hold: they are absent,
//! not invented, so the `instance_status_ok` and `system_status_ok` waiters do not pass on a
//! derived status. A status seeded in DescribeInstanceStatus' own data (what the account said,
//! checks included) wins for its instance. Which statuses a request lists (`IncludeAllInstances`)
//! is the operation's own rule, applied to both.

use std::ops::ControlFlow;
use std::sync::Arc;

use ec2_ops::ResourceSource;
use ec2_ops::operations::instances::Reservation;
use ec2_ops_catalog::shapes::InstanceStatus;

use super::merge_scan;
use crate::store::held::Held;

/// The status EC2 shows of a served instance, from the instance alone.
pub(crate) fn status_of(unit: &Reservation, _account: &str) -> Option<InstanceStatus> {
    let instance = unit.first_instance()?;
    let placement = instance.placement.as_ref();
    Some(InstanceStatus {
        instance_id: Some(instance.instance_id.clone()?),
        instance_state: instance.state.clone(),
        availability_zone: placement.and_then(|placement| placement.availability_zone.clone()),
        availability_zone_id: placement
            .and_then(|placement| placement.availability_zone_id.clone()),
        outpost_arn: instance.outpost_arn.clone(),
        operator: instance.operator.clone(),
        ..InstanceStatus::default()
    })
}

/// DescribeInstanceStatus' source: its own seeded statuses, and the statuses derived from the
/// served instances that no seeded status names, merged in instance ID order.
pub(crate) struct StatusView {
    pub seeded: Arc<Held<InstanceStatus>>,
    /// The served instances' statuses ([`status_of`], derived on each read).
    pub derived: Arc<dyn ResourceSource<Arc<InstanceStatus>> + Send + Sync>,
}

impl ResourceSource<InstanceStatus> for StatusView {
    fn get(&self, id: &str) -> Option<InstanceStatus> {
        self.seeded
            .unpacked(id)
            .or_else(|| self.derived.get(id).map(Arc::unwrap_or_clone))
    }

    fn contains(&self, id: &str) -> bool {
        self.seeded.contains(id) || self.derived.contains(id)
    }

    fn scan_after(
        &self,
        after: Option<&str>,
        visit: &mut dyn FnMut(&str, &InstanceStatus) -> ControlFlow<()>,
    ) {
        merge_scan(
            &*self.seeded,
            &*self.derived,
            after,
            &|status: &Arc<InstanceStatus>| {
                (!self
                    .seeded
                    .contains(status.instance_id.as_deref().unwrap_or_default()))
                .then(|| Arc::clone(status))
            },
            &mut |id, status: &Arc<InstanceStatus>| visit(id, status),
        );
    }
}
