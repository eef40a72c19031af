//! `itertools.tee(iterable, n=2)`: `n` iterators over one source, sharing what it yields.
//!
//! ```text
//!  TeeDataObj  ObjHeader | it Value (the source iterator) | buf Value (list: items read)
//!  TeeObj      ObjHeader | data Value (a TeeDataObj) | index usize (next item in buf)
//! ```
//! Every tee reads the shared list at its own index; the one that runs ahead pulls the
//! next item from the source and appends it. The list keeps every item read (CPython
//! drops the blocks every tee has passed): a tee pair on an endless source grows.

use core::cell::Cell;

use crate::heap::Tracer;
use crate::obj::{self, exception as exc, Args, Builtin, Kind, Slots, Type};
use crate::rom::ObjHeader;
use crate::runtime;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

#[repr(C)]
struct TeeDataObj {
    hdr: ObjHeader,
    it: Value,
    buf: Value,
}

#[repr(C)]
struct TeeObj {
    hdr: ObjHeader,
    data: Value,
    index: Cell<usize>,
}

fn as_data(v: Value) -> Option<&'static TeeDataObj> {
    // SAFETY: objects of TEE_DATA_TYPE are TeeDataObj objects made by `new_data`.
    core::ptr::eq(obj::type_of(v), &TEE_DATA_TYPE).then(|| unsafe { &*(v.as_ptr() as *const TeeDataObj) })
}

fn as_tee(v: Value) -> Option<&'static TeeObj> {
    // SAFETY: objects of TEE_TYPE are TeeObj objects made by `new_tee`.
    core::ptr::eq(obj::type_of(v), &TEE_TYPE).then(|| unsafe { &*(v.as_ptr() as *const TeeObj) })
}

/// A tee reading `data` from `index`. May collect (`data` rooted by the caller).
fn new_tee(vm: &mut Vm<'_>, data: Value, index: usize) -> PyResult<Value> {
    let t = vm.alloc_obj(&TEE_TYPE, core::mem::size_of::<TeeObj>())?;
    // SAFETY: a fresh, zeroed object of TeeObj's size and type.
    unsafe {
        let p = t.as_ptr() as *mut TeeObj;
        (*p).data = data;
        (*p).index = Cell::new(index);
    }
    Ok(t)
}

/// The first tee over the iterator `it` (rooted by the caller). May collect.
fn from_iterator(vm: &mut Vm<'_>, it: Value) -> PyResult<Value> {
    let buf = obj::list::with_capacity(vm, 0)?;
    let m = vm.roots_mark();
    vm.push_root(buf)?;
    let r = (|| {
        let d = vm.alloc_obj(&TEE_DATA_TYPE, core::mem::size_of::<TeeDataObj>())?;
        // SAFETY: a fresh, zeroed object of TeeDataObj's size and type.
        unsafe {
            let p = d.as_ptr() as *mut TeeDataObj;
            (*p).it = it;
            (*p).buf = buf;
        }
        vm.push_root(d)?;
        new_tee(vm, d, 0)
    })();
    vm.pop_roots(m);
    r
}

/// `tee(iterable, n=2)`: a tuple of `n` tees (a tee argument is copied, not wrapped).
pub fn tee(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    if !a.kwnames.is_empty() {
        return Err(vm.type_error(format_args!("tee() takes no keyword arguments")));
    }
    if a.pos.is_empty() || a.pos.len() > 2 {
        return Err(vm.type_error(format_args!(
            "tee expected {} arguments, got {}",
            if a.pos.is_empty() { "at least 1" } else { "at most 2" },
            a.pos.len()
        )));
    }
    let n = match a.pos.get(1) {
        Some(v) => runtime::index_arg_typed(vm, *v)?,
        None => 2,
    };
    if n < 0 {
        return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "n must be >= 0"));
    }
    let n = n as usize;
    let out = obj::tuple::alloc(vm, n)?;
    for i in 0..n {
        obj::tuple::init_item(out, i, Value::NONE);
    }
    if n == 0 {
        return Ok(out);
    }
    let m = vm.roots_mark();
    vm.push_root(out)?;
    let r = (|| {
        let it = runtime::get_iter(vm, a.pos[0])?;
        vm.push_root(it)?;
        let first = match as_tee(it) {
            Some(_) => it,
            None => from_iterator(vm, it)?,
        };
        obj::tuple::init_item(out, 0, first);
        let (data, index) = as_tee(first).map_or((Value::NONE, 0), |t| (t.data, t.index.get()));
        for i in 1..n {
            let t = new_tee(vm, data, index)?;
            obj::tuple::init_item(out, i, t);
        }
        Ok(out)
    })();
    vm.pop_roots(m);
    r
}

fn tee_next(vm: &mut Vm<'_>, v: Value) -> PyResult<Option<Value>> {
    let Some(t) = as_tee(v) else { return Ok(None) };
    let Some(d) = as_data(t.data) else { return Ok(None) };
    let i = t.index.get();
    if let Some(x) = obj::list::as_list(d.buf).and_then(|l| l.get(i)) {
        t.index.set(i + 1);
        return Ok(Some(x));
    }
    let Some(x) = runtime::next(vm, d.it)? else { return Ok(None) };
    let m = vm.roots_mark();
    vm.push_root(x)?;
    // Another tee may have read ahead while the source ran: append only at the end.
    let r = obj::list::append(vm, d.buf, x);
    vm.pop_roots(m);
    r?;
    let at = obj::list::as_list(d.buf).map_or(0, |l| l.len()) - 1;
    t.index.set(at.max(i) + 1);
    Ok(Some(x))
}

fn tee_iter(_vm: &mut Vm<'_>, v: Value) -> PyResult<Value> {
    Ok(v)
}

/// `__copy__()`: a tee at the same position.
fn tee_copy(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let Some(t) = as_tee(a.get(0)) else {
        return Err(vm.type_error(format_args!("descriptor '__copy__' requires a 'itertools._tee' object")));
    };
    new_tee(vm, t.data, t.index.get())
}

fn tee_trace(v: Value, t: &mut Tracer<'_>) {
    if let Some(x) = as_tee(v) {
        t.mark(x.data);
    }
}

fn data_trace(v: Value, t: &mut Tracer<'_>) {
    if let Some(d) = as_data(v) {
        t.mark(d.it);
        t.mark(d.buf);
    }
}

crate::static_qstr!(Q_TEE, "_tee");
crate::static_qstr!(Q_TEE_DATA, "_tee_dataobject");
crate::static_qstr!(Q_COPY_DUNDER, "__copy__");

static TEE_METHODS: &[Builtin] = &[Builtin::method(&Q_COPY_DUNDER, tee_copy)];
static TEE_SLOTS: Slots = Slots { trace: Some(tee_trace), iter: Some(tee_iter), next: Some(tee_next), ..Slots::EMPTY };
static TEE_TYPE: Type = Type::builtin(&Q_TEE, Some(&obj::class::OBJECT_TYPE), Kind::Misc, 0, &TEE_SLOTS, TEE_METHODS)
    .in_module(&super::TYPE_NS);
static TEE_DATA_SLOTS: Slots = Slots { trace: Some(data_trace), ..Slots::EMPTY };
static TEE_DATA_TYPE: Type =
    Type::builtin(&Q_TEE_DATA, Some(&obj::class::OBJECT_TYPE), Kind::Misc, 0, &TEE_DATA_SLOTS, &[])
        .in_module(&super::TYPE_NS);
