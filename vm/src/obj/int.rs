//! `int`: small ints (tagged words) and big ints (`rom::Int` layout, heap or ROM).
//!
//! ```text
//!  BigInt  ObjHeader | size isize (sign = sign of the number, |size| = digit count)
//!          | digits [u32] (magnitude, base 2^32, least significant first)
//! ```
//! Results are normalised: a value that fits a small int is a small int. Arithmetic on
//! big values uses `crate::num::bigint` (pure algorithms on digit slices); this file only
//! allocates result objects and maps errors to Python exceptions.

use core::cmp::Ordering;

use frostbyte_format::{BinOp, CmpOp, UnaryOp};

use super::{flags, Args, Kind, Layout, Slots, Type};
use crate::num::bigint::{self, IntError, IntOut, IntRef};
use crate::obj::{self, exception as exc, str::StrBuf};
use crate::qstr;
use crate::rom::ObjHeader;
use crate::runtime;
use crate::value::{Value, SMALL_INT_MAX, SMALL_INT_MIN};
use crate::vm::{PyResult, Vm};

/// Big-int layout (same as `rom::Int`).
#[repr(C)]
pub struct BigInt {
    hdr: ObjHeader,
    size: isize,
}

// SAFETY: repr(C), starts with ObjHeader; INT_TYPE has kind Int and rom::Int shares the layout.
unsafe impl Layout for BigInt {
    const KIND: Kind = Kind::Int;
}

const HDR: usize = core::mem::size_of::<BigInt>();

impl BigInt {
    /// The digits of `self`, which is the big int `v` points at. They are reached through
    /// `v`, whose provenance covers the whole object: a pointer derived from `&self` would
    /// only reach the header (Stacked Borrows).
    fn digits(&self, v: Value) -> &'static [u32] {
        debug_assert!(core::ptr::eq(v.as_ptr(), self as *const BigInt as *const u8));
        let n = self.size.unsigned_abs();
        // SAFETY: a BigInt (heap or ROM) is followed by |size| u32 digits; `v` points at it.
        unsafe { core::slice::from_raw_parts(v.as_ptr().add(HDR) as *const u32, n) }
    }
}

/// Digit storage for a small int viewed as an `IntRef`.
pub type SmallBuf = [u32; 2];

fn small_ref(i: i64, buf: &mut SmallBuf) -> IntRef<'_> {
    let m = i.unsigned_abs();
    buf[0] = m as u32;
    buf[1] = (m >> 32) as u32;
    IntRef::new(i < 0, &buf[..])
}

/// View an int (or bool) as a big-int reference; `None` if `v` is not an int.
pub fn int_ref(v: Value, buf: &mut SmallBuf) -> Option<IntRef<'static>> {
    if let Some(i) = small_value(v) {
        let r = small_ref(i, buf);
        // SAFETY: extend the borrow of `buf` to 'static: callers keep `buf` alive while they
        // use the reference (it never escapes the arithmetic call it is made for).
        return Some(unsafe { core::mem::transmute::<IntRef<'_>, IntRef<'static>>(r) });
    }
    let b = obj::downcast::<BigInt>(v)?;
    Some(IntRef::new(b.size < 0, b.digits(v)))
}

/// Small int or bool as i64.
#[inline]
pub fn small_value(v: Value) -> Option<i64> {
    if let Some(i) = v.as_small_int() {
        return Some(i as i64);
    }
    match v {
        Value::TRUE => Some(1),
        Value::FALSE => Some(0),
        _ => None,
    }
}

/// Is `v` an int (including bool)?
pub fn is_int(v: Value) -> bool {
    small_value(v).is_some() || obj::downcast::<BigInt>(v).is_some()
}

/// The value as i64 if it fits.
pub fn to_i64(v: Value) -> Option<i64> {
    if let Some(i) = small_value(v) {
        return Some(i);
    }
    let b = obj::downcast::<BigInt>(v)?;
    let d = b.digits(v);
    if d.len() > 2 {
        return None;
    }
    let m = d.first().copied().unwrap_or(0) as u64 | (d.get(1).copied().unwrap_or(0) as u64) << 32;
    if b.size < 0 {
        if m <= 1u64 << 63 {
            Some((m as i64).wrapping_neg())
        } else {
            None
        }
    } else if m <= i64::MAX as u64 {
        Some(m as i64)
    } else {
        None
    }
}

