//! Iterator objects: sequence, range, dict, set, enumerate, zip, map, filter, reversed,
//! callable-with-sentinel and `__getitem__` iterators. They share one layout:
//!
//! ```text
//!  IterObj  ObjHeader | a Value | b Value | i Cell<isize> | n Cell<isize>
//! ```
//! The meaning of the fields depends on the iterator type (documented on each constructor).

use core::cell::Cell;

use super::{Args, Kind, Layout, Slots, Type};
use crate::heap::Tracer;
use crate::obj::{self, dict_methods as dm, str::StrBuf};
use crate::qstr;
use crate::rom::ObjHeader;
use crate::runtime;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Shared iterator layout.
#[repr(C)]
pub struct IterObj {
    hdr: ObjHeader,
    a: Cell<Value>,
    b: Cell<Value>,
    i: Cell<isize>,
    n: Cell<isize>,
}

// SAFETY: repr(C), starts with ObjHeader; all iterator types here have kind Iter.
unsafe impl Layout for IterObj {
    const KIND: Kind = Kind::Iter;
}

fn it(v: Value) -> Option<&'static IterObj> {
    obj::downcast::<IterObj>(v)
}

fn make(vm: &mut Vm<'_>, ty: &'static Type, a: Value, b: Value, i: isize, n: isize) -> PyResult<Value> {
    let m = vm.roots_mark();
    vm.push_root(a)?;
    vm.push_root(b)?;
    let v = vm.alloc_obj(ty, core::mem::size_of::<IterObj>());
    vm.pop_roots(m);
    let v = v?;
    if let Some(x) = it(v) {
        x.a.set(a);
        x.b.set(b);
        x.i.set(i);
        x.n.set(n);
    }
    Ok(v)
}

fn trace(v: Value, t: &mut Tracer<'_>) {
    if let Some(x) = it(v) {
        t.mark(x.a.get());
        t.mark(x.b.get());
    }
}

fn self_iter(_vm: &mut Vm<'_>, v: Value) -> PyResult<Value> {
    Ok(v)
}

macro_rules! iter_type {
    ($static:ident, $q:ident, $text:literal, $next:expr) => {
        crate::static_qstr!($q, $text);
        /// Iterator type.
        pub static $static: Type = Type::builtin(
            &$q,
            Some(&obj::class::OBJECT_TYPE),
            Kind::Iter,
            0,
            &Slots { trace: Some(trace), iter: Some(self_iter), next: Some($next), ..Slots::EMPTY },
            &[],
        );
    };
}

// ----- sequences (list, tuple, str, bytes): a = seq, i = index -----

/// Iterator over a list, tuple, str or bytes.
pub fn new_seq_iter(vm: &mut Vm<'_>, seq: Value) -> PyResult<Value> {
    let ty: &'static Type = if obj::str::is_str(seq) {
        &STR_ITER_TYPE
    } else if obj::list::as_list(seq).is_some() {
        &LIST_ITER_TYPE
    } else if byte_seq(seq).is_some() {
        &BYTES_ITER_TYPE
    } else {
        &TUPLE_ITER_TYPE
    };
    make(vm, ty, seq, Value::NULL, 0, 0)
}

/// The bytes of a bytes or bytearray (other buffers have iterators of their own).
fn byte_seq(v: Value) -> Option<&'static [u8]> {
    obj::bytes::as_bytes(v).or_else(|| obj::bytearray::data(v))
}

fn seq_next(vm: &mut Vm<'_>, v: Value) -> PyResult<Option<Value>> {
    let Some(x) = it(v) else { return Ok(None) };
    let s = x.a.get();
    let i = x.i.get() as usize;
    let r = if let Some(l) = obj::list::as_list(s) {
        l.get(i)
    } else if let Some(t) = obj::tuple::items(s) {
        t.get(i).copied()
    } else if let Some(b) = byte_seq(s) {
        b.get(i).map(|c| Value::small_int(*c as isize))
    } else {
        None
    };
    step(x, i, r);
    let _ = vm;
    Ok(r)
}

