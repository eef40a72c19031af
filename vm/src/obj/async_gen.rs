//! `async_generator` (an `async def` with `yield`, PEP 525) and the awaitables its
//! `__anext__`, `asend`, `athrow` and `aclose` return.
//!
//! ```text
//!  async_generator        a GenObj (see generator.rs), type ASYNC_GENERATOR_TYPE
//!  AgenAwait  ObjHeader | agen Value | arg Value (value to send / exception to throw)
//!             | state Cell<u8> (INIT/ITER/DONE) | op u8 (ASEND/ATHROW/ACLOSE)
//! ```
//! The generator's frame yields for two reasons: its own `yield v` (compiled as
//! `AsyncGenWrap; YieldValue`, which sets `gflag::ASYNC_YIELD`) and the yields of the
//! awaits it runs. Driving an awaitable resumes the generator once per step: an await's
//! yield passes out to whoever drives the awaitable (the event loop), the generator's own
//! yield finishes the awaitable with `StopIteration(v)`, and the generator's end is
//! `StopAsyncIteration`.

use core::cell::Cell;

use super::generator::{self, gflag, GenObj};
use super::{Args, Builtin, Kind, Layout, Slots, Type};
use crate::call::GenStep;
use crate::heap::Tracer;
use crate::obj::{self, exception as exc, str::StrBuf};
use crate::qstr;
use crate::rom::ObjHeader;
use crate::runtime;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

crate::static_qstr!(Q_ASYNC_GENERATOR, "async_generator");
crate::static_qstr!(Q_ASEND_T, "async_generator_asend");
crate::static_qstr!(Q_ATHROW_T, "async_generator_athrow");
crate::static_qstr!(Q_AITER, "__aiter__");
crate::static_qstr!(Q_ANEXT, "__anext__");
crate::static_qstr!(Q_ASEND, "asend");
crate::static_qstr!(Q_ATHROW, "athrow");
crate::static_qstr!(Q_ACLOSE, "aclose");
crate::static_qstr!(Q_AWAIT, "__await__");

/// Is `v` an async generator?
pub fn is_async_gen(v: Value) -> bool {
    v.is_obj() && core::ptr::eq(obj::type_of(v), &ASYNC_GENERATOR_TYPE)
}

/// ASYNC_GEN_WRAP: the generator of frame `gen` is about to yield its own value.
pub fn mark_yield(gen: Value) {
    if let Some(g) = generator::as_gen(gen) {
        g.flags.set(g.flags.get() | gflag::ASYNC_YIELD);
    }
}

/// Awaitable states.
mod st {
    pub const INIT: u8 = 0;
    pub const ITER: u8 = 1;
    pub const DONE: u8 = 2;
}

/// What an awaitable does to the generator.
mod op {
    pub const ASEND: u8 = 0;
    pub const ATHROW: u8 = 1;
    pub const ACLOSE: u8 = 2;
}

/// Layout of the awaitables of `asend`/`__anext__` and `athrow`/`aclose`.
#[repr(C)]
pub struct AgenAwait {
    hdr: ObjHeader,
    agen: Cell<Value>,
    arg: Cell<Value>,
    state: Cell<u8>,
    op: Cell<u8>,
}

// SAFETY: repr(C), starts with ObjHeader; both awaitable types have kind AsyncGenAwait.
unsafe impl Layout for AgenAwait {
    const KIND: Kind = Kind::AsyncGenAwait;
}

fn as_await(v: Value) -> Option<&'static AgenAwait> {
    obj::downcast::<AgenAwait>(v)
}

/// A new awaitable over `agen` (rooted by the caller, as is `arg`). May collect.
fn new_await(vm: &mut Vm<'_>, agen: Value, arg: Value, what: u8) -> PyResult<Value> {
    let ty: &'static Type = if what == op::ASEND { &ASEND_TYPE } else { &ATHROW_TYPE };
    let v = vm.alloc_obj(ty, core::mem::size_of::<AgenAwait>())?;
    if let Some(a) = as_await(v) {
        a.agen.set(agen);
        a.arg.set(arg);
        a.op.set(what);
    }
    Ok(v)
}

