//! `bisect`: binary search and insertion in sorted sequences, as CPython's `_bisect`
//! (`bisect_left`, `bisect_right`, `insort_left`, `insort_right`, `bisect`, `insort`;
//! `lo`, `hi` and the keyword-only `key`).

use crate::call;
use crate::obj::{self, exception as exc, Args};
use crate::runtime;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

rom_module!("bisect",
    fns: [bisect_left, bisect_right, insort_left, insort_right, bisect, insort],
    values: [],
);

/// `(a, x, lo, hi, key)` of `f(a, x, lo=0, hi=None, *, key=None)`.
fn parse(vm: &mut Vm<'_>, name: &str, args: &Args<'_>) -> PyResult<(Value, Value, i64, Option<i64>, Value)> {
    let mut slots = [Value::NULL; 5];
    if args.pos.len() > 4 {
        return Err(vm.type_error(format_args!("{name}() takes at most 4 arguments ({} given)", args.pos.len())));
    }
    slots[..args.pos.len()].copy_from_slice(args.pos);
    for (k, v) in args.kwnames.iter().zip(args.kwvals) {
        let i = match obj::str::as_str(*k) {
            Some("a") => 0,
            Some("x") => 1,
            Some("lo") => 2,
            Some("hi") => 3,
            Some("key") => 4,
            Some(k) => return Err(vm.type_error(format_args!("{name}() got an unexpected keyword argument '{k}'"))),
            None => continue,
        };
        if !slots[i].is_null() {
            let k = obj::str::as_str(*k).unwrap_or("?");
            return Err(
                vm.type_error(format_args!("argument for {name}() given by name ('{k}') and position ({})", i + 1))
            );
        }
        slots[i] = *v;
    }
    for (i, n) in ["a", "x"].iter().enumerate() {
        if slots[i].is_null() {
            return Err(vm.type_error(format_args!("{name}() missing required argument '{n}' (pos {})", i + 1)));
        }
    }
    let lo = if slots[2].is_null() { 0 } else { runtime::index_arg_typed(vm, slots[2])? };
    if lo < 0 {
        return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "lo must be non-negative"));
    }
    let hi = if slots[3].is_null() || slots[3] == Value::NONE {
        None
    } else {
        Some(runtime::index_arg_typed(vm, slots[3])?)
    };
    let key = if slots[4] == Value::NONE { Value::NULL } else { slots[4] };
    Ok((slots[0], slots[1], lo, hi, key))
}

/// The insertion point of `x` (already a key) in `a[lo:hi]`. May collect.
fn search(vm: &mut Vm<'_>, a: Value, x: Value, lo: i64, hi: Option<i64>, key: Value, right: bool) -> PyResult<i64> {
    let (mut lo, mut hi) = (
        lo,
        match hi {
            Some(h) => h,
            None => runtime::len(vm, a)? as i64,
        },
    );
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let idx = obj::int::from_i64(vm, mid)?;
        let mut item = runtime::get_item(vm, a, idx)?;
        if !key.is_null() {
            item = call::call(vm, key, &[item])?;
        }
        let m = vm.roots_mark();
        vm.push_root(item)?;
        let go_left = if right { runtime::lt(vm, x, item) } else { runtime::lt(vm, item, x).map(|b| !b) };
        vm.pop_roots(m);
        if go_left? {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Ok(lo)
}

fn find(vm: &mut Vm<'_>, name: &str, args: &Args<'_>, right: bool) -> PyResult<Value> {
    let (a, x, lo, hi, key) = parse(vm, name, args)?;
    let i = search(vm, a, x, lo, hi, key, right)?;
    obj::int::from_i64(vm, i)
}

fn insort_at(vm: &mut Vm<'_>, name: &str, args: &Args<'_>, right: bool) -> PyResult<Value> {
    let (a, x, lo, hi, key) = parse(vm, name, args)?;
    let k = if key.is_null() { x } else { call::call(vm, key, &[x])? };
    let m = vm.roots_mark();
    vm.push_root(k)?;
    let r = search(vm, a, k, lo, hi, key, right);
    vm.pop_roots(m);
    let i = r?;
    if obj::list::as_exact_list(a).is_some() {
        let n = obj::list::as_list(a).map_or(0, |l| l.len());
        obj::list::insert(vm, a, (i.max(0) as usize).min(n), x)?;
    } else {
        let idx = obj::int::from_i64(vm, i)?;
        if runtime::call_method_by_name(vm, a, "insert", &[idx, x])?.is_none() {
            return Err(runtime::attr_error(vm, a, Value::qstr(&crate::qstr::insert)));
        }
    }
    Ok(Value::NONE)
}

fn bisect_left(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    find(vm, "bisect_left", a, false)
}
fn bisect_right(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    find(vm, "bisect_right", a, true)
}
fn bisect(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    find(vm, "bisect_right", a, true)
}
fn insort_left(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    insort_at(vm, "insort_left", a, false)
}
fn insort_right(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    insort_at(vm, "insort_right", a, true)
}
fn insort(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    insort_at(vm, "insort_right", a, true)
}
