//! The typed model of one `#[ec2_operation]`, read from the argument syntax, with every default
//! resolved and every generated name chosen here, so `expand.rs` only prints. Each key's own rules
//! (its kind of value, duplicates, unknown keys) are checked while reading; rules across keys are in
//! `validate.rs`. A required key left out leaves its part `None` and reading goes on, so the rest is
//! still validated in the same build.

use proc_macro2::Span;
use syn::punctuated::Punctuated;

use crate::attr::Keyed;
use crate::case;
use crate::ctxt::Ctxt;
use crate::derive;
use crate::symbol::{
    ACTION, CLAMP, DEFAULT, DRY_RUN, EC2, FIELD, FILTERS, FLATTEN, IDS, IDS_WITH_MAX_RESULTS,
    IGNORED_WITH, ITEM, KEY, LIST, LISTED, MALFORMED, MAX, MEMBER, MEMBERS, MIN, NAME, NARROWS,
    NESTED, NOT_FOUND, NOUN, OPTIONAL, OUTPUT, PAGINATE, PARENT, PREFIX, QUERY, RESOURCE,
    RESOURCE_ID, RESPOND, RESPONSE, SET_NAME, SETTINGS, SINGLE, Symbol, TAGS, VALIDATE, VISIBLE,
    WRAPPER, XML,
};
use crate::syntax::{Args, Entry, Target};
use crate::ty::FieldKind;

const TOP_KEYS: &[Symbol] = &[
    ACTION,
    RESOURCE,
    RESOURCE_ID,
    NESTED,
    OUTPUT,
    IDS,
    MEMBERS,
    FILTERS,
    PAGINATE,
    DRY_RUN,
    RESPONSE,
    VALIDATE,
    VISIBLE,
    RESPOND,
    SETTINGS,
];
const OUTPUT_KEYS: &[Symbol] = &[MEMBER, XML, ITEM, SINGLE, FLATTEN, WRAPPER, LIST];
const IDS_KEYS: &[Symbol] = &[
    KEY, MEMBER, FIELD, NOUN, NOT_FOUND, MALFORMED, PREFIX, SET_NAME, SINGLE, OPTIONAL, NARROWS,
    PARENT, OUTPUT,
];
const PAGINATE_KEYS: &[Symbol] = &[MIN, MAX, CLAMP, IDS_WITH_MAX_RESULTS];
const FILTERS_KEYS: &[Symbol] = &[KEY, IGNORED_WITH];
const NESTED_KEYS: &[Symbol] = &[FIELD, RESOURCE_ID];
const MEMBER_KEYS: &[Symbol] = &[NAME, QUERY, LISTED];
const SETTINGS_KEYS: &[Symbol] = &[DEFAULT];

/// The tag filter names, as EC2's documentation writes them.
pub const TAG_NAMED: &str = "tag:<key>";
pub const TAG_KEY: &str = "tag-key";
pub const TAG_VALUE: &str = "tag-value";

pub struct Operation<'a> {
    pub item: &'a syn::DeriveInput,
    pub action: Option<syn::LitStr>,
    pub resource: Option<syn::Path>,
    pub resource_id: Option<FieldPath>,
    /// `settings(default = ...)`: the answer is the account's one settings structure in the region.
    pub settings: Option<Settings>,
    /// Where `output(...)` was written, if it was (a settings operation makes its own).
    pub output_key: Option<Span>,
    pub nested: Option<Nested>,
    pub output: Option<Output>,
    pub ids: Vec<Ids>,
    pub members: Vec<Member<'a>>,
    pub filters: Option<Filters>,
    pub paginate: Option<Paginate>,
    /// Response members beside the list (`FleetId`, `LastEvaluatedTime`, `ServiceNames`), as
    /// `#[ec2_shape]` fields.
    pub response: Vec<crate::shape::model::Field<'a>>,
    pub dry_run: Option<Span>,
    pub validate: Option<syn::Path>,
    pub visible: Option<syn::Path>,
    pub respond: Option<syn::Path>,
}

pub type FieldPath = Punctuated<syn::Ident, syn::Token![.]>;

/// `settings(default = path)`: a `Get*` operation answering the account's settings in the region
/// (GetEbsEncryptionByDefault): one structure whose members stand directly in the response, held
/// once, with no ID, filters or pages; `default` is a `fn() -> Resource` giving EC2's documented
/// answer for a new account, answered while none is held.
pub struct Settings {
    pub span: Span,
    /// `None` when left out (an error already reported).
    pub default: Option<syn::Path>,
}

