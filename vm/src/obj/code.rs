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

fn repr(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf) -> PyResult<()> {
    let name = as_code(v).map(|c| c.name).unwrap_or(Value::NONE);
    sb.push(vm, "<code object ")?;
    sb.push(vm, obj::str::as_str(name).unwrap_or("?"))?;
    sb.push(vm, ">")
}

static SLOTS: Slots = Slots { repr: Some(repr), ..Slots::EMPTY };

crate::static_qstr!(Q_CODE, "code");

/// `code`.
pub static CODE_TYPE: Type = Type::builtin(&Q_CODE, Some(&obj::class::OBJECT_TYPE), Kind::Code, 0, &SLOTS, &[]);
