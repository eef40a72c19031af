//! Frames: one activation of a code object, heap-allocated, linked into the VM's chain.
//!
//! ```text
//!  Frame  ObjHeader | code *Code | globals Value | back *Frame | saved_handled Value
//!         | ip u16 | last_ip u16 | sp u16 | flags u16
//!         | slots [Value; code.n_locals + code.stack_size]   (locals, then the value stack)
//!         | aux Value       (module and class bodies: their namespace dict;
//!                            generator frames: the generator that owns the frame)
//!         | for_target u32  (generator frames only)
//! ```
//! Five words and 8 bytes (28 bytes on 32-bit targets) plus the slots; the tail words exist
//! only in the frames that use them, so a plain function call pays for none. The local count
//! and stack size are read from the ROM code object, never stored. Bytecode offsets are 16-bit:
//! a code object with more than 64 KiB of bytecode cannot run (SystemError). Frames are freed as soon as
//! they return, except generator frames (owned by their generator). Only the frame module
//! and the interpreter touch frame memory, through [`FramePtr`].

use frostbyte_format::CodeFlags;

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
    globals: Value,
    back: *mut Frame,
    saved_handled: Value,
    ip: u16,
    last_ip: u16,
    sp: u16,
    flags: u16,
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
    /// A generator resumed by SEND (`yield from`, `await`): when it returns, the caller's
    /// delegate is replaced by the return value and the caller jumps to `for_target`.
    pub const SEND: u16 = 32;
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

macro_rules! offset {
    ($get:ident, $set:ident, $f:ident, $doc:literal) => {
        #[doc = $doc]
        #[inline(always)]
        pub fn $get(self) -> u32 {
            // SAFETY: FramePtr values are only made from live frames (see `new`).
            unsafe { (*self.0).$f as u32 }
        }
        #[doc = concat!("Set: ", $doc)]
        #[inline(always)]
        pub fn $set(self, v: u32) {
            // SAFETY: as above; the value fits 16 bits (bytecode size is checked in `new`,
            // the stack depth is bounded by the code's u16 stack size).
            unsafe { (*self.0).$f = v as u16 }
        }
    };
}

/// Value-stack slots for `code` (the compiler's exact maximum depth).
fn stack_cap_of(code: &Code) -> usize {
    (code.stack_size as usize).min(u16::MAX as usize)
}

fn is_gen_code(code: &Code) -> bool {
    CodeFlags(code.flags).contains(CodeFlags::GENERATOR)
}

/// Does a frame of `code` have the `aux` tail word (namespace bodies and generators)?
fn has_aux(code: &Code) -> bool {
    let f = CodeFlags(code.flags);
    f.contains(CodeFlags::NAMESPACE) || f.contains(CodeFlags::GENERATOR)
}

/// Bytes of a frame of `code`.
fn frame_bytes(code: &Code) -> usize {
    let n = code.n_locals as usize + stack_cap_of(code) + has_aux(code) as usize;
    HDR + n * core::mem::size_of::<Value>() + if is_gen_code(code) { 4 } else { 0 }
}

impl FramePtr {
    /// No frame.
    pub const NULL: FramePtr = FramePtr(core::ptr::null_mut());

