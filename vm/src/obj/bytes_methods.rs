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
    match b::as_buf(args.get(0)) {
        Some(d) => Ok(d),
        None => Err(vm.type_error(format_args!("descriptor requires a 'bytes' object"))),
    }
}

/// A bytes-like argument.
fn bytes_arg(vm: &mut Vm<'_>, v: Value) -> PyResult<&'static [u8]> {
    match b::as_buf(v) {
        Some(d) => Ok(d),
        None => Err(vm.type_error(format_args!("a bytes-like object is required, not '{}'", obj::type_name(v)))),
    }
}

/// Run `f` (which may run Python code) with the bytearrays among `args` pinned, as CPython
/// holds the buffer exports of a method's bytes-like arguments while it parses the rest: a
/// resize meanwhile raises BufferError. Callers read the arguments' data after `f`, so an
/// argument whose buffer cannot be pinned (an `array`) is read as it is then.
fn with_args_pinned<R>(args: &[Value], f: impl FnOnce() -> R) -> R {
    for a in args {
        obj::bytearray::pin(*a, true);
    }
    let r = f();
    for a in args {
        obj::bytearray::pin(*a, false);
    }
    r
}

/// Argument `i` (or keyword `kw`); NULL when absent or None.
fn opt_arg(args: &Args<'_>, i: usize, kw: &str) -> Value {
    let v = args.get(i);
    let v = if v.is_null() { args.kw(kw) } else { v };
    if v == Value::NONE {
        Value::NULL
    } else {
        v
    }
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// Position of `needle` in `hay` (first, or last with `rev`).
pub(crate) fn find_sub(hay: &[u8], needle: &[u8], rev: bool) -> Option<usize> {
    if needle.len() > hay.len() {
        return None;
    }
    let mut positions = 0..=hay.len() - needle.len();
    let is_at = |&i: &usize| needle.first().is_none_or(|b| hay[i] == *b) && &hay[i..i + needle.len()] == needle;
    if rev {
        positions.rev().find(is_at)
    } else {
        positions.find(is_at)
    }
}

/// Append `bytes(part)` (a bytearray when `like` is one) to the list `out` (rooted by the
/// caller). May collect.
fn push_part(vm: &mut Vm<'_>, like: Value, out: Value, part: &[u8]) -> PyResult<()> {
    let p = b::new_like(vm, like, part)?;
    obj::list::append(vm, out, p)
}

/// The next piece of a split of `data[lo..hi]` (from the left, or from the right with
/// `right`): `(piece start, piece end, new lo, new hi)`, or `None` when nothing is left.
/// `last`: the split limit is reached, so the piece is the whole rest.
fn next_piece(
    data: &[u8],
    sep: Option<&[u8]>,
    lo: usize,
    hi: usize,
    right: bool,
    last: bool,
) -> Option<(usize, usize, usize, usize)> {
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
        push_part(vm, args.get(0), out, &data[a..e])?;
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

pub(crate) fn split(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    split_impl(vm, args, false)
}
pub(crate) fn rsplit(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    split_impl(vm, args, true)
}

pub(crate) fn join(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    this(vm, args)?;
    let l = obj::list::from_iter(vm, args.get(1))?;
    // Read after the iteration, which may run Python code that resizes a bytearray `self`.
    let sep = this(vm, args)?;
    let m = vm.roots_mark();
    vm.push_root(l)?;
    let items = obj::list::as_list(l).map(|x| x.as_slice()).unwrap_or(&[]);
    let mut total = 0usize;
    for (i, it) in items.iter().enumerate() {
        let Some(d) = b::as_buf(*it) else {
            vm.pop_roots(m);
            return Err(vm.type_error(format_args!(
                "sequence item {i}: expected a bytes-like object, {} found",
                obj::type_name(*it)
            )));
        };
        total = total.saturating_add(d.len()).saturating_add(if i > 0 { sep.len() } else { 0 });
    }
    let r = b::alloc_like(vm, args.get(0), total);
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
        let d = b::as_buf(*it).unwrap_or(&[]);
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
    if hi - lo == data.len() && b::as_bytes(args.get(0)).is_some() {
        return Ok(args.get(0));
    }
    b::new_like(vm, args.get(0), &data[lo..hi])
}

pub(crate) fn strip(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    strip_impl(vm, args, true, true)
}
pub(crate) fn lstrip(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    strip_impl(vm, args, true, false)
}
pub(crate) fn rstrip(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    strip_impl(vm, args, false, true)
}

pub(crate) fn replace(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let data = this(vm, args)?;
    runtime::check_nargs(vm, "replace", args, 3, 4)?;
    bytes_arg(vm, args.pos[1])?;
    bytes_arg(vm, args.pos[2])?;
    // `count` may run Python code (`__index__`): the arguments are exported meanwhile, as
    // in CPython (a bytearray among them refuses a resize), and their data is read after.
    let count = if args.pos.len() > 3 {
        with_args_pinned(&args.pos[1..3], || runtime::index_arg_typed(vm, args.pos[3]))?
    } else {
        -1
    };
    let old = bytes_arg(vm, args.pos[1])?;
    let new = bytes_arg(vm, args.pos[2])?;
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
    let r = b::alloc_like(vm, args.get(0), total)?;
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
    match b::as_buf(v) {
        Some(d) => Ok(d),
        None => Err(
            vm.type_error(format_args!("argument should be integer or bytes-like object, not '{}'", obj::type_name(v)))
        ),
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
    needle(vm, args.get(1), &mut buf)?;
    // CPython parses the bounds before it takes the needle's buffer: read it after them, as
    // their `__index__` may run Python code that resizes it.
    let (lo, w) = window(vm, args, data)?;
    let sub = needle(vm, args.get(1), &mut buf)?;
    if lo > data.len() {
        return Ok(-1);
    }
    Ok(find_sub(w, sub, rev).map(|i| (lo + i) as i64).unwrap_or(-1))
}

pub(crate) fn find(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    Ok(Value::small_int(find_impl(vm, args, false)? as isize))
}
pub(crate) fn rfind(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    Ok(Value::small_int(find_impl(vm, args, true)? as isize))
}
pub(crate) fn index(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    match find_impl(vm, args, false)? {
        -1 => Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "subsection not found")),
        i => Ok(Value::small_int(i as isize)),
    }
}
pub(crate) fn rindex(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    match find_impl(vm, args, true)? {
        -1 => Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "subsection not found")),
        i => Ok(Value::small_int(i as isize)),
    }
}

