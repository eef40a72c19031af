//! Frostbyte on QEMU `mps2-an386` (cortex-m4) with Python driving peripherals: the frozen
//! `python/main.py` writes every line through a native `uart` module to the CMSDK APB UART0
//! data register (QEMU shows it on the serial console, the run's stdout) and reads the CMSDK
//! APB timer 0 through a native `timer` module. The native functions reach both peripherals
//! through the typed context the VM carries ([`Board`]); there is no `static mut`.
//! Semihosting only carries a traceback (stderr) and the exit status.
#![no_std]
#![no_main]

use core::mem::MaybeUninit;

use frostbyte::{Args, Error, ExcType, NativeFunction, NativeModule, Obj, Scope};
use semihosting as _; // panic handler: print and exit with failure
use semihosting::io::Write as _;

include!(concat!(env!("OUT_DIR"), "/frostbyte_frozen.rs"));

const HEAP_SIZE: usize = 16 * 1024;

/// CMSDK APB UART: data, state, control and baud divisor registers (word offsets).
struct Uart {
    base: *mut u32,
    sent: usize,
}

const UART_DATA: usize = 0;
const UART_STATE: usize = 1;
const UART_CTRL: usize = 2;
const UART_BAUDDIV: usize = 4;
/// STATE bit 0: the transmit buffer is full.
const UART_TX_FULL: u32 = 1;
/// CTRL bit 0: transmitter enabled.
const UART_TX_EN: u32 = 1;

impl Uart {
    /// Take UART0 (0x4000_4000) and enable its transmitter.
    ///
    /// # Safety
    /// Call once: the returned value is the only access to UART0's registers.
    unsafe fn uart0() -> Uart {
        let u = Uart {
            base: 0x4000_4000 as *mut u32,
            sent: 0,
        };
        // SAFETY: UART0's registers on mps2-an386; this is the only handle to them.
        unsafe {
            // The smallest divisor the CMSDK UART accepts (QEMU ignores the baud rate).
            u.base.add(UART_BAUDDIV).write_volatile(16);
            u.base.add(UART_CTRL).write_volatile(UART_TX_EN);
        }
        u
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            // SAFETY: `self` is the only handle to UART0 (see `uart0`); its registers are
            // 32-bit device registers at these offsets.
            unsafe {
                while self.base.add(UART_STATE).read_volatile() & UART_TX_FULL != 0 {}
                self.base.add(UART_DATA).write_volatile(b as u32);
            }
        }
        self.sent += bytes.len();
    }
}

/// CMSDK APB timer 0 (0x4000_0000), counting down from `u32::MAX` at the peripheral clock.
struct Timer {
    base: *mut u32,
}

const TIMER_CTRL: usize = 0;
const TIMER_VALUE: usize = 1;
const TIMER_RELOAD: usize = 2;

impl Timer {
    /// Take timer 0 and start it.
    ///
    /// # Safety
    /// Call once: the returned value is the only access to timer 0's registers.
    unsafe fn timer0() -> Timer {
        let t = Timer {
            base: 0x4000_0000 as *mut u32,
        };
        // SAFETY: timer 0's registers on mps2-an386; this is the only handle to them.
        unsafe {
            t.base.add(TIMER_RELOAD).write_volatile(u32::MAX);
            t.base.add(TIMER_VALUE).write_volatile(u32::MAX);
            t.base.add(TIMER_CTRL).write_volatile(1);
        }
        t
    }

    /// Ticks since the timer started (until it wraps after 2**32).
    fn ticks(&self) -> u32 {
        // SAFETY: reading the VALUE register of the timer this handle owns.
        u32::MAX - unsafe { self.base.add(TIMER_VALUE).read_volatile() }
    }
}

/// The embedder's state, given to the VM with `Vm::set_context`.
struct Board {
    uart: Uart,
    timer: Timer,
}

fn board<'b>(s: &'b mut Scope<'_>) -> Result<&'b mut Board, Error> {
    s.context::<Board>()
        .ok_or_else(|| Error::new(ExcType::RUNTIME_ERROR, "no board context"))
}

