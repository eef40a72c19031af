//! `math` (MICROPY_PY_MATH): libm's functions with CPython's domain and range errors, the
//! exact integer functions (`gcd`, `lcm`, `isqrt`, `comb`, `perm`, `factorial`), and
//! CPython's own algorithms where its output differs from a plain libm call: `fsum`
//! (Shewchuk's exact partials, as `math_fsum`), `hypot`/`dist` (the scaled, corrected
//! `vector_norm` of CPython 3.11), `isclose`, `ulp`, `prod`.
//!
//! Without the `math` feature the module is absent and the libm functions only it uses are
//! not linked.

use crate::obj::{self, exception as exc, Args};
use crate::qstr;
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use frostbyte_format::BinOp;

rom_module!("math",
    fns: [
        m_sqrt as "sqrt", m_exp as "exp", m_exp2 as "exp2", m_expm1 as "expm1", m_log as "log",
        m_log10 as "log10", m_log2 as "log2", m_log1p as "log1p", m_sin as "sin", m_cos as "cos",
        m_tan as "tan", m_asin as "asin", m_acos as "acos", m_atan as "atan", m_atan2 as "atan2",
        m_sinh as "sinh", m_cosh as "cosh", m_tanh as "tanh", m_asinh as "asinh",
        m_acosh as "acosh", m_atanh as "atanh", m_cbrt as "cbrt", m_erf as "erf",
        m_erfc as "erfc", m_gamma as "gamma", m_lgamma as "lgamma", m_fabs as "fabs",
        m_degrees as "degrees", m_radians as "radians", m_hypot as "hypot", m_dist as "dist",
        m_floor as "floor", m_ceil as "ceil", m_trunc as "trunc", m_isnan as "isnan",
        m_isinf as "isinf", m_isfinite as "isfinite", m_isclose as "isclose", m_gcd as "gcd",
        m_lcm as "lcm", m_isqrt as "isqrt", m_comb as "comb", m_perm as "perm",
        m_factorial as "factorial", m_prod as "prod", m_fsum as "fsum",
        m_copysign as "copysign", m_fmod as "fmod", m_remainder as "remainder",
        m_frexp as "frexp", m_ldexp as "ldexp", m_modf as "modf", m_nextafter as "nextafter",
        m_ulp as "ulp", m_pow as "pow",
    ],
    values: [
        pi => Value::rom(&PI),
        e => Value::rom(&E),
        tau => Value::rom(&TAU),
        inf => Value::rom(&INF),
        nan => Value::rom(&NAN),
    ],
);

fn num(vm: &mut Vm<'_>, v: Value) -> PyResult<f64> {
    if obj::type_of(v).is_heap() && obj::float::as_f64(v).is_none() && !obj::int::is_int(v) {
        // An object with __float__ (or __index__), as CPython's PyFloat_AsDouble.
        if let Some(r) = crate::runtime::call_dunder(vm, v, &qstr::__float__, &[])? {
            return match obj::float::as_f64(r) {
                Some(f) => Ok(f),
                None => Err(vm.type_error(format_args!(
                    "{}.__float__ returned non-float (type {})",
                    obj::type_name(v),
                    obj::type_name(r)
                ))),
            };
        }
        if let Some(r) = crate::runtime::call_dunder(vm, v, &qstr::__index__, &[])? {
            if obj::int::is_int(r) {
                return obj::int::to_f64(vm, r);
            }
        }
    }
    match obj::float::number_as_f64(vm, v)? {
        Some(f) => Ok(f),
        None => Err(vm.type_error(format_args!("must be real number, not {}", obj::type_name(v)))),
    }
}

/// One-argument math functions: `domain` says which arguments are valid; a function marked
/// `overflow` raises OverflowError when a finite argument gives an infinite result (CPython's
/// math_1 with can_overflow).
macro_rules! math1 {
    ($($name:ident => $f:expr, $domain:expr $(, $overflow:ident)?;)*) => {
        $(fn $name(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
            let x = num(vm, a.get(0))?;
            let ok: fn(f64) -> bool = $domain;
            if !ok(x) {
                return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "math domain error"));
            }
            let f: fn(f64) -> f64 = $f;
            let r = f(x);
            $(
                let _ = stringify!($overflow);
                if r.is_infinite() && x.is_finite() {
                    return Err(vm.raise_msg(&exc::OVERFLOW_ERROR_TYPE, "math range error"));
                }
            )?
            obj::float::new(vm, r)
        })*
    };
}

