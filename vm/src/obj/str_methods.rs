//! Methods of `str`.

use super::{Args, Builtin};
use crate::obj::{
    self, exception as exc,
    str::{self as s, StrBuf},
    str_case,
};
use crate::qstr;
use crate::runtime;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

fn this(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<&'static str> {
    match s::as_str(args.get(0)) {
        Some(t) => Ok(t),
        None => Err(vm.type_error(format_args!("descriptor requires a 'str' object"))),
    }
}

fn str_arg(vm: &mut Vm<'_>, v: Value, what: &str) -> PyResult<&'static str> {
    match s::as_str(v) {
        Some(t) => Ok(t),
        None => Err(vm.type_error(format_args!("{what} arg must be None or str, not {}", obj::type_name(v)))),
    }
}

fn opt_arg(args: &Args<'_>, i: usize, kw: &str) -> Value {
    let v = args.get(i);
    let v = if v.is_null() { args.kw(kw) } else { v };
    if v == Value::NONE {
        Value::NULL
    } else {
        v
    }
}

fn split_impl(vm: &mut Vm<'_>, args: &Args<'_>, right: bool) -> PyResult<Value> {
    let text = this(vm, args)?;
    let sep = opt_arg(args, 1, "sep");
    let maxv = opt_arg(args, 2, "maxsplit");
    let max = if maxv.is_null() { -1 } else { runtime::index_arg_typed(vm, maxv)? };
    let out = obj::list::with_capacity(vm, 0)?;
    let m = vm.roots_mark();
    vm.push_root(out)?;
    let mut parts: [(usize, usize); 0] = [];
    let _ = &mut parts;
    if sep.is_null() {
        // whitespace split
        let mut pieces = 0i64;
        if !right {
            let mut rest = text.trim_start();
            while !rest.is_empty() {
                if max >= 0 && pieces >= max {
                    let p = s::new(vm, rest)?;
                    obj::list::append(vm, out, p)?;
                    break;
                }
                let e = rest.find(char::is_whitespace).unwrap_or(rest.len());
                let p = s::new(vm, &rest[..e])?;
                obj::list::append(vm, out, p)?;
                pieces += 1;
                rest = rest[e..].trim_start();
            }
        } else {
            let mut rest = text.trim_end();
            while !rest.is_empty() {
                if max >= 0 && pieces >= max {
                    let p = s::new(vm, rest)?;
                    obj::list::insert(vm, out, 0, p)?;
                    break;
                }
                let st = rest
                    .rfind(char::is_whitespace)
                    .map(|i| i + rest[i..].chars().next().map(|c| c.len_utf8()).unwrap_or(1))
                    .unwrap_or(0);
                let p = s::new(vm, &rest[st..])?;
                obj::list::insert(vm, out, 0, p)?;
                pieces += 1;
                rest = rest[..st].trim_end();
            }
        }
    } else {
        let sp = str_arg(vm, sep, "sep")?;
        if sp.is_empty() {
            return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "empty separator"));
        }
        let mut pieces = 0i64;
        if !right {
            let mut rest = text;
            loop {
                if max >= 0 && pieces >= max {
                    break;
                }
                match s::find(rest, sp, false) {
                    Some(i) => {
                        let p = s::new(vm, &rest[..i])?;
                        obj::list::append(vm, out, p)?;
                        rest = &rest[i + sp.len()..];
                        pieces += 1;
                    }
                    None => break,
                }
            }
            let p = s::new(vm, rest)?;
            obj::list::append(vm, out, p)?;
        } else {
            let mut rest = text;
            loop {
                if max >= 0 && pieces >= max {
                    break;
                }
                match s::find(rest, sp, true) {
                    Some(i) => {
                        let p = s::new(vm, &rest[i + sp.len()..])?;
                        obj::list::insert(vm, out, 0, p)?;
                        rest = &rest[..i];
                        pieces += 1;
                    }
                    None => break,
                }
            }
            let p = s::new(vm, rest)?;
            obj::list::insert(vm, out, 0, p)?;
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

fn splitlines(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let text = this(vm, args)?;
    let keep = opt_arg(args, 1, "keepends");
    let keep = !keep.is_null() && runtime::truthy(vm, keep)?;
    let out = obj::list::with_capacity(vm, 0)?;
    let m = vm.roots_mark();
    vm.push_root(out)?;
    let mut start = 0;
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\n' || b[i] == b'\r' {
            let mut e = i + 1;
            if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
                e += 1;
            }
            let p = s::new(vm, &text[start..if keep { e } else { i }])?;
            obj::list::append(vm, out, p)?;
            start = e;
            i = e;
        } else {
            i += 1;
        }
    }
    if start < b.len() {
        let p = s::new(vm, &text[start..])?;
        obj::list::append(vm, out, p)?;
    }
    vm.pop_roots(m);
    Ok(out)
}

