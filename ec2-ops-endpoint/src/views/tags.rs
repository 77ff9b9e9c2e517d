//! DescribeTags' view of the store: the tags of every served resource, one item per resource and
//! key, so a resource's tags are recorded once, on the resource. The items' keys are kept in an
//! index that each tagged operation's slot updates as its resources change, so a page of
//! DescribeTags costs its size, not the store's; each item is read from its resource.

use std::ops::ControlFlow;
use std::sync::Arc;

use ec2_ops::operations::tags::{ResourceType, TagDescription};
use ec2_ops::{InMemorySource, ResourceSource, Tag};
use ec2_ops_catalog::CatalogOperation;

use super::merge_scan;
use crate::store::held::Held;
use crate::store::slot::Observer;

/// The served resources' tag items, by [`tag_item_key`](crate::store::slot::tag_item_key): each the place, in [`IndexedTags::tagged`],
/// of the operation serving its resource. The item itself (its value, its resource type) is read
/// from the resource when asked, so the index keeps a key and two bytes per tag, not a copy.
pub(crate) type TagIndex = InMemorySource<u16>;

/// An empty index.
pub(crate) fn tag_index() -> TagIndex {
    // Every item goes in under its key (`insert_at`); the keying is never used.
    InMemorySource::keyed_by_position()
}

/// Keeps `index` up to date with operation `O`'s resources, served by `IndexedTags::tagged[place]`.
pub(crate) fn tag_observer<O: CatalogOperation>(
    index: Arc<TagIndex>,
    place: u16,
) -> Observer<O::Item> {
    Box::new(move |gone, came| {
        if let Some(gone) = gone {
            let id = O::resource_id(gone);
            for tag in O::resource_tags(gone) {
                index.remove(&format!("{id} {}", tag.key));
            }
        }
        if let Some(came) = came {
            let id = O::resource_id(came);
            for tag in O::resource_tags(came) {
                index.insert_at(format!("{id} {}", tag.key), place);
            }
        }
    })
}

/// Whether a resource with an ID is served by one tagged operation.
pub(crate) type Serves = Box<dyn Fn(&str) -> bool + Send + Sync>;

/// The tags of the served resource with an ID, if it is served.
pub(crate) type TagsOf = Box<dyn Fn(&str) -> Option<Vec<Tag>> + Send + Sync>;

/// One tagged operation, as DescribeTags reads its resources' tags.
pub(crate) struct Tagged {
    /// What DescribeTags calls its resources.
    pub resource_type: ResourceType,
    pub tags_of: TagsOf,
}

/// The tags of the resource an index item was last read from: one resource's items are adjacent
/// in key order, so a scan reads (unpacks) each resource once, not once per tag.
#[derive(Default)]
struct LastRead {
    place: u16,
    id: String,
    tags: Option<Vec<Tag>>,
}

/// The index's items, each read from its resource.
pub(crate) struct IndexedTags {
    pub index: Arc<TagIndex>,
    /// The tagged operations, in the places the index names.
    pub tagged: Vec<Tagged>,
}

impl IndexedTags {
    /// The item under `key`, served by `tagged[place]`, its resource's tags read into `last`
    /// unless they are there already.
    fn item(&self, key: &str, place: u16, last: &mut LastRead) -> Option<Arc<TagDescription>> {
        // A resource ID holds no space; the tag key may.
        let (id, tag_key) = key.split_once(' ')?;
        let tagged = self.tagged.get(usize::from(place))?;
        if last.place != place || last.id != id || last.id.is_empty() {
            *last = LastRead {
                place,
                id: id.to_owned(),
                tags: (tagged.tags_of)(id),
            };
        }
        let value = last
            .tags
            .as_deref()?
            .iter()
            .find(|tag| tag.key == tag_key)?
            .value
            .clone();
        Some(Arc::new(TagDescription {
            key: Some(tag_key.to_owned()),
            resource_id: Some(id.to_owned()),
            resource_type: Some(tagged.resource_type.clone()),
            value: Some(value),
        }))
    }
}

impl ResourceSource<Arc<TagDescription>> for IndexedTags {
    fn get(&self, key: &str) -> Option<Arc<TagDescription>> {
        let place = self.index.with(key, |place| *place)?;
        self.item(key, place, &mut LastRead::default())
    }

    fn contains(&self, key: &str) -> bool {
        self.index.contains(key)
    }

    fn scan_after(
        &self,
        after: Option<&str>,
        visit: &mut dyn FnMut(&str, &Arc<TagDescription>) -> ControlFlow<()>,
    ) {
        let mut last = LastRead::default();
        self.index.scan_after(
            after,
            &mut |key, place| match self.item(key, *place, &mut last) {
                Some(item) => visit(key, &item),
                None => ControlFlow::Continue(()),
            },
        );
    }
}

/// DescribeTags' source: the served resources' tags from the index, and DescribeTags' own items
/// naming resources not served here, merged in [`tag_item_key`](crate::store::slot::tag_item_key) order.
pub(crate) struct TagView {
    pub index: IndexedTags,
    /// DescribeTags' own items; those of a served resource are not listed (its tags are the
    /// record).
    pub seeded: Arc<Held<TagDescription>>,
    /// One check per tagged operation.
    pub serves: Vec<Serves>,
}

impl TagView {
    /// Whether a seeded item is listed: its resource is not served here.
    fn listed(&self, item: &TagDescription) -> bool {
        let id = item.resource_id.as_deref().unwrap_or_default();
        !self.serves.iter().any(|serves| serves(id))
    }
}

impl ResourceSource<TagDescription> for TagView {
    fn get(&self, id: &str) -> Option<TagDescription> {
        self.index
            .get(id)
            .map(Arc::unwrap_or_clone)
            .or_else(|| self.seeded.unpacked(id).filter(|item| self.listed(item)))
    }

    fn contains(&self, id: &str) -> bool {
        self.get(id).is_some()
    }

    fn scan_after(
        &self,
        after: Option<&str>,
        visit: &mut dyn FnMut(&str, &TagDescription) -> ControlFlow<()>,
    ) {
        merge_scan(
            &self.index,
            &*self.seeded,
            after,
            &|item: &Arc<TagDescription>| self.listed(item).then(|| Arc::clone(item)),
            &mut |key, item| visit(key, item),
        );
    }
}
