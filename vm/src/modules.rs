//! Built-in modules: `gc` (MicroPython's API), `sys` (a small subset), `math` (libm, the
//! cargo feature of the same name; without it the module's functions are unused) and `types`
//! (`coroutine` and two type names; its functions live in `coro.rs`), and the standard
//! modules under `modules/`, one file each, each behind a cargo feature of its name.
//!
//! A standard module is a [`rom::Module`](crate::rom::Module) over a frozen, indexed
//! namespace table (`rom_module!`): its functions are ROM `Builtin`s, its classes static
//! `Type`s, so `import` allocates nothing but the `sys.modules` entry (as MicroPython's
//! built-in modules). Its code lives under `frostbyte_vm::modules::<name>`, which is how
//! `frostbyte size` attributes its flash.
#![cfg_attr(not(feature = "math"), allow(dead_code))]

/// The Python name of a `rom_module!` entry: the Rust identifier, or the given text
/// (for names that are Rust keywords: `mod_ as "mod"`).
macro_rules! rom_pyname {
    ($f:ident) => {
        stringify!($f)
    };
    ($f:ident, $py:literal) => {
        $py
    };
}

/// A standard module's ROM objects, in the invoking file: `pub static MODULE`, the
/// module object, whose namespace holds `__name__`, one `Builtin` per listed Rust function
/// (the Python name is the function's, or the `as "name"` given), and the listed `name => value` constants.
macro_rules! rom_module {
    ($modname:literal, fns: [$($f:ident $(as $py:literal)?),* $(,)?], values: [$($k:ident => $v:expr),* $(,)?] $(,)?) => {
        #[allow(non_upper_case_globals, missing_docs, dead_code)]
        mod rom_names {
            pub static __MODNAME: $crate::rom::Qstr<{ $modname.len() }> =
                $crate::rom::Qstr::new($crate::qstr::text($modname));
            $(pub static $f: $crate::rom::Qstr<{ rom_pyname!($f $(, $py)?).len() }> =
                $crate::rom::Qstr::new($crate::qstr::text(rom_pyname!($f $(, $py)?)));)*
            $(pub static $k: $crate::rom::Qstr<{ stringify!($k).len() }> =
                $crate::rom::Qstr::new($crate::qstr::text(stringify!($k)));)*
        }
        #[allow(non_upper_case_globals)]
        mod rom_fns {
            $(pub static $f: $crate::obj::Builtin = $crate::obj::Builtin::function(&super::rom_names::$f, super::$f);)*
        }
        const ROM_N: usize = 1 $(+ { let _ = stringify!($f); 1 })* $(+ { let _ = stringify!($k); 1 })*;
        static ROM_TABLE: $crate::rom::ModuleTable<ROM_N, { $crate::obj::dict::nidx_for(ROM_N) }> =
            $crate::rom::ModuleTable::new(
                [
                    [$crate::value::Value::qstr(&$crate::qstr::__name__), $crate::value::Value::qstr(&rom_names::__MODNAME)],
                    $([$crate::value::Value::qstr(&rom_names::$f), $crate::value::Value::rom(&rom_fns::$f)],)*
                    $([$crate::value::Value::qstr(&rom_names::$k), $v],)*
                ],
                [
                    frostbyte_format::qstr::qstr_hash(b"__name__"),
                    $(frostbyte_format::qstr::qstr_hash(rom_pyname!($f $(, $py)?).as_bytes()),)*
                    $(frostbyte_format::qstr::qstr_hash(stringify!($k).as_bytes()),)*
                ],
            );
        static ROM_DICT: $crate::rom::Dict = $crate::rom::Dict::of_module(&ROM_TABLE);
        static TYPE_NS_TABLE: $crate::rom::DictTable<2> = $crate::rom::DictTable::new([
            $crate::value::Value::qstr(&$crate::qstr::__module__),
            $crate::value::Value::qstr(&rom_names::__MODNAME),
        ]);
        /// The namespace of the module's built-in types (`__module__` only; `Type::in_module`).
        #[allow(dead_code)]
        static TYPE_NS: $crate::rom::Dict = $crate::rom::Dict::new(&TYPE_NS_TABLE);
        /// The module object.
        pub static MODULE: $crate::rom::Module =
            $crate::rom::Module::new(&ROM_DICT, $crate::value::Value::qstr(&rom_names::__MODNAME));
    };
}

