//! MicroPython's `const()`: in a module body, `NAME = const(expr)` whose argument is an
//! integer constant expression (literals, earlier such names, `+ - ~` and the binary
//! integer operators) makes `NAME` a compile-time constant, as MicroPython's compiler does:
//! every load of the global `NAME` in the module is that integer, the assignment stores
//! the integer without calling `const`, and a name starting with `_` is not stored at all
//! (it stays private to the module). An argument that does not fold is left alone: the
//! call then runs (`micropython.const` returns its argument).

use ruff_python_ast::{self as ast, Expr, Number, Stmt};
use ruff_text_size::TextSize;

/// One folded constant: its name, value and the start of its assignment statement.
pub(super) struct MpConst {
    pub name: String,
    pub value: i64,
    pub at: TextSize,
}

/// The constants a module body defines, in order.
pub(super) fn collect(body: &[Stmt]) -> Vec<MpConst> {
    let mut out: Vec<MpConst> = Vec::new();
    for st in body {
        let Stmt::Assign(a) = st else { continue };
        let [Expr::Name(n)] = a.targets.as_slice() else {
            continue;
        };
        let Some(arg) = const_arg(&a.value) else {
            continue;
        };
        if let Some(value) = eval(arg, &out) {
            out.retain(|c| c.name != n.id.as_str());
            out.push(MpConst { name: n.id.to_string(), value, at: a.range.start() });
        }
    }
    out
}

/// `x` of a call `const(x)`.
fn const_arg(e: &Expr) -> Option<&Expr> {
    let Expr::Call(c) = e else { return None };
    let Expr::Name(f) = &*c.func else { return None };
    if f.id.as_str() != "const" || !c.arguments.keywords.is_empty() {
        return None;
    }
    match &*c.arguments.args {
        [x] if !matches!(x, Expr::Starred(_)) => Some(x),
        _ => None,
    }
}

/// The value of an integer constant expression.
fn eval(e: &Expr, known: &[MpConst]) -> Option<i64> {
    match e {
        Expr::NumberLiteral(n) => match &n.value {
            Number::Int(i) => i.as_i64(),
            _ => None,
        },
        Expr::BooleanLiteral(b) => Some(b.value as i64),
        Expr::Name(n) => known.iter().rev().find(|c| c.name == n.id.as_str()).map(|c| c.value),
        Expr::UnaryOp(u) => {
            let v = eval(&u.operand, known)?;
            match u.op {
                ast::UnaryOp::USub => v.checked_neg(),
                ast::UnaryOp::UAdd => Some(v),
                ast::UnaryOp::Invert => Some(!v),
                ast::UnaryOp::Not => None,
            }
        }
        Expr::BinOp(b) => {
            let (x, y) = (eval(&b.left, known)?, eval(&b.right, known)?);
            use ast::Operator as O;
            match b.op {
                O::Add => x.checked_add(y),
                O::Sub => x.checked_sub(y),
                O::Mult => x.checked_mul(y),
                O::FloorDiv => floor_div(x, y),
                O::Mod => floor_div(x, y).and_then(|q| x.checked_sub(q.checked_mul(y)?)),
                O::LShift if (0..63).contains(&y) => x.checked_shl(y as u32).filter(|r| r >> y == x),
                O::RShift if y >= 0 => Some(x >> y.min(63)),
                O::BitAnd => Some(x & y),
                O::BitOr => Some(x | y),
                O::BitXor => Some(x ^ y),
                _ => None,
            }
        }
        _ => None,
    }
}

/// Python's `x // y` (rounding towards negative infinity); None for a zero divisor.
fn floor_div(x: i64, y: i64) -> Option<i64> {
    let q = x.checked_div(y)?;
    Some(if x % y != 0 && ((x < 0) != (y < 0)) { q - 1 } else { q })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_division() {
        assert_eq!(floor_div(-7, 2), Some(-4));
        assert_eq!(floor_div(7, -2), Some(-4));
        assert_eq!(floor_div(7, 0), None);
    }
}
