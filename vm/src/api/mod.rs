//! The embedding API: the only way code outside the VM touches Python objects.
//!
//! Handle rules (numbered in ARCHITECTURE.md, "Handles"): every Python object Rust holds is
//! an [`Obj<'s>`] branded by the [`Scope<'s>`] that rooted it, a [`Root`] kept in a VM-owned
//! table, or a borrowed view (`&'b str`, `&'b [u8]`) that borrows the scope immutably, so it
//! ends before the next call that may collect (those take `&mut Scope`).

mod class;
mod clock;
mod convert;
mod error;
mod handle;
mod native;
mod root;
mod scope;

pub use class::{ClassEntry, NativeClass};
pub(crate) use clock::raised_generation;
#[cfg(feature = "std")]
#[cfg_attr(docsrs, doc(cfg(feature = "std")))]
pub use clock::StdClock;
pub use clock::{Clock, Signal, SimClock, SIGNAL_CHECK_EVERY};
pub use convert::{FromPython, IntoArgs, IntoPython};
pub use error::{Error, ExcType};
pub use handle::Obj;
pub use native::{Args, Bound, NativeFn, NativeFunction, NativeModule, Signature};
pub use root::Root;
pub use scope::{Lift, Scope};

pub(crate) use class::{bind_native_method, native_class_method};
pub(crate) use native::{
    as_native_module, find_native, native_module_dict, native_module_getattr, native_module_setattr,
};

/// Re-exported at the crate root.
pub(crate) mod native_exports {
    pub use super::native::AddModuleError;
}

use core::any::Any;
use core::sync::atomic::{AtomicU32, Ordering};

use crate::value::Value;

/// The frozen qstr with text `text` from the name tables of the VM's images, if any: names
/// the API creates (attribute names, native module keys) then compare with the names in
/// frozen code by pointer, and instances keep their shared key tables.
pub(crate) fn frozen_name(vm: &crate::Vm<'_>, text: &str) -> Option<Value> {
    for img in vm.images.iter().flatten() {
        for fm in img.modules {
            for n in fm.code.module.names {
                if crate::obj::str::as_str(*n) == Some(text) {
                    return Some(*n);
                }
            }
        }
    }
    None
}

/// Exceptions that crossed into Rust stay reachable here (newest `ERROR_RING`) so an
/// [`Error`] can print their traceback or be re-raised into Python unchanged.
const ERROR_RING: usize = 4;
/// Native modules registered at once ([`crate::Vm::add_module`]).
pub const MAX_NATIVE_MODULES: usize = 16;

/// Source of VM identities. Only `load`/`store` (thumbv6m has no compare-and-swap): two
/// threads creating VMs at the same instant may get one id; a [`Root`] used with the wrong
/// VM is then only detected by its slot check, which is still memory-safe.
static NEXT_VM_ID: AtomicU32 = AtomicU32::new(1);

/// The API's part of the VM state (one field of `Vm`).
pub(crate) struct ApiState<'a> {
    /// This VM's identity (checked by `Root` and `Error`).
    pub(crate) id: u32,
    errors: [Value; ERROR_RING],
    error_seq: [u32; ERROR_RING],
    next_seq: u32,
    /// The `Root` table: a list of `value, tag` pairs; tag = generation << 1 | in-use.
    pub(crate) roots: Value,
    /// Indices of free pairs are found by scanning; `free_hint` is the lowest candidate.
    pub(crate) free_hint: usize,
    pub(crate) natives: [Option<&'static NativeModule>; MAX_NATIVE_MODULES],
    pub(crate) context: Option<&'a mut (dyn Any + 'static)>,
}

impl ApiState<'_> {
    pub(crate) fn new() -> Self {
        let id = NEXT_VM_ID.load(Ordering::Relaxed);
        NEXT_VM_ID.store(id.wrapping_add(1).max(1), Ordering::Relaxed);
        ApiState {
            id,
            errors: [Value::NULL; ERROR_RING],
            error_seq: [0; ERROR_RING],
            next_seq: 1,
            roots: Value::NULL,
            free_hint: 0,
            natives: [None; MAX_NATIVE_MODULES],
            context: None,
        }
    }

    /// The values the collector must treat as roots.
    pub(crate) fn gc_roots(&self) -> [Value; ERROR_RING + 1] {
        let mut out = [Value::NULL; ERROR_RING + 1];
        out[..ERROR_RING].copy_from_slice(&self.errors);
        out[ERROR_RING] = self.roots;
        out
    }

    /// Keep `exc` in the ring; returns its sequence number.
    pub(crate) fn hold_error(&mut self, exc: Value) -> u32 {
        let seq = self.next_seq;
        self.next_seq = self.next_seq.wrapping_add(1).max(1);
        let slot = seq as usize % ERROR_RING;
        self.errors[slot] = exc;
        self.error_seq[slot] = seq;
        seq
    }

    /// The exception held under `seq`, if it is still in the ring.
    pub(crate) fn held_error(&self, seq: u32) -> Option<Value> {
        let slot = seq as usize % ERROR_RING;
        (self.error_seq[slot] == seq && !self.errors[slot].is_null()).then(|| self.errors[slot])
    }
}
