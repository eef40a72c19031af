//! `function`: a code object with its globals, defaults and closure.
//!
//! ```text
//!  FuncObj  ObjHeader | code Value (rom::Code) | globals Value (dict) | defaults Value
//!           (tuple or NULL) | kwdefaults Value (dict or NULL) | closure Value (tuple or NULL)
//!           | dict Value (attributes, NULL until set)
//! ```

use core::cell::Cell;

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
    /// Positional defaults (tuple) or NULL.
    pub defaults: Value,
    /// Keyword-only defaults (dict) or NULL.
    pub kwdefaults: Value,
    /// Closure cells (tuple) or NULL.
    pub closure: Value,
    /// Function attributes.
    pub dict: Cell<Value>,
}

// SAFETY: repr(C), starts with ObjHeader; FUNCTION_TYPE has kind Function.
unsafe impl Layout for FuncObj {
    const KIND: Kind = Kind::Function;
}

impl FuncObj {
    /// The code object.
    pub fn code(&self) -> &'static Code {
        obj::code::as_code(self.code).unwrap_or(&EMPTY_CODE)
    }
}

static EMPTY_CODE: Code = Code {
    hdr: crate::rom::CODE_HEADER,
    name: Value::qstr(&qstr::LAMBDA),
    file: Value::qstr(&qstr::EMPTY),
    flags: 0,
    n_posargs: 0,
    n_posonly: 0,
    n_kwonly: 0,
    n_locals: 0,
    n_free: 0,
    stack_size: 1,
    first_line: 1,
    bytecode: &[frostbyte_format::Op::LoadNone as u8, frostbyte_format::Op::ReturnValue as u8],
    consts: &[],
    names: &[],
    local_names: &[],
    line_table: &[],
    exc_table: &[],
};

/// Borrow a function.
pub fn as_func(v: Value) -> Option<&'static FuncObj> {
    obj::downcast::<FuncObj>(v)
}

/// A new function (all arguments rooted by the caller). May collect.
pub fn new(vm: &mut Vm<'_>, code: Value, globals: Value, defaults: Value, kwdefaults: Value, closure: Value) -> PyResult<Value> {
    let v = vm.alloc_obj(&FUNCTION_TYPE, core::mem::size_of::<FuncObj>())?;
    // SAFETY: fresh FuncObj.
    unsafe {
        let p = v.as_ptr() as *mut FuncObj;
        (*p).code = code;
        (*p).globals = globals;
        (*p).defaults = defaults;
        (*p).kwdefaults = kwdefaults;
        (*p).closure = closure;
    }
    Ok(v)
}

fn trace(v: Value, t: &mut Tracer<'_>) {
    if let Some(f) = as_func(v) {
        t.mark(f.globals);
        t.mark(f.defaults);
        t.mark(f.kwdefaults);
        t.mark(f.closure);
        t.mark(f.dict.get());
    }
}

fn repr(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf) -> PyResult<()> {
    let name = as_func(v).map(|f| f.code().name).unwrap_or(Value::NONE);
    sb.push(vm, "<function ")?;
    sb.push(vm, obj::str::as_str(name).unwrap_or("?"))?;
    sb.push_fmt(vm, format_args!(" at {:#x}>", v.bits()))
}

fn getattr(_vm: &mut Vm<'_>, v: Value, name: Value) -> PyResult<Value> {
    let Some(f) = as_func(v) else { return Ok(Value::NULL) };
    if let Some(x) = obj::dict::get_str(f.dict.get(), name) {
        return Ok(x);
    }
    Ok(match obj::str::as_str(name) {
        Some("__name__") | Some("__qualname__") => f.code().name,
        Some("__module__") => obj::dict::get_str(f.globals, Value::qstr(&qstr::__name__)).unwrap_or(Value::NONE),
        Some("__doc__") => Value::NONE,
        Some("__defaults__") => if f.defaults.is_null() { Value::NONE } else { f.defaults },
        Some("__globals__") => f.globals,
        Some("__code__") => f.code,
        Some("__dict__") => f.dict.get(),
        _ => Value::NULL,
    })
}

fn setattr(vm: &mut Vm<'_>, v: Value, name: Value, x: Value) -> PyResult<bool> {
    let Some(f) = as_func(v) else { return Ok(false) };
    if f.dict.get().is_null() {
        let d = obj::dict::new(vm)?;
        if let Some(f) = as_func(v) {
            f.dict.set(d);
        }
    }
    let d = as_func(v).map(|f| f.dict.get()).unwrap_or(Value::NULL);
    if x.is_null() {
        obj::dict::remove(vm, d, name)?;
    } else {
        obj::dict::set(vm, d, name, x)?;
    }
    Ok(true)
}

static SLOTS: Slots = Slots {
    trace: Some(trace),
    repr: Some(repr),
    getattr: Some(getattr),
    setattr: Some(setattr),
    ..Slots::EMPTY
};

/// `function`.
pub static FUNCTION_TYPE: Type =
    Type::builtin(&qstr::function, Some(&obj::class::OBJECT_TYPE), Kind::Function, 0, &SLOTS, &[]);
