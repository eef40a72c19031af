//! Built-in modules: `gc` (MicroPython's API), `sys` (a small subset) and `types`
//! (`coroutine` and two type names; its functions live in `coro.rs`), and the standard
//! modules under `modules/` (`math` among them), one file each, each behind a cargo feature
//! of its name.
//!
//! A standard module is a [`rom::Module`](crate::rom::Module) over a frozen, indexed
//! namespace table (`rom_module!`): its functions are ROM `Builtin`s, its classes static
//! `Type`s, so `import` allocates nothing but the `sys.modules` entry (as MicroPython's
//! built-in modules). Its code lives under `frostbyte_vm::modules::<name>`, which is how
//! `frostbyte size` attributes its flash.

/// The Python name of a `rom_module!` entry: the Rust identifier, or the given text
/// (for names that are Rust keywords: `mod_ as "mod"`).
#[allow(unused_macros)]
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
/// (the Python name is the function's, or the `as "name"` given), and the listed `name => value` constants
/// (also `name as "pyname" => value`).
#[allow(unused_macros)]
macro_rules! rom_module {
    ($modname:literal, fns: [$($f:ident $(as $py:literal)?),* $(,)?], values: [$($k:ident $(as $kpy:literal)? => $v:expr),* $(,)?] $(,)?) => {
        #[allow(non_upper_case_globals, missing_docs, dead_code)]
        mod rom_names {
            pub static __MODNAME: $crate::rom::Qstr<{ $modname.len() }> =
                $crate::rom::Qstr::new($crate::qstr::text($modname));
            $(pub static $f: $crate::rom::Qstr<{ rom_pyname!($f $(, $py)?).len() }> =
                $crate::rom::Qstr::new($crate::qstr::text(rom_pyname!($f $(, $py)?)));)*
            $(pub static $k: $crate::rom::Qstr<{ rom_pyname!($k $(, $kpy)?).len() }> =
                $crate::rom::Qstr::new($crate::qstr::text(rom_pyname!($k $(, $kpy)?)));)*
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
                    $(frostbyte_format::qstr::qstr_hash(rom_pyname!($k $(, $kpy)?).as_bytes()),)*
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

#[cfg(feature = "array")]
mod array;
#[cfg(feature = "asyncio")]
#[rustfmt::skip]
mod asyncio_image;
#[cfg(feature = "binascii")]
mod binascii;
#[cfg(feature = "bisect")]
mod bisect;
#[cfg(feature = "cmath")]
mod cmath;
#[cfg(feature = "collections")]
mod collections;
#[cfg(feature = "errno")]
mod errno;
#[cfg(feature = "functools")]
mod functools;
#[cfg(feature = "hashlib")]
pub(crate) mod hashlib;
#[cfg(feature = "heapq")]
mod heapq;
#[cfg(feature = "io")]
mod io;
#[cfg(feature = "itertools")]
mod itertools;
#[cfg(feature = "json")]
mod json;
#[cfg(feature = "math")]
mod math;
#[cfg(feature = "micropython")]
mod micropython;
#[cfg(feature = "operator")]
mod operator;
#[cfg(feature = "random")]
mod random;
#[cfg(feature = "re")]
mod re;
#[cfg(feature = "struct")]
mod struct_;
mod sysinfo;
#[cfg(feature = "time")]
mod time;
#[cfg(feature = "weakref")]
mod weakref;
#[cfg(feature = "weakref")]
#[rustfmt::skip]
mod weakref_image;
/// `__future__` (`vm/pylib/__future__.py`): what a future statement binds when it runs.
#[cfg(feature = "future")]
#[rustfmt::skip]
mod future_image;

/// The standard modules compiled in: name and module object.
static STD_MODULES: &[(&str, &crate::rom::Module)] = &[
    #[cfg(feature = "array")]
    ("array", &array::MODULE),
    #[cfg(feature = "binascii")]
    ("binascii", &binascii::MODULE),
    #[cfg(feature = "bisect")]
    ("bisect", &bisect::MODULE),
    #[cfg(feature = "cmath")]
    ("cmath", &cmath::MODULE),
    #[cfg(feature = "collections")]
    ("collections", &collections::MODULE),
    #[cfg(feature = "errno")]
    ("errno", &errno::MODULE),
    #[cfg(feature = "functools")]
    ("functools", &functools::MODULE),
    #[cfg(feature = "hashlib")]
    ("hashlib", &hashlib::MODULE),
    #[cfg(feature = "heapq")]
    ("heapq", &heapq::MODULE),
    #[cfg(feature = "io")]
    ("io", &io::MODULE),
    #[cfg(feature = "itertools")]
    ("itertools", &itertools::MODULE),
    #[cfg(feature = "json")]
    ("json", &json::MODULE),
    #[cfg(feature = "math")]
    ("math", &math::MODULE),
    #[cfg(feature = "micropython")]
    ("micropython", &micropython::MODULE),
    #[cfg(feature = "operator")]
    ("operator", &operator::MODULE),
    #[cfg(feature = "random")]
    ("random", &random::MODULE),
    #[cfg(feature = "re")]
    ("re", &re::MODULE),
    #[cfg(feature = "struct")]
    ("struct", &struct_::MODULE),
    #[cfg(feature = "time")]
    ("time", &time::MODULE),
    #[cfg(feature = "weakref")]
    ("_weakref", &weakref::MODULE),
];

use crate::obj::{self, exception as exc, Args, Builtin};
use crate::qstr;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// `gc.collect()`: collect now; returns the number of objects freed (CPython: the number
/// of unreachable objects found; MicroPython returns None).
fn gc_collect(vm: &mut Vm<'_>, _a: &Args<'_>) -> PyResult<Value> {
    vm.collect();
    obj::int::from_i64(vm, vm.heap.last_freed() as i64)
}
/// `gc.threshold([amount])` (MicroPython): with no argument the threshold in bytes, -1 when
/// none is set; with one, collect whenever `amount` bytes have been allocated since the
/// last collection (besides the heap's own policy; -1 or any negative amount removes it).
fn gc_threshold(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    if !a.kwnames.is_empty() {
        return Err(vm.type_error(format_args!("threshold() takes no keyword arguments")));
    }
    match a.pos {
        [] => obj::int::from_i64(vm, vm.gc_threshold as i64),
        [n] => {
            let n = crate::runtime::index_arg_typed(vm, *n)?;
            vm.gc_threshold = if n < 0 { -1 } else { n.min(isize::MAX as i64) as isize };
            Ok(Value::NONE)
        }
        _ => Err(vm.type_error(format_args!("function expected at most 1 arguments, got {}", a.pos.len()))),
    }
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
    Builtin::function(&Q_THRESHOLD, gc_threshold),
];

crate::static_qstr!(Q_THRESHOLD, "threshold");

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
        return Err(
            vm.type_error(format_args!("set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)"))
        );
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

/// `sys.print_exception(exc, file=sys.stdout)` (MicroPython): the traceback CPython would
/// print for `exc`, written to `file` (through its `write` method unless it is one of the
/// VM's streams). May run Python code.
fn sys_print_exception(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let e = a.get(0);
    let file = if a.pos.len() > 1 { a.get(1) } else { a.kw("file") };
    if e.is_null() || a.pos.len() > 2 {
        return Err(vm.type_error(format_args!("function expected 1 to 2 arguments, got {}", a.pos.len())));
    }
    if !obj::type_of(e).is_subtype(&exc::BASE_EXCEPTION_TYPE) {
        return Err(vm.type_error(format_args!("print_exception() argument must be an exception")));
    }
    let m = vm.roots_mark();
    let text = crate::traceback::format_exception(vm, e)?;
    vm.push_root(text)?;
    let stream = if file.is_null() || file == Value::NONE { Some(1) } else { obj::stream::which(file) };
    let r = match stream {
        Some(1) => {
            vm.write_out(obj::str::as_str(text).unwrap_or(""));
            Ok(())
        }
        Some(2) => {
            vm.write_err(obj::str::as_str(text).unwrap_or(""));
            Ok(())
        }
        _ => crate::runtime::get_attr(vm, file, Value::qstr(&Q_WRITE))
            .and_then(|w| crate::runtime::call(vm, w, &[text]))
            .map(|_| ()),
    };
    vm.pop_roots(m);
    r.map(|_| Value::NONE)
}

crate::static_qstr!(Q_WRITE, "write");
crate::static_qstr!(Q_PRINT_EXCEPTION, "print_exception");
crate::static_qstr!(Q_DISPLAYHOOK, "displayhook");
crate::static_qstr!(Q_EXCEPTION, "exception");
crate::static_qstr!(Q_EXC_INFO, "exc_info");
crate::static_qstr!(Q_TRACEBACK, "__traceback__");
crate::static_qstr!(Q_GETREC, "getrecursionlimit");
crate::static_qstr!(Q_SETREC, "setrecursionlimit");
crate::static_qstr!(Q_EXIT, "exit");
crate::static_qstr!(Q_GET_INT_MAX, "get_int_max_str_digits");
crate::static_qstr!(Q_SET_INT_MAX, "set_int_max_str_digits");
crate::static_qstr!(Q_MAXSIZE, "maxsize");

static SYS: &[Builtin] = &[
    Builtin::function(&Q_GETREC, sys_getrecursionlimit),
    Builtin::function(&Q_SETREC, sys_setrecursionlimit),
    Builtin::function(&Q_EXIT, sys_exit),
    Builtin::function(&Q_EXCEPTION, sys_exception),
    Builtin::function(&Q_EXC_INFO, sys_exc_info),
    Builtin::function(&Q_DISPLAYHOOK, sys_displayhook),
    Builtin::function(&Q_GET_INT_MAX, sys_get_int_max_str_digits),
    Builtin::function(&Q_SET_INT_MAX, sys_set_int_max_str_digits),
    Builtin::function(&Q_PRINT_EXCEPTION, sys_print_exception),
];

/// The VM's own frozen image holding module `name` (`asyncio` and `weakref`, Python frozen
/// into the VM with their features, and `__future__` with `future`), registered with `Vm::add_image` the first time it is
/// imported, so a program that never imports it pays no heap for it. An image of the
/// embedder's defining the same module wins (it is looked at first).
pub fn builtin_image(name: &str) -> Option<&'static crate::rom::Image> {
    match name {
        #[cfg(feature = "asyncio")]
        "asyncio" => Some(&asyncio_image::ASYNCIO),
        #[cfg(feature = "weakref")]
        "weakref" => Some(&weakref_image::WEAKREF),
        #[cfg(feature = "future")]
        "__future__" => Some(&future_image::FUTURE),
        _ => None,
    }
}

/// Is `name` a built-in module?
pub fn is_builtin_module(name: &str) -> bool {
    matches!(name, "gc" | "sys" | "types" | "builtins") || STD_MODULES.iter().any(|(n, _)| *n == name)
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
        _ => return Ok(None),
    };
    let n = match name {
        "gc" => Value::qstr(&qstr::gc),
        "sys" => Value::qstr(&qstr::sys),
        _ => crate::coro::types_name(),
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
        set_sys_argv(vm, d)?;
        let ver = [
            (Value::qstr(&Q_VERSION), Value::qstr(&sysinfo::Q_VERSION)),
            (Value::qstr(&Q_VERSION_INFO), Value::rom(&sysinfo::VERSION_INFO)),
            (Value::qstr(&Q_HEXVERSION), Value::small_int(sysinfo::HEXVERSION)),
            (Value::qstr(&Q_IMPLEMENTATION), Value::rom(&sysinfo::IMPLEMENTATION)),
            (
                Value::qstr(&Q_BYTEORDER),
                if cfg!(target_endian = "big") { Value::qstr(&Q_BIG) } else { Value::qstr(&Q_LITTLE) },
            ),
        ];
        for (k, v) in ver {
            crate::obj::dict::set_str(vm, d, k, v)?;
        }
        let platform = obj::str::new(vm, vm.platform)?;
        vm.push_root(platform)?;
        crate::obj::dict::set_str(vm, d, Value::qstr(&Q_PLATFORM), platform)?;
        // No search path: modules come from frozen images, not directories.
        let path = obj::list::with_capacity(vm, 0)?;
        vm.push_root(path)?;
        crate::obj::dict::set_str(vm, d, Value::qstr(&Q_PATH), path)?;
    }
    vm.pop_roots(m);
    Ok(Some(md))
}

/// `sys.argv`: a list of the strings the embedder gave `Vm::set_argv` (`[]` without). May
/// collect.
fn set_sys_argv(vm: &mut Vm<'_>, d: Value) -> PyResult<()> {
    let m = vm.roots_mark();
    let list = obj::list::with_capacity(vm, vm.argv.len())?;
    vm.push_root(list)?;
    for a in vm.argv {
        let s = obj::str::new(vm, a)?;
        let inner = vm.roots_mark();
        vm.push_root(s)?;
        obj::list::append(vm, list, s)?;
        vm.pop_roots(inner);
    }
    crate::obj::dict::set_str(vm, d, Value::qstr(&Q_ARGV), list)?;
    vm.pop_roots(m);
    Ok(())
}

crate::static_qstr!(Q_ARGV, "argv");
crate::static_qstr!(Q_MODULES, "modules");
crate::static_qstr!(Q_VERSION, "version");
crate::static_qstr!(Q_VERSION_INFO, "version_info");
crate::static_qstr!(Q_HEXVERSION, "hexversion");
crate::static_qstr!(Q_IMPLEMENTATION, "implementation");
crate::static_qstr!(Q_BYTEORDER, "byteorder");
crate::static_qstr!(Q_LITTLE, "little");
crate::static_qstr!(Q_BIG, "big");
crate::static_qstr!(Q_PLATFORM, "platform");
crate::static_qstr!(Q_PATH, "path");
crate::static_qstr!(Q_STDIN, "stdin");
crate::static_qstr!(Q_STDOUT, "stdout");
crate::static_qstr!(Q_STDERR, "stderr");
