//! The code-object blob: one byte array per code object holding its bytecode, its cold
//! counts and its two tables, so a code object needs one pointer for all of them.
//!
//! ```text
//!  +0        bytecode          bc_len bytes (bc_len is stored in the code object)
//!  +bc_len   varuint n_kwonly  keyword-only parameters
//!            varuint n_free    free variables
//!            varuint n_posonly positional-only parameters
//!            varuint first_line
//!            varuint lt_len    line-table length
//!            varuint xt_len    exception-table length
//!            line table        lt_len bytes  (crate::linetable)
//!            exception table   xt_len bytes  (crate::exctable); the blob ends here
//! ```
//! The counts that every call needs first (`n_kwonly`, `n_free`) come first; each is one
//! byte below 128. [`encode`] writes a blob, [`tail`] reads the part after the bytecode and
//! [`blob_len`] validates a whole blob in a `const` context (the VM's `Code` constructor
//! uses it, so a malformed blob is a compile error of the generated code).

use crate::varint;

/// The fields stored after the bytecode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tail<'a> {
    /// Keyword-only parameters.
    pub n_kwonly: u16,
    /// Free variables.
    pub n_free: u16,
    /// Positional-only parameters.
    pub n_posonly: u16,
    /// Line of the `def` (1 for a module).
    pub first_line: u32,
    /// Line table.
    pub line_table: &'a [u8],
    /// Exception table.
    pub exc_table: &'a [u8],
}

/// Append a blob: `bytecode` followed by `tail`.
pub fn encode(bytecode: &[u8], t: &Tail<'_>, mut push: impl FnMut(u8)) {
    bytecode.iter().for_each(|b| push(*b));
    for v in [
        t.n_kwonly as u64,
        t.n_free as u64,
        t.n_posonly as u64,
        t.first_line as u64,
        t.line_table.len() as u64,
        t.exc_table.len() as u64,
    ] {
        varint::encode_u(v, &mut push);
    }
    t.line_table.iter().for_each(|b| push(*b));
    t.exc_table.iter().for_each(|b| push(*b));
}

/// `const` varuint reader: `(value, next position)`, or `None` if truncated or overlong.
const fn read_u(bytes: &[u8], mut pos: usize) -> Option<(u64, usize)> {
    let mut v: u64 = 0;
    let mut shift = 0u32;
    loop {
        if pos >= bytes.len() || shift >= 64 {
            return None;
        }
        let b = bytes[pos];
        pos += 1;
        v |= ((b & 0x7f) as u64) << shift;
        if b & 0x80 == 0 {
            return Some((v, pos));
        }
        shift += 7;
    }
}

/// Header of the tail: the six counts and the offset (from the start of the blob) of the
/// line table. `None` if the blob is malformed.
const fn header(blob: &[u8], bc_len: usize) -> Option<([u64; 6], usize)> {
    let mut out = [0u64; 6];
    let mut pos = bc_len;
    let mut i = 0;
    while i < 6 {
        match read_u(blob, pos) {
            Some((v, next)) => {
                out[i] = v;
                pos = next;
            }
            None => return None,
        }
        i += 1;
    }
    if out[0] > u16::MAX as u64 || out[1] > u16::MAX as u64 || out[2] > u16::MAX as u64 || out[3] > u32::MAX as u64 {
        return None;
    }
    Some((out, pos))
}

/// The length of `blob` if it is exactly one well-formed blob whose bytecode is `bc_len`
/// bytes, `None` otherwise.
pub const fn blob_len(blob: &[u8], bc_len: usize) -> Option<usize> {
    match header(blob, bc_len) {
        Some((h, pos)) => {
            let end = pos as u64 + h[4] + h[5];
            if end == blob.len() as u64 {
                Some(blob.len())
            } else {
                None
            }
        }
        None => None,
    }
}

/// Read the tail of a well-formed blob (see [`blob_len`]).
pub fn tail(blob: &[u8], bc_len: usize) -> Option<Tail<'_>> {
    let (h, pos) = header(blob, bc_len)?;
    let lt_end = pos.checked_add(h[4] as usize)?;
    let xt_end = lt_end.checked_add(h[5] as usize)?;
    Some(Tail {
        n_kwonly: h[0] as u16,
        n_free: h[1] as u16,
        n_posonly: h[2] as u16,
        first_line: h[3] as u32,
        line_table: blob.get(pos..lt_end)?,
        exc_table: blob.get(lt_end..xt_end)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    extern crate std;
    use std::vec::Vec;

    #[test]
    fn round_trip() {
        let t = Tail {
            n_kwonly: 2,
            n_free: 300,
            n_posonly: 1,
            first_line: 70000,
            line_table: &[1, 2, 3],
            exc_table: &[9, 8],
        };
        let mut blob = Vec::new();
        encode(&[10, 11, 12, 13], &t, |b| blob.push(b));
        assert_eq!(blob_len(&blob, 4), Some(blob.len()));
        assert_eq!(tail(&blob, 4), Some(t));
        assert_eq!(blob_len(&blob[..blob.len() - 1], 4), None);
        assert_eq!(blob_len(&blob, 5), None);
    }
}
