//! Float text conversion and arithmetic helpers with CPython 3.11 semantics.
//!
//! - [`write_repr`]: `repr(float)`/`str(float)`: the shortest digits that round-trip, positional
//!   for exponents -4..=15 (with `.0` for integral values), else `1e+16`, `1.5e-07`.
//! - [`FloatText`]: `PyOS_double_to_string` for the `e`, `f`, `g` and `r` codes with precision,
//!   `#` (alternate), add-dot-0 and `z` (no negative zero) flags. The format-spec and `%`
//!   formatters build on it; it exposes the integer digits and the rest separately so they can
//!   group thousands and pad.
//! - [`round_ndigits`] / [`round_half_even`]: `round(x, n)` and `round(x)`.
//! - [`divmod`], [`floor_div`], [`rem`]: Python's float `//`, `%` (result takes the divisor's
//!   sign) and `divmod`.
//! - [`hash`]: `float.__hash__`, equal to the hash of an equal int (modulus 2^61 - 1).
//! - [`parse`]: `float(text)`: whitespace, sign, underscores between digits, `inf`,
//!   `infinity`, `nan` (any case).
//!
//! Digits come from [`dtoa`](super::dtoa) (exact, no core float formatting or parsing) into a
//! buffer the caller provides: 17 bytes for repr, 32 for common precisions ([`with_text`]); an
//! f64 has at most 767 significant decimal digits, so [`MAX_DIGITS`] always suffices and larger
//! precisions only add virtual zeros. The buffer is never copied or nested with another one in
//! a call chain (native stack).

use core::fmt::{self, Write};

use super::dtoa::{self, Mode};

/// Digit buffer size that holds every significant digit of any f64 (at most 767).
pub const MAX_DIGITS: usize = 800;

/// A decimal digit string `0.d1d2...dn × 10^decpt` (trailing zeros stripped; zero is `"0"`
/// with `decpt == 1`, as `dtoa` returns it).
struct Digits<'a> {
    buf: &'a mut [u8],
    n: usize,
    decpt: i32,
    /// A non-zero digit did not fit the buffer (only `round_ndigits` uses a short one).
    sticky: bool,
}

impl<'a> Digits<'a> {
    fn new(buf: &'a mut [u8]) -> Digits<'a> {
        Digits { buf, n: 0, decpt: 0, sticky: false }
    }

    /// Sets `self` to the digits of `|x|` (finite) in the given mode. The buffer must hold
    /// every significant digit the mode produces (17 for `Shortest`, at most 767 otherwise).
    #[inline(never)]
    fn fill(&mut self, x: f64, mode: Mode) {
        let (n, decpt, sticky) = dtoa::digits(x, mode, self.buf);
        self.sticky = sticky;
        if n == 0 {
            if let Some(c) = self.buf.first_mut() {
                *c = b'0';
            }
            self.n = 1;
            self.decpt = 1;
        } else {
            self.n = n;
            self.decpt = decpt;
        }
    }

    fn is_zero(&self) -> bool {
        self.n == 1 && self.buf.first() == Some(&b'0')
    }

    /// Digit at virtual index `i` (zeros outside the string).
    fn at(&self, i: i64) -> u8 {
        match usize::try_from(i) {
            Ok(i) if i < self.n => self.buf.get(i).copied().unwrap_or(b'0'),
            _ => b'0',
        }
    }
}

/// How to format a float: CPython's `PyOS_double_to_string` arguments.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FloatStyle {
    /// `b'e'`, `b'f'`, `b'g'` or `b'r'` (repr).
    pub code: u8,
    /// Digits after the point (`e`, `f`) or significant digits (`g`); ignored for `r`.
    pub precision: usize,
    /// `E`/`F`/`G`: upper-case exponent and `INF`/`NAN`.
    pub upper: bool,
    /// `#`: keep the point and (for `g`) trailing zeros.
    pub alternate: bool,
    /// Give integral positional results a `.0` (repr, and the format spec without a type).
    pub add_dot_0: bool,
    /// `z`: drop the sign of a result that rounds to zero.
    pub no_neg_zero: bool,
}

impl FloatStyle {
    /// `repr(x)`.
    pub const REPR: FloatStyle =
        FloatStyle { code: b'r', precision: 0, upper: false, alternate: false, add_dot_0: true, no_neg_zero: false };

