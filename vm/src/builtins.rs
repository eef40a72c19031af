//! The `builtins` namespace: built-in functions, types and exceptions, plus helpers the
//! interpreter uses for `raise`, `except` matching and `**kwargs`.
//!
//! To add a built-in function: write `fn(vm, &Args) -> PyResult<Value>` here (or in a new
//! file), declare a `static` with `Builtin::function`, and add it to `TABLE`.

use frostbyte_format::{BinOp, CmpOp};

use crate::eval::{compile as ev_compile, eval as ev_eval, exec as ev_exec, import as ev_import, input as ev_input};
use crate::obj::frame::FramePtr;
use crate::obj::{self, exception as exc, str::StrBuf, Args, Builtin, Type};
use crate::qstr;
use crate::runtime;
use crate::value::Value;
use crate::vm::{PyResult, Raised, Recursion, Vm};

/// Look a name up in the builtins: one probe of [`INDEX`] (by the name's hash) in the
/// common case, a few more on a collision; never a scan of the table.
pub fn lookup(name: Value) -> Option<Value> {
    let h = obj::str::hash_of(name);
    let mut s = h as usize & INDEX_MASK;
    loop {
        let i = INDEX[s];
        if i == INDEX_EMPTY {
            return None;
        }
        let (n, v) = ALL[i as usize];
        if n == name || (obj::str::hash_of(n) == h && obj::str::eq(n, name)) {
            return Some(v);
        }
        s = (s + 1) & INDEX_MASK;
    }
}

// ----- interpreter helpers -----

/// Convert a `**kwargs` mapping into (names, values) tuples. May collect.
pub fn kwargs_to_tuples(vm: &mut Vm<'_>, kw: Value) -> PyResult<(Value, Value)> {
    if kw.is_null() || obj::dict::as_dict(kw).map(|d| d.is_empty()).unwrap_or(false) {
        return Ok((obj::tuple::empty(), obj::tuple::empty()));
    }
    let d = if obj::dict::as_dict(kw).is_some() {
        kw
    } else {
        let d = obj::dict::new(vm)?;
        vm.push_root(d)?;
        obj::dict::update(vm, d, kw)?;
        d
    };
    let n = obj::dict::as_dict(d).map(|x| x.len()).unwrap_or(0);
    let names = obj::tuple::alloc(vm, n)?;
    vm.push_root(names)?;
    let vals = obj::tuple::alloc(vm, n)?;
    vm.push_root(vals)?;
    let mut i = 0;
    let mut k = 0;
    while let Some((key, v)) = obj::dict::as_dict(d).and_then(|x| x.entry(i)) {
        i += 1;
        if key.is_null() {
            continue;
        }
        if !obj::str::is_str(key) {
            return Err(vm.type_error(format_args!("keywords must be strings")));
        }
        obj::tuple::init_item(names, k, key);
        obj::tuple::init_item(vals, k, v);
        k += 1;
    }
    Ok((names, vals))
}

/// How CPython names a callable in call-site errors (`_PyObject_FunctionStr`):
/// `module.qualname` unless the module is `builtins`.
fn func_str(vm: &Vm<'_>, f: Value) -> crate::vm::FixedBuf {
    use core::fmt::Write;
    let f = obj::method::as_method(f).map(|m| m.func).unwrap_or(f);
    let module = if let Some(func) = obj::function::as_func(f) {
        obj::dict::get_str(obj::function::globals(vm, func), Value::qstr(&qstr::__name__))
    } else if let Some(t) = obj::as_type(f).filter(|t| t.is_heap()) {
        obj::dict::get_str(t.dict, Value::qstr(&qstr::__module__))
    } else {
        None
    };
    let mut b = crate::vm::FixedBuf::new();
    if let Some(m) = module.and_then(obj::str::as_str).filter(|m| *m != "builtins") {
        let _ = write!(b, "{m}.");
    }
    let _ = b.write_str(runtime::func_name(f));
    b
}

/// CALL_FUNCTION_EX's check of `f(*args)`: `args` must be iterable.
pub fn check_star_args(vm: &mut Vm<'_>, func: Value, args: Value) -> PyResult<()> {
    if runtime::is_iterable(args) {
        return Ok(());
    }
    Err(vm.type_error(format_args!(
        "{}() argument after * must be an iterable, not {}",
        func_str(vm, func).as_str(),
        obj::type_name(args)
    )))
}

/// DICT_MERGE: `d.update(m)` but duplicate keys are a TypeError.
pub fn dict_merge(vm: &mut Vm<'_>, d: Value, m: Value, func: Value) -> PyResult<()> {
    if obj::dict::as_dict(m).is_none() && !runtime::has_attr_name(vm, m, "keys")? {
        return Err(vm.type_error(format_args!(
            "{}() argument after ** must be a mapping, not {}",
            func_str(vm, func).as_str(),
            obj::type_name(m)
        )));
    }
    let tmp = obj::dict::new(vm)?;
    vm.push_root(tmp)?;
    obj::dict::update(vm, tmp, m)?;
    let mut i = 0;
    while let Some((k, v)) = obj::dict::as_dict(tmp).and_then(|x| x.entry(i)) {
        i += 1;
        if k.is_null() {
            continue;
        }
        if obj::dict::get(vm, d, k)?.is_some() {
            let n = obj::str::as_str(k).unwrap_or("?");
            return Err(vm.type_error(format_args!(
                "{}() got multiple values for keyword argument '{n}'",
                func_str(vm, func).as_str()
            )));
        }
        obj::dict::set(vm, d, k, v)?;
    }
    Ok(())
}

/// Turn `raise X` operands into an exception instance. May collect.
fn make_exception(vm: &mut Vm<'_>, v: Value) -> PyResult<Value> {
    if let Some(t) = obj::as_type(v) {
        if t.is_subtype(&exc::BASE_EXCEPTION_TYPE) || obj::class::is_subclass(t, &exc::BASE_EXCEPTION_TYPE) {
            return runtime::call(vm, v, &[]);
        }
    } else if obj::is_instance(v, &exc::BASE_EXCEPTION_TYPE)
        || obj::class::is_subclass(obj::type_of(v), &exc::BASE_EXCEPTION_TYPE)
    {
        return Ok(v);
    }
    Err(vm.type_error(format_args!("exceptions must derive from BaseException")))
}

/// RAISE_VARARGS.
pub fn do_raise(vm: &mut Vm<'_>, f: FramePtr, n: usize) -> Raised {
    match n {
        0 => {
            if vm.handled.is_null() || vm.handled == Value::NONE {
                return vm.raise_msg(&exc::RUNTIME_ERROR_TYPE, "No active exception to reraise");
            }
            vm.skip_tb = true;
            let h = vm.handled;
            vm.reraise(h)
        }
        1 => match make_exception(vm, f.peek(0)) {
            Ok(e) => vm.raise(e),
            Err(r) => r,
        },
        _ => {
            let e = match make_exception(vm, f.peek(1)) {
                Ok(e) => e,
                Err(r) => return r,
            };
            if let Err(r) = vm.push_root(e) {
                return r;
            }
            let c = f.peek(0);
            let cause = if c == Value::NONE {
                Value::NONE
            } else {
                match make_exception(vm, c) {
                    Ok(x) => x,
                    Err(_) => {
                        vm.take_pending();
                        return vm.type_error(format_args!("exception causes must derive from BaseException"));
                    }
                }
            };
            exc::set_cause(vm, e, cause);
            vm.raise(e)
        }
    }
}

/// CHECK_EXC_MATCH: is `e` an instance of the class `t` or of one of the classes of the
/// tuple `t`? As CPython, every element is checked before matching: any element that is
/// not a subclass of BaseException (a nested tuple included) raises TypeError.
pub fn exc_matches(vm: &mut Vm<'_>, e: Value, t: Value) -> PyResult<bool> {
    let single = [t];
    let classes: &[Value] = obj::tuple::items(t).unwrap_or(&single);
    let mut hit = false;
    for x in classes {
        match obj::as_type(*x) {
            Some(ty) if obj::class::is_subclass(ty, &exc::BASE_EXCEPTION_TYPE) => {
                hit = hit || obj::class::is_subclass(obj::type_of(e), ty);
            }
            _ => {
                return Err(vm.type_error(format_args!(
                    "catching classes that do not inherit from BaseException is not allowed"
                )))
            }
        }
    }
    Ok(hit)
}

// ----- functions -----

