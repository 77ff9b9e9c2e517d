//! `#[ec2_shape]`: EC2 structures and string enums: parse → model → validate → expand.

pub(crate) mod expand;
pub(crate) mod model;
pub(crate) mod parse;
pub(crate) mod validate;

use proc_macro2::TokenStream;
use quote::quote;

use crate::ctxt::Ctxt;
use crate::syntax::Args;

pub fn ec2_shape(args: TokenStream, input: TokenStream) -> TokenStream {
    let input: syn::DeriveInput = match syn::parse2(input) {
        Ok(input) => input,
        Err(err) => return err.to_compile_error(),
    };
    let ctxt = Ctxt::new();
    let args: Args = match syn::parse2(args) {
        Ok(args) => args,
        Err(err) => {
            ctxt.syn_error(err);
            Args::default()
        }
    };
    let shape = parse::parse(&ctxt, &args, &input);
    if let Some(shape) = &shape {
        validate::check(&ctxt, shape);
    }
    match (ctxt.check(), shape) {
        (Ok(()), Some(shape)) => expand::expand(&shape),
        (result, _) => {
            let errors = result.err().map(|err| err.to_compile_error());
            let item = parse::strip_helpers(&input);
            let stubs = expand::fallback(&input);
            quote! { #item #stubs #errors }
        }
    }
}
