//! The one attribute engine of both macros: the entries of an argument list (`#[ec2_operation(...)]`,
//! one of its groups, or every `#[ec2(...)]` on a field or variant) read by key into typed values.
//!
//! Reading reports, each at its token: an unknown key (with "did you mean"), a key given twice, a
//! value of the wrong kind, a filter mapping outside `filters(...)`, and required keys left out.

use std::collections::BTreeMap;

use proc_macro2::Span;
use syn::punctuated::Punctuated;

use crate::ctxt::Ctxt;
use crate::suggest;
use crate::symbol::Symbol;
use crate::syntax::{Args, Entry, Value};

/// The entries of one argument list by key, after the unknown-key and duplicate checks.
pub struct Keyed<'e> {
    entries: BTreeMap<Symbol, Vec<&'e Entry>>,
}

impl<'e> Keyed<'e> {
    /// Reads `entries` whose keys must be among `allowed`, each at most once; `what` names a key in
    /// messages ("`ids` key", "ec2 attribute on a field").
    pub fn read(
        ctxt: &Ctxt,
        entries: impl IntoIterator<Item = &'e Entry>,
        allowed: &[Symbol],
        what: &str,
    ) -> Self {
        Keyed::read_repeatable(ctxt, entries, allowed, &[], what)
    }

    /// As [`Keyed::read`], but the keys in `repeatable` may be given more than once (read them with
    /// [`Keyed::all`]).
    pub fn read_repeatable(
        ctxt: &Ctxt,
        entries: impl IntoIterator<Item = &'e Entry>,
        allowed: &[Symbol],
        repeatable: &[Symbol],
        what: &str,
    ) -> Self {
        let mut keyed: BTreeMap<Symbol, Vec<&'e Entry>> = BTreeMap::new();
        for entry in entries {
            let key = match entry {
                Entry::Flag(key)
                | Entry::Value(key, _)
                | Entry::Group(key, _)
                | Entry::Fields(key, _)
                | Entry::Mapping(key, _) => key,
                Entry::Filter(name, _) => {
                    ctxt.error_spanned_by(name, format!("a filter (`\"name\"` or `\"name\" => field`) belongs inside `filters(...)`, not in {what}"));
                    continue;
                }
            };
            match allowed.iter().find(|allowed| key == *allowed) {
                None => {
                    let names: Vec<&str> = allowed.iter().map(|symbol| symbol.as_str()).collect();
                    ctxt.error_spanned_by(
                        key,
                        suggest::unknown_message(what, &key.to_string(), &names),
                    );
                }
                Some(known) => {
                    let seen = keyed.entry(*known).or_default();
                    if !seen.is_empty() && !repeatable.contains(known) {
                        ctxt.error_spanned_by(key, format!("duplicate {what} `{key}`"));
                    } else {
                        seen.push(entry);
                    }
                }
            }
        }
        Keyed { entries: keyed }
    }

