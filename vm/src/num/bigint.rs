//! Arbitrary-precision integers on digit slices, with CPython 3.11 semantics.
//!
//! A number is a sign plus a magnitude `&[u32]`: base 2^32, least significant digit first,
//! normalized (no most-significant zero digits; zero is the empty slice and is never negative).
//! [`IntRef`] bundles the two. Nothing here allocates: every function writes into
//! caller-provided buffers and returns an [`IntOut`] (sign and used length). Each operation has a
//! `*_len_bound` (or `*_scratch_len`) function giving the buffer size it needs; passing a smaller
//! buffer returns [`IntError::BufferTooSmall`] instead of panicking.
//!
//! Python behaviour reproduced:
//! - `//` and `%` floor (the remainder takes the divisor's sign); `>>` floors for negatives;
//! - `&`, `|`, `^`, `~` act on the infinite two's-complement representation;
//! - `int -> float` rounds half to even, `int / int` is correctly rounded (CPython's
//!   `long_true_divide` algorithm), `int(float)` truncates;
//! - `int(text, base)` accepts whitespace, a sign, `0x`/`0o`/`0b` prefixes and single
//!   underscores between digits, and enforces the 4300-digit limit of CPython 3.11 for
//!   non-power-of-two bases;
//! - `hash(int)` is the value modulo 2^61 - 1 with the sign applied and -1 mapped to -2.
//!
//! Algorithms: schoolbook multiplication below [`KARATSUBA_CUTOFF`] digits and Karatsuba's
//! method above it (lopsided products in slices of the shorter operand, as CPython's
//! `k_lopsided_mul`; its scratch comes from the caller, [`mul_scratch_len`]), Knuth's
//! algorithm D for division (one-digit divisors by a single pass), binary exponentiation
//! (Karatsuba squarings given [`pow_scratch_len`]), and decimal conversion through base 10^9
//! chunks both ways (CPython 3.11's method: O(n²), bounded by the 4300-digit limit).

use core::cmp::Ordering;
use core::fmt;

/// A borrowed signed big integer: sign and normalized magnitude.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IntRef<'a> {
    /// True for negative numbers (never for zero).
    pub neg: bool,
    /// Magnitude, base 2^32, least significant digit first, no leading zero digits.
    pub mag: &'a [u32],
}

impl<'a> IntRef<'a> {
    /// Zero.
    pub const ZERO: IntRef<'static> = IntRef { neg: false, mag: &[] };

    /// A number from a sign and digits; strips most-significant zero digits and clears the
    /// sign of zero.
    pub fn new(neg: bool, mag: &'a [u32]) -> Self {
        let mag = mag.get(..normalized_len(mag)).unwrap_or(&[]);
        IntRef { neg: neg && !mag.is_empty(), mag }
    }

    /// Is this zero?
    pub fn is_zero(&self) -> bool {
        self.mag.is_empty()
    }

    /// The number with the opposite sign.
    pub fn negate(self) -> Self {
        IntRef { neg: !self.neg && !self.mag.is_empty(), mag: self.mag }
    }
}

/// The result of an operation written to an output buffer: sign and number of digits used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IntOut {
    /// True for a negative result.
    pub neg: bool,
    /// Digits used at the start of the output buffer.
    pub len: usize,
}

impl IntOut {
    /// Views the result inside the buffer it was written to.
    pub fn view<'a>(&self, buf: &'a [u32]) -> IntRef<'a> {
        IntRef::new(self.neg, buf.get(..self.len).unwrap_or(&[]))
    }
}

/// Errors of integer operations. The VM picks the Python exception and message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IntError {
    /// An output or scratch buffer is shorter than the operation's stated bound.
    BufferTooSmall,
    /// Division or modulo by zero (`ZeroDivisionError`).
    ZeroDivision,
    /// Result does not fit (`OverflowError`: "int too large to convert to float",
    /// "integer division result too large for a float", or too large a shift/power).
    Overflow,
    /// `int(text)`: the text is not a valid literal (`ValueError: invalid literal for int()
    /// with base N: 'text'`).
    InvalidLiteral,
    /// `int(text, base)` with base not 0 or 2..=36 (`ValueError: int() base must be >= 2 and
    /// <= 36, or 0`).
    InvalidBase,
    /// More decimal digits than [`MAX_STR_DIGITS`] (`ValueError: Exceeds the limit (4300
    /// digits) for integer string conversion: value has N digits; use
    /// sys.set_int_max_str_digits() to increase the limit`).
    TooManyDigits {
        /// Digit count of the input text.
        digits: usize,
    },
    /// `int(nan)` (`ValueError: cannot convert float NaN to integer`).
    NotANumber,
    /// `int(inf)` (`OverflowError: cannot convert float infinity to integer`).
    Infinite,
    /// `pow(a, -e, m)` where `a` has no inverse modulo `m` (`ValueError: base is not
    /// invertible for the given modulus`).
    NotInvertible,
}

/// CPython 3.11's default limit on decimal digits in `int <-> str` conversions.
pub const MAX_STR_DIGITS: usize = 4300;

// ---------------------------------------------------------------------------------------------
// Magnitude primitives

/// Length of `d` without most-significant zero digits.
pub fn normalized_len(d: &[u32]) -> usize {
    let mut n = d.len();
    while n > 0 && d[n - 1] == 0 {
        n -= 1;
    }
    n
}

/// Compares two normalized magnitudes.
pub fn cmp_mag(a: &[u32], b: &[u32]) -> Ordering {
    if a.len() != b.len() {
        return a.len().cmp(&b.len());
    }
    for (x, y) in a.iter().rev().zip(b.iter().rev()) {
        if x != y {
            return x.cmp(y);
        }
    }
    Ordering::Equal
}

/// Number of bits in the magnitude (`int.bit_length()`; 0 for zero).
pub fn bit_length(mag: &[u32]) -> u64 {
    match mag.last() {
        None => 0,
        Some(&top) => (mag.len() as u64 - 1) * 32 + (32 - top.leading_zeros()) as u64,
    }
}

fn check(buf_len: usize, need: usize) -> Result<(), IntError> {
    if buf_len < need {
        Err(IntError::BufferTooSmall)
    } else {
        Ok(())
    }
}

/// out = a + b; out.len() >= max(len)+1. Returns normalized length.
fn add_mag(a: &[u32], b: &[u32], out: &mut [u32]) -> usize {
    let (a, b) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    let (lo, hi) = out.split_at_mut(b.len().min(out.len()));
    let mut carry = 0u64;
    for ((o, &x), &y) in lo.iter_mut().zip(a).zip(b) {
        let t = x as u64 + y as u64 + carry;
        *o = t as u32;
        carry = t >> 32;
    }
    for (o, &x) in hi.iter_mut().zip(&a[b.len()..]) {
        let t = x as u64 + carry;
        *o = t as u32;
        carry = t >> 32;
    }
    if carry != 0 {
        if let Some(slot) = out.get_mut(a.len()) {
            *slot = carry as u32;
            return a.len() + 1;
        }
    }
    a.len()
}

/// out = a - b where a >= b; out.len() >= a.len(). Returns normalized length.
fn sub_mag(a: &[u32], b: &[u32], out: &mut [u32]) -> usize {
    let n = a.len().min(out.len());
    let (lo, hi) = out[..n].split_at_mut(b.len().min(n));
    let mut borrow = false;
    for ((o, &x), &y) in lo.iter_mut().zip(a).zip(b) {
        let (t, b1) = x.overflowing_sub(y);
        let (t, b2) = t.overflowing_sub(borrow as u32);
        *o = t;
        borrow = b1 || b2;
    }
    for (o, &x) in hi.iter_mut().zip(&a[lo.len()..]) {
        let (t, b1) = x.overflowing_sub(borrow as u32);
        *o = t;
        borrow = b1;
    }
    normalized_len(&out[..n])
}