/// Fast path for FOR_ITER: the next item of a list or tuple iterator (`None`: another
/// iterator type). Same semantics as `seq_next`: the index is checked against the list's
/// length at every step, so a list mutated during the loop behaves as in CPython.
#[inline(always)]
pub fn seq_next_fast(v: Value) -> Option<Option<Value>> {
    let x = it(v)?;
    let t = obj::type_of(v);
    let i = x.i.get() as usize;
    let s = x.a.get();
    let r = if core::ptr::eq(t, &LIST_ITER_TYPE) {
        obj::list::as_list(s).and_then(|l| l.get(i))
    } else if core::ptr::eq(t, &TUPLE_ITER_TYPE) {
        obj::tuple::items(s).and_then(|items| items.get(i).copied())
    } else {
        return None;
    };
    step(x, i, r);
    Some(r)
}

/// Advance a sequence iterator past item `i`, or (`r` is `None`) mark it exhausted: it lets
/// go of its sequence, so items appended later are not seen (CPython's `it_seq = NULL`).
#[inline(always)]
fn step(x: &IterObj, i: usize, r: Option<Value>) {
    if r.is_some() {
        x.i.set(i as isize + 1);
    } else {
        x.a.set(Value::NULL);
    }
}

fn str_next(vm: &mut Vm<'_>, v: Value) -> PyResult<Option<Value>> {
    let Some(x) = it(v) else { return Ok(None) };
    let s = obj::str::as_str(x.a.get()).unwrap_or("");
    let pos = x.i.get() as usize; // byte offset
    let Some(c) = s.get(pos..).and_then(|t| t.chars().next()) else { return Ok(None) };
    x.i.set((pos + c.len_utf8()) as isize);
    obj::str::from_char(vm, c).map(Some)
}

iter_type!(LIST_ITER_TYPE, Q_LIST_ITER, "list_iterator", seq_next);
iter_type!(TUPLE_ITER_TYPE, Q_TUPLE_ITER, "tuple_iterator", seq_next);
iter_type!(BYTES_ITER_TYPE, Q_BYTES_ITER, "bytes_iterator", seq_next);
iter_type!(STR_ITER_TYPE, Q_STR_ITER, "str_ascii_iterator", str_next);

// ----- range: i = next value, n = remaining, b = step (small int) -----

/// Iterator over a range.
pub fn new_range_iter(vm: &mut Vm<'_>, start: isize, step: isize, len: usize) -> PyResult<Value> {
    make(vm, &RANGE_ITER_TYPE, Value::NULL, Value::small_int(step), start, len as isize)
}

/// Fast path for FOR_ITER: the next value of a range iterator.
pub fn range_next_fast(v: Value) -> Option<Option<Value>> {
    let x = it(v)?;
    if !core::ptr::eq(obj::type_of(v), &RANGE_ITER_TYPE) {
        return None;
    }
    let n = x.n.get();
    if n <= 0 {
        return Some(None);
    }
    let cur = x.i.get();
    x.n.set(n - 1);
    x.i.set(cur.wrapping_add(x.b.get().as_small_int().unwrap_or(1)));
    Some(Some(Value::small_int(cur)))
}

fn range_next(_vm: &mut Vm<'_>, v: Value) -> PyResult<Option<Value>> {
    Ok(range_next_fast(v).flatten())
}

iter_type!(RANGE_ITER_TYPE, Q_RANGE_ITER, "range_iterator", range_next);

// ----- range with big-int bounds: a = next value, b = the range (stop, step) -----

/// Iterator over a range whose bounds are not all small ints.
pub fn new_long_range_iter(vm: &mut Vm<'_>, start: Value, range: Value) -> PyResult<Value> {
    make(vm, &LONG_RANGE_ITER_TYPE, start, range, 0, 0)
}

fn long_range_next(vm: &mut Vm<'_>, v: Value) -> PyResult<Option<Value>> {
    let Some(x) = it(v) else { return Ok(None) };
    let Some((stop, step)) = obj::range::stop_step(x.b.get()) else { return Ok(None) };
    let cur = x.a.get();
    let more = match obj::int::cmp(cur, stop) {
        Some(core::cmp::Ordering::Less) => !runtime::is_negative(step),
        Some(core::cmp::Ordering::Greater) => runtime::is_negative(step),
        _ => false,
    };
    if !more {
        return Ok(None);
    }
    let m = vm.roots_mark();
    vm.push_root(cur)?;
    let nx = obj::int::int_binop(vm, frostbyte_format::BinOp::Add, cur, step);
    vm.pop_roots(m);
    x.a.set(nx?);
    Ok(Some(cur))
}

