//! `functools`: `reduce`, `partial`, `update_wrapper`, `wraps` and `cmp_to_key` (this
//! file); `lru_cache`, `cache` and `total_ordering` in `lru_cache.rs`.
//!
//! ```text
//!  PartialObj    ObjHeader | func Value | args Value (tuple) | kwnames Value (tuple)
//!                | kwvals Value (tuple)
//!  KeyWrapperObj ObjHeader | cmp Value | obj Value (NULL: the cmp_to_key(cmp) factory)
//! ```

use frostbyte_format::CmpOp;

use crate::call;
use crate::obj::{self, str::StrBuf, Args, Kind, Slots, Type};
use crate::rom::ObjHeader;
use crate::runtime;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

mod lru_cache;

use lru_cache::{cache, lru_cache, total_ordering};

rom_module!("functools",
    fns: [reduce, update_wrapper, wraps, cmp_to_key, lru_cache, cache, total_ordering],
    values: [partial => Value::rom(&PARTIAL_TYPE)],
);

fn reduce(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    if !a.kwnames.is_empty() {
        return Err(vm.type_error(format_args!("reduce() takes no keyword arguments")));
    }
    if a.pos.len() < 2 || a.pos.len() > 3 {
        return Err(vm.type_error(format_args!("reduce expected at least 2 arguments, got {}", a.pos.len())));
    }
    let f = a.pos[0];
    let it = match runtime::get_iter(vm, a.pos[1]) {
        Ok(it) => it,
        Err(e) => {
            if vm.pending_is(&obj::exception::TYPE_ERROR_TYPE) {
                vm.take_pending();
                return Err(vm.type_error(format_args!("reduce() arg 2 must support iteration")));
            }
            return Err(e);
        }
    };
    let m = vm.roots_mark();
    vm.push_root(it)?;
    let slot = vm.roots_mark();
    let mut acc = a.get(2);
    vm.push_root(acc)?;
    let r = loop {
        let x = match runtime::next(vm, it) {
            Ok(Some(x)) => x,
            Ok(None) => break Ok(acc),
            Err(e) => break Err(e),
        };
        if acc.is_null() {
            acc = x;
        } else {
            match call::call(vm, f, &[acc, x]) {
                Ok(v) => acc = v,
                Err(e) => break Err(e),
            }
        }
        vm.set_root(slot, acc);
    };
    vm.pop_roots(m);
    match r {
        Ok(v) if v.is_null() => Err(vm.type_error(format_args!("reduce() of empty iterable with no initial value"))),
        r => r,
    }
}

// ----- partial -----

#[repr(C)]
struct PartialObj {
    hdr: ObjHeader,
    func: Value,
    args: Value,
    kwnames: Value,
    kwvals: Value,
}

fn as_partial(v: Value) -> Option<&'static PartialObj> {
    // SAFETY: objects of PARTIAL_TYPE (not subclassable) are PartialObj objects made by
    // `partial_make`.
    core::ptr::eq(obj::type_of(v), &PARTIAL_TYPE).then(|| unsafe { &*(v.as_ptr() as *const PartialObj) })
}

fn items(v: Value) -> &'static [Value] {
    obj::tuple::items(v).unwrap_or(&[])
}

/// A partial over `func` with `args` and the keyword arguments `kwnames`/`kwvals` (all
/// rooted by the caller). May collect.
fn partial_make(vm: &mut Vm<'_>, func: Value, args: &[Value], kwnames: &[Value], kwvals: &[Value]) -> PyResult<Value> {
    let m = vm.roots_mark();
    let r = (|| {
        let t = obj::tuple::new(vm, args)?;
        vm.push_root(t)?;
        let kn = obj::tuple::new(vm, kwnames)?;
        vm.push_root(kn)?;
        let kv = obj::tuple::new(vm, kwvals)?;
        vm.push_root(kv)?;
        let v = vm.alloc_obj(&PARTIAL_TYPE, core::mem::size_of::<PartialObj>())?;
        // SAFETY: fresh PartialObj-sized allocation.
        unsafe {
            let p = v.as_ptr() as *mut PartialObj;
            (*p).func = func;
            (*p).args = t;
            (*p).kwnames = kn;
            (*p).kwvals = kv;
        }
        Ok(v)
    })();
    vm.pop_roots(m);
    r
}

