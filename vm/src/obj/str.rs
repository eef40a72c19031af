//! `str`: qstr values (immediate pointers to frozen text) and heap str objects.
//!
//! ```text
//!  StrObj  ObjHeader | hash u32 | len_flags u32 | UTF-8 bytes (inline)
//! ```
//! Qstrs (`rom::QstrHdr`) pack length, ASCII flag and hash into one word; heap strs keep a
//! full u32 length. Both kinds hash and compare identically (hash = `frostbyte_format::qstr_hash`). Text is UTF-8;
//! indexing is by code point (O(1) for ASCII text, flagged in `len_flags`).

use core::fmt;

use frostbyte_format::qstr::NON_ASCII;
use frostbyte_format::{qstr_hash, BinOp, CmpOp};

use super::{flags, Args, Builtin, Kind, Layout, Slots, Type};
use crate::heap::Tracer;
use crate::obj;
use crate::qstr;
use crate::rom::{ObjHeader, Qstr};
use crate::runtime;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Heap str layout.
#[repr(C)]
pub struct StrObj {
    hdr: ObjHeader,
    hash: u32,
    len_flags: u32,
}

// SAFETY: repr(C), starts with ObjHeader; STR_TYPE has kind Str.
unsafe impl Layout for StrObj {
    const KIND: Kind = Kind::Str;
}

const HDR: usize = core::mem::size_of::<StrObj>();

/// Longest heap str in bytes: its length shares a u32 with the non-ASCII flag. Longer text
/// raises MemoryError (it could not fit a heap on a 32-bit target anyway).
const MAX_LEN: usize = (NON_ASCII - 1) as usize;

/// A fresh heap str object with room for `len` bytes of text, to be filled and then sealed
/// by [`seal`] before the next allocation. May collect.
fn alloc_text(vm: &mut Vm<'_>, len: usize) -> PyResult<Value> {
    if len > MAX_LEN {
        return Err(vm.raise_memory_error());
    }
    vm.alloc_obj(&STR_TYPE, HDR + len)
}

/// A fresh heap str object with the text of str `v`, even when it is empty or one
/// character (the body of an instance of a `str` subclass: see `obj/instance.rs`). May
/// collect (`v` rooted by the caller).
pub fn heap_copy(vm: &mut Vm<'_>, v: Value) -> PyResult<Value> {
    let n = as_str(v).map(str::len).unwrap_or(0);
    let out = alloc_text(vm, n)?;
    let s = as_str(v).unwrap_or("");
    // SAFETY: `out` is a fresh StrObj with room for n bytes after HDR.
    unsafe { core::ptr::copy_nonoverlapping(s.as_ptr(), (out.as_ptr() as *mut u8).add(HDR), n) };
    seal(out, n, s.is_ascii());
    Ok(out)
}

/// Write the hash and length of a str made by [`alloc_text`] whose `len` bytes are filled
/// with UTF-8 text (`ascii`: all of it is ASCII).
fn seal(v: Value, len: usize, ascii: bool) {
    // SAFETY: v is a fresh StrObj from `alloc_text` holding `len` UTF-8 bytes after HDR.
    unsafe {
        let bytes = core::slice::from_raw_parts(v.as_ptr().add(HDR), len);
        let o = v.as_ptr() as *mut StrObj;
        (*o).hash = qstr_hash(bytes);
        (*o).len_flags = len as u32 | if ascii { 0 } else { NON_ASCII };
    }
}

/// One-character ASCII qstrs, so iterating and indexing ASCII text never allocates.
static CHARS: [Qstr<1>; 128] = {
    let mut a = [const { Qstr::with_head(0, [0]) }; 128];
    let mut i = 0;
    while i < 128 {
        a[i] = Qstr::new([i as u8]);
        i += 1;
    }
    a
};

/// The text of a str value (qstr or heap str); `None` for other values.
pub fn as_str(v: Value) -> Option<&'static str> {
    if let Some(h) = v.as_qstr_hdr() {
        // SAFETY: qstr values point at a QstrHdr followed by its UTF-8 bytes (ROM or loader
        // memory, never written or freed); `h` has the value's provenance.
        return Some(unsafe { crate::rom::QstrHdr::as_str(h) });
    }
    let s = obj::downcast::<StrObj>(v)?;
    let len = (s.len_flags & !NON_ASCII) as usize;
    // SAFETY: heap strs hold `len` UTF-8 bytes right after the header (written by `new` or
    // a finished StrBuf, which only appends UTF-8). The pointer comes from `v`, whose
    // provenance covers the whole object (a pointer from `&StrObj` would not reach the bytes).
    Some(unsafe {
        let p = v.as_ptr().add(HDR);
        core::str::from_utf8_unchecked(core::slice::from_raw_parts(p, len))
    })
}

