//! The image model: one description of a frozen image, decided here and serialised twice.
//!
//! [`ImageModel::build`] turns compiled modules into the list of ROM items an image is made
//! of, in the order they depend on each other (an item refers only to items before it), with
//! every layout decision taken: which strings are the VM's built-in qstrs and which the
//! image's own (sorted by text), which constant objects are shared (equal constants are one
//! object across the image), which `def`s and class namespaces are frozen whole (the
//! compiler's [`Const::Function`] and [`Const::Namespace`]), each module's key table (the
//! names its body binds, [`module_keys`], with the index size of `frostbyte_format::dict`).
//!
//! Two serialisers follow it item by item and decide nothing themselves:
//! - [`crate::freeze`] writes each item as a typed Rust `static` (build.rs, `include_python!`,
//!   `frostbyte freeze`, the VM's own Python modules);
//! - `frostbyte-host-load` writes each item into host memory in the same layout
//!   (`frostbyte run`, the host compiler hook, the fuzzers).
//!
//! So `frostbyte run` executes the image firmware would: same module key tables (split
//! globals), same shared built-in names, same frozen functions and class namespaces, same
//! sharing of constants. `frostbyte_vm::__private::dump_image` prints a loaded or linked
//! image as text, and `tests/tests/image_model.rs` checks that both paths print the same for
//! every corpus program.

use crate::{CodeUnit, CompiledModule, Const, Decorator, IntRepr};
use frostbyte_format::module::DUNDERS;
use std::collections::{BTreeMap, HashMap};

/// A qstr of the image.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum QstrRef {
    /// One of the VM's built-in qstrs: position in `frostbyte_format::qstr::BUILTIN_QSTRS`.
    Builtin(u16),
    /// One of the image's own: position in [`ImageModel::qstrs`].
    Own(u32),
}

/// Position of an item in [`ImageModel::items`].
pub type ItemId = usize;

/// A value word of the image.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Val {
    /// The empty word (no defaults).
    Null,
    /// `None`.
    None,
    /// `True`.
    True,
    /// `False`.
    False,
    /// `...`.
    Ellipsis,
    /// A small int (the 31-bit range, immediate on every target).
    Small(i32),
    /// A qstr.
    Qstr(QstrRef),
    /// An object item (constant, code object, frozen function, descriptor, namespace).
    Item(ItemId),
}

/// A code object (`rom::Code`) with its value array and blob.
#[derive(Clone, Debug, PartialEq)]
pub struct CodeItem {
    /// The module (position in [`ImageModel::modules`]) whose `CodeModule` it points at.
    pub module: usize,
    /// Its number within the module, in the order the builder met code objects (module body
    /// first): serialisers name items by it.
    pub ordinal: usize,
    /// Qualified name.
    pub name: QstrRef,
    /// Constants then local names.
    pub values: Vec<Val>,
    /// How many of `values` are constants.
    pub n_consts: u16,
    /// `frostbyte_format::codeblob` bytes.
    pub blob: Vec<u8>,
    /// Bytecode length (the start of the blob).
    pub bc_len: u16,
    /// `frostbyte_format::CodeFlags` bits.
    pub flags: u16,
    /// Positional parameters.
    pub n_posargs: u16,
    /// Local slots.
    pub n_locals: u16,
    /// Value-stack depth.
    pub stack_size: u16,
}

