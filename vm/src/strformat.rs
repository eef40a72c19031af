//! Glue between objects and the text-formatting algorithms in `crate::format`:
//! `format(v, spec)`, f-string FORMAT_VALUE, `str % args` and `str.format`.

use core::fmt::Write as _;

use crate::format::printf::{self, ConvKind, Piece, PrintfError};
use crate::format::spec::{self, FormatSpec, IntKind, SpecError};
use crate::num::bigint;
use crate::obj::{self, exception as exc, int, str::StrBuf, str::StrBufWriter, Args};
use crate::qstr;
use crate::runtime;
use crate::value::Value;
use crate::vm::{FixedBuf, PyResult, Raised, Vm};

/// A field name or index made only of ASCII digits, as a number (CPython's `get_integer`):
/// `None` for any other text (a keyword or a str key), ValueError past `isize::MAX`.
fn field_number(vm: &mut Vm<'_>, s: &str) -> PyResult<Option<usize>> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(None);
    }
    match s.parse::<usize>().ok().filter(|&k| k <= isize::MAX as usize) {
        Some(k) => Ok(Some(k)),
        None => Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "Too many decimal digits in format string")),
    }
}

fn spec_error(vm: &mut Vm<'_>, e: SpecError, spec: &str, v: Value) -> Raised {
    if !cfg!(feature = "error-messages") {
        // Writing the message into a buffer is not dead code on its own.
        return vm.raise_empty(&exc::VALUE_ERROR_TYPE);
    }
    let mut b = FixedBuf::new();
    let _ = e.write_message(spec, obj::type_name(v), &mut b);
    vm.raise_msg(&exc::VALUE_ERROR_TYPE, b.as_str())
}

/// Append `format(v, spec)`. May collect.
pub fn format_into(vm: &mut Vm<'_>, v: Value, spec_s: &str, sb: &mut StrBuf) -> PyResult<()> {
    let t = obj::type_of(v);
    if t.is_heap() {
        if let Some(f) = obj::class::lookup(t, Value::qstr(&qstr::__format__)) {
            if obj::downcast::<obj::Builtin>(f).is_none() {
                let s = obj::str::new(vm, spec_s)?;
                let r = runtime::call_with_self(vm, f, v, &Args::new(&[s]))?;
                return match obj::str::as_str(r) {
                    Some(x) => sb.push(vm, x),
                    None => Err(vm.type_error(format_args!("__format__ must return a str, not {}", obj::type_name(r)))),
                };
            }
        }
    }
    format_builtin_into(vm, v, spec_s, sb)
}