pub(crate) fn count(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let data = this(vm, args)?;
    let mut buf = [0u8; 1];
    needle(vm, args.get(1), &mut buf)?;
    let (_, w) = window(vm, args, data)?;
    let sub = needle(vm, args.get(1), &mut buf)?;
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
    if let Some(t) = b::as_buf(p) {
        return Ok(Value::bool(check(t)));
    }
    if let Some(items) = obj::tuple::items(p) {
        for it in items {
            let Some(t) = b::as_buf(*it) else {
                return Err(
                    vm.type_error(format_args!("a bytes-like object is required, not '{}'", obj::type_name(*it)))
                );
            };
            if check(t) {
                return Ok(Value::TRUE);
            }
        }
        return Ok(Value::FALSE);
    }
    Err(vm.type_error(format_args!("{what} first arg must be bytes or a tuple of bytes, not {}", obj::type_name(p))))
}

pub(crate) fn startswith(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    affix(vm, args, true)
}
pub(crate) fn endswith(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    affix(vm, args, false)
}

fn map_bytes(vm: &mut Vm<'_>, args: &Args<'_>, f: fn(u8) -> u8) -> PyResult<Value> {
    let data = this(vm, args)?;
    let r = b::alloc_like(vm, args.get(0), data.len())?;
    for (o, c) in b::fresh_data(r).iter_mut().zip(data) {
        *o = f(*c);
    }
    Ok(r)
}

pub(crate) fn upper(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    map_bytes(vm, args, |c| c.to_ascii_uppercase())
}
pub(crate) fn lower(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    map_bytes(vm, args, |c| c.to_ascii_lowercase())
}
pub(crate) fn swapcase(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    map_bytes(vm, args, |c| if c.is_ascii_uppercase() { c.to_ascii_lowercase() } else { c.to_ascii_uppercase() })
}

