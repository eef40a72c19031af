//! Exact conversion between binary64 floats and decimal digits, in place of core's `flt2dec`
//! (Grisu and Dragon) and `dec2flt` (Eisel-Lemire and its 10 KiB table), which together cost
//! about 48 KiB of flash and the deepest native stack of the VM.
//!
//! - [`digits`]: the decimal digits of `|x|` in a [`Mode`]: the shortest that read back as `x`
//!   (CPython's `repr`, dtoa mode 0), or the exact value rounded half-even to some significant
//!   digits or decimal places (dtoa modes 2 and 3: `%e`, `%f`, `%g`, `format`, `round`).
//! - [`parse`] / [`to_f64`]: decimal text or digits to the nearest binary64, ties to even,
//!   subnormals and overflow to infinity included (`float(text)`).
//!
//! Both directions compute with exact integers in fixed on-stack buffers of u32 limbs ([`Big`]):
//! no heap and no tables.
//!
//! **Float to decimal.** `x = m·2^e` splits into an integer part and a fraction; a [`Stream`]
//! yields the decimal digits from the most significant one. The integer part (below 2^1024) is
//! converted by repeated division by 10^9; the fraction, `f / 2^(32n)`, is multiplied by 10^9
//! and each product's overflow word is the next nine digits. Rounding looks at the next digit
//! and whether anything non-zero follows, so it is exact. For the shortest digits three streams
//! are read at one decimal scale: `x` and the midpoints `lo`, `hi` to its neighbours, which bound
//! the decimals that read back as `x` (the midpoints themselves only when `m` is even, since
//! reading rounds ties to even). With the first 19 digits of each, for `p = 1, 2, ...` the two
//! `p`-digit candidates around `x` are checked against `lo` and `hi`; the first `p` with one
//! inside wins, and of two the one nearer to `x`, ties to the even digit (as dtoa does).
//!
//! **Decimal to float.** At most 19 digits below 2^53 with a power of ten up to 10^22 take one
//! exactly rounded f64 multiplication or division (Clinger's fast path). Otherwise the first
//! 800 significant digits make a big integer `W` (more digits only matter as a sticky bit: a
//! midpoint between two doubles has at most 768 significant digits, so the dropped ones cannot
//! change which side of it the value lies on), with `value = W·10^q`. For `q >= 0` that is an
//! integer whose top 64 bits and a sticky bit round to 53; for `q < 0` binary long division
//! gives 56 bits of `W·2^u / 5^-q` and the remainder is the sticky bit.
//!
//! Native stack (thumbv7m): a frame holding a [`Stream`] is about 330 bytes, and the shortest
//! digits add about 200 in the caller's; parsing that misses the fast path takes a cold frame of
//! about 800 bytes (two 344-byte big integers).

use core::cmp::Ordering;

/// Base of a decimal chunk.
const CHUNK: u32 = 1_000_000_000;

// ---------------------------------------------------------------------------------------------
// Big integers

/// A non-negative integer `d[0] + d[1]·2^32 + ...` of `len` limbs (no zero top limb) in a
/// caller's buffer. An operation that would outgrow the buffer drops the excess; the callers
/// size their buffers so that this cannot happen.
struct Big<'a> {
    d: &'a mut [u32],
    len: usize,
}