    /// The (first) entry of `key`, whatever its form.
    pub fn get(&self, key: Symbol) -> Option<&'e Entry> {
        self.all(key).first().copied()
    }

    /// Every entry of a repeatable `key`, in the order written.
    pub fn all(&self, key: Symbol) -> &[&'e Entry] {
        self.entries.get(&key).map_or(&[], Vec::as_slice)
    }

    /// Reports the `required` keys that were not written at all (a key written in the wrong form has
    /// its own error already), spanned on `span`.
    pub fn require(&self, ctxt: &Ctxt, span: Span, what: &str, required: &[Symbol]) {
        let absent: Vec<String> = required
            .iter()
            .filter(|key| self.get(**key).is_none())
            .map(|key| format!("`{key}`"))
            .collect();
        if !absent.is_empty() {
            ctxt.syn_error(syn::Error::new(
                span,
                format!("{what} is missing {}", absent.join(", ")),
            ));
        }
    }

    /// `key = value`, when `pick` accepts the value; otherwise reports `expected` at the value.
    fn value<T>(
        &self,
        ctxt: &Ctxt,
        key: Symbol,
        expected: &str,
        pick: impl FnOnce(&'e Value) -> Option<T>,
    ) -> Option<T> {
        let entry = self.get(key)?;
        let picked = match entry {
            Entry::Value(_, value) => pick(value),
            _ => None,
        };
        if picked.is_none() {
            wrong_form(ctxt, entry, &format!("`{key}` takes {expected}"));
        }
        picked
    }

    /// `key = "text"`.
    pub fn string(&self, ctxt: &Ctxt, key: Symbol, example: &str) -> Option<syn::LitStr> {
        let expected = format!("a string, e.g. `{key} = {example}`");
        self.value(ctxt, key, &expected, |value| match value {
            Value::Str(lit) => Some(lit.clone()),
            _ => None,
        })
    }

    /// `key = 5`.
    pub fn integer(&self, ctxt: &Ctxt, key: Symbol, example: &str) -> Option<syn::LitInt> {
        let expected = format!("an integer, e.g. `{key} = {example}`");
        self.value(ctxt, key, &expected, |value| match value {
            Value::Int(lit) => Some(lit.clone()),
            _ => None,
        })
    }

    /// `key = true`.
    pub fn boolean(&self, ctxt: &Ctxt, key: Symbol) -> Option<bool> {
        self.value(ctxt, key, "`true` or `false`", |value| match value {
            Value::Bool(lit) => Some(lit.value),
            _ => None,
        })
    }

    /// `key = some::Path`; `expected` says what the path should name, with an example.
    pub fn path(&self, ctxt: &Ctxt, key: Symbol, expected: &str) -> Option<&'e syn::Path> {
        self.value(ctxt, key, expected, |value| match value {
            Value::Path(path) => Some(path),
            _ => None,
        })
    }

    /// `key` alone.
    pub fn flag(&self, ctxt: &Ctxt, key: Symbol) -> bool {
        match self.get(key) {
            None => false,
            Some(Entry::Flag(_)) => true,
            Some(entry) => {
                wrong_form(
                    ctxt,
                    entry,
                    &format!("`{key}` is a flag: write just `{key}`"),
                );
                false
            }
        }
    }

    /// `key(...)`, with the span of its key.
    pub fn group(&self, ctxt: &Ctxt, key: Symbol, example: &str) -> Option<(Span, &'e Args)> {
        group_of(ctxt, self.get(key)?, key, example)
    }

    /// Every `key(...)` of a repeatable `key`, with the span of its key.
    pub fn groups(&self, ctxt: &Ctxt, key: Symbol, example: &str) -> Vec<(Span, &'e Args)> {
        self.all(key)
            .iter()
            .filter_map(|entry| group_of(ctxt, entry, key, example))
            .collect()
    }

    /// `key` alone or `key(...)`: a group whose settings may all be left out. `None` when absent;
    /// the flag form gives no settings.
    pub fn flag_or_group(
        &self,
        ctxt: &Ctxt,
        key: Symbol,
        example: &str,
    ) -> Option<(Span, Option<&'e Args>)> {
        match self.get(key)? {
            Entry::Flag(ident) => Some((ident.span(), None)),
            entry => group_of(ctxt, entry, key, example).map(|(span, args)| (span, Some(args))),
        }
    }

    /// `members(field: Type, ...)`, with the span of its key.
    pub fn fields(
        &self,
        ctxt: &Ctxt,
        key: Symbol,
        example: &str,
    ) -> Option<(Span, &'e Punctuated<syn::Field, syn::Token![,]>)> {
        match self.get(key)? {
            Entry::Fields(ident, fields) => Some((ident.span(), fields)),
            entry => {
                wrong_form(
                    ctxt,
                    entry,
                    &format!("`{key}` lists fields as in a struct, e.g. `{key}({example})`"),
                );
                None
            }
        }
    }
}

fn group_of<'e>(
    ctxt: &Ctxt,
    entry: &'e Entry,
    key: Symbol,
    example: &str,
) -> Option<(Span, &'e Args)> {
    match entry {
        Entry::Group(ident, args) => Some((ident.span(), args)),
        entry => {
            wrong_form(
                ctxt,
                entry,
                &format!("`{key}` takes a list of settings, e.g. `{key}({example})`"),
            );
            None
        }
    }
}

/// Reports an entry written in the wrong form, spanned on its value when it has one.
fn wrong_form(ctxt: &Ctxt, entry: &Entry, message: &str) {
    let span = match entry {
        Entry::Value(_, value) => value.span(),
        other => other.key_span(),
    };
    let found = match entry {
        Entry::Value(_, value) => format!("; found {}", value.describe()),
        _ => String::new(),
    };
    ctxt.syn_error(syn::Error::new(span, format!("{message}{found}")));
}
