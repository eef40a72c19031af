//! Padding, alignment and digit grouping shared by the format-spec and `%` formatters.
//!
//! A formatted number is laid out as CPython's `calc_number_widths` / `fill_number` do:
//!
//! ```text
//!   [left pad][sign][prefix][pad after sign][grouped digits][rest][right pad]
//! ```
//!
//! `rest` is a float's point, fraction and exponent (or `inf`/`nan`, or a trailing `%`).
//! When the fill is `0` and the alignment is `=`, the padding goes into the digits instead, so
//! it is grouped like them (`format(1234, '010,')` is `'00,001,234'`), following
//! `_PyUnicode_InsertThousandsGrouping`. Widths are counted in code points. Output is
//! streamed: the lengths are computed first, then everything is written once.

use core::fmt::{self, Write};

/// Where padding goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// `<`: pad on the right.
    Left,
    /// `>`: pad on the left.
    Right,
    /// `^`: split, the extra character on the right.
    Center,
    /// `=`: pad between the sign/prefix and the digits.
    AfterSign,
}

/// A run of ASCII digits whose length is known before it is written (for example
/// `bigint::Radix`, or the integer part of a `float::FloatText`).
pub trait DigitSource {
    /// Number of digits (characters) written by [`DigitSource::write_digits`].
    fn digit_count(&self) -> usize;
    /// Writes the digits.
    fn write_digits(&self, w: &mut dyn Write) -> fmt::Result;
}

impl DigitSource for crate::num::bigint::Radix<'_> {
    fn digit_count(&self) -> usize {
        self.len()
    }
    fn write_digits(&self, w: &mut dyn Write) -> fmt::Result {
        self.write(w)
    }
}

/// Digits given as a string.
impl DigitSource for &str {
    fn digit_count(&self) -> usize {
        self.chars().count()
    }
    fn write_digits(&self, w: &mut dyn Write) -> fmt::Result {
        w.write_str(self)
    }
}

/// A digit source left-padded with zeros to at least `min` digits (`'%.5d'`).
pub struct ZeroExtended<'a> {
    /// The digits.
    pub inner: &'a dyn DigitSource,
    /// Minimum number of digits.
    pub min: usize,
}

impl DigitSource for ZeroExtended<'_> {
    fn digit_count(&self) -> usize {
        self.inner.digit_count().max(self.min)
    }
    fn write_digits(&self, w: &mut dyn Write) -> fmt::Result {
        write_fill(w, '0', self.min.saturating_sub(self.inner.digit_count()))?;
        self.inner.write_digits(w)
    }
}

/// Thousands grouping: a separator every `size` digits from the right.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Grouping {
    /// Digits per group (3 for decimal, 4 for `_` with b/o/x/X).
    pub size: usize,
    /// Separator character (`,` or `_`).
    pub sep: char,
}

/// Writes `n` copies of `c`.
pub fn write_fill(w: &mut dyn Write, c: char, n: usize) -> fmt::Result {
    for _ in 0..n {
        w.write_char(c)?;
    }
    Ok(())
}

/// Writes `len` characters produced by `body`, padded to `width` with `fill` (`AfterSign`
/// behaves like `Right`).
pub fn write_padded(
    w: &mut dyn Write,
    width: usize,
    fill: char,
    align: Align,
    len: usize,
    body: &dyn Fn(&mut dyn Write) -> fmt::Result,
) -> fmt::Result {
    let pad = width.saturating_sub(len);
    let (left, right) = match align {
        Align::Left => (0, pad),
        Align::Right | Align::AfterSign => (pad, 0),
        Align::Center => (pad / 2, pad - pad / 2),
    };
    write_fill(w, fill, left)?;
    body(w)?;
    write_fill(w, fill, right)
}

/// Virtual digit count (digits plus leading zeros) and written length (plus separators) of
/// `n_digits` digits grouped and zero-extended to `min_width` characters, as
/// `_PyUnicode_InsertThousandsGrouping` computes them.
fn grouped_len(n_digits: usize, min_width: usize, grouping: Option<Grouping>) -> (usize, usize) {
    let Some(g) = grouping else {
        let l = n_digits.max(min_width).max(1);
        return (l, l);
    };
    let size = g.size.max(1) as i64;
    let mut remaining = n_digits as i64;
    let mut min_width = min_width as i64;
    let (mut vlen, mut count) = (0i64, 0i64);
    let mut use_sep = false;
    loop {
        let l = size.min(remaining.max(min_width).max(1));
        count += use_sep as i64 + l;
        vlen += l;
        use_sep = true;
        remaining -= remaining.min(l);
        min_width -= l;
        if remaining <= 0 && min_width <= 0 {
            break;
        }
        min_width -= 1;
    }
    (vlen as usize, count as usize)
}

