//! Operators and subscripts: `BinaryOp`, `UnaryOp`, `CompareOp`, `BinarySubscr`,
//! `StoreSubscr`, `DeleteSubscr`. Operators on two small ints or two exact floats, and
//! exact-list indexing, take a fast path here; everything else is `runtime`'s.

use frostbyte_format::{BinOp, CmpOp, Op, UnaryOp};

use super::operand;
use crate::obj;
use crate::obj::frame::FramePtr;
use crate::runtime;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

#[inline(always)]
pub(super) fn binary_subscr(vm: &mut Vm<'_>, f: FramePtr, pc: usize) -> PyResult<()> {
    f.set_ip(pc as u32);
    let (o, k) = (f.peek(1), f.peek(0));
    let v = match (obj::list::as_exact_list(o), k.as_small_int()) {
        (Some(l), Some(i)) if i >= 0 && (i as usize) < l.len() => l.get(i as usize).unwrap_or(Value::NONE),
        _ => runtime::get_item(vm, o, k)?,
    };
    f.pop();
    f.poke(0, v);
    Ok(())
}

#[inline(always)]
pub(super) fn store_subscr(vm: &mut Vm<'_>, f: FramePtr, pc: usize) -> PyResult<()> {
    f.set_ip(pc as u32);
    let (v, o, k) = (f.peek(2), f.peek(1), f.peek(0));
    match (obj::list::as_exact_list(o), k.as_small_int()) {
        (Some(l), Some(i)) if i >= 0 && (i as usize) < l.len() => l.set(i as usize, v),
        _ => runtime::set_item(vm, o, k, v)?,
    }
    f.drop_n(3);
    Ok(())
}

pub(super) fn delete_subscr(vm: &mut Vm<'_>, f: FramePtr, pc: usize) -> PyResult<()> {
    f.set_ip(pc as u32);
    runtime::set_item(vm, f.peek(1), f.peek(0), Value::NULL)?;
    f.drop_n(2);
    Ok(())
}

/// A small int if `r` fits in the tagged word (W-1 bits).
#[inline(always)]
fn fit(r: isize) -> Option<Value> {
    if (r << 1) >> 1 == r {
        Some(Value::small_int(r))
    } else {
        None
    }
}

/// `x OP y` for two small ints when the result is a small int, with `int`'s semantics
/// (floor division and modulo round toward minus infinity). `None`: the general path
/// decides (a result beyond the small-int range becomes a big int there; division by zero
/// and negative shift counts raise there; `/` and `**` always go there).
#[inline(always)]
fn small_binop(op: BinOp, x: isize, y: isize) -> Option<Value> {
    // Operands are W-1 bits wide, so `+`, `-`, `/` and `%` cannot overflow an isize.
    match op {
        BinOp::Add => fit(x + y),
        BinOp::Sub => fit(x - y),
        BinOp::Mul => fit(x.checked_mul(y)?),
        BinOp::FloorDiv if y != 0 => {
            let q = x / y;
            fit(if x % y != 0 && (x < 0) != (y < 0) { q - 1 } else { q })
        }
        BinOp::Mod if y != 0 => {
            let r = x % y;
            fit(if r != 0 && (r < 0) != (y < 0) { r + y } else { r })
        }
        BinOp::And => Some(Value::small_int(x & y)),
        BinOp::Or => Some(Value::small_int(x | y)),
        BinOp::Xor => Some(Value::small_int(x ^ y)),
        BinOp::LShift if (0..isize::BITS as isize - 1).contains(&y) => {
            let r = x << y;
            if r >> y != x {
                return None;
            }
            fit(r)
        }
        BinOp::RShift if y >= 0 => Some(Value::small_int(x >> y.min(isize::BITS as isize - 1))),
        _ => None,
    }
}

/// An exact float, or a small int as the float `float.__add__` & co. convert it to (rounded
/// to nearest, ties to even, as `PyLong_AsDouble`).
#[inline(always)]
fn float_operand(v: Value) -> Option<f64> {
    match v.as_small_int() {
        Some(i) => Some(i as f64),
        None => obj::float::as_exact_f64(v),
    }
}

/// `x OP y` for `+`, `-`, `*` and `/` by a non-zero float: the float operations that cannot
/// raise. `None`: `float_op` decides.
#[inline(always)]
fn float_arith(op: BinOp, x: f64, y: f64) -> Option<f64> {
    match op {
        BinOp::Add => Some(x + y),
        BinOp::Sub => Some(x - y),
        BinOp::Mul => Some(x * y),
        BinOp::TrueDiv if y != 0.0 => Some(x / y),
        _ => None,
    }
}

/// A float result `r` that the next instruction consumes at once (`z OP r` with `z`, an
/// exact float or a small int, below it: `a + b * c`, `s + x * x`) is not boxed: the following
/// `BinaryOp`s that cannot raise run here, each counted and numbered as its own
/// instruction (`tick_fused`, `last_ip`, `ip`), and only the last result is allocated by
/// the caller. `pc` is the next instruction; the stack holds the operands below `r`.
#[inline(always)]
fn float_chain(vm: &mut Vm<'_>, f: FramePtr, bc: &[u8], mut pc: usize, mut r: f64) -> f64 {
    while bc.get(pc) == Some(&(Op::BinaryOp as u8)) {
        let mut next = pc + 1;
        let k = operand(bc, &mut next);
        let Some(op) = BinOp::from_u8(k as u8) else { break };
        let Some(z) = float_operand(f.peek(0)) else { break };
        let Some(r2) = float_arith(op.base(), z, r) else { break };
        if !vm.tick_fused() {
            break;
        }
        f.set_last_ip(pc as u32);
        f.set_ip(next as u32);
        f.pop();
        r = r2;
        pc = next;
    }
    r
}

