//! Raising and handling exceptions: `RaiseVarargs`, `Reraise`, `PushExcInfo`, `PopExcept`,
//! `CheckExcMatch`, `CheckEgMatch`, `PrepReraiseStar` (`except*`), `LoadAssertionError`.
//! Handlers are found by `unwind` (the exception table), not here.

use super::operand;
use crate::obj::exception as exc;
use crate::obj::frame::FramePtr;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub(super) fn raise_varargs(vm: &mut Vm<'_>, f: FramePtr, bc: &[u8], mut pc: usize) -> PyResult<()> {
    let n = operand(bc, &mut pc);
    f.set_ip(pc as u32);
    Err(crate::builtins::do_raise(vm, f, n))
}

pub(super) fn push_exc_info(vm: &mut Vm<'_>, f: FramePtr, pc: usize) {
    f.set_ip(pc as u32);
    let e = f.peek(0);
    // `prev` is this frame's own handled exception; None when the current one
    // is inherited from the caller (PopExcept then restores the caller's, which
    // for a resumed generator may differ from the one at PushExcInfo time).
    let prev = if vm.handled == f.saved_handled() { Value::NONE } else { vm.handled_or_none() };
    vm.handled = e;
    f.poke(0, prev);
    f.push(e);
}

pub(super) fn pop_except(vm: &mut Vm<'_>, f: FramePtr, pc: usize) {
    f.set_ip(pc as u32);
    let done = vm.handled;
    let prev = f.pop();
    vm.handled = if prev == Value::NONE { f.saved_handled() } else { prev };
    // The preallocated MemoryError is raised again and again: once its handler
    // is done, drop the traceback it carries (one entry per frame it unwound), so
    // the program that recovered gets that memory back.
    if done == vm.memory_error && vm.handled != done {
        exc::reset_for_reraise(vm, done);
    }
}

pub(super) fn check_exc_match(vm: &mut Vm<'_>, f: FramePtr, pc: usize) -> PyResult<()> {
    f.set_ip(pc as u32);
    let b = crate::builtins::exc_matches(vm, f.peek(1), f.peek(0))?;
    f.poke(0, Value::bool(b));
    Ok(())
}

pub(super) fn check_eg_match(vm: &mut Vm<'_>, f: FramePtr, pc: usize) -> PyResult<()> {
    f.set_ip(pc as u32);
    let (rest, matched) = crate::obj::exception_group::check_eg_match(vm, f.peek(1), f.peek(0))?;
    f.poke(1, rest);
    f.poke(0, matched);
    if matched != Value::NONE {
        vm.handled = matched;
    }
    Ok(())
}

pub(super) fn prep_reraise_star(vm: &mut Vm<'_>, f: FramePtr, pc: usize) -> PyResult<()> {
    f.set_ip(pc as u32);
    let r = crate::obj::exception_group::prep_reraise_star(vm, f.peek(1), f.peek(0))?;
    f.pop();
    f.poke(0, r);
    Ok(())
}

pub(super) fn reraise(vm: &mut Vm<'_>, f: FramePtr, pc: usize) -> PyResult<()> {
    f.set_ip(pc as u32);
    let e = f.pop();
    vm.skip_tb = true;
    Err(vm.reraise(e))
}

pub(super) fn load_assertion_error(f: FramePtr, pc: usize) {
    f.set_ip(pc as u32);
    f.push(exc::ASSERTION_ERROR_TYPE.as_value());
}