math1! {
    m_sqrt => libm::sqrt, |x| x >= 0.0 || x.is_nan();
    m_exp => libm::exp, |_| true, overflow;
    m_log10 => libm::log10, |x| x > 0.0 || x.is_nan();
    m_log2 => libm::log2, |x| x > 0.0 || x.is_nan();
    m_sin => libm::sin, |x| x.is_finite() || x.is_nan();
    m_cos => libm::cos, |x| x.is_finite() || x.is_nan();
    m_tan => libm::tan, |x| x.is_finite() || x.is_nan();
    m_asin => libm::asin, |x| (-1.0..=1.0).contains(&x);
    m_acos => libm::acos, |x| (-1.0..=1.0).contains(&x);
    m_atan => libm::atan, |_| true;
    m_fabs => libm::fabs, |_| true;
    m_sinh => libm::sinh, |_| true, overflow;
    m_cosh => libm::cosh, |_| true, overflow;
    m_tanh => libm::tanh, |_| true;
    m_degrees => |x| x * (180.0 / core::f64::consts::PI), |_| true;
    m_exp2 => libm::exp2, |_| true, overflow;
    m_expm1 => libm::expm1, |_| true, overflow;
    m_log1p => libm::log1p, |x| x > -1.0 || x.is_nan();
    m_asinh => libm::asinh, |_| true;
    m_acosh => libm::acosh, |x| x >= 1.0 || x.is_nan();
    m_atanh => libm::atanh, |x| (x > -1.0 && x < 1.0) || x.is_nan();
    m_cbrt => libm::cbrt, |_| true;
    m_erf => libm::erf, |_| true;
    m_erfc => libm::erfc, |_| true;
    m_gamma => libm::tgamma, |x| !(x == f64::NEG_INFINITY || (x <= 0.0 && x == libm::floor(x))), overflow;
    m_lgamma => |x| libm::lgamma_r(x).0, |x| !(x <= 0.0 && x == libm::floor(x) && x.is_finite()), overflow;
    m_radians => |x| x * (core::f64::consts::PI / 180.0), |_| true;
}

fn m_log(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let x = num(vm, a.get(0))?;
    if x <= 0.0 {
        return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "math domain error"));
    }
    let r = if a.pos.len() > 1 {
        let b = num(vm, a.pos[1])?;
        libm::log(x) / libm::log(b)
    } else {
        libm::log(x)
    };
    obj::float::new(vm, r)
}

