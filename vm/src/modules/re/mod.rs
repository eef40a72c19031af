//! `re`: CPython 3.11's regular expressions over str and bytes (`parse.rs` parses and
//! compiles a pattern into a small word program, `exec.rs` runs it with an explicit
//! backtracking stack in the heap and a step bound; this file is the module: `Pattern`,
//! `Match`, the finditer iterator, templates and the module functions).
//!
//! ```text
//!  PatternObj  ObjHeader | pattern Value | code Value (bytes: u32 words) | groupindex Value
//!              | flags usize | groups usize | nregs usize
//!  MatchObj    ObjHeader | re Value | string Value | regs Value (tuple: 2 ints per group,
//!              character offsets, -1 unmatched) | pos usize | endpos usize | lastindex isize
//!  ScanObj     ObjHeader | re Value | string Value | at usize (byte) | end usize (byte)
//!              | must_advance usize (2: exhausted)
//! ```
//! Patterns are compiled at every call (no cache); `purge()` does nothing.

mod exec;
mod parse;
mod template;

use core::fmt;

use exec::{Machine, Subject, NONE};
use template::{expand_into, template_text, Out};

use crate::obj::{self, bytearray, dict, exception as exc, str::StrBuf, tuple, Args, Builtin, Kind, Slots, Type};
use crate::rom::ObjHeader;
use crate::runtime;
use crate::value::Value;
use crate::vm::{PyResult, Raised, Vm};

/// Flag bits (CPython's values).
pub(super) mod flag {
    pub const T: u32 = 1;
    pub const I: u32 = 2;
    pub const L: u32 = 4;
    pub const M: u32 = 8;
    pub const S: u32 = 16;
    pub const U: u32 = 32;
    pub const X: u32 = 64;
    pub const DEBUG: u32 = 128;
    pub const A: u32 = 256;

    /// The flag of an inline-flag letter.
    pub fn letter(c: u32) -> Option<u32> {
        Some(match char::from_u32(c)? {
            'i' => I,
            'L' => L,
            'm' => M,
            's' => S,
            'x' => X,
            'a' => A,
            'u' => U,
            _ => return None,
        })
    }
}

rom_module!("re",
    fns: [compile, search, match_ as "match", fullmatch, findall, finditer, sub, subn, split, escape, purge],
    values: [
        error => Value::rom(&RE_ERROR_TYPE),
        Pattern => Value::rom(&PATTERN_TYPE),
        Match => Value::rom(&MATCH_TYPE),
        NOFLAG => Value::small_int(0),
        T => Value::small_int(flag::T as isize),
        TEMPLATE => Value::small_int(flag::T as isize),
        I => Value::small_int(flag::I as isize),
        IGNORECASE => Value::small_int(flag::I as isize),
        L => Value::small_int(flag::L as isize),
        LOCALE => Value::small_int(flag::L as isize),
        M => Value::small_int(flag::M as isize),
        MULTILINE => Value::small_int(flag::M as isize),
        S => Value::small_int(flag::S as isize),
        DOTALL => Value::small_int(flag::S as isize),
        U => Value::small_int(flag::U as isize),
        UNICODE => Value::small_int(flag::U as isize),
        X => Value::small_int(flag::X as isize),
        VERBOSE => Value::small_int(flag::X as isize),
        DEBUG => Value::small_int(flag::DEBUG as isize),
        A => Value::small_int(flag::A as isize),
        ASCII => Value::small_int(flag::A as isize),
    ],
);

crate::static_qstr!(Q_ERROR, "error");
crate::static_qstr!(Q_PATTERN, "Pattern");
crate::static_qstr!(Q_MATCH, "Match");
crate::static_qstr!(Q_SCAN, "callable_iterator");

/// `re.error`.
pub static RE_ERROR_TYPE: Type =
    Type::builtin(&Q_ERROR, Some(&exc::EXCEPTION_TYPE), Kind::Exception, obj::flags::BASETYPE, &exc::SLOTS, &[])
        .in_module(&TYPE_NS);

/// Raise `re.error(msg, pattern, pos)` with CPython's message (`at position N`, and the line
/// and column when the pattern has several lines) and attributes.
pub(super) fn raise_error(
    vm: &mut Vm<'_>,
    pattern: Value,
    src: &[u8],
    text: bool,
    pos: Option<usize>,
    msg: fmt::Arguments<'_>,
) -> Raised {
    match make_error(vm, pattern, src, text, pos, msg) {
        Ok(e) => vm.raise(e),
        Err(e) => e,
    }
}

fn make_error(
    vm: &mut Vm<'_>,
    pattern: Value,
    src: &[u8],
    text: bool,
    pos: Option<usize>,
    msg: fmt::Arguments<'_>,
) -> PyResult<Value> {
    let m = vm.roots_mark();
    let r = (|| {
        let mut sb = StrBuf::new(vm)?;
        sb.push_fmt(vm, msg)?;
        let msgv = sb.finish(vm)?;
        vm.push_root(msgv)?;
        let mut sb = StrBuf::new(vm)?;
        sb.push_fmt(vm, msg)?;
        let (mut line, mut col) = (Value::NONE, Value::NONE);
        let mut posv = Value::NONE;
        if let Some(p) = pos {
            sb.push_fmt(vm, format_args!(" at position {p}"))?;
            // Line and column by characters.
            let mut ln = 1;
            let mut last_nl: Option<usize> = None;
            let mut k = 0;
            for (i, &b) in src.iter().enumerate() {
                if text && b & 0xC0 == 0x80 {
                    continue;
                }
                if k >= p {
                    let _ = i;
                    break;
                }
                if b == b'\n' {
                    ln += 1;
                    last_nl = Some(k);
                }
                k += 1;
            }
            let cn = match last_nl {
                Some(n) => p - n,
                None => p + 1,
            };
            if src.contains(&b'\n') {
                sb.push_fmt(vm, format_args!(" (line {ln}, column {cn})"))?;
            }
            posv = Value::small_int(p as isize);
            line = Value::small_int(ln as isize);
            col = Value::small_int(cn as isize);
        }
        let full = sb.finish(vm)?;
        vm.push_root(full)?;
        let e = exc::new(vm, &RE_ERROR_TYPE, &[full])?;
        vm.push_root(e)?;
        crate::static_qstr!(Q_MSG, "msg");
        crate::static_qstr!(Q_PAT, "pattern");
        crate::static_qstr!(Q_POS, "pos");
        crate::static_qstr!(Q_LINENO, "lineno");
        crate::static_qstr!(Q_COLNO, "colno");
        runtime::set_attr(vm, e, Value::qstr(&Q_MSG), msgv)?;
        runtime::set_attr(vm, e, Value::qstr(&Q_PAT), if pattern.is_null() { Value::NONE } else { pattern })?;
        runtime::set_attr(vm, e, Value::qstr(&Q_POS), posv)?;
        runtime::set_attr(vm, e, Value::qstr(&Q_LINENO), line)?;
        runtime::set_attr(vm, e, Value::qstr(&Q_COLNO), col)?;
        Ok(e)
    })();
    vm.pop_roots(m);
    r
}