    /// The style for a presentation type `e E f F g G` with a precision (`r` for repr).
    /// Returns `None` for other characters.
    pub fn new(ty: char, precision: usize) -> Option<FloatStyle> {
        let (code, upper) = match ty {
            'e' | 'f' | 'g' | 'r' => (ty as u8, false),
            'E' | 'F' | 'G' => (ty.to_ascii_lowercase() as u8, true),
            _ => return None,
        };
        Some(FloatStyle { code, precision, upper, alternate: false, add_dot_0: code == b'r', no_neg_zero: false })
    }

    /// An upper bound on the significant digits [`FloatText::new`] keeps for `x` (every f64
    /// has at most 767, so [`MAX_DIGITS`] always suffices).
    pub fn digits_needed(&self, x: f64) -> usize {
        let p = self.precision.min(MAX_DIGITS);
        match self.code {
            b'e' => p + 1,
            b'g' => p.max(1),
            b'f' => {
                // |x| < 2^e2, so there are at most e2 * log10(2) + 1 digits before the point.
                let e2 = ((x.to_bits() >> 52) & 0x7ff) as usize;
                let e2 = e2.saturating_sub(1022);
                e2 * 30103 / 100_000 + 2 + p
            }
            _ => 17,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Finite,
    Inf,
    Nan,
}

/// A float laid out as text (`PyOS_double_to_string`), split into the sign, the integer digits
/// (which the format spec may group) and the rest (point, fraction, exponent; or `inf`/`nan`).
pub struct FloatText<'a> {
    neg: bool,
    kind: Kind,
    d: Digits<'a>,
    decpt: i64,
    vend: i64,
    use_exp: bool,
    exp: i64,
    alt: bool,
    upper: bool,
}

impl<'a> FloatText<'a> {
    /// Lays out `x` in `style`, with its digits in `buf`, which must hold
    /// [`FloatStyle::digits_needed`] bytes.
    pub fn new(x: f64, style: &FloatStyle, buf: &'a mut [u8]) -> FloatText<'a> {
        let mut t = FloatText {
            neg: x.is_sign_negative(),
            kind: Kind::Finite,
            d: Digits::new(buf),
            decpt: 0,
            vend: 0,
            use_exp: false,
            exp: 0,
            alt: style.alternate,
            upper: style.upper,
        };
        if x.is_nan() {
            t.kind = Kind::Nan;
            t.neg = false;
            return t;
        }
        if x.is_infinite() {
            t.kind = Kind::Inf;
            return t;
        }
        let p = style.precision;
        let (mode, vend) = match style.code {
            b'e' => (Mode::Significant(p.saturating_add(1)), Some(p.saturating_add(1))),
            b'f' => (Mode::Fixed(p.min(i64::MAX as usize / 4) as i64), None),
            b'g' => (Mode::Significant(p.max(1)), None),
            _ => (Mode::Shortest, None),
        };
        t.d.fill(x, mode);
        if style.no_neg_zero && t.d.is_zero() {
            t.neg = false;
        }
        let n = t.d.n as i64;
        let mut decpt = t.d.decpt as i64;
        let p = p.min(i64::MAX as usize / 4) as i64;
        let mut vend = vend.map_or(n, |v| v.min(i64::MAX as usize / 4) as i64);
        match style.code {
            b'e' => t.use_exp = true,
            b'f' => vend = decpt + p,
            b'g' => {
                let p = p.max(1);
                let limit = if style.add_dot_0 { p - 1 } else { p };
                t.use_exp = decpt <= -4 || decpt > limit;
                if style.alternate {
                    vend = p;
                }
            }
            _ => t.use_exp = decpt <= -4 || decpt > 16,
        }
        if t.use_exp {
            t.exp = decpt - 1;
            decpt = 1;
        }
        let min_end = if !t.use_exp && style.add_dot_0 { decpt + 1 } else { decpt };
        t.vend = vend.max(min_end).max(n);
        t.decpt = decpt;
        t
    }

    /// Does the text start with a minus sign?
    pub fn is_negative(&self) -> bool {
        self.neg
    }

    /// Is the value finite (not `inf`/`nan`)?
    pub fn is_finite(&self) -> bool {
        self.kind == Kind::Finite
    }

    /// Number of digits before the point (0 for `inf`/`nan`).
    pub fn int_len(&self) -> usize {
        match self.kind {
            Kind::Finite => self.decpt.max(1) as usize,
            _ => 0,
        }
    }

    /// Writes the digits before the point.
    pub fn write_int(&self, w: &mut dyn Write) -> fmt::Result {
        if self.kind != Kind::Finite {
            return Ok(());
        }
        if self.decpt <= 0 {
            return w.write_char('0');
        }
        for i in 0..self.decpt {
            w.write_char(self.d.at(i) as char)?;
        }
        Ok(())
    }

    fn frac_len(&self) -> i64 {
        self.vend - self.decpt
    }

    /// Does the text contain a decimal point?
    pub fn has_point(&self) -> bool {
        self.kind == Kind::Finite && (self.frac_len() > 0 || self.alt)
    }

    /// Length of everything after the integer digits.
    pub fn rest_len(&self) -> usize {
        if self.kind != Kind::Finite {
            return 3;
        }
        let mut n = self.frac_len().max(0) as usize + self.has_point() as usize;
        if self.use_exp {
            n += 2 + dec_len(self.exp.unsigned_abs()).max(2);
        }
        n
    }

    /// Writes the point, fraction digits and exponent (or `inf` / `nan`).
    pub fn write_rest(&self, w: &mut dyn Write) -> fmt::Result {
        match self.kind {
            Kind::Inf => return w.write_str(if self.upper { "INF" } else { "inf" }),
            Kind::Nan => return w.write_str(if self.upper { "NAN" } else { "nan" }),
            Kind::Finite => {}
        }
        if self.has_point() {
            w.write_char('.')?;
        }
        for i in self.decpt..self.vend {
            w.write_char(self.d.at(i) as char)?;
        }
        if self.use_exp {
            w.write_char(if self.upper { 'E' } else { 'e' })?;
            w.write_char(if self.exp < 0 { '-' } else { '+' })?;
            if self.exp.unsigned_abs() < 10 {
                w.write_char('0')?;
            }
            write!(w, "{}", self.exp.unsigned_abs())?;
        }
        Ok(())
    }

    /// Length without the sign.
    pub fn unsigned_len(&self) -> usize {
        self.int_len() + self.rest_len()
    }

    /// Writes the text without the sign.
    pub fn write_unsigned(&self, w: &mut dyn Write) -> fmt::Result {
        self.write_int(w)?;
        self.write_rest(w)
    }

    /// Writes the text with a `-` for negative values.
    pub fn write(&self, w: &mut dyn Write) -> fmt::Result {
        if self.neg {
            w.write_char('-')?;
        }
        self.write_unsigned(w)
    }
}

fn dec_len(mut v: u64) -> usize {
    let mut n = 1;
    while v >= 10 {
        v /= 10;
        n += 1;
    }
    n
}

/// Writes `repr(x)` (also `str(x)`): at most 24 characters.
pub fn write_repr(x: f64, w: &mut dyn Write) -> fmt::Result {
    let mut buf = [0u8; 17];
    FloatText::new(x, &FloatStyle::REPR, &mut buf).write(w)
}

/// Digit buffer size for the common precisions: formatting with at most this many digits
/// keeps its buffer in the caller's frame; more digits (up to [`MAX_DIGITS`]) go through a
/// separate frame that only such requests pay for.
const SMALL_DIGITS: usize = 32;

/// Lays out `x` in `style` and passes the text to `f`, with a digit buffer sized to the
/// request: 32 bytes in this frame for the common precisions, else [`MAX_DIGITS`] in a
/// separate cold frame.
pub fn with_text(x: f64, style: &FloatStyle, f: &mut dyn FnMut(&FloatText<'_>) -> fmt::Result) -> fmt::Result {
    if style.digits_needed(x) <= SMALL_DIGITS {
        let mut buf = [0u8; SMALL_DIGITS];
        f(&FloatText::new(x, style, &mut buf))
    } else {
        with_big_text(x, style, f)
    }
}

#[inline(never)]
#[cold]
fn with_big_text(x: f64, style: &FloatStyle, f: &mut dyn FnMut(&FloatText<'_>) -> fmt::Result) -> fmt::Result {
    let mut buf = [0u8; MAX_DIGITS];
    f(&FloatText::new(x, style, &mut buf))
}

// ---------------------------------------------------------------------------------------------
// Rounding

/// Errors of float operations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FloatError {
    /// `round(x, n)` overflowed (`OverflowError: rounded value too large to represent`).
    Overflow,
    /// Division by zero (`ZeroDivisionError`: "float division by zero", "float floor division
    /// by zero", "float modulo", "float divmod()").
    ZeroDivision,
    /// `float(text)` failed (`ValueError: could not convert string to float: 'text'`).
    InvalidLiteral,
}

/// `round(x)` to the nearest integer value, ties to even (the VM converts the result with
/// `bigint::from_f64`, which reports NaN and infinities).
pub fn round_half_even(x: f64) -> f64 {
    let r = libm::round(x);
    if libm::fabs(x - r) == 0.5 {
        2.0 * libm::round(x / 2.0)
    } else {
        r
    }
}

/// `round(x, ndigits)`: the float nearest to `x` correctly rounded (ties to even on the exact
/// binary value) to `ndigits` decimal places; negative `ndigits` round to tens, hundreds, ...
pub fn round_ndigits(x: f64, ndigits: i64) -> Result<f64, FloatError> {
    // CPython: NDIGITS_MAX = (53 - (-1021)) * 0.30103 = 323, NDIGITS_MIN = -(1025 * 0.30103).
    if !x.is_finite() || x == 0.0 || ndigits > 323 {
        return Ok(x);
    }
    if ndigits < -308 {
        return Ok(0.0 * x);
    }
    // CPython: the digits of x rounded half-even to `ndigits` places (dtoa mode 3), read back.
    // When more than 24 digits are kept (some non-zero digit does not fit), they read back as x.
    let mut buf = [0u8; 24];
    let mut d = Digits::new(&mut buf);
    d.fill(x, Mode::Fixed(ndigits));
    if d.sticky {
        return Ok(x);
    }
    let r = if d.is_zero() { 0.0 } else { dtoa::to_f64(d.buf.get(..d.n).unwrap_or_default(), d.n, d.decpt as i64) };
    let r = if x < 0.0 { -r } else { r };
    if r.is_infinite() {
        return Err(FloatError::Overflow);
    }
    Ok(r)
}

// ---------------------------------------------------------------------------------------------
// Arithmetic

/// C's `fmod(x, y)`: the exact remainder `x - trunc(x / y) * y`, with the sign of `x` (NaN for
/// an infinite `x`, a zero or NaN `y`). musl's shift-and-subtract algorithm: one bit of the
/// quotient per step of the exponent difference (at most 2,098 steps), which links in about
/// 300 bytes where libm's generic `fmod` (its 128-bit modular reduction) took 2.6 KB on
/// Cortex-M3. The result is exact, so it equals libm's and the C library's bit for bit.
pub fn fmod(x: f64, y: f64) -> f64 {
    const MANT: u64 = (1 << 52) - 1;
    let (bx, by) = (x.to_bits(), y.to_bits());
    let mut ex = ((bx >> 52) & 0x7ff) as i32;
    let mut ey = ((by >> 52) & 0x7ff) as i32;
    let sign = bx & (1 << 63);
    if by << 1 == 0 || y.is_nan() || ex == 0x7ff {
        // The NaN the C library makes (its sign as on the host), not a constant.
        #[allow(clippy::eq_op)]
        return (x * y) / (x * y);
    }
    if bx << 1 <= by << 1 {
        return if bx << 1 == by << 1 { 0.0 * x } else { x };
    }
    // The significands with the implicit bit at bit 52 (subnormals normalised, their exponent
    // going below 1).
    let norm = |bits: u64, e: &mut i32| -> u64 {
        if *e == 0 {
            let shift = (bits << 12).leading_zeros() as i32;
            *e = -shift;
            bits << (shift + 1)
        } else {
            (bits & MANT) | (1 << 52)
        }
    };
    let mut mx = norm(bx, &mut ex);
    let my = norm(by, &mut ey);
    loop {
        if let Some(d) = mx.checked_sub(my) {
            if d == 0 {
                return 0.0 * x;
            }
            mx = d;
        }
        if ex == ey {
            break;
        }
        mx <<= 1;
        ex -= 1;
    }
    let shift = mx.leading_zeros() as i32 - 11;
    mx <<= shift;
    ex -= shift;
    let bits = if ex > 0 { (mx - (1 << 52)) | ((ex as u64) << 52) } else { mx >> (1 - ex) };
    f64::from_bits(bits | sign)
}

/// Python `x % y` for floats: the result has the sign of `y`.
pub fn rem(x: f64, y: f64) -> Result<f64, FloatError> {
    if y == 0.0 {
        return Err(FloatError::ZeroDivision);
    }
    let mut m = fmod(x, y);
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
        }
    } else {
        m = libm::copysign(0.0, y);
    }
    Ok(m)
}

/// Python `divmod(x, y)` for floats (CPython's `_float_div_mod`).
pub fn divmod(x: f64, y: f64) -> Result<(f64, f64), FloatError> {
    if y == 0.0 {
        return Err(FloatError::ZeroDivision);
    }
    let mut m = fmod(x, y);
    let mut div = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = libm::copysign(0.0, y);
    }
    let floordiv = if div != 0.0 {
        let f = libm::floor(div);
        if div - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        libm::copysign(0.0, x / y)
    };
    Ok((floordiv, m))
}

