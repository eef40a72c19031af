//! Instances of classes created by `class` statements, and the generic slots that dispatch
//! every operation to the class's dunder methods (`__add__`, `__len__`, ...).
//!
//! ```text
//!  InstanceObj  ObjHeader (type = the class) | dict Value (attributes)
//! ```
//! Instances of subclasses of built-in types (exceptions, list, dict, set) use the built-in
//! layout instead; the slots below fall back to the nearest built-in base's slots.

use core::cell::Cell;

use frostbyte_format::{BinOp, CmpOp, UnaryOp};

use super::{Args, Kind, Layout, Slots, Type};
use crate::heap::Tracer;
use crate::obj::{self, class, str::StrBuf};
use crate::qstr;
use crate::rom::{ObjHeader, Qstr};
use crate::runtime;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Instance layout.
#[repr(C)]
pub struct InstanceObj {
    hdr: ObjHeader,
    /// Attributes.
    pub dict: Cell<Value>,
}

// SAFETY: repr(C), starts with ObjHeader; classes of kind Object use this layout.
unsafe impl Layout for InstanceObj {
    const KIND: Kind = Kind::Object;
}

/// Allocate an empty instance of `t` (kind Object). May collect.
pub fn alloc_instance(vm: &mut Vm<'_>, t: &'static Type) -> PyResult<Value> {
    let v = vm.alloc_obj(t, core::mem::size_of::<InstanceObj>())?;
    let m = vm.roots_mark();
    vm.push_root(v)?;
    let d = obj::dict::new(vm);
    vm.pop_roots(m);
    let d = d?;
    if let Some(i) = obj::downcast::<InstanceObj>(v) {
        i.dict.set(d);
    }
    Ok(v)
}

/// Change the type of a freshly created built-in object to the subclass `t`.
pub fn retype(vm: &mut Vm<'_>, v: Value, t: &'static Type) {
    if vm.is_heap(v) && obj::type_of(v).kind == t.kind {
        // SAFETY: v is a heap object whose layout matches t's kind.
        unsafe { (*(v.as_ptr() as *mut ObjHeader)).ty = t };
    }
}

/// The user-defined `__init__` in `t`'s MRO (before reaching a built-in type), if any.
pub fn user_init(t: &'static Type) -> Option<Value> {
    class::mro_find(t, |x| {
        if x.is_heap() {
            obj::dict::get_str(x.dict, Value::qstr(&qstr::__init__)).map(Some)
        } else {
            Some(None)
        }
    })
    .flatten()
}

fn user_new(t: &'static Type) -> Option<Value> {
    class::mro_find(t, |x| {
        if x.is_heap() {
            obj::dict::get_str(x.dict, Value::qstr(&qstr::__new__)).map(Some)
        } else {
            Some(None)
        }
    })
    .flatten()
}

/// True if instances are plain objects whose constructor takes no arguments.
pub fn takes_no_args(t: &'static Type) -> bool {
    t.kind == Kind::Object && user_new(t).is_none()
}

/// Create (but do not `__init__`) an instance of heap class `t`. May collect.
pub fn new_instance(vm: &mut Vm<'_>, t: &'static Type, args: &Args<'_>) -> PyResult<Value> {
    if let Some(n) = user_new(t) {
        let f = obj::descriptor::unwrap_static(n);
        return runtime::call_with_self(vm, f, t.as_value(), args);
    }
    let base = class::static_base(t);
    if t.kind == Kind::Object {
        return alloc_instance(vm, t);
    }
    let Some(newf) = base.slots.new else {
        return Err(vm.type_error(format_args!("cannot create '{}' instances", t.name())));
    };
    // Built-in layouts: exceptions take the args; containers are filled by __init__.
    let has_init = user_init(t).is_some();
    let r = if t.kind == Kind::Exception || !has_init { newf(vm, t.as_value(), args)? } else { newf(vm, t.as_value(), &Args::new(&[]))? };
    retype(vm, r, t);
    Ok(r)
}

/// Trace an instance: its dict (the class is traced through the header).
pub fn trace_instance(v: Value, t: &mut Tracer<'_>) {
    if let Some(i) = obj::downcast::<InstanceObj>(v) {
        t.mark(i.dict.get());
    }
}