fn m_pow(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let x = num(vm, a.get(0))?;
    let y = num(vm, a.get(1))?;
    let r = crate::num::float::pow(x, y);
    // CPython's math_pow: errors only for finite operands.
    if x.is_finite() && y.is_finite() {
        if r.is_nan() || (r.is_infinite() && x == 0.0) {
            return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "math domain error"));
        }
        if r.is_infinite() {
            return Err(vm.raise_msg(&exc::OVERFLOW_ERROR_TYPE, "math range error"));
        }
    }
    obj::float::new(vm, r)
}
fn m_atan2(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let y = num(vm, a.get(0))?;
    let x = num(vm, a.get(1))?;
    obj::float::new(vm, libm::atan2(y, x))
}
/// `math.floor`/`ceil`/`trunc`: the class's `dunder` (`__floor__`, ...) if it defines one,
/// else the rounded float value (`trunc`: TypeError, as CPython).
fn to_int_round<const N: usize>(
    vm: &mut Vm<'_>,
    a: &Args<'_>,
    f: fn(f64) -> f64,
    dunder: &'static crate::rom::Qstr<N>,
) -> PyResult<Value> {
    let v = a.get(0);
    if let Some(r) = crate::runtime::call_dunder(vm, v, dunder, &[])? {
        return Ok(r);
    }
    if obj::int::is_int(v) {
        return crate::runtime::to_int(vm, v);
    }
    if obj::float::as_f64(v).is_none() && obj::type_of(v).is_heap() && Value::qstr(dunder) == Value::qstr(&Q_DTRUNC) {
        let n = obj::str::as_str(Value::qstr(dunder)).unwrap_or("");
        return Err(vm.type_error(format_args!("type {} doesn't define {n} method", obj::type_name(v))));
    }
    let x = num(vm, v)?;
    crate::numfmt::float_to_int(vm, f(x))
}
crate::static_qstr!(Q_DFLOOR, "__floor__");
crate::static_qstr!(Q_DCEIL, "__ceil__");
crate::static_qstr!(Q_DTRUNC, "__trunc__");
fn m_floor(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    to_int_round(vm, a, libm::floor, &Q_DFLOOR)
}
fn m_ceil(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    to_int_round(vm, a, libm::ceil, &Q_DCEIL)
}
fn m_trunc(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    to_int_round(vm, a, libm::trunc, &Q_DTRUNC)
}
fn m_isnan(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    Ok(Value::bool(num(vm, a.get(0))?.is_nan()))
}
fn m_isinf(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    Ok(Value::bool(num(vm, a.get(0))?.is_infinite()))
}
fn m_isfinite(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    Ok(Value::bool(num(vm, a.get(0))?.is_finite()))
}
fn m_gcd(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let mark = vm.roots_mark();
    let mut g = Value::small_int(0);
    for &v in a.pos {
        if !obj::int::is_int(v) {
            return Err(
                vm.type_error(format_args!("'{}' object cannot be interpreted as an integer", obj::type_name(v)))
            );
        }
        g = int_gcd(vm, g, v)?;
        vm.pop_roots(mark);
        vm.push_root(g)?;
    }
    vm.pop_roots(mark);
    Ok(g)
}

/// `gcd(|a|, |b|)` of two ints: 64-bit Euclid once both fit an `i64`, Python `%` before
/// that. May collect.
fn int_gcd(vm: &mut Vm<'_>, a: Value, b: Value) -> PyResult<Value> {
    let mark = vm.roots_mark();
    let (mut p, mut q) = (int_abs(vm, a)?, b);
    vm.push_root(p)?;
    q = int_abs(vm, q)?;
    vm.push_root(q)?;
    loop {
        if let (Some(x), Some(y)) = (obj::int::to_i64(p), obj::int::to_i64(q)) {
            let (mut x, mut y) = (x.unsigned_abs(), y.unsigned_abs());
            while y != 0 {
                let t = x % y;
                x = y;
                y = t;
            }
            vm.pop_roots(mark);
            // Only gcd(-2**63, 0) does not fit an i64.
            return match i64::try_from(x) {
                Ok(g) => obj::int::from_i64(vm, g),
                Err(_) => int_abs(vm, a),
            };
        }
        if obj::int::small_value(q) == Some(0) {
            vm.pop_roots(mark);
            return Ok(p);
        }
        let t = crate::runtime::binary_op(vm, frostbyte_format::BinOp::Mod, p, q)?;
        p = q;
        q = t;
        vm.pop_roots(mark);
        vm.push_root(p)?;
        vm.push_root(q)?;
    }
}

/// `abs(v)` of an int. May collect.
fn int_abs(vm: &mut Vm<'_>, v: Value) -> PyResult<Value> {
    let neg = match obj::int::small_value(v) {
        Some(i) => i < 0,
        None => obj::int::big_parts(v).is_some_and(|(neg, _)| neg),
    };
    if neg {
        crate::runtime::unary_op(vm, frostbyte_format::UnaryOp::Neg, v)
    } else {
        Ok(v)
    }
}
fn m_factorial(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let v = a.get(0);
    let Some(n) = obj::int::to_i64(v).filter(|_| obj::int::is_int(v)) else {
        return Err(vm.type_error(format_args!("'{}' object cannot be interpreted as an integer", obj::type_name(v))));
    };
    if n < 0 {
        return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "factorial() not defined for negative values"));
    }
    let mut acc = Value::small_int(1);
    let m = vm.roots_mark();
    vm.push_root(acc)?;
    for i in 2..=n {
        acc = obj::int::int_binop(vm, frostbyte_format::BinOp::Mul, acc, Value::small_int(i as isize))?;
        vm.set_root(m, acc);
    }
    vm.pop_roots(m);
    Ok(acc)
}
fn m_copysign(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let x = num(vm, a.get(0))?;
    let y = num(vm, a.get(1))?;
    obj::float::new(vm, libm::copysign(x, y))
}
fn m_fmod(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let x = num(vm, a.get(0))?;
    let y = num(vm, a.get(1))?;
    if y == 0.0 {
        return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "math domain error"));
    }
    obj::float::new(vm, crate::num::float::fmod(x, y))
}

