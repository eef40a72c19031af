//! Loading module trees from disk: the part the build.rs helper and `include_python!` share.
//!
//! A *module* is one `.py` file; a *package* is a directory with an `__init__.py`, loaded with
//! all its `.py` modules and sub-packages (directories with an `__init__.py`), in sorted order.
//! Every file and directory read is recorded so callers can tell cargo what to track.
//!
//! Trees are walked with `walkdir`, sorted by file name (the same image on every machine).
//! Symbolic links are followed, to files and to directories; a link back to an ancestor is
//! an error naming it, as is any entry that cannot be read. Hidden entries (`.name`) and
//! `__pycache__` are left out. A directory without `__init__.py` is not a package and is
//! skipped with a warning when it holds `.py` files: namespace packages (PEP 420) are not
//! supported.
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
    /// Things skipped that the user probably meant to freeze (a directory holding `.py`
    /// files but no `__init__.py`): build.rs prints them as `cargo:warning=`.
    pub warnings: Vec<String>,
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
    absolute_errors: bool,
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

    /// Name files in errors and warnings by their absolute path (the directory's symbolic
    /// links resolved)
    /// instead of the display path. `frostbyte-build` and `include_python!` both do, so their
    /// diagnostics read the same and link from wherever cargo runs; the display paths, in
    /// generated code and tracebacks, stay relative.
    pub fn absolute_error_paths(&mut self, on: bool) -> &mut Self {
        self.absolute_errors = on;
        self
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
                let path = self.error_path(fs_dir, display);
                self.errors.push(LoadError::Io { path, message: "not a package directory".into() });
                return;
            }
        };
        if !fs_dir.join("__init__.py").is_file() {
            let path = self.error_path(fs_dir, display);
            self.errors.push(LoadError::Io { path, message: "not a package: no __init__.py in this directory".into() });
            return;
        }
        self.walk_package(fs_dir, display, &name);
    }

    /// Walks a package tree with `walkdir`: entries in file-name order, symbolic links
    /// followed (a loop is an error naming the path), hidden entries and `__pycache__` left
    /// out. A directory without `__init__.py` is not a package and is skipped; if it holds
    /// `.py` files a warning says so (namespace packages are not supported).
    fn walk_package(&mut self, root: &Path, display: &str, pkg: &str) {
        let walker = walkdir::WalkDir::new(root).follow_links(true).sort_by_file_name().into_iter();
        let mut skipped_warnings = Vec::new();
        let walker = walker.filter_entry(|e| {
            let name = e.file_name().to_string_lossy();
            if e.depth() > 0 && (name.starts_with('.') || name == "__pycache__") {
                return false;
            }
            if e.depth() > 0 && e.file_type().is_dir() && !e.path().join("__init__.py").is_file() {
                if dir_has_python(e.path()) {
                    skipped_warnings.push(e.path().to_path_buf());
                }
                return false;
            }
            true
        });
        let mut entries = Vec::new();
        for entry in walker {
            match entry {
                Ok(e) => entries.push((e.path().to_path_buf(), e.file_type().is_dir())),
                Err(e) => {
                    let at = e.path().unwrap_or(root);
                    let message = match (e.loop_ancestor(), e.io_error()) {
                        (Some(anc), _) => format!(
                            "symbolic link loop: this directory is its own ancestor {}",
                            self.error_path(anc, &display_of(root, anc, display))
                        ),
                        (None, Some(io)) => format!("cannot read: {io}"),
                        (None, None) => e.to_string(),
                    };
                    let path = self.error_path(at, &display_of(root, at, display));
                    self.errors.push(LoadError::Io { path, message });
                }
            }
        }
        for (path, is_dir) in entries {
            let rel = path.strip_prefix(root).unwrap_or(&path);
            let parts: Vec<String> = rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
            let sub_display = display_of(root, &path, display);
            if is_dir {
                self.loaded.dirs.push(path.clone());
                let name = std::iter::once(pkg.to_string()).chain(parts).collect::<Vec<_>>().join(".");
                self.compile_file(&path.join("__init__.py"), &format!("{sub_display}/__init__.py"), &name, true);
                continue;
            }
            let Some(stem) = parts.last().and_then(|f| f.strip_suffix(".py")) else {
                continue;
            };
            if stem == "__init__" {
                continue;
            }
            let mut name = vec![pkg.to_string()];
            name.extend(parts[..parts.len() - 1].iter().cloned());
            name.push(stem.to_string());
            self.compile_file(&path, &sub_display, &name.join("."), false);
        }
        for dir in skipped_warnings {
            self.loaded.warnings.push(format!(
                "{}: skipped: a directory without __init__.py is not a package (namespace packages are not supported)",
                self.error_path(&dir, &display_of(root, &dir, display))
            ));
        }
    }

    /// The path an error names: the display path, or the absolute filesystem path when
    /// [`Loader::absolute_error_paths`] is set.
    fn error_path(&self, fs_path: &Path, display: &str) -> String {
        if !self.absolute_errors {
            return display.to_string();
        }
        // The directory resolved, the name as it is (a symbolic link is named, not its target).
        let abs = match (fs_path.parent(), fs_path.file_name()) {
            (Some(dir), Some(name)) if !dir.as_os_str().is_empty() => {
                std::fs::canonicalize(dir).map(|d| d.join(name)).or_else(|_| std::path::absolute(fs_path))
            }
            _ => std::path::absolute(fs_path),
        };
        abs.unwrap_or_else(|_| fs_path.to_path_buf()).display().to_string()
    }

    fn compile_file(&mut self, fs_path: &Path, display: &str, name: &str, is_package: bool) {
        self.loaded.files.push(fs_path.to_path_buf());
        let err_path = self.error_path(fs_path, display);
        let bytes = match std::fs::read(fs_path) {
            Ok(b) => b,
            Err(e) => {
                let message = if e.kind() == std::io::ErrorKind::NotFound {
                    "no such file".to_string()
                } else {
                    format!("cannot read file: {e}")
                };
                self.errors.push(LoadError::Io { path: err_path, message });
                return;
            }
        };
        let text = match crate::source::decode(&err_path, &bytes) {
            Ok(t) => t,
            Err(e) => {
                self.errors.push(e);
                return;
            }
        };
        if self.loaded.modules.iter().any(|m| m.name == name) {
            self.errors.push(LoadError::Duplicate { name: name.into(), path: err_path });
            return;
        }
        match compile_module_with(&SourceFile { path: display, text: &text }, name, is_package, &self.options) {
            Ok(m) => self.loaded.modules.push(m),
            Err(diags) => self.errors.extend(diags.into_iter().map(|mut d| {
                d.path.clone_from(&err_path);
                LoadError::Compile(d)
            })),
        }
    }

    /// The result: the modules, or every error found (all files are still attempted).
    pub fn finish(mut self) -> (Loaded, Vec<LoadError>) {
        self.loaded.modules.sort_by(|a, b| a.name.cmp(&b.name));
        (self.loaded, self.errors)
    }
}

/// The display path of `path`, a file or directory under the package root `root` shown as
/// `root_display`: `root_display/sub/dir/file.py`, with `/` whatever the platform.
fn display_of(root: &Path, path: &Path, root_display: &str) -> String {
    let mut s = root_display.to_string();
    for c in path.strip_prefix(root).unwrap_or(Path::new("")).components() {
        s.push('/');
        s.push_str(&c.as_os_str().to_string_lossy());
    }
    s
}

/// Whether a directory holds `.py` files (then skipping it for want of `__init__.py` is
/// probably a mistake worth a warning).
fn dir_has_python(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|rd| {
        rd.filter_map(Result::ok).any(|e| e.path().extension().is_some_and(|x| x == "py") && e.path().is_file())
    })
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
