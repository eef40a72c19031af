//! `io`: in-memory streams `StringIO` and `BytesIO`, plus the names `TextIOWrapper` (the type
//! of `sys.stdout`) and `UnsupportedOperation`.
//!
//! ```text
//!  IoObj  ObjHeader | buf Value (bytearray) | pos usize (byte offset) | closed usize
//! ```
//! Both types share the layout. The contents live in a bytearray the stream owns; a
//! `StringIO` keeps them as UTF-8, so its position (`tell()`, `seek()`, in characters as in
//! CPython) is a byte offset inside the text. A position past the end counts the missing
//! characters as one byte each: they become NULs (`'\0'`, one UTF-8 byte) when written.
//! `newline=` translation is not implemented (only the default `'\n'` is accepted).

use core::cell::Cell;

use crate::obj::{self, bytearray, exception as exc, Args, Builtin, Kind, Slots, Type};
use crate::rom::ObjHeader;
use crate::runtime;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

rom_module!("io",
    fns: [],
    values: [
        StringIO => Value::rom(&STRINGIO_TYPE),
        BytesIO => Value::rom(&BYTESIO_TYPE),
        TextIOWrapper => Value::rom(&obj::stream::STREAM_TYPE),
        UnsupportedOperation => Value::rom(&obj::stream::UNSUPPORTED_OPERATION_TYPE),
    ],
);

#[repr(C)]
struct IoObj {
    hdr: ObjHeader,
    buf: Value,
    pos: Cell<usize>,
    closed: Cell<usize>,
}

/// The stream `v` and whether it is a `StringIO`.
fn as_io(v: Value) -> Option<(&'static IoObj, bool)> {
    let t = obj::type_of(v);
    let text = core::ptr::eq(t, &STRINGIO_TYPE);
    // SAFETY: objects of STRINGIO_TYPE and BYTESIO_TYPE (not subclassable) are IoObj
    // objects made by `make`.
    (text || core::ptr::eq(t, &BYTESIO_TYPE)).then(|| (unsafe { &*(v.as_ptr() as *const IoObj) }, text))
}

fn data(s: &IoObj) -> &'static [u8] {
    bytearray::data(s.buf).unwrap_or(&[])
}

/// `self` of a method, open (ValueError on a closed stream, with CPython's message).
fn this(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<(&'static IoObj, bool)> {
    let Some((s, text)) = as_io(a.get(0)) else {
        return Err(vm.type_error(format_args!("descriptor requires an io object")));
    };
    if s.closed.get() != 0 {
        return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "I/O operation on closed file"));
    }
    Ok((s, text))
}

/// Byte offset `n` characters after byte `from` in UTF-8 `d` (or `n` bytes for BytesIO),
/// capped at the end.
fn advance(d: &[u8], from: usize, n: usize, text: bool) -> usize {
    if from >= d.len() {
        return from;
    }
    if !text {
        return from.saturating_add(n).min(d.len());
    }
    let mut i = from;
    let mut k = 0;
    while i < d.len() && k < n {
        i += 1;
        while i < d.len() && d[i] & 0xC0 == 0x80 {
            i += 1;
        }
        k += 1;
    }
    i
}

/// Characters (or bytes) in `d[..pos]`, counting positions past the end as one each.
fn count(d: &[u8], pos: usize, text: bool) -> usize {
    if !text {
        return pos;
    }
    let end = pos.min(d.len());
    let chars = d[..end].iter().filter(|b| **b & 0xC0 != 0x80).count();
    chars + (pos - end)
}

/// A new str (StringIO) or bytes (BytesIO) of `d`. May collect.
fn piece(vm: &mut Vm<'_>, d: &[u8], text: bool) -> PyResult<Value> {
    if text {
        obj::str::new(vm, core::str::from_utf8(d).unwrap_or(""))
    } else {
        obj::bytes::new(vm, d)
    }
}