/// A character-class predicate: true if the bytes are non-empty and all match.
fn pred(vm: &mut Vm<'_>, args: &Args<'_>, f: fn(u8) -> bool) -> PyResult<Value> {
    let data = this(vm, args)?;
    Ok(Value::bool(!data.is_empty() && data.iter().all(|c| f(*c))))
}

pub(crate) fn isdigit(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    pred(vm, args, |c| c.is_ascii_digit())
}
pub(crate) fn isalpha(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    pred(vm, args, |c| c.is_ascii_alphabetic())
}
pub(crate) fn isalnum(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    pred(vm, args, |c| c.is_ascii_alphanumeric())
}
pub(crate) fn isspace(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
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
pub(crate) fn isupper(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    cased(vm, args, true)
}
pub(crate) fn islower(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
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
        let p = b::new_like(vm, args.get(0), part)?;
        obj::tuple::init_item(t, i, p);
    }
    vm.pop_roots(m);
    Ok(t)
}

pub(crate) fn partition(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    partition_impl(vm, args, false)
}
pub(crate) fn rpartition(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    partition_impl(vm, args, true)
}

pub(crate) fn decode(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let d = this(vm, args)?;
    let (enc, errors) = crate::codec::args(vm, args, 1, "decode")?;
    crate::codec::decode(vm, d, enc, errors)
}

pub(crate) fn hex(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    this(vm, args)?;
    let sepv = opt_arg(args, 1, "sep");
    let per = opt_arg(args, 2, "bytes_per_sep");
    let per = if per.is_null() { 1 } else { runtime::index_arg_typed(vm, per)? };
    let sep = if sepv.is_null() {
        None
    } else {
        let s = match obj::str::as_str(sepv) {
            Some(s) => s.as_bytes(),
            None => bytes_arg(vm, sepv)?,
        };
        if s.len() != 1 {
            return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "sep must be length 1."));
        }
        if !s[0].is_ascii() {
            return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "sep must be ASCII."));
        }
        Some(s[0] as char)
    };
    let d = this(vm, args)?;
    let n = per.unsigned_abs() as usize;
    let mut sb = StrBuf::new(vm)?;
    for (i, c) in d.iter().enumerate() {
        if let Some(s) = sep.filter(|_| i > 0 && n > 0) {
            let at = if per > 0 { (d.len() - i) % n == 0 } else { i % n == 0 };
            if at {
                sb.push_char(vm, s)?;
            }
        }
        sb.push_fmt(vm, format_args!("{c:02x}"))?;
    }
    sb.finish(vm)
}

crate::static_qstr!(Q_TRANSLATE, "translate");
crate::static_qstr!(Q_MAKETRANS, "maketrans");
crate::static_qstr!(Q_FROMHEX, "fromhex");

/// The padding methods' width (argument 1) and fill byte (argument 2, default space).
fn pad_args(vm: &mut Vm<'_>, args: &Args<'_>, name: &str, fill: bool) -> PyResult<(usize, u8)> {
    runtime::check_nargs(vm, name, args, 2, if fill { 3 } else { 2 })?;
    let w = runtime::index_arg_typed(vm, args.pos[1])?;
    let mut c = b' ';
    if let Some(f) = args.pos.get(2) {
        match b::as_buf(*f) {
            Some([x]) => c = *x,
            _ => {
                return Err(vm.type_error(format_args!(
                    "{name}() argument 2 must be a byte string of length 1, not {}",
                    obj::type_name(*f)
                )))
            }
        }
    }
    Ok((w.max(0) as usize, c))
}

/// `data` padded to `width` with `left` fill bytes before it (the rest after). May collect.
fn padded(vm: &mut Vm<'_>, args: &Args<'_>, width: usize, left: usize, fill: u8) -> PyResult<Value> {
    let data = this(vm, args)?;
    if width <= data.len() && b::as_bytes(args.get(0)).is_some() {
        return Ok(args.get(0));
    }
    let width = width.max(data.len());
    let r = b::alloc_like(vm, args.get(0), width)?;
    let out = b::fresh_data(r);
    out.fill(fill);
    out[left..left + data.len()].copy_from_slice(data);
    Ok(r)
}

