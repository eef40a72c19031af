//! Methods of `dict` and the `dict_keys` / `dict_values` / `dict_items` views.

use core::cell::Cell;

use frostbyte_format::BinOp;

use super::dict::{self, as_dict};
use super::{Args, Builtin, Kind, Layout, Slots, Type};
use crate::heap::Tracer;
use crate::obj::{self, exception as exc, str::StrBuf};
use crate::qstr;
use crate::rom::{ObjHeader, Qstr};
use crate::runtime;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

fn this(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let v = args.get(0);
    if as_dict(v).is_none() {
        return Err(vm.type_error(format_args!("descriptor requires a 'dict' object")));
    }
    Ok(v)
}

fn get(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let d = this(vm, args)?;
    runtime::check_nargs(vm, "get", args, 2, 3)?;
    let dflt = if args.pos.len() > 2 { args.pos[2] } else { Value::NONE };
    Ok(dict::get(vm, d, args.pos[1])?.unwrap_or(dflt))
}

fn pop(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let d = this(vm, args)?;
    runtime::check_nargs(vm, "pop", args, 2, 3)?;
    match dict::remove(vm, d, args.pos[1])? {
        Some(v) => Ok(v),
        None if args.pos.len() > 2 => Ok(args.pos[2]),
        None => Err(dict::key_error(vm, args.pos[1])),
    }
}

fn setdefault(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let d = this(vm, args)?;
    runtime::check_nargs(vm, "setdefault", args, 2, 3)?;
    let dflt = if args.pos.len() > 2 { args.pos[2] } else { Value::NONE };
    if let Some(v) = dict::get(vm, d, args.pos[1])? {
        return Ok(v);
    }
    dict::set(vm, d, args.pos[1], dflt)?;
    Ok(dflt)
}

fn update(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let d = this(vm, args)?;
    if let Some(o) = args.pos.get(1) {
        dict::update(vm, d, *o)?;
    }
    for (k, x) in args.kwnames.iter().zip(args.kwvals.iter()) {
        dict::set(vm, d, *k, *x)?;
    }
    Ok(Value::NONE)
}

/// `dict.__init__(self, mapping_or_pairs=(), **kw)`: updates the dict, as CPython's does.
fn init(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    this(vm, args)?;
    if args.pos.len() > 2 {
        return Err(vm.type_error(format_args!("dict expected at most 1 argument, got {}", args.pos.len() - 1)));
    }
    update(vm, args)
}

fn popitem(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let d = this(vm, args)?;
    let Some(dd) = as_dict(d) else { return Ok(Value::NONE) };
    let mut i = dd.used();
    while i > 0 {
        i -= 1;
        if let Some((k, v)) = dd.entry(i) {
            if !k.is_null() {
                let t = obj::tuple::new(vm, &[k, v])?;
                let m = vm.roots_mark();
                vm.push_root(t)?;
                dict::remove(vm, d, k)?;
                vm.pop_roots(m);
                return Ok(t);
            }
        }
    }
    Err(vm.raise_msg(&exc::KEY_ERROR_TYPE, "popitem(): dictionary is empty"))
}

fn clear(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let d = this(vm, args)?;
    dict::clear(vm, d)?;
    Ok(Value::NONE)
}

/// A shallow copy of a dict. May collect.
pub fn copy_dict(vm: &mut Vm<'_>, d: Value) -> PyResult<Value> {
    let out = dict::new(vm)?;
    let m = vm.roots_mark();
    vm.push_root(out)?;
    dict::update(vm, out, d)?;
    vm.pop_roots(m);
    Ok(out)
}

fn copy(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let d = this(vm, args)?;
    copy_dict(vm, d)
}

fn fromkeys(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let keys = args.get(1);
    let v = if args.pos.len() > 2 { args.pos[2] } else { Value::NONE };
    let d = dict::new(vm)?;
    let m = vm.roots_mark();
    vm.push_root(d)?;
    let it = runtime::get_iter(vm, keys)?;
    vm.push_root(it)?;
    while let Some(k) = runtime::next(vm, it)? {
        dict::set(vm, d, k, v)?;
    }
    vm.pop_roots(m);
    Ok(d)
}

