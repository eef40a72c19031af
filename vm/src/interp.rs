//! The interpreter loop: decode and dispatch only; the semantics live in `runtime`,
//! `call`, `import` and the object modules.
//!
//! **Stackless.** Python-to-Python calls (including `__init__` and generators resumed by
//! `for`) link a new heap frame into the chain and continue in the same loop. Native code
//! calling back into Python (`sorted(key=f)`, `__eq__` from a dict) enters [`run`]
//! again; that nesting is bounded by the native stack guard (`Vm::stack_guard`:
//! RecursionError once the native stack used passes `Vm::set_native_stack_limit`).
//!
//! **Exceptions.** A failing instruction adds a traceback entry for its frame (except
//! re-raises) and looks up the frame's exception table; without a handler the frame is
//! popped and the exception propagates to the caller, whose failing instruction is the call.

use frostbyte_format::exctable;
use frostbyte_format::linetable;
use frostbyte_format::op::Op;
use frostbyte_format::varint;
use frostbyte_format::{BinOp, CmpOp, UnaryOp};

use crate::call::{self, Prepared};
use crate::obj::frame::{fl, FramePtr};
use crate::obj::{self, exception as exc, generator, Args};
use crate::runtime;
use crate::value::Value;
use crate::vm::{PyResult, Recursion, Vm};

/// How the entry frame of a loop finished.
pub enum Exit {
    /// It returned a value.
    Return(Value),
    /// It (a generator) yielded a value.
    Yield(Value),
}

/// Link `f` as the innermost frame. RecursionError beyond the limit.
///
/// `saved_handled` of a linked frame is the caller's handled exception, restored when the
/// frame exits. A suspended generator frame holds its *own* handled exception there
/// instead (NULL: none of its own; see `YieldValue`), like CPython's `gi_exc_state`: the
/// two are swapped on every resume and yield.
fn link(vm: &mut Vm<'_>, f: FramePtr) -> PyResult<()> {
    if vm.depth >= vm.recursion_limit {
        return Err(vm.raise_msg(&exc::RECURSION_ERROR_TYPE, "maximum recursion depth exceeded"));
    }
    f.set_back(vm.frame);
    let own = f.saved_handled();
    f.set_saved_handled(vm.handled);
    if !own.is_null() {
        vm.handled = own;
    }
    vm.frame = f;
    vm.depth += 1;
    Ok(())
}

/// Unlink the innermost frame `f`.
fn unlink(vm: &mut Vm<'_>, f: FramePtr) {
    vm.frame = f.back();
    f.set_back(FramePtr::NULL);
    vm.depth = vm.depth.saturating_sub(1);
}

/// Run `entry` (already bound) until it returns or yields. `throw`: raise this exception at
/// the frame's current instruction first (generator.throw). May collect.
pub fn run(vm: &mut Vm<'_>, entry: FramePtr, throw: Value) -> PyResult<Exit> {
    if let Err(e) = vm.stack_guard(Recursion::Plain).and_then(|()| link(vm, entry)) {
        if let Some(g) = generator::as_gen(entry.gen()) {
            g.state.set(generator::state::SUSPENDED);
        }
        return Err(e);
    }
    entry.set_flags((entry.flags() | fl::ENTRY) & !(fl::FOR_ITER | fl::SEND));
    let base = vm.roots_mark();
    let mut first_err = if throw.is_null() { None } else { Some(vm.raise(throw)) };
    let r = loop {
        let res = match first_err.take() {
            Some(e) => Err(e),
            None => exec(vm, entry, base),
        };
        match res {
            Ok(exit) => break Ok(exit),
            Err(e) => {
                vm.pop_roots(base);
                if !unwind(vm, entry) {
                    break Err(e);
                }
            }
        }
    };
    vm.pop_roots(base);
    r
}

/// Handle the pending exception: find a handler in the frames down to `entry`.
/// Returns true if execution continues at a handler, false if `entry` was popped.
fn unwind(vm: &mut Vm<'_>, entry: FramePtr) -> bool {
    loop {
        let f = vm.frame;
        let exc_v = vm.pending;
        let code = f.code();
        if !core::mem::replace(&mut vm.skip_tb, false) {
            let line = linetable::line_for(code.line_table(), code.first_line(), f.last_ip() as usize);
            exc::add_traceback(vm, exc_v, code, line);
        }
        let exc_v = vm.pending;
        if let Some(h) = exctable::find(code.exc_table(), f.last_ip()) {
            f.set_sp(h.depth.min(f.stack_cap()));
            f.push(exc_v);
            f.set_ip(h.handler);
            // The handler starts with the exception on the stack.
            vm.pending = Value::NULL;
            return true;
        }
        let flags = f.flags();
        vm.handled = f.saved_handled();
        unlink(vm, f);
        let is_entry = f == entry || flags & fl::ENTRY != 0;
        if flags & fl::GEN != 0 {
            if let Some(g) = generator::as_gen(f.gen()) {
                g.state.set(generator::state::DONE);
            }
            f.set_flags(flags & !(fl::FOR_ITER | fl::SEND | fl::ENTRY));
            let gen = f.gen();
            let stop_async = obj::async_gen::is_async_gen(gen) && obj::is_instance(exc_v, &exc::STOP_ASYNC_ITERATION_TYPE);
            if stop_async || obj::is_instance(exc_v, &exc::STOP_ITERATION_TYPE) {
                // PEP 479 / 525: StopIteration escaping a generator (StopAsyncIteration an
                // async generator) becomes RuntimeError.
                let what = if stop_async { "StopAsyncIteration" } else { "StopIteration" };
                let _ = vm.raise_fmt(
                    &exc::RUNTIME_ERROR_TYPE,
                    format_args!("{} raised {what}", generator::word(gen)),
                );
                let new = vm.pending;
                exc::set_cause(vm, new, exc_v);
                exc::set_context(vm, new, exc_v);
                if let Some(x) = exc::as_exc(new) {
                    x.suppress.set(0);
                }
            }
        } else {
            vm.free(f.as_value().as_ptr());
        }
        if is_entry {
            return false;
        }
    }
}

