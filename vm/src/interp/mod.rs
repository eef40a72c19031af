//! The interpreter loop: fetch, decode and dispatch only. [`exec`]'s `match` is a table
//! of one-line arms calling the handlers, grouped by family:
//!
//! | module | instructions |
//! |---|---|
//! | `stack` | `Nop`, `PopTop`, `Copy`, `Swap`, constants |
//! | `ops` | `BinaryOp`, `UnaryOp`, `CompareOp`, subscripts |
//! | `names` | fast locals, cells, globals, `*Name`, attributes, `LoadMethod`, imports |
//! | `build` | `Build*`, `FormatValue`, `ListAppend`.., unpacking, `Match*`, functions, classes |
//! | `flow` | jumps, `GetIter`, `ForIter` |
//! | `call` | `Call*`, `ReturnValue` |
//! | `except` | `RaiseVarargs`, `Reraise`, `PushExcInfo`, `PopExcept`, `Check*Match`, `except*` |
//! | `gen` | `YieldValue`, `Send`, `await`/`async for` helpers, `with` |
//!
//! A handler decodes its operands with [`operand`] and sets the frame's `ip` past the
//! instruction before anything that can raise or call. Handlers stay thin: the semantics
//! live in `runtime`, `call`, `coro`, `import` and the object modules. Most return
//! `PyResult<()>`; the two that can leave the loop (`ReturnValue`, `YieldValue`) return a
//! [`Flow`]. Handlers that link or unlink a frame need no signal: the loop compares
//! `vm.frame` with the frame it runs before every instruction.
//!
//! **Fast paths** (issue 14): operators on two small ints or two exact floats (`ops`), a
//! `CompareOp` of that kind followed by `PopJumpIf*` runs the jump at once (still counted
//! as its own instruction by `vm.tick`, with its own `last_ip`), truth tests of bools,
//! None and small ints (`flow`), `ForIter` over range, list and tuple iterators (`flow`),
//! and positional calls of plain Python functions and their bound methods with exactly
//! their parameter count, bound straight into the new frame (`call`).
//!
//! **Stackless.** Python-to-Python calls (including `__init__` and generators resumed by
//! `for`) link a new heap frame into the chain and continue in the same loop. Native code
//! calling back into Python (`sorted(key=f)`, `__eq__` from a dict) enters [`run`]
//! again; that nesting is bounded by the native stack guard (`Vm::stack_guard`:
//! RecursionError once the native stack used passes `Vm::set_native_stack_limit`).
//!
//! **Exceptions.** A failing instruction adds a traceback entry for its frame (except
//! re-raises) and looks up the frame's exception table; without a handler the frame is
//! popped and the exception propagates to the caller, whose failing instruction is the call.

use frostbyte_format::exctable;
use frostbyte_format::linetable;
use frostbyte_format::op::Op;
use frostbyte_format::varint;

use crate::obj::frame::{fl, FramePtr};
use crate::obj::{self, exception as exc, generator};
use crate::value::Value;
use crate::vm::{PyResult, Recursion, Vm};

mod build;
mod call;
mod except;
mod flow;
mod gen;
mod names;
mod ops;
mod stack;

/// How the entry frame of a loop finished.
pub enum Exit {
    /// It returned a value.
    Return(Value),
    /// It (a generator) yielded a value.
    Yield(Value),
}

/// What the loop does after a handler that can leave it.
enum Flow {
    /// Go on with the next instruction of the innermost frame (`vm.frame`, re-read).
    Next,
    /// Leave the loop: the entry frame returned or yielded.
    Exit(Exit),
}

/// Link `f` as the innermost frame. RecursionError beyond the limit.
///
/// `saved_handled` of a linked frame is the caller's handled exception, restored when the
/// frame exits. A suspended generator frame holds its *own* handled exception there
/// instead (NULL: none of its own; see `YieldValue`), like CPython's `gi_exc_state`: the
/// two are swapped on every resume and yield.
fn link(vm: &mut Vm<'_>, f: FramePtr) -> PyResult<()> {
    if vm.depth >= vm.recursion_limit {
        return Err(vm.raise_msg(&exc::RECURSION_ERROR_TYPE, "maximum recursion depth exceeded"));
    }
    f.set_back(vm.frame);
    let own = f.saved_handled();
    f.set_saved_handled(vm.handled);
    if !own.is_null() {
        vm.handled = own;
    }
    vm.frame = f;
    vm.depth += 1;
    Ok(())
}

