//! The garbage-collected heap: one caller-supplied region, fixed-size blocks, mark-sweep.
//!
//! # Invariants (read these before touching anything that allocates)
//!
//! 1. **Layout.** The region handed to `Vm::new` is carved into: the allocation table (2 bits
//!    per block: FREE, HEAD, TAIL, MARK), the header table (1 bit per block: "this HEAD
//!    starts an object with an `ObjHeader`") and the block pool. A block is 2 machine words
//!    (8 bytes on 32-bit targets, 16 on 64-bit): most objects are 2 to 6 words, so small
//!    blocks waste less than the 3 table bits per block they cost (4.7% of the pool). An
//!    allocation is a HEAD block followed by zero or more TAIL blocks and is zero-filled
//!    when handed out.
//! 2. **ROM objects.** Any object pointer outside the pool is a ROM (static) object: frozen
//!    constants, code objects, built-in types, built-in functions. The collector never marks,
//!    frees or writes them, and the VM never writes through them. ROM data only points at ROM
//!    data.
//! 3. **Roots.** A collection keeps alive exactly what is reachable from the roots: the module
//!    table, the frame chain (each frame's function, globals, locals, and its value stack up
//!    to the stack pointer), the pending and the currently handled exception, the last
//!    uncaught exception, the preallocated MemoryError, and the VM's *temp-root stack*.
//! 4. **When a collection may happen.** Only inside an allocation (a safe point) and in an
//!    explicit `gc.collect()` / `Vm::collect`. Every function that can allocate says "may
//!    collect" in its documentation. Between two such calls, Rust code may hold unrooted
//!    `Value`s freely (mutation xor collection).
//! 5. **The temp-root discipline.** A Rust function that holds a heap `Value` across a call
//!    that may collect must first make it reachable: leave it on the frame's value stack (the
//!    interpreter pops operands only *after* the operation that consumed them), store it in
//!    an object that is itself reachable, or push it with `Vm::push_root`. Temp roots are
//!    released with `Vm::pop_roots(mark)`; as a safety net the interpreter loop resets the
//!    temp-root stack to its entry depth before every instruction, so a root leaked on an
//!    error path lives at most until the current instruction finishes.
//! 6. **Precise tracing.** Every object type has a `trace` slot that reports each `Value` it
//!    owns ([`Tracer::mark`]) and each raw (header-less) buffer it owns
//!    ([`Tracer::mark_buffer`]); the owner then reports that buffer's live contents itself.
//!    The type pointer of every object is traced generically. An object must be traceable
//!    as soon as it is allocated: zero-filled fields mean "empty".
//! 7. **Marking is bounded.** The mark stack has a fixed size; on overflow the collector
//!    notes it and, after draining, rescans every marked object (MicroPython's approach), so
//!    no Rust recursion depends on object-graph depth.
//!
//! 8. **Weak references and finalization.** Weak references are not roots: the VM's `weak`
//!    hook runs after marking ([`Heap::collect_weak`]) and clears every weak reference whose
//!    target was not marked, before the sweep frees it; the `dead` hook sees each freed
//!    object once, intact, so the VM can note what died (coroutines never awaited) without
//!    allocating. Neither hook runs Python: the VM queues that work for its next safe point.
//!
//! This module is one of the few places with `unsafe`: it owns the raw region.

use core::mem::MaybeUninit;
use core::ptr;

use crate::obj::Type;
use crate::value::Value;

/// Bytes in a machine word.
pub const WORD: usize = core::mem::size_of::<usize>();
/// Bytes in a block: two words (see invariant 1).
pub const BLOCK: usize = 2 * WORD;

const FREE: u8 = 0;
const HEAD: u8 = 1;
const TAIL: u8 = 2;
const MARK: u8 = 3;
/// 32 TAIL entries in one ATB word (the sweep steps over them a word at a time).
const ALL_TAIL: u64 = 0xAAAA_AAAA_AAAA_AAAA;

/// Allocations of up to this many blocks are placed first fit from the bottom of the pool (with
/// a per-size hint); larger ones are placed from the top down, so big buffers (list and dict
/// tables, long strings) do not get stuck behind small objects and small ones stay compact.
/// Frames of any size also go to the top (see [`Heap::alloc`]).
const SMALL_CLASSES: usize = 16;

/// Entries in the bounded mark stack.
const MARK_STACK: usize = 64;

