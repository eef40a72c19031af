//! Generators, coroutines and context managers: `YieldValue`, `Send` (`yield from`,
//! `await`), `GetYieldFromIter`, `GetAwaitable`, `GetAIter`, `GetANext`, `EndAsyncFor`,
//! `AsyncGenWrap`, `BeforeWith`/`BeforeAsyncWith`, `WithExceptStart`. The protocols
//! themselves are `crate::coro`'s.

use super::{link, operand, unlink, Exit, Flow};
use crate::obj::frame::{fl, FramePtr};
use crate::obj::{self, exception as exc, generator};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// `YieldValue`: suspend `f` (a generator frame) and hand the value to the caller frame, or
/// leave the loop if `f` is the entry frame.
#[inline(always)]
pub(super) fn yield_value(vm: &mut Vm<'_>, f: FramePtr, pc: usize, entry: FramePtr) -> Flow {
    f.set_ip(pc as u32);
    let v = f.pop();
    let flags = f.flags();
    if let Some(g) = generator::as_gen(f.gen()) {
        g.state.set(generator::state::SUSPENDED);
    }
    // Keep the generator's own handled exception (if inside `except`) for its
    // resumption; give the caller back its own (see `link`).
    let own = if vm.handled == f.saved_handled() { Value::NULL } else { vm.handled };
    vm.handled = f.saved_handled();
    f.set_saved_handled(own);
    unlink(vm, f);
    f.set_flags(flags & !(fl::ENTRY | fl::FOR_ITER | fl::SEND));
    if flags & fl::ENTRY != 0 || f == entry {
        return Flow::Exit(Exit::Yield(v));
    }
    vm.frame.push(v);
    Flow::Next
}

/// `Send t` (`recv v` on `f`'s stack, `t` the end of the delegation loop): a generator or
/// coroutine delegate is linked as the innermost frame (the loop continues with it; no
/// Rust recursion), any other iterator is called now. May collect.
pub(super) fn send(vm: &mut Vm<'_>, f: FramePtr, bc: &[u8], mut pc: usize) -> PyResult<()> {
    let t = operand(bc, &mut pc) as u32;
    f.set_ip(pc as u32);
    let recv = f.peek(1);
    let v = f.peek(0);
    // `await` on an object whose `__await__` returned `coro.__await__()`: drive the coroutine.
    let target = generator::wrapped(recv).unwrap_or(recv);
    if let Some(g) = generator::as_gen(target) {
        let st = g.state.get();
        match st {
            generator::state::CREATED | generator::state::SUSPENDED => {
                if st == generator::state::CREATED && v != Value::NONE {
                    return Err(vm.type_error(format_args!(
                        "can't send non-None value to a just-started {}",
                        generator::word(target)
                    )));
                }
                let gf = FramePtr::from_value(g.frame.get());
                f.pop();
                if st == generator::state::SUSPENDED {
                    gf.push(v);
                }
                g.state.set(generator::state::RUNNING);
                gf.set_flags((gf.flags() | fl::SEND) & !(fl::ENTRY | fl::FOR_ITER));
                gf.set_for_target(t);
                if let Err(e) = link(vm, gf) {
                    g.state.set(st);
                    g.flags.set(g.flags.get() | generator::gflag::TRIED);
                    gf.set_flags(gf.flags() & !fl::SEND);
                    if st == generator::state::SUSPENDED {
                        gf.pop();
                    }
                    f.push(v);
                    return Err(e);
                }
                return Ok(());
            }
            generator::state::DONE => {
                if generator::is_coroutine(target) {
                    return Err(vm.raise_msg(&exc::RUNTIME_ERROR_TYPE, "cannot reuse already awaited coroutine"));
                }
                f.pop();
                f.poke(0, Value::NONE);
                f.set_ip(t);
                return Ok(());
            }
            _ => {
                return Err(
                    vm.raise_fmt(&exc::VALUE_ERROR_TYPE, format_args!("{} already executing", generator::word(target)))
                )
            }
        }
    }
    match crate::coro::send_to(vm, recv, v)? {
        crate::coro::Sent::Yield(y) => f.poke(0, y),
        crate::coro::Sent::Return(r) => {
            f.pop();
            f.poke(0, r);
            f.set_ip(t);
        }
    }
    Ok(())
}

pub(super) fn get_yield_from_iter(vm: &mut Vm<'_>, f: FramePtr, pc: usize) -> PyResult<()> {
    f.set_ip(pc as u32);
    let in_coro = generator::as_gen(f.gen()).is_some_and(|g| g.flags.get() & generator::gflag::ITERABLE_COROUTINE != 0);
    let it = crate::coro::get_yield_from_iter(vm, f.peek(0), in_coro)?;
    f.poke(0, it);
    Ok(())
}

pub(super) fn get_awaitable(vm: &mut Vm<'_>, f: FramePtr, bc: &[u8], mut pc: usize) -> PyResult<()> {
    let k = operand(bc, &mut pc);
    f.set_ip(pc as u32);
    let it = crate::coro::get_awaitable(vm, f.peek(0), k)?;
    f.poke(0, it);
    Ok(())
}

pub(super) fn get_aiter(vm: &mut Vm<'_>, f: FramePtr, pc: usize) -> PyResult<()> {
    f.set_ip(pc as u32);
    let it = crate::coro::get_aiter(vm, f.peek(0))?;
    f.poke(0, it);
    Ok(())
}

pub(super) fn get_anext(vm: &mut Vm<'_>, f: FramePtr, pc: usize) -> PyResult<()> {
    f.set_ip(pc as u32);
    let aw = crate::coro::get_anext(vm, f.peek(0))?;
    f.push(aw);
    Ok(())
}

pub(super) fn end_async_for(vm: &mut Vm<'_>, f: FramePtr, pc: usize) -> PyResult<()> {
    f.set_ip(pc as u32);
    let e = f.peek(0);
    if !obj::is_instance(e, &exc::STOP_ASYNC_ITERATION_TYPE) {
        f.pop();
        vm.skip_tb = true;
        return Err(vm.reraise(e));
    }
    f.drop_n(2);
    Ok(())
}

pub(super) fn async_gen_wrap(f: FramePtr, pc: usize) {
    f.set_ip(pc as u32);
    obj::async_gen::mark_yield(f.gen());
}

// --- with ---

/// `BeforeWith` (`is_async` false) and `BeforeAsyncWith`.
pub(super) fn before_with(vm: &mut Vm<'_>, f: FramePtr, pc: usize, is_async: bool) -> PyResult<()> {
    f.set_ip(pc as u32);
    let (exit, res) = crate::coro::before_with(vm, f.peek(0), is_async)?;
    f.poke(0, exit);
    f.push(res);
    Ok(())
}

pub(super) fn with_except_start(vm: &mut Vm<'_>, f: FramePtr, pc: usize) -> PyResult<()> {
    f.set_ip(pc as u32);
    let r = crate::coro::with_except_start(vm, f.peek(2), f.peek(0))?;
    f.push(r);
    Ok(())
}
