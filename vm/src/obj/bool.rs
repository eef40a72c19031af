//! `bool`: the immediates `True` and `False` (a subclass of `int`).

use frostbyte_format::{BinOp, CmpOp};

use super::{Args, Kind, Slots, Type};
use crate::obj::{self, str::StrBuf};
use crate::qstr;
use crate::runtime;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

fn repr(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf) -> PyResult<()> {
    sb.push(vm, if v == Value::TRUE { "True" } else { "False" })
}

fn binop(vm: &mut Vm<'_>, op: BinOp, a: Value, b: Value, _r: bool) -> PyResult<Value> {
    // bool & bool, | and ^ stay bool; everything else is int arithmetic.
    if matches!(op.base(), BinOp::And | BinOp::Or | BinOp::Xor)
        && matches!(a, Value::TRUE | Value::FALSE)
        && matches!(b, Value::TRUE | Value::FALSE)
    {
        let (x, y) = (a == Value::TRUE, b == Value::TRUE);
        return Ok(Value::bool(match op.base() {
            BinOp::And => x & y,
            BinOp::Or => x | y,
            _ => x ^ y,
        }));
    }
    obj::int::int_binop(vm, op, a, b)
}

fn richcmp(vm: &mut Vm<'_>, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
    (obj::int::INT_TYPE.slots.richcmp.unwrap_or(|_, _, _, _| Ok(Value::NOT_IMPLEMENTED)))(vm, a, b, op)
}

fn hash(_vm: &mut Vm<'_>, v: Value) -> PyResult<isize> {
    Ok((v == Value::TRUE) as isize)
}

fn truth(_vm: &mut Vm<'_>, v: Value) -> PyResult<bool> {
    Ok(v == Value::TRUE)
}

fn unop(vm: &mut Vm<'_>, op: frostbyte_format::UnaryOp, v: Value) -> PyResult<Value> {
    let i = Value::small_int((v == Value::TRUE) as isize);
    runtime::unary_op(vm, op, i)
}

fn new_bool(vm: &mut Vm<'_>, _cls: Value, args: &Args<'_>) -> PyResult<Value> {
    let x = args.get(0);
    if x.is_null() {
        return Ok(Value::FALSE);
    }
    Ok(Value::bool(runtime::truthy(vm, x)?))
}

static SLOTS: Slots = Slots {
    repr: Some(repr),
    hash: Some(hash),
    richcmp: Some(richcmp),
    truth: Some(truth),
    binop: Some(binop),
    unop: Some(unop),
    new: Some(new_bool),
    getattr: Some(obj::int::getattr),
    ..Slots::EMPTY
};

/// `bool`.
pub static BOOL_TYPE: Type = Type::builtin(&qstr::bool, Some(&obj::int::INT_TYPE), Kind::Bool, 0, &SLOTS, &[]);
