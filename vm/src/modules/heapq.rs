//! `heapq`: the binary min-heap over a list, as CPython's `_heapq` (same sift order, so the
//! same list after every call, and the same "list changed size during iteration" check
//! when a comparison resizes the heap). `merge` is an iterator of its own (below).
//!
//! ```text
//!  MergeObj  ObjHeader | iters Value (tuple of iterables, then list of iterators; None
//!            once exhausted) | heads Value (list: each iterator's next item)
//!            | keys Value (list: their keys) | key Value | reverse usize | started usize
//! ```
//! `merge` picks the smallest head (largest with `reverse`) by a scan, not a heap: the
//! lowest index wins ties, as CPython's `(value, order)` heap entries make it.

use crate::call;
use crate::heap::Tracer;
use crate::obj::{self, exception as exc, Args, Kind, Slots, Type};
use crate::rom::ObjHeader;
use crate::runtime;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

rom_module!("heapq",
    fns: [heappush, heappop, heapify, heapreplace, heappushpop, nlargest, nsmallest, merge],
    values: [],
);

// ----- merge -----

#[repr(C)]
struct MergeObj {
    hdr: ObjHeader,
    iters: core::cell::Cell<Value>,
    heads: core::cell::Cell<Value>,
    keys: core::cell::Cell<Value>,
    key: Value,
    reverse: usize,
    started: core::cell::Cell<usize>,
}

fn as_merge(v: Value) -> Option<&'static MergeObj> {
    // SAFETY: objects of MERGE_TYPE are MergeObj objects made by `merge`.
    core::ptr::eq(obj::type_of(v), &MERGE_TYPE).then(|| unsafe { &*(v.as_ptr() as *const MergeObj) })
}

/// `merge(*iterables, key=None, reverse=False)`: nothing is read before the first `next`.
fn merge(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let mut key = Value::NONE;
    let mut reverse = false;
    for (k, v) in a.kwnames.iter().zip(a.kwvals.iter()) {
        match obj::str::as_str(*k) {
            Some("key") => key = *v,
            Some("reverse") => reverse = runtime::truthy(vm, *v)?,
            Some(k) => return Err(vm.type_error(format_args!("merge() got an unexpected keyword argument '{k}'"))),
            None => {}
        }
    }
    let its = obj::tuple::new(vm, a.pos)?;
    let m = vm.roots_mark();
    vm.push_root(its)?;
    let r = vm.alloc_obj(&MERGE_TYPE, core::mem::size_of::<MergeObj>());
    vm.pop_roots(m);
    let v = r?;
    // SAFETY: a fresh, zeroed object of MergeObj's size and type.
    unsafe {
        let p = v.as_ptr() as *mut MergeObj;
        (*p).iters = core::cell::Cell::new(its);
        (*p).key = key;
        (*p).reverse = reverse as usize;
    }
    Ok(v)
}

fn list_get(l: Value, i: usize) -> Value {
    obj::list::as_list(l).and_then(|x| x.get(i)).unwrap_or(Value::NONE)
}

fn list_set(l: Value, i: usize, v: Value) {
    if let Some(x) = obj::list::as_list(l) {
        x.set(i, v);
    }
}

/// Read iterator `i`'s next item (and its key) into the heads, or mark it exhausted.
fn advance(vm: &mut Vm<'_>, o: &MergeObj, i: usize) -> PyResult<()> {
    let it = list_get(o.iters.get(), i);
    match runtime::next(vm, it)? {
        None => list_set(o.iters.get(), i, Value::NONE),
        Some(x) => {
            list_set(o.heads.get(), i, x);
            if o.key != Value::NONE {
                let m = vm.roots_mark();
                vm.push_root(x)?;
                let k = call::call(vm, o.key, &[x]);
                vm.pop_roots(m);
                list_set(o.keys.get(), i, k?);
            }
        }
    }
    Ok(())
}

/// The first `next`: an iterator and a first item from each iterable.
fn start(vm: &mut Vm<'_>, o: &MergeObj) -> PyResult<()> {
    let src = o.iters.get();
    let n = obj::tuple::items(src).map_or(0, |t| t.len());
    let m = vm.roots_mark();
    vm.push_root(src)?;
    let r = (|| {
        let mut lists = [Value::NONE; 3];
        for l in lists.iter_mut() {
            *l = obj::list::with_capacity(vm, n)?;
            vm.push_root(*l)?;
            for _ in 0..n {
                obj::list::append(vm, *l, Value::NONE)?;
            }
        }
        for i in 0..n {
            let x = obj::tuple::items(src).and_then(|t| t.get(i).copied()).unwrap_or(Value::NONE);
            let it = runtime::get_iter(vm, x)?;
            list_set(lists[0], i, it);
        }
        o.iters.set(lists[0]);
        o.heads.set(lists[1]);
        o.keys.set(lists[2]);
        o.started.set(1);
        for i in 0..n {
            advance(vm, o, i)?;
        }
        Ok(())
    })();
    vm.pop_roots(m);
    r
}

