//! `collections.Counter`: a dict of counts (dict's layout and table). Missing keys count 0
//! (without being stored); `update`/`subtract` add and take away counts; `+ - | &` and
//! unary `+ -` keep the positive counts; comparisons treat missing keys as 0 (3.10+); the
//! repr lists the counts from the most common, as `most_common()` orders them (a stable
//! sort, so ties keep insertion order, as CPython's `sorted`/`nlargest`).

use frostbyte_format::{BinOp, CmpOp, UnaryOp};

use super::{alloc_dict, call_own_type, is_a, next_entry, self_of};
use crate::obj::{self, dict, str::StrBuf, Args, Builtin, Kind, Slots, Type};
use crate::runtime;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// `c[k]` with 0 for a missing key. May run Python code (`__eq__`/`__hash__`).
fn count(vm: &mut Vm<'_>, c: Value, k: Value) -> PyResult<Value> {
    Ok(dict::get(vm, c, k)?.unwrap_or(Value::small_int(0)))
}

/// `c[k] = count(c, k) OP by` (`count_left`: `by OP count(c, k)`, as Counter.update's
/// `count + self_get(elem, 0)`). May collect.
fn bump(vm: &mut Vm<'_>, c: Value, k: Value, op: BinOp, by: Value, count_left: bool) -> PyResult<()> {
    let m = vm.roots_mark();
    vm.push_root(k)?;
    vm.push_root(by)?;
    let r = (|| {
        let old = count(vm, c, k)?;
        let (x, y) = if count_left { (by, old) } else { (old, by) };
        let n = runtime::binary_op(vm, op, x, y)?;
        vm.push_root(n)?;
        runtime::set_item(vm, c, k, n)
    })();
    vm.pop_roots(m);
    r
}

/// `update` (`op` Add) or `subtract` (`op` Sub) from one source: a mapping's counts or an
/// iterable's elements (each counted once). May collect.
fn add_from(vm: &mut Vm<'_>, c: Value, src: Value, op: BinOp) -> PyResult<()> {
    if dict::as_dict(src).is_some() {
        if op == BinOp::Add && dict::as_dict(c).is_some_and(|d| d.is_empty()) {
            // CPython's fast path for an empty Counter: dict.update (counts taken as they are).
            return dict::update(vm, c, src);
        }
        let mut i = 0;
        while let Some((k, n)) = next_entry(src, &mut i) {
            bump(vm, c, k, op, n, op == BinOp::Add)?;
        }
        return Ok(());
    }
    let m = vm.roots_mark();
    let it = runtime::get_iter(vm, src)?;
    vm.push_root(it)?;
    let r = (|| {
        while let Some(k) = runtime::next(vm, it)? {
            bump(vm, c, k, op, Value::small_int(1), false)?;
        }
        Ok(())
    })();
    vm.pop_roots(m);
    r
}

/// `update(iterable=None, /, **kwds)` or `subtract(...)`, `name` for the messages.
fn update_args(vm: &mut Vm<'_>, c: Value, a: &Args<'_>, op: BinOp, name: &str) -> PyResult<()> {
    if a.pos.len() > 2 {
        return Err(vm.type_error(format_args!(
            "Counter.{name}() takes from 1 to 2 positional arguments but {} were given",
            a.pos.len()
        )));
    }
    if let Some(src) = a.pos.get(1).copied().filter(|v| *v != Value::NONE) {
        add_from(vm, c, src, op)?;
    }
    for (k, n) in a.kwnames.iter().zip(a.kwvals.iter()) {
        bump(vm, c, *k, op, *n, op == BinOp::Add)?;
    }
    Ok(())
}

