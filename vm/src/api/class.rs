//! [`NativeClass`]: a Python class whose instances carry a Rust value in the GC heap.

use core::marker::PhantomData;
use core::mem::{align_of, size_of};

use super::native::run_native;
use super::{Error, ExcType, NativeFn, NativeFunction, Obj, Scope};
use crate::obj::{self, Kind, Slots, Type};
use crate::rom::Qstr;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Offset of the Rust value in an instance (after the one-word header, 8-aligned: heap
/// blocks are at least 8-aligned).
const PAYLOAD: usize = 8;

/// A Python class implemented in Rust: calling it runs `init` (a native function that
/// returns [`Scope::instance`]), its instances carry a `T` in the GC heap and have `methods`
/// (native functions that get the instance as their first argument). Declare one with
/// [`crate::native_class!`]. Instances are freed by the collector without running `T`'s
/// `Drop`; the class cannot be subclassed.
#[repr(C)]
pub struct NativeClass<T: 'static> {
    info: ClassInfo,
    _t: PhantomData<fn() -> T>,
}

/// A native class in a module's table (see [`NativeClass::entry`]).
#[derive(Clone, Copy)]
pub struct ClassEntry(pub(crate) &'static Type);

impl core::fmt::Debug for ClassEntry {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "ClassEntry({})", self.0.name())
    }
}

/// The type-independent part, at the start of every `NativeClass<T>` (`repr(C)`).
#[repr(C)]
struct ClassInfo {
    ty: Type,
    init: NativeFn,
    methods: &'static [NativeFunction],
}

// SAFETY: immutable static data (a `Type` of a static class is never written).
unsafe impl<T> Sync for NativeClass<T> {}

impl<T: 'static> NativeClass<T> {
    /// Use [`crate::native_class!`], which declares the name's qstr.
    #[doc(hidden)]
    pub const fn new<const N: usize>(
        name: &'static Qstr<N>,
        init: NativeFn,
        methods: &'static [NativeFunction],
    ) -> Self {
        assert!(align_of::<T>() <= PAYLOAD, "a native class's state must be at most 8-aligned");
        NativeClass {
            info: ClassInfo {
                ty: Type::builtin(name, Some(&obj::class::OBJECT_TYPE), Kind::Misc, 0, &SLOTS, &[]),
                init,
                methods,
            },
            _t: PhantomData,
        }
    }

    /// This class as an entry of [`super::NativeModule::with_classes`].
    pub const fn entry(&'static self) -> ClassEntry {
        ClassEntry(&self.info.ty)
    }

    /// The class object.
    pub fn class<'s>(&'static self, _s: &Scope<'s>) -> Obj<'s> {
        Obj::from_rooted(self.info.ty.as_value())
    }
}

impl core::fmt::Debug for ClassInfo {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.ty.name())
    }
}

impl<T> core::fmt::Debug for NativeClass<T> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "NativeClass({:?})", self.info)
    }
}

/// The class info of a native class's type.
fn info(t: &Type) -> Option<&'static ClassInfo> {
    if !core::ptr::eq(t.slots, &SLOTS) {
        return None;
    }
    // SAFETY: only `NativeClass::new` builds types with these slots, as the first field of
    // a `repr(C)` `ClassInfo` in a static (so the reference is in fact `'static`).
    Some(unsafe { &*(t as *const Type as *const ClassInfo) })
}

/// Method `name` of native class `t` (its raw function), for attribute lookup along an MRO
/// (`obj::class::own_lookup`). Never allocates.
pub(crate) fn native_class_method(t: &Type, name: Value) -> Option<Value> {
    let ci = info(t)?;
    let text = obj::str::as_str(name)?;
    ci.methods.iter().find(|m| m.name() == text).map(Value::rom)
}

