//! Instances of classes created by `class` statements, and the generic slots that dispatch
//! every operation to the class's dunder methods (`__add__`, `__len__`, ...).
//!
//! ```text
//!  InstanceObj  ObjHeader (type = the class) | attrs word
//!  attrs        0                                  no attributes yet (shared-keys mode)
//!               values pointer | 1                 shared-keys mode: a raw values buffer
//!               dict object pointer (bits 1:0 00)  dict mode: a real dict
//!  slots        [Value; n]                         after the attrs word: the `__slots__`
//!                                                  values (n from the class's flags;
//!                                                  NULL = unset)
//!  values       cap usize | [Value; cap]           value i belongs to the class's key i;
//!                                                  NULL = absent (raw heap buffer)
//! ```
//! Each heap class keeps an append-only *keys table* (see `obj/class.rs`): the attribute names
//! its instances have stored, in first-seen order. In shared-keys mode an instance stores only
//! one value per key index, so an instance with five attributes costs 8 + 24 bytes on 32-bit
//! instead of an 8-byte instance plus a 16-byte dict and its table. A lookup scans the class's
//! keys comparing the qstr word (text only for names from other images or computed strs).
//!
//! The order of `__dict__` is the instance's own insertion order, as in CPython: in shared
//! mode it is the key-index order of the present values. So an instance switches for good to
//! *dict mode* (a dict materialised in that order) as soon as the scheme cannot represent it
//! exactly: a new name that is not a qstr or does not fit the full keys table, a name whose key
//! index is lower than that of an attribute the instance already has (it set `b` before `a`
//! while the class learned `a` first, or `del o.x; o.x = 1` moves `x` to the end), or a
//! request for the dict itself (`o.__dict__`, `vars(o)`).
//!
//! Instances of `object` itself (a built-in type with no keys table) have no attributes, as
//! in CPython. Instances of subclasses of built-in types use the built-in layout instead, so
//! the base's methods and slots work on them unchanged (they check the layout's kind, not the
//! type); the slots below fall back to the nearest built-in base's slots. Exceptions keep
//! their own dict. Every other built-in layout gets one more word at the end of its
//! allocation, its *tail*: the instance dict (NULL until the first attribute is set):
//!
//! ```text
//!  ObjHeader (type = the class) | the base's body (a copy of a base value) | ... | dict
//!                                                        tail = last word of the allocation
//! ```
//! [`boxed`] builds such an instance from a value of the base type: a small int becomes a
//! heap big-int object holding a small value, a qstr a heap str, a ROM tuple a heap one
//! (`int::heap_copy`, ...), so the value types (int, float, str, bytes, tuple, frozenset)
//! and the containers (list, dict, set) share one scheme, and a new built-in layout needs
//! only a `heap_copy` for its ROM or immediate values.

use core::cell::Cell;

use frostbyte_format::{BinOp, CmpOp, UnaryOp};

use super::{Args, Kind, Layout, Slots, Type};
use crate::heap::Tracer;
use crate::obj::{self, class, str::StrBuf};
use crate::qstr;
use crate::rom::{ObjHeader, Qstr};
use crate::runtime;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Instance layout.
#[repr(C)]
pub struct InstanceObj {
    hdr: ObjHeader,
    /// Attribute storage (see the module documentation); only touched through [`Attrs`].
    attrs: Cell<*mut u8>,
}

// SAFETY: repr(C), starts with ObjHeader; classes of kind Object use this layout.
unsafe impl Layout for InstanceObj {
    const KIND: Kind = Kind::Object;
}

const W: usize = core::mem::size_of::<usize>();
/// Tag bit of the attrs word: set for a values buffer (heap buffers are block-aligned).
const VALUES_TAG: usize = 1;

/// The decoded attrs word of an instance.
#[derive(Clone, Copy)]
enum Attrs {
    /// No attributes and no buffer (shared-keys mode).
    Empty,
    /// Shared-keys mode: the values buffer.
    Values(Values),
    /// Dict mode: the dict.
    Dict(Value),
}

/// A values buffer: `cap usize | [Value; cap]`.
#[derive(Clone, Copy)]
struct Values(*mut usize);

impl Values {
    fn cap(self) -> usize {
        // SAFETY: a values buffer starts with its capacity word (written by `reserve`).
        unsafe { *self.0 }
    }
    /// Value `i` (NULL if absent or beyond the capacity).
    fn get(self, i: usize) -> Value {
        if i >= self.cap() {
            return Value::NULL;
        }
        // SAFETY: i < cap, and the buffer holds cap values after the capacity word.
        unsafe { *(self.0.add(1 + i) as *const Value) }
    }
    /// Set value `i`; the caller ensured `i < cap`.
    fn set(self, i: usize, v: Value) {
        debug_assert!(i < self.cap());
        if i < self.cap() {
            // SAFETY: i < cap, and the buffer holds cap values after the capacity word.
            unsafe { *(self.0.add(1 + i) as *mut Value) = v };
        }
    }
    /// Index of the last present value.
    fn last(self) -> Option<usize> {
        (0..self.cap()).rev().find(|&i| !self.get(i).is_null())
    }
}

impl InstanceObj {
    fn attrs(&self) -> Attrs {
        let p = self.attrs.get();
        if p.is_null() {
            Attrs::Empty
        } else if p.addr() & VALUES_TAG != 0 {
            Attrs::Values(Values(p.map_addr(|a| a & !VALUES_TAG) as *mut usize))
        } else {
            // SAFETY: an untagged non-null attrs word is a dict object pointer (`set_dict`).
            Attrs::Dict(unsafe { Value::from_obj_ptr(p) })
        }
    }
    fn set_values(&self, b: Values) {
        self.attrs.set((b.0 as *mut u8).map_addr(|a| a | VALUES_TAG));
    }
    fn set_dict(&self, d: Value) {
        self.attrs.set(d.as_ptr() as *mut u8);
    }
}

