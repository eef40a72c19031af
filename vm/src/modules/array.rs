//! `array`: CPython's typed arrays of numbers (`array.array`, `ArrayType`, `typecodes`).
//!
//! ```text
//!  ArrayObj      ObjHeader | len usize (items) | cap usize (bytes) | data *mut u8 (raw heap
//!                buffer, cap bytes) | code usize (index into CODES) | viewed usize
//!  ArrayIterObj  ObjHeader | array Value | index usize
//! ```
//! Items are stored as C stores them on the target, native byte order, with CPython's
//! item sizes (`l`/`L` follow the target's C long: 8 bytes on 64-bit Linux, 4 on 32-bit
//! targets; `u` is a 4-byte `wchar_t`). The data buffer is a header-less heap block owned
//! by the array (marked by its trace), grown geometrically and moved when it grows.
//!
//! Buffer protocol: the type fills the `buffer` slot, so `memoryview`, `bytes()`,
//! `bytearray()`, `struct.pack_into`/`unpack_from` and every bytes-like argument read and
//! write the items in place. Like a bytearray's, an export cannot be counted down (the
//! collector runs no finalizers): `viewed` is set when a memoryview is made, and a resize
//! while it is set collects and looks for a live, unreleased view of this array
//! (CPython's BufferError if there is one, else `viewed` clears).
//!
//! Every write re-checks the current length, so Python code run by a conversion
//! (`__index__`, `__float__`) that resizes the array cannot make a write go out of bounds.

use core::cell::Cell;
use core::cmp::Ordering;

use frostbyte_format::{BinOp, CmpOp};

use crate::heap::Tracer;
use crate::obj::{self, bytes::Buffer, exception as exc, flags, str::StrBuf, Args, Builtin, Kind, Layout, Slots, Type};
use crate::qstr;
use crate::rom::ObjHeader;
use crate::runtime;
use crate::value::Value;
use crate::vm::{PyResult, Raised, Vm};

rom_module!("array",
    fns: [],
    values: [
        array => Value::rom(&ARRAY_TYPE),
        ArrayType => Value::rom(&ARRAY_TYPE),
        typecodes => Value::qstr(&Q_TYPECODES_TEXT),
    ],
);

crate::static_qstr!(Q_ARRAY, "array");
crate::static_qstr!(Q_ARRAY_ITER, "arrayiterator");
crate::static_qstr!(Q_TYPECODES_TEXT, "bBuhHiIlLqQfd");
crate::static_qstr!(Q_BYTESWAP, "byteswap");
crate::static_qstr!(Q_BUFFER_INFO, "buffer_info");
crate::static_qstr!(Q_FROMBYTES, "frombytes");
crate::static_qstr!(Q_TOBYTES, "tobytes");
crate::static_qstr!(Q_FROMLIST, "fromlist");
crate::static_qstr!(Q_TOLIST, "tolist");
crate::static_qstr!(Q_FROMUNICODE, "fromunicode");
crate::static_qstr!(Q_TOUNICODE, "tounicode");
crate::static_qstr!(Q_COPY, "__copy__");
crate::static_qstr!(Q_DEEPCOPY, "__deepcopy__");

/// Bytes of a C `long` on the target (LP64 and ILP32: the pointer's).
const LONG: u8 = core::mem::size_of::<usize>() as u8;

/// How an item's bytes are read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Repr {
    Signed,
    Unsigned,
    Float,
    Char,
}

/// One typecode: its letter, item size and representation.
struct Code {
    c: u8,
    size: u8,
    repr: Repr,
}

/// CPython's typecodes, in `array.typecodes` order.
static CODES: [Code; 13] = [
    Code { c: b'b', size: 1, repr: Repr::Signed },
    Code { c: b'B', size: 1, repr: Repr::Unsigned },
    Code { c: b'u', size: 4, repr: Repr::Char },
    Code { c: b'h', size: 2, repr: Repr::Signed },
    Code { c: b'H', size: 2, repr: Repr::Unsigned },
    Code { c: b'i', size: 4, repr: Repr::Signed },
    Code { c: b'I', size: 4, repr: Repr::Unsigned },
    Code { c: b'l', size: LONG, repr: Repr::Signed },
    Code { c: b'L', size: LONG, repr: Repr::Unsigned },
    Code { c: b'q', size: 8, repr: Repr::Signed },
    Code { c: b'Q', size: 8, repr: Repr::Unsigned },
    Code { c: b'f', size: 4, repr: Repr::Float },
    Code { c: b'd', size: 8, repr: Repr::Float },
];

/// Array layout.
#[repr(C)]
pub struct ArrayObj {
    hdr: ObjHeader,
    len: Cell<usize>,
    cap: Cell<usize>,
    data: Cell<*mut u8>,
    code: Cell<usize>,
    viewed: Cell<usize>,
}

// SAFETY: repr(C), starts with ObjHeader; ARRAY_TYPE (and its subclasses) have kind Array,
// and only `alloc` makes objects of it.
unsafe impl Layout for ArrayObj {
    const KIND: Kind = Kind::Array;
}

fn get(v: Value) -> Option<&'static ArrayObj> {
    obj::downcast::<ArrayObj>(v)
}

fn code(a: &ArrayObj) -> &'static Code {
    &CODES[a.code.get().min(CODES.len() - 1)]
}

/// The items' bytes (valid until the array is resized).
fn bytes(a: &ArrayObj) -> &'static [u8] {
    let p = a.data.get();
    if p.is_null() {
        return &[];
    }
    // SAFETY: the buffer holds `cap >= len * size` bytes, the first `len * size` initialised.
    unsafe { core::slice::from_raw_parts(p, a.len.get() * code(a).size as usize) }
}

/// The items' bytes, writable. The caller writes them before anything can resize the array.
fn bytes_mut(a: &ArrayObj) -> &'static mut [u8] {
    let p = a.data.get();
    if p.is_null() {
        return &mut [];
    }
    // SAFETY: as `bytes`; array data is plain bytes written only by the VM's single thread,
    // and no other slice of it is used across this write.
    unsafe { core::slice::from_raw_parts_mut(p, a.len.get() * code(a).size as usize) }
}

/// One item, widened.
#[derive(Clone, Copy)]
enum Item {
    I(i64),
    U(u64),
    F(f64),
    C(u32),
}

/// Item `i` (the caller checked `i < len`).
fn read(a: &ArrayObj, i: usize) -> Item {
    let c = code(a);
    let n = c.size as usize;
    let mut raw = [0u8; 8];
    raw[..n].copy_from_slice(&bytes(a)[i * n..i * n + n]);
    let u = match n {
        1 => raw[0] as u64,
        2 => u16::from_ne_bytes([raw[0], raw[1]]) as u64,
        4 => u32::from_ne_bytes([raw[0], raw[1], raw[2], raw[3]]) as u64,
        _ => u64::from_ne_bytes(raw),
    };
    match c.repr {
        Repr::Signed => {
            let sh = 64 - 8 * n as u32;
            Item::I(((u << sh) as i64) >> sh)
        }
        Repr::Unsigned => Item::U(u),
        Repr::Char => Item::C(u as u32),
        Repr::Float if n == 4 => Item::F(f32::from_bits(u as u32) as f64),
        Repr::Float => Item::F(f64::from_bits(u)),
    }
}

