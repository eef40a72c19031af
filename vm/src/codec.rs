//! Text codecs: `str.encode`, `bytes.decode`, `str(b, encoding)` and `bytes(s, encoding)`
//! for UTF-8, ASCII and Latin-1, with CPython's encoding-name aliases, its error handlers
//! (`strict`, `ignore`, `replace`, `backslashreplace`, `xmlcharrefreplace` for encoding)
//! and its exact `UnicodeEncodeError` / `UnicodeDecodeError` / `LookupError` messages.
//!
//! A `str` here is always valid UTF-8 without lone surrogates, so UTF-8 encoding never
//! fails and `surrogateescape` / `surrogatepass` behave as `strict` (they only differ from
//! it on surrogates).

use core::fmt::Write as _;

use crate::obj::{self, exception as exc, str::StrBuf, Args};
use crate::value::Value;
use crate::vm::{PyResult, Raised, Vm};

/// A supported encoding (without the `codecs` feature only UTF-8 is ever looked up).
#[cfg_attr(not(feature = "codecs"), allow(dead_code))]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8.
    Utf8,
    /// 7-bit ASCII.
    Ascii,
    /// ISO-8859-1: bytes are the first 256 code points.
    Latin1,
}

impl Encoding {
    /// The name CPython's codec errors use.
    pub fn error_name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Ascii => "ascii",
            Encoding::Latin1 => "latin-1",
        }
    }

    /// The highest code point the encoding holds, as CPython's "ordinal not in range(N)".
    fn limit(self) -> u32 {
        match self {
            Encoding::Utf8 => 0x110000,
            Encoding::Ascii => 128,
            Encoding::Latin1 => 256,
        }
    }
}

/// The aliases of `encodings.aliases` for the three codecs, in normalised form.
static ALIASES: &[(&str, Encoding)] = &[
    ("utf_8", Encoding::Utf8),
    ("utf8", Encoding::Utf8),
    ("u8", Encoding::Utf8),
    ("utf", Encoding::Utf8),
    ("utf8_ucs2", Encoding::Utf8),
    ("utf8_ucs4", Encoding::Utf8),
    ("cp65001", Encoding::Utf8),
];

/// The aliases of the ASCII and Latin-1 codecs (feature `codecs`).
#[cfg(feature = "codecs")]
static MORE_ALIASES: &[(&str, Encoding)] = &[
    ("ascii", Encoding::Ascii),
    ("646", Encoding::Ascii),
    ("ansi_x3.4_1968", Encoding::Ascii),
    ("ansi_x3_4_1968", Encoding::Ascii),
    ("ansi_x3.4_1986", Encoding::Ascii),
    ("cp367", Encoding::Ascii),
    ("csascii", Encoding::Ascii),
    ("ibm367", Encoding::Ascii),
    ("iso646_us", Encoding::Ascii),
    ("iso_646.irv_1991", Encoding::Ascii),
    ("iso_ir_6", Encoding::Ascii),
    ("us", Encoding::Ascii),
    ("us_ascii", Encoding::Ascii),
    ("latin_1", Encoding::Latin1),
    ("latin1", Encoding::Latin1),
    ("latin", Encoding::Latin1),
    ("l1", Encoding::Latin1),
    ("iso_8859_1", Encoding::Latin1),
    ("iso8859_1", Encoding::Latin1),
    ("8859", Encoding::Latin1),
    ("cp819", Encoding::Latin1),
    ("csisolatin1", Encoding::Latin1),
    ("ibm819", Encoding::Latin1),
    ("iso_8859_1_1987", Encoding::Latin1),
    ("iso_ir_100", Encoding::Latin1),
];

