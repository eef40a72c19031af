//! Frozen (ROM) data layouts: the types that generated `static` items are made of.
//!
//! The compiler's emitter writes Rust source that builds these structs with `const fn`
//! constructors, so a frozen image is nothing but typed, immutable statics: the linker
//! places them in `.rodata`/flash and the VM reads them where they are. None of these
//! types has interior mutability, and the VM never writes through a pointer that the heap
//! module classifies as ROM.
//!
//! Immutable object kinds share one layout between ROM and heap (the heap allocates the
//! same struct with a run-time length), so the VM's code for `tuple`, `bytes`, big `int`
//! and `float` never asks where an object lives:
//!
//! ```text
//!  ObjHeader    +0 ty: *const Type                       (every object starts with this)
//!  Qstr<N>      align 4 | +0 head u32 (len 7 bits | non-ASCII | hash 24 bits) | +4 bytes
//!               (long form, len >= 127: +4 len u32 LE | +8 bytes); no object header: a qstr
//!               Value points here, tagged 0b10; see frostbyte_format::qstr)
//!  Tuple<N>     ObjHeader | len usize | items [Value; N]
//!  Bytes<N>     ObjHeader | len usize | data [u8; N]
//!  Int<N>       ObjHeader | size isize (sign = sign of the number, |size| = digit count)
//!               | digits [u32; N]  (magnitude, base 2^32, least significant first,
//!               no leading zero digits; N >= 1; the value lies outside the 31-bit
//!               small-int range, but may fit a 64-bit small int)
//!  Float        ObjHeader | value f64
//!  Code         ObjHeader | fields of [`Code`] (32 bytes on 32-bit, drawn there)
//!  Dict         ObjHeader | len usize | used usize | table *const DictTable   (obj::dict's
//!               DictObj layout; a frozen class namespace)
//!  DictTable<W> cap << 2 usize | [key Value, value Value; cap]   (W = 2 * cap <= 16, str keys)
//!  KeyTable<N, I> cap << 2 | 2 usize | [key Value; N] | index [u8; I]   (a frozen module's
//!               global names, in first-binding order; I = 0 for N <= 8)
//! ```
//! Frozen `str` constants are always qstrs, so there is no ROM str object.

#[cfg(feature = "complex")]
use crate::obj::COMPLEX_TYPE;
use crate::obj::{Type, BYTES_TYPE, CODE_TYPE, DICT_TYPE, FLOAT_TYPE, FUNCTION_TYPE, INT_TYPE, TUPLE_TYPE};
use crate::value::Value;

/// The first field of every object: its type.
#[repr(C)]
#[derive(Debug)]
pub struct ObjHeader {
    /// The object's type (a static built-in type or a heap class).
    pub ty: *const Type,
}

impl ObjHeader {
    /// Header for an object of a static type.
    pub const fn of(ty: &'static Type) -> ObjHeader {
        ObjHeader { ty }
    }
}

// SAFETY: ROM headers point at static types, which are immutable.
unsafe impl Sync for ObjHeader {}

/// Marker for structs that start with an [`ObjHeader`] and may be frozen.
///
/// # Safety
/// Implementors must be `#[repr(C)]`, start with an `ObjHeader` whose `ty` matches the
/// layout, and be at least 4-aligned.
pub unsafe trait RomObject: Sync {}

/// The type-erased head of a qstr: one word with length, ASCII flag and hash, followed in
/// memory by the bytes (short form) or by a little-endian u32 length and the bytes (long
/// form); see `frostbyte_format::qstr`. 4-aligned (the qstr tag uses two bits).
#[repr(C)]
#[derive(Debug)]
pub struct QstrHdr {
    head: u32,
}

