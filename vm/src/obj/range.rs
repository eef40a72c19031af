//! `range`: start, stop, step as int values (small or big).
//!
//! ```text
//!  RangeObj  ObjHeader | start Value | stop Value | step Value   (ints; step != 0)
//! ```
//! When all three are small ints (the common case) every operation runs on machine
//! integers: differences of two small ints fit an `isize`, so the length and every element
//! do too. Otherwise (`range(10 ** 20)`) the operations use big-int arithmetic, as CPython's
//! do; iterating such a range uses a `longrange_iterator` (`obj::iter`).

use core::cmp::Ordering;

use frostbyte_format::{BinOp, CmpOp};

use super::{Args, Builtin, Kind, Layout, Slots, Type};
use crate::heap::Tracer;
use crate::obj::{self, exception as exc, int, str::StrBuf};
use crate::qstr;
use crate::rom::ObjHeader;
use crate::runtime;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Range layout.
#[repr(C)]
pub struct RangeObj {
    hdr: ObjHeader,
    /// First value (int).
    pub start: Value,
    /// End, exclusive (int).
    pub stop: Value,
    /// Step (int, never 0).
    pub step: Value,
}

// SAFETY: repr(C), starts with ObjHeader; RANGE_TYPE has kind Range.
unsafe impl Layout for RangeObj {
    const KIND: Kind = Kind::Range;
}

impl RangeObj {
    /// `(start, stop, step)` as machine integers when all three are small ints.
    pub fn small(&self) -> Option<(isize, isize, isize)> {
        Some((self.start.as_small_int()?, self.stop.as_small_int()?, self.step.as_small_int()?))
    }
}

/// Borrow a range.
pub fn as_range(v: Value) -> Option<&'static RangeObj> {
    obj::downcast::<RangeObj>(v)
}

