//! DescribeTags' view of the store: the tags of every served resource, one item per resource and
//! key, so a resource's tags are recorded once, on the resource. The items are kept in an index
//! that each tagged operation's slot updates as its resources change, so a page of DescribeTags
//! costs its size, not the store's.

use std::ops::ControlFlow;
use std::sync::Arc;

use ec2_ops::operations::tags::{ResourceType, TagDescription};
use ec2_ops::{InMemorySource, ResourceSource};
use ec2_ops_catalog::CatalogOperation;

use super::merge_scan;
use crate::store::slot::{Observer, tag_item_key};

/// The served resources' tag items, by [`tag_item_key`].
pub(crate) type TagIndex = InMemorySource<TagDescription>;

/// An empty index.
pub(crate) fn tag_index() -> TagIndex {
    InMemorySource::keyed_by(tag_item_key::<TagDescription>)
}

/// Keeps `index` up to date with operation `O`'s resources, listed as `resource_type`.
pub(crate) fn tag_observer<O: CatalogOperation>(
    index: Arc<TagIndex>,
    resource_type: ResourceType,
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
                index.insert(TagDescription {
                    key: Some(tag.key.clone()),
                    resource_id: Some(id.to_owned()),
                    resource_type: Some(resource_type.clone()),
                    value: Some(tag.value.clone()),
                });
            }
        }
    })
}

/// Whether a resource with an ID is served by one tagged operation.
pub(crate) type Serves = Box<dyn Fn(&str) -> bool + Send + Sync>;

/// DescribeTags' source: the served resources' tags from the index, and DescribeTags' own items
/// naming resources not served here, merged in [`tag_item_key`] order.
pub(crate) struct TagView {
    pub index: Arc<TagIndex>,
    /// DescribeTags' own items; those of a served resource are not listed (its tags are the
    /// record).
    pub seeded: Arc<InMemorySource<Arc<TagDescription>>>,
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
        self.index.get(id).or_else(|| {
            self.seeded
                .with(id, |item| (**item).clone())
                .filter(|item| self.listed(item))
        })
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
            &*self.index,
            &*self.seeded,
            after,
            &|item: &Arc<TagDescription>| self.listed(item).then(|| (**item).clone()),
            &mut |key, item| visit(key, item),
        );
    }
}
