//! `collections.defaultdict`: a dict whose missing keys are filled by `default_factory()`.
//!
//! ```text
//!  defaultdict   DictObj (dict's layout and table) | default_factory Value
//! ```
//! The factory word sits right after the dict body; a Python subclass's instance is a copy
//! of that body (`instance::boxed`), so the word keeps its offset and the instance dict
//! comes after it.

use core::cell::Cell;

use super::{alloc_dict, call_own_type, fill, is_a, self_of};
use crate::heap::Tracer;
use crate::obj::{self, dict, str::StrBuf, Args, Builtin, Kind, Slots, Type};
use crate::runtime;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// The `default_factory` word of a defaultdict (or of an instance of a subclass).
fn factory(v: Value) -> Option<&'static Cell<Value>> {
    if !is_a(v, &DEFAULTDICT_TYPE) {
        return None;
    }
    // SAFETY: instances of DEFAULTDICT_TYPE are made by `dd_new` with one word after the
    // DictObj body; a subclass instance copies that body (see the module documentation).
    Some(unsafe { &*(v.as_ptr().add(core::mem::size_of::<dict::DictObj>()) as *const Cell<Value>) })
}

fn is_callable(x: Value) -> bool {
    let t = obj::type_of(x);
    if t.is_heap() {
        obj::class::lookup(t, Value::qstr(&crate::qstr::__call__)).is_some()
    } else {
        t.slots.call.is_some() || t.kind == Kind::Function || t.kind == Kind::BoundMethod
    }
}

/// `defaultdict(default_factory=None, [mapping_or_pairs], **kw)` on the fresh `d`.
fn init(vm: &mut Vm<'_>, d: Value, pos: &[Value], a: &Args<'_>) -> PyResult<()> {
    let f = pos.first().copied().unwrap_or(Value::NONE);
    if f != Value::NONE && !is_callable(f) {
        return Err(vm.type_error(format_args!("first argument must be callable or None")));
    }
    if pos.len() > 2 {
        return Err(vm.type_error(format_args!("dict expected at most 1 argument, got {}", pos.len() - 1)));
    }
    if let Some(c) = factory(d) {
        c.set(f);
    }
    fill(vm, d, pos.get(1).copied(), a)
}

fn dd_new(vm: &mut Vm<'_>, _cls: Value, a: &Args<'_>) -> PyResult<Value> {
    let d = alloc_dict(vm, &DEFAULTDICT_TYPE, 1)?;
    let m = vm.roots_mark();
    vm.push_root(d)?;
    let r = init(vm, d, a.pos, a);
    vm.pop_roots(m);
    r.map(|_| d)
}

/// `__init__` (a subclass's `super().__init__(...)`).
fn dd_init(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let d = self_of(vm, a, &DEFAULTDICT_TYPE, "__init__")?;
    init(vm, d, &a.pos[1..], a)?;
    Ok(Value::NONE)
}

/// `d[k] = default_factory()`, returned; KeyError without a factory. May collect.
fn missing(vm: &mut Vm<'_>, d: Value, k: Value) -> PyResult<Value> {
    let f = factory(d).map_or(Value::NONE, |c| c.get());
    if f == Value::NONE {
        return Err(dict::key_error(vm, k));
    }
    let x = runtime::call(vm, f, &[])?;
    let m = vm.roots_mark();
    vm.push_root(x)?;
    let r = runtime::set_item(vm, d, k, x);
    vm.pop_roots(m);
    r.map(|_| x)
}

fn dd_missing(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let d = self_of(vm, a, &DEFAULTDICT_TYPE, "__missing__")?;
    if a.pos.len() != 2 {
        return Err(vm.type_error(format_args!(
            "defaultdict.__missing__() takes exactly one argument ({} given)",
            a.pos.len() - 1
        )));
    }
    missing(vm, d, a.pos[1])
}

fn dd_getitem(vm: &mut Vm<'_>, d: Value, k: Value) -> PyResult<Value> {
    if let Some(x) = dict::get(vm, d, k)? {
        return Ok(x);
    }
    if obj::type_of(d).is_heap() {
        // A subclass may override __missing__.
        if let Some(r) = runtime::call_method_by_name(vm, d, "__missing__", &[k])? {
            return Ok(r);
        }
    }
    missing(vm, d, k)
}

/// `defaultdict(<class 'list'>, {...})` (the class name is the instance's own).
fn dd_repr(vm: &mut Vm<'_>, d: Value, sb: &mut StrBuf) -> PyResult<()> {
    sb.push(vm, obj::type_of(d).name())?;
    sb.push(vm, "(")?;
    let f = factory(d).map_or(Value::NONE, |c| c.get());
    if runtime::repr_enter(vm, f) {
        let r = runtime::repr_into(vm, f, sb);
        runtime::repr_leave(vm);
        r?;
    } else {
        sb.push(vm, "...")?;
    }
    sb.push(vm, ", ")?;
    dict::repr(vm, d, sb)?;
    sb.push(vm, ")")
}

fn dd_copy(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let d = self_of(vm, a, &DEFAULTDICT_TYPE, "copy")?;
    let f = factory(d).map_or(Value::NONE, |c| c.get());
    call_own_type(vm, d, &[f, d])
}

fn dd_getattr(_vm: &mut Vm<'_>, d: Value, name: Value) -> PyResult<Value> {
    match (obj::str::as_str(name), factory(d)) {
        (Some("default_factory"), Some(c)) => Ok(c.get()),
        _ => Ok(Value::NULL),
    }
}

fn dd_setattr(vm: &mut Vm<'_>, d: Value, name: Value, x: Value) -> PyResult<bool> {
    match (obj::str::as_str(name), factory(d)) {
        (Some("default_factory"), Some(c)) => {
            if x.is_null() {
                return Err(vm.type_error(format_args!("cannot delete default_factory")));
            }
            c.set(x);
            Ok(true)
        }
        _ => Ok(false),
    }
}

fn dd_trace(v: Value, t: &mut Tracer<'_>) {
    dict::trace(v, t);
    if let Some(c) = factory(v) {
        t.mark(c.get());
    }
}

crate::static_qstr!(Q_DEFAULTDICT, "defaultdict");
crate::static_qstr!(Q_MISSING, "__missing__");
crate::static_qstr!(Q_COPY_DUNDER, "__copy__");

static METHODS: &[Builtin] = &[
    Builtin::class_method(&crate::qstr::fromkeys, super::fromkeys),
    Builtin::method(&crate::qstr::__init__, dd_init),
    Builtin::method(&Q_MISSING, dd_missing),
    Builtin::method(&crate::qstr::copy, dd_copy),
    Builtin::method(&Q_COPY_DUNDER, dd_copy),
];

static SLOTS: Slots = Slots {
    trace: Some(dd_trace),
    repr: Some(dd_repr),
    getitem: Some(dd_getitem),
    getattr: Some(dd_getattr),
    setattr: Some(dd_setattr),
    new: Some(dd_new),
    ..dict::DICT_SLOTS
};

/// `collections.defaultdict`.
pub static DEFAULTDICT_TYPE: Type = Type::builtin(
    &Q_DEFAULTDICT,
    Some(&dict::DICT_TYPE),
    Kind::Dict,
    obj::flags::BASETYPE | obj::flags::UNHASHABLE,
    &SLOTS,
    METHODS,
)
.in_module(&super::TYPE_NS);
