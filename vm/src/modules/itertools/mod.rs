//! `itertools`: the iterator building blocks, as CPython's (same results, same order).
//!
//! Every iterator here shares one layout; its type says which one it is:
//!
//! ```text
//!  ItObj  ObjHeader | src Value | f Value | acc Value | i isize | j isize | k isize
//! ```
//! | type | src | f | acc | i, j, k |
//! |---|---|---|---|---|
//! | count | — | step | next value | — |
//! | cycle | iterator | — | saved items (list) | replaying, position |
//! | repeat | — | object | — | times left (-1: forever) |
//! | accumulate | iterator | func or NULL | total (NULL: none yet) | initial pending |
//! | chain | iterables (tuple) or iterator of them | — | current iterator | next index, from_iterable |
//! | islice | iterator | — | — | next index, stop (-1: None), step; count in `k`... |
//! | takewhile, dropwhile, filterfalse, starmap | iterator | func | — | done / dropping |
//! | compress | data iterator | selectors iterator | — | — |
//! | pairwise | iterator | — | previous item | — |
//! | zip_longest | iterators (list; None once exhausted) | fill value | — | active count |
//! | product, combinations, combinations_with_replacement, permutations | pools (tuple of tuples, or one tuple) | cycles (list) | indices (list) | state, r, n |
//!
//! `groupby` and its groups have layouts of their own (below); `tee` is in `tee.rs`.
//!
//! islice keeps `cnt` in `k` and its step in the `f` slot as a small int.

use core::cell::Cell;

use crate::call;
use crate::obj::{self, exception as exc, Args, Builtin, Kind, Slots, Type};
use crate::rom::ObjHeader;
use crate::runtime;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

mod tee;

use tee::tee;

rom_module!("itertools",
    fns: [tee],
    values: [
        count => Value::rom(&COUNT),
        cycle => Value::rom(&CYCLE),
        repeat => Value::rom(&REPEAT),
        accumulate => Value::rom(&ACCUMULATE),
        chain => Value::rom(&CHAIN),
        islice => Value::rom(&ISLICE),
        takewhile => Value::rom(&TAKEWHILE),
        dropwhile => Value::rom(&DROPWHILE),
        filterfalse => Value::rom(&FILTERFALSE),
        starmap => Value::rom(&STARMAP),
        compress => Value::rom(&COMPRESS),
        pairwise => Value::rom(&PAIRWISE),
        zip_longest => Value::rom(&ZIP_LONGEST),
        product => Value::rom(&PRODUCT),
        combinations => Value::rom(&COMBINATIONS),
        combinations_with_replacement => Value::rom(&COMBINATIONS_WR),
        permutations => Value::rom(&PERMUTATIONS),
        groupby => Value::rom(&GROUPBY),
    ],
);

#[repr(C)]
struct ItObj {
    hdr: ObjHeader,
    src: Cell<Value>,
    f: Cell<Value>,
    acc: Cell<Value>,
    i: Cell<isize>,
    j: Cell<isize>,
    k: Cell<isize>,
}

static ALL: [&Type; 17] = [
    &COUNT,
    &CYCLE,
    &REPEAT,
    &ACCUMULATE,
    &CHAIN,
    &ISLICE,
    &TAKEWHILE,
    &DROPWHILE,
    &FILTERFALSE,
    &STARMAP,
    &COMPRESS,
    &PAIRWISE,
    &ZIP_LONGEST,
    &PRODUCT,
    &COMBINATIONS,
    &COMBINATIONS_WR,
    &PERMUTATIONS,
];

fn as_it(v: Value) -> Option<&'static ItObj> {
    let t = obj::type_of(v);
    // SAFETY: objects of these types (not subclassable) are ItObj objects made by `make`.
    ALL.iter().any(|x| core::ptr::eq(*x, t)).then(|| unsafe { &*(v.as_ptr() as *const ItObj) })
}

/// A new iterator of type `ty` (values rooted by the caller). May collect.
fn make(vm: &mut Vm<'_>, ty: &'static Type, src: Value, f: Value, acc: Value, ijk: [isize; 3]) -> PyResult<Value> {
    let v = vm.alloc_obj(ty, core::mem::size_of::<ItObj>())?;
    // SAFETY: fresh ItObj-sized allocation.
    unsafe {
        let p = v.as_ptr() as *mut ItObj;
        (*p).src = Cell::new(src);
        (*p).f = Cell::new(f);
        (*p).acc = Cell::new(acc);
        (*p).i = Cell::new(ijk[0]);
        (*p).j = Cell::new(ijk[1]);
        (*p).k = Cell::new(ijk[2]);
    }
    Ok(v)
}

/// Run `f` with `vals` pushed as roots.
fn rooted<T>(vm: &mut Vm<'_>, vals: &[Value], f: impl FnOnce(&mut Vm<'_>) -> PyResult<T>) -> PyResult<T> {
    let m = vm.roots_mark();
    for v in vals {
        if let Err(e) = vm.push_root(*v) {
            vm.pop_roots(m);
            return Err(e);
        }
    }
    let r = f(vm);
    vm.pop_roots(m);
    r
}

fn no_kw(vm: &mut Vm<'_>, name: &str, a: &Args<'_>) -> PyResult<()> {
    if a.kwnames.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(format_args!("{name}() takes no keyword arguments")))
    }
}

