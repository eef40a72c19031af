//! printf-style `%` formatting of `str` (CPython 3.11 `PyUnicode_Format`).
//!
//! [`Parser`] splits a format string into literal text and [`Conversion`]s:
//!
//! ```text
//! %[(key)][flags -+ #0][width|*][.precision|*][h|l|L]type      types: s r a d i u o x X e E f F g G c
//! ```
//!
//! `%%` (with nothing in between) is a literal `%`. The VM drives the formatting:
//! 1. for each [`Piece::Conversion`]: if it has a key and the arguments are not a mapping,
//!    raise [`PrintfError::NeedMapping`] (also in place of [`PrintfError::IncompleteKey`], which
//!    CPython only reports for mappings); take the `*` width/precision arguments (TypeError
//!    "* wants int"), then the value (by key from the mapping, else the next argument;
//!    [`PrintfError::NotEnoughArguments`]), then call [`Conversion::kind`], which reports an
//!    unsupported type character only now, as CPython does;
//! 2. [`Conversion::resolve`] applies the `*` values; then [`write_int`] (with the digits of
//!    `bigint::Radix`; `%d` of a float first truncates with `bigint::from_f64`), [`write_float`],
//!    or [`write_text`] for `%s`/`%r`/`%a` (the VM supplies `str()`/`repr()`/`ascii()`) and `%c`;
//! 3. after the last piece, unused tuple arguments are [`PrintfError::NotAllConverted`].
//!
//! Errors carry what CPython's messages need ([`PrintfError::write_message`]). Layout uses the
//! shared padding code in `format::pad`.

use super::pad::{self, Align, DigitSource, Number, ZeroExtended};
use crate::num::float::{self, FloatStyle, FloatText};
use core::fmt::{self, Write};

/// Conversion flags.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Flags {
    /// `-`: left-justify.
    pub left: bool,
    /// `+`: always a sign.
    pub plus: bool,
    /// ` `: a space before non-negative numbers.
    pub space: bool,
    /// `#`: alternate form.
    pub alt: bool,
    /// `0`: pad numbers with zeros.
    pub zero: bool,
}

/// A width or precision field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Count {
    /// Not given.
    None,
    /// `*`: taken from the arguments.
    Star,
    /// A number.
    Value(usize),
}

/// One `%` conversion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Conversion<'a> {
    /// `(key)` for mapping arguments.
    pub key: Option<&'a str>,
    /// Flags.
    pub flags: Flags,
    /// Width.
    pub width: Count,
    /// Precision.
    pub precision: Count,
    /// Type character (may be unsupported: see [`Conversion::kind`]).
    pub ty: char,
    /// Index of the type character in code points (for the error message).
    pub index: usize,
}

/// A piece of the format string.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Text copied as is (including the `%` of `%%`).
    Literal(&'a str),
    /// A conversion.
    Conversion(Conversion<'a>),
}

/// `%` formatting errors, with CPython's exception types noted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PrintfError {
    /// ValueError "incomplete format".
    Incomplete,
    /// ValueError "incomplete format key".
    IncompleteKey,
    /// ValueError "unsupported format character 'q' (0x71) at index 3".
    Unsupported {
        /// The character.
        ch: char,
        /// Its index in code points.
        index: usize,
    },
    /// ValueError "width too big".
    WidthTooBig,
    /// ValueError "precision too big".
    PrecisionTooBig,
    /// TypeError "not enough arguments for format string" (raised by the VM).
    NotEnoughArguments,
    /// TypeError "not all arguments converted during string formatting" (raised by the VM).
    NotAllConverted,
    /// TypeError "format requires a mapping" (raised by the VM).
    NeedMapping,
    /// TypeError "* wants int" (raised by the VM).
    StarWantsInt,
    /// TypeError for a value of the wrong type: "%d format: a real number is required, not
    /// str", "%x format: an integer is required, not float", "must be real number, not str",
    /// "%c requires int or char" (raised by the VM with the value's type name).
    WrongType {
        /// The conversion type.
        ty: char,
    },
    /// OverflowError "%c arg not in range(0x110000)" (raised by the VM).
    CharRange,
    /// The output sink failed.
    Sink,
}

