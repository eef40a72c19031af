//! Frostbyte: Python frozen into Rust statics at build time, run in place by a `#![no_std]` VM.
#![no_std]
pub use frostbyte_macro::include_python;
pub use frostbyte_vm::*;