/// Adds `v` to the digits in place; returns the carry out of the top.
fn inc_in_place(d: &mut [u32], v: u32) -> bool {
    let mut carry = v;
    for x in d.iter_mut() {
        if carry == 0 {
            return false;
        }
        let (t, c) = x.overflowing_add(carry);
        *x = t;
        carry = c as u32;
    }
    carry != 0
}

/// Subtracts `v` from the digits in place (the value must be >= v).
fn dec_in_place(d: &mut [u32], v: u32) {
    let mut borrow = v;
    for x in d.iter_mut() {
        if borrow == 0 {
            return;
        }
        let (t, b) = x.overflowing_sub(borrow);
        *x = t;
        borrow = b as u32;
    }
}

/// out = a * b (schoolbook); out.len() >= a.len()+b.len(). Returns normalized length.
fn mul_mag(a: &[u32], b: &[u32], out: &mut [u32]) -> usize {
    let n = a.len() + b.len();
    mul_school(a, b, &mut out[..n]);
    normalized_len(&out[..n])
}

/// out = a * b, schoolbook, the shorter operand in the outer loop; `out.len() == a.len() +
/// b.len()`, every digit written. Operands need not be normalized.
fn mul_school(a: &[u32], b: &[u32], out: &mut [u32]) {
    let (a, b) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let Some(&a0) = a.first() else {
        out.fill(0);
        return;
    };
    // The first row is written, not added (no separate zeroing pass over `out`).
    let (row, rest) = out.split_at_mut(b.len());
    let mut carry = 0u64;
    for (r, &bj) in row.iter_mut().zip(b) {
        let t = a0 as u64 * bj as u64 + carry;
        *r = t as u32;
        carry = t >> 32;
    }
    rest.fill(0);
    if let Some(top) = rest.first_mut() {
        *top = carry as u32;
    }
    for (i, &ai) in a.iter().enumerate().skip(1) {
        if ai == 0 {
            continue;
        }
        let (row, rest) = out[i..].split_at_mut(b.len());
        let mut carry = 0u64;
        for (r, &bj) in row.iter_mut().zip(b) {
            let t = ai as u64 * bj as u64 + *r as u64 + carry;
            *r = t as u32;
            carry = t >> 32;
        }
        if let Some(top) = rest.first_mut() {
            *top = carry as u32;
        }
    }
}

/// Shorter-operand length from which products use Karatsuba's method (CPython: 70 30-bit
/// digits; the crossover measured here on x86-64 is near 40 32-bit digits).
const KARATSUBA_CUTOFF: usize = 40;

/// Scratch digits [`kmul`] needs when the longer operand has `n` digits: per level two
/// half-size sums and their product, then the next level (see `kmul`).
fn kmul_scratch(mut n: usize) -> usize {
    let mut total = 0;
    while n >= KARATSUBA_CUTOFF {
        let hi = n.div_ceil(2);
        total += 4 * hi + 4;
        n = hi + 1;
    }
    total
}

/// out = a + b over max(len)+1 digits (the top one may be 0); returns that length.
fn add_raw(a: &[u32], b: &[u32], out: &mut [u32]) -> usize {
    let (a, b) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    let mut carry = 0u64;
    for (i, slot) in out.iter_mut().take(a.len()).enumerate() {
        let t = a[i] as u64 + b.get(i).copied().unwrap_or(0) as u64 + carry;
        *slot = t as u32;
        carry = t >> 32;
    }
    out[a.len()] = carry as u32;
    a.len() + 1
}

/// d -= s in place (the value of d must be >= s; digits of s past d's length are zero).
fn sub_in_place(d: &mut [u32], s: &[u32]) {
    let s = &s[..normalized_len(s)];
    let mut borrow = false;
    for (i, x) in d.iter_mut().enumerate() {
        let y = s.get(i).copied().unwrap_or(0);
        if i >= s.len() && !borrow {
            break;
        }
        let (t, b1) = x.overflowing_sub(y);
        let (t, b2) = t.overflowing_sub(borrow as u32);
        *x = t;
        borrow = b1 || b2;
    }
}

/// d += s in place; the sum must fit d (a carry out of the top is dropped; callers know
/// the value fits).
fn add_in_place(d: &mut [u32], s: &[u32]) {
    let s = &s[..normalized_len(s)];
    let mut carry = 0u64;
    for (i, x) in d.iter_mut().enumerate() {
        if i >= s.len() && carry == 0 {
            break;
        }
        let t = *x as u64 + s.get(i).copied().unwrap_or(0) as u64 + carry;
        *x = t as u32;
        carry = t >> 32;
    }
}

/// out = a * b by Karatsuba's method above [`KARATSUBA_CUTOFF`], schoolbook below it, and
/// in slices of the shorter operand when one is at least twice the other (CPython's
/// `k_lopsided_mul`). `out.len() == a.len() + b.len()` (every digit written),
/// `scratch.len() >= kmul_scratch(max(a.len(), b.len()))`. Operands need not be normalized.
///
/// With a = a1·B^h + a0 and b = b1·B^h + b0: a·b = z2·B^2h + (s - z2 - z0)·B^h + z0, where
/// z0 = a0·b0 and z2 = a1·b1 go straight into `out`'s two halves and s = (a0+a1)(b0+b1)
/// is formed in scratch and added in at digit h.
fn kmul(a: &[u32], b: &[u32], out: &mut [u32], scratch: &mut [u32]) {
    let (a, b) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    if b.len() < KARATSUBA_CUTOFF {
        mul_school(a, b, out);
        return;
    }
    if 2 * b.len() <= a.len() {
        out.fill(0);
        let (tmp, rest) = scratch.split_at_mut(2 * b.len());
        for (k, chunk) in a.chunks(b.len()).enumerate() {
            let t = &mut tmp[..chunk.len() + b.len()];
            kmul(chunk, b, t, rest);
            add_in_place(&mut out[k * b.len()..], t);
        }
        return;
    }
    // b.len() > a.len() / 2 = h, so both high halves are non-empty.
    let h = a.len() / 2;
    let (a0, a1) = a.split_at(h);
    let (b0, b1) = b.split_at(h);
    {
        let (lo, hi) = out.split_at_mut(2 * h);
        kmul(a0, b0, lo, scratch);
        kmul(a1, b1, hi, scratch);
    }
    let hl = a1.len() + 1;
    let (sa, rest) = scratch.split_at_mut(hl);
    let (sb, rest) = rest.split_at_mut(hl);
    let (p, rest) = rest.split_at_mut(2 * hl);
    let sal = add_raw(a0, a1, sa);
    let sbl = add_raw(b0, b1, sb);
    let p = &mut p[..sal + sbl];
    kmul(&sa[..sal], &sb[..sbl], p, rest);
    // p = a0·b1 + a1·b0 >= 0, and p·B^h <= a·b, so it fits out[h..].
    let (lo, hi) = out.split_at(2 * h);
    sub_in_place(p, lo);
    sub_in_place(p, hi);
    add_in_place(&mut out[h..], p);
}

/// d = d * m + a in place over `len` digits; may grow by one digit. Returns the new length, or
/// an error if the buffer is full.
pub(crate) fn mul_small_add(d: &mut [u32], len: usize, m: u32, a: u32) -> Result<usize, IntError> {
    let mut carry = a as u64;
    for x in d.iter_mut().take(len) {
        let t = *x as u64 * m as u64 + carry;
        *x = t as u32;
        carry = t >> 32;
    }
    if carry != 0 {
        let slot = d.get_mut(len).ok_or(IntError::BufferTooSmall)?;
        *slot = carry as u32;
        return Ok(len + 1);
    }
    Ok(len)
}

/// q = a / d, returns a % d. q.len() >= a.len(). d != 0.
fn divrem_small(a: &[u32], d: u32, q: &mut [u32]) -> u32 {
    let mut rem = 0u64;
    for i in (0..a.len()).rev() {
        let cur = (rem << 32) | a[i] as u64;
        q[i] = (cur / d as u64) as u32;
        rem = cur % d as u64;
    }
    rem as u32
}

