//! Code generation: AST plus scope table in, [`CodeUnit`]s out.
//!
//! One [`Unit`] is open per code object being compiled (module, class body, function, lambda,
//! comprehension); nested definitions push a unit, compile, assemble and pop it, and the
//! parent loads the finished code as a constant.
//!
//! Control flow that leaves a block early (`return`, `break`, `continue`) walks the unit's
//! stack of [`FBlock`]s from the inside out and emits each block's exit code: pop a `for`
//! iterator, `PopExcept` out of an `except` body, inline a `finally` body. While it does so the
//! active exception handlers and the statement-level stack depth are rolled back to what they
//! were outside each block, so the exit code is protected by the right handler and any `try`
//! inside an inlined `finally` gets the right depth.
//!
//! Statements are in [`stmt`], expressions in [`expr`].

mod expr;
mod future;
mod mpconst;
mod pattern;
mod stmt;

use frostbyte_format::{CodeFlags, Op};
use ruff_python_ast::{self as ast, Stmt};
use ruff_text_size::TextSize;

use crate::assemble::{HandlerId, Instr, InstrSeq, Label};
use crate::code::{CodeUnit, Const, ConstTable, NameTable};
use crate::diagnostic::{Diagnostic, Locator};
use crate::scope::{NameScope, ScopeId, ScopeKind, ScopeTable};

/// A block that early exits must unwind.
#[derive(Debug, Clone, Copy)]
enum FBlockKind<'a> {
    While {
        start: Label,
        exit: Label,
    },
    /// The iterator is on the stack.
    For {
        start: Label,
        exit: Label,
    },
    /// Body of a `try` with `except` clauses.
    TryExcept,
    /// Body of a `try` with `finally`: exits inline the finally body.
    FinallyTry {
        body: &'a [Stmt],
    },
    /// The exceptional-path finally body: `prev exc` are on the stack.
    FinallyEnd,
    /// The body of a `with` / `async with`: the bound `__exit__` is on the stack.
    With {
        is_async: bool,
        /// The `with` statement (the line of its `__exit__` call, as in CPython).
        at: TextSize,
    },
    /// An `except` body: `prev` is on the stack; the bound name is cleared on exit.
    HandlerCleanup {
        name: Option<&'a str>,
    },
    /// An `except*` body: `break`, `continue` and `return` cannot leave it.
    ExceptStar,
}

#[derive(Debug, Clone, Copy)]
struct FBlock<'a> {
    kind: FBlockKind<'a>,
    /// Active handlers outside this block (length of the handler stack).
    outer_handlers: usize,
    /// Statement-level stack depth outside this block.
    depth: u32,
}

/// A code object under construction.
struct Unit<'a> {
    scope: ScopeId,
    /// Enclosing class name, for private name mangling.
    private: Option<String>,
    name: String,
    qualname: String,
    flags: CodeFlags,
    first_line: u32,
    seq: InstrSeq,
    consts: ConstTable,
    /// Line given to emitted instructions.
    line: u32,
    /// Active exception handlers, innermost last.
    handlers: Vec<HandlerId>,
    fblocks: Vec<FBlock<'a>>,
    /// Values held on the stack by enclosing statements (iterators, saved exceptions).
    depth: u32,
    /// The body runs at most once per import: a module body, or a class body defined where
    /// code runs once (see [`Compiler::runs_once`]).
    once: bool,
}

/// Name access contexts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ctx {
    Load,
    Store,
    Del,
}

pub(crate) struct Compiler<'a> {
    loc: &'a Locator<'a>,
    table: ScopeTable,
    names: NameTable,
    diags: Vec<Diagnostic>,
    units: Vec<Unit<'a>>,
    /// The module's dotted name (`__module__` of its frozen class namespaces).
    module_name: String,
    /// What is kept beyond what the code needs (docstrings, asserts, line tables).
    opts: crate::CompileOptions,
    /// MicroPython `const()` names of the module body, folded at compile time.
    mp_consts: Vec<mpconst::MpConst>,
    /// `compile(..., 'single')`: expression statements of the module body (compound
    /// statements included, functions and classes not) go to `sys.displayhook`.
    interactive: bool,
    /// `from __future__ import annotations`: annotations are stored as text.
    future_annotations: bool,
    /// Where the module's leading future imports start (any other is an error).
    future_starts: future::FutureStarts,
}