static PI: crate::rom::Float = crate::rom::Float::new(core::f64::consts::PI);
static E: crate::rom::Float = crate::rom::Float::new(core::f64::consts::E);
static TAU: crate::rom::Float = crate::rom::Float::new(core::f64::consts::TAU);
static INF: crate::rom::Float = crate::rom::Float::new(f64::INFINITY);
static NAN: crate::rom::Float = crate::rom::Float::new(f64::NAN);

fn float_pair(vm: &mut Vm<'_>, a: f64, b: Value) -> PyResult<Value> {
    let x = obj::float::new(vm, a)?;
    let m = vm.roots_mark();
    vm.push_root(x)?;
    let r = obj::tuple::new(vm, &[x, b]);
    vm.pop_roots(m);
    r
}

fn two_floats(vm: &mut Vm<'_>, a: &Args<'_>, name: &str) -> PyResult<(f64, f64)> {
    if a.pos.len() != 2 {
        return Err(vm.type_error(format_args!("{name} expected 2 arguments, got {}", a.pos.len())));
    }
    Ok((num(vm, a.pos[0])?, num(vm, a.pos[1])?))
}

fn m_remainder(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let (x, y) = two_floats(vm, a, "remainder")?;
    if x.is_nan() || y.is_nan() {
        return obj::float::new(vm, f64::NAN);
    }
    if x.is_infinite() || y == 0.0 {
        return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "math domain error"));
    }
    if y.is_infinite() {
        return obj::float::new(vm, x);
    }
    obj::float::new(vm, libm::remainder(x, y))
}

fn m_nextafter(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let (x, y) = two_floats(vm, a, "nextafter")?;
    obj::float::new(vm, libm::nextafter(x, y))
}

fn m_ulp(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let x = libm::fabs(num(vm, a.get(0))?);
    if x.is_nan() || x.is_infinite() {
        return obj::float::new(vm, x);
    }
    let up = libm::nextafter(x, f64::INFINITY);
    let r = if up.is_infinite() { x - libm::nextafter(x, f64::NEG_INFINITY) } else { up - x };
    obj::float::new(vm, r)
}

fn m_frexp(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let x = num(vm, a.get(0))?;
    let (m, e) = if x == 0.0 || !x.is_finite() { (x, 0) } else { libm::frexp(x) };
    float_pair(vm, m, Value::small_int(e as isize))
}

fn m_ldexp(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let x = num(vm, a.get(0))?;
    let iv = a.get(1);
    if !obj::int::is_int(iv) {
        return Err(vm.type_error(format_args!("Expected an int as second argument to ldexp.")));
    }
    let i = obj::int::to_i64(iv).unwrap_or(if crate::runtime::is_negative(iv) { i64::MIN } else { i64::MAX });
    if x == 0.0 || !x.is_finite() {
        return obj::float::new(vm, x);
    }
    let i = i.clamp(-10_000, 10_000) as i32;
    let r = libm::ldexp(x, i);
    if r.is_infinite() {
        return Err(vm.raise_msg(&exc::OVERFLOW_ERROR_TYPE, "math range error"));
    }
    obj::float::new(vm, r)
}

fn m_modf(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let x = num(vm, a.get(0))?;
    let (f, i) = if x.is_infinite() { (libm::copysign(0.0, x), x) } else { libm::modf(x) };
    let iv = obj::float::new(vm, i)?;
    let m = vm.roots_mark();
    vm.push_root(iv)?;
    let r = float_pair(vm, f, iv);
    vm.pop_roots(m);
    r
}

