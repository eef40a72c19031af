//! `function`: a code object with its globals, defaults and closure.
//!
//! ```text
//!  FuncObj   ObjHeader | code Value (rom::Code) | globals Value (dict) | extra Value
//!  extra     NULL                      nothing else (most functions: 4 words, one block)
//!            tuple                     the closure if the code has free variables, else
//!                                      the positional defaults
//!            FuncExtra                 anything else: both, keyword-only defaults, or
//!                                      attributes set on the function
//!  FuncExtra ObjHeader | defaults Value (tuple or NULL) | kwdefaults Value (dict or NULL)
//!            | closure Value (tuple or NULL) | dict Value (attributes, NULL until set)
//! ```
//! The name, qualname, file and parameters come from the ROM code object.
//!
//! **Frozen functions.** A `def` that runs once per import (module or once-running class
//! body, outside loops) with no closure and constant defaults is frozen whole as a
//! [`rom::Function`](crate::rom::Function): same layout, `globals` NULL, `extra` the frozen
//! defaults tuple or NULL. `MakeRomFunction` pushes it without allocating. Its globals are the
//! namespace its module first ran in: the first `MakeRomFunction` of a module records that
//! namespace in its image's namespace table (`Vm::namespaces`, one slot per module, allocated
//! by `Vm::add_image`, found through `CodeModule::index`), and a later run of the same module code with another namespace
//! (a second import under another name, a re-import after a failed one) gets heap copies bound
//! to the new namespace, so every function sees the globals CPython would give it. Attributes
//! set on a frozen function live in a side table, `Vm::rom_attrs` (function -> dict).
//! A frozen method whose class is frozen whole may have one free variable, `__class__`
//! (zero-argument `super()`): it has no closure tuple; the class's cell is in another side
//! table, `Vm::rom_cells` (function -> cell), filled when `BuildRomClass` builds the class.

use core::cell::Cell;

use frostbyte_format::CodeFlags;

use super::{Kind, Layout, Slots, Type};
use crate::heap::Tracer;
use crate::obj::{self, str::StrBuf};
use crate::qstr;
use crate::rom::{Code, ObjHeader};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Function layout.
#[repr(C)]
pub struct FuncObj {
    hdr: ObjHeader,
    /// The code object (ROM).
    pub code: Value,
    /// Module globals.
    pub globals: Value,
    /// Defaults, closure and attributes; see the module documentation.
    extra: Cell<Value>,
}

// SAFETY: repr(C), starts with ObjHeader; FUNCTION_TYPE has kind Function.
unsafe impl Layout for FuncObj {
    const KIND: Kind = Kind::Function;
}

/// The rarely needed parts of a function.
#[repr(C)]
struct FuncExtra {
    hdr: ObjHeader,
    defaults: Cell<Value>,
    kwdefaults: Cell<Value>,
    closure: Cell<Value>,
    dict: Cell<Value>,
}

// SAFETY: repr(C), starts with ObjHeader; FUNC_EXTRA_TYPE is the only type of kind Misc
// whose objects are created here, and `extra_of` checks the type pointer itself.
unsafe impl Layout for FuncExtra {
    const KIND: Kind = Kind::Misc;
}

fn extra_of(v: Value) -> Option<&'static FuncExtra> {
    if v.is_obj() && core::ptr::eq(obj::type_of(v), &FUNC_EXTRA_TYPE) {
        // SAFETY: the type is FUNC_EXTRA_TYPE, so `v` points at a FuncExtra.
        Some(unsafe { obj::cast::<FuncExtra>(v) })
    } else {
        None
    }
}

