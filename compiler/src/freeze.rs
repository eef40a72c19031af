//! The one emitter: a compiled module tree becomes Rust source made of typed `static` items.
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

use crate::{CodeUnit, CompiledModule, Const, IntRepr};
use std::collections::BTreeMap;
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
    let mut sorted: Vec<&CompiledModule> = modules.iter().collect();
    sorted.sort_by(|a, b| a.name.cmp(&b.name));
    let mut e = Emitter::new(opts);
    // First pass: collect every string so the qstr table is complete and sorted.
    for m in &sorted {
        e.collect_strings_module(m);
    }
    e.emit_qstrs();
    let mut module_entries = Vec::new();
    for (mi, m) in sorted.iter().enumerate() {
        let names = e.value_array(&format!("FB_N{mi}"), m.names.iter().map(|n| e.qstr_value(n)).collect());
        let module = format!("FB_CM{mi}");
        let _ = writeln!(
            e.out,
            "static {module}: {p}::rom::CodeModule = {p}::rom::CodeModule {{ file: {file}, names: {names}, index: {mi} }};",
            p = e.p,
            file = e.qstr_value(&m.file),
            names = Emitter::slice_ref(&names),
        );
        let mut counter = 0usize;
        let code = e.emit_code(&m.code, &format!("{mi}"), &mut counter, &module);
        let keys = e.key_table(mi, &module_keys(m));
        module_entries.push(format!(
            "{p}::rom::FrozenModule {{ name: {name}, is_package: {pkg}, code: &{code}, keys: {keys} }}",
            p = e.p,
            name = e.qstr_value(&m.name),
            pkg = m.is_package,
        ));
    }
    let p = e.p.clone();
    let _ = writeln!(
        e.out,
        "static FB_MOD: [{p}::rom::FrozenModule; {}] = [\n    {}\n];",
        module_entries.len(),
        module_entries.join(",\n    ")
    );
    if let Some(budget) = opts.budget {
        budget_check(&mut e.out, budget);
    }
    let _ = writeln!(e.out, "{p}::rom::Image {{ version: {v}, modules: &FB_MOD }}", v = frostbyte_format::VERSION);
    e.finish()
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

/// Most names a module key table holds (its index has one-byte entries).
const MODULE_KEYS_MAX: usize = 170;

/// The names a module body binds, in the order it first binds them: the dunders the VM sets
/// before running the body (`__name__`, `__package__`, `__file__`, `__path__` for a package,
/// `__doc__`: the order of `frostbyte_vm::import`), then the targets of the body's own
/// `StoreName`/`StoreGlobal` instructions in bytecode order, and in a package the submodules
/// its body imports (`from .sub import x`, `import pkg.sub`: the import binds `sub` in the
/// package before the body goes on). These become the keys of the module's globals dict; a
/// name bound another way, or in another order, still works (the VM then converts the dict
/// to an ordinary one).
pub fn module_keys(m: &CompiledModule) -> Vec<&str> {
    let mut keys: Vec<&str> = vec!["__name__", "__package__", "__file__"];
    if m.is_package {
        keys.push("__path__");
    }
    keys.push("__doc__");
    let bc = &m.code.bytecode;
    let mut pos = 0;
    while let Some(ins) = frostbyte_format::op::decode(bc, pos) {
        let name = m.names.get(ins.args[0] as usize).map(String::as_str);
        let bound = match ins.op {
            frostbyte_format::Op::StoreName | frostbyte_format::Op::StoreGlobal => name,
            frostbyte_format::Op::ImportName if m.is_package => {
                let own = name.and_then(|n| match ins.args[1] {
                    1 => Some(n),
                    0 => n.strip_prefix(m.name.as_str()).and_then(|r| r.strip_prefix('.')),
                    _ => None,
                });
                own.and_then(|n| n.split('.').next()).filter(|s| !s.is_empty())
            }
            _ => None,
        };
        if let Some(n) = bound {
            if !keys.contains(&n) {
                keys.push(n);
            }
        }
        pos = ins.next;
    }
    keys
}

