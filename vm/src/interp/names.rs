//! Loads, stores and deletes of names: fast locals, cells (`*Deref`, `LoadClosure`,
//! `MakeCell`), globals, `*Name` (class bodies, module level), attributes, `LoadMethod`,
//! and the imports.

use super::operand;
use crate::lookup_cache;
use crate::obj::frame::FramePtr;
use crate::obj::{self, exception as exc};
use crate::runtime;
use crate::value::Value;
use crate::vm::{PyResult, Raised, Vm};

fn name_error(vm: &mut Vm<'_>, name: Value) -> Raised {
    let n = obj::str::as_str(name).unwrap_or("?");
    vm.raise_fmt(&exc::NAME_ERROR_TYPE, format_args!("name '{n}' is not defined"))
}

fn unbound_local(vm: &mut Vm<'_>, f: FramePtr, i: usize) -> Raised {
    let n = f.code().local_names().get(i).and_then(|v| obj::str::as_str(*v)).unwrap_or("?");
    vm.raise_fmt(
        &exc::UNBOUND_LOCAL_ERROR_TYPE,
        format_args!("cannot access local variable '{n}' where it is not associated with a value"),
    )
}

/// The error for an empty cell or free variable `L[i]` (CPython's `format_exc_unbound`).
fn unbound_deref(vm: &mut Vm<'_>, f: FramePtr, i: usize) -> Raised {
    let code = f.code();
    if i >= code.n_locals as usize - code.n_free() as usize {
        let n = code.local_names().get(i).and_then(|v| obj::str::as_str(*v)).unwrap_or("?");
        return vm.raise_fmt(
            &exc::NAME_ERROR_TYPE,
            format_args!(
                "cannot access free variable '{n}' where it is not associated with a value in enclosing scope"
            ),
        );
    }
    unbound_local(vm, f, i)
}

/// The lookup cache's key for the instruction whose operand starts at `bc[pc]`: its address.
#[inline(always)]
fn site(bc: &[u8], pc: usize) -> usize {
    bc.as_ptr() as usize + pc
}

/// The name operand `n` of the running code (`None` if out of range).
#[inline(always)]
fn name(f: FramePtr, n: usize) -> Value {
    f.code().names().get(n).copied().unwrap_or(Value::NONE)
}

// --- fast locals and cells ---

#[inline(always)]
pub(super) fn load_fast(vm: &mut Vm<'_>, f: FramePtr, bc: &[u8], mut pc: usize) -> PyResult<()> {
    let i = operand(bc, &mut pc);
    f.set_ip(pc as u32);
    let v = f.local(i);
    if v.is_null() {
        return Err(unbound_local(vm, f, i));
    }
    f.push(v);
    Ok(())
}

#[inline(always)]
pub(super) fn store_fast(f: FramePtr, bc: &[u8], mut pc: usize) {
    let i = operand(bc, &mut pc);
    f.set_ip(pc as u32);
    let v = f.pop();
    f.set_local(i, v);
}

pub(super) fn delete_fast(vm: &mut Vm<'_>, f: FramePtr, bc: &[u8], mut pc: usize) -> PyResult<()> {
    let i = operand(bc, &mut pc);
    f.set_ip(pc as u32);
    if f.local(i).is_null() {
        return Err(unbound_local(vm, f, i));
    }
    f.set_local(i, Value::NULL);
    Ok(())
}

#[inline(always)]
pub(super) fn load_deref(vm: &mut Vm<'_>, f: FramePtr, bc: &[u8], mut pc: usize) -> PyResult<()> {
    let i = operand(bc, &mut pc);
    f.set_ip(pc as u32);
    let v = obj::cell::as_cell(f.local(i)).map(|c| c.contents.get()).unwrap_or(Value::NULL);
    if v.is_null() {
        return Err(unbound_deref(vm, f, i));
    }
    f.push(v);
    Ok(())
}

