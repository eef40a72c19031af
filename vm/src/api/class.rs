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
        assert!(
            align_of::<T>() <= PAYLOAD,
            "a native class's state must be at most 8-aligned"
        );
        NativeClass {
            info: ClassInfo {
                ty: Type::builtin(
                    name,
                    Some(&obj::class::OBJECT_TYPE),
                    Kind::Misc,
                    0,
                    &SLOTS,
                    &[],
                ),
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
fn info(t: &'static Type) -> Option<&'static ClassInfo> {
    if !core::ptr::eq(t.slots, &SLOTS) {
        return None;
    }
    // SAFETY: only `NativeClass::new` builds types with these slots, as the first field of
    // a `repr(C)` `ClassInfo` in a static.
    Some(unsafe { &*(t as *const Type as *const ClassInfo) })
}

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

fn getattr(vm: &mut Vm<'_>, o: Value, name: Value) -> PyResult<Value> {
    let Some(ci) = info(obj::type_of(o)) else {
        return Ok(Value::NULL);
    };
    let Some(text) = obj::str::as_str(name) else {
        return Ok(Value::NULL);
    };
    match ci.methods.iter().find(|m| m.name() == text) {
        Some(m) => obj::method::new(vm, Value::rom(m), o),
        None => Ok(Value::NULL),
    }
}

fn repr(vm: &mut Vm<'_>, v: Value, sb: &mut obj::str::StrBuf) -> PyResult<()> {
    sb.push_fmt(
        vm,
        format_args!("<{} object at {:#x}>", obj::type_name(v), v.bits()),
    )
}

static SLOTS: Slots = Slots {
    new: Some(new),
    getattr: Some(getattr),
    repr: Some(repr),
    ..Slots::EMPTY
};

impl<'s> Scope<'s> {
    /// A new instance of `class` carrying `value` (for the class's `init`). May collect.
    pub fn instance<T: 'static>(
        &mut self,
        class: &'static NativeClass<T>,
        value: T,
    ) -> Result<Obj<'s>, Error> {
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
            format_args!(
                "expected '{}', got '{}'",
                class.info.ty.name(),
                obj::type_name(o.v)
            ),
        ));
    }
    Ok((o.v.as_ptr() as *mut u8).wrapping_add(PAYLOAD) as *mut T)
}

impl<'s> Obj<'s> {
    /// The Rust value of an instance of `class`, shared: no `&mut` to it can exist while this
    /// lives (it borrows the scope). `TypeError` for another object.
    pub fn borrow<'b, T: 'static>(
        self,
        _s: &'b Scope<'s>,
        class: &'static NativeClass<T>,
    ) -> Result<&'b T, Error> {
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
