//! `generator`: a suspended frame.
//!
//! ```text
//!  GenObj  ObjHeader | frame Value (Frame) | state Cell<u8> (CREATED/SUSPENDED/RUNNING/DONE)
//! ```
//! `for` loops resume generators without Rust recursion (see the interpreter's FOR_ITER);
//! native callers (`next()`, `list(gen)`) use `call::resume_generator`, a nested loop.

use core::cell::Cell;

use super::{Args, Builtin, Kind, Layout, Slots, Type};
use crate::call::{self, GenStep};
use crate::heap::Tracer;
use crate::obj::{self, exception as exc, frame::FramePtr, str::StrBuf};
use crate::qstr;
use crate::rom::ObjHeader;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

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

/// Generator layout.
#[repr(C)]
pub struct GenObj {
    hdr: ObjHeader,
    /// The frame.
    pub frame: Cell<Value>,
    /// `state::*`.
    pub state: Cell<u8>,
}

// SAFETY: repr(C), starts with ObjHeader; GENERATOR_TYPE has kind Generator.
unsafe impl Layout for GenObj {
    const KIND: Kind = Kind::Generator;
}

/// Borrow a generator.
pub fn as_gen(v: Value) -> Option<&'static GenObj> {
    obj::downcast::<GenObj>(v)
}

/// A generator owning `frame` (rooted by the caller). May collect.
pub fn new(vm: &mut Vm<'_>, frame: FramePtr) -> PyResult<Value> {
    let v = vm.alloc_obj(&GENERATOR_TYPE, core::mem::size_of::<GenObj>())?;
    if let Some(g) = as_gen(v) {
        g.frame.set(frame.as_value());
    }
    frame.set_gen(v);
    frame.set_flags(frame.flags() | obj::frame::fl::GEN);
    Ok(v)
}

fn trace(v: Value, t: &mut Tracer<'_>) {
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

fn repr(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf) -> PyResult<()> {
    let name = as_gen(v)
        .map(|g| FramePtr::from_value(g.frame.get()))
        .filter(|f| !f.is_null())
        .map(|f| f.code().name)
        .unwrap_or(Value::NONE);
    sb.push(vm, "<generator object ")?;
    sb.push(vm, obj::str::as_str(name).unwrap_or("?"))?;
    sb.push_fmt(vm, format_args!(" at {:#x}>", v.bits()))
}

/// Raise `StopIteration(value)` (`StopIteration()` for None). May collect.
pub fn stop_with(vm: &mut Vm<'_>, value: Value) -> crate::vm::Raised {
    if value == Value::NONE {
        vm.raise_empty(&exc::STOP_ITERATION_TYPE)
    } else {
        vm.raise_with_arg(&exc::STOP_ITERATION_TYPE, value)
    }
}

fn send(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let g = args.get(0);
    let x = args.get(1);
    if as_gen(g).map(|s| s.state.get()) == Some(state::CREATED) && x != Value::NONE && !x.is_null() {
        return Err(vm.type_error(format_args!("can't send non-None value to a just-started generator")));
    }
    match call::resume_generator(vm, g, if x.is_null() { Value::NONE } else { x }, Value::NULL)? {
        GenStep::Yield(y) => Ok(y),
        GenStep::Return(r) => Err(stop_with(vm, r)),
    }
}

/// The exception of `throw(typ[, val])`, as CPython builds it. May collect.
fn thrown_exception(vm: &mut Vm<'_>, typ: Value, val: Value) -> PyResult<Value> {
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

/// `gen.throw(typ[, val])`: raise the exception at the yield where `gen` is suspended.
fn throw(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let g = args.get(0);
    let e = thrown_exception(vm, args.get(1), args.get(2))?;
    match call::resume_generator(vm, g, Value::NONE, e)? {
        GenStep::Yield(y) => Ok(y),
        GenStep::Return(r) => Err(stop_with(vm, r)),
    }
}

fn close(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let g = args.get(0);
    let Some(gen) = as_gen(g) else { return Ok(Value::NONE) };
    match gen.state.get() {
        state::SUSPENDED => {}
        state::RUNNING => return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "generator already executing")),
        _ => {
            gen.state.set(state::DONE);
            return Ok(Value::NONE);
        }
    }
    let e = exc::new(vm, &exc::GENERATOR_EXIT_TYPE, &[])?;
    match call::resume_generator(vm, g, Value::NONE, e) {
        Ok(GenStep::Yield(_)) => Err(vm.raise_msg(&exc::RUNTIME_ERROR_TYPE, "generator ignored GeneratorExit")),
        Ok(GenStep::Return(_)) => Ok(Value::NONE),
        Err(r) => {
            if vm.pending_is(&exc::GENERATOR_EXIT_TYPE) || vm.pending_is(&exc::STOP_ITERATION_TYPE) {
                vm.take_pending();
                Ok(Value::NONE)
            } else {
                Err(r)
            }
        }
    }
}

static METHODS: &[Builtin] = &[
    Builtin::method(&qstr::send, send),
    Builtin::method(&qstr::throw, throw),
    Builtin::method(&qstr::close, close),
];

static SLOTS: Slots =
    Slots { trace: Some(trace), iter: Some(self_iter), next: Some(next), repr: Some(repr), ..Slots::EMPTY };

/// `generator`.
pub static GENERATOR_TYPE: Type =
    Type::builtin(&qstr::generator, Some(&obj::class::OBJECT_TYPE), Kind::Generator, 0, &SLOTS, METHODS);