/// Store `x` (already checked for the typecode) as item `i`; nothing when `i` is no longer
/// inside the array.
fn write(a: &ArrayObj, i: usize, x: Item) {
    let n = code(a).size as usize;
    let u = match x {
        Item::I(v) => v as u64,
        Item::U(v) => v,
        Item::C(v) => v as u64,
        Item::F(f) if n == 4 => (f as f32).to_bits() as u64,
        Item::F(f) => f.to_bits(),
    };
    let d = bytes_mut(a);
    let Some(dst) = d.get_mut(i * n..i * n + n) else { return };
    match n {
        1 => dst[0] = u as u8,
        2 => dst.copy_from_slice(&(u as u16).to_ne_bytes()),
        4 => dst.copy_from_slice(&(u as u32).to_ne_bytes()),
        _ => dst.copy_from_slice(&u.to_ne_bytes()),
    }
}

/// An item as a Python value. May collect.
fn to_value(vm: &mut Vm<'_>, x: Item) -> PyResult<Value> {
    match x {
        Item::I(v) => obj::int::from_i64(vm, v),
        Item::U(v) => obj::int::from_i128(vm, v as i128),
        Item::F(f) => obj::float::new(vm, f),
        Item::C(c) => match char::from_u32(c) {
            Some(ch) => obj::str::from_char(vm, ch),
            None => Err(bad_char(vm, c)),
        },
    }
}

/// CPython's error for a `u` item that is no character (a str here holds no surrogates).
fn bad_char(vm: &mut Vm<'_>, c: u32) -> Raised {
    vm.raise_fmt(&exc::VALUE_ERROR_TYPE, format_args!("character U+{c:x} is not in range [U+0000; U+10ffff]"))
}

/// Item `i` as a Python value. May collect.
fn item_value(vm: &mut Vm<'_>, a: &ArrayObj, i: usize) -> PyResult<Value> {
    let x = read(a, i);
    to_value(vm, x)
}

// ----- converting Python values into items -----

fn overflow(vm: &mut Vm<'_>, msg: &str) -> Raised {
    vm.raise_msg(&exc::OVERFLOW_ERROR_TYPE, msg)
}

/// An int (or `__index__`-able) value as i128 (None: outside i128, with its sign).
/// May run Python code.
fn int_of(vm: &mut Vm<'_>, x: Value) -> PyResult<(Option<i128>, bool)> {
    let v = if obj::int::is_int(x) {
        x
    } else {
        match runtime::call_dunder(vm, x, &qstr::__index__, &[])? {
            Some(r) if obj::int::is_int(r) => r,
            Some(r) => {
                return Err(vm.type_error(format_args!("__index__ returned non-int (type {})", obj::type_name(r))))
            }
            None => {
                return Err(
                    vm.type_error(format_args!("'{}' object cannot be interpreted as an integer", obj::type_name(x)))
                )
            }
        }
    };
    Ok((obj::int::to_i128(v), runtime::is_negative(v)))
}

/// A float item (`f`, `d`): a float, an int, or an object with `__float__` or `__index__`
/// (CPython's `PyFloat_AsDouble`). May run Python code.
fn float_of(vm: &mut Vm<'_>, x: Value) -> PyResult<f64> {
    if let Some(f) = obj::float::number_as_f64(vm, x)? {
        return Ok(f);
    }
    if let Some(r) = runtime::call_dunder(vm, x, &qstr::__float__, &[])? {
        return match obj::float::as_f64(r) {
            Some(f) => Ok(f),
            None => Err(vm.type_error(format_args!(
                "{}.__float__ returned non-float (type {})",
                obj::type_name(x),
                obj::type_name(r)
            ))),
        };
    }
    if let Some(r) = runtime::call_dunder(vm, x, &qstr::__index__, &[])? {
        if obj::int::is_int(r) {
            return obj::int::to_f64(vm, r);
        }
    }
    Err(vm.type_error(format_args!("must be real number, not {}", obj::type_name(x))))
}

/// `x` as an item of typecode `c`, with CPython's errors (which name the C conversions its
/// setters go through, so they depend on the size of a C long). May run Python code.
fn to_item(vm: &mut Vm<'_>, c: &Code, x: Value) -> PyResult<Item> {
    match c.repr {
        Repr::Float => return float_of(vm, x).map(Item::F),
        Repr::Char => {
            let mut it = obj::str::as_str(x).map(|s| s.chars());
            return match it.as_mut().map(|i| (i.next(), i.next())) {
                Some((Some(ch), None)) => Ok(Item::C(ch as u32)),
                _ => Err(vm.type_error(format_args!("array item must be unicode character"))),
            };
        }
        _ => {}
    }
    let (big, neg) = int_of(vm, x)?;
    let (lmin, lmax) = (isize::MIN as i128, isize::MAX as i128);
    let in_long = big.is_some_and(|v| (lmin..=lmax).contains(&v));
    let v = big.unwrap_or(0);
    let range = |vm: &mut Vm<'_>, v: i128, lo: i128, hi: i128, what: &str| -> PyResult<()> {
        if v > hi {
            return Err(vm.raise_fmt(&exc::OVERFLOW_ERROR_TYPE, format_args!("{what} is greater than maximum")));
        }
        if v < lo {
            return Err(vm.raise_fmt(&exc::OVERFLOW_ERROR_TYPE, format_args!("{what} is less than minimum")));
        }
        Ok(())
    };
    match c.c {
        b'b' | b'B' | b'h' | b'H' | b'i' | b'l' => {
            if !in_long {
                return Err(overflow(vm, "Python int too large to convert to C long"));
            }
            match c.c {
                b'b' => {
                    range(vm, v, i16::MIN as i128, i16::MAX as i128, "signed short integer")?;
                    range(vm, v, -128, 127, "signed char")?;
                }
                b'B' => range(vm, v, 0, 255, "unsigned byte integer")?,
                b'h' => range(vm, v, i16::MIN as i128, i16::MAX as i128, "signed short integer")?,
                b'H' => {
                    range(vm, v, i32::MIN as i128, i32::MAX as i128, "signed integer")?;
                    range(vm, v, 0, u16::MAX as i128, "unsigned short")?;
                }
                b'i' => range(vm, v, i32::MIN as i128, i32::MAX as i128, "signed integer")?,
                _ => {}
            }
            Ok(Item::I(v as i64))
        }
        b'I' | b'L' => {
            if neg {
                return Err(overflow(vm, "can't convert negative value to unsigned int"));
            }
            if big.is_none() || v > usize::MAX as i128 {
                return Err(overflow(vm, "Python int too large to convert to C unsigned long"));
            }
            if c.c == b'I' && v > u32::MAX as i128 {
                return Err(overflow(vm, "unsigned int is greater than maximum"));
            }
            Ok(Item::U(v as u64))
        }
        b'q' => match big.and_then(|v| i64::try_from(v).ok()) {
            Some(v) => Ok(Item::I(v)),
            None => Err(overflow(vm, "int too big to convert")),
        },
        _ => {
            if neg {
                return Err(overflow(vm, "can't convert negative int to unsigned"));
            }
            match big.and_then(|v| u64::try_from(v).ok()) {
                Some(u) => Ok(Item::U(u)),
                None => Err(overflow(vm, "int too big to convert")),
            }
        }
    }
}