/// Inserts separators while digits stream through.
struct GroupWriter<'a> {
    w: &'a mut dyn Write,
    remaining: usize,
    first: bool,
    grouping: Option<Grouping>,
}

impl Write for GroupWriter<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        for c in s.chars() {
            self.write_char(c)?;
        }
        Ok(())
    }
    fn write_char(&mut self, c: char) -> fmt::Result {
        if let Some(g) = self.grouping {
            if !self.first && self.remaining.is_multiple_of(g.size.max(1)) {
                self.w.write_char(g.sep)?;
            }
        }
        self.first = false;
        self.remaining = self.remaining.saturating_sub(1);
        self.w.write_char(c)
    }
}

/// The parts of a formatted number.
pub struct Number<'a> {
    /// Sign text: `""`, `"-"`, `"+"` or `" "`.
    pub sign: &'a str,
    /// Base prefix (`0x`, ...) or `""`.
    pub prefix: &'a str,
    /// The integer digits (grouped and zero-extended).
    pub digits: &'a dyn DigitSource,
    /// Length of `rest` in characters.
    pub rest_len: usize,
    /// Writes what follows the digits.
    pub rest: &'a dyn Fn(&mut dyn Write) -> fmt::Result,
}

/// Writes a number padded to `width` (CPython's `fill_number`).
pub fn write_number(
    w: &mut dyn Write,
    n: &Number,
    grouping: Option<Grouping>,
    fill: char,
    align: Align,
    width: usize,
) -> fmt::Result {
    let leftover = n.sign.len() + n.prefix.len() + n.rest_len;
    let min_width = if fill == '0' && align == Align::AfterSign { width.saturating_sub(leftover) } else { 0 };
    let n_digits = n.digits.digit_count();
    let (vlen, chars) = if n_digits == 0 { (0, 0) } else { grouped_len(n_digits, min_width, grouping) };
    let pad = width.saturating_sub(leftover + chars);
    let (left, mid, right) = match align {
        Align::Left => (0, 0, pad),
        Align::Right => (pad, 0, 0),
        Align::Center => (pad / 2, 0, pad - pad / 2),
        Align::AfterSign => (0, pad, 0),
    };
    write_fill(w, fill, left)?;
    w.write_str(n.sign)?;
    w.write_str(n.prefix)?;
    write_fill(w, fill, mid)?;
    if n_digits > 0 {
        let mut gw = GroupWriter { w: &mut *w, remaining: vlen, first: true, grouping };
        for _ in n_digits..vlen {
            gw.write_char('0')?;
        }
        n.digits.write_digits(&mut gw)?;
    }
    (n.rest)(w)?;
    write_fill(w, fill, right)
}

/// A `fmt::Write` that only counts the characters (code points) written: use it to size a
/// buffer before formatting into it.
#[derive(Clone, Copy, Debug, Default)]
pub struct Counter {
    /// Characters written so far.
    pub chars: usize,
    /// Bytes (UTF-8) written so far.
    pub bytes: usize,
}

impl Write for Counter {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.chars += s.chars().count();
        self.bytes += s.len();
        Ok(())
    }
}

/// A `fmt::Write` into a caller's byte buffer; fails (without panicking) when it is full.
#[derive(Debug)]
pub struct SliceWriter<'a> {
    buf: &'a mut [u8],
    len: usize,
}

impl<'a> SliceWriter<'a> {
    /// Writes into `buf` from its start.
    pub fn new(buf: &'a mut [u8]) -> Self {
        SliceWriter { buf, len: 0 }
    }
    /// Bytes written.
    pub fn len(&self) -> usize {
        self.len
    }
    /// Nothing written yet?
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
    /// The text written so far.
    pub fn as_str(&self) -> &str {
        core::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
}

impl Write for SliceWriter<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len.checked_add(s.len()).ok_or(fmt::Error)?;
        let dst = self.buf.get_mut(self.len..end).ok_or(fmt::Error)?;
        dst.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}
