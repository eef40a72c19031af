//! `weakref.ReferenceType` (`weakref.ref`): a reference that does not keep its target alive.
//!
//! ```text
//!  WeakRefObj  ObjHeader | target Value (NULL once dead) | callback Value (NULL: none)
//!              | next Value (the VM's list of weak references, not traced)
//!              | hash Value (cached hash, NULL until taken) | state usize
//! ```
//! Every weak reference is on one intrusive list (`SchedState::weak_head`, newest first).
//! The list is not a root and `trace` does not report the target. After marking, the
//! collector's weak hook ([`after_mark`]) unlinks the references that died themselves and
//! clears the live ones whose target was not marked, before the sweep frees the target; one
//! with a callback becomes *pending*: a root until the VM's next safe point calls the
//! callback with the reference (`Vm::run_weak_callbacks`). A reference and its target
//! that die together call nothing (CPython's rule for garbage cycles).
//!
//! The moment a target dies differs from CPython's (reference counting frees at the last
//! `del`; here the next collection does): programs observe deaths after `gc.collect()`.
//!
//! The list and the collector's side are always built (a VM without the `weakref` feature
//! walks an empty list); the type is reachable only through the `_weakref` module.
#![cfg_attr(not(feature = "weakref"), allow(dead_code))]

use core::cell::Cell;

use frostbyte_format::CmpOp;

use super::{Args, Kind, Slots, Type};
use crate::heap::Tracer;
use crate::obj::{self, str::StrBuf};
use crate::rom::ObjHeader;
use crate::runtime;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// `WeakRefObj::state`: the target is alive (or the reference died without a callback).
const LIVE: usize = 0;
/// The target died and the callback waits for the next safe point.
const PENDING: usize = 1;

/// Weak reference layout.
#[repr(C)]
pub struct WeakRefObj {
    hdr: ObjHeader,
    target: Cell<Value>,
    callback: Cell<Value>,
    next: Cell<Value>,
    hash: Cell<Value>,
    state: Cell<usize>,
}

/// Borrow a weak reference.
pub fn as_weakref(v: Value) -> Option<&'static WeakRefObj> {
    // SAFETY: objects of WEAKREF_TYPE (not subclassable) are WeakRefObj objects made by `new`.
    (v.is_obj() && core::ptr::eq(obj::type_of(v), &WEAKREF_TYPE))
        .then(|| unsafe { &*(v.as_ptr() as *const WeakRefObj) })
}

/// Borrow a list member (the list holds only weak references).
fn member(v: Value) -> &'static WeakRefObj {
    // SAFETY: only `new` links objects into the list, all WeakRefObj; a member is unlinked
    // by the weak hook before the sweep frees it, so every member is a live object.
    unsafe { &*(v.as_ptr() as *const WeakRefObj) }
}

/// The target, or NULL once it died.
pub fn target(v: Value) -> Value {
    as_weakref(v).map(|w| w.target.get()).unwrap_or(Value::NULL)
}

/// Can `v` be the target of a weak reference? CPython's rule: instances of classes defined
/// in Python (whatever their base), classes and types, functions (built-in too), bound
/// methods, sets, generators, coroutines, modules and code objects; not ints, strs,
/// tuples, lists, dicts, exceptions of built-in types and other built-in values.
pub fn can_refer(v: Value) -> bool {
    if !v.is_obj() {
        return false;
    }
    let t = obj::type_of(v);
    t.is_heap()
        || matches!(
            t.kind,
            Kind::Type
                | Kind::Function
                | Kind::Builtin
                | Kind::BoundMethod
                | Kind::Set
                | Kind::Generator
                | Kind::Module
                | Kind::Code
        )
}