/// An int value for `i`. May collect (only for values outside the small range).
pub fn from_i64(vm: &mut Vm<'_>, i: i64) -> PyResult<Value> {
    if let Some(v) = Value::try_small_int(i) {
        return Ok(v);
    }
    let mut buf = [0u32; 2];
    let r = small_ref(i, &mut buf);
    let v = alloc(vm, r.mag.len())?;
    Ok(store(v, IntOut { neg: r.neg, len: r.mag.len() }, Some(r.mag)))
}

/// An int for an i128 value. May collect.
pub fn from_i128(vm: &mut Vm<'_>, i: i128) -> PyResult<Value> {
    if let Ok(s) = i64::try_from(i) {
        return from_i64(vm, s);
    }
    let m = i.unsigned_abs();
    let d = [m as u32, (m >> 32) as u32, (m >> 64) as u32, (m >> 96) as u32];
    let r = IntRef::new(i < 0, &d);
    let v = alloc(vm, r.mag.len())?;
    Ok(store(v, IntOut { neg: r.neg, len: r.mag.len() }, Some(r.mag)))
}

/// A fresh big-int object with room for `n` digits (scratch space). May collect.
pub fn alloc_digits(vm: &mut Vm<'_>, n: usize) -> PyResult<Value> {
    alloc(vm, n)
}

/// A fresh heap big-int object holding the value of int `v`, even when it fits a small int
/// (the body of an instance of an `int` subclass: see `obj/instance.rs`). May collect.
pub fn heap_copy(vm: &mut Vm<'_>, v: Value) -> PyResult<Value> {
    let mut buf = [0u32; 2];
    let Some(r) = int_ref(v, &mut buf) else { return Err(vm.type_error(format_args!("an integer is required"))) };
    let (neg, n) = (r.neg, r.mag.len());
    // The collector never moves objects, and a big `v` is rooted by the caller, so `r`
    // (over `v`'s digits or `buf`) stays valid across the allocation.
    let out = alloc(vm, n)?;
    digits_mut(out, n).copy_from_slice(r.mag);
    // SAFETY: `out` is our fresh BigInt with room for n digits.
    unsafe { (*(out.as_ptr() as *mut BigInt)).size = if neg { -(n as isize) } else { n as isize } };
    Ok(out)
}

/// The value of int `v` (an `int` subclass instance too) as an exact `int`. May collect
/// (`v` rooted by the caller).
pub fn exact(vm: &mut Vm<'_>, v: Value) -> PyResult<Value> {
    if core::ptr::eq(obj::type_of(v), &INT_TYPE) {
        return Ok(v);
    }
    if let Some(i) = to_i64(v) {
        return from_i64(vm, i);
    }
    heap_copy(vm, v)
}

/// The digits of an object made by `alloc_digits`.
pub fn digits_of_fresh(v: Value, n: usize) -> &'static mut [u32] {
    digits_mut(v, n)
}

fn alloc(vm: &mut Vm<'_>, ndigits: usize) -> PyResult<Value> {
    vm.alloc_obj(&INT_TYPE, ndigits.max(1).saturating_mul(4).saturating_add(HDR))
}

fn digits_mut<'v>(v: Value, n: usize) -> &'v mut [u32] {
    // SAFETY: `v` was just allocated by `alloc` with room for `n` digits, and nothing else
    // references its digits yet.
    unsafe { core::slice::from_raw_parts_mut((v.as_ptr() as *mut u8).add(HDR) as *mut u32, n) }
}

/// Finish a result object: copy `src` if given, set the size, and return a small int when
/// the value fits one.
fn store(v: Value, out: IntOut, src: Option<&[u32]>) -> Value {
    let d = digits_mut(v, out.len);
    if let Some(s) = src {
        d.copy_from_slice(&s[..out.len]);
    }
    let r = IntRef::new(out.neg, d);
    if r.mag.len() <= 2 {
        let m = r.mag.first().copied().unwrap_or(0) as u64 | (r.mag.get(1).copied().unwrap_or(0) as u64) << 32;
        if m <= SMALL_INT_MAX as u64 {
            let i = if r.neg { -(m as i64) } else { m as i64 };
            return Value::small_int(i as isize);
        }
        if r.neg && m == SMALL_INT_MIN.unsigned_abs() as u64 {
            return Value::small_int(SMALL_INT_MIN);
        }
    }
    let len = r.mag.len();
    // SAFETY: v is our freshly allocated BigInt.
    unsafe { (*(v.as_ptr() as *mut BigInt)).size = if out.neg { -(len as isize) } else { len as isize } };
    v
}

