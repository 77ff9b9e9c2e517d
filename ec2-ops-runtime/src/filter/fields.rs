//! How a filter reaches a resource's field and compares it: the traits a filter's field path goes
//! through, implemented by the runtime for scalars, `Option`, `Vec` and `Box`, and by `#[ec2_shape]`
//! for structures.

use crate::filter::value_set::ValueSet;
use crate::types::{Tag, WireText};

/// A field a filter compares: a scalar's wire text, an optional field (absent never matches) or a list
/// (any element matches).
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no EC2 wire text to filter on",
    label = "a filter's last field must be a scalar (string, number, boolean, timestamp, #[ec2_shape] enum), or an `Option` or `Vec` of one"
)]
pub trait FilterLeaf {
    /// Whether the field matches any of `values`.
    fn filter_leaf(&self, values: &ValueSet) -> bool;

    /// Calls `visit` with each wire text the field holds (none when absent, one per list element):
    /// the texts a filter on it compares.
    fn leaf_texts(&self, visit: &mut dyn FnMut(&str));
}

impl<T: WireText + ?Sized> FilterLeaf for T {
    fn filter_leaf(&self, values: &ValueSet) -> bool {
        values.matches_wire(self)
    }

    fn leaf_texts(&self, visit: &mut dyn FnMut(&str)) {
        self.with_wire_text(visit);
    }
}

impl<T: FilterLeaf> FilterLeaf for Option<T> {
    fn filter_leaf(&self, values: &ValueSet) -> bool {
        self.as_ref().is_some_and(|value| value.filter_leaf(values))
    }

    fn leaf_texts(&self, visit: &mut dyn FnMut(&str)) {
        if let Some(value) = self {
            value.leaf_texts(visit);
        }
    }
}

impl<T: FilterLeaf> FilterLeaf for Vec<T> {
    fn filter_leaf(&self, values: &ValueSet) -> bool {
        self.iter().any(|value| value.filter_leaf(values))
    }

    fn leaf_texts(&self, visit: &mut dyn FnMut(&str)) {
        for value in self {
            value.leaf_texts(visit);
        }
    }
}

impl ValueSet {
    /// Whether a field matches, by EC2's rules for its shape (see [`FilterLeaf`]): a scalar by its
    /// wire text, an `Option` never when absent, a `Vec` when any element does.
    #[inline]
    pub fn matches_field<F: FilterLeaf + ?Sized>(&self, field: &F) -> bool {
        field.filter_leaf(self)
    }
}

/// A step along a filter's field path: a structure is itself, an absent `Option` reaches nothing, a
/// list reaches each element. This lets `storage.s3.bucket` be followed without knowing which fields
/// are optional.
#[diagnostic::on_unimplemented(
    message = "a filter path cannot go through `{Self}`",
    label = "every step but the last must be an #[ec2_shape] struct, or an `Option`, `Vec` or `Box` of one"
)]
pub trait FilterPath {
    /// The structure reached.
    type Target;

    /// Whether `f` answers `true` for any structure reached.
    fn reach<F: FnMut(&Self::Target) -> bool>(&self, f: &mut F) -> bool;
}

impl<T: FilterPath> FilterPath for Option<T> {
    type Target = T::Target;
    fn reach<F: FnMut(&Self::Target) -> bool>(&self, f: &mut F) -> bool {
        self.as_ref().is_some_and(|inner| inner.reach(f))
    }
}

impl<T: FilterPath> FilterPath for Vec<T> {
    type Target = T::Target;
    fn reach<F: FnMut(&Self::Target) -> bool>(&self, f: &mut F) -> bool {
        self.iter().any(|inner| inner.reach(f))
    }
}

impl<T: FilterPath> FilterPath for Box<T> {
    type Target = T::Target;
    fn reach<F: FnMut(&Self::Target) -> bool>(&self, f: &mut F) -> bool {
        (**self).reach(f)
    }
}

/// A resource's tag field: `Vec<Tag>` or `Option<Vec<Tag>>`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a tag list",
    label = "a tag filter (`\"tag:<key>\" => field`) must name a `Vec<Tag>` or `Option<Vec<Tag>>` field"
)]
pub trait TagList {
    /// The tags.
    fn tag_slice(&self) -> &[Tag];
}

// `#[inline]` on both: a tag filter calls these once per resource, from other crates.
impl TagList for Vec<Tag> {
    #[inline]
    fn tag_slice(&self) -> &[Tag] {
        self
    }
}

impl TagList for Option<Vec<Tag>> {
    #[inline]
    fn tag_slice(&self) -> &[Tag] {
        match self {
            Some(tags) => tags,
            None => no_tags(),
        }
    }
}

/// The empty tag list, out of line and cold so the check above stays a predicted branch: computed
/// without one (a conditional move), the tag list's address waited on the resource's memory and a
/// tag filter over 100,000 resources ran at half speed (perf).
#[cold]
#[inline(never)]
fn no_tags() -> &'static [Tag] {
    &[]
}