/// `ref(obj[, callback])`. Without a callback the newest existing callback-less reference
/// to `obj` is returned again (as CPython does). May collect.
pub fn new_ref(vm: &mut Vm<'_>, target: Value, callback: Value) -> PyResult<Value> {
    if !can_refer(target) {
        let tn = obj::type_of(target).name();
        return Err(vm.type_error(format_args!("cannot create weak reference to '{tn}' object")));
    }
    let callback = if callback == Value::NONE { Value::NULL } else { callback };
    if callback.is_null() {
        let mut cur = vm.sched.weak_head;
        while !cur.is_null() {
            let w = member(cur);
            if w.target.get() == target && w.callback.get().is_null() {
                return Ok(cur);
            }
            cur = w.next.get();
        }
    }
    let m = vm.roots_mark();
    vm.push_root(target)?;
    vm.push_root(callback)?;
    let r = vm.alloc_obj(&WEAKREF_TYPE, core::mem::size_of::<WeakRefObj>());
    vm.pop_roots(m);
    let v = r?;
    if let Some(w) = as_weakref(v) {
        w.target.set(target);
        w.callback.set(callback);
        w.next.set(vm.sched.weak_head);
    }
    vm.sched.weak_head = v;
    Ok(v)
}

/// The live weak references to `target`, newest first: `f` is called with each.
pub fn for_each_ref(vm: &Vm<'_>, target: Value, mut f: impl FnMut(Value)) {
    let mut cur = vm.sched.weak_head;
    while !cur.is_null() {
        let w = member(cur);
        if w.target.get() == target {
            f(cur);
        }
        cur = w.next.get();
    }
}

/// Root phase: the pending references (their callbacks still have to run).
pub(crate) fn mark_pending(head: Value, t: &mut Tracer<'_>) {
    let mut cur = head;
    while !cur.is_null() {
        let w = member(cur);
        if w.state.get() == PENDING {
            t.mark(cur);
        }
        cur = w.next.get();
    }
}

/// The weak hook (heap invariant 8): unlink dead references, clear those whose target was
/// not marked. Returns the new list head and how many references became pending.
pub(crate) fn after_mark(head: Value, t: &mut Tracer<'_>) -> (Value, usize) {
    let mut new_head = head;
    let mut prev: Option<&WeakRefObj> = None;
    let mut pending = 0;
    let mut cur = head;
    while !cur.is_null() {
        let w = member(cur);
        let next = w.next.get();
        if !t.is_marked(cur) {
            // The reference itself dies: drop it from the list (its memory is still intact).
            match prev {
                Some(p) => p.next.set(next),
                None => new_head = next,
            }
        } else {
            let tg = w.target.get();
            if !tg.is_null() && !t.is_marked(tg) {
                w.target.set(Value::NULL);
                if !w.callback.get().is_null() {
                    w.state.set(PENDING);
                    pending += 1;
                }
            }
            prev = Some(w);
        }
        cur = next;
    }
    (new_head, pending)
}

/// The newest pending reference (CPython calls the callbacks of one object's references
/// newest first), made live again with its callback taken: `(ref, callback)`.
pub(crate) fn take_pending(vm: &mut Vm<'_>) -> Option<(Value, Value)> {
    let mut found = Value::NULL;
    let mut cur = vm.sched.weak_head;
    while !cur.is_null() {
        let w = member(cur);
        if w.state.get() == PENDING {
            found = cur;
            break;
        }
        cur = w.next.get();
    }
    if found.is_null() {
        return None;
    }
    let w = member(found);
    w.state.set(LIVE);
    Some((found, w.callback.replace(Value::NULL)))
}

fn trace(v: Value, t: &mut Tracer<'_>) {
    if let Some(w) = as_weakref(v) {
        t.mark(w.callback.get());
        t.mark(w.hash.get());
    }
}

fn new(vm: &mut Vm<'_>, _cls: Value, a: &Args<'_>) -> PyResult<Value> {
    if !a.kwnames.is_empty() {
        return Err(vm.type_error(format_args!("ref() takes no keyword arguments")));
    }
    match a.pos.len() {
        1 | 2 => new_ref(vm, a.pos[0], a.get(1)),
        n => Err(vm.type_error(format_args!("__new__ expected at most 2 arguments, got {n}"))),
    }
}

