//! Tests for `float`, against values computed by CPython 3.11 (`float_tests_data.rs`).

use super::*;
use std::string::String;

#[allow(dead_code)]
#[path = "float_tests_data.rs"]
mod data;

fn repr(x: f64) -> String {
    let mut s = String::new();
    write_repr(x, &mut s).unwrap();
    s
}

/// Applies a `%[#][.p]X` format through `FloatText`.
fn printf(x: f64, f: &str) -> String {
    let f = &f[1..];
    let (alt, f) = match f.strip_prefix('#') {
        Some(f) => (true, f),
        None => (false, f),
    };
    let ty = f.chars().last().unwrap();
    let p = f[..f.len() - 1].strip_prefix('.').map_or(6, |p| p.parse().unwrap());
    let mut style = FloatStyle::new(ty, p).unwrap();
    style.alternate = alt;
    let mut buf = [0u8; MAX_DIGITS];
    let t = FloatText::new(x, &style, &mut buf);
    let mut s = String::new();
    t.write(&mut s).unwrap();
    assert_eq!(s.len(), t.unsigned_len() + t.is_negative() as usize);
    // The buffer sized by `digits_needed` (small or big) gives the same text.
    let mut s2 = String::new();
    with_text(x, &style, &mut |t| t.write(&mut s2)).unwrap();
    assert_eq!(s, s2);
    s
}

#[test]
fn reprs() {
    for &(x, want) in data::REPRS {
        assert_eq!(repr(x), want, "{:e}", x);
    }
}

#[test]
fn printf_styles() {
    for &(x, f, want) in data::PRINTF {
        assert_eq!(printf(x, f), want, "{} % {:e}", f, x);
    }
}

#[test]
fn rounding() {
    for &(x, nd, want) in data::ROUNDS {
        match round_ndigits(x, nd) {
            Ok(r) => assert_eq!(repr(r), want, "round({:e}, {})", x, nd),
            Err(e) => assert_eq!((e, want), (FloatError::Overflow, "OVF"), "round({:e}, {})", x, nd),
        }
    }
    for (x, want) in [(0.5, 0.0), (1.5, 2.0), (2.5, 2.0), (-0.5, -0.0), (-1.5, -2.0), (3.7, 4.0), (-3.2, -3.0)] {
        assert_eq!(round_half_even(x), want);
    }
}

#[test]
fn divmods() {
    for &(x, y, q, r) in data::DIVMODS {
        assert_eq!(repr(floor_div(x, y).unwrap()), q, "{} // {}", x, y);
        assert_eq!(repr(rem(x, y).unwrap()), r, "{} % {}", x, y);
    }
    assert_eq!(divmod(1.0, 0.0), Err(FloatError::ZeroDivision));
    assert_eq!(rem(1.0, -0.0), Err(FloatError::ZeroDivision));
}

#[test]
fn hashes() {
    for &(x, h) in data::HASHES {
        assert_eq!(hash(x), Some(h), "hash({:e})", x);
    }
    assert_eq!(hash(f64::NAN), None);
    assert_eq!(hash(1.5), Some(1152921504606846977));
    assert_eq!(hash(-1.0), Some(-2));
}

#[test]
fn parsing() {
    let ok: &[(&str, f64)] = &[
        ("1_000.5", 1000.5),
        ("  1_000.5 ", 1000.5),
        ("1e1_0", 1e10),
        (".5", 0.5),
        ("5.", 5.0),
        ("infinity", f64::INFINITY),
        ("-iNF", f64::NEG_INFINITY),
        (" 1e5\n", 1e5),
        ("1_0e1_0", 1e11),
        ("1.0_1", 1.01),
        ("1e+05", 1e5),
        ("-0", -0.0),
        ("\u{a0}2.5\u{3000}", 2.5),
        ("1E-3", 1e-3),
        ("+1.5", 1.5),
    ];
    for &(s, want) in ok {
        let got = parse(s).unwrap_or_else(|e| panic!("{:?}: {:?}", s, e));
        assert_eq!(got.to_bits(), want.to_bits(), "{:?}", s);
    }
    assert!(parse("+nan").unwrap().is_nan());
    assert!(parse("-NaN").unwrap().is_nan());
    let bad = [
        "1__0", "1._5", "_1.5", "1.5_", "1e_10", ".", "nan1", "1.5 x", "0x10", "1e", "", "1_.5", "+", "e5", "1\x1c",
        "inf_", "in f", "1e5.0", "--1", "1.2.3", "infinit",
    ];
    for s in bad {
        assert_eq!(parse(s), Err(FloatError::InvalidLiteral), "{:?}", s);
    }
}

#[test]
fn helpers() {
    assert!(is_integer(3.0));
    assert!(!is_integer(3.5));
    assert!(!is_integer(f64::INFINITY));
    assert_eq!(decompose(0.75), Some((false, 3, -2)));
    assert_eq!(decompose(-8.0), Some((true, 1, 3)));
    assert_eq!(decompose(0.0), Some((false, 0, 0)));
    assert_eq!(decompose(5e-324), Some((false, 1, -1074)));
    assert_eq!(decompose(f64::NAN), None);
}

#[test]
fn huge_precision_does_not_panic() {
    let mut style = FloatStyle::new('f', 100_000).unwrap();
    let mut buf = [0u8; MAX_DIGITS];
    let t = FloatText::new(1.5, &style, &mut buf);
    assert_eq!(t.unsigned_len(), 100_002);
    style = FloatStyle::new('e', usize::MAX).unwrap();
    let mut buf = [0u8; MAX_DIGITS];
    let t = FloatText::new(1.5, &style, &mut buf);
    assert!(t.rest_len() > 1000);
    style = FloatStyle::new('g', usize::MAX).unwrap();
    style.alternate = true;
    let _ = FloatText::new(-1e300, &style, &mut [0u8; MAX_DIGITS]).unsigned_len();
}

/// `fmod` is exact, so it must equal Rust's `%` (the C library's `fmod`) bit for bit: special
/// values, subnormals, huge exponent differences and pseudo-random bit patterns.
#[test]
fn fmod_matches_the_c_library() {
    let special = [
        0.0,
        -0.0,
        1.0,
        -1.0,
        0.5,
        3.0,
        -7.25,
        1e-300,
        5e-324,
        -5e-324,
        2.2250738585072014e-308,
        2.225073858507201e-308,
        1e300,
        f64::MAX,
        -f64::MAX,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
        0.1,
        1e16,
        123456789.125,
        core::f64::consts::PI,
    ];
    let check = |x: f64, y: f64| {
        let (got, want) = (fmod(x, y), x % y);
        assert!(
            got.to_bits() == want.to_bits() || (got.is_nan() && want.is_nan()),
            "fmod({x:e}, {y:e}) = {got:e}, want {want:e}"
        );
    };
    for &x in &special {
        for &y in &special {
            check(x, y);
        }
    }
    let mut s: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..200_000 {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        let x = f64::from_bits(s);
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        // Half the divisors near x's magnitude, half anywhere.
        let y = if s & 1 == 0 { f64::from_bits(s) } else { f64::from_bits((x.to_bits() & !(0x3f << 52)) ^ (s >> 12)) };
        check(x, y);
    }
}
