//! Frostbyte's Python VM: `#![no_std]`, no `alloc`, no global allocator.
//!
//! ```ignore
//! let mut heap = [MaybeUninit::uninit(); 64 * 1024];
//! let mut out = StdOut::default();
//! let mut vm = Vm::new(&mut heap, &mut out);
//! vm.add_image(&IMAGE)?;
//! vm.set_instruction_budget(Some(1_000_000)); // optional: stop a runaway script
//! if let Err(e) = vm.run_main("app") { vm.print_exception(&e); }
//! ```
//!
//! A run can be bounded: [`Vm::set_instruction_budget`] stops it after so many bytecode
//! instructions, [`Vm::set_poll_hook`] calls the embedder every N instructions (feed a
//! watchdog, raise `KeyboardInterrupt`, or stop the run); see [`Poll`].
//!
//! Modules with `unsafe`: `heap` (the region), `value` (tagging), `rom` (frozen layouts),
//! `obj/*` layout accessors (one `unsafe impl Layout` and field accessors per type), and
//! `obj/frame` (frame slots).
#![no_std]
#![warn(missing_docs)]

#[cfg(any(test, feature = "std"))]
extern crate std;

pub mod builtins;
pub mod call;
pub mod format;
pub mod heap;
pub mod import;
pub mod interp;
pub mod modules;
pub mod num;
pub mod numfmt;
pub mod obj;
pub mod rom;
pub mod runtime;
pub mod strformat;
pub mod traceback;
pub mod value;
pub mod vm;

#[cfg(test)]
mod gc_tests;

pub use heap::HeapStats;
pub use rom::FORMAT_VERSION;
pub use value::Value;
pub use vm::{CensusEntry, ImageError, Poll, PyResult, Uncaught, Vm};

/// Where `print` and tracebacks go.
pub trait Output {
    /// Write text.
    fn write_str(&mut self, s: &str);
    /// Flush buffered text (called at the end of a run).
    fn flush(&mut self) {}
}

/// Standard output (line-buffered by Rust's stdout).
#[cfg(feature = "std")]
#[derive(Debug, Default)]
pub struct StdOut;

#[cfg(feature = "std")]
impl Output for StdOut {
    fn write_str(&mut self, s: &str) {
        use std::io::Write;
        let _ = std::io::stdout().write_all(s.as_bytes());
    }
    fn flush(&mut self) {
        use std::io::Write;
        let _ = std::io::stdout().flush();
    }
}

/// Define a `static` qstr with its text: `static_qstr!(Q_NAME, "text");`.
#[macro_export]
#[doc(hidden)]
macro_rules! static_qstr {
    ($name:ident, $s:literal) => {
        #[allow(missing_docs)]
        pub static $name: $crate::rom::Qstr<{ $s.len() }> = $crate::rom::Qstr::new($crate::qstr::text($s));
    };
}

/// Built-in qstrs: one `static` per entry of `frostbyte_format::for_each_builtin_qstr!`,
/// named by the entry's identifier (`qstr::append`, `qstr::__init__`, `qstr::type_`).
/// The emitter refers to these instead of emitting its own copies, so the common names
/// compare by pointer across all images.
#[allow(non_upper_case_globals, missing_docs)]
pub mod qstr {
    use crate::rom::Qstr;

    /// The bytes of `s` as an array (for `Qstr::new` in const context).
    pub const fn text<const N: usize>(s: &str) -> [u8; N] {
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
