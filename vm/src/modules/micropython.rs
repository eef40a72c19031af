//! `micropython`: MicroPython's module as its documentation describes it, where it makes
//! sense here: `const` (identity at run time), `opt_level`, `mem_info`, `heap_lock`,
//! `heap_unlock` and `heap_locked`. While the heap is locked every allocation raises
//! MemoryError; unlike MicroPython that includes calling a Python function (frames are heap
//! objects here), so only native calls work under the lock. `schedule(func, arg)` queues
//! `func(arg)` for the interpreter's next safe point (`vm/src/sched.rs`; at most
//! `SCHEDULE_DEPTH` = 8 waiting, RuntimeError "schedule queue full" beyond).

use crate::obj::Args;
use crate::value::Value;
use crate::vm::{FixedBuf, PyResult, Vm};

rom_module!("micropython",
    fns: [const_ as "const", opt_level, mem_info, heap_lock, heap_unlock, heap_locked, schedule],
    values: [],
);

fn no_kw(vm: &mut Vm<'_>, name: &str, a: &Args<'_>, max: usize) -> PyResult<()> {
    if !a.kwnames.is_empty() {
        return Err(vm.type_error(format_args!("{name}() takes no keyword arguments")));
    }
    if a.pos.len() > max {
        return Err(vm.type_error(format_args!("{name}() takes at most {max} arguments ({} given)", a.pos.len())));
    }
    Ok(())
}

/// `const(x)`: `x`.
fn const_(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    no_kw(vm, "const", a, 1)?;
    match a.pos.first() {
        Some(v) => Ok(*v),
        None => Err(vm.type_error(format_args!("const() takes exactly one argument (0 given)"))),
    }
}

/// `opt_level()` returns the level; `opt_level(n)` sets it (recorded only: the frozen code
/// was compiled on the host).
fn opt_level(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    no_kw(vm, "opt_level", a, 1)?;
    match a.pos.first() {
        None => Ok(Value::small_int(vm.opt_level as isize)),
        Some(v) => {
            let n = crate::runtime::index_arg_typed(vm, *v)?;
            vm.opt_level = n.clamp(0, 3) as u8;
            Ok(Value::NONE)
        }
    }
}

/// `mem_info([verbose])`: the heap's figures, in MicroPython's first lines' shape.
fn mem_info(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    no_kw(vm, "mem_info", a, 1)?;
    let st = vm.heap_stats();
    let mut b = FixedBuf::new();
    let _ = core::fmt::Write::write_fmt(
        &mut b,
        format_args!("GC: total: {}, used: {}, free: {}\n", st.total, st.used, st.free),
    );
    vm.write_out(b.as_str());
    if a.pos.first().is_some_and(|v| *v != Value::NONE && *v != Value::FALSE) {
        let mut b = FixedBuf::new();
        let _ =
            core::fmt::Write::write_fmt(&mut b, format_args!(" peak: {}, collections: {}\n", st.peak, st.collections));
        vm.write_out(b.as_str());
    }
    Ok(Value::NONE)
}

fn heap_lock(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    no_kw(vm, "heap_lock", a, 0)?;
    vm.heap_locked = vm.heap_locked.saturating_add(1);
    Ok(Value::NONE)
}

/// `heap_unlock()`: one level less; returns the remaining depth.
fn heap_unlock(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    no_kw(vm, "heap_unlock", a, 0)?;
    vm.heap_locked = vm.heap_locked.saturating_sub(1);
    Ok(Value::small_int(vm.heap_locked as isize))
}

fn heap_locked(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    no_kw(vm, "heap_locked", a, 0)?;
    Ok(Value::small_int(vm.heap_locked as isize))
}

/// `schedule(func, arg)`: call `func(arg)` at the next safe point (before the next
/// instruction, or at the next wake-up of a `time` wait).
fn schedule(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    no_kw(vm, "schedule", a, 2)?;
    if a.pos.len() != 2 {
        return Err(vm.type_error(format_args!("function takes 2 positional arguments but {} were given", a.pos.len())));
    }
    vm.schedule(a.pos[0], a.pos[1])?;
    Ok(Value::NONE)
}
