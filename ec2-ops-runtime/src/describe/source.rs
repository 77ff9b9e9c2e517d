//! Where resources come from: a source ordered by resource ID.

use std::borrow::Cow;
use std::cell::Cell;
use std::collections::BTreeMap;
use std::ops::{Bound, ControlFlow};
use std::sync::RwLock;

thread_local! {
    /// Resources this thread has examined in any [`InMemorySource`]: see
    /// [`examined_on_this_thread`].
    static EXAMINED: Cell<u64> = const { Cell::new(0) };
}

/// How many resources this thread has examined in any `InMemorySource` so far: each one a
/// scan visited and each look-up by ID. The cost of a request is the difference before and
/// after it, which tests use to check that a page costs what its size says rather than what
/// the store holds (a thread-local count: no contention between threads serving requests).
///
/// ```
/// use ec2_ops_runtime::{InMemorySource, ResourceSource, examined_on_this_thread};
///
/// let mut source = InMemorySource::new(|name: &String| name.as_str());
/// source.extend(["a", "b", "c"].map(String::from));
/// let before = examined_on_this_thread();
/// source.scan_after(Some("a"), &mut |_, _| std::ops::ControlFlow::Break(()));
/// assert!(source.contains("c"));
/// assert_eq!(examined_on_this_thread() - before, 2);
/// ```
pub fn examined_on_this_thread() -> u64 {
    EXAMINED.with(Cell::get)
}

/// Counts `count` resources examined on this thread.
fn examined(count: u64) {
    EXAMINED.with(|examined| examined.set(examined.get().wrapping_add(count)));
}

/// Resources ordered by ID. The [`describe`](crate::describe::describe()) pipeline reads pages from it by resuming
/// after an ID, so a page costs a seek plus the page, never a rescan from the start.
pub trait ResourceSource<R> {
    /// The resource with `id`, cloned out.
    fn get(&self, id: &str) -> Option<R>;

    /// Whether a resource with `id` exists.
    fn contains(&self, id: &str) -> bool;

    /// Visits resources in ascending ID order, starting strictly after `after` (from the first when
    /// `None`), until `visit` breaks or the resources run out.
    fn scan_after(&self, after: Option<&str>, visit: &mut dyn FnMut(&str, &R) -> ControlFlow<()>);

    /// [`scan_after`](Self::scan_after), handing each resource over: a source that makes its
    /// resources as it reads them (decoding or deriving each) gives them owned, so the pipeline
    /// keeps one for its page without cloning it. By default each is lent.
    fn scan_after_owned(
        &self,
        after: Option<&str>,
        visit: &mut dyn FnMut(&str, Cow<'_, R>) -> ControlFlow<()>,
    ) where
        R: Clone,
    {
        self.scan_after(after, &mut |id, resource| {
            visit(id, Cow::Borrowed(resource))
        });
    }
}

/// A thread-safe, in-memory [`ResourceSource`]: a B-tree keyed by resource ID behind a read-write lock,
/// so inserts and removals between pages are safe and pages seek in O(log n).
///
/// ```
/// use ec2_ops_runtime::{InMemorySource, ResourceSource};
///
/// let source = InMemorySource::new(|name: &String| name.as_str());
/// source.insert("b".to_owned());
/// source.insert("a".to_owned());
/// let mut seen = Vec::new();
/// source.scan_after(Some("a"), &mut |id, _| { seen.push(id.to_owned()); std::ops::ControlFlow::Continue(()) });
/// assert_eq!(seen, ["b"]);
/// ```
pub struct InMemorySource<R> {
    keying: Keying<R>,
    items: RwLock<BTreeMap<String, R>>,
}

/// How an [`InMemorySource`] keys the resources inserted.
enum Keying<R> {
    /// By the resource's ID.
    Id(fn(&R) -> &str),
    /// By a key made from the resource, for resources whose ID is not unique (a tag item is one
    /// resource's tag: its key is the resource's ID and the tag's key together).
    Computed(fn(&R) -> String),
    /// By the order of insertion: each resource after the last one held.
    Position,
}

impl<R> Clone for Keying<R> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<R> Copy for Keying<R> {}

impl<R> Keying<R> {
    /// The key `resource` goes under in `items`.
    fn key(self, items: &BTreeMap<String, R>, resource: &R) -> String {
        match self {
            Keying::Id(id_of) => id_of(resource).to_owned(),
            Keying::Computed(key_of) => key_of(resource),
            Keying::Position => {
                let next = items
                    .last_key_value()
                    .and_then(|(last, _)| last.parse::<usize>().ok())
                    .map_or(0, |last| last + 1);
                // Zero-padded to 20 digits, so keys sort as positions do for any `usize`.
                format!("{next:020}")
            }
        }
    }
}

impl<R> std::fmt::Debug for InMemorySource<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("InMemorySource")
            .field("len", &self.len())
            .finish()
    }
}

