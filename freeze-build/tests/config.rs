//! The build.rs helper: output in the chosen directory, every input reported, all errors
//! rendered as `path:line:col: message` with the source line.

use std::path::{Path, PathBuf};

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("frostbyte-build-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn write(dir: &Path, rel: &str, text: &str) {
    let p = dir.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

#[test]
fn package_and_module_are_frozen_into_one_file() {
    let d = scratch("ok");
    write(&d, "py/pkg/__init__.py", "from .sub import f\n");
    write(&d, "py/pkg/sub.py", "def f():\n    return 1\n");
    write(&d, "py/pkg/inner/__init__.py", "X = 2\n");
    write(&d, "py/pkg/notes.txt", "not python\n");
    write(&d, "py/main.py", "import pkg\nprint(pkg.f())\n");
    let out = frostbyte_build::Config::new()
        .base_dir(&d)
        .out_dir(&d)
        .cargo_messages(false)
        .package("py/pkg")
        .module("py/main.py")
        .static_name("APP")
        .compile()
        .expect("compiles");
    let src = std::fs::read_to_string(&out).unwrap();
    assert!(src.contains("pub static APP: ::frostbyte::Image"));
    // Modules in name order, each named after its place in the tree.
    for name in ["*b\"main\"", "*b\"pkg\"", "*b\"pkg.inner\"", "*b\"pkg.sub\""] {
        assert!(src.contains(name), "missing module name {name}");
    }
    assert!(!src.contains("notes"));
    // Display paths are the relative ones the user wrote.
    assert!(src.contains("*b\"py/pkg/sub.py\""));
    assert!(!src.contains(d.to_str().unwrap()), "absolute path in generated code");
    // A second build writes the same bytes.
    let again = frostbyte_build::Config::new()
        .base_dir(&d)
        .out_dir(&d)
        .cargo_messages(false)
        .module("py/main.py")
        .package("py/pkg")
        .static_name("APP")
        .compile()
        .unwrap();
    assert_eq!(std::fs::read_to_string(again).unwrap(), src);
}

#[test]
fn all_errors_of_all_files_are_reported() {
    let d = scratch("err");
    write(&d, "a.py", "x = (1,\ny = 2\n");
    write(&d, "b.py", "def f():\n    try:\n        pass\n    except* E:\n        return 1\n");
    let err = frostbyte_build::Config::new()
        .base_dir(&d)
        .out_dir(&d)
        .cargo_messages(false)
        .module("a.py")
        .module("b.py")
        .module("missing.py")
        .compile()
        .unwrap_err()
        .to_string();
    assert!(err.contains("a.py:2:3: "), "{err}");
    assert!(
        err.contains(
            "b.py:5:9: 'break', 'continue' and 'return' cannot appear in an except* block\n        return 1\n        ^"
        ),
        "{err}"
    );
    assert!(err.contains("missing.py: no such file"), "{err}");
}

#[test]
fn not_a_package_is_an_error() {
    let d = scratch("nopkg");
    write(&d, "dir/mod.py", "pass\n");
    let err = frostbyte_build::Config::new()
        .base_dir(&d)
        .out_dir(&d)
        .cargo_messages(false)
        .package("dir")
        .compile()
        .unwrap_err()
        .to_string();
    assert_eq!(err, "dir: not a package: no __init__.py in this directory");
}