/// Python `x // y` for floats.
pub fn floor_div(x: f64, y: f64) -> Result<f64, FloatError> {
    divmod(x, y).map(|(q, _)| q)
}

/// `float.is_integer()`.
pub fn is_integer(x: f64) -> bool {
    x.is_finite() && libm::floor(x) == x
}

/// `x == m · 2^e` with `m` odd (or `x == 0` with `m == 0, e == 0`), for
/// `float.as_integer_ratio()`: the ratio is `(±m << e, 1)` for `e >= 0`, else `(±m, 1 << -e)`.
/// `None` for infinities and NaN (OverflowError "cannot convert Infinity to integer ratio",
/// ValueError "cannot convert NaN to integer ratio").
pub fn decompose(x: f64) -> Option<(bool, u64, i32)> {
    if !x.is_finite() {
        return None;
    }
    let bits = x.to_bits();
    let neg = bits >> 63 == 1;
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    let (mut m, mut e) = if exp == 0 { (frac, -1074) } else { (frac | (1u64 << 52), exp - 1075) };
    if m == 0 {
        return Some((neg, 0, 0));
    }
    let tz = m.trailing_zeros();
    m >>= tz;
    e += tz as i32;
    Some((neg, m, e))
}

/// `hash(x)` (CPython's `_Py_HashDouble`); `None` for NaN, whose hash is the object's identity
/// hash since Python 3.10.
pub fn hash(x: f64) -> Option<i64> {
    const P: u64 = crate::num::bigint::HASH_MODULUS;
    if x.is_nan() {
        return None;
    }
    if x.is_infinite() {
        return Some(if x > 0.0 { 314_159 } else { -314_159 });
    }
    let (mut m, mut e) = libm::frexp(x);
    let mut sign = 1i64;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut h = 0u64;
    while m != 0.0 {
        h = ((h << 28) & P) | (h >> (61 - 28));
        m *= 268_435_456.0; // 2^28
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        h += y;
        if h >= P {
            h -= P;
        }
    }
    let e = if e >= 0 { e % 61 } else { 60 - ((-1 - e) % 61) };
    let e = e as u32;
    h = ((h << e) & P) | (h >> (61 - e));
    let r = h as i64 * sign;
    Some(if r == -1 { -2 } else { r })
}

