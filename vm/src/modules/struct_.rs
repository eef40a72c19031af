//! `struct`: packing values into bytes and back, as CPython's `_struct`.
//!
//! A format is parsed on every call (formats are short; nothing is cached on the heap):
//! an optional prefix (`@` native order, size and alignment, the default; `=` native
//! order, standard sizes; `<` little-endian; `>` and `!` big-endian), then items
//! `[count]char`, whitespace between items ignored. `Struct(fmt)` keeps the format value
//! and its size.
//!
//! ```text
//!  StructObj  ObjHeader | format Value (str) | size usize
//! ```

use crate::obj::{self, exception as exc, Args, Builtin, Kind, Slots, Type};
use crate::qstr;
use crate::rom::ObjHeader;
use crate::runtime;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

rom_module!("struct",
    fns: [pack, unpack, pack_into, unpack_from, iter_unpack, calcsize],
    values: [error => Value::rom(&STRUCT_ERROR_TYPE), Struct => Value::rom(&STRUCT_TYPE)],
);

crate::static_qstr!(Q_ERROR, "error");
crate::static_qstr!(Q_STRUCT, "Struct");

/// `struct.error`.
pub static STRUCT_ERROR_TYPE: Type =
    Type::builtin(&Q_ERROR, Some(&exc::EXCEPTION_TYPE), Kind::Exception, obj::flags::BASETYPE, &exc::SLOTS, &[])
        .in_module(&TYPE_NS);

/// Byte order and sizes of a format.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// `@` (or no prefix): native order, sizes and alignment.
    Native,
    /// `=`: native order, standard sizes.
    Std,
    /// `<`.
    Little,
    /// `>` or `!`.
    Big,
}

impl Mode {
    fn big(self) -> bool {
        match self {
            Mode::Big => true,
            Mode::Little => false,
            _ => cfg!(target_endian = "big"),
        }
    }
}

/// One value-producing item of a format: `count` values of `size` bytes at `offset`, or
/// (`s`, `p`) one bytes value of `count` bytes.
#[derive(Clone, Copy)]
struct Item {
    code: u8,
    count: usize,
    offset: usize,
    size: usize,
}

/// A parsed format: its mode, total size and number of values.
#[derive(Clone, Copy)]
struct Layout {
    mode: Mode,
    size: usize,
    nvalues: usize,
}

/// Size and alignment of one item of `code`, or None (bad char).
fn entry(code: u8, mode: Mode) -> Option<(usize, usize)> {
    use core::mem::{align_of, size_of};
    if mode == Mode::Native {
        macro_rules! n {
            ($t:ty) => {
                (size_of::<$t>(), align_of::<$t>())
            };
        }
        return Some(match code {
            b'x' | b'c' | b'b' | b'B' | b's' | b'p' => (1, 1),
            b'?' => n!(bool),
            b'h' | b'H' => n!(core::ffi::c_short),
            b'i' | b'I' => n!(core::ffi::c_int),
            b'l' | b'L' => n!(core::ffi::c_long),
            b'q' | b'Q' => n!(core::ffi::c_longlong),
            b'n' | b'N' => n!(isize),
            b'P' => n!(usize),
            b'e' => (2, 2),
            b'f' => n!(f32),
            b'd' => n!(f64),
            _ => return None,
        });
    }
    let size = match code {
        b'x' | b'c' | b'b' | b'B' | b's' | b'p' | b'?' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'l' | b'L' | b'f' => 4,
        b'q' | b'Q' | b'd' => 8,
        _ => return None,
    };
    Some((size, 1))
}

const TOO_LONG: &str = "total struct size too long";

/// Parse `fmt`, calling `each` for every value-producing item. Errors are struct.error
/// messages.
fn scan(fmt: &[u8], mut each: impl FnMut(Item)) -> Result<Layout, &'static str> {
    let (mode, body) = match fmt.first() {
        Some(b'@') => (Mode::Native, &fmt[1..]),
        Some(b'=') => (Mode::Std, &fmt[1..]),
        Some(b'<') => (Mode::Little, &fmt[1..]),
        Some(b'>') | Some(b'!') => (Mode::Big, &fmt[1..]),
        _ => (Mode::Native, fmt),
    };
    const MAX: usize = isize::MAX as usize;
    let (mut size, mut nvalues, mut i) = (0usize, 0usize, 0usize);
    while i < body.len() {
        let mut c = body[i];
        i += 1;
        if matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c') {
            continue;
        }
        let mut num = 1usize;
        if c.is_ascii_digit() {
            num = (c - b'0') as usize;
            loop {
                let Some(&d) = body.get(i) else {
                    return Err("repeat count given without format specifier");
                };
                i += 1;
                if !d.is_ascii_digit() {
                    c = d;
                    break;
                }
                num = num
                    .checked_mul(10)
                    .and_then(|n| n.checked_add((d - b'0') as usize))
                    .filter(|n| *n <= MAX)
                    .ok_or(TOO_LONG)?;
            }
        }
        let (isz, align) = entry(c, mode).ok_or("bad char in struct format")?;
        if mode == Mode::Native {
            size = size.checked_next_multiple_of(align).filter(|s| *s <= MAX).ok_or(TOO_LONG)?;
        }
        match c {
            b'x' => {}
            b's' | b'p' => {
                each(Item { code: c, count: num, offset: size, size: 1 });
                nvalues += 1;
            }
            _ => {
                each(Item { code: c, count: num, offset: size, size: isz });
                nvalues += num;
            }
        }
        size = num.checked_mul(isz).and_then(|b| b.checked_add(size)).filter(|s| *s <= MAX).ok_or(TOO_LONG)?;
    }
    Ok(Layout { mode, size, nvalues })
}