/// A group name (from a str or, as Latin-1, a bytes pattern) as a str. May collect.
pub(super) fn name_value(vm: &mut Vm<'_>, name: &[u8], text: bool) -> PyResult<Value> {
    if text {
        return obj::str::new(vm, core::str::from_utf8(name).unwrap_or(""));
    }
    // A bytes pattern's name is read as Latin-1.
    let mut sb = StrBuf::new(vm)?;
    for &b in name {
        sb.push_char(vm, b as char)?;
    }
    sb.finish(vm)
}

// ----- Pattern -----

#[repr(C)]
struct PatternObj {
    hdr: ObjHeader,
    pattern: Value,
    code: Value,
    groupindex: Value,
    flags: usize,
    groups: usize,
    nregs: usize,
}

fn as_pattern(v: Value) -> Option<&'static PatternObj> {
    // SAFETY: objects of PATTERN_TYPE (not subclassable) are PatternObj made by `compile_value`.
    core::ptr::eq(obj::type_of(v), &PATTERN_TYPE).then(|| unsafe { &*(v.as_ptr() as *const PatternObj) })
}

fn text_of(v: Value) -> Option<(&'static [u8], bool)> {
    if let Some(s) = obj::str::as_str(v) {
        return Some((s.as_bytes(), true));
    }
    obj::bytes::as_buf(v).map(|b| (b, false))
}

/// Compile `pattern` (str, bytes or a Pattern) with `flags`. May collect.
fn compile_value(vm: &mut Vm<'_>, pattern: Value, flags: Value) -> PyResult<Value> {
    let fl = if flags.is_null() { 0 } else { runtime::index_arg_typed(vm, flags)? };
    if as_pattern(pattern).is_some() {
        if fl != 0 {
            return Err(vm.value_error(format_args!("cannot process flags argument with a compiled pattern")));
        }
        return Ok(pattern);
    }
    let Some((src, text)) = obj::str::as_str(pattern)
        .map(|s| (s.as_bytes(), true))
        .or_else(|| obj::bytes::as_bytes(pattern).map(|b| (b, false)))
    else {
        return Err(vm.type_error(format_args!("first argument must be string or compiled pattern")));
    };
    let fl = fl as u32;
    let m = vm.roots_mark();
    let r = (|| {
        let mut p1 = parse::Parser::new(src, text, fl, None, 0, pattern);
        p1.parse(vm)?;
        let (groups, names, len, mut flags, reps) = (p1.groups, p1.names, p1.len(), p1.flags, p1.reps);
        if !names.is_null() {
            vm.push_root(names)?;
        }
        if text {
            if flags & flag::L != 0 {
                return Err(vm.value_error(format_args!("cannot use LOCALE flag with a str pattern")));
            }
            if flags & flag::A == 0 {
                flags |= flag::U;
            } else if flags & flag::U != 0 {
                return Err(vm.value_error(format_args!("ASCII and UNICODE flags are incompatible")));
            }
        } else {
            if flags & flag::U != 0 {
                return Err(vm.value_error(format_args!("cannot use UNICODE flag with a bytes pattern")));
            }
            if flags & flag::L != 0 && flags & flag::A != 0 {
                return Err(vm.value_error(format_args!("ASCII and LOCALE flags are incompatible")));
            }
        }
        let Some(nbytes) = len.checked_mul(4) else { return Err(vm.raise_memory_error()) };
        let code = obj::bytes::alloc(vm, nbytes)?;
        vm.push_root(code)?;
        let mut p2 = parse::Parser::new(src, text, fl, Some(obj::bytes::fresh_data(code)), groups, pattern);
        p2.names = names;
        p2.parse(vm)?;
        let v = vm.alloc_obj(&PATTERN_TYPE, core::mem::size_of::<PatternObj>())?;
        let nregs = 2 * (groups as usize + 1) + 1 + 2 * reps as usize;
        // SAFETY: fresh PatternObj-sized allocation.
        unsafe {
            let p = v.as_ptr() as *mut PatternObj;
            (*p).pattern = pattern;
            (*p).code = code;
            (*p).groupindex = names;
            (*p).flags = flags as usize;
            (*p).groups = groups as usize;
            (*p).nregs = nregs;
        }
        Ok(v)
    })();
    vm.pop_roots(m);
    r
}

fn pattern_trace(v: Value, t: &mut crate::heap::Tracer<'_>) {
    if let Some(p) = as_pattern(v) {
        t.mark(p.pattern);
        t.mark(p.code);
        if !p.groupindex.is_null() {
            t.mark(p.groupindex);
        }
    }
}

fn push_repr_trunc(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf, max: usize) -> PyResult<()> {
    let start = sb.len();
    runtime::repr_into(vm, v, sb)?;
    let s = &sb.as_str(vm)[start..];
    if let Some((b, _)) = s.char_indices().nth(max) {
        sb.truncate(start + b);
    }
    Ok(())
}

fn pattern_repr(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf) -> PyResult<()> {
    let Some(p) = as_pattern(v) else { return Ok(()) };
    sb.push(vm, "re.compile(")?;
    push_repr_trunc(vm, p.pattern, sb, 200)?;
    let mut flags = p.flags as u32;
    if obj::str::is_str(p.pattern) && flags & (flag::L | flag::U | flag::A) == flag::U {
        flags &= !flag::U;
    }
    if flags != 0 {
        sb.push(vm, ", ")?;
        let names = [
            (flag::T, "re.TEMPLATE"),
            (flag::I, "re.IGNORECASE"),
            (flag::L, "re.LOCALE"),
            (flag::M, "re.MULTILINE"),
            (flag::S, "re.DOTALL"),
            (flag::U, "re.UNICODE"),
            (flag::X, "re.VERBOSE"),
            (flag::DEBUG, "re.DEBUG"),
            (flag::A, "re.ASCII"),
        ];
        let mut first = true;
        for (f, n) in names {
            if flags & f != 0 {
                if !first {
                    sb.push(vm, "|")?;
                }
                sb.push(vm, n)?;
                first = false;
                flags &= !f;
            }
        }
        if flags != 0 {
            if !first {
                sb.push(vm, "|")?;
            }
            sb.push_fmt(vm, format_args!("0x{flags:x}"))?;
        }
    }
    sb.push(vm, ")")
}

