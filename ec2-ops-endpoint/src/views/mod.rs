//! What one operation shows of another's resources, derived from them when asked rather than
//! stored twice, so a change to a resource shows everywhere at once:
//!
//! - [`tags`]: DescribeTags lists the tags of every tagged resource served here; its own data adds
//!   tags of resources not served here;
//! - [`volumes`]: a volume's attachments to instances served here are those instances' block
//!   device mappings;
//! - [`rules`]: DescribeSecurityGroupRules lists the rules of the security groups served here (one
//!   per source of each permission), beside its own seeded rules;
//! - [`statuses`]: DescribeInstanceStatus lists the status of each instance served here (its
//!   state, zone, Outpost; no checks, which only EC2 observes), a seeded status winning for its
//!   instance;
//! - [`attributes`]: the instance, VPC, volume, network interface, image, snapshot and address attribute
//!   operations answer the attributes of the resources served here (images and snapshots: the
//!   account's), seeded attributes winning; a network interface's are derived on each read from
//!   the interface DescribeNetworkInterfaces answers ([`AttributesOf`]), seeded or an instance's;
//! - [`credits`]: DescribeInstanceCreditSpecifications answers the credit option of each burstable
//!   instance served here (its family's launch default), seeded specifications winning;
//! - [`volume_statuses`]: DescribeVolumeStatus lists the status of each volume served here (its
//!   zone and Outpost; no checks, which only EC2 observes), a seeded status winning;
//! - [`interfaces`]: DescribeNetworkInterfaces lists the network interfaces of the instances
//!   served here (with the instance's ID, owner and zone), seeded interfaces winning;
//! - [`templates`]: DescribeLaunchTemplates lists the templates of the launch template versions
//!   served here, seeded templates winning.
//!
//! And [`indexes`] hooks read rather than views: the Spot price changes by zone, type and product
//! (DescribeSpotPriceHistory's `StartTime`), the instance types the Region's offerings name
//! (DescribeInstanceTypes' `IncludeUnsupportedInRegion`).
//!
//! A view with at most one item per resource of its source, under the resource's ID (statuses,
//! attributes, credit specifications, volume statuses), derives each item from its resource as it
//! is read ([`DerivedFrom`]): it keeps nothing. The others read an index their sources' slots keep
//! up to date as resources are put and removed (under the store's exclusive lock): DescribeTags'
//! holds a key per tag and reads each item from its resource. Either way a page or a look-up costs
//! its size and a few seeks, never a pass over the store.

pub(crate) mod attributes;
pub(crate) mod credits;
pub(crate) mod indexes;
pub(crate) mod interfaces;
pub(crate) mod rules;
pub(crate) mod statuses;
pub(crate) mod tags;
pub(crate) mod templates;
pub(crate) mod volume_statuses;
pub(crate) mod volumes;

use std::borrow::Cow;
use std::ops::ControlFlow;
use std::sync::Arc;

use crate::store::held::Held;
use ec2_ops::ResourceSource;
use serde::Serialize;
use serde::de::DeserializeOwned;

/// A shared source of `R` behind a trait object, so a view can be registered for an operation
/// whose resource type the registering code knows only generically.
pub(crate) struct Shared<R>(pub Arc<dyn ResourceSource<R> + Send + Sync>);

impl<R> ResourceSource<R> for Shared<R> {
    fn get(&self, id: &str) -> Option<R> {
        self.0.get(id)
    }

    fn contains(&self, id: &str) -> bool {
        self.0.contains(id)
    }

    fn scan_after(&self, after: Option<&str>, visit: &mut dyn FnMut(&str, &R) -> ControlFlow<()>) {
        self.0.scan_after(after, visit);
    }

