//! EC2 filters: validated against the operation's declared names before any data is read, then
//! compiled into a matcher.
//!
//! Rules (DESIGN.md's semantics table):
//! - AND across filters, OR across one filter's values; names and values are case-sensitive;
//! - a value is matched against the field's wire text ([`WireText`]) with [`Pattern`] wildcards;
//! - a multi-valued field matches when any element matches any value; an absent field never matches;
//! - a filter with no values matches nothing;
//! - `tag:<key>` matches the value of that tag, `tag-key` any tag's key, `tag-value` any tag's value
//!   (each independent of the others), on operations that declare tags;
//! - an unknown name is 400 `InvalidParameterValue` "The filter 'NAME' is invalid"; more than
//!   [`MAX_FILTER_VALUES`] values in one call is 400 `FilterLimitExceeded`; a value longer than
//!   [`MAX_FILTER_VALUE_CHARS`] characters is 400 `InvalidParameterValue`.
//!
//! ```
//! use ec2_ops_runtime::{CompiledFilters, Filter, FilterCatalog};
//!
//! const CATALOG: FilterCatalog = FilterCatalog { names: &["state", "bundle-id"], tags: false };
//! let filters = CompiledFilters::compile(&CATALOG, &[Filter::new("state", ["complete", "fail*"])]).unwrap();
//! assert_eq!(filters.len(), 1);
//!
//! let err = CompiledFilters::compile(&CATALOG, &[Filter::new("State", ["complete"])]).unwrap_err();
//! assert_eq!(err.message(), "The filter 'State' is invalid");
//! ```

use serde::{Deserialize, Serialize};

use crate::error::Ec2Error;
use crate::generated::FilterLeaf;
use crate::pattern::Pattern;
use crate::wire_text::WireText;

/// Most filter values EC2 accepts in one call, over all filters.
pub const MAX_FILTER_VALUES: usize = 200;

/// Longest filter value EC2 accepts, in characters.
pub const MAX_FILTER_VALUE_CHARS: usize = 255;

/// One filter of a request (`Filter.N.Name`, `Filter.N.Value.M` on the wire; `{"Name", "Values"}` in
/// the AWS CLI's JSON).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Filter {
    /// The filter name, e.g. `state` or `tag:Owner`.
    pub name: String,
    /// The values, any of which may match.
    #[serde(default)]
    pub values: Vec<String>,
}

impl Filter {
    /// A filter named `name` with `values`.
    pub fn new<V: Into<String>>(
        name: impl Into<String>,
        values: impl IntoIterator<Item = V>,
    ) -> Filter {
        Filter {
            name: name.into(),
            values: values.into_iter().map(Into::into).collect(),
        }
    }
}

/// A resource tag (`<item><key/><value/></item>` in a `<tagSet>`).
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Tag {
    /// The tag key.
    #[serde(default)]
    pub key: String,
    /// The tag value.
    #[serde(default)]
    pub value: String,
}

impl Tag {
    /// A tag `key` = `value`.
    pub fn new(key: impl Into<String>, value: impl Into<String>) -> Tag {
        Tag {
            key: key.into(),
            value: value.into(),
        }
    }
}

/// The filter names an operation declares.
#[derive(Debug, Clone, Copy)]
pub struct FilterCatalog {
    /// Field filters, in declaration order; a filter's index here is what
    /// [`Operation::filter_matches`](crate::Operation::filter_matches) receives.
    pub names: &'static [&'static str],
    /// Whether `tag:<key>`, `tag-key` and `tag-value` are accepted.
    pub tags: bool,
}

impl FilterCatalog {
    fn target(&self, name: &str) -> Option<Target> {
        if let Some(index) = self.names.iter().position(|known| *known == name) {
            return Some(Target::Field(index));
        }
        if !self.tags {
            return None;
        }
        match name {
            "tag-key" => Some(Target::TagKey),
            "tag-value" => Some(Target::TagValue),
            _ => name
                .strip_prefix("tag:")
                .filter(|key| !key.is_empty())
                .map(|key| Target::TagNamed(key.into())),
        }
    }
}

/// The compiled values of one filter: a match against any of them is a match.
#[derive(Debug, Clone)]
pub struct ValueSet {
    patterns: Vec<Pattern>,
}

impl ValueSet {
    /// Whether `text` matches any value.
    #[inline]
    pub fn matches(&self, text: &str) -> bool {
        self.patterns.iter().any(|pattern| pattern.matches(text))
    }

    /// Whether the wire text of `value` matches any value.
    #[inline]
    pub fn matches_wire<W: WireText + ?Sized>(&self, value: &W) -> bool {
        value.with_wire_text(|text| self.matches(text))
    }

    /// Whether a field matches, by EC2's rules for its shape (see [`FilterLeaf`]): a scalar by its
    /// wire text, an `Option` never when absent, a `Vec` when any element does.
    #[inline]
    pub fn matches_field<F: FilterLeaf + ?Sized>(&self, field: &F) -> bool {
        field.filter_leaf(self)
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

/// A request's filters, validated and compiled; matching an item allocates nothing.
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
        let filters = filters
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
                    values: ValueSet { patterns },
                })
            })
            .collect::<Result<_, Ec2Error>>()?;
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
    pub fn matches<O: crate::Operation + ?Sized>(&self, resource: &O::Resource) -> bool {
        self.filters.iter().all(|filter| match &filter.target {
            Target::Field(index) => O::filter_matches(resource, *index, &filter.values),
            Target::TagNamed(key) => O::tags(resource)
                .iter()
                .any(|tag| tag.key == **key && filter.values.matches(&tag.value)),
            Target::TagKey => O::tags(resource)
                .iter()
                .any(|tag| filter.values.matches(&tag.key)),
            Target::TagValue => O::tags(resource)
                .iter()
                .any(|tag| filter.values.matches(&tag.value)),
        })
    }
}
