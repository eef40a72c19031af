//! `range`: start, stop, step as machine integers.
//!
//! ```text
//!  RangeObj  ObjHeader | start isize | stop isize | step isize
//! ```

use frostbyte_format::CmpOp;

use super::{Args, Builtin, Kind, Layout, Slots, Type};
use crate::obj::{self, exception as exc, str::StrBuf};
use crate::qstr;
use crate::rom::ObjHeader;
use crate::runtime;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Range layout.
#[repr(C)]
pub struct RangeObj {
    hdr: ObjHeader,
    /// First value.
    pub start: isize,
    /// End (exclusive).
    pub stop: isize,
    /// Step (never 0).
    pub step: isize,
}

// SAFETY: repr(C), starts with ObjHeader; RANGE_TYPE has kind Range.
unsafe impl Layout for RangeObj {
    const KIND: Kind = Kind::Range;
}

impl RangeObj {
    /// Number of values.
    pub fn len(&self) -> usize {
        obj::slice::slice_len(self.start, self.stop, self.step)
    }
    /// Is the range empty?
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Borrow a range.
pub fn as_range(v: Value) -> Option<&'static RangeObj> {
    obj::downcast::<RangeObj>(v)
}

/// A new range. May collect.
pub fn new(vm: &mut Vm<'_>, start: isize, stop: isize, step: isize) -> PyResult<Value> {
    let v = vm.alloc_obj(&RANGE_TYPE, core::mem::size_of::<RangeObj>())?;
    // SAFETY: fresh RangeObj.
    unsafe {
        let p = v.as_ptr() as *mut RangeObj;
        (*p).start = start;
        (*p).stop = stop;
        (*p).step = step;
    }
    Ok(v)
}

fn arg(vm: &mut Vm<'_>, v: Value) -> PyResult<isize> {
    let i = runtime::index_arg_typed(vm, v)?;
    Ok(i as isize)
}

fn new_range(vm: &mut Vm<'_>, _cls: Value, args: &Args<'_>) -> PyResult<Value> {
    if !args.kwnames.is_empty() {
        return Err(vm.type_error(format_args!("range() takes no keyword arguments")));
    }
    let (start, stop, step) = match args.pos.len() {
        1 => (0, arg(vm, args.pos[0])?, 1),
        2 => (arg(vm, args.pos[0])?, arg(vm, args.pos[1])?, 1),
        3 => (arg(vm, args.pos[0])?, arg(vm, args.pos[1])?, arg(vm, args.pos[2])?),
        0 => return Err(vm.type_error(format_args!("range expected at least 1 argument, got 0"))),
        n => return Err(vm.type_error(format_args!("range expected at most 3 arguments, got {n}"))),
    };
    if step == 0 {
        return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "range() arg 3 must not be zero"));
    }
    new(vm, start, stop, step)
}

fn repr(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf) -> PyResult<()> {
    let Some(r) = as_range(v) else { return Ok(()) };
    if r.step == 1 {
        sb.push_fmt(vm, format_args!("range({}, {})", r.start, r.stop))
    } else {
        sb.push_fmt(vm, format_args!("range({}, {}, {})", r.start, r.stop, r.step))
    }
}

fn len(_vm: &mut Vm<'_>, v: Value) -> PyResult<usize> {
    Ok(as_range(v).map(|r| r.len()).unwrap_or(0))
}

fn getitem(vm: &mut Vm<'_>, v: Value, k: Value) -> PyResult<Value> {
    let Some(r) = as_range(v) else { return Ok(Value::NONE) };
    let (start, step, n) = (r.start, r.step, r.len());
    if let Some(sl) = obj::slice::as_slice(k) {
        let (a, b, c) = sl.indices(vm, n)?;
        let cnt = obj::slice::slice_len(a, b, c) as isize;
        let ns = start + a * step;
        return new(vm, ns, ns + cnt * step * c, step * c);
    }
    let i = runtime::index_arg(vm, k, "range indices must be integers or slices, not str")?;
    match runtime::norm_index(i, n) {
        Some(i) => Ok(Value::small_int(start + i as isize * step)),
        None => Err(vm.raise_msg(&exc::INDEX_ERROR_TYPE, "range object index out of range")),
    }
}

fn contains(vm: &mut Vm<'_>, v: Value, x: Value) -> PyResult<bool> {
    let Some(r) = as_range(v) else { return Ok(false) };
    let Some(i) = obj::int::to_i64(x).filter(|_| obj::int::is_int(x) && !obj::float::as_f64(x).is_some()) else {
        // Non-ints: compare by equality.
        let n = r.len();
        let (s, st) = (r.start, r.step);
        for k in 0..n {
            if runtime::eq(vm, Value::small_int(s + k as isize * st), x)? {
                return Ok(true);
            }
        }
        return Ok(false);
    };
    let i = i as isize;
    let ok = if r.step > 0 { i >= r.start && i < r.stop } else { i <= r.start && i > r.stop };
    Ok(ok && (i - r.start) % r.step == 0)
}

fn iter(vm: &mut Vm<'_>, v: Value) -> PyResult<Value> {
    let Some(r) = as_range(v) else { return Ok(Value::NONE) };
    obj::iter::new_range_iter(vm, r.start, r.step, r.len())
}

fn richcmp(_vm: &mut Vm<'_>, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (as_range(a), as_range(b)) else { return Ok(Value::NOT_IMPLEMENTED) };
    let (lx, ly) = (x.len(), y.len());
    let same = lx == ly && (lx == 0 || (x.start == y.start && (lx == 1 || x.step == y.step)));
    match op {
        CmpOp::Eq => Ok(Value::bool(same)),
        CmpOp::Ne => Ok(Value::bool(!same)),
        _ => Ok(Value::NOT_IMPLEMENTED),
    }
}

fn getattr(_vm: &mut Vm<'_>, v: Value, name: Value) -> PyResult<Value> {
    let Some(r) = as_range(v) else { return Ok(Value::NULL) };
    Ok(match obj::str::as_str(name) {
        Some("start") => Value::small_int(r.start),
        Some("stop") => Value::small_int(r.stop),
        Some("step") => Value::small_int(r.step),
        _ => Value::NULL,
    })
}

fn r_index(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let v = args.get(0);
    let x = args.get(1);
    if contains(vm, v, x)? {
        if let (Some(r), Some(i)) = (as_range(v), obj::int::to_i64(x)) {
            return Ok(Value::small_int((i as isize - r.start) / r.step));
        }
    }
    Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "value is not in range"))
}

fn r_count(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    Ok(Value::small_int(contains(vm, args.get(0), args.get(1))? as isize))
}

static METHODS: &[Builtin] = &[Builtin::method(&qstr::index, r_index), Builtin::method(&qstr::count, r_count)];

static SLOTS: Slots = Slots {
    repr: Some(repr),
    len: Some(len),
    getitem: Some(getitem),
    contains: Some(contains),
    iter: Some(iter),
    richcmp: Some(richcmp),
    getattr: Some(getattr),
    new: Some(new_range),
    ..Slots::EMPTY
};

/// `range`.
pub static RANGE_TYPE: Type = Type::builtin(&qstr::range, Some(&obj::class::OBJECT_TYPE), Kind::Range, 0, &SLOTS, METHODS);