impl QstrHdr {
    /// `frostbyte_format::qstr_hash` of the bytes.
    #[inline]
    pub fn hash(&self) -> u32 {
        self.head >> 8
    }
    /// Byte length of the qstr whose head `this` points at.
    ///
    /// A raw pointer, not `&self`: the long-form length and the text lie after the head
    /// word, outside the 4 bytes a `&QstrHdr` may reach (Stacked Borrows).
    ///
    /// # Safety
    /// `this` must point at the head of a qstr (with the provenance of the whole qstr).
    #[inline]
    pub unsafe fn len(this: *const QstrHdr) -> usize {
        // SAFETY: per the contract `this` points at a readable head word.
        let l = unsafe { (*this).head } & 0x7f;
        if l != frostbyte_format::qstr::LONG {
            return l as usize;
        }
        // SAFETY: a qstr's long form has 4 length bytes after the head word
        // (`Qstr::with_hash` checks it, the host loader writes it), reachable through `this`.
        unsafe {
            let p = (this as *const u8).add(4);
            u32::from_le_bytes([*p, *p.add(1), *p.add(2), *p.add(3)]) as usize
        }
    }
    /// Is the text empty?
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.head & 0x7f == 0
    }
    /// Is the text pure ASCII?
    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.head & frostbyte_format::qstr::HEAD_NON_ASCII == 0
    }
    /// The UTF-8 text of the qstr whose head `this` points at (a raw pointer: see
    /// [`QstrHdr::len`]).
    ///
    /// # Safety
    /// `this` must point at the head of a qstr, with the provenance of the whole qstr:
    /// followed by its text (short form) or its length and text (long form), valid UTF-8,
    /// never written or freed during `'t`.
    #[inline]
    pub unsafe fn as_str<'t>(this: *const QstrHdr) -> &'t str {
        // SAFETY: per the contract: the head is readable, the bytes follow it (and the long
        // length), all reachable through `this`.
        unsafe {
            let off = frostbyte_format::qstr::text_offset((*this).head);
            let p = (this as *const u8).add(off);
            core::str::from_utf8_unchecked(core::slice::from_raw_parts(p, QstrHdr::len(this)))
        }
    }
}

/// A frozen qstr with its text inline (short form: `N` = length; long form: `N` = 4 +
/// length, the first 4 bytes being the length, little-endian).
#[repr(C)]
#[derive(Debug)]
pub struct Qstr<const N: usize> {
    /// Length, flags and hash (private: only the checked constructors build a head).
    hdr: QstrHdr,
    /// UTF-8 bytes (long form: preceded by the length).
    bytes: [u8; N],
}

impl<const N: usize> Qstr<N> {
    /// A short qstr (at most 126 bytes) whose head is computed at compile time.
    pub const fn new(bytes: [u8; N]) -> Self {
        assert!(N < frostbyte_format::qstr::LONG as usize, "Qstr::new: text too long");
        Qstr { hdr: QstrHdr { head: frostbyte_format::qstr::head(&bytes) }, bytes }
    }
    /// A qstr with a precomputed head word (what the emitter writes). Panics (a compile
    /// error in a `static`) if the head's length does not describe `bytes`.
    pub const fn with_head(head: u32, bytes: [u8; N]) -> Self {
        let l = head & 0x7f;
        if l == frostbyte_format::qstr::LONG {
            assert!(N >= 4, "Qstr: long form without length");
            let len = u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]) as usize;
            assert!(len + 4 == N, "Qstr: long-form length mismatch");
        } else {
            assert!(l as usize <= N, "Qstr: length mismatch");
        }
        Qstr { hdr: QstrHdr { head }, bytes }
    }
}

/// A frozen tuple.
#[repr(C)]
pub struct Tuple<const N: usize> {
    /// Type: `tuple`.
    pub hdr: ObjHeader,
    /// Number of items (== N).
    pub len: usize,
    /// The items.
    pub items: [Value; N],
}
impl<const N: usize> Tuple<N> {
    /// A frozen tuple of `items`.
    pub const fn new(items: [Value; N]) -> Self {
        Tuple { hdr: ObjHeader::of(&TUPLE_TYPE), len: N, items }
    }
}
// SAFETY: repr(C), starts with ObjHeader of type tuple; contains pointers so 4-aligned.
unsafe impl<const N: usize> RomObject for Tuple<N> {}

/// A frozen bytes object.
#[repr(C)]
pub struct Bytes<const N: usize> {
    /// Type: `bytes`.
    pub hdr: ObjHeader,
    /// Length (== N).
    pub len: usize,
    /// The bytes.
    pub data: [u8; N],
}
impl<const N: usize> Bytes<N> {
    /// A frozen bytes object.
    pub const fn new(data: [u8; N]) -> Self {
        Bytes { hdr: ObjHeader::of(&BYTES_TYPE), len: N, data }
    }
}
// SAFETY: repr(C), starts with ObjHeader of type bytes; 4-aligned (pointer field).
unsafe impl<const N: usize> RomObject for Bytes<N> {}

