//! Time and interrupts: the embedder's [`Clock`] (installed with `Vm::set_clock`) and the
//! ISR-safe [`Signal`] that wakes a Python callback (`Scope::on_signal`).
//!
//! # The interrupt rule
//!
//! An interrupt handler (or another thread) may call **only** [`Signal::raise`]: two atomic
//! stores, no allocation, no lock, no access to the VM. The VM looks at a global counter
//! every [`SIGNAL_CHECK_EVERY`] instructions while any signal has a callback (one atomic
//! load per check), and at every wake-up of `time.sleep*` / `time._idle_us`; it then calls
//! the callbacks of the raised signals, and the functions queued by `micropython.schedule`,
//! in the interpreter loop, between two bytecode instructions (never inside native code, never
//! inside another callback). Raises coalesce: a signal raised twice before its callback runs
//! runs it once. An exception a callback raises propagates into the Python code that was
//! running at that point, as on MicroPython (`micropython.schedule`).

use core::sync::atomic::{AtomicBool, AtomicU32, Ordering};

/// How many instructions the VM runs between two looks at the pending [`Signal`]s while
/// any signal has a callback (and so the most a raised signal waits for its callback,
/// counted in bytecode instructions and native loop steps, unless one native call such as
/// `sorted()` runs longer).
pub const SIGNAL_CHECK_EVERY: u32 = 64;

/// Bumped (load + store: thumbv6m has no read-modify-write atomics) by every
/// [`Signal::raise`]: a VM whose last seen value differs scans its signals. A raise racing
/// with another may write the same value twice; the scan still happens because every raise
/// sets its own flag before it writes the counter.
static RAISED: AtomicU32 = AtomicU32::new(0);

/// The generation counter of raised signals (see [`RAISED`]).
pub(crate) fn raised_generation() -> u32 {
    RAISED.load(Ordering::SeqCst)
}

/// The embedder's clock: a monotonic microsecond counter, an optional wall clock and a way
/// to wait. Install it with [`Vm::set_clock`](crate::Vm::set_clock); the `time` module needs
/// it for everything but its pure functions (`ticks_add`, `ticks_diff`, `gmtime(secs)`,
/// `mktime`), and raises `OSError: time needs a clock; install one with Vm::set_clock`
/// without it.
pub trait Clock {
    /// Microseconds since an arbitrary origin (boot), never going backwards. A hardware
    /// counter narrower than 64 bits must be extended by the implementation (count its
    /// wraps); at 1 MHz a `u64` does not wrap for 584,000 years.
    fn ticks_us(&self) -> u64;

    /// Microseconds since the Unix epoch (UTC), if the device knows the date (`time.time()`
    /// then raises `OSError` without it). Default: `None`.
    fn wall_us(&self) -> Option<i64> {
        None
    }

    /// Local time's offset east of UTC in seconds at Unix time `utc_s`, for
    /// `time.localtime` and `time.mktime`. Default: 0 (local time is UTC).
    fn utc_offset_s(&self, utc_s: i64) -> i32 {
        let _ = utc_s;
        0
    }

    /// Wait until [`ticks_us`](Clock::ticks_us) reaches `until_ticks_us` (`u64::MAX`: until
    /// an interrupt). May return early, at any time (an interrupt arrived, the host's sleep
    /// slice ended): the VM checks the time and its pending signals and calls it again. On
    /// firmware this is `WFI` with a timer compare set at the deadline; a busy-wait on the
    /// counter is correct too, only less frugal.
    fn idle(&self, until_ticks_us: u64);
}

/// A flag an interrupt handler raises to wake a Python callback, usable as a `static`:
///
/// ```
/// static BUTTON: frostbyte_vm::Signal = frostbyte_vm::Signal::new();
/// // In the interrupt handler:
/// BUTTON.raise();
/// ```
///
/// Register the callback with `Scope::on_signal(&BUTTON, callable)`; the VM calls it with no
/// arguments at its next check after the raise (see [`SIGNAL_CHECK_EVERY`] and the module
/// documentation). `raise` only stores to two atomics (no read-modify-write, so it works on
/// thumbv6m), so it is safe from any interrupt priority or thread.
#[derive(Debug)]
pub struct Signal {
    raised: AtomicBool,
}

impl Signal {
    /// A signal that is not raised.
    pub const fn new() -> Signal {
        Signal { raised: AtomicBool::new(false) }
    }

