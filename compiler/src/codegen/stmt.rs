//! Statements.
//!
//! `try` layout (CPython 3.11 style, zero-cost):
//! ```text
//!   try body                 handler H (depth d)
//!   else body
//!   Jump end
//! H: PushExcInfo             handler C (depth d+1)       stack: prev exc
//!   <type> CheckExcMatch PopJumpIfFalse next
//!   store name / PopTop      stack: prev
//!   except body              handler N (depth d+1) when named
//!   PopExcept; [name = None; del name]; Jump end
//! next: ... Reraise          (no clause matched)
//! N: name = None; del name; Reraise        handler C
//! C: Swap 2; PopExcept; Reraise            restore the previously handled exception
//! ```
//! `finally` bodies are emitted on the normal path, on the exceptional path
//! (`PushExcInfo; body; Reraise` with a cleanup like C), and inlined by early exits.

use frostbyte_format::{CmpOp, Op};
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextSize};

use super::{Compiler, Ctx, FBlockKind};
use crate::code::Const;

const EXCEPT_STAR_EXIT: &str = "'break', 'continue' and 'return' cannot appear in an except* block";

impl<'a> Compiler<'a> {
    pub(super) fn body(&mut self, body: &'a [Stmt]) {
        for s in body {
            self.stmt(s);
        }
    }

    /// An expression statement of `compile(..., 'single')` code's module body: its value
    /// goes to `sys.displayhook` (`import sys` without binding the name, as CPython's
    /// PRINT_EXPR reaches it through the sys module).
    fn display_expr(&mut self, e: &'a ast::StmtExpr) {
        self.emit(Op::LoadNone, 0);
        let sys = self.name_index("sys");
        self.emit2(Op::ImportName, sys, 0);
        let hook = self.name_index("displayhook");
        self.emit(Op::LoadAttr, hook);
        self.expr(&e.value);
        self.emit(Op::Call, 1);
        self.emit(Op::PopTop, 0);
    }