fn pattern_getattr(vm: &mut Vm<'_>, v: Value, name: Value) -> PyResult<Value> {
    let Some(p) = as_pattern(v) else { return Ok(Value::NULL) };
    Ok(match obj::str::as_str(name) {
        Some("pattern") => p.pattern,
        Some("flags") => Value::small_int(p.flags as isize),
        Some("groups") => Value::small_int(p.groups as isize),
        Some("groupindex") => {
            let d = dict::new(vm)?;
            if !p.groupindex.is_null() {
                let m = vm.roots_mark();
                vm.push_root(d)?;
                let r = dict::update(vm, d, p.groupindex);
                vm.pop_roots(m);
                r?;
            }
            d
        }
        _ => Value::NULL,
    })
}

// ----- argument binding -----

/// Bind `a.pos[skip..]` and keywords to `names` (C-function style messages); unset
/// arguments are NULL. A thin generic shell over [`bind_into`].
fn bind<const N: usize>(
    vm: &mut Vm<'_>,
    a: &Args<'_>,
    skip: usize,
    fname: &str,
    names: [&str; N],
    required: usize,
) -> PyResult<[Value; N]> {
    let mut out = [Value::NULL; N];
    bind_into(vm, a, skip, fname, &names, required, &mut out)?;
    Ok(out)
}

fn bind_into(
    vm: &mut Vm<'_>,
    a: &Args<'_>,
    skip: usize,
    fname: &str,
    names: &[&str],
    required: usize,
    out: &mut [Value],
) -> PyResult<()> {
    let n = names.len();
    let pos = a.pos.get(skip..).unwrap_or(&[]);
    if pos.len() > n {
        return Err(vm.type_error(format_args!(
            "{fname}() takes at most {n} argument{} ({} given)",
            if n == 1 { "" } else { "s" },
            pos.len() + a.kwnames.len()
        )));
    }
    out[..pos.len()].copy_from_slice(pos);
    for (k, x) in a.kwnames.iter().zip(a.kwvals) {
        let k = obj::str::as_str(*k).unwrap_or("");
        match names.iter().position(|n| *n == k) {
            Some(i) if out[i].is_null() => out[i] = *x,
            Some(i) => {
                return Err(vm
                    .type_error(format_args!("argument for {fname}() given by name ('{k}') and position ({})", i + 1)))
            }
            None => return Err(vm.type_error(format_args!("'{k}' is an invalid keyword argument for {fname}()"))),
        }
    }
    for i in 0..required {
        if out[i].is_null() {
            return Err(vm.type_error(format_args!(
                "{fname}() missing required argument '{}' (pos {})",
                names[i],
                i + 1
            )));
        }
    }
    Ok(())
}

fn this_pattern(vm: &mut Vm<'_>, v: Value) -> PyResult<&'static PatternObj> {
    as_pattern(v).ok_or_else(|| vm.type_error(format_args!("descriptor requires a 're.Pattern' object")))
}

/// An integer argument, or `default` when unset.
fn int_arg(vm: &mut Vm<'_>, v: Value, default: i64) -> PyResult<i64> {
    if v.is_null() {
        return Ok(default);
    }
    runtime::index_arg_typed(vm, v)
}

// ----- matching -----

/// A subject string checked against the pattern: bytes, kind, and the byte range.
struct Target {
    s: &'static [u8],
    text: bool,
    ascii: bool,
    /// Start and end byte offsets (pos / endpos).
    start: usize,
    end: usize,
}

impl Target {
    fn char_to_byte(&self, ci: usize) -> usize {
        if !self.text || self.ascii {
            return ci.min(self.s.len());
        }
        let mut k = 0;
        for (i, &b) in self.s.iter().enumerate() {
            if b & 0xC0 != 0x80 {
                if k == ci {
                    return i;
                }
                k += 1;
            }
        }
        self.s.len()
    }
    fn byte_to_char(&self, bi: usize) -> usize {
        if !self.text || self.ascii {
            return bi;
        }
        self.s[..bi.min(self.s.len())].iter().filter(|b| **b & 0xC0 != 0x80).count()
    }
}

/// Check `string` against pattern `p` and clamp `pos`/`endpos` (characters) as CPython.
/// A mutable subject (bytearray, memoryview) is matched in a rooted bytes copy, so Python
/// code run meanwhile (`__index__`, a replacement function) cannot free what is matched.
/// May collect.
fn target(vm: &mut Vm<'_>, p: &PatternObj, string: Value, pos: Value, endpos: Value) -> PyResult<Target> {
    let pos = int_arg(vm, pos, 0)?;
    let endpos = int_arg(vm, endpos, i64::MAX)?;
    let Some((s, text)) = text_of(string) else {
        return Err(
            vm.type_error(format_args!("expected string or bytes-like object, got '{}'", obj::type_name(string)))
        );
    };
    let ptext = obj::str::is_str(p.pattern);
    if ptext && !text {
        return Err(vm.type_error(format_args!("cannot use a string pattern on a bytes-like object")));
    }
    if !ptext && text {
        return Err(vm.type_error(format_args!("cannot use a bytes pattern on a string-like object")));
    }
    if s.len() >= NONE as usize - 1 {
        return Err(vm.raise_memory_error());
    }
    let s = if text || obj::bytes::as_bytes(string).is_some() {
        s
    } else {
        let copy = obj::bytes::new(vm, s)?;
        vm.push_root(copy)?;
        obj::bytes::as_bytes(copy).unwrap_or(&[])
    };
    let n = if text { obj::str::char_len(string) } else { s.len() };
    let ascii = n == s.len();
    let pos = pos.clamp(0, n as i64) as usize;
    let endpos = endpos.clamp(0, n as i64) as usize;
    let mut t = Target { s, text, ascii, start: 0, end: 0 };
    t.start = t.char_to_byte(pos);
    t.end = t.char_to_byte(endpos);
    Ok(t)
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Match,
    Full,
    Search,
}

/// The machine of one call: registers and stack buffers, rooted until `vm.pop_roots(mark)`.
fn machine(vm: &mut Vm<'_>, p: &PatternObj) -> PyResult<Machine> {
    let regs = bytearray::with_len(vm, p.nregs * 4)?;
    vm.push_root(regs)?;
    let stack = bytearray::with_len(vm, 256)?;
    vm.push_root(stack)?;
    Ok(Machine { regs, stack, li: 2 * (p.groups + 1), steps: 0 })
}

/// Find the next match of `p` in `t` from byte `from`. May collect.
fn find(
    vm: &mut Vm<'_>,
    p: &PatternObj,
    t: &Target,
    m: &mut Machine,
    from: usize,
    must_advance: bool,
    mode: Mode,
) -> PyResult<bool> {
    if from > t.end {
        return Ok(false);
    }
    let code = obj::bytes::as_bytes(p.code).unwrap_or(&[]);
    let uni = t.text && p.flags as u32 & flag::A == 0;
    let sj = Subject { s: t.s, text: t.text, uni, end: t.end };
    m.steps = 0;
    if mode != Mode::Search {
        return exec::run(vm, code, &sj, m, from, must_advance, mode == Mode::Full);
    }
    // A leading literal lets the search skip positions.
    let first = (code.len() >= 8 && code[..4] == parse::CHAR.to_le_bytes()).then(|| &code[4..8]);
    let mut at = from;
    let mut adv = must_advance;
    loop {
        let skip = match first {
            Some(c) if at < t.end => {
                let c = u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
                let mut i = at;
                let mut buf = [0u8; 4];
                let needle: &[u8] = if t.text {
                    char::from_u32(c).map_or(&[][..], |ch| ch.encode_utf8(&mut buf).as_bytes())
                } else {
                    buf[0] = c as u8;
                    &buf[..1]
                };
                while i < t.end && !t.s[i..t.end].starts_with(needle) {
                    i += 1;
                }
                i
            }
            _ => at,
        };
        if skip != at {
            at = skip;
            adv = false;
        }
        if exec::run(vm, code, &sj, m, at, adv, false)? {
            return Ok(true);
        }
        if at >= t.end {
            return Ok(false);
        }
        at += 1;
        if t.text {
            while at < t.end && t.s[at] & 0xC0 == 0x80 {
                at += 1;
            }
        }
        adv = false;
    }
}

fn reg(m: &Machine, i: usize) -> u32 {
    let d = bytearray::data(m.regs).unwrap_or(&[]);
    match d.get(i * 4..i * 4 + 4) {
        Some(x) => u32::from_le_bytes([x[0], x[1], x[2], x[3]]),
        None => NONE,
    }
}

/// The span of group `g` in bytes, None when it did not match.
fn span_of(m: &Machine, g: usize) -> Option<(usize, usize)> {
    let (a, b) = (reg(m, 2 * g), reg(m, 2 * g + 1));
    (a != NONE && b != NONE && a <= b).then_some((a as usize, b as usize))
}

/// A new str/bytes of bytes `a..b` of the subject `string`. May collect.
fn piece(vm: &mut Vm<'_>, string: Value, t: &Target, a: usize, b: usize) -> PyResult<Value> {
    if a == 0 && b == t.s.len() && (obj::str::is_str(string) || obj::bytes::as_bytes(string).is_some()) {
        return Ok(string);
    }
    if t.text {
        obj::str::new(vm, core::str::from_utf8(&t.s[a..b]).unwrap_or(""))
    } else {
        obj::bytes::new(vm, &t.s[a..b])
    }
}

// ----- Match -----

#[repr(C)]
struct MatchObj {
    hdr: ObjHeader,
    re: Value,
    string: Value,
    regs: Value,
    pos: usize,
    endpos: usize,
    lastindex: isize,
}

fn as_match(v: Value) -> Option<&'static MatchObj> {
    // SAFETY: objects of MATCH_TYPE (not subclassable) are MatchObj made by `new_match`.
    core::ptr::eq(obj::type_of(v), &MATCH_TYPE).then(|| unsafe { &*(v.as_ptr() as *const MatchObj) })
}

