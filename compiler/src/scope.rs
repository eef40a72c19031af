//! Scope analysis: which names are local, cell, free or global in each code object.
//!
//! Two passes, as CPython's `symtable.c`:
//! 1. [`build`] walks the AST once and records, per scope (module, class, function, lambda,
//!    comprehension), every name with how it is used: assigned, read, parameter, declared
//!    `global`/`nonlocal`. Declaration errors are reported here.
//! 2. `analyze` resolves each name top-down, passing the set of names bound by enclosing
//!    *function* scopes (class scopes are skipped, as in Python), and propagates free
//!    variables bottom-up: a name free in a child is a cell in the function that binds it and
//!    a pass-through free variable of every scope in between.
//!
//! Zero-argument `super` counts as a use of `__class__` in function scopes; class scopes bind
//! `__class__` for their children and get a `__class__` cell when a child uses it.
//!
//! Scopes are looked up by the address of the AST node that creates them; the AST outlives
//! the table and is not moved in between.

use std::collections::{HashMap, HashSet};

use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, Expr, ExprContext, Stmt};
use ruff_text_size::{Ranged, TextSize};

/// Index of a scope in its [`ScopeTable`].
pub(crate) type ScopeId = usize;

/// What kind of code object a scope becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ScopeKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension,
}

impl ScopeKind {
    /// Functions, lambdas and comprehensions: names live in fast slots.
    pub(crate) fn is_function(self) -> bool {
        matches!(self, ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension)
    }
}

/// Where a name lives, as seen from one scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NameScope {
    /// A fast slot (functions) or the namespace dict (module and class bodies).
    Local,
    /// A local captured by an inner function: a cell in a slot.
    Cell,
    /// A variable of an enclosing function: a cell from the closure.
    Free,
    /// Declared `global`.
    GlobalExplicit,
    /// Not bound anywhere visible: a global or builtin.
    GlobalImplicit,
}

const ASSIGNED: u8 = 1;
const USED: u8 = 2;
const PARAM: u8 = 4;
const GLOBAL: u8 = 8;
const NONLOCAL: u8 = 16;
/// Bound as the target of a comprehension's `for` (CPython's `DEF_COMP_ITER`).
const COMP_ITER: u8 = 32;

#[derive(Debug, Default, Clone)]
struct Sym {
    flags: u8,
    decl: Option<TextSize>,
}

/// One scope with its analysed names and slot layout.
#[derive(Debug)]
pub(crate) struct Scope {
    pub(crate) kind: ScopeKind,
    /// Parameter names in slot order: positional, keyword-only, `*args`, `**kwargs`.
    pub(crate) params: Vec<String>,
    pub(crate) n_posargs: u16,
    pub(crate) n_posonly: u16,
    pub(crate) n_kwonly: u16,
    pub(crate) varargs: bool,
    pub(crate) varkw: bool,
    pub(crate) is_generator: bool,
    /// An `async def`, or a comprehension that awaits (an async comprehension).
    pub(crate) is_async: bool,
    /// A class body whose methods need the `__class__` cell.
    pub(crate) needs_class_cell: bool,
    /// A module with `from ... import *` (it may bind any name).
    pub(crate) star_import: bool,
    children: Vec<ScopeId>,
    order: Vec<String>,
    syms: HashMap<String, Sym>,
    resolved: HashMap<String, NameScope>,
    /// Names needing `MakeCell` at entry (in slot order).
    pub(crate) cellvars: Vec<String>,
    /// Free variables, in the order of the last `n_free` slots.
    pub(crate) freevars: Vec<String>,
    /// Names of all local slots.
    pub(crate) slots: Vec<String>,
    slot_index: HashMap<String, u32>,
}