fn c_new(vm: &mut Vm<'_>, _cls: Value, a: &Args<'_>) -> PyResult<Value> {
    let c = alloc_dict(vm, &COUNTER_TYPE, 0)?;
    let m = vm.roots_mark();
    vm.push_root(c)?;
    // `a.pos` lacks `self`: shift by one with a placeholder.
    let mut pos = [Value::NONE; 3];
    let n = a.pos.len().min(2);
    pos[1..=n].copy_from_slice(&a.pos[..n]);
    let shifted = Args { pos: &pos[..a.pos.len().min(2) + 1], kwnames: a.kwnames, kwvals: a.kwvals };
    let r = if a.pos.len() > 1 {
        Err(vm.type_error(format_args!(
            "Counter.__init__() takes from 1 to 2 positional arguments but {} were given",
            a.pos.len() + 1
        )))
    } else {
        update_args(vm, c, &shifted, BinOp::Add, "__init__")
    };
    vm.pop_roots(m);
    r.map(|_| c)
}

fn c_init(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let c = self_of(vm, a, &COUNTER_TYPE, "__init__")?;
    update_args(vm, c, a, BinOp::Add, "__init__")?;
    Ok(Value::NONE)
}

fn c_update(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let c = self_of(vm, a, &COUNTER_TYPE, "update")?;
    update_args(vm, c, a, BinOp::Add, "update")?;
    Ok(Value::NONE)
}

fn c_subtract(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let c = self_of(vm, a, &COUNTER_TYPE, "subtract")?;
    update_args(vm, c, a, BinOp::Sub, "subtract")?;
    Ok(Value::NONE)
}

/// The sort key of `most_common`: a pair's count.
fn pair_count(_vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    Ok(obj::tuple::items(a.get(0)).and_then(|t| t.get(1).copied()).unwrap_or(Value::NONE))
}
crate::static_qstr!(Q_PAIR_COUNT, "_count");
static PAIR_COUNT: Builtin = Builtin::function(&Q_PAIR_COUNT, pair_count);

/// The `(elem, count)` pairs from the most common (a list), the first `n` with `n`.
fn most_common_list(vm: &mut Vm<'_>, c: Value, n: Option<i64>) -> PyResult<Value> {
    let len = dict::as_dict(c).map_or(0, |d| d.len());
    let l = obj::list::with_capacity(vm, len)?;
    let m = vm.roots_mark();
    vm.push_root(l)?;
    let r = (|| {
        let mut i = 0;
        while let Some((k, x)) = next_entry(c, &mut i) {
            let t = obj::tuple::new(vm, &[k, x])?;
            obj::list::append(vm, l, t)?;
        }
        obj::list_methods::sort_list(vm, l, Value::rom(&PAIR_COUNT), true)?;
        match n {
            Some(n) => {
                let items = obj::list::as_list(l).map_or(&[][..], |x| x.as_slice());
                let k = (n.max(0) as usize).min(items.len());
                obj::list::from_slice(vm, &items[..k])
            }
            None => Ok(l),
        }
    })();
    vm.pop_roots(m);
    r
}

fn c_most_common(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let c = self_of(vm, a, &COUNTER_TYPE, "most_common")?;
    let nv = super::arg(a, 1, "n");
    let n = if nv.is_null() || nv == Value::NONE { None } else { Some(runtime::index_arg_typed(vm, nv)?) };
    most_common_list(vm, c, n)
}

/// `elements()`: each element repeated by its count (counts below 1 give nothing).
fn c_elements(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let c = self_of(vm, a, &COUNTER_TYPE, "elements")?;
    let l = obj::list::with_capacity(vm, 0)?;
    let m = vm.roots_mark();
    vm.push_root(l)?;
    let r = (|| {
        let mut i = 0;
        while let Some((k, x)) = next_entry(c, &mut i) {
            let n = runtime::index_arg_typed(vm, x)?;
            for _ in 0..n.max(0) {
                obj::list::append(vm, l, k)?;
            }
        }
        runtime::get_iter(vm, l)
    })();
    vm.pop_roots(m);
    r
}

