//! Every keyword of the DSL, in one place: the keys of `#[ec2_operation(...)]`, of its groups, and
//! of `#[ec2(...)]` on shape fields and variants.

use std::fmt;

/// A keyword.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Symbol(&'static str);

impl Symbol {
    pub fn as_str(self) -> &'static str {
        self.0
    }
}

impl fmt::Display for Symbol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl PartialEq<Symbol> for syn::Ident {
    fn eq(&self, word: &Symbol) -> bool {
        self == word.0
    }
}

// `#[ec2_operation(...)]`
pub const ACTION: Symbol = Symbol("action");
pub const RESOURCE: Symbol = Symbol("resource");
pub const RESOURCE_ID: Symbol = Symbol("resource_id");
pub const OUTPUT: Symbol = Symbol("output");
pub const IDS: Symbol = Symbol("ids");
pub const FILTERS: Symbol = Symbol("filters");
pub const PAGINATE: Symbol = Symbol("paginate");
pub const DRY_RUN: Symbol = Symbol("dry_run");
pub const MEMBERS: Symbol = Symbol("members");
pub const VISIBLE: Symbol = Symbol("visible");
pub const RESPOND: Symbol = Symbol("respond");
pub const VALIDATE: Symbol = Symbol("validate");
pub const NESTED: Symbol = Symbol("nested");
pub const RESPONSE: Symbol = Symbol("response");
pub const SETTINGS: Symbol = Symbol("settings");

// `output(...)`, `ids(...)`, `filters(...)`, `paginate(...)`
pub const MEMBER: Symbol = Symbol("member");
pub const IGNORED_WITH: Symbol = Symbol("ignored_with");
pub const XML: Symbol = Symbol("xml");
pub const ITEM: Symbol = Symbol("item");
pub const FLATTEN: Symbol = Symbol("flatten");
pub const WRAPPER: Symbol = Symbol("wrapper");
pub const LIST: Symbol = Symbol("list");
pub const KEY: Symbol = Symbol("key");
pub const NOUN: Symbol = Symbol("noun");
pub const NOT_FOUND: Symbol = Symbol("not_found");
pub const MALFORMED: Symbol = Symbol("malformed");
pub const PREFIX: Symbol = Symbol("prefix");
pub const SET_NAME: Symbol = Symbol("set_name");
pub const SINGLE: Symbol = Symbol("single");
pub const NARROWS: Symbol = Symbol("narrows");
pub const OPTIONAL: Symbol = Symbol("optional");
pub const PARENT: Symbol = Symbol("parent");
pub const FIELD: Symbol = Symbol("field");
pub const TAGS: Symbol = Symbol("tags");
pub const MIN: Symbol = Symbol("min");
pub const MAX: Symbol = Symbol("max");
pub const CLAMP: Symbol = Symbol("clamp");
pub const IDS_WITH_MAX_RESULTS: Symbol = Symbol("ids_with_max_results");
pub const DEFAULT: Symbol = Symbol("default");

// `#[ec2_shape(...)]`
pub const RESPONSE_ONLY: Symbol = Symbol("response_only");

// `#[ec2(...)]` on shape fields and variants
pub const EC2: Symbol = Symbol("ec2");
pub const NAME: Symbol = Symbol("name");
pub const QUERY: Symbol = Symbol("query");
pub const LISTED: Symbol = Symbol("listed");
pub const VALUE: Symbol = Symbol("value");
pub const OTHER: Symbol = Symbol("other");