iter_type!(LONG_RANGE_ITER_TYPE, Q_LONG_RANGE_ITER, "longrange_iterator", long_range_next);

// ----- dict: a = dict, i = entry index, n = view kind, b = initial len -----

/// Iterator over a dict's keys, values or items (`kind` = `dict_methods::VIEW_*`).
pub fn new_dict_iter(vm: &mut Vm<'_>, d: Value, kind: u8) -> PyResult<Value> {
    let len = obj::dict::as_dict(d).map(|x| x.len()).unwrap_or(0);
    let ty: &'static Type = match kind {
        dm::VIEW_KEYS => &DICT_KEY_ITER_TYPE,
        dm::VIEW_VALUES => &DICT_VALUE_ITER_TYPE,
        _ => &DICT_ITEM_ITER_TYPE,
    };
    make(vm, ty, d, Value::small_int(len as isize), 0, kind as isize)
}

fn dict_next(vm: &mut Vm<'_>, v: Value) -> PyResult<Option<Value>> {
    let Some(x) = it(v) else { return Ok(None) };
    let d = x.a.get();
    let Some(dd) = obj::dict::as_dict(d) else { return Ok(None) };
    if Some(dd.len() as isize) != x.b.get().as_small_int() {
        x.b.set(Value::small_int(-1));
        return Err(vm.raise_msg(&obj::exception::RUNTIME_ERROR_TYPE, "dictionary changed size during iteration"));
    }
    let mut i = x.i.get() as usize;
    while let Some((k, val)) = dd.entry(i) {
        i += 1;
        if k.is_null() {
            continue;
        }
        x.i.set(i as isize);
        return Ok(Some(match x.n.get() as u8 {
            dm::VIEW_KEYS => k,
            dm::VIEW_VALUES => val,
            _ => obj::tuple::new(vm, &[k, val])?,
        }));
    }
    x.i.set(i as isize);
    Ok(None)
}

iter_type!(DICT_KEY_ITER_TYPE, Q_DKI, "dict_keyiterator", dict_next);
iter_type!(DICT_VALUE_ITER_TYPE, Q_DVI, "dict_valueiterator", dict_next);
iter_type!(DICT_ITEM_ITER_TYPE, Q_DII, "dict_itemiterator", dict_next);

// ----- set: a = set, i = slot index, n = initial len -----

/// Iterator over a set.
pub fn new_set_iter(vm: &mut Vm<'_>, s: Value) -> PyResult<Value> {
    let len = obj::set::as_set(s).map(|x| x.len()).unwrap_or(0);
    make(vm, &SET_ITER_TYPE, s, Value::NULL, 0, len as isize)
}

fn set_next(vm: &mut Vm<'_>, v: Value) -> PyResult<Option<Value>> {
    let Some(x) = it(v) else { return Ok(None) };
    let Some(s) = obj::set::as_set(x.a.get()) else { return Ok(None) };
    if s.len() as isize != x.n.get() {
        x.n.set(-1);
        return Err(vm.raise_msg(&obj::exception::RUNTIME_ERROR_TYPE, "Set changed size during iteration"));
    }
    let mut i = x.i.get() as usize;
    while let Some(k) = s.slot(i) {
        i += 1;
        if !k.is_null() {
            x.i.set(i as isize);
            return Ok(Some(k));
        }
    }
    x.i.set(i as isize);
    Ok(None)
}

iter_type!(SET_ITER_TYPE, Q_SET_ITER, "set_iterator", set_next);

// ----- enumerate: a = iterator, i = counter -----

