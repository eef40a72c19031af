//! Object types. (Skeleton: the VM core replaces the `Type` stub with the real descriptor.)

/// A type descriptor (stub).
pub struct Type {
    /// Type name.
    pub name: &'static str,
}

/// `tuple`.
pub static TUPLE_TYPE: Type = Type { name: "tuple" };
/// `bytes`.
pub static BYTES_TYPE: Type = Type { name: "bytes" };
/// `int`.
pub static INT_TYPE: Type = Type { name: "int" };
/// `float`.
pub static FLOAT_TYPE: Type = Type { name: "float" };
/// `code`.
pub static CODE_TYPE: Type = Type { name: "code" };
