//! The format-spec mini-language of `format()`, `str.format` and f-strings (CPython 3.11
//! `Python/formatter_unicode.c`).
//!
//! ```text
//! [[fill]align][sign][z][#][0][width][,|_][.precision][type]
//! ```
//!
//! [`FormatSpec::parse`] checks the syntax only; the object-specific rules (which types, signs,
//! `#`, `=`, precision are allowed) are checked by [`FormatSpec::int_kind`], [`format_float`]
//! and [`format_str`], with CPython's messages ([`SpecError::write_message`]).
//!
//! How the VM formats each type:
//! - `int`: `spec.int_kind()?` then
//!   - [`IntKind::Digits`]: build `bigint::Radix::new(mag, base, upper, scratch)` and call
//!     [`format_int`] with the sign;
//!   - [`IntKind::Char`]: check the value fits an i64 (else OverflowError "Python int too large
//!     to convert to C long") and `0 <= v <= 0x10ffff` (else OverflowError "%c arg not in
//!     range(0x110000)"), then call [`format_char`];
//!   - [`IntKind::Float`]: convert with `bigint::to_f64` (OverflowError "int too large to convert
//!     to float") and call [`format_float`].
//! - `float`: [`format_float`]; `str`: [`format_str`].
//! - An empty spec means `str(obj)` (CPython's shortcut), which these functions also produce.
//!
//! Padding and grouping live in `format::pad`.

use super::pad::{self, Align, DigitSource, Grouping, Number};
use crate::num::float::{self, FloatStyle, FloatText};
use core::fmt::{self, Write};

/// Grouping option.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Separator {
    /// No grouping.
    None,
    /// `,`.
    Comma,
    /// `_`.
    Underscore,
}

/// Sign option.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sign {
    /// `-` (default): only negatives.
    Minus,
    /// `+`: always.
    Plus,
    /// ` `: a space for non-negatives.
    Space,
}

/// A parsed format spec. Defaults that depend on the object type (alignment, fill for the `0`
/// flag, the presentation type) are resolved by the formatting functions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FormatSpec {
    /// Explicit fill character (only with an explicit alignment).
    pub fill: Option<char>,
    /// Explicit alignment.
    pub align: Option<Align>,
    /// Sign option, if given.
    pub sign: Option<Sign>,
    /// `z`: coerce negative zero.
    pub no_neg_zero: bool,
    /// `#`: alternate form.
    pub alternate: bool,
    /// The `0` before the width (ignored when a fill is given).
    pub zero_pad: bool,
    /// Minimum width in code points.
    pub width: Option<usize>,
    /// Grouping option.
    pub separator: Separator,
    /// Precision.
    pub precision: Option<usize>,
    /// Presentation type.
    pub ty: Option<char>,
}

/// Errors of the mini-language. Every variant is a `ValueError` except
/// [`SpecError::Sink`] (the output sink failed, e.g. out of memory).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpecError {
    /// "Invalid format specifier '{spec}' for object of type '{type}'".
    Invalid,
    /// "Format specifier missing precision".
    MissingPrecision,
    /// "Too many decimal digits in format string".
    TooManyDigits,
    /// "Cannot specify both ',' and '_'.".
    BothSeparators,
    /// "Cannot specify ',' with 'x'." (also `'_'`).
    SeparatorWithType {
        /// `,` or `_`.
        sep: char,
        /// The presentation type.
        ty: char,
    },
    /// "Unknown format code 'q' for object of type '{type}'".
    UnknownCode(char),
    /// "Precision not allowed in integer format specifier".
    PrecisionNotAllowed,
    /// "Negative zero coercion (z) not allowed in integer format specifier" / "... string ...".
    NegZeroNotAllowed {
        /// True for str, false for int.
        string: bool,
    },
    /// "Sign not allowed in string format specifier".
    SignInString,
    /// "Alternate form (#) not allowed in string format specifier".
    AltInString,
    /// "'=' alignment not allowed in string format specifier".
    EqualsInString,
    /// "Sign not allowed with integer format specifier 'c'".
    SignWithChar,
    /// "Alternate form (#) not allowed with integer format specifier 'c'".
    AltWithChar,
    /// "precision too big": a float precision over `i32::MAX` (CPython's C int).
    PrecisionTooBig,
    /// The output sink returned an error.
    Sink,
}

impl From<fmt::Error> for SpecError {
    fn from(_: fmt::Error) -> Self {
        SpecError::Sink
    }
}

