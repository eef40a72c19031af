//! `bytearray`: mutable byte string. Its methods shared with `bytes` live in
//! `bytes_methods.rs` (results take the type of `self`); this file has the layout, the
//! mutations and the operators.
//!
//! ```text
//!  ByteArrayObj  ObjHeader | len usize | cap usize | data *mut u8 (raw heap buffer, cap bytes)
//!                | pins usize | viewed usize (1 once a memoryview was made over it)
//! ```
//! The data buffer is a header-less heap block owned by the bytearray (marked by its trace).
//! Code that holds a slice of the data while Python code may run (a shared method whose
//! argument has `__index__`, a `join` over a generator) pins the bytearray, so a resize
//! meanwhile raises BufferError instead of freeing the slice's buffer. Memoryviews are
//! exports too, but the collector runs no finalizers to say when a view dies: `viewed` is
//! set when one is made, and a resize while it is set collects and looks for a live,
//! unreleased view of this bytearray (BufferError if there is one, else `viewed` clears).

use core::cell::Cell;

use frostbyte_format::BinOp;

use super::{flags, Args, Kind, Layout, NativeFn, Slots, Type};
use crate::heap::Tracer;
use crate::obj::{self, bytes as b, bytes_methods as bm, exception as exc, str::StrBuf, Builtin};
use crate::qstr;
use crate::rom::ObjHeader;
use crate::runtime;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Bytearray layout.
#[repr(C)]
pub struct ByteArrayObj {
    hdr: ObjHeader,
    len: Cell<usize>,
    cap: Cell<usize>,
    data: Cell<*mut u8>,
    pins: Cell<usize>,
    viewed: Cell<usize>,
}

// SAFETY: repr(C), starts with ObjHeader; BYTEARRAY_TYPE has kind ByteArray.
unsafe impl Layout for ByteArrayObj {
    const KIND: Kind = Kind::ByteArray;
}

fn get(v: Value) -> Option<&'static ByteArrayObj> {
    obj::downcast::<ByteArrayObj>(v)
}

/// The bytes of a bytearray (valid until it is resized; see the module doc).
pub fn data(v: Value) -> Option<&'static [u8]> {
    let a = get(v)?;
    if a.data.get().is_null() {
        return Some(&[]);
    }
    // SAFETY: the buffer holds `cap >= len` bytes, the first `len` initialised.
    Some(unsafe { core::slice::from_raw_parts(a.data.get(), a.len.get()) })
}

/// The writable bytes of a bytearray (empty for anything else). The caller writes them
/// before anything else can observe or resize the bytearray.
pub fn data_mut(v: Value) -> &'static mut [u8] {
    let Some(a) = get(v) else { return &mut [] };
    if a.data.get().is_null() {
        return &mut [];
    }
    // SAFETY: as `data`; bytearray contents are plain bytes, written only by the VM's
    // single thread, and no other slice of them is used across this write.
    unsafe { core::slice::from_raw_parts_mut(a.data.get(), a.len.get()) }
}

/// Count one more (`up`) or one fewer pin of `v`'s buffer (see the module doc); nothing
/// for other values.
pub(crate) fn pin(v: Value, up: bool) {
    if let Some(a) = get(v) {
        let n = a.pins.get();
        a.pins.set(if up { n + 1 } else { n.saturating_sub(1) });
    }
}

/// Note that a memoryview over `v` was made (see the module doc).
#[cfg_attr(not(feature = "memoryview"), allow(dead_code))]
pub fn mark_viewed(v: Value) {
    if let Some(a) = get(v) {
        a.viewed.set(1);
    }
}

/// Run a shared `bytes` method with `self` pinned (see the module doc).
fn pinned(vm: &mut Vm<'_>, args: &Args<'_>, f: NativeFn) -> PyResult<Value> {
    pin(args.get(0), true);
    let r = f(vm, args);
    pin(args.get(0), false);
    r
}

/// A new zero-filled bytearray of `n` bytes. May collect.
pub fn with_len(vm: &mut Vm<'_>, n: usize) -> PyResult<Value> {
    let v = vm.alloc_obj(&BYTEARRAY_TYPE, core::mem::size_of::<ByteArrayObj>())?;
    if n > 0 {
        let m = vm.roots_mark();
        vm.push_root(v)?;
        let r = resize(vm, v, n);
        vm.pop_roots(m);
        r?;
    }
    Ok(v)
}

