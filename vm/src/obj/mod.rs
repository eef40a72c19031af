//! Object types: the type descriptor ([`Type`]), its operation slots ([`Slots`]), built-in
//! functions and methods ([`Builtin`]), and one module per object type, each exporting its
//! static type descriptor (`list::LIST_TYPE`, `dict::DICT_TYPE`, ...).
//!
//! # Adding things
//! - a method of a built-in type: write `fn(vm, &Args) -> PyResult<Value>` in the type's file
//!   (`args.pos[0]` is `self`) and add `Builtin::method(&qstr::name, f)` to its `METHODS`;
//! - an operation: fill the matching field of the type's `Slots` (unset slots raise the
//!   CPython TypeError);
//! - a new type: a file here with a `#[repr(C)]` layout starting with `ObjHeader`, an
//!   `unsafe impl Layout`, a `static FOO_TYPE: Type` and a `Kind` variant.

use core::ptr;

use frostbyte_format::{BinOp, CmpOp, UnaryOp};

use crate::heap::Tracer;
use crate::rom::{ObjHeader, Qstr};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub mod async_gen;
pub mod bool;
pub mod builtin;
pub mod bytearray;
pub mod bytes;
pub mod bytes_methods;
pub mod cell;
pub mod class;
pub mod code;
#[cfg(feature = "complex")]
pub mod complex;
pub mod descriptor;
pub mod dict;
pub mod dict_methods;
pub mod exception;
pub mod exception_group;
pub mod float;
pub mod frame;
pub mod function;
pub mod generator;
pub mod generic_alias;
pub mod instance;
pub mod int;
pub mod iter;
pub mod list;
pub mod list_methods;
#[cfg(feature = "memoryview")]
pub mod memoryview;
pub mod method;
pub mod module;
pub mod none;
pub mod range;
pub mod set;
pub mod slice;
pub mod slot_wrapper;
pub mod str;
pub mod str_case;
pub mod str_methods;
pub mod stream;
pub mod super_;
pub mod traceback;
pub mod tuple;
pub mod weakref;

pub use builtin::Builtin;
pub use bytes::BYTES_TYPE;
pub use code::CODE_TYPE;
#[cfg(feature = "complex")]
pub use complex::COMPLEX_TYPE;
pub use dict::DICT_TYPE;
pub use float::FLOAT_TYPE;
pub use function::FUNCTION_TYPE;
pub use int::INT_TYPE;
pub use tuple::TUPLE_TYPE;

/// What an object's memory looks like (which Rust layout struct it is). User classes
/// inherit the kind of their nearest built-in base.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
#[allow(missing_docs)]
pub enum Kind {
    None,
    Bool,
    Int,
    Float,
    Complex,
    Str,
    Bytes,
    ByteArray,
    MemoryView,
    Tuple,
    List,
    Dict,
    Set,
    Range,
    Slice,
    Function,
    BoundMethod,
    Builtin,
    Cell,
    Generator,
    CoroWrapper,
    AsyncGenAwait,
    Module,
    Type,
    Object,
    Exception,
    Super,
    StaticMethod,
    ClassMethod,
    Property,
    Iter,
    Code,
    Frame,
    Traceback,
    DictView,
    SlotWrapper,
    /// `array.array` (the `array` module's layout).
    Array,
    /// A `__slots__` member descriptor.
    Member,
    Misc,
}

/// Type flags.
pub mod flags {
    /// A class created by a `class` statement (heap-allocated, has a dict).
    pub const HEAP: u32 = 1;
    /// Can be subclassed.
    pub const BASETYPE: u32 = 2;
    /// `hash()` raises TypeError.
    pub const UNHASHABLE: u32 = 4;
    /// A heap class whose MRO defines `__getattribute__` in a class body (set when the class
    /// is created; a `__getattribute__` assigned to a class later is not seen).
    pub const GETATTRIBUTE: u32 = 8;
    /// A heap class whose instances have no `__dict__` (`__slots__` without `'__dict__'`,
    /// and every base either built in or such a class): only its slots can be set.
    pub const NO_DICT: u32 = 16;
    /// A built-in type standing for a class CPython writes in Python (`collections.Counter`):
    /// its messages name it without its module, as CPython's `tp_name` does.
    pub const PY_CLASS: u32 = 32;
    /// A built-in type whose instances bind to the instance when found on a class, as
    /// functions do (`functools.lru_cache` wrappers: CPython gives them `__get__`).
    pub const BINDS: u32 = 64;
    /// Bits from here up: the number of `__slots__` words an instance of a heap class of
    /// kind Object carries after its attrs word (its own slots and its bases').
    pub const SLOTS_SHIFT: u32 = 8;
}

