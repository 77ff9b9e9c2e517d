//! The typed model of one `#[ec2_operation]`, read from the argument syntax. Each key's own rules
//! (its kind of value, duplicates, unknown keys) are checked here; rules across keys are in
//! `validate.rs`.

use std::collections::BTreeMap;

use proc_macro2::Span;
use syn::punctuated::Punctuated;

use super::parse::{Args, Entry, Target, Value};
use crate::ctxt::Ctxt;
use crate::suggest;

pub const TOP_KEYS: &[&str] = &[
    "action",
    "resource",
    "resource_id",
    "output",
    "ids",
    "filters",
    "paginate",
    "dry_run",
];
const OUTPUT_KEYS: &[&str] = &["member", "xml", "item"];
const IDS_KEYS: &[&str] = &[
    "member",
    "key",
    "noun",
    "not_found",
    "malformed",
    "prefix",
    "set_name",
];
const PAGINATE_KEYS: &[&str] = &["min", "max", "ids_with_max_results"];
const FILTERS_KEYS: &[&str] = &["key", "tags"];

pub struct Operation<'a> {
    pub item: &'a syn::DeriveInput,
    pub action: syn::LitStr,
    pub resource: syn::Path,
    pub resource_id: FieldPath,
    pub output: Output,
    pub ids: Option<Ids>,
    pub filters: Filters,
    pub paginate: Option<Paginate>,
    pub dry_run: bool,
}

pub type FieldPath = Punctuated<syn::Ident, syn::Token![.]>;

pub struct Output {
    pub member: syn::LitStr,
    pub xml: syn::LitStr,
    pub item: Option<syn::LitStr>,
}

pub struct Ids {
    pub member: syn::LitStr,
    pub key: syn::LitStr,
    pub noun: syn::LitStr,
    pub not_found: syn::LitStr,
    pub malformed: Option<syn::LitStr>,
    pub prefix: Option<syn::LitStr>,
    pub set_name: Option<syn::LitStr>,
}

pub struct Filters {
    pub key: Option<syn::LitStr>,
    pub fields: Vec<(syn::LitStr, Target)>,
    pub tags: Option<(syn::Ident, FieldPath)>,
}

pub struct Paginate {
    pub span: Span,
    pub min: syn::LitInt,
    pub max: syn::LitInt,
    pub ids_with_max_results: bool,
}

/// The entries of one argument list by key, after the unknown-key and duplicate checks.
struct Keyed<'e> {
    entries: BTreeMap<&'static str, &'e Entry>,
}

impl<'e> Keyed<'e> {
    fn read(
        ctxt: &Ctxt,
        entries: impl IntoIterator<Item = &'e Entry>,
        allowed: &[&'static str],
        what: &str,
    ) -> Self {
        let mut keyed = BTreeMap::new();
        for entry in entries {
            let key = match entry {
                Entry::Flag(key)
                | Entry::Value(key, _)
                | Entry::Group(key, _)
                | Entry::Mapping(key, _) => key,
                Entry::Filter(name, _) => {
                    ctxt.error_spanned_by(name, format!("a filter mapping (`\"name\" => field`) belongs inside `filters(...)`, not in {what}"));
                    continue;
                }
            };
            let text = key.to_string();
            match allowed.iter().find(|allowed| **allowed == text) {
                None => ctxt.error_spanned_by(key, suggest::unknown_message(what, &text, allowed)),
                Some(known) => {
                    if keyed.insert(*known, entry).is_some() {
                        ctxt.error_spanned_by(key, format!("duplicate {what} `{text}`"));
                    }
                }
            }
        }
        Keyed { entries: keyed }
    }

    fn get(&self, key: &str) -> Option<&'e Entry> {
        self.entries.get(key).copied()
    }

    /// Reports the `required` keys that were not written at all (a key written in the wrong form has
    /// its own error already), spanned on `span`.
    fn require(&self, ctxt: &Ctxt, span: Span, what: &str, required: &[&str]) {
        let absent: Vec<&str> = required
            .iter()
            .copied()
            .filter(|key| self.get(key).is_none())
            .collect();
        if !absent.is_empty() {
            let list = absent
                .iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(", ");
            ctxt.syn_error(syn::Error::new(span, format!("{what} is missing {list}")));
        }
    }

