//! `json`: `dumps`, `loads`, `dump`, `load` and `JSONDecodeError`, following CPython 3.11's
//! C encoder and scanner (`_json.c`) and `json/encoder.py` for `indent=` output: the same
//! text, the same error messages and positions.
//!
//! The encoder writes into one string builder; the decoder is a recursive-descent scanner
//! over the UTF-8 text that counts positions in characters only when it reports an error.
//! Both nest through native recursion, bounded as CPython's C code is: nesting counts
//! against `sys.getrecursionlimit()` (with the frames already running) and the native
//! stack guard, so `loads('[' * 100000)` raises RecursionError. Circular containers are
//! found with a list of the containers being encoded (CPython's `markers`).
//!
//! Limits: `cls=` is not supported (TypeError); `dump` calls `fp.write` once with the whole
//! text (CPython writes it in pieces); a `\ud800`-style lone surrogate in a JSON string
//! raises ValueError (this VM's str is UTF-8 and cannot hold one); bytes input must be
//! UTF-8 (with or without a BOM).

use crate::obj::{self, exception as exc, str::StrBuf, Args, Kind, Type};
use crate::runtime;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

rom_module!("json",
    fns: [dumps, loads, dump, load],
    values: [JSONDecodeError => Value::rom(&JSON_DECODE_ERROR_TYPE)],
);

crate::static_qstr!(Q_JDE, "JSONDecodeError");
crate::static_qstr!(Q_DECODER_MOD, "json.decoder");
static DECODER_NS_TABLE: crate::rom::DictTable<2> =
    crate::rom::DictTable::new([Value::qstr(&crate::qstr::__module__), Value::qstr(&Q_DECODER_MOD)]);
static DECODER_NS: crate::rom::Dict = crate::rom::Dict::new(&DECODER_NS_TABLE);

/// `json.JSONDecodeError` (`json.decoder.JSONDecodeError`), a ValueError with `msg`, `doc`,
/// `pos`, `lineno` and `colno`.
pub static JSON_DECODE_ERROR_TYPE: Type =
    Type::builtin(&Q_JDE, Some(&exc::VALUE_ERROR_TYPE), Kind::Exception, obj::flags::BASETYPE, &JDE_SLOTS, &[])
        .in_module(&DECODER_NS);

/// RecursionError when nesting `level` deep (on top of the running frames) is too deep.
fn nest(vm: &mut Vm<'_>, level: usize, what: &str) -> PyResult<()> {
    if vm.depth + level > vm.recursion_limit {
        return Err(vm.raise_fmt(&exc::RECURSION_ERROR_TYPE, format_args!("maximum recursion depth exceeded{what}")));
    }
    vm.stack_guard(crate::vm::Recursion::Plain)
}

// ---------------------------------------------------------------------------------------
// Encoder

struct Enc {
    /// The indent unit (a str), or NULL for one-line output.
    indent: Value,
    item_sep: Value,
    key_sep: Value,
    default: Value,
    /// Containers being encoded (NULL: `check_circular=False`).
    markers: Value,
    skipkeys: bool,
    ensure_ascii: bool,
    allow_nan: bool,
    sort_keys: bool,
}

fn text(v: Value) -> &'static str {
    obj::str::as_str(v).unwrap_or("")
}

/// Append `s` as a JSON string literal.
fn encode_str(vm: &mut Vm<'_>, s: &str, ascii: bool, sb: &mut StrBuf) -> PyResult<()> {
    sb.push(vm, "\"")?;
    let mut start = 0;
    for (i, c) in s.char_indices() {
        let plain = if ascii { (' '..='~').contains(&c) } else { c >= ' ' };
        if plain && c != '"' && c != '\\' {
            continue;
        }
        sb.push(vm, &s[start..i])?;
        start = i + c.len_utf8();
        match c {
            '"' => sb.push(vm, "\\\"")?,
            '\\' => sb.push(vm, "\\\\")?,
            '\n' => sb.push(vm, "\\n")?,
            '\r' => sb.push(vm, "\\r")?,
            '\t' => sb.push(vm, "\\t")?,
            '\u{8}' => sb.push(vm, "\\b")?,
            '\u{c}' => sb.push(vm, "\\f")?,
            _ => {
                let mut u = [0u16; 2];
                for w in c.encode_utf16(&mut u) {
                    sb.push_fmt(vm, format_args!("\\u{:04x}", w))?;
                }
            }
        }
    }
    sb.push(vm, &s[start..])?;
    sb.push(vm, "\"")
}