fn m_isclose(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    if a.pos.len() != 2 {
        let n = a.pos.len();
        return Err(vm.type_error(format_args!("isclose() takes exactly 2 positional arguments ({n} given)")));
    }
    let x = num(vm, a.pos[0])?;
    let y = num(vm, a.pos[1])?;
    let rv = a.kw("rel_tol");
    let av = a.kw("abs_tol");
    let rel = if rv.is_null() { 1e-9 } else { num(vm, rv)? };
    let abs = if av.is_null() { 0.0 } else { num(vm, av)? };
    if rel < 0.0 || abs < 0.0 {
        return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "tolerances must be non-negative"));
    }
    if x == y {
        return Ok(Value::TRUE);
    }
    if x.is_infinite() || y.is_infinite() {
        return Ok(Value::FALSE);
    }
    let diff = libm::fabs(y - x);
    Ok(Value::bool(diff <= libm::fabs(rel * y) || diff <= libm::fabs(rel * x) || diff <= abs))
}

/// CPython 3.11's `vector_norm`: the Euclidean norm of `n` finite magnitudes `at(i)`
/// (`max` the largest), squared exactly after a power-of-two scaling, then corrected.
fn vector_norm(n: usize, at: &mut dyn FnMut(usize) -> f64, max: f64, found_nan: bool) -> f64 {
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || n <= 1 {
        return max;
    }
    let (_, max_e) = libm::frexp(max);
    if max_e < -1023 {
        // Subnormals: scale them up to normals first.
        let mut scaled = |i: usize| at(i) / f64::MIN_POSITIVE;
        return f64::MIN_POSITIVE * vector_norm(n, &mut scaled, max / f64::MIN_POSITIVE, false);
    }
    let scale = libm::ldexp(1.0, -max_e);
    let (mut csum, mut frac1, mut frac2) = (1.0f64, 0.0f64, 0.0f64);
    let dl_mul = |x: f64, y: f64| {
        let z = x * y;
        (z, libm::fma(x, y, -z))
    };
    let dl_fast_sum = |a: f64, b: f64| {
        let x = a + b;
        (x, (a - x) + b)
    };
    for i in 0..n {
        let x = at(i) * scale;
        let (hi, lo) = dl_mul(x, x);
        let (s, slo) = dl_fast_sum(csum, hi);
        csum = s;
        frac1 += lo;
        frac2 += slo;
    }
    let mut h = libm::sqrt(csum - 1.0 + (frac1 + frac2));
    let (hi, lo) = dl_mul(-h, h);
    let (s, slo) = dl_fast_sum(csum, hi);
    csum = s;
    frac1 += lo;
    frac2 += slo;
    let x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    h / scale
}

/// The magnitudes of `vals` (`|vals[i] - sub[i]|` with `sub`) as floats, checked once:
/// their largest and whether one is a NaN. May run Python code (`__float__`).
fn magnitudes(vm: &mut Vm<'_>, vals: &[Value], sub: Option<&[Value]>) -> PyResult<(f64, bool)> {
    let (mut max, mut nan) = (0.0f64, false);
    for (i, v) in vals.iter().enumerate() {
        let mut x = num(vm, *v)?;
        if let Some(q) = sub {
            x -= num(vm, q[i])?;
        }
        let x = libm::fabs(x);
        nan |= x.is_nan();
        if x > max {
            max = x;
        }
    }
    Ok((max, nan))
}

fn m_hypot(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let vals = a.pos;
    let (max, nan) = magnitudes(vm, vals, None)?;
    let mut at = |i: usize| {
        libm::fabs(obj::float::as_f64(vals[i]).or_else(|| obj::int::to_i64(vals[i]).map(|x| x as f64)).unwrap_or(0.0))
    };
    let all_plain = vals.iter().all(|v| obj::float::as_f64(*v).is_some() || obj::int::to_i64(*v).is_some());
    if !all_plain {
        // Objects with __float__: their values converted once more.
        let mut buf = [0.0f64; 64];
        if vals.len() > buf.len() {
            return Err(vm.type_error(format_args!("hypot() takes at most 64 non-float arguments")));
        }
        for (i, v) in vals.iter().enumerate() {
            buf[i] = libm::fabs(num(vm, *v)?);
        }
        let mut at2 = |i: usize| buf[i];
        return obj::float::new(vm, vector_norm(vals.len(), &mut at2, max, nan));
    }
    let r = vector_norm(vals.len(), &mut at, max, nan);
    obj::float::new(vm, r)
}

