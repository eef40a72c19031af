//! `module`: a namespace dict with a name.
//!
//! ```text
//!  ModuleObj     ObjHeader | dict Value | name Value (str)
//!  NativeModule  ObjHeader | NULL | NULL | name &str | functions | classes   (a ROM static,
//!                api/native.rs: its table is its namespace until first written)
//! ```

use super::{Kind, Layout, Slots, Type};
use crate::heap::Tracer;
use crate::obj::{self, str::StrBuf};
use crate::qstr;
use crate::rom::ObjHeader;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Module layout.
#[repr(C)]
pub struct ModuleObj {
    hdr: ObjHeader,
    /// Globals.
    pub dict: Value,
    /// Full dotted name.
    pub name: Value,
}

// SAFETY: repr(C), starts with ObjHeader; MODULE_TYPE has kind Module.
unsafe impl Layout for ModuleObj {
    const KIND: Kind = Kind::Module;
}

/// Borrow a module.
pub fn as_module(v: Value) -> Option<&'static ModuleObj> {
    obj::downcast::<ModuleObj>(v)
}

/// A new module with a fresh dict holding `__name__` (`name` rooted by caller). May collect.
pub fn new(vm: &mut Vm<'_>, name: Value) -> PyResult<Value> {
    new_with_keys(vm, name, &crate::rom::Keys::NONE)
}

/// A new module whose globals are a split dict over the frozen key table `keys` (a frozen
/// module body's names; see `obj::dict`). May collect.
pub fn new_with_keys(vm: &mut Vm<'_>, name: Value, keys: &crate::rom::Keys) -> PyResult<Value> {
    let d = obj::dict::new(vm)?;
    let m = vm.roots_mark();
    vm.push_root(d)?;
    obj::dict::with_keys(vm, d, keys)?;
    // `__name__` first (`frostbyte_format::module::DUNDERS`).
    const _: () = assert!(matches!(frostbyte_format::module::DUNDERS[0], frostbyte_format::module::Dunder::Name));
    obj::dict::set_str(vm, d, Value::qstr(&qstr::__name__), name)?;
    let v = vm.alloc_obj(&MODULE_TYPE, core::mem::size_of::<ModuleObj>())?;
    vm.pop_roots(m);
    // SAFETY: fresh ModuleObj.
    unsafe {
        let p = v.as_ptr() as *mut ModuleObj;
        (*p).dict = d;
        (*p).name = name;
    }
    Ok(v)
}

fn trace(v: Value, t: &mut Tracer<'_>) {
    if let Some(m) = as_module(v) {
        t.mark(m.dict);
        t.mark(m.name);
    }
}

/// The module's name as text (a native module's from its table).
pub fn name_text(v: Value) -> Option<&'static str> {
    if let Some(nm) = crate::api::as_native_module(v) {
        return Some(nm.name());
    }
    as_module(v).and_then(|m| obj::str::as_str(m.name))
}

fn repr(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf) -> PyResult<()> {
    sb.push(vm, "<module '")?;
    sb.push(vm, name_text(v).unwrap_or("?"))?;
    sb.push(vm, "'>")
}

fn getattr(vm: &mut Vm<'_>, v: Value, name: Value) -> PyResult<Value> {
    let Some(m) = as_module(v) else { return Ok(Value::NULL) };
    if m.dict.is_null() {
        return crate::api::native_module_getattr(vm, v, name);
    }
    if let Some(x) = obj::dict::get_str(m.dict, name) {
        return Ok(x);
    }
    if obj::str::as_str(name) == Some("__dict__") {
        return Ok(m.dict);
    }
    Ok(Value::NULL)
}

fn setattr(vm: &mut Vm<'_>, v: Value, name: Value, x: Value) -> PyResult<bool> {
    let Some(m) = as_module(v) else { return Ok(false) };
    if m.dict.is_null() {
        crate::api::native_module_setattr(vm, v, name, x)?;
        return Ok(true);
    }
    let d = m.dict;
    if !vm.is_heap(d) {
        // A standard module's namespace is in flash (`rom::Module`): read-only, as
        // MicroPython's built-in modules.
        let n = obj::str::as_str(name).unwrap_or("?");
        return Err(
            vm.raise_fmt(&obj::exception::ATTRIBUTE_ERROR_TYPE, format_args!("'module' object has no attribute '{n}'"))
        );
    }
    if x.is_null() {
        if obj::dict::remove(vm, d, name)?.is_none() {
            return Err(no_attr_to_delete(vm, name));
        }
    } else {
        obj::dict::set(vm, d, name, x)?;
    }
    Ok(true)
}

/// `del m.name` of a name the module lacks: CPython's generic setattr message.
pub fn no_attr_to_delete(vm: &mut Vm<'_>, name: Value) -> crate::vm::Raised {
    let n = obj::str::as_str(name).unwrap_or("?");
    vm.raise_fmt(&obj::exception::ATTRIBUTE_ERROR_TYPE, format_args!("'module' object has no attribute '{n}'"))
}

static SLOTS: Slots =
    Slots { trace: Some(trace), repr: Some(repr), getattr: Some(getattr), setattr: Some(setattr), ..Slots::EMPTY };

/// `module`.
pub static MODULE_TYPE: Type =
    Type::builtin(&qstr::module, Some(&obj::class::OBJECT_TYPE), Kind::Module, 0, &SLOTS, &[]);

// A frozen module (`rom::Module`) must be readable as a `ModuleObj`.
const _: () = assert!(
    core::mem::size_of::<crate::rom::Module>() == core::mem::size_of::<ModuleObj>()
        && core::mem::offset_of!(crate::rom::Module, dict) == core::mem::offset_of!(ModuleObj, dict)
        && core::mem::offset_of!(crate::rom::Module, name) == core::mem::offset_of!(ModuleObj, name)
);
