//! Building objects: `BuildTuple`/`List`/`Set`/`Map`/`Slice`/`String`, `FormatValue`, the
//! comprehension and display helpers (`ListAppend`, `SetAdd`, `MapAdd`, `*Extend`,
//! `*Update`, `DictMerge`, `ListToTuple`), unpacking, the `match` statement tests,
//! functions and classes.

use super::operand;
use crate::obj::frame::FramePtr;
use crate::obj::{self, Args};
use crate::runtime;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

#[inline(always)]
pub(super) fn build_tuple(vm: &mut Vm<'_>, f: FramePtr, bc: &[u8], mut pc: usize) -> PyResult<()> {
    let n = operand(bc, &mut pc);
    f.set_ip(pc as u32);
    let t = obj::tuple::new(vm, f.top_slice(n))?;
    f.drop_n(n);
    f.push(t);
    Ok(())
}

#[inline(always)]
pub(super) fn build_list(vm: &mut Vm<'_>, f: FramePtr, bc: &[u8], mut pc: usize) -> PyResult<()> {
    let n = operand(bc, &mut pc);
    f.set_ip(pc as u32);
    let l = obj::list::from_slice(vm, f.top_slice(n))?;
    f.drop_n(n);
    f.push(l);
    Ok(())
}

pub(super) fn build_set(vm: &mut Vm<'_>, f: FramePtr, bc: &[u8], mut pc: usize) -> PyResult<()> {
    let n = operand(bc, &mut pc);
    f.set_ip(pc as u32);
    let s = obj::set::new(vm, false)?;
    vm.push_root(s)?;
    for i in 0..n {
        obj::set::add(vm, s, f.peek(n - 1 - i))?;
    }
    f.drop_n(n);
    f.push(s);
    Ok(())
}

pub(super) fn build_map(vm: &mut Vm<'_>, f: FramePtr, bc: &[u8], mut pc: usize) -> PyResult<()> {
    let n = operand(bc, &mut pc);
    f.set_ip(pc as u32);
    let d = obj::dict::new(vm)?;
    vm.push_root(d)?;
    for i in 0..n {
        let k = f.peek(2 * (n - i) - 1);
        let v = f.peek(2 * (n - i) - 2);
        obj::dict::set(vm, d, k, v)?;
    }
    f.drop_n(2 * n);
    f.push(d);
    Ok(())
}

pub(super) fn build_slice(vm: &mut Vm<'_>, f: FramePtr, bc: &[u8], mut pc: usize) -> PyResult<()> {
    let n = operand(bc, &mut pc);
    f.set_ip(pc as u32);
    let s = if n == 3 {
        obj::slice::new(vm, f.peek(2), f.peek(1), f.peek(0))?
    } else {
        obj::slice::new(vm, f.peek(1), f.peek(0), Value::NONE)?
    };
    f.drop_n(n);
    f.push(s);
    Ok(())
}

pub(super) fn build_string(vm: &mut Vm<'_>, f: FramePtr, bc: &[u8], mut pc: usize) -> PyResult<()> {
    let n = operand(bc, &mut pc);
    f.set_ip(pc as u32);
    let s = obj::str::concat(vm, f.top_slice(n))?;
    f.drop_n(n);
    f.push(s);
    Ok(())
}

pub(super) fn format_value(vm: &mut Vm<'_>, f: FramePtr, bc: &[u8], mut pc: usize) -> PyResult<()> {
    let k = operand(bc, &mut pc);
    f.set_ip(pc as u32);
    let has_spec = k & 4 != 0;
    let (v, spec) = if has_spec { (f.peek(1), f.peek(0)) } else { (f.peek(0), Value::NULL) };
    let s = crate::strformat::format_value(vm, v, (k & 3) as u8, spec)?;
    f.drop_n(if has_spec { 2 } else { 1 });
    f.push(s);
    Ok(())
}

/// Which of the "add the top item to the collection `i` deep" instructions.
#[derive(Clone, Copy)]
pub(super) enum Collect {
    ListAppend,
    SetAdd,
    ListExtend,
    SetUpdate,
    DictUpdate,
    DictMerge,
}