/// (hash, is_ascii) of a str value.
fn meta(v: Value) -> (u32, bool) {
    if let Some(h) = v.as_qstr_hdr() {
        // SAFETY: qstr values point at a valid header.
        let h = unsafe { &*h };
        return (h.hash(), h.is_ascii());
    }
    match obj::downcast::<StrObj>(v) {
        Some(s) => (s.hash, s.len_flags & NON_ASCII == 0),
        None => (0, true),
    }
}

/// Is `v` a str?
pub fn is_str(v: Value) -> bool {
    v.is_qstr() || obj::type_of(v).kind == Kind::Str
}

/// The str hash of `v`.
pub fn hash_of(v: Value) -> u32 {
    meta(v).0
}

/// Equality of two str values.
pub fn eq(a: Value, b: Value) -> bool {
    if a == b {
        return true;
    }
    let (ha, _) = meta(a);
    let (hb, _) = meta(b);
    ha == hb && as_str(a) == as_str(b)
}

/// A str value for `s`: a static one-char qstr or a new heap str. May collect.
pub fn new(vm: &mut Vm<'_>, s: &str) -> PyResult<Value> {
    if s.is_empty() {
        return Ok(Value::qstr(&qstr::EMPTY));
    }
    if s.len() == 1 {
        return Ok(Value::qstr(&CHARS[(s.as_bytes()[0] & 127) as usize]));
    }
    let v = alloc_text(vm, s.len())?;
    // SAFETY: fresh allocation of HDR + len bytes for a StrObj.
    unsafe {
        let p = v.as_ptr() as *mut u8;
        core::ptr::copy_nonoverlapping(s.as_ptr(), p.add(HDR), s.len());
        let o = p as *mut StrObj;
        (*o).hash = qstr_hash(s.as_bytes());
        (*o).len_flags = frostbyte_format::qstr::len_flags(s.as_bytes());
    }
    Ok(v)
}

/// A one-character string for `c`. May collect.
pub fn from_char(vm: &mut Vm<'_>, c: char) -> PyResult<Value> {
    let mut b = [0u8; 4];
    new(vm, c.encode_utf8(&mut b))
}

/// Python `hash()` of a str value (CPython's -1 is mapped to -2).
pub fn py_hash(v: Value) -> isize {
    let h = hash_of(v) as i32 as isize;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// A `fmt::Write` sink appending to a [`StrBuf`]; remembers an allocation failure.
pub struct StrBufWriter<'b, 'v, 'a> {
    /// The VM.
    pub vm: &'v mut Vm<'a>,
    /// The buffer.
    pub sb: &'b mut StrBuf,
    /// Set when an append failed (the exception is pending).
    pub err: Option<crate::vm::Raised>,
}

impl fmt::Write for StrBufWriter<'_, '_, '_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        match self.sb.push(self.vm, s) {
            Ok(()) => Ok(()),
            Err(e) => {
                self.err = Some(e);
                Err(fmt::Error)
            }
        }
    }
}

/// Number of code points.
pub fn char_len(v: Value) -> usize {
    let s = as_str(v).unwrap_or("");
    if meta(v).1 {
        s.len()
    } else {
        s.chars().count()
    }
}

/// A growable str being built on the heap (kept alive as a temp root).
///
/// Use: `let mut b = StrBuf::new(vm)?; b.push(vm, "..")?; let s = b.finish(vm)?;`.
/// Builders nest like the temp-root stack they live on.
#[derive(Debug)]
pub struct StrBuf {
    root: usize,
    len: usize,
    /// Text bytes the allocation holds (kept here: asking the heap walks the allocation).
    cap: usize,
}

impl StrBuf {
    /// A new empty builder. May collect.
    pub fn new(vm: &mut Vm<'_>) -> PyResult<StrBuf> {
        let v = vm.alloc_obj(&STR_TYPE, HDR + 24)?;
        let root = vm.roots_mark();
        vm.push_root(v)?;
        let cap = vm.heap.alloc_size(v.as_ptr()).saturating_sub(HDR);
        Ok(StrBuf { root, len: 0, cap })
    }