/// One item of the image (see the VM's `rom.rs` for each layout).
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// A module's `rom::CodeModule` (file and name table); `module` is its position.
    CodeModule {
        /// Position in [`ImageModel::modules`].
        module: usize,
        /// Source file.
        file: QstrRef,
        /// Name table.
        names: Vec<QstrRef>,
    },
    /// `rom::Int` (a value outside the 31-bit range).
    Int {
        /// Sign.
        negative: bool,
        /// Magnitude, base 2^32, least significant first.
        digits: Vec<u32>,
    },
    /// `rom::Float`, by its bits.
    Float(u64),
    /// `rom::Complex`, by the bits of both parts.
    Complex(u64, u64),
    /// `rom::Bytes`.
    Bytes(Vec<u8>),
    /// `rom::Tuple`.
    Tuple(Vec<Val>),
    /// `rom::Code`.
    Code(CodeItem),
    /// `rom::Function` over a code item, with positional defaults (a tuple) or `Val::Null`.
    Function {
        /// The code item.
        code: ItemId,
        /// Defaults.
        defaults: Val,
    },
    /// `rom::Property` / `rom::Descriptor` over a frozen function.
    Descriptor {
        /// Which decorator.
        kind: Decorator,
        /// The function item.
        func: ItemId,
    },
    /// A frozen class namespace: `rom::Dict` over a `rom::DictTable` (str keys, no index);
    /// `ordinal` numbers the namespaces of the image.
    Namespace {
        /// Position among the image's namespaces.
        ordinal: usize,
        /// Entries in insertion order.
        entries: Vec<(QstrRef, Val)>,
    },
    /// A module's `rom::KeyTable`: the names its body binds, in first-binding order.
    KeyTable {
        /// Position in [`ImageModel::modules`].
        module: usize,
        /// The keys.
        keys: Vec<QstrRef>,
        /// Index slots (`frostbyte_format::dict::nidx_for(keys.len())`, one byte each).
        nidx: usize,
    },
}

/// One module of the image (`rom::FrozenModule`).
#[derive(Clone, Debug, PartialEq)]
pub struct ModuleEntry {
    /// Dotted name.
    pub name: QstrRef,
    /// A package (`__init__.py`).
    pub is_package: bool,
    /// Its `CodeModule` item.
    pub code_module: ItemId,
    /// Its body's code item.
    pub code: ItemId,
    /// Its key table item, if it has one (at most `frostbyte_format::dict::KEY_TABLE_MAX`
    /// names).
    pub keys: Option<ItemId>,
}

/// A whole image: its own qstrs, its items in dependency order, its modules sorted by name.
#[derive(Clone, Debug, PartialEq)]
pub struct ImageModel {
    /// `frostbyte_format::VERSION`.
    pub version: u32,
    /// The image's own qstr texts (not the VM's built-in ones), sorted.
    pub qstrs: Vec<String>,
    /// Every item; an item refers only to earlier ones.
    pub items: Vec<Item>,
    /// The modules, sorted by name.
    pub modules: Vec<ModuleEntry>,
}

