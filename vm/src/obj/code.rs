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

static SLOTS: Slots = Slots { repr: Some(repr), ..Slots::EMPTY };

crate::static_qstr!(Q_CODE, "code");

/// `code`.
pub static CODE_TYPE: Type = Type::builtin(&Q_CODE, Some(&obj::class::OBJECT_TYPE), Kind::Code, 0, &SLOTS, &[]);