impl Scope {
    fn new(kind: ScopeKind) -> Scope {
        Scope {
            kind,
            params: Vec::new(),
            n_posargs: 0,
            n_posonly: 0,
            n_kwonly: 0,
            varargs: false,
            varkw: false,
            is_generator: false,
            is_async: false,
            needs_class_cell: false,
            star_import: false,
            children: Vec::new(),
            order: Vec::new(),
            syms: HashMap::new(),
            resolved: HashMap::new(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
            slots: Vec::new(),
            slot_index: HashMap::new(),
        }
    }

    fn note(&mut self, name: &str, flag: u8) -> &mut Sym {
        if !self.syms.contains_key(name) {
            self.order.push(name.to_string());
        }
        let s = self.syms.entry(name.to_string()).or_default();
        s.flags |= flag;
        s
    }

    /// How a name is accessed from this scope.
    pub(crate) fn lookup(&self, name: &str) -> NameScope {
        match self.resolved.get(name) {
            Some(s) => *s,
            None if self.kind.is_function() => NameScope::GlobalImplicit,
            None => NameScope::Local,
        }
    }

    /// Local slot of a name (parameters, fast locals, cells, free variables).
    pub(crate) fn slot(&self, name: &str) -> Option<u32> {
        self.slot_index.get(name).copied()
    }

    pub(crate) fn n_free(&self) -> usize {
        self.freevars.len()
    }
}

/// All scopes of a module; scope 0 is the module.
#[derive(Debug)]
pub(crate) struct ScopeTable {
    pub(crate) scopes: Vec<Scope>,
    by_node: HashMap<usize, ScopeId>,
}

impl ScopeTable {
    /// The scope created by an AST node (function, class, lambda, comprehension).
    pub(crate) fn of<T>(&self, node: &T) -> ScopeId {
        self.by_node[&(node as *const T as usize)]
    }