/// The items of a tuple or list, or of a new list made from an iterable (rooted by the
/// caller through `keep`). May collect.
fn seq_items(vm: &mut Vm<'_>, v: Value) -> PyResult<Value> {
    if obj::tuple::items(v).is_some() || obj::list::as_list(v).is_some() {
        return Ok(v);
    }
    obj::list::from_iter(vm, v)
}

fn items_of(v: Value) -> &'static [Value] {
    obj::tuple::items(v).or_else(|| obj::list::as_list(v).map(|l| l.as_slice())).unwrap_or(&[])
}

fn m_dist(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    if a.pos.len() != 2 {
        return Err(vm.type_error(format_args!("dist expected 2 arguments, got {}", a.pos.len())));
    }
    let m = vm.roots_mark();
    let p = seq_items(vm, a.pos[0])?;
    vm.push_root(p)?;
    let q = seq_items(vm, a.pos[1])?;
    vm.push_root(q)?;
    let r = dist_rooted(vm, p, q);
    vm.pop_roots(m);
    r
}

fn dist_rooted(vm: &mut Vm<'_>, p: Value, q: Value) -> PyResult<Value> {
    let (pi, qi) = (items_of(p), items_of(q));
    if pi.len() != qi.len() {
        return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "both points must have the same number of dimensions"));
    }
    let n = pi.len();
    if n > 64 {
        return Err(vm.type_error(format_args!("dist() supports at most 64 dimensions")));
    }
    let mut buf = [0.0f64; 64];
    let (mut max, mut nan) = (0.0f64, false);
    for (i, slot) in buf.iter_mut().enumerate().take(n) {
        let (pi, qi) = (items_of(p), items_of(q));
        let (x, y) = (pi.get(i).copied().unwrap_or(Value::NONE), qi.get(i).copied().unwrap_or(Value::NONE));
        let d = libm::fabs(num(vm, x)? - num(vm, y)?);
        *slot = d;
        nan |= d.is_nan();
        if d > max {
            max = d;
        }
    }
    let mut at = |i: usize| buf[i];
    obj::float::new(vm, vector_norm(n, &mut at, max, nan))
}

/// `math.fsum`: Shewchuk's exactly rounded sum (CPython's `math_fsum`, partials on the
/// stack: a double sum needs at most about 40 of them).
fn m_fsum(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let m = vm.roots_mark();
    let it = crate::runtime::get_iter(vm, a.get(0))?;
    vm.push_root(it)?;
    let r = fsum_iter(vm, it);
    vm.pop_roots(m);
    let r = r?;
    obj::float::new(vm, r)
}

