//! `tuple`: immutable sequence, items inline (`rom::Tuple` layout, heap or ROM).
//!
//! ```text
//!  TupleObj  ObjHeader | len usize | items [Value; len]
//! ```

use frostbyte_format::{BinOp, CmpOp};

use super::{flags, Args, Builtin, Kind, Layout, Slots, Type};
use crate::heap::Tracer;
use crate::obj::{self, exception as exc, str::StrBuf};
use crate::qstr;
use crate::rom::ObjHeader;
use crate::runtime;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Tuple layout.
#[repr(C)]
pub struct TupleObj {
    hdr: ObjHeader,
    len: usize,
}

// SAFETY: repr(C), starts with ObjHeader; TUPLE_TYPE has kind Tuple; rom::Tuple shares it.
unsafe impl Layout for TupleObj {
    const KIND: Kind = Kind::Tuple;
}

const HDR: usize = core::mem::size_of::<TupleObj>();

/// The items of a tuple value (`None` if `v` is not a tuple).
pub fn items(v: Value) -> Option<&'static [Value]> {
    let t = obj::downcast::<TupleObj>(v)?;
    // SAFETY: a tuple (heap or ROM) is followed by `len` values. The pointer comes from `v`,
    // whose provenance covers the whole object (one from `&TupleObj` would not reach the items).
    Some(unsafe { core::slice::from_raw_parts(v.as_ptr().add(HDR) as *const Value, t.len) })
}

/// A new tuple with a copy of `xs` (which must be rooted). May collect.
pub fn new(vm: &mut Vm<'_>, xs: &[Value]) -> PyResult<Value> {
    if xs.is_empty() {
        return Ok(empty());
    }
    let v = alloc(vm, xs.len())?;
    for (i, x) in xs.iter().enumerate() {
        init_item(v, i, *x);
    }
    Ok(v)
}

static EMPTY: crate::rom::Tuple<0> = crate::rom::Tuple::new([]);

/// A fresh heap tuple with the items of tuple `v`, even when empty (the body of an instance
/// of a `tuple` subclass: see `obj/instance.rs`). May collect (`v` rooted by the caller).
pub fn heap_copy(vm: &mut Vm<'_>, v: Value) -> PyResult<Value> {
    let n = items(v).map(<[Value]>::len).unwrap_or(0);
    let out = vm.alloc_obj(&TUPLE_TYPE, HDR + n * core::mem::size_of::<Value>())?;
    // SAFETY: fresh allocation of a TupleObj with room for n items.
    unsafe { (*(out.as_ptr() as *mut TupleObj)).len = n };
    for (i, x) in items(v).unwrap_or(&[]).iter().enumerate() {
        init_item(out, i, *x);
    }
    Ok(out)
}

/// The empty tuple (a ROM singleton).
pub fn empty() -> Value {
    Value::rom(&EMPTY)
}

/// A tuple of `n` NULL items, to be filled with [`init_item`] before it escapes. May collect.
pub fn alloc(vm: &mut Vm<'_>, n: usize) -> PyResult<Value> {
    if n == 0 {
        return Ok(empty());
    }
    // A size that does not fit a word cannot fit the heap either: MemoryError.
    let bytes = n.checked_mul(core::mem::size_of::<Value>()).and_then(|b| b.checked_add(HDR));
    let Some(bytes) = bytes else { return Err(vm.raise_memory_error()) };
    let v = vm.alloc_obj(&TUPLE_TYPE, bytes)?;
    // SAFETY: fresh allocation of a TupleObj with room for n items.
    unsafe { (*(v.as_ptr() as *mut TupleObj)).len = n };
    Ok(v)
}

/// A tuple-layout object of type `ty` (kind `Tuple`: a tuple subtype in ROM such as
/// `time.struct_time`) holding a copy of `xs` (rooted by the caller). May collect.
#[cfg_attr(not(feature = "time"), allow(dead_code))]
pub fn new_of_type(vm: &mut Vm<'_>, ty: &'static Type, xs: &[Value]) -> PyResult<Value> {
    let v = vm.alloc_obj(ty, HDR + core::mem::size_of_val(xs))?;
    // SAFETY: fresh allocation of a TupleObj with room for xs.len() items.
    unsafe { (*(v.as_ptr() as *mut TupleObj)).len = xs.len() };
    for (i, x) in xs.iter().enumerate() {
        // SAFETY: i < len, fresh heap object.
        unsafe { ((v.as_ptr() as *mut u8).add(HDR) as *mut Value).add(i).write(*x) };
    }
    Ok(v)
}

/// Set item `i` of a tuple being constructed (heap tuples only; ignored otherwise).
pub fn init_item(v: Value, i: usize, x: Value) {
    let Some(t) = obj::downcast::<TupleObj>(v) else { return };
    if i < t.len && t.len > 0 {
        // SAFETY: i < len and the tuple is a heap object under construction (ROM tuples are
        // never passed here: `alloc` only returns heap tuples for n > 0).
        unsafe { ((v.as_ptr() as *mut u8).add(HDR) as *mut Value).add(i).write(x) };
    }
}

