//! Programs of the supported language made by `grammar` (well-formed by construction),
//! compiled and run as in the `run` target. With `FROSTBYTE_FUZZ_STATS=1` in the
//! environment it reports every 1,000 programs the share that compiled.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};

static TOTAL: AtomicU64 = AtomicU64::new(0);
static COMPILED: AtomicU64 = AtomicU64::new(0);

fuzz_target!(|prog: frostbyte_fuzz::grammar::Program| {
    let src = prog.render();
    let m = frostbyte_fuzz::compile(&src);
    let total = TOTAL.fetch_add(1, Relaxed) + 1;
    if m.is_some() {
        COMPILED.fetch_add(1, Relaxed);
    }
    if total.is_multiple_of(1000) && std::env::var_os("FROSTBYTE_FUZZ_STATS").is_some() {
        let c = COMPILED.load(Relaxed);
        eprintln!(
            "structured: {total} programs, {c} compiled ({:.1}%)",
            100.0 * c as f64 / total as f64
        );
    }
    if let Some(m) = m {
        frostbyte_fuzz::run(&m);
    }
});
