//! `set` and `frozenset`: open addressing exactly like CPython's `setobject.c`, so that
//! iteration order (e.g. `print({3, 1, 2})` -> `{1, 2, 3}`) matches CPython.
//!
//! ```text
//!  SetObj  ObjHeader | fill usize (active + dummy) | used usize (active) | finger usize | table *mut u8
//!  table   mask usize | entries [hash usize, key Value; mask + 1]
//!  entry   key NULL, hash 0: unused; key NULL, hash usize::MAX: dummy (deleted)
//! ```
//! Linear probing of 9 entries, then CPython's perturbation; the table grows when
//! `fill * 5 >= mask * 3`. A set with no table behaves as CPython's empty 8-slot smalltable.

use core::cell::Cell;

use frostbyte_format::{BinOp, CmpOp};

use super::{flags, Args, Builtin, Kind, Layout, Slots, Type};
use crate::heap::Tracer;
use crate::obj::{self, exception as exc, str::StrBuf};
use crate::qstr;
use crate::rom::ObjHeader;
use crate::runtime;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Set layout.
#[repr(C)]
pub struct SetObj {
    hdr: ObjHeader,
    fill: Cell<usize>,
    used: Cell<usize>,
    /// Where `pop()` starts looking (CPython's `so->finger`: kept across resizes and clears).
    finger: Cell<usize>,
    table: Cell<*mut u8>,
}

// SAFETY: repr(C), starts with ObjHeader; set and frozenset have kind Set.
unsafe impl Layout for SetObj {
    const KIND: Kind = Kind::Set;
}

const MINSIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const DUMMY_HASH: usize = usize::MAX;

#[derive(Clone, Copy)]
struct Table(*mut u8);

impl Table {
    fn mask(self) -> usize {
        if self.0.is_null() {
            MINSIZE - 1
        } else {
            // SAFETY: first header word.
            unsafe { *(self.0 as *const usize) }
        }
    }
    fn e(self, i: usize) -> *mut usize {
        // SAFETY: callers pass i <= mask.
        unsafe { (self.0 as *mut usize).add(1 + 2 * i) }
    }
    fn hash(self, i: usize) -> usize {
        if self.0.is_null() {
            return 0;
        }
        // SAFETY: i <= mask.
        unsafe { *self.e(i) }
    }
    fn key(self, i: usize) -> Value {
        if self.0.is_null() {
            return Value::NULL;
        }
        // SAFETY: i <= mask.
        unsafe { *(self.e(i).add(1) as *const Value) }
    }
    fn set(self, i: usize, h: usize, k: Value) {
        if self.0.is_null() {
            return;
        }
        // SAFETY: i <= mask.
        unsafe {
            *self.e(i) = h;
            *(self.e(i).add(1) as *mut Value) = k;
        }
    }
}

impl SetObj {
    fn t(&self) -> Table {
        Table(self.table.get())
    }
    /// Number of elements.
    pub fn len(&self) -> usize {
        self.used.get()
    }
    /// Is the set empty?
    pub fn is_empty(&self) -> bool {
        self.used.get() == 0
    }
    /// Table slot `i` (None past the end; NULL for empty slots).
    pub fn slot(&self, i: usize) -> Option<Value> {
        let t = self.t();
        if t.0.is_null() || i > t.mask() {
            return None;
        }
        Some(t.key(i))
    }
}

/// Borrow a set or frozenset.
pub fn as_set(v: Value) -> Option<&'static SetObj> {
    obj::downcast::<SetObj>(v)
}

/// Is `v` a frozenset?
pub fn is_frozen(v: Value) -> bool {
    obj::type_of(v).is_subtype(&FROZENSET_TYPE)
}

/// A new empty set (or frozenset). May collect.
pub fn new(vm: &mut Vm<'_>, frozen: bool) -> PyResult<Value> {
    let ty: &'static Type = if frozen { &FROZENSET_TYPE } else { &SET_TYPE };
    vm.alloc_obj(ty, core::mem::size_of::<SetObj>())
}

fn trace(v: Value, tr: &mut Tracer<'_>) {
    let Some(s) = as_set(v) else { return };
    let t = s.t();
    if t.0.is_null() {
        return;
    }
    tr.mark_buffer(t.0);
    for i in 0..=t.mask() {
        tr.mark(t.key(i));
    }
}

fn alloc_table(vm: &mut Vm<'_>, size: usize) -> PyResult<Table> {
    let p = vm.alloc_raw((1 + 2 * size) * core::mem::size_of::<usize>())?;
    // SAFETY: fresh buffer with room for the header.
    unsafe { *(p as *mut usize) = size - 1 };
    Ok(Table(p))
}

