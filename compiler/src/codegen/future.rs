//! `from __future__ import ...`: the compile-time directives of CPython 3.11 and PEP 563's
//! string annotations (`from __future__ import annotations`).
//!
//! Future imports must come first in a module (after its docstring); each names a feature
//! CPython knows (the ones from before 3.x are accepted and change nothing: their behaviour
//! is mandatory now). The statement still runs at import time, binding the `_Feature`
//! objects of the VM's frozen `__future__` module (`vm/pylib/__future__.py`, the VM's
//! `future` feature), as CPython's does. Under `annotations`, every annotation is stored as the text CPython's `ast.unparse`
//! gives it, unevaluated.

use ruff_python_ast::{self as ast, Expr, Number, Operator, Stmt};
use ruff_text_size::{Ranged, TextSize};

use super::Compiler;

/// The features CPython 3.11's `__future__` defines (all accepted; only `annotations`
/// changes what is compiled).
const FEATURES: &[&str] = &[
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "barry_as_FLUFL",
    "generator_stop",
    "annotations",
];

/// The future imports at the head of a module body (after its docstring).
pub(super) fn leading(body: &[Stmt]) -> impl Iterator<Item = &ast::StmtImportFrom> {
    let skip = match body.first() {
        Some(Stmt::Expr(e)) if matches!(&*e.value, Expr::StringLiteral(_)) => 1,
        _ => 0,
    };
    body[skip.min(body.len())..].iter().map_while(|s| match s {
        Stmt::ImportFrom(i) if is_future(i) => Some(i),
        _ => None,
    })
}

/// Is this `from __future__ import ...`?
pub(super) fn is_future(i: &ast::StmtImportFrom) -> bool {
    i.level == 0 && i.module.as_ref().is_some_and(|m| m.as_str() == "__future__")
}

impl<'a> Compiler<'a> {
    /// Check the module's leading future imports and turn on what they ask for.
    pub(super) fn future_directives(&mut self, body: &'a [Stmt]) {
        for i in leading(body) {
            self.future_starts.push(i.range.start());
            for a in &i.names {
                match a.name.as_str() {
                    "annotations" => self.future_annotations = true,
                    "braces" => self.error(a.range.start(), "not a chance"),
                    n if FEATURES.contains(&n) => {}
                    n => self.error(a.range.start(), format!("future feature {n} is not defined")),
                }
            }
        }
    }

    /// A future import anywhere but the head of the module is a syntax error.
    pub(super) fn check_future_position(&mut self, i: &ast::StmtImportFrom) -> bool {
        if is_future(i) && !self.future_starts.contains(&i.range.start()) {
            self.error(i.range.start(), "from __future__ imports must occur at the beginning of the file");
            return false;
        }
        true
    }

    /// Push an annotation's value: evaluated, or under `from __future__ import annotations`
    /// its text.
    pub(super) fn annotation(&mut self, e: &'a Expr) {
        if self.future_annotations {
            let text = self.unparse(e);
            self.load_const(crate::code::Const::Str(text));
        } else {
            self.expr(e);
        }
    }

    /// `ast.unparse(e)` for the expressions annotations are made of; anything else is
    /// given as written in the source.
    fn unparse(&self, e: &Expr) -> String {
        let mut s = String::new();
        self.unparse_into(e, &mut s, false);
        s
    }

    fn unparse_into(&self, e: &Expr, out: &mut String, in_subscript: bool) {
        match e {
            Expr::Name(n) => out.push_str(n.id.as_str()),
            Expr::Attribute(a) => {
                self.unparse_into(&a.value, out, false);
                out.push('.');
                out.push_str(a.attr.as_str());
            }
            Expr::Subscript(s) => {
                self.unparse_into(&s.value, out, false);
                out.push('[');
                self.unparse_into(&s.slice, out, true);
                out.push(']');
            }
            Expr::Tuple(t) => {
                let bare = in_subscript && !t.elts.is_empty();
                if !bare {
                    out.push('(');
                }
                self.unparse_list(&t.elts, out);
                if t.elts.len() == 1 {
                    out.push(',');
                }
                if !bare {
                    out.push(')');
                }
            }
            Expr::List(l) => {
                out.push('[');
                self.unparse_list(&l.elts, out);
                out.push(']');
            }
            Expr::BinOp(b) if b.op == Operator::BitOr && !matches!(&*b.right, Expr::BinOp(_)) => {
                self.unparse_into(&b.left, out, false);
                out.push_str(" | ");
                self.unparse_into(&b.right, out, false);
            }
            Expr::StringLiteral(s) => str_repr(s.value.to_str(), out),
            Expr::NoneLiteral(_) => out.push_str("None"),
            Expr::BooleanLiteral(b) => out.push_str(if b.value { "True" } else { "False" }),
            Expr::EllipsisLiteral(_) => out.push_str("..."),
            Expr::NumberLiteral(n)
                if matches!(n.value, Number::Int(_)) && self.source(e).bytes().all(|c| c.is_ascii_digit()) =>
            {
                out.push_str(self.source(e))
            }
            _ => out.push_str(self.source(e)),
        }
    }

    fn unparse_list(&self, elts: &[Expr], out: &mut String) {
        for (i, x) in elts.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            self.unparse_into(x, out, false);
        }
    }

    /// The source text of `e`.
    fn source(&self, e: &Expr) -> &str {
        self.loc.text(e.range())
    }
}

/// Python's `repr` of a str (quotes chosen as CPython chooses them).
fn str_repr(s: &str, out: &mut String) {
    let q = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    out.push(q);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == q => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push(q);
}

/// Where a future import starts (for the position check).
pub(super) type FutureStarts = Vec<TextSize>;
