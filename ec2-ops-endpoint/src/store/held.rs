//! How the store holds resources: each one packed into a compact binary form (MessagePack, its
//! members under their AWS CLI names, absent members left out), unpacked as it is read.
//!
//! A typed resource takes room for every member its shape declares, set or not (an `Instance` is
//! 1.8 KB before its first string), and a heap block for every string; packed, it takes the bytes
//! of the members it holds, a little under its compact JSON. At a million resources this is what
//! keeps the endpoint's memory near the size of the JSON it was seeded from. The price is an
//! unpack of each resource a request examines, and of nothing else (BENCHMARKS.md, "The endpoint
//! at scale", measures both).

use std::marker::PhantomData;
use std::ops::ControlFlow;
use std::sync::Arc;

use ec2_ops::{InMemorySource, ResourceSource};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// One resource of type `T`, packed. Cloning shares the bytes (the embedded reference data's
/// resources are packed once per process and shared by every store).
pub(crate) struct Packed<T> {
    bytes: Arc<[u8]>,
    of: PhantomData<fn() -> T>,
}

impl<T> Clone for Packed<T> {
    fn clone(&self) -> Self {
        Packed {
            bytes: Arc::clone(&self.bytes),
            of: PhantomData,
        }
    }
}

impl<T: Serialize + DeserializeOwned> Packed<T> {
    /// `resource`, packed.
    pub fn of(resource: &T) -> Packed<T> {
        // Members go by name, so the form is read by the shapes' own `Deserialize` (which takes
        // members in any order and skips absent ones), the one that reads seed files.
        let bytes = rmp_serde::to_vec_named(resource)
            .expect("a resource serializes as its members, which MessagePack represents");
        Packed {
            bytes: bytes.into(),
            of: PhantomData,
        }
    }

    /// The resource, unpacked.
    pub fn unpack(&self) -> T {
        rmp_serde::from_slice(&self.bytes)
            .expect("packed bytes are a resource's own packing, which its shape reads back")
    }

    /// How many bytes the packed form takes.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.bytes.len()
    }
}

/// How a [`Held`] keys the resources inserted.
enum Keying<T> {
    /// By the resource's ID.
    Id(fn(&Arc<T>) -> &str),
    /// By a key made from the resource (a tag item: its resource's ID and its key).
    Computed(fn(&Arc<T>) -> String),
    /// By the order of insertion.
    Position,
}

/// Resources of type `T` by key, each [`Packed`]: the same keys, order, locking and costs as an
/// [`InMemorySource`] of `Arc<T>` (a look-up is one B-tree seek, a scan visits its items in key
/// order), for which it stands in; every read unpacks the resources it visits.
pub(crate) struct Held<T> {
    keying: Keying<T>,
    packed: InMemorySource<Packed<T>>,
}

impl<T: Serialize + DeserializeOwned> Held<T> {
    /// An empty holding keyed by `id_of`.
    pub fn new(id_of: fn(&Arc<T>) -> &str) -> Held<T> {
        Held::keyed(Keying::Id(id_of))
    }

    /// An empty holding keyed by `key_of`.
    pub fn keyed_by(key_of: fn(&Arc<T>) -> String) -> Held<T> {
        Held::keyed(Keying::Computed(key_of))
    }

    /// An empty holding keyed by the order resources are inserted in
    /// ([`InMemorySource::keyed_by_position`]).
    pub fn keyed_by_position() -> Held<T> {
        Held::keyed(Keying::Position)
    }

    fn keyed(keying: Keying<T>) -> Held<T> {
        Held {
            keying,
            // Keys other than positions are computed here, from the resource before it is
            // packed, and given to `insert_at`.
            packed: InMemorySource::keyed_by_position(),
        }
    }

    /// Adds or replaces `resource` (by its key; by position, after the others); the one it
    /// replaced.
    pub fn insert(&self, resource: Arc<T>) -> Option<Arc<T>> {
        let key = match self.keying {
            Keying::Id(id_of) => Some(id_of(&resource).to_owned()),
            Keying::Computed(key_of) => Some(key_of(&resource)),
            Keying::Position => None,
        };
        self.insert_packed_keyed(key, Packed::of(&*resource))
    }

    /// Adds `packed` under `key` whatever the keying (after the others when `None`), replacing
    /// (and returning) the one held there ([`InMemorySource::insert_at`]).
    pub fn insert_packed_keyed(&self, key: Option<String>, packed: Packed<T>) -> Option<Arc<T>> {
        let gone = match key {
            Some(key) => self.packed.insert_at(key, packed),
            None => self.packed.insert(packed),
        };
        gone.map(|gone| Arc::new(gone.unpack()))
    }

