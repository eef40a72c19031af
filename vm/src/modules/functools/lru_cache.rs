//! `functools.lru_cache`, `cache` and `total_ordering`.
//!
//! ```text
//!  LruObj  ObjHeader | func Value | cache Value (dict) | maxsize isize (-1: None)
//!          | typed usize | hits usize | misses usize
//! ```
//! The cache is a dict from the call's key to its result, oldest first: a hit moves its
//! entry to the end (remove and insert), a miss on a full cache drops the first entry
//! (CPython's linked list does the same in O(1); a dict delete and insert are O(1) here
//! too). The key is CPython's `_make_key`: the positional arguments, then a marker and
//! each keyword's name and value, then (`typed`) the arguments' types; a lone exact int
//! or str argument is its own key. `cache_info()`
//! returns a `CacheInfo`, a static tuple subtype with CPython's repr and field names.
//! A wrapper binds like a function when found on a class (`flags::BINDS`), as CPython's
//! has `__get__`.

use core::cell::Cell;

use frostbyte_format::CmpOp;

use crate::heap::Tracer;
use crate::obj::{self, dict, str::StrBuf, Args, Builtin, Kind, Slots, Type};
use crate::rom::ObjHeader;
use crate::runtime;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

#[repr(C)]
struct LruObj {
    hdr: ObjHeader,
    func: Value,
    cache: Value,
    maxsize: isize,
    typed: usize,
    hits: Cell<usize>,
    misses: Cell<usize>,
}

fn as_lru(v: Value) -> Option<&'static LruObj> {
    // SAFETY: objects of LRU_TYPE are LruObj objects made by `wrap`.
    core::ptr::eq(obj::type_of(v), &LRU_TYPE).then(|| unsafe { &*(v.as_ptr() as *const LruObj) })
}

/// The wrapper of `func` (rooted by the caller). May collect.
fn wrap(vm: &mut Vm<'_>, func: Value, maxsize: isize, typed: bool) -> PyResult<Value> {
    if !super::is_callable(func) {
        return Err(vm.type_error(format_args!("the first argument must be callable")));
    }
    let cache = dict::new(vm)?;
    let m = vm.roots_mark();
    vm.push_root(cache)?;
    let r = vm.alloc_obj(&LRU_TYPE, core::mem::size_of::<LruObj>());
    vm.pop_roots(m);
    let v = r?;
    // SAFETY: a fresh, zeroed object of LruObj's size and type.
    unsafe {
        let p = v.as_ptr() as *mut LruObj;
        (*p).func = func;
        (*p).cache = cache;
        (*p).maxsize = maxsize;
        (*p).typed = typed as usize;
    }
    Ok(v)
}

/// `lru_cache(maxsize=128, typed=False)`: a decorator, or (used bare) the wrapper.
pub fn lru_cache(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    if a.pos.len() > 2 {
        return Err(vm.type_error(format_args!(
            "lru_cache() takes from 0 to 2 positional arguments but {} were given",
            a.pos.len()
        )));
    }
    let mv = super::arg(a, 0, "maxsize");
    let tv = super::arg(a, 1, "typed");
    let typed = !tv.is_null() && runtime::truthy(vm, tv)?;
    let maxsize = if mv.is_null() {
        128
    } else if obj::int::is_int(mv) {
        obj::int::to_i64(mv).unwrap_or(if runtime::is_negative(mv) { 0 } else { isize::MAX as i64 }).max(0) as isize
    } else if super::is_callable(mv) && (tv.is_null() || tv == Value::TRUE || tv == Value::FALSE) {
        return wrap(vm, mv, 128, typed);
    } else if mv == Value::NONE {
        -1
    } else {
        return Err(vm.type_error(format_args!("Expected first argument to be an integer, a callable, or None")));
    };
    // The decorator: DECORATE bound to (maxsize, typed).
    let ms = if maxsize < 0 { Value::NONE } else { obj::int::from_i64(vm, maxsize as i64)? };
    let params = obj::tuple::new(vm, &[ms, Value::bool(typed)])?;
    let m = vm.roots_mark();
    vm.push_root(params)?;
    let r = obj::method::new(vm, Value::rom(&DECORATE), params);
    vm.pop_roots(m);
    r
}