impl<'a> Big<'a> {
    fn new(d: &'a mut [u32], v: u64) -> Big<'a> {
        let mut b = Big { d, len: 0 };
        b.push(v as u32);
        b.push((v >> 32) as u32);
        b.trim();
        b
    }

    fn limbs(&self) -> &[u32] {
        self.d.get(..self.len).unwrap_or_default()
    }

    fn limbs_mut(&mut self) -> &mut [u32] {
        self.d.get_mut(..self.len).unwrap_or_default()
    }

    /// Limb `j` (zero above the top).
    fn limb(&self, j: usize) -> u32 {
        self.limbs().get(j).copied().unwrap_or(0)
    }

    fn push(&mut self, limb: u32) {
        if let Some(slot) = self.d.get_mut(self.len) {
            *slot = limb;
            self.len += 1;
        }
    }

    fn trim(&mut self) {
        while let Some(0) = self.limbs().last() {
            self.len -= 1;
        }
    }

    fn is_zero(&self) -> bool {
        self.len == 0
    }

    fn bit_len(&self) -> usize {
        self.limbs().last().map_or(0, |top| self.len * 32 - top.leading_zeros() as usize)
    }

    /// `self = self * m + a` (the shared big-int digit loop; a full buffer keeps the low limbs,
    /// which the callers' sizes rule out).
    fn mul_add(&mut self, m: u32, a: u32) {
        if let Ok(len) = super::bigint::mul_small_add(self.d, self.len, m, a) {
            self.len = len;
        }
    }

    /// Multiplies by `base^n`, by the largest powers of `base` that fit a limb.
    fn mul_pow(&mut self, base: u32, mut n: usize) {
        while n > 0 {
            let (mut p, mut k) = (base, 1);
            while k < n {
                match p.checked_mul(base) {
                    Some(q) => (p, k) = (q, k + 1),
                    None => break,
                }
            }
            self.mul_add(p, 0);
            n -= k;
        }
    }

    fn shl(&mut self, bits: usize) {
        if self.len == 0 {
            return;
        }
        let (limbs, b) = (bits / 32, (bits % 32) as u32);
        let old = self.len;
        let new_len = (old + limbs + 1).min(self.d.len());
        // From the top down: limb i reads limbs i - limbs and the one below, not yet written.
        for i in (0..new_len).rev() {
            let src = |j: Option<usize>| match j {
                Some(j) if j < old => self.d.get(j).copied().unwrap_or(0),
                _ => 0,
            };
            let hi = src(i.checked_sub(limbs));
            let v = if b == 0 { hi } else { (hi << b) | (src(i.checked_sub(limbs + 1)) >> (32 - b)) };
            if let Some(slot) = self.d.get_mut(i) {
                *slot = v;
            }
        }
        self.len = new_len;
        self.trim();
    }

    fn cmp(&self, o: &Big<'_>) -> Ordering {
        self.len.cmp(&o.len).then_with(|| self.limbs().iter().rev().cmp(o.limbs().iter().rev()))
    }

    /// `self -= o`, for `self >= o`.
    fn sub(&mut self, o: &Big<'_>) {
        let mut borrow = false;
        let mut ol = o.limbs().iter();
        for x in self.limbs_mut() {
            let y = ol.next().copied().unwrap_or(0);
            let (s1, b1) = x.overflowing_sub(y);
            let (s2, b2) = s1.overflowing_sub(borrow as u32);
            *x = s2;
            borrow = b1 || b2;
        }
        self.trim();
    }

    /// Divides by `d`, returning the remainder.
    fn div_small(&mut self, d: u32) -> u32 {
        let mut rem = 0u64;
        for x in self.limbs_mut().iter_mut().rev() {
            let t = (rem << 32) | *x as u64;
            *x = (t / d as u64) as u32;
            rem = t % d as u64;
        }
        self.trim();
        rem as u32
    }

    /// The top 64 bits `q` and `s` with `self = q·2^s + r`, and whether `r` is non-zero.
    fn top64(&self) -> (u64, usize, bool) {
        let shift = self.bit_len().saturating_sub(64);
        let (w, b) = (shift / 32, (shift % 32) as u32);
        let lo = (self.limb(w + 1) as u64) << 32 | self.limb(w) as u64;
        let q = if b == 0 { lo } else { (lo >> b) | ((self.limb(w + 2) as u64) << (64 - b)) };
        let below = self.limbs().iter().take(w).any(|&l| l != 0) || self.limb(w) & ((1 << b) - 1) != 0;
        (q, shift, below)
    }
}

// ---------------------------------------------------------------------------------------------
// Float to decimal

/// Which digits [`digits`] produces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// The shortest digits that read back as `x`, the nearest to `x` of those (dtoa mode 0).
    Shortest,
    /// This many significant digits, at least 1 (dtoa mode 2).
    Significant(usize),
    /// This many digits after the point, before it when negative (dtoa mode 3).
    Fixed(i64),
}

