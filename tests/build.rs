//! Freezes every corpus program into its own image (through `frostbyte-build`, exactly as a
//! user's build.rs would), plus a few fixture modules used by the Rust-side tests.
//!
//! A single-file case `corpus/NAME.py` becomes an image with the module `NAME`; a directory
//! case `corpus/NAME/` becomes an image with every `.py` file of the directory as a top-level
//! module and every sub-directory with an `__init__.py` as a package; its entry is `main`.
//! A case that fails to compile does not fail the build: its error text is recorded and the
//! test reports it as that case's output.

use std::fmt::Write;
use std::path::Path;

fn main() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let corpus = Path::new(&manifest).join("corpus");
    println!("cargo:rerun-if-changed={}", corpus.display());
    let mut names: Vec<String> = std::fs::read_dir(&corpus)
        .map(|rd| rd.filter_map(|e| e.ok()).filter_map(|e| e.file_name().into_string().ok()).collect())
        .unwrap_or_default();
    names.sort();
    let mut index = String::from("pub static CASES: &[Case] = &[\n");
    for (i, entry) in names.iter().enumerate() {
        let path = corpus.join(entry);
        let mut cfg = frostbyte_build::Config::new();
        cfg.static_name(format!("CASE_{i}")).out_file(format!("case_{i}.rs"));
        let (name, main) = if path.is_dir() {
            let mut subs: Vec<_> = std::fs::read_dir(&path).unwrap().filter_map(|e| e.ok()).map(|e| e.path()).collect();
            subs.sort();
            for s in subs {
                let rel = format!("corpus/{entry}/{}", s.file_name().unwrap().to_string_lossy());
                if s.is_dir() && s.join("__init__.py").is_file() {
                    cfg.package(rel);
                } else if s.extension().is_some_and(|e| e == "py") {
                    cfg.module(rel);
                }
            }
            (entry.clone(), "main".to_string())
        } else if let Some(stem) = entry.strip_suffix(".py") {
            cfg.module(format!("corpus/{entry}"));
            (stem.to_string(), stem.to_string())
        } else {
            continue;
        };
        let exp = if path.is_dir() { format!("corpus/{entry}/main.py.exp") } else { format!("corpus/{entry}.exp") };
        match cfg.compile() {
            Ok(_) => {
                let _ = writeln!(index, "    include!(concat!(env!(\"OUT_DIR\"), \"/case_{i}.rs\"));");
                let _ = writeln!(
                    index,
                    "    Case {{ name: {name:?}, main: {main:?}, exp: {exp:?}, image: Ok(&CASE_{i}) }},"
                );
            }
            Err(e) => {
                let _ = writeln!(
                    index,
                    "    Case {{ name: {name:?}, main: {main:?}, exp: {exp:?}, image: Err({:?}) }},",
                    e.to_string()
                );
            }
        }
    }
    index.push_str("];\n");
    // `include!` of item files is not valid inside an array expression, so hoist them.
    let mut items = String::new();
    let mut body = String::new();
    for line in index.lines() {
        if line.trim_start().starts_with("include!") {
            items.push_str(line.trim_start());
            items.push('\n');
        } else {
            body.push_str(line);
            body.push('\n');
        }
    }
    std::fs::write(Path::new(&out_dir).join("corpus_index.rs"), items + &body).expect("write corpus index");
    options_fixtures();
    footprint_fixtures(&out_dir);
}

/// The footprint model's check (`tests/tests/footprint.rs`): images frozen as a user's
/// build.rs would, each with the flash `frostbyte_compiler::footprint` computes for this
/// target and the sum of `size_of_val` of its statics, taken in a constant over a copy of
/// the generated items.
fn footprint_fixtures(out_dir: &str) {
    use frostbyte_compiler::footprint::{measure, Layout};
    let width = std::env::var("CARGO_CFG_TARGET_POINTER_WIDTH").ok().and_then(|w| w.parse().ok()).unwrap_or(64);
    let arch = std::env::var("CARGO_CFG_TARGET_ARCH").unwrap_or_default();
    let layout = Layout::of_target(width, &arch);
    let mut checks = String::from("pub const FOOTPRINT: &[(&str, usize, u64)] = &[\n");
    for (name, inputs) in [
        ("kinds", &["fixtures/footprint/kinds.py"][..]),
        ("opts", &["fixtures/options/opts.py"][..]),
        ("import_target", &["corpus/import_target/ctl", "corpus/import_target/main.py"][..]),
    ] {
        let mut cfg = frostbyte_build::Config::new();
        for i in inputs {
            if i.ends_with(".py") {
                cfg.module(*i);
            } else {
                cfg.package(*i);
            }
        }
        let out = cfg.static_name("FP_IMAGE").out_file(format!("fp_{name}.rs")).compile_or_exit();
        let text = std::fs::read_to_string(&out).expect("read generated image");
        let model = measure(&text, &layout).expect("every static measured").total();
        // The items between the wrapper's `{` and the tail expression.
        let lines: Vec<&str> = text.lines().collect();
        let open = lines.iter().position(|l| l.starts_with("pub static FP_IMAGE")).expect("wrapper") + 1;
        let tail = lines.iter().rposition(|l| l.contains("rom::Image {")).expect("tail");
        let items = lines[open..tail].join("\n");
        let sizes: Vec<String> = lines[open..tail]
            .iter()
            .filter_map(|l| l.strip_prefix("static "))
            .filter_map(|l| l.split(':').next())
            .map(|n| format!("::core::mem::size_of_val(&{n})"))
            .collect();
        let _ = writeln!(
            checks,
            "    ({name:?}, {{\n#[allow(clippy::all, non_upper_case_globals)]\nconst EXACT: usize = {{\n{items}\n::core::mem::size_of::<::frostbyte::Image>() + {}\n}};\nEXACT }}, {model}),",
            sizes.join(" + ")
        );
    }
    checks.push_str("];\n");
    std::fs::write(Path::new(out_dir).join("footprint_checks.rs"), checks).expect("write footprint checks");
}

/// `fixtures/options/opts.py` frozen with each level of line tables, without asserts (`-O`)
/// and without docstrings and asserts (`-OO`; `tests/tests/compile_options.rs`).
fn options_fixtures() {
    use frostbyte_build::LineTables;
    for (name, lines, docstrings, asserts) in [
        ("OPTS_FULL", LineTables::Full, true, true),
        ("OPTS_FUNCTIONS", LineTables::Functions, true, true),
        ("OPTS_NONE", LineTables::None, true, true),
        ("OPTS_NO_ASSERTS", LineTables::Full, true, false),
        ("OPTS_STRIPPED", LineTables::Full, false, false),
    ] {
        frostbyte_build::Config::new()
            .module("fixtures/options/opts.py")
            .static_name(name)
            .out_file(format!("{}.rs", name.to_lowercase()))
            .line_tables(lines)
            .docstrings(docstrings)
            .asserts(asserts)
            // Ample: the check compiles and passes (tests/ui/over_budget.rs fails one).
            .budget(64 * 1024)
            .compile_or_exit();
    }
}
