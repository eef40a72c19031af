//! Reading a source file's bytes as text (PEP 263), the one place the build helper, the
//! macro and the CLI decode `.py` files.
//!
//! - A UTF-8 byte order mark is dropped; with it, only a UTF-8 declaration is allowed.
//! - A `coding[:=]\s*([-\w.]+)` comment on line 1, or on line 2 when line 1 is blank or only
//!   a comment, names the encoding (as CPython's tokenizer finds it).
//! - Without a declaration the text is UTF-8.
//!
//! Supported encodings: UTF-8, Latin-1 (ISO-8859-1), ASCII and cp1252, under the aliases
//! `codecs.lookup` accepts. Problems are `path:line:col:` diagnostics: an unknown encoding
//! at its name, a BOM conflict at the declaration, and bytes the encoding cannot decode at
//! the first of them.

use crate::tree::LoadError;
use crate::Diagnostic;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Encoding {
    Utf8,
    Latin1,
    Ascii,
    Cp1252,
}

/// `codecs.lookup`'s aliases for the supported encodings, normalised.
const ALIASES: &[(&str, Encoding)] = &[
    ("utf_8", Encoding::Utf8),
    ("utf8", Encoding::Utf8),
    ("u8", Encoding::Utf8),
    ("utf", Encoding::Utf8),
    ("utf8_ucs2", Encoding::Utf8),
    ("utf8_ucs4", Encoding::Utf8),
    ("cp65001", Encoding::Utf8),
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
    // CPython's tokenizer also maps "iso-latin-1" to latin-1 before the codec lookup.
    ("iso_latin_1", Encoding::Latin1),
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
    ("cp1252", Encoding::Cp1252),
    ("windows_1252", Encoding::Cp1252),
    ("1252", Encoding::Cp1252),
];

/// cp1252's bytes 0x80..=0x9F (`None`: undefined); the others are Latin-1.
const CP1252_HIGH: [Option<char>; 32] = [
    Some('\u{20ac}'),
    None,
    Some('\u{201a}'),
    Some('\u{0192}'),
    Some('\u{201e}'),
    Some('\u{2026}'),
    Some('\u{2020}'),
    Some('\u{2021}'),
    Some('\u{02c6}'),
    Some('\u{2030}'),
    Some('\u{0160}'),
    Some('\u{2039}'),
    Some('\u{0152}'),
    None,
    Some('\u{017d}'),
    None,
    None,
    Some('\u{2018}'),
    Some('\u{2019}'),
    Some('\u{201c}'),
    Some('\u{201d}'),
    Some('\u{2022}'),
    Some('\u{2013}'),
    Some('\u{2014}'),
    Some('\u{02dc}'),
    Some('\u{2122}'),
    Some('\u{0161}'),
    Some('\u{203a}'),
    Some('\u{0153}'),
    None,
    Some('\u{017e}'),
    Some('\u{0178}'),
];

/// `codecs.lookup`'s normalisation: lower case, runs of other characters than letters,
/// digits and `.` become one `_`, no `_` at either end.
fn lookup(name: &str) -> Option<Encoding> {
    let mut norm = String::new();
    let mut gap = false;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() || c == '.' {
            if gap && !norm.is_empty() {
                norm.push('_');
            }
            gap = false;
            norm.push(c.to_ascii_lowercase());
        } else {
            gap = true;
        }
    }
    ALIASES.iter().find(|(a, _)| *a == norm).map(|(_, e)| *e)
}

/// CPython's `get_normal_name`: the name the tokenizer compares with "utf-8" when a BOM is
/// present (and prints in its "with BOM" error).
fn normal_name(name: &str) -> String {
    let low: String = name.chars().take(12).map(|c| if c == '_' { '-' } else { c.to_ascii_lowercase() }).collect();
    if low == "utf-8" || low.starts_with("utf-8-") {
        return "utf-8".into();
    }
    for l1 in ["latin-1", "iso-8859-1", "iso-latin-1"] {
        if low == l1 || low.starts_with(&format!("{l1}-")) {
            return "iso-8859-1".into();
        }
    }
    name.to_string()
}

