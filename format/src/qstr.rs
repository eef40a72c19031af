//! Qstrs: interned, immutable strings with a precomputed hash.
//!
//! Frozen qstrs are `static` items laid out as (see the VM's `rom::Qstr`):
//! ```text
//!  align 4
//!  +0  u32 head   bits 0..6: byte length 0..=126, or 127 (LONG): long form
//!                 bit 7:     1 if the text is not pure ASCII
//!                 bits 8..31: qstr_hash(bytes) (24 bits)
//!  +4  [u8; len]  UTF-8 bytes                       (short form, len <= 126)
//!  +4  u32 len, little-endian bytes; +8 [u8; len]   (long form)
//! ```
//! A value word tagged as qstr points at such a header (see the VM's `value` module).
//! Identity across images: two images may each carry a qstr with the same text; the VM
//! compares pointers first, then hash, length and bytes, so they compare equal.
//! Heap strs keep a full `u32` length (`len_flags`) and the same 24-bit hash.

/// Flag bit in `len_flags` (heap strs): the text contains non-ASCII characters.
pub const NON_ASCII: u32 = 1 << 31;
/// Flag bit in a qstr `head`: the text contains non-ASCII characters.
pub const HEAD_NON_ASCII: u32 = 1 << 7;
/// Length field of a qstr `head` meaning "long form: a u32 length follows".
pub const LONG: u32 = 127;

/// The string hash used everywhere in Frostbyte (qstrs and heap strings alike):
/// 32-bit FNV-1a folded to 24 bits, so it fits a qstr head word. Python-visible
/// `hash(str)` is derived from it (CPython randomises str hashes, so no program can
/// depend on their values).
pub const fn qstr_hash(bytes: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    let mut i = 0;
    while i < bytes.len() {
        h ^= bytes[i] as u32;
        h = h.wrapping_mul(0x0100_0193);
        i += 1;
    }
    (h ^ (h >> 24)) & 0x00ff_ffff
}

/// Is the text pure ASCII?
pub const fn is_ascii(bytes: &[u8]) -> bool {
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] >= 0x80 {
            return false;
        }
        i += 1;
    }
    true
}

/// The `head` word of a frozen qstr for a text (see the module diagram).
pub const fn head(bytes: &[u8]) -> u32 {
    let len = if bytes.len() < LONG as usize { bytes.len() as u32 } else { LONG };
    qstr_hash(bytes) << 8 | if is_ascii(bytes) { 0 } else { HEAD_NON_ASCII } | len
}

/// Is a qstr with this `head` in the long form (a u32 length between head and text)?
pub const fn is_long(head: u32) -> bool {
    head & 0x7f == LONG
}

/// Offset of the text from the head word: 4, or 8 in the long form.
pub const fn text_offset(head: u32) -> usize {
    if is_long(head) {
        8
    } else {
        4
    }
}

/// The bytes that follow the head word of the qstr of a text of `len` bytes: the long form's
/// length (little-endian), or nothing; the text follows them.
pub const fn length_prefix(len: usize) -> ([u8; 4], usize) {
    if len < LONG as usize {
        ([0; 4], 0)
    } else {
        ((len as u32).to_le_bytes(), 4)
    }
}

/// `len_flags` field for a text.
pub const fn len_flags(bytes: &[u8]) -> u32 {
    let mut ascii = true;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] >= 0x80 {
            ascii = false;
        }
        i += 1;
    }
    bytes.len() as u32 | if ascii { 0 } else { NON_ASCII }
}