    /// Does `name`, read at module level, always mean the builtin? True when the module
    /// never binds it (assignment, import, `def`, `class`, `del`, ...), has no star import,
    /// and no function declares it `global` (builtins themselves cannot be rebound in the VM).
    pub(crate) fn always_builtin(&self, name: &str) -> bool {
        let module = &self.scopes[0];
        !module.star_import
            && module.syms.get(name).is_none_or(|s| s.flags & ASSIGNED == 0)
            && !self.scopes.iter().any(|s| s.syms.get(name).is_some_and(|x| x.flags & GLOBAL != 0))
    }
}

/// Private name mangling, as CPython: inside class `C`, `__x` becomes `_C__x` (names ending in
/// `__`, dotted names and classes named only `_` are left alone).
pub(crate) fn mangle(private: Option<&str>, name: &str) -> String {
    let Some(class) = private else {
        return name.to_string();
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let stripped = class.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}

/// A scope error: position and message.
pub(crate) type ScopeError = (TextSize, String);

/// Build and analyse the scopes of a module.
pub(crate) fn build(module: &[Stmt]) -> (ScopeTable, Vec<ScopeError>) {
    let mut b = Builder {
        table: ScopeTable { scopes: vec![Scope::new(ScopeKind::Module)], by_node: HashMap::new() },
        stack: vec![0],
        private: vec![None],
        errors: Vec::new(),
        in_comp_target: false,
        in_comp_iter: 0,
        comp_at: Vec::new(),
    };
    b.visit_body(module);
    let mut errors = b.errors;
    let mut table = b.table;
    analyze(&mut table, 0, &HashSet::new(), &mut errors);
    (table, errors)
}

struct Builder {
    table: ScopeTable,
    stack: Vec<ScopeId>,
    /// Class name for private name mangling, per open scope.
    private: Vec<Option<String>>,
    errors: Vec<ScopeError>,
    /// Inside the target of a comprehension's `for`: bound names get `COMP_ITER`.
    in_comp_target: bool,
    /// Depth of comprehension iterable expressions being visited (no walrus there).
    in_comp_iter: u32,
    /// Where each open comprehension starts (innermost last).
    comp_at: Vec<TextSize>,
}

impl Builder {
    fn cur(&mut self) -> &mut Scope {
        let id = *self.stack.last().expect("scope stack empty");
        &mut self.table.scopes[id]
    }

    fn mangle(&self, name: &str) -> String {
        mangle(self.private.last().and_then(|p| p.as_deref()), name)
    }

    fn pop(&mut self) {
        self.stack.pop();
        self.private.pop();
    }

    fn push<T>(&mut self, node: &T, kind: ScopeKind) -> ScopeId {
        let private = self.private.last().cloned().flatten();
        self.private.push(private);
        let id = self.table.scopes.len();
        self.table.scopes.push(Scope::new(kind));
        let parent = *self.stack.last().expect("scope stack empty");
        self.table.scopes[parent].children.push(id);
        self.table.by_node.insert(node as *const T as usize, id);
        self.stack.push(id);
        id
    }

    fn bind(&mut self, name: &str) {
        let name = self.mangle(name);
        let flags = if self.in_comp_target { ASSIGNED | COMP_ITER } else { ASSIGNED };
        self.cur().note(&name, flags);
    }

    /// `name := value` inside a comprehension binds `name` in the nearest enclosing
    /// function or module (CPython's `symtable_extend_namedexpr_scope`): the comprehension
    /// sees it as a free variable (or a global), the function as a local.
    fn comprehension_walrus(&mut self, name: &str, at: TextSize) {
        let name = self.mangle(name);
        let mut outer = None;
        for &id in self.stack.iter().rev() {
            let s = &self.table.scopes[id];
            if s.kind == ScopeKind::Comprehension {
                if s.syms.get(&name).is_some_and(|x| x.flags & COMP_ITER != 0) {
                    self.errors.push((
                        at,
                        format!("assignment expression cannot rebind comprehension iteration variable '{name}'"),
                    ));
                    return;
                }
                continue;
            }
            outer = Some(id);
            break;
        }
        let Some(outer) = outer else { return };
        match self.table.scopes[outer].kind {
            ScopeKind::Class => self
                .errors
                .push((at, "assignment expression within a comprehension cannot be used in a class body".into())),
            ScopeKind::Module => {
                self.cur().note(&name, ASSIGNED | GLOBAL);
                self.table.scopes[outer].note(&name, ASSIGNED);
            }
            _ => {
                let global = self.table.scopes[outer].syms.get(&name).is_some_and(|x| x.flags & GLOBAL != 0);
                let s = self.cur().note(&name, ASSIGNED | if global { GLOBAL } else { NONLOCAL });
                s.decl = Some(at);
                self.table.scopes[outer].note(&name, ASSIGNED);
            }
        }
    }

    fn add_params(&mut self, params: &ast::Parameters) {
        let mut names: Vec<String> = Vec::new();
        for p in params.posonlyargs.iter().chain(params.args.iter()).chain(params.kwonlyargs.iter()) {
            names.push(self.mangle(p.parameter.name.as_str()));
        }
        let vararg = params.vararg.as_ref().map(|v| self.mangle(v.name.as_str()));
        let kwarg = params.kwarg.as_ref().map(|k| self.mangle(k.name.as_str()));
        let s = self.cur();
        s.params = names;
        s.n_posonly = params.posonlyargs.len() as u16;
        s.n_posargs = (params.posonlyargs.len() + params.args.len()) as u16;
        s.n_kwonly = params.kwonlyargs.len() as u16;
        if let Some(v) = vararg {
            s.params.push(v);
            s.varargs = true;
        }
        if let Some(k) = kwarg {
            s.params.push(k);
            s.varkw = true;
        }
        for name in s.params.clone() {
            s.note(&name, PARAM);
        }
    }

    /// Defaults are evaluated in the enclosing scope.
    fn visit_defaults(&mut self, params: &ast::Parameters) {
        for p in params.iter_non_variadic_params() {
            if let Some(d) = &p.default {
                self.visit_expr(d);
            }
        }
    }

    fn declare(&mut self, names: &[ast::Identifier], nonlocal: bool, at: TextSize) {
        let kind = self.cur().kind;
        let word = if nonlocal { "nonlocal" } else { "global" };
        if nonlocal && kind == ScopeKind::Module {
            self.errors.push((at, "nonlocal declaration not allowed at module level".into()));
            return;
        }
        for n in names {
            let mangled = self.mangle(n.as_str());
            let name = mangled.as_str();
            let (flags, earlier) = self.cur().syms.get(name).map_or((0, None), |s| (s.flags, s.decl));
            // CPython points at the statement; for "nonlocal and global" at the first one.
            let mut pos = at;
            let msg = if flags & PARAM != 0 {
                Some(format!("name '{name}' is parameter and {word}"))
            } else if flags & (if nonlocal { GLOBAL } else { NONLOCAL }) != 0 {
                pos = earlier.unwrap_or(at);
                Some(format!("name '{name}' is nonlocal and global"))
            } else if flags & USED != 0 {
                Some(format!("name '{name}' is used prior to {word} declaration"))
            } else if flags & ASSIGNED != 0 {
                Some(format!("name '{name}' is assigned to before {word} declaration"))
            } else {
                None
            };
            if let Some(m) = msg {
                self.errors.push((pos, m));
                continue;
            }
            let s = self.cur().note(name, if nonlocal { NONLOCAL } else { GLOBAL });
            s.decl = Some(at);
        }
    }

    /// `await`, `async with` and `async for` need an `async def` (a comprehension inside
    /// one becomes an async comprehension).
    fn check_async(&mut self, at: TextSize, outside_fn: &str, outside_async: &str) {
        let n = self.stack.len();
        // The outermost comprehension passed on the way out, which CPython blames.
        let mut comp: Option<TextSize> = None;
        let mut depth = self.comp_at.len();
        for i in (0..n).rev() {
            let s = &mut self.table.scopes[self.stack[i]];
            let msg = match s.kind {
                ScopeKind::Comprehension => {
                    s.is_async = true;
                    depth = depth.saturating_sub(1);
                    comp = self.comp_at.get(depth).copied();
                    continue;
                }
                ScopeKind::Function if s.is_async => return,
                ScopeKind::Function | ScopeKind::Lambda => outside_async,
                ScopeKind::Module | ScopeKind::Class => outside_fn,
            };
            match comp {
                Some(c) => {
                    self.errors.push((c, "asynchronous comprehension outside of an asynchronous function".into()))
                }
                None => self.errors.push((at, msg.into())),
            }
            return;
        }
    }

    fn comprehension(&mut self, node: &Expr, gens: &[ast::Comprehension], elts: &[&Expr]) {
        if let Some(first) = gens.first() {
            self.in_comp_iter += 1;
            self.visit_expr(&first.iter);
            self.in_comp_iter -= 1;
        }
        self.push(node, ScopeKind::Comprehension);
        self.comp_at.push(node.start());
        {
            let s = self.cur();
            s.params.push(".0".into());
            s.n_posargs = 1;
            s.note(".0", PARAM);
        }
        if let Some(g) = gens.iter().find(|g| g.is_async) {
            let msg = "asynchronous comprehension outside of an asynchronous function";
            self.check_async(g.range.start(), msg, msg);
        }
        for (i, g) in gens.iter().enumerate() {
            if i > 0 {
                self.in_comp_iter += 1;
                self.visit_expr(&g.iter);
                self.in_comp_iter -= 1;
            }
            self.in_comp_target = true;
            self.visit_expr(&g.target);
            self.in_comp_target = false;
            for cond in &g.ifs {
                self.visit_expr(cond);
            }
        }
        for e in elts {
            self.visit_expr(e);
        }
        self.comp_at.pop();
        self.pop();
    }
}

/// CPython 3.11's default `sys.get_int_max_str_digits()`: its compiler refuses decimal int
/// literals with more digits (a SyntaxError), as `int(text)` would.
const MAX_STR_DIGITS: usize = 4300;

/// The digit count of a decimal int literal token over [`MAX_STR_DIGITS`] (`0x`, `0o` and
/// `0b` literals are never limited).
fn over_str_digit_limit(token: &str) -> Option<usize> {
    let t = token.as_bytes();
    if t.len() > 1 && t[0] == b'0' && matches!(t[1], b'x' | b'X' | b'o' | b'O' | b'b' | b'B') {
        return None;
    }
    let digits = t.iter().filter(|c| c.is_ascii_digit()).count();
    (digits > MAX_STR_DIGITS).then_some(digits)
}

impl<'a> Visitor<'a> for Builder {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        match stmt {
            Stmt::FunctionDef(f) => {
                for d in &f.decorator_list {
                    self.visit_expr(&d.expression);
                }
                self.visit_defaults(&f.parameters);
                // Annotations are evaluated when the `def` runs, in the enclosing scope.
                for a in annotations(&f.parameters, f.returns.as_deref()) {
                    self.visit_expr(a.1);
                }
                self.bind(f.name.as_str());
                self.push(f, ScopeKind::Function);
                self.cur().is_async = f.is_async;
                self.add_params(&f.parameters);
                self.visit_body(&f.body);
                self.pop();
            }
            Stmt::ClassDef(c) => {
                for d in &c.decorator_list {
                    self.visit_expr(&d.expression);
                }
                if let Some(args) = &c.arguments {
                    self.visit_arguments(args);
                }
                self.bind(c.name.as_str());
                self.push(c, ScopeKind::Class);
                *self.private.last_mut().expect("pushed") = Some(c.name.to_string());
                self.visit_body(&c.body);
                self.pop();
            }
            Stmt::Global(g) => self.declare(&g.names, false, g.start()),
            Stmt::Nonlocal(n) => self.declare(&n.names, true, n.start()),
            Stmt::Import(i) => {
                for a in &i.names {
                    match &a.asname {
                        Some(asname) => self.bind(asname.as_str()),
                        None => {
                            let top = a.name.as_str().split('.').next().unwrap_or_default();
                            self.bind(top);
                        }
                    }
                }
            }
            Stmt::ImportFrom(i) => {
                for a in &i.names {
                    if a.name.as_str() == "*" {
                        self.cur().star_import = true;
                        if self.cur().kind != ScopeKind::Module {
                            self.errors.push((i.start(), "import * only allowed at module level".into()));
                        }
                    } else {
                        self.bind(a.asname.as_ref().unwrap_or(&a.name).as_str());
                    }
                }
            }
            Stmt::With(w) if w.is_async => {
                let msg = "'async with' outside async function";
                self.check_async(w.start(), msg, msg);
                visitor::walk_stmt(self, stmt);
            }
            Stmt::For(f) if f.is_async => {
                let msg = "'async for' outside async function";
                self.check_async(f.start(), msg, msg);
                visitor::walk_stmt(self, stmt);
            }
            Stmt::AnnAssign(a) => {
                if let Some(v) = &a.value {
                    self.visit_expr(v);
                }
                self.visit_expr(&a.target);
                // Evaluated (and, for a simple name, stored in `__annotations__`) only in
                // module and class bodies, as CPython 3.11 does.
                if self.cur().kind != ScopeKind::Function {
                    self.visit_expr(&a.annotation);
                }
            }
            // Reported as unsupported by code generation; nothing to record.
            Stmt::TypeAlias(_) | Stmt::IpyEscapeCommand(_) => {}
            _ => visitor::walk_stmt(self, stmt),
        }
    }

    /// Capture patterns bind their names (`case [x, *rest]`, `case {**kw}`, `as y`).
    fn visit_pattern(&mut self, p: &'a ast::Pattern) {
        let name = match p {
            ast::Pattern::MatchAs(a) => a.name.as_ref(),
            ast::Pattern::MatchStar(s) => s.name.as_ref(),
            ast::Pattern::MatchMapping(m) => m.rest.as_ref(),
            _ => None,
        };
        if let Some(n) = name {
            self.bind(n.as_str());
        }
        visitor::walk_pattern(self, p);
    }

    /// Annotations are visited where they are evaluated (`def` and annotated assignments
    /// above), never through the walker.
    fn visit_annotation(&mut self, _expr: &'a Expr) {}

    fn visit_except_handler(&mut self, h: &'a ast::ExceptHandler) {
        let ast::ExceptHandler::ExceptHandler(h2) = h;
        if let Some(name) = &h2.name {
            self.bind(name.as_str());
        }
        visitor::walk_except_handler(self, h);
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        match expr {
            Expr::Name(n) => match n.ctx {
                ExprContext::Load => {
                    let name = self.mangle(n.id.as_str());
                    let s = self.cur();
                    s.note(&name, USED);
                    if n.id.as_str() == "super" && s.kind.is_function() {
                        s.note("__class__", USED);
                    }
                }
                ExprContext::Store | ExprContext::Del => {
                    if self.in_comp_target {
                        let name = self.mangle(n.id.as_str());
                        let walrus = self.cur().syms.get(&name).is_some_and(|s| s.flags & (GLOBAL | NONLOCAL) != 0);
                        if walrus {
                            self.errors.push((
                                n.start(),
                                format!("comprehension inner loop cannot rebind assignment expression target '{name}'"),
                            ));
                        }
                    }
                    self.bind(n.id.as_str())
                }
                ExprContext::Invalid => {}
            },
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.visit_defaults(p);
                }
                self.push(l, ScopeKind::Lambda);
                if let Some(p) = &l.parameters {
                    self.add_params(p);
                }
                self.visit_expr(&l.body);
                self.pop();
            }
            Expr::Named(n) => {
                if self.in_comp_iter > 0 {
                    self.errors.push((
                        n.start(),
                        "assignment expression cannot be used in a comprehension iterable expression".into(),
                    ));
                }
                match (&*n.target, self.cur().kind) {
                    (Expr::Name(t), ScopeKind::Comprehension) => {
                        self.comprehension_walrus(t.id.as_str(), n.start());
                    }
                    _ => self.visit_expr(&n.target),
                }
                self.visit_expr(&n.value);
            }
            Expr::ListComp(c) => self.comprehension(expr, &c.generators, &[&c.elt]),
            Expr::SetComp(c) => self.comprehension(expr, &c.generators, &[&c.elt]),
            Expr::Generator(c) => self.comprehension(expr, &c.generators, &[&c.elt]),
            Expr::DictComp(c) => {
                let mut elts: Vec<&Expr> = Vec::new();
                if let Some(k) = &c.key {
                    elts.push(k);
                }
                elts.push(&c.value);
                self.comprehension(expr, &c.generators, &elts)
            }
            Expr::Yield(_) | Expr::YieldFrom(_) => {
                let what = if matches!(expr, Expr::Yield(_)) { "yield" } else { "yield from" };
                let in_async = self.cur().is_async;
                match self.cur().kind {
                    ScopeKind::Function if in_async && what == "yield from" => {
                        self.errors.push((expr.start(), "'yield from' inside async function".into()))
                    }
                    ScopeKind::Function | ScopeKind::Lambda => self.cur().is_generator = true,
                    ScopeKind::Comprehension => {
                        self.errors.push((expr.start(), format!("'{what}' inside comprehension")))
                    }
                    ScopeKind::Module | ScopeKind::Class => {
                        self.errors.push((expr.start(), format!("'{what}' outside function")))
                    }
                }
                visitor::walk_expr(self, expr);
            }
            Expr::Await(_) => {
                self.check_async(expr.start(), "'await' outside function", "'await' outside async function");
                visitor::walk_expr(self, expr);
            }
            Expr::NumberLiteral(n) => {
                if let ast::Number::Int(i) = &n.value {
                    if let Some(digits) = over_str_digit_limit(&i.to_string()) {
                        self.errors.push((
                            n.start(),
                            format!(
                                "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion: value has \
                                 {digits} digits; use sys.set_int_max_str_digits() to increase the limit - Consider \
                                 hexadecimal for huge integer literals to avoid decimal conversion limits."
                            ),
                        ));
                    }
                }
            }
            _ => visitor::walk_expr(self, expr),
        }
    }
}