fn decorate(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let p = obj::tuple::items(a.get(0)).unwrap_or(&[]);
    let ms = p.first().copied().unwrap_or(Value::NONE);
    let maxsize = if ms == Value::NONE { -1 } else { obj::int::to_i64(ms).unwrap_or(128) as isize };
    let typed = p.get(1).copied() == Some(Value::TRUE);
    if a.pos.len() != 2 {
        return Err(vm.type_error(format_args!(
            "decorating_function() takes 1 positional argument but {} were given",
            a.pos.len() - 1
        )));
    }
    wrap(vm, a.pos[1], maxsize, typed)
}

/// `cache(user_function)`: `lru_cache(maxsize=None)(user_function)`.
pub fn cache(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    if a.pos.len() != 1 || !a.kwnames.is_empty() {
        return Err(vm.type_error(format_args!(
            "cache() takes 1 positional argument but {} were given",
            a.pos.len() + a.kwnames.len()
        )));
    }
    wrap(vm, a.pos[0], -1, false)
}

/// The cache key of a call (see the module documentation). May collect.
fn make_key(vm: &mut Vm<'_>, a: &Args<'_>, typed: bool) -> PyResult<Value> {
    let (np, nk) = (a.pos.len(), a.kwnames.len());
    if !typed && nk == 0 && np == 1 {
        // CPython keys a lone exact int or str by itself (so `f(1.0)` misses after `f(1)`).
        let x = a.pos[0];
        let t = obj::type_of(x);
        if core::ptr::eq(t, &obj::int::INT_TYPE) || core::ptr::eq(t, &obj::str::STR_TYPE) {
            return Ok(x);
        }
    }
    let n = np + if nk > 0 { 1 + 2 * nk } else { 0 } + if typed { np + nk } else { 0 };
    let t = obj::tuple::alloc(vm, n)?;
    let mut i = 0;
    let mut put = |x: Value| {
        obj::tuple::init_item(t, i, x);
        i += 1;
    };
    for x in a.pos {
        put(*x);
    }
    if nk > 0 {
        put(Value::rom(&KWD_MARK));
        for (k, x) in a.kwnames.iter().zip(a.kwvals.iter()) {
            put(*k);
            put(*x);
        }
    }
    if typed {
        for x in a.pos.iter().chain(a.kwvals.iter()) {
            put(obj::type_of(*x).as_value());
        }
    }
    Ok(t)
}

fn lru_call(vm: &mut Vm<'_>, f: Value, a: &Args<'_>) -> PyResult<Value> {
    let Some(o) = as_lru(f) else { return Ok(Value::NONE) };
    let m = vm.roots_mark();
    vm.push_root(f)?;
    let r = (|| {
        if o.maxsize == 0 {
            o.misses.set(o.misses.get() + 1);
            return runtime::call_args(vm, o.func, a);
        }
        let key = make_key(vm, a, o.typed != 0)?;
        vm.push_root(key)?;
        if let Some(r) = dict::get(vm, o.cache, key)? {
            o.hits.set(o.hits.get() + 1);
            if o.maxsize > 0 {
                vm.push_root(r)?;
                dict::remove(vm, o.cache, key)?;
                dict::set(vm, o.cache, key, r)?;
            }
            return Ok(r);
        }
        o.misses.set(o.misses.get() + 1);
        let r = runtime::call_args(vm, o.func, a)?;
        vm.push_root(r)?;
        if o.maxsize > 0 {
            if dict::get(vm, o.cache, key)?.is_some() {
                // Added by a recursive call meanwhile.
                return Ok(r);
            }
            if dict::as_dict(o.cache).map_or(0, |d| d.len()) >= o.maxsize as usize {
                let mut i = 0;
                let mut oldest = None;
                while let Some((k, _)) = dict::as_dict(o.cache).and_then(|d| d.entry(i)) {
                    i += 1;
                    if !k.is_null() {
                        oldest = Some(k);
                        break;
                    }
                }
                if let Some(k) = oldest {
                    vm.push_root(k)?;
                    dict::remove(vm, o.cache, k)?;
                }
            }
        }
        dict::set(vm, o.cache, key, r)?;
        Ok(r)
    })();
    vm.pop_roots(m);
    r
}