fn insert_clean(t: Table, h: usize, k: Value) {
    let mask = t.mask();
    let mut perturb = h;
    let mut i = h & mask;
    loop {
        if t.key(i).is_null() {
            t.set(i, h, k);
            return;
        }
        if i + LINEAR_PROBES <= mask {
            for j in 1..=LINEAR_PROBES {
                if t.key(i + j).is_null() {
                    t.set(i + j, h, k);
                    return;
                }
            }
        }
        perturb >>= 5;
        i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
    }
}

fn resize(vm: &mut Vm<'_>, s: Value, minused: usize) -> PyResult<()> {
    let mut size = MINSIZE;
    while size <= minused {
        size <<= 1;
    }
    let nt = alloc_table(vm, size)?;
    let Some(so) = as_set(s) else { return Ok(()) };
    let old = so.t();
    if !old.0.is_null() {
        for i in 0..=old.mask() {
            let k = old.key(i);
            if !k.is_null() {
                insert_clean(nt, old.hash(i), k);
            }
        }
    }
    so.table.set(nt.0);
    so.fill.set(so.used.get());
    if !old.0.is_null() {
        vm.free(old.0);
    }
    Ok(())
}

enum Probe {
    Found(usize),
    Missing(usize, Option<usize>),
}

fn probe(vm: &mut Vm<'_>, s: Value, k: Value, h: usize) -> PyResult<Probe> {
    'restart: loop {
        let Some(so) = as_set(s) else {
            return Ok(Probe::Missing(0, None));
        };
        let t = so.t();
        if t.0.is_null() {
            return Ok(Probe::Missing(h & (MINSIZE - 1), None));
        }
        let mask = t.mask();
        let mut perturb = h;
        let mut i = h & mask;
        let mut free = None;
        loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for j in 0..=probes {
                let x = i + j;
                let ek = t.key(x);
                let eh = t.hash(x);
                if ek.is_null() && eh == 0 {
                    return Ok(Probe::Missing(x, free));
                }
                if eh == h && !ek.is_null() {
                    if ek == k {
                        return Ok(Probe::Found(x));
                    }
                    if runtime::is_simple(ek) && runtime::is_simple(k) {
                        if runtime::simple_eq(ek, k) {
                            return Ok(Probe::Found(x));
                        }
                    } else {
                        let m = vm.roots_mark();
                        vm.push_root(ek)?;
                        let r = runtime::eq(vm, ek, k);
                        vm.pop_roots(m);
                        let same = r?;
                        let still = as_set(s).map(|o| o.table.get() == t.0).unwrap_or(false) && t.key(x) == ek;
                        if !still {
                            continue 'restart;
                        }
                        if same {
                            return Ok(Probe::Found(x));
                        }
                    }
                } else if ek.is_null() && eh == DUMMY_HASH {
                    // CPython's set_add_entry reuses the last deleted slot on the probe path.
                    free = Some(x);
                }
            }
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
        }
    }
}

/// Hash of a set element. May run Python code.
fn elem_hash(vm: &mut Vm<'_>, k: Value) -> PyResult<usize> {
    obj::dict::key_hash(vm, k)
}

/// `s.add(k)` (`s`, `k` rooted). May collect.
pub fn add(vm: &mut Vm<'_>, s: Value, k: Value) -> PyResult<()> {
    let h = elem_hash(vm, k)?;
    add_hashed(vm, s, k, h)
}

fn add_hashed(vm: &mut Vm<'_>, s: Value, k: Value, h: usize) -> PyResult<()> {
    if as_set(s).map(|o| o.table.get().is_null()).unwrap_or(false) {
        let m = vm.roots_mark();
        vm.push_root(k)?;
        let t = alloc_table(vm, MINSIZE);
        vm.pop_roots(m);
        let t = t?;
        if let Some(so) = as_set(s) {
            so.table.set(t.0);
        }
    }
    match probe(vm, s, k, h)? {
        Probe::Found(_) => Ok(()),
        Probe::Missing(x, free) => {
            let Some(so) = as_set(s) else { return Ok(()) };
            let t = so.t();
            if let Some(f) = free {
                so.used.set(so.used.get() + 1);
                t.set(f, h, k);
                return Ok(());
            }
            so.fill.set(so.fill.get() + 1);
            so.used.set(so.used.get() + 1);
            t.set(x, h, k);
            if so.fill.get() * 5 < t.mask() * 3 {
                return Ok(());
            }
            let u = so.used.get();
            resize(vm, s, if u > 50000 { u * 2 } else { u * 4 })
        }
    }
}

