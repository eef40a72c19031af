//! Int literals of any size: parsing the source token and choosing its encoding.

use crate::code::Const;

/// Smallest value `LoadSmallInt` may carry (31-bit signed small ints on every target).
pub(crate) const SMALL_MIN: i64 = -(1 << 30);
/// Largest value `LoadSmallInt` may carry.
pub(crate) const SMALL_MAX: i64 = (1 << 30) - 1;

/// An int value: sign and magnitude (base 2^32, least significant first, no leading zeros;
/// zero is the empty magnitude and never negative).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct BigInt {
    pub(crate) negative: bool,
    pub(crate) mag: Vec<u32>,
}

impl BigInt {
    /// Parse a literal as written in Python: decimal, `0x`, `0o`, `0b`, with underscores.
    pub(crate) fn parse(token: &str) -> Option<BigInt> {
        let t: String = token.chars().filter(|&c| c != '_').collect();
        let lower = t.to_ascii_lowercase();
        let (digits, radix) = if let Some(rest) = lower.strip_prefix("0x") {
            (rest.to_string(), 16)
        } else if let Some(rest) = lower.strip_prefix("0o") {
            (rest.to_string(), 8)
        } else if let Some(rest) = lower.strip_prefix("0b") {
            (rest.to_string(), 2)
        } else {
            (lower, 10)
        };
        if digits.is_empty() {
            return None;
        }
        let mut mag: Vec<u32> = Vec::new();
        for c in digits.chars() {
            let d = c.to_digit(radix)?;
            // mag = mag * radix + d
            let mut carry = d as u64;
            for limb in mag.iter_mut() {
                let v = (*limb as u64) * radix as u64 + carry;
                *limb = v as u32;
                carry = v >> 32;
            }
            if carry != 0 {
                mag.push(carry as u32);
            }
        }
        Some(BigInt { negative: false, mag })
    }

    /// `-self`.
    pub(crate) fn neg(mut self) -> BigInt {
        if !self.mag.is_empty() {
            self.negative = !self.negative;
        }
        self
    }

    /// The value as `i64`, if it fits.
    pub(crate) fn to_i64(&self) -> Option<i64> {
        if self.mag.len() > 2 {
            return None;
        }
        let m = self.mag.iter().rev().fold(0u64, |acc, &d| (acc << 32) | d as u64);
        if self.negative {
            if m <= 1u64 << 63 {
                Some((m as i64).wrapping_neg())
            } else {
                None
            }
        } else {
            i64::try_from(m).ok()
        }
    }

    /// The constant: `Int` if it fits `i64`, else `BigInt`. (Code generation loads values
    /// in `SMALL_MIN..=SMALL_MAX` with `LoadSmallInt` instead.)
    pub(crate) fn to_const(&self) -> Const {
        match self.to_i64() {
            Some(v) => Const::Int(v),
            None => Const::BigInt { negative: self.negative, digits: self.mag.clone() },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn radixes_and_underscores() {
        assert_eq!(BigInt::parse("1_000").unwrap().to_i64(), Some(1000));
        assert_eq!(BigInt::parse("0xFF").unwrap().to_i64(), Some(255));
        assert_eq!(BigInt::parse("0o17").unwrap().to_i64(), Some(15));
        assert_eq!(BigInt::parse("0B1_01").unwrap().to_i64(), Some(5));
        assert_eq!(BigInt::parse("0").unwrap().mag, Vec::<u32>::new());
    }

    #[test]
    fn encodings() {
        assert_eq!(BigInt::parse("1073741823").unwrap().to_i64(), Some(SMALL_MAX));
        assert_eq!(BigInt::parse("1073741824").unwrap().neg().to_i64(), Some(SMALL_MIN));
        let min = BigInt::parse("9223372036854775808").unwrap();
        assert_eq!(min.to_const(), Const::BigInt { negative: false, digits: vec![0, 0x8000_0000] });
        assert_eq!(min.neg().to_const(), Const::Int(i64::MIN));
        assert_eq!(BigInt::parse("0").unwrap().neg().to_const(), Const::Int(0));
        let big = BigInt::parse("0x1_0000_0000_0000_0000").unwrap();
        assert_eq!(big.mag, vec![0, 0, 1]);
    }
}
