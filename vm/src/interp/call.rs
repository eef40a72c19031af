//! Calls and returns: `Call`, `CallKw`, `CallMethod`, `CallMethodKw`, `CallEx`,
//! `ReturnValue`. A call to a Python function links the callee frame (stackless: the loop
//! continues in it); anything else is called now (`crate::call::prepare`).

use super::{link, operand, unlink, Exit, Flow};
use frostbyte_format::CodeFlags;

use crate::call::{prepare, Prepared};
use crate::obj::frame::{fl, FramePtr};
use crate::obj::{self, function, generator, Args};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Push a callee frame (stackless call) or the call's result.
#[inline(always)]
fn finish_call(vm: &mut Vm<'_>, f: FramePtr, drop: usize, p: Prepared) -> PyResult<()> {
    match p {
        Prepared::Done(v) => {
            f.drop_n(drop);
            f.push(v);
            Ok(())
        }
        Prepared::Frame(nf) => {
            f.drop_n(drop);
            // The callee frame is rooted by nothing until linked: link immediately.
            link(vm, nf)
        }
    }
}

/// The frame for calling `func` with positional arguments `prefix` (if not NULL) + `args`,
/// when `func` is a plain Python function taking exactly that many positional parameters:
/// no `*args`/`**kwargs`, keyword-only parameters or defaults to fill, not a generator, not
/// a frozen method needing its `__class__` cell. The arguments go straight into the new
/// frame's locals (what `call::bind` does in that case, without its general bookkeeping).
/// `None`: not such a call, `prepare` decides. May collect: `func`, `prefix` and `args` must
/// be rooted (they lie on the calling frame's value stack, or `prefix` in a bound method
/// that does).
#[inline(always)]
fn exact_frame(vm: &mut Vm<'_>, func: Value, prefix: Value, args: &[Value]) -> Option<PyResult<FramePtr>> {
    let fo = function::as_func(func)?;
    let code = fo.code();
    let n = args.len() + !prefix.is_null() as usize;
    let special = CodeFlags::VARARGS.0 | CodeFlags::VARKEYWORDS.0 | CodeFlags::GENERATOR.0;
    if code.flags & special != 0 || code.n_posargs as usize != n || code.n_kwonly() != 0 {
        return None;
    }
    let n_free = code.n_free() as usize;
    if n_free > 0 && fo.is_frozen() {
        return None;
    }
    let nf = match FramePtr::new(vm, code, func, function::globals(vm, fo)) {
        Ok(nf) => nf,
        Err(e) => return Some(Err(e)),
    };
    let mut i = 0;
    if !prefix.is_null() {
        nf.set_local(0, prefix);
        i = 1;
    }
    for a in args {
        nf.set_local(i, *a);
        i += 1;
    }
    if n_free > 0 {
        let base = code.n_locals as usize - n_free;
        let cells = obj::tuple::items(fo.closure()).unwrap_or(&[]);
        for (j, c) in cells.iter().enumerate().take(n_free) {
            nf.set_local(base + j, *c);
        }
    }
    Some(Ok(nf))
}

/// [`exact_frame`] for a Python function, or a bound method of one.
#[inline(always)]
fn exact_call(vm: &mut Vm<'_>, func: Value, args: &[Value]) -> Option<PyResult<FramePtr>> {
    if let Some(m) = obj::method::as_method(func) {
        return exact_frame(vm, m.func, m.self_, args);
    }
    exact_frame(vm, func, Value::NULL, args)
}

#[inline(always)]
pub(super) fn call(vm: &mut Vm<'_>, f: FramePtr, bc: &[u8], mut pc: usize) -> PyResult<()> {
    let n = operand(bc, &mut pc);
    f.set_ip(pc as u32);
    let func = f.peek(n);
    let args = f.top_slice(n);
    if let Some(nf) = exact_call(vm, func, args) {
        let nf = nf?;
        f.drop_n(n + 1);
        return link(vm, nf);
    }
    let p = prepare(vm, func, &Args::new(args))?;
    finish_call(vm, f, n + 1, p)
}

pub(super) fn call_kw(vm: &mut Vm<'_>, f: FramePtr, bc: &[u8], mut pc: usize) -> PyResult<()> {
    let n = operand(bc, &mut pc);
    f.set_ip(pc as u32);
    let names = obj::tuple::items(f.peek(0)).unwrap_or(&[]);
    let func = f.peek(n + 1);
    let all = &f.top_slice(n + 1)[..n];
    let npos = n.saturating_sub(names.len());
    let args = Args { pos: &all[..npos], kwnames: names, kwvals: &all[npos..] };
    let p = prepare(vm, func, &args)?;
    finish_call(vm, f, n + 2, p)
}