// ----- comparing items with values -----

/// A number as compared with items: exact ints and floats.
#[derive(Clone, Copy)]
enum Num {
    Int(i128),
    Float(f64),
    Char(u32),
}

fn num_of_item(x: Item) -> Num {
    match x {
        Item::I(v) => Num::Int(v as i128),
        Item::U(v) => Num::Int(v as i128),
        Item::F(f) => Num::Float(f),
        Item::C(c) => Num::Char(c),
    }
}

/// `x` as a [`Num`] when it is an int that fits i128, a float or a one-character str
/// (None: compare through Python).
fn num_of_value(x: Value) -> Option<Num> {
    if let Some(f) = obj::float::as_f64(x) {
        return Some(Num::Float(f));
    }
    if obj::int::is_int(x) {
        return obj::int::to_i128(x).map(Num::Int);
    }
    let s = obj::str::as_str(x)?;
    let mut it = s.chars();
    match (it.next(), it.next()) {
        (Some(c), None) => Some(Num::Char(c as u32)),
        _ => None,
    }
}

/// Exact comparison of an int with a float (None: the float is NaN).
fn int_float_cmp(i: i128, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f >= 1.0e38 {
        return Some(Ordering::Less);
    }
    if f <= -1.0e38 {
        return Some(Ordering::Greater);
    }
    let t = libm::trunc(f);
    Some(i.cmp(&(t as i128)).then(if f > t {
        Ordering::Less
    } else if f < t {
        Ordering::Greater
    } else {
        Ordering::Equal
    }))
}

/// How two numbers compare; `None` when unordered (NaN) or of kinds Python does not order
/// (a character and a number: `Some(None)` means "compare through Python").
fn num_cmp(a: Num, b: Num) -> Option<Option<Ordering>> {
    Some(match (a, b) {
        (Num::Int(x), Num::Int(y)) => Some(x.cmp(&y)),
        (Num::Float(x), Num::Float(y)) => x.partial_cmp(&y),
        (Num::Int(x), Num::Float(y)) => int_float_cmp(x, y),
        (Num::Float(x), Num::Int(y)) => int_float_cmp(y, x).map(Ordering::reverse),
        (Num::Char(x), Num::Char(y)) => Some(x.cmp(&y)),
        _ => return None,
    })
}

/// `item == x` (CPython compares the item's Python value). May run Python code.
fn item_eq(vm: &mut Vm<'_>, item: Item, x: Value) -> PyResult<bool> {
    if let Some(n) = num_of_value(x) {
        return Ok(match num_cmp(num_of_item(item), n) {
            Some(o) => o == Some(Ordering::Equal),
            None => false,
        });
    }
    let v = to_value(vm, item)?;
    let m = vm.roots_mark();
    vm.push_root(v)?;
    let r = runtime::eq(vm, v, x);
    vm.pop_roots(m);
    r
}

// ----- allocation and resizing -----

/// A new empty array of typecode index `ci` (always `array.array`: CPython's slices,
/// concatenations and copies of a subclass are plain arrays). May collect.
fn alloc(vm: &mut Vm<'_>, ci: usize) -> PyResult<Value> {
    let v = vm.alloc_obj(&ARRAY_TYPE, core::mem::size_of::<ArrayObj>())?;
    if let Some(a) = get(v) {
        a.code.set(ci);
    }
    Ok(v)
}

/// A new array of typecode index `ci` holding a copy of `data` (whole items). May collect.
fn with_bytes(vm: &mut Vm<'_>, ci: usize, data: &[u8]) -> PyResult<Value> {
    let v = alloc(vm, ci)?;
    let n = data.len() / CODES[ci].size as usize;
    if n > 0 {
        let m = vm.roots_mark();
        vm.push_root(v)?;
        let r = resize(vm, v, n);
        vm.pop_roots(m);
        r?;
        let a = get(v).ok_or_else(|| vm.raise_memory_error())?;
        bytes_mut(a).copy_from_slice(&data[..n * CODES[ci].size as usize]);
    }
    Ok(v)
}

/// Set the length of the rooted array `v` to `n` items (new items are zero). BufferError
/// while a memoryview exports it and `n` is not its length. May collect.
fn resize(vm: &mut Vm<'_>, v: Value, n: usize) -> PyResult<()> {
    let Some(a) = get(v) else { return Ok(()) };
    if n == a.len.get() {
        return Ok(());
    }
    check_resizable(vm, v)?;
    let size = code(a).size as usize;
    let Some(nb) = n.checked_mul(size).filter(|b| *b <= isize::MAX as usize) else {
        return Err(vm.raise_memory_error());
    };
    if nb > a.cap.get() {
        let want = if n > a.len.get() + 1 { nb } else { nb.saturating_add(nb / 2 + 16).min(isize::MAX as usize) };
        let p = vm.realloc_atleast(a.data.get(), want, nb, false)?;
        let a = get(v).ok_or_else(|| vm.raise_memory_error())?;
        a.data.set(p);
        a.cap.set(vm.heap.alloc_size(p).min(want).max(nb));
    }
    let a = get(v).ok_or_else(|| vm.raise_memory_error())?;
    let old = a.len.get();
    a.len.set(n);
    if n > old {
        bytes_mut(a)[old * size..].fill(0);
    }
    Ok(())
}

/// BufferError if the rooted `v` has a live, unreleased memoryview (see the module doc).
/// May collect.
fn check_resizable(vm: &mut Vm<'_>, v: Value) -> PyResult<()> {
    let Some(a) = get(v) else { return Ok(()) };
    if a.viewed.get() == 0 {
        return Ok(());
    }
    vm.collect();
    #[cfg(feature = "memoryview")]
    let live = {
        let mut live = false;
        vm.heap.for_each_object(|o| live |= obj::memoryview::views(o, v));
        live
    };
    #[cfg(not(feature = "memoryview"))]
    let live = false;
    if live {
        return Err(vm.raise_msg(&exc::BUFFER_ERROR_TYPE, "cannot resize an array that is exporting buffers"));
    }
    a.viewed.set(0);
    Ok(())
}