/// Is `k` in the set? May run Python code.
pub fn contains_key(vm: &mut Vm<'_>, s: Value, k: Value) -> PyResult<bool> {
    let h = elem_hash_for_lookup(vm, k)?;
    Ok(matches!(probe(vm, s, k, h)?, Probe::Found(_)))
}

fn elem_hash_for_lookup(vm: &mut Vm<'_>, k: Value) -> PyResult<usize> {
    // `{1} in set_of_frozensets`: a set key is looked up as a frozenset.
    if as_set(k).is_some() && !is_frozen(k) {
        return Ok(frozen_hash(k) as usize);
    }
    elem_hash(vm, k)
}

/// Remove `k`; returns whether it was present. May run Python code.
pub fn discard(vm: &mut Vm<'_>, s: Value, k: Value) -> PyResult<bool> {
    let h = elem_hash_for_lookup(vm, k)?;
    discard_hashed(vm, s, k, h)
}

fn discard_hashed(vm: &mut Vm<'_>, s: Value, k: Value, h: usize) -> PyResult<bool> {
    match probe(vm, s, k, h)? {
        Probe::Found(x) => {
            if let Some(so) = as_set(s) {
                so.t().set(x, DUMMY_HASH, Value::NULL);
                so.used.set(so.used.get() - 1);
            }
            Ok(true)
        }
        Probe::Missing(..) => Ok(false),
    }
}

/// Add every element of `it` (CPython's set_update_internal / set_merge). May collect.
pub fn update(vm: &mut Vm<'_>, s: Value, it: Value) -> PyResult<()> {
    if let Some(other) = as_set(it) {
        let n = other.used.get();
        if n == 0 || s == it {
            return Ok(());
        }
        let so = as_set(s).ok_or_else(|| vm.raise_memory_error())?;
        if (so.fill.get() + n) * 5 >= so.t().mask() * 3 {
            resize(vm, s, (so.used.get() + n) * 2)?;
        }
        let so = as_set(s).ok_or_else(|| vm.raise_memory_error())?;
        let ot = other.t();
        if so.table.get().is_null() {
            let t = alloc_table(vm, MINSIZE)?;
            if let Some(so) = as_set(s) {
                so.table.set(t.0);
            }
        }
        let so = as_set(s).ok_or_else(|| vm.raise_memory_error())?;
        let st = so.t();
        if so.fill.get() == 0 {
            if st.mask() == ot.mask() && other.fill.get() == other.used.get() {
                for i in 0..=ot.mask() {
                    st.set(i, ot.hash(i), ot.key(i));
                }
            } else {
                for i in 0..=ot.mask() {
                    let k = ot.key(i);
                    if !k.is_null() {
                        insert_clean(st, ot.hash(i), k);
                    }
                }
            }
            so.fill.set(n);
            so.used.set(n);
            return Ok(());
        }
        let mut i = 0;
        while let Some(k) = as_set(it).and_then(|o| o.slot(i)) {
            let h = as_set(it).map(|o| o.t().hash(i)).unwrap_or(0);
            i += 1;
            if !k.is_null() {
                add_hashed(vm, s, k, h)?;
            }
        }
        return Ok(());
    }
    if let Some(d) = obj::dict::as_dict(it) {
        let so = as_set(s).ok_or_else(|| vm.raise_memory_error())?;
        let n = d.len();
        if (so.fill.get() + n) * 5 >= so.t().mask() * 3 {
            resize(vm, s, (so.used.get() + n) * 2)?;
        }
        let mut i = 0;
        while let Some((k, _)) = obj::dict::as_dict(it).and_then(|d| d.entry(i)) {
            i += 1;
            if !k.is_null() {
                add(vm, s, k)?;
            }
        }
        return Ok(());
    }
    let m = vm.roots_mark();
    let iter = runtime::get_iter(vm, it)?;
    vm.push_root(iter)?;
    while let Some(k) = runtime::next(vm, iter)? {
        add(vm, s, k)?;
    }
    vm.pop_roots(m);
    Ok(())
}

/// A new set (or frozenset) of the elements of `it`. May collect.
pub fn from_iter(vm: &mut Vm<'_>, it: Value, frozen: bool) -> PyResult<Value> {
    let s = new(vm, frozen)?;
    let m = vm.roots_mark();
    vm.push_root(s)?;
    update(vm, s, it)?;
    vm.pop_roots(m);
    Ok(s)
}

fn shuffle(h: usize) -> usize {
    ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
}