/// Chunks of nine digits in an integer below 2^1024 (309 digits).
const INT_CHUNKS: usize = 35;
/// Limbs of a fraction of at most 1075 bits (the smallest midpoint is 2^-1075); they also hold
/// an integer part below 2^1024 while it is converted.
const FRAC_LIMBS: usize = 34;

/// The decimal digits of `m·2^e` (`m < 2^64`, `-1075 <= e`, `m·2^e < 2^1024`), most
/// significant first; the value is `0.d1d2d3... × 10^(9·nint)` before any digit is taken.
struct Stream {
    /// Integer part in base 10^9, least significant chunk first; `int[..nint]` are unread.
    int: [u32; INT_CHUNKS],
    nint: usize,
    /// Fraction `frac[..flen] / 2^(32·flen)`, little-endian; the limbs below `flo` are zero.
    frac: [u32; FRAC_LIMBS],
    flo: usize,
    flen: usize,
    /// The unread digits of the current chunk, and the power of ten of the next one (0 when
    /// the chunk is used up).
    cur: u32,
    div: u32,
}

impl Stream {
    fn new(m: u64, e: i32) -> Stream {
        let mut s = Stream { int: [0; INT_CHUNKS], nint: 0, frac: [0; FRAC_LIMBS], flo: 0, flen: 0, cur: 0, div: 0 };
        if e >= 0 {
            let mut n = Big::new(&mut s.frac, m);
            n.shl(e as usize);
            while !n.is_zero() {
                let r = n.div_small(CHUNK);
                if let Some(slot) = s.int.get_mut(s.nint) {
                    *slot = r;
                    s.nint += 1;
                }
            }
            return s;
        }
        let sh = e.unsigned_abs();
        let (mut int, f) = if sh < 64 { (m >> sh, m & ((1 << sh) - 1)) } else { (0, m) };
        while int > 0 {
            if let Some(slot) = s.int.get_mut(s.nint) {
                *slot = (int % CHUNK as u64) as u32;
                s.nint += 1;
            }
            int /= CHUNK as u64;
        }
        // f / 2^sh == (f << t) / 2^(32·flen); f << t has at most 95 bits.
        s.flen = (sh as usize).div_ceil(32).min(FRAC_LIMBS);
        let t = (s.flen as u32 * 32).saturating_sub(sh) % 32;
        let lo = f << t;
        let hi = if t == 0 { 0 } else { f >> (64 - t) };
        for (slot, v) in s.frac.iter_mut().take(s.flen).zip([lo as u32, (lo >> 32) as u32, hi as u32]) {
            *slot = v;
        }
        s.skip_zero_limbs();
        s
    }

    fn skip_zero_limbs(&mut self) {
        while self.flo < self.flen && self.frac.get(self.flo) == Some(&0) {
            self.flo += 1;
        }
    }

    /// The next nine digits.
    fn next_chunk(&mut self) -> u32 {
        if self.nint > 0 {
            self.nint -= 1;
            return self.int.get(self.nint).copied().unwrap_or(0);
        }
        let mut carry = 0u64;
        for x in self.frac.get_mut(self.flo..self.flen).unwrap_or_default() {
            let t = *x as u64 * CHUNK as u64 + carry;
            *x = t as u32;
            carry = t >> 32;
        }
        self.skip_zero_limbs();
        carry as u32
    }

    fn digit(&mut self) -> u8 {
        if self.div == 0 {
            self.cur = self.next_chunk();
            self.div = CHUNK / 10;
        }
        let d = self.cur / self.div;
        self.cur %= self.div;
        self.div /= 10;
        d as u8
    }

    /// Are all digits not yet taken zero?
    fn rest_zero(&self) -> bool {
        self.cur == 0 && self.flo >= self.flen && self.int.iter().take(self.nint).all(|&c| c == 0)
    }

