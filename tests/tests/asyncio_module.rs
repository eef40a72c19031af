//! The parts of `asyncio` CPython lacks (MicroPython's `sleep_ms`, `wait_for_ms` and
//! `ThreadSafeFlag`, set from an interrupt's callback), under a fake clock where time passes
//! only when the loop idles; and what tasks cost in heap. The CPython-compatible API is
//! tested by the corpus (`tests/corpus/asyncio_*.py`). Run with `--nocapture` for the figures:
//!
//! ```text
//! cargo test -p frostbyte-tests --test asyncio_module -- --nocapture
//! ```

use std::cell::Cell;
use std::mem::MaybeUninit;

use frostbyte::{Clock, Error, Image, Signal, Vm};
use frostbyte_tests::Capture;

static MP: &Image = frostbyte::include_python!("../fixtures/asyncio/mp.py", module = "mp");
static HEAP: &Image = frostbyte::include_python!("../fixtures/asyncio/heap.py", module = "heap");

/// Time stands still until the VM idles; `idle` jumps to its deadline, except that an
/// "interrupt" raises `irq` at `irq_at` (once) and, with no deadline, every time.
struct FakeClock {
    now: Cell<u64>,
    irq_at: Cell<Option<u64>>,
    irq: &'static Signal,
    idles: Cell<u32>,
}

impl Clock for FakeClock {
    fn ticks_us(&self) -> u64 {
        self.now.get()
    }
    fn idle(&self, until: u64) {
        self.idles.set(self.idles.get() + 1);
        match self.irq_at.get() {
            Some(t) if t <= until => {
                self.now.set(t.max(self.now.get()));
                self.irq_at.set(None);
                self.irq.raise();
            }
            _ if until == u64::MAX => {
                self.now.set(self.now.get() + 1000);
                self.irq.raise();
            }
            _ => self.now.set(until),
        }
    }
}

static BUTTON: Signal = Signal::new();

#[test]
fn sleep_ms_wait_for_ms_and_thread_safe_flag() {
    let clock = FakeClock { now: Cell::new(0), irq_at: Cell::new(Some(15_000)), irq: &BUTTON, idles: Cell::new(0) };
    let mut mem = vec![MaybeUninit::<u8>::uninit(); 64 * 1024];
    let mut out = Capture::default();
    {
        let mut vm = Vm::new(&mut mem, &mut out);
        vm.set_clock(&clock);
        vm.add_image(MP).expect("image accepted");
        vm.scope(|s| {
            let m = s.import("mp")?;
            let cb = m.getattr(s, "on_button")?;
            s.on_signal(&BUTTON, cb)?;
            m.getattr(s, "run")?.call(s, ())?;
            Ok::<(), Error>(())
        })
        .unwrap_or_else(|e| panic!("{e:?}"));
    }
    let want = "\
['c', 'a', 'b']
True [('a', 10), ('flag', 15), ('b', 20), ('c', 30)]
in time
timeout at 55
[('in time', 35), ('set by a task', 55), ('idle forever', 56)] 56
ok
";
    assert_eq!(out.0, want);
}

/// A task's heap, and the asyncio module's: printed, and bounded so growth is noticed.
#[test]
fn heap_per_task() {
    let word = std::mem::size_of::<usize>();
    let clock = FakeClock { now: Cell::new(0), irq_at: Cell::new(None), irq: &BUTTON, idles: Cell::new(0) };
    let mut mem = vec![MaybeUninit::<u8>::uninit(); 128 * 1024];
    let mut out = Capture::default();
    let (import_cost, census) = {
        let mut vm = Vm::new(&mut mem, &mut out);
        vm.set_clock(&clock);
        vm.add_image(HEAP).expect("image accepted");
        vm.import("gc").expect("gc");
        vm.import("time").expect("time");
        vm.collect();
        let base = vm.heap_stats().used;
        vm.import("asyncio").expect("asyncio imports");
        vm.collect();
        let cost = vm.heap_stats().used - base;
        let census = vm.heap_census_table();
        vm.import("heap").expect("heap.py runs");
        (cost, census)
    };
    let figures: Vec<usize> = out.0.split_whitespace().map(|w| w.parse().expect("a number")).collect();
    let [coro, created, sleeping] = figures[..] else { panic!("{}", out.0) };
    eprintln!("== {}-bit: import asyncio retains {import_cost} B\n{census}", word * 8);
    eprintln!(
        "coroutine of `async def idle(): await asyncio.sleep_ms(..)`: {coro} B; \
         a created task (with its coroutine): {created} B; a sleeping task: {sleeping} B"
    );
    // 32-bit: about half of these (layouts are words).
    assert!(sleeping <= coro + 24 * word, "a sleeping task costs {sleeping} B");
    assert!(import_cost <= 1024 * word, "import asyncio retains {import_cost} B");
}
