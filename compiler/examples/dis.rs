//! `cargo run -p frostbyte-compiler --example dis -- file.py`: print the disassembly of a
//! file, or its diagnostics.

fn main() {
    let path = std::env::args().nth(1).expect("usage: dis FILE.py");
    let text = std::fs::read_to_string(&path).expect("read source");
    let src = frostbyte_compiler::SourceFile { path: &path, text: &text };
    match frostbyte_compiler::compile_module(&src, "__main__", false) {
        Ok(m) => print!("{}", frostbyte_compiler::disassemble(&m)),
        Err(diags) => {
            for d in diags {
                eprint!("{d}");
            }
            std::process::exit(1);
        }
    }
}
