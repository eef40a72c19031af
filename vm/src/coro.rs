//! `with`, `yield from`, `await` and `async for`: the semantics behind BEFORE_WITH,
//! BEFORE_ASYNC_WITH, WITH_EXCEPT_START, GET_YIELD_FROM_ITER, GET_AWAITABLE, SEND (for
//! delegates that are not generator frames), GET_AITER, GET_ANEXT and END_ASYNC_FOR, with
//! CPython 3.11's error messages. The interpreter links generator and coroutine delegates
//! itself (no Rust recursion); everything else is called from here.

use crate::obj::{self, class, exception as exc, generator, Args};
use crate::rom::Qstr;
use crate::runtime;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

crate::static_qstr!(Q_AENTER, "__aenter__");
crate::static_qstr!(Q_AEXIT, "__aexit__");
crate::static_qstr!(Q_AITER, "__aiter__");
crate::static_qstr!(Q_ANEXT, "__anext__");

/// Call method `name` of `o` if `o` has that attribute (`Ok(None)` otherwise). May collect.
pub fn call_method_opt<const N: usize>(
    vm: &mut Vm<'_>,
    o: Value,
    name: &'static Qstr<N>,
    args: &[Value],
) -> PyResult<Option<Value>> {
    let Some(f) = runtime::get_attr_opt(vm, o, Value::qstr(name))? else { return Ok(None) };
    let m = vm.roots_mark();
    vm.push_root(f)?;
    let r = crate::call::call(vm, f, args);
    vm.pop_roots(m);
    r.map(Some)
}

/// A special method of `o` (looked up on its type, as CPython does), bound to `o`.
fn special<const N: usize>(vm: &mut Vm<'_>, o: Value, name: &'static Qstr<N>) -> PyResult<Option<Value>> {
    if class::lookup(obj::type_of(o), Value::qstr(name)).is_none() {
        return Ok(None);
    }
    runtime::get_attr(vm, o, Value::qstr(name)).map(Some)
}

/// `BeforeWith` / `BeforeAsyncWith`: `(bound __exit__, __enter__())` of `mgr`. May collect.
pub fn before_with(vm: &mut Vm<'_>, mgr: Value, is_async: bool) -> PyResult<(Value, Value)> {
    let (enter, exit) = if is_async {
        (special(vm, mgr, &Q_AENTER)?, Value::qstr(&Q_AEXIT))
    } else {
        (special(vm, mgr, &crate::qstr::__enter__)?, Value::qstr(&crate::qstr::__exit__))
    };
    let what = if is_async { "asynchronous context manager" } else { "context manager" };
    let Some(enter) = enter else {
        return Err(
            vm.type_error(format_args!("'{}' object does not support the {what} protocol", obj::type_name(mgr)))
        );
    };
    let m = vm.roots_mark();
    vm.push_root(enter)?;
    let exit = if class::lookup(obj::type_of(mgr), exit).is_some() {
        runtime::get_attr(vm, mgr, exit)?
    } else {
        let missed = if is_async { "__aexit__" } else { "__exit__" };
        vm.pop_roots(m);
        return Err(vm.type_error(format_args!(
            "'{}' object does not support the {what} protocol (missed {missed} method)",
            obj::type_name(mgr)
        )));
    };
    vm.push_root(exit)?;
    let res = crate::call::call(vm, enter, &[]);
    vm.pop_roots(m);
    Ok((exit, res?))
}

/// `WithExceptStart`: `exit(type(e), e, traceback)`. May collect.
pub fn with_except_start(vm: &mut Vm<'_>, exit: Value, e: Value) -> PyResult<Value> {
    let tb = exc::as_exc(e).map(|x| x.traceback.get()).filter(|t| !t.is_null()).unwrap_or(Value::NONE);
    crate::call::call(vm, exit, &[obj::type_of(e).as_value(), e, tb])
}

/// `GetYieldFromIter`: a generator as is, anything else through `iter()`. A coroutine is
/// accepted only where the delegating generator is itself a coroutine-like one. May collect.
pub fn get_yield_from_iter(vm: &mut Vm<'_>, o: Value, in_coroutine: bool) -> PyResult<Value> {
    if generator::is_coroutine(o) {
        if !in_coroutine {
            return Err(
                vm.type_error(format_args!("cannot 'yield from' a coroutine object in a non-coroutine generator"))
            );
        }
        return Ok(o);
    }
    if generator::is_generator(o) {
        return Ok(o);
    }
    runtime::get_iter(vm, o)
}

