//! `sys.stdin`, `sys.stdout` and `sys.stderr`: three ROM objects of one text-stream type over
//! the embedder's [`Output`](crate::Output) (`write_str` / `write_err`) and
//! [`Input`](crate::Input) hooks. They hold no state, so they live in flash.
//!
//! ```text
//!  RomStream  ObjHeader | which usize (0 stdin, 1 stdout, 2 stderr)
//! ```

use super::{Args, Builtin, Kind, Slots, Type};
use crate::obj::{self, exception as exc, str::StrBuf};
use crate::rom::{ObjHeader, RomObject};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// A standard stream object (ROM only).
#[repr(C)]
pub struct RomStream {
    hdr: ObjHeader,
    which: usize,
}
// SAFETY: immutable data.
unsafe impl Sync for RomStream {}
// SAFETY: repr(C), starts with an ObjHeader of STREAM_TYPE, word-aligned.
unsafe impl RomObject for RomStream {}

/// `sys.stdin`.
pub static STDIN: RomStream = RomStream { hdr: ObjHeader { ty: &STREAM_TYPE }, which: 0 };
/// `sys.stdout`.
pub static STDOUT: RomStream = RomStream { hdr: ObjHeader { ty: &STREAM_TYPE }, which: 1 };
/// `sys.stderr`.
pub static STDERR: RomStream = RomStream { hdr: ObjHeader { ty: &STREAM_TYPE }, which: 2 };

/// Which stream `v` is (0 stdin, 1 stdout, 2 stderr), if it is one.
pub fn which(v: Value) -> Option<usize> {
    [Value::rom(&STDIN), Value::rom(&STDOUT), Value::rom(&STDERR)].iter().position(|s| *s == v)
}

/// Write `s` to stream `which` (stdout or stderr).
pub fn write_to(vm: &mut Vm<'_>, which: usize, s: &str) {
    if which == 2 {
        vm.write_err(s);
    } else {
        vm.write_out(s);
    }
}

fn write(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let w = which(args.get(0)).unwrap_or(1);
    let s = args.get(1);
    let Some(text) = obj::str::as_str(s) else {
        return Err(vm.type_error(format_args!("write() argument must be str, not {}", obj::type_name(s))));
    };
    if w == 0 {
        return Err(vm.raise_msg(&UNSUPPORTED_OPERATION_TYPE, "not writable"));
    }
    let n = text.chars().count();
    write_to(vm, w, text);
    obj::int::from_i64(vm, n as i64)
}

fn flush(vm: &mut Vm<'_>, _args: &Args<'_>) -> PyResult<Value> {
    vm.flush_out();
    Ok(Value::NONE)
}

/// `readline()`: the next line with its `\n`, or `''` at the end of the input.
fn readline(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    if which(args.get(0)) != Some(0) {
        return Err(vm.raise_msg(&UNSUPPORTED_OPERATION_TYPE, "not readable"));
    }
    match read_line(vm)? {
        Some(line) => {
            let m = vm.roots_mark();
            vm.push_root(line)?;
            let mut sb = StrBuf::new(vm)?;
            sb.push(vm, obj::str::as_str(line).unwrap_or(""))?;
            sb.push(vm, "\n")?;
            let r = sb.finish(vm);
            vm.pop_roots(m);
            r
        }
        None => Ok(Value::qstr(&crate::qstr::EMPTY)),
    }
}

/// Read one line through the embedder's input hook, without its line break; None at the end
/// of the input or without a hook. May collect.
pub fn read_line(vm: &mut Vm<'_>) -> PyResult<Option<Value>> {
    let Some(input) = vm.input.take() else {
        return Ok(None);
    };
    let mut sb = match StrBuf::new(vm) {
        Ok(sb) => sb,
        Err(e) => {
            vm.input = Some(input);
            return Err(e);
        }
    };
    let mut w = LineWriter { vm, sb: &mut sb, failed: None };
    let got = input.read_line(&mut w);
    let failed = w.failed;
    vm.input = Some(input);
    if let Some(e) = failed {
        return Err(e);
    }
    let s = sb.finish(vm)?;
    Ok(if got { Some(s) } else { None })
}

/// Collects the text of one line from the embedder into a string builder.
struct LineWriter<'v, 'a, 'b> {
    vm: &'v mut Vm<'a>,
    sb: &'b mut StrBuf,
    failed: Option<crate::vm::Raised>,
}

impl core::fmt::Write for LineWriter<'_, '_, '_> {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        if self.failed.is_some() {
            return Err(core::fmt::Error);
        }
        if let Err(e) = self.sb.push(self.vm, s) {
            self.failed = Some(e);
            return Err(core::fmt::Error);
        }
        Ok(())
    }
}

fn repr(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf) -> PyResult<()> {
    let (name, mode) = match which(v) {
        Some(0) => ("<stdin>", "r"),
        Some(2) => ("<stderr>", "w"),
        _ => ("<stdout>", "w"),
    };
    sb.push_fmt(vm, format_args!("<_io.TextIOWrapper name='{name}' mode='{mode}' encoding='utf-8'>"))
}

crate::static_qstr!(Q_STREAM, "TextIOWrapper");
crate::static_qstr!(Q_WRITE, "write");
crate::static_qstr!(Q_FLUSH, "flush");
crate::static_qstr!(Q_READLINE, "readline");
crate::static_qstr!(Q_UNSUPPORTED, "UnsupportedOperation");

static METHODS: &[Builtin] =
    &[Builtin::method(&Q_WRITE, write), Builtin::method(&Q_FLUSH, flush), Builtin::method(&Q_READLINE, readline)];

static SLOTS: Slots = Slots { repr: Some(repr), ..Slots::EMPTY };

crate::static_qstr!(Q_UNDERSCORE_IO, "_io");
crate::static_qstr!(Q_IO, "io");
static IO_NS_TABLE: crate::rom::DictTable<2> =
    crate::rom::DictTable::new([Value::qstr(&crate::qstr::__module__), Value::qstr(&Q_UNDERSCORE_IO)]);
/// `__module__` `_io`, for `_io` classes (`<class '_io.StringIO'>`).
pub static IO_NS: crate::rom::Dict = crate::rom::Dict::new(&IO_NS_TABLE);
static IO_PUBLIC_NS_TABLE: crate::rom::DictTable<2> =
    crate::rom::DictTable::new([Value::qstr(&crate::qstr::__module__), Value::qstr(&Q_IO)]);
static IO_PUBLIC_NS: crate::rom::Dict = crate::rom::Dict::new(&IO_PUBLIC_NS_TABLE);

/// The type of the standard streams (`_io.TextIOWrapper`, as CPython's).
pub static STREAM_TYPE: Type =
    Type::builtin(&Q_STREAM, Some(&obj::class::OBJECT_TYPE), Kind::Misc, 0, &SLOTS, METHODS).in_module(&IO_NS);

/// `io.UnsupportedOperation` (an OSError and a ValueError in CPython; an OSError here).
pub static UNSUPPORTED_OPERATION_TYPE: Type =
    Type::builtin(&Q_UNSUPPORTED, Some(&exc::OS_ERROR_TYPE), Kind::Exception, 0, &exc::SLOTS, &[])
        .in_module(&IO_PUBLIC_NS);
