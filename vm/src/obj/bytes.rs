//! `bytes`: immutable byte string (`rom::Bytes` layout, heap or ROM).
//!
//! ```text
//!  BytesObj  ObjHeader | len usize | data [u8; len]
//! ```

use frostbyte_format::{BinOp, CmpOp};

use super::{flags, Args, Kind, Layout, Slots, Type};
use crate::obj::{self, exception as exc, str::StrBuf};
use crate::qstr;
use crate::rom::ObjHeader;
use crate::runtime;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Bytes layout.
#[repr(C)]
pub struct BytesObj {
    hdr: ObjHeader,
    len: usize,
}

// SAFETY: repr(C), starts with ObjHeader; BYTES_TYPE has kind Bytes; rom::Bytes shares it.
unsafe impl Layout for BytesObj {
    const KIND: Kind = Kind::Bytes;
}

const HDR: usize = core::mem::size_of::<BytesObj>();

/// The data of a bytes value.
pub fn as_bytes(v: Value) -> Option<&'static [u8]> {
    let b = obj::downcast::<BytesObj>(v)?;
    // SAFETY: bytes objects are followed by `len` bytes, reached through `v` (whose
    // provenance covers the whole object, unlike a pointer from `&BytesObj`).
    Some(unsafe { core::slice::from_raw_parts(v.as_ptr().add(HDR), b.len) })
}

/// A view of an object's memory: where it is, how long, and how to read it.
#[derive(Clone, Copy)]
pub struct Buffer {
    /// First byte.
    pub ptr: *mut u8,
    /// Length in bytes.
    pub len: usize,
    /// Writes are refused.
    pub readonly: bool,
    /// struct-style format character of one item (`B` for plain bytes).
    pub format: u8,
    /// Bytes per item.
    pub itemsize: usize,
}

/// The buffer of an object whose type (or built-in base) fills the `buffer` slot
/// (`array.array`); `export` as in [`Slots::buffer`](super::Slots). Valid until the object
/// is resized or freed.
pub fn slot_buffer(v: Value, export: bool) -> Option<Buffer> {
    if !v.is_obj() {
        return None;
    }
    let t = obj::type_of(v);
    let t = if t.is_heap() { obj::class::static_base(t) } else { t };
    t.slots.buffer.and_then(|f| f(v, export))
}

/// The data of any object with a byte buffer: bytes, bytearray, memoryview or a type with
/// a `buffer` slot (the buffer protocol of this VM). A bytearray's slice stays valid until
/// it is resized; code that runs Python code while holding one pins the bytearray
/// (`bytearray::pin`).
pub fn as_buf(v: Value) -> Option<&'static [u8]> {
    let d = as_bytes(v).or_else(|| obj::bytearray::data(v));
    #[cfg(feature = "memoryview")]
    let d = d.or_else(|| obj::memoryview::data(v));
    d.or_else(|| {
        let b = slot_buffer(v, false)?;
        if b.len == 0 {
            return Some(&[]);
        }
        // SAFETY: the slot describes `len` live bytes owned by `v`.
        Some(unsafe { core::slice::from_raw_parts(b.ptr, b.len) })
    })
}

/// A new object of the type of `like` (bytes, or bytearray when `like` is one) holding a
/// copy of `data`. May collect.
pub fn new_like(vm: &mut Vm<'_>, like: Value, data: &[u8]) -> PyResult<Value> {
    let r = alloc_like(vm, like, data.len())?;
    fresh_data(r).copy_from_slice(data);
    Ok(r)
}

/// Like [`alloc`], but a bytearray when `like` is one. May collect.
pub fn alloc_like(vm: &mut Vm<'_>, like: Value, n: usize) -> PyResult<Value> {
    alloc_kind(vm, obj::bytearray::data(like).is_some(), n)
}

/// A zero-filled bytes object, or bytearray with `ba`, of length `n`. May collect.
fn alloc_kind(vm: &mut Vm<'_>, ba: bool, n: usize) -> PyResult<Value> {
    if ba {
        obj::bytearray::with_len(vm, n)
    } else {
        alloc(vm, n)
    }
}

