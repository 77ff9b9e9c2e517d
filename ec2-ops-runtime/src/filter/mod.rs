//! The filter engine: a request's filters validated against an operation's names, compiled once,
//! then matched against resources with EC2's semantics.
//!
//! | part | what it does |
//! |---|---|
//! | [`Pattern`] | one filter value's wildcards: `*`, `?`, `\*` `\?` `\\`, other escapes rejected |
//! | [`ValueSet`] | one filter's values: a match against any of them is a match |
//! | [`FilterLeaf`], [`FilterPath`], [`TagList`] | how a field is reached and compared: scalars by wire text, `Option` absent never matches, `Vec` when any element does |
//! | [`CompiledFilters`], [`FilterCatalog`], [`TagFilters`], [`FilterFields`] | a request's filters checked against the declared names and limits, and matched (AND across filters) |

mod compiled;
mod fields;
mod pattern;
mod value_set;

pub use compiled::{
    CompiledFilters, FilterCatalog, FilterFields, MAX_FILTER_VALUE_CHARS, MAX_FILTER_VALUES,
    TagFilters,
};
pub use fields::{FilterLeaf, FilterPath, TagList};
pub use pattern::Pattern;
pub use value_set::ValueSet;
