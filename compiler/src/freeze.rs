//! The one emitter: a compiled module tree becomes Rust source made of typed `static` items.
//!
//! It serialises the image model ([`crate::image::ImageModel`]), which decides the layout
//! (which qstrs are built in, which constants are shared, key tables, frozen functions and
//! namespaces); the host loader (`frostbyte-host-load`) serialises the same model into memory.
//!
//! The output is the *body* of a block: a list of items followed by a tail expression of type
//! `Image`. The build.rs helper wraps it as `pub static NAME: Image = { body };` and
//! `include_python!` as `{ static IMAGE: Image = { body }; &IMAGE }`, so both entry points share
//! this one function and nothing leaks into the user's namespace.
//!
//! What is emitted (all immutable, no interior mutability, so it links into `.rodata`):
//! - one `Qstr<N>` static per distinct string of the image (names, identifiers, str constants),
//!   with its hash precomputed, unless the string is a built-in qstr of the VM, which is
//!   referenced instead (`<path>::qstr::<ident>`);
//! - per code object: a blob (bytecode, cold counts, line table and exception table, see
//!   `frostbyte_format::codeblob`), one value array (constants, then local names) and the
//!   `Code` struct; per module: the shared name table and the `CodeModule` (file + names)
//!   that its code objects point at;
//! - constant objects (`Int`, `Float`, `Bytes`, `Tuple`), deduplicated across the image;
//! - a `const` assertion that the VM's format version equals the one emitted here.
//!
//! Symbols carry a kind prefix so footprint tools can attribute flash by name:
//! `FB_Q` qstrs, `FB_BC` code blobs (bytecode and tables), `FB_K` constant objects, `FB_KA`
//! value arrays (constants and local names), `FB_N` name tables, `FB_CODE` code structs, `FB_FN` frozen function objects,
//! `FB_NS` frozen class namespaces (dicts) over their tables `FB_NT`, `FB_NK` module key
//! tables (the names a module body binds, see [`module_keys`]),
//! `FB_CM` per-module code records, `FB_MOD` module list.
//!
//! Determinism: every collection is ordered (module order is sorted by name, qstrs sorted by
//! text, constants numbered in first-use order of a deterministic walk); no absolute paths are
//! written (file names are the caller-supplied relative paths).

use crate::image::{ImageModel, Item, QstrRef, Val};
use crate::{CompiledModule, Decorator};
use std::fmt::Write;

/// Emitter options.
#[derive(Clone, Debug)]
pub struct EmitOptions {
    /// Absolute path of the runtime crate in generated code (default `::frostbyte`). Generated
    /// code names only items of its hidden `__private` module (see [`EmitOptions::items_path`]).
    pub runtime_path: String,
    /// Flash budget of the frozen image in bytes: the generated code then fails to compile,
    /// for the target being built, when its items take more (`frostbyte size` on the linked
    /// ELF lists the largest). None: no budget.
    pub budget: Option<u64>,
}

impl EmitOptions {
    /// The path generated code names runtime items by: `<runtime_path>::__private`, the
    /// runtime's module for generated code (not part of its public API).
    pub fn items_path(&self) -> String {
        format!("{}::__private", self.runtime_path)
    }
}

impl Default for EmitOptions {
    fn default() -> Self {
        EmitOptions { runtime_path: "::frostbyte".to_string(), budget: None }
    }
}

/// Emit the block body (items + tail `Image` expression) for `modules`.
/// Modules are sorted by name in the output regardless of input order.
pub fn emit_image_body(modules: &[CompiledModule], opts: &EmitOptions) -> String {
    emit_model_body(&ImageModel::build(modules), opts)
}