fn write_code(w: &mut dyn Write, c: char) -> fmt::Result {
    if (c as u32) > 32 && (c as u32) < 128 {
        w.write_char(c)
    } else {
        write!(w, "\\x{:x}", c as u32)
    }
}

impl SpecError {
    /// Writes CPython's message. `spec` is the whole format spec, `type_name` the object's type
    /// name (`int`, `float`, `str`, ...).
    pub fn write_message(&self, spec: &str, type_name: &str, w: &mut dyn Write) -> fmt::Result {
        match *self {
            SpecError::Invalid => write!(w, "Invalid format specifier '{}' for object of type '{}'", spec, type_name),
            SpecError::MissingPrecision => w.write_str("Format specifier missing precision"),
            SpecError::TooManyDigits => w.write_str("Too many decimal digits in format string"),
            SpecError::BothSeparators => w.write_str("Cannot specify both ',' and '_'."),
            SpecError::SeparatorWithType { sep, ty } => {
                write!(w, "Cannot specify '{}' with '", sep)?;
                write_code(w, ty)?;
                w.write_str("'.")
            }
            SpecError::UnknownCode(c) => {
                w.write_str("Unknown format code '")?;
                write_code(w, c)?;
                write!(w, "' for object of type '{}'", type_name)
            }
            SpecError::PrecisionNotAllowed => w.write_str("Precision not allowed in integer format specifier"),
            SpecError::NegZeroNotAllowed { string } => write!(
                w,
                "Negative zero coercion (z) not allowed in {} format specifier",
                if string { "string" } else { "integer" }
            ),
            SpecError::SignInString => w.write_str("Sign not allowed in string format specifier"),
            SpecError::AltInString => w.write_str("Alternate form (#) not allowed in string format specifier"),
            SpecError::EqualsInString => w.write_str("'=' alignment not allowed in string format specifier"),
            SpecError::SignWithChar => w.write_str("Sign not allowed with integer format specifier 'c'"),
            SpecError::AltWithChar => w.write_str("Alternate form (#) not allowed with integer format specifier 'c'"),
            SpecError::PrecisionTooBig => w.write_str("precision too big"),
            SpecError::Sink => w.write_str("formatting failed"),
        }
    }
}

fn align_of(c: char) -> Option<Align> {
    match c {
        '<' => Some(Align::Left),
        '>' => Some(Align::Right),
        '^' => Some(Align::Center),
        '=' => Some(Align::AfterSign),
        _ => None,
    }
}

/// The character at byte offset `pos`.
fn peek(s: &str, pos: usize) -> Option<char> {
    s.get(pos..).and_then(|t| t.chars().next())
}

/// Reads decimal digits at byte offset `*pos`; `Ok(None)` if there are none.
fn read_number(s: &str, pos: &mut usize) -> Result<Option<usize>, SpecError> {
    let start = *pos;
    let mut v: usize = 0;
    while let Some(d) = peek(s, *pos).and_then(|c| c.to_digit(10)) {
        // CPython's limit is PY_SSIZE_T_MAX; use the smaller of that and usize.
        v = v
            .checked_mul(10)
            .and_then(|v| v.checked_add(d as usize))
            .filter(|&v| v <= isize::MAX as usize)
            .ok_or(SpecError::TooManyDigits)?;
        *pos += 1;
    }
    Ok(if *pos == start { None } else { Some(v) })
}

impl FormatSpec {
    /// Parses a format spec.
    pub fn parse(s: &str) -> Result<FormatSpec, SpecError> {
        let mut p = 0;
        let mut out = FormatSpec {
            fill: None,
            align: None,
            sign: None,
            no_neg_zero: false,
            alternate: false,
            zero_pad: false,
            width: None,
            separator: Separator::None,
            precision: None,
            ty: None,
        };
        let first = peek(s, 0);
        let second = first.and_then(|c| peek(s, c.len_utf8()));
        if let (Some(f), Some(a)) = (first, second.and_then(align_of)) {
            out.fill = Some(f);
            out.align = Some(a);
            p = f.len_utf8() + 1;
        } else if let Some(a) = first.and_then(align_of) {
            out.align = Some(a);
            p = 1;
        }
        out.sign = match peek(s, p) {
            Some('+') => Some(Sign::Plus),
            Some('-') => Some(Sign::Minus),
            Some(' ') => Some(Sign::Space),
            _ => None,
        };
        if out.sign.is_some() {
            p += 1;
        }
        if peek(s, p) == Some('z') {
            out.no_neg_zero = true;
            p += 1;
        }
        if peek(s, p) == Some('#') {
            out.alternate = true;
            p += 1;
        }
        if out.fill.is_none() && peek(s, p) == Some('0') {
            out.zero_pad = true;
            p += 1;
        }
        out.width = read_number(s, &mut p)?;
        if peek(s, p) == Some(',') {
            out.separator = Separator::Comma;
            p += 1;
        }
        if peek(s, p) == Some('_') {
            if out.separator != Separator::None {
                return Err(SpecError::BothSeparators);
            }
            out.separator = Separator::Underscore;
            p += 1;
        }
        if peek(s, p) == Some(',') && out.separator == Separator::Underscore {
            return Err(SpecError::BothSeparators);
        }
        if peek(s, p) == Some('.') {
            p += 1;
            out.precision = Some(read_number(s, &mut p)?.ok_or(SpecError::MissingPrecision)?);
        }
        let mut rest = s.get(p..).unwrap_or("").chars();
        out.ty = rest.next();
        if rest.next().is_some() {
            return Err(SpecError::Invalid);
        }
        Ok(out)
    }

