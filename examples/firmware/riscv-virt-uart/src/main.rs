//! Frostbyte on QEMU RISC-V `virt` (rv32imc) with Python driving peripherals: the frozen
//! program of `mps2-an386-uart` (`python/` links there) writes every line through a native
//! `uart` module to the 16550 UART's transmit register (QEMU shows it on the serial console,
//! the run's stdout) and reads the CLINT's `mtime` through a native `timer` module. The native
//! functions reach both through the typed context the VM carries ([`Board`]).
//! Semihosting only carries a traceback (stderr) and the exit status.
#![no_std]
#![no_main]

use core::mem::MaybeUninit;

use frostbyte::{Args, Error, ExcType, NativeFunction, NativeModule, Obj, Scope};
use semihosting as _; // panic handler: print and exit with failure
use semihosting::io::Write as _;

include!(concat!(env!("OUT_DIR"), "/frostbyte_frozen.rs"));

const HEAP_SIZE: usize = 16 * 1024;

/// The 16550 UART at 0x1000_0000: transmit holding register (offset 0) and line status
/// register (offset 5, bit 5: the transmit holding register is empty).
struct Uart {
    base: *mut u8,
    sent: usize,
}

const UART_THR: usize = 0;
const UART_LSR: usize = 5;
const UART_THR_EMPTY: u8 = 1 << 5;

impl Uart {
    /// Take the UART (QEMU's reset state transmits; no set-up is needed).
    ///
    /// # Safety
    /// Call once: the returned value is the only access to the UART's registers.
    unsafe fn uart0() -> Uart {
        Uart {
            base: 0x1000_0000 as *mut u8,
            sent: 0,
        }
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            // SAFETY: `self` is the only handle to the UART (see `uart0`); its registers are
            // byte-wide device registers at these offsets.
            unsafe {
                while self.base.add(UART_LSR).read_volatile() & UART_THR_EMPTY == 0 {}
                self.base.add(UART_THR).write_volatile(b);
            }
        }
        self.sent += bytes.len();
    }
}

/// The CLINT's `mtime` counter (0x0200_BFF8, 10 MHz under QEMU), its low 32 bits.
struct Timer {
    mtime: *const u32,
}

impl Timer {
    /// Take the timer.
    ///
    /// # Safety
    /// Call once: the returned value is the only access to `mtime`.
    unsafe fn timer0() -> Timer {
        Timer {
            mtime: 0x0200_BFF8 as *const u32,
        }
    }

    /// Ticks since reset (until they wrap after 2**32, some seven minutes).
    fn ticks(&self) -> u32 {
        // SAFETY: reading the low word of the `mtime` register this handle owns.
        unsafe { self.mtime.read_volatile() }
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

extern "C" {
    static __estack: u32;
}

static mut HEAP: [MaybeUninit<u8>; HEAP_SIZE] = [MaybeUninit::uninit(); HEAP_SIZE];

#[riscv_rt::entry]
fn main() -> ! {
    // SAFETY: `main` runs once on the single hart; this is the only reference to HEAP.
    let heap = unsafe { &mut *core::ptr::addr_of_mut!(HEAP) };
    // SAFETY: `main` runs once; these are the only handles to the UART and `mtime`.
    let mut board = unsafe {
        Board {
            uart: Uart::uart0(),
            timer: Timer::timer0(),
        }
    };
    // SAFETY: the only clock; hart 0 is the only hart (the `timer` module only reads mtime).
    let clock = unsafe { firmware_common::clock::ClintClock::new() };
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
    let bottom = core::ptr::addr_of!(__estack) as usize;
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
