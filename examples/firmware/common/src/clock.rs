//! The boards' [`Clock`]s, read from a hardware timer (never from semihosting):
//!
//! | board | counter | `idle` |
//! |---|---|---|
//! | lm3s6965, mps2-an386(-uart) (Cortex-M3/M4) | SysTick at the core clock (QEMU: 12.5 MHz on lm3s6965 out of reset, 25 MHz on mps2-an386), a 1 ms period whose exception counts milliseconds ([`SysTickClock`], the board's `SysTick` handler calls [`systick_handler`]) | `WFI`: the SysTick exception wakes it within 1 ms |
//! | microbit (nRF51, Cortex-M0: no SysTick on the real chip) | TIMER0, 32-bit at 1 MHz ([`Nrf51TimerClock`]) | `WFI` with TIMER0's compare 1 at the deadline (at most 100 ms ahead) and its interrupt enabled at the NVIC while `PRIMASK` is set: the compare wakes the core without an exception |
//! | riscv-virt(-uart) | the CLINT's 64-bit `mtime` at 10 MHz ([`ClintClock`]) | `WFI` with `mtimecmp` at the deadline (at most 100 ms ahead) and `mie.MTIE` set while `mstatus.MIE` is clear: the timer wakes the hart without a trap |
//!
//! None has a wall clock (`time.time()` raises OSError; `gmtime(secs)` works).

use core::cell::Cell;
use core::sync::atomic::{AtomicU32, Ordering};

use frostbyte::Clock;

// ---- SysTick (Cortex-M3/M4) -----------------------------------------------------------------

const SYST_CSR: *mut u32 = 0xE000_E010 as *mut u32;
const SYST_RVR: *mut u32 = 0xE000_E014 as *mut u32;
const SYST_CVR: *mut u32 = 0xE000_E018 as *mut u32;

/// Milliseconds counted by the SysTick exception (low and high words; only the handler
/// writes them, with plain stores).
static MS_LO: AtomicU32 = AtomicU32::new(0);
static MS_HI: AtomicU32 = AtomicU32::new(0);

/// The body of the board's `SysTick` exception handler: one more millisecond.
pub fn systick_handler() {
    let lo = MS_LO.load(Ordering::Relaxed).wrapping_add(1);
    if lo == 0 {
        MS_HI.store(MS_HI.load(Ordering::Relaxed).wrapping_add(1), Ordering::Relaxed);
    }
    MS_LO.store(lo, Ordering::Release);
}

/// SysTick as a microsecond clock: reload every millisecond of a `khz` kHz core clock, the
/// exception counting milliseconds, the current value giving the microseconds within one.
pub struct SysTickClock {
    khz: u32,
    last: Cell<u64>,
}

impl SysTickClock {
    /// Start SysTick (processor clock of `khz` kHz, exception every millisecond).
    ///
    /// # Safety
    /// Call once, on a Cortex-M3/M4 whose `SysTick` handler calls [`systick_handler`]; the
    /// clock then owns SysTick.
    pub unsafe fn start(khz: u32) -> SysTickClock {
        // SAFETY: SysTick's architectural registers; the caller gives us sole use of them.
        unsafe {
            SYST_CSR.write_volatile(0);
            SYST_RVR.write_volatile(khz - 1);
            SYST_CVR.write_volatile(0);
            // ENABLE | TICKINT | CLKSOURCE (processor clock).
            SYST_CSR.write_volatile(0b111);
        }
        SysTickClock { khz, last: Cell::new(0) }
    }
}

impl Clock for SysTickClock {
    fn ticks_us(&self) -> u64 {
        let reload = u64::from(self.khz) - 1;
        let t = loop {
            let hi = MS_HI.load(Ordering::Acquire);
            let lo = MS_LO.load(Ordering::Acquire);
            // SAFETY: reading SysTick's current value register.
            let cvr = u64::from(unsafe { SYST_CVR.read_volatile() });
            if MS_LO.load(Ordering::Acquire) == lo && MS_HI.load(Ordering::Acquire) == hi {
                let ms = u64::from(hi) << 32 | u64::from(lo);
                break ms * 1000 + (reload - cvr.min(reload)) * 1000 / u64::from(self.khz);
            }
        };
        // A wrap whose exception is not taken yet reads low: never go backwards.
        let t = t.max(self.last.get());
        self.last.set(t);
        t
    }

