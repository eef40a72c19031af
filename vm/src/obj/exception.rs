//! `BaseException` and the built-in exception hierarchy (CPython 3.11's tree).
//!
//! ```text
//!  ExcObj  ObjHeader | dict Value | args Value (tuple) | traceback Value (TbEntry list)
//!          | cause Value | context Value | suppress_context usize
//! ```
//! User exception classes are heap classes of kind `Exception` with this layout.
//! One instance lives in ROM (`STATIC_MEMORY_ERROR`), used when even the preallocated heap
//! MemoryError could not be created; writes to ROM exceptions are skipped.

use core::cell::Cell;

use super::{flags, Args, Builtin, Kind, Layout, Slots, Type};
use crate::heap::Tracer;
use crate::obj::{self, str::StrBuf};
use crate::qstr;
use crate::rom::{ObjHeader, RomObject};
use crate::runtime;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Exception layout.
#[repr(C)]
pub struct ExcObj {
    hdr: ObjHeader,
    /// Instance attributes (NULL until one is set).
    pub dict: Cell<Value>,
    /// `args` tuple.
    pub args: Cell<Value>,
    /// Traceback entries (outermost first).
    pub traceback: Cell<Value>,
    /// `__cause__` (NULL = None).
    pub cause: Cell<Value>,
    /// `__context__` (NULL = None).
    pub context: Cell<Value>,
    /// `__suppress_context__`.
    pub suppress: Cell<usize>,
}

// SAFETY: repr(C), starts with ObjHeader; exception types have kind Exception.
unsafe impl Layout for ExcObj {
    const KIND: Kind = Kind::Exception;
}

/// A ROM exception instance (same layout as `ExcObj`, immutable).
#[repr(C)]
pub struct RomExc {
    hdr: ObjHeader,
    dict: Value,
    args: Value,
    traceback: Value,
    cause: Value,
    context: Value,
    suppress: usize,
}
// SAFETY: immutable data.
unsafe impl Sync for RomExc {}
// SAFETY: repr(C), starts with ObjHeader of an exception type; layout equals ExcObj.
unsafe impl RomObject for RomExc {}

/// The fallback MemoryError instance.
pub static STATIC_MEMORY_ERROR: RomExc = RomExc {
    hdr: ObjHeader { ty: &MEMORY_ERROR_TYPE },
    dict: Value::NULL,
    args: Value::NULL,
    traceback: Value::NULL,
    cause: Value::NULL,
    context: Value::NULL,
    suppress: 0,
};

/// Borrow an exception.
pub fn as_exc(v: Value) -> Option<&'static ExcObj> {
    obj::downcast::<ExcObj>(v)
}

/// A new exception of type `ty` with `args` (rooted by the caller). May collect.
pub fn new(vm: &mut Vm<'_>, ty: *const Type, args: &[Value]) -> PyResult<Value> {
    let t = obj::tuple::new(vm, args)?;
    let m = vm.roots_mark();
    vm.push_root(t)?;
    let e = vm.alloc_obj(ty, core::mem::size_of::<ExcObj>());
    vm.pop_roots(m);
    let e = e?;
    if let Some(x) = as_exc(e) {
        x.args.set(t);
    }
    Ok(e)
}

