//! Tests for `dtoa`: shortest digits against CPython's repr (`dtoa_tests_data.rs`) and against
//! std's shortest formatting (which differs from CPython only at exact ties, where it rounds
//! up); exact digits against std's `{:.*e}` / `{:.*}` (exact, ties to even); parsing against
//! std's correctly rounded `str::parse::<f64>`, on random, halfway and very long inputs. The
//! exact decimal values of midpoints come from a separate, multiplication-only conversion.

use super::*;
use std::format;
use std::string::String;
use std::vec::Vec;

#[allow(dead_code)]
#[path = "dtoa_tests_data.rs"]
mod data;

/// splitmix64, fixed seeds.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    /// A finite double: random bits, a short decimal, or a power of two or its neighbour.
    fn double(&mut self) -> f64 {
        loop {
            let x = match self.below(4) {
                0 | 1 => f64::from_bits(self.next() & !(1 << 63)),
                2 => {
                    let len = 1 + self.below(17) as u32;
                    let digits = self.below(10u64.pow(len)) as f64;
                    let e = self.below(600) as i32 - 300;
                    format!("{}e{}", digits, e).parse().unwrap()
                }
                _ => {
                    let p = f64::from_bits(((self.below(2046) + 1) << 52) | (self.below(2) * 5));
                    f64::from_bits(p.to_bits() - self.below(2))
                }
            };
            if x.is_finite() {
                return x;
            }
        }
    }
}

/// (digits without leading/trailing zeros, decpt) of std's `d.ddde±x` or `ddd.ddd` output;
/// ("", 0) for zero.
fn std_digits(s: &str) -> (String, i32) {
    let (mant, exp) = match s.split_once('e') {
        Some((m, e)) => (m, e.parse::<i32>().unwrap()),
        None => (s, 0),
    };
    let int_len = mant.split('.').next().unwrap().len() as i32;
    let all: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let lead = all.len() - all.trim_start_matches('0').len();
    let digits = all.trim_matches('0');
    if digits.is_empty() {
        return (String::new(), 0);
    }
    (digits.into(), int_len - lead as i32 + exp)
}

fn ours(x: f64, mode: Mode) -> (String, i32) {
    let mut buf = [0u8; 1200];
    let (n, decpt, sticky) = digits(x, mode, &mut buf);
    assert!(!sticky);
    if n == 0 {
        return (String::new(), 0);
    }
    (String::from_utf8(buf[..n].to_vec()).unwrap(), decpt)
}

/// Exact decimal (digits, decpt) of `m·2^e`, by multiplications in base 10^9.
fn exact_dec(m: u64, e: i32) -> (String, i32) {
    let mut limbs: Vec<u64> =
        std::vec![m % 1_000_000_000, m / 1_000_000_000 % 1_000_000_000, m / 1_000_000_000_000_000_000];
    let mul = |limbs: &mut Vec<u64>, f: u64| {
        let mut carry = 0;
        for l in limbs.iter_mut() {
            let t = *l * f + carry;
            *l = t % 1_000_000_000;
            carry = t / 1_000_000_000;
        }
        while carry > 0 {
            limbs.push(carry % 1_000_000_000);
            carry /= 1_000_000_000;
        }
    };
    let (base, mut n) = if e >= 0 { (2, e) } else { (5, -e) };
    while n > 0 {
        let k = n.min(12);
        mul(&mut limbs, (base as u64).pow(k as u32));
        n -= k;
    }
    let mut s = String::new();
    for l in limbs.iter().rev() {
        s += &format!("{:09}", l);
    }
    let int = s.trim_start_matches('0');
    // value = int · 10^(min(e, 0))
    let decpt = int.len() as i32 + e.min(0);
    (int.trim_end_matches('0').into(), decpt)
}

fn text(digits: &str, decpt: i32) -> String {
    format!("0.{}e{}", digits, decpt)
}

fn parse_std(s: &str) -> f64 {
    s.parse().unwrap()
}