/// Bind `attr`, found on class `cls`, for `inst`: a method of a native class becomes a bound
/// method of the instance, or, looked up on the class itself (`Pin.toggle`), a method
/// descriptor that checks its first argument as CPython's does. Anything else is returned
/// unchanged (a native function stored on a Python class does not bind, as in CPython).
/// May collect.
pub(crate) fn bind_native_method(vm: &mut Vm<'_>, attr: Value, inst: Value, cls: &'static Type) -> PyResult<Value> {
    let Some(ci) = info(cls) else {
        return Ok(attr);
    };
    let Some(m) = ci.methods.iter().find(|m| Value::rom(*m) == attr) else {
        return Ok(attr);
    };
    if !inst.is_null() {
        return obj::method::new(vm, attr, inst);
    }
    let d = vm.alloc_obj(&DESCR_TYPE, size_of::<MethodDescr>())?;
    // SAFETY: a fresh object of `MethodDescr`'s size and type.
    unsafe {
        let p = d.as_ptr() as *mut MethodDescr;
        (*p).class = ci;
        (*p).func = m;
    }
    Ok(d)
}

/// `Pin.toggle`: a native class's method looked up on the class (`method_descriptor`).
/// Points only at statics, so the collector has nothing to trace in it.
#[repr(C)]
struct MethodDescr {
    hdr: crate::rom::ObjHeader,
    class: &'static ClassInfo,
    func: &'static NativeFunction,
}

fn as_descr(v: Value) -> Option<&'static MethodDescr> {
    if !v.is_obj() || !core::ptr::eq(obj::type_of(v), &DESCR_TYPE) {
        return None;
    }
    // SAFETY: only `bind_native_method` makes objects of this type, with this layout.
    Some(unsafe { &*(v.as_ptr() as *const MethodDescr) })
}

/// Call: the first argument must be an instance of the class (CPython's messages).
fn descr_call(vm: &mut Vm<'_>, f: Value, args: &obj::Args<'_>) -> PyResult<Value> {
    let Some(d) = as_descr(f) else {
        return Ok(Value::NONE);
    };
    let (cls, name) = (d.class.ty.name(), d.func.name());
    match args.pos.first() {
        None => Err(vm.type_error(format_args!("unbound method {cls}.{name}() needs an argument"))),
        Some(&me) if !core::ptr::eq(obj::type_of(me), &d.class.ty) => Err(vm.type_error(format_args!(
            "descriptor '{name}' for '{cls}' objects doesn't apply to a '{}' object",
            obj::type_name(me)
        ))),
        Some(_) => run_native(vm, d.func.f(), args),
    }
}

fn descr_repr(vm: &mut Vm<'_>, v: Value, sb: &mut obj::str::StrBuf) -> PyResult<()> {
    let (cls, name) = as_descr(v).map_or(("?", "?"), |d| (d.class.ty.name(), d.func.name()));
    sb.push_fmt(vm, format_args!("<method '{name}' of '{cls}' objects>"))
}

fn descr_getattr(vm: &mut Vm<'_>, v: Value, name: Value) -> PyResult<Value> {
    let Some(d) = as_descr(v) else {
        return Ok(Value::NULL);
    };
    match obj::str::as_str(name) {
        Some("__name__") => obj::str::new(vm, d.func.name()),
        Some("__qualname__") => {
            let mut sb = obj::str::StrBuf::new(vm)?;
            sb.push_fmt(vm, format_args!("{}.{}", d.class.ty.name(), d.func.name()))?;
            sb.finish(vm)
        }
        Some("__objclass__") => Ok(d.class.ty.as_value()),
        _ => Ok(Value::NULL),
    }
}

static DESCR_SLOTS: Slots =
    Slots { call: Some(descr_call), repr: Some(descr_repr), getattr: Some(descr_getattr), ..Slots::EMPTY };
static Q_METHOD_DESCRIPTOR: Qstr<17> = Qstr::new(*b"method_descriptor");
/// The type of a native class's methods looked up on the class.
static DESCR_TYPE: Type =
    Type::builtin(&Q_METHOD_DESCRIPTOR, Some(&obj::class::OBJECT_TYPE), Kind::Misc, 0, &DESCR_SLOTS, &[]);

fn new(vm: &mut Vm<'_>, cls: Value, args: &obj::Args<'_>) -> PyResult<Value> {
    let Some(ci) = obj::as_type(cls).and_then(info) else {
        return Ok(Value::NONE);
    };
    let r = run_native(vm, ci.init, args)?;
    // Only `Scope::instance` makes objects of this type with their payload; anything else
    // must not become one (callers such as `object.__new__` retype the result).
    if !core::ptr::eq(obj::type_of(r), &ci.ty) {
        return Err(vm.type_error(format_args!(
            "{}() constructor returned '{}', not a '{}' instance",
            ci.ty.name(),
            obj::type_name(r),
            ci.ty.name()
        )));
    }
    Ok(r)
}