fn writable(vm: &Vm<'_>, e: Value) -> Option<&'static ExcObj> {
    if vm.is_heap(e) {
        as_exc(e)
    } else {
        None
    }
}

/// The first argument (NULL if none).
pub fn first_arg(e: Value) -> Value {
    as_exc(e).and_then(|x| obj::tuple::items(x.args.get())).and_then(|a| a.first().copied()).unwrap_or(Value::NULL)
}

/// The args tuple.
pub fn args(e: Value) -> Value {
    as_exc(e).map(|x| x.args.get()).filter(|a| !a.is_null()).unwrap_or_else(obj::tuple::empty)
}

/// Set `__context__`, breaking cycles like CPython.
pub fn set_context(vm: &mut Vm<'_>, e: Value, ctx: Value) {
    let Some(x) = writable(vm, e) else { return };
    // Avoid cycles: if e is already in ctx's context chain, cut the chain there.
    let mut o = ctx;
    let mut guard = 0;
    while let Some(ox) = as_exc(o) {
        let next = ox.context.get();
        if next == e {
            if vm.is_heap(o) {
                ox.context.set(Value::NULL);
            }
            break;
        }
        o = next;
        guard += 1;
        if guard > 10000 {
            break;
        }
    }
    x.context.set(ctx);
}

/// Set `__cause__` (and `__suppress_context__`).
pub fn set_cause(vm: &mut Vm<'_>, e: Value, cause: Value) {
    if let Some(x) = writable(vm, e) {
        x.cause.set(if cause == Value::NONE { Value::NULL } else { cause });
        x.suppress.set(1);
    }
}

/// Clear the traceback and context (before raising a shared instance again).
pub fn reset_for_reraise(vm: &mut Vm<'_>, e: Value) {
    if let Some(x) = writable(vm, e) {
        x.traceback.set(Value::NULL);
        x.context.set(Value::NULL);
    }
}

/// Add a traceback entry at the head. May collect (failure is ignored).
pub fn add_traceback(vm: &mut Vm<'_>, e: Value, code: &'static crate::rom::Code, line: u32) {
    if writable(vm, e).is_none() {
        return;
    }
    let m = vm.roots_mark();
    if vm.push_root(e).is_err() {
        vm.take_pending();
        return;
    }
    let head = as_exc(e).map(|x| x.traceback.get()).unwrap_or(Value::NULL);
    match obj::traceback::new(vm, code, line, head) {
        Ok(t) => {
            if let Some(x) = as_exc(e) {
                x.traceback.set(t);
            }
        }
        Err(_) => {
            // Out of memory while recording the traceback: keep the original exception.
            vm.pending = e;
        }
    }
    vm.pop_roots(m);
}

fn trace(v: Value, t: &mut Tracer<'_>) {
    if let Some(x) = as_exc(v) {
        t.mark(x.dict.get());
        t.mark(x.args.get());
        t.mark(x.traceback.get());
        t.mark(x.cause.get());
        t.mark(x.context.get());
    }
}

/// Append `str(e)`.
pub fn str_into(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf) -> PyResult<()> {
    let a = args(v);
    let items = obj::tuple::items(a).unwrap_or(&[]);
    if is(v, &OS_ERROR_TYPE) && items.len() == 2 {
        return os_error_str(vm, v, items, sb);
    }
    if is(v, &SYNTAX_ERROR_TYPE) {
        return syntax_error_str(vm, v, items, sb);
    }
    if (is(v, &UNICODE_DECODE_ERROR_TYPE) || is(v, &UNICODE_ENCODE_ERROR_TYPE))
        && items.len() == 5
        && unicode_error_str(vm, v, items, sb)?
    {
        return Ok(());
    }
    match items.len() {
        0 => Ok(()),
        1 => {
            if obj::is_instance(v, &KEY_ERROR_TYPE) {
                runtime::repr_into(vm, items[0], sb)
            } else {
                runtime::str_into(vm, items[0], sb)
            }
        }
        _ => runtime::repr_into(vm, a, sb),
    }
}

fn is(v: Value, ty: &Type) -> bool {
    obj::class::is_subclass(obj::type_of(v), ty)
}

/// The `__notes__` stored on `e` (NULL if none).
pub(crate) fn stored_notes(e: Value) -> Value {
    stored(e, "__notes__")
}

/// An attribute stored in the instance dict (NULL if absent).
fn stored(v: Value, name: &str) -> Value {
    let d = as_exc(v).map(|x| x.dict.get()).unwrap_or(Value::NULL);
    let Some(dd) = obj::dict::as_dict(d) else { return Value::NULL };
    let mut i = 0;
    while let Some((k, val)) = dd.entry(i) {
        i += 1;
        if !k.is_null() && obj::str::as_str(k) == Some(name) {
            return val;
        }
    }
    Value::NULL
}

/// `[Errno 2] No such file: 'f' -> 'g'` (OSError with errno and strerror).
fn os_error_str(vm: &mut Vm<'_>, v: Value, items: &[Value], sb: &mut StrBuf) -> PyResult<()> {
    // An `errno` or `strerror` assigned later (kept in the dict) wins over the args.
    let or_arg = |name: &str, i: usize| {
        let x = stored(v, name);
        if x.is_null() {
            items[i]
        } else {
            x
        }
    };
    let (errno, strerror) = (or_arg("errno", 0), or_arg("strerror", 1));
    sb.push(vm, "[Errno ")?;
    runtime::str_into(vm, errno, sb)?;
    sb.push(vm, "] ")?;
    runtime::str_into(vm, strerror, sb)?;
    let f = stored(v, "filename");
    if !f.is_null() && f != Value::NONE {
        sb.push(vm, ": ")?;
        runtime::repr_into(vm, f, sb)?;
        let f2 = stored(v, "filename2");
        if !f2.is_null() && f2 != Value::NONE {
            sb.push(vm, " -> ")?;
            runtime::repr_into(vm, f2, sb)?;
        }
    }
    Ok(())
}

/// SyntaxError's `(filename, lineno, offset, text[, end_lineno, end_offset])` field `i`.
fn syntax_detail(items: &[Value], i: usize) -> Value {
    if items.len() != 2 {
        return Value::NONE;
    }
    obj::tuple::items(items[1]).and_then(|d| d.get(i).copied()).unwrap_or(Value::NONE)
}

/// Where an uncaught SyntaxError points, for its traceback: (file name or NULL, line, msg),
/// when its line is known. Attributes assigned later win over the args.
pub fn syntax_location(e: Value) -> Option<(Value, i64, Value)> {
    let items = obj::tuple::items(args(e)).unwrap_or(&[]);
    let pick = |name: &str, i: usize| {
        let x = stored(e, name);
        if x.is_null() {
            syntax_detail(items, i)
        } else {
            x
        }
    };
    let line = obj::int::small_value(pick("lineno", 1))?;
    let file = pick("filename", 0);
    let mut msg = stored(e, "msg");
    if msg.is_null() {
        msg = items.first().copied().unwrap_or(Value::NONE);
    }
    Some((if obj::str::is_str(file) { file } else { Value::NULL }, line, msg))
}

/// `msg (file.py, line 3)`: the file's base name and the line, when known.
fn syntax_error_str(vm: &mut Vm<'_>, v: Value, items: &[Value], sb: &mut StrBuf) -> PyResult<()> {
    let pick = |name: &str, i: usize| {
        let x = stored(v, name);
        if x.is_null() {
            syntax_detail(items, i)
        } else {
            x
        }
    };
    let mut msg = stored(v, "msg");
    if msg.is_null() {
        msg = items.first().copied().unwrap_or(Value::NONE);
    }
    let (file, line) = (pick("filename", 0), pick("lineno", 1));
    runtime::str_into(vm, msg, sb)?;
    let file = obj::str::as_str(file).map(|f| f.rsplit('/').next().unwrap_or(f));
    let line = obj::int::small_value(line);
    match (file, line) {
        (Some(f), Some(l)) => sb.push_fmt(vm, format_args!(" ({f}, line {l})")),
        (Some(f), None) => sb.push_fmt(vm, format_args!(" ({f})")),
        (None, Some(l)) => sb.push_fmt(vm, format_args!(" (line {l})")),
        (None, None) => Ok(()),
    }
}

/// `'utf-8' codec can't decode byte 0xff in position 0: reason` (false: the fields do not
/// have the types CPython's format needs, so the generic form is used).
fn unicode_error_str(vm: &mut Vm<'_>, v: Value, items: &[Value], sb: &mut StrBuf) -> PyResult<bool> {
    let (Some(enc), Some(start), Some(end), Some(reason)) = (
        obj::str::as_str(items[0]),
        obj::int::small_value(items[2]),
        obj::int::small_value(items[3]),
        obj::str::as_str(items[4]),
    ) else {
        return Ok(false);
    };
    let decode = is(v, &UNICODE_DECODE_ERROR_TYPE);
    let verb = if decode { "decode" } else { "encode" };
    if end == start + 1 && start >= 0 {
        if decode {
            let Some(b) = obj::bytes::as_bytes(items[1]).and_then(|b| b.get(start as usize)) else { return Ok(false) };
            sb.push_fmt(vm, format_args!("'{enc}' codec can't decode byte 0x{b:02x} in position {start}: {reason}"))?;
        } else {
            let Some(c) = obj::str::as_str(items[1]).and_then(|s| s.chars().nth(start as usize)) else {
                return Ok(false);
            };
            let c = c as u32;
            let esc = if c < 0x100 {
                (2, c)
            } else if c < 0x10000 {
                (4, c)
            } else {
                (8, c)
            };
            let letter = match esc.0 {
                2 => 'x',
                4 => 'u',
                _ => 'U',
            };
            sb.push_fmt(
                vm,
                format_args!(
                    "'{enc}' codec can't encode character '\\{letter}{:0w$x}' in position {start}: {reason}",
                    esc.1,
                    w = esc.0
                ),
            )?;
        }
    } else {
        sb.push_fmt(
            vm,
            format_args!(
                "'{enc}' codec can't {verb} {} in position {start}-{}: {reason}",
                if decode { "bytes" } else { "characters" },
                end - 1
            ),
        )?;
    }
    Ok(true)
}

fn repr(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf) -> PyResult<()> {
    sb.push(vm, obj::type_name(v))?;
    let a = args(v);
    let items = obj::tuple::items(a).unwrap_or(&[]);
    if items.len() == 1 {
        sb.push(vm, "(")?;
        runtime::repr_into(vm, items[0], sb)?;
        sb.push(vm, ")")
    } else {
        runtime::repr_into(vm, a, sb)
    }
}

fn opt(v: Value) -> Value {
    if v.is_null() {
        Value::NONE
    } else {
        v
    }
}

pub(crate) fn getattr(_vm: &mut Vm<'_>, v: Value, name: Value) -> PyResult<Value> {
    let Some(x) = as_exc(v) else { return Ok(Value::NULL) };
    if let Some(r) = obj::dict::get_str(x.dict.get(), name) {
        return Ok(r);
    }
    Ok(match obj::str::as_str(name) {
        Some("args") => args(v),
        Some("__cause__") => opt(x.cause.get()),
        Some("__context__") => opt(x.context.get()),
        Some("__suppress_context__") => Value::bool(x.suppress.get() != 0),
        Some("__traceback__") => opt(x.traceback.get()),
        Some("value") if is(v, &STOP_ITERATION_TYPE) => opt(first_arg(v)),
        Some("code") if is(v, &SYSTEM_EXIT_TYPE) => {
            let a = args(v);
            match obj::tuple::items(a).map_or(0, |i| i.len()) {
                0 => Value::NONE,
                1 => first_arg(v),
                _ => a,
            }
        }
        Some("name") if is(v, &IMPORT_ERROR_TYPE) || is(v, &NAME_ERROR_TYPE) || is(v, &ATTRIBUTE_ERROR_TYPE) => {
            Value::NONE
        }
        Some("path") if is(v, &IMPORT_ERROR_TYPE) => Value::NONE,
        Some("obj") if is(v, &ATTRIBUTE_ERROR_TYPE) => Value::NONE,
        Some("msg") if is(v, &IMPORT_ERROR_TYPE) => {
            let items = obj::tuple::items(args(v)).unwrap_or(&[]);
            if items.len() == 1 {
                items[0]
            } else {
                Value::NONE
            }
        }
        Some(n @ ("errno" | "strerror" | "filename" | "filename2")) if is(v, &OS_ERROR_TYPE) => {
            let items = obj::tuple::items(args(v)).unwrap_or(&[]);
            match n {
                "errno" if (2..=5).contains(&items.len()) => items[0],
                "strerror" if (2..=5).contains(&items.len()) => items[1],
                _ => Value::NONE,
            }
        }
        Some(
            n @ ("msg"
            | "filename"
            | "lineno"
            | "offset"
            | "text"
            | "end_lineno"
            | "end_offset"
            | "print_file_and_line"),
        ) if is(v, &SYNTAX_ERROR_TYPE) => {
            let items = obj::tuple::items(args(v)).unwrap_or(&[]);
            match n {
                "msg" => items.first().copied().unwrap_or(Value::NONE),
                "filename" => syntax_detail(items, 0),
                "lineno" => syntax_detail(items, 1),
                "offset" => syntax_detail(items, 2),
                "text" => syntax_detail(items, 3),
                "end_lineno" => syntax_detail(items, 4),
                "end_offset" => syntax_detail(items, 5),
                _ => Value::NONE,
            }
        }
        Some(n @ ("encoding" | "object" | "start" | "end" | "reason"))
            if is(v, &UNICODE_DECODE_ERROR_TYPE)
                || is(v, &UNICODE_ENCODE_ERROR_TYPE)
                || is(v, &UNICODE_TRANSLATE_ERROR_TYPE) =>
        {
            let items = obj::tuple::items(args(v)).unwrap_or(&[]);
            let translate = is(v, &UNICODE_TRANSLATE_ERROR_TYPE);
            let i = match (n, translate) {
                ("encoding", false) => 0,
                ("encoding", true) => return Ok(Value::NONE),
                ("object", t) => 1 - t as usize,
                ("start", t) => 2 - t as usize,
                ("end", t) => 3 - t as usize,
                (_, t) => 4 - t as usize,
            };
            items.get(i).copied().unwrap_or(Value::NONE)
        }
        Some("__dict__") => x.dict.get(),
        _ => Value::NULL,
    })
}

/// The OSError subclass CPython picks for `OSError(errno, strerror, ...)` (Linux errno
/// numbers, as MicroPython's ports use).
fn os_subclass(errno: i64) -> Option<&'static Type> {
    Some(match errno {
        11 | 114 | 115 => &BLOCKING_IO_ERROR_TYPE,
        10 => &CHILD_PROCESS_ERROR_TYPE,
        32 | 108 => &BROKEN_PIPE_ERROR_TYPE,
        103 => &CONNECTION_ABORTED_ERROR_TYPE,
        111 => &CONNECTION_REFUSED_ERROR_TYPE,
        104 => &CONNECTION_RESET_ERROR_TYPE,
        17 => &FILE_EXISTS_ERROR_TYPE,
        2 => &FILE_NOT_FOUND_ERROR_TYPE,
        21 => &IS_A_DIRECTORY_ERROR_TYPE,
        20 => &NOT_A_DIRECTORY_ERROR_TYPE,
        4 => &INTERRUPTED_ERROR_TYPE,
        1 | 13 => &PERMISSION_ERROR_TYPE,
        3 => &PROCESS_LOOKUP_ERROR_TYPE,
        110 => &TIMEOUT_ERROR_TYPE,
        _ => return None,
    })
}