/// Is `o` a coroutine or a generator `await` accepts as one (`types.coroutine`)?
fn is_awaitable_gen(o: Value) -> bool {
    generator::is_coroutine(o)
        || (generator::is_generator(o)
            && generator::as_gen(o).is_some_and(|g| g.flags.get() & generator::gflag::ITERABLE_COROUTINE != 0))
}

/// `GetAwaitable k`: the iterator `await o` drives (the coroutine itself, or what
/// `o.__await__()` returned). `k` picks the message when `o` is not awaitable: 0 `await`,
/// 1 `__aenter__`, 2 `__aexit__`, 3 `__anext__`. May collect.
pub fn get_awaitable(vm: &mut Vm<'_>, o: Value, k: usize) -> PyResult<Value> {
    if is_awaitable_gen(o) {
        if generator::is_coroutine(o) && generator::delegate(o).is_some() {
            return Err(vm.raise_msg(&exc::RUNTIME_ERROR_TYPE, "coroutine is being awaited already"));
        }
        return Ok(o);
    }
    let Some(f) = special(vm, o, &generator::Q_AWAIT)? else {
        let t = obj::type_name(o);
        return Err(match k {
            1 | 2 => {
                let m = if k == 1 { "__aenter__" } else { "__aexit__" };
                vm.type_error(format_args!(
                    "'async with' received an object from {m} that does not implement __await__: {t}"
                ))
            }
            3 => vm.type_error(format_args!("'async for' received an invalid object from __anext__: {t}")),
            _ => vm.type_error(format_args!("object {t} can't be used in 'await' expression")),
        });
    };
    let m = vm.roots_mark();
    vm.push_root(f)?;
    let it = crate::call::call(vm, f, &[]);
    vm.pop_roots(m);
    let it = it?;
    if is_awaitable_gen(it) {
        return Err(vm.type_error(format_args!("__await__() returned a coroutine")));
    }
    if !runtime::is_iterator(it) {
        return Err(vm.type_error(format_args!("__await__() returned non-iterator of type '{}'", obj::type_name(it))));
    }
    Ok(it)
}

/// What a delegate did with a sent value.
pub enum Sent {
    /// It yielded this value.
    Yield(Value),
    /// It finished, returning this value (its StopIteration's).
    Return(Value),
}

/// SEND into a delegate that is not a generator frame: `next(recv)` for None, else
/// `recv.send(v)`; StopIteration is the delegate's return. May collect.
pub fn send_to(vm: &mut Vm<'_>, recv: Value, v: Value) -> PyResult<Sent> {
    let r = if v == Value::NONE {
        match obj::instance::call_user_next(vm, recv) {
            Some(r) => r.map(Some),
            None => runtime::next(vm, recv),
        }
    } else {
        let f = runtime::get_attr(vm, recv, Value::qstr(&crate::qstr::send))?;
        let m = vm.roots_mark();
        vm.push_root(f)?;
        let r = crate::call::call(vm, f, &[v]);
        vm.pop_roots(m);
        r.map(Some)
    };
    match r {
        Ok(Some(y)) => Ok(Sent::Yield(y)),
        Ok(None) => Ok(Sent::Return(Value::NONE)),
        Err(e) => {
            if vm.pending_is(&exc::STOP_ITERATION_TYPE) {
                Ok(Sent::Return(generator::take_stop_value(vm)))
            } else {
                Err(e)
            }
        }
    }
}

/// `GetAIter`: `o.__aiter__()`, checked to have `__anext__`. May collect.
pub fn get_aiter(vm: &mut Vm<'_>, o: Value) -> PyResult<Value> {
    let Some(f) = special(vm, o, &Q_AITER)? else {
        return Err(vm.type_error(format_args!(
            "'async for' requires an object with __aiter__ method, got {}",
            obj::type_name(o)
        )));
    };
    let m = vm.roots_mark();
    vm.push_root(f)?;
    let it = crate::call::call_args(vm, f, &Args::new(&[]));
    vm.pop_roots(m);
    let it = it?;
    if class::lookup(obj::type_of(it), Value::qstr(&Q_ANEXT)).is_none() {
        return Err(vm.type_error(format_args!(
            "'async for' received an object from __aiter__ that does not implement __anext__: {}",
            obj::type_name(it)
        )));
    }
    Ok(it)
}