fn fsum_iter(vm: &mut Vm<'_>, it: Value) -> PyResult<f64> {
    let mut p = [0.0f64; 80];
    let mut n = 0usize;
    let (mut special_sum, mut inf_sum) = (0.0f64, 0.0f64);
    while let Some(item) = crate::runtime::next(vm, it)? {
        let mut x = num(vm, item)?;
        let xsave = x;
        let mut i = 0;
        for j in 0..n {
            let mut y = p[j];
            if libm::fabs(x) < libm::fabs(y) {
                core::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                p[i] = lo;
                i += 1;
            }
            x = hi;
        }
        n = i;
        if x != 0.0 {
            if !x.is_finite() {
                if xsave.is_finite() {
                    return Err(vm.raise_msg(&exc::OVERFLOW_ERROR_TYPE, "intermediate overflow in fsum"));
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                n = 0;
            } else if n < p.len() {
                p[n] = x;
                n += 1;
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "-inf + inf in fsum"));
        }
        return Ok(special_sum);
    }
    let mut hi = 0.0f64;
    if n > 0 {
        n -= 1;
        hi = p[n];
        let mut lo = 0.0f64;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = p[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(hi)
}

/// `prod(iterable, *, start=1)`. May collect.
fn m_prod(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    if a.pos.len() != 1 {
        let n = a.pos.len();
        return Err(vm.type_error(format_args!("prod() takes exactly 1 positional argument ({n} given)")));
    }
    let s = a.kw("start");
    let mut acc = if s.is_null() { Value::small_int(1) } else { s };
    let m = vm.roots_mark();
    let it = crate::runtime::get_iter(vm, a.pos[0])?;
    vm.push_root(it)?;
    vm.push_root(acc)?;
    let r = loop {
        match crate::runtime::next(vm, it) {
            Ok(Some(x)) => {
                vm.push_root(x)?;
                match crate::runtime::binary_op(vm, BinOp::Mul, acc, x) {
                    Ok(v) => acc = v,
                    Err(e) => break Err(e),
                }
                vm.pop_roots(m + 1);
                vm.push_root(acc)?;
            }
            Ok(None) => break Ok(acc),
            Err(e) => break Err(e),
        }
    };
    vm.pop_roots(m);
    r
}

/// An int argument through `__index__` (CPython's `PyNumber_Index`). May run Python code.
fn index_int(vm: &mut Vm<'_>, v: Value) -> PyResult<Value> {
    if obj::int::is_int(v) {
        return if obj::type_of(v).is_heap() { obj::int::exact(vm, v) } else { Ok(v) };
    }
    if let Some(r) = crate::runtime::call_dunder(vm, v, &qstr::__index__, &[])? {
        if obj::int::is_int(r) {
            return Ok(r);
        }
        return Err(vm.type_error(format_args!("__index__ returned non-int (type {})", obj::type_name(r))));
    }
    Err(vm.type_error(format_args!("'{}' object cannot be interpreted as an integer", obj::type_name(v))))
}

fn int_op(vm: &mut Vm<'_>, op: BinOp, a: Value, b: Value) -> PyResult<Value> {
    obj::int::int_binop(vm, op, a, b)
}

fn m_lcm(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let m = vm.roots_mark();
    let mut acc = Value::small_int(1);
    vm.push_root(acc)?;
    for &v in a.pos {
        let x = index_int(vm, v)?;
        vm.push_root(x)?;
        if obj::int::small_value(acc) == Some(0) || obj::int::small_value(x) == Some(0) {
            acc = Value::small_int(0);
        } else {
            let g = int_gcd(vm, acc, x)?;
            vm.push_root(g)?;
            let q = int_op(vm, BinOp::FloorDiv, acc, g)?;
            vm.push_root(q)?;
            let p = int_op(vm, BinOp::Mul, q, x)?;
            vm.push_root(p)?;
            acc = int_abs(vm, p)?;
        }
        vm.pop_roots(m);
        vm.push_root(acc)?;
    }
    vm.pop_roots(m);
    Ok(acc)
}

/// The number of bits of a non-negative int.
fn bit_length(v: Value) -> u64 {
    if let Some(i) = obj::int::to_i64(v) {
        return 64 - u64::from(i.unsigned_abs().leading_zeros());
    }
    match obj::int::big_parts(v) {
        Some((_, d)) if !d.is_empty() => {
            let top = d[d.len() - 1];
            32 * (d.len() as u64 - 1) + (32 - u64::from(top.leading_zeros()))
        }
        _ => 0,
    }
}

fn m_isqrt(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let n = index_int(vm, a.get(0))?;
    if crate::runtime::is_negative(n) {
        return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "isqrt() argument must be nonnegative"));
    }
    if let Some(i) = obj::int::to_i64(n) {
        let u = i as u64;
        let mut r = libm::sqrt(u as f64) as u64;
        while r.checked_mul(r).is_none_or(|s| s > u) {
            r -= 1;
        }
        while (r + 1).checked_mul(r + 1).is_some_and(|s| s <= u) {
            r += 1;
        }
        return obj::int::from_i64(vm, r as i64);
    }
    // Newton's iteration from a power of two at least the root.
    let m = vm.roots_mark();
    vm.push_root(n)?;
    let shift = bit_length(n).div_ceil(2);
    let mut x = int_op(vm, BinOp::LShift, Value::small_int(1), Value::small_int(shift as isize))?;
    vm.push_root(x)?;
    loop {
        let q = int_op(vm, BinOp::FloorDiv, n, x)?;
        vm.push_root(q)?;
        let s = int_op(vm, BinOp::Add, x, q)?;
        vm.push_root(s)?;
        let y = int_op(vm, BinOp::RShift, s, Value::small_int(1))?;
        if obj::int::cmp(y, x) != Some(core::cmp::Ordering::Less) {
            break;
        }
        x = y;
        vm.pop_roots(m + 1);
        vm.push_root(x)?;
    }
    vm.pop_roots(m);
    Ok(x)
}