#[cfg(feature = "asyncio")]
mod asyncio_image;
#[cfg(feature = "binascii")]
mod binascii;
#[cfg(feature = "bisect")]
mod bisect;
#[cfg(feature = "collections")]
mod collections;
#[cfg(feature = "errno")]
mod errno;
#[cfg(feature = "functools")]
mod functools;
#[cfg(feature = "heapq")]
mod heapq;
#[cfg(feature = "itertools")]
mod itertools;
#[cfg(feature = "micropython")]
mod micropython;
#[cfg(feature = "operator")]
mod operator;
#[cfg(feature = "struct")]
mod struct_;
#[cfg(feature = "time")]
mod time;

/// The standard modules compiled in: name and module object.
static STD_MODULES: &[(&str, &crate::rom::Module)] = &[
    #[cfg(feature = "binascii")]
    ("binascii", &binascii::MODULE),
    #[cfg(feature = "bisect")]
    ("bisect", &bisect::MODULE),
    #[cfg(feature = "collections")]
    ("collections", &collections::MODULE),
    #[cfg(feature = "errno")]
    ("errno", &errno::MODULE),
    #[cfg(feature = "functools")]
    ("functools", &functools::MODULE),
    #[cfg(feature = "heapq")]
    ("heapq", &heapq::MODULE),
    #[cfg(feature = "itertools")]
    ("itertools", &itertools::MODULE),
    #[cfg(feature = "micropython")]
    ("micropython", &micropython::MODULE),
    #[cfg(feature = "operator")]
    ("operator", &operator::MODULE),
    #[cfg(feature = "struct")]
    ("struct", &struct_::MODULE),
    #[cfg(feature = "time")]
    ("time", &time::MODULE),
];

use crate::obj::{self, exception as exc, Args, Builtin};
use crate::qstr;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

fn gc_collect(vm: &mut Vm<'_>, _a: &Args<'_>) -> PyResult<Value> {
    vm.collect();
    Ok(Value::NONE)
}
fn gc_mem_alloc(vm: &mut Vm<'_>, _a: &Args<'_>) -> PyResult<Value> {
    obj::int::from_i64(vm, vm.heap_stats().used as i64)
}
fn gc_mem_free(vm: &mut Vm<'_>, _a: &Args<'_>) -> PyResult<Value> {
    obj::int::from_i64(vm, vm.heap_stats().free as i64)
}
fn gc_enable(vm: &mut Vm<'_>, _a: &Args<'_>) -> PyResult<Value> {
    vm.gc_enabled = true;
    Ok(Value::NONE)
}
fn gc_disable(vm: &mut Vm<'_>, _a: &Args<'_>) -> PyResult<Value> {
    vm.gc_enabled = false;
    Ok(Value::NONE)
}
fn gc_isenabled(vm: &mut Vm<'_>, _a: &Args<'_>) -> PyResult<Value> {
    Ok(Value::bool(vm.gc_enabled))
}

static GC: &[Builtin] = &[
    Builtin::function(&qstr::collect, gc_collect),
    Builtin::function(&qstr::mem_alloc, gc_mem_alloc),
    Builtin::function(&qstr::mem_free, gc_mem_free),
    Builtin::function(&qstr::enable, gc_enable),
    Builtin::function(&qstr::disable, gc_disable),
    Builtin::function(&qstr::isenabled, gc_isenabled),
];