/// Run a big-int operation writing into a fresh object of `bound` digits. Operands must be
/// rooted (they usually are: on the value stack). May collect.
/// Run a big-int operation into a fresh result (see below). May collect.
pub fn compute(
    vm: &mut Vm<'_>,
    bound: usize,
    scratch: usize,
    f: impl FnOnce(&mut [u32], &mut [u32]) -> Result<IntOut, IntError>,
) -> PyResult<Value> {
    let m = vm.roots_mark();
    let sv = if scratch > 0 {
        let s = alloc(vm, scratch)?;
        vm.push_root(s)?;
        s
    } else {
        Value::NULL
    };
    let v = alloc(vm, bound);
    vm.pop_roots(m);
    let v = v?;
    let out = digits_mut(v, bound.max(1));
    let sc: &mut [u32] = if scratch > 0 { digits_mut(sv, scratch) } else { &mut [] };
    match f(out, sc) {
        Ok(o) => Ok(store(v, o, None)),
        Err(e) => Err(raise_int_error(vm, e)),
    }
}

/// Raise the Python exception for a big-int error.
pub fn raise_int_error(vm: &mut Vm<'_>, e: IntError) -> crate::vm::Raised {
    match e {
        IntError::ZeroDivision => vm.raise_msg(&exc::ZERO_DIVISION_ERROR_TYPE, "integer division or modulo by zero"),
        IntError::Overflow => vm.raise_msg(&exc::OVERFLOW_ERROR_TYPE, "int too large"),
        IntError::InvalidBase => vm.raise_msg(&exc::VALUE_ERROR_TYPE, "int() base must be >= 2 and <= 36, or 0"),
        IntError::TooManyDigits { digits } => {
            let limit = vm.int_max_str_digits;
            vm.value_error(format_args!(
                "Exceeds the limit ({limit} digits) for integer string conversion: value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit"
            ))
        }
        IntError::NotInvertible => vm.raise_msg(&exc::VALUE_ERROR_TYPE, "base is not invertible for the given modulus"),
        IntError::InvalidLiteral => vm.raise_msg(&exc::VALUE_ERROR_TYPE, "invalid literal for int()"),
        IntError::NotANumber => vm.raise_msg(&exc::VALUE_ERROR_TYPE, "cannot convert float NaN to integer"),
        IntError::Infinite => vm.raise_msg(&exc::OVERFLOW_ERROR_TYPE, "cannot convert float infinity to integer"),
        _ => vm.raise_memory_error(),
    }
}

// ----- arithmetic -----

fn floor_div(a: i64, b: i64) -> i64 {
    let q = a / b;
    if (a % b != 0) && ((a < 0) != (b < 0)) {
        q - 1
    } else {
        q
    }
}

fn floor_mod(a: i64, b: i64) -> i64 {
    let r = a % b;
    if r != 0 && ((r < 0) != (b < 0)) {
        r + b
    } else {
        r
    }
}

