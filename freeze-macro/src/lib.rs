//! `include_python!` (placeholder until the emitter lands).
use proc_macro::TokenStream;

/// Freeze a Python module or package.
#[proc_macro]
pub fn include_python(_input: TokenStream) -> TokenStream {
    "compile_error!(\"include_python! is not implemented yet\")".parse().unwrap_or_default()
}
