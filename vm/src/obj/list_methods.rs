//! Methods of `list` (`list.append`, `list.sort`, ...).

use super::list::{self, as_list};
use super::{Args, Builtin};
use crate::obj::{self, exception as exc};
use crate::qstr;
use crate::runtime;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

fn this(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let v = args.get(0);
    if as_list(v).is_none() {
        return Err(vm.type_error(format_args!("descriptor requires a 'list' object")));
    }
    Ok(v)
}

fn append(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let l = this(vm, args)?;
    runtime::check_nargs(vm, "append", args, 2, 2)?;
    list::append(vm, l, args.get(1))?;
    Ok(Value::NONE)
}

fn extend(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let l = this(vm, args)?;
    runtime::check_nargs(vm, "extend", args, 2, 2)?;
    list::extend(vm, l, args.get(1))?;
    Ok(Value::NONE)
}

fn pop(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let l = this(vm, args)?;
    runtime::check_nargs(vm, "pop", args, 1, 2)?;
    // The index first (`__index__` may run Python code), then the length as it is now.
    let i = if args.pos.len() > 1 { runtime::index_arg_typed(vm, args.pos[1])? } else { -1 };
    let n = as_list(l).map(|x| x.len()).unwrap_or(0);
    if n == 0 {
        return Err(vm.raise_msg(&exc::INDEX_ERROR_TYPE, "pop from empty list"));
    }
    match runtime::norm_index(i, n).and_then(|i| list::remove_at(l, i)) {
        Some(x) => Ok(x),
        None => Err(vm.raise_msg(&exc::INDEX_ERROR_TYPE, "pop index out of range")),
    }
}

fn insert(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let l = this(vm, args)?;
    runtime::check_nargs(vm, "insert", args, 3, 3)?;
    let i = runtime::index_arg_typed(vm, args.pos[1])?;
    let n = as_list(l).map(|x| x.len()).unwrap_or(0);
    list::insert(vm, l, runtime::clamp_to(i, n), args.pos[2])?;
    Ok(Value::NONE)
}

/// Should a container item be rooted while a comparison runs? Not lists, tuples and dicts:
/// comparing them roots their own items one level down, and rooting every level of a
/// deeply nested structure would use up the temp-root stack.
pub(crate) fn root_for_compare(v: Value) -> bool {
    v.is_obj() && obj::tuple::items(v).is_none() && as_list(v).is_none() && obj::dict::as_dict(v).is_none()
}

/// `x == l[i]`, keeping `l[i]` alive while `__eq__` runs (it may remove it from `l` and
/// collect before the reflected comparison needs it). May run Python code.
pub(crate) fn item_eq(vm: &mut Vm<'_>, y: Value, x: Value) -> PyResult<bool> {
    if y == x {
        return Ok(true);
    }
    if !root_for_compare(y) {
        return runtime::eq(vm, y, x);
    }
    let m = vm.roots_mark();
    vm.push_root(y)?;
    let r = runtime::eq(vm, y, x);
    vm.pop_roots(m);
    r
}

