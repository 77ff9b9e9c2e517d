//! `#[ec2_shape]` input → model. Every problem is recorded in the `Ctxt`; parsing goes on so one build
//! reports all of them.

use super::model::{Field, Shape, ShapeData, Variant};
use crate::case;
use crate::ctxt::Ctxt;
use crate::names;
use crate::suggest;
use crate::ty::FieldKind;

const FIELD_KEYS: &[&str] = &["name", "xml", "item", "query"];
const VARIANT_KEYS: &[&str] = &["value"];

/// A string value given once, remembered with its tokens for later messages.
fn set_once(ctxt: &Ctxt, slot: &mut Option<syn::LitStr>, key: &syn::Path, value: syn::LitStr) {
    if slot.is_some() {
        ctxt.error_spanned_by(
            key,
            format!(
                "duplicate ec2 attribute `{}`",
                key.get_ident().map(ToString::to_string).unwrap_or_default()
            ),
        );
    } else {
        *slot = Some(value);
    }
}

/// Skips a value we could not use, so parsing of the attribute can go on after an unknown key.
fn skip_value(meta: &syn::meta::ParseNestedMeta<'_>) -> syn::Result<()> {
    if meta.input.peek(syn::Token![=]) {
        meta.input.parse::<syn::Token![=]>()?;
        while !meta.input.is_empty() && !meta.input.peek(syn::Token![,]) {
            meta.input.parse::<proc_macro2::TokenTree>()?;
        }
    } else if !meta.input.is_empty() && !meta.input.peek(syn::Token![,]) {
        meta.input.parse::<proc_macro2::TokenTree>()?;
    }
    Ok(())
}

fn is_ec2(attr: &syn::Attribute) -> bool {
    attr.path().is_ident("ec2")
}

/// Reads the `#[ec2(...)]` attributes of a field or variant: `keys` are the allowed ones.
fn read_attrs(
    ctxt: &Ctxt,
    attrs: &[syn::Attribute],
    keys: &[&str],
    on: &str,
) -> Vec<(syn::Path, syn::LitStr)> {
    let mut found = Vec::new();
    for attr in attrs.iter().filter(|attr| is_ec2(attr)) {
        let result = attr.parse_nested_meta(|meta| {
            let key = meta
                .path
                .get_ident()
                .map(ToString::to_string)
                .unwrap_or_default();
            if !keys.contains(&key.as_str()) {
                ctxt.error_spanned_by(
                    &meta.path,
                    suggest::unknown_message(&format!("ec2 attribute on {on}"), &key, keys),
                );
                return skip_value(&meta);
            }
            // #[ec2(key = "value")]
            let value: syn::LitStr = meta.value()?.parse()?;
            found.push((meta.path.clone(), value));
            Ok(())
        });
        if let Err(err) = result {
            ctxt.syn_error(err);
        }
    }
    found
}

pub fn parse<'a>(ctxt: &Ctxt, input: &'a syn::DeriveInput) -> Option<Shape<'a>> {
    if !input.generics.params.is_empty() {
        ctxt.error_spanned_by(
            &input.generics,
            "#[ec2_shape] does not support generic parameters",
        );
    }
    for attr in input.attrs.iter().filter(|attr| is_ec2(attr)) {
        ctxt.error_spanned_by(attr, "`#[ec2(...)]` belongs on the fields or variants of an #[ec2_shape] item, not on the item itself");
    }
    let data = match &input.data {
        syn::Data::Struct(data) => match &data.fields {
            syn::Fields::Named(named) => ShapeData::Struct(
                named
                    .named
                    .iter()
                    .filter_map(|field| parse_field(ctxt, field))
                    .collect(),
            ),
            other => {
                ctxt.error_spanned_by(
                    other,
                    "#[ec2_shape] structs need named fields: EC2 structures are named members",
                );
                return None;
            }
        },
        syn::Data::Enum(data) => ShapeData::Enum(
            data.variants
                .iter()
                .filter_map(|variant| parse_variant(ctxt, variant))
                .collect(),
        ),
        syn::Data::Union(data) => {
            ctxt.error_spanned_by(
                data.union_token,
                "#[ec2_shape] applies to structs and enums, not unions",
            );
            return None;
        }
    };
    check_unique_names(ctxt, &data);
    Some(Shape {
        original: input,
        data,
    })
}

