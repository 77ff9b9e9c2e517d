//! Rules across the keys of one `#[ec2_operation]`. Each rule is one function, opened by the rule.

use std::collections::BTreeMap;

use super::model::Operation;
use crate::ctxt::Ctxt;
use crate::names;

pub fn check(ctxt: &Ctxt, op: &Operation<'_>) {
    action_is_a_describe_name(ctxt, op);
    item_is_a_plain_unit_struct(ctxt, op.item);
    output_names_are_ec2_names(ctxt, op);
    ids_are_complete(ctxt, op);
    filter_names_are_unique_kebab_case(ctxt, op);
    pagination_bounds_are_sane(ctxt, op);
}

/// `action` is PascalCase and names a describe operation: `"DescribeBundleTasks"`.
fn action_is_a_describe_name(ctxt: &Ctxt, op: &Operation<'_>) {
    let action = op.action.value();
    if !names::is_pascal(&action) {
        ctxt.error_spanned_by(
            &op.action,
            "EC2 action names are PascalCase ASCII, e.g. \"DescribeBundleTasks\"",
        );
    } else if !action.starts_with("Describe") || action.len() == "Describe".len() {
        ctxt.error_spanned_by(&op.action, "#[ec2_operation] declares EC2 `Describe*` operations; the action must start with `Describe`, e.g. \"DescribeBundleTasks\"");
    }
}

/// The annotated item is `struct Name;`: it only names the operation, the macro writes the types.
fn item_is_a_plain_unit_struct(ctxt: &Ctxt, item: &syn::DeriveInput) {
    match &item.data {
        syn::Data::Struct(data) if matches!(data.fields, syn::Fields::Unit) => {}
        syn::Data::Struct(data) => ctxt.error_spanned_by(&data.fields, "#[ec2_operation] goes on a unit struct (`pub struct DescribeBundleTasks;`); the macro generates the request and response types"),
        syn::Data::Enum(data) => ctxt.error_spanned_by(data.enum_token, "#[ec2_operation] goes on a unit struct, not an enum"),
        syn::Data::Union(data) => ctxt.error_spanned_by(data.union_token, "#[ec2_operation] goes on a unit struct, not a union"),
    }
    if !item.generics.params.is_empty() {
        ctxt.error_spanned_by(
            &item.generics,
            "#[ec2_operation] structs take no generic parameters",
        );
    }
    for attr in item.attrs.iter().filter(|attr| attr.path().is_ident("ec2")) {
        ctxt.error_spanned_by(attr, "`#[ec2(...)]` belongs on the fields of an #[ec2_shape] struct, not on an #[ec2_operation]");
    }
}

/// The output member is PascalCase (`BundleTasks`), its XML names are element names.
fn output_names_are_ec2_names(ctxt: &Ctxt, op: &Operation<'_>) {
    if !names::is_pascal(&op.output.member.value()) {
        ctxt.error_spanned_by(
            &op.output.member,
            "member names are PascalCase, e.g. \"BundleTasks\"",
        );
    }
    for xml in std::iter::once(&op.output.xml).chain(&op.output.item) {
        if !names::is_xml_name(&xml.value()) {
            ctxt.error_spanned_by(xml, "XML element names are ASCII letters and digits starting with a letter, e.g. \"bundleInstanceTasksSet\"");
        }
    }
}