fn repr(x: f64) -> String {
    let mut s = String::new();
    crate::num::float::write_repr(x, &mut s).unwrap();
    s
}

#[test]
fn reprs_match_cpython() {
    for &(bits, want) in data::REPRS {
        let x = f64::from_bits(bits);
        assert_eq!(repr(x), want, "bits {:#x}", bits);
        assert_eq!(parse(want.as_bytes()).to_bits(), bits, "{}", want);
    }
    // 794854348598.03125, a tie that core's shortest formatting rounds up (…0313).
    assert_eq!(repr(f64::from_bits(0x4267_2220_5ae6_c100)), "794854348598.0312");
    assert_eq!(repr(1e23), "1e+23");
    assert_eq!(repr(5e-324), "5e-324");
}

/// `a·10^(da - len a)` vs `b·...` as integers at a common scale (at most 17 digits each).
fn units(d: &str, decpt: i32, scale: i32) -> u128 {
    let v: u128 = d.parse().unwrap();
    v * 10u128.pow((decpt - d.len() as i32 - scale) as u32)
}

#[test]
fn shortest_matches_std_except_ties() {
    let mut rng = Rng(1);
    let mut ties = 0;
    for i in 0..300_000 {
        let x =
            if i < 2098 { f64::from_bits(if i < 52 { 1 << i } else { ((i - 51) as u64) << 52 }) } else { rng.double() };
        let (d, decpt) = ours(x, Mode::Shortest);
        let (sd, sdecpt) = std_digits(&format!("{:e}", x));
        assert!(d.len() <= 17);
        assert_eq!(parse(text(&d, decpt).as_bytes()), x, "{:e}", x);
        if (&d, decpt) == (&sd, sdecpt) {
            continue;
        }
        // An exact tie between two shortest candidates: std rounds up, CPython to even.
        let (ed, edecpt) = exact_dec(decode(x).0, decode(x).1);
        assert_eq!(d.len(), sd.len(), "{:e}: {} {}", x, d, sd);
        assert!(ed.ends_with('5') && ed.len() == d.len() + 1 && edecpt == decpt, "{:e}", x);
        let scale = (decpt - d.len() as i32).min(sdecpt - sd.len() as i32);
        assert_eq!(
            units(&d, decpt, scale) + units("1", sdecpt - sd.len() as i32 + 1, scale),
            units(&sd, sdecpt, scale)
        );
        assert!((d.as_bytes()[d.len() - 1] - b'0').is_multiple_of(2), "{:e}", x);
        ties += 1;
    }
    assert!(ties > 0);
}

#[test]
fn exact_modes_match_std() {
    let mut rng = Rng(2);
    for i in 0..60_000 {
        let x = rng.double();
        let n = if i % 50 == 0 { 1 + rng.below(800) as usize } else { 1 + rng.below(40) as usize };
        assert_eq!(ours(x, Mode::Significant(n)), std_digits(&format!("{:.*e}", n - 1, x)), "{:e} {}", x, n);
        let p = if i % 50 == 0 { rng.below(1100) as usize } else { rng.below(40) as usize };
        assert_eq!(ours(x, Mode::Fixed(p as i64)), std_digits(&format!("{:.*}", p, x)), "{:e} .{}", x, p);
        // Negative places: the same as that many significant digits.
        let (_, decpt) = exact_dec(decode(x).0, decode(x).1);
        let p = -(rng.below(6) as i64) - 1;
        let k = decpt as i64 + p;
        if k >= 1 {
            assert_eq!(ours(x, Mode::Fixed(p)), ours(x, Mode::Significant(k as usize)), "{:e} .{}", x, p);
        } else if k < 0 {
            assert_eq!(ours(x, Mode::Fixed(p)), (String::new(), 0));
        }
    }
    // Rounding to 0 places before the first digit: up only above half, ties to even (0).
    for (x, p, want) in
        [(5.0, -1, ""), (15.0, -1, "2"), (50.0, -2, ""), (51.0, -2, "1"), (0.5, 0, ""), (0.51, 0, "1"), (6.0, -1, "1")]
    {
        assert_eq!(ours(x, Mode::Fixed(p)).0, want, "{} {}", x, p);
    }
    assert_eq!(ours(99.5, Mode::Fixed(0)), ("1".into(), 3));
    assert_eq!(ours(0.0, Mode::Significant(5)), (String::new(), 0));
    // Huge requests stop at the exact digits.
    assert_eq!(ours(0.1, Mode::Significant(usize::MAX)), std_digits(&format!("{:.100e}", 0.1)));
    assert_eq!(ours(5e-324, Mode::Fixed(i64::MAX)), std_digits(&format!("{:.1100}", 5e-324)));
    assert_eq!(ours(f64::MAX, Mode::Fixed(i64::MIN)), (String::new(), 0));
}