impl From<fmt::Error> for PrintfError {
    fn from(_: fmt::Error) -> Self {
        PrintfError::Sink
    }
}

impl PrintfError {
    /// Writes CPython's message; `type_name` is the offending value's type for
    /// [`PrintfError::WrongType`] (ignored otherwise).
    pub fn write_message(&self, type_name: &str, w: &mut dyn Write) -> fmt::Result {
        match *self {
            PrintfError::Incomplete => w.write_str("incomplete format"),
            PrintfError::IncompleteKey => w.write_str("incomplete format key"),
            PrintfError::Unsupported { ch, index } => {
                let shown = if (ch as u32) < 128 { ch } else { '?' };
                write!(w, "unsupported format character '{}' (0x{:x}) at index {}", shown, ch as u32, index)
            }
            PrintfError::WidthTooBig => w.write_str("width too big"),
            PrintfError::PrecisionTooBig => w.write_str("precision too big"),
            PrintfError::NotEnoughArguments => w.write_str("not enough arguments for format string"),
            PrintfError::NotAllConverted => w.write_str("not all arguments converted during string formatting"),
            PrintfError::NeedMapping => w.write_str("format requires a mapping"),
            PrintfError::StarWantsInt => w.write_str("* wants int"),
            PrintfError::WrongType { ty } => match ty {
                'd' | 'i' | 'u' => write!(w, "%{} format: a real number is required, not {}", ty, type_name),
                'o' | 'x' | 'X' => write!(w, "%{} format: an integer is required, not {}", ty, type_name),
                'c' => w.write_str("%c requires int or char"),
                _ => write!(w, "must be real number, not {}", type_name),
            },
            PrintfError::CharRange => w.write_str("%c arg not in range(0x110000)"),
            PrintfError::Sink => w.write_str("formatting failed"),
        }
    }
}

/// Iterates over the pieces of a format string.
#[derive(Clone, Debug)]
pub struct Parser<'a> {
    s: &'a str,
    pos: usize,
    failed: bool,
}

impl<'a> Parser<'a> {
    /// Parses `s`.
    pub fn new(s: &'a str) -> Self {
        Parser { s, pos: 0, failed: false }
    }

    fn peek(&self) -> Option<char> {
        self.s.get(self.pos..).and_then(|t| t.chars().next())
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    /// A width (up to `isize::MAX`, CPython's `Py_ssize_t`) or a precision (up to
    /// `i32::MAX`, a C int), else `too_big`.
    fn number(&mut self, first: char, too_big: PrintfError) -> Result<usize, PrintfError> {
        let max = if too_big == PrintfError::PrecisionTooBig { i32::MAX as usize } else { isize::MAX as usize };
        let mut v = first.to_digit(10).unwrap_or(0) as usize;
        while let Some(d) = self.peek().and_then(|c| c.to_digit(10)) {
            v = v.checked_mul(10).and_then(|v| v.checked_add(d as usize)).filter(|&v| v <= max).ok_or(too_big)?;
            self.pos += 1;
        }
        Ok(v)
    }

    /// Parses a conversion; `self.pos` is just after the `%`.
    fn conversion(&mut self) -> Result<Piece<'a>, PrintfError> {
        let mut key = None;
        if self.peek() == Some('(') {
            self.pos += 1;
            let start = self.pos;
            let mut depth = 1;
            loop {
                match self.bump() {
                    None => return Err(PrintfError::IncompleteKey),
                    Some('(') => depth += 1,
                    Some(')') => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    Some(_) => {}
                }
            }
            key = self.s.get(start..self.pos - 1);
        }
        let mut flags = Flags::default();
        let mut c = self.bump().ok_or(PrintfError::Incomplete)?;
        loop {
            match c {
                '-' => flags.left = true,
                '+' => flags.plus = true,
                ' ' => flags.space = true,
                '#' => flags.alt = true,
                '0' => flags.zero = true,
                _ => break,
            }
            c = self.bump().ok_or(PrintfError::Incomplete)?;
        }
        let mut width = Count::None;
        if c == '*' {
            width = Count::Star;
            c = self.bump().ok_or(PrintfError::Incomplete)?;
        } else if c.is_ascii_digit() {
            width = Count::Value(self.number(c, PrintfError::WidthTooBig)?);
            c = self.bump().ok_or(PrintfError::Incomplete)?;
        }
        let mut precision = Count::None;
        if c == '.' {
            precision = Count::Value(0);
            c = self.bump().ok_or(PrintfError::Incomplete)?;
            if c == '*' {
                precision = Count::Star;
                c = self.bump().ok_or(PrintfError::Incomplete)?;
            } else if c.is_ascii_digit() {
                precision = Count::Value(self.number(c, PrintfError::PrecisionTooBig)?);
                c = self.bump().ok_or(PrintfError::Incomplete)?;
            }
        }
        if matches!(c, 'h' | 'l' | 'L') {
            c = self.bump().ok_or(PrintfError::Incomplete)?;
        }
        let byte_index = self.pos - c.len_utf8();
        let index = self.s.get(..byte_index).map_or(0, |t| t.chars().count());
        Ok(Piece::Conversion(Conversion { key, flags, width, precision, ty: c, index }))
    }
}

