//! `re` templates (`sub`, `Match.expand`): `\\1`, `\\g<name>`, `\\g<0>`, octal and
//! character escapes, with CPython 3.11's errors; and the output buffer they expand into.

use core::fmt;

use super::{name_value, parse, raise_error, text_of, PatternObj, Target};
use crate::obj::{self, bytearray, dict, exception as exc, str::StrBuf};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// An output buffer: a StrBuf for str results, a bytearray for bytes. Rooted from `mark`.
pub(super) struct Out {
    pub(super) sb: Option<StrBuf>,
    pub(super) ba: Value,
    pub(super) len: usize,
    pub(super) mark: usize,
}

impl Out {
    pub(super) fn new(vm: &mut Vm<'_>, text: bool) -> PyResult<Out> {
        let mark = vm.roots_mark();
        if text {
            Ok(Out { sb: Some(StrBuf::new(vm)?), ba: Value::NULL, len: 0, mark })
        } else {
            let ba = bytearray::with_len(vm, 0)?;
            vm.push_root(ba)?;
            Ok(Out { sb: None, ba, len: 0, mark })
        }
    }
    pub(super) fn push(&mut self, vm: &mut Vm<'_>, b: &[u8]) -> PyResult<()> {
        if let Some(sb) = self.sb.as_mut() {
            return sb.push(vm, core::str::from_utf8(b).unwrap_or(""));
        }
        let cap = bytearray::data(self.ba).map_or(0, <[u8]>::len);
        let need = self.len + b.len();
        if need > cap {
            bytearray::resize(vm, self.ba, need.max(cap * 2).max(16))?;
        }
        bytearray::data_mut(self.ba)[self.len..need].copy_from_slice(b);
        self.len = need;
        Ok(())
    }
    pub(super) fn push_char(&mut self, vm: &mut Vm<'_>, c: u32) -> PyResult<()> {
        if let Some(sb) = self.sb.as_mut() {
            return sb.push_char(vm, char::from_u32(c).unwrap_or('\u{fffd}'));
        }
        self.push(vm, &[c as u8])
    }
    pub(super) fn finish(&mut self, vm: &mut Vm<'_>) -> PyResult<Value> {
        if let Some(sb) = self.sb.take() {
            return sb.finish(vm);
        }
        let d = bytearray::data(self.ba).unwrap_or(&[]);
        obj::bytes::new(vm, &d[..self.len.min(d.len())])
    }
}

/// The text of a template (str for a str pattern, bytes for a bytes one).
pub(super) fn template_text(vm: &mut Vm<'_>, p: &PatternObj, tv: Value) -> PyResult<(&'static [u8], bool)> {
    let ptext = obj::str::is_str(p.pattern);
    match text_of(tv) {
        Some((b, true)) if ptext => Ok((b, true)),
        Some((b, false)) if !ptext => Ok((b, false)),
        _ if ptext => Err(vm.type_error(format_args!("expected str instance, {} found", obj::type_name(tv)))),
        _ => Err(vm.type_error(format_args!("expected a bytes-like object, {} found", obj::type_name(tv)))),
    }
}

pub(super) type Spans<'x> = (&'x Target, &'x dyn Fn(usize) -> Option<(usize, usize)>);