/// int OP int with CPython semantics. Returns NotImplemented if either is not an int.
pub fn int_binop(vm: &mut Vm<'_>, op: BinOp, a: Value, b: Value) -> PyResult<Value> {
    let op = op.base();
    if let (Some(x), Some(y)) = (small_value(a), small_value(b)) {
        let r: Option<i64> = match op {
            BinOp::Add => x.checked_add(y),
            BinOp::Sub => x.checked_sub(y),
            BinOp::Mul => x.checked_mul(y),
            BinOp::FloorDiv | BinOp::Mod => {
                if y == 0 {
                    let msg =
                        if op == BinOp::Mod { "integer modulo by zero" } else { "integer division or modulo by zero" };
                    return Err(vm.raise_msg(&exc::ZERO_DIVISION_ERROR_TYPE, msg));
                }
                if x == i64::MIN && y == -1 {
                    None
                } else if op == BinOp::FloorDiv {
                    Some(floor_div(x, y))
                } else {
                    Some(floor_mod(x, y))
                }
            }
            BinOp::And => Some(x & y),
            BinOp::Or => Some(x | y),
            BinOp::Xor => Some(x ^ y),
            BinOp::LShift => {
                if y < 0 {
                    return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "negative shift count"));
                }
                if x == 0 {
                    Some(0)
                } else if y < 63 && (x << y) >> y == x {
                    Some(x << y)
                } else {
                    None
                }
            }
            BinOp::RShift => {
                if y < 0 {
                    return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "negative shift count"));
                }
                Some(if y >= 64 {
                    if x < 0 {
                        -1
                    } else {
                        0
                    }
                } else {
                    x >> y
                })
            }
            BinOp::TrueDiv => {
                if y == 0 {
                    return Err(vm.raise_msg(&exc::ZERO_DIVISION_ERROR_TYPE, "division by zero"));
                }
                if x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) {
                    return obj::float::new(vm, x as f64 / y as f64);
                }
                None
            }
            BinOp::Pow => {
                if y < 0 {
                    if x == 0 {
                        return Err(
                            vm.raise_msg(&exc::ZERO_DIVISION_ERROR_TYPE, "0.0 cannot be raised to a negative power")
                        );
                    }
                    return obj::float::new(vm, crate::num::float::pow(x as f64, y as f64));
                }
                let mut acc: i64 = 1;
                let mut ok = true;
                let mut e = y;
                let mut base = x;
                while e > 0 {
                    if e & 1 == 1 {
                        match acc.checked_mul(base) {
                            Some(v) => acc = v,
                            None => {
                                ok = false;
                                break;
                            }
                        }
                    }
                    e >>= 1;
                    if e > 0 {
                        match base.checked_mul(base) {
                            Some(v) => base = v,
                            None => {
                                ok = false;
                                break;
                            }
                        }
                    }
                }
                if ok {
                    Some(acc)
                } else {
                    None
                }
            }
            BinOp::MatMul => return Ok(Value::NOT_IMPLEMENTED),
            _ => return Ok(Value::NOT_IMPLEMENTED),
        };
        if let Some(r) = r {
            return from_i64(vm, r);
        }
    }
    if !is_int(a) || !is_int(b) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    big_binop(vm, op, a, b)
}