/// A frozen big int (a value outside the small-int range of the smallest target).
#[repr(C)]
pub struct Int<const N: usize> {
    /// Type: `int`.
    pub hdr: ObjHeader,
    /// Sign and digit count: `+N` or `-N`.
    pub size: isize,
    /// Magnitude, base 2^32, least significant digit first.
    pub digits: [u32; N],
}
impl<const N: usize> Int<N> {
    /// A frozen big int.
    pub const fn new(negative: bool, digits: [u32; N]) -> Self {
        Int { hdr: ObjHeader::of(&INT_TYPE), size: if negative { -(N as isize) } else { N as isize }, digits }
    }
}
// SAFETY: repr(C), starts with ObjHeader of type int; 4-aligned.
unsafe impl<const N: usize> RomObject for Int<N> {}

/// A frozen float.
#[repr(C)]
pub struct Float {
    /// Type: `float`.
    pub hdr: ObjHeader,
    /// The value.
    pub value: f64,
}
impl Float {
    /// A frozen float.
    pub const fn new(value: f64) -> Self {
        Float { hdr: ObjHeader::of(&FLOAT_TYPE), value }
    }
}
// SAFETY: repr(C), starts with ObjHeader of type float; 8-aligned.
unsafe impl RomObject for Float {}

/// A frozen complex number (`1j`, `2+3j` folded by the compiler). Only with the VM's
/// `complex` feature: without it, frozen code holding a complex literal does not build.
///
/// ```text
///  Complex  ObjHeader | real f64 | imag f64
/// ```
#[cfg(feature = "complex")]
#[repr(C)]
pub struct Complex {
    /// Type: `complex`.
    pub hdr: ObjHeader,
    /// Real part.
    pub real: f64,
    /// Imaginary part.
    pub imag: f64,
}
#[cfg(feature = "complex")]
impl Complex {
    /// A frozen complex number.
    pub const fn new(real: f64, imag: f64) -> Self {
        Complex { hdr: ObjHeader::of(&COMPLEX_TYPE), real, imag }
    }
}
// SAFETY: repr(C), starts with ObjHeader of type complex; 8-aligned.
#[cfg(feature = "complex")]
unsafe impl RomObject for Complex {}

/// A function frozen whole: a `def` (or class body) the compiler knows runs once per import,
/// with no closure and constant positional defaults. Same layout as a heap function
/// (`obj::function`), with `globals` NULL: a frozen function's globals are the namespace its
/// module first ran in, which the VM records in a per-image table when `MakeRomFunction`
/// first pushes a function of that module (see `obj::function::globals`).
#[repr(C)]
pub struct Function {
    /// Type: `function`.
    pub hdr: ObjHeader,
    /// The code object.
    pub code: Value,
    /// Always NULL (resolved through the module, see above).
    pub globals: Value,
    /// Positional defaults (a frozen tuple) or NULL.
    pub defaults: Value,
}
impl Function {
    /// A frozen function of `code` with positional `defaults` (a frozen tuple, or NULL).
    pub const fn new(code: &'static Code, defaults: Value) -> Self {
        Function { hdr: ObjHeader::of(&FUNCTION_TYPE), code: Value::rom(code), globals: Value::NULL, defaults }
    }
}
// SAFETY: repr(C), starts with ObjHeader of type function, laid out as `obj::function::FuncObj`
// (checked there); word-aligned.
unsafe impl RomObject for Function {}

/// A frozen `staticmethod` or `classmethod` over a frozen function: a method decorated so in
/// a class namespace frozen whole. Same layout as the heap wrappers (`obj::descriptor`).
#[repr(C)]
pub struct Descriptor {
    /// Type: `staticmethod` or `classmethod`.
    pub hdr: ObjHeader,
    /// The wrapped function.
    pub func: Value,
}
impl Descriptor {
    /// `staticmethod(func)`.
    pub const fn staticmethod(func: Value) -> Self {
        Descriptor { hdr: ObjHeader::of(&crate::obj::descriptor::STATICMETHOD_TYPE), func }
    }
    /// `classmethod(func)`.
    pub const fn classmethod(func: Value) -> Self {
        Descriptor { hdr: ObjHeader::of(&crate::obj::descriptor::CLASSMETHOD_TYPE), func }
    }
}
// SAFETY: repr(C), starts with ObjHeader of its type, laid out as `obj::descriptor::Wrapper`
// and `ClassWrapper` (checked there); word-aligned.
unsafe impl RomObject for Descriptor {}