struct Emitter<'o> {
    p: String,
    out: String,
    /// text -> static name (non-builtin qstrs only)
    qstrs: BTreeMap<String, String>,
    builtin: BTreeMap<&'static str, &'static str>,
    /// initializer text -> static name, for constant-object dedup
    objects: BTreeMap<String, String>,
    next_obj: usize,
    /// Frozen class namespaces emitted so far (`FB_NS<n>` over table `FB_NT<n>`).
    next_ns: usize,
    _opts: &'o EmitOptions,
}

impl<'o> Emitter<'o> {
    fn new(opts: &'o EmitOptions) -> Self {
        let builtin = frostbyte_format::qstr::BUILTIN_QSTRS.iter().map(|(id, text)| (*text, *id)).collect();
        let mut out = String::new();
        let _ = writeln!(
            out,
            "const _: () = assert!({p}::FORMAT_VERSION == {v}, \"frostbyte: this image was generated for format version {v}; the linked frostbyte VM has a different version. Use matching frostbyte and frostbyte-build versions.\");",
            p = opts.items_path(),
            v = frostbyte_format::VERSION
        );
        Emitter {
            p: opts.items_path(),
            out,
            qstrs: BTreeMap::new(),
            builtin,
            objects: BTreeMap::new(),
            next_obj: 0,
            next_ns: 0,
            _opts: opts,
        }
    }

    fn finish(self) -> String {
        self.out
    }

    fn note_string(&mut self, s: &str) {
        if !self.builtin.contains_key(s) && !self.qstrs.contains_key(s) {
            self.qstrs.insert(s.to_string(), String::new());
        }
    }

    fn collect_strings_module(&mut self, m: &CompiledModule) {
        self.note_string(&m.name);
        self.note_string(&m.file);
        for n in &m.names {
            self.note_string(n);
        }
        for k in module_keys(m) {
            self.note_string(k);
        }
        self.collect_strings_code(&m.code);
    }

    /// Emit module `mi`'s key table `FB_NK<mi>` over `keys`; returns the `Keys` expression
    /// for its `FrozenModule` (`Keys::NONE` past [`MODULE_KEYS_MAX`] names).
    fn key_table(&mut self, mi: usize, keys: &[&str]) -> String {
        let p = self.p.clone();
        if keys.len() > MODULE_KEYS_MAX {
            return format!("{p}::rom::Keys::NONE");
        }
        let n = keys.len();
        // The dict's index size (`frostbyte_vm::obj::dict::nidx_for`; the VM asserts it).
        let nidx = if n <= 8 { 0 } else { (n + n.div_ceil(2)).next_power_of_two() };
        let values: Vec<String> = keys.iter().map(|k| self.qstr_value(k)).collect();
        let hashes: Vec<String> =
            keys.iter().map(|k| format!("{:#08x}", frostbyte_format::qstr::qstr_hash(k.as_bytes()))).collect();
        let _ = writeln!(
            self.out,
            "static FB_NK{mi}: {p}::rom::KeyTable<{n}, {nidx}> = {p}::rom::KeyTable::new([{}], [{}]);",
            values.join(", "),
            hashes.join(", ")
        );
        format!("{p}::rom::Keys::of(&FB_NK{mi})")
    }

    fn collect_strings_code(&mut self, c: &CodeUnit) {
        self.note_string(&c.name);
        for n in &c.local_names {
            self.note_string(n);
        }
        for k in &c.consts {
            self.collect_strings_const(k);
        }
    }

    fn collect_strings_const(&mut self, k: &Const) {
        match k {
            Const::Str(s) => self.note_string(s),
            Const::Tuple(items) => items.iter().for_each(|i| self.collect_strings_const(i)),
            Const::Code(c) => self.collect_strings_code(c),
            Const::Function { code, defaults } => {
                self.collect_strings_code(code);
                if let Some(d) = defaults {
                    self.collect_strings_const(d);
                }
            }
            Const::Namespace(entries) => {
                for (k, v) in entries {
                    self.note_string(k);
                    self.collect_strings_const(v);
                }
            }
            Const::Descriptor { func, .. } => self.collect_strings_const(func),
            _ => {}
        }
    }

