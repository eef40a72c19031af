//! Operand encoding: unsigned LEB128 ("varuint") and zigzag-signed LEB128 ("varsint").
//!
//! ```text
//!  byte:  [ c | 7 payload bits ]   c = 1: another byte follows
//!  value = payload0 | payload1 << 7 | payload2 << 14 | ...   (little-endian groups)
//!  signed values are zigzag-mapped first: 0,-1,1,-2,2,... -> 0,1,2,3,4,...
//! ```
//! Values below 128 take one byte, below 16384 two. Operands are at most 64 bits.

/// Append `v` as varuint to `out` via the `push` callback (no allocation needed).
pub fn encode_u(mut v: u64, mut push: impl FnMut(u8)) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            push(b);
            return;
        }
        push(b | 0x80);
    }
}

/// Number of bytes `encode_u(v)` produces.
pub const fn len_u(mut v: u64) -> usize {
    let mut n = 1;
    while v >= 0x80 {
        v >>= 7;
        n += 1;
    }
    n
}

/// Zigzag map a signed value onto an unsigned one.
pub const fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

/// Inverse of [`zigzag`].
pub const fn unzigzag(v: u64) -> i64 {
    ((v >> 1) as i64) ^ -((v & 1) as i64)
}

/// Append `v` as zigzag varsint.
pub fn encode_s(v: i64, push: impl FnMut(u8)) {
    encode_u(zigzag(v), push)
}

/// Decode a varuint at `*pos`, advancing `*pos`. Returns `None` on truncated input or
/// overlong encodings (more than 10 bytes).
#[inline]
pub fn decode_u(bytes: &[u8], pos: &mut usize) -> Option<u64> {
    let mut v: u64 = 0;
    let mut shift = 0u32;
    loop {
        let b = *bytes.get(*pos)?;
        *pos += 1;
        if shift >= 64 {
            return None;
        }
        v |= ((b & 0x7f) as u64) << shift;
        if b & 0x80 == 0 {
            return Some(v);
        }
        shift += 7;
    }
}

/// Decode a zigzag varsint at `*pos`.
#[inline]
pub fn decode_s(bytes: &[u8], pos: &mut usize) -> Option<i64> {
    decode_u(bytes, pos).map(unzigzag)
}

#[cfg(test)]
mod tests {
    use super::*;
    extern crate std;
    use std::vec::Vec;

    #[test]
    fn round_trip() {
        for &v in &[0u64, 1, 127, 128, 300, 16383, 16384, u32::MAX as u64, u64::MAX] {
            let mut buf = Vec::new();
            encode_u(v, |b| buf.push(b));
            assert_eq!(buf.len(), len_u(v));
            let mut p = 0;
            assert_eq!(decode_u(&buf, &mut p), Some(v));
            assert_eq!(p, buf.len());
        }
        for &v in &[0i64, -1, 1, -64, 64, i64::MIN, i64::MAX] {
            let mut buf = Vec::new();
            encode_s(v, |b| buf.push(b));
            let mut p = 0;
            assert_eq!(decode_s(&buf, &mut p), Some(v));
        }
    }

    #[test]
    fn truncated() {
        let mut p = 0;
        assert_eq!(decode_u(&[0x80], &mut p), None);
    }
}
