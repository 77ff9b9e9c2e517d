//! The instance types the Region offers ([`OfferedInstanceTypes`]), kept as
//! DescribeInstanceTypeOfferings' slot changes: DescribeInstanceTypes lists only those unless
//! asked `IncludeUnsupportedInRegion`, and its hook reads them here in one seek per type.

use std::sync::Arc;

use ec2_ops_catalog::OfferedInstanceTypes;
use ec2_ops_catalog::shapes::InstanceTypeOffering;

use crate::store::slot::Observer;

/// Counts each offering the slot drops out of `offered` and each it takes in.
pub(crate) fn offering_observer(
    offered: Arc<OfferedInstanceTypes>,
) -> Observer<InstanceTypeOffering> {
    Box::new(move |gone, came| {
        if let Some(gone) = gone {
            offered.remove(gone);
        }
        if let Some(came) = came {
            offered.insert(came);
        }
    })
}
