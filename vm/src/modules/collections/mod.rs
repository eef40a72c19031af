//! `collections`: `deque` (this file), `namedtuple` and `ChainMap` (files of their own),
//! and the dict subtypes `OrderedDict`, `defaultdict` and `Counter` (static types over `dict`'s layout, one file each: they share dict's table
//! and slots and override what differs; `defaultdict` keeps its factory in one word after
//! the dict body).
//!
//! ```text
//!  DequeObj      ObjHeader | items Value (list) | maxlen isize (-1: None) | state usize
//!  DequeIterObj  ObjHeader | deque Value | index usize | state usize
//! ```
//! The items live in a list the deque owns, so `appendleft`/`popleft` move the items (a
//! ring buffer would not; deques on a small heap are short). `state` counts structural
//! changes: an iterator or a search whose comparison changes the deque raises
//! "deque mutated during iteration", as CPython's.

use frostbyte_format::{BinOp, CmpOp};

use crate::obj::{self, exception as exc, str::StrBuf, Args, Builtin, Kind, Slots, Type};
use crate::rom::ObjHeader;
use crate::runtime;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

mod chainmap;
mod counter;
mod defaultdict;
mod namedtuple;
mod ordereddict;

use namedtuple::namedtuple;

rom_module!("collections",
    fns: [namedtuple],
    values: [
        deque => Value::rom(&DEQUE_TYPE),
        OrderedDict => Value::rom(&ordereddict::ORDEREDDICT_TYPE),
        defaultdict => Value::rom(&defaultdict::DEFAULTDICT_TYPE),
        Counter => Value::rom(&counter::COUNTER_TYPE),
        ChainMap => Value::rom(&chainmap::CHAINMAP_TYPE),
    ],
);

const W: usize = core::mem::size_of::<usize>();

/// A new, empty instance of the static dict subtype `t`, with `extra` words after the dict
/// body. May collect.
fn alloc_dict(vm: &mut Vm<'_>, t: &'static Type, extra: usize) -> PyResult<Value> {
    vm.alloc_obj(t, core::mem::size_of::<obj::dict::DictObj>() + extra * W)
}

/// The next live `(key, value)` of dict `d` from entry `*i` on (advancing `*i`).
fn next_entry(d: Value, i: &mut usize) -> Option<(Value, Value)> {
    while let Some((k, v)) = obj::dict::as_dict(d).and_then(|x| x.entry(*i)) {
        *i += 1;
        if !k.is_null() {
            return Some((k, v));
        }
    }
    None
}

/// Is `v` an instance of the static type `t` (or of a subclass)?
fn is_a(v: Value, t: &'static Type) -> bool {
    obj::class::is_subclass(obj::type_of(v), t)
}

/// `self` of a method of the dict subtype `t`, or CPython's descriptor TypeError.
fn self_of(vm: &mut Vm<'_>, a: &Args<'_>, t: &'static Type, name: &str) -> PyResult<Value> {
    let v = a.get(0);
    if v.is_null() || !is_a(v, t) {
        return Err(vm.type_error(format_args!(
            "descriptor '{name}' for '{}' objects doesn't apply to a '{}' object",
            t.name(),
            if v.is_null() { "NoneType" } else { obj::type_name(v) }
        )));
    }
    Ok(v)
}

/// Keyword argument `name`, or positional `i` (NULL if neither).
fn arg(a: &Args<'_>, i: usize, name: &str) -> Value {
    match a.pos.get(i) {
        Some(v) => *v,
        None => a.kw(name),
    }
}

/// `dict(src, **kw)` into `d`. May collect.
fn fill(vm: &mut Vm<'_>, d: Value, src: Option<Value>, a: &Args<'_>) -> PyResult<()> {
    if let Some(x) = src {
        obj::dict::update(vm, d, x)?;
    }
    for (k, x) in a.kwnames.iter().zip(a.kwvals.iter()) {
        obj::dict::set(vm, d, *k, *x)?;
    }
    Ok(())
}

