//! The lookup cache: what a `LOAD_GLOBAL`, `LOAD_ATTR` or `LOAD_METHOD` instruction found last
//! time, so the next run of that instruction verifies instead of searching (MicroPython's
//! `MICROPY_OPT_MAP_LOOKUP_CACHE`, extended to builtins and attributes).
//!
//! Bytecode and constants are in flash and never written, so the cache lives in the `Vm`
//! value: [`N`] entries, two-way (an instruction's slot, found by a hash of its address, and
//! the neighbouring slot), keyed by the instruction's address (that of its first operand
//! byte, unique among the images and heap code objects alive).
//!
//! ```text
//!  Entry  site usize | guard usize | value Value | data u32 | kind u8
//!  kind   GLOBAL    data = entry index in the globals dict (a hint)
//!         BUILTIN   guard = the globals' frozen key table, data = the name's position in
//!                   it (NO_KEY: absent), value = the builtin
//!         INST_ATTR guard = the instance's type, data = the name's index in its keys table
//!         METHOD    guard = the object's type, value = the class attribute (a plain function
//!                   or built-in method), data = the type's keys-table length (heap classes)
//!         STORE     guard = the instance's type, data = the name's index in its keys table
//! ```
//!
//! Every hit is verified, so mutation behind the cache's back is seen:
//! - GLOBAL: the dict's entry `data` must still hold the name (the same qstr word) and a
//!   value; a rebinding writes that entry in place, a deletion or a resize fails the check.
//! - BUILTIN: the globals must still be the split table over the same frozen keys (any
//!   name outside those keys converts the dict to an ordinary table first) with the name's
//!   own slot, if it has one, unbound: then the name is not a global and the builtin (flash,
//!   immutable; `builtins` is not patched into name lookup) is the answer.
//! - INST_ATTR and METHOD depend on every class dict on the type's MRO. A write to any
//!   class namespace (its dict is flagged, `obj::dict::mark_class_ns`: `C.x = v`,
//!   `C.__dict__[k] = v`, `del C.x`) clears those entries, so they record only the MRO
//!   as it is now. INST_ATTR re-reads the instance's value slot (NULL: absent or deleted,
//!   dict mode: no hit). METHOD holds for an instance that has no attribute of that name:
//!   its keys table has not grown since (the name was not in it), and it is not in dict mode.
//!   STORE (no class attribute of that name, no `__setattr__` on the MRO) writes the value
//!   slot in place when the instance has that attribute already, or when no later key has a
//!   value and the buffer has room (what `instance::set` would do); anything else (a fresh
//!   instance, dict mode) takes the general path.
//!
//! Types, functions and heap code are only freed by a collection, which clears the cache
//! ([`Cache::clear`] from `Vm::collect`), as does adding an image; so no entry outlives what
//! its words point at, and none is ever dereferenced without its check.

use crate::obj::builtin::Binding;
use crate::obj::class::{self, Found};
use crate::obj::{self, dict, instance, Builtin, Kind, Type};
use crate::value::Value;
use crate::vm::Vm;

/// Entries (a power of two; 0 without the `lookup-cache` feature: every lookup searches).
pub(crate) const N: usize = if cfg!(feature = "lookup-cache") { 64 } else { 0 };

/// An empty entry.
const EMPTY: u8 = 0;
/// A global found in the globals dict at entry index `data`.
pub(crate) const GLOBAL: u8 = 1;
/// A builtin, with the globals split over frozen keys that leave the name unbound.
pub(crate) const BUILTIN: u8 = 2;
/// An instance attribute stored at key index `data` of its class's keys table.
pub(crate) const INST_ATTR: u8 = 3;
/// A class attribute the instance does not shadow (for `LOAD_METHOD`).
pub(crate) const METHOD: u8 = 4;
/// A `STORE_ATTR` into key index `data` of the instance's values (no class attribute, no
/// `__setattr__`).
pub(crate) const STORE: u8 = 5;

/// `data` of a BUILTIN entry whose name is not among the frozen keys.
pub(crate) const NO_KEY: u32 = u32::MAX;

/// One cached lookup (see the module documentation).
#[derive(Clone, Copy)]
pub(crate) struct Entry {
    pub(crate) site: usize,
    pub(crate) guard: usize,
    pub(crate) value: Value,
    pub(crate) data: u32,
    pub(crate) kind: u8,
}

impl Entry {
    const NONE: Entry = Entry { site: 0, guard: 0, value: Value::NULL, data: 0, kind: EMPTY };
}

/// The cache (in the `Vm` value).
pub(crate) struct Cache {
    entries: [Entry; N],
}

impl Cache {
    pub(crate) const fn new() -> Cache {
        Cache { entries: [Entry::NONE; N] }
    }