/// Append `format(v, spec)` by the built-in rules for `v`'s value (int, float, str; `str(v)`
/// for an empty spec), never calling a user `__format__`. May collect.
pub fn format_builtin_into(vm: &mut Vm<'_>, v: Value, spec_s: &str, sb: &mut StrBuf) -> PyResult<()> {
    if spec_s.is_empty() {
        return runtime::str_into(vm, v, sb);
    }
    let sp = match FormatSpec::parse(spec_s) {
        Ok(s) => s,
        Err(e) => return Err(spec_error(vm, e, spec_s, v)),
    };
    let r: Result<(), SpecError>;
    if int::is_int(v) && obj::float::as_f64(v).is_none() {
        match sp.int_kind() {
            Err(e) => return Err(spec_error(vm, e, spec_s, v)),
            Ok(IntKind::Float) => {
                let f = int::to_f64(vm, v)?;
                let mut w = StrBufWriter { vm, sb, err: None };
                r = spec::format_float(&sp, f, &mut w);
                if let Some(e) = w.err {
                    return Err(e);
                }
            }
            Ok(IntKind::Char) => {
                // format(n, 'c') reads n as a C long first (CPython's PyLong_AsLong).
                let Some(i) = int::to_i64(v) else {
                    return Err(vm.raise_msg(&exc::OVERFLOW_ERROR_TYPE, "Python int too large to convert to C long"));
                };
                let c = u32::try_from(i).ok().and_then(char::from_u32);
                let Some(c) = c else {
                    return Err(vm.raise_msg(&exc::OVERFLOW_ERROR_TYPE, "%c arg not in range(0x110000)"));
                };
                let mut w = StrBufWriter { vm, sb, err: None };
                r = spec::format_char(&sp, c, &mut w);
                if let Some(e) = w.err {
                    return Err(e);
                }
            }
            Ok(IntKind::Digits { base, upper }) => {
                let mut b = [0u32; 2];
                let Some(x) = int::int_ref(v, &mut b) else { return Ok(()) };
                let n = bigint::radix_scratch_len(x.mag.len(), base);
                let m = vm.roots_mark();
                let sc = int::alloc_digits(vm, n.max(1))?;
                vm.push_root(sc)?;
                let mut b2 = [0u32; 2];
                let x = int::int_ref(v, &mut b2).unwrap_or(x);
                let rad = crate::numfmt::radix(vm, x.mag, base, upper, int::digits_of_fresh(sc, n.max(1)))?;
                let mut w = StrBufWriter { vm, sb, err: None };
                r = spec::format_int(&sp, x.neg, &rad, &mut w);
                let err = w.err;
                vm.pop_roots(m);
                if let Some(e) = err {
                    return Err(e);
                }
            }
        }
    } else if let Some(f) = obj::float::as_f64(v) {
        let mut w = StrBufWriter { vm, sb, err: None };
        r = spec::format_float(&sp, f, &mut w);
        if let Some(e) = w.err {
            return Err(e);
        }
    } else if let Some(s) = obj::str::as_str(v) {
        let mut w = StrBufWriter { vm, sb, err: None };
        r = spec::format_str(&sp, s, &mut w);
        if let Some(e) = w.err {
            return Err(e);
        }
    } else {
        return Err(vm.type_error(format_args!("unsupported format string passed to {}.__format__", obj::type_name(v))));
    }
    match r {
        Ok(()) => Ok(()),
        Err(e) => Err(spec_error(vm, e, spec_s, v)),
    }
}

/// `format(v, spec)` as a str. May collect.
pub fn format(vm: &mut Vm<'_>, v: Value, spec_v: Value) -> PyResult<Value> {
    let mut sb = StrBuf::new(vm)?;
    let s = if spec_v.is_null() { "" } else { obj::str::as_str(spec_v).unwrap_or("") };
    format_into(vm, v, s, &mut sb)?;
    sb.finish(vm)
}

/// Append `ascii(v)`.
pub fn ascii_into(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf) -> PyResult<()> {
    let r = runtime::repr(vm, v)?;
    let m = vm.roots_mark();
    vm.push_root(r)?;
    let s = obj::str::as_str(r).unwrap_or("");
    for (i, c) in s.char_indices() {
        let _ = i;
        let u = c as u32;
        if u < 128 {
            sb.push_char(vm, c)?;
        } else if u < 0x100 {
            sb.push_fmt(vm, format_args!("\\x{u:02x}"))?;
        } else if u < 0x10000 {
            sb.push_fmt(vm, format_args!("\\u{u:04x}"))?;
        } else {
            sb.push_fmt(vm, format_args!("\\U{u:08x}"))?;
        }
    }
    vm.pop_roots(m);
    Ok(())
}

/// FORMAT_VALUE: conversion (0 none, 1 str, 2 repr, 3 ascii) then `format(v, spec)`.
pub fn format_value(vm: &mut Vm<'_>, v: Value, conv: u8, spec_v: Value) -> PyResult<Value> {
    let spec_s = if spec_v.is_null() { "" } else { obj::str::as_str(spec_v).unwrap_or("") };
    let mut sb = StrBuf::new(vm)?;
    match conv {
        0 => format_into(vm, v, spec_s, &mut sb)?,
        _ => {
            let mut inner = StrBuf::new(vm)?;
            match conv {
                1 => runtime::str_into(vm, v, &mut inner)?,
                2 => runtime::repr_into(vm, v, &mut inner)?,
                _ => ascii_into(vm, v, &mut inner)?,
            }
            let s = inner.finish(vm)?;
            vm.push_root(s)?;
            format_into(vm, s, spec_s, &mut sb)?;
        }
    }
    sb.finish(vm)
}

