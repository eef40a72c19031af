//! In-process loading: compiled modules become the same `rom` structures the emitter writes as
//! statics, built at run time in host memory.
//!
//! Both follow one description of the image, the compiler's [`ImageModel`]: the model decides
//! every layout (built-in qstrs, shared constants, frozen functions and class namespaces,
//! module key tables) and this loader writes each of its items as the emitter would.
//!
//! `frostbyte run` and the fuzz targets use this so that they and frozen binaries execute the
//! very same layouts on the very same VM. The memory lives outside the VM heap, so the VM treats
//! it exactly like ROM (never written, never collected). It is leaked by default (the VM wants
//! `&'static` images; `frostbyte run` exits after the run); a process that loads many programs
//! (a fuzzer) gives it back with the `unsafe` [`HostLoader::release`] once no VM uses it.
//!
//! The `unsafe` here writes variable-length object layouts (`Tuple<N>`, `Bytes<N>`, `Int<N>`,
//! `Qstr<N>`, `DictTable<W>`, `KeyTable<N, I>` with run-time sizes) and fixed ROM structures
//! into word buffers.

use frostbyte_compiler::image::{ImageModel, Item, QstrRef, Val};
use frostbyte_compiler::{CompiledModule, Decorator};
use frostbyte_vm::__private::rom::{self, ObjHeader, QstrHdr};
use frostbyte_vm::__private::{types, Value};
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
        let (prefix, prefix_len) = frostbyte_format::qstr::length_prefix(bytes.len());
        let text_at = frostbyte_format::qstr::text_offset(head);
        let p = self.words(text_at + bytes.len());
        // SAFETY: `p` is 8-aligned and has room for the head word, the long-form length and
        // the bytes (the `frostbyte_format::qstr` layout); the buffer lives until `release`
        // and is never written again.
        let v = unsafe {
            (p as *mut u32).write(head);
            std::ptr::copy_nonoverlapping(prefix.as_ptr(), p.add(4), prefix_len);
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

    /// `header | word | values`: a `rom::Tuple` of `vals`.
    fn tuple(&mut self, vals: &[Value]) -> Value {
        self.var_object(&types::TUPLE_TYPE, vals.len(), std::mem::size_of_val(vals), |dst| {
            // SAFETY: the payload has room for `vals.len()` word-aligned Values.
            unsafe { std::ptr::copy_nonoverlapping(vals.as_ptr(), dst as *mut Value, vals.len()) }
        })
    }

    /// A table of `head` followed by `vals` (a `rom::DictTable` or the key part of a
    /// `rom::KeyTable`) and `extra` zeroed bytes; returns the table and the address of the
    /// extra bytes.
    fn table(&mut self, head: usize, vals: &[Value], extra: usize) -> (*const usize, *mut u8) {
        let w = std::mem::size_of::<usize>();
        let p = self.words(w + std::mem::size_of_val(vals) + extra);
        // SAFETY: `p` is 8-aligned with room for the head word, the values and `extra` bytes;
        // it is written here once and only read afterwards.
        unsafe {
            (p as *mut usize).write(head);
            std::ptr::copy_nonoverlapping(vals.as_ptr(), p.add(w) as *mut Value, vals.len());
            (p as *const usize, p.add(w + std::mem::size_of_val(vals)))
        }
    }

    fn int(&mut self, negative: bool, digits: &[u32]) -> Value {
        let n = digits.len() as isize;
        let size = if negative { -n } else { n };
        self.var_object(&types::INT_TYPE, size as usize, digits.len() * 4, |dst| {
            // SAFETY: the payload has room for `digits.len()` u32s and is 4-aligned.
            unsafe { std::ptr::copy_nonoverlapping(digits.as_ptr(), dst as *mut u32, digits.len()) }
        })
    }

    /// Build an image from compiled modules: the compiler's image model
    /// ([`ImageModel::build`]), written into memory by [`HostLoader::load`].
    pub fn image(&mut self, modules: &[CompiledModule]) -> &'static rom::Image {
        self.load(&ImageModel::build(modules))
    }

    /// Write an image model into loader memory, item by item, in the layouts the emitter's
    /// statics have (`frostbyte_compiler::freeze`): the same qstrs (the VM's own built-in
    /// ones where the emitter names them), shared constants, frozen functions, descriptors
    /// and class namespaces, and module key tables.
    pub fn load(&mut self, model: &ImageModel) -> &'static rom::Image {
        let mut built: Vec<Built> = Vec::with_capacity(model.items.len());
        for item in &model.items {
            let b = self.item(model, &built, item);
            built.push(b);
        }
        let modules: Vec<rom::FrozenModule> = model
            .modules
            .iter()
            .map(|m| rom::FrozenModule {
                name: self.model_qstr(model, m.name),
                is_package: m.is_package,
                code: built[m.code].code(),
                keys: m.keys.map_or(rom::Keys::NONE, |k| built[k].keys()),
            })
            .collect();
        let modules = self.keep_slice(modules);
        self.keep(rom::Image { version: model.version, modules })
    }

    fn model_qstr(&mut self, model: &ImageModel, q: QstrRef) -> Value {
        match q {
            QstrRef::Builtin(i) => frostbyte_vm::__private::qstr::BUILTINS[i as usize],
            QstrRef::Own(_) => self.qstr(model.text(q)),
        }
    }

    fn value(&mut self, model: &ImageModel, built: &[Built], v: Val) -> Value {
        match v {
            Val::Null => Value::NULL,
            Val::None => Value::NONE,
            Val::True => Value::TRUE,
            Val::False => Value::FALSE,
            Val::Ellipsis => Value::ELLIPSIS,
            Val::Small(i) => Value::small_int(i as isize),
            Val::Qstr(q) => self.model_qstr(model, q),
            Val::Item(id) => built[id].value(),
        }
    }

    fn values(&mut self, model: &ImageModel, built: &[Built], vals: &[Val]) -> Vec<Value> {
        vals.iter().map(|v| self.value(model, built, *v)).collect()
    }

    fn item(&mut self, model: &ImageModel, built: &[Built], item: &Item) -> Built {
        match item {
            Item::CodeModule { module, file, names } => {
                let names: Vec<Value> = names.iter().map(|n| self.model_qstr(model, *n)).collect();
                let file = self.model_qstr(model, *file);
                let names = self.keep_slice(names);
                Built::Module(self.keep(rom::CodeModule { file, names, index: *module as u32 }))
            }
            Item::Int { negative, digits } => Built::Value(self.int(*negative, digits)),
            Item::Float(bits) => Built::Value(Value::rom(self.keep(rom::Float::new(f64::from_bits(*bits))))),
            Item::Complex(r, i) => {
                Built::Value(Value::rom(self.keep(rom::Complex::new(f64::from_bits(*r), f64::from_bits(*i)))))
            }
            Item::Bytes(b) => Built::Value(self.var_object(&types::BYTES_TYPE, b.len(), b.len(), |dst| {
                // SAFETY: the payload has room for `b.len()` bytes.
                unsafe { std::ptr::copy_nonoverlapping(b.as_ptr(), dst, b.len()) }
            })),
            Item::Tuple(items) => {
                let vals = self.values(model, built, items);
                Built::Value(self.tuple(&vals))
            }
            Item::Code(c) => {
                let values = self.values(model, built, &c.values);
                let name = self.model_qstr(model, c.name);
                let module = built[model.modules[c.module].code_module].module();
                let values = self.keep_slice(values);
                let blob = self.keep_slice(c.blob.clone());
                Built::Code(self.keep(rom::Code::new(
                    name,
                    module,
                    values,
                    c.n_consts,
                    blob,
                    c.bc_len,
                    c.flags,
                    c.n_posargs,
                    c.n_locals,
                    c.stack_size,
                )))
            }
            Item::Function { code, defaults } => {
                let defaults = self.value(model, built, *defaults);
                Built::Value(Value::rom(self.keep(rom::Function::new(built[*code].code(), defaults))))
            }
            Item::Descriptor { kind, func } => {
                let f = built[*func].value();
                Built::Value(match kind {
                    Decorator::Property => Value::rom(self.keep(rom::Property::new(f))),
                    Decorator::ClassMethod => Value::rom(self.keep(rom::Descriptor::classmethod(f))),
                    Decorator::StaticMethod => Value::rom(self.keep(rom::Descriptor::staticmethod(f))),
                })
            }
            Item::Namespace { entries, .. } => {
                let mut words = Vec::with_capacity(2 * entries.len());
                for (k, v) in entries {
                    words.push(self.model_qstr(model, *k));
                    words.push(self.value(model, built, *v));
                }
                let n = entries.len();
                // A `rom::DictTable`: `cap << HEAD_SHIFT`, then the pairs.
                let (table, _) = self.table(n << frostbyte_format::dict::HEAD_SHIFT, &words, 0);
                let dict = rom::Dict { hdr: ObjHeader::of(&types::DICT_TYPE), len: n, used: n, table };
                Built::Value(Value::rom(self.keep(dict)))
            }
            Item::KeyTable { keys, nidx, .. } => {
                let vals: Vec<Value> = keys.iter().map(|k| self.model_qstr(model, *k)).collect();
                let hashes: Vec<u32> =
                    keys.iter().map(|k| frostbyte_format::qstr::qstr_hash(model.text(*k).as_bytes())).collect();
                let (table, index) = self.table(frostbyte_format::dict::key_table_head(keys.len()), &vals, *nidx);
                // SAFETY: `table` reserved `nidx` bytes at `index` after the keys, written only
                // here.
                let index = unsafe { std::slice::from_raw_parts_mut(index, *nidx) };
                frostbyte_format::dict::fill_index(&hashes, index);
                // SAFETY: `table` is laid out as a `rom::KeyTable` (head, distinct qstr keys,
                // the index over their hashes) in loader memory that is never written again
                // and lives until `release`.
                Built::Keys(unsafe { rom::Keys::from_raw(table) })
            }
        }
    }
}

/// What an item of the model became in loader memory.
enum Built {
    /// An object (constant, function, descriptor, namespace).
    Value(Value),
    /// A code object.
    Code(&'static rom::Code),
    /// A module's code record.
    Module(&'static rom::CodeModule),
    /// A key table.
    Keys(rom::Keys),
}

impl Built {
    fn value(&self) -> Value {
        match self {
            Built::Value(v) => *v,
            Built::Code(c) => Value::rom(*c),
            _ => panic!("image model: an item that is no value used as one"),
        }
    }
    fn code(&self) -> &'static rom::Code {
        match self {
            Built::Code(c) => c,
            _ => panic!("image model: an item that is no code object used as one"),
        }
    }
    fn module(&self) -> &'static rom::CodeModule {
        match self {
            Built::Module(m) => m,
            _ => panic!("image model: an item that is no module record used as one"),
        }
    }
    fn keys(&self) -> rom::Keys {
        match self {
            Built::Keys(k) => *k,
            _ => panic!("image model: an item that is no key table used as one"),
        }
    }
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