/// `total()`: the sum of the counts.
fn c_total(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let c = self_of(vm, a, &COUNTER_TYPE, "total")?;
    let m = vm.roots_mark();
    let mut acc = Value::small_int(0);
    vm.push_root(acc)?;
    let mut i = 0;
    let r = loop {
        let Some((_, x)) = next_entry(c, &mut i) else { break Ok(acc) };
        match runtime::binary_op(vm, BinOp::Add, acc, x) {
            Ok(v) => acc = v,
            Err(e) => break Err(e),
        }
        vm.set_root(m, acc);
    };
    vm.pop_roots(m);
    r
}

fn c_copy(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let c = self_of(vm, a, &COUNTER_TYPE, "copy")?;
    call_own_type(vm, c, &[c])
}

fn c_missing(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    self_of(vm, a, &COUNTER_TYPE, "__missing__")?;
    Ok(Value::small_int(0))
}

fn c_getitem(vm: &mut Vm<'_>, c: Value, k: Value) -> PyResult<Value> {
    if let Some(x) = dict::get(vm, c, k)? {
        return Ok(x);
    }
    if obj::type_of(c).is_heap() {
        if let Some(r) = runtime::call_method_by_name(vm, c, "__missing__", &[k])? {
            return Ok(r);
        }
    }
    Ok(Value::small_int(0))
}

/// `c[k] = n`, or `del c[k]`, which ignores a missing key.
fn c_setitem(vm: &mut Vm<'_>, c: Value, k: Value, x: Value) -> PyResult<()> {
    if x.is_null() {
        dict::remove(vm, c, k)?;
        return Ok(());
    }
    dict::set(vm, c, k, x)
}

/// `Counter({'a': 2, 'b': 1})`, from the most common; `Counter()` when empty.
fn c_repr(vm: &mut Vm<'_>, c: Value, sb: &mut StrBuf) -> PyResult<()> {
    sb.push(vm, obj::type_of(c).name())?;
    if dict::as_dict(c).is_none_or(|d| d.is_empty()) {
        return sb.push(vm, "()");
    }
    if !runtime::repr_enter(vm, c) {
        return sb.push(vm, "(...)");
    }
    let m = vm.roots_mark();
    let r = (|| {
        // Counts that do not order (TypeError) are listed in insertion order.
        let l = match most_common_list(vm, c, None) {
            Ok(l) => l,
            Err(e) => {
                if !vm.pending_is(&obj::exception::TYPE_ERROR_TYPE) {
                    return Err(e);
                }
                vm.take_pending();
                Value::NULL
            }
        };
        vm.push_root(l)?;
        sb.push(vm, "({")?;
        if l.is_null() {
            let mut i = 0;
            let mut first = true;
            while let Some((k, x)) = next_entry(c, &mut i) {
                if !first {
                    sb.push(vm, ", ")?;
                }
                first = false;
                runtime::repr_into(vm, k, sb)?;
                sb.push(vm, ": ")?;
                runtime::repr_into(vm, x, sb)?;
            }
        } else {
            let mut i = 0;
            while let Some(t) = obj::list::as_list(l).and_then(|x| x.get(i)) {
                if i > 0 {
                    sb.push(vm, ", ")?;
                }
                i += 1;
                let kv = obj::tuple::items(t).unwrap_or(&[]);
                let (k, x) = (kv.first().copied().unwrap_or(Value::NONE), kv.get(1).copied().unwrap_or(Value::NONE));
                runtime::repr_into(vm, k, sb)?;
                sb.push(vm, ": ")?;
                runtime::repr_into(vm, x, sb)?;
            }
        }
        sb.push(vm, "})")
    })();
    vm.pop_roots(m);
    runtime::repr_leave(vm);
    r
}

/// Is `x > 0` (or `x < 0` with `neg`)? May run Python code.
fn sign_is(vm: &mut Vm<'_>, x: Value, neg: bool) -> PyResult<bool> {
    let op = if neg { CmpOp::Lt } else { CmpOp::Gt };
    let r = runtime::compare(vm, x, Value::small_int(0), op)?;
    runtime::truthy(vm, r)
}