fn encode_float(vm: &mut Vm<'_>, e: &Enc, f: f64, sb: &mut StrBuf) -> PyResult<()> {
    if f.is_finite() {
        return crate::numfmt::float_repr(vm, f, sb);
    }
    if !e.allow_nan {
        return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "Out of range float values are not JSON compliant"));
    }
    sb.push(
        vm,
        if f.is_nan() {
            "NaN"
        } else if f > 0.0 {
            "Infinity"
        } else {
            "-Infinity"
        },
    )
}

/// Start encoding container `v`: ValueError if it is already being encoded.
fn mark(vm: &mut Vm<'_>, e: &Enc, v: Value) -> PyResult<()> {
    let Some(l) = obj::list::as_list(e.markers) else { return Ok(()) };
    if l.as_slice().contains(&v) {
        return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "Circular reference detected"));
    }
    obj::list::append(vm, e.markers, v)
}

fn unmark(e: &Enc) {
    if let Some(n) = obj::list::as_list(e.markers).map(|l| l.len()) {
        if n > 0 {
            obj::list::remove_at(e.markers, n - 1);
        }
    }
}

/// The newline and indent of `level`, if indenting.
fn newline(vm: &mut Vm<'_>, e: &Enc, level: usize, sb: &mut StrBuf) -> PyResult<()> {
    if e.indent.is_null() {
        return Ok(());
    }
    sb.push(vm, "\n")?;
    for _ in 0..level {
        sb.push(vm, text(e.indent))?;
    }
    Ok(())
}

const ENC_NEST: &str = " while encoding a JSON object";

fn encode(vm: &mut Vm<'_>, e: &Enc, v: Value, level: usize, sb: &mut StrBuf) -> PyResult<()> {
    if v == Value::NONE {
        return sb.push(vm, "null");
    }
    if v == Value::TRUE {
        return sb.push(vm, "true");
    }
    if v == Value::FALSE {
        return sb.push(vm, "false");
    }
    if let Some(s) = obj::str::as_str(v) {
        return encode_str(vm, s, e.ensure_ascii, sb);
    }
    if obj::int::is_int(v) {
        return obj::int::write_decimal(vm, v, sb);
    }
    if let Some(f) = obj::float::as_f64(v) {
        return encode_float(vm, e, f, sb);
    }
    let m = vm.roots_mark();
    let r = encode_container(vm, e, v, level, sb);
    vm.pop_roots(m);
    r
}

