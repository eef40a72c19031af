//! The one-word tagged Python value.
//!
//! A [`Value`] is exactly one machine word (32 or 64 bits; the same code serves both).
//! Its low bits say what it is:
//!
//! ```text
//!   bit:  W-1 ........................................ 2   1   0
//!        +--------------------------------------------+---+---+
//!        |  signed integer (W-1 bits)                     | 1 |  small int: value = word >> 1
//!        +--------------------------------------------+---+---+
//!        |  address of a QstrHdr (4-aligned, >= 32)   | 1 | 0 |  qstr: address + 0b10
//!        +--------------------------------------------+---+---+
//!        |  k (0..=4), word < 32                      | 1 | 0 |  immediate: k << 2 | 0b10
//!        +--------------------------------------------+---+---+  (0 None, 1 False, 2 True,
//!        |  address of an object (4-aligned)          | 0 | 0 |   3 Ellipsis, 4 NotImpl.)
//!        +--------------------------------------------+---+---+  object pointer (heap/ROM)
//!   word 0 (a null object pointer) is NULL: the VM's "empty slot" sentinel, never a
//!   Python-visible value (unbound local, LOAD_METHOD's "no self", dict tombstone...).
//! ```
//!
//! Qstrs and immediates share the tag `10`: an immediate is a word below [`IMM_LIMIT`]
//! (32), a qstr is the address of its head plus 2. No qstr lives below address 32 (that
//! is the null page on hosts, the vector table on Cortex-M, below the data segment on
//! wasm; `Value::qstr_from_hdr` asserts it for run-time qstrs).
//!
//! Small ints therefore cover 31 bits on 32-bit targets and 63 bits on 64-bit ones; larger
//! ints are big-int objects. An object pointer points at a struct whose first field is its
//! type pointer ([`crate::rom::ObjHeader`]); the heap module tells heap objects from ROM
//! (static) objects by address.
//!
//! All constructors are `const fn`, so frozen constant tables are plain `static` arrays of
//! `Value`s, resolved by the linker, never decoded at run time.

use core::fmt;

/// One tagged machine word. See the module documentation for the layout.
#[derive(Clone, Copy, PartialEq, Eq)]
#[repr(transparent)]
pub struct Value(*const u8);

// SAFETY: a Value is an immutable word. Pointer-valued Values in statics point at ROM
// objects, which are never written; heap pointers are only dereferenced by the single VM
// that owns the heap (the VM is not Sync itself).
unsafe impl Sync for Value {}
// `Value` is deliberately not `Send`: a heap pointer means nothing outside its VM's thread.
// Statics of generated code only need `Sync`.

const TAG_INT: usize = 0b1;
const TAG_QSTR: usize = 0b10;
/// Immediates are the words below this (with tag `10`); qstr heads live at or above it.
pub const IMM_LIMIT: usize = 32;

/// Number of value bits in a small int (31 or 63).
#[allow(dead_code)]
pub const SMALL_INT_BITS: u32 = usize::BITS - 1;
/// Smallest small int.
pub const SMALL_INT_MIN: isize = isize::MIN >> 1;
/// Largest small int.
pub const SMALL_INT_MAX: isize = isize::MAX >> 1;

impl Value {
    /// The empty-slot sentinel. Not a Python value.
    pub const NULL: Value = Value(core::ptr::null());
    /// `None`.
    pub const NONE: Value = Value::imm(0);
    /// `False`.
    pub const FALSE: Value = Value::imm(1);
    /// `True`.
    pub const TRUE: Value = Value::imm(2);
    /// `Ellipsis` (`...`).
    pub const ELLIPSIS: Value = Value::imm(3);
    /// `NotImplemented`.
    pub const NOT_IMPLEMENTED: Value = Value::imm(4);

    const fn imm(k: usize) -> Value {
        Value(core::ptr::without_provenance(k << 2 | TAG_QSTR))
    }

