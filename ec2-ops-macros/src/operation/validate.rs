//! Rules across the keys of one `#[ec2_operation]`. Each rule is one function, opened by the rule.
//! Every rule runs on whatever parts were read, so a declaration missing a required key still gets
//! every other mistake reported in the same build.

use std::collections::BTreeMap;

use proc_macro2::Span;

use super::model::{FieldPath, Ids, Operation, Output, TAG_NAMED};
use crate::ctxt::Ctxt;
use crate::names;
use crate::syntax::Target;
use crate::ty::FieldKind;

pub fn check(ctxt: &Ctxt, op: &Operation<'_>) {
    action_is_a_describe_name(ctxt, op);
    item_is_a_plain_unit_struct(ctxt, op.item);
    output_names_are_ec2_names(ctxt, op);
    ids_are_complete(ctxt, op);
    members_are_query_members(ctxt, op);
    filter_names_are_unique_ec2_names(ctxt, op);
    filters_are_ignored_with_a_list_member(ctxt, op);
    tag_filters_share_one_tag_field(ctxt, op);
    pagination_bounds_are_sane(ctxt, op);
    generated_names_do_not_collide(ctxt, op);
    response_members_are_shape_fields(ctxt, op);
    one_resource_answers_are_consistent(ctxt, op);
    wrapped_lists_are_plain(ctxt, op);
    settings_answers_stand_alone(ctxt, op);
}

/// `settings(...)` answers the account's one settings structure: it has no ID, no output member of
/// its own, and nothing to select, filter or page.
fn settings_answers_stand_alone(ctxt: &Ctxt, op: &Operation<'_>) {
    let Some(settings) = &op.settings else { return };
    if let Some(resource_id) = &op.resource_id {
        ctxt.error_spanned_by(
            resource_id,
            "a `settings` answer is the account's one structure: it has no `resource_id`",
        );
    }
    if let Some(output) = op.output_key {
        ctxt.syn_error(syn::Error::new(
            output,
            "a `settings` answer's members stand directly in the response: leave out `output(...)`",
        ));
    }
    let refuse = |span: Span, what: &str| {
        ctxt.syn_error(syn::Error::new(
            span,
            format!(
                "a `settings` operation takes no {what}: EC2's settings reads take only `DryRun`"
            ),
        ));
    };
    for ids in &op.ids {
        refuse(ids.key.span(), "IDs");
    }
    if let Some(member) = op.members.first() {
        refuse(member.field.span, "request members");
    }
    if let Some(filters) = &op.filters {
        refuse(filters.span, "filters");
    }
    if let Some(paginate) = &op.paginate {
        refuse(paginate.span, "pages");
    }
    if op.nested.is_some() || op.visible.is_some() {
        refuse(settings.span, "`nested` or `visible`");
    }
}

/// `filters(ignored_with = member)` names a list member of `members(...)`: EC2 ignores the filters
/// when the list has values.
fn filters_are_ignored_with_a_list_member(ctxt: &Ctxt, op: &Operation<'_>) {
    let Some(path) = op
        .filters
        .as_ref()
        .and_then(|filters| filters.ignored_with.as_ref())
    else {
        return;
    };
    let named = path.get_ident().and_then(|ident| {
        op.members
            .iter()
            .find(|member| member.field.ident == *ident)
    });
    match named {
        Some(member) if matches!(member.kind, FieldKind::List(_)) => {}
        Some(_) => ctxt.error_spanned_by(
            path,
            "`ignored_with` names a list member (`Vec<T>`): EC2 ignores the filters when it has values",
        ),
        None => ctxt.error_spanned_by(
            path,
            "`ignored_with` names a list member of `members(...)`, e.g. `ignored_with = image_ids`",
        ),
    }
}