fn sys_getrecursionlimit(vm: &mut Vm<'_>, _a: &Args<'_>) -> PyResult<Value> {
    obj::int::from_i64(vm, vm.recursion_limit as i64)
}
fn sys_setrecursionlimit(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let n = crate::runtime::index_arg_typed(vm, a.get(0))?;
    if n < 1 {
        return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "recursion limit must be greater or equal than 1"));
    }
    vm.set_recursion_limit(n as usize);
    Ok(Value::NONE)
}
fn sys_get_int_max_str_digits(vm: &mut Vm<'_>, _a: &Args<'_>) -> PyResult<Value> {
    obj::int::from_i64(vm, vm.int_max_str_digits as i64)
}
/// `sys.set_int_max_str_digits(maxdigits)`: 0 (no limit) or at least 640, as CPython.
fn sys_set_int_max_str_digits(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let x = if a.pos.is_empty() { a.kw("maxdigits") } else { a.get(0) };
    if x.is_null() || a.pos.len() + a.kwnames.len() != 1 {
        return Err(vm.type_error(format_args!(
            "set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)"
        )));
    }
    let n = crate::runtime::index_arg_typed(vm, x)?;
    if n != 0 && n < 640 {
        return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "maxdigits must be 0 or larger than 640"));
    }
    vm.int_max_str_digits = n.try_into().unwrap_or(usize::MAX);
    Ok(Value::NONE)
}
fn sys_exit(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let x = a.get(0);
    // sys.exit(None) raises SystemExit() with no arguments, as sys.exit() does.
    if x.is_null() || x == Value::NONE {
        return Err(vm.raise_empty(&exc::SYSTEM_EXIT_TYPE));
    }
    Err(vm.raise_with_arg(&exc::SYSTEM_EXIT_TYPE, x))
}

/// `sys.exception()`: the exception being handled, or None.
fn sys_exception(vm: &mut Vm<'_>, _a: &Args<'_>) -> PyResult<Value> {
    Ok(vm.handled_or_none())
}
/// `sys.exc_info()`: `(type, value, traceback)` of the exception being handled.
fn sys_exc_info(vm: &mut Vm<'_>, _a: &Args<'_>) -> PyResult<Value> {
    let e = vm.handled_or_none();
    if e == Value::NONE {
        return obj::tuple::new(vm, &[Value::NONE; 3]);
    }
    let tb = crate::runtime::get_attr(vm, e, Value::qstr(&Q_TRACEBACK))?;
    obj::tuple::new(vm, &[obj::type_of(e).as_value(), e, tb])
}

/// `sys.displayhook(value)`: print `repr(value)` unless it is None (`compile(...,
/// 'single')` code calls it for each expression statement). `builtins._` is not set.
fn sys_displayhook(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let v = a.get(0);
    if v.is_null() || a.pos.len() != 1 {
        return Err(vm.type_error(format_args!("displayhook() takes exactly one argument ({} given)", a.pos.len())));
    }
    if v != Value::NONE {
        let mut sb = obj::str::StrBuf::new(vm)?;
        crate::runtime::repr_into(vm, v, &mut sb)?;
        sb.push(vm, "\n")?;
        sb.write_out(vm);
        let _ = sb.finish(vm)?;
    }
    Ok(Value::NONE)
}

crate::static_qstr!(Q_DISPLAYHOOK, "displayhook");
crate::static_qstr!(Q_EXCEPTION, "exception");
crate::static_qstr!(Q_EXC_INFO, "exc_info");
crate::static_qstr!(Q_TRACEBACK, "__traceback__");
crate::static_qstr!(Q_GETREC, "getrecursionlimit");
crate::static_qstr!(Q_SETREC, "setrecursionlimit");
crate::static_qstr!(Q_EXIT, "exit");
crate::static_qstr!(Q_GET_INT_MAX, "get_int_max_str_digits");
crate::static_qstr!(Q_SET_INT_MAX, "set_int_max_str_digits");