#[test]
fn short_buffers_keep_a_sticky_bit() {
    let mut rng = Rng(3);
    for i in 0..20_000 {
        let x = if i % 4 == 0 { 1.0 - rng.below(1 << 12) as f64 * f64::EPSILON / 2.0 } else { rng.double() };
        if x == 0.0 {
            continue;
        }
        let k = 1 + rng.below(60) as usize;
        let (full, decpt) = ours(x, Mode::Significant(k));
        let len = rng.below(30) as usize;
        let mut buf = [0u8; 30];
        let (n, d, sticky) = digits(x, Mode::Significant(k), &mut buf[..len]);
        let kept = full.get(..len).unwrap_or(&full).trim_end_matches('0');
        assert_eq!((&buf[..n], d), (kept.as_bytes(), decpt), "{:e} {} {}", x, k, len);
        assert_eq!(sticky, full.len() > len, "{:e} {} {}", x, k, len);
    }
}

#[test]
fn parse_matches_std() {
    let mut rng = Rng(4);
    let check = |s: &str| assert_eq!(parse(s.as_bytes()).to_bits(), parse_std(s).to_bits(), "{}", s);
    for s in [
        "2.2250738585072011e-308",
        "2.2250738585072012e-308",
        "2.2250738585072014e-308",
        "1e23",
        "8.533e+68",
        "4.1006e-184",
        "9.998e+307",
        "9.9538452227e-280",
        "6.47660115e-260",
        "7.4e+47",
        "5.92e+48",
        "7.35e+66",
        "8.32116e+55",
        "9007199254740993",
        "9007199254740992.5",
        "9007199254740993.0000000000000000000000000000000001",
        "1e-400",
        "1e400",
        "4.9406564584124654e-324",
        "2.4703282292062327e-324",
        "2.4703282292062328e-324",
        "2.4703282292062327208828439643411068618252990130716238221279284125033775364e-324",
        "1.7976931348623157e308",
        "1.7976931348623158e308",
        "1.7976931348623159e308",
        "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791.9999999999999999999999999999999999999999999999999999999999999999999999",
        "0.0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001",
        "000000000000000000000000000000000000000123.456000000000000000000000000000000000000",
        "123456789012345678901234567890e-330",
        "1.00000000000000011102230246251565404236316680908203125",
        "1.00000000000000011102230246251565404236316680908203124",
        "1.00000000000000011102230246251565404236316680908203126",
        "1.00000000000000033306690738754696212708950042724609375",
        "0",
        "0e999999999999999999999",
        "1e-999999999999999999999",
        "1e999999999999999999999",
        "1e22",
        "1e37",
        "12345e33",
        "123456789e30",
        "9007199254740993e22",
        ".5",
        "5.",
    ] {
        check(s);
    }
    // Random digit strings.
    for _ in 0..100_000 {
        let max = if rng.below(10) == 0 { 900 } else { 25 };
        let len = 1 + rng.below(max) as usize;
        let mut s: String = (0..len).map(|_| (b'0' + rng.below(10) as u8) as char).collect();
        if rng.below(2) == 0 {
            s.insert(rng.below(len as u64 + 1) as usize, '.');
        }
        s += &format!("e{}", rng.below(800) as i64 - 400);
        check(&s);
    }
    // Midpoints between neighbours, exactly, a little below and a little above (also beyond
    // 800 digits), and the shortest and 17-digit forms of doubles.
    for _ in 0..3_000 {
        let x = rng.double();
        let (m, e, _) = decode(x);
        let (mid, decpt) = exact_dec(2 * m + 1, e - 1);
        let below = {
            let mut d = mid.clone().into_bytes();
            let last = d.len() - 1;
            d[last] -= 1;
            String::from_utf8(d).unwrap()
        };
        for d in [
            mid.clone(),
            below.clone(),
            format!("{}{}1", mid, "0".repeat(rng.below(900) as usize)),
            format!("{}{}", below, "9".repeat(900)),
        ] {
            check(&text(&d, decpt));
        }
        check(&format!("{:e}", x));
        check(&format!("{:.16e}", x));
    }
}

