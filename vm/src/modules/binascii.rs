//! `binascii`: hex (`hexlify`/`b2a_hex` with `sep`, `unhexlify`/`a2b_hex`), base64
//! (`b2a_base64` with `newline=`, `a2b_base64` in CPython's non-strict mode) and `crc32`,
//! with CPython's `binascii.Error` messages.

use crate::obj::{self, exception as exc, Args, Kind, Type};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

rom_module!("binascii",
    fns: [hexlify, b2a_hex, unhexlify, a2b_hex, b2a_base64, a2b_base64, crc32],
    values: [Error => Value::rom(&BINASCII_ERROR_TYPE)],
);

crate::static_qstr!(Q_ERROR, "Error");

/// `binascii.Error` (a ValueError).
pub static BINASCII_ERROR_TYPE: Type =
    Type::builtin(&Q_ERROR, Some(&exc::VALUE_ERROR_TYPE), Kind::Exception, obj::flags::BASETYPE, &exc::SLOTS, &[])
        .in_module(&TYPE_NS);

/// Positional-or-keyword arguments by name: `names[i]` fills slot `i`.
fn bind<const N: usize>(
    vm: &mut Vm<'_>,
    fname: &str,
    a: &Args<'_>,
    names: [&str; N],
    required: usize,
) -> PyResult<[Value; N]> {
    let mut out = [Value::NULL; N];
    if a.pos.len() > N {
        return Err(vm.type_error(format_args!("{fname}() takes at most {N} arguments ({} given)", a.pos.len())));
    }
    out[..a.pos.len()].copy_from_slice(a.pos);
    for (k, v) in a.kwnames.iter().zip(a.kwvals) {
        let k = obj::str::as_str(*k).unwrap_or("");
        match names.iter().position(|n| *n == k) {
            Some(i) if out[i].is_null() => out[i] = *v,
            Some(i) => {
                return Err(vm
                    .type_error(format_args!("argument for {fname}() given by name ('{k}') and position ({})", i + 1)))
            }
            None => return Err(vm.type_error(format_args!("{fname}() got an unexpected keyword argument '{k}'"))),
        }
    }
    for (i, n) in names.iter().enumerate().take(required) {
        if out[i].is_null() {
            return Err(vm.type_error(format_args!("{fname}() missing required argument '{n}' (pos {})", i + 1)));
        }
    }
    Ok(out)
}

/// A bytes-like argument.
fn data_arg(vm: &mut Vm<'_>, v: Value) -> PyResult<&'static [u8]> {
    match obj::bytes::as_bytes(v) {
        Some(d) => Ok(d),
        None => Err(vm.type_error(format_args!("a bytes-like object is required, not '{}'", obj::type_name(v)))),
    }
}

/// An `a2b_*` argument: bytes or an ASCII str.
fn ascii_arg(vm: &mut Vm<'_>, v: Value) -> PyResult<&'static [u8]> {
    if let Some(d) = obj::bytes::as_bytes(v) {
        return Ok(d);
    }
    if let Some(s) = obj::str::as_str(v) {
        if !s.is_ascii() {
            return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "string argument should contain only ASCII characters"));
        }
        return Ok(s.as_bytes());
    }
    Err(vm.type_error(format_args!("argument should be bytes, buffer or ASCII string, not '{}'", obj::type_name(v))))
}

fn error(vm: &mut Vm<'_>, msg: &str) -> crate::vm::Raised {
    vm.raise_msg(&BINASCII_ERROR_TYPE, msg)
}

const HEX: &[u8; 16] = b"0123456789abcdef";