    fn obj(&self, vm: &Vm<'_>) -> *mut u8 {
        vm.get_root(self.root).as_ptr() as *mut u8
    }

    /// Append text. May collect.
    pub fn push(&mut self, vm: &mut Vm<'_>, s: &str) -> PyResult<()> {
        let p = self.obj(vm);
        let cap = self.cap;
        let need = self.len + s.len();
        let p = if need > cap {
            if need > MAX_LEN {
                return Err(vm.raise_memory_error());
            }
            let new_cap = need.max(cap * 2).min(MAX_LEN);
            // `s` may be the text of an unrooted heap str (a `__repr__` result, a message):
            // keep its allocation alive while growing, which may collect.
            let m = vm.roots_mark();
            if let Some(src) = vm.heap.alloc_start(s.as_ptr()) {
                // SAFETY: `src` starts a live heap allocation; the collector marks it as a
                // buffer or traces it as an object, both keep it.
                vm.push_root(unsafe { Value::from_obj_ptr(src) })?;
            }
            let q = vm.realloc_atleast(p, HDR + new_cap, HDR + need, true);
            vm.pop_roots(m);
            let q = q?;
            // SAFETY: q is a heap object pointer (block-aligned).
            vm.set_root(self.root, unsafe { Value::from_obj_ptr(q) });
            self.cap = vm.heap.alloc_size(q).saturating_sub(HDR);
            q
        } else {
            p
        };
        // SAFETY: the allocation holds HDR + need bytes.
        unsafe { core::ptr::copy_nonoverlapping(s.as_ptr(), p.add(HDR + self.len), s.len()) };
        self.len = need;
        Ok(())
    }

    /// Make room for `extra` more bytes at once (MemoryError now, not after a long run of
    /// appends, when they cannot fit). May collect.
    pub fn reserve(&mut self, vm: &mut Vm<'_>, extra: usize) -> PyResult<()> {
        let need = self.len.saturating_add(extra);
        if need <= self.cap {
            return Ok(());
        }
        if need > MAX_LEN {
            return Err(vm.raise_memory_error());
        }
        let q = vm.realloc(self.obj(vm), HDR + need, true)?;
        // SAFETY: q is a heap object pointer (block-aligned).
        vm.set_root(self.root, unsafe { Value::from_obj_ptr(q) });
        self.cap = vm.heap.alloc_size(q).saturating_sub(HDR);
        Ok(())
    }

    /// Append one character. May collect.
    pub fn push_char(&mut self, vm: &mut Vm<'_>, c: char) -> PyResult<()> {
        let mut b = [0u8; 4];
        self.push(vm, c.encode_utf8(&mut b))
    }

    /// Append formatted text. May collect.
    pub fn push_fmt(&mut self, vm: &mut Vm<'_>, args: fmt::Arguments<'_>) -> PyResult<()> {
        struct W<'b, 'v, 'a> {
            vm: &'v mut Vm<'a>,
            sb: &'b mut StrBuf,
            err: Option<crate::vm::Raised>,
        }
        impl fmt::Write for W<'_, '_, '_> {
            fn write_str(&mut self, s: &str) -> fmt::Result {
                match self.sb.push(self.vm, s) {
                    Ok(()) => Ok(()),
                    Err(e) => {
                        self.err = Some(e);
                        Err(fmt::Error)
                    }
                }
            }
        }
        let mut w = W { vm, sb: self, err: None };
        let _ = fmt::write(&mut w, args);
        match w.err {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    /// The text so far (valid until the next push).
    pub fn as_str<'v>(&self, vm: &'v Vm<'_>) -> &'v str {
        let p = self.obj(vm);
        // SAFETY: the first `len` bytes after the header were copied from &str values.
        unsafe { core::str::from_utf8_unchecked(core::slice::from_raw_parts(p.add(HDR), self.len)) }
    }

    /// Write the text built so far to the VM's output (print streams through this).
    pub fn write_out(&self, vm: &mut Vm<'_>) {
        let s = self.as_str_raw(self.obj(vm));
        // `s` stays valid: writing output never allocates or collects.
        vm.write_out(s);
    }

    /// Bytes written so far.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Is the buffer empty?
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Drop the text after byte `n` (must be a char boundary).
    pub fn truncate(&mut self, n: usize) {
        if n < self.len {
            self.len = n;
        }
    }

    /// Finish: the built str value (the builder's temp root is released).
    pub fn finish(self, vm: &mut Vm<'_>) -> PyResult<Value> {
        let p = self.obj(vm);
        vm.pop_roots(self.root);
        if self.len <= 1 {
            let s = self.as_str_raw(p);
            return new(vm, s);
        }
        let bytes = self.as_str_raw(p).as_bytes();
        let hash = qstr_hash(bytes);
        let lf = frostbyte_format::qstr::len_flags(bytes);
        // SAFETY: p is our StrObj; shrinking keeps the first HDR+len bytes.
        unsafe {
            let o = p as *mut StrObj;
            (*o).hash = hash;
            (*o).len_flags = lf;
        }
        vm.heap.resize_in_place(p, HDR + self.len);
        // SAFETY: p is a heap object pointer.
        Ok(unsafe { Value::from_obj_ptr(p) })
    }

    fn as_str_raw(&self, p: *mut u8) -> &'static str {
        // SAFETY: as in `as_str`.
        unsafe { core::str::from_utf8_unchecked(core::slice::from_raw_parts(p.add(HDR), self.len)) }
    }
}

