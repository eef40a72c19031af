//! Deferred Python work: the callbacks of raised [`Signal`]s and the `micropython.schedule`
//! queue, run at the interpreter's next safe point (see the interrupt rule in
//! `api/clock.rs`), and the clock waits of the `time` module (`sleep`, `_idle_us`).
//!
//! Safe points: the check at the top of the dispatch loop (`Vm::tick` from `interp::exec`,
//! due every [`SIGNAL_CHECK_EVERY`] instructions while a signal has a callback, and at the
//! next instruction after `micropython.schedule`), and every wake-up of a clock wait. A
//! check from a native loop step (`runtime::next`) never runs Python: it only makes the next
//! check due at the next step, so the work runs as soon as the loop is back in bytecode.

#[cfg(doc)]
use crate::api::SIGNAL_CHECK_EVERY;
use crate::api::{raised_generation, Clock, Signal};
use crate::obj::{self, exception};
use crate::rom::Code;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Signals with a callback at once (`Scope::on_signal`).
pub const MAX_SIGNALS: usize = 8;
/// Entries of the `micropython.schedule` queue (MicroPython's `MICROPY_SCHEDULER_DEPTH`).
pub const SCHEDULE_DEPTH: usize = 8;
/// Coroutines freed unstarted that one collection can name in "never awaited" warnings
/// (more are counted).
pub const UNAWAITED_RING: usize = 8;