    fn stmt(&mut self, s: &'a Stmt) {
        let at = s.start();
        let saved = self.set_line(at);
        match s {
            Stmt::FunctionDef(f) => self.function_def(f),
            Stmt::ClassDef(c) => self.class_def(c),
            Stmt::Return(r) => self.return_stmt(r),
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.delete(t);
                }
            }
            Stmt::Assign(a) => {
                let folded =
                    self.mp_consts.iter().find(|c| c.at == a.range.start()).map(|c| (c.value, c.name.starts_with('_')));
                match folded {
                    // `NAME = const(...)`: the value itself; `_NAME` is not stored at all.
                    Some((_, true)) => {}
                    Some((v, false)) => {
                        self.load_const(Const::Int(v));
                        self.store(&a.targets[0]);
                    }
                    None => {
                        self.expr(&a.value);
                        let n = a.targets.len();
                        for (i, t) in a.targets.iter().enumerate() {
                            if i + 1 < n {
                                self.emit(Op::Copy, 1);
                            }
                            self.store(t);
                        }
                    }
                }
            }
            Stmt::AugAssign(a) => self.aug_assign(a),
            Stmt::AnnAssign(a) => self.ann_assign(a),
            Stmt::For(f) => self.for_stmt(f),
            Stmt::While(w) => self.while_stmt(w),
            Stmt::If(i) => self.if_stmt(i),
            Stmt::With(w) => self.with_stmt(w, 0),
            Stmt::Match(m) => self.match_stmt(m),
            Stmt::TypeAlias(_) => self.unsupported(at, "'type' alias statement"),
            Stmt::IpyEscapeCommand(_) => self.unsupported(at, "IPython escape command"),
            Stmt::Raise(r) => match (&r.exc, &r.cause) {
                (None, _) => self.emit(Op::RaiseVarargs, 0),
                (Some(e), None) => {
                    self.expr(e);
                    self.emit(Op::RaiseVarargs, 1);
                }
                (Some(e), Some(c)) => {
                    self.expr(e);
                    self.expr(c);
                    self.emit(Op::RaiseVarargs, 2);
                }
            },
            Stmt::Try(t) => self.try_stmt(t),
            Stmt::Assert(_) if !self.opts.asserts => {}
            Stmt::Assert(a) => {
                let end = self.new_label();
                self.jump_if(&a.test, true, end);
                self.emit(Op::LoadAssertionError, 0);
                if let Some(m) = &a.msg {
                    self.expr(m);
                    self.emit(Op::Call, 1);
                }
                self.emit(Op::RaiseVarargs, 1);
                self.bind(end);
            }
            Stmt::Import(i) => self.import(i),
            Stmt::ImportFrom(i) => self.import_from(i),
            Stmt::Global(_) | Stmt::Nonlocal(_) | Stmt::Pass(_) => {}
            Stmt::Expr(e) if self.interactive && self.units.len() == 1 => self.display_expr(e),
            Stmt::Expr(e) => {
                // Constant expression statements (docstrings included) have no effect.
                if Self::const_value(&e.value).is_none() {
                    self.expr(&e.value);
                    self.emit(Op::PopTop, 0);
                }
            }
            Stmt::Break(_) => self.break_continue(at, true),
            Stmt::Continue(_) => self.break_continue(at, false),
        }
        self.unit().line = saved;
    }

    fn return_stmt(&mut self, r: &'a ast::StmtReturn) {
        let kind = self.table.scopes[self.u().scope].kind;
        if !kind.is_function() {
            return self.error(r.range.start(), "'return' outside function");
        }
        let s = &self.table.scopes[self.u().scope];
        if s.is_async && s.is_generator && r.value.is_some() {
            return self.error(r.range.start(), "'return' with value in async generator");
        }
        if self.in_except_star(0) {
            return self.error(r.range.start(), EXCEPT_STAR_EXIT);
        }
        match &r.value {
            Some(v) => self.expr(v),
            None => self.emit(Op::LoadNone, 0),
        }
        self.with_saved_blocks(|c| {
            c.unwind(0, true);
            c.emit(Op::ReturnValue, 0);
        });
    }

    fn break_continue(&mut self, at: TextSize, is_break: bool) {
        let found = self.u().fblocks.iter().enumerate().rev().find_map(|(i, fb)| match fb.kind {
            FBlockKind::While { start, exit } => Some((i, start, exit, false)),
            FBlockKind::For { start, exit } => Some((i, start, exit, true)),
            _ => None,
        });
        let Some((i, start, exit, is_for)) = found else {
            let msg = if is_break { "'break' outside loop" } else { "'continue' not properly in loop" };
            return self.error(at, msg);
        };
        if self.in_except_star(i + 1) {
            return self.error(at, EXCEPT_STAR_EXIT);
        }
        self.with_saved_blocks(|c| {
            c.unwind(i + 1, false);
            if is_break {
                if is_for {
                    c.emit(Op::PopTop, 0);
                }
                c.emit_jump(Op::Jump, exit);
            } else {
                c.emit_jump(Op::Jump, start);
            }
        });
    }

    /// Is an `except*` body among the blocks from index `from` up?
    fn in_except_star(&self, from: usize) -> bool {
        self.u().fblocks.get(from..).is_some_and(|b| b.iter().any(|fb| matches!(fb.kind, FBlockKind::ExceptStar)))
    }

    fn if_stmt(&mut self, s: &'a ast::StmtIf) {
        let end = self.new_label();
        let mut next = self.new_label();
        self.jump_if(&s.test, false, next);
        self.body(&s.body);
        for clause in &s.elif_else_clauses {
            self.emit_jump(Op::Jump, end);
            self.bind(next);
            match &clause.test {
                Some(test) => {
                    let saved = self.set_line(clause.range.start());
                    next = self.new_label();
                    self.jump_if(test, false, next);
                    self.unit().line = saved;
                    self.body(&clause.body);
                }
                None => {
                    next = self.new_label();
                    self.body(&clause.body);
                }
            }
        }
        self.bind(next);
        self.bind(end);
    }

    fn while_stmt(&mut self, w: &'a ast::StmtWhile) {
        let start = self.new_label();
        let orelse = self.new_label();
        let exit = self.new_label();
        self.bind(start);
        if !matches!(Self::const_value(&w.test), Some(Const::True)) {
            self.jump_if(&w.test, false, orelse);
        }
        let outer = self.u().handlers.len();
        self.push_fblock(FBlockKind::While { start, exit }, outer);
        self.body(&w.body);
        self.pop_fblock();
        self.emit_jump(Op::Jump, start);
        self.bind(orelse);
        self.body(&w.orelse);
        self.bind(exit);
    }

    fn for_stmt(&mut self, f: &'a ast::StmtFor) {
        self.expr(&f.iter);
        self.emit(if f.is_async { Op::GetAIter } else { Op::GetIter }, 0);
        let start = self.new_label();
        let orelse = self.new_label();
        let exit = self.new_label();
        let outer = self.u().handlers.len();
        self.push_fblock(FBlockKind::For { start, exit }, outer);
        self.unit().depth += 1;
        self.bind(start);
        if f.is_async {
            let depth = self.u().depth;
            self.async_next(depth, orelse);
        } else {
            self.emit_jump(Op::ForIter, orelse);
        }
        self.store(&f.target);
        self.body(&f.body);
        self.emit_jump(Op::Jump, start);
        self.unit().depth -= 1;
        self.pop_fblock();
        self.bind(orelse);
        if f.is_async {
            self.emit(Op::EndAsyncFor, 0);
        }
        self.body(&f.orelse);
        self.bind(exit);
    }

    /// `with` / `async with` item `i` and the rest (`with a, b: s` is `with a: with b: s`):
    /// ```text
    ///   mgr BeforeWith                      stack: exit res   (async: BeforeAsyncWith, await)
    ///   store target / PopTop               handler H (depth d+1) over the body
    ///   body
    ///   LoadNone x3; Call 3; [await]; PopTop; Jump end
    /// H: PushExcInfo; WithExceptStart; [await]    handler C (depth d+2)  stack: exit prev exc r
    ///   PopJumpIfTrue S; Reraise
    /// S: PopTop; PopExcept; PopTop; Jump end        (the exception is suppressed)
    /// C: Swap 2; PopExcept; Reraise
    /// ```
    fn with_stmt(&mut self, w: &'a ast::StmtWith, i: usize) {
        let Some(item) = w.items.get(i) else { return self.body(&w.body) };
        let saved = self.set_line(item.range.start());
        let d = self.u().depth;
        self.expr(&item.context_expr);
        if w.is_async {
            self.emit(Op::BeforeAsyncWith, 0);
            self.await_value(1);
        } else {
            self.emit(Op::BeforeWith, 0);
        }
        let handler = self.new_label();
        let end = self.new_label();
        let outer = self.push_handler(handler, d + 1);
        let kind = FBlockKind::With { is_async: w.is_async, at: w.range.start() };
        self.push_fblock(kind, outer);
        self.unit().depth = d + 1;
        match &item.optional_vars {
            Some(t) => self.store(t),
            None => self.emit(Op::PopTop, 0),
        }
        self.unit().line = saved;
        self.with_stmt(w, i + 1);
        self.pop_fblock();
        self.pop_handler();
        let saved = self.set_line(w.range.start());
        self.with_exit_call(w.is_async);
        self.emit_jump(Op::Jump, end);

        // Exceptional path: stack is d + exit + exc.
        self.bind(handler);
        let cleanup = self.new_label();
        self.push_handler(cleanup, d + 2);
        self.emit(Op::PushExcInfo, 0);
        self.emit(Op::WithExceptStart, 0);
        if w.is_async {
            self.await_value(2);
        }
        let suppress = self.new_label();
        self.emit_jump(Op::PopJumpIfTrue, suppress);
        self.emit(Op::Reraise, 0);
        self.bind(suppress);
        self.emit(Op::PopTop, 0);
        self.emit(Op::PopExcept, 0);
        self.pop_handler();
        self.emit(Op::PopTop, 0);
        self.emit_jump(Op::Jump, end);
        self.exc_cleanup(cleanup);
        self.unit().depth = d;
        self.unit().line = saved;
        self.bind(end);
    }

    /// `exit(None, None, None)` with `exit` on top of the stack, its result popped.
    pub(super) fn with_exit_call(&mut self, is_async: bool) {
        self.emit(Op::LoadNone, 0);
        self.emit(Op::LoadNone, 0);
        self.emit(Op::LoadNone, 0);
        self.emit(Op::Call, 3);
        if is_async {
            self.await_value(2);
        }
        self.emit(Op::PopTop, 0);
    }

    fn try_stmt(&mut self, t: &'a ast::StmtTry) {
        if t.finalbody.is_empty() {
            self.try_except_any(t);
        } else {
            self.try_finally(t);
        }
    }

    fn try_except_any(&mut self, t: &'a ast::StmtTry) {
        if t.is_star {
            self.try_star(t);
        } else {
            self.try_except(t);
        }
    }

    /// `try: ... except* T as e: ...` (CPython 3.11's layout). The handler keeps
    /// `prev orig list rest` on the stack: `orig` is the caught exception, `list` collects
    /// what the clauses raise, `rest` is what no clause has matched yet. Each clause splits
    /// `rest` (CheckEgMatch) and runs on the match; an exception escaping its body is
    /// appended to `list`. PrepReraiseStar merges `list` and the final `rest` against
    /// `orig` into what is raised, if anything.
    fn try_star(&mut self, t: &'a ast::StmtTry) {
        let (d, end, cleanup, outer) = self.try_head(t);
        self.emit(Op::PushExcInfo, 0);
        self.emit(Op::Copy, 1);
        self.emit(Op::BuildList, 0);
        self.emit(Op::Swap, 2);
        let n = t.handlers.len();
        for (i, h) in t.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            let saved = self.set_line(h.range.start());
            self.unit().depth = d + 4;
            let next = self.new_label();
            let no_match = self.new_label();
            match &h.type_ {
                Some(ty) => self.expr(ty),
                None => {
                    self.error(h.range.start(), "expected one or more exception types");
                    self.emit(Op::LoadNone, 0);
                }
            }
            self.emit(Op::CheckEgMatch, 0);
            self.emit(Op::Copy, 1);
            self.emit(Op::LoadNone, 0);
            self.emit(Op::CompareOp, CmpOp::Is as i64);
            self.emit_jump(Op::PopJumpIfTrue, no_match);
            let name = h.name.as_ref().map(|n| n.as_str());
            match name {
                Some(name) => self.name_op(name, Ctx::Store),
                None => self.emit(Op::PopTop, 0),
            }
            let raised = self.new_label();
            self.push_handler(raised, d + 4);
            self.push_fblock(FBlockKind::ExceptStar, outer);
            self.unit().line = saved;
            self.body(&h.body);
            self.pop_fblock();
            self.pop_handler();
            if let Some(name) = name {
                self.clear_name(name);
            }
            self.emit_jump(Op::Jump, next);
            // The body raised: stack d + 4 + raised; clear the name, keep the exception.
            self.bind(raised);
            if let Some(name) = name {
                self.clear_name(name);
            }
            self.emit(Op::ListAppend, 2);
            self.emit_jump(Op::Jump, next);
            // No match: drop the None.
            self.bind(no_match);
            self.emit(Op::PopTop, 0);
            self.bind(next);
            if i + 1 == n {
                // The unmatched rest (or None) joins the list.
                self.emit(Op::ListAppend, 1);
            }
        }
        // Stack: d + prev orig list.
        let reraise = self.new_label();
        self.emit(Op::PrepReraiseStar, 0);
        self.emit(Op::Copy, 1);
        self.emit(Op::LoadNone, 0);
        self.emit(Op::CompareOp, CmpOp::IsNot as i64);
        self.emit_jump(Op::PopJumpIfTrue, reraise);
        self.pop_handler();
        self.emit(Op::PopTop, 0);
        self.emit(Op::PopExcept, 0);
        self.emit_jump(Op::Jump, end);
        self.bind(reraise);
        self.emit(Op::Swap, 2);
        self.emit(Op::PopExcept, 0);
        self.emit(Op::Reraise, 0);
        self.unit().depth = d;
        self.exc_cleanup(cleanup);
        self.bind(end);
    }

    fn try_finally(&mut self, t: &'a ast::StmtTry) {
        let d = self.u().depth;
        let fin = self.new_label();
        let end = self.new_label();
        let outer = self.push_handler(fin, d);
        self.push_fblock(FBlockKind::FinallyTry { body: &t.finalbody }, outer);
        if t.handlers.is_empty() {
            self.body(&t.body);
        } else {
            self.try_except_any(t);
        }
        self.pop_fblock();
        self.pop_handler();
        self.body(&t.finalbody);
        self.emit_jump(Op::Jump, end);

        // Exceptional path: stack is d + exc.
        self.bind(fin);
        let cleanup = self.new_label();
        let outer = self.push_handler(cleanup, d + 1);
        self.emit(Op::PushExcInfo, 0);
        self.push_fblock(FBlockKind::FinallyEnd, outer);
        self.unit().depth = d + 2;
        self.body(&t.finalbody);
        self.unit().depth = d;
        self.pop_fblock();
        self.emit(Op::Reraise, 0);
        self.pop_handler();
        self.exc_cleanup(cleanup);
        self.bind(end);
    }

    /// `C:` of the module doc: restore the previously handled exception and re-raise.
    fn exc_cleanup(&mut self, label: crate::assemble::Label) {
        self.bind(label);
        self.emit(Op::Swap, 2);
        self.emit(Op::PopExcept, 0);
        self.emit(Op::Reraise, 0);
    }

    /// The common start of `try`/`except` and `try`/`except*`: the body under a handler, the
    /// `else` body, and the handler's entry (stack: d + exc) under a cleanup handler at d + 1.
    /// Returns (d, the end label, the cleanup label, the fblock index outside the cleanup).
    fn try_head(&mut self, t: &'a ast::StmtTry) -> (u32, crate::assemble::Label, crate::assemble::Label, usize) {
        let d = self.u().depth;
        let handler = self.new_label();
        let end = self.new_label();
        let outer = self.push_handler(handler, d);
        self.push_fblock(FBlockKind::TryExcept, outer);
        self.body(&t.body);
        self.pop_fblock();
        self.pop_handler();
        self.body(&t.orelse);
        self.emit_jump(Op::Jump, end);

        // Stack: d + exc.
        self.bind(handler);
        let cleanup = self.new_label();
        let outer = self.push_handler(cleanup, d + 1);
        (d, end, cleanup, outer)
    }

    fn try_except(&mut self, t: &'a ast::StmtTry) {
        let (d, end, cleanup, outer) = self.try_head(t);
        let cid = *self.u().handlers.last().expect("handler just pushed");
        self.emit(Op::PushExcInfo, 0);
        let n = t.handlers.len();
        let mut catch_all = false;
        for (i, h) in t.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            let saved = self.set_line(h.range.start());
            self.unit().depth = d + 2;
            let next = self.new_label();
            match &h.type_ {
                Some(ty) => {
                    self.expr(ty);
                    self.emit(Op::CheckExcMatch, 0);
                    self.emit_jump(Op::PopJumpIfFalse, next);
                }
                None => {
                    if i + 1 < n {
                        self.error(h.range.start(), "default 'except:' must be last");
                    }
                    catch_all = true;
                }
            }
            let name = h.name.as_ref().map(|n| n.as_str());
            match name {
                Some(name) => self.name_op(name, Ctx::Store),
                None => self.emit(Op::PopTop, 0),
            }
            self.unit().depth = d + 1;
            let name_cleanup = self.new_label();
            if name.is_some() {
                self.push_handler(name_cleanup, d + 1);
            }
            self.push_fblock(FBlockKind::HandlerCleanup { name }, outer);
            self.unit().line = saved;
            self.body(&h.body);
            self.pop_fblock();
            if name.is_some() {
                self.pop_handler();
            }
            // Leave the handler: outside the cleanup region.
            self.pop_handler();
            self.emit(Op::PopExcept, 0);
            if let Some(name) = name {
                self.clear_name(name);
            }
            self.emit_jump(Op::Jump, end);
            self.unit().handlers.push(cid);
            if let Some(name) = name {
                // Exception inside a named body: clear the name, then the common cleanup.
                self.bind(name_cleanup);
                self.clear_name(name);
                self.emit(Op::Reraise, 0);
            }
            self.bind(next);
            if h.type_.is_none() {
                break;
            }
        }
        self.unit().depth = d;
        if !catch_all {
            self.emit(Op::Reraise, 0);
        }
        self.pop_handler();
        self.exc_cleanup(cleanup);
        self.bind(end);
    }

    fn aug_assign(&mut self, a: &'a ast::StmtAugAssign) {
        let op = Self::binop(a.op) as i64 + 16;
        match &*a.target {
            Expr::Name(n) => {
                self.name_op(n.id.as_str(), Ctx::Load);
                self.expr(&a.value);
                self.emit(Op::BinaryOp, op);
                self.name_op(n.id.as_str(), Ctx::Store);
            }
            Expr::Attribute(at) => {
                self.expr(&at.value);
                self.emit(Op::Copy, 1);
                let n = self.attr_index(at.attr.as_str());
                self.emit(Op::LoadAttr, n);
                self.expr(&a.value);
                self.emit(Op::BinaryOp, op);
                self.emit(Op::Swap, 2);
                self.emit(Op::StoreAttr, n);
            }
            Expr::Subscript(s) => {
                self.expr(&s.value);
                self.expr(&s.slice);
                self.emit(Op::Copy, 2);
                self.emit(Op::Copy, 2);
                self.emit(Op::BinarySubscr, 0);
                self.expr(&a.value);
                self.emit(Op::BinaryOp, op);
                self.emit(Op::Swap, 3);
                self.emit(Op::Swap, 2);
                self.emit(Op::StoreSubscr, 0);
            }
            other => self.error(other.start(), "'expression' is an illegal expression for augmented assignment"),
        }
    }

    /// `__annotations__ = {}` at the start of a module or class body that has an annotated
    /// assignment (CPython's SETUP_ANNOTATIONS; the body is fresh, so it never exists yet).
    pub(super) fn setup_annotations(&mut self, body: &'a [Stmt]) {
        if find_ann(body) {
            self.emit(Op::BuildMap, 0);
            let n = self.name_index("__annotations__");
            self.emit(Op::StoreName, n);
        }
    }

    /// `target: annotation [= value]`: the value is stored first; in a module or class body
    /// the annotation is then evaluated and, for a simple name, stored in `__annotations__`
    /// under the (mangled) name. Inside a function the annotation is not evaluated; without a
    /// value, an attribute or subscript target still evaluates its object (and subscript).
    fn ann_assign(&mut self, a: &'a ast::StmtAnnAssign) {
        if let Some(v) = &a.value {
            self.expr(v);
            self.store(&a.target);
        } else {
            match &*a.target {
                Expr::Attribute(t) => {
                    self.expr(&t.value);
                    self.emit(Op::PopTop, 0);
                }
                Expr::Subscript(t) => {
                    self.expr(&t.value);
                    self.emit(Op::PopTop, 0);
                    self.expr(&t.slice);
                    self.emit(Op::PopTop, 0);
                }
                _ => {}
            }
        }
        if self.table.scopes[self.u().scope].kind.is_function() {
            return;
        }
        self.annotation(&a.annotation);
        match &*a.target {
            Expr::Name(n) if a.simple => {
                let d = self.name_index("__annotations__");
                self.emit(Op::LoadName, d);
                let key = self.mangle(n.id.as_str());
                self.load_const(Const::Str(key));
                self.emit(Op::StoreSubscr, 0);
            }
            _ => self.emit(Op::PopTop, 0),
        }
    }

    /// Store the value on top of the stack into a target.
    pub(super) fn store(&mut self, t: &'a Expr) {
        match t {
            Expr::Name(n) => self.name_op(n.id.as_str(), Ctx::Store),
            Expr::Attribute(a) => {
                self.expr(&a.value);
                let n = self.attr_index(a.attr.as_str());
                self.emit(Op::StoreAttr, n);
            }
            Expr::Subscript(s) => {
                self.expr(&s.value);
                self.expr(&s.slice);
                self.emit(Op::StoreSubscr, 0);
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                let stars: Vec<usize> =
                    elts.iter().enumerate().filter(|(_, e)| e.is_starred_expr()).map(|(i, _)| i).collect();
                match stars.as_slice() {
                    [] => self.emit(Op::UnpackSequence, elts.len() as i64),
                    [s] => self.emit2(Op::UnpackEx, *s as i64, (elts.len() - s - 1) as i64),
                    [_, _, ..] => return self.error(t.start(), "multiple starred expressions in assignment"),
                }
                for e in elts {
                    match e {
                        Expr::Starred(s) => self.store(&s.value),
                        _ => self.store(e),
                    }
                }
            }
            Expr::Starred(_) => self.error(t.start(), "starred assignment target must be in a list or tuple"),
            _ => self.error(t.start(), "cannot assign to expression"),
        }
    }

    fn delete(&mut self, t: &'a Expr) {
        match t {
            Expr::Name(n) => self.name_op(n.id.as_str(), Ctx::Del),
            Expr::Attribute(a) => {
                self.expr(&a.value);
                let n = self.attr_index(a.attr.as_str());
                self.emit(Op::DeleteAttr, n);
            }
            Expr::Subscript(s) => {
                self.expr(&s.value);
                self.expr(&s.slice);
                self.emit(Op::DeleteSubscr, 0);
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                for e in elts {
                    self.delete(e);
                }
            }
            _ => self.error(t.start(), "cannot delete expression"),
        }
    }

    fn import(&mut self, i: &'a ast::StmtImport) {
        if i.is_lazy {
            return self.unsupported(i.range.start(), "'lazy' import");
        }
        for a in &i.names {
            let full = a.name.as_str();
            self.emit(Op::LoadNone, 0);
            let n = self.name_index(full);
            self.emit2(Op::ImportName, n, 0);
            match &a.asname {
                None => {
                    let top = full.split('.').next().unwrap_or_default();
                    self.name_op(top, Ctx::Store);
                }
                Some(asname) => {
                    // The top-level package is returned; walk down to the leaf.
                    let parts: Vec<&str> = full.split('.').collect();
                    for part in &parts[1..] {
                        let n = self.name_index(part);
                        self.emit(Op::ImportFrom, n);
                        self.emit(Op::Swap, 2);
                        self.emit(Op::PopTop, 0);
                    }
                    self.name_op(asname.as_str(), Ctx::Store);
                }
            }
        }
    }

    fn import_from(&mut self, i: &'a ast::StmtImportFrom) {
        if i.is_lazy {
            return self.unsupported(i.range.start(), "'lazy' import");
        }
        if !self.check_future_position(i) {
            return;
        }
        let module = i.module.as_ref().map_or("", |m| m.as_str());
        let fromlist: Vec<Const> = i.names.iter().map(|a| Const::Str(a.name.to_string())).collect();
        self.load_const(Const::Tuple(fromlist));
        let n = self.name_index(module);
        self.emit2(Op::ImportName, n, i.level as i64);
        if i.names.len() == 1 && i.names[0].name.as_str() == "*" {
            self.emit(Op::ImportStar, 0);
            return;
        }
        for a in &i.names {
            let n = self.name_index(a.name.as_str());
            self.emit(Op::ImportFrom, n);
            self.name_op(a.asname.as_ref().unwrap_or(&a.name).as_str(), Ctx::Store);
        }
        self.emit(Op::PopTop, 0);
    }
}

/// Does a body have an annotated assignment (in it or in its compound statements, not in
/// nested functions or classes)? CPython's `find_ann`.
fn find_ann(body: &[Stmt]) -> bool {
    body.iter().any(|s| match s {
        Stmt::AnnAssign(_) => true,
        Stmt::For(f) => find_ann(&f.body) || find_ann(&f.orelse),
        Stmt::While(w) => find_ann(&w.body) || find_ann(&w.orelse),
        Stmt::If(i) => find_ann(&i.body) || i.elif_else_clauses.iter().any(|c| find_ann(&c.body)),
        Stmt::With(w) => find_ann(&w.body),
        Stmt::Try(t) => {
            find_ann(&t.body)
                || find_ann(&t.orelse)
                || find_ann(&t.finalbody)
                || t.handlers.iter().any(|h| {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    find_ann(&h.body)
                })
        }
        Stmt::Match(m) => m.cases.iter().any(|c| find_ann(&c.body)),
        _ => false,
    })
}