fn big_binop(vm: &mut Vm<'_>, op: BinOp, a: Value, b: Value) -> PyResult<Value> {
    let (mut ba, mut bb) = ([0u32; 2], [0u32; 2]);
    let (Some(x), Some(y)) = (int_ref(a, &mut ba), int_ref(b, &mut bb)) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    match op {
        BinOp::Add => compute(vm, bigint::add_len_bound(x.mag.len(), y.mag.len()), 0, |o, _| bigint::add(x, y, o)),
        BinOp::Sub => compute(vm, bigint::add_len_bound(x.mag.len(), y.mag.len()), 0, |o, _| bigint::sub(x, y, o)),
        BinOp::Mul => {
            let (n, s) =
                (bigint::mul_len_bound(x.mag.len(), y.mag.len()), bigint::mul_scratch_len(x.mag.len(), y.mag.len()));
            compute(vm, n, s, |o, sc| bigint::mul(x, y, o, sc))
        }
        BinOp::FloorDiv | BinOp::Mod => {
            if y.is_zero() {
                let msg =
                    if op == BinOp::Mod { "integer modulo by zero" } else { "integer division or modulo by zero" };
                return Err(vm.raise_msg(&exc::ZERO_DIVISION_ERROR_TYPE, msg));
            }
            let (q, r, s) = bigint::divmod_len_bounds(x.mag.len(), y.mag.len());
            let want_q = op == BinOp::FloorDiv;
            // scratch holds the other output followed by the algorithm's scratch
            let other = if want_q { r } else { q };
            compute(vm, if want_q { q } else { r }, other + s, |o, sc| {
                let (oth, scr) = sc.split_at_mut(other);
                if want_q {
                    bigint::divmod(x, y, o, oth, scr).map(|(q, _)| q)
                } else {
                    bigint::divmod(x, y, oth, o, scr).map(|(_, r)| r)
                }
            })
        }
        BinOp::Pow => {
            if y.neg {
                let fa = to_f64(vm, a)?;
                let fb = to_f64(vm, b)?;
                return obj::float::new(vm, crate::num::float::pow(fa, fb));
            }
            let Some(e) = to_i64(b).filter(|e| *e >= 0) else {
                return Err(vm.raise_memory_error());
            };
            let (Some(bound), Some(scratch)) =
                (bigint::pow_len_bound(x, e as u64), bigint::pow_scratch_len(x, e as u64))
            else {
                return Err(vm.raise_memory_error());
            };
            compute(vm, bound, scratch, |o, sc| bigint::pow(x, e as u64, o, sc))
        }
        BinOp::LShift | BinOp::RShift => {
            if y.neg {
                return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "negative shift count"));
            }
            let Some(n) = to_i64(b) else {
                if op == BinOp::RShift {
                    return Ok(Value::small_int(if x.neg { -1 } else { 0 }));
                }
                return Err(vm.raise_msg(&exc::OVERFLOW_ERROR_TYPE, "too many digits in integer"));
            };
            if op == BinOp::LShift {
                let Some(bound) = bigint::shl_len_bound(x.mag.len(), n as u64) else {
                    return Err(vm.raise_msg(&exc::OVERFLOW_ERROR_TYPE, "too many digits in integer"));
                };
                compute(vm, bound, 0, |o, _| bigint::shl(x, n as u64, o))
            } else {
                compute(vm, bigint::shr_len_bound(x.mag.len()), 0, |o, _| bigint::shr(x, n as u64, o))
            }
        }
        BinOp::TrueDiv => {
            if y.is_zero() {
                return Err(vm.raise_msg(&exc::ZERO_DIVISION_ERROR_TYPE, "division by zero"));
            }
            let sl = bigint::true_div_scratch_len(x.mag.len(), y.mag.len());
            let sv = alloc(vm, sl)?;
            let m = vm.roots_mark();
            vm.push_root(sv)?;
            let (mut ba2, mut bb2) = ([0u32; 2], [0u32; 2]);
            let (Some(x), Some(y)) = (int_ref(a, &mut ba2), int_ref(b, &mut bb2)) else {
                return Ok(Value::NOT_IMPLEMENTED);
            };
            let r = bigint::true_div(x, y, digits_mut(sv, sl.max(1)));
            vm.pop_roots(m);
            match r {
                Ok(f) => obj::float::new(vm, f),
                Err(IntError::Overflow) => {
                    Err(vm.raise_msg(&exc::OVERFLOW_ERROR_TYPE, "integer division result too large for a float"))
                }
                Err(e) => Err(raise_int_error(vm, e)),
            }
        }
        BinOp::And | BinOp::Or | BinOp::Xor => {
            let bound = bigint::bitwise_len_bound(x.mag.len(), y.mag.len());
            compute(vm, bound, 0, |o, _| match op {
                BinOp::And => bigint::and(x, y, o),
                BinOp::Or => bigint::or(x, y, o),
                _ => bigint::xor(x, y, o),
            })
        }
        _ => Ok(Value::NOT_IMPLEMENTED),
    }
}

/// The value as i128 if it fits.
#[allow(dead_code)]
pub fn to_i128(v: Value) -> Option<i128> {
    if let Some(i) = small_value(v) {
        return Some(i as i128);
    }
    let b = obj::downcast::<BigInt>(v)?;
    let d = b.digits(v);
    if d.len() > 3 {
        return None;
    }
    let mut m: i128 = 0;
    for (i, x) in d.iter().enumerate() {
        m |= (*x as i128) << (32 * i);
    }
    Some(if b.size < 0 { -m } else { m })
}

/// Convert an int to float (OverflowError if too large).
pub fn to_f64(vm: &mut Vm<'_>, v: Value) -> PyResult<f64> {
    if let Some(i) = small_value(v) {
        return Ok(i as f64);
    }
    let Some(b) = obj::downcast::<BigInt>(v) else { return Ok(0.0) };
    match bigint::to_f64(IntRef::new(b.size < 0, b.digits(v))) {
        Ok(f) => Ok(f),
        Err(_) => Err(vm.raise_msg(&exc::OVERFLOW_ERROR_TYPE, "int too large to convert to float")),
    }
}