fn printf_error(vm: &mut Vm<'_>, e: PrintfError, v: Value) -> Raised {
    let ty = match e {
        PrintfError::Incomplete
        | PrintfError::IncompleteKey
        | PrintfError::Unsupported { .. }
        | PrintfError::WidthTooBig
        | PrintfError::PrecisionTooBig => &exc::VALUE_ERROR_TYPE,
        PrintfError::CharRange => &exc::OVERFLOW_ERROR_TYPE,
        _ => &exc::TYPE_ERROR_TYPE,
    };
    if !cfg!(feature = "error-messages") {
        return vm.raise_empty(ty);
    }
    let mut b = FixedBuf::new();
    let _ = e.write_message(if v.is_null() { "" } else { obj::type_name(v) }, &mut b);
    vm.raise_msg(ty, b.as_str())
}

/// `fmt % args`. May collect.
pub fn percent_format(vm: &mut Vm<'_>, fmt_v: Value, args: Value) -> PyResult<Value> {
    let fmt_s = obj::str::as_str(fmt_v).unwrap_or("");
    let tuple_args = obj::tuple::items(args);
    let is_mapping = tuple_args.is_none()
        && (obj::dict::as_dict(args).is_some()
            || (obj::type_of(args).slots.getitem.is_some() && !obj::str::is_str(args)));
    let single = [args];
    let list: &[Value] = tuple_args.unwrap_or(&single);
    let mut idx = 0usize;
    let mut sb = StrBuf::new(vm)?;
    let mut used_mapping = false;
    for piece in printf::Parser::new(fmt_s) {
        let piece = match piece {
            Ok(p) => p,
            Err(e) => return Err(printf_error(vm, e, Value::NULL)),
        };
        match piece {
            Piece::Literal(t) => sb.push(vm, t)?,
            Piece::Conversion(c) => {
                let next_arg = |vm: &mut Vm<'_>, idx: &mut usize| -> PyResult<Value> {
                    match list.get(*idx) {
                        Some(v) => {
                            *idx += 1;
                            Ok(*v)
                        }
                        None => Err(printf_error(vm, PrintfError::NotEnoughArguments, Value::NULL)),
                    }
                };
                // CPython reads a `*` width as a Py_ssize_t and a `*` precision as a C int.
                let star = |vm: &mut Vm<'_>, w: Value, max: i64, c_type: &str| -> PyResult<i64> {
                    if !int::is_int(w) {
                        return Err(printf_error(vm, PrintfError::StarWantsInt, w));
                    }
                    match int::to_i64(w).filter(|v| (-max - 1..=max).contains(v)) {
                        Some(v) => Ok(v),
                        None => Err(vm.raise_fmt(
                            &exc::OVERFLOW_ERROR_TYPE,
                            format_args!("Python int too large to convert to C {c_type}"),
                        )),
                    }
                };
                let sw = if c.width == printf::Count::Star {
                    let w = next_arg(vm, &mut idx)?;
                    Some(star(vm, w, i64::MAX, "ssize_t")?)
                } else {
                    None
                };
                let sp = if c.precision == printf::Count::Star {
                    let w = next_arg(vm, &mut idx)?;
                    Some(star(vm, w, i32::MAX as i64, "int")?)
                } else {
                    None
                };
                let v = match c.key {
                    Some(k) => {
                        if !is_mapping {
                            return Err(printf_error(vm, PrintfError::NeedMapping, Value::NULL));
                        }
                        used_mapping = true;
                        let kv = obj::str::new(vm, k)?;
                        vm.push_root(kv)?;
                        runtime::get_item(vm, args, kv)?
                    }
                    None => {
                        if is_mapping && tuple_args.is_none() {
                            used_mapping = true;
                            if idx == 0 {
                                idx = 1;
                                args
                            } else {
                                next_arg(vm, &mut idx)?
                            }
                        } else {
                            next_arg(vm, &mut idx)?
                        }
                    }
                };
                vm.push_root(v)?;
                let kind = match c.kind() {
                    Ok(k) => k,
                    Err(e) => return Err(printf_error(vm, e, v)),
                };
                let r = c.resolve(sw, sp);
                match kind {
                    ConvKind::Str | ConvKind::Repr | ConvKind::Ascii => {
                        let mut inner = StrBuf::new(vm)?;
                        match kind {
                            ConvKind::Str => runtime::str_into(vm, v, &mut inner)?,
                            ConvKind::Repr => runtime::repr_into(vm, v, &mut inner)?,
                            _ => ascii_into(vm, v, &mut inner)?,
                        }
                        let s = inner.finish(vm)?;
                        vm.push_root(s)?;
                        let mut w = StrBufWriter { vm, sb: &mut sb, err: None };
                        let res = printf::write_text(&r, obj::str::as_str(s).unwrap_or(""), &mut w);
                        if let Some(e) = w.err {
                            return Err(e);
                        }
                        if let Err(e) = res {
                            return Err(printf_error(vm, e, v));
                        }
                    }
                    ConvKind::Char => {
                        let ch = if let Some(s) = obj::str::as_str(v) {
                            let mut it = s.chars();
                            match (it.next(), it.next()) {
                                (Some(c), None) => c,
                                _ => return Err(vm.type_error(format_args!("%c requires int or char"))),
                            }
                        } else if int::is_int(v) {
                            // Any int out of range, however large, is CPython's OverflowError.
                            match int::to_i64(v).and_then(|i| u32::try_from(i).ok()).and_then(char::from_u32) {
                                Some(c) => c,
                                None => return Err(printf_error(vm, PrintfError::CharRange, v)),
                            }
                        } else {
                            return Err(vm.type_error(format_args!("%c requires int or char")));
                        };
                        let mut tmp = [0u8; 4];
                        let mut w = StrBufWriter { vm, sb: &mut sb, err: None };
                        let _ = printf::write_text(&r, ch.encode_utf8(&mut tmp), &mut w);
                        if let Some(e) = w.err {
                            return Err(e);
                        }
                    }
                    ConvKind::Float => {
                        let f = match obj::float::number_as_f64(vm, v)? {
                            Some(f) => f,
                            None => {
                                if let Some(r) = runtime::call_dunder(vm, v, &qstr::__float__, &[])? {
                                    obj::float::as_f64(r).unwrap_or(0.0)
                                } else {
                                    return Err(
                                        vm.type_error(format_args!("must be real number, not {}", obj::type_name(v)))
                                    );
                                }
                            }
                        };
                        let mut w = StrBufWriter { vm, sb: &mut sb, err: None };
                        let res = printf::write_float(&r, f, &mut w);
                        if let Some(e) = w.err {
                            return Err(e);
                        }
                        if let Err(e) = res {
                            return Err(printf_error(vm, e, v));
                        }
                    }
                    ConvKind::Int { base, upper } => {
                        let iv = if int::is_int(v) {
                            v
                        } else if let Some(f) = obj::float::as_f64(v) {
                            if base != 10 {
                                return Err(printf_error(vm, PrintfError::WrongType { ty: c.ty }, v));
                            }
                            crate::numfmt::float_to_int(vm, f)?
                        } else {
                            return Err(printf_error(vm, PrintfError::WrongType { ty: c.ty }, v));
                        };
                        vm.push_root(iv)?;
                        let mut b = [0u32; 2];
                        let Some(x) = int::int_ref(iv, &mut b) else { return Ok(Value::NONE) };
                        let n = bigint::radix_scratch_len(x.mag.len(), base);
                        let sc = int::alloc_digits(vm, n.max(1))?;
                        vm.push_root(sc)?;
                        let mut b2 = [0u32; 2];
                        let x = int::int_ref(iv, &mut b2).unwrap_or(x);
                        let rad = crate::numfmt::radix(vm, x.mag, base, upper, int::digits_of_fresh(sc, n.max(1)))?;
                        let mut w = StrBufWriter { vm, sb: &mut sb, err: None };
                        let res = printf::write_int(&r, x.neg, &rad, &mut w);
                        if let Some(e) = w.err {
                            return Err(e);
                        }
                        if let Err(e) = res {
                            return Err(printf_error(vm, e, v));
                        }
                    }
                }
            }
        }
    }
    if !used_mapping && idx < list.len() && !(tuple_args.is_none() && is_mapping) {
        return Err(printf_error(vm, PrintfError::NotAllConverted, Value::NULL));
    }
    sb.finish(vm)
}

