//! Every corpus program, frozen through build.rs into this crate's `corpus-runner` binary and
//! executed from static data, must print exactly what CPython prints.

use std::process::Command;
use std::time::Duration;

#[test]
fn corpus_frozen_matches_cpython() {
    let limit = Duration::from_secs(if cfg!(feature = "gc-stress") { 120 } else { 20 });
    frostbyte_tests::harness::check_corpus("frozen", limit, |name, _| {
        let mut c = Command::new(env!("CARGO_BIN_EXE_corpus-runner"));
        c.arg(name);
        c
    });
}