/// Compare two ints.
pub fn cmp(a: Value, b: Value) -> Option<Ordering> {
    if let (Some(x), Some(y)) = (small_value(a), small_value(b)) {
        return Some(x.cmp(&y));
    }
    let (mut ba, mut bb) = ([0u32; 2], [0u32; 2]);
    let x = int_ref(a, &mut ba)?;
    let y = int_ref(b, &mut bb)?;
    Some(bigint::cmp(x, y))
}

fn richcmp(_vm: &mut Vm<'_>, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
    let Some(o) = cmp(a, b) else { return Ok(Value::NOT_IMPLEMENTED) };
    Ok(Value::bool(runtime::cmp_result(op, o)))
}

/// CPython's hash of an int.
pub fn hash_int(v: Value) -> isize {
    #[cfg(target_pointer_width = "64")]
    const BITS: u32 = 61;
    #[cfg(not(target_pointer_width = "64"))]
    const BITS: u32 = 31;
    const M: u64 = (1u64 << BITS) - 1;
    let h: i64 = if let Some(i) = small_value(v) {
        let m = (i.unsigned_abs() % M) as i64;
        if i < 0 {
            -m
        } else {
            m
        }
    } else if let Some(b) = obj::downcast::<BigInt>(v) {
        let mut x: u64 = 0;
        for d in b.digits(v).iter().rev() {
            // x = (x * 2^32 + d) mod M, done as rotations like CPython.
            for k in (0..32).rev() {
                x = ((x << 1) & M) | (x >> (BITS - 1));
                x += ((*d >> k) & 1) as u64;
                if x >= M {
                    x -= M;
                }
            }
        }
        if b.size < 0 {
            -(x as i64)
        } else {
            x as i64
        }
    } else {
        0
    };
    let h = h as isize;
    if h == -1 {
        -2
    } else {
        h
    }
}

fn hash(_vm: &mut Vm<'_>, v: Value) -> PyResult<isize> {
    Ok(hash_int(v))
}

fn truth(_vm: &mut Vm<'_>, v: Value) -> PyResult<bool> {
    // An int subclass instance holding 0 is a big-int object with no digits.
    Ok(small_value(v) != Some(0) && to_i64(v) != Some(0))
}

/// Append the decimal text of an int.
pub fn write_decimal(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf) -> PyResult<()> {
    if let Some(i) = small_value(v) {
        return sb.push_fmt(vm, format_args!("{i}"));
    }
    if let Some(i) = to_i64(v) {
        return sb.push_fmt(vm, format_args!("{i}"));
    }
    crate::numfmt::big_to_decimal(vm, v, sb)
}

/// Digits of a big int (for formatting code).
pub fn big_parts(v: Value) -> Option<(bool, &'static [u32])> {
    let b = obj::downcast::<BigInt>(v)?;
    Some((b.size < 0, b.digits(v)))
}

fn repr(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf) -> PyResult<()> {
    write_decimal(vm, v, sb)
}

fn unop(vm: &mut Vm<'_>, op: UnaryOp, v: Value) -> PyResult<Value> {
    match op {
        // An exact int (a bool or an int subclass instance gives its plain value).
        UnaryOp::Pos => exact(vm, v),
        UnaryOp::Neg => {
            if let Some(i) = small_value(v) {
                if let Some(n) = i.checked_neg() {
                    return from_i64(vm, n);
                }
            }
            int_binop(vm, BinOp::Sub, Value::small_int(0), v)
        }
        UnaryOp::Invert => {
            if let Some(i) = small_value(v) {
                return from_i64(vm, !i);
            }
            let mut bb = [0u32; 2];
            let Some(x) = int_ref(v, &mut bb) else { return Ok(Value::NOT_IMPLEMENTED) };
            compute(vm, x.mag.len() + 1, 0, |o, _| bigint::invert(x, o))
        }
        UnaryOp::Not => Ok(Value::NOT_IMPLEMENTED),
    }
}

fn binop(vm: &mut Vm<'_>, op: BinOp, a: Value, b: Value, _r: bool) -> PyResult<Value> {
    int_binop(vm, op, a, b)
}

/// Parse `text` as an int in `base` (0 = auto). May collect.
pub fn parse(vm: &mut Vm<'_>, text: &str, base: u32) -> PyResult<Value> {
    crate::numfmt::parse_int(vm, text, base)
}

