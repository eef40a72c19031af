//! Frostbyte: Python frozen into Rust statics at build time, run in place by a `#![no_std]` VM.
#![no_std]
#![deny(missing_docs)]

pub use frostbyte_macro::include_python;
#[cfg(feature = "std")]
pub use frostbyte_vm::StdOut;
pub use frostbyte_vm::{
    CensusEntry, HeapStats, Image, ImageError, ObjectKind, Output, Uncaught, Vm, FORMAT_VERSION, MAX_IMAGES,
};

#[doc(hidden)]
pub use frostbyte_vm::__private;