/// Heap usage in bytes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct HeapStats {
    /// Bytes in the block pool.
    pub total: usize,
    /// Bytes in allocated blocks.
    pub used: usize,
    /// Bytes in free blocks.
    pub free: usize,
    /// Highest `used` seen.
    pub peak: usize,
    /// Collections run so far.
    pub collections: usize,
}

/// The block heap. Owned by the VM; see the module documentation for the invariants.
pub struct Heap {
    atb: *mut u8,
    htb: *mut u8,
    pool: *mut u8,
    n_blocks: usize,
    /// Every block below this index is in use.
    first_free: usize,
    /// No free block lies at or above this index (an upper bound, lowered by scans from
    /// the top, raised by frees).
    top_free: usize,
    /// `hints[k - 1]`: no run of `k` or more free blocks starts below this block
    /// (for the small size classes `k <= SMALL_CLASSES`).
    hints: [usize; SMALL_CLASSES],
    /// Blocks allocated since the last collection.
    since_collect: usize,
    /// Objects freed by the last collection.
    last_freed: usize,
    used_blocks: usize,
    peak_blocks: usize,
    stack: [*const u8; MARK_STACK],
    sp: usize,
    overflow: bool,
    /// Number of collections run so far.
    pub collections: usize,
}

impl Heap {
    /// Carve `region` into the allocation tables and the block pool.
    pub(crate) fn new(region: &mut [MaybeUninit<u8>]) -> Heap {
        let base = region.as_mut_ptr() as *mut u8;
        let len = region.len();
        let off = base.align_offset(WORD).min(len);
        let avail = len - off;
        // Each block costs BLOCK bytes + 3 bits of tables; keep one block for alignment.
        // (avail * 8 / per, computed without overflowing for regions past usize::MAX / 8.)
        let per = BLOCK * 8 + 3;
        let mut n = avail / per * 8 + avail % per * 8 / per;
        n = n.saturating_sub(1);
        let atb_bytes = n.div_ceil(4);
        let htb_bytes = n.div_ceil(8);
        // SAFETY: offsets computed below stay within `avail` by construction of `n`.
        let atb = unsafe { base.add(off) };
        // SAFETY: as above.
        let htb = unsafe { atb.add(atb_bytes) };
        // SAFETY: as above.
        let tables_end = unsafe { htb.add(htb_bytes) };
        let pad = tables_end.align_offset(BLOCK);
        // SAFETY: the one spare block covers alignment padding (pad < BLOCK).
        let pool = unsafe { tables_end.add(pad) };
        if n > 0 {
            // SAFETY: the tables lie inside the region; writing zeroes initialises them.
            unsafe { ptr::write_bytes(atb, 0, atb_bytes + htb_bytes) };
        }
        Heap {
            atb,
            htb,
            pool,
            n_blocks: n,
            first_free: 0,
            top_free: n,
            hints: [0; SMALL_CLASSES],
            since_collect: 0,
            last_freed: 0,
            used_blocks: 0,
            peak_blocks: 0,
            stack: [ptr::null(); MARK_STACK],
            sp: 0,
            overflow: false,
            collections: 0,
        }
    }

    #[inline]
    fn get(&self, b: usize) -> u8 {
        debug_assert!(b < self.n_blocks);
        // SAFETY: b < n_blocks, and the ATB holds n_blocks 2-bit entries.
        let byte = unsafe { *self.atb.add(b / 4) };
        (byte >> ((b % 4) * 2)) & 3
    }

    /// Are the 32 blocks from `b` on (`b` a multiple of 32, `b + 32 <= n_blocks`) all in
    /// use? One unaligned 8-byte read of the ATB; a FREE entry is a 00 pair.
    #[inline]
    fn all_used_32(&self, b: usize) -> bool {
        debug_assert!(b.is_multiple_of(32) && b + 32 <= self.n_blocks);
        // SAFETY: the 32 entries of [b, b + 32) are the 8 ATB bytes from b / 4, in the table.
        let w = unsafe { (self.atb.add(b / 4) as *const u64).read_unaligned() };
        (w | w >> 1) & 0x5555_5555_5555_5555 == 0x5555_5555_5555_5555
    }

    /// The 32 ATB entries of blocks [b, b + 32) as one word (`b` a multiple of 32,
    /// `b + 32 <= n_blocks`): 0 when all are FREE, [`ALL_TAIL`] when all are TAIL.
    #[inline]
    fn atb_word(&self, b: usize) -> u64 {
        debug_assert!(b.is_multiple_of(32) && b + 32 <= self.n_blocks);
        // SAFETY: the 32 entries of [b, b + 32) are the 8 ATB bytes from b / 4, in the table.
        unsafe { (self.atb.add(b / 4) as *const u64).read_unaligned() }
    }