/// The declaration on one line: (byte offset of the name, the name). `None` when the line
/// declares nothing.
fn coding_spec(line: &[u8]) -> Option<(usize, &str)> {
    let hash = line.iter().position(|&b| !matches!(b, b' ' | b'\t' | b'\x0c'))?;
    if line[hash] != b'#' {
        return None;
    }
    let mut i = hash;
    while i + 6 <= line.len() {
        if &line[i..i + 6] == b"coding" && matches!(line.get(i + 6), Some(b':' | b'=')) {
            let mut b = i + 7;
            while matches!(line.get(b), Some(b' ' | b'\t')) {
                b += 1;
            }
            let mut e = b;
            while line.get(e).is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.')) {
                e += 1;
            }
            if e > b {
                return Some((b, std::str::from_utf8(&line[b..e]).ok()?));
            }
        }
        i += 1;
    }
    None
}

/// Is the line blank or only a comment (so line 2 may still declare the encoding)?
fn blank_or_comment(line: &[u8]) -> bool {
    match line.iter().position(|&b| !matches!(b, b' ' | b'\t' | b'\x0c')) {
        None => true,
        Some(i) => matches!(line[i], b'#' | b'\n' | b'\r'),
    }
}

/// The first two lines with their byte offsets.
fn first_lines(data: &[u8]) -> impl Iterator<Item = (usize, &[u8])> {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= data.len() {
            return None;
        }
        let end = data[start..].iter().position(|&b| b == b'\n').map_or(data.len(), |p| start + p + 1);
        let r = (start, &data[start..end]);
        start = end;
        Some(r)
    })
    .take(2)
}

/// A diagnostic at byte offset `at` of `data` (column in characters of the lossy text).
fn diag(path: &str, data: &[u8], at: usize, message: String) -> LoadError {
    let at = at.min(data.len());
    let line_start = data[..at].iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
    let line_end = data[at..].iter().position(|&b| b == b'\n').map_or(data.len(), |p| at + p);
    let line = data[..at].iter().filter(|&&b| b == b'\n').count() as u32 + 1;
    let col = String::from_utf8_lossy(&data[line_start..at]).chars().count() as u32 + 1;
    let text = String::from_utf8_lossy(&data[line_start..line_end]);
    LoadError::Compile(Diagnostic::at(path, line, col, message, text.trim_end_matches(['\r', '\n'])))
}