fn struct_error(vm: &mut Vm<'_>, msg: &str) -> crate::vm::Raised {
    vm.raise_msg(&STRUCT_ERROR_TYPE, msg)
}

/// The text of a format argument (str or bytes).
fn format_bytes(vm: &mut Vm<'_>, f: Value) -> PyResult<&'static [u8]> {
    if let Some(s) = obj::str::as_str(f) {
        return Ok(s.as_bytes());
    }
    if let Some(b) = obj::bytes::as_bytes(f) {
        return Ok(b);
    }
    if f.is_null() {
        return Err(vm.type_error(format_args!("missing format argument")));
    }
    Err(vm.type_error(format_args!("Struct() argument 1 must be a str or bytes object, not {}", obj::type_name(f))))
}

/// The layout of a format value (a `Struct` or its format argument).
fn layout_of(vm: &mut Vm<'_>, f: Value) -> PyResult<(&'static [u8], Layout)> {
    let text = format_bytes(vm, f)?;
    if text.contains(&0) {
        return Err(struct_error(vm, "embedded null character"));
    }
    match scan(text, |_| {}) {
        Ok(l) => Ok((text, l)),
        Err(m) => Err(struct_error(vm, m)),
    }
}

/// A buffer argument's bytes: where they are, how many, and whether writes are refused.
struct Buf {
    ptr: *mut u8,
    len: usize,
    readonly: bool,
}

/// The buffer of `b`: bytes, bytearray, an `array.array` (a `buffer` slot), or (with the
/// VM's `memoryview` feature) a contiguous memoryview. Valid while `b` is reachable and no Python code runs.
fn buffer_of(b: Value) -> Option<Buf> {
    #[cfg(feature = "memoryview")]
    {
        obj::memoryview::buffer(b).map(|x| Buf { ptr: x.ptr, len: x.len, readonly: x.readonly })
    }
    #[cfg(not(feature = "memoryview"))]
    {
        if let Some(d) = obj::bytes::as_bytes(b) {
            return Some(Buf { ptr: d.as_ptr() as *mut u8, len: d.len(), readonly: true });
        }
        if let Some(x) = obj::bytes::slot_buffer(b, false) {
            return Some(Buf { ptr: x.ptr, len: x.len, readonly: x.readonly });
        }
        obj::bytearray::data(b).map(|d| Buf { ptr: d.as_ptr() as *mut u8, len: d.len(), readonly: false })
    }
}

/// The readable bytes of a buffer argument (bytes, bytearray, contiguous memoryview). They
/// stay valid while `b` is reachable and no Python code runs (which could resize a bytearray).
fn read_buffer(vm: &mut Vm<'_>, b: Value) -> PyResult<&'static [u8]> {
    match buffer_of(b) {
        // SAFETY: the buffer lies inside `b`'s live data (`buffer_of`).
        Some(buf) => Ok(unsafe { core::slice::from_raw_parts(buf.ptr, buf.len) }),
        None => Err(vm.type_error(format_args!("a bytes-like object is required, not '{}'", obj::type_name(b)))),
    }
}

// ----- packing -----

/// An integer argument as i128 (None: outside i128), through `__index__`; struct.error
/// when it is not an integer. May collect.
fn int_arg(vm: &mut Vm<'_>, v: Value) -> PyResult<Option<i128>> {
    let n = if obj::int::is_int(v) {
        v
    } else {
        match runtime::call_dunder(vm, v, &qstr::__index__, &[])? {
            Some(r) if obj::int::is_int(r) => r,
            _ => return Err(struct_error(vm, "required argument is not an integer")),
        }
    };
    Ok(obj::int::to_i128(n))
}

/// The bytes of integer item `code` (size `size`) for `v`, or CPython's error.
fn pack_int(vm: &mut Vm<'_>, code: u8, size: usize, mode: Mode, v: Value, out: &mut [u8]) -> PyResult<()> {
    let x = int_arg(vm, v)?;
    let big = mode.big();
    let bits = size as u32 * 8;
    let c = code as char;
    let wide_big = big && size == 8 && mode != Mode::Native;
    let fits_i64 = x.filter(|x| i64::try_from(*x).is_ok());
    let fits_u64 = x.filter(|x| u64::try_from(*x).is_ok());
    let signed = code.is_ascii_lowercase() && code != b'p';
    let out_of_range = |vm: &mut Vm<'_>| {
        if wide_big {
            struct_error(vm, "int too large to convert")
        } else {
            struct_error(vm, "argument out of range")
        }
    };
    let x = if code == b'P' {
        // A native pointer: any value that fits a machine word, negative as two's complement.
        match x {
            Some(x) if x >= -(1i128 << (bits - 1)) && x < (1i128 << bits) => x,
            _ => return Err(struct_error(vm, "int too large to convert")),
        }
    } else if signed {
        let Some(x) = fits_i64 else {
            return Err(out_of_range(vm));
        };
        let (lo, hi) = (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1);
        if x < lo || x > hi {
            return Err(match (code, big) {
                (b'b', _) => struct_error(vm, "byte format requires -128 <= number <= 127"),
                (b'h', false) => struct_error(vm, "short format requires -32768 <= number <= 32767"),
                _ => vm.raise_fmt(&STRUCT_ERROR_TYPE, format_args!("'{c}' format requires {lo} <= number <= {hi}")),
            });
        }
        x
    } else if code == b'B' || (code == b'H' && !big) {
        let Some(x) = fits_i64 else {
            return Err(out_of_range(vm));
        };
        if x < 0 || x >= 1i128 << bits {
            return Err(if code == b'B' {
                struct_error(vm, "ubyte format requires 0 <= number <= 255")
            } else {
                struct_error(vm, "ushort format requires 0 <= number <= 65535")
            });
        }
        x
    } else {
        let Some(x) = fits_u64 else {
            return Err(out_of_range(vm));
        };
        let hi = (1i128 << bits) - 1;
        if x > hi {
            return Err(vm.raise_fmt(&STRUCT_ERROR_TYPE, format_args!("'{c}' format requires 0 <= number <= {hi}")));
        }
        x
    };
    let le = x.to_le_bytes();
    for (i, o) in out.iter_mut().enumerate() {
        *o = if big { le[size - 1 - i] } else { le[i] };
    }
    Ok(())
}

/// A float argument (`__float__`, `__index__`); struct.error when it is not a number.
/// May collect.
fn float_arg(vm: &mut Vm<'_>, code: u8, v: Value) -> PyResult<f64> {
    if let Some(f) = obj::float::as_f64(v) {
        return Ok(f);
    }
    if obj::int::is_int(v) {
        return match obj::int::to_f64(vm, v) {
            // CPython packs an int as 'e' through a C double and reports a too large one
            // as struct.error, unlike a float (OverflowError).
            Ok(f) if code == b'e' && half_bits(f).is_none() => Err(struct_error(vm, "int too large to convert")),
            Ok(f) => Ok(f),
            Err(_) => {
                vm.take_pending();
                Err(struct_error(vm, "required argument is not a float"))
            }
        };
    }
    for dunder in [&qstr::__float__, &qstr::__index__] {
        if let Some(r) = runtime::call_dunder(vm, v, dunder, &[])? {
            if let Some(f) = obj::float::as_f64(r) {
                return Ok(f);
            }
            if obj::int::is_int(r) {
                if let Ok(f) = obj::int::to_f64(vm, r) {
                    return Ok(f);
                }
                vm.take_pending();
            }
            break;
        }
    }
    Err(struct_error(vm, "required argument is not a float"))
}

/// IEEE 754 binary16 bits of `x`, rounded half to even as CPython's `PyFloat_Pack2`; None
/// when `x` is finite and too large.
fn half_bits(x: f64) -> Option<u16> {
    let sign = (x.is_sign_negative() as u16) << 15;
    if x == 0.0 {
        return Some(sign);
    }
    if x.is_infinite() {
        return Some(sign | 0x7c00);
    }
    if x.is_nan() {
        return Some(sign | 0x7e00);
    }
    let (mut f, mut e) = libm::frexp(x.abs());
    // f in [0.5, 1): normalise to [1, 2).
    f *= 2.0;
    e -= 1;
    if e >= 16 {
        return None;
    } else if e < -25 {
        f = 0.0;
        e = 0;
    } else if e < -14 {
        f = libm::ldexp(f, 14 + e);
        e = 0;
    } else {
        e += 15;
        f -= 1.0;
    }
    f *= 1024.0;
    let mut bits = f as u16;
    f -= bits as f64;
    if f > 0.5 || (f == 0.5 && bits % 2 == 1) {
        bits += 1;
        if bits == 1024 {
            bits = 0;
            e += 1;
            if e == 31 {
                return None;
            }
        }
    }
    Some(sign | (e as u16) << 10 | bits)
}

/// The value of binary16 bits, as CPython's `PyFloat_Unpack2`.
fn half_value(b: u16) -> f64 {
    let neg = b & 0x8000 != 0;
    let e = ((b >> 10) & 0x1f) as i32;
    let f = (b & 0x3ff) as f64;
    let x = if e == 0x1f {
        if f == 0.0 {
            f64::INFINITY
        } else {
            f64::NAN
        }
    } else if e == 0 {
        libm::ldexp(f / 1024.0, -14)
    } else {
        libm::ldexp(1.0 + f / 1024.0, e - 15)
    };
    if neg {
        -x
    } else {
        x
    }
}

fn put(out: &mut [u8], le: &[u8], big: bool) {
    let n = out.len();
    for (i, o) in out.iter_mut().enumerate() {
        *o = if big { le[n - 1 - i] } else { le[i] };
    }
}

/// Pack `args` by `fmt` into `buf` (exactly the format's size). May collect; `buf` must be
/// a buffer the collector does not move or free while this runs (a rooted heap object).
fn pack_into_buf(vm: &mut Vm<'_>, fmt: &[u8], l: Layout, args: &[Value], buf: &mut [u8]) -> PyResult<()> {
    let big = l.mode.big();
    let mut k = 0usize;
    let mut err: Option<crate::vm::Raised> = None;
    // Items are packed in format order; the first error stops the rest.
    let _ = scan(fmt, |it| {
        if err.is_some() {
            return;
        }
        let r = pack_item(vm, it, l.mode, big, &args[k..], buf);
        match r {
            Ok(n) => k += n,
            Err(e) => err = Some(e),
        }
    });
    match err {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// Pack one item from `args` (its values first); returns how many values it took.
fn pack_item(vm: &mut Vm<'_>, it: Item, mode: Mode, big: bool, args: &[Value], buf: &mut [u8]) -> PyResult<usize> {
    match it.code {
        b's' | b'p' => {
            let v = args[0];
            let Some(d) = obj::bytes::as_bytes(v) else {
                let c = it.code as char;
                return Err(vm.raise_fmt(&STRUCT_ERROR_TYPE, format_args!("argument for '{c}' must be a bytes object")));
            };
            let out = &mut buf[it.offset..it.offset + it.count];
            out.fill(0);
            if it.code == b's' {
                let n = d.len().min(it.count);
                out[..n].copy_from_slice(&d[..n]);
            } else if it.count > 0 {
                let n = d.len().min(it.count - 1);
                out[1..1 + n].copy_from_slice(&d[..n]);
                out[0] = n.min(255) as u8;
            }
            Ok(1)
        }
        _ => {
            for (j, &v) in args[..it.count].iter().enumerate() {
                let at = it.offset + j * it.size;
                let out = &mut buf[at..at + it.size];
                match it.code {
                    b'c' => match obj::bytes::as_bytes(v) {
                        Some(&[b]) => out[0] = b,
                        _ => return Err(struct_error(vm, "char format requires a bytes object of length 1")),
                    },
                    b'?' => out[0] = runtime::truthy(vm, v)? as u8,
                    b'e' => {
                        let x = float_arg(vm, b'e', v)?;
                        let Some(h) = half_bits(x) else {
                            return Err(
                                vm.raise_msg(&exc::OVERFLOW_ERROR_TYPE, "float too large to pack with e format")
                            );
                        };
                        put(out, &h.to_le_bytes(), big);
                    }
                    b'f' => {
                        let x = float_arg(vm, b'f', v)?;
                        let y = x as f32;
                        if y.is_infinite() && x.is_finite() {
                            return Err(
                                vm.raise_msg(&exc::OVERFLOW_ERROR_TYPE, "float too large to pack with f format")
                            );
                        }
                        put(out, &y.to_bits().to_le_bytes(), big);
                    }
                    b'd' => {
                        let x = float_arg(vm, b'd', v)?;
                        put(out, &x.to_bits().to_le_bytes(), big);
                    }
                    code => pack_int(vm, code, it.size, mode, v, out)?,
                }
            }
            Ok(it.count)
        }
    }
}

/// `pack(fmt, *v)` into a new bytes object. May collect.
fn pack_with(vm: &mut Vm<'_>, f: Value, vals: &[Value]) -> PyResult<Value> {
    let (text, l) = layout_of(vm, f)?;
    if vals.len() != l.nvalues {
        return Err(vm.raise_fmt(
            &STRUCT_ERROR_TYPE,
            format_args!("pack expected {} items for packing (got {})", l.nvalues, vals.len()),
        ));
    }
    let b = obj::bytes::alloc(vm, l.size)?;
    let m = vm.roots_mark();
    vm.push_root(b)?;
    let buf = obj::bytes::fresh_data(b);
    let r = pack_into_buf(vm, text, l, vals, buf);
    vm.pop_roots(m);
    r.map(|_| b)
}

/// `pack_into(fmt, buffer, offset, *v)`: needs a writable buffer; `bytes` is read-only.
fn pack_into_with(vm: &mut Vm<'_>, f: Value, rest: &[Value]) -> PyResult<Value> {
    // The target is exported while the offset and the values are converted (their
    // `__index__` may run Python code), as in CPython: a bytearray refuses a resize.
    let b = rest.first().copied().unwrap_or(Value::NULL);
    obj::bytearray::pin(b, true);
    let r = pack_into_pinned(vm, f, rest);
    obj::bytearray::pin(b, false);
    r
}

fn pack_into_pinned(vm: &mut Vm<'_>, f: Value, rest: &[Value]) -> PyResult<Value> {
    let (_, l) = layout_of(vm, f)?;
    if rest.is_empty() {
        return Err(vm.type_error(format_args!("pack_into expected buffer argument")));
    }
    if rest.len() < 2 {
        return Err(vm.type_error(format_args!("pack_into expected offset argument")));
    }
    if rest.len() - 2 != l.nvalues {
        return Err(vm.raise_fmt(
            &STRUCT_ERROR_TYPE,
            format_args!("pack_into expected {} items for packing (got {})", l.nvalues, rest.len() - 2),
        ));
    }
    let b = rest[0];
    let len = match buffer_of(b) {
        Some(buf) if !buf.readonly => buf.len as i64,
        _ => {
            return Err(
                vm.type_error(format_args!("argument must be read-write bytes-like object, not {}", obj::type_name(b)))
            )
        }
    };
    let ov = rest[1];
    if obj::int::is_int(ov) && obj::int::to_i64(ov).is_none() {
        return Err(vm.raise_fmt(
            &exc::INDEX_ERROR_TYPE,
            format_args!("cannot fit '{}' into an index-sized integer", obj::type_name(ov)),
        ));
    }
    let mut offset = runtime::index_arg_typed(vm, ov)?;
    let size = l.size as i64;
    if offset < 0 {
        if offset + size > 0 {
            return Err(
                vm.raise_fmt(&STRUCT_ERROR_TYPE, format_args!("no space to pack {size} bytes at offset {offset}"))
            );
        }
        if offset + len < 0 {
            return Err(
                vm.raise_fmt(&STRUCT_ERROR_TYPE, format_args!("offset {offset} out of range for {len}-byte buffer"))
            );
        }
        offset += len;
    }
    if len - offset < size {
        return Err(vm.raise_fmt(
            &STRUCT_ERROR_TYPE,
            format_args!(
                "pack_into requires a buffer of at least {} bytes for packing {size} bytes at offset {offset} (actual buffer size is {len})",
                size + offset
            ),
        ));
    }
    // Packed into fresh bytes first: packing runs `__index__`, which could resize the
    // target; the copy re-reads the buffer afterwards.
    // CPython zeroes the target first and packs in place: an error leaves the items packed
    // so far (and zeros after them), as the copy below does.
    let (text, l) = layout_of(vm, f)?;
    let packed = obj::bytes::alloc(vm, l.size)?;
    let m = vm.roots_mark();
    vm.push_root(packed)?;
    let r = pack_into_buf(vm, text, l, &rest[2..], obj::bytes::fresh_data(packed));
    vm.pop_roots(m);
    let src = obj::bytes::as_bytes(packed).unwrap_or(&[]);
    if let Some(buf) = buffer_of(b).filter(|x| !x.readonly) {
        let o = offset as usize;
        if o + src.len() <= buf.len {
            // SAFETY: o + src.len() <= buf.len, inside the live, writable buffer of `b`;
            // `src` is another object's data.
            unsafe { core::ptr::copy_nonoverlapping(src.as_ptr(), buf.ptr.add(o), src.len()) };
        }
    }
    r.map(|_| Value::NONE)
}

// ----- unpacking -----

/// The values of `fmt` read from `data` (exactly the format's size) as a tuple. May collect.
fn unpack_data(vm: &mut Vm<'_>, fmt: &[u8], l: Layout, data: &[u8]) -> PyResult<Value> {
    let t = obj::tuple::alloc(vm, l.nvalues)?;
    let m = vm.roots_mark();
    vm.push_root(t)?;
    // Pre-fill with None so the tuple is always traceable while items are made.
    for i in 0..l.nvalues {
        obj::tuple::init_item(t, i, Value::NONE);
    }
    let big = l.mode.big();
    let mut k = 0usize;
    let mut err = None;
    let _ = scan(fmt, |it| {
        for j in 0..if matches!(it.code, b's' | b'p') { 1 } else { it.count } {
            if err.is_some() {
                return;
            }
            match unpack_one(vm, it, j, big, data) {
                Ok(v) => obj::tuple::init_item(t, k, v),
                Err(e) => err = Some(e),
            }
            k += 1;
        }
    });
    vm.pop_roots(m);
    match err {
        Some(e) => Err(e),
        None => Ok(t),
    }
}

fn unpack_one(vm: &mut Vm<'_>, it: Item, j: usize, big: bool, data: &[u8]) -> PyResult<Value> {
    if it.code == b's' {
        return obj::bytes::new(vm, &data[it.offset..it.offset + it.count]);
    }
    if it.code == b'p' {
        if it.count == 0 {
            return obj::bytes::new(vm, &[]);
        }
        let d = &data[it.offset..it.offset + it.count];
        let n = (d[0] as usize).min(it.count - 1);
        return obj::bytes::new(vm, &d[1..1 + n]);
    }
    let at = it.offset + j * it.size;
    let raw = &data[at..at + it.size];
    let mut le = [0u8; 16];
    for i in 0..it.size {
        le[i] = if big { raw[it.size - 1 - i] } else { raw[i] };
    }
    match it.code {
        b'c' => obj::bytes::new(vm, raw),
        b'?' => Ok(Value::bool(raw.iter().any(|b| *b != 0))),
        b'e' => obj::float::new(vm, half_value(u16::from_le_bytes([le[0], le[1]]))),
        b'f' => obj::float::new(vm, f32::from_bits(u32::from_le_bytes([le[0], le[1], le[2], le[3]])) as f64),
        b'd' => obj::float::new(
            vm,
            f64::from_bits(u64::from_le_bytes([le[0], le[1], le[2], le[3], le[4], le[5], le[6], le[7]])),
        ),
        code => {
            let u = u128::from_le_bytes(le);
            let bits = it.size as u32 * 8;
            let signed = code.is_ascii_lowercase();
            let x = if signed && bits < 128 && (u >> (bits - 1)) & 1 == 1 {
                (u as i128) - (1i128 << bits)
            } else {
                u as i128
            };
            obj::int::from_i128(vm, x)
        }
    }
}

fn unpack_with(vm: &mut Vm<'_>, f: Value, b: Value) -> PyResult<Value> {
    let (text, l) = layout_of(vm, f)?;
    let data = read_buffer(vm, b)?;
    if data.len() != l.size {
        return Err(vm.raise_fmt(&STRUCT_ERROR_TYPE, format_args!("unpack requires a buffer of {} bytes", l.size)));
    }
    unpack_data(vm, text, l, data)
}

fn unpack_from_with(vm: &mut Vm<'_>, f: Value, b: Value, off: Value) -> PyResult<Value> {
    let (text, l) = layout_of(vm, f)?;
    read_buffer(vm, b)?;
    // The offset's `__index__` may run Python code: the buffer is exported meanwhile, as in
    // CPython (a bytearray refuses a resize), and read after it.
    obj::bytearray::pin(b, true);
    let offset = if off.is_null() { Ok(0) } else { runtime::index_arg_typed(vm, off) };
    obj::bytearray::pin(b, false);
    let mut offset = offset?;
    let data = read_buffer(vm, b)?;
    let len = data.len() as i64;
    if offset < 0 {
        if offset + len < 0 {
            return Err(
                vm.raise_fmt(&STRUCT_ERROR_TYPE, format_args!("offset {offset} out of range for {len}-byte buffer"))
            );
        }
        offset += len;
    }
    if len - offset < l.size as i64 {
        return Err(vm.raise_fmt(
            &STRUCT_ERROR_TYPE,
            format_args!(
                "unpack_from requires a buffer of at least {} bytes for unpacking {} bytes at offset {} (actual buffer size is {})",
                l.size as i64 + offset,
                l.size,
                offset,
                len
            ),
        ));
    }
    let o = offset as usize;
    unpack_data(vm, text, l, &data[o..o + l.size])
}

/// `iter_unpack`: the tuples of every `size` bytes, as an iterator over a list of them.
fn iter_unpack_with(vm: &mut Vm<'_>, f: Value, b: Value) -> PyResult<Value> {
    let (text, l) = layout_of(vm, f)?;
    let data = read_buffer(vm, b)?;
    if l.size == 0 {
        return Err(struct_error(vm, "cannot iteratively unpack with a struct of length 0"));
    }
    if data.len() % l.size != 0 {
        return Err(vm.raise_fmt(
            &STRUCT_ERROR_TYPE,
            format_args!("iterative unpacking requires a buffer of a multiple of {} bytes", l.size),
        ));
    }
    let _ = text;
    let it = vm.alloc_obj(&UNPACK_ITER_TYPE, core::mem::size_of::<UnpackIterObj>())?;
    if let Some(o) = as_unpack_iter(it) {
        o.format.set(f);
        o.buffer.set(b);
    }
    Ok(it)
}

/// `_struct.unpack_iterator`: the format, the buffer and the next offset.
#[repr(C)]
struct UnpackIterObj {
    hdr: ObjHeader,
    format: core::cell::Cell<Value>,
    buffer: core::cell::Cell<Value>,
    offset: core::cell::Cell<usize>,
}

fn as_unpack_iter(v: Value) -> Option<&'static UnpackIterObj> {
    // SAFETY: objects of UNPACK_ITER_TYPE are UnpackIterObj objects made by `iter_unpack_with`.
    core::ptr::eq(obj::type_of(v), &UNPACK_ITER_TYPE).then(|| unsafe { &*(v.as_ptr() as *const UnpackIterObj) })
}

fn unpack_iter_next(vm: &mut Vm<'_>, v: Value) -> PyResult<Option<Value>> {
    let Some(it) = as_unpack_iter(v) else { return Ok(None) };
    let (text, l) = layout_of(vm, it.format.get())?;
    let data = read_buffer(vm, it.buffer.get())?;
    let at = it.offset.get();
    if l.size == 0 || at + l.size > data.len() {
        return Ok(None);
    }
    it.offset.set(at + l.size);
    unpack_data(vm, text, l, &data[at..at + l.size]).map(Some)
}

fn unpack_iter_self(_vm: &mut Vm<'_>, v: Value) -> PyResult<Value> {
    Ok(v)
}

fn unpack_iter_trace(v: Value, t: &mut crate::heap::Tracer<'_>) {
    if let Some(it) = as_unpack_iter(v) {
        t.mark(it.format.get());
        t.mark(it.buffer.get());
    }
}

/// `__length_hint__()`: the tuples left.
fn unpack_iter_length_hint(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let Some(it) = as_unpack_iter(a.get(0)) else { return Ok(Value::small_int(0)) };
    let (_, l) = layout_of(vm, it.format.get())?;
    let n = read_buffer(vm, it.buffer.get())?.len().saturating_sub(it.offset.get());
    Ok(Value::small_int((n / l.size.max(1)) as isize))
}

crate::static_qstr!(Q_UNPACK_ITER, "unpack_iterator");
crate::static_qstr!(Q_LENGTH_HINT, "__length_hint__");
static UNPACK_ITER_METHODS: &[Builtin] = &[Builtin::method(&Q_LENGTH_HINT, unpack_iter_length_hint)];
static UNPACK_ITER_SLOTS: Slots = Slots {
    trace: Some(unpack_iter_trace),
    iter: Some(unpack_iter_self),
    next: Some(unpack_iter_next),
    ..Slots::EMPTY
};
static UNPACK_ITER_NS_TABLE: crate::rom::DictTable<2> =
    crate::rom::DictTable::new([Value::qstr(&crate::qstr::__module__), Value::qstr(&Q_STRUCT_MOD)]);
static UNPACK_ITER_NS: crate::rom::Dict = crate::rom::Dict::new(&UNPACK_ITER_NS_TABLE);
crate::static_qstr!(Q_STRUCT_MOD, "_struct");
static UNPACK_ITER_TYPE: Type = Type::builtin(
    &Q_UNPACK_ITER,
    Some(&obj::class::OBJECT_TYPE),
    Kind::Misc,
    0,
    &UNPACK_ITER_SLOTS,
    UNPACK_ITER_METHODS,
)
.in_module(&UNPACK_ITER_NS);

// ----- module functions -----

fn need(vm: &mut Vm<'_>, name: &str, a: &Args<'_>, n: usize) -> PyResult<()> {
    if !a.kwnames.is_empty() {
        return Err(vm.type_error(format_args!("{name}() takes no keyword arguments")));
    }
    if a.pos.len() != n {
        return Err(vm.type_error(format_args!("{name} expected {n} arguments, got {}", a.pos.len())));
    }
    Ok(())
}

fn pack(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    if a.pos.is_empty() {
        return Err(vm.type_error(format_args!("missing format argument")));
    }
    pack_with(vm, a.pos[0], &a.pos[1..])
}
fn pack_into(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    if a.pos.is_empty() {
        return Err(vm.type_error(format_args!("missing format argument")));
    }
    pack_into_with(vm, a.pos[0], &a.pos[1..])
}
fn unpack(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    need(vm, "unpack", a, 2)?;
    unpack_with(vm, a.pos[0], a.pos[1])
}
fn unpack_from(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let (f, b, off) = from_args(vm, "unpack_from", a, 1)?;
    unpack_from_with(vm, f, b, off)
}
/// `(format, buffer, offset)` of `unpack_from(format, /, buffer, offset=0)`; `skip`
/// positional arguments before the buffer (1: the format).
fn from_args(vm: &mut Vm<'_>, name: &str, a: &Args<'_>, skip: usize) -> PyResult<(Value, Value, Value)> {
    let f = if skip == 1 { a.get(0) } else { Value::NULL };
    let mut b = a.get(skip);
    let mut off = a.get(skip + 1);
    for (k, v) in a.kwnames.iter().zip(a.kwvals) {
        match obj::str::as_str(*k) {
            Some("buffer") if b.is_null() => b = *v,
            Some("offset") if off.is_null() => off = *v,
            Some(k) => return Err(vm.type_error(format_args!("{name}() got an unexpected keyword argument '{k}'"))),
            None => {}
        }
    }
    if a.pos.len() > skip + 2 {
        return Err(vm.type_error(format_args!(
            "{name}() takes at most {} arguments ({} given)",
            skip + 2,
            a.pos.len() + a.kwnames.len()
        )));
    }
    if b.is_null() || (skip == 1 && f.is_null()) {
        return Err(vm.type_error(format_args!("{name}() missing required argument 'buffer' (pos {})", skip + 1)));
    }
    Ok((f, b, off))
}
fn iter_unpack(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    need(vm, "iter_unpack", a, 2)?;
    iter_unpack_with(vm, a.pos[0], a.pos[1])
}
fn calcsize(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    need(vm, "calcsize", a, 1)?;
    let (_, l) = layout_of(vm, a.pos[0])?;
    obj::int::from_i64(vm, l.size as i64)
}

// ----- Struct -----

/// `Struct` instance layout.
#[repr(C)]
struct StructObj {
    hdr: ObjHeader,
    /// The format as a str.
    format: Value,
    /// Its size in bytes.
    size: usize,
}

fn as_struct(v: Value) -> Option<&'static StructObj> {
    if !obj::is_instance(v, &STRUCT_TYPE) {
        return None;
    }
    // SAFETY: instances of STRUCT_TYPE (not subclassable) are StructObj objects made by
    // `struct_new`.
    Some(unsafe { &*(v.as_ptr() as *const StructObj) })
}

fn struct_new(vm: &mut Vm<'_>, _cls: Value, a: &Args<'_>) -> PyResult<Value> {
    let f = if a.pos.is_empty() { a.kw("format") } else { a.get(0) };
    if f.is_null() {
        return Err(vm.type_error(format_args!("Struct() missing required argument 'format' (pos 1)")));
    }
    if a.pos.len() + a.kwnames.len() > 1 {
        return Err(
            vm.type_error(format_args!("Struct() takes at most 1 argument ({} given)", a.pos.len() + a.kwnames.len()))
        );
    }
    let (text, l) = layout_of(vm, f)?;
    let fs = if obj::str::is_str(f) {
        f
    } else {
        match core::str::from_utf8(text) {
            Ok(s) => obj::str::new(vm, s)?,
            Err(_) => return Err(struct_error(vm, "bad char in struct format")),
        }
    };
    let m = vm.roots_mark();
    vm.push_root(fs)?;
    let v = vm.alloc_obj(&STRUCT_TYPE, core::mem::size_of::<StructObj>());
    vm.pop_roots(m);
    let v = v?;
    // SAFETY: fresh StructObj-sized allocation of type STRUCT_TYPE.
    unsafe {
        let p = v.as_ptr() as *mut StructObj;
        (*p).format = fs;
        (*p).size = l.size;
    }
    Ok(v)
}

fn struct_trace(v: Value, t: &mut crate::heap::Tracer<'_>) {
    if let Some(s) = as_struct(v) {
        t.mark(s.format);
    }
}

fn struct_getattr(vm: &mut Vm<'_>, v: Value, name: Value) -> PyResult<Value> {
    let Some(s) = as_struct(v) else {
        return Ok(Value::NULL);
    };
    match obj::str::as_str(name) {
        Some("format") => Ok(s.format),
        Some("size") => obj::int::from_i64(vm, s.size as i64),
        _ => Ok(Value::NULL),
    }
}

fn self_format(vm: &mut Vm<'_>, a: &Args<'_>, name: &str) -> PyResult<Value> {
    match as_struct(a.get(0)) {
        Some(s) => Ok(s.format),
        None => Err(vm.type_error(format_args!("descriptor '{name}' requires a '_struct.Struct' object"))),
    }
}

fn s_pack(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let f = self_format(vm, a, "pack")?;
    pack_with(vm, f, &a.pos[1..])
}
fn s_pack_into(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let f = self_format(vm, a, "pack_into")?;
    pack_into_with(vm, f, &a.pos[1..])
}
fn s_unpack(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let f = self_format(vm, a, "unpack")?;
    if a.pos.len() != 2 || !a.kwnames.is_empty() {
        return Err(vm.type_error(format_args!(
            "unpack() takes exactly one argument ({} given)",
            a.pos.len().saturating_sub(1)
        )));
    }
    unpack_with(vm, f, a.pos[1])
}
fn s_unpack_from(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let f = self_format(vm, a, "unpack_from")?;
    let (_, b, off) = from_args(vm, "unpack_from", a, 1)?;
    unpack_from_with(vm, f, b, off)
}
fn s_iter_unpack(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let f = self_format(vm, a, "iter_unpack")?;
    if a.pos.len() != 2 || !a.kwnames.is_empty() {
        return Err(vm.type_error(format_args!(
            "iter_unpack() takes exactly one argument ({} given)",
            a.pos.len().saturating_sub(1)
        )));
    }
    iter_unpack_with(vm, f, a.pos[1])
}

crate::static_qstr!(Q_PACK, "pack");
crate::static_qstr!(Q_PACK_INTO, "pack_into");
crate::static_qstr!(Q_UNPACK, "unpack");
crate::static_qstr!(Q_UNPACK_FROM, "unpack_from");
crate::static_qstr!(Q_ITER_UNPACK, "iter_unpack");

static STRUCT_METHODS: &[Builtin] = &[
    Builtin::method(&Q_PACK, s_pack),
    Builtin::method(&Q_PACK_INTO, s_pack_into),
    Builtin::method(&Q_UNPACK, s_unpack),
    Builtin::method(&Q_UNPACK_FROM, s_unpack_from),
    Builtin::method(&Q_ITER_UNPACK, s_iter_unpack),
];

static STRUCT_SLOTS: Slots =
    Slots { trace: Some(struct_trace), getattr: Some(struct_getattr), new: Some(struct_new), ..Slots::EMPTY };

/// `struct.Struct`.
pub static STRUCT_TYPE: Type =
    Type::builtin(&Q_STRUCT, Some(&obj::class::OBJECT_TYPE), Kind::Misc, 0, &STRUCT_SLOTS, STRUCT_METHODS)
        .in_module(&TYPE_NS);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_round_trip() {
        for b in 0..=u16::MAX {
            let x = half_value(b);
            if x.is_nan() {
                continue;
            }
            assert_eq!(half_bits(x), Some(b), "{b:#x}");
        }
        assert_eq!(half_bits(65520.0), None);
        assert_eq!(half_bits(65519.99), Some(0x7bff));
    }

    #[test]
    fn sizes() {
        let size = |f: &str| scan(f.as_bytes(), |_| {}).map(|l| l.size);
        assert_eq!(size("<hid"), Ok(14));
        assert_eq!(size("@bi"), Ok(8));
        assert_eq!(size("2 h"), Err("bad char in struct format"));
        assert_eq!(size("h2"), Err("repeat count given without format specifier"));
        assert_eq!(size("99999999999999999999h"), Err(TOO_LONG));
    }
}
