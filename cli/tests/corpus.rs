//! Every corpus program run through `frostbyte run` must print exactly what CPython prints.

#[path = "../../tests/src/harness.rs"]
mod harness;

use std::process::Command;
use std::time::Duration;

#[test]
fn corpus_cli_matches_cpython() {
    let limit = Duration::from_secs(if cfg!(feature = "gc-stress") { 120 } else { 20 });
    harness::check_corpus("cli", limit, |_, prog| {
        let mut c = Command::new(env!("CARGO_BIN_EXE_frostbyte"));
        c.arg("run").arg(prog);
        c
    });
}
