//! Arbitrary bytes as a source file: the compiler must return a module or diagnostics, never
//! panic; what compiles also goes through the disassembler and the freeze emitter.
#![no_main]

use frostbyte_compiler::freeze::{emit_image_file, EmitOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Some(m) = frostbyte_fuzz::compile(&text) {
        let _ = frostbyte_compiler::disassemble(&m);
        let _ = emit_image_file(std::slice::from_ref(&m), "FUZZ", &EmitOptions::default());
    }
});