/// Concatenate value slices into a new list, for building merged argument vectors on the
/// heap. May collect.
fn list_of(vm: &mut Vm<'_>, parts: &[&[Value]]) -> PyResult<Value> {
    let n = parts.iter().map(|p| p.len()).sum();
    let l = obj::list::with_capacity(vm, n)?;
    let m = vm.roots_mark();
    vm.push_root(l)?;
    for p in parts {
        for x in p.iter() {
            if let Err(e) = obj::list::append(vm, l, *x) {
                vm.pop_roots(m);
                return Err(e);
            }
        }
    }
    vm.pop_roots(m);
    Ok(l)
}

fn list_items(l: Value) -> &'static [Value] {
    obj::list::as_list(l).map_or(&[], |lo| lo.as_slice())
}

/// `callable(f)`, as the builtin decides it.
/// Keyword argument `name`, or positional `i` (NULL if neither).
fn arg(a: &Args<'_>, i: usize, name: &str) -> Value {
    match a.pos.get(i) {
        Some(v) => *v,
        None => a.kw(name),
    }
}

fn is_callable(f: Value) -> bool {
    let t = obj::type_of(f);
    if t.is_heap() {
        obj::class::lookup(t, Value::qstr(&crate::qstr::__call__)).is_some()
    } else {
        t.slots.call.is_some() || t.kind == Kind::Function || t.kind == Kind::BoundMethod || t.kind == Kind::Builtin
    }
}

/// Merge keyword arguments: the partial's, overridden by the call's. Returns (names,
/// values) lists. May collect.
fn merge_kw(vm: &mut Vm<'_>, n1: &[Value], v1: &[Value], n2: &[Value], v2: &[Value]) -> PyResult<(Value, Value)> {
    let names = list_of(vm, &[n1])?;
    let m = vm.roots_mark();
    vm.push_root(names)?;
    let vals = list_of(vm, &[v1])?;
    vm.push_root(vals)?;
    for (k, v) in n2.iter().zip(v2) {
        let at = list_items(names).iter().position(|x| obj::str::eq(*x, *k));
        match at {
            Some(i) => {
                if let Some(l) = obj::list::as_list(vals) {
                    l.set(i, *v);
                }
            }
            None => {
                obj::list::append(vm, names, *k)?;
                obj::list::append(vm, vals, *v)?;
            }
        }
    }
    vm.pop_roots(m);
    Ok((names, vals))
}

fn partial_new(vm: &mut Vm<'_>, _cls: Value, a: &Args<'_>) -> PyResult<Value> {
    let Some(&f) = a.pos.first() else {
        return Err(vm.type_error(format_args!("type 'partial' takes at least one argument")));
    };
    if !is_callable(f) {
        return Err(vm.type_error(format_args!("the first argument must be callable")));
    }
    // partial(partial(f, *a, **k), *b, **l) is partial(f, *a, *b, **k, **l), as CPython.
    if let Some(p) = as_partial(f) {
        let args = list_of(vm, &[items(p.args), &a.pos[1..]])?;
        let m = vm.roots_mark();
        vm.push_root(args)?;
        let (kn, kv) = merge_kw(vm, items(p.kwnames), items(p.kwvals), a.kwnames, a.kwvals)?;
        vm.push_root(kn)?;
        vm.push_root(kv)?;
        let r = partial_make(vm, p.func, list_items(args), list_items(kn), list_items(kv));
        vm.pop_roots(m);
        return r;
    }
    partial_make(vm, f, &a.pos[1..], a.kwnames, a.kwvals)
}

fn partial_call(vm: &mut Vm<'_>, f: Value, a: &Args<'_>) -> PyResult<Value> {
    let Some(p) = as_partial(f) else {
        return Ok(Value::NONE);
    };
    let m = vm.roots_mark();
    vm.push_root(f)?;
    let r = (|| {
        let args = list_of(vm, &[items(p.args), a.pos])?;
        vm.push_root(args)?;
        let (kn, kv) = merge_kw(vm, items(p.kwnames), items(p.kwvals), a.kwnames, a.kwvals)?;
        vm.push_root(kn)?;
        vm.push_root(kv)?;
        call::call_args(vm, p.func, &Args { pos: list_items(args), kwnames: list_items(kn), kwvals: list_items(kv) })
    })();
    vm.pop_roots(m);
    r
}

