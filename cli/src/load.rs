//! In-process loading: compiled modules become the same `rom` structures the emitter writes as
//! statics, built at run time in leaked host memory.
//!
//! `frostbyte run` uses this so that the command-line runner and frozen binaries execute the
//! very same layouts on the very same VM. The memory lives outside the VM heap, so the VM treats
//! it exactly like ROM (never written, never collected). It is leaked on purpose: the process
//! exits after the run.
//!
//! This is the only `unsafe` in the CLI: writing variable-length object layouts (`Tuple<N>`,
//! `Bytes<N>`, `Int<N>`, `Qstr<N>` with a run-time `N`) into word buffers.

use frostbyte_compiler::{CodeUnit, CompiledModule, Const};
use frostbyte_vm::rom::{self, ObjHeader, QstrHdr};
use frostbyte_vm::Value;
use std::collections::HashMap;

/// Builds leaked ROM structures, interning strings so equal texts share one qstr.
#[derive(Default)]
pub struct HostLoader {
    qstrs: HashMap<String, Value>,
}

/// Leak a word buffer of `bytes` bytes (rounded up), zeroed, 8-aligned.
fn leak_words(bytes: usize) -> *mut u8 {
    let words = bytes.div_ceil(8).max(1);
    let v: &'static mut [u64] = vec![0u64; words].leak();
    v.as_mut_ptr() as *mut u8
}

impl HostLoader {
    /// A loader with an empty string table.
    pub fn new() -> Self {
        Self::default()
    }

    /// The qstr for `text`.
    pub fn qstr(&mut self, text: &str) -> Value {
        if let Some(v) = self.qstrs.get(text) {
            return *v;
        }
        let bytes = text.as_bytes();
        let hdr_size = std::mem::size_of::<QstrHdr>();
        let p = leak_words(hdr_size + bytes.len());
        // SAFETY: `p` is 8-aligned and has room for the header plus the bytes; the buffer is
        // leaked, so it lives for the rest of the process and is never written again.
        let v = unsafe {
            (p as *mut QstrHdr).write(QstrHdr {
                hash: frostbyte_format::qstr_hash(bytes),
                len_flags: frostbyte_format::qstr::len_flags(bytes),
            });
            std::ptr::copy_nonoverlapping(bytes.as_ptr(), p.add(hdr_size), bytes.len());
            Value::qstr_from_hdr(p as *const QstrHdr)
        };
        self.qstrs.insert(text.to_string(), v);
        v
    }

    /// An object `header | word | payload` where payload has `payload_bytes` bytes written by `fill`.
    fn var_object(
        &mut self,
        ty: &'static frostbyte_vm::obj::Type,
        word: usize,
        payload_bytes: usize,
        fill: impl FnOnce(*mut u8),
    ) -> Value {
        let head = std::mem::size_of::<ObjHeader>() + std::mem::size_of::<usize>();
        let p = leak_words(head + payload_bytes);
        // SAFETY: `p` is 8-aligned with room for header, length word and payload, matching the
        // `rom::Tuple`/`Bytes`/`Int` layouts (repr(C): header, usize/isize, then items).
        unsafe {
            (p as *mut ObjHeader).write(ObjHeader::of(ty));
            (p.add(std::mem::size_of::<ObjHeader>()) as *mut usize).write(word);
            fill(p.add(head));
            Value::from_obj_ptr(p)
        }
    }

    fn int(&mut self, negative: bool, digits: &[u32]) -> Value {
        let n = digits.len() as isize;
        let size = if negative { -n } else { n };
        self.var_object(
            &frostbyte_vm::obj::INT_TYPE,
            size as usize,
            digits.len() * 4,
            |dst| {
                // SAFETY: the payload has room for `digits.len()` u32s and is 4-aligned.
                unsafe {
                    std::ptr::copy_nonoverlapping(digits.as_ptr(), dst as *mut u32, digits.len())
                }
            },
        )
    }