/// `cls.fromkeys(iterable, value=None)` for a dict subtype: `cls()` filled through its
/// `__setitem__` (dict's own `fromkeys` always makes a dict). May collect.
fn fromkeys(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    runtime::check_nargs(vm, "fromkeys", a, 2, 3)?;
    let x = a.pos.get(2).copied().unwrap_or(Value::NONE);
    let d = runtime::call(vm, a.pos[0], &[])?;
    let m = vm.roots_mark();
    vm.push_root(d)?;
    let r = (|| {
        let it = runtime::get_iter(vm, a.pos[1])?;
        vm.push_root(it)?;
        while let Some(k) = runtime::next(vm, it)? {
            vm.push_root(k)?;
            runtime::set_item(vm, d, k, x)?;
        }
        Ok(d)
    })();
    vm.pop_roots(m);
    r
}

/// `type(v)(*args)`: a copy made by `v`'s own class. May collect.
fn call_own_type(vm: &mut Vm<'_>, v: Value, args: &[Value]) -> PyResult<Value> {
    runtime::call(vm, obj::type_of(v).as_value(), args)
}

#[repr(C)]
struct DequeObj {
    hdr: ObjHeader,
    items: Value,
    maxlen: core::cell::Cell<isize>,
    state: core::cell::Cell<usize>,
}

fn as_deque(v: Value) -> Option<&'static DequeObj> {
    // SAFETY: objects of DEQUE_TYPE (not subclassable) are DequeObj objects made by
    // `deque_new`.
    core::ptr::eq(obj::type_of(v), &DEQUE_TYPE).then(|| unsafe { &*(v.as_ptr() as *const DequeObj) })
}

fn items(d: &DequeObj) -> &'static [Value] {
    obj::list::as_list(d.items).map_or(&[], |l| l.as_slice())
}

fn bump(d: &DequeObj) {
    d.state.set(d.state.get().wrapping_add(1));
}

/// `self` of a deque method.
fn this(vm: &mut Vm<'_>, a: &Args<'_>, name: &str) -> PyResult<&'static DequeObj> {
    match as_deque(a.get(0)) {
        Some(d) => Ok(d),
        None => Err(vm.type_error(format_args!("descriptor '{name}' requires a 'collections.deque' object"))),
    }
}

fn nargs(vm: &mut Vm<'_>, name: &str, a: &Args<'_>, n: usize) -> PyResult<()> {
    if !a.kwnames.is_empty() {
        return Err(vm.type_error(format_args!("deque.{name}() takes no keyword arguments")));
    }
    let given = a.pos.len().saturating_sub(1);
    if given != n {
        return Err(match n {
            0 => vm.type_error(format_args!("deque.{name}() takes no arguments ({given} given)")),
            1 => vm.type_error(format_args!("deque.{name}() takes exactly one argument ({given} given)")),
            _ => vm.type_error(format_args!("{name} expected {n} arguments, got {given}")),
        });
    }
    Ok(())
}

/// Append on the right (`left` false) or left, dropping from the other end when full.
/// May collect (`x` rooted by the caller).
fn push(vm: &mut Vm<'_>, d: &DequeObj, x: Value, left: bool) -> PyResult<()> {
    let max = d.maxlen.get();
    if max == 0 {
        return Ok(());
    }
    if left {
        obj::list::insert(vm, d.items, 0, x)?;
    } else {
        obj::list::append(vm, d.items, x)?;
    }
    let n = items(d).len();
    if max > 0 && n as isize > max {
        obj::list::remove_at(d.items, if left { n - 1 } else { 0 });
    }
    bump(d);
    Ok(())
}

fn pop_end(vm: &mut Vm<'_>, d: &DequeObj, left: bool) -> PyResult<Value> {
    let n = items(d).len();
    if n == 0 {
        return Err(vm.raise_msg(&exc::INDEX_ERROR_TYPE, "pop from an empty deque"));
    }
    bump(d);
    Ok(obj::list::remove_at(d.items, if left { 0 } else { n - 1 }).unwrap_or(Value::NONE))
}