fn npos(vm: &mut Vm<'_>, name: &str, a: &Args<'_>, lo: usize, hi: usize) -> PyResult<()> {
    let n = a.pos.len();
    if n < lo {
        return Err(
            vm.type_error(format_args!("{name} expected {lo} argument{}, got {n}", if lo == 1 { "" } else { "s" }))
        );
    }
    if n > hi {
        return Err(vm.type_error(format_args!(
            "{name} expected at most {hi} argument{}, got {n}",
            if hi == 1 { "" } else { "s" }
        )));
    }
    Ok(())
}

/// Keyword-or-positional arguments `names` (CPython's argument clinic shape).
fn bind<const N: usize>(vm: &mut Vm<'_>, fname: &str, a: &Args<'_>, names: [&str; N]) -> PyResult<[Value; N]> {
    let mut out = [Value::NULL; N];
    if a.pos.len() > N {
        return Err(vm.type_error(format_args!("{fname}() takes at most {N} arguments ({} given)", a.pos.len())));
    }
    out[..a.pos.len()].copy_from_slice(a.pos);
    for (k, v) in a.kwnames.iter().zip(a.kwvals) {
        let k = obj::str::as_str(*k).unwrap_or("");
        match names.iter().position(|n| *n == k) {
            Some(i) if out[i].is_null() => out[i] = *v,
            _ => return Err(vm.type_error(format_args!("{fname}() got an unexpected keyword argument '{k}'"))),
        }
    }
    Ok(out)
}

// ----- constructors -----

fn count_new(vm: &mut Vm<'_>, _c: Value, a: &Args<'_>) -> PyResult<Value> {
    let [start, step] = bind(vm, "count", a, ["start", "step"])?;
    let start = if start.is_null() { Value::small_int(0) } else { start };
    let step = if step.is_null() { Value::small_int(1) } else { step };
    for v in [start, step] {
        if !obj::int::is_int(v) && obj::float::as_f64(v).is_none() {
            return Err(vm.type_error(format_args!("a number is required")));
        }
    }
    make(vm, &COUNT, Value::NONE, step, start, [0; 3])
}

fn cycle_new(vm: &mut Vm<'_>, _c: Value, a: &Args<'_>) -> PyResult<Value> {
    no_kw(vm, "cycle", a)?;
    npos(vm, "cycle", a, 1, 1)?;
    let it = runtime::get_iter(vm, a.pos[0])?;
    rooted(vm, &[it], |vm| {
        let saved = obj::list::with_capacity(vm, 0)?;
        rooted(vm, &[saved], |vm| make(vm, &CYCLE, it, Value::NONE, saved, [0; 3]))
    })
}

fn repeat_new(vm: &mut Vm<'_>, _c: Value, a: &Args<'_>) -> PyResult<Value> {
    let [o, times] = bind(vm, "repeat", a, ["object", "times"])?;
    if o.is_null() {
        return Err(vm.type_error(format_args!("repeat() missing required argument 'object' (pos 1)")));
    }
    let n = if times.is_null() { -1 } else { runtime::index_arg_typed(vm, times)?.max(0) as isize };
    make(vm, &REPEAT, Value::NONE, o, Value::NONE, [n, 0, 0])
}

fn accumulate_new(vm: &mut Vm<'_>, _c: Value, a: &Args<'_>) -> PyResult<Value> {
    let [it, func, initial] = bind(vm, "accumulate", a, ["iterable", "func", "initial"])?;
    if it.is_null() {
        return Err(vm.type_error(format_args!("accumulate() missing required argument 'iterable' (pos 1)")));
    }
    let it = runtime::get_iter(vm, it)?;
    let func = if func == Value::NONE { Value::NULL } else { func };
    let (acc, pending) = if initial.is_null() || initial == Value::NONE { (Value::NULL, 0) } else { (initial, 1) };
    rooted(vm, &[it], |vm| make(vm, &ACCUMULATE, it, func, acc, [pending, 0, 0]))
}

fn chain_new(vm: &mut Vm<'_>, _c: Value, a: &Args<'_>) -> PyResult<Value> {
    no_kw(vm, "chain", a)?;
    let t = obj::tuple::new(vm, a.pos)?;
    rooted(vm, &[t], |vm| make(vm, &CHAIN, t, Value::NONE, Value::NULL, [0; 3]))
}

fn chain_from_iterable(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    // A static method: `a.pos` holds just the iterable.
    if a.pos.len() != 1 {
        return Err(
            vm.type_error(format_args!("chain.from_iterable() takes exactly one argument ({} given)", a.pos.len()))
        );
    }
    let it = runtime::get_iter(vm, a.pos[0])?;
    rooted(vm, &[it], |vm| make(vm, &CHAIN, it, Value::NONE, Value::NULL, [0, 1, 0]))
}

