//! The Frostbyte bytecode format, shared by the host compiler and the `#![no_std]` VM.
//!
//! This crate is the single source of truth for everything both sides must agree on:
//! - [`VERSION`]: stamped into every frozen image and checked by a const assertion;
//! - the opcode table ([`for_each_op!`]) from which the [`Op`] enum, the encoder, the decoder,
//!   the disassembler and the VM's dispatch are all generated;
//! - operand encoding ([`varint`]);
//! - the line table and exception table encodings ([`linetable`], [`exctable`]);
//! - the code-object blob: bytecode, cold counts and both tables in one array ([`codeblob`]);
//! - code-object flags ([`CodeFlags`]), binary/compare operator numbering;
//! - the qstr hash function ([`qstr_hash`]), the qstr head word and the built-in qstr list
//!   ([`for_each_builtin_qstr!`]);
//! - the layout rules of dict tables and their indexes ([`dict`]: frozen module key tables and
//!   module tables are built by them in const context, the VM's dicts read and write by them);
//! - the names bound in a module before its body runs, in order ([`module`]).
//!
//! Nothing here allocates; nothing here depends on the VM or the compiler.
#![no_std]

pub mod codeblob;
pub mod dict;
pub mod exctable;
pub mod linetable;
pub mod module;
pub mod op;
pub mod qstr;
pub mod varint;

pub use op::{BinOp, CmpOp, Op, UnaryOp};
pub use qstr::qstr_hash;

/// Revision of the parts of the format that are not tables: operand encoding, line and
/// exception table encodings, the code-object blob and layout. Bump it by hand when one of
/// those changes; the opcode table and the built-in qstr list are fingerprinted instead.
pub const LAYOUT_REVISION: u32 = 6;

/// Version of the frozen-data format, stamped into every image. Derived from
/// [`LAYOUT_REVISION`], the opcode table's fingerprint ([`op::FINGERPRINT`]) and the
/// built-in qstr list's ([`qstr::BUILTIN_FINGERPRINT`]), so a changed table cannot ship
/// under an old version number. Generated code asserts at compile time that the VM it
/// links against has the same value.
pub const VERSION: u32 =
    op::Fnv::new().word(LAYOUT_REVISION).word(op::FINGERPRINT).word(qstr::BUILTIN_FINGERPRINT).finish();

bitflags_lite! {
    /// Flags of a code object (`Code::flags`).
    pub struct CodeFlags: u16 {
        /// The function takes `*args`: the slot after the positional and keyword-only
        /// parameters receives a tuple.
        const VARARGS = 1 << 0;
        /// The function takes `**kwargs`: the slot after `*args` (if any) receives a dict.
        const VARKEYWORDS = 1 << 1;
        /// Calling the function creates a generator instead of running the body.
        const GENERATOR = 1 << 2;
        /// Module or class body: names are resolved with LOAD_NAME/STORE_NAME.
        const NAMESPACE = 1 << 3;
        /// The code object is a lambda / comprehension / genexpr (affects nothing at run
        /// time but traceback naming).
        const ANONYMOUS = 1 << 4;
        /// A function whose body starts with a docstring: `consts[0]` is that string
        /// (the function's `__doc__`).
        const DOCSTRING = 1 << 5;
        /// With GENERATOR: an `async def` without `yield`; calling it makes a coroutine.
        const COROUTINE = 1 << 6;
        /// With GENERATOR: an `async def` with `yield`; calling it makes an async generator.
        const ASYNC_GENERATOR = 1 << 7;
    }
}

/// A minimal `bitflags`-like macro so the crate stays dependency-free.
#[macro_export]
#[doc(hidden)]
macro_rules! bitflags_lite {
    ($(#[$m:meta])* pub struct $name:ident: $t:ty { $($(#[$fm:meta])* const $f:ident = $v:expr;)* }) => {
        $(#[$m])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, Default, Debug)]
        pub struct $name(pub $t);
        impl $name {
            $($(#[$fm])* pub const $f: $name = $name($v);)*
            /// Raw bits.
            pub const fn bits(self) -> $t { self.0 }
            /// True if all bits of `other` are set.
            pub const fn contains(self, other: $name) -> bool { self.0 & other.0 == other.0 }
            /// Union.
            pub const fn union(self, other: $name) -> $name { $name(self.0 | other.0) }
        }
    };
}