    /// Allocate a frame for `code` (all slots NULL). `_func` is kept alive by the caller
    /// while it binds arguments; the frame itself only needs the code and the globals.
    /// May collect.
    pub fn new(vm: &mut Vm<'_>, code: &'static Code, _func: Value, globals: Value) -> PyResult<FramePtr> {
        if code.bytecode().len() > u16::MAX as usize {
            return Err(
                vm.raise_msg(&obj::exception::SYSTEM_ERROR_TYPE, "code object too large (over 64 KiB of bytecode)")
            );
        }
        // Call frames die in LIFO order: they go to the top of the pool, away from small
        // long-lived objects. A generator's frame lives as long as its generator, in any
        // order, so it is placed like any other object (many live generator frames at the
        // top would make every call frame's top-down search walk past them).
        let v = vm.alloc_obj_at(&FRAME_TYPE, frame_bytes(code), !is_gen_code(code))?;
        let f = FramePtr(v.as_ptr() as *mut Frame);
        f.set_code(code);
        f.set_globals(globals);
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
        if obj::downcast::<Frame>(v).is_some() {
            FramePtr(v.as_ptr() as *mut Frame)
        } else {
            FramePtr::NULL
        }
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

    field!(globals, set_globals, globals, Value);
    field!(saved_handled, set_saved_handled, saved_handled, Value);
    field!(flags, set_flags, flags, u16);

    /// The `aux` tail word, if this frame has one.
    fn aux_ptr(self) -> Option<*mut Value> {
        let code = self.code();
        if !has_aux(code) {
            return None;
        }
        let n = code.n_locals as usize + stack_cap_of(code);
        // SAFETY: frames of such code are allocated with one word after the slots (`new`).
        Some(unsafe { self.slots().add(n) })
    }
    fn aux(self) -> Value {
        // SAFETY: the pointer addresses this frame's aux word.
        self.aux_ptr().map(|p| unsafe { p.read() }).unwrap_or(Value::NULL)
    }
    /// Set `aux` (ignored by frames without the word: plain function frames).
    fn set_aux(self, v: Value) {
        if let Some(p) = self.aux_ptr() {
            // SAFETY: as in `aux`.
            unsafe { p.write(v) }
        }
    }
    /// The namespace dict of a module or class body frame (NULL otherwise).
    pub fn locals(self) -> Value {
        let a = self.aux();
        if obj::generator::as_gen(a).is_some() {
            Value::NULL
        } else {
            a
        }
    }
    /// Set the namespace dict (module and class bodies only).
    pub fn set_locals(self, v: Value) {
        self.set_aux(v)
    }
    /// The generator owning this frame (NULL if none).
    pub fn gen(self) -> Value {
        let a = self.aux();
        if obj::generator::as_gen(a).is_some() {
            a
        } else {
            Value::NULL
        }
    }
    /// Set the owning generator (generator frames have no namespace dict).
    pub fn set_gen(self, v: Value) {
        self.set_aux(v)
    }
    offset!(ip, set_ip, ip, "Offset of the next instruction (< 64 KiB, checked in `new`).");
    offset!(last_ip, set_last_ip, last_ip, "Offset of the instruction being executed (the one that raised).");
    offset!(sp, set_sp, sp, "Stack depth (callers keep it at most `stack_cap <= u16::MAX`).");
    /// Local slots (from the code object).
    #[inline(always)]
    pub fn n_locals(self) -> u16 {
        self.code().n_locals
    }
    /// Value-stack capacity (from the code object).
    #[inline(always)]
    pub fn stack_cap(self) -> u32 {
        stack_cap_of(self.code()) as u32
    }
    fn for_target_ptr(self) -> Option<*mut u32> {
        let code = self.code();
        if !is_gen_code(code) {
            return None;
        }
        let n = code.n_locals as usize + stack_cap_of(code) + 1;
        // SAFETY: generator frames are allocated with the aux word and then 4 bytes after the
        // slots (see `new`).
        Some(unsafe { self.slots().add(n) as *mut u32 })
    }
    /// Where the FOR_ITER that resumed this generator frame jumps when it is exhausted.
    pub fn for_target(self) -> u32 {
        // SAFETY: the pointer addresses this generator frame's for_target word.
        self.for_target_ptr().map(|p| unsafe { p.read_unaligned() }).unwrap_or(0)
    }
    /// Set the FOR_ITER target (generator frames only; ignored otherwise).
    pub fn set_for_target(self, t: u32) {
        if let Some(p) = self.for_target_ptr() {
            // SAFETY: as in `for_target`.
            unsafe { p.write_unaligned(t) }
        }
    }

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
        debug_assert!(sp < self.stack_cap(), "value stack overflow in {:?}", obj::str::as_str(self.code().name));
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
    t.mark(f.globals());
    t.mark(f.aux());
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

/// The line a generator frame is at: its definition line before it starts (CPython's
/// `f_lineno` of a new generator), else the line of its last instruction.
fn lineno(f: FramePtr) -> u32 {
    let code = f.code();
    let started = obj::generator::as_gen(f.gen()).is_some_and(|g| g.state.get() != obj::generator::state::CREATED);
    if started {
        frostbyte_format::linetable::line_for(code.line_table(), code.first_line(), f.last_ip() as usize)
    } else {
        code.first_line()
    }
}

/// The attributes of a frame reached through `gi_frame` / `cr_frame` / `ag_frame` (only
/// generator frames are visible to Python: other frames are freed when they return):
/// `f_lineno`, `f_code`, `f_globals`, `f_locals` (a new dict of the bound locals, as
/// `locals()`), `f_back` (None: a suspended generator frame has no caller). May collect.
fn getattr(vm: &mut Vm<'_>, v: Value, name: Value) -> PyResult<Value> {
    let f = FramePtr::from_value(v);
    if f.is_null() {
        return Ok(Value::NULL);
    }
    Ok(match obj::str::as_str(name) {
        // Line 0: frozen without line numbers; None, as CPython's `f_lineno` of a frame
        // whose line is unknown.
        Some("f_lineno") => match lineno(f) {
            0 => Value::NONE,
            l => Value::small_int(l as isize),
        },
        Some("f_code") => Value::rom(f.code()),
        Some("f_globals") => f.globals(),
        Some("f_locals") => return frame_locals(vm, f),
        Some("f_back") => Value::NONE,
        _ => Value::NULL,
    })
}

/// The bound locals and free variables of `f` as a new dict (a namespace body's own dict).
/// May collect.
pub fn frame_locals(vm: &mut Vm<'_>, f: FramePtr) -> PyResult<Value> {
    if !f.locals().is_null() {
        return Ok(f.locals());
    }
    let m = vm.roots_mark();
    vm.push_root(f.as_value())?;
    let d = obj::dict::new(vm)?;
    vm.push_root(d)?;
    let code = f.code();
    let mut r = Ok(d);
    for i in 0..code.n_locals as usize {
        let mut x = f.local(i);
        if let Some(c) = obj::cell::as_cell(x) {
            x = c.contents.get();
        }
        if !x.is_null() {
            let n = code.local_names().get(i).copied().unwrap_or(Value::NONE);
            if let Err(e) = obj::dict::set(vm, d, n, x) {
                r = Err(e);
                break;
            }
        }
    }
    vm.pop_roots(m);
    r
}

fn repr(vm: &mut Vm<'_>, v: Value, sb: &mut obj::str::StrBuf) -> PyResult<()> {
    let f = FramePtr::from_value(v);
    let code = f.code();
    let file = obj::str::as_str(code.module.file).unwrap_or("?");
    let name = obj::str::as_str(code.name).unwrap_or("?");
    let short = name.rsplit('.').next().unwrap_or(name);
    sb.push_fmt(vm, format_args!("<frame at {:#x}, file '{}', line {}, code {}>", v.bits(), file, lineno(f), short))
}

static SLOTS: Slots = Slots { trace: Some(trace), getattr: Some(getattr), repr: Some(repr), ..Slots::EMPTY };

crate::static_qstr!(Q_FRAME, "frame");

/// `frame` (internal).
pub static FRAME_TYPE: Type = Type::builtin(&Q_FRAME, Some(&obj::class::OBJECT_TYPE), Kind::Frame, 0, &SLOTS, &[]);
