//! The compact line-number table of a code object.
//!
//! ```text
//!  entry := varuint(bytecode_advance) varsint(line_advance)
//!  state starts at (offset 0, line = Code::first_line)
//!  each entry: offset += bytecode_advance; line += line_advance
//!  the line of the instruction at `ip` is the line of the last state whose offset <= ip
//! ```
//! The compiler emits an entry only when the line changes, so straight-line code on one
//! line costs nothing. Typical cost: two bytes per source line.

use crate::varint;

/// Append one entry.
pub fn encode_entry(bc_advance: u32, line_advance: i32, mut push: impl FnMut(u8)) {
    varint::encode_u(bc_advance as u64, &mut push);
    varint::encode_s(line_advance as i64, &mut push);
}

/// Line of the instruction starting at bytecode offset `ip`.
pub fn line_for(table: &[u8], first_line: u32, ip: usize) -> u32 {
    let mut pos = 0;
    let mut offset: usize = 0;
    let mut line = first_line as i64;
    while pos < table.len() {
        let Some(adv) = varint::decode_u(table, &mut pos) else { break };
        let Some(dl) = varint::decode_s(table, &mut pos) else { break };
        offset += adv as usize;
        if offset > ip {
            break;
        }
        line += dl;
    }
    if line < 0 {
        0
    } else {
        line as u32
    }
}

#[cfg(test)]
mod tests {
    extern crate std;
    use std::vec::Vec;

    #[test]
    fn lookup() {
        let mut t = Vec::new();
        super::encode_entry(0, 0, |b| t.push(b)); // offset 0 line 10
        super::encode_entry(5, 2, |b| t.push(b)); // offset 5 line 12
        super::encode_entry(7, -1, |b| t.push(b)); // offset 12 line 11
        assert_eq!(super::line_for(&t, 10, 0), 10);
        assert_eq!(super::line_for(&t, 10, 4), 10);
        assert_eq!(super::line_for(&t, 10, 5), 12);
        assert_eq!(super::line_for(&t, 10, 11), 12);
        assert_eq!(super::line_for(&t, 10, 12), 11);
        assert_eq!(super::line_for(&t, 10, 100), 11);
    }
}