fn this(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<&'static LruObj> {
    as_lru(a.get(0))
        .ok_or_else(|| vm.type_error(format_args!("descriptor requires a 'functools._lru_cache_wrapper' object")))
}

/// `cache_info()`: `CacheInfo(hits=1, misses=2, maxsize=128, currsize=2)`.
fn cache_info(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let o = this(vm, a)?;
    let h = obj::int::from_i64(vm, o.hits.get() as i64)?;
    let m = vm.roots_mark();
    vm.push_root(h)?;
    let r = (|| {
        let mi = obj::int::from_i64(vm, o.misses.get() as i64)?;
        vm.push_root(mi)?;
        let ms = if o.maxsize < 0 { Value::NONE } else { obj::int::from_i64(vm, o.maxsize as i64)? };
        vm.push_root(ms)?;
        let cs = obj::int::from_i64(vm, dict::as_dict(o.cache).map_or(0, |d| d.len()) as i64)?;
        vm.push_root(cs)?;
        let t = obj::tuple::new(vm, &[h, mi, ms, cs])?;
        if vm.is_heap(t) {
            // SAFETY: `t` is a fresh heap tuple; CACHE_INFO_TYPE has tuple's layout (Kind::Tuple).
            unsafe { (*(t.as_ptr() as *mut ObjHeader)).ty = &CACHE_INFO_TYPE };
        }
        Ok(t)
    })();
    vm.pop_roots(m);
    r
}

fn cache_clear(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let o = this(vm, a)?;
    dict::clear(vm, o.cache)?;
    o.hits.set(0);
    o.misses.set(0);
    Ok(Value::NONE)
}

fn cache_parameters(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let o = this(vm, a)?;
    let d = dict::new(vm)?;
    let m = vm.roots_mark();
    vm.push_root(d)?;
    let r = (|| {
        let ms = if o.maxsize < 0 { Value::NONE } else { obj::int::from_i64(vm, o.maxsize as i64)? };
        vm.push_root(ms)?;
        dict::set(vm, d, Value::qstr(&Q_MAXSIZE), ms)?;
        dict::set(vm, d, Value::qstr(&Q_TYPED), Value::bool(o.typed != 0))?;
        Ok(d)
    })();
    vm.pop_roots(m);
    r
}

/// `__wrapped__`, and the wrapped function's `__name__`, `__qualname__`, `__doc__`,
/// `__module__` (what `update_wrapper` copies in CPython).
fn lru_getattr(vm: &mut Vm<'_>, v: Value, name: Value) -> PyResult<Value> {
    let Some(o) = as_lru(v) else { return Ok(Value::NULL) };
    match obj::str::as_str(name) {
        Some("__wrapped__") => Ok(o.func),
        Some("__name__" | "__qualname__" | "__doc__" | "__module__") => {
            Ok(runtime::get_attr_opt(vm, o.func, name)?.unwrap_or(Value::NULL))
        }
        _ => Ok(Value::NULL),
    }
}

fn lru_trace(v: Value, t: &mut Tracer<'_>) {
    if let Some(o) = as_lru(v) {
        t.mark(o.func);
        t.mark(o.cache);
    }
}

const CACHE_INFO_FIELDS: [&str; 4] = ["hits", "misses", "maxsize", "currsize"];

fn ci_repr(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf) -> PyResult<()> {
    sb.push(vm, "CacheInfo(")?;
    for (i, (f, x)) in CACHE_INFO_FIELDS.iter().zip(obj::tuple::items(v).unwrap_or(&[])).enumerate() {
        if i > 0 {
            sb.push(vm, ", ")?;
        }
        sb.push(vm, f)?;
        sb.push(vm, "=")?;
        runtime::repr_into(vm, *x, sb)?;
    }
    sb.push(vm, ")")
}

fn ci_getattr(_vm: &mut Vm<'_>, v: Value, name: Value) -> PyResult<Value> {
    let n = obj::str::as_str(name).unwrap_or("");
    match CACHE_INFO_FIELDS.iter().position(|f| *f == n) {
        Some(i) => Ok(obj::tuple::items(v).and_then(|t| t.get(i).copied()).unwrap_or(Value::NULL)),
        None => Ok(Value::NULL),
    }
}

// ----- total_ordering -----

