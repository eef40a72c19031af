//! `generator`, `coroutine` and `coroutine_wrapper`: a suspended frame and what drives it.
//!
//! ```text
//!  GenObj      ObjHeader | frame Value (Frame) | state Cell<u8> | flags Cell<u8>
//!  CoroWrapper ObjHeader | coro Value (a coroutine)
//! ```
//! A coroutine (`async def`) is a `GenObj` of type `coroutine`: the same frame machinery,
//! but not iterable; `await` and `coro.__await__()` (a `coroutine_wrapper`) drive it.
//!
//! `for` loops, `yield from` and `await` resume generators without Rust recursion (the
//! interpreter's FOR_ITER and SEND link the generator's frame); native callers (`next()`,
//! `gen.send()`) use `call::resume_generator`, a nested loop. A generator suspended inside
//! `yield from` / `await` is *delegating* ([`delegate`]): `throw` and `close` go to the
//! delegate first (PEP 380), one Rust level per delegation (bounded by the native stack
//! guard; the chain itself is at most the recursion limit deep, because SEND links every
//! delegating frame at once).

use core::cell::Cell;

use frostbyte_format::{CodeFlags, Op};

use super::{Args, Builtin, Kind, Layout, Slots, Type};
use crate::call::{self, GenStep};
use crate::heap::Tracer;
use crate::obj::{self, exception as exc, frame::FramePtr, str::StrBuf};
use crate::qstr;
use crate::rom::ObjHeader;
use crate::runtime;
use crate::value::Value;
use crate::vm::{PyResult, Recursion, Vm};

/// Generator states.
pub mod state {
    /// Not started.
    pub const CREATED: u8 = 0;
    /// Suspended at a yield.
    pub const SUSPENDED: u8 = 1;
    /// Running.
    pub const RUNNING: u8 = 2;
    /// Finished.
    pub const DONE: u8 = 3;
}

/// `GenObj::flags` bits.
pub mod gflag {
    /// A generator made by a function wrapped in `types.coroutine`: `await` accepts it.
    pub const ITERABLE_COROUTINE: u8 = 1;
    /// An async generator's last yield was its own `yield` (ASYNC_GEN_WRAP), not the
    /// yield of an `await` passing through it.
    pub const ASYNC_YIELD: u8 = 2;
    /// A coroutine whose first resume failed before its frame ran (RecursionError): CPython
    /// counts it as started, so it is not reported as never awaited.
    pub const TRIED: u8 = 4;
}

/// Generator layout.
#[repr(C)]
pub struct GenObj {
    hdr: ObjHeader,
    /// The frame.
    pub frame: Cell<Value>,
    /// `state::*`.
    pub state: Cell<u8>,
    /// `gflag::*`.
    pub flags: Cell<u8>,
}

// SAFETY: repr(C), starts with ObjHeader; GENERATOR_TYPE and COROUTINE_TYPE have kind
// Generator.
unsafe impl Layout for GenObj {
    const KIND: Kind = Kind::Generator;
}

/// Borrow a generator or coroutine.
pub fn as_gen(v: Value) -> Option<&'static GenObj> {
    obj::downcast::<GenObj>(v)
}

/// Is `v` a coroutine (made by an `async def`)?
pub fn is_coroutine(v: Value) -> bool {
    v.is_obj() && core::ptr::eq(obj::type_of(v), &COROUTINE_TYPE)
}

/// Is `v` a plain generator (iterable)?
pub fn is_generator(v: Value) -> bool {
    v.is_obj() && core::ptr::eq(obj::type_of(v), &GENERATOR_TYPE)
}

/// "generator", "coroutine" or "async generator", for messages.
pub fn word(v: Value) -> &'static str {
    if is_coroutine(v) {
        "coroutine"
    } else if obj::async_gen::is_async_gen(v) {
        "async generator"
    } else {
        "generator"
    }
}

/// A generator (a coroutine when the code is an `async def`) owning `frame` (rooted by the
/// caller). May collect.
pub fn new(vm: &mut Vm<'_>, frame: FramePtr) -> PyResult<Value> {
    let flags = CodeFlags(frame.code().flags);
    let ty: &'static Type = if flags.contains(CodeFlags::COROUTINE) {
        &COROUTINE_TYPE
    } else if flags.contains(CodeFlags::ASYNC_GENERATOR) {
        &obj::async_gen::ASYNC_GENERATOR_TYPE
    } else {
        &GENERATOR_TYPE
    };
    let v = vm.alloc_obj(ty, core::mem::size_of::<GenObj>())?;
    if let Some(g) = as_gen(v) {
        g.frame.set(frame.as_value());
    }
    frame.set_gen(v);
    frame.set_flags(frame.flags() | obj::frame::fl::GEN);
    Ok(v)
}