/// View kinds.
pub const VIEW_KEYS: u8 = 0;
/// `d.values()`.
pub const VIEW_VALUES: u8 = 1;
/// `d.items()`.
pub const VIEW_ITEMS: u8 = 2;

/// A dict view.
#[repr(C)]
pub struct DictView {
    hdr: ObjHeader,
    /// The dict.
    pub dict: Value,
    /// `VIEW_*`.
    pub kind: Cell<u8>,
}

// SAFETY: repr(C), starts with ObjHeader; the view types have kind DictView.
unsafe impl Layout for DictView {
    const KIND: Kind = Kind::DictView;
}

fn new_view(vm: &mut Vm<'_>, d: Value, kind: u8) -> PyResult<Value> {
    let ty: &'static Type = match kind {
        VIEW_KEYS => &KEYS_TYPE,
        VIEW_VALUES => &VALUES_TYPE,
        _ => &ITEMS_TYPE,
    };
    let v = vm.alloc_obj(ty, core::mem::size_of::<DictView>())?;
    // SAFETY: fresh DictView.
    unsafe {
        (*(v.as_ptr() as *mut DictView)).dict = d;
        (*(v.as_ptr() as *mut DictView)).kind.set(kind);
    }
    Ok(v)
}

fn keys(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let d = this(vm, args)?;
    new_view(vm, d, VIEW_KEYS)
}
fn values(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let d = this(vm, args)?;
    new_view(vm, d, VIEW_VALUES)
}
fn items(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let d = this(vm, args)?;
    new_view(vm, d, VIEW_ITEMS)
}