    /// Ask for the signal's callback to run at the VM's next check. ISR-safe: no allocation,
    /// no lock, no VM access. Raises before the callback runs coalesce into one call.
    pub fn raise(&self) {
        self.raised.store(true, Ordering::SeqCst);
        RAISED.store(RAISED.load(Ordering::SeqCst).wrapping_add(1), Ordering::SeqCst);
    }

    /// Is the signal raised and its callback not yet run?
    pub fn is_raised(&self) -> bool {
        self.raised.load(Ordering::SeqCst)
    }

    /// Clear the flag; `true` if it was raised (the VM calls the callback then).
    pub(crate) fn take(&self) -> bool {
        if self.raised.load(Ordering::SeqCst) {
            self.raised.store(false, Ordering::SeqCst);
            return true;
        }
        false
    }
}

impl Default for Signal {
    fn default() -> Self {
        Signal::new()
    }
}

/// The host's clock (`std` feature): [`std::time::Instant`] for ticks, the system clock for
/// the wall clock, and `idle` as a real sleep in slices of at most 10 ms, so that a signal
/// raised by another thread or a poll hook asking for `KeyboardInterrupt` is seen within
/// 10 ms during `time.sleep`. Local time is UTC (no time-zone database).
#[cfg(feature = "std")]
#[cfg_attr(docsrs, doc(cfg(feature = "std")))]
#[derive(Debug)]
pub struct StdClock {
    origin: std::time::Instant,
}

#[cfg(feature = "std")]
impl StdClock {
    /// A clock whose ticks start at 0 now.
    pub fn new() -> StdClock {
        StdClock { origin: std::time::Instant::now() }
    }
}

#[cfg(feature = "std")]
impl Default for StdClock {
    fn default() -> Self {
        StdClock::new()
    }
}

#[cfg(feature = "std")]
impl Clock for StdClock {
    fn ticks_us(&self) -> u64 {
        u64::try_from(self.origin.elapsed().as_micros()).unwrap_or(u64::MAX)
    }

    fn wall_us(&self) -> Option<i64> {
        let now = std::time::SystemTime::now();
        Some(match now.duration_since(std::time::UNIX_EPOCH) {
            Ok(d) => i64::try_from(d.as_micros()).unwrap_or(i64::MAX),
            Err(e) => -i64::try_from(e.duration().as_micros()).unwrap_or(i64::MAX),
        })
    }

    fn idle(&self, until_ticks_us: u64) {
        let now = self.ticks_us();
        if until_ticks_us > now {
            let us = (until_ticks_us - now).min(10_000);
            std::thread::sleep(std::time::Duration::from_micros(us));
        }
    }
}

/// A simulated clock: time passes only when the program reads or waits for it. Every
/// reading of [`ticks_us`](Clock::ticks_us) advances it by 1 µs (so a loop polling the
/// clock ends), and [`idle`](Clock::idle) jumps straight to its deadline instead of
/// sleeping. A program whose output depends only on the order of its deadlines (an asyncio
/// application, `time.sleep` between prints) gives the same output however slow or loaded
/// the machine is, which a real clock cannot promise; `frostbyte run --clock sim` and the
/// corpus tests use it. The wall clock is `wall_origin_us` (µs since the Unix epoch) plus
/// the simulated ticks, or absent. Waiting for an interrupt (`idle(u64::MAX)`) advances
/// 1 ms per call, as nothing else would make time pass. Needs no `std`.
#[derive(Debug)]
pub struct SimClock {
    now: core::cell::Cell<u64>,
    wall_origin_us: Option<i64>,
}

impl SimClock {
    /// A simulated clock at tick 0 whose wall clock starts at `wall_origin_us`.
    pub const fn new(wall_origin_us: Option<i64>) -> SimClock {
        SimClock { now: core::cell::Cell::new(0), wall_origin_us }
    }
}

impl Clock for SimClock {
    fn ticks_us(&self) -> u64 {
        let t = self.now.get().saturating_add(1);
        self.now.set(t);
        t
    }

    fn wall_us(&self) -> Option<i64> {
        let origin = self.wall_origin_us?;
        Some(origin.saturating_add(i64::try_from(self.ticks_us()).unwrap_or(i64::MAX)))
    }

    fn idle(&self, until_ticks_us: u64) {
        let now = self.now.get();
        let next = if until_ticks_us == u64::MAX { now.saturating_add(1_000) } else { until_ticks_us.max(now) };
        self.now.set(next);
    }
}
