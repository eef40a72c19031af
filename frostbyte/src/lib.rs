//! Frostbyte: Python frozen into Rust statics at build time, run in place by a `#![no_std]` VM.
#![no_std]
#![deny(missing_docs)]

pub use frostbyte_macro::include_python;
#[cfg(feature = "std")]
pub use frostbyte_vm::StdOut;
pub use frostbyte_vm::{
    AddModuleError, Args, Bound, CensusEntry, Error, ExcType, FromPython, HeapStats, Image, ImageError, IntoArgs,
    IntoPython, Lift, NativeFn, NativeFunction, NativeModule, Obj, ObjectKind, Output, Root, Scope, Signature,
    Uncaught, Vm, FORMAT_VERSION, MAX_IMAGES, MAX_NATIVE_MODULES,
};

#[doc(hidden)]
pub use frostbyte_vm::__private;
