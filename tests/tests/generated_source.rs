//! The generated Rust for a small module is pinned as a fixture, and generation is
//! deterministic: two independent compilations, from two different directories, give the same
//! bytes. Regenerate the fixture with `FROSTBYTE_BLESS=1 cargo test -p frostbyte-tests --test generated_source`.

use frostbyte_compiler::freeze::{emit_image_file, EmitOptions};
use frostbyte_compiler::tree::Loader;
use frostbyte_compiler::{CompileOptions, LineTables};
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

fn generate(dir: &Path) -> String {
    let mut loader = Loader::new();
    loader.add_module(&dir.join("small.py"), "small.py", None);
    let (loaded, errors) = loader.finish();
    assert!(errors.is_empty(), "{errors:?}");
    emit_image_file(&loaded.modules, "FROZEN", &EmitOptions::default())
}

#[test]
fn generated_source_matches_fixture() {
    let got = generate(&fixtures());
    let path = fixtures().join("small.expected.rs");
    if std::env::var_os("FROSTBYTE_BLESS").is_some() {
        std::fs::write(&path, &got).unwrap();
    }
    let want = std::fs::read_to_string(&path).expect("fixture exists (FROSTBYTE_BLESS=1 to create)");
    assert_eq!(got, want, "generated source changed; review and re-bless");
}

#[test]
fn generation_is_deterministic_and_location_independent() {
    let first = generate(&fixtures());
    let other = std::env::temp_dir().join(format!("frostbyte-det-{}", std::process::id()));
    std::fs::create_dir_all(&other).unwrap();
    std::fs::copy(fixtures().join("small.py"), other.join("small.py")).unwrap();
    let second = generate(&other);
    let _ = std::fs::remove_dir_all(&other);
    assert_eq!(first, second);
    assert!(!first.contains(env!("CARGO_MANIFEST_DIR")), "absolute path leaked into generated code");
}

#[test]
fn frozen_data_has_no_interior_mutability() {
    let src = generate(&fixtures());
    for bad in ["UnsafeCell", "Cell<", "static mut", "AtomicU", "AtomicI", "Mutex"] {
        assert!(!src.contains(bad), "generated code contains {bad}");
    }
    assert!(src.contains("assert!(::frostbyte::__private::FORMAT_VERSION =="), "version check missing");
}

/// The asyncio module frozen into the VM (`vm/src/modules/asyncio_image.rs`) is generated
/// from `vm/pylib/asyncio.py` with the VM's own items named through `crate`. It goes stale
/// when the Python, the compiler or the format changes; regenerate it with
/// `FROSTBYTE_BLESS=1 cargo test -p frostbyte-tests --test generated_source`.
#[test]
fn asyncio_image_is_current() {
    check_vm_image("asyncio", "ASYNCIO");
}

/// `vm/pylib/weakref.py`, frozen into `vm/src/modules/weakref_image.rs` like asyncio.
#[test]
fn weakref_image_is_current() {
    check_vm_image("weakref", "WEAKREF");
}

/// `vm/pylib/__future__.py`, frozen into `vm/src/modules/future_image.rs` (feature
/// `future`, on by default: a future statement imports it).
#[test]
fn future_image_is_current() {
    check_vm_image_as("__future__", "future", "FUTURE");
}

fn check_vm_image(name: &str, item: &str) {
    check_vm_image_as(name, name, item);
}

/// Module `name` (`vm/pylib/<name>.py`) frozen as `item` into `vm/src/modules/<file>_image.rs`.
fn check_vm_image_as(name: &str, file: &str, item: &str) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    // Each function's first line only: a traceback through the scheduler names the file,
    // the function and its line, for 1.6 KB less flash (Cortex-M3) than every instruction's line.
    let options = CompileOptions { line_tables: LineTables::Functions, ..CompileOptions::default() };
    let mut loader = Loader::with_options(options);
    loader.add_module(&root.join(format!("vm/pylib/{name}.py")), &format!("{name}.py"), None);
    let (loaded, errors) = loader.finish();
    assert!(errors.is_empty(), "{errors:?}");
    let opts = EmitOptions { runtime_path: "crate".to_string(), budget: None };
    let got = emit_image_file(&loaded.modules, item, &opts);
    let path = root.join(format!("vm/src/modules/{file}_image.rs"));
    if std::env::var_os("FROSTBYTE_BLESS").is_some() {
        std::fs::write(&path, &got).unwrap();
    }
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        got == want,
        "vm/src/modules/{file}_image.rs is stale (vm/pylib/{name}.py, the compiler or the \
         format changed): regenerate it with \
         `FROSTBYTE_BLESS=1 cargo test -p frostbyte-tests --test generated_source`"
    );
}
