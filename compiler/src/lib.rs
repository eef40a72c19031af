//! Frostbyte compiler (host only): Python source to Frostbyte bytecode.
//!
//! Pipeline, one module at a time ([`compile_module`]):
//! 1. parse with `ruff_python_parser`, collecting *all* syntax errors (the parser recovers);
//! 2. [`scope`] analysis: local / cell / free / global for every name of every scope;
//! 3. [`codegen`]: AST to a label-based instruction list per code object, reporting
//!    unsupported constructs and compile-time scope errors as [`Diagnostic`]s;
//! 4. [`assemble`]: jump relaxation, encoding, line and exception tables, stack depth.
//!
//! The result is a [`CompiledModule`] of plain data; [`disassemble`] prints it, [`image`]
//! lays a module set out as a frozen image (the one image model), [`freeze`] writes that
//! model as Rust statics, [`footprint`] measures their flash on a target (the budgets) and
//! [`tree`] loads module trees from disk.

mod assemble;
mod code;
mod codegen;
mod diagnostic;
mod dis;
pub mod footprint;
pub mod freeze;
pub mod image;
mod literal;
mod nesting;
mod scope;
pub mod source;
pub mod tree;

pub use code::{CodeUnit, CompiledModule, Const, Decorator, IntRepr};
pub use diagnostic::Diagnostic;
pub use dis::disassemble;

use ruff_python_ast::PythonVersion;
use ruff_python_parser::{Mode, ParseOptions};
use ruff_text_size::Ranged;

use diagnostic::Locator;

/// One Python source file.
#[derive(Debug, Clone, Copy)]
pub struct SourceFile<'a> {
    /// Path as shown in messages and tracebacks, e.g. `app.py` or `sensor/filters.py`.
    pub path: &'a str,
    /// The source text.
    pub text: &'a str,
}

/// How much line information the compiled code objects keep (`frostbyte_build::Config::line_tables`,
/// `include_python!(..., lines = "...")`). Frostbyte's line tables hold lines, never columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LineTables {
    /// The line of every instruction: tracebacks say where each frame was (CPython's).
    #[default]
    Full,
    /// Only the line of each `def`, `class` and module start (no per-instruction table):
    /// tracebacks name the file, the function and the line the function starts on.
    Functions,
    /// No line numbers: tracebacks name the file and the function (`File "f.py", in g`).
    None,
}

/// What [`compile_module_with`] keeps of the source beyond what the code needs to run. The
/// default keeps everything, as CPython without `-O`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CompileOptions {
    /// Line numbers (see [`LineTables`]).
    pub line_tables: LineTables,
    /// Keep docstrings. Without them every `__doc__` is None, as with CPython's `-OO`.
    pub docstrings: bool,
    /// Keep `assert` statements. Without them they compile to nothing, as with CPython's `-O`
    /// (their test and message are not evaluated).
    pub asserts: bool,
}

impl Default for CompileOptions {
    fn default() -> Self {
        CompileOptions { line_tables: LineTables::Full, docstrings: true, asserts: true }
    }
}

/// [`compile_module_with`] and the default options (everything kept).
pub fn compile_module(
    src: &SourceFile<'_>,
    module_name: &str,
    is_package: bool,
) -> Result<CompiledModule, Vec<Diagnostic>> {
    compile_module_with(src, module_name, is_package, &CompileOptions::default())
}

/// Compile one module. `module_name` is dotted (`sensor.filters`); `is_package` is true for a
/// package's `__init__.py`. On failure every diagnostic found is returned, sorted by
/// position: all syntax errors if there are any, else all scope errors and unsupported
/// constructs. Nesting past CPython's limits (200 brackets, 100 indentation levels, about
/// 3,000 levels of expressions and statements) or 200 nested functions is an error too; the work runs on a thread
/// of its own with a large stack (see `nesting`), so no nesting overflows the caller's.
/// `opts` says what is kept beyond what the code needs to run.
pub fn compile_module_with(
    src: &SourceFile<'_>,
    module_name: &str,
    is_package: bool,
    opts: &CompileOptions,
) -> Result<CompiledModule, Vec<Diagnostic>> {
    compile_with_mode(src, module_name, is_package, SourceMode::Exec, opts)
}

/// What the source of [`compile_source`] is, as CPython's `compile()` `mode` argument.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceMode {
    /// Statements (a module body); running the code returns None.
    Exec,
    /// One expression; running the code returns its value.
    Eval,
    /// Interactive statements: as `Exec`, but each top-level expression statement's value
    /// is passed to `sys.displayhook` (which prints its repr unless it is None).
    Single,
}

