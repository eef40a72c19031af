//! A text dump of a frozen image as the VM sees it: every module, code object, constant,
//! frozen function, descriptor, class namespace and module key table, reached from the
//! image's module list.
//!
//! Objects and qstrs are numbered in the order the walk first reaches them, so the dump shows
//! sharing (one constant object used twice prints its number twice) but no address. A qstr
//! that is one of the VM's built-in statics prints as `B"text"`, any other as `Q3"text"`.
//! Two images built from the same modules, one linked from the emitter's statics and one
//! written by the host loader, dump to the same text exactly when they have the same layout
//! (`tests/tests/image_model.rs`).

use core::fmt::{self, Write};
use std::collections::HashMap;

use crate::obj;
use crate::rom::{self, Image};
use crate::value::Value;

/// Write the dump of `image` to `out`.
pub fn image(image: &Image, out: &mut dyn Write) -> fmt::Result {
    let mut d = Dumper { out, seen: HashMap::new() };
    writeln!(d.out, "image version {:#x}, {} modules", image.version, image.modules.len())?;
    for m in image.modules {
        write!(d.out, "module ")?;
        d.value(m.name)?;
        writeln!(d.out, " package={}", m.is_package)?;
        d.code(m.code, 1)?;
        match m.keys.table() {
            None => writeln!(d.out, "  keys none")?,
            Some(t) => d.keys(t)?,
        }
    }
    Ok(())
}

struct Dumper<'o> {
    out: &'o mut dyn Write,
    /// Addresses met so far (objects, qstrs, module records) and their numbers.
    seen: HashMap<usize, usize>,
}