/// `uart.write(data)`: send a str (its UTF-8 bytes) or bytes; returns the number of bytes.
fn uart_write<'s>(s: &mut Scope<'s>, a: Args<'s>) -> Result<Obj<'s>, Error> {
    const SIG: frostbyte::Signature<1> = frostbyte::Signature {
        name: "write",
        params: ["data"],
        required: 1,
        varargs: false,
    };
    let data = a.bind(&SIG)?.args[0].unwrap_or(s.none());
    // The bytes are a borrowed view of the (immutable, rooted) object, which ends before the
    // context is borrowed: copy them out a chunk at a time.
    let mut chunk = [0u8; 32];
    let mut done = 0;
    loop {
        let n = {
            let bytes = match data.as_str(s) {
                Ok(t) => t.as_bytes(),
                Err(_) => data.as_bytes(s).map_err(|_| {
                    Error::new_fmt(
                        ExcType::TYPE_ERROR,
                        format_args!(
                            "write() argument must be str or bytes, not {}",
                            data.type_name(s)
                        ),
                    )
                })?,
            };
            let rest = &bytes[done..];
            let n = rest.len().min(chunk.len());
            chunk[..n].copy_from_slice(&rest[..n]);
            n
        };
        if n == 0 {
            break;
        }
        board(s)?.uart.write(&chunk[..n]);
        done += n;
    }
    s.new(done)
}

/// `uart.sent()`: bytes written since reset.
fn uart_sent<'s>(s: &mut Scope<'s>, a: Args<'s>) -> Result<Obj<'s>, Error> {
    a.bind(&frostbyte::Signature {
        name: "sent",
        params: [],
        required: 0,
        varargs: false,
    })?;
    let n = board(s)?.uart.sent;
    s.new(n)
}

static UART: NativeModule = NativeModule::new(
    "uart",
    &[
        NativeFunction::new("write", uart_write),
        NativeFunction::new("sent", uart_sent),
    ],
);

/// The `timer` module, declared with the attribute macros.
#[frostbyte::module]
mod timer {
    use frostbyte::{Error, Scope};

    /// `timer.ticks()`: the hardware timer's count.
    #[frostbyte::function]
    pub fn ticks(s: &mut Scope<'_>) -> Result<u32, Error> {
        Ok(super::board(s)?.timer.ticks())
    }
}

/// SysTick counts milliseconds for the `time` module's clock.
#[cortex_m_rt::exception]
fn SysTick() {
    firmware_common::clock::systick_handler();
}

extern "C" {
    static _stack_start: u32;
    static _stack_end: u32;
}

#[cortex_m_rt::entry]
fn main() -> ! {
    let heap: &'static mut [MaybeUninit<u8>; HEAP_SIZE] =
        cortex_m::singleton!(: [MaybeUninit<u8>; HEAP_SIZE] = [MaybeUninit::uninit(); HEAP_SIZE])
            .unwrap();
    // SAFETY: `main` runs once; these are the only handles to UART0 and timer 0.
    let mut board = unsafe {
        Board {
            uart: Uart::uart0(),
            timer: Timer::timer0(),
        }
    };
    // SAFETY: started once; the SysTick handler above calls `systick_handler`. The core
    // clock of QEMU's mps2-an386 is 25 MHz.
    let clock = unsafe { firmware_common::clock::SysTickClock::start(25_000) };
    let ok = run(heap, &mut board, &clock);
    semihosting::process::exit(if ok { 0 } else { 1 })
}

/// Tracebacks go to semihosting stderr (the UART carries only what Python writes).
struct Stderr;

impl frostbyte::Output for Stderr {
    fn write_str(&mut self, s: &str) {
        if let Ok(mut e) = semihosting::io::stderr() {
            let _ = e.write_all(s.as_bytes());
        }
    }
}

fn run(heap: &mut [MaybeUninit<u8>], board: &mut Board, clock: &dyn frostbyte::Clock) -> bool {
    let mut out = Stderr;
    let mut vm = frostbyte::Vm::new(heap, &mut out);
    vm.set_clock(clock);
    // The stack below this frame, minus 2 KiB for the frames between the guard's checks.
    let marker = 0u8;
    let here = core::hint::black_box(&marker) as *const u8 as usize;
    // Only the addresses of the linker-defined symbols are taken; they are never read.
    let bottom = core::ptr::addr_of!(_stack_end) as usize;
    let _top = core::ptr::addr_of!(_stack_start) as usize;
    vm.set_native_stack_limit(here.saturating_sub(bottom).saturating_sub(2048));
    if vm.add_module(&UART).is_err()
        || vm.add_module(&timer::MODULE).is_err()
        || vm.add_image(&FROZEN).is_err()
    {
        return false;
    }
    vm.set_context(board);
    match vm.run_main("main") {
        Ok(()) => true,
        Err(e) => {
            vm.print_exception(&e);
            false
        }
    }
}