crate::static_qstr!(Q_FORMAT_MAP, "format_map");

/// `s.format_map(mapping)`: named fields are looked up with `mapping[name]`. May run
/// Python code.
pub fn format_map(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    runtime::check_nargs(vm, "format_map", args, 2, 2)?;
    if obj::str::as_str(args.pos[0]).is_none() {
        return Err(vm.type_error(format_args!("descriptor requires a 'str' object")));
    }
    // The mapping travels as the one keyword argument under a name no call can pass.
    let names = [Value::qstr(&Q_FORMAT_MAP)];
    str_format(vm, args.pos[0], &Args { pos: &[], kwnames: &names, kwvals: &args.pos[1..2] })
}

/// `fmt.format(*args, **kwargs)`. May collect.
pub fn str_format(vm: &mut Vm<'_>, fmt_v: Value, args: &Args<'_>) -> PyResult<Value> {
    let mut sb = StrBuf::new(vm)?;
    let mut auto = 0usize;
    let s = obj::str::as_str(fmt_v).unwrap_or("");
    let bytes = s.as_bytes();
    let mut i = 0;
    let mut lit_start = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c == b'{' {
            if bytes.get(i + 1) == Some(&b'{') {
                sb.push(vm, &s[lit_start..=i])?;
                i += 2;
                lit_start = i;
                continue;
            }
            sb.push(vm, &s[lit_start..i])?;
            // find matching }
            let mut depth = 1;
            let mut j = i + 1;
            while j < bytes.len() {
                match bytes[j] {
                    b'{' => depth += 1,
                    b'}' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            if j >= bytes.len() {
                return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "expected '}' before end of string"));
            }
            let field = &s[i + 1..j];
            format_field(vm, field, args, &mut auto, &mut sb)?;
            i = j + 1;
            lit_start = i;
        } else if c == b'}' {
            if bytes.get(i + 1) == Some(&b'}') {
                sb.push(vm, &s[lit_start..=i])?;
                i += 2;
                lit_start = i;
                continue;
            }
            return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "Single '}' encountered in format string"));
        } else {
            i += 1;
        }
    }
    sb.push(vm, &s[lit_start..])?;
    sb.finish(vm)
}