/// Emit the block body for an image model: one `static` per item, in the model's order.
pub fn emit_model_body(model: &ImageModel, opts: &EmitOptions) -> String {
    let p = opts.items_path();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "const _: () = assert!({p}::FORMAT_VERSION == {v}, \"frostbyte: this image was generated for format version {v}; the linked frostbyte VM has a different version. Use matching frostbyte and frostbyte-build versions.\");",
        v = model.version
    );
    for (i, text) in model.qstrs.iter().enumerate() {
        let text_bytes = text.as_bytes();
        let head = frostbyte_format::qstr::head(text_bytes);
        // Long form: the length (u32, little-endian) precedes the text.
        let (prefix, n) = frostbyte_format::qstr::length_prefix(text_bytes.len());
        let mut bytes = prefix[..n].to_vec();
        bytes.extend_from_slice(text_bytes);
        let _ = writeln!(
            out,
            "static FB_Q{i}: {p}::rom::Qstr<{n}> = {p}::rom::Qstr::with_head({head:#010x}, *{lit});",
            n = bytes.len(),
            lit = byte_literal(&bytes),
        );
    }
    let mut e = Emitter { p: p.clone(), out, names: Vec::with_capacity(model.items.len()), next_obj: 0, model };
    for item in &model.items {
        let name = e.item(item);
        e.names.push(name);
    }
    let module_entries: Vec<String> = model
        .modules
        .iter()
        .map(|m| {
            let keys = match m.keys {
                Some(k) => format!("{p}::rom::Keys::of(&{})", e.names[k]),
                None => format!("{p}::rom::Keys::NONE"),
            };
            format!(
                "{p}::rom::FrozenModule {{ name: {name}, is_package: {pkg}, code: &{code}, keys: {keys} }}",
                name = e.qstr_value(m.name),
                pkg = m.is_package,
                code = e.names[m.code],
            )
        })
        .collect();
    let mut out = e.out;
    let _ = writeln!(
        out,
        "static FB_MOD: [{p}::rom::FrozenModule; {}] = [\n    {}\n];",
        module_entries.len(),
        module_entries.join(",\n    ")
    );
    if let Some(budget) = opts.budget {
        budget_check(&mut out, budget);
    }
    let _ = writeln!(out, "{p}::rom::Image {{ version: {v}, modules: &FB_MOD }}", v = model.version);
    out
}

/// Append a compile-time check that the statics emitted so far (every `static` line of
/// `out`) take at most `budget` bytes on the target: the sizes are the target's own
/// (`size_of_val` in a constant), so the check is exact for each board.
fn budget_check(out: &mut String, budget: u64) {
    let sizes: Vec<String> = out
        .lines()
        .filter_map(|l| l.strip_prefix("static "))
        .filter_map(|l| l.split(':').next())
        .map(|name| format!("::core::mem::size_of_val(&{name})"))
        .collect();
    let _ = writeln!(
        out,
        "const _: () = assert!(0 + {} <= {budget}, \"frostbyte: the frozen image is over its budget of {budget} bytes (`frostbyte size` on the linked ELF lists its largest items)\");",
        sizes.join(" + ")
    );
}

/// Emit a complete build.rs output file defining `pub static <static_name>: Image`.
pub fn emit_image_file(modules: &[CompiledModule], static_name: &str, opts: &EmitOptions) -> String {
    let body = emit_image_body(modules, opts);
    format!(
        "// @generated by frostbyte-compiler {}. Do not edit.\n#[allow(clippy::all, non_upper_case_globals)]\npub static {static_name}: {p}::Image = {{\n{body}}};\n",
        env!("CARGO_PKG_VERSION"),
        p = opts.runtime_path,
    )
}

/// Emit the expression `include_python!` expands to: a block evaluating to `&'static Image`.
/// `tracked_files` are absolute paths turned into `include_bytes!` items so cargo rebuilds
/// when they change.
pub fn emit_image_expr(modules: &[CompiledModule], tracked_files: &[String], opts: &EmitOptions) -> String {
    let body = emit_image_body(modules, opts);
    let mut tracks = String::new();
    for f in tracked_files {
        let _ = writeln!(tracks, "    const _: &[u8] = include_bytes!({f:?});");
    }
    format!(
        "{{\n{tracks}    #[allow(clippy::all, non_upper_case_globals)]\n    static FB_IMAGE: {p}::rom::Image = {{\n{body}}};\n    &FB_IMAGE\n}}",
        p = opts.items_path()
    )
}