    /// Sets the 32 ATB entries of blocks [b, b + 32) (as [`atb_word`](Self::atb_word)).
    #[inline]
    fn set_atb_word(&mut self, b: usize, w: u64) {
        debug_assert!(b.is_multiple_of(32) && b + 32 <= self.n_blocks);
        // SAFETY: as in `atb_word`; the heap owns its tables.
        unsafe { (self.atb.add(b / 4) as *mut u64).write_unaligned(w) }
    }

    /// Sets blocks [from, to) to `s` (FREE or TAIL), whole ATB words where aligned.
    fn set_run(&mut self, from: usize, to: usize, s: u8) {
        let word = if s == TAIL { ALL_TAIL } else { 0 };
        let mut b = from;
        while b < to {
            if b.is_multiple_of(32) && b + 32 <= to {
                self.set_atb_word(b, word);
                b += 32;
            } else {
                self.set(b, s);
                b += 1;
            }
        }
    }

    #[inline]
    fn set(&mut self, b: usize, s: u8) {
        debug_assert!(b < self.n_blocks);
        // SAFETY: b < n_blocks, and the ATB holds n_blocks 2-bit entries.
        unsafe {
            let p = self.atb.add(b / 4);
            let sh = (b % 4) * 2;
            *p = (*p & !(3 << sh)) | (s << sh);
        }
    }

    #[inline]
    fn has_header(&self, b: usize) -> bool {
        // SAFETY: b < n_blocks; the header table holds n_blocks bits.
        unsafe { *self.htb.add(b / 8) & (1 << (b % 8)) != 0 }
    }

    #[inline]
    fn set_header(&mut self, b: usize, on: bool) {
        // SAFETY: b < n_blocks; the header table holds n_blocks bits.
        unsafe {
            let p = self.htb.add(b / 8);
            if on {
                *p |= 1 << (b % 8);
            } else {
                *p &= !(1 << (b % 8));
            }
        }
    }

    #[inline]
    fn block_ptr(&self, b: usize) -> *mut u8 {
        self.pool.wrapping_add(b * BLOCK)
    }

    /// Is `p` inside the block pool (a heap object rather than a ROM one)?
    #[inline]
    pub fn contains(&self, p: *const u8) -> bool {
        let a = p as usize;
        let lo = self.pool as usize;
        a >= lo && a < lo + self.n_blocks * BLOCK
    }

    /// The block index of `p` if it is the start of a block in the pool.
    #[inline]
    fn block_of(&self, p: *const u8) -> Option<usize> {
        if !self.contains(p) {
            return None;
        }
        let off = p as usize - self.pool as usize;
        if !off.is_multiple_of(BLOCK) {
            return None;
        }
        Some(off / BLOCK)
    }

    /// The start of the allocation that contains `p` (any address inside it), or `None` for
    /// addresses outside the pool or in free blocks. Walks back over TAIL blocks.
    pub fn alloc_start(&self, p: *const u8) -> Option<*const u8> {
        if !self.contains(p) {
            return None;
        }
        let mut b = (p as usize - self.pool as usize) / BLOCK;
        while b > 0 && self.get(b) == TAIL {
            b -= 1;
        }
        matches!(self.get(b), HEAD | MARK).then(|| self.block_ptr(b) as *const u8)
    }

    /// Number of blocks in the allocation starting at head block `b`.
    fn run_len(&self, b: usize) -> usize {
        let mut e = b + 1;
        while e < self.n_blocks && self.get(e) == TAIL {
            if e.is_multiple_of(32) && e + 32 <= self.n_blocks && self.atb_word(e) == ALL_TAIL {
                e += 32;
            } else {
                e += 1;
            }
        }
        e - b
    }