/// Allocate an empty instance of `t` (kind Object): no attribute storage until the first
/// attribute is set. May collect.
pub fn alloc_instance(vm: &mut Vm<'_>, t: &'static Type) -> PyResult<Value> {
    vm.alloc_obj(t, core::mem::size_of::<InstanceObj>() + n_slots(t) * W)
}

/// The number of `__slots__` words of an instance of `t`.
fn n_slots(t: &Type) -> usize {
    if t.is_heap() && t.kind == Kind::Object {
        (t.flags >> super::flags::SLOTS_SHIFT) as usize
    } else {
        0
    }
}

/// Slot word `i` of instance `o` (NULL: unset or out of range). Never allocates.
pub fn slot_get(o: Value, i: usize) -> Value {
    if obj::downcast::<InstanceObj>(o).is_none() || i >= n_slots(obj::type_of(o)) {
        return Value::NULL;
    }
    // SAFETY: `o` is an instance allocated with n_slots words after the InstanceObj.
    unsafe { *(o.as_ptr().add(core::mem::size_of::<InstanceObj>() + i * W) as *const Value) }
}

/// Set slot word `i` of instance `o` (`v` NULL: unset); false if `o` has no such slot.
pub fn slot_set(o: Value, i: usize, v: Value) -> bool {
    if obj::downcast::<InstanceObj>(o).is_none() || i >= n_slots(obj::type_of(o)) {
        return false;
    }
    // SAFETY: as in `slot_get`.
    unsafe { *(o.as_ptr().add(core::mem::size_of::<InstanceObj>() + i * W) as *mut Value) = v };
    true
}

/// The key index of `name` (a str) in `t`'s keys table.
pub(crate) fn key_index(t: &Type, name: Value) -> Option<usize> {
    let keys = class::instance_keys(t);
    if let Some(i) = keys.iter().position(|k| *k == name) {
        return Some(i);
    }
    // The same text may be another qstr word (another image's table) or a heap str.
    let h = obj::str::hash_of(name);
    let s = obj::str::as_str(name)?;
    keys.iter().position(|k| obj::str::hash_of(*k) == h && obj::str::as_str(*k) == Some(s))
}

/// Value `i` of instance `o` in shared-keys mode (NULL: absent, beyond the buffer, `o` in
/// dict mode or not an instance). For the lookup cache: `i` is a key index of `o`'s class.
#[inline(always)]
pub(crate) fn shared_value(o: Value, i: usize) -> Value {
    match obj::downcast::<InstanceObj>(o).map(|x| x.attrs()) {
        Some(Attrs::Values(b)) => b.get(i),
        _ => Value::NULL,
    }
}

/// Write value `i` of instance `o` in shared-keys mode when that is all `o.name = v` (`name`
/// the class's key `i`, `v` not NULL) does: `o` has the attribute already, or no later key
/// has a value and the buffer has room. False (nothing written) otherwise. Never allocates.
#[inline(always)]
pub(crate) fn store_shared(o: Value, i: usize, v: Value) -> bool {
    let Some(Attrs::Values(b)) = obj::downcast::<InstanceObj>(o).map(|x| x.attrs()) else { return false };
    let cap = b.cap();
    if i >= cap || v.is_null() {
        return false;
    }
    if b.get(i).is_null() && (i + 1..cap).any(|j| !b.get(j).is_null()) {
        return false;
    }
    b.set(i, v);
    true
}

/// Is `o` an instance keeping its attributes in its class's keys table (not in dict mode)?
#[inline(always)]
pub(crate) fn is_shared(o: Value) -> bool {
    matches!(obj::downcast::<InstanceObj>(o).map(|x| x.attrs()), Some(Attrs::Empty | Attrs::Values(_)))
}

/// The instance dict of `o` if it is in dict mode, else NULL (no allocation).
pub fn dict_if_any(o: Value) -> Value {
    match obj::downcast::<InstanceObj>(o).map(|i| i.attrs()) {
        Some(Attrs::Dict(d)) => d,
        _ => Value::NULL,
    }
}

/// The attribute `name` stored on instance `o` (not the class), if any. Never allocates.
pub fn get(o: Value, name: Value) -> Option<Value> {
    let i = obj::downcast::<InstanceObj>(o)?;
    match i.attrs() {
        Attrs::Empty => None,
        Attrs::Dict(d) => obj::dict::get_str(d, name),
        Attrs::Values(b) => {
            let v = b.get(key_index(obj::type_of(o), name)?);
            (!v.is_null()).then_some(v)
        }
    }
}

/// Entry `i` of `o`'s attributes in order, as (name, value) with a NULL name for an empty
/// slot; `None` past the end. Iterates without materialising a dict (used by `dir`).
pub fn entry(o: Value, i: usize) -> Option<(Value, Value)> {
    let inst = obj::downcast::<InstanceObj>(o)?;
    match inst.attrs() {
        Attrs::Empty => None,
        Attrs::Dict(d) => obj::dict::as_dict(d)?.entry(i),
        Attrs::Values(b) => {
            let k = *class::instance_keys(obj::type_of(o)).get(i)?;
            let v = b.get(i);
            Some(if v.is_null() { (Value::NULL, v) } else { (k, v) })
        }
    }
}