/// Calls `$m!` with the list of built-in qstrs as `(IDENT, "text"),*`.
///
/// The VM defines one `static` per entry (named `Q_<IDENT>`); the emitter refers to those
/// statics instead of emitting its own copy whenever a module uses one of these names, so
/// the common names (methods, dunders, builtins) compare by pointer. The list is part of
/// the format: its fingerprint feeds [`crate::VERSION`].
#[macro_export]
macro_rules! for_each_builtin_qstr {
    ($m:ident) => {
        $m! {
            (EMPTY, ""),
            (MODULE, "<module>"),
            (LAMBDA, "<lambda>"),
            (LISTCOMP, "<listcomp>"),
            (DICTCOMP, "<dictcomp>"),
            (SETCOMP, "<setcomp>"),
            (GENEXPR, "<genexpr>"),
            (__name__, "__name__"),
            (__main__, "__main__"),
            (__init__, "__init__"),
            (__new__, "__new__"),
            (__class__, "__class__"),
            (__dict__, "__dict__"),
            (__doc__, "__doc__"),
            (__module__, "__module__"),
            (__qualname__, "__qualname__"),
            (__file__, "__file__"),
            (__package__, "__package__"),
            (__path__, "__path__"),
            (__build_class__, "__build_class__"),
            (__str__, "__str__"),
            (__repr__, "__repr__"),
            (__format__, "__format__"),
            (__hash__, "__hash__"),
            (__eq__, "__eq__"),
            (__ne__, "__ne__"),
            (__lt__, "__lt__"),
            (__le__, "__le__"),
            (__gt__, "__gt__"),
            (__ge__, "__ge__"),
            (__len__, "__len__"),
            (__bool__, "__bool__"),
            (__getitem__, "__getitem__"),
            (__setitem__, "__setitem__"),
            (__delitem__, "__delitem__"),
            (__contains__, "__contains__"),
            (__iter__, "__iter__"),
            (__next__, "__next__"),
            (__call__, "__call__"),
            (__getattr__, "__getattr__"),
            (__setattr__, "__setattr__"),
            (__add__, "__add__"),
            (__sub__, "__sub__"),
            (__mul__, "__mul__"),
            (__truediv__, "__truediv__"),
            (__floordiv__, "__floordiv__"),
            (__mod__, "__mod__"),
            (__pow__, "__pow__"),
            (__matmul__, "__matmul__"),
            (__lshift__, "__lshift__"),
            (__rshift__, "__rshift__"),
            (__and__, "__and__"),
            (__or__, "__or__"),
            (__xor__, "__xor__"),
            (__radd__, "__radd__"),
            (__rsub__, "__rsub__"),
            (__rmul__, "__rmul__"),
            (__rtruediv__, "__rtruediv__"),
            (__rfloordiv__, "__rfloordiv__"),
            (__rmod__, "__rmod__"),
            (__rpow__, "__rpow__"),
            (__iadd__, "__iadd__"),
            (__isub__, "__isub__"),
            (__imul__, "__imul__"),
            (__neg__, "__neg__"),
            (__pos__, "__pos__"),
            (__invert__, "__invert__"),
            (__abs__, "__abs__"),
            (__int__, "__int__"),
            (__float__, "__float__"),
            (__index__, "__index__"),
            (__enter__, "__enter__"),
            (__exit__, "__exit__"),
            (__reversed__, "__reversed__"),
            (__classcell__, "__classcell__"),
            (args, "args"),
            (self_, "self"),
            (cls, "cls"),
            (append, "append"),
            (extend, "extend"),
            (pop, "pop"),
            (insert, "insert"),
            (remove, "remove"),
            (index, "index"),
            (count, "count"),
            (sort, "sort"),
            (reverse, "reverse"),
            (clear, "clear"),
            (copy, "copy"),
            (get, "get"),
            (items, "items"),
            (keys, "keys"),
            (values, "values"),
            (update, "update"),
            (setdefault, "setdefault"),
            (popitem, "popitem"),
            (add, "add"),
            (discard, "discard"),
            (union, "union"),
            (intersection, "intersection"),
            (difference, "difference"),
            (symmetric_difference, "symmetric_difference"),
            (issubset, "issubset"),
            (issuperset, "issuperset"),
            (isdisjoint, "isdisjoint"),
            (split, "split"),
            (rsplit, "rsplit"),
            (splitlines, "splitlines"),
            (join, "join"),
            (strip, "strip"),
            (lstrip, "lstrip"),
            (rstrip, "rstrip"),
            (replace, "replace"),
            (startswith, "startswith"),
            (endswith, "endswith"),
            (find, "find"),
            (rfind, "rfind"),
            (rindex, "rindex"),
            (format, "format"),
            (upper, "upper"),
            (lower, "lower"),
            (capitalize, "capitalize"),
            (title, "title"),
            (swapcase, "swapcase"),
            (center, "center"),
            (ljust, "ljust"),
            (rjust, "rjust"),
            (zfill, "zfill"),
            (partition, "partition"),
            (rpartition, "rpartition"),
            (isdigit, "isdigit"),
            (isalpha, "isalpha"),
            (isalnum, "isalnum"),
            (isspace, "isspace"),
            (isupper, "isupper"),
            (islower, "islower"),
            (isidentifier, "isidentifier"),
            (encode, "encode"),
            (decode, "decode"),
            (hex, "hex"),
            (fromkeys, "fromkeys"),
            (send, "send"),
            (throw, "throw"),
            (close, "close"),
            (start, "start"),
            (stop, "stop"),
            (step, "step"),
            (real, "real"),
            (imag, "imag"),
            (conjugate, "conjugate"),
            (bit_length, "bit_length"),
            (to_bytes, "to_bytes"),
            (from_bytes, "from_bytes"),
            (is_integer, "is_integer"),
            (key, "key"),
            (sep, "sep"),
            (end, "end"),
            (file, "file"),
            (flush, "flush"),
            (print, "print"),
            (len, "len"),
            (range, "range"),
            (enumerate, "enumerate"),
            (zip, "zip"),
            (min, "min"),
            (max, "max"),
            (sum, "sum"),
            (abs, "abs"),
            (sorted, "sorted"),
            (reversed, "reversed"),
            (repr, "repr"),
            (str, "str"),
            (int, "int"),
            (float, "float"),
            (bool, "bool"),
            (list, "list"),
            (tuple, "tuple"),
            (dict, "dict"),
            (set, "set"),
            (frozenset, "frozenset"),
            (bytes, "bytes"),
            (bytearray, "bytearray"),
            (slice, "slice"),
            (object, "object"),
            (type_, "type"),
            (super_, "super"),
            (isinstance, "isinstance"),
            (issubclass, "issubclass"),
            (getattr, "getattr"),
            (setattr, "setattr"),
            (hasattr, "hasattr"),
            (delattr, "delattr"),
            (iter, "iter"),
            (next, "next"),
            (id, "id"),
            (hash, "hash"),
            (chr, "chr"),
            (ord, "ord"),
            (any, "any"),
            (all, "all"),
            (map, "map"),
            (filter, "filter"),
            (round, "round"),
            (divmod, "divmod"),
            (pow, "pow"),
            (bin, "bin"),
            (oct, "oct"),
            (callable, "callable"),
            (globals, "globals"),
            (locals, "locals"),
            (vars, "vars"),
            (dir, "dir"),
            (staticmethod, "staticmethod"),
            (classmethod, "classmethod"),
            (property, "property"),
            (setter, "setter"),
            (getter, "getter"),
            (deleter, "deleter"),
            (function, "function"),
            (generator, "generator"),
            (module, "module"),
            (NoneType, "NoneType"),
            (None, "None"),
            (True, "True"),
            (False, "False"),
            (Ellipsis, "Ellipsis"),
            (NotImplemented, "NotImplemented"),
            (BaseException, "BaseException"),
            (Exception, "Exception"),
            (ArithmeticError, "ArithmeticError"),
            (AssertionError, "AssertionError"),
            (AttributeError, "AttributeError"),
            (EOFError, "EOFError"),
            (GeneratorExit, "GeneratorExit"),
            (ImportError, "ImportError"),
            (ModuleNotFoundError, "ModuleNotFoundError"),
            (IndexError, "IndexError"),
            (KeyError, "KeyError"),
            (KeyboardInterrupt, "KeyboardInterrupt"),
            (LookupError, "LookupError"),
            (MemoryError, "MemoryError"),
            (NameError, "NameError"),
            (NotImplementedError, "NotImplementedError"),
            (OSError, "OSError"),
            (OverflowError, "OverflowError"),
            (RecursionError, "RecursionError"),
            (RuntimeError, "RuntimeError"),
            (StopIteration, "StopIteration"),
            (SyntaxError, "SyntaxError"),
            (SystemExit, "SystemExit"),
            (TypeError, "TypeError"),
            (UnboundLocalError, "UnboundLocalError"),
            (UnicodeError, "UnicodeError"),
            (UnicodeDecodeError, "UnicodeDecodeError"),
            (ValueError, "ValueError"),
            (ZeroDivisionError, "ZeroDivisionError"),
            (value, "value"),
            (gc, "gc"),
            (collect, "collect"),
            (mem_alloc, "mem_alloc"),
            (mem_free, "mem_free"),
            (enable, "enable"),
            (disable, "disable"),
            (isenabled, "isenabled"),
            (sys, "sys"),
            (math, "math"),
        }
    };
}

