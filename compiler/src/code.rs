//! The compiler's output: host-side mirrors of `frostbyte_vm::rom::Code` and its constants.
//!
//! These are plain owned data; the freeze emitter turns them into typed `static` items and the
//! disassembler ([`crate::dis`]) prints them.

use std::collections::HashMap;

/// One compiled module.
#[derive(Debug, Clone, PartialEq)]
pub struct CompiledModule {
    /// Dotted module name, e.g. `sensor.filters`.
    pub name: String,
    /// Source path as shown in messages and tracebacks.
    pub file: String,
    /// True for a package (`__init__.py`).
    pub is_package: bool,
    /// The module-wide name table (`names[n]` operands), shared by every code object.
    pub names: Vec<String>,
    /// The module body.
    pub code: CodeUnit,
}

/// One code object: a module body, class body, function, lambda or comprehension.
/// Field meanings are those of `frostbyte_vm::rom::Code`.
#[derive(Debug, Clone, PartialEq)]
pub struct CodeUnit {
    /// The qualified name: `<module>`, `f`, `C.m`, `f.<locals>.g`, `<lambda>`,
    /// `f.<locals>.<listcomp>`, `C` for a class body (see `frostbyte_vm::rom::Code::name`).
    pub name: String,
    /// `frostbyte_format::CodeFlags` bits.
    pub flags: u16,
    /// Positional parameters, including positional-only ones.
    pub n_posargs: u16,
    /// How many of the positional parameters are positional-only.
    pub n_posonly: u16,
    /// Keyword-only parameters.
    pub n_kwonly: u16,
    /// Total local slots.
    pub n_locals: u16,
    /// Free variables (the last `n_free` slots).
    pub n_free: u16,
    /// Maximum value-stack depth.
    pub stack_size: u16,
    /// Line of the `def`/`class`/`lambda` (1 for a module).
    pub first_line: u32,
    /// Encoded instructions.
    pub bytecode: Vec<u8>,
    /// Constant table.
    pub consts: Vec<Const>,
    /// Name of every local slot (`n_locals` entries).
    pub local_names: Vec<String>,
    /// `frostbyte_format::linetable` encoding.
    pub line_table: Vec<u8>,
    /// `frostbyte_format::exctable` encoding.
    pub exc_table: Vec<u8>,
}

/// A constant of a code object.
#[derive(Debug, Clone, PartialEq)]
pub enum Const {
    /// `None`.
    None,
    /// `True`.
    True,
    /// `False`.
    False,
    /// `...`.
    Ellipsis,
    /// An int that fits `i64`. (Code loads ints of the 31-bit small-int range with
    /// `LoadSmallInt`; they appear as constants only inside tuples.)
    Int(i64),
    /// An int outside the `i64` range: magnitude base 2^32, least significant digit first, no
    /// leading zero digits.
    BigInt {
        /// Sign.
        negative: bool,
        /// Magnitude digits.
        digits: Vec<u32>,
    },
    /// A float.
    Float(f64),
    /// A complex number (real, imaginary): an imaginary literal, or its negation.
    Complex(f64, f64),
    /// A str (frozen as a qstr).
    Str(String),
    /// A bytes object.
    Bytes(Vec<u8>),
    /// A tuple of constants.
    Tuple(Vec<Const>),
    /// A nested code object.
    Code(Box<CodeUnit>),
    /// A function frozen whole: a `def` (or class body) that runs once per import, with no
    /// closure and constant positional defaults (`Const::Tuple`, or `None` without defaults).
    /// Loaded by `MakeRomFunction`, so importing does not allocate the function object.
    Function {
        /// The function's code.
        code: Box<CodeUnit>,
        /// Positional defaults, a `Const::Tuple`.
        defaults: Option<Box<Const>>,
    },
    /// The namespace of a class body frozen whole (it runs once and only binds constants and
    /// frozen functions): its entries in insertion order (str keys, at most
    /// [`NAMESPACE_MAX`] of them, values constants or `Const::Function`). Frozen as a ROM
    /// dict and loaded by `BuildRomClass`, so importing does not build the class dict.
    Namespace(Vec<(String, Const)>),
    /// A built-in decorator applied to a frozen function inside a frozen class namespace
    /// (`@property`, `@classmethod`, `@staticmethod`): a ROM descriptor object over the ROM
    /// function.
    Descriptor {
        /// Which decorator.
        kind: Decorator,
        /// The decorated function, a `Const::Function`.
        func: Box<Const>,
    },
}