/// The tail dict of `o` if it has one now (never allocates).
pub fn tail_dict_if_any(vm: &Vm<'_>, o: Value) -> Value {
    tail_dict(vm, o)
}

/// The tail dict of `o` (rooted), made on first use; NULL if `o` has no tail. May collect.
fn tail_dict_of(vm: &mut Vm<'_>, o: Value) -> PyResult<Value> {
    let size = vm.heap.alloc_size(o.as_ptr());
    let Some(p) = tail(o, size) else { return Ok(Value::NULL) };
    // SAFETY: the tail word holds NULL or a dict.
    let d = unsafe { *p };
    if !d.is_null() {
        return Ok(d);
    }
    let d = obj::dict::new(vm)?;
    // SAFETY: `o` did not move (the collector never moves objects); its tail is still `p`.
    unsafe { *p = d };
    Ok(d)
}

/// Make room for value index `i` in `o`'s values buffer (`o` rooted, in shared-keys mode):
/// at least as many slots as the class has keys, so most instances allocate once. May
/// collect.
fn reserve(vm: &mut Vm<'_>, o: Value, i: usize) -> PyResult<Values> {
    let Some(inst) = obj::downcast::<InstanceObj>(o) else { return Err(vm.raise_memory_error()) };
    let old = match inst.attrs() {
        Attrs::Values(b) if i < b.cap() => return Ok(b),
        Attrs::Values(b) => b.0,
        _ => core::ptr::null_mut(),
    };
    let want = (i + 1).max(class::instance_keys(obj::type_of(o)).len());
    // `realloc` keeps the old values (the old buffer stays reachable through `o` meanwhile)
    // and zero-fills the rest (NULL: absent).
    let p = vm.realloc(old as *mut u8, (1 + want) * W, false)? as *mut usize;
    let cap = vm.heap.alloc_size(p as *const u8) / W - 1;
    // SAFETY: p is a live buffer of (cap + 1) words; its first word is the capacity.
    unsafe { *p = cap };
    let b = Values(p);
    inst.set_values(b);
    Ok(b)
}

/// Switch `o` (an instance of a heap class, rooted) to dict mode, materialising its dict in
/// its attributes' order, and return the dict. NULL for instances of `object` itself.
/// May collect.
pub fn dict_of(vm: &mut Vm<'_>, o: Value) -> PyResult<Value> {
    if has_tail(obj::type_of(o)) {
        return tail_dict_of(vm, o);
    }
    let Some(inst) = obj::downcast::<InstanceObj>(o) else { return Ok(Value::NULL) };
    if let Attrs::Dict(d) = inst.attrs() {
        return Ok(d);
    }
    let t = obj::type_of(o);
    if !t.is_heap() {
        return Ok(Value::NULL);
    }
    let m = vm.roots_mark();
    vm.push_root(o)?;
    let d = match obj::dict::new(vm) {
        Ok(d) => d,
        Err(e) => {
            vm.pop_roots(m);
            return Err(e);
        }
    };
    vm.push_root(d)?;
    // The values stay reachable through `o` until the dict holds them; re-read each step.
    let mut i = 0;
    while let Some((k, v)) = entry(o, i) {
        i += 1;
        if !k.is_null() {
            if let Err(e) = obj::dict::set_str(vm, d, k, v) {
                vm.pop_roots(m);
                return Err(e);
            }
        }
    }
    vm.pop_roots(m);
    let old = inst.attrs.get();
    inst.set_dict(d);
    if !old.is_null() {
        // Only the instance pointed at its values buffer.
        vm.free(old.map_addr(|a| a & !VALUES_TAG));
    }
    Ok(d)
}

/// `o.name = v` (`v` NULL: `del o.name`) in the instance's own storage, for an instance of a
/// heap class (kind Object). `Ok(false)`: deleting an attribute `o` does not have. May
/// collect.
pub fn set(vm: &mut Vm<'_>, o: Value, name: Value, v: Value) -> PyResult<bool> {
    if has_tail(obj::type_of(o)) {
        if name == Value::qstr(&qstr::__dict__) || obj::str::eq(name, Value::qstr(&qstr::__dict__)) {
            return Err(
                vm.raise_msg(&obj::exception::ATTRIBUTE_ERROR_TYPE, "attribute '__dict__' cannot be replaced here")
            );
        }
        let m = vm.roots_mark();
        vm.push_root(o)?;
        vm.push_root(name)?;
        vm.push_root(v)?;
        let r = if v.is_null() && tail_dict(vm, o).is_null() {
            Ok(false)
        } else {
            match tail_dict_of(vm, o) {
                Ok(d) => set_in_dict(vm, d, name, v),
                Err(e) => Err(e),
            }
        };
        vm.pop_roots(m);
        return r;
    }
    let Some(inst) = obj::downcast::<InstanceObj>(o) else { return Ok(false) };
    if !obj::type_of(o).is_heap() {
        return Ok(false);
    }
    if name == Value::qstr(&qstr::__dict__) || obj::str::eq(name, Value::qstr(&qstr::__dict__)) {
        return set_dict_attr(vm, o, v).map(|()| true);
    }
    let m = vm.roots_mark();
    vm.push_root(o)?;
    vm.push_root(name)?;
    vm.push_root(v)?;
    let r = set_rooted(vm, o, inst, name, v);
    vm.pop_roots(m);
    r
}

