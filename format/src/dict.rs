//! The layout rules of dict tables that frozen data and the VM's dicts share: the header
//! word, when a table has an index and how large it is, the index's entry width and the
//! probe sequence. The VM's `obj::dict` reads and writes tables by these rules, its frozen
//! tables (`rom::KeyTable`, `rom::ModuleTable`) build their indexes with [`fill_index`] in
//! const context, and both image builders (the compiler's emitter and the host loader) size
//! module key tables with [`nidx_for`] and [`KEY_TABLE_MAX`].
//!
//! ```text
//!  head     cap << HEAD_SHIFT | KEYS | GENERAL   usize   (the table's first word)
//!  nidx     0 when cap <= LINEAR_MAX (no index: lookups scan the entries),
//!           else the power of two >= 3/2 * cap
//!  index    nidx slots of width_for(nidx) bytes: entry numbers; all ones = empty, all ones
//!           minus one = deleted (u8 slots: 0xFF, 0xFE)
//!  probe    slot = h & mask; then perturb >>= 5; slot = (5 * slot + perturb + 1) & mask
//!           (CPython's sequence; mask = nidx - 1, perturb starts at h)
//! ```

/// Header bits below the capacity in a table's first word.
pub const HEAD_SHIFT: u32 = 2;
/// Header bit: entries store their hash (some key is not a str or small int).
pub const GENERAL: usize = 1;
/// Header bit: a frozen key table (one key word per entry, see the VM's `rom::KeyTable`);
/// in the first word of a split dict's value buffer it tags the pointer to that table.
pub const KEYS: usize = 2;
/// Largest capacity without an index (such tables are scanned).
pub const LINEAR_MAX: usize = 8;
/// An empty slot of a one-byte index.
pub const EMPTY_U8: u8 = 0xFF;

/// Index slots for `cap` entries (0: no index).
pub const fn nidx_for(cap: usize) -> usize {
    if cap <= LINEAR_MAX {
        0
    } else {
        (cap + cap.div_ceil(2)).next_power_of_two()
    }
}

/// Bytes per index slot for `nidx` slots.
pub const fn width_for(nidx: usize) -> usize {
    if nidx <= 256 {
        1
    } else if nidx <= 65536 {
        2
    } else {
        4
    }
}

/// Most keys a frozen table with a one-byte index holds (170: `nidx_for(170)` is 256). A
/// module binding more names gets no key table (its globals are an ordinary dict).
pub const KEY_TABLE_MAX: usize = {
    let mut n = LINEAR_MAX;
    while width_for(nidx_for(n + 1)) == 1 {
        n += 1;
    }
    n
};

/// The head word of a frozen key table of `n` keys.
pub const fn key_table_head(n: usize) -> usize {
    n << HEAD_SHIFT | KEYS
}

/// A position in the probe sequence of hash `h` over an index of `nidx` slots (a power of
/// two).
#[derive(Clone, Copy, Debug)]
pub struct Probe {
    /// The slot to look at.
    pub slot: usize,
    perturb: usize,
    mask: usize,
}

impl Probe {
    /// The first slot for hash `h`.
    #[inline]
    pub const fn start(h: usize, nidx: usize) -> Probe {
        let mask = nidx.wrapping_sub(1);
        Probe { slot: h & mask, perturb: h, mask }
    }
    /// Move to the next slot.
    #[inline]
    pub const fn next(&mut self) {
        self.perturb >>= 5;
        self.slot = (self.slot.wrapping_mul(5).wrapping_add(self.perturb).wrapping_add(1)) & self.mask;
    }
}

/// Fill the one-byte index `index` (its length is the table's `nidx`, a power of two, or 0)
/// for entries `0..hashes.len()` with these hashes, inserted in order as the VM's dict
/// would. Panics (a compile error in a `static`) if the index has the wrong size for that
/// many entries or needs wider slots.
pub const fn fill_index(hashes: &[u32], index: &mut [u8]) {
    assert!(index.len() == nidx_for(hashes.len()) && width_for(index.len()) == 1, "dict index size");
    let mut s = 0;
    while s < index.len() {
        index[s] = EMPTY_U8;
        s += 1;
    }
    if index.is_empty() {
        return;
    }
    let mut i = 0;
    while i < hashes.len() {
        let mut p = Probe::start(hashes[i] as usize, index.len());
        while index[p.slot] != EMPTY_U8 {
            p.next();
        }
        index[p.slot] = i as u8;
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(nidx_for(8), 0);
        assert_eq!(nidx_for(9), 16);
        assert_eq!(nidx_for(170), 256);
        assert_eq!(nidx_for(171), 512);
        assert_eq!(KEY_TABLE_MAX, 170);
        assert_eq!(width_for(256), 1);
        assert_eq!(width_for(257), 2);
    }

    #[test]
    fn index_finds_every_entry() {
        let hashes: [u32; 12] = [7, 7, 23, 0, 0xff_ffff, 16, 32, 48, 5, 9, 1000, 7];
        let mut index = [0u8; 32];
        fill_index(&hashes, &mut index);
        for (i, &h) in hashes.iter().enumerate() {
            let mut p = Probe::start(h as usize, index.len());
            while index[p.slot] as usize != i {
                assert_ne!(index[p.slot], EMPTY_U8, "entry {i} not reachable");
                p.next();
            }
        }
    }
}