/// Replace items `lo..hi` of the rooted `v` by `src` (whole items of the same typecode,
/// not inside `v`'s buffer). May collect.
fn splice(vm: &mut Vm<'_>, v: Value, lo: usize, hi: usize, src: &[u8]) -> PyResult<()> {
    let Some(a) = get(v) else { return Ok(()) };
    let size = code(a).size as usize;
    let n = a.len.get();
    let (lo, hi) = (lo.min(n), hi.clamp(lo.min(n), n));
    let k = src.len() / size;
    let new_len = n - (hi - lo) + k;
    if new_len > n {
        resize(vm, v, new_len)?;
    } else if new_len < n {
        check_resizable(vm, v)?;
    }
    let d = bytes_mut(a);
    d.copy_within(hi * size..n * size, (lo + k) * size);
    d[lo * size..(lo + k) * size].copy_from_slice(&src[..k * size]);
    if new_len < n {
        resize(vm, v, new_len)?;
    }
    Ok(())
}

/// Insert `x` at `at` (None: at the end; clamped like `list.insert`) into the rooted `v`,
/// as CPython's `ins1`: the value is converted once to check it, the array grows, and it
/// is converted again to be stored (so `__index__`/`__float__` run twice, as there). May
/// collect.
fn ins1(vm: &mut Vm<'_>, v: Value, at: Option<i64>, x: Value) -> PyResult<()> {
    let c = code(get(v).ok_or_else(|| vm.raise_memory_error())?);
    to_item(vm, c, x)?;
    let n = get(v).map_or(0, |a| a.len.get());
    let at = at.map_or(n, |i| runtime::clamp_to(i, n));
    resize(vm, v, n + 1)?;
    let size = c.size as usize;
    if let Some(a) = get(v) {
        bytes_mut(a).copy_within(at * size..n * size, (at + 1) * size);
    }
    let item = to_item(vm, c, x)?;
    if let Some(a) = get(v) {
        write(a, at, item);
    }
    Ok(())
}

/// Append the items of the iterable `x` to the rooted `v` (items appended before an error
/// stay, as in CPython). May collect.
fn extend_iter(vm: &mut Vm<'_>, v: Value, x: Value) -> PyResult<()> {
    let m = vm.roots_mark();
    let r = (|| {
        let it = runtime::get_iter(vm, x)?;
        vm.push_root(it)?;
        while let Some(y) = runtime::next(vm, it)? {
            let mark = vm.roots_mark();
            vm.push_root(y)?;
            ins1(vm, v, None, y)?;
            vm.pop_roots(mark);
        }
        Ok(())
    })();
    vm.pop_roots(m);
    r
}

/// Append the items of the array `x` (same typecode) to the rooted `v`. May collect.
fn extend_array(vm: &mut Vm<'_>, v: Value, x: Value) -> PyResult<()> {
    let (Some(a), Some(b)) = (get(v), get(x)) else { return Ok(()) };
    if a.code.get() != b.code.get() {
        return Err(vm.type_error(format_args!("can only extend with array of same kind")));
    }
    let (n, k) = (a.len.get(), b.len.get());
    resize(vm, v, n + k)?;
    let size = code(a).size as usize;
    // Re-read both: the resize moved `v`'s buffer, and `x` may be `v` itself.
    let d = bytes_mut(a);
    let src = get(x).map(|b| b.data.get()).unwrap_or(core::ptr::null_mut());
    if k > 0 && !src.is_null() && d.len() >= (n + k) * size {
        // SAFETY: `x`'s buffer holds at least `k` items (it only grew, if it is `v`), and
        // `copy` allows the source to be `v`'s own first `n` items.
        unsafe { core::ptr::copy(src, d.as_mut_ptr().add(n * size), k * size) };
    }
    Ok(())
}

// ----- the type -----

fn this(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<&'static ArrayObj> {
    match get(args.get(0)) {
        Some(a) => Ok(a),
        None => Err(vm.type_error(format_args!("descriptor requires a 'array.array' object"))),
    }
}

fn code_index(c: char) -> Option<usize> {
    CODES.iter().position(|x| x.c as char == c)
}