    fn string(&self, ctxt: &Ctxt, key: &str, example: &str) -> Option<syn::LitStr> {
        match self.get(key)? {
            Entry::Value(_, Value::Str(lit)) => Some(lit.clone()),
            entry => {
                wrong_form(
                    ctxt,
                    entry,
                    &format!("`{key}` takes a string, e.g. `{key} = {example}`"),
                );
                None
            }
        }
    }

    fn integer(&self, ctxt: &Ctxt, key: &str, example: &str) -> Option<syn::LitInt> {
        match self.get(key)? {
            Entry::Value(_, Value::Int(lit)) => Some(lit.clone()),
            entry => {
                wrong_form(
                    ctxt,
                    entry,
                    &format!("`{key}` takes an integer, e.g. `{key} = {example}`"),
                );
                None
            }
        }
    }

    fn boolean(&self, ctxt: &Ctxt, key: &str) -> Option<bool> {
        match self.get(key)? {
            Entry::Value(_, Value::Bool(lit)) => Some(lit.value),
            entry => {
                wrong_form(ctxt, entry, &format!("`{key}` takes `true` or `false`"));
                None
            }
        }
    }

    fn flag(&self, ctxt: &Ctxt, key: &str) -> bool {
        match self.get(key) {
            None => false,
            Some(Entry::Flag(_)) => true,
            Some(entry) => {
                wrong_form(
                    ctxt,
                    entry,
                    &format!("`{key}` is a flag: write just `{key}`"),
                );
                false
            }
        }
    }

    fn group(&self, ctxt: &Ctxt, key: &str, example: &str) -> Option<(Span, &'e Args)> {
        match self.get(key)? {
            Entry::Group(ident, args) => Some((ident.span(), args)),
            entry => {
                wrong_form(
                    ctxt,
                    entry,
                    &format!("`{key}` takes a list of settings, e.g. `{key}({example})`"),
                );
                None
            }
        }
    }
}

/// Reports an entry written in the wrong form, spanned on its value when it has one.
fn wrong_form(ctxt: &Ctxt, entry: &Entry, message: &str) {
    let span = match entry {
        Entry::Value(_, value) => value.span(),
        other => other.key_span(),
    };
    let found = match entry {
        Entry::Value(_, value) => format!("; found {}", value.describe()),
        _ => String::new(),
    };
    ctxt.syn_error(syn::Error::new(span, format!("{message}{found}")));
}

pub fn read<'a>(ctxt: &Ctxt, item: &'a syn::DeriveInput, args: &Args) -> Option<Operation<'a>> {
    let top = Keyed::read(ctxt, &args.entries, TOP_KEYS, "ec2_operation argument");
    let action = top.string(ctxt, "action", "\"DescribeBundleTasks\"");
    let resource = match top.get("resource") {
        Some(Entry::Value(_, Value::Path(path))) => Some(path.clone()),
        Some(entry) => {
            wrong_form(
                ctxt,
                entry,
                "`resource` takes the resource type, e.g. `resource = BundleTask`",
            );
            None
        }
        None => None,
    };
    let resource_id = match top.get("resource_id") {
        Some(Entry::Value(_, Value::Path(path))) => field_path_of(ctxt, path),
        Some(entry) => {
            wrong_form(
                ctxt,
                entry,
                "`resource_id` takes the resource's ID field, e.g. `resource_id = bundle_id`",
            );
            None
        }
        None => None,
    };
    let output = top
        .group(
            ctxt,
            "output",
            "member = \"BundleTasks\", xml = \"bundleInstanceTasksSet\"",
        )
        .and_then(|(span, args)| read_output(ctxt, span, args));
    let ids = top
        .group(
            ctxt,
            "ids",
            "member = \"BundleIds\", key = \"BundleId\", ...",
        )
        .and_then(|(span, args)| read_ids(ctxt, span, args));
    let filters = match top.group(ctxt, "filters", "key = \"Filter\", \"state\" => state") {
        Some((_, args)) => read_filters(ctxt, args),
        None => Filters {
            key: None,
            fields: Vec::new(),
            tags: None,
        },
    };
    let paginate = top
        .group(ctxt, "paginate", "min = 5, max = 1000")
        .and_then(|(span, args)| read_paginate(ctxt, span, args));
    let dry_run = top.flag(ctxt, "dry_run");

    top.require(
        ctxt,
        Span::call_site(),
        "#[ec2_operation(...)]",
        &["action", "resource", "resource_id", "output"],
    );
    Some(Operation {
        item,
        action: action?,
        resource: resource?,
        resource_id: resource_id?,
        output: output?,
        ids,
        filters,
        paginate,
        dry_run,
    })
}