/// Set the length of the rooted bytearray `v` to `n` (new bytes are zero). BufferError
/// while it is exported. May collect.
pub fn resize(vm: &mut Vm<'_>, v: Value, n: usize) -> PyResult<()> {
    check_resizable(vm, v, n)?;
    let Some(a) = get(v) else { return Ok(()) };
    if n > a.cap.get() {
        let want = if n > a.len.get() + 1 { n } else { n + n / 2 + 8 };
        let p = vm.realloc_atleast(a.data.get(), want, n, false)?;
        let a = get(v).ok_or_else(|| vm.raise_memory_error())?;
        a.data.set(p);
        a.cap.set(vm.heap.alloc_size(p).min(want).max(n));
    }
    let a = get(v).ok_or_else(|| vm.raise_memory_error())?;
    let old = a.len.get();
    a.len.set(n);
    if n > old {
        data_mut(v)[old..].fill(0);
    }
    Ok(())
}

/// BufferError if the rooted `v` is exported and `n` is not its length. May collect.
fn check_resizable(vm: &mut Vm<'_>, v: Value, n: usize) -> PyResult<()> {
    let Some(a) = get(v) else { return Ok(()) };
    if n == a.len.get() || a.pins.get() == 0 && a.viewed.get() == 0 {
        return Ok(());
    }
    if a.pins.get() == 0 {
        vm.collect();
        #[cfg(feature = "memoryview")]
        let live = {
            let mut live = false;
            vm.heap.for_each_object(|o| live |= obj::memoryview::views(o, v));
            live
        };
        #[cfg(not(feature = "memoryview"))]
        let live = false;
        if !live {
            a.viewed.set(0);
            return Ok(());
        }
    }
    Err(vm.raise_msg(&exc::BUFFER_ERROR_TYPE, "Existing exports of data: object cannot be re-sized"))
}

/// Replace `data[lo..hi]` of the rooted bytearray `v` by `src` (which must not be inside
/// `v`'s buffer). May collect.
fn splice(vm: &mut Vm<'_>, v: Value, lo: usize, hi: usize, src: &[u8]) -> PyResult<()> {
    let n = data(v).map_or(0, |d| d.len());
    let (lo, hi) = (lo.min(n), hi.clamp(lo.min(n), n));
    let new_len = n - (hi - lo) + src.len();
    check_resizable(vm, v, new_len)?;
    if new_len > n {
        resize(vm, v, new_len)?;
    }
    let d = data_mut(v);
    d.copy_within(hi..n, lo + src.len());
    d[lo..lo + src.len()].copy_from_slice(src);
    if new_len < n {
        resize(vm, v, new_len)?;
    }
    Ok(())
}

/// The bytes of an assigned value: a byte buffer, or an iterable of ints in range(256)
/// (an int or a str is refused as CPython does), as a fresh bytes object. May collect.
fn rvalue(vm: &mut Vm<'_>, x: Value) -> PyResult<Value> {
    if let Some(d) = b::as_buf(x) {
        let r = b::alloc(vm, d.len())?;
        b::fresh_data(r).copy_from_slice(b::as_buf(x).unwrap_or(&[]));
        return Ok(r);
    }
    if obj::int::is_int(x) || obj::str::is_str(x) || obj::type_of(x).slots.iter.is_none() && !obj::type_of(x).is_heap()
    {
        return Err(
            vm.type_error(format_args!("can assign only bytes, buffers, or iterables of ints in range(0, 256)"))
        );
    }
    let l = obj::list::from_iter(vm, x)?;
    let m = vm.roots_mark();
    vm.push_root(l)?;
    let r = b::from_int_list(vm, l, false);
    vm.pop_roots(m);
    r
}

fn trace(v: Value, t: &mut Tracer<'_>) {
    if let Some(a) = get(v) {
        if !a.data.get().is_null() {
            t.mark_buffer(a.data.get());
        }
    }
}

fn repr(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf) -> PyResult<()> {
    sb.push(vm, obj::type_name(v))?;
    sb.push(vm, "(")?;
    b::repr_data(vm, data(v).unwrap_or(&[]), true, sb)?;
    sb.push(vm, ")")
}

fn len(_vm: &mut Vm<'_>, v: Value) -> PyResult<usize> {
    Ok(data(v).map_or(0, |d| d.len()))
}

