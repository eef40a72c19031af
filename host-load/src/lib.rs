//! In-process loading: compiled modules become the same `rom` structures the emitter writes as
//! statics, built at run time in host memory.
//!
//! `frostbyte run` and the fuzz targets use this so that they and frozen binaries execute the
//! very same layouts on the very same VM. The memory lives outside the VM heap, so the VM treats
//! it exactly like ROM (never written, never collected). It is leaked by default (the VM wants
//! `&'static` images; `frostbyte run` exits after the run); a process that loads many programs
//! (a fuzzer) gives it back with the `unsafe` [`HostLoader::release`] once no VM uses it.
//!
//! The `unsafe` here writes variable-length object layouts (`Tuple<N>`, `Bytes<N>`, `Int<N>`,
//! `Qstr<N>` with a run-time `N`) and fixed ROM structures into word buffers.

use frostbyte_compiler::{CodeUnit, CompiledModule, Const, Decorator, IntRepr};
use frostbyte_vm::__private::rom::{self, ObjHeader, QstrHdr};
use frostbyte_vm::__private::Value;
use std::collections::HashMap;

/// Builds ROM structures in host memory, interning strings so equal texts share one qstr.
/// Dropping the loader leaks that memory (the images it made stay valid); see
/// [`HostLoader::release`].
#[derive(Default)]
pub struct HostLoader {
    qstrs: HashMap<String, Value>,
    /// Every buffer made so far, as raw pointers so that dropping the loader does not free
    /// them.
    bufs: Vec<*mut [u64]>,
}

impl HostLoader {
    /// A loader with an empty string table.
    pub fn new() -> Self {
        Self::default()
    }

    /// Free all the memory of the images this loader made.
    ///
    /// # Safety
    /// Nothing may use those images (or any value taken from them) afterwards: every `Vm`
    /// they were added to must have been dropped first.
    pub unsafe fn release(self) {
        for p in self.bufs {
            // SAFETY: `p` came from `Box::into_raw` in `words` and is freed only here, once;
            // the caller guarantees nothing points into it any more.
            drop(unsafe { Box::from_raw(p) });
        }
    }

    /// A zeroed, 8-aligned word buffer of `bytes` bytes (rounded up), owned by the loader.
    fn words(&mut self, bytes: usize) -> *mut u8 {
        let words = bytes.div_ceil(8).max(1);
        let p = Box::into_raw(vec![0u64; words].into_boxed_slice());
        self.bufs.push(p);
        p as *mut u64 as *mut u8
    }