fn user_trace(v: Value, t: &mut Tracer<'_>) {
    let ty = obj::type_of(v);
    if ty.kind == Kind::Object {
        trace_instance(v, t);
        return;
    }
    if let Some(f) = class::static_base(ty).slots.trace {
        f(v, t);
    }
}

/// Where a dunder was found.
enum Found {
    User(Value),
    Builtin(&'static Type),
}

fn find(v: Value, name: Value) -> Found {
    let t = obj::type_of(v);
    class::mro_find(t, |x| {
        if x.is_heap() {
            obj::dict::get_str(x.dict, name).map(Found::User)
        } else {
            Some(Found::Builtin(x))
        }
    })
    .unwrap_or(Found::Builtin(&class::OBJECT_TYPE))
}

fn q<const N: usize>(s: &'static Qstr<N>) -> Value {
    Value::qstr(s)
}

fn call1(vm: &mut Vm<'_>, f: Value, v: Value, args: &[Value]) -> PyResult<Value> {
    runtime::call_with_self(vm, f, v, &Args::new(args))
}

/// Append the text of `r` (a str a dunder returned) to `sb`. `r` is rooted while `sb`
/// grows, which may collect. May collect.
fn push_result(vm: &mut Vm<'_>, sb: &mut StrBuf, r: Value) -> PyResult<()> {
    let m = vm.roots_mark();
    vm.push_root(r)?;
    let res = sb.push(vm, obj::str::as_str(r).unwrap_or(""));
    vm.pop_roots(m);
    res
}

fn repr(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf) -> PyResult<()> {
    match find(v, q(&qstr::__repr__)) {
        Found::User(f) => {
            let r = call1(vm, f, v, &[])?;
            if !obj::str::is_str(r) {
                return Err(vm.type_error(format_args!("__repr__ returned non-string (type {})", obj::type_name(r))));
            }
            push_result(vm, sb, r)
        }
        Found::Builtin(t) => match t.slots.repr {
            Some(f) => f(vm, v, sb),
            None => (class::OBJECT_TYPE.slots.repr.unwrap_or(|_, _, _| Ok(())))(vm, v, sb),
        },
    }
}

fn str_slot(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf) -> PyResult<()> {
    match find(v, q(&qstr::__str__)) {
        Found::User(f) => {
            let r = call1(vm, f, v, &[])?;
            if !obj::str::is_str(r) {
                return Err(vm.type_error(format_args!("__str__ returned non-string (type {})", obj::type_name(r))));
            }
            push_result(vm, sb, r)
        }
        Found::Builtin(t) => match t.slots.str {
            Some(f) => f(vm, v, sb),
            None => repr(vm, v, sb),
        },
    }
}

fn hash(vm: &mut Vm<'_>, v: Value) -> PyResult<isize> {
    match find(v, q(&qstr::__hash__)) {
        Found::User(f) => {
            if f == Value::NONE {
                return Err(vm.type_error(format_args!("unhashable type: '{}'", obj::type_name(v))));
            }
            let r = call1(vm, f, v, &[])?;
            if !obj::int::is_int(r) {
                return Err(vm.type_error(format_args!("__hash__ method should return an integer")));
            }
            // CPython uses a __hash__ result that fits Py_ssize_t as is.
            match obj::int::to_i64(r) {
                Some(h) if h >= isize::MIN as i64 && h <= isize::MAX as i64 => {
                    Ok(if h == -1 { -2 } else { h as isize })
                }
                _ => Ok(obj::int::hash_int(r)),
            }
        }
        Found::Builtin(t) => {
            if t.flags & super::flags::UNHASHABLE != 0 {
                return Err(vm.type_error(format_args!("unhashable type: '{}'", obj::type_name(v))));
            }
            match t.slots.hash {
                Some(f) => f(vm, v),
                None => Ok(runtime::id_hash(v)),
            }
        }
    }
}

fn cmp_name(op: CmpOp) -> Value {
    match op {
        CmpOp::Lt => q(&qstr::__lt__),
        CmpOp::Le => q(&qstr::__le__),
        CmpOp::Eq => q(&qstr::__eq__),
        CmpOp::Ne => q(&qstr::__ne__),
        CmpOp::Gt => q(&qstr::__gt__),
        _ => q(&qstr::__ge__),
    }
}

fn richcmp(vm: &mut Vm<'_>, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
    match find(a, cmp_name(op)) {
        Found::User(f) => call1(vm, f, a, &[b]),
        Found::Builtin(t) => {
            if op == CmpOp::Ne {
                // Default __ne__ inverts a user __eq__.
                if let Found::User(f) = find(a, q(&qstr::__eq__)) {
                    let r = call1(vm, f, a, &[b])?;
                    if r == Value::NOT_IMPLEMENTED {
                        return Ok(r);
                    }
                    return Ok(Value::bool(!runtime::truthy(vm, r)?));
                }
            }
            match t.slots.richcmp {
                Some(f) => f(vm, a, b, op),
                None => Ok(Value::NOT_IMPLEMENTED),
            }
        }
    }
}

fn truth(vm: &mut Vm<'_>, v: Value) -> PyResult<bool> {
    match find(v, q(&qstr::__bool__)) {
        Found::User(f) => {
            let r = call1(vm, f, v, &[])?;
            match r {
                Value::TRUE => Ok(true),
                Value::FALSE => Ok(false),
                _ => Err(vm.type_error(format_args!("__bool__ should return bool, returned {}", obj::type_name(r)))),
            }
        }
        Found::Builtin(t) => {
            if let Found::User(f) = find(v, q(&qstr::__len__)) {
                let r = call1(vm, f, v, &[])?;
                return Ok(len_result(vm, r)? != 0);
            }
            match (t.slots.truth, t.slots.len) {
                (Some(f), _) => f(vm, v),
                (None, Some(l)) => Ok(l(vm, v)? != 0),
                _ => Ok(true),
            }
        }
    }
}

fn len_result(vm: &mut Vm<'_>, r: Value) -> PyResult<usize> {
    let Some(i) = obj::int::to_i64(r).filter(|_| obj::int::is_int(r)) else {
        return Err(vm.type_error(format_args!("'{}' object cannot be interpreted as an integer", obj::type_name(r))));
    };
    if i < 0 {
        return Err(vm.value_error(format_args!("__len__() should return >= 0")));
    }
    Ok(i as usize)
}

fn len(vm: &mut Vm<'_>, v: Value) -> PyResult<usize> {
    match find(v, q(&qstr::__len__)) {
        Found::User(f) => {
            let r = call1(vm, f, v, &[])?;
            len_result(vm, r)
        }
        Found::Builtin(t) => match t.slots.len {
            Some(f) => f(vm, v),
            None => Err(vm.type_error(format_args!("object of type '{}' has no len()", obj::type_name(v)))),
        },
    }
}

fn getitem(vm: &mut Vm<'_>, v: Value, k: Value) -> PyResult<Value> {
    match find(v, q(&qstr::__getitem__)) {
        Found::User(f) => call1(vm, f, v, &[k]),
        Found::Builtin(t) => match t.slots.getitem {
            Some(f) => f(vm, v, k),
            None => Err(vm.type_error(format_args!("'{}' object is not subscriptable", obj::type_name(v)))),
        },
    }
}

fn setitem(vm: &mut Vm<'_>, v: Value, k: Value, x: Value) -> PyResult<()> {
    let name = if x.is_null() { q(&qstr::__delitem__) } else { q(&qstr::__setitem__) };
    match find(v, name) {
        Found::User(f) => {
            if x.is_null() {
                call1(vm, f, v, &[k])?;
            } else {
                call1(vm, f, v, &[k, x])?;
            }
            Ok(())
        }
        Found::Builtin(t) => match t.slots.setitem {
            Some(f) => f(vm, v, k, x),
            None => {
                if x.is_null() {
                    Err(vm.type_error(format_args!("'{}' object doesn't support item deletion", obj::type_name(v))))
                } else {
                    Err(vm.type_error(format_args!("'{}' object does not support item assignment", obj::type_name(v))))
                }
            }
        },
    }
}

fn contains(vm: &mut Vm<'_>, v: Value, x: Value) -> PyResult<bool> {
    match find(v, q(&qstr::__contains__)) {
        Found::User(f) => {
            let r = call1(vm, f, v, &[x])?;
            runtime::truthy(vm, r)
        }
        Found::Builtin(t) => match t.slots.contains {
            Some(f) => f(vm, v, x),
            None => runtime::contains_by_iter(vm, v, x),
        },
    }
}

fn iter(vm: &mut Vm<'_>, v: Value) -> PyResult<Value> {
    match find(v, q(&qstr::__iter__)) {
        Found::User(f) => {
            let r = call1(vm, f, v, &[])?;
            if !runtime::is_iterator(r) {
                return Err(vm.type_error(format_args!("iter() returned non-iterator of type '{}'", obj::type_name(r))));
            }
            Ok(r)
        }
        Found::Builtin(t) => match t.slots.iter {
            Some(f) => f(vm, v),
            None => {
                if let Found::User(_) = find(v, q(&qstr::__getitem__)) {
                    return obj::iter::new_getitem_iter(vm, v);
                }
                Err(vm.type_error(format_args!("'{}' object is not iterable", obj::type_name(v))))
            }
        },
    }
}

/// Call the Python `__next__` of `v`'s class, letting its StopIteration propagate as raised
/// (with its value); `None` if the class has no Python `__next__`. May collect.
pub fn call_user_next(vm: &mut Vm<'_>, v: Value) -> Option<PyResult<Value>> {
    if !obj::type_of(v).is_heap() {
        return None;
    }
    match find(v, q(&qstr::__next__)) {
        Found::User(f) => Some(call1(vm, f, v, &[])),
        Found::Builtin(_) => None,
    }
}

fn next(vm: &mut Vm<'_>, v: Value) -> PyResult<Option<Value>> {
    match find(v, q(&qstr::__next__)) {
        Found::User(f) => match call1(vm, f, v, &[]) {
            Ok(r) => Ok(Some(r)),
            Err(e) => {
                if vm.pending_is(&obj::exception::STOP_ITERATION_TYPE) {
                    vm.take_pending();
                    Ok(None)
                } else {
                    Err(e)
                }
            }
        },
        Found::Builtin(t) => match t.slots.next {
            Some(f) => f(vm, v),
            None => Err(vm.type_error(format_args!("'{}' object is not an iterator", obj::type_name(v)))),
        },
    }
}

fn call(vm: &mut Vm<'_>, v: Value, args: &Args<'_>) -> PyResult<Value> {
    match find(v, q(&qstr::__call__)) {
        Found::User(f) => runtime::call_with_self(vm, f, v, args),
        Found::Builtin(t) => match t.slots.call {
            Some(f) => f(vm, v, args),
            None => Err(vm.type_error(format_args!("'{}' object is not callable", obj::type_name(v)))),
        },
    }
}

fn getattr(vm: &mut Vm<'_>, v: Value, name: Value) -> PyResult<Value> {
    let t = class::static_base(obj::type_of(v));
    match t.slots.getattr {
        Some(f) => f(vm, v, name),
        None => Ok(Value::NULL),
    }
}

fn setattr(vm: &mut Vm<'_>, v: Value, name: Value, x: Value) -> PyResult<bool> {
    let hook = if x.is_null() { find(v, q(&Q_DELATTR)) } else { find(v, q(&qstr::__setattr__)) };
    if let Found::User(f) = hook {
        if x.is_null() {
            call1(vm, f, v, &[name])?;
        } else {
            call1(vm, f, v, &[name, x])?;
        }
        return Ok(true);
    }
    runtime::generic_setattr(vm, v, name, x)?;
    Ok(true)
}

crate::static_qstr!(Q_DELATTR, "__delattr__");
crate::static_qstr!(Q_RSUB, "__rsub__");
crate::static_qstr!(Q_RLSHIFT, "__rlshift__");
crate::static_qstr!(Q_RRSHIFT, "__rrshift__");
crate::static_qstr!(Q_RAND, "__rand__");
crate::static_qstr!(Q_ROR, "__ror__");
crate::static_qstr!(Q_RXOR, "__rxor__");
crate::static_qstr!(Q_RMATMUL, "__rmatmul__");
crate::static_qstr!(Q_ITRUEDIV, "__itruediv__");
crate::static_qstr!(Q_IFLOORDIV, "__ifloordiv__");
crate::static_qstr!(Q_IMOD, "__imod__");
crate::static_qstr!(Q_IPOW, "__ipow__");
crate::static_qstr!(Q_ILSHIFT, "__ilshift__");
crate::static_qstr!(Q_IRSHIFT, "__irshift__");
crate::static_qstr!(Q_IAND, "__iand__");
crate::static_qstr!(Q_IOR, "__ior__");
crate::static_qstr!(Q_IXOR, "__ixor__");
crate::static_qstr!(Q_IMATMUL, "__imatmul__");

/// (forward, reflected, in-place) dunder names of a binary operator.
pub fn binop_names(op: BinOp) -> (Value, Value, Value) {
    match op.base() {
        BinOp::Add => (q(&qstr::__add__), q(&qstr::__radd__), q(&qstr::__iadd__)),
        BinOp::Sub => (q(&qstr::__sub__), q(&qstr::__rsub__), q(&qstr::__isub__)),
        BinOp::Mul => (q(&qstr::__mul__), q(&qstr::__rmul__), q(&qstr::__imul__)),
        BinOp::TrueDiv => (q(&qstr::__truediv__), q(&qstr::__rtruediv__), q(&Q_ITRUEDIV)),
        BinOp::FloorDiv => (q(&qstr::__floordiv__), q(&qstr::__rfloordiv__), q(&Q_IFLOORDIV)),
        BinOp::Mod => (q(&qstr::__mod__), q(&qstr::__rmod__), q(&Q_IMOD)),
        BinOp::Pow => (q(&qstr::__pow__), q(&qstr::__rpow__), q(&Q_IPOW)),
        BinOp::LShift => (q(&qstr::__lshift__), q(&Q_RLSHIFT), q(&Q_ILSHIFT)),
        BinOp::RShift => (q(&qstr::__rshift__), q(&Q_RRSHIFT), q(&Q_IRSHIFT)),
        BinOp::And => (q(&qstr::__and__), q(&Q_RAND), q(&Q_IAND)),
        BinOp::Or => (q(&qstr::__or__), q(&Q_ROR), q(&Q_IOR)),
        BinOp::Xor => (q(&qstr::__xor__), q(&Q_RXOR), q(&Q_IXOR)),
        _ => (q(&qstr::__matmul__), q(&Q_RMATMUL), q(&Q_IMATMUL)),
    }
}

fn binop(vm: &mut Vm<'_>, op: BinOp, a: Value, b: Value, reflected: bool) -> PyResult<Value> {
    let (fwd, rev, inp) = binop_names(op);
    let me = if reflected { b } else { a };
    let other = if reflected { a } else { b };
    if op.is_inplace() && !reflected {
        if let Found::User(f) = find(me, inp) {
            let r = call1(vm, f, me, &[other])?;
            if r != Value::NOT_IMPLEMENTED {
                return Ok(r);
            }
        }
    }
    let name = if reflected { rev } else { fwd };
    match find(me, name) {
        Found::User(f) => call1(vm, f, me, &[other]),
        Found::Builtin(t) => match t.slots.binop {
            Some(f) => f(vm, op, a, b, reflected),
            None => Ok(Value::NOT_IMPLEMENTED),
        },
    }
}

fn unop(vm: &mut Vm<'_>, op: UnaryOp, v: Value) -> PyResult<Value> {
    let name = match op {
        UnaryOp::Neg => q(&qstr::__neg__),
        UnaryOp::Pos => q(&qstr::__pos__),
        UnaryOp::Invert => q(&qstr::__invert__),
        UnaryOp::Not => return Ok(Value::NOT_IMPLEMENTED),
    };
    match find(v, name) {
        Found::User(f) => call1(vm, f, v, &[]),
        Found::Builtin(t) => match t.slots.unop {
            Some(f) => f(vm, op, v),
            None => Ok(Value::NOT_IMPLEMENTED),
        },
    }
}

/// Slots of every heap class.
pub static USER_SLOTS: Slots = Slots {
    trace: Some(user_trace),
    repr: Some(repr),
    str: Some(str_slot),
    hash: Some(hash),
    richcmp: Some(richcmp),
    truth: Some(truth),
    len: Some(len),
    getitem: Some(getitem),
    setitem: Some(setitem),
    contains: Some(contains),
    iter: Some(iter),
    next: Some(next),
    call: Some(call),
    getattr: Some(getattr),
    setattr: Some(setattr),
    binop: Some(binop),
    unop: Some(unop),
    new: None,
};