static SYS: &[Builtin] = &[
    Builtin::function(&Q_GETREC, sys_getrecursionlimit),
    Builtin::function(&Q_SETREC, sys_setrecursionlimit),
    Builtin::function(&Q_EXIT, sys_exit),
    Builtin::function(&Q_EXCEPTION, sys_exception),
    Builtin::function(&Q_EXC_INFO, sys_exc_info),
    Builtin::function(&Q_DISPLAYHOOK, sys_displayhook),
    Builtin::function(&Q_GET_INT_MAX, sys_get_int_max_str_digits),
    Builtin::function(&Q_SET_INT_MAX, sys_set_int_max_str_digits),
];

fn num(vm: &mut Vm<'_>, v: Value) -> PyResult<f64> {
    if obj::type_of(v).is_heap() && obj::float::as_f64(v).is_none() && !obj::int::is_int(v) {
        // An object with __float__ (or __index__), as CPython's PyFloat_AsDouble.
        if let Some(r) = crate::runtime::call_dunder(vm, v, &qstr::__float__, &[])? {
            return match obj::float::as_f64(r) {
                Some(f) => Ok(f),
                None => Err(vm.type_error(format_args!(
                    "{}.__float__ returned non-float (type {})",
                    obj::type_name(v),
                    obj::type_name(r)
                ))),
            };
        }
        if let Some(r) = crate::runtime::call_dunder(vm, v, &qstr::__index__, &[])? {
            if obj::int::is_int(r) {
                return obj::int::to_f64(vm, r);
            }
        }
    }
    match obj::float::number_as_f64(vm, v)? {
        Some(f) => Ok(f),
        None => Err(vm.type_error(format_args!("must be real number, not {}", obj::type_name(v)))),
    }
}

/// One-argument math functions: `domain` says which arguments are valid; a function marked
/// `overflow` raises OverflowError when a finite argument gives an infinite result (CPython's
/// math_1 with can_overflow).
macro_rules! math1 {
    ($($name:ident => $f:expr, $domain:expr $(, $overflow:ident)?;)*) => {
        $(fn $name(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
            let x = num(vm, a.get(0))?;
            let ok: fn(f64) -> bool = $domain;
            if !ok(x) {
                return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "math domain error"));
            }
            let f: fn(f64) -> f64 = $f;
            let r = f(x);
            $(
                let _ = stringify!($overflow);
                if r.is_infinite() && x.is_finite() {
                    return Err(vm.raise_msg(&exc::OVERFLOW_ERROR_TYPE, "math range error"));
                }
            )?
            obj::float::new(vm, r)
        })*
    };
}

math1! {
    m_sqrt => libm::sqrt, |x| x >= 0.0 || x.is_nan();
    m_exp => libm::exp, |_| true, overflow;
    m_log10 => libm::log10, |x| x > 0.0;
    m_log2 => libm::log2, |x| x > 0.0;
    m_sin => libm::sin, |x| x.is_finite() || x.is_nan();
    m_cos => libm::cos, |x| x.is_finite() || x.is_nan();
    m_tan => libm::tan, |x| x.is_finite() || x.is_nan();
    m_asin => libm::asin, |x| (-1.0..=1.0).contains(&x);
    m_acos => libm::acos, |x| (-1.0..=1.0).contains(&x);
    m_atan => libm::atan, |_| true;
    m_fabs => libm::fabs, |_| true;
    m_sinh => libm::sinh, |_| true, overflow;
    m_cosh => libm::cosh, |_| true, overflow;
    m_tanh => libm::tanh, |_| true;
    m_degrees => |x| x * (180.0 / core::f64::consts::PI), |_| true;
    m_radians => |x| x * (core::f64::consts::PI / 180.0), |_| true;
}

fn m_log(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let x = num(vm, a.get(0))?;
    if x <= 0.0 {
        return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "math domain error"));
    }
    let r = if a.pos.len() > 1 {
        let b = num(vm, a.pos[1])?;
        libm::log(x) / libm::log(b)
    } else {
        libm::log(x)
    };
    obj::float::new(vm, r)
}