/// `output(..., single)` and `output(..., flatten)` answer one resource: there is nothing to page
/// through, no items inside it to answer instead, no list of IDs to choose among, and no `item`
/// element; and an ID that is always sent cannot refuse `MaxResults`.
fn one_resource_answers_are_consistent(ctxt: &Ctxt, op: &Operation<'_>) {
    for ids in op.ids.iter() {
        if let Some(optional) = ids.optional
            && ids.single.is_none()
        {
            ctxt.syn_error(syn::Error::new(
                optional,
                "`optional` is for one ID sent under its key (`single`); a list may be left out already",
            ));
        }
    }
    for ids in op
        .ids
        .iter()
        .filter(|ids| ids.single.is_some() && ids.optional.is_none())
    {
        if let Some(paginate) = op.paginate.as_ref().filter(|p| !p.ids_with_max_results) {
            ctxt.syn_error(syn::Error::new(
                paginate.span,
                format!("`ids(key = {:?}, single)` is always sent, so `ids_with_max_results = false` would refuse every `MaxResults`", ids.key.value()),
            ));
        }
    }
    let Some(output) = &op.output else { return };
    let Some(single) = output.one_resource() else {
        return;
    };
    // A settings operation's own rule says what it may not have, in its words.
    if op.settings.is_some() {
        return;
    }
    if let Some(item) = output.item_span {
        ctxt.syn_error(syn::Error::new(
            item,
            "`item` names the elements of a list; a `single` or `flatten` answer is one resource",
        ));
    }
    for ids in op
        .ids
        .iter()
        .filter(|ids| ids.is_primary() && ids.single.is_none())
    {
        ctxt.syn_error(syn::Error::new(
            ids.key.span(),
            "this operation answers one resource: its ID is one required member, `ids(..., single)`",
        ));
    }
    for optional in op
        .ids
        .iter()
        .filter(|ids| ids.is_primary())
        .filter_map(|ids| ids.optional)
    {
        ctxt.syn_error(syn::Error::new(
            optional,
            "this operation answers one resource: its ID is required, so it cannot be `optional`",
        ));
    }
    if let Some(paginate) = &op.paginate {
        ctxt.syn_error(syn::Error::new(
            paginate.span,
            "`output(..., single)` and `output(..., flatten)` answer one resource: it cannot be paginated",
        ));
    }
    if op.nested.is_some() {
        ctxt.syn_error(syn::Error::new(
            single,
            "`nested` answers resources holding their matching items: it cannot be `single` or `flatten`",
        ));
    }
}

/// A list held in a `wrapper` is a plain list of resources: the grouping of `nested` reaches the
/// response's own list.
fn wrapped_lists_are_plain(ctxt: &Ctxt, op: &Operation<'_>) {
    let Some(wrapper) = op
        .output
        .as_ref()
        .and_then(|output| output.wrapper.as_ref())
    else {
        return;
    };
    if op.nested.is_some() {
        ctxt.error_spanned_by(
            &wrapper.ty,
            "`nested` groups items in the response's own list: not with a `wrapper`",
        );
    }
}

/// Response members follow the shape rules: `item` only on lists.
fn response_members_are_shape_fields(ctxt: &Ctxt, op: &Operation<'_>) {
    crate::shape::validate::check_item_names_on_lists(ctxt, &op.response);
}

