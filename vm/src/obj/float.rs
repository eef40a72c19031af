//! `float`: boxed f64 (`rom::Float` layout, heap or ROM).
//!
//! ```text
//!  FloatObj  ObjHeader | value f64
//! ```

use frostbyte_format::{BinOp, CmpOp, UnaryOp};

use super::{flags, Args, Kind, Layout, Slots, Type};
use crate::obj::{self, exception as exc, int, str::StrBuf};
use crate::qstr;
use crate::rom::ObjHeader;
use crate::runtime;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Float layout (same as `rom::Float`).
#[repr(C)]
pub struct FloatObj {
    hdr: ObjHeader,
    value: f64,
}

// SAFETY: repr(C), starts with ObjHeader; FLOAT_TYPE has kind Float; rom::Float shares it.
unsafe impl Layout for FloatObj {
    const KIND: Kind = Kind::Float;
}

/// A new float. May collect.
pub fn new(vm: &mut Vm<'_>, f: f64) -> PyResult<Value> {
    let v = vm.alloc_obj(&FLOAT_TYPE, core::mem::size_of::<FloatObj>())?;
    // SAFETY: fresh FloatObj allocation.
    unsafe { (*(v.as_ptr() as *mut FloatObj)).value = f };
    Ok(v)
}

/// The f64 of a float value.
pub fn as_f64(v: Value) -> Option<f64> {
    obj::downcast::<FloatObj>(v).map(|f| f.value)
}

/// The f64 of an exact `float` (not a subclass instance): the interpreter's fast paths.
#[inline(always)]
pub fn as_exact_f64(v: Value) -> Option<f64> {
    if v.is_obj() && core::ptr::eq(obj::type_of(v), &FLOAT_TYPE) {
        as_f64(v)
    } else {
        None
    }
}

/// A float or int (incl. bool) as f64. `Ok(None)` for other types. May raise OverflowError.
pub fn number_as_f64(vm: &mut Vm<'_>, v: Value) -> PyResult<Option<f64>> {
    if let Some(f) = as_f64(v) {
        return Ok(Some(f));
    }
    if int::is_int(v) {
        return int::to_f64(vm, v).map(Some);
    }
    Ok(None)
}

fn py_mod(a: f64, b: f64) -> f64 {
    let m = crate::num::float::fmod(a, b);
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m + b
        } else {
            m
        }
    } else {
        libm::copysign(0.0, b)
    }
}

fn py_floordiv(a: f64, b: f64) -> f64 {
    let m = crate::num::float::fmod(a, b);
    let mut div = (a - m) / b;
    if m != 0.0 && ((b < 0.0) != (m < 0.0)) {
        div -= 1.0;
    }
    if div != 0.0 {
        let mut fd = libm::floor(div);
        if div - fd > 0.5 {
            fd += 1.0;
        }
        fd
    } else {
        libm::copysign(0.0, a / b)
    }
}

/// float OP float for the arithmetic operators. May collect.
pub fn float_op(vm: &mut Vm<'_>, op: BinOp, x: f64, y: f64) -> PyResult<Value> {
    let r = match op.base() {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::TrueDiv => {
            if y == 0.0 {
                return Err(vm.raise_msg(&exc::ZERO_DIVISION_ERROR_TYPE, "float division by zero"));
            }
            x / y
        }
        BinOp::FloorDiv => {
            if y == 0.0 {
                return Err(vm.raise_msg(&exc::ZERO_DIVISION_ERROR_TYPE, "float floor division by zero"));
            }
            py_floordiv(x, y)
        }
        BinOp::Mod => {
            if y == 0.0 {
                return Err(vm.raise_msg(&exc::ZERO_DIVISION_ERROR_TYPE, "float modulo"));
            }
            py_mod(x, y)
        }
        BinOp::Pow => {
            if x == 0.0 && y < 0.0 {
                return Err(vm.raise_msg(&exc::ZERO_DIVISION_ERROR_TYPE, "0.0 cannot be raised to a negative power"));
            }
            if x < 0.0 && y != libm::floor(y) && y.is_finite() {
                // A negative base to a fractional power is complex, as in CPython.
                #[cfg(feature = "complex")]
                return obj::complex::power(vm, (x, 0.0), (y, 0.0));
                #[cfg(not(feature = "complex"))]
                return Err(
                    vm.raise_msg(&exc::VALUE_ERROR_TYPE, "negative number cannot be raised to a fractional power")
                );
            }
            let r = crate::num::float::pow(x, y);
            if r.is_infinite() && x.is_finite() && y.is_finite() {
                return Err(
                    vm.raise_fmt(&exc::OVERFLOW_ERROR_TYPE, format_args!("(34, 'Numerical result out of range')"))
                );
            }
            r
        }
        _ => return Ok(Value::NOT_IMPLEMENTED),
    };
    new(vm, r)
}