fn self_value(args: &Args<'_>) -> Value {
    args.get(0)
}

fn agen_aiter(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    runtime::check_nargs(vm, "__aiter__", args, 1, 1)?;
    Ok(self_value(args))
}

fn agen_anext(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    runtime::check_nargs(vm, "__anext__", args, 1, 1)?;
    new_await(vm, self_value(args), Value::NONE, op::ASEND)
}

fn agen_asend(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    runtime::check_nargs(vm, "asend", args, 2, 2)?;
    new_await(vm, self_value(args), args.get(1), op::ASEND)
}

fn agen_athrow(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    runtime::check_nargs(vm, "athrow", args, 2, 4)?;
    let e = generator::thrown_exception(vm, args.get(1), args.get(2))?;
    let m = vm.roots_mark();
    vm.push_root(e)?;
    let r = new_await(vm, self_value(args), e, op::ATHROW);
    vm.pop_roots(m);
    r
}

fn agen_aclose(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    runtime::check_nargs(vm, "aclose", args, 1, 1)?;
    new_await(vm, self_value(args), Value::NULL, op::ACLOSE)
}

static AGEN_METHODS: &[Builtin] = &[
    Builtin::method(&Q_AITER, agen_aiter),
    Builtin::method(&Q_ANEXT, agen_anext),
    Builtin::method(&Q_ASEND, agen_asend),
    Builtin::method(&Q_ATHROW, agen_athrow),
    Builtin::method(&Q_ACLOSE, agen_aclose),
];

static AGEN_SLOTS: Slots = Slots {
    trace: Some(generator::trace),
    repr: Some(generator::repr),
    getattr: Some(generator::getattr),
    ..Slots::EMPTY
};

/// `async_generator`.
pub static ASYNC_GENERATOR_TYPE: Type =
    Type::builtin(&Q_ASYNC_GENERATOR, Some(&obj::class::OBJECT_TYPE), Kind::Generator, 0, &AGEN_SLOTS, AGEN_METHODS);

// ----- the awaitables -----

/// One step of awaitable `aw`: resume its generator with `sent` (or throw `throw` into
/// it). `Ok(y)`: an await inside the generator yielded `y` outwards. May collect.
fn step(vm: &mut Vm<'_>, aw: Value, sent: Value, throw: Value) -> PyResult<Value> {
    let Some(a) = as_await(aw) else { return Err(vm.raise_memory_error()) };
    let what = a.op.get();
    if a.state.get() == st::DONE {
        let msg = match what {
            op::ASEND => "cannot reuse already awaited __anext__()/asend()",
            op::ATHROW => "cannot reuse already awaited athrow()",
            _ => "cannot reuse already awaited aclose()",
        };
        return Err(vm.raise_msg(&exc::RUNTIME_ERROR_TYPE, msg));
    }
    let agen = a.agen.get();
    let (mut sent, mut throw) = (sent, throw);
    if a.state.get() == st::INIT {
        a.state.set(st::ITER);
        match what {
            op::ASEND if throw.is_null() && sent == Value::NONE => sent = a.arg.get(),
            op::ATHROW if throw.is_null() => throw = a.arg.get(),
            op::ACLOSE if throw.is_null() => {
                let g = generator::as_gen(agen).map(|g| g.state.get());
                if g != Some(generator::state::SUSPENDED) {
                    // Never started or finished: nothing to close.
                    if let Some(g) = generator::as_gen(agen) {
                        g.state.set(generator::state::DONE);
                    }
                    a.state.set(st::DONE);
                    return Err(vm.raise_empty(&exc::STOP_ITERATION_TYPE));
                }
                throw = exc::new(vm, &exc::GENERATOR_EXIT_TYPE, &[])?;
            }
            _ => {}
        }
    }
    let m = vm.roots_mark();
    vm.push_root(aw)?;
    vm.push_root(throw)?;
    let r =
        if throw.is_null() { generator::send_value(vm, agen, sent) } else { generator::throw_into(vm, agen, throw) };
    vm.pop_roots(m);
    let own_yield = generator::as_gen(agen).is_some_and(|g: &GenObj| {
        let own = g.flags.get() & gflag::ASYNC_YIELD != 0;
        g.flags.set(g.flags.get() & !gflag::ASYNC_YIELD);
        own
    });
    match r {
        Ok(GenStep::Yield(y)) if !own_yield => Ok(y),
        Ok(GenStep::Yield(y)) => {
            a.state.set(st::DONE);
            if what == op::ACLOSE {
                return Err(vm.raise_msg(&exc::RUNTIME_ERROR_TYPE, "async generator ignored GeneratorExit"));
            }
            Err(generator::stop_with(vm, y))
        }
        Ok(GenStep::Return(_)) => {
            a.state.set(st::DONE);
            if what == op::ACLOSE {
                return Err(vm.raise_empty(&exc::STOP_ITERATION_TYPE));
            }
            Err(vm.raise_empty(&exc::STOP_ASYNC_ITERATION_TYPE))
        }
        Err(e) => {
            a.state.set(st::DONE);
            if what == op::ACLOSE
                && (vm.pending_is(&exc::GENERATOR_EXIT_TYPE) || vm.pending_is(&exc::STOP_ASYNC_ITERATION_TYPE))
            {
                vm.take_pending();
                return Err(vm.raise_empty(&exc::STOP_ITERATION_TYPE));
            }
            Err(e)
        }
    }
}

