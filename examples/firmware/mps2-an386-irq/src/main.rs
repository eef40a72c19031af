//! Frostbyte on QEMU `mps2-an386` (cortex-m4): a hardware timer interrupt wakes an asyncio
//! task through a `ThreadSafeFlag` (`python/main.py`).
//!
//! The native `irq` module runs the CMSDK APB timer 0 (0x4000_0000, interrupt 8, 25 MHz
//! peripheral clock on QEMU's MPS2 boards). Its interrupt handler follows the interrupt rule
//! (README, "Time and interrupts"): it acknowledges the timer, counts the interrupt in an
//! atomic and calls [`Signal::raise`], nothing else: no heap, no VM. The VM runs the Python
//! callback registered for the signal (`irq.start(period_us, callback)`, through
//! `Scope::on_signal`) at its next safe point; the callback sets the flag, and the event loop,
//! which idles in `time._idle_us(-1)` (the SysTick clock's `idle`: `WFI`) while no task is
//! ready, polls the flag and resumes the waiting task.
//!
//! `irq.mark(i)` records how long ago the last interrupt was, in ticks of timer 1 (free-running
//! at 25 MHz, read by the handler and by `mark`): `mark(0)` in the callback gives the latency
//! from the interrupt to Python, `mark(1)` in the task the latency to the task's resumption.
//! The `[footprint]` report prints their maximum and mean, and the interrupts taken.
#![no_std]
#![no_main]

use core::sync::atomic::{AtomicU32, Ordering};

use frostbyte::Signal;
use semihosting as _; // panic handler: print and exit with failure
use semihosting::io::Write as _;

include!(concat!(env!("OUT_DIR"), "/frostbyte_frozen.rs"));

const HEAP_SIZE: usize = 32 * 1024;
/// QEMU's MPS2 core and peripheral clock (kHz).
const CLOCK_KHZ: u32 = 25_000;

/// Raised by the timer's interrupt handler; `irq.start` gives it a Python callback.
static TIMER_SIGNAL: Signal = Signal::new();
/// Interrupts taken since `irq.start` (written only by the handler).
static INTERRUPTS: AtomicU32 = AtomicU32::new(0);

/// Timer 1's value when the handler last ran (it counts down).
static STAMP: AtomicU32 = AtomicU32::new(0);
/// Interrupts taken over all runs of the timer, for the report.
static TOTAL_INTERRUPTS: AtomicU32 = AtomicU32::new(0);

/// CMSDK APB timers 0 (the interrupt) and 1 (the stopwatch) and their registers.
const TIMER0: usize = 0x4000_0000;
const TIMER1: usize = 0x4000_1000;
const CTRL: usize = 0x0;
const VALUE: usize = 0x4;
const RELOAD: usize = 0x8;
const INTCLEAR: usize = 0xC;
const CTRL_ENABLE: u32 = 1;
const CTRL_IRQ_ENABLE: u32 = 1 << 3;
/// Its interrupt line on the NVIC.
const TIMER0_IRQ: i16 = 8;
/// NVIC set-enable, clear-enable and clear-pending registers of interrupts 0-31.
const NVIC_ISER0: *mut u32 = 0xE000_E100 as *mut u32;
const NVIC_ICER0: *mut u32 = 0xE000_E180 as *mut u32;
const NVIC_ICPR0: *mut u32 = 0xE000_E280 as *mut u32;

fn timer0(off: usize) -> *mut u32 {
    (TIMER0 + off) as *mut u32
}

fn timer1(off: usize) -> *mut u32 {
    (TIMER1 + off) as *mut u32
}

/// Timer 1's current value.
fn stopwatch() -> u32 {
    // SAFETY: reading timer 1's value register (only `main` writes timer 1, before Python runs).
    unsafe { timer1(VALUE).read_volatile() }
}

#[cortex_m_rt::exception]
fn SysTick() {
    firmware_common::clock::systick_handler();
}

/// Every device interrupt lands here (no PAC: cortex-m-rt binds the whole vector table to the
/// default handler). Timer 0's: acknowledge, count, raise the signal. Interrupt context: no
/// heap, no VM.
#[cortex_m_rt::exception]
unsafe fn DefaultHandler(irqn: i16) {
    if irqn != TIMER0_IRQ {
        panic!("unexpected interrupt {irqn}");
    }
    STAMP.store(stopwatch(), Ordering::Relaxed);
    // SAFETY: timer 0's interrupt clear register; only `irq.start`/`irq.stop` (with the
    // interrupt masked at the NVIC) and this handler write the timer.
    unsafe { timer0(INTCLEAR).write_volatile(1) };
    // Loads and stores: the only writer is this handler (one priority level).
    INTERRUPTS.store(INTERRUPTS.load(Ordering::Relaxed).wrapping_add(1), Ordering::Relaxed);
    TOTAL_INTERRUPTS.store(TOTAL_INTERRUPTS.load(Ordering::Relaxed).wrapping_add(1), Ordering::Relaxed);
    TIMER_SIGNAL.raise();
}

/// Latency records of `irq.mark(i)` (main thread only): maximum, sum and count of ticks.
static LATENCY: [[AtomicU32; 3]; 2] = [
    [AtomicU32::new(0), AtomicU32::new(0), AtomicU32::new(0)],
    [AtomicU32::new(0), AtomicU32::new(0), AtomicU32::new(0)],
];

/// The `irq` module: timer 0's interrupt as a Python callback.
#[frostbyte::module]
mod irq {
    use core::sync::atomic::Ordering;