/// The collector's `dead` hook (heap invariant 8): if the object at `p`, being freed, is a
/// coroutine that was never started, its code (for CPython's "coroutine ... was never
/// awaited" warning). Reads the dying coroutine and its frame, both still intact.
pub(crate) fn unstarted_coroutine_code(p: *const u8) -> Option<&'static crate::rom::Code> {
    // SAFETY: the sweep passes the start of an object with a header (invariant 6): its first
    // word is its type pointer (null if the object was never initialised).
    let ty = unsafe { *(p as *const *const Type) };
    if !core::ptr::eq(ty, &COROUTINE_TYPE) {
        return None;
    }
    // SAFETY: an object of COROUTINE_TYPE is a GenObj; its memory is intact during the sweep.
    let g = unsafe { &*(p as *const GenObj) };
    let f = FramePtr::from_value(g.frame.get());
    (g.state.get() == state::CREATED && g.flags.get() & gflag::TRIED == 0 && !f.is_null()).then(|| f.code())
}

pub(crate) fn trace(v: Value, t: &mut Tracer<'_>) {
    if let Some(g) = as_gen(v) {
        t.mark(g.frame.get());
    }
}

fn next(vm: &mut Vm<'_>, v: Value) -> PyResult<Option<Value>> {
    match call::resume_generator(vm, v, Value::NONE, Value::NULL)? {
        GenStep::Yield(x) => Ok(Some(x)),
        GenStep::Return(_) => Ok(None),
    }
}

fn self_iter(_vm: &mut Vm<'_>, v: Value) -> PyResult<Value> {
    Ok(v)
}

pub(crate) fn repr(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf) -> PyResult<()> {
    let name = as_gen(v)
        .map(|g| FramePtr::from_value(g.frame.get()))
        .filter(|f| !f.is_null())
        .map(|f| f.code().name)
        .unwrap_or(Value::NONE);
    sb.push_fmt(vm, format_args!("<{} object ", obj::type_name(v)))?;
    sb.push(vm, obj::str::as_str(name).unwrap_or("?"))?;
    sb.push_fmt(vm, format_args!(" at {:#x}>", v.bits()))
}

/// The attributes of generators, coroutines and async generators: `__name__`,
/// `__qualname__`, `gi_running` / `cr_running` / `ag_running`, the object being
/// delegated to, `gi_yieldfrom` / `cr_await` / `ag_await`, and (each under its type's
/// prefix only) `gi_frame`, `gi_code`, `gi_suspended`, `cr_origin` (always None: origin
/// tracking is off, CPython's default). May collect.
pub(crate) fn getattr(vm: &mut Vm<'_>, v: Value, name: Value) -> PyResult<Value> {
    let Some(g) = as_gen(v) else { return Ok(Value::NULL) };
    let Some(n) = obj::str::as_str(name) else { return Ok(Value::NULL) };
    let frame = FramePtr::from_value(g.frame.get());
    let qual = frame.code().name;
    let prefix = if is_coroutine(v) {
        "cr_"
    } else if obj::async_gen::is_async_gen(v) {
        "ag_"
    } else {
        "gi_"
    };
    if let Some(attr) = n.strip_prefix(prefix) {
        match attr {
            // The generator's own frame (owned by it, never freed while reachable); None
            // once the generator finished, as CPython.
            "frame" => return Ok(if g.state.get() == state::DONE { Value::NONE } else { frame.as_value() }),
            "code" => return Ok(Value::rom(frame.code())),
            "suspended" if prefix != "ag_" => return Ok(Value::bool(g.state.get() == state::SUSPENDED)),
            "origin" if prefix == "cr_" => return Ok(Value::NONE),
            _ => {}
        }
    }
    match n {
        "__qualname__" => Ok(qual),
        "__name__" => {
            let q = obj::str::as_str(qual).unwrap_or("");
            match q.rfind('.') {
                Some(i) => obj::str::new(vm, &q[i + 1..]),
                None => Ok(qual),
            }
        }
        "gi_running" | "cr_running" | "ag_running" => Ok(Value::bool(g.state.get() == state::RUNNING)),
        "gi_yieldfrom" | "cr_await" | "ag_await" => Ok(delegate(v).map(|(d, _)| d).unwrap_or(Value::NONE)),
        _ => Ok(Value::NULL),
    }
}

