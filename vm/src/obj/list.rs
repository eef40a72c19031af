//! `list`: growable array of values.
//!
//! ```text
//!  ListObj  ObjHeader | len usize | cap usize | items *mut Value  (raw heap buffer, cap slots)
//! ```
//! The items buffer is a header-less heap block owned by the list: the list's trace marks
//! it and then the first `len` values.

use core::cell::Cell;

use frostbyte_format::{BinOp, CmpOp};

use super::{flags, Args, Kind, Layout, Slots, Type};
use crate::heap::{self, Tracer};
use crate::obj::{self, exception as exc, str::StrBuf};
use crate::qstr;
use crate::rom::ObjHeader;
use crate::runtime;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// List layout.
#[repr(C)]
pub struct ListObj {
    hdr: ObjHeader,
    len: Cell<usize>,
    cap: Cell<usize>,
    items: Cell<*mut Value>,
}

// SAFETY: repr(C), starts with ObjHeader; LIST_TYPE (and subclasses) have kind List.
unsafe impl Layout for ListObj {
    const KIND: Kind = Kind::List;
}

impl ListObj {
    /// Number of items.
    pub fn len(&self) -> usize {
        self.len.get()
    }
    /// Is the list empty?
    pub fn is_empty(&self) -> bool {
        self.len.get() == 0
    }
    /// Item `i`, if in range.
    pub fn get(&self, i: usize) -> Option<Value> {
        if i < self.len.get() {
            // SAFETY: i < len <= cap, and `items` holds cap values.
            Some(unsafe { heap::buf_get(self.items.get(), i) })
        } else {
            None
        }
    }
    /// Replace item `i` (ignored if out of range).
    pub fn set(&self, i: usize, v: Value) {
        if i < self.len.get() {
            // SAFETY: i < len <= cap.
            unsafe { heap::buf_set(self.items.get(), i, v) };
        }
    }
    /// The items as a slice (do not hold across calls that may run Python code).
    pub fn as_slice(&self) -> &'static [Value] {
        if self.items.get().is_null() {
            return &[];
        }
        // SAFETY: the buffer holds `len` initialised values.
        unsafe { core::slice::from_raw_parts(self.items.get(), self.len.get()) }
    }
    fn truncate(&self, n: usize) {
        if n < self.len.get() {
            self.len.set(n);
        }
    }
}

/// Borrow a list.
pub fn as_list(v: Value) -> Option<&'static ListObj> {
    obj::downcast::<ListObj>(v)
}

/// Borrow a list whose type is exactly `list` (a subclass may override `__getitem__`).
pub fn as_exact_list(v: Value) -> Option<&'static ListObj> {
    if core::ptr::eq(obj::type_of(v), &LIST_TYPE) {
        as_list(v)
    } else {
        None
    }
}

/// A new empty list with room for `cap` items. May collect.
pub fn with_capacity(vm: &mut Vm<'_>, cap: usize) -> PyResult<Value> {
    let v = vm.alloc_obj(&LIST_TYPE, core::mem::size_of::<ListObj>())?;
    if cap > 0 {
        let m = vm.roots_mark();
        vm.push_root(v)?;
        let r = reserve(vm, v, cap);
        vm.pop_roots(m);
        r?;
    }
    Ok(v)
}

/// A new list holding a copy of `xs` (which must be rooted). May collect.
pub fn from_slice(vm: &mut Vm<'_>, xs: &[Value]) -> PyResult<Value> {
    let v = with_capacity(vm, xs.len())?;
    let l = as_list(v).ok_or_else(|| vm.raise_memory_error())?;
    for (i, x) in xs.iter().enumerate() {
        // SAFETY: capacity >= xs.len().
        unsafe { heap::buf_set(l.items.get(), i, *x) };
    }
    l.len.set(xs.len());
    Ok(v)
}

/// Make room for `cap` items (`v` must be rooted). May collect.
pub fn reserve(vm: &mut Vm<'_>, v: Value, cap: usize) -> PyResult<()> {
    reserve_atleast(vm, v, cap, cap)
}