macro_rules! builtin_list {
    ($(($id:ident, $s:literal)),* $(,)?) => {
        /// The built-in qstr list as data: `(ident, text)` in table order. Used by the
        /// emitter; the VM uses [`for_each_builtin_qstr!`] directly.
        pub const BUILTIN_QSTRS: &[(&str, &str)] = &[$((stringify!($id), $s)),*];
    };
}
for_each_builtin_qstr!(builtin_list);

/// Fingerprint of the built-in qstr list (FNV-1a over every entry, in order). Feeds
/// [`crate::VERSION`].
pub const BUILTIN_FINGERPRINT: u32 = {
    let mut h = crate::op::Fnv::new();
    let mut i = 0;
    while i < BUILTIN_QSTRS.len() {
        h = h.bytes(BUILTIN_QSTRS[i].0.as_bytes()).bytes(BUILTIN_QSTRS[i].1.as_bytes());
        i += 1;
    }
    h.finish()
};

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn fnv() {
        assert_eq!(qstr_hash(b""), (0x811c_9dc5 ^ 0x81) & 0xff_ffff);
        assert_eq!(qstr_hash(b"a"), (0xe40c_292c ^ 0xe4) & 0xff_ffff);
        assert_eq!(head(b"abc"), qstr_hash(b"abc") << 8 | 3);
        assert_eq!(head("é".as_bytes()) & 0xff, 2 | HEAD_NON_ASCII);
        assert_eq!(head(&[b'x'; 200]) & 0x7f, LONG);
        assert_eq!(len_flags(b"abc"), 3);
        assert_eq!(len_flags("é".as_bytes()), 2 | NON_ASCII);
    }
    #[test]
    fn builtin_unique() {
        for (i, a) in BUILTIN_QSTRS.iter().enumerate() {
            for b in &BUILTIN_QSTRS[i + 1..] {
                assert_ne!(a.0, b.0);
                assert_ne!(a.1, b.1, "duplicate builtin qstr text");
            }
        }
    }
}
