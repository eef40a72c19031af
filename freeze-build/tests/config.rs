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
    let dir = std::fs::canonicalize(d.join("dir")).unwrap();
    // Errors name files by absolute path, as `include_python!` does.
    assert_eq!(err, format!("{}: not a package: no __init__.py in this directory", dir.display()));
}

fn config(d: &Path) -> frostbyte_build::Config {
    let mut c = frostbyte_build::Config::new();
    c.base_dir(d).out_dir(d).cargo_messages(false);
    c
}

#[test]
fn walk_is_sorted_skips_non_packages_and_follows_links() {
    let d = scratch("walk");
    write(&d, "pkg/__init__.py", "");
    write(&d, "pkg/zeta.py", "Z = 1\n");
    write(&d, "pkg/alpha.py", "A = 1\n");
    write(&d, "pkg/sub/__init__.py", "");
    write(&d, "pkg/sub/deep/__init__.py", "");
    write(&d, "pkg/sub/deep/leaf.py", "L = 1\n");
    write(&d, "pkg/loose/mod.py", "M = 1\n");
    write(&d, "pkg/.hidden/__init__.py", "");
    write(&d, "shared/common.py", "C = 1\n");
    #[cfg(unix)]
    std::os::unix::fs::symlink(d.join("shared/common.py"), d.join("pkg/linked.py")).unwrap();
    let out = config(&d).package("pkg").compile().expect("compiles");
    let src = std::fs::read_to_string(out).unwrap();
    let mut names = vec!["pkg", "pkg.alpha", "pkg.sub", "pkg.sub.deep", "pkg.sub.deep.leaf", "pkg.zeta"];
    if cfg!(unix) {
        names.push("pkg.linked");
    }
    for name in names {
        assert!(src.contains(&format!("*b\"{name}\"")), "missing {name}");
    }
    assert!(!src.contains("loose"), "a directory without __init__.py is skipped");
    assert!(!src.contains("hidden"));
}

#[cfg(unix)]
#[test]
fn symlink_loop_is_an_error_naming_the_path() {
    let d = scratch("loop");
    write(&d, "pkg/__init__.py", "");
    write(&d, "pkg/sub/__init__.py", "");
    std::os::unix::fs::symlink(d.join("pkg"), d.join("pkg/sub/back")).unwrap();
    // The link back to an ancestor is not followed: an error names the link and the ancestor.
    let err = config(&d).package("pkg").compile().unwrap_err().to_string();
    assert!(err.contains("symbolic link loop"), "{err}");
    assert!(err.contains("pkg/sub/back"), "{err}");
}

/// A scratch cargo workspace: an application and path-dependency libraries, each a
/// `(name, Cargo.toml body after [package], files)`.
/// A scratch crate: name, the Cargo.toml text after `[package]`, and its files.
type Crate<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str)]);