/// The keywords a built-in exception's `__init__` accepts (CPython 3.11).
fn keyword_ok(ty: &'static Type, name: &str) -> bool {
    if obj::class::is_subclass(ty, &IMPORT_ERROR_TYPE) {
        matches!(name, "name" | "path")
    } else if obj::class::is_subclass(ty, &ATTRIBUTE_ERROR_TYPE) {
        matches!(name, "name" | "obj")
    } else if obj::class::is_subclass(ty, &NAME_ERROR_TYPE) {
        name == "name"
    } else {
        false
    }
}

/// The error for a keyword `ty(...)` does not take.
fn bad_keyword(vm: &mut Vm<'_>, ty: &'static Type, name: &str) -> crate::vm::Raised {
    let mut base = ty;
    while base.is_heap() {
        base = obj::class::static_base(base);
    }
    if keyword_ok(base, "name") {
        vm.type_error(format_args!("'{name}' is an invalid keyword argument for {}()", base.name()))
    } else {
        vm.type_error(format_args!("{}() takes no keyword arguments", ty.name()))
    }
}

pub(crate) fn setattr(vm: &mut Vm<'_>, v: Value, name: Value, val: Value) -> PyResult<bool> {
    let Some(x) = writable(vm, v) else { return Ok(false) };
    match obj::str::as_str(name) {
        Some("__cause__") => {
            x.cause.set(if val == Value::NONE { Value::NULL } else { val });
            x.suppress.set(1);
            return Ok(true);
        }
        Some("__context__") => {
            x.context.set(if val == Value::NONE { Value::NULL } else { val });
            return Ok(true);
        }
        Some("__suppress_context__") => {
            x.suppress.set((val == Value::TRUE) as usize);
            return Ok(true);
        }
        Some("__traceback__") => {
            let tb = traceback_value(vm, val)?;
            x.traceback.set(tb);
            return Ok(true);
        }
        Some("args") => {
            let t = obj::tuple::new(vm, obj::tuple::items(val).unwrap_or(&[]))?;
            if let Some(x) = as_exc(v) {
                x.args.set(t);
            }
            return Ok(true);
        }
        _ => {}
    }
    if x.dict.get().is_null() {
        let d = obj::dict::new(vm)?;
        if let Some(x) = as_exc(v) {
            x.dict.set(d);
        }
    }
    let d = as_exc(v).map(|x| x.dict.get()).unwrap_or(Value::NULL);
    if val.is_null() {
        obj::dict::remove(vm, d, name)?;
    } else {
        obj::dict::set(vm, d, name, val)?;
    }
    Ok(true)
}

