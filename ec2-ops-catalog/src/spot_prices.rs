//! The Spot price changes of each zone, instance type and product, by time: what
//! DescribeSpotPriceHistory's `StartTime` needs. EC2 documents that with a start time the answer
//! holds, beside the changes within the range, "the last price change before the start time,
//! which is the effective price as of the start time": whether a change is that one depends on
//! the other changes of its zone, type and product, which one resource does not say.
//!
//! A service keeps a [`SpotPriceChanges`] up to date with the prices it serves and gives it to the
//! pipeline through [`Parents::index`](ec2_ops::Parents::index) for DescribeSpotPriceHistory; the
//! operation's `visible` hook then decides each price in a few seeks. `ec2-ops-endpoint` does so.
//!
//! ```
//! use ec2_ops::DateTime;
//! use ec2_ops_catalog::SpotPriceChanges;
//! use ec2_ops_catalog::shapes::SpotPrice;
//!
//! let at = |hour: i64| DateTime::from_unix_millis(hour * 3_600_000).unwrap();
//! let price = |hour: i64| SpotPrice {
//!     availability_zone: Some("us-east-1a".into()),
//!     instance_type: "m5.large".parse().ok(),
//!     product_description: "Linux/UNIX".parse().ok(),
//!     timestamp: Some(at(hour)),
//!     ..SpotPrice::default()
//! };
//! let changes = SpotPriceChanges::default();
//! for hour in [1, 5, 9] {
//!     changes.insert(&price(hour));
//! }
//! // As of hour 6, the change at hour 5 is in effect: the one at hour 1 is not.
//! assert!(changes.is_in_effect_at(&price(5), at(6)));
//! assert!(!changes.is_in_effect_at(&price(1), at(6)));
//! ```

use std::collections::{BTreeMap, HashMap};
use std::sync::RwLock;

use ec2_ops::DateTime;

use crate::shapes::SpotPrice;

/// The times of the Spot price changes a service serves, by zone, instance type and product.
/// Shared between the service's writers and its readers: every method takes `&self`.
#[derive(Debug, Default)]
pub struct SpotPriceChanges {
    /// Each group's change times, with how many changes are held at each (two captures may hold
    /// the same change).
    groups: RwLock<HashMap<Group, BTreeMap<DateTime, u32>>>,
}

/// The prices one price is compared with: the same zone (by name and ID, either may be absent),
/// instance type and product.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Group {
    zone: Option<String>,
    zone_id: Option<String>,
    instance_type: Option<String>,
    product: Option<String>,
}

impl Group {
    fn of(price: &SpotPrice) -> Group {
        Group {
            zone: price.availability_zone.clone(),
            zone_id: price.availability_zone_id.clone(),
            instance_type: price.instance_type.as_ref().map(|t| t.as_str().to_owned()),
            product: price
                .product_description
                .as_ref()
                .map(|p| p.as_str().to_owned()),
        }
    }
}

impl SpotPriceChanges {
    /// An index of `prices`.
    pub fn of<'a>(prices: impl IntoIterator<Item = &'a SpotPrice>) -> SpotPriceChanges {
        let changes = SpotPriceChanges::default();
        for price in prices {
            changes.insert(price);
        }
        changes
    }

    /// Counts `price` in (a price without a time is no change: it is never compared).
    pub fn insert(&self, price: &SpotPrice) {
        let Some(time) = price.timestamp else { return };
        *self
            .write()
            .entry(Group::of(price))
            .or_default()
            .entry(time)
            .or_default() += 1;
    }

    /// Counts `price` out, as [`insert`](SpotPriceChanges::insert) counted it in.
    pub fn remove(&self, price: &SpotPrice) {
        let Some(time) = price.timestamp else { return };
        let group = Group::of(price);
        let mut groups = self.write();
        let Some(times) = groups.get_mut(&group) else {
            return;
        };
        if let Some(count) = times.get_mut(&time) {
            *count -= 1;
            if *count == 0 {
                times.remove(&time);
            }
        }
        if times.is_empty() {
            groups.remove(&group);
        }
    }

    /// Forgets every change.
    pub fn clear(&self) {
        self.write().clear();
    }

    /// Whether `price` is the price in effect at `at`: it changed at or before `at`, and no other
    /// change of its zone, type and product came after it up to `at` (inclusive: a change at `at`
    /// itself is then the one in effect).
    pub fn is_in_effect_at(&self, price: &SpotPrice, at: DateTime) -> bool {
        let Some(time) = price.timestamp else {
            return false;
        };
        if time > at {
            return false;
        }
        let groups = self.groups.read().unwrap_or_else(|p| p.into_inner());
        groups.get(&Group::of(price)).is_none_or(|times| {
            times
                .range((
                    std::ops::Bound::Excluded(time),
                    std::ops::Bound::Included(at),
                ))
                .next()
                .is_none()
        })
    }

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, HashMap<Group, BTreeMap<DateTime, u32>>> {
        // Every change is one map operation: a panic elsewhere cannot leave one half-made.
        self.groups.write().unwrap_or_else(|p| p.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(hour: i64) -> DateTime {
        DateTime::from_unix_millis(hour * 3_600_000).unwrap()
    }

    fn price(zone: &str, hour: i64) -> SpotPrice {
        SpotPrice {
            availability_zone: Some(zone.into()),
            instance_type: "m5.large".parse().ok(),
            product_description: "Linux/UNIX".parse().ok(),
            timestamp: Some(at(hour)),
            ..SpotPrice::default()
        }
    }

    #[test]
    fn a_change_at_the_time_itself_is_the_one_in_effect() {
        let changes = SpotPriceChanges::of(&[price("a", 1), price("a", 4)]);
        assert!(changes.is_in_effect_at(&price("a", 4), at(4)));
        assert!(!changes.is_in_effect_at(&price("a", 1), at(4)));
        assert!(changes.is_in_effect_at(&price("a", 1), at(3)));
    }

    #[test]
    fn other_zones_changes_do_not_end_a_price() {
        let changes = SpotPriceChanges::of(&[price("a", 1), price("b", 2)]);
        assert!(changes.is_in_effect_at(&price("a", 1), at(3)));
    }

    #[test]
    fn a_later_change_is_not_in_effect_before_it_happens() {
        let changes = SpotPriceChanges::of(&[price("a", 1), price("a", 4)]);
        assert!(!changes.is_in_effect_at(&price("a", 4), at(3)));
    }

    #[test]
    fn a_removed_change_no_longer_ends_the_one_before() {
        let changes = SpotPriceChanges::of(&[price("a", 1), price("a", 2), price("a", 2)]);
        changes.remove(&price("a", 2));
        assert!(!changes.is_in_effect_at(&price("a", 1), at(3)));
        changes.remove(&price("a", 2));
        assert!(changes.is_in_effect_at(&price("a", 1), at(3)));
    }

    #[test]
    fn a_price_without_a_time_is_never_in_effect() {
        let timeless = SpotPrice {
            timestamp: None,
            ..price("a", 0)
        };
        let changes = SpotPriceChanges::of([&timeless]);
        assert!(!changes.is_in_effect_at(&timeless, at(3)));
    }
}
