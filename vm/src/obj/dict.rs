//! `dict`: insertion-ordered compact hash table (CPython 3.6+ design), sized for small heaps.
//!
//! ```text
//!  DictObj  ObjHeader | len usize (live entries) | used usize (entries incl. deleted; top
//!           bit: CLASS_NS, the dict is a class namespace)
//!           | table *mut u8 (raw heap buffer, null while empty)
//!  table    cap << 2 | GENERAL  usize
//!           | entries [key Value, value Value; cap]              (GENERAL clear)
//!           | entries [hash usize, key Value, value Value; cap]  (GENERAL set)
//!           | index [u8 | u16 | u32; nidx(cap)]
//!  split    keys *const KeyTable | KEYS  usize                   (a frozen module's globals)
//!           | values [Value; cap]
//!  nidx     0 when cap <= LINEAR_MAX (small dicts: no index, lookups scan the entries),
//!           else the power of two >= 3/2 * cap
//!  index    entry numbers, u8 while nidx <= 256, u16 while nidx <= 65536, else u32; the two
//!           largest values of the width mean empty and deleted
//! ```
//! These rules (header bits, `nidx`, index width, probe sequence) are defined once in
//! `frostbyte_format::dict`, which the frozen tables and both image builders use too.
//! While every key is a str or a small int (namespaces, instance attributes, most literals)
//! entries are two words: the hash is recomputed from the key in O(1) (a str carries its
//! hash). The first other key converts the table to three-word entries that store the hash,
//! so `__hash__` runs once per key, as in CPython. A deleted entry has a NULL key. A new
//! small table gets as many entries as its heap blocks hold, and [`shrink`] trims a finished
//! namespace (module globals, class dict) to its live entries in place. Indexed lookups probe
//! with CPython's perturbation scheme; equality that runs Python code re-validates the table
//! afterwards and restarts if the dict changed.
//!
//! **Split tables** (frozen module globals). The compiler knows the names a module body
//! binds, in the order it first binds them; it emits them as a
//! [`rom::KeyTable`](crate::rom::KeyTable): `cap << 2 | KEYS`, one key word per entry and
//! the index, in flash. The module's dict then holds only a `split` buffer: a tagged pointer to the key
//! table and one value word per key, NULL while the name is unbound ([`with_keys`]). An
//! entry is live when its value is set, so a lookup is the usual probe over the frozen index.
//! Binding the entry at position `i` is allowed while no later entry has ever been bound
//! (`i >= used`), which keeps iteration in insertion order; any other insertion (a name
//! that is not in the table, or one bound out of order or again after a `del`) first
//! converts the dict to an ordinary table, with the same entries in the same order.
//!
//! **Frozen tables.** A class namespace frozen whole is a [`rom::Dict`](crate::rom::Dict)
//! over a [`rom::DictTable`](crate::rom::DictTable) (same layouts, checked below). The class
//! gets a heap `DictObj` whose `table` points at the ROM table ([`from_rom`]): reads use it
//! in place; every write path ([`set`], [`remove`]) first copies it to the heap
//! (copy-on-write), [`shrink`] leaves it alone, and neither a resize nor the collector frees
//! or marks it. A ROM `DictObj` itself is never written: mutating one raises TypeError.

use core::cell::Cell;

use frostbyte_format::CmpOp;

use super::{flags, Args, Kind, Layout, Slots, Type};
use crate::heap::Tracer;
use crate::obj::{self, exception as exc, str::StrBuf};
use crate::qstr;
use crate::rom::ObjHeader;
use crate::runtime;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Dict layout.
#[repr(C)]
pub struct DictObj {
    hdr: ObjHeader,
    len: Cell<usize>,
    used: Cell<usize>,
    table: Cell<*mut u8>,
}

// SAFETY: repr(C), starts with ObjHeader; DICT_TYPE has kind Dict.
unsafe impl Layout for DictObj {
    const KIND: Kind = Kind::Dict;
}

const W: usize = core::mem::size_of::<usize>();
// The table layout rules (header bits, index size and width, probe sequence) are
// `frostbyte_format::dict`'s, shared with the frozen tables and the image builders.
pub(crate) use frostbyte_format::dict::nidx_for;
use frostbyte_format::dict::{width_for, Probe, LINEAR_MAX};

/// Lookup result sentinels, independent of the index width.
const EMPTY: u32 = u32::MAX;
const DUMMY: u32 = u32::MAX - 1;

/// Table header bit: entries store their hash (some key is not a str or small int).
const GENERAL: usize = frostbyte_format::dict::GENERAL;
/// Table header bit: a frozen key table (one key word per entry); in the first word of a
/// split buffer, tags the pointer to that key table.
pub(crate) const KEYS: usize = frostbyte_format::dict::KEYS;
/// Header bits below the capacity.
const HEAD_SHIFT: u32 = frostbyte_format::dict::HEAD_SHIFT;

/// The hash of a key that can be recomputed without running Python code (equal to
/// [`key_hash`]'s), or `None`.
fn cheap_hash(k: Value) -> Option<usize> {
    if obj::str::is_str(k) {
        Some(obj::str::py_hash(k) as usize)
    } else if k.is_small_int() {
        Some(obj::int::hash_int(k) as usize)
    } else {
        None
    }
}