fn print(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    for k in args.kwnames {
        let n = obj::str::as_str(*k).unwrap_or("");
        if !matches!(n, "sep" | "end" | "file" | "flush") {
            return Err(vm.type_error(format_args!("'{n}' is an invalid keyword argument for print()")));
        }
    }
    let sep = args.kw("sep");
    let end = args.kw("end");
    let sep_s = if sep.is_null() || sep == Value::NONE {
        " "
    } else {
        obj::str::as_str(sep)
            .ok_or_else(|| vm.type_error(format_args!("sep must be None or a string, not {}", obj::type_name(sep))))?
    };
    let end_s = if end.is_null() || end == Value::NONE {
        "\n"
    } else {
        obj::str::as_str(end)
            .ok_or_else(|| vm.type_error(format_args!("end must be None or a string, not {}", obj::type_name(end))))?
    };
    let file = args.kw("file");
    let flush = args.kw("flush");
    let flush = !flush.is_null() && runtime::truthy(vm, flush)?;
    let stream = if file.is_null() || file == Value::NONE { Some(1) } else { obj::stream::which(file) };
    match stream {
        Some(1) => {}
        Some(2) => {
            // Error text: each piece through the error stream.
            let m = vm.roots_mark();
            let mut sb = StrBuf::new(vm)?;
            for (i, a) in args.pos.iter().enumerate() {
                if i > 0 {
                    sb.push(vm, sep_s)?;
                }
                runtime::str_into(vm, *a, &mut sb)?;
            }
            sb.push(vm, end_s)?;
            let text = sb.finish(vm)?;
            vm.push_root(text)?;
            vm.write_err(obj::str::as_str(text).unwrap_or(""));
            vm.pop_roots(m);
            if flush {
                vm.flush_out();
            }
            return Ok(Value::NONE);
        }
        _ => return print_to(vm, args.pos, sep, end, file, flush),
    }
    // Written piece by piece, as CPython's print writes to sys.stdout: a str argument goes
    // straight to the output, others through one reused builder, so printing a long line
    // costs no heap beyond the text of one non-str argument.
    let m = vm.roots_mark();
    let mut sb: Option<StrBuf> = None;
    let mut res = Ok(());
    for (i, a) in args.pos.iter().enumerate() {
        if i > 0 {
            vm.write_out(sep_s);
        }
        if let Some(s) = obj::str::as_str(*a) {
            vm.write_out(s);
            continue;
        }
        let b = match &mut sb {
            Some(b) => b,
            None => match StrBuf::new(vm) {
                Ok(b) => sb.insert(b),
                Err(e) => {
                    res = Err(e);
                    break;
                }
            },
        };
        b.truncate(0);
        res = runtime::str_into(vm, *a, b);
        if res.is_err() {
            break;
        }
        b.write_out(vm);
    }
    vm.pop_roots(m);
    res?;
    vm.write_out(end_s);
    if flush {
        vm.flush_out();
    }
    Ok(Value::NONE)
}

crate::static_qstr!(Q_WRITE, "write");
crate::static_qstr!(Q_FLUSH, "flush");
crate::static_qstr!(Q_SPACE, " ");
crate::static_qstr!(Q_NEWLINE, "\n");

/// `print(..., file=f)` for any object with a `write` method: `f.write(str(arg))` per piece,
/// as CPython does, then `f.flush()` when asked. May collect.
fn print_to(vm: &mut Vm<'_>, pos: &[Value], sep: Value, end: Value, file: Value, flush: bool) -> PyResult<Value> {
    let sep = if sep.is_null() || sep == Value::NONE { Value::qstr(&Q_SPACE) } else { sep };
    let end = if end.is_null() || end == Value::NONE { Value::qstr(&Q_NEWLINE) } else { end };
    let m = vm.roots_mark();
    let write = runtime::get_attr(vm, file, Value::qstr(&Q_WRITE))?;
    vm.push_root(write)?;
    for (i, a) in pos.iter().enumerate() {
        if i > 0 {
            runtime::call(vm, write, &[sep])?;
        }
        let s = runtime::to_str(vm, *a)?;
        vm.push_root(s)?;
        runtime::call(vm, write, &[s])?;
    }
    runtime::call(vm, write, &[end])?;
    if flush {
        let f = runtime::get_attr(vm, file, Value::qstr(&Q_FLUSH))?;
        vm.push_root(f)?;
        runtime::call(vm, f, &[])?;
    }
    vm.pop_roots(m);
    Ok(Value::NONE)
}

fn len(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    if args.pos.len() != 1 {
        return Err(vm.type_error(format_args!("len() takes exactly one argument ({} given)", args.pos.len())));
    }
    let n = runtime::len(vm, args.pos[0])?;
    // A length past the small-int range (`range(2**62)`) is a big int, not a wrapped one.
    obj::int::from_i64(vm, n as i64)
}

fn min_max(vm: &mut Vm<'_>, args: &Args<'_>, want: CmpOp, name: &str) -> PyResult<Value> {
    let key = args.kw("key");
    let key = if key == Value::NONE { Value::NULL } else { key };
    let dflt = args.kw("default");
    if !dflt.is_null() && args.pos.len() > 1 {
        return Err(
            vm.type_error(format_args!("Cannot specify a default for {name}() with multiple positional arguments"))
        );
    }
    let m = vm.roots_mark();
    let it = if args.pos.len() == 1 {
        runtime::get_iter(vm, args.pos[0])?
    } else if args.pos.is_empty() {
        return Err(vm.type_error(format_args!("{name} expected at least 1 argument, got 0")));
    } else {
        let t = obj::tuple::new(vm, args.pos)?;
        vm.push_root(t)?;
        runtime::get_iter(vm, t)?
    };
    vm.push_root(it)?;
    let mut best = Value::NULL;
    let mut best_key = Value::NULL;
    let slot = vm.roots_mark();
    vm.push_root(Value::NULL)?;
    vm.push_root(Value::NULL)?;
    while let Some(x) = runtime::next(vm, it)? {
        vm.push_root(x)?;
        let k = if key.is_null() { x } else { runtime::call(vm, key, &[x])? };
        if best.is_null() {
            best = x;
            best_key = k;
        } else {
            vm.push_root(k)?;
            let r = runtime::compare(vm, k, best_key, want)?;
            if runtime::truthy(vm, r)? {
                best = x;
                best_key = k;
            }
        }
        vm.pop_roots(slot + 2);
        vm.set_root(slot, best);
        vm.set_root(slot + 1, best_key);
    }
    vm.pop_roots(m);
    if best.is_null() {
        if !dflt.is_null() {
            return Ok(dflt);
        }
        return Err(vm.value_error(format_args!("{name}() arg is an empty sequence")));
    }
    Ok(best)
}

fn min(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    min_max(vm, args, CmpOp::Lt, "min")
}
fn max(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    min_max(vm, args, CmpOp::Gt, "max")
}

fn sum(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let start = if args.pos.len() > 1 { args.pos[1] } else { args.kw("start") };
    let mut acc = if start.is_null() { Value::small_int(0) } else { start };
    if obj::str::is_str(acc) {
        return Err(vm.type_error(format_args!("sum() can't sum strings [use ''.join(seq) instead]")));
    }
    let m = vm.roots_mark();
    let it = runtime::get_iter(vm, args.get(0))?;
    vm.push_root(it)?;
    let slot = vm.roots_mark();
    vm.push_root(acc)?;
    while let Some(x) = runtime::next(vm, it)? {
        vm.push_root(x)?;
        acc = runtime::binary_op(vm, BinOp::Add, acc, x)?;
        vm.pop_roots(slot + 1);
        vm.set_root(slot, acc);
    }
    vm.pop_roots(m);
    Ok(acc)
}

fn abs(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let x = args.get(0);
    if let Some(i) = obj::int::small_value(x) {
        return obj::int::from_i64(vm, i.abs());
    }
    if let Some(f) = obj::float::as_f64(x) {
        return obj::float::new(vm, f.abs());
    }
    #[cfg(feature = "complex")]
    if obj::complex::as_complex(x).is_some() {
        return obj::complex::abs(vm, args);
    }
    if obj::int::is_int(x) {
        if runtime::is_negative(x) {
            return runtime::unary_op(vm, frostbyte_format::UnaryOp::Neg, x);
        }
        return Ok(x);
    }
    if let Some(r) = runtime::call_dunder(vm, x, &qstr::__abs__, &[])? {
        return Ok(r);
    }
    Err(vm.type_error(format_args!("bad operand type for abs(): '{}'", obj::type_name(x))))
}