/// A Match object for the machine's registers. May collect.
fn new_match(vm: &mut Vm<'_>, pv: Value, p: &PatternObj, string: Value, t: &Target, m: &Machine) -> PyResult<Value> {
    let n = 2 * (p.groups + 1);
    let regs = tuple::alloc(vm, n)?;
    for i in 0..n {
        let r = reg(m, i);
        let ci = if r == NONE { -1 } else { t.byte_to_char(r as usize) as isize };
        tuple::init_item(regs, i, Value::small_int(ci));
    }
    let mk = vm.roots_mark();
    vm.push_root(regs)?;
    let v = vm.alloc_obj(&MATCH_TYPE, core::mem::size_of::<MatchObj>());
    vm.pop_roots(mk);
    let v = v?;
    let li = reg(m, m.li);
    let mut lastindex = if li == NONE { -1 } else { li as isize };
    if lastindex == 0 {
        lastindex = -1;
    }
    // SAFETY: fresh MatchObj-sized allocation.
    unsafe {
        let o = v.as_ptr() as *mut MatchObj;
        (*o).re = pv;
        (*o).string = string;
        (*o).regs = regs;
        (*o).pos = t.byte_to_char(t.start);
        (*o).endpos = t.byte_to_char(t.end);
        (*o).lastindex = lastindex;
    }
    Ok(v)
}

fn match_trace(v: Value, t: &mut crate::heap::Tracer<'_>) {
    if let Some(m) = as_match(v) {
        t.mark(m.re);
        t.mark(m.string);
        t.mark(m.regs);
    }
}