/// Look an encoding name up as `codecs.lookup` does: lower case, every run of characters
/// other than letters, digits and `.` becomes one `_`, leading and trailing `_` dropped.
pub fn lookup(name: &str) -> Option<Encoding> {
    let mut buf = [0u8; 32];
    let mut n = 0;
    let mut gap = false;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() || c == '.' {
            if gap && n > 0 {
                *buf.get_mut(n)? = b'_';
                n += 1;
            }
            gap = false;
            *buf.get_mut(n)? = c.to_ascii_lowercase() as u8;
            n += 1;
        } else if !c.is_ascii() && (!cfg!(feature = "unicode-tables") || c.is_alphanumeric()) {
            return None;
        } else {
            gap = true;
        }
    }
    let norm = core::str::from_utf8(&buf[..n]).ok()?;
    let found = ALIASES.iter().find(|(a, _)| *a == norm);
    #[cfg(feature = "codecs")]
    let found = found.or_else(|| MORE_ALIASES.iter().find(|(a, _)| *a == norm));
    found.map(|(_, e)| *e)
}

/// An error handler.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Handler {
    Strict,
    Ignore,
    Replace,
    BackslashReplace,
    XmlCharRefReplace,
    /// A name that is not a handler: LookupError when an error needs it.
    Unknown,
}

fn handler(name: &str) -> Handler {
    match name {
        "strict" | "surrogateescape" | "surrogatepass" => Handler::Strict,
        "ignore" => Handler::Ignore,
        "replace" => Handler::Replace,
        "backslashreplace" => Handler::BackslashReplace,
        "xmlcharrefreplace" => Handler::XmlCharRefReplace,
        _ => Handler::Unknown,
    }
}

/// `encoding` and `errors` arguments at positions `at` and `at + 1` or by keyword (each
/// NULL when absent), checked to be str as CPython's `{what}() argument ...` messages say.
pub fn args<'a>(vm: &mut Vm<'_>, a: &Args<'_>, at: usize, what: &str) -> PyResult<(Option<&'a str>, Option<&'a str>)> {
    let mut out = [None, None];
    for (k, key) in ["encoding", "errors"].iter().enumerate() {
        let v = match a.pos.get(at + k) {
            Some(v) => *v,
            None => a.kw(key),
        };
        if v.is_null() {
            continue;
        }
        match obj::str::as_str(v) {
            Some(s) => out[k] = Some(s),
            None => {
                return Err(
                    vm.type_error(format_args!("{what}() argument '{key}' must be str, not {}", obj::type_name(v)))
                )
            }
        }
    }
    Ok((out[0], out[1]))
}

fn find(vm: &mut Vm<'_>, encoding: Option<&str>) -> PyResult<Encoding> {
    let name = encoding.unwrap_or("utf-8");
    let found =
        lookup(name).ok_or_else(|| vm.raise_fmt(&exc::LOOKUP_ERROR_TYPE, format_args!("unknown encoding: {name}")));
    // Without the feature only UTF-8 is looked up: say so, so that the ASCII and Latin-1
    // paths of `encode` and `decode` are left out.
    #[cfg(not(feature = "codecs"))]
    let found = found.map(|_| Encoding::Utf8);
    found
}

fn unknown_handler(vm: &mut Vm<'_>, errors: &str) -> Raised {
    vm.raise_fmt(&exc::LOOKUP_ERROR_TYPE, format_args!("unknown error handler name '{errors}'"))
}

/// Write `c` as Python's escapes `\xNN`, `\uNNNN` or `\UNNNNNNNN`.
fn escape(c: u32, w: &mut impl core::fmt::Write) -> core::fmt::Result {
    if c < 0x100 {
        write!(w, "\\x{c:02x}")
    } else if c < 0x10000 {
        write!(w, "\\u{c:04x}")
    } else {
        write!(w, "\\U{c:08x}")
    }
}

/// A fixed buffer for one replacement (`&#1114111;` is the longest).
struct Small {
    buf: [u8; 16],
    len: usize,
}