/// Scratch needed by [`divrem_mag`] for a dividend of `u_len` and divisor of `v_len` digits.
fn knuth_scratch(u_len: usize, v_len: usize) -> usize {
    u_len + v_len + 1
}

/// Knuth algorithm D. Requires u >= v, v.len() >= 1, q.len() >= u.len()-v.len()+1,
/// r.len() >= v.len(), scratch >= knuth_scratch. Returns (q_len, r_len), both normalized.
fn divrem_mag(u: &[u32], v: &[u32], q: &mut [u32], r: &mut [u32], scratch: &mut [u32]) -> (usize, usize) {
    let n = v.len();
    let m = u.len() - n;
    if n == 1 {
        let rem = divrem_small(u, v[0], q);
        r[0] = rem;
        return (normalized_len(&q[..u.len()]), if rem == 0 { 0 } else { 1 });
    }
    let (un, rest) = scratch.split_at_mut(u.len() + 1);
    let vn = &mut rest[..n];
    let s = v[n - 1].leading_zeros();
    shl_small(v, s, vn);
    un[u.len()] = shl_small(u, s, &mut un[..u.len()]);
    let vtop = vn[n - 1] as u64;
    let vnext = vn[n - 2] as u64;
    for j in (0..=m).rev() {
        let num = ((un[j + n] as u64) << 32) | un[j + n - 1] as u64;
        let mut qhat = num / vtop;
        let mut rhat = num % vtop;
        while qhat > u32::MAX as u64 || qhat * vnext > ((rhat << 32) | un[j + n - 2] as u64) {
            qhat -= 1;
            rhat += vtop;
            if rhat > u32::MAX as u64 {
                break;
            }
        }
        // Multiply and subtract qhat * vn from un[j..=j+n].
        let (seg, top) = un[j..=j + n].split_at_mut(n);
        let mut carry = 0u64;
        let mut borrow = false;
        for (u, &v) in seg.iter_mut().zip(vn.iter()) {
            let p = qhat * v as u64 + carry;
            carry = p >> 32;
            let (t, b1) = u.overflowing_sub(p as u32);
            let (t, b2) = t.overflowing_sub(borrow as u32);
            *u = t;
            borrow = b1 || b2;
        }
        let (t, b1) = top[0].overflowing_sub(carry as u32);
        let (t, b2) = t.overflowing_sub(borrow as u32);
        top[0] = t;
        if b1 || b2 {
            // qhat was one too large: add the divisor back.
            qhat -= 1;
            let mut c = 0u64;
            for (u, &v) in seg.iter_mut().zip(vn.iter()) {
                let t = *u as u64 + v as u64 + c;
                *u = t as u32;
                c = t >> 32;
            }
            top[0] = top[0].wrapping_add(c as u32);
        }
        q[j] = qhat as u32;
    }
    shr_small(&un[..n], s, &mut r[..n]);
    (normalized_len(&q[..m + 1]), normalized_len(&r[..n]))
}

/// out[..a.len()] = a << s (s < 32); returns the bits shifted out of the top.
fn shl_small(a: &[u32], s: u32, out: &mut [u32]) -> u32 {
    let out = &mut out[..a.len()];
    if s == 0 {
        out.copy_from_slice(a);
        return 0;
    }
    let mut carry = 0u32;
    for (o, &x) in out.iter_mut().zip(a) {
        *o = (x << s) | carry;
        carry = x >> (32 - s);
    }
    carry
}

/// out[..a.len()] = a >> s (s < 32).
fn shr_small(a: &[u32], s: u32, out: &mut [u32]) {
    let out = &mut out[..a.len()];
    if s == 0 {
        out.copy_from_slice(a);
        return;
    }
    let Some((&last, _)) = a.split_last() else { return };
    for (o, w) in out.iter_mut().zip(a.windows(2)) {
        *o = (w[0] >> s) | (w[1] << (32 - s));
    }
    if let Some(top) = out.last_mut() {
        *top = last >> s;
    }
}

// ---------------------------------------------------------------------------------------------
// Signed arithmetic

/// Compares two signed numbers.
pub fn cmp(a: IntRef, b: IntRef) -> Ordering {
    match (a.neg, b.neg) {
        (false, true) => Ordering::Greater,
        (true, false) => Ordering::Less,
        (false, false) => cmp_mag(a.mag, b.mag),
        (true, true) => cmp_mag(b.mag, a.mag),
    }
}

/// Output digits needed by [`add`] and [`sub`].
pub fn add_len_bound(a_len: usize, b_len: usize) -> usize {
    a_len.max(b_len) + 1
}

/// `a + b`. `out.len() >= add_len_bound(..)`.
pub fn add(a: IntRef, b: IntRef, out: &mut [u32]) -> Result<IntOut, IntError> {
    check(out.len(), add_len_bound(a.mag.len(), b.mag.len()))?;
    if a.neg == b.neg {
        let len = add_mag(a.mag, b.mag, out);
        return Ok(IntOut { neg: a.neg && len > 0, len });
    }
    match cmp_mag(a.mag, b.mag) {
        Ordering::Equal => Ok(IntOut { neg: false, len: 0 }),
        Ordering::Greater => {
            let len = sub_mag(a.mag, b.mag, out);
            Ok(IntOut { neg: a.neg, len })
        }
        Ordering::Less => {
            let len = sub_mag(b.mag, a.mag, out);
            Ok(IntOut { neg: b.neg, len })
        }
    }
}

/// `a - b`. `out.len() >= add_len_bound(..)`.
pub fn sub(a: IntRef, b: IntRef, out: &mut [u32]) -> Result<IntOut, IntError> {
    add(a, b.negate(), out)
}

/// out[..a.len()+b.len()] = a * b: Karatsuba when `ks` holds the scratch it needs, else
/// schoolbook. Returns the normalized length.
fn mul_into(a: &[u32], b: &[u32], out: &mut [u32], ks: &mut [u32]) -> usize {
    let out = &mut out[..a.len() + b.len()];
    if ks.len() >= kmul_scratch(a.len().max(b.len())) {
        kmul(a, b, out, ks);
    } else {
        mul_school(a, b, out);
    }
    normalized_len(out)
}

/// Output digits needed by [`mul`].
pub fn mul_len_bound(a_len: usize, b_len: usize) -> usize {
    a_len + b_len
}

/// Scratch digits needed by [`mul`] (0 below the Karatsuba cutoff).
pub fn mul_scratch_len(a_len: usize, b_len: usize) -> usize {
    if a_len.min(b_len) < KARATSUBA_CUTOFF {
        0
    } else {
        kmul_scratch(a_len.max(b_len))
    }
}

/// `a * b`: schoolbook below [`KARATSUBA_CUTOFF`] digits, else Karatsuba (O(n^1.585)).
/// `out.len() >= mul_len_bound(..)`, `scratch.len() >= mul_scratch_len(..)`.
pub fn mul(a: IntRef, b: IntRef, out: &mut [u32], scratch: &mut [u32]) -> Result<IntOut, IntError> {
    let n = mul_len_bound(a.mag.len(), b.mag.len());
    check(out.len(), n)?;
    check(scratch.len(), mul_scratch_len(a.mag.len(), b.mag.len()))?;
    kmul(a.mag, b.mag, &mut out[..n], scratch);
    let len = normalized_len(&out[..n]);
    Ok(IntOut { neg: (a.neg != b.neg) && len > 0, len })
}

/// Buffer sizes for [`divmod`]: `(quotient, remainder, scratch)`.
pub fn divmod_len_bounds(a_len: usize, b_len: usize) -> (usize, usize, usize) {
    (a_len.saturating_sub(b_len) + 2, b_len, knuth_scratch(a_len, b_len))
}