/// A new bytes object with a copy of `data`. May collect.
pub fn new(vm: &mut Vm<'_>, data: &[u8]) -> PyResult<Value> {
    let v = vm.alloc_obj(&BYTES_TYPE, HDR.saturating_add(data.len()))?;
    // SAFETY: fresh allocation of HDR + len bytes.
    unsafe {
        (*(v.as_ptr() as *mut BytesObj)).len = data.len();
        core::ptr::copy_nonoverlapping(data.as_ptr(), (v.as_ptr() as *mut u8).add(HDR), data.len());
    }
    Ok(v)
}

/// A new zero-filled bytes object of length `n`; fill it with [`fresh_data`] before the
/// next allocation. May collect.
pub fn alloc(vm: &mut Vm<'_>, n: usize) -> PyResult<Value> {
    let v = vm.alloc_obj(&BYTES_TYPE, HDR.saturating_add(n))?;
    // SAFETY: fresh allocation of HDR + n bytes.
    unsafe { (*(v.as_ptr() as *mut BytesObj)).len = n };
    Ok(v)
}

/// The writable data of a bytes object just made by [`alloc`] (not yet shared: bytes are
/// immutable once other code can see them).
pub fn fresh_data(v: Value) -> &'static mut [u8] {
    let Some(b) = obj::downcast::<BytesObj>(v) else { return obj::bytearray::data_mut(v) };
    // SAFETY: `v` is a fresh heap bytes object of `len` bytes, not yet visible to other code;
    // the pointer comes from `v` (the heap's provenance), not from the shared `&BytesObj`.
    unsafe { core::slice::from_raw_parts_mut((v.as_ptr() as *mut u8).add(HDR), b.len) }
}

fn repr(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf) -> PyResult<()> {
    repr_data(vm, as_bytes(v).unwrap_or(&[]), false, sb)
}

/// Append the literal `b'...'` of `d` (CPython's quoting and escapes; a bytearray's repr
/// escapes `'` even inside double quotes, as CPython's does).
pub fn repr_data(vm: &mut Vm<'_>, d: &[u8], ba: bool, sb: &mut StrBuf) -> PyResult<()> {
    let q = if d.contains(&b'\'') && !d.contains(&b'"') { '"' } else { '\'' };
    sb.push(vm, "b")?;
    sb.push_char(vm, q)?;
    for &c in d {
        match c {
            b'\\' => sb.push(vm, "\\\\")?,
            b'\n' => sb.push(vm, "\\n")?,
            b'\r' => sb.push(vm, "\\r")?,
            b'\t' => sb.push(vm, "\\t")?,
            _ if c as char == q || (ba && c == b'\'') => {
                sb.push(vm, "\\")?;
                sb.push_char(vm, c as char)?
            }
            0x20..=0x7e => sb.push_char(vm, c as char)?,
            _ => sb.push_fmt(vm, format_args!("\\x{c:02x}"))?,
        }
    }
    sb.push_char(vm, q)
}

fn hash(_vm: &mut Vm<'_>, v: Value) -> PyResult<isize> {
    let h = frostbyte_format::qstr_hash(as_bytes(v).unwrap_or(&[])) as isize;
    Ok(if h == -1 { -2 } else { h })
}