/// How a derived comparison combines the root's result `r`: `not r` first with `neg`,
/// then `... and self != other` (`And`) or `... or self == other` (`Or`).
#[derive(Clone, Copy, PartialEq)]
enum Then {
    Done,
    AndNe,
    OrEq,
}

/// `type(self).<root>(self, other)`, then combined as `neg`/`then` say (NotImplemented
/// passes through). May run Python code.
fn derived(vm: &mut Vm<'_>, a: &Args<'_>, root: &'static str, neg: bool, then: Then) -> PyResult<Value> {
    let (s, o) = (a.get(0), a.get(1));
    let name = obj::str::new(vm, root)?;
    let m = vm.roots_mark();
    vm.push_root(name)?;
    let r = (|| {
        let Some(f) = obj::class::lookup(obj::type_of(s), name) else {
            return Ok(Value::NOT_IMPLEMENTED);
        };
        vm.push_root(f)?;
        let r = runtime::call(vm, f, &[s, o])?;
        if r == Value::NOT_IMPLEMENTED {
            return Ok(r);
        }
        vm.push_root(r)?;
        let t = runtime::truthy(vm, r)?;
        let (x, xt) = if neg { (Value::bool(!t), !t) } else { (r, t) };
        match then {
            Then::Done => Ok(x),
            Then::AndNe if !xt => Ok(x),
            Then::OrEq if xt => Ok(x),
            Then::AndNe => runtime::compare(vm, s, o, CmpOp::Ne),
            Then::OrEq => runtime::compare(vm, s, o, CmpOp::Eq),
        }
    })();
    vm.pop_roots(m);
    r
}

macro_rules! derived_ops {
    ($($f:ident => $root:literal, $neg:literal, $then:ident;)*) => {
        $(fn $f(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
            derived(vm, a, $root, $neg, Then::$then)
        })*
    };
}

derived_ops! {
    gt_from_lt => "__lt__", true, AndNe;
    le_from_lt => "__lt__", false, OrEq;
    ge_from_lt => "__lt__", true, Done;
    ge_from_le => "__le__", true, OrEq;
    lt_from_le => "__le__", false, AndNe;
    gt_from_le => "__le__", true, Done;
    lt_from_gt => "__gt__", true, AndNe;
    ge_from_gt => "__gt__", false, OrEq;
    le_from_gt => "__gt__", true, Done;
    le_from_ge => "__ge__", true, OrEq;
    gt_from_ge => "__ge__", false, AndNe;
    lt_from_ge => "__ge__", true, Done;
}