/// `GetANext`: the awaitable iterator of `ait.__anext__()`. May collect.
pub fn get_anext(vm: &mut Vm<'_>, ait: Value) -> PyResult<Value> {
    let Some(f) = special(vm, ait, &Q_ANEXT)? else {
        return Err(vm.type_error(format_args!(
            "'async for' requires an iterator with __anext__ method, got {}",
            obj::type_name(ait)
        )));
    };
    let m = vm.roots_mark();
    vm.push_root(f)?;
    let aw = crate::call::call(vm, f, &[]);
    let r = match aw {
        Ok(aw) => vm.push_root(aw).and_then(|()| get_awaitable(vm, aw, 3)),
        Err(e) => Err(e),
    };
    vm.pop_roots(m);
    r
}

// ----- the `types` module: `coroutine` (generator-based coroutines) -----

crate::static_qstr!(Q_TYPES, "types");
crate::static_qstr!(Q_COROUTINE_FN, "coroutine");
crate::static_qstr!(Q_CORO_CALL, "_coroutine_call");
crate::static_qstr!(Q_GENERATOR_TYPE, "GeneratorType");
crate::static_qstr!(Q_COROUTINE_TYPE, "CoroutineType");

/// `types.coroutine(f)`: a callable that calls `f` and marks the generator it returns as
/// awaitable (`await` and `yield from` in a coroutine accept it). CPython sets a flag on
/// `f`'s code object instead; code objects here live in flash, so the mark goes on each
/// generator (`gflag::ITERABLE_COROUTINE`). The callable is `f` bound to a built-in.
fn types_coroutine(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    runtime::check_nargs(vm, "coroutine", args, 1, 1)?;
    let f = args.get(0);
    let t = obj::type_of(f);
    let callable = if t.is_heap() {
        class::lookup(t, Value::qstr(&crate::qstr::__call__)).is_some()
    } else {
        t.slots.call.is_some() || matches!(t.kind, obj::Kind::Function | obj::Kind::BoundMethod | obj::Kind::Builtin)
    };
    if !callable {
        return Err(vm.type_error(format_args!("types.coroutine() expects a callable")));
    }
    let is_async = obj::function::as_func(f).is_some_and(|fo| {
        frostbyte_format::CodeFlags(fo.code().flags).contains(frostbyte_format::CodeFlags::COROUTINE)
    });
    if is_async {
        return Ok(f);
    }
    obj::method::new(vm, Value::rom(&CORO_CALL), f)
}

/// The call of a `types.coroutine` wrapper: `args.pos[0]` is the wrapped callable.
fn coroutine_call(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let f = args.get(0);
    let rest = Args { pos: args.pos.get(1..).unwrap_or(&[]), kwnames: args.kwnames, kwvals: args.kwvals };
    let r = crate::call::call_args(vm, f, &rest)?;
    if generator::is_generator(r) {
        if let Some(g) = generator::as_gen(r) {
            g.flags.set(g.flags.get() | generator::gflag::ITERABLE_COROUTINE);
        }
    }
    Ok(r)
}

static CORO_CALL: obj::Builtin = obj::Builtin::function(&Q_CORO_CALL, coroutine_call);

/// The `types` module's functions.
pub static TYPES: &[obj::Builtin] = &[obj::Builtin::function(&Q_COROUTINE_FN, types_coroutine)];

/// The `types` module's constants.
pub fn types_consts() -> [(Value, Value); 3] {
    [
        (Value::qstr(&Q_GENERATOR_TYPE), generator::GENERATOR_TYPE.as_value()),
        (Value::qstr(&Q_COROUTINE_TYPE), generator::COROUTINE_TYPE.as_value()),
        (Value::qstr(&obj::generic_alias::Q_GENERIC_ALIAS), obj::generic_alias::GENERIC_ALIAS_TYPE.as_value()),
    ]
}

/// The `types` module's name.
pub fn types_name() -> Value {
    Value::qstr(&Q_TYPES)
}

// ----- the builtins `aiter` and `anext` -----