    /// Skips the leading zeros: the first significant digit and the decimal point position
    /// (the value is `0.d... × 10^decpt`). The digit is 0 only for a zero value.
    fn first(&mut self) -> (u8, i32) {
        let mut decpt = 9 * self.nint as i32;
        loop {
            if self.div == 0 {
                let c = self.next_chunk();
                if c == 0 && !self.rest_zero() {
                    decpt -= 9;
                    continue;
                }
                self.cur = c;
                self.div = CHUNK / 10;
            }
            let d = self.digit();
            if d != 0 || self.rest_zero() {
                return (d, decpt);
            }
            decpt -= 1;
        }
    }
}

/// `|x| = m·2^e` (finite), and whether the neighbour below is nearer than the one above
/// (`x` is a power of two above the smallest normal).
fn decode(x: f64) -> (u64, i32, bool) {
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1 << 52) - 1);
    if biased == 0 {
        (frac, -1074, false)
    } else {
        (frac | 1 << 52, biased - 1075, frac == 0 && biased > 1)
    }
}

/// Writes the digits of `|x|` (finite) in `mode` to `buf` without trailing zeros and returns
/// `(n, decpt, sticky)`: the value is `0.buf[..n] × 10^decpt`; `n == 0` for zero. Digits that
/// do not fit `buf` are dropped, and `sticky` says whether one of them was non-zero. The
/// shortest digits are at most 17.
pub fn digits(x: f64, mode: Mode, buf: &mut [u8]) -> (usize, i32, bool) {
    let (m, e, closer) = decode(x);
    if m == 0 {
        return (0, 1, false);
    }
    match mode {
        Mode::Shortest => {
            let (n, decpt) = shortest(m, e, closer, buf);
            (n, decpt, false)
        }
        Mode::Significant(n) => rounded(m, e, n.clamp(1, i32::MAX as usize) as i64, false, buf),
        Mode::Fixed(p) => rounded(m, e, p.clamp(-(1 << 40), 1 << 40), true, buf),
    }
}

/// Digits of `m·2^e > 0` rounded half-even to `k` significant digits, or to `k` places after
/// the point when `fixed`.
fn rounded(m: u64, e: i32, k: i64, fixed: bool, buf: &mut [u8]) -> (usize, i32, bool) {
    let mut s = Stream::new(m, e);
    let (mut d, mut decpt) = s.first();
    let k = if fixed { decpt as i64 + k } else { k };
    let (mut n, mut i, mut last) = (0usize, 0i64, 0u8);
    // Digits beyond `buf`: some is non-zero, all are nines.
    let (mut sticky, mut nines) = (false, true);
    let (next, rest) = if k <= 0 {
        // Nothing is kept; the first digit only counts when it is the one right after.
        if k < 0 {
            return (0, decpt, false);
        }
        (d, !s.rest_zero())
    } else {
        loop {
            if let Some(slot) = buf.get_mut(i as usize) {
                *slot = b'0' + d;
                n = i as usize + 1;
            } else {
                sticky |= d != 0;
                nines &= d == 9;
            }
            last = d;
            i += 1;
            if i == k || s.rest_zero() {
                break;
            }
            d = s.digit();
        }
        if s.rest_zero() {
            (0, false)
        } else {
            (s.digit(), !s.rest_zero())
        }
    };
    if next > 5 || (next == 5 && (rest || last % 2 == 1)) {
        if (n as i64) < i && !nines {
            // The increment stays beyond the buffer.
            sticky = true;
        } else {
            // Nines (if any) beyond the buffer become zeros; the carry lands in it.
            sticky = buf.is_empty();
            decpt += increment(buf, &mut n);
        }
    }
    (strip_zeros(buf, n), decpt, sticky)
}