    fn emit_qstrs(&mut self) {
        let texts: Vec<String> = self.qstrs.keys().cloned().collect();
        for (i, text) in texts.iter().enumerate() {
            let name = format!("FB_Q{i}");
            let text_bytes = text.as_bytes();
            let head = frostbyte_format::qstr::head(text_bytes);
            // Long form: the length (u32, little-endian) precedes the text.
            let mut bytes = Vec::new();
            if head & 0x7f == frostbyte_format::qstr::LONG {
                bytes.extend_from_slice(&(text_bytes.len() as u32).to_le_bytes());
            }
            bytes.extend_from_slice(text_bytes);
            let _ = writeln!(
                self.out,
                "static {name}: {p}::rom::Qstr<{n}> = {p}::rom::Qstr::with_head({head:#010x}, *{lit});",
                p = self.p,
                n = bytes.len(),
                lit = byte_literal(&bytes),
            );
            self.qstrs.insert(text.clone(), name);
        }
    }

    fn qstr_value(&self, s: &str) -> String {
        if let Some(id) = self.builtin.get(s) {
            format!("{p}::Value::qstr(&{p}::qstr::{id})", p = self.p)
        } else {
            let name = self.qstrs.get(s).expect("string collected in the first pass");
            format!("{p}::Value::qstr(&{name})", p = self.p)
        }
    }

    /// Emit (or reuse) a static object with the given type and initializer; returns its name.
    fn object(&mut self, ty: String, init: String) -> String {
        let key = format!("{ty}={init}");
        if let Some(name) = self.objects.get(&key) {
            return name.clone();
        }
        let name = format!("FB_K{}", self.next_obj);
        self.next_obj += 1;
        let _ = writeln!(self.out, "static {name}: {ty} = {init};");
        self.objects.insert(key, name.clone());
        name
    }

    fn value_array(&mut self, name: &str, values: Vec<String>) -> String {
        if values.is_empty() {
            return String::new();
        }
        let _ = writeln!(
            self.out,
            "static {name}: [{p}::Value; {n}] = [{v}];",
            p = self.p,
            n = values.len(),
            v = values.join(", ")
        );
        name.to_string()
    }

    fn byte_array(&mut self, name: &str, bytes: &[u8]) -> String {
        if bytes.is_empty() {
            return String::new();
        }
        let _ = writeln!(self.out, "static {name}: [u8; {n}] = *{lit};", n = bytes.len(), lit = byte_literal(bytes));
        name.to_string()
    }

    fn slice_ref(name: &str) -> String {
        if name.is_empty() {
            "&[]".to_string()
        } else {
            format!("&{name}")
        }
    }