/// `ListAppend`, `SetAdd`, `ListExtend`, `SetUpdate`, `DictUpdate`, `DictMerge`.
#[inline(always)]
pub(super) fn add_to(vm: &mut Vm<'_>, f: FramePtr, bc: &[u8], mut pc: usize, kind: Collect) -> PyResult<()> {
    let i = operand(bc, &mut pc);
    f.set_ip(pc as u32);
    let v = f.peek(0);
    let target = f.peek(i);
    match kind {
        Collect::ListAppend => obj::list::append(vm, target, v)?,
        Collect::SetAdd => obj::set::add(vm, target, v)?,
        Collect::ListExtend => {
            if !runtime::is_iterable(v) {
                let t = obj::type_name(v);
                return Err(vm.type_error(format_args!("Value after * must be an iterable, not {t}")));
            }
            obj::list::extend(vm, target, v)?
        }
        Collect::SetUpdate => obj::set::update(vm, target, v)?,
        Collect::DictUpdate => {
            if obj::dict::as_dict(v).is_none() && !runtime::has_attr_name(vm, v, "keys")? {
                return Err(vm.type_error(format_args!("'{}' object is not a mapping", obj::type_name(v))));
            }
            obj::dict::update(vm, target, v)?
        }
        // Stack: func args d (i-1 items) m.
        Collect::DictMerge => crate::builtins::dict_merge(vm, target, v, f.peek(i + 2))?,
    }
    f.pop();
    Ok(())
}

pub(super) fn map_add(vm: &mut Vm<'_>, f: FramePtr, bc: &[u8], mut pc: usize) -> PyResult<()> {
    let i = operand(bc, &mut pc);
    f.set_ip(pc as u32);
    let (k, v) = (f.peek(1), f.peek(0));
    let d = f.peek(i + 1);
    obj::dict::set(vm, d, k, v)?;
    f.drop_n(2);
    Ok(())
}

pub(super) fn list_to_tuple(vm: &mut Vm<'_>, f: FramePtr, pc: usize) -> PyResult<()> {
    f.set_ip(pc as u32);
    let t = obj::list::to_tuple(vm, f.peek(0))?;
    f.poke(0, t);
    Ok(())
}

// --- unpacking and `match` ---

#[inline(always)]
pub(super) fn unpack_sequence(vm: &mut Vm<'_>, f: FramePtr, bc: &[u8], mut pc: usize) -> PyResult<()> {
    let n = operand(bc, &mut pc);
    f.set_ip(pc as u32);
    let t = runtime::unpack(vm, f.peek(0), n)?;
    let items = obj::tuple::items(t).unwrap_or(&[]);
    f.pop();
    for x in items.iter().rev() {
        f.push(*x);
    }
    Ok(())
}

pub(super) fn unpack_ex(vm: &mut Vm<'_>, f: FramePtr, bc: &[u8], mut pc: usize) -> PyResult<()> {
    let a = operand(bc, &mut pc);
    let b = operand(bc, &mut pc);
    f.set_ip(pc as u32);
    runtime::check_unpackable(vm, f.peek(0))?;
    let l = obj::list::from_iter(vm, f.peek(0))?;
    let items = obj::list::as_list(l).map(|x| x.as_slice()).unwrap_or(&[]);
    if items.len() < a + b {
        return Err(vm.value_error(format_args!(
            "not enough values to unpack (expected at least {}, got {})",
            a + b,
            items.len()
        )));
    }
    vm.push_root(l)?;
    let mid = obj::list::from_slice(vm, &items[a..items.len() - b])?;
    let items = obj::list::as_list(l).map(|x| x.as_slice()).unwrap_or(&[]);
    f.pop();
    for x in items[items.len() - b..].iter().rev() {
        f.push(*x);
    }
    f.push(mid);
    for x in items[..a].iter().rev() {
        f.push(*x);
    }
    Ok(())
}

/// `MatchSequence` (`mapping` false) and `MatchMapping`.
pub(super) fn match_kind(f: FramePtr, pc: usize, mapping: bool) {
    f.set_ip(pc as u32);
    let s = f.peek(0);
    let b = if !mapping { crate::pattern::is_sequence(s) } else { crate::pattern::is_mapping(s) };
    f.push(Value::bool(b));
}

pub(super) fn get_len(vm: &mut Vm<'_>, f: FramePtr, pc: usize) -> PyResult<()> {
    f.set_ip(pc as u32);
    let n = runtime::len(vm, f.peek(0))?;
    let v = obj::int::from_i64(vm, n as i64)?;
    f.push(v);
    Ok(())
}

pub(super) fn match_keys(vm: &mut Vm<'_>, f: FramePtr, pc: usize) -> PyResult<()> {
    f.set_ip(pc as u32);
    let v = crate::pattern::match_keys(vm, f.peek(1), f.peek(0))?;
    f.push(v);
    Ok(())
}

pub(super) fn match_class(vm: &mut Vm<'_>, f: FramePtr, bc: &[u8], mut pc: usize) -> PyResult<()> {
    let n = operand(bc, &mut pc);
    f.set_ip(pc as u32);
    let v = crate::pattern::match_class(vm, f.peek(2), f.peek(1), n, f.peek(0))?;
    f.drop_n(2);
    f.poke(0, v);
    Ok(())
}