/// Adds one unit in the last of `buf[..n]` (ASCII digits); when every digit was 9 the result
/// is `1` (with `*n == 1`) and 1 is returned (the point moves), else 0.
fn increment(buf: &mut [u8], n: &mut usize) -> i32 {
    for j in (0..*n).rev() {
        if let Some(c) = buf.get_mut(j) {
            if *c != b'9' {
                *c += 1;
                return 0;
            }
            *c = b'0';
        }
    }
    if let Some(c) = buf.first_mut() {
        *c = b'1';
        *n = 1;
    }
    1
}

fn strip_zeros(buf: &[u8], mut n: usize) -> usize {
    while n > 0 && buf.get(n - 1) == Some(&b'0') {
        n -= 1;
    }
    n
}

/// Positions read of each stream for the shortest digits (17 significant digits always read
/// back, plus a leading zero when `x` is below the scale of `hi`, plus the next digit).
const SHORT_READ: usize = 19;

/// The first [`SHORT_READ`] digits (0-9) of `m·2^e > 0` at the scale `10^scale` (its own when
/// `None`): returns the scale and whether a non-zero digit follows.
fn digits_at(m: u64, e: i32, scale: Option<i32>, out: &mut [u8; SHORT_READ]) -> (i32, bool) {
    let mut s = Stream::new(m, e);
    let (mut d, decpt) = s.first();
    let scale = scale.unwrap_or(decpt);
    // Leading zeros at this scale (0 or 1 for the midpoints around `x`).
    let mut i = scale.saturating_sub(decpt).clamp(0, SHORT_READ as i32) as usize;
    let mut rest = false;
    loop {
        match out.get_mut(i) {
            Some(slot) => *slot = d,
            None => {
                rest = d != 0;
                break;
            }
        }
        i += 1;
        if i == SHORT_READ {
            break;
        }
        d = s.digit();
    }
    (scale, rest || !s.rest_zero())
}

/// The shortest digits of `m·2^e > 0` that read back as it: see the module documentation.
fn shortest(m: u64, e: i32, closer: bool, buf: &mut [u8]) -> (usize, i32) {
    let even = m.is_multiple_of(2);
    let (mut hd, mut xd, mut ld) = ([0u8; SHORT_READ], [0u8; SHORT_READ], [0u8; SHORT_READ]);
    let (scale, h_rest) = digits_at(2 * m + 1, e - 1, None, &mut hd);
    let (_, x_rest) = digits_at(m, e, Some(scale), &mut xd);
    let (lm, le) = if closer { (4 * m - 1, e - 2) } else { (2 * m - 1, e - 1) };
    let (_, l_rest) = digits_at(lm, le, Some(scale), &mut ld);
    // Is a digit after position p (of SHORT_READ, then the rest) non-zero?
    let tail = |a: &[u8; SHORT_READ], rest: bool, p: usize| rest || a.iter().skip(p).any(|&d| d != 0);
    let (mut c, mut lo, mut hi) = (0u64, 0u64, 0u64);
    let mut p = 1;
    let up = loop {
        let at = |a: &[u8; SHORT_READ]| a.get(p - 1).copied().unwrap_or(0) as u64;
        (c, lo, hi) = (c * 10 + at(&xd), lo * 10 + at(&ld), hi * 10 + at(&hd));
        if !tail(&xd, x_rest, p) {
            // x itself has p digits.
            break false;
        }
        // c < x < c + 1 (in units of the p-th digit): is c >= lo, is c + 1 <= hi?
        let c_ok = c > lo || (c == lo && even && !tail(&ld, l_rest, p));
        let c1_ok = c + 1 < hi || (c + 1 == hi && (even || tail(&hd, h_rest, p)));
        let next = xd.get(p).copied().unwrap_or(0);
        let nearer_up = next > 5 || (next == 5 && (tail(&xd, x_rest, p + 1) || c % 2 == 1));
        // Both fit, or (never: 17 significant digits always fit) no digits are left.
        if (c_ok && c1_ok) || p == SHORT_READ - 1 {
            break nearer_up;
        }
        if c_ok || c1_ok {
            break c1_ok;
        }
        p += 1;
    };
    let mut n = p;
    let mut decpt = scale;
    for d in xd.iter_mut().take(p) {
        *d += b'0';
    }
    if up {
        decpt += increment(&mut xd, &mut n);
    }
    // Drop a leading zero (x below the scale of hi).
    let lead = xd.iter().take(n).take_while(|&&d| d == b'0').count();
    let digits = xd.get(lead..n).unwrap_or_default();
    let n = strip_zeros(digits, digits.len());
    for (slot, &d) in buf.iter_mut().zip(digits.iter().take(n)) {
        *slot = d;
    }
    (n.min(buf.len()), decpt - lead as i32)
}