impl<'a> Iterator for Parser<'a> {
    type Item = Result<Piece<'a>, PrintfError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        let rest = self.s.get(self.pos..)?;
        if rest.is_empty() {
            return None;
        }
        if rest.starts_with("%%") {
            self.pos += 2;
            return Some(Ok(Piece::Literal("%")));
        }
        if rest.starts_with('%') {
            self.pos += 1;
            let r = self.conversion();
            self.failed = r.is_err();
            return Some(r);
        }
        let end = rest.find('%').unwrap_or(rest.len());
        self.pos += end;
        Some(Ok(Piece::Literal(&rest[..end])))
    }
}

/// What a conversion formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConvKind {
    /// `%s`: the VM passes `str(v)` to [`write_text`].
    Str,
    /// `%r`: `repr(v)` to [`write_text`].
    Repr,
    /// `%a`: `ascii(v)` to [`write_text`].
    Ascii,
    /// `%d %i %u %o %x %X`: an int (floats are truncated for d/i/u only) to [`write_int`].
    Int {
        /// 8, 10 or 16.
        base: u32,
        /// `X`.
        upper: bool,
    },
    /// `%e %E %f %F %g %G`: a float to [`write_float`].
    Float,
    /// `%c`: an int code point or a 1-character str, as text to [`write_text`].
    Char,
}

/// A conversion with its `*` fields resolved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Resolved {
    /// Flags (a negative `*` width sets `left`).
    pub flags: Flags,
    /// Width (0 = none).
    pub width: usize,
    /// Precision.
    pub precision: Option<usize>,
    /// Type character.
    pub ty: char,
}

impl Conversion<'_> {
    /// The kind of value needed, or [`PrintfError::Unsupported`] (checked after the argument
    /// has been fetched, like CPython).
    pub fn kind(&self) -> Result<ConvKind, PrintfError> {
        Ok(match self.ty {
            's' => ConvKind::Str,
            'r' => ConvKind::Repr,
            'a' => ConvKind::Ascii,
            'd' | 'i' | 'u' => ConvKind::Int { base: 10, upper: false },
            'o' => ConvKind::Int { base: 8, upper: false },
            'x' => ConvKind::Int { base: 16, upper: false },
            'X' => ConvKind::Int { base: 16, upper: true },
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => ConvKind::Float,
            'c' => ConvKind::Char,
            ch => return Err(PrintfError::Unsupported { ch, index: self.index }),
        })
    }

    /// Applies the `*` arguments (`None` where the field is not `*`). A negative width
    /// left-justifies; a negative precision counts as 0.
    pub fn resolve(&self, star_width: Option<i64>, star_precision: Option<i64>) -> Resolved {
        let mut flags = self.flags;
        let width = match (self.width, star_width) {
            (Count::Value(v), _) => v,
            (Count::Star, Some(v)) => {
                if v < 0 {
                    flags.left = true;
                }
                usize::try_from(v.unsigned_abs()).unwrap_or(usize::MAX)
            }
            _ => 0,
        };
        let precision = match (self.precision, star_precision) {
            (Count::Value(v), _) => Some(v),
            (Count::Star, Some(v)) => Some(usize::try_from(v.max(0)).unwrap_or(usize::MAX)),
            _ => None,
        };
        Resolved { flags, width, precision, ty: self.ty }
    }
}