// ---------------------------------------------------------------------------------------------
// Parsing

/// `float(text)`: surrounding whitespace, an optional sign, then a decimal literal (digits
/// with an optional point and exponent; single underscores between digits) or `inf`,
/// `infinity`, `nan` in any case. Correctly rounded, any number of digits.
pub fn parse(text: &str) -> Result<f64, FloatError> {
    let s = text.trim_matches(crate::num::bigint::is_python_space);
    let b = s.as_bytes();
    if !valid_literal(b) {
        return Err(FloatError::InvalidLiteral);
    }
    Ok(dtoa::parse(b))
}

/// Python's float grammar (after stripping whitespace).
fn valid_literal(b: &[u8]) -> bool {
    let b = match b.first() {
        Some(b'+') | Some(b'-') => &b[1..],
        _ => b,
    };
    for word in [&b"inf"[..], b"infinity", b"nan"] {
        if b.eq_ignore_ascii_case(word) {
            return true;
        }
    }
    // digits: one or more ASCII digits, single underscores between digits.
    fn digits(b: &[u8], mut i: usize) -> (usize, usize) {
        let start = i;
        let mut count = 0;
        while i < b.len() {
            if b[i].is_ascii_digit() {
                count += 1;
                i += 1;
            } else if b[i] == b'_'
                && i > start
                && b[i - 1].is_ascii_digit()
                && b.get(i + 1).is_some_and(u8::is_ascii_digit)
            {
                i += 1;
            } else {
                break;
            }
        }
        (i, count)
    }
    let (mut i, int_count) = digits(b, 0);
    let mut frac_count = 0;
    if b.get(i) == Some(&b'.') {
        let (j, c) = digits(b, i + 1);
        i = j;
        frac_count = c;
    }
    if int_count == 0 && frac_count == 0 {
        return false;
    }
    if matches!(b.get(i), Some(b'e') | Some(b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+') | Some(b'-')) {
            i += 1;
        }
        let (j, c) = digits(b, i);
        if c == 0 {
            return false;
        }
        i = j;
    }
    i == b.len()
}