#[inline(always)]
pub(super) fn binary_op(vm: &mut Vm<'_>, f: FramePtr, bc: &[u8], mut pc: usize) -> PyResult<()> {
    let k = operand(bc, &mut pc);
    f.set_ip(pc as u32);
    let op = BinOp::from_u8(k as u8).unwrap_or(BinOp::Add);
    let (a, b) = (f.peek(1), f.peek(0));
    // Small ints and exact floats are immutable built-ins: the in-place forms are the
    // plain ones, and no subclass method can take precedence (an int or float subclass
    // instance is neither a small int nor an exact float).
    if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
        let r = match small_binop(op.base(), x, y) {
            Some(r) => r,
            None => obj::int::int_binop(vm, op, a, b)?,
        };
        f.pop();
        f.poke(0, r);
        return Ok(());
    }
    if let (Some(x), Some(y)) = (float_operand(a), float_operand(b)) {
        // At least one is a float (two small ints were handled above).
        if let Some(r) = float_arith(op.base(), x, y) {
            f.drop_n(2);
            let r = float_chain(vm, f, bc, pc, r);
            let v = obj::float::new(vm, r)?;
            f.push(v);
            return Ok(());
        }
    }
    // `float_op` covers the arithmetic operators (`+` .. `**`), not the bitwise ones.
    let r = if let (Some(x), Some(y), true) =
        (obj::float::as_exact_f64(a), obj::float::as_exact_f64(b), (op.base() as u8) <= BinOp::Pow as u8)
    {
        obj::float::float_op(vm, op, x, y)?
    } else {
        runtime::binary_op(vm, op, a, b)?
    };
    f.pop();
    f.poke(0, r);
    Ok(())
}

#[inline(always)]
pub(super) fn unary_op(vm: &mut Vm<'_>, f: FramePtr, bc: &[u8], mut pc: usize) -> PyResult<()> {
    let k = operand(bc, &mut pc);
    f.set_ip(pc as u32);
    let op = UnaryOp::from_u8(k as u8).unwrap_or(UnaryOp::Neg);
    let v = f.peek(0);
    let fast = match (op, v.as_small_int()) {
        (UnaryOp::Neg, Some(i)) => fit(-i),
        (UnaryOp::Invert, Some(i)) => Some(Value::small_int(!i)),
        (UnaryOp::Not, _) if v == Value::TRUE => Some(Value::FALSE),
        (UnaryOp::Not, _) if v == Value::FALSE || v == Value::NONE => Some(Value::TRUE),
        _ => None,
    };
    let r = match fast {
        Some(r) => r,
        None => runtime::unary_op(vm, op, v)?,
    };
    f.poke(0, r);
    Ok(())
}

#[inline(always)]
pub(super) fn compare_op(vm: &mut Vm<'_>, f: FramePtr, bc: &[u8], mut pc: usize) -> PyResult<()> {
    let k = operand(bc, &mut pc);
    f.set_ip(pc as u32);
    let op = CmpOp::from_u8(k as u8).unwrap_or(CmpOp::Eq);
    let (a, b) = (f.peek(1), f.peek(0));
    let fast = if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
        crate::num::ordered(op, x, y)
    } else if let (Some(x), Some(y)) = (obj::float::as_exact_f64(a), obj::float::as_exact_f64(b)) {
        crate::num::ordered(op, x, y)
    } else {
        None
    };
    let Some(r) = fast else {
        let r = runtime::compare(vm, a, b, op)?;
        f.pop();
        f.poke(0, r);
        return Ok(());
    };
    f.pop();
    f.poke(0, Value::bool(r));
    fused_jump(vm, f, bc, pc, r)
}

/// After a fast `CompareOp` with result `r` (on the stack) at `pc`: if a `PopJumpIf*`
/// follows, execute it now, exactly as the loop would (its own `last_ip` and `ip`, its
/// `vm.tick`, which may run pending callbacks or raise with the result still on the
/// stack), without another trip through the dispatch loop.
#[inline(always)]
fn fused_jump(vm: &mut Vm<'_>, f: FramePtr, bc: &[u8], pc: usize, r: bool) -> PyResult<()> {
    let when = match bc.get(pc) {
        Some(&b) if b == Op::PopJumpIfFalse as u8 => false,
        Some(&b) if b == Op::PopJumpIfTrue as u8 => true,
        _ => return Ok(()),
    };
    f.set_last_ip(pc as u32);
    let mut next = pc + 1;
    let t = operand(bc, &mut next);
    f.set_ip(next as u32);
    vm.tick()?;
    f.pop();
    if r == when {
        f.set_ip(t as u32);
    }
    Ok(())
}