/// `total_ordering(cls)`: the comparisons `cls` lacks, derived from the one it defines
/// (the first of `__lt__`, `__le__`, `__gt__`, `__ge__`, as CPython's `max(roots)`).
pub fn total_ordering(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let cls = a.get(0);
    let Some(t) = obj::as_type(cls) else {
        return Err(
            vm.raise_msg(&obj::exception::VALUE_ERROR_TYPE, "must define at least one ordering operation: < > <= >=")
        );
    };
    const OPS: [&str; 4] = ["__lt__", "__le__", "__gt__", "__ge__"];
    let defined = |name: &str| {
        obj::class::mro_find(t, |x| {
            (x.is_heap() && {
                let mut i = 0;
                let mut found = false;
                while let Some((k, _)) = dict::as_dict(x.dict).and_then(|d| d.entry(i)) {
                    i += 1;
                    if obj::str::as_str(k) == Some(name) {
                        found = true;
                        break;
                    }
                }
                found
            })
            .then_some(())
        })
        .is_some()
    };
    let roots = OPS.map(defined);
    let Some(root) = roots.iter().position(|x| *x) else {
        return Err(
            vm.raise_msg(&obj::exception::VALUE_ERROR_TYPE, "must define at least one ordering operation: < > <= >=")
        );
    };
    let table: [[(&str, &'static Builtin); 3]; 4] = [
        [("__gt__", &GT_FROM_LT), ("__le__", &LE_FROM_LT), ("__ge__", &GE_FROM_LT)],
        [("__ge__", &GE_FROM_LE), ("__lt__", &LT_FROM_LE), ("__gt__", &GT_FROM_LE)],
        [("__lt__", &LT_FROM_GT), ("__ge__", &GE_FROM_GT), ("__le__", &LE_FROM_GT)],
        [("__le__", &LE_FROM_GE), ("__gt__", &GT_FROM_GE), ("__lt__", &LT_FROM_GE)],
    ];
    for (name, f) in table[root] {
        if roots[OPS.iter().position(|x| *x == name).unwrap_or(0)] {
            continue;
        }
        let k = obj::str::new(vm, name)?;
        let m = vm.roots_mark();
        vm.push_root(k)?;
        let r = runtime::set_attr(vm, cls, k, Value::rom(f));
        vm.pop_roots(m);
        r?;
    }
    Ok(cls)
}

crate::static_qstr!(Q_LRU, "_lru_cache_wrapper");
crate::static_qstr!(Q_CACHE_INFO_T, "CacheInfo");
crate::static_qstr!(Q_CACHE_INFO, "cache_info");
crate::static_qstr!(Q_CACHE_CLEAR, "cache_clear");
crate::static_qstr!(Q_CACHE_PARAMETERS, "cache_parameters");
crate::static_qstr!(Q_MAXSIZE, "maxsize");
crate::static_qstr!(Q_TYPED, "typed");
crate::static_qstr!(Q_DECORATING, "decorating_function");
crate::static_qstr!(Q_KWD_MARK, "_kwd_mark");
crate::static_qstr!(Q_GT, "__gt__");
crate::static_qstr!(Q_LT, "__lt__");
crate::static_qstr!(Q_GE, "__ge__");
crate::static_qstr!(Q_LE, "__le__");

static DECORATE: Builtin = Builtin::function(&Q_DECORATING, decorate);
/// The marker between the positional and keyword parts of a key (any unique object).
static KWD_MARK: Builtin = Builtin::function(&Q_KWD_MARK, decorate);

static GT_FROM_LT: Builtin = Builtin::method(&Q_GT, gt_from_lt);
static LE_FROM_LT: Builtin = Builtin::method(&Q_LE, le_from_lt);
static GE_FROM_LT: Builtin = Builtin::method(&Q_GE, ge_from_lt);
static GE_FROM_LE: Builtin = Builtin::method(&Q_GE, ge_from_le);
static LT_FROM_LE: Builtin = Builtin::method(&Q_LT, lt_from_le);
static GT_FROM_LE: Builtin = Builtin::method(&Q_GT, gt_from_le);
static LT_FROM_GT: Builtin = Builtin::method(&Q_LT, lt_from_gt);
static GE_FROM_GT: Builtin = Builtin::method(&Q_GE, ge_from_gt);
static LE_FROM_GT: Builtin = Builtin::method(&Q_LE, le_from_gt);
static LE_FROM_GE: Builtin = Builtin::method(&Q_LE, le_from_ge);
static GT_FROM_GE: Builtin = Builtin::method(&Q_GT, gt_from_ge);
static LT_FROM_GE: Builtin = Builtin::method(&Q_LT, lt_from_ge);

static LRU_METHODS: &[Builtin] = &[
    Builtin::method(&Q_CACHE_INFO, cache_info),
    Builtin::method(&Q_CACHE_CLEAR, cache_clear),
    Builtin::method(&Q_CACHE_PARAMETERS, cache_parameters),
];

static LRU_SLOTS: Slots =
    Slots { trace: Some(lru_trace), call: Some(lru_call), getattr: Some(lru_getattr), ..Slots::EMPTY };

static LRU_TYPE: Type =
    Type::builtin(&Q_LRU, Some(&obj::class::OBJECT_TYPE), Kind::Misc, obj::flags::BINDS, &LRU_SLOTS, LRU_METHODS)
        .in_module(&super::TYPE_NS);

static CACHE_INFO_SLOTS: Slots = Slots { repr: Some(ci_repr), getattr: Some(ci_getattr), ..obj::tuple::TUPLE_SLOTS };

static CACHE_INFO_TYPE: Type = Type::builtin(
    &Q_CACHE_INFO_T,
    Some(&obj::tuple::TUPLE_TYPE),
    Kind::Tuple,
    obj::flags::PY_CLASS,
    &CACHE_INFO_SLOTS,
    &[],
)
.in_module(&super::TYPE_NS);