fn new_exc(vm: &mut Vm<'_>, cls: Value, args: &Args<'_>) -> PyResult<Value> {
    let mut ty: &'static Type = obj::as_type(cls).unwrap_or(&EXCEPTION_TYPE);
    let pos = args.pos;
    // A class with its own Python `__init__` takes its keywords and arguments there.
    let own_init = ty.is_heap() && obj::instance::user_init(ty).is_some();
    if !own_init {
        for k in args.kwnames {
            let n = obj::str::as_str(*k).unwrap_or("");
            if !keyword_ok(ty, n) {
                return Err(bad_keyword(vm, ty, n));
            }
        }
        let unicode = if obj::class::is_subclass(ty, &UNICODE_TRANSLATE_ERROR_TYPE) {
            4
        } else if obj::class::is_subclass(ty, &UNICODE_DECODE_ERROR_TYPE)
            || obj::class::is_subclass(ty, &UNICODE_ENCODE_ERROR_TYPE)
        {
            5
        } else {
            0
        };
        if unicode != 0 && pos.len() != unicode {
            return Err(vm.type_error(format_args!("function takes exactly {unicode} arguments ({} given)", pos.len())));
        }
    }
    if core::ptr::eq(ty, &OS_ERROR_TYPE) && (2..=5).contains(&pos.len()) {
        if let Some(sub) = obj::int::small_value(pos[0]).and_then(os_subclass) {
            ty = sub;
        }
    }
    let os = obj::class::is_subclass(ty, &OS_ERROR_TYPE) && (3..=5).contains(&pos.len());
    let e = new(vm, ty, if os { &pos[..2] } else { pos })?;
    let m = vm.roots_mark();
    vm.push_root(e)?;
    if os {
        setattr(vm, e, Value::qstr(&Q_FILENAME), pos[2])?;
        if pos.len() == 5 {
            setattr(vm, e, Value::qstr(&Q_FILENAME2), pos[4])?;
        }
    }
    if !own_init {
        for (k, val) in args.kwnames.iter().zip(args.kwvals) {
            setattr(vm, e, *k, *val)?;
        }
    }
    vm.pop_roots(m);
    Ok(e)
}