crate::static_qstr!(Q_AITER_FN, "aiter");
crate::static_qstr!(Q_ANEXT_FN, "anext");
crate::static_qstr!(Q_ANEXT_AWAITABLE, "anext_awaitable");
crate::static_qstr!(Q_AWAIT, "__await__");

/// `aiter(o)`: `type(o).__aiter__(o)`, checked to be an async iterator. May collect.
fn aiter(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    runtime::check_nargs(vm, "aiter", args, 1, 1)?;
    let o = args.get(0);
    let Some(f) = special(vm, o, &Q_AITER)? else {
        return Err(vm.type_error(format_args!("'{}' object is not an async iterable", obj::type_name(o))));
    };
    let m = vm.roots_mark();
    vm.push_root(f)?;
    let it = crate::call::call_args(vm, f, &Args::new(&[]));
    vm.pop_roots(m);
    let it = it?;
    if class::lookup(obj::type_of(it), Value::qstr(&Q_ANEXT)).is_none() {
        return Err(
            vm.type_error(format_args!("aiter() returned not an async iterator of type '{}'", obj::type_name(it)))
        );
    }
    Ok(it)
}

/// `anext(ait[, default])`: the awaitable `type(ait).__anext__(ait)`; with a default, an
/// `anext_awaitable` that turns the iterator's StopAsyncIteration into that default.
/// May collect.
fn anext(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    runtime::check_nargs(vm, "anext", args, 1, 2)?;
    let ait = args.get(0);
    let Some(f) = special(vm, ait, &Q_ANEXT)? else {
        return Err(vm.type_error(format_args!("'{}' object is not an async iterator", obj::type_name(ait))));
    };
    let m = vm.roots_mark();
    vm.push_root(f)?;
    let aw = crate::call::call(vm, f, &[]);
    vm.pop_roots(m);
    let aw = aw?;
    if args.pos.len() < 2 {
        return Ok(aw);
    }
    let m = vm.roots_mark();
    vm.push_root(aw)?;
    let v = vm.alloc_obj(&ANEXT_AWAITABLE_TYPE, core::mem::size_of::<AnextAwaitable>());
    vm.pop_roots(m);
    let v = v?;
    if let Some(a) = as_anext(v) {
        a.wrapped.set(aw);
        a.iter.set(Value::NULL);
        a.default.set(args.get(1));
    }
    Ok(v)
}

/// What `anext(ait, default)` returns.
///
/// ```text
///  AnextAwaitable  ObjHeader | wrapped Value (what __anext__() returned)
///                  | iter Value (its __await__ iterator, NULL until first driven) | default Value
/// ```
#[repr(C)]
struct AnextAwaitable {
    hdr: crate::rom::ObjHeader,
    wrapped: core::cell::Cell<Value>,
    iter: core::cell::Cell<Value>,
    default: core::cell::Cell<Value>,
}

fn as_anext(v: Value) -> Option<&'static AnextAwaitable> {
    // SAFETY: objects of ANEXT_AWAITABLE_TYPE are AnextAwaitable objects made by `anext`.
    (v.is_obj() && core::ptr::eq(obj::type_of(v), &ANEXT_AWAITABLE_TYPE))
        .then(|| unsafe { &*(v.as_ptr() as *const AnextAwaitable) })
}

fn anext_trace(v: Value, t: &mut crate::heap::Tracer<'_>) {
    if let Some(a) = as_anext(v) {
        t.mark(a.wrapped.get());
        t.mark(a.iter.get());
        t.mark(a.default.get());
    }
}