/// Comparison of two byte buffers (bytes with bytearray too).
pub(crate) fn richcmp(_vm: &mut Vm<'_>, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
    // bytes compares with bytes-likes of its own family only (CPython's bytes_richcompare);
    // bytearray with any buffer.
    if (as_bytes(a).is_some() || as_bytes(b).is_some())
        && (slot_buffer(a, false).is_some() || slot_buffer(b, false).is_some())
    {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let (Some(x), Some(y)) = (as_buf(a), as_buf(b)) else { return Ok(Value::NOT_IMPLEMENTED) };
    Ok(Value::bool(runtime::cmp_result(op, x.cmp(y))))
}

fn len(_vm: &mut Vm<'_>, v: Value) -> PyResult<usize> {
    Ok(as_bytes(v).map(|d| d.len()).unwrap_or(0))
}

fn getitem(vm: &mut Vm<'_>, v: Value, k: Value) -> PyResult<Value> {
    let d = as_bytes(v).unwrap_or(&[]);
    if let Some(sl) = obj::slice::as_slice(k) {
        let (start, stop, step) = sl.indices(vm, d.len())?;
        let n = obj::slice::slice_len(start, stop, step);
        if step == 1 {
            return new(vm, d.get(start as usize..start as usize + n).unwrap_or(&[]));
        }
        let r = alloc(vm, n)?;
        let mut i = start;
        for slot in fresh_data(r).iter_mut() {
            *slot = d.get(i as usize).copied().unwrap_or(0);
            i += step;
        }
        return Ok(r);
    }
    let i = runtime::index_arg(vm, k, "byte indices must be integers or slices")?;
    match runtime::norm_index(i, d.len()) {
        Some(i) => Ok(Value::small_int(d[i] as isize)),
        None => Err(vm.raise_msg(&exc::INDEX_ERROR_TYPE, "index out of range")),
    }
}

/// `x in v` for a byte buffer `v`: an int in range(256) or a bytes-like substring.
pub(crate) fn contains(vm: &mut Vm<'_>, v: Value, x: Value) -> PyResult<bool> {
    let d = as_buf(v).unwrap_or(&[]);
    if obj::int::is_int(x) {
        return match obj::int::small_value(x).filter(|i| (0..256).contains(i)) {
            Some(i) => Ok(d.contains(&(i as u8))),
            None => Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "byte must be in range(0, 256)")),
        };
    }
    let Some(n) = as_buf(x) else {
        return Err(vm.type_error(format_args!("a bytes-like object is required, not '{}'", obj::type_name(x))));
    };
    Ok(n.is_empty() || d.windows(n.len()).any(|w| w == n))
}

fn iter(vm: &mut Vm<'_>, v: Value) -> PyResult<Value> {
    obj::iter::new_seq_iter(vm, v)
}

fn binop(vm: &mut Vm<'_>, op: BinOp, a: Value, b: Value, _r: bool) -> PyResult<Value> {
    match op.base() {
        BinOp::Add => {
            let (Some(x), Some(y)) = (as_bytes(a), as_buf(b)) else { return Ok(Value::NOT_IMPLEMENTED) };
            let r = alloc(vm, x.len().saturating_add(y.len()))?;
            let out = fresh_data(r);
            out[..x.len()].copy_from_slice(x);
            out[x.len()..].copy_from_slice(y);
            Ok(r)
        }
        BinOp::Mul => {
            let (d, n) = match (as_bytes(a), as_bytes(b)) {
                (Some(d), None) => (d, b),
                (None, Some(d)) => (d, a),
                _ => return Ok(Value::NOT_IMPLEMENTED),
            };
            let Some(n) = runtime::repeat_count(vm, n)? else { return Ok(Value::NOT_IMPLEMENTED) };
            let Some(total) = d.len().checked_mul(n).filter(|t| *t <= isize::MAX as usize) else {
                return Err(vm.raise_msg(&exc::OVERFLOW_ERROR_TYPE, "repeated bytes are too long"));
            };
            let r = alloc(vm, total)?;
            if !d.is_empty() {
                for chunk in fresh_data(r).chunks_exact_mut(d.len()) {
                    chunk.copy_from_slice(d);
                }
            }
            Ok(r)
        }
        _ => Ok(Value::NOT_IMPLEMENTED),
    }
}

fn new_bytes(vm: &mut Vm<'_>, _cls: Value, args: &Args<'_>) -> PyResult<Value> {
    construct(vm, args, false)
}

