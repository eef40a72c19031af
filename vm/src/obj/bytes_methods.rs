//! Methods of `bytes` (ASCII semantics, as CPython's: whitespace, case and character
//! classes only know ASCII).
//!
//! Arguments stay rooted on the caller's value stack, and heap objects never move, so the
//! byte slices borrowed from them stay valid across the allocations below.

use super::{Args, Builtin};
use crate::obj::{self, bytes as b, exception as exc, str::StrBuf};
use crate::qstr;
use crate::runtime;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

fn this(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<&'static [u8]> {
    match b::as_bytes(args.get(0)) {
        Some(d) => Ok(d),
        None => Err(vm.type_error(format_args!("descriptor requires a 'bytes' object"))),
    }
}

/// A bytes-like argument.
fn bytes_arg(vm: &mut Vm<'_>, v: Value) -> PyResult<&'static [u8]> {
    match b::as_bytes(v) {
        Some(d) => Ok(d),
        None => Err(vm.type_error(format_args!("a bytes-like object is required, not '{}'", obj::type_name(v)))),
    }
}

/// Argument `i` (or keyword `kw`); NULL when absent or None.
fn opt_arg(args: &Args<'_>, i: usize, kw: &str) -> Value {
    let v = args.get(i);
    let v = if v.is_null() { args.kw(kw) } else { v };
    if v == Value::NONE { Value::NULL } else { v }
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// Position of `needle` in `hay` (first, or last with `rev`).
fn find_sub(hay: &[u8], needle: &[u8], rev: bool) -> Option<usize> {
    if needle.len() > hay.len() {
        return None;
    }
    let mut positions = 0..=hay.len() - needle.len();
    let is_at = |&i: &usize| &hay[i..i + needle.len()] == needle;
    if rev { positions.rev().find(is_at) } else { positions.find(is_at) }
}

/// Append `bytes(part)` to the list `out` (rooted by the caller). May collect.
fn push_part(vm: &mut Vm<'_>, out: Value, part: &[u8]) -> PyResult<()> {
    let p = b::new(vm, part)?;
    obj::list::append(vm, out, p)
}

/// The next piece of a split of `data[lo..hi]` (from the left, or from the right with
/// `right`): `(piece start, piece end, new lo, new hi)`, or `None` when nothing is left.
/// `last`: the split limit is reached, so the piece is the whole rest.
fn next_piece(data: &[u8], sep: Option<&[u8]>, lo: usize, hi: usize, right: bool, last: bool) -> Option<(usize, usize, usize, usize)> {
    let Some(s) = sep else {
        // Whitespace split: skip leading (trailing) whitespace; empty pieces never appear.
        let (mut lo, mut hi) = (lo, hi);
        if right {
            while hi > lo && is_space(data[hi - 1]) {
                hi -= 1;
            }
        } else {
            while lo < hi && is_space(data[lo]) {
                lo += 1;
            }
        }
        if lo == hi {
            return None;
        }
        if last {
            // The rest keeps its whitespace on the far side, as CPython's does.
            return Some((lo, hi, hi, hi));
        }
        return Some(if right {
            let mut a = hi;
            while a > lo && !is_space(data[a - 1]) {
                a -= 1;
            }
            (a, hi, lo, a)
        } else {
            let mut e = lo;
            while e < hi && !is_space(data[e]) {
                e += 1;
            }
            (lo, e, e, hi)
        });
    };
    if lo > hi {
        return None;
    }
    let hit = if last { None } else { find_sub(&data[lo..hi], s, right) };
    Some(match hit {
        // The rest; mark the range exhausted (lo > hi).
        None => (lo, hi, hi + 1, hi),
        Some(i) if right => (lo + i + s.len(), hi, lo, lo + i),
        Some(i) => (lo, lo + i, lo + i + s.len(), hi),
    })
}

fn split_impl(vm: &mut Vm<'_>, args: &Args<'_>, right: bool) -> PyResult<Value> {
    let data = this(vm, args)?;
    let sep = opt_arg(args, 1, "sep");
    let maxv = opt_arg(args, 2, "maxsplit");
    let max = if maxv.is_null() { -1 } else { runtime::index_arg_typed(vm, maxv)? };
    let sep = if sep.is_null() { None } else { Some(bytes_arg(vm, sep)?) };
    if sep.is_some_and(|s| s.is_empty()) {
        return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "empty separator"));
    }
    let out = obj::list::with_capacity(vm, 0)?;
    let m = vm.roots_mark();
    vm.push_root(out)?;
    let (mut lo, mut hi, mut count) = (0, data.len(), 0i64);
    while let Some((a, e, nlo, nhi)) = next_piece(data, sep, lo, hi, right, max >= 0 && count >= max) {
        push_part(vm, out, &data[a..e])?;
        (lo, hi) = (nlo, nhi);
        count += 1;
    }
    if right {
        if let Some(l) = obj::list::as_list(out) {
            let n = l.len();
            for i in 0..n / 2 {
                let (x, y) = (l.get(i).unwrap_or(Value::NONE), l.get(n - 1 - i).unwrap_or(Value::NONE));
                l.set(i, y);
                l.set(n - 1 - i, x);
            }
        }
    }
    vm.pop_roots(m);
    Ok(out)
}