fn join(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    this(vm, args)?;
    let sepv = args.get(0);
    let l = obj::list::from_iter(vm, args.get(1))?;
    let m = vm.roots_mark();
    vm.push_root(l)?;
    let mut sb = StrBuf::new(vm)?;
    let n = obj::list::as_list(l).map(|x| x.len()).unwrap_or(0);
    for i in 0..n {
        let item = obj::list::as_list(l).and_then(|x| x.get(i)).unwrap_or(Value::NONE);
        let Some(t) = s::as_str(item) else {
            return Err(
                vm.type_error(format_args!("sequence item {i}: expected str instance, {} found", obj::type_name(item)))
            );
        };
        if i > 0 {
            sb.push(vm, s::as_str(sepv).unwrap_or(""))?;
        }
        sb.push(vm, t)?;
    }
    let r = sb.finish(vm);
    vm.pop_roots(m);
    r
}

fn strip_impl(vm: &mut Vm<'_>, args: &Args<'_>, left: bool, right: bool) -> PyResult<Value> {
    let text = this(vm, args)?;
    let chars = opt_arg(args, 1, "chars");
    let r = if chars.is_null() {
        match (left, right) {
            (true, true) => text.trim(),
            (true, false) => text.trim_start(),
            _ => text.trim_end(),
        }
    } else {
        let cs = str_arg(vm, chars, "strip")?;
        let f = |c: char| cs.contains(c);
        match (left, right) {
            (true, true) => text.trim_matches(f),
            (true, false) => text.trim_start_matches(f),
            _ => text.trim_end_matches(f),
        }
    };
    if r.len() == text.len() {
        return Ok(args.get(0));
    }
    s::new(vm, r)
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
    let text = this(vm, args)?;
    runtime::check_nargs(vm, "replace", args, 3, 4)?;
    let old = str_arg(vm, args.pos[1], "replace")?;
    let new = str_arg(vm, args.pos[2], "replace")?;
    let count = if args.pos.len() > 3 { runtime::index_arg_typed(vm, args.pos[3])? } else { -1 };
    let mut sb = StrBuf::new(vm)?;
    let mut n = 0i64;
    if old.is_empty() {
        let mut first = true;
        for c in text.chars() {
            if count < 0 || n < count {
                sb.push(vm, new)?;
                n += 1;
            }
            first = false;
            sb.push_char(vm, c)?;
        }
        let _ = first;
        if count < 0 || n < count {
            sb.push(vm, new)?;
        }
        return sb.finish(vm);
    }
    let mut rest = text;
    while let Some(i) = s::find(rest, old, false) {
        if count >= 0 && n >= count {
            break;
        }
        sb.push(vm, &rest[..i])?;
        sb.push(vm, new)?;
        rest = &rest[i + old.len()..];
        n += 1;
    }
    sb.push(vm, rest)?;
    sb.finish(vm)
}

