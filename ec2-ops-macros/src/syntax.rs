//! The argument syntax both macros share, before any meaning is given to the keys: the arguments of
//! `#[ec2_operation(...)]` and of `#[ec2(...)]` on shape fields and variants.
//!
//! ```text
//! args    := entry (',' entry)* ','?
//! entry   := IDENT                      // a flag:          dry_run
//!          | IDENT '=' value            // a value:         action = "DescribeBundleTasks"
//!          | 'members' '(' field,* ')'  // request members: members(include_public_key: Option<bool>)
//!          | IDENT '(' args ')'         // a group:         paginate(min = 5, max = 1000)
//!          | IDENT '=>' target          // a mapping (only to report it: filter names are strings)
//!          | STRING '=>' target         // a filter:        "s3-bucket" => storage.s3.bucket
//!          | STRING                     // a filter on the field its name spells: "volume-id"
//! field   := attribute* IDENT ':' TYPE  // as in a struct: `#[ec2(query = "Owner")] owner_ids: Vec<String>`
//! value   := STRING | INTEGER | BOOL | PATH
//! target  := IDENT ('.' IDENT)*         // a field path on the resource
//!          | 'with' '(' PATH ')'        // a function fn(&Resource, &ValueSet) -> bool
//! ```

use proc_macro2::Span;
use syn::ext::IdentExt;
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::{Token, parenthesized};

#[derive(Default)]
pub struct Args {
    pub entries: Vec<Entry>,
}

pub enum Entry {
    Flag(syn::Ident),
    Value(syn::Ident, Value),
    Group(syn::Ident, Args),
    Fields(syn::Ident, Punctuated<syn::Field, Token![,]>),
    Mapping(syn::Ident, Target),
    /// A filter name and its target; `None` when the name alone is written (the model derives it).
    Filter(syn::LitStr, Option<Target>),
}

impl Entry {
    /// The key's tokens, for messages about the entry as a whole.
    pub fn key_span(&self) -> Span {
        match self {
            Entry::Flag(key)
            | Entry::Value(key, _)
            | Entry::Group(key, _)
            | Entry::Fields(key, _)
            | Entry::Mapping(key, _) => key.span(),
            Entry::Filter(name, _) => name.span(),
        }
    }
}

pub enum Value {
    Str(syn::LitStr),
    Int(syn::LitInt),
    Bool(syn::LitBool),
    Path(syn::Path),
}

impl Value {
    pub fn span(&self) -> Span {
        match self {
            Value::Str(lit) => lit.span(),
            Value::Int(lit) => lit.span(),
            Value::Bool(lit) => lit.span,
            Value::Path(path) => path
                .segments
                .first()
                .map_or_else(Span::call_site, |s| s.ident.span()),
        }
    }

    /// What kind of value this is, for "expected a string, found an integer" messages.
    pub fn describe(&self) -> &'static str {
        match self {
            Value::Str(_) => "a string",
            Value::Int(_) => "an integer",
            Value::Bool(_) => "a boolean",
            Value::Path(_) => "a path",
        }
    }
}

#[derive(Clone)]
pub enum Target {
    Field(Punctuated<syn::Ident, Token![.]>),
    With(syn::Path),
}

impl Parse for Args {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let mut entries = Vec::new();
        while !input.is_empty() {
            entries.push(input.parse()?);
            if input.is_empty() {
                break;
            }
            input.parse::<Token![,]>()?;
        }
        Ok(Args { entries })
    }
}

impl Parse for Entry {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        if input.peek(syn::LitStr) {
            let name: syn::LitStr = input.parse()?;
            if input.peek(Token![=>]) {
                input.parse::<Token![=>]>()?;
                return Ok(Entry::Filter(name, Some(input.parse()?)));
            }
            return Ok(Entry::Filter(name, None));
        }
        let lookahead = input.lookahead1();
        if !lookahead.peek(syn::Ident::peek_any) {
            return Err(lookahead.error());
        }
        let key = syn::Ident::parse_any(input)?;
        if input.peek(Token![=>]) {
            input.parse::<Token![=>]>()?;
            Ok(Entry::Mapping(key, input.parse()?))
        } else if input.peek(Token![=]) {
            input.parse::<Token![=]>()?;
            Ok(Entry::Value(key, input.parse()?))
        } else if input.peek(syn::token::Paren) {
            let content;
            parenthesized!(content in input);
            if key == crate::symbol::MEMBERS || key == crate::symbol::RESPONSE {
                let fields = content.parse_terminated(syn::Field::parse_named, Token![,])?;
                Ok(Entry::Fields(key, fields))
            } else {
                Ok(Entry::Group(key, content.parse()?))
            }
        } else {
            Ok(Entry::Flag(key))
        }
    }
}

impl Parse for Value {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let lookahead = input.lookahead1();
        if lookahead.peek(syn::LitStr) {
            input.parse().map(Value::Str)
        } else if lookahead.peek(syn::LitInt) {
            input.parse().map(Value::Int)
        } else if lookahead.peek(syn::LitBool) {
            input.parse().map(Value::Bool)
        } else if lookahead.peek(syn::Ident)
            || lookahead.peek(Token![::])
            || lookahead.peek(Token![crate])
            || lookahead.peek(Token![self])
            || lookahead.peek(Token![super])
        {
            input.parse().map(Value::Path)
        } else {
            Err(lookahead.error())
        }
    }
}

impl Parse for Target {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        if input.peek(syn::Ident) && input.peek2(syn::token::Paren) {
            let fork = input.fork();
            let word: syn::Ident = fork.parse()?;
            if word == "with" {
                input.parse::<syn::Ident>()?;
                let content;
                parenthesized!(content in input);
                return Ok(Target::With(content.parse()?));
            }
        }
        let path = Punctuated::parse_separated_nonempty_with(input, syn::Ident::parse_any)?;
        Ok(Target::Field(path))
    }
}