#[cfg(test)]
#[path = "float_tests.rs"]
mod tests;

/// `x ** y` as CPython computes it with the C library's `pow`, which on the hosts CPython is
/// compared with (glibc) is correctly rounded in all but the rarest cases. libm's port of the
/// older fdlibm `pow` is not (`10.0 ** -21` was `1.0000000000000001e-21`), so an integral
/// exponent up to 2^31 in size is computed in double-double arithmetic (about 106 bits:
/// square-and-multiply, then one reciprocal for a negative exponent) and rounded once; other
/// exponents, and results that overflow or leave the normal range on the way, go to libm.
pub fn pow(x: f64, y: f64) -> f64 {
    if x.is_finite() && x != 0.0 && y.is_finite() && y == libm::trunc(y) && libm::fabs(y) <= 2147483648.0 {
        if let Some(r) = powi_dd(x, y as i64) {
            return r;
        }
    }
    libm::pow(x, y)
}

/// A double-double: the unevaluated sum `hi + lo`, `|lo| <= ulp(hi) / 2`.
type Dd = (f64, f64);

/// `a + b` exactly as a double-double, given `|a| >= |b|`.
fn quick_two_sum(a: f64, b: f64) -> Dd {
    let s = a + b;
    (s, b - (s - a))
}

/// Veltkamp's split of `a` into two 26-bit halves.
fn split(a: f64) -> Dd {
    let c = 134217729.0 * a; // 2^27 + 1
    let hi = c - (c - a);
    (hi, a - hi)
}

