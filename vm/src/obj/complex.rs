//! `complex`: boxed pair of f64 (`rom::Complex` layout, heap or ROM). Arithmetic follows
//! CPython 3.11's `complexobject.c` (ints and floats take part as `complex(x, 0.0)`).
//!
//! ```text
//!  ComplexObj  ObjHeader | real f64 | imag f64
//! ```

use frostbyte_format::{BinOp, CmpOp, UnaryOp};

use super::{Args, Builtin, Kind, Layout, Slots, Type};
use crate::obj::{self, exception as exc, float, int, str::StrBuf};
use crate::qstr;
use crate::rom::ObjHeader;
use crate::runtime;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Complex layout (same as `rom::Complex`).
#[repr(C)]
pub struct ComplexObj {
    hdr: ObjHeader,
    real: f64,
    imag: f64,
}

// SAFETY: repr(C), starts with ObjHeader; COMPLEX_TYPE has kind Complex; rom::Complex
// shares the layout.
unsafe impl Layout for ComplexObj {
    const KIND: Kind = Kind::Complex;
}

/// A complex number as (real, imag).
type C = (f64, f64);

/// A new complex. May collect.
pub fn new(vm: &mut Vm<'_>, (re, im): C) -> PyResult<Value> {
    let v = vm.alloc_obj(&COMPLEX_TYPE, core::mem::size_of::<ComplexObj>())?;
    // SAFETY: fresh ComplexObj allocation.
    unsafe {
        let p = v.as_ptr() as *mut ComplexObj;
        (*p).real = re;
        (*p).imag = im;
    }
    Ok(v)
}

/// The parts of a complex value.
pub fn as_complex(v: Value) -> Option<C> {
    obj::downcast::<ComplexObj>(v).map(|c| (c.real, c.imag))
}

/// A complex, float or int operand as complex; `Ok(None)` for other types. May raise
/// OverflowError (an int too large for a float).
fn operand(vm: &mut Vm<'_>, v: Value) -> PyResult<Option<C>> {
    if let Some(c) = as_complex(v) {
        return Ok(Some(c));
    }
    Ok(float::number_as_f64(vm, v)?.map(|f| (f, 0.0)))
}