/// Python `divmod(a, b)`: floor quotient and remainder with the divisor's sign.
/// Buffers per [`divmod_len_bounds`]. Returns `(quotient, remainder)`.
pub fn divmod(
    a: IntRef,
    b: IntRef,
    q: &mut [u32],
    r: &mut [u32],
    scratch: &mut [u32],
) -> Result<(IntOut, IntOut), IntError> {
    if b.is_zero() {
        return Err(IntError::ZeroDivision);
    }
    let (ql, rl, sl) = divmod_len_bounds(a.mag.len(), b.mag.len());
    check(q.len(), ql)?;
    check(r.len(), rl)?;
    check(scratch.len(), sl)?;
    let (mut qlen, mut rlen) = if cmp_mag(a.mag, b.mag) == Ordering::Less {
        r[..a.mag.len()].copy_from_slice(a.mag);
        (0, a.mag.len())
    } else {
        divrem_mag(a.mag, b.mag, q, r, scratch)
    };
    if a.neg != b.neg && rlen > 0 {
        // Floor: quotient magnitude + 1, remainder |b| - r.
        for x in q.iter_mut().take(ql).skip(qlen) {
            *x = 0;
        }
        inc_in_place(&mut q[..ql], 1);
        qlen = normalized_len(&q[..ql]);
        let (rem, bm) = (&mut r[..b.mag.len()], b.mag);
        // rem = bm - rem, computed in place.
        let mut borrow = false;
        for i in 0..bm.len() {
            let cur = if i < rlen { rem[i] } else { 0 };
            let (t, b1) = bm[i].overflowing_sub(cur);
            let (t, b2) = t.overflowing_sub(borrow as u32);
            rem[i] = t;
            borrow = b1 || b2;
        }
        rlen = normalized_len(rem);
    }
    Ok((IntOut { neg: a.neg != b.neg && qlen > 0, len: qlen }, IntOut { neg: b.neg && rlen > 0, len: rlen }))
}

/// Output digits needed by [`pow`] for `a ** e` (also the scratch size), or `None` if the
/// result would not fit in memory at all (the VM raises `MemoryError` / `OverflowError`).
pub fn pow_len_bound(a: IntRef, e: u64) -> Option<usize> {
    if e == 0 || a.mag.len() <= 1 && a.mag.first().copied().unwrap_or(0) <= 1 {
        // 0 or ±1: the result has one digit, plus room for squaring one digit.
        return Some(2);
    }
    let bits = bit_length(a.mag).checked_mul(e)?;
    usize::try_from(bits / 32 + 2).ok()
}

/// Scratch digits with which [`pow`] multiplies by Karatsuba's method (it works, with
/// schoolbook products, from [`pow_len_bound`] digits up).
pub fn pow_scratch_len(a: IntRef, e: u64) -> Option<usize> {
    let bound = pow_len_bound(a, e)?;
    bound.checked_add(kmul_scratch(bound))
}

/// `a ** e` for a non-negative exponent, by left-to-right binary exponentiation.
/// `out` must hold [`pow_len_bound`] digits, `scratch` at least as many
/// ([`pow_scratch_len`] for Karatsuba products).
pub fn pow(a: IntRef, e: u64, out: &mut [u32], scratch: &mut [u32]) -> Result<IntOut, IntError> {
    let bound = pow_len_bound(a, e).ok_or(IntError::Overflow)?;
    check(out.len(), bound)?;
    check(scratch.len(), bound)?;
    let (scratch, ks) = scratch.split_at_mut(bound);
    let neg = a.neg && e & 1 == 1;
    if e == 0 {
        out[0] = 1;
        return Ok(IntOut { neg: false, len: 1 });
    }
    if a.mag.is_empty() {
        return Ok(IntOut { neg: false, len: 0 });
    }
    let mut cur: &mut [u32] = &mut out[..bound];
    let mut tmp: &mut [u32] = &mut scratch[..bound];
    let mut swapped = false;
    cur[..a.mag.len()].copy_from_slice(a.mag);
    let mut len = a.mag.len();
    let top = 63 - e.leading_zeros();
    for bit in (0..top).rev() {
        len = mul_into(&cur[..len], &cur[..len], tmp, ks);
        core::mem::swap(&mut cur, &mut tmp);
        swapped = !swapped;
        if (e >> bit) & 1 == 1 {
            len = mul_into(&cur[..len], a.mag, tmp, ks);
            core::mem::swap(&mut cur, &mut tmp);
            swapped = !swapped;
        }
    }
    if swapped {
        tmp[..len].copy_from_slice(&cur[..len]);
    }
    Ok(IntOut { neg, len })
}

/// Scratch digits needed by [`powmod`] (the output needs `m.len()` digits).
pub fn powmod_scratch_len(a_len: usize, m_len: usize) -> usize {
    let big = a_len.max(2 * m_len);
    // base, product, inverse temporaries, then remainder work space (with room for one
    // extra (m_len + 1)-digit temporary used while inverting).
    2 * m_len + 2 * m_len + 6 * (m_len + 1) + (m_len + 1) + (big + 2) + knuth_scratch(big, m_len)
}

/// `r = u mod v` (magnitudes, u any size, v non-empty); r.len() >= v.len(); scratch per
/// `rem_scratch`. Returns the normalized length.
fn rem_mag(u: &[u32], v: &[u32], r: &mut [u32], scratch: &mut [u32]) -> usize {
    if cmp_mag(u, v) == Ordering::Less {
        r[..u.len()].copy_from_slice(u);
        return u.len();
    }
    let (q, s) = scratch.split_at_mut(u.len() - v.len() + 2);
    divrem_mag(u, v, q, r, s).1
}

/// Three-argument `pow(a, e, m)`: the result lies in `[0, m)` for `m > 0` and in `(m, 0]`
/// for `m < 0`. A negative `e` uses the modular inverse of `a` (Python 3.8+).
/// `out.len() >= m.mag.len()`, `scratch.len() >= powmod_scratch_len(a.mag.len(), m.mag.len())`.
pub fn powmod(a: IntRef, e: IntRef, m: IntRef, out: &mut [u32], scratch: &mut [u32]) -> Result<IntOut, IntError> {
    if m.is_zero() {
        // CPython: ValueError "pow() 3rd argument cannot be 0"; reported as ZeroDivision.
        return Err(IntError::ZeroDivision);
    }
    let k = m.mag.len();
    check(out.len(), k)?;
    check(scratch.len(), powmod_scratch_len(a.mag.len(), k))?;
    let (base, rest) = scratch.split_at_mut(2 * k);
    let (prod, rest) = rest.split_at_mut(2 * k);
    let (inv, work) = rest.split_at_mut(6 * (k + 1));
    // base = a mod |m| (non-negative).
    let mut blen = rem_mag(a.mag, m.mag, base, work);
    if a.neg && blen > 0 {
        let t = &mut prod[..k];
        let l = sub_mag(m.mag, &base[..blen], t);
        base[..l].copy_from_slice(&t[..l]);
        blen = l;
    }
    if e.neg {
        blen = mod_inverse(&base[..blen], m.mag, inv, prod, work)?;
        base[..blen].copy_from_slice(&inv[..blen]);
    }
    // result = 1 mod |m|.
    let mut rlen = if m.mag == [1] { 0 } else { 1 };
    out[0] = 1;
    for i in (0..bit_length(e.mag)).rev() {
        let pl = mul_mag(&out[..rlen], &out[..rlen], prod);
        rlen = rem_mag(&prod[..pl], m.mag, out, work);
        let bit = (e.mag[(i / 32) as usize] >> (i % 32)) & 1;
        if bit == 1 {
            let pl = mul_mag(&out[..rlen], &base[..blen], prod);
            rlen = rem_mag(&prod[..pl], m.mag, out, work);
        }
    }
    if m.neg && rlen > 0 {
        let t = &mut prod[..k];
        let l = sub_mag(m.mag, &out[..rlen], t);
        out[..l].copy_from_slice(&t[..l]);
        return Ok(IntOut { neg: true, len: l });
    }
    Ok(IntOut { neg: false, len: rlen })
}

