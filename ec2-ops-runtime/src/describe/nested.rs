//! Operations that describe the items inside each resource (DescribeInstances: the instances of each
//! reservation). IDs, filters and pages address the items; the response lists each resource with only
//! its matching items, and no resource without one.
//!
//! A source stores such a resource as *units*: one copy of the resource per item, each holding only
//! that item ([`DescribeOperation::units`](crate::DescribeOperation::units)), keyed by the item's ID.
//! Filters then see the resource's own fields and exactly one item, and a page is a run of units that
//! [`group_units`] folds back into resources.
//!
//! ```
//! use ec2_ops_runtime::{NestedItems, group_units};
//!
//! #[derive(Clone, Debug, PartialEq)]
//! struct Reservation { id: &'static str, instances: Option<Vec<&'static str>> }
//!
//! let unit = |id, instance| Reservation { id, instances: NestedItems::one(instance) };
//! let page = vec![unit("r-1", "i-1"), unit("r-2", "i-2"), unit("r-1", "i-3")];
//! let grouped = group_units(page, |r| r.id, |into, from| into.instances.append_items(from.instances));
//! assert_eq!(grouped, [
//!     Reservation { id: "r-1", instances: Some(vec!["i-1", "i-3"]) },
//!     Reservation { id: "r-2", instances: Some(vec!["i-2"]) },
//! ]);
//! ```

use std::collections::HashMap;

/// A resource's list field holding the items a nested operation describes: `Vec<T>` or
/// `Option<Vec<T>>` (absent and empty differ on the wire).
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot hold nested items",
    label = "`nested(field = ...)` must name a `Vec<T>` or `Option<Vec<T>>` field"
)]
pub trait NestedItems {
    /// The item type.
    type Item;

    /// The first item, if any (a unit's only one).
    fn first_item(&self) -> Option<&Self::Item>;

    /// Takes every item out, leaving the list empty.
    fn take_items(&mut self) -> Vec<Self::Item>;

    /// A list holding exactly `item`.
    fn one(item: Self::Item) -> Self;

    /// Appends `other`'s items after this list's.
    fn append_items(&mut self, other: Self);

    /// How many items the list holds.
    fn item_count(&self) -> usize;
}

impl<T> NestedItems for Vec<T> {
    type Item = T;

    fn first_item(&self) -> Option<&T> {
        self.first()
    }

    fn take_items(&mut self) -> Vec<T> {
        std::mem::take(self)
    }

    fn one(item: T) -> Self {
        vec![item]
    }

    fn append_items(&mut self, mut other: Self) {
        self.append(&mut other);
    }

    fn item_count(&self) -> usize {
        self.len()
    }
}

impl<T> NestedItems for Option<Vec<T>> {
    type Item = T;

    fn first_item(&self) -> Option<&T> {
        self.as_deref().and_then(<[T]>::first)
    }

    fn take_items(&mut self) -> Vec<T> {
        self.take().unwrap_or_default()
    }

    fn one(item: T) -> Self {
        Some(vec![item])
    }

    fn append_items(&mut self, other: Self) {
        if let Some(mut other) = other {
            self.get_or_insert_with(Vec::new).append(&mut other);
        }
    }

    fn item_count(&self) -> usize {
        self.as_ref().map_or(0, Vec::len)
    }
}

/// Splits `resource` into units: one copy per item of the list `items` reaches, each holding only
/// that item. A resource without items has no units (EC2 never lists an empty reservation).
pub fn split_units<R: Clone, L: NestedItems>(
    mut resource: R,
    items: fn(&mut R) -> &mut L,
) -> Vec<R> {
    let all = items(&mut resource).take_items();
    all.into_iter()
        .map(|item| {
            let mut unit = resource.clone();
            *items(&mut unit) = L::one(item);
            unit
        })
        .collect()
}

/// Folds a page of units back into resources: units with the same `group` key become one resource
/// (the first unit's fields, every unit's items in page order, joined by `merge`), listed in the
/// order each group first appears.
pub fn group_units<R, K>(
    units: Vec<R>,
    group: impl Fn(&R) -> K,
    mut merge: impl FnMut(&mut R, R),
) -> Vec<R>
where
    K: std::hash::Hash + Eq,
{
    let mut grouped: Vec<R> = Vec::with_capacity(units.len());
    let mut index: HashMap<K, usize> = HashMap::with_capacity(units.len());
    for unit in units {
        let key = group(&unit);
        match index.get(&key) {
            Some(&at) => merge(&mut grouped[at], unit),
            None => {
                index.insert(key, grouped.len());
                grouped.push(unit);
            }
        }
    }
    grouped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Clone, Debug, PartialEq)]
    struct Group {
        id: String,
        items: Option<Vec<u32>>,
    }

    fn items(group: &mut Group) -> &mut Option<Vec<u32>> {
        &mut group.items
    }

    #[test]
    fn splitting_gives_one_unit_per_item_and_none_for_an_empty_list() {
        let group = Group {
            id: "g".into(),
            items: Some(vec![1, 2, 3]),
        };
        let units = split_units(group, items);
        assert_eq!(units.len(), 3);
        assert!(
            units
                .iter()
                .all(|unit| unit.id == "g" && unit.items.item_count() == 1)
        );
        assert!(
            split_units(
                Group {
                    id: "e".into(),
                    items: Some(vec![])
                },
                items
            )
            .is_empty()
        );
        assert!(
            split_units(
                Group {
                    id: "n".into(),
                    items: None
                },
                items
            )
            .is_empty()
        );
    }

    #[test]
    fn grouping_undoes_splitting_in_first_appearance_order() {
        let a = Group {
            id: "a".into(),
            items: Some(vec![1, 2]),
        };
        let b = Group {
            id: "b".into(),
            items: Some(vec![3]),
        };
        let mut units = split_units(a.clone(), items);
        units.insert(1, split_units(b.clone(), items).remove(0));
        let grouped = group_units(
            units,
            |g| g.id.clone(),
            |into, from| into.items.append_items(from.items),
        );
        assert_eq!(grouped, [a, b]);
    }
}