    /// The first slot of instruction `site`; its second is the neighbour `slot ^ 1`.
    #[inline(always)]
    fn slot(site: usize) -> usize {
        // Fibonacci hashing of the address; neighbouring instructions land apart.
        (site.wrapping_mul(0x9E37_79B9) >> 8) & N.saturating_sub(1)
    }

    /// The entry for instruction `site` that `ok` accepts (the cache is two-way: a site's
    /// entries sit in its slot and the neighbour, so a site seeing two types, or two sites
    /// sharing a slot, both stay cached).
    #[inline(always)]
    fn hit(&self, site: usize, ok: impl Fn(&Entry) -> bool) -> Option<Entry> {
        if N == 0 {
            return None;
        }
        let s = Self::slot(site);
        let e = self.entries[s];
        if e.site == site && ok(&e) {
            return Some(e);
        }
        let e = self.entries[s ^ 1];
        (e.site == site && ok(&e)).then_some(e)
    }

    /// Record `e` in its site's first slot, moving what was there to the second.
    #[inline(always)]
    fn put(&mut self, e: Entry) {
        if N == 0 {
            return;
        }
        let s = Self::slot(e.site);
        self.entries[s ^ 1] = self.entries[s];
        self.entries[s] = e;
    }

    /// Forget everything (a collection, a new image).
    pub(crate) fn clear(&mut self) {
        self.entries = [Entry::NONE; N];
    }

    /// Forget the entries that depend on class namespaces (a class dict was written).
    pub(crate) fn clear_attrs(&mut self) {
        for e in self.entries.iter_mut() {
            if e.kind >= INST_ATTR {
                *e = Entry::NONE;
            }
        }
    }
}

/// May attribute lookups on instances of `t` be cached? Types whose lookup runs Python code
/// first (`__getattribute__`) or has its own rules (classes, `super`) are not.
#[inline(always)]
pub(crate) fn cacheable_type(t: &Type) -> bool {
    t.kind != Kind::Type && t.kind != Kind::Super && t.flags & obj::flags::GETATTRIBUTE == 0
}

/// The address of `o`'s type (what a type guard holds).
#[inline(always)]
fn type_addr(t: &Type) -> usize {
    t as *const Type as usize
}

/// `LOAD_GLOBAL` (and `LOAD_NAME` without a locals mapping) at instruction `site`: `name` in
/// `globals`, else in the builtins; `None` if neither has it. Never allocates.
#[inline(always)]
pub(crate) fn global(vm: &mut Vm<'_>, site: usize, globals: Value, name: Value) -> Option<Value> {
    if let Some(e) = vm.lookup.hit(site, |_| true) {
        match e.kind {
            GLOBAL => {
                if let Some(v) = dict::get_at(globals, e.data as usize, name) {
                    return Some(v);
                }
            }
            BUILTIN => {
                let pos = (e.data != NO_KEY).then_some(e.data as usize);
                if dict::split_unbound(globals, e.guard, pos) {
                    return Some(e.value);
                }
            }
            _ => {}
        }
    }
    global_miss(vm, site, globals, name)
}

/// [`global`] when the cache cannot answer: search, and record what was found.
#[inline(never)]
fn global_miss(vm: &mut Vm<'_>, site: usize, globals: Value, name: Value) -> Option<Value> {
    if let Some((ix, v)) = dict::get_str_at(globals, name) {
        vm.lookup.put(Entry { site, guard: 0, value: Value::NULL, data: ix as u32, kind: GLOBAL });
        return Some(v);
    }
    let v = crate::builtins::lookup(name)?;
    if let Some((keys, pos)) = dict::split_guard(globals, name) {
        let data = pos.map(|p| p as u32).unwrap_or(NO_KEY);
        // Builtins are flash objects or immediates: the value word stays valid.
        vm.lookup.put(Entry { site, guard: keys, value: v, data, kind: BUILTIN });
    }
    Some(v)
}

/// `LOAD_ATTR` at instruction `site` when `o.name` is an attribute stored on the instance
/// `o` itself and its class has no attribute of that name; `None`: take the general path
/// (`runtime::get_attr`). Never allocates, runs no Python code.
#[inline(always)]
pub(crate) fn attr(vm: &mut Vm<'_>, site: usize, o: Value, name: Value) -> Option<Value> {
    let t = type_addr(obj::type_of(o));
    if let Some(e) = vm.lookup.hit(site, |e| e.kind == INST_ATTR && e.guard == t) {
        let v = instance::shared_value(o, e.data as usize);
        if !v.is_null() {
            return Some(v);
        }
    }
    attr_miss(vm, site, o, name)
}