fn split(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    split_impl(vm, args, false)
}
fn rsplit(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    split_impl(vm, args, true)
}

fn join(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let sep = this(vm, args)?;
    let l = obj::list::from_iter(vm, args.get(1))?;
    let m = vm.roots_mark();
    vm.push_root(l)?;
    let items = obj::list::as_list(l).map(|x| x.as_slice()).unwrap_or(&[]);
    let mut total = 0usize;
    for (i, it) in items.iter().enumerate() {
        let Some(d) = b::as_bytes(*it) else {
            vm.pop_roots(m);
            return Err(vm.type_error(format_args!(
                "sequence item {i}: expected a bytes-like object, {} found",
                obj::type_name(*it)
            )));
        };
        total = total.saturating_add(d.len()).saturating_add(if i > 0 { sep.len() } else { 0 });
    }
    let r = b::alloc(vm, total);
    vm.pop_roots(m);
    let r = r?;
    let out = b::fresh_data(r);
    let items = obj::list::as_list(l).map(|x| x.as_slice()).unwrap_or(&[]);
    let mut at = 0;
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out[at..at + sep.len()].copy_from_slice(sep);
            at += sep.len();
        }
        let d = b::as_bytes(*it).unwrap_or(&[]);
        out[at..at + d.len()].copy_from_slice(d);
        at += d.len();
    }
    Ok(r)
}

fn strip_impl(vm: &mut Vm<'_>, args: &Args<'_>, left: bool, right: bool) -> PyResult<Value> {
    let data = this(vm, args)?;
    let chars = opt_arg(args, 1, "bytes");
    let set = if chars.is_null() { None } else { Some(bytes_arg(vm, chars)?) };
    let strip = |c: u8| match set {
        Some(s) => s.contains(&c),
        None => is_space(c),
    };
    let (mut lo, mut hi) = (0, data.len());
    while left && lo < hi && strip(data[lo]) {
        lo += 1;
    }
    while right && hi > lo && strip(data[hi - 1]) {
        hi -= 1;
    }
    if hi - lo == data.len() {
        return Ok(args.get(0));
    }
    b::new(vm, &data[lo..hi])
}

fn strip(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    strip_impl(vm, args, true, true)
}
fn lstrip(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    strip_impl(vm, args, true, false)
}
fn rstrip(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    strip_impl(vm, args, false, true)
}

fn replace(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let data = this(vm, args)?;
    runtime::check_nargs(vm, "replace", args, 3, 4)?;
    let old = bytes_arg(vm, args.pos[1])?;
    let new = bytes_arg(vm, args.pos[2])?;
    let count = if args.pos.len() > 3 { runtime::index_arg_typed(vm, args.pos[3])? } else { -1 };
    let limit = if count < 0 { usize::MAX } else { count as usize };
    // Pass 1 counts the result length; pass 2 fills it.
    let fill = |out: Option<&mut [u8]>| -> usize {
        let mut out = out;
        let mut at = 0usize;
        let mut put = |s: &[u8], out: &mut Option<&mut [u8]>| {
            if let Some(o) = out.as_deref_mut() {
                o[at..at + s.len()].copy_from_slice(s);
            }
            // Counting may pass usize::MAX (the same long replacement many times): the
            // allocation of the saturated total then fails before anything is filled.
            at = at.saturating_add(s.len());
        };
        let mut n = 0usize;
        if old.is_empty() {
            for i in 0..data.len() {
                if n < limit {
                    put(new, &mut out);
                    n += 1;
                }
                put(&data[i..i + 1], &mut out);
            }
            if n < limit {
                put(new, &mut out);
            }
            return at;
        }
        let mut lo = 0;
        while n < limit {
            let Some(i) = find_sub(&data[lo..], old, false) else { break };
            put(&data[lo..lo + i], &mut out);
            put(new, &mut out);
            lo += i + old.len();
            n += 1;
        }
        put(&data[lo..], &mut out);
        at
    };
    let total = fill(None);
    let r = b::alloc(vm, total)?;
    fill(Some(b::fresh_data(r)));
    Ok(r)
}