/// `bytes(...)`, or `bytearray(...)` with `ba`: from nothing, a str and an encoding, a count,
/// a byte buffer or an iterable of ints. May collect.
pub(crate) fn construct(vm: &mut Vm<'_>, args: &Args<'_>, ba: bool) -> PyResult<Value> {
    let x = args.get(0);
    let what = if ba { "bytearray" } else { "bytes" };
    let (enc, errors) = crate::codec::args(vm, args, 1, what)?;
    if let Some(s) = obj::str::as_str(x) {
        if enc.is_none() {
            return Err(vm.type_error(format_args!("string argument without an encoding")));
        }
        let r = crate::codec::encode(vm, s, enc, errors)?;
        return if ba { new_like_kind(vm, r) } else { Ok(r) };
    }
    if enc.is_some() || errors.is_some() {
        let what = if enc.is_some() { "encoding" } else { "errors" };
        return Err(vm.type_error(format_args!("{what} without a string argument")));
    }
    if x.is_null() {
        return alloc_kind(vm, ba, 0);
    }
    if let Some(d) = as_buf(x) {
        let r = alloc_kind(vm, ba, d.len())?;
        // Re-read: the allocation cannot resize `x`, and heap objects never move.
        fresh_data(r).copy_from_slice(as_buf(x).unwrap_or(&[]));
        return Ok(r);
    }
    // A count: an int, or an object with `__index__` (before trying to iterate it).
    let count = if obj::int::is_int(x) {
        Some(x)
    } else if obj::type_of(x).is_heap() {
        runtime::call_dunder(vm, x, &qstr::__index__, &[])?.filter(|r| obj::int::is_int(*r))
    } else {
        None
    };
    if let Some(c) = count {
        let Some(n) = obj::int::to_i64(c) else {
            return Err(vm.raise_fmt(
                &exc::OVERFLOW_ERROR_TYPE,
                format_args!("cannot fit '{}' into an index-sized integer", obj::type_name(x)),
            ));
        };
        let Ok(n) = usize::try_from(n) else {
            return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "negative count"));
        };
        return alloc_kind(vm, ba, n);
    }
    if obj::type_of(x).slots.iter.is_none() && !obj::type_of(x).is_heap() {
        return Err(vm.type_error(format_args!("cannot convert '{}' object to {what}", obj::type_name(x))));
    }
    let l = obj::list::from_iter(vm, x)?;
    let m = vm.roots_mark();
    vm.push_root(l)?;
    let r = from_int_list(vm, l, ba);
    vm.pop_roots(m);
    r
}

/// A bytearray copy of the fresh bytes object `r`. May collect.
fn new_like_kind(vm: &mut Vm<'_>, r: Value) -> PyResult<Value> {
    let m = vm.roots_mark();
    vm.push_root(r)?;
    let out = alloc_kind(vm, true, as_bytes(r).map_or(0, |d| d.len()));
    vm.pop_roots(m);
    let out = out?;
    fresh_data(out).copy_from_slice(as_bytes(r).unwrap_or(&[]));
    Ok(out)
}

/// Bytes (bytearray with `ba`) from the rooted list `l` of ints in range(256). May collect.
pub(crate) fn from_int_list(vm: &mut Vm<'_>, l: Value, ba: bool) -> PyResult<Value> {
    let n = obj::list::as_list(l).map_or(0, |l| l.len());
    let v = alloc_kind(vm, ba, n)?;
    let m = vm.roots_mark();
    vm.push_root(v)?;
    for i in 0..n {
        let it = obj::list::as_list(l).and_then(|l| l.get(i)).unwrap_or(Value::NONE);
        // `__index__` may run Python code, so the buffer is looked up again for each item.
        let b = match byte_value(vm, it, if ba { "byte" } else { "bytes" }) {
            Ok(b) => b,
            Err(e) => {
                vm.pop_roots(m);
                return Err(e);
            }
        };
        if let Some(slot) = fresh_data(v).get_mut(i) {
            *slot = b;
        }
    }
    vm.pop_roots(m);
    Ok(v)
}

/// An item stored into bytes: an int (or `__index__`) in range(256). `what` starts the
/// range message ("byte" or "bytes"). Runs no Python code for ints.
pub(crate) fn byte_value(vm: &mut Vm<'_>, x: Value, what: &str) -> PyResult<u8> {
    let i = if obj::int::is_int(x) { obj::int::to_i64(x) } else { Some(runtime::index_arg_typed(vm, x)?) };
    match i.filter(|b| (0..256).contains(b)) {
        Some(b) => Ok(b as u8),
        None => Err(vm.value_error(format_args!("{what} must be in range(0, 256)"))),
    }
}

static SLOTS: Slots = Slots {
    repr: Some(repr),
    hash: Some(hash),
    richcmp: Some(richcmp),
    len: Some(len),
    getitem: Some(getitem),
    contains: Some(contains),
    iter: Some(iter),
    binop: Some(binop),
    new: Some(new_bytes),
    ..Slots::EMPTY
};

/// `bytes`.
pub static BYTES_TYPE: Type = Type::builtin(
    &qstr::bytes,
    Some(&obj::class::OBJECT_TYPE),
    Kind::Bytes,
    flags::BASETYPE,
    &SLOTS,
    obj::bytes_methods::METHODS,
);
