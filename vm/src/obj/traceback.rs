//! Traceback entries: a singly linked list (outermost frame first once unwinding is done).
//!
//! ```text
//!  TbEntry  ObjHeader | next Value (TbEntry or NULL) | code Value | line usize
//! ```

use super::{Kind, Layout, Slots, Type};
use crate::heap::Tracer;
use crate::obj;
use crate::rom::{Code, ObjHeader};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Traceback entry layout.
#[repr(C)]
pub struct TbEntry {
    hdr: ObjHeader,
    /// Next (inner) entry.
    pub next: Value,
    /// Code object of the frame.
    pub code: Value,
    /// Line number.
    pub line: usize,
}

// SAFETY: repr(C), starts with ObjHeader; TB_TYPE has kind Traceback.
unsafe impl Layout for TbEntry {
    const KIND: Kind = Kind::Traceback;
}

/// A new entry in front of `next` (rooted by the caller). May collect.
pub fn new(vm: &mut Vm<'_>, code: &'static Code, line: u32, next: Value) -> PyResult<Value> {
    let v = vm.alloc_obj(&TB_TYPE, core::mem::size_of::<TbEntry>())?;
    // SAFETY: fresh TbEntry.
    unsafe {
        let p = v.as_ptr() as *mut TbEntry;
        (*p).next = next;
        (*p).code = Value::rom(code);
        (*p).line = line as usize;
    }
    Ok(v)
}

/// Borrow an entry.
pub fn as_tb(v: Value) -> Option<&'static TbEntry> {
    obj::downcast::<TbEntry>(v)
}

fn trace(v: Value, t: &mut Tracer<'_>) {
    if let Some(e) = as_tb(v) {
        t.mark(e.next);
    }
}

/// `tb_next`, `tb_lineno` (None without line numbers); `tb_frame` is None (frames are freed when they return) and
/// `tb_lasti` -1 (no instruction offsets are kept).
fn getattr(_vm: &mut Vm<'_>, v: Value, name: Value) -> PyResult<Value> {
    let Some(e) = as_tb(v) else { return Ok(Value::NULL) };
    Ok(match obj::str::as_str(name) {
        Some("tb_next") if e.next.is_null() => Value::NONE,
        Some("tb_next") => e.next,
        // Line 0: frozen without line numbers; None, as CPython gives for an unknown line.
        Some("tb_lineno") if e.line == 0 => Value::NONE,
        Some("tb_lineno") => Value::small_int(e.line as isize),
        Some("tb_frame") => Value::NONE,
        Some("tb_lasti") => Value::small_int(-1),
        _ => Value::NULL,
    })
}

static SLOTS: Slots = Slots { trace: Some(trace), getattr: Some(getattr), ..Slots::EMPTY };

/// `traceback`.
pub static TB_TYPE: Type = Type::builtin(&Q_TB, Some(&obj::class::OBJECT_TYPE), Kind::Traceback, 0, &SLOTS, &[]);

crate::static_qstr!(Q_TB, "traceback");