/// Raise `StopIteration(value)` (`StopIteration()` for None). May collect.
pub fn stop_with(vm: &mut Vm<'_>, value: Value) -> crate::vm::Raised {
    if value == Value::NONE {
        vm.raise_empty(&exc::STOP_ITERATION_TYPE)
    } else {
        vm.raise_with_arg(&exc::STOP_ITERATION_TYPE, value)
    }
}

/// Take the pending StopIteration and return its value (None without arguments).
pub fn take_stop_value(vm: &mut Vm<'_>) -> Value {
    let e = vm.take_pending();
    let v = exc::first_arg(e);
    if v.is_null() {
        Value::NONE
    } else {
        v
    }
}

/// `gen.send(x)`: resume with `x`. May collect.
pub fn send_value(vm: &mut Vm<'_>, g: Value, x: Value) -> PyResult<GenStep> {
    if as_gen(g).map(|s| s.state.get()) == Some(state::CREATED) && x != Value::NONE {
        return Err(vm.type_error(format_args!("can't send non-None value to a just-started {}", word(g))));
    }
    call::resume_generator(vm, g, x, Value::NULL)
}

fn send(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    runtime::check_nargs(vm, "send", args, 2, 2)?;
    match send_value(vm, args.get(0), args.get(1))? {
        GenStep::Yield(y) => Ok(y),
        GenStep::Return(r) => Err(stop_with(vm, r)),
    }
}

/// The exception of `throw(typ[, val])`, as CPython builds it. May collect.
pub(crate) fn thrown_exception(vm: &mut Vm<'_>, typ: Value, val: Value) -> PyResult<Value> {
    let val = if val == Value::NONE { Value::NULL } else { val };
    if let Some(t) = obj::as_type(typ).filter(|t| obj::class::is_subclass(t, &exc::BASE_EXCEPTION_TYPE)) {
        if !val.is_null() && obj::is_instance(val, t) {
            return Ok(val);
        }
        let args: &[Value] = if val.is_null() {
            &[]
        } else if let Some(items) = obj::tuple::items(val) {
            items
        } else {
            core::slice::from_ref(&val)
        };
        return crate::runtime::call(vm, typ, args);
    }
    if obj::is_instance(typ, &exc::BASE_EXCEPTION_TYPE) {
        if !val.is_null() {
            return Err(vm.type_error(format_args!("instance exception may not have a separate value")));
        }
        return Ok(typ);
    }
    Err(vm.type_error(format_args!(
        "exceptions must be classes or instances deriving from BaseException, not {}",
        obj::type_name(typ)
    )))
}

/// The object a generator suspended inside `yield from` / `await` delegates to, and the
/// offset where its loop ends: the frame stopped at a `Jump` back to a `Send` (the loop the
/// compiler emits, `Send E; YieldValue; Jump L`), with the delegate on top of its stack.
pub fn delegate(g: Value) -> Option<(Value, u32)> {
    let gen = as_gen(g)?;
    if gen.state.get() != state::SUSPENDED {
        return None;
    }
    let fr = FramePtr::from_value(gen.frame.get());
    let bc = fr.code().bytecode();
    let ins = frostbyte_format::op::decode(bc, fr.ip() as usize)?;
    if ins.op != Op::Jump {
        return None;
    }
    let send = frostbyte_format::op::decode(bc, ins.args[0] as usize)?;
    if send.op != Op::Send || fr.sp() == 0 {
        return None;
    }
    Some((fr.peek(0), send.args[0] as u32))
}

/// Close `d`, the delegate of a generator being closed: `d.close()` if it has one.
fn close_delegate(vm: &mut Vm<'_>, d: Value) -> PyResult<()> {
    if as_gen(d).is_some() {
        return close_gen(vm, d);
    }
    crate::coro::call_method_opt(vm, d, &qstr::close, &[])?;
    Ok(())
}