/// A name the macro gives a generated item, with the token it comes from (for collision errors).
#[derive(Clone)]
pub struct Named {
    pub ident: syn::Ident,
    pub span: Span,
}

impl Named {
    fn new(name: &str, span: Span) -> Self {
        Named {
            ident: keyword_safe(name),
            span,
        }
    }
}

/// `type` → `r#type`: a member whose snake-case name is a keyword still gets a field (or a builder
/// method); the few keywords that cannot be raw (`self`, `super`, `crate`) get a trailing `_`.
fn keyword_safe(name: &str) -> syn::Ident {
    if syn::parse_str::<syn::Ident>(name).is_ok() {
        syn::Ident::new(name, Span::call_site())
    } else if matches!(name, "self" | "super" | "crate" | "Self" | "_") {
        syn::Ident::new(&format!("{name}_"), Span::call_site())
    } else {
        syn::Ident::new_raw(name, Span::call_site())
    }
}

/// `nested(field = instances, resource_id = instance_id)`: the operation describes the items of each
/// resource's list field (DescribeInstances: the instances of each reservation).
pub struct Nested {
    /// The resource's list field holding the items.
    pub field: syn::Ident,
    /// The item's ID field: the page order and the key IDs are looked up by.
    pub resource_id: syn::Ident,
}

pub struct Output {
    pub member: syn::LitStr,
    pub xml: syn::LitStr,
    pub item: String,
    pub item_span: Option<Span>,
    /// The response field (`bundle_tasks`).
    pub field: Named,
    /// `single`: the answer is one resource (or none), not a list.
    pub single: Option<Span>,
    /// `flatten`: the one resource's members stand directly in the response (attribute answers).
    pub flatten: Option<Span>,
    /// `wrapper = Type, list = field`: the list is a field of a structure the response holds
    /// (DescribeApplicationStatus' `ApplicationStatuses.Instances`).
    pub wrapper: Option<Wrapper>,
}

/// A structure holding the resources' list, in the response's member `Output::member`.
pub struct Wrapper {
    /// The structure (`ApplicationStatusesResponseType`), a shape with `Default`.
    pub ty: syn::Path,
    /// Its field holding the list (`instances`: `Option<Vec<Resource>>`).
    pub list: syn::Ident,
}

impl Output {
    /// Where the declaration says the answer is one resource (`single` or `flatten`).
    pub fn one_resource(&self) -> Option<Span> {
        self.single.or(self.flatten)
    }
}

pub struct Ids {
    /// The Query key (`BundleId` for `BundleId.N`).
    pub key: syn::LitStr,
    /// The request member (`BundleIds`), JSON key of the request.
    pub member: String,
    pub member_span: Span,
    /// The request field (`bundle_ids`) and the builder method adding one ID (`bundle_id`).
    pub field: Named,
    pub one: Option<Named>,
    /// The resource field a second list is matched against; `None` for the resource ID itself.
    pub lookup: Option<FieldPath>,
    /// `output = fleet_id`: the response field (of `response(...)`) naming, at the top of every
    /// answer, the parent the resources belong to; the one ID sent selects that parent's.
    pub output: Option<syn::Ident>,
    /// What the not-found message calls one value ("bundle ID").
    pub noun: String,
    pub noun_span: Span,
    pub not_found: String,
    pub not_found_span: Span,
    /// Whether `not_found = "..."` was written (a list that only narrows has no not-found error).
    pub not_found_explicit: bool,
    /// `narrows`: a value no resource holds selects nothing rather than being an error.
    pub narrows: Option<Span>,
    /// `parent = "DescribeX"`: the values name resources of that operation.
    pub parent: Option<syn::LitStr>,
    pub malformed: Option<Malformed>,
    /// How `InvalidParameterCombination` names the list (`None`: the output's XML name).
    pub set_name: Option<syn::LitStr>,
    /// `single`: one required ID (`VpcId`), not a list (`VpcId.N`).
    pub single: Option<Span>,
    /// `optional`, beside `single`: the one ID may be left out (no narrowing then).
    pub optional: Option<Span>,
}

