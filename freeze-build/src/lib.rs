//! `frostbyte-build`: freeze a Python module tree from `build.rs`.
//!
//! ```no_run
//! // build.rs, inside `fn main()`:
//! frostbyte_build::Config::new()
//!     .package("python/sensor")
//!     .module("python/main.py")
//!     .compile_or_exit();
//! ```
//! ```ignore
//! // src/main.rs: defines `pub static FROZEN: frostbyte::Image`
//! include!(concat!(env!("OUT_DIR"), "/frostbyte_frozen.rs"));
//! ```
//!
//! Paths are relative to the crate root (`CARGO_MANIFEST_DIR`), as in cargo. The generated file
//! is written to `$OUT_DIR`, and `cargo:rerun-if-changed` is printed for every file and
//! directory read, so editing, adding or removing a `.py` file rebuilds. Errors are printed as
//! `path:line:col: message` followed by the source line, the path absolute (as
//! `include_python!` prints it) so terminals and IDEs link it from any directory; tracebacks
//! keep the relative path.
//!
//! **Trees** are walked with `walkdir` in file-name order, following symbolic links (a link to
//! an ancestor is an error naming it, as is an unreadable entry). A directory without
//! `__init__.py` is not a package: it is skipped, with a `cargo:warning` when it holds `.py`
//! files. Namespace packages (PEP 420) are not supported.
//!
//! **Python packages as crates:** [`Config::dependencies`] also freezes the Python that the
//! crate's dependencies declare in `[package.metadata.frostbyte] python = [...]`:
//!
//! ```no_run
//! // build.rs of an application depending on a driver crate
//! frostbyte_build::Config::new().dependencies().module("python/main.py").compile_or_exit();
//! ```

mod deps;

use frostbyte_compiler::footprint::{check_budgets, measure, Budget, Layout};
use frostbyte_compiler::freeze::{emit_image_file, EmitOptions};
use frostbyte_compiler::tree::{render_errors, LoadError, Loader};
use frostbyte_compiler::CompileOptions;
pub use frostbyte_compiler::LineTables;
use std::fmt;
use std::path::{Path, PathBuf};

/// What to freeze and where to write it. Setters take `&mut self` and chain.
#[derive(Clone, Debug)]
pub struct Config {
    inputs: Vec<Source>,
    dependencies: bool,
    static_name: String,
    out_file: String,
    out_dir: Option<PathBuf>,
    base_dir: Option<PathBuf>,
    runtime_path: String,
    cargo_messages: bool,
    options: CompileOptions,
    budget: Option<u64>,
    module_budgets: Vec<Budget>,
}

#[derive(Clone, Debug)]
enum Input {
    Module { path: String, name: Option<String> },
    Package { path: String },
}

/// An input and where it comes from: the crate being built, or a dependency that declares
/// it in `[package.metadata.frostbyte]`.
#[derive(Clone, Debug)]
struct Source {
    input: Input,
    /// The crate that declares it (`None`: the crate being built).
    krate: Option<String>,
    /// The directory its path is relative to (`None`: [`Config::base_dir`]).
    base: Option<PathBuf>,
}

/// Why freezing failed.
#[derive(Debug)]
pub enum Error {
    /// Python errors and unreadable inputs (all of them, not just the first).
    Load(Vec<LoadError>),
    /// `OUT_DIR` is not set and no `out_dir` was given.
    NoOutDir,
    /// Writing the output failed.
    Write(PathBuf, std::io::Error),
    /// [`Config::dependencies`]: `cargo metadata` failed, or a dependency's
    /// `[package.metadata.frostbyte]` is malformed.
    Metadata(String),
    /// Two crates (or a crate and the application) freeze modules of the same top-level
    /// name: one image cannot hold both.
    Clash(Vec<Clash>),
    /// The image, or a module with a budget, takes more flash than its budget on the target
    /// being built ([`Config::budget`], [`Config::module_budget`]): the report of each
    /// budget exceeded, with the largest modules and items.
    Budget(String),
}

/// One module name declared by two crates ([`Error::Clash`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Clash {
    /// The top-level module name.
    pub module: String,
    /// The two declarations: crate name (the application is its own crate name) and the
    /// absolute path of the file or package directory.
    pub first: (String, PathBuf),
    /// See `first`.
    pub second: (String, PathBuf),
}