// ---------------------------------------------------------------------------------------------
// Decimal to float

/// Significant digits that [`to_f64`] uses exactly; the rest only as a sticky bit.
const MAX_SIG: usize = 800;
/// Limbs of its big integers: 10^800 < 2^2658, and 5^1123 · 2^56 < 2^2664 for the divisor
/// (1123 = 800 digits + 323 leading zeros of the smallest values).
const BIG_LIMBS: usize = 86;

/// The value of a literal that `float::parse` accepted: an optional sign, then `inf`,
/// `infinity`, `nan` (any case) or digits with an optional point and exponent; underscores
/// (between digits) are ignored. Other text gives some value without panicking.
pub fn parse(b: &[u8]) -> f64 {
    let (neg, b) = match b.split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) => (false, rest),
        _ => (false, b),
    };
    let v = match b.first() {
        Some(b'i' | b'I') => f64::INFINITY,
        Some(b'n' | b'N') => f64::NAN,
        _ => parse_decimal(b),
    };
    if neg {
        -v
    } else {
        v
    }
}

fn parse_decimal(b: &[u8]) -> f64 {
    let split = b.iter().position(|&c| c == b'e' || c == b'E').unwrap_or(b.len());
    let (mant, exp) = b.split_at(split);
    let mut e = 0i64;
    for &c in exp {
        if c.is_ascii_digit() {
            e = (e * 10 + (c - b'0') as i64).min(1 << 40);
        }
    }
    if exp.contains(&b'-') {
        e = -e;
    }
    // Digit indices: of the point, the first and last non-zero digits.
    let (mut idx, mut point, mut first, mut last, mut start) = (0i64, None, None, 0i64, 0);
    for (i, &c) in mant.iter().enumerate() {
        match c {
            b'.' => point = Some(idx),
            b'0'..=b'9' => {
                if c != b'0' {
                    if first.is_none() {
                        first = Some(idx);
                        start = i;
                    }
                    last = idx;
                }
                idx += 1;
            }
            _ => {}
        }
    }
    let Some(first) = first else { return 0.0 };
    let decpt = point.unwrap_or(idx) - first + e;
    to_f64(mant.get(start..).unwrap_or_default(), (last - first + 1) as usize, decpt)
}

/// `10^n` for `n <= 22` (exact).
fn pow10(n: i64) -> f64 {
    let mut p = 1.0;
    for _ in 0..n {
        p *= 10.0;
    }
    p
}

/// The double nearest to `0.d1d2...dn × 10^decpt`, ties to even, where `d1..dn` are the first
/// `n` ASCII digits of `digits` (other bytes are skipped) and `d1` is not zero.
pub fn to_f64(digits: &[u8], n: usize, decpt: i64) -> f64 {
    if n == 0 || decpt < -323 {
        // Below 10^-324, less than half the smallest subnormal.
        return 0.0;
    }
    if decpt > 309 {
        return f64::INFINITY;
    }
    if n <= 19 {
        let w = digits.iter().filter(|c| c.is_ascii_digit()).take(n).fold(0u64, |w, &c| w * 10 + (c - b'0') as u64);
        let q = decpt - n as i64;
        if w <= 1 << 53 {
            // One exactly rounded operation on exact operands.
            if (0..=22).contains(&q) {
                return w as f64 * pow10(q);
            }
            if (-22..0).contains(&q) {
                return w as f64 / pow10(-q);
            }
            if q > 22 && q <= 22 + 15 {
                // w·10^(q-22) may still be exact.
                if let Some(w) = w.checked_mul(10u64.pow((q - 22) as u32)) {
                    if w <= 1 << 53 {
                        return w as f64 * 1e22;
                    }
                }
            }
        }
    }
    to_f64_exact(digits, n, decpt)
}