fn mul(a: C, b: C) -> C {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// CPython's `_Py_c_quot`; `None` on division by zero.
pub(crate) fn quot(a: C, b: C) -> Option<C> {
    let (abs_r, abs_i) = (b.0.abs(), b.1.abs());
    if abs_r >= abs_i {
        if abs_r == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Some(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_i >= abs_r {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Some(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        Some((f64::NAN, f64::NAN))
    }
}

/// CPython's `complex_pow` without a modulus: `Err(true)` for a zero base to a negative or
/// complex power, `Err(false)` for an overflow.
fn pow(a: C, b: C) -> Result<C, bool> {
    let n = b.0 as i64;
    let r = if b.1 == 0.0 && b.0 == n as f64 && n.abs() <= 100 {
        // Repeated squaring (`c_powi`).
        let (mut r, mut p, mut k) = ((1.0, 0.0), a, n.unsigned_abs());
        while k > 0 {
            if k & 1 == 1 {
                r = mul(r, p);
            }
            p = mul(p, p);
            k >>= 1;
        }
        if n < 0 {
            quot((1.0, 0.0), r).ok_or(true)?
        } else {
            r
        }
    } else if b == (0.0, 0.0) {
        (1.0, 0.0)
    } else if a == (0.0, 0.0) {
        if b.1 != 0.0 || b.0 < 0.0 {
            return Err(true);
        }
        (0.0, 0.0)
    } else {
        let vabs = libm::hypot(a.0, a.1);
        let mut len = libm::pow(vabs, b.0);
        let at = libm::atan2(a.1, a.0);
        let mut phase = at * b.0;
        if b.1 != 0.0 {
            len /= libm::exp(at * b.1);
            phase += b.1 * libm::log(vabs);
        }
        (len * libm::cos(phase), len * libm::sin(phase))
    };
    if r.0.is_infinite() || r.1.is_infinite() {
        return Err(false);
    }
    Ok(r)
}

/// `a ** b` as a new complex. May collect.
pub fn power(vm: &mut Vm<'_>, a: C, b: C) -> PyResult<Value> {
    match pow(a, b) {
        Ok(r) => new(vm, r),
        Err(true) => Err(vm.raise_msg(&exc::ZERO_DIVISION_ERROR_TYPE, "0.0 to a negative or complex power")),
        Err(false) => Err(vm.raise_msg(&exc::OVERFLOW_ERROR_TYPE, "complex exponentiation")),
    }
}

fn binop(vm: &mut Vm<'_>, op: BinOp, a: Value, b: Value, _reflected: bool) -> PyResult<Value> {
    let (Some(x), Some(y)) = (operand(vm, a)?, operand(vm, b)?) else { return Ok(Value::NOT_IMPLEMENTED) };
    let r = match op.base() {
        BinOp::Add => (x.0 + y.0, x.1 + y.1),
        BinOp::Sub => (x.0 - y.0, x.1 - y.1),
        BinOp::Mul => mul(x, y),
        BinOp::TrueDiv => match quot(x, y) {
            Some(r) => r,
            None => return Err(vm.raise_msg(&exc::ZERO_DIVISION_ERROR_TYPE, "complex division by zero")),
        },
        BinOp::Pow => return power(vm, x, y),
        _ => return Ok(Value::NOT_IMPLEMENTED),
    };
    new(vm, r)
}

fn unop(vm: &mut Vm<'_>, op: UnaryOp, v: Value) -> PyResult<Value> {
    let c = as_complex(v).unwrap_or((0.0, 0.0));
    match op {
        UnaryOp::Neg => new(vm, (-c.0, -c.1)),
        UnaryOp::Pos => new(vm, c),
        _ => Ok(Value::NOT_IMPLEMENTED),
    }
}

fn truth(_vm: &mut Vm<'_>, v: Value) -> PyResult<bool> {
    Ok(as_complex(v).is_some_and(|c| c.0 != 0.0 || c.1 != 0.0))
}

fn richcmp(vm: &mut Vm<'_>, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
    if !matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let x = as_complex(a).unwrap_or((0.0, 0.0));
    let eq = if let Some(y) = as_complex(b) {
        x == y
    } else if let Some(f) = float::as_f64(b) {
        x == (f, 0.0)
    } else if int::is_int(b) {
        // Exact: compare the int with the real part as float == int does.
        x.1 == 0.0 && {
            let f = float::new(vm, x.0)?;
            runtime::eq(vm, f, b)?
        }
    } else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    Ok(Value::bool(eq == (op == CmpOp::Eq)))
}

/// CPython's complex hash: hash(real) + 1000003 * hash(imag), -1 becoming -2.
fn hash(_vm: &mut Vm<'_>, v: Value) -> PyResult<isize> {
    let c = as_complex(v).unwrap_or((0.0, 0.0));
    let h =
        (float::hash_f64(c.0) as usize).wrapping_add(1000003usize.wrapping_mul(float::hash_f64(c.1) as usize)) as isize;
    Ok(if h == -1 { -2 } else { h })
}

/// One part as CPython's complex repr writes it: the float's repr without a trailing ".0".
fn push_part(vm: &mut Vm<'_>, f: f64, sign: bool, sb: &mut StrBuf) -> PyResult<()> {
    struct Buf([u8; 32], usize);
    impl core::fmt::Write for Buf {
        fn write_str(&mut self, s: &str) -> core::fmt::Result {
            let end = self.1 + s.len();
            self.0.get_mut(self.1..end).ok_or(core::fmt::Error)?.copy_from_slice(s.as_bytes());
            self.1 = end;
            Ok(())
        }
    }
    let mut t = Buf([0; 32], 0);
    let _ = crate::num::float::write_repr(f, &mut t);
    let s = core::str::from_utf8(&t.0[..t.1]).unwrap_or("?");
    let s = s.strip_suffix(".0").unwrap_or(s);
    if sign && !s.starts_with('-') {
        sb.push(vm, "+")?;
    }
    sb.push(vm, s)
}

fn repr(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf) -> PyResult<()> {
    let (re, im) = as_complex(v).unwrap_or((0.0, 0.0));
    if re == 0.0 && re.is_sign_positive() {
        push_part(vm, im, false, sb)?;
        return sb.push(vm, "j");
    }
    sb.push(vm, "(")?;
    push_part(vm, re, false, sb)?;
    push_part(vm, im, true, sb)?;
    sb.push(vm, "j)")
}

/// Parse `complex(str)` (CPython's `complex_from_string_inner`).
fn parse(s: &str) -> Option<C> {
    let space = |c: char| c.is_whitespace();
    let mut s = s.trim_matches(space);
    if let Some(inner) = s.strip_prefix('(') {
        s = inner.strip_suffix(')')?.trim_matches(space);
    }
    if s.is_empty() || s.contains(space) {
        return None;
    }
    let num = |t: &str| -> Option<f64> {
        match t {
            "" | "+" => Some(1.0),
            "-" => Some(-1.0),
            _ if t.ends_with(['+', '-']) || t.starts_with("++") => None,
            _ => crate::numfmt::parse_float(t),
        }
    };
    let Some(body) = s.strip_suffix(['j', 'J']) else {
        return Some((crate::numfmt::parse_float(s)?, 0.0));
    };
    // The imaginary part starts at the last sign that is not the first character and does
    // not follow an exponent marker.
    let b = body.as_bytes();
    let split = (1..b.len()).rev().find(|&i| matches!(b[i], b'+' | b'-') && !matches!(b[i - 1], b'e' | b'E'));
    match split {
        Some(k) => {
            let re = &body[..k];
            if re.ends_with(['+', '-']) {
                return None;
            }
            Some((crate::numfmt::parse_float(re)?, num(&body[k..])?))
        }
        None => Some((0.0, num(body)?)),
    }
}

/// `complex(x)` for a number or an object with `__complex__`; `Ok(None)` for other types.
/// May run Python code.
pub(crate) fn to_complex(vm: &mut Vm<'_>, x: Value) -> PyResult<Option<(C, bool)>> {
    if let Some(c) = as_complex(x) {
        return Ok(Some((c, true)));
    }
    if let Some(r) = runtime::call_dunder(vm, x, &Q_COMPLEX, &[])? {
        return match as_complex(r) {
            Some(c) => Ok(Some((c, true))),
            None => Err(vm.type_error(format_args!("__complex__ returned non-complex (type {})", obj::type_name(r)))),
        };
    }
    if let Some(f) = float::number_as_f64(vm, x)? {
        return Ok(Some(((f, 0.0), false)));
    }
    if let Some(r) = runtime::call_dunder(vm, x, &qstr::__float__, &[])? {
        if let Some(f) = float::as_f64(r) {
            return Ok(Some(((f, 0.0), false)));
        }
    }
    if let Some(r) = runtime::call_dunder(vm, x, &qstr::__index__, &[])? {
        if let Some(f) = float::number_as_f64(vm, r)? {
            return Ok(Some(((f, 0.0), false)));
        }
    }
    Ok(None)
}

fn new_complex(vm: &mut Vm<'_>, _cls: Value, args: &Args<'_>) -> PyResult<Value> {
    runtime::check_nargs(vm, "complex", args, 0, 2)?;
    let r = if args.pos.is_empty() { args.kw("real") } else { args.get(0) };
    let i = if args.pos.len() > 1 { args.get(1) } else { args.kw("imag") };
    if r.is_null() && i.is_null() {
        return new(vm, (0.0, 0.0));
    }
    if let Some(s) = obj::str::as_str(r) {
        if !i.is_null() {
            return Err(vm.type_error(format_args!("complex() can't take second arg if first is a string")));
        }
        return match parse(s) {
            Some(c) => new(vm, c),
            None => Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "complex() arg is a malformed string")),
        };
    }
    if obj::str::is_str(i) {
        return Err(vm.type_error(format_args!("complex() second arg can't be a string")));
    }
    if as_complex(r).is_some() && i.is_null() && core::ptr::eq(obj::type_of(r), &COMPLEX_TYPE) {
        return Ok(r);
    }
    let (cr, cr_complex) = if r.is_null() {
        ((0.0, 0.0), false)
    } else {
        match to_complex(vm, r)? {
            Some(c) => c,
            None => {
                return Err(vm.type_error(format_args!(
                    "complex() first argument must be a string or a number, not '{}'",
                    obj::type_name(r)
                )))
            }
        }
    };
    let (mut re, mut im) = (cr.0, cr.1);
    if !i.is_null() {
        let Some((ci, ci_complex)) = to_complex(vm, i)? else {
            return Err(
                vm.type_error(format_args!("complex() second argument must be a number, not '{}'", obj::type_name(i)))
            );
        };
        if ci_complex {
            re -= ci.1;
        }
        im = if cr_complex { ci.0 + cr.1 } else { ci.0 };
    }
    new(vm, (re, im))
}

fn getattr(vm: &mut Vm<'_>, v: Value, name: Value) -> PyResult<Value> {
    let c = as_complex(v).unwrap_or((0.0, 0.0));
    match obj::str::as_str(name) {
        Some("real") => float::new(vm, c.0),
        Some("imag") => float::new(vm, c.1),
        _ => Ok(Value::NULL),
    }
}

fn this(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<C> {
    as_complex(args.get(0)).ok_or_else(|| vm.type_error(format_args!("descriptor requires a 'complex' object")))
}

fn conjugate(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let c = this(vm, args)?;
    new(vm, (c.0, -c.1))
}

/// `abs(c)`: the modulus. May collect.
pub fn abs(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let c = this(vm, args)?;
    let r = libm::hypot(c.0, c.1);
    if r.is_infinite() && c.0.is_finite() && c.1.is_finite() {
        return Err(vm.raise_msg(&exc::OVERFLOW_ERROR_TYPE, "absolute value too large"));
    }
    float::new(vm, r)
}

fn complex_(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let c = this(vm, args)?;
    if core::ptr::eq(obj::type_of(args.get(0)), &COMPLEX_TYPE) {
        return Ok(args.get(0));
    }
    new(vm, c)
}

crate::static_qstr!(Q_COMPLEX, "__complex__");
crate::static_qstr!(Q_COMPLEX_NAME, "complex");

static METHODS: &[Builtin] = &[
    Builtin::method(&qstr::conjugate, conjugate),
    Builtin::method(&qstr::__abs__, abs),
    Builtin::method(&Q_COMPLEX, complex_),
];

static SLOTS: Slots = Slots {
    repr: Some(repr),
    hash: Some(hash),
    richcmp: Some(richcmp),
    truth: Some(truth),
    binop: Some(binop),
    unop: Some(unop),
    new: Some(new_complex),
    getattr: Some(getattr),
    ..Slots::EMPTY
};

/// `complex`.
pub static COMPLEX_TYPE: Type = Type::builtin(
    &Q_COMPLEX_NAME,
    Some(&obj::class::OBJECT_TYPE),
    Kind::Complex,
    super::flags::BASETYPE,
    &SLOTS,
    METHODS,
);