pub(crate) fn center(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let (w, c) = pad_args(vm, args, "center", true)?;
    let n = this(vm, args)?.len();
    let marg = w.saturating_sub(n);
    padded(vm, args, w, marg / 2 + (marg & w & 1), c)
}
pub(crate) fn ljust(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let (w, c) = pad_args(vm, args, "ljust", true)?;
    padded(vm, args, w, 0, c)
}
pub(crate) fn rjust(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let (w, c) = pad_args(vm, args, "rjust", true)?;
    let n = this(vm, args)?.len();
    padded(vm, args, w, w.saturating_sub(n), c)
}
pub(crate) fn zfill(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let (w, _) = pad_args(vm, args, "zfill", false)?;
    let n = this(vm, args)?.len();
    let r = padded(vm, args, w, w.saturating_sub(n), b'0')?;
    if w > n {
        let out = b::fresh_data(r);
        let k = w - n;
        if matches!(out.get(k), Some(b'+' | b'-')) {
            out.swap(0, k);
        }
    }
    Ok(r)
}

pub(crate) fn expandtabs(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let t = opt_arg(args, 1, "tabsize");
    let tab = if t.is_null() { 8 } else { runtime::index_arg_typed(vm, t)? };
    let data = this(vm, args)?;
    // Pass 1 measures, pass 2 fills.
    let run = |mut out: Option<&mut [u8]>| -> usize {
        let (mut at, mut col) = (0usize, 0usize);
        let mut put = |c: u8, out: &mut Option<&mut [u8]>| {
            if let Some(o) = out.as_deref_mut() {
                o[at] = c;
            }
            at += 1;
        };
        for &c in data {
            if c == b'\t' {
                if tab > 0 {
                    let n = tab as usize - col % tab as usize;
                    for _ in 0..n {
                        put(b' ', &mut out);
                    }
                    col += n;
                }
            } else {
                put(c, &mut out);
                col = if c == b'\n' || c == b'\r' { 0 } else { col + 1 };
            }
        }
        at
    };
    let r = b::alloc_like(vm, args.get(0), run(None))?;
    run(Some(b::fresh_data(r)));
    Ok(r)
}

pub(crate) fn isascii(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    Ok(Value::bool(this(vm, args)?.is_ascii()))
}

pub(crate) fn istitle(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let (mut cased, mut prev) = (false, false);
    for &c in this(vm, args)? {
        if c.is_ascii_uppercase() {
            if prev {
                return Ok(Value::FALSE);
            }
            (prev, cased) = (true, true);
        } else if c.is_ascii_lowercase() {
            if !prev {
                return Ok(Value::FALSE);
            }
            (prev, cased) = (true, true);
        } else {
            prev = false;
        }
    }
    Ok(Value::bool(cased))
}

/// title (`words`) or capitalize: upper case at a word start (the first byte), lower elsewhere.
fn recase(vm: &mut Vm<'_>, args: &Args<'_>, words: bool) -> PyResult<Value> {
    let data = this(vm, args)?;
    let r = b::alloc_like(vm, args.get(0), data.len())?;
    let mut prev = false;
    for (i, (o, &c)) in b::fresh_data(r).iter_mut().zip(data).enumerate() {
        let start = if words { !prev } else { i == 0 };
        *o = if start { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() };
        prev = c.is_ascii_alphabetic();
    }
    Ok(r)
}
pub(crate) fn title(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    recase(vm, args, true)
}
pub(crate) fn capitalize(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    recase(vm, args, false)
}

pub(crate) fn splitlines(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let k = opt_arg(args, 1, "keepends");
    let keep = !k.is_null() && runtime::truthy(vm, k)?;
    let data = this(vm, args)?;
    let out = obj::list::with_capacity(vm, 0)?;
    let m = vm.roots_mark();
    vm.push_root(out)?;
    let mut i = 0;
    while i < data.len() {
        let mut e = i;
        while e < data.len() && data[e] != b'\n' && data[e] != b'\r' {
            e += 1;
        }
        let mut next = e;
        if e < data.len() {
            next += if data[e] == b'\r' && data.get(e + 1) == Some(&b'\n') { 2 } else { 1 };
        }
        push_part(vm, args.get(0), out, &data[i..if keep { next } else { e }])?;
        i = next;
    }
    vm.pop_roots(m);
    Ok(out)
}

