//! `micropython`: MicroPython's module as its documentation describes it, where it makes
//! sense here: `const` (identity at run time), `opt_level`, `mem_info`, `heap_lock`,
//! `heap_unlock` and `heap_locked`. While the heap is locked every allocation raises
//! MemoryError; unlike MicroPython that includes calling a Python function (frames are heap
//! objects here), so only native calls work under the lock. `schedule(func, arg)` queues
//! `func(arg)` for the interpreter's next safe point (`vm/src/sched.rs`; at most
//! `SCHEDULE_DEPTH` = 8 waiting, RuntimeError "schedule queue full" beyond).
//! `qstr_info` reports an empty pool (every qstr is in ROM: nothing is interned at run
//! time), `stack_use` the native stack used below the embedder's call into the VM,
//! `alloc_emergency_exception_buf` is accepted and does nothing (the MemoryError raised on
//! an exhausted heap is made when the VM starts), and so is `kbd_intr(chr)` (the VM reads
//! no console input: the embedder raises KeyboardInterrupt through a
//! `Signal` if it wants one).

use crate::obj::Args;
use crate::value::Value;
use crate::vm::{FixedBuf, PyResult, Vm};

rom_module!("micropython",
    fns: [const_ as "const", opt_level, mem_info, qstr_info, stack_use, heap_lock, heap_unlock, heap_locked,
          alloc_emergency_exception_buf, kbd_intr, schedule],
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

/// `mem_info([verbose])`: the native stack and heap figures, in MicroPython's first lines'
/// shape.
fn mem_info(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    no_kw(vm, "mem_info", a, 1)?;
    let st = vm.heap_stats();
    let mut b = FixedBuf::new();
    let _ = core::fmt::Write::write_fmt(
        &mut b,
        format_args!(
            "stack: {} out of {}\nGC: total: {}, used: {}, free: {}\n",
            vm.stack_used(),
            vm.stack_limit(),
            st.total,
            st.used,
            st.free
        ),
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

/// `qstr_info([verbose])`: MicroPython's summary line of the run-time qstr pool, which is
/// always empty here.
fn qstr_info(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    no_kw(vm, "qstr_info", a, 1)?;
    vm.write_out("qstr pool: n_pool=0, n_qstr=0, n_str_data_bytes=0, n_total_bytes=0\n");
    Ok(Value::NONE)
}

/// `stack_use()`: bytes of native stack in use.
fn stack_use(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    no_kw(vm, "stack_use", a, 0)?;
    crate::obj::int::from_i64(vm, vm.stack_used() as i64)
}

/// `alloc_emergency_exception_buf(size)`: nothing to do (see the module doc).
fn alloc_emergency_exception_buf(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    no_kw(vm, "alloc_emergency_exception_buf", a, 1)?;
    let Some(n) = a.pos.first() else {
        return Err(vm.type_error(format_args!("function takes 1 positional arguments but 0 were given")));
    };
    crate::runtime::index_arg_typed(vm, *n)?;
    Ok(Value::NONE)
}

/// `kbd_intr(chr)`: the interrupt character, -1 to disable (accepted, see the module doc).
fn kbd_intr(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    no_kw(vm, "kbd_intr", a, 1)?;
    let Some(c) = a.pos.first() else {
        return Err(vm.type_error(format_args!("function takes 1 positional arguments but 0 were given")));
    };
    crate::runtime::index_arg_typed(vm, *c)?;
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
