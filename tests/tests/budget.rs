//! Instruction budget and poll hook (`Vm::set_instruction_budget`, `Vm::set_poll_hook`):
//! a runaway script is stopped even if it catches `BaseException`, a poll hook can raise a
//! catchable `KeyboardInterrupt`, and the VM stays usable after a stopped run.

use frostbyte::Image;
use frostbyte::{Poll, Vm};
use frostbyte_tests::Capture;
use std::mem::MaybeUninit;

static SPIN: &Image = frostbyte::include_python!("../fixtures/budget/spin.py");
static SPIN_CATCH: &Image = frostbyte::include_python!("../fixtures/budget/spin_catch.py");
static NATIVE_SPIN: &Image = frostbyte::include_python!("../fixtures/budget/native_spin.py");
static RE_SPIN: &Image = frostbyte::include_python!("../fixtures/budget/re_spin.py");
static INTERRUPT: &Image = frostbyte::include_python!("../fixtures/budget/interrupt.py");
static AFTER: &Image = frostbyte::include_python!("../fixtures/budget/after.py");

/// The traceback of the failed run `r` (empty if it succeeded).
fn traceback(vm: &mut Vm<'_>, r: Result<(), frostbyte::Uncaught>) -> String {
    let mut tb = Capture::default();
    if let Err(e) = r {
        vm.print_exception_to(&e, &mut tb);
    }
    tb.0
}

fn new_heap() -> Vec<MaybeUninit<u8>> {
    vec![MaybeUninit::uninit(); 64 * 1024]
}

#[test]
fn budget_stops_an_endless_loop_and_the_vm_runs_again() {
    let mut mem = new_heap();
    let mut out = Capture::default();
    let vm = &mut Vm::new(&mut mem, &mut out);
    vm.add_image(SPIN).unwrap();
    vm.add_image(AFTER).unwrap();
    vm.set_instruction_budget(Some(100_000));
    let r = vm.run_main("spin");
    let e = r.expect_err("the budget stops the loop");
    assert_eq!(vm.exception_type_name(&e), "ExecutionStopped");
    assert_eq!(vm.instruction_budget(), Some(0));
    let tb = traceback(vm, Err(e));
    assert!(tb.ends_with("ExecutionStopped: instruction budget exhausted\n"), "{tb}");
    assert!(tb.contains("line 3,") || tb.contains("line 4,"), "{tb}");
    // Still exhausted: the next run stops at once, before printing anything.
    assert!(vm.run_main("after").is_err());
    // A fresh budget: the VM works again.
    vm.set_instruction_budget(Some(100_000));
    assert_eq!(vm.run_main("after"), Ok(()));
    let left = vm.instruction_budget().unwrap();
    assert!(left > 90_000 && left < 100_000, "{left}");
    vm.set_instruction_budget(None);
    assert_eq!(vm.run_main("after"), Ok(()));
    assert_eq!(out.0, "spinning\nafter: 4950\nafter: 4950\n");
}

#[test]
fn budget_cannot_be_swallowed_by_except_base_exception_or_finally() {
    let mut mem = new_heap();
    let mut out = Capture::default();
    {
        let mut vm = Vm::new(&mut mem, &mut out);
        vm.add_image(SPIN_CATCH).unwrap();
        vm.set_instruction_budget(Some(50_000));
        let r = vm.run_main("spin_catch");
        let e = r.expect_err("stopped");
        assert_eq!(vm.exception_type_name(&e), "ExecutionStopped");
    }
    // The handler and the finally block never get to print: they are stopped at their
    // first instruction.
    assert_eq!(out.0, "spinning\n");
}

#[test]
fn budget_counts_native_loops() {
    let mut mem = new_heap();
    let mut out = Capture::default();
    let mut vm = Vm::new(&mut mem, &mut out);
    vm.add_image(NATIVE_SPIN).unwrap();
    vm.set_instruction_budget(Some(1_000_000));
    let e = vm.run_main("native_spin").expect_err("stopped");
    assert_eq!(vm.exception_type_name(&e), "ExecutionStopped");
}

#[test]
fn budget_counts_regular_expression_steps() {
    let mut mem = new_heap();
    let mut out = Capture::default();
    let mut vm = Vm::new(&mut mem, &mut out);
    vm.add_image(RE_SPIN).unwrap();
    vm.set_instruction_budget(Some(20_000));
    let e = vm.run_main("re_spin").expect_err("stopped");
    // Not the matcher's own RuntimeError: 20,000 instructions are about 5 million steps.
    assert_eq!(vm.exception_type_name(&e), "ExecutionStopped");
}

#[test]
fn poll_hook_interrupt_is_catchable_and_stop_is_not() {
    let mut mem = new_heap();
    let mut out = Capture::default();
    let mut calls = 0u32;
    let mut hook = || {
        calls += 1;
        if calls == 3 {
            Poll::Interrupt
        } else {
            Poll::Continue
        }
    };
    {
        let mut vm = Vm::new(&mut mem, &mut out);
        vm.add_image(INTERRUPT).unwrap();
        vm.add_image(SPIN).unwrap();
        vm.add_image(AFTER).unwrap();
        vm.set_poll_hook(1000, &mut hook);
        assert_eq!(vm.run_main("interrupt"), Ok(()));
        assert_eq!(vm.run_main("after"), Ok(()));
    }
    assert_eq!(calls, 3);
    assert_eq!(out.0, "interrupted: KeyboardInterrupt True\nafter\nafter: 4950\n");

    let mut out = Capture::default();
    let mut calls = 0u32;
    let mut stop = || {
        calls += 1;
        if calls >= 5 {
            Poll::Stop
        } else {
            Poll::Continue
        }
    };
    {
        let mut vm = Vm::new(&mut mem, &mut out);
        vm.add_image(SPIN_CATCH).unwrap();
        vm.set_poll_hook(100, &mut stop);
        let e = vm.run_main("spin_catch").expect_err("stopped");
        assert_eq!(vm.exception_type_name(&e), "ExecutionStopped");
        let tb = traceback(&mut vm, Err(e));
        assert!(tb.ends_with("ExecutionStopped: stopped by the poll hook\n"), "{tb}");
        vm.clear_poll_hook();
        vm.set_instruction_budget(Some(10_000));
        let e = vm.run_main("spin_catch").expect_err("stopped by the budget");
        assert_eq!(vm.exception_type_name(&e), "ExecutionStopped");
    }
    assert_eq!(calls, 5);
    assert_eq!(out.0, "spinning\nspinning\n");
}
