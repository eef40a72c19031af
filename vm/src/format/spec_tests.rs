//! Tests for `spec`, against CPython 3.11's `format()` (`spec_tests_data.rs`).

use super::*;
use crate::num::bigint;
use std::string::String;
use std::vec;

#[allow(dead_code)]
#[path = "spec_tests_data.rs"]
mod data;

fn message(e: SpecError, spec: &str, ty: &str) -> String {
    let mut s = String::new();
    e.write_message(spec, ty, &mut s).unwrap();
    s
}

/// `format(int(v), spec)` the way the VM does it.
fn format_int_value(v: &str, spec_text: &str) -> Result<String, String> {
    let mut mag = vec![0u32; bigint::parse_len_bound(v.len(), 10)];
    let n = bigint::parse(v, 10, &mut mag).unwrap();
    let x = n.view(&mag);
    let spec = FormatSpec::parse(spec_text).map_err(|e| message(e, spec_text, "int"))?;
    let mut out = String::new();
    let r = match spec.int_kind().map_err(|e| message(e, spec_text, "int"))? {
        IntKind::Digits { base, upper } => {
            let mut scratch = vec![0u32; bigint::radix_scratch_len(x.mag.len(), base)];
            let digits = bigint::Radix::new(x.mag, base, upper, &mut scratch).unwrap();
            format_int(&spec, x.neg, &digits, &mut out)
        }
        IntKind::Char => {
            let v = bigint::to_i64(x).ok_or_else(|| String::from("Python int too large to convert to C long"))?;
            let c = u32::try_from(v)
                .ok()
                .and_then(char::from_u32)
                .ok_or_else(|| String::from("%c arg not in range(0x110000)"))?;
            format_char(&spec, c, &mut out)
        }
        IntKind::Float => format_float(&spec, bigint::to_f64(x).unwrap(), &mut out),
    };
    r.map_err(|e| message(e, spec_text, "int"))?;
    Ok(out)
}

fn check(got: Result<String, String>, kind: char, want: &str, what: &str) {
    match kind {
        'O' => assert_eq!(got, Ok(String::from(want)), "{}", what),
        _ => assert_eq!(got, Err(String::from(want)), "{}", what),
    }
}

#[test]
fn ints() {
    for &(v, spec, kind, want) in data::INTS {
        check(format_int_value(v, spec), kind, want, &std::format!("format({}, {:?})", v, spec));
    }
}

#[test]
fn floats() {
    for &(x, spec_text, kind, want) in data::FLOATS {
        let got = FormatSpec::parse(spec_text).and_then(|spec| {
            let mut out = String::new();
            format_float(&spec, x, &mut out).map(|_| out)
        });
        check(
            got.map_err(|e| message(e, spec_text, "float")),
            kind,
            want,
            &std::format!("format({:e}, {:?})", x, spec_text),
        );
    }
}

#[test]
fn strs() {
    for &(v, spec_text, kind, want) in data::STRS {
        let got = FormatSpec::parse(spec_text).and_then(|spec| {
            let mut out = String::new();
            format_str(&spec, v, &mut out).map(|_| out)
        });
        check(
            got.map_err(|e| message(e, spec_text, "str")),
            kind,
            want,
            &std::format!("format({:?}, {:?})", v, spec_text),
        );
    }
}

#[test]
fn parse_fields() {
    let s = FormatSpec::parse("*^+z#012_.3f").unwrap();
    assert_eq!(s.fill, Some('*'));
    assert_eq!(s.align, Some(pad::Align::Center));
    assert_eq!(s.sign, Some(Sign::Plus));
    assert!(s.no_neg_zero && s.alternate && !s.zero_pad);
    assert_eq!(s.width, Some(12), "the 0 after an explicit fill is part of the width");
    assert_eq!(s.separator, Separator::Underscore);
    assert_eq!(s.precision, Some(3));
    assert_eq!(s.ty, Some('f'));
    let s = FormatSpec::parse("").unwrap();
    assert_eq!((s.width, s.precision, s.ty), (None, None, None));
}

#[test]
fn counter_and_slice_writer() {
    let spec = FormatSpec::parse("^9,").unwrap();
    let mut c = pad::Counter::default();
    format_float(&spec, 1234.5, &mut c).unwrap();
    assert_eq!((c.chars, c.bytes), (9, 9));
    let mut buf = [0u8; 9];
    let mut w = pad::SliceWriter::new(&mut buf);
    format_float(&spec, 1234.5, &mut w).unwrap();
    assert_eq!(w.as_str(), " 1,234.5 ");
    let mut small = [0u8; 4];
    let mut w = pad::SliceWriter::new(&mut small);
    assert_eq!(format_float(&spec, 1234.5, &mut w), Err(SpecError::Sink));
}

#[test]
fn arbitrary_specs_do_not_panic() {
    let alphabet: vec::Vec<char> = "<>=^+- z#0123456789,_.eEfFgGn%sdxXobcq\u{e9}\u{65e5}".chars().collect();
    let mut seed = 99u64;
    for _ in 0..20000 {
        let mut spec = String::new();
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        let len = (seed >> 60) as usize;
        for i in 0..len {
            let idx = ((seed >> (i * 4 % 56)) as usize) % alphabet.len();
            spec.push(alphabet[idx]);
        }
        if let Ok(s) = FormatSpec::parse(&spec) {
            let mut c = pad::Counter::default();
            let _ = format_float(&s, -1234.5e-3, &mut c);
            let _ = format_str(&s, "h\u{e9}llo", &mut c);
            if let Ok(IntKind::Digits { base, upper }) = s.int_kind() {
                let mut scratch = [0u32; 8];
                let d = bigint::Radix::new(&[12345, 678], base, upper, &mut scratch).unwrap();
                let _ = format_int(&s, true, &d, &mut c);
            }
        }
        for piece in crate::format::printf::Parser::new(&spec) {
            let _ = piece;
        }
    }
}