/// A dict's table: `0` is the table with the header, entries (or keys) and index; `1` is
/// the value array of a split table (`0` is then the frozen key table), else null.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Table(*mut u8, *mut Value);

impl Table {
    /// The table a dict's `table` word points at (see the module diagram).
    fn of(p: *mut u8) -> Table {
        if p.is_null() {
            return Table(p, core::ptr::null_mut());
        }
        // SAFETY: a non-null table starts with its header word.
        let w = unsafe { *(p as *const usize) };
        if w & KEYS != 0 {
            // SAFETY: a split buffer's values follow its key-table word.
            Table((w & !KEYS) as *mut u8, unsafe { (p as *mut Value).add(1) })
        } else {
            Table(p, core::ptr::null_mut())
        }
    }
    /// The heap allocation behind the table (what the dict's `table` word holds).
    fn alloc(self) -> *mut u8 {
        if self.split() {
            // SAFETY: the value array follows the split buffer's first word.
            unsafe { self.1.sub(1) as *mut u8 }
        } else {
            self.0
        }
    }
    fn split(self) -> bool {
        !self.1.is_null()
    }
    fn head(self) -> usize {
        if self.0.is_null() {
            return 0;
        }
        // SAFETY: a non-null table starts with its header word.
        unsafe { *(self.0 as *const usize) }
    }
    fn cap(self) -> usize {
        self.head() >> HEAD_SHIFT
    }
    fn general(self) -> bool {
        self.head() & GENERAL != 0
    }
    /// Words per entry (a frozen key table: the key alone).
    fn ew(self) -> usize {
        if self.head() & KEYS != 0 {
            1
        } else {
            2 + self.general() as usize
        }
    }
    fn nidx(self) -> usize {
        nidx_for(self.cap())
    }
    /// The key word of entry `i`.
    fn entry(self, i: usize) -> *mut usize {
        let ew = self.ew();
        // SAFETY: callers pass i < cap; entries follow the header word, the key is the
        // entry's second-to-last word (the only word of a key-table entry).
        unsafe { (self.0 as *mut usize).add(1 + ew * i + ew.saturating_sub(2)) }
    }
    fn hash(self, i: usize) -> usize {
        if self.general() {
            // SAFETY: i < cap; a general entry's hash word precedes its key.
            unsafe { *self.entry(i).sub(1) }
        } else {
            cheap_hash(self.key(i)).unwrap_or(0)
        }
    }
    fn key(self, i: usize) -> Value {
        if self.split() && self.value(i).is_null() {
            return Value::NULL;
        }
        // SAFETY: i < cap; the key word holds a Value.
        unsafe { *(self.entry(i) as *const Value) }
    }
    fn value(self, i: usize) -> Value {
        // SAFETY: i < cap; the value word follows the key, or is entry i of the value array.
        unsafe {
            if self.split() {
                *self.1.add(i)
            } else {
                *(self.entry(i).add(1) as *const Value)
            }
        }
    }
    /// Write entry `i`; for a split table only its value (the key is frozen: `k` is NULL to
    /// delete the entry, or the table's key).
    fn set_entry(self, i: usize, h: usize, k: Value, v: Value) {
        if self.split() {
            self.set_value(i, if k.is_null() { Value::NULL } else { v });
            return;
        }
        let general = self.general();
        // SAFETY: i < cap; the hash word exists for general tables.
        unsafe {
            let e = self.entry(i);
            if general {
                *e.sub(1) = h;
            }
            *(e as *mut Value) = k;
            *(e.add(1) as *mut Value) = v;
        }
    }
    fn set_value(self, i: usize, v: Value) {
        // SAFETY: i < cap; a split table's values are in its heap array.
        unsafe {
            if self.split() {
                *self.1.add(i) = v;
            } else {
                *(self.entry(i).add(1) as *mut Value) = v;
            }
        }
    }
    /// Write the header of a (fresh or shrunk) heap table.
    fn set_head(self, cap: usize, general: bool) {
        // SAFETY: the table holds at least its header word.
        unsafe { *(self.0 as *mut usize) = cap << HEAD_SHIFT | general as usize };
    }
    fn idx_ptr(self) -> *mut u8 {
        // SAFETY: the index follows cap entries.
        unsafe { (self.0 as *mut usize).add(1 + self.ew() * self.cap()) as *mut u8 }
    }
    /// Index slot `s` (< nidx), as EMPTY / DUMMY / entry number.
    fn idx(self, s: usize) -> u32 {
        let p = self.idx_ptr();
        // SAFETY: s < nidx (masked by callers); the slot has the table's width.
        unsafe {
            match width_for(self.nidx()) {
                1 => match *p.add(s) {
                    0xFF => EMPTY,
                    0xFE => DUMMY,
                    x => x as u32,
                },
                2 => match *(p as *const u16).add(s) {
                    0xFFFF => EMPTY,
                    0xFFFE => DUMMY,
                    x => x as u32,
                },
                _ => *(p as *const u32).add(s),
            }
        }
    }
    fn set_idx(self, s: usize, v: u32) {
        debug_assert!(!self.split(), "a frozen index is never written");
        let p = self.idx_ptr();
        // SAFETY: s < nidx; EMPTY/DUMMY truncate to the width's sentinels, and entry numbers
        // (< cap < 2/3 nidx) fit the width.
        unsafe {
            match width_for(self.nidx()) {
                1 => *p.add(s) = v as u8,
                2 => *(p as *mut u16).add(s) = v as u16,
                _ => *(p as *mut u32).add(s) = v,
            }
        }
    }
    /// Mark every index slot empty.
    fn clear_index(self) {
        let n = self.nidx();
        // SAFETY: the index occupies n * width bytes after the entries; all-ones is EMPTY.
        unsafe { core::ptr::write_bytes(self.idx_ptr(), 0xFF, n * width_for(n)) };
    }
    /// Enter entry `ix` with hash `h` into the index (which has a free slot).
    fn insert_idx(self, ix: usize, h: usize) {
        let mut p = Probe::start(h, self.nidx());
        while self.idx(p.slot) != EMPTY {
            p.next();
        }
        self.set_idx(p.slot, ix as u32);
    }
    fn bytes(cap: usize, general: bool) -> usize {
        let n = nidx_for(cap);
        (1 + (2 + general as usize) * cap) * W + n * width_for(n)
    }
}