fn new_enumerate(vm: &mut Vm<'_>, _cls: Value, args: &Args<'_>) -> PyResult<Value> {
    let src = if args.pos.is_empty() { args.kw("iterable") } else { args.get(0) };
    if src.is_null() {
        return Err(vm.type_error(format_args!("enumerate() missing required argument 'iterable' (pos 1)")));
    }
    let start = if args.pos.len() > 1 { args.pos[1] } else { args.kw("start") };
    // A start past the machine word is kept as a big int (see `enumerate_count`).
    let (start, big) = if start.is_null() {
        (0, Value::NULL)
    } else if obj::int::is_int(start) {
        match obj::int::to_i64(start).and_then(|i| isize::try_from(i).ok()) {
            Some(i) => (i, Value::NULL),
            None => (0, start),
        }
    } else {
        (runtime::index_arg_typed(vm, start)? as isize, Value::NULL)
    };
    let i = runtime::get_iter(vm, src)?;
    make(vm, &ENUMERATE_TYPE, i, big, start, 0)
}

fn enumerate_next(vm: &mut Vm<'_>, v: Value) -> PyResult<Option<Value>> {
    let Some(x) = it(v) else { return Ok(None) };
    let Some(item) = runtime::next(vm, x.a.get())? else { return Ok(None) };
    let m = vm.roots_mark();
    vm.push_root(item)?;
    let t = enumerate_count(vm, x).and_then(|n| {
        vm.push_root(n)?;
        obj::tuple::new(vm, &[n, item])
    });
    vm.pop_roots(m);
    t.map(Some)
}

/// The next count of an enumerate object, advancing it: the machine-word counter `i` while
/// it fits, then a big int kept in `b` (NULL until then), as CPython goes on past
/// `sys.maxsize`. May collect.
fn enumerate_count(vm: &mut Vm<'_>, x: &IterObj) -> PyResult<Value> {
    let big = x.b.get();
    let n = if big.is_null() { obj::int::from_i64(vm, x.i.get() as i64)? } else { big };
    match x.i.get().checked_add(1).filter(|_| big.is_null()) {
        Some(k) => x.i.set(k),
        None => {
            let m = vm.roots_mark();
            vm.push_root(n)?;
            let next = obj::int::int_binop(vm, frostbyte_format::BinOp::Add, n, Value::small_int(1));
            vm.pop_roots(m);
            x.b.set(next?);
        }
    }
    Ok(n)
}

fn generic_repr(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf) -> PyResult<()> {
    sb.push_fmt(vm, format_args!("<{} object at {:#x}>", obj::type_name(v), v.bits()))
}

macro_rules! builtin_iter_type {
    ($static:ident, $q:expr, $next:expr, $new:expr) => {
        /// Built-in iterator class.
        pub static $static: Type = Type::builtin(
            $q,
            Some(&obj::class::OBJECT_TYPE),
            Kind::Iter,
            0,
            &Slots {
                trace: Some(trace),
                iter: Some(self_iter),
                next: Some($next),
                new: Some($new),
                repr: Some(generic_repr),
                ..Slots::EMPTY
            },
            &[],
        );
    };
}

builtin_iter_type!(ENUMERATE_TYPE, &qstr::enumerate, enumerate_next, new_enumerate);

// ----- zip: a = tuple of iterators -----

fn new_zip(vm: &mut Vm<'_>, _cls: Value, args: &Args<'_>) -> PyResult<Value> {
    let t = obj::tuple::alloc(vm, args.pos.len())?;
    let m = vm.roots_mark();
    vm.push_root(t)?;
    for (k, a) in args.pos.iter().enumerate() {
        let i = runtime::get_iter(vm, *a)?;
        obj::tuple::init_item(t, k, i);
    }
    let strict = args.kw("strict");
    let strict = !strict.is_null() && runtime::truthy(vm, strict)?;
    let r = make(vm, &ZIP_TYPE, t, Value::NULL, 0, strict as isize);
    vm.pop_roots(m);
    r
}

