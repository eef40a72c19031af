//! `slice`: start, stop, step values (any of them None).
//!
//! ```text
//!  SliceObj  ObjHeader | start Value | stop Value | step Value
//! ```

use frostbyte_format::CmpOp;

use super::{Args, Kind, Layout, Slots, Type};
use crate::heap::Tracer;
use crate::obj::{self, exception as exc, str::StrBuf};
use crate::qstr;
use crate::rom::ObjHeader;
use crate::runtime;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Slice layout.
#[repr(C)]
pub struct SliceObj {
    hdr: ObjHeader,
    /// Start or None.
    pub start: Value,
    /// Stop or None.
    pub stop: Value,
    /// Step or None.
    pub step: Value,
}

// SAFETY: repr(C), starts with ObjHeader; SLICE_TYPE has kind Slice.
unsafe impl Layout for SliceObj {
    const KIND: Kind = Kind::Slice;
}

/// Borrow a slice.
pub fn as_slice(v: Value) -> Option<&'static SliceObj> {
    obj::downcast::<SliceObj>(v)
}

/// A new slice (values rooted by the caller). May collect.
pub fn new(vm: &mut Vm<'_>, start: Value, stop: Value, step: Value) -> PyResult<Value> {
    let v = vm.alloc_obj(&SLICE_TYPE, core::mem::size_of::<SliceObj>())?;
    // SAFETY: fresh SliceObj.
    unsafe {
        let p = v.as_ptr() as *mut SliceObj;
        (*p).start = start;
        (*p).stop = stop;
        (*p).step = step;
    }
    Ok(v)
}

/// Number of indices in `range(start, stop, step)`.
pub fn slice_len(start: isize, stop: isize, step: isize) -> usize {
    if step > 0 {
        if stop > start {
            ((stop - start - 1) / step + 1) as usize
        } else {
            0
        }
    } else if step < 0 {
        if start > stop {
            ((start - stop - 1) / (-step) + 1) as usize
        } else {
            0
        }
    } else {
        0
    }
}

/// An int clamped to half the isize range, so index arithmetic on it cannot overflow.
fn clamp_int(v: Value) -> isize {
    match obj::int::to_i64(v) {
        Some(i) => i.clamp(isize::MIN as i64 / 2, isize::MAX as i64 / 2) as isize,
        None if runtime::is_negative(v) => isize::MIN / 2,
        None => isize::MAX / 2,
    }
}

fn idx(vm: &mut Vm<'_>, v: Value) -> PyResult<Option<isize>> {
    if v == Value::NONE || v.is_null() {
        return Ok(None);
    }
    if obj::int::is_int(v) {
        return Ok(Some(clamp_int(v)));
    }
    match runtime::call_dunder(vm, v, &qstr::__index__, &[])? {
        Some(r) if obj::int::is_int(r) => Ok(Some(clamp_int(r))),
        Some(r) => Err(vm.type_error(format_args!("__index__ returned non-int (type {})", obj::type_name(r)))),
        None => Err(vm.type_error(format_args!("slice indices must be integers or None or have an __index__ method"))),
    }
}

/// A slice's bounds read (CPython's `PySlice_Unpack`) but not yet fitted to a length.
#[derive(Clone, Copy, Debug)]
pub struct Unpacked {
    start: Option<isize>,
    stop: Option<isize>,
    step: isize,
}

impl SliceObj {
    /// CPython's `PySlice_GetIndicesEx`: (start, stop, step) clamped for a sequence of `len`.
    /// Only for sequences whose length cannot change while `__index__` methods run (tuple,
    /// str, bytes, range); a list reads its length after [`SliceObj::unpack`]. May run
    /// Python code.
    pub fn indices(&self, vm: &mut Vm<'_>, len: usize) -> PyResult<(isize, isize, isize)> {
        Ok(self.unpack(vm)?.adjust(len))
    }

    /// Read the bounds, calling `__index__` where needed (CPython's `PySlice_Unpack`). May
    /// run Python code.
    pub fn unpack(&self, vm: &mut Vm<'_>) -> PyResult<Unpacked> {
        let (s0, s1, s2) = (self.start, self.stop, self.step);
        let step = idx(vm, s2)?.unwrap_or(1);
        if step == 0 {
            return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "slice step cannot be zero"));
        }
        let start = idx(vm, s0)?;
        let stop = idx(vm, s1)?;
        Ok(Unpacked { start, stop, step })
    }
}