/// A frozen `property` with a getter only (`@property` on a frozen method). Same layout as
/// the heap property (`obj::descriptor::Property`, checked there).
#[repr(C)]
pub struct Property {
    /// Type: `property`.
    pub hdr: ObjHeader,
    /// The getter.
    pub fget: Value,
    /// NULL (no setter).
    pub fset: Value,
    /// NULL (no deleter).
    pub fdel: Value,
}
impl Property {
    /// `property(fget)`.
    pub const fn new(fget: Value) -> Self {
        Property {
            hdr: ObjHeader::of(&crate::obj::descriptor::PROPERTY_TYPE),
            fget,
            fset: Value::NULL,
            fdel: Value::NULL,
        }
    }
}
// SAFETY: repr(C), starts with ObjHeader of type property; word-aligned.
unsafe impl RomObject for Property {}

/// The table of a frozen class namespace: the same layout as a small dict table
/// (`obj::dict`) with str keys, `cap << 2 | 0` then `cap` two-word entries, no index.
/// `W` is the number of entry words (`2 * cap`, at most 16).
#[repr(C)]
pub struct DictTable<const W: usize> {
    /// `cap << 2` (entries store no hash: every key is a str).
    pub head: usize,
    /// `key, value` pairs, in insertion order.
    pub words: [Value; W],
}
impl<const W: usize> DictTable<W> {
    /// A table of `W / 2` entries (`key, value, key, value, ...`; keys distinct qstrs).
    /// Panics (a compile error in a `static`) if `W` is odd or over 16 (a larger table
    /// needs an index).
    pub const fn new(words: [Value; W]) -> Self {
        assert!(W.is_multiple_of(2) && W <= 16, "DictTable: 0 to 8 entries");
        DictTable { head: (W / 2) << DICT_HEAD_SHIFT, words }
    }
}

/// Header bits below the capacity in a dict table's first word (`frostbyte_format::dict`).
pub const DICT_HEAD_SHIFT: u32 = frostbyte_format::dict::HEAD_SHIFT;

/// The names a frozen module body binds, in the order it first binds them, with a hash
/// index: the keys of the module's globals dict, which then keeps only a value per key in
/// the heap (`obj::dict` "split tables"). The layout is a dict table's with one-word
/// entries: `cap << 2 | KEYS` (`frostbyte_format::dict`), `N` distinct qstr keys, then `I` index bytes (entry
/// numbers, `0xFF` empty; `I = 0` for up to 8 keys, which are scanned).
#[repr(C)]
pub struct KeyTable<const N: usize, const I: usize> {
    /// `N << 2 | KEYS` (`frostbyte_format::dict::key_table_head`).
    pub head: usize,
    /// The names (qstrs).
    pub keys: [Value; N],
    /// Open-addressing index over `hashes` (the dict's probe sequence).
    pub index: [u8; I],
}
impl<const N: usize, const I: usize> KeyTable<N, I> {
    /// A key table over `keys`, whose qstr hashes (`frostbyte_format::qstr::qstr_hash`) are
    /// `hashes`. Panics (a compile error in a `static`) unless `I` is the dict's index size
    /// for `N` entries and fits one-byte entries.
    pub const fn new(keys: [Value; N], hashes: [u32; N]) -> Self {
        let mut index = [0u8; I];
        frostbyte_format::dict::fill_index(&hashes, &mut index);
        KeyTable { head: frostbyte_format::dict::key_table_head(N), keys, index }
    }
}

/// A module's [`KeyTable`] with its sizes erased, or none (the module's globals are then
/// an ordinary dict).
#[derive(Clone, Copy)]
pub struct Keys(*const usize);
impl Keys {
    /// No key table.
    pub const NONE: Keys = Keys(core::ptr::null());
    /// The key table `t`.
    pub const fn of<const N: usize, const I: usize>(t: &'static KeyTable<N, I>) -> Keys {
        Keys(t as *const KeyTable<N, I> as *const usize)
    }
    /// The key table at `p`, built at run time (the host loader).
    ///
    /// # Safety
    /// `p` must point at a word-aligned table laid out as a [`KeyTable`] (head
    /// `frostbyte_format::dict::key_table_head(n)`, `n` distinct qstr keys, an index filled by
    /// `frostbyte_format::dict::fill_index` over their hashes), never written or freed while
    /// any VM uses the image.
    pub const unsafe fn from_raw(p: *const usize) -> Keys {
        Keys(p)
    }
    /// The table's address, if any.
    pub fn table(&self) -> Option<*const usize> {
        (!self.0.is_null()).then_some(self.0)
    }
}
// SAFETY: points at an immutable `'static` KeyTable (or is null).
unsafe impl Sync for Keys {}