/// A new range of three int values (rooted by the caller; `step` non-zero). May collect.
pub fn new(vm: &mut Vm<'_>, start: Value, stop: Value, step: Value) -> PyResult<Value> {
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

fn trace(v: Value, t: &mut Tracer<'_>) {
    if let Some(r) = as_range(v) {
        t.mark(r.start);
        t.mark(r.stop);
        t.mark(r.step);
    }
}

fn is_neg(v: Value) -> bool {
    runtime::is_negative(v)
}

/// `a OP b` on ints, rooting the result until the caller's `pop_roots`. May collect.
fn arith(vm: &mut Vm<'_>, op: BinOp, a: Value, b: Value) -> PyResult<Value> {
    let r = int::int_binop(vm, op, a, b)?;
    vm.push_root(r)?;
    Ok(r)
}

/// The number of values as an int (big-int arithmetic; the range is rooted by the caller).
/// May collect.
fn length_value(vm: &mut Vm<'_>, r: &RangeObj) -> PyResult<Value> {
    if let Some((a, b, c)) = r.small() {
        return int::from_i64(vm, obj::slice::slice_len(a, b, c) as i64);
    }
    let m = vm.roots_mark();
    let (lo, hi, step) = if is_neg(r.step) {
        (r.stop, r.start, arith(vm, BinOp::Sub, Value::small_int(0), r.step)?)
    } else {
        (r.start, r.stop, r.step)
    };
    let n = if int::cmp(lo, hi) != Some(Ordering::Less) {
        Value::small_int(0)
    } else {
        let d = arith(vm, BinOp::Sub, hi, lo)?;
        let d = arith(vm, BinOp::Sub, d, Value::small_int(1))?;
        let q = arith(vm, BinOp::FloorDiv, d, step)?;
        int::int_binop(vm, BinOp::Add, q, Value::small_int(1))?
    };
    vm.pop_roots(m);
    Ok(n)
}

fn overflow(vm: &mut Vm<'_>) -> crate::vm::Raised {
    vm.raise_msg(&exc::OVERFLOW_ERROR_TYPE, "Python int too large to convert to C ssize_t")
}

/// The number of values; OverflowError if it does not fit an `isize`. May collect.
pub fn length(vm: &mut Vm<'_>, v: Value) -> PyResult<usize> {
    let Some(r) = as_range(v) else { return Ok(0) };
    if let Some((a, b, c)) = r.small() {
        return Ok(obj::slice::slice_len(a, b, c));
    }
    let n = length_value(vm, r)?;
    match int::to_i64(n) {
        Some(n) if n <= isize::MAX as i64 => Ok(n as usize),
        _ => Err(overflow(vm)),
    }
}

/// An int argument through `__index__` (bools become ints). May collect.
fn index_value(vm: &mut Vm<'_>, v: Value) -> PyResult<Value> {
    if let Some(i) = int::small_value(v) {
        return Ok(Value::small_int(i as isize));
    }
    if int::is_int(v) {
        return Ok(v);
    }
    if let Some(r) = runtime::call_dunder(vm, v, &qstr::__index__, &[])? {
        if int::is_int(r) {
            return index_value(vm, r);
        }
    }
    Err(vm.type_error(format_args!("'{}' object cannot be interpreted as an integer", obj::type_name(v))))
}

fn new_range(vm: &mut Vm<'_>, _cls: Value, args: &Args<'_>) -> PyResult<Value> {
    if !args.kwnames.is_empty() {
        return Err(vm.type_error(format_args!("range() takes no keyword arguments")));
    }
    let n = args.pos.len();
    if n == 0 {
        return Err(vm.type_error(format_args!("range expected at least 1 argument, got 0")));
    }
    if n > 3 {
        return Err(vm.type_error(format_args!("range expected at most 3 arguments, got {n}")));
    }
    let m = vm.roots_mark();
    let mut vals = [Value::small_int(0), Value::small_int(0), Value::small_int(1)];
    let slots: &[usize] = match n {
        1 => &[1],
        2 => &[0, 1],
        _ => &[0, 1, 2],
    };
    for (a, &s) in args.pos.iter().zip(slots) {
        vals[s] = index_value(vm, *a)?;
        vm.push_root(vals[s])?;
    }
    if int::small_value(vals[2]) == Some(0) {
        vm.pop_roots(m);
        return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "range() arg 3 must not be zero"));
    }
    let r = new(vm, vals[0], vals[1], vals[2]);
    vm.pop_roots(m);
    r
}

fn repr(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf) -> PyResult<()> {
    let Some(r) = as_range(v) else { return Ok(()) };
    sb.push(vm, "range(")?;
    int::write_decimal(vm, r.start, sb)?;
    sb.push(vm, ", ")?;
    int::write_decimal(vm, r.stop, sb)?;
    if int::small_value(r.step) != Some(1) {
        sb.push(vm, ", ")?;
        int::write_decimal(vm, r.step, sb)?;
    }
    sb.push(vm, ")")
}

fn len(vm: &mut Vm<'_>, v: Value) -> PyResult<usize> {
    length(vm, v)
}

/// Non-empty (no length computed, so `bool(range(2 ** 64))` does not overflow).
fn truth(_vm: &mut Vm<'_>, v: Value) -> PyResult<bool> {
    let Some(r) = as_range(v) else { return Ok(false) };
    let want = if is_neg(r.step) { Ordering::Greater } else { Ordering::Less };
    Ok(int::cmp(r.start, r.stop) == Some(want))
}

/// CPython's range hash: `hash((len, start, step))`, with `(0, None, None)` for an empty
/// range and `(1, start, None)` for a one-item range (equal ranges hash alike). May collect.
fn hash(vm: &mut Vm<'_>, v: Value) -> PyResult<isize> {
    let Some(r) = as_range(v) else { return Ok(0) };
    let m = vm.roots_mark();
    let res = (|| {
        let n = length_value(vm, r)?;
        vm.push_root(n)?;
        let key = match int::small_value(n) {
            Some(0) => [n, Value::NONE, Value::NONE],
            Some(1) => [n, r.start, Value::NONE],
            _ => [n, r.start, r.step],
        };
        obj::tuple::hash_items(vm, &key)
    })();
    vm.pop_roots(m);
    res
}