fn islice_new(vm: &mut Vm<'_>, _c: Value, a: &Args<'_>) -> PyResult<Value> {
    no_kw(vm, "islice", a)?;
    let n = a.pos.len();
    if !(2..=4).contains(&n) {
        return Err(vm.type_error(format_args!(
            "islice expected {} arguments, got {}",
            if n < 2 { "at least 2" } else { "at most 4" },
            n
        )));
    }
    let arg = |vm: &mut Vm<'_>, v: Value, dflt: isize, msg: &str| -> PyResult<isize> {
        if v == Value::NONE {
            return Ok(dflt);
        }
        match obj::int::to_i64(v).filter(|_| obj::int::is_int(v)) {
            Some(i) if i >= 0 && i <= isize::MAX as i64 => Ok(i as isize),
            _ => Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, msg)),
        }
    };
    const IDX: &str = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    const STOP: &str = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    let (start, stop, step) = if n == 2 {
        (0, arg(vm, a.pos[1], -1, STOP)?, 1)
    } else {
        let stop = arg(vm, a.pos[2], -1, STOP)?;
        let start = arg(vm, a.pos[1], 0, IDX)?;
        let step = if n == 4 {
            let s = a.pos[3];
            match obj::int::to_i64(s).filter(|_| obj::int::is_int(s)) {
                _ if s == Value::NONE => 1,
                Some(i) if i >= 1 && i <= isize::MAX as i64 => i as isize,
                _ => {
                    return Err(
                        vm.raise_msg(&exc::VALUE_ERROR_TYPE, "Step for islice() must be a positive integer or None.")
                    )
                }
            }
        } else {
            1
        };
        (start, stop, step)
    };
    let it = runtime::get_iter(vm, a.pos[0])?;
    rooted(vm, &[it], |vm| make(vm, &ISLICE, it, Value::small_int(step.min(1 << 29)), Value::NONE, [start, stop, 0]))
}

/// `name(func, iterable)`.
fn func_iter(vm: &mut Vm<'_>, ty: &'static Type, name: &str, a: &Args<'_>) -> PyResult<Value> {
    no_kw(vm, name, a)?;
    npos(vm, name, a, 2, 2)?;
    let it = runtime::get_iter(vm, a.pos[1])?;
    rooted(vm, &[it], |vm| make(vm, ty, it, a.pos[0], Value::NONE, [0; 3]))
}
fn takewhile_new(vm: &mut Vm<'_>, _c: Value, a: &Args<'_>) -> PyResult<Value> {
    func_iter(vm, &TAKEWHILE, "takewhile", a)
}
fn dropwhile_new(vm: &mut Vm<'_>, _c: Value, a: &Args<'_>) -> PyResult<Value> {
    func_iter(vm, &DROPWHILE, "dropwhile", a)
}
fn filterfalse_new(vm: &mut Vm<'_>, _c: Value, a: &Args<'_>) -> PyResult<Value> {
    func_iter(vm, &FILTERFALSE, "filterfalse", a)
}
fn starmap_new(vm: &mut Vm<'_>, _c: Value, a: &Args<'_>) -> PyResult<Value> {
    func_iter(vm, &STARMAP, "starmap", a)
}

fn compress_new(vm: &mut Vm<'_>, _c: Value, a: &Args<'_>) -> PyResult<Value> {
    let [data, sel] = bind(vm, "compress", a, ["data", "selectors"])?;
    if data.is_null() || sel.is_null() {
        let which = if data.is_null() { "data" } else { "selectors" };
        let pos = if data.is_null() { 1 } else { 2 };
        return Err(vm.type_error(format_args!("compress() missing required argument '{which}' (pos {pos})")));
    }
    let d = runtime::get_iter(vm, data)?;
    rooted(vm, &[d], |vm| {
        let s = runtime::get_iter(vm, sel)?;
        rooted(vm, &[s], |vm| make(vm, &COMPRESS, d, s, Value::NONE, [0; 3]))
    })
}

fn pairwise_new(vm: &mut Vm<'_>, _c: Value, a: &Args<'_>) -> PyResult<Value> {
    no_kw(vm, "pairwise", a)?;
    npos(vm, "pairwise", a, 1, 1)?;
    let it = runtime::get_iter(vm, a.pos[0])?;
    rooted(vm, &[it], |vm| make(vm, &PAIRWISE, it, Value::NONE, Value::NULL, [0; 3]))
}

/// A list of `iter(x)` for every `x` in `xs`. May collect.
fn iters_of(vm: &mut Vm<'_>, xs: &[Value]) -> PyResult<Value> {
    let l = obj::list::with_capacity(vm, xs.len())?;
    rooted(vm, &[l], |vm| {
        for x in xs {
            let it = runtime::get_iter(vm, *x)?;
            rooted(vm, &[it], |vm| obj::list::append(vm, l, it))?;
        }
        Ok(l)
    })
}

fn zip_longest_new(vm: &mut Vm<'_>, _c: Value, a: &Args<'_>) -> PyResult<Value> {
    let mut fill = Value::NONE;
    for (k, v) in a.kwnames.iter().zip(a.kwvals) {
        match obj::str::as_str(*k) {
            Some("fillvalue") => fill = *v,
            _ => return Err(vm.type_error(format_args!("zip_longest() got an unexpected keyword argument"))),
        }
    }
    let its = iters_of(vm, a.pos)?;
    rooted(vm, &[its], |vm| make(vm, &ZIP_LONGEST, its, fill, Value::NONE, [a.pos.len() as isize, 0, 0]))
}

/// `tuple(x)` for a pool. May collect.
fn pool_of(vm: &mut Vm<'_>, x: Value) -> PyResult<Value> {
    if obj::tuple::items(x).is_some() {
        return Ok(x);
    }
    let l = obj::list::from_iter(vm, x)?;
    rooted(vm, &[l], |vm| obj::list::to_tuple(vm, l))
}