/// The needle of find/index/count: bytes or an int in range(256).
fn needle(vm: &mut Vm<'_>, v: Value, buf: &mut [u8; 1]) -> PyResult<&'static [u8]> {
    if let Some(i) = obj::int::small_value(v) {
        if !(0..256).contains(&i) {
            return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "byte must be in range(0, 256)"));
        }
        buf[0] = i as u8;
        // SAFETY: the caller keeps `buf` alive while it uses the needle (extend to 'static
        // only to share a return type with the borrowed-bytes case).
        return Ok(unsafe { core::mem::transmute::<&[u8], &'static [u8]>(&buf[..]) });
    }
    if obj::int::is_int(v) {
        return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "byte must be in range(0, 256)"));
    }
    match b::as_bytes(v) {
        Some(d) => Ok(d),
        None => Err(vm.type_error(format_args!(
            "argument should be integer or bytes-like object, not '{}'",
            obj::type_name(v)
        ))),
    }
}

/// Clamp an optional start/end argument like slicing does.
fn bound(vm: &mut Vm<'_>, v: Value, n: usize, dflt: usize) -> PyResult<usize> {
    if v.is_null() || v == Value::NONE {
        return Ok(dflt);
    }
    let i = runtime::slice_index_arg(vm, v, true)?;
    Ok(runtime::clamp_to(i, n))
}

/// `(window start, window)` for the optional start/end arguments at 2 and 3.
fn window(vm: &mut Vm<'_>, args: &Args<'_>, data: &'static [u8]) -> PyResult<(usize, &'static [u8])> {
    let lo = bound(vm, args.get(2), data.len(), 0)?;
    let hi = bound(vm, args.get(3), data.len(), data.len())?;
    Ok((lo, if lo <= hi { &data[lo..hi] } else { &[] }))
}

fn find_impl(vm: &mut Vm<'_>, args: &Args<'_>, rev: bool) -> PyResult<i64> {
    let data = this(vm, args)?;
    let mut buf = [0u8; 1];
    let sub = needle(vm, args.get(1), &mut buf)?;
    let (lo, w) = window(vm, args, data)?;
    if lo > data.len() {
        return Ok(-1);
    }
    Ok(find_sub(w, sub, rev).map(|i| (lo + i) as i64).unwrap_or(-1))
}

fn find(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    Ok(Value::small_int(find_impl(vm, args, false)? as isize))
}
fn rfind(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    Ok(Value::small_int(find_impl(vm, args, true)? as isize))
}
fn index(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    match find_impl(vm, args, false)? {
        -1 => Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "subsection not found")),
        i => Ok(Value::small_int(i as isize)),
    }
}
fn rindex(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    match find_impl(vm, args, true)? {
        -1 => Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "subsection not found")),
        i => Ok(Value::small_int(i as isize)),
    }
}

fn count(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let data = this(vm, args)?;
    let mut buf = [0u8; 1];
    let sub = needle(vm, args.get(1), &mut buf)?;
    let (_, w) = window(vm, args, data)?;
    if sub.is_empty() {
        return Ok(Value::small_int(w.len() as isize + 1));
    }
    let (mut n, mut lo) = (0, 0);
    while let Some(i) = find_sub(&w[lo..], sub, false) {
        n += 1;
        lo += i + sub.len();
    }
    Ok(Value::small_int(n))
}