fn getitem(vm: &mut Vm<'_>, v: Value, k: Value) -> PyResult<Value> {
    if let Some(sl) = obj::slice::as_slice(k) {
        let (start, stop, step) = sl.unpack(vm)?.adjust(data(v).map_or(0, |d| d.len()));
        let cnt = obj::slice::slice_len(start, stop, step);
        let r = with_len(vm, cnt)?;
        let src = data(v).unwrap_or(&[]);
        for (j, o) in data_mut(r).iter_mut().enumerate() {
            *o = src.get((start + j as isize * step) as usize).copied().unwrap_or(0);
        }
        return Ok(r);
    }
    let i = runtime::index_arg(vm, k, "bytearray indices must be integers or slices")?;
    let d = data(v).unwrap_or(&[]);
    match runtime::norm_index(i, d.len()) {
        Some(i) => Ok(Value::small_int(d[i] as isize)),
        None => Err(vm.raise_msg(&exc::INDEX_ERROR_TYPE, "bytearray index out of range")),
    }
}

fn setitem(vm: &mut Vm<'_>, v: Value, k: Value, x: Value) -> PyResult<()> {
    let n = || data(v).map_or(0, |d| d.len());
    if let Some(sl) = obj::slice::as_slice(k) {
        let u = sl.unpack(vm)?;
        let m = vm.roots_mark();
        let src = if x.is_null() { Value::NULL } else { rvalue(vm, x)? };
        vm.push_root(src)?;
        let (start, stop, step) = u.adjust(n());
        let r = if step == 1 {
            splice(vm, v, start as usize, stop.max(start) as usize, b::as_bytes(src).unwrap_or(&[]))
        } else {
            let cnt = obj::slice::slice_len(start, stop, step);
            if x.is_null() {
                // Keep every byte whose index is not on the slice (walked upwards), in order.
                let (lo, st) = if step < 0 { (start + (cnt as isize - 1) * step, -step) } else { (start, step) };
                let r = check_resizable(vm, v, n() - cnt);
                let d = data_mut(v);
                let (mut w, mut hit) = (0usize, 0usize);
                for i in 0..d.len() {
                    if r.is_ok() && hit < cnt && i as isize == lo + hit as isize * st {
                        hit += 1;
                    } else {
                        d[w] = d[i];
                        w += 1;
                    }
                }
                r.and_then(|_| resize(vm, v, w))
            } else {
                let s = b::as_bytes(src).unwrap_or(&[]);
                if s.len() != cnt {
                    Err(vm.value_error(format_args!(
                        "attempt to assign bytes of size {} to extended slice of size {cnt}",
                        s.len()
                    )))
                } else {
                    let d = data_mut(v);
                    for (j, c) in s.iter().enumerate() {
                        d[(start + j as isize * step) as usize] = *c;
                    }
                    Ok(())
                }
            }
        };
        vm.pop_roots(m);
        return r;
    }
    let i = runtime::index_arg(vm, k, "bytearray indices must be integers or slices")?;
    let c = if x.is_null() { 0 } else { b::byte_value(vm, x, "byte")? };
    let Some(i) = runtime::norm_index(i, n()) else {
        return Err(vm.raise_msg(&exc::INDEX_ERROR_TYPE, "bytearray index out of range"));
    };
    if x.is_null() {
        return splice(vm, v, i, i + 1, &[]);
    }
    data_mut(v)[i] = c;
    Ok(())
}

fn iter(vm: &mut Vm<'_>, v: Value) -> PyResult<Value> {
    obj::iter::new_seq_iter(vm, v)
}

/// Append the bytes of `x` (a buffer or an iterable of ints) to the rooted `v`. May collect.
fn extend_from(vm: &mut Vm<'_>, v: Value, x: Value) -> PyResult<()> {
    let src = rvalue(vm, x)?;
    let m = vm.roots_mark();
    vm.push_root(src)?;
    let n = data(v).map_or(0, |d| d.len());
    let r = splice(vm, v, n, n, b::as_bytes(src).unwrap_or(&[]));
    vm.pop_roots(m);
    r
}

