//! Stack shuffling and constants: `Nop`, `PopTop`, `Copy`, `Swap`, `LoadConst`,
//! `LoadSmallInt`, `LoadNone`/`LoadTrue`/`LoadFalse`.

use frostbyte_format::varint;

use super::operand;
use crate::obj::frame::FramePtr;
use crate::value::Value;

#[inline(always)]
pub(super) fn nop(f: FramePtr, pc: usize) {
    f.set_ip(pc as u32);
}

#[inline(always)]
pub(super) fn pop_top(f: FramePtr, pc: usize) {
    f.set_ip(pc as u32);
    f.pop();
}

#[inline(always)]
pub(super) fn copy(f: FramePtr, bc: &[u8], mut pc: usize) {
    let i = operand(bc, &mut pc);
    f.set_ip(pc as u32);
    f.push(f.peek(i.saturating_sub(1)));
}

#[inline(always)]
pub(super) fn swap(f: FramePtr, bc: &[u8], mut pc: usize) {
    let i = operand(bc, &mut pc);
    f.set_ip(pc as u32);
    let a = f.peek(0);
    let b = f.peek(i.saturating_sub(1));
    f.poke(0, b);
    f.poke(i.saturating_sub(1), a);
}

#[inline(always)]
pub(super) fn load_const(f: FramePtr, bc: &[u8], mut pc: usize) {
    let k = operand(bc, &mut pc);
    f.set_ip(pc as u32);
    f.push(f.code().consts().get(k).copied().unwrap_or(Value::NONE));
}

#[inline(always)]
pub(super) fn load_small_int(f: FramePtr, bc: &[u8], mut pc: usize) {
    let v = varint::decode_s(bc, &mut pc).unwrap_or(0);
    f.set_ip(pc as u32);
    f.push(Value::small_int(v as isize));
}

/// `LoadNone`, `LoadTrue`, `LoadFalse`: push `v`.
#[inline(always)]
pub(super) fn load_value(f: FramePtr, pc: usize, v: Value) {
    f.set_ip(pc as u32);
    f.push(v)
}