fn parse_field<'a>(ctxt: &Ctxt, field: &'a syn::Field) -> Option<Field<'a>> {
    let ident = field.ident.as_ref()?;
    let (mut name, mut xml, mut item, mut query) = (None, None, None, None);
    for (key, value) in read_attrs(ctxt, &field.attrs, FIELD_KEYS, "a field") {
        let slot = match key.get_ident().map(ToString::to_string).as_deref() {
            Some("name") => &mut name,
            Some("xml") => &mut xml,
            Some("item") => &mut item,
            _ => &mut query,
        };
        if value.value().is_empty() || !names::is_xml_name(&value.value()) {
            ctxt.error_spanned_by(
                &value,
                "EC2 names are ASCII letters and digits starting with a letter, e.g. \"bundleId\"",
            );
        }
        set_once(ctxt, slot, &key, value);
    }
    let kind = FieldKind::of(&field.ty);
    if let (Some(item), false) = (&item, kind.is_list()) {
        ctxt.error_spanned_by(
            item,
            "`item` names the elements of a list; this field is not a `Vec<T>` or `Option<Vec<T>>`",
        );
    }
    let rust_name = ident.to_string();
    let rust_name = rust_name.strip_prefix("r#").unwrap_or(&rust_name);
    let member = name
        .as_ref()
        .map_or_else(|| case::pascal(rust_name), syn::LitStr::value);
    Some(Field {
        original: field,
        ident,
        kind,
        xml_name: xml
            .as_ref()
            .map_or_else(|| case::lower_camel(rust_name), syn::LitStr::value),
        xml_span: xml.as_ref().map_or(ident.span(), syn::LitStr::span),
        item_name: item
            .as_ref()
            .map_or_else(|| "item".to_owned(), syn::LitStr::value),
        query_name: query
            .as_ref()
            .map_or_else(|| member.clone(), syn::LitStr::value),
        member_name: member,
    })
}

fn parse_variant<'a>(ctxt: &Ctxt, variant: &'a syn::Variant) -> Option<Variant<'a>> {
    if !matches!(variant.fields, syn::Fields::Unit) {
        ctxt.error_spanned_by(
            &variant.fields,
            "#[ec2_shape] enums are EC2 string enums: every variant must be a unit variant",
        );
        return None;
    }
    let mut value = None;
    for (key, literal) in read_attrs(ctxt, &variant.attrs, VARIANT_KEYS, "a variant") {
        if literal.value().is_empty() {
            ctxt.error_spanned_by(&literal, "an enum value may not be empty");
        }
        set_once(ctxt, &mut value, &key, literal);
    }
    Some(Variant {
        ident: &variant.ident,
        value: value.as_ref().map_or_else(
            || case::kebab(&variant.ident.to_string()),
            syn::LitStr::value,
        ),
        span: value.as_ref().map_or(variant.ident.span(), |v| v.span()),
    })
}

/// Two fields with one XML name, or two variants with one value, could never be told apart.
fn check_unique_names(ctxt: &Ctxt, data: &ShapeData<'_>) {
    let mut seen = std::collections::HashSet::new();
    match data {
        ShapeData::Struct(fields) => {
            for field in fields {
                if !seen.insert(field.xml_name.clone()) {
                    ctxt.syn_error(syn::Error::new(field.xml_span, format!("two fields have the XML name `{}`; give one an `#[ec2(xml = \"...\")]`", field.xml_name)));
                }
            }
        }
        ShapeData::Enum(variants) => {
            for variant in variants {
                if !seen.insert(variant.value.clone()) {
                    ctxt.syn_error(syn::Error::new(
                        variant.span,
                        format!("two variants have the value `{}`", variant.value),
                    ));
                }
            }
        }
    }
}

/// The item with every `#[ec2(...)]` helper attribute removed (they are not real attributes).
pub fn strip_helpers(input: &syn::DeriveInput) -> syn::DeriveInput {
    let mut item = input.clone();
    item.attrs.retain(|attr| !is_ec2(attr));
    match &mut item.data {
        syn::Data::Struct(data) => data
            .fields
            .iter_mut()
            .for_each(|field| field.attrs.retain(|attr| !is_ec2(attr))),
        syn::Data::Enum(data) => data
            .variants
            .iter_mut()
            .for_each(|variant| variant.attrs.retain(|attr| !is_ec2(attr))),
        syn::Data::Union(data) => data
            .fields
            .named
            .iter_mut()
            .for_each(|field| field.attrs.retain(|attr| !is_ec2(attr))),
    }
    item
}