fn hex_with(vm: &mut Vm<'_>, fname: &str, a: &Args<'_>) -> PyResult<Value> {
    let [d, sep, per] = bind(vm, fname, a, ["data", "sep", "bytes_per_sep"], 1)?;
    let data = data_arg(vm, d)?;
    let sep = if sep.is_null() || sep == Value::NONE {
        None
    } else {
        let s = if let Some(s) = obj::str::as_str(sep) {
            s.as_bytes()
        } else if let Some(b) = obj::bytes::as_bytes(sep) {
            b
        } else {
            return Err(vm.type_error(format_args!("object of type '{}' has no len()", obj::type_name(sep))));
        };
        if s.len() != 1 {
            return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "sep must be length 1."));
        }
        if !s[0].is_ascii() {
            return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "sep must be ASCII."));
        }
        Some(s[0])
    };
    let per = if per.is_null() { 1 } else { crate::runtime::index_arg_typed(vm, per)? };
    let group = per.unsigned_abs() as usize;
    let nsep = match sep {
        Some(_) if group > 0 && !data.is_empty() => (data.len() - 1) / group,
        _ => 0,
    };
    let Some(n) = data.len().checked_mul(2).and_then(|n| n.checked_add(nsep)) else {
        return Err(vm.raise_memory_error());
    };
    let out = obj::bytes::alloc(vm, n)?;
    let buf = obj::bytes::fresh_data(out);
    let mut j = 0;
    for (i, b) in data.iter().enumerate() {
        if let (Some(s), true) = (sep, i > 0 && group > 0) {
            // Groups count from the right for a positive bytes_per_sep, from the left else.
            let boundary = if per > 0 { (data.len() - i) % group == 0 } else { i % group == 0 };
            if boundary {
                buf[j] = s;
                j += 1;
            }
        }
        buf[j] = HEX[(b >> 4) as usize];
        buf[j + 1] = HEX[(b & 15) as usize];
        j += 2;
    }
    Ok(out)
}

fn hexlify(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    hex_with(vm, "hexlify", a)
}
fn b2a_hex(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    hex_with(vm, "b2a_hex", a)
}

fn unhex_with(vm: &mut Vm<'_>, fname: &str, a: &Args<'_>) -> PyResult<Value> {
    let [s] = bind(vm, fname, a, ["hexstr"], 1)?;
    let text = ascii_arg(vm, s)?;
    if text.len() % 2 != 0 {
        return Err(error(vm, "Odd-length string"));
    }
    let digit = |c: u8| (c as char).to_digit(16);
    if text.iter().any(|c| digit(*c).is_none()) {
        return Err(error(vm, "Non-hexadecimal digit found"));
    }
    let out = obj::bytes::alloc(vm, text.len() / 2)?;
    for (o, pair) in obj::bytes::fresh_data(out).iter_mut().zip(text.chunks(2)) {
        *o = (digit(pair[0]).unwrap_or(0) * 16 + digit(pair[1]).unwrap_or(0)) as u8;
    }
    Ok(out)
}