/// Compile source given to `exec`, `eval` or `compile()` at run time (the embedder's
/// compiler hook, as `frostbyte run` installs). The result is a module-shaped code object
/// that runs with a namespace dict as its locals; `module_name` is only recorded.
pub fn compile_source(
    src: &SourceFile<'_>,
    module_name: &str,
    mode: SourceMode,
) -> Result<CompiledModule, Vec<Diagnostic>> {
    compile_with_mode(src, module_name, false, mode, &CompileOptions::default())
}

fn compile_with_mode(
    src: &SourceFile<'_>,
    module_name: &str,
    is_package: bool,
    mode: SourceMode,
    opts: &CompileOptions,
) -> Result<CompiledModule, Vec<Diagnostic>> {
    let loc = Locator::new(src.path, src.text);
    if let Some((at, msg)) = nesting::prescan(src.text) {
        return Err(vec![loc.diagnostic(at, msg)]);
    }
    nesting::with_stack(|| compile_parsed(&loc, src, module_name, is_package, mode, opts))
}

/// Parse an expression (eval mode) into a one-statement body, or the errors found.
fn parse_eval(loc: &Locator<'_>, text: &str) -> Result<Vec<ruff_python_ast::Stmt>, Vec<Diagnostic>> {
    let options = ParseOptions::from(Mode::Expression).with_target_version(PythonVersion::PY311);
    let parsed = ruff_python_parser::parse_unchecked(text, options);
    let mut diags: Vec<Diagnostic> = parsed
        .errors()
        .iter()
        .map(|e| loc.diagnostic(e.location.start(), e.error.to_string()))
        .chain(parsed.unsupported_syntax_errors().iter().map(|e| loc.diagnostic(e.range.start(), e.to_string())))
        .collect();
    if !diags.is_empty() {
        diagnostic::sort(&mut diags);
        return Err(diags);
    }
    let ruff_python_ast::Mod::Expression(e) = parsed.into_syntax() else {
        return Err(vec![loc.diagnostic(Default::default(), "expected an expression")]);
    };
    Ok(vec![ruff_python_ast::Stmt::Expr(ruff_python_ast::StmtExpr {
        node_index: Default::default(),
        range: e.range,
        value: e.body,
    })])
}

fn compile_parsed(
    loc: &Locator<'_>,
    src: &SourceFile<'_>,
    module_name: &str,
    is_package: bool,
    mode: SourceMode,
    opts: &CompileOptions,
) -> Result<CompiledModule, Vec<Diagnostic>> {
    if mode == SourceMode::Eval {
        let body = parse_eval(loc, src.text)?;
        return compile_body(loc, src, &body, module_name, is_package, mode, opts);
    }
    let options = ParseOptions::from(Mode::Module).with_target_version(PythonVersion::PY311);
    let parsed = ruff_python_parser::parse_unchecked(src.text, options)
        .try_into_module()
        .expect("Mode::Module parses to a module");

    let diags: Vec<Diagnostic> = parsed
        .errors()
        .iter()
        .map(|e| loc.diagnostic(e.location.start(), e.error.to_string()))
        .chain(parsed.unsupported_syntax_errors().iter().map(|e| loc.diagnostic(e.range.start(), e.to_string())))
        .collect();
    if !diags.is_empty() {
        let mut diags = diags;
        diagnostic::sort(&mut diags);
        return Err(diags);
    }
    let body = &parsed.syntax().body;
    if mode == SourceMode::Single && body.len() > 1 {
        return Err(vec![
            loc.diagnostic(body[0].range().start(), "multiple statements found while compiling a single statement")
        ]);
    }
    compile_body(loc, src, body, module_name, is_package, mode, opts)
}

/// Scope analysis and code generation of a parsed body (eval mode: the body is one
/// expression statement whose value the code returns).
fn compile_body(
    loc: &Locator<'_>,
    src: &SourceFile<'_>,
    body: &[ruff_python_ast::Stmt],
    module_name: &str,
    is_package: bool,
    mode: SourceMode,
    opts: &CompileOptions,
) -> Result<CompiledModule, Vec<Diagnostic>> {
    let mut diags = Vec::new();
    if let Some((at, msg)) = nesting::check_depth(body) {
        return Err(vec![loc.diagnostic(at, msg)]);
    }
    let (table, scope_errors) = scope::build(body);
    diags.extend(scope_errors.into_iter().map(|(at, msg)| loc.diagnostic(at, msg)));
    let result = codegen::compile(loc, table, body, module_name, mode, opts);
    match result {
        Ok((code, names)) if diags.is_empty() => {
            Ok(CompiledModule { name: module_name.to_string(), file: src.path.to_string(), is_package, names, code })
        }
        Ok(_) => {
            diagnostic::sort(&mut diags);
            Err(diags)
        }
        Err(more) => {
            diags.extend(more);
            diagnostic::sort(&mut diags);
            Err(diags)
        }
    }
}