fn partial_getattr(vm: &mut Vm<'_>, v: Value, name: Value) -> PyResult<Value> {
    let Some(p) = as_partial(v) else {
        return Ok(Value::NULL);
    };
    match obj::str::as_str(name) {
        Some("func") => Ok(p.func),
        Some("args") => Ok(p.args),
        Some("keywords") => {
            let d = obj::dict::new(vm)?;
            let m = vm.roots_mark();
            vm.push_root(d)?;
            for (k, x) in items(p.kwnames).iter().zip(items(p.kwvals)) {
                obj::dict::set(vm, d, *k, *x)?;
            }
            vm.pop_roots(m);
            Ok(d)
        }
        _ => Ok(Value::NULL),
    }
}

fn partial_repr(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf) -> PyResult<()> {
    let Some(p) = as_partial(v) else {
        return Ok(());
    };
    if !runtime::repr_enter(vm, v) {
        return sb.push(vm, "...");
    }
    let r = (|| {
        sb.push(vm, "functools.partial(")?;
        runtime::repr_into(vm, p.func, sb)?;
        for x in items(p.args) {
            sb.push(vm, ", ")?;
            runtime::repr_into(vm, *x, sb)?;
        }
        for (k, x) in items(p.kwnames).iter().zip(items(p.kwvals)) {
            sb.push(vm, ", ")?;
            sb.push(vm, obj::str::as_str(*k).unwrap_or("?"))?;
            sb.push(vm, "=")?;
            runtime::repr_into(vm, *x, sb)?;
        }
        sb.push(vm, ")")
    })();
    runtime::repr_leave(vm);
    r
}

fn partial_trace(v: Value, t: &mut crate::heap::Tracer<'_>) {
    if let Some(p) = as_partial(v) {
        t.mark(p.func);
        t.mark(p.args);
        t.mark(p.kwnames);
        t.mark(p.kwvals);
    }
}

crate::static_qstr!(Q_PARTIAL, "partial");
static PARTIAL_SLOTS: Slots = Slots {
    trace: Some(partial_trace),
    repr: Some(partial_repr),
    call: Some(partial_call),
    getattr: Some(partial_getattr),
    new: Some(partial_new),
    ..Slots::EMPTY
};
/// `functools.partial`.
pub static PARTIAL_TYPE: Type =
    Type::builtin(&Q_PARTIAL, Some(&obj::class::OBJECT_TYPE), Kind::Misc, 0, &PARTIAL_SLOTS, &[]).in_module(&TYPE_NS);

// ----- update_wrapper, wraps -----

/// `update_wrapper(wrapper, wrapped)`: copy `__module__`, `__name__`, `__qualname__`,
/// `__doc__` (those `wrapped` has) and the instance dict, set `__wrapped__`; returns
/// `wrapper`.
fn update_wrapper(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let mut wrapper = a.get(0);
    let mut wrapped = a.get(1);
    for (k, v) in a.kwnames.iter().zip(a.kwvals) {
        match obj::str::as_str(*k) {
            Some("wrapper") => wrapper = *v,
            Some("wrapped") => wrapped = *v,
            Some(k) => {
                return Err(vm.type_error(format_args!("update_wrapper() got an unexpected keyword argument '{k}'")))
            }
            None => {}
        }
    }
    if wrapper.is_null() || wrapped.is_null() {
        let which = if wrapper.is_null() { "'wrapper' and 'wrapped'" } else { "'wrapped'" };
        let n = if wrapper.is_null() { "2 required positional arguments" } else { "1 required positional argument" };
        return Err(vm.type_error(format_args!("update_wrapper() missing {n}: {which}")));
    }
    for name in ["__module__", "__name__", "__qualname__", "__doc__"] {
        let k = obj::str::new(vm, name)?;
        let m = vm.roots_mark();
        vm.push_root(k)?;
        if let Some(v) = runtime::get_attr_opt(vm, wrapped, k)? {
            vm.push_root(v)?;
            runtime::set_attr(vm, wrapper, k, v)?;
        }
        vm.pop_roots(m);
    }
    let k = obj::str::new(vm, "__wrapped__")?;
    let m = vm.roots_mark();
    vm.push_root(k)?;
    runtime::set_attr(vm, wrapper, k, wrapped)?;
    vm.pop_roots(m);
    Ok(wrapper)
}