fn sorted(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    if args.pos.len() != 1 {
        return Err(vm.type_error(format_args!("sorted expected 1 argument, got {}", args.pos.len())));
    }
    let l = obj::list::from_iter(vm, args.pos[0])?;
    let m = vm.roots_mark();
    vm.push_root(l)?;
    let rev = args.kw("reverse");
    let rev = !rev.is_null() && runtime::truthy(vm, rev)?;
    obj::list_methods::sort_list(vm, l, args.kw("key"), rev)?;
    vm.pop_roots(m);
    Ok(l)
}

fn repr(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    runtime::repr(vm, args.get(0))
}

fn ascii(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let mut sb = StrBuf::new(vm)?;
    crate::strformat::ascii_into(vm, args.get(0), &mut sb)?;
    sb.finish(vm)
}

fn isinstance(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    runtime::check_nargs(vm, "isinstance", args, 2, 2).map_err(|_| {
        vm.take_pending();
        vm.type_error(format_args!("isinstance expected 2 arguments, got {}", args.pos.len()))
    })?;
    Ok(Value::bool(is_inst(vm, args.pos[0], args.pos[1], "isinstance")?))
}

crate::static_qstr!(Q_INSTANCECHECK, "__instancecheck__");
crate::static_qstr!(Q_SUBCLASSCHECK, "__subclasscheck__");

