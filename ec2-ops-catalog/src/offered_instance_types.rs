//! The instance types the Region offers, from its DescribeInstanceTypeOfferings by Region: what
//! DescribeInstanceTypes' `IncludeUnsupportedInRegion` needs. EC2 describes "all instance types
//! for the current Region" unless it is set, and then the types the Region does not support too;
//! an `InstanceTypeInfo` does not say which it is, the Region's offerings do.
//!
//! A service keeps an [`OfferedInstanceTypes`] up to date with the offerings it serves and gives
//! it to the pipeline through [`Parents::index`](ec2_ops::Parents::index) for DescribeInstanceTypes;
//! `ec2-ops-endpoint` does so.
//!
//! ```
//! use ec2_ops_catalog::OfferedInstanceTypes;
//! use ec2_ops_catalog::shapes::InstanceTypeOffering;
//!
//! let offering = |kind: &str, location_type: &str| InstanceTypeOffering {
//!     instance_type: kind.parse().ok(),
//!     location_type: location_type.parse().ok(),
//!     location: Some("eu-west-1".into()),
//! };
//! let offered = OfferedInstanceTypes::default();
//! assert_eq!(offered.offers("m5.large"), None, "no offering held: the Region's types are not known");
//! offered.insert(&offering("m5.large", "region"));
//! offered.insert(&offering("p5.48xlarge", "availability-zone"));
//! assert_eq!(offered.offers("m5.large"), Some(true));
//! assert_eq!(offered.offers("p5.48xlarge"), Some(false), "offered in a zone is not by the Region");
//! ```

use std::collections::HashMap;
use std::sync::RwLock;

use crate::shapes::{InstanceTypeOffering, LocationType};

/// How many offerings by Region name each instance type. Shared between the service's writers and
/// its readers: every method takes `&self`.
#[derive(Debug, Default)]
pub struct OfferedInstanceTypes {
    counts: RwLock<HashMap<String, u32>>,
}

/// The instance type an offering by Region names; `None` for an offering by zone, zone ID or
/// Outpost.
fn offered_by_region(offering: &InstanceTypeOffering) -> Option<&str> {
    match offering.location_type {
        Some(LocationType::Region) => offering.instance_type.as_ref().map(|kind| kind.as_str()),
        _ => None,
    }
}

impl OfferedInstanceTypes {
    /// Counts `offering` in, if it is an offering by Region.
    pub fn insert(&self, offering: &InstanceTypeOffering) {
        if let Some(kind) = offered_by_region(offering) {
            *self.write().entry(kind.to_owned()).or_default() += 1;
        }
    }

    /// Counts `offering` out, as [`insert`](OfferedInstanceTypes::insert) counted it in.
    pub fn remove(&self, offering: &InstanceTypeOffering) {
        let Some(kind) = offered_by_region(offering) else {
            return;
        };
        let mut counts = self.write();
        if let Some(count) = counts.get_mut(kind) {
            *count -= 1;
            if *count == 0 {
                counts.remove(kind);
            }
        }
    }

    /// Forgets every offering.
    pub fn clear(&self) {
        self.write().clear();
    }

    /// Whether the Region offers `instance_type`; `None` when no offering by Region is held, so
    /// that which types the Region offers is not known.
    pub fn offers(&self, instance_type: &str) -> Option<bool> {
        let counts = self.counts.read().unwrap_or_else(|p| p.into_inner());
        (!counts.is_empty()).then(|| counts.contains_key(instance_type))
    }

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, HashMap<String, u32>> {
        // Every change is one map operation: a panic elsewhere cannot leave one half-made.
        self.counts.write().unwrap_or_else(|p| p.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn by_region(kind: &str) -> InstanceTypeOffering {
        InstanceTypeOffering {
            instance_type: kind.parse().ok(),
            location_type: Some(LocationType::Region),
            location: Some("us-east-1".into()),
        }
    }

    #[test]
    fn a_type_stays_offered_until_its_last_offering_is_removed() {
        let offered = OfferedInstanceTypes::default();
        offered.insert(&by_region("m5.large"));
        offered.insert(&by_region("m5.large"));
        offered.insert(&by_region("c5.large"));
        offered.remove(&by_region("m5.large"));
        assert_eq!(offered.offers("m5.large"), Some(true));
        offered.remove(&by_region("m5.large"));
        assert_eq!(offered.offers("m5.large"), Some(false));
        offered.clear();
        assert_eq!(offered.offers("c5.large"), None);
    }
}