fn frozen_hash(s: Value) -> isize {
    let Some(so) = as_set(s) else { return 0 };
    let t = so.t();
    let mask = t.mask();
    let mut h: usize = 0;
    for i in 0..=mask {
        h ^= shuffle(t.hash(i));
    }
    if (mask + 1 - so.fill.get()) & 1 == 1 {
        h ^= shuffle(0);
    }
    if (so.fill.get() - so.used.get()) & 1 == 1 {
        h ^= shuffle(usize::MAX);
    }
    h ^= (so.used.get() + 1).wrapping_mul(1927868237);
    h ^= (h >> 11) ^ (h >> 25);
    h = h.wrapping_mul(69069).wrapping_add(907133923);
    if h == usize::MAX {
        h = 590923713;
    }
    h as isize
}

fn hash(vm: &mut Vm<'_>, v: Value) -> PyResult<isize> {
    if !is_frozen(v) {
        return Err(vm.type_error(format_args!("unhashable type: 'set'")));
    }
    Ok(frozen_hash(v))
}

fn repr(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf) -> PyResult<()> {
    let frozen = is_frozen(v);
    let n = as_set(v).map(|s| s.len()).unwrap_or(0);
    let heap_sub = obj::type_of(v).is_heap();
    if n == 0 {
        sb.push(vm, obj::type_name(v))?;
        return sb.push(vm, "()");
    }
    if !runtime::repr_enter(vm, v) {
        sb.push(vm, obj::type_name(v))?;
        return sb.push(vm, "(...)");
    }
    let r = (|| {
        if frozen || heap_sub {
            sb.push(vm, obj::type_name(v))?;
            sb.push(vm, "(")?;
        }
        sb.push(vm, "{")?;
        let mut first = true;
        let mut i = 0;
        while let Some(k) = as_set(v).and_then(|s| s.slot(i)) {
            i += 1;
            if k.is_null() {
                continue;
            }
            if !first {
                sb.push(vm, ", ")?;
            }
            first = false;
            runtime::repr_into(vm, k, sb)?;
        }
        sb.push(vm, "}")?;
        if frozen || heap_sub {
            sb.push(vm, ")")?;
        }
        Ok(())
    })();
    runtime::repr_leave(vm);
    r
}

fn len(_vm: &mut Vm<'_>, v: Value) -> PyResult<usize> {
    Ok(as_set(v).map(|s| s.len()).unwrap_or(0))
}

fn contains(vm: &mut Vm<'_>, v: Value, k: Value) -> PyResult<bool> {
    contains_key(vm, v, k)
}

fn iter(vm: &mut Vm<'_>, v: Value) -> PyResult<Value> {
    obj::iter::new_set_iter(vm, v)
}