/// Signature of built-in functions and methods (`args.pos[0]` is `self` for methods).
/// May collect.
pub type NativeFn = fn(&mut Vm<'_>, &Args<'_>) -> PyResult<Value>;

/// Call arguments: positional values, then keyword names and values (same length).
/// The slices usually point into the caller's value stack, which keeps them rooted.
#[derive(Clone, Copy, Debug)]
pub struct Args<'s> {
    /// Positional arguments.
    pub pos: &'s [Value],
    /// Keyword names (str values).
    pub kwnames: &'s [Value],
    /// Keyword values, parallel to `kwnames`.
    pub kwvals: &'s [Value],
}

impl<'s> Args<'s> {
    /// Positional-only arguments.
    pub const fn new(pos: &'s [Value]) -> Self {
        Args { pos, kwnames: &[], kwvals: &[] }
    }
    /// Positional argument `i` or NULL.
    pub fn get(&self, i: usize) -> Value {
        self.pos.get(i).copied().unwrap_or(Value::NULL)
    }
    /// The keyword argument named `name`, or NULL.
    pub fn kw(&self, name: &str) -> Value {
        for (i, k) in self.kwnames.iter().enumerate() {
            if str::as_str(*k) == Some(name) {
                return self.kwvals.get(i).copied().unwrap_or(Value::NULL);
            }
        }
        Value::NULL
    }
}