impl fmt::Display for Clash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "frostbyte-build: module '{}' is frozen twice: by crate `{}` ({}) and by crate `{}` ({}); \
             one image holds one module of a name",
            self.module,
            self.first.0,
            self.first.1.display(),
            self.second.0,
            self.second.1.display()
        )
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Load(errs) => f.write_str(render_errors(errs).trim_end()),
            Error::NoOutDir => {
                f.write_str("frostbyte-build: OUT_DIR is not set (not running under cargo?); call Config::out_dir")
            }
            Error::Write(p, e) => write!(f, "frostbyte-build: cannot write {}: {e}", p.display()),
            Error::Metadata(m) => write!(f, "frostbyte-build: {m}"),
            Error::Clash(clashes) => {
                let lines: Vec<String> = clashes.iter().map(Clash::to_string).collect();
                f.write_str(&lines.join("\n"))
            }
            Error::Budget(report) => f.write_str(report),
        }
    }
}

impl std::error::Error for Error {}

impl Default for Config {
    fn default() -> Self {
        Self::new()
    }
}

impl Config {
    /// A configuration that freezes nothing yet; output `$OUT_DIR/frostbyte_frozen.rs`
    /// defining `pub static FROZEN`.
    pub fn new() -> Self {
        Config {
            inputs: Vec::new(),
            dependencies: false,
            static_name: "FROZEN".into(),
            out_file: "frostbyte_frozen.rs".into(),
            out_dir: None,
            base_dir: None,
            runtime_path: "::frostbyte".into(),
            cargo_messages: true,
            options: CompileOptions::default(),
            budget: None,
            module_budgets: Vec::new(),
        }
    }

    /// Freeze one module file; its name is the file stem (`python/main.py` -> `main`).
    pub fn module(&mut self, path: impl Into<String>) -> &mut Self {
        self.push(Input::Module { path: path.into(), name: None });
        self
    }

    /// Freeze one module file under an explicit (dotted) module name.
    pub fn module_as(&mut self, path: impl Into<String>, name: impl Into<String>) -> &mut Self {
        self.push(Input::Module { path: path.into(), name: Some(name.into()) });
        self
    }

    /// Freeze a package directory (with `__init__.py`), its modules and sub-packages.
    /// The package name is the directory name.
    pub fn package(&mut self, dir: impl Into<String>) -> &mut Self {
        self.push(Input::Package { path: dir.into() });
        self
    }

    fn push(&mut self, input: Input) {
        self.inputs.push(Source { input, krate: None, base: None });
    }

    /// Also freeze the Python of every dependency that declares some: the crate's transitive
    /// normal dependencies (not dev- or build-dependencies), as cargo resolved them for this
    /// build (features and target), read with `cargo metadata`. A library declares its Python
    /// in its Cargo.toml, paths relative to its root, each a package directory or a module file:
    ///
    /// ```toml
    /// [package.metadata.frostbyte]
    /// python = ["python/bme280"]
    /// ```
    ///
    /// Everything lands in one image with the crate's own modules. Two crates (or a crate and
    /// the application) that freeze the same top-level module name are an error naming both
    /// ([`Error::Clash`]). Every file and directory read is tracked, and so is each path
    /// dependency's Cargo.toml. Tracebacks show a dependency's files as
    /// `<crate>/<path in the crate>`.
    pub fn dependencies(&mut self) -> &mut Self {
        self.dependencies = true;
        self
    }

    /// Name of the generated `static` (default `FROZEN`).
    pub fn static_name(&mut self, name: impl Into<String>) -> &mut Self {
        self.static_name = name.into();
        self
    }

    /// File name of the generated source inside the output directory
    /// (default `frostbyte_frozen.rs`).
    pub fn out_file(&mut self, name: impl Into<String>) -> &mut Self {
        self.out_file = name.into();
        self
    }

    /// Output directory (default `$OUT_DIR`).
    pub fn out_dir(&mut self, dir: impl Into<PathBuf>) -> &mut Self {
        self.out_dir = Some(dir.into());
        self
    }