/// [`attr`] when the cache cannot answer.
#[inline(never)]
fn attr_miss(vm: &mut Vm<'_>, site: usize, o: Value, name: Value) -> Option<Value> {
    if N == 0 {
        return None;
    }
    let t = obj::type_of(o);
    if !(t.is_heap() && t.kind == Kind::Object && cacheable_type(t)) {
        return None;
    }
    let ix = instance::key_index(t, name)?;
    let v = instance::shared_value(o, ix);
    // The class must not have the name at all: a data descriptor would win, a plain class
    // attribute would be shadowed only while the instance has the value (and `__dict__` is
    // the instance's dict, whatever its keys say).
    if v.is_null() || class::find(t, name, Value::NULL).is_some() || obj::str::as_str(name) == Some("__dict__") {
        return None;
    }
    vm.lookup.put(Entry { site, guard: type_addr(t), value: Value::NULL, data: ix as u32, kind: INST_ATTR });
    Some(v)
}

/// `LOAD_METHOD` at instruction `site`: the plain function or built-in method `name` of
/// `o`'s class when `o` has no attribute of that name (the call then passes `o` as `self`);
/// `None`: take the general path (`runtime::load_method`). Never allocates.
#[inline(always)]
pub(crate) fn method(vm: &mut Vm<'_>, site: usize, o: Value, name: Value) -> Option<Value> {
    let t = obj::type_of(o);
    if let Some(e) = vm.lookup.hit(site, |e| e.kind == METHOD && e.guard == type_addr(t)) {
        if unshadowed(t, o, e.data as usize) {
            return Some(e.value);
        }
    }
    method_miss(vm, site, o, name)
}

/// May `o` (of type `t`) still lack an own attribute named like the method? For a heap class,
/// the name was not in its keys table of `nkeys` names (append-only) and `o` keeps its
/// attributes in that table; instances of built-in types (not exceptions) have none.
#[inline(always)]
fn unshadowed(t: &Type, o: Value, nkeys: usize) -> bool {
    !t.is_heap() || (instance::is_shared(o) && class::instance_keys(t).len() == nkeys)
}

/// [`method`] when the cache cannot answer.
#[inline(never)]
fn method_miss(vm: &mut Vm<'_>, site: usize, o: Value, name: Value) -> Option<Value> {
    if N == 0 {
        return None;
    }
    let t = obj::type_of(o);
    if !cacheable_type(t) {
        return None;
    }
    let nkeys = if t.is_heap() {
        if t.kind != Kind::Object || !instance::is_shared(o) || instance::key_index(t, name).is_some() {
            return None;
        }
        class::instance_keys(t).len()
    } else {
        if t.kind == Kind::Exception {
            return None;
        }
        0
    };
    let Some(Found::Attr(a)) = class::find(t, name, Value::NULL) else { return None };
    let plain = match obj::downcast::<Builtin>(a) {
        Some(b) => b.binding == Binding::Method,
        None => obj::type_of(a).kind == Kind::Function,
    };
    if !plain {
        return None;
    }
    vm.lookup.put(Entry { site, guard: type_addr(t), value: a, data: nkeys as u32, kind: METHOD });
    Some(a)
}

/// `STORE_ATTR` at instruction `site`: `o.name = v` written straight into `o`'s values when
/// the cache knows that is what `runtime::set_attr` would do; false: take the general path
/// (then call [`store_filled`]). Never allocates.
#[inline(always)]
pub(crate) fn store(vm: &mut Vm<'_>, site: usize, o: Value, v: Value) -> bool {
    let t = type_addr(obj::type_of(o));
    match vm.lookup.hit(site, |e| e.kind == STORE && e.guard == t) {
        Some(e) => instance::store_shared(o, e.data as usize, v),
        None => false,
    }
}

/// After `o.name = v` took the general path at `site`: record a STORE entry if the next
/// store there may write the instance's values directly (see the module documentation).
#[inline(never)]
pub(crate) fn store_filled(vm: &mut Vm<'_>, site: usize, o: Value, name: Value) {
    if N == 0 {
        return;
    }
    let t = obj::type_of(o);
    if !(t.is_heap() && t.kind == Kind::Object && cacheable_type(t) && t.flags & obj::flags::NO_DICT == 0) {
        return;
    }
    let Some(ix) = instance::key_index(t, name) else { return };
    let setattr = Value::qstr(&crate::qstr::__setattr__);
    let hook =
        class::mro_find(t, |x| if x.is_heap() { dict::get_str(x.dict, setattr).map(|_| true) } else { Some(false) });
    if hook == Some(true) || class::find(t, name, Value::NULL).is_some() || obj::str::as_str(name) == Some("__dict__") {
        return;
    }
    vm.lookup.put(Entry { site, guard: type_addr(t), value: Value::NULL, data: ix as u32, kind: STORE });
}
