//! `#[ec2_shape]` input → model: the item's form and each field's or variant's `#[ec2(...)]` keys.
//! Every problem is recorded in the `Ctxt`; parsing goes on so one build reports all of them.

use super::model::{Field, Shape, ShapeData, Variant};
use crate::attr::Keyed;
use crate::case;
use crate::ctxt::Ctxt;
use crate::names;
use crate::symbol::{EC2, ITEM, NAME, OTHER, QUERY, RESPONSE_ONLY, Symbol, VALUE, XML};
use crate::syntax::{Args, Entry};
use crate::ty::FieldKind;

const ITEM_KEYS: &[Symbol] = &[RESPONSE_ONLY];
const FIELD_KEYS: &[Symbol] = &[NAME, XML, ITEM, QUERY];
const VARIANT_KEYS: &[Symbol] = &[VALUE, OTHER];

fn is_ec2(attr: &syn::Attribute) -> bool {
    attr.path().is_ident(EC2.as_str())
}

/// The entries of every `#[ec2(...)]` on a field or variant, in the shared argument syntax, so a key
/// repeated across two attributes is a duplicate like one repeated within one.
fn ec2_entries(ctxt: &Ctxt, attrs: &[syn::Attribute]) -> Vec<Entry> {
    let mut entries = Vec::new();
    for attr in attrs.iter().filter(|attr| is_ec2(attr)) {
        match attr.parse_args::<Args>() {
            Ok(args) => entries.extend(args.entries),
            Err(err) => ctxt.syn_error(err),
        }
    }
    entries
}

/// A name given by `#[ec2(key = "...")]`, checked to be one EC2 could use.
fn ec2_name(ctxt: &Ctxt, keyed: &Keyed<'_>, key: Symbol, example: &str) -> Option<syn::LitStr> {
    let value = keyed.string(ctxt, key, example)?;
    if !names::is_xml_name(&value.value()) {
        ctxt.error_spanned_by(
            &value,
            "EC2 names are ASCII letters and digits starting with a letter, e.g. \"bundleId\"",
        );
    }
    Some(value)
}

/// `args` are the item's own `#[ec2_shape(...)]` arguments.
pub fn parse<'a>(ctxt: &Ctxt, args: &Args, input: &'a syn::DeriveInput) -> Option<Shape<'a>> {
    let response_only = Keyed::read(ctxt, &args.entries, ITEM_KEYS, "#[ec2_shape] argument")
        .flag(ctxt, RESPONSE_ONLY);
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
    Some(Shape {
        original: input,
        response_only,
        data,
    })
}

/// One structure field and its `#[ec2(...)]` names (also the response members of `#[ec2_operation]`).
pub fn parse_field<'a>(ctxt: &Ctxt, field: &'a syn::Field) -> Option<Field<'a>> {
    let ident = field.ident.as_ref()?;
    let entries = ec2_entries(ctxt, &field.attrs);
    let keyed = Keyed::read(ctxt, &entries, FIELD_KEYS, "`#[ec2]` field attribute");
    let name = ec2_name(ctxt, &keyed, NAME, "\"AWSAccessKeyId\"");
    let xml = ec2_name(ctxt, &keyed, XML, "\"S3\"");
    let item = ec2_name(ctxt, &keyed, ITEM, "\"member\"");
    let query = ec2_name(ctxt, &keyed, QUERY, "\"Name\"");
    let kind = FieldKind::of(&field.ty);
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
        item_span: item.as_ref().map(syn::LitStr::span),
        query_name: query
            .as_ref()
            .map_or_else(|| member.clone(), syn::LitStr::value),
        member_name: member,
    })
}

fn parse_variant<'a>(ctxt: &Ctxt, variant: &'a syn::Variant) -> Option<Variant<'a>> {
    let entries = ec2_entries(ctxt, &variant.attrs);
    let keyed = Keyed::read(ctxt, &entries, VARIANT_KEYS, "`#[ec2]` variant attribute");
    let other = keyed.flag(ctxt, OTHER);
    let holds_text =
        matches!(&variant.fields, syn::Fields::Unnamed(fields) if fields.unnamed.len() == 1);
    if other && !holds_text {
        ctxt.error_spanned_by(
            &variant.ident,
            "the `other` variant holds the unknown value: write it `#[ec2(other)] Unknown(String)`",
        );
        return None;
    }
    if !other && !matches!(variant.fields, syn::Fields::Unit) {
        ctxt.error_spanned_by(
            &variant.fields,
            "#[ec2_shape] enums are EC2 string enums: every variant must be a unit variant, but for one `#[ec2(other)] Unknown(String)`",
        );
        return None;
    }
    let value = keyed.string(ctxt, VALUE, "\"in-use\"");
    if let (true, Some(value)) = (other, &value) {
        ctxt.error_spanned_by(
            value,
            "the `other` variant holds every value not listed: it has no `value` of its own",
        );
    }
    if let Some(literal) = value.as_ref().filter(|literal| literal.value().is_empty()) {
        ctxt.error_spanned_by(literal, "an enum value may not be empty");
    }
    Some(Variant {
        ident: &variant.ident,
        other,
        value: value.as_ref().map_or_else(
            || case::kebab(&variant.ident.to_string()),
            syn::LitStr::value,
        ),
        span: value.as_ref().map_or(variant.ident.span(), |v| v.span()),
    })
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
