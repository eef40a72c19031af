//! Operators and subscripts: `BinaryOp`, `UnaryOp`, `CompareOp`, `BinarySubscr`,
//! `StoreSubscr`, `DeleteSubscr`. Small-int add/sub and exact-list indexing take a fast path
//! here; everything else is `runtime`'s.

use frostbyte_format::{BinOp, CmpOp, UnaryOp};

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

#[inline(always)]
pub(super) fn binary_op(vm: &mut Vm<'_>, f: FramePtr, bc: &[u8], mut pc: usize) -> PyResult<()> {
    let k = operand(bc, &mut pc);
    f.set_ip(pc as u32);
    let op = BinOp::from_u8(k as u8).unwrap_or(BinOp::Add);
    let (a, b) = (f.peek(1), f.peek(0));
    let fast = match (a.as_small_int(), b.as_small_int(), op.base()) {
        (Some(x), Some(y), BinOp::Add) => x.checked_add(y).and_then(|r| Value::try_small_int(r as i64)),
        (Some(x), Some(y), BinOp::Sub) => x.checked_sub(y).and_then(|r| Value::try_small_int(r as i64)),
        _ => None,
    };
    let r = match fast {
        Some(r) => r,
        None => runtime::binary_op(vm, op, a, b)?,
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
    let r = runtime::unary_op(vm, op, f.peek(0))?;
    f.poke(0, r);
    Ok(())
}

#[inline(always)]
pub(super) fn compare_op(vm: &mut Vm<'_>, f: FramePtr, bc: &[u8], mut pc: usize) -> PyResult<()> {
    let k = operand(bc, &mut pc);
    f.set_ip(pc as u32);
    let op = CmpOp::from_u8(k as u8).unwrap_or(CmpOp::Eq);
    let r = runtime::compare(vm, f.peek(1), f.peek(0), op)?;
    f.pop();
    f.poke(0, r);
    Ok(())
}