fn new_int(vm: &mut Vm<'_>, _cls: Value, args: &Args<'_>) -> PyResult<Value> {
    let x = args.get(0);
    let base = if args.pos.len() > 1 { args.pos[1] } else { args.kw("base") };
    if x.is_null() {
        return Ok(Value::small_int(0));
    }
    if !base.is_null() {
        let Some(b) = small_value(base) else {
            return Err(
                vm.type_error(format_args!("'{}' object cannot be interpreted as an integer", obj::type_name(base)))
            );
        };
        let Some(s) = obj::str::as_str(x) else {
            return Err(vm.type_error(format_args!("int() can't convert non-string with explicit base")));
        };
        if b != 0 && !(2..=36).contains(&b) {
            return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "int() base must be >= 2 and <= 36, or 0"));
        }
        return parse(vm, s, b as u32);
    }
    runtime::to_int(vm, x)
}

fn int_bit_length(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let mut b = [0u32; 2];
    let Some(r) = int_ref(args.get(0), &mut b) else { return Ok(Value::small_int(0)) };
    from_i64(vm, bigint::bit_length(r.mag) as i64)
}

fn int_conjugate(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    exact(vm, args.get(0))
}

/// Argument `i` of a built-in method, given by position or by keyword `name` (NULL if absent).
fn arg(args: &Args<'_>, i: usize, name: &str) -> Value {
    if args.pos.len() > i {
        args.pos[i]
    } else {
        args.kw(name)
    }
}

/// The `byteorder` argument: true for little-endian (default 'big').
fn byteorder(vm: &mut Vm<'_>, v: Value, fname: &str) -> PyResult<bool> {
    if v.is_null() {
        return Ok(false);
    }
    match obj::str::as_str(v) {
        Some("little") => Ok(true),
        Some("big") => Ok(false),
        Some(_) => Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "byteorder must be either 'little' or 'big'")),
        None => {
            Err(vm.type_error(format_args!("{fname}() argument 'byteorder' must be str, not {}", obj::type_name(v))))
        }
    }
}

