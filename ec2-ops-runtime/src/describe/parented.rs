//! Operations whose resources belong to a parent that their answers name beside the list, not in
//! each resource: DescribeFleetInstances answers one fleet's instances under a top-level `FleetId`,
//! and an `ActiveInstance` does not say which fleet it runs in. A request names the parent (a
//! required member); the answer is that parent's resources only, IDs and tokens relative to it.
//!
//! A source keys such a resource under its parent: the parent's ID, a space, the resource's own key
//! ([`parent_key`]); the pipeline reads one parent's resources through [`WithinParent`], so a page
//! costs its size whatever the other parents hold.
//!
//! ```
//! use std::ops::ControlFlow;
//! use ec2_ops_runtime::{InMemorySource, ResourceSource, WithinParent, parent_key, split_parent_key};
//!
//! let source = InMemorySource::keyed_by_position();
//! source.insert_at(parent_key("fleet-1", "i-1"), "first of fleet-1");
//! source.insert_at(parent_key("fleet-10", "i-1"), "first of fleet-10");
//! source.insert_at(parent_key("fleet-1", "i-2"), "second of fleet-1");
//! let fleet = WithinParent::new(&source, "fleet-1");
//! let mut seen = Vec::new();
//! fleet.scan_after(None, &mut |id, value| {
//!     seen.push((id.to_owned(), *value));
//!     ControlFlow::Continue(())
//! });
//! assert_eq!(seen, [("i-1".to_owned(), "first of fleet-1"), ("i-2".to_owned(), "second of fleet-1")]);
//! assert_eq!(fleet.get("i-2"), Some("second of fleet-1"));
//! assert!(!fleet.contains("i-3"));
//! assert_eq!(split_parent_key(&parent_key("fleet-1", "i-2")), Some(("fleet-1", "i-2")));
//! ```

use std::ops::ControlFlow;

use crate::describe::source::ResourceSource;
use crate::operation::IdSpec;

/// The key a source stores a resource of `parent` under: the parent's ID, a space, the resource's
/// own key (its ID, or its position). The space sorts before every character of an ID, so one
/// parent's resources are together, in their own order.
pub fn parent_key(parent: &str, key: &str) -> String {
    let mut whole = String::with_capacity(parent.len() + 1 + key.len());
    whole.push_str(parent);
    whole.push(' ');
    whole.push_str(key);
    whole
}

/// A key made by [`parent_key`] split back into the parent's ID and the resource's own key;
/// `None` for a key no parent's.
pub fn split_parent_key(key: &str) -> Option<(&str, &str)> {
    key.split_once(' ')
}

/// The parent a request names, for an operation whose answers name it
/// ([`DescribeInput::parent`](crate::DescribeInput::parent)).
#[derive(Debug, Clone, Copy)]
pub struct ParentScope<'a> {
    /// The parent's ID, as the request gives it (`FleetId`).
    pub id: &'a str,
    /// The member's not-found rules: a parent that the operation listing parents does not serve is
    /// `not_found_code` (`InvalidFleetId.NotFound`), checked on the first page.
    pub spec: &'static IdSpec,
    /// The operation listing the parents (`DescribeFleets`), where one is named: the context says
    /// whether it serves the parent ([`DescribeContext::serves`](crate::DescribeContext::serves)).
    pub listed_by: Option<&'static str>,
}

/// One parent's resources of a source keyed by [`parent_key`], read as a source of their own:
/// the keys it hands out and takes are the resources' own, without the parent.
pub struct WithinParent<'a, S: ?Sized> {
    source: &'a S,
    parent: String,
    /// The parent's ID and a space: what each of its keys starts with.
    prefix: String,
}

impl<'a, S: ?Sized> WithinParent<'a, S> {
    /// `parent`'s resources of `source`.
    pub fn new(source: &'a S, parent: &str) -> Self {
        WithinParent {
            source,
            parent: parent.to_owned(),
            prefix: parent_key(parent, ""),
        }
    }
}

impl<R, S: ResourceSource<R> + ?Sized> ResourceSource<R> for WithinParent<'_, S> {
    fn get(&self, id: &str) -> Option<R> {
        self.source.get(&parent_key(&self.parent, id))
    }

    fn contains(&self, id: &str) -> bool {
        self.source.contains(&parent_key(&self.parent, id))
    }

    fn scan_after(&self, after: Option<&str>, visit: &mut dyn FnMut(&str, &R) -> ControlFlow<()>) {
        // From after the token's key, or from the parent's ID alone, which sorts before every key
        // it prefixes; the parent's keys end where the prefix stops.
        let start = match after {
            Some(after) => parent_key(&self.parent, after),
            None => self.parent.clone(),
        };
        self.source.scan_after(Some(&start), &mut |key, resource| {
            match key.strip_prefix(self.prefix.as_str()) {
                Some(own) => visit(own, resource),
                // A key between the parent's ID and its first prefixed key (a control character
                // after the ID) is another parent's; anything above the prefix ends the parent's.
                None if key < self.prefix.as_str() => ControlFlow::Continue(()),
                None => ControlFlow::Break(()),
            }
        });
    }
}
