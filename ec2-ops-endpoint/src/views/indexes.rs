//! Indexes a hook reads rather than views an operation answers, kept as their sources' slots
//! change, so that a hook judges a resource by the others in a few seeks rather than a pass:
//!
//! - [`SpotPriceChanges`], from DescribeSpotPriceHistory's prices: its `StartTime` answers, beside
//!   the changes in range, the change in effect at the start;
//! - [`OfferedInstanceTypes`], from DescribeInstanceTypeOfferings' offerings: DescribeInstanceTypes
//!   lists only the types the Region offers unless asked `IncludeUnsupportedInRegion`.

use std::sync::Arc;

use ec2_ops_catalog::shapes::{InstanceTypeOffering, SpotPrice};
use ec2_ops_catalog::{OfferedInstanceTypes, SpotPriceChanges};

use crate::store::slot::Observer;

/// An index that counts each `R` in and out.
pub(crate) trait CountedIndex<R>: Send + Sync + 'static {
    fn count_in(&self, resource: &R);
    fn count_out(&self, resource: &R);
}

impl CountedIndex<SpotPrice> for SpotPriceChanges {
    fn count_in(&self, price: &SpotPrice) {
        self.insert(price);
    }

    fn count_out(&self, price: &SpotPrice) {
        self.remove(price);
    }
}

impl CountedIndex<InstanceTypeOffering> for OfferedInstanceTypes {
    fn count_in(&self, offering: &InstanceTypeOffering) {
        self.insert(offering);
    }

    fn count_out(&self, offering: &InstanceTypeOffering) {
        self.remove(offering);
    }
}

/// Counts each resource the slot drops out of `index` and each it takes in.
pub(crate) fn index_observer<R, I: CountedIndex<R>>(index: Arc<I>) -> Observer<R> {
    Box::new(move |gone, came| {
        if let Some(gone) = gone {
            index.count_out(gone);
        }
        if let Some(came) = came {
            index.count_in(came);
        }
    })
}