fn set_rooted(vm: &mut Vm<'_>, o: Value, inst: &InstanceObj, name: Value, v: Value) -> PyResult<bool> {
    let t = obj::type_of(o);
    let b = match inst.attrs() {
        Attrs::Dict(d) => return set_in_dict(vm, d, name, v),
        Attrs::Values(b) => Some(b),
        Attrs::Empty => None,
    };
    let idx = key_index(t, name);
    let present = |i: usize| b.map(|b| !b.get(i).is_null()).unwrap_or(false);
    if v.is_null() {
        return Ok(match idx {
            Some(i) if present(i) => {
                if let Some(b) = b {
                    b.set(i, Value::NULL);
                }
                true
            }
            _ => false,
        });
    }
    let i = match idx {
        Some(i) if present(i) => {
            if let Some(b) = b {
                b.set(i, v);
            }
            return Ok(true);
        }
        // A name the instance does not have goes last: fine if no present key comes later.
        Some(i) if b.and_then(Values::last).is_none_or(|l| l < i) => i,
        Some(_) => {
            let d = dict_of(vm, o)?;
            return set_in_dict(vm, d, name, v);
        }
        None => {
            let added = if name.is_qstr() { class::add_instance_key(vm, t.as_value(), name)? } else { None };
            match added {
                Some(i) => i,
                None => {
                    let d = dict_of(vm, o)?;
                    return set_in_dict(vm, d, name, v);
                }
            }
        }
    };
    reserve(vm, o, i)?.set(i, v);
    Ok(true)
}

/// Set or delete `name` in dict `d` (everything rooted). May collect.
fn set_in_dict(vm: &mut Vm<'_>, d: Value, name: Value, v: Value) -> PyResult<bool> {
    if v.is_null() {
        return Ok(obj::dict::remove(vm, d, name)?.is_some());
    }
    obj::dict::set_str(vm, d, name, v)?;
    Ok(true)
}

/// `o.__dict__ = v` (a dict becomes the instance's dict) or `del o.__dict__` (the instance
/// starts over with no attributes), as CPython does. May collect (raising).
fn set_dict_attr(vm: &mut Vm<'_>, o: Value, v: Value) -> PyResult<()> {
    let Some(inst) = obj::downcast::<InstanceObj>(o) else { return Ok(()) };
    if !v.is_null() && obj::dict::as_dict(v).is_none() {
        return Err(vm.type_error(format_args!("__dict__ must be set to a dictionary, not a '{}'", obj::type_name(v))));
    }
    let old = inst.attrs();
    if v.is_null() {
        inst.attrs.set(core::ptr::null_mut());
    } else {
        inst.set_dict(v);
    }
    if let Attrs::Values(b) = old {
        // Only the instance pointed at its values buffer.
        vm.free(b.0 as *const u8);
    }
    Ok(())
}

/// Change the type of a freshly created built-in object to the subclass `t`.
fn retype(vm: &mut Vm<'_>, v: Value, t: &'static Type) {
    if vm.is_heap(v) && obj::type_of(v).kind == t.kind {
        // SAFETY: v is a heap object whose layout matches t's kind.
        unsafe { (*(v.as_ptr() as *mut ObjHeader)).ty = t };
    }
}

/// Does an instance of `t` carry a tail (an instance dict word after the base's body)?
pub fn has_tail(t: &Type) -> bool {
    t.is_heap() && !matches!(t.kind, Kind::Object | Kind::Exception | Kind::Type)
}

/// The tail word of `o` (see the module documentation), if `o` is an instance with one.
/// `size` is the allocation size of `o` (`Heap::alloc_size`).
fn tail(o: Value, size: usize) -> Option<*mut Value> {
    if !o.is_obj() || !has_tail(obj::type_of(o)) || size < 2 * W {
        return None;
    }
    // SAFETY: `o` is a heap object of `size` bytes; its last word is the tail (`boxed`).
    Some(unsafe { o.as_ptr().add(size - W) as *mut Value })
}

fn tail_dict(vm: &Vm<'_>, o: Value) -> Value {
    let size = if o.is_obj() { vm.heap.alloc_size(o.as_ptr()) } else { 0 };
    match tail(o, size) {
        // SAFETY: the tail word holds NULL or a dict (written by `set` / `dict_of`).
        Some(p) => unsafe { *p },
        None => Value::NULL,
    }
}

/// An instance of `t` (a heap class with a built-in layout) holding a copy of `v`, a value
/// of `t`'s built-in base, with an empty tail (see the module documentation). Exceptions are
/// retyped in place. May collect.
pub fn boxed(vm: &mut Vm<'_>, t: &'static Type, v: Value) -> PyResult<Value> {
    if matches!(t.kind, Kind::Exception | Kind::Type) {
        retype(vm, v, t);
        return Ok(v);
    }
    if obj::type_of(v).kind != t.kind || !has_tail(t) {
        return Err(vm.type_error(format_args!(
            "{}.__new__({}) is not a subtype of {}",
            class::static_base(t).name(),
            t.name(),
            obj::type_name(v)
        )));
    }
    let m = vm.roots_mark();
    vm.push_root(v)?;
    let r = boxed_rooted(vm, t, v);
    vm.pop_roots(m);
    r
}

