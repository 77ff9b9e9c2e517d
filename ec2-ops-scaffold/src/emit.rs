//! Rust source for planned declarations, laid out as a person would write them.

use std::fmt::Write;

use crate::decisions::HookKind;
use crate::filters::Mapping;
use crate::plan::{FieldDecl, FilterOrigin, OperationDecl, OutputDecl, Plan, ShapeDecl};

/// The imports every written module starts with, through the facade.
pub const IMPORTS: &str =
    "#[allow(unused_imports)]\nuse ec2_ops::{Blob, DateTime, Tag, ec2_operation, ec2_shape};\n";

/// A whole module: imports, shapes, then operations.
pub fn module(plan: &Plan) -> String {
    let mut out = String::from(IMPORTS);
    for shape in &plan.shapes {
        out.push('\n');
        out.push_str(&shape_item(shape, plan, None));
    }
    for operation in &plan.operations {
        out.push('\n');
        out.push_str(&operation_item(operation, None));
    }
    out
}

/// One `#[ec2_shape]` item, behind `gate` (a `#[cfg(...)]` predicate) when given.
pub fn shape_item(shape: &ShapeDecl, plan: &Plan, gate: Option<&str>) -> String {
    let mut out = String::new();
    match shape {
        ShapeDecl::Struct { name, doc, fields } => {
            doc_comment(&mut out, "", doc, &format!("The EC2 `{name}` structure."));
            cfg(&mut out, gate);
            let in_requests = plan.in_requests.contains(name);
            out.push_str(shape_attribute(in_requests));
            out.push_str("#[derive(Debug, Clone, Default, PartialEq)]\n");
            let _ = writeln!(out, "pub struct {name} {{");
            for field in fields {
                if in_requests {
                    field_lines(&mut out, "    ", field, "pub ");
                } else {
                    let field = FieldDecl {
                        query: None,
                        ..field.clone()
                    };
                    field_lines(&mut out, "    ", &field, "pub ");
                }
            }
            out.push_str("}\n");
        }
        ShapeDecl::Enum { name, variants } => {
            let _ = writeln!(out, "/// The EC2 `{name}` values.");
            cfg(&mut out, gate);
            let defaulted = plan.defaulted.contains(name);
            let derives = if defaulted {
                "Debug, Clone, Default, PartialEq"
            } else {
                "Debug, Clone, PartialEq"
            };
            out.push_str(shape_attribute(plan.in_requests.contains(name)));
            let _ = writeln!(out, "#[derive({derives})]");
            let _ = writeln!(out, "pub enum {name} {{");
            for (index, (variant, value)) in variants.iter().enumerate() {
                let _ = writeln!(out, "    /// `{value}`");
                if defaulted && index == 0 {
                    out.push_str("    #[default]\n");
                }
                if crate::names::kebab(variant) != *value {
                    let _ = writeln!(out, "    #[ec2(value = {value:?})]");
                }
                let _ = writeln!(out, "    {variant},");
            }
            out.push_str("    /// A value this model does not list.\n    #[ec2(other)]\n    Unlisted(String),\n}\n");
        }
    }
    out
}

/// `#[ec2_shape]`, or `#[ec2_shape(response_only)]` for a shape no request carries: its Query
/// codec would be compiled for nothing (a fifth of a catalog's build).
fn shape_attribute(in_requests: bool) -> &'static str {
    if in_requests {
        "#[ec2_shape]\n"
    } else {
        "#[ec2_shape(response_only)]\n"
    }
}