/// `a OP b` for two Counters (`+ - | &`): a new Counter of the positive results. May collect.
fn combine(vm: &mut Vm<'_>, op: BinOp, a: Value, b: Value) -> PyResult<Value> {
    let out = alloc_dict(vm, &COUNTER_TYPE, 0)?;
    let m = vm.roots_mark();
    vm.push_root(out)?;
    let r = (|| {
        let mut i = 0;
        while let Some((k, x)) = next_entry(a, &mut i) {
            let mm = vm.roots_mark();
            vm.push_root(k)?;
            vm.push_root(x)?;
            let y = count(vm, b, k)?;
            vm.push_root(y)?;
            let n = match op {
                BinOp::Add | BinOp::Sub => runtime::binary_op(vm, op, x, y)?,
                // `|`: the larger, `&`: the smaller (`count < other_count`, as CPython).
                _ => {
                    let lt = runtime::compare(vm, x, y, CmpOp::Lt)?;
                    let lt = runtime::truthy(vm, lt)?;
                    if lt == (op == BinOp::Or) {
                        y
                    } else {
                        x
                    }
                }
            };
            vm.push_root(n)?;
            if sign_is(vm, n, false)? {
                dict::set(vm, out, k, n)?;
            }
            vm.pop_roots(mm);
        }
        if op != BinOp::And {
            let mut i = 0;
            while let Some((k, y)) = next_entry(b, &mut i) {
                if dict::get(vm, a, k)?.is_some() {
                    continue;
                }
                let mm = vm.roots_mark();
                vm.push_root(k)?;
                vm.push_root(y)?;
                if op == BinOp::Sub {
                    if sign_is(vm, y, true)? {
                        let n = runtime::binary_op(vm, BinOp::Sub, Value::small_int(0), y)?;
                        vm.push_root(n)?;
                        dict::set(vm, out, k, n)?;
                    }
                } else if sign_is(vm, y, false)? {
                    dict::set(vm, out, k, y)?;
                }
                vm.pop_roots(mm);
            }
        }
        Ok(out)
    })();
    vm.pop_roots(m);
    r
}

fn c_binop(vm: &mut Vm<'_>, op: BinOp, a: Value, b: Value, r: bool) -> PyResult<Value> {
    let base = op.base();
    if !matches!(base, BinOp::Add | BinOp::Sub | BinOp::Or | BinOp::And)
        || !is_a(a, &COUNTER_TYPE)
        || !is_a(b, &COUNTER_TYPE)
    {
        return obj::dict_methods::binop(vm, op, a, b, r);
    }
    let out = combine(vm, base, a, b)?;
    if !op.is_inplace() {
        return Ok(out);
    }
    // In place (`c += d`): `a` ends with the same counts, in the same order, as `a + d`.
    let m = vm.roots_mark();
    vm.push_root(out)?;
    let res = dict::clear(vm, a).and_then(|_| dict::update(vm, a, out));
    vm.pop_roots(m);
    res.map(|_| a)
}

/// Unary `+c` (the positive counts) and `-c` (the negated negative ones).
fn c_unop(vm: &mut Vm<'_>, op: UnaryOp, c: Value) -> PyResult<Value> {
    if !matches!(op, UnaryOp::Pos | UnaryOp::Neg) {
        return Err(vm.type_error(format_args!("bad operand type for unary {}: '{}'", op.symbol(), obj::type_name(c))));
    }
    let empty = alloc_dict(vm, &COUNTER_TYPE, 0)?;
    let m = vm.roots_mark();
    vm.push_root(empty)?;
    let r = combine(vm, if op == UnaryOp::Pos { BinOp::Add } else { BinOp::Sub }, empty, c);
    vm.pop_roots(m);
    r
}