/// Push every item of `it` (which may be the deque itself: it is copied first).
fn extend_with(vm: &mut Vm<'_>, dv: Value, it: Value, left: bool) -> PyResult<()> {
    let Some(d) = as_deque(dv) else { return Ok(()) };
    let m = vm.roots_mark();
    let src = if it == dv { obj::list::from_slice(vm, items(d))? } else { it };
    vm.push_root(src)?;
    let iter = runtime::get_iter(vm, src)?;
    vm.push_root(iter)?;
    let r = loop {
        match runtime::next(vm, iter) {
            Ok(Some(x)) => {
                let mm = vm.roots_mark();
                vm.push_root(x)?;
                let r = push(vm, d, x, left);
                vm.pop_roots(mm);
                if let Err(e) = r {
                    break Err(e);
                }
            }
            Ok(None) => break Ok(()),
            Err(e) => break Err(e),
        }
    };
    vm.pop_roots(m);
    r
}

fn maxlen_arg(vm: &mut Vm<'_>, v: Value) -> PyResult<isize> {
    if v.is_null() || v == Value::NONE {
        return Ok(-1);
    }
    let n = runtime::index_arg_typed(vm, v)?;
    if n < 0 {
        return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "maxlen must be non-negative"));
    }
    Ok(n as isize)
}

/// A new empty deque. May collect.
fn make(vm: &mut Vm<'_>, maxlen: isize) -> PyResult<Value> {
    let l = obj::list::with_capacity(vm, 0)?;
    let m = vm.roots_mark();
    vm.push_root(l)?;
    let v = vm.alloc_obj(&DEQUE_TYPE, core::mem::size_of::<DequeObj>());
    vm.pop_roots(m);
    let v = v?;
    // SAFETY: fresh DequeObj-sized allocation.
    unsafe {
        let p = v.as_ptr() as *mut DequeObj;
        (*p).items = l;
        (*p).maxlen = core::cell::Cell::new(maxlen);
        (*p).state = core::cell::Cell::new(0);
    }
    Ok(v)
}

fn deque_new(vm: &mut Vm<'_>, _cls: Value, a: &Args<'_>) -> PyResult<Value> {
    let (mut it, mut ml) = (a.get(0), a.get(1));
    if a.pos.len() > 2 {
        return Err(vm.type_error(format_args!("deque() takes at most 2 arguments ({} given)", a.pos.len())));
    }
    for (k, v) in a.kwnames.iter().zip(a.kwvals) {
        match obj::str::as_str(*k) {
            Some("iterable") if it.is_null() => it = *v,
            Some("maxlen") if ml.is_null() => ml = *v,
            Some(k) => return Err(vm.type_error(format_args!("deque() got an unexpected keyword argument '{k}'"))),
            None => {}
        }
    }
    let max = maxlen_arg(vm, ml)?;
    let d = make(vm, max)?;
    if !it.is_null() {
        let m = vm.roots_mark();
        vm.push_root(d)?;
        let r = extend_with(vm, d, it, false);
        vm.pop_roots(m);
        r?;
    }
    Ok(d)
}