/// Inverse of `a` modulo `m` (0 <= a < m) by the extended Euclidean algorithm, tracking the
/// Bezout coefficient of `a` modulo `m` so every value stays non-negative and below `m`.
/// `out` holds 6*(m.len()+1) digits of work space; the inverse is left at its start.
fn mod_inverse(a: &[u32], m: &[u32], out: &mut [u32], prod: &mut [u32], work: &mut [u32]) -> Result<usize, IntError> {
    let k = m.len() + 1;
    let (x0, rest) = out.split_at_mut(k);
    let (x1, rest) = rest.split_at_mut(k);
    let (r0, rest) = rest.split_at_mut(k);
    let (r1, rest) = rest.split_at_mut(k);
    let (qb, tb) = rest.split_at_mut(k);
    // Invariant: r0 = x0·a and r1 = x1·a (mod m).
    r0[..m.len()].copy_from_slice(m);
    let mut r0l = m.len();
    r1[..a.len()].copy_from_slice(a);
    let mut r1l = a.len();
    let mut x0l = 0;
    x1[0] = 1;
    let mut x1l = 1;
    while r1l > 0 {
        let (ql, rl) = if cmp_mag(&r0[..r0l], &r1[..r1l]) == Ordering::Less {
            tb[..r0l].copy_from_slice(&r0[..r0l]);
            (0, r0l)
        } else {
            divrem_mag(&r0[..r0l], &r1[..r1l], qb, tb, work)
        };
        // t = q·x1 mod m, left in w1.
        let pl = mul_mag(&qb[..ql], &x1[..x1l], prod);
        let (w1, w2) = work.split_at_mut(k);
        let tl = rem_mag(&prod[..pl], m, w1, w2);
        // x2 = (x0 - t) mod m, left in prod.
        let x2l = if cmp_mag(&x0[..x0l], &w1[..tl]) != Ordering::Less {
            sub_mag(&x0[..x0l], &w1[..tl], prod)
        } else {
            let l = sub_mag(m, &w1[..tl], w2);
            add_mag(&x0[..x0l], &w2[..l], prod)
        };
        r0[..r1l].copy_from_slice(&r1[..r1l]);
        r0l = r1l;
        r1[..rl].copy_from_slice(&tb[..rl]);
        r1l = rl;
        x0[..x1l].copy_from_slice(&x1[..x1l]);
        x0l = x1l;
        x1[..x2l].copy_from_slice(&prod[..x2l]);
        x1l = x2l;
    }
    if r0[..r0l] != [1] {
        return Err(IntError::NotInvertible);
    }
    Ok(x0l)
}

/// Output and scratch digits for [`round_decimal`].
pub fn round_decimal_len_bounds(a_len: usize) -> (usize, usize) {
    let n = round_part_len(a_len);
    (2 * n, 9 * n)
}

/// Digits of each temporary of [`round_decimal`]: enough for `pow_len_bound(10, k)` with the
/// largest `k` that does not round to zero (about 1.2·a_len + 2).
fn round_part_len(a_len: usize) -> usize {
    a_len + a_len / 4 + 6
}

/// `round(a, -k)` for an int: `a` rounded to a multiple of `10**k`, ties to even (CPython's
/// `_PyLong_DivmodNear`). The VM returns `a` itself for `ndigits >= 0`.
pub fn round_decimal(a: IntRef, k: u64, out: &mut [u32], scratch: &mut [u32]) -> Result<IntOut, IntError> {
    let (ol, sl) = round_decimal_len_bounds(a.mag.len());
    check(out.len(), ol)?;
    check(scratch.len(), sl)?;
    // 10^k > 2|a| (k·log2(10) > bits + 1) rounds to 0 (3.3219 < log2(10)); this also bounds k
    // for the buffer sizes.
    if k.saturating_mul(33219) / 10000 > bit_length(a.mag) + 1 {
        return Ok(IntOut { neg: false, len: 0 });
    }
    let n = round_part_len(a.mag.len());
    let (p, rest) = scratch.split_at_mut(n);
    let (ps, rest) = rest.split_at_mut(n);
    let (q, rest) = rest.split_at_mut(n);
    let (r, rest) = rest.split_at_mut(n);
    let (r2, work) = rest.split_at_mut(n);
    let ten = [10u32];
    let po = pow(IntRef::new(false, &ten), k, p, ps)?;
    let pr = IntRef::new(false, &p[..po.len]);
    let (qo, ro) = divmod(a, pr, q, r, work)?;
    // Round up when 2r > p, or 2r == p and q is odd (r >= 0 because p > 0).
    let r2o = shl(ro.view(r), 1, r2)?;
    let q_odd = q.first().is_some_and(|&d| d & 1 == 1) && qo.len > 0;
    let mut qv = qo;
    match cmp_mag(&r2[..r2o.len], pr.mag) {
        Ordering::Greater => qv = add(qo.view(q), IntRef::new(false, &[1]), ps)?,
        Ordering::Equal if q_odd => qv = add(qo.view(q), IntRef::new(false, &[1]), ps)?,
        _ => ps[..qo.len].copy_from_slice(&q[..qo.len]),
    }
    let len = mul_into(&ps[..qv.len], pr.mag, out, &mut []);
    Ok(IntOut { neg: qv.neg && len > 0, len })
}

// ---------------------------------------------------------------------------------------------
// Shifts

/// Output digits needed by [`shl`], or `None` if the result could not fit in memory.
pub fn shl_len_bound(a_len: usize, n: u64) -> Option<usize> {
    let words = usize::try_from(n / 32).ok()?;
    a_len.checked_add(words)?.checked_add(1)
}

/// `a << n` (negative numbers keep their sign: `-a << n == -(a << n)`).
pub fn shl(a: IntRef, n: u64, out: &mut [u32]) -> Result<IntOut, IntError> {
    let bound = shl_len_bound(a.mag.len(), n).ok_or(IntError::Overflow)?;
    check(out.len(), bound)?;
    if a.is_zero() {
        return Ok(IntOut { neg: false, len: 0 });
    }
    let words = (n / 32) as usize;
    let bits = (n % 32) as u32;
    for x in out.iter_mut().take(words) {
        *x = 0;
    }
    let top = shl_small(a.mag, bits, &mut out[words..]);
    out[words + a.mag.len()] = top;
    let len = normalized_len(&out[..bound]);
    Ok(IntOut { neg: a.neg, len })
}

/// Output digits needed by [`shr`].
pub fn shr_len_bound(a_len: usize) -> usize {
    a_len + 1
}

/// `a >> n` with Python's floor semantics (`-1 >> 5 == -1`, `-5 >> 1 == -3`).
pub fn shr(a: IntRef, n: u64, out: &mut [u32]) -> Result<IntOut, IntError> {
    check(out.len(), shr_len_bound(a.mag.len()))?;
    let words = usize::try_from(n / 32).unwrap_or(usize::MAX);
    let bits = (n % 32) as u32;
    let mut len = 0;
    if words < a.mag.len() {
        let src = &a.mag[words..];
        shr_small(src, bits, out);
        len = normalized_len(&out[..src.len()]);
    }
    if a.neg {
        // Floor: round the magnitude up if any 1 bit was shifted out.
        let lost = a.mag.iter().take(words).any(|&d| d != 0)
            || (words < a.mag.len() && bits > 0 && a.mag[words] & ((1u32 << bits) - 1) != 0)
            || words >= a.mag.len();
        if lost {
            for x in out.iter_mut().take(a.mag.len() + 1).skip(len) {
                *x = 0;
            }
            inc_in_place(&mut out[..a.mag.len() + 1], 1);
            len = normalized_len(&out[..a.mag.len() + 1]);
        }
        return Ok(IntOut { neg: true, len });
    }
    Ok(IntOut { neg: false, len })
}

// ---------------------------------------------------------------------------------------------
// Bitwise operations on the infinite two's-complement representation