impl core::fmt::Write for Small {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        let end = self.len + s.len();
        self.buf.get_mut(self.len..end).ok_or(core::fmt::Error)?.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// One pass of encoding `text`: `emit` receives the output bytes in order. `Err((start,
/// end))`: the run of characters `start..end` (code point positions) that the handler does
/// not resolve.
fn encode_pass(text: &str, enc: Encoding, h: Handler, mut emit: impl FnMut(&[u8])) -> Result<(), (usize, usize)> {
    if enc == Encoding::Utf8 {
        emit(text.as_bytes());
        return Ok(());
    }
    let limit = enc.limit();
    let mut chars = text.chars().enumerate().peekable();
    while let Some((i, c)) = chars.next() {
        let u = c as u32;
        if u < limit {
            emit(&[u as u8]);
            continue;
        }
        match h {
            Handler::Strict | Handler::Unknown => {
                let mut end = i + 1;
                while chars.next_if(|(_, d)| *d as u32 >= limit).is_some() {
                    end += 1;
                }
                return Err((i, end));
            }
            Handler::Ignore => {}
            Handler::Replace => emit(b"?"),
            Handler::BackslashReplace | Handler::XmlCharRefReplace => {
                let mut s = Small { buf: [0; 16], len: 0 };
                let _ = if h == Handler::XmlCharRefReplace { write!(s, "&#{u};") } else { escape(u, &mut s) };
                emit(&s.buf[..s.len]);
            }
        }
    }
    Ok(())
}

/// `text.encode(encoding, errors)` as a bytes value. `text` is rooted by the caller.
/// May collect.
pub fn encode(vm: &mut Vm<'_>, text: &str, encoding: Option<&str>, errors: Option<&str>) -> PyResult<Value> {
    let enc = find(vm, encoding)?;
    let errors = errors.unwrap_or("strict");
    let h = handler(errors);
    let mut n = 0usize;
    if let Err((start, end)) = encode_pass(text, enc, h, |b| n += b.len()) {
        if h == Handler::Unknown {
            return Err(unknown_handler(vm, errors));
        }
        let (name, limit) = (enc.error_name(), enc.limit());
        return Err(if end - start == 1 {
            let c = text.chars().nth(start).map(|c| c as u32).unwrap_or(0);
            let mut s = Small { buf: [0; 16], len: 0 };
            let _ = escape(c, &mut s);
            let esc = core::str::from_utf8(&s.buf[..s.len]).unwrap_or("?");
            vm.raise_fmt(
                &exc::UNICODE_ENCODE_ERROR_TYPE,
                format_args!(
                    "'{name}' codec can't encode character '{esc}' in position {start}: ordinal not in range({limit})"
                ),
            )
        } else {
            vm.raise_fmt(
                &exc::UNICODE_ENCODE_ERROR_TYPE,
                format_args!(
                    "'{name}' codec can't encode characters in position {start}-{}: ordinal not in range({limit})",
                    end - 1
                ),
            )
        });
    }
    let v = obj::bytes::alloc(vm, n)?;
    let out = obj::bytes::fresh_data(v);
    let mut at = 0;
    let _ = encode_pass(text, enc, h, |b| {
        out[at..at + b.len()].copy_from_slice(b);
        at += b.len();
    });
    Ok(v)
}

/// The next undecodable stretch of `data` from `at`: (valid prefix length, bad length,
/// reason). `None`: the rest is valid.
fn next_error(data: &[u8], enc: Encoding) -> Option<(usize, usize, &'static str)> {
    match enc {
        Encoding::Latin1 => None,
        Encoding::Ascii => data.iter().position(|b| *b >= 0x80).map(|p| (p, 1, "ordinal not in range(128)")),
        Encoding::Utf8 => match core::str::from_utf8(data) {
            Ok(_) => None,
            Err(e) => {
                let p = e.valid_up_to();
                let first = data.get(p).copied().unwrap_or(0);
                Some(match e.error_len() {
                    None => (p, data.len() - p, "unexpected end of data"),
                    // CPython's wording: a byte that cannot start a sequence, or a sequence
                    // cut short by a byte that cannot continue it.
                    Some(n) if (0x80..0xc2).contains(&first) || first >= 0xf5 => (p, n, "invalid start byte"),
                    Some(n) => (p, n, "invalid continuation byte"),
                })
            }
        },
    }
}

/// Append valid `data` (no errors in it for `enc`) to `sb`.
fn push_valid(vm: &mut Vm<'_>, sb: &mut StrBuf, data: &[u8], enc: Encoding) -> PyResult<()> {
    match enc {
        Encoding::Latin1 => {
            for &b in data {
                sb.push_char(vm, char::from(b))?;
            }
            Ok(())
        }
        _ => sb.push(vm, core::str::from_utf8(data).unwrap_or("")),
    }
}

/// `data.decode(encoding, errors)` as a str value. `data` is rooted by the caller.
/// May collect.
pub fn decode(vm: &mut Vm<'_>, data: &[u8], encoding: Option<&str>, errors: Option<&str>) -> PyResult<Value> {
    let enc = find(vm, encoding)?;
    let Some(first) = next_error(data, enc) else {
        if enc != Encoding::Latin1 {
            return obj::str::new(vm, core::str::from_utf8(data).unwrap_or(""));
        }
        let mut sb = StrBuf::new(vm)?;
        push_valid(vm, &mut sb, data, enc)?;
        return sb.finish(vm);
    };
    let errors = errors.unwrap_or("strict");
    let h = handler(errors);
    match h {
        Handler::Strict => {
            let (p, n, reason) = first;
            let name = enc.error_name();
            return Err(if n == 1 {
                vm.raise_fmt(
                    &exc::UNICODE_DECODE_ERROR_TYPE,
                    format_args!("'{name}' codec can't decode byte 0x{:02x} in position {p}: {reason}", data[p]),
                )
            } else {
                vm.raise_fmt(
                    &exc::UNICODE_DECODE_ERROR_TYPE,
                    format_args!("'{name}' codec can't decode bytes in position {p}-{}: {reason}", p + n - 1),
                )
            });
        }
        Handler::Unknown => return Err(unknown_handler(vm, errors)),
        Handler::XmlCharRefReplace => {
            return Err(vm.type_error(format_args!("don't know how to handle UnicodeDecodeError in error callback")))
        }
        _ => {}
    }
    let mut sb = StrBuf::new(vm)?;
    let mut rest = data;
    while let Some((p, n, _)) = next_error(rest, enc) {
        push_valid(vm, &mut sb, &rest[..p], enc)?;
        match h {
            Handler::Replace => sb.push_char(vm, '\u{fffd}')?,
            Handler::BackslashReplace => {
                for &b in &rest[p..p + n] {
                    sb.push_fmt(vm, format_args!("\\x{b:02x}"))?;
                }
            }
            _ => {}
        }
        rest = &rest[p + n..];
    }
    push_valid(vm, &mut sb, rest, enc)?;
    sb.finish(vm)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_normalise_like_codecs_lookup() {
        for n in ["utf-8", "UTF8", "utf_8", " Utf--8 ", "U8", "cp65001"] {
            assert_eq!(lookup(n), Some(Encoding::Utf8), "{n}");
        }
        for n in ["latin-1", "Latin1", "ISO-8859-1", "iso8859_1", "l1", "ISO-8859-1:1987", "8859"] {
            assert_eq!(lookup(n), Some(Encoding::Latin1), "{n}");
        }
        for n in ["ascii", "US-ASCII", "646", "us"] {
            assert_eq!(lookup(n), Some(Encoding::Ascii), "{n}");
        }
        for n in ["", "utf-16", "latin-9", "asciii", "utf-8-sig", "ütf8"] {
            assert_eq!(lookup(n), None, "{n}");
        }
    }
}