fn trace(v: Value, t: &mut Tracer<'_>) {
    if let Some(xs) = items(v) {
        t.mark_all(xs);
    }
}

/// Append `(a, b, ...)` style repr of a sequence of values.
pub fn repr_items(
    vm: &mut Vm<'_>,
    v: Value,
    get: fn(Value, usize) -> Option<Value>,
    open: &str,
    close: &str,
    sb: &mut StrBuf,
) -> PyResult<()> {
    sb.push(vm, open)?;
    let mut i = 0;
    while let Some(x) = get(v, i) {
        if i > 0 {
            sb.push(vm, ", ")?;
        }
        runtime::repr_into(vm, x, sb)?;
        i += 1;
    }
    sb.push(vm, close)
}

fn get(v: Value, i: usize) -> Option<Value> {
    items(v).and_then(|xs| xs.get(i).copied())
}

fn repr(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf) -> PyResult<()> {
    let n = items(v).map(|x| x.len()).unwrap_or(0);
    if n == 1 {
        sb.push(vm, "(")?;
        runtime::repr_into(vm, get(v, 0).unwrap_or(Value::NONE), sb)?;
        return sb.push(vm, ",)");
    }
    if !runtime::repr_enter(vm, v) {
        return sb.push(vm, "(...)");
    }
    let r = repr_items(vm, v, get, "(", ")", sb);
    runtime::repr_leave(vm);
    r
}

/// CPython's tuple hash (xxHash-based), given the items' hashes.
pub fn hash_items(vm: &mut Vm<'_>, xs: &[Value]) -> PyResult<isize> {
    #[cfg(target_pointer_width = "64")]
    const P: (u64, u64, u64) = (11400714785074694791, 14029467366897019727, 2870177450012600261);
    #[cfg(target_pointer_width = "64")]
    fn rot(x: usize) -> usize {
        x.rotate_left(31)
    }
    #[cfg(not(target_pointer_width = "64"))]
    const P: (u64, u64, u64) = (2654435761, 2246822519, 374761393);
    #[cfg(not(target_pointer_width = "64"))]
    fn rot(x: usize) -> usize {
        x.rotate_left(13)
    }
    let mut acc: usize = P.2 as usize;
    for x in xs {
        let lane = runtime::hash(vm, *x)? as usize;
        acc = acc.wrapping_add(lane.wrapping_mul(P.1 as usize));
        acc = rot(acc);
        acc = acc.wrapping_mul(P.0 as usize);
    }
    acc = acc.wrapping_add(xs.len() ^ (P.2 as usize ^ 3527539));
    if acc == usize::MAX {
        return Ok(1546275796);
    }
    Ok(acc as isize)
}

fn hash(vm: &mut Vm<'_>, v: Value) -> PyResult<isize> {
    hash_items(vm, items(v).unwrap_or(&[]))
}

/// Lexicographic comparison of two sequences of the same kind.
pub fn seq_richcmp(
    vm: &mut Vm<'_>,
    a: Value,
    b: Value,
    op: CmpOp,
    get: fn(Value, usize) -> Option<Value>,
) -> PyResult<Value> {
    let mut i = 0;
    loop {
        match (get(a, i), get(b, i)) {
            (Some(x), Some(y)) => {
                if x == y {
                    i += 1;
                    continue;
                }
                // A list's items may leave it while `__eq__` runs: keep both alive. Nested
                // lists and tuples are not rooted (their own items are, one level down), so
                // comparing deeply nested containers does not use up the temp-root stack.
                let m = vm.roots_mark();
                for v in [x, y] {
                    if obj::list_methods::root_for_compare(v) {
                        vm.push_root(v)?;
                    }
                }
                let r = match runtime::eq(vm, x, y) {
                    Ok(true) => Ok(None),
                    // `__eq__` may have shortened a list: then the lengths decide (below).
                    Ok(false) if get(a, i).is_none() || get(b, i).is_none() => Ok(None),
                    Ok(false) if op == CmpOp::Eq => Ok(Some(Value::FALSE)),
                    Ok(false) if op == CmpOp::Ne => Ok(Some(Value::TRUE)),
                    Ok(false) => runtime::compare(vm, x, y, op).map(Some),
                    Err(e) => Err(e),
                };
                vm.pop_roots(m);
                if let Some(r) = r? {
                    return Ok(r);
                }
                if get(a, i).is_none() || get(b, i).is_none() {
                    continue;
                }
            }
            (x, y) => {
                let (la, lb) = (x.is_some() as u8, y.is_some() as u8);
                let o = la.cmp(&lb);
                return Ok(Value::bool(runtime::cmp_result(op, o)));
            }
        }
        i += 1;
    }
}

