//! `super`: attribute lookup starting after a class in an object's MRO.
//!
//! ```text
//!  SuperObj  ObjHeader | cls Value (the class after which to search) | obj Value
//! ```

use super::{Args, Kind, Layout, Slots, Type};
use crate::heap::Tracer;
use crate::obj::{self, class, str::StrBuf};
use crate::qstr;
use crate::rom::ObjHeader;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Super layout.
#[repr(C)]
pub struct SuperObj {
    hdr: ObjHeader,
    /// Start searching after this class.
    pub cls: Value,
    /// The bound object (an instance, or a class for class methods).
    pub obj: Value,
}

// SAFETY: repr(C), starts with ObjHeader; SUPER_TYPE has kind Super.
unsafe impl Layout for SuperObj {
    const KIND: Kind = Kind::Super;
}

/// Borrow a super object.
pub fn as_super(v: Value) -> Option<&'static SuperObj> {
    obj::downcast::<SuperObj>(v)
}

fn new_super(vm: &mut Vm<'_>, _cls: Value, args: &Args<'_>) -> PyResult<Value> {
    if args.pos.len() != 2 {
        return Err(vm.raise_msg(&obj::exception::RUNTIME_ERROR_TYPE, "super(): no arguments"));
    }
    let (c, o) = (args.pos[0], args.pos[1]);
    let Some(ct) = obj::as_type(c) else {
        return Err(vm.type_error(format_args!("super() argument 1 must be a type, not {}", obj::type_name(c))));
    };
    let ok = obj::is_instance(o, ct)
        || obj::as_type(o).map(|t| class::is_subclass(t, ct)).unwrap_or(false)
        || class::is_subclass(obj::type_of(o), ct);
    if !ok {
        return Err(vm.type_error(format_args!("super(type, obj): obj must be an instance or subtype of type")));
    }
    let v = vm.alloc_obj(&SUPER_TYPE, core::mem::size_of::<SuperObj>())?;
    // SAFETY: fresh SuperObj.
    unsafe {
        let p = v.as_ptr() as *mut SuperObj;
        (*p).cls = c;
        (*p).obj = o;
    }
    Ok(v)
}

/// Look `name` up in the MRO of `obj`'s type after `cls` (slots of built-in types
/// included, see `class::find`).
pub fn find(s: &SuperObj, name: Value) -> Option<class::Found> {
    let start = match obj::as_type(s.obj) {
        Some(t) if class::is_subclass(t, obj::as_type(s.cls)?) => t,
        _ => obj::type_of(s.obj),
    };
    class::find(start, name, s.cls)
}

fn trace(v: Value, t: &mut Tracer<'_>) {
    if let Some(s) = as_super(v) {
        t.mark(s.cls);
        t.mark(s.obj);
    }
}

fn repr(vm: &mut Vm<'_>, _v: Value, sb: &mut StrBuf) -> PyResult<()> {
    sb.push(vm, "<super object>")
}

static SLOTS: Slots = Slots { trace: Some(trace), repr: Some(repr), new: Some(new_super), ..Slots::EMPTY };

/// `super`.
pub static SUPER_TYPE: Type = Type::builtin(&qstr::super_, Some(&obj::class::OBJECT_TYPE), Kind::Super, 0, &SLOTS, &[]);
