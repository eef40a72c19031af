//! Jumps and iteration: `Jump`, `PopJumpIf*`, `JumpIf*OrPop`, `GetIter`, `ForIter`.

use super::{link, operand};
use crate::obj::frame::{fl, FramePtr};
use crate::obj::{self, exception as exc, generator};
use crate::runtime;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

#[inline(always)]
pub(super) fn jump(f: FramePtr, bc: &[u8], mut pc: usize) {
    let t = operand(bc, &mut pc);
    f.set_ip(t as u32);
}

/// `PopJumpIfFalse` (`when` false) and `PopJumpIfTrue`.
#[inline(always)]
pub(super) fn pop_jump_if(vm: &mut Vm<'_>, f: FramePtr, bc: &[u8], mut pc: usize, when: bool) -> PyResult<()> {
    let t = operand(bc, &mut pc);
    f.set_ip(pc as u32);
    let c = f.peek(0);
    let b = match c {
        Value::TRUE => true,
        Value::FALSE | Value::NONE => false,
        _ => match c.as_small_int() {
            Some(i) => i != 0,
            None => runtime::truthy(vm, c)?,
        },
    };
    f.pop();
    if b == when {
        f.set_ip(t as u32);
    }
    Ok(())
}

/// `JumpIfFalseOrPop` (`when` false) and `JumpIfTrueOrPop`.
#[inline(always)]
pub(super) fn jump_if_or_pop(vm: &mut Vm<'_>, f: FramePtr, bc: &[u8], mut pc: usize, when: bool) -> PyResult<()> {
    let t = operand(bc, &mut pc);
    f.set_ip(pc as u32);
    let b = runtime::truthy(vm, f.peek(0))?;
    if b == when {
        f.set_ip(t as u32);
    } else {
        f.pop();
    }
    Ok(())
}

#[inline(always)]
pub(super) fn get_iter(vm: &mut Vm<'_>, f: FramePtr, pc: usize) -> PyResult<()> {
    f.set_ip(pc as u32);
    let it = runtime::get_iter(vm, f.peek(0))?;
    f.poke(0, it);
    Ok(())
}

/// `ForIter t`: push the iterator's next item, or pop it and jump to `t`. A generator is
/// resumed stacklessly: its frame is linked (the loop continues in it) and its
/// `ReturnValue` jumps the caller to `t` (`fl::FOR_ITER`).
#[inline(always)]
pub(super) fn for_iter(vm: &mut Vm<'_>, f: FramePtr, bc: &[u8], mut pc: usize) -> PyResult<()> {
    let t = operand(bc, &mut pc);
    f.set_ip(pc as u32);
    let it = f.peek(0);
    if let Some(r) = obj::iter::range_next_fast(it).or_else(|| obj::iter::seq_next_fast(it)) {
        match r {
            Some(v) => f.push(v),
            None => {
                f.pop();
                f.set_ip(t as u32);
            }
        }
        return Ok(());
    }
    if let Some(g) = generator::as_gen(it) {
        match g.state.get() {
            generator::state::CREATED | generator::state::SUSPENDED => {
                let gf = FramePtr::from_value(g.frame.get());
                if g.state.get() == generator::state::SUSPENDED {
                    gf.push(Value::NONE);
                }
                g.state.set(generator::state::RUNNING);
                gf.set_flags((gf.flags() | fl::FOR_ITER) & !fl::ENTRY);
                gf.set_for_target(t as u32);
                if let Err(e) = link(vm, gf) {
                    g.state.set(generator::state::SUSPENDED);
                    if gf.sp() > 0 {
                        gf.pop();
                    }
                    return Err(e);
                }
                return Ok(());
            }
            generator::state::DONE => {
                f.pop();
                f.set_ip(t as u32);
                return Ok(());
            }
            _ => return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "generator already executing")),
        }
    }
    match runtime::next(vm, it)? {
        Some(v) => f.push(v),
        None => {
            f.pop();
            f.set_ip(t as u32);
        }
    }
    Ok(())
}