/// `int.to_bytes(length=1, byteorder='big', *, signed=False)`.
fn int_to_bytes(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let lv = arg(args, 1, "length");
    let len = if lv.is_null() { 1 } else { runtime::index_arg_typed(vm, lv)? };
    let little = byteorder(vm, arg(args, 2, "byteorder"), "to_bytes")?;
    let sv = args.kw("signed");
    let signed = !sv.is_null() && runtime::truthy(vm, sv)?;
    if len < 0 {
        return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "length argument must be non-negative"));
    }
    let mut sb = [0u32; 2];
    let Some(x) = int_ref(args.get(0), &mut sb) else {
        return Err(vm.type_error(format_args!("descriptor 'to_bytes' requires an 'int' object")));
    };
    if x.neg && !signed {
        return Err(vm.raise_msg(&exc::OVERFLOW_ERROR_TYPE, "can't convert negative int to unsigned"));
    }
    let len = len as usize;
    if (bigint::bit_length(x.mag) as usize).div_ceil(8) > len {
        return Err(vm.raise_msg(&exc::OVERFLOW_ERROR_TYPE, "int too big to convert"));
    }
    let out = obj::bytes::alloc(vm, len)?;
    let b = obj::bytes::fresh_data(out);
    // Little-endian magnitude, then two's complement for a negative value.
    for (i, byte) in b.iter_mut().enumerate() {
        *byte = x.mag.get(i / 4).map(|d| (d >> (8 * (i % 4))) as u8).unwrap_or(0);
    }
    if x.neg {
        let mut carry = true;
        for byte in b.iter_mut() {
            let (v, c) = (!*byte).overflowing_add(carry as u8);
            *byte = v;
            carry = c;
        }
    }
    // A signed value must keep its sign in the top bit.
    if signed && len > 0 && ((b[len - 1] & 0x80) != 0) != x.neg {
        return Err(vm.raise_msg(&exc::OVERFLOW_ERROR_TYPE, "int too big to convert"));
    }
    if !little {
        b.reverse();
    }
    Ok(out)
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)` (a class method).
fn int_from_bytes(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let src = arg(args, 1, "bytes");
    if src.is_null() {
        return Err(vm.type_error(format_args!("from_bytes() missing required argument 'bytes' (pos 1)")));
    }
    let little = byteorder(vm, arg(args, 2, "byteorder"), "from_bytes")?;
    let sv = args.kw("signed");
    let signed = !sv.is_null() && runtime::truthy(vm, sv)?;
    let m = vm.roots_mark();
    let data = match obj::bytes::as_bytes(src) {
        Some(_) => src,
        None if obj::str::is_str(src) => {
            return Err(vm.type_error(format_args!("cannot convert 'str' object to bytes")));
        }
        None => runtime::call(vm, obj::bytes::BYTES_TYPE.as_value(), &[src])?,
    };
    vm.push_root(data)?;
    let n = obj::bytes::as_bytes(data).map(|d| d.len()).unwrap_or(0);
    let r = compute(vm, n.div_ceil(4).max(1), 0, |out, _| {
        let d = obj::bytes::as_bytes(data).unwrap_or(&[]);
        let byte = |i: usize| if little { d[i] } else { d[n - 1 - i] };
        let neg = signed && n > 0 && byte(n - 1) & 0x80 != 0;
        out.fill(0);
        // Magnitude of a negative value: invert the bytes and add one.
        let mut carry = neg;
        for i in 0..n {
            let (v, c) = if neg { (!byte(i)).overflowing_add(carry as u8) } else { (byte(i), false) };
            carry = c;
            out[i / 4] |= (v as u32) << (8 * (i % 4));
        }
        let len = bigint::normalized_len(out);
        Ok(IntOut { neg: neg && len > 0, len })
    });
    vm.pop_roots(m);
    r
}

fn int_bit_count(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let mut b = [0u32; 2];
    let Some(r) = int_ref(args.get(0), &mut b) else { return Ok(Value::small_int(0)) };
    from_i64(vm, r.mag.iter().map(|d| d.count_ones() as i64).sum())
}

/// `(self, 1)`. May collect.
fn int_as_integer_ratio(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let v = match args.get(0) {
        Value::TRUE => Value::small_int(1),
        Value::FALSE => Value::small_int(0),
        v => v,
    };
    let t = obj::tuple::alloc(vm, 2)?;
    obj::tuple::init_item(t, 0, v);
    obj::tuple::init_item(t, 1, Value::small_int(1));
    Ok(t)
}

crate::static_qstr!(Q_BIT_COUNT, "bit_count");
crate::static_qstr!(Q_AS_INTEGER_RATIO, "as_integer_ratio");

static METHODS: &[super::Builtin] = &[
    super::Builtin::method(&Q_BIT_COUNT, int_bit_count),
    super::Builtin::method(&Q_AS_INTEGER_RATIO, int_as_integer_ratio),
    super::Builtin::method(&qstr::bit_length, int_bit_length),
    super::Builtin::method(&qstr::conjugate, int_conjugate),
    super::Builtin::method(&Q_TO_BYTES, int_to_bytes),
    super::Builtin::class_method(&Q_FROM_BYTES, int_from_bytes),
];

crate::static_qstr!(Q_TO_BYTES, "to_bytes");
crate::static_qstr!(Q_FROM_BYTES, "from_bytes");

/// The number attributes of an int (or bool): `real`, `imag`, `numerator`, `denominator`.
pub fn getattr(vm: &mut Vm<'_>, v: Value, name: Value) -> PyResult<Value> {
    match obj::str::as_str(name) {
        Some("real") | Some("numerator") => exact(vm, v),
        Some("imag") => Ok(Value::small_int(0)),
        Some("denominator") => Ok(Value::small_int(1)),
        _ => Ok(Value::NULL),
    }
}

static SLOTS: Slots = Slots {
    repr: Some(repr),
    hash: Some(hash),
    richcmp: Some(richcmp),
    truth: Some(truth),
    binop: Some(binop),
    unop: Some(unop),
    new: Some(new_int),
    getattr: Some(getattr),
    ..Slots::EMPTY
};

/// `int`.
pub static INT_TYPE: Type =
    Type::builtin(&qstr::int, Some(&obj::class::OBJECT_TYPE), Kind::Int, flags::BASETYPE, &SLOTS, METHODS);