fn new_array(vm: &mut Vm<'_>, _cls: Value, args: &Args<'_>) -> PyResult<Value> {
    if !args.kwnames.is_empty() {
        return Err(vm.type_error(format_args!("array.array() takes no keyword arguments")));
    }
    match args.pos.len() {
        0 => return Err(vm.type_error(format_args!("array() takes at least 1 argument (0 given)"))),
        1 | 2 => {}
        n => return Err(vm.type_error(format_args!("array() takes at most 2 arguments ({n} given)"))),
    }
    let tc = args.pos[0];
    let c = match obj::str::as_str(tc).map(|s| {
        let mut it = s.chars();
        (it.next(), it.next())
    }) {
        Some((Some(c), None)) => c,
        Some(_) => return Err(vm.type_error(format_args!("array() argument 1 must be a unicode character, not str"))),
        None => {
            return Err(vm.type_error(format_args!(
                "array() argument 1 must be a unicode character, not {}",
                obj::type_name(tc)
            )))
        }
    };
    let Some(ci) = code_index(c) else {
        return Err(
            vm.raise_msg(&exc::VALUE_ERROR_TYPE, "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
        );
    };
    let init = args.get(1);
    if !init.is_null() && c != 'u' {
        if obj::str::is_str(init) {
            return Err(vm.type_error(format_args!("cannot use a str to initialize an array with typecode '{c}'")));
        }
        if get(init).is_some_and(|b| code(b).c == b'u') {
            return Err(
                vm.type_error(format_args!("cannot use a unicode array to initialize an array with typecode '{c}'"))
            );
        }
    }
    let v = alloc(vm, ci)?;
    if init.is_null() {
        return Ok(v);
    }
    let m = vm.roots_mark();
    vm.push_root(v)?;
    let r = (|| {
        if let Some(b) = get(init).filter(|b| b.code.get() == ci) {
            let _ = b;
            return extend_array(vm, v, init);
        }
        if obj::bytes::as_bytes(init).is_some() || obj::bytearray::data(init).is_some() {
            return frombytes_into(vm, v, init);
        }
        if let Some(s) = obj::str::as_str(init) {
            let n = s.chars().count();
            resize(vm, v, n)?;
            let a = get(v).ok_or_else(|| vm.raise_memory_error())?;
            for (i, ch) in obj::str::as_str(init).unwrap_or("").chars().enumerate() {
                write(a, i, Item::C(ch as u32));
            }
            return Ok(());
        }
        if obj::list::as_list(init).is_some() || obj::tuple::items(init).is_some() {
            return fill_from_seq(vm, v, init);
        }
        extend_iter(vm, v, init)
    })();
    vm.pop_roots(m);
    r.map(|_| v)
}

/// The item `i` of a list or tuple (None past its current end).
fn seq_item(s: Value, i: usize) -> Option<Value> {
    match obj::list::as_list(s) {
        Some(l) => l.get(i),
        None => obj::tuple::items(s).and_then(|t| t.get(i).copied()),
    }
}

fn seq_len(s: Value) -> usize {
    match obj::list::as_list(s) {
        Some(l) => l.as_slice().len(),
        None => obj::tuple::items(s).map_or(0, |t| t.len()),
    }
}

/// Append the items of the list or tuple `s` to the rooted `v`; on an error the array gets
/// its old length back (CPython's `fromlist`, and the constructor from a list). May collect.
fn fill_from_seq(vm: &mut Vm<'_>, v: Value, s: Value) -> PyResult<()> {
    let old = get(v).map_or(0, |a| a.len.get());
    let n = seq_len(s);
    resize(vm, v, old + n)?;
    for i in 0..n {
        let Some(x) = seq_item(s, i) else { break };
        let c = code(get(v).ok_or_else(|| vm.raise_memory_error())?);
        match to_item(vm, c, x) {
            Ok(item) => {
                if let Some(a) = get(v) {
                    write(a, old + i, item);
                }
            }
            Err(e) => {
                let _ = resize(vm, v, old);
                return Err(e);
            }
        }
    }
    Ok(())
}

/// `frombytes` into the rooted `v`. May collect.
fn frombytes_into(vm: &mut Vm<'_>, v: Value, x: Value) -> PyResult<()> {
    let Some(d) = obj::bytes::as_buf(x) else {
        return Err(vm.type_error(format_args!("a bytes-like object is required, not '{}'", obj::type_name(x))));
    };
    #[cfg(feature = "memoryview")]
    let itemsize = obj::memoryview::buffer(x).map_or(1, |b| b.itemsize);
    #[cfg(not(feature = "memoryview"))]
    let itemsize = obj::bytes::slot_buffer(x, false).map_or(1, |b| b.itemsize);
    if itemsize != 1 {
        // CPython reads the argument as a buffer of single bytes.
        return Err(vm.type_error(format_args!("a bytes-like object is required")));
    }
    let a = get(v).ok_or_else(|| vm.raise_memory_error())?;
    let size = code(a).size as usize;
    if d.len() % size != 0 {
        return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "bytes length not a multiple of item size"));
    }
    if d.is_empty() {
        return Ok(());
    }
    if x == v {
        // CPython holds an export of the argument while it resizes `self`.
        return Err(vm.raise_msg(&exc::BUFFER_ERROR_TYPE, "cannot resize an array that is exporting buffers"));
    }
    let n = a.len.get();
    let k = d.len() / size;
    resize(vm, v, n + k)?;
    // Re-read the source: resizing collected nothing reachable, but a bytearray's or an
    // array's buffer is read afresh all the same.
    let src = obj::bytes::as_buf(x).unwrap_or(&[]);
    let dst = bytes_mut(a);
    if src.len() == k * size && dst.len() >= (n + k) * size {
        dst[n * size..(n + k) * size].copy_from_slice(src);
    }
    Ok(())
}

fn trace(v: Value, t: &mut Tracer<'_>) {
    if let Some(a) = get(v) {
        if !a.data.get().is_null() {
            t.mark_buffer(a.data.get());
        }
    }
}

/// The buffer protocol (the `buffer` slot): the items in place, writable.
fn buffer(v: Value, export: bool) -> Option<Buffer> {
    let a = get(v)?;
    if export {
        a.viewed.set(1);
    }
    let c = code(a);
    let ptr = if a.data.get().is_null() { core::ptr::NonNull::<u8>::dangling().as_ptr() } else { a.data.get() };
    Some(Buffer {
        ptr,
        len: a.len.get() * c.size as usize,
        readonly: false,
        // CPython exports `u` as `w` (a 4-byte wchar_t), which memoryview cannot read.
        format: if c.c == b'u' { b'w' } else { c.c },
        itemsize: c.size as usize,
    })
}

fn repr(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf) -> PyResult<()> {
    let Some(a) = get(v) else { return Ok(()) };
    let c = code(a);
    sb.push(vm, obj::type_name(v))?;
    sb.push_fmt(vm, format_args!("('{}'", c.c as char))?;
    if a.len.get() == 0 {
        return sb.push(vm, ")");
    }
    if c.repr == Repr::Char {
        let s = tounicode_value(vm, v)?;
        let m = vm.roots_mark();
        vm.push_root(s)?;
        let r = sb.push(vm, ", ").and_then(|_| runtime::repr_into(vm, s, sb));
        vm.pop_roots(m);
        r?;
        return sb.push(vm, ")");
    }
    sb.push(vm, ", [")?;
    let mut i = 0;
    while i < a.len.get() {
        if i > 0 {
            sb.push(vm, ", ")?;
        }
        match read(a, i) {
            Item::I(x) => sb.push_fmt(vm, format_args!("{x}"))?,
            Item::U(x) => sb.push_fmt(vm, format_args!("{x}"))?,
            Item::F(f) => crate::numfmt::float_repr(vm, f, sb)?,
            Item::C(_) => {}
        }
        i += 1;
    }
    sb.push(vm, "])")
}

fn len(_vm: &mut Vm<'_>, v: Value) -> PyResult<usize> {
    Ok(get(v).map_or(0, |a| a.len.get()))
}

/// An item index (`a[i]`), or CPython's TypeError.
fn index_of(vm: &mut Vm<'_>, k: Value, msg: &str) -> PyResult<i64> {
    if !obj::int::is_int(k) && !obj::type_of(k).is_heap() {
        return Err(vm.type_error(format_args!("{msg}")));
    }
    runtime::index_arg(vm, k, msg)
}

fn getitem(vm: &mut Vm<'_>, v: Value, k: Value) -> PyResult<Value> {
    let Some(a) = get(v) else { return Ok(Value::NONE) };
    if let Some(sl) = obj::slice::as_slice(k) {
        let (start, stop, step) = sl.unpack(vm)?.adjust(a.len.get());
        let cnt = obj::slice::slice_len(start, stop, step);
        let size = code(a).size as usize;
        let r = alloc(vm, a.code.get())?;
        let m = vm.roots_mark();
        vm.push_root(r)?;
        let res = resize(vm, r, cnt);
        vm.pop_roots(m);
        res?;
        let (src, dst) = (bytes(a), bytes_mut(get(r).ok_or_else(|| vm.raise_memory_error())?));
        for j in 0..cnt {
            let i = (start + j as isize * step) as usize;
            if let (Some(s), Some(d)) = (src.get(i * size..i * size + size), dst.get_mut(j * size..j * size + size)) {
                d.copy_from_slice(s);
            }
        }
        return Ok(r);
    }
    let i = index_of(vm, k, "array indices must be integers")?;
    match runtime::norm_index(i, a.len.get()) {
        Some(i) => item_value(vm, a, i),
        None => Err(vm.raise_msg(&exc::INDEX_ERROR_TYPE, "array index out of range")),
    }
}