impl Unpacked {
    /// (start, stop, step) clamped for a sequence of `len` (CPython's
    /// `PySlice_AdjustIndices`). Runs no Python code.
    pub fn adjust(self, len: usize) -> (isize, isize, isize) {
        let step = self.step;
        let len = len as isize;
        let (lo, hi) = if step < 0 { (-1, len - 1) } else { (0, len) };
        let fix = |x: Option<isize>, dflt: isize| -> isize {
            match x {
                None => dflt,
                Some(mut v) => {
                    if v < 0 {
                        v += len;
                        if v < lo {
                            v = lo;
                        }
                    } else if v > hi {
                        v = hi;
                    }
                    v
                }
            }
        };
        let start = fix(self.start, if step < 0 { hi } else { lo });
        let stop = fix(self.stop, if step < 0 { lo } else { hi });
        (start, stop, step)
    }
}

fn trace(v: Value, t: &mut Tracer<'_>) {
    if let Some(s) = as_slice(v) {
        t.mark(s.start);
        t.mark(s.stop);
        t.mark(s.step);
    }
}

fn repr(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf) -> PyResult<()> {
    let Some(s) = as_slice(v) else { return Ok(()) };
    let (a, b, c) = (s.start, s.stop, s.step);
    sb.push(vm, "slice(")?;
    runtime::repr_into(vm, a, sb)?;
    sb.push(vm, ", ")?;
    runtime::repr_into(vm, b, sb)?;
    sb.push(vm, ", ")?;
    runtime::repr_into(vm, c, sb)?;
    sb.push(vm, ")")
}

fn new_slice(vm: &mut Vm<'_>, _cls: Value, args: &Args<'_>) -> PyResult<Value> {
    match args.pos.len() {
        1 => new(vm, Value::NONE, args.pos[0], Value::NONE),
        2 => new(vm, args.pos[0], args.pos[1], Value::NONE),
        3 => new(vm, args.pos[0], args.pos[1], args.pos[2]),
        n => Err(vm.type_error(format_args!("slice expected at least 1 argument, got {n}"))),
    }
}

fn getattr(_vm: &mut Vm<'_>, v: Value, name: Value) -> PyResult<Value> {
    let Some(s) = as_slice(v) else { return Ok(Value::NULL) };
    Ok(match obj::str::as_str(name) {
        Some("start") => s.start,
        Some("stop") => s.stop,
        Some("step") => s.step,
        _ => Value::NULL,
    })
}

fn richcmp(vm: &mut Vm<'_>, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
    // As CPython: the (start, stop, step) tuples compared.
    let (Some(x), Some(y)) = (as_slice(a), as_slice(b)) else { return Ok(Value::NOT_IMPLEMENTED) };
    let triple = |vm: &mut Vm<'_>, s: &SliceObj| -> PyResult<Value> {
        let t = obj::tuple::alloc(vm, 3)?;
        for (i, x) in [s.start, s.stop, s.step].into_iter().enumerate() {
            obj::tuple::init_item(t, i, x);
        }
        Ok(t)
    };
    let m = vm.roots_mark();
    let tx = triple(vm, x)?;
    vm.push_root(tx)?;
    let ty = triple(vm, y);
    let r = match ty {
        Ok(ty) => vm.push_root(ty).and_then(|_| runtime::compare(vm, tx, ty, op)),
        Err(e) => Err(e),
    };
    vm.pop_roots(m);
    r
}

/// `slice.indices(length)`.
fn indices(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    runtime::check_nargs(vm, "indices", args, 2, 2)?;
    let Some(s) = as_slice(args.pos[0]) else {
        return Err(vm.type_error(format_args!("descriptor requires a 'slice' object")));
    };
    let n = runtime::index_arg_typed(vm, args.pos[1])?;
    let Ok(n) = usize::try_from(n) else {
        return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "length should not be negative"));
    };
    let (a, b, c) = s.indices(vm, n)?;
    let m = vm.roots_mark();
    let mut vals = [Value::NONE; 3];
    for (slot, x) in vals.iter_mut().zip([a, b, c]) {
        *slot = obj::int::from_i64(vm, x as i64)?;
        vm.push_root(*slot)?;
    }
    let t = obj::tuple::alloc(vm, 3);
    vm.pop_roots(m);
    let t = t?;
    for (i, x) in vals.into_iter().enumerate() {
        obj::tuple::init_item(t, i, x);
    }
    Ok(t)
}

crate::static_qstr!(Q_INDICES, "indices");
static METHODS: &[super::Builtin] = &[super::Builtin::method(&Q_INDICES, indices)];

static SLOTS: Slots = Slots {
    trace: Some(trace),
    repr: Some(repr),
    getattr: Some(getattr),
    richcmp: Some(richcmp),
    new: Some(new_slice),
    ..Slots::EMPTY
};

/// `slice`.
pub static SLICE_TYPE: Type =
    Type::builtin(&qstr::slice, Some(&obj::class::OBJECT_TYPE), Kind::Slice, super::flags::UNHASHABLE, &SLOTS, METHODS);
