//! The typed model of one `#[ec2_operation]`, read from the argument syntax. Each key's own rules
//! (its kind of value, duplicates, unknown keys) are checked here; rules across keys are in
//! `validate.rs`.

use proc_macro2::Span;
use syn::punctuated::Punctuated;

use crate::attr::Keyed;
use crate::ctxt::Ctxt;
use crate::symbol::{
    ACTION, DRY_RUN, FILTERS, IDS, IDS_WITH_MAX_RESULTS, ITEM, KEY, MALFORMED, MAX, MEMBER, MIN,
    NOT_FOUND, NOUN, OUTPUT, PAGINATE, PREFIX, RESOURCE, RESOURCE_ID, SET_NAME, Symbol, TAGS, XML,
};
use crate::syntax::{Args, Entry, Target};

const TOP_KEYS: &[Symbol] = &[
    ACTION,
    RESOURCE,
    RESOURCE_ID,
    OUTPUT,
    IDS,
    FILTERS,
    PAGINATE,
    DRY_RUN,
];
const OUTPUT_KEYS: &[Symbol] = &[MEMBER, XML, ITEM];
const IDS_KEYS: &[Symbol] = &[MEMBER, KEY, NOUN, NOT_FOUND, MALFORMED, PREFIX, SET_NAME];
const PAGINATE_KEYS: &[Symbol] = &[MIN, MAX, IDS_WITH_MAX_RESULTS];
const FILTERS_KEYS: &[Symbol] = &[KEY, TAGS];

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

pub fn read<'a>(ctxt: &Ctxt, item: &'a syn::DeriveInput, args: &Args) -> Option<Operation<'a>> {
    let top = Keyed::read(ctxt, &args.entries, TOP_KEYS, "ec2_operation argument");
    let action = top.string(ctxt, ACTION, "\"DescribeBundleTasks\"");
    let resource = top
        .path(
            ctxt,
            RESOURCE,
            "the resource type, e.g. `resource = BundleTask`",
        )
        .cloned();
    let resource_id = top
        .path(
            ctxt,
            RESOURCE_ID,
            "the resource's ID field, e.g. `resource_id = bundle_id`",
        )
        .and_then(|path| field_path_of(ctxt, path));
    let output = top
        .group(
            ctxt,
            OUTPUT,
            "member = \"BundleTasks\", xml = \"bundleInstanceTasksSet\"",
        )
        .and_then(|(span, args)| read_output(ctxt, span, args));
    let ids = top
        .group(ctxt, IDS, "member = \"BundleIds\", key = \"BundleId\", ...")
        .and_then(|(span, args)| read_ids(ctxt, span, args));
    let filters = match top.group(ctxt, FILTERS, "key = \"Filter\", \"state\" => state") {
        Some((_, args)) => read_filters(ctxt, args),
        None => Filters {
            key: None,
            fields: Vec::new(),
            tags: None,
        },
    };
    let paginate = top
        .group(ctxt, PAGINATE, "min = 5, max = 1000")
        .and_then(|(span, args)| read_paginate(ctxt, span, args));
    let dry_run = top.flag(ctxt, DRY_RUN);

    top.require(
        ctxt,
        Span::call_site(),
        "#[ec2_operation(...)]",
        &[ACTION, RESOURCE, RESOURCE_ID, OUTPUT],
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
    let member = keyed.string(ctxt, MEMBER, "\"BundleTasks\"");
    let xml = keyed.string(ctxt, XML, "\"bundleInstanceTasksSet\"");
    let item = keyed.string(ctxt, ITEM, "\"item\"");
    keyed.require(ctxt, span, "`output(...)`", &[MEMBER, XML]);
    Some(Output {
        member: member?,
        xml: xml?,
        item,
    })
}

fn read_ids(ctxt: &Ctxt, span: Span, args: &Args) -> Option<Ids> {
    let keyed = Keyed::read(ctxt, &args.entries, IDS_KEYS, "`ids` key");
    let member = keyed.string(ctxt, MEMBER, "\"BundleIds\"");
    let key = keyed.string(ctxt, KEY, "\"BundleId\"");
    let noun = keyed.string(ctxt, NOUN, "\"bundle\"");
    let not_found = keyed.string(ctxt, NOT_FOUND, "\"InvalidBundleID.NotFound\"");
    let malformed = keyed.string(ctxt, MALFORMED, "\"InvalidBundleID.Malformed\"");
    let prefix = keyed.string(ctxt, PREFIX, "\"bun-\"");
    let set_name = keyed.string(ctxt, SET_NAME, "\"bundleIdSet\"");
    keyed.require(ctxt, span, "`ids(...)`", &[MEMBER, KEY, NOUN, NOT_FOUND]);
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
            Entry::Mapping(key, Target::Field(path)) if *key == TAGS => {
                if filters.tags.is_some() {
                    ctxt.error_spanned_by(key, "duplicate `filters` key `tags`");
                } else {
                    filters.tags = Some((key.clone(), path.clone()));
                }
            }
            Entry::Mapping(key, Target::With(path)) if *key == TAGS => {
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
    filters.key = keyed.string(ctxt, KEY, "\"Filter\"");
    filters
}

fn read_paginate(ctxt: &Ctxt, span: Span, args: &Args) -> Option<Paginate> {
    let keyed = Keyed::read(ctxt, &args.entries, PAGINATE_KEYS, "`paginate` key");
    let min = keyed.integer(ctxt, MIN, "5");
    let max = keyed.integer(ctxt, MAX, "1000");
    let ids_with_max_results = keyed.boolean(ctxt, IDS_WITH_MAX_RESULTS).unwrap_or(true);
    keyed.require(
        ctxt,
        span,
        "`paginate(...)`: EC2 operations declare their MaxResults bounds, and it",
        &[MIN, MAX],
    );
    Some(Paginate {
        span,
        min: min?,
        max: max?,
        ids_with_max_results,
    })
}