fn repr(vm: &mut Vm<'_>, v: Value, sb: &mut obj::str::StrBuf) -> PyResult<()> {
    sb.push_fmt(vm, format_args!("<{} object at {:#x}>", obj::type_name(v), v.bits()))
}

/// Methods are found on the class (`native_class_method`, through `obj::class::own_lookup`)
/// and bound by `bind_native_method`.
static SLOTS: Slots = Slots { new: Some(new), repr: Some(repr), ..Slots::EMPTY };

impl<'s> Scope<'s> {
    /// A new instance of `class` carrying `value` (for the class's `init`). May collect.
    pub fn instance<T: 'static>(&mut self, class: &'static NativeClass<T>, value: T) -> Result<Obj<'s>, Error> {
        let r = self.vm.alloc_obj(&class.info.ty, PAYLOAD + size_of::<T>());
        let o = self.held(r)?;
        // SAFETY: a fresh object of `PAYLOAD + size_of::<T>()` bytes whose start is block
        // aligned (at least 8), so the payload is aligned for `T` (checked in `new`).
        unsafe { core::ptr::write((o.v.as_ptr() as *mut u8).add(PAYLOAD) as *mut T, value) };
        Ok(o)
    }
}

fn payload<T: 'static>(o: Obj<'_>, class: &'static NativeClass<T>) -> Result<*mut T, Error> {
    if !o.v.is_obj() || !core::ptr::eq(obj::type_of(o.v), &class.info.ty) {
        return Err(Error::new_fmt(
            ExcType::TYPE_ERROR,
            format_args!("expected '{}', got '{}'", class.info.ty.name(), obj::type_name(o.v)),
        ));
    }
    Ok((o.v.as_ptr() as *mut u8).wrapping_add(PAYLOAD) as *mut T)
}

impl<'s> Obj<'s> {
    /// The Rust value of an instance of `class`, shared: no `&mut` to it can exist while this
    /// lives (it borrows the scope). `TypeError` for another object.
    pub fn borrow<'b, T: 'static>(self, _s: &'b Scope<'s>, class: &'static NativeClass<T>) -> Result<&'b T, Error> {
        let p = payload(self, class)?;
        // SAFETY: objects of this exact type are made only by `Scope::instance`, which wrote a
        // `T` at this offset; the object is rooted for 's and the borrow ends with `'b`.
        // Every `&mut T` comes from `borrow_mut`, which needs `&mut Scope`.
        Ok(unsafe { &*p })
    }

    /// The Rust value of an instance of `class`, exclusive: it borrows the scope mutably, so
    /// no other access (and no Python code) runs while it lives.
    pub fn borrow_mut<'b, T: 'static>(
        self,
        _s: &'b mut Scope<'s>,
        class: &'static NativeClass<T>,
    ) -> Result<&'b mut T, Error> {
        let p = payload(self, class)?;
        // SAFETY: as in `borrow`; the exclusive borrow of the scope rules out any other
        // reference to any payload while this one lives.
        Ok(unsafe { &mut *p })
    }
}

/// Declare a [`NativeClass`]:
///
/// ```ignore
/// frostbyte::native_class!(pub static PIN: NativeClass<Pin> = ("Pin", pin_init, &[
///     NativeFunction::new("on", pin_on),
/// ]));
/// ```
#[macro_export]
macro_rules! native_class {
    ($vis:vis static $name:ident: NativeClass<$t:ty> = ($pyname:literal, $init:expr, $methods:expr $(,)?);) => {
        $vis static $name: $crate::NativeClass<$t> = {
            static NAME: $crate::__private::rom::Qstr<{ $pyname.len() }> =
                $crate::__private::rom::Qstr::new($crate::__private::qstr::text($pyname));
            $crate::NativeClass::new(&NAME, $init, $methods)
        };
    };
}
