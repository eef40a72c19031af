//! Finding the modules a program imports, by reading its compiled import instructions.
//!
//! Starting from the main file, every `ImportName` (with its relative level resolved against
//! the importing module's package) and every `ImportFrom` name that may be a submodule is
//! looked up next to the main file: `a/b/__init__.py` (a package) or `a/b.py`. Found files are
//! compiled and scanned in turn. Names that match no file are left for the VM to report as
//! `ModuleNotFoundError` at run time, as CPython does.

use frostbyte_compiler::tree::LoadError;
use frostbyte_compiler::{compile_module_with, CodeUnit, CompileOptions, CompiledModule, SourceFile};
use frostbyte_format::op::{decode, Op};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// A program: the main module and what it imports.
pub struct Program {
    /// Name of the main module (the file stem); run as `__main__`.
    pub main: String,
    /// All compiled modules.
    pub modules: Vec<CompiledModule>,
    /// Errors (unreadable files, syntax errors, ...).
    pub errors: Vec<LoadError>,
    /// The source text of each compiled file, by the name its code objects carry (for
    /// traceback source lines).
    pub sources: Vec<(String, String)>,
}

impl Program {
    /// Load `main` and, if `follow` is set, the modules it imports (transitively).
    pub fn load(main: &Path, follow: bool) -> Program {
        Program::load_with(main, follow, &CompileOptions::default())
    }

    /// [`Program::load`], compiling with `opts` (`run -O`, `freeze --lines none`, ...).
    pub fn load_with(main: &Path, follow: bool, opts: &CompileOptions) -> Program {
        let root = main.parent().map(Path::to_path_buf).unwrap_or_default();
        let stem = main.file_stem().and_then(|s| s.to_str()).unwrap_or("main").to_string();
        let mut prog = Program { main: stem.clone(), modules: Vec::new(), errors: Vec::new(), sources: Vec::new() };
        let mut seen = BTreeSet::new();
        seen.insert(stem.clone());
        let display = main.to_string_lossy().into_owned();
        let mut queue = vec![(main.to_path_buf(), display, stem, false)];
        while let Some((path, display, name, is_pkg)) = queue.pop() {
            let Some(m) = prog.compile(&path, &display, &name, is_pkg, opts) else {
                continue;
            };
            if follow {
                for cand in imported_names(&m) {
                    for prefix in prefixes(&cand) {
                        if seen.contains(&prefix) {
                            continue;
                        }
                        if let Some((p, pkg)) = find(&root, &prefix) {
                            seen.insert(prefix.clone());
                            let disp = p.to_string_lossy().into_owned();
                            queue.push((p, disp, prefix, pkg));
                        }
                    }
                }
            }
            prog.modules.push(m);
        }
        prog.modules.sort_by(|a, b| a.name.cmp(&b.name));
        prog
    }

    fn compile(
        &mut self,
        path: &Path,
        display: &str,
        name: &str,
        is_pkg: bool,
        opts: &CompileOptions,
    ) -> Option<CompiledModule> {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                self.errors.push(LoadError::Io { path: display.into(), message: format!("cannot read file: {e}") });
                return None;
            }
        };
        let text = match frostbyte_compiler::source::decode(display, &bytes) {
            Ok(t) => t,
            Err(e) => {
                self.errors.push(e);
                return None;
            }
        };
        let compiled = compile_module_with(&SourceFile { path: display, text: &text }, name, is_pkg, opts);
        self.sources.push((display.to_string(), text));
        match compiled {
            Ok(m) => Some(m),
            Err(d) => {
                self.errors.extend(d.into_iter().map(LoadError::Compile));
                None
            }
        }
    }
}

/// `a.b.c` -> `a`, `a.b`, `a.b.c`.
fn prefixes(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut acc = String::new();
    for part in name.split('.') {
        if !acc.is_empty() {
            acc.push('.');
        }
        acc.push_str(part);
        out.push(acc.clone());
    }
    out
}

fn find(root: &Path, dotted: &str) -> Option<(PathBuf, bool)> {
    let rel: PathBuf = dotted.split('.').collect();
    let pkg = root.join(&rel).join("__init__.py");
    if pkg.is_file() {
        return Some((pkg, true));
    }
    let file = root.join(&rel).with_extension("py");
    file.is_file().then_some((file, false))
}

/// Absolute module names a module may import: its `ImportName` targets and, for each of
/// those, `target.x` for every `ImportFrom x` in the same code object.
fn imported_names(m: &CompiledModule) -> BTreeSet<String> {
    let package = if m.is_package {
        m.name.clone()
    } else {
        m.name.rsplit_once('.').map(|(p, _)| p.to_string()).unwrap_or_default()
    };
    let mut out = BTreeSet::new();
    scan(&m.code, m, &package, &mut out);
    out
}

fn scan(code: &CodeUnit, m: &CompiledModule, package: &str, out: &mut BTreeSet<String>) {
    let mut targets = Vec::new();
    let mut froms = Vec::new();
    let mut pos = 0;
    while let Some(ins) = decode(&code.bytecode, pos) {
        pos = ins.next;
        let name = |i: i64| m.names.get(i as usize).cloned().unwrap_or_default();
        match ins.op {
            Op::ImportName => {
                if let Some(abs) = absolute(&name(ins.args[0]), ins.args[1] as usize, package) {
                    targets.push(abs);
                }
            }
            Op::ImportFrom => froms.push(name(ins.args[0])),
            _ => {}
        }
    }
    for t in &targets {
        for f in &froms {
            out.insert(if t.is_empty() { f.clone() } else { format!("{t}.{f}") });
        }
        if !t.is_empty() {
            out.insert(t.clone());
        }
    }
    for k in &code.consts {
        for c in k.codes() {
            scan(c, m, package, out);
        }
    }
}

fn absolute(name: &str, level: usize, package: &str) -> Option<String> {
    if level == 0 {
        return Some(name.to_string());
    }
    let mut parts: Vec<&str> = if package.is_empty() { Vec::new() } else { package.split('.').collect() };
    if level - 1 > parts.len() {
        return None;
    }
    parts.truncate(parts.len() - (level - 1));
    let base = parts.join(".");
    Some(match (base.is_empty(), name.is_empty()) {
        (true, _) => name.to_string(),
        (false, true) => base,
        (false, false) => format!("{base}.{name}"),
    })
}