impl DictObj {
    fn t(&self) -> Table {
        Table::of(self.table.get())
    }
    /// Number of items.
    pub fn len(&self) -> usize {
        self.len.get()
    }
    /// Is the dict empty?
    pub fn is_empty(&self) -> bool {
        self.len.get() == 0
    }
    /// Entry `i` (in insertion order, including deleted slots) as (key, value); key NULL
    /// if deleted. `None` past the end.
    pub fn entry(&self, i: usize) -> Option<(Value, Value)> {
        if i < self.u() {
            let t = self.t();
            Some((t.key(i), t.value(i)))
        } else {
            None
        }
    }
    /// Number of entry slots in use (iteration bound).
    pub fn used(&self) -> usize {
        self.u()
    }
    /// The `used` count (the word without the [`CLASS_NS`] flag).
    #[inline(always)]
    fn u(&self) -> usize {
        self.used.get() & !CLASS_NS
    }
    /// Set the `used` count, keeping the [`CLASS_NS`] flag.
    #[inline(always)]
    fn set_u(&self, n: usize) {
        self.used.set(n | (self.used.get() & CLASS_NS));
    }
    /// Is this dict a class namespace ([`mark_class_ns`])?
    #[inline(always)]
    fn is_class_ns(&self) -> bool {
        self.used.get() & CLASS_NS != 0
    }
}

/// Flag in the top bit of a dict's `used` word: the dict is a class's namespace, so writing it
/// clears the lookup cache's attribute entries (`lookup_cache`). Never set on a ROM dict.
const CLASS_NS: usize = 1 << (usize::BITS - 1);

/// Flag `d` (a heap dict) as the namespace of a class (see [`CLASS_NS`]).
pub fn mark_class_ns(vm: &Vm<'_>, d: Value) {
    if let Some(dd) = as_dict(d).filter(|_| vm.is_heap(d)) {
        dd.used.set(dd.used.get() | CLASS_NS);
    }
}

/// After a write to `d`: a class namespace changed, so cached attribute lookups may be wrong.
#[inline(always)]
fn written(vm: &mut Vm<'_>, d: Value) {
    if as_dict(d).is_some_and(|dd| dd.is_class_ns()) {
        vm.lookup.clear_attrs();
    }
}

/// Borrow a dict.
pub fn as_dict(v: Value) -> Option<&'static DictObj> {
    obj::downcast::<DictObj>(v)
}

// A frozen dict must be readable as a `DictObj`, its table as a small str-keyed table.
const _: () = assert!(
    core::mem::size_of::<crate::rom::Dict>() == core::mem::size_of::<DictObj>()
        && core::mem::offset_of!(crate::rom::Dict, len) == core::mem::offset_of!(DictObj, len)
        && core::mem::offset_of!(crate::rom::Dict, used) == core::mem::offset_of!(DictObj, used)
        && core::mem::offset_of!(crate::rom::Dict, table) == core::mem::offset_of!(DictObj, table)
        && core::mem::offset_of!(crate::rom::DictTable<2>, words) == W
        && core::mem::size_of::<crate::rom::DictTable<16>>() == 17 * W
        && 16 / 2 == LINEAR_MAX
        && crate::rom::DICT_HEAD_SHIFT == HEAD_SHIFT
        && core::mem::offset_of!(crate::rom::KeyTable<3, 0>, keys) == W
        && core::mem::offset_of!(crate::rom::KeyTable<9, 16>, index) == 10 * W
);

/// Give the new, empty dict `d` a split table over the frozen module key table `keys`
/// (see the module documentation). May collect (`d` rooted by the caller).
pub fn with_keys(vm: &mut Vm<'_>, d: Value, keys: &crate::rom::Keys) -> PyResult<()> {
    let Some(kt) = keys.table() else { return Ok(()) };
    let cap = Table(kt as *mut u8, core::ptr::null_mut()).cap();
    let p = vm.alloc_raw((1 + cap) * W)?;
    // SAFETY: a fresh buffer of 1 + cap words; the key table is word-aligned, so the tag
    // bit is free. Zeroed value words are NULL (unbound).
    unsafe { *(p as *mut usize) = kt as usize | KEYS };
    if let Some(dd) = as_dict(d) {
        dd.table.set(p);
        dd.len.set(0);
        dd.set_u(0);
    }
    Ok(())
}