pub use crate::image::module_keys;

/// Writes the items of a model as statics, naming each by kind (see the module doc).
struct Emitter<'m> {
    p: String,
    out: String,
    /// The static's name of each item written so far.
    names: Vec<String>,
    /// Shared constant objects written so far (`FB_K<n>`).
    next_obj: usize,
    model: &'m ImageModel,
}

impl Emitter<'_> {
    fn qstr_value(&self, q: QstrRef) -> String {
        let p = &self.p;
        match q {
            QstrRef::Builtin(i) => {
                format!("{p}::Value::qstr(&{p}::qstr::{})", frostbyte_format::qstr::BUILTIN_QSTRS[i as usize].0)
            }
            QstrRef::Own(i) => format!("{p}::Value::qstr(&FB_Q{i})"),
        }
    }

    fn value(&self, v: Val) -> String {
        let p = &self.p;
        match v {
            Val::Null => format!("{p}::Value::NULL"),
            Val::None => format!("{p}::Value::NONE"),
            Val::True => format!("{p}::Value::TRUE"),
            Val::False => format!("{p}::Value::FALSE"),
            Val::Ellipsis => format!("{p}::Value::ELLIPSIS"),
            Val::Small(i) => format!("{p}::Value::small_int({i})"),
            Val::Qstr(q) => self.qstr_value(q),
            Val::Item(id) => format!("{p}::Value::rom(&{})", self.names[id]),
        }
    }

    fn values(&self, vals: &[Val]) -> Vec<String> {
        vals.iter().map(|v| self.value(*v)).collect()
    }

    /// A shared constant object `FB_K<n>`.
    fn object(&mut self, ty: String, init: String) -> String {
        let name = format!("FB_K{}", self.next_obj);
        self.next_obj += 1;
        let _ = writeln!(self.out, "static {name}: {ty} = {init};");
        name
    }

    fn value_array(&mut self, name: &str, values: Vec<String>) -> String {
        if values.is_empty() {
            return "&[]".to_string();
        }
        let _ = writeln!(
            self.out,
            "static {name}: [{p}::Value; {n}] = [{v}];",
            p = self.p,
            n = values.len(),
            v = values.join(", ")
        );
        format!("&{name}")
    }

    /// Write one item; returns its static's name.
    fn item(&mut self, item: &Item) -> String {
        let p = self.p.clone();
        match item {
            Item::CodeModule { module, file, names } => {
                let names = names.iter().map(|n| self.qstr_value(*n)).collect();
                let names = self.value_array(&format!("FB_N{module}"), names);
                let name = format!("FB_CM{module}");
                let _ = writeln!(
                    self.out,
                    "static {name}: {p}::rom::CodeModule = {p}::rom::CodeModule {{ file: {file}, names: {names}, index: {module} }};",
                    file = self.qstr_value(*file),
                );
                name
            }
            Item::Int { negative, digits } => {
                let ds: Vec<String> = digits.iter().map(|d| format!("{d:#x}")).collect();
                self.object(
                    format!("{p}::rom::Int<{}>", digits.len()),
                    format!("{p}::rom::Int::new({negative}, [{}])", ds.join(", ")),
                )
            }
            Item::Float(bits) => {
                self.object(format!("{p}::rom::Float"), format!("{p}::rom::Float::new(f64::from_bits({bits:#018x}))"))
            }
            Item::Complex(r, i) => self.object(
                format!("{p}::rom::Complex"),
                format!("{p}::rom::Complex::new(f64::from_bits({r:#018x}), f64::from_bits({i:#018x}))"),
            ),
            Item::Bytes(b) => self
                .object(format!("{p}::rom::Bytes<{}>", b.len()), format!("{p}::rom::Bytes::new(*{})", byte_literal(b))),
            Item::Tuple(items) => {
                let vals = self.values(items);
                self.object(
                    format!("{p}::rom::Tuple<{}>", vals.len()),
                    format!("{p}::rom::Tuple::new([{}])", vals.join(", ")),
                )
            }
            Item::Code(c) => {
                let id = format!("{}_{}", c.module, c.ordinal);
                let values = self.values(&c.values);
                let values = self.value_array(&format!("FB_KA{id}"), values);
                let _ = writeln!(
                    self.out,
                    "static FB_BC{id}: [u8; {n}] = *{lit};",
                    n = c.blob.len(),
                    lit = byte_literal(&c.blob)
                );
                let name = format!("FB_CODE{id}");
                let _ = writeln!(
                    self.out,
                    "static {name}: {p}::rom::Code = {p}::rom::Code::new({qn}, &FB_CM{m}, {values}, {nk}, &FB_BC{id}, {bcl}, {flags}, {npa}, {nl}, {ss});",
                    qn = self.qstr_value(c.name),
                    m = c.module,
                    nk = c.n_consts,
                    bcl = c.bc_len,
                    flags = c.flags,
                    npa = c.n_posargs,
                    nl = c.n_locals,
                    ss = c.stack_size,
                );
                name
            }
            Item::Function { code, defaults } => {
                let name = self.names[*code].replacen("FB_CODE", "FB_FN", 1);
                let _ = writeln!(
                    self.out,
                    "static {name}: {p}::rom::Function = {p}::rom::Function::new(&{code}, {defaults});",
                    code = self.names[*code],
                    defaults = self.value(*defaults),
                );
                name
            }
            Item::Descriptor { kind, func } => {
                // Named after the function (`FB_FN..._d`), so size reports count it with it.
                let name = format!("{}_d", self.names[*func]);
                let f = self.value(Val::Item(*func));
                let (ty, init) = match kind {
                    Decorator::Property => ("Property", format!("{p}::rom::Property::new({f})")),
                    Decorator::ClassMethod => ("Descriptor", format!("{p}::rom::Descriptor::classmethod({f})")),
                    Decorator::StaticMethod => ("Descriptor", format!("{p}::rom::Descriptor::staticmethod({f})")),
                };
                let _ = writeln!(self.out, "static {name}: {p}::rom::{ty} = {init};");
                name
            }
            Item::Namespace { ordinal: n, entries } => {
                let words: Vec<String> =
                    entries.iter().flat_map(|(k, v)| [self.qstr_value(*k), self.value(*v)]).collect();
                let _ = writeln!(
                    self.out,
                    "static FB_NT{n}: {p}::rom::DictTable<{w}> = {p}::rom::DictTable::new([{v}]);",
                    w = words.len(),
                    v = words.join(", ")
                );
                let _ = writeln!(self.out, "static FB_NS{n}: {p}::rom::Dict = {p}::rom::Dict::new(&FB_NT{n});");
                format!("FB_NS{n}")
            }
            Item::KeyTable { module, keys, nidx } => {
                let values: Vec<String> = keys.iter().map(|k| self.qstr_value(*k)).collect();
                let hashes: Vec<String> = keys
                    .iter()
                    .map(|k| format!("{:#08x}", frostbyte_format::qstr::qstr_hash(self.model.text(*k).as_bytes())))
                    .collect();
                let name = format!("FB_NK{module}");
                let _ = writeln!(
                    self.out,
                    "static {name}: {p}::rom::KeyTable<{n}, {nidx}> = {p}::rom::KeyTable::new([{}], [{}]);",
                    values.join(", "),
                    hashes.join(", "),
                    n = keys.len(),
                );
                name
            }
        }
    }
}

/// A Rust byte-string literal (`b"..."`) for arbitrary bytes.
fn byte_literal(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len() + 3);
    s.push_str("b\"");
    for &b in bytes {
        match b {
            b'"' => s.push_str("\\\""),
            b'\\' => s.push_str("\\\\"),
            0x20..=0x7e => s.push(b as char),
            _ => {
                let _ = write!(s, "\\x{b:02x}");
            }
        }
    }
    s.push('"');
    s
}

#[cfg(test)]
mod tests {
    use super::byte_literal;

    #[test]
    fn literal_escapes() {
        assert_eq!(byte_literal(b"a\"\\\n\xff"), "b\"a\\\"\\\\\\x0a\\xff\"");
    }
}