/// Output digits needed by [`and`], [`or`], [`xor`].
pub fn bitwise_len_bound(a_len: usize, b_len: usize) -> usize {
    a_len.max(b_len) + 1
}

/// Streams the two's-complement digits of a signed number (sign-extended forever).
struct TwosDigits<'a> {
    mag: &'a [u32],
    neg: bool,
    carry: bool,
    i: usize,
}

impl<'a> TwosDigits<'a> {
    fn new(x: IntRef<'a>) -> Self {
        TwosDigits { mag: x.mag, neg: x.neg, carry: true, i: 0 }
    }
    fn next_digit(&mut self) -> u32 {
        let d = self.mag.get(self.i).copied().unwrap_or(0);
        self.i += 1;
        if !self.neg {
            return d;
        }
        let (t, c) = (!d).overflowing_add(self.carry as u32);
        self.carry = c;
        t
    }
}

fn bitwise(a: IntRef, b: IntRef, out: &mut [u32], op: fn(u32, u32) -> u32) -> Result<IntOut, IntError> {
    let n = bitwise_len_bound(a.mag.len(), b.mag.len());
    check(out.len(), n)?;
    let (mut da, mut db) = (TwosDigits::new(a), TwosDigits::new(b));
    for x in out.iter_mut().take(n) {
        *x = op(da.next_digit(), db.next_digit());
    }
    let ext = |neg: bool| if neg { u32::MAX } else { 0 };
    let neg = op(ext(a.neg), ext(b.neg)) != 0;
    if neg {
        // Magnitude of a negative two's-complement value: !r + 1.
        for x in out.iter_mut().take(n) {
            *x = !*x;
        }
        inc_in_place(&mut out[..n], 1);
    }
    let len = normalized_len(&out[..n]);
    Ok(IntOut { neg: neg && len > 0, len })
}

/// `a & b`. `out.len() >= bitwise_len_bound(..)`.
pub fn and(a: IntRef, b: IntRef, out: &mut [u32]) -> Result<IntOut, IntError> {
    bitwise(a, b, out, |x, y| x & y)
}

/// `a | b`. `out.len() >= bitwise_len_bound(..)`.
pub fn or(a: IntRef, b: IntRef, out: &mut [u32]) -> Result<IntOut, IntError> {
    bitwise(a, b, out, |x, y| x | y)
}

/// `a ^ b`. `out.len() >= bitwise_len_bound(..)`.
pub fn xor(a: IntRef, b: IntRef, out: &mut [u32]) -> Result<IntOut, IntError> {
    bitwise(a, b, out, |x, y| x ^ y)
}

/// `~a == -a - 1`. `out.len() >= a.mag.len() + 1`.
pub fn invert(a: IntRef, out: &mut [u32]) -> Result<IntOut, IntError> {
    let n = a.mag.len() + 1;
    check(out.len(), n)?;
    out[..a.mag.len()].copy_from_slice(a.mag);
    out[a.mag.len()] = 0;
    if a.neg {
        dec_in_place(&mut out[..n], 1);
        Ok(IntOut { neg: false, len: normalized_len(&out[..n]) })
    } else {
        inc_in_place(&mut out[..n], 1);
        Ok(IntOut { neg: true, len: normalized_len(&out[..n]) })
    }
}

// ---------------------------------------------------------------------------------------------
// Machine integer conversions

/// Writes `v` (needs 2 digits).
pub fn from_u64(v: u64, out: &mut [u32]) -> Result<IntOut, IntError> {
    check(out.len(), 2)?;
    out[0] = v as u32;
    out[1] = (v >> 32) as u32;
    Ok(IntOut { neg: false, len: normalized_len(&out[..2]) })
}

/// Writes `v` (needs 2 digits).
pub fn from_i64(v: i64, out: &mut [u32]) -> Result<IntOut, IntError> {
    let r = from_u64(v.unsigned_abs(), out)?;
    Ok(IntOut { neg: v < 0, len: r.len })
}

/// Writes `v` (needs 4 digits).
pub fn from_i128(v: i128, out: &mut [u32]) -> Result<IntOut, IntError> {
    check(out.len(), 4)?;
    let u = v.unsigned_abs();
    for (i, x) in out.iter_mut().take(4).enumerate() {
        *x = (u >> (32 * i)) as u32;
    }
    Ok(IntOut { neg: v < 0, len: normalized_len(&out[..4]) })
}

/// The value as an `i64`, or `None` if it does not fit.
pub fn to_i64(a: IntRef) -> Option<i64> {
    let u = to_u64_mag(a.mag)?;
    if a.neg {
        if u <= 1u64 << 63 {
            Some((u as i64).wrapping_neg())
        } else {
            None
        }
    } else {
        i64::try_from(u).ok()
    }
}

/// The value as an `i128`, or `None` if it does not fit.
pub fn to_i128(a: IntRef) -> Option<i128> {
    let u = to_u128_mag(a.mag)?;
    if a.neg {
        if u <= 1u128 << 127 {
            Some((u as i128).wrapping_neg())
        } else {
            None
        }
    } else {
        i128::try_from(u).ok()
    }
}

/// The magnitude as a `u64` if it fits in two digits (64-bit arithmetic only: u128 needs
/// large compiler intrinsics on 32-bit targets).
fn to_u64_mag(mag: &[u32]) -> Option<u64> {
    match *mag {
        [] => Some(0),
        [a] => Some(a as u64),
        [a, b] => Some(a as u64 | (b as u64) << 32),
        _ => None,
    }
}

fn to_u128_mag(mag: &[u32]) -> Option<u128> {
    if mag.len() > 4 {
        return None;
    }
    Some(mag.iter().rev().fold(0u128, |acc, &d| (acc << 32) | d as u128))
}

// ---------------------------------------------------------------------------------------------
// Float conversions

/// 2^k as an f64 for -1022 <= k <= 1023.
fn pow2(k: i32) -> f64 {
    f64::from_bits(((k + 1023) as u64) << 52)
}

/// Top 64 bits of the magnitude (bits `[bl-64, bl)`), and whether any lower bit is set.
fn top64(mag: &[u32], bl: u64) -> (u64, bool) {
    let shift = bl - 64;
    let mut v = 0u64;
    for i in 0..64u64 {
        let pos = shift + i;
        let d = mag.get((pos / 32) as usize).copied().unwrap_or(0);
        v |= (((d >> (pos % 32)) & 1) as u64) << i;
    }
    let words = (shift / 32) as usize;
    let lost = mag.iter().take(words).any(|&d| d != 0)
        || (!shift.is_multiple_of(32) && mag.get(words).is_some_and(|&d| d & ((1u32 << (shift % 32)) - 1) != 0));
    (v, lost)
}

/// `float(a)`, rounded half to even; [`IntError::Overflow`] past `f64::MAX`
/// ("int too large to convert to float").
pub fn to_f64(a: IntRef) -> Result<f64, IntError> {
    let bl = bit_length(a.mag);
    let mag = if bl <= 64 {
        to_u64_mag(a.mag).unwrap_or(0) as f64
    } else {
        if bl > 1024 {
            return Err(IntError::Overflow);
        }
        // 64 bits plus a sticky bit round exactly like the full value would.
        let (top, lost) = top64(a.mag, bl);
        let m = (top | lost as u64) as f64;
        let k = (bl - 64) as i32;
        let r = m * pow2(k);
        if r.is_infinite() {
            return Err(IntError::Overflow);
        }
        r
    };
    Ok(if a.neg { -mag } else { mag })
}

/// Scratch digits needed by [`true_div`].
pub fn true_div_scratch_len(a_len: usize, b_len: usize) -> usize {
    let x = a_len.max(b_len) + 40;
    x + (x + 2) + b_len + knuth_scratch(x, b_len)
}