/// A frozen dict: the namespace a class body frozen whole would build. Same layout as a
/// heap dict (`obj::dict::DictObj`, checked there) without interior mutability, so it
/// links into flash. `BuildRomClass` gives the class a heap dict object that reads this
/// table in place until the first write to the class namespace copies it.
#[repr(C)]
pub struct Dict {
    /// Type: `dict`.
    pub hdr: ObjHeader,
    /// Live entries (== cap).
    pub len: usize,
    /// Entries in use (== cap).
    pub used: usize,
    /// The table ([`DictTable`]).
    pub table: *const usize,
}
impl Dict {
    /// A frozen dict over `table`.
    pub const fn new<const W: usize>(table: &'static DictTable<W>) -> Self {
        Dict {
            hdr: ObjHeader::of(&DICT_TYPE),
            len: W / 2,
            used: W / 2,
            table: table as *const DictTable<W> as *const usize,
        }
    }
}
// SAFETY: `table` points at an immutable `'static` DictTable.
unsafe impl Sync for Dict {}
// SAFETY: repr(C), starts with ObjHeader of type dict, laid out as `obj::dict::DictObj`
// (checked there); word-aligned.
unsafe impl RomObject for Dict {}

/// A code object: one function, lambda, comprehension, class body or module body.
///
/// ```text
///  32-bit offsets (64-bit: pointers 8 bytes, 56 bytes in all)
///  +0   hdr         *const Type      code
///  +4   name        Value            qualified name (qstr)
///  +8   module      &CodeModule      file and name table, shared by the module's code objects
///  +12  values      *const Value     n_consts constants, then n_locals local names (qstrs)
///  +16  blob        *const u8        bytecode (bc_len bytes), cold counts, line and
///                                    exception tables (frostbyte_format::codeblob)
///  +20  flags u16 | +22 n_posargs u16 | +24 n_locals u16 | +26 stack_size u16
///  +28  n_consts u16 | +30 bc_len u16                               32 bytes on 32-bit
/// ```
/// Built only by [`Code::new`], which checks in `const` context that `values` and `blob`
/// have the lengths the counts say, so the accessors can rebuild the slices.
#[repr(C)]
pub struct Code {
    /// Type: `code`.
    pub hdr: ObjHeader,
    /// Qualified name (qstr), e.g. `<module>`, `f`, `C.m`, `f.<locals>.g`, `<lambda>`,
    /// `f.<locals>.<lambda>`, `C` for a class body. The short name (`__name__`, the
    /// traceback's `in <name>`) is its last dot-separated component; `__qualname__` and
    /// CPython's qualified error messages (`C.m() missing 1 required ...`) use all of it.
    pub name: Value,
    /// The defining module's file and name table.
    pub module: &'static CodeModule,
    values: *const Value,
    blob: *const u8,
    /// `frostbyte_format::CodeFlags` bits.
    pub flags: u16,
    /// Positional parameters, including positional-only ones.
    pub n_posargs: u16,
    /// Total local slots (parameters, other locals, cells, free variables).
    pub n_locals: u16,
    /// Maximum value-stack depth.
    pub stack_size: u16,
    n_consts: u16,
    bc_len: u16,
}
// SAFETY: repr(C), starts with ObjHeader of type code; pointer-aligned.
unsafe impl RomObject for Code {}
// SAFETY: all fields are immutable data or Values (which are Sync); the raw pointers point
// into `'static` immutable arrays.
unsafe impl Sync for Code {}

// The layout drawn on `Code` (and the 4-byte qstr head) on every 32-bit target.
#[cfg(target_pointer_width = "32")]
const _: () = assert!(core::mem::size_of::<Code>() == 32 && core::mem::size_of::<Qstr<1>>() == 8);

/// What the code objects of one module share: its file and its name table.
#[repr(C)]
pub struct CodeModule {
    /// Source file as given to the compiler (qstr), used in tracebacks and `__file__`.
    pub file: Value,
    /// The module's name table (qstrs): `LoadName n`, `LoadAttr n`, ... use `names[n]`.
    pub names: &'static [Value],
    /// The module's position in its image's module list (finds the namespace its frozen
    /// functions use, see `obj::function`).
    pub index: u32,
}