impl<R> InMemorySource<R> {
    /// An empty source that keys resources by `id_of`.
    pub fn new(id_of: fn(&R) -> &str) -> Self {
        InMemorySource {
            keying: Keying::Id(id_of),
            items: RwLock::new(BTreeMap::new()),
        }
    }

    /// An empty source that keys resources by the order they are inserted in, for an operation
    /// whose resources no member identifies (a Client VPN endpoint's routes, a price history):
    /// pages follow that order and every resource is kept. Such an operation has no ID list, which
    /// would look resources up by ID; [`remove`](InMemorySource::remove) takes the position's key
    /// as a scan reports it.
    ///
    /// ```
    /// use ec2_ops_runtime::InMemorySource;
    ///
    /// let prices = InMemorySource::keyed_by_position();
    /// for zone in ["us-east-1b", "us-east-1a", "us-east-1b"] {
    ///     prices.insert(zone.to_owned());
    /// }
    /// assert_eq!(prices.len(), 3, "two prices in one zone are both kept");
    /// ```
    pub fn keyed_by_position() -> Self {
        InMemorySource {
            keying: Keying::Position,
            items: RwLock::new(BTreeMap::new()),
        }
    }

    /// An empty source that keys resources by `key_of`, for resources no single member
    /// identifies but several do together. Pages follow the keys' order, and an ID look-up or
    /// [`remove`](InMemorySource::remove) takes the key.
    ///
    /// ```
    /// use ec2_ops_runtime::{InMemorySource, ResourceSource};
    ///
    /// // (resource, tag key) pairs: one resource's tags are kept apart by their keys.
    /// let tags = InMemorySource::keyed_by(|tag: &(String, String)| format!("{} {}", tag.0, tag.1));
    /// tags.insert(("vpc-1".into(), "Name".into()));
    /// tags.insert(("vpc-1".into(), "Team".into()));
    /// tags.insert(("vpc-1".into(), "Name".into()));
    /// assert_eq!(tags.len(), 2);
    /// assert!(tags.contains("vpc-1 Team"));
    /// ```
    pub fn keyed_by(key_of: fn(&R) -> String) -> Self {
        InMemorySource {
            keying: Keying::Computed(key_of),
            items: RwLock::new(BTreeMap::new()),
        }
    }

    /// Removes every resource.
    pub fn clear(&self) {
        self.write().clear();
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, BTreeMap<String, R>> {
        // A panic while holding the lock cannot leave the map half-updated (each write is one map
        // call), so a poisoned lock is still safe to use.
        self.items
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, BTreeMap<String, R>> {
        self.items
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Adds or replaces a resource (by ID; a source keyed by position adds it after the others);
    /// returns the one it replaced.
    pub fn insert(&self, resource: R) -> Option<R> {
        let mut items = self.write();
        let key = self.keying.key(&items, &resource);
        items.insert(key, resource)
    }

    /// Adds `resource` under `key`, whatever the source's keying, replacing (and returning) the
    /// one held there: for resources whose key is not their own alone (one parent's, under
    /// [`parent_key`](crate::parent_key)).
    pub fn insert_at(&self, key: String, resource: R) -> Option<R> {
        self.write().insert(key, resource)
    }

    /// Removes the resource with `id` (for a source keyed by position, the key a scan reports).
    pub fn remove(&self, id: &str) -> Option<R> {
        self.write().remove(id)
    }

    /// Number of resources.
    pub fn len(&self) -> usize {
        self.read().len()
    }

    /// Whether the source is empty.
    pub fn is_empty(&self) -> bool {
        self.read().is_empty()
    }
}

impl<R> Extend<R> for InMemorySource<R> {
    fn extend<I: IntoIterator<Item = R>>(&mut self, resources: I) {
        let keying = self.keying;
        let items = self
            .items
            .get_mut()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        for resource in resources {
            let key = keying.key(items, &resource);
            items.insert(key, resource);
        }
    }
}

impl<R> InMemorySource<R> {
    /// The resource with `id`, borrowed for `read` (which runs under the source's read lock, so
    /// keep it short): a look-up without the clone [`ResourceSource::get`] makes.
    pub fn with<T>(&self, id: &str, read: impl FnOnce(&R) -> T) -> Option<T> {
        examined(1);
        self.read().get(id).map(read)
    }
}

impl<R: Clone> ResourceSource<R> for InMemorySource<R> {
    fn get(&self, id: &str) -> Option<R> {
        examined(1);
        self.read().get(id).cloned()
    }

    fn contains(&self, id: &str) -> bool {
        examined(1);
        self.read().contains_key(id)
    }

    fn scan_after(&self, after: Option<&str>, visit: &mut dyn FnMut(&str, &R) -> ControlFlow<()>) {
        let items = self.read();
        let start = after.map_or(Bound::Unbounded, Bound::Excluded);
        let mut visited = 0;
        for (id, resource) in items.range::<str, _>((start, Bound::Unbounded)) {
            visited += 1;
            if visit(id, resource).is_break() {
                break;
            }
        }
        examined(visited);
    }
}