fn binop(vm: &mut Vm<'_>, op: BinOp, a: Value, b: Value, _r: bool) -> PyResult<Value> {
    let Some(x) = number_as_f64(vm, a)? else { return Ok(Value::NOT_IMPLEMENTED) };
    let Some(y) = number_as_f64(vm, b)? else { return Ok(Value::NOT_IMPLEMENTED) };
    float_op(vm, op, x, y)
}

fn cmp_f(op: CmpOp, x: f64, y: f64) -> bool {
    crate::num::ordered(op, x, y).unwrap_or(false)
}

fn richcmp(vm: &mut Vm<'_>, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
    let (fa, fb) = (as_f64(a), as_f64(b));
    match (fa, fb) {
        (Some(x), Some(y)) => Ok(Value::bool(cmp_f(op, x, y))),
        (Some(x), None) if int::is_int(b) => cmp_float_int(vm, x, b, op, false),
        (None, Some(y)) if int::is_int(a) => cmp_float_int(vm, y, a, op, true),
        _ => Ok(Value::NOT_IMPLEMENTED),
    }
}

/// Exact comparison of float `x` with int `i` (`swapped`: the int is the left operand).
fn cmp_float_int(vm: &mut Vm<'_>, x: f64, i: Value, op: CmpOp, swapped: bool) -> PyResult<Value> {
    use core::cmp::Ordering;
    let ord: Option<Ordering> = if x.is_nan() {
        None
    } else if x.is_infinite() {
        Some(if x > 0.0 { Ordering::Greater } else { Ordering::Less })
    } else if let Some(s) = int::small_value(i).filter(|s| s.unsigned_abs() < (1 << 53)) {
        x.partial_cmp(&(s as f64))
    } else {
        // Compare floor(x) exactly as an int, then the fractional part.
        let fl = libm::floor(x);
        let fi = crate::numfmt::float_to_int(vm, fl)?;
        let m = vm.roots_mark();
        vm.push_root(fi)?;
        let c = int::cmp(fi, i);
        vm.pop_roots(m);
        match c {
            Some(Ordering::Equal) if x > fl => Some(Ordering::Greater),
            c => c,
        }
    };
    let ord = if swapped { ord.map(|o| o.reverse()) } else { ord };
    let r = match ord {
        None => op == CmpOp::Ne,
        Some(o) => crate::runtime::cmp_result(op, o),
    };
    Ok(Value::bool(r))
}

#[allow(dead_code)]
fn sign_of_int(v: Value) -> f64 {
    match int::cmp(v, Value::small_int(0)) {
        Some(core::cmp::Ordering::Less) => -1.0,
        _ => 1.0,
    }
}

/// CPython's `_Py_HashDouble` (without the NaN identity hash: NaN hashes to 0).
pub fn hash_f64(f: f64) -> isize {
    #[cfg(target_pointer_width = "64")]
    const BITS: i32 = 61;
    #[cfg(not(target_pointer_width = "64"))]
    const BITS: i32 = 31;
    const M: u64 = (1u64 << BITS) - 1;
    if f.is_infinite() {
        return if f > 0.0 { 314159 } else { -314159 };
    }
    if f.is_nan() {
        return 0;
    }
    let (mut m, mut e) = libm::frexp(f);
    let mut sign = 1i64;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & M) | x >> (BITS - 28);
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= M {
            x -= M;
        }
    }
    let e = if e >= 0 { e % BITS } else { BITS - 1 - ((-1 - e) % BITS) };
    x = ((x << e) & M) | x >> (BITS - e);
    let h = (x as i64 * sign) as isize;
    if h == -1 {
        -2
    } else {
        h
    }
}

fn hash(_vm: &mut Vm<'_>, v: Value) -> PyResult<isize> {
    Ok(hash_f64(as_f64(v).unwrap_or(0.0)))
}

fn truth(_vm: &mut Vm<'_>, v: Value) -> PyResult<bool> {
    Ok(as_f64(v).unwrap_or(0.0) != 0.0)
}

fn repr(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf) -> PyResult<()> {
    crate::numfmt::float_repr(vm, as_f64(v).unwrap_or(0.0), sb)
}

fn unop(vm: &mut Vm<'_>, op: UnaryOp, v: Value) -> PyResult<Value> {
    let f = as_f64(v).unwrap_or(0.0);
    match op {
        UnaryOp::Neg => new(vm, -f),
        UnaryOp::Pos => Ok(v),
        _ => Ok(Value::NOT_IMPLEMENTED),
    }
}