/// The position of str key `k` (hash `h`) in split table `t`'s frozen keys.
fn key_slot(t: Table, k: Value, h: usize) -> Option<usize> {
    let keys = Table(t.0, core::ptr::null_mut());
    let is_match = |ix: usize| {
        let ek = keys.key(ix);
        ek == k || (obj::str::is_str(k) && obj::str::hash_of(ek) as usize == h && obj::str::eq(ek, k))
    };
    find_entry(keys, keys.cap(), h, is_match)
}

/// A heap dict reading the frozen dict `rom`'s table in place (see the module
/// documentation). May collect.
pub fn from_rom(vm: &mut Vm<'_>, rom: Value) -> PyResult<Value> {
    let d = new(vm)?;
    if let (Some(r), Some(dd)) = (as_dict(rom), as_dict(d)) {
        dd.len.set(r.len.get());
        dd.set_u(r.u());
        dd.table.set(r.table.get());
    }
    Ok(d)
}

/// Is `d`'s table a frozen one (outside the heap)?
fn rom_table(vm: &Vm<'_>, dd: &DictObj) -> bool {
    let p = dd.table.get();
    !p.is_null() && !vm.heap.contains(p)
}

/// Make `d` writable before a mutation: a ROM dict raises TypeError (like CPython's
/// read-only class `mappingproxy`); a frozen table is copied to the heap. May collect
/// (`d` rooted by the caller).
fn make_writable(vm: &mut Vm<'_>, d: Value) -> PyResult<()> {
    let Some(dd) = as_dict(d) else { return Ok(()) };
    if !vm.is_heap(d) {
        return Err(vm.type_error(format_args!("'mappingproxy' object does not support item assignment")));
    }
    if rom_table(vm, dd) {
        let cap = dd.t().cap();
        resize(vm, d, cap, false)?;
    }
    Ok(())
}

/// Give `d` room for at least `cap` entries before it grows on its own (a dict known to
/// fill up, such as `sys.modules`). May collect.
pub fn reserve(vm: &mut Vm<'_>, d: Value, cap: usize) -> PyResult<()> {
    let Some(dd) = as_dict(d) else { return Ok(()) };
    if !vm.is_heap(d) || rom_table(vm, dd) || dd.t().split() || dd.t().cap() >= cap {
        return Ok(());
    }
    resize(vm, d, cap, false)
}

/// A new empty dict (no table until the first insertion). May collect.
pub fn new(vm: &mut Vm<'_>) -> PyResult<Value> {
    vm.alloc_obj(&DICT_TYPE, core::mem::size_of::<DictObj>())
}

pub(crate) fn trace(v: Value, t: &mut Tracer<'_>) {
    let Some(d) = as_dict(v) else { return };
    let tb = d.t();
    if tb.0.is_null() {
        return;
    }
    // A frozen table lies outside the pool: `mark_buffer` ignores it.
    t.mark_buffer(tb.alloc());
    for i in 0..d.u().min(tb.cap()) {
        t.mark(tb.key(i));
        t.mark(tb.value(i));
    }
}

/// Hash for dict keys: fast for str and int, otherwise `hash()`. May run Python code.
pub fn key_hash(vm: &mut Vm<'_>, k: Value) -> PyResult<usize> {
    if obj::str::is_str(k) {
        return Ok(obj::str::py_hash(k) as usize);
    }
    if k.is_small_int() {
        return Ok(obj::int::hash_int(k) as usize);
    }
    Ok(runtime::hash(vm, k)? as usize)
}

/// Lookup: (index slot, entry number) of `k`, or the first free slot. Small dicts (no
/// index) report slot `usize::MAX`.
enum Found {
    At(usize, usize),
    Free(usize),
}

/// Does entry `ix` of `d`'s table `t` hold `k` (hash `h`)? `Err(None)`: the table changed
/// under a Python `__eq__`, restart. May run Python code.
fn entry_matches(
    vm: &mut Vm<'_>,
    d: Value,
    t: Table,
    ix: usize,
    k: Value,
    h: usize,
) -> Result<bool, Option<crate::vm::Raised>> {
    let ek = t.key(ix);
    if ek == k {
        return Ok(true);
    }
    if ek.is_null() || t.hash(ix) != h {
        return Ok(false);
    }
    if runtime::is_simple(ek) && runtime::is_simple(k) {
        return Ok(runtime::simple_eq(ek, k));
    }
    let m = vm.roots_mark();
    vm.push_root(ek).map_err(Some)?;
    let r = runtime::eq(vm, ek, k);
    vm.pop_roots(m);
    let same = r.map_err(Some)?;
    let still = as_dict(d).map(|x| x.t() == t).unwrap_or(false) && t.key(ix) == ek;
    if !still {
        return Err(None);
    }
    Ok(same)
}

