//! `collections.ChainMap`: one view over a list of mappings, searched in order; writes go
//! to the first.
//!
//! ```text
//!  ChainMapObj  ObjHeader | maps Value (list of mappings)
//! ```
//! Iteration, `len`, `==` and the views work on a dict merged from the maps (the last map
//! first, so the first map's order wins, as CPython's `__iter__` builds it); `keys()`,
//! `values()` and `items()` are that dict's views (CPython: `KeysView(ChainMap(...))`).

use core::cell::Cell;

use frostbyte_format::CmpOp;

use super::is_a;
use crate::heap::Tracer;
use crate::obj::{self, dict, exception as exc, str::StrBuf, Args, Builtin, Kind, Slots, Type};
use crate::rom::ObjHeader;
use crate::runtime;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

#[repr(C)]
struct ChainMapObj {
    hdr: ObjHeader,
    maps: Cell<Value>,
}

fn as_cm(v: Value) -> Option<&'static ChainMapObj> {
    if !is_a(v, &CHAINMAP_TYPE) {
        return None;
    }
    // SAFETY: instances of CHAINMAP_TYPE (and boxed copies for subclasses) start with a
    // ChainMapObj made by `cm_new`.
    Some(unsafe { &*(v.as_ptr() as *const ChainMapObj) })
}

fn maps_of(v: Value) -> Value {
    as_cm(v).map_or(Value::NONE, |c| c.maps.get())
}

fn map_at(v: Value, i: usize) -> Option<Value> {
    obj::list::as_list(maps_of(v)).and_then(|l| l.get(i))
}

/// A ChainMap over `maps` (a fresh list, rooted by the caller). May collect.
fn with_maps(vm: &mut Vm<'_>, maps: Value) -> PyResult<Value> {
    let v = vm.alloc_obj(&CHAINMAP_TYPE, core::mem::size_of::<ChainMapObj>())?;
    if let Some(c) = as_cm(v) {
        c.maps.set(maps);
    }
    Ok(v)
}

fn cm_new(vm: &mut Vm<'_>, _cls: Value, a: &Args<'_>) -> PyResult<Value> {
    let m = vm.roots_mark();
    let r = (|| {
        let maps = obj::list::from_slice(vm, a.pos)?;
        vm.push_root(maps)?;
        if a.pos.is_empty() {
            let d = dict::new(vm)?;
            obj::list::append(vm, maps, d)?;
        }
        with_maps(vm, maps)
    })();
    vm.pop_roots(m);
    r
}

/// `type(self)(*maps)`. May collect.
fn call_own(vm: &mut Vm<'_>, v: Value, maps: Value) -> PyResult<Value> {
    let items = obj::list::as_list(maps).map_or(&[][..], |l| l.as_slice());
    runtime::call(vm, obj::type_of(v).as_value(), items)
}

fn cm_getitem(vm: &mut Vm<'_>, v: Value, k: Value) -> PyResult<Value> {
    let mut i = 0;
    while let Some(m) = map_at(v, i) {
        i += 1;
        match runtime::get_item(vm, m, k) {
            Ok(x) => return Ok(x),
            Err(e) => {
                if !vm.pending_is(&exc::KEY_ERROR_TYPE) {
                    return Err(e);
                }
                vm.take_pending();
            }
        }
    }
    Err(dict::key_error(vm, k))
}