fn m_pow(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let x = num(vm, a.get(0))?;
    let y = num(vm, a.get(1))?;
    let r = libm::pow(x, y);
    // CPython's math_pow: errors only for finite operands.
    if x.is_finite() && y.is_finite() {
        if r.is_nan() || (r.is_infinite() && x == 0.0) {
            return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "math domain error"));
        }
        if r.is_infinite() {
            return Err(vm.raise_msg(&exc::OVERFLOW_ERROR_TYPE, "math range error"));
        }
    }
    obj::float::new(vm, r)
}
fn m_atan2(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let y = num(vm, a.get(0))?;
    let x = num(vm, a.get(1))?;
    obj::float::new(vm, libm::atan2(y, x))
}
fn m_hypot(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let x = num(vm, a.get(0))?;
    let y = num(vm, a.get(1))?;
    obj::float::new(vm, libm::hypot(x, y))
}
/// `math.floor`/`ceil`/`trunc`: the class's `dunder` (`__floor__`, ...) if it defines one,
/// else the rounded float value (`trunc`: TypeError, as CPython).
fn to_int_round<const N: usize>(vm: &mut Vm<'_>, a: &Args<'_>, f: fn(f64) -> f64, dunder: &'static crate::rom::Qstr<N>) -> PyResult<Value> {
    let v = a.get(0);
    if let Some(r) = crate::runtime::call_dunder(vm, v, dunder, &[])? {
        return Ok(r);
    }
    if obj::int::is_int(v) {
        return crate::runtime::to_int(vm, v);
    }
    if obj::float::as_f64(v).is_none() && obj::type_of(v).is_heap() && Value::qstr(dunder) == Value::qstr(&Q_DTRUNC) {
        let n = obj::str::as_str(Value::qstr(dunder)).unwrap_or("");
        return Err(vm.type_error(format_args!("type {} doesn't define {n} method", obj::type_name(v))));
    }
    let x = num(vm, v)?;
    crate::numfmt::float_to_int(vm, f(x))
}
crate::static_qstr!(Q_DFLOOR, "__floor__");
crate::static_qstr!(Q_DCEIL, "__ceil__");
crate::static_qstr!(Q_DTRUNC, "__trunc__");
fn m_floor(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    to_int_round(vm, a, libm::floor, &Q_DFLOOR)
}
fn m_ceil(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    to_int_round(vm, a, libm::ceil, &Q_DCEIL)
}
fn m_trunc(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    to_int_round(vm, a, libm::trunc, &Q_DTRUNC)
}
fn m_isnan(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    Ok(Value::bool(num(vm, a.get(0))?.is_nan()))
}
fn m_isinf(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    Ok(Value::bool(num(vm, a.get(0))?.is_infinite()))
}
fn m_isfinite(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    Ok(Value::bool(num(vm, a.get(0))?.is_finite()))
}
fn m_gcd(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let mark = vm.roots_mark();
    let mut g = Value::small_int(0);
    for &v in a.pos {
        if !obj::int::is_int(v) {
            return Err(vm.type_error(format_args!("'{}' object cannot be interpreted as an integer", obj::type_name(v))));
        }
        g = int_gcd(vm, g, v)?;
        vm.pop_roots(mark);
        vm.push_root(g)?;
    }
    vm.pop_roots(mark);
    Ok(g)
}