fn lookup(vm: &mut Vm<'_>, d: Value, k: Value, h: usize) -> PyResult<Found> {
    'restart: loop {
        let Some(dd) = as_dict(d) else { return Ok(Found::Free(0)) };
        let t = dd.t();
        let n = t.nidx();
        if n == 0 {
            for ix in 0..dd.u() {
                match entry_matches(vm, d, t, ix, k, h) {
                    Ok(true) => return Ok(Found::At(usize::MAX, ix)),
                    Ok(false) => {}
                    Err(None) => continue 'restart,
                    Err(Some(e)) => return Err(e),
                }
            }
            return Ok(Found::Free(usize::MAX));
        }
        let mut p = Probe::start(h, n);
        let mut free: Option<usize> = None;
        let mut probes = 0usize;
        loop {
            let s = p.slot;
            let ix = t.idx(s);
            if ix == EMPTY {
                return Ok(Found::Free(free.unwrap_or(s)));
            }
            if ix == DUMMY {
                if free.is_none() {
                    free = Some(s);
                }
            } else {
                match entry_matches(vm, d, t, ix as usize, k, h) {
                    Ok(true) => return Ok(Found::At(s, ix as usize)),
                    Ok(false) => {}
                    Err(None) => continue 'restart,
                    Err(Some(e)) => return Err(e),
                }
            }
            probes += 1;
            if probes > n {
                return Ok(Found::Free(free.unwrap_or(s)));
            }
            p.next();
        }
    }
}

/// `d.get(k)`: `Ok(None)` if absent. May run Python code (`__eq__`, `__hash__`).
pub fn get(vm: &mut Vm<'_>, d: Value, k: Value) -> PyResult<Option<Value>> {
    if as_dict(d).map(|x| x.len.get() == 0).unwrap_or(true) {
        // Still hash the key for the TypeError on unhashable keys.
        key_hash(vm, k)?;
        return Ok(None);
    }
    let h = key_hash(vm, k)?;
    match lookup(vm, d, k, h)? {
        Found::At(_, ix) => Ok(as_dict(d).map(|x| x.t().value(ix))),
        Found::Free(_) => Ok(None),
    }
}

/// Lookup by str key without running Python code (globals, attributes, kwargs).
#[inline]
pub fn get_str(d: Value, k: Value) -> Option<Value> {
    get_str_at(d, k).map(|(_, v)| v)
}

/// [`get_str`] with the entry index of the hit (a hint for [`get_at`]).
pub(crate) fn get_str_at(d: Value, k: Value) -> Option<(usize, Value)> {
    let dd = as_dict(d)?;
    let t = dd.t();
    if t.0.is_null() {
        return None;
    }
    // Pointer equality first: names are mostly the same qstr.
    let used = dd.u();
    let n = t.nidx();
    if n == 0 {
        for ix in 0..used {
            if t.key(ix) == k {
                return Some((ix, t.value(ix)));
            }
        }
    }
    let h = obj::str::py_hash(k) as usize;
    let is_match = |ix: usize| {
        let ek = t.key(ix);
        ek == k || (t.hash(ix) == h && obj::str::is_str(ek) && obj::str::eq(ek, k))
    };
    find_entry(t, used, h, is_match).map(|ix| (ix, t.value(ix)))
}

/// The value of entry `ix` of `d` if that entry is live and its key is the word `k` (a hint
/// from the lookup cache, checked without searching).
#[inline(always)]
pub(crate) fn get_at(d: Value, ix: usize, k: Value) -> Option<Value> {
    let dd = as_dict(d)?;
    if ix >= dd.u() {
        return None;
    }
    let t = dd.t();
    // A deleted entry (or an unbound split entry) has a NULL key.
    if t.key(ix) != k {
        return None;
    }
    let v = t.value(ix);
    (!v.is_null()).then_some(v)
}

/// For `d` a split table whose frozen keys leave the str `k` unbound (so `k` is not in
/// `d`): the key table's address and `k`'s position in it (`None`: not a key). See
/// [`split_unbound`].
pub(crate) fn split_guard(d: Value, k: Value) -> Option<(usize, Option<usize>)> {
    let t = as_dict(d)?.t();
    if !t.split() {
        return None;
    }
    let pos = key_slot(t, k, obj::str::py_hash(k) as usize);
    if pos.is_some_and(|i| !t.value(i).is_null()) {
        return None;
    }
    Some((t.0 as usize, pos))
}

/// Is `d` still a split table over the key table at `keys` with position `pos` unbound? Then
/// the name [`split_guard`] found there (or found absent) is still not in `d`: a name outside
/// the frozen keys would have converted `d` to an ordinary table first.
#[inline(always)]
pub(crate) fn split_unbound(d: Value, keys: usize, pos: Option<usize>) -> bool {
    let Some(dd) = as_dict(d) else { return false };
    let t = dd.t();
    t.split() && t.0 as usize == keys && pos.is_none_or(|i| t.value(i).is_null())
}

/// The entry of `t` that `is_match` accepts, found by probing the index for hash `h` (without
/// an index: by scanning the first `n` entries). Runs no Python code.
fn find_entry(t: Table, n: usize, h: usize, is_match: impl Fn(usize) -> bool) -> Option<usize> {
    let nidx = t.nidx();
    if nidx == 0 {
        return (0..n).find(|&ix| is_match(ix));
    }
    let mut p = Probe::start(h, nidx);
    for _ in 0..=nidx {
        let ix = t.idx(p.slot);
        if ix == EMPTY {
            return None;
        }
        if ix != DUMMY && is_match(ix as usize) {
            return Some(ix as usize);
        }
        p.next();
    }
    None
}