impl Ids {
    /// Whether this list holds the resources' own IDs: not matched against another field of
    /// theirs (`field = ...`), nor naming the parent their answers name (`output = ...`).
    pub fn is_primary(&self) -> bool {
        self.lookup.is_none() && self.output.is_none()
    }
}

pub struct Malformed {
    pub prefix: syn::LitStr,
    pub code: String,
    pub code_span: Span,
    /// Whether `malformed = "..."` was written (a code with no `prefix` is a mistake).
    pub explicit: bool,
}

pub struct Member<'a> {
    pub original: &'a syn::Field,
    pub field: Named,
    pub ty: &'a syn::Type,
    pub kind: FieldKind<'a>,
    /// The member name (`IncludePublicKey`), the request's JSON key.
    pub name: String,
    /// The Query key (`Owner` for `Owner.N`).
    pub query: String,
    pub query_span: Span,
    /// The builder method adding one element of a list member.
    pub one: Option<Named>,
    /// `listed`: the member takes only the values its enum lists; another is EC2's
    /// `InvalidParameterValue` "Unknown attribute." rather than kept as the enum's other variant.
    pub listed: bool,
    pub docs: Vec<&'a syn::Attribute>,
}

pub struct Filters {
    /// The Query key: `Filter` (the default) or `Filters`.
    pub key: Option<syn::LitStr>,
    pub span: Span,
    /// Field filters, in declaration order: their index is what `filter_matches` receives.
    pub fields: Vec<(syn::LitStr, Target)>,
    pub tags: TagFilters,
    /// `ignored_with = member`: a list member whose values make EC2 ignore the filters
    /// (DescribeStoreImageTasks' `ImageIds`).
    pub ignored_with: Option<syn::Path>,
}

#[derive(Default)]
pub struct TagFilters {
    /// The tag filter names written (`"tag:<key>"`, `"tag-key"`, `"tag-value"`), each with its target.
    pub names: Vec<(syn::LitStr, Target)>,
}

impl TagFilters {
    pub fn has(&self, name: &str) -> bool {
        self.names
            .iter()
            .any(|(written, _)| written.value() == name)
    }

    /// The function answering `"tag:<key>"`, when it names one.
    pub fn named_function(&self) -> Option<&syn::Path> {
        self.names.iter().find_map(|(name, target)| match target {
            Target::With(function) if name.value() == TAG_NAMED => Some(function),
            _ => None,
        })
    }

    /// The tag field, from the first tag filter (validation checks they agree).
    pub fn field(&self) -> Option<&FieldPath> {
        self.names.iter().find_map(|(_, target)| match target {
            Target::Field(path) => Some(path),
            Target::With(_) => None,
        })
    }
}

pub struct Paginate {
    pub span: Span,
    /// `min` and `max` when declared (validation requires both or neither).
    pub min: Option<syn::LitInt>,
    pub max: Option<syn::LitInt>,
    pub clamp: Option<Span>,
    pub ids_with_max_results: bool,
}

