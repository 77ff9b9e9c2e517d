//! `DescribeTags`' view of the store: the tags of every served resource, one item per resource
//! and key, so a resource's tags are recorded once, on the resource.

use std::collections::{BTreeMap, HashSet};
use std::ops::{Bound, ControlFlow};
use std::sync::Arc;

use ec2_ops::seed::tags::{ResourceType, TagDescription};
use ec2_ops::{InMemorySource, ResourceSource, Tag};

/// A `DescribeTags` item's key: its resource's ID, then its tag key. The space sorts before every
/// character of an ID, so a resource's tags stay together and in key order.
pub fn tag_item_key(tag: &TagDescription) -> String {
    format!(
        "{} {}",
        tag.resource_id.as_deref().unwrap_or_default(),
        tag.key.as_deref().unwrap_or_default()
    )
}

/// One kind of tagged resource, as `DescribeTags` sees it.
pub trait TaggedKind: Send + Sync {
    /// Calls `visit` with the ID, type and tags (possibly none) of every resource of this kind.
    fn each(&self, visit: &mut dyn FnMut(&str, &ResourceType, &[Tag]));
}

/// A resource's ID and tags (none when it has no ID).
pub type TagsOf<R> = fn(&R) -> Option<(&str, &[Tag])>;

pub struct Tagged<R> {
    pub source: Arc<InMemorySource<R>>,
    pub resource_type: ResourceType,
    pub tags_of: TagsOf<R>,
}

impl<R: Clone + Send + Sync> TaggedKind for Tagged<R> {
    fn each(&self, visit: &mut dyn FnMut(&str, &ResourceType, &[Tag])) {
        self.source.scan_after(None, &mut |_, resource| {
            if let Some((id, tags)) = (self.tags_of)(resource) {
                visit(id, &self.resource_type, tags);
            }
            ControlFlow::Continue(())
        });
    }
}

/// `DescribeTags`' source: the tags of the served resources as they are now, one item per
/// resource and key, ordered by [`tag_item_key`]. Each read gathers them afresh (a cost linear in
/// the tags served, fine for an endpoint of this size; a large store would keep an index updated on
/// writes instead).
pub struct TagView {
    pub kinds: Vec<Box<dyn TaggedKind>>,
    /// Seeded tags of resources not served here, by item key.
    pub others: BTreeMap<String, TagDescription>,
}

impl TagView {
    /// The IDs of every resource served here, tagged or not.
    pub fn served_ids(&self) -> HashSet<String> {
        let mut ids = HashSet::new();
        for kind in &self.kinds {
            kind.each(&mut |id, _, _| {
                ids.insert(id.to_owned());
            });
        }
        ids
    }

    fn gather(&self) -> BTreeMap<String, TagDescription> {
        let mut items = self.others.clone();
        for kind in &self.kinds {
            kind.each(&mut |id, resource_type, tags| {
                for tag in tags {
                    let item = TagDescription {
                        key: Some(tag.key.clone()),
                        resource_id: Some(id.to_owned()),
                        resource_type: Some(resource_type.clone()),
                        value: Some(tag.value.clone()),
                    };
                    items.insert(tag_item_key(&item), item);
                }
            });
        }
        items
    }
}

impl ResourceSource<TagDescription> for TagView {
    fn get(&self, id: &str) -> Option<TagDescription> {
        self.gather().remove(id)
    }

    fn contains(&self, id: &str) -> bool {
        self.gather().contains_key(id)
    }

    fn scan_after(
        &self,
        after: Option<&str>,
        visit: &mut dyn FnMut(&str, &TagDescription) -> ControlFlow<()>,
    ) {
        let items = self.gather();
        let start = after.map_or(Bound::Unbounded, Bound::Excluded);
        for (key, item) in items.range::<str, _>((start, Bound::Unbounded)) {
            if visit(key, item).is_break() {
                break;
            }
        }
    }
}
