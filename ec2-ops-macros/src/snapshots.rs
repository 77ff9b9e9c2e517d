//! Expansion snapshots: what the macros write for the seed declarations, pretty-printed so a reviewer
//! can read it. The declarations are read from the facade's source, so the snapshots always show the
//! shipped operations. Regenerate with `UPDATE_EXPECT=1 cargo test -p ec2-ops-macros`.

use proc_macro2::TokenStream;
use quote::ToTokens;

/// Expands every `#[ec2_shape]` and `#[ec2_operation]` item of a source file, as the compiler would.
fn expand_file(source: &str) -> String {
    let file: syn::File = syn::parse_str(source).expect("the seed source parses");
    let mut out = TokenStream::new();
    for item in file.items {
        let (attrs, tokens) = match &item {
            syn::Item::Struct(item) => (item.attrs.clone(), item.to_token_stream()),
            syn::Item::Enum(item) => (item.attrs.clone(), item.to_token_stream()),
            _ => continue,
        };
        let Some(position) = attrs.iter().position(|attr| {
            attr.path().is_ident("ec2_shape") || attr.path().is_ident("ec2_operation")
        }) else {
            continue;
        };
        let attr = &attrs[position];
        let args = match &attr.meta {
            syn::Meta::List(list) => list.tokens.clone(),
            _ => TokenStream::new(),
        };
        // The item as the attribute macro receives it: without the attribute itself.
        let mut item_without = syn::parse2::<syn::DeriveInput>(tokens).expect("a struct or enum");
        item_without.attrs.remove(position);
        let input = item_without.to_token_stream();
        out.extend(if attr.path().is_ident("ec2_shape") {
            crate::shape::ec2_shape(args, input)
        } else {
            crate::operation::ec2_operation(args, input)
        });
    }
    prettyplease::unparse(&syn::parse2(out).expect("the expansion is valid Rust"))
}

#[test]
fn describe_bundle_tasks_expansion() {
    let source = include_str!("../../src/operations/bundle_tasks.rs");
    expect_test::expect_file!["../snapshots/describe_bundle_tasks.expanded.rs"]
        .assert_eq(&expand_file(source));
}

#[test]
fn describe_import_snapshot_tasks_expansion() {
    let source = include_str!("../../src/operations/import_snapshot_tasks.rs");
    expect_test::expect_file!["../snapshots/describe_import_snapshot_tasks.expanded.rs"]
        .assert_eq(&expand_file(source));
}