fn call(vm: &mut Vm<'_>, v: Value, a: &Args<'_>) -> PyResult<Value> {
    if !a.pos.is_empty() || !a.kwnames.is_empty() {
        if !a.kwnames.is_empty() {
            return Err(vm.type_error(format_args!("weakref() takes no keyword arguments")));
        }
        let n = a.pos.len();
        return Err(vm.type_error(format_args!("weakref expected 0 arguments, got {n}")));
    }
    let t = target(v);
    Ok(if t.is_null() { Value::NONE } else { t })
}

fn getattr(_vm: &mut Vm<'_>, v: Value, name: Value) -> PyResult<Value> {
    let Some(w) = as_weakref(v) else { return Ok(Value::NULL) };
    Ok(match obj::str::as_str(name) {
        Some("__callback__") => {
            let c = w.callback.get();
            if c.is_null() {
                Value::NONE
            } else {
                c
            }
        }
        _ => Value::NULL,
    })
}

fn hash(vm: &mut Vm<'_>, v: Value) -> PyResult<isize> {
    let Some(w) = as_weakref(v) else { return Ok(0) };
    if let Some(h) = obj::int::small_value(w.hash.get()) {
        return Ok(h as isize);
    }
    let t = w.target.get();
    if t.is_null() {
        return Err(vm.type_error(format_args!("weak object has gone away")));
    }
    // The target is only weakly held: root it while `__hash__` may run and collect.
    let m = vm.roots_mark();
    vm.push_root(t)?;
    let r = runtime::hash(vm, t).and_then(|h| Ok((h, obj::int::from_i64(vm, h as i64)?)));
    vm.pop_roots(m);
    let (h, hv) = r?;
    if let Some(w) = as_weakref(v) {
        w.hash.set(hv);
    }
    Ok(h)
}

/// Two live references compare their targets; otherwise a reference equals only itself.
fn richcmp(vm: &mut Vm<'_>, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
    if !matches!(op, CmpOp::Eq | CmpOp::Ne) || as_weakref(b).is_none() {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let (ta, tb) = (target(a), target(b));
    if ta.is_null() || tb.is_null() {
        return Ok(Value::bool((a == b) == (op == CmpOp::Eq)));
    }
    // Both targets are only weakly held: root them while `__eq__` may run and collect.
    let m = vm.roots_mark();
    vm.push_root(ta)?;
    vm.push_root(tb)?;
    let r = runtime::compare(vm, ta, tb, op);
    vm.pop_roots(m);
    r
}

fn repr(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf) -> PyResult<()> {
    let t = target(v);
    if t.is_null() {
        return sb.push_fmt(vm, format_args!("<weakref at {:#x}; dead>", v.bits()));
    }
    let m = vm.roots_mark();
    vm.push_root(t)?;
    let tn = obj::type_of(t).name();
    let r = sb.push_fmt(vm, format_args!("<weakref at {:#x}; to '{}' at {:#x}>", v.bits(), tn, t.bits()));
    vm.pop_roots(m);
    r
}

crate::static_qstr!(Q_REFERENCE_TYPE, "ReferenceType");
crate::static_qstr!(Q_WEAKREF, "weakref");
static NS_TABLE: crate::rom::DictTable<2> =
    crate::rom::DictTable::new([Value::qstr(&crate::qstr::__module__), Value::qstr(&Q_WEAKREF)]);
static NS: crate::rom::Dict = crate::rom::Dict::new(&NS_TABLE);
static SLOTS: Slots = Slots {
    trace: Some(trace),
    repr: Some(repr),
    hash: Some(hash),
    richcmp: Some(richcmp),
    call: Some(call),
    getattr: Some(getattr),
    new: Some(new),
    ..Slots::EMPTY
};
/// `weakref.ReferenceType`, also `weakref.ref`.
pub static WEAKREF_TYPE: Type =
    Type::builtin(&Q_REFERENCE_TYPE, Some(&obj::class::OBJECT_TYPE), Kind::Misc, 0, &SLOTS, &[]).in_module(&NS);