    /// Directory input paths are relative to (default `$CARGO_MANIFEST_DIR`, else the
    /// current directory).
    pub fn base_dir(&mut self, dir: impl Into<PathBuf>) -> &mut Self {
        self.base_dir = Some(dir.into());
        self
    }

    /// Path of the runtime crate in generated code (default `::frostbyte`).
    pub fn runtime_path(&mut self, path: impl Into<String>) -> &mut Self {
        self.runtime_path = path.into();
        self
    }

    /// Whether to print `cargo:rerun-if-changed` lines (default true).
    pub fn cargo_messages(&mut self, on: bool) -> &mut Self {
        self.cargo_messages = on;
        self
    }

    /// How much line information to keep (default [`LineTables::Full`]): `Functions` keeps
    /// each function's first line only, `None` no line numbers (tracebacks still name the
    /// file and the function). Saves flash: see the README's footprint notes.
    pub fn line_tables(&mut self, level: LineTables) -> &mut Self {
        self.options.line_tables = level;
        self
    }

    /// Keep docstrings (default true). Without them every `__doc__` is None, as with
    /// CPython's `-OO`.
    pub fn docstrings(&mut self, keep: bool) -> &mut Self {
        self.options.docstrings = keep;
        self
    }

    /// Keep `assert` statements (default true). Without them they compile to nothing, as with
    /// CPython's `-O`.
    pub fn asserts(&mut self, keep: bool) -> &mut Self {
        self.options.asserts = keep;
        self
    }

    /// A flash budget for the frozen image, in bytes: [`Config::compile`] fails with
    /// [`Error::Budget`] (and [`Config::compile_or_exit`] prints it and exits 1) when the
    /// image takes more on the target being built, listing its largest modules and items.
    /// The figure is computed from the emitted statics for the target's pointer width
    /// (`frostbyte_compiler::footprint`): the sum of their sizes, which `frostbyte size` on
    /// the linked ELF reports as the frozen image. The generated file also asserts the
    /// target's own `size_of_val` sum against the budget, in a constant.
    pub fn budget(&mut self, bytes: u64) -> &mut Self {
        self.budget = Some(bytes);
        self
    }

    /// A flash budget for one module, in bytes, and for the modules below it when it is a
    /// package (`"sensor"` counts `sensor.filters`). Items several modules share (strings,
    /// constants) count for the first of them by name. Fails as [`Config::budget`] does;
    /// a name the image does not hold is an error too. Several may be given.
    pub fn module_budget(&mut self, module: impl Into<String>, bytes: u64) -> &mut Self {
        self.module_budgets.push(Budget { module: Some(module.into()), bytes });
        self
    }

