//! Every corpus program run through `frostbyte run` must print exactly what CPython prints.
//! The programs run on simulated time (`--clock sim`): the asyncio programs are ordered by
//! their deadlines, and a real clock on a loaded machine (or in GC-stress mode, a collection
//! before every allocation) can let one step overrun the next deadline. The host's clock is
//! run by the firmware script's host run (examples/firmware/run-qemu.sh) and cli/tests/cli.rs.

#[path = "../../tests/src/harness.rs"]
mod harness;

use std::process::Command;
use std::time::Duration;

#[test]
fn corpus_cli_matches_cpython() {
    let limit = Duration::from_secs(if cfg!(feature = "gc-stress") { 120 } else { 20 });
    harness::check_corpus("cli", limit, |_, prog| {
        let mut c = Command::new(env!("CARGO_BIN_EXE_frostbyte"));
        c.arg("run").arg("--clock").arg("sim").arg(prog);
        c
    });
}