impl FuncObj {
    /// The code object.
    pub fn code(&self) -> &'static Code {
        obj::code::as_code(self.code).unwrap_or(&EMPTY_CODE)
    }
    fn has_free(&self) -> bool {
        self.code().n_free() > 0
    }
    /// Is this a frozen function (its globals resolved through its module)?
    pub fn is_frozen(&self) -> bool {
        self.globals.is_null()
    }
    /// Positional defaults (tuple) or NULL.
    pub fn defaults(&self) -> Value {
        let x = self.extra.get();
        if let Some(e) = extra_of(x) {
            e.defaults.get()
        } else if !x.is_null() && (!self.has_free() || self.is_frozen()) {
            x
        } else {
            Value::NULL
        }
    }
    /// Keyword-only defaults (dict) or NULL.
    pub fn kwdefaults(&self) -> Value {
        extra_of(self.extra.get()).map(|e| e.kwdefaults.get()).unwrap_or(Value::NULL)
    }
    /// Closure cells (tuple) or NULL. A frozen function has none: its only possible free
    /// variable, `__class__`, is in `Vm::rom_cells` (see [`class_cell`]).
    pub fn closure(&self) -> Value {
        let x = self.extra.get();
        if let Some(e) = extra_of(x) {
            e.closure.get()
        } else if !x.is_null() && self.has_free() && !self.is_frozen() {
            x
        } else {
            Value::NULL
        }
    }
    /// Attributes dict or NULL.
    pub fn dict(&self) -> Value {
        extra_of(self.extra.get()).map(|e| e.dict.get()).unwrap_or(Value::NULL)
    }
    /// Is this a generator function?
    pub fn is_generator(&self) -> bool {
        CodeFlags(self.code().flags).contains(CodeFlags::GENERATOR)
    }
}

static EMPTY_MODULE: crate::rom::CodeModule =
    crate::rom::CodeModule { file: Value::qstr(&qstr::EMPTY), names: &[], index: u32::MAX };
/// `LoadNone; ReturnValue`, then the tail: no kw-only, free or positional-only parameters,
/// first line 1, empty line and exception tables.
static EMPTY_BLOB: [u8; 8] =
    [frostbyte_format::Op::LoadNone as u8, frostbyte_format::Op::ReturnValue as u8, 0, 0, 0, 1, 0, 0];
static EMPTY_CODE: Code = Code::new(Value::qstr(&qstr::LAMBDA), &EMPTY_MODULE, &[], 0, &EMPTY_BLOB, 2, 0, 0, 0, 1);

/// Borrow a function.
pub fn as_func(v: Value) -> Option<&'static FuncObj> {
    obj::downcast::<FuncObj>(v)
}

// A frozen function must be readable as a `FuncObj`.
const _: () = assert!(
    core::mem::size_of::<crate::rom::Function>() == core::mem::size_of::<FuncObj>()
        && core::mem::offset_of!(crate::rom::Function, code) == core::mem::offset_of!(FuncObj, code)
        && core::mem::offset_of!(crate::rom::Function, globals) == core::mem::offset_of!(FuncObj, globals)
        && core::mem::offset_of!(crate::rom::Function, defaults) == core::mem::offset_of!(FuncObj, extra)
);

/// The globals of function `f`: its own, or for a frozen function the namespace its module
/// first ran in (NULL if no function of that module was ever pushed, which cannot happen for
/// a function reached through Python code).
pub fn globals(vm: &Vm<'_>, f: &FuncObj) -> Value {
    if !f.globals.is_null() {
        return f.globals;
    }
    vm.namespace_slot(f.code().module).map(|s| s.get()).unwrap_or(Value::NULL)
}

/// `MakeRomFunction`: the frozen function `fv` itself while `globals` is the namespace its
/// module first ran in (recording it on first use), else a heap copy bound to `globals`.
/// May collect (`globals` must be rooted).
pub fn from_rom(vm: &mut Vm<'_>, fv: Value, globals: Value) -> PyResult<Value> {
    let Some(f) = as_func(fv) else {
        return Err(vm.raise_msg(&obj::exception::SYSTEM_ERROR_TYPE, "MakeRomFunction: not a function"));
    };
    let first = self::globals(vm, f);
    if first == globals {
        return Ok(fv);
    }
    match vm.namespace_slot(f.code().module) {
        Some(slot) if first.is_null() => {
            slot.set(globals);
            Ok(fv)
        }
        _ => new(vm, f.code, globals, f.extra.get(), Value::NULL, Value::NULL),
    }
}

