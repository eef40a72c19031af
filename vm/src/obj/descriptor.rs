//! `staticmethod`, `classmethod` and `property`.
//!
//! ```text
//!  Wrapper   ObjHeader | func Value                      (staticmethod, classmethod)
//!  Property  ObjHeader | fget Value | fset Value | fdel Value
//!  Member    ObjHeader | name Value | owner Value | index usize   (a `__slots__` entry)
//! ```
//!
//! A member descriptor's value lives in slot word `index` of a plain instance (see
//! `obj/instance.rs`), or under its name in the dict of an instance of a built-in layout; the
//! class's `NO_DICT` flag keeps other names out.

use super::{Args, Builtin, Kind, Layout, Slots, Type};
use crate::heap::Tracer;
use crate::obj;
use crate::qstr;
use crate::rom::ObjHeader;
use crate::runtime;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// staticmethod / classmethod layout.
#[repr(C)]
pub struct Wrapper {
    hdr: ObjHeader,
    /// The wrapped callable.
    pub func: Value,
}

// SAFETY: repr(C), starts with ObjHeader; STATICMETHOD_TYPE has kind StaticMethod.
unsafe impl Layout for Wrapper {
    const KIND: Kind = Kind::StaticMethod;
}

/// classmethod layout (same as Wrapper).
#[repr(C)]
pub struct ClassWrapper {
    hdr: ObjHeader,
    /// The wrapped callable.
    pub func: Value,
}

// SAFETY: repr(C), starts with ObjHeader; CLASSMETHOD_TYPE has kind ClassMethod.
unsafe impl Layout for ClassWrapper {
    const KIND: Kind = Kind::ClassMethod;
}

/// Property layout.
#[repr(C)]
pub struct Property {
    hdr: ObjHeader,
    /// Getter.
    pub fget: Value,
    /// Setter.
    pub fset: Value,
    /// Deleter.
    pub fdel: Value,
}

// SAFETY: repr(C), starts with ObjHeader; PROPERTY_TYPE has kind Property.
unsafe impl Layout for Property {
    const KIND: Kind = Kind::Property;
}

// Frozen descriptors (`rom::Descriptor`, `rom::Property`) must read as the heap layouts.
const _: () = {
    use core::mem::{offset_of, size_of};
    assert!(size_of::<crate::rom::Descriptor>() == size_of::<Wrapper>());
    assert!(size_of::<crate::rom::Descriptor>() == size_of::<ClassWrapper>());
    assert!(offset_of!(crate::rom::Descriptor, func) == offset_of!(Wrapper, func));
    assert!(offset_of!(crate::rom::Descriptor, func) == offset_of!(ClassWrapper, func));
    assert!(size_of::<crate::rom::Property>() == size_of::<Property>());
    assert!(offset_of!(crate::rom::Property, fget) == offset_of!(Property, fget));
    assert!(offset_of!(crate::rom::Property, fset) == offset_of!(Property, fset));
    assert!(offset_of!(crate::rom::Property, fdel) == offset_of!(Property, fdel));
};

/// A heap copy of the frozen descriptor `v` whose function is `f` (for a frozen class
/// namespace copied to the heap: see `obj::class::rom_namespace`); `None` if `v` is not a
/// staticmethod, classmethod or property. May collect (`f` rooted by the caller).
pub fn rewrap(vm: &mut Vm<'_>, v: Value, f: Value) -> PyResult<Option<Value>> {
    if let Some(p) = obj::downcast::<Property>(v) {
        let (s, d) = (p.fset, p.fdel);
        return new_property(vm, f, s, d).map(Some);
    }
    if obj::downcast::<Wrapper>(v).is_some() {
        return wrap(vm, &STATICMETHOD_TYPE, f).map(Some);
    }
    if obj::downcast::<ClassWrapper>(v).is_some() {
        return wrap(vm, &CLASSMETHOD_TYPE, f).map(Some);
    }
    Ok(None)
}

/// The function a staticmethod, classmethod or property (getter) wraps, if `v` is one.
pub fn wrapped(v: Value) -> Option<Value> {
    obj::downcast::<Property>(v)
        .map(|p| p.fget)
        .or_else(|| obj::downcast::<Wrapper>(v).map(|w| w.func))
        .or_else(|| obj::downcast::<ClassWrapper>(v).map(|w| w.func))
}