fn encode_container(vm: &mut Vm<'_>, e: &Enc, v: Value, level: usize, sb: &mut StrBuf) -> PyResult<()> {
    let seq = obj::list::as_list(v).map(|l| l.as_slice()).or_else(|| obj::tuple::items(v));
    if let Some(items) = seq {
        if items.is_empty() {
            return sb.push(vm, "[]");
        }
        nest(vm, level + 1, ENC_NEST)?;
        mark(vm, e, v)?;
        sb.push(vm, "[")?;
        newline(vm, e, level + 1, sb)?;
        let mut i = 0;
        // Re-read the items each time: `default` may change the list.
        while let Some(x) =
            obj::list::as_list(v).map(|l| l.as_slice()).or_else(|| obj::tuple::items(v)).and_then(|s| s.get(i).copied())
        {
            if i > 0 {
                sb.push(vm, text(e.item_sep))?;
                newline(vm, e, level + 1, sb)?;
            }
            let mm = vm.roots_mark();
            vm.push_root(x)?;
            let r = encode(vm, e, x, level + 1, sb);
            vm.pop_roots(mm);
            r?;
            i += 1;
        }
        newline(vm, e, level, sb)?;
        unmark(e);
        return sb.push(vm, "]");
    }
    if let Some(d) = obj::dict::as_dict(v) {
        if d.is_empty() {
            return sb.push(vm, "{}");
        }
        nest(vm, level + 1, ENC_NEST)?;
        mark(vm, e, v)?;
        sb.push(vm, "{")?;
        newline(vm, e, level + 1, sb)?;
        // The items, as CPython's PyMapping_Items (sorted when asked).
        let items = obj::list::with_capacity(vm, d.len())?;
        vm.push_root(items)?;
        for i in 0..d.used() {
            let Some((k, x)) = obj::dict::as_dict(v).and_then(|d| d.entry(i)) else { break };
            if k.is_null() {
                continue;
            }
            let t = obj::tuple::new(vm, &[k, x])?;
            obj::list::append(vm, items, t)?;
        }
        if e.sort_keys {
            obj::list_methods::sort_list(vm, items, Value::NULL, false)?;
        }
        let mut first = true;
        let mut i = 0;
        while let Some(t) = obj::list::as_list(items).and_then(|l| l.as_slice().get(i).copied()) {
            i += 1;
            let kv = obj::tuple::items(t).unwrap_or(&[]);
            let (k, x) = (kv[0], kv[1]);
            let m = vm.roots_mark();
            let ks = if obj::str::as_str(k).is_some() {
                k
            } else if k == Value::NONE
                || k == Value::TRUE
                || k == Value::FALSE
                || obj::int::is_int(k)
                || obj::float::as_f64(k).is_some()
            {
                let mut kb = StrBuf::new(vm)?;
                match obj::float::as_f64(k) {
                    Some(f) if !obj::int::is_int(k) => encode_float(vm, e, f, &mut kb)?,
                    _ => encode(vm, e, k, level, &mut kb)?,
                }
                let s = kb.finish(vm)?;
                vm.push_root(s)?;
                s
            } else if e.skipkeys {
                continue;
            } else {
                return Err(vm.type_error(format_args!(
                    "keys must be str, int, float, bool or None, not {}",
                    obj::type_name(k)
                )));
            };
            if !first {
                sb.push(vm, text(e.item_sep))?;
                newline(vm, e, level + 1, sb)?;
            }
            first = false;
            encode_str(vm, text(ks), e.ensure_ascii, sb)?;
            sb.push(vm, text(e.key_sep))?;
            encode(vm, e, x, level + 1, sb)?;
            vm.pop_roots(m);
        }
        newline(vm, e, level, sb)?;
        unmark(e);
        return sb.push(vm, "}");
    }
    if e.default.is_null() {
        return Err(vm.type_error(format_args!("Object of type {} is not JSON serializable", obj::type_name(v))));
    }
    nest(vm, level + 1, ENC_NEST)?;
    mark(vm, e, v)?;
    let r = crate::call::call(vm, e.default, &[v])?;
    vm.push_root(r)?;
    encode(vm, e, r, level, sb)?;
    unmark(e);
    Ok(())
}

