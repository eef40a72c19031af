//! `include_python!`: freeze a Python module or package at compile time.
//!
//! ```ignore
//! static APP: &frostbyte::Image = frostbyte::include_python!("app.py");       // module `app`
//! static PKG: &frostbyte::Image = frostbyte::include_python!("python/sensor"); // package
//! static MAIN: &frostbyte::Image = frostbyte::include_python!("app.py", module = "main");
//! // smaller: no line numbers, no docstrings (`__doc__` is None), no asserts
//! static SMALL: &frostbyte::Image =
//!     frostbyte::include_python!("app.py", lines = "none", docstrings = false, asserts = false);
//! ```
//! `lines` is `"full"` (default: every instruction's line), `"functions"` (each function's
//! first line only) or `"none"` (tracebacks name the file and function only). `budget = BYTES`
//! fails the build when the image takes more flash than that on the target, with a
//! `compile_error!` at the number listing the image's largest items (measured for 32- and
//! 64-bit targets by `frostbyte_compiler::footprint`, the error under the matching
//! `cfg(target_pointer_width)`).
//! The expansion is an expression of type `&'static Image`.
//!
//! **Path resolution** works like `include_str!`: relative to the directory of the source file
//! that invokes the macro (`proc_macro::Span::local_file`). Where the compiler cannot name that
//! file (rust-analyzer and other tools that expand macros without a real file), it falls back
//! to the crate root (`CARGO_MANIFEST_DIR`).
//!
//! **Rebuilds:** proc-macros are not tracked by cargo, so the expansion contains
//! `const _: &[u8] = include_bytes!("<absolute path>");` for every file read; editing a `.py`
//! file then rebuilds the crate. **A file added to (or removed from) a package directory is
//! not seen** until the crate is rebuilt for another reason: stable Rust gives a proc-macro no
//! way to track a directory (`proc_macro::tracked_path` is nightly-only). For a tree that
//! changes, freeze it with `frostbyte-build` in build.rs, which tracks directories; or touch
//! the `.rs` file that invokes the macro after adding a file.
//!
//! **Trees** are walked as `frostbyte-build` walks them (sorted, symbolic links followed, a
//! link loop is an error); a directory without `__init__.py` is skipped (namespace packages
//! are not supported), silently here since a proc-macro cannot warn on stable: build.rs
//! prints a `cargo:warning` for it.
//!
//! **Errors** become `compile_error!` at the macro argument, quoting `path:line:col`, the
//! source line and a caret, for every error in every file. Paths in errors are absolute, as
//! in `frostbyte-build`'s, so both read the same and link from any directory; tracebacks of
//! the frozen code show the path as written. The macro never panics.
//!
//! The macro is a thin layer: argument parsing here, everything else in `frostbyte-compiler`.

mod native;

use frostbyte_compiler::freeze::{emit_image_expr, EmitOptions};
use frostbyte_compiler::tree::{render_errors, Loader};
use frostbyte_compiler::{CompileOptions, LineTables};
use proc_macro::TokenStream;
use std::path::PathBuf;
use syn::parse::{Parse, ParseStream};
use syn::{LitStr, Token};

struct Args {
    path: LitStr,
    module: Option<LitStr>,
    runtime: Option<LitStr>,
    options: CompileOptions,
    /// `budget = N`: the bytes, and the literal (where an over-budget error points).
    budget: Option<(u64, syn::LitInt)>,
}

const EXPECTED: &str = "expected `module = \"name\"`, `runtime = \"::path\"`, \
`lines = \"full\" | \"functions\" | \"none\"`, `docstrings = true | false`, `asserts = true | false` or `budget = BYTES`";

fn bool_value(key: &syn::Ident, value: &syn::Lit) -> syn::Result<bool> {
    match value {
        syn::Lit::Bool(b) => Ok(b.value),
        _ => Err(syn::Error::new(value.span(), format!("`{key}` takes `true` or `false`"))),
    }
}

