//! `memoryview`: a one-dimensional view of another object's bytes, without copying. Also
//! the VM's buffer protocol ([`Buffer`], [`buffer`]): what a memoryview, `bytes()` and
//! `bytearray()` read from (bytes, bytearray, memoryview).
//!
//! ```text
//!  MemoryViewObj  ObjHeader | base Value | start usize (byte offset of item 0)
//!                 | step isize (bytes from one item to the next) | count usize (items)
//!                 | itemsize u8 | format u8 (ASCII) | readonly u8 | released u8
//! ```
//! The base is traced, so a view keeps it alive. Every access re-reads the base's buffer and
//! checks the view's extent against it (a bytearray cannot be resized while a view of it is
//! live, see `bytearray.rs`).

use core::cell::Cell;

use frostbyte_format::CmpOp;

use super::{Args, Builtin, Kind, Layout, Slots, Type};
use crate::heap::Tracer;
use crate::obj::{self, bytes as b, exception as exc, str::StrBuf};
use crate::qstr;
use crate::rom::ObjHeader;
use crate::runtime;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Memoryview layout.
#[repr(C)]
pub struct MemoryViewObj {
    hdr: ObjHeader,
    base: Value,
    start: usize,
    step: isize,
    count: usize,
    itemsize: u8,
    format: u8,
    readonly: u8,
    released: Cell<u8>,
}

// SAFETY: repr(C), starts with ObjHeader; MEMORYVIEW_TYPE has kind MemoryView.
unsafe impl Layout for MemoryViewObj {
    const KIND: Kind = Kind::MemoryView;
}

pub use super::bytes::Buffer;

/// The buffer of a bytes, bytearray, contiguous memoryview or a type with a `buffer`
/// slot (`array.array`), if `v` has one.
pub fn buffer(v: Value) -> Option<Buffer> {
    if let Some(d) = b::as_bytes(v) {
        return Some(Buffer { ptr: d.as_ptr() as *mut u8, len: d.len(), readonly: true, format: b'B', itemsize: 1 });
    }
    if let Some(d) = obj::bytearray::data(v) {
        return Some(Buffer { ptr: d.as_ptr() as *mut u8, len: d.len(), readonly: false, format: b'B', itemsize: 1 });
    }
    let Some(m) = get(v) else { return b::slot_buffer(v, false) };
    if m.released.get() != 0 || (m.step != m.itemsize as isize && m.count > 1) {
        return None;
    }
    let base = buffer(m.base)?;
    let len = m.count * m.itemsize as usize;
    if m.start.checked_add(len)? > base.len {
        return None;
    }
    // SAFETY: start + len <= base.len, checked above.
    let ptr = unsafe { base.ptr.add(m.start) };
    Some(Buffer { ptr, len, readonly: m.readonly != 0, format: m.format, itemsize: m.itemsize as usize })
}

/// The bytes of a contiguous memoryview (`None` for anything else).
pub fn data(v: Value) -> Option<&'static [u8]> {
    get(v)?;
    let buf = buffer(v)?;
    // SAFETY: the buffer lies inside its base's live data (checked by `buffer`).
    Some(unsafe { core::slice::from_raw_parts(buf.ptr, buf.len) })
}

/// Is `o` a live, unreleased memoryview of `base`?
pub fn views(o: Value, base: Value) -> bool {
    get(o).is_some_and(|m| m.base == base && m.released.get() == 0)
}

fn get(v: Value) -> Option<&'static MemoryViewObj> {
    obj::downcast::<MemoryViewObj>(v)
}

/// The view, or ValueError when it was released.
fn live(vm: &mut Vm<'_>, v: Value) -> PyResult<&'static MemoryViewObj> {
    match get(v) {
        Some(m) if m.released.get() == 0 => Ok(m),
        Some(_) => Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "operation forbidden on released memoryview object")),
        None => Err(vm.type_error(format_args!("descriptor requires a 'memoryview' object"))),
    }
}

