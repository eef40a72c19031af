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
    let Some(b) = obj::downcast::<BytesObj>(v) else { return &mut [] };
    // SAFETY: `v` is a fresh heap bytes object of `len` bytes, not yet visible to other code;
    // the pointer comes from `v` (the heap's provenance), not from the shared `&BytesObj`.
    unsafe { core::slice::from_raw_parts_mut((v.as_ptr() as *mut u8).add(HDR), b.len) }
}

fn repr(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf) -> PyResult<()> {
    let d = as_bytes(v).unwrap_or(&[]);
    let q = if d.contains(&b'\'') && !d.contains(&b'"') { '"' } else { '\'' };
    sb.push(vm, "b")?;
    sb.push_char(vm, q)?;
    for &c in d {
        match c {
            b'\\' => sb.push(vm, "\\\\")?,
            b'\n' => sb.push(vm, "\\n")?,
            b'\r' => sb.push(vm, "\\r")?,
            b'\t' => sb.push(vm, "\\t")?,
            _ if c as char == q => {
                sb.push(vm, "\\")?;
                sb.push_char(vm, q)?
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

fn richcmp(_vm: &mut Vm<'_>, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (as_bytes(a), as_bytes(b)) else { return Ok(Value::NOT_IMPLEMENTED) };
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

fn contains(vm: &mut Vm<'_>, v: Value, x: Value) -> PyResult<bool> {
    let d = as_bytes(v).unwrap_or(&[]);
    if let Some(i) = obj::int::small_value(x) {
        return Ok(d.contains(&(i as u8)));
    }
    let Some(n) = as_bytes(x) else {
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
            let (Some(x), Some(y)) = (as_bytes(a), as_bytes(b)) else { return Ok(Value::NOT_IMPLEMENTED) };
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
    let x = args.get(0);
    let (enc, errors) = crate::codec::args(vm, args, 1, "bytes")?;
    if let Some(s) = obj::str::as_str(x) {
        if enc.is_none() {
            return Err(vm.type_error(format_args!("string argument without an encoding")));
        }
        return crate::codec::encode(vm, s, enc, errors);
    }
    if enc.is_some() || errors.is_some() {
        let what = if enc.is_some() { "encoding" } else { "errors" };
        return Err(vm.type_error(format_args!("{what} without a string argument")));
    }
    if x.is_null() {
        return new(vm, &[]);
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
        return alloc(vm, n);
    }
    let l = obj::list::from_iter(vm, x)?;
    let m = vm.roots_mark();
    vm.push_root(l)?;
    let items = obj::list::as_list(l).map(|l| l.as_slice()).unwrap_or(&[]);
    let v = vm.alloc_obj(&BYTES_TYPE, HDR.saturating_add(items.len()));
    vm.pop_roots(m);
    let v = v?;
    let items = obj::list::as_list(l).map(|l| l.as_slice()).unwrap_or(&[]);
    for (i, it) in items.iter().enumerate() {
        let b = obj::int::small_value(*it).filter(|b| (0..256).contains(b));
        let Some(b) = b else { return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "bytes must be in range(0, 256)")) };
        // SAFETY: i < len of the fresh allocation.
        unsafe { *(v.as_ptr() as *mut u8).add(HDR + i) = b as u8 };
    }
    // SAFETY: fresh allocation.
    unsafe { (*(v.as_ptr() as *mut BytesObj)).len = items.len() };
    Ok(v)
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
pub static BYTES_TYPE: Type =
    Type::builtin(&qstr::bytes, Some(&obj::class::OBJECT_TYPE), Kind::Bytes, flags::BASETYPE, &SLOTS, obj::bytes_methods::METHODS);