/// A list of `n` small ints `f(i)`. May collect.
fn index_list(vm: &mut Vm<'_>, n: usize, f: impl Fn(usize) -> isize) -> PyResult<Value> {
    let l = obj::list::with_capacity(vm, n)?;
    rooted(vm, &[l], |vm| {
        for i in 0..n {
            obj::list::append(vm, l, Value::small_int(f(i)))?;
        }
        Ok(l)
    })
}

fn product_new(vm: &mut Vm<'_>, _c: Value, a: &Args<'_>) -> PyResult<Value> {
    let mut repeat = 1i64;
    for (k, v) in a.kwnames.iter().zip(a.kwvals) {
        match obj::str::as_str(*k) {
            Some("repeat") => repeat = runtime::index_arg_typed(vm, *v)?,
            _ => return Err(vm.type_error(format_args!("product() got an unexpected keyword argument"))),
        }
    }
    if repeat < 0 {
        return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "repeat argument cannot be negative"));
    }
    let npools = a.pos.len().checked_mul(repeat as usize).ok_or_else(|| vm.raise_memory_error())?;
    let pools = obj::list::with_capacity(vm, npools)?;
    rooted(vm, &[pools], |vm| {
        for x in a.pos {
            let p = pool_of(vm, *x)?;
            rooted(vm, &[p], |vm| obj::list::append(vm, pools, p))?;
        }
        let base = obj::list::as_list(pools).map_or(&[][..], |l| l.as_slice());
        let firsts: usize = base.len();
        for _ in 1..repeat {
            for i in 0..firsts {
                let p = obj::list::as_list(pools).and_then(|l| l.get(i)).unwrap_or(Value::NONE);
                obj::list::append(vm, pools, p)?;
            }
        }
        if repeat == 0 {
            while obj::list::as_list(pools).is_some_and(|l| !l.is_empty()) {
                obj::list::remove_at(pools, 0);
            }
        }
        let n = obj::list::as_list(pools).map_or(0, |l| l.len());
        let idx = index_list(vm, n, |_| 0)?;
        rooted(vm, &[idx], |vm| make(vm, &PRODUCT, pools, Value::NONE, idx, [0, n as isize, 0]))
    })
}

fn combinatoric(vm: &mut Vm<'_>, ty: &'static Type, name: &str, a: &Args<'_>, r_optional: bool) -> PyResult<Value> {
    let [it, r] = bind(vm, name, a, ["iterable", "r"])?;
    if it.is_null() {
        return Err(vm.type_error(format_args!("{name}() missing required argument 'iterable' (pos 1)")));
    }
    if r.is_null() && !r_optional {
        return Err(vm.type_error(format_args!("{name}() missing required argument 'r' (pos 2)")));
    }
    let pool = pool_of(vm, it)?;
    rooted(vm, &[pool], |vm| {
        let n = obj::tuple::items(pool).map_or(0, |x| x.len());
        let r = if r.is_null() || r == Value::NONE { n as i64 } else { runtime::index_arg_typed(vm, r)? };
        if r < 0 {
            return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "r must be non-negative"));
        }
        let r = r as usize;
        let (idx_len, cycles_len) = if core::ptr::eq(ty, &PERMUTATIONS) { (n, r.min(n)) } else { (r, 0) };
        let wr = core::ptr::eq(ty, &COMBINATIONS_WR);
        let idx = index_list(vm, if wr || r <= n || core::ptr::eq(ty, &PERMUTATIONS) { idx_len } else { 0 }, |i| {
            if wr {
                0
            } else {
                i as isize
            }
        })?;
        rooted(vm, &[idx], |vm| {
            let cycles = index_list(vm, cycles_len, |i| (n - i) as isize)?;
            rooted(vm, &[cycles], |vm| make(vm, ty, pool, cycles, idx, [0, r as isize, n as isize]))
        })
    })
}
fn combinations_new(vm: &mut Vm<'_>, _c: Value, a: &Args<'_>) -> PyResult<Value> {
    combinatoric(vm, &COMBINATIONS, "combinations", a, false)
}
fn combinations_wr_new(vm: &mut Vm<'_>, _c: Value, a: &Args<'_>) -> PyResult<Value> {
    combinatoric(vm, &COMBINATIONS_WR, "combinations_with_replacement", a, false)
}
fn permutations_new(vm: &mut Vm<'_>, _c: Value, a: &Args<'_>) -> PyResult<Value> {
    combinatoric(vm, &PERMUTATIONS, "permutations", a, true)
}

// ----- next -----

fn list_get(l: Value, i: usize) -> isize {
    obj::list::as_list(l).and_then(|x| x.get(i)).and_then(obj::int::small_value).unwrap_or(0) as isize
}
fn list_set(l: Value, i: usize, v: isize) {
    if let Some(x) = obj::list::as_list(l) {
        x.set(i, Value::small_int(v));
    }
}

/// A tuple of `pool[idx[i]]` for `i < r` (`pools`: one pool per position when `per`).
fn tuple_at(vm: &mut Vm<'_>, pool: Value, idx: Value, r: usize, per: bool) -> PyResult<Value> {
    let t = obj::tuple::alloc(vm, r)?;
    for i in 0..r {
        let p = if per { obj::list::as_list(pool).and_then(|l| l.get(i)).unwrap_or(Value::NONE) } else { pool };
        let items = obj::tuple::items(p).unwrap_or(&[]);
        let x = items.get(list_get(idx, i) as usize).copied().unwrap_or(Value::NONE);
        obj::tuple::init_item(t, i, x);
    }
    Ok(t)
}