fn binop(vm: &mut Vm<'_>, op: BinOp, a: Value, x: Value, reflected: bool) -> PyResult<Value> {
    match op {
        BinOp::Add | BinOp::IAdd if !reflected => {
            let (Some(_), Some(y)) = (data(a), b::as_buf(x)) else {
                if data(a).is_some() && !reflected {
                    return Err(vm.type_error(format_args!("can't concat {} to bytearray", obj::type_name(x))));
                }
                return Ok(Value::NOT_IMPLEMENTED);
            };
            if op == BinOp::IAdd {
                let src = b::new(vm, y)?;
                let m = vm.roots_mark();
                vm.push_root(src)?;
                let n = data(a).map_or(0, |d| d.len());
                let r = splice(vm, a, n, n, b::as_bytes(src).unwrap_or(&[]));
                vm.pop_roots(m);
                return r.map(|_| a);
            }
            let (n, k) = (data(a).map_or(0, |d| d.len()), y.len());
            let r = with_len(vm, n.saturating_add(k))?;
            let out = data_mut(r);
            out[..n].copy_from_slice(data(a).unwrap_or(&[]));
            out[n..].copy_from_slice(b::as_buf(x).unwrap_or(&[]));
            Ok(r)
        }
        BinOp::Mul | BinOp::IMul => {
            let (s, cnt) = if reflected { (x, a) } else { (a, x) };
            let Some(cnt) = runtime::repeat_count(vm, cnt)? else { return Ok(Value::NOT_IMPLEMENTED) };
            let n = data(s).map_or(0, |d| d.len());
            let Some(total) = n.checked_mul(cnt).filter(|t| *t <= isize::MAX as usize) else {
                return Err(vm.raise_memory_error());
            };
            let r = if op == BinOp::IMul {
                resize(vm, s, total)?;
                s
            } else {
                let r = with_len(vm, total)?;
                data_mut(r)[..n.min(total)].copy_from_slice(&data(s).unwrap_or(&[])[..n.min(total)]);
                r
            };
            let d = data_mut(r);
            for k in n..total {
                d[k] = d[k - n];
            }
            Ok(r)
        }
        _ => Ok(Value::NOT_IMPLEMENTED),
    }
}

fn new_bytearray(vm: &mut Vm<'_>, _cls: Value, args: &Args<'_>) -> PyResult<Value> {
    b::construct(vm, args, true)
}

fn this(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let v = args.get(0);
    if get(v).is_none() {
        return Err(vm.type_error(format_args!("descriptor requires a 'bytearray' object")));
    }
    Ok(v)
}

fn append(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let v = this(vm, args)?;
    runtime::check_nargs(vm, "append", args, 2, 2)?;
    let c = b::byte_value(vm, args.pos[1], "byte")?;
    let n = data(v).map_or(0, |d| d.len());
    splice(vm, v, n, n, &[c])?;
    Ok(Value::NONE)
}

fn extend(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let v = this(vm, args)?;
    runtime::check_nargs(vm, "extend", args, 2, 2)?;
    let x = args.pos[1];
    if obj::int::is_int(x)
        || obj::type_of(x).slots.iter.is_none() && !obj::type_of(x).is_heap() && b::as_buf(x).is_none()
    {
        return Err(vm.type_error(format_args!("can't extend bytearray with {}", obj::type_name(x))));
    }
    extend_from(vm, v, x)?;
    Ok(Value::NONE)
}

fn insert(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let v = this(vm, args)?;
    runtime::check_nargs(vm, "insert", args, 3, 3)?;
    let i = runtime::index_arg_typed(vm, args.pos[1])?;
    let c = b::byte_value(vm, args.pos[2], "byte")?;
    let n = data(v).map_or(0, |d| d.len());
    let at = runtime::clamp_to(i, n);
    splice(vm, v, at, at, &[c])?;
    Ok(Value::NONE)
}

fn pop(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let v = this(vm, args)?;
    runtime::check_nargs(vm, "pop", args, 1, 2)?;
    let i = if args.pos.len() > 1 { runtime::index_arg_typed(vm, args.pos[1])? } else { -1 };
    let n = data(v).map_or(0, |d| d.len());
    if n == 0 {
        return Err(vm.raise_msg(&exc::INDEX_ERROR_TYPE, "pop from empty bytearray"));
    }
    let Some(i) = runtime::norm_index(i, n) else {
        return Err(vm.raise_msg(&exc::INDEX_ERROR_TYPE, "pop index out of range"));
    };
    let c = data(v).unwrap_or(&[])[i];
    splice(vm, v, i, i + 1, &[])?;
    Ok(Value::small_int(c as isize))
}

fn remove(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let v = this(vm, args)?;
    runtime::check_nargs(vm, "remove", args, 2, 2)?;
    let c = b::byte_value(vm, args.pos[1], "byte")?;
    let Some(i) = data(v).unwrap_or(&[]).iter().position(|x| *x == c) else {
        return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "value not found in bytearray"));
    };
    splice(vm, v, i, i + 1, &[])?;
    Ok(Value::NONE)
}

fn clear(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let v = this(vm, args)?;
    runtime::check_nargs(vm, "clear", args, 1, 1)?;
    resize(vm, v, 0)?;
    Ok(Value::NONE)
}

fn copy(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let v = this(vm, args)?;
    runtime::check_nargs(vm, "copy", args, 1, 1)?;
    b::new_like(vm, v, data(v).unwrap_or(&[]))
}

fn reverse(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let v = this(vm, args)?;
    runtime::check_nargs(vm, "reverse", args, 1, 1)?;
    data_mut(v).reverse();
    Ok(Value::NONE)
}