fn new_float(vm: &mut Vm<'_>, _cls: Value, args: &Args<'_>) -> PyResult<Value> {
    let x = args.get(0);
    if x.is_null() {
        return new(vm, 0.0);
    }
    if let Some(f) = as_f64(x) {
        // A float subclass instance gives an exact float.
        return if core::ptr::eq(obj::type_of(x), &FLOAT_TYPE) { Ok(x) } else { new(vm, f) };
    }
    if let Some(s) = obj::str::as_str(x) {
        return match crate::numfmt::parse_float(s) {
            Some(f) => new(vm, f),
            None => {
                let m = vm.roots_mark();
                let r = runtime::repr(vm, x)?;
                vm.push_root(r)?;
                let t = obj::str::as_str(r).unwrap_or("");
                let e = vm.value_error(format_args!("could not convert string to float: {t}"));
                vm.pop_roots(m);
                Err(e)
            }
        };
    }
    if int::is_int(x) {
        let f = int::to_f64(vm, x)?;
        return new(vm, f);
    }
    if let Some(r) = runtime::call_dunder(vm, x, &qstr::__float__, &[])? {
        return Ok(r);
    }
    Err(vm.type_error(format_args!("float() argument must be a string or a real number, not '{}'", obj::type_name(x))))
}

fn is_integer(_vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let f = as_f64(args.get(0)).unwrap_or(0.0);
    Ok(Value::bool(f.is_finite() && f == libm::floor(f)))
}

fn getattr(vm: &mut Vm<'_>, v: Value, name: Value) -> PyResult<Value> {
    match obj::str::as_str(name) {
        Some("real") => Ok(v),
        Some("imag") => new(vm, 0.0),
        _ => Ok(Value::NULL),
    }
}

fn conjugate(_vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    Ok(args.get(0))
}

/// `float.as_integer_ratio()`: the exact fraction in lowest terms. May collect.
fn as_integer_ratio(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let f = as_f64(args.get(0)).unwrap_or(0.0);
    if f.is_infinite() {
        return Err(vm.raise_msg(&exc::OVERFLOW_ERROR_TYPE, "cannot convert Infinity to integer ratio"));
    }
    if f.is_nan() {
        return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "cannot convert NaN to integer ratio"));
    }
    let (m, e) = libm::frexp(f);
    // m * 2^53 is an integer; drop its trailing zero bits.
    let mut mant = (m * (1u64 << 53) as f64) as i64;
    let mut exp = e - 53;
    while mant != 0 && mant & 1 == 0 {
        mant >>= 1;
        exp += 1;
    }
    if mant == 0 {
        exp = 0;
    }
    let m0 = vm.roots_mark();
    let n = int::from_i64(vm, mant)?;
    vm.push_root(n)?;
    let (num, den) = if exp >= 0 {
        (runtime::binary_op(vm, BinOp::LShift, n, Value::small_int(exp as isize))?, Value::small_int(1))
    } else {
        let one = Value::small_int(1);
        (n, runtime::binary_op(vm, BinOp::LShift, one, Value::small_int(-exp as isize))?)
    };
    vm.push_root(num)?;
    vm.push_root(den)?;
    let t = obj::tuple::alloc(vm, 2);
    vm.pop_roots(m0);
    let t = t?;
    obj::tuple::init_item(t, 0, num);
    obj::tuple::init_item(t, 1, den);
    Ok(t)
}

/// `float.hex()`: CPython's `float_hex` layout (`-0x1.8000000000000p+1`).
fn hex(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let x = as_f64(args.get(0)).unwrap_or(0.0);
    let mut sb = StrBuf::new(vm)?;
    if !x.is_finite() {
        crate::numfmt::float_repr(vm, x, &mut sb)?;
        return sb.finish(vm);
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        sb.push_fmt(vm, format_args!("{sign}0x0.0p+0"))?;
        return sb.finish(vm);
    }
    let (mut m, mut e) = libm::frexp(x.abs());
    let shift = 1 - (-1021 - e).max(0);
    m = libm::ldexp(m, shift);
    e -= shift;
    let lead = m as u32;
    m -= lead as f64;
    sb.push_fmt(vm, format_args!("{sign}0x{lead:x}."))?;
    for _ in 0..13 {
        m *= 16.0;
        let d = m as u32;
        sb.push_fmt(vm, format_args!("{d:x}"))?;
        m -= d as f64;
    }
    sb.push_fmt(vm, format_args!("p{}{}", if e < 0 { '-' } else { '+' }, e.abs()))?;
    sb.finish(vm)
}