/// Decode a source file's bytes (`path` is the display path used in errors).
pub fn decode(path: &str, bytes: &[u8]) -> Result<String, LoadError> {
    let bom = bytes.starts_with(b"\xef\xbb\xbf");
    let data = if bom { &bytes[3..] } else { bytes };
    let mut decl = None;
    for (n, (start, line)) in first_lines(data).enumerate() {
        if let Some((off, name)) = coding_spec(line) {
            decl = Some((start + off, name));
            break;
        }
        if n == 0 && !blank_or_comment(line) {
            break;
        }
    }
    let enc = match decl {
        None => Encoding::Utf8,
        Some((at, name)) => {
            if bom && normal_name(name) != "utf-8" {
                let msg = format!("encoding problem: {} with BOM", normal_name(name));
                return Err(diag(path, data, at, msg));
            }
            match lookup(name) {
                Some(e) => e,
                None => return Err(diag(path, data, at, format!("unknown encoding: {name}"))),
            }
        }
    };
    match enc {
        Encoding::Utf8 => match std::str::from_utf8(data) {
            Ok(t) => Ok(t.to_string()),
            Err(e) => {
                let at = e.valid_up_to();
                let byte = data.get(at).copied().unwrap_or(0);
                if decl.is_none() {
                    let good = &data[..at];
                    let line = good.iter().filter(|&&b| b == b'\n').count() as u32 + 1;
                    let col = (good.len() - good.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1)) as u32 + 1;
                    return Err(LoadError::NotUtf8 { path: path.into(), line, col, byte });
                }
                let first = byte;
                let reason = match e.error_len() {
                    None => "unexpected end of data",
                    Some(_) if (0x80..0xc2).contains(&first) || first >= 0xf5 => "invalid start byte",
                    Some(_) => "invalid continuation byte",
                };
                Err(diag(path, data, at, format!("'utf-8' codec can't decode byte 0x{byte:02x}: {reason}")))
            }
        },
        Encoding::Latin1 => Ok(data.iter().map(|&b| char::from(b)).collect()),
        Encoding::Ascii => match data.iter().position(|&b| b >= 0x80) {
            None => Ok(data.iter().map(|&b| char::from(b)).collect()),
            Some(at) => Err(diag(
                path,
                data,
                at,
                format!("'ascii' codec can't decode byte 0x{:02x}: ordinal not in range(128)", data[at]),
            )),
        },
        Encoding::Cp1252 => {
            let mut out = String::with_capacity(data.len());
            for (at, &b) in data.iter().enumerate() {
                let c = match b {
                    0x80..=0x9f => CP1252_HIGH[(b - 0x80) as usize],
                    _ => Some(char::from(b)),
                };
                match c {
                    Some(c) => out.push(c),
                    None => {
                        return Err(diag(
                            path,
                            data,
                            at,
                            format!("'charmap' codec can't decode byte 0x{b:02x}: character maps to <undefined>"),
                        ))
                    }
                }
            }
            Ok(out)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(b: &[u8]) -> String {
        decode("t.py", b).unwrap()
    }

    fn err(b: &[u8]) -> String {
        decode("t.py", b).unwrap_err().to_string()
    }

    #[test]
    fn declarations_on_line_one_or_two() {
        assert_eq!(text(b"# -*- coding: latin-1 -*-\nx = '\xe9'\n"), "# -*- coding: latin-1 -*-\nx = '\u{e9}'\n");
        assert_eq!(
            text(b"#!/usr/bin/python\n# vim: set fileencoding=iso8859_1 :\n'\xe9'\n").chars().last(),
            Some('\n')
        );
        assert!(text(b"\n# coding=latin1\n'\xe9'").ends_with("'\u{e9}'"));
        // Line 2 only counts after a blank or comment line; line 3 never.
        assert!(err(b"x = 1\n# coding: latin-1\n'\xe9'\n").contains("not valid UTF-8"));
        assert!(err(b"\n\n# coding: latin-1\n'\xe9'\n").contains("not valid UTF-8"));
        // Not a comment: no declaration.
        assert!(err(b"s = '# coding: latin-1'\n'\xe9'\n").contains("not valid UTF-8"));
    }

    #[test]
    fn encodings_and_aliases() {
        assert_eq!(text(b"# coding: cp1252\n'\x80\x93'"), "# coding: cp1252\n'\u{20ac}\u{201c}'");
        assert_eq!(text(b"# coding: US-ASCII\nx"), "# coding: US-ASCII\nx");
        assert_eq!(text(b"# coding: utf8\n'\xc3\xa9'"), "# coding: utf8\n'\u{e9}'");
        assert_eq!(text(b"\xef\xbb\xbfx = 1\n"), "x = 1\n");
        assert_eq!(text(b"\xef\xbb\xbf# coding: utf-8\n"), "# coding: utf-8\n");
    }

    #[test]
    fn errors_name_file_line_and_column() {
        assert_eq!(
            err(b"# -*- coding: xyz -*-\nprint(1)\n"),
            "t.py:1:15: unknown encoding: xyz\n# -*- coding: xyz -*-\n              ^\n"
        );
        assert!(
            err(b"\xef\xbb\xbf# coding: latin-1\n").starts_with("t.py:1:11: encoding problem: iso-8859-1 with BOM\n")
        );
        assert!(err(b"\xef\xbb\xbf# coding: utf8\n").starts_with("t.py:1:11: encoding problem: utf8 with BOM\n"));
        assert!(err(b"# coding: ascii\nx = '\xe9'\n")
            .starts_with("t.py:2:6: 'ascii' codec can't decode byte 0xe9: ordinal not in range(128)\n"));
        assert!(err(b"# coding: cp1252\n\n  '\x81'\n")
            .starts_with("t.py:3:4: 'charmap' codec can't decode byte 0x81: character maps to <undefined>\n"));
        assert!(err(b"# coding: utf-8\nx = '\xe9'\n")
            .starts_with("t.py:2:6: 'utf-8' codec can't decode byte 0xe9: invalid continuation byte\n"));
        assert!(err(b"# coding: utf-16\n").starts_with("t.py:1:11: unknown encoding: utf-16\n"));
    }
}