/// Pointer to item `i` of the view (checked against the base's current length).
fn item_ptr(vm: &mut Vm<'_>, m: &MemoryViewObj, i: usize) -> PyResult<*mut u8> {
    let base = buffer(m.base).ok_or_else(|| vm.raise_memory_error())?;
    let at = m.start as isize + i as isize * m.step;
    if at < 0 || at as usize + m.itemsize as usize > base.len {
        return Err(vm.raise_msg(&exc::INDEX_ERROR_TYPE, "index out of bounds on dimension 1"));
    }
    // SAFETY: at + itemsize <= base.len, checked above.
    Ok(unsafe { base.ptr.add(at as usize) })
}

/// The native size of a format character.
fn format_size(f: u8) -> Option<u8> {
    Some(match f {
        b'B' | b'b' | b'c' | b'?' => 1,
        b'H' | b'h' => 2,
        b'I' | b'i' | b'f' => 4,
        b'L' | b'l' | b'N' | b'n' | b'P' => core::mem::size_of::<usize>() as u8,
        b'Q' | b'q' | b'd' => 8,
        _ => return None,
    })
}

/// CPython's error for items of a format it cannot read (an `array('u')`'s `w`).
fn unsupported(vm: &mut Vm<'_>, f: u8) -> crate::vm::Raised {
    vm.raise_fmt(&exc::NOT_IMPLEMENTED_ERROR_TYPE, format_args!("memoryview: format {} not supported", f as char))
}

/// Read one item of format `f` from `p`. May collect.
fn unpack(vm: &mut Vm<'_>, f: u8, p: *const u8) -> PyResult<Value> {
    let mut raw = [0u8; 8];
    let Some(n) = format_size(f) else { return Err(unsupported(vm, f)) };
    let n = n as usize;
    // SAFETY: the caller checked that `p` has an item of `n` bytes.
    unsafe { core::ptr::copy_nonoverlapping(p, raw.as_mut_ptr(), n) };
    // The item's n bytes are in native order at the start of `raw`.
    let le =
        if cfg!(target_endian = "little") { u64::from_le_bytes(raw) } else { u64::from_be_bytes(raw) >> (64 - 8 * n) };
    let signed = if n == 8 { le as i64 } else { ((le << (64 - 8 * n)) as i64) >> (64 - 8 * n) };
    Ok(match f {
        b'c' => return b::new(vm, &raw[..1]),
        b'?' => Value::bool(le != 0),
        b'f' => return obj::float::new(vm, f32::from_bits(le as u32) as f64),
        b'd' => return obj::float::new(vm, f64::from_bits(le)),
        b'b' | b'h' | b'i' | b'l' | b'q' | b'n' => return obj::int::from_i64(vm, signed),
        _ => return obj::int::from_i128(vm, le as i128),
    })
}

/// Write `x` as one item of format `f` at `p`.
fn pack(vm: &mut Vm<'_>, f: u8, p: *mut u8, x: Value) -> PyResult<()> {
    let Some(n) = format_size(f) else { return Err(unsupported(vm, f)) };
    let n = n as usize;
    let bad = |vm: &mut Vm<'_>, what: &str| -> crate::vm::Raised {
        let ty = if what == "type" { &exc::TYPE_ERROR_TYPE } else { &exc::VALUE_ERROR_TYPE };
        vm.raise_fmt(ty, format_args!("memoryview: invalid {what} for format '{}'", f as char))
    };
    let bits: u64 = match f {
        b'c' => match b::as_buf(x) {
            Some([c]) => *c as u64,
            _ if b::as_buf(x).is_some() => return Err(bad(vm, "value")),
            _ => return Err(bad(vm, "type")),
        },
        b'f' | b'd' => {
            let v = match obj::float::as_f64(x) {
                Some(v) => v,
                None if obj::int::is_int(x) => obj::int::to_f64(vm, x)?,
                None => return Err(bad(vm, "type")),
            };
            if f == b'f' {
                (v as f32).to_bits() as u64
            } else {
                v.to_bits()
            }
        }
        b'?' => runtime::truthy(vm, x)? as u64,
        _ => {
            if !obj::int::is_int(x) {
                return Err(bad(vm, "type"));
            }
            let i = obj::int::to_i128(x).unwrap_or(i128::MAX);
            let bitsz = 8 * n as u32;
            let ok = if matches!(f, b'b' | b'h' | b'i' | b'l' | b'q' | b'n') {
                i >= -(1i128 << (bitsz - 1)) && i < (1i128 << (bitsz - 1))
            } else {
                i >= 0 && i < (1i128 << bitsz)
            };
            if !ok {
                return Err(bad(vm, "value"));
            }
            i as u64
        }
    };
    let raw = bits.to_le_bytes();
    let src = if cfg!(target_endian = "little") { raw } else { (bits << (64 - 8 * n)).to_be_bytes() };
    // SAFETY: the caller checked that `p` has room for an item of `n` bytes in a writable base.
    unsafe { core::ptr::copy_nonoverlapping(src.as_ptr(), p, n) };
    Ok(())
}