fn crates(d: &Path, list: &[Crate<'_>]) {
    for (name, body, files) in list {
        let manifest = format!("[package]\nname = \"{name}\"\nversion = \"0.1.0\"\nedition = \"2021\"\n{body}\n");
        write(d, &format!("{name}/Cargo.toml"), &manifest);
        write(d, &format!("{name}/src/lib.rs"), "");
        for (path, text) in files.iter() {
            write(d, &format!("{name}/{path}"), text);
        }
    }
    write(d, "Cargo.toml", "[workspace]\nmembers = [\"*\"]\nresolver = \"2\"\n");
}

#[test]
fn dependencies_freeze_declared_python_of_resolved_crates() {
    let d = scratch("deps");
    crates(
        &d,
        &[
            (
                "app",
                "[dependencies]\ndrv = { path = \"../drv\" }\nopt = { path = \"../opt\", optional = true }\n\
                 [dev-dependencies]\ndevonly = { path = \"../devonly\" }",
                &[("python/main.py", "import sensor\n")],
            ),
            (
                "drv",
                "[dependencies]\nbase = { path = \"../base\" }\n\
                 [package.metadata.frostbyte]\npython = [\"python/sensor\", \"extra.py\"]",
                &[("python/sensor/__init__.py", "X = 1\n"), ("extra.py", "E = 1\n")],
            ),
            ("base", "[package.metadata.frostbyte]\npython = [\"py/basepkg\"]", &[("py/basepkg/__init__.py", "")]),
            ("opt", "[package.metadata.frostbyte]\npython = [\"optmod.py\"]", &[("optmod.py", "")]),
            ("devonly", "[package.metadata.frostbyte]\npython = [\"devmod.py\"]", &[("devmod.py", "")]),
        ],
    );
    let app = d.join("app");
    let out = config(&app).dependencies().module("python/main.py").compile().expect("compiles");
    let src = std::fs::read_to_string(out).unwrap();
    // Transitive normal dependencies, in one image with the application's own module.
    for name in ["main", "sensor", "extra", "basepkg"] {
        assert!(src.contains(&format!("*b\"{name}\"")), "missing {name}");
    }
    // An optional dependency whose feature is off, and a dev-dependency, are left out.
    assert!(!src.contains("optmod"), "optional dependency not enabled");
    assert!(!src.contains("devmod"), "dev-dependency");
    // A dependency's files are shown as `<crate>/<path>`, never absolute.
    assert!(src.contains("*b\"drv/python/sensor/__init__.py\""), "display path");
    assert!(!src.contains(d.to_str().unwrap()), "absolute path in generated code");
}

#[test]
fn module_clash_between_crates_names_both() {
    let d = scratch("clash");
    crates(
        &d,
        &[
            ("app", "[dependencies]\none = { path = \"../one\" }\ntwo = { path = \"../two\" }", &[("main.py", "")]),
            ("one", "[package.metadata.frostbyte]\npython = [\"python/sensor\"]", &[("python/sensor/__init__.py", "")]),
            ("two", "[package.metadata.frostbyte]\npython = [\"sensor.py\"]", &[("sensor.py", "")]),
        ],
    );
    let app = d.join("app");
    let err = config(&app).dependencies().module("main.py").compile().unwrap_err().to_string();
    let root = std::fs::canonicalize(&d).unwrap();
    let one = root.join("one/python/sensor");
    let two = root.join("two/sensor.py");
    assert_eq!(
        err,
        format!(
            "frostbyte-build: module 'sensor' is frozen twice: by crate `one` ({}) and by crate `two` ({}); \
             one image holds one module of a name",
            one.display(),
            two.display()
        )
    );
    // The application clashing with a dependency is reported the same way.
    let err = config(&app).dependencies().module_as("main.py", "sensor").compile().unwrap_err().to_string();
    assert!(err.contains("by crate `app` ("), "{err}");
    assert!(err.contains("main.py) and by crate `one` ("), "{err}");
}

#[test]
fn malformed_declaration_is_an_error() {
    let d = scratch("badmeta");
    crates(
        &d,
        &[
            ("app", "[dependencies]\nbad = { path = \"../bad\" }", &[]),
            ("bad", "[package.metadata.frostbyte]\npython = \"python\"", &[]),
        ],
    );
    let err = config(&d.join("app")).dependencies().compile().unwrap_err().to_string();
    assert!(err.contains("crate `bad` ("), "{err}");
    assert!(err.contains("python must be a list of paths"), "{err}");
}

/// A package of two modules, `app.big` holding most of the bytes.
fn budget_tree(name: &str) -> PathBuf {
    let d = scratch(name);
    write(&d, "app/__init__.py", "from . import big\n");
    let body: String =
        (0..20).map(|i| format!("def f{i}(x):\n    return x * {i} + len('text number {i}')\n")).collect();
    write(&d, "app/big.py", &body);
    write(&d, "main.py", "import app\nprint(app.big.f3(2))\n");
    d
}

/// The image's size on the host (the in-process build has no target: the host's layout).
fn measured(d: &Path) -> frostbyte_compiler::footprint::Footprint {
    let out = config(d).package("app").module("main.py").compile().expect("compiles");
    let text = std::fs::read_to_string(out).unwrap();
    frostbyte_compiler::footprint::measure(
        &text,
        &frostbyte_compiler::footprint::Layout::of_target(usize::BITS, std::env::consts::ARCH),
    )
    .unwrap()
}

#[test]
fn over_budget_is_an_error_listing_the_largest_items() {
    let d = budget_tree("budget");
    let fp = measured(&d);
    let total = fp.total();
    let big = fp.module_total("app.big").unwrap();
    assert!(big > total / 2 && fp.module_total("app").unwrap() > big, "a package counts its submodules");
    // At the budget: fine.
    config(&d).package("app").module("main.py").budget(total).module_budget("app.big", big).compile().expect("fits");
    // One byte under: the report names the figure, the budget and the largest items.
    let err = config(&d).package("app").module("main.py").budget(total - 1).compile().unwrap_err();
    assert!(matches!(err, frostbyte_build::Error::Budget(_)));
    let msg = err.to_string();
    let bits = usize::BITS;
    assert!(
        msg.starts_with(&format!(
            "frostbyte: the frozen image takes {total} B on {bits}-bit targets, over its budget of {} B by 1 B\n",
            total - 1
        )),
        "{msg}"
    );
    assert!(msg.contains("\n  largest modules:\n"), "{msg}");
    assert!(msg.contains(&format!("\n    {big:>8} B  app.big\n")), "{msg}");
    let items: Vec<u64> = msg
        .lines()
        .skip_while(|l| !l.contains("largest items:"))
        .skip(1)
        .filter(|l| !l.ends_with("more)"))
        .map(|l| l.split_whitespace().next().and_then(|n| n.parse().ok()).expect("bytes"))
        .collect();
    assert_eq!(items.len(), frostbyte_compiler::footprint::REPORT_ROWS, "{msg}");
    assert!(items.windows(2).all(|w| w[0] >= w[1]), "largest first: {msg}");
    assert!(msg.contains("code blob (bytecode, line + exception tables) of app.big: <module>"), "{msg}");
    // A module's budget counts its own items.
    let err = config(&d).package("app").module("main.py").module_budget("app.big", big - 10).compile().unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.starts_with(&format!(
            "frostbyte: module 'app.big' takes {big} B of the frozen image on {bits}-bit targets, over its budget of {} B by 10 B\n  largest items:\n",
            big - 10
        )),
        "{msg}"
    );
    assert!(!msg.contains(" of main"), "only app.big's items: {msg}");
    // A budget for a module the image lacks.
    let err = config(&d).package("app").module("main.py").module_budget("nope", 1).compile().unwrap_err();
    assert_eq!(
        err.to_string(),
        "frostbyte: a budget names module 'nope', which the image does not hold (modules: app, app.big, main)"
    );
}

/// `compile_or_exit` over budget: the report on stderr and exit status 1, no panic (run in a
/// child process of this test binary, see `over_budget_child`).
#[test]
fn over_budget_build_exits_1_with_the_report() {
    let d = budget_tree("budget-exit");
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "over_budget_child", "--nocapture", "--test-threads=1"])
        .env("FROSTBYTE_BUDGET_CHILD", &d)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("frostbyte: the frozen image takes ") && err.contains(", over its budget of 100 B by "),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn over_budget_child() {
    let Some(d) = std::env::var_os("FROSTBYTE_BUDGET_CHILD") else { return };
    config(Path::new(&d)).package("app").module("main.py").budget(100).compile_or_exit();
    unreachable!("the image is over 100 B");
}
