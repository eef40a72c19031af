//! `BaseException` and the built-in exception hierarchy (CPython 3.11's tree).
//!
//! ```text
//!  ExcObj  ObjHeader | dict Value | args Value (tuple) | traceback Value (TbEntry list)
//!          | cause Value | context Value | suppress_context usize
//! ```
//! User exception classes are heap classes of kind `Exception` with this layout.
//! One instance lives in ROM (`STATIC_MEMORY_ERROR`), used when even the preallocated heap
//! MemoryError could not be created; writes to ROM exceptions are skipped.

use core::cell::Cell;

use super::{flags, Args, Builtin, Kind, Layout, Slots, Type};
use crate::heap::Tracer;
use crate::obj::{self, str::StrBuf};
use crate::qstr;
use crate::rom::{ObjHeader, RomObject};
use crate::runtime;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Exception layout.
#[repr(C)]
pub struct ExcObj {
    hdr: ObjHeader,
    /// Instance attributes (NULL until one is set).
    pub dict: Cell<Value>,
    /// `args` tuple.
    pub args: Cell<Value>,
    /// Traceback entries (outermost first).
    pub traceback: Cell<Value>,
    /// `__cause__` (NULL = None).
    pub cause: Cell<Value>,
    /// `__context__` (NULL = None).
    pub context: Cell<Value>,
    /// `__suppress_context__`.
    pub suppress: Cell<usize>,
}

// SAFETY: repr(C), starts with ObjHeader; exception types have kind Exception.
unsafe impl Layout for ExcObj {
    const KIND: Kind = Kind::Exception;
}

/// A ROM exception instance (same layout as `ExcObj`, immutable).
#[repr(C)]
pub struct RomExc {
    hdr: ObjHeader,
    dict: Value,
    args: Value,
    traceback: Value,
    cause: Value,
    context: Value,
    suppress: usize,
}
// SAFETY: immutable data.
unsafe impl Sync for RomExc {}
// SAFETY: repr(C), starts with ObjHeader of an exception type; layout equals ExcObj.
unsafe impl RomObject for RomExc {}

/// The fallback MemoryError instance.
pub static STATIC_MEMORY_ERROR: RomExc = RomExc {
    hdr: ObjHeader { ty: &MEMORY_ERROR_TYPE },
    dict: Value::NULL,
    args: Value::NULL,
    traceback: Value::NULL,
    cause: Value::NULL,
    context: Value::NULL,
    suppress: 0,
};

/// Borrow an exception.
pub fn as_exc(v: Value) -> Option<&'static ExcObj> {
    obj::downcast::<ExcObj>(v)
}

/// A new exception of type `ty` with `args` (rooted by the caller). May collect.
pub fn new(vm: &mut Vm<'_>, ty: *const Type, args: &[Value]) -> PyResult<Value> {
    let t = obj::tuple::new(vm, args)?;
    let m = vm.roots_mark();
    vm.push_root(t)?;
    let e = vm.alloc_obj(ty, core::mem::size_of::<ExcObj>());
    vm.pop_roots(m);
    let e = e?;
    if let Some(x) = as_exc(e) {
        x.args.set(t);
    }
    Ok(e)
}