    /// A small int. The caller guarantees `SMALL_INT_MIN <= i <= SMALL_INT_MAX`; use
    /// [`Value::try_small_int`] otherwise. Frozen data only uses 31-bit values here, so
    /// it is valid on every target.
    pub const fn small_int(i: isize) -> Value {
        Value(core::ptr::without_provenance(((i << 1) as usize) | TAG_INT))
    }

    /// A small int if `i` fits.
    pub const fn try_small_int(i: i64) -> Option<Value> {
        if i >= SMALL_INT_MIN as i64 && i <= SMALL_INT_MAX as i64 {
            Some(Value::small_int(i as isize))
        } else {
            None
        }
    }

    /// `True` or `False`.
    pub const fn bool(b: bool) -> Value {
        if b {
            Value::TRUE
        } else {
            Value::FALSE
        }
    }

    /// A qstr value pointing at a frozen qstr.
    pub const fn qstr<const N: usize>(q: &'static crate::rom::Qstr<N>) -> Value {
        Value((q as *const crate::rom::Qstr<N> as *const u8).wrapping_add(TAG_QSTR))
    }

    /// A qstr value from a type-erased header pointer.
    ///
    /// # Safety
    /// `hdr` must point at a `QstrHdr` that is 4-aligned, at an address of at least
    /// [`IMM_LIMIT`], followed by its text (see `frostbyte_format::qstr`), and never freed
    /// or written while the VM may see the value.
    pub unsafe fn qstr_from_hdr(hdr: *const crate::rom::QstrHdr) -> Value {
        assert!(hdr.addr() >= IMM_LIMIT && hdr.addr().is_multiple_of(4), "qstr head address");
        Value((hdr as *const u8).wrapping_add(TAG_QSTR))
    }

    /// An object-pointer value for a ROM (static) object.
    pub const fn rom<T: crate::rom::RomObject>(o: &'static T) -> Value {
        Value(o as *const T as *const u8)
    }

    /// An object-pointer value from a raw object pointer (heap or ROM).
    ///
    /// # Safety
    /// `p` must be null or point at a live object that starts with an `ObjHeader`, is at
    /// least 4-aligned, and stays valid while the value is reachable.
    pub const unsafe fn from_obj_ptr(p: *const u8) -> Value {
        Value(p)
    }

    /// The raw word.
    #[inline(always)]
    pub fn bits(self) -> usize {
        self.0.addr()
    }

    /// The raw pointer (meaningful for object and qstr values only).
    #[inline(always)]
    pub const fn as_ptr(self) -> *const u8 {
        self.0
    }

    /// Is this the NULL sentinel?
    #[inline(always)]
    pub fn is_null(self) -> bool {
        self.0.is_null()
    }

    /// Is this a small int?
    #[inline(always)]
    pub fn is_small_int(self) -> bool {
        self.bits() & TAG_INT != 0
    }

    /// The small int, if this is one.
    #[inline(always)]
    pub fn as_small_int(self) -> Option<isize> {
        if self.is_small_int() {
            Some((self.bits() as isize) >> 1)
        } else {
            None
        }
    }

    /// Is this a qstr?
    #[inline(always)]
    pub fn is_qstr(self) -> bool {
        self.bits() & 0b11 == TAG_QSTR && self.bits() >= IMM_LIMIT
    }

    /// Is this one of the immediate constants (None, True, False, Ellipsis, NotImplemented)?
    #[inline(always)]
    pub fn is_imm(self) -> bool {
        self.bits() & 0b11 == TAG_QSTR && self.bits() < IMM_LIMIT
    }

    /// Is this an object pointer (heap or ROM), excluding NULL?
    #[inline(always)]
    pub fn is_obj(self) -> bool {
        self.bits() & 0b11 == 0 && !self.is_null()
    }