/// Resolve the names of scope `id` given the names bound by enclosing function scopes;
/// returns the scope's free variables in slot order.
fn analyze(table: &mut ScopeTable, id: ScopeId, bound: &HashSet<String>, errors: &mut Vec<ScopeError>) -> Vec<String> {
    let kind = table.scopes[id].kind;
    let mut resolved = HashMap::new();
    {
        let s = &table.scopes[id];
        for name in &s.order {
            let sym = &s.syms[name];
            let r = if sym.flags & GLOBAL != 0 {
                NameScope::GlobalExplicit
            } else if sym.flags & NONLOCAL != 0 {
                if !bound.contains(name) {
                    let at = sym.decl.unwrap_or_default();
                    errors.push((at, format!("no binding for nonlocal '{name}' found")));
                }
                NameScope::Free
            } else if kind == ScopeKind::Module || sym.flags & (ASSIGNED | PARAM) != 0 {
                NameScope::Local
            } else if bound.contains(name) {
                NameScope::Free
            } else {
                NameScope::GlobalImplicit
            };
            resolved.insert(name.clone(), r);
        }
    }

    let mut new_bound = bound.clone();
    match kind {
        ScopeKind::Module => new_bound.clear(),
        ScopeKind::Class => {
            new_bound.insert("__class__".to_string());
        }
        _ => {
            for (name, r) in &resolved {
                match r {
                    NameScope::Local => {
                        new_bound.insert(name.clone());
                    }
                    NameScope::GlobalExplicit => {
                        new_bound.remove(name);
                    }
                    _ => {}
                }
            }
        }
    }

    let mut pass_through: Vec<String> = Vec::new();
    let children = table.scopes[id].children.clone();
    for child in children {
        for name in analyze(table, child, &new_bound, errors) {
            match resolved.get(&name).copied() {
                _ if kind == ScopeKind::Class && name == "__class__" => {
                    table.scopes[id].needs_class_cell = true;
                }
                Some(NameScope::Local) if kind.is_function() => {
                    resolved.insert(name, NameScope::Cell);
                }
                Some(NameScope::Cell) | Some(NameScope::Free) => {}
                Some(NameScope::Local) => {
                    // A class-local name that a method sees from an enclosing function: the
                    // class body keeps using its namespace but passes the cell through.
                    if !pass_through.contains(&name) {
                        pass_through.push(name);
                    }
                }
                Some(_) => {}
                None => {
                    resolved.insert(name.clone(), NameScope::Free);
                    table.scopes[id].order.push(name);
                }
            }
        }
    }

    let s = &mut table.scopes[id];
    let mut freevars: Vec<String> = s.order.iter().filter(|n| resolved[*n] == NameScope::Free).cloned().collect();
    freevars.extend(pass_through);
    let mut slots: Vec<String> = Vec::new();
    let mut cellvars: Vec<String> = Vec::new();
    match kind {
        ScopeKind::Module => {}
        ScopeKind::Class => {
            if s.needs_class_cell {
                slots.push("__class__".into());
                cellvars.push("__class__".into());
            }
        }
        _ => {
            slots.extend(s.params.iter().cloned());
            for p in &s.params {
                if resolved.get(p) == Some(&NameScope::Cell) {
                    cellvars.push(p.clone());
                }
            }
            for n in &s.order {
                if resolved[n] == NameScope::Local && !s.params.contains(n) {
                    slots.push(n.clone());
                }
            }
            for n in &s.order {
                if resolved[n] == NameScope::Cell && !s.params.contains(n) {
                    slots.push(n.clone());
                    cellvars.push(n.clone());
                }
            }
        }
    }
    slots.extend(freevars.iter().cloned());
    s.slot_index = slots.iter().enumerate().map(|(i, n)| (n.clone(), i as u32)).collect();
    s.slots = slots;
    s.cellvars = cellvars;
    s.freevars = freevars.clone();
    s.resolved = resolved;
    freevars
}

/// The annotations of a `def`, in CPython's order (positional-only and positional
/// parameters, `*args`, keyword-only parameters, `**kwargs`, then `return`): `(name, expr)`.
pub(crate) fn annotations<'a>(params: &'a ast::Parameters, returns: Option<&'a Expr>) -> Vec<(&'a str, &'a Expr)> {
    let mut out = Vec::new();
    let mut add = |p: &'a ast::Parameter| {
        if let Some(a) = &p.annotation {
            out.push((p.name.as_str(), &**a));
        }
    };
    for p in params.posonlyargs.iter().chain(params.args.iter()) {
        add(&p.parameter);
    }
    if let Some(v) = &params.vararg {
        add(v);
    }
    for p in &params.kwonlyargs {
        add(&p.parameter);
    }
    if let Some(k) = &params.kwarg {
        add(k);
    }
    if let Some(r) = returns {
        out.push(("return", r));
    }
    out
}
