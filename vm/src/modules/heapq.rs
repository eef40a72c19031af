//! `heapq`: the binary min-heap over a list, as CPython's `_heapq` (same sift order, so the
//! same list after every call, and the same "list changed size during iteration" check
//! when a comparison resizes the heap). `merge` is not provided.

use crate::call;
use crate::obj::{self, exception as exc, Args};
use crate::runtime;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

rom_module!("heapq",
    fns: [heappush, heappop, heapify, heapreplace, heappushpop, nlargest, nsmallest],
    values: [],
);

/// Argument 1 as a list, or CPython's TypeError.
fn heap_arg(vm: &mut Vm<'_>, name: &str, a: &Args<'_>, n: usize) -> PyResult<Value> {
    if !a.kwnames.is_empty() {
        return Err(vm.type_error(format_args!("{name}() takes no keyword arguments")));
    }
    if a.pos.len() != n {
        return Err(if n == 1 {
            vm.type_error(format_args!(
                "_heapq.{name}() takes exactly one argument ({} given)",
                a.pos.len()
            ))
        } else {
            vm.type_error(format_args!(
                "{name} expected {n} arguments, got {}",
                a.pos.len()
            ))
        });
    }
    let h = a.pos[0];
    if obj::list::as_list(h).is_none() {
        let which = if n == 1 { "argument" } else { "argument 1" };
        return Err(vm.type_error(format_args!(
            "{name}() {which} must be list, not {}",
            obj::type_name(h)
        )));
    }
    Ok(h)
}

fn len(h: Value) -> usize {
    obj::list::as_list(h).map_or(0, |l| l.len())
}
fn get(h: Value, i: usize) -> Value {
    obj::list::as_list(h)
        .and_then(|l| l.get(i))
        .unwrap_or(Value::NONE)
}
fn swap(h: Value, i: usize, j: usize) {
    if let Some(l) = obj::list::as_list(h) {
        let (a, b) = (get(h, i), get(h, j));
        l.set(i, b);
        l.set(j, a);
    }
}

/// `a < b`, with both rooted while Python code may run. May collect.
fn less(vm: &mut Vm<'_>, a: Value, b: Value) -> PyResult<bool> {
    let m = vm.roots_mark();
    vm.push_root(a)?;
    vm.push_root(b)?;
    let r = runtime::lt(vm, a, b);
    vm.pop_roots(m);
    r
}

fn changed(vm: &mut Vm<'_>) -> crate::vm::Raised {
    vm.raise_msg(
        &exc::RUNTIME_ERROR_TYPE,
        "list changed size during iteration",
    )
}

fn index_error(vm: &mut Vm<'_>) -> crate::vm::Raised {
    vm.raise_msg(&exc::INDEX_ERROR_TYPE, "index out of range")
}

/// Move the item at `pos` up towards `start` while it is smaller than its parent.
fn sift_down(vm: &mut Vm<'_>, h: Value, start: usize, mut pos: usize) -> PyResult<()> {
    let size = len(h);
    if pos >= size {
        return Err(index_error(vm));
    }
    while pos > start {
        let parent = (pos - 1) >> 1;
        let lt = less(vm, get(h, pos), get(h, parent))?;
        if size != len(h) {
            return Err(changed(vm));
        }
        if !lt {
            break;
        }
        swap(h, parent, pos);
        pos = parent;
    }
    Ok(())
}

/// Move the smaller child up from `pos` to a leaf, then sift the item there down.
fn sift_up(vm: &mut Vm<'_>, h: Value, mut pos: usize) -> PyResult<()> {
    let end = len(h);
    let start = pos;
    if pos >= end {
        return Err(index_error(vm));
    }
    let limit = end >> 1;
    while pos < limit {
        let mut child = 2 * pos + 1;
        if child + 1 < end {
            let lt = less(vm, get(h, child), get(h, child + 1))?;
            if !lt {
                child += 1;
            }
            if end != len(h) {
                return Err(changed(vm));
            }
        }
        swap(h, child, pos);
        pos = child;
    }
    sift_down(vm, h, start, pos)
}

fn heappush(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let h = heap_arg(vm, "heappush", a, 2)?;
    obj::list::append(vm, h, a.pos[1])?;
    sift_down(vm, h, 0, len(h) - 1)?;
    Ok(Value::NONE)
}