/// Make room for `want` items, or for `min` when `want` does not fit (see
/// [`Vm::realloc_atleast`]); `v` must be rooted. May collect.
fn reserve_atleast(vm: &mut Vm<'_>, v: Value, want: usize, min: usize) -> PyResult<()> {
    let Some(l) = as_list(v) else { return Ok(()) };
    if min <= l.cap.get() {
        return Ok(());
    }
    let word = core::mem::size_of::<Value>();
    let (Some(want_b), Some(min_b)) = (want.checked_mul(word), min.checked_mul(word)) else {
        return Err(vm.raise_memory_error());
    };
    let p = vm.realloc_atleast(l.items.get() as *mut u8, want_b, min_b, false)?;
    let l = as_list(v).ok_or_else(|| vm.raise_memory_error())?;
    l.items.set(p as *mut Value);
    l.cap.set(if vm.heap.alloc_size(p) >= want_b { want } else { min });
    Ok(())
}

/// `l.append(x)` (`l` and `x` must be rooted). May collect.
pub fn append(vm: &mut Vm<'_>, v: Value, x: Value) -> PyResult<()> {
    let Some(l) = as_list(v) else { return Ok(()) };
    let n = l.len.get();
    if n == l.cap.get() {
        let m = vm.roots_mark();
        vm.push_root(x)?;
        let r = reserve_atleast(vm, v, if n < 4 { 4 } else { n + n / 2 + 1 }, n + 1);
        vm.pop_roots(m);
        r?;
    }
    let l = as_list(v).ok_or_else(|| vm.raise_memory_error())?;
    // SAFETY: n < cap after reserve.
    unsafe { heap::buf_set(l.items.get(), n, x) };
    l.len.set(n + 1);
    Ok(())
}

/// Insert at index `i` (clamped). May collect.
pub fn insert(vm: &mut Vm<'_>, v: Value, i: usize, x: Value) -> PyResult<()> {
    append(vm, v, x)?;
    let Some(l) = as_list(v) else { return Ok(()) };
    let n = l.len();
    let i = i.min(n - 1);
    let mut j = n - 1;
    while j > i {
        l.set(j, l.get(j - 1).unwrap_or(Value::NONE));
        j -= 1;
    }
    l.set(i, x);
    Ok(())
}

/// Remove and return item `i`.
pub fn remove_at(v: Value, i: usize) -> Option<Value> {
    let l = as_list(v)?;
    let x = l.get(i)?;
    for j in i..l.len() - 1 {
        l.set(j, l.get(j + 1).unwrap_or(Value::NONE));
    }
    l.len.set(l.len() - 1);
    Some(x)
}

/// A list's items buffer taken away while it is sorted (see [`detach`]).
pub(crate) struct Detached {
    items: *mut Value,
    len: usize,
    cap: usize,
}

/// Take the items buffer away from list `v`, which looks empty until [`reattach`] (as
/// CPython's `list.sort` does: code run by the sort cannot see or corrupt the items). The
/// buffer is kept alive as a temp root: the caller pops it after `reattach`, and keeps the
/// items alive itself (a copy).
pub(crate) fn detach(vm: &mut Vm<'_>, v: Value) -> PyResult<Detached> {
    let Some(l) = as_list(v) else { return Ok(Detached { items: core::ptr::null_mut(), len: 0, cap: 0 }) };
    let d = Detached { items: l.items.get(), len: l.len.get(), cap: l.cap.get() };
    if !d.items.is_null() {
        // SAFETY: the items buffer is a block-aligned heap allocation; as a temp root it is
        // marked as a raw buffer (not traced).
        vm.push_root(unsafe { Value::from_obj_ptr(d.items as *const u8) })?;
    }
    l.items.set(core::ptr::null_mut());
    l.len.set(0);
    l.cap.set(0);
    Ok(d)
}

/// Give list `v` back the buffer [`detach`] took; whatever was put in the list meanwhile is
/// dropped. True if the list was changed meanwhile (CPython's "list modified during sort").
pub(crate) fn reattach(v: Value, d: Detached) -> bool {
    let Some(l) = as_list(v) else { return false };
    let modified = !l.items.get().is_null() || l.len.get() != 0;
    l.items.set(d.items);
    l.len.set(d.len);
    l.cap.set(d.cap);
    modified
}