impl Dumper<'_> {
    /// The number of `addr` and whether it was met before.
    fn number(&mut self, addr: usize) -> (usize, bool) {
        let next = self.seen.len();
        match self.seen.entry(addr) {
            std::collections::hash_map::Entry::Occupied(e) => (*e.get(), true),
            std::collections::hash_map::Entry::Vacant(e) => (*e.insert(next), false),
        }
    }

    fn indent(&mut self, depth: usize) -> fmt::Result {
        for _ in 0..depth {
            self.out.write_str("  ")?;
        }
        Ok(())
    }

    fn qstr(&mut self, v: Value) -> fmt::Result {
        let text = obj::str::as_str(v).unwrap_or("?");
        if crate::qstr::BUILTINS.contains(&v) {
            return write!(self.out, "B{text:?}");
        }
        let (n, _) = self.number(v.bits());
        write!(self.out, "Q{n}{text:?}")
    }

    /// One value on the current line; objects met for the first time print their contents.
    fn value(&mut self, v: Value) -> fmt::Result {
        if v.is_null() {
            return self.out.write_str("NULL");
        }
        if let Some(i) = v.as_small_int() {
            return write!(self.out, "{i}");
        }
        if v.is_qstr() {
            return self.qstr(v);
        }
        if v == Value::NONE || v == Value::TRUE || v == Value::FALSE || v == Value::ELLIPSIS {
            let name = match v {
                _ if v == Value::NONE => "None",
                _ if v == Value::TRUE => "True",
                _ if v == Value::FALSE => "False",
                _ => "Ellipsis",
            };
            return self.out.write_str(name);
        }
        if !v.is_obj() {
            return write!(self.out, "imm{:#x}", v.bits());
        }
        let (n, old) = self.number(v.bits());
        write!(self.out, "#{n}")?;
        if old {
            return Ok(());
        }
        if let Some(items) = obj::tuple::items(v) {
            self.out.write_str("(")?;
            for (i, x) in items.iter().enumerate() {
                if i > 0 {
                    self.out.write_str(", ")?;
                }
                self.value(*x)?;
            }
            return self.out.write_str(")");
        }
        if let Some(b) = obj::bytes::as_bytes(v) {
            return write!(self.out, "bytes{b:?}");
        }
        if let Some((neg, digits)) = obj::int::big_parts(v) {
            return write!(self.out, "int(neg={neg}, {digits:x?})");
        }
        if let Some(f) = obj::float::as_f64(v) {
            return write!(self.out, "float({:#x})", f.to_bits());
        }
        #[cfg(feature = "complex")]
        if let Some((re, im)) = obj::complex::as_complex(v) {
            return write!(self.out, "complex({:#x}, {:#x})", re.to_bits(), im.to_bits());
        }
        if let Some(c) = obj::code::as_code(v) {
            return write!(self.out, "code {}", obj::code::qualname(c));
        }
        if let Some(f) = obj::function::as_func(v) {
            write!(self.out, "function frozen={} code=", f.is_frozen())?;
            self.value(Value::rom(f.code()))?;
            self.out.write_str(" defaults=")?;
            return self.value(f.defaults());
        }
        if let Some(d) = obj::dict::as_dict(v) {
            write!(self.out, "dict len={} {{", d.len())?;
            for i in 0..d.used() {
                let Some((k, x)) = d.entry(i) else { break };
                if i > 0 {
                    self.out.write_str(", ")?;
                }
                self.value(k)?;
                self.out.write_str(": ")?;
                self.value(x)?;
            }
            return self.out.write_str("}");
        }
        if let Some(f) = obj::descriptor::wrapped(v) {
            write!(self.out, "{}(", obj::type_of(v).name())?;
            self.value(f)?;
            return self.out.write_str(")");
        }
        write!(self.out, "<{}>", obj::type_of(v).name())
    }

    /// A code object with its module record, counts, blob and values; the code objects among
    /// its constants follow, one level deeper.
    fn code(&mut self, c: &'static rom::Code, depth: usize) -> fmt::Result {
        self.indent(depth)?;
        self.value(Value::rom(c))?;
        write!(
            self.out,
            " flags={:#x} posargs={} locals={} stack={} consts={} bytecode={:02x?}",
            c.flags,
            c.n_posargs,
            c.n_locals,
            c.stack_size,
            c.consts().len(),
            c.bytecode()
        )?;
        let t = c.tail();
        write!(
            self.out,
            " kwonly={} free={} posonly={} line={} lines={:02x?} exc={:02x?}",
            t.n_kwonly, t.n_free, t.n_posonly, t.first_line, t.line_table, t.exc_table
        )?;
        self.out.write_str(" module=")?;
        let (n, old) = self.number(c.module as *const rom::CodeModule as usize);
        write!(self.out, "M{n}")?;
        if !old {
            write!(self.out, "[index={} file=", c.module.index)?;
            self.value(c.module.file)?;
            self.out.write_str(" names=")?;
            self.list(c.module.names)?;
            self.out.write_str("]")?;
        }
        self.out.write_str(" consts=")?;
        self.list(c.consts())?;
        self.out.write_str(" locals=")?;
        self.list(c.local_names())?;
        self.out.write_str("\n")?;
        for k in c.consts() {
            let inner = obj::code::as_code(*k)
                .or_else(|| obj::function::as_func(*k).map(|f| f.code()))
                .or_else(|| obj::descriptor::wrapped(*k).and_then(obj::function::as_func).map(|f| f.code()));
            if let Some(inner) = inner {
                self.code(inner, depth + 1)?;
            }
            if let Some(d) = obj::dict::as_dict(*k) {
                for i in 0..d.used() {
                    let Some((_, x)) = d.entry(i) else { break };
                    let f = obj::function::as_func(x)
                        .or_else(|| obj::descriptor::wrapped(x).and_then(obj::function::as_func));
                    if let Some(f) = f {
                        self.code(f.code(), depth + 1)?;
                    }
                }
            }
        }
        Ok(())
    }

    fn list(&mut self, vs: &[Value]) -> fmt::Result {
        self.out.write_str("[")?;
        for (i, v) in vs.iter().enumerate() {
            if i > 0 {
                self.out.write_str(", ")?;
            }
            self.value(*v)?;
        }
        self.out.write_str("]")
    }

    /// A module key table: its head word, keys and index bytes.
    fn keys(&mut self, t: *const usize) -> fmt::Result {
        use frostbyte_format::dict;
        // SAFETY: a `Keys` points at a word-aligned `rom::KeyTable` (its constructor's
        // contract): the head word, then `cap` key words, then `nidx_for(cap)` index bytes,
        // immutable while the image is in use.
        let (head, keys, index) = unsafe {
            let head = *t;
            let cap = head >> dict::HEAD_SHIFT;
            let keys = core::slice::from_raw_parts(t.add(1) as *const Value, cap);
            let index = core::slice::from_raw_parts(t.add(1 + cap) as *const u8, dict::nidx_for(cap));
            (head, keys, index)
        };
        write!(self.out, "  keys head={head:#x} ")?;
        self.list(keys)?;
        writeln!(self.out, " index={index:02x?}")
    }
}