/// `a / b` correctly rounded (CPython's `long_true_divide`). Errors: [`IntError::ZeroDivision`]
/// ("division by zero"), [`IntError::Overflow`] ("integer division result too large for a
/// float").
pub fn true_div(a: IntRef, b: IntRef, scratch: &mut [u32]) -> Result<f64, IntError> {
    if b.is_zero() {
        return Err(IntError::ZeroDivision);
    }
    let neg = a.neg != b.neg;
    let sign = |x: f64| if neg { -x } else { x };
    if a.is_zero() {
        return Ok(sign(0.0));
    }
    let (abl, bbl) = (bit_length(a.mag), bit_length(b.mag));
    if abl <= 53 && bbl <= 53 {
        // Both exact as floats: one correctly rounded IEEE division.
        let x = to_u64_mag(a.mag).unwrap_or(0) as f64;
        let y = to_u64_mag(b.mag).unwrap_or(0) as f64;
        return Ok(sign(x / y));
    }
    check(scratch.len(), true_div_scratch_len(a.mag.len(), b.mag.len()))?;
    const MANT: i64 = 53;
    const MIN_EXP: i64 = -1021;
    const MAX_EXP: i64 = 1024;
    let diff = abl as i64 - bbl as i64;
    // Exponent of the quotient is diff or diff+1.
    if diff > MAX_EXP {
        return Err(IntError::Overflow);
    }
    if diff < MIN_EXP - MANT - 1 {
        return Ok(sign(0.0));
    }
    let shift = diff.max(MIN_EXP) - MANT - 2;
    let xcap = a.mag.len().max(b.mag.len()) + 40;
    let (x, rest) = scratch.split_at_mut(xcap);
    let (q, rest) = rest.split_at_mut(xcap + 2);
    let (r, work) = rest.split_at_mut(b.mag.len());
    // x = a >> shift or a << -shift; inexact records bits shifted out.
    let mut inexact = false;
    let xl = if shift <= 0 {
        shl(IntRef::new(false, a.mag), (-shift) as u64, x)?.len
    } else {
        let s = shift as u64;
        let words = (s / 32) as usize;
        inexact = a.mag.iter().take(words).any(|&d| d != 0)
            || (!s.is_multiple_of(32) && a.mag.get(words).is_some_and(|&d| d & ((1u32 << (s % 32)) - 1) != 0));
        shr(IntRef::new(false, a.mag), s, x)?.len
    };
    let xs = &x[..xl];
    let (ql, rl) = if cmp_mag(xs, b.mag) == Ordering::Less { (0, xl) } else { divrem_mag(xs, b.mag, q, r, work) };
    if rl != 0 {
        inexact = true;
    }
    // The quotient has at most MANT + 3 bits.
    let mut qv = to_u64_mag(&q[..ql]).unwrap_or(0);
    let q_bits = 64 - qv.leading_zeros() as i64;
    // Round to MANT bits (fewer for subnormal results), half to even with the sticky bit.
    let extra = q_bits.max(MIN_EXP - shift) - MANT;
    if extra > 0 {
        let mask = (1u64 << extra) - 1;
        let low = qv & mask;
        let half = 1u64 << (extra - 1);
        qv &= !mask;
        if low > half || (low == half && (inexact || qv & (1u64 << extra) != 0)) {
            qv += 1u64 << extra;
        }
    }
    // Result = qv * 2^shift, with qv < 2^(MANT+1) after rounding.
    let qv_bits = 64 - qv.leading_zeros() as i64;
    if shift + qv_bits > MAX_EXP {
        return Err(IntError::Overflow);
    }
    Ok(sign(ldexp_exact(qv as f64, shift)))
}

/// x * 2^k where the result is exactly representable (or 0/subnormal exactly).
fn ldexp_exact(mut x: f64, mut k: i64) -> f64 {
    while k > 1000 {
        x *= pow2(1000);
        k -= 1000;
    }
    while k < -1000 {
        x *= pow2(-1000);
        k += 1000;
    }
    x * pow2(k as i32)
}

/// Digits needed by [`from_f64`] for any finite float.
pub const FROM_F64_LEN: usize = 34;

/// `int(x)`: truncates toward zero. Errors for NaN and infinities. `out.len() >= FROM_F64_LEN`.
pub fn from_f64(x: f64, out: &mut [u32]) -> Result<IntOut, IntError> {
    if x.is_nan() {
        return Err(IntError::NotANumber);
    }
    if x.is_infinite() {
        return Err(IntError::Infinite);
    }
    check(out.len(), FROM_F64_LEN)?;
    let bits = x.to_bits();
    let neg = bits >> 63 == 1;
    let exp = ((bits >> 52) & 0x7ff) as i64;
    if exp < 1023 {
        return Ok(IntOut { neg: false, len: 0 });
    }
    let m = (bits & ((1u64 << 52) - 1)) | (1u64 << 52);
    let e = exp - 1075;
    let mut small = [0u32; 2];
    if e < 0 {
        let v = m >> (-e);
        let r = from_u64(v, out)?;
        return Ok(IntOut { neg: neg && r.len > 0, len: r.len });
    }
    let r = from_u64(m, &mut small)?;
    let s = shl(IntRef::new(false, &small[..r.len]), e as u64, out)?;
    Ok(IntOut { neg, len: s.len })
}

// ---------------------------------------------------------------------------------------------
// Hashing

/// CPython's hash modulus on 64-bit builds: 2^61 - 1.
pub const HASH_MODULUS: u64 = (1u64 << 61) - 1;

/// `hash(a)`: |a| mod 2^61-1, negated for negatives, with -1 mapped to -2.
pub fn hash(a: IntRef) -> i64 {
    let mut x = 0u64;
    for &d in a.mag.iter().rev() {
        // x·2^32 + d modulo 2^61-1, using 2^61 ≡ 1.
        let hi = x >> 29;
        let lo = (x << 32) & HASH_MODULUS;
        x = lo + hi + d as u64;
        if x >= HASH_MODULUS {
            x -= HASH_MODULUS;
        }
    }
    finish_hash(a.neg, x)
}

/// `hash(v)` for a machine integer (same result as [`hash`] on the big-int form).
pub fn hash_i64(v: i64) -> i64 {
    finish_hash(v < 0, v.unsigned_abs() % HASH_MODULUS)
}

fn finish_hash(neg: bool, x: u64) -> i64 {
    let h = if neg { -(x as i64) } else { x as i64 };
    if h == -1 {
        -2
    } else {
        h
    }
}

// ---------------------------------------------------------------------------------------------
// Parsing: int(text, base)

/// The whitespace `int()` and `float()` strip around a number
/// (ASCII `" \t\n\x0b\x0c\r"` and the non-ASCII Unicode spaces; not `\x1c`..`\x1f`, which
/// `str.isspace` accepts but `int()` and `float()` reject.)
pub fn is_python_space(c: char) -> bool {
    c.is_whitespace()
}

/// Output digits needed by [`parse`] for text of `text_len` bytes in `base` (0 = any).
pub fn parse_len_bound(text_len: usize, base: u32) -> usize {
    let bits = if (2..=36).contains(&base) { 32 - (base - 1).leading_zeros() as usize } else { 6 };
    text_len.saturating_mul(bits) / 32 + 2
}

/// `int(text, base)`: base 0 reads a `0x`/`0o`/`0b` prefix (and rejects other leading zeros),
/// bases 2, 8 and 16 accept their own prefix; single underscores may separate digits (and
/// follow a prefix); whitespace around the number and a sign are allowed.
/// `out.len() >= parse_len_bound(text.len(), base)`. More than [`MAX_STR_DIGITS`] digits
/// in a base that is not a power of two is [`IntError::TooManyDigits`].
pub fn parse(text: &str, base: u32, out: &mut [u32]) -> Result<IntOut, IntError> {
    parse_limited(text, base, MAX_STR_DIGITS, out)
}

