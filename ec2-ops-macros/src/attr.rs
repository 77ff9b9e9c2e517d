//! The one attribute engine of both macros: the entries of an argument list (`#[ec2_operation(...)]`,
//! one of its groups, or every `#[ec2(...)]` on a field or variant) read by key into typed values.
//!
//! Reading reports, each at its token: an unknown key (with "did you mean"), a key given twice, a
//! value of the wrong kind, a filter mapping outside `filters(...)`, and required keys left out.

use std::collections::BTreeMap;

use proc_macro2::Span;

use crate::ctxt::Ctxt;
use crate::suggest;
use crate::symbol::Symbol;
use crate::syntax::{Args, Entry, Value};

/// The entries of one argument list by key, after the unknown-key and duplicate checks.
pub struct Keyed<'e> {
    entries: BTreeMap<Symbol, &'e Entry>,
}

impl<'e> Keyed<'e> {
    /// Reads `entries` whose keys must be among `allowed`; `what` names a key in messages
    /// ("`ids` key", "ec2 attribute on a field").
    pub fn read(
        ctxt: &Ctxt,
        entries: impl IntoIterator<Item = &'e Entry>,
        allowed: &[Symbol],
        what: &str,
    ) -> Self {
        let mut keyed = BTreeMap::new();
        for entry in entries {
            let key = match entry {
                Entry::Flag(key)
                | Entry::Value(key, _)
                | Entry::Group(key, _)
                | Entry::Mapping(key, _) => key,
                Entry::Filter(name, _) => {
                    ctxt.error_spanned_by(name, format!("a filter mapping (`\"name\" => field`) belongs inside `filters(...)`, not in {what}"));
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
                    if keyed.insert(*known, entry).is_some() {
                        ctxt.error_spanned_by(key, format!("duplicate {what} `{key}`"));
                    }
                }
            }
        }
        Keyed { entries: keyed }
    }

    /// The entry of `key`, whatever its form.
    pub fn get(&self, key: Symbol) -> Option<&'e Entry> {
        self.entries.get(&key).copied()
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
        match self.get(key)? {
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
