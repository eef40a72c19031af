//! Disassembly snapshots of small programs (`tests/snapshots/*.py` -> `*.dis`).
//! Regenerate with `FROSTBYTE_BLESS=1 cargo test -p frostbyte-compiler --test snapshots`
//! and review the diff.

mod common;

use std::path::Path;

use frostbyte_compiler::{compile_module, disassemble, SourceFile};

fn snapshot(name: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let text = std::fs::read_to_string(dir.join(format!("{name}.py"))).unwrap();
    let path = format!("{name}.py");
    let m = compile_module(&SourceFile { path: &path, text: &text }, name, false)
        .unwrap_or_else(|d| panic!("{}", d.iter().map(|d| d.to_string()).collect::<String>()));
    common::check_module(&m);
    let got = disassemble(&m);
    let expected_path = dir.join(format!("{name}.dis"));
    if std::env::var_os("FROSTBYTE_BLESS").is_some() {
        std::fs::write(&expected_path, &got).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&expected_path)
        .unwrap_or_else(|_| panic!("missing {}; run with FROSTBYTE_BLESS=1", expected_path.display()));
    if got != expected {
        panic!("disassembly of {name}.py changed:\n--- expected\n{expected}\n--- got\n{got}");
    }
}

#[test]
fn basic() {
    snapshot("basic");
}

#[test]
fn try_finally() {
    snapshot("try_finally");
}

#[test]
fn closure() {
    snapshot("closure");
}

#[test]
fn comprehension() {
    snapshot("comprehension");
}

#[test]
fn pattern() {
    snapshot("pattern");
}