    fn scan_after_owned(
        &self,
        after: Option<&str>,
        visit: &mut dyn FnMut(&str, Cow<'_, R>) -> ControlFlow<()>,
    ) where
        R: Clone,
    {
        self.0.scan_after_owned(after, visit);
    }
}

/// Items read from a source in one batch: those taken, the last key visited, and whether the
/// source has no more.
struct Batch<T> {
    items: Vec<(String, T)>,
    last: Option<String>,
    exhausted: bool,
}

/// How many items a merged scan reads from each source at first, and at most: it starts small, for
/// the small pages, and doubles while its caller goes on reading.
const FIRST_BATCH: usize = 8;
const LARGEST_BATCH: usize = 512;

fn batch<S, T>(
    source: &dyn ResourceSource<S>,
    after: Option<&str>,
    size: usize,
    take: &dyn Fn(&S) -> Option<T>,
) -> Batch<T> {
    let mut batch = Batch {
        items: Vec::new(),
        last: None,
        exhausted: true,
    };
    let mut visited = 0;
    source.scan_after(after, &mut |key, item| {
        if let Some(taken) = take(item) {
            batch.items.push((key.to_owned(), taken));
        }
        batch.last = Some(key.to_owned());
        visited += 1;
        if visited == size {
            batch.exhausted = false;
            return ControlFlow::Break(());
        }
        ControlFlow::Continue(())
    });
    batch
}

/// Visits the items of `first` and those `take` takes from `second` (as `first`'s items) in key
/// order after `after`, as if they were one source (their keys are distinct): read in batches
/// from each, so a page costs its size and a seek in each, whatever the sources hold.
pub(crate) fn merge_scan<T: Clone, U>(
    first: &dyn ResourceSource<T>,
    second: &dyn ResourceSource<U>,
    after: Option<&str>,
    take: &dyn Fn(&U) -> Option<T>,
    visit: &mut dyn FnMut(&str, &T) -> ControlFlow<()>,
) {
    let mut cursor = after.map(str::to_owned);
    let mut size = FIRST_BATCH;
    loop {
        let ours = batch(first, cursor.as_deref(), size, &|item: &T| {
            Some(item.clone())
        });
        let theirs = batch(second, cursor.as_deref(), size, take);
        size = (size * 2).min(LARGEST_BATCH);
        // Items up to the smaller of the two last keys are all known; beyond a source that has
        // more, the next batch decides.
        let bound = match (ours.exhausted, theirs.exhausted) {
            (true, true) => None,
            (false, true) => ours.last.clone(),
            (true, false) => theirs.last.clone(),
            (false, false) => ours.last.clone().min(theirs.last.clone()),
        };
        let within = |key: &String| bound.as_ref().is_none_or(|bound| key <= bound);
        let mut ours = ours
            .items
            .into_iter()
            .filter(|(key, _)| within(key))
            .peekable();
        let mut theirs = theirs
            .items
            .into_iter()
            .filter(|(key, _)| within(key))
            .peekable();
        loop {
            let next = match (ours.peek(), theirs.peek()) {
                (Some((a, _)), Some((b, _))) if a <= b => ours.next(),
                (Some(_), Some(_)) => theirs.next(),
                (Some(_), None) => ours.next(),
                (None, Some(_)) => theirs.next(),
                (None, None) => break,
            };
            let (key, item) = next.expect("peeked");
            if visit(&key, &item).is_break() {
                return;
            }
        }
        match bound {
            Some(bound) => cursor = Some(bound),
            None => return,
        }
    }
}

/// An operation's source over resources another operation's derive: its own seeded resources, each
/// filled with the members it does not hold from the one derived for the same ID, and the derived
/// resources no seeded one names (attribute operations, DescribeLaunchTemplates).
pub(crate) struct MergedView<A> {
    pub seeded: Arc<Held<A>>,
    pub derived: Arc<dyn ResourceSource<Arc<A>> + Send + Sync>,
    pub id: fn(&Arc<A>) -> &str,
}

/// Items derived on each read from another operation's resources, at most one per resource and
/// under its key (an instance's status, a volume's attributes): nothing is kept but the resources,
/// so the view costs no memory and a read costs an unpack of each resource it visits.
pub(crate) struct DerivedFrom<R, A> {
    pub resources: Arc<Held<R>>,
    /// The account the store is (only its own images and snapshots have attributes).
    pub account: String,
    pub derive: fn(&R, &str) -> Option<A>,
}

impl<R, A> ResourceSource<Arc<A>> for DerivedFrom<R, A>
where
    R: Serialize + DeserializeOwned,
{
    fn get(&self, id: &str) -> Option<Arc<A>> {
        let resource = self.resources.unpacked(id)?;
        (self.derive)(&resource, &self.account).map(Arc::new)
    }

    fn contains(&self, id: &str) -> bool {
        self.get(id).is_some()
    }

    fn scan_after(
        &self,
        after: Option<&str>,
        visit: &mut dyn FnMut(&str, &Arc<A>) -> ControlFlow<()>,
    ) {
        self.resources
            .scan_unpacked(
                after,
                &mut |key, resource| match (self.derive)(&resource, &self.account) {
                    Some(derived) => visit(key, &Arc::new(derived)),
                    None => ControlFlow::Continue(()),
                },
            );
    }
}

/// `seeded`, with the members it does not hold taken from `derived`.
fn filled<A: Serialize + DeserializeOwned>(seeded: &A, derived: &A) -> Option<A> {
    let mut whole = serde_json::to_value(derived).ok()?;
    let serde_json::Value::Object(held) = serde_json::to_value(seeded).ok()? else {
        return None;
    };
    let members = whole.as_object_mut()?;
    members.extend(held);
    serde_json::from_value(whole).ok()
}

impl<A: Clone + Send + Sync + Serialize + DeserializeOwned> ResourceSource<A> for MergedView<A> {
    fn get(&self, id: &str) -> Option<A> {
        let seeded = self.seeded.unpacked(id);
        let derived = self.derived.get(id).map(Arc::unwrap_or_clone);
        match (seeded, derived) {
            (Some(seeded), Some(derived)) => filled(&seeded, &derived).or(Some(seeded)),
            (seeded, derived) => seeded.or(derived),
        }
    }