fn str_value(key: &syn::Ident, value: syn::Lit) -> syn::Result<LitStr> {
    match value {
        syn::Lit::Str(s) => Ok(s),
        other => Err(syn::Error::new(other.span(), format!("`{key}` takes a string literal"))),
    }
}

impl Parse for Args {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let path: LitStr = input.parse()?;
        let mut args = Args { path, module: None, runtime: None, options: CompileOptions::default(), budget: None };
        while input.peek(Token![,]) {
            input.parse::<Token![,]>()?;
            if input.is_empty() {
                break;
            }
            let key: syn::Ident = input.parse()?;
            input.parse::<Token![=]>()?;
            let value: syn::Lit = input.parse()?;
            match key.to_string().as_str() {
                "module" => args.module = Some(str_value(&key, value)?),
                "runtime" => args.runtime = Some(str_value(&key, value)?),
                "lines" => {
                    let v = str_value(&key, value)?;
                    args.options.line_tables = match v.value().as_str() {
                        "full" => LineTables::Full,
                        "functions" => LineTables::Functions,
                        "none" => LineTables::None,
                        other => {
                            return Err(syn::Error::new(
                                v.span(),
                                format!(
                                    "unknown line table level `{other}`; expected \"full\", \"functions\" or \"none\""
                                ),
                            ))
                        }
                    };
                }
                "docstrings" => args.options.docstrings = bool_value(&key, &value)?,
                "asserts" => args.options.asserts = bool_value(&key, &value)?,
                "budget" => match &value {
                    syn::Lit::Int(n) => args.budget = Some((n.base10_parse()?, n.clone())),
                    _ => return Err(syn::Error::new(value.span(), "`budget` takes a number of bytes")),
                },
                other => return Err(syn::Error::new(key.span(), format!("unknown option `{other}`; {EXPECTED}"))),
            }
        }
        if !input.is_empty() {
            return Err(input.error("expected `,`"));
        }
        Ok(args)
    }
}

/// A Rust function callable from Python. Next to the function it defines a module of the same
/// name holding `FUNCTION` (a `frostbyte::NativeFunction` for a `NativeModule` table) and
/// `SIGNATURE`. Parameters are converted with `frostbyte::FromPython` (an `Obj<'s>` parameter
/// takes the object itself); trailing `Option<T>` parameters may be omitted; an optional first
/// parameter `s: &mut Scope<'s>` receives the scope. The result is converted with
/// `IntoPython`; a `Result<T, frostbyte::Error>` raises its error. Arity and keyword mistakes
/// raise CPython's TypeErrors.
///
/// ```ignore
/// #[frostbyte::function]
/// fn scale(x: i64, factor: Option<i64>) -> i64 {
///     x * factor.unwrap_or(2)
/// }
/// static HW: frostbyte::NativeModule = frostbyte::NativeModule::new("hw", &[scale::FUNCTION]);
/// ```
#[proc_macro_attribute]
pub fn function(attr: TokenStream, item: TokenStream) -> TokenStream {
    let f = match syn::parse::<syn::ItemFn>(item) {
        Ok(f) => f,
        Err(e) => return e.to_compile_error().into(),
    };
    native::function(attr.into(), f).unwrap_or_else(|e| e.to_compile_error()).into()
}

/// A native module from an inline Rust module: adds `pub static MODULE: NativeModule` listing
/// its `#[frostbyte::function]`s, named after the Rust module (or `name = "..."`).
///
/// ```ignore
/// #[frostbyte::module]
/// mod hw {
///     #[frostbyte::function]
///     pub fn scale(x: i64) -> i64 { x * 2 }
/// }
/// vm.add_module(&hw::MODULE)?;
/// ```
#[proc_macro_attribute]
pub fn module(attr: TokenStream, item: TokenStream) -> TokenStream {
    let m = match syn::parse::<syn::ItemMod>(item) {
        Ok(m) => m,
        Err(e) => return e.to_compile_error().into(),
    };
    native::module(attr.into(), m).unwrap_or_else(|e| e.to_compile_error()).into()
}