/// Unlink the innermost frame `f`.
fn unlink(vm: &mut Vm<'_>, f: FramePtr) {
    vm.frame = f.back();
    f.set_back(FramePtr::NULL);
    vm.depth = vm.depth.saturating_sub(1);
}

/// Run `entry` (already bound) until it returns or yields. `throw`: raise this exception at
/// the frame's current instruction first (generator.throw). May collect.
pub fn run(vm: &mut Vm<'_>, entry: FramePtr, throw: Value) -> PyResult<Exit> {
    if let Err(e) = vm.stack_guard(Recursion::Plain).and_then(|()| link(vm, entry)) {
        if let Some(g) = generator::as_gen(entry.gen()) {
            g.state.set(generator::state::SUSPENDED);
        }
        return Err(e);
    }
    entry.set_flags((entry.flags() | fl::ENTRY) & !(fl::FOR_ITER | fl::SEND));
    let base = vm.roots_mark();
    let mut first_err = if throw.is_null() { None } else { Some(vm.raise(throw)) };
    let r = loop {
        let res = match first_err.take() {
            Some(e) => Err(e),
            None => exec(vm, entry, base),
        };
        match res {
            Ok(exit) => break Ok(exit),
            Err(e) => {
                vm.pop_roots(base);
                if !unwind(vm, entry) {
                    break Err(e);
                }
            }
        }
    };
    vm.pop_roots(base);
    r
}

/// Handle the pending exception: find a handler in the frames down to `entry`.
/// Returns true if execution continues at a handler, false if `entry` was popped.
fn unwind(vm: &mut Vm<'_>, entry: FramePtr) -> bool {
    loop {
        let f = vm.frame;
        let exc_v = vm.pending;
        let code = f.code();
        if !core::mem::replace(&mut vm.skip_tb, false) {
            let line = linetable::line_for(code.line_table(), code.first_line(), f.last_ip() as usize);
            exc::add_traceback(vm, exc_v, code, line);
        }
        let exc_v = vm.pending;
        if let Some(h) = exctable::find(code.exc_table(), f.last_ip()) {
            f.set_sp(h.depth.min(f.stack_cap()));
            f.push(exc_v);
            f.set_ip(h.handler);
            // The handler starts with the exception on the stack.
            vm.pending = Value::NULL;
            return true;
        }
        let flags = f.flags();
        vm.handled = f.saved_handled();
        unlink(vm, f);
        let is_entry = f == entry || flags & fl::ENTRY != 0;
        if flags & fl::GEN != 0 {
            if let Some(g) = generator::as_gen(f.gen()) {
                g.state.set(generator::state::DONE);
            }
            f.set_flags(flags & !(fl::FOR_ITER | fl::SEND | fl::ENTRY));
            let gen = f.gen();
            let stop_async =
                obj::async_gen::is_async_gen(gen) && obj::is_instance(exc_v, &exc::STOP_ASYNC_ITERATION_TYPE);
            if stop_async || obj::is_instance(exc_v, &exc::STOP_ITERATION_TYPE) {
                // PEP 479 / 525: StopIteration escaping a generator (StopAsyncIteration an
                // async generator) becomes RuntimeError.
                let what = if stop_async { "StopAsyncIteration" } else { "StopIteration" };
                let _ = vm.raise_fmt(&exc::RUNTIME_ERROR_TYPE, format_args!("{} raised {what}", generator::word(gen)));
                let new = vm.pending;
                exc::set_cause(vm, new, exc_v);
                exc::set_context(vm, new, exc_v);
                if let Some(x) = exc::as_exc(new) {
                    x.suppress.set(0);
                }
            }
        } else {
            vm.free(f.as_value().as_ptr());
        }
        if is_entry {
            return false;
        }
    }
}

/// Decode the operand at `*pc` and step past it. Most operands are below 128: one byte,
/// no loop.
#[inline(always)]
fn operand(code: &[u8], pc: &mut usize) -> usize {
    match code.get(*pc) {
        Some(&b) if b < 0x80 => {
            *pc += 1;
            b as usize
        }
        _ => varint::decode_u(code, pc).unwrap_or(0) as usize,
    }
}