fn cm_contains(vm: &mut Vm<'_>, v: Value, k: Value) -> PyResult<bool> {
    let mut i = 0;
    while let Some(m) = map_at(v, i) {
        i += 1;
        if runtime::contains(vm, m, k)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// `maps[0]`, or CPython's IndexError when the list is empty.
fn first(vm: &mut Vm<'_>, v: Value) -> PyResult<Value> {
    map_at(v, 0).ok_or_else(|| vm.raise_msg(&exc::INDEX_ERROR_TYPE, "list index out of range"))
}

fn not_found(vm: &mut Vm<'_>, k: Value) -> crate::vm::Raised {
    match runtime::repr(vm, k) {
        Ok(r) => {
            let t = obj::str::as_str(r).unwrap_or("?");
            vm.raise_fmt(&exc::KEY_ERROR_TYPE, format_args!("Key not found in the first mapping: {t}"))
        }
        Err(e) => e,
    }
}

fn cm_setitem(vm: &mut Vm<'_>, v: Value, k: Value, x: Value) -> PyResult<()> {
    let m0 = first(vm, v)?;
    match runtime::set_item(vm, m0, k, x) {
        Err(e) if x.is_null() && vm.pending_is(&exc::KEY_ERROR_TYPE) => {
            let _ = e;
            vm.take_pending();
            Err(not_found(vm, k))
        }
        r => r,
    }
}

/// The maps merged into one dict (the first map's entries win). May collect.
fn merged(vm: &mut Vm<'_>, v: Value) -> PyResult<Value> {
    let d = dict::new(vm)?;
    let m = vm.roots_mark();
    vm.push_root(d)?;
    let r = (|| {
        let n = obj::list::as_list(maps_of(v)).map_or(0, |l| l.len());
        // Keys in CPython's order: the last map's first.
        for i in (0..n).rev() {
            let Some(mp) = map_at(v, i) else { continue };
            let it = runtime::get_iter(vm, mp)?;
            vm.push_root(it)?;
            while let Some(k) = runtime::next(vm, it)? {
                if dict::get(vm, d, k)?.is_none() {
                    vm.push_root(k)?;
                    dict::set(vm, d, k, Value::NONE)?;
                }
            }
        }
        // Then each key's value as `self[k]` finds it.
        let mut i = 0;
        while let Some((k, _)) = dict::as_dict(d).and_then(|x| x.entry(i)) {
            i += 1;
            if k.is_null() {
                continue;
            }
            let x = cm_getitem(vm, v, k)?;
            vm.push_root(x)?;
            dict::set(vm, d, k, x)?;
        }
        Ok(d)
    })();
    vm.pop_roots(m);
    r
}

fn cm_len(vm: &mut Vm<'_>, v: Value) -> PyResult<usize> {
    let d = merged(vm, v)?;
    Ok(dict::as_dict(d).map_or(0, |x| x.len()))
}

fn cm_iter(vm: &mut Vm<'_>, v: Value) -> PyResult<Value> {
    let d = merged(vm, v)?;
    let m = vm.roots_mark();
    vm.push_root(d)?;
    let r = runtime::get_iter(vm, d);
    vm.pop_roots(m);
    r
}

fn cm_truth(vm: &mut Vm<'_>, v: Value) -> PyResult<bool> {
    let mut i = 0;
    while let Some(m) = map_at(v, i) {
        i += 1;
        if runtime::truthy(vm, m)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// `ChainMap({'a': 1}, {})`, `...` when recursive.
fn cm_repr(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf) -> PyResult<()> {
    if !runtime::repr_enter(vm, v) {
        return sb.push(vm, "...");
    }
    let r = (|| {
        sb.push(vm, obj::type_of(v).name())?;
        sb.push(vm, "(")?;
        let mut i = 0;
        while let Some(m) = map_at(v, i) {
            if i > 0 {
                sb.push(vm, ", ")?;
            }
            i += 1;
            runtime::repr_into(vm, m, sb)?;
        }
        sb.push(vm, ")")
    })();
    runtime::repr_leave(vm);
    r
}

/// `==`/`!=` with any mapping: the merged dicts compared.
fn cm_richcmp(vm: &mut Vm<'_>, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
    if !matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let m = vm.roots_mark();
    let r = (|| {
        let mut side = [a, b];
        for s in side.iter_mut() {
            if as_cm(*s).is_some() {
                *s = merged(vm, *s)?;
                vm.push_root(*s)?;
            } else if dict::as_dict(*s).is_none() {
                return Ok(Value::NOT_IMPLEMENTED);
            }
        }
        dict::richcmp(vm, side[0], side[1], op)
    })();
    vm.pop_roots(m);
    r
}

fn cm_getattr(vm: &mut Vm<'_>, v: Value, name: Value) -> PyResult<Value> {
    match obj::str::as_str(name) {
        Some("maps") => Ok(maps_of(v)),
        Some("parents") => {
            let items = obj::list::as_list(maps_of(v)).map_or(&[][..], |l| l.as_slice());
            let rest = obj::list::from_slice(vm, items.get(1..).unwrap_or(&[]))?;
            let m = vm.roots_mark();
            vm.push_root(rest)?;
            let r = call_own(vm, v, rest);
            vm.pop_roots(m);
            r
        }
        _ => Ok(Value::NULL),
    }
}

fn cm_setattr(vm: &mut Vm<'_>, v: Value, name: Value, x: Value) -> PyResult<bool> {
    if obj::str::as_str(name) != Some("maps") {
        return Ok(false);
    }
    if x.is_null() || obj::list::as_list(x).is_none() {
        return Err(vm.type_error(format_args!("ChainMap.maps must be a list")));
    }
    if let Some(c) = as_cm(v) {
        c.maps.set(x);
    }
    Ok(true)
}

fn this(vm: &mut Vm<'_>, a: &Args<'_>, name: &str) -> PyResult<Value> {
    super::self_of(vm, a, &CHAINMAP_TYPE, name)
}

/// `self.maps[0]` with the rest of the maps after `m0`, as a new list. May collect.
fn maps_with_first(vm: &mut Vm<'_>, v: Value, m0: Value, skip: usize) -> PyResult<Value> {
    let items = obj::list::as_list(maps_of(v)).map_or(&[][..], |l| l.as_slice());
    let l = obj::list::with_capacity(vm, items.len() + 1)?;
    let m = vm.roots_mark();
    vm.push_root(l)?;
    let r = (|| {
        obj::list::append(vm, l, m0)?;
        let items = obj::list::as_list(maps_of(v)).map_or(&[][..], |x| x.as_slice());
        for x in items.iter().skip(skip) {
            obj::list::append(vm, l, *x)?;
        }
        Ok(l)
    })();
    vm.pop_roots(m);
    r
}

/// `new_child(m=None, **kwargs)`.
fn cm_new_child(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let v = this(vm, a, "new_child")?;
    let m = vm.roots_mark();
    let r = (|| {
        let mut child = super::arg(a, 1, "m");
        let kw = Args { pos: &[], kwnames: a.kwnames, kwvals: a.kwvals };
        if child.is_null() || child == Value::NONE {
            child = dict::new(vm)?;
            vm.push_root(child)?;
            super::fill(vm, child, None, &kw)?;
        } else if !a.kwnames.is_empty() {
            for (k, x) in a.kwnames.iter().zip(a.kwvals.iter()) {
                if obj::str::as_str(*k) != Some("m") {
                    runtime::set_item(vm, child, *k, *x)?;
                }
            }
        }
        let l = maps_with_first(vm, v, child, 0)?;
        vm.push_root(l)?;
        call_own(vm, v, l)
    })();
    vm.pop_roots(m);
    r
}

/// `copy()`: a shallow copy of the first map, the others shared.
fn cm_copy(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let v = this(vm, a, "copy")?;
    let m0 = first(vm, v)?;
    let m = vm.roots_mark();
    let r = (|| {
        let c = runtime::call_method_by_name(vm, m0, "copy", &[])?.unwrap_or(Value::NONE);
        vm.push_root(c)?;
        let l = maps_with_first(vm, v, c, 1)?;
        vm.push_root(l)?;
        call_own(vm, v, l)
    })();
    vm.pop_roots(m);
    r
}

fn cm_get(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let v = this(vm, a, "get")?;
    runtime::check_nargs(vm, "get", a, 2, 3)?;
    let dflt = a.pos.get(2).copied().unwrap_or(Value::NONE);
    if cm_contains(vm, v, a.pos[1])? {
        return cm_getitem(vm, v, a.pos[1]);
    }
    Ok(dflt)
}

fn cm_pop(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let v = this(vm, a, "pop")?;
    runtime::check_nargs(vm, "pop", a, 2, 3)?;
    let m0 = first(vm, v)?;
    match runtime::call_method_by_name(vm, m0, "pop", &a.pos[1..]) {
        Err(e) => {
            if !vm.pending_is(&exc::KEY_ERROR_TYPE) {
                return Err(e);
            }
            vm.take_pending();
            Err(not_found(vm, a.pos[1]))
        }
        Ok(r) => Ok(r.unwrap_or(Value::NONE)),
    }
}

fn cm_popitem(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let v = this(vm, a, "popitem")?;
    let m0 = first(vm, v)?;
    match runtime::call_method_by_name(vm, m0, "popitem", &[]) {
        Err(e) => {
            if !vm.pending_is(&exc::KEY_ERROR_TYPE) {
                return Err(e);
            }
            vm.take_pending();
            Err(vm.raise_msg(&exc::KEY_ERROR_TYPE, "No keys found in the first mapping."))
        }
        Ok(r) => Ok(r.unwrap_or(Value::NONE)),
    }
}

fn cm_clear(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let v = this(vm, a, "clear")?;
    let m0 = first(vm, v)?;
    runtime::call_method_by_name(vm, m0, "clear", &[])?;
    Ok(Value::NONE)
}

/// `keys()`, `values()`, `items()`: the merged dict's views.
fn view(vm: &mut Vm<'_>, a: &Args<'_>, name: &str) -> PyResult<Value> {
    let v = this(vm, a, name)?;
    let d = merged(vm, v)?;
    let m = vm.roots_mark();
    vm.push_root(d)?;
    let r = runtime::call_method_by_name(vm, d, name, &[]);
    vm.pop_roots(m);
    Ok(r?.unwrap_or(Value::NONE))
}
fn cm_keys(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    view(vm, a, "keys")
}
fn cm_values(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    view(vm, a, "values")
}
fn cm_items(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    view(vm, a, "items")
}

fn cm_trace(v: Value, t: &mut Tracer<'_>) {
    if let Some(c) = as_cm(v) {
        t.mark(c.maps.get());
    }
}

crate::static_qstr!(Q_CHAINMAP, "ChainMap");
crate::static_qstr!(Q_NEW_CHILD, "new_child");
crate::static_qstr!(Q_COPY_DUNDER, "__copy__");

static METHODS: &[Builtin] = &[
    Builtin::method(&Q_NEW_CHILD, cm_new_child),
    Builtin::method(&crate::qstr::copy, cm_copy),
    Builtin::method(&Q_COPY_DUNDER, cm_copy),
    Builtin::method(&crate::qstr::get, cm_get),
    Builtin::method(&crate::qstr::pop, cm_pop),
    Builtin::method(&crate::qstr::popitem, cm_popitem),
    Builtin::method(&crate::qstr::clear, cm_clear),
    Builtin::method(&crate::qstr::keys, cm_keys),
    Builtin::method(&crate::qstr::values, cm_values),
    Builtin::method(&crate::qstr::items, cm_items),
];

static SLOTS: Slots = Slots {
    trace: Some(cm_trace),
    repr: Some(cm_repr),
    richcmp: Some(cm_richcmp),
    truth: Some(cm_truth),
    len: Some(cm_len),
    getitem: Some(cm_getitem),
    setitem: Some(cm_setitem),
    contains: Some(cm_contains),
    iter: Some(cm_iter),
    getattr: Some(cm_getattr),
    setattr: Some(cm_setattr),
    new: Some(cm_new),
    ..Slots::EMPTY
};

/// `collections.ChainMap`.
pub static CHAINMAP_TYPE: Type = Type::builtin(
    &Q_CHAINMAP,
    Some(&obj::class::OBJECT_TYPE),
    Kind::Misc,
    obj::flags::BASETYPE | obj::flags::UNHASHABLE | obj::flags::PY_CLASS,
    &SLOTS,
    METHODS,
)
.in_module(&super::TYPE_NS);