#[inline(never)]
#[cold]
fn to_f64_exact(digits: &[u8], n: usize, decpt: i64) -> f64 {
    let sticky = n > MAX_SIG;
    let n = n.min(MAX_SIG);
    let mut wb = [0u32; BIG_LIMBS];
    let mut w = Big::new(&mut wb, 0);
    let (mut chunk, mut len) = (0u32, 0u32);
    for &c in digits.iter().filter(|c| c.is_ascii_digit()).take(n) {
        chunk = chunk * 10 + (c - b'0') as u32;
        len += 1;
        if len == 9 {
            w.mul_add(CHUNK, chunk);
            (chunk, len) = (0, 0);
        }
    }
    w.mul_add(10u32.pow(len), chunk);
    // value = W·10^q
    let q = decpt - n as i64;
    let (mant, e2, rest) = if q >= 0 {
        w.mul_pow(10, q as usize);
        let (top, shift, rest) = w.top64();
        (top, shift as i64, rest)
    } else {
        // value = W / (5^k·2^k) = (A / S)·2^(-u-k) with A = W·2^u, S = 5^k, and
        // 2^54 < A / S < 2^56.
        let k = q.unsigned_abs() as usize;
        let mut sb = [0u32; BIG_LIMBS];
        let mut s = Big::new(&mut sb, 1);
        s.mul_pow(5, k);
        let u = 55 + s.bit_len() as i64 - w.bit_len() as i64;
        if u >= 0 {
            w.shl(u as usize);
        } else {
            s.shl(u.unsigned_abs() as usize);
        }
        // Restoring division by S·2^55: one quotient bit per step, the remainder doubling.
        s.shl(55);
        let mut quo = 0u64;
        for _ in 0..56 {
            quo <<= 1;
            if w.cmp(&s) != Ordering::Less {
                w.sub(&s);
                quo |= 1;
            }
            w.shl(1);
        }
        (quo, -(u + k as i64), !w.is_zero())
    };
    assemble(mant, e2, rest || sticky)
}

/// The double nearest to `(q + f)·2^e2` with `0 <= f < 1`, `f > 0` exactly when `sticky`
/// (which needs a bit of `q` below the 53 kept ones unless it is false), ties to even.
fn assemble(q: u64, e2: i64, sticky: bool) -> f64 {
    if q == 0 {
        return 0.0;
    }
    let bits = 64 - q.leading_zeros() as i64;
    // Exponent of the last kept bit.
    let mut eb = (e2 + bits - 53).max(-1074);
    let shift = eb - e2;
    let (mut mant, up) = if shift <= 0 {
        (q << shift.unsigned_abs().min(63), false)
    } else if shift > 64 {
        (0, false)
    } else {
        let s = shift as u32;
        let mant = q.checked_shr(s).unwrap_or(0);
        let rem = q - mant.checked_shl(s).unwrap_or(0);
        let half = 1u64 << (s - 1);
        (mant, rem > half || (rem == half && (sticky || mant % 2 == 1)))
    };
    if up {
        mant += 1;
        if mant >> 53 != 0 {
            mant >>= 1;
            eb += 1;
        }
    }
    if mant < 1 << 52 {
        // Subnormal (eb == -1074) or zero.
        return f64::from_bits(mant);
    }
    if eb > 971 {
        return f64::INFINITY;
    }
    f64::from_bits(((eb + 1075) as u64) << 52 | (mant & ((1 << 52) - 1)))
}

#[cfg(test)]
#[path = "dtoa_tests.rs"]
mod tests;