fn next(vm: &mut Vm<'_>, v: Value) -> PyResult<Option<Value>> {
    let Some(it) = as_it(v) else { return Ok(None) };
    let ty = obj::type_of(v);
    let (src, f) = (it.src.get(), it.f.get());
    let m = vm.roots_mark();
    vm.push_root(v)?;
    let r = next_of(vm, it, ty, src, f);
    vm.pop_roots(m);
    r
}

fn next_of(vm: &mut Vm<'_>, it: &ItObj, ty: &'static Type, src: Value, f: Value) -> PyResult<Option<Value>> {
    let is = |t: &Type| core::ptr::eq(ty, t);
    if is(&COUNT) {
        let cur = it.acc.get();
        let nxt = rooted(vm, &[cur], |vm| runtime::binary_op(vm, frostbyte_format::BinOp::Add, cur, f))?;
        it.acc.set(nxt);
        return Ok(Some(cur));
    }
    if is(&REPEAT) {
        let n = it.i.get();
        if n == 0 {
            return Ok(None);
        }
        if n > 0 {
            it.i.set(n - 1);
        }
        return Ok(Some(f));
    }
    if is(&CYCLE) {
        let saved = it.acc.get();
        if it.i.get() == 0 {
            if let Some(x) = runtime::next(vm, src)? {
                rooted(vm, &[x], |vm| obj::list::append(vm, saved, x))?;
                return Ok(Some(x));
            }
            it.i.set(1);
        }
        let items = obj::list::as_list(saved).map_or(&[][..], |l| l.as_slice());
        if items.is_empty() {
            return Ok(None);
        }
        let j = it.j.get() as usize % items.len();
        it.j.set((j + 1) as isize);
        return Ok(Some(items[j]));
    }
    if is(&ACCUMULATE) {
        if it.i.get() == 1 {
            it.i.set(0);
            return Ok(Some(it.acc.get()));
        }
        let Some(x) = runtime::next(vm, src)? else {
            return Ok(None);
        };
        let acc = it.acc.get();
        let total = if acc.is_null() {
            x
        } else if f.is_null() {
            rooted(vm, &[x], |vm| runtime::binary_op(vm, frostbyte_format::BinOp::Add, acc, x))?
        } else {
            call::call(vm, f, &[acc, x])?
        };
        it.acc.set(total);
        return Ok(Some(total));
    }
    if is(&CHAIN) {
        loop {
            let cur = it.acc.get();
            if cur.is_null() {
                let next_iterable = if it.j.get() == 1 {
                    runtime::next(vm, src)?
                } else {
                    let i = it.i.get() as usize;
                    it.i.set(i as isize + 1);
                    obj::tuple::items(src).and_then(|xs| xs.get(i).copied())
                };
                let Some(x) = next_iterable else {
                    return Ok(None);
                };
                let c = rooted(vm, &[x], |vm| runtime::get_iter(vm, x))?;
                it.acc.set(c);
                continue;
            }
            match runtime::next(vm, cur)? {
                Some(x) => return Ok(Some(x)),
                None => it.acc.set(Value::NULL),
            }
        }
    }
    if is(&ISLICE) {
        let stop = it.j.get();
        if src == Value::NONE {
            return Ok(None);
        }
        while it.k.get() < it.i.get() {
            if runtime::next(vm, src)?.is_none() {
                it.src.set(Value::NONE);
                return Ok(None);
            }
            it.k.set(it.k.get() + 1);
        }
        if stop != -1 && it.k.get() >= stop {
            it.src.set(Value::NONE);
            return Ok(None);
        }
        let Some(x) = runtime::next(vm, src)? else {
            it.src.set(Value::NONE);
            return Ok(None);
        };
        it.k.set(it.k.get() + 1);
        let step = obj::int::small_value(f).unwrap_or(1) as isize;
        let old = it.i.get();
        let mut nxt = old.saturating_add(step);
        if stop != -1 && nxt > stop {
            nxt = stop;
        }
        it.i.set(nxt);
        return Ok(Some(x));
    }
    if is(&TAKEWHILE) {
        if it.i.get() != 0 {
            return Ok(None);
        }
        let Some(x) = runtime::next(vm, src)? else {
            return Ok(None);
        };
        return rooted(vm, &[x], |vm| {
            let ok = call::call(vm, f, &[x])?;
            if runtime::truthy(vm, ok)? {
                Ok(Some(x))
            } else {
                it.i.set(1);
                Ok(None)
            }
        });
    }
    if is(&DROPWHILE) || is(&FILTERFALSE) || is(&COMPRESS) {
        loop {
            let Some(x) = runtime::next(vm, src)? else {
                return Ok(None);
            };
            if is(&DROPWHILE) && it.i.get() != 0 {
                return Ok(Some(x));
            }
            let keep = rooted(vm, &[x], |vm| {
                if is(&COMPRESS) {
                    return match runtime::next(vm, f)? {
                        Some(s) => runtime::truthy(vm, s).map(Some),
                        None => Ok(None),
                    };
                }
                let t = if f == Value::NONE && is(&FILTERFALSE) { x } else { call::call(vm, f, &[x])? };
                Ok(Some(!runtime::truthy(vm, t)?))
            })?;
            match keep {
                None => return Ok(None),
                Some(true) => {
                    it.i.set(1);
                    return Ok(Some(x));
                }
                Some(false) => {}
            }
        }
    }
    if is(&STARMAP) {
        let Some(x) = runtime::next(vm, src)? else {
            return Ok(None);
        };
        return rooted(vm, &[x], |vm| {
            let args = match obj::tuple::items(x) {
                Some(_) => x,
                None => obj::list::from_iter(vm, x)?,
            };
            rooted(vm, &[args], |vm| {
                let xs =
                    obj::tuple::items(args).or_else(|| obj::list::as_list(args).map(|l| l.as_slice())).unwrap_or(&[]);
                call::call(vm, f, xs).map(Some)
            })
        });
    }
    if is(&PAIRWISE) {
        if it.acc.get().is_null() {
            match runtime::next(vm, src)? {
                Some(x) => it.acc.set(x),
                None => return Ok(None),
            }
        }
        let Some(x) = runtime::next(vm, src)? else {
            return Ok(None);
        };
        let old = it.acc.get();
        let t = rooted(vm, &[x], |vm| obj::tuple::new(vm, &[old, x]))?;
        it.acc.set(x);
        return Ok(Some(t));
    }
    if is(&ZIP_LONGEST) {
        let n = obj::list::as_list(src).map_or(0, |l| l.len());
        if it.i.get() == 0 || n == 0 {
            return Ok(None);
        }
        let t = obj::tuple::alloc(vm, n)?;
        for i in 0..n {
            obj::tuple::init_item(t, i, Value::NONE);
        }
        return rooted(vm, &[t], |vm| {
            for i in 0..n {
                let sub = obj::list::as_list(src).and_then(|l| l.get(i)).unwrap_or(Value::NONE);
                let x = if sub == Value::NONE {
                    f
                } else {
                    match runtime::next(vm, sub)? {
                        Some(x) => x,
                        None => {
                            it.i.set(it.i.get() - 1);
                            if it.i.get() == 0 {
                                return Ok(None);
                            }
                            if let Some(l) = obj::list::as_list(src) {
                                l.set(i, Value::NONE);
                            }
                            f
                        }
                    }
                };
                obj::tuple::init_item(t, i, x);
            }
            Ok(Some(t))
        });
    }
    combinatoric_next(vm, it, ty, src, f)
}