fn setitem(vm: &mut Vm<'_>, v: Value, k: Value, x: Value) -> PyResult<()> {
    let Some(a) = get(v) else { return Ok(()) };
    if let Some(sl) = obj::slice::as_slice(k) {
        return set_slice(vm, v, sl, x);
    }
    let i = index_of(vm, k, "array indices must be integers")?;
    let Some(i) = runtime::norm_index(i, a.len.get()) else {
        return Err(vm.raise_msg(&exc::INDEX_ERROR_TYPE, "array assignment index out of range"));
    };
    if x.is_null() {
        return splice(vm, v, i, i + 1, &[]);
    }
    let item = to_item(vm, code(a), x)?;
    write(a, i, item);
    Ok(())
}

fn set_slice(vm: &mut Vm<'_>, v: Value, sl: &obj::slice::SliceObj, x: Value) -> PyResult<()> {
    let Some(a) = get(v) else { return Ok(()) };
    let u = sl.unpack(vm)?;
    let src = if x.is_null() {
        Value::NULL
    } else if let Some(b) = get(x) {
        if b.code.get() != a.code.get() {
            return Err(vm.type_error(format_args!("bad argument type for built-in operation")));
        }
        // A copy of the items: the source may be `v` itself.
        obj::bytes::new(vm, bytes(b))?
    } else {
        return Err(vm.type_error(format_args!("can only assign array (not \"{}\") to array slice", obj::type_name(x))));
    };
    let m = vm.roots_mark();
    vm.push_root(src)?;
    let r = set_slice_from(vm, v, u, src);
    vm.pop_roots(m);
    r
}

/// Slice assignment (`src` the new items as bytes, NULL to delete) into the rooted `v`.
fn set_slice_from(vm: &mut Vm<'_>, v: Value, u: obj::slice::Unpacked, src: Value) -> PyResult<()> {
    let Some(a) = get(v) else { return Ok(()) };
    let size = code(a).size as usize;
    let n = a.len.get();
    let (start, stop, step) = u.adjust(n);
    let s = obj::bytes::as_bytes(src).unwrap_or(&[]);
    if step == 1 {
        return splice(vm, v, start as usize, stop.max(start) as usize, s);
    }
    let cnt = obj::slice::slice_len(start, stop, step);
    let needed = s.len() / size;
    if src.is_null() || needed == 0 {
        if cnt == 0 {
            return Ok(());
        }
        check_resizable(vm, v)?;
        // Keep every item whose index is not on the slice (walked upwards), in order.
        let (lo, st) = if step < 0 { (start + (cnt as isize - 1) * step, -step) } else { (start, step) };
        let d = bytes_mut(a);
        let (mut w, mut hit) = (0usize, 0usize);
        for i in 0..n {
            if hit < cnt && i as isize == lo + hit as isize * st {
                hit += 1;
            } else {
                d.copy_within(i * size..i * size + size, w * size);
                w += 1;
            }
        }
        return resize(vm, v, w);
    }
    if needed != cnt {
        return Err(
            vm.value_error(format_args!("attempt to assign array of size {needed} to extended slice of size {cnt}"))
        );
    }
    let d = bytes_mut(a);
    for j in 0..cnt {
        let i = (start + j as isize * step) as usize;
        if let Some(dst) = d.get_mut(i * size..i * size + size) {
            dst.copy_from_slice(&s[j * size..j * size + size]);
        }
    }
    Ok(())
}

fn contains(vm: &mut Vm<'_>, v: Value, x: Value) -> PyResult<bool> {
    Ok(find(vm, v, x, 0, usize::MAX)?.is_some())
}

