//! `include_python!` errors are `compile_error!`s at the macro argument with the exact text
//! pinned here: several syntax errors in one file, an unsupported construct, a missing file,
//! a non-UTF-8 file and brackets nested past CPython's limit; and the handle rules of the
//! embedding API (`ui-handles/`). Regenerate with `TRYBUILD=overwrite`.

#[test]
fn include_python_errors() {
    let t = trybuild::TestCases::new();
    t.compile_fail("ui/*.rs");
}

/// The handle rules of ARCHITECTURE.md ("Handles"), pinned: code that could reach a heap
/// object after a collection does not compile.
#[test]
fn handle_rules() {
    let t = trybuild::TestCases::new();
    t.compile_fail("ui-handles/*.rs");
}