/// Expand template `tb` into `out` with the groups of `spans` (None: only check it).
/// Errors are CPython's (`re.error` at the template's positions, IndexError for unknown
/// group names). May collect.
pub(super) fn expand_into(
    vm: &mut Vm<'_>,
    p: &PatternObj,
    tb: &[u8],
    text: bool,
    spans: Option<Spans<'_>>,
    out: &mut Out,
) -> PyResult<()> {
    let (mut i, mut cpos) = (0usize, 0usize);
    let tv = Value::NULL;
    let err = |vm: &mut Vm<'_>, pos: usize, msg: fmt::Arguments<'_>| raise_error(vm, tv, tb, text, Some(pos), msg);
    let clen = |b: u8| {
        if !text || b < 0x80 {
            1
        } else if b >= 0xF0 {
            4
        } else if b >= 0xE0 {
            3
        } else {
            2
        }
    };
    let mut lit_start = 0;
    while i < tb.len() {
        if tb[i] != b'\\' {
            i += clen(tb[i]);
            cpos += 1;
            continue;
        }
        if spans.is_some() {
            out.push(vm, &tb[lit_start..i])?;
        }
        let bs = cpos;
        i += 1;
        cpos += 1;
        let Some(&c) = tb.get(i) else {
            return Err(err(vm, bs, format_args!("bad escape (end of pattern)")));
        };
        let cl = clen(c);
        i += cl;
        cpos += 1;
        let mut group: Option<usize> = None;
        let mut lit: Option<u32> = None;
        match c {
            b'g' => {
                if tb.get(i) != Some(&b'<') {
                    return Err(err(vm, cpos, format_args!("missing <")));
                }
                i += 1;
                cpos += 1;
                let (ns, np) = (i, cpos);
                while i < tb.len() && tb[i] != b'>' {
                    i += clen(tb[i]);
                    cpos += 1;
                }
                if i >= tb.len() {
                    if ns == i {
                        return Err(err(vm, cpos, format_args!("missing group name")));
                    }
                    return Err(err(vm, np, format_args!("missing >, unterminated name")));
                }
                let name = &tb[ns..i];
                i += 1;
                cpos += 1;
                if name.is_empty() {
                    return Err(err(vm, cpos - 1, format_args!("missing group name")));
                }
                let shown = parse::Lossy(name, text);
                if name.iter().all(u8::is_ascii_digit) {
                    let g = name.iter().fold(0usize, |v, d| v.saturating_mul(10).saturating_add((d - b'0') as usize));
                    if g > p.groups {
                        return Err(err(vm, np, format_args!("invalid group reference {g}")));
                    }
                    group = Some(g);
                } else {
                    let ident = (name[0].is_ascii_alphabetic() || name[0] == b'_' || name[0] >= 0x80)
                        && name.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'_' || *b >= 0x80);
                    if !ident {
                        return Err(err(vm, np, format_args!("bad character in group name '{shown}'")));
                    }
                    let key = name_value(vm, name, text)?;
                    let mk = vm.roots_mark();
                    vm.push_root(key)?;
                    let g = if p.groupindex.is_null() { Ok(None) } else { dict::get(vm, p.groupindex, key) };
                    vm.pop_roots(mk);
                    match g?.and_then(obj::int::small_value) {
                        Some(g) => group = Some(g as usize),
                        None => {
                            return Err(
                                vm.raise_fmt(&exc::INDEX_ERROR_TYPE, format_args!("unknown group name '{shown}'"))
                            )
                        }
                    }
                }
            }
            b'0' => {
                let mut v = 0u32;
                for _ in 0..2 {
                    match tb.get(i) {
                        Some(d) if (b'0'..=b'7').contains(d) => {
                            v = v * 8 + (d - b'0') as u32;
                            i += 1;
                            cpos += 1;
                        }
                        _ => break,
                    }
                }
                lit = Some(v & 0xff);
            }
            b'1'..=b'9' => {
                let mut g = (c - b'0') as usize;
                let mut octal = false;
                if let Some(d) = tb.get(i).copied().filter(u8::is_ascii_digit) {
                    i += 1;
                    cpos += 1;
                    if c <= b'7' && d <= b'7' {
                        if let Some(e) = tb.get(i).copied().filter(|e| (b'0'..=b'7').contains(e)) {
                            i += 1;
                            cpos += 1;
                            let v = (c - b'0') as u32 * 64 + (d - b'0') as u32 * 8 + (e - b'0') as u32;
                            if v > 0o377 {
                                let t = parse::Lossy(&tb[i - 4..i], text);
                                return Err(err(
                                    vm,
                                    bs,
                                    format_args!("octal escape value {t} outside of range 0-0o377"),
                                ));
                            }
                            lit = Some(v);
                            octal = true;
                        }
                    }
                    if !octal {
                        g = g * 10 + (d - b'0') as usize;
                    }
                }
                if !octal {
                    if g > p.groups {
                        return Err(err(vm, bs + 1, format_args!("invalid group reference {g}")));
                    }
                    group = Some(g);
                }
            }
            b'a' => lit = Some(7),
            b'b' => lit = Some(8),
            b'f' => lit = Some(12),
            b'n' => lit = Some(10),
            b'r' => lit = Some(13),
            b't' => lit = Some(9),
            b'v' => lit = Some(11),
            b'\\' => lit = Some(92),
            _ if c.is_ascii_alphabetic() => {
                let t = parse::Lossy(&tb[i - 2..i], text);
                return Err(err(vm, bs, format_args!("bad escape {t}")));
            }
            _ => {
                // Kept as written, backslash included.
                if spans.is_some() {
                    out.push(vm, &tb[i - 1 - cl..i])?;
                }
            }
        }
        if let Some((t, f)) = spans {
            if let Some(v) = lit {
                out.push_char(vm, v)?;
            }
            if let Some(g) = group {
                if let Some((a, b)) = f(g) {
                    out.push(vm, &t.s[a..b])?;
                }
            }
        }
        lit_start = i;
    }
    if spans.is_some() {
        out.push(vm, &tb[lit_start..])?;
    }
    Ok(())
}