/// The first index in `lo..hi` whose item equals `x`. May run Python code.
fn find(vm: &mut Vm<'_>, v: Value, x: Value, lo: usize, hi: usize) -> PyResult<Option<usize>> {
    let mut i = lo;
    while let Some(a) = get(v).filter(|a| i < a.len.get().min(hi)) {
        if item_eq(vm, read(a, i), x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn richcmp(vm: &mut Vm<'_>, v: Value, w: Value, op: CmpOp) -> PyResult<Value> {
    let (Some(a), Some(b)) = (get(v), get(w)) else { return Ok(Value::NOT_IMPLEMENTED) };
    let eq_op = matches!(op, CmpOp::Eq | CmpOp::Ne);
    if eq_op && a.len.get() != b.len.get() {
        return Ok(Value::bool(op == CmpOp::Ne));
    }
    let n = a.len.get().min(b.len.get());
    let mut i = 0;
    while i < n {
        let (x, y) = (num_of_item(read(a, i)), num_of_item(read(b, i)));
        match num_cmp(x, y) {
            Some(Some(Ordering::Equal)) => i += 1,
            Some(o) if !eq_op => return Ok(Value::bool(o.is_some_and(|o| runtime::cmp_result(op, o)))),
            Some(_) => return Ok(Value::bool(op == CmpOp::Ne)),
            None if eq_op => return Ok(Value::bool(op == CmpOp::Ne)),
            None => {
                // A character and a number: Python's own comparison (and its TypeError).
                let m = vm.roots_mark();
                let r = (|| {
                    let xv = item_value(vm, a, i)?;
                    vm.push_root(xv)?;
                    let yv = item_value(vm, b, i)?;
                    vm.push_root(yv)?;
                    runtime::compare(vm, xv, yv, op)
                })();
                vm.pop_roots(m);
                return r;
            }
        }
    }
    Ok(Value::bool(runtime::cmp_result(op, a.len.get().cmp(&b.len.get()))))
}

fn binop(vm: &mut Vm<'_>, op: BinOp, v: Value, x: Value, reflected: bool) -> PyResult<Value> {
    match op {
        BinOp::Add | BinOp::IAdd if !reflected => {
            let Some(a) = get(v) else { return Ok(Value::NOT_IMPLEMENTED) };
            let Some(b) = get(x) else {
                return Err(if op == BinOp::IAdd {
                    vm.type_error(format_args!("can only extend array with array (not \"{}\")", obj::type_name(x)))
                } else {
                    vm.type_error(format_args!("can only append array (not \"{}\") to array", obj::type_name(x)))
                });
            };
            if op == BinOp::IAdd {
                extend_array(vm, v, x)?;
                return Ok(v);
            }
            if a.code.get() != b.code.get() {
                return Err(vm.type_error(format_args!("bad argument type for built-in operation")));
            }
            let r = with_bytes(vm, a.code.get(), bytes(a))?;
            let m = vm.roots_mark();
            vm.push_root(r)?;
            let res = extend_array(vm, r, x);
            vm.pop_roots(m);
            res.map(|_| r)
        }
        BinOp::Mul | BinOp::IMul => {
            let (s, cnt) = if reflected { (x, v) } else { (v, x) };
            let Some(a) = get(s) else { return Ok(Value::NOT_IMPLEMENTED) };
            let Some(cnt) = runtime::repeat_count(vm, cnt)? else { return Ok(Value::NOT_IMPLEMENTED) };
            let n = a.len.get();
            let Some(total) = n.checked_mul(cnt) else { return Err(vm.raise_memory_error()) };
            let size = code(a).size as usize;
            let r = if op == BinOp::IMul && !reflected {
                resize(vm, s, total)?;
                s
            } else {
                let r = alloc(vm, a.code.get())?;
                let m = vm.roots_mark();
                vm.push_root(r)?;
                let res = resize(vm, r, total);
                vm.pop_roots(m);
                res?;
                let k = n.min(total) * size;
                bytes_mut(get(r).ok_or_else(|| vm.raise_memory_error())?)[..k].copy_from_slice(&bytes(a)[..k]);
                r
            };
            let d = bytes_mut(get(r).ok_or_else(|| vm.raise_memory_error())?);
            for k in n * size..total * size {
                d[k] = d[k - n * size];
            }
            Ok(r)
        }
        _ => Ok(Value::NOT_IMPLEMENTED),
    }
}

fn getattr(vm: &mut Vm<'_>, v: Value, name: Value) -> PyResult<Value> {
    let Some(a) = get(v) else { return Ok(Value::NULL) };
    match obj::str::as_str(name) {
        Some("typecode") => obj::str::from_char(vm, code(a).c as char),
        Some("itemsize") => Ok(Value::small_int(code(a).size as isize)),
        _ => Ok(Value::NULL),
    }
}

fn setattr(vm: &mut Vm<'_>, v: Value, name: Value, _x: Value) -> PyResult<bool> {
    match obj::str::as_str(name) {
        Some(n @ ("typecode" | "itemsize")) => Err(vm.raise_fmt(
            &exc::ATTRIBUTE_ERROR_TYPE,
            format_args!("attribute '{n}' of '{}' objects is not writable", runtime::TpName(obj::type_of(v))),
        )),
        _ => Ok(false),
    }
}

// ----- iteration -----

#[repr(C)]
struct ArrayIterObj {
    hdr: ObjHeader,
    array: Value,
    index: Cell<usize>,
}

fn as_iter(v: Value) -> Option<&'static ArrayIterObj> {
    // SAFETY: objects of ARRAY_ITER_TYPE (not subclassable) are ArrayIterObj objects made
    // by `iter`.
    core::ptr::eq(obj::type_of(v), &ARRAY_ITER_TYPE).then(|| unsafe { &*(v.as_ptr() as *const ArrayIterObj) })
}

fn iter(vm: &mut Vm<'_>, v: Value) -> PyResult<Value> {
    let it = vm.alloc_obj(&ARRAY_ITER_TYPE, core::mem::size_of::<ArrayIterObj>())?;
    // SAFETY: fresh ArrayIterObj-sized allocation.
    unsafe { (*(it.as_ptr() as *mut ArrayIterObj)).array = v };
    Ok(it)
}

fn iter_trace(v: Value, t: &mut Tracer<'_>) {
    if let Some(it) = as_iter(v) {
        t.mark(it.array);
    }
}

fn iter_self(_vm: &mut Vm<'_>, v: Value) -> PyResult<Value> {
    Ok(v)
}

fn iter_next(vm: &mut Vm<'_>, v: Value) -> PyResult<Option<Value>> {
    let Some(it) = as_iter(v) else { return Ok(None) };
    let i = it.index.get();
    let Some(a) = get(it.array).filter(|a| i < a.len.get()) else { return Ok(None) };
    it.index.set(i + 1);
    item_value(vm, a, i).map(Some)
}

static ITER_SLOTS: Slots =
    Slots { trace: Some(iter_trace), iter: Some(iter_self), next: Some(iter_next), ..Slots::EMPTY };

static ARRAY_ITER_TYPE: Type =
    Type::builtin(&Q_ARRAY_ITER, Some(&obj::class::OBJECT_TYPE), Kind::Misc, 0, &ITER_SLOTS, &[]).in_module(&TYPE_NS);

// ----- methods -----

fn m_append(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    this(vm, args)?;
    runtime::check_nargs(vm, "append", args, 2, 2)?;
    ins1(vm, args.pos[0], None, args.pos[1])?;
    Ok(Value::NONE)
}

fn m_extend(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    this(vm, args)?;
    runtime::check_nargs(vm, "extend", args, 2, 2)?;
    let (v, x) = (args.pos[0], args.pos[1]);
    if get(x).is_some() {
        extend_array(vm, v, x)?;
    } else {
        extend_iter(vm, v, x)?;
    }
    Ok(Value::NONE)
}

fn m_insert(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    this(vm, args)?;
    runtime::check_nargs(vm, "insert", args, 3, 3)?;
    let i = runtime::index_arg_typed(vm, args.pos[1])?;
    ins1(vm, args.pos[0], Some(i), args.pos[2])?;
    Ok(Value::NONE)
}

fn m_pop(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let a = this(vm, args)?;
    runtime::check_nargs(vm, "pop", args, 1, 2)?;
    let i = if args.pos.len() > 1 { runtime::index_arg_typed(vm, args.pos[1])? } else { -1 };
    let n = a.len.get();
    if n == 0 {
        return Err(vm.raise_msg(&exc::INDEX_ERROR_TYPE, "pop from empty array"));
    }
    let Some(i) = runtime::norm_index(i, n) else {
        return Err(vm.raise_msg(&exc::INDEX_ERROR_TYPE, "pop index out of range"));
    };
    let x = item_value(vm, a, i)?;
    let m = vm.roots_mark();
    vm.push_root(x)?;
    let r = splice(vm, args.pos[0], i, i + 1, &[]);
    vm.pop_roots(m);
    r.map(|_| x)
}

fn m_remove(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    this(vm, args)?;
    runtime::check_nargs(vm, "remove", args, 2, 2)?;
    let Some(i) = find(vm, args.pos[0], args.pos[1], 0, usize::MAX)? else {
        return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "array.remove(x): x not in array"));
    };
    splice(vm, args.pos[0], i, i + 1, &[])?;
    Ok(Value::NONE)
}

fn m_index(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let a = this(vm, args)?;
    runtime::check_nargs(vm, "index", args, 2, 4)?;
    let lo = if args.pos.len() > 2 { runtime::slice_index_arg(vm, args.pos[2], false)? } else { 0 };
    let hi = if args.pos.len() > 3 { runtime::slice_index_arg(vm, args.pos[3], false)? } else { i64::MAX };
    let n = a.len.get();
    let (lo, hi) = (runtime::clamp_to(lo, n), runtime::clamp_to(hi, n));
    match find(vm, args.pos[0], args.pos[1], lo, hi)? {
        Some(i) => Ok(Value::small_int(i as isize)),
        None => Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "array.index(x): x not in array")),
    }
}