/// The keyword arguments of `dumps`/`dump` as an encoder (its values rooted by the
/// caller's arguments and the roots pushed here). May collect.
fn encoder(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Enc> {
    let mut e = Enc {
        indent: Value::NULL,
        item_sep: Value::NULL,
        key_sep: Value::NULL,
        default: Value::NULL,
        markers: Value::NULL,
        skipkeys: false,
        ensure_ascii: true,
        allow_nan: true,
        sort_keys: false,
    };
    let mut check_circular = true;
    let mut separators = Value::NONE;
    for (k, v) in a.kwnames.iter().zip(a.kwvals) {
        let name = obj::str::as_str(*k).unwrap_or("");
        match name {
            "skipkeys" => e.skipkeys = runtime::truthy(vm, *v)?,
            "ensure_ascii" => e.ensure_ascii = runtime::truthy(vm, *v)?,
            "check_circular" => check_circular = runtime::truthy(vm, *v)?,
            "allow_nan" => e.allow_nan = runtime::truthy(vm, *v)?,
            "sort_keys" => e.sort_keys = runtime::truthy(vm, *v)?,
            "default" if *v != Value::NONE => e.default = *v,
            "default" => {}
            "separators" => separators = *v,
            "cls" if *v == Value::NONE => {}
            "cls" => return Err(vm.type_error(format_args!("json: cls= is not supported"))),
            "indent" if *v == Value::NONE => {}
            "indent" => {
                e.indent = if obj::str::as_str(*v).is_some() {
                    *v
                } else {
                    let n = runtime::index_arg_typed(vm, *v)?;
                    let mut sb = StrBuf::new(vm)?;
                    for _ in 0..n.max(0) {
                        sb.push(vm, " ")?;
                    }
                    let s = sb.finish(vm)?;
                    vm.push_root(s)?;
                    s
                };
            }
            _ => {
                return Err(
                    vm.type_error(format_args!("JSONEncoder.__init__() got an unexpected keyword argument '{name}'"))
                )
            }
        }
    }
    if separators != Value::NONE {
        let parts = runtime::unpack(vm, separators, 2)?;
        vm.push_root(parts)?;
        let p = obj::tuple::items(parts).or_else(|| obj::list::as_list(parts).map(|l| l.as_slice())).unwrap_or(&[]);
        if p.len() == 2 {
            e.item_sep = p[0];
            e.key_sep = p[1];
        }
        for s in [e.item_sep, e.key_sep] {
            if obj::str::as_str(s).is_none() {
                return Err(
                    vm.type_error(format_args!("make_encoder() argument 6 must be str, not {}", obj::type_name(s)))
                );
            }
        }
    } else {
        crate::static_qstr!(Q_COMMA_SP, ", ");
        crate::static_qstr!(Q_COMMA, ",");
        crate::static_qstr!(Q_COLON_SP, ": ");
        e.item_sep = if e.indent.is_null() { Value::qstr(&Q_COMMA_SP) } else { Value::qstr(&Q_COMMA) };
        e.key_sep = Value::qstr(&Q_COLON_SP);
    }
    if check_circular {
        e.markers = obj::list::with_capacity(vm, 0)?;
        vm.push_root(e.markers)?;
    }
    Ok(e)
}

/// `json.dumps(obj, ...)` as a str. May collect.
fn dumps_value(vm: &mut Vm<'_>, obj_: Value, a: &Args<'_>) -> PyResult<Value> {
    let m = vm.roots_mark();
    let r = (|| {
        let e = encoder(vm, a)?;
        let mut sb = StrBuf::new(vm)?;
        encode(vm, &e, obj_, 0, &mut sb)?;
        sb.finish(vm)
    })();
    vm.pop_roots(m);
    r
}

fn positional(vm: &mut Vm<'_>, a: &Args<'_>, name: &str, n: usize) -> PyResult<()> {
    if a.pos.len() != n {
        if a.pos.len() < n {
            let what = if name.starts_with("dump") { ["'obj'", "'fp'"] } else { ["'s'", ""] };
            return Err(vm.type_error(format_args!(
                "{name}() missing {} required positional argument{}: {}",
                n - a.pos.len(),
                if n - a.pos.len() > 1 { "s" } else { "" },
                if n - a.pos.len() > 1 { "'obj' and 'fp'" } else { what[a.pos.len()] }
            )));
        }
        return Err(vm.type_error(format_args!(
            "{name}() takes {n} positional argument{} but {} were given",
            if n > 1 { "s" } else { "" },
            a.pos.len()
        )));
    }
    Ok(())
}

fn dumps(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    positional(vm, a, "dumps", 1)?;
    dumps_value(vm, a.pos[0], a)
}

crate::static_qstr!(Q_WRITE, "write");
crate::static_qstr!(Q_READ, "read");

fn dump(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    positional(vm, a, "dump", 2)?;
    let s = dumps_value(vm, a.pos[0], a)?;
    let m = vm.roots_mark();
    vm.push_root(s)?;
    let r = (|| {
        let w = runtime::get_attr(vm, a.pos[1], Value::qstr(&Q_WRITE))?;
        vm.push_root(w)?;
        crate::call::call(vm, w, &[s])
    })();
    vm.pop_roots(m);
    r.map(|_| Value::NONE)
}

// ---------------------------------------------------------------------------------------
// Decoder

struct Dec<'s> {
    s: &'s str,
    object_hook: Value,
    pairs_hook: Value,
    parse_float: Value,
    parse_int: Value,
    parse_constant: Value,
    strict: bool,
}

/// What a failed scan reports: a JSONDecodeError to raise at a byte offset, or an
/// exception already pending.
enum Fail {
    At(&'static str, usize),
    Raised(crate::vm::Raised),
}

impl From<crate::vm::Raised> for Fail {
    fn from(r: crate::vm::Raised) -> Fail {
        Fail::Raised(r)
    }
}

type Scan<T> = Result<T, Fail>;

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\n' | b'\r') {
        i += 1;
    }
    i
}