    fn contains(&self, id: &str) -> bool {
        self.seeded.contains(id) || self.derived.contains(id)
    }

    fn scan_after(&self, after: Option<&str>, visit: &mut dyn FnMut(&str, &A) -> ControlFlow<()>) {
        merge_scan(
            &*self.seeded,
            &*self.derived,
            after,
            &|item: &Arc<A>| (!self.seeded.contains((self.id)(item))).then(|| Arc::clone(item)),
            // A seeded record is answered filled, as a look-up answers it.
            &mut |id, attribute: &Arc<A>| match self.get(id) {
                Some(whole) => visit(id, &whole),
                None => visit(id, attribute),
            },
        );
    }
}

/// An attribute operation's source over another operation's view of its resources
/// (DescribeNetworkInterfaceAttribute over DescribeNetworkInterfaces' view, which holds the
/// seeded interfaces and those of the served instances): its own seeded records, each filled
/// with the members it lacks from the attributes of the resource with the same ID, and the
/// attributes of every resource no record is seeded for. Derived on each read rather than
/// indexed, so that the attributes answer for exactly the resources the view answers, however
/// those are derived.
pub(crate) struct AttributesOf<R, A> {
    pub seeded: Arc<Held<A>>,
    pub resources: Arc<dyn ResourceSource<R> + Send + Sync>,
    pub derive: fn(&R) -> Option<A>,
    pub id: fn(&Arc<A>) -> &str,
}

impl<R, A> ResourceSource<A> for AttributesOf<R, A>
where
    A: Clone + Send + Sync + Serialize + DeserializeOwned,
{
    fn get(&self, id: &str) -> Option<A> {
        let seeded = self.seeded.unpacked(id);
        let derived = self
            .resources
            .get(id)
            .and_then(|resource| (self.derive)(&resource));
        match (seeded, derived) {
            (Some(seeded), Some(derived)) => filled(&seeded, &derived).or(Some(seeded)),
            (seeded, derived) => seeded.or(derived),
        }
    }

    fn contains(&self, id: &str) -> bool {
        self.seeded.contains(id) || self.get(id).is_some()
    }

    fn scan_after(&self, after: Option<&str>, visit: &mut dyn FnMut(&str, &A) -> ControlFlow<()>) {
        merge_scan(
            &*self.seeded,
            &*self.resources,
            after,
            &|resource: &R| {
                let attribute = Arc::new((self.derive)(resource)?);
                (!self.seeded.contains((self.id)(&attribute))).then_some(attribute)
            },
            // A seeded record is answered filled, as a look-up answers it.
            &mut |id, attribute: &Arc<A>| match self.get(id) {
                Some(whole) => visit(id, &whole),
                None => visit(id, attribute),
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use ec2_ops::InMemorySource;

    use super::*;

    /// The merged scan of two sources, from `after`, stopping after `limit` items.
    fn merged(first: &[&str], second: &[&str], after: Option<&str>, limit: usize) -> Vec<String> {
        let mut a = InMemorySource::new(|item: &String| item.as_str());
        a.extend(first.iter().map(|key| (*key).to_owned()));
        let mut b = InMemorySource::new(|item: &String| item.as_str());
        b.extend(second.iter().map(|key| (*key).to_owned()));
        let mut seen = Vec::new();
        merge_scan(
            &a,
            &b,
            after,
            &|item: &String| (!item.ends_with('x')).then(|| item.clone()),
            &mut |key, _| {
                seen.push(key.to_owned());
                if seen.len() == limit {
                    ControlFlow::Break(())
                } else {
                    ControlFlow::Continue(())
                }
            },
        );
        seen
    }

    #[test]
    fn a_merged_scan_lists_both_sources_in_key_order_across_batches() {
        let first: Vec<String> = (0..300)
            .filter(|n| n % 3 == 0)
            .map(|n| format!("k{n:04}"))
            .collect();
        let second: Vec<String> = (0..300)
            .filter(|n| n % 3 != 0)
            .map(|n| format!("k{n:04}{}", if n % 7 == 0 { "x" } else { "" }))
            .collect();
        let first: Vec<&str> = first.iter().map(String::as_str).collect();
        let second: Vec<&str> = second.iter().map(String::as_str).collect();
        let mut expected: Vec<String> = first
            .iter()
            .chain(second.iter().filter(|key| !key.ends_with('x')))
            .map(|key| (*key).to_owned())
            .collect();
        expected.sort();
        assert_eq!(merged(&first, &second, None, usize::MAX), expected);
        assert_eq!(
            merged(&first, &second, Some("k0150"), usize::MAX),
            expected
                .iter()
                .filter(|key| key.as_str() > "k0150")
                .cloned()
                .collect::<Vec<_>>()
        );
        assert_eq!(merged(&first, &second, None, 5), expected[..5]);
        assert_eq!(
            merged(&[], &second, None, usize::MAX).len(),
            second.iter().filter(|key| !key.ends_with('x')).count()
        );
        assert_eq!(merged(&first, &[], None, usize::MAX).len(), first.len());
    }
}
