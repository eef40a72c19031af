//! The exception table of a code object (zero-cost `try`: nothing runs on entry).
//!
//! ```text
//!  entry := varuint(start) varuint(end) varuint(handler) varuint(depth)
//!  an exception raised by the instruction at offset ip (start <= ip < end) unwinds the
//!  value stack to `depth` entries, pushes the exception object and jumps to `handler`.
//! ```
//! Entries are searched in order and the FIRST match wins: the compiler emits inner
//! (nested) regions before the regions that enclose them. No match: the exception
//! propagates to the caller frame.

use crate::varint;

/// One decoded entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    /// First covered bytecode offset.
    pub start: u32,
    /// One past the last covered offset.
    pub end: u32,
    /// Bytecode offset of the handler.
    pub handler: u32,
    /// Value-stack depth (relative to the frame's stack base) to unwind to.
    pub depth: u32,
}

/// Append one entry.
pub fn encode_entry(e: Entry, mut push: impl FnMut(u8)) {
    for v in [e.start, e.end, e.handler, e.depth] {
        varint::encode_u(v as u64, &mut push);
    }
}

/// Find the handler for an exception raised at `ip`.
pub fn find(table: &[u8], ip: u32) -> Option<Entry> {
    let mut pos = 0;
    while pos < table.len() {
        let start = varint::decode_u(table, &mut pos)? as u32;
        let end = varint::decode_u(table, &mut pos)? as u32;
        let handler = varint::decode_u(table, &mut pos)? as u32;
        let depth = varint::decode_u(table, &mut pos)? as u32;
        if start <= ip && ip < end {
            return Some(Entry { start, end, handler, depth });
        }
    }
    None
}

/// Iterate all entries (for the disassembler).
pub fn entries(table: &[u8]) -> impl Iterator<Item = Entry> + '_ {
    let mut pos = 0;
    core::iter::from_fn(move || {
        if pos >= table.len() {
            return None;
        }
        let start = varint::decode_u(table, &mut pos)? as u32;
        let end = varint::decode_u(table, &mut pos)? as u32;
        let handler = varint::decode_u(table, &mut pos)? as u32;
        let depth = varint::decode_u(table, &mut pos)? as u32;
        Some(Entry { start, end, handler, depth })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    extern crate std;
    use std::vec::Vec;

    #[test]
    fn innermost_first() {
        let mut t = Vec::new();
        encode_entry(Entry { start: 4, end: 8, handler: 20, depth: 1 }, |b| t.push(b));
        encode_entry(Entry { start: 0, end: 30, handler: 40, depth: 0 }, |b| t.push(b));
        assert_eq!(find(&t, 5).unwrap().handler, 20);
        assert_eq!(find(&t, 2).unwrap().handler, 40);
        assert_eq!(find(&t, 30), None);
        assert_eq!(entries(&t).count(), 2);
    }
}