fn this_match(vm: &mut Vm<'_>, v: Value) -> PyResult<&'static MatchObj> {
    as_match(v).ok_or_else(|| vm.type_error(format_args!("descriptor requires a 're.Match' object")))
}

fn mspan(m: &MatchObj, g: usize) -> (isize, isize) {
    let r = tuple::items(m.regs).unwrap_or(&[]);
    let get = |i: usize| r.get(i).and_then(|v| obj::int::small_value(*v)).unwrap_or(-1) as isize;
    (get(2 * g), get(2 * g + 1))
}

fn mgroups(m: &MatchObj) -> usize {
    as_pattern(m.re).map_or(0, |p| p.groups)
}

/// The group number `k` names (int or group name), or IndexError("no such group").
fn group_index(vm: &mut Vm<'_>, m: &MatchObj, k: Value) -> PyResult<usize> {
    let n = mgroups(m);
    if obj::int::is_int(k) {
        if let Some(i) = obj::int::to_i64(k) {
            if i >= 0 && (i as usize) <= n {
                return Ok(i as usize);
            }
        }
    } else if obj::str::is_str(k) {
        if let Some(p) = as_pattern(m.re) {
            if !p.groupindex.is_null() {
                if let Some(g) = dict::get(vm, p.groupindex, k)?.and_then(obj::int::small_value) {
                    return Ok(g as usize);
                }
            }
        }
    } else if let Ok(i) = runtime::index_arg_typed(vm, k) {
        if i >= 0 && (i as usize) <= n {
            return Ok(i as usize);
        }
    }
    Err(vm.raise_msg(&exc::INDEX_ERROR_TYPE, "no such group"))
}

/// The text of group `g`, or `default` when it did not match. May collect.
fn group_value(vm: &mut Vm<'_>, m: &MatchObj, g: usize, default: Value) -> PyResult<Value> {
    let (a, b) = mspan(m, g);
    if a < 0 || b < 0 {
        return Ok(default);
    }
    if obj::str::is_str(m.string) {
        obj::str::substr(vm, m.string, a as usize, b as usize)
    } else {
        let d = obj::bytes::as_buf(m.string).unwrap_or(&[]);
        let (a, b) = ((a as usize).min(d.len()), (b as usize).min(d.len()));
        if a == 0 && b == d.len() && obj::bytes::as_bytes(m.string).is_some() {
            return Ok(m.string);
        }
        obj::bytes::new(vm, &d[a..b])
    }
}

fn m_group(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let m = this_match(vm, a.get(0))?;
    let idx = a.pos.get(1..).unwrap_or(&[]);
    if idx.is_empty() {
        return group_value(vm, m, 0, Value::NONE);
    }
    if idx.len() == 1 {
        let g = group_index(vm, m, idx[0])?;
        return group_value(vm, m, g, Value::NONE);
    }
    let t = tuple::alloc(vm, idx.len())?;
    let mk = vm.roots_mark();
    vm.push_root(t)?;
    let r = (|| {
        for (i, k) in idx.iter().enumerate() {
            let g = group_index(vm, m, *k)?;
            let v = group_value(vm, m, g, Value::NONE)?;
            tuple::init_item(t, i, v);
        }
        Ok(t)
    })();
    vm.pop_roots(mk);
    r
}

fn m_getitem(vm: &mut Vm<'_>, v: Value, k: Value) -> PyResult<Value> {
    let m = this_match(vm, v)?;
    let g = group_index(vm, m, k)?;
    group_value(vm, m, g, Value::NONE)
}

fn m_groups(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let m = this_match(vm, a.get(0))?;
    let [default] = bind(vm, a, 1, "groups", ["default"], 0)?;
    let default = if default.is_null() { Value::NONE } else { default };
    let n = mgroups(m);
    let t = tuple::alloc(vm, n)?;
    let mk = vm.roots_mark();
    vm.push_root(t)?;
    let r = (|| {
        for i in 0..n {
            let v = group_value(vm, m, i + 1, default)?;
            tuple::init_item(t, i, v);
        }
        Ok(t)
    })();
    vm.pop_roots(mk);
    r
}

fn m_groupdict(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let m = this_match(vm, a.get(0))?;
    let [default] = bind(vm, a, 1, "groupdict", ["default"], 0)?;
    let default = if default.is_null() { Value::NONE } else { default };
    let d = dict::new(vm)?;
    let mk = vm.roots_mark();
    vm.push_root(d)?;
    let r = (|| {
        let gi = as_pattern(m.re).map_or(Value::NULL, |p| p.groupindex);
        if gi.is_null() {
            return Ok(d);
        }
        let keys = runtime::get_iter(vm, gi)?;
        vm.push_root(keys)?;
        while let Some(k) = runtime::next(vm, keys)? {
            let mm = vm.roots_mark();
            vm.push_root(k)?;
            let g = dict::get(vm, gi, k)?.and_then(obj::int::small_value).unwrap_or(0) as usize;
            let v = group_value(vm, m, g, default)?;
            vm.push_root(v)?;
            dict::set(vm, d, k, v)?;
            vm.pop_roots(mm);
        }
        Ok(d)
    })();
    vm.pop_roots(mk);
    r
}

fn span_arg(vm: &mut Vm<'_>, a: &Args<'_>, name: &str) -> PyResult<(&'static MatchObj, (isize, isize))> {
    let m = this_match(vm, a.get(0))?;
    if a.pos.len() > 2 {
        return Err(vm.type_error(format_args!("{name} expected at most 1 argument, got {}", a.pos.len() - 1)));
    }
    let g = if a.pos.len() == 2 { group_index(vm, m, a.get(1))? } else { 0 };
    Ok((m, mspan(m, g)))
}

fn m_start(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let (_, (s, _)) = span_arg(vm, a, "start")?;
    Ok(Value::small_int(s))
}

fn m_end(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let (_, (_, e)) = span_arg(vm, a, "end")?;
    Ok(Value::small_int(e))
}

fn m_span(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let (_, (s, e)) = span_arg(vm, a, "span")?;
    tuple::new(vm, &[Value::small_int(s), Value::small_int(e)])
}

fn m_expand(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let m = this_match(vm, a.get(0))?;
    let [tv] = bind(vm, a, 1, "expand", ["template"], 1)?;
    let p = this_pattern(vm, m.re)?;
    let (s, text) = text_of(m.string).unwrap_or((&[], true));
    let t = Target { s, text, ascii: !text || obj::str::char_len(m.string) == s.len(), start: 0, end: s.len() };
    // Byte spans from the match's character spans.
    let spans = |g: usize| {
        let (a, b) = mspan(m, g);
        (a >= 0 && b >= 0).then(|| (t.char_to_byte(a as usize), t.char_to_byte(b as usize)))
    };
    let (tb, ttext) = template_text(vm, p, tv)?;
    let mut out = Out::new(vm, text)?;
    let r = expand_into(vm, p, tb, ttext, Some((&t, &spans)), &mut out);
    let r = r.and_then(|_| out.finish(vm));
    vm.pop_roots(out.mark);
    r
}

fn match_repr(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf) -> PyResult<()> {
    let Some(m) = as_match(v) else { return Ok(()) };
    let (s, e) = mspan(m, 0);
    sb.push_fmt(vm, format_args!("<re.Match object; span=({s}, {e}), match="))?;
    let g = group_value(vm, m, 0, Value::NONE)?;
    let mk = vm.roots_mark();
    vm.push_root(g)?;
    let r = push_repr_trunc(vm, g, sb, 50);
    vm.pop_roots(mk);
    r?;
    sb.push(vm, ">")
}

fn match_getattr(vm: &mut Vm<'_>, v: Value, name: Value) -> PyResult<Value> {
    let Some(m) = as_match(v) else { return Ok(Value::NULL) };
    Ok(match obj::str::as_str(name) {
        Some("pos") => Value::small_int(m.pos as isize),
        Some("endpos") => Value::small_int(m.endpos as isize),
        Some("re") => m.re,
        Some("string") => m.string,
        Some("lastindex") => {
            if m.lastindex < 0 {
                Value::NONE
            } else {
                Value::small_int(m.lastindex)
            }
        }
        Some("lastgroup") => {
            let p = this_pattern(vm, m.re)?;
            if m.lastindex < 0 || p.groupindex.is_null() {
                return Ok(Value::NONE);
            }
            let it = runtime::get_iter(vm, p.groupindex)?;
            let mk = vm.roots_mark();
            vm.push_root(it)?;
            let r = (|| {
                while let Some(k) = runtime::next(vm, it)? {
                    if dict::get(vm, p.groupindex, k)?.and_then(obj::int::small_value) == Some(m.lastindex as i64) {
                        return Ok(k);
                    }
                }
                Ok(Value::NONE)
            })();
            vm.pop_roots(mk);
            r?
        }
        Some("regs") => {
            let n = mgroups(m) + 1;
            let t = tuple::alloc(vm, n)?;
            let mk = vm.roots_mark();
            vm.push_root(t)?;
            let r = (|| {
                for i in 0..n {
                    let (a, b) = mspan(m, i);
                    let x = tuple::new(vm, &[Value::small_int(a), Value::small_int(b)])?;
                    tuple::init_item(t, i, x);
                }
                Ok(t)
            })();
            vm.pop_roots(mk);
            r?
        }
        _ => Value::NULL,
    })
}

// ----- Pattern methods and module functions -----

/// `p.match/search/fullmatch(string, pos, endpos)`. May collect.
fn do_match(vm: &mut Vm<'_>, pv: Value, string: Value, pos: Value, endpos: Value, mode: Mode) -> PyResult<Value> {
    let p = this_pattern(vm, pv)?;
    let t = target(vm, p, string, pos, endpos)?;
    let mk = vm.roots_mark();
    let r = (|| {
        let mut m = machine(vm, p)?;
        if t.start > t.end || !find(vm, p, &t, &mut m, t.start, false, mode)? {
            return Ok(Value::NONE);
        }
        new_match(vm, pv, p, string, &t, &m)
    })();
    vm.pop_roots(mk);
    r
}

fn p_match_mode(vm: &mut Vm<'_>, a: &Args<'_>, name: &str, mode: Mode) -> PyResult<Value> {
    let [s, pos, endpos] = bind(vm, a, 1, name, ["string", "pos", "endpos"], 1)?;
    do_match(vm, a.get(0), s, pos, endpos, mode)
}

fn p_match(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    p_match_mode(vm, a, "match", Mode::Match)
}

fn p_search(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    p_match_mode(vm, a, "search", Mode::Search)
}

fn p_fullmatch(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    p_match_mode(vm, a, "fullmatch", Mode::Full)
}

/// The value findall reports for the machine's match.
fn findall_item(vm: &mut Vm<'_>, p: &PatternObj, string: Value, t: &Target, m: &Machine) -> PyResult<Value> {
    let empty = |vm: &mut Vm<'_>| piece(vm, string, t, 0, 0);
    if p.groups == 0 {
        let (a, b) = span_of(m, 0).unwrap_or((0, 0));
        return piece(vm, string, t, a, b);
    }
    if p.groups == 1 {
        return match span_of(m, 1) {
            Some((a, b)) => piece(vm, string, t, a, b),
            None => empty(vm),
        };
    }
    let tu = tuple::alloc(vm, p.groups)?;
    let mk = vm.roots_mark();
    vm.push_root(tu)?;
    let r = (|| {
        for g in 1..=p.groups {
            let v = match span_of(m, g) {
                Some((a, b)) => piece(vm, string, t, a, b)?,
                None => empty(vm)?,
            };
            tuple::init_item(tu, g - 1, v);
        }
        Ok(tu)
    })();
    vm.pop_roots(mk);
    r
}

fn do_findall(vm: &mut Vm<'_>, pv: Value, string: Value, pos: Value, endpos: Value) -> PyResult<Value> {
    let p = this_pattern(vm, pv)?;
    let t = target(vm, p, string, pos, endpos)?;
    let mk = vm.roots_mark();
    let r = (|| {
        let l = obj::list::with_capacity(vm, 0)?;
        vm.push_root(l)?;
        let mut m = machine(vm, p)?;
        let mut at = t.start;
        let mut adv = false;
        while at <= t.end && find(vm, p, &t, &mut m, at, adv, Mode::Search)? {
            let item = findall_item(vm, p, string, &t, &m)?;
            let mm = vm.roots_mark();
            vm.push_root(item)?;
            obj::list::append(vm, l, item)?;
            vm.pop_roots(mm);
            let (a, b) = span_of(&m, 0).unwrap_or((at, at));
            adv = a == b;
            at = b;
        }
        Ok(l)
    })();
    vm.pop_roots(mk);
    r
}

fn p_findall(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let [s, pos, endpos] = bind(vm, a, 1, "findall", ["string", "pos", "endpos"], 1)?;
    do_findall(vm, a.get(0), s, pos, endpos)
}

// finditer's iterator

#[repr(C)]
struct ScanObj {
    hdr: ObjHeader,
    re: Value,
    string: Value,
    at: core::cell::Cell<usize>,
    end: usize,
    state: core::cell::Cell<usize>,
}

fn as_scan(v: Value) -> Option<&'static ScanObj> {
    // SAFETY: objects of SCAN_TYPE are ScanObj made by `do_finditer`.
    core::ptr::eq(obj::type_of(v), &SCAN_TYPE).then(|| unsafe { &*(v.as_ptr() as *const ScanObj) })
}