/// `gen.throw(e)` with delegation (PEP 380): a delegating generator passes `e` to its
/// delegate first (GeneratorExit closes the delegate, then is raised in `g`); what the
/// delegate raises is raised in `g`, what it returns resumes `g` after its `yield from`.
/// May collect.
pub fn throw_into(vm: &mut Vm<'_>, g: Value, e: Value) -> PyResult<GenStep> {
    let Some((d, end)) = delegate(g) else { return call::resume_generator(vm, g, Value::NONE, e) };
    let gen = as_gen(g).ok_or_else(|| vm.raise_memory_error())?;
    vm.stack_guard(Recursion::Plain)?;
    let m = vm.roots_mark();
    vm.push_root(g)?;
    vm.push_root(e)?;
    vm.push_root(d)?;
    gen.state.set(state::RUNNING);
    let r: PyResult<Option<GenStep>> = if obj::is_instance(e, &exc::GENERATOR_EXIT_TYPE) {
        close_delegate(vm, d).map(|()| None)
    } else if as_gen(d).is_some() {
        throw_into(vm, d, e).map(Some)
    } else {
        match crate::coro::call_method_opt(vm, d, &qstr::throw, &[e]) {
            Ok(Some(y)) => Ok(Some(GenStep::Yield(y))),
            Ok(None) => Ok(None),
            Err(r) => {
                if vm.pending_is(&exc::STOP_ITERATION_TYPE) {
                    Ok(Some(GenStep::Return(take_stop_value(vm))))
                } else {
                    Err(r)
                }
            }
        }
    };
    gen.state.set(state::SUSPENDED);
    let fr = FramePtr::from_value(gen.frame.get());
    let out = match r {
        Ok(Some(GenStep::Yield(y))) => Ok(GenStep::Yield(y)),
        Ok(Some(GenStep::Return(v))) => {
            // The `yield from` is over: continue after its loop with `v`.
            vm.push_root(v)?;
            fr.pop();
            fr.set_ip(end);
            call::resume_generator(vm, g, v, Value::NULL)
        }
        Ok(None) => call::resume_generator(vm, g, Value::NONE, e),
        Err(_) => {
            let e2 = vm.take_pending();
            vm.push_root(e2)?;
            call::resume_generator(vm, g, Value::NONE, e2)
        }
    };
    vm.pop_roots(m);
    out
}

/// `gen.throw(typ[, val])`: raise the exception at the yield where `gen` is suspended.
fn throw(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    runtime::check_nargs(vm, "throw", args, 2, 4)?;
    let g = args.get(0);
    let e = thrown_exception(vm, args.get(1), args.get(2))?;
    match throw_into(vm, g, e)? {
        GenStep::Yield(y) => Ok(y),
        GenStep::Return(r) => Err(stop_with(vm, r)),
    }
}

/// `gen.close()`. May collect.
pub fn close_gen(vm: &mut Vm<'_>, g: Value) -> PyResult<()> {
    let Some(gen) = as_gen(g) else { return Ok(()) };
    match gen.state.get() {
        state::SUSPENDED => {}
        state::RUNNING => {
            return Err(vm.raise_fmt(&exc::VALUE_ERROR_TYPE, format_args!("{} already executing", word(g))));
        }
        _ => {
            gen.state.set(state::DONE);
            return Ok(());
        }
    }
    let e = exc::new(vm, &exc::GENERATOR_EXIT_TYPE, &[])?;
    match throw_into(vm, g, e) {
        Ok(GenStep::Yield(_)) => {
            Err(vm.raise_fmt(&exc::RUNTIME_ERROR_TYPE, format_args!("{} ignored GeneratorExit", word(g))))
        }
        Ok(GenStep::Return(_)) => Ok(()),
        Err(r) => {
            if vm.pending_is(&exc::GENERATOR_EXIT_TYPE) || vm.pending_is(&exc::STOP_ITERATION_TYPE) {
                vm.take_pending();
                Ok(())
            } else {
                Err(r)
            }
        }
    }
}

fn close(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    runtime::check_nargs(vm, "close", args, 1, 1)?;
    close_gen(vm, args.get(0))?;
    Ok(Value::NONE)
}

static METHODS: &[Builtin] =
    &[Builtin::method(&qstr::send, send), Builtin::method(&qstr::throw, throw), Builtin::method(&qstr::close, close)];

static SLOTS: Slots = Slots {
    trace: Some(trace),
    iter: Some(self_iter),
    next: Some(next),
    repr: Some(repr),
    getattr: Some(getattr),
    ..Slots::EMPTY
};

/// `generator`.
pub static GENERATOR_TYPE: Type =
    Type::builtin(&qstr::generator, Some(&obj::class::OBJECT_TYPE), Kind::Generator, 0, &SLOTS, METHODS);