    /// Allocate `bytes` (zero-filled), or `None` if no run of free blocks is long enough.
    /// `header`: the allocation starts with an `ObjHeader` and will be traced through its
    /// type. `top`: place it from the top of the pool whatever its size (frames: they die in
    /// LIFO order, so keeping them apart from small long-lived objects leaves no holes
    /// between those). Never collects (the VM's allocation wrapper does that).
    pub fn alloc(&mut self, bytes: usize, header: bool, top: bool) -> Option<*mut u8> {
        let need = bytes.div_ceil(BLOCK).max(1);
        // Small: first fit from the bottom, starting at this size's hint, so repeated requests
        // do not rescan the live blocks below the first run that could fit. Large: from the top.
        let start = if need <= SMALL_CLASSES && !top {
            let slot = need - 1;
            let from = self.hints[slot].max(self.first_free);
            match self.find_run(from, need, from == self.first_free) {
                Some(s) => {
                    self.hints[slot] = s + need;
                    s
                }
                None => {
                    self.hints[slot] = self.n_blocks;
                    return None;
                }
            }
        } else {
            self.find_run_from_top(need)?
        };
        self.set(start, HEAD);
        self.set_run(start + 1, start + need, TAIL);
        self.set_header(start, header);
        self.used_blocks += need;
        self.since_collect += need;
        self.peak_blocks = self.peak_blocks.max(self.used_blocks);
        let p = self.block_ptr(start);
        // SAFETY: the run [start, start+need) lies in the pool and is now ours.
        unsafe { ptr::write_bytes(p, 0, need * BLOCK) };
        Some(p)
    }

    /// True once the blocks allocated since the last collection exceed what survived it, or
    /// half the room the survivors left once they fill over a third of the pool (and at least
    /// an eighth of the pool either way). Collecting then (MicroPython's `gc.threshold` idea)
    /// keeps live objects packed in the low part of the pool instead of strewn over all of
    /// it, so large buffers and frames still find contiguous space; tying the threshold to
    /// the surviving data keeps the collector's work proportional to allocation. On a nearly
    /// full heap, waiting for the pool to run out would leave the survivors strewn among the
    /// garbage (the micro:bit app then needs a 7,909 B region instead of 7,462 B).
    pub fn wants_collection(&self) -> bool {
        let survivors = self.used_blocks - self.since_collect.min(self.used_blocks);
        let room = self.n_blocks - survivors.min(self.n_blocks);
        self.since_collect > (self.n_blocks / 8).max(survivors.min(room / 2))
    }

    /// Bytes allocated since the last collection (`gc.threshold`).
    pub fn allocated_since_collect(&self) -> usize {
        self.since_collect * BLOCK
    }

    /// Objects (allocations with a header) the last collection freed (`gc.collect()`).
    pub fn last_freed(&self) -> usize {
        self.last_freed
    }

    /// The highest run of `need` free blocks (for large allocations and frames). The scan
    /// starts at `top_free` (no free block lies above it) and lowers that bound to the
    /// highest free block it meets, or below the run it returns when that run starts there
    /// (so a chain of call frames does not rescan the live frames above it).
    fn find_run_from_top(&mut self, need: usize) -> Option<usize> {
        let mut b = self.top_free.min(self.n_blocks);
        let mut run = 0;
        let mut seen_free = false;
        while b > self.first_free {
            // 32 free blocks at a time (one ATB word of zeros), in a run or starting one.
            if b.is_multiple_of(32) && b >= self.first_free + 32 && self.atb_word(b - 32) == 0 {
                if !seen_free {
                    seen_free = true;
                    self.top_free = b;
                }
                if run + 32 >= need {
                    let start = b - (need - run);
                    if self.top_free == start + need {
                        self.top_free = start;
                    }
                    return Some(start);
                }
                run += 32;
                b -= 32;
                continue;
            }
            // Between runs, step over 32 used blocks at a time (one 8-byte ATB word).
            if run == 0 && b.is_multiple_of(32) && b >= self.first_free + 32 && self.all_used_32(b - 32) {
                b -= 32;
                continue;
            }
            b -= 1;
            if self.get(b) == FREE {
                if !seen_free {
                    seen_free = true;
                    self.top_free = b + 1;
                }
                run += 1;
                if run == need {
                    if self.top_free == b + need {
                        // The caller takes [b, b + need): nothing free is left above b.
                        self.top_free = b;
                    }
                    return Some(b);
                }
            } else {
                run = 0;
            }
        }
        None
    }