/// A new view over `base` (rooted by the caller). May collect.
#[allow(clippy::too_many_arguments)]
fn make(
    vm: &mut Vm<'_>,
    base: Value,
    start: usize,
    step: isize,
    count: usize,
    itemsize: u8,
    format: u8,
    readonly: bool,
) -> PyResult<Value> {
    let v = vm.alloc_obj(&MEMORYVIEW_TYPE, core::mem::size_of::<MemoryViewObj>())?;
    // SAFETY: fresh MemoryViewObj.
    unsafe {
        let p = v.as_ptr() as *mut MemoryViewObj;
        (*p).base = base;
        (*p).start = start;
        (*p).step = step;
        (*p).count = count;
        (*p).itemsize = itemsize;
        (*p).format = format;
        (*p).readonly = readonly as u8;
    }
    obj::bytearray::mark_viewed(base);
    b::slot_buffer(base, true);
    Ok(v)
}

fn new_memoryview(vm: &mut Vm<'_>, _cls: Value, args: &Args<'_>) -> PyResult<Value> {
    let x = if args.pos.is_empty() { args.kw("object") } else { args.get(0) };
    if args.pos.len() + args.kwnames.len() != 1 || x.is_null() {
        return Err(vm.type_error(format_args!("memoryview() takes exactly one argument")));
    }
    if let Some(m) = get(x) {
        let m = live(vm, x).map(|_| m)?;
        return make(vm, m.base, m.start, m.step, m.count, m.itemsize, m.format, m.readonly != 0);
    }
    match buffer(x) {
        Some(buf) => {
            let n = buf.itemsize.max(1);
            make(vm, x, 0, n as isize, buf.len / n, n as u8, buf.format, buf.readonly)
        }
        None => {
            Err(vm.type_error(format_args!("memoryview: a bytes-like object is required, not '{}'", obj::type_name(x))))
        }
    }
}

fn trace(v: Value, t: &mut Tracer<'_>) {
    if let Some(m) = get(v) {
        t.mark(m.base);
    }
}

fn repr(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf) -> PyResult<()> {
    let released = get(v).is_some_and(|m| m.released.get() != 0);
    let what = if released { "released memory" } else { "memory" };
    sb.push_fmt(vm, format_args!("<{what} at {:#x}>", v.as_ptr() as usize))
}

fn len(vm: &mut Vm<'_>, v: Value) -> PyResult<usize> {
    Ok(live(vm, v)?.count)
}