/// product, combinations, combinations_with_replacement and permutations: state `i` is
/// 0 before the first result, 1 while running, 2 when exhausted.
fn combinatoric_next(
    vm: &mut Vm<'_>,
    it: &ItObj,
    ty: &'static Type,
    pool: Value,
    cycles: Value,
) -> PyResult<Option<Value>> {
    let is = |t: &Type| core::ptr::eq(ty, t);
    let idx = it.acc.get();
    let (r, n) = (it.j.get() as usize, it.k.get() as usize);
    let state = it.i.get();
    if state == 2 {
        return Ok(None);
    }
    if is(&PRODUCT) {
        let len_of = |i: usize| {
            obj::list::as_list(pool).and_then(|l| l.get(i)).and_then(obj::tuple::items).map_or(0, |x| x.len()) as isize
        };
        if state == 0 {
            if (0..r).any(|i| len_of(i) == 0) {
                it.i.set(2);
                return Ok(None);
            }
        } else {
            let mut i = r;
            loop {
                if i == 0 {
                    it.i.set(2);
                    return Ok(None);
                }
                i -= 1;
                let x = list_get(idx, i) + 1;
                if x < len_of(i) {
                    list_set(idx, i, x);
                    break;
                }
                list_set(idx, i, 0);
            }
        }
        it.i.set(1);
        return tuple_at(vm, pool, idx, r, true).map(Some);
    }
    if is(&COMBINATIONS) || is(&COMBINATIONS_WR) {
        let wr = is(&COMBINATIONS_WR);
        if state == 0 {
            if (!wr && r > n) || (wr && n == 0 && r > 0) {
                it.i.set(2);
                return Ok(None);
            }
        } else {
            let mut i = r;
            loop {
                if i == 0 {
                    it.i.set(2);
                    return Ok(None);
                }
                i -= 1;
                let limit = if wr { n as isize - 1 } else { (i + n - r) as isize };
                if list_get(idx, i) != limit {
                    break;
                }
            }
            let v = list_get(idx, i) + 1;
            for j in i..r {
                list_set(idx, j, if wr { v } else { v + (j - i) as isize });
            }
        }
        it.i.set(1);
        return tuple_at(vm, pool, idx, r, false).map(Some);
    }
    // permutations
    if state == 0 {
        if r > n {
            it.i.set(2);
            return Ok(None);
        }
    } else {
        if n == 0 {
            it.i.set(2);
            return Ok(None);
        }
        let mut i = r;
        loop {
            if i == 0 {
                it.i.set(2);
                return Ok(None);
            }
            i -= 1;
            let c = list_get(cycles, i) - 1;
            list_set(cycles, i, c);
            if c == 0 {
                // indices[i:] = indices[i+1:] + indices[i:i+1]
                let first = list_get(idx, i);
                for j in i..n - 1 {
                    list_set(idx, j, list_get(idx, j + 1));
                }
                list_set(idx, n - 1, first);
                list_set(cycles, i, (n - i) as isize);
            } else {
                let j = n - c as usize;
                let (a, b) = (list_get(idx, i), list_get(idx, j));
                list_set(idx, i, b);
                list_set(idx, j, a);
                break;
            }
        }
    }
    it.i.set(1);
    tuple_at(vm, pool, idx, r, false).map(Some)
}