/// `size` argument: None/absent/negative is "all" (`usize::MAX`).
fn size_arg(vm: &mut Vm<'_>, v: Value) -> PyResult<usize> {
    if v.is_null() || v == Value::NONE {
        return Ok(usize::MAX);
    }
    if !obj::int::is_int(v) {
        if let Ok(n) = runtime::index_arg_typed(vm, v) {
            return Ok(if n < 0 { usize::MAX } else { n as usize });
        }
        return Err(vm.type_error(format_args!("argument should be integer or None, not '{}'", obj::type_name(v))));
    }
    let n = runtime::index_arg_typed(vm, v)?;
    Ok(if n < 0 { usize::MAX } else { n as usize })
}

/// Write `src` at the position of the rooted stream `sv`, overwriting as a file does.
/// Returns the characters (bytes) written. May collect.
fn write_at(vm: &mut Vm<'_>, sv: Value, src: &[u8], text: bool) -> PyResult<usize> {
    let Some((s, _)) = as_io(sv) else { return Ok(0) };
    let n = if text { count(src, src.len(), true) } else { src.len() };
    if src.is_empty() {
        return Ok(0);
    }
    let len = data(s).len();
    let pos = s.pos.get();
    if pos >= len {
        // Pad the gap with NULs, then append.
        bytearray::resize(vm, s.buf, pos + src.len())?;
        bytearray::data_mut(s.buf)[pos..].copy_from_slice(src);
        s.pos.set(pos + src.len());
        return Ok(n);
    }
    let end = advance(data(s), pos, n, text);
    let new_len = len - (end - pos) + src.len();
    if new_len > len {
        bytearray::resize(vm, s.buf, new_len)?;
    }
    let d = bytearray::data_mut(s.buf);
    d.copy_within(end..len, pos + src.len());
    d[pos..pos + src.len()].copy_from_slice(src);
    if new_len < len {
        bytearray::resize(vm, s.buf, new_len)?;
    }
    s.pos.set(pos + src.len());
    Ok(n)
}

/// A new stream holding `init`, positioned at 0. May collect.
fn make(vm: &mut Vm<'_>, ty: &'static Type, init: &[u8]) -> PyResult<Value> {
    let b = bytearray::with_len(vm, init.len())?;
    bytearray::data_mut(b).copy_from_slice(init);
    let m = vm.roots_mark();
    vm.push_root(b)?;
    let v = vm.alloc_obj(ty, core::mem::size_of::<IoObj>());
    vm.pop_roots(m);
    let v = v?;
    // SAFETY: fresh IoObj-sized allocation.
    unsafe {
        let p = v.as_ptr() as *mut IoObj;
        (*p).buf = b;
        (*p).pos = Cell::new(0);
        (*p).closed = Cell::new(0);
    }
    Ok(v)
}

/// The one optional argument of a constructor, positional or by keyword.
fn init_arg(vm: &mut Vm<'_>, a: &Args<'_>, name: &str, kw: &str, extra: &str) -> PyResult<Value> {
    let mut v = a.get(0);
    let max = if extra.is_empty() { 1 } else { 2 };
    if a.pos.len() > max {
        return Err(vm.type_error(format_args!(
            "{name}() takes at most {max} argument{} ({} given)",
            if max == 1 { "" } else { "s" },
            a.pos.len()
        )));
    }
    let mut newline = a.get(1);
    for (k, x) in a.kwnames.iter().zip(a.kwvals) {
        match obj::str::as_str(*k) {
            Some(k) if k == kw && v.is_null() => v = *x,
            Some(k) if k == extra && newline.is_null() => newline = *x,
            Some(k) => return Err(vm.type_error(format_args!("{name}() got an unexpected keyword argument '{k}'"))),
            None => {}
        }
    }
    if !newline.is_null() && obj::str::as_str(newline) != Some("\n") {
        return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "newline translation is not supported"));
    }
    Ok(v)
}