fn affix(vm: &mut Vm<'_>, args: &Args<'_>, start: bool) -> PyResult<Value> {
    let text = this(vm, args)?;
    let p = args.get(1);
    let Some((lo, hi)) = window_bounds(vm, args)? else { return Ok(Value::FALSE) };
    let a = s::byte_offset(args.get(0), text, lo);
    let b = s::byte_offset(args.get(0), text, hi);
    let sub = &text[a..b];
    let check = |t: &str| if start { sub.starts_with(t) } else { sub.ends_with(t) };
    if let Some(t) = s::as_str(p) {
        return Ok(Value::bool(check(t)));
    }
    if let Some(items) = obj::tuple::items(p) {
        for it in items {
            let Some(t) = s::as_str(*it) else {
                return Err(vm.type_error(format_args!(
                    "tuple for {} must only contain str, not {}",
                    if start { "startswith" } else { "endswith" },
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
        "{} first arg must be str or a tuple of str, not {}",
        if start { "startswith" } else { "endswith" },
        obj::type_name(p)
    )))
}

fn slice_bound(vm: &mut Vm<'_>, v: Value, n: usize) -> PyResult<usize> {
    if v == Value::NONE {
        return Ok(n);
    }
    let i = runtime::slice_index_arg(vm, v, true)?;
    Ok(runtime::clamp_to(i, n))
}

fn startswith(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    affix(vm, args, true)
}
fn endswith(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    affix(vm, args, false)
}

/// The optional start/end arguments (2 and 3) in characters, as CPython's `ADJUST_INDICES`:
/// `None` when the window is empty past its start (a start beyond the end, or beyond the
/// text, finds nothing, not even an empty string).
fn window_bounds(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Option<(usize, usize)>> {
    let n = s::char_len(args.get(0));
    let start = match args.pos.get(2) {
        Some(v) if *v != Value::NONE => runtime::slice_index_arg(vm, *v, true)?,
        _ => 0,
    };
    let hi = if args.pos.len() > 3 { slice_bound(vm, args.pos[3], n)? } else { n };
    let lo = runtime::clamp_to(start, n);
    if start > n as i64 || lo > hi {
        return Ok(None);
    }
    Ok(Some((lo, hi)))
}

/// (haystack window start in chars, window text, needle).
fn find_impl(vm: &mut Vm<'_>, args: &Args<'_>, rev: bool) -> PyResult<i64> {
    let text = this(vm, args)?;
    let needle = match s::as_str(args.get(1)) {
        Some(t) => t,
        None => return Err(vm.type_error(format_args!("must be str, not {}", obj::type_name(args.get(1))))),
    };
    let Some((lo, hi)) = window_bounds(vm, args)? else { return Ok(-1) };
    let a = s::byte_offset(args.get(0), text, lo);
    let b = s::byte_offset(args.get(0), text, hi);
    let win = &text[a..b];
    let r = s::find(win, needle, rev);
    Ok(match r {
        Some(bi) => (lo + win[..bi].chars().count()) as i64,
        None => -1,
    })
}

fn find(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    Ok(Value::small_int(find_impl(vm, args, false)? as isize))
}
fn rfind(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    Ok(Value::small_int(find_impl(vm, args, true)? as isize))
}
fn index(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    match find_impl(vm, args, false)? {
        -1 => Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "substring not found")),
        i => Ok(Value::small_int(i as isize)),
    }
}
fn rindex(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    match find_impl(vm, args, true)? {
        -1 => Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "substring not found")),
        i => Ok(Value::small_int(i as isize)),
    }
}

fn count(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let text = this(vm, args)?;
    let Some(needle) = s::as_str(args.get(1)) else {
        return Err(vm.type_error(format_args!("must be str, not {}", obj::type_name(args.get(1)))));
    };
    let Some((lo, hi)) = window_bounds(vm, args)? else { return Ok(Value::small_int(0)) };
    if needle.is_empty() {
        return Ok(Value::small_int((hi - lo) as isize + 1));
    }
    let a = s::byte_offset(args.get(0), text, lo);
    let b = s::byte_offset(args.get(0), text, hi);
    let (mut rest, mut n) = (&text[a..b], 0);
    while let Some(i) = s::find(rest, needle, false) {
        rest = &rest[i + needle.len()..];
        n += 1;
    }
    Ok(Value::small_int(n))
}