fn do_finditer(vm: &mut Vm<'_>, pv: Value, string: Value, pos: Value, endpos: Value) -> PyResult<Value> {
    let p = this_pattern(vm, pv)?;
    let t = target(vm, p, string, pos, endpos)?;
    let v = vm.alloc_obj(&SCAN_TYPE, core::mem::size_of::<ScanObj>())?;
    // SAFETY: fresh ScanObj-sized allocation.
    unsafe {
        let o = v.as_ptr() as *mut ScanObj;
        (*o).re = pv;
        (*o).string = string;
        (*o).at = core::cell::Cell::new(t.start);
        (*o).end = t.end;
        (*o).state = core::cell::Cell::new(if t.start > t.end { 2 } else { 0 });
    }
    Ok(v)
}

fn scan_next(vm: &mut Vm<'_>, v: Value) -> PyResult<Option<Value>> {
    let Some(sc) = as_scan(v) else { return Ok(None) };
    if sc.state.get() == 2 {
        return Ok(None);
    }
    let p = this_pattern(vm, sc.re)?;
    let (s, text) = text_of(sc.string).unwrap_or((&[], true));
    let ascii = !text || obj::str::char_len(sc.string) == s.len();
    // A bytearray subject may have shrunk since the last step.
    let end = sc.end.min(s.len());
    let t = Target { s, text, ascii, start: sc.at.get().min(end), end };
    let mk = vm.roots_mark();
    let r = (|| {
        let mut m = machine(vm, p)?;
        if !find(vm, p, &t, &mut m, t.start, sc.state.get() == 1, Mode::Search)? {
            sc.state.set(2);
            return Ok(None);
        }
        let (a, b) = span_of(&m, 0).unwrap_or((t.start, t.start));
        sc.state.set((a == b) as usize);
        sc.at.set(b);
        // The match's pos is the original one: only the search start moved.
        let mv = new_match(vm, sc.re, p, sc.string, &t, &m)?;
        Ok(Some(mv))
    })();
    vm.pop_roots(mk);
    r
}

