//! DescribeTags' view of the store: the tags of every served resource, one item per resource and
//! key, so a resource's tags are recorded once, on the resource.

use std::collections::BTreeMap;
use std::ops::{Bound, ControlFlow};
use std::sync::Arc;

use ec2_ops::operations::tags::{ResourceType, TagDescription};
use ec2_ops::{InMemorySource, ResourceSource, Tag};
use ec2_ops_catalog::CatalogOperation;

use crate::store::slot::tag_item_key;

/// One kind of tagged resource, as DescribeTags sees it.
pub(crate) trait TaggedKind: Send + Sync {
    /// Calls `visit` with the ID, type and tags (possibly none) of every resource of this kind.
    fn each(&self, visit: &mut dyn FnMut(&str, &ResourceType, &[Tag]));

    /// Whether a resource with `id` is served as this kind.
    fn serves(&self, id: &str) -> bool;
}

/// Operation `O`'s resources as tagged resources of one `resource-type`.
pub(crate) struct TaggedSource<O: CatalogOperation> {
    pub source: Arc<InMemorySource<O::Item>>,
    pub resource_type: ResourceType,
}

impl<O: CatalogOperation> TaggedKind for TaggedSource<O> {
    fn each(&self, visit: &mut dyn FnMut(&str, &ResourceType, &[Tag])) {
        self.source.scan_after(None, &mut |id, resource| {
            visit(id, &self.resource_type, O::resource_tags(resource));
            ControlFlow::Continue(())
        });
    }

    fn serves(&self, id: &str) -> bool {
        self.source.contains(id)
    }
}

/// DescribeTags' source: the tags of the served resources as they are now, then DescribeTags' own
/// items naming resources not served here, ordered by [`tag_item_key`]. Each read gathers them
/// afresh: a cost linear in the tags served.
pub(crate) struct TagView {
    pub kinds: Vec<Box<dyn TaggedKind>>,
    /// DescribeTags' own items; those of a served resource are not listed (its tags are the
    /// record).
    pub seeded: Arc<InMemorySource<TagDescription>>,
}

impl TagView {
    fn gather(&self) -> BTreeMap<String, TagDescription> {
        let mut items = BTreeMap::new();
        self.seeded.scan_after(None, &mut |key, item| {
            let id = item.resource_id.as_deref().unwrap_or_default();
            if !self.kinds.iter().any(|kind| kind.serves(id)) {
                items.insert(key.to_owned(), item.clone());
            }
            ControlFlow::Continue(())
        });
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