fn map_chars(vm: &mut Vm<'_>, args: &Args<'_>, f: fn(char, bool) -> (char, Option<&'static str>)) -> PyResult<Value> {
    let text = this(vm, args)?;
    let mut sb = StrBuf::new(vm)?;
    let mut prev_cased = false;
    for c in text.chars() {
        let (o, extra) = f(c, prev_cased);
        prev_cased = str_case::is_cased(c);
        match extra {
            Some(e) => sb.push(vm, e)?,
            None => sb.push_char(vm, o)?,
        }
    }
    sb.finish(vm)
}

fn case_result(m: str_case::Mapped) -> (char, Option<&'static str>) {
    match m {
        str_case::Mapped::One(o) => (o, None),
        str_case::Mapped::Many(s) => ('\0', Some(s)),
    }
}
fn upper_c(c: char, _p: bool) -> (char, Option<&'static str>) {
    case_result(str_case::upper(c))
}
fn lower_c(c: char, _p: bool) -> (char, Option<&'static str>) {
    case_result(str_case::lower(c))
}
fn swap_c(c: char, _p: bool) -> (char, Option<&'static str>) {
    if str_case::is_uppercase(c) {
        lower_c(c, false)
    } else {
        upper_c(c, false)
    }
}
fn title_c(c: char, prev: bool) -> (char, Option<&'static str>) {
    if prev {
        lower_c(c, false)
    } else {
        case_result(str_case::title(c))
    }
}

fn upper(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    map_chars(vm, args, upper_c)
}
fn lower(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    map_chars(vm, args, lower_c)
}
fn swapcase(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    map_chars(vm, args, swap_c)
}
fn title(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    map_chars(vm, args, title_c)
}
fn capitalize(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let text = this(vm, args)?;
    let mut sb = StrBuf::new(vm)?;
    for (i, c) in text.chars().enumerate() {
        if i == 0 {
            let (o, e) = title_c(c, false);
            match e {
                Some(x) => sb.push(vm, x)?,
                None => sb.push_char(vm, o)?,
            }
        } else {
            match lower_c(c, false) {
                (_, Some(x)) => sb.push(vm, x)?,
                (o, None) => sb.push_char(vm, o)?,
            }
        }
    }
    sb.finish(vm)
}

fn pred(vm: &mut Vm<'_>, args: &Args<'_>, f: fn(char) -> bool) -> PyResult<Value> {
    let text = this(vm, args)?;
    Ok(Value::bool(!text.is_empty() && text.chars().all(f)))
}
fn isdigit(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    pred(vm, args, |c| c.is_ascii_digit() || str_case::is_numeric(c) && !str_case::is_alphabetic(c))
}
fn isalpha(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    pred(vm, args, str_case::is_alphabetic)
}
fn isalnum(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    pred(vm, args, str_case::is_alphanumeric)
}
fn isspace(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    pred(vm, args, char::is_whitespace)
}
fn cased(vm: &mut Vm<'_>, args: &Args<'_>, upper: bool) -> PyResult<Value> {
    let text = this(vm, args)?;
    let mut any = false;
    for c in text.chars() {
        if str_case::is_uppercase(c) {
            if !upper {
                return Ok(Value::FALSE);
            }
            any = true;
        } else if str_case::is_lowercase(c) {
            if upper {
                return Ok(Value::FALSE);
            }
            any = true;
        }
    }
    Ok(Value::bool(any))
}
fn isupper(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    cased(vm, args, true)
}
fn islower(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    cased(vm, args, false)
}
fn isidentifier(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let text = this(vm, args)?;
    let mut it = text.chars();
    let ok = match it.next() {
        Some(c) if c == '_' || str_case::is_alphabetic(c) => it.all(|c| c == '_' || str_case::is_alphanumeric(c)),
        _ => false,
    };
    Ok(Value::bool(ok))
}

fn pad(vm: &mut Vm<'_>, args: &Args<'_>, align: u8) -> PyResult<Value> {
    let text = this(vm, args)?;
    let w = runtime::index_arg_typed(vm, args.get(1))?;
    let fill = if args.pos.len() > 2 {
        let f = s::as_str(args.pos[2]).unwrap_or(" ");
        let mut it = f.chars();
        match (it.next(), it.next()) {
            (Some(c), None) => c,
            _ => return Err(vm.type_error(format_args!("The fill character must be exactly one character long"))),
        }
    } else {
        ' '
    };
    let n = s::char_len(args.get(0)) as i64;
    if w <= n {
        return Ok(args.get(0));
    }
    let total = (w - n) as usize;
    let (l, r) = match align {
        0 => (0, total),
        1 => (total, 0),
        _ => {
            let l = total / 2 + (total & w as usize & 1);
            (l, total - l)
        }
    };
    let mut sb = StrBuf::new(vm)?;
    sb.reserve(vm, total.saturating_mul(fill.len_utf8()).saturating_add(text.len()))?;
    for _ in 0..l {
        sb.push_char(vm, fill)?;
    }
    sb.push(vm, text)?;
    for _ in 0..r {
        sb.push_char(vm, fill)?;
    }
    sb.finish(vm)
}
fn ljust(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    pad(vm, args, 0)
}
fn rjust(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    pad(vm, args, 1)
}
fn center(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    pad(vm, args, 2)
}
fn zfill(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let text = this(vm, args)?;
    let w = runtime::index_arg_typed(vm, args.get(1))?;
    let n = s::char_len(args.get(0)) as i64;
    if w <= n {
        return Ok(args.get(0));
    }
    let mut sb = StrBuf::new(vm)?;
    sb.reserve(vm, usize::try_from(w).unwrap_or(usize::MAX))?;
    let (sign, rest) = if text.starts_with('-') || text.starts_with('+') { text.split_at(1) } else { ("", text) };
    sb.push(vm, sign)?;
    for _ in 0..(w - n) {
        sb.push(vm, "0")?;
    }
    sb.push(vm, rest)?;
    sb.finish(vm)
}

fn partition_impl(vm: &mut Vm<'_>, args: &Args<'_>, rev: bool) -> PyResult<Value> {
    let text = this(vm, args)?;
    let sep = str_arg(vm, args.get(1), "partition")?;
    if sep.is_empty() {
        return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "empty separator"));
    }
    let pos = s::find(text, sep, rev);
    let (a, b, c) = match pos {
        Some(i) => (&text[..i], sep, &text[i + sep.len()..]),
        None if rev => ("", "", text),
        None => (text, "", ""),
    };
    let t = obj::tuple::alloc(vm, 3)?;
    let m = vm.roots_mark();
    vm.push_root(t)?;
    for (i, part) in [a, b, c].iter().enumerate() {
        let v = s::new(vm, part)?;
        obj::tuple::init_item(t, i, v);
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

fn format(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    this(vm, args)?;
    let rest = Args { pos: args.pos.get(1..).unwrap_or(&[]), kwnames: args.kwnames, kwvals: args.kwvals };
    crate::strformat::str_format(vm, args.get(0), &rest)
}

fn encode(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let text = this(vm, args)?;
    let (enc, errors) = crate::codec::args(vm, args, 1, "encode")?;
    crate::codec::encode(vm, text, enc, errors)
}

crate::static_qstr!(Q_REMOVEPREFIX, "removeprefix");
crate::static_qstr!(Q_REMOVESUFFIX, "removesuffix");
crate::static_qstr!(Q_ISDECIMAL, "isdecimal");
crate::static_qstr!(Q_ISNUMERIC, "isnumeric");
crate::static_qstr!(Q_CASEFOLD, "casefold");
crate::static_qstr!(Q_ISTITLE, "istitle");
crate::static_qstr!(Q_ISASCII, "isascii");
crate::static_qstr!(Q_ISPRINTABLE, "isprintable");
crate::static_qstr!(Q_EXPANDTABS, "expandtabs");

fn removeprefix(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let text = this(vm, args)?;
    let p = str_arg(vm, args.get(1), "removeprefix")?;
    match text.strip_prefix(p) {
        Some(r) if !p.is_empty() => s::new(vm, r),
        _ => Ok(args.get(0)),
    }
}
fn removesuffix(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let text = this(vm, args)?;
    let p = str_arg(vm, args.get(1), "removesuffix")?;
    match text.strip_suffix(p) {
        Some(r) if !p.is_empty() => s::new(vm, r),
        _ => Ok(args.get(0)),
    }
}
fn isdecimal(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    pred(vm, args, |c| c.is_ascii_digit())
}
fn isnumeric(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    pred(vm, args, str_case::is_numeric)
}
fn isascii(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let text = this(vm, args)?;
    Ok(Value::bool(text.is_ascii()))
}
fn isprintable(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let text = this(vm, args)?;
    Ok(Value::bool(text.chars().all(obj::str::is_printable)))
}
fn istitle(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let text = this(vm, args)?;
    let mut prev = false;
    let mut any = false;
    for c in text.chars() {
        if str_case::is_uppercase(c) {
            if prev {
                return Ok(Value::FALSE);
            }
            prev = true;
            any = true;
        } else if str_case::is_lowercase(c) {
            if !prev {
                return Ok(Value::FALSE);
            }
            prev = true;
            any = true;
        } else {
            prev = false;
        }
    }
    Ok(Value::bool(any))
}
fn expandtabs(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let text = this(vm, args)?;
    let ts = if args.pos.len() > 1 { i64::from(runtime::c_int_arg(vm, args.pos[1])?) } else { 8 };
    let mut sb = StrBuf::new(vm)?;
    let mut col = 0i64;
    for c in text.chars() {
        match c {
            '\t' => {
                if ts > 0 {
                    let n = ts - col % ts;
                    const SPACES: &str = "                                                                ";
                    let mut left = n as usize;
                    while left > 0 {
                        let k = left.min(SPACES.len());
                        sb.push(vm, &SPACES[..k])?;
                        left -= k;
                    }
                    col += n;
                }
            }
            '\n' | '\r' => {
                sb.push_char(vm, c)?;
                col = 0;
            }
            _ => {
                sb.push_char(vm, c)?;
                col += 1;
            }
        }
    }
    sb.finish(vm)
}

/// The method table of `str`.
/// `str.translate(table)`: each character's code point is looked up in `table`; a
/// LookupError keeps the character, None drops it, an int or str replaces it. May run
/// Python code.
fn translate(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    runtime::check_nargs(vm, "translate", args, 2, 2)?;
    let text = this(vm, args)?;
    let table = args.pos[1];
    let mut sb = StrBuf::new(vm)?;
    for c in text.chars() {
        let r = match runtime::get_item(vm, table, Value::small_int(c as isize)) {
            Ok(r) => r,
            Err(e) => {
                if !vm.pending_is(&exc::LOOKUP_ERROR_TYPE) {
                    return Err(e);
                }
                vm.take_pending();
                sb.push_char(vm, c)?;
                continue;
            }
        };
        if r == Value::NONE {
            continue;
        }
        if let Some(t) = s::as_str(r) {
            sb.push(vm, t)?;
        } else if obj::int::is_int(r) {
            match obj::int::small_value(r).and_then(|i| u32::try_from(i).ok()).and_then(char::from_u32) {
                Some(ch) => sb.push_char(vm, ch)?,
                None => {
                    return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "character mapping must be in range(0x110000)"))
                }
            }
        } else {
            return Err(vm.type_error(format_args!("character mapping must return integer, None or str")));
        }
    }
    sb.finish(vm)
}