/// The names a module body binds, in the order it first binds them: the dunders the VM sets
/// before running the body (`frostbyte_format::module::DUNDERS`: `__name__`, `__package__`,
/// `__file__`, `__path__` for a package, `__doc__`), then the targets of the body's own
/// `StoreName`/`StoreGlobal` instructions in bytecode order, and in a package the submodules
/// its body imports (`from .sub import x`, `import pkg.sub`: the import binds `sub` in the
/// package before the body goes on). These become the keys of the module's globals dict; a
/// name bound another way, or in another order, still works (the VM then converts the dict
/// to an ordinary one).
pub fn module_keys(m: &CompiledModule) -> Vec<&str> {
    let mut keys: Vec<&str> = DUNDERS.iter().filter(|d| d.bound_in(m.is_package)).map(|d| d.text()).collect();
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

impl ImageModel {
    /// The image of `modules` (in any order: the image sorts them by name).
    pub fn build(modules: &[CompiledModule]) -> ImageModel {
        let mut sorted: Vec<&CompiledModule> = modules.iter().collect();
        sorted.sort_by(|a, b| a.name.cmp(&b.name));
        let mut b = Builder::new(&sorted);
        let mut entries = Vec::with_capacity(sorted.len());
        for (mi, m) in sorted.iter().enumerate() {
            let names = m.names.iter().map(|n| b.qstr(n)).collect();
            let file = b.qstr(&m.file);
            let code_module = b.push(Item::CodeModule { module: mi, file, names });
            let mut ordinal = 0;
            let code = b.code(&m.code, mi, &mut ordinal);
            let keys = module_keys(m);
            let keys = (keys.len() <= frostbyte_format::dict::KEY_TABLE_MAX).then(|| {
                let nidx = frostbyte_format::dict::nidx_for(keys.len());
                let keys = keys.iter().map(|k| b.qstr(k)).collect();
                b.push(Item::KeyTable { module: mi, keys, nidx })
            });
            entries.push(ModuleEntry { name: b.qstr(&m.name), is_package: m.is_package, code_module, code, keys });
        }
        ImageModel { version: frostbyte_format::VERSION, qstrs: b.own, items: b.items, modules: entries }
    }

    /// The text of a qstr of the image.
    pub fn text(&self, q: QstrRef) -> &str {
        match q {
            QstrRef::Builtin(i) => frostbyte_format::qstr::BUILTIN_QSTRS[i as usize].1,
            QstrRef::Own(i) => &self.qstrs[i as usize],
        }
    }
}

/// Key for sharing equal constant objects.
#[derive(PartialEq, Eq, Hash)]
enum ConstKey {
    Int(bool, Vec<u32>),
    Float(u64),
    Complex(u64, u64),
    Bytes(Vec<u8>),
    Tuple(Vec<Val>),
}

struct Builder {
    builtin: HashMap<&'static str, u16>,
    own_index: HashMap<String, u32>,
    own: Vec<String>,
    items: Vec<Item>,
    shared: HashMap<ConstKey, ItemId>,
    namespaces: usize,
}

impl Builder {
    /// A builder whose own qstrs are every string of `modules` that is not built in, sorted.
    fn new(modules: &[&CompiledModule]) -> Builder {
        let builtin: HashMap<&'static str, u16> =
            frostbyte_format::qstr::BUILTIN_QSTRS.iter().enumerate().map(|(i, (_, t))| (*t, i as u16)).collect();
        let mut texts = BTreeMap::new();
        let mut note = |s: &str| {
            if !builtin.contains_key(s) {
                texts.entry(s.to_string()).or_insert(());
            }
        };
        for m in modules {
            note(&m.name);
            note(&m.file);
            m.names.iter().for_each(|n| note(n));
            module_keys(m).into_iter().for_each(&mut note);
            strings_of_code(&m.code, &mut note);
        }
        let own: Vec<String> = texts.into_keys().collect();
        let own_index = own.iter().enumerate().map(|(i, t)| (t.clone(), i as u32)).collect();
        Builder { builtin, own_index, own, items: Vec::new(), shared: HashMap::new(), namespaces: 0 }
    }

    fn qstr(&self, s: &str) -> QstrRef {
        match self.builtin.get(s) {
            Some(&i) => QstrRef::Builtin(i),
            None => QstrRef::Own(*self.own_index.get(s).expect("string collected in the first pass")),
        }
    }

    fn push(&mut self, item: Item) -> ItemId {
        self.items.push(item);
        self.items.len() - 1
    }

    /// A constant object, shared with an equal one made before.
    fn shared(&mut self, key: ConstKey) -> ItemId {
        if let Some(&id) = self.shared.get(&key) {
            return id;
        }
        let item = match &key {
            ConstKey::Int(negative, digits) => Item::Int { negative: *negative, digits: digits.clone() },
            ConstKey::Float(bits) => Item::Float(*bits),
            ConstKey::Complex(r, i) => Item::Complex(*r, *i),
            ConstKey::Bytes(b) => Item::Bytes(b.clone()),
            ConstKey::Tuple(v) => Item::Tuple(v.clone()),
        };
        let id = self.push(item);
        self.shared.insert(key, id);
        id
    }

    fn constant(&mut self, k: &Const, mi: usize, ordinal: &mut usize) -> Val {
        match k {
            Const::None => Val::None,
            Const::True => Val::True,
            Const::False => Val::False,
            Const::Ellipsis => Val::Ellipsis,
            Const::Int(i) => match IntRepr::of_i64(*i) {
                IntRepr::Small(i) => Val::Small(i),
                IntRepr::Big { negative, digits } => Val::Item(self.shared(ConstKey::Int(negative, digits))),
            },
            Const::BigInt { negative, digits } => Val::Item(self.shared(ConstKey::Int(*negative, digits.clone()))),
            Const::Float(f) => Val::Item(self.shared(ConstKey::Float(f.to_bits()))),
            Const::Complex(r, i) => Val::Item(self.shared(ConstKey::Complex(r.to_bits(), i.to_bits()))),
            Const::Str(s) => Val::Qstr(self.qstr(s)),
            Const::Bytes(b) => Val::Item(self.shared(ConstKey::Bytes(b.clone()))),
            Const::Tuple(items) => {
                let vals = items.iter().map(|i| self.constant(i, mi, ordinal)).collect();
                Val::Item(self.shared(ConstKey::Tuple(vals)))
            }
            Const::Code(c) => Val::Item(self.code(c, mi, ordinal)),
            Const::Function { code, defaults } => {
                let code = self.code(code, mi, ordinal);
                let defaults = defaults.as_ref().map_or(Val::Null, |d| self.constant(d, mi, ordinal));
                Val::Item(self.push(Item::Function { code, defaults }))
            }
            Const::Descriptor { kind, func } => match self.constant(func, mi, ordinal) {
                Val::Item(func) if matches!(self.items[func], Item::Function { .. }) => {
                    Val::Item(self.push(Item::Descriptor { kind: *kind, func }))
                }
                other => panic!("frozen descriptor over {other:?}, not a frozen function"),
            },
            Const::Namespace(entries) => {
                assert!(entries.len() <= frostbyte_format::dict::LINEAR_MAX, "frozen class namespace too large");
                let entries = entries.iter().map(|(k, v)| (self.qstr(k), self.constant(v, mi, ordinal))).collect();
                let ordinal = self.namespaces;
                self.namespaces += 1;
                Val::Item(self.push(Item::Namespace { ordinal, entries }))
            }
        }
    }

    /// A code object and everything it owns (pushed before it); `ordinal` numbers the code
    /// objects of module `mi` in the order met, the enclosing one first.
    fn code(&mut self, c: &CodeUnit, mi: usize, ordinal: &mut usize) -> ItemId {
        let own = *ordinal;
        *ordinal += 1;
        let mut values: Vec<Val> = c.consts.iter().map(|k| self.constant(k, mi, ordinal)).collect();
        values.extend(c.local_names.iter().map(|n| Val::Qstr(self.qstr(n))));
        let item = CodeItem {
            module: mi,
            ordinal: own,
            name: self.qstr(&c.name),
            values,
            n_consts: c.consts.len() as u16,
            blob: c.blob(),
            bc_len: c.bytecode.len() as u16,
            flags: c.flags,
            n_posargs: c.n_posargs,
            n_locals: c.n_locals,
            stack_size: c.stack_size,
        };
        self.push(Item::Code(item))
    }
}

fn strings_of_code(c: &CodeUnit, note: &mut impl FnMut(&str)) {
    note(&c.name);
    c.local_names.iter().for_each(|n| note(n));
    c.consts.iter().for_each(|k| strings_of_const(k, note));
}

fn strings_of_const(k: &Const, note: &mut impl FnMut(&str)) {
    match k {
        Const::Str(s) => note(s),
        Const::Tuple(items) => items.iter().for_each(|i| strings_of_const(i, note)),
        Const::Code(c) => strings_of_code(c, note),
        Const::Function { code, defaults } => {
            strings_of_code(code, note);
            if let Some(d) = defaults {
                strings_of_const(d, note);
            }
        }
        Const::Namespace(entries) => {
            for (k, v) in entries {
                note(k);
                strings_of_const(v, note);
            }
        }
        Const::Descriptor { func, .. } => strings_of_const(func, note),
        _ => {}
    }
}