fn remove_affix(vm: &mut Vm<'_>, args: &Args<'_>, prefix: bool) -> PyResult<Value> {
    runtime::check_nargs(vm, if prefix { "removeprefix" } else { "removesuffix" }, args, 2, 2)?;
    let data = this(vm, args)?;
    let a = bytes_arg(vm, args.pos[1])?;
    let rest = if prefix { data.strip_prefix(a) } else { data.strip_suffix(a) };
    match rest {
        None if b::as_bytes(args.get(0)).is_some() => Ok(args.get(0)),
        _ => b::new_like(vm, args.get(0), rest.unwrap_or(data)),
    }
}
pub(crate) fn removeprefix(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    remove_affix(vm, args, true)
}
pub(crate) fn removesuffix(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    remove_affix(vm, args, false)
}

pub(crate) fn translate(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    runtime::check_nargs(vm, "translate", args, 2, 3)?;
    let t = opt_arg(args, 1, "table");
    let table = if t.is_null() { None } else { Some(bytes_arg(vm, t)?) };
    if table.is_some_and(|t| t.len() != 256) {
        return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "translation table must be 256 characters long"));
    }
    let del = opt_arg(args, 2, "delete");
    let del = if del.is_null() { &[][..] } else { bytes_arg(vm, del)? };
    let data = this(vm, args)?;
    let keep = data.iter().filter(|c| !del.contains(c)).count();
    let r = b::alloc_like(vm, args.get(0), keep)?;
    for (o, c) in b::fresh_data(r).iter_mut().zip(data.iter().filter(|c| !del.contains(c))) {
        *o = table.map_or(*c, |t| t[*c as usize]);
    }
    Ok(r)
}

/// `bytes.maketrans(frm, to)` (a static method).
pub(crate) fn maketrans(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    runtime::check_nargs(vm, "maketrans", args, 2, 2)?;
    let (f, t) = (bytes_arg(vm, args.pos[0])?, bytes_arg(vm, args.pos[1])?);
    if f.len() != t.len() {
        return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "maketrans arguments must have same length"));
    }
    let r = b::alloc(vm, 256)?;
    let out = b::fresh_data(r);
    for (i, o) in out.iter_mut().enumerate() {
        *o = i as u8;
    }
    for (x, y) in f.iter().zip(t) {
        out[*x as usize] = *y;
    }
    Ok(r)
}

/// `bytes.fromhex(s)` / `bytearray.fromhex(s)` (a class method: `args.pos[0]` is the class).
pub(crate) fn fromhex(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    runtime::check_nargs(vm, "fromhex", args, 2, 2)?;
    let Some(s) = obj::str::as_str(args.pos[1]) else {
        return Err(vm.type_error(format_args!("fromhex() argument must be str, not {}", obj::type_name(args.pos[1]))));
    };
    let digit = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    // Pass 1 checks and counts, pass 2 fills.
    let run = |mut out: Option<&mut [u8]>| -> Result<usize, usize> {
        let (d, mut i, mut n) = (s.as_bytes(), 0, 0);
        while i < d.len() {
            if is_space(d[i]) {
                i += 1;
                continue;
            }
            let hi = digit(d[i]).ok_or(i)?;
            let lo = d.get(i + 1).and_then(|c| digit(*c)).ok_or(i + 1)?;
            if let Some(o) = out.as_deref_mut() {
                o[n] = hi << 4 | lo;
            }
            n += 1;
            i += 2;
        }
        Ok(n)
    };
    let n = match run(None) {
        Ok(n) => n,
        Err(at) => {
            return Err(vm.value_error(format_args!("non-hexadecimal number found in fromhex() arg at position {at}")))
        }
    };
    let ba = obj::as_type(args.pos[0]).is_some_and(|t| t.is_subtype(&obj::bytearray::BYTEARRAY_TYPE));
    let r = if ba { obj::bytearray::with_len(vm, n)? } else { b::alloc(vm, n)? };
    let _ = run(Some(b::fresh_data(r)));
    Ok(r)
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
    Builtin::method(&Q_TRANSLATE, translate),
    Builtin::class_method(&Q_FROMHEX, fromhex),
    Builtin::static_method(&Q_MAKETRANS, maketrans),
];