    /// Checks the grouping option against the effective type (CPython does this while parsing,
    /// with the object's default type); returns the grouping to use.
    fn grouping(&self, ty: char) -> Result<Option<Grouping>, SpecError> {
        let sep = match self.separator {
            Separator::None => return Ok(None),
            Separator::Comma => ',',
            Separator::Underscore => '_',
        };
        match ty {
            'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' | '\0' => Ok(Some(Grouping { size: 3, sep })),
            'b' | 'o' | 'x' | 'X' if sep == '_' => Ok(Some(Grouping { size: 4, sep })),
            _ => Err(SpecError::SeparatorWithType { sep, ty }),
        }
    }

    fn sign_text(&self, neg: bool) -> &'static str {
        match (neg, self.sign) {
            (true, _) => "-",
            (false, Some(Sign::Plus)) => "+",
            (false, Some(Sign::Space)) => " ",
            _ => "",
        }
    }

    /// Fill and alignment for numbers (default right; the `0` flag means fill `0` and `=`).
    fn number_fill_align(&self) -> (char, Align) {
        let fill = self.fill.unwrap_or(if self.zero_pad { '0' } else { ' ' });
        let align = self.align.unwrap_or(if self.zero_pad { Align::AfterSign } else { Align::Right });
        (fill, align)
    }

    /// How an `int` is formatted with this spec (validates the spec for ints).
    pub fn int_kind(&self) -> Result<IntKind, SpecError> {
        let ty = self.ty.unwrap_or('d');
        self.grouping(ty)?;
        let digits = |base, upper| IntKind::Digits { base, upper };
        let kind = match ty {
            'b' => digits(2, false),
            'o' => digits(8, false),
            'd' | 'n' => digits(10, false),
            'x' => digits(16, false),
            'X' => digits(16, true),
            'c' => IntKind::Char,
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => return Ok(IntKind::Float),
            _ => return Err(SpecError::UnknownCode(ty)),
        };
        if self.precision.is_some() {
            return Err(SpecError::PrecisionNotAllowed);
        }
        if self.no_neg_zero {
            return Err(SpecError::NegZeroNotAllowed { string: false });
        }
        if kind == IntKind::Char {
            if self.sign.is_some() {
                return Err(SpecError::SignWithChar);
            }
            if self.alternate {
                return Err(SpecError::AltWithChar);
            }
        }
        Ok(kind)
    }
}

/// What the VM must supply to format an `int` (from [`FormatSpec::int_kind`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IntKind {
    /// Digits of the magnitude in `base` (2, 8, 10, 16), `upper` for `X`: call [`format_int`].
    Digits {
        /// Base.
        base: u32,
        /// Upper-case hex digits.
        upper: bool,
    },
    /// The code point: call [`format_char`].
    Char,
    /// Convert to float and call [`format_float`].
    Float,
}

/// Formats an int's digits (from `bigint::Radix` in the base [`FormatSpec::int_kind`] chose).
pub fn format_int(spec: &FormatSpec, neg: bool, digits: &dyn DigitSource, w: &mut dyn Write) -> Result<(), SpecError> {
    let ty = spec.ty.unwrap_or('d');
    let grouping = spec.grouping(ty)?;
    let prefix = match (spec.alternate, ty) {
        (true, 'b') => "0b",
        (true, 'o') => "0o",
        (true, 'x') => "0x",
        (true, 'X') => "0X",
        _ => "",
    };
    let (fill, align) = spec.number_fill_align();
    let n = Number { sign: spec.sign_text(neg), prefix, digits, rest_len: 0, rest: &|_| Ok(()) };
    pad::write_number(w, &n, grouping, fill, align, spec.width.unwrap_or(0))?;
    Ok(())
}

