//! `#[ec2_shape]` rules across the model: what no single field or variant shows alone.

use super::model::{Field, Shape, ShapeData};
use crate::ctxt::Ctxt;

pub fn check(ctxt: &Ctxt, shape: &Shape<'_>) {
    if let ShapeData::Struct(fields) = &shape.data {
        check_item_names_on_lists(ctxt, fields);
    }
    check_unique_names(ctxt, &shape.data);
}

/// `item` names the elements of a list, so it means nothing on another field.
pub fn check_item_names_on_lists(ctxt: &Ctxt, fields: &[Field<'_>]) {
    for field in fields {
        if let (Some(span), false) = (field.item_span, field.kind.is_list()) {
            ctxt.syn_error(syn::Error::new(
                span,
                "`item` names the elements of a list; this field is not a `Vec<T>` or `Option<Vec<T>>`",
            ));
        }
    }
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
            for extra in variants.iter().filter(|variant| variant.other).skip(1) {
                ctxt.error_spanned_by(extra.ident, "only one variant can be `other`");
            }
            for variant in variants.iter().filter(|variant| !variant.other) {
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