fn aw_trace(v: Value, t: &mut Tracer<'_>) {
    if let Some(a) = as_await(v) {
        t.mark(a.agen.get());
        t.mark(a.arg.get());
    }
}

fn aw_repr(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf) -> PyResult<()> {
    sb.push_fmt(vm, format_args!("<{} object at {:#x}>", obj::type_name(v), v.bits()))
}

fn aw_next(vm: &mut Vm<'_>, v: Value) -> PyResult<Option<Value>> {
    step(vm, v, Value::NONE, Value::NULL).map(Some)
}

fn aw_self(_vm: &mut Vm<'_>, v: Value) -> PyResult<Value> {
    Ok(v)
}

fn aw_await(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    runtime::check_nargs(vm, "__await__", args, 1, 1)?;
    Ok(args.get(0))
}

fn aw_send(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    runtime::check_nargs(vm, "send", args, 2, 2)?;
    step(vm, args.get(0), args.get(1), Value::NULL)
}

fn aw_throw(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    runtime::check_nargs(vm, "throw", args, 2, 4)?;
    let e = generator::thrown_exception(vm, args.get(1), args.get(2))?;
    step(vm, args.get(0), Value::NONE, e)
}

fn aw_close(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    runtime::check_nargs(vm, "close", args, 1, 1)?;
    if let Some(a) = as_await(args.get(0)) {
        a.state.set(st::DONE);
    }
    Ok(Value::NONE)
}

static AW_METHODS: &[Builtin] = &[
    Builtin::method(&Q_AWAIT, aw_await),
    Builtin::method(&qstr::send, aw_send),
    Builtin::method(&qstr::throw, aw_throw),
    Builtin::method(&qstr::close, aw_close),
];

static AW_SLOTS: Slots =
    Slots { trace: Some(aw_trace), repr: Some(aw_repr), iter: Some(aw_self), next: Some(aw_next), ..Slots::EMPTY };

/// `async_generator_asend` (what `__anext__()` and `asend()` return).
pub static ASEND_TYPE: Type =
    Type::builtin(&Q_ASEND_T, Some(&obj::class::OBJECT_TYPE), Kind::AsyncGenAwait, 0, &AW_SLOTS, AW_METHODS);

/// `async_generator_athrow` (what `athrow()` and `aclose()` return).
pub static ATHROW_TYPE: Type =
    Type::builtin(&Q_ATHROW_T, Some(&obj::class::OBJECT_TYPE), Kind::AsyncGenAwait, 0, &AW_SLOTS, AW_METHODS);