    /// The qstr header, if this is a qstr.
    #[inline(always)]
    pub fn as_qstr_hdr(self) -> Option<*const crate::rom::QstrHdr> {
        if self.is_qstr() {
            Some(self.0.wrapping_sub(TAG_QSTR) as *const crate::rom::QstrHdr)
        } else {
            None
        }
    }

    /// The object pointer, if this is an object.
    #[inline(always)]
    pub fn as_obj_ptr(self) -> Option<*const crate::rom::ObjHeader> {
        if self.is_obj() {
            Some(self.0 as *const crate::rom::ObjHeader)
        } else {
            None
        }
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(i) = self.as_small_int() {
            write!(f, "Int({i})")
        } else if self.is_null() {
            f.write_str("NULL")
        } else if *self == Value::NONE {
            f.write_str("None")
        } else if *self == Value::TRUE {
            f.write_str("True")
        } else if *self == Value::FALSE {
            f.write_str("False")
        } else if self.is_qstr() {
            write!(f, "Qstr({:p})", self.0)
        } else {
            write!(f, "Obj({:p})", self.0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_ints() {
        for i in [0isize, 1, -1, 12345, -99999, SMALL_INT_MAX, SMALL_INT_MIN] {
            let v = Value::small_int(i);
            assert!(v.is_small_int() && !v.is_qstr() && !v.is_obj() && !v.is_imm());
            assert_eq!(v.as_small_int(), Some(i));
        }
        assert!(Value::try_small_int(SMALL_INT_MAX as i64 + 1).is_none());
    }

    #[test]
    fn immediates_distinct() {
        let all = [Value::NONE, Value::FALSE, Value::TRUE, Value::ELLIPSIS, Value::NOT_IMPLEMENTED];
        for (i, a) in all.iter().enumerate() {
            assert!(a.is_imm() && !a.is_obj() && !a.is_small_int() && !a.is_qstr());
            for b in &all[i + 1..] {
                assert_ne!(a, b);
            }
        }
        assert!(!Value::NULL.is_obj() && Value::NULL.is_null());
    }

    #[test]
    fn qstr_round_trip() {
        static Q: crate::rom::Qstr<3> = crate::rom::Qstr::new(*b"abc");
        let v = Value::qstr(&Q);
        assert!(v.is_qstr() && !v.is_obj());
        assert_eq!(v.as_qstr_hdr().unwrap() as usize, &Q as *const _ as usize);
        let p = v.as_qstr_hdr().unwrap();
        // SAFETY: `v` points at the static `Q`.
        let h = unsafe { &*p };
        // SAFETY: as above; `p` (not `h`) reaches the text after the head.
        assert_eq!(unsafe { crate::rom::QstrHdr::as_str(p) }, "abc");
        assert_eq!(h.hash(), frostbyte_format::qstr_hash(b"abc"));
        assert_eq!(core::mem::size_of::<crate::rom::Qstr<3>>(), 8);
        assert_eq!(core::mem::size_of::<crate::rom::Qstr<5>>(), 12);
    }

    #[test]
    fn qstr_long_form() {
        const TEXT: &[u8; 130] = &[b'y'; 130];
        const fn long() -> [u8; 134] {
            let mut a = [0u8; 134];
            let l = (TEXT.len() as u32).to_le_bytes();
            a[0] = l[0];
            a[1] = l[1];
            a[2] = l[2];
            a[3] = l[3];
            let mut i = 0;
            while i < TEXT.len() {
                a[4 + i] = TEXT[i];
                i += 1;
            }
            a
        }
        static Q: crate::rom::Qstr<134> = crate::rom::Qstr::with_head(frostbyte_format::qstr::head(TEXT), long());
        // SAFETY: `Q` is a well-formed long-form qstr.
        let s = unsafe { crate::rom::QstrHdr::as_str(Value::qstr(&Q).as_qstr_hdr().unwrap()) };
        assert_eq!(s.as_bytes(), &TEXT[..]);
    }
}