/// `str.maketrans(x[, y[, z]])` (a static method): a dict from code points to
/// replacements. May collect.
fn maketrans(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    runtime::check_nargs(vm, "maketrans", args, 1, 3)?;
    let d = obj::dict::new(vm)?;
    let m = vm.roots_mark();
    vm.push_root(d)?;
    let r = fill_trans(vm, args, d);
    vm.pop_roots(m);
    r.map(|_| d)
}

fn fill_trans(vm: &mut Vm<'_>, args: &Args<'_>, d: Value) -> PyResult<()> {
    let x = args.pos[0];
    if args.pos.len() == 1 {
        if !obj::is_instance(x, &obj::dict::DICT_TYPE) {
            return Err(vm.type_error(format_args!("if you give only one argument to maketrans it must be a dict")));
        }
        let keys = obj::list::from_iter(vm, x)?;
        vm.push_root(keys)?;
        let mut i = 0;
        while let Some(k) = obj::list::as_list(keys).and_then(|l| l.get(i)) {
            let v = runtime::get_item(vm, x, k)?;
            let key = if let Some(t) = s::as_str(k) {
                let mut cs = t.chars();
                match (cs.next(), cs.next()) {
                    (Some(c), None) => Value::small_int(c as isize),
                    _ => {
                        return Err(
                            vm.raise_msg(&exc::VALUE_ERROR_TYPE, "string keys in translate table must be of length 1")
                        )
                    }
                }
            } else if obj::int::is_int(k) {
                k
            } else {
                return Err(vm.type_error(format_args!("keys in translate table must be strings or integers")));
            };
            runtime::set_item(vm, d, key, v)?;
            i += 1;
        }
        return Ok(());
    }
    let (Some(a), Some(b)) = (s::as_str(x), s::as_str(args.pos[1])) else {
        let bad = if s::as_str(x).is_none() { x } else { args.pos[1] };
        let n = if s::as_str(x).is_none() { 1 } else { 2 };
        return Err(vm.type_error(format_args!("maketrans() argument {n} must be str, not {}", obj::type_name(bad))));
    };
    if a.chars().count() != b.chars().count() {
        return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "the first two maketrans arguments must have equal length"));
    }
    for (p, q) in a.chars().zip(b.chars()) {
        runtime::set_item(vm, d, Value::small_int(p as isize), Value::small_int(q as isize))?;
    }
    if let Some(z) = args.pos.get(2) {
        let Some(z) = s::as_str(*z) else {
            return Err(vm.type_error(format_args!("maketrans() argument 3 must be str, not {}", obj::type_name(*z))));
        };
        for c in z.chars() {
            runtime::set_item(vm, d, Value::small_int(c as isize), Value::NONE)?;
        }
    }
    Ok(())
}

