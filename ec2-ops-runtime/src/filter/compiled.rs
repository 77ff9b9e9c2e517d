//! A request's filters, validated against the operation's declared names before any data is read,
//! then compiled into a matcher.
//!
//! EC2's rules, as implemented here:
//! - AND across filters, OR across one filter's values; names and values are case-sensitive;
//! - a value is matched against the field's wire text ([`WireText`]) with [`Pattern`] wildcards;
//! - a multi-valued field matches when any element matches any value; an absent field never matches;
//! - a filter with no values matches nothing;
//! - `tag:<key>` matches the value of that tag, `tag-key` any tag's key, `tag-value` any tag's value
//!   (each independent of the others), each accepted only where the operation declares it
//!   ([`TagFilters`]);
//! - an unknown name is 400 `InvalidParameterValue` "The filter 'NAME' is invalid"; more than
//!   [`MAX_FILTER_VALUES`] values in one call is 400 `FilterLimitExceeded`; a value longer than
//!   [`MAX_FILTER_VALUE_CHARS`] characters is 400 `InvalidParameterValue`.
//!
//! ```
//! use ec2_ops_runtime::{CompiledFilters, Filter, FilterCatalog, TagFilters};
//!
//! const CATALOG: FilterCatalog = FilterCatalog { names: &["state", "bundle-id"], tags: TagFilters::NONE };
//! let filters = CompiledFilters::compile(&CATALOG, &[Filter::new("state", ["complete", "fail*"])]).unwrap();
//! assert_eq!(filters.len(), 1);
//!
//! let err = CompiledFilters::compile(&CATALOG, &[Filter::new("State", ["complete"])]).unwrap_err();
//! assert_eq!(err.message(), "The filter 'State' is invalid");
//! ```

use crate::error::Ec2Error;
use crate::filter::pattern::Pattern;
use crate::filter::value_set::ValueSet;
use crate::types::{Filter, Tag};

/// Most filter values EC2 accepts in one call, over all filters.
pub const MAX_FILTER_VALUES: usize = 200;

/// Longest filter value EC2 accepts, in characters.
pub const MAX_FILTER_VALUE_CHARS: usize = 255;

/// How compiled filters reach a resource type's fields. Every
/// [`Operation`](crate::operation::Operation) is one; a filter engine user without operations can
/// implement it directly.
pub trait FilterFields {
    /// The resource filtered.
    type Resource;

    /// Whether the field behind filter `index` (into [`FilterCatalog::names`]) matches `values`.
    /// An absent field must answer `false`; a list field, whether any element matches.
    fn field_matches(resource: &Self::Resource, index: usize, values: &ValueSet) -> bool;

    /// The resource's tags, for `tag:<key>`, `tag-key` and `tag-value` filters.
    fn field_tags(resource: &Self::Resource) -> &[Tag];

    /// Whether `test` answers `true` for any of the resource's tags (`tag-key`, `tag-value`). By
    /// default, over [`FilterFields::field_tags`]; a tag list inside a nested list answers here.
    fn field_any_tag<T: FnMut(&Tag) -> bool>(resource: &Self::Resource, test: T) -> bool {
        Self::field_tags(resource).iter().any(test)
    }

    /// Whether the resource has tag `key` with a value matching `values` (`tag:<key>`). By default,
    /// looked up with [`FilterFields::field_any_tag`].
    fn field_tag_matches(resource: &Self::Resource, key: &str, values: &ValueSet) -> bool {
        Self::field_any_tag(resource, |tag| tag.key == key && values.matches(&tag.value))
    }
}

/// The filter names an operation declares.
#[derive(Debug, Clone, Copy)]
pub struct FilterCatalog {
    /// Field filters, in declaration order; a filter's index here is what
    /// [`FilterFields::field_matches`] receives.
    pub names: &'static [&'static str],
    /// Which of the tag filters are accepted.
    pub tags: TagFilters,
}

/// Which tag filters an operation accepts. EC2 documents `tag:<key>` and `tag-key` on most
/// operations, and `tag-value` only on some, so each is declared on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TagFilters {
    /// `tag:<key>`: the value of the tag named in the filter name.
    pub named: bool,
    /// `tag-key`: the key of any tag.
    pub key: bool,
    /// `tag-value`: the value of any tag, independent of its key.
    pub value: bool,
}

impl TagFilters {
    /// No tag filters.
    pub const NONE: TagFilters = TagFilters {
        named: false,
        key: false,
        value: false,
    };