/// The `__class__` cell of frozen method `f` (a method of a class namespace frozen whole
/// that uses zero-argument `super()` or `__class__`), recorded by `BuildRomClass` in
/// `Vm::rom_cells` (function -> cell); NULL before its class is built.
pub fn class_cell(vm: &mut Vm<'_>, f: Value) -> PyResult<Value> {
    let table = vm.rom_cells;
    if table.is_null() {
        return Ok(Value::NULL);
    }
    Ok(obj::dict::get(vm, table, f)?.unwrap_or(Value::NULL))
}

/// Record `cell` as the `__class__` cell of frozen method `f` (see [`class_cell`]). May
/// collect (`f` is frozen; `cell` rooted by the caller).
pub fn set_class_cell(vm: &mut Vm<'_>, f: Value, cell: Value) -> PyResult<()> {
    if vm.rom_cells.is_null() {
        vm.rom_cells = obj::dict::new(vm)?;
    }
    let table = vm.rom_cells;
    obj::dict::set(vm, table, f, cell)
}

fn new_extra(vm: &mut Vm<'_>, defaults: Value, kwdefaults: Value, closure: Value) -> PyResult<Value> {
    let e = vm.alloc_obj(&FUNC_EXTRA_TYPE, core::mem::size_of::<FuncExtra>())?;
    if let Some(x) = extra_of(e) {
        x.defaults.set(defaults);
        x.kwdefaults.set(kwdefaults);
        x.closure.set(closure);
    }
    Ok(e)
}

/// A new function (all arguments rooted by the caller; `defaults`, `kwdefaults`, `closure`
/// may be NULL). May collect.
pub fn new(
    vm: &mut Vm<'_>,
    code: Value,
    globals: Value,
    defaults: Value,
    kwdefaults: Value,
    closure: Value,
) -> PyResult<Value> {
    let has_free = obj::code::as_code(code).is_some_and(|c| c.n_free() > 0);
    let extra = match (defaults.is_null(), kwdefaults.is_null(), closure.is_null()) {
        (true, true, true) => Value::NULL,
        (true, true, false) if has_free => closure,
        (false, true, true) if !has_free => defaults,
        _ => new_extra(vm, defaults, kwdefaults, closure)?,
    };
    let m = vm.roots_mark();
    vm.push_root(extra)?;
    let v = vm.alloc_obj(&FUNCTION_TYPE, core::mem::size_of::<FuncObj>());
    vm.pop_roots(m);
    let v = v?;
    // SAFETY: fresh FuncObj.
    unsafe {
        let p = v.as_ptr() as *mut FuncObj;
        (*p).code = code;
        (*p).globals = globals;
        (*p).extra.set(extra);
    }
    Ok(v)
}

fn trace(v: Value, t: &mut Tracer<'_>) {
    if let Some(f) = as_func(v) {
        t.mark(f.globals);
        t.mark(f.extra.get());
    }
}

fn extra_trace(v: Value, t: &mut Tracer<'_>) {
    if let Some(e) = extra_of(v) {
        t.mark(e.defaults.get());
        t.mark(e.kwdefaults.get());
        t.mark(e.closure.get());
        t.mark(e.dict.get());
    }
}

fn repr(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf) -> PyResult<()> {
    let name = as_func(v).map(|f| f.code().name).unwrap_or(Value::NONE);
    sb.push(vm, "<function ")?;
    sb.push(vm, obj::str::as_str(name).unwrap_or("?"))?;
    sb.push_fmt(vm, format_args!(" at {:#x}>", v.bits()))
}

/// The attribute dict of function `v` (NULL while it has none); a frozen function's is in
/// the side table.
fn attrs(vm: &mut Vm<'_>, v: Value) -> PyResult<Value> {
    if vm.heap.contains(v.as_ptr()) {
        return Ok(as_func(v).map(|f| f.dict()).unwrap_or(Value::NULL));
    }
    let table = vm.rom_attrs;
    if table.is_null() {
        return Ok(Value::NULL);
    }
    Ok(obj::dict::get(vm, table, v)?.unwrap_or(Value::NULL))
}

