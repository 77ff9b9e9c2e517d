//! `#[ec2_operation]`: parse → model → validate → expand.

mod expand;
mod fallback;
mod model;
mod validate;

use proc_macro2::TokenStream;
use quote::quote;

use crate::ctxt::Ctxt;

pub fn ec2_operation(args: TokenStream, input: TokenStream) -> TokenStream {
    let item: syn::DeriveInput = match syn::parse2(input) {
        Ok(item) => item,
        Err(err) => return err.to_compile_error(),
    };
    let args: crate::syntax::Args = match syn::parse2(args) {
        Ok(args) => args,
        Err(err) => {
            let err = err.to_compile_error();
            let fallback = fallback::fallback(&item, None);
            return quote! { #fallback #err };
        }
    };
    let ctxt = Ctxt::new();
    let operation = model::read(&ctxt, &item, &args);
    validate::check(&ctxt, &operation);
    let result = ctxt.check();
    match (result, expand::Complete::of(&operation)) {
        (Ok(()), Some(complete)) => expand::expand(&operation, &complete),
        (result, _) => {
            let errors = result.err().map(|err| err.to_compile_error());
            let fallback = fallback::fallback(&item, Some(&args));
            quote! { #fallback #errors }
        }
    }
}