/// ID settings: PascalCase member and key, EC2-style error codes, and `malformed` with `prefix`.
fn ids_are_complete(ctxt: &Ctxt, op: &Operation<'_>) {
    let Some(ids) = &op.ids else {
        if let Some(paginate) = &op.paginate
            && !paginate.ids_with_max_results
        {
            ctxt.syn_error(syn::Error::new(
                paginate.span,
                "`ids_with_max_results = false` forbids combining IDs with MaxResults, but this operation declares no `ids(...)`",
            ));
        }
        return;
    };
    for name in [&ids.member, &ids.key] {
        if !names::is_pascal(&name.value()) {
            ctxt.error_spanned_by(
                name,
                "Query member names are PascalCase, e.g. \"BundleIds\" and \"BundleId\"",
            );
        }
    }
    for code in [Some(&ids.not_found), ids.malformed.as_ref()]
        .into_iter()
        .flatten()
    {
        if !names::is_error_code(&code.value()) {
            ctxt.error_spanned_by(code, "EC2 error codes are dot-separated PascalCase words, e.g. \"InvalidBundleID.NotFound\"");
        }
    }
    if ids.noun.value().trim().is_empty() {
        ctxt.error_spanned_by(&ids.noun, "the noun names the resource in messages (\"The bundle ID 'x' does not exist\"), e.g. \"bundle\"");
    }
    match (&ids.malformed, &ids.prefix) {
        (Some(code), None) => ctxt.error_spanned_by(code, "`malformed` needs `prefix`: the prefix a well-formed ID starts with, e.g. `prefix = \"bun-\"`"),
        (None, Some(prefix)) => ctxt.error_spanned_by(prefix, "`prefix` needs `malformed`: the error code for an ID without it, e.g. `malformed = \"InvalidBundleID.Malformed\"`"),
        (Some(_), Some(prefix)) if prefix.value().is_empty() => ctxt.error_spanned_by(prefix, "an ID prefix may not be empty"),
        _ => {}
    }
    if let Some(set_name) = &ids.set_name
        && !names::is_xml_name(&set_name.value())
    {
        ctxt.error_spanned_by(
            set_name,
            "`set_name` is EC2's name for the ID list, e.g. \"bundleIdSet\"",
        );
    }
}

/// Filter names are lower-kebab (`s3-bucket`), unique, and leave `tag:*`, `tag-key` and `tag-value` to
/// `tags => field`. The Query key is `Filter` or `Filters`.
fn filter_names_are_unique_kebab_case(ctxt: &Ctxt, op: &Operation<'_>) {
    if let Some(key) = &op.filters.key
        && !matches!(key.value().as_str(), "Filter" | "Filters")
    {
        ctxt.error_spanned_by(key, "EC2 filter lists are sent as `Filter.N` or `Filters.N`: expected \"Filter\" or \"Filters\"");
    }
    let mut seen = BTreeMap::new();
    for (name, _) in &op.filters.fields {
        let text = name.value();
        if text.starts_with("tag:") || text == "tag-key" || text == "tag-value" {
            ctxt.error_spanned_by(name, "tag filters (`tag:<key>`, `tag-key`, `tag-value`) come from `tags => <tag field>`, not from a filter name");
        } else if !names::is_kebab(&text) {
            ctxt.error_spanned_by(name, format!("filter names are lower-case words joined by hyphens, e.g. \"s3-bucket\"; found {text:?}"));
        } else if seen.insert(text.clone(), ()).is_some() {
            ctxt.error_spanned_by(name, format!("duplicate filter name \"{text}\""));
        }
    }
}

/// `0 < min <= max`: EC2's bounds are mostly `5..=1000`.
fn pagination_bounds_are_sane(ctxt: &Ctxt, op: &Operation<'_>) {
    let Some(paginate) = &op.paginate else { return };
    let min = paginate.min.base10_parse::<u32>();
    let max = paginate.max.base10_parse::<u32>();
    match &min {
        Err(_) => ctxt.error_spanned_by(
            &paginate.min,
            "`min` is a positive integer that fits in u32",
        ),
        Ok(0) => ctxt.error_spanned_by(
            &paginate.min,
            "`min` may not be 0: EC2's smallest page is usually 5",
        ),
        Ok(_) => {}
    }
    match (&min, &max) {
        (_, Err(_)) => ctxt.error_spanned_by(
            &paginate.max,
            "`max` is a positive integer that fits in u32",
        ),
        (Ok(min), Ok(max)) if max < min => ctxt.error_spanned_by(
            &paginate.max,
            format!("`max` ({max}) is below `min` ({min})"),
        ),
        _ => {}
    }
}