    /// Move `x` into loader memory. `T`'s destructor never runs (ROM structures have none).
    fn keep<T>(&mut self, x: T) -> &'static T {
        const { assert!(std::mem::align_of::<T>() <= 8) };
        let p = self.words(std::mem::size_of::<T>()) as *mut T;
        // SAFETY: `p` is a fresh 8-aligned buffer of at least `size_of::<T>()` bytes (and
        // `align_of::<T>() <= 8`); it is written once here and only read afterwards, and lives
        // until `release`, whose caller guarantees the reference is no longer used.
        unsafe {
            p.write(x);
            &*p
        }
    }

    /// Move the items of `v` into loader memory (their destructors never run).
    fn keep_slice<T>(&mut self, mut v: Vec<T>) -> &'static [T] {
        const { assert!(std::mem::align_of::<T>() <= 8) };
        let p = self.words(std::mem::size_of_val(v.as_slice())) as *mut T;
        // SAFETY: as in `keep`, with room for `v.len()` items (the buffer is at least one word,
        // so an empty slice gets a non-null, aligned pointer).
        // The items are moved out: `v` is emptied before it is dropped.
        unsafe {
            let n = v.len();
            std::ptr::copy_nonoverlapping(v.as_ptr(), p, n);
            v.set_len(0);
            std::slice::from_raw_parts(p, n)
        }
    }

    /// The qstr for `text`.
    pub fn qstr(&mut self, text: &str) -> Value {
        if let Some(v) = self.qstrs.get(text) {
            return *v;
        }
        let bytes = text.as_bytes();
        let head = frostbyte_format::qstr::head(bytes);
        let long = head & 0x7f == frostbyte_format::qstr::LONG;
        let text_at = if long { 8 } else { 4 };
        let p = self.words(text_at + bytes.len());
        // SAFETY: `p` is 8-aligned and has room for the head word, the long-form length and
        // the bytes (the `frostbyte_format::qstr` layout); the buffer lives until `release`
        // and is never written again.
        let v = unsafe {
            (p as *mut u32).write(head);
            if long {
                std::ptr::copy_nonoverlapping((bytes.len() as u32).to_le_bytes().as_ptr(), p.add(4), 4);
            }
            std::ptr::copy_nonoverlapping(bytes.as_ptr(), p.add(text_at), bytes.len());
            Value::qstr_from_hdr(p as *const QstrHdr)
        };
        self.qstrs.insert(text.to_string(), v);
        v
    }

    /// An object `header | word | payload` where payload has `payload_bytes` bytes written by `fill`.
    fn var_object(
        &mut self,
        ty: &'static frostbyte_vm::__private::types::Type,
        word: usize,
        payload_bytes: usize,
        fill: impl FnOnce(*mut u8),
    ) -> Value {
        let head = std::mem::size_of::<ObjHeader>() + std::mem::size_of::<usize>();
        let p = self.words(head + payload_bytes);
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
        self.var_object(&frostbyte_vm::__private::types::INT_TYPE, size as usize, digits.len() * 4, |dst| {
            // SAFETY: the payload has room for `digits.len()` u32s and is 4-aligned.
            unsafe { std::ptr::copy_nonoverlapping(digits.as_ptr(), dst as *mut u32, digits.len()) }
        })
    }

    fn constant(&mut self, k: &Const, module: &ModuleCtx) -> Value {
        match k {
            Const::None => Value::NONE,
            Const::True => Value::TRUE,
            Const::False => Value::FALSE,
            Const::Ellipsis => Value::ELLIPSIS,
            Const::Int(i) => match IntRepr::of_i64(*i) {
                IntRepr::Small(i) => Value::small_int(i as isize),
                IntRepr::Big { negative, digits } => self.int(negative, &digits),
            },
            Const::BigInt { negative, digits } => self.int(*negative, digits),
            Const::Float(f) => Value::rom(self.keep(rom::Float::new(*f))),
            Const::Complex(r, i) => Value::rom(self.keep(rom::Complex::new(*r, *i))),
            Const::Str(s) => self.qstr(s),
            Const::Bytes(b) => {
                self.var_object(&frostbyte_vm::__private::types::BYTES_TYPE, b.len(), b.len(), |dst| {
                    // SAFETY: the payload has room for `b.len()` bytes.
                    unsafe { std::ptr::copy_nonoverlapping(b.as_ptr(), dst, b.len()) }
                })
            }
            Const::Tuple(items) => {
                let vals: Vec<Value> = items.iter().map(|i| self.constant(i, module)).collect();
                self.var_object(
                    &frostbyte_vm::__private::types::TUPLE_TYPE,
                    vals.len(),
                    vals.len() * std::mem::size_of::<Value>(),
                    |dst| {
                        // SAFETY: the payload has room for `vals.len()` word-aligned Values.
                        unsafe { std::ptr::copy_nonoverlapping(vals.as_ptr(), dst as *mut Value, vals.len()) }
                    },
                )
            }
            Const::Code(c) => Value::rom(self.code(c, module)),
            Const::Function { code, defaults } => {
                let code = self.code(code, module);
                let defaults = defaults.as_ref().map_or(Value::NULL, |d| self.constant(d, module));
                Value::rom(self.keep(rom::Function::new(code, defaults)))
            }
            Const::Descriptor { kind, func } => {
                let f = self.constant(func, module);
                match kind {
                    Decorator::Property => Value::rom(self.keep(rom::Property::new(f))),
                    Decorator::ClassMethod => Value::rom(self.keep(rom::Descriptor::classmethod(f))),
                    Decorator::StaticMethod => Value::rom(self.keep(rom::Descriptor::staticmethod(f))),
                }
            }
            Const::Namespace(entries) => {
                let mut words = [Value::NULL; 16];
                for (i, (k, v)) in entries.iter().enumerate() {
                    words[2 * i] = self.qstr(k);
                    words[2 * i + 1] = self.constant(v, module);
                }
                // The table type carries its size; the compiler caps namespaces at 8 entries.
                macro_rules! table {
                    ($($n:literal)*) => {
                        match entries.len() {
                            $($n => {
                                let mut w = [Value::NULL; 2 * $n];
                                w.copy_from_slice(&words[..2 * $n]);
                                let t: &'static rom::DictTable<{ 2 * $n }> = self.keep(rom::DictTable::new(w));
                                rom::Dict::new(t)
                            })*
                            n => panic!("frozen class namespace of {n} entries"),
                        }
                    };
                }
                let d = table!(0 1 2 3 4 5 6 7 8);
                Value::rom(self.keep(d))
            }
        }
    }

    fn code(&mut self, c: &CodeUnit, module: &ModuleCtx) -> &'static rom::Code {
        let mut values: Vec<Value> = c.consts.iter().map(|k| self.constant(k, module)).collect();
        values.extend(c.local_names.iter().map(|n| self.qstr(n)));
        let name = self.qstr(&c.name);
        let blob = c.blob();
        let values = self.keep_slice(values);
        let blob = self.keep_slice(blob);
        self.keep(rom::Code::new(
            name,
            module.module,
            values,
            c.consts.len() as u16,
            blob,
            c.bytecode.len() as u16,
            c.flags,
            c.n_posargs,
            c.n_locals,
            c.stack_size,
        ))
    }

    /// Build an image from compiled modules (sorted by name, as the emitter does).
    pub fn image(&mut self, modules: &[CompiledModule]) -> &'static rom::Image {
        let mut sorted: Vec<&CompiledModule> = modules.iter().collect();
        sorted.sort_by(|a, b| a.name.cmp(&b.name));
        let mut frozen = Vec::new();
        for (index, m) in sorted.into_iter().enumerate() {
            let names: Vec<Value> = m.names.iter().map(|n| self.qstr(n)).collect();
            let ctx = ModuleCtx {
                module: {
                    let file = self.qstr(&m.file);
                    let names = self.keep_slice(names);
                    self.keep(rom::CodeModule { file, names, index: index as u32 })
                },
            };
            let code = self.code(&m.code, &ctx);
            frozen.push(rom::FrozenModule {
                name: self.qstr(&m.name),
                is_package: m.is_package,
                code,
                keys: rom::Keys::NONE,
            });
        }
        let modules = self.keep_slice(frozen);
        self.keep(rom::Image { version: frostbyte_format::VERSION, modules })
    }
}