/// `dict | dict`.
pub fn binop(vm: &mut Vm<'_>, op: BinOp, a: Value, b: Value, _r: bool) -> PyResult<Value> {
    if op.base() != BinOp::Or || as_dict(a).is_none() || as_dict(b).is_none() {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    if op == BinOp::IOr {
        dict::update(vm, a, b)?;
        return Ok(a);
    }
    let out = copy_dict(vm, a)?;
    let m = vm.roots_mark();
    vm.push_root(out)?;
    dict::update(vm, out, b)?;
    vm.pop_roots(m);
    Ok(out)
}

/// The method table of `dict`.
pub static METHODS: &[Builtin] = &[
    Builtin::method(&qstr::get, get),
    Builtin::method(&qstr::items, items),
    Builtin::method(&qstr::keys, keys),
    Builtin::method(&qstr::values, values),
    Builtin::method(&qstr::pop, pop),
    Builtin::method(&qstr::__init__, init),
    Builtin::method(&qstr::update, update),
    Builtin::method(&qstr::setdefault, setdefault),
    Builtin::method(&qstr::popitem, popitem),
    Builtin::method(&qstr::clear, clear),
    Builtin::method(&qstr::copy, copy),
    Builtin::class_method(&qstr::fromkeys, fromkeys),
];

fn view_trace(v: Value, t: &mut Tracer<'_>) {
    if let Some(x) = obj::downcast::<DictView>(v) {
        t.mark(x.dict);
    }
}

fn view_len(_vm: &mut Vm<'_>, v: Value) -> PyResult<usize> {
    Ok(obj::downcast::<DictView>(v).and_then(|x| as_dict(x.dict)).map(|d| d.len()).unwrap_or(0))
}

fn view_iter(vm: &mut Vm<'_>, v: Value) -> PyResult<Value> {
    let Some(x) = obj::downcast::<DictView>(v) else { return Ok(Value::NONE) };
    obj::iter::new_dict_iter(vm, x.dict, x.kind.get())
}

fn view_contains(vm: &mut Vm<'_>, v: Value, k: Value) -> PyResult<bool> {
    let Some(x) = obj::downcast::<DictView>(v) else { return Ok(false) };
    let d = x.dict;
    match x.kind.get() {
        VIEW_KEYS => Ok(dict::get(vm, d, k)?.is_some()),
        VIEW_ITEMS => {
            let Some(kv) = obj::tuple::items(k).filter(|t| t.len() == 2) else { return Ok(false) };
            match dict::get(vm, d, kv[0])? {
                Some(val) => obj::list_methods::item_eq(vm, val, kv[1]),
                None => Ok(false),
            }
        }
        _ => {
            let it = view_iter(vm, v)?;
            let m = vm.roots_mark();
            vm.push_root(it)?;
            while let Some(y) = runtime::next(vm, it)? {
                if obj::list_methods::item_eq(vm, y, k)? {
                    vm.pop_roots(m);
                    return Ok(true);
                }
            }
            vm.pop_roots(m);
            Ok(false)
        }
    }
}

fn view_repr(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf) -> PyResult<()> {
    sb.push(vm, obj::type_name(v))?;
    sb.push(vm, "(")?;
    let l = obj::list::from_iter(vm, v)?;
    let m = vm.roots_mark();
    vm.push_root(l)?;
    runtime::repr_into(vm, l, sb)?;
    vm.pop_roots(m);
    sb.push(vm, ")")
}

fn view_binop(vm: &mut Vm<'_>, op: BinOp, a: Value, b: Value, _r: bool) -> PyResult<Value> {
    // Set operations on keys/items views: compute on sets.
    let sa = obj::set::from_iter(vm, a, false)?;
    let m = vm.roots_mark();
    vm.push_root(sa)?;
    let sb = obj::set::from_iter(vm, b, false)?;
    vm.push_root(sb)?;
    let r = runtime::binary_op(vm, op.base(), sa, sb);
    vm.pop_roots(m);
    r
}

fn view_richcmp(vm: &mut Vm<'_>, a: Value, b: Value, op: frostbyte_format::CmpOp) -> PyResult<Value> {
    if obj::downcast::<DictView>(a).map(|x| x.kind.get()) == Some(VIEW_VALUES) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let sa = obj::set::from_iter(vm, a, false)?;
    let m = vm.roots_mark();
    vm.push_root(sa)?;
    let sb = obj::set::from_iter(vm, b, false)?;
    vm.push_root(sb)?;
    let r = runtime::compare(vm, sa, sb, op);
    vm.pop_roots(m);
    r
}

static VIEW_SLOTS: Slots = Slots {
    trace: Some(view_trace),
    repr: Some(view_repr),
    len: Some(view_len),
    iter: Some(view_iter),
    contains: Some(view_contains),
    binop: Some(view_binop),
    richcmp: Some(view_richcmp),
    ..Slots::EMPTY
};

static VALUES_SLOTS: Slots = Slots {
    trace: Some(view_trace),
    repr: Some(view_repr),
    len: Some(view_len),
    iter: Some(view_iter),
    contains: Some(view_contains),
    ..Slots::EMPTY
};

crate::static_qstr!(Q_KEYS, "dict_keys");
crate::static_qstr!(Q_VALUES, "dict_values");
crate::static_qstr!(Q_ITEMS, "dict_items");

/// `dict_keys`.
pub static KEYS_TYPE: Type =
    Type::builtin(&Q_KEYS, Some(&obj::class::OBJECT_TYPE), Kind::DictView, super::flags::UNHASHABLE, &VIEW_SLOTS, &[]);
/// `dict_values`.
pub static VALUES_TYPE: Type =
    Type::builtin(&Q_VALUES, Some(&obj::class::OBJECT_TYPE), Kind::DictView, 0, &VALUES_SLOTS, &[]);
/// `dict_items`.
pub static ITEMS_TYPE: Type =
    Type::builtin(&Q_ITEMS, Some(&obj::class::OBJECT_TYPE), Kind::DictView, super::flags::UNHASHABLE, &VIEW_SLOTS, &[]);

#[allow(dead_code)]
fn _unused(_: &Qstr<1>) {}