    fn idle(&self, _until_ticks_us: u64) {
        // SAFETY: `wfi` only waits for an interrupt; SysTick's comes within 1 ms.
        unsafe { core::arch::asm!("wfi", options(nomem, nostack, preserves_flags)) };
    }
}

// ---- nRF51 TIMER0 (micro:bit) ---------------------------------------------------------------

const TIMER0: usize = 0x4000_8000;
const TASKS_START: usize = 0x000;
const TASKS_CAPTURE0: usize = 0x040;
#[cfg_attr(not(target_arch = "arm"), allow(dead_code))]
const EVENTS_COMPARE1: usize = 0x144;
#[cfg_attr(not(target_arch = "arm"), allow(dead_code))]
const INTENSET: usize = 0x304;
#[cfg_attr(not(target_arch = "arm"), allow(dead_code))]
const INTENCLR: usize = 0x308;
/// INTEN bit of COMPARE[1].
#[cfg_attr(not(target_arch = "arm"), allow(dead_code))]
const INT_COMPARE1: u32 = 1 << 17;
#[cfg_attr(not(target_arch = "arm"), allow(dead_code))]
const CC1: usize = 0x544;
/// TIMER0's interrupt line on the nRF51's NVIC, and the NVIC's set-enable, clear-enable and
/// clear-pending registers.
#[cfg_attr(not(target_arch = "arm"), allow(dead_code))]
const TIMER0_IRQ: u32 = 8;
#[cfg_attr(not(target_arch = "arm"), allow(dead_code))]
const NVIC_ISER: *mut u32 = 0xE000_E100 as *mut u32;
#[cfg_attr(not(target_arch = "arm"), allow(dead_code))]
const NVIC_ICER: *mut u32 = 0xE000_E180 as *mut u32;
#[cfg_attr(not(target_arch = "arm"), allow(dead_code))]
const NVIC_ICPR: *mut u32 = 0xE000_E280 as *mut u32;
const MODE: usize = 0x504;
const BITMODE: usize = 0x508;
const PRESCALER: usize = 0x510;
const CC0: usize = 0x540;

fn reg(off: usize) -> *mut u32 {
    (TIMER0 + off) as *mut u32
}

/// nRF51 TIMER0 in 32-bit timer mode at 16 MHz / 2**4 = 1 MHz, read through a capture task
/// (CC[0]; `idle` waits for CC[1]); its wraps (every 71 minutes) are counted by the reads,
/// so the program must read the clock at least that often for it to stay exact (it never
/// goes backwards either way; `idle` reads it at least every 100 ms).
pub struct Nrf51TimerClock {
    last32: Cell<u32>,
    high: Cell<u64>,
}

impl Nrf51TimerClock {
    /// Configure and start TIMER0.
    ///
    /// # Safety
    /// Call once on an nRF51; the clock then owns TIMER0 and its interrupt line (no
    /// handler is needed: `idle` never lets it be taken).
    pub unsafe fn start() -> Nrf51TimerClock {
        // SAFETY: TIMER0's registers on the nRF51; the caller gives us sole use of them.
        unsafe {
            reg(MODE).write_volatile(0); // timer
            reg(BITMODE).write_volatile(3); // 32 bit
            reg(PRESCALER).write_volatile(4); // 1 MHz
            reg(TASKS_START).write_volatile(1);
        }
        Nrf51TimerClock { last32: Cell::new(0), high: Cell::new(0) }
    }
}

impl Clock for Nrf51TimerClock {
    fn ticks_us(&self) -> u64 {
        // SAFETY: TIMER0 belongs to this clock: capture the counter into CC[0] and read it.
        let now = unsafe {
            reg(TASKS_CAPTURE0).write_volatile(1);
            reg(CC0).read_volatile()
        };
        if now < self.last32.get() {
            self.high.set(self.high.get() + (1 << 32));
        }
        self.last32.set(now);
        self.high.get() | u64::from(now)
    }