fn heappop(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let h = heap_arg(vm, "heappop", a, 1)?;
    let n = len(h);
    if n == 0 {
        return Err(index_error(vm));
    }
    let last = obj::list::remove_at(h, n - 1).unwrap_or(Value::NONE);
    if n == 1 {
        return Ok(last);
    }
    let top = get(h, 0);
    if let Some(l) = obj::list::as_list(h) {
        l.set(0, last);
    }
    let m = vm.roots_mark();
    vm.push_root(top)?;
    let r = sift_up(vm, h, 0);
    vm.pop_roots(m);
    r.map(|_| top)
}

/// Replace the top with `item` and restore the heap; returns the old top. May collect.
fn replace_top(vm: &mut Vm<'_>, h: Value, item: Value) -> PyResult<Value> {
    if len(h) == 0 {
        return Err(index_error(vm));
    }
    let top = get(h, 0);
    if let Some(l) = obj::list::as_list(h) {
        l.set(0, item);
    }
    let m = vm.roots_mark();
    vm.push_root(top)?;
    let r = sift_up(vm, h, 0);
    vm.pop_roots(m);
    r.map(|_| top)
}

fn heapreplace(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let h = heap_arg(vm, "heapreplace", a, 2)?;
    replace_top(vm, h, a.pos[1])
}

fn heappushpop(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let h = heap_arg(vm, "heappushpop", a, 2)?;
    let item = a.pos[1];
    if len(h) == 0 || !less(vm, get(h, 0), item)? {
        return Ok(item);
    }
    replace_top(vm, h, item)
}

fn heapify(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let h = heap_arg(vm, "heapify", a, 1)?;
    let n = len(h);
    for i in (0..n / 2).rev() {
        sift_up(vm, h, i)?;
    }
    Ok(Value::NONE)
}

/// `sorted(iterable, key=key, reverse=reverse)[:n]`, which CPython documents `nsmallest`
/// and `nlargest` as equivalent to. May collect.
fn select(vm: &mut Vm<'_>, name: &str, a: &Args<'_>, reverse: bool) -> PyResult<Value> {
    let (mut n, mut it, mut key) = (a.get(0), a.get(1), Value::NONE);
    for (k, v) in a.kwnames.iter().zip(a.kwvals) {
        match obj::str::as_str(*k) {
            Some("key") => key = *v,
            Some("n") if n.is_null() => n = *v,
            Some("iterable") if it.is_null() => it = *v,
            Some(k) => {
                return Err(vm.type_error(format_args!(
                    "{name}() got an unexpected keyword argument '{k}'"
                )))
            }
            None => {}
        }
    }
    if a.pos.len() > 3 || (a.pos.len() == 3 && !a.kwnames.is_empty()) {
        return Err(vm.type_error(format_args!(
            "{name}() takes from 2 to 3 positional arguments but {} were given",
            a.pos.len()
        )));
    }
    if a.pos.len() == 3 {
        key = a.pos[2];
    }
    if n.is_null() || it.is_null() {
        let missing = if n.is_null() {
            "'n' and 'iterable'"
        } else {
            "'iterable'"
        };
        let count = if n.is_null() {
            "2 required positional arguments"
        } else {
            "1 required positional argument"
        };
        return Err(vm.type_error(format_args!("{name}() missing {count}: {missing}")));
    }
    let count = runtime::index_arg_typed(vm, n)?;
    let sorted = crate::builtins::lookup(Value::qstr(&crate::qstr::sorted)).unwrap_or(Value::NONE);
    let kwnames = [
        Value::qstr(&crate::qstr::key),
        Value::qstr(&crate::qstr::reverse),
    ];
    let kwvals = [key, Value::bool(reverse)];
    let l = call::call_args(
        vm,
        sorted,
        &Args {
            pos: &[it],
            kwnames: &kwnames,
            kwvals: &kwvals,
        },
    )?;
    if let Some(lo) = obj::list::as_list(l) {
        let keep = count.clamp(0, lo.len() as i64) as usize;
        while lo.len() > keep {
            obj::list::remove_at(l, lo.len() - 1);
        }
    }
    Ok(l)
}

fn nlargest(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    select(vm, "nlargest", a, true)
}
fn nsmallest(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    select(vm, "nsmallest", a, false)
}