impl Code {
    /// A code object. `values` holds `n_consts` constants followed by the local names
    /// (`n_locals` of them); `blob` is a `frostbyte_format::codeblob` whose bytecode is
    /// `bc_len` bytes. Panics (a compile error in a `static`) if the lengths disagree.
    #[allow(clippy::too_many_arguments)]
    pub const fn new(
        name: Value,
        module: &'static CodeModule,
        values: &'static [Value],
        n_consts: u16,
        blob: &'static [u8],
        bc_len: u16,
        flags: u16,
        n_posargs: u16,
        n_locals: u16,
        stack_size: u16,
    ) -> Code {
        assert!(values.len() == n_consts as usize + n_locals as usize, "code: values length");
        assert!(frostbyte_format::codeblob::blob_len(blob, bc_len as usize).is_some(), "code: malformed blob");
        Code {
            hdr: CODE_HEADER,
            name,
            module,
            values: values.as_ptr(),
            blob: blob.as_ptr(),
            flags,
            n_posargs,
            n_locals,
            stack_size,
            n_consts,
            bc_len,
        }
    }

    /// The bytecode (see `frostbyte_format::op`).
    #[inline]
    pub fn bytecode(&self) -> &'static [u8] {
        // SAFETY: `new` checked that the blob starts with `bc_len` bytes of bytecode; the
        // blob is a `'static` immutable array.
        unsafe { core::slice::from_raw_parts(self.blob, self.bc_len as usize) }
    }

    /// Constants: `LoadConst k` pushes `consts()[k]`. Nested code objects live here too.
    #[inline]
    pub fn consts(&self) -> &'static [Value] {
        // SAFETY: `new` checked that `values` has `n_consts + n_locals` entries.
        unsafe { core::slice::from_raw_parts(self.values, self.n_consts as usize) }
    }

    /// Names of the local slots (qstrs), `n_locals` entries.
    #[inline]
    pub fn local_names(&self) -> &'static [Value] {
        // SAFETY: as in `consts`; the local names follow the constants.
        unsafe { core::slice::from_raw_parts(self.values.add(self.n_consts as usize), self.n_locals as usize) }
    }

    /// The module's name table.
    #[inline]
    pub fn names(&self) -> &'static [Value] {
        self.module.names
    }

    /// Source file (qstr).
    #[inline]
    pub fn file(&self) -> Value {
        self.module.file
    }

    /// The first `N` varuints after the bytecode and the offset just past them.
    #[inline]
    fn tail_fields<const N: usize>(&self) -> ([usize; N], usize) {
        // `new` checked that six well-formed varuints follow the bytecode (N <= 6), so no
        // read leaves the blob.
        let mut pos = self.bc_len as usize;
        let mut out = [0usize; N];
        for c in out.iter_mut() {
            let mut v = 0usize;
            let mut shift = 0;
            loop {
                // SAFETY: `pos` stays inside the validated header (see above).
                let b = unsafe { *self.blob.add(pos) };
                pos += 1;
                v |= ((b & 0x7f) as usize) << shift;
                shift += 7;
                if b & 0x80 == 0 {
                    break;
                }
            }
            *c = v;
        }
        (out, pos)
    }

    /// The whole blob.
    fn blob(&self) -> &'static [u8] {
        let (c, pos) = self.tail_fields::<6>();
        // SAFETY: `new` checked that the blob is exactly header + both tables long.
        unsafe { core::slice::from_raw_parts(self.blob, pos + c[4] + c[5]) }
    }

    /// The fields stored after the bytecode.
    #[inline]
    pub fn tail(&self) -> frostbyte_format::codeblob::Tail<'static> {
        // `new` validated the blob, so decoding cannot fail.
        frostbyte_format::codeblob::tail(self.blob(), self.bc_len as usize).unwrap_or(
            frostbyte_format::codeblob::Tail {
                n_kwonly: 0,
                n_free: 0,
                n_posonly: 0,
                first_line: 0,
                line_table: &[],
                exc_table: &[],
            },
        )
    }

    /// Keyword-only parameters (they follow the positional ones in the slots).
    #[inline]
    pub fn n_kwonly(&self) -> u16 {
        self.tail_fields::<1>().0[0] as u16
    }

    /// Free variables: the last `n_free` slots, filled from the closure.
    #[inline]
    pub fn n_free(&self) -> u16 {
        self.tail_fields::<2>().0[1] as u16
    }

    /// How many of the positional parameters are positional-only.
    #[inline]
    pub fn n_posonly(&self) -> u16 {
        self.tail_fields::<3>().0[2] as u16
    }

    /// Line of the `def` (or 1 for a module).
    #[inline]
    pub fn first_line(&self) -> u32 {
        self.tail_fields::<4>().0[3] as u32
    }

    /// Line table (`frostbyte_format::linetable`).
    #[inline]
    pub fn line_table(&self) -> &'static [u8] {
        self.tail().line_table
    }

    /// Exception table (`frostbyte_format::exctable`).
    #[inline]
    pub fn exc_table(&self) -> &'static [u8] {
        self.tail().exc_table
    }
}