/// `gcd(|a|, |b|)` of two ints: 64-bit Euclid once both fit an `i64`, Python `%` before
/// that. May collect.
fn int_gcd(vm: &mut Vm<'_>, a: Value, b: Value) -> PyResult<Value> {
    let mark = vm.roots_mark();
    let (mut p, mut q) = (int_abs(vm, a)?, b);
    vm.push_root(p)?;
    q = int_abs(vm, q)?;
    vm.push_root(q)?;
    loop {
        if let (Some(x), Some(y)) = (obj::int::to_i64(p), obj::int::to_i64(q)) {
            let (mut x, mut y) = (x.unsigned_abs(), y.unsigned_abs());
            while y != 0 {
                let t = x % y;
                x = y;
                y = t;
            }
            vm.pop_roots(mark);
            // Only gcd(-2**63, 0) does not fit an i64.
            return match i64::try_from(x) {
                Ok(g) => obj::int::from_i64(vm, g),
                Err(_) => int_abs(vm, a),
            };
        }
        if obj::int::small_value(q) == Some(0) {
            vm.pop_roots(mark);
            return Ok(p);
        }
        let t = crate::runtime::binary_op(vm, frostbyte_format::BinOp::Mod, p, q)?;
        p = q;
        q = t;
        vm.pop_roots(mark);
        vm.push_root(p)?;
        vm.push_root(q)?;
    }
}

/// `abs(v)` of an int. May collect.
fn int_abs(vm: &mut Vm<'_>, v: Value) -> PyResult<Value> {
    let neg = match obj::int::small_value(v) {
        Some(i) => i < 0,
        None => obj::int::big_parts(v).is_some_and(|(neg, _)| neg),
    };
    if neg {
        crate::runtime::unary_op(vm, frostbyte_format::UnaryOp::Neg, v)
    } else {
        Ok(v)
    }
}
fn m_factorial(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let v = a.get(0);
    let Some(n) = obj::int::to_i64(v).filter(|_| obj::int::is_int(v)) else {
        return Err(vm.type_error(format_args!("'{}' object cannot be interpreted as an integer", obj::type_name(v))));
    };
    if n < 0 {
        return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "factorial() not defined for negative values"));
    }
    let mut acc = Value::small_int(1);
    let m = vm.roots_mark();
    vm.push_root(acc)?;
    for i in 2..=n {
        acc = obj::int::int_binop(vm, frostbyte_format::BinOp::Mul, acc, Value::small_int(i as isize))?;
        vm.set_root(m, acc);
    }
    vm.pop_roots(m);
    Ok(acc)
}
fn m_copysign(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let x = num(vm, a.get(0))?;
    let y = num(vm, a.get(1))?;
    obj::float::new(vm, libm::copysign(x, y))
}
fn m_fmod(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let x = num(vm, a.get(0))?;
    let y = num(vm, a.get(1))?;
    if y == 0.0 {
        return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "math domain error"));
    }
    obj::float::new(vm, libm::fmod(x, y))
}

crate::static_qstr!(Q_SQRT, "sqrt");
crate::static_qstr!(Q_EXP, "exp");
crate::static_qstr!(Q_LOG, "log");
crate::static_qstr!(Q_LOG10, "log10");
crate::static_qstr!(Q_LOG2, "log2");
crate::static_qstr!(Q_SIN, "sin");
crate::static_qstr!(Q_COS, "cos");
crate::static_qstr!(Q_TAN, "tan");
crate::static_qstr!(Q_ASIN, "asin");
crate::static_qstr!(Q_ACOS, "acos");
crate::static_qstr!(Q_ATAN, "atan");
crate::static_qstr!(Q_ATAN2, "atan2");
crate::static_qstr!(Q_FABS, "fabs");
crate::static_qstr!(Q_SINH, "sinh");
crate::static_qstr!(Q_COSH, "cosh");
crate::static_qstr!(Q_TANH, "tanh");
crate::static_qstr!(Q_DEGREES, "degrees");
crate::static_qstr!(Q_RADIANS, "radians");
crate::static_qstr!(Q_HYPOT, "hypot");
crate::static_qstr!(Q_FLOOR, "floor");
crate::static_qstr!(Q_CEIL, "ceil");
crate::static_qstr!(Q_TRUNC, "trunc");
crate::static_qstr!(Q_ISNAN, "isnan");
crate::static_qstr!(Q_ISINF, "isinf");
crate::static_qstr!(Q_ISFINITE, "isfinite");
crate::static_qstr!(Q_GCD, "gcd");
crate::static_qstr!(Q_FACTORIAL, "factorial");
crate::static_qstr!(Q_COPYSIGN, "copysign");
crate::static_qstr!(Q_FMOD, "fmod");
crate::static_qstr!(Q_PI, "pi");
crate::static_qstr!(Q_E, "e");
crate::static_qstr!(Q_TAU, "tau");
crate::static_qstr!(Q_INF, "inf");
crate::static_qstr!(Q_NAN, "nan");
crate::static_qstr!(Q_MAXSIZE, "maxsize");