    /// Removes the resource under `key`; the one removed.
    pub fn remove(&self, key: &str) -> Option<Arc<T>> {
        self.packed.remove(key).map(|gone| Arc::new(gone.unpack()))
    }

    /// The resource under `key`, unpacked.
    pub fn unpacked(&self, key: &str) -> Option<T> {
        // The packing is shared out of the lock and unpacked after it, so a look-up holds the
        // lock for a seek alone.
        let packed = self.packed.with(key, Packed::clone)?;
        Some(packed.unpack())
    }

    /// The resource under `key`, unpacked for `read`.
    pub fn with<U>(&self, key: &str, read: impl FnOnce(&T) -> U) -> Option<U> {
        self.unpacked(key).map(|resource| read(&resource))
    }

    /// Visits each resource after `after` in key order, unpacked, until `visit` breaks.
    pub fn scan_unpacked(
        &self,
        after: Option<&str>,
        visit: &mut dyn FnMut(&str, T) -> ControlFlow<()>,
    ) {
        // Unpacked under the read lock: a scan's resources are read one at a time, as a page
        // takes them, without collecting the packed forms first.
        self.packed
            .scan_after(after, &mut |key, packed| visit(key, packed.unpack()));
    }

    /// Whether a resource is held under `key`.
    pub fn contains(&self, key: &str) -> bool {
        self.packed.contains(key)
    }

    /// How many resources are held.
    pub fn len(&self) -> usize {
        self.packed.len()
    }

    /// Whether none is.
    pub fn is_empty(&self) -> bool {
        self.packed.is_empty()
    }

    /// Removes every resource.
    pub fn clear(&self) {
        self.packed.clear();
    }
}

/// The resources as shared values, for the views that merge or hand them on.
impl<T: Serialize + DeserializeOwned> ResourceSource<Arc<T>> for Held<T> {
    fn get(&self, id: &str) -> Option<Arc<T>> {
        self.unpacked(id).map(Arc::new)
    }

    fn contains(&self, id: &str) -> bool {
        Held::contains(self, id)
    }

    fn scan_after(
        &self,
        after: Option<&str>,
        visit: &mut dyn FnMut(&str, &Arc<T>) -> ControlFlow<()>,
    ) {
        self.scan_unpacked(after, &mut |key, resource| visit(key, &Arc::new(resource)));
    }
}

#[cfg(test)]
mod tests {
    use ec2_ops::operations::volumes::Volume;

    use super::*;

    fn volume(id: &str, size: i32) -> Arc<Volume> {
        Arc::new(Volume {
            volume_id: Some(id.to_owned()),
            size: Some(size),
            availability_zone: Some("us-east-1a".to_owned()),
            ..Volume::default()
        })
    }

    fn volume_id(volume: &Arc<Volume>) -> &str {
        volume.volume_id.as_deref().unwrap_or_default()
    }

    #[test]
    fn a_held_resource_reads_back_equal_to_the_one_put() {
        let held = Held::new(volume_id);
        assert!(held.insert(volume("vol-2", 8)).is_none());
        assert_eq!(held.insert(volume("vol-1", 9)), None);
        let gone = held.insert(volume("vol-2", 10)).expect("the one replaced");
        assert_eq!(gone, volume("vol-2", 8));
        assert_eq!(held.len(), 2);
        assert_eq!(
            ResourceSource::get(&held, "vol-2").as_deref(),
            Some(&*volume("vol-2", 10))
        );
        assert_eq!(held.with("vol-1", |volume| volume.size), Some(Some(9)));
        let mut keys = Vec::new();
        held.scan_unpacked(None, &mut |key, volume| {
            keys.push((key.to_owned(), volume.size));
            ControlFlow::Continue(())
        });
        assert_eq!(
            keys,
            [
                ("vol-1".to_owned(), Some(9)),
                ("vol-2".to_owned(), Some(10))
            ]
        );
        assert_eq!(held.remove("vol-1"), Some(volume("vol-1", 9)));
        assert!(!held.contains("vol-1"));
    }

    #[test]
    fn a_packed_resource_takes_less_room_than_its_compact_json() {
        let volume = volume("vol-0123456789abcdef0", 8);
        let json = serde_json::to_vec(&*volume).expect("JSON");
        assert!(Packed::of(&*volume).len() < json.len());
    }

    #[test]
    fn a_holding_keyed_by_position_keeps_every_resource_in_insertion_order() {
        let held = Held::keyed_by_position();
        for size in [3, 1, 3] {
            held.insert(volume("vol-1", size));
        }
        let mut sizes = Vec::new();
        held.scan_unpacked(None, &mut |_, volume| {
            sizes.push(volume.size);
            ControlFlow::Continue(())
        });
        assert_eq!(sizes, [Some(3), Some(1), Some(3)]);
    }
}