    /// `tag:<key>`, `tag-key` and `tag-value`.
    pub const ALL: TagFilters = TagFilters {
        named: true,
        key: true,
        value: true,
    };
}

impl FilterCatalog {
    fn target(&self, name: &str) -> Option<Target> {
        if let Some(index) = self.names.iter().position(|known| *known == name) {
            return Some(Target::Field(index));
        }
        match name {
            "tag-key" if self.tags.key => Some(Target::TagKey),
            "tag-value" if self.tags.value => Some(Target::TagValue),
            _ => name
                .strip_prefix("tag:")
                .filter(|key| self.tags.named && !key.is_empty())
                .map(|key| Target::TagNamed(key.into())),
        }
    }
}

#[derive(Debug, Clone)]
enum Target {
    Field(usize),
    TagNamed(Box<str>),
    TagKey,
    TagValue,
}

#[derive(Debug, Clone)]
struct CompiledFilter {
    target: Target,
    values: ValueSet,
}

impl CompiledFilter {
    /// The relative cost of testing an item, from the target (a field is one lookup, a tag filter
    /// scans the tag list) and the values.
    fn cost(&self) -> (u8, u8) {
        let target = match self.target {
            Target::Field(_) => 0,
            Target::TagNamed(_) => 1,
            Target::TagKey | Target::TagValue => 2,
        };
        // A filter with no values matches nothing: it decides every item at once.
        match self.values.cost() {
            0 => (0, 0),
            values => (target + 1, values),
        }
    }
}

/// A request's filters, validated and compiled. Matching an item allocates nothing, except that a
/// blob field's base64 text is built for each comparison.
#[derive(Debug, Clone, Default)]
pub struct CompiledFilters {
    filters: Vec<CompiledFilter>,
}

impl CompiledFilters {
    /// Validates `filters` against `catalog` and compiles their values.
    ///
    /// Checks run in this order, all before any resource is read: names, the value count, value
    /// lengths, escapes.
    ///
    /// # Errors
    /// EC2's errors for an unknown name, too many values, a too-long value or a bad escape.
    pub fn compile(
        catalog: &FilterCatalog,
        filters: &[Filter],
    ) -> Result<CompiledFilters, Ec2Error> {
        let targets = filters
            .iter()
            .map(|filter| {
                catalog
                    .target(&filter.name)
                    .ok_or_else(|| Ec2Error::invalid_filter(&filter.name))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let value_count: usize = filters.iter().map(|filter| filter.values.len()).sum();
        if value_count > MAX_FILTER_VALUES {
            return Err(Ec2Error::filter_limit_exceeded(MAX_FILTER_VALUES));
        }
        if filters
            .iter()
            .flat_map(|filter| &filter.values)
            .any(|value| value.chars().nth(MAX_FILTER_VALUE_CHARS).is_some())
        {
            return Err(Ec2Error::filter_value_too_long(MAX_FILTER_VALUE_CHARS));
        }
        let mut filters: Vec<CompiledFilter> = filters
            .iter()
            .zip(targets)
            .map(|(filter, target)| {
                let patterns = filter
                    .values
                    .iter()
                    .map(|value| Pattern::compile(value))
                    .collect::<Result<_, _>>()?;
                Ok(CompiledFilter {
                    target,
                    values: ValueSet::new(patterns),
                })
            })
            .collect::<Result<_, Ec2Error>>()?;
        // Every filter must pass, and none has side effects, so the cheapest run first: most items
        // are turned away before the costlier tests (a tag list scanned, several values tried).
        filters.sort_by_key(CompiledFilter::cost);
        Ok(CompiledFilters { filters })
    }

    /// Number of filters.
    pub fn len(&self) -> usize {
        self.filters.len()
    }

    /// Whether there are no filters (everything matches).
    pub fn is_empty(&self) -> bool {
        self.filters.is_empty()
    }

    /// Whether `resource` passes every filter.
    #[inline]
    pub fn matches<F: FilterFields + ?Sized>(&self, resource: &F::Resource) -> bool {
        self.filters.iter().all(|filter| match &filter.target {
            Target::Field(index) => F::field_matches(resource, *index, &filter.values),
            Target::TagNamed(key) => F::field_tag_matches(resource, key, &filter.values),
            Target::TagKey => F::field_any_tag(resource, |tag| filter.values.matches(&tag.key)),
            Target::TagValue => F::field_any_tag(resource, |tag| filter.values.matches(&tag.value)),
        })
    }
}