    /// Blocks from `b` on became free: a run of `k` free blocks may now start as low as
    /// `b - (k - 1)` (the free blocks just below `b` formed a run shorter than `k`, or the
    /// hint would already be lower).
    /// Only the classes the merged free run can hold are lowered: a one-block hole among live
    /// objects must not send every larger request back to rescan from there.
    fn freed_from(&mut self, b: usize, end: usize) {
        self.first_free = self.first_free.min(b);
        self.top_free = self.top_free.max(end);
        let mut below = 0;
        while below < SMALL_CLASSES && below < b && self.get(b - below - 1) == FREE {
            below += 1;
        }
        let mut above = 0;
        while above < SMALL_CLASSES && end + above < self.n_blocks && self.get(end + above) == FREE {
            above += 1;
        }
        // The free run around [b, end) is `run` blocks long, or longer than every class when
        // a count stopped at its cap; a run of `i + 1` blocks in it starts at or above
        // `b - min(below, i)`, and no longer run than `run` exists in it.
        let run = below + (end - b) + above;
        for (i, h) in self.hints.iter_mut().enumerate() {
            if i < run {
                *h = (*h).min(b - below.min(i));
            }
        }
    }

    /// The first run of `need` free blocks at or after block `from`. With `update_first_free`
    /// the scan also moves `first_free` up to the lowest free block it passed.
    fn find_run(&mut self, from: usize, need: usize, update_first_free: bool) -> Option<usize> {
        let mut b = from;
        let mut run = 0;
        let mut start = b;
        let mut first_free_seen = None;
        while b < self.n_blocks {
            if self.get(b) == FREE {
                if first_free_seen.is_none() {
                    first_free_seen = Some(b);
                }
                if run == 0 {
                    start = b;
                }
                run += 1;
                if run == need {
                    break;
                }
            } else {
                run = 0;
            }
            b += 1;
        }
        if update_first_free {
            self.first_free = match first_free_seen {
                // The run found starts at the lowest free block: everything below its end is used.
                Some(f) if f == start && run == need => start + need,
                Some(f) => f,
                None => self.n_blocks,
            };
        }
        (run == need).then_some(start)
    }

    /// Free the allocation at `p` now. Ignores ROM pointers and non-head pointers.
    /// The caller guarantees nothing reachable still points at it.
    pub fn free(&mut self, p: *const u8) {
        let Some(b) = self.block_of(p) else { return };
        if !matches!(self.get(b), HEAD | MARK) {
            return;
        }
        let n = self.run_len(b);
        self.set_run(b, b + n, FREE);
        self.set_header(b, false);
        self.used_blocks -= n;
        self.freed_from(b, b + n);
    }

    /// Usable bytes of the allocation at `p` (0 for ROM / invalid pointers).
    pub fn alloc_size(&self, p: *const u8) -> usize {
        match self.block_of(p) {
            Some(b) if matches!(self.get(b), HEAD | MARK) => self.run_len(b) * BLOCK,
            _ => 0,
        }
    }

    /// Try to grow or shrink the allocation at `p` in place to hold `bytes`. New bytes are
    /// zero-filled. Returns false if the following blocks are not free.
    pub fn resize_in_place(&mut self, p: *const u8, bytes: usize) -> bool {
        let Some(b) = self.block_of(p) else { return false };
        if !matches!(self.get(b), HEAD | MARK) {
            return false;
        }
        let have = self.run_len(b);
        let need = bytes.div_ceil(BLOCK).max(1);
        if need <= have {
            for i in b + need..b + have {
                self.set(i, FREE);
            }
            self.used_blocks -= have - need;
            if need < have {
                self.freed_from(b + need, b + have);
            }
            return true;
        }
        if b + need > self.n_blocks {
            return false;
        }
        for i in b + have..b + need {
            if self.get(i) != FREE {
                return false;
            }
        }
        for i in b + have..b + need {
            self.set(i, TAIL);
        }
        // SAFETY: the new tail blocks lie in the pool and are now part of this allocation.
        unsafe { ptr::write_bytes(self.block_ptr(b + have), 0, (need - have) * BLOCK) };
        self.used_blocks += need - have;
        self.peak_blocks = self.peak_blocks.max(self.used_blocks);
        if self.first_free >= b + have && self.first_free < b + need {
            self.first_free = b + need;
        }
        true
    }

    /// Copy `n` bytes between allocations (used by the VM's realloc).
    ///
    /// # Safety
    /// `src` and `dst` must be valid for `n` bytes and not overlap.
    pub unsafe fn copy(src: *const u8, dst: *mut u8, n: usize) {
        // SAFETY: forwarded contract.
        unsafe { ptr::copy_nonoverlapping(src, dst, n) };
    }

    /// Bytes in the block pool: no allocation can be larger.
    pub fn capacity(&self) -> usize {
        self.n_blocks * BLOCK
    }