pub fn read<'a>(ctxt: &Ctxt, item: &'a syn::DeriveInput, args: &'a Args) -> Operation<'a> {
    let top = Keyed::read_repeatable(
        ctxt,
        &args.entries,
        TOP_KEYS,
        &[IDS],
        "ec2_operation argument",
    );
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
    let settings = top
        .group(ctxt, SETTINGS, "default = new_account_defaults")
        .and_then(|(span, args)| read_settings(ctxt, span, args));
    let nested = top
        .group(ctxt, NESTED, "field = instances, resource_id = instance_id")
        .and_then(|(span, args)| read_nested(ctxt, span, args));
    let output = top
        .group(
            ctxt,
            OUTPUT,
            "member = \"BundleTasks\", xml = \"bundleInstanceTasksSet\"",
        )
        .and_then(|(span, args)| read_output(ctxt, span, args))
        .or_else(|| settings.as_ref().map(settings_output));
    let ids = top
        .groups(ctxt, IDS, "key = \"BundleId\"")
        .into_iter()
        .filter_map(|(span, args)| read_ids(ctxt, span, args))
        .collect();
    let members = top
        .fields(ctxt, MEMBERS, "include_public_key: Option<bool>")
        .map(|(_, fields)| read_members(ctxt, fields))
        .unwrap_or_default();
    let filters = top
        .group(ctxt, FILTERS, "\"state\" => state")
        .map(|(span, args)| read_filters(ctxt, span, args, nested.as_ref()));
    let paginate = top
        .flag_or_group(ctxt, PAGINATE, "min = 5, max = 1000")
        .map(|(span, args)| read_paginate(ctxt, span, args));
    let response = top
        .fields(ctxt, RESPONSE, "fleet_id: Option<String>")
        .map(|(_, fields)| {
            fields
                .iter()
                .filter_map(|field| crate::shape::parse::parse_field(ctxt, field))
                .collect()
        })
        .unwrap_or_default();
    let dry_run = top.flag(ctxt, DRY_RUN).then(|| {
        top.get(DRY_RUN)
            .map_or_else(Span::call_site, Entry::key_span)
    });
    let validate = top
        .path(
            ctxt,
            VALIDATE,
            "a function `fn(&Request) -> Result<(), Ec2Error>`, e.g. `validate = group_ids_required`",
        )
        .cloned();
    let visible = top
        .path(
            ctxt,
            VISIBLE,
            "a function `fn(&Request, &Caller, &Resource, &DescribeContext) -> bool`, e.g. `visible = owned_by_caller`",
        )
        .cloned();
    let respond = top
        .path(
            ctxt,
            RESPOND,
            "a function `fn(&Request, &Caller, &mut Response)`, e.g. `respond = hide_public_keys`",
        )
        .cloned();

    // A settings operation has no ID and no output member of its own.
    let required: &[Symbol] = if settings.is_some() {
        &[ACTION, RESOURCE]
    } else {
        &[ACTION, RESOURCE, RESOURCE_ID, OUTPUT]
    };
    top.require(ctxt, Span::call_site(), "#[ec2_operation(...)]", required);
    Operation {
        item,
        action,
        resource,
        resource_id,
        settings,
        output_key: top.get(OUTPUT).map(Entry::key_span),
        nested,
        output,
        ids,
        members,
        filters,
        paginate,
        response,
        dry_run,
        validate,
        visible,
        respond,
    }
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

fn read_nested(ctxt: &Ctxt, span: Span, args: &Args) -> Option<Nested> {
    let keyed = Keyed::read(ctxt, &args.entries, NESTED_KEYS, "`nested` key");
    let field = keyed.path(
        ctxt,
        FIELD,
        "the resource's list field holding the items, e.g. `field = instances`",
    );
    let resource_id = keyed.path(
        ctxt,
        RESOURCE_ID,
        "the item's ID field, e.g. `resource_id = instance_id`",
    );
    keyed.require(ctxt, span, "`nested(...)`", &[FIELD, RESOURCE_ID]);
    let field = single_ident(ctxt, field?)?;
    let resource_id = single_ident(ctxt, resource_id?)?;
    Some(Nested { field, resource_id })
}

/// A field of the resource or item itself: one identifier.
fn single_ident(ctxt: &Ctxt, path: &syn::Path) -> Option<syn::Ident> {
    let ident = path.get_ident().cloned();
    if ident.is_none() {
        ctxt.error_spanned_by(path, "expected a field name, e.g. `instances`");
    }
    ident
}

fn read_settings(ctxt: &Ctxt, span: Span, args: &Args) -> Option<Settings> {
    let keyed = Keyed::read(ctxt, &args.entries, SETTINGS_KEYS, "`settings` key");
    let default = keyed.path(
        ctxt,
        DEFAULT,
        "a function `fn() -> Resource` giving a new account's settings, e.g. `default = new_account_defaults`",
    );
    keyed.require(ctxt, span, "`settings(...)`", &[DEFAULT]);
    Some(Settings {
        span,
        default: default.cloned(),
    })
}

/// A settings answer is a flattened one: its members stand directly in the response, under no
/// element of their own.
fn settings_output(settings: &Settings) -> Output {
    Output {
        member: syn::LitStr::new("Settings", settings.span),
        xml: syn::LitStr::new("settings", settings.span),
        item: "item".to_owned(),
        item_span: None,
        field: Named::new("settings", settings.span),
        single: None,
        flatten: Some(settings.span),
        wrapper: None,
    }
}

fn read_output(ctxt: &Ctxt, span: Span, args: &Args) -> Option<Output> {
    let keyed = Keyed::read(ctxt, &args.entries, OUTPUT_KEYS, "`output` key");
    let member = keyed.string(ctxt, MEMBER, "\"BundleTasks\"");
    let xml = keyed.string(ctxt, XML, "\"bundleInstanceTasksSet\"");
    let item = keyed.string(ctxt, ITEM, "\"item\"");
    let single = keyed
        .flag(ctxt, SINGLE)
        .then(|| keyed.get(SINGLE).map_or(span, Entry::key_span));
    let flatten = keyed
        .flag(ctxt, FLATTEN)
        .then(|| keyed.get(FLATTEN).map_or(span, Entry::key_span));
    let wrapper = read_wrapper(ctxt, &keyed);
    if let (Some(item), Some(_)) = (&item, &wrapper) {
        ctxt.error_spanned_by(
            item,
            "the wrapper's own declaration names the list's items: leave out `item`",
        );
    }
    if let Some(one) = single.or(flatten).filter(|_| wrapper.is_some()) {
        ctxt.syn_error(syn::Error::new(
            one,
            "a `wrapper` holds a list of resources: not with `single` or `flatten`",
        ));
    }
    // Flattened members have no element of their own to name.
    let required: &[Symbol] = if flatten.is_some() {
        &[MEMBER]
    } else {
        &[MEMBER, XML]
    };
    keyed.require(ctxt, span, "`output(...)`", required);
    let member = member?;
    if let (Some(xml), Some(_)) = (&xml, flatten) {
        ctxt.error_spanned_by(
            xml,
            "a `flatten` answer has no element of its own: leave out `xml`",
        );
    }
    if let (Some(single), Some(_)) = (single, flatten) {
        ctxt.syn_error(syn::Error::new(single, "`single` wraps the answer in its `xml` element and `flatten` puts its members at the top: choose one"));
    }
    let xml = match (xml, flatten) {
        (Some(xml), _) => xml,
        (None, Some(_)) => syn::LitStr::new(
            &case::lower_camel(&case::snake(&member.value())),
            member.span(),
        ),
        (None, None) => return None,
    };
    Some(Output {
        field: Named::new(&case::snake(&member.value()), member.span()),
        xml,
        item: item
            .as_ref()
            .map_or_else(|| "item".to_owned(), syn::LitStr::value),
        item_span: item.as_ref().map(syn::LitStr::span),
        member,
        single,
        flatten,
        wrapper,
    })
}

/// `wrapper = Type` with `list = field`: both or neither.
fn read_wrapper(ctxt: &Ctxt, keyed: &Keyed<'_>) -> Option<Wrapper> {
    let ty = keyed.path(
        ctxt,
        WRAPPER,
        "the structure holding the list, e.g. `wrapper = ApplicationStatusesResponseType`",
    );
    let list = keyed.path(
        ctxt,
        LIST,
        "the wrapper's field holding the list, e.g. `list = instances`",
    );
    match (ty, list) {
        (Some(ty), Some(list)) => match list.get_ident() {
            Some(list) => Some(Wrapper {
                ty: ty.clone(),
                list: list.clone(),
            }),
            None => {
                ctxt.error_spanned_by(
                    list,
                    "expected a field of the wrapper, e.g. `list = instances`",
                );
                None
            }
        },
        (Some(ty), None) => {
            ctxt.error_spanned_by(
                ty,
                "a `wrapper` needs the field holding the list: add `list = field`",
            );
            None
        }
        (None, Some(list)) => {
            ctxt.error_spanned_by(
                list,
                "`list` names a field of a `wrapper`: add `wrapper = Type`",
            );
            None
        }
        (None, None) => None,
    }
}

fn read_ids(ctxt: &Ctxt, span: Span, args: &Args) -> Option<Ids> {
    let keyed = Keyed::read(ctxt, &args.entries, IDS_KEYS, "`ids` key");
    let key = keyed.string(ctxt, KEY, "\"BundleId\"");
    let member = keyed.string(ctxt, MEMBER, "\"BundleIds\"");
    let lookup = keyed
        .path(
            ctxt,
            FIELD,
            "the resource field the values name, e.g. `field = key_name`",
        )
        .and_then(|path| field_path_of(ctxt, path));
    let output = keyed
        .path(
            ctxt,
            OUTPUT,
            "the response field naming the parent, e.g. `output = fleet_id`",
        )
        .and_then(|path| match path.get_ident() {
            Some(ident) => Some(ident.clone()),
            None => {
                ctxt.error_spanned_by(
                    path,
                    "expected a field of `response(...)`, e.g. `output = fleet_id`",
                );
                None
            }
        });
    let noun = keyed.string(ctxt, NOUN, "\"bundle ID\"");
    let not_found = keyed.string(ctxt, NOT_FOUND, "\"InvalidBundleID.NotFound\"");
    let malformed = keyed.string(ctxt, MALFORMED, "\"InvalidBundleID.Malformed\"");
    let prefix = keyed.string(ctxt, PREFIX, "\"bun-\"");
    let set_name = keyed.string(ctxt, SET_NAME, "\"bundleIdSet\"");
    let single = keyed
        .flag(ctxt, SINGLE)
        .then(|| keyed.get(SINGLE).map_or(span, Entry::key_span));
    let parent = keyed.string(ctxt, PARENT, "\"DescribeClientVpnEndpoints\"");
    let optional = keyed
        .flag(ctxt, OPTIONAL)
        .then(|| keyed.get(OPTIONAL).map_or(span, Entry::key_span));
    let narrows = keyed
        .flag(ctxt, NARROWS)
        .then(|| keyed.get(NARROWS).map_or(span, Entry::key_span));
    keyed.require(ctxt, span, "`ids(...)`", &[KEY]);

    let key = key?;
    let key_text = key.value();
    let (member, member_span) = match &member {
        Some(member) => (member.value(), member.span()),
        // One ID is sent under its key (`VpcId`); a list under the plural member (`VpcIds`).
        None if single.is_some() => (key_text.clone(), key.span()),
        None => (derive::list_member(&key_text), key.span()),
    };
    let not_found_explicit = not_found.is_some();
    let (not_found, not_found_span) = match &not_found {
        Some(code) => (code.value(), code.span()),
        None => (derive::not_found_code(&key_text), key.span()),
    };
    let malformed = match (prefix, &malformed) {
        (Some(prefix), _) => Some(Malformed {
            code: malformed
                .as_ref()
                .map_or_else(|| derive::malformed_code(&not_found), syn::LitStr::value),
            code_span: malformed.as_ref().map_or(prefix.span(), syn::LitStr::span),
            explicit: malformed.is_some(),
            prefix,
        }),
        (None, Some(code)) => {
            ctxt.error_spanned_by(code, "`malformed` needs `prefix`: the prefix a well-formed ID starts with, e.g. `prefix = \"bun-\"`");
            None
        }
        (None, None) => None,
    };
    Some(Ids {
        field: Named::new(&case::snake(&member), member_span),
        one: derive::singular_field(&member)
            .filter(|_| single.is_none())
            .map(|one| Named::new(&one, member_span)),
        member,
        member_span,
        lookup,
        output,
        noun: noun
            .as_ref()
            .map_or_else(|| derive::subject(&key_text), syn::LitStr::value),
        noun_span: noun.as_ref().map_or(key.span(), syn::LitStr::span),
        not_found_explicit,
        not_found,
        not_found_span,
        narrows,
        parent,
        malformed,
        set_name,
        single,
        optional,
        key,
    })
}

fn read_members<'a>(
    ctxt: &Ctxt,
    fields: &'a Punctuated<syn::Field, syn::Token![,]>,
) -> Vec<Member<'a>> {
    fields
        .iter()
        .filter_map(|field| {
            let ident = field.ident.as_ref()?;
            let mut entries = Vec::new();
            for attr in field.attrs.iter().filter(|attr| attr.path().is_ident(EC2.as_str())) {
                match attr.parse_args::<Args>() {
                    Ok(args) => entries.extend(args.entries),
                    Err(err) => ctxt.syn_error(err),
                }
            }
            for attr in &field.attrs {
                if !attr.path().is_ident(EC2.as_str()) && !attr.path().is_ident("doc") {
                    ctxt.error_spanned_by(attr, "request members take only doc comments and `#[ec2(name = \"...\", query = \"...\", listed)]`");
                }
            }
            let keyed = Keyed::read(ctxt, &entries, MEMBER_KEYS, "`#[ec2]` member attribute");
            let name = keyed.string(ctxt, NAME, "\"IncludePublicKey\"");
            let query = keyed.string(ctxt, QUERY, "\"Owner\"");
            let listed = keyed.flag(ctxt, LISTED);
            let rust_name = ident.to_string();
            let rust_name = rust_name.strip_prefix("r#").unwrap_or(&rust_name);
            let name = name
                .as_ref()
                .map_or_else(|| case::pascal(rust_name), syn::LitStr::value);
            let kind = FieldKind::of(&field.ty);
            let one = match kind {
                FieldKind::List(_) => derive::singular_field(&name)
                    .filter(|one| one != rust_name)
                    .map(|one| Named::new(&one, ident.span())),
                _ => None,
            };
            Some(Member {
                original: field,
                field: Named {
                    ident: ident.clone(),
                    span: ident.span(),
                },
                ty: &field.ty,
                kind,
                query: query
                    .as_ref()
                    .map_or_else(|| name.clone(), syn::LitStr::value),
                query_span: query.as_ref().map_or(ident.span(), syn::LitStr::span),
                one,
                name,
                listed,
                docs: field
                    .attrs
                    .iter()
                    .filter(|attr| attr.path().is_ident("doc"))
                    .collect(),
            })
        })
        .collect()
}