/// A list of the items of any iterable. May collect.
pub fn from_iter(vm: &mut Vm<'_>, it: Value) -> PyResult<Value> {
    if let Some(xs) = obj::tuple::items(it) {
        return from_slice(vm, xs);
    }
    if let Some(l) = as_list(it) {
        return from_slice(vm, l.as_slice());
    }
    let m = vm.roots_mark();
    let out = with_capacity(vm, 0)?;
    vm.push_root(out)?;
    extend(vm, out, it)?;
    vm.pop_roots(m);
    Ok(out)
}

/// `l.extend(iterable)` (`l`, `it` rooted). May collect.
pub fn extend(vm: &mut Vm<'_>, l: Value, it: Value) -> PyResult<()> {
    if let Some(xs) = obj::tuple::items(it) {
        reserve(vm, l, as_list(l).map(|x| x.len()).unwrap_or(0) + xs.len())?;
        for x in xs {
            append(vm, l, *x)?;
        }
        return Ok(());
    }
    if let Some(src) = as_list(it) {
        let n = src.len();
        reserve(vm, l, as_list(l).map(|x| x.len()).unwrap_or(0) + n)?;
        for i in 0..n {
            let Some(x) = as_list(it).and_then(|s| s.get(i)) else { break };
            append(vm, l, x)?;
        }
        return Ok(());
    }
    let m = vm.roots_mark();
    let iter = runtime::get_iter(vm, it)?;
    vm.push_root(iter)?;
    while let Some(x) = runtime::next(vm, iter)? {
        append(vm, l, x)?;
    }
    vm.pop_roots(m);
    Ok(())
}

/// A tuple with the list's items. May collect.
pub fn to_tuple(vm: &mut Vm<'_>, v: Value) -> PyResult<Value> {
    let n = as_list(v).map(|l| l.len()).unwrap_or(0);
    let t = obj::tuple::alloc(vm, n)?;
    if let Some(l) = as_list(v) {
        for i in 0..n {
            obj::tuple::init_item(t, i, l.get(i).unwrap_or(Value::NONE));
        }
    }
    Ok(t)
}

fn trace(v: Value, t: &mut Tracer<'_>) {
    if let Some(l) = as_list(v) {
        let p = l.items.get();
        if !p.is_null() {
            t.mark_buffer(p as *const u8);
            t.mark_all(l.as_slice());
        }
    }
}

fn get(v: Value, i: usize) -> Option<Value> {
    as_list(v).and_then(|l| l.get(i))
}

fn repr(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf) -> PyResult<()> {
    if !runtime::repr_enter(vm, v) {
        return sb.push(vm, "[...]");
    }
    let r = obj::tuple::repr_items(vm, v, get, "[", "]", sb);
    runtime::repr_leave(vm);
    r
}