/// `a * b` exactly as a double-double (Dekker; no fused multiply-add needed).
fn two_prod(a: f64, b: f64) -> Dd {
    let p = a * b;
    let (ah, al) = split(a);
    let (bh, bl) = split(b);
    (p, ((ah * bh - p) + ah * bl + al * bh) + al * bl)
}

fn dd_mul(a: Dd, b: Dd) -> Dd {
    let (p, e) = two_prod(a.0, b.0);
    quick_two_sum(p, e + (a.0 * b.1 + a.1 * b.0))
}

/// `x ** n` in double-double, rounded once; `None` when a step leaves the range where the
/// splitting is exact (then libm decides, overflow and underflow included).
fn powi_dd(x: f64, n: i64) -> Option<f64> {
    const SAFE: f64 = 1e290; // split() overflows above ~2^996 / 2^27
    let ok = |d: Dd| libm::fabs(d.0) < SAFE && libm::fabs(d.0) > 1.0 / SAFE;
    let mut e = n.unsigned_abs();
    let mut base: Dd = (x, 0.0);
    let mut acc: Dd = (1.0, 0.0);
    while e > 0 {
        if e & 1 == 1 {
            acc = dd_mul(acc, base);
            if !ok(acc) {
                return None;
            }
        }
        e >>= 1;
        if e > 0 {
            base = dd_mul(base, base);
            if !ok(base) {
                return None;
            }
        }
    }
    if n >= 0 {
        return Some(acc.0 + acc.1);
    }
    // 1 / (h + l): q1 = 1/h, then the remainder 1 - q1 (h + l) divided by h corrects it.
    let q1 = 1.0 / acc.0;
    let (p, pe) = dd_mul((q1, 0.0), acc);
    let r = (1.0 - p) - pe;
    let q = quick_two_sum(q1, r / acc.0);
    let out = q.0 + q.1;
    (libm::fabs(out) >= f64::MIN_POSITIVE).then_some(out)
}