fn iter_self(_vm: &mut Vm<'_>, v: Value) -> PyResult<Value> {
    Ok(v)
}

fn trace(v: Value, t: &mut crate::heap::Tracer<'_>) {
    if let Some(it) = as_it(v) {
        t.mark(it.src.get());
        t.mark(it.f.get());
        t.mark(it.acc.get());
    }
}

macro_rules! it_types {
    ($($ty:ident, $slots:ident, $q:ident, $name:literal, $new:ident, $methods:expr;)*) => {$(
        crate::static_qstr!($q, $name);
        static $slots: Slots =
            Slots { trace: Some(trace), iter: Some(iter_self), next: Some(next), new: Some($new), ..Slots::EMPTY };
        #[doc = concat!("`itertools.", $name, "`.")]
        static $ty: Type =
            Type::builtin(&$q, Some(&obj::class::OBJECT_TYPE), Kind::Misc, 0, &$slots, $methods).in_module(&TYPE_NS);
    )*};
}

crate::static_qstr!(Q_FROM_ITERABLE, "from_iterable");
static CHAIN_METHODS: &[Builtin] = &[Builtin::static_method(&Q_FROM_ITERABLE, chain_from_iterable)];

it_types! {
    COUNT, COUNT_SLOTS, Q_COUNT, "count", count_new, &[];
    CYCLE, CYCLE_SLOTS, Q_CYCLE, "cycle", cycle_new, &[];
    REPEAT, REPEAT_SLOTS, Q_REPEAT, "repeat", repeat_new, &[];
    ACCUMULATE, ACCUMULATE_SLOTS, Q_ACCUMULATE, "accumulate", accumulate_new, &[];
    CHAIN, CHAIN_SLOTS, Q_CHAIN, "chain", chain_new, CHAIN_METHODS;
    ISLICE, ISLICE_SLOTS, Q_ISLICE, "islice", islice_new, &[];
    TAKEWHILE, TAKEWHILE_SLOTS, Q_TAKEWHILE, "takewhile", takewhile_new, &[];
    DROPWHILE, DROPWHILE_SLOTS, Q_DROPWHILE, "dropwhile", dropwhile_new, &[];
    FILTERFALSE, FILTERFALSE_SLOTS, Q_FILTERFALSE, "filterfalse", filterfalse_new, &[];
    STARMAP, STARMAP_SLOTS, Q_STARMAP, "starmap", starmap_new, &[];
    COMPRESS, COMPRESS_SLOTS, Q_COMPRESS, "compress", compress_new, &[];
    PAIRWISE, PAIRWISE_SLOTS, Q_PAIRWISE, "pairwise", pairwise_new, &[];
    ZIP_LONGEST, ZIP_LONGEST_SLOTS, Q_ZIP_LONGEST, "zip_longest", zip_longest_new, &[];
    PRODUCT, PRODUCT_SLOTS, Q_PRODUCT, "product", product_new, &[];
    COMBINATIONS, COMBINATIONS_SLOTS, Q_COMBINATIONS, "combinations", combinations_new, &[];
    COMBINATIONS_WR, COMBINATIONS_WR_SLOTS, Q_COMBINATIONS_WR, "combinations_with_replacement", combinations_wr_new, &[];
    PERMUTATIONS, PERMUTATIONS_SLOTS, Q_PERMUTATIONS, "permutations", permutations_new, &[];
}

// ----- groupby -----

/// `groupby` and its groups, as CPython's: a group yields only while it is the parent's
/// current group.
///
/// ```text
///  GroupByObj  ObjHeader | it | keyfunc (NULL: identity) | tgtkey | currkey | currvalue
///              | currgrouper (NULL when none; any of the keys and values NULL: unset)
///  GrouperObj  ObjHeader | parent | tgtkey
/// ```
#[repr(C)]
struct GroupByObj {
    hdr: ObjHeader,
    it: Cell<Value>,
    keyfunc: Cell<Value>,
    tgtkey: Cell<Value>,
    currkey: Cell<Value>,
    currvalue: Cell<Value>,
    currgrouper: Cell<Value>,
}

#[repr(C)]
struct GrouperObj {
    hdr: ObjHeader,
    parent: Value,
    tgtkey: Value,
}

fn as_groupby(v: Value) -> Option<&'static GroupByObj> {
    // SAFETY: objects of GROUPBY (not subclassable) are GroupByObj objects made by
    // `groupby_new`.
    core::ptr::eq(obj::type_of(v), &GROUPBY).then(|| unsafe { &*(v.as_ptr() as *const GroupByObj) })
}

fn as_grouper(v: Value) -> Option<&'static GrouperObj> {
    // SAFETY: objects of GROUPER are GrouperObj objects made by `groupby_next`.
    core::ptr::eq(obj::type_of(v), &GROUPER).then(|| unsafe { &*(v.as_ptr() as *const GrouperObj) })
}