/// `comb` and `perm`'s arguments: `(n, k)` as ints, both checked non-negative.
fn n_k(vm: &mut Vm<'_>, nv: Value, kv: Value) -> PyResult<(Value, Value)> {
    let n = index_int(vm, nv)?;
    let m = vm.roots_mark();
    vm.push_root(n)?;
    let k = index_int(vm, kv)?;
    vm.pop_roots(m);
    if crate::runtime::is_negative(n) {
        return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "n must be a non-negative integer"));
    }
    if crate::runtime::is_negative(k) {
        return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "k must be a non-negative integer"));
    }
    Ok((n, k))
}

/// `n * (n-1) * ... * (n-k+1)`, divided step by step by `1, 2, ..., k` when `comb`.
/// May collect.
fn falling(vm: &mut Vm<'_>, n: Value, k: u64, comb: bool) -> PyResult<Value> {
    let m = vm.roots_mark();
    vm.push_root(n)?;
    let mut acc = Value::small_int(1);
    vm.push_root(acc)?;
    for i in 0..k {
        let f = int_op(vm, BinOp::Sub, n, Value::small_int(i as isize))?;
        vm.push_root(f)?;
        acc = int_op(vm, BinOp::Mul, acc, f)?;
        if comb {
            vm.push_root(acc)?;
            acc = int_op(vm, BinOp::FloorDiv, acc, Value::small_int(i as isize + 1))?;
        }
        vm.pop_roots(m + 1);
        vm.push_root(acc)?;
    }
    vm.pop_roots(m);
    Ok(acc)
}

fn m_comb(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    if a.pos.len() != 2 {
        return Err(vm.type_error(format_args!("comb expected 2 arguments, got {}", a.pos.len())));
    }
    let (n, k) = n_k(vm, a.pos[0], a.pos[1])?;
    if obj::int::cmp(k, n) == Some(core::cmp::Ordering::Greater) {
        return Ok(Value::small_int(0));
    }
    let m = vm.roots_mark();
    vm.push_root(n)?;
    let nk = int_op(vm, BinOp::Sub, n, k)?;
    vm.pop_roots(m);
    let kk = if obj::int::cmp(nk, k) == Some(core::cmp::Ordering::Less) { nk } else { k };
    let Some(kk) = obj::int::to_i64(kk) else {
        return Err(vm.raise_fmt(&exc::OVERFLOW_ERROR_TYPE, format_args!("min(n - k, k) must not exceed {}", i64::MAX)));
    };
    falling(vm, n, kk as u64, true)
}

fn m_perm(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    if a.pos.is_empty() || a.pos.len() > 2 {
        return Err(vm.type_error(format_args!("perm expected at most 2 arguments, got {}", a.pos.len())));
    }
    let kv = a.pos.get(1).copied().unwrap_or(Value::NONE);
    if kv == Value::NONE {
        let n = index_int(vm, a.pos[0])?;
        if crate::runtime::is_negative(n) {
            return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "factorial() not defined for negative values"));
        }
        let Some(k) = obj::int::to_i64(n) else {
            return Err(vm.raise_fmt(&exc::OVERFLOW_ERROR_TYPE, format_args!("n must not exceed {}", i64::MAX)));
        };
        return falling(vm, n, k as u64, false);
    }
    let (n, k) = n_k(vm, a.pos[0], kv)?;
    if obj::int::cmp(k, n) == Some(core::cmp::Ordering::Greater) {
        return Ok(Value::small_int(0));
    }
    let Some(k) = obj::int::to_i64(k) else {
        return Err(vm.raise_fmt(&exc::OVERFLOW_ERROR_TYPE, format_args!("k must not exceed {}", i64::MAX)));
    };
    falling(vm, n, k as u64, false)
}
