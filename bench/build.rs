//! Freezes each benchmark program in `programs/` into its own image.
use std::fmt::Write;

fn main() {
    let dir = std::path::Path::new(&std::env::var("CARGO_MANIFEST_DIR").unwrap()).join("programs");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".py"))
        .collect();
    names.sort();
    let mut index = String::new();
    let mut list = String::from("pub static PROGRAMS: &[(&str, &frostbyte::Image)] = &[\n");
    for (i, n) in names.iter().enumerate() {
        frostbyte_build::Config::new()
            .module(format!("programs/{n}"))
            .static_name(format!("BENCH_{i}"))
            .out_file(format!("bench_{i}.rs"))
            .compile_or_exit();
        let _ = writeln!(index, "include!(concat!(env!(\"OUT_DIR\"), \"/bench_{i}.rs\"));");
        let _ = writeln!(list, "    ({:?}, &BENCH_{i}),", n.trim_end_matches(".py"));
    }
    list.push_str("];\n");
    std::fs::write(std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("bench_index.rs"), index + &list)
        .unwrap();
}