/// `r[i]` for an int index `i` (any size). May collect.
fn item(vm: &mut Vm<'_>, r: &RangeObj, i: Value) -> PyResult<Value> {
    if let (Some((start, stop, step)), Some(i)) = (r.small(), int::to_i64(i)) {
        let n = obj::slice::slice_len(start, stop, step);
        return match runtime::norm_index(i, n) {
            Some(i) => int::from_i64(vm, start as i64 + i as i64 * step as i64),
            None => Err(vm.raise_msg(&exc::INDEX_ERROR_TYPE, "range object index out of range")),
        };
    }
    let m = vm.roots_mark();
    let n = length_value(vm, r)?;
    vm.push_root(n)?;
    let i = if is_neg(i) { arith(vm, BinOp::Add, i, n)? } else { i };
    if is_neg(i) || int::cmp(i, n) != Some(Ordering::Less) {
        vm.pop_roots(m);
        return Err(vm.raise_msg(&exc::INDEX_ERROR_TYPE, "range object index out of range"));
    }
    let off = arith(vm, BinOp::Mul, i, r.step)?;
    let x = int::int_binop(vm, BinOp::Add, r.start, off);
    vm.pop_roots(m);
    x
}

/// A slice bound or step as an int value (`None`: NULL); CPython's `_PyEval_SliceIndex`
/// errors for anything else. May collect.
fn slice_part(vm: &mut Vm<'_>, v: Value) -> PyResult<Value> {
    if v == Value::NONE {
        return Ok(Value::NULL);
    }
    if int::is_int(v) {
        return index_value(vm, v);
    }
    match runtime::call_dunder(vm, v, &qstr::__index__, &[])? {
        Some(r) if int::is_int(r) => index_value(vm, r),
        _ => Err(vm.type_error(format_args!("slice indices must be integers or None or have an __index__ method"))),
    }
}

/// CPython's `_PySlice_GetLongIndices`: the slice's (start, stop, step) clamped to a
/// sequence of `len` items, as int values of any size (rooted until the caller's
/// `pop_roots`). May collect.
fn long_indices(vm: &mut Vm<'_>, sl: Value, len: Value) -> PyResult<[Value; 3]> {
    let Some(s) = obj::slice::as_slice(sl) else { return Ok([Value::small_int(0); 3]) };
    let (s0, s1, s2) = (s.start, s.stop, s.step);
    let step = slice_part(vm, s2)?;
    let step = if step.is_null() { Value::small_int(1) } else { step };
    vm.push_root(step)?;
    if int::small_value(step) == Some(0) {
        return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "slice step cannot be zero"));
    }
    let back = is_neg(step);
    let (lower, upper) = if back {
        (Value::small_int(-1), arith(vm, BinOp::Sub, len, Value::small_int(1))?)
    } else {
        (Value::small_int(0), len)
    };
    let mut out = [Value::NULL, Value::NULL, step];
    for (i, (part, dflt)) in
        [(s0, if back { upper } else { lower }), (s1, if back { lower } else { upper })].into_iter().enumerate()
    {
        let x = slice_part(vm, part)?;
        out[i] = if x.is_null() {
            dflt
        } else if is_neg(x) {
            let y = arith(vm, BinOp::Add, x, len)?;
            if int::cmp(y, lower) == Some(Ordering::Less) {
                lower
            } else {
                y
            }
        } else if int::cmp(x, upper) == Some(Ordering::Greater) {
            upper
        } else {
            vm.push_root(x)?;
            x
        };
    }
    Ok(out)
}

