//! The tree loader both freezing tools share: warnings for directories that look like
//! namespace packages, and error paths (display or absolute).

use frostbyte_compiler::tree::{LoadError, Loader};
use std::path::{Path, PathBuf};

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("frostbyte-tree-{name}-{}", std::process::id()));
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
fn directory_with_python_but_no_init_is_skipped_with_a_warning() {
    let d = scratch("ns");
    write(&d, "pkg/__init__.py", "");
    write(&d, "pkg/ns/mod.py", "");
    write(&d, "pkg/data/readme.txt", "not python");
    let mut loader = Loader::new();
    loader.add_package(&d.join("pkg"), "py/pkg");
    let (loaded, errors) = loader.finish();
    assert!(errors.is_empty(), "{errors:?}");
    let names: Vec<&str> = loaded.modules.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["pkg"]);
    // One warning, for the directory holding .py files; none for the data directory.
    assert_eq!(
        loaded.warnings,
        ["py/pkg/ns: skipped: a directory without __init__.py is not a package (namespace packages are not supported)"]
    );
}

#[test]
fn error_paths_are_display_paths_or_absolute() {
    let d = scratch("paths");
    write(&d, "pkg/__init__.py", "");
    write(&d, "pkg/bad.py", "def f(:\n");
    let run = |absolute: bool| {
        let mut loader = Loader::new();
        loader.absolute_error_paths(absolute);
        loader.add_package(&d.join("pkg"), "py/pkg");
        loader.add_module(&d.join("missing.py"), "missing.py", None);
        let (loaded, errors) = loader.finish();
        // Generated code keeps the display path either way.
        let files: Vec<&str> = loaded.modules.iter().map(|m| m.file.as_str()).collect();
        assert_eq!(files, ["py/pkg/__init__.py"]);
        errors
    };
    let shown = |errors: &[LoadError]| errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("");
    let display = shown(&run(false));
    assert!(display.starts_with("py/pkg/bad.py:1:7: "), "{display}");
    assert!(display.contains("missing.py: no such file"), "{display}");
    let root = std::fs::canonicalize(&d).unwrap();
    let absolute = shown(&run(true));
    assert!(absolute.starts_with(&format!("{}:1:7: ", root.join("pkg/bad.py").display())), "{absolute}");
    assert!(absolute.contains(&format!("{}: no such file", root.join("missing.py").display())), "{absolute}");
}