    /// Usage statistics.
    pub fn stats(&self) -> HeapStats {
        HeapStats {
            total: self.n_blocks * BLOCK,
            used: self.used_blocks * BLOCK,
            free: (self.n_blocks - self.used_blocks) * BLOCK,
            peak: self.peak_blocks * BLOCK,
            collections: self.collections,
        }
    }

    /// Run a full collection. `roots` reports every root through the tracer.
    #[cfg(test)]
    pub fn collect(&mut self, roots: impl FnOnce(&mut Tracer<'_>)) {
        self.collect_weak(roots, |_| {}, |_| {});
    }

    /// [`collect`](Self::collect) with the two hooks of weak references and finalization
    /// (invariant 8): `weak` runs once marking is complete, before anything is freed; it
    /// may ask which objects survive ([`Tracer::is_marked`]) and mark more (what it marks
    /// is traced before the sweep). `dead` is called by the sweep with every object (header
    /// block) it frees, while its memory is still intact; it must not allocate or keep the
    /// pointer.
    pub fn collect_weak(
        &mut self,
        roots: impl FnOnce(&mut Tracer<'_>),
        weak: impl FnOnce(&mut Tracer<'_>),
        mut dead: impl FnMut(*const u8),
    ) {
        self.collections += 1;
        self.mark_phase(roots);
        self.mark_phase(weak);
        self.sweep(&mut dead);
    }

    fn mark_phase(&mut self, roots: impl FnOnce(&mut Tracer<'_>)) {
        self.sp = 0;
        self.overflow = false;
        {
            let mut t = Tracer { heap: self, census: None };
            roots(&mut t);
            t.drain();
            while t.heap.overflow {
                t.heap.overflow = false;
                for b in 0..t.heap.n_blocks {
                    if t.heap.get(b) == MARK && t.heap.has_header(b) {
                        let p = t.heap.block_ptr(b) as *const u8;
                        t.trace_object(p);
                        t.drain();
                    }
                }
            }
        }
    }

    /// Call `f` with every object in the pool. Run right after a collection, when every
    /// object left is reachable (used to find the live views of a buffer).
    #[cfg_attr(not(feature = "memoryview"), allow(dead_code))]
    pub fn for_each_object(&self, mut f: impl FnMut(Value)) {
        for b in 0..self.n_blocks {
            if matches!(self.get(b), HEAD | MARK) && self.has_header(b) {
                // SAFETY: a block with the header bit starts an object, block-aligned, non-null.
                f(unsafe { Value::from_obj_ptr(self.block_ptr(b) as *const u8) });
            }
        }
    }

    /// Walk every live allocation without allocating or collecting: `f(ty, bytes,
    /// buffer_bytes)` once per object (`ty` its type, `bytes` its own blocks, `buffer_bytes`
    /// the raw buffers its `trace` slot reports), then once with a null `ty` for raw buffers
    /// no object claims (a buffer held only by a temp root or a native caller). Run
    /// [`crate::Vm::collect`] first to see only what is reachable.
    pub fn census(&mut self, mut f: impl FnMut(*const Type, usize, usize)) {
        for b in 0..self.n_blocks {
            if self.get(b) != HEAD || !self.has_header(b) {
                continue;
            }
            let p = self.block_ptr(b) as *const u8;
            let bytes = self.run_len(b) * BLOCK;
            // SAFETY: a HEAD block with the header bit starts an object (invariant 6): its
            // first word is its type pointer, null only before the VM wrote it.
            let ty = unsafe { *(p as *const *const Type) };
            let mut owned = 0;
            if !ty.is_null() {
                // SAFETY: type pointers point at live types (static or heap classes).
                if let Some(tr) = unsafe { &*ty }.slots.trace {
                    let mut t = Tracer { heap: self, census: Some(0) };
                    // SAFETY: p is an object pointer (block-aligned, non-null) of type `ty`.
                    tr(unsafe { Value::from_obj_ptr(p) }, &mut t);
                    owned = t.census.unwrap_or(0);
                }
            }
            f(ty, bytes, owned);
        }
        let mut orphan = 0;
        for b in 0..self.n_blocks {
            match self.get(b) {
                MARK => self.set(b, HEAD),
                HEAD if !self.has_header(b) => orphan += self.run_len(b) * BLOCK,
                _ => {}
            }
        }
        if orphan > 0 {
            f(ptr::null(), orphan, 0);
        }
    }

    fn sweep(&mut self, dead: &mut impl FnMut(*const u8)) {
        let mut b = 0;
        let mut used = 0;
        let mut first_free = usize::MAX;
        let mut top_free = 0;
        let mut freed = 0;
        // Word-aligned stretches of 32 free blocks, or of 32 tail blocks of one allocation,
        // are stepped over a whole ATB word at a time (a big pool is mostly free blocks,
        // and big buffers are mostly tails).
        let whole = |b: usize, n: usize| b.is_multiple_of(32) && b + 32 <= n;
        while b < self.n_blocks {
            if whole(b, self.n_blocks) && self.atb_word(b) == 0 {
                first_free = first_free.min(b);
                b += 32;
                top_free = b;
                continue;
            }
            match self.get(b) {
                MARK => {
                    self.set(b, HEAD);
                    used += 1;
                    b += 1;
                    loop {
                        if whole(b, self.n_blocks) && self.atb_word(b) == ALL_TAIL {
                            used += 32;
                            b += 32;
                        } else if b < self.n_blocks && self.get(b) == TAIL {
                            used += 1;
                            b += 1;
                        } else {
                            break;
                        }
                    }
                }
                HEAD => {
                    if self.has_header(b) {
                        freed += 1;
                        dead(self.block_ptr(b) as *const u8);
                    }
                    self.set(b, FREE);
                    self.set_header(b, false);
                    first_free = first_free.min(b);
                    b += 1;
                    loop {
                        if whole(b, self.n_blocks) && self.atb_word(b) == ALL_TAIL {
                            self.set_atb_word(b, 0);
                            b += 32;
                        } else if b < self.n_blocks && self.get(b) == TAIL {
                            self.set(b, FREE);
                            b += 1;
                        } else {
                            break;
                        }
                    }
                    top_free = b;
                }
                TAIL => {
                    // Orphan tail (cannot happen); treat as used.
                    used += 1;
                    b += 1;
                }
                _ => {
                    first_free = first_free.min(b);
                    b += 1;
                    top_free = b;
                }
            }
        }
        self.used_blocks = used;
        self.first_free = if first_free == usize::MAX { self.n_blocks } else { first_free };
        self.top_free = top_free;
        self.hints = [self.first_free; SMALL_CLASSES];
        self.since_collect = 0;
        self.last_freed = freed;
    }
}

/// The marking interface handed to `trace` slots and root enumeration.
pub struct Tracer<'h> {
    heap: &'h mut Heap,
    /// Census mode ([`Heap::census`]): values are ignored, buffers are claimed and counted.
    census: Option<usize>,
}

impl Tracer<'_> {
    /// The size of the allocation starting at `p` (0 outside the pool): see
    /// [`Heap::alloc_size`].
    pub fn alloc_size(&self, p: *const u8) -> usize {
        self.heap.alloc_size(p)
    }

    /// Does `v` survive this collection? True for immediates, qstrs, ROM objects and NULL,
    /// and for heap objects marked so far (meaningful once marking is complete: in the
    /// `weak` hook of [`Heap::collect_weak`]).
    pub fn is_marked(&self, v: Value) -> bool {
        if !v.is_obj() {
            return true;
        }
        match self.heap.block_of(v.as_ptr()) {
            Some(b) => self.heap.get(b) == MARK,
            None => !self.heap.contains(v.as_ptr()),
        }
    }

    /// Mark a value (no-op for immediates, qstrs, ROM objects and NULL).
    #[inline]
    pub fn mark(&mut self, v: Value) {
        if v.is_obj() && self.census.is_none() {
            self.mark_ptr(v.as_ptr());
        }
    }

    /// Mark every value of a slice.
    pub fn mark_all(&mut self, vs: &[Value]) {
        for v in vs {
            self.mark(*v);
        }
    }

    /// Mark a raw buffer or object by address. Objects with a header are queued for
    /// tracing; raw buffers are only marked (their owner traces their contents).
    #[inline]
    pub fn mark_ptr(&mut self, p: *const u8) {
        if self.census.is_some() {
            return;
        }
        let Some(b) = self.heap.block_of(p) else { return };
        if self.heap.get(b) != HEAD {
            return;
        }
        self.heap.set(b, MARK);
        if self.heap.has_header(b) {
            if self.heap.sp < MARK_STACK {
                self.heap.stack[self.heap.sp] = p;
                self.heap.sp += 1;
            } else {
                self.heap.overflow = true;
            }
        }
    }

    /// Mark a raw (header-less) buffer owned by the object being traced.
    #[inline]
    pub fn mark_buffer(&mut self, p: *const u8) {
        if let Some(n) = self.census.as_mut() {
            // Census: claim the buffer (MARK) for the object being traced and count it.
            if let Some(b) = self.heap.block_of(p) {
                if self.heap.get(b) == HEAD && !self.heap.has_header(b) {
                    self.heap.set(b, MARK);
                    *n += self.heap.run_len(b) * BLOCK;
                }
            }
            return;
        }
        self.mark_ptr(p)
    }

    fn drain(&mut self) {
        while self.heap.sp > 0 {
            self.heap.sp -= 1;
            let p = self.heap.stack[self.heap.sp];
            self.trace_object(p);
        }
    }

    fn trace_object(&mut self, p: *const u8) {
        // SAFETY: `p` is a marked heap block with the header bit set, so it starts with an
        // ObjHeader whose type pointer was written when the object was created (objects are
        // zero-filled first, and a zero type pointer is skipped).
        let ty = unsafe { *(p as *const *const Type) };
        if ty.is_null() {
            return;
        }
        self.mark_ptr(ty as *const u8);
        // SAFETY: type pointers always point at a live Type (static or a marked heap class).
        let ty = unsafe { &*ty };
        if let Some(f) = ty.slots.trace {
            // SAFETY: p is an object pointer (4-aligned, non-null) of this type.
            f(unsafe { Value::from_obj_ptr(p) }, self);
        }
    }
}

/// Read the value at index `i` of a raw buffer of values.
///
/// # Safety
/// `buf` must point at an allocation holding at least `i + 1` values.
#[inline]
pub unsafe fn buf_get(buf: *const Value, i: usize) -> Value {
    // SAFETY: forwarded contract.
    unsafe { *buf.add(i) }
}

/// Write the value at index `i` of a raw buffer of values.
///
/// # Safety
/// `buf` must point at a heap allocation holding at least `i + 1` values.
#[inline]
pub unsafe fn buf_set(buf: *mut Value, i: usize, v: Value) {
    // SAFETY: forwarded contract.
    unsafe { *buf.add(i) = v }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alloc_free_reuse() {
        let mut mem = [MaybeUninit::<u8>::uninit(); 4096];
        let mut h = Heap::new(&mut mem);
        let a = h.alloc(10, false, false).unwrap();
        let b = h.alloc(BLOCK * 3, false, false).unwrap();
        assert!(h.contains(a) && h.contains(b));
        assert_eq!(h.alloc_size(b), BLOCK * 3);
        h.free(a);
        let c = h.alloc(1, false, false).unwrap();
        assert_eq!(a, c);
        assert!(h.resize_in_place(b, BLOCK * 5));
        assert_eq!(h.alloc_size(b), BLOCK * 5);
        assert!(h.resize_in_place(b, BLOCK));
        assert_eq!(h.stats().used, 2 * BLOCK);
    }

    #[test]
    fn collect_frees_unreachable_raw() {
        let mut mem = [MaybeUninit::<u8>::uninit(); 4096];
        let mut h = Heap::new(&mut mem);
        let a = h.alloc(10, false, false).unwrap();
        let _b = h.alloc(10, false, false).unwrap();
        h.collect(|t| t.mark_buffer(a));
        assert_eq!(h.stats().used, BLOCK);
        h.collect(|_| {});
        assert_eq!(h.stats().used, 0);
    }

    /// Top-down placement steps over fully used 32-block words but still finds a run that
    /// starts or ends inside a word, and the highest one.
    #[test]
    fn top_search_skips_used_words() {
        let mut mem = [MaybeUninit::<u8>::uninit(); 32 * 1024];
        let mut h = Heap::new(&mut mem);
        let n = h.n_blocks;
        // Fill everything with one-block allocations, then free chosen blocks.
        let all: std::vec::Vec<*mut u8> = (0..n).map(|_| h.alloc(1, false, false).unwrap()).collect();
        assert!(h.alloc(1, false, true).is_none());
        // A 3-block hole straddling a 32-block word boundary, low in the pool, and a 2-block
        // hole high up (too small for 3).
        let low = 32 * 5 - 1;
        let high = n - 40;
        for b in [low, low + 1, low + 2, high, high + 1] {
            h.free(all[b]);
        }
        let p = h.alloc(3 * BLOCK, false, true).unwrap();
        assert_eq!(p, all[low]);
        let q = h.alloc(2 * BLOCK, false, true).unwrap();
        assert_eq!(q, all[high]);
        assert!(h.alloc(1, false, true).is_none());
    }
}
