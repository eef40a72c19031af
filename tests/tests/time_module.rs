//! The embedder's clock and interrupts into Python: MicroPython's `ticks_*` (CPython has
//! none, so they are tested here rather than in the corpus) under a fake [`Clock`],
//! `time._idle_us`, `micropython.schedule`, and a [`Signal`] raised from Rust (a native
//! function, another thread, the clock's idle hook) whose callback runs at the VM's next
//! check, never inside the raise.

use std::cell::Cell;
use std::mem::MaybeUninit;

use frostbyte::{Args, Clock, Error, Image, NativeFunction, NativeModule, Obj, Scope, Signal, Vm};
use frostbyte_tests::Capture;

static TICKS: &Image = frostbyte::include_python!("../fixtures/time/ticks.py", module = "ticks");
static SIG: &Image = frostbyte::include_python!("../fixtures/time/sig.py", module = "sig");

/// Time stands still until the VM idles; `idle` jumps to its deadline (an "interrupt"
/// raising `on_forever` when there is none).
struct FakeClock {
    now: Cell<u64>,
    idles: Cell<u32>,
    on_forever: Option<&'static Signal>,
}

impl FakeClock {
    fn new(start: u64) -> Self {
        FakeClock { now: Cell::new(start), idles: Cell::new(0), on_forever: None }
    }
}

impl Clock for FakeClock {
    fn ticks_us(&self) -> u64 {
        self.now.get()
    }
    fn idle(&self, until: u64) {
        self.idles.set(self.idles.get() + 1);
        if until == u64::MAX {
            self.now.set(self.now.get() + 123);
            if let Some(s) = self.on_forever {
                s.raise();
            }
        } else {
            self.now.set(until);
        }
    }
}

#[test]
fn ticks_sleep_idle_and_schedule_under_a_fake_clock() {
    let clock = FakeClock::new(((1 << 30) - 5) * 1000);
    let mut mem = vec![MaybeUninit::<u8>::uninit(); 64 * 1024];
    let mut out = Capture::default();
    let ok = {
        let mut vm = Vm::new(&mut mem, &mut out);
        vm.set_clock(&clock);
        vm.add_image(TICKS).expect("image accepted");
        let r = vm.run_main("ticks");
        if let Err(e) = &r {
            vm.print_exception(e);
        }
        r.is_ok()
    };
    assert!(ok, "{}", out.0);
    let want = "\
True
True
5 10 -10
250
500000
0 True True
-536870912 -536870912 536870911
5 -5
OverflowError: ticks interval overflow
OverflowError: ticks interval overflow
True True
0
OSError: this clock has no wall time (Clock::wall_us)
(1970, 1, 1)
idle 1000
at the next instruction: ['a']
RuntimeError: schedule queue full
idle with work pending 0 ['a']
['a', 0, 1, 2, 3, 4, 5, 6, 7]
caught: from callback 1
in sleep
";
    assert_eq!(out.0, want);
}

#[test]
fn time_without_a_clock_raises_but_pure_functions_work() {
    static NO_CLOCK: &Image = frostbyte::include_python!("../fixtures/time/no_clock.py", module = "no_clock");
    let mut mem = vec![MaybeUninit::<u8>::uninit(); 32 * 1024];
    let mut out = Capture::default();
    {
        let mut vm = Vm::new(&mut mem, &mut out);
        vm.add_image(NO_CLOCK).expect("image accepted");
        assert!(vm.run_main("no_clock").is_ok());
    }
    assert_eq!(
        out.0,
        "OSError: time needs a clock; install one with Vm::set_clock\n\
         OSError: time needs a clock; install one with Vm::set_clock\n\
         OSError: time needs a clock; install one with Vm::set_clock\n\
         3 -2 (2001, 9, 9) 1000000000.0\n"
    );
}

static BUTTON: Signal = Signal::new();
static FROM_THREAD: Signal = Signal::new();

fn raise_button<'s>(s: &mut Scope<'s>, _a: Args<'s>) -> Result<Obj<'s>, Error> {
    // What an interrupt handler does: no VM access, no allocation.
    BUTTON.raise();
    Ok(s.none())
}

fn start_thread<'s>(s: &mut Scope<'s>, _a: Args<'s>) -> Result<Obj<'s>, Error> {
    std::thread::spawn(|| {
        std::thread::sleep(std::time::Duration::from_millis(20));
        FROM_THREAD.raise();
    });
    Ok(s.none())
}

