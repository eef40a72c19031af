//! Loading module trees from disk: the part the build.rs helper and `include_python!` share.
//!
//! A *module* is one `.py` file; a *package* is a directory with an `__init__.py`, loaded with
//! all its `.py` modules and sub-packages (directories with an `__init__.py`), in sorted order.
//! Every file and directory read is recorded so callers can tell cargo what to track.
//!
//! Paths shown in messages and tracebacks are *display paths*: the path the user wrote,
//! extended with the relative path inside a package (`python/sensor/filters.py`). They are never
//! made absolute, so generated code does not depend on where the checkout lives.

use crate::{compile_module_with, CompileOptions, CompiledModule, Diagnostic, SourceFile};
use std::fmt;
use std::path::{Path, PathBuf};

/// Everything a load produced.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Compiled modules (sorted by name).
    pub modules: Vec<CompiledModule>,
    /// Every file read, as filesystem paths.
    pub files: Vec<PathBuf>,
    /// Every directory listed, as filesystem paths.
    pub dirs: Vec<PathBuf>,
}

/// A load error: an I/O problem, a non-UTF-8 file or compile diagnostics.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// A file or directory could not be read.
    Io {
        /// Display path.
        path: String,
        /// What went wrong.
        message: String,
    },
    /// A source file without an encoding declaration is not valid UTF-8 (other encoding
    /// problems are `Compile` diagnostics, see `crate::source`).
    NotUtf8 {
        /// Display path.
        path: String,
        /// 1-based line of the first invalid byte.
        line: u32,
        /// 1-based column (in bytes) of the first invalid byte.
        col: u32,
        /// The invalid byte.
        byte: u8,
    },
    /// Two inputs define the same module name.
    Duplicate {
        /// The module name.
        name: String,
        /// Display path of the second definition.
        path: String,
    },
    /// Syntax errors, unsupported constructs and scope errors.
    Compile(Diagnostic),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Io { path, message } => write!(f, "{path}: {message}"),
            LoadError::NotUtf8 { path, line, col, byte } => {
                write!(f, "{path}:{line}:{col}: source is not valid UTF-8 (byte 0x{byte:02x})")
            }
            LoadError::Duplicate { name, path } => {
                write!(f, "{path}: module '{name}' is defined twice in one image")
            }
            LoadError::Compile(d) => write!(f, "{d}"),
        }
    }
}

/// Collects modules and packages into one image.
#[derive(Debug, Default)]
pub struct Loader {
    loaded: Loaded,
    errors: Vec<LoadError>,
    options: CompileOptions,
}

impl Loader {
    /// An empty loader.
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty loader that compiles with `options` (what is kept of docstrings, asserts and
    /// line tables).
    pub fn with_options(options: CompileOptions) -> Self {
        Loader { options, ..Self::default() }
    }

    /// Add one module file. `name` defaults to the file stem.
    pub fn add_module(&mut self, fs_path: &Path, display: &str, name: Option<&str>) {
        let stem = fs_path.file_stem().and_then(|s| s.to_str()).unwrap_or("main").to_string();
        let name = name.map(str::to_string).unwrap_or(stem);
        self.compile_file(fs_path, display, &name, false);
    }

    /// Add a package directory (must contain `__init__.py`) and everything below it.
    pub fn add_package(&mut self, fs_dir: &Path, display: &str) {
        let name = match fs_dir.file_name().and_then(|s| s.to_str()) {
            Some(n) => n.to_string(),
            None => {
                self.errors.push(LoadError::Io { path: display.into(), message: "not a package directory".into() });
                return;
            }
        };
        if !fs_dir.join("__init__.py").is_file() {
            self.errors.push(LoadError::Io {
                path: display.into(),
                message: "not a package: no __init__.py in this directory".into(),
            });
            return;
        }
        self.walk_package(fs_dir, display, &name);
    }

    fn walk_package(&mut self, dir: &Path, display: &str, pkg: &str) {
        self.loaded.dirs.push(dir.to_path_buf());
        let mut entries: Vec<PathBuf> = match std::fs::read_dir(dir) {
            Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
            Err(e) => {
                self.errors
                    .push(LoadError::Io { path: display.into(), message: format!("cannot read directory: {e}") });
                return;
            }
        };
        entries.sort();
        self.compile_file(&dir.join("__init__.py"), &format!("{display}/__init__.py"), pkg, true);
        for path in entries {
            let Some(fname) = path.file_name().and_then(|s| s.to_str()).map(str::to_string) else {
                continue;
            };
            if fname.starts_with('.') || fname == "__pycache__" || fname == "__init__.py" {
                continue;
            }
            let sub_display = format!("{display}/{fname}");
            if path.is_dir() {
                if path.join("__init__.py").is_file() {
                    self.walk_package(&path, &sub_display, &format!("{pkg}.{fname}"));
                }
            } else if let Some(stem) = fname.strip_suffix(".py") {
                self.compile_file(&path, &sub_display, &format!("{pkg}.{stem}"), false);
            }
        }
    }

    fn compile_file(&mut self, fs_path: &Path, display: &str, name: &str, is_package: bool) {
        self.loaded.files.push(fs_path.to_path_buf());
        let bytes = match std::fs::read(fs_path) {
            Ok(b) => b,
            Err(e) => {
                let message = if e.kind() == std::io::ErrorKind::NotFound {
                    "no such file".to_string()
                } else {
                    format!("cannot read file: {e}")
                };
                self.errors.push(LoadError::Io { path: display.into(), message });
                return;
            }
        };
        let text = match crate::source::decode(display, &bytes) {
            Ok(t) => t,
            Err(e) => {
                self.errors.push(e);
                return;
            }
        };
        if self.loaded.modules.iter().any(|m| m.name == name) {
            self.errors.push(LoadError::Duplicate { name: name.into(), path: display.into() });
            return;
        }
        match compile_module_with(&SourceFile { path: display, text: &text }, name, is_package, &self.options) {
            Ok(m) => self.loaded.modules.push(m),
            Err(diags) => self.errors.extend(diags.into_iter().map(LoadError::Compile)),
        }
    }

    /// The result: the modules, or every error found (all files are still attempted).
    pub fn finish(mut self) -> (Loaded, Vec<LoadError>) {
        self.loaded.modules.sort_by(|a, b| a.name.cmp(&b.name));
        (self.loaded, self.errors)
    }
}

/// Format a list of errors as the build tools print them: one block per error.
pub fn render_errors(errors: &[LoadError]) -> String {
    let mut s = String::new();
    for e in errors {
        let text = e.to_string();
        s.push_str(&text);
        if !text.ends_with('\n') {
            s.push('\n');
        }
    }
    s
}
