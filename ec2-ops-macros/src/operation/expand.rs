//! Code generation for a valid `#[ec2_operation]` model. Never reports user errors: every name and
//! default was chosen in the model, so this file only prints.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};

use super::model::{FieldPath, Operation, Output, TAG_KEY, TAG_NAMED, TAG_VALUE};
use crate::private;
use crate::syntax::Target;
use crate::ty::{FieldKind, first_token_span};

/// The parts every valid declaration has (`validate` reported any that is missing).
pub struct Complete<'o> {
    action: &'o syn::LitStr,
    resource: &'o syn::Path,
    /// `None` for a settings answer, which is held once under [`SETTINGS_ID`].
    resource_id: Option<&'o FieldPath>,
    output: &'o Output,
}

/// The key a settings answer is held under: there is one per account and region.
const SETTINGS_ID: &str = "settings";

impl<'o> Complete<'o> {
    pub fn of(op: &'o Operation<'_>) -> Option<Self> {
        Some(Complete {
            action: op.action.as_ref()?,
            resource: op.resource.as_ref()?,
            resource_id: match (&op.resource_id, &op.settings) {
                (Some(resource_id), _) => Some(resource_id),
                (None, Some(settings)) => {
                    settings.default.as_ref()?;
                    None
                }
                (None, None) => return None,
            },
            output: op.output.as_ref()?,
        })
    }
}

/// How a request member holds its value.
enum Holding {
    /// `Option<T>`.
    Optional,
    /// `T`: EC2 requires it (`MissingParameter` when absent).
    Required,
    /// `Vec<T>`: `Key.N`.
    List,
}

/// One member of the generated request, in the order botocore writes them.
struct RequestMember {
    field: syn::Ident,
    ty: TokenStream,
    /// The element type of a list, or the value type of a scalar.
    value_ty: TokenStream,
    json: String,
    query: String,
    holding: Holding,
    docs: TokenStream,
    /// The builder method adding one element of a list.
    one: Option<syn::Ident>,
    /// Where an error about the member's type points: the type a declaration wrote, or the
    /// attribute for the members the macro adds.
    span: Span,
    /// `listed`: a value the enum does not list is refused, not kept.
    listed: bool,
}

