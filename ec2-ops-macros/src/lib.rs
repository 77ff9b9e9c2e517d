//! The procedural macros of `ec2-ops`. Use them through the `ec2-ops` crate, which documents them and
//! provides the runtime their code calls.

mod attr;
mod case;
mod ctxt;
mod derive;
mod names;
mod operation;
mod shape;
#[cfg(test)]
mod snapshots;
mod suggest;
mod symbol;
mod syntax;
mod ty;

use proc_macro::TokenStream;
use proc_macro2::TokenStream as TokenStream2;
use quote::quote;

/// Every path generated code uses goes through the facade's hidden module, so a user's own `Result`,
/// `Option` or `serde` cannot shadow it.
fn private() -> TokenStream2 {
    quote!(::ec2_ops::__private)
}

/// The serde crate path for `#[serde(crate = ...)]`.
const PRIVATE_SERDE: &str = "::ec2_ops::__private::serde";

/// Declares an EC2 `Describe*` operation on a unit struct. See the `ec2-ops` crate docs.
#[proc_macro_attribute]
pub fn ec2_operation(args: TokenStream, input: TokenStream) -> TokenStream {
    operation::ec2_operation(args.into(), input.into()).into()
}

/// Declares an EC2 structure (named fields) or string enum (unit variants). See the `ec2-ops` crate
/// docs.
#[proc_macro_attribute]
pub fn ec2_shape(args: TokenStream, input: TokenStream) -> TokenStream {
    shape::ec2_shape(args.into(), input.into()).into()
}