/// The scheduler's part of the VM state (one field of `Vm`).
pub(crate) struct SchedState {
    /// Registered signals; `callbacks[i]` is the callable of `signals[i]`.
    signals: [Option<&'static Signal>; MAX_SIGNALS],
    callbacks: [Value; MAX_SIGNALS],
    n_signals: usize,
    /// The value of the raise counter when the signals were last scanned.
    seen: u32,
    /// Ring of `func, arg` pairs.
    queue: [Value; 2 * SCHEDULE_DEPTH],
    head: usize,
    len: usize,
    /// Callbacks are running (no nested run).
    running: bool,
    /// The newest weak reference (`obj::weakref`: an intrusive list, not a root).
    pub(crate) weak_head: Value,
    /// Weak references whose target died and whose callback has not run yet.
    weak_pending: usize,
    /// Code of coroutines the collector freed before they were started, not yet reported.
    unawaited: [Option<&'static Code>; UNAWAITED_RING],
    n_unawaited: usize,
    /// Such coroutines past the ring's room (reported as a count).
    unawaited_lost: usize,
    /// The last "never awaited" warning printed (code, file and line), not repeated.
    last_warning: Option<(&'static Code, u32)>,
}

impl SchedState {
    pub(crate) const fn new() -> Self {
        SchedState {
            signals: [None; MAX_SIGNALS],
            callbacks: [Value::NULL; MAX_SIGNALS],
            n_signals: 0,
            seen: 0,
            queue: [Value::NULL; 2 * SCHEDULE_DEPTH],
            head: 0,
            len: 0,
            running: false,
            weak_head: Value::NULL,
            weak_pending: 0,
            unawaited: [None; UNAWAITED_RING],
            n_unawaited: 0,
            unawaited_lost: 0,
            last_warning: None,
        }
    }

    /// A collection found `n` weak references whose callbacks must run.
    pub(crate) fn add_weak_pending(&mut self, n: usize) {
        self.weak_pending += n;
    }

    /// A collection freed `n` more unstarted coroutines than it could name.
    pub(crate) fn note_unawaited_lost(&mut self, n: usize) {
        self.unawaited_lost += n;
    }

    /// A collection freed a coroutine that never started (no allocation: a fixed ring).
    pub(crate) fn note_unawaited(&mut self, code: &'static Code) {
        if self.n_unawaited < UNAWAITED_RING {
            self.unawaited[self.n_unawaited] = Some(code);
            self.n_unawaited += 1;
        } else {
            self.unawaited_lost += 1;
        }
    }

    /// The values the collector must treat as roots.
    pub(crate) fn gc_roots(&self) -> [Value; MAX_SIGNALS + 2 * SCHEDULE_DEPTH] {
        let mut out = [Value::NULL; MAX_SIGNALS + 2 * SCHEDULE_DEPTH];
        out[..MAX_SIGNALS].copy_from_slice(&self.callbacks);
        out[MAX_SIGNALS..].copy_from_slice(&self.queue);
        out
    }

    /// Must the dispatch loop look at the signals periodically?
    pub(crate) fn watching(&self) -> bool {
        self.n_signals > 0
    }

    /// Is there work waiting (a raised registered signal or a queued function)? One atomic
    /// load when nothing is queued.
    #[inline]
    pub(crate) fn has_work(&self) -> bool {
        self.len > 0 || self.deferred() || (self.n_signals > 0 && raised_generation() != self.seen)
    }

    /// Did a collection leave work for the next safe point (weak reference callbacks,
    /// "never awaited" warnings)?
    #[inline]
    pub(crate) fn deferred(&self) -> bool {
        self.weak_pending > 0 || self.n_unawaited > 0 || self.unawaited_lost > 0
    }

    /// Is there work to run now (not inside a callback)?
    #[inline]
    pub(crate) fn can_run(&self) -> bool {
        !self.running && self.has_work()
    }
}

impl<'a> Vm<'a> {
    /// Register `callback` (NULL: remove) for `sig`. `false` when the table is full.
    pub(crate) fn set_signal(&mut self, sig: &'static Signal, callback: Value) -> bool {
        let s = &mut self.sched;
        let at = s.signals[..s.n_signals].iter().position(|x| x.is_some_and(|x| core::ptr::eq(x, sig)));
        match (at, callback.is_null()) {
            (Some(i), false) => s.callbacks[i] = callback,
            (Some(i), true) => {
                let last = s.n_signals - 1;
                s.signals[i] = s.signals[last];
                s.callbacks[i] = s.callbacks[last];
                s.signals[last] = None;
                s.callbacks[last] = Value::NULL;
                s.n_signals = last;
            }
            (None, true) => {}
            (None, false) => {
                if s.n_signals == MAX_SIGNALS {
                    return false;
                }
                s.signals[s.n_signals] = Some(sig);
                s.callbacks[s.n_signals] = callback;
                s.n_signals += 1;
                // A raise before registration is seen at the next check.
                s.seen = raised_generation().wrapping_sub(1);
            }
        }
        if self.sched.watching() {
            self.check_within(crate::api::SIGNAL_CHECK_EVERY);
        }
        true
    }

    /// `micropython.schedule(func, arg)`: queue the call; RuntimeError when the queue is full.
    #[cfg_attr(not(feature = "micropython"), allow(dead_code))]
    pub(crate) fn schedule(&mut self, func: Value, arg: Value) -> PyResult<()> {
        let s = &mut self.sched;
        if s.len == SCHEDULE_DEPTH {
            return Err(self.raise_msg(&exception::RUNTIME_ERROR_TYPE, "schedule queue full"));
        }
        let i = (s.head + s.len) % SCHEDULE_DEPTH;
        s.queue[2 * i] = func;
        s.queue[2 * i + 1] = arg;
        s.len += 1;
        self.check_soon();
        Ok(())
    }

    /// Run the callbacks of the raised signals and the queued functions (those queued while
    /// they run wait for the next check). An exception stops the run and propagates; what
    /// is left runs at the next check. May collect.
    pub(crate) fn run_pending(&mut self) -> PyResult<()> {
        if !self.sched.can_run() {
            return Ok(());
        }
        self.sched.running = true;
        let r = self.run_pending_inner();
        self.sched.running = false;
        if self.sched.len > 0 || self.sched.deferred() {
            self.check_soon();
        }
        r
    }

    fn run_pending_inner(&mut self) -> PyResult<()> {
        let gen = raised_generation();
        if gen != self.sched.seen {
            self.sched.seen = gen;
            let mut i = 0;
            while i < self.sched.n_signals {
                if let Some(sig) = self.sched.signals[i] {
                    if sig.take() {
                        let f = self.sched.callbacks[i];
                        crate::call::call(self, f, &[])?;
                    }
                }
                i += 1;
            }
        }
        self.report_unawaited();
        self.run_weak_callbacks();
        let n = self.sched.len;
        for _ in 0..n {
            let s = &mut self.sched;
            let (f, a) = (s.queue[2 * s.head], s.queue[2 * s.head + 1]);
            // The pair stays traced through the call by the temp roots.
            let m = self.roots_mark();
            self.push_root(f)?;
            self.push_root(a)?;
            let s = &mut self.sched;
            s.queue[2 * s.head] = Value::NULL;
            s.queue[2 * s.head + 1] = Value::NULL;
            s.head = (s.head + 1) % SCHEDULE_DEPTH;
            s.len -= 1;
            let r = crate::call::call(self, f, &[a]);
            self.pop_roots(m);
            r?;
        }
        Ok(())
    }

    /// Print CPython's `RuntimeWarning: coroutine 'NAME' was never awaited` for each
    /// coroutine the collector freed unstarted, located at the current line (CPython names
    /// the line where the last reference went; `sys:1` outside any frame). The warning is
    /// not repeated for the same coroutine code at the same line. Never fails.
    pub(crate) fn report_unawaited(&mut self) {
        let (file, line) = self.current_location();
        let n = core::mem::replace(&mut self.sched.n_unawaited, 0);
        for i in 0..n {
            let Some(code) = self.sched.unawaited[i].take() else { continue };
            if self.sched.last_warning.is_some_and(|(c, l)| core::ptr::eq(c, code) && l == line) {
                continue;
            }
            self.sched.last_warning = Some((code, line));
            let name = obj::str::as_str(code.name).unwrap_or("?");
            self.warn_line(file, line, &["coroutine '", name, "' was never awaited"]);
        }
        let lost = core::mem::replace(&mut self.sched.unawaited_lost, 0);
        if lost > 0 {
            use core::fmt::Write;
            let mut buf = crate::vm::FixedBuf::new();
            let _ = write!(buf, "{lost}");
            self.warn_line(file, line, &[buf.as_str(), " more coroutines were never awaited"]);
        }
    }

    /// `FILE:LINE: RuntimeWarning: text` on the error stream (CPython's warning format
    /// without the source line; then its tracemalloc hint, as CPython prints it inside a
    /// frame). `text` is written piece by piece: no allocation.
    fn warn_line(&mut self, file: &str, line: u32, text: &[&str]) {
        use core::fmt::Write;
        let mut buf = crate::vm::FixedBuf::new();
        let _ = write!(buf, ":{line}: RuntimeWarning: ");
        self.write_err(file);
        self.write_err(buf.as_str());
        for t in text {
            self.write_err(t);
        }
        self.write_err("\n");
        if file != "sys" {
            self.write_err("RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n");
        }
    }

    /// The current frame's file and line (`sys`, 1 outside any frame, as CPython).
    fn current_location(&self) -> (&'static str, u32) {
        let f = self.frame;
        if f.is_null() {
            return ("sys", 1);
        }
        let code = f.code();
        let line = frostbyte_format::linetable::line_for(code.line_table(), code.first_line(), f.last_ip() as usize);
        (obj::str::as_str(code.module.file).unwrap_or("?"), line)
    }

    /// Call the callbacks of weak references whose target died, newest first, each with its
    /// reference. An exception in one is printed as CPython prints an unraisable one
    /// (`Exception ignored in: ...` and the traceback, to the error stream) and the rest
    /// still run. May collect.
    pub(crate) fn run_weak_callbacks(&mut self) {
        while self.sched.weak_pending > 0 {
            self.sched.weak_pending -= 1;
            let Some((w, cb)) = obj::weakref::take_pending(self) else {
                self.sched.weak_pending = 0;
                break;
            };
            let m = self.roots_mark();
            if self.push_root(w).is_err() || self.push_root(cb).is_err() {
                self.take_pending();
                self.pop_roots(m);
                continue;
            }
            if crate::call::call(self, cb, &[w]).is_err() {
                self.print_unraisable(cb);
            }
            self.pop_roots(m);
        }
    }

    /// Print the pending exception as CPython prints an exception it cannot raise
    /// (`Exception ignored in: <repr of obj>`, then the traceback) to the error stream, and
    /// clear it. May collect.
    pub(crate) fn print_unraisable(&mut self, obj_v: Value) {
        let e = self.take_pending();
        let m = self.roots_mark();
        if self.push_root(e).is_ok() {
            self.write_err("Exception ignored in: ");
            match crate::runtime::repr(self, obj_v) {
                Ok(s) => {
                    let _ = self.push_root(s);
                    self.write_err(obj::str::as_str(s).unwrap_or("?"));
                }
                Err(_) => {
                    self.take_pending();
                    self.write_err("<object repr() failed>");
                }
            }
            self.write_err("\n");
            match crate::traceback::format_exception(self, e) {
                Ok(s) => self.write_err(obj::str::as_str(s).unwrap_or("")),
                Err(_) => {
                    self.take_pending();
                }
            }
        } else {
            self.take_pending();
        }
        self.pop_roots(m);
    }

    /// The installed clock, or `OSError: time needs a clock; install one with Vm::set_clock`.
    #[cfg_attr(not(feature = "time"), allow(dead_code))]
    pub(crate) fn need_clock(&mut self) -> PyResult<&'a dyn Clock> {
        match self.clock {
            Some(c) => Ok(c),
            None => {
                Err(self.raise_msg(&exception::OS_ERROR_TYPE, "time needs a clock; install one with Vm::set_clock"))
            }
        }
    }

    /// `time.sleep*`: wait through the clock until its ticks reach `deadline`, running
    /// signal callbacks, scheduled functions and the poll hook at every wake-up. May collect.
    #[cfg_attr(not(feature = "time"), allow(dead_code))]
    pub(crate) fn sleep_until(&mut self, deadline: u64) -> PyResult<()> {
        loop {
            let clock = self.need_clock()?;
            if clock.ticks_us() >= deadline {
                return Ok(());
            }
            clock.idle(deadline);
            self.poll_now()?;
            self.run_pending()?;
        }
    }

    /// `time._idle_us(us)`: return at once when callbacks are pending, else wait through
    /// the clock until `us` microseconds have passed (`us < 0`: until a signal or scheduled
    /// call is pending). Pending work runs at the next instruction, not here. May collect
    /// (the poll hook may raise).
    #[cfg_attr(not(feature = "time"), allow(dead_code))]
    pub(crate) fn idle_us(&mut self, us: i64) -> PyResult<()> {
        let start = self.need_clock()?.ticks_us();
        let deadline = if us < 0 { u64::MAX } else { start.saturating_add(us as u64) };
        loop {
            if self.sched.has_work() {
                self.check_soon();
                return Ok(());
            }
            let clock = self.need_clock()?;
            if clock.ticks_us() >= deadline {
                return Ok(());
            }
            clock.idle(deadline);
            self.poll_now()?;
        }
    }
}