/// `==` and `!=` (missing counts are 0) and the inclusion orders `<= < >= >` between
/// Counters; dict's comparison otherwise.
fn c_richcmp(vm: &mut Vm<'_>, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
    if !is_a(a, &COUNTER_TYPE) || !is_a(b, &COUNTER_TYPE) {
        return dict::richcmp(vm, a, b, op);
    }
    // Every count of either side compared with `cmp` against the other side's.
    let all = |vm: &mut Vm<'_>, cmp: CmpOp| -> PyResult<bool> {
        for (x, y, c) in [(a, b, cmp), (b, a, swap(cmp))] {
            let mut i = 0;
            while let Some((k, n)) = next_entry(x, &mut i) {
                let m = vm.roots_mark();
                vm.push_root(k)?;
                vm.push_root(n)?;
                let o = count(vm, y, k)?;
                vm.push_root(o)?;
                let r = runtime::compare(vm, n, o, c)?;
                let t = runtime::truthy(vm, r)?;
                vm.pop_roots(m);
                if !t {
                    return Ok(false);
                }
            }
        }
        Ok(true)
    };
    let r = match op {
        CmpOp::Eq => all(vm, CmpOp::Eq)?,
        CmpOp::Ne => !all(vm, CmpOp::Eq)?,
        CmpOp::Le | CmpOp::Ge => all(vm, op)?,
        CmpOp::Lt | CmpOp::Gt => all(vm, if op == CmpOp::Lt { CmpOp::Le } else { CmpOp::Ge })? && !all(vm, CmpOp::Eq)?,
        _ => return Ok(Value::NOT_IMPLEMENTED),
    };
    Ok(Value::bool(r))
}

fn swap(op: CmpOp) -> CmpOp {
    match op {
        CmpOp::Le => CmpOp::Ge,
        CmpOp::Ge => CmpOp::Le,
        CmpOp::Lt => CmpOp::Gt,
        CmpOp::Gt => CmpOp::Lt,
        x => x,
    }
}

crate::static_qstr!(Q_COUNTER, "Counter");
crate::static_qstr!(Q_MOST_COMMON, "most_common");
crate::static_qstr!(Q_ELEMENTS, "elements");
crate::static_qstr!(Q_SUBTRACT, "subtract");
crate::static_qstr!(Q_TOTAL, "total");
crate::static_qstr!(Q_MISSING, "__missing__");
crate::static_qstr!(Q_COPY_DUNDER, "__copy__");

/// `Counter.fromkeys()`: undefined, as CPython's.
fn c_fromkeys(vm: &mut Vm<'_>, _a: &Args<'_>) -> PyResult<Value> {
    Err(vm.raise_msg(
        &obj::exception::NOT_IMPLEMENTED_ERROR_TYPE,
        "Counter.fromkeys() is undefined.  Use Counter(iterable) instead.",
    ))
}

static METHODS: &[Builtin] = &[
    Builtin::class_method(&crate::qstr::fromkeys, c_fromkeys),
    Builtin::method(&crate::qstr::__init__, c_init),
    Builtin::method(&crate::qstr::update, c_update),
    Builtin::method(&Q_SUBTRACT, c_subtract),
    Builtin::method(&Q_MOST_COMMON, c_most_common),
    Builtin::method(&Q_ELEMENTS, c_elements),
    Builtin::method(&Q_TOTAL, c_total),
    Builtin::method(&Q_MISSING, c_missing),
    Builtin::method(&crate::qstr::copy, c_copy),
    Builtin::method(&Q_COPY_DUNDER, c_copy),
];

static SLOTS: Slots = Slots {
    repr: Some(c_repr),
    richcmp: Some(c_richcmp),
    getitem: Some(c_getitem),
    setitem: Some(c_setitem),
    binop: Some(c_binop),
    unop: Some(c_unop),
    new: Some(c_new),
    ..dict::DICT_SLOTS
};

/// `collections.Counter`.
pub static COUNTER_TYPE: Type = Type::builtin(
    &Q_COUNTER,
    Some(&dict::DICT_TYPE),
    Kind::Dict,
    obj::flags::BASETYPE | obj::flags::UNHASHABLE | obj::flags::PY_CLASS,
    &SLOTS,
    METHODS,
)
.in_module(&super::TYPE_NS);