    /// Compile everything and write the generated file. Returns its path.
    pub fn compile(&self) -> Result<PathBuf, Error> {
        let base = self
            .base_dir
            .clone()
            .or_else(|| std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from))
            .unwrap_or_else(|| PathBuf::from("."));
        let out_dir =
            self.out_dir.clone().or_else(|| std::env::var_os("OUT_DIR").map(PathBuf::from)).ok_or(Error::NoOutDir)?;
        let mut inputs = self.inputs.clone();
        let mut own = std::env::var("CARGO_PKG_NAME").unwrap_or_else(|_| "the application".into());
        if self.dependencies {
            let deps = crate::deps::declared_python(&base)?;
            if self.cargo_messages {
                for m in &deps.manifests {
                    println!("cargo:rerun-if-changed={}", m.display());
                }
            }
            inputs.extend(deps.sources);
            own = deps.own;
        }
        check_clashes(&inputs, &base, &own)?;
        let mut loader = Loader::with_options(self.options);
        loader.absolute_error_paths(true);
        for src in &inputs {
            let dir = src.base.as_ref().unwrap_or(&base);
            let prefix = src.krate.as_ref().map_or(String::new(), |k| format!("{k}/"));
            match &src.input {
                Input::Module { path, name } => {
                    loader.add_module(&dir.join(path), &format!("{prefix}{path}"), name.as_deref())
                }
                Input::Package { path } => {
                    loader.add_package(&dir.join(path), &format!("{prefix}{}", path.trim_end_matches('/')))
                }
            }
        }
        let (loaded, errors) = loader.finish();
        if self.cargo_messages {
            for p in loaded.files.iter().chain(&loaded.dirs) {
                println!("cargo:rerun-if-changed={}", p.display());
            }
            for w in &loaded.warnings {
                println!("cargo:warning={w}");
            }
        }
        if !errors.is_empty() {
            return Err(Error::Load(errors));
        }
        let source = emit_image_file(
            &loaded.modules,
            &self.static_name,
            &EmitOptions { runtime_path: self.runtime_path.clone(), budget: self.budget },
        );
        self.check_budgets(&source)?;
        let out = out_dir.join(&self.out_file);
        write_if_changed(&out, &source).map_err(|e| Error::Write(out.clone(), e))?;
        Ok(out)
    }

    /// The budgets, against the emitted `source` measured for the target cargo is building
    /// for (`CARGO_CFG_TARGET_POINTER_WIDTH`, `CARGO_CFG_TARGET_ARCH`; outside cargo, the host).
    fn check_budgets(&self, source: &str) -> Result<(), Error> {
        let mut budgets: Vec<Budget> = self.budget.map(|bytes| Budget { module: None, bytes }).into_iter().collect();
        budgets.extend(self.module_budgets.iter().cloned());
        if budgets.is_empty() {
            return Ok(());
        }
        let width =
            std::env::var("CARGO_CFG_TARGET_POINTER_WIDTH").ok().and_then(|w| w.parse().ok()).unwrap_or(usize::BITS);
        let arch = std::env::var("CARGO_CFG_TARGET_ARCH").unwrap_or_else(|_| std::env::consts::ARCH.to_string());
        let layout = Layout::of_target(width, &arch);
        let fp = measure(source, &layout).map_err(Error::Budget)?;
        check_budgets(&fp, &budgets, &layout).map_err(Error::Budget)
    }

    /// [`Config::compile`], printing the errors and exiting with status 1 on failure (the
    /// usual thing to do in `build.rs`).
    pub fn compile_or_exit(&self) -> PathBuf {
        match self.compile() {
            Ok(p) => p,
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(1);
            }
        }
    }
}

/// The top-level module name an input defines.
fn top_level(input: &Input) -> String {
    let (path, name) = match input {
        Input::Module { path, name } => (path, name.as_deref()),
        Input::Package { path } => (path, None),
    };
    if let Some(n) = name {
        return n.split('.').next().unwrap_or(n).to_string();
    }
    let p = Path::new(path.trim_end_matches('/'));
    let stem = match input {
        Input::Module { .. } => p.file_stem(),
        Input::Package { .. } => p.file_name(),
    };
    stem.map_or_else(|| path.clone(), |s| s.to_string_lossy().into_owned())
}

/// Two crates freezing one top-level name is an error naming both (within one crate the
/// loader reports duplicates itself).
fn check_clashes(inputs: &[Source], base: &Path, own: &str) -> Result<(), Error> {
    let mut seen: Vec<(String, &Source)> = Vec::new();
    let mut clashes = Vec::new();
    let describe = |s: &Source| {
        let path = match &s.input {
            Input::Module { path, .. } | Input::Package { path } => path,
        };
        let dir = s.base.as_deref().unwrap_or(base);
        let full = dir.join(path.trim_end_matches('/'));
        let full = std::fs::canonicalize(&full).unwrap_or(full);
        (s.krate.clone().unwrap_or_else(|| own.to_string()), full)
    };
    for src in inputs {
        let name = top_level(&src.input);
        match seen.iter().find(|(n, s)| *n == name && s.krate != src.krate) {
            Some((_, first)) => {
                clashes.push(Clash { module: name, first: describe(first), second: describe(src) });
            }
            None => seen.push((name, src)),
        }
    }
    if clashes.is_empty() {
        Ok(())
    } else {
        Err(Error::Clash(clashes))
    }
}

fn write_if_changed(path: &Path, contents: &str) -> std::io::Result<()> {
    if std::fs::read_to_string(path).is_ok_and(|old| old == contents) {
        return Ok(());
    }
    std::fs::write(path, contents)
}
