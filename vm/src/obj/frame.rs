//! Frames: one activation of a code object, heap-allocated, linked into the VM's chain.
//!
//! ```text
//!  Frame  ObjHeader | code *Code | func Value | globals Value | locals Value (namespace
//!         dict or NULL) | back *Frame | gen Value | saved_handled Value | ip u32 | last_ip u32
//!         | sp u32 | for_target u32 | n_locals u16 | flags u16 | stack_cap u32
//!         | slots [Value; n_locals + stack_cap]   (locals, then the value stack)
//! ```
//! Frames are freed as soon as they return, except generator frames (owned by their
//! generator). Only the frame module and the interpreter touch frame memory, through
//! [`FramePtr`].

use super::{Kind, Layout, Slots, Type};
use crate::heap::Tracer;
use crate::obj;
use crate::rom::{Code, ObjHeader};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Frame layout.
#[repr(C)]
pub struct Frame {
    hdr: ObjHeader,
    code: *const Code,
    func: Value,
    globals: Value,
    locals: Value,
    back: *mut Frame,
    gen: Value,
    saved_handled: Value,
    ip: u32,
    last_ip: u32,
    sp: u32,
    for_target: u32,
    n_locals: u16,
    flags: u16,
    stack_cap: u32,
}

// SAFETY: repr(C), starts with ObjHeader; FRAME_TYPE has kind Frame.
unsafe impl Layout for Frame {
    const KIND: Kind = Kind::Frame;
}

const HDR: usize = core::mem::size_of::<Frame>();

/// Frame flags.
pub mod fl {
    /// A native caller waits for this frame (a nested interpreter loop returns here).
    pub const ENTRY: u16 = 1;
    /// `__init__` frame: on return, check None and produce `instance` (local 0).
    pub const INIT: u16 = 2;
    /// Owned by a generator (not freed on return).
    pub const GEN: u16 = 4;
    /// A generator resumed by FOR_ITER: on exhaustion the caller jumps to `for_target`.
    pub const FOR_ITER: u16 = 8;
    /// Module body frame.
    pub const MODULE: u16 = 16;
}

/// A pointer to a live frame (or null). All frame memory access goes through here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FramePtr(*mut Frame);

macro_rules! field {
    ($get:ident, $set:ident, $f:ident, $t:ty) => {
        #[doc = concat!("The `", stringify!($f), "` field.")]
        #[inline(always)]
        pub fn $get(self) -> $t {
            // SAFETY: FramePtr values are only made from live frames (see `new`).
            unsafe { (*self.0).$f }
        }
        #[doc = concat!("Set the `", stringify!($f), "` field.")]
        #[inline(always)]
        pub fn $set(self, v: $t) {
            // SAFETY: as above.
            unsafe { (*self.0).$f = v }
        }
    };
}

impl FramePtr {
    /// No frame.
    pub const NULL: FramePtr = FramePtr(core::ptr::null_mut());

    /// Allocate a frame for `code` (all slots NULL). May collect.
    pub fn new(vm: &mut Vm<'_>, code: &'static Code, func: Value, globals: Value) -> PyResult<FramePtr> {
        let cap = code.stack_size as usize + 2;
        let n = code.n_locals as usize;
        let v = vm.alloc_obj(&FRAME_TYPE, HDR + (n + cap) * core::mem::size_of::<Value>())?;
        let f = FramePtr(v.as_ptr() as *mut Frame);
        f.set_code(code);
        f.set_func(func);
        f.set_globals(globals);
        f.set_n_locals(n as u16);
        f.set_stack_cap(cap as u32);
        Ok(f)
    }

    /// Is this the null frame?
    #[inline(always)]
    pub fn is_null(self) -> bool {
        self.0.is_null()
    }

    /// As a value (for rooting).
    pub fn as_value(self) -> Value {
        // SAFETY: a frame is a heap object (or null -> NULL).
        unsafe { Value::from_obj_ptr(self.0 as *const u8) }
    }

    /// From a value produced by `as_value`.
    pub fn from_value(v: Value) -> FramePtr {
        if obj::downcast::<Frame>(v).is_some() { FramePtr(v.as_ptr() as *mut Frame) } else { FramePtr::NULL }
    }