fn merge_next(vm: &mut Vm<'_>, v: Value) -> PyResult<Option<Value>> {
    let Some(o) = as_merge(v) else { return Ok(None) };
    if o.started.get() == 0 {
        start(vm, o)?;
    }
    let n = obj::list::as_list(o.iters.get()).map_or(0, |l| l.len());
    let ks = if o.key == Value::NONE { o.heads.get() } else { o.keys.get() };
    let mut best: Option<usize> = None;
    for i in 0..n {
        if list_get(o.iters.get(), i) == Value::NONE {
            continue;
        }
        let Some(b) = best else {
            best = Some(i);
            continue;
        };
        let (x, y) =
            if o.reverse != 0 { (list_get(ks, b), list_get(ks, i)) } else { (list_get(ks, i), list_get(ks, b)) };
        let m = vm.roots_mark();
        vm.push_root(x)?;
        vm.push_root(y)?;
        let r = runtime::compare(vm, x, y, frostbyte_format::CmpOp::Lt).and_then(|r| runtime::truthy(vm, r));
        vm.pop_roots(m);
        if r? {
            best = Some(i);
        }
    }
    let Some(b) = best else { return Ok(None) };
    let item = list_get(o.heads.get(), b);
    let m = vm.roots_mark();
    vm.push_root(item)?;
    let r = advance(vm, o, b);
    vm.pop_roots(m);
    r.map(|_| Some(item))
}

fn merge_iter(_vm: &mut Vm<'_>, v: Value) -> PyResult<Value> {
    Ok(v)
}

fn merge_trace(v: Value, t: &mut Tracer<'_>) {
    if let Some(o) = as_merge(v) {
        t.mark(o.iters.get());
        t.mark(o.heads.get());
        t.mark(o.keys.get());
        t.mark(o.key);
    }
}

crate::static_qstr!(Q_MERGE, "merge");
static MERGE_SLOTS: Slots =
    Slots { trace: Some(merge_trace), iter: Some(merge_iter), next: Some(merge_next), ..Slots::EMPTY };
static MERGE_TYPE: Type =
    Type::builtin(&Q_MERGE, Some(&obj::class::OBJECT_TYPE), Kind::Misc, 0, &MERGE_SLOTS, &[]).in_module(&TYPE_NS);

/// Argument 1 as a list, or CPython's TypeError.
fn heap_arg(vm: &mut Vm<'_>, name: &str, a: &Args<'_>, n: usize) -> PyResult<Value> {
    if !a.kwnames.is_empty() {
        return Err(vm.type_error(format_args!("{name}() takes no keyword arguments")));
    }
    if a.pos.len() != n {
        return Err(if n == 1 {
            vm.type_error(format_args!("_heapq.{name}() takes exactly one argument ({} given)", a.pos.len()))
        } else {
            vm.type_error(format_args!("{name} expected {n} arguments, got {}", a.pos.len()))
        });
    }
    let h = a.pos[0];
    if obj::list::as_list(h).is_none() {
        let which = if n == 1 { "argument" } else { "argument 1" };
        return Err(vm.type_error(format_args!("{name}() {which} must be list, not {}", obj::type_name(h))));
    }
    Ok(h)
}

fn len(h: Value) -> usize {
    obj::list::as_list(h).map_or(0, |l| l.len())
}
fn get(h: Value, i: usize) -> Value {
    obj::list::as_list(h).and_then(|l| l.get(i)).unwrap_or(Value::NONE)
}
fn swap(h: Value, i: usize, j: usize) {
    if let Some(l) = obj::list::as_list(h) {
        let (a, b) = (get(h, i), get(h, j));
        l.set(i, b);
        l.set(j, a);
    }
}

/// `a < b`, with both rooted while Python code may run. May collect.
fn less(vm: &mut Vm<'_>, a: Value, b: Value) -> PyResult<bool> {
    let m = vm.roots_mark();
    vm.push_root(a)?;
    vm.push_root(b)?;
    let r = runtime::lt(vm, a, b);
    vm.pop_roots(m);
    r
}

fn changed(vm: &mut Vm<'_>) -> crate::vm::Raised {
    vm.raise_msg(&exc::RUNTIME_ERROR_TYPE, "list changed size during iteration")
}

fn index_error(vm: &mut Vm<'_>) -> crate::vm::Raised {
    vm.raise_msg(&exc::INDEX_ERROR_TYPE, "index out of range")
}

/// Move the item at `pos` up towards `start` while it is smaller than its parent.
fn sift_down(vm: &mut Vm<'_>, h: Value, start: usize, mut pos: usize) -> PyResult<()> {
    let size = len(h);
    if pos >= size {
        return Err(index_error(vm));
    }
    while pos > start {
        let parent = (pos - 1) >> 1;
        let lt = less(vm, get(h, pos), get(h, parent))?;
        if size != len(h) {
            return Err(changed(vm));
        }
        if !lt {
            break;
        }
        swap(h, parent, pos);
        pos = parent;
    }
    Ok(())
}