/// One step of an `anext_awaitable` `v` (rooted by the caller): send `x`, or throw `e`
/// when it is not NULL, into the iterator of the wrapped awaitable. May collect.
fn anext_step(vm: &mut Vm<'_>, v: Value, x: Value, e: Value) -> PyResult<Value> {
    let Some(a) = as_anext(v) else { return Err(vm.type_error(format_args!("expected an anext_awaitable"))) };
    let mut it = a.iter.get();
    if it.is_null() {
        it = get_awaitable(vm, a.wrapped.get(), 3)?;
        a.iter.set(it);
    }
    let r: PyResult<Sent> = if !e.is_null() {
        if generator::as_gen(it).is_some() {
            generator::throw_into(vm, it, e).map(|s| match s {
                crate::call::GenStep::Yield(y) => Sent::Yield(y),
                crate::call::GenStep::Return(r) => Sent::Return(r),
            })
        } else {
            match call_method_opt(vm, it, &crate::qstr::throw, &[e]) {
                Ok(Some(y)) => Ok(Sent::Yield(y)),
                Ok(None) => Err(vm.raise(e)),
                Err(r) if vm.pending_is(&exc::STOP_ITERATION_TYPE) => {
                    let _ = r;
                    Ok(Sent::Return(generator::take_stop_value(vm)))
                }
                Err(r) => Err(r),
            }
        }
    } else if generator::as_gen(it).is_some() {
        generator::send_value(vm, it, x).map(|s| match s {
            crate::call::GenStep::Yield(y) => Sent::Yield(y),
            crate::call::GenStep::Return(r) => Sent::Return(r),
        })
    } else {
        send_to(vm, it, x)
    };
    match r {
        Ok(Sent::Yield(y)) => Ok(y),
        Ok(Sent::Return(rv)) => Err(generator::stop_with(vm, rv)),
        Err(_) if vm.pending_is(&exc::STOP_ASYNC_ITERATION_TYPE) => {
            vm.take_pending();
            let d = a.default.get();
            Err(generator::stop_with(vm, d))
        }
        Err(r) => Err(r),
    }
}

fn anext_next(vm: &mut Vm<'_>, v: Value) -> PyResult<Option<Value>> {
    anext_step(vm, v, Value::NONE, Value::NULL).map(Some)
}

fn anext_self(_vm: &mut Vm<'_>, v: Value) -> PyResult<Value> {
    Ok(v)
}

fn anext_repr(vm: &mut Vm<'_>, v: Value, sb: &mut obj::str::StrBuf) -> PyResult<()> {
    sb.push_fmt(vm, format_args!("<anext_awaitable object at {:#x}>", v.bits()))
}

fn anext_await(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    runtime::check_nargs(vm, "__await__", args, 1, 1)?;
    Ok(args.get(0))
}

fn anext_send(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    runtime::check_nargs(vm, "send", args, 2, 2)?;
    anext_step(vm, args.get(0), args.get(1), Value::NULL)
}

fn anext_throw(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    runtime::check_nargs(vm, "throw", args, 2, 4)?;
    let e = generator::thrown_exception(vm, args.get(1), args.get(2))?;
    let m = vm.roots_mark();
    vm.push_root(e)?;
    let r = anext_step(vm, args.get(0), Value::NONE, e);
    vm.pop_roots(m);
    r
}

fn anext_close(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    runtime::check_nargs(vm, "close", args, 1, 1)?;
    if let Some(a) = as_anext(args.get(0)) {
        let it = a.iter.get();
        if generator::as_gen(it).is_some() {
            generator::close_gen(vm, it)?;
        } else if !it.is_null() {
            call_method_opt(vm, it, &crate::qstr::close, &[])?;
        }
    }
    Ok(Value::NONE)
}

static ANEXT_METHODS: &[obj::Builtin] = &[
    obj::Builtin::method(&Q_AWAIT, anext_await),
    obj::Builtin::method(&crate::qstr::send, anext_send),
    obj::Builtin::method(&crate::qstr::throw, anext_throw),
    obj::Builtin::method(&crate::qstr::close, anext_close),
];

static ANEXT_SLOTS: obj::Slots = obj::Slots {
    trace: Some(anext_trace),
    repr: Some(anext_repr),
    iter: Some(anext_self),
    next: Some(anext_next),
    ..obj::Slots::EMPTY
};

/// `anext_awaitable` (what `anext(ait, default)` returns).
static ANEXT_AWAITABLE_TYPE: obj::Type =
    obj::Type::builtin(&Q_ANEXT_AWAITABLE, Some(&class::OBJECT_TYPE), obj::Kind::Misc, 0, &ANEXT_SLOTS, ANEXT_METHODS);

/// The builtin `aiter`.
pub static AITER: obj::Builtin = obj::Builtin::function(&Q_AITER_FN, aiter);
/// The builtin `anext`.
pub static ANEXT: obj::Builtin = obj::Builtin::function(&Q_ANEXT_FN, anext);
/// Their names, for the builtins table.
pub const AITER_NAME: Value = Value::qstr(&Q_AITER_FN);
/// See [`AITER_NAME`].
pub const ANEXT_NAME: Value = Value::qstr(&Q_ANEXT_FN);