/// The built-in decorators a frozen class namespace can hold (see [`Const::Descriptor`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decorator {
    /// `@property` (a getter only).
    Property,
    /// `@classmethod`.
    ClassMethod,
    /// `@staticmethod`.
    StaticMethod,
}

impl Decorator {
    /// The decorator for a builtin's name.
    pub fn from_name(name: &str) -> Option<Decorator> {
        match name {
            "property" => Some(Decorator::Property),
            "classmethod" => Some(Decorator::ClassMethod),
            "staticmethod" => Some(Decorator::StaticMethod),
            _ => None,
        }
    }

    /// The builtin's name.
    pub fn name(self) -> &'static str {
        match self {
            Decorator::Property => "property",
            Decorator::ClassMethod => "classmethod",
            Decorator::StaticMethod => "staticmethod",
        }
    }
}

/// Most entries a frozen class namespace may have (the VM's largest dict table without an
/// index).
pub const NAMESPACE_MAX: usize = 8;

impl Const {
    /// The code objects this constant holds directly: a code, a frozen function's, or the
    /// methods of a frozen class namespace.
    pub fn codes(&self) -> Vec<&CodeUnit> {
        match self {
            Const::Code(c) | Const::Function { code: c, .. } => vec![c],
            Const::Namespace(entries) => entries.iter().flat_map(|(_, v)| v.codes()).collect(),
            Const::Descriptor { func, .. } => func.codes(),
            _ => Vec::new(),
        }
    }
}

/// How an int constant is frozen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IntRepr {
    /// In the 31-bit small-int range, an immediate `Value` on every target.
    Small(i32),
    /// Anything else: a ROM big-int object (sign, magnitude base 2^32, least significant first).
    Big {
        /// Sign.
        negative: bool,
        /// Magnitude digits, no leading zeros.
        digits: Vec<u32>,
    },
}

impl IntRepr {
    /// How an `i64` constant is frozen. The emitter and the CLI's in-process loader both use
    /// this, so they agree on every target. (`Const::BigInt` is always `Big`.)
    pub fn of_i64(i: i64) -> IntRepr {
        match i32::try_from(i) {
            Ok(small) if (-(1 << 30)..(1 << 30)).contains(&small) => IntRepr::Small(small),
            _ => {
                let m = i.unsigned_abs();
                let digits = if m >> 32 == 0 { vec![m as u32] } else { vec![m as u32, (m >> 32) as u32] };
                IntRepr::Big { negative: i < 0, digits }
            }
        }
    }
}

impl CodeUnit {
    /// The code object's byte blob (`frostbyte_format::codeblob`): the bytecode, then the cold
    /// counts and the line and exception tables.
    pub fn blob(&self) -> Vec<u8> {
        let mut blob = Vec::new();
        frostbyte_format::codeblob::encode(
            &self.bytecode,
            &frostbyte_format::codeblob::Tail {
                n_kwonly: self.n_kwonly,
                n_free: self.n_free,
                n_posonly: self.n_posonly,
                first_line: self.first_line,
                line_table: &self.line_table,
                exc_table: &self.exc_table,
            },
            |b| blob.push(b),
        );
        blob
    }
}