fn is_inst(vm: &mut Vm<'_>, x: Value, t: Value, name: &str) -> PyResult<bool> {
    if let Some(items) = obj::tuple::items(t) {
        vm.stack_guard(if name == "issubclass" { Recursion::SubclassCheck } else { Recursion::InstanceCheck })?;
        for c in items {
            if is_inst(vm, x, *c, name)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    let Some(ty) = obj::as_type(t) else {
        if obj::generic_alias::is_alias(t) {
            return Err(vm.type_error(format_args!("{name}() argument 2 cannot be a parameterized generic")));
        }
        return Err(vm.type_error(format_args!("{name}() arg 2 must be a type, a tuple of types, or a union")));
    };
    if obj::type_of(t).is_heap() && !(name == "isinstance" && core::ptr::eq(obj::type_of(x), ty)) {
        // A metaclass's __instancecheck__ / __subclasscheck__.
        let r = if name == "issubclass" {
            runtime::call_dunder(vm, t, &Q_SUBCLASSCHECK, &[x])?
        } else {
            runtime::call_dunder(vm, t, &Q_INSTANCECHECK, &[x])?
        };
        if let Some(r) = r {
            return runtime::truthy(vm, r);
        }
    }
    if name == "issubclass" {
        let Some(xt) = obj::as_type(x) else {
            return Err(vm.type_error(format_args!("issubclass() arg 1 must be a class")));
        };
        return Ok(obj::class::is_subclass(xt, ty));
    }
    Ok(obj::class::is_subclass(obj::type_of(x), ty))
}

fn issubclass(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    Ok(Value::bool(is_inst(vm, args.get(0), args.get(1), "issubclass")?))
}

fn attr_name(vm: &mut Vm<'_>, v: Value) -> PyResult<Value> {
    if obj::str::is_str(v) {
        Ok(v)
    } else {
        Err(vm.type_error(format_args!("attribute name must be string, not '{}'", obj::type_name(v))))
    }
}

fn getattr(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let name = attr_name(vm, args.get(1))?;
    if args.pos.len() > 2 {
        return match runtime::get_attr_opt(vm, args.pos[0], name) {
            Ok(r) => Ok(r.unwrap_or(args.pos[2])),
            Err(e) => {
                if vm.pending_is(&exc::ATTRIBUTE_ERROR_TYPE) {
                    vm.take_pending();
                    Ok(args.pos[2])
                } else {
                    Err(e)
                }
            }
        };
    }
    runtime::get_attr(vm, args.get(0), name)
}

fn setattr(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let name = attr_name(vm, args.get(1))?;
    runtime::set_attr(vm, args.get(0), name, args.get(2))?;
    Ok(Value::NONE)
}

fn delattr(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let name = attr_name(vm, args.get(1))?;
    runtime::set_attr(vm, args.get(0), name, Value::NULL)?;
    Ok(Value::NONE)
}

fn hasattr(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let name = attr_name(vm, args.get(1))?;
    match runtime::get_attr_opt(vm, args.get(0), name) {
        Ok(r) => Ok(Value::bool(r.is_some())),
        Err(e) => {
            if vm.pending_is(&exc::ATTRIBUTE_ERROR_TYPE) {
                vm.take_pending();
                Ok(Value::FALSE)
            } else {
                Err(e)
            }
        }
    }
}

fn iter(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    if args.pos.len() == 2 {
        let c = callable(vm, &Args::new(&args.pos[..1]))?;
        if c != Value::TRUE {
            return Err(vm.type_error(format_args!("iter(v, w): v must be callable")));
        }
        return obj::iter::new_callable_iter(vm, args.pos[0], args.pos[1]);
    }
    runtime::get_iter(vm, args.get(0))
}

fn next(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let it = args.get(0);
    if !runtime::is_iterator(it) {
        return Err(vm.type_error(format_args!("'{}' object is not an iterator", obj::type_name(it))));
    }
    if args.pos.len() < 2 {
        return runtime::next_or_stop(vm, it);
    }
    match runtime::next(vm, it)? {
        Some(v) => Ok(v),
        None => Ok(args.pos[1]),
    }
}

fn id(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    obj::int::from_i64(vm, (args.get(0).bits() >> 1) as i64)
}

fn hash(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let h = runtime::hash(vm, args.get(0))?;
    obj::int::from_i64(vm, h as i64)
}

fn chr(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let i = runtime::c_int_arg(vm, args.get(0))?;
    match u32::try_from(i).ok().and_then(char::from_u32) {
        Some(c) => obj::str::from_char(vm, c),
        None => Err(vm.value_error(format_args!("chr() arg not in range(0x110000)"))),
    }
}

fn ord(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let x = args.get(0);
    if let Some(s) = obj::str::as_str(x) {
        let mut it = s.chars();
        return match (it.next(), it.next()) {
            (Some(c), None) => Ok(Value::small_int(c as isize)),
            _ => Err(vm.type_error(format_args!(
                "ord() expected a character, but string of length {} found",
                s.chars().count()
            ))),
        };
    }
    if let Some(b) = obj::bytes::as_bytes(x) {
        if b.len() == 1 {
            return Ok(Value::small_int(b[0] as isize));
        }
    }
    Err(vm.type_error(format_args!("ord() expected string of length 1, but {} found", obj::type_name(x))))
}

fn any_all(vm: &mut Vm<'_>, args: &Args<'_>, want: bool) -> PyResult<Value> {
    let m = vm.roots_mark();
    let it = runtime::get_iter(vm, args.get(0))?;
    vm.push_root(it)?;
    while let Some(x) = runtime::next(vm, it)? {
        if runtime::truthy(vm, x)? == want {
            vm.pop_roots(m);
            return Ok(Value::bool(want));
        }
    }
    vm.pop_roots(m);
    Ok(Value::bool(!want))
}
fn any(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    any_all(vm, args, true)
}
fn all(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    any_all(vm, args, false)
}

fn round(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let x = args.get(0);
    let nd = if args.pos.len() > 1 { args.pos[1] } else { args.kw("ndigits") };
    if let Some(f) = obj::float::as_f64(x) {
        if nd.is_null() || nd == Value::NONE {
            let r = crate::num::float::round_half_even(f);
            return crate::numfmt::float_to_int(vm, r);
        }
        let n = runtime::index_arg_typed(vm, nd)?;
        return match crate::num::float::round_ndigits(f, n) {
            Ok(r) => obj::float::new(vm, r),
            Err(_) => Err(vm.raise_msg(&exc::OVERFLOW_ERROR_TYPE, "rounded value too large to represent")),
        };
    }
    if obj::int::is_int(x) {
        if nd.is_null() || nd == Value::NONE {
            return runtime::to_int(vm, x);
        }
        let n = runtime::index_arg_typed(vm, nd)?;
        if n >= 0 {
            return runtime::to_int(vm, x);
        }
        return round_int(vm, x, n.unsigned_abs());
    }
    if let Some(r) = runtime::call_method_by_name(vm, x, "__round__", args.pos.get(1..).unwrap_or(&[]))? {
        return Ok(r);
    }
    Err(vm.type_error(format_args!("type {} doesn't define __round__ method", obj::type_name(x))))
}

/// `round(x, -k)` for an int `x` and `k > 0`: the multiple of `10**k` nearest to `x`, ties to
/// even. 64-bit arithmetic when it fits, Python int operators otherwise. May collect.
fn round_int(vm: &mut Vm<'_>, x: Value, k: u64) -> PyResult<Value> {
    if let Some(v) = obj::int::to_i64(x) {
        if k > 19 {
            return Ok(Value::small_int(0));
        }
        if k <= 18 {
            let p = 10i64.pow(k as u32);
            let (q, r) = (v.div_euclid(p), v.rem_euclid(p));
            let q = if r > p - r || (r == p - r && q % 2 != 0) { q + 1 } else { q };
            if let Some(m) = q.checked_mul(p) {
                return obj::int::from_i64(vm, m);
            }
        }
    }
    // |x| < 2**(32 * words) <= 10**k / 2 once k > 10 * words: the result is 0.
    let words = obj::int::big_parts(x).map_or(2, |(_, d)| d.len()) as u64;
    if k > 10 * words {
        return Ok(Value::small_int(0));
    }
    let mark = vm.roots_mark();
    let p = runtime::binary_op(vm, BinOp::Pow, Value::small_int(10), Value::small_int(k as isize))?;
    vm.push_root(p)?;
    let mut q = runtime::binary_op(vm, BinOp::FloorDiv, x, p)?;
    vm.push_root(q)?;
    let r = runtime::binary_op(vm, BinOp::Mod, x, p)?;
    vm.push_root(r)?;
    let r2 = runtime::binary_op(vm, BinOp::Add, r, r)?;
    vm.push_root(r2)?;
    let gt = runtime::compare(vm, r2, p, CmpOp::Gt)? == Value::TRUE;
    let eq = runtime::compare(vm, r2, p, CmpOp::Eq)? == Value::TRUE;
    let odd = runtime::binary_op(vm, BinOp::Mod, q, Value::small_int(2))? == Value::small_int(1);
    if gt || (eq && odd) {
        q = runtime::binary_op(vm, BinOp::Add, q, Value::small_int(1))?;
        vm.push_root(q)?;
    }
    let m = runtime::binary_op(vm, BinOp::Mul, q, p);
    vm.pop_roots(mark);
    m
}

crate::static_qstr!(Q_DIVMOD, "__divmod__");
crate::static_qstr!(Q_RDIVMOD, "__rdivmod__");

/// `divmod(a, b)` through `a.__divmod__(b)` / `b.__rdivmod__(a)` (the reflected one first
/// when `b`'s class is a subclass of `a`'s that overrides it), for operands of classes with
/// a plain object layout. `Ok(None)`: neither is such an instance. May collect.
fn user_divmod(vm: &mut Vm<'_>, a: Value, b: Value) -> PyResult<Option<Value>> {
    let (ta, tb) = (obj::type_of(a), obj::type_of(b));
    let user = |t: &Type| t.is_heap() && t.kind == obj::Kind::Object;
    if !user(ta) && !user(tb) {
        return Ok(None);
    }
    let rev_first = !core::ptr::eq(ta, tb) && obj::class::is_subclass(tb, ta);
    let mut tries: [(Value, Value, bool); 2] = [(a, b, false), (b, a, true)];
    if rev_first {
        tries.swap(0, 1);
    }
    for (x, y, rev) in tries {
        if rev && core::ptr::eq(ta, tb) {
            continue;
        }
        let r = if rev {
            runtime::call_dunder(vm, x, &Q_RDIVMOD, &[y])?
        } else {
            runtime::call_dunder(vm, x, &Q_DIVMOD, &[y])?
        };
        if let Some(r) = r.filter(|r| *r != Value::NOT_IMPLEMENTED) {
            return Ok(Some(r));
        }
    }
    Err(vm.type_error(format_args!("unsupported operand type(s) for divmod(): '{}' and '{}'", ta.name(), tb.name())))
}

fn divmod(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let (a, b) = (args.get(0), args.get(1));
    if let Some(r) = user_divmod(vm, a, b)? {
        return Ok(r);
    }
    let (fa, fb) = (obj::float::as_f64(a), obj::float::as_f64(b));
    let number = |v: Value| obj::int::is_int(v) || obj::float::as_f64(v).is_some();
    let (ta, tb) = (obj::type_of(a), obj::type_of(b));
    let builtin_types = !ta.is_heap() && !tb.is_heap();
    if builtin_types && !(number(a) && number(b)) {
        return Err(vm.type_error(format_args!(
            "unsupported operand type(s) for divmod(): '{}' and '{}'",
            ta.name(),
            tb.name()
        )));
    }
    if (fa.is_some() || fb.is_some())
        && (fa.is_some() || obj::int::is_int(a))
        && (fb == Some(0.0) || obj::int::small_value(b) == Some(0))
    {
        return Err(vm.raise_msg(&obj::exception::ZERO_DIVISION_ERROR_TYPE, "float divmod()"));
    }
    let q = runtime::binary_op(vm, BinOp::FloorDiv, a, b)?;
    vm.push_root(q)?;
    let r = runtime::binary_op(vm, BinOp::Mod, a, b)?;
    vm.push_root(r)?;
    obj::tuple::new(vm, &[q, r])
}

fn pow(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let (a, b) = (args.get(0), args.get(1));
    let m = if args.pos.len() > 2 { args.pos[2] } else { args.kw("mod") };
    if m.is_null() || m == Value::NONE {
        return runtime::binary_op(vm, BinOp::Pow, a, b);
    }
    if obj::type_of(a).is_heap() {
        if let Some(r) = runtime::call_dunder(vm, a, &qstr::__pow__, &[b, m])?.filter(|r| *r != Value::NOT_IMPLEMENTED)
        {
            return Ok(r);
        }
    }
    if !(obj::int::is_int(a) && obj::int::is_int(b) && obj::int::is_int(m)) {
        return Err(vm.type_error(format_args!("pow() 3rd argument not allowed unless all arguments are integers")));
    }
    if obj::int::small_value(m) == Some(0) {
        return Err(vm.value_error(format_args!("pow() 3rd argument cannot be 0")));
    }
    // Any size: the operands stay rooted in `args` while the big-int routine runs.
    let (mut ba, mut bb, mut bm) = ([0u32; 2], [0u32; 2], [0u32; 2]);
    let (Some(x), Some(e), Some(md)) =
        (obj::int::int_ref(a, &mut ba), obj::int::int_ref(b, &mut bb), obj::int::int_ref(m, &mut bm))
    else {
        return Err(vm.raise_memory_error());
    };
    let scratch = crate::num::bigint::powmod_scratch_len(x.mag.len(), md.mag.len());
    obj::int::compute(vm, md.mag.len(), scratch, |out, sc| crate::num::bigint::powmod(x, e, md, out, sc))
}

fn base_fmt(vm: &mut Vm<'_>, args: &Args<'_>, base: u32, prefix: &str) -> PyResult<Value> {
    let x = args.get(0);
    let iv = if obj::int::is_int(x) {
        x
    } else {
        match runtime::call_dunder(vm, x, &qstr::__index__, &[])? {
            Some(r) => r,
            None => {
                return Err(
                    vm.type_error(format_args!("'{}' object cannot be interpreted as an integer", obj::type_name(x)))
                )
            }
        }
    };
    vm.push_root(iv)?;
    let mut sb = StrBuf::new(vm)?;
    if runtime::is_negative(iv) {
        sb.push(vm, "-")?;
    }
    sb.push(vm, prefix)?;
    crate::numfmt::int_digits(vm, iv, base, false, &mut sb)?;
    sb.finish(vm)
}
fn hex(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    base_fmt(vm, args, 16, "0x")
}
fn bin(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    base_fmt(vm, args, 2, "0b")
}
fn oct(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    base_fmt(vm, args, 8, "0o")
}

fn callable(_vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    Ok(Value::bool(is_callable(args.get(0))))
}

/// `callable(x)`.
pub(crate) fn is_callable(x: Value) -> bool {
    let t = obj::type_of(x);
    if t.is_heap() {
        obj::class::lookup(t, Value::qstr(&qstr::__call__)).is_some()
    } else {
        t.slots.call.is_some() || t.kind == obj::Kind::Function || t.kind == obj::Kind::BoundMethod
    }
}

fn globals(vm: &mut Vm<'_>, _args: &Args<'_>) -> PyResult<Value> {
    Ok(caller_globals(vm))
}

/// The globals of the running Python frame (None when none runs).
pub fn caller_globals(vm: &Vm<'_>) -> Value {
    let f = vm.frame;
    if f.is_null() {
        Value::NONE
    } else {
        f.globals()
    }
}

fn locals(vm: &mut Vm<'_>, _args: &Args<'_>) -> PyResult<Value> {
    caller_locals(vm)
}

/// `locals()` of the running Python frame: a namespace body's dict, or a new dict of a
/// function's bound locals and free variables. May collect.
pub fn caller_locals(vm: &mut Vm<'_>) -> PyResult<Value> {
    let f = vm.frame;
    if f.is_null() {
        return Ok(Value::NONE);
    }
    obj::frame::frame_locals(vm, f)
}

fn vars(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    if args.pos.len() > 1 {
        return Err(vm.type_error(format_args!("vars expected at most 1 argument, got {}", args.pos.len())));
    }
    if args.pos.is_empty() {
        return locals(vm, args);
    }
    match runtime::get_attr(vm, args.pos[0], Value::qstr(&qstr::__dict__)) {
        Err(_) if vm.pending_is(&exc::ATTRIBUTE_ERROR_TYPE) => {
            vm.take_pending();
            Err(vm.type_error(format_args!("vars() argument must have __dict__ attribute")))
        }
        r => r,
    }
}

fn dir(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    if args.pos.len() > 1 {
        return Err(vm.type_error(format_args!("dir expected at most 1 argument, got {}", args.pos.len())));
    }
    let x = args.get(0);
    if !x.is_null() {
        // A `__dir__` of the object's class decides (its result sorted), as CPython.
        let t = obj::type_of(x);
        if t.is_heap() && obj::as_type(x).is_none() && obj::class::lookup(t, Value::qstr(&Q_DIR)).is_some() {
            let r = runtime::call_method_by_name(vm, x, "__dir__", &[])?.unwrap_or(Value::NONE);
            vm.push_root(r)?;
            let l = obj::list::from_iter(vm, r)?;
            vm.push_root(l)?;
            obj::list_methods::sort_list(vm, l, Value::NULL, false)?;
            return Ok(l);
        }
    }
    let out = obj::list::with_capacity(vm, 0)?;
    vm.push_root(out)?;
    let d = if x.is_null() {
        caller_locals(vm)?
    } else if let Some(m) = obj::module::as_module(x) {
        m.dict
    } else {
        runtime::instance_dict(vm, x)
    };
    vm.push_root(d)?;
    if let Some(dd) = obj::dict::as_dict(d) {
        for i in 0..dd.used() {
            if let Some((k, _)) = obj::dict::as_dict(d).and_then(|z| z.entry(i)) {
                if !k.is_null() {
                    obj::list::append(vm, out, k)?;
                }
            }
        }
    } else if !x.is_null() && obj::type_of(x).kind == obj::Kind::Object {
        // A plain instance in shared-keys mode: its names, without materialising a dict.
        let mut i = 0;
        while let Some((k, _)) = obj::instance::entry(x, i) {
            i += 1;
            if !k.is_null() {
                obj::list::append(vm, out, k)?;
            }
        }
    }
    if !x.is_null() && obj::type_of(x).kind != obj::Kind::Module {
        let t = obj::as_type(x).unwrap_or(obj::type_of(x));
        let mut types: [Option<&'static Type>; 16] = [None; 16];
        let mut n = 0;
        obj::class::mro_find(t, |ty| {
            if n < 16 {
                types[n] = Some(ty);
                n += 1;
            }
            None::<()>
        });
        for ty in types.iter().flatten() {
            if ty.is_heap() {
                let d = ty.dict;
                let mut i = 0;
                while let Some((k, _)) = obj::dict::as_dict(d).and_then(|z| z.entry(i)) {
                    i += 1;
                    // `__qualname__` is the class's own attribute, not in CPython's class dict.
                    let own = obj::str::as_str(k) == Some("__qualname__");
                    if !k.is_null()
                        && !own
                        && !obj::list::as_list(out)
                            .map(|l| l.as_slice().iter().any(|y| obj::str::eq(*y, k)))
                            .unwrap_or(false)
                    {
                        obj::list::append(vm, out, k)?;
                    }
                }
            } else {
                for b in ty.methods {
                    if !obj::list::as_list(out)
                        .map(|l| l.as_slice().iter().any(|y| obj::str::eq(*y, b.name)))
                        .unwrap_or(false)
                    {
                        obj::list::append(vm, out, b.name)?;
                    }
                }
                for n in obj::slot_wrapper::provided_names(ty) {
                    dir_add_str(vm, out, n)?;
                }
            }
        }
        // The attributes CPython's `object` and classes have besides methods, where they
        // resolve here too (dir() lists only names getattr finds).
        for n in [
            "__class__",
            "__dict__",
            "__doc__",
            "__module__",
            "__init_subclass__",
            "__new__",
            "__dir__",
            "__weakref__",
            "args",
            "__cause__",
            "__context__",
            "__suppress_context__",
            "__traceback__",
        ] {
            if !dir_has(out, n) {
                let name = obj::str::new(vm, n)?;
                vm.push_root(name)?;
                let found = match runtime::get_attr_opt(vm, x, name) {
                    Ok(r) => r.is_some(),
                    Err(_) => {
                        vm.take_pending();
                        false
                    }
                };
                if found {
                    obj::list::append(vm, out, name)?;
                }
            }
        }
    }
    obj::list_methods::sort_list(vm, out, Value::NULL, false)?;
    Ok(out)
}

fn dir_has(out: Value, n: &str) -> bool {
    obj::list::as_list(out).is_some_and(|l| l.as_slice().iter().any(|y| obj::str::as_str(*y) == Some(n)))
}

/// Append `n` to the `dir()` list `out` unless it is there. May collect.
fn dir_add_str(vm: &mut Vm<'_>, out: Value, n: &str) -> PyResult<()> {
    if !dir_has(out, n) {
        let v = obj::str::new(vm, n)?;
        vm.push_root(v)?;
        obj::list::append(vm, out, v)?;
    }
    Ok(())
}

fn format(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    crate::strformat::format(vm, args.get(0), args.get(1))
}

fn exit(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let a = args.get(0);
    if a.is_null() {
        return Err(vm.raise_empty(&exc::SYSTEM_EXIT_TYPE));
    }
    Err(vm.raise_with_arg(&exc::SYSTEM_EXIT_TYPE, a))
}

crate::static_qstr!(Q_METACLASS, "metaclass");
crate::static_qstr!(Q_PREPARE, "__prepare__");

/// `__build_class__(body, name, *bases, metaclass=M, **kw)`: what a class statement with
/// keywords or starred bases compiles to. The metaclass's `__prepare__` (if any) makes the
/// namespace (it must return a dict here), the body runs in it, then
/// `M(name, bases, ns, **kw)` (see `obj::class::make_class`). May collect.
fn build_class(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let (Some(&body), Some(&name)) = (args.pos.first(), args.pos.get(1)) else {
        return Err(vm.type_error(format_args!("__build_class__: not enough arguments")));
    };
    if obj::function::as_func(body).is_none() {
        return Err(vm.type_error(format_args!("__build_class__: func must be a function")));
    }
    if !obj::str::is_str(name) {
        return Err(vm.type_error(format_args!("__build_class__: name is not a string")));
    }
    let mut bases_v = Value::NULL;
    let m = vm.roots_mark();
    if args.pos[2..].iter().any(|b| obj::generic_alias::is_alias(*b)) {
        // Generic aliases among the bases stand for their origin (`__mro_entries__`).
        bases_v = obj::tuple::new(vm, &args.pos[2..])?;
        vm.push_root(bases_v)?;
        for (i, b) in obj::tuple::items(bases_v).unwrap_or(&[]).iter().enumerate() {
            if let Some(o) = obj::generic_alias::origin(*b) {
                obj::tuple::init_item(bases_v, i, o);
            }
        }
    }
    let bases = obj::tuple::items(bases_v).unwrap_or(&args.pos[2..]);
    let r = build_class_rooted(vm, body, name, bases, args);
    vm.pop_roots(m);
    r
}

/// A class statement without keywords whose bases have a metaclass of their own: as
/// `__build_class__(body, name, *bases)`. May collect.
pub fn build_class_with(vm: &mut Vm<'_>, body: Value, name: Value, bases: &[Value]) -> PyResult<Value> {
    let m = vm.roots_mark();
    let r = build_class_rooted(vm, body, name, bases, &Args::new(&[]));
    vm.pop_roots(m);
    r
}

/// The namespace of a frozen class body (`ns`, built without running code) for a class whose
/// bases have a metaclass of their own: when that metaclass has `__prepare__`, the mapping it
/// returns with `ns`'s entries added (the body binds only constants and functions, so this
/// equals running the body in it); otherwise `ns`. May collect (`name`, `bases`, `ns` rooted).
pub fn prepare_frozen(vm: &mut Vm<'_>, name: Value, bases: &[Value], ns: Value) -> PyResult<Value> {
    let m = vm.roots_mark();
    let r = (|| {
        let meta = obj::class::calc_meta(vm, Value::NULL, bases)?;
        if obj::as_type(meta).is_none() {
            return Ok(ns);
        }
        let Some(p) = runtime::get_attr_opt(vm, meta, Value::qstr(&Q_PREPARE))? else { return Ok(ns) };
        vm.push_root(p)?;
        let bt = obj::tuple::new(vm, bases)?;
        vm.push_root(bt)?;
        let d = runtime::call(vm, p, &[name, bt])?;
        if obj::dict::as_dict(d).is_none() {
            let mn = obj::as_type(meta).map(|t| t.name()).unwrap_or("?");
            return Err(
                vm.type_error(format_args!("{mn}.__prepare__() must return a mapping, not {}", obj::type_name(d)))
            );
        }
        vm.push_root(d)?;
        let mut i = 0;
        while let Some((k, v)) = obj::dict::as_dict(ns).and_then(|x| x.entry(i)) {
            i += 1;
            if !k.is_null() {
                obj::dict::set_str(vm, d, k, v)?;
            }
        }
        Ok(d)
    })();
    vm.pop_roots(m);
    r
}

fn build_class_rooted(vm: &mut Vm<'_>, body: Value, name: Value, bases: &[Value], args: &Args<'_>) -> PyResult<Value> {
    // The keywords other than `metaclass=`, as tuples (names, values).
    let is_meta = |k: &Value| *k == Value::qstr(&Q_METACLASS) || obj::str::eq(*k, Value::qstr(&Q_METACLASS));
    let mi = args.kwnames.iter().position(is_meta);
    let meta = mi.map(|i| args.kwvals[i]).unwrap_or(Value::NULL);
    let n = args.kwnames.len() - usize::from(mi.is_some());
    let names = obj::tuple::alloc(vm, n)?;
    vm.push_root(names)?;
    let vals = obj::tuple::alloc(vm, n)?;
    vm.push_root(vals)?;
    let mut j = 0;
    for (i, (k, v)) in args.kwnames.iter().zip(args.kwvals).enumerate() {
        if Some(i) != mi {
            obj::tuple::init_item(names, j, *k);
            obj::tuple::init_item(vals, j, *v);
            j += 1;
        }
    }
    let kwn = obj::tuple::items(names).unwrap_or(&[]);
    let kwv = obj::tuple::items(vals).unwrap_or(&[]);
    let meta = obj::class::calc_meta(vm, meta, bases)?;
    vm.push_root(meta)?;
    let bt = obj::tuple::new(vm, bases)?;
    vm.push_root(bt)?;
    let prep =
        if obj::as_type(meta).is_some() { runtime::get_attr_opt(vm, meta, Value::qstr(&Q_PREPARE))? } else { None };
    let ns = match prep {
        Some(p) => {
            vm.push_root(p)?;
            let ns = runtime::call_args(vm, p, &Args { pos: &[name, bt], kwnames: kwn, kwvals: kwv })?;
            if obj::dict::as_dict(ns).is_none() {
                let mn = obj::as_type(meta).map(|t| t.name()).unwrap_or("?");
                return Err(
                    vm.type_error(format_args!("{mn}.__prepare__() must return a mapping, not {}", obj::type_name(ns)))
                );
            }
            ns
        }
        None => obj::dict::new(vm)?,
    };
    vm.push_root(ns)?;
    let cell = crate::call::run_class_body(vm, body, ns)?;
    vm.push_root(cell)?;
    let cls = obj::class::make_class(vm, meta, name, bases, ns, &Args { pos: &[], kwnames: kwn, kwvals: kwv })?;
    if let Some(c) = obj::cell::as_cell(cell) {
        c.contents.set(cls);
    }
    Ok(cls)
}

macro_rules! builtin_fns {
    ($($st:ident = ($q:expr, $f:ident);)*) => {
        $(static $st: Builtin = Builtin::function($q, $f);)*
    };
}

crate::static_qstr!(Q_ASCII, "ascii");
crate::static_qstr!(Q_INPUT, "input");
crate::static_qstr!(Q_EXIT, "exit");
crate::static_qstr!(Q_QUIT, "quit");
crate::static_qstr!(Q_EVAL, "eval");
crate::static_qstr!(Q_EXEC, "exec");
crate::static_qstr!(Q_COMPILE, "compile");
crate::static_qstr!(Q_IMPORT, "__import__");
crate::static_qstr!(Q_DEBUG, "__debug__");
crate::static_qstr!(Q_DIR, "__dir__");

builtin_fns! {
    F_PRINT = (&qstr::print, print);
    F_LEN = (&qstr::len, len);
    F_MIN = (&qstr::min, min);
    F_MAX = (&qstr::max, max);
    F_SUM = (&qstr::sum, sum);
    F_ABS = (&qstr::abs, abs);
    F_SORTED = (&qstr::sorted, sorted);
    F_REPR = (&qstr::repr, repr);
    F_ASCII = (&Q_ASCII, ascii);
    F_ISINSTANCE = (&qstr::isinstance, isinstance);
    F_ISSUBCLASS = (&qstr::issubclass, issubclass);
    F_GETATTR = (&qstr::getattr, getattr);
    F_SETATTR = (&qstr::setattr, setattr);
    F_HASATTR = (&qstr::hasattr, hasattr);
    F_DELATTR = (&qstr::delattr, delattr);
    F_ITER = (&qstr::iter, iter);
    F_NEXT = (&qstr::next, next);
    F_ID = (&qstr::id, id);
    F_HASH = (&qstr::hash, hash);
    F_CHR = (&qstr::chr, chr);
    F_ORD = (&qstr::ord, ord);
    F_ANY = (&qstr::any, any);
    F_ALL = (&qstr::all, all);
    F_ROUND = (&qstr::round, round);
    F_DIVMOD = (&qstr::divmod, divmod);
    F_POW = (&qstr::pow, pow);
    F_HEX = (&qstr::hex, hex);
    F_BIN = (&qstr::bin, bin);
    F_OCT = (&qstr::oct, oct);
    F_CALLABLE = (&qstr::callable, callable);
    F_GLOBALS = (&qstr::globals, globals);
    F_LOCALS = (&qstr::locals, locals);
    F_VARS = (&qstr::vars, vars);
    F_DIR = (&qstr::dir, dir);
    F_FORMAT = (&qstr::format, format);
    F_INPUT = (&Q_INPUT, ev_input);
    F_EVAL = (&Q_EVAL, ev_eval);
    F_EXEC = (&Q_EXEC, ev_exec);
    F_COMPILE = (&Q_COMPILE, ev_compile);
    F_IMPORT = (&Q_IMPORT, ev_import);
    F_EXIT = (&Q_EXIT, exit);
    F_QUIT = (&Q_QUIT, exit);
    F_BUILD_CLASS = (&qstr::__build_class__, build_class);
}

const fn t(ty: &'static Type) -> Value {
    Value::rom(ty)
}
const fn f(b: &'static Builtin) -> Value {
    Value::rom(b)
}

macro_rules! exc_entries {
    ($($q:expr => $ty:ident),* $(,)?) => { [$((Value::qstr($q), t(&exc::$ty))),*] };
}

crate::static_qstr!(Q_IOERROR, "IOError");
crate::static_qstr!(Q_ENVERROR, "EnvironmentError");

/// The builtins namespace (names are mostly built-in qstrs, so lookups compare pointers).
const TABLE: [(Value, Value); 87] = {
    let main: [(Value, Value); 46] = [
        (Value::qstr(&qstr::print), f(&F_PRINT)),
        (Value::qstr(&qstr::len), f(&F_LEN)),
        (Value::qstr(&qstr::range), t(&obj::range::RANGE_TYPE)),
        (Value::qstr(&qstr::enumerate), t(&obj::iter::ENUMERATE_TYPE)),
        (Value::qstr(&qstr::zip), t(&obj::iter::ZIP_TYPE)),
        (Value::qstr(&qstr::min), f(&F_MIN)),
        (Value::qstr(&qstr::max), f(&F_MAX)),
        (Value::qstr(&qstr::sum), f(&F_SUM)),
        (Value::qstr(&qstr::abs), f(&F_ABS)),
        (Value::qstr(&qstr::sorted), f(&F_SORTED)),
        (Value::qstr(&qstr::reversed), t(&obj::iter::REVERSED_TYPE)),
        (Value::qstr(&qstr::repr), f(&F_REPR)),
        (Value::qstr(&qstr::str), t(&obj::str::STR_TYPE)),
        (Value::qstr(&qstr::int), t(&obj::int::INT_TYPE)),
        (Value::qstr(&qstr::float), t(&obj::float::FLOAT_TYPE)),
        (Value::qstr(&qstr::bool), t(&obj::bool::BOOL_TYPE)),
        (Value::qstr(&qstr::list), t(&obj::list::LIST_TYPE)),
        (Value::qstr(&qstr::tuple), t(&obj::tuple::TUPLE_TYPE)),
        (Value::qstr(&qstr::dict), t(&obj::dict::DICT_TYPE)),
        (Value::qstr(&qstr::set), t(&obj::set::SET_TYPE)),
        (Value::qstr(&qstr::frozenset), t(&obj::set::FROZENSET_TYPE)),
        (Value::qstr(&qstr::bytes), t(&obj::bytes::BYTES_TYPE)),
        (Value::qstr(&qstr::slice), t(&obj::slice::SLICE_TYPE)),
        (Value::qstr(&qstr::object), t(&obj::class::OBJECT_TYPE)),
        (Value::qstr(&qstr::type_), t(&obj::class::TYPE_TYPE)),
        (Value::qstr(&qstr::super_), t(&obj::super_::SUPER_TYPE)),
        (Value::qstr(&qstr::isinstance), f(&F_ISINSTANCE)),
        (Value::qstr(&qstr::issubclass), f(&F_ISSUBCLASS)),
        (Value::qstr(&qstr::getattr), f(&F_GETATTR)),
        (Value::qstr(&qstr::setattr), f(&F_SETATTR)),
        (Value::qstr(&qstr::hasattr), f(&F_HASATTR)),
        (Value::qstr(&qstr::delattr), f(&F_DELATTR)),
        (Value::qstr(&qstr::iter), f(&F_ITER)),
        (Value::qstr(&qstr::next), f(&F_NEXT)),
        (Value::qstr(&qstr::id), f(&F_ID)),
        (Value::qstr(&qstr::hash), f(&F_HASH)),
        (Value::qstr(&qstr::chr), f(&F_CHR)),
        (Value::qstr(&qstr::ord), f(&F_ORD)),
        (Value::qstr(&qstr::any), f(&F_ANY)),
        (Value::qstr(&qstr::all), f(&F_ALL)),
        (Value::qstr(&qstr::map), t(&obj::iter::MAP_TYPE)),
        (Value::qstr(&qstr::filter), t(&obj::iter::FILTER_TYPE)),
        (Value::qstr(&qstr::round), f(&F_ROUND)),
        (Value::qstr(&qstr::divmod), f(&F_DIVMOD)),
        (Value::qstr(&qstr::pow), f(&F_POW)),
        (Value::qstr(&qstr::hex), f(&F_HEX)),
    ];
    let more: [(Value, Value); 41] = EXC_TABLE_COPY;
    let rest: [(Value, Value); 0] = [];
    let _ = rest;
    let mut out = [(Value::NULL, Value::NULL); 87];
    let mut i = 0;
    while i < 46 {
        out[i] = main[i];
        i += 1;
    }
    let mut j = 0;
    while j < 41 {
        out[46 + j] = more[j];
        j += 1;
    }
    out
};

const EXC_TABLE_COPY: [(Value, Value); 41] = exc_entries![
    &qstr::BaseException => BASE_EXCEPTION_TYPE,
    &qstr::Exception => EXCEPTION_TYPE,
    &qstr::GeneratorExit => GENERATOR_EXIT_TYPE,
    &qstr::KeyboardInterrupt => KEYBOARD_INTERRUPT_TYPE,
    &qstr::SystemExit => SYSTEM_EXIT_TYPE,
    &qstr::ArithmeticError => ARITHMETIC_ERROR_TYPE,
    &exc::Q_FPE => FLOATING_POINT_ERROR_TYPE,
    &qstr::OverflowError => OVERFLOW_ERROR_TYPE,
    &qstr::ZeroDivisionError => ZERO_DIVISION_ERROR_TYPE,
    &qstr::AssertionError => ASSERTION_ERROR_TYPE,
    &qstr::AttributeError => ATTRIBUTE_ERROR_TYPE,
    &exc::Q_BUFFER => BUFFER_ERROR_TYPE,
    &qstr::EOFError => EOF_ERROR_TYPE,
    &qstr::ImportError => IMPORT_ERROR_TYPE,
    &qstr::ModuleNotFoundError => MODULE_NOT_FOUND_ERROR_TYPE,
    &qstr::LookupError => LOOKUP_ERROR_TYPE,
    &qstr::IndexError => INDEX_ERROR_TYPE,
    &qstr::KeyError => KEY_ERROR_TYPE,
    &qstr::MemoryError => MEMORY_ERROR_TYPE,
    &qstr::NameError => NAME_ERROR_TYPE,
    &qstr::UnboundLocalError => UNBOUND_LOCAL_ERROR_TYPE,
    &qstr::OSError => OS_ERROR_TYPE,
    &exc::Q_FNF => FILE_NOT_FOUND_ERROR_TYPE,
    &exc::Q_TIMEOUT => TIMEOUT_ERROR_TYPE,
    &exc::Q_REFERENCE => REFERENCE_ERROR_TYPE,
    &qstr::RuntimeError => RUNTIME_ERROR_TYPE,
    &qstr::NotImplementedError => NOT_IMPLEMENTED_ERROR_TYPE,
    &qstr::RecursionError => RECURSION_ERROR_TYPE,
    &exc::Q_STOP_ASYNC => STOP_ASYNC_ITERATION_TYPE,
    &qstr::StopIteration => STOP_ITERATION_TYPE,
    &qstr::SyntaxError => SYNTAX_ERROR_TYPE,
    &exc::Q_INDENT => INDENTATION_ERROR_TYPE,
    &exc::Q_SYSTEM => SYSTEM_ERROR_TYPE,
    &qstr::TypeError => TYPE_ERROR_TYPE,
    &qstr::ValueError => VALUE_ERROR_TYPE,
    &qstr::UnicodeError => UNICODE_ERROR_TYPE,
    &qstr::UnicodeDecodeError => UNICODE_DECODE_ERROR_TYPE,
    &exc::Q_UNICODE_ENCODE => UNICODE_ENCODE_ERROR_TYPE,
    &exc::Q_WARNING => WARNING_TYPE,
    &exc::Q_USER_WARNING => USER_WARNING_TYPE,
    &exc::Q_DEPRECATION => DEPRECATION_WARNING_TYPE,
];

/// Builtins not in the main table (second lookup table).
const TABLE2: [(Value, Value); 21] = [
    (Value::qstr(&qstr::bin), f(&F_BIN)),
    (Value::qstr(&qstr::oct), f(&F_OCT)),
    (Value::qstr(&qstr::callable), f(&F_CALLABLE)),
    (Value::qstr(&qstr::globals), f(&F_GLOBALS)),
    (Value::qstr(&qstr::locals), f(&F_LOCALS)),
    (Value::qstr(&qstr::vars), f(&F_VARS)),
    (Value::qstr(&qstr::dir), f(&F_DIR)),
    (Value::qstr(&qstr::format), f(&F_FORMAT)),
    (Value::qstr(&qstr::staticmethod), t(&obj::descriptor::STATICMETHOD_TYPE)),
    (Value::qstr(&qstr::classmethod), t(&obj::descriptor::CLASSMETHOD_TYPE)),
    (Value::qstr(&qstr::property), t(&obj::descriptor::PROPERTY_TYPE)),
    (Value::qstr(&qstr::NotImplemented), Value::NOT_IMPLEMENTED),
    (Value::qstr(&qstr::Ellipsis), Value::ELLIPSIS),
    (Value::qstr(&Q_ASCII), f(&F_ASCII)),
    (Value::qstr(&Q_INPUT), f(&F_INPUT)),
    (Value::qstr(&Q_EXIT), f(&F_EXIT)),
    (Value::qstr(&Q_QUIT), f(&F_QUIT)),
    (Value::qstr(&qstr::__build_class__), f(&F_BUILD_CLASS)),
    (Value::qstr(&Q_IOERROR), t(&exc::OS_ERROR_TYPE)),
    (Value::qstr(&Q_ENVERROR), t(&exc::OS_ERROR_TYPE)),
    (Value::qstr(&qstr::bytearray), t(&obj::bytearray::BYTEARRAY_TYPE)),
];

/// The optional built-in types (VM features `complex` and `memoryview`).
const TABLE_OPT: &[(Value, Value)] = &[
    #[cfg(feature = "memoryview")]
    (Value::qstr(&obj::memoryview::Q_MEMORYVIEW), t(&obj::memoryview::MEMORYVIEW_TYPE)),
    #[cfg(feature = "complex")]
    (Value::qstr(&obj::complex::Q_COMPLEX_NAME), t(&obj::complex::COMPLEX_TYPE)),
];

/// The exception classes added after the first table (the groups, OSError's subclasses,
/// the warnings).
const TABLE3: [(Value, Value); 26] = [
    (Value::qstr(&obj::exception_group::Q_BASE_EXCEPTION_GROUP), t(&obj::exception_group::BASE_EXCEPTION_GROUP_TYPE)),
    (Value::qstr(&obj::exception_group::Q_EXCEPTION_GROUP), t(&obj::exception_group::EXCEPTION_GROUP_TYPE)),
    (Value::qstr(&exc::Q_BLOCKING_IO_ERROR), t(&exc::BLOCKING_IO_ERROR_TYPE)),
    (Value::qstr(&exc::Q_CHILD_PROCESS_ERROR), t(&exc::CHILD_PROCESS_ERROR_TYPE)),
    (Value::qstr(&exc::Q_CONNECTION_ERROR), t(&exc::CONNECTION_ERROR_TYPE)),
    (Value::qstr(&exc::Q_BROKEN_PIPE_ERROR), t(&exc::BROKEN_PIPE_ERROR_TYPE)),
    (Value::qstr(&exc::Q_CONNECTION_ABORTED_ERROR), t(&exc::CONNECTION_ABORTED_ERROR_TYPE)),
    (Value::qstr(&exc::Q_CONNECTION_REFUSED_ERROR), t(&exc::CONNECTION_REFUSED_ERROR_TYPE)),
    (Value::qstr(&exc::Q_CONNECTION_RESET_ERROR), t(&exc::CONNECTION_RESET_ERROR_TYPE)),
    (Value::qstr(&exc::Q_FILE_EXISTS_ERROR), t(&exc::FILE_EXISTS_ERROR_TYPE)),
    (Value::qstr(&exc::Q_INTERRUPTED_ERROR), t(&exc::INTERRUPTED_ERROR_TYPE)),
    (Value::qstr(&exc::Q_IS_A_DIRECTORY_ERROR), t(&exc::IS_A_DIRECTORY_ERROR_TYPE)),
    (Value::qstr(&exc::Q_NOT_A_DIRECTORY_ERROR), t(&exc::NOT_A_DIRECTORY_ERROR_TYPE)),
    (Value::qstr(&exc::Q_PERMISSION_ERROR), t(&exc::PERMISSION_ERROR_TYPE)),
    (Value::qstr(&exc::Q_PROCESS_LOOKUP_ERROR), t(&exc::PROCESS_LOOKUP_ERROR_TYPE)),
    (Value::qstr(&exc::Q_TAB_ERROR), t(&exc::TAB_ERROR_TYPE)),
    (Value::qstr(&exc::Q_UNICODE_TRANSLATE_ERROR), t(&exc::UNICODE_TRANSLATE_ERROR_TYPE)),
    (Value::qstr(&exc::Q_BYTES_WARNING), t(&exc::BYTES_WARNING_TYPE)),
    (Value::qstr(&exc::Q_ENCODING_WARNING), t(&exc::ENCODING_WARNING_TYPE)),
    (Value::qstr(&exc::Q_FUTURE_WARNING), t(&exc::FUTURE_WARNING_TYPE)),
    (Value::qstr(&exc::Q_IMPORT_WARNING), t(&exc::IMPORT_WARNING_TYPE)),
    (Value::qstr(&exc::Q_PENDING_DEPRECATION_WARNING), t(&exc::PENDING_DEPRECATION_WARNING_TYPE)),
    (Value::qstr(&exc::Q_RESOURCE_WARNING), t(&exc::RESOURCE_WARNING_TYPE)),
    (Value::qstr(&exc::Q_RUNTIME_WARNING), t(&exc::RUNTIME_WARNING_TYPE)),
    (Value::qstr(&exc::Q_SYNTAX_WARNING), t(&exc::SYNTAX_WARNING_TYPE)),
    (Value::qstr(&exc::Q_UNICODE_WARNING), t(&exc::UNICODE_WARNING_TYPE)),
];

/// `aiter` and `anext`, the functions reaching the embedder's hooks, and `__debug__`.
const TABLE4: [(Value, Value); 7] = [
    (crate::coro::AITER_NAME, f(&crate::coro::AITER)),
    (crate::coro::ANEXT_NAME, f(&crate::coro::ANEXT)),
    (Value::qstr(&Q_EVAL), f(&F_EVAL)),
    (Value::qstr(&Q_EXEC), f(&F_EXEC)),
    (Value::qstr(&Q_COMPILE), f(&F_COMPILE)),
    (Value::qstr(&Q_IMPORT), f(&F_IMPORT)),
    (Value::qstr(&Q_DEBUG), Value::TRUE),
];

/// Every builtin name and value (for the `builtins` module's dict), in table order.
pub fn entries() -> impl Iterator<Item = &'static (Value, Value)> {
    ALL.iter()
}

/// How many builtins there are.
const N_ALL: usize = TABLE.len() + TABLE2.len() + TABLE_OPT.len() + TABLE3.len() + TABLE4.len();

/// All builtins, the tables above one after the other.
static ALL: [(Value, Value); N_ALL] = {
    let mut out = [(Value::NULL, Value::NULL); N_ALL];
    let mut k = 0;
    let parts: [&[(Value, Value)]; 5] = [&TABLE, &TABLE2, TABLE_OPT, &TABLE3, &TABLE4];
    let mut p = 0;
    while p < parts.len() {
        let mut i = 0;
        while i < parts[p].len() {
            out[k] = parts[p][i];
            k += 1;
            i += 1;
        }
        p += 1;
    }
    out
};

/// Slots of [`INDEX`]: the power of two above the number of builtins (143 in 256 with every
/// feature; a miss ends at the first empty slot).
const INDEX_LEN: usize = (N_ALL + 1).next_power_of_two();
const INDEX_MASK: usize = INDEX_LEN - 1;
/// An empty [`INDEX`] slot.
const INDEX_EMPTY: u8 = u8::MAX;
const _: () = assert!(N_ALL < INDEX_EMPTY as usize, "builtins index entries are u8");

/// The qstr hash of a built-in name, read at compile time.
const fn const_hash(name: Value) -> u32 {
    // SAFETY: every name in the tables is `Value::qstr` of a `static` qstr: its pointer minus
    // the tag is the 4-aligned head word of that qstr (rom::QstrHdr: hash in bits 8..32).
    let head = unsafe { *(name.as_ptr().wrapping_sub(2) as *const u32) };
    head >> 8
}

/// Open-addressing index over [`ALL`] by name hash (linear probing from `hash & INDEX_MASK`;
/// entries: positions in `ALL`), built at compile time and kept in flash. Some slot stays
/// empty, so every probe run ends.
static INDEX: [u8; INDEX_LEN] = {
    let mut idx = [INDEX_EMPTY; INDEX_LEN];
    let mut i = 0;
    while i < N_ALL {
        let mut s = const_hash(ALL[i].0) as usize & INDEX_MASK;
        while idx[s] != INDEX_EMPTY {
            s = (s + 1) & INDEX_MASK;
        }
        idx[s] = i as u8;
        i += 1;
    }
    idx
};
