//! The checked model of an `#[ec2_shape]` item; it borrows the input so messages can point at it.

use proc_macro2::Span;

use crate::ty::FieldKind;

pub struct Shape<'a> {
    pub original: &'a syn::DeriveInput,
    /// `#[ec2_shape(response_only)]`: no request carries the shape, so it has no Query codec
    /// (most of a catalog's shapes, and a fifth of what compiling one costs).
    pub response_only: bool,
    pub data: ShapeData<'a>,
}

pub enum ShapeData<'a> {
    Struct(Vec<Field<'a>>),
    Enum(Vec<Variant<'a>>),
}

pub struct Field<'a> {
    pub original: &'a syn::Field,
    pub ident: &'a syn::Ident,
    pub kind: FieldKind<'a>,
    /// The member name: the AWS CLI's JSON key (`BundleId`).
    pub member_name: String,
    /// The XML element name (`bundleId`).
    pub xml_name: String,
    pub xml_span: Span,
    /// The element name of a list's items (`item`).
    pub item_name: String,
    /// Where `#[ec2(item = "...")]` was given, if it was.
    pub item_span: Option<Span>,
    /// The Query key segment (`BundleId`).
    pub query_name: String,
}

pub struct Variant<'a> {
    pub ident: &'a syn::Ident,
    /// `#[ec2(other)] Unknown(String)`: holds any value the enum does not list (EC2 adds values
    /// over time, and a client or a replayed inventory must not fail on one).
    pub other: bool,
    /// The wire value (`waiting-for-shutdown`).
    pub value: String,
    pub span: Span,
}