fn getitem(vm: &mut Vm<'_>, v: Value, k: Value) -> PyResult<Value> {
    let m = live(vm, v)?;
    if let Some(sl) = obj::slice::as_slice(k) {
        let (s, e, st) = sl.indices(vm, m.count)?;
        let cnt = obj::slice::slice_len(s, e, st);
        let start = (m.start as isize + s * m.step).max(0) as usize;
        return make(vm, m.base, start, m.step * st, cnt, m.itemsize, m.format, m.readonly != 0);
    }
    if k == Value::ELLIPSIS {
        return Ok(v);
    }
    let i = runtime::index_arg(vm, k, "memoryview: invalid slice key")?;
    let Some(i) = runtime::norm_index(i, m.count) else {
        return Err(vm.raise_msg(&exc::INDEX_ERROR_TYPE, "index out of bounds on dimension 1"));
    };
    let p = item_ptr(vm, m, i)?;
    unpack(vm, m.format, p)
}

fn setitem(vm: &mut Vm<'_>, v: Value, k: Value, x: Value) -> PyResult<()> {
    let m = live(vm, v)?;
    if m.readonly != 0 {
        return Err(vm.type_error(format_args!("cannot modify read-only memory")));
    }
    if x.is_null() {
        return Err(vm.type_error(format_args!("cannot delete memory")));
    }
    if let Some(sl) = obj::slice::as_slice(k) {
        let (s, e, st) = sl.indices(vm, m.count)?;
        let cnt = obj::slice::slice_len(s, e, st);
        let src = match buffer(x) {
            Some(src) => src,
            None => {
                return Err(vm.type_error(format_args!("a bytes-like object is required, not '{}'", obj::type_name(x))))
            }
        };
        let same_format =
            src.format == m.format || (src.itemsize == 1 && m.itemsize == 1 && src.format != b'c' && m.format != b'c');
        if !same_format || src.len != cnt * m.itemsize as usize {
            return Err(vm.raise_msg(
                &exc::VALUE_ERROR_TYPE,
                "memoryview assignment: lvalue and rvalue have different structures",
            ));
        }
        // Copy the source first: it may overlap the destination (`m[1:] = m[:-1]`).
        let tmp = b::new(vm, data_of(src))?;
        let t = b::as_bytes(tmp).unwrap_or(&[]);
        let n = m.itemsize as usize;
        for j in 0..cnt {
            let p = item_ptr(vm, m, (s + j as isize * st) as usize)?;
            // SAFETY: `item_ptr` checked room for one item; `t` holds cnt items.
            unsafe { core::ptr::copy_nonoverlapping(t.as_ptr().add(j * n), p, n) };
        }
        return Ok(());
    }
    let i = runtime::index_arg(vm, k, "memoryview: invalid slice key")?;
    let Some(i) = runtime::norm_index(i, m.count) else {
        return Err(vm.raise_msg(&exc::INDEX_ERROR_TYPE, "index out of bounds on dimension 1"));
    };
    let p = item_ptr(vm, m, i)?;
    pack(vm, m.format, p, x)
}

fn data_of(b: Buffer) -> &'static [u8] {
    // SAFETY: a Buffer describes live bytes of a rooted object.
    unsafe { core::slice::from_raw_parts(b.ptr, b.len) }
}

/// The items as a new list. May collect.
fn to_list(vm: &mut Vm<'_>, v: Value) -> PyResult<Value> {
    let m = live(vm, v)?;
    let out = obj::list::with_capacity(vm, m.count)?;
    let mark = vm.roots_mark();
    vm.push_root(out)?;
    for i in 0..m.count {
        let r = item_ptr(vm, m, i).and_then(|p| unpack(vm, m.format, p));
        let r = r.and_then(|x| obj::list::append(vm, out, x));
        if let Err(e) = r {
            vm.pop_roots(mark);
            return Err(e);
        }
    }
    vm.pop_roots(mark);
    Ok(out)
}

/// The viewed bytes in order, as a new bytes object. May collect.
fn to_bytes(vm: &mut Vm<'_>, v: Value) -> PyResult<Value> {
    let m = live(vm, v)?;
    let n = m.itemsize as usize;
    let r = b::alloc(vm, m.count * n)?;
    for i in 0..m.count {
        let p = item_ptr(vm, m, i)?;
        // SAFETY: `item_ptr` checked room for one item; the fresh bytes hold count items.
        unsafe { core::ptr::copy_nonoverlapping(p, b::fresh_data(r).as_mut_ptr().add(i * n), n) };
    }
    Ok(r)
}