#[test]
fn shortest_round_trips() {
    let mut rng = Rng(5);
    for _ in 0..300_000 {
        let x = f64::from_bits(rng.next() & !(1 << 63));
        if !x.is_finite() {
            continue;
        }
        let (d, decpt) = ours(x, Mode::Shortest);
        assert_eq!(parse(text(&d, decpt).as_bytes()).to_bits(), x.to_bits(), "{:e}", x);
        let (d, decpt) = ours(x, Mode::Significant(17));
        assert_eq!(to_f64(d.as_bytes(), d.len(), decpt as i64).to_bits(), x.to_bits(), "{:e}", x);
    }
}

#[test]
fn parse_literals() {
    assert_eq!(parse(b"-1_000.000_5e-0_3"), -1.0000005);
    assert_eq!(parse(b"+iNfinity"), f64::INFINITY);
    assert!(parse(b"-nan").is_nan());
    assert_eq!(parse(b"-0.0").to_bits(), (-0.0f64).to_bits());
    // Not literals: some value, no panic.
    for s in [&b""[..], b"-", b"e", b".", b"e-", b"1e", b"\xff", b"1.2.3"] {
        let _ = parse(s);
    }
}

/// Long runs: `cargo test --release -p frostbyte-vm dtoa -- --ignored`. With
/// `DTOA_REPR_FILE` naming a file of `<hex bits> <repr>` lines (written by CPython), also checks
/// every line.
#[test]
#[ignore]
fn long_random_runs() {
    let mut rng = Rng(6);
    for _ in 0..20_000_000 {
        let x = rng.double();
        let (d, decpt) = ours(x, Mode::Shortest);
        assert_eq!(parse(text(&d, decpt).as_bytes()).to_bits(), x.to_bits(), "{:e}", x);
        let (sd, sdecpt) = std_digits(&format!("{:e}", x));
        if (&d, decpt) != (&sd, sdecpt) {
            let (ed, _) = exact_dec(decode(x).0, decode(x).1);
            assert!(d.len() == sd.len() && ed.len() == d.len() + 1 && ed.ends_with('5'), "{:e}", x);
        }
        let n = 1 + rng.below(25) as usize;
        assert_eq!(ours(x, Mode::Significant(n)), std_digits(&format!("{:.*e}", n - 1, x)), "{:e} {}", x, n);
        let s = format!("{}e{}", rng.next() >> rng.below(64), rng.below(700) as i64 - 350);
        assert_eq!(parse(s.as_bytes()).to_bits(), parse_std(&s).to_bits(), "{}", s);
    }
    if let Ok(path) = std::env::var("DTOA_REPR_FILE") {
        let text = std::fs::read_to_string(path).unwrap();
        for line in text.lines() {
            let (bits, want) = line.split_once(' ').unwrap();
            let x = f64::from_bits(u64::from_str_radix(bits, 16).unwrap());
            assert_eq!(repr(x), want, "{}", line);
        }
    }
}