/// Operation slots. `None` means "not supported" (the runtime raises CPython's TypeError).
/// All slots taking `&mut Vm` may collect.
#[allow(clippy::type_complexity)]
pub struct Slots {
    /// Report owned values and buffers to the collector. Must not allocate.
    pub trace: Option<fn(Value, &mut Tracer<'_>)>,
    /// Append `repr(v)` to the buffer.
    pub repr: Option<fn(&mut Vm<'_>, Value, &mut str::StrBuf) -> PyResult<()>>,
    /// Append `str(v)` (falls back to `repr`).
    pub str: Option<fn(&mut Vm<'_>, Value, &mut str::StrBuf) -> PyResult<()>>,
    /// `hash(v)`; `None`: identity hash unless the type is UNHASHABLE.
    pub hash: Option<fn(&mut Vm<'_>, Value) -> PyResult<isize>>,
    /// Rich comparison; returns NotImplemented when it does not apply. `v` is the left operand.
    pub richcmp: Option<fn(&mut Vm<'_>, Value, Value, CmpOp) -> PyResult<Value>>,
    /// Truthiness; `None`: use `len`, else true.
    pub truth: Option<fn(&mut Vm<'_>, Value) -> PyResult<bool>>,
    /// `len(v)`.
    pub len: Option<fn(&mut Vm<'_>, Value) -> PyResult<usize>>,
    /// `v[k]`.
    pub getitem: Option<fn(&mut Vm<'_>, Value, Value) -> PyResult<Value>>,
    /// `v[k] = x`, or `del v[k]` when `x` is NULL.
    pub setitem: Option<fn(&mut Vm<'_>, Value, Value, Value) -> PyResult<()>>,
    /// `x in v`; `None`: iterate.
    pub contains: Option<fn(&mut Vm<'_>, Value, Value) -> PyResult<bool>>,
    /// `iter(v)`.
    pub iter: Option<fn(&mut Vm<'_>, Value) -> PyResult<Value>>,
    /// `next(v)`: `Ok(None)` when exhausted (no StopIteration allocated).
    pub next: Option<fn(&mut Vm<'_>, Value) -> PyResult<Option<Value>>>,
    /// `v(*args)`.
    pub call: Option<fn(&mut Vm<'_>, Value, &Args<'_>) -> PyResult<Value>>,
    /// Attributes that are not in the type's method table or a dict (e.g. `e.args`).
    /// `Ok(NULL)`: not found.
    pub getattr: Option<fn(&mut Vm<'_>, Value, Value) -> PyResult<Value>>,
    /// `v.name = x` (`x` NULL: delete). `Ok(false)`: not supported.
    pub setattr: Option<fn(&mut Vm<'_>, Value, Value, Value) -> PyResult<bool>>,
    /// Binary operator. `reflected`: the object of this type is `b` (the right operand).
    /// Returns NotImplemented when it does not apply.
    pub binop: Option<fn(&mut Vm<'_>, BinOp, Value, Value, bool) -> PyResult<Value>>,
    /// Unary operator (`not` is handled by the runtime).
    pub unop: Option<fn(&mut Vm<'_>, UnaryOp, Value) -> PyResult<Value>>,
    /// Constructor: `cls(*args)` where `cls` is this type or a subclass.
    pub new: Option<fn(&mut Vm<'_>, Value, &Args<'_>) -> PyResult<Value>>,
    /// The buffer protocol of a type outside `obj` (`array.array`): its memory as a
    /// [`bytes::Buffer`]. `export`: a memoryview is being made over it (the type may then
    /// refuse resizes while the view lives). Must not allocate. Read through
    /// [`bytes::slot_buffer`], which finds it on the built-in base of a subclass.
    pub buffer: Option<fn(Value, bool) -> Option<bytes::Buffer>>,
}

impl Slots {
    /// No slots at all.
    pub const EMPTY: Slots = Slots {
        trace: None,
        repr: None,
        str: None,
        hash: None,
        richcmp: None,
        truth: None,
        len: None,
        getitem: None,
        setitem: None,
        contains: None,
        iter: None,
        next: None,
        call: None,
        getattr: None,
        setattr: None,
        binop: None,
        unop: None,
        new: None,
        buffer: None,
    };
}

/// A type descriptor. Static for built-in types; heap-allocated (same layout, `HEAP` flag,
/// `dict` set) for classes.
///
/// ```text
///  Type  ObjHeader (type) | name Value (str) | base *Type | slots &Slots | methods &[Builtin]
///        | dict Value (class namespace, NULL for built-ins) | flags u32 | kind u8
/// ```
#[repr(C)]
pub struct Type {
    /// Header: `type`.
    pub hdr: ObjHeader,
    /// Name (a str value).
    pub name: Value,
    /// Base class, null for `object`.
    pub base: *const Type,
    /// Operations.
    pub slots: &'static Slots,
    /// Built-in methods and class attributes (searched after `dict`).
    pub methods: &'static [Builtin],
    /// Class namespace (heap classes only).
    pub dict: Value,
    /// `flags::*`.
    pub flags: u32,
    /// Memory layout of instances.
    pub kind: Kind,
}

// SAFETY: static types are immutable; heap types are only touched by the owning VM.
unsafe impl Sync for Type {}
// SAFETY: repr(C), starts with an ObjHeader of type `type`; pointer-aligned.
unsafe impl crate::rom::RomObject for Type {}

impl Type {
    /// A static built-in type.
    pub const fn builtin<const N: usize>(
        name: &'static Qstr<N>,
        base: Option<&'static Type>,
        kind: Kind,
        flags: u32,
        slots: &'static Slots,
        methods: &'static [Builtin],
    ) -> Type {
        Type {
            hdr: ObjHeader { ty: &class::TYPE_TYPE },
            name: Value::qstr(name),
            base: match base {
                Some(b) => b,
                None => ptr::null(),
            },
            slots,
            methods,
            dict: Value::NULL,
            flags,
            kind,
        }
    }

    /// This built-in type as defined in module `ns` (a frozen dict holding `__module__`,
    /// for the type's repr, `__module__` and traceback headers: `struct.error`).
    pub const fn in_module(mut self, ns: &'static crate::rom::Dict) -> Type {
        self.dict = Value::rom(ns);
        self
    }

    /// The name as text.
    pub fn name(&self) -> &str {
        str::as_str(self.name).unwrap_or("?")
    }

    /// Base type.
    pub fn base(&self) -> Option<&'static Type> {
        // SAFETY: base pointers point at static types or heap classes kept alive by the
        // subclass's trace.
        unsafe { self.base.as_ref() }
    }

    /// Is this `self` or a subclass of `other`?
    pub fn is_subtype(&self, other: &Type) -> bool {
        let mut t: Option<&Type> = Some(self);
        while let Some(ty) = t {
            if ptr::eq(ty, other) {
                return true;
            }
            if ptr::eq(ty, &exception_group::EXCEPTION_GROUP_TYPE) {
                // The one built-in type with two bases (see exception_group.rs).
                return exception_group::EXCEPTION_GROUP_MRO.iter().any(|x| ptr::eq(*x, other));
            }
            t = ty.base();
        }
        false
    }

    /// Is this a class created by a `class` statement?
    pub fn is_heap(&self) -> bool {
        self.flags & flags::HEAP != 0
    }

    /// This type as a value.
    pub fn as_value(&'static self) -> Value {
        // SAFETY: a Type starts with an ObjHeader and is pointer-aligned.
        unsafe { Value::from_obj_ptr(self as *const Type as *const u8) }
    }
}

/// Marker for object layouts: `downcast` checks the type's `kind` against `KIND`.
///
/// # Safety
/// The implementor must be `#[repr(C)]`, start with an `ObjHeader`, and be the layout of
/// every object whose type has kind `KIND`.
pub unsafe trait Layout {
    /// The kind of types with this layout.
    const KIND: Kind;
}

/// The type of any value.
pub fn type_of(v: Value) -> &'static Type {
    if v.is_small_int() {
        return &int::INT_TYPE;
    }
    if v.is_qstr() {
        return &str::STR_TYPE;
    }
    if let Some(p) = v.as_obj_ptr() {
        // SAFETY: object values point at live objects starting with an ObjHeader whose type
        // pointer is valid (static, or a heap class kept alive by its instances' tracing).
        return unsafe { &*(*p).ty };
    }
    match v {
        Value::TRUE | Value::FALSE => &bool::BOOL_TYPE,
        Value::ELLIPSIS => &none::ELLIPSIS_TYPE,
        Value::NOT_IMPLEMENTED => &none::NOTIMPL_TYPE,
        _ => &none::NONE_TYPE,
    }
}

/// Borrow `v` as layout `T` if its type has `T`'s kind. The reference is valid until the
/// next collection that does not see `v` as reachable (see heap.rs).
pub fn downcast<T: Layout>(v: Value) -> Option<&'static T> {
    if !v.is_obj() {
        return None;
    }
    if type_of(v).kind != T::KIND {
        return None;
    }
    // SAFETY: the kind matches, so by the `Layout` contract `v` points at a `T`.
    Some(unsafe { &*(v.as_ptr() as *const T) })
}

/// Borrow `v` as layout `T` without checking. Used right after allocation.
///
/// # Safety
/// `v` must point at a live `T`.
pub unsafe fn cast<T: Layout>(v: Value) -> &'static T {
    // SAFETY: forwarded contract.
    unsafe { &*(v.as_ptr() as *const T) }
}

/// `type(v).__name__`.
pub fn type_name(v: Value) -> &'static str {
    type_of(v).name()
}

/// Is `v` an instance of `ty` (or a subclass)?
pub fn is_instance(v: Value, ty: &Type) -> bool {
    type_of(v).is_subtype(ty)
}

/// The type in `v`, if `v` is a type.
pub fn as_type(v: Value) -> Option<&'static Type> {
    downcast::<Type>(v)
}

// SAFETY: Type is repr(C) and starts with an ObjHeader; every type of kind Type is a Type.
unsafe impl Layout for Type {
    const KIND: Kind = Kind::Type;
}