/// Compile a module body. Returns the module code and its name table, or the diagnostics.
pub(crate) fn compile(
    loc: &Locator<'_>,
    table: ScopeTable,
    body: &[Stmt],
    module_name: &str,
    mode: crate::SourceMode,
    opts: &crate::CompileOptions,
) -> Result<(CodeUnit, Vec<String>), Vec<Diagnostic>> {
    let mut c = Compiler {
        loc,
        table,
        names: NameTable::default(),
        diags: Vec::new(),
        units: Vec::new(),
        module_name: module_name.to_string(),
        opts: *opts,
        mp_consts: mpconst::collect(body),
        interactive: mode == crate::SourceMode::Single,
        future_annotations: false,
        future_starts: Vec::new(),
    };
    c.future_directives(body);
    c.enter_unit(0, "<module>".into(), String::new(), CodeFlags::NAMESPACE, 1);
    match body {
        [Stmt::Expr(e)] if mode == crate::SourceMode::Eval => {
            c.expr(&e.value);
            c.emit(Op::ReturnValue, 0);
        }
        _ => {
            c.setup_annotations(body);
            c.docstring(body);
            c.body(body);
        }
    }
    let code = c.leave_unit(TextSize::new(0));
    if c.diags.is_empty() {
        Ok((code, c.names.into_vec()))
    } else {
        Err(c.diags)
    }
}

impl<'a> Compiler<'a> {
    // --- diagnostics ---

    fn error(&mut self, at: TextSize, msg: impl Into<String>) {
        self.diags.push(self.loc.diagnostic(at, msg));
    }

    fn unsupported(&mut self, at: TextSize, what: &str) {
        self.error(at, format!("unsupported: {what}"));
    }

    // --- units ---

    fn unit(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().expect("no open unit")
    }