/// Give `d` a fresh table with room for `min_cap` entries (at least the live ones plus one),
/// dropping deleted entries; `general`: entries store hashes (kept if they already do).
/// May collect.
fn resize(vm: &mut Vm<'_>, d: Value, min_cap: usize, general: bool) -> PyResult<()> {
    let Some(dd) = as_dict(d) else { return Ok(()) };
    let live = dd.len.get();
    let general = general || dd.t().general();
    let ew = 2 + general as usize;
    let mut cap = min_cap.max(live + 1);
    // Growth headroom is dropped rather than failing when the heap is tight.
    let p = vm.alloc_raw_atleast(Table::bytes(cap, general), Table::bytes(live + 1, general))?;
    if vm.heap.alloc_size(p) < Table::bytes(cap, general) {
        cap = live + 1;
    }
    if nidx_for(cap) == 0 {
        // Use every entry the allocated blocks hold.
        let fit = (vm.heap.alloc_size(p).saturating_sub(W)) / (ew * W);
        cap = fit.clamp(cap, LINEAR_MAX);
    }
    let Some(dd) = as_dict(d) else { return Ok(()) };
    let nt = Table(p, core::ptr::null_mut());
    nt.set_head(cap, general);
    if nt.nidx() > 0 {
        nt.clear_index();
    }
    let old = dd.t();
    let mut j = 0;
    for i in 0..dd.u() {
        let k = old.key(i);
        if k.is_null() {
            continue;
        }
        let h = old.hash(i);
        nt.set_entry(j, h, k, old.value(i));
        if nt.nidx() > 0 {
            nt.insert_idx(j, h);
        }
        j += 1;
    }
    dd.set_u(j);
    dd.table.set(p);
    let old = old.alloc();
    if !old.is_null() && vm.heap.contains(old) {
        vm.free(old);
    }
    Ok(())
}

/// Capacity to grow to when a table of `live` live entries is full: 1, 2, 4, 8 (doubling,
/// so a one-item dict's table is a header and one entry: 16 B on 32-bit, 32 B with the
/// object, as MicroPython's), then by half again (amortised O(1) either way). [`resize`]
/// rounds a linear table up to what its heap blocks hold.
fn grown_cap(live: usize) -> usize {
    let need = live + 1;
    if need <= LINEAR_MAX {
        need.next_power_of_two()
    } else {
        need + need / 2
    }
}

/// Trim `d`'s table to its live entries, in place (no allocation, never collects). Used for
/// namespaces that are complete: module globals after the body ran, class dicts. Entry
/// positions change only if there were deleted entries.
pub fn shrink(vm: &mut Vm<'_>, d: Value) {
    let Some(dd) = as_dict(d) else { return };
    let t = dd.t();
    // ROM dicts and frozen tables are exact already and never written; a split table has
    // no spare room.
    if t.0.is_null() || !vm.is_heap(d) || rom_table(vm, dd) || t.split() {
        return;
    }
    let live = dd.len.get();
    if live == 0 {
        dd.table.set(core::ptr::null_mut());
        dd.set_u(0);
        vm.free(t.0);
        return;
    }
    // Compact the entries to the front.
    let mut j = 0;
    for i in 0..dd.u() {
        let k = t.key(i);
        if !k.is_null() {
            if i != j {
                t.set_entry(j, t.hash(i), k, t.value(i));
            }
            j += 1;
        }
    }
    dd.set_u(j);
    let general = t.general();
    let mut cap = live;
    if nidx_for(cap) == 0 {
        let block = crate::heap::BLOCK;
        let fit = (Table::bytes(cap, general).div_ceil(block) * block - W) / (t.ew() * W);
        cap = fit.clamp(cap, LINEAR_MAX);
    }
    if cap >= t.cap() {
        return;
    }
    // The new (smaller) index region lies inside the old allocation, after the live
    // entries, and is rebuilt from them.
    t.set_head(cap, general);
    if t.nidx() > 0 {
        t.clear_index();
        for i in 0..j {
            t.insert_idx(i, t.hash(i));
        }
    }
    vm.heap.resize_in_place(t.0, Table::bytes(cap, general));
}

/// `d[k] = v` (`d`, `k`, `v` must be rooted). May collect; may run Python code.
pub fn set(vm: &mut Vm<'_>, d: Value, k: Value, v: Value) -> PyResult<()> {
    let h = key_hash(vm, k)?;
    set_hashed(vm, d, k, h, v)
}

fn set_hashed(vm: &mut Vm<'_>, d: Value, k: Value, h: usize, v: Value) -> PyResult<()> {
    let r = set_hashed_unflagged(vm, d, k, h, v);
    written(vm, d);
    r
}