    /// The code object.
    #[inline(always)]
    pub fn code(self) -> &'static Code {
        // SAFETY: frames always hold a valid code pointer (ROM).
        unsafe { &*(*self.0).code }
    }
    fn set_code(self, c: &'static Code) {
        // SAFETY: live frame.
        unsafe { (*self.0).code = c }
    }

    field!(func, set_func, func, Value);
    field!(globals, set_globals, globals, Value);
    field!(locals, set_locals, locals, Value);
    field!(gen, set_gen, gen, Value);
    field!(saved_handled, set_saved_handled, saved_handled, Value);
    field!(ip, set_ip, ip, u32);
    field!(last_ip, set_last_ip, last_ip, u32);
    field!(sp, set_sp, sp, u32);
    field!(for_target, set_for_target, for_target, u32);
    field!(n_locals, set_n_locals, n_locals, u16);
    field!(flags, set_flags, flags, u16);
    field!(stack_cap, set_stack_cap, stack_cap, u32);

    /// The caller frame.
    #[inline(always)]
    pub fn back(self) -> FramePtr {
        // SAFETY: live frame.
        FramePtr(unsafe { (*self.0).back })
    }
    /// Set the caller frame.
    #[inline(always)]
    pub fn set_back(self, b: FramePtr) {
        // SAFETY: live frame.
        unsafe { (*self.0).back = b.0 }
    }

    #[inline(always)]
    fn slots(self) -> *mut Value {
        // SAFETY: the slots follow the fixed part of the frame.
        unsafe { (self.0 as *mut u8).add(HDR) as *mut Value }
    }

    /// Local slot `i` (NULL if out of range).
    #[inline(always)]
    pub fn local(self, i: usize) -> Value {
        if i < self.n_locals() as usize {
            // SAFETY: i < n_locals.
            unsafe { *self.slots().add(i) }
        } else {
            Value::NULL
        }
    }
    /// Set local slot `i` (ignored if out of range).
    #[inline(always)]
    pub fn set_local(self, i: usize, v: Value) {
        if i < self.n_locals() as usize {
            // SAFETY: i < n_locals.
            unsafe { *self.slots().add(i) = v }
        }
    }

    #[inline(always)]
    fn stack(self) -> *mut Value {
        // SAFETY: the stack follows the locals.
        unsafe { self.slots().add(self.n_locals() as usize) }
    }

    /// Push onto the value stack (dropped if the stack is full: the compiler's stack size
    /// is trusted, this only prevents memory corruption).
    #[inline(always)]
    pub fn push(self, v: Value) {
        let sp = self.sp();
        if sp < self.stack_cap() {
            // SAFETY: sp < stack_cap.
            unsafe { *self.stack().add(sp as usize) = v };
            self.set_sp(sp + 1);
        }
    }
    /// Pop the top of the stack (NULL if empty).
    #[inline(always)]
    pub fn pop(self) -> Value {
        let sp = self.sp();
        if sp == 0 {
            return Value::NULL;
        }
        self.set_sp(sp - 1);
        // SAFETY: sp - 1 < stack_cap.
        unsafe { *self.stack().add(sp as usize - 1) }
    }
    /// The `i`-th item from the top (0 = top); NULL if out of range.
    #[inline(always)]
    pub fn peek(self, i: usize) -> Value {
        let sp = self.sp() as usize;
        if i >= sp {
            return Value::NULL;
        }
        // SAFETY: sp - 1 - i < sp <= stack_cap.
        unsafe { *self.stack().add(sp - 1 - i) }
    }
    /// Replace the `i`-th item from the top.
    #[inline(always)]
    pub fn poke(self, i: usize, v: Value) {
        let sp = self.sp() as usize;
        if i < sp {
            // SAFETY: as in peek.
            unsafe { *self.stack().add(sp - 1 - i) = v };
        }
    }
    /// Drop `n` items.
    #[inline(always)]
    pub fn drop_n(self, n: usize) {
        let sp = self.sp() as usize;
        self.set_sp(sp.saturating_sub(n) as u32);
    }
    /// The top `n` items as a slice (bottom first). Valid while they stay on the stack.
    #[inline(always)]
    pub fn top_slice(self, n: usize) -> &'static [Value] {
        let sp = self.sp() as usize;
        let n = n.min(sp);
        // SAFETY: [sp-n, sp) lies within the stack.
        unsafe { core::slice::from_raw_parts(self.stack().add(sp - n), n) }
    }

    /// Mark this frame and (through its trace) every caller.
    pub fn trace_chain(self, t: &mut Tracer<'_>) {
        if !self.is_null() {
            t.mark(self.as_value());
        }
    }
}

fn trace(v: Value, t: &mut Tracer<'_>) {
    let f = FramePtr::from_value(v);
    if f.is_null() {
        return;
    }
    t.mark(f.func());
    t.mark(f.globals());
    t.mark(f.locals());
    t.mark(f.gen());
    t.mark(f.saved_handled());
    let b = f.back();
    if !b.is_null() {
        t.mark(b.as_value());
    }
    for i in 0..f.n_locals() as usize {
        t.mark(f.local(i));
    }
    let sp = f.sp() as usize;
    for i in 0..sp {
        t.mark(f.peek(i));
    }
}

static SLOTS: Slots = Slots { trace: Some(trace), ..Slots::EMPTY };

crate::static_qstr!(Q_FRAME, "frame");

/// `frame` (internal).
pub static FRAME_TYPE: Type = Type::builtin(&Q_FRAME, Some(&obj::class::OBJECT_TYPE), Kind::Frame, 0, &SLOTS, &[]);