static BOARD: NativeModule = NativeModule::new(
    "board",
    &[NativeFunction::new("raise_button", raise_button), NativeFunction::new("start_thread", start_thread)],
);

#[test]
fn signal_callbacks_run_at_the_next_check() {
    let mut clock = FakeClock::new(0);
    clock.on_forever = Some(&BUTTON);
    let mut mem = vec![MaybeUninit::<u8>::uninit(); 64 * 1024];
    let mut out = Capture::default();
    let mut vm = Vm::new(&mut mem, &mut out);
    vm.set_clock(&clock);
    vm.add_module(&BOARD).expect("module added");
    vm.add_image(SIG).expect("image accepted");
    let (max_n, fired, caught, idle) = vm
        .scope(|s| -> Result<_, Error> {
            let m = s.import("sig")?;
            let cb = m.getattr(s, "on_button")?;
            s.on_signal(&BUTTON, cb)?;
            s.on_signal(&FROM_THREAD, cb)?;
            // Raised from a native function: the callback runs within one check interval.
            let spin = m.getattr(s, "spin")?;
            let mut max_n = 0;
            for _ in 0..200 {
                let n: i64 = spin.call(s, ())?.extract(s)?;
                max_n = max_n.max(n);
            }
            assert!(!BUTTON.is_raised());
            // Raised by another thread while Python spins.
            let w = m.getattr(s, "wait_for_thread")?;
            let fired: i64 = w.call(s, ())?.extract(s)?;
            // The clock's idle hook raises it: `_idle_us(-1)` returns, the callback runs.
            let idle = m.getattr(s, "idle_forever")?;
            let idle: i64 = idle.call(s, ())?.extract(s)?;
            // A callback's exception propagates into the code that was running.
            let bad = m.getattr(s, "bad")?;
            s.on_signal(&BUTTON, bad)?;
            let sc = m.getattr(s, "spin_catch")?;
            let caught: String = sc.call(s, ())?.extract(s)?;
            // None unregisters: a raise then runs nothing.
            let none = s.none();
            s.on_signal(&BUTTON, none)?;
            BUTTON.raise();
            let _ = s.builtin("len")?.call(s, ("abc",))?;
            Ok((max_n, fired, caught, idle))
        })
        .expect("no error");
    // `while not fired: n += 1` is 7 instructions per iteration (`frostbyte dis`), and the
    // check comes every SIGNAL_CHECK_EVERY = 64 instructions: at most 10 iterations.
    assert!(max_n <= 10, "{max_n}");
    eprintln!("signal latency: at most {max_n} loop iterations of 7 instructions");
    assert_eq!(fired, 1);
    assert_eq!(idle, 1);
    assert_eq!(caught, "KeyError('from signal')");
    assert!(clock.idles.get() >= 1);
}

/// Sleeps in 1 ms steps (as a firmware clock woken by a 1 ms timer interrupt).
struct StepClock(Cell<u64>);

impl Clock for StepClock {
    fn ticks_us(&self) -> u64 {
        self.0.get()
    }
    fn idle(&self, until: u64) {
        self.0.set(until.min(self.0.get() + 1000));
    }
}

#[test]
fn the_poll_hook_reaches_a_sleeping_script() {
    static SLEEPY: &Image = frostbyte::include_python!("../fixtures/time/sleepy.py", module = "sleepy");
    let clock = StepClock(Cell::new(0));
    let mut mem = vec![MaybeUninit::<u8>::uninit(); 32 * 1024];
    let mut out = Capture::default();
    let mut calls = 0u32;
    // Wake-ups 1..=50 continue, the 51st interrupts, from the 100th on the run is stopped.
    let mut hook = || {
        calls += 1;
        match calls {
            51 => frostbyte::Poll::Interrupt,
            c if c >= 100 => frostbyte::Poll::Stop,
            _ => frostbyte::Poll::Continue,
        }
    };
    let stopped = {
        let mut vm = Vm::new(&mut mem, &mut out);
        vm.set_clock(&clock);
        vm.set_poll_hook(1_000_000, &mut hook);
        vm.add_image(SLEEPY).expect("image accepted");
        let r = vm.run_main("sleepy");
        r.as_ref().err().map(|e| vm.exception_type_name(e).to_string())
    };
    assert_eq!(out.0, "interrupted after 51 ms\n");
    assert_eq!(stopped.as_deref(), Some("ExecutionStopped"));
    assert_eq!(clock.0.get(), 100_000);
}