fn set_hashed_unflagged(vm: &mut Vm<'_>, d: Value, k: Value, h: usize, v: Value) -> PyResult<()> {
    if as_dict(d).is_some_and(|dd| !vm.is_heap(d) || rom_table(vm, dd)) {
        let m = vm.roots_mark();
        vm.push_root(k)?;
        vm.push_root(v)?;
        let r = make_writable(vm, d);
        vm.pop_roots(m);
        r?;
    }
    loop {
        match lookup(vm, d, k, h)? {
            Found::At(_, ix) => {
                if let Some(dd) = as_dict(d) {
                    dd.t().set_value(ix, v);
                }
                return Ok(());
            }
            Found::Free(s) => {
                let Some(dd) = as_dict(d) else { return Ok(()) };
                let t = dd.t();
                if t.split() {
                    match key_slot(t, k, h) {
                        Some(ix) if ix >= dd.u() => {
                            t.set_value(ix, v);
                            dd.set_u(ix + 1);
                            dd.len.set(dd.len.get() + 1);
                            return Ok(());
                        }
                        _ => {
                            let m = vm.roots_mark();
                            vm.push_root(k)?;
                            vm.push_root(v)?;
                            let r = resize(vm, d, grown_cap(dd.len.get()), cheap_hash(k).is_none());
                            vm.pop_roots(m);
                            r?;
                            continue;
                        }
                    }
                }
                let needs_hash = !t.general() && cheap_hash(k).is_none();
                if dd.u() >= t.cap() || needs_hash {
                    let m = vm.roots_mark();
                    vm.push_root(k)?;
                    vm.push_root(v)?;
                    let cap = if dd.u() >= t.cap() { grown_cap(dd.len.get()) } else { t.cap() };
                    let r = resize(vm, d, cap, needs_hash);
                    vm.pop_roots(m);
                    r?;
                    continue;
                }
                let ix = dd.u();
                t.set_entry(ix, h, k, v);
                if s != usize::MAX {
                    t.set_idx(s, ix as u32);
                }
                dd.set_u(ix + 1);
                dd.len.set(dd.len.get() + 1);
                return Ok(());
            }
        }
    }
}

/// `d[name] = v` for a str key (`d`, `v` rooted). May collect.
pub fn set_str(vm: &mut Vm<'_>, d: Value, k: Value, v: Value) -> PyResult<()> {
    let h = obj::str::py_hash(k) as usize;
    set_hashed(vm, d, k, h, v)
}

/// Remove `k`, returning its value (`Ok(None)` if absent). May run Python code.
pub fn remove(vm: &mut Vm<'_>, d: Value, k: Value) -> PyResult<Option<Value>> {
    let h = key_hash(vm, k)?;
    match lookup(vm, d, k, h)? {
        Found::At(s, ix) => {
            let Some(dd) = as_dict(d) else { return Ok(None) };
            if !vm.is_heap(d) || rom_table(vm, dd) {
                let m = vm.roots_mark();
                vm.push_root(k)?;
                let r = make_writable(vm, d);
                vm.pop_roots(m);
                r?;
                return remove(vm, d, k);
            }
            let t = dd.t();
            let v = t.value(ix);
            t.set_entry(ix, 0, Value::NULL, Value::NULL);
            if s != usize::MAX && !t.split() {
                t.set_idx(s, DUMMY);
            }
            dd.len.set(dd.len.get() - 1);
            written(vm, d);
            Ok(Some(v))
        }
        Found::Free(_) => Ok(None),
    }
}

/// Remove every item (a frozen table is dropped, not written). TypeError for a ROM dict.
pub fn clear(vm: &mut Vm<'_>, d: Value) -> PyResult<()> {
    if as_dict(d).is_some() && !vm.is_heap(d) {
        return make_writable(vm, d);
    }
    if let Some(dd) = as_dict(d) {
        dd.table.set(core::ptr::null_mut());
        dd.len.set(0);
        dd.set_u(0);
    }
    written(vm, d);
    Ok(())
}

/// Raise KeyError(k).
pub fn key_error(vm: &mut Vm<'_>, k: Value) -> crate::vm::Raised {
    vm.raise_with_arg(&exc::KEY_ERROR_TYPE, k)
}

pub(crate) fn repr(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf) -> PyResult<()> {
    if !runtime::repr_enter(vm, v) {
        return sb.push(vm, "{...}");
    }
    let r = (|| {
        sb.push(vm, "{")?;
        let mut i = 0;
        let mut first = true;
        while let Some((k, x)) = as_dict(v).and_then(|d| d.entry(i)) {
            i += 1;
            if k.is_null() {
                continue;
            }
            if !first {
                sb.push(vm, ", ")?;
            }
            first = false;
            runtime::repr_into(vm, k, sb)?;
            sb.push(vm, ": ")?;
            runtime::repr_into(vm, x, sb)?;
        }
        sb.push(vm, "}")
    })();
    runtime::repr_leave(vm);
    r
}

pub(crate) fn richcmp(vm: &mut Vm<'_>, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (as_dict(a), as_dict(b)) else { return Ok(Value::NOT_IMPLEMENTED) };
    if !matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let mut same = x.len() == y.len();
    if same {
        let mut i = 0;
        while let Some((k, v)) = as_dict(a).and_then(|d| d.entry(i)) {
            i += 1;
            if k.is_null() {
                continue;
            }
            // `k` and `v` may leave `a` while `__eq__` methods run: keep them alive.
            let m = vm.roots_mark();
            for x in [k, v] {
                if obj::list_methods::root_for_compare(x) {
                    vm.push_root(x)?;
                }
            }
            let r = match get(vm, b, k) {
                Ok(Some(w)) => obj::list_methods::item_eq(vm, v, w),
                Ok(None) => Ok(false),
                Err(e) => Err(e),
            };
            vm.pop_roots(m);
            if !r? {
                same = false;
                break;
            }
        }
    }
    Ok(Value::bool(same == (op == CmpOp::Eq)))
}