fn getitem(vm: &mut Vm<'_>, v: Value, k: Value) -> PyResult<Value> {
    let Some(r) = as_range(v) else { return Ok(Value::NONE) };
    if obj::slice::as_slice(k).is_some() {
        // CPython's compute_slice: range(r[a], r[b], step * c) for the clamped (a, b, c),
        // computed on ints of any size.
        let m = vm.roots_mark();
        let res = (|| {
            let n = length_value(vm, r)?;
            vm.push_root(n)?;
            let [ia, ib, ic] = long_indices(vm, k, n)?;
            let sa = arith(vm, BinOp::Mul, ia, r.step)?;
            let sa = arith(vm, BinOp::Add, r.start, sa)?;
            let sb = arith(vm, BinOp::Mul, ib, r.step)?;
            let sb = arith(vm, BinOp::Add, r.start, sb)?;
            let sc = arith(vm, BinOp::Mul, ic, r.step)?;
            new(vm, sa, sb, sc)
        })();
        vm.pop_roots(m);
        return res;
    }
    if !int::is_int(k) {
        // Raises the TypeError for non-integers, or gives the `__index__` value.
        if let Some(i) = runtime::call_dunder(vm, k, &qstr::__index__, &[])? {
            if int::is_int(i) {
                let m = vm.roots_mark();
                vm.push_root(i)?;
                let x = item(vm, r, i);
                vm.pop_roots(m);
                return x;
            }
        }
        return Err(vm.type_error(format_args!("range indices must be integers or slices, not {}", obj::type_name(k))));
    }
    item(vm, r, k)
}

fn contains(vm: &mut Vm<'_>, v: Value, x: Value) -> PyResult<bool> {
    let Some(r) = as_range(v) else { return Ok(false) };
    if !int::is_int(x) {
        // Non-ints: compare by equality.
        if let Some((s, e, st)) = r.small() {
            for k in 0..obj::slice::slice_len(s, e, st) {
                if runtime::eq(vm, Value::small_int(s + k as isize * st), x)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        return runtime::contains_by_iter(vm, v, x);
    }
    if let (Some((s, e, st)), Some(i)) = (r.small(), int::to_i64(x)) {
        let (s, e, st) = (s as i64, e as i64, st as i64);
        let inside = if st > 0 { i >= s && i < e } else { i <= s && i > e };
        return Ok(inside && (i - s) % st == 0);
    }
    let (lo, hi) = (int::cmp(r.start, x), int::cmp(x, r.stop));
    let inside = if is_neg(r.step) {
        lo != Some(Ordering::Less) && hi == Some(Ordering::Greater)
    } else {
        lo != Some(Ordering::Greater) && hi == Some(Ordering::Less)
    };
    if !inside {
        return Ok(false);
    }
    let m = vm.roots_mark();
    let d = arith(vm, BinOp::Sub, x, r.start)?;
    let rem = int::int_binop(vm, BinOp::Mod, d, r.step);
    vm.pop_roots(m);
    Ok(int::small_value(rem?) == Some(0))
}

fn iter(vm: &mut Vm<'_>, v: Value) -> PyResult<Value> {
    let Some(r) = as_range(v) else { return Ok(Value::NONE) };
    match r.small() {
        Some((s, e, st)) => obj::iter::new_range_iter(vm, s, st, obj::slice::slice_len(s, e, st)),
        None => obj::iter::new_long_range_iter(vm, r.start, v),
    }
}

/// `reversed(r)`: iterates `r[::-1]`. May collect.
pub fn reversed(vm: &mut Vm<'_>, v: Value) -> PyResult<Value> {
    let Some(r) = as_range(v) else { return Ok(Value::NONE) };
    // The reversed step must be a small int too (not so for the smallest one).
    if let Some((s, e, st)) = r.small().filter(|b| b.2 != crate::value::SMALL_INT_MIN) {
        let n = obj::slice::slice_len(s, e, st);
        let last = s + (n as isize - 1) * st;
        return obj::iter::new_range_iter(vm, last, -st, n);
    }
    let m = vm.roots_mark();
    let full = obj::slice::new(vm, Value::NONE, Value::NONE, Value::small_int(-1))?;
    vm.push_root(full)?;
    let rev = getitem(vm, v, full)?;
    vm.push_root(rev)?;
    let it = iter(vm, rev);
    vm.pop_roots(m);
    it
}

/// `(stop, step)` of a range (for its iterator).
pub fn stop_step(v: Value) -> Option<(Value, Value)> {
    as_range(v).map(|r| (r.stop, r.step))
}

fn richcmp(vm: &mut Vm<'_>, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (as_range(a), as_range(b)) else { return Ok(Value::NOT_IMPLEMENTED) };
    if !matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let m = vm.roots_mark();
    let lx = length_value(vm, x)?;
    vm.push_root(lx)?;
    let ly = length_value(vm, y)?;
    vm.pop_roots(m);
    let eq = |p: Value, q: Value| int::cmp(p, q) == Some(Ordering::Equal);
    let one = Value::small_int(1);
    let same = eq(lx, ly)
        && (int::small_value(lx) == Some(0) || (eq(x.start, y.start) && (eq(lx, one) || eq(x.step, y.step))));
    Ok(Value::bool(same == (op == CmpOp::Eq)))
}

fn getattr(_vm: &mut Vm<'_>, v: Value, name: Value) -> PyResult<Value> {
    let Some(r) = as_range(v) else { return Ok(Value::NULL) };
    Ok(match obj::str::as_str(name) {
        Some("start") => r.start,
        Some("stop") => r.stop,
        Some("step") => r.step,
        _ => Value::NULL,
    })
}

fn r_index(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let v = args.get(0);
    let x = args.get(1);
    let Some(r) = as_range(v) else { return Ok(Value::NONE) };
    if !int::is_int(x) {
        // CPython searches by iteration (equality) for anything but an exact int.
        return match search(vm, v, x, true)? {
            Some(i) => Ok(i),
            None => Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "sequence.index(x): x not in sequence")),
        };
    }
    if contains(vm, v, x)? {
        let m = vm.roots_mark();
        let d = arith(vm, BinOp::Sub, x, r.start)?;
        let q = int::int_binop(vm, BinOp::FloorDiv, d, r.step);
        vm.pop_roots(m);
        return q;
    }
    let m = vm.roots_mark();
    let text = runtime::repr(vm, x)?;
    vm.push_root(text)?;
    let e =
        vm.raise_fmt(&exc::VALUE_ERROR_TYPE, format_args!("{} is not in range", obj::str::as_str(text).unwrap_or("?")));
    vm.pop_roots(m);
    Err(e)
}