#[inline(always)]
pub(super) fn store_deref(f: FramePtr, bc: &[u8], mut pc: usize) {
    let i = operand(bc, &mut pc);
    f.set_ip(pc as u32);
    let v = f.pop();
    if let Some(c) = obj::cell::as_cell(f.local(i)) {
        c.contents.set(v);
    }
}

pub(super) fn delete_deref(vm: &mut Vm<'_>, f: FramePtr, bc: &[u8], mut pc: usize) -> PyResult<()> {
    let i = operand(bc, &mut pc);
    f.set_ip(pc as u32);
    if let Some(c) = obj::cell::as_cell(f.local(i)) {
        if c.contents.get().is_null() {
            return Err(unbound_deref(vm, f, i));
        }
        c.contents.set(Value::NULL);
    }
    Ok(())
}

pub(super) fn load_closure(f: FramePtr, bc: &[u8], mut pc: usize) {
    let i = operand(bc, &mut pc);
    f.set_ip(pc as u32);
    f.push(f.local(i));
}

pub(super) fn make_cell(vm: &mut Vm<'_>, f: FramePtr, bc: &[u8], mut pc: usize) -> PyResult<()> {
    let i = operand(bc, &mut pc);
    f.set_ip(pc as u32);
    let c = obj::cell::new(vm, f.local(i))?;
    f.set_local(i, c);
    Ok(())
}

// --- globals and names ---

#[inline(always)]
pub(super) fn load_global(vm: &mut Vm<'_>, f: FramePtr, bc: &[u8], mut pc: usize) -> PyResult<()> {
    let site = site(bc, pc);
    let n = operand(bc, &mut pc);
    f.set_ip(pc as u32);
    let name = name(f, n);
    let Some(v) = lookup_cache::global(vm, site, f.globals(), name) else { return Err(name_error(vm, name)) };
    f.push(v);
    Ok(())
}

pub(super) fn store_global(vm: &mut Vm<'_>, f: FramePtr, bc: &[u8], mut pc: usize) -> PyResult<()> {
    let n = operand(bc, &mut pc);
    f.set_ip(pc as u32);
    let name = name(f, n);
    obj::dict::set_str(vm, f.globals(), name, f.peek(0))?;
    f.pop();
    Ok(())
}

pub(super) fn delete_global(vm: &mut Vm<'_>, f: FramePtr, bc: &[u8], mut pc: usize) -> PyResult<()> {
    let n = operand(bc, &mut pc);
    f.set_ip(pc as u32);
    let name = name(f, n);
    if obj::dict::remove(vm, f.globals(), name)?.is_none() {
        return Err(name_error(vm, name));
    }
    Ok(())
}

pub(super) fn load_name(vm: &mut Vm<'_>, f: FramePtr, bc: &[u8], mut pc: usize) -> PyResult<()> {
    let site = site(bc, pc);
    let n = operand(bc, &mut pc);
    f.set_ip(pc as u32);
    let name = name(f, n);
    let locals = f.locals();
    if locals.is_null() {
        // Module level: the names are the globals.
        let Some(v) = lookup_cache::global(vm, site, f.globals(), name) else { return Err(name_error(vm, name)) };
        f.push(v);
        return Ok(());
    }
    let v = if obj::dict::as_dict(locals).is_some() {
        obj::dict::get_str(locals, name)
    } else {
        match runtime::get_item(vm, locals, name) {
            Ok(x) => Some(x),
            Err(_) => {
                vm.take_pending();
                None
            }
        }
    };
    let v = match v.or_else(|| obj::dict::get_str(f.globals(), name)).or_else(|| crate::builtins::lookup(name)) {
        Some(v) => v,
        None => return Err(name_error(vm, name)),
    };
    f.push(v);
    Ok(())
}

pub(super) fn store_name(vm: &mut Vm<'_>, f: FramePtr, bc: &[u8], mut pc: usize) -> PyResult<()> {
    let n = operand(bc, &mut pc);
    f.set_ip(pc as u32);
    let name = name(f, n);
    let target = if f.locals().is_null() { f.globals() } else { f.locals() };
    if obj::dict::as_dict(target).is_some() {
        obj::dict::set_str(vm, target, name, f.peek(0))?;
    } else {
        runtime::set_item(vm, target, name, f.peek(0))?;
    }
    f.pop();
    Ok(())
}

