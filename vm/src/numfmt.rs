//! Glue between number objects and the pure algorithms in `crate::num`: int/float text
//! conversion with heap-allocated scratch space.

use core::fmt::Write as _;

use crate::num::{bigint, float};
use crate::obj::{self, exception as exc, int, str::StrBuf, str::StrBufWriter};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

struct Small {
    buf: [u8; 64],
    len: usize,
}

impl core::fmt::Write for Small {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        let b = s.as_bytes();
        if self.len + b.len() > self.buf.len() {
            return Err(core::fmt::Error);
        }
        self.buf[self.len..self.len + b.len()].copy_from_slice(b);
        self.len += b.len();
        Ok(())
    }
}

/// Append `repr(f)` (shortest round-trip, CPython's exponent rules).
pub fn float_repr(vm: &mut Vm<'_>, f: f64, sb: &mut StrBuf) -> PyResult<()> {
    let mut s = Small { buf: [0; 64], len: 0 };
    let _ = float::write_repr(f, &mut s);
    sb.push(vm, core::str::from_utf8(&s.buf[..s.len]).unwrap_or("?"))
}

/// Parse a float literal as `float(str)` does.
pub fn parse_float(s: &str) -> Option<f64> {
    float::parse(s).ok()
}

/// Allocate a scratch big int of `n` digits, rooted; returns (value, digits).
fn scratch(vm: &mut Vm<'_>, n: usize) -> PyResult<(Value, &'static mut [u32])> {
    let v = int::alloc_digits(vm, n.max(1))?;
    vm.push_root(v)?;
    Ok((v, int::digits_of_fresh(v, n.max(1))))
}

/// The digits of `mag` in `base` (see `bigint::Radix`), with CPython's limit on decimal
/// conversions: more than `sys.get_int_max_str_digits()` decimal digits (0: no limit) is a
/// ValueError, raised before the quadratic conversion when the bit length already says so.
/// Power-of-two bases are never limited.
pub fn radix<'a>(
    vm: &mut Vm<'_>,
    mag: &'a [u32],
    base: u32,
    upper: bool,
    scratch: &'a mut [u32],
) -> PyResult<bigint::Radix<'a>> {
    let limit = vm.int_max_str_digits;
    let over = |vm: &mut Vm<'_>| {
        vm.value_error(format_args!(
            "Exceeds the limit ({limit} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
        ))
    };
    if base == 10 && limit != 0 {
        // A number of b bits has at least floor((b - 1) * log10(2)) + 1 decimal digits
        // (0.30102 is just under log10(2), so this never overestimates).
        let bits = bigint::bit_length(mag);
        if bits > 0 && (bits - 1) * 30102 / 100_000 + 1 > limit as u64 {
            return Err(over(vm));
        }
    }
    let rad = bigint::Radix::new(mag, base, upper, scratch).map_err(|e| int::raise_int_error(vm, e))?;
    if base == 10 && limit != 0 && rad.len() > limit {
        return Err(over(vm));
    }
    Ok(rad)
}

/// Append the decimal text of a big int. May collect.
pub fn big_to_decimal(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf) -> PyResult<()> {
    let Some((neg, mag)) = int::big_parts(v) else { return Ok(()) };
    let m = vm.roots_mark();
    vm.push_root(v)?;
    let r = (|| {
        let (_, sc) = scratch(vm, bigint::radix_scratch_len(mag.len(), 10))?;
        let (neg2, mag2) = int::big_parts(v).unwrap_or((neg, mag));
        let rad = radix(vm, mag2, 10, false, sc)?;
        if neg2 {
            sb.push(vm, "-")?;
        }
        let mut w = StrBufWriter { vm, sb, err: None };
        let _ = rad.write(&mut w);
        match w.err {
            Some(e) => Err(e),
            None => Ok(()),
        }
    })();
    vm.pop_roots(m);
    r
}

/// Append an int in `base` (2, 8, 10, 16) without prefix or sign. May collect.
pub fn int_digits(vm: &mut Vm<'_>, v: Value, base: u32, upper: bool, sb: &mut StrBuf) -> PyResult<()> {
    let mut b = [0u32; 2];
    let Some(r) = int::int_ref(v, &mut b) else { return Ok(()) };
    let mag_len = r.mag.len();
    let m = vm.roots_mark();
    vm.push_root(v)?;
    let (_, sc) = scratch(vm, bigint::radix_scratch_len(mag_len, base))?;
    let mut b2 = [0u32; 2];
    let r2 = int::int_ref(v, &mut b2).unwrap_or(r);
    let res = match radix(vm, r2.mag, base, upper, sc) {
        Ok(rad) => {
            let mut w = StrBufWriter { vm, sb, err: None };
            let _ = rad.write(&mut w);
            match w.err {
                Some(e) => Err(e),
                None => Ok(()),
            }
        }
        Err(e) => Err(e),
    };
    vm.pop_roots(m);
    res
}

/// `int(text, base)`. May collect.
pub fn parse_int(vm: &mut Vm<'_>, text: &str, base: u32) -> PyResult<Value> {
    let bound = bigint::parse_len_bound(text.len(), base);
    let m = vm.roots_mark();
    let limit = vm.int_max_str_digits;
    let r = int::compute(vm, bound, 0, |out, _| bigint::parse_limited(text, base, limit, out));
    vm.pop_roots(m);
    match r {
        Ok(v) => Ok(v),
        Err(e) => {
            if vm.pending_is(&exc::VALUE_ERROR_TYPE) || vm.pending_is(&exc::MEMORY_ERROR_TYPE) {
                // Replace the generic message with CPython's.
                let p = vm.take_pending();
                if obj::is_instance(p, &exc::MEMORY_ERROR_TYPE) {
                    vm.pending = p;
                    return Err(e);
                }
                if let Some(a) = obj::str::as_str(exc::first_arg(p)) {
                    if a.starts_with("Exceeds") || a.starts_with("int() base") {
                        vm.pending = p;
                        return Err(e);
                    }
                }
            } else {
                return Err(e);
            }
            let r = obj::str::new(vm, text)?;
            vm.push_root(r)?;
            let rr = crate::runtime::repr(vm, r)?;
            let shown = obj::str::as_str(rr).unwrap_or("");
            let b = if base == 0 { 0 } else { base };
            let e = vm.value_error(format_args!("invalid literal for int() with base {b}: {shown}"));
            vm.pop_roots(m);
            Err(e)
        }
    }
}

/// `int(f)` (truncation). May collect.
pub fn float_to_int(vm: &mut Vm<'_>, f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(vm.raise_msg(&exc::OVERFLOW_ERROR_TYPE, "cannot convert float infinity to integer"));
    }
    let t = libm::trunc(f);
    if t.abs() < 9.0e18 {
        return int::from_i64(vm, t as i64);
    }
    int::compute(vm, bigint::FROM_F64_LEN, 0, |out, _| bigint::from_f64(f, out))
}

/// Append `f` formatted like Rust `{}` into a small stack buffer (helper for messages).
pub fn write_small(f: core::fmt::Arguments<'_>) -> ([u8; 64], usize) {
    let mut s = Small { buf: [0; 64], len: 0 };
    let _ = s.write_fmt(f);
    (s.buf, s.len)
}