/// Iterate `v` comparing items with `x` by equality: the index of the first equal item
/// (`first`), or the number of equal items. `None` when `first` and absent. May collect.
fn search(vm: &mut Vm<'_>, v: Value, x: Value, first: bool) -> PyResult<Option<Value>> {
    let m = vm.roots_mark();
    let res = (|| {
        let it = iter(vm, v)?;
        vm.push_root(it)?;
        let (mut i, mut hits): (i64, i64) = (0, 0);
        while let Some(y) = runtime::next(vm, it)? {
            if runtime::eq(vm, y, x)? {
                if first {
                    return int::from_i64(vm, i).map(Some);
                }
                hits += 1;
            }
            i += 1;
        }
        if first {
            Ok(None)
        } else {
            int::from_i64(vm, hits).map(Some)
        }
    })();
    vm.pop_roots(m);
    res
}

fn r_count(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let (v, x) = (args.get(0), args.get(1));
    if !int::is_int(x) {
        return Ok(search(vm, v, x, false)?.unwrap_or(Value::small_int(0)));
    }
    Ok(Value::small_int(contains(vm, v, x)? as isize))
}

static METHODS: &[Builtin] = &[Builtin::method(&qstr::index, r_index), Builtin::method(&qstr::count, r_count)];

static SLOTS: Slots = Slots {
    trace: Some(trace),
    repr: Some(repr),
    hash: Some(hash),
    truth: Some(truth),
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
pub static RANGE_TYPE: Type =
    Type::builtin(&qstr::range, Some(&obj::class::OBJECT_TYPE), Kind::Range, 0, &SLOTS, METHODS);