fn getattr(vm: &mut Vm<'_>, v: Value, name: Value) -> PyResult<Value> {
    let Some(f) = as_func(v) else { return Ok(Value::NULL) };
    let d = attrs(vm, v)?;
    if let Some(x) = obj::dict::get_str(d, name) {
        return Ok(x);
    }
    Ok(match obj::str::as_str(name) {
        // The code object's name is the qualified name (`C.m`).
        Some("__name__") => obj::code::short_name_value(vm, f.code())?,
        Some("__qualname__") => f.code().name,
        Some("__module__") => obj::dict::get_str(globals(vm, f), Value::qstr(&qstr::__name__)).unwrap_or(Value::NONE),
        Some("__doc__") => {
            let code = f.code();
            let has_doc = frostbyte_format::CodeFlags(code.flags).contains(frostbyte_format::CodeFlags::DOCSTRING);
            code.consts().first().copied().filter(|_| has_doc).unwrap_or(Value::NONE)
        }
        Some("__defaults__") => {
            if f.defaults().is_null() {
                Value::NONE
            } else {
                f.defaults()
            }
        }
        Some("__kwdefaults__") => {
            if f.kwdefaults().is_null() {
                Value::NONE
            } else {
                f.kwdefaults()
            }
        }
        Some("__annotations__") => {
            // Made empty on first use and kept, as CPython does (a `def` with annotations
            // sets it when it runs).
            let d = obj::dict::new(vm)?;
            let m = vm.roots_mark();
            vm.push_root(d)?;
            let r = setattr(vm, v, name, d);
            vm.pop_roots(m);
            r?;
            d
        }
        Some("__globals__") => globals(vm, f),
        Some("__code__") => f.code,
        Some("__dict__") => d,
        _ => Value::NULL,
    })
}

fn setattr(vm: &mut Vm<'_>, v: Value, name: Value, x: Value) -> PyResult<bool> {
    let Some(f) = as_func(v) else { return Ok(false) };
    if !vm.heap.contains(v.as_ptr()) {
        let mut d = attrs(vm, v)?;
        if d.is_null() {
            if vm.rom_attrs.is_null() {
                vm.rom_attrs = obj::dict::new(vm)?;
            }
            d = obj::dict::new(vm)?;
            let m = vm.roots_mark();
            vm.push_root(d)?;
            let table = vm.rom_attrs;
            let r = obj::dict::set(vm, table, v, d);
            vm.pop_roots(m);
            r?;
        }
        if x.is_null() {
            obj::dict::remove(vm, d, name)?;
        } else {
            obj::dict::set(vm, d, name, x)?;
        }
        return Ok(true);
    }
    if f.dict().is_null() {
        if extra_of(f.extra.get()).is_none() {
            let e = new_extra(vm, f.defaults(), Value::NULL, f.closure())?;
            if let Some(f) = as_func(v) {
                f.extra.set(e);
            }
        }
        let d = obj::dict::new(vm)?;
        if let Some(e) = as_func(v).and_then(|f| extra_of(f.extra.get())) {
            e.dict.set(d);
        }
    }
    let d = as_func(v).map(|f| f.dict()).unwrap_or(Value::NULL);
    if x.is_null() {
        obj::dict::remove(vm, d, name)?;
    } else {
        obj::dict::set(vm, d, name, x)?;
    }
    Ok(true)
}

static SLOTS: Slots =
    Slots { trace: Some(trace), repr: Some(repr), getattr: Some(getattr), setattr: Some(setattr), ..Slots::EMPTY };

/// `function`.
pub static FUNCTION_TYPE: Type =
    Type::builtin(&qstr::function, Some(&obj::class::OBJECT_TYPE), Kind::Function, 0, &SLOTS, &[]);

static EXTRA_SLOTS: Slots = Slots { trace: Some(extra_trace), ..Slots::EMPTY };

crate::static_qstr!(Q_FUNC_EXTRA, "function-extra");

/// Internal: the optional parts of a function (defaults, closure, attributes).
static FUNC_EXTRA_TYPE: Type =
    Type::builtin(&Q_FUNC_EXTRA, Some(&obj::class::OBJECT_TYPE), Kind::Misc, 0, &EXTRA_SLOTS, &[]);