/// The function inside a staticmethod (or `v` itself).
pub fn unwrap_static(v: Value) -> Value {
    obj::downcast::<Wrapper>(v).map(|w| w.func).unwrap_or(v)
}

fn wrap(vm: &mut Vm<'_>, ty: &'static Type, f: Value) -> PyResult<Value> {
    let v = vm.alloc_obj(ty, core::mem::size_of::<Wrapper>())?;
    // SAFETY: fresh Wrapper-layout object.
    unsafe { (*(v.as_ptr() as *mut Wrapper)).func = f };
    Ok(v)
}

fn trace_wrapper(v: Value, t: &mut Tracer<'_>) {
    if let Some(w) = obj::downcast::<Wrapper>(v) {
        t.mark(w.func);
    } else if let Some(w) = obj::downcast::<ClassWrapper>(v) {
        t.mark(w.func);
    }
}

fn new_static(vm: &mut Vm<'_>, _cls: Value, args: &Args<'_>) -> PyResult<Value> {
    wrap(vm, &STATICMETHOD_TYPE, args.get(0))
}

fn new_class(vm: &mut Vm<'_>, _cls: Value, args: &Args<'_>) -> PyResult<Value> {
    wrap(vm, &CLASSMETHOD_TYPE, args.get(0))
}

fn call_static(vm: &mut Vm<'_>, v: Value, args: &Args<'_>) -> PyResult<Value> {
    let f = unwrap_static(v);
    runtime::call_args(vm, f, args)
}

fn getattr_wrapper(_vm: &mut Vm<'_>, v: Value, name: Value) -> PyResult<Value> {
    if obj::str::as_str(name) == Some("__func__") {
        if let Some(w) = obj::downcast::<Wrapper>(v) {
            return Ok(w.func);
        }
        if let Some(w) = obj::downcast::<ClassWrapper>(v) {
            return Ok(w.func);
        }
    }
    Ok(Value::NULL)
}

static STATIC_SLOTS: Slots = Slots {
    trace: Some(trace_wrapper),
    new: Some(new_static),
    call: Some(call_static),
    getattr: Some(getattr_wrapper),
    ..Slots::EMPTY
};
static CLASS_SLOTS: Slots =
    Slots { trace: Some(trace_wrapper), new: Some(new_class), getattr: Some(getattr_wrapper), ..Slots::EMPTY };

/// `staticmethod`.
pub static STATICMETHOD_TYPE: Type = Type::builtin(
    &qstr::staticmethod,
    Some(&obj::class::OBJECT_TYPE),
    Kind::StaticMethod,
    super::flags::BASETYPE,
    &STATIC_SLOTS,
    &[],
);
/// `classmethod`.
pub static CLASSMETHOD_TYPE: Type = Type::builtin(
    &qstr::classmethod,
    Some(&obj::class::OBJECT_TYPE),
    Kind::ClassMethod,
    super::flags::BASETYPE,
    &CLASS_SLOTS,
    &[],
);

/// The function inside a classmethod, if `v` is one.
pub fn classmethod_func(v: Value) -> Option<Value> {
    obj::downcast::<ClassWrapper>(v).map(|w| w.func)
}

/// A property with the given accessors. May collect.
pub fn new_property(vm: &mut Vm<'_>, fget: Value, fset: Value, fdel: Value) -> PyResult<Value> {
    let v = vm.alloc_obj(&PROPERTY_TYPE, core::mem::size_of::<Property>())?;
    // SAFETY: fresh Property.
    unsafe {
        let p = v.as_ptr() as *mut Property;
        (*p).fget = fget;
        (*p).fset = fset;
        (*p).fdel = fdel;
    }
    Ok(v)
}

fn trace_property(v: Value, t: &mut Tracer<'_>) {
    if let Some(p) = obj::downcast::<Property>(v) {
        t.mark(p.fget);
        t.mark(p.fset);
        t.mark(p.fdel);
    }
}

fn new_prop(vm: &mut Vm<'_>, _cls: Value, args: &Args<'_>) -> PyResult<Value> {
    let g = |i: usize, k: &str| {
        let v = args.get(i);
        if v.is_null() {
            args.kw(k)
        } else {
            v
        }
    };
    let (a, b, c) = (g(0, "fget"), g(1, "fset"), g(2, "fdel"));
    let n = |v: Value| if v == Value::NONE { Value::NULL } else { v };
    new_property(vm, n(a), n(b), n(c))
}