fn scan_iter(_vm: &mut Vm<'_>, v: Value) -> PyResult<Value> {
    Ok(v)
}

fn scan_trace(v: Value, t: &mut crate::heap::Tracer<'_>) {
    if let Some(s) = as_scan(v) {
        t.mark(s.re);
        t.mark(s.string);
    }
}

fn p_finditer(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let [s, pos, endpos] = bind(vm, a, 1, "finditer", ["string", "pos", "endpos"], 1)?;
    do_finditer(vm, a.get(0), s, pos, endpos)
}

/// `sub`/`subn`. May collect.
fn do_sub(vm: &mut Vm<'_>, pv: Value, repl: Value, string: Value, count: Value, with_n: bool) -> PyResult<Value> {
    let p = this_pattern(vm, pv)?;
    let count = int_arg(vm, count, 0)?;
    let t = target(vm, p, string, Value::NULL, Value::NULL)?;
    let call = crate::builtins::is_callable(repl);
    // A template of the other type fails when the first replacement is joined, as in CPython.
    let mismatch = !call && text_of(repl).is_some_and(|(_, rt)| rt != t.text);
    let (tb, ttext) = if call || mismatch { (&[][..], t.text) } else { template_text(vm, p, repl)? };
    let literal = !call && !tb.contains(&b'\\');
    if !call && !literal {
        // Errors in the template come before any matching.
        let mut dummy = Out { sb: None, ba: Value::NULL, len: 0, mark: 0 };
        expand_into(vm, p, tb, ttext, None, &mut dummy)?;
    }
    let mut out = Out::new(vm, t.text)?;
    let r = (|| {
        let mut m = machine(vm, p)?;
        let mut n = 0i64;
        let mut last = 0usize;
        let mut at = 0usize;
        let mut adv = false;
        // Pieces so far, for the message of a bad replacement (CPython joins a list).
        let mut pieces = 0usize;
        while (count == 0 || n < count) && at <= t.end && find(vm, p, &t, &mut m, at, adv, Mode::Search)? {
            let (a, b) = span_of(&m, 0).unwrap_or((at, at));
            if last < a {
                pieces += 1;
            }
            out.push(vm, &t.s[last..a])?;
            if mismatch {
                let (what, other) = if t.text { ("str instance", "bytes") } else { ("a bytes-like object", "str") };
                return Err(vm.type_error(format_args!("sequence item {pieces}: expected {what}, {other} found")));
            }
            if call {
                let mv = new_match(vm, pv, p, string, &t, &m)?;
                let mk = vm.roots_mark();
                vm.push_root(mv)?;
                let r = crate::call::call(vm, repl, &[mv]);
                let r = r.and_then(|x| {
                    vm.push_root(x)?;
                    match text_of(x) {
                        Some((xb, xt)) if xt == t.text => {
                            pieces += 1;
                            out.push(vm, xb)
                        }
                        _ if x == Value::NONE => Ok(()),
                        _ if t.text => Err(vm.type_error(format_args!(
                            "sequence item {pieces}: expected str instance, {} found",
                            obj::type_name(x)
                        ))),
                        _ => Err(vm.type_error(format_args!(
                            "sequence item {pieces}: expected a bytes-like object, {} found",
                            obj::type_name(x)
                        ))),
                    }
                });
                vm.pop_roots(mk);
                r?;
            } else if literal {
                out.push(vm, tb)?;
            } else {
                let spans = |g: usize| span_of(&m, g);
                expand_into(vm, p, tb, ttext, Some((&t, &spans)), &mut out)?;
            }
            last = b;
            n += 1;
            adv = a == b;
            at = b;
        }
        out.push(vm, &t.s[last..])?;
        let res = out.finish(vm)?;
        if !with_n {
            return Ok(res);
        }
        vm.push_root(res)?;
        let nv = obj::int::from_i64(vm, n)?;
        tuple::new(vm, &[res, nv])
    })();
    vm.pop_roots(out.mark);
    r
}

fn p_sub(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let [r, s, c] = bind(vm, a, 1, "sub", ["repl", "string", "count"], 2)?;
    do_sub(vm, a.get(0), r, s, c, false)
}

fn p_subn(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let [r, s, c] = bind(vm, a, 1, "subn", ["repl", "string", "count"], 2)?;
    do_sub(vm, a.get(0), r, s, c, true)
}

fn do_split(vm: &mut Vm<'_>, pv: Value, string: Value, maxsplit: Value) -> PyResult<Value> {
    let p = this_pattern(vm, pv)?;
    let maxsplit = int_arg(vm, maxsplit, 0)?;
    let t = target(vm, p, string, Value::NULL, Value::NULL)?;
    let mk = vm.roots_mark();
    let r = (|| {
        let l = obj::list::with_capacity(vm, 0)?;
        vm.push_root(l)?;
        let mut m = machine(vm, p)?;
        let (mut n, mut last, mut at, mut adv) = (0i64, 0usize, 0usize, false);
        let push = |vm: &mut Vm<'_>, v: Value| -> PyResult<()> {
            let mm = vm.roots_mark();
            vm.push_root(v)?;
            let r = obj::list::append(vm, l, v);
            vm.pop_roots(mm);
            r
        };
        while (maxsplit == 0 || n < maxsplit) && at <= t.end && find(vm, p, &t, &mut m, at, adv, Mode::Search)? {
            let (a, b) = span_of(&m, 0).unwrap_or((at, at));
            let v = piece(vm, string, &t, last, a)?;
            push(vm, v)?;
            for g in 1..=p.groups {
                let v = match span_of(&m, g) {
                    Some((x, y)) => piece(vm, string, &t, x, y)?,
                    None => Value::NONE,
                };
                push(vm, v)?;
            }
            n += 1;
            adv = a == b;
            last = b;
            at = b;
        }
        let v = piece(vm, string, &t, last, t.s.len())?;
        push(vm, v)?;
        Ok(l)
    })();
    vm.pop_roots(mk);
    r
}

fn p_split(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let [s, m] = bind(vm, a, 1, "split", ["string", "maxsplit"], 1)?;
    do_split(vm, a.get(0), s, m)
}