/// Raise `JSONDecodeError(msg, doc, pos)` for byte offset `at` of `s`. May collect.
fn decode_error(vm: &mut Vm<'_>, s: &str, doc: Value, msg: &'static str, at: usize) -> crate::vm::Raised {
    let at = at.min(s.len());
    let pos = s.as_bytes()[..at].iter().filter(|c| **c & 0xC0 != 0x80).count();
    let r = obj::str::new(vm, msg).and_then(|msgv| {
        let m = vm.roots_mark();
        vm.push_root(msgv)?;
        let r = make_error(vm, &JSON_DECODE_ERROR_TYPE, msgv, doc, pos);
        vm.pop_roots(m);
        r
    });
    match r {
        Ok(e) => vm.reraise(e),
        Err(r) => r,
    }
}

/// A new `ty(msg, doc, pos)` (a JSONDecodeError class) with CPython's message and
/// attributes; `pos` counts characters. May collect.
fn make_error(vm: &mut Vm<'_>, ty: &'static Type, msgv: Value, doc: Value, pos: usize) -> PyResult<Value> {
    let s = text(doc);
    let (mut lineno, mut last_nl) = (1, None);
    for (i, c) in s.chars().take(pos).enumerate() {
        if c == '\n' {
            lineno += 1;
            last_nl = Some(i);
        }
    }
    let colno = match last_nl {
        Some(nl) => pos - nl,
        None => pos + 1,
    };
    let m = vm.roots_mark();
    let r = (|| {
        let mut sb = StrBuf::new(vm)?;
        sb.push_fmt(vm, format_args!("{}: line {lineno} column {colno} (char {pos})", text(msgv)))?;
        let full = sb.finish(vm)?;
        vm.push_root(full)?;
        let e = exc::new(vm, ty, &[full])?;
        vm.push_root(e)?;
        crate::static_qstr!(Q_MSG, "msg");
        crate::static_qstr!(Q_DOC, "doc");
        crate::static_qstr!(Q_POS, "pos");
        crate::static_qstr!(Q_LINENO, "lineno");
        crate::static_qstr!(Q_COLNO, "colno");
        runtime::set_attr(vm, e, Value::qstr(&Q_MSG), msgv)?;
        runtime::set_attr(vm, e, Value::qstr(&Q_DOC), doc)?;
        for (k, n) in [(Value::qstr(&Q_POS), pos), (Value::qstr(&Q_LINENO), lineno), (Value::qstr(&Q_COLNO), colno)] {
            let nv = obj::int::from_i64(vm, n as i64)?;
            runtime::set_attr(vm, e, k, nv)?;
        }
        Ok(e)
    })();
    vm.pop_roots(m);
    r
}

/// `JSONDecodeError(msg, doc, pos)` called from Python: CPython's message and attributes.
/// Other argument lists make a plain exception of the class.
fn jde_new(vm: &mut Vm<'_>, cls: Value, a: &Args<'_>) -> PyResult<Value> {
    let ty = obj::as_type(cls).unwrap_or(&JSON_DECODE_ERROR_TYPE);
    if let ([msg, doc, pos], true) = (a.pos, a.kwnames.is_empty()) {
        if let (Some(_), Some(_), Some(p)) = (obj::str::as_str(*msg), obj::str::as_str(*doc), obj::int::to_i64(*pos)) {
            if p >= 0 {
                return make_error(vm, ty, *msg, *doc, p as usize);
            }
        }
    }
    match exc::SLOTS.new {
        Some(f) => f(vm, cls, a),
        None => Ok(Value::NONE),
    }
}

static JDE_SLOTS: obj::Slots = obj::Slots { new: Some(jde_new), ..exc::SLOTS };

fn hex4(b: &[u8], i: usize) -> Option<u32> {
    let mut x = 0;
    for c in b.get(i..i + 4)? {
        x = x * 16 + (*c as char).to_digit(16)?;
    }
    Some(x)
}