struct ModuleCtx {
    module: &'static rom::CodeModule,
}

/// The compiler hook `frostbyte run` and the frozen corpus runner install
/// ([`frostbyte_vm::Vm::set_compiler`]): `exec`, `eval` and `compile()` source goes through
/// `frostbyte-compiler` and comes back as an image built by a [`HostLoader`] (leaked, like
/// every image of the loader).
#[derive(Default)]
pub struct HostCompiler {
    loader: HostLoader,
    /// The message and line text of the last error (borrowed by the returned
    /// `CompileError`).
    message: String,
    text: String,
}

impl HostCompiler {
    /// A compiler hook with a fresh loader.
    pub fn new() -> Self {
        Self::default()
    }
}

impl frostbyte_vm::Compiler for HostCompiler {
    fn compile<'c>(
        &'c mut self,
        source: &'c str,
        filename: &'c str,
        mode: frostbyte_vm::CompileMode,
    ) -> Result<&'static rom::Image, frostbyte_vm::CompileError<'c>> {
        let mode = match mode {
            frostbyte_vm::CompileMode::Exec => frostbyte_compiler::SourceMode::Exec,
            frostbyte_vm::CompileMode::Eval => frostbyte_compiler::SourceMode::Eval,
            frostbyte_vm::CompileMode::Single => frostbyte_compiler::SourceMode::Single,
        };
        let src = frostbyte_compiler::SourceFile { path: filename, text: source };
        match frostbyte_compiler::compile_source(&src, "<string>", mode) {
            Ok(m) => Ok(self.loader.image(std::slice::from_ref(&m))),
            Err(diags) => {
                let (line, column) = match diags.first() {
                    Some(d) => {
                        self.message = d.message.clone();
                        self.text = d.source_line.clone();
                        (d.line, d.col)
                    }
                    None => {
                        self.message = "invalid syntax".to_string();
                        self.text.clear();
                        (1, 1)
                    }
                };
                Err(frostbyte_vm::CompileError { message: &self.message, line, column, text: &self.text })
            }
        }
    }
}