/// Identity of a constant for de-duplication: `1`, `1.0`, `True`, `0.0` and `-0.0` are all
/// different keys (floats compare by bits). Code objects are never shared.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum ConstKey {
    None,
    True,
    False,
    Ellipsis,
    Int(i64),
    BigInt(bool, Vec<u32>),
    Float(u64),
    Complex(u64, u64),
    Str(String),
    Bytes(Vec<u8>),
    Tuple(Vec<ConstKey>),
}

impl ConstKey {
    fn of(c: &Const) -> Option<ConstKey> {
        Some(match c {
            Const::None => ConstKey::None,
            Const::True => ConstKey::True,
            Const::False => ConstKey::False,
            Const::Ellipsis => ConstKey::Ellipsis,
            Const::Int(v) => ConstKey::Int(*v),
            Const::BigInt { negative, digits } => ConstKey::BigInt(*negative, digits.clone()),
            Const::Float(f) => ConstKey::Float(f.to_bits()),
            Const::Complex(r, i) => ConstKey::Complex(r.to_bits(), i.to_bits()),
            Const::Str(s) => ConstKey::Str(s.clone()),
            Const::Bytes(b) => ConstKey::Bytes(b.clone()),
            Const::Tuple(items) => ConstKey::Tuple(items.iter().map(ConstKey::of).collect::<Option<Vec<_>>>()?),
            Const::Code(_) | Const::Function { .. } | Const::Namespace(_) | Const::Descriptor { .. } => return None,
        })
    }
}

/// A code object's constant table under construction, de-duplicating equal constants.
#[derive(Debug, Default)]
pub(crate) struct ConstTable {
    items: Vec<Const>,
    index: HashMap<ConstKey, u32>,
}

impl ConstTable {
    /// Index of `c`, adding it if it is new.
    pub(crate) fn add(&mut self, c: Const) -> u32 {
        let key = ConstKey::of(&c);
        if let Some(k) = &key {
            if let Some(&i) = self.index.get(k) {
                return i;
            }
        }
        let i = self.items.len() as u32;
        self.items.push(c);
        if let Some(k) = key {
            self.index.insert(k, i);
        }
        i
    }

    /// Number of constants so far.
    pub(crate) fn len(&self) -> usize {
        self.items.len()
    }

    /// True if no constant was added yet.
    pub(crate) fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The finished table.
    pub(crate) fn into_vec(self) -> Vec<Const> {
        self.items
    }
}

/// The module-wide name table under construction.
#[derive(Debug, Default)]
pub(crate) struct NameTable {
    items: Vec<String>,
    index: HashMap<String, u32>,
}

impl NameTable {
    /// Index of `name`, adding it if it is new.
    pub(crate) fn add(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.index.get(name) {
            return i;
        }
        let i = self.items.len() as u32;
        self.items.push(name.to_string());
        self.index.insert(name.to_string(), i);
        i
    }

    /// The finished table.
    pub(crate) fn into_vec(self) -> Vec<String> {
        self.items
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn consts_that_compare_equal_in_python_stay_distinct() {
        let mut t = ConstTable::default();
        let a = t.add(Const::Int(1 << 40));
        let b = t.add(Const::Float((1u64 << 40) as f64));
        let c = t.add(Const::True);
        let d = t.add(Const::Float(0.0));
        let e = t.add(Const::Float(-0.0));
        let f = t.add(Const::Tuple(vec![Const::Float(0.0)]));
        let g = t.add(Const::Tuple(vec![Const::Float(-0.0)]));
        let all = [a, b, c, d, e, f, g];
        for (i, x) in all.iter().enumerate() {
            for y in &all[i + 1..] {
                assert_ne!(x, y);
            }
        }
        assert_eq!(t.add(Const::Int(1 << 40)), a);
        assert_eq!(t.add(Const::Float(-0.0)), e);
        assert_eq!(t.add(Const::Str("x".into())), 7);
        assert_eq!(t.add(Const::Str("x".into())), 7);
    }
}