/// Formats an int with type `c` (the VM has range-checked the code point).
pub fn format_char(spec: &FormatSpec, c: char, w: &mut dyn Write) -> Result<(), SpecError> {
    let mut buf = [0u8; 4];
    let s: &str = c.encode_utf8(&mut buf);
    let (fill, align) = spec.number_fill_align();
    let n = Number { sign: "", prefix: "", digits: &s, rest_len: 0, rest: &|_| Ok(()) };
    pad::write_number(w, &n, None, fill, align, spec.width.unwrap_or(0))?;
    Ok(())
}

/// The integer digits of a [`FloatText`] as a digit source.
struct FloatInt<'a, 'b>(&'a FloatText<'b>);

impl DigitSource for FloatInt<'_, '_> {
    fn digit_count(&self) -> usize {
        self.0.int_len()
    }
    fn write_digits(&self, w: &mut dyn Write) -> fmt::Result {
        self.0.write_int(w)
    }
}

/// Formats a float (CPython's `format_float_internal`): types `e E f F g G n %` and none.
pub fn format_float(spec: &FormatSpec, x: f64, w: &mut dyn Write) -> Result<(), SpecError> {
    let ty = spec.ty.unwrap_or('\0');
    let grouping = spec.grouping(ty)?;
    // No type: repr without a precision, else 'g' that keeps one digit after the point.
    let code = match ty {
        '\0' if spec.precision.is_none() => 'r',
        '\0' | 'n' => 'g',
        '%' => 'f',
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => ty,
        _ => return Err(SpecError::UnknownCode(ty)),
    };
    let x = if ty == '%' { x * 100.0 } else { x };
    let precision = spec.precision.unwrap_or(if ty == '\0' { 0 } else { 6 });
    if precision > i32::MAX as usize {
        return Err(SpecError::PrecisionTooBig);
    }
    let mut style = FloatStyle::new(code, precision).ok_or(SpecError::UnknownCode(ty))?;
    style.add_dot_0 = ty == '\0';
    style.alternate = spec.alternate;
    style.no_neg_zero = spec.no_neg_zero;
    let pct = ty == '%';
    let (fill, align) = spec.number_fill_align();
    float::with_text(x, &style, &mut |text| {
        let rest = |w: &mut dyn Write| -> fmt::Result {
            text.write_rest(w)?;
            if pct {
                w.write_char('%')?;
            }
            Ok(())
        };
        let digits = FloatInt(text);
        let n = Number {
            sign: spec.sign_text(text.is_negative()),
            prefix: "",
            digits: &digits,
            rest_len: text.rest_len() + pct as usize,
            rest: &rest,
        };
        pad::write_number(w, &n, grouping, fill, align, spec.width.unwrap_or(0))
    })?;
    Ok(())
}

/// Formats a string (type `s` or none): precision truncates, width pads, in code points.
pub fn format_str(spec: &FormatSpec, s: &str, w: &mut dyn Write) -> Result<(), SpecError> {
    let ty = spec.ty.unwrap_or('s');
    spec.grouping(ty)?;
    if ty != 's' {
        return Err(SpecError::UnknownCode(ty));
    }
    if spec.sign.is_some() {
        return Err(SpecError::SignInString);
    }
    if spec.no_neg_zero {
        return Err(SpecError::NegZeroNotAllowed { string: true });
    }
    if spec.alternate {
        return Err(SpecError::AltInString);
    }
    if spec.align == Some(Align::AfterSign) {
        return Err(SpecError::EqualsInString);
    }
    let s = truncate_chars(s, spec.precision);
    let fill = spec.fill.unwrap_or(if spec.zero_pad { '0' } else { ' ' });
    let align = spec.align.unwrap_or(Align::Left);
    let len = s.chars().count();
    pad::write_padded(w, spec.width.unwrap_or(0), fill, align, len, &|w| w.write_str(s))?;
    Ok(())
}

/// The first `precision` code points of `s` (all of it for `None`).
pub fn truncate_chars(s: &str, precision: Option<usize>) -> &str {
    match precision.and_then(|p| s.char_indices().nth(p)) {
        Some((i, _)) => s.get(..i).unwrap_or(s),
        None => s,
    }
}

#[cfg(test)]
#[path = "spec_tests.rs"]
mod tests;