crate::static_qstr!(Q_FILENAME, "filename");
crate::static_qstr!(Q_FILENAME2, "filename2");
crate::static_qstr!(Q_NOTES, "__notes__");

fn init(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let e = args.get(0);
    let t = obj::tuple::new(vm, args.pos.get(1..).unwrap_or(&[]))?;
    if let Some(x) = writable(vm, e) {
        x.args.set(t);
    }
    Ok(Value::NONE)
}

fn m_str(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let mut sb = StrBuf::new(vm)?;
    str_into(vm, args.get(0), &mut sb)?;
    sb.finish(vm)
}

fn m_repr(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let mut sb = StrBuf::new(vm)?;
    repr(vm, args.get(0), &mut sb)?;
    sb.finish(vm)
}

/// Check a value assigned as `__traceback__`: a traceback or None (NULL).
fn traceback_value(vm: &mut Vm<'_>, tb: Value) -> PyResult<Value> {
    if tb == Value::NONE {
        Ok(Value::NULL)
    } else if obj::traceback::as_tb(tb).is_some() {
        Ok(tb)
    } else {
        Err(vm.type_error(format_args!("__traceback__ must be a traceback or None")))
    }
}

fn with_traceback(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let e = args.get(0);
    let tb = traceback_value(vm, args.get(1))?;
    if let Some(x) = writable(vm, e) {
        x.traceback.set(tb);
    }
    Ok(e)
}

/// `e.add_note(note)`: append to the `__notes__` list, printed after the traceback.
fn add_note(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let (e, note) = (args.get(0), args.get(1));
    if !obj::str::is_str(note) {
        return Err(vm.type_error(format_args!("note must be a str, not '{}'", obj::type_name(note))));
    }
    let mut notes = runtime::get_attr_opt(vm, e, Value::qstr(&Q_NOTES))?.unwrap_or(Value::NULL);
    if notes.is_null() {
        notes = obj::list::with_capacity(vm, 1)?;
        vm.push_root(notes)?;
        runtime::set_attr(vm, e, Value::qstr(&Q_NOTES), notes)?;
    }
    if obj::list::as_list(notes).is_none() {
        return Err(vm.type_error(format_args!("Cannot add note: __notes__ is not a list")));
    }
    obj::list::append(vm, notes, note)?;
    Ok(Value::NONE)
}

crate::static_qstr!(Q_WITH_TB, "with_traceback");
crate::static_qstr!(Q_ADD_NOTE, "add_note");

static METHODS: &[Builtin] = &[
    Builtin::method(&qstr::__init__, init),
    Builtin::method(&qstr::__str__, m_str),
    Builtin::method(&qstr::__repr__, m_repr),
    Builtin::method(&Q_WITH_TB, with_traceback),
    Builtin::method(&Q_ADD_NOTE, add_note),
];

fn str_slot(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf) -> PyResult<()> {
    str_into(vm, v, sb)
}

pub(crate) static SLOTS: Slots = Slots {
    trace: Some(trace),
    repr: Some(repr),
    str: Some(str_slot),
    getattr: Some(getattr),
    setattr: Some(setattr),
    new: Some(new_exc),
    ..Slots::EMPTY
};

