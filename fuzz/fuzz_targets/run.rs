//! Arbitrary source, compiled in process and run on a 64 KiB heap under an instruction
//! budget: no panic, no crash, no hang.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        frostbyte_fuzz::compile_and_run(text);
    }
});
