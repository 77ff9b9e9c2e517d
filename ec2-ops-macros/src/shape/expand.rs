//! Code generation for a valid `#[ec2_shape]` model. Never reports user errors.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};

use super::model::{Field, Shape, ShapeData, Variant};
use super::parse::strip_helpers;
use crate::private;
use crate::ty::{FieldKind, first_token_span, last_segment_is};

pub fn expand(shape: &Shape<'_>) -> TokenStream {
    let item = strip_helpers(shape.original);
    match &shape.data {
        ShapeData::Struct(fields) => expand_struct(item, fields, shape.response_only),
        ShapeData::Enum(variants) => expand_enum(item, variants, shape.response_only),
    }
}

/// The struct and its serde impls in the AWS CLI's JSON shape: members under their member names,
/// absent optional ones left out. Both go through runtime helpers ([`MembersWriter`] writing, the
/// `JsonMembers` reader) so each structure carries one line per member, not a derive's expansion.
fn with_serde(item: syn::DeriveInput, fields: &[Field<'_>]) -> TokenStream {
    let p = private();
    let name = &item.ident;
    let type_name = name.to_string();
    let always = fields
        .iter()
        .filter(|field| !field.kind.is_optional())
        .count();
    let present = fields
        .iter()
        .filter(|field| field.kind.is_optional())
        .map(|field| {
            let ident = field.ident;
            quote! { + ::core::primitive::usize::from(::core::option::Option::is_some(&self.#ident)) }
        });
    // Called by path, not as methods, so no trait of the user's in scope can take the call; spanned
    // at the field's type, where a type without `Serialize` is reported.
    let writes = fields.iter().map(|field| {
        let ident = field.ident;
        let member = &field.member_name;
        let span = first_token_span(&field.original.ty);
        if field.kind.is_optional() {
            quote_spanned! {span=> #p::MembersWriter::optional(&mut __ec2_members, #member, &self.#ident); }
        } else {
            quote_spanned! {span=> #p::MembersWriter::member(&mut __ec2_members, #member, &self.#ident); }
        }
    });
    let json_members = json_members(
        &quote!(#name),
        fields
            .iter()
            .map(|field| (field.ident, field.member_name.as_str())),
        quote!(_ => ::core::result::Result::Ok(false),),
    );
    quote! {
        #item

        #[automatically_derived]
        impl #p::serde::Serialize for #name {
            fn serialize<__Ec2S: #p::serde::Serializer>(&self, __ec2_s: __Ec2S) -> ::core::result::Result<__Ec2S::Ok, __Ec2S::Error> {
                let mut __ec2_members = #p::MembersWriter::begin(__ec2_s, #type_name, #always #(#present)*);
                #(#writes)*
                #p::MembersWriter::end(__ec2_members)
            }
        }

        #json_members
    }
}

/// `JsonMembers` and a `Deserialize` through it for `name`, whose `members` are `(field, JSON
/// name)`; `otherwise` is the `match` arm for any other name, answering whether it was read (a
/// flattened member's fields, or `Ok(false)`).
pub fn json_members<'a>(
    name: &TokenStream,
    members: impl Iterator<Item = (&'a syn::Ident, &'a str)> + Clone,
    otherwise: TokenStream,
) -> TokenStream {
    json_members_with_absent(name, members, std::iter::empty(), otherwise)
}

/// [`json_members`] for a type with further fields (`only_absent`) that JSON never carries.
pub fn json_members_with_absent<'a>(
    name: &TokenStream,
    members: impl Iterator<Item = (&'a syn::Ident, &'a str)> + Clone,
    only_absent: impl Iterator<Item = &'a syn::Ident>,
    otherwise: TokenStream,
) -> TokenStream {
    let p = private();
    let absent = members
        .clone()
        .map(|(field, _)| field)
        .chain(only_absent)
        .map(|field| quote! { #field: ::core::default::Default::default(), });
    let arms = members.map(|(field, json)| {
        quote! { #json => { self.#field = #p::serde::de::MapAccess::next_value(__ec2_map)?; ::core::result::Result::Ok(true) } }
    });
    quote! {
        #[automatically_derived]
        impl #p::Absent for #name {
            fn absent() -> Self {
                #name { #(#absent)* }
            }
        }

        #[automatically_derived]
        impl #p::JsonMembers for #name {
            fn read_json_member<'de, __Ec2A: #p::serde::de::MapAccess<'de>>(&mut self, __ec2_name: &str, __ec2_map: &mut __Ec2A) -> ::core::result::Result<bool, __Ec2A::Error> {
                match __ec2_name {
                    #(#arms)*
                    #otherwise
                }
            }
        }

        #[automatically_derived]
        impl<'de> #p::serde::Deserialize<'de> for #name {
            fn deserialize<__Ec2D: #p::serde::Deserializer<'de>>(__ec2_d: __Ec2D) -> ::core::result::Result<Self, __Ec2D::Error> {
                #p::deserialize_members(__ec2_d)
            }
        }
    }
}

fn expand_struct(item: syn::DeriveInput, fields: &[Field<'_>], response_only: bool) -> TokenStream {
    let p = private();
    let name = &item.ident;
    let render_members = fields.iter().map(render_field);
    let read_members = if fields.is_empty() {
        quote! {
            let _ = (__ec2_name, __ec2_reader);
            ::core::result::Result::Ok(false)
        }
    } else {
        let arms = fields.iter().map(read_field_arm);
        quote! {
            match __ec2_name {
                #(#arms)*
                _ => return ::core::result::Result::Ok(false),
            }
            ::core::result::Result::Ok(true)
        }
    };
    let query = (!response_only).then(|| struct_query_codec(name, fields));
    let tagged = tagged(name, fields);
    let with_serde = with_serde(item.clone(), fields);
    quote! {
        #with_serde

        #[automatically_derived]
        impl #p::XmlRender for #name {
            fn render_xml(&self, __ec2_name: &str, __ec2_writer: &mut #p::XmlWriter<'_>) {
                __ec2_writer.start(__ec2_name);
                #p::XmlMembers::write_xml_members(self, __ec2_writer);
                __ec2_writer.end(__ec2_name);
            }
        }

        #[automatically_derived]
        impl #p::XmlParse for #name {
            fn parse_xml(__ec2_reader: &mut #p::XmlReader<'_>) -> ::core::result::Result<Self, #p::XmlError> {
                #p::parse_members(__ec2_reader)
            }
        }

        #[automatically_derived]
        impl #p::XmlMembers for #name {
            fn write_xml_members(&self, __ec2_writer: &mut #p::XmlWriter<'_>) {
                #(#render_members)*
            }

            fn read_xml_member(&mut self, __ec2_name: &str, __ec2_reader: &mut #p::XmlReader<'_>) -> ::core::result::Result<bool, #p::XmlError> {
                #read_members
            }
        }

        #query

        #[automatically_derived]
        impl #p::FilterPath for #name {
            type Target = Self;
            fn reach<__Ec2F: ::core::ops::FnMut(&Self) -> bool>(&self, __ec2_f: &mut __Ec2F) -> bool {
                __ec2_f(self)
            }
        }

        #tagged
    }
}