// ----- repr -----

/// CPython's `str.isprintable` for one character: false for the control, format, private
/// use, line/paragraph separator and non-ASCII space characters (categories Cc, Cf, Co, Zl,
/// Zp and Zs other than ' '). Unassigned code points (Cn) are not tabled and count as
/// printable.
pub fn is_printable(c: char) -> bool {
    let u = c as u32;
    if u < 0x20 || u == 0x7f {
        return false;
    }
    if (0x80..=0xa0).contains(&u) || u == 0xad {
        return false;
    }
    !matches!(
        u,
        0x600..=0x605
            | 0x61c
            | 0x6dd
            | 0x70f
            | 0x890..=0x891
            | 0x8e2
            | 0x1680
            | 0x180e
            | 0x2000..=0x200f
            | 0x2028..=0x202f
            | 0x205f..=0x2064
            | 0x2066..=0x206f
            | 0x3000
            | 0xe000..=0xf8ff
            | 0xfeff
            | 0xfff9..=0xfffb
            | 0x110bd
            | 0x110cd
            | 0x13430..=0x1343f
            | 0x1bca0..=0x1bca3
            | 0x1d173..=0x1d17a
            | 0xe0001
            | 0xe0020..=0xe007f
            | 0xf0000..
    )
}

/// Append the Python repr of text `s`.
pub fn repr_text(vm: &mut Vm<'_>, s: &str, sb: &mut StrBuf) -> PyResult<()> {
    let q = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    sb.push_char(vm, q)?;
    let mut start = 0;
    for (i, c) in s.char_indices() {
        let esc: Option<&str> = match c {
            '\\' => Some("\\\\"),
            '\n' => Some("\\n"),
            '\r' => Some("\\r"),
            '\t' => Some("\\t"),
            _ if c == q => Some(if q == '\'' { "\\'" } else { "\\\"" }),
            _ => None,
        };
        if esc.is_some() || !is_printable(c) {
            sb.push(vm, &s[start..i])?;
            match esc {
                Some(e) => sb.push(vm, e)?,
                None => {
                    let u = c as u32;
                    if u < 0x100 {
                        sb.push_fmt(vm, format_args!("\\x{u:02x}"))?
                    } else if u < 0x10000 {
                        sb.push_fmt(vm, format_args!("\\u{u:04x}"))?
                    } else {
                        sb.push_fmt(vm, format_args!("\\U{u:08x}"))?
                    }
                }
            }
            start = i + c.len_utf8();
        }
    }
    sb.push(vm, &s[start..])?;
    sb.push_char(vm, q)
}

fn repr(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf) -> PyResult<()> {
    repr_text(vm, as_str(v).unwrap_or(""), sb)
}

fn str_slot(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf) -> PyResult<()> {
    sb.push(vm, as_str(v).unwrap_or(""))
}

fn hash(_vm: &mut Vm<'_>, v: Value) -> PyResult<isize> {
    Ok(py_hash(v))
}

fn richcmp(_vm: &mut Vm<'_>, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (as_str(a), as_str(b)) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let r = match op {
        CmpOp::Eq => eq(a, b),
        CmpOp::Ne => !eq(a, b),
        CmpOp::Lt => x < y,
        CmpOp::Le => x <= y,
        CmpOp::Gt => x > y,
        CmpOp::Ge => x >= y,
        _ => return Ok(Value::NOT_IMPLEMENTED),
    };
    Ok(Value::bool(r))
}