fn find(vm: &mut Vm<'_>, l: Value, x: Value) -> PyResult<Option<usize>> {
    let mut i = 0;
    while let Some(y) = as_list(l).and_then(|ll| ll.get(i)) {
        if item_eq(vm, y, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn remove(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let l = this(vm, args)?;
    runtime::check_nargs(vm, "remove", args, 2, 2)?;
    match find(vm, l, args.pos[1])? {
        Some(i) => {
            list::remove_at(l, i);
            Ok(Value::NONE)
        }
        None => Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "list.remove(x): x not in list")),
    }
}

fn index(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let l = this(vm, args)?;
    runtime::check_nargs(vm, "index", args, 2, 4)?;
    let start = if args.pos.len() > 2 { runtime::slice_index_arg(vm, args.pos[2], false)? } else { 0 };
    let stop = if args.pos.len() > 3 { runtime::slice_index_arg(vm, args.pos[3], false)? } else { i64::MAX };
    let n = as_list(l).map(|x| x.len()).unwrap_or(0);
    let (start, stop) = (runtime::clamp_to(start, n), runtime::clamp_to(stop, n));
    let x = args.pos[1];
    let mut i = start;
    while i < stop {
        let Some(y) = as_list(l).and_then(|ll| ll.get(i)) else { break };
        if item_eq(vm, y, x)? {
            return Ok(Value::small_int(i as isize));
        }
        i += 1;
    }
    let m = vm.roots_mark();
    let r = runtime::repr(vm, x)?;
    vm.push_root(r)?;
    let e = vm.value_error(format_args!("{} is not in list", crate::obj::str::as_str(r).unwrap_or("")));
    vm.pop_roots(m);
    Err(e)
}

fn count(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let l = this(vm, args)?;
    runtime::check_nargs(vm, "count", args, 2, 2)?;
    let x = args.pos[1];
    let mut c = 0;
    let mut i = 0;
    while let Some(y) = as_list(l).and_then(|ll| ll.get(i)) {
        if item_eq(vm, y, x)? {
            c += 1;
        }
        i += 1;
    }
    Ok(Value::small_int(c))
}

fn reverse_in_place(l: Value) {
    if let Some(ll) = as_list(l) {
        let n = ll.len();
        for i in 0..n / 2 {
            let a = ll.get(i).unwrap_or(Value::NONE);
            let b = ll.get(n - 1 - i).unwrap_or(Value::NONE);
            ll.set(i, b);
            ll.set(n - 1 - i, a);
        }
    }
}

fn reverse(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let l = this(vm, args)?;
    runtime::check_nargs(vm, "reverse", args, 1, 1)?;
    reverse_in_place(l);
    Ok(Value::NONE)
}

fn clear(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let l = this(vm, args)?;
    runtime::check_nargs(vm, "clear", args, 1, 1)?;
    if let Some(ll) = as_list(l) {
        while !ll.is_empty() {
            list::remove_at(l, ll.len() - 1);
        }
    }
    Ok(Value::NONE)
}

/// `list.__init__(self, iterable=())`: the list becomes a copy of the iterable (what a
/// subclass's `super().__init__(x)` relies on).
fn init(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let l = this(vm, args)?;
    if !args.kwnames.is_empty() {
        return Err(vm.type_error(format_args!("list() takes no keyword arguments")));
    }
    runtime::check_nargs(vm, "list", args, 1, 2)?;
    clear(vm, &Args::new(&args.pos[..1]))?;
    if let Some(x) = args.pos.get(1) {
        list::extend(vm, l, *x)?;
    }
    Ok(Value::NONE)
}

fn copy(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let l = this(vm, args)?;
    runtime::check_nargs(vm, "copy", args, 1, 1)?;
    let xs = as_list(l).map(|x| x.as_slice()).unwrap_or(&[]);
    list::from_slice(vm, xs)
}

/// Stable merge sort of `vals` (a list) by `keys` (a parallel list, or the same list).
/// Comparisons use `<` and may run Python code; the lists are rooted by the caller.
fn merge_sort(vm: &mut Vm<'_>, keys: Value, vals: Value, tk: Value, tv: Value, lo: usize, hi: usize) -> PyResult<()> {
    if hi - lo < 2 {
        return Ok(());
    }
    if hi - lo <= 8 {
        // insertion sort
        for i in lo + 1..hi {
            let mut j = i;
            while j > lo {
                let a = get(keys, j - 1);
                let b = get(keys, j);
                if runtime::lt(vm, b, a)? {
                    swap(keys, j - 1, j);
                    if keys != vals {
                        swap(vals, j - 1, j);
                    }
                    j -= 1;
                } else {
                    break;
                }
            }
        }
        return Ok(());
    }
    let mid = lo + (hi - lo) / 2;
    merge_sort(vm, keys, vals, tk, tv, lo, mid)?;
    merge_sort(vm, keys, vals, tk, tv, mid, hi)?;
    // merge into temps
    let (mut i, mut j, mut k) = (lo, mid, lo);
    while i < mid && j < hi {
        let a = get(keys, i);
        let b = get(keys, j);
        if runtime::lt(vm, b, a)? {
            put(tk, k, b);
            put(tv, k, get(vals, j));
            j += 1;
        } else {
            put(tk, k, a);
            put(tv, k, get(vals, i));
            i += 1;
        }
        k += 1;
    }
    while i < mid {
        put(tk, k, get(keys, i));
        put(tv, k, get(vals, i));
        i += 1;
        k += 1;
    }
    while j < hi {
        put(tk, k, get(keys, j));
        put(tv, k, get(vals, j));
        j += 1;
        k += 1;
    }
    for x in lo..hi {
        put(keys, x, get(tk, x));
        if keys != vals {
            put(vals, x, get(tv, x));
        }
    }
    Ok(())
}

fn get(l: Value, i: usize) -> Value {
    as_list(l).and_then(|x| x.get(i)).unwrap_or(Value::NONE)
}
fn put(l: Value, i: usize, v: Value) {
    if let Some(x) = as_list(l) {
        x.set(i, v)
    }
}
fn swap(l: Value, i: usize, j: usize) {
    let a = get(l, i);
    let b = get(l, j);
    put(l, i, b);
    put(l, j, a);
}

/// Sort list `l` in place (stable), with an optional key function and reverse flag. As in
/// CPython, the list looks empty while the key function and comparisons run, and changing it
/// meanwhile raises `ValueError: list modified during sort` (the sorted items stay).
/// May collect; `l` and `key` must be rooted.
pub fn sort_list(vm: &mut Vm<'_>, l: Value, key: Value, rev: bool) -> PyResult<()> {
    let n = as_list(l).map(|x| x.len()).unwrap_or(0);
    if n < 2 {
        // CPython calls the key function even on a single item (its errors propagate).
        if n == 1 && !key.is_null() && key != Value::NONE {
            runtime::call(vm, key, &[get(l, 0)])?;
        }
        return Ok(());
    }
    let m = vm.roots_mark();
    // Sort a copy (it also keeps the items alive while the list's buffer is detached).
    let vals = list::from_slice(vm, as_list(l).map(|x| x.as_slice()).unwrap_or(&[]))?;
    vm.push_root(vals)?;
    let detached = list::detach(vm, l)?;
    let r = sort_values(vm, vals, key, rev, n);
    let modified = list::reattach(l, detached);
    if r.is_ok() {
        if let Some(dst) = as_list(l) {
            for i in 0..n.min(dst.len()) {
                dst.set(i, get(vals, i));
            }
        }
    }
    vm.pop_roots(m);
    r?;
    if modified {
        return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "list modified during sort"));
    }
    Ok(())
}