/// Move the smaller child up from `pos` to a leaf, then sift the item there down.
fn sift_up(vm: &mut Vm<'_>, h: Value, mut pos: usize) -> PyResult<()> {
    let end = len(h);
    let start = pos;
    if pos >= end {
        return Err(index_error(vm));
    }
    let limit = end >> 1;
    while pos < limit {
        let mut child = 2 * pos + 1;
        if child + 1 < end {
            let lt = less(vm, get(h, child), get(h, child + 1))?;
            if !lt {
                child += 1;
            }
            if end != len(h) {
                return Err(changed(vm));
            }
        }
        swap(h, child, pos);
        pos = child;
    }
    sift_down(vm, h, start, pos)
}

fn heappush(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let h = heap_arg(vm, "heappush", a, 2)?;
    obj::list::append(vm, h, a.pos[1])?;
    sift_down(vm, h, 0, len(h) - 1)?;
    Ok(Value::NONE)
}

fn heappop(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let h = heap_arg(vm, "heappop", a, 1)?;
    let n = len(h);
    if n == 0 {
        return Err(index_error(vm));
    }
    let last = obj::list::remove_at(h, n - 1).unwrap_or(Value::NONE);
    if n == 1 {
        return Ok(last);
    }
    let top = get(h, 0);
    if let Some(l) = obj::list::as_list(h) {
        l.set(0, last);
    }
    let m = vm.roots_mark();
    vm.push_root(top)?;
    let r = sift_up(vm, h, 0);
    vm.pop_roots(m);
    r.map(|_| top)
}

/// Replace the top with `item` and restore the heap; returns the old top. May collect.
fn replace_top(vm: &mut Vm<'_>, h: Value, item: Value) -> PyResult<Value> {
    if len(h) == 0 {
        return Err(index_error(vm));
    }
    let top = get(h, 0);
    if let Some(l) = obj::list::as_list(h) {
        l.set(0, item);
    }
    let m = vm.roots_mark();
    vm.push_root(top)?;
    let r = sift_up(vm, h, 0);
    vm.pop_roots(m);
    r.map(|_| top)
}

fn heapreplace(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let h = heap_arg(vm, "heapreplace", a, 2)?;
    replace_top(vm, h, a.pos[1])
}

fn heappushpop(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let h = heap_arg(vm, "heappushpop", a, 2)?;
    let item = a.pos[1];
    if len(h) == 0 || !less(vm, get(h, 0), item)? {
        return Ok(item);
    }
    replace_top(vm, h, item)
}

fn heapify(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let h = heap_arg(vm, "heapify", a, 1)?;
    let n = len(h);
    for i in (0..n / 2).rev() {
        sift_up(vm, h, i)?;
    }
    Ok(Value::NONE)
}

/// `sorted(iterable, key=key, reverse=reverse)[:n]`, which CPython documents `nsmallest`
/// and `nlargest` as equivalent to. May collect.
fn select(vm: &mut Vm<'_>, name: &str, a: &Args<'_>, reverse: bool) -> PyResult<Value> {
    let (mut n, mut it, mut key) = (a.get(0), a.get(1), Value::NONE);
    for (k, v) in a.kwnames.iter().zip(a.kwvals) {
        match obj::str::as_str(*k) {
            Some("key") => key = *v,
            Some("n") if n.is_null() => n = *v,
            Some("iterable") if it.is_null() => it = *v,
            Some(k) => return Err(vm.type_error(format_args!("{name}() got an unexpected keyword argument '{k}'"))),
            None => {}
        }
    }
    if a.pos.len() > 3 || (a.pos.len() == 3 && !a.kwnames.is_empty()) {
        return Err(vm.type_error(format_args!(
            "{name}() takes from 2 to 3 positional arguments but {} were given",
            a.pos.len()
        )));
    }
    if a.pos.len() == 3 {
        key = a.pos[2];
    }
    if n.is_null() || it.is_null() {
        let missing = if n.is_null() { "'n' and 'iterable'" } else { "'iterable'" };
        let count = if n.is_null() { "2 required positional arguments" } else { "1 required positional argument" };
        return Err(vm.type_error(format_args!("{name}() missing {count}: {missing}")));
    }
    let count = runtime::index_arg_typed(vm, n)?;
    let sorted = crate::builtins::lookup(Value::qstr(&crate::qstr::sorted)).unwrap_or(Value::NONE);
    let kwnames = [Value::qstr(&crate::qstr::key), Value::qstr(&crate::qstr::reverse)];
    let kwvals = [key, Value::bool(reverse)];
    let l = call::call_args(vm, sorted, &Args { pos: &[it], kwnames: &kwnames, kwvals: &kwvals })?;
    if let Some(lo) = obj::list::as_list(l) {
        let keep = count.clamp(0, lo.len() as i64) as usize;
        while lo.len() > keep {
            obj::list::remove_at(l, lo.len() - 1);
        }
    }
    Ok(l)
}

fn nlargest(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    select(vm, "nlargest", a, true)
}
fn nsmallest(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    select(vm, "nsmallest", a, false)
}