macro_rules! exc_types {
    ($($(#[$m:meta])* $name:ident = ($q:expr, $base:expr);)*) => {
        $($(#[$m])* pub static $name: Type = Type::builtin($q, $base, Kind::Exception, flags::BASETYPE, &SLOTS, &[]);)*
    };
}

/// `BaseException`.
pub static BASE_EXCEPTION_TYPE: Type = Type::builtin(
    &qstr::BaseException,
    Some(&obj::class::OBJECT_TYPE),
    Kind::Exception,
    flags::BASETYPE,
    &SLOTS,
    METHODS,
);

crate::static_qstr!(Q_FPE, "FloatingPointError");
crate::static_qstr!(Q_BUFFER, "BufferError");
crate::static_qstr!(Q_REFERENCE, "ReferenceError");
crate::static_qstr!(Q_SYSTEM, "SystemError");
crate::static_qstr!(Q_UNICODE_ENCODE, "UnicodeEncodeError");
crate::static_qstr!(Q_STOP_ASYNC, "StopAsyncIteration");
crate::static_qstr!(Q_INDENT, "IndentationError");
crate::static_qstr!(Q_TIMEOUT, "TimeoutError");
crate::static_qstr!(Q_FNF, "FileNotFoundError");
crate::static_qstr!(Q_WARNING, "Warning");
crate::static_qstr!(Q_USER_WARNING, "UserWarning");
crate::static_qstr!(Q_DEPRECATION, "DeprecationWarning");
crate::static_qstr!(Q_STOPPED, "ExecutionStopped");

/// `ExecutionStopped(BaseException)`: raised when the embedder stops a run (instruction
/// budget used up, or a poll hook answering `Poll::Stop`). Not a builtin name, so Python
/// cannot catch it by name; the VM raises it again at every check until the run returns.
pub static EXECUTION_STOPPED_TYPE: Type =
    Type::builtin(&Q_STOPPED, Some(&BASE_EXCEPTION_TYPE), Kind::Exception, 0, &SLOTS, &[]);

/// The fallback `ExecutionStopped` instance, raised when the heap cannot hold a new one.
pub static STATIC_EXECUTION_STOPPED: RomExc = RomExc {
    hdr: ObjHeader { ty: &EXECUTION_STOPPED_TYPE },
    dict: Value::NULL,
    args: Value::NULL,
    traceback: Value::NULL,
    cause: Value::NULL,
    context: Value::NULL,
    suppress: 0,
};

exc_types! {
    /// `Exception`.
    EXCEPTION_TYPE = (&qstr::Exception, Some(&BASE_EXCEPTION_TYPE));
    /// `GeneratorExit`.
    GENERATOR_EXIT_TYPE = (&qstr::GeneratorExit, Some(&BASE_EXCEPTION_TYPE));
    /// `KeyboardInterrupt`.
    KEYBOARD_INTERRUPT_TYPE = (&qstr::KeyboardInterrupt, Some(&BASE_EXCEPTION_TYPE));
    /// `SystemExit`.
    SYSTEM_EXIT_TYPE = (&qstr::SystemExit, Some(&BASE_EXCEPTION_TYPE));
    /// `ArithmeticError`.
    ARITHMETIC_ERROR_TYPE = (&qstr::ArithmeticError, Some(&EXCEPTION_TYPE));
    /// `FloatingPointError`.
    FLOATING_POINT_ERROR_TYPE = (&Q_FPE, Some(&ARITHMETIC_ERROR_TYPE));
    /// `OverflowError`.
    OVERFLOW_ERROR_TYPE = (&qstr::OverflowError, Some(&ARITHMETIC_ERROR_TYPE));
    /// `ZeroDivisionError`.
    ZERO_DIVISION_ERROR_TYPE = (&qstr::ZeroDivisionError, Some(&ARITHMETIC_ERROR_TYPE));
    /// `AssertionError`.
    ASSERTION_ERROR_TYPE = (&qstr::AssertionError, Some(&EXCEPTION_TYPE));
    /// `AttributeError`.
    ATTRIBUTE_ERROR_TYPE = (&qstr::AttributeError, Some(&EXCEPTION_TYPE));
    /// `BufferError`.
    BUFFER_ERROR_TYPE = (&Q_BUFFER, Some(&EXCEPTION_TYPE));
    /// `EOFError`.
    EOF_ERROR_TYPE = (&qstr::EOFError, Some(&EXCEPTION_TYPE));
    /// `ImportError`.
    IMPORT_ERROR_TYPE = (&qstr::ImportError, Some(&EXCEPTION_TYPE));
    /// `ModuleNotFoundError`.
    MODULE_NOT_FOUND_ERROR_TYPE = (&qstr::ModuleNotFoundError, Some(&IMPORT_ERROR_TYPE));
    /// `LookupError`.
    LOOKUP_ERROR_TYPE = (&qstr::LookupError, Some(&EXCEPTION_TYPE));
    /// `IndexError`.
    INDEX_ERROR_TYPE = (&qstr::IndexError, Some(&LOOKUP_ERROR_TYPE));
    /// `KeyError`.
    KEY_ERROR_TYPE = (&qstr::KeyError, Some(&LOOKUP_ERROR_TYPE));
    /// `MemoryError`.
    MEMORY_ERROR_TYPE = (&qstr::MemoryError, Some(&EXCEPTION_TYPE));
    /// `NameError`.
    NAME_ERROR_TYPE = (&qstr::NameError, Some(&EXCEPTION_TYPE));
    /// `UnboundLocalError`.
    UNBOUND_LOCAL_ERROR_TYPE = (&qstr::UnboundLocalError, Some(&NAME_ERROR_TYPE));
    /// `OSError`.
    OS_ERROR_TYPE = (&qstr::OSError, Some(&EXCEPTION_TYPE));
    /// `FileNotFoundError`.
    FILE_NOT_FOUND_ERROR_TYPE = (&Q_FNF, Some(&OS_ERROR_TYPE));
    /// `TimeoutError`.
    TIMEOUT_ERROR_TYPE = (&Q_TIMEOUT, Some(&OS_ERROR_TYPE));
    /// `ReferenceError`.
    REFERENCE_ERROR_TYPE = (&Q_REFERENCE, Some(&EXCEPTION_TYPE));
    /// `RuntimeError`.
    RUNTIME_ERROR_TYPE = (&qstr::RuntimeError, Some(&EXCEPTION_TYPE));
    /// `NotImplementedError`.
    NOT_IMPLEMENTED_ERROR_TYPE = (&qstr::NotImplementedError, Some(&RUNTIME_ERROR_TYPE));
    /// `RecursionError`.
    RECURSION_ERROR_TYPE = (&qstr::RecursionError, Some(&RUNTIME_ERROR_TYPE));
    /// `StopAsyncIteration`.
    STOP_ASYNC_ITERATION_TYPE = (&Q_STOP_ASYNC, Some(&EXCEPTION_TYPE));
    /// `StopIteration`.
    STOP_ITERATION_TYPE = (&qstr::StopIteration, Some(&EXCEPTION_TYPE));
    /// `SyntaxError`.
    SYNTAX_ERROR_TYPE = (&qstr::SyntaxError, Some(&EXCEPTION_TYPE));
    /// `IndentationError`.
    INDENTATION_ERROR_TYPE = (&Q_INDENT, Some(&SYNTAX_ERROR_TYPE));
    /// `SystemError`.
    SYSTEM_ERROR_TYPE = (&Q_SYSTEM, Some(&EXCEPTION_TYPE));
    /// `TypeError`.
    TYPE_ERROR_TYPE = (&qstr::TypeError, Some(&EXCEPTION_TYPE));
    /// `ValueError`.
    VALUE_ERROR_TYPE = (&qstr::ValueError, Some(&EXCEPTION_TYPE));
    /// `UnicodeError`.
    UNICODE_ERROR_TYPE = (&qstr::UnicodeError, Some(&VALUE_ERROR_TYPE));
    /// `UnicodeDecodeError`.
    UNICODE_DECODE_ERROR_TYPE = (&qstr::UnicodeDecodeError, Some(&UNICODE_ERROR_TYPE));
    /// `UnicodeEncodeError`.
    UNICODE_ENCODE_ERROR_TYPE = (&Q_UNICODE_ENCODE, Some(&UNICODE_ERROR_TYPE));
    /// `Warning`.
    WARNING_TYPE = (&Q_WARNING, Some(&EXCEPTION_TYPE));
    /// `UserWarning`.
    USER_WARNING_TYPE = (&Q_USER_WARNING, Some(&WARNING_TYPE));
    /// `DeprecationWarning`.
    DEPRECATION_WARNING_TYPE = (&Q_DEPRECATION, Some(&WARNING_TYPE));
    /// `BlockingIOError`.
    BLOCKING_IO_ERROR_TYPE = (&Q_BLOCKING_IO_ERROR, Some(&OS_ERROR_TYPE));
    /// `ChildProcessError`.
    CHILD_PROCESS_ERROR_TYPE = (&Q_CHILD_PROCESS_ERROR, Some(&OS_ERROR_TYPE));
    /// `ConnectionError`.
    CONNECTION_ERROR_TYPE = (&Q_CONNECTION_ERROR, Some(&OS_ERROR_TYPE));
    /// `BrokenPipeError`.
    BROKEN_PIPE_ERROR_TYPE = (&Q_BROKEN_PIPE_ERROR, Some(&CONNECTION_ERROR_TYPE));
    /// `ConnectionAbortedError`.
    CONNECTION_ABORTED_ERROR_TYPE = (&Q_CONNECTION_ABORTED_ERROR, Some(&CONNECTION_ERROR_TYPE));
    /// `ConnectionRefusedError`.
    CONNECTION_REFUSED_ERROR_TYPE = (&Q_CONNECTION_REFUSED_ERROR, Some(&CONNECTION_ERROR_TYPE));
    /// `ConnectionResetError`.
    CONNECTION_RESET_ERROR_TYPE = (&Q_CONNECTION_RESET_ERROR, Some(&CONNECTION_ERROR_TYPE));
    /// `FileExistsError`.
    FILE_EXISTS_ERROR_TYPE = (&Q_FILE_EXISTS_ERROR, Some(&OS_ERROR_TYPE));
    /// `InterruptedError`.
    INTERRUPTED_ERROR_TYPE = (&Q_INTERRUPTED_ERROR, Some(&OS_ERROR_TYPE));
    /// `IsADirectoryError`.
    IS_A_DIRECTORY_ERROR_TYPE = (&Q_IS_A_DIRECTORY_ERROR, Some(&OS_ERROR_TYPE));
    /// `NotADirectoryError`.
    NOT_A_DIRECTORY_ERROR_TYPE = (&Q_NOT_A_DIRECTORY_ERROR, Some(&OS_ERROR_TYPE));
    /// `PermissionError`.
    PERMISSION_ERROR_TYPE = (&Q_PERMISSION_ERROR, Some(&OS_ERROR_TYPE));
    /// `ProcessLookupError`.
    PROCESS_LOOKUP_ERROR_TYPE = (&Q_PROCESS_LOOKUP_ERROR, Some(&OS_ERROR_TYPE));
    /// `TabError`.
    TAB_ERROR_TYPE = (&Q_TAB_ERROR, Some(&INDENTATION_ERROR_TYPE));
    /// `UnicodeTranslateError`.
    UNICODE_TRANSLATE_ERROR_TYPE = (&Q_UNICODE_TRANSLATE_ERROR, Some(&UNICODE_ERROR_TYPE));
    /// `BytesWarning`.
    BYTES_WARNING_TYPE = (&Q_BYTES_WARNING, Some(&WARNING_TYPE));
    /// `EncodingWarning`.
    ENCODING_WARNING_TYPE = (&Q_ENCODING_WARNING, Some(&WARNING_TYPE));
    /// `FutureWarning`.
    FUTURE_WARNING_TYPE = (&Q_FUTURE_WARNING, Some(&WARNING_TYPE));
    /// `ImportWarning`.
    IMPORT_WARNING_TYPE = (&Q_IMPORT_WARNING, Some(&WARNING_TYPE));
    /// `PendingDeprecationWarning`.
    PENDING_DEPRECATION_WARNING_TYPE = (&Q_PENDING_DEPRECATION_WARNING, Some(&WARNING_TYPE));
    /// `ResourceWarning`.
    RESOURCE_WARNING_TYPE = (&Q_RESOURCE_WARNING, Some(&WARNING_TYPE));
    /// `RuntimeWarning`.
    RUNTIME_WARNING_TYPE = (&Q_RUNTIME_WARNING, Some(&WARNING_TYPE));
    /// `SyntaxWarning`.
    SYNTAX_WARNING_TYPE = (&Q_SYNTAX_WARNING, Some(&WARNING_TYPE));
    /// `UnicodeWarning`.
    UNICODE_WARNING_TYPE = (&Q_UNICODE_WARNING, Some(&WARNING_TYPE));
}

crate::static_qstr!(Q_BLOCKING_IO_ERROR, "BlockingIOError");
crate::static_qstr!(Q_CHILD_PROCESS_ERROR, "ChildProcessError");
crate::static_qstr!(Q_CONNECTION_ERROR, "ConnectionError");
crate::static_qstr!(Q_BROKEN_PIPE_ERROR, "BrokenPipeError");
crate::static_qstr!(Q_CONNECTION_ABORTED_ERROR, "ConnectionAbortedError");
crate::static_qstr!(Q_CONNECTION_REFUSED_ERROR, "ConnectionRefusedError");
crate::static_qstr!(Q_CONNECTION_RESET_ERROR, "ConnectionResetError");
crate::static_qstr!(Q_FILE_EXISTS_ERROR, "FileExistsError");
crate::static_qstr!(Q_INTERRUPTED_ERROR, "InterruptedError");
crate::static_qstr!(Q_IS_A_DIRECTORY_ERROR, "IsADirectoryError");
crate::static_qstr!(Q_NOT_A_DIRECTORY_ERROR, "NotADirectoryError");
crate::static_qstr!(Q_PERMISSION_ERROR, "PermissionError");
crate::static_qstr!(Q_PROCESS_LOOKUP_ERROR, "ProcessLookupError");
crate::static_qstr!(Q_TAB_ERROR, "TabError");
crate::static_qstr!(Q_UNICODE_TRANSLATE_ERROR, "UnicodeTranslateError");
crate::static_qstr!(Q_BYTES_WARNING, "BytesWarning");
crate::static_qstr!(Q_ENCODING_WARNING, "EncodingWarning");
crate::static_qstr!(Q_FUTURE_WARNING, "FutureWarning");
crate::static_qstr!(Q_IMPORT_WARNING, "ImportWarning");
crate::static_qstr!(Q_PENDING_DEPRECATION_WARNING, "PendingDeprecationWarning");
crate::static_qstr!(Q_RESOURCE_WARNING, "ResourceWarning");
crate::static_qstr!(Q_RUNTIME_WARNING, "RuntimeWarning");
crate::static_qstr!(Q_SYNTAX_WARNING, "SyntaxWarning");
crate::static_qstr!(Q_UNICODE_WARNING, "UnicodeWarning");

/// Every built-in exception type (for the builtins table).
#[allow(dead_code)]
pub static ALL: &[&Type] = &[
    &BASE_EXCEPTION_TYPE,
    &EXCEPTION_TYPE,
    &GENERATOR_EXIT_TYPE,
    &KEYBOARD_INTERRUPT_TYPE,
    &SYSTEM_EXIT_TYPE,
    &ARITHMETIC_ERROR_TYPE,
    &FLOATING_POINT_ERROR_TYPE,
    &OVERFLOW_ERROR_TYPE,
    &ZERO_DIVISION_ERROR_TYPE,
    &ASSERTION_ERROR_TYPE,
    &ATTRIBUTE_ERROR_TYPE,
    &BUFFER_ERROR_TYPE,
    &EOF_ERROR_TYPE,
    &IMPORT_ERROR_TYPE,
    &MODULE_NOT_FOUND_ERROR_TYPE,
    &LOOKUP_ERROR_TYPE,
    &INDEX_ERROR_TYPE,
    &KEY_ERROR_TYPE,
    &MEMORY_ERROR_TYPE,
    &NAME_ERROR_TYPE,
    &UNBOUND_LOCAL_ERROR_TYPE,
    &OS_ERROR_TYPE,
    &FILE_NOT_FOUND_ERROR_TYPE,
    &TIMEOUT_ERROR_TYPE,
    &REFERENCE_ERROR_TYPE,
    &RUNTIME_ERROR_TYPE,
    &NOT_IMPLEMENTED_ERROR_TYPE,
    &RECURSION_ERROR_TYPE,
    &STOP_ASYNC_ITERATION_TYPE,
    &STOP_ITERATION_TYPE,
    &SYNTAX_ERROR_TYPE,
    &INDENTATION_ERROR_TYPE,
    &SYSTEM_ERROR_TYPE,
    &TYPE_ERROR_TYPE,
    &VALUE_ERROR_TYPE,
    &UNICODE_ERROR_TYPE,
    &UNICODE_DECODE_ERROR_TYPE,
    &UNICODE_ENCODE_ERROR_TYPE,
    &WARNING_TYPE,
    &USER_WARNING_TYPE,
    &DEPRECATION_WARNING_TYPE,
    &BLOCKING_IO_ERROR_TYPE,
    &CHILD_PROCESS_ERROR_TYPE,
    &CONNECTION_ERROR_TYPE,
    &BROKEN_PIPE_ERROR_TYPE,
    &CONNECTION_ABORTED_ERROR_TYPE,
    &CONNECTION_REFUSED_ERROR_TYPE,
    &CONNECTION_RESET_ERROR_TYPE,
    &FILE_EXISTS_ERROR_TYPE,
    &INTERRUPTED_ERROR_TYPE,
    &IS_A_DIRECTORY_ERROR_TYPE,
    &NOT_A_DIRECTORY_ERROR_TYPE,
    &PERMISSION_ERROR_TYPE,
    &PROCESS_LOOKUP_ERROR_TYPE,
    &TAB_ERROR_TYPE,
    &UNICODE_TRANSLATE_ERROR_TYPE,
    &BYTES_WARNING_TYPE,
    &ENCODING_WARNING_TYPE,
    &FUTURE_WARNING_TYPE,
    &IMPORT_WARNING_TYPE,
    &PENDING_DEPRECATION_WARNING_TYPE,
    &RESOURCE_WARNING_TYPE,
    &RUNTIME_WARNING_TYPE,
    &SYNTAX_WARNING_TYPE,
    &UNICODE_WARNING_TYPE,
];