fn stringio_new(vm: &mut Vm<'_>, _cls: Value, a: &Args<'_>) -> PyResult<Value> {
    let v = init_arg(vm, a, "StringIO", "initial_value", "newline")?;
    let init = if v.is_null() || v == Value::NONE {
        ""
    } else {
        match obj::str::as_str(v) {
            Some(s) => s,
            None => {
                return Err(vm.type_error(format_args!("initial_value must be str or None, not {}", obj::type_name(v))))
            }
        }
    };
    make(vm, &STRINGIO_TYPE, init.as_bytes())
}

/// The bytes of a bytes-like argument, or CPython's TypeError.
fn bytes_arg(vm: &mut Vm<'_>, v: Value) -> PyResult<&'static [u8]> {
    match obj::bytes::as_buf(v).or_else(|| bytearray::data(v)) {
        Some(d) => Ok(d),
        None => Err(vm.type_error(format_args!("a bytes-like object is required, not '{}'", obj::type_name(v)))),
    }
}

fn bytesio_new(vm: &mut Vm<'_>, _cls: Value, a: &Args<'_>) -> PyResult<Value> {
    let v = init_arg(vm, a, "BytesIO", "initial_bytes", "")?;
    let init = if v.is_null() || v == Value::NONE { &[][..] } else { bytes_arg(vm, v)? };
    make(vm, &BYTESIO_TYPE, init)
}

fn write(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let (_, text) = this(vm, a)?;
    let x = a.get(1);
    let src = if text {
        match obj::str::as_str(x) {
            Some(t) => t.as_bytes(),
            None => return Err(vm.type_error(format_args!("string argument expected, got '{}'", obj::type_name(x)))),
        }
    } else {
        bytes_arg(vm, x)?
    };
    let n = write_at(vm, a.get(0), src, text)?;
    obj::int::from_i64(vm, n as i64)
}

fn writelines(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    this(vm, a)?;
    let m = vm.roots_mark();
    let it = runtime::get_iter(vm, a.get(1))?;
    vm.push_root(it)?;
    let r = loop {
        match runtime::next(vm, it) {
            Ok(Some(x)) => {
                let mm = vm.roots_mark();
                vm.push_root(x)?;
                let r = write(vm, &Args::new(&[a.get(0), x]));
                vm.pop_roots(mm);
                if let Err(e) = r {
                    break Err(e);
                }
            }
            Ok(None) => break Ok(Value::NONE),
            Err(e) => break Err(e),
        }
    };
    vm.pop_roots(m);
    r
}

/// Read up to `n` characters (bytes) from the position and move past them.
fn read_n(vm: &mut Vm<'_>, s: &IoObj, text: bool, n: usize) -> PyResult<Value> {
    let d = data(s);
    let pos = s.pos.get();
    if pos >= d.len() {
        return piece(vm, &[], text);
    }
    let end = advance(d, pos, n, text);
    s.pos.set(end);
    piece(vm, &d[pos..end], text)
}

fn read(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let (s, text) = this(vm, a)?;
    let n = size_arg(vm, a.get(1))?;
    read_n(vm, s, text, n)
}

/// The next line (up to `limit` characters), or an empty piece at the end.
fn line(vm: &mut Vm<'_>, s: &IoObj, text: bool, limit: usize) -> PyResult<Value> {
    let d = data(s);
    let pos = s.pos.get();
    if pos >= d.len() {
        return piece(vm, &[], text);
    }
    let nl = d[pos..].iter().position(|b| *b == b'\n').map_or(d.len(), |i| pos + i + 1);
    let lim = advance(d, pos, limit, text);
    let end = nl.min(lim);
    s.pos.set(end);
    piece(vm, &d[pos..end], text)
}

fn readline(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let (s, text) = this(vm, a)?;
    let n = size_arg(vm, a.get(1))?;
    line(vm, s, text, n)
}

fn readlines(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let (s, text) = this(vm, a)?;
    let hint = size_arg(vm, a.get(1))?;
    let hint = if hint == 0 { usize::MAX } else { hint };
    let l = obj::list::with_capacity(vm, 0)?;
    let m = vm.roots_mark();
    vm.push_root(l)?;
    let mut total = 0usize;
    let r = loop {
        let start = s.pos.get();
        let x = match line(vm, s, text, usize::MAX) {
            Ok(x) => x,
            Err(e) => break Err(e),
        };
        if s.pos.get() == start {
            break Ok(l);
        }
        total += count(&data(s)[start..s.pos.get()], s.pos.get() - start, text);
        let mm = vm.roots_mark();
        vm.push_root(x)?;
        let r = obj::list::append(vm, l, x);
        vm.pop_roots(mm);
        if let Err(e) = r {
            break Err(e);
        }
        if total >= hint {
            break Ok(l);
        }
    };
    vm.pop_roots(m);
    r
}

fn getvalue(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let (s, text) = this(vm, a)?;
    piece(vm, data(s), text)
}

fn tell(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let (s, text) = this(vm, a)?;
    obj::int::from_i64(vm, count(data(s), s.pos.get(), text) as i64)
}

fn seek(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let (s, text) = this(vm, a)?;
    let off = if a.get(1).is_null() {
        return Err(vm.type_error(format_args!("seek expected at least 1 argument, got 0")));
    } else {
        runtime::index_arg_typed(vm, a.get(1))?
    };
    let whence = if a.get(2).is_null() { 0 } else { runtime::index_arg_typed(vm, a.get(2))? };
    if !(0..=2).contains(&whence) {
        let w = if text { "Invalid" } else { "invalid" };
        return Err(vm.value_error(format_args!("{w} whence ({whence}, should be 0, 1 or 2)")));
    }
    let d = data(s);
    let cur = count(d, s.pos.get(), text) as i64;
    let end = count(d, d.len(), text) as i64;
    let target = if text {
        if whence != 0 && off != 0 {
            // CPython 3.11 says "cur-relative" for whence 2 too.
            return Err(vm.raise_msg(&exc::OS_ERROR_TYPE, "Can't do nonzero cur-relative seeks"));
        }
        if off < 0 {
            return Err(vm.value_error(format_args!("Negative seek position {off}")));
        }
        match whence {
            0 => off,
            1 => cur,
            _ => end,
        }
    } else {
        if whence == 0 && off < 0 {
            return Err(vm.value_error(format_args!("negative seek value {off}")));
        }
        match whence {
            0 => off,
            1 => cur.saturating_add(off).max(0),
            _ => end.saturating_add(off).max(0),
        }
    };
    // Back to a byte offset: characters past the end count one byte each.
    let t = target as usize;
    let p = if t as i64 >= end { d.len() + (t - end as usize) } else { advance(d, 0, t, text) };
    s.pos.set(p);
    obj::int::from_i64(vm, target)
}

fn truncate(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let (s, text) = this(vm, a)?;
    let d = data(s);
    let size = match a.get(1) {
        v if v.is_null() || v == Value::NONE => count(d, s.pos.get(), text) as i64,
        v => runtime::index_arg_typed(vm, v)?,
    };
    if size < 0 {
        return Err(vm.value_error(format_args!("Negative size value {size}")));
    }
    let cut = advance(d, 0, size as usize, text);
    if cut < d.len() {
        bytearray::resize(vm, s.buf, cut)?;
    }
    obj::int::from_i64(vm, size)
}

fn close(_vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    if let Some((s, _)) = as_io(a.get(0)) {
        s.closed.set(1);
    }
    Ok(Value::NONE)
}

fn true_if_open(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    this(vm, a)?;
    Ok(Value::TRUE)
}

fn isatty(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    this(vm, a)?;
    Ok(Value::FALSE)
}

fn flush(_vm: &mut Vm<'_>, _a: &Args<'_>) -> PyResult<Value> {
    Ok(Value::NONE)
}

fn enter(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    match as_io(a.get(0)) {
        Some((s, _)) if s.closed.get() != 0 => {
            Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "I/O operation on closed file."))
        }
        _ => Ok(a.get(0)),
    }
}

