//! `code`: frozen code objects (`rom::Code`, always in ROM).

use super::{Kind, Layout, Slots, Type};
use crate::obj::{self, str::StrBuf};
use crate::rom::Code;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

// SAFETY: rom::Code is repr(C) and starts with ObjHeader; CODE_TYPE has kind Code.
unsafe impl Layout for Code {
    const KIND: Kind = Kind::Code;
}

/// The code object in `v`.
pub fn as_code(v: Value) -> Option<&'static Code> {
    obj::downcast::<Code>(v)
}

/// The qualified name of a code object (`Code::name`), e.g. `C.m`, `f.<locals>.g`.
pub fn qualname(code: &Code) -> &'static str {
    obj::str::as_str(code.name).unwrap_or("?")
}

/// The short name of a code object (`__name__`, the traceback's `in <name>`): the last
/// dot-separated component of its qualified name (`m` for `C.m`).
pub fn short_name(code: &Code) -> &'static str {
    let q = qualname(code);
    q.rsplit('.').next().unwrap_or(q)
}

/// `short_name` as a str value: the qstr itself when the name is not qualified. May collect.
pub fn short_name_value(vm: &mut Vm<'_>, code: &Code) -> PyResult<Value> {
    let short = short_name(code);
    if short.len() == qualname(code).len() {
        return Ok(code.name);
    }
    obj::str::new(vm, short)
}

fn repr(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf) -> PyResult<()> {
    sb.push(vm, "<code object ")?;
    sb.push(vm, as_code(v).map(short_name).unwrap_or("?"))?;
    sb.push(vm, ">")
}

/// `co_name`, `co_qualname`, `co_filename`, `co_firstlineno`, `co_argcount` (positional
/// parameters, positional-only ones included). May collect.
fn getattr(vm: &mut Vm<'_>, v: Value, name: Value) -> PyResult<Value> {
    let Some(code) = as_code(v) else { return Ok(Value::NULL) };
    Ok(match obj::str::as_str(name) {
        Some("co_name") => return short_name_value(vm, code),
        Some("co_qualname") => code.name,
        Some("co_filename") => code.module.file,
        Some("co_firstlineno") => Value::small_int(code.first_line() as isize),
        Some("co_argcount") => Value::small_int(code.n_posargs as isize),
        _ => Value::NULL,
    })
}

static SLOTS: Slots = Slots { repr: Some(repr), getattr: Some(getattr), ..Slots::EMPTY };

crate::static_qstr!(Q_CODE, "code");

/// `code`.
pub static CODE_TYPE: Type = Type::builtin(&Q_CODE, Some(&obj::class::OBJECT_TYPE), Kind::Code, 0, &SLOTS, &[]);