fn boxed_rooted(vm: &mut Vm<'_>, t: &'static Type, v: Value) -> PyResult<Value> {
    let src = if vm.is_heap(v) {
        v
    } else {
        match t.kind {
            Kind::Int => obj::int::heap_copy(vm, v)?,
            Kind::Str => obj::str::heap_copy(vm, v)?,
            Kind::Tuple => obj::tuple::heap_copy(vm, v)?,
            Kind::Float => obj::float::new(vm, obj::float::as_f64(v).unwrap_or(0.0))?,
            Kind::Bytes => obj::bytes::new(vm, obj::bytes::as_bytes(v).unwrap_or(&[]))?,
            #[cfg(feature = "complex")]
            Kind::Complex => obj::complex::new(vm, obj::complex::as_complex(v).unwrap_or((0.0, 0.0)))?,
            _ => return Err(vm.type_error(format_args!("cannot create '{}' instances", t.name()))),
        }
    };
    vm.push_root(src)?;
    let size = vm.heap.alloc_size(src.as_ptr());
    let out = vm.alloc_obj(t, size + W)?;
    // SAFETY: `out` is a fresh, zeroed allocation of at least size + W bytes and `src` a live
    // heap object of `size` bytes; the body after the header is copied, the tail stays NULL.
    // `src` is a fresh or immutable object, so the copy shares nothing mutable with it that
    // other code can reach (a fresh list's items buffer now belongs to the copy only).
    unsafe { core::ptr::copy_nonoverlapping(src.as_ptr().add(W), (out.as_ptr() as *mut u8).add(W), size - W) };
    Ok(out)
}

/// The user-defined `__init__` in `t`'s MRO (before reaching a built-in type), if any.
pub fn user_init(t: &'static Type) -> Option<Value> {
    class::mro_find(t, |x| {
        if x.is_heap() {
            obj::dict::get_str(x.dict, Value::qstr(&qstr::__init__)).map(Some)
        } else {
            Some(None)
        }
    })
    .flatten()
}

fn user_new(t: &'static Type) -> Option<Value> {
    class::mro_find(t, |x| {
        if x.is_heap() {
            obj::dict::get_str(x.dict, Value::qstr(&qstr::__new__)).map(Some)
        } else {
            Some(None)
        }
    })
    .flatten()
}

/// True if instances are plain objects whose constructor takes no arguments.
pub fn takes_no_args(t: &'static Type) -> bool {
    t.kind == Kind::Object && user_new(t).is_none()
}

/// Create (but do not `__init__`) an instance of heap class `t`. May collect.
pub fn new_instance(vm: &mut Vm<'_>, t: &'static Type, args: &Args<'_>) -> PyResult<Value> {
    if let Some(n) = user_new(t) {
        let f = obj::descriptor::unwrap_static(n);
        return runtime::call_with_self(vm, f, t.as_value(), args);
    }
    let base = class::static_base(t);
    if t.kind == Kind::Object {
        return alloc_instance(vm, t);
    }
    let Some(newf) = base.slots.new else {
        return Err(vm.type_error(format_args!("cannot create '{}' instances", t.name())));
    };
    // Built-in layouts: exceptions and immutable frozensets take the args; mutable
    // containers are filled by __init__.
    let has_init = user_init(t).is_some();
    let mutable = matches!(t.kind, Kind::List | Kind::Dict)
        || (t.kind == Kind::Set && !core::ptr::eq(base, &obj::set::FROZENSET_TYPE));
    let takes_args = !mutable || !has_init;
    // Exceptions are made with their class; other layouts as the base, then boxed.
    let cls = if matches!(t.kind, Kind::Exception | Kind::Type) { t.as_value() } else { base.as_value() };
    let r = if takes_args { newf(vm, cls, args)? } else { newf(vm, cls, &Args::new(&[]))? };
    boxed(vm, t, r)
}

/// Trace an instance: its values buffer and values, or its dict (the class, which holds the
/// keys table, is traced through the header).
pub fn trace_instance(v: Value, t: &mut Tracer<'_>) {
    let Some(i) = obj::downcast::<InstanceObj>(v) else { return };
    for k in 0..n_slots(obj::type_of(v)) {
        t.mark(slot_get(v, k));
    }
    match i.attrs() {
        Attrs::Empty => {}
        Attrs::Dict(d) => t.mark(d),
        Attrs::Values(b) => {
            t.mark_buffer(b.0 as *const u8);
            for k in 0..b.cap() {
                t.mark(b.get(k));
            }
        }
    }
}

fn user_trace(v: Value, t: &mut Tracer<'_>) {
    let ty = obj::type_of(v);
    if ty.kind == Kind::Object {
        trace_instance(v, t);
        return;
    }
    if let Some(f) = class::static_base(ty).slots.trace {
        f(v, t);
    }
    if let Some(p) = tail(v, t.alloc_size(v.as_ptr())) {
        // SAFETY: the tail word holds NULL or the instance dict.
        t.mark(unsafe { *p });
    }
}