pub(super) fn delete_name(vm: &mut Vm<'_>, f: FramePtr, bc: &[u8], mut pc: usize) -> PyResult<()> {
    let n = operand(bc, &mut pc);
    f.set_ip(pc as u32);
    let name = name(f, n);
    let target = if f.locals().is_null() { f.globals() } else { f.locals() };
    if obj::dict::remove(vm, target, name)?.is_none() {
        return Err(name_error(vm, name));
    }
    Ok(())
}

// --- attributes ---

#[inline(always)]
pub(super) fn load_attr(vm: &mut Vm<'_>, f: FramePtr, bc: &[u8], mut pc: usize) -> PyResult<()> {
    let site = site(bc, pc);
    let n = operand(bc, &mut pc);
    f.set_ip(pc as u32);
    let name = name(f, n);
    let o = f.peek(0);
    let v = match lookup_cache::attr(vm, site, o, name) {
        Some(v) => v,
        None => runtime::get_attr(vm, o, name)?,
    };
    f.poke(0, v);
    Ok(())
}

#[inline(always)]
pub(super) fn store_attr(vm: &mut Vm<'_>, f: FramePtr, bc: &[u8], mut pc: usize) -> PyResult<()> {
    let site = site(bc, pc);
    let n = operand(bc, &mut pc);
    f.set_ip(pc as u32);
    let o = f.peek(0);
    if !lookup_cache::store(vm, site, o, f.peek(1)) {
        let name = name(f, n);
        runtime::set_attr(vm, o, name, f.peek(1))?;
        lookup_cache::store_filled(vm, site, f.peek(0), name);
    }
    f.drop_n(2);
    Ok(())
}

pub(super) fn delete_attr(vm: &mut Vm<'_>, f: FramePtr, bc: &[u8], mut pc: usize) -> PyResult<()> {
    let n = operand(bc, &mut pc);
    f.set_ip(pc as u32);
    let name = name(f, n);
    runtime::set_attr(vm, f.peek(0), name, Value::NULL)?;
    f.pop();
    Ok(())
}

#[inline(always)]
pub(super) fn load_method(vm: &mut Vm<'_>, f: FramePtr, bc: &[u8], mut pc: usize) -> PyResult<()> {
    let site = site(bc, pc);
    let n = operand(bc, &mut pc);
    f.set_ip(pc as u32);
    let name = name(f, n);
    let o = f.peek(0);
    let (m, s) = match lookup_cache::method(vm, site, o, name) {
        Some(m) => (m, o),
        None => runtime::load_method(vm, o, name)?,
    };
    f.poke(0, m);
    f.push(s);
    Ok(())
}

// --- imports ---

pub(super) fn import_name(vm: &mut Vm<'_>, f: FramePtr, bc: &[u8], mut pc: usize) -> PyResult<()> {
    let n = operand(bc, &mut pc);
    let level = operand(bc, &mut pc);
    f.set_ip(pc as u32);
    let name = name(f, n);
    let m = crate::import::import_name(vm, name, f.peek(0), level, f.globals())?;
    f.poke(0, m);
    Ok(())
}

pub(super) fn import_from(vm: &mut Vm<'_>, f: FramePtr, bc: &[u8], mut pc: usize) -> PyResult<()> {
    let n = operand(bc, &mut pc);
    f.set_ip(pc as u32);
    let name = name(f, n);
    let x = crate::import::import_from(vm, f.peek(0), name)?;
    f.push(x);
    Ok(())
}

pub(super) fn import_star(vm: &mut Vm<'_>, f: FramePtr, pc: usize) -> PyResult<()> {
    f.set_ip(pc as u32);
    let target = if f.locals().is_null() { f.globals() } else { f.locals() };
    crate::import::import_star(vm, f.peek(0), target)?;
    f.pop();
    Ok(())
}