fn exec(vm: &mut Vm<'_>, entry: FramePtr, base: usize) -> PyResult<Exit> {
    // The running frame and its bytecode, re-read only when a handler switched frames
    // (calls, returns, yields, generator resumes). A frame is freed only when it returns,
    // and nothing is allocated after that in the same handler, so a new frame never takes
    // the address of the cached one between two checks.
    let mut f = vm.frame;
    let mut bc = f.code().bytecode();
    loop {
        vm.roots_len = base;
        if vm.frame != f {
            f = vm.frame;
            bc = f.code().bytecode();
        }
        let start = f.ip() as usize;
        f.set_last_ip(start as u32);
        vm.tick()?;
        let Some(&opb) = bc.get(start) else {
            return Err(vm.raise_msg(&exc::SYSTEM_ERROR_TYPE, "bytecode ran off the end"));
        };
        let Some(op) = Op::from_u8(opb) else {
            return Err(vm.raise_msg(&exc::SYSTEM_ERROR_TYPE, "bad opcode"));
        };
        let pc = start + 1;
        match op {
            Op::Nop => stack::nop(f, pc),
            Op::PopTop => stack::pop_top(f, pc),
            Op::Copy => stack::copy(f, bc, pc),
            Op::Swap => stack::swap(f, bc, pc),
            Op::LoadConst => stack::load_const(f, bc, pc),
            Op::LoadSmallInt => stack::load_small_int(f, bc, pc),
            Op::LoadNone => stack::load_value(f, pc, Value::NONE),
            Op::LoadTrue => stack::load_value(f, pc, Value::TRUE),
            Op::LoadFalse => stack::load_value(f, pc, Value::FALSE),
            Op::LoadFast => names::load_fast(vm, f, bc, pc)?,
            Op::StoreFast => names::store_fast(f, bc, pc),
            Op::DeleteFast => names::delete_fast(vm, f, bc, pc)?,
            Op::LoadDeref => names::load_deref(vm, f, bc, pc)?,
            Op::StoreDeref => names::store_deref(f, bc, pc),
            Op::DeleteDeref => names::delete_deref(vm, f, bc, pc)?,
            Op::LoadClosure => names::load_closure(f, bc, pc),
            Op::MakeCell => names::make_cell(vm, f, bc, pc)?,
            Op::LoadGlobal => names::load_global(vm, f, bc, pc)?,
            Op::StoreGlobal => names::store_global(vm, f, bc, pc)?,
            Op::DeleteGlobal => names::delete_global(vm, f, bc, pc)?,
            Op::LoadName => names::load_name(vm, f, bc, pc)?,
            Op::StoreName => names::store_name(vm, f, bc, pc)?,
            Op::DeleteName => names::delete_name(vm, f, bc, pc)?,
            Op::LoadAttr => names::load_attr(vm, f, bc, pc)?,
            Op::StoreAttr => names::store_attr(vm, f, bc, pc)?,
            Op::DeleteAttr => names::delete_attr(vm, f, bc, pc)?,
            Op::LoadMethod => names::load_method(vm, f, bc, pc)?,
            Op::BinarySubscr => ops::binary_subscr(vm, f, pc)?,
            Op::StoreSubscr => ops::store_subscr(vm, f, pc)?,
            Op::DeleteSubscr => ops::delete_subscr(vm, f, pc)?,
            Op::BinaryOp => ops::binary_op(vm, f, bc, pc)?,
            Op::UnaryOp => ops::unary_op(vm, f, bc, pc)?,
            Op::CompareOp => ops::compare_op(vm, f, bc, pc)?,
            Op::Jump => flow::jump(f, bc, pc),
            Op::PopJumpIfFalse => flow::pop_jump_if(vm, f, bc, pc, false)?,
            Op::PopJumpIfTrue => flow::pop_jump_if(vm, f, bc, pc, true)?,
            Op::JumpIfFalseOrPop => flow::jump_if_or_pop(vm, f, bc, pc, false)?,
            Op::JumpIfTrueOrPop => flow::jump_if_or_pop(vm, f, bc, pc, true)?,
            Op::GetIter => flow::get_iter(vm, f, pc)?,
            Op::ForIter => flow::for_iter(vm, f, bc, pc)?,
            Op::BuildTuple => build::build_tuple(vm, f, bc, pc)?,
            Op::BuildList => build::build_list(vm, f, bc, pc)?,
            Op::BuildSet => build::build_set(vm, f, bc, pc)?,
            Op::BuildMap => build::build_map(vm, f, bc, pc)?,
            Op::BuildSlice => build::build_slice(vm, f, bc, pc)?,
            Op::BuildString => build::build_string(vm, f, bc, pc)?,
            Op::FormatValue => build::format_value(vm, f, bc, pc)?,
            Op::ListAppend => build::add_to(vm, f, bc, pc, build::Collect::ListAppend)?,
            Op::SetAdd => build::add_to(vm, f, bc, pc, build::Collect::SetAdd)?,
            Op::ListExtend => build::add_to(vm, f, bc, pc, build::Collect::ListExtend)?,
            Op::SetUpdate => build::add_to(vm, f, bc, pc, build::Collect::SetUpdate)?,
            Op::DictUpdate => build::add_to(vm, f, bc, pc, build::Collect::DictUpdate)?,
            Op::DictMerge => build::add_to(vm, f, bc, pc, build::Collect::DictMerge)?,
            Op::MapAdd => build::map_add(vm, f, bc, pc)?,
            Op::ListToTuple => build::list_to_tuple(vm, f, pc)?,
            Op::UnpackSequence => build::unpack_sequence(vm, f, bc, pc)?,
            Op::UnpackEx => build::unpack_ex(vm, f, bc, pc)?,
            Op::MatchSequence => build::match_kind(f, pc, false),
            Op::MatchMapping => build::match_kind(f, pc, true),
            Op::GetLen => build::get_len(vm, f, pc)?,
            Op::MatchKeys => build::match_keys(vm, f, pc)?,
            Op::MatchClass => build::match_class(vm, f, bc, pc)?,
            Op::MakeFunction => build::make_function(vm, f, bc, pc)?,
            Op::MakeRomFunction => build::make_rom_function(vm, f, bc, pc)?,
            Op::BuildClass => build::build_class(vm, f, bc, pc)?,
            Op::BuildRomClass => build::build_rom_class(vm, f, bc, pc)?,
            Op::Call => call::call(vm, f, bc, pc)?,
            Op::CallKw => call::call_kw(vm, f, bc, pc)?,
            Op::CallMethod => call::call_method(vm, f, bc, pc)?,
            Op::CallMethodKw => call::call_method_kw(vm, f, bc, pc)?,
            Op::CallEx => call::call_ex(vm, f, bc, pc)?,
            Op::ReturnValue => {
                if let Flow::Exit(x) = call::return_value(vm, f, pc, entry)? {
                    return Ok(x);
                }
            }
            Op::YieldValue => {
                if let Flow::Exit(x) = gen::yield_value(vm, f, pc, entry) {
                    return Ok(x);
                }
            }
            Op::RaiseVarargs => except::raise_varargs(vm, f, bc, pc)?,
            Op::PushExcInfo => except::push_exc_info(vm, f, pc),
            Op::PopExcept => except::pop_except(vm, f, pc),
            Op::CheckExcMatch => except::check_exc_match(vm, f, pc)?,
            Op::CheckEgMatch => except::check_eg_match(vm, f, pc)?,
            Op::PrepReraiseStar => except::prep_reraise_star(vm, f, pc)?,
            Op::Reraise => except::reraise(vm, f, pc)?,
            Op::LoadAssertionError => except::load_assertion_error(f, pc),
            Op::ImportName => names::import_name(vm, f, bc, pc)?,
            Op::ImportFrom => names::import_from(vm, f, bc, pc)?,
            Op::ImportStar => names::import_star(vm, f, pc)?,
            Op::BeforeWith => gen::before_with(vm, f, pc, false)?,
            Op::BeforeAsyncWith => gen::before_with(vm, f, pc, true)?,
            Op::WithExceptStart => gen::with_except_start(vm, f, pc)?,
            Op::GetYieldFromIter => gen::get_yield_from_iter(vm, f, pc)?,
            Op::GetAwaitable => gen::get_awaitable(vm, f, bc, pc)?,
            Op::Send => gen::send(vm, f, bc, pc)?,
            Op::GetAIter => gen::get_aiter(vm, f, pc)?,
            Op::GetANext => gen::get_anext(vm, f, pc)?,
            Op::EndAsyncFor => gen::end_async_for(vm, f, pc)?,
            Op::AsyncGenWrap => gen::async_gen_wrap(f, pc),
        }
    }
}