/// Where a dunder was found.
enum Found {
    User(Value),
    Builtin(&'static Type),
}

fn find(v: Value, name: Value) -> Found {
    let t = obj::type_of(v);
    class::mro_find(t, |x| {
        if x.is_heap() {
            obj::dict::get_str(x.dict, name).map(Found::User)
        } else {
            Some(Found::Builtin(x))
        }
    })
    .unwrap_or(Found::Builtin(&class::OBJECT_TYPE))
}

fn q<const N: usize>(s: &'static Qstr<N>) -> Value {
    Value::qstr(s)
}

fn call1(vm: &mut Vm<'_>, f: Value, v: Value, args: &[Value]) -> PyResult<Value> {
    runtime::call_with_self(vm, f, v, &Args::new(args))
}

/// Append the text of `r` (a str a dunder returned) to `sb`. `r` is rooted while `sb`
/// grows, which may collect. May collect.
fn push_result(vm: &mut Vm<'_>, sb: &mut StrBuf, r: Value) -> PyResult<()> {
    let m = vm.roots_mark();
    vm.push_root(r)?;
    let res = sb.push(vm, obj::str::as_str(r).unwrap_or(""));
    vm.pop_roots(m);
    res
}

fn repr(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf) -> PyResult<()> {
    match find(v, q(&qstr::__repr__)) {
        Found::User(f) => {
            let r = call1(vm, f, v, &[])?;
            if !obj::str::is_str(r) {
                return Err(vm.type_error(format_args!("__repr__ returned non-string (type {})", obj::type_name(r))));
            }
            push_result(vm, sb, r)
        }
        Found::Builtin(t) => match t.slots.repr {
            Some(f) => f(vm, v, sb),
            None => (class::OBJECT_TYPE.slots.repr.unwrap_or(|_, _, _| Ok(())))(vm, v, sb),
        },
    }
}

fn str_slot(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf) -> PyResult<()> {
    match find(v, q(&qstr::__str__)) {
        Found::User(f) => {
            let r = call1(vm, f, v, &[])?;
            if !obj::str::is_str(r) {
                return Err(vm.type_error(format_args!("__str__ returned non-string (type {})", obj::type_name(r))));
            }
            push_result(vm, sb, r)
        }
        Found::Builtin(t) => match t.slots.str {
            Some(f) => f(vm, v, sb),
            None => repr(vm, v, sb),
        },
    }
}

fn hash(vm: &mut Vm<'_>, v: Value) -> PyResult<isize> {
    match find(v, q(&qstr::__hash__)) {
        Found::User(f) => {
            if f == Value::NONE {
                return Err(vm.type_error(format_args!("unhashable type: '{}'", obj::type_name(v))));
            }
            let r = call1(vm, f, v, &[])?;
            if !obj::int::is_int(r) {
                return Err(vm.type_error(format_args!("__hash__ method should return an integer")));
            }
            // CPython uses a __hash__ result that fits Py_ssize_t as is.
            match obj::int::to_i64(r) {
                Some(h) if h >= isize::MIN as i64 && h <= isize::MAX as i64 => {
                    Ok(if h == -1 { -2 } else { h as isize })
                }
                _ => Ok(obj::int::hash_int(r)),
            }
        }
        Found::Builtin(t) => {
            if t.flags & super::flags::UNHASHABLE != 0 {
                return Err(vm.type_error(format_args!("unhashable type: '{}'", obj::type_name(v))));
            }
            match t.slots.hash {
                Some(f) => f(vm, v),
                None => Ok(runtime::id_hash(v)),
            }
        }
    }
}

fn cmp_name(op: CmpOp) -> Value {
    match op {
        CmpOp::Lt => q(&qstr::__lt__),
        CmpOp::Le => q(&qstr::__le__),
        CmpOp::Eq => q(&qstr::__eq__),
        CmpOp::Ne => q(&qstr::__ne__),
        CmpOp::Gt => q(&qstr::__gt__),
        _ => q(&qstr::__ge__),
    }
}

fn richcmp(vm: &mut Vm<'_>, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
    match find(a, cmp_name(op)) {
        Found::User(f) => call1(vm, f, a, &[b]),
        Found::Builtin(t) => {
            if op == CmpOp::Ne {
                // Default __ne__ inverts a user __eq__.
                if let Found::User(f) = find(a, q(&qstr::__eq__)) {
                    let r = call1(vm, f, a, &[b])?;
                    if r == Value::NOT_IMPLEMENTED {
                        return Ok(r);
                    }
                    return Ok(Value::bool(!runtime::truthy(vm, r)?));
                }
            }
            match t.slots.richcmp {
                Some(f) => f(vm, a, b, op),
                None => Ok(Value::NOT_IMPLEMENTED),
            }
        }
    }
}

fn truth(vm: &mut Vm<'_>, v: Value) -> PyResult<bool> {
    match find(v, q(&qstr::__bool__)) {
        Found::User(f) => {
            let r = call1(vm, f, v, &[])?;
            match r {
                Value::TRUE => Ok(true),
                Value::FALSE => Ok(false),
                _ => Err(vm.type_error(format_args!("__bool__ should return bool, returned {}", obj::type_name(r)))),
            }
        }
        Found::Builtin(t) => {
            if let Found::User(f) = find(v, q(&qstr::__len__)) {
                let r = call1(vm, f, v, &[])?;
                return Ok(len_result(vm, r)? != 0);
            }
            match (t.slots.truth, t.slots.len) {
                (Some(f), _) => f(vm, v),
                (None, Some(l)) => Ok(l(vm, v)? != 0),
                _ => Ok(true),
            }
        }
    }
}

fn len_result(vm: &mut Vm<'_>, r: Value) -> PyResult<usize> {
    if !obj::int::is_int(r) {
        return Err(vm.type_error(format_args!("'{}' object cannot be interpreted as an integer", obj::type_name(r))));
    }
    let Some(i) = obj::int::to_i64(r) else {
        // Past the index range: negative is the ValueError below, positive an overflow.
        if crate::runtime::is_negative(r) {
            return Err(vm.value_error(format_args!("__len__() should return >= 0")));
        }
        return Err(vm.raise_msg(&obj::exception::OVERFLOW_ERROR_TYPE, "cannot fit 'int' into an index-sized integer"));
    };
    if i < 0 {
        return Err(vm.value_error(format_args!("__len__() should return >= 0")));
    }
    Ok(i as usize)
}

fn len(vm: &mut Vm<'_>, v: Value) -> PyResult<usize> {
    match find(v, q(&qstr::__len__)) {
        Found::User(f) => {
            let r = call1(vm, f, v, &[])?;
            len_result(vm, r)
        }
        Found::Builtin(t) => match t.slots.len {
            Some(f) => f(vm, v),
            None => Err(vm.type_error(format_args!("object of type '{}' has no len()", obj::type_name(v)))),
        },
    }
}

fn getitem(vm: &mut Vm<'_>, v: Value, k: Value) -> PyResult<Value> {
    match find(v, q(&qstr::__getitem__)) {
        Found::User(f) => call1(vm, f, v, &[k]),
        Found::Builtin(t) => match t.slots.getitem {
            Some(f) => f(vm, v, k),
            None => Err(vm.type_error(format_args!("'{}' object is not subscriptable", obj::type_name(v)))),
        },
    }
}

fn setitem(vm: &mut Vm<'_>, v: Value, k: Value, x: Value) -> PyResult<()> {
    let name = if x.is_null() { q(&qstr::__delitem__) } else { q(&qstr::__setitem__) };
    match find(v, name) {
        Found::User(f) => {
            if x.is_null() {
                call1(vm, f, v, &[k])?;
            } else {
                call1(vm, f, v, &[k, x])?;
            }
            Ok(())
        }
        Found::Builtin(t) => match t.slots.setitem {
            Some(f) => f(vm, v, k, x),
            None => {
                if x.is_null() {
                    Err(vm.type_error(format_args!("'{}' object doesn't support item deletion", obj::type_name(v))))
                } else {
                    Err(vm.type_error(format_args!("'{}' object does not support item assignment", obj::type_name(v))))
                }
            }
        },
    }
}

fn contains(vm: &mut Vm<'_>, v: Value, x: Value) -> PyResult<bool> {
    match find(v, q(&qstr::__contains__)) {
        Found::User(f) => {
            let r = call1(vm, f, v, &[x])?;
            runtime::truthy(vm, r)
        }
        Found::Builtin(t) => match t.slots.contains {
            Some(f) => f(vm, v, x),
            None => {
                // Neither __iter__ nor __getitem__ anywhere: CPython's message for `in`.
                let iterable = t.slots.iter.is_some()
                    || matches!(find(v, q(&qstr::__iter__)), Found::User(_))
                    || matches!(find(v, q(&qstr::__getitem__)), Found::User(_));
                if !iterable {
                    return Err(vm.type_error(format_args!("argument of type '{}' is not iterable", obj::type_name(v))));
                }
                runtime::contains_by_iter(vm, v, x)
            }
        },
    }
}

fn iter(vm: &mut Vm<'_>, v: Value) -> PyResult<Value> {
    match find(v, q(&qstr::__iter__)) {
        Found::User(f) => {
            let r = call1(vm, f, v, &[])?;
            if !runtime::is_iterator(r) {
                return Err(vm.type_error(format_args!("iter() returned non-iterator of type '{}'", obj::type_name(r))));
            }
            Ok(r)
        }
        Found::Builtin(t) => match t.slots.iter {
            Some(f) => f(vm, v),
            None => {
                if let Found::User(_) = find(v, q(&qstr::__getitem__)) {
                    return obj::iter::new_getitem_iter(vm, v);
                }
                Err(vm.type_error(format_args!("'{}' object is not iterable", obj::type_name(v))))
            }
        },
    }
}

/// Call the Python `__next__` of `v`'s class, letting its StopIteration propagate as raised
/// (with its value); `None` if the class has no Python `__next__`. May collect.
pub fn call_user_next(vm: &mut Vm<'_>, v: Value) -> Option<PyResult<Value>> {
    if !obj::type_of(v).is_heap() {
        return None;
    }
    match find(v, q(&qstr::__next__)) {
        Found::User(f) => Some(call1(vm, f, v, &[])),
        Found::Builtin(_) => None,
    }
}

fn next(vm: &mut Vm<'_>, v: Value) -> PyResult<Option<Value>> {
    match find(v, q(&qstr::__next__)) {
        Found::User(f) => match call1(vm, f, v, &[]) {
            Ok(r) => Ok(Some(r)),
            Err(e) => {
                if vm.pending_is(&obj::exception::STOP_ITERATION_TYPE) {
                    vm.take_pending();
                    Ok(None)
                } else {
                    Err(e)
                }
            }
        },
        Found::Builtin(t) => match t.slots.next {
            Some(f) => f(vm, v),
            None => Err(vm.type_error(format_args!("'{}' object is not an iterator", obj::type_name(v)))),
        },
    }
}

fn call(vm: &mut Vm<'_>, v: Value, args: &Args<'_>) -> PyResult<Value> {
    match find(v, q(&qstr::__call__)) {
        Found::User(f) => runtime::call_with_self(vm, f, v, args),
        Found::Builtin(t) => match t.slots.call {
            Some(f) => f(vm, v, args),
            None => Err(vm.type_error(format_args!("'{}' object is not callable", obj::type_name(v)))),
        },
    }
}

fn getattr(vm: &mut Vm<'_>, v: Value, name: Value) -> PyResult<Value> {
    let t = class::static_base(obj::type_of(v));
    match t.slots.getattr {
        Some(f) => f(vm, v, name),
        None => Ok(Value::NULL),
    }
}

fn setattr(vm: &mut Vm<'_>, v: Value, name: Value, x: Value) -> PyResult<bool> {
    let hook = if x.is_null() { find(v, q(&Q_DELATTR)) } else { find(v, q(&qstr::__setattr__)) };
    if let Found::User(f) = hook {
        if x.is_null() {
            call1(vm, f, v, &[name])?;
        } else {
            call1(vm, f, v, &[name, x])?;
        }
        return Ok(true);
    }
    runtime::generic_setattr(vm, v, name, x)?;
    Ok(true)
}

crate::static_qstr!(Q_DELATTR, "__delattr__");
crate::static_qstr!(Q_RLSHIFT, "__rlshift__");
crate::static_qstr!(Q_RRSHIFT, "__rrshift__");
crate::static_qstr!(Q_RAND, "__rand__");
crate::static_qstr!(Q_ROR, "__ror__");
crate::static_qstr!(Q_RXOR, "__rxor__");
crate::static_qstr!(Q_RMATMUL, "__rmatmul__");
crate::static_qstr!(Q_ITRUEDIV, "__itruediv__");
crate::static_qstr!(Q_IFLOORDIV, "__ifloordiv__");
crate::static_qstr!(Q_IMOD, "__imod__");
crate::static_qstr!(Q_IPOW, "__ipow__");
crate::static_qstr!(Q_ILSHIFT, "__ilshift__");
crate::static_qstr!(Q_IRSHIFT, "__irshift__");
crate::static_qstr!(Q_IAND, "__iand__");
crate::static_qstr!(Q_IOR, "__ior__");
crate::static_qstr!(Q_IXOR, "__ixor__");
crate::static_qstr!(Q_IMATMUL, "__imatmul__");

/// (forward, reflected, in-place) dunder names of a binary operator.
pub fn binop_names(op: BinOp) -> (Value, Value, Value) {
    match op.base() {
        BinOp::Add => (q(&qstr::__add__), q(&qstr::__radd__), q(&qstr::__iadd__)),
        BinOp::Sub => (q(&qstr::__sub__), q(&qstr::__rsub__), q(&qstr::__isub__)),
        BinOp::Mul => (q(&qstr::__mul__), q(&qstr::__rmul__), q(&qstr::__imul__)),
        BinOp::TrueDiv => (q(&qstr::__truediv__), q(&qstr::__rtruediv__), q(&Q_ITRUEDIV)),
        BinOp::FloorDiv => (q(&qstr::__floordiv__), q(&qstr::__rfloordiv__), q(&Q_IFLOORDIV)),
        BinOp::Mod => (q(&qstr::__mod__), q(&qstr::__rmod__), q(&Q_IMOD)),
        BinOp::Pow => (q(&qstr::__pow__), q(&qstr::__rpow__), q(&Q_IPOW)),
        BinOp::LShift => (q(&qstr::__lshift__), q(&Q_RLSHIFT), q(&Q_ILSHIFT)),
        BinOp::RShift => (q(&qstr::__rshift__), q(&Q_RRSHIFT), q(&Q_IRSHIFT)),
        BinOp::And => (q(&qstr::__and__), q(&Q_RAND), q(&Q_IAND)),
        BinOp::Or => (q(&qstr::__or__), q(&Q_ROR), q(&Q_IOR)),
        BinOp::Xor => (q(&qstr::__xor__), q(&Q_RXOR), q(&Q_IXOR)),
        _ => (q(&qstr::__matmul__), q(&Q_RMATMUL), q(&Q_IMATMUL)),
    }
}

fn binop(vm: &mut Vm<'_>, op: BinOp, a: Value, b: Value, reflected: bool) -> PyResult<Value> {
    let (fwd, rev, inp) = binop_names(op);
    let me = if reflected { b } else { a };
    let other = if reflected { a } else { b };
    if op.is_inplace() && !reflected {
        if let Found::User(f) = find(me, inp) {
            let r = call1(vm, f, me, &[other])?;
            if r != Value::NOT_IMPLEMENTED {
                return Ok(r);
            }
        }
    }
    let name = if reflected { rev } else { fwd };
    match find(me, name) {
        Found::User(f) => call1(vm, f, me, &[other]),
        Found::Builtin(t) => match t.slots.binop {
            Some(f) => f(vm, op, a, b, reflected),
            None => Ok(Value::NOT_IMPLEMENTED),
        },
    }
}

fn unop(vm: &mut Vm<'_>, op: UnaryOp, v: Value) -> PyResult<Value> {
    let name = match op {
        UnaryOp::Neg => q(&qstr::__neg__),
        UnaryOp::Pos => q(&qstr::__pos__),
        UnaryOp::Invert => q(&qstr::__invert__),
        UnaryOp::Not => return Ok(Value::NOT_IMPLEMENTED),
    };
    match find(v, name) {
        Found::User(f) => call1(vm, f, v, &[]),
        Found::Builtin(t) => match t.slots.unop {
            Some(f) => f(vm, op, v),
            None => Ok(Value::NOT_IMPLEMENTED),
        },
    }
}

/// Slots of every heap class.
pub static USER_SLOTS: Slots = Slots {
    trace: Some(user_trace),
    repr: Some(repr),
    str: Some(str_slot),
    hash: Some(hash),
    richcmp: Some(richcmp),
    truth: Some(truth),
    len: Some(len),
    getitem: Some(getitem),
    setitem: Some(setitem),
    contains: Some(contains),
    iter: Some(iter),
    next: Some(next),
    call: Some(call),
    getattr: Some(getattr),
    setattr: Some(setattr),
    binop: Some(binop),
    unop: Some(unop),
    new: None,
    buffer: None,
};