/// Freeze a Python module (`"app.py"`) or package directory (`"pkg"`) into `static` items and
/// evaluate to `&'static frostbyte::Image`. See the crate documentation.
#[proc_macro]
pub fn include_python(input: TokenStream) -> TokenStream {
    let args = match syn::parse::<Args>(input) {
        Ok(a) => a,
        Err(e) => return e.to_compile_error().into(),
    };
    match expand(&args) {
        Ok(ts) => ts,
        Err(msg) => syn::Error::new(args.path.span(), msg).to_compile_error().into(),
    }
}

fn base_dir() -> PathBuf {
    let manifest = || std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from).unwrap_or_default();
    let Some(file) = proc_macro::Span::call_site().local_file() else {
        return manifest();
    };
    // rustc reports the path it was given: absolute, or relative to its working directory
    // (cargo runs rustc from the workspace root).
    let file = if file.is_absolute() { file } else { std::env::current_dir().map(|d| d.join(&file)).unwrap_or(file) };
    match file.parent() {
        Some(d) if d.is_dir() => d.to_path_buf(),
        _ => manifest(),
    }
}

fn expand(args: &Args) -> Result<TokenStream, String> {
    let rel = args.path.value();
    let fs_path = base_dir().join(&rel);
    let display = rel.trim_end_matches('/').to_string();
    let mut loader = Loader::with_options(args.options);
    loader.absolute_error_paths(true);
    if fs_path.is_dir() {
        if args.module.is_some() {
            return Err("`module = ...` applies to a single file, not a package directory".into());
        }
        loader.add_package(&fs_path, &display);
    } else {
        let name = args.module.as_ref().map(|m| m.value());
        loader.add_module(&fs_path, &display, name.as_deref());
    }
    let (loaded, errors) = loader.finish();
    if !errors.is_empty() {
        return Err(render_errors(&errors).trim_end().to_string());
    }
    let tracked: Vec<String> = loaded
        .files
        .iter()
        .map(|p| std::fs::canonicalize(p).unwrap_or_else(|_| p.clone()).to_string_lossy().into_owned())
        .collect();
    let mut opts = EmitOptions {
        runtime_path: args.runtime.as_ref().map_or_else(|| "::frostbyte".to_string(), |r| r.value()),
        budget: args.budget.as_ref().map(|b| b.0),
    };
    let mut code = emit_image_expr(&loaded.modules, &tracked, &opts);
    let mut over = proc_macro2::TokenStream::new();
    if let Some((bytes, lit)) = &args.budget {
        over = over_budget(&code, *bytes, lit)?;
        if !over.is_empty() {
            // The report says it all: leave out the constant assertion that would fail too.
            opts.budget = None;
            code = emit_image_expr(&loaded.modules, &tracked, &opts);
        }
    }
    let code = code
        .parse::<proc_macro2::TokenStream>()
        .map_err(|e| format!("frostbyte: internal error: generated code does not parse: {e}"))?;
    if over.is_empty() {
        return Ok(code.into());
    }
    Ok(quote::quote!({ #over #code }).into())
}

/// `budget = N`: a proc-macro does not know the target, so the image is measured for 32- and
/// 64-bit targets (`frostbyte_compiler::footprint`) and each figure over the budget becomes a
/// `compile_error!` with the report of the largest items, under `cfg(target_pointer_width)`.
/// Empty when both fit; the emitted constant assertion then checks the target's own sizes.
fn over_budget(code: &str, bytes: u64, lit: &syn::LitInt) -> Result<proc_macro2::TokenStream, String> {
    use frostbyte_compiler::footprint::{check_budgets, measure, Budget, Layout};
    let mut out = proc_macro2::TokenStream::new();
    for (layout, width) in [(Layout::BITS32, "32"), (Layout::BITS64, "64")] {
        let fp = measure(code, &layout)?;
        if let Err(report) = check_budgets(&fp, &[Budget { module: None, bytes }], &layout) {
            let err = syn::Error::new(lit.span(), report).to_compile_error();
            out.extend(quote::quote!(#[cfg(target_pointer_width = #width)] const _: () = { #err };));
        }
    }
    Ok(out)
}