fn format_field(vm: &mut Vm<'_>, field: &str, args: &Args<'_>, auto: &mut usize, sb: &mut StrBuf) -> PyResult<()> {
    // field := name [! conv] [: spec]
    let (head, spec_part) = match field.find(':') {
        Some(p) => (&field[..p], Some(&field[p + 1..])),
        None => (field, None),
    };
    let (name, conv) = match head.find('!') {
        Some(p) => (&head[..p], head[p + 1..].chars().next()),
        None => (head, None),
    };
    // first component: number, name or empty
    let end = name.find(['.', '[']).unwrap_or(name.len());
    let first = &name[..end];
    let m = vm.roots_mark();
    let map = match (args.kwnames, args.kwvals) {
        ([n], [mv]) if *n == Value::qstr(&Q_FORMAT_MAP) => Some(*mv),
        _ => None,
    };
    if map.is_some() && (first.is_empty() || field_number(vm, first)?.is_some()) {
        return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "Format string contains positional fields"));
    }
    let mut v = if let Some(mv) = map {
        let k = obj::str::new(vm, first)?;
        vm.push_root(k)?;
        runtime::get_item(vm, mv, k)?
    } else if first.is_empty() {
        let k = *auto;
        *auto += 1;
        match args.pos.get(k) {
            Some(v) => *v,
            None => {
                return Err(vm.raise_fmt(
                    &exc::INDEX_ERROR_TYPE,
                    format_args!("Replacement index {k} out of range for positional args tuple"),
                ))
            }
        }
    } else if let Some(k) = field_number(vm, first)? {
        match args.pos.get(k) {
            Some(v) => *v,
            None => {
                return Err(vm.raise_fmt(
                    &exc::INDEX_ERROR_TYPE,
                    format_args!("Replacement index {k} out of range for positional args tuple"),
                ))
            }
        }
    } else {
        let v = args.kw(first);
        if v.is_null() {
            let k = obj::str::new(vm, first)?;
            return Err(vm.raise_with_arg(&exc::KEY_ERROR_TYPE, k));
        }
        v
    };
    // attribute / index chain
    let mut rest = &name[end..];
    while !rest.is_empty() {
        vm.push_root(v)?;
        if let Some(r) = rest.strip_prefix('.') {
            let e = r.find(['.', '[']).unwrap_or(r.len());
            let an = obj::str::new(vm, &r[..e])?;
            vm.push_root(an)?;
            v = runtime::get_attr(vm, v, an)?;
            rest = &r[e..];
        } else if let Some(r) = rest.strip_prefix('[') {
            let e = r.find(']').unwrap_or(r.len());
            let key = &r[..e];
            let k = match field_number(vm, key)? {
                Some(i) => int::from_i64(vm, i as i64)?,
                None => obj::str::new(vm, key)?,
            };
            vm.push_root(k)?;
            v = runtime::get_item(vm, v, k)?;
            rest = r.get(e + 1..).unwrap_or("");
        } else {
            break;
        }
    }
    vm.push_root(v)?;
    // nested fields in the spec
    let spec_v = match spec_part {
        Some(sp) if sp.contains('{') => {
            let sv = obj::str::new(vm, sp)?;
            vm.push_root(sv)?;
            let r = str_format_nested(vm, sv, args, auto)?;
            vm.push_root(r)?;
            r
        }
        Some(sp) => obj::str::new(vm, sp)?,
        None => Value::NULL,
    };
    vm.push_root(spec_v)?;
    let conv_code = match conv {
        None => 0,
        Some('s') => 1,
        Some('r') => 2,
        Some('a') => 3,
        Some(c) => {
            return Err(vm.value_error(format_args!("Unknown conversion specifier {c}")));
        }
    };
    let out = format_value(vm, v, conv_code, spec_v)?;
    // `out` must survive `sb` growing (a collection) while its text is copied.
    vm.push_root(out)?;
    sb.push(vm, obj::str::as_str(out).unwrap_or(""))?;
    vm.pop_roots(m);
    Ok(())
}

fn str_format_nested(vm: &mut Vm<'_>, spec: Value, args: &Args<'_>, auto: &mut usize) -> PyResult<Value> {
    // Only simple nested fields ({} / {0} / {name}) inside a spec.
    let s = obj::str::as_str(spec).unwrap_or("");
    let mut sb = StrBuf::new(vm)?;
    let mut i = 0;
    let b = s.as_bytes();
    let mut lit = 0;
    while i < b.len() {
        if b[i] == b'{' {
            sb.push(vm, &s[lit..i])?;
            let e = s[i..].find('}').map(|p| p + i).unwrap_or(b.len());
            format_field(vm, &s[i + 1..e], args, auto, &mut sb)?;
            i = e + 1;
            lit = i;
        } else {
            i += 1;
        }
    }
    sb.push(vm, s.get(lit..).unwrap_or(""))?;
    let _ = write!(FixedBuf::new(), "");
    sb.finish(vm)
}