/// One `#[ec2_operation]` item, behind `gate` when given.
pub fn operation_item(operation: &OperationDecl, gate: Option<&str>) -> String {
    let mut out = String::new();
    let action = &operation.action;
    doc_comment(&mut out, "", &operation.doc, &format!("EC2's `{action}`."));
    cfg(&mut out, gate);
    out.push_str("#[ec2_operation(\n");
    let _ = writeln!(out, "    action = {action:?},");
    let _ = writeln!(out, "    resource = {},", operation.resource);
    if let Some(reason) = &operation.keyed_by_position {
        let _ = writeln!(
            out,
            "    // Not unique to a resource ({reason}): a source keys the resources by position."
        );
    }
    if !matches!(operation.output, OutputDecl::Settings { .. }) {
        let _ = writeln!(out, "    resource_id = {},", operation.resource_id);
    }
    match &operation.output {
        OutputDecl::List {
            member,
            xml,
            item,
            within,
        } => {
            let item = item
                .as_ref()
                .map(|item| format!(", item = {item:?}"))
                .unwrap_or_default();
            let within = within
                .as_ref()
                .map(|within| format!(", wrapper = {}, list = {}", within.wrapper, within.list))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "    output(member = {member:?}, xml = {xml:?}{item}{within}),"
            );
        }
        OutputDecl::Single { member, xml } => {
            let _ = writeln!(
                out,
                "    output(member = {member:?}, xml = {xml:?}, single),"
            );
        }
        OutputDecl::Flatten { member } => {
            let _ = writeln!(out, "    output(member = {member:?}, flatten),");
        }
        OutputDecl::Settings { default } => {
            let _ = writeln!(
                out,
                "    // A new account's settings, as EC2 documents them, while none are held.\n    settings(default = crate::settings::{default}),"
            );
        }
    }
    for ids in &operation.ids {
        let mut parts = vec![format!("key = {:?}", ids.key)];
        if let Some(member) = &ids.member {
            parts.push(format!("member = {member:?}"));
        }
        if let Some(field) = &ids.field {
            parts.push(format!("field = {field}"));
        }
        if let Some(output) = &ids.output {
            parts.push(format!("output = {output}"));
        }
        if let Some(code) = &ids.not_found {
            parts.push(format!("not_found = {code:?}"));
        }
        if ids.narrows {
            parts.push("narrows".to_owned());
        }
        if let Some(parent) = &ids.parent {
            parts.push(format!("parent = {parent:?}"));
        }
        if ids.single {
            parts.push("single".to_owned());
        }
        if ids.optional {
            parts.push("optional".to_owned());
        }
        let _ = writeln!(out, "    ids({}),", parts.join(", "));
    }
    if !operation.members.is_empty() {
        out.push_str("    members(\n");
        for member in &operation.members {
            field_lines(&mut out, "        ", member, "");
        }
        out.push_str("    ),\n");
    }
    if let Some((key, filters)) = &operation.filters {
        let _ = writeln!(out, "    filters(\n        key = {key:?},");
        if let Some(field) = &operation.filters_ignored_with {
            let _ = writeln!(
                out,
                "        // EC2 ignores the filters when the request names {field}.\n        ignored_with = {field},"
            );
        }
        let mut unmapped = Vec::new();
        let mut unservable = Vec::new();
        let mut other_names_begun = false;
        for filter in filters {
            if filter.origin != FilterOrigin::Documented
                && !std::mem::replace(&mut other_names_begun, true)
            {
                out.push_str("        // Names EC2 accepts beside the documented ones:\n");
            }
            match &filter.mapping {
                Mapping::Path(path) if spells(&filter.name, path) => {
                    let _ = writeln!(out, "        {:?},", filter.name);
                }
                Mapping::Path(path) | Mapping::Tags(path) => {
                    let _ = writeln!(out, "        {:?} => {},", filter.name, path.join("."));
                }
                Mapping::Unmapped(reason) => unmapped.push((&filter.name, reason)),
                Mapping::NotServable(reason) => unservable.push((&filter.name, reason)),
            }
        }
        for (heading, list) in [
            ("Documented, not mapped yet", unmapped),
            ("Documented, not servable", unservable),
        ] {
            if !list.is_empty() {
                let _ = writeln!(out, "        // {heading}:");
                for (name, reason) in list {
                    let _ = writeln!(out, "        // {name:?}: {reason}");
                }
            }
        }
        out.push_str("    ),\n");
    }
    // A bound the model documents alone is kept: the other is the widest MaxResults can be.
    match operation.paginate {
        Some((None, None)) => out.push_str("    paginate,\n"),
        Some((min, max)) => {
            let (min, max) = (min.unwrap_or(1), max.unwrap_or(i64::from(i32::MAX)));
            let _ = writeln!(out, "    paginate(min = {min}, max = {max}),");
        }
        None => {}
    }
    if operation.dry_run {
        out.push_str("    dry_run,\n");
    }
    if !operation.response.is_empty() {
        out.push_str("    response(\n");
        for member in &operation.response {
            field_lines(&mut out, "        ", member, "");
        }
        out.push_str("    ),\n");
    }
    for (kind, hook) in operation.hooks() {
        let applies = if hook.members.is_empty() {
            "EC2's rule over the request's IDs".to_owned()
        } else {
            hook.members.join(", ")
        };
        let verb = match kind {
            HookKind::Validate => "Checks",
            HookKind::Visible | HookKind::Respond => "Applies",
        };
        let _ = writeln!(
            out,
            "    // {verb} {applies}.\n    {} = crate::{}::{},",
            kind.key(),
            kind.module(),
            hook.function
        );
    }
    let _ = writeln!(out, ")]\npub struct {action};");
    out
}

/// Whether the macro derives `path` from the filter name written alone (`volume-id` is `volume_id`).
fn spells(name: &str, path: &[String]) -> bool {
    let derived: Vec<String> = name
        .split('.')
        .map(|part| crate::names::snake(&part.replace('-', "_")))
        .collect();
    derived == path
}

fn field_lines(out: &mut String, indent: &str, field: &FieldDecl, visibility: &str) {
    let fallback = format!(
        "The `{}` member.",
        crate::names::pascal(crate::names::unraw(&field.ident))
    );
    doc_comment(out, indent, &field.doc, &fallback);
    let mut names = Vec::new();
    for (key, value) in [
        ("name", &field.name),
        ("xml", &field.xml),
        ("item", &field.item),
        ("query", &field.query),
    ] {
        if let Some(value) = value {
            names.push(format!("{key} = {value:?}"));
        }
    }
    if field.listed {
        names.push("listed".to_owned());
    }
    if !names.is_empty() {
        let _ = writeln!(out, "{indent}#[ec2({})]", names.join(", "));
    }
    let _ = writeln!(out, "{indent}{visibility}{}: {},", field.ident, field.ty);
}

fn doc_comment(out: &mut String, indent: &str, doc: &str, fallback: &str) {
    let doc = if doc.is_empty() { fallback } else { doc };
    let _ = writeln!(out, "{indent}/// {doc}");
}

fn cfg(out: &mut String, gate: Option<&str>) {
    if let Some(gate) = gate {
        let _ = writeln!(out, "#[cfg({gate})]");
    }
}