/// Sort the `n` items of the detached copy `vals` (rooted) in place. May collect.
fn sort_values(vm: &mut Vm<'_>, vals: Value, key: Value, rev: bool, n: usize) -> PyResult<()> {
    let m = vm.roots_mark();
    if rev {
        reverse_in_place(vals);
    }
    let keys = if key.is_null() || key == Value::NONE {
        vals
    } else {
        let ks = list::with_capacity(vm, n)?;
        vm.push_root(ks)?;
        for i in 0..n {
            let x = get(vals, i);
            let k = runtime::call(vm, key, &[x])?;
            list::append(vm, ks, k)?;
        }
        ks
    };
    let tk = list::from_slice(vm, as_list(vals).map(|x| x.as_slice()).unwrap_or(&[]))?;
    vm.push_root(tk)?;
    let tv = list::from_slice(vm, as_list(vals).map(|x| x.as_slice()).unwrap_or(&[]))?;
    vm.push_root(tv)?;
    let r = merge_sort(vm, keys, vals, tk, tv, 0, n);
    if r.is_ok() && rev {
        reverse_in_place(vals);
    }
    vm.pop_roots(m);
    r
}

fn sort(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let l = this(vm, args)?;
    if args.pos.len() > 1 {
        return Err(vm.type_error(format_args!("sort() takes no positional arguments")));
    }
    let key = args.kw("key");
    let rev = args.kw("reverse");
    let rev = !rev.is_null() && runtime::truthy(vm, rev)?;
    sort_list(vm, l, key, rev)?;
    Ok(Value::NONE)
}

/// The method table of `list`.
pub static METHODS: &[Builtin] = &[
    Builtin::method(&qstr::__init__, init),
    Builtin::method(&qstr::append, append),
    Builtin::method(&qstr::extend, extend),
    Builtin::method(&qstr::pop, pop),
    Builtin::method(&qstr::insert, insert),
    Builtin::method(&qstr::remove, remove),
    Builtin::method(&qstr::index, index),
    Builtin::method(&qstr::count, count),
    Builtin::method(&qstr::sort, sort),
    Builtin::method(&qstr::reverse, reverse),
    Builtin::method(&qstr::clear, clear),
    Builtin::method(&qstr::copy, copy),
];
