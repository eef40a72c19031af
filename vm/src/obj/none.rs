//! `NoneType`, `ellipsis` and `NotImplementedType`: immediate singletons.

use super::{Args, Kind, Slots, Type};
use crate::obj::{self, str::StrBuf};
use crate::qstr;
use crate::rom::Qstr;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

fn repr(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf) -> PyResult<()> {
    sb.push(
        vm,
        match v {
            Value::NONE => "None",
            Value::ELLIPSIS => "Ellipsis",
            _ => "NotImplemented",
        },
    )
}

fn truth(_vm: &mut Vm<'_>, v: Value) -> PyResult<bool> {
    Ok(v != Value::NONE)
}

fn new_none(_vm: &mut Vm<'_>, _cls: Value, _args: &Args<'_>) -> PyResult<Value> {
    Ok(Value::NONE)
}

static SLOTS: Slots = Slots { repr: Some(repr), truth: Some(truth), new: Some(new_none), ..Slots::EMPTY };

static Q_ELLIPSIS: Qstr<8> = Qstr::new(*b"ellipsis");

/// `NoneType`.
pub static NONE_TYPE: Type = Type::builtin(&qstr::NoneType, Some(&obj::class::OBJECT_TYPE), Kind::None, 0, &SLOTS, &[]);
/// `ellipsis`.
pub static ELLIPSIS_TYPE: Type = Type::builtin(&Q_ELLIPSIS, Some(&obj::class::OBJECT_TYPE), Kind::None, 0, &SLOTS, &[]);
/// `NotImplementedType`.
pub static NOTIMPL_TYPE: Type =
    Type::builtin(&Q_NOTIMPL_NAME, Some(&obj::class::OBJECT_TYPE), Kind::None, 0, &SLOTS, &[]);

static Q_NOTIMPL_NAME: Qstr<18> = Qstr::new(*b"NotImplementedType");