fn append(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let d = this(vm, a, "append")?;
    nargs(vm, "append", a, 1)?;
    push(vm, d, a.pos[1], false)?;
    Ok(Value::NONE)
}
fn appendleft(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let d = this(vm, a, "appendleft")?;
    nargs(vm, "appendleft", a, 1)?;
    push(vm, d, a.pos[1], true)?;
    Ok(Value::NONE)
}
fn pop(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let d = this(vm, a, "pop")?;
    nargs(vm, "pop", a, 0)?;
    pop_end(vm, d, false)
}
fn popleft(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let d = this(vm, a, "popleft")?;
    nargs(vm, "popleft", a, 0)?;
    pop_end(vm, d, true)
}
fn extend(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    this(vm, a, "extend")?;
    nargs(vm, "extend", a, 1)?;
    extend_with(vm, a.pos[0], a.pos[1], false)?;
    Ok(Value::NONE)
}
fn extendleft(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    this(vm, a, "extendleft")?;
    nargs(vm, "extendleft", a, 1)?;
    extend_with(vm, a.pos[0], a.pos[1], true)?;
    Ok(Value::NONE)
}
fn clear(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let d = this(vm, a, "clear")?;
    nargs(vm, "clear", a, 0)?;
    while !items(d).is_empty() {
        obj::list::remove_at(d.items, items(d).len() - 1);
    }
    bump(d);
    Ok(Value::NONE)
}
fn rotate(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let d = this(vm, a, "rotate")?;
    if a.pos.len() > 2 || !a.kwnames.is_empty() {
        return Err(vm.type_error(format_args!("rotate expected at most 1 argument, got {}", a.pos.len() - 1)));
    }
    let n = if a.pos.len() == 2 { runtime::index_arg_typed(vm, a.pos[1])? } else { 1 };
    let len = items(d).len();
    if len > 1 {
        let k = n.rem_euclid(len as i64) as usize;
        if let Some(l) = obj::list::as_list(d.items) {
            let xs = items(d);
            // Rotate right by k in place: reverse all, then both parts.
            let rev = |i: usize, j: usize| {
                let (mut i, mut j) = (i, j);
                while i + 1 < j {
                    let t = xs[i];
                    l.set(i, xs[j - 1]);
                    l.set(j - 1, t);
                    i += 1;
                    j -= 1;
                }
            };
            rev(0, len);
            rev(0, k);
            rev(k, len);
        }
        bump(d);
    }
    Ok(Value::NONE)
}
fn reverse(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let d = this(vm, a, "reverse")?;
    nargs(vm, "reverse", a, 0)?;
    if let Some(l) = obj::list::as_list(d.items) {
        let xs = items(d);
        let n = xs.len();
        for i in 0..n / 2 {
            let t = xs[i];
            l.set(i, xs[n - 1 - i]);
            l.set(n - 1 - i, t);
        }
    }
    bump(d);
    Ok(Value::NONE)
}

