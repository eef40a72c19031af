//! Frostbyte's Python VM: `#![no_std]`, no `alloc`, no global allocator.
#![no_std]
#![warn(missing_docs)]

#[cfg(any(test, feature = "std"))]
extern crate std;

pub mod format;
pub mod num;
pub mod obj;
pub mod rom;
pub mod value;

pub use rom::FORMAT_VERSION;
pub use value::Value;

/// Built-in qstrs: one `static` per entry of `frostbyte_format::for_each_builtin_qstr!`,
/// named by the entry's identifier (`qstr::append`, `qstr::__init__`, `qstr::type_`).
/// The emitter refers to these instead of emitting its own copies, so the common names
/// compare by pointer across all images.
#[allow(non_upper_case_globals, missing_docs)]
pub mod qstr {
    use crate::rom::Qstr;

    const fn text<const N: usize>(s: &str) -> [u8; N] {
        let b = s.as_bytes();
        let mut out = [0u8; N];
        let mut i = 0;
        while i < N {
            out[i] = b[i];
            i += 1;
        }
        out
    }

    macro_rules! define_builtin_qstrs {
        ($(($id:ident, $s:literal)),* $(,)?) => {
            $(pub static $id: Qstr<{ $s.len() }> = Qstr::new(text($s));)*
        };
    }
    frostbyte_format::for_each_builtin_qstr!(define_builtin_qstrs);
}