/// [`parse`] with the digit limit `limit` (0: no limit) instead of [`MAX_STR_DIGITS`].
pub fn parse_limited(text: &str, base: u32, limit: usize, out: &mut [u32]) -> Result<IntOut, IntError> {
    if base == 1 || base > 36 {
        return Err(IntError::InvalidBase);
    }
    check(out.len(), parse_len_bound(text.len(), base))?;
    let s = text.trim_matches(is_python_space).as_bytes();
    let (neg, s) = match s.first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let prefix = |c: u8| match c | 0x20 {
        b'x' => 16,
        b'o' => 8,
        b'b' => 2,
        _ => 0,
    };
    let second = s.get(1).copied().unwrap_or(0);
    let mut base = base;
    let mut zero_only = false;
    if base == 0 {
        if s.first() != Some(&b'0') {
            base = 10;
        } else if prefix(second) != 0 {
            base = prefix(second);
        } else {
            base = 10;
            zero_only = true;
        }
    }
    let mut s = s;
    if s.first() == Some(&b'0') && prefix(second) == base {
        s = &s[2..];
        if s.first() == Some(&b'_') {
            s = &s[1..];
        }
    }
    if s.is_empty() || s[0] == b'_' {
        return Err(IntError::InvalidLiteral);
    }
    // Validate and count digits first.
    let mut ndigits = 0usize;
    let mut prev_us = false;
    for &c in s {
        if c == b'_' {
            if prev_us {
                return Err(IntError::InvalidLiteral);
            }
            prev_us = true;
            continue;
        }
        prev_us = false;
        match digit_value(c) {
            Some(d) if d < base => {
                if zero_only && d != 0 {
                    return Err(IntError::InvalidLiteral);
                }
                ndigits += 1;
            }
            _ => return Err(IntError::InvalidLiteral),
        }
    }
    if prev_us {
        return Err(IntError::InvalidLiteral);
    }
    if !base.is_power_of_two() && limit != 0 && ndigits > limit {
        return Err(IntError::TooManyDigits { digits: ndigits });
    }
    // Accumulate digits in chunks that fit a u32: out = out * base^k + chunk.
    let mut len = 0usize;
    let (mut chunk, mut mult) = (0u32, 1u32);
    for &c in s {
        let Some(d) = digit_value(c) else { continue };
        if mult as u64 * base as u64 > u32::MAX as u64 {
            len = mul_small_add(out, len, mult, chunk)?;
            chunk = 0;
            mult = 1;
        }
        chunk = chunk * base + d;
        mult *= base;
    }
    len = mul_small_add(out, len, mult, chunk)?;
    let len = normalized_len(&out[..len]);
    Ok(IntOut { neg: neg && len > 0, len })
}

fn digit_value(c: u8) -> Option<u32> {
    match c {
        b'0'..=b'9' => Some((c - b'0') as u32),
        b'a'..=b'z' => Some((c - b'a') as u32 + 10),
        b'A'..=b'Z' => Some((c - b'A') as u32 + 10),
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------------
// Formatting: str(), bin(), oct(), hex()

/// Scratch digits [`Radix::new`] needs for a magnitude of `mag_len` digits in `base`
/// (0 for 2, 8 and 16; about 1.07·mag_len base-10^9 chunks for 10).
pub fn radix_scratch_len(mag_len: usize, base: u32) -> usize {
    if base == 10 {
        mag_len + mag_len / 14 + 2
    } else {
        0
    }
}

const CHUNK: u32 = 1_000_000_000;

/// The digits of a magnitude in base 2, 8, 10 or 16 (no sign, no prefix), ready to be
/// measured with [`Radix::len`] and written with [`Radix::write`] (most significant first).
/// Zero has the single digit `0`.
#[derive(Debug)]
pub struct Radix<'a> {
    mag: &'a [u32],
    /// Base-10^9 chunks, least significant first (base 10 only).
    chunks: &'a [u32],
    bits: u32,
    upper: bool,
    len: usize,
}

impl<'a> Radix<'a> {
    /// Prepares the digits of `mag` in `base` (2, 8, 10 or 16); `upper` selects `A-F`.
    /// Base 10 converts into `scratch` ([`radix_scratch_len`] digits), O(n²).
    /// The VM should raise the [`MAX_STR_DIGITS`] error when base 10 gives `len() > 4300`.
    pub fn new(mag: &'a [u32], base: u32, upper: bool, scratch: &'a mut [u32]) -> Result<Self, IntError> {
        let mag = &mag[..normalized_len(mag)];
        let bits = match base {
            2 => 1,
            8 => 3,
            16 => 4,
            10 => 0,
            _ => return Err(IntError::InvalidBase),
        };
        if bits != 0 {
            let bl = bit_length(mag);
            let len = bl.div_ceil(bits as u64).max(1) as usize;
            return Ok(Radix { mag, chunks: &[], bits, upper, len });
        }
        check(scratch.len(), radix_scratch_len(mag.len(), 10))?;
        let mut n = 0usize;
        for &d in mag.iter().rev() {
            // chunks = chunks * 2^32 + d
            let mut carry = d as u64;
            for c in scratch.iter_mut().take(n) {
                let z = ((*c as u64) << 32) + carry;
                *c = (z % CHUNK as u64) as u32;
                carry = z / CHUNK as u64;
            }
            while carry != 0 {
                let slot = scratch.get_mut(n).ok_or(IntError::BufferTooSmall)?;
                *slot = (carry % CHUNK as u64) as u32;
                carry /= CHUNK as u64;
                n += 1;
            }
        }
        let chunks: &'a [u32] = &scratch[..n];
        let len = match chunks.last() {
            None => 1,
            Some(&top) => (n - 1) * 9 + dec_width(top),
        };
        Ok(Radix { mag, chunks, bits: 0, upper, len })
    }

    /// Number of digits.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Always false: zero has one digit.
    pub fn is_empty(&self) -> bool {
        false
    }

    /// Writes the digits, most significant first.
    pub fn write(&self, w: &mut dyn fmt::Write) -> fmt::Result {
        let alphabet: &[u8; 16] = if self.upper { b"0123456789ABCDEF" } else { b"0123456789abcdef" };
        if self.bits == 0 {
            let mut buf = [0u8; 9];
            let Some((&top, rest)) = self.chunks.split_last() else {
                return w.write_char('0');
            };
            let n = dec_width(top);
            write_chunk(top, &mut buf[..n], w)?;
            for &c in rest.iter().rev() {
                write_chunk(c, &mut buf, w)?;
            }
            return Ok(());
        }
        let mask = (1u32 << self.bits) - 1;
        for i in (0..self.len).rev() {
            let pos = i as u64 * self.bits as u64;
            let word = (pos / 32) as usize;
            let off = (pos % 32) as u32;
            let mut v = self.mag.get(word).copied().unwrap_or(0) >> off;
            if off + self.bits > 32 {
                v |= self.mag.get(word + 1).copied().unwrap_or(0) << (32 - off);
            }
            w.write_char(alphabet[(v & mask) as usize] as char)?;
        }
        Ok(())
    }
}

fn dec_width(mut v: u32) -> usize {
    let mut n = 1;
    while v >= 10 {
        v /= 10;
        n += 1;
    }
    n
}

fn write_chunk(mut v: u32, buf: &mut [u8], w: &mut dyn fmt::Write) -> fmt::Result {
    for slot in buf.iter_mut().rev() {
        *slot = b'0' + (v % 10) as u8;
        v /= 10;
    }
    w.write_str(core::str::from_utf8(buf).map_err(|_| fmt::Error)?)
}

/// `str(a)` (`-` and decimal digits) to a sink; `scratch` per [`radix_scratch_len`].
/// Does not apply the 4300-digit limit (see [`Radix::new`]).
pub fn write_decimal(a: IntRef, scratch: &mut [u32], w: &mut dyn fmt::Write) -> Result<(), IntError> {
    let r = Radix::new(a.mag, 10, false, scratch)?;
    if a.neg {
        w.write_char('-').map_err(|_| IntError::BufferTooSmall)?;
    }
    r.write(w).map_err(|_| IntError::BufferTooSmall)
}

#[cfg(test)]
#[path = "bigint_tests.rs"]
mod tests;