fn zip_next(vm: &mut Vm<'_>, v: Value) -> PyResult<Option<Value>> {
    let Some(x) = it(v) else { return Ok(None) };
    let iters = x.a.get();
    let n = obj::tuple::items(iters).map(|t| t.len()).unwrap_or(0);
    if n == 0 {
        return Ok(None);
    }
    let out = obj::tuple::alloc(vm, n)?;
    let m = vm.roots_mark();
    vm.push_root(out)?;
    for k in 0..n {
        let i = obj::tuple::items(iters).and_then(|t| t.get(k).copied()).unwrap_or(Value::NONE);
        match runtime::next(vm, i)? {
            Some(item) => obj::tuple::init_item(out, k, item),
            None => {
                vm.pop_roots(m);
                if x.n.get() == 0 {
                    return Ok(None);
                }
                let plural = if k > 1 { "s" } else { "" };
                if k > 0 {
                    return Err(vm.value_error(format_args!(
                        "zip() argument {} is shorter than argument{plural} 1{}",
                        k + 1,
                        RangeTail(k)
                    )));
                }
                // strict=True and the first iterator is done: every other one must be too.
                for j in 1..n {
                    let i = obj::tuple::items(iters).and_then(|t| t.get(j).copied()).unwrap_or(Value::NONE);
                    if runtime::next(vm, i)?.is_some() {
                        let plural = if j > 1 { "s" } else { "" };
                        return Err(vm.value_error(format_args!(
                            "zip() argument {} is longer than argument{plural} 1{}",
                            j + 1,
                            RangeTail(j)
                        )));
                    }
                }
                return Ok(None);
            }
        }
    }
    vm.pop_roots(m);
    Ok(Some(out))
}

/// `-k` after "arguments 1" when the arguments before the failing one are several.
struct RangeTail(usize);

impl core::fmt::Display for RangeTail {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        if self.0 > 1 {
            write!(f, "-{}", self.0)
        } else {
            Ok(())
        }
    }
}

builtin_iter_type!(ZIP_TYPE, &qstr::zip, zip_next, new_zip);

// ----- map: a = function, b = tuple of iterators -----

fn new_map(vm: &mut Vm<'_>, _cls: Value, args: &Args<'_>) -> PyResult<Value> {
    if args.pos.len() < 2 {
        return Err(vm.type_error(format_args!("map() must have at least two arguments.")));
    }
    let t = obj::tuple::alloc(vm, args.pos.len() - 1)?;
    let m = vm.roots_mark();
    vm.push_root(t)?;
    for (k, a) in args.pos[1..].iter().enumerate() {
        let i = runtime::get_iter(vm, *a)?;
        obj::tuple::init_item(t, k, i);
    }
    let r = make(vm, &MAP_TYPE, args.pos[0], t, 0, 0);
    vm.pop_roots(m);
    r
}

fn map_next(vm: &mut Vm<'_>, v: Value) -> PyResult<Option<Value>> {
    let Some(x) = it(v) else { return Ok(None) };
    let iters = x.b.get();
    let n = obj::tuple::items(iters).map(|t| t.len()).unwrap_or(0);
    let argt = obj::tuple::alloc(vm, n)?;
    let m = vm.roots_mark();
    vm.push_root(argt)?;
    for k in 0..n {
        let i = obj::tuple::items(iters).and_then(|t| t.get(k).copied()).unwrap_or(Value::NONE);
        match runtime::next(vm, i)? {
            Some(item) => obj::tuple::init_item(argt, k, item),
            None => {
                vm.pop_roots(m);
                return Ok(None);
            }
        }
    }
    let f = x.a.get();
    let r = runtime::call(vm, f, obj::tuple::items(argt).unwrap_or(&[]));
    vm.pop_roots(m);
    r.map(Some)
}

builtin_iter_type!(MAP_TYPE, &qstr::map, map_next, new_map);

// ----- filter: a = function or None, b = iterator -----

fn new_filter(vm: &mut Vm<'_>, _cls: Value, args: &Args<'_>) -> PyResult<Value> {
    if args.pos.len() != 2 {
        return Err(vm.type_error(format_args!("filter expected 2 arguments, got {}", args.pos.len())));
    }
    let i = runtime::get_iter(vm, args.pos[1])?;
    make(vm, &FILTER_TYPE, args.pos[0], i, 0, 0)
}

fn filter_next(vm: &mut Vm<'_>, v: Value) -> PyResult<Option<Value>> {
    let Some(x) = it(v) else { return Ok(None) };
    loop {
        let Some(item) = runtime::next(vm, x.b.get())? else { return Ok(None) };
        let m = vm.roots_mark();
        vm.push_root(item)?;
        let f = x.a.get();
        let keep = if f == Value::NONE {
            runtime::truthy(vm, item)?
        } else {
            let r = runtime::call(vm, f, &[item])?;
            runtime::truthy(vm, r)?
        };
        vm.pop_roots(m);
        if keep {
            return Ok(Some(item));
        }
    }
}