fn affix(vm: &mut Vm<'_>, args: &Args<'_>, start: bool) -> PyResult<Value> {
    let data = this(vm, args)?;
    let (_, w) = window(vm, args, data)?;
    let what = if start { "startswith" } else { "endswith" };
    let check = |t: &[u8]| if start { w.starts_with(t) } else { w.ends_with(t) };
    let p = args.get(1);
    if let Some(t) = b::as_bytes(p) {
        return Ok(Value::bool(check(t)));
    }
    if let Some(items) = obj::tuple::items(p) {
        for it in items {
            let Some(t) = b::as_bytes(*it) else {
                return Err(vm.type_error(format_args!(
                    "a bytes-like object is required, not '{}'",
                    obj::type_name(*it)
                )));
            };
            if check(t) {
                return Ok(Value::TRUE);
            }
        }
        return Ok(Value::FALSE);
    }
    Err(vm.type_error(format_args!(
        "{what} first arg must be bytes or a tuple of bytes, not {}",
        obj::type_name(p)
    )))
}

fn startswith(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    affix(vm, args, true)
}
fn endswith(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    affix(vm, args, false)
}

fn map_bytes(vm: &mut Vm<'_>, args: &Args<'_>, f: fn(u8) -> u8) -> PyResult<Value> {
    let data = this(vm, args)?;
    let r = b::alloc(vm, data.len())?;
    for (o, c) in b::fresh_data(r).iter_mut().zip(data) {
        *o = f(*c);
    }
    Ok(r)
}

fn upper(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    map_bytes(vm, args, |c| c.to_ascii_uppercase())
}
fn lower(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    map_bytes(vm, args, |c| c.to_ascii_lowercase())
}
fn swapcase(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    map_bytes(vm, args, |c| if c.is_ascii_uppercase() { c.to_ascii_lowercase() } else { c.to_ascii_uppercase() })
}

/// A character-class predicate: true if the bytes are non-empty and all match.
fn pred(vm: &mut Vm<'_>, args: &Args<'_>, f: fn(u8) -> bool) -> PyResult<Value> {
    let data = this(vm, args)?;
    Ok(Value::bool(!data.is_empty() && data.iter().all(|c| f(*c))))
}

fn isdigit(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    pred(vm, args, |c| c.is_ascii_digit())
}
fn isalpha(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    pred(vm, args, |c| c.is_ascii_alphabetic())
}
fn isalnum(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    pred(vm, args, |c| c.is_ascii_alphanumeric())
}
fn isspace(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    pred(vm, args, is_space)
}

/// isupper / islower: at least one cased byte and none of the other case.
fn cased(vm: &mut Vm<'_>, args: &Args<'_>, upper: bool) -> PyResult<Value> {
    let data = this(vm, args)?;
    let (has, other) = if upper {
        (data.iter().any(u8::is_ascii_uppercase), data.iter().any(u8::is_ascii_lowercase))
    } else {
        (data.iter().any(u8::is_ascii_lowercase), data.iter().any(u8::is_ascii_uppercase))
    };
    Ok(Value::bool(has && !other))
}
fn isupper(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    cased(vm, args, true)
}
fn islower(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    cased(vm, args, false)
}

fn partition_impl(vm: &mut Vm<'_>, args: &Args<'_>, rev: bool) -> PyResult<Value> {
    let data = this(vm, args)?;
    let sep = bytes_arg(vm, args.get(1))?;
    if sep.is_empty() {
        return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "empty separator"));
    }
    let (a, s, c) = match find_sub(data, sep, rev) {
        Some(i) => (&data[..i], sep, &data[i + sep.len()..]),
        None if rev => (&data[..0], &data[..0], data),
        None => (data, &data[..0], &data[..0]),
    };
    let t = obj::tuple::alloc(vm, 3)?;
    let m = vm.roots_mark();
    vm.push_root(t)?;
    for (i, part) in [a, s, c].iter().enumerate() {
        let p = b::new(vm, part)?;
        obj::tuple::init_item(t, i, p);
    }
    vm.pop_roots(m);
    Ok(t)
}

fn partition(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    partition_impl(vm, args, false)
}
fn rpartition(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    partition_impl(vm, args, true)
}

fn decode(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let d = this(vm, args)?;
    let (enc, errors) = crate::codec::args(vm, args, 1, "decode")?;
    crate::codec::decode(vm, d, enc, errors)
}

fn hex(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let d = this(vm, args)?;
    let mut sb = StrBuf::new(vm)?;
    for c in d {
        sb.push_fmt(vm, format_args!("{c:02x}"))?;
    }
    sb.finish(vm)
}

/// The method table of `bytes`.
pub static METHODS: &[Builtin] = &[
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
];