/// Index of the first item equal to `x` in `[start, stop)`, or None; RuntimeError when a
/// comparison changes the deque.
fn find(vm: &mut Vm<'_>, d: &DequeObj, x: Value, start: usize, stop: usize) -> PyResult<Option<usize>> {
    let state = d.state.get();
    let mut i = start;
    while i < stop.min(items(d).len()) {
        let y = items(d)[i];
        let eq = y == x || {
            let m = vm.roots_mark();
            vm.push_root(y)?;
            let r = runtime::eq(vm, y, x);
            vm.pop_roots(m);
            r?
        };
        if d.state.get() != state {
            return Err(vm.raise_msg(&exc::RUNTIME_ERROR_TYPE, "deque mutated during iteration"));
        }
        if eq {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn count(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let d = this(vm, a, "count")?;
    nargs(vm, "count", a, 1)?;
    let (mut n, mut i) = (0i64, 0usize);
    while let Some(j) = find(vm, d, a.pos[1], i, usize::MAX)? {
        n += 1;
        i = j + 1;
    }
    obj::int::from_i64(vm, n)
}
fn index(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let d = this(vm, a, "index")?;
    if a.pos.len() < 2 || a.pos.len() > 4 || !a.kwnames.is_empty() {
        return Err(
            vm.type_error(format_args!("index expected at least 1 argument, got {}", a.pos.len().saturating_sub(1)))
        );
    }
    let len = items(d).len();
    let bound = |vm: &mut Vm<'_>, v: Value, dflt: usize| -> PyResult<usize> {
        if v.is_null() {
            return Ok(dflt);
        }
        let i = runtime::index_arg_typed(vm, v)?;
        Ok(if i < 0 { (i + len as i64).max(0) as usize } else { (i as usize).min(len) })
    };
    let start = bound(vm, a.get(2), 0)?;
    let stop = bound(vm, a.get(3), len)?;
    match find(vm, d, a.pos[1], start, stop)? {
        Some(i) => obj::int::from_i64(vm, i as i64),
        None => {
            let r = runtime::repr(vm, a.pos[1])?;
            let text = obj::str::as_str(r).unwrap_or("?");
            Err(vm.raise_fmt(&exc::VALUE_ERROR_TYPE, format_args!("{text} is not in deque")))
        }
    }
}
fn remove(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let d = this(vm, a, "remove")?;
    nargs(vm, "remove", a, 1)?;
    match find(vm, d, a.pos[1], 0, usize::MAX)? {
        Some(i) => {
            obj::list::remove_at(d.items, i);
            bump(d);
            Ok(Value::NONE)
        }
        None => {
            let r = runtime::repr(vm, a.pos[1])?;
            let text = obj::str::as_str(r).unwrap_or("?");
            Err(vm.raise_fmt(&exc::VALUE_ERROR_TYPE, format_args!("{text} is not in deque")))
        }
    }
}
fn insert(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let d = this(vm, a, "insert")?;
    nargs(vm, "insert", a, 2)?;
    let len = items(d).len();
    if d.maxlen.get() >= 0 && len as isize >= d.maxlen.get() {
        return Err(vm.raise_msg(&exc::INDEX_ERROR_TYPE, "deque already at its maximum size"));
    }
    let i = runtime::index_arg_typed(vm, a.pos[1])?;
    let at = if i < 0 { (i + len as i64).max(0) as usize } else { (i as usize).min(len) };
    obj::list::insert(vm, d.items, at, a.pos[2])?;
    bump(d);
    Ok(Value::NONE)
}
fn copy(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let d = this(vm, a, "copy")?;
    nargs(vm, "copy", a, 0)?;
    let c = make(vm, d.maxlen.get())?;
    let m = vm.roots_mark();
    vm.push_root(c)?;
    let r = extend_with(vm, c, a.pos[0], false);
    vm.pop_roots(m);
    r.map(|_| c)
}

/// A deque index (`d[i]`): an int, normalised; IndexError when out of range.
fn item_index(vm: &mut Vm<'_>, d: &DequeObj, k: Value) -> PyResult<usize> {
    let i = if obj::int::is_int(k) {
        obj::int::to_i64(k)
    } else {
        match runtime::call_dunder(vm, k, &crate::qstr::__index__, &[])? {
            Some(r) if obj::int::is_int(r) => obj::int::to_i64(r),
            _ => return Err(vm.type_error(format_args!("sequence index must be integer, not '{}'", obj::type_name(k)))),
        }
    };
    let Some(i) = i else {
        return Err(vm.raise_fmt(
            &exc::INDEX_ERROR_TYPE,
            format_args!("cannot fit '{}' into an index-sized integer", obj::type_name(k)),
        ));
    };
    let n = items(d).len();
    match runtime::norm_index(i, n) {
        Some(i) => Ok(i),
        None => Err(vm.raise_msg(&exc::INDEX_ERROR_TYPE, "deque index out of range")),
    }
}

fn getitem(vm: &mut Vm<'_>, v: Value, k: Value) -> PyResult<Value> {
    let Some(d) = as_deque(v) else {
        return Ok(Value::NONE);
    };
    let i = item_index(vm, d, k)?;
    Ok(items(d)[i])
}

fn setitem(vm: &mut Vm<'_>, v: Value, k: Value, x: Value) -> PyResult<()> {
    let Some(d) = as_deque(v) else { return Ok(()) };
    let i = item_index(vm, d, k)?;
    if x.is_null() {
        obj::list::remove_at(d.items, i);
        bump(d);
    } else if let Some(l) = obj::list::as_list(d.items) {
        l.set(i, x);
    }
    Ok(())
}

fn len(_vm: &mut Vm<'_>, v: Value) -> PyResult<usize> {
    Ok(as_deque(v).map_or(0, |d| items(d).len()))
}

fn repr(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf) -> PyResult<()> {
    let Some(d) = as_deque(v) else { return Ok(()) };
    if !runtime::repr_enter(vm, v) {
        return sb.push(vm, "[...]");
    }
    let r = (|| {
        sb.push(vm, "deque(")?;
        runtime::repr_into(vm, d.items, sb)?;
        if d.maxlen.get() >= 0 {
            sb.push(vm, ", maxlen=")?;
            let mut b = crate::vm::FixedBuf::new();
            let _ = core::fmt::Write::write_fmt(&mut b, format_args!("{}", d.maxlen.get()));
            sb.push(vm, b.as_str())?;
        }
        sb.push(vm, ")")
    })();
    runtime::repr_leave(vm);
    r
}

fn get_item_at(v: Value, i: usize) -> Option<Value> {
    as_deque(v).and_then(|d| items(d).get(i).copied())
}

fn richcmp(vm: &mut Vm<'_>, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
    if as_deque(a).is_none() || as_deque(b).is_none() {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    obj::tuple::seq_richcmp(vm, a, b, op, get_item_at)
}

fn binop(vm: &mut Vm<'_>, op: BinOp, a: Value, b: Value, reflected: bool) -> PyResult<Value> {
    if reflected {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let Some(d) = as_deque(a) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    match op {
        BinOp::Add | BinOp::IAdd => {
            if as_deque(b).is_none() {
                return Err(
                    vm.type_error(format_args!("can only concatenate deque (not \"{}\") to deque", obj::type_name(b)))
                );
            }
            let target = if op == BinOp::IAdd { a } else { make(vm, d.maxlen.get())? };
            let m = vm.roots_mark();
            vm.push_root(target)?;
            let r = (|| {
                if target != a {
                    extend_with(vm, target, a, false)?;
                }
                extend_with(vm, target, b, false)
            })();
            vm.pop_roots(m);
            r.map(|_| target)
        }
        _ => Ok(Value::NOT_IMPLEMENTED),
    }
}

fn getattr(vm: &mut Vm<'_>, v: Value, name: Value) -> PyResult<Value> {
    let Some(d) = as_deque(v) else {
        return Ok(Value::NULL);
    };
    if obj::str::as_str(name) == Some("maxlen") {
        let m = d.maxlen.get();
        return if m < 0 { Ok(Value::NONE) } else { obj::int::from_i64(vm, m as i64) };
    }
    Ok(Value::NULL)
}

fn trace(v: Value, t: &mut crate::heap::Tracer<'_>) {
    if let Some(d) = as_deque(v) {
        t.mark(d.items);
    }
}

fn iter(vm: &mut Vm<'_>, v: Value) -> PyResult<Value> {
    let Some(d) = as_deque(v) else {
        return Ok(Value::NONE);
    };
    let it = vm.alloc_obj(&DEQUE_ITER_TYPE, core::mem::size_of::<DequeIterObj>())?;
    // SAFETY: fresh DequeIterObj-sized allocation.
    unsafe {
        let p = it.as_ptr() as *mut DequeIterObj;
        (*p).deque = v;
        (*p).index = core::cell::Cell::new(0);
        (*p).state = d.state.get();
    }
    Ok(it)
}

crate::static_qstr!(Q_DEQUE, "deque");
crate::static_qstr!(Q_APPEND, "append");
crate::static_qstr!(Q_APPENDLEFT, "appendleft");
crate::static_qstr!(Q_POP, "pop");
crate::static_qstr!(Q_POPLEFT, "popleft");
crate::static_qstr!(Q_EXTEND, "extend");
crate::static_qstr!(Q_EXTENDLEFT, "extendleft");
crate::static_qstr!(Q_CLEAR, "clear");
crate::static_qstr!(Q_ROTATE, "rotate");
crate::static_qstr!(Q_REVERSE, "reverse");
crate::static_qstr!(Q_COUNT, "count");
crate::static_qstr!(Q_INDEX, "index");
crate::static_qstr!(Q_REMOVE, "remove");
crate::static_qstr!(Q_INSERT, "insert");
crate::static_qstr!(Q_COPY, "copy");

static DEQUE_METHODS: &[Builtin] = &[
    Builtin::method(&Q_APPEND, append),
    Builtin::method(&Q_APPENDLEFT, appendleft),
    Builtin::method(&Q_POP, pop),
    Builtin::method(&Q_POPLEFT, popleft),
    Builtin::method(&Q_EXTEND, extend),
    Builtin::method(&Q_EXTENDLEFT, extendleft),
    Builtin::method(&Q_CLEAR, clear),
    Builtin::method(&Q_ROTATE, rotate),
    Builtin::method(&Q_REVERSE, reverse),
    Builtin::method(&Q_COUNT, count),
    Builtin::method(&Q_INDEX, index),
    Builtin::method(&Q_REMOVE, remove),
    Builtin::method(&Q_INSERT, insert),
    Builtin::method(&Q_COPY, copy),
];

static DEQUE_SLOTS: Slots = Slots {
    trace: Some(trace),
    repr: Some(repr),
    richcmp: Some(richcmp),
    len: Some(len),
    getitem: Some(getitem),
    setitem: Some(setitem),
    iter: Some(iter),
    getattr: Some(getattr),
    binop: Some(binop),
    new: Some(deque_new),
    ..Slots::EMPTY
};

/// `collections.deque`.
pub static DEQUE_TYPE: Type = Type::builtin(
    &Q_DEQUE,
    Some(&obj::class::OBJECT_TYPE),
    Kind::Misc,
    obj::flags::UNHASHABLE,
    &DEQUE_SLOTS,
    DEQUE_METHODS,
)
.in_module(&TYPE_NS);

#[repr(C)]
struct DequeIterObj {
    hdr: ObjHeader,
    deque: Value,
    index: core::cell::Cell<usize>,
    state: usize,
}

fn as_iter(v: Value) -> Option<&'static DequeIterObj> {
    // SAFETY: objects of DEQUE_ITER_TYPE are DequeIterObj objects made by `iter`.
    core::ptr::eq(obj::type_of(v), &DEQUE_ITER_TYPE).then(|| unsafe { &*(v.as_ptr() as *const DequeIterObj) })
}

fn iter_next(vm: &mut Vm<'_>, v: Value) -> PyResult<Option<Value>> {
    let Some(it) = as_iter(v) else {
        return Ok(None);
    };
    let Some(d) = as_deque(it.deque) else {
        return Ok(None);
    };
    if d.state.get() != it.state {
        return Err(vm.raise_msg(&exc::RUNTIME_ERROR_TYPE, "deque mutated during iteration"));
    }
    let i = it.index.get();
    match items(d).get(i) {
        Some(x) => {
            it.index.set(i + 1);
            Ok(Some(*x))
        }
        None => Ok(None),
    }
}

fn iter_self(_vm: &mut Vm<'_>, v: Value) -> PyResult<Value> {
    Ok(v)
}

fn iter_trace(v: Value, t: &mut crate::heap::Tracer<'_>) {
    if let Some(it) = as_iter(v) {
        t.mark(it.deque);
    }
}

crate::static_qstr!(Q_DEQUE_ITER, "_collections._deque_iterator");
static DEQUE_ITER_SLOTS: Slots =
    Slots { trace: Some(iter_trace), iter: Some(iter_self), next: Some(iter_next), ..Slots::EMPTY };
static DEQUE_ITER_TYPE: Type =
    Type::builtin(&Q_DEQUE_ITER, Some(&obj::class::OBJECT_TYPE), Kind::Misc, 0, &DEQUE_ITER_SLOTS, &[]);