/// Reads `filters(...)`. A name written alone spells its field path from the resource, or in a
/// `nested` operation from the item (`"instance-id"` is `instances.instance_id`): what the
/// operation's filters address.
fn read_filters(ctxt: &Ctxt, span: Span, args: &Args, nested: Option<&Nested>) -> Filters {
    let mut filters = Filters {
        key: None,
        span,
        fields: Vec::new(),
        tags: TagFilters::default(),
        ignored_with: None,
    };
    let mut settings: Vec<&Entry> = Vec::new();
    for entry in &args.entries {
        match entry {
            Entry::Filter(name, Some(target))
                if matches!(name.value().as_str(), TAG_NAMED | TAG_KEY | TAG_VALUE) =>
            {
                filters.tags.names.push((name.clone(), target.clone()));
            }
            Entry::Filter(name, Some(target)) => {
                filters.fields.push((name.clone(), target.clone()));
            }
            Entry::Filter(name, None)
                if matches!(name.value().as_str(), TAG_NAMED | TAG_KEY | TAG_VALUE) =>
            {
                ctxt.error_spanned_by(
                    name,
                    format!(
                        "a tag filter names its tag field: write `{:?} => tags`",
                        name.value()
                    ),
                );
            }
            Entry::Filter(name, None) => match derive::filter_field_path(&name.value()) {
                Some(segments) => {
                    let through = nested.map(|nested| {
                        let mut field = nested.field.clone();
                        field.set_span(name.span());
                        field
                    });
                    let path = through
                        .into_iter()
                        .chain(segments.iter().map(|segment| syn::Ident::new(segment, name.span())))
                        .collect();
                    filters.fields.push((name.clone(), Target::Field(path)));
                }
                None => ctxt.error_spanned_by(
                    name,
                    format!(
                        "the field of filter {:?} cannot be spelled from its name: write `{:?} => field.path`",
                        name.value(),
                        name.value()
                    ),
                ),
            },
            Entry::Mapping(key, Target::Field(path)) if *key == TAGS => {
                let field = path
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(".");
                ctxt.error_spanned_by(
                    key,
                    format!("tag filters are named as EC2 documents them: write `\"tag:<key>\" => {field}, \"tag-key\" => {field}`, and `\"tag-value\" => {field}` where the operation documents it"),
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
    filters.key = keyed.string(ctxt, KEY, "\"Filters\"");
    filters.ignored_with = keyed
        .path(
            ctxt,
            IGNORED_WITH,
            "a list member of `members(...)`, e.g. `ignored_with = image_ids`",
        )
        .cloned();
    filters
}

fn read_paginate(ctxt: &Ctxt, span: Span, args: Option<&Args>) -> Paginate {
    let Some(args) = args else {
        return Paginate {
            span,
            min: None,
            max: None,
            clamp: None,
            ids_with_max_results: true,
        };
    };
    let keyed = Keyed::read(ctxt, &args.entries, PAGINATE_KEYS, "`paginate` key");
    let min = keyed.integer(ctxt, MIN, "5");
    let max = keyed.integer(ctxt, MAX, "1000");
    let clamp = keyed
        .flag(ctxt, CLAMP)
        .then(|| keyed.get(CLAMP).map_or(span, Entry::key_span));
    let ids_with_max_results = keyed.boolean(ctxt, IDS_WITH_MAX_RESULTS).unwrap_or(true);
    Paginate {
        span,
        min,
        max,
        clamp,
        ids_with_max_results,
    }
}