/// The string whose opening quote is at byte `begin - 1`; returns it and the offset after
/// the closing quote (CPython's scanstring).
fn scan_string(vm: &mut Vm<'_>, d: &Dec<'_>, begin: usize) -> Scan<(Value, usize)> {
    let b = d.s.as_bytes();
    let quote = begin - 1;
    // Fast path: no escapes.
    let mut i = begin;
    while i < b.len() && b[i] != b'"' && b[i] != b'\\' && (b[i] >= 0x20 || !d.strict) {
        i += 1;
    }
    if i < b.len() && b[i] == b'"' {
        return Ok((obj::str::new(vm, &d.s[begin..i])?, i + 1));
    }
    let mut sb = StrBuf::new(vm)?;
    let mut i = begin;
    let mut lone = None;
    loop {
        let start = i;
        while i < b.len() && b[i] != b'"' && b[i] != b'\\' {
            if b[i] < 0x20 && d.strict {
                return Err(Fail::At("Invalid control character at", i));
            }
            i += 1;
        }
        sb.push(vm, &d.s[start..i])?;
        if i >= b.len() {
            return Err(Fail::At("Unterminated string starting at", quote));
        }
        if b[i] == b'"' {
            if let Some(cp) = lone {
                return Err(Fail::Raised(vm.value_error(format_args!(
                    "lone surrogate \\u{cp:04x} in a JSON string: not supported (str holds no surrogates here)"
                ))));
            }
            return Ok((sb.finish(vm)?, i + 1));
        }
        // A backslash.
        i += 1;
        let Some(&c) = b.get(i) else {
            return Err(Fail::At("Unterminated string starting at", quote));
        };
        let simple = match c {
            b'"' => Some('"'),
            b'\\' => Some('\\'),
            b'/' => Some('/'),
            b'b' => Some('\u{8}'),
            b'f' => Some('\u{c}'),
            b'n' => Some('\n'),
            b'r' => Some('\r'),
            b't' => Some('\t'),
            _ => None,
        };
        if let Some(ch) = simple {
            sb.push_char(vm, ch)?;
            i += 1;
            continue;
        }
        if c != b'u' {
            return Err(Fail::At("Invalid \\escape", i - 1));
        }
        let u = i;
        i += 1;
        if i + 4 >= b.len() {
            return Err(Fail::At("Invalid \\uXXXX escape", u));
        }
        let Some(mut cp) = hex4(b, i) else {
            return Err(Fail::At("Invalid \\uXXXX escape", u));
        };
        i += 4;
        if (0xd800..0xdc00).contains(&cp) && i + 6 < b.len() && b[i] == b'\\' && b[i + 1] == b'u' {
            let Some(lo) = hex4(b, i + 2) else {
                return Err(Fail::At("Invalid \\uXXXX escape", i + 1));
            };
            if (0xdc00..0xe000).contains(&lo) {
                cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
                i += 6;
            }
        }
        match char::from_u32(cp) {
            Some(ch) => sb.push_char(vm, ch)?,
            // Reported once the string is scanned, so errors later in it come first.
            None => lone = lone.or(Some(cp)),
        }
    }
}

fn call1(vm: &mut Vm<'_>, f: Value, text: &str) -> Scan<Value> {
    let s = obj::str::new(vm, text)?;
    let m = vm.roots_mark();
    vm.push_root(s)?;
    let r = crate::call::call(vm, f, &[s]);
    vm.pop_roots(m);
    Ok(r?)
}

fn scan_number(vm: &mut Vm<'_>, d: &Dec<'_>, start: usize) -> Scan<(Value, usize)> {
    let b = d.s.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(|c| c.is_ascii_digit());
    let mut i = start;
    if b.get(i) == Some(&b'-') {
        i += 1;
    }
    match b.get(i) {
        Some(b'1'..=b'9') => {
            i += 1;
            while digit(i) {
                i += 1;
            }
        }
        Some(b'0') => i += 1,
        _ => return Err(Fail::At("Expecting value", start)),
    }
    let mut is_float = false;
    if b.get(i) == Some(&b'.') && digit(i + 1) {
        is_float = true;
        i += 2;
        while digit(i) {
            i += 1;
        }
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        let e_start = i;
        i += 1;
        if matches!(b.get(i), Some(b'-' | b'+')) {
            i += 1;
        }
        while digit(i) {
            i += 1;
        }
        if digit(i - 1) {
            is_float = true;
        } else {
            i = e_start;
        }
    }
    let t = &d.s[start..i];
    let v = if is_float {
        if !d.parse_float.is_null() {
            call1(vm, d.parse_float, t)?
        } else {
            obj::float::new(vm, crate::numfmt::parse_float(t).unwrap_or(f64::NAN))?
        }
    } else if !d.parse_int.is_null() {
        call1(vm, d.parse_int, t)?
    } else {
        obj::int::parse(vm, t, 10)?
    };
    Ok((v, i))
}

