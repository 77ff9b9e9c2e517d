//! Code generation for a valid `#[ec2_operation]` model. Never reports user errors.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};

use super::model::{FieldPath, Operation};
use crate::case;
use crate::private;
use crate::syntax::Target;

/// One member of the generated request, in the order botocore writes them.
struct RequestMember {
    field: syn::Ident,
    ty: TokenStream,
    json: String,
    query: String,
    list: bool,
    doc: String,
}

fn request_members(op: &Operation<'_>) -> Vec<RequestMember> {
    let p = private();
    let mut members = Vec::new();
    if let Some(ids) = &op.ids {
        let member = ids.member.value();
        members.push(RequestMember {
            field: format_ident!("{}", case::snake(&member)),
            ty: quote! { ::std::vec::Vec<::std::string::String> },
            json: member,
            query: ids.key.value(),
            list: true,
            doc: format!(
                "The IDs to describe (`{}.N`); empty describes all.",
                ids.key.value()
            ),
        });
    }
    let filter_key = op
        .filters
        .key
        .as_ref()
        .map_or_else(|| "Filter".to_owned(), syn::LitStr::value);
    members.push(RequestMember {
        field: format_ident!("filters"),
        ty: quote! { ::std::vec::Vec<#p::Filter> },
        json: "Filters".to_owned(),
        doc: format!("The filters (`{filter_key}.N.Name`, `{filter_key}.N.Value.M`)."),
        query: filter_key,
        list: true,
    });
    if op.paginate.is_some() {
        members.push(RequestMember {
            field: format_ident!("max_results"),
            ty: quote! { ::core::option::Option<i32> },
            json: "MaxResults".to_owned(),
            query: "MaxResults".to_owned(),
            list: false,
            doc: "The page size (`MaxResults`); absent returns everything.".to_owned(),
        });
        members.push(RequestMember {
            field: format_ident!("next_token"),
            ty: quote! { ::core::option::Option<::std::string::String> },
            json: "NextToken".to_owned(),
            query: "NextToken".to_owned(),
            list: false,
            doc: "The token from the previous page (`NextToken`).".to_owned(),
        });
    }
    if op.dry_run {
        members.push(RequestMember {
            field: format_ident!("dry_run"),
            ty: quote! { ::core::option::Option<bool> },
            json: "DryRun".to_owned(),
            query: "DryRun".to_owned(),
            list: false,
            doc: "Checks permissions without describing anything (`DryRun`).".to_owned(),
        });
    }
    members
}

pub fn expand(op: &Operation<'_>) -> TokenStream {
    let p = private();
    let item = op.item;
    let vis = &item.vis;
    let name = &item.ident;
    let action = op.action.value();
    let request = format_ident!("{}Request", name);
    let builder = format_ident!("{}RequestBuilder", name);
    let response = format_ident!("{}Response", name);
    let resource = &op.resource;
    let serde_crate = crate::PRIVATE_SERDE;
    let members = request_members(op);

    let request_fields = members.iter().map(|m| {
        let (field, ty, json, doc) = (&m.field, &m.ty, &m.json, &m.doc);
        let skip = if m.list {
            "::std::vec::Vec::is_empty"
        } else {
            "::core::option::Option::is_none"
        };
        quote! {
            #[doc = #doc]
            #[serde(rename = #json, default, skip_serializing_if = #skip)]
            pub #field: #ty,
        }
    });
    let take = members.iter().map(|m| {
        let (field, query) = (&m.field, &m.query);
        if m.list {
            quote! { #field: __ec2_node.take_list(#query)?, }
        } else {
            quote! { #field: __ec2_node.take_scalar(#query)?, }
        }
    });
    let write = members.iter().map(|m| {
        let (field, query) = (&m.field, &m.query);
        quote! { #p::QueryEncode::encode_query(&self.#field, #query, __ec2_writer); }
    });
    let builder_methods = builder_methods(op, &members);

    let output_field = format_ident!("{}", case::snake(&op.output.member.value()));
    let output_json = op.output.member.value();
    let output_xml = op.output.xml.value();
    let output_item = op
        .output
        .item
        .as_ref()
        .map_or_else(|| "item".to_owned(), syn::LitStr::value);
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

    let spec = spec(op);
    let resource_id = {
        let access = field_access(quote!(__ec2_resource), &op.resource_id);
        // Spanned on the user's field, so a field of the wrong type is reported there.
        let access = respan(access, last_span(&op.resource_id));
        let call = respan(
            quote!(#p::ResourceIdText::id_text),
            last_span(&op.resource_id),
        );
        quote_spanned!(last_span(&op.resource_id)=> #call(&#access))
    };
    let filter_arms = op
        .filters
        .fields
        .iter()
        .enumerate()
        .map(|(index, (_, target))| {
            let test = match target {
                Target::Field(path) => filter_path(path),
                Target::With(function) => quote! { #function(__ec2_resource, __ec2_values) },
            };
            quote! { #index => #test, }
        });
    let tags = op.filters.tags.as_ref().map(|(_, path)| {
        let access = field_access(quote!(__ec2_resource), path);
        let access = respan(access, last_span(path));
        let call = respan(quote!(#p::TagList::tag_slice), last_span(path));
        let slice = quote_spanned!(last_span(path)=> #call(&#access));
        quote! {
            fn tags(__ec2_resource: &#resource) -> &[#p::Tag] {
                #slice
            }
        }
    });
    let input_ids = match &op.ids {
        Some(ids) => {
            let field = format_ident!("{}", case::snake(&ids.member.value()));
            quote! { &__ec2_request.#field }
        }
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
    let input_dry_run = if op.dry_run {
        quote! { __ec2_request.dry_run.unwrap_or(false) }
    } else {
        quote! { false }
    };

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
        #[derive(::core::fmt::Debug, ::core::clone::Clone, ::core::default::Default, ::core::cmp::PartialEq, #p::serde::Serialize, #p::serde::Deserialize)]
        #[serde(crate = #serde_crate)]
        #vis struct #request {
            #(#request_fields)*
        }

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
            #builder_methods

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

        #[doc = #response_doc]
        #[derive(::core::fmt::Debug, ::core::clone::Clone, ::core::default::Default, ::core::cmp::PartialEq, #p::serde::Serialize, #p::serde::Deserialize)]
        #[serde(crate = #serde_crate)]
        #vis struct #response {
            /// EC2's `<requestId>` (not part of the AWS CLI's JSON).
            #[serde(skip)]
            pub request_id: ::core::option::Option<::std::string::String>,
            /// The resources of this page.
            #[serde(rename = #output_json, default)]
            pub #output_field: ::std::vec::Vec<#resource>,
            #next_token_field
        }

        #[automatically_derived]
        impl #p::Ec2Response for #response {
            const ACTION: &'static str = #action;

            fn write_members(&self, __ec2_writer: &mut #p::XmlWriter<'_>) {
                __ec2_writer.list(#output_xml, #output_item, &self.#output_field);
                #next_token_render
            }

            fn request_id(&self) -> ::core::option::Option<&str> {
                self.request_id.as_deref()
            }

            fn read_member(&mut self, __ec2_name: &str, __ec2_reader: &mut #p::XmlReader<'_>) -> ::core::result::Result<bool, #p::XmlError> {
                match __ec2_name {
                    #output_xml => self.#output_field = <::std::vec::Vec<#resource> as #p::XmlParse>::parse_xml(__ec2_reader)?,
                    #next_token_read
                    _ => return ::core::result::Result::Ok(false),
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

            #tags
        }

        #[automatically_derived]
        impl #p::DescribeOperation for #name {
            type Request = #request;
            type Response = #response;

            fn input(__ec2_request: &#request) -> #p::DescribeInput<'_> {
                #p::DescribeInput {
                    ids: #input_ids,
                    filters: &__ec2_request.filters,
                    max_results: #input_max,
                    next_token: #input_token,
                    dry_run: #input_dry_run,
                }
            }

            fn response(__ec2_page: #p::Page<#resource>, __ec2_request_id: ::std::string::String) -> #response {
                #response {
                    request_id: ::core::option::Option::Some(__ec2_request_id),
                    #output_field: __ec2_page.items,
                    #next_token_build
                }
            }

            fn response_len(__ec2_response: &#response) -> usize {
                __ec2_response.#output_field.len()
            }
        }
    }
}

fn builder_methods(op: &Operation<'_>, members: &[RequestMember]) -> TokenStream {
    let p = private();
    let vis = &op.item.vis;
    let mut methods = TokenStream::new();
    if let Some(ids) = &op.ids {
        let many = format_ident!("{}", case::snake(&ids.member.value()));
        let one = format_ident!("{}", case::snake(&ids.key.value()));
        let doc_one = format!("Adds one ID (`{}.N`).", ids.key.value());
        let doc_many = "Adds several IDs.".to_owned();
        methods.extend(quote! {
            #[doc = #doc_one]
            #vis fn #one(mut self, id: impl ::core::convert::Into<::std::string::String>) -> Self {
                self.request.#many.push(id.into());
                self
            }

            #[doc = #doc_many]
            #vis fn #many<__Ec2I: ::core::convert::Into<::std::string::String>>(mut self, ids: impl ::core::iter::IntoIterator<Item = __Ec2I>) -> Self {
                self.request.#many.extend(ids.into_iter().map(::core::convert::Into::into));
                self
            }
        });
    }
    methods.extend(quote! {
        /// Adds a filter: `name` matches any of `values` (with `*` and `?` wildcards).
        #vis fn filter<__Ec2V: ::core::convert::Into<::std::string::String>>(mut self, name: impl ::core::convert::Into<::std::string::String>, values: impl ::core::iter::IntoIterator<Item = __Ec2V>) -> Self {
            self.request.filters.push(#p::Filter::new(name, values));
            self
        }
    });
    for member in members.iter().filter(|m| !m.list) {
        let field = &member.field;
        let doc = &member.doc;
        let method = match field.to_string().as_str() {
            "max_results" => {
                quote! { #vis fn max_results(mut self, max_results: i32) -> Self { self.request.max_results = ::core::option::Option::Some(max_results); self } }
            }
            "next_token" => {
                quote! { #vis fn next_token(mut self, token: impl ::core::convert::Into<::std::string::String>) -> Self { self.request.next_token = ::core::option::Option::Some(token.into()); self } }
            }
            _ => {
                quote! { #vis fn dry_run(mut self, dry_run: bool) -> Self { self.request.dry_run = ::core::option::Option::Some(dry_run); self } }
            }
        };
        methods.extend(quote! { #[doc = #doc] #method });
    }
    methods
}

fn spec(op: &Operation<'_>) -> TokenStream {
    let p = private();
    let action = &op.action;
    let names = op.filters.fields.iter().map(|(name, _)| name);
    let tags = op.filters.tags.is_some();
    let ids = match &op.ids {
        Some(ids) => {
            let (key, noun, not_found) = (&ids.key, &ids.noun, &ids.not_found);
            let set_name = ids.set_name.as_ref().map_or_else(
                || format!("{}Set", case::lower_camel(&case::snake(&ids.key.value()))),
                syn::LitStr::value,
            );
            let malformed = match (&ids.malformed, &ids.prefix) {
                (Some(code), Some(prefix)) => {
                    quote! { ::core::option::Option::Some(#p::MalformedSpec { prefix: #prefix, code: #code }) }
                }
                _ => quote! { ::core::option::Option::None },
            };
            quote! {
                ::core::option::Option::Some(#p::IdSpec {
                    parameter: #key,
                    noun: #noun,
                    not_found_code: #not_found,
                    malformed: #malformed,
                    set_name: #set_name,
                })
            }
        }
        None => quote! { ::core::option::Option::None },
    };
    let pagination = match &op.paginate {
        Some(paginate) => {
            let (min, max, combine) = (&paginate.min, &paginate.max, paginate.ids_with_max_results);
            quote! { ::core::option::Option::Some(#p::PaginationSpec { min: #min, max: #max, ids_with_max_results: #combine }) }
        }
        None => quote! { ::core::option::Option::None },
    };
    quote! {
        #p::OperationSpec {
            action: #action,
            filters: #p::FilterCatalog { names: &[#(#names),*], tags: #tags },
            ids: #ids,
            pagination: #pagination,
        }
    }
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

/// A filter's field path: every step but the last goes through `FilterPath` (so optional and list
/// fields are followed), the last through `FilterLeaf` (so its wire text is compared).
fn filter_path(path: &FieldPath) -> TokenStream {
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
    // Each call is spanned on its field, so "trait not implemented" points at the offending step.
    let leaf = respan(quote!(#base.#last), last.span());
    let leaf_call = respan(quote!(#p::FilterLeaf::filter_leaf), last.span());
    let mut test = quote_spanned! {last.span()=> #leaf_call(&#leaf, __ec2_values) };
    for (base, step, binding) in opened.into_iter().rev() {
        let field = respan(quote!(#base.#step), step.span());
        let reach = respan(quote!(#p::FilterPath::reach), step.span());
        test = quote_spanned! {step.span()=> #reach(&#field, &mut |#binding| #test) };
    }
    test
}