fn m_count(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    this(vm, args)?;
    runtime::check_nargs(vm, "count", args, 2, 2)?;
    let (mut i, mut k) = (0, 0);
    while let Some(j) = find(vm, args.pos[0], args.pos[1], i, usize::MAX)? {
        k += 1;
        i = j + 1;
    }
    Ok(Value::small_int(k))
}

fn m_reverse(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let a = this(vm, args)?;
    runtime::check_nargs(vm, "reverse", args, 1, 1)?;
    let size = code(a).size as usize;
    let d = bytes_mut(a);
    d.reverse();
    for item in d.chunks_mut(size) {
        item.reverse();
    }
    Ok(Value::NONE)
}

fn m_byteswap(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let a = this(vm, args)?;
    runtime::check_nargs(vm, "byteswap", args, 1, 1)?;
    let size = code(a).size as usize;
    for item in bytes_mut(a).chunks_mut(size) {
        item.reverse();
    }
    Ok(Value::NONE)
}

fn m_buffer_info(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let a = this(vm, args)?;
    runtime::check_nargs(vm, "buffer_info", args, 1, 1)?;
    let addr = obj::int::from_i128(vm, a.data.get() as usize as i128)?;
    let m = vm.roots_mark();
    vm.push_root(addr)?;
    let r = obj::tuple::new(vm, &[addr, Value::small_int(a.len.get() as isize)]);
    vm.pop_roots(m);
    r
}

fn m_frombytes(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    this(vm, args)?;
    runtime::check_nargs(vm, "frombytes", args, 2, 2)?;
    frombytes_into(vm, args.pos[0], args.pos[1])?;
    Ok(Value::NONE)
}

fn m_tobytes(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let a = this(vm, args)?;
    runtime::check_nargs(vm, "tobytes", args, 1, 1)?;
    obj::bytes::new(vm, bytes(a))
}

fn m_fromlist(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    this(vm, args)?;
    runtime::check_nargs(vm, "fromlist", args, 2, 2)?;
    if obj::list::as_list(args.pos[1]).is_none() {
        return Err(vm.type_error(format_args!("arg must be list")));
    }
    fill_from_seq(vm, args.pos[0], args.pos[1])?;
    Ok(Value::NONE)
}

fn m_tolist(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let a = this(vm, args)?;
    runtime::check_nargs(vm, "tolist", args, 1, 1)?;
    let out = obj::list::with_capacity(vm, a.len.get())?;
    let m = vm.roots_mark();
    vm.push_root(out)?;
    let r = (|| {
        let mut i = 0;
        while let Some(a) = get(args.pos[0]).filter(|a| i < a.len.get()) {
            let x = item_value(vm, a, i)?;
            obj::list::append(vm, out, x)?;
            i += 1;
        }
        Ok(out)
    })();
    vm.pop_roots(m);
    r
}

fn m_fromunicode(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let a = this(vm, args)?;
    runtime::check_nargs(vm, "fromunicode", args, 2, 2)?;
    let x = args.pos[1];
    if !obj::str::is_str(x) {
        return Err(vm.type_error(format_args!("fromunicode() argument must be str, not {}", obj::type_name(x))));
    }
    if code(a).repr != Repr::Char {
        return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "fromunicode() may only be called on unicode type arrays"));
    }
    let n = a.len.get();
    let k = obj::str::as_str(x).unwrap_or("").chars().count();
    resize(vm, args.pos[0], n + k)?;
    for (i, ch) in obj::str::as_str(x).unwrap_or("").chars().enumerate() {
        write(a, n + i, Item::C(ch as u32));
    }
    Ok(Value::NONE)
}

/// The characters of a `u` array as a str. May collect.
fn tounicode_value(vm: &mut Vm<'_>, v: Value) -> PyResult<Value> {
    let mut sb = StrBuf::new(vm)?;
    let mut i = 0;
    while let Some(a) = get(v).filter(|a| i < a.len.get()) {
        let Item::C(c) = read(a, i) else { break };
        match char::from_u32(c) {
            Some(ch) => sb.push_char(vm, ch)?,
            None => return Err(bad_char(vm, c)),
        }
        i += 1;
    }
    sb.finish(vm)
}

fn m_tounicode(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let a = this(vm, args)?;
    runtime::check_nargs(vm, "tounicode", args, 1, 1)?;
    if code(a).repr != Repr::Char {
        return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "tounicode() may only be called on unicode type arrays"));
    }
    tounicode_value(vm, args.pos[0])
}

fn m_copy(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let a = this(vm, args)?;
    with_bytes(vm, a.code.get(), bytes(a))
}

static METHODS: &[Builtin] = &[
    Builtin::method(&qstr::append, m_append),
    Builtin::method(&qstr::extend, m_extend),
    Builtin::method(&qstr::insert, m_insert),
    Builtin::method(&qstr::pop, m_pop),
    Builtin::method(&qstr::remove, m_remove),
    Builtin::method(&qstr::index, m_index),
    Builtin::method(&qstr::count, m_count),
    Builtin::method(&qstr::reverse, m_reverse),
    Builtin::method(&Q_BYTESWAP, m_byteswap),
    Builtin::method(&Q_BUFFER_INFO, m_buffer_info),
    Builtin::method(&Q_FROMBYTES, m_frombytes),
    Builtin::method(&Q_TOBYTES, m_tobytes),
    Builtin::method(&Q_FROMLIST, m_fromlist),
    Builtin::method(&Q_TOLIST, m_tolist),
    Builtin::method(&Q_FROMUNICODE, m_fromunicode),
    Builtin::method(&Q_TOUNICODE, m_tounicode),
    Builtin::method(&Q_COPY, m_copy),
    Builtin::method(&Q_DEEPCOPY, m_copy),
];

static SLOTS: Slots = Slots {
    trace: Some(trace),
    repr: Some(repr),
    richcmp: Some(richcmp),
    len: Some(len),
    getitem: Some(getitem),
    setitem: Some(setitem),
    contains: Some(contains),
    iter: Some(iter),
    getattr: Some(getattr),
    setattr: Some(setattr),
    binop: Some(binop),
    new: Some(new_array),
    buffer: Some(buffer),
    ..Slots::EMPTY
};

/// `array.array` (also `array.ArrayType`).
pub static ARRAY_TYPE: Type = Type::builtin(
    &Q_ARRAY,
    Some(&obj::class::OBJECT_TYPE),
    Kind::Array,
    flags::UNHASHABLE | flags::BASETYPE,
    &SLOTS,
    METHODS,
)
.in_module(&TYPE_NS);
