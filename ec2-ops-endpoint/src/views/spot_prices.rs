//! The Spot price changes of the served price history, by zone, instance type and product
//! ([`SpotPriceChanges`]), kept as DescribeSpotPriceHistory's slot changes: its `StartTime`
//! answers, beside the changes in range, the change in effect at the start, which the index finds
//! in a few seeks per price rather than a pass over the history.

use std::sync::Arc;

use ec2_ops_catalog::SpotPriceChanges;
use ec2_ops_catalog::shapes::SpotPrice;

use crate::store::slot::Observer;

/// Counts each price the slot drops out of `changes` and each it takes in.
pub(crate) fn spot_price_observer(changes: Arc<SpotPriceChanges>) -> Observer<SpotPrice> {
    Box::new(move |gone, came| {
        if let Some(gone) = gone {
            changes.remove(gone);
        }
        if let Some(came) = came {
            changes.insert(came);
        }
    })
}
