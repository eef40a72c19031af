//! One image model: the corpus frozen by build.rs (the emitter's statics, as firmware links
//! them) and the same modules loaded in process by `frostbyte-host-load` (as `frostbyte run`
//! loads them) are the same image.
//!
//! - Every corpus case dumps (`frostbyte::__private::dump_image`: modules, code objects,
//!   constants and their sharing, built-in qstrs, frozen functions and class namespaces,
//!   module key tables) to the same text both ways.
//! - Running the import cases both ways prints the same and leaves the same heap: same bytes
//!   in use after the run and after a collection, same peak, same number of collections.

use frostbyte_compiler::tree::Loader;
use frostbyte_tests::{Capture, CASES};
use std::mem::MaybeUninit;
use std::path::Path;

/// The modules build.rs froze for `case`, compiled again and loaded by the host loader.
fn host_image(case: &frostbyte_tests::Case) -> &'static frostbyte::Image {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut loader = Loader::new();
    let single = format!("corpus/{}.py", case.name);
    if root.join(&single).is_file() {
        loader.add_module(&root.join(&single), &single, None);
    } else {
        let dir = root.join("corpus").join(case.name);
        let mut subs: Vec<_> = std::fs::read_dir(&dir).unwrap().filter_map(|e| e.ok()).map(|e| e.path()).collect();
        subs.sort();
        for s in subs {
            let rel = format!("corpus/{}/{}", case.name, s.file_name().unwrap().to_string_lossy());
            if s.is_dir() && s.join("__init__.py").is_file() {
                loader.add_package(&s, &rel);
            } else if s.extension().is_some_and(|e| e == "py") {
                loader.add_module(&s, &rel, None);
            }
        }
    }
    let (loaded, errors) = loader.finish();
    assert!(errors.is_empty(), "{}: {}", case.name, frostbyte_compiler::tree::render_errors(&errors));
    frostbyte_host_load::HostLoader::new().image(&loaded.modules)
}

fn dump(image: &frostbyte::Image) -> String {
    let mut s = String::new();
    frostbyte::__private::dump_image(image, &mut s).unwrap();
    s
}

#[test]
fn every_corpus_image_is_the_same_frozen_and_loaded() {
    let mut checked = 0;
    let mut key_tables = 0;
    let mut differ = Vec::new();
    for case in CASES {
        let Ok(frozen) = case.image else { continue };
        let (a, b) = (dump(frozen), dump(host_image(case)));
        if a != b {
            let line = a.lines().zip(b.lines()).position(|(x, y)| x != y).unwrap_or(0);
            differ.push(format!(
                "{}: first difference at line {}:\n  frozen: {}\n  loaded: {}",
                case.name,
                line + 1,
                a.lines().nth(line).unwrap_or(""),
                b.lines().nth(line).unwrap_or("")
            ));
        }
        checked += 1;
        key_tables += a.matches("\n  keys head=").count();
    }
    assert!(differ.is_empty(), "{} of {checked} images differ:\n{}", differ.len(), differ.join("\n"));
    // The corpus exercises the parts the two paths used to build differently.
    assert!(checked > 350, "only {checked} corpus images");
    assert!(key_tables >= checked, "{key_tables} key tables in {checked} images");
}

#[test]
fn dump_shows_sharing_builtins_and_key_tables() {
    let case = frostbyte_tests::case("rom_descriptors").expect("corpus case rom_descriptors");
    let d = dump(host_image(case));
    assert!(d.contains("B\"__name__\""), "built-in qstrs are the VM's statics:\n{d}");
    assert!(d.contains("keys head="), "module key tables:\n{d}");
    assert!(d.contains("function frozen=true"), "frozen functions:\n{d}");
    assert!(d.contains("dict len="), "frozen class namespaces:\n{d}");
}

/// What a run leaves: its output and the heap's figures.
#[derive(Debug, PartialEq)]
struct Run {
    output: String,
    ok: bool,
    used_after_run: usize,
    used_after_collect: usize,
    peak: usize,
    collections: usize,
}

fn run(image: &'static frostbyte::Image, main: &str) -> Run {
    let mut heap = vec![MaybeUninit::<u8>::uninit(); 1 << 20];
    let mut out = Capture::default();
    let mut compiler = frostbyte_host_load::HostCompiler::new();
    let clock = frostbyte::SimClock::new(None);
    let (ok, used_after_run, used_after_collect, peak, collections) = {
        let mut vm = frostbyte::Vm::new(&mut heap, &mut out);
        vm.set_compiler(&mut compiler);
        vm.set_clock(&clock);
        vm.add_image(image).expect("image slot");
        let ok = vm.run_main(main).is_ok();
        let after_run = vm.heap_stats().used;
        vm.collect();
        let s = vm.heap_stats();
        (ok, after_run, s.used, s.peak, s.collections)
    };
    Run { output: out.0, ok, used_after_run, used_after_collect, peak, collections }
}

#[test]
fn import_cases_leave_the_same_heap_frozen_and_loaded() {
    let names = [
        "frozen_functions",
        "import_basic",
        "import_caching",
        "import_init_reexport",
        "import_main_guard",
        "import_module_globals",
        "import_order",
        "import_package",
        "import_relative",
        "import_relative_parent",
        "import_subpackage",
        "import_target",
        "module_globals",
        "module_globals_big",
        "module_globals_ops",
        "rom_classes",
        "rom_descriptors",
        "rom_super",
    ];
    for name in names {
        let case = frostbyte_tests::case(name).unwrap_or_else(|| panic!("corpus case {name}"));
        let frozen = run(case.image.expect("compiles"), case.main);
        let loaded = run(host_image(case), case.main);
        assert!(frozen.ok, "{name} fails frozen:\n{}", frozen.output);
        assert_eq!(frozen, loaded, "{name}: frozen and loaded runs differ");
    }
}