fn doc(text: &str) -> TokenStream {
    quote! { #[doc = #text] }
}

/// The request's members: ID lists, declared members, then `Filter.N`, `MaxResults`,
/// `NextToken` and `DryRun` (the order of the Query body).
fn request_members(op: &Operation<'_>) -> Vec<RequestMember> {
    let p = private();
    let string = quote! { ::std::string::String };
    let mut members = Vec::new();
    for ids in &op.ids {
        let key = ids.key.value();
        if ids.single.is_some() {
            let (ty, holding, docs) = if ids.optional.is_some() {
                (
                    quote! { ::core::option::Option<#string> },
                    Holding::Optional,
                    format!(
                        "The {} to describe (`{key}`); absent describes all.",
                        ids.noun
                    ),
                )
            } else if ids.output.is_some() {
                (
                    string.clone(),
                    Holding::Required,
                    format!(
                        "The {} whose resources to describe (`{key}`, required).",
                        ids.noun
                    ),
                )
            } else {
                (
                    string.clone(),
                    Holding::Required,
                    format!("The {} to describe (`{key}`, required).", ids.noun),
                )
            };
            members.push(RequestMember {
                field: ids.field.ident.clone(),
                ty,
                value_ty: string.clone(),
                json: ids.member.clone(),
                query: key.clone(),
                holding,
                docs: doc(&docs),
                one: None,
                span: Span::call_site(),
                listed: false,
            });
            continue;
        }
        members.push(RequestMember {
            field: ids.field.ident.clone(),
            ty: quote! { ::std::vec::Vec<#string> },
            value_ty: string.clone(),
            json: ids.member.clone(),
            query: key.clone(),
            holding: Holding::List,
            docs: doc(&format!(
                "The {}s to describe (`{key}.N`); empty describes all.",
                ids.noun
            )),
            one: ids.one.as_ref().map(|one| one.ident.clone()),
            span: Span::call_site(),
            listed: false,
        });
    }
    for member in &op.members {
        let (holding, value_ty) = match member.kind {
            FieldKind::List(element) => (Holding::List, element),
            FieldKind::Optional(inner) => (Holding::Optional, inner),
            FieldKind::Required(ty) | FieldKind::OptionalList(ty) => (Holding::Required, ty),
        };
        let docs = &member.docs;
        let ty = member.ty;
        members.push(RequestMember {
            field: member.field.ident.clone(),
            ty: quote! { #ty },
            value_ty: quote! { #value_ty },
            json: member.name.clone(),
            query: member.query.clone(),
            holding,
            docs: quote! { #(#docs)* },
            one: member.one.as_ref().map(|one| one.ident.clone()),
            span: first_token_span(value_ty),
            listed: member.listed,
        });
    }
    if let Some(filters) = &op.filters {
        let key = filters
            .key
            .as_ref()
            .map_or_else(|| "Filter".to_owned(), syn::LitStr::value);
        members.push(RequestMember {
            field: format_ident!("filters"),
            ty: quote! { ::std::vec::Vec<#p::Filter> },
            value_ty: quote! { #p::Filter },
            json: "Filters".to_owned(),
            docs: doc(&format!("The filters (`{key}.N.Name`, `{key}.N.Value.M`).")),
            query: key,
            holding: Holding::List,
            one: None,
            span: Span::call_site(),
            listed: false,
        });
    }
    if op.paginate.is_some() {
        members.push(RequestMember {
            field: format_ident!("max_results"),
            ty: quote! { ::core::option::Option<i32> },
            value_ty: quote! { i32 },
            json: "MaxResults".to_owned(),
            query: "MaxResults".to_owned(),
            holding: Holding::Optional,
            docs: doc("The page size (`MaxResults`); absent returns everything."),
            one: None,
            span: Span::call_site(),
            listed: false,
        });
        members.push(RequestMember {
            field: format_ident!("next_token"),
            ty: quote! { ::core::option::Option<#string> },
            value_ty: string.clone(),
            json: "NextToken".to_owned(),
            query: "NextToken".to_owned(),
            holding: Holding::Optional,
            docs: doc("The token from the previous page (`NextToken`)."),
            one: None,
            span: Span::call_site(),
            listed: false,
        });
    }
    if op.dry_run.is_some() {
        members.push(RequestMember {
            field: format_ident!("dry_run"),
            ty: quote! { ::core::option::Option<bool> },
            value_ty: quote! { bool },
            json: "DryRun".to_owned(),
            query: "DryRun".to_owned(),
            holding: Holding::Optional,
            docs: doc("Checks permissions without describing anything (`DryRun`)."),
            one: None,
            span: Span::call_site(),
            listed: false,
        });
    }
    members
}

pub fn expand(op: &Operation<'_>, complete: &Complete<'_>) -> TokenStream {
    let p = private();
    let item = op.item;
    let vis = &item.vis;
    let name = &item.ident;
    let action = complete.action.value();
    let request = format_ident!("{}Request", name);
    let builder = format_ident!("{}RequestBuilder", name);
    let response = format_ident!("{}Response", name);
    let resource = complete.resource;
    let serde_crate = crate::PRIVATE_SERDE;
    let members = request_members(op);

    let request_fields = members.iter().map(|m| {
        let (field, ty, json, docs) = (&m.field, &m.ty, &m.json, &m.docs);
        let serde = match m.holding {
            Holding::List => {
                quote! { #[serde(rename = #json, default, skip_serializing_if = "::std::vec::Vec::is_empty")] }
            }
            Holding::Optional => {
                quote! { #[serde(rename = #json, default, skip_serializing_if = "::core::option::Option::is_none")] }
            }
            Holding::Required => quote! { #[serde(rename = #json, default)] },
        };
        quote! {
            #docs
            #serde
            pub #field: #ty,
        }
    });
    let take = members.iter().map(|m| {
        let (field, query, span) = (&m.field, &m.query, m.span);
        if m.listed {
            // The enum's inherent `VALUES` and `as_str`, which `#[ec2_shape]` writes; another type
            // is a compile error at the member's type.
            let value_ty = &m.value_ty;
            let check = |value: TokenStream| {
                quote_spanned! {span=>
                    let __ec2_text = <#value_ty>::as_str(#value);
                    if !<#value_ty>::VALUES.contains(&__ec2_text) {
                        return ::core::result::Result::Err(#p::Ec2Error::unknown_value(#query, __ec2_text));
                    }
                }
            };
            let each = check(quote! { __ec2_one });
            let one = check(quote! { &__ec2_value });
            return match m.holding {
                Holding::List => quote_spanned! {span=> #field: {
                    let __ec2_values: ::std::vec::Vec<#value_ty> = __ec2_node.take_list(#query)?;
                    for __ec2_one in &__ec2_values {
                        #each
                    }
                    __ec2_values
                }, },
                Holding::Optional => quote_spanned! {span=> #field: {
                    let __ec2_value: ::core::option::Option<#value_ty> = __ec2_node.take_scalar(#query)?;
                    if let ::core::option::Option::Some(__ec2_one) = &__ec2_value {
                        #each
                    }
                    __ec2_value
                }, },
                Holding::Required => quote_spanned! {span=> #field: {
                    let __ec2_value: #value_ty = __ec2_node
                        .take_scalar(#query)?
                        .ok_or_else(|| #p::Ec2Error::missing_parameter(#query))?;
                    #one
                    __ec2_value
                }, },
            };
        }
        match m.holding {
            Holding::List => quote_spanned! {span=> #field: __ec2_node.take_list(#query)?, },
            Holding::Optional => quote_spanned! {span=> #field: __ec2_node.take_scalar(#query)?, },
            Holding::Required => quote_spanned! {span=>
                #field: __ec2_node.take_scalar(#query)?.ok_or_else(|| #p::Ec2Error::missing_parameter(#query))?,
            },
        }
    });
    let write = members.iter().map(|m| {
        let (field, query, span) = (&m.field, &m.query, m.span);
        quote_spanned! {span=> #p::QueryEncode::encode_query(&self.#field, #query, __ec2_writer); }
    });
    let builder_methods = members.iter().map(|m| builder_method(op, m));

    let output = complete.output;
    let output_field = &output.field.ident;
    let output_json = output.member.value();
    let output_xml = output.xml.value();
    let output_item = &output.item;
    let paginated = op.paginate.is_some();
    let next_token_field = paginated.then(|| {
        quote! {
            /// The token for the next page; absent on the last page.
            #[serde(rename = "NextToken", default, skip_serializing_if = "::core::option::Option::is_none")]
            pub next_token: ::core::option::Option<::std::string::String>,
        }
    });
    let next_token_render = paginated.then(
        || quote! { #p::XmlRender::render_xml(&self.next_token, "nextToken", __ec2_writer); },
    );
    let next_token_read = paginated.then(|| quote! { "nextToken" => self.next_token = ::core::option::Option::Some(<::std::string::String as #p::XmlParse>::parse_xml(__ec2_reader)?), });
    let next_token_build = paginated.then(|| quote! { next_token: __ec2_page.next_token, });
    let paginated_impl = paginated.then(|| {
        quote! {
            #[automatically_derived]
            impl #p::PaginatedOperation for #name {
                fn set_max_results(__ec2_request: &mut #request, __ec2_max_results: ::core::option::Option<i32>) {
                    __ec2_request.max_results = __ec2_max_results;
                }

                fn set_next_token(__ec2_request: &mut #request, __ec2_next_token: ::core::option::Option<::std::string::String>) {
                    __ec2_request.next_token = __ec2_next_token;
                }

                fn next_token(__ec2_response: &#response) -> ::core::option::Option<&str> {
                    ::core::option::Option::as_deref(&__ec2_response.next_token)
                }
            }
        }
    });

    let response_fields = op.response.iter().map(|field| {
        let original = field.original;
        let docs = original
            .attrs
            .iter()
            .filter(|attr| attr.path().is_ident("doc"));
        let serde = crate::shape::expand::serde_attr(field);
        let (ident, ty) = (field.ident, &original.ty);
        quote! { #(#docs)* #serde pub #ident: #ty, }
    });
    let response_render = op.response.iter().map(crate::shape::expand::render_field);
    let response_read = op.response.iter().map(crate::shape::expand::read_field_arm);
    // The parent a request names is echoed in the answer's member naming it.
    let parent_ids = op.ids.iter().find(|ids| ids.output.is_some());
    let response_init = op.response.iter().map(|field| {
        let ident = field.ident;
        match parent_ids {
            Some(ids) if ids.output.as_ref() == Some(ident) => {
                let asked = &ids.field.ident;
                quote! { #ident: ::core::option::Option::Some(::std::clone::Clone::clone(&__ec2_request.#asked)), }
            }
            _ => quote! { #ident: ::core::default::Default::default(), },
        }
    });

    // A list of resources, or with `single` the one resource (absent when there is none).
    let (output_declaration, output_render, output_read, output_items) = if output.flatten.is_some()
    {
        (
            quote! {
                /// The resource, whose members stand directly in the response.
                #[serde(flatten)]
                pub #output_field: ::core::option::Option<#resource>,
            },
            quote! {
                if let ::core::option::Option::Some(__ec2_resource) = &self.#output_field {
                    #p::XmlMembers::write_xml_members(__ec2_resource, __ec2_writer);
                }
            },
            quote! {
                _ => {
                    // The answer exists once one of its members has been read: an element that
                    // is none of them leaves an absent answer absent.
                    let __ec2_present = self.#output_field.is_some();
                    let mut __ec2_resource: #resource = self.#output_field.take().unwrap_or_default();
                    let __ec2_read = #p::XmlMembers::read_xml_member(&mut __ec2_resource, __ec2_name, __ec2_reader)?;
                    if __ec2_read || __ec2_present {
                        self.#output_field = ::core::option::Option::Some(__ec2_resource);
                    }
                    if !__ec2_read {
                        return ::core::result::Result::Ok(false);
                    }
                }
            },
            quote! { __ec2_response.#output_field.as_slice() },
        )
    } else if let Some(wrapper) = &output.wrapper {
        let (wrapper_ty, list) = (&wrapper.ty, &wrapper.list);
        // Spanned on the declaration's field: one that is not `Option<Vec<Resource>>` is
        // reported there.
        let items = quote_spanned! {list.span()=>
            match &__ec2_response.#output_field {
                ::core::option::Option::Some(__ec2_wrapper) => match &__ec2_wrapper.#list {
                    ::core::option::Option::Some(__ec2_items) => __ec2_items.as_slice(),
                    ::core::option::Option::None => &[],
                },
                ::core::option::Option::None => &[],
            }
        };
        (
            quote! {
                /// The structure holding the resources of this page.
                #[serde(rename = #output_json, default, skip_serializing_if = "::core::option::Option::is_none")]
                pub #output_field: ::core::option::Option<#wrapper_ty>,
            },
            quote! { #p::XmlRender::render_xml(&self.#output_field, #output_xml, __ec2_writer); },
            quote! {
                #output_xml => self.#output_field = ::core::option::Option::Some(<#wrapper_ty as #p::XmlParse>::parse_xml(__ec2_reader)?),
                _ => return ::core::result::Result::Ok(false),
            },
            items,
        )
    } else if output.single.is_some() {
        (
            quote! {
                /// The resource, when there is one.
                #[serde(rename = #output_json, default, skip_serializing_if = "::core::option::Option::is_none")]
                pub #output_field: ::core::option::Option<#resource>,
            },
            quote! { #p::XmlRender::render_xml(&self.#output_field, #output_xml, __ec2_writer); },
            quote! {
                #output_xml => self.#output_field = ::core::option::Option::Some(<#resource as #p::XmlParse>::parse_xml(__ec2_reader)?),
                _ => return ::core::result::Result::Ok(false),
            },
            quote! { __ec2_response.#output_field.as_slice() },
        )
    } else {
        (
            quote! {
                /// The resources of this page.
                #[serde(rename = #output_json, default)]
                pub #output_field: ::std::vec::Vec<#resource>,
            },
            quote! { __ec2_writer.list(#output_xml, #output_item, &self.#output_field); },
            quote! {
                #output_xml => self.#output_field = <::std::vec::Vec<#resource> as #p::XmlParse>::parse_xml(__ec2_reader)?,
                _ => return ::core::result::Result::Ok(false),
            },
            quote! { &__ec2_response.#output_field },
        )
    };

    let request_json = crate::shape::expand::json_members(
        &quote!(#request),
        members.iter().map(|m| (&m.field, m.json.as_str())),
        quote!(_ => ::core::result::Result::Ok(false),),
    );
    let next_token_ident = format_ident!("next_token");
    let request_id_ident = format_ident!("request_id");
    let mut response_members: Vec<(&syn::Ident, &str)> = Vec::new();
    if output.flatten.is_none() {
        response_members.push((output_field, output_json.as_str()));
    }
    response_members.extend(
        op.response
            .iter()
            .map(|field| (field.ident, field.member_name.as_str())),
    );
    if paginated {
        response_members.push((&next_token_ident, "NextToken"));
    }
    // A flattened answer's members stand among the response's own; it exists once one is read.
    let response_otherwise = if output.flatten.is_some() {
        quote! {
            _ => {
                let __ec2_present = self.#output_field.is_some();
                let mut __ec2_resource: #resource = match self.#output_field.take() {
                    ::core::option::Option::Some(__ec2_resource) => __ec2_resource,
                    ::core::option::Option::None => #p::Absent::absent(),
                };
                let __ec2_read = #p::JsonMembers::read_json_member(&mut __ec2_resource, __ec2_name, __ec2_map)?;
                if __ec2_read || __ec2_present {
                    self.#output_field = ::core::option::Option::Some(__ec2_resource);
                }
                ::core::result::Result::Ok(__ec2_read)
            }
        }
    } else {
        quote!(_ => ::core::result::Result::Ok(false),)
    };
    // `request_id` is not in the AWS CLI's JSON, and a flattened answer is read through the
    // fallback arm: both start absent.
    let response_json = crate::shape::expand::json_members_with_absent(
        &quote!(#response),
        response_members.iter().copied(),
        std::iter::once(&request_id_ident).chain(output.flatten.is_some().then_some(output_field)),
        response_otherwise,
    );
    let spec = spec(op, complete);
    // The declared `resource_id`: the ID pages and look-ups use, except in a `nested` operation,
    // where it is what answers group items by and the item's ID takes its place.
    let declared_id = match complete.resource_id {
        Some(path) => id_text(quote!(__ec2_resource), path),
        None => quote!(#SETTINGS_ID),
    };
    let first_item = quote!(::core::iter::Iterator::next(
        &mut ::core::iter::IntoIterator::into_iter(__ec2_page.items)
    ));
    let (resource_id, units, page_items, response_len) = match &op.nested {
        // The settings held, else those of a new account: EC2 answers every account.
        None if op.settings.is_some() => {
            let default = op
                .settings
                .as_ref()
                .and_then(|settings| settings.default.as_ref());
            // Typed where the declaration names it, so a function of another type is an error
            // at its name.
            let span = default.map_or_else(Span::call_site, syn::spanned::Spanned::span);
            let default = quote_spanned! {span=> {
                let __ec2_default: fn() -> #resource = #default;
                __ec2_default()
            }};
            (
                declared_id,
                None,
                quote!(::core::option::Option::Some(match #first_item {
                    ::core::option::Option::Some(__ec2_held) => __ec2_held,
                    ::core::option::Option::None => #default,
                })),
                None,
            )
        }
        None if complete.output.one_resource().is_some() => (declared_id, None, first_item, None),
        None => match &complete.output.wrapper {
            Some(wrapper) => {
                let (wrapper_ty, list) = (&wrapper.ty, &wrapper.list);
                // The wrapper's other members (none, often) keep their defaults.
                let page_items = quote_spanned! {list.span()=>
                    {
                        #[allow(clippy::needless_update)]
                        let __ec2_wrapper = #wrapper_ty {
                            #list: ::core::option::Option::Some(__ec2_page.items),
                            ..::core::default::Default::default()
                        };
                        ::core::option::Option::Some(__ec2_wrapper)
                    }
                };
                (declared_id, None, page_items, None)
            }
            None => (declared_id, None, quote!(__ec2_page.items), None),
        },
        Some(nested) => {
            let (list, item_id) = (&nested.field, &nested.resource_id);
            let first = respan(quote!(#p::NestedItems::first_item), list.span());
            let item_id_text = respan(quote!(#p::ResourceIdText::id_text), item_id.span());
            let reach = |base: TokenStream| respan(quote!(&#base.#list), list.span());
            let reach_mut = |base: TokenStream| respan(quote!(&mut #base.#list), list.span());
            let this_list = reach(quote!(__ec2_resource));
            let resource_id = quote! {
                match #first(#this_list) {
                    ::core::option::Option::Some(__ec2_item) => #item_id_text(&__ec2_item.#item_id),
                    ::core::option::Option::None => "",
                }
            };
            // Every use of the list is spanned on the user's field, so a field that is not a list
            // is reported there.
            let split = respan(quote!(#p::split_units), list.span());
            let append = respan(quote!(#p::NestedItems::append_items), list.span());
            let count = respan(quote!(#p::NestedItems::item_count), list.span());
            let list_mut = reach_mut(quote!(__ec2_resource));
            let into_list = reach_mut(quote!(__ec2_into));
            let from_list = respan(quote!(__ec2_from.#list), list.span());
            let units = quote! {
                fn units(__ec2_resource: #resource) -> ::std::vec::Vec<#resource> {
                    #split(__ec2_resource, |__ec2_resource: &mut #resource| #list_mut)
                }
            };
            let page_items = quote! {
                #p::group_units(
                    __ec2_page.items,
                    |__ec2_resource: &#resource| ::std::borrow::ToOwned::to_owned(#declared_id),
                    |__ec2_into: &mut #resource, __ec2_from: #resource| #append(#into_list, #from_list),
                )
            };
            let response_len = quote! {
                fn response_len(__ec2_response: &#response) -> usize {
                    __ec2_response.#output_field.iter().map(|__ec2_resource| #count(#this_list)).sum()
                }
            };
            (resource_id, Some(units), page_items, Some(response_len))
        }
    };
    let resource_tags = resource_tags(op, resource);
    let filter_arms = op.filters.iter().flat_map(|filters| {
        filters
            .fields
            .iter()
            .enumerate()
            .map(|(index, (_, target))| {
                let test = match target {
                    Target::Field(path) => filter_path(path),
                    Target::With(function) => quote! { #function(__ec2_resource, __ec2_values) },
                };
                quote! { #index => #test, }
            })
    });
    let text_arms = op.filters.iter().flat_map(|filters| {
        filters
            .fields
            .iter()
            .enumerate()
            .filter_map(|(index, (_, target))| match target {
                Target::Field(path) => {
                    let visit = filter_texts(path);
                    Some(quote! { #index => { #visit; } })
                }
                Target::With(_) => None,
            })
    });
    let tags = op
        .filters
        .as_ref()
        .and_then(|filters| filters.tags.field())
        .map(|path| {
            if path.len() > 1 {
                // Through other lists (an instance's tags in a reservation): any tag of any list.
                let test = tag_path(path);
                return quote! {
                    fn any_tag<__Ec2T: ::core::ops::FnMut(&#p::Tag) -> bool>(__ec2_resource: &#resource, mut __ec2_test: __Ec2T) -> bool {
                        #test
                    }
                };
            }
            let access = field_access(quote!(__ec2_resource), path);
            let access = respan(access, last_span(path));
            let call = respan(quote!(#p::TagList::tag_slice), last_span(path));
            let slice = quote_spanned!(last_span(path)=> #call(&#access));
            quote! {
                #[inline]
                fn tags(__ec2_resource: &#resource) -> &[#p::Tag] {
                    #slice
                }
            }
        });
    let tag_matches = op
        .filters
        .as_ref()
        .and_then(|filters| filters.tags.named_function())
        .map(|function| {
            quote! {
                fn tag_matches(__ec2_resource: &#resource, __ec2_key: &str, __ec2_values: &#p::ValueSet) -> bool {
                    #function(__ec2_resource, __ec2_key, __ec2_values)
                }
            }
        });
    let input_ids = match op.ids.iter().find(|ids| ids.is_primary()) {
        Some(ids) => id_values(ids),
        None => quote! { &[] },
    };
    let input_filters = match &op.filters {
        Some(filters) => match &filters.ignored_with {
            // EC2 ignores the filters when this list has values (DescribeStoreImageTasks' ImageIds).
            Some(list) => quote! {
                if __ec2_request.#list.is_empty() { &__ec2_request.filters } else { &[] }
            },
            None => quote! { &__ec2_request.filters },
        },
        None => quote! { &[] },
    };
    let input_max = if paginated {
        quote! { __ec2_request.max_results }
    } else {
        quote! { ::core::option::Option::None }
    };
    let input_token = if paginated {
        quote! { __ec2_request.next_token.as_deref() }
    } else {
        quote! { ::core::option::Option::None }
    };
    let (input_parent, parent_member) = match parent_ids {
        Some(ids) => {
            let spec = id_spec(ids, complete);
            let asked = &ids.field.ident;
            let key = &ids.key;
            let listed_by = match &ids.parent {
                Some(parent) => quote! { ::core::option::Option::Some(#parent) },
                None => quote! { ::core::option::Option::None },
            };
            let output = ids.output.as_ref();
            (
                quote! {
                    ::core::option::Option::Some(#p::ParentScope {
                        id: &__ec2_request.#asked,
                        spec: {
                            const __EC2_PARENT: #p::IdSpec = #spec;
                            &__EC2_PARENT
                        },
                        listed_by: #listed_by,
                    })
                },
                Some(quote! {
                    const PARENT_MEMBER: ::core::option::Option<&'static str> = ::core::option::Option::Some(#key);

                    fn answered_parent(__ec2_response: &#response) -> ::core::option::Option<&str> {
                        ::core::option::Option::as_deref(&__ec2_response.#output)
                    }
                }),
            )
        }
        None => (quote! { ::core::option::Option::None }, None),
    };
    let input_dry_run = if op.dry_run.is_some() {
        quote! { __ec2_request.dry_run.unwrap_or(false) }
    } else {
        quote! { false }
    };
    let lookups = lookups(op, complete);
    let validate = op.validate.as_ref().map(|function| {
        // A function of the wrong type is reported at the path the user wrote.
        let call =
            quote_spanned! {syn::spanned::Spanned::span(function)=> #function(__ec2_request) };
        quote! {
            fn validate(__ec2_request: &#request) -> ::core::result::Result<(), #p::Ec2Error> {
                #call
            }
        }
    });
    let visible = op.visible.as_ref().map(|function| {
        quote! {
            fn visible(
                __ec2_request: &#request,
                __ec2_caller: &#p::Caller,
                __ec2_resource: &#resource,
                __ec2_context: &#p::DescribeContext,
            ) -> bool {
                #function(__ec2_request, __ec2_caller, __ec2_resource, __ec2_context)
            }
        }
    });
    let respond = op.respond.as_ref().map(|function| {
        quote! { #function(__ec2_request, __ec2_caller, &mut __ec2_response); }
    });
    let response_mut = op.respond.as_ref().map(|_| quote!(mut));
    let hooks_unused = op
        .respond
        .is_none()
        .then(|| quote! { let _ = (__ec2_request, __ec2_caller); });

    let request_doc = format!(
        "The request of `{action}`. Build it with `{request}::builder()`; `Ec2Request::to_query` encodes it as botocore does, `Ec2Request::from_query` decodes a server's copy."
    );
    let response_doc = format!(
        "The response of `{action}`: `<{action}Response>` in XML, `{{\"{output_json}\": [...]}}` in JSON."
    );
    let builder_doc = format!("Builds a [`{request}`].");

    quote! {
        #item

        #[doc = #request_doc]
        #[derive(::core::fmt::Debug, ::core::clone::Clone, ::core::default::Default, ::core::cmp::PartialEq, #p::serde::Serialize)]
        #[serde(crate = #serde_crate)]
        #vis struct #request {
            #(#request_fields)*
        }

        #request_json

        #[doc = #builder_doc]
        #[derive(::core::fmt::Debug, ::core::clone::Clone, ::core::default::Default)]
        #vis struct #builder {
            request: #request,
        }

        impl #request {
            /// A builder for this request.
            #vis fn builder() -> #builder {
                ::core::default::Default::default()
            }
        }

        impl #builder {
            #(#builder_methods)*

            /// The request.
            #vis fn build(self) -> #request {
                self.request
            }
        }

        #[automatically_derived]
        impl #p::Ec2Request for #request {
            const ACTION: &'static str = #action;

            fn take_from_query(__ec2_node: &mut #p::QueryNode) -> ::core::result::Result<Self, #p::Ec2Error> {
                ::core::result::Result::Ok(#request { #(#take)* })
            }

            fn write_query(&self, __ec2_writer: &mut #p::QueryWriter) {
                #(#write)*
            }
        }

        #response_json

        #[doc = #response_doc]
        #[derive(::core::fmt::Debug, ::core::clone::Clone, ::core::default::Default, ::core::cmp::PartialEq, #p::serde::Serialize)]
        #[serde(crate = #serde_crate)]
        #vis struct #response {
            /// EC2's `<requestId>` (not part of the AWS CLI's JSON).
            #[serde(skip)]
            pub request_id: ::core::option::Option<::std::string::String>,
            #output_declaration
            #(#response_fields)*
            #next_token_field
        }

        #[automatically_derived]
        impl #p::Ec2Response for #response {
            const ACTION: &'static str = #action;

            fn write_members(&self, __ec2_writer: &mut #p::XmlWriter<'_>) {
                #output_render
                #(#response_render)*
                #next_token_render
            }

            fn request_id(&self) -> ::core::option::Option<&str> {
                self.request_id.as_deref()
            }

            fn read_member(&mut self, __ec2_name: &str, __ec2_reader: &mut #p::XmlReader<'_>) -> ::core::result::Result<bool, #p::XmlError> {
                match __ec2_name {
                    #(#response_read)*
                    #next_token_read
                    #output_read
                }
                ::core::result::Result::Ok(true)
            }

            fn set_request_id(&mut self, __ec2_request_id: ::std::string::String) {
                self.request_id = ::core::option::Option::Some(__ec2_request_id);
            }
        }

        #[automatically_derived]
        impl #p::Operation for #name {
            type Resource = #resource;

            const SPEC: #p::OperationSpec = #spec;

            fn resource_id(__ec2_resource: &#resource) -> &str {
                #resource_id
            }

            #[allow(unused_variables)]
            fn filter_matches(__ec2_resource: &#resource, __ec2_index: usize, __ec2_values: &#p::ValueSet) -> bool {
                match __ec2_index {
                    #(#filter_arms)*
                    _ => false,
                }
            }

            #[allow(unused_variables)]
            fn filter_texts(__ec2_resource: &#resource, __ec2_index: usize, __ec2_visit: &mut dyn ::core::ops::FnMut(&str)) {
                match __ec2_index {
                    #(#text_arms)*
                    _ => {}
                }
            }

            #tags
            #tag_matches
        }

        #[automatically_derived]
        impl #p::DescribeOperation for #name {
            type Request = #request;
            type Response = #response;

            fn input(__ec2_request: &#request) -> #p::DescribeInput<'_> {
                #p::DescribeInput {
                    ids: #input_ids,
                    filters: #input_filters,
                    max_results: #input_max,
                    next_token: #input_token,
                    dry_run: #input_dry_run,
                    parent: #input_parent,
                }
            }

            #parent_member

            #lookups

            #validate

            #visible

            fn response(__ec2_page: #p::Page<#resource>, __ec2_request: &#request, __ec2_caller: &#p::Caller) -> #response {
                #hooks_unused
                let #response_mut __ec2_response = #response {
                    request_id: ::core::option::Option::Some(::std::clone::Clone::clone(&__ec2_caller.request_id)),
                    #output_field: #page_items,
                    #(#response_init)*
                    #next_token_build
                };
                #respond
                __ec2_response
            }

            fn response_items(__ec2_response: &#response) -> &[#resource] {
                #output_items
            }

            #response_len

            #units

            #resource_tags
        }

        #paginated_impl
    }
}

/// `DescribeOperation::resource_tags`: a unit's tags through `Tagged`, the resource's own or with
/// `nested` its one item's.
fn resource_tags(op: &Operation<'_>, resource: &syn::Path) -> TokenStream {
    let p = private();
    let tags = match &op.nested {
        None => {
            // Spanned at `resource = ...`: a resource type without tags is reported there.
            let span = resource
                .segments
                .last()
                .map_or_else(Span::call_site, |last| last.ident.span());
            let call = respan(quote!(<#resource as #p::Tagged>::tags), span);
            quote_spanned! {span=> #call(__ec2_resource) }
        }
        Some(nested) => {
            let list = &nested.field;
            let first = respan(quote!(#p::NestedItems::first_item), list.span());
            let this_list = respan(quote!(&__ec2_resource.#list), list.span());
            let tags = respan(quote!(#p::Tagged::tags), list.span());
            quote! {
                match #first(#this_list) {
                    ::core::option::Option::Some(__ec2_item) => #tags(__ec2_item),
                    ::core::option::Option::None => &[],
                }
            }
        }
    };
    quote! {
        #[inline]
        fn resource_tags(__ec2_resource: &#resource) -> &[#p::Tag] {
            #tags
        }
    }
}

/// The request's values of an ID list as a slice: the list, or the one required ID.
fn id_values(ids: &super::model::Ids) -> TokenStream {
    let field = &ids.field.ident;
    if ids.optional.is_some() {
        quote! { __ec2_request.#field.as_slice() }
    } else if ids.single.is_some() {
        quote! { ::core::slice::from_ref(&__ec2_request.#field) }
    } else {
        quote! { &__ec2_request.#field }
    }
}

/// The builder method of one member: `field(value)` sets a scalar; for a list, `field(values)`
/// extends it and the singular method (`bundle_id`) adds one.
fn builder_method(op: &Operation<'_>, member: &RequestMember) -> TokenStream {
    let vis = &op.item.vis;
    let (field, value_ty) = (&member.field, &member.value_ty);
    let into = quote! { ::core::convert::Into };
    match member.holding {
        Holding::List if field == "filters" => {
            let p = private();
            quote! {
                /// Adds a filter: `name` matches any of `values` (with `*` and `?` wildcards).
                #vis fn filter<__Ec2V: #into<::std::string::String>>(mut self, name: impl #into<::std::string::String>, values: impl ::core::iter::IntoIterator<Item = __Ec2V>) -> Self {
                    self.request.filters.push(#p::Filter::new(name, values));
                    self
                }
            }
        }
        Holding::List => {
            let key = &member.query;
            let many_doc = format!("Adds several values to `{key}.N`.");
            let one = member.one.as_ref().map(|one| {
                let one_doc = format!("Adds one value to `{key}.N`.");
                quote! {
                    #[doc = #one_doc]
                    #vis fn #one(mut self, value: impl #into<#value_ty>) -> Self {
                        self.request.#field.push(#into::into(value));
                        self
                    }
                }
            });
            quote! {
                #one

                #[doc = #many_doc]
                #vis fn #field<__Ec2I: #into<#value_ty>>(mut self, values: impl ::core::iter::IntoIterator<Item = __Ec2I>) -> Self {
                    self.request.#field.extend(values.into_iter().map(#into::into));
                    self
                }
            }
        }
        Holding::Optional => {
            let docs = format!("Sets `{}`.", member.query);
            quote! {
                #[doc = #docs]
                #vis fn #field(mut self, value: impl #into<#value_ty>) -> Self {
                    self.request.#field = ::core::option::Option::Some(#into::into(value));
                    self
                }
            }
        }
        Holding::Required => {
            let docs = format!("Sets `{}` (required).", member.query);
            quote! {
                #[doc = #docs]
                #vis fn #field(mut self, value: impl #into<#value_ty>) -> Self {
                    self.request.#field = #into::into(value);
                    self
                }
            }
        }
    }
}

/// The second ID lists: each matched against its field through a generated function, its rules in
/// a constant the pipeline borrows for the whole call.
fn lookups(op: &Operation<'_>, complete: &Complete<'_>) -> Option<TokenStream> {
    let p = private();
    let resource = complete.resource;
    let entries: Vec<TokenStream> = op
        .ids
        .iter()
        .filter_map(|ids| ids.lookup.as_ref().map(|path| (ids, path)))
        .enumerate()
        .map(|(index, (ids, path))| {
            let spec = id_spec(ids, complete);
            let function = format_ident!("__ec2_lookup_field_{}", index);
            let text = id_text(quote!(__ec2_resource), path);
            let values = id_values(ids);
            let check = match (&ids.parent, ids.narrows) {
                (Some(parent), _) => quote! { #p::ValueCheck::Parent(#parent) },
                (None, Some(_)) => quote! { #p::ValueCheck::Narrows },
                (None, None) => quote! { #p::ValueCheck::Held },
            };
            quote! {
                {
                    const __EC2_SPEC: #p::IdSpec = #spec;
                    fn #function(__ec2_resource: &#resource) -> &str {
                        #text
                    }
                    #p::Lookup { spec: &__EC2_SPEC, values: #values, field: #function, check: #check }
                }
            }
        })
        .collect();
    if entries.is_empty() {
        return None;
    }
    let request = format_ident!("{}Request", op.item.ident);
    Some(quote! {
        fn lookups(__ec2_request: &#request) -> ::std::vec::Vec<#p::Lookup<'_, #resource>> {
            ::std::vec![#(#entries),*]
        }
    })
}

/// `IdSpec { ... }` for one ID list.
fn id_spec(ids: &super::model::Ids, complete: &Complete<'_>) -> TokenStream {
    let p = private();
    let (key, noun, not_found) = (&ids.key, &ids.noun, &ids.not_found);
    let set_name = ids
        .set_name
        .as_ref()
        .map_or_else(|| complete.output.xml.value(), syn::LitStr::value);
    let malformed = match &ids.malformed {
        Some(malformed) => {
            let (prefix, code) = (&malformed.prefix, &malformed.code);
            quote! { ::core::option::Option::Some(#p::MalformedSpec { prefix: #prefix, code: #code }) }
        }
        None => quote! { ::core::option::Option::None },
    };
    quote! {
        #p::IdSpec {
            parameter: #key,
            noun: #noun,
            not_found_code: #not_found,
            malformed: #malformed,
            set_name: #set_name,
        }
    }
}

fn spec(op: &Operation<'_>, complete: &Complete<'_>) -> TokenStream {
    let p = private();
    let action = complete.action;
    let names = op
        .filters
        .iter()
        .flat_map(|filters| filters.fields.iter().map(|(name, _)| name));
    let has = |name: &str| {
        op.filters
            .as_ref()
            .is_some_and(|filters| filters.tags.has(name))
    };
    let (named, key, value) = (has(TAG_NAMED), has(TAG_KEY), has(TAG_VALUE));
    let ids = match op.ids.iter().find(|ids| ids.is_primary()) {
        Some(ids) => {
            let spec = id_spec(ids, complete);
            quote! { ::core::option::Option::Some(#spec) }
        }
        None => quote! { ::core::option::Option::None },
    };
    let pagination = match &op.paginate {
        Some(paginate) => {
            let combine = paginate.ids_with_max_results;
            let clamp = paginate.clamp.is_some();
            match (&paginate.min, &paginate.max) {
                (Some(min), Some(max)) => quote! {
                    ::core::option::Option::Some(#p::PaginationSpec { min: #min, max: #max, clamp: #clamp, ids_with_max_results: #combine })
                },
                _ => quote! {
                    ::core::option::Option::Some(#p::PaginationSpec { ids_with_max_results: #combine, ..#p::PaginationSpec::UNBOUNDED })
                },
            }
        }
        None => quote! { ::core::option::Option::None },
    };
    quote! {
        #p::OperationSpec {
            action: #action,
            filters: #p::FilterCatalog {
                names: &[#(#names),*],
                tags: #p::TagFilters { named: #named, key: #key, value: #value },
            },
            ids: #ids,
            pagination: #pagination,
        }
    }
}

/// `ResourceIdText::id_text(&resource.a.b)`, spanned on the user's field so a field of the wrong
/// type is reported there.
fn id_text(base: TokenStream, path: &FieldPath) -> TokenStream {
    let p = private();
    let span = last_span(path);
    let access = respan(field_access(base, path), span);
    let call = respan(quote!(#p::ResourceIdText::id_text), span);
    quote_spanned!(span=> #call(&#access))
}

/// `tokens` with every span set to `span`: a field access built from generated and user tokens then
/// reports type errors at the user's field instead of at the whole attribute.
fn respan(tokens: TokenStream, span: proc_macro2::Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut token| {
            if let proc_macro2::TokenTree::Group(group) = &token {
                let mut inner =
                    proc_macro2::Group::new(group.delimiter(), respan(group.stream(), span));
                inner.set_span(span);
                token = proc_macro2::TokenTree::Group(inner);
            } else {
                token.set_span(span);
            }
            token
        })
        .collect()
}

/// The span of a path's last field.
fn last_span(path: &FieldPath) -> proc_macro2::Span {
    path.last()
        .map_or_else(proc_macro2::Span::call_site, syn::Ident::span)
}

/// `resource.a.b` as plain field access (for the ID and tag fields, which are never optional steps).
fn field_access(base: TokenStream, path: &FieldPath) -> TokenStream {
    let segments = path.iter();
    quote! { #base #(.#segments)* }
}

/// Every wire text a filter's field path reaches, each handed to `__ec2_visit` (the steps answer
/// `false` so every element is visited).
fn filter_texts(path: &FieldPath) -> TokenStream {
    let p = private();
    reach_through(path, |base, last| {
        let leaf = respan(quote!(#base.#last), last.span());
        let call = respan(quote!(#p::FilterLeaf::leaf_texts), last.span());
        quote_spanned! {last.span()=> { #call(&#leaf, __ec2_visit); false } }
    })
}

/// A tag field reached through other fields: every step but the last through `FilterPath`, the
/// last through `TagList`, whose tags `__ec2_test` is asked about.
fn tag_path(path: &FieldPath) -> TokenStream {
    let p = private();
    let leaf = |base: TokenStream, last: &syn::Ident| {
        let access = respan(quote!(#base.#last), last.span());
        let call = respan(quote!(#p::TagList::tag_slice), last.span());
        quote_spanned! {last.span()=> #call(&#access).iter().any(&mut __ec2_test) }
    };
    reach_through(path, leaf)
}

/// A filter's field path: every step but the last goes through `FilterPath` (so optional and list
/// fields are followed), the last through `FilterLeaf` (so its wire text is compared).
fn filter_path(path: &FieldPath) -> TokenStream {
    let p = private();
    // Each call is spanned on its field, so "trait not implemented" points at the offending step.
    reach_through(path, |base, last| {
        let leaf = respan(quote!(#base.#last), last.span());
        let leaf_call = respan(quote!(#p::FilterLeaf::filter_leaf), last.span());
        quote_spanned! {last.span()=> #leaf_call(&#leaf, __ec2_values) }
    })
}

/// `at_leaf(base, last)` under one `FilterPath::reach` per step before the last, so optional and
/// list fields are followed and any element may answer.
fn reach_through(
    path: &FieldPath,
    at_leaf: impl FnOnce(TokenStream, &syn::Ident) -> TokenStream,
) -> TokenStream {
    let p = private();
    let segments: Vec<&syn::Ident> = path.iter().collect();
    let (last, steps) = segments
        .split_last()
        .expect("a parsed field path has at least one segment");
    let mut base = quote!(__ec2_resource);
    let mut opened = Vec::new();
    for (depth, step) in steps.iter().enumerate() {
        // Spanned on the step, so a step that is not a structure is reported at the user's field.
        let next = format_ident!("__ec2_step_{}", depth, span = step.span());
        opened.push((base.clone(), (*step).clone(), next.clone()));
        base = quote!(#next);
    }
    let mut test = at_leaf(base, last);
    for (base, step, binding) in opened.into_iter().rev() {
        let field = respan(quote!(#base.#step), step.span());
        let reach = respan(quote!(#p::FilterPath::reach), step.span());
        test = quote_spanned! {step.span()=> #reach(&#field, &mut |#binding| #test) };
    }
    test
}