fn prop_setter(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let Some(p) = obj::downcast::<Property>(args.get(0)) else { return Ok(Value::NONE) };
    let (g, d) = (p.fget, p.fdel);
    new_property(vm, g, args.get(1), d)
}

fn prop_getter(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let Some(p) = obj::downcast::<Property>(args.get(0)) else { return Ok(Value::NONE) };
    let (s, d) = (p.fset, p.fdel);
    new_property(vm, args.get(1), s, d)
}

fn prop_deleter(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let Some(p) = obj::downcast::<Property>(args.get(0)) else { return Ok(Value::NONE) };
    let (g, s) = (p.fget, p.fset);
    new_property(vm, g, s, args.get(1))
}

fn prop_getattr(_vm: &mut Vm<'_>, v: Value, name: Value) -> PyResult<Value> {
    let Some(p) = obj::downcast::<Property>(v) else { return Ok(Value::NULL) };
    let o = |x: Value| if x.is_null() { Value::NONE } else { x };
    Ok(match obj::str::as_str(name) {
        Some("fget") => o(p.fget),
        Some("fset") => o(p.fset),
        Some("fdel") => o(p.fdel),
        Some("__doc__") => Value::NONE,
        _ => Value::NULL,
    })
}

static PROPERTY_METHODS: &[Builtin] = &[
    Builtin::method(&qstr::setter, prop_setter),
    Builtin::method(&qstr::getter, prop_getter),
    Builtin::method(&qstr::deleter, prop_deleter),
];

static PROPERTY_SLOTS: Slots =
    Slots { trace: Some(trace_property), new: Some(new_prop), getattr: Some(prop_getattr), ..Slots::EMPTY };

/// `property`.
pub static PROPERTY_TYPE: Type = Type::builtin(
    &qstr::property,
    Some(&obj::class::OBJECT_TYPE),
    Kind::Property,
    super::flags::BASETYPE,
    &PROPERTY_SLOTS,
    PROPERTY_METHODS,
);

/// Borrow a property.
pub fn as_property(v: Value) -> Option<&'static Property> {
    obj::downcast::<Property>(v)
}

/// `__slots__` member descriptor layout.
#[repr(C)]
pub struct Member {
    hdr: ObjHeader,
    /// The slot's name (a str).
    pub name: Value,
    /// The class whose `__slots__` named it.
    pub owner: Value,
    /// Its word in the instance (`obj::instance::slot_get`); instances of built-in layouts
    /// keep slot values in their dict under the name instead.
    pub index: usize,
}

// SAFETY: repr(C), starts with ObjHeader; MEMBER_TYPE has kind Member.
unsafe impl Layout for Member {
    const KIND: Kind = Kind::Member;
}

/// A member descriptor for slot `name` of class `owner`. May collect.
pub fn new_member(vm: &mut Vm<'_>, name: Value, owner: Value, index: usize) -> PyResult<Value> {
    let v = vm.alloc_obj(&MEMBER_TYPE, core::mem::size_of::<Member>())?;
    // SAFETY: fresh Member.
    unsafe {
        let p = v.as_ptr() as *mut Member;
        (*p).name = name;
        (*p).owner = owner;
        (*p).index = index;
    }
    Ok(v)
}

/// Borrow a member descriptor.
pub fn as_member(v: Value) -> Option<&'static Member> {
    obj::downcast::<Member>(v)
}

fn trace_member(v: Value, t: &mut Tracer<'_>) {
    if let Some(m) = as_member(v) {
        t.mark(m.name);
        t.mark(m.owner);
    }
}

fn repr_member(vm: &mut Vm<'_>, v: Value, sb: &mut obj::str::StrBuf) -> PyResult<()> {
    let Some(m) = as_member(v) else { return Ok(()) };
    let n = obj::str::as_str(m.name).unwrap_or("?");
    let o = obj::as_type(m.owner).map(|t| t.name()).unwrap_or("?");
    sb.push_fmt(vm, format_args!("<member '{n}' of '{o}' objects>"))
}

crate::static_qstr!(Q_MEMBER, "member_descriptor");

static MEMBER_SLOTS: Slots = Slots { trace: Some(trace_member), repr: Some(repr_member), ..Slots::EMPTY };

/// `member_descriptor` (the type of `__slots__` entries on their class).
pub static MEMBER_TYPE: Type =
    Type::builtin(&Q_MEMBER, Some(&obj::class::OBJECT_TYPE), Kind::Member, 0, &MEMBER_SLOTS, &[]);