static MATH: &[Builtin] = &[
    Builtin::function(&Q_SQRT, m_sqrt),
    Builtin::function(&Q_EXP, m_exp),
    Builtin::function(&Q_LOG, m_log),
    Builtin::function(&Q_LOG10, m_log10),
    Builtin::function(&Q_LOG2, m_log2),
    Builtin::function(&Q_SIN, m_sin),
    Builtin::function(&Q_COS, m_cos),
    Builtin::function(&Q_TAN, m_tan),
    Builtin::function(&Q_ASIN, m_asin),
    Builtin::function(&Q_ACOS, m_acos),
    Builtin::function(&Q_ATAN, m_atan),
    Builtin::function(&Q_ATAN2, m_atan2),
    Builtin::function(&Q_FABS, m_fabs),
    Builtin::function(&Q_SINH, m_sinh),
    Builtin::function(&Q_COSH, m_cosh),
    Builtin::function(&Q_TANH, m_tanh),
    Builtin::function(&Q_DEGREES, m_degrees),
    Builtin::function(&Q_RADIANS, m_radians),
    Builtin::function(&Q_HYPOT, m_hypot),
    Builtin::function(&Q_FLOOR, m_floor),
    Builtin::function(&Q_CEIL, m_ceil),
    Builtin::function(&Q_TRUNC, m_trunc),
    Builtin::function(&Q_ISNAN, m_isnan),
    Builtin::function(&Q_ISINF, m_isinf),
    Builtin::function(&Q_ISFINITE, m_isfinite),
    Builtin::function(&Q_GCD, m_gcd),
    Builtin::function(&Q_FACTORIAL, m_factorial),
    Builtin::function(&Q_COPYSIGN, m_copysign),
    Builtin::function(&Q_FMOD, m_fmod),
    Builtin::function(&qstr::pow, m_pow),
];

static PI: crate::rom::Float = crate::rom::Float::new(core::f64::consts::PI);
static E: crate::rom::Float = crate::rom::Float::new(core::f64::consts::E);
static TAU: crate::rom::Float = crate::rom::Float::new(core::f64::consts::TAU);
static INF: crate::rom::Float = crate::rom::Float::new(f64::INFINITY);
static NAN: crate::rom::Float = crate::rom::Float::new(f64::NAN);

/// The VM's own frozen image holding module `name` (`asyncio`, Python frozen into the VM
/// with the `asyncio` feature), registered with `Vm::add_image` the first time it is
/// imported, so a program that never imports it pays no heap for it. An image of the
/// embedder's defining the same module wins (it is looked at first).
pub fn builtin_image(name: &str) -> Option<&'static crate::rom::Image> {
    match name {
        #[cfg(feature = "asyncio")]
        "asyncio" => Some(&asyncio_image::ASYNCIO),
        _ => None,
    }
}

/// Is `name` a built-in module?
pub fn is_builtin_module(name: &str) -> bool {
    matches!(name, "gc" | "sys" | "types" | "builtins")
        || cfg!(feature = "math") && name == "math"
        || STD_MODULES.iter().any(|(n, _)| *n == name)
}