/// `action` is PascalCase and names a describe operation: `"DescribeBundleTasks"`.
fn action_is_a_describe_name(ctxt: &Ctxt, op: &Operation<'_>) {
    let Some(action) = &op.action else { return };
    let text = action.value();
    if !names::is_pascal(&text) {
        ctxt.error_spanned_by(
            action,
            "EC2 action names are PascalCase ASCII, e.g. \"DescribeBundleTasks\"",
        );
    } else if op.settings.is_some() {
        if !text.starts_with("Get") || text.len() == "Get".len() {
            ctxt.error_spanned_by(action, "a `settings` operation is an EC2 `Get*` read of the account's settings: the action must start with `Get`, e.g. \"GetEbsEncryptionByDefault\"");
        }
    } else if !text.starts_with("Describe") || text.len() == "Describe".len() {
        ctxt.error_spanned_by(action, "#[ec2_operation] declares EC2 `Describe*` operations (and `Get*` settings reads, with `settings(...)`); the action must start with `Describe`, e.g. \"DescribeBundleTasks\"");
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
    let Some(output) = &op.output else { return };
    if !names::is_pascal(&output.member.value()) {
        ctxt.error_spanned_by(
            &output.member,
            "member names are PascalCase, e.g. \"BundleTasks\"",
        );
    }
    if !names::is_xml_name(&output.xml.value()) {
        ctxt.error_spanned_by(&output.xml, "XML element names are ASCII letters and digits starting with a letter, e.g. \"bundleInstanceTasksSet\"");
    }
    if let Some(span) = output.item_span
        && !names::is_xml_name(&output.item)
    {
        ctxt.syn_error(syn::Error::new(
            span,
            "XML element names are ASCII letters and digits starting with a letter, e.g. \"item\"",
        ));
    }
}

/// ID lists: PascalCase key and member, EC2-style error codes, a non-empty prefix, and at most one
/// list of the resource's own IDs (the others name a `field`).
fn ids_are_complete(ctxt: &Ctxt, op: &Operation<'_>) {
    let mut primary = None;
    for ids in &op.ids {
        if !names::is_pascal(&ids.key.value()) {
            ctxt.error_spanned_by(
                &ids.key,
                "Query keys are PascalCase, e.g. \"BundleId\" (for `BundleId.N`)",
            );
        }
        if !names::is_pascal(&ids.member) {
            ctxt.syn_error(syn::Error::new(
                ids.member_span,
                "member names are PascalCase, e.g. \"BundleIds\"",
            ));
        }
        if !names::is_error_code(&ids.not_found) {
            ctxt.syn_error(syn::Error::new(ids.not_found_span, "EC2 error codes are dot-separated PascalCase words, e.g. \"InvalidBundleID.NotFound\""));
        }
        if let Some(malformed) = &ids.malformed {
            if malformed.explicit && !names::is_error_code(&malformed.code) {
                ctxt.syn_error(syn::Error::new(malformed.code_span, "EC2 error codes are dot-separated PascalCase words, e.g. \"InvalidBundleID.Malformed\""));
            }
            if malformed.prefix.value().is_empty() {
                ctxt.error_spanned_by(&malformed.prefix, "an ID prefix may not be empty");
            }
        }
        if ids.noun.trim().is_empty() {
            ctxt.syn_error(syn::Error::new(ids.noun_span, "the noun names one value in messages (\"The bundle ID 'x' does not exist\"), e.g. \"bundle ID\""));
        }
        if let Some(set_name) = &ids.set_name
            && !names::is_xml_name(&set_name.value())
        {
            ctxt.error_spanned_by(
                set_name,
                "`set_name` is EC2's name for the ID list, e.g. \"bundleIdSet\"",
            );
        }
        if let Some(output) = &ids.output {
            parent_named_by_output(ctxt, op, ids, output);
        }
        if let Some(parent) = &ids.parent {
            if ids.is_primary() {
                ctxt.error_spanned_by(parent, "only a second list names a `parent`: name the resource field its values match, e.g. `field = client_vpn_endpoint_id`");
            } else if let Some(narrows) = ids.narrows {
                ctxt.syn_error(syn::Error::new(narrows, "a list naming a `parent` narrows already: a parent served with no resource here selects nothing"));
            }
            if !names::is_pascal(&parent.value()) {
                ctxt.error_spanned_by(parent, "`parent` is the action serving the parents, e.g. \"DescribeClientVpnEndpoints\"");
            }
        }
        if let Some(narrows) = ids.narrows {
            if ids.is_primary() {
                ctxt.syn_error(syn::Error::new(narrows, "only a second list may `narrows`: the resource's own IDs must exist; name the resource field its values match, e.g. `field = instance_type`"));
            } else if ids.not_found_explicit {
                ctxt.syn_error(syn::Error::new(ids.not_found_span, "a list that `narrows` has no not-found error: a value no resource holds selects nothing"));
            }
        }
        if ids.is_primary() {
            match primary {
                None => primary = Some(&ids.key),
                Some(first) => ctxt.error_spanned_by(&ids.key, format!("`{}` already lists the resource's own IDs: a second ID list names the resource field its values match, e.g. `ids(key = {:?}, field = key_name)`", first.value(), ids.key.value())),
            }
        }
    }
}

/// `ids(..., output = field)`: the one required ID (`single`, not `optional`) of the parent that
/// every answer names in `field` of `response(...)`, which holds it as `Option<String>`; not also
/// matched against a resource field, and not a list that `narrows` (an unknown parent is its
/// not-found error, where `parent` names the operation listing parents).
fn parent_named_by_output(ctxt: &Ctxt, op: &Operation<'_>, ids: &Ids, output: &syn::Ident) {
    if ids.single.is_none() || ids.optional.is_some() {
        ctxt.error_spanned_by(
            output,
            "the parent an answer names is one required ID: write `single` (and not `optional`)",
        );
    }
    if let Some(path) = &ids.lookup {
        let span = path.first().map_or_else(|| output.span(), syn::Ident::span);
        ctxt.syn_error(syn::Error::new(
            span,
            "the parent is named beside the list (`output = ...`), not by a resource field: write one of `field` and `output`",
        ));
    }
    if let Some(narrows) = ids.narrows {
        ctxt.syn_error(syn::Error::new(
            narrows,
            "a parent named beside the list is looked up, not matched: it cannot `narrows`",
        ));
    }
    match op.response.iter().find(|field| field.ident == output) {
        None => ctxt.error_spanned_by(
            output,
            format!("`{output}` is not a field of `response(...)`: declare the member naming the parent there, e.g. `response({output}: Option<String>)`"),
        ),
        Some(field) if !is_optional_string(&field.original.ty) => ctxt.error_spanned_by(
            &field.original.ty,
            "the member naming the parent holds its ID: `Option<String>`",
        ),
        Some(_) => {}
    }
    if op.output.as_ref().and_then(Output::one_resource).is_some() || op.nested.is_some() {
        ctxt.error_spanned_by(
            output,
            "a parent named beside the list is for a list of resources, not `single`, `flatten` or `nested` answers",
        );
    }
}

/// `Option<String>`, as written (`String` or `std::string::String` inside).
fn is_optional_string(ty: &syn::Type) -> bool {
    let syn::Type::Path(path) = ty else {
        return false;
    };
    let Some(last) = path.path.segments.last() else {
        return false;
    };
    if last.ident != "Option" {
        return false;
    }
    let syn::PathArguments::AngleBracketed(arguments) = &last.arguments else {
        return false;
    };
    matches!(
        arguments.args.first(),
        Some(syn::GenericArgument::Type(syn::Type::Path(inner)))
            if inner.path.segments.last().is_some_and(|segment| segment.ident == "String")
    )
}

/// Request members are scalars (`Option<T>`, or `T` when EC2 requires them) or lists (`Vec<T>`),
/// with PascalCase names and Query keys.
fn members_are_query_members(ctxt: &Ctxt, op: &Operation<'_>) {
    for member in &op.members {
        if let FieldKind::OptionalList(_) = member.kind {
            ctxt.error_spanned_by(member.ty, "a request list is `Vec<T>`: EC2 does not send an empty list, so absent and empty are the same");
        }
        if !names::is_pascal(&member.name) {
            ctxt.error_spanned_by(
                &member.original.ident,
                "member names are PascalCase; set one with `#[ec2(name = \"IncludePublicKey\")]`",
            );
        }
        if !names::is_pascal(&member.query) {
            ctxt.syn_error(syn::Error::new(
                member.query_span,
                "Query keys are PascalCase, e.g. \"Owner\" (for `Owner.N`)",
            ));
        }
    }
}

/// Filter names are EC2's (`s3-bucket`, `attachment.instance-id`, `haStatus`) and unique. The
/// Query key is `Filter` or `Filters`.
fn filter_names_are_unique_ec2_names(ctxt: &Ctxt, op: &Operation<'_>) {
    let Some(filters) = &op.filters else { return };
    if let Some(key) = &filters.key
        && !matches!(key.value().as_str(), "Filter" | "Filters")
    {
        ctxt.error_spanned_by(
            key,
            "EC2 filter lists are sent as `Filter.N` (the default) or `Filters.N`: expected \"Filters\"",
        );
    }
    let mut seen = BTreeMap::new();
    let all = filters.fields.iter().chain(&filters.tags.names);
    for (name, _) in all {
        let text = name.value();
        if text.starts_with("tag:") && text != TAG_NAMED {
            ctxt.error_spanned_by(name, format!("the tag filter is written `\"{TAG_NAMED}\"`: it accepts every `tag:` name; found {text:?}"));
        } else if !names::is_filter_name(&text) && text != TAG_NAMED {
            ctxt.error_spanned_by(name, format!("filter names are EC2's: letters and digits starting with a lower-case letter, words joined by `-` or `.`, e.g. \"s3-bucket\" or \"attachment.instance-id\"; found {text:?}"));
        } else if seen.insert(text.clone(), ()).is_some() {
            ctxt.error_spanned_by(name, format!("duplicate filter name \"{text}\""));
        }
    }
}

/// `"tag:<key>"`, `"tag-key"` and `"tag-value"` map to the resource's tag field, all to the same one.
fn tag_filters_share_one_tag_field(ctxt: &Ctxt, op: &Operation<'_>) {
    let Some(filters) = &op.filters else { return };
    let mut first: Option<&FieldPath> = None;
    for (name, target) in &filters.tags.names {
        match target {
            // Items that are tags themselves (`DescribeTags`) answer `tag:<key>` from their own fields.
            Target::With(_) if name.value() == TAG_NAMED => {}
            Target::With(function) => ctxt.error_spanned_by(
                function,
                format!(
                    "\"{}\" maps to the resource's tag list (a `Vec<Tag>` field), not to a function; only \"{TAG_NAMED}\" may name one",
                    name.value()
                ),
            ),
            Target::Field(path) => match first {
                None => first = Some(path),
                Some(first) if !first.iter().eq(path.iter()) => {
                    ctxt.error_spanned_by(path, "every tag filter reads the same tag field")
                }
                Some(_) => {}
            },
        }
    }
}

/// `0 < min <= max`, both or neither; `clamp` needs a `max`; `ids_with_max_results = false` needs an
/// ID list.
fn pagination_bounds_are_sane(ctxt: &Ctxt, op: &Operation<'_>) {
    let Some(paginate) = &op.paginate else { return };
    if !paginate.ids_with_max_results && !op.ids.iter().any(|ids| ids.is_primary()) {
        ctxt.syn_error(syn::Error::new(
            paginate.span,
            "`ids_with_max_results = false` forbids combining IDs with MaxResults, but this operation declares no `ids(...)`",
        ));
    }
    match (&paginate.min, &paginate.max) {
        (None, None) => {
            if let Some(clamp) = paginate.clamp {
                ctxt.syn_error(syn::Error::new(
                    clamp,
                    "`clamp` serves a MaxResults above `max` as `max`: declare the bounds, e.g. `paginate(min = 5, max = 500, clamp)`",
                ));
            }
        }
        (Some(min), None) => ctxt.error_spanned_by(min, "`min` needs `max`: declare both bounds where EC2 documents them, or neither (`paginate`)"),
        (None, Some(max)) => ctxt.error_spanned_by(max, "`max` needs `min`: declare both bounds where EC2 documents them, or neither (`paginate`)"),
        (Some(min_lit), Some(max_lit)) => {
            let min = min_lit.base10_parse::<u32>();
            let max = max_lit.base10_parse::<u32>();
            match &min {
                Err(_) => ctxt.error_spanned_by(min_lit, "`min` is a positive integer that fits in u32"),
                Ok(0) => ctxt.error_spanned_by(min_lit, "`min` may not be 0: EC2's smallest page is usually 5"),
                Ok(_) => {}
            }
            match (&min, &max) {
                (_, Err(_)) => ctxt.error_spanned_by(max_lit, "`max` is a positive integer that fits in u32"),
                (Ok(min), Ok(max)) if max < min => ctxt.error_spanned_by(max_lit, format!("`max` ({max}) is below `min` ({min})")),
                _ => {}
            }
        }
    }
}

/// No two generated request fields, builder methods, Query keys, response fields or response XML
/// elements share a name: the collision is reported at the user's token, not as rustc's
/// duplicate-definition error (or, for elements, as a response that cannot be parsed back).
fn generated_names_do_not_collide(ctxt: &Ctxt, op: &Operation<'_>) {
    let mut fields = Names::new(ctxt, "request field");
    let mut methods = Names::new(ctxt, "builder method");
    let mut keys = Names::new(ctxt, "Query key");
    let mut response = Names::new(ctxt, "response field").with_hint(
        "rename the field (`#[ec2(name = \"...\", xml = \"...\")]` keeps its member and XML names)",
    );
    let call_site = Span::call_site();
    methods.add("build", call_site, "the builder");
    response.add("request_id", call_site, "the response");
    if let Some(output) = &op.output {
        let _ = response.add(
            &output.field.ident.to_string(),
            output.field.span,
            "`output`",
        );
    }
    for ids in &op.ids {
        let field = ids.field.ident.to_string();
        // One report per declaration: a field that collides also collides as a builder method.
        let _ = fields.add(&field, ids.field.span, "`ids`")
            && methods.add(&field, ids.field.span, "`ids`")
            && ids
                .one
                .as_ref()
                .is_none_or(|one| methods.add(&one.ident.to_string(), one.span, "`ids`"))
            && keys.add(&ids.key.value(), ids.key.span(), "`ids`");
    }
    for member in &op.members {
        let field = member.field.ident.to_string();
        let _ = fields.add(&field, member.field.span, "`members`")
            && methods.add(&field, member.field.span, "`members`")
            && member
                .one
                .as_ref()
                .is_none_or(|one| methods.add(&one.ident.to_string(), one.span, "`members`"))
            && keys.add(&member.query, member.query_span, "`members`");
    }
    if let Some(filters) = &op.filters {
        let key = filters
            .key
            .as_ref()
            .map_or("Filter".to_owned(), syn::LitStr::value);
        let _ = fields.add("filters", filters.span, "`filters`")
            && methods.add("filter", filters.span, "`filters`")
            && keys.add(&key, filters.span, "`filters`");
    }
    if let Some(paginate) = &op.paginate {
        for (field, key) in [("max_results", "MaxResults"), ("next_token", "NextToken")] {
            let _ = fields.add(field, paginate.span, "`paginate`")
                && methods.add(field, paginate.span, "`paginate`")
                && keys.add(key, paginate.span, "`paginate`");
        }
        let _ = response.add("next_token", paginate.span, "`paginate`");
    }
    let mut elements = Names::new(ctxt, "response element")
        .with_hint("give this member an `#[ec2(xml = \"...\")]`");
    elements.add("requestId", call_site, "the response");
    if let Some(output) = op.output.as_ref().filter(|output| output.flatten.is_none()) {
        elements.add(&output.xml.value(), output.xml.span(), "`output`");
    }
    if let Some(paginate) = &op.paginate {
        elements.add("nextToken", paginate.span, "`paginate`");
    }
    for field in &op.response {
        // One report per declaration: a field that collides also collides as an element.
        let _ = response.add(&field.ident.to_string(), field.ident.span(), "`response`")
            && elements.add(&field.xml_name, field.xml_span, "`response`");
    }
    if let Some(span) = op.dry_run {
        let _ = fields.add("dry_run", span, "`dry_run`")
            && methods.add("dry_run", span, "`dry_run`")
            && keys.add("DryRun", span, "`dry_run`");
    }
}

/// Generated names of one kind, each with what generated it.
struct Names<'c> {
    ctxt: &'c Ctxt,
    kind: &'static str,
    /// How to resolve a collision.
    hint: &'static str,
    seen: BTreeMap<String, &'static str>,
}

impl<'c> Names<'c> {
    fn new(ctxt: &'c Ctxt, kind: &'static str) -> Self {
        Names {
            ctxt,
            kind,
            hint: "rename one (`#[ec2(name = \"...\")]` on a member, `member = \"...\"` in `ids`)",
            seen: BTreeMap::new(),
        }
    }

    fn with_hint(mut self, hint: &'static str) -> Self {
        self.hint = hint;
        self
    }

    /// Records `name`; `false` (and an error at `span`) when something else already generates it.
    fn add(&mut self, name: &str, span: Span, origin: &'static str) -> bool {
        let name = name.strip_prefix("r#").unwrap_or(name);
        match self.seen.get(name) {
            Some(first) => {
                self.ctxt.syn_error(syn::Error::new(
                    span,
                    format!(
                        "this declares the {} `{name}`, which {first} already generates; {}",
                        self.kind, self.hint
                    ),
                ));
                false
            }
            None => {
                self.seen.insert(name.to_owned(), origin);
                true
            }
        }
    }
}