/// Wrappers running the shared `bytes` methods with `self` pinned.
macro_rules! shared {
    ($($name:ident),* $(,)?) => {
        $(fn $name(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
            pinned(vm, args, bm::$name)
        })*
    };
}
shared!(
    decode,
    hex,
    split,
    rsplit,
    join,
    strip,
    lstrip,
    rstrip,
    replace,
    find,
    rfind,
    index,
    rindex,
    count,
    startswith,
    endswith,
    upper,
    lower,
    swapcase,
    isdigit,
    isalpha,
    isalnum,
    isspace,
    isupper,
    islower,
    partition,
    rpartition,
    capitalize,
    center,
    ljust,
    rjust,
    zfill,
    expandtabs,
    isascii,
    istitle,
    title,
    splitlines,
    removeprefix,
    removesuffix,
    translate,
);

static METHODS: &[Builtin] = &[
    Builtin::method(&qstr::append, append),
    Builtin::method(&qstr::extend, extend),
    Builtin::method(&qstr::insert, insert),
    Builtin::method(&qstr::pop, pop),
    Builtin::method(&qstr::remove, remove),
    Builtin::method(&qstr::clear, clear),
    Builtin::method(&qstr::copy, copy),
    Builtin::method(&qstr::reverse, reverse),
    Builtin::method(&qstr::decode, decode),
    Builtin::method(&qstr::hex, hex),
    Builtin::method(&qstr::split, split),
    Builtin::method(&qstr::rsplit, rsplit),
    Builtin::method(&qstr::join, join),
    Builtin::method(&qstr::strip, strip),
    Builtin::method(&qstr::lstrip, lstrip),
    Builtin::method(&qstr::rstrip, rstrip),
    Builtin::method(&qstr::replace, replace),
    Builtin::method(&qstr::find, find),
    Builtin::method(&qstr::rfind, rfind),
    Builtin::method(&qstr::index, index),
    Builtin::method(&qstr::rindex, rindex),
    Builtin::method(&qstr::count, count),
    Builtin::method(&qstr::startswith, startswith),
    Builtin::method(&qstr::endswith, endswith),
    Builtin::method(&qstr::upper, upper),
    Builtin::method(&qstr::lower, lower),
    Builtin::method(&qstr::swapcase, swapcase),
    Builtin::method(&qstr::isdigit, isdigit),
    Builtin::method(&qstr::isalpha, isalpha),
    Builtin::method(&qstr::isalnum, isalnum),
    Builtin::method(&qstr::isspace, isspace),
    Builtin::method(&qstr::isupper, isupper),
    Builtin::method(&qstr::islower, islower),
    Builtin::method(&qstr::partition, partition),
    Builtin::method(&qstr::rpartition, rpartition),
    Builtin::method(&qstr::capitalize, capitalize),
    Builtin::method(&qstr::center, center),
    Builtin::method(&qstr::ljust, ljust),
    Builtin::method(&qstr::rjust, rjust),
    Builtin::method(&qstr::zfill, zfill),
    Builtin::method(&obj::str_methods::Q_EXPANDTABS, expandtabs),
    Builtin::method(&obj::str_methods::Q_ISASCII, isascii),
    Builtin::method(&obj::str_methods::Q_ISTITLE, istitle),
    Builtin::method(&qstr::title, title),
    Builtin::method(&qstr::splitlines, splitlines),
    Builtin::method(&obj::str_methods::Q_REMOVEPREFIX, removeprefix),
    Builtin::method(&obj::str_methods::Q_REMOVESUFFIX, removesuffix),
    Builtin::method(&bm::Q_TRANSLATE, translate),
    Builtin::class_method(&bm::Q_FROMHEX, bm::fromhex),
    Builtin::static_method(&bm::Q_MAKETRANS, bm::maketrans),
];

static SLOTS: Slots = Slots {
    trace: Some(trace),
    repr: Some(repr),
    richcmp: Some(b::richcmp),
    len: Some(len),
    getitem: Some(getitem),
    setitem: Some(setitem),
    contains: Some(b::contains),
    iter: Some(iter),
    binop: Some(binop),
    new: Some(new_bytearray),
    ..Slots::EMPTY
};

/// `bytearray`.
pub static BYTEARRAY_TYPE: Type = Type::builtin(
    &qstr::bytearray,
    Some(&obj::class::OBJECT_TYPE),
    Kind::ByteArray,
    flags::UNHASHABLE | flags::BASETYPE,
    &SLOTS,
    METHODS,
);
