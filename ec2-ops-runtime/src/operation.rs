//! What an operation declares: its static description (filters, IDs, pagination) and how its
//! resources are identified and filtered; the contract between `#[ec2_operation]`'s generated code
//! and the [`describe`](crate::describe::describe()) pipeline.

use crate::filter::{FilterCatalog, FilterFields, ValueSet};
use crate::types::Tag;

/// The static description of a describe operation.
#[derive(Debug, Clone, Copy)]
pub struct OperationSpec {
    /// The EC2 action name, e.g. `DescribeBundleTasks`. Pagination tokens are bound to it.
    pub action: &'static str,
    /// The filter names the operation accepts.
    pub filters: FilterCatalog,
    /// The ID parameter, when the operation has one.
    pub ids: Option<IdSpec>,
    /// Pagination, when the operation is paginated.
    pub pagination: Option<PaginationSpec>,
}

/// How an operation's ID parameter behaves.
#[derive(Debug, Clone, Copy)]
pub struct IdSpec {
    /// The wire key of one ID, e.g. `BundleId` (for `BundleId.N`); used in the "too many IDs" message.
    pub parameter: &'static str,
    /// What EC2 calls one value in the not-found message: "The **bundle ID** 'bun-x' does not
    /// exist", "The **key pair** 'x' does not exist" (plural: the subject plus `s`).
    pub noun: &'static str,
    /// The error code for an ID that does not exist, e.g. `InvalidBundleID.NotFound`.
    pub not_found_code: &'static str,
    /// The prefix every well-formed ID starts with and the code for one that does not
    /// (e.g. `("bun-", "InvalidBundleID.Malformed")`); `None` accepts any text.
    pub malformed: Option<MalformedSpec>,
    /// The name EC2 uses for the ID list in `InvalidParameterCombination` messages
    /// ("The parameter **instancesSet** cannot be used with the parameter maxResults").
    pub set_name: &'static str,
}

/// The well-formedness rule of an ID.
#[derive(Debug, Clone, Copy)]
pub struct MalformedSpec {
    /// Every valid ID starts with this prefix, e.g. `bun-`.
    pub prefix: &'static str,
    /// The error code for an ID without it, e.g. `InvalidBundleID.Malformed`.
    pub code: &'static str,
}

/// Most IDs EC2 accepts in one call.
pub const MAX_IDS: usize = 1000;

/// Pagination bounds of an operation.
#[derive(Debug, Clone, Copy)]
pub struct PaginationSpec {
    /// The smallest `MaxResults` accepted (EC2's usual value is 5; [`PaginationSpec::UNBOUNDED`]'s
    /// 1 where EC2 documents none).
    pub min: u32,
    /// The largest `MaxResults` accepted (EC2's usual value is 1000).
    pub max: u32,
    /// Whether a `MaxResults` above `max` is served as `max` instead of refused, as EC2 documented
    /// for DescribeVolumes and DescribeSnapshots ("if you specify a value larger than 500, only 500
    /// items are returned").
    pub clamp: bool,
    /// Whether `MaxResults` may be combined with IDs; EC2 forbids it on some operations
    /// (400 `InvalidParameterCombination`).
    pub ids_with_max_results: bool,
}

impl PaginationSpec {
    /// Pagination where EC2 documents no bounds: any positive `MaxResults` (up to `i32::MAX`, the
    /// wire type's limit), IDs allowed with it.
    pub const UNBOUNDED: PaginationSpec = PaginationSpec {
        min: 1,
        max: i32::MAX as u32,
        clamp: false,
        ids_with_max_results: true,
    };
}

/// One describe operation over a resource type. `#[ec2_operation]` implements it on the declared
/// struct; it can also be written by hand.
pub trait Operation {
    /// The resource the operation lists, e.g. `BundleTask`.
    type Resource;

    /// The operation's static description.
    const SPEC: OperationSpec;

    /// The resource's ID: the page order and the key IDs are looked up by.
    fn resource_id(resource: &Self::Resource) -> &str;

    /// Whether the field behind filter `index` (into `SPEC.filters.names`) matches `values`.
    /// An absent field must answer `false`; a list field, whether any element matches.
    fn filter_matches(resource: &Self::Resource, index: usize, values: &ValueSet) -> bool;

    /// Calls `visit` with each wire text the field behind filter `index` holds for `resource`: the
    /// values that filter would match exactly. Filters served by a function (`with(f)`) have none
    /// to show and visit nothing, as do operations that do not implement this.
    fn filter_texts(resource: &Self::Resource, index: usize, visit: &mut dyn FnMut(&str)) {
        let _ = (resource, index, visit);
    }

    /// The resource's tags, for `tag:<key>`, `tag-key` and `tag-value` filters: its own tag field.
    /// A tag list reached through other fields (`instances.tags`) is answered by
    /// [`Operation::any_tag`] instead, and this stays empty.
    fn tags(resource: &Self::Resource) -> &[Tag] {
        let _ = resource;
        &[]
    }

    /// Whether `test` answers `true` for any of the resource's tags. By default over
    /// [`Operation::tags`]; a tag list reached through other lists (an instance's tags inside a
    /// reservation) answers here instead.
    fn any_tag<T: FnMut(&Tag) -> bool>(resource: &Self::Resource, test: T) -> bool {
        Self::tags(resource).iter().any(test)
    }

    /// Whether the resource has tag `key` with a value matching `values`, for `tag:<key>`. By
    /// default looked up with [`Operation::any_tag`]; an operation whose items are tags themselves
    /// (`DescribeTags`) answers from its own fields.
    fn tag_matches(resource: &Self::Resource, key: &str, values: &ValueSet) -> bool {
        Self::any_tag(resource, |tag| tag.key == key && values.matches(&tag.value))
    }
}

/// Every operation's filters reach its resources through the operation's own matcher.
impl<O: Operation + ?Sized> FilterFields for O {
    type Resource = O::Resource;

    #[inline]
    fn field_matches(resource: &Self::Resource, index: usize, values: &ValueSet) -> bool {
        O::filter_matches(resource, index, values)
    }

    #[inline]
    fn field_tags(resource: &Self::Resource) -> &[Tag] {
        O::tags(resource)
    }

    #[inline]
    fn field_any_tag<T: FnMut(&Tag) -> bool>(resource: &Self::Resource, test: T) -> bool {
        O::any_tag(resource, test)
    }

    #[inline]
    fn field_tag_matches(resource: &Self::Resource, key: &str, values: &ValueSet) -> bool {
        O::tag_matches(resource, key, values)
    }
}

/// A resource's ID field: a `String`, a string enum, a `bool` (an account-wide setting keyed by a
/// switch), or an `Option` of one (absent sorts as the empty ID).
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a resource ID",
    label = "`resource_id` must name a text, string enum or `bool` field, or an `Option` of one"
)]
pub trait ResourceIdText {
    /// The ID text.
    fn id_text(&self) -> &str;
}

impl ResourceIdText for String {
    fn id_text(&self) -> &str {
        self
    }
}

impl ResourceIdText for bool {
    fn id_text(&self) -> &str {
        if *self { "true" } else { "false" }
    }
}

impl<T: ResourceIdText> ResourceIdText for Option<T> {
    fn id_text(&self) -> &str {
        self.as_ref().map_or("", ResourceIdText::id_text)
    }
}