fn richcmp(vm: &mut Vm<'_>, a: Value, x: Value, op: CmpOp) -> PyResult<Value> {
    if !matches!(op, CmpOp::Eq | CmpOp::Ne) || (get(x).is_none() && buffer(x).is_none()) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let released = |v: Value| get(v).is_some_and(|m| m.released.get() != 0);
    if released(a) || released(x) {
        return Ok(Value::bool((a == x) == (op == CmpOp::Eq)));
    }
    let mark = vm.roots_mark();
    let la = to_list(vm, a)?;
    vm.push_root(la)?;
    let lx = if get(x).is_some() {
        to_list(vm, x)
    } else {
        let d = b::as_buf(x).unwrap_or(&[]);
        let l = obj::list::with_capacity(vm, d.len());
        if let Ok(l) = l {
            for c in b::as_buf(x).unwrap_or(&[]) {
                obj::list::append(vm, l, Value::small_int(*c as isize))?;
            }
        }
        l
    };
    let r = lx.and_then(|lx| {
        vm.push_root(lx)?;
        runtime::eq(vm, la, lx)
    });
    vm.pop_roots(mark);
    Ok(Value::bool(r? == (op == CmpOp::Eq)))
}

fn hash(vm: &mut Vm<'_>, v: Value) -> PyResult<isize> {
    let m = live(vm, v)?;
    if m.readonly == 0 {
        return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "cannot hash writable memoryview object"));
    }
    if !matches!(m.format, b'B' | b'b' | b'c') {
        return Err(
            vm.raise_msg(&exc::VALUE_ERROR_TYPE, "memoryview: hashing is restricted to formats 'B', 'b' or 'c'")
        );
    }
    let t = to_bytes(vm, v)?;
    runtime::hash(vm, t)
}

fn iter(vm: &mut Vm<'_>, v: Value) -> PyResult<Value> {
    let l = to_list(vm, v)?;
    obj::iter::new_seq_iter(vm, l)
}

crate::static_qstr!(Q_MEMORYVIEW, "memoryview");
crate::static_qstr!(Q_TOBYTES, "tobytes");
crate::static_qstr!(Q_TOLIST, "tolist");
crate::static_qstr!(Q_RELEASE, "release");
crate::static_qstr!(Q_CAST, "cast");
crate::static_qstr!(Q_TOREADONLY, "toreadonly");
crate::static_qstr!(Q_ENTER, "__enter__");
crate::static_qstr!(Q_EXIT, "__exit__");

fn getattr(vm: &mut Vm<'_>, v: Value, name: Value) -> PyResult<Value> {
    let Some(n) = obj::str::as_str(name) else { return Ok(Value::NULL) };
    if !matches!(
        n,
        "nbytes"
            | "readonly"
            | "format"
            | "itemsize"
            | "obj"
            | "ndim"
            | "shape"
            | "strides"
            | "suboffsets"
            | "contiguous"
            | "c_contiguous"
            | "f_contiguous"
    ) {
        return Ok(Value::NULL);
    }
    let m = live(vm, v)?;
    let contiguous = m.count <= 1 || m.step == m.itemsize as isize;
    Ok(match n {
        "nbytes" => Value::small_int((m.count * m.itemsize as usize) as isize),
        "readonly" => Value::bool(m.readonly != 0),
        "format" => return obj::str::new(vm, core::str::from_utf8(&[m.format]).unwrap_or("B")),
        "itemsize" => Value::small_int(m.itemsize as isize),
        "obj" => m.base,
        "ndim" => Value::small_int(1),
        "suboffsets" => obj::tuple::alloc(vm, 0)?,
        "shape" | "strides" => {
            let x = Value::small_int(if n == "shape" { m.count as isize } else { m.step });
            let t = obj::tuple::alloc(vm, 1)?;
            obj::tuple::init_item(t, 0, x);
            t
        }
        _ => Value::bool(contiguous),
    })
}