/// `a::b` is not a field path; a single identifier is.
fn field_path_of(ctxt: &Ctxt, path: &syn::Path) -> Option<FieldPath> {
    match path.get_ident() {
        Some(ident) => Some(std::iter::once(ident.clone()).collect()),
        None => {
            ctxt.error_spanned_by(path, "expected a field of the resource, e.g. `bundle_id`");
            None
        }
    }
}

fn read_output(ctxt: &Ctxt, span: Span, args: &Args) -> Option<Output> {
    let keyed = Keyed::read(ctxt, &args.entries, OUTPUT_KEYS, "`output` key");
    let member = keyed.string(ctxt, "member", "\"BundleTasks\"");
    let xml = keyed.string(ctxt, "xml", "\"bundleInstanceTasksSet\"");
    let item = keyed.string(ctxt, "item", "\"item\"");
    keyed.require(ctxt, span, "`output(...)`", &["member", "xml"]);
    Some(Output {
        member: member?,
        xml: xml?,
        item,
    })
}

fn read_ids(ctxt: &Ctxt, span: Span, args: &Args) -> Option<Ids> {
    let keyed = Keyed::read(ctxt, &args.entries, IDS_KEYS, "`ids` key");
    let member = keyed.string(ctxt, "member", "\"BundleIds\"");
    let key = keyed.string(ctxt, "key", "\"BundleId\"");
    let noun = keyed.string(ctxt, "noun", "\"bundle\"");
    let not_found = keyed.string(ctxt, "not_found", "\"InvalidBundleID.NotFound\"");
    let malformed = keyed.string(ctxt, "malformed", "\"InvalidBundleID.Malformed\"");
    let prefix = keyed.string(ctxt, "prefix", "\"bun-\"");
    let set_name = keyed.string(ctxt, "set_name", "\"bundleIdSet\"");
    keyed.require(
        ctxt,
        span,
        "`ids(...)`",
        &["member", "key", "noun", "not_found"],
    );
    Some(Ids {
        member: member?,
        key: key?,
        noun: noun?,
        not_found: not_found?,
        malformed,
        prefix,
        set_name,
    })
}

fn read_filters<'e>(ctxt: &Ctxt, args: &'e Args) -> Filters {
    let mut filters = Filters {
        key: None,
        fields: Vec::new(),
        tags: None,
    };
    let mut settings: Vec<&'e Entry> = Vec::new();
    for entry in &args.entries {
        match entry {
            Entry::Filter(name, target) => filters.fields.push((name.clone(), target.clone())),
            Entry::Mapping(key, Target::Field(path)) if key == "tags" => {
                if filters.tags.is_some() {
                    ctxt.error_spanned_by(key, "duplicate `filters` key `tags`");
                } else {
                    filters.tags = Some((key.clone(), path.clone()));
                }
            }
            Entry::Mapping(key, Target::With(path)) if key == "tags" => {
                ctxt.error_spanned_by(
                    path,
                    "`tags => ...` takes the resource's tag field, e.g. `tags => tags`",
                );
            }
            Entry::Mapping(key, _) => {
                ctxt.error_spanned_by(
                    key,
                    format!(
                        "filter names are string literals: write `\"{}\" => ...`",
                        key.to_string().replace('_', "-")
                    ),
                );
            }
            other => settings.push(other),
        }
    }
    let keyed = Keyed::read(ctxt, settings, FILTERS_KEYS, "`filters` key");
    filters.key = keyed.string(ctxt, "key", "\"Filter\"");
    filters
}

fn read_paginate(ctxt: &Ctxt, span: Span, args: &Args) -> Option<Paginate> {
    let keyed = Keyed::read(ctxt, &args.entries, PAGINATE_KEYS, "`paginate` key");
    let min = keyed.integer(ctxt, "min", "5");
    let max = keyed.integer(ctxt, "max", "1000");
    let ids_with_max_results = keyed.boolean(ctxt, "ids_with_max_results").unwrap_or(true);
    keyed.require(
        ctxt,
        span,
        "`paginate(...)`: EC2 operations declare their MaxResults bounds, and it",
        &["min", "max"],
    );
    Some(Paginate {
        span,
        min: min?,
        max: max?,
        ids_with_max_results,
    })
}
