//! `cell`: a box for a variable captured by an inner function.
//!
//! ```text
//!  CellObj  ObjHeader | contents Value (NULL = empty)
//! ```

use core::cell::Cell;

use super::{Kind, Layout, Slots, Type};
use crate::heap::Tracer;
use crate::obj;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Cell layout.
#[repr(C)]
pub struct CellObj {
    hdr: crate::rom::ObjHeader,
    /// The contents (NULL when empty).
    pub contents: Cell<Value>,
}

// SAFETY: repr(C), starts with ObjHeader; CELL_TYPE has kind Cell.
unsafe impl Layout for CellObj {
    const KIND: Kind = Kind::Cell;
}

/// A new cell holding `v` (rooted by the caller). May collect.
pub fn new(vm: &mut Vm<'_>, v: Value) -> PyResult<Value> {
    let m = vm.roots_mark();
    vm.push_root(v)?;
    let c = vm.alloc_obj(&CELL_TYPE, core::mem::size_of::<CellObj>());
    vm.pop_roots(m);
    let c = c?;
    if let Some(x) = as_cell(c) {
        x.contents.set(v);
    }
    Ok(c)
}

/// Borrow a cell.
pub fn as_cell(v: Value) -> Option<&'static CellObj> {
    obj::downcast::<CellObj>(v)
}

fn trace(v: Value, t: &mut Tracer<'_>) {
    if let Some(c) = as_cell(v) {
        t.mark(c.contents.get());
    }
}

static SLOTS: Slots = Slots { trace: Some(trace), ..Slots::EMPTY };

crate::static_qstr!(Q_CELL, "cell");

/// `cell`.
pub static CELL_TYPE: Type = Type::builtin(&Q_CELL, Some(&obj::class::OBJECT_TYPE), Kind::Cell, 0, &SLOTS, &[]);