/// Header for code objects (the emitter writes `hdr: CODE_HEADER`).
pub const CODE_HEADER: ObjHeader = ObjHeader::of(&CODE_TYPE);

/// One frozen module of an image.
#[repr(C)]
pub struct FrozenModule {
    /// Full dotted module name (qstr), e.g. `sensor.filters`.
    pub name: Value,
    /// True for a package (`__init__.py`).
    pub is_package: bool,
    /// The module body.
    pub code: &'static Code,
    /// The names the body binds: the keys of the module's globals (see [`KeyTable`]).
    pub keys: Keys,
}

/// A frozen image: the output of one `include_python!` or one build.rs `Config`.
#[repr(C)]
pub struct Image {
    /// `frostbyte_format::VERSION` of the compiler that produced the image.
    pub version: u32,
    /// Modules, sorted by name.
    pub modules: &'static [FrozenModule],
}

/// The format version this VM executes. Generated code asserts equality with the
/// version it was generated for, so a mismatch is a compile error.
pub const FORMAT_VERSION: u32 = frostbyte_format::VERSION;

/// The namespace of a built-in standard module (`modules::*`): a dict table of `N`
/// str-keyed entries with its index, the layout of a heap dict table (`obj::dict`):
/// `N << 2`, `N` two-word entries `key, value`, then `I` one-byte index slots (`0xFF`
/// empty; `I = 0` for up to 8 entries, which are scanned).
#[repr(C)]
pub struct ModuleTable<const N: usize, const I: usize> {
    /// `N << 2` (entries store no hash: every key is a str).
    pub head: usize,
    /// `key, value` pairs (keys distinct qstrs).
    pub entries: [[Value; 2]; N],
    /// Open-addressing index (the dict's probe sequence over the key hashes).
    pub index: [u8; I],
}
impl<const N: usize, const I: usize> ModuleTable<N, I> {
    /// A table over `entries`, whose keys' qstr hashes are `hashes`. Panics (a compile
    /// error in a `static`) unless `I` is the dict's index size for `N` entries and fits
    /// one-byte slots.
    pub const fn new(entries: [[Value; 2]; N], hashes: [u32; N]) -> Self {
        let mut index = [0u8; I];
        frostbyte_format::dict::fill_index(&hashes, &mut index);
        ModuleTable { head: N << DICT_HEAD_SHIFT, entries, index }
    }
}

impl Dict {
    /// A frozen dict over a module table.
    pub const fn of_module<const N: usize, const I: usize>(table: &'static ModuleTable<N, I>) -> Self {
        Dict {
            hdr: ObjHeader::of(&DICT_TYPE),
            len: N,
            used: N,
            table: table as *const ModuleTable<N, I> as *const usize,
        }
    }
}

/// A built-in standard module, all in flash: the layout of a heap module
/// (`obj::module::ModuleObj`, checked there) over a frozen dict, so `import` allocates
/// nothing but its `sys.modules` entry. Its namespace is read-only (a ROM dict).
#[repr(C)]
pub struct Module {
    /// Type: `module`.
    pub hdr: ObjHeader,
    /// The namespace (a [`Dict`]).
    pub dict: Value,
    /// The module's name (a qstr).
    pub name: Value,
}
impl Module {
    /// The module `name` with namespace `dict`.
    #[allow(dead_code)] // used by the standard modules (`rom_module!`), each optional
    pub const fn new(dict: &'static Dict, name: Value) -> Self {
        Module { hdr: ObjHeader::of(&crate::obj::module::MODULE_TYPE), dict: Value::rom(dict), name }
    }
}
// SAFETY: repr(C), starts with ObjHeader of type module; word-aligned.
unsafe impl RomObject for Module {}