fn constant(vm: &mut Vm<'_>, d: &Dec<'_>, name: &str, f: f64) -> Scan<Value> {
    if !d.parse_constant.is_null() {
        return call1(vm, d.parse_constant, name);
    }
    Ok(obj::float::new(vm, f)?)
}

/// The value at byte `i` (no whitespace skipped), and the offset after it.
fn scan(vm: &mut Vm<'_>, d: &Dec<'_>, i: usize, level: usize) -> Scan<(Value, usize)> {
    let b = d.s.as_bytes();
    let rest = &b[i.min(b.len())..];
    match rest.first() {
        None => Err(Fail::At("Expecting value", i)),
        Some(b'"') => scan_string(vm, d, i + 1),
        Some(b'{') => {
            let m = vm.roots_mark();
            let r = scan_object(vm, d, i + 1, level + 1);
            vm.pop_roots(m);
            r
        }
        Some(b'[') => {
            let m = vm.roots_mark();
            let r = scan_array(vm, d, i + 1, level + 1);
            vm.pop_roots(m);
            r
        }
        _ if rest.starts_with(b"null") => Ok((Value::NONE, i + 4)),
        _ if rest.starts_with(b"true") => Ok((Value::TRUE, i + 4)),
        _ if rest.starts_with(b"false") => Ok((Value::FALSE, i + 5)),
        _ if rest.starts_with(b"NaN") => Ok((constant(vm, d, "NaN", f64::NAN)?, i + 3)),
        _ if rest.starts_with(b"Infinity") => Ok((constant(vm, d, "Infinity", f64::INFINITY)?, i + 8)),
        _ if rest.starts_with(b"-Infinity") => Ok((constant(vm, d, "-Infinity", f64::NEG_INFINITY)?, i + 9)),
        _ => scan_number(vm, d, i),
    }
}

fn scan_array(vm: &mut Vm<'_>, d: &Dec<'_>, start: usize, level: usize) -> Scan<(Value, usize)> {
    nest(vm, level, " while decoding a JSON array from a unicode string")?;
    let b = d.s.as_bytes();
    let l = obj::list::with_capacity(vm, 0)?;
    vm.push_root(l)?;
    let mut i = skip_ws(b, start);
    if b.get(i) == Some(&b']') {
        return Ok((l, i + 1));
    }
    loop {
        let (v, e) = scan(vm, d, i, level)?;
        let m = vm.roots_mark();
        vm.push_root(v)?;
        obj::list::append(vm, l, v)?;
        vm.pop_roots(m);
        i = skip_ws(b, e);
        match b.get(i) {
            Some(b']') => return Ok((l, i + 1)),
            Some(b',') => i = skip_ws(b, i + 1),
            _ => return Err(Fail::At("Expecting ',' delimiter", i)),
        }
    }
}

fn scan_object(vm: &mut Vm<'_>, d: &Dec<'_>, start: usize, level: usize) -> Scan<(Value, usize)> {
    nest(vm, level, " while decoding a JSON object from a unicode string")?;
    let b = d.s.as_bytes();
    let pairs = !d.pairs_hook.is_null();
    let acc = if pairs { obj::list::with_capacity(vm, 0)? } else { obj::dict::new(vm)? };
    vm.push_root(acc)?;
    let mut i = skip_ws(b, start);
    if b.get(i) != Some(&b'}') {
        loop {
            if b.get(i) != Some(&b'"') {
                return Err(Fail::At("Expecting property name enclosed in double quotes", i));
            }
            let (k, e) = scan_string(vm, d, i + 1)?;
            let m = vm.roots_mark();
            vm.push_root(k)?;
            i = skip_ws(b, e);
            if b.get(i) != Some(&b':') {
                return Err(Fail::At("Expecting ':' delimiter", i));
            }
            i = skip_ws(b, i + 1);
            let (v, e) = scan(vm, d, i, level)?;
            vm.push_root(v)?;
            if pairs {
                let t = obj::tuple::new(vm, &[k, v])?;
                vm.push_root(t)?;
                obj::list::append(vm, acc, t)?;
            } else {
                obj::dict::set(vm, acc, k, v)?;
            }
            vm.pop_roots(m);
            i = skip_ws(b, e);
            match b.get(i) {
                Some(b'}') => break,
                Some(b',') => i = skip_ws(b, i + 1),
                _ => return Err(Fail::At("Expecting ',' delimiter", i)),
            }
            if b.get(i) != Some(&b'"') {
                return Err(Fail::At("Expecting property name enclosed in double quotes", i));
            }
        }
    }
    let hook = if pairs { d.pairs_hook } else { d.object_hook };
    let v = if hook.is_null() { acc } else { crate::call::call(vm, hook, &[acc])? };
    Ok((v, i + 1))
}