fn truth(_vm: &mut Vm<'_>, v: Value) -> PyResult<bool> {
    Ok(!as_str(v).unwrap_or("").is_empty())
}

fn len(_vm: &mut Vm<'_>, v: Value) -> PyResult<usize> {
    Ok(char_len(v))
}

/// Byte offset of code point `i` (or the end).
pub fn byte_offset(v: Value, s: &str, i: usize) -> usize {
    if meta(v).1 {
        return i.min(s.len());
    }
    s.char_indices().nth(i).map(|(b, _)| b).unwrap_or(s.len())
}

/// `s[i:j]` by code points. May collect.
pub fn substr(vm: &mut Vm<'_>, v: Value, i: usize, j: usize) -> PyResult<Value> {
    let s = as_str(v).unwrap_or("");
    if i == 0 && j >= char_len(v) {
        return Ok(v);
    }
    let a = byte_offset(v, s, i);
    let b = byte_offset(v, s, j);
    if a >= b {
        return new(vm, "");
    }
    new(vm, &s[a..b])
}

fn getitem(vm: &mut Vm<'_>, v: Value, k: Value) -> PyResult<Value> {
    let n = char_len(v);
    if let Some(sl) = obj::slice::as_slice(k) {
        let (start, stop, step) = sl.indices(vm, n)?;
        if step == 1 {
            let (a, b) = (start as usize, stop.max(start) as usize);
            return substr(vm, v, a, b);
        }
        let s = as_str(v).unwrap_or("");
        let chars_ascii = meta(v).1;
        let mut sb = StrBuf::new(vm)?;
        let mut i = start;
        let count = obj::slice::slice_len(start, stop, step);
        for _ in 0..count {
            let c =
                if chars_ascii { s.as_bytes().get(i as usize).map(|b| *b as char) } else { s.chars().nth(i as usize) };
            if let Some(c) = c {
                sb.push_char(vm, c)?;
            }
            i += step;
        }
        return sb.finish(vm);
    }
    let i = runtime::index_arg(vm, k, "string indices must be integers")?;
    let Some(i) = runtime::norm_index(i, n) else {
        return Err(vm.raise_msg(&obj::exception::INDEX_ERROR_TYPE, "string index out of range"));
    };
    let s = as_str(v).unwrap_or("");
    let c = if meta(v).1 { s.as_bytes().get(i).map(|b| *b as char) } else { s.chars().nth(i) };
    from_char(vm, c.unwrap_or(' '))
}

fn contains(vm: &mut Vm<'_>, v: Value, x: Value) -> PyResult<bool> {
    let Some(needle) = as_str(x) else {
        return Err(
            vm.type_error(format_args!("'in <string>' requires string as left operand, not {}", obj::type_name(x)))
        );
    };
    Ok(find(as_str(v).unwrap_or(""), needle, false).is_some())
}

/// The byte offset of the first (with `rev`, the last) occurrence of `needle` in `hay`, as
/// `str::find` / `str::rfind` give it: a UTF-8 needle found in UTF-8 text starts and ends on
/// character boundaries. It is the byte search of bytes' methods, so core's two-way
/// `StrSearcher` (2.4 KB of code on Cortex-M3) is not linked; like CPython's default search
/// for short needles it is O(n·m) at worst.
pub fn find(hay: &str, needle: &str, rev: bool) -> Option<usize> {
    crate::obj::bytes_methods::find_sub(hay.as_bytes(), needle.as_bytes(), rev)
}