/// The name of standard module `name` as its ROM qstr (so `sys.modules` keys cost no heap).
pub fn std_module_name(name: &str) -> Option<Value> {
    STD_MODULES.iter().find(|(n, _)| *n == name).map(|(_, m)| m.name)
}

crate::static_qstr!(Q_BUILTINS, "builtins");

/// The `builtins` module: a dict holding every builtin (built when first imported). May
/// collect.
fn make_builtins(vm: &mut Vm<'_>) -> PyResult<Value> {
    let m = vm.roots_mark();
    let md = obj::module::new(vm, Value::qstr(&Q_BUILTINS))?;
    vm.push_root(md)?;
    let d = obj::module::as_module(md).map(|x| x.dict).unwrap_or(Value::NULL);
    for (k, v) in crate::builtins::entries() {
        obj::dict::set_str(vm, d, *k, *v)?;
    }
    vm.pop_roots(m);
    Ok(md)
}

/// Create built-in module `name` if it exists. May collect.
pub fn make_builtin_module(vm: &mut Vm<'_>, name: &str) -> PyResult<Option<Value>> {
    if let Some((_, m)) = STD_MODULES.iter().find(|(n, _)| *n == name) {
        return Ok(Some(Value::rom(*m)));
    }
    if name == "builtins" {
        return make_builtins(vm).map(Some);
    }
    let (fns, consts): (&'static [Builtin], &[(Value, Value)]) = match name {
        "gc" => (GC, &[]),
        "types" => (crate::coro::TYPES, &crate::coro::types_consts()),
        "sys" => (SYS, &[]),
        #[cfg(feature = "math")]
        "math" => (
            MATH,
            &[
                (Value::qstr(&Q_PI), Value::rom(&PI)),
                (Value::qstr(&Q_E), Value::rom(&E)),
                (Value::qstr(&Q_TAU), Value::rom(&TAU)),
                (Value::qstr(&Q_INF), Value::rom(&INF)),
                (Value::qstr(&Q_NAN), Value::rom(&NAN)),
            ],
        ),
        _ => return Ok(None),
    };
    let n = match name {
        "gc" => Value::qstr(&qstr::gc),
        "sys" => Value::qstr(&qstr::sys),
        "types" => crate::coro::types_name(),
        _ => Value::qstr(&qstr::math),
    };
    let m = vm.roots_mark();
    let md = obj::module::new(vm, n)?;
    vm.push_root(md)?;
    let d = obj::module::as_module(md).map(|x| x.dict).unwrap_or(Value::NULL);
    for b in fns {
        obj::dict::set_str(vm, d, b.name, Value::rom(b))?;
    }
    for (k, v) in consts {
        obj::dict::set_str(vm, d, *k, *v)?;
    }
    if name == "sys" {
        let mods = vm.modules;
        crate::obj::dict::set_str(vm, d, Value::qstr(&Q_MODULES), mods)?;
        // The target's largest isize, as CPython's Py_ssize_t (a big int on 64-bit targets).
        let maxsize = obj::int::from_i64(vm, isize::MAX as i64)?;
        vm.push_root(maxsize)?;
        crate::obj::dict::set_str(vm, d, Value::qstr(&Q_MAXSIZE), maxsize)?;
        crate::obj::dict::set_str(vm, d, Value::qstr(&Q_STDIN), Value::rom(&obj::stream::STDIN))?;
        crate::obj::dict::set_str(vm, d, Value::qstr(&Q_STDOUT), Value::rom(&obj::stream::STDOUT))?;
        crate::obj::dict::set_str(vm, d, Value::qstr(&Q_STDERR), Value::rom(&obj::stream::STDERR))?;
    }
    vm.pop_roots(m);
    Ok(Some(md))
}

crate::static_qstr!(Q_MODULES, "modules");
crate::static_qstr!(Q_STDIN, "stdin");
crate::static_qstr!(Q_STDOUT, "stdout");
crate::static_qstr!(Q_STDERR, "stderr");