// ----- coroutine -----

crate::static_qstr!(Q_COROUTINE, "coroutine");
crate::static_qstr!(Q_COROUTINE_WRAPPER, "coroutine_wrapper");
crate::static_qstr!(Q_AWAIT, "__await__");

/// `coro.__await__()`: a `coroutine_wrapper` iterating the coroutine. May collect.
fn coro_await(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    runtime::check_nargs(vm, "__await__", args, 1, 1)?;
    wrap(vm, args.get(0))
}

/// A `coroutine_wrapper` over coroutine `c` (rooted by the caller). May collect.
pub fn wrap(vm: &mut Vm<'_>, c: Value) -> PyResult<Value> {
    let v = vm.alloc_obj(&COROUTINE_WRAPPER_TYPE, core::mem::size_of::<CoroWrapper>())?;
    if let Some(w) = obj::downcast::<CoroWrapper>(v) {
        w.coro.set(c);
    }
    Ok(v)
}

static CORO_METHODS: &[Builtin] = &[
    Builtin::method(&qstr::send, send),
    Builtin::method(&qstr::throw, throw),
    Builtin::method(&qstr::close, close),
    Builtin::method(&Q_AWAIT, coro_await),
];

static CORO_SLOTS: Slots = Slots { trace: Some(trace), repr: Some(repr), getattr: Some(getattr), ..Slots::EMPTY };

/// `coroutine`.
pub static COROUTINE_TYPE: Type =
    Type::builtin(&Q_COROUTINE, Some(&obj::class::OBJECT_TYPE), Kind::Generator, 0, &CORO_SLOTS, CORO_METHODS);

/// `coroutine_wrapper` layout.
#[repr(C)]
pub struct CoroWrapper {
    hdr: ObjHeader,
    /// The coroutine.
    pub coro: Cell<Value>,
}

// SAFETY: repr(C), starts with ObjHeader; COROUTINE_WRAPPER_TYPE has kind CoroWrapper.
unsafe impl Layout for CoroWrapper {
    const KIND: Kind = Kind::CoroWrapper;
}

/// The coroutine behind a `coroutine_wrapper`.
pub fn wrapped(v: Value) -> Option<Value> {
    obj::downcast::<CoroWrapper>(v).map(|w| w.coro.get())
}

fn wrapper_trace(v: Value, t: &mut Tracer<'_>) {
    if let Some(c) = wrapped(v) {
        t.mark(c);
    }
}

fn wrapper_next(vm: &mut Vm<'_>, v: Value) -> PyResult<Option<Value>> {
    next(vm, wrapped(v).unwrap_or(Value::NONE))
}

/// The wrapper's methods run the coroutine's with the wrapper replaced by the coroutine.
fn unwrap_args(args: &Args<'_>, buf: &mut [Value; 4]) -> usize {
    let n = args.pos.len().min(4);
    buf[..n].copy_from_slice(&args.pos[..n]);
    if n > 0 {
        buf[0] = wrapped(buf[0]).unwrap_or(Value::NONE);
    }
    n
}

fn wrapper_send(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let mut buf = [Value::NULL; 4];
    let n = unwrap_args(args, &mut buf);
    send(vm, &Args::new(&buf[..n]))
}

fn wrapper_throw(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let mut buf = [Value::NULL; 4];
    let n = unwrap_args(args, &mut buf);
    throw(vm, &Args::new(&buf[..n]))
}

fn wrapper_close(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let mut buf = [Value::NULL; 4];
    let n = unwrap_args(args, &mut buf);
    close(vm, &Args::new(&buf[..n]))
}

static WRAPPER_METHODS: &[Builtin] = &[
    Builtin::method(&qstr::send, wrapper_send),
    Builtin::method(&qstr::throw, wrapper_throw),
    Builtin::method(&qstr::close, wrapper_close),
];

static WRAPPER_SLOTS: Slots =
    Slots { trace: Some(wrapper_trace), iter: Some(self_iter), next: Some(wrapper_next), ..Slots::EMPTY };

/// `coroutine_wrapper` (what `coro.__await__()` returns).
pub static COROUTINE_WRAPPER_TYPE: Type = Type::builtin(
    &Q_COROUTINE_WRAPPER,
    Some(&obj::class::OBJECT_TYPE),
    Kind::CoroWrapper,
    0,
    &WRAPPER_SLOTS,
    WRAPPER_METHODS,
);