fn richcmp(vm: &mut Vm<'_>, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
    if items(a).is_none() || items(b).is_none() {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    seq_richcmp(vm, a, b, op, get)
}

fn len(_vm: &mut Vm<'_>, v: Value) -> PyResult<usize> {
    Ok(items(v).map(|x| x.len()).unwrap_or(0))
}

fn getitem(vm: &mut Vm<'_>, v: Value, k: Value) -> PyResult<Value> {
    let xs = items(v).unwrap_or(&[]);
    if let Some(sl) = obj::slice::as_slice(k) {
        let (start, stop, step) = sl.indices(vm, xs.len())?;
        let n = obj::slice::slice_len(start, stop, step);
        if step == 1 && n == xs.len() {
            return Ok(v);
        }
        let out = alloc(vm, n)?;
        let xs = items(v).unwrap_or(&[]);
        let mut i = start;
        for j in 0..n {
            init_item(out, j, xs.get(i as usize).copied().unwrap_or(Value::NONE));
            i += step;
        }
        return Ok(out);
    }
    let i = runtime::index_arg(vm, k, "tuple indices must be integers or slices")?;
    match runtime::norm_index(i, xs.len()) {
        Some(i) => Ok(xs[i]),
        None => Err(vm.raise_msg(&exc::INDEX_ERROR_TYPE, "tuple index out of range")),
    }
}

fn contains(vm: &mut Vm<'_>, v: Value, x: Value) -> PyResult<bool> {
    for y in items(v).unwrap_or(&[]) {
        if *y == x || runtime::eq(vm, *y, x)? {
            return Ok(true);
        }
    }
    Ok(false)
}

fn iter(vm: &mut Vm<'_>, v: Value) -> PyResult<Value> {
    obj::iter::new_seq_iter(vm, v)
}

fn binop(vm: &mut Vm<'_>, op: BinOp, a: Value, b: Value, _r: bool) -> PyResult<Value> {
    match op.base() {
        BinOp::Add => {
            let (Some(x), Some(y)) = (items(a), items(b)) else { return Ok(Value::NOT_IMPLEMENTED) };
            if y.is_empty() {
                return Ok(a);
            }
            if x.is_empty() {
                return Ok(b);
            }
            let out = alloc(vm, x.len() + y.len())?;
            for (i, v) in x.iter().chain(y.iter()).enumerate() {
                init_item(out, i, *v);
            }
            Ok(out)
        }
        BinOp::Mul => {
            let (t, n) = if items(a).is_some() { (a, b) } else { (b, a) };
            let Some(n) = runtime::repeat_count(vm, n)? else { return Ok(Value::NOT_IMPLEMENTED) };
            let xs = items(t).unwrap_or(&[]);
            if xs.is_empty() || n == 1 {
                return Ok(if n == 0 { empty() } else { t });
            }
            let Some(total) = xs.len().checked_mul(n) else { return Err(vm.raise_memory_error()) };
            let out = alloc(vm, total)?;
            let xs = items(t).unwrap_or(&[]);
            for k in 0..total {
                init_item(out, k, xs[k % xs.len()]);
            }
            Ok(out)
        }
        _ => Ok(Value::NOT_IMPLEMENTED),
    }
}

fn new_tuple(vm: &mut Vm<'_>, _cls: Value, args: &Args<'_>) -> PyResult<Value> {
    let x = args.get(0);
    if x.is_null() {
        return Ok(empty());
    }
    if let Some(xs) = items(x) {
        // A tuple subclass instance gives an exact tuple.
        return if core::ptr::eq(obj::type_of(x), &TUPLE_TYPE) { Ok(x) } else { new(vm, xs) };
    }
    let l = obj::list::from_iter(vm, x)?;
    let m = vm.roots_mark();
    vm.push_root(l)?;
    let r = obj::list::to_tuple(vm, l);
    vm.pop_roots(m);
    r
}

fn t_count(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    runtime::check_nargs(vm, "count", args, 2, 2)?;
    let x = args.get(1);
    let mut n = 0;
    for y in items(args.get(0)).unwrap_or(&[]) {
        if *y == x || runtime::eq(vm, *y, x)? {
            n += 1;
        }
    }
    Ok(Value::small_int(n))
}

fn t_index(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let x = args.get(1);
    for (i, y) in items(args.get(0)).unwrap_or(&[]).iter().enumerate() {
        if *y == x || runtime::eq(vm, *y, x)? {
            return Ok(Value::small_int(i as isize));
        }
    }
    Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "tuple.index(x): x not in tuple"))
}

static METHODS: &[Builtin] = &[Builtin::method(&qstr::count, t_count), Builtin::method(&qstr::index, t_index)];

/// `tuple`'s slots, for static tuple subtypes (`functools`' `CacheInfo`) to start from.
pub(crate) const TUPLE_SLOTS: Slots = Slots {
    trace: Some(trace),
    repr: Some(repr),
    hash: Some(hash),
    richcmp: Some(richcmp),
    len: Some(len),
    getitem: Some(getitem),
    contains: Some(contains),
    iter: Some(iter),
    binop: Some(binop),
    new: Some(new_tuple),
    ..Slots::EMPTY
};
static SLOTS: Slots = TUPLE_SLOTS;

/// `tuple`.
pub static TUPLE_TYPE: Type =
    Type::builtin(&qstr::tuple, Some(&obj::class::OBJECT_TYPE), Kind::Tuple, flags::BASETYPE, &SLOTS, METHODS);