fn writable(vm: &Vm<'_>, e: Value) -> Option<&'static ExcObj> {
    if vm.is_heap(e) { as_exc(e) } else { None }
}

/// The first argument (NULL if none).
pub fn first_arg(e: Value) -> Value {
    as_exc(e).and_then(|x| obj::tuple::items(x.args.get())).and_then(|a| a.first().copied()).unwrap_or(Value::NULL)
}

/// The args tuple.
pub fn args(e: Value) -> Value {
    as_exc(e).map(|x| x.args.get()).filter(|a| !a.is_null()).unwrap_or_else(obj::tuple::empty)
}

/// Set `__context__`, breaking cycles like CPython.
pub fn set_context(vm: &mut Vm<'_>, e: Value, ctx: Value) {
    let Some(x) = writable(vm, e) else { return };
    // Avoid cycles: if e is already in ctx's context chain, cut the chain there.
    let mut o = ctx;
    let mut guard = 0;
    while let Some(ox) = as_exc(o) {
        let next = ox.context.get();
        if next == e {
            if vm.is_heap(o) {
                ox.context.set(Value::NULL);
            }
            break;
        }
        o = next;
        guard += 1;
        if guard > 10000 {
            break;
        }
    }
    x.context.set(ctx);
}

/// Set `__cause__` (and `__suppress_context__`).
pub fn set_cause(vm: &mut Vm<'_>, e: Value, cause: Value) {
    if let Some(x) = writable(vm, e) {
        x.cause.set(if cause == Value::NONE { Value::NULL } else { cause });
        x.suppress.set(1);
    }
}

/// Clear the traceback and context (before raising a shared instance again).
pub fn reset_for_reraise(vm: &mut Vm<'_>, e: Value) {
    if let Some(x) = writable(vm, e) {
        x.traceback.set(Value::NULL);
        x.context.set(Value::NULL);
    }
}

/// Add a traceback entry at the head. May collect (failure is ignored).
pub fn add_traceback(vm: &mut Vm<'_>, e: Value, code: &'static crate::rom::Code, line: u32) {
    if writable(vm, e).is_none() {
        return;
    }
    let m = vm.roots_mark();
    if vm.push_root(e).is_err() {
        vm.take_pending();
        return;
    }
    let head = as_exc(e).map(|x| x.traceback.get()).unwrap_or(Value::NULL);
    match obj::traceback::new(vm, code, line, head) {
        Ok(t) => {
            if let Some(x) = as_exc(e) {
                x.traceback.set(t);
            }
        }
        Err(_) => {
            // Out of memory while recording the traceback: keep the original exception.
            vm.pending = e;
        }
    }
    vm.pop_roots(m);
}

fn trace(v: Value, t: &mut Tracer<'_>) {
    if let Some(x) = as_exc(v) {
        t.mark(x.dict.get());
        t.mark(x.args.get());
        t.mark(x.traceback.get());
        t.mark(x.cause.get());
        t.mark(x.context.get());
    }
}

/// Append `str(e)`.
pub fn str_into(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf) -> PyResult<()> {
    let a = args(v);
    let items = obj::tuple::items(a).unwrap_or(&[]);
    match items.len() {
        0 => Ok(()),
        1 => {
            if obj::is_instance(v, &KEY_ERROR_TYPE) {
                runtime::repr_into(vm, items[0], sb)
            } else {
                runtime::str_into(vm, items[0], sb)
            }
        }
        _ => runtime::repr_into(vm, a, sb),
    }
}

fn repr(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf) -> PyResult<()> {
    sb.push(vm, obj::type_name(v))?;
    let a = args(v);
    let items = obj::tuple::items(a).unwrap_or(&[]);
    if items.len() == 1 {
        sb.push(vm, "(")?;
        runtime::repr_into(vm, items[0], sb)?;
        sb.push(vm, ")")
    } else {
        runtime::repr_into(vm, a, sb)
    }
}

fn opt(v: Value) -> Value {
    if v.is_null() { Value::NONE } else { v }
}

fn getattr(_vm: &mut Vm<'_>, v: Value, name: Value) -> PyResult<Value> {
    let Some(x) = as_exc(v) else { return Ok(Value::NULL) };
    if let Some(r) = obj::dict::get_str(x.dict.get(), name) {
        return Ok(r);
    }
    Ok(match obj::str::as_str(name) {
        Some("args") => args(v),
        Some("__cause__") => opt(x.cause.get()),
        Some("__context__") => opt(x.context.get()),
        Some("__suppress_context__") => Value::bool(x.suppress.get() != 0),
        Some("__traceback__") => opt(x.traceback.get()),
        Some("value") if obj::is_instance(v, &STOP_ITERATION_TYPE) => opt(first_arg(v)),
        Some("code") if obj::is_instance(v, &SYSTEM_EXIT_TYPE) => opt(first_arg(v)),
        Some("name") if obj::is_instance(v, &IMPORT_ERROR_TYPE) || obj::is_instance(v, &NAME_ERROR_TYPE) => Value::NONE,
        Some("__dict__") => x.dict.get(),
        _ => Value::NULL,
    })
}

fn setattr(vm: &mut Vm<'_>, v: Value, name: Value, val: Value) -> PyResult<bool> {
    let Some(x) = writable(vm, v) else { return Ok(false) };
    match obj::str::as_str(name) {
        Some("__cause__") => {
            x.cause.set(if val == Value::NONE { Value::NULL } else { val });
            x.suppress.set(1);
            return Ok(true);
        }
        Some("__context__") => {
            x.context.set(if val == Value::NONE { Value::NULL } else { val });
            return Ok(true);
        }
        Some("__suppress_context__") => {
            x.suppress.set((val == Value::TRUE) as usize);
            return Ok(true);
        }
        Some("args") => {
            let t = obj::tuple::new(vm, obj::tuple::items(val).unwrap_or(&[]))?;
            if let Some(x) = as_exc(v) {
                x.args.set(t);
            }
            return Ok(true);
        }
        _ => {}
    }
    if x.dict.get().is_null() {
        let d = obj::dict::new(vm)?;
        if let Some(x) = as_exc(v) {
            x.dict.set(d);
        }
    }
    let d = as_exc(v).map(|x| x.dict.get()).unwrap_or(Value::NULL);
    if val.is_null() {
        obj::dict::remove(vm, d, name)?;
    } else {
        obj::dict::set(vm, d, name, val)?;
    }
    Ok(true)
}

fn new_exc(vm: &mut Vm<'_>, cls: Value, args: &Args<'_>) -> PyResult<Value> {
    let ty = obj::as_type(cls).map(|t| t as *const Type).unwrap_or(&EXCEPTION_TYPE);
    new(vm, ty, args.pos)
}

fn init(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let e = args.get(0);
    let t = obj::tuple::new(vm, args.pos.get(1..).unwrap_or(&[]))?;
    if let Some(x) = writable(vm, e) {
        x.args.set(t);
    }
    Ok(Value::NONE)
}

fn m_str(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let mut sb = StrBuf::new(vm)?;
    str_into(vm, args.get(0), &mut sb)?;
    sb.finish(vm)
}

fn m_repr(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let mut sb = StrBuf::new(vm)?;
    repr(vm, args.get(0), &mut sb)?;
    sb.finish(vm)
}

fn with_traceback(_vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    Ok(args.get(0))
}

crate::static_qstr!(Q_WITH_TB, "with_traceback");

static METHODS: &[Builtin] = &[
    Builtin::method(&qstr::__init__, init),
    Builtin::method(&qstr::__str__, m_str),
    Builtin::method(&qstr::__repr__, m_repr),
    Builtin::method(&Q_WITH_TB, with_traceback),
];

fn str_slot(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf) -> PyResult<()> {
    str_into(vm, v, sb)
}

pub(crate) static SLOTS: Slots = Slots {
    trace: Some(trace),
    repr: Some(repr),
    str: Some(str_slot),
    getattr: Some(getattr),
    setattr: Some(setattr),
    new: Some(new_exc),
    ..Slots::EMPTY
};

macro_rules! exc_types {
    ($($(#[$m:meta])* $name:ident = ($q:expr, $base:expr);)*) => {
        $($(#[$m])* pub static $name: Type = Type::builtin($q, $base, Kind::Exception, flags::BASETYPE, &SLOTS, &[]);)*
    };
}

/// `BaseException`.
pub static BASE_EXCEPTION_TYPE: Type =
    Type::builtin(&qstr::BaseException, Some(&obj::class::OBJECT_TYPE), Kind::Exception, flags::BASETYPE, &SLOTS, METHODS);

crate::static_qstr!(Q_FPE, "FloatingPointError");
crate::static_qstr!(Q_BUFFER, "BufferError");
crate::static_qstr!(Q_REFERENCE, "ReferenceError");
crate::static_qstr!(Q_SYSTEM, "SystemError");
crate::static_qstr!(Q_UNICODE_ENCODE, "UnicodeEncodeError");
crate::static_qstr!(Q_STOP_ASYNC, "StopAsyncIteration");
crate::static_qstr!(Q_INDENT, "IndentationError");
crate::static_qstr!(Q_TIMEOUT, "TimeoutError");
crate::static_qstr!(Q_FNF, "FileNotFoundError");
crate::static_qstr!(Q_WARNING, "Warning");
crate::static_qstr!(Q_USER_WARNING, "UserWarning");
crate::static_qstr!(Q_DEPRECATION, "DeprecationWarning");
crate::static_qstr!(Q_STOPPED, "ExecutionStopped");

/// `ExecutionStopped(BaseException)`: raised when the embedder stops a run (instruction
/// budget used up, or a poll hook answering `Poll::Stop`). Not a builtin name, so Python
/// cannot catch it by name; the VM raises it again at every check until the run returns.
pub static EXECUTION_STOPPED_TYPE: Type =
    Type::builtin(&Q_STOPPED, Some(&BASE_EXCEPTION_TYPE), Kind::Exception, 0, &SLOTS, &[]);

/// The fallback `ExecutionStopped` instance, raised when the heap cannot hold a new one.
pub static STATIC_EXECUTION_STOPPED: RomExc = RomExc {
    hdr: ObjHeader { ty: &EXECUTION_STOPPED_TYPE },
    dict: Value::NULL,
    args: Value::NULL,
    traceback: Value::NULL,
    cause: Value::NULL,
    context: Value::NULL,
    suppress: 0,
};

exc_types! {
    /// `Exception`.
    EXCEPTION_TYPE = (&qstr::Exception, Some(&BASE_EXCEPTION_TYPE));
    /// `GeneratorExit`.
    GENERATOR_EXIT_TYPE = (&qstr::GeneratorExit, Some(&BASE_EXCEPTION_TYPE));
    /// `KeyboardInterrupt`.
    KEYBOARD_INTERRUPT_TYPE = (&qstr::KeyboardInterrupt, Some(&BASE_EXCEPTION_TYPE));
    /// `SystemExit`.
    SYSTEM_EXIT_TYPE = (&qstr::SystemExit, Some(&BASE_EXCEPTION_TYPE));
    /// `ArithmeticError`.
    ARITHMETIC_ERROR_TYPE = (&qstr::ArithmeticError, Some(&EXCEPTION_TYPE));
    /// `FloatingPointError`.
    FLOATING_POINT_ERROR_TYPE = (&Q_FPE, Some(&ARITHMETIC_ERROR_TYPE));
    /// `OverflowError`.
    OVERFLOW_ERROR_TYPE = (&qstr::OverflowError, Some(&ARITHMETIC_ERROR_TYPE));
    /// `ZeroDivisionError`.
    ZERO_DIVISION_ERROR_TYPE = (&qstr::ZeroDivisionError, Some(&ARITHMETIC_ERROR_TYPE));
    /// `AssertionError`.
    ASSERTION_ERROR_TYPE = (&qstr::AssertionError, Some(&EXCEPTION_TYPE));
    /// `AttributeError`.
    ATTRIBUTE_ERROR_TYPE = (&qstr::AttributeError, Some(&EXCEPTION_TYPE));
    /// `BufferError`.
    BUFFER_ERROR_TYPE = (&Q_BUFFER, Some(&EXCEPTION_TYPE));
    /// `EOFError`.
    EOF_ERROR_TYPE = (&qstr::EOFError, Some(&EXCEPTION_TYPE));
    /// `ImportError`.
    IMPORT_ERROR_TYPE = (&qstr::ImportError, Some(&EXCEPTION_TYPE));
    /// `ModuleNotFoundError`.
    MODULE_NOT_FOUND_ERROR_TYPE = (&qstr::ModuleNotFoundError, Some(&IMPORT_ERROR_TYPE));
    /// `LookupError`.
    LOOKUP_ERROR_TYPE = (&qstr::LookupError, Some(&EXCEPTION_TYPE));
    /// `IndexError`.
    INDEX_ERROR_TYPE = (&qstr::IndexError, Some(&LOOKUP_ERROR_TYPE));
    /// `KeyError`.
    KEY_ERROR_TYPE = (&qstr::KeyError, Some(&LOOKUP_ERROR_TYPE));
    /// `MemoryError`.
    MEMORY_ERROR_TYPE = (&qstr::MemoryError, Some(&EXCEPTION_TYPE));
    /// `NameError`.
    NAME_ERROR_TYPE = (&qstr::NameError, Some(&EXCEPTION_TYPE));
    /// `UnboundLocalError`.
    UNBOUND_LOCAL_ERROR_TYPE = (&qstr::UnboundLocalError, Some(&NAME_ERROR_TYPE));
    /// `OSError`.
    OS_ERROR_TYPE = (&qstr::OSError, Some(&EXCEPTION_TYPE));
    /// `FileNotFoundError`.
    FILE_NOT_FOUND_ERROR_TYPE = (&Q_FNF, Some(&OS_ERROR_TYPE));
    /// `TimeoutError`.
    TIMEOUT_ERROR_TYPE = (&Q_TIMEOUT, Some(&OS_ERROR_TYPE));
    /// `ReferenceError`.
    REFERENCE_ERROR_TYPE = (&Q_REFERENCE, Some(&EXCEPTION_TYPE));
    /// `RuntimeError`.
    RUNTIME_ERROR_TYPE = (&qstr::RuntimeError, Some(&EXCEPTION_TYPE));
    /// `NotImplementedError`.
    NOT_IMPLEMENTED_ERROR_TYPE = (&qstr::NotImplementedError, Some(&RUNTIME_ERROR_TYPE));
    /// `RecursionError`.
    RECURSION_ERROR_TYPE = (&qstr::RecursionError, Some(&RUNTIME_ERROR_TYPE));
    /// `StopAsyncIteration`.
    STOP_ASYNC_ITERATION_TYPE = (&Q_STOP_ASYNC, Some(&EXCEPTION_TYPE));
    /// `StopIteration`.
    STOP_ITERATION_TYPE = (&qstr::StopIteration, Some(&EXCEPTION_TYPE));
    /// `SyntaxError`.
    SYNTAX_ERROR_TYPE = (&qstr::SyntaxError, Some(&EXCEPTION_TYPE));
    /// `IndentationError`.
    INDENTATION_ERROR_TYPE = (&Q_INDENT, Some(&SYNTAX_ERROR_TYPE));
    /// `SystemError`.
    SYSTEM_ERROR_TYPE = (&Q_SYSTEM, Some(&EXCEPTION_TYPE));
    /// `TypeError`.
    TYPE_ERROR_TYPE = (&qstr::TypeError, Some(&EXCEPTION_TYPE));
    /// `ValueError`.
    VALUE_ERROR_TYPE = (&qstr::ValueError, Some(&EXCEPTION_TYPE));
    /// `UnicodeError`.
    UNICODE_ERROR_TYPE = (&qstr::UnicodeError, Some(&VALUE_ERROR_TYPE));
    /// `UnicodeDecodeError`.
    UNICODE_DECODE_ERROR_TYPE = (&qstr::UnicodeDecodeError, Some(&UNICODE_ERROR_TYPE));
    /// `UnicodeEncodeError`.
    UNICODE_ENCODE_ERROR_TYPE = (&Q_UNICODE_ENCODE, Some(&UNICODE_ERROR_TYPE));
    /// `Warning`.
    WARNING_TYPE = (&Q_WARNING, Some(&EXCEPTION_TYPE));
    /// `UserWarning`.
    USER_WARNING_TYPE = (&Q_USER_WARNING, Some(&WARNING_TYPE));
    /// `DeprecationWarning`.
    DEPRECATION_WARNING_TYPE = (&Q_DEPRECATION, Some(&WARNING_TYPE));
}

/// Every built-in exception type (for the builtins table).
#[allow(dead_code)]
pub static ALL: &[&Type] = &[
    &BASE_EXCEPTION_TYPE,
    &EXCEPTION_TYPE,
    &GENERATOR_EXIT_TYPE,
    &KEYBOARD_INTERRUPT_TYPE,
    &SYSTEM_EXIT_TYPE,
    &ARITHMETIC_ERROR_TYPE,
    &FLOATING_POINT_ERROR_TYPE,
    &OVERFLOW_ERROR_TYPE,
    &ZERO_DIVISION_ERROR_TYPE,
    &ASSERTION_ERROR_TYPE,
    &ATTRIBUTE_ERROR_TYPE,
    &BUFFER_ERROR_TYPE,
    &EOF_ERROR_TYPE,
    &IMPORT_ERROR_TYPE,
    &MODULE_NOT_FOUND_ERROR_TYPE,
    &LOOKUP_ERROR_TYPE,
    &INDEX_ERROR_TYPE,
    &KEY_ERROR_TYPE,
    &MEMORY_ERROR_TYPE,
    &NAME_ERROR_TYPE,
    &UNBOUND_LOCAL_ERROR_TYPE,
    &OS_ERROR_TYPE,
    &FILE_NOT_FOUND_ERROR_TYPE,
    &TIMEOUT_ERROR_TYPE,
    &REFERENCE_ERROR_TYPE,
    &RUNTIME_ERROR_TYPE,
    &NOT_IMPLEMENTED_ERROR_TYPE,
    &RECURSION_ERROR_TYPE,
    &STOP_ASYNC_ITERATION_TYPE,
    &STOP_ITERATION_TYPE,
    &SYNTAX_ERROR_TYPE,
    &INDENTATION_ERROR_TYPE,
    &SYSTEM_ERROR_TYPE,
    &TYPE_ERROR_TYPE,
    &VALUE_ERROR_TYPE,
    &UNICODE_ERROR_TYPE,
    &UNICODE_DECODE_ERROR_TYPE,
    &UNICODE_ENCODE_ERROR_TYPE,
    &WARNING_TYPE,
    &USER_WARNING_TYPE,
    &DEPRECATION_WARNING_TYPE,
];