fn exit(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    close(vm, a)
}

fn iter(vm: &mut Vm<'_>, v: Value) -> PyResult<Value> {
    enter(vm, &Args::new(&[v]))
}

fn next(vm: &mut Vm<'_>, v: Value) -> PyResult<Option<Value>> {
    let (s, text) = this(vm, &Args::new(&[v]))?;
    let start = s.pos.get();
    let x = line(vm, s, text, usize::MAX)?;
    Ok((s.pos.get() != start).then_some(x))
}

fn getattr(_vm: &mut Vm<'_>, v: Value, name: Value) -> PyResult<Value> {
    match (as_io(v), obj::str::as_str(name)) {
        (Some((s, _)), Some("closed")) => Ok(Value::bool(s.closed.get() != 0)),
        _ => Ok(Value::NULL),
    }
}

fn trace(v: Value, t: &mut crate::heap::Tracer<'_>) {
    if let Some((s, _)) = as_io(v) {
        t.mark(s.buf);
    }
}

crate::static_qstr!(Q_STRINGIO, "StringIO");
crate::static_qstr!(Q_BYTESIO, "BytesIO");
crate::static_qstr!(Q_WRITE, "write");
crate::static_qstr!(Q_WRITELINES, "writelines");
crate::static_qstr!(Q_READ, "read");
crate::static_qstr!(Q_READLINE, "readline");
crate::static_qstr!(Q_READLINES, "readlines");
crate::static_qstr!(Q_GETVALUE, "getvalue");
crate::static_qstr!(Q_TELL, "tell");
crate::static_qstr!(Q_SEEK, "seek");
crate::static_qstr!(Q_TRUNCATE, "truncate");
crate::static_qstr!(Q_CLOSE, "close");
crate::static_qstr!(Q_READABLE, "readable");
crate::static_qstr!(Q_WRITABLE, "writable");
crate::static_qstr!(Q_SEEKABLE, "seekable");
crate::static_qstr!(Q_ISATTY, "isatty");
crate::static_qstr!(Q_FLUSH, "flush");
crate::static_qstr!(Q_ENTER, "__enter__");
crate::static_qstr!(Q_EXIT, "__exit__");