    #[allow(unused_variables)]
    fn idle(&self, until_ticks_us: u64) {
        #[cfg(target_arch = "arm")]
        {
            // At most 100 ms ahead, so the counter is read (and its wraps counted) often.
            let now = self.ticks_us();
            let until = until_ticks_us.min(now + 100_000);
            if until <= now + 2 {
                return;
            }
            // The counter's low 32 bits are the 1 MHz ticks' low 32 bits.
            let cc = until as u32;
            // SAFETY: TIMER0 belongs to this clock, and so does its NVIC line (nothing else
            // enables it): with PRIMASK set, a pending TIMER0 interrupt wakes `wfi` without
            // being taken; the event, the enable and the pending bit are cleared before
            // PRIMASK is restored, so no handler ever runs for it.
            unsafe {
                let primask: u32;
                core::arch::asm!("mrs {0}, PRIMASK", "cpsid i", out(reg) primask);
                reg(CC1).write_volatile(cc);
                reg(EVENTS_COMPARE1).write_volatile(0);
                reg(INTENSET).write_volatile(INT_COMPARE1);
                NVIC_ICPR.write_volatile(1 << TIMER0_IRQ);
                NVIC_ISER.write_volatile(1 << TIMER0_IRQ);
                // The compare fires only when the counter reaches `cc`: skip the wait if it
                // is (nearly) there already.
                reg(TASKS_CAPTURE0).write_volatile(1);
                let left = cc.wrapping_sub(reg(CC0).read_volatile()) as i32;
                if left > 2 {
                    core::arch::asm!("wfi", options(nomem, nostack, preserves_flags));
                }
                reg(INTENCLR).write_volatile(INT_COMPARE1);
                reg(EVENTS_COMPARE1).write_volatile(0);
                NVIC_ICER.write_volatile(1 << TIMER0_IRQ);
                NVIC_ICPR.write_volatile(1 << TIMER0_IRQ);
                if primask & 1 == 0 {
                    core::arch::asm!("cpsie i");
                }
            }
        }
    }
}

// ---- RISC-V CLINT mtime (QEMU virt) ---------------------------------------------------------

const MTIME: usize = 0x0200_BFF8;
#[cfg_attr(not(target_arch = "riscv32"), allow(dead_code))]
const MTIMECMP0: usize = 0x0200_4000;
/// QEMU virt's timebase.
const MTIME_HZ_PER_MHZ: u64 = 10;

/// The CLINT's `mtime` (10 MHz on QEMU virt) as a microsecond clock; `idle` sleeps in `WFI`
/// until `mtimecmp`.
pub struct ClintClock(());

impl ClintClock {
    /// The clock (`mtime` runs from reset).
    ///
    /// # Safety
    /// Call once, on QEMU virt with hart 0 only; the clock then owns `mtimecmp` of hart 0 and
    /// `mie.MTIE`.
    pub unsafe fn new() -> ClintClock {
        ClintClock(())
    }

    fn mtime(&self) -> u64 {
        let p = MTIME as *const u32;
        loop {
            // SAFETY: the CLINT's mtime register pair (read high, low, high: a carry between
            // the two halves shows as a changed high word).
            let (hi, lo, hi2) = unsafe { (p.add(1).read_volatile(), p.read_volatile(), p.add(1).read_volatile()) };
            if hi == hi2 {
                return u64::from(hi) << 32 | u64::from(lo);
            }
        }
    }
}

impl Clock for ClintClock {
    fn ticks_us(&self) -> u64 {
        self.mtime() / MTIME_HZ_PER_MHZ
    }

    #[allow(unused_variables)]
    fn idle(&self, until_ticks_us: u64) {
        #[cfg(target_arch = "riscv32")]
        {
            let now = self.mtime();
            let cmp = until_ticks_us.saturating_mul(MTIME_HZ_PER_MHZ).min(now + 100_000 * MTIME_HZ_PER_MHZ);
            if cmp <= now {
                return;
            }
            let p = MTIMECMP0 as *mut u32;
            // SAFETY: hart 0's mtimecmp (owned by this clock): high word to the maximum first
            // so no spurious match happens between the two stores. Then, with interrupts
            // globally off (mstatus.MIE clear, restored after), enable the machine timer
            // interrupt only so that it wakes `wfi`; no trap is taken.
            unsafe {
                p.add(1).write_volatile(u32::MAX);
                p.write_volatile(cmp as u32);
                p.add(1).write_volatile((cmp >> 32) as u32);
                let mstatus: usize;
                core::arch::asm!("csrrci {0}, mstatus, 8", out(reg) mstatus);
                core::arch::asm!("csrs mie, {0}", in(reg) 1usize << 7);
                core::arch::asm!("wfi");
                core::arch::asm!("csrc mie, {0}", in(reg) 1usize << 7);
                p.add(1).write_volatile(u32::MAX);
                if mstatus & 8 != 0 {
                    core::arch::asm!("csrsi mstatus, 8");
                }
            }
        }
    }
}