fn binop(vm: &mut Vm<'_>, op: BinOp, a: Value, b: Value, _reflected: bool) -> PyResult<Value> {
    match op.base() {
        BinOp::Add => {
            let (Some(x), Some(y)) = (as_str(a), as_str(b)) else {
                return Ok(Value::NOT_IMPLEMENTED);
            };
            if x.is_empty() {
                return Ok(b);
            }
            if y.is_empty() {
                return Ok(a);
            }
            concat(vm, &[a, b])
        }
        BinOp::Mul => {
            let (s, n) = if is_str(a) { (a, b) } else { (b, a) };
            let Some(n) = runtime::repeat_count(vm, n)? else { return Ok(Value::NOT_IMPLEMENTED) };
            let text = as_str(s).unwrap_or("");
            if n == 0 || text.is_empty() {
                return new(vm, "");
            }
            if n == 1 {
                return Ok(s);
            }
            // CPython's limit counts characters; past it OverflowError, below it MemoryError
            // when the text does not fit (one allocation, checked before any copying).
            if char_len(s).checked_mul(n).is_none_or(|t| t > isize::MAX as usize) {
                return Err(vm.raise_msg(&obj::exception::OVERFLOW_ERROR_TYPE, "repeated string is too long"));
            }
            let total = text.len().saturating_mul(n);
            let v = alloc_text(vm, total)?;
            let text = as_str(s).unwrap_or("");
            // SAFETY: v holds HDR + total bytes, total = text.len() * n; `text` is another object.
            let out = unsafe { core::slice::from_raw_parts_mut((v.as_ptr() as *mut u8).add(HDR), total) };
            for chunk in out.chunks_exact_mut(text.len()) {
                chunk.copy_from_slice(text.as_bytes());
            }
            seal(v, total, meta(s).1);
            Ok(v)
        }
        BinOp::Mod if is_str(a) => crate::strformat::percent_format(vm, a, b),
        _ => Ok(Value::NOT_IMPLEMENTED),
    }
}

/// Concatenate str values (all must be str). May collect.
pub fn concat(vm: &mut Vm<'_>, parts: &[Value]) -> PyResult<Value> {
    let total = parts.iter().fold(0usize, |t, p| t.saturating_add(as_str(*p).map(|s| s.len()).unwrap_or(0)));
    if total <= 1 {
        let mut b = [0u8; 4];
        let mut n = 0;
        for p in parts {
            for x in as_str(*p).unwrap_or("").bytes() {
                if n < 4 {
                    b[n] = x;
                    n += 1;
                }
            }
        }
        return new(vm, core::str::from_utf8(&b[..n]).unwrap_or(""));
    }
    let v = alloc_text(vm, total)?;
    let mut off = 0;
    let mut ascii = true;
    for p in parts {
        let s = as_str(*p).unwrap_or("");
        ascii &= meta(*p).1;
        let n = s.len().min(total - off);
        // SAFETY: v holds HDR + total bytes; off + n <= total.
        unsafe { core::ptr::copy_nonoverlapping(s.as_ptr(), (v.as_ptr() as *mut u8).add(HDR + off), n) };
        off += n;
    }
    seal(v, total, ascii);
    Ok(v)
}

fn iter(vm: &mut Vm<'_>, v: Value) -> PyResult<Value> {
    obj::iter::new_seq_iter(vm, v)
}

fn new_str(vm: &mut Vm<'_>, _cls: Value, args: &Args<'_>) -> PyResult<Value> {
    let x = match args.pos.first() {
        Some(x) => *x,
        None => args.kw("object"),
    };
    let (enc, errors) = crate::codec::args(vm, args, 1, "str")?;
    if enc.is_none() && errors.is_none() {
        return if x.is_null() { new(vm, "") } else { runtime::to_str(vm, x) };
    }
    // str(bytes, encoding, errors): decode.
    if x.is_null() {
        return new(vm, "");
    }
    match obj::bytes::as_buf(x) {
        Some(data) => crate::codec::decode(vm, data, enc, errors),
        None if is_str(x) => Err(vm.type_error(format_args!("decoding str is not supported"))),
        None => {
            Err(vm.type_error(format_args!("decoding to str: need a bytes-like object, {} found", obj::type_name(x))))
        }
    }
}

static SLOTS: Slots = Slots {
    trace: None::<fn(Value, &mut Tracer<'_>)>,
    repr: Some(repr),
    str: Some(str_slot),
    hash: Some(hash),
    richcmp: Some(richcmp),
    truth: Some(truth),
    len: Some(len),
    getitem: Some(getitem),
    contains: Some(contains),
    iter: Some(iter),
    binop: Some(binop),
    new: Some(new_str),
    ..Slots::EMPTY
};

/// `str`.
pub static STR_TYPE: Type = Type::builtin(
    &qstr::str,
    Some(&obj::class::OBJECT_TYPE),
    Kind::Str,
    flags::BASETYPE,
    &SLOTS,
    super::str_methods::METHODS,
);

#[allow(dead_code)]
fn _assert_builtin(_: &Builtin) {}
