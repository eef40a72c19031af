//! Tests for `printf`: a miniature `str.__mod__` driven like the VM drives it, against CPython
//! 3.11 (`printf_tests_data.rs`).

use super::*;
use crate::num::{bigint, float};
use std::string::String;
use std::vec;

#[allow(dead_code)]
#[path = "printf_tests_data.rs"]
mod data;

/// A test argument.
#[derive(Clone, Copy, Debug)]
pub enum A {
    I(&'static str),
    F(f64),
    S(&'static str),
}

fn type_name(a: &A) -> &'static str {
    match a {
        A::I(_) => "int",
        A::F(_) => "float",
        A::S(_) => "str",
    }
}

fn err(e: PrintfError, a: Option<&A>) -> String {
    let mut s = String::new();
    e.write_message(a.map_or("", type_name), &mut s).unwrap();
    s
}

fn int_parts(v: &str) -> (bool, vec::Vec<u32>) {
    let mut mag = vec![0u32; bigint::parse_len_bound(v.len(), 10)];
    let n = bigint::parse(v, 10, &mut mag).unwrap();
    mag.truncate(n.len);
    (n.neg, mag)
}

fn str_of(a: &A, repr: bool) -> String {
    match *a {
        A::I(v) => String::from(v),
        A::F(x) => {
            let mut s = String::new();
            float::write_repr(x, &mut s).unwrap();
            s
        }
        A::S(s) if repr => std::format!("'{}'", s),
        A::S(s) => String::from(s),
    }
}

fn ascii_of(a: &A) -> String {
    let r = str_of(a, true);
    let mut s = String::new();
    for c in r.chars() {
        match c as u32 {
            0..=0x7f => s.push(c),
            0x80..=0xff => s.push_str(&std::format!("\\x{:02x}", c as u32)),
            0x100..=0xffff => s.push_str(&std::format!("\\u{:04x}", c as u32)),
            _ => s.push_str(&std::format!("\\U{:08x}", c as u32)),
        }
    }
    s
}

fn star(args: &[A], i: &mut usize) -> Result<i64, String> {
    let a = args.get(*i).ok_or_else(|| err(PrintfError::NotEnoughArguments, None))?;
    *i += 1;
    match a {
        A::I(v) => Ok(v.parse().unwrap()),
        _ => Err(err(PrintfError::StarWantsInt, None)),
    }
}

fn percent(fmt: &str, args: &[A]) -> Result<String, String> {
    let mut out = String::new();
    let mut next = 0;
    for piece in Parser::new(fmt) {
        // The arguments here are never a mapping: a key (even an incomplete one) needs one.
        let piece = piece.map_err(|e| if e == PrintfError::IncompleteKey { PrintfError::NeedMapping } else { e });
        if let Ok(Piece::Conversion(Conversion { key: Some(_), .. })) = piece {
            return Err(err(PrintfError::NeedMapping, None));
        }
        let conv = match piece.map_err(|e| err(e, None))? {
            Piece::Literal(s) => {
                out.push_str(s);
                continue;
            }
            Piece::Conversion(c) => c,
        };
        let sw = if conv.width == Count::Star { Some(star(args, &mut next)?) } else { None };
        let sp = if conv.precision == Count::Star { Some(star(args, &mut next)?) } else { None };
        let a = args.get(next).ok_or_else(|| err(PrintfError::NotEnoughArguments, None))?;
        next += 1;
        let kind = conv.kind().map_err(|e| err(e, Some(a)))?;
        let r = conv.resolve(sw, sp);
        let wrong = || err(PrintfError::WrongType { ty: r.ty }, Some(a));
        match kind {
            ConvKind::Str | ConvKind::Repr => write_text(&r, &str_of(a, kind == ConvKind::Repr), &mut out),
            ConvKind::Ascii => write_text(&r, &ascii_of(a), &mut out),
            ConvKind::Char => {
                let c = match *a {
                    A::I(v) => {
                        let v: i64 = v.parse().unwrap();
                        u32::try_from(v)
                            .ok()
                            .and_then(char::from_u32)
                            .ok_or_else(|| err(PrintfError::CharRange, None))?
                    }
                    A::S(s) if s.chars().count() == 1 => s.chars().next().unwrap(),
                    _ => return Err(wrong()),
                };
                let mut buf = [0u8; 4];
                write_text(&r, c.encode_utf8(&mut buf), &mut out)
            }
            ConvKind::Int { base, upper } => {
                let (neg, mag) = match *a {
                    A::I(v) => int_parts(v),
                    A::F(x) if base == 10 => {
                        let mut mag = vec![0u32; bigint::FROM_F64_LEN];
                        let n = bigint::from_f64(x, &mut mag).unwrap();
                        mag.truncate(n.len);
                        (n.neg, mag)
                    }
                    _ => return Err(wrong()),
                };
                let mut scratch = vec![0u32; bigint::radix_scratch_len(mag.len(), base)];
                let digits = bigint::Radix::new(&mag, base, upper, &mut scratch).unwrap();
                write_int(&r, neg, &digits, &mut out)
            }
            ConvKind::Float => {
                let x = match *a {
                    A::F(x) => x,
                    A::I(v) => {
                        let (neg, mag) = int_parts(v);
                        bigint::to_f64(bigint::IntRef::new(neg, &mag)).unwrap()
                    }
                    A::S(_) => return Err(wrong()),
                };
                write_float(&r, x, &mut out)
            }
        }
        .map_err(|e| err(e, Some(a)))?;
    }
    if next < args.len() {
        return Err(err(PrintfError::NotAllConverted, None));
    }
    Ok(out)
}

#[test]
fn cpython_cases() {
    for &(fmt, args, kind, want) in data::CASES {
        let got = percent(fmt, args);
        match kind {
            'O' => assert_eq!(got.as_deref(), Ok(want), "{:?} % {:?}", fmt, args),
            'P' => assert!(got.as_deref().unwrap().starts_with(want), "{:?} % {:?}", fmt, args),
            _ => assert_eq!(got, Err(String::from(want)), "{:?} % {:?}", fmt, args),
        }
    }
}

#[test]
fn parser_pieces() {
    let pieces: vec::Vec<_> = Parser::new("a%(k(x))-+ #012.3lfb%%c").collect();
    assert_eq!(pieces.len(), 5);
    assert_eq!(pieces[0], Ok(Piece::Literal("a")));
    let Ok(Piece::Conversion(c)) = pieces[1] else { panic!() };
    assert_eq!(c.key, Some("k(x)"));
    assert_eq!(c.flags, Flags { left: true, plus: true, space: true, alt: true, zero: true });
    assert_eq!((c.width, c.precision, c.ty, c.index), (Count::Value(12), Count::Value(3), 'f', 18));
    assert_eq!(pieces[2], Ok(Piece::Literal("b")));
    assert_eq!(pieces[3], Ok(Piece::Literal("%")));
    assert_eq!(pieces[4], Ok(Piece::Literal("c")));
    let too_big: vec::Vec<_> = Parser::new("%99999999999999999999d").collect();
    assert_eq!(too_big, [Err(PrintfError::WidthTooBig)]);
    let too_big: vec::Vec<_> = Parser::new("%.99999999999999999999d").collect();
    assert_eq!(too_big, [Err(PrintfError::PrecisionTooBig)]);
}
