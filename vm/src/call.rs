//! Calling: argument binding into frames, the stackless call protocol used by the
//! interpreter (`prepare`), native-context calls (`call`, `call_args`), class bodies and
//! generator resumption.
//!
//! All functions may collect. Argument slices must be rooted by the caller (they usually
//! live on the caller's value stack); `call` additionally roots its arguments itself.

use frostbyte_format::CodeFlags;

use crate::interp::{self, Exit};
use crate::obj::builtin::Builtin;
use crate::obj::frame::{fl, FramePtr};
use crate::obj::function::{self, FuncObj};
use crate::obj::{self, exception as exc, generator, Args, Kind};
use crate::rom::Code;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// What a call needs from the interpreter.
pub enum Prepared {
    /// A Python frame to run (already bound, not yet linked).
    Frame(FramePtr),
    /// The call completed natively with this result.
    Done(Value),
}

/// One step of a generator.
pub enum GenStep {
    /// It yielded a value.
    Yield(Value),
    /// It returned (is exhausted) with a value.
    Return(Value),
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn missing_error(vm: &mut Vm<'_>, fname: &str, kind: &str, names: &[Value]) -> crate::vm::Raised {
    if !cfg!(feature = "error-messages") {
        return vm.raise_empty(&obj::exception::TYPE_ERROR_TYPE);
    }
    let mut b = crate::vm::FixedBuf::new();
    use core::fmt::Write;
    let n = names.len();
    for (i, nm) in names.iter().enumerate() {
        let s = obj::str::as_str(*nm).unwrap_or("?");
        if i > 0 {
            let _ = b.write_str(if i == n - 1 {
                if n > 2 {
                    ", and "
                } else {
                    " and "
                }
            } else {
                ", "
            });
        }
        let _ = write!(b, "'{s}'");
    }
    vm.type_error(format_args!("{fname}() missing {n} required {kind} argument{}: {}", plural(n), b.as_str()))
}

/// The error for keyword `name` matching no parameter (the function takes no `**kwargs`):
/// CPython names the keywords given for positional-only parameters, if there are any.
fn unexpected_keyword(vm: &mut Vm<'_>, fname: &str, code: &Code, kwnames: &[Value], name: Value) -> crate::vm::Raised {
    if !cfg!(feature = "error-messages") {
        return vm.raise_empty(&obj::exception::TYPE_ERROR_TYPE);
    }
    let mut b = crate::vm::FixedBuf::new();
    use core::fmt::Write;
    let posonly = &code.local_names()[..code.n_posonly() as usize];
    let mut first = true;
    for kw in kwnames {
        if posonly.iter().any(|p| *p == *kw || obj::str::eq(*p, *kw)) {
            let _ = write!(b, "{}{}", if first { "" } else { ", " }, obj::str::as_str(*kw).unwrap_or("?"));
            first = false;
        }
    }
    if !first {
        return vm.type_error(format_args!(
            "{fname}() got some positional-only arguments passed as keyword arguments: '{}'",
            b.as_str()
        ));
    }
    let n = obj::str::as_str(name).unwrap_or("?");
    vm.type_error(format_args!("{fname}() got an unexpected keyword argument '{n}'"))
}

/// Bind `prefix` (if not NULL) + `args` to a new frame for function `fv`. May collect.
pub fn bind(vm: &mut Vm<'_>, fv: Value, prefix: Value, args: &Args<'_>) -> PyResult<FramePtr> {
    let Some(func) = function::as_func(fv) else { return Err(vm.type_error(format_args!("not a function"))) };
    let code = func.code();
    let m = vm.roots_mark();
    vm.push_root(fv)?;
    vm.push_root(prefix)?;
    for v in args.pos.iter().chain(args.kwvals.iter()) {
        vm.push_root(*v)?;
    }
    let f = FramePtr::new(vm, code, fv, function::globals(vm, func))?;
    vm.push_root(f.as_value())?;
    let fname = obj::str::as_str(code.name).unwrap_or("?");
    let flags = CodeFlags(code.flags);
    let n_pos = code.n_posargs as usize;
    let n_kwonly = code.n_kwonly() as usize;
    let varargs = flags.contains(CodeFlags::VARARGS);
    let varkw = flags.contains(CodeFlags::VARKEYWORDS);
    let star_slot = n_pos + n_kwonly;
    let kw_slot = star_slot + varargs as usize;
    let has_prefix = !prefix.is_null();
    let given = args.pos.len() + has_prefix as usize;
    let get = |i: usize| -> Value {
        if has_prefix {
            if i == 0 {
                prefix
            } else {
                args.pos.get(i - 1).copied().unwrap_or(Value::NULL)
            }
        } else {
            args.pos.get(i).copied().unwrap_or(Value::NULL)
        }
    };
    for i in 0..given.min(n_pos) {
        f.set_local(i, get(i));
    }
    if given > n_pos {
        if varargs {
            let t = obj::tuple::alloc(vm, given - n_pos)?;
            for i in n_pos..given {
                obj::tuple::init_item(t, i - n_pos, get(i));
            }
            f.set_local(star_slot, t);
        } else {
            let nd = obj::tuple::items(func.defaults()).map(|d| d.len()).unwrap_or(0);
            let e = if nd > 0 {
                vm.type_error(format_args!(
                    "{fname}() takes from {} to {n_pos} positional arguments but {given} were given",
                    n_pos - nd
                ))
            } else {
                vm.type_error(format_args!(
                    "{fname}() takes {n_pos} positional argument{} but {given} {} given",
                    plural(n_pos),
                    if given == 1 { "was" } else { "were" }
                ))
            };
            vm.pop_roots(m);
            return Err(e);
        }
    } else if varargs {
        f.set_local(star_slot, obj::tuple::empty());
    }
    if varkw {
        let d = obj::dict::new(vm)?;
        f.set_local(kw_slot, d);
    }
    // Keyword arguments.
    for (k, name) in args.kwnames.iter().enumerate() {
        let val = args.kwvals.get(k).copied().unwrap_or(Value::NONE);
        let mut found = None;
        for (i, ln) in code.local_names().iter().enumerate().take(n_pos + n_kwonly) {
            if i < code.n_posonly() as usize {
                continue;
            }
            if *ln == *name || obj::str::eq(*ln, *name) {
                found = Some(i);
                break;
            }
        }
        match found {
            Some(i) => {
                if !f.local(i).is_null() {
                    let n = obj::str::as_str(*name).unwrap_or("?");
                    vm.pop_roots(m);
                    return Err(vm.type_error(format_args!("{fname}() got multiple values for argument '{n}'")));
                }
                f.set_local(i, val);
            }
            None if varkw => {
                let d = f.local(kw_slot);
                obj::dict::set(vm, d, *name, val)?;
            }
            None => {
                vm.pop_roots(m);
                return Err(unexpected_keyword(vm, fname, code, args.kwnames, *name));
            }
        }
    }
    // Defaults for positional parameters.
    let defaults = obj::tuple::items(func.defaults()).unwrap_or(&[]);
    let first_default = n_pos.saturating_sub(defaults.len());
    let mut missing: [Value; 8] = [Value::NULL; 8];
    let mut nmiss = 0;
    for i in 0..n_pos {
        if f.local(i).is_null() {
            if i >= first_default {
                f.set_local(i, defaults[i - first_default]);
            } else {
                if nmiss < 8 {
                    missing[nmiss] = code.local_names().get(i).copied().unwrap_or(Value::NONE);
                }
                nmiss += 1;
            }
        }
    }
    if nmiss > 0 {
        vm.pop_roots(m);
        return Err(missing_error(vm, fname, "positional", &missing[..nmiss.min(8)]));
    }
    for i in n_pos..n_pos + n_kwonly {
        if f.local(i).is_null() {
            let name = code.local_names().get(i).copied().unwrap_or(Value::NONE);
            let d = obj::dict::get_str(func.kwdefaults(), name);
            match d {
                Some(v) => f.set_local(i, v),
                None => {
                    if nmiss < 8 {
                        missing[nmiss] = name;
                    }
                    nmiss += 1;
                }
            }
        }
    }
    if nmiss > 0 {
        vm.pop_roots(m);
        return Err(missing_error(vm, fname, "keyword-only", &missing[..nmiss.min(8)]));
    }
    // Free variables from the closure (a frozen method's `__class__` from its side table).
    let n_free = code.n_free() as usize;
    if n_free > 0 {
        let base = code.n_locals as usize - n_free;
        if func.is_frozen() {
            let cell = function::class_cell(vm, fv)?;
            f.set_local(base, cell);
        } else {
            let cells = obj::tuple::items(func.closure()).unwrap_or(&[]);
            for (i, c) in cells.iter().enumerate().take(n_free) {
                f.set_local(base + i, *c);
            }
        }
    }
    vm.pop_roots(m);
    Ok(f)
}

fn is_generator(func: &FuncObj) -> bool {
    func.is_generator()
}

/// Prepare a call for the interpreter: Python functions become frames (stackless),
/// everything else runs now. May collect.
pub fn prepare(vm: &mut Vm<'_>, f: Value, args: &Args<'_>) -> PyResult<Prepared> {
    let t = obj::type_of(f);
    match t.kind {
        Kind::Function => {
            let func = function::as_func(f).ok_or_else(|| vm.raise_memory_error())?;
            let frame = bind(vm, f, Value::NULL, args)?;
            if is_generator(func) {
                let m = vm.roots_mark();
                vm.push_root(frame.as_value())?;
                let g = generator::new(vm, frame);
                vm.pop_roots(m);
                return Ok(Prepared::Done(g?));
            }
            Ok(Prepared::Frame(frame))
        }
        Kind::BoundMethod => {
            let m = obj::method::as_method(f).ok_or_else(|| vm.raise_memory_error())?;
            let (func, s) = (m.func, m.self_);
            if let Some(fo) = function::as_func(func) {
                if !is_generator(fo) {
                    let frame = bind(vm, func, s, args)?;
                    return Ok(Prepared::Frame(frame));
                }
            }
            call_with_self(vm, func, s, args).map(Prepared::Done)
        }
        // A heap class of metaclass `type` (a metaclass's own `__call__` runs natively).
        Kind::Type if obj::as_type(f).map(|c| c.is_heap()).unwrap_or(false) && !obj::type_of(f).is_heap() => {
            let cls = obj::as_type(f).ok_or_else(|| vm.raise_memory_error())?;
            let init = obj::instance::user_init(cls);
            let py_init = init.and_then(function::as_func).filter(|fo| !is_generator(fo)).is_some();
            if !py_init {
                return call_native(vm, f, args).map(Prepared::Done);
            }
            let inst = obj::instance::new_instance(vm, cls, args)?;
            if !obj::is_instance(inst, cls) {
                return Ok(Prepared::Done(inst));
            }
            let m = vm.roots_mark();
            vm.push_root(inst)?;
            let frame = bind(vm, init.unwrap_or(Value::NONE), inst, args);
            vm.pop_roots(m);
            let frame = frame?;
            frame.set_flags(frame.flags() | fl::INIT);
            Ok(Prepared::Frame(frame))
        }
        _ => call_native(vm, f, args).map(Prepared::Done),
    }
}

fn call_native(vm: &mut Vm<'_>, f: Value, args: &Args<'_>) -> PyResult<Value> {
    if let Some(b) = obj::downcast::<Builtin>(f) {
        return (b.f)(vm, args);
    }
    let t = obj::type_of(f);
    match t.slots.call {
        Some(c) => c(vm, f, args),
        None => Err(vm.type_error(format_args!("'{}' object is not callable", t.name()))),
    }
}

/// Call `f(*args)` from native code (runs Python frames in a nested loop). May collect.
pub fn call_args(vm: &mut Vm<'_>, f: Value, args: &Args<'_>) -> PyResult<Value> {
    match prepare(vm, f, args)? {
        Prepared::Done(v) => Ok(v),
        Prepared::Frame(fr) => match interp::run(vm, fr, Value::NULL)? {
            Exit::Return(v) | Exit::Yield(v) => Ok(v),
        },
    }
}

/// Call `f(*args)` with positional arguments. May collect.
pub fn call(vm: &mut Vm<'_>, f: Value, args: &[Value]) -> PyResult<Value> {
    let m = vm.roots_mark();
    vm.push_root(f)?;
    for a in args {
        vm.push_root(*a)?;
    }
    let r = call_args(vm, f, &Args::new(args));
    vm.pop_roots(m);
    r
}

/// Call `f(self_, *args)`. May collect.
pub fn call_with_self(vm: &mut Vm<'_>, f: Value, self_: Value, args: &Args<'_>) -> PyResult<Value> {
    if function::as_func(f).is_some_and(|fo| !is_generator(fo)) {
        let fr = bind(vm, f, self_, args)?;
        return match interp::run(vm, fr, Value::NULL)? {
            Exit::Return(v) | Exit::Yield(v) => Ok(v),
        };
    }
    let n = args.pos.len();
    if n >= 15 {
        return Err(vm.type_error(format_args!("too many arguments")));
    }
    let mut buf = [Value::NULL; 16];
    buf[0] = self_;
    buf[1..=n].copy_from_slice(args.pos);
    let a = Args { pos: &buf[..=n], kwnames: args.kwnames, kwvals: args.kwvals };
    let m = vm.roots_mark();
    for v in &buf[..=n] {
        vm.push_root(*v)?;
    }
    let r = call_args(vm, f, &a);
    vm.pop_roots(m);
    r
}

/// Run a class body function with namespace `ns`; returns what the body returned (the
/// `__class__` cell or None). May collect.
pub fn run_class_body(vm: &mut Vm<'_>, body: Value, ns: Value) -> PyResult<Value> {
    let fr = bind(vm, body, Value::NULL, &Args::new(&[]))?;
    fr.set_locals(ns);
    match interp::run(vm, fr, Value::NULL)? {
        Exit::Return(v) | Exit::Yield(v) => Ok(v),
    }
}

/// Resume generator `g` with `sent` (or by throwing `throw` into it). May collect.
pub fn resume_generator(vm: &mut Vm<'_>, g: Value, sent: Value, throw: Value) -> PyResult<GenStep> {
    let Some(gen) = generator::as_gen(g) else { return Err(vm.type_error(format_args!("not a generator"))) };
    match gen.state.get() {
        generator::state::RUNNING => {
            return Err(vm.raise_fmt(&exc::VALUE_ERROR_TYPE, format_args!("{} already executing", generator::word(g))));
        }
        generator::state::DONE => {
            // A finished coroutine refuses both (CPython's gen_send_ex2 when not closing).
            if generator::is_coroutine(g) {
                return Err(vm.raise_msg(&exc::RUNTIME_ERROR_TYPE, "cannot reuse already awaited coroutine"));
            }
            if !throw.is_null() {
                return Err(vm.raise(throw));
            }
            return Ok(GenStep::Return(Value::NONE));
        }
        _ => {}
    }
    let fr = FramePtr::from_value(gen.frame.get());
    if gen.state.get() == generator::state::CREATED && !throw.is_null() {
        // The body never ran, so no handler applies; the traceback still names the
        // generator (at its `def` line), as CPython's does.
        gen.state.set(generator::state::DONE);
        let r = vm.raise(throw);
        let code = fr.code();
        exc::add_traceback(vm, throw, code, code.first_line());
        return Err(r);
    }
    if gen.state.get() == generator::state::SUSPENDED && throw.is_null() {
        fr.push(sent);
    }
    gen.state.set(generator::state::RUNNING);
    let m = vm.roots_mark();
    vm.push_root(g)?;
    let r = interp::run(vm, fr, throw);
    vm.pop_roots(m);
    match r? {
        Exit::Yield(v) => Ok(GenStep::Yield(v)),
        Exit::Return(v) => Ok(GenStep::Return(v)),
    }
}
