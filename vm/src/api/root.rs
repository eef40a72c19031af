//! [`Root`]: a Python object kept alive beyond a scope, in a table the VM owns and traces.

use core::marker::PhantomData;

use super::{Error, ExcType};
use crate::obj::list;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// A Python object kept alive by its VM until [`crate::Vm::unroot`] (or
/// [`super::Scope::unroot`]): for callbacks and objects stored in Rust structs. Get a
/// handle back with [`super::Scope::get`].
///
/// A root names its VM and its slot's generation: using it with another VM is a
/// `RuntimeError`, never undefined behaviour. It is not `Clone` (release it once) and not
/// `Send`/`Sync` (like the VM). Dropping it without `unroot` keeps the object alive until
/// the VM is dropped.
#[derive(Debug)]
pub struct Root {
    vm: u32,
    index: u32,
    tag: isize,
    _local: PhantomData<*const ()>,
}

/// Add `v` to the table of `vm`. May collect (`v` must be rooted by the caller).
pub(crate) fn add(vm: &mut Vm<'_>, v: Value) -> PyResult<Root> {
    if vm.api.roots.is_null() {
        let l = list::with_capacity(vm, 8)?;
        vm.api.roots = l;
    }
    let table = vm.api.roots;
    let l = list::as_list(table).ok_or_else(|| vm.raise_memory_error())?;
    let pairs = l.len() / 2;
    let mut i = vm.api.free_hint;
    while i < pairs {
        let tag = l.get(2 * i + 1).and_then(Value::as_small_int).unwrap_or(1);
        if tag & 1 == 0 {
            let tag = next_tag(tag);
            l.set(2 * i, v);
            l.set(2 * i + 1, Value::small_int(tag));
            vm.api.free_hint = i + 1;
            return Ok(Root { vm: vm.api.id, index: i as u32, tag, _local: PhantomData });
        }
        i += 1;
    }
    list::append(vm, table, v)?;
    if let Err(e) = list::append(vm, table, Value::small_int(1)) {
        // Keep the table in pairs.
        list::remove_at(table, 2 * pairs);
        return Err(e);
    }
    vm.api.free_hint = pairs + 1;
    Ok(Root { vm: vm.api.id, index: pairs as u32, tag: 1, _local: PhantomData })
}

/// The next tag of a slot: generation + 1, in-use bit flipped. Stays a small int.
fn next_tag(tag: isize) -> isize {
    if tag >= (1 << 29) {
        (tag & 1) ^ 1
    } else {
        tag + 1
    }
}

fn check(vm: &Vm<'_>, r: &Root) -> Result<usize, Error> {
    if r.vm != vm.api.id {
        return Err(Error::new(ExcType::RUNTIME_ERROR, "this Root belongs to another VM"));
    }
    let i = r.index as usize;
    let tag = list::as_list(vm.api.roots).and_then(|l| l.get(2 * i + 1)).and_then(Value::as_small_int);
    if tag != Some(r.tag) {
        return Err(Error::new(ExcType::RUNTIME_ERROR, "this Root was released"));
    }
    Ok(i)
}

/// The value `r` keeps alive.
pub(crate) fn get(vm: &Vm<'_>, r: &Root) -> Result<Value, Error> {
    let i = check(vm, r)?;
    Ok(list::as_list(vm.api.roots).and_then(|l| l.get(2 * i)).unwrap_or(Value::NONE))
}

/// Release `r`.
pub(crate) fn remove(vm: &mut Vm<'_>, r: Root) -> Result<(), Error> {
    let i = check(vm, &r)?;
    if let Some(l) = list::as_list(vm.api.roots) {
        l.set(2 * i, Value::NONE);
        l.set(2 * i + 1, Value::small_int(next_tag(r.tag)));
    }
    vm.api.free_hint = vm.api.free_hint.min(i);
    Ok(())
}