fn len(_vm: &mut Vm<'_>, v: Value) -> PyResult<usize> {
    Ok(as_dict(v).map(|d| d.len()).unwrap_or(0))
}

fn getitem(vm: &mut Vm<'_>, v: Value, k: Value) -> PyResult<Value> {
    match get(vm, v, k)? {
        Some(x) => Ok(x),
        None => {
            // dict subclasses with __missing__
            if obj::type_of(v).is_heap() {
                if let Some(r) = runtime::call_method_by_name(vm, v, "__missing__", &[k])? {
                    return Ok(r);
                }
            }
            Err(key_error(vm, k))
        }
    }
}

fn setitem(vm: &mut Vm<'_>, v: Value, k: Value, x: Value) -> PyResult<()> {
    if x.is_null() {
        return match remove(vm, v, k)? {
            Some(_) => Ok(()),
            None => Err(key_error(vm, k)),
        };
    }
    set(vm, v, k, x)
}

fn contains(vm: &mut Vm<'_>, v: Value, k: Value) -> PyResult<bool> {
    Ok(get(vm, v, k)?.is_some())
}

fn iter(vm: &mut Vm<'_>, v: Value) -> PyResult<Value> {
    obj::iter::new_dict_iter(vm, v, 0)
}

/// `d.update(other)` for a mapping or iterable of pairs. May collect.
pub fn update(vm: &mut Vm<'_>, d: Value, other: Value) -> PyResult<()> {
    if as_dict(other).is_some() {
        let mut i = 0;
        while let Some((k, x)) = as_dict(other).and_then(|o| o.entry(i)) {
            i += 1;
            if !k.is_null() {
                set(vm, d, k, x)?;
            }
        }
        return Ok(());
    }
    if runtime::has_attr_name(vm, other, "keys")? {
        let m = vm.roots_mark();
        let keys = runtime::call_method_by_name(vm, other, "keys", &[])?.unwrap_or(Value::NONE);
        vm.push_root(keys)?;
        let it = runtime::get_iter(vm, keys)?;
        vm.push_root(it)?;
        while let Some(k) = runtime::next(vm, it)? {
            vm.push_root(k)?;
            let x = runtime::get_item(vm, other, k)?;
            vm.push_root(x)?;
            set(vm, d, k, x)?;
            vm.pop_roots(m + 2);
        }
        vm.pop_roots(m);
        return Ok(());
    }
    let m = vm.roots_mark();
    let it = runtime::get_iter(vm, other)?;
    vm.push_root(it)?;
    let mut n = 0;
    while let Some(pair) = runtime::next(vm, it)? {
        vm.push_root(pair)?;
        if obj::type_of(pair).slots.iter.is_none() {
            return Err(
                vm.type_error(format_args!("cannot convert dictionary update sequence element #{n} to a sequence"))
            );
        }
        let items = match runtime::unpack(vm, pair, 2) {
            Ok(x) => x,
            Err(e) => {
                if vm.pending_is(&exc::VALUE_ERROR_TYPE) {
                    vm.take_pending();
                    let l = runtime::len(vm, pair).unwrap_or(0);
                    return Err(vm.value_error(format_args!(
                        "dictionary update sequence element #{n} has length {l}; 2 is required"
                    )));
                }
                return Err(e);
            }
        };
        vm.push_root(items)?;
        let kv = obj::tuple::items(items).unwrap_or(&[]);
        if kv.len() == 2 {
            set(vm, d, kv[0], kv[1])?;
        }
        vm.pop_roots(m + 1);
        n += 1;
    }
    vm.pop_roots(m);
    Ok(())
}

fn new_dict(vm: &mut Vm<'_>, _cls: Value, args: &Args<'_>) -> PyResult<Value> {
    let d = new(vm)?;
    let m = vm.roots_mark();
    vm.push_root(d)?;
    if let Some(x) = args.pos.first() {
        update(vm, d, *x)?;
    }
    for (k, x) in args.kwnames.iter().zip(args.kwvals.iter()) {
        set(vm, d, *k, *x)?;
    }
    vm.pop_roots(m);
    Ok(d)
}

/// `dict`'s slots, for the static dict subtypes (`collections.OrderedDict`, ...) to start from.
pub(crate) const DICT_SLOTS: Slots = Slots {
    trace: Some(trace),
    repr: Some(repr),
    richcmp: Some(richcmp),
    len: Some(len),
    getitem: Some(getitem),
    setitem: Some(setitem),
    contains: Some(contains),
    iter: Some(iter),
    new: Some(new_dict),
    binop: Some(super::dict_methods::binop),
    ..Slots::EMPTY
};
static SLOTS: Slots = DICT_SLOTS;

/// `dict`.
pub static DICT_TYPE: Type = Type::builtin(
    &qstr::dict,
    Some(&obj::class::OBJECT_TYPE),
    Kind::Dict,
    flags::BASETYPE | flags::UNHASHABLE,
    &SLOTS,
    super::dict_methods::METHODS,
);