/// `float.fromhex(s)` (a class method). Round to nearest even through a 64-bit mantissa
/// with a sticky bit for the digits beyond it.
fn fromhex(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    runtime::check_nargs(vm, "fromhex", args, 2, 2)?;
    let Some(s) = obj::str::as_str(args.pos[1]) else {
        return Err(vm.type_error(format_args!("bad argument type for built-in operation")));
    };
    match parse_hex(s) {
        Some(f) if f.is_infinite() && !s.bytes().any(|c| c.eq_ignore_ascii_case(&b'i')) => {
            Err(vm.raise_msg(&exc::OVERFLOW_ERROR_TYPE, "hexadecimal value too large to represent as a float"))
        }
        Some(f) => new(vm, f),
        None => Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "invalid hexadecimal floating-point string")),
    }
}

fn parse_hex(s: &str) -> Option<f64> {
    let s = s.trim_matches(|c: char| c.is_ascii_whitespace());
    let (neg, s) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let sign = if neg { -1.0 } else { 1.0 };
    if s.eq_ignore_ascii_case("inf") || s.eq_ignore_ascii_case("infinity") {
        return Some(sign * f64::INFINITY);
    }
    if s.eq_ignore_ascii_case("nan") {
        return Some(f64::NAN);
    }
    let b = s.as_bytes();
    let mut i = if b.len() >= 2 && b[0] == b'0' && (b[1] | 0x20) == b'x' { 2 } else { 0 };
    let (mut mant, mut sticky, mut exp, mut ndigits, mut seen_point) = (0u64, false, 0i64, 0, false);
    while i < b.len() {
        match b[i] {
            b'.' if !seen_point => seen_point = true,
            c if c.is_ascii_hexdigit() => {
                let d = (c as char).to_digit(16).unwrap_or(0) as u64;
                ndigits += 1;
                if mant >> 60 == 0 {
                    mant = mant << 4 | d;
                    if seen_point {
                        exp -= 4;
                    }
                } else {
                    sticky |= d != 0;
                    if !seen_point {
                        exp += 4;
                    }
                }
            }
            _ => break,
        }
        i += 1;
    }
    if ndigits == 0 {
        return None;
    }
    if i < b.len() {
        if b[i] | 0x20 != b'p' {
            return None;
        }
        let e: i64 = s[i + 1..].parse::<i64>().ok().or_else(|| {
            let t = &s[i + 1..];
            let digits = t.trim_start_matches(['+', '-']);
            (!digits.is_empty() && digits.bytes().all(|c| c.is_ascii_digit()) && t.len() - digits.len() <= 1)
                .then(|| if t.starts_with('-') { -100000 } else { 100000 })
        })?;
        exp = exp.saturating_add(e.clamp(-100000, 100000));
    }
    if mant == 0 {
        return Some(sign * 0.0);
    }
    // Normalise to a 64-bit mantissa with the sticky bit in its lowest bit, then let the
    // conversion to f64 round (exact unless the result is subnormal).
    while mant >> 63 == 0 {
        mant <<= 1;
        exp -= 1;
    }
    if sticky {
        mant |= 1;
    }
    let top = exp + 64;
    if top > 1024 {
        return Some(sign * f64::INFINITY);
    }
    if top < -1074 {
        return Some(sign * 0.0);
    }
    let f = if top <= -1021 {
        // Subnormal: round the mantissa to the bits that remain, then scale exactly.
        let keep = (top + 1074).max(0) as u32;
        let drop = 64 - keep;
        let q = if drop >= 64 { 0 } else { mant >> drop };
        let rem = if drop >= 64 { mant } else { mant & ((1u64 << drop) - 1) };
        let half = if drop == 0 { 0 } else { 1u64 << (drop - 1) };
        let q = if rem > half || (rem == half && drop > 0 && q & 1 == 1) { q + 1 } else { q };
        libm::ldexp(q as f64, -1074)
    } else {
        libm::ldexp(mant as f64, exp as i32)
    };
    Some(sign * f)
}

crate::static_qstr!(Q_AS_INTEGER_RATIO, "as_integer_ratio");
crate::static_qstr!(Q_FROMHEX, "fromhex");

static METHODS: &[super::Builtin] = &[
    super::Builtin::method(&qstr::is_integer, is_integer),
    super::Builtin::method(&qstr::conjugate, conjugate),
    super::Builtin::method(&Q_AS_INTEGER_RATIO, as_integer_ratio),
    super::Builtin::method(&qstr::hex, hex),
    super::Builtin::class_method(&Q_FROMHEX, fromhex),
];

static SLOTS: Slots = Slots {
    repr: Some(repr),
    hash: Some(hash),
    richcmp: Some(richcmp),
    truth: Some(truth),
    binop: Some(binop),
    unop: Some(unop),
    new: Some(new_float),
    getattr: Some(getattr),
    ..Slots::EMPTY
};

/// `float`.
pub static FLOAT_TYPE: Type =
    Type::builtin(&qstr::float, Some(&obj::class::OBJECT_TYPE), Kind::Float, flags::BASETYPE, &SLOTS, METHODS);