#[inline(always)]
pub(super) fn call_method(vm: &mut Vm<'_>, f: FramePtr, bc: &[u8], mut pc: usize) -> PyResult<()> {
    let n = operand(bc, &mut pc);
    f.set_ip(pc as u32);
    let s = f.peek(n);
    let func = f.peek(n + 1);
    let args = if s.is_null() { f.top_slice(n) } else { f.top_slice(n + 1) };
    if let Some(nf) = exact_call(vm, func, args) {
        let nf = nf?;
        f.drop_n(n + 2);
        return link(vm, nf);
    }
    let p = prepare(vm, func, &Args::new(args))?;
    finish_call(vm, f, n + 2, p)
}

pub(super) fn call_method_kw(vm: &mut Vm<'_>, f: FramePtr, bc: &[u8], mut pc: usize) -> PyResult<()> {
    let n = operand(bc, &mut pc);
    f.set_ip(pc as u32);
    let names = obj::tuple::items(f.peek(0)).unwrap_or(&[]);
    let s = f.peek(n + 1);
    let func = f.peek(n + 2);
    let all = if s.is_null() { &f.top_slice(n + 1)[..n] } else { &f.top_slice(n + 2)[..n + 1] };
    let npos = all.len().saturating_sub(names.len());
    let args = Args { pos: &all[..npos], kwnames: names, kwvals: &all[npos..] };
    let p = prepare(vm, func, &args)?;
    finish_call(vm, f, n + 3, p)
}

pub(super) fn call_ex(vm: &mut Vm<'_>, f: FramePtr, bc: &[u8], mut pc: usize) -> PyResult<()> {
    let k = operand(bc, &mut pc);
    f.set_ip(pc as u32);
    let has_kw = k & 1 != 0;
    let (func, argt, kw) = if has_kw { (f.peek(2), f.peek(1), f.peek(0)) } else { (f.peek(1), f.peek(0), Value::NULL) };
    let argt = if obj::tuple::items(argt).is_some() {
        argt
    } else {
        crate::builtins::check_star_args(vm, func, argt)?;
        let l = obj::list::from_iter(vm, argt)?;
        vm.push_root(l)?;
        obj::list::to_tuple(vm, l)?
    };
    vm.push_root(argt)?;
    let (names, vals) = crate::builtins::kwargs_to_tuples(vm, kw)?;
    let args = Args {
        pos: obj::tuple::items(argt).unwrap_or(&[]),
        kwnames: obj::tuple::items(names).unwrap_or(&[]),
        kwvals: obj::tuple::items(vals).unwrap_or(&[]),
    };
    let p = prepare(vm, func, &args)?;
    finish_call(vm, f, if has_kw { 3 } else { 2 }, p)
}

/// `ReturnValue`: unlink `f` and hand its result to the caller frame, or leave the loop if
/// `f` is the entry frame. A finished generator resumed by `ForIter` jumps its caller to
/// the loop's end; one driven by `Send` (`yield from`, `await`) becomes its result.
#[inline(always)]
pub(super) fn return_value(vm: &mut Vm<'_>, f: FramePtr, pc: usize, entry: FramePtr) -> PyResult<Flow> {
    f.set_ip(pc as u32);
    let mut v = f.pop();
    let flags = f.flags();
    if flags & fl::INIT != 0 {
        if v != Value::NONE {
            return Err(vm.type_error(format_args!("__init__() should return None, not '{}'", obj::type_name(v))));
        }
        v = f.local(0);
    }
    vm.handled = f.saved_handled();
    unlink(vm, f);
    if flags & fl::GEN != 0 {
        if let Some(g) = generator::as_gen(f.gen()) {
            g.state.set(generator::state::DONE);
        }
        f.set_flags(flags & !(fl::ENTRY | fl::FOR_ITER | fl::SEND));
        if flags & fl::FOR_ITER != 0 {
            let caller = vm.frame;
            caller.pop();
            caller.set_ip(f.for_target());
            return Ok(Flow::Next);
        }
        if flags & fl::SEND != 0 {
            // `yield from` / `await` is over: the delegate becomes its result.
            let caller = vm.frame;
            caller.poke(0, v);
            caller.set_ip(f.for_target());
            return Ok(Flow::Next);
        }
        if flags & fl::ENTRY != 0 || f == entry {
            return Ok(Flow::Exit(Exit::Return(v)));
        }
        vm.frame.push(v);
        return Ok(Flow::Next);
    }
    let is_entry = flags & fl::ENTRY != 0 || f == entry;
    vm.free(f.as_value().as_ptr());
    if is_entry {
        return Ok(Flow::Exit(Exit::Return(v)));
    }
    vm.frame.push(v);
    Ok(Flow::Next)
}
