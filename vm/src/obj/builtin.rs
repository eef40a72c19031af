//! Built-in functions and methods: static `Builtin` objects (`builtin_function_or_method`).
//!
//! ```text
//!  Builtin  ObjHeader | name Value (qstr) | f NativeFn | binding u8 (plain/static/class)
//! ```
//! Methods of built-in types live in the type's `methods` table; a method gets `self` as
//! `args.pos[0]`.

use super::{Args, Kind, Layout, NativeFn, Slots, Type};
use crate::obj::{self, str::StrBuf};
use crate::rom::{ObjHeader, Qstr, RomObject};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// How a `Builtin` in a method table binds when looked up on an instance or type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Binding {
    /// Instance method (or a plain function when not in a method table).
    Method,
    /// Static method: no binding.
    Static,
    /// Class method: binds the class.
    Class,
}

/// A built-in function object.
#[repr(C)]
pub struct Builtin {
    hdr: ObjHeader,
    /// Name (qstr).
    pub name: Value,
    /// The implementation.
    pub f: NativeFn,
    /// Binding when found in a type's method table.
    pub binding: Binding,
}

// SAFETY: repr(C), starts with ObjHeader of BUILTIN_TYPE (kind Builtin).
unsafe impl Layout for Builtin {
    const KIND: Kind = Kind::Builtin;
}
// SAFETY: as above; immutable static data.
unsafe impl RomObject for Builtin {}
// SAFETY: immutable.
unsafe impl Sync for Builtin {}

impl Builtin {
    /// A built-in function or instance method.
    pub const fn method<const N: usize>(name: &'static Qstr<N>, f: NativeFn) -> Builtin {
        Builtin { hdr: ObjHeader { ty: &BUILTIN_TYPE }, name: Value::qstr(name), f, binding: Binding::Method }
    }
    /// A built-in function (same as `method`, for readability in the builtins table).
    pub const fn function<const N: usize>(name: &'static Qstr<N>, f: NativeFn) -> Builtin {
        Self::method(name, f)
    }
    /// A static method of a built-in type.
    pub const fn static_method<const N: usize>(name: &'static Qstr<N>, f: NativeFn) -> Builtin {
        Builtin { hdr: ObjHeader { ty: &BUILTIN_TYPE }, name: Value::qstr(name), f, binding: Binding::Static }
    }
    /// A class method of a built-in type (`args.pos[0]` is the class).
    pub const fn class_method<const N: usize>(name: &'static Qstr<N>, f: NativeFn) -> Builtin {
        Builtin { hdr: ObjHeader { ty: &BUILTIN_TYPE }, name: Value::qstr(name), f, binding: Binding::Class }
    }
    /// This builtin as a value.
    pub fn as_value(&'static self) -> Value {
        Value::rom(self)
    }
}

fn call(vm: &mut Vm<'_>, f: Value, args: &Args<'_>) -> PyResult<Value> {
    let Some(b) = obj::downcast::<Builtin>(f) else { return Ok(Value::NONE) };
    (b.f)(vm, args)
}

fn repr(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf) -> PyResult<()> {
    let name = obj::downcast::<Builtin>(v).map(|b| b.name).unwrap_or(Value::NONE);
    sb.push(vm, "<built-in function ")?;
    sb.push(vm, obj::str::as_str(name).unwrap_or("?"))?;
    sb.push(vm, ">")
}

fn getattr(_vm: &mut Vm<'_>, v: Value, name: Value) -> PyResult<Value> {
    match obj::str::as_str(name) {
        Some("__name__") | Some("__qualname__") => {
            Ok(obj::downcast::<Builtin>(v).map(|b| b.name).unwrap_or(Value::NULL))
        }
        _ => Ok(Value::NULL),
    }
}

static SLOTS: Slots = Slots { call: Some(call), repr: Some(repr), getattr: Some(getattr), ..Slots::EMPTY };

static Q_NAME: Qstr<26> = Qstr::new(*b"builtin_function_or_method");

/// `builtin_function_or_method`.
pub static BUILTIN_TYPE: Type = Type::builtin(&Q_NAME, Some(&obj::class::OBJECT_TYPE), Kind::Builtin, 0, &SLOTS, &[]);