// --- functions and classes ---

pub(super) fn make_function(vm: &mut Vm<'_>, f: FramePtr, bc: &[u8], mut pc: usize) -> PyResult<()> {
    let k = operand(bc, &mut pc);
    f.set_ip(pc as u32);
    let mut i = 0;
    let codev = f.peek(i);
    i += 1;
    let closure = if k & 4 != 0 {
        i += 1;
        f.peek(i - 1)
    } else {
        Value::NULL
    };
    let kwd = if k & 2 != 0 {
        i += 1;
        f.peek(i - 1)
    } else {
        Value::NULL
    };
    let dfl = if k & 1 != 0 {
        i += 1;
        f.peek(i - 1)
    } else {
        Value::NULL
    };
    let func = obj::function::new(vm, codev, f.globals(), dfl, kwd, closure)?;
    f.drop_n(i);
    f.push(func);
    Ok(())
}

pub(super) fn make_rom_function(vm: &mut Vm<'_>, f: FramePtr, bc: &[u8], mut pc: usize) -> PyResult<()> {
    let k = operand(bc, &mut pc);
    f.set_ip(pc as u32);
    let fv = f.code().consts().get(k).copied().unwrap_or(Value::NULL);
    let func = obj::function::from_rom(vm, fv, f.globals())?;
    f.push(func);
    Ok(())
}

/// A base written as a generic alias (`class C(list[int])`) is its origin class (CPython's
/// `__mro_entries__`); the `n` bases are on top of `f`'s stack.
fn alias_bases(f: FramePtr, n: usize) {
    for i in 0..n {
        if let Some(o) = obj::generic_alias::origin(f.peek(i)) {
            f.poke(i, o);
        }
    }
}

/// The end of a class statement (`BuildClass`, `BuildRomClass`): the class named by the
/// stack item under the `n` bases, made from namespace `ns`, its `__class__` cell (if any)
/// filled, replaces the top `drop` items. May collect (`ns` and `cell` rooted).
fn finish_class(vm: &mut Vm<'_>, f: FramePtr, n: usize, ns: Value, cell: Value, drop: usize) -> PyResult<()> {
    let name = f.peek(n);
    let cls = obj::class::make_class(vm, Value::NULL, name, f.top_slice(n), ns, &Args::new(&[]))?;
    if let Some(c) = obj::cell::as_cell(cell) {
        c.contents.set(cls);
    }
    f.drop_n(drop);
    f.push(cls);
    Ok(())
}

pub(super) fn build_class(vm: &mut Vm<'_>, f: FramePtr, bc: &[u8], mut pc: usize) -> PyResult<()> {
    let n = operand(bc, &mut pc);
    f.set_ip(pc as u32);
    alias_bases(f, n);
    let body = f.peek(n + 1);
    if f.top_slice(n).iter().any(|b| obj::type_of(*b).is_heap()) {
        // A base with a metaclass of its own: `__prepare__` and the metaclass
        // call, as `__build_class__` does.
        let cls = crate::builtins::build_class_with(vm, body, f.peek(n), f.top_slice(n))?;
        f.drop_n(n + 2);
        f.push(cls);
        return Ok(());
    }
    let ns = obj::dict::new(vm)?;
    vm.push_root(ns)?;
    let cell = crate::call::run_class_body(vm, body, ns)?;
    vm.push_root(cell)?;
    finish_class(vm, f, n, ns, cell, n + 2)
}

pub(super) fn build_rom_class(vm: &mut Vm<'_>, f: FramePtr, bc: &[u8], mut pc: usize) -> PyResult<()> {
    let k = operand(bc, &mut pc);
    let n = operand(bc, &mut pc);
    f.set_ip(pc as u32);
    alias_bases(f, n);
    let code = f.code();
    let rom = code.consts().get(k).copied().unwrap_or(Value::NULL);
    let needs_cell = obj::dict::as_dict(rom)
        .is_some_and(|d| (0..d.used()).any(|i| d.entry(i).is_some_and(|(_, v)| obj::class::uses_class_cell(v))));
    let cell = if needs_cell { obj::cell::new(vm, Value::NULL)? } else { Value::NULL };
    vm.push_root(cell)?;
    let mut ns = obj::class::rom_namespace(vm, rom, f.globals(), code.module, cell)?;
    vm.push_root(ns)?;
    if f.top_slice(n).iter().any(|b| obj::type_of(*b).is_heap()) {
        ns = crate::builtins::prepare_frozen(vm, f.peek(n), f.top_slice(n), ns)?;
        vm.push_root(ns)?;
    }
    finish_class(vm, f, n, ns, cell, n + 1)
}