    use frostbyte::{Error, ExcType, Obj, Scope};

    use super::*;

    /// `irq.start(period_us, callback)`: call `callback()` (at the VM's next safe point) after
    /// every interrupt of timer 0, which fires every `period_us` microseconds (at least 100).
    #[frostbyte::function]
    pub fn start<'s>(s: &mut Scope<'s>, period_us: u32, callback: Obj<'s>) -> Result<(), Error> {
        if period_us < 100 {
            return Err(Error::new(ExcType::VALUE_ERROR, "period must be at least 100 us"));
        }
        s.on_signal(&TIMER_SIGNAL, callback)?;
        let reload = period_us.saturating_mul(CLOCK_KHZ / 1000);
        INTERRUPTS.store(0, Ordering::Relaxed);
        // SAFETY: timer 0's registers and the NVIC's enable bit of its interrupt; this module
        // owns both (the handler only acknowledges). The timer is stopped while programmed.
        unsafe {
            timer0(CTRL).write_volatile(0);
            timer0(RELOAD).write_volatile(reload);
            timer0(VALUE).write_volatile(reload);
            timer0(INTCLEAR).write_volatile(1);
            NVIC_ICPR0.write_volatile(1 << TIMER0_IRQ);
            NVIC_ISER0.write_volatile(1 << TIMER0_IRQ);
            timer0(CTRL).write_volatile(CTRL_ENABLE | CTRL_IRQ_ENABLE);
        }
        Ok(())
    }

    /// `irq.stop()`: stop the timer, drop the callback; returns the interrupts taken.
    #[frostbyte::function]
    pub fn stop(s: &mut Scope<'_>) -> Result<u32, Error> {
        // SAFETY: as in `start`.
        unsafe {
            NVIC_ICER0.write_volatile(1 << TIMER0_IRQ);
            timer0(CTRL).write_volatile(0);
            timer0(INTCLEAR).write_volatile(1);
            NVIC_ICPR0.write_volatile(1 << TIMER0_IRQ);
        }
        let none = s.none();
        s.on_signal(&TIMER_SIGNAL, none)?;
        Ok(INTERRUPTS.load(Ordering::Relaxed))
    }

    /// `irq.mark(i)`: record the ticks since timer 0's last interrupt as latency `i` (0 or 1).
    #[frostbyte::function]
    pub fn mark(i: usize) -> Result<(), Error> {
        let rec = LATENCY.get(i).ok_or_else(|| Error::new(ExcType::INDEX_ERROR, "latency index out of range"))?;
        let ticks = STAMP.load(Ordering::Relaxed).wrapping_sub(stopwatch());
        rec[0].store(rec[0].load(Ordering::Relaxed).max(ticks), Ordering::Relaxed);
        rec[1].store(rec[1].load(Ordering::Relaxed).wrapping_add(ticks), Ordering::Relaxed);
        rec[2].store(rec[2].load(Ordering::Relaxed) + 1, Ordering::Relaxed);
        Ok(())
    }
}

extern "C" {
    static _stack_start: u32;
    static _stack_end: u32;
}

#[cortex_m_rt::entry]
fn main() -> ! {
    let heap: &'static mut [core::mem::MaybeUninit<u8>; HEAP_SIZE] = cortex_m::singleton!(
        : [core::mem::MaybeUninit<u8>; HEAP_SIZE] = [core::mem::MaybeUninit::uninit(); HEAP_SIZE]
    )
    .unwrap();
    // Only the addresses of the linker-defined symbols are taken; they are never read.
    let stack = firmware_common::Stack {
        bottom: core::ptr::addr_of!(_stack_end) as usize,
        top: core::ptr::addr_of!(_stack_start) as usize,
    };
    // SAFETY: started once; the SysTick handler above calls `systick_handler`.
    let clock = unsafe { firmware_common::clock::SysTickClock::start(CLOCK_KHZ) };
    // SAFETY: timer 1's registers, owned by the stopwatch: free-running from u32::MAX down,
    // no interrupt.
    unsafe {
        timer1(RELOAD).write_volatile(u32::MAX);
        timer1(VALUE).write_volatile(u32::MAX);
        timer1(CTRL).write_volatile(CTRL_ENABLE);
    }
    firmware_common::run_program_then("mps2-an386-irq", &FROZEN, &[&irq::MODULE], heap, stack, &clock, report_latency)
}

/// The latencies `irq.mark` recorded, on semihosting stderr.
fn report_latency() {
    let Ok(mut err) = semihosting::io::stderr() else { return };
    for (i, what) in ["interrupt to Python callback", "interrupt to task resumed"].iter().enumerate() {
        let [max, sum, n] = &LATENCY[i];
        let (max, sum, n) = (max.load(Ordering::Relaxed), sum.load(Ordering::Relaxed), n.load(Ordering::Relaxed));
        let mean = sum.checked_div(n).unwrap_or(0);
        let _ = writeln!(
            err,
            "[footprint] mps2-an386-irq: {what}: max {max} ticks ({} us), mean {mean} ticks ({} us) over {n} (timer 1 at {} MHz)",
            max / (CLOCK_KHZ / 1000),
            mean / (CLOCK_KHZ / 1000),
            CLOCK_KHZ / 1000
        );
    }
    let _ = writeln!(
        err,
        "[footprint] mps2-an386-irq: {} timer interrupts taken",
        TOTAL_INTERRUPTS.load(Ordering::Relaxed)
    );
}