fn sign_text(flags: &Flags, neg: bool) -> &'static str {
    if neg {
        "-"
    } else if flags.plus {
        "+"
    } else if flags.space {
        " "
    } else {
        ""
    }
}

fn fill_align(flags: &Flags) -> (char, Align) {
    if flags.left {
        (' ', Align::Left)
    } else if flags.zero {
        ('0', Align::AfterSign)
    } else {
        (' ', Align::Right)
    }
}

/// `%d %i %u %o %x %X`: sign, `#` prefix (`0o`, `0x`, `0X`), digits zero-extended to the
/// precision, padded to the width.
pub fn write_int(r: &Resolved, neg: bool, digits: &dyn DigitSource, w: &mut dyn Write) -> Result<(), PrintfError> {
    let prefix = match (r.flags.alt, r.ty) {
        (true, 'o') => "0o",
        (true, 'x') => "0x",
        (true, 'X') => "0X",
        _ => "",
    };
    let ext = ZeroExtended { inner: digits, min: r.precision.unwrap_or(0) };
    let (fill, align) = fill_align(&r.flags);
    let n = Number { sign: sign_text(&r.flags, neg), prefix, digits: &ext, rest_len: 0, rest: &|_| Ok(()) };
    pad::write_number(w, &n, None, fill, align, r.width)?;
    Ok(())
}

struct IntPart<'a, 'b>(&'a FloatText<'b>);

impl DigitSource for IntPart<'_, '_> {
    fn digit_count(&self) -> usize {
        self.0.int_len()
    }
    fn write_digits(&self, w: &mut dyn Write) -> fmt::Result {
        self.0.write_int(w)
    }
}

/// `%e %E %f %F %g %G` (default precision 6; `#` keeps the point and trailing zeros).
pub fn write_float(r: &Resolved, x: f64, w: &mut dyn Write) -> Result<(), PrintfError> {
    let mut style = FloatStyle::new(r.ty, r.precision.unwrap_or(6)).ok_or(PrintfError::WrongType { ty: r.ty })?;
    style.alternate = r.flags.alt;
    let (fill, align) = fill_align(&r.flags);
    float::with_text(x, &style, &mut |text| {
        let digits = IntPart(text);
        let rest = |w: &mut dyn Write| text.write_rest(w);
        let n = Number {
            sign: sign_text(&r.flags, text.is_negative()),
            prefix: "",
            digits: &digits,
            rest_len: text.rest_len(),
            rest: &rest,
        };
        pad::write_number(w, &n, None, fill, align, r.width)
    })?;
    Ok(())
}

/// `%s %r %a` (precision truncates, in code points) and `%c` (precision ignored): padded with
/// spaces to the width, on the right with `-`.
pub fn write_text(r: &Resolved, s: &str, w: &mut dyn Write) -> Result<(), PrintfError> {
    let s = if r.ty == 'c' { s } else { super::spec::truncate_chars(s, r.precision) };
    let align = if r.flags.left { Align::Left } else { Align::Right };
    pad::write_padded(w, r.width, ' ', align, s.chars().count(), &|w| w.write_str(s))?;
    Ok(())
}

#[cfg(test)]
#[path = "printf_tests.rs"]
mod tests;