pub static METHODS: &[Builtin] = &[
    Builtin::method(&crate::strformat::Q_FORMAT_MAP, crate::strformat::format_map),
    Builtin::method(&obj::bytes_methods::Q_TRANSLATE, translate),
    Builtin::static_method(&obj::bytes_methods::Q_MAKETRANS, maketrans),
    Builtin::method(&qstr::split, split),
    Builtin::method(&qstr::rsplit, rsplit),
    Builtin::method(&qstr::splitlines, splitlines),
    Builtin::method(&qstr::join, join),
    Builtin::method(&qstr::strip, strip),
    Builtin::method(&qstr::lstrip, lstrip),
    Builtin::method(&qstr::rstrip, rstrip),
    Builtin::method(&qstr::replace, replace),
    Builtin::method(&qstr::startswith, startswith),
    Builtin::method(&qstr::endswith, endswith),
    Builtin::method(&qstr::find, find),
    Builtin::method(&qstr::rfind, rfind),
    Builtin::method(&qstr::index, index),
    Builtin::method(&qstr::rindex, rindex),
    Builtin::method(&qstr::count, count),
    Builtin::method(&qstr::format, format),
    Builtin::method(&qstr::upper, upper),
    Builtin::method(&qstr::lower, lower),
    Builtin::method(&Q_CASEFOLD, lower),
    Builtin::method(&qstr::capitalize, capitalize),
    Builtin::method(&qstr::title, title),
    Builtin::method(&qstr::swapcase, swapcase),
    Builtin::method(&qstr::center, center),
    Builtin::method(&qstr::ljust, ljust),
    Builtin::method(&qstr::rjust, rjust),
    Builtin::method(&qstr::zfill, zfill),
    Builtin::method(&qstr::partition, partition),
    Builtin::method(&qstr::rpartition, rpartition),
    Builtin::method(&qstr::isdigit, isdigit),
    Builtin::method(&qstr::isalpha, isalpha),
    Builtin::method(&qstr::isalnum, isalnum),
    Builtin::method(&qstr::isspace, isspace),
    Builtin::method(&qstr::isupper, isupper),
    Builtin::method(&qstr::islower, islower),
    Builtin::method(&qstr::isidentifier, isidentifier),
    Builtin::method(&Q_ISDECIMAL, isdecimal),
    Builtin::method(&Q_ISNUMERIC, isnumeric),
    Builtin::method(&Q_ISASCII, isascii),
    Builtin::method(&Q_ISPRINTABLE, isprintable),
    Builtin::method(&Q_ISTITLE, istitle),
    Builtin::method(&Q_REMOVEPREFIX, removeprefix),
    Builtin::method(&Q_REMOVESUFFIX, removesuffix),
    Builtin::method(&Q_EXPANDTABS, expandtabs),
    Builtin::method(&qstr::encode, encode),
];