/// Is every element of `a` in `b`?
fn is_subset(vm: &mut Vm<'_>, a: Value, b: Value) -> PyResult<bool> {
    if as_set(a).map(|s| s.len()).unwrap_or(0) > as_set(b).map(|s| s.len()).unwrap_or(0) {
        return Ok(false);
    }
    let mut i = 0;
    while let Some(k) = as_set(a).and_then(|s| s.slot(i)) {
        i += 1;
        if !k.is_null() && !contains_key(vm, b, k)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn richcmp(vm: &mut Vm<'_>, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (as_set(a), as_set(b)) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let (la, lb) = (x.len(), y.len());
    let r = match op {
        CmpOp::Eq => la == lb && is_subset(vm, a, b)?,
        CmpOp::Ne => !(la == lb && is_subset(vm, a, b)?),
        CmpOp::Le => is_subset(vm, a, b)?,
        CmpOp::Lt => la < lb && is_subset(vm, a, b)?,
        CmpOp::Ge => is_subset(vm, b, a)?,
        CmpOp::Gt => la > lb && is_subset(vm, b, a)?,
        _ => return Ok(Value::NOT_IMPLEMENTED),
    };
    Ok(Value::bool(r))
}

/// Copy of a set keeping its kind (set/frozenset of `like`). May collect.
fn copy_of(vm: &mut Vm<'_>, s: Value, frozen: bool) -> PyResult<Value> {
    from_iter(vm, s, frozen)
}

fn intersection(vm: &mut Vm<'_>, a: Value, b: Value, frozen: bool) -> PyResult<Value> {
    if a == b {
        // CPython's set_intersection copies (which decides the result's layout).
        return copy_of(vm, a, frozen);
    }
    let m = vm.roots_mark();
    let other = b;
    let out = new(vm, frozen)?;
    vm.push_root(out)?;
    if as_set(b).is_none() {
        // Keys of a non-set operand are tested in its iteration order (CPython's
        // set_intersection), which decides the result's layout when hashes collide.
        let it = runtime::get_iter(vm, b)?;
        vm.push_root(it)?;
        while let Some(k) = runtime::next(vm, it)? {
            let km = vm.roots_mark();
            vm.push_root(k)?;
            let h = elem_hash(vm, k)?;
            if matches!(probe(vm, a, k, h)?, Probe::Found(_)) {
                add_hashed(vm, out, k, h)?;
            }
            vm.pop_roots(km);
        }
        vm.pop_roots(m);
        return Ok(out);
    }
    let (mut big, mut small) = (a, other);
    if as_set(small).map(|s| s.len()).unwrap_or(0) > as_set(big).map(|s| s.len()).unwrap_or(0) {
        core::mem::swap(&mut big, &mut small);
    }
    let mut i = 0;
    while let Some(k) = as_set(small).and_then(|s| s.slot(i)) {
        let h = as_set(small).map(|s| s.t().hash(i)).unwrap_or(0);
        i += 1;
        if !k.is_null() && matches!(probe(vm, big, k, h)?, Probe::Found(_)) {
            add_hashed(vm, out, k, h)?;
        }
    }
    vm.pop_roots(m);
    Ok(out)
}

fn difference(vm: &mut Vm<'_>, a: Value, b: Value, frozen: bool) -> PyResult<Value> {
    let m = vm.roots_mark();
    let other = b;
    let na = as_set(a).map(|s| s.len()).unwrap_or(0);
    let nb = match (as_set(b), obj::dict::as_dict(b)) {
        (Some(s), _) => Some(s.len()),
        (None, Some(d)) => Some(d.len()),
        (None, None) => None,
    };
    let out;
    if nb.map(|nb| (na >> 2) > nb).unwrap_or(true) {
        // CPython's set_copy_and_difference.
        out = copy_of(vm, a, frozen)?;
        vm.push_root(out)?;
        difference_update(vm, out, other)?;
    } else {
        out = new(vm, frozen)?;
        vm.push_root(out)?;
        let mut i = 0;
        while let Some(k) = as_set(a).and_then(|s| s.slot(i)) {
            let h = as_set(a).map(|s| s.t().hash(i)).unwrap_or(0);
            i += 1;
            if k.is_null() {
                continue;
            }
            let present = if as_set(other).is_some() {
                matches!(probe(vm, other, k, h)?, Probe::Found(_))
            } else {
                obj::dict::get(vm, other, k)?.is_some()
            };
            if !present {
                add_hashed(vm, out, k, h)?;
            }
        }
    }
    vm.pop_roots(m);
    Ok(out)
}

fn sym_difference(vm: &mut Vm<'_>, a: Value, b: Value, frozen: bool) -> PyResult<Value> {
    let m = vm.roots_mark();
    let out = from_iter(vm, b, frozen)?;
    vm.push_root(out)?;
    symmetric_difference_update(vm, out, a)?;
    vm.pop_roots(m);
    Ok(out)
}

/// Empty `s` (CPython's set_clear_internal).
fn clear(s: Value) {
    if let Some(so) = as_set(s) {
        so.table.set(core::ptr::null_mut());
        so.fill.set(0);
        so.used.set(0);
    }
}

/// `s -= other`, `s.difference_update(other)`: discard in place, then drop the dummies if
/// more than a quarter of the table holds them (CPython's set_difference_update_internal,
/// whose table layout decides the iteration order). `s`, `other` rooted. May run Python code.
fn difference_update(vm: &mut Vm<'_>, s: Value, other: Value) -> PyResult<()> {
    if s == other {
        clear(s);
        return Ok(());
    }
    let m = vm.roots_mark();
    if let Some(o) = as_set(other) {
        let mut src = other;
        if (o.len() >> 3) > as_set(s).map(|x| x.len()).unwrap_or(0) {
            src = intersection(vm, s, other, false)?;
            vm.push_root(src)?;
        }
        let mut i = 0;
        while let Some(k) = as_set(src).and_then(|x| x.slot(i)) {
            let h = as_set(src).map(|x| x.t().hash(i)).unwrap_or(0);
            i += 1;
            if !k.is_null() {
                discard_hashed(vm, s, k, h)?;
            }
        }
    } else {
        let it = runtime::get_iter(vm, other)?;
        vm.push_root(it)?;
        while let Some(k) = runtime::next(vm, it)? {
            let km = vm.roots_mark();
            vm.push_root(k)?;
            let h = elem_hash(vm, k)?;
            discard_hashed(vm, s, k, h)?;
            vm.pop_roots(km);
        }
    }
    vm.pop_roots(m);
    let Some(so) = as_set(s) else { return Ok(()) };
    if so.fill.get() - so.used.get() <= so.t().mask() / 4 {
        return Ok(());
    }
    let u = so.used.get();
    resize(vm, s, if u > 50000 { u * 2 } else { u * 4 })
}

/// Remove `k` (hash `h`) if present, else add it.
fn toggle(vm: &mut Vm<'_>, s: Value, k: Value, h: usize) -> PyResult<()> {
    if !discard_hashed(vm, s, k, h)? {
        add_hashed(vm, s, k, h)?;
    }
    Ok(())
}

/// `s ^= other`, `s.symmetric_difference_update(other)` in place (CPython's
/// set_symmetric_difference_update). `s`, `other` rooted. May run Python code.
fn symmetric_difference_update(vm: &mut Vm<'_>, s: Value, other: Value) -> PyResult<()> {
    if s == other {
        clear(s);
        return Ok(());
    }
    let m = vm.roots_mark();
    if obj::dict::as_dict(other).is_some() {
        let mut i = 0;
        while let Some((k, _)) = obj::dict::as_dict(other).and_then(|d| d.entry(i)) {
            i += 1;
            if !k.is_null() {
                let h = elem_hash(vm, k)?;
                toggle(vm, s, k, h)?;
            }
        }
        return Ok(());
    }
    let src = if as_set(other).is_some() { other } else { from_iter(vm, other, false)? };
    vm.push_root(src)?;
    let mut i = 0;
    while let Some(k) = as_set(src).and_then(|x| x.slot(i)) {
        let h = as_set(src).map(|x| x.t().hash(i)).unwrap_or(0);
        i += 1;
        if !k.is_null() {
            toggle(vm, s, k, h)?;
        }
    }
    vm.pop_roots(m);
    Ok(())
}

fn union(vm: &mut Vm<'_>, a: Value, b: Value, frozen: bool) -> PyResult<Value> {
    let m = vm.roots_mark();
    let out = copy_of(vm, a, frozen)?;
    if a == b {
        // CPython's set_or returns the copy (no merge, which could resize it).
        return Ok(out);
    }
    vm.push_root(out)?;
    update(vm, out, b)?;
    vm.pop_roots(m);
    Ok(out)
}

fn binop(vm: &mut Vm<'_>, op: BinOp, a: Value, b: Value, _r: bool) -> PyResult<Value> {
    if as_set(a).is_none() || as_set(b).is_none() {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let frozen = is_frozen(a);
    let inplace = op.is_inplace() && !frozen;
    if inplace {
        match op.base() {
            BinOp::Or => update(vm, a, b)?,
            BinOp::Sub => difference_update(vm, a, b)?,
            BinOp::Xor => symmetric_difference_update(vm, a, b)?,
            _ => {}
        }
        if op.base() != BinOp::And {
            return Ok(a);
        }
    }
    let r = match op.base() {
        BinOp::Or => union(vm, a, b, frozen)?,
        BinOp::And => intersection(vm, a, b, frozen)?,
        BinOp::Sub => difference(vm, a, b, frozen)?,
        BinOp::Xor => sym_difference(vm, a, b, frozen)?,
        _ => return Ok(Value::NOT_IMPLEMENTED),
    };
    if inplace {
        replace_contents(a, r);
        return Ok(a);
    }
    Ok(r)
}

fn new_set(vm: &mut Vm<'_>, cls: Value, args: &Args<'_>) -> PyResult<Value> {
    let frozen = obj::as_type(cls).map(|t| t.is_subtype(&FROZENSET_TYPE)).unwrap_or(false);
    let x = args.get(0);
    let s = new(vm, frozen)?;
    if let Some(t) = obj::as_type(cls) {
        if t.is_heap() {
            // SAFETY: s is a fresh SetObj; a subclass shares the layout.
            unsafe { (*(s.as_ptr() as *mut ObjHeader)).ty = t };
        }
    }
    if x.is_null() {
        return Ok(s);
    }
    let m = vm.roots_mark();
    vm.push_root(s)?;
    update(vm, s, x)?;
    vm.pop_roots(m);
    Ok(s)
}

fn this(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let v = args.get(0);
    if as_set(v).is_none() {
        return Err(vm.type_error(format_args!("descriptor requires a 'set' object")));
    }
    Ok(v)
}

fn m_add(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let s = this(vm, args)?;
    runtime::check_nargs(vm, "add", args, 2, 2)?;
    add(vm, s, args.pos[1])?;
    Ok(Value::NONE)
}
fn m_discard(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let s = this(vm, args)?;
    runtime::check_nargs(vm, "discard", args, 2, 2)?;
    discard(vm, s, args.pos[1])?;
    Ok(Value::NONE)
}
fn m_remove(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let s = this(vm, args)?;
    runtime::check_nargs(vm, "remove", args, 2, 2)?;
    if !discard(vm, s, args.pos[1])? {
        return Err(vm.raise_with_arg(&exc::KEY_ERROR_TYPE, args.pos[1]));
    }
    Ok(Value::NONE)
}
fn m_pop(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let s = this(vm, args)?;
    let Some(so) = as_set(s).filter(|x| !x.is_empty()) else {
        return Err(vm.raise_msg(&exc::KEY_ERROR_TYPE, "pop from an empty set"));
    };
    let t = so.t();
    let mask = t.mask();
    let mut i = so.finger.get() & mask;
    while t.key(i).is_null() {
        i += 1;
        if i > mask {
            i = 0;
        }
    }
    let k = t.key(i);
    t.set(i, DUMMY_HASH, Value::NULL);
    so.used.set(so.used.get() - 1);
    so.finger.set(i + 1);
    Ok(k)
}
fn m_clear(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let s = this(vm, args)?;
    clear(s);
    Ok(Value::NONE)
}
/// `set.__init__(self, iterable=())`: the set becomes the iterable's items.
fn m_init(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let s = this(vm, args)?;
    if !args.kwnames.is_empty() {
        return Err(vm.type_error(format_args!("set() takes no keyword arguments")));
    }
    if args.pos.len() > 2 {
        return Err(vm.type_error(format_args!("set expected at most 1 argument, got {}", args.pos.len() - 1)));
    }
    m_clear(vm, &Args::new(&args.pos[..1]))?;
    if let Some(x) = args.pos.get(1) {
        update(vm, s, *x)?;
    }
    Ok(Value::NONE)
}
fn m_copy(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let s = this(vm, args)?;
    if core::ptr::eq(obj::type_of(s), &FROZENSET_TYPE) {
        return Ok(s);
    }
    copy_of(vm, s, is_frozen(s))
}

fn multi(
    vm: &mut Vm<'_>,
    args: &Args<'_>,
    f: fn(&mut Vm<'_>, Value, Value, bool) -> PyResult<Value>,
) -> PyResult<Value> {
    let s = this(vm, args)?;
    let frozen = is_frozen(s);
    let m = vm.roots_mark();
    let mut acc = s;
    if args.pos.len() == 1 {
        return copy_of(vm, s, frozen);
    }
    for o in &args.pos[1..] {
        acc = f(vm, acc, *o, frozen)?;
        vm.push_root(acc)?;
    }
    vm.pop_roots(m);
    Ok(acc)
}

fn m_union(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let s = this(vm, args)?;
    let m = vm.roots_mark();
    let out = copy_of(vm, s, is_frozen(s))?;
    vm.push_root(out)?;
    for o in &args.pos[1..] {
        if *o != s {
            update(vm, out, *o)?;
        }
    }
    vm.pop_roots(m);
    Ok(out)
}
fn m_intersection(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    multi(vm, args, intersection)
}
fn m_difference(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let s = this(vm, args)?;
    if args.pos.len() == 1 {
        return copy_of(vm, s, is_frozen(s));
    }
    let m = vm.roots_mark();
    let out = difference(vm, s, args.pos[1], is_frozen(s))?;
    vm.push_root(out)?;
    for o in &args.pos[2..] {
        difference_update(vm, out, *o)?;
    }
    vm.pop_roots(m);
    Ok(out)
}
fn m_symdiff(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    multi(vm, args, sym_difference)
}

/// Give `dst` the table of `src` (CPython's set_swap_bodies; `dst` keeps its pop position).
fn replace_contents(dst: Value, src: Value) {
    if let (Some(d), Some(s)) = (as_set(dst), as_set(src)) {
        d.table.set(s.table.get());
        d.fill.set(s.fill.get());
        d.used.set(s.used.get());
    }
}

fn m_update(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let s = this(vm, args)?;
    for o in &args.pos[1..] {
        update(vm, s, *o)?;
    }
    Ok(Value::NONE)
}
fn inplace(
    vm: &mut Vm<'_>,
    args: &Args<'_>,
    f: fn(&mut Vm<'_>, Value, Value, bool) -> PyResult<Value>,
) -> PyResult<Value> {
    let s = this(vm, args)?;
    for o in &args.pos[1..] {
        let r = f(vm, s, *o, false)?;
        replace_contents(s, r);
    }
    Ok(Value::NONE)
}
fn m_intersection_update(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    inplace(vm, args, intersection)
}
fn m_difference_update(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let s = this(vm, args)?;
    for o in &args.pos[1..] {
        difference_update(vm, s, *o)?;
    }
    Ok(Value::NONE)
}
fn m_symdiff_update(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let s = this(vm, args)?;
    runtime::check_nargs(vm, "symmetric_difference_update", args, 2, 2)?;
    symmetric_difference_update(vm, s, args.pos[1])?;
    Ok(Value::NONE)
}

fn as_set_arg(vm: &mut Vm<'_>, v: Value) -> PyResult<Value> {
    if as_set(v).is_some() {
        Ok(v)
    } else {
        from_iter(vm, v, false)
    }
}

/// `s.issubset(o)`, or with `superset` `s.issuperset(o)` (the same test, operands swapped).
fn subset_method(vm: &mut Vm<'_>, args: &Args<'_>, superset: bool) -> PyResult<Value> {
    let s = this(vm, args)?;
    let o = as_set_arg(vm, args.get(1))?;
    let m = vm.roots_mark();
    vm.push_root(o)?;
    let r = if superset { is_subset(vm, o, s) } else { is_subset(vm, s, o) };
    vm.pop_roots(m);
    Ok(Value::bool(r?))
}
fn m_issubset(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    subset_method(vm, args, false)
}
fn m_issuperset(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    subset_method(vm, args, true)
}
fn m_isdisjoint(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let s = this(vm, args)?;
    let r = intersection(vm, s, args.get(1), false)?;
    Ok(Value::bool(as_set(r).map(|x| x.is_empty()).unwrap_or(true)))
}

crate::static_qstr!(Q_IU, "intersection_update");
crate::static_qstr!(Q_DU, "difference_update");
crate::static_qstr!(Q_SDU, "symmetric_difference_update");

static SET_METHODS: &[Builtin] = &[
    Builtin::method(&qstr::__init__, m_init),
    Builtin::method(&qstr::add, m_add),
    Builtin::method(&qstr::discard, m_discard),
    Builtin::method(&qstr::remove, m_remove),
    Builtin::method(&qstr::pop, m_pop),
    Builtin::method(&qstr::clear, m_clear),
    Builtin::method(&qstr::copy, m_copy),
    Builtin::method(&qstr::union, m_union),
    Builtin::method(&qstr::intersection, m_intersection),
    Builtin::method(&qstr::difference, m_difference),
    Builtin::method(&qstr::symmetric_difference, m_symdiff),
    Builtin::method(&qstr::update, m_update),
    Builtin::method(&Q_IU, m_intersection_update),
    Builtin::method(&Q_DU, m_difference_update),
    Builtin::method(&Q_SDU, m_symdiff_update),
    Builtin::method(&qstr::issubset, m_issubset),
    Builtin::method(&qstr::issuperset, m_issuperset),
    Builtin::method(&qstr::isdisjoint, m_isdisjoint),
];

static FROZEN_METHODS: &[Builtin] = &[
    Builtin::method(&qstr::copy, m_copy),
    Builtin::method(&qstr::union, m_union),
    Builtin::method(&qstr::intersection, m_intersection),
    Builtin::method(&qstr::difference, m_difference),
    Builtin::method(&qstr::symmetric_difference, m_symdiff),
    Builtin::method(&qstr::issubset, m_issubset),
    Builtin::method(&qstr::issuperset, m_issuperset),
    Builtin::method(&qstr::isdisjoint, m_isdisjoint),
];

static SLOTS: Slots = Slots {
    trace: Some(trace),
    repr: Some(repr),
    hash: Some(hash),
    richcmp: Some(richcmp),
    len: Some(len),
    contains: Some(contains),
    iter: Some(iter),
    binop: Some(binop),
    new: Some(new_set),
    ..Slots::EMPTY
};

/// `set`.
pub static SET_TYPE: Type = Type::builtin(
    &qstr::set,
    Some(&obj::class::OBJECT_TYPE),
    Kind::Set,
    flags::BASETYPE | flags::UNHASHABLE,
    &SLOTS,
    SET_METHODS,
);
/// `frozenset`.
pub static FROZENSET_TYPE: Type =
    Type::builtin(&qstr::frozenset, Some(&obj::class::OBJECT_TYPE), Kind::Set, flags::BASETYPE, &SLOTS, FROZEN_METHODS);