/// SEND (`recv v` on `f`'s stack, `t` the end of the delegation loop): a generator or
/// coroutine delegate is linked as the innermost frame (true: continue with it; no Rust
/// recursion), any other iterator is called now. May collect.
fn send(vm: &mut Vm<'_>, f: FramePtr, t: u32) -> PyResult<bool> {
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
                    gf.set_flags(gf.flags() & !fl::SEND);
                    if st == generator::state::SUSPENDED {
                        gf.pop();
                    }
                    f.push(v);
                    return Err(e);
                }
                return Ok(true);
            }
            generator::state::DONE => {
                if generator::is_coroutine(target) {
                    return Err(vm.raise_msg(&exc::RUNTIME_ERROR_TYPE, "cannot reuse already awaited coroutine"));
                }
                f.pop();
                f.poke(0, Value::NONE);
                f.set_ip(t);
                return Ok(false);
            }
            _ => {
                return Err(vm.raise_fmt(
                    &exc::VALUE_ERROR_TYPE,
                    format_args!("{} already executing", generator::word(target)),
                ))
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
    Ok(false)
}

#[inline(always)]
fn operand(code: &[u8], pc: &mut usize) -> usize {
    varint::decode_u(code, pc).unwrap_or(0) as usize
}

fn name_error(vm: &mut Vm<'_>, name: Value) -> crate::vm::Raised {
    let n = obj::str::as_str(name).unwrap_or("?");
    vm.raise_fmt(&exc::NAME_ERROR_TYPE, format_args!("name '{n}' is not defined"))
}

fn unbound_local(vm: &mut Vm<'_>, f: FramePtr, i: usize) -> crate::vm::Raised {
    let n = f.code().local_names().get(i).and_then(|v| obj::str::as_str(*v)).unwrap_or("?");
    vm.raise_fmt(
        &exc::UNBOUND_LOCAL_ERROR_TYPE,
        format_args!("cannot access local variable '{n}' where it is not associated with a value"),
    )
}

/// The error for an empty cell or free variable `L[i]` (CPython's `format_exc_unbound`).
fn unbound_deref(vm: &mut Vm<'_>, f: FramePtr, i: usize) -> crate::vm::Raised {
    let code = f.code();
    if i >= code.n_locals as usize - code.n_free() as usize {
        let n = code.local_names().get(i).and_then(|v| obj::str::as_str(*v)).unwrap_or("?");
        return vm.raise_fmt(
            &exc::NAME_ERROR_TYPE,
            format_args!("cannot access free variable '{n}' where it is not associated with a value in enclosing scope"),
        );
    }
    unbound_local(vm, f, i)
}

/// Push a callee frame (stackless call) or the call's result.
fn finish_call(vm: &mut Vm<'_>, f: FramePtr, drop: usize, p: Prepared) -> PyResult<()> {
    match p {
        Prepared::Done(v) => {
            f.drop_n(drop);
            f.push(v);
            Ok(())
        }
        Prepared::Frame(nf) => {
            f.drop_n(drop);
            // The callee frame is rooted by nothing until linked: link immediately.
            link(vm, nf)
        }
    }
}

/// The end of a class statement (`BuildClass`, `BuildRomClass`): the class named by the
/// stack item under the `n` bases, made from namespace `ns`, its `__class__` cell (if any)
/// filled, replaces the top `drop` items. May collect (`ns` and `cell` rooted).
/// A base written as a generic alias (`class C(list[int])`) is its origin class (CPython's
/// `__mro_entries__`); the `n` bases are on top of `f`'s stack.
fn alias_bases(f: FramePtr, n: usize) {
    for i in 0..n {
        if let Some(o) = obj::generic_alias::origin(f.peek(i)) {
            f.poke(i, o);
        }
    }
}