builtin_iter_type!(FILTER_TYPE, &qstr::filter, filter_next, new_filter);

// ----- reversed: a = sequence, i = next index (counting down) -----

fn new_reversed(vm: &mut Vm<'_>, _cls: Value, args: &Args<'_>) -> PyResult<Value> {
    let s = args.get(0);
    if let Some(r) = runtime::call_dunder(vm, s, &qstr::__reversed__, &[])? {
        return Ok(r);
    }
    if obj::range::as_range(s).is_some() {
        return obj::range::reversed(vm, s);
    }
    if obj::dict::as_dict(s).is_some() || obj::type_of(s).kind == Kind::DictView {
        let l = obj::list::from_iter(vm, s)?;
        let m = vm.roots_mark();
        vm.push_root(l)?;
        let n = obj::list::as_list(l).map(|x| x.len()).unwrap_or(0);
        let r = make(vm, &REVERSED_TYPE, l, Value::NULL, n as isize - 1, 0);
        vm.pop_roots(m);
        return r;
    }
    let n = runtime::len(vm, s).map_err(|e| {
        if vm.pending_is(&obj::exception::TYPE_ERROR_TYPE) {
            vm.take_pending();
            vm.type_error(format_args!("'{}' object is not reversible", obj::type_name(s)))
        } else {
            e
        }
    })?;
    make(vm, &REVERSED_TYPE, s, Value::NULL, n as isize - 1, 0)
}

fn reversed_next(vm: &mut Vm<'_>, v: Value) -> PyResult<Option<Value>> {
    let Some(x) = it(v) else { return Ok(None) };
    let i = x.i.get();
    if i < 0 {
        return Ok(None);
    }
    let s = x.a.get();
    let n = runtime::len(vm, s)?;
    if i as usize >= n {
        x.i.set(-1);
        return Ok(None);
    }
    x.i.set(i - 1);
    runtime::get_item(vm, s, Value::small_int(i)).map(Some)
}

builtin_iter_type!(REVERSED_TYPE, &qstr::reversed, reversed_next, new_reversed);

// ----- iter(callable, sentinel): a = callable, b = sentinel -----

/// `iter(f, sentinel)`.
pub fn new_callable_iter(vm: &mut Vm<'_>, f: Value, sentinel: Value) -> PyResult<Value> {
    make(vm, &CALLABLE_ITER_TYPE, f, sentinel, 0, 0)
}

fn callable_next(vm: &mut Vm<'_>, v: Value) -> PyResult<Option<Value>> {
    let Some(x) = it(v) else { return Ok(None) };
    if x.n.get() != 0 {
        return Ok(None);
    }
    let r = runtime::call(vm, x.a.get(), &[])?;
    if r == x.b.get() || runtime::eq(vm, r, x.b.get())? {
        x.n.set(1);
        return Ok(None);
    }
    Ok(Some(r))
}

iter_type!(CALLABLE_ITER_TYPE, Q_CALL_ITER, "callable_iterator", callable_next);

// ----- __getitem__ protocol: a = object, i = index -----

/// Iterator using `__getitem__` with 0, 1, 2, ... until IndexError.
pub fn new_getitem_iter(vm: &mut Vm<'_>, o: Value) -> PyResult<Value> {
    make(vm, &GETITEM_ITER_TYPE, o, Value::NULL, 0, 0)
}

fn getitem_next(vm: &mut Vm<'_>, v: Value) -> PyResult<Option<Value>> {
    let Some(x) = it(v) else { return Ok(None) };
    let i = x.i.get();
    match runtime::get_item(vm, x.a.get(), Value::small_int(i)) {
        Ok(r) => {
            x.i.set(i + 1);
            Ok(Some(r))
        }
        Err(e) => {
            if vm.pending_is(&obj::exception::INDEX_ERROR_TYPE) || vm.pending_is(&obj::exception::STOP_ITERATION_TYPE) {
                vm.take_pending();
                Ok(None)
            } else {
                Err(e)
            }
        }
    }
}

iter_type!(GETITEM_ITER_TYPE, Q_GI_ITER, "iterator", getitem_next);
