//! What an `#[ec2_operation]` with mistakes still emits: the item, and stub types and impls, so code
//! that uses the operation (registering it, naming its request) reports only the macro's own errors,
//! not a cascade of "cannot find type" and "trait not implemented".

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::private;
use crate::symbol::RESOURCE;
use crate::syntax::{Args, Entry, Value};

/// The `resource = Type` argument, if it was written as a type path.
fn resource_of(args: &Args) -> Option<&syn::Path> {
    args.entries.iter().find_map(|entry| match entry {
        Entry::Value(key, Value::Path(path)) if *key == RESOURCE => Some(path),
        _ => None,
    })
}

pub fn fallback(item: &syn::DeriveInput, args: Option<&Args>) -> TokenStream {
    let mut item = item.clone();
    item.attrs.retain(|attr| !attr.path().is_ident("ec2"));
    let is_plain_struct =
        matches!(item.data, syn::Data::Struct(_)) && item.generics.params.is_empty();
    let Some(resource) = args.and_then(resource_of).filter(|_| is_plain_struct) else {
        return quote! { #item };
    };
    let p = private();
    let vis = &item.vis;
    let name = &item.ident;
    let request = format_ident!("{}Request", name);
    let response = format_ident!("{}Response", name);
    quote! {
        #item

        #[derive(::core::default::Default)]
        #vis struct #request {}

        #[derive(::core::default::Default)]
        #vis struct #response {}

        impl #p::Ec2Request for #request {
            const ACTION: &'static str = "";
            fn take_from_query(_: &mut #p::QueryNode) -> ::core::result::Result<Self, #p::Ec2Error> { ::core::unreachable!() }
            fn write_query(&self, _: &mut #p::QueryWriter) { ::core::unreachable!() }
        }

        impl #p::Ec2Response for #response {
            const ACTION: &'static str = "";
            fn write_members(&self, _: &mut #p::XmlWriter<'_>) { ::core::unreachable!() }
            fn request_id(&self) -> ::core::option::Option<&str> { ::core::unreachable!() }
            fn read_member(&mut self, _: &str, _: &mut #p::XmlReader<'_>) -> ::core::result::Result<bool, #p::XmlError> { ::core::unreachable!() }
            fn set_request_id(&mut self, _: ::std::string::String) { ::core::unreachable!() }
        }

        impl #p::Operation for #name {
            type Resource = #resource;
            const SPEC: #p::OperationSpec = #p::OperationSpec {
                action: "",
                filters: #p::FilterCatalog { names: &[], tags: #p::TagFilters::NONE },
                ids: ::core::option::Option::None,
                pagination: ::core::option::Option::None,
            };
            fn resource_id(_: &#resource) -> &str { ::core::unreachable!() }
            fn filter_matches(_: &#resource, _: usize, _: &#p::ValueSet) -> bool { ::core::unreachable!() }
        }

        impl #p::DescribeOperation for #name {
            type Request = #request;
            type Response = #response;
            fn input(_: &#request) -> #p::DescribeInput<'_> { ::core::unreachable!() }
            fn response(_: #p::Page<#resource>, _: &#request, _: &#p::Caller) -> #response { ::core::unreachable!() }
            fn response_items(_: &#response) -> &[#resource] { ::core::unreachable!() }
        }
    }
}