/// `json.loads(s, ...)` of the str, bytes or bytearray `s`. May collect.
fn loads_value(vm: &mut Vm<'_>, s: Value, a: &Args<'_>) -> PyResult<Value> {
    let m = vm.roots_mark();
    let r = (|| {
        let doc = if obj::str::as_str(s).is_some() {
            s
        } else if let Some(data) = obj::bytes::as_bytes(s).or_else(|| obj::bytearray::data(s)) {
            let data = data.strip_prefix(b"\xef\xbb\xbf").unwrap_or(data);
            let t = crate::codec::decode(vm, data, Some("utf-8"), None)?;
            vm.push_root(t)?;
            t
        } else {
            return Err(vm.type_error(format_args!(
                "the JSON object must be str, bytes or bytearray, not {}",
                obj::type_name(s)
            )));
        };
        let mut d = Dec {
            s: text(doc),

            object_hook: Value::NULL,
            pairs_hook: Value::NULL,
            parse_float: Value::NULL,
            parse_int: Value::NULL,
            parse_constant: Value::NULL,
            strict: true,
        };
        for (k, v) in a.kwnames.iter().zip(a.kwvals) {
            let name = obj::str::as_str(*k).unwrap_or("");
            let v = if *v == Value::NONE { Value::NULL } else { *v };
            match name {
                "object_hook" => d.object_hook = v,
                "object_pairs_hook" => d.pairs_hook = v,
                "parse_float" => d.parse_float = v,
                "parse_int" => d.parse_int = v,
                "parse_constant" => d.parse_constant = v,
                "strict" => d.strict = v.is_null() || runtime::truthy(vm, v)?,
                "cls" if v.is_null() => {}
                "cls" => return Err(vm.type_error(format_args!("json: cls= is not supported"))),
                _ => {
                    return Err(vm.type_error(format_args!(
                        "JSONDecoder.__init__() got an unexpected keyword argument '{name}'"
                    )))
                }
            }
        }
        if d.s.starts_with('\u{feff}') {
            return Err(decode_error(vm, d.s, doc, "Unexpected UTF-8 BOM (decode using utf-8-sig)", 0));
        }
        let b = d.s.as_bytes();
        let start = skip_ws(b, 0);
        let r = scan(vm, &d, start, 0).and_then(|(v, e)| {
            let e = skip_ws(b, e);
            if e != b.len() {
                return Err(Fail::At("Extra data", e));
            }
            Ok(v)
        });
        match r {
            Ok(v) => Ok(v),
            Err(Fail::At(msg, at)) => Err(decode_error(vm, d.s, doc, msg, at)),
            Err(Fail::Raised(r)) => Err(r),
        }
    })();
    vm.pop_roots(m);
    r
}

fn loads(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    positional(vm, a, "loads", 1)?;
    loads_value(vm, a.pos[0], a)
}

fn load(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    positional(vm, a, "load", 1)?;
    let m = vm.roots_mark();
    let r = (|| {
        let rd = runtime::get_attr(vm, a.pos[0], Value::qstr(&Q_READ))?;
        vm.push_root(rd)?;
        let s = crate::call::call(vm, rd, &[])?;
        vm.push_root(s)?;
        loads_value(vm, s, a)
    })();
    vm.pop_roots(m);
    r
}
