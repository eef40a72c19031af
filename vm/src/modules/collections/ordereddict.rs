//! `collections.OrderedDict`: dict's layout and table (a dict keeps insertion order
//! already), plus `move_to_end`, `popitem(last=)`, order-sensitive equality between
//! OrderedDicts and CPython 3.11's repr `OrderedDict([('a', 1)])`.

use frostbyte_format::CmpOp;

use super::{alloc_dict, arg, call_own_type, fill, is_a, next_entry, self_of};
use crate::obj::{self, dict, exception as exc, str::StrBuf, Args, Builtin, Kind, Slots, Type};
use crate::runtime;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

fn od_new(vm: &mut Vm<'_>, _cls: Value, a: &Args<'_>) -> PyResult<Value> {
    if a.pos.len() > 1 {
        return Err(vm.type_error(format_args!("OrderedDict expected at most 1 arguments, got {}", a.pos.len())));
    }
    let d = alloc_dict(vm, &ORDEREDDICT_TYPE, 0)?;
    let m = vm.roots_mark();
    vm.push_root(d)?;
    let r = fill(vm, d, a.pos.first().copied(), a);
    vm.pop_roots(m);
    r.map(|_| d)
}

/// `OrderedDict([('a', 1), ('b', 2)])`, `OrderedDict()` when empty, `...` when recursive.
fn od_repr(vm: &mut Vm<'_>, d: Value, sb: &mut StrBuf) -> PyResult<()> {
    if !runtime::repr_enter(vm, d) {
        return sb.push(vm, "...");
    }
    let r = (|| {
        sb.push(vm, obj::type_of(d).name())?;
        sb.push(vm, "(")?;
        let mut i = 0;
        let mut first = true;
        while let Some((k, x)) = next_entry(d, &mut i) {
            sb.push(vm, if first { "[(" } else { ", (" })?;
            first = false;
            runtime::repr_into(vm, k, sb)?;
            sb.push(vm, ", ")?;
            runtime::repr_into(vm, x, sb)?;
            sb.push(vm, ")")?;
        }
        sb.push(vm, if first { ")" } else { "])" })
    })();
    runtime::repr_leave(vm);
    r
}

/// Between two OrderedDicts `==` also compares the order of the keys; otherwise dict's.
fn od_richcmp(vm: &mut Vm<'_>, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
    let r = dict::richcmp(vm, a, b, op)?;
    if !matches!(op, CmpOp::Eq | CmpOp::Ne) || !is_a(a, &ORDEREDDICT_TYPE) || !is_a(b, &ORDEREDDICT_TYPE) {
        return Ok(r);
    }
    if r != Value::bool(op == CmpOp::Eq) {
        return Ok(r);
    }
    // Equal as dicts: same keys, so compare them in order.
    let (mut i, mut j) = (0, 0);
    let mut same = true;
    while let (Some((ka, _)), Some((kb, _))) = (next_entry(a, &mut i), next_entry(b, &mut j)) {
        let m = vm.roots_mark();
        vm.push_root(ka)?;
        vm.push_root(kb)?;
        let e = runtime::eq(vm, ka, kb);
        vm.pop_roots(m);
        if !e? {
            same = false;
            break;
        }
    }
    Ok(Value::bool(same == (op == CmpOp::Eq)))
}

fn last_arg(vm: &mut Vm<'_>, a: &Args<'_>, i: usize) -> PyResult<bool> {
    let v = arg(a, i, "last");
    if v.is_null() {
        return Ok(true);
    }
    runtime::truthy(vm, v)
}

/// `move_to_end(key, last=True)`.
fn od_move_to_end(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let d = self_of(vm, a, &ORDEREDDICT_TYPE, "move_to_end")?;
    let k = arg(a, 1, "key");
    if k.is_null() {
        return Err(vm.type_error(format_args!("OrderedDict.move_to_end() missing required argument 'key' (pos 1)")));
    }
    let last = last_arg(vm, a, 2)?;
    let Some(x) = dict::get(vm, d, k)? else {
        return Err(dict::key_error(vm, k));
    };
    let m = vm.roots_mark();
    vm.push_root(x)?;
    let r = move_rooted(vm, d, k, x, last);
    vm.pop_roots(m);
    r.map(|_| Value::NONE)
}

fn move_rooted(vm: &mut Vm<'_>, d: Value, k: Value, x: Value, last: bool) -> PyResult<()> {
    if last {
        dict::remove(vm, d, k)?;
        return dict::set(vm, d, k, x);
    }
    // To the front: take the other entries out, then put them back after `k`.
    let n = dict::as_dict(d).map_or(0, |t| t.len());
    let rest = obj::list::with_capacity(vm, 2 * n)?;
    vm.push_root(rest)?;
    let mut i = 0;
    while let Some((kk, xx)) = next_entry(d, &mut i) {
        if kk != k {
            obj::list::append(vm, rest, kk)?;
            obj::list::append(vm, rest, xx)?;
        }
    }
    dict::clear(vm, d)?;
    dict::set(vm, d, k, x)?;
    let items = |i: usize| obj::list::as_list(rest).and_then(|l| l.get(i));
    let mut i = 0;
    while let (Some(kk), Some(xx)) = (items(i), items(i + 1)) {
        dict::set(vm, d, kk, xx)?;
        i += 2;
    }
    Ok(())
}

/// `popitem(last=True)`: the last (or first) pair, removed.
fn od_popitem(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let d = self_of(vm, a, &ORDEREDDICT_TYPE, "popitem")?;
    let last = last_arg(vm, a, 1)?;
    let mut i = 0;
    let mut pick = None;
    while let Some(e) = next_entry(d, &mut i) {
        pick = Some(e);
        if !last {
            break;
        }
    }
    let Some((k, x)) = pick else {
        return Err(vm.raise_msg(&exc::KEY_ERROR_TYPE, "dictionary is empty"));
    };
    let t = obj::tuple::new(vm, &[k, x])?;
    let m = vm.roots_mark();
    vm.push_root(t)?;
    let r = dict::remove(vm, d, k);
    vm.pop_roots(m);
    r.map(|_| t)
}

fn od_copy(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let d = self_of(vm, a, &ORDEREDDICT_TYPE, "copy")?;
    call_own_type(vm, d, &[d])
}

crate::static_qstr!(Q_ORDEREDDICT, "OrderedDict");
crate::static_qstr!(Q_MOVE_TO_END, "move_to_end");
crate::static_qstr!(Q_COPY_DUNDER, "__copy__");

static METHODS: &[Builtin] = &[
    Builtin::class_method(&crate::qstr::fromkeys, super::fromkeys),
    Builtin::method(&Q_MOVE_TO_END, od_move_to_end),
    Builtin::method(&crate::qstr::popitem, od_popitem),
    Builtin::method(&crate::qstr::copy, od_copy),
    Builtin::method(&Q_COPY_DUNDER, od_copy),
];

static SLOTS: Slots = Slots { repr: Some(od_repr), richcmp: Some(od_richcmp), new: Some(od_new), ..dict::DICT_SLOTS };

/// `collections.OrderedDict`.
pub static ORDEREDDICT_TYPE: Type = Type::builtin(
    &Q_ORDEREDDICT,
    Some(&dict::DICT_TYPE),
    Kind::Dict,
    obj::flags::BASETYPE | obj::flags::UNHASHABLE,
    &SLOTS,
    METHODS,
)
.in_module(&super::TYPE_NS);
