//! `str.upper` / `str.lower` case mapping of one code point, CPython 3.11 (Unicode 14) full
//! mappings: `'ß'.upper() == 'SS'`, `'İ'.lower() == 'i̇'`. Final-sigma context is not applied.
//!
//! Core's `char::to_uppercase`/`to_lowercase` tables cost about 25 KiB of flash; the runs in
//! `str_case_data.rs` (generated from CPython by `str_case_data.py`) cost about 3 KiB. A run
//! maps `len` code points `start, start + stride, ...` by adding the same delta.

#[path = "str_case_data.rs"]
mod data;

/// A case-mapped code point: one character, or a multi-character full mapping.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mapped {
    /// A single code point.
    One(char),
    /// Several code points (`'ß'.upper()` is `"SS"`).
    Many(&'static str),
}

/// Without the `unicode-tables` feature, case mapping and the character classes below know
/// ASCII only: other characters are uncased, not letters, digits or numerics, and map to
/// themselves (as in MicroPython). Saves core's property tables and the runs here.
const TABLES: bool = cfg!(feature = "unicode-tables");

/// `c.isalpha()` for one character.
pub fn is_alphabetic(c: char) -> bool {
    if TABLES {
        c.is_alphabetic()
    } else {
        c.is_ascii_alphabetic()
    }
}

/// `c.isalnum()` for one character.
pub fn is_alphanumeric(c: char) -> bool {
    if TABLES {
        c.is_alphanumeric()
    } else {
        c.is_ascii_alphanumeric()
    }
}

/// `c.isnumeric()` for one character.
pub fn is_numeric(c: char) -> bool {
    if TABLES {
        c.is_numeric()
    } else {
        c.is_ascii_digit()
    }
}

/// Is `c` an upper-case letter (`isupper`, `istitle`, `swapcase`)?
pub fn is_uppercase(c: char) -> bool {
    if TABLES {
        c.is_uppercase()
    } else {
        c.is_ascii_uppercase()
    }
}

/// Is `c` a lower-case letter?
pub fn is_lowercase(c: char) -> bool {
    if TABLES {
        c.is_lowercase()
    } else {
        c.is_ascii_lowercase()
    }
}

/// `c.upper()`.
pub fn upper(c: char) -> Mapped {
    if c.is_ascii() || !TABLES {
        return Mapped::One(c.to_ascii_uppercase());
    }
    match special(data::UPPER_SPECIAL, data::UPPER_TEXT, c) {
        Some(s) => Mapped::Many(s),
        None => Mapped::One(run_lookup(data::UPPER_RUNS, c)),
    }
}

/// The titlecase of `c` (what `str.title` and `str.capitalize` make of a word's first letter).
pub fn title(c: char) -> Mapped {
    if !TABLES {
        return upper(c);
    }
    match special(data::TITLE_SPECIAL, data::TITLE_TEXT, c) {
        Some(s) => Mapped::Many(s),
        None => upper(c),
    }
}

/// Is `c` cased (Unicode `Cased`: lowercase, uppercase or titlecase)? `str.title` starts a
/// word after an uncased character.
pub fn is_cased(c: char) -> bool {
    if !TABLES {
        return c.is_ascii_alphabetic();
    }
    let cp = c as u32;
    let i = data::CASED.partition_point(|&r| r & 0x1f_ffff <= cp);
    i.checked_sub(1).and_then(|i| data::CASED.get(i)).is_some_and(|&r| cp - (r & 0x1f_ffff) <= r >> 21)
}

/// The entry for `c` in a BMP table of `(code point, offset | len << 10)` into `text`.
fn special(table: &[(u16, u16)], text: &'static str, c: char) -> Option<&'static str> {
    let key = u16::try_from(c as u32).ok()?;
    let i = table.binary_search_by_key(&key, |&(k, _)| k).ok()?;
    let packed = table[i].1 as usize;
    let (off, len) = (packed & 0x3ff, packed >> 10);
    text.get(off..off + len)
}

/// `c.lower()`.
pub fn lower(c: char) -> Mapped {
    if c.is_ascii() || !TABLES {
        return Mapped::One(c.to_ascii_lowercase());
    }
    if c == data::LOWER_SPECIAL.0 {
        return Mapped::Many(data::LOWER_SPECIAL.1);
    }
    Mapped::One(run_lookup(data::LOWER_RUNS, c))
}

#[inline(never)]
fn run_lookup(runs: &[(u32, i32)], c: char) -> char {
    let cp = c as u32;
    let i = runs.partition_point(|&(a, _)| a & 0x1f_ffff <= cp);
    let Some(&(a, delta)) = i.checked_sub(1).and_then(|i| runs.get(i)) else {
        return c;
    };
    let off = cp - (a & 0x1f_ffff);
    let len = ((a >> 21) & 0x3ff) + 1;
    let (step, idx) = if a >> 31 == 1 { (off % 2, off / 2) } else { (0, off) };
    if step != 0 || idx >= len {
        return c;
    }
    char::from_u32(cp.wrapping_add(delta as u32)).unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// FNV-1a over every code point's mapping by `f`, each followed by `extra(c)` if any,
    /// then 0xff (the same stream str_case_data.py hashes).
    fn fnv(f: impl Fn(char) -> Mapped, extra: impl Fn(char) -> Option<u8>) -> u64 {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        let mut eat = |b: u8| h = (h ^ b as u64).wrapping_mul(0x100_0000_01b3);
        let mut buf = [0u8; 4];
        for c in (0..0x11_0000u32).filter_map(char::from_u32) {
            match f(c) {
                Mapped::One(o) => o.encode_utf8(&mut buf).bytes().for_each(&mut eat),
                Mapped::Many(s) => s.bytes().for_each(&mut eat),
            }
            if let Some(b) = extra(c) {
                eat(b);
            }
            eat(0xff);
        }
        h
    }

    #[test]
    fn title_and_cased_match_cpython() {
        assert_eq!(fnv(title, |_| None), data::TITLE_HASH);
        // (c + "a").title(): c titlecased, then "a" or "A" as c is cased or not.
        assert_eq!(fnv(title, |c| Some(if is_cased(c) { b'a' } else { b'A' })), data::CASED_HASH);
    }

    /// Every code point maps exactly as in CPython 3.11 (hashes computed by str_case_data.py).
    #[test]
    fn all_code_points_match_cpython() {
        assert_eq!(fnv(upper, |_| None), data::UPPER_HASH);
        assert_eq!(fnv(lower, |_| None), data::LOWER_HASH);
    }

    #[test]
    fn examples() {
        assert_eq!(upper('ß'), Mapped::Many("SS"));
        assert_eq!(upper('ﬁ'), Mapped::Many("FI"));
        assert_eq!(upper('é'), Mapped::One('É'));
        assert_eq!(lower('Σ'), Mapped::One('σ'));
        assert_eq!(lower('İ'), Mapped::Many("i\u{307}"));
        assert_eq!(upper('ǆ'), Mapped::One('Ǆ'));
    }
}
