//! `method`: a function bound to an instance (`obj.f` when `f` is a function in the class).
//!
//! ```text
//!  MethodObj  ObjHeader | func Value | self Value
//! ```

use frostbyte_format::CmpOp;

use super::{Kind, Layout, Slots, Type};
use crate::heap::Tracer;
use crate::obj::{self, str::StrBuf};
use crate::rom::ObjHeader;
use crate::runtime;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Bound method layout.
#[repr(C)]
pub struct MethodObj {
    hdr: ObjHeader,
    /// The function.
    pub func: Value,
    /// The bound instance (or class for classmethods).
    pub self_: Value,
}

// SAFETY: repr(C), starts with ObjHeader; METHOD_TYPE has kind BoundMethod.
unsafe impl Layout for MethodObj {
    const KIND: Kind = Kind::BoundMethod;
}

/// Borrow a bound method.
pub fn as_method(v: Value) -> Option<&'static MethodObj> {
    obj::downcast::<MethodObj>(v)
}

/// Bind `func` to `self_` (both rooted by the caller). May collect.
pub fn new(vm: &mut Vm<'_>, func: Value, self_: Value) -> PyResult<Value> {
    let v = vm.alloc_obj(&METHOD_TYPE, core::mem::size_of::<MethodObj>())?;
    // SAFETY: fresh MethodObj.
    unsafe {
        let p = v.as_ptr() as *mut MethodObj;
        (*p).func = func;
        (*p).self_ = self_;
    }
    Ok(v)
}

fn trace(v: Value, t: &mut Tracer<'_>) {
    if let Some(m) = as_method(v) {
        t.mark(m.func);
        t.mark(m.self_);
    }
}

fn repr(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf) -> PyResult<()> {
    let Some(m) = as_method(v) else { return Ok(()) };
    let (f, s) = (m.func, m.self_);
    let name = runtime::func_name(f);
    sb.push(vm, "<bound method ")?;
    // A Python function's qualified name already names its class.
    if obj::function::as_func(f).is_none() {
        if let Some(c) = obj::as_type(s) {
            sb.push(vm, c.name())?;
        } else {
            sb.push(vm, obj::type_name(s))?;
        }
        sb.push(vm, ".")?;
    }
    sb.push(vm, name)?;
    sb.push(vm, " of ")?;
    runtime::repr_into(vm, s, sb)?;
    sb.push(vm, ">")
}

fn richcmp(_vm: &mut Vm<'_>, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (as_method(a), as_method(b)) else { return Ok(Value::NOT_IMPLEMENTED) };
    let same = x.func == y.func && x.self_ == y.self_;
    match op {
        CmpOp::Eq => Ok(Value::bool(same)),
        CmpOp::Ne => Ok(Value::bool(!same)),
        _ => Ok(Value::NOT_IMPLEMENTED),
    }
}

fn getattr(vm: &mut Vm<'_>, v: Value, name: Value) -> PyResult<Value> {
    let Some(m) = as_method(v) else { return Ok(Value::NULL) };
    match obj::str::as_str(name) {
        Some("__self__") => Ok(m.self_),
        Some("__func__") => Ok(m.func),
        _ => runtime::get_attr_opt(vm, m.func, name).map(|o| o.unwrap_or(Value::NULL)),
    }
}

static SLOTS: Slots =
    Slots { trace: Some(trace), repr: Some(repr), richcmp: Some(richcmp), getattr: Some(getattr), ..Slots::EMPTY };

crate::static_qstr!(Q_METHOD, "method");

/// `method`.
pub static METHOD_TYPE: Type =
    Type::builtin(&Q_METHOD, Some(&obj::class::OBJECT_TYPE), Kind::BoundMethod, 0, &SLOTS, &[]);