fn m_tobytes(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    to_bytes(vm, args.get(0))
}

fn m_tolist(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    to_list(vm, args.get(0))
}

fn m_hex(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let t = to_bytes(vm, args.get(0))?;
    let mut pos = [t, Value::NULL, Value::NULL];
    for (i, p) in args.pos.iter().skip(1).take(2).enumerate() {
        pos[i + 1] = *p;
    }
    let n = args.pos.len().clamp(1, 3);
    let m = vm.roots_mark();
    vm.push_root(t)?;
    let r = obj::bytes_methods::hex(vm, &Args { pos: &pos[..n], kwnames: args.kwnames, kwvals: args.kwvals });
    vm.pop_roots(m);
    r
}

fn m_release(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    if let Some(m) = get(args.get(0)) {
        m.released.set(1);
    }
    let _ = vm;
    Ok(Value::NONE)
}

fn m_enter(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    live(vm, args.get(0))?;
    Ok(args.get(0))
}

fn m_exit(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    m_release(vm, args)
}

fn m_toreadonly(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let m = live(vm, args.get(0))?;
    make(vm, m.base, m.start, m.step, m.count, m.itemsize, m.format, true)
}

fn m_cast(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let m = live(vm, args.get(0))?;
    runtime::check_nargs(vm, "cast", args, 2, 2)?;
    let f = obj::str::as_str(args.pos[1]);
    let Some(f) = f else {
        return Err(
            vm.type_error(format_args!("cast() argument 'format' must be str, not {}", obj::type_name(args.pos[1])))
        );
    };
    let f = f.strip_prefix('@').unwrap_or(f).as_bytes();
    let Some((&fc, size)) = f.first().filter(|_| f.len() == 1).and_then(|c| Some((c, format_size(*c)?))) else {
        return Err(vm.raise_msg(
            &exc::VALUE_ERROR_TYPE,
            "memoryview: destination format must be a native single character format prefixed with an optional '@'",
        ));
    };
    if m.count > 1 && m.step != m.itemsize as isize {
        return Err(vm.type_error(format_args!("memoryview: casts are restricted to C-contiguous views")));
    }
    let byte_fmt = |c: u8| matches!(c, b'B' | b'b' | b'c');
    if !byte_fmt(fc) && !byte_fmt(m.format) {
        return Err(vm.type_error(format_args!("memoryview: cannot cast between two non-byte formats")));
    }
    let nbytes = m.count * m.itemsize as usize;
    if !nbytes.is_multiple_of(size as usize) {
        return Err(vm.type_error(format_args!("memoryview: length is not a multiple of itemsize")));
    }
    make(vm, m.base, m.start, size as isize, nbytes / size as usize, size, fc, m.readonly != 0)
}

static METHODS: &[Builtin] = &[
    Builtin::method(&Q_TOBYTES, m_tobytes),
    Builtin::method(&Q_TOLIST, m_tolist),
    Builtin::method(&qstr::hex, m_hex),
    Builtin::method(&Q_RELEASE, m_release),
    Builtin::method(&Q_CAST, m_cast),
    Builtin::method(&Q_TOREADONLY, m_toreadonly),
    Builtin::method(&Q_ENTER, m_enter),
    Builtin::method(&Q_EXIT, m_exit),
];

static SLOTS: Slots = Slots {
    trace: Some(trace),
    repr: Some(repr),
    hash: Some(hash),
    richcmp: Some(richcmp),
    len: Some(len),
    getitem: Some(getitem),
    setitem: Some(setitem),
    iter: Some(iter),
    getattr: Some(getattr),
    new: Some(new_memoryview),
    ..Slots::EMPTY
};

/// `memoryview`.
pub static MEMORYVIEW_TYPE: Type =
    Type::builtin(&Q_MEMORYVIEW, Some(&obj::class::OBJECT_TYPE), Kind::MemoryView, 0, &SLOTS, METHODS);