    fn constant(&mut self, k: &Const, module: &ModuleCtx) -> Value {
        match k {
            Const::None => Value::NONE,
            Const::True => Value::TRUE,
            Const::False => Value::FALSE,
            Const::Ellipsis => Value::ELLIPSIS,
            Const::Int(i) if (-(1i64 << 30)..(1i64 << 30)).contains(i) => {
                Value::small_int(*i as isize)
            }
            Const::Int(i) => {
                let m = i.unsigned_abs();
                let digits: Vec<u32> = if m >> 32 == 0 {
                    vec![m as u32]
                } else {
                    vec![m as u32, (m >> 32) as u32]
                };
                self.int(*i < 0, &digits)
            }
            Const::BigInt { negative, digits } => self.int(*negative, digits),
            Const::Float(f) => Value::rom(Box::leak(Box::new(rom::Float::new(*f)))),
            Const::Str(s) => self.qstr(s),
            Const::Bytes(b) => {
                self.var_object(&frostbyte_vm::obj::BYTES_TYPE, b.len(), b.len(), |dst| {
                    // SAFETY: the payload has room for `b.len()` bytes.
                    unsafe { std::ptr::copy_nonoverlapping(b.as_ptr(), dst, b.len()) }
                })
            }
            Const::Tuple(items) => {
                let vals: Vec<Value> = items.iter().map(|i| self.constant(i, module)).collect();
                self.var_object(
                    &frostbyte_vm::obj::TUPLE_TYPE,
                    vals.len(),
                    vals.len() * std::mem::size_of::<Value>(),
                    |dst| {
                        // SAFETY: the payload has room for `vals.len()` word-aligned Values.
                        unsafe {
                            std::ptr::copy_nonoverlapping(
                                vals.as_ptr(),
                                dst as *mut Value,
                                vals.len(),
                            )
                        }
                    },
                )
            }
            Const::Code(c) => Value::rom(self.code(c, module)),
        }
    }

    fn code(&mut self, c: &CodeUnit, module: &ModuleCtx) -> &'static rom::Code {
        let consts: Vec<Value> = c.consts.iter().map(|k| self.constant(k, module)).collect();
        let local_names: Vec<Value> = c.local_names.iter().map(|n| self.qstr(n)).collect();
        let name = self.qstr(&c.name);
        Box::leak(Box::new(rom::Code {
            hdr: rom::CODE_HEADER,
            name,
            file: module.file,
            flags: c.flags,
            n_posargs: c.n_posargs,
            n_posonly: c.n_posonly,
            n_kwonly: c.n_kwonly,
            n_locals: c.n_locals,
            n_free: c.n_free,
            stack_size: c.stack_size,
            first_line: c.first_line,
            bytecode: c.bytecode.clone().leak(),
            consts: consts.leak(),
            names: module.names,
            local_names: local_names.leak(),
            line_table: c.line_table.clone().leak(),
            exc_table: c.exc_table.clone().leak(),
        }))
    }

    /// Build an image from compiled modules (sorted by name, as the emitter does).
    pub fn image(&mut self, modules: &[CompiledModule]) -> &'static rom::Image {
        let mut sorted: Vec<&CompiledModule> = modules.iter().collect();
        sorted.sort_by(|a, b| a.name.cmp(&b.name));
        let mut frozen = Vec::new();
        for m in sorted {
            let names: Vec<Value> = m.names.iter().map(|n| self.qstr(n)).collect();
            let ctx = ModuleCtx {
                file: self.qstr(&m.file),
                names: names.leak(),
            };
            let code = self.code(&m.code, &ctx);
            frozen.push(rom::FrozenModule {
                name: self.qstr(&m.name),
                is_package: m.is_package,
                code,
            });
        }
        Box::leak(Box::new(rom::Image {
            version: frostbyte_format::VERSION,
            modules: frozen.leak(),
        }))
    }
}

struct ModuleCtx {
    file: Value,
    names: &'static [Value],
}
