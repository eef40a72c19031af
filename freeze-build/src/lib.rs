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
//! `path:line:col: message` followed by the source line, which terminals and IDEs link.

use frostbyte_compiler::freeze::{emit_image_file, EmitOptions};
use frostbyte_compiler::tree::{render_errors, LoadError, Loader};
use frostbyte_compiler::CompileOptions;
pub use frostbyte_compiler::LineTables;
use std::fmt;
use std::path::{Path, PathBuf};

/// What to freeze and where to write it. Setters take `&mut self` and chain.
#[derive(Clone, Debug)]
pub struct Config {
    inputs: Vec<Input>,
    static_name: String,
    out_file: String,
    out_dir: Option<PathBuf>,
    base_dir: Option<PathBuf>,
    runtime_path: String,
    cargo_messages: bool,
    options: CompileOptions,
    budget: Option<u64>,
}

#[derive(Clone, Debug)]
enum Input {
    Module { path: String, name: Option<String> },
    Package { path: String },
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
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Load(errs) => f.write_str(render_errors(errs).trim_end()),
            Error::NoOutDir => {
                f.write_str("frostbyte-build: OUT_DIR is not set (not running under cargo?); call Config::out_dir")
            }
            Error::Write(p, e) => write!(f, "frostbyte-build: cannot write {}: {e}", p.display()),
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
            static_name: "FROZEN".into(),
            out_file: "frostbyte_frozen.rs".into(),
            out_dir: None,
            base_dir: None,
            runtime_path: "::frostbyte".into(),
            cargo_messages: true,
            options: CompileOptions::default(),
            budget: None,
        }
    }

    /// Freeze one module file; its name is the file stem (`python/main.py` -> `main`).
    pub fn module(&mut self, path: impl Into<String>) -> &mut Self {
        self.inputs.push(Input::Module { path: path.into(), name: None });
        self
    }

    /// Freeze one module file under an explicit (dotted) module name.
    pub fn module_as(&mut self, path: impl Into<String>, name: impl Into<String>) -> &mut Self {
        self.inputs.push(Input::Module { path: path.into(), name: Some(name.into()) });
        self
    }

    /// Freeze a package directory (with `__init__.py`), its modules and sub-packages.
    /// The package name is the directory name.
    pub fn package(&mut self, dir: impl Into<String>) -> &mut Self {
        self.inputs.push(Input::Package { path: dir.into() });
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

    /// A flash budget for the frozen image, in bytes: the crate that includes the generated
    /// file then fails to compile when the image's items take more on the target being
    /// built (the sizes are the target's own, checked by a constant assertion). `frostbyte
    /// size` on a linked ELF lists the largest items.
    pub fn budget(&mut self, bytes: u64) -> &mut Self {
        self.budget = Some(bytes);
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
        let mut loader = Loader::with_options(self.options);
        for input in &self.inputs {
            match input {
                Input::Module { path, name } => loader.add_module(&base.join(path), path, name.as_deref()),
                Input::Package { path } => loader.add_package(&base.join(path), path.trim_end_matches('/')),
            }
        }
        let (loaded, errors) = loader.finish();
        if self.cargo_messages {
            for p in loaded.files.iter().chain(&loaded.dirs) {
                println!("cargo:rerun-if-changed={}", p.display());
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
        let out = out_dir.join(&self.out_file);
        write_if_changed(&out, &source).map_err(|e| Error::Write(out.clone(), e))?;
        Ok(out)
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

fn write_if_changed(path: &Path, contents: &str) -> std::io::Result<()> {
    if std::fs::read_to_string(path).is_ok_and(|old| old == contents) {
        return Ok(());
    }
    std::fs::write(path, contents)
}