static METHODS: &[Builtin] = &[
    Builtin::method(&Q_WRITE, write),
    Builtin::method(&Q_WRITELINES, writelines),
    Builtin::method(&Q_READ, read),
    Builtin::method(&Q_READLINE, readline),
    Builtin::method(&Q_READLINES, readlines),
    Builtin::method(&Q_GETVALUE, getvalue),
    Builtin::method(&Q_TELL, tell),
    Builtin::method(&Q_SEEK, seek),
    Builtin::method(&Q_TRUNCATE, truncate),
    Builtin::method(&Q_CLOSE, close),
    Builtin::method(&Q_READABLE, true_if_open),
    Builtin::method(&Q_WRITABLE, true_if_open),
    Builtin::method(&Q_SEEKABLE, true_if_open),
    Builtin::method(&Q_ISATTY, isatty),
    Builtin::method(&Q_FLUSH, flush),
    Builtin::method(&Q_ENTER, enter),
    Builtin::method(&Q_EXIT, exit),
];

static STRINGIO_SLOTS: Slots = Slots {
    trace: Some(trace),
    iter: Some(iter),
    next: Some(next),
    getattr: Some(getattr),
    new: Some(stringio_new),
    ..Slots::EMPTY
};

static BYTESIO_SLOTS: Slots = Slots { new: Some(bytesio_new), ..STRINGIO_SLOTS };

/// `io.StringIO`.
pub static STRINGIO_TYPE: Type =
    Type::builtin(&Q_STRINGIO, Some(&obj::class::OBJECT_TYPE), Kind::Misc, 0, &STRINGIO_SLOTS, METHODS)
        .in_module(&obj::stream::IO_NS);

/// `io.BytesIO`.
pub static BYTESIO_TYPE: Type =
    Type::builtin(&Q_BYTESIO, Some(&obj::class::OBJECT_TYPE), Kind::Misc, 0, &BYTESIO_SLOTS, METHODS)
        .in_module(&obj::stream::IO_NS);