    fn u(&self) -> &Unit<'a> {
        self.units.last().expect("no open unit")
    }

    fn enter_unit(&mut self, scope: ScopeId, name: String, qualname: String, flags: CodeFlags, first_line: u32) {
        let once = match self.table.scopes[scope].kind {
            ScopeKind::Module => true,
            ScopeKind::Class => !self.units.is_empty() && self.runs_once(),
            _ => false,
        };
        let private = if self.table.scopes[scope].kind == ScopeKind::Class {
            Some(name.clone())
        } else {
            self.units.last().and_then(|u| u.private.clone())
        };
        self.units.push(Unit {
            scope,
            private,
            name,
            qualname,
            flags,
            first_line,
            seq: InstrSeq::default(),
            consts: ConstTable::default(),
            line: first_line,
            handlers: Vec::new(),
            fblocks: Vec::new(),
            depth: 0,
            once,
        });
        let cells: Vec<String> = self.table.scopes[scope].cellvars.clone();
        for c in cells {
            let slot = self.table.scopes[scope].slot(&c).expect("cell without slot");
            self.emit(Op::MakeCell, slot as i64);
        }
    }

    /// Finish the open unit: add the implicit return if control can reach the end, assemble.
    fn leave_unit(&mut self, at: TextSize) -> CodeUnit {
        let ends_open = {
            let u = self.u();
            u.seq.end_is_labelled() || u.seq.instrs.last().is_none_or(|i| !crate::assemble::is_terminal(i.op))
        };
        if ends_open {
            let s = &self.table.scopes[self.u().scope];
            if s.kind == ScopeKind::Class && s.needs_class_cell {
                let slot = s.slot("__class__").expect("class cell slot");
                self.emit(Op::LoadClosure, slot as i64);
            } else {
                self.emit(Op::LoadNone, 0);
            }
            self.emit(Op::ReturnValue, 0);
        }
        let u = self.units.pop().expect("no open unit");
        let s = &self.table.scopes[u.scope];
        let mut flags = u.flags;
        if s.varargs {
            flags = flags.union(CodeFlags::VARARGS);
        }
        if s.varkw {
            flags = flags.union(CodeFlags::VARKEYWORDS);
        }
        if s.is_generator {
            flags = flags.union(CodeFlags::GENERATOR);
        }
        if s.is_async {
            // An `async def` (or async comprehension) runs as a generator frame; the object
            // its call makes is a coroutine, or an async generator when it yields.
            flags = flags.union(CodeFlags::GENERATOR).union(if s.is_generator {
                CodeFlags::ASYNC_GENERATOR
            } else {
                CodeFlags::COROUTINE
            });
        }
        let asm = match u.seq.assemble(u.first_line) {
            Ok(a) => a,
            Err(e) => {
                // Code after an earlier error may be inconsistent; only a clean unit's
                // failure is a compiler bug worth reporting.
                let msg = format!("internal compiler error in '{}': {e}", u.name);
                if self.diags.is_empty() {
                    self.diags.push(self.loc.diagnostic(at, msg));
                }
                crate::assemble::Assembled {
                    bytecode: Vec::new(),
                    line_table: Vec::new(),
                    exc_table: Vec::new(),
                    stack_size: 0,
                }
            }
        };
        let n_locals = s.slots.len();
        if n_locals > u16::MAX as usize {
            self.diags.push(self.loc.diagnostic(at, "too many local variables"));
        }
        if asm.bytecode.len() > u16::MAX as usize {
            self.diags.push(self.loc.diagnostic(at, "function too large (over 64 KiB of bytecode)"));
        }
        if u.consts.len() > u16::MAX as usize {
            self.diags.push(self.loc.diagnostic(at, "too many constants"));
        }
        let (first_line, line_table) = match self.opts.line_tables {
            crate::LineTables::Full => (u.first_line, asm.line_table),
            crate::LineTables::Functions => (u.first_line, Vec::new()),
            crate::LineTables::None => (0, Vec::new()),
        };
        CodeUnit {
            // The qualified name (`C.m`, `f.<locals>.g`); the module keeps `<module>`.
            name: if u.qualname.is_empty() { u.name } else { u.qualname },
            flags: flags.bits(),
            n_posargs: s.n_posargs,
            n_posonly: s.n_posonly,
            n_kwonly: s.n_kwonly,
            n_locals: n_locals as u16,
            n_free: s.n_free() as u16,
            stack_size: asm.stack_size as u16,
            first_line,
            bytecode: asm.bytecode,
            consts: u.consts.into_vec(),
            local_names: s.slots.clone(),
            line_table,
            exc_table: asm.exc_table,
        }
    }

    /// Qualified name of a definition named `name` inside the open unit.
    fn child_qualname(&self, name: &str) -> String {
        let u = self.u();
        match self.table.scopes[u.scope].kind {
            ScopeKind::Module => name.to_string(),
            ScopeKind::Class => format!("{}.{name}", u.qualname),
            _ => format!("{}.<locals>.{name}", u.qualname),
        }
    }

    // --- emission ---

    fn emit(&mut self, op: Op, a: i64) {
        self.emit2(op, a, 0);
    }

    fn emit2(&mut self, op: Op, a: i64, b: i64) {
        let u = self.unit();
        let handler = u.handlers.last().copied();
        u.seq.push(Instr { op, args: [a, b], target: None, line: u.line, handler });
    }

    fn emit_jump(&mut self, op: Op, target: Label) {
        let u = self.unit();
        let handler = u.handlers.last().copied();
        u.seq.push(Instr { op, args: [0, 0], target: Some(target), line: u.line, handler });
    }

    fn new_label(&mut self) -> Label {
        self.unit().seq.new_label()
    }

    fn bind(&mut self, l: Label) {
        self.unit().seq.bind(l);
    }

    fn load_const(&mut self, c: Const) {
        let k = self.unit().consts.add(c);
        self.emit(Op::LoadConst, k as i64);
    }

    fn name_index(&mut self, name: &str) -> i64 {
        self.names.add(name) as i64
    }

    fn set_line(&mut self, at: TextSize) -> u32 {
        let line = self.loc.line(at);
        std::mem::replace(&mut self.unit().line, line)
    }

    // --- names ---

    /// `name` as mangled inside the current class, if any.
    fn mangle(&self, name: &str) -> String {
        crate::scope::mangle(self.u().private.as_deref(), name)
    }

    /// Name-table index of an attribute name (mangled like variables).
    fn attr_index(&mut self, name: &str) -> i64 {
        let m = self.mangle(name);
        self.name_index(&m)
    }

    fn name_op(&mut self, name: &str, ctx: Ctx) {
        let mangled = self.mangle(name);
        let name = mangled.as_str();
        let s = &self.table.scopes[self.u().scope];
        let fast = s.kind.is_function();
        let kind = s.lookup(name);
        let slot = s.slot(name);
        let module_level = matches!(s.kind, ScopeKind::Module) && kind == NameScope::Local;
        if ctx == Ctx::Load && (matches!(kind, NameScope::GlobalExplicit | NameScope::GlobalImplicit) || module_level) {
            if let Some(v) = self.mp_consts.iter().find(|c| c.name == name).map(|c| c.value) {
                self.load_const(Const::Int(v));
                return;
            }
        }
        let (load, store, del, arg) = match kind {
            NameScope::Local if fast => {
                (Op::LoadFast, Op::StoreFast, Op::DeleteFast, slot.expect("local without slot") as i64)
            }
            NameScope::Cell | NameScope::Free => {
                (Op::LoadDeref, Op::StoreDeref, Op::DeleteDeref, slot.expect("cell/free without slot") as i64)
            }
            NameScope::GlobalExplicit | NameScope::GlobalImplicit if fast => {
                (Op::LoadGlobal, Op::StoreGlobal, Op::DeleteGlobal, self.name_index(name))
            }
            NameScope::GlobalExplicit => (Op::LoadGlobal, Op::StoreGlobal, Op::DeleteGlobal, self.name_index(name)),
            _ => (Op::LoadName, Op::StoreName, Op::DeleteName, self.name_index(name)),
        };
        let op = match ctx {
            Ctx::Load => load,
            Ctx::Store => store,
            Ctx::Del => del,
        };
        self.emit(op, arg);
    }

    // --- blocks and early exits ---

    fn push_fblock(&mut self, kind: FBlockKind<'a>, outer_handlers: usize) {
        let depth = self.u().depth;
        self.unit().fblocks.push(FBlock { kind, outer_handlers, depth });
    }

    fn pop_fblock(&mut self) {
        self.unit().fblocks.pop();
    }

    fn push_handler(&mut self, label: Label, depth: u32) -> usize {
        let u = self.unit();
        let outer = u.handlers.len();
        let h = u.seq.new_handler(label, depth);
        u.handlers.push(h);
        outer
    }

    fn pop_handler(&mut self) {
        self.unit().handlers.pop();
    }

    /// Emit the exit code of the blocks above index `stop` (innermost first). With `preserve`,
    /// a value on top of the stack is kept above everything being popped.
    fn unwind(&mut self, stop: usize, preserve: bool) {
        let n = self.u().fblocks.len();
        for i in (stop..n).rev() {
            let fb = self.u().fblocks[i];
            let keep = preserve as u32;
            self.unit().handlers.truncate(fb.outer_handlers);
            match fb.kind {
                FBlockKind::While { .. } | FBlockKind::TryExcept | FBlockKind::ExceptStar => {}
                FBlockKind::For { .. } => {
                    if preserve {
                        self.emit(Op::Swap, 2);
                    }
                    self.emit(Op::PopTop, 0);
                }
                FBlockKind::FinallyTry { body } => {
                    self.unit().fblocks.truncate(i);
                    self.unit().depth = fb.depth + keep;
                    self.body(body);
                }
                FBlockKind::With { is_async, at } => {
                    if preserve {
                        self.emit(Op::Swap, 2);
                    }
                    self.unit().depth = fb.depth + 1 + keep;
                    let saved = self.set_line(at);
                    self.with_exit_call(is_async);
                    self.unit().line = saved;
                }
                FBlockKind::FinallyEnd => {
                    if preserve {
                        self.emit(Op::Swap, 2);
                    }
                    self.emit(Op::PopTop, 0);
                    if preserve {
                        self.emit(Op::Swap, 2);
                    }
                    self.emit(Op::PopExcept, 0);
                }
                FBlockKind::HandlerCleanup { name } => {
                    if preserve {
                        self.emit(Op::Swap, 2);
                    }
                    self.emit(Op::PopExcept, 0);
                    if let Some(name) = name {
                        self.clear_name(name);
                    }
                }
            }
            self.unit().depth = fb.depth + keep;
        }
    }

    /// `name = None; del name` (end of an `except ... as name` body).
    fn clear_name(&mut self, name: &str) {
        self.emit(Op::LoadNone, 0);
        self.name_op(name, Ctx::Store);
        self.name_op(name, Ctx::Del);
    }

    /// Run `f` with the block state saved, restoring it afterwards (early exits change it
    /// only for the code they emit).
    fn with_saved_blocks(&mut self, f: impl FnOnce(&mut Self)) {
        let u = self.u();
        let (handlers, fblocks, depth) = (u.handlers.clone(), u.fblocks.clone(), u.depth);
        f(self);
        let u = self.unit();
        u.handlers = handlers;
        u.fblocks = fblocks;
        u.depth = depth;
    }

    // --- functions, classes ---

    /// Module and class bodies store their docstring as `__doc__` (functions keep theirs as
    /// `consts[0]`, see [`Compiler::function_docstring`]).
    fn docstring(&mut self, body: &'a [Stmt]) {
        if !self.opts.docstrings {
            return;
        }
        if let Some(Stmt::Expr(e)) = body.first() {
            if let ast::Expr::StringLiteral(s) = &*e.value {
                let saved = self.set_line(e.range.start());
                self.load_const(Const::Str(s.value.to_str().to_string()));
                self.name_op("__doc__", Ctx::Store);
                self.unit().line = saved;
            }
        }
    }

    /// A function body's docstring becomes `consts[0]` of the freshly opened unit, flagged
    /// `DOCSTRING` (the VM's `__doc__`); no code is emitted for it.
    fn function_docstring(&mut self, body: &'a [Stmt]) {
        if !self.opts.docstrings {
            return;
        }
        if let Some(Stmt::Expr(e)) = body.first() {
            if let ast::Expr::StringLiteral(s) = &*e.value {
                let u = self.unit();
                debug_assert!(u.consts.is_empty(), "docstring must be consts[0]");
                u.consts.add(Const::Str(s.value.to_str().to_string()));
                u.flags = u.flags.union(CodeFlags::DOCSTRING);
            }
        }
    }

    /// Emit positional defaults (tuple) and keyword-only defaults (dict); returns the
    /// `MakeFunction` flags for them.
    fn defaults(&mut self, params: Option<&'a ast::Parameters>) -> i64 {
        let Some(params) = params else { return 0 };
        let mut flags = 0;
        let pos: Vec<&'a ast::Expr> =
            params.posonlyargs.iter().chain(params.args.iter()).filter_map(|p| p.default.as_deref()).collect();
        if !pos.is_empty() {
            self.tuple_of(&pos);
            flags |= 1;
        }
        let kw: Vec<(&'a str, &'a ast::Expr)> = params
            .kwonlyargs
            .iter()
            .filter_map(|p| p.default.as_deref().map(|d| (p.parameter.name.as_str(), d)))
            .collect();
        if !kw.is_empty() {
            for (name, d) in &kw {
                let key = self.mangle(name);
                self.load_const(Const::Str(key));
                self.expr(d);
            }
            self.emit(Op::BuildMap, kw.len() as i64);
            flags |= 2;
        }
        flags
    }

    /// Push the closure tuple (if the child has free variables), the code, and `MakeFunction`.
    fn make_function(&mut self, code: CodeUnit, child: ScopeId, mut flags: i64, at: TextSize) {
        let frees = self.table.scopes[child].freevars.clone();
        if !frees.is_empty() {
            for name in &frees {
                match self.table.scopes[self.u().scope].slot(name) {
                    Some(slot) => self.emit(Op::LoadClosure, slot as i64),
                    None => self.error(at, format!("internal compiler error: no cell for '{name}'")),
                }
            }
            self.emit(Op::BuildTuple, frees.len() as i64);
            flags |= 4;
        }
        self.load_const(Const::Code(Box::new(code)));
        self.emit(Op::MakeFunction, flags);
    }

    /// Does code at the current point run at most once per import? True in a module body or
    /// a once-running class body, outside `for` and `while` loops. A function defined there
    /// can be frozen whole (one ROM object for its single creation).
    fn runs_once(&self) -> bool {
        let u = self.u();
        u.once && !u.fblocks.iter().any(|b| matches!(b.kind, FBlockKind::While { .. } | FBlockKind::For { .. }))
    }

    /// If the function about to be defined can be a ROM object (it runs once, has no closure,
    /// no keyword-only defaults and only constant positional defaults), its defaults tuple
    /// (`None` without defaults).
    fn rom_defaults(&self, params: &'a ast::Parameters, child: ScopeId) -> Option<Option<Box<Const>>> {
        if !self.runs_once() || !self.table.scopes[child].freevars.is_empty() {
            return None;
        }
        Self::const_defaults(params)
    }

    /// The positional defaults of `params` as a constant tuple (`None` inside without
    /// defaults), or `None` if there are keyword-only defaults or a default is not constant.
    fn const_defaults(params: &'a ast::Parameters) -> Option<Option<Box<Const>>> {
        if params.kwonlyargs.iter().any(|p| p.default.is_some()) {
            return None;
        }
        let defaults = params
            .posonlyargs
            .iter()
            .chain(params.args.iter())
            .filter_map(|p| p.default.as_deref())
            .map(Self::const_value)
            .collect::<Option<Vec<Const>>>()?;
        Some(if defaults.is_empty() { None } else { Some(Box::new(Const::Tuple(defaults))) })
    }

    /// Push a function frozen whole (see [`Const::Function`]).
    fn rom_function(&mut self, code: CodeUnit, defaults: Option<Box<Const>>) {
        let k = self.unit().consts.add(Const::Function { code: Box::new(code), defaults });
        self.emit(Op::MakeRomFunction, k as i64);
    }

    fn function_def(&mut self, f: &'a ast::StmtFunctionDef) {
        if f.type_params.is_some() {
            return self.unsupported(f.range.start(), "type parameters");
        }
        for d in &f.decorator_list {
            self.expr(&d.expression);
        }
        let scope = self.table.of(f);
        let annotations = crate::scope::annotations(&f.parameters, f.returns.as_deref());
        let rom = if annotations.is_empty() { self.rom_defaults(&f.parameters, scope) } else { None };
        let flags = if rom.is_some() { 0 } else { self.defaults(Some(&f.parameters)) };
        let name = f.name.to_string();
        let code = self.function_code(f);
        match rom {
            Some(defaults) => self.rom_function(code, defaults),
            None => self.make_function(code, scope, flags, f.range.start()),
        }
        if !annotations.is_empty() {
            // `fn.__annotations__ = {name: annotation, ...}`, evaluated now, as CPython 3.11
            // does when the `def` runs (after the defaults).
            self.emit(Op::Copy, 1);
            for (n, a) in &annotations {
                let key = self.mangle(n);
                self.load_const(Const::Str(key));
                self.annotation(a);
            }
            self.emit(Op::BuildMap, annotations.len() as i64);
            self.emit(Op::Swap, 2);
            let attr = self.name_index("__annotations__");
            self.emit(Op::StoreAttr, attr);
        }
        for _ in &f.decorator_list {
            self.emit(Op::Call, 1);
        }
        self.name_op(&name, Ctx::Store);
    }

    /// Compile the body of `def f` into its code object.
    fn function_code(&mut self, f: &'a ast::StmtFunctionDef) -> CodeUnit {
        let scope = self.table.of(f);
        let qualname = self.child_qualname(f.name.as_str());
        let first_line = self.loc.line(f.range.start());
        self.enter_unit(scope, f.name.to_string(), qualname, CodeFlags::default(), first_line);
        self.function_docstring(&f.body);
        self.body(&f.body);
        self.leave_unit(f.range.start())
    }

    /// Can the body of class `c` be frozen whole as a ROM namespace (see
    /// [`Const::Namespace`])? It must run once, and every statement must be a constant
    /// expression (a docstring, `...`), `pass`, `name = <constant>`, or an undecorated `def`
    /// that is frozen as a ROM function; at most [`crate::code::NAMESPACE_MAX`] entries.
    /// A method may use `__class__` (zero-argument `super()`), its only free variable: the
    /// VM gives the frozen function the class's cell when it builds the class.
    /// The built-in descriptor a decorator names (`@property`, `@classmethod`,
    /// `@staticmethod`, a bare name), if any.
    fn builtin_decorator(d: &ast::Decorator) -> Option<crate::code::Decorator> {
        match &d.expression {
            ast::Expr::Name(n) => crate::code::Decorator::from_name(n.id.as_str()),
            _ => None,
        }
    }

    fn rom_namespace_ok(&self, c: &'a ast::StmtClassDef, scope: ScopeId) -> bool {
        if !self.runs_once() || !self.table.scopes[scope].freevars.is_empty() {
            return false;
        }
        let mut names: Vec<String> = vec!["__module__".into(), "__qualname__".into()];
        let mut decorators: Vec<&str> = Vec::new();
        let mut add = |n: String| {
            if !names.contains(&n) {
                names.push(n);
            }
        };
        let private = Some(c.name.as_str());
        for (i, st) in c.body.iter().enumerate() {
            match st {
                Stmt::Pass(_) => {}
                Stmt::Expr(e) => {
                    if Self::const_value(&e.value).is_none() {
                        return false;
                    }
                    if i == 0 && e.value.is_string_literal_expr() && self.opts.docstrings {
                        add("__doc__".into());
                    }
                }
                Stmt::Assign(a) => {
                    let [ast::Expr::Name(n)] = a.targets.as_slice() else { return false };
                    if Self::const_value(&a.value).is_none() {
                        return false;
                    }
                    add(crate::scope::mangle(private, n.id.as_str()));
                }
                Stmt::FunctionDef(f) => {
                    if f.is_async || f.type_params.is_some() || f.decorator_list.len() > 1 {
                        return false;
                    }
                    if !crate::scope::annotations(&f.parameters, f.returns.as_deref()).is_empty() {
                        return false;
                    }
                    let child = self.table.of(f);
                    let frees = &self.table.scopes[child].freevars;
                    if frees.iter().any(|v| v != "__class__") || Self::const_defaults(&f.parameters).is_none() {
                        return false;
                    }
                    if let Some(d) = f.decorator_list.first() {
                        // Only a built-in descriptor decorator that cannot mean anything else,
                        // on a method without `__class__`.
                        match Self::builtin_decorator(d) {
                            Some(k) if frees.is_empty() && self.table.always_builtin(k.name()) => {
                                decorators.push(k.name())
                            }
                            _ => return false,
                        }
                    }
                    add(crate::scope::mangle(private, f.name.as_str()));
                }
                _ => return false,
            }
        }
        // A decorator name the class body binds itself would not be the builtin.
        if decorators.iter().any(|d| names.iter().any(|n| n == d)) {
            return false;
        }
        let extra_hash = names.iter().any(|n| n == "__eq__") && !names.iter().any(|n| n == "__hash__");
        names.len() + extra_hash as usize <= crate::code::NAMESPACE_MAX
    }

    /// The namespace the body of class `c` (qualified by [`Self::rom_namespace_ok`]) would
    /// build, in insertion order, with its methods compiled as frozen functions. The class
    /// unit must be open. `__module__` is the module's name as frozen; the VM checks it
    /// against the running module's `__name__`.
    fn rom_namespace(&mut self, c: &'a ast::StmtClassDef, qualname: &str) -> Vec<(String, Const)> {
        let mut entries: Vec<(String, Const)> = vec![
            ("__module__".into(), Const::Str(self.module_name.clone())),
            ("__qualname__".into(), Const::Str(qualname.to_string())),
        ];
        let set = |entries: &mut Vec<(String, Const)>, k: String, v: Const| match entries.iter_mut().find(|e| e.0 == k)
        {
            Some(e) => e.1 = v,
            None => entries.push((k, v)),
        };
        for (i, st) in c.body.iter().enumerate() {
            match st {
                Stmt::Expr(e) if i == 0 && self.opts.docstrings => {
                    if let ast::Expr::StringLiteral(s) = &*e.value {
                        set(&mut entries, "__doc__".into(), Const::Str(s.value.to_str().to_string()));
                    }
                }
                Stmt::Assign(a) => {
                    if let ([ast::Expr::Name(n)], Some(v)) = (a.targets.as_slice(), Self::const_value(&a.value)) {
                        set(&mut entries, self.mangle(n.id.as_str()), v);
                    }
                }
                Stmt::FunctionDef(f) => {
                    let defaults = Self::const_defaults(&f.parameters).flatten();
                    let code = self.function_code(f);
                    let func = Const::Function { code: Box::new(code), defaults };
                    let value = match f.decorator_list.first().and_then(Self::builtin_decorator) {
                        Some(kind) => Const::Descriptor { kind, func: Box::new(func) },
                        None => func,
                    };
                    set(&mut entries, self.mangle(f.name.as_str()), value);
                }
                _ => {}
            }
        }
        if entries.iter().any(|e| e.0 == "__eq__") && !entries.iter().any(|e| e.0 == "__hash__") {
            entries.push(("__hash__".into(), Const::None));
        }
        entries
    }

    fn class_def(&mut self, c: &'a ast::StmtClassDef) {
        let at = c.range.start();
        if c.type_params.is_some() {
            return self.unsupported(at, "type parameters");
        }
        // Keywords (`metaclass=`, `__init_subclass__` arguments) or starred bases: the class
        // is made by the builtin `__build_class__(body, name, *bases, **kw)`, as CPython does.
        let build = c
            .arguments
            .as_deref()
            .is_some_and(|a| !a.keywords.is_empty() || a.args.iter().any(|b| b.is_starred_expr()));
        for d in &c.decorator_list {
            self.expr(&d.expression);
        }
        let scope = self.table.of(c);
        let name = c.name.to_string();
        let qualname = self.child_qualname(&name);
        let first_line = self.loc.line(at);
        let bases: &'a [ast::Expr] = c.arguments.as_deref().map_or(&[], |a| &a.args);
        if !build && self.rom_namespace_ok(c, scope) {
            // The body only binds constants and frozen functions: freeze the namespace it
            // would build (the class unit stays open while the methods compile).
            self.enter_unit(scope, name.clone(), qualname.clone(), CodeFlags::NAMESPACE, first_line);
            let entries = self.rom_namespace(c, &qualname);
            let _ = self.leave_unit(at);
            self.load_const(Const::Str(name.clone()));
            for b in bases {
                self.expr(b);
            }
            let k = self.unit().consts.add(Const::Namespace(entries));
            self.emit2(Op::BuildRomClass, k as i64, bases.len() as i64);
            for _ in &c.decorator_list {
                self.emit(Op::Call, 1);
            }
            self.name_op(&name, Ctx::Store);
            return;
        }
        if build {
            let n = self.name_index("__build_class__");
            self.emit(Op::LoadGlobal, n);
        }
        self.enter_unit(scope, name.clone(), qualname.clone(), CodeFlags::NAMESPACE, first_line);
        self.name_op("__name__", Ctx::Load);
        self.name_op("__module__", Ctx::Store);
        self.load_const(Const::Str(qualname));
        self.name_op("__qualname__", Ctx::Store);
        self.setup_annotations(&c.body);
        self.docstring(&c.body);
        self.body(&c.body);
        let code = self.leave_unit(at);
        if self.runs_once() && self.table.scopes[scope].freevars.is_empty() {
            self.rom_function(code, None);
        } else {
            self.make_function(code, scope, 0, at);
        }
        self.load_const(Const::Str(name.clone()));
        if let (true, Some(args)) = (build, c.arguments.as_deref()) {
            self.star_call(2, &args.args, &args.keywords);
        } else {
            for b in bases {
                self.expr(b);
            }
            self.emit(Op::BuildClass, bases.len() as i64);
        }
        for _ in &c.decorator_list {
            self.emit(Op::Call, 1);
        }
        self.name_op(&name, Ctx::Store);
    }
}