fn finish_class(vm: &mut Vm<'_>, f: FramePtr, n: usize, ns: Value, cell: Value, drop: usize) -> PyResult<()> {
    let name = f.peek(n);
    let cls = obj::class::make_class(vm, Value::NULL, name, f.top_slice(n), ns, &obj::Args::new(&[]))?;
    if let Some(c) = obj::cell::as_cell(cell) {
        c.contents.set(cls);
    }
    f.drop_n(drop);
    f.push(cls);
    Ok(())
}

fn exec(vm: &mut Vm<'_>, entry: FramePtr, base: usize) -> PyResult<Exit> {
    loop {
        vm.roots_len = base;
        let f = vm.frame;
        let code = f.code();
        let bc = code.bytecode();
        let start = f.ip() as usize;
        f.set_last_ip(start as u32);
        vm.tick()?;
        let Some(&opb) = bc.get(start) else {
            return Err(vm.raise_msg(&exc::SYSTEM_ERROR_TYPE, "bytecode ran off the end"));
        };
        let Some(op) = Op::from_u8(opb) else {
            return Err(vm.raise_msg(&exc::SYSTEM_ERROR_TYPE, "bad opcode"));
        };
        let mut pc = start + 1;
        match op {
            Op::Nop => f.set_ip(pc as u32),
            Op::PopTop => {
                f.set_ip(pc as u32);
                f.pop();
            }
            Op::Copy => {
                let i = operand(bc, &mut pc);
                f.set_ip(pc as u32);
                f.push(f.peek(i.saturating_sub(1)));
            }
            Op::Swap => {
                let i = operand(bc, &mut pc);
                f.set_ip(pc as u32);
                let a = f.peek(0);
                let b = f.peek(i.saturating_sub(1));
                f.poke(0, b);
                f.poke(i.saturating_sub(1), a);
            }
            Op::LoadConst => {
                let k = operand(bc, &mut pc);
                f.set_ip(pc as u32);
                f.push(code.consts().get(k).copied().unwrap_or(Value::NONE));
            }
            Op::LoadSmallInt => {
                let v = varint::decode_s(bc, &mut pc).unwrap_or(0);
                f.set_ip(pc as u32);
                f.push(Value::small_int(v as isize));
            }
            Op::LoadNone => {
                f.set_ip(pc as u32);
                f.push(Value::NONE)
            }
            Op::LoadTrue => {
                f.set_ip(pc as u32);
                f.push(Value::TRUE)
            }
            Op::LoadFalse => {
                f.set_ip(pc as u32);
                f.push(Value::FALSE)
            }
            Op::LoadFast => {
                let i = operand(bc, &mut pc);
                f.set_ip(pc as u32);
                let v = f.local(i);
                if v.is_null() {
                    return Err(unbound_local(vm, f, i));
                }
                f.push(v);
            }
            Op::StoreFast => {
                let i = operand(bc, &mut pc);
                f.set_ip(pc as u32);
                let v = f.pop();
                f.set_local(i, v);
            }
            Op::DeleteFast => {
                let i = operand(bc, &mut pc);
                f.set_ip(pc as u32);
                if f.local(i).is_null() {
                    return Err(unbound_local(vm, f, i));
                }
                f.set_local(i, Value::NULL);
            }
            Op::LoadDeref => {
                let i = operand(bc, &mut pc);
                f.set_ip(pc as u32);
                let v = obj::cell::as_cell(f.local(i)).map(|c| c.contents.get()).unwrap_or(Value::NULL);
                if v.is_null() {
                    return Err(unbound_deref(vm, f, i));
                }
                f.push(v);
            }
            Op::StoreDeref => {
                let i = operand(bc, &mut pc);
                f.set_ip(pc as u32);
                let v = f.pop();
                if let Some(c) = obj::cell::as_cell(f.local(i)) {
                    c.contents.set(v);
                }
            }
            Op::DeleteDeref => {
                let i = operand(bc, &mut pc);
                f.set_ip(pc as u32);
                if let Some(c) = obj::cell::as_cell(f.local(i)) {
                    if c.contents.get().is_null() {
                        return Err(unbound_deref(vm, f, i));
                    }
                    c.contents.set(Value::NULL);
                }
            }
            Op::LoadClosure => {
                let i = operand(bc, &mut pc);
                f.set_ip(pc as u32);
                f.push(f.local(i));
            }
            Op::MakeCell => {
                let i = operand(bc, &mut pc);
                f.set_ip(pc as u32);
                let c = obj::cell::new(vm, f.local(i))?;
                f.set_local(i, c);
            }
            Op::LoadGlobal => {
                let n = operand(bc, &mut pc);
                f.set_ip(pc as u32);
                let name = code.names().get(n).copied().unwrap_or(Value::NONE);
                let v = match obj::dict::get_str(f.globals(), name) {
                    Some(v) => v,
                    None => match crate::builtins::lookup(name) {
                        Some(v) => v,
                        None => return Err(name_error(vm, name)),
                    },
                };
                f.push(v);
            }
            Op::StoreGlobal => {
                let n = operand(bc, &mut pc);
                f.set_ip(pc as u32);
                let name = code.names().get(n).copied().unwrap_or(Value::NONE);
                obj::dict::set_str(vm, f.globals(), name, f.peek(0))?;
                f.pop();
            }
            Op::DeleteGlobal => {
                let n = operand(bc, &mut pc);
                f.set_ip(pc as u32);
                let name = code.names().get(n).copied().unwrap_or(Value::NONE);
                if obj::dict::remove(vm, f.globals(), name)?.is_none() {
                    return Err(name_error(vm, name));
                }
            }
            Op::LoadName => {
                let n = operand(bc, &mut pc);
                f.set_ip(pc as u32);
                let name = code.names().get(n).copied().unwrap_or(Value::NONE);
                let locals = f.locals();
                let mut v = None;
                if !locals.is_null() {
                    v = if obj::dict::as_dict(locals).is_some() {
                        obj::dict::get_str(locals, name)
                    } else {
                        match runtime::get_item(vm, locals, name) {
                            Ok(x) => Some(x),
                            Err(_) => {
                                vm.take_pending();
                                None
                            }
                        }
                    };
                }
                let v = match v.or_else(|| obj::dict::get_str(f.globals(), name)).or_else(|| crate::builtins::lookup(name)) {
                    Some(v) => v,
                    None => return Err(name_error(vm, name)),
                };
                f.push(v);
            }
            Op::StoreName => {
                let n = operand(bc, &mut pc);
                f.set_ip(pc as u32);
                let name = code.names().get(n).copied().unwrap_or(Value::NONE);
                let target = if f.locals().is_null() { f.globals() } else { f.locals() };
                if obj::dict::as_dict(target).is_some() {
                    obj::dict::set_str(vm, target, name, f.peek(0))?;
                } else {
                    runtime::set_item(vm, target, name, f.peek(0))?;
                }
                f.pop();
            }
            Op::DeleteName => {
                let n = operand(bc, &mut pc);
                f.set_ip(pc as u32);
                let name = code.names().get(n).copied().unwrap_or(Value::NONE);
                let target = if f.locals().is_null() { f.globals() } else { f.locals() };
                if obj::dict::remove(vm, target, name)?.is_none() {
                    return Err(name_error(vm, name));
                }
            }
            Op::LoadAttr => {
                let n = operand(bc, &mut pc);
                f.set_ip(pc as u32);
                let name = code.names().get(n).copied().unwrap_or(Value::NONE);
                let v = runtime::get_attr(vm, f.peek(0), name)?;
                f.poke(0, v);
            }
            Op::StoreAttr => {
                let n = operand(bc, &mut pc);
                f.set_ip(pc as u32);
                let name = code.names().get(n).copied().unwrap_or(Value::NONE);
                runtime::set_attr(vm, f.peek(0), name, f.peek(1))?;
                f.drop_n(2);
            }
            Op::DeleteAttr => {
                let n = operand(bc, &mut pc);
                f.set_ip(pc as u32);
                let name = code.names().get(n).copied().unwrap_or(Value::NONE);
                runtime::set_attr(vm, f.peek(0), name, Value::NULL)?;
                f.pop();
            }
            Op::LoadMethod => {
                let n = operand(bc, &mut pc);
                f.set_ip(pc as u32);
                let name = code.names().get(n).copied().unwrap_or(Value::NONE);
                let (m, s) = runtime::load_method(vm, f.peek(0), name)?;
                f.poke(0, m);
                f.push(s);
            }
            Op::BinarySubscr => {
                f.set_ip(pc as u32);
                let (o, k) = (f.peek(1), f.peek(0));
                let v = match (obj::list::as_exact_list(o), k.as_small_int()) {
                    (Some(l), Some(i)) if i >= 0 && (i as usize) < l.len() => l.get(i as usize).unwrap_or(Value::NONE),
                    _ => runtime::get_item(vm, o, k)?,
                };
                f.pop();
                f.poke(0, v);
            }
            Op::StoreSubscr => {
                f.set_ip(pc as u32);
                let (v, o, k) = (f.peek(2), f.peek(1), f.peek(0));
                match (obj::list::as_exact_list(o), k.as_small_int()) {
                    (Some(l), Some(i)) if i >= 0 && (i as usize) < l.len() => l.set(i as usize, v),
                    _ => runtime::set_item(vm, o, k, v)?,
                }
                f.drop_n(3);
            }
            Op::DeleteSubscr => {
                f.set_ip(pc as u32);
                runtime::set_item(vm, f.peek(1), f.peek(0), Value::NULL)?;
                f.drop_n(2);
            }
            Op::BinaryOp => {
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
            }
            Op::UnaryOp => {
                let k = operand(bc, &mut pc);
                f.set_ip(pc as u32);
                let op = UnaryOp::from_u8(k as u8).unwrap_or(UnaryOp::Neg);
                let r = runtime::unary_op(vm, op, f.peek(0))?;
                f.poke(0, r);
            }
            Op::CompareOp => {
                let k = operand(bc, &mut pc);
                f.set_ip(pc as u32);
                let op = CmpOp::from_u8(k as u8).unwrap_or(CmpOp::Eq);
                let r = runtime::compare(vm, f.peek(1), f.peek(0), op)?;
                f.pop();
                f.poke(0, r);
            }
            Op::Jump => {
                let t = operand(bc, &mut pc);
                f.set_ip(t as u32);
            }
            Op::PopJumpIfFalse | Op::PopJumpIfTrue => {
                let t = operand(bc, &mut pc);
                f.set_ip(pc as u32);
                let c = f.peek(0);
                let b = runtime::truthy(vm, c)?;
                f.pop();
                if b == (op == Op::PopJumpIfTrue) {
                    f.set_ip(t as u32);
                }
            }
            Op::JumpIfFalseOrPop | Op::JumpIfTrueOrPop => {
                let t = operand(bc, &mut pc);
                f.set_ip(pc as u32);
                let b = runtime::truthy(vm, f.peek(0))?;
                if b == (op == Op::JumpIfTrueOrPop) {
                    f.set_ip(t as u32);
                } else {
                    f.pop();
                }
            }
            Op::GetIter => {
                f.set_ip(pc as u32);
                let it = runtime::get_iter(vm, f.peek(0))?;
                f.poke(0, it);
            }
            Op::ForIter => {
                let t = operand(bc, &mut pc);
                f.set_ip(pc as u32);
                let it = f.peek(0);
                if let Some(r) = obj::iter::range_next_fast(it) {
                    match r {
                        Some(v) => f.push(v),
                        None => {
                            f.pop();
                            f.set_ip(t as u32);
                        }
                    }
                    continue;
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
                            continue;
                        }
                        generator::state::DONE => {
                            f.pop();
                            f.set_ip(t as u32);
                            continue;
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
            }
            Op::BuildTuple => {
                let n = operand(bc, &mut pc);
                f.set_ip(pc as u32);
                let t = obj::tuple::new(vm, f.top_slice(n))?;
                f.drop_n(n);
                f.push(t);
            }
            Op::BuildList => {
                let n = operand(bc, &mut pc);
                f.set_ip(pc as u32);
                let l = obj::list::from_slice(vm, f.top_slice(n))?;
                f.drop_n(n);
                f.push(l);
            }
            Op::BuildSet => {
                let n = operand(bc, &mut pc);
                f.set_ip(pc as u32);
                let s = obj::set::new(vm, false)?;
                vm.push_root(s)?;
                for i in 0..n {
                    obj::set::add(vm, s, f.peek(n - 1 - i))?;
                }
                f.drop_n(n);
                f.push(s);
            }
            Op::BuildMap => {
                let n = operand(bc, &mut pc);
                f.set_ip(pc as u32);
                let d = obj::dict::new(vm)?;
                vm.push_root(d)?;
                for i in 0..n {
                    let k = f.peek(2 * (n - i) - 1);
                    let v = f.peek(2 * (n - i) - 2);
                    obj::dict::set(vm, d, k, v)?;
                }
                f.drop_n(2 * n);
                f.push(d);
            }
            Op::BuildSlice => {
                let n = operand(bc, &mut pc);
                f.set_ip(pc as u32);
                let s = if n == 3 {
                    obj::slice::new(vm, f.peek(2), f.peek(1), f.peek(0))?
                } else {
                    obj::slice::new(vm, f.peek(1), f.peek(0), Value::NONE)?
                };
                f.drop_n(n);
                f.push(s);
            }
            Op::BuildString => {
                let n = operand(bc, &mut pc);
                f.set_ip(pc as u32);
                let s = obj::str::concat(vm, f.top_slice(n))?;
                f.drop_n(n);
                f.push(s);
            }
            Op::FormatValue => {
                let k = operand(bc, &mut pc);
                f.set_ip(pc as u32);
                let has_spec = k & 4 != 0;
                let (v, spec) = if has_spec { (f.peek(1), f.peek(0)) } else { (f.peek(0), Value::NULL) };
                let s = crate::strformat::format_value(vm, v, (k & 3) as u8, spec)?;
                f.drop_n(if has_spec { 2 } else { 1 });
                f.push(s);
            }
            Op::ListAppend | Op::SetAdd | Op::ListExtend | Op::SetUpdate | Op::DictUpdate | Op::DictMerge => {
                let i = operand(bc, &mut pc);
                f.set_ip(pc as u32);
                let v = f.peek(0);
                let target = f.peek(i);
                match op {
                    Op::ListAppend => obj::list::append(vm, target, v)?,
                    Op::SetAdd => obj::set::add(vm, target, v)?,
                    Op::ListExtend => {
                        if !runtime::is_iterable(v) {
                            let t = obj::type_name(v);
                            return Err(vm.type_error(format_args!("Value after * must be an iterable, not {t}")));
                        }
                        obj::list::extend(vm, target, v)?
                    }
                    Op::SetUpdate => obj::set::update(vm, target, v)?,
                    Op::DictUpdate => {
                        if obj::dict::as_dict(v).is_none() && !runtime::has_attr_name(vm, v, "keys")? {
                            return Err(vm.type_error(format_args!("'{}' object is not a mapping", obj::type_name(v))));
                        }
                        obj::dict::update(vm, target, v)?
                    }
                    // Stack: func args d (i-1 items) m.
                    _ => crate::builtins::dict_merge(vm, target, v, f.peek(i + 2))?,
                }
                f.pop();
            }
            Op::MapAdd => {
                let i = operand(bc, &mut pc);
                f.set_ip(pc as u32);
                let (k, v) = (f.peek(1), f.peek(0));
                let d = f.peek(i + 1);
                obj::dict::set(vm, d, k, v)?;
                f.drop_n(2);
            }
            Op::ListToTuple => {
                f.set_ip(pc as u32);
                let t = obj::list::to_tuple(vm, f.peek(0))?;
                f.poke(0, t);
            }
            Op::UnpackSequence => {
                let n = operand(bc, &mut pc);
                f.set_ip(pc as u32);
                let t = runtime::unpack(vm, f.peek(0), n)?;
                let items = obj::tuple::items(t).unwrap_or(&[]);
                f.pop();
                for x in items.iter().rev() {
                    f.push(*x);
                }
            }
            Op::UnpackEx => {
                let a = operand(bc, &mut pc);
                let b = operand(bc, &mut pc);
                f.set_ip(pc as u32);
                runtime::check_unpackable(vm, f.peek(0))?;
                let l = obj::list::from_iter(vm, f.peek(0))?;
                let items = obj::list::as_list(l).map(|x| x.as_slice()).unwrap_or(&[]);
                if items.len() < a + b {
                    return Err(vm.value_error(format_args!(
                        "not enough values to unpack (expected at least {}, got {})",
                        a + b,
                        items.len()
                    )));
                }
                vm.push_root(l)?;
                let mid = obj::list::from_slice(vm, &items[a..items.len() - b])?;
                let items = obj::list::as_list(l).map(|x| x.as_slice()).unwrap_or(&[]);
                f.pop();
                for x in items[items.len() - b..].iter().rev() {
                    f.push(*x);
                }
                f.push(mid);
                for x in items[..a].iter().rev() {
                    f.push(*x);
                }
            }
            Op::MatchSequence | Op::MatchMapping => {
                f.set_ip(pc as u32);
                let s = f.peek(0);
                let b = if op == Op::MatchSequence { crate::pattern::is_sequence(s) } else { crate::pattern::is_mapping(s) };
                f.push(Value::bool(b));
            }
            Op::GetLen => {
                f.set_ip(pc as u32);
                let n = runtime::len(vm, f.peek(0))?;
                let v = obj::int::from_i64(vm, n as i64)?;
                f.push(v);
            }
            Op::MatchKeys => {
                f.set_ip(pc as u32);
                let v = crate::pattern::match_keys(vm, f.peek(1), f.peek(0))?;
                f.push(v);
            }
            Op::MatchClass => {
                let n = operand(bc, &mut pc);
                f.set_ip(pc as u32);
                let v = crate::pattern::match_class(vm, f.peek(2), f.peek(1), n, f.peek(0))?;
                f.drop_n(2);
                f.poke(0, v);
            }
            Op::MakeFunction => {
                let k = operand(bc, &mut pc);
                f.set_ip(pc as u32);
                let mut i = 0;
                let codev = f.peek(i);
                i += 1;
                let closure = if k & 4 != 0 {
                    i += 1;
                    f.peek(i - 1)
                } else {
                    Value::NULL
                };
                let kwd = if k & 2 != 0 {
                    i += 1;
                    f.peek(i - 1)
                } else {
                    Value::NULL
                };
                let dfl = if k & 1 != 0 {
                    i += 1;
                    f.peek(i - 1)
                } else {
                    Value::NULL
                };
                let func = obj::function::new(vm, codev, f.globals(), dfl, kwd, closure)?;
                f.drop_n(i);
                f.push(func);
            }
            Op::MakeRomFunction => {
                let k = operand(bc, &mut pc);
                f.set_ip(pc as u32);
                let fv = code.consts().get(k).copied().unwrap_or(Value::NULL);
                let func = obj::function::from_rom(vm, fv, f.globals())?;
                f.push(func);
            }
            Op::Call => {
                let n = operand(bc, &mut pc);
                f.set_ip(pc as u32);
                let func = f.peek(n);
                let args = f.top_slice(n);
                let p = call::prepare(vm, func, &Args::new(args))?;
                finish_call(vm, f, n + 1, p)?;
            }
            Op::CallKw => {
                let n = operand(bc, &mut pc);
                f.set_ip(pc as u32);
                let names = obj::tuple::items(f.peek(0)).unwrap_or(&[]);
                let func = f.peek(n + 1);
                let all = &f.top_slice(n + 1)[..n];
                let npos = n.saturating_sub(names.len());
                let args = Args { pos: &all[..npos], kwnames: names, kwvals: &all[npos..] };
                let p = call::prepare(vm, func, &args)?;
                finish_call(vm, f, n + 2, p)?;
            }
            Op::CallMethod => {
                let n = operand(bc, &mut pc);
                f.set_ip(pc as u32);
                let s = f.peek(n);
                let func = f.peek(n + 1);
                let args = if s.is_null() { f.top_slice(n) } else { f.top_slice(n + 1) };
                let p = call::prepare(vm, func, &Args::new(args))?;
                finish_call(vm, f, n + 2, p)?;
            }
            Op::CallMethodKw => {
                let n = operand(bc, &mut pc);
                f.set_ip(pc as u32);
                let names = obj::tuple::items(f.peek(0)).unwrap_or(&[]);
                let s = f.peek(n + 1);
                let func = f.peek(n + 2);
                let all = if s.is_null() { &f.top_slice(n + 1)[..n] } else { &f.top_slice(n + 2)[..n + 1] };
                let npos = all.len().saturating_sub(names.len());
                let args = Args { pos: &all[..npos], kwnames: names, kwvals: &all[npos..] };
                let p = call::prepare(vm, func, &args)?;
                finish_call(vm, f, n + 3, p)?;
            }
            Op::CallEx => {
                let k = operand(bc, &mut pc);
                f.set_ip(pc as u32);
                let has_kw = k & 1 != 0;
                let (func, argt, kw) =
                    if has_kw { (f.peek(2), f.peek(1), f.peek(0)) } else { (f.peek(1), f.peek(0), Value::NULL) };
                let argt = if obj::tuple::items(argt).is_some() {
                    argt
                } else {
                    crate::builtins::check_star_args(vm, func, argt)?;
                    let l = obj::list::from_iter(vm, argt)?;
                    vm.push_root(l)?;
                    obj::list::to_tuple(vm, l)?
                };
                vm.push_root(argt)?;
                let (names, vals) = crate::builtins::kwargs_to_tuples(vm, kw)?;
                let args = Args {
                    pos: obj::tuple::items(argt).unwrap_or(&[]),
                    kwnames: obj::tuple::items(names).unwrap_or(&[]),
                    kwvals: obj::tuple::items(vals).unwrap_or(&[]),
                };
                let p = call::prepare(vm, func, &args)?;
                finish_call(vm, f, if has_kw { 3 } else { 2 }, p)?;
            }
            Op::ReturnValue => {
                f.set_ip(pc as u32);
                let mut v = f.pop();
                let flags = f.flags();
                if flags & fl::INIT != 0 {
                    if v != Value::NONE {
                        return Err(vm.type_error(format_args!(
                            "__init__() should return None, not '{}'",
                            obj::type_name(v)
                        )));
                    }
                    v = f.local(0);
                }
                vm.handled = f.saved_handled();
                unlink(vm, f);
                if flags & fl::GEN != 0 {
                    if let Some(g) = generator::as_gen(f.gen()) {
                        g.state.set(generator::state::DONE);
                    }
                    f.set_flags(flags & !(fl::ENTRY | fl::FOR_ITER | fl::SEND));
                    if flags & fl::FOR_ITER != 0 {
                        let caller = vm.frame;
                        caller.pop();
                        caller.set_ip(f.for_target());
                        continue;
                    }
                    if flags & fl::SEND != 0 {
                        // `yield from` / `await` is over: the delegate becomes its result.
                        let caller = vm.frame;
                        caller.poke(0, v);
                        caller.set_ip(f.for_target());
                        continue;
                    }
                    if flags & fl::ENTRY != 0 || f == entry {
                        return Ok(Exit::Return(v));
                    }
                    vm.frame.push(v);
                    continue;
                }
                let is_entry = flags & fl::ENTRY != 0 || f == entry;
                vm.free(f.as_value().as_ptr());
                if is_entry {
                    return Ok(Exit::Return(v));
                }
                vm.frame.push(v);
            }
            Op::YieldValue => {
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
                    return Ok(Exit::Yield(v));
                }
                vm.frame.push(v);
            }
            Op::BuildClass => {
                let n = operand(bc, &mut pc);
                f.set_ip(pc as u32);
                alias_bases(f, n);
                let body = f.peek(n + 1);
                if f.top_slice(n).iter().any(|b| obj::type_of(*b).is_heap()) {
                    // A base with a metaclass of its own: `__prepare__` and the metaclass
                    // call, as `__build_class__` does.
                    let cls = crate::builtins::build_class_with(vm, body, f.peek(n), f.top_slice(n))?;
                    f.drop_n(n + 2);
                    f.push(cls);
                    continue;
                }
                let ns = obj::dict::new(vm)?;
                vm.push_root(ns)?;
                let cell = call::run_class_body(vm, body, ns)?;
                vm.push_root(cell)?;
                finish_class(vm, f, n, ns, cell, n + 2)?;
            }
            Op::BuildRomClass => {
                let k = operand(bc, &mut pc);
                let n = operand(bc, &mut pc);
                f.set_ip(pc as u32);
                alias_bases(f, n);
                let rom = code.consts().get(k).copied().unwrap_or(Value::NULL);
                let needs_cell = obj::dict::as_dict(rom)
                    .is_some_and(|d| (0..d.used()).any(|i| d.entry(i).is_some_and(|(_, v)| obj::class::uses_class_cell(v))));
                let cell = if needs_cell { obj::cell::new(vm, Value::NULL)? } else { Value::NULL };
                vm.push_root(cell)?;
                let mut ns = obj::class::rom_namespace(vm, rom, f.globals(), code.module, cell)?;
                vm.push_root(ns)?;
                if f.top_slice(n).iter().any(|b| obj::type_of(*b).is_heap()) {
                    ns = crate::builtins::prepare_frozen(vm, f.peek(n), f.top_slice(n), ns)?;
                    vm.push_root(ns)?;
                }
                finish_class(vm, f, n, ns, cell, n + 1)?;
            }
            Op::RaiseVarargs => {
                let n = operand(bc, &mut pc);
                f.set_ip(pc as u32);
                return Err(crate::builtins::do_raise(vm, f, n));
            }
            Op::PushExcInfo => {
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
            Op::PopExcept => {
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
            Op::CheckExcMatch => {
                f.set_ip(pc as u32);
                let b = crate::builtins::exc_matches(vm, f.peek(1), f.peek(0))?;
                f.poke(0, Value::bool(b));
            }
            Op::CheckEgMatch => {
                f.set_ip(pc as u32);
                let (rest, matched) = obj::exception_group::check_eg_match(vm, f.peek(1), f.peek(0))?;
                f.poke(1, rest);
                f.poke(0, matched);
                if matched != Value::NONE {
                    vm.handled = matched;
                }
            }
            Op::PrepReraiseStar => {
                f.set_ip(pc as u32);
                let r = obj::exception_group::prep_reraise_star(vm, f.peek(1), f.peek(0))?;
                f.pop();
                f.poke(0, r);
            }
            Op::Reraise => {
                f.set_ip(pc as u32);
                let e = f.pop();
                vm.skip_tb = true;
                return Err(vm.reraise(e));
            }
            Op::LoadAssertionError => {
                f.set_ip(pc as u32);
                f.push(exc::ASSERTION_ERROR_TYPE.as_value());
            }
            Op::ImportName => {
                let n = operand(bc, &mut pc);
                let level = operand(bc, &mut pc);
                f.set_ip(pc as u32);
                let name = code.names().get(n).copied().unwrap_or(Value::NONE);
                let m = crate::import::import_name(vm, name, f.peek(0), level, f.globals())?;
                f.poke(0, m);
            }
            Op::ImportFrom => {
                let n = operand(bc, &mut pc);
                f.set_ip(pc as u32);
                let name = code.names().get(n).copied().unwrap_or(Value::NONE);
                let x = crate::import::import_from(vm, f.peek(0), name)?;
                f.push(x);
            }
            // --- with, yield from, await ---
            Op::BeforeWith | Op::BeforeAsyncWith => {
                f.set_ip(pc as u32);
                let (exit, res) = crate::coro::before_with(vm, f.peek(0), op == Op::BeforeAsyncWith)?;
                f.poke(0, exit);
                f.push(res);
            }
            Op::WithExceptStart => {
                f.set_ip(pc as u32);
                let r = crate::coro::with_except_start(vm, f.peek(2), f.peek(0))?;
                f.push(r);
            }
            Op::GetYieldFromIter => {
                f.set_ip(pc as u32);
                let in_coro = generator::as_gen(f.gen())
                    .is_some_and(|g| g.flags.get() & generator::gflag::ITERABLE_COROUTINE != 0);
                let it = crate::coro::get_yield_from_iter(vm, f.peek(0), in_coro)?;
                f.poke(0, it);
            }
            Op::GetAwaitable => {
                let k = operand(bc, &mut pc);
                f.set_ip(pc as u32);
                let it = crate::coro::get_awaitable(vm, f.peek(0), k)?;
                f.poke(0, it);
            }
            Op::Send => {
                let t = operand(bc, &mut pc);
                f.set_ip(pc as u32);
                if send(vm, f, t as u32)? {
                    continue;
                }
            }
            Op::GetAIter => {
                f.set_ip(pc as u32);
                let it = crate::coro::get_aiter(vm, f.peek(0))?;
                f.poke(0, it);
            }
            Op::GetANext => {
                f.set_ip(pc as u32);
                let aw = crate::coro::get_anext(vm, f.peek(0))?;
                f.push(aw);
            }
            Op::EndAsyncFor => {
                f.set_ip(pc as u32);
                let e = f.peek(0);
                if !obj::is_instance(e, &exc::STOP_ASYNC_ITERATION_TYPE) {
                    f.pop();
                    vm.skip_tb = true;
                    return Err(vm.reraise(e));
                }
                f.drop_n(2);
            }
            Op::AsyncGenWrap => {
                f.set_ip(pc as u32);
                obj::async_gen::mark_yield(f.gen());
            }
            Op::ImportStar => {
                f.set_ip(pc as u32);
                let target = if f.locals().is_null() { f.globals() } else { f.locals() };
                crate::import::import_star(vm, f.peek(0), target)?;
                f.pop();
            }
        }
    }
}