fn groupby_new(vm: &mut Vm<'_>, _c: Value, a: &Args<'_>) -> PyResult<Value> {
    let [it, key] = bind(vm, "groupby", a, ["iterable", "key"])?;
    if it.is_null() {
        return Err(vm.type_error(format_args!("groupby() missing required argument 'iterable' (pos 1)")));
    }
    let key = if key == Value::NONE { Value::NULL } else { key };
    let it = runtime::get_iter(vm, it)?;
    rooted(vm, &[it], |vm| {
        let v = vm.alloc_obj(&GROUPBY, core::mem::size_of::<GroupByObj>())?;
        // SAFETY: fresh GroupByObj-sized allocation.
        unsafe {
            let p = v.as_ptr() as *mut GroupByObj;
            (*p).it = Cell::new(it);
            (*p).keyfunc = Cell::new(key);
            (*p).tgtkey = Cell::new(Value::NULL);
            (*p).currkey = Cell::new(Value::NULL);
            (*p).currvalue = Cell::new(Value::NULL);
            (*p).currgrouper = Cell::new(Value::NULL);
        }
        Ok(v)
    })
}

/// Advance to the next item: false when the source is exhausted. May collect.
fn groupby_step(vm: &mut Vm<'_>, g: &GroupByObj) -> PyResult<bool> {
    let Some(x) = runtime::next(vm, g.it.get())? else {
        return Ok(false);
    };
    let k = g.keyfunc.get();
    let key = if k.is_null() { x } else { rooted(vm, &[x], |vm| call::call(vm, k, &[x]))? };
    g.currvalue.set(x);
    g.currkey.set(key);
    Ok(true)
}

fn groupby_next(vm: &mut Vm<'_>, v: Value) -> PyResult<Option<Value>> {
    let Some(g) = as_groupby(v) else {
        return Ok(None);
    };
    rooted(vm, &[v], |vm| {
        g.currgrouper.set(Value::NULL);
        loop {
            let (cur, tgt) = (g.currkey.get(), g.tgtkey.get());
            if !cur.is_null() && (tgt.is_null() || !rooted(vm, &[cur, tgt], |vm| runtime::eq(vm, tgt, cur))?) {
                break;
            }
            if !groupby_step(vm, g)? {
                return Ok(None);
            }
        }
        g.tgtkey.set(g.currkey.get());
        let gr = vm.alloc_obj(&GROUPER, core::mem::size_of::<GrouperObj>())?;
        // SAFETY: fresh GrouperObj-sized allocation.
        unsafe {
            let p = gr.as_ptr() as *mut GrouperObj;
            (*p).parent = v;
            (*p).tgtkey = g.tgtkey.get();
        }
        g.currgrouper.set(gr);
        rooted(vm, &[gr], |vm| obj::tuple::new(vm, &[g.currkey.get(), gr])).map(Some)
    })
}

fn grouper_next(vm: &mut Vm<'_>, v: Value) -> PyResult<Option<Value>> {
    let Some(gr) = as_grouper(v) else {
        return Ok(None);
    };
    let Some(g) = as_groupby(gr.parent) else {
        return Ok(None);
    };
    if g.currgrouper.get() != v {
        return Ok(None);
    }
    rooted(vm, &[v], |vm| {
        if g.currvalue.get().is_null() && !groupby_step(vm, g)? {
            return Ok(None);
        }
        let (cur, tgt) = (g.currkey.get(), gr.tgtkey);
        if !rooted(vm, &[cur], |vm| runtime::eq(vm, tgt, cur))? {
            return Ok(None);
        }
        let r = g.currvalue.get();
        g.currvalue.set(Value::NULL);
        Ok(Some(r))
    })
}

fn groupby_trace(v: Value, t: &mut crate::heap::Tracer<'_>) {
    if let Some(g) = as_groupby(v) {
        for c in [&g.it, &g.keyfunc, &g.tgtkey, &g.currkey, &g.currvalue, &g.currgrouper] {
            t.mark(c.get());
        }
    }
}

fn grouper_trace(v: Value, t: &mut crate::heap::Tracer<'_>) {
    if let Some(g) = as_grouper(v) {
        t.mark(g.parent);
        t.mark(g.tgtkey);
    }
}

crate::static_qstr!(Q_GROUPBY, "groupby");
crate::static_qstr!(Q_GROUPER, "_grouper");
static GROUPBY_SLOTS: Slots = Slots {
    trace: Some(groupby_trace),
    iter: Some(iter_self),
    next: Some(groupby_next),
    new: Some(groupby_new),
    ..Slots::EMPTY
};
static GROUPBY: Type =
    Type::builtin(&Q_GROUPBY, Some(&obj::class::OBJECT_TYPE), Kind::Misc, 0, &GROUPBY_SLOTS, &[]).in_module(&TYPE_NS);
static GROUPER_SLOTS: Slots =
    Slots { trace: Some(grouper_trace), iter: Some(iter_self), next: Some(grouper_next), ..Slots::EMPTY };
static GROUPER: Type =
    Type::builtin(&Q_GROUPER, Some(&obj::class::OBJECT_TYPE), Kind::Misc, 0, &GROUPER_SLOTS, &[]).in_module(&TYPE_NS);