fn with_pattern(
    vm: &mut Vm<'_>,
    pat: Value,
    flags: Value,
    f: impl FnOnce(&mut Vm<'_>, Value) -> PyResult<Value>,
) -> PyResult<Value> {
    let pv = compile_value(vm, pat, flags)?;
    let mk = vm.roots_mark();
    vm.push_root(pv)?;
    let r = f(vm, pv);
    vm.pop_roots(mk);
    r
}

fn compile(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let [p, f] = bind(vm, a, 0, "compile", ["pattern", "flags"], 1)?;
    compile_value(vm, p, f)
}

fn module_match(vm: &mut Vm<'_>, a: &Args<'_>, name: &str, mode: Mode) -> PyResult<Value> {
    let [p, s, f] = bind(vm, a, 0, name, ["pattern", "string", "flags"], 2)?;
    with_pattern(vm, p, f, |vm, pv| do_match(vm, pv, s, Value::NULL, Value::NULL, mode))
}

fn search(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    module_match(vm, a, "search", Mode::Search)
}

fn match_(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    module_match(vm, a, "match", Mode::Match)
}

fn fullmatch(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    module_match(vm, a, "fullmatch", Mode::Full)
}

fn findall(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let [p, s, f] = bind(vm, a, 0, "findall", ["pattern", "string", "flags"], 2)?;
    with_pattern(vm, p, f, |vm, pv| do_findall(vm, pv, s, Value::NULL, Value::NULL))
}

fn finditer(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let [p, s, f] = bind(vm, a, 0, "finditer", ["pattern", "string", "flags"], 2)?;
    with_pattern(vm, p, f, |vm, pv| do_finditer(vm, pv, s, Value::NULL, Value::NULL))
}

fn sub(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let [p, r, s, c, f] = bind(vm, a, 0, "sub", ["pattern", "repl", "string", "count", "flags"], 3)?;
    with_pattern(vm, p, f, |vm, pv| do_sub(vm, pv, r, s, c, false))
}

fn subn(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let [p, r, s, c, f] = bind(vm, a, 0, "subn", ["pattern", "repl", "string", "count", "flags"], 3)?;
    with_pattern(vm, p, f, |vm, pv| do_sub(vm, pv, r, s, c, true))
}

fn split(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let [p, s, m, f] = bind(vm, a, 0, "split", ["pattern", "string", "maxsplit", "flags"], 2)?;
    with_pattern(vm, p, f, |vm, pv| do_split(vm, pv, s, m))
}

fn escape(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let [p] = bind(vm, a, 0, "escape", ["pattern"], 1)?;
    let Some((b, text)) = text_of(p) else {
        return Err(vm.type_error(format_args!("expected str or bytes, {} found", obj::type_name(p))));
    };
    let mut out = Out::new(vm, text)?;
    let r = (|| {
        let mut last = 0;
        for (i, c) in b.iter().enumerate() {
            if b"()[]{}?*+-|^$\\.&~# \t\n\r\x0b\x0c".contains(c) {
                out.push(vm, &b[last..i])?;
                out.push(vm, &[b'\\', *c])?;
                last = i + 1;
            }
        }
        out.push(vm, &b[last..])?;
        out.finish(vm)
    })();
    vm.pop_roots(out.mark);
    r
}

fn purge(_vm: &mut Vm<'_>, _a: &Args<'_>) -> PyResult<Value> {
    Ok(Value::NONE)
}

crate::static_qstr!(Q_MATCH_M, "match");
crate::static_qstr!(Q_SEARCH, "search");
crate::static_qstr!(Q_FULLMATCH, "fullmatch");
crate::static_qstr!(Q_FINDALL, "findall");
crate::static_qstr!(Q_FINDITER, "finditer");
crate::static_qstr!(Q_SUB, "sub");
crate::static_qstr!(Q_SUBN, "subn");
crate::static_qstr!(Q_SPLIT, "split");
crate::static_qstr!(Q_GROUP, "group");
crate::static_qstr!(Q_GROUPS, "groups");
crate::static_qstr!(Q_GROUPDICT, "groupdict");
crate::static_qstr!(Q_START, "start");
crate::static_qstr!(Q_END, "end");
crate::static_qstr!(Q_SPAN, "span");
crate::static_qstr!(Q_EXPAND, "expand");
crate::static_qstr!(Q_GETITEM, "__getitem__");

static PATTERN_METHODS: &[Builtin] = &[
    Builtin::method(&Q_MATCH_M, p_match),
    Builtin::method(&Q_SEARCH, p_search),
    Builtin::method(&Q_FULLMATCH, p_fullmatch),
    Builtin::method(&Q_FINDALL, p_findall),
    Builtin::method(&Q_FINDITER, p_finditer),
    Builtin::method(&Q_SUB, p_sub),
    Builtin::method(&Q_SUBN, p_subn),
    Builtin::method(&Q_SPLIT, p_split),
];

fn m_getitem_method(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    m_getitem(vm, a.get(0), a.get(1))
}

static MATCH_METHODS: &[Builtin] = &[
    Builtin::method(&Q_GROUP, m_group),
    Builtin::method(&Q_GROUPS, m_groups),
    Builtin::method(&Q_GROUPDICT, m_groupdict),
    Builtin::method(&Q_START, m_start),
    Builtin::method(&Q_END, m_end),
    Builtin::method(&Q_SPAN, m_span),
    Builtin::method(&Q_EXPAND, m_expand),
    Builtin::method(&Q_GETITEM, m_getitem_method),
];

static PATTERN_SLOTS: Slots =
    Slots { trace: Some(pattern_trace), repr: Some(pattern_repr), getattr: Some(pattern_getattr), ..Slots::EMPTY };

static MATCH_SLOTS: Slots = Slots {
    trace: Some(match_trace),
    repr: Some(match_repr),
    getattr: Some(match_getattr),
    getitem: Some(m_getitem),
    ..Slots::EMPTY
};

static SCAN_SLOTS: Slots =
    Slots { trace: Some(scan_trace), iter: Some(scan_iter), next: Some(scan_next), ..Slots::EMPTY };

/// `re.Pattern`.
pub static PATTERN_TYPE: Type =
    Type::builtin(&Q_PATTERN, Some(&obj::class::OBJECT_TYPE), Kind::Misc, 0, &PATTERN_SLOTS, PATTERN_METHODS)
        .in_module(&TYPE_NS);

/// `re.Match`.
pub static MATCH_TYPE: Type =
    Type::builtin(&Q_MATCH, Some(&obj::class::OBJECT_TYPE), Kind::Misc, 0, &MATCH_SLOTS, MATCH_METHODS)
        .in_module(&TYPE_NS);

/// The iterator `finditer` returns (CPython's is a `callable_iterator` over a scanner).
pub static SCAN_TYPE: Type = Type::builtin(&Q_SCAN, Some(&obj::class::OBJECT_TYPE), Kind::Misc, 0, &SCAN_SLOTS, &[]);
