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
//!  Qstr<N>      align 8 | +0 hash u32 | +4 len_flags u32 | +8 bytes [u8; N]   (no header:
//!               a qstr Value points here, tagged 0b010; see frostbyte_format::qstr)
//!  Tuple<N>     ObjHeader | len usize | items [Value; N]
//!  Bytes<N>     ObjHeader | len usize | data [u8; N]
//!  Int<N>       ObjHeader | size isize (sign = sign of the number, |size| = digit count)
//!               | digits [u32; N]  (magnitude, base 2^32, least significant first,
//!               no leading zero digits; N >= 1; the value lies outside the 31-bit
//!               small-int range, but may fit a 64-bit small int)
//!  Float        ObjHeader | value f64
//!  Code         ObjHeader | fields of [`Code`]
//! ```
//! Frozen `str` constants are always qstrs, so there is no ROM str object.

use crate::obj::{Type, BYTES_TYPE, CODE_TYPE, FLOAT_TYPE, INT_TYPE, TUPLE_TYPE};
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

/// The type-erased head of a qstr: hash and length, followed in memory by the bytes.
#[repr(C, align(8))]
#[derive(Debug)]
pub struct QstrHdr {
    /// `frostbyte_format::qstr_hash` of the bytes.
    pub hash: u32,
    /// Byte length, with `frostbyte_format::qstr::NON_ASCII` set for non-ASCII text.
    pub len_flags: u32,
}

impl QstrHdr {
    /// Byte length.
    #[inline]
    pub fn len(&self) -> usize {
        (self.len_flags & !frostbyte_format::qstr::NON_ASCII) as usize
    }
    /// Is the text empty?
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Is the text pure ASCII?
    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.len_flags & frostbyte_format::qstr::NON_ASCII == 0
    }
    /// The UTF-8 text.
    ///
    /// # Safety
    /// `self` must be the header of a qstr: followed by `len()` valid UTF-8 bytes.
    #[inline]
    pub unsafe fn as_str(&self) -> &str {
        // SAFETY: per the contract, the bytes follow the 8-byte header and are UTF-8.
        unsafe {
            let p = (self as *const QstrHdr as *const u8).add(core::mem::size_of::<QstrHdr>());
            core::str::from_utf8_unchecked(core::slice::from_raw_parts(p, self.len()))
        }
    }
}

/// A frozen qstr with its text inline.
#[repr(C, align(8))]
#[derive(Debug)]
pub struct Qstr<const N: usize> {
    /// Hash and length.
    pub hdr: QstrHdr,
    /// UTF-8 bytes.
    pub bytes: [u8; N],
}

impl<const N: usize> Qstr<N> {
    /// A qstr whose hash and flags are computed at compile time.
    pub const fn new(bytes: [u8; N]) -> Self {
        Qstr {
            hdr: QstrHdr {
                hash: frostbyte_format::qstr_hash(&bytes),
                len_flags: frostbyte_format::qstr::len_flags(&bytes),
            },
            bytes,
        }
    }
    /// A qstr with a precomputed hash and flags (what the emitter writes).
    pub const fn with_hash(hash: u32, len_flags: u32, bytes: [u8; N]) -> Self {
        Qstr { hdr: QstrHdr { hash, len_flags }, bytes }
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

/// A code object: one function, lambda, comprehension, class body or module body.
#[repr(C)]
pub struct Code {
    /// Type: `code`.
    pub hdr: ObjHeader,
    /// Qualified name (qstr), e.g. `<module>`, `f`, `C.m`, `f.<locals>.g`, `<lambda>`,
    /// `f.<locals>.<lambda>`, `C` for a class body. The short name (`__name__`, the
    /// traceback's `in <name>`) is its last dot-separated component; `__qualname__` and
    /// CPython's qualified error messages (`C.m() missing 1 required ...`) use all of it.
    pub name: Value,
    /// Source file as given to the compiler (qstr), used in tracebacks.
    pub file: Value,
    /// `frostbyte_format::CodeFlags` bits.
    pub flags: u16,
    /// Positional parameters, including positional-only ones.
    pub n_posargs: u16,
    /// How many of the positional parameters are positional-only.
    pub n_posonly: u16,
    /// Keyword-only parameters (they follow the positional ones in the slots).
    pub n_kwonly: u16,
    /// Total local slots (parameters, other locals, cells, free variables).
    pub n_locals: u16,
    /// Free variables: the last `n_free` slots, filled from the closure.
    pub n_free: u16,
    /// Maximum value-stack depth.
    pub stack_size: u16,
    /// Line of the `def` (or 1 for a module).
    pub first_line: u32,
    /// The bytecode (see `frostbyte_format::op`).
    pub bytecode: &'static [u8],
    /// Constants: `LoadConst k` pushes `consts[k]`. Nested code objects live here too.
    pub consts: &'static [Value],
    /// The module's name table (qstrs), shared by every code object of the module.
    pub names: &'static [Value],
    /// Names of the local slots (qstrs), `n_locals` entries.
    pub local_names: &'static [Value],
    /// Line table (`frostbyte_format::linetable`).
    pub line_table: &'static [u8],
    /// Exception table (`frostbyte_format::exctable`).
    pub exc_table: &'static [u8],
}
// SAFETY: repr(C), starts with ObjHeader of type code; pointer-aligned.
unsafe impl RomObject for Code {}
// SAFETY: all fields are immutable data or Values (which are Sync).
unsafe impl Sync for Code {}

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
