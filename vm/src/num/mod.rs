//! Numeric algorithms with no VM dependency: big-int arithmetic on digit slices and float
//! formatting/parsing.

pub mod bigint;
pub mod dtoa;
pub mod float;

use frostbyte_format::CmpOp;

/// `x OP y` for two small ints or two exact floats (IEEE comparisons: NaN is unordered,
/// as in CPython); `None` for `in`, `is` and the like (the caller's general path).
#[inline(always)]
pub fn ordered<T: PartialOrd>(op: CmpOp, x: T, y: T) -> Option<bool> {
    Some(match op {
        CmpOp::Lt => x < y,
        CmpOp::Le => x <= y,
        CmpOp::Eq => x == y,
        CmpOp::Ne => x != y,
        CmpOp::Gt => x > y,
        CmpOp::Ge => x >= y,
        _ => return None,
    })
}