    fn const_value(&mut self, k: &Const, tag: &str, counter: &mut usize, module: &str) -> String {
        let p = self.p.clone();
        match k {
            Const::None => format!("{p}::Value::NONE"),
            Const::True => format!("{p}::Value::TRUE"),
            Const::False => format!("{p}::Value::FALSE"),
            Const::Ellipsis => format!("{p}::Value::ELLIPSIS"),
            Const::Int(i) => match IntRepr::of_i64(*i) {
                IntRepr::Small(i) => format!("{p}::Value::small_int({i})"),
                IntRepr::Big { negative, digits } => self.int_object(negative, &digits),
            },
            Const::BigInt { negative, digits } => self.int_object(*negative, digits),
            Const::Float(f) => {
                let name = self.object(
                    format!("{p}::rom::Float"),
                    format!("{p}::rom::Float::new(f64::from_bits({:#018x}))", f.to_bits()),
                );
                format!("{p}::Value::rom(&{name})")
            }
            Const::Complex(r, i) => {
                let name = self.object(
                    format!("{p}::rom::Complex"),
                    format!(
                        "{p}::rom::Complex::new(f64::from_bits({:#018x}), f64::from_bits({:#018x}))",
                        r.to_bits(),
                        i.to_bits()
                    ),
                );
                format!("{p}::Value::rom(&{name})")
            }
            Const::Str(s) => self.qstr_value(s),
            Const::Bytes(b) => {
                let name = self.object(
                    format!("{p}::rom::Bytes<{}>", b.len()),
                    format!("{p}::rom::Bytes::new(*{})", byte_literal(b)),
                );
                format!("{p}::Value::rom(&{name})")
            }
            Const::Tuple(items) => {
                let vals: Vec<String> = items.iter().map(|i| self.const_value(i, tag, counter, module)).collect();
                let name = self.object(
                    format!("{p}::rom::Tuple<{}>", vals.len()),
                    format!("{p}::rom::Tuple::new([{}])", vals.join(", ")),
                );
                format!("{p}::Value::rom(&{name})")
            }
            Const::Code(c) => {
                let name = self.emit_code(c, tag, counter, module);
                format!("{p}::Value::rom(&{name})")
            }
            Const::Function { code, defaults } => {
                let code = self.emit_code(code, tag, counter, module);
                let defaults = match defaults {
                    Some(d) => self.const_value(d, tag, counter, module),
                    None => format!("{p}::Value::NULL"),
                };
                let name = code.replacen("FB_CODE", "FB_FN", 1);
                let _ = writeln!(
                    self.out,
                    "static {name}: {p}::rom::Function = {p}::rom::Function::new(&{code}, {defaults});"
                );
                format!("{p}::Value::rom(&{name})")
            }
            Const::Descriptor { kind, func } => {
                let f = self.const_value(func, tag, counter, module);
                // Named after the function (`FB_FN..._d`), so size reports count it with it.
                let name = format!("{}_d", f.trim_start_matches(&format!("{p}::Value::rom(&")).trim_end_matches(')'));
                let init = match kind {
                    crate::code::Decorator::Property => format!("{p}::rom::Property::new({f})"),
                    crate::code::Decorator::ClassMethod => format!("{p}::rom::Descriptor::classmethod({f})"),
                    crate::code::Decorator::StaticMethod => format!("{p}::rom::Descriptor::staticmethod({f})"),
                };
                let ty = if *kind == crate::code::Decorator::Property { "Property" } else { "Descriptor" };
                let _ = writeln!(self.out, "static {name}: {p}::rom::{ty} = {init};");
                format!("{p}::Value::rom(&{name})")
            }
            Const::Namespace(entries) => {
                let mut words = Vec::with_capacity(2 * entries.len());
                for (k, v) in entries {
                    words.push(self.qstr_value(k));
                    words.push(self.const_value(v, tag, counter, module));
                }
                let n = self.next_ns;
                self.next_ns += 1;
                let _ = writeln!(
                    self.out,
                    "static FB_NT{n}: {p}::rom::DictTable<{w}> = {p}::rom::DictTable::new([{v}]);",
                    w = words.len(),
                    v = words.join(", ")
                );
                let _ = writeln!(self.out, "static FB_NS{n}: {p}::rom::Dict = {p}::rom::Dict::new(&FB_NT{n});");
                format!("{p}::Value::rom(&FB_NS{n})")
            }
        }
    }

    fn int_object(&mut self, negative: bool, digits: &[u32]) -> String {
        let p = self.p.clone();
        let ds: Vec<String> = digits.iter().map(|d| format!("{d:#x}")).collect();
        let name = self.object(
            format!("{p}::rom::Int<{}>", digits.len()),
            format!("{p}::rom::Int::new({negative}, [{}])", ds.join(", ")),
        );
        format!("{p}::Value::rom(&{name})")
    }

    /// Emit a code object and everything it owns; returns the static's name.
    fn emit_code(&mut self, c: &CodeUnit, module_tag: &str, counter: &mut usize, module: &str) -> String {
        let id = format!("{module_tag}_{}", *counter);
        *counter += 1;
        let mut values: Vec<String> =
            c.consts.iter().map(|k| self.const_value(k, module_tag, counter, module)).collect();
        values.extend(c.local_names.iter().map(|n| self.qstr_value(n)));
        let values = self.value_array(&format!("FB_KA{id}"), values);
        let blob = c.blob();
        let blob = self.byte_array(&format!("FB_BC{id}"), &blob);
        let name = format!("FB_CODE{id}");
        let _ = writeln!(
            self.out,
            "static {name}: {p}::rom::Code = {p}::rom::Code::new({qn}, &{module}, {values}, {nk}, &{blob}, {bcl}, {flags}, {npa}, {nl}, {ss});",
            p = self.p,
            qn = self.qstr_value(&c.name),
            values = Self::slice_ref(&values),
            nk = c.consts.len(),
            bcl = c.bytecode.len(),
            flags = c.flags,
            npa = c.n_posargs,
            nl = c.n_locals,
            ss = c.stack_size,
        );
        name
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
