//! The builtins that reach outside the VM through the embedder's hooks: `exec`, `eval` and
//! `compile` (the [`Compiler`](crate::Compiler) hook), `input` (the [`Input`](crate::Input)
//! hook), and `__import__`.
//!
//! Source is compiled by the hook into a module-shaped code object (flag `NAMESPACE`) that
//! runs in a frame whose locals are a dict, as a module body or a class body does; in eval
//! mode the code returns the expression's value. A code object from `compile()` is a ROM
//! `Code` value like any function's `__code__`, so `exec`/`eval` run it without the hook.

use frostbyte_format::CodeFlags;

use crate::interp::{self, Exit};
use crate::obj::frame::FramePtr;
use crate::obj::{self, exception as exc, str::StrBuf, Args};
use crate::rom::Code;
use crate::runtime;
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use crate::CompileMode;

crate::static_qstr!(Q_BUILTINS_KEY, "__builtins__");

/// The source or code object argument as a code object: compiled through the hook when it
/// is text. May collect.
fn to_code(vm: &mut Vm<'_>, src: Value, name: &str, filename: &str, mode: CompileMode) -> PyResult<&'static Code> {
    if let Some(c) = obj::code::as_code(src) {
        return Ok(c);
    }
    let text = if let Some(s) = obj::str::as_str(src) {
        s
    } else if let Some(b) = obj::bytes::as_bytes(src) {
        match core::str::from_utf8(b) {
            Ok(s) => s,
            Err(_) => return Err(vm.raise_msg(&exc::SYNTAX_ERROR_TYPE, "source code cannot be decoded as UTF-8")),
        }
    } else {
        let what = if name == "compile" { "string, bytes or AST object" } else { "string, bytes or code object" };
        return Err(vm.type_error(format_args!("{name}() arg 1 must be a {what}")));
    };
    if text.contains('\0') {
        return Err(vm.raise_msg(&exc::SYNTAX_ERROR_TYPE, "source code string cannot contain null bytes"));
    }
    // As CPython, eval() ignores leading spaces and tabs.
    let text = if mode == CompileMode::Eval && name == "eval" { text.trim_start_matches([' ', '\t']) } else { text };
    let Some(compiler) = vm.compiler.take() else {
        return Err(vm.raise_fmt(
            &exc::RUNTIME_ERROR_TYPE,
            format_args!("{name}() needs a compiler; this build has none (install one with Vm::set_compiler)"),
        ));
    };
    // `text` points into a str object that stays rooted in the caller's arguments, and the
    // hook does not run Python code, so nothing collects while it compiles.
    let r = match compiler.compile(text, filename, mode) {
        Ok(img) if img.version == crate::rom::FORMAT_VERSION && !img.modules.is_empty() => Ok(img.modules[0].code),
        Ok(_) => Err(vm.raise_msg(&exc::SYSTEM_ERROR_TYPE, "the compiler hook returned an unusable image")),
        Err(e) => Err(syntax_error(vm, filename, e)),
    };
    vm.compiler = Some(compiler);
    r
}

/// Raise `SyntaxError(message, (filename, line, column, text))`. May collect.
fn syntax_error(vm: &mut Vm<'_>, filename: &str, e: crate::CompileError<'_>) -> crate::vm::Raised {
    let r = (|| -> PyResult<Value> {
        let m = vm.roots_mark();
        let msg = obj::str::new(vm, e.message)?;
        vm.push_root(msg)?;
        let file = obj::str::new(vm, filename)?;
        vm.push_root(file)?;
        let text = obj::str::new(vm, e.text)?;
        vm.push_root(text)?;
        let line = obj::int::from_i64(vm, e.line as i64)?;
        vm.push_root(line)?;
        let col = obj::int::from_i64(vm, e.column as i64)?;
        let details = obj::tuple::new(vm, &[file, line, col, text])?;
        vm.push_root(details)?;
        let x = exc::new(vm, &exc::SYNTAX_ERROR_TYPE, &[msg, details]);
        vm.pop_roots(m);
        x
    })();
    match r {
        Ok(x) => vm.raise(x),
        Err(r) => r,
    }
}

/// Run `code` with `globals` and `locals` (dicts, rooted by the caller). May collect.
fn run_code(vm: &mut Vm<'_>, code: &'static Code, globals: Value, locals: Value, name: &str) -> PyResult<Value> {
    let flags = CodeFlags(code.flags);
    if !flags.contains(CodeFlags::NAMESPACE) || flags.contains(CodeFlags::GENERATOR) {
        return Err(
            vm.type_error(format_args!("{name}() can only run code compiled by compile(), not a function's code"))
        );
    }
    if code.n_free() > 0 {
        return Err(vm.type_error(format_args!("code object passed to {name}() may not contain free variables")));
    }
    if obj::dict::get_str(globals, Value::qstr(&Q_BUILTINS_KEY)).is_none() {
        let b = crate::import::import_dotted(vm, "builtins")?;
        obj::dict::set(vm, globals, Value::qstr(&Q_BUILTINS_KEY), b)?;
    }
    let f = FramePtr::new(vm, code, Value::NULL, globals)?;
    f.set_locals(locals);
    match interp::run(vm, f, Value::NULL)? {
        Exit::Return(v) | Exit::Yield(v) => Ok(v),
    }
}

/// CPython's `PyMapping_Check`: does the type support `x[key]`?
fn is_mapping(v: Value) -> bool {
    let t = obj::type_of(v);
    t.slots.getitem.is_some()
        || (t.is_heap() && obj::class::lookup(t, Value::qstr(&crate::qstr::__getitem__)).is_some())
}

/// `eval`/`exec`: resolve the namespaces, compile, run. May collect.
fn eval_exec(vm: &mut Vm<'_>, args: &Args<'_>, name: &str, mode: CompileMode) -> PyResult<Value> {
    if !args.kwnames.is_empty() {
        return Err(vm.type_error(format_args!("{name}() takes no keyword arguments")));
    }
    let n = args.pos.len();
    if n == 0 || n > 3 {
        return Err(if n == 0 {
            vm.type_error(format_args!("{name} expected at least 1 argument, got 0"))
        } else {
            vm.type_error(format_args!("{name} expected at most 3 arguments, got {n}"))
        });
    }
    let none_null = |v: Value| if v == Value::NONE { Value::NULL } else { v };
    let mut globals = none_null(args.get(1));
    let mut locals = none_null(args.get(2));
    if !globals.is_null() && obj::dict::as_dict(globals).is_none() {
        return Err(if name == "exec" {
            vm.type_error(format_args!("exec() globals must be a dict, not {}", obj::type_name(globals)))
        } else if !is_mapping(globals) {
            vm.type_error(format_args!("globals must be a dict"))
        } else {
            vm.type_error(format_args!("globals must be a real dict; try eval(expr, {{}}, mapping)"))
        });
    }
    // Only dicts serve as locals here (CPython takes any mapping).
    if !locals.is_null() && obj::dict::as_dict(locals).is_none() {
        return Err(if name == "exec" {
            vm.type_error(format_args!("locals must be a mapping or None, not {}", obj::type_name(locals)))
        } else {
            vm.type_error(format_args!("locals must be a mapping"))
        });
    }
    let m = vm.roots_mark();
    if globals.is_null() {
        // The caller's namespaces: in a function, a snapshot of its locals (as locals()).
        globals = crate::builtins::caller_globals(vm);
        if locals.is_null() {
            locals = crate::builtins::caller_locals(vm)?;
            vm.push_root(locals)?;
        }
    }
    if locals.is_null() {
        locals = globals;
    }
    if obj::dict::as_dict(globals).is_none() {
        return Err(vm.raise_fmt(&exc::SYSTEM_ERROR_TYPE, format_args!("{name}(): no globals")));
    }
    let code = to_code(vm, args.pos[0], name, "<string>", mode)?;
    let r = run_code(vm, code, globals, locals, name);
    vm.pop_roots(m);
    let v = r?;
    Ok(if mode == CompileMode::Exec { Value::NONE } else { v })
}

/// `eval(source, globals=None, locals=None)`.
pub fn eval(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    eval_exec(vm, args, "eval", CompileMode::Eval)
}

/// `exec(source, globals=None, locals=None)`: returns None.
pub fn exec(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    eval_exec(vm, args, "exec", CompileMode::Exec)
}

/// `compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1)`.
pub fn compile(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    const NAMES: [&str; 6] = ["source", "filename", "mode", "flags", "dont_inherit", "optimize"];
    let mut a = [Value::NULL; 6];
    if args.pos.len() > 6 {
        return Err(vm.type_error(format_args!("compile() takes at most 6 arguments ({} given)", args.pos.len())));
    }
    a[..args.pos.len()].copy_from_slice(args.pos);
    for (k, v) in args.kwnames.iter().zip(args.kwvals) {
        let kn = obj::str::as_str(*k).unwrap_or("");
        match NAMES.iter().position(|n| *n == kn) {
            Some(i) if a[i].is_null() => a[i] = *v,
            Some(i) => {
                return Err(vm.type_error(format_args!(
                    "argument for compile() given by name ('{kn}') and position ({})",
                    i + 1
                )))
            }
            None => return Err(vm.type_error(format_args!("compile() got an unexpected keyword argument '{kn}'"))),
        }
    }
    for (i, n) in NAMES.iter().enumerate().take(3) {
        if a[i].is_null() {
            return Err(vm.type_error(format_args!("compile() missing required argument '{n}' (pos {})", i + 1)));
        }
    }
    let Some(filename) = obj::str::as_str(a[1]) else {
        return Err(
            vm.type_error(format_args!("expected str, bytes or os.PathLike object, not {}", obj::type_name(a[1])))
        );
    };
    let Some(mode_s) = obj::str::as_str(a[2]) else {
        return Err(vm.type_error(format_args!("compile() argument 'mode' must be str, not {}", obj::type_name(a[2]))));
    };
    let mode = match mode_s {
        "exec" => CompileMode::Exec,
        "eval" => CompileMode::Eval,
        "single" => CompileMode::Single,
        _ => return Err(vm.value_error(format_args!("compile() mode must be 'exec', 'eval' or 'single'"))),
    };
    if obj::code::as_code(a[0]).is_some() {
        return Err(vm.type_error(format_args!("compile() arg 1 must be a string, bytes or AST object")));
    }
    let code = to_code(vm, a[0], "compile", filename, mode)?;
    Ok(Value::rom(code))
}

/// `input(prompt='')`: write the prompt, read a line through the embedder's input hook.
pub fn input(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    if args.pos.len() > 1 {
        return Err(vm.type_error(format_args!("input expected at most 1 argument, got {}", args.pos.len())));
    }
    if !args.kwnames.is_empty() {
        return Err(vm.type_error(format_args!("input() takes no keyword arguments")));
    }
    if let Some(p) = args.pos.first() {
        let mut sb = StrBuf::new(vm)?;
        runtime::str_into(vm, *p, &mut sb)?;
        sb.write_out(vm);
        let _ = sb.finish(vm)?;
    }
    vm.flush_out();
    match obj::stream::read_line(vm)? {
        Some(line) => Ok(line),
        None => Err(vm.raise_msg(&exc::EOF_ERROR_TYPE, "EOF when reading a line")),
    }
}

/// `__import__(name, globals=None, locals=None, fromlist=(), level=0)`.
pub fn import(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    const NAMES: [&str; 5] = ["name", "globals", "locals", "fromlist", "level"];
    let mut a = [Value::NULL; 5];
    if args.pos.len() > 5 {
        return Err(vm.type_error(format_args!("__import__() takes at most 5 arguments ({} given)", args.pos.len())));
    }
    a[..args.pos.len()].copy_from_slice(args.pos);
    for (k, v) in args.kwnames.iter().zip(args.kwvals) {
        let kn = obj::str::as_str(*k).unwrap_or("");
        match NAMES.iter().position(|n| *n == kn) {
            Some(i) => a[i] = *v,
            None => return Err(vm.type_error(format_args!("'{kn}' is an invalid keyword argument for __import__()"))),
        }
    }
    let name = a[0];
    if name.is_null() {
        return Err(vm.type_error(format_args!("__import__() missing required argument 'name' (pos 1)")));
    }
    if !obj::str::is_str(name) {
        return Err(vm.type_error(format_args!("module name must be a string")));
    }
    let level = if a[4].is_null() { 0 } else { runtime::index_arg_typed(vm, a[4])? };
    if level < 0 {
        return Err(vm.value_error(format_args!("level must be >= 0")));
    }
    if level == 0 && obj::str::as_str(name) == Some("") {
        return Err(vm.value_error(format_args!("Empty module name")));
    }
    let m = vm.roots_mark();
    let mut fromlist = a[3];
    if fromlist.is_null() || fromlist == Value::NONE {
        fromlist = Value::NONE;
    } else if obj::tuple::items(fromlist).is_none() {
        let l = obj::list::from_iter(vm, fromlist)?;
        vm.push_root(l)?;
        fromlist = obj::tuple::new(vm, obj::list::as_list(l).map(|l| l.as_slice()).unwrap_or(&[]))?;
        vm.push_root(fromlist)?;
    }
    let globals = if obj::dict::as_dict(a[1]).is_some() { a[1] } else { Value::NULL };
    if level > 0 {
        let err = if globals.is_null() {
            Some(vm.type_error(format_args!("globals must be a dict")))
        } else if obj::dict::get_str(globals, Value::qstr(&crate::qstr::__name__)).is_none()
            && obj::dict::get_str(globals, Value::qstr(&crate::qstr::__package__)).is_none()
        {
            Some(vm.raise_msg(&exc::KEY_ERROR_TYPE, "'__name__' not in globals"))
        } else {
            None
        };
        if let Some(e) = err {
            vm.pop_roots(m);
            return Err(e);
        }
    }
    let r = crate::import::import_name(vm, name, fromlist, level as usize, globals);
    vm.pop_roots(m);
    r
}
