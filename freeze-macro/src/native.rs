//! `#[frostbyte::function]` and `#[frostbyte::module]`: native functions and modules declared
//! on Rust items, expanded into the `static` tables of `frostbyte::NativeFunction` /
//! `frostbyte::NativeModule`.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::spanned::Spanned;
use syn::{FnArg, Item, ItemFn, ItemMod, LitStr, Pat, ReturnType, Type};

/// The last path segment's name of a type (`Option` for `core::option::Option<T>`).
fn last_ident(ty: &Type) -> Option<String> {
    match ty {
        Type::Path(p) => p.path.segments.last().map(|s| s.ident.to_string()),
        _ => None,
    }
}

fn is_scope(ty: &Type) -> bool {
    matches!(ty, Type::Reference(r) if r.mutability.is_some() && last_ident(&r.elem).as_deref() == Some("Scope"))
}

/// Expand `#[function]` on `f`.
pub fn function(attr: TokenStream, f: ItemFn) -> syn::Result<TokenStream> {
    let mut name = f.sig.ident.to_string();
    if !attr.is_empty() {
        let parser = syn::meta::parser(|meta| {
            if meta.path.is_ident("name") {
                name = meta.value()?.parse::<LitStr>()?.value();
                Ok(())
            } else {
                Err(meta.error("unknown option; expected `name = \"...\"`"))
            }
        });
        syn::parse::Parser::parse2(parser, attr)?;
    }
    if let Some(g) = f.sig.generics.type_params().next() {
        return Err(syn::Error::new(g.span(), "a native function cannot have type parameters"));
    }
    if f.sig.asyncness.is_some() {
        return Err(syn::Error::new(f.sig.span(), "a native function cannot be async"));
    }
    let ident = &f.sig.ident;
    let vis = &f.vis;
    let mut takes_scope = false;
    let mut params = Vec::new(); // (name, type)
    for (i, input) in f.sig.inputs.iter().enumerate() {
        let FnArg::Typed(pt) = input else {
            return Err(syn::Error::new(input.span(), "a native function cannot take `self`"));
        };
        if i == 0 && is_scope(&pt.ty) {
            takes_scope = true;
            continue;
        }
        let Pat::Ident(pi) = &*pt.pat else {
            return Err(syn::Error::new(pt.pat.span(), "expected a parameter name"));
        };
        params.push((pi.ident.to_string(), (*pt.ty).clone()));
    }
    // Trailing `Option<T>` parameters are optional.
    let mut required = params.len();
    while required > 0 && last_ident(&params[required - 1].1).as_deref() == Some("Option") {
        required -= 1;
    }
    if let Some((n, ty)) = params[..required].iter().find(|(_, t)| last_ident(t).as_deref() == Some("Option")) {
        let _ = n;
        return Err(syn::Error::new(ty.span(), "an `Option` parameter must be followed only by `Option` parameters"));
    }
    let n = params.len();
    let names: Vec<&str> = params.iter().map(|(n, _)| n.as_str()).collect();
    let vars: Vec<_> = (0..n).map(|i| format_ident!("__fb_p{i}")).collect();
    let extract = params.iter().enumerate().map(|(i, (_, ty))| {
        let v = &vars[i];
        if last_ident(ty).as_deref() == Some("Obj") {
            quote! { let #v: #ty = __fb_b.args[#i].unwrap_or(__fb_s.none()); }
        } else {
            quote! { let #v: #ty = __fb_b.get(&*__fb_s, &SIGNATURE, #i)?; }
        }
    });
    let call_args = if takes_scope {
        quote! { &mut *__fb_s, #(#vars),* }
    } else {
        quote! { #(#vars),* }
    };
    let returns_result = matches!(&f.sig.output, ReturnType::Type(_, t) if last_ident(t).as_deref() == Some("Result"));
    let finish = match (&f.sig.output, returns_result) {
        (ReturnType::Default, _) => {
            quote! { let () = __fb_r; ::core::result::Result::Ok(__fb_s.none()) }
        }
        (_, true) => quote! { let __fb_r = __fb_r?; __fb_s.new(__fb_r) },
        (_, false) => quote! { __fb_s.new(__fb_r) },
    };
    let doc = format!("The native function `{name}` (expanded from `#[frostbyte::function]`).");
    Ok(quote! {
        #f

        #[doc = #doc]
        #[allow(non_snake_case, non_upper_case_globals, clippy::all)]
        #vis mod #ident {
            #[allow(unused_imports)]
            use super::*;

            /// Parameters: positional or keyword; trailing `Option` ones may be omitted.
            pub const SIGNATURE: ::frostbyte::Signature<#n> = ::frostbyte::Signature {
                name: #name,
                params: [#(#names),*],
                required: #required,
                varargs: false,
            };

            /// The function object, for a `NativeModule` table.
            pub const FUNCTION: ::frostbyte::NativeFunction = ::frostbyte::NativeFunction::new(#name, call);

            fn call<'s>(
                __fb_s: &mut ::frostbyte::Scope<'s>,
                __fb_a: ::frostbyte::Args<'s>,
            ) -> ::core::result::Result<::frostbyte::Obj<'s>, ::frostbyte::Error> {
                let __fb_b = __fb_a.bind(&SIGNATURE)?;
                let __fb_r = {
                    #(#extract)*
                    super::#ident(#call_args)
                };
                #finish
            }
        }
    })
}

/// Expand `#[module]` on `m`: a `MODULE` static listing its `#[function]`s.
pub fn module(attr: TokenStream, m: ItemMod) -> syn::Result<TokenStream> {
    let mut name = m.ident.to_string();
    if !attr.is_empty() {
        let parser = syn::meta::parser(|meta| {
            if meta.path.is_ident("name") {
                name = meta.value()?.parse::<LitStr>()?.value();
                Ok(())
            } else {
                Err(meta.error("unknown option; expected `name = \"...\"`"))
            }
        });
        syn::parse::Parser::parse2(parser, attr)?;
    }
    let Some((brace, items)) = &m.content else {
        return Err(syn::Error::new(m.span(), "`#[frostbyte::module]` needs an inline module (`mod name { ... }`)"));
    };
    let fns: Vec<&syn::Ident> = items
        .iter()
        .filter_map(|it| match it {
            Item::Fn(f) if f.attrs.iter().any(|a| a.path().segments.last().is_some_and(|s| s.ident == "function")) => {
                Some(&f.sig.ident)
            }
            _ => None,
        })
        .collect();
    let attrs = &m.attrs;
    let vis = &m.vis;
    let ident = &m.ident;
    let _ = brace;
    Ok(quote! {
        #(#attrs)*
        #vis mod #ident {
            #(#items)*

            /// The native module (expanded from `#[frostbyte::module]`), for `Vm::add_module`.
            pub static MODULE: ::frostbyte::NativeModule =
                ::frostbyte::NativeModule::new(#name, &[#(#fns::FUNCTION),*]);
        }
    })
}
