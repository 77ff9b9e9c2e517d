//! Reading the shape of a field's type: `Option<T>`, `Vec<T>`, `Option<Vec<T>>` or anything else.
//! The check is syntactic (the last path segment), as serde's `skip_serializing_if` helpers are.

/// How a field's type holds its value.
pub enum FieldKind<'a> {
    /// `T`: always present; parsed as `T::default()` when absent.
    Required(&'a syn::Type),
    /// `Option<T>`.
    Optional(&'a syn::Type),
    /// `Vec<T>`: a list, empty when absent.
    List(&'a syn::Type),
    /// `Option<Vec<T>>`: a list that may be absent.
    OptionalList(&'a syn::Type),
}

/// The single generic argument of `ty` when its last segment is `wrapper`.
fn unwrap<'a>(ty: &'a syn::Type, wrapper: &str) -> Option<&'a syn::Type> {
    let syn::Type::Path(path) = ty else {
        return None;
    };
    if path.qself.is_some() {
        return None;
    }
    let last = path.path.segments.last()?;
    if last.ident != wrapper {
        return None;
    }
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    match args.args.iter().collect::<Vec<_>>().as_slice() {
        [syn::GenericArgument::Type(inner)] => Some(inner),
        _ => None,
    }
}

impl<'a> FieldKind<'a> {
    pub fn of(ty: &'a syn::Type) -> Self {
        if let Some(inner) = unwrap(ty, "Option") {
            match unwrap(inner, "Vec") {
                Some(element) => FieldKind::OptionalList(element),
                None => FieldKind::Optional(inner),
            }
        } else if let Some(element) = unwrap(ty, "Vec") {
            FieldKind::List(element)
        } else {
            FieldKind::Required(ty)
        }
    }

    /// `Option<T>` or `Option<Vec<T>>`: absent when `None`.
    pub fn is_optional(&self) -> bool {
        matches!(self, FieldKind::Optional(_) | FieldKind::OptionalList(_))
    }

    pub fn is_list(&self) -> bool {
        matches!(self, FieldKind::List(_) | FieldKind::OptionalList(_))
    }
}

/// Whether `ty` is a path whose last segment is `name` (`Tag`, `ec2_ops::Tag`).
pub fn last_segment_is(ty: &syn::Type, name: &str) -> bool {
    match ty {
        syn::Type::Path(path) if path.qself.is_none() => path
            .path
            .segments
            .last()
            .is_some_and(|last| last.ident == name),
        _ => false,
    }
}

/// The span of a type's first token: where a "trait not implemented" error about the type should
/// point.
pub fn first_token_span(ty: &syn::Type) -> proc_macro2::Span {
    quote::ToTokens::to_token_stream(ty)
        .into_iter()
        .next()
        .map_or_else(proc_macro2::Span::call_site, |token| token.span())
}