/// `wraps(wrapped)`: `partial(update_wrapper, wrapped=wrapped)`.
fn wraps(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let wrapped = if a.pos.is_empty() { a.kw("wrapped") } else { a.get(0) };
    if wrapped.is_null() || a.pos.len() > 1 {
        return Err(vm.type_error(format_args!("wraps() missing 1 required positional argument: 'wrapped'")));
    }
    let k = obj::str::new(vm, "wrapped")?;
    let m = vm.roots_mark();
    vm.push_root(k)?;
    let r = partial_make(vm, Value::rom(&rom_fns::update_wrapper), &[], &[k], &[wrapped]);
    vm.pop_roots(m);
    r
}

// ----- cmp_to_key -----

#[repr(C)]
struct KeyWrapperObj {
    hdr: ObjHeader,
    cmp: Value,
    obj: Value,
}

fn as_key(v: Value) -> Option<&'static KeyWrapperObj> {
    // SAFETY: objects of KEY_WRAPPER_TYPE (not subclassable) are KeyWrapperObj objects made
    // by `key_make`.
    core::ptr::eq(obj::type_of(v), &KEY_WRAPPER_TYPE).then(|| unsafe { &*(v.as_ptr() as *const KeyWrapperObj) })
}

fn key_make(vm: &mut Vm<'_>, cmp: Value, o: Value) -> PyResult<Value> {
    let v = vm.alloc_obj(&KEY_WRAPPER_TYPE, core::mem::size_of::<KeyWrapperObj>())?;
    // SAFETY: fresh KeyWrapperObj-sized allocation.
    unsafe {
        let p = v.as_ptr() as *mut KeyWrapperObj;
        (*p).cmp = cmp;
        (*p).obj = o;
    }
    Ok(v)
}

fn cmp_to_key(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let f = if a.pos.is_empty() { a.kw("mycmp") } else { a.get(0) };
    if f.is_null() {
        return Err(vm.type_error(format_args!("cmp_to_key() missing required argument 'mycmp' (pos 1)")));
    }
    key_make(vm, f, Value::NULL)
}

fn key_call(vm: &mut Vm<'_>, f: Value, a: &Args<'_>) -> PyResult<Value> {
    let Some(k) = as_key(f) else {
        return Ok(Value::NONE);
    };
    if !k.obj.is_null() {
        return Err(vm.type_error(format_args!("'functools.KeyWrapper' object is not callable")));
    }
    if a.pos.len() != 1 || !a.kwnames.is_empty() {
        return Err(
            vm.type_error(format_args!("K() takes exactly 1 argument ({} given)", a.pos.len() + a.kwnames.len()))
        );
    }
    key_make(vm, k.cmp, a.pos[0])
}

fn key_richcmp(vm: &mut Vm<'_>, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (as_key(a), as_key(b)) else {
        return Err(vm.type_error(format_args!("other argument must be K instance")));
    };
    if x.obj.is_null() || y.obj.is_null() {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let r = call::call(vm, x.cmp, &[x.obj, y.obj])?;
    runtime::compare(vm, r, Value::small_int(0), op)
}

fn key_getattr(_vm: &mut Vm<'_>, v: Value, name: Value) -> PyResult<Value> {
    match as_key(v) {
        Some(k) if !k.obj.is_null() && obj::str::as_str(name) == Some("obj") => Ok(k.obj),
        _ => Ok(Value::NULL),
    }
}

fn key_trace(v: Value, t: &mut crate::heap::Tracer<'_>) {
    if let Some(k) = as_key(v) {
        t.mark(k.cmp);
        t.mark(k.obj);
    }
}

crate::static_qstr!(Q_KEY_WRAPPER, "KeyWrapper");
static KEY_WRAPPER_SLOTS: Slots = Slots {
    trace: Some(key_trace),
    call: Some(key_call),
    richcmp: Some(key_richcmp),
    getattr: Some(key_getattr),
    ..Slots::EMPTY
};
/// `functools.KeyWrapper`: what `cmp_to_key` returns and what calling that makes.
static KEY_WRAPPER_TYPE: Type = Type::builtin(
    &Q_KEY_WRAPPER,
    Some(&obj::class::OBJECT_TYPE),
    Kind::Misc,
    obj::flags::UNHASHABLE,
    &KEY_WRAPPER_SLOTS,
    &[],
)
.in_module(&TYPE_NS);