fn richcmp(vm: &mut Vm<'_>, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
    if as_list(a).is_none() || as_list(b).is_none() {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    if matches!(op, CmpOp::Eq | CmpOp::Ne) && as_list(a).map(|l| l.len()) != as_list(b).map(|l| l.len()) {
        return Ok(Value::bool(op == CmpOp::Ne));
    }
    obj::tuple::seq_richcmp(vm, a, b, op, get)
}

fn len(_vm: &mut Vm<'_>, v: Value) -> PyResult<usize> {
    Ok(as_list(v).map(|l| l.len()).unwrap_or(0))
}

fn getitem(vm: &mut Vm<'_>, v: Value, k: Value) -> PyResult<Value> {
    // `__index__` methods run first; the length is read after them (they may change it).
    if let Some(sl) = obj::slice::as_slice(k) {
        let u = sl.unpack(vm)?;
        let (start, stop, step) = u.adjust(as_list(v).map(|l| l.len()).unwrap_or(0));
        let cnt = obj::slice::slice_len(start, stop, step);
        let out = with_capacity(vm, cnt)?;
        let mut i = start;
        for _ in 0..cnt {
            let x = get(v, i as usize).unwrap_or(Value::NONE);
            append(vm, out, x)?;
            i += step;
        }
        return Ok(out);
    }
    let i = runtime::index_arg(vm, k, "list indices must be integers or slices")?;
    let n = as_list(v).map(|l| l.len()).unwrap_or(0);
    match runtime::norm_index(i, n).and_then(|i| get(v, i)) {
        Some(x) => Ok(x),
        None => Err(vm.raise_msg(&exc::INDEX_ERROR_TYPE, "list index out of range")),
    }
}

/// `del l[a:b:c]` over the current items (no Python code runs here).
fn del_slice(v: Value, start: isize, stop: isize, step: isize) {
    let Some(l) = as_list(v) else { return };
    let n = l.len();
    let cnt = obj::slice::slice_len(start, stop, step);
    if cnt == 0 {
        return;
    }
    let (lo, st) = if step > 0 { (start, step) } else { (start + step * (cnt as isize - 1), -step) };
    let hi = lo + st * (cnt as isize - 1);
    let mut w = 0;
    for r in 0..n {
        let ri = r as isize;
        let hit = ri >= lo && ri <= hi && (ri - lo) % st == 0;
        if !hit {
            l.set(w, l.get(r).unwrap_or(Value::NONE));
            w += 1;
        }
    }
    l.truncate(w);
}

/// `l[a:b] = items` (step 1) with the bounds already fitted to the current length, as
/// CPython's `list_ass_slice` does after materialising the right-hand side. May collect
/// (`v` and `src` rooted).
fn assign_slice(vm: &mut Vm<'_>, v: Value, start: isize, stop: isize, src: Value) -> PyResult<()> {
    let old = as_list(v).map(|l| l.len()).unwrap_or(0);
    let start = (start.max(0) as usize).min(old);
    let stop = (stop.max(0) as usize).clamp(start, old);
    let sn = as_list(src).map(|s| s.len()).unwrap_or(0);
    let new_len = old - (stop - start) + sn;
    reserve(vm, v, new_len)?;
    let (Some(l), Some(s)) = (as_list(v), as_list(src)) else { return Ok(()) };
    // Move the tail, then copy the new items in (`src` is a separate list).
    if new_len > old {
        l.len.set(new_len);
        let mut j = old;
        while j > stop {
            j -= 1;
            l.set(j + new_len - old, l.get(j).unwrap_or(Value::NONE));
        }
    } else {
        for j in stop..old {
            l.set(j - (old - new_len), l.get(j).unwrap_or(Value::NONE));
        }
        l.len.set(new_len);
    }
    for i in 0..sn {
        l.set(start + i, s.get(i).unwrap_or(Value::NONE));
    }
    Ok(())
}

fn setitem(vm: &mut Vm<'_>, v: Value, k: Value, x: Value) -> PyResult<()> {
    if let Some(sl) = obj::slice::as_slice(k) {
        let u = sl.unpack(vm)?;
        if x.is_null() {
            let (start, stop, step) = u.adjust(len_of(v));
            del_slice(v, start, stop, step);
            return Ok(());
        }
        // CPython's order: an extended slice is fitted to the length before the right-hand
        // side is materialised (which may run Python code that changes this list; writes
        // past its end are then dropped), a simple one after. A copy even when it is a list:
        // `l[::-1] = l` reads the old items.
        let before = u.adjust(len_of(v));
        let m = vm.roots_mark();
        let src = from_iter(vm, x)?;
        vm.push_root(src)?;
        let (start, stop, step) = if before.2 == 1 { u.adjust(len_of(v)) } else { before };
        let r = if step == 1 {
            assign_slice(vm, v, start, stop, src)
        } else {
            let cnt = obj::slice::slice_len(start, stop, step);
            let sn = len_of(src);
            if cnt != sn {
                Err(vm.value_error(format_args!(
                    "attempt to assign sequence of size {sn} to extended slice of size {cnt}"
                )))
            } else {
                let mut i = start;
                for j in 0..cnt {
                    let y = get(src, j).unwrap_or(Value::NONE);
                    if let Some(l) = as_list(v) {
                        l.set(i as usize, y);
                    }
                    i += step;
                }
                Ok(())
            }
        };
        vm.pop_roots(m);
        return r;
    }
    let i = runtime::index_arg(vm, k, "list indices must be integers or slices")?;
    let Some(i) = runtime::norm_index(i, len_of(v)) else {
        return Err(vm.raise_msg(&exc::INDEX_ERROR_TYPE, "list assignment index out of range"));
    };
    if x.is_null() {
        remove_at(v, i);
    } else if let Some(l) = as_list(v) {
        l.set(i, x);
    }
    Ok(())
}

fn len_of(v: Value) -> usize {
    as_list(v).map(|l| l.len()).unwrap_or(0)
}

fn contains(vm: &mut Vm<'_>, v: Value, x: Value) -> PyResult<bool> {
    let mut i = 0;
    while let Some(y) = get(v, i) {
        if super::list_methods::item_eq(vm, y, x)? {
            return Ok(true);
        }
        i += 1;
    }
    Ok(false)
}

fn iter(vm: &mut Vm<'_>, v: Value) -> PyResult<Value> {
    obj::iter::new_seq_iter(vm, v)
}

fn binop(vm: &mut Vm<'_>, op: BinOp, a: Value, b: Value, _r: bool) -> PyResult<Value> {
    match op {
        BinOp::Add => {
            let (Some(x), Some(y)) = (as_list(a), as_list(b)) else { return Ok(Value::NOT_IMPLEMENTED) };
            let out = with_capacity(vm, x.len() + y.len())?;
            let m = vm.roots_mark();
            vm.push_root(out)?;
            extend(vm, out, a)?;
            extend(vm, out, b)?;
            vm.pop_roots(m);
            Ok(out)
        }
        BinOp::IAdd => {
            if as_list(a).is_none() {
                return Ok(Value::NOT_IMPLEMENTED);
            }
            extend(vm, a, b)?;
            Ok(a)
        }
        BinOp::Mul | BinOp::IMul => {
            let (l, n) = if as_list(a).is_some() { (a, b) } else { (b, a) };
            let Some(n) = runtime::repeat_count(vm, n)? else { return Ok(Value::NOT_IMPLEMENTED) };
            let len = as_list(l).map(|x| x.len()).unwrap_or(0);
            let Some(total) = len.checked_mul(n) else { return Err(vm.raise_memory_error()) };
            if op == BinOp::IMul {
                reserve(vm, l, total)?;
                for k in len..total {
                    let x = get(l, k % len).unwrap_or(Value::NONE);
                    append(vm, l, x)?;
                }
                if let Some(ll) = as_list(l) {
                    ll.truncate(total);
                }
                return Ok(l);
            }
            let out = with_capacity(vm, total)?;
            for k in 0..total {
                let x = get(l, k % len).unwrap_or(Value::NONE);
                append(vm, out, x)?;
            }
            Ok(out)
        }
        _ => Ok(Value::NOT_IMPLEMENTED),
    }
}

fn new_list(vm: &mut Vm<'_>, _cls: Value, args: &Args<'_>) -> PyResult<Value> {
    let x = args.get(0);
    if x.is_null() {
        return with_capacity(vm, 0);
    }
    from_iter(vm, x)
}

static SLOTS: Slots = Slots {
    trace: Some(trace),
    repr: Some(repr),
    richcmp: Some(richcmp),
    len: Some(len),
    getitem: Some(getitem),
    setitem: Some(setitem),
    contains: Some(contains),
    iter: Some(iter),
    binop: Some(binop),
    new: Some(new_list),
    ..Slots::EMPTY
};

/// `list`.
pub static LIST_TYPE: Type = Type::builtin(
    &qstr::list,
    Some(&obj::class::OBJECT_TYPE),
    Kind::List,
    flags::BASETYPE | flags::UNHASHABLE,
    &SLOTS,
    super::list_methods::METHODS,
);