fn unhexlify(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    unhex_with(vm, "unhexlify", a)
}
fn a2b_hex(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    unhex_with(vm, "a2b_hex", a)
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn b2a_base64(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let mut d = a.get(0);
    let mut newline = Value::NULL;
    for (k, v) in a.kwnames.iter().zip(a.kwvals) {
        match obj::str::as_str(*k) {
            Some("newline") => newline = *v,
            Some("data") if d.is_null() => d = *v,
            Some(k) => return Err(vm.type_error(format_args!("b2a_base64() got an unexpected keyword argument '{k}'"))),
            None => {}
        }
    }
    if a.pos.len() > 1 {
        return Err(
            vm.type_error(format_args!("b2a_base64() takes exactly 1 positional argument ({} given)", a.pos.len()))
        );
    }
    if d.is_null() {
        return Err(vm.type_error(format_args!("b2a_base64() missing required argument 'data' (pos 1)")));
    }
    let data = data_arg(vm, d)?;
    let nl = newline.is_null() || crate::runtime::truthy(vm, newline)?;
    let n = data.len().div_ceil(3) * 4 + nl as usize;
    let out = obj::bytes::alloc(vm, n)?;
    let buf = obj::bytes::fresh_data(out);
    for (chunk, o) in data.chunks(3).zip(buf.chunks_mut(4)) {
        let b = [chunk[0], chunk.get(1).copied().unwrap_or(0), chunk.get(2).copied().unwrap_or(0)];
        let w = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        for (i, c) in o.iter_mut().enumerate() {
            *c = if i <= chunk.len() { B64[(w >> (18 - 6 * i) & 63) as usize] } else { b'=' };
        }
    }
    if nl {
        buf[n - 1] = b'\n';
    }
    Ok(out)
}

fn b64_value(c: u8) -> Option<u8> {
    B64.iter().position(|x| *x == c).map(|i| i as u8)
}

/// CPython's non-strict decoder: characters outside the alphabet are skipped, and a pad
/// sequence that completes a quad ends the input.
fn a2b_base64(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let [s] = bind(vm, "a2b_base64", a, ["data"], 1)?;
    let text = ascii_arg(vm, s)?;
    // First pass: count the output bytes and find the error, without allocating.
    let decode = |out: &mut dyn FnMut(u8)| -> Result<(), (usize, usize)> {
        let (mut quad, mut left, mut pads, mut n) = (0usize, 0u32, 0usize, 0usize);
        for &c in text {
            if c == b'=' {
                if quad >= 2 {
                    pads += 1;
                    if quad + pads >= 4 {
                        return Ok(());
                    }
                }
                continue;
            }
            let Some(v) = b64_value(c) else { continue };
            let v = v as u32;
            pads = 0;
            match quad {
                0 => {
                    quad = 1;
                    left = v;
                }
                1 => {
                    quad = 2;
                    out((left << 2 | v >> 4) as u8);
                    n += 1;
                    left = v & 0x0f;
                }
                2 => {
                    quad = 3;
                    out((left << 4 | v >> 2) as u8);
                    n += 1;
                    left = v & 0x03;
                }
                _ => {
                    quad = 0;
                    out((left << 6 | v) as u8);
                    n += 1;
                    left = 0;
                }
            }
        }
        if quad != 0 {
            Err((quad, n))
        } else {
            Ok(())
        }
    };
    let mut count = 0usize;
    if let Err((quad, n)) = decode(&mut |_| count += 1) {
        return Err(if quad == 1 {
            vm.raise_fmt(
                &BINASCII_ERROR_TYPE,
                format_args!(
                    "Invalid base64-encoded string: number of data characters ({}) cannot be 1 more than a multiple of 4",
                    n / 3 * 4 + 1
                ),
            )
        } else {
            error(vm, "Incorrect padding")
        });
    }
    let out = obj::bytes::alloc(vm, count)?;
    let buf = obj::bytes::fresh_data(out);
    let mut i = 0;
    let _ = decode(&mut |b| {
        buf[i] = b;
        i += 1;
    });
    Ok(out)
}

/// `crc32(data, value=0)`: CRC-32 (the zlib polynomial), bit by bit (no table in flash).
fn crc32(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    if !a.kwnames.is_empty() {
        return Err(vm.type_error(format_args!("crc32() takes no keyword arguments")));
    }
    if a.pos.is_empty() || a.pos.len() > 2 {
        return Err(vm.type_error(format_args!("crc32 expected at least 1 argument, got {}", a.pos.len())));
    }
    let data = data_arg(vm, a.pos[0])?;
    let start = match a.pos.get(1) {
        None => 0u32,
        Some(v) => {
            if !obj::int::is_int(*v) {
                return Err(
                    vm.type_error(format_args!("'{}' object cannot be interpreted as an integer", obj::type_name(*v)))
                );
            }
            // CPython takes the value modulo 2**32.
            let mask = obj::int::from_i64(vm, 0xffff_ffff)?;
            let mk = vm.roots_mark();
            vm.push_root(mask)?;
            let low = crate::runtime::binary_op(vm, frostbyte_format::BinOp::And, *v, mask);
            vm.pop_roots(mk);
            obj::int::to_i64(low?).unwrap_or(0) as u32
        }
    };
    let mut crc = !start;
    for &b in data {
        crc ^= b as u32;
        for _ in 0..8 {
            crc = if crc & 1 != 0 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    obj::int::from_i64(vm, (!crc) as i64)
}