/// The structure's own tags (`Tagged`): the first tag list whose XML name is EC2's `tagSet`, or
/// none. Only one field can have that name (`validate` refuses two fields with one XML name).
fn tagged(name: &syn::Ident, fields: &[Field<'_>]) -> TokenStream {
    let p = private();
    let tag_set = fields.iter().find(|field| {
        let element = match field.kind {
            FieldKind::List(element) | FieldKind::OptionalList(element) => element,
            FieldKind::Required(_) | FieldKind::Optional(_) => return false,
        };
        field.xml_name == "tagSet" && last_segment_is(element, "Tag")
    });
    let tags = match tag_set {
        // Spanned at the field's type: a `Tag` that is not the runtime's is reported there.
        Some(field) => {
            let ident = field.ident;
            let span = first_token_span(&field.original.ty);
            quote_spanned! {span=> #p::TagList::tag_slice(&self.#ident) }
        }
        None => quote! { &[] },
    };
    quote! {
        #[automatically_derived]
        impl #p::Tagged for #name {
            #[inline]
            fn tags(&self) -> &[#p::Tag] {
                #tags
            }
        }
    }
}

/// `QueryEncode` and `QueryDecode` for a structure: each field under its Query key.
fn struct_query_codec(name: &syn::Ident, fields: &[Field<'_>]) -> TokenStream {
    let p = private();
    let encode = fields.iter().map(|field| {
        let ident = field.ident;
        let key = &field.query_name;
        quote! { #p::QueryEncode::encode_query(&self.#ident, &#p::member_key(__ec2_key, #key), __ec2_writer); }
    });
    let decode = fields.iter().map(|field| {
        let ident = field.ident;
        let key = &field.query_name;
        let span = first_token_span(&field.original.ty);
        match field.kind {
            FieldKind::Optional(inner) => quote_spanned! {span=> #ident: __ec2_node.take_scalar::<#inner>(#key)? },
            FieldKind::Required(ty) => quote_spanned! {span=> #ident: __ec2_node.take_scalar::<#ty>(#key)?.unwrap_or_default() },
            FieldKind::List(element) => quote_spanned! {span=> #ident: __ec2_node.take_list::<#element>(#key)? },
            FieldKind::OptionalList(element) => quote_spanned! {span=>
                #ident: {
                    let __ec2_list = __ec2_node.take_list::<#element>(#key)?;
                    if __ec2_list.is_empty() { ::core::option::Option::None } else { ::core::option::Option::Some(__ec2_list) }
                }
            },
        }
    });
    quote! {
        #[automatically_derived]
        impl #p::QueryEncode for #name {
            fn encode_query(&self, __ec2_key: &str, __ec2_writer: &mut #p::QueryWriter) {
                #(#encode)*
            }
        }

        #[automatically_derived]
        impl #p::QueryDecode for #name {
            fn decode_query(mut __ec2_node: #p::QueryNode) -> ::core::result::Result<Self, #p::Ec2Error> {
                let __ec2_value = #name { #(#decode),* };
                __ec2_node.finish()?;
                ::core::result::Result::Ok(__ec2_value)
            }
        }
    }
}

/// Writes `self.field` as its XML element into `__ec2_writer` (an absent field writes nothing).
pub fn render_field(field: &Field<'_>) -> TokenStream {
    let p = private();
    let ident = field.ident;
    let xml = &field.xml_name;
    let item = &field.item_name;
    match field.kind {
        FieldKind::List(_) => {
            quote! { __ec2_writer.list(#xml, #item, &self.#ident); }
        }
        FieldKind::OptionalList(_) => quote! {
            if let ::core::option::Option::Some(__ec2_list) = &self.#ident {
                __ec2_writer.list(#xml, #item, __ec2_list);
            }
        },
        FieldKind::Optional(_) | FieldKind::Required(_) => {
            quote! { #p::XmlRender::render_xml(&self.#ident, #xml, __ec2_writer); }
        }
    }
}

/// A `match` arm reading the field's XML element from `__ec2_reader` into `self.field`.
pub fn read_field_arm(field: &Field<'_>) -> TokenStream {
    let p = private();
    let ident = field.ident;
    let xml = &field.xml_name;
    let ty = parsed_type(field);
    let parsed = quote! { <#ty as #p::XmlParse>::parse_xml(__ec2_reader)? };
    match field.kind {
        FieldKind::Optional(_) | FieldKind::OptionalList(_) => {
            quote! { #xml => self.#ident = ::core::option::Option::Some(#parsed), }
        }
        FieldKind::List(_) | FieldKind::Required(_) => quote! { #xml => self.#ident = #parsed, },
    }
}

/// The serde attribute of a field in the AWS CLI's JSON shape.
pub fn serde_attr(field: &Field<'_>) -> syn::Attribute {
    let rename = &field.member_name;
    match field.kind {
        FieldKind::Optional(_) | FieldKind::OptionalList(_) => syn::parse_quote! {
            #[serde(rename = #rename, default, skip_serializing_if = "::core::option::Option::is_none")]
        },
        FieldKind::List(_) | FieldKind::Required(_) => {
            syn::parse_quote! { #[serde(rename = #rename, default)] }
        }
    }
}

/// The type a field's XML element parses to: the field type without its outer `Option`.
fn parsed_type(field: &Field<'_>) -> TokenStream {
    match field.kind {
        FieldKind::Optional(inner) => quote! { #inner },
        FieldKind::OptionalList(element) | FieldKind::List(element) => {
            quote! { ::std::vec::Vec<#element> }
        }
        FieldKind::Required(ty) => quote! { #ty },
    }
}

fn expand_enum(
    item: syn::DeriveInput,
    variants: &[Variant<'_>],
    response_only: bool,
) -> TokenStream {
    let p = private();
    let name = &item.ident;
    let known: Vec<&Variant<'_>> = variants.iter().filter(|variant| !variant.other).collect();
    let other = variants
        .iter()
        .find(|variant| variant.other)
        .map(|variant| variant.ident);
    let idents: Vec<_> = known.iter().map(|variant| variant.ident).collect();
    let values: Vec<_> = known.iter().map(|variant| &variant.value).collect();
    // With an `other` variant every text is a value, and `as_str` borrows the one it holds.
    let (as_str, unknown) = match other {
        Some(other) => (
            quote! {
                /// The wire value.
                pub fn as_str(&self) -> &str {
                    match self {
                        #(#name::#idents => #values,)*
                        #name::#other(__ec2_text) => __ec2_text,
                    }
                }
            },
            quote! { _ => ::core::result::Result::Ok(#name::#other(::std::borrow::ToOwned::to_owned(__ec2_text))), },
        ),
        None => (
            quote! {
                /// The wire value.
                pub const fn as_str(&self) -> &'static str {
                    match self { #(#name::#idents => #values,)* }
                }
            },
            quote! { _ => ::core::result::Result::Err(#p::UnknownEnumValue::new(__ec2_text, #name::VALUES)), },
        ),
    };
    let query = (!response_only).then(|| enum_query_codec(name, &values));
    quote! {
        #item

        impl #name {
            /// Every wire value listed, in declaration order.
            pub const VALUES: &'static [&'static str] = &[#(#values),*];

            #as_str
        }

        #[automatically_derived]
        impl ::core::str::FromStr for #name {
            type Err = #p::UnknownEnumValue;
            fn from_str(__ec2_text: &str) -> ::core::result::Result<Self, Self::Err> {
                match __ec2_text {
                    #(#values => ::core::result::Result::Ok(#name::#idents),)*
                    #unknown
                }
            }
        }

        #[automatically_derived]
        impl ::core::fmt::Display for #name {
            fn fmt(&self, __ec2_f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                __ec2_f.write_str(self.as_str())
            }
        }

        #[automatically_derived]
        impl #p::ResourceIdText for #name {
            fn id_text(&self) -> &str {
                self.as_str()
            }
        }

        #[automatically_derived]
        impl #p::WireText for #name {
            fn with_wire_text<__Ec2T>(&self, __ec2_f: impl ::core::ops::FnOnce(&str) -> __Ec2T) -> __Ec2T {
                __ec2_f(self.as_str())
            }
        }

        #[automatically_derived]
        impl #p::XmlRender for #name {
            fn render_xml(&self, __ec2_name: &str, __ec2_writer: &mut #p::XmlWriter<'_>) {
                __ec2_writer.text_element(__ec2_name, self.as_str());
            }
        }

        #[automatically_derived]
        impl #p::XmlParse for #name {
            fn parse_xml(__ec2_reader: &mut #p::XmlReader<'_>) -> ::core::result::Result<Self, #p::XmlError> {
                __ec2_reader
                    .with_text(|__ec2_text| <Self as ::core::str::FromStr>::from_str(::core::primitive::str::trim(__ec2_text)))?
                    .map_err(|__ec2_err: #p::UnknownEnumValue| #p::XmlError::new(::std::string::ToString::to_string(&__ec2_err)))
            }
        }

        #query

        #[automatically_derived]
        impl #p::serde::Serialize for #name {
            fn serialize<__Ec2S: #p::serde::Serializer>(&self, __ec2_s: __Ec2S) -> ::core::result::Result<__Ec2S::Ok, __Ec2S::Error> {
                __ec2_s.serialize_str(self.as_str())
            }
        }

        #[automatically_derived]
        impl<'de> #p::serde::Deserialize<'de> for #name {
            fn deserialize<__Ec2D: #p::serde::Deserializer<'de>>(__ec2_d: __Ec2D) -> ::core::result::Result<Self, __Ec2D::Error> {
                let __ec2_text: ::std::string::String = #p::serde::Deserialize::deserialize(__ec2_d)?;
                ::core::str::FromStr::from_str(&__ec2_text).map_err(#p::serde::de::Error::custom::<#p::UnknownEnumValue>)
            }
        }
    }
}

/// `QueryEncode` and `QueryDecode` for a string enum: its wire value; an unlisted value is refused
/// with every listed one named.
fn enum_query_codec(name: &syn::Ident, values: &[&String]) -> TokenStream {
    let p = private();
    let expected = format!(
        "one of {}",
        values
            .iter()
            .map(|v| format!("\"{v}\""))
            .collect::<Vec<_>>()
            .join(", ")
    );
    quote! {
        #[automatically_derived]
        impl #p::QueryEncode for #name {
            fn encode_query(&self, __ec2_key: &str, __ec2_writer: &mut #p::QueryWriter) {
                __ec2_writer.param(__ec2_key, self.as_str());
            }
        }

        #[automatically_derived]
        impl #p::QueryDecode for #name {
            fn decode_query(__ec2_node: #p::QueryNode) -> ::core::result::Result<Self, #p::Ec2Error> {
                let (__ec2_key, __ec2_value) = __ec2_node.into_value()?;
                ::core::str::FromStr::from_str(&__ec2_value).map_err(|_| #p::Ec2Error::invalid_value(&__ec2_key, &__ec2_value, #expected))
            }
        }
    }
}

/// On error: stub impls of the traits the item would have had, so code using it reports nothing but
/// the macro's own error.
pub fn fallback(input: &syn::DeriveInput) -> TokenStream {
    if !input.generics.params.is_empty() {
        return TokenStream::new();
    }
    let p = private();
    let name = &input.ident;
    // Structures have tags; enums do not.
    let tagged = matches!(input.data, syn::Data::Struct(_)).then(|| {
        quote! {
            impl #p::Tagged for #name {
                fn tags(&self) -> &[#p::Tag] { ::core::unreachable!() }
            }
        }
    });
    quote! {
        #tagged
        impl #p::XmlRender for #name {
            fn render_xml(&self, _: &str, _: &mut #p::XmlWriter<'_>) { ::core::unreachable!() }
        }
        impl #p::XmlParse for #name {
            fn parse_xml(_: &mut #p::XmlReader<'_>) -> ::core::result::Result<Self, #p::XmlError> { ::core::unreachable!() }
        }
        impl #p::QueryEncode for #name {
            fn encode_query(&self, _: &str, _: &mut #p::QueryWriter) { ::core::unreachable!() }
        }
        impl #p::QueryDecode for #name {
            fn decode_query(_: #p::QueryNode) -> ::core::result::Result<Self, #p::Ec2Error> { ::core::unreachable!() }
        }
        impl #p::FilterPath for #name {
            type Target = Self;
            fn reach<__Ec2F: ::core::ops::FnMut(&Self) -> bool>(&self, _: &mut __Ec2F) -> bool { ::core::unreachable!() }
        }
    }
}
