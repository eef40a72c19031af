//! Frostbyte on QEMU `mps2-an386` (cortex-m4) running an asyncio application: a blinker, a
//! sensor poller and a command parser fed by a simulated UART, three tasks on one event loop
//! (`python/main.py`, the corpus program `tests/corpus/asyncio_app.py`). The loop sleeps on
//! the SysTick clock (`WFI` until the next deadline); the output, through semihosting, must
//! equal CPython's and the host's.
#![no_std]
#![no_main]

use core::mem::MaybeUninit;

use frostbyte::Clock as _;
use semihosting as _; // panic handler: print and exit with failure
use semihosting::io::Write as _;

include!(concat!(env!("OUT_DIR"), "/frostbyte_frozen.rs"));

const HEAP_SIZE: usize = 32 * 1024;

#[cortex_m_rt::exception]
fn SysTick() {
    firmware_common::clock::systick_handler();
}

#[cortex_m_rt::entry]
fn main() -> ! {
    let heap: &'static mut [MaybeUninit<u8>; HEAP_SIZE] =
        cortex_m::singleton!(: [MaybeUninit<u8>; HEAP_SIZE] = [MaybeUninit::uninit(); HEAP_SIZE]).unwrap();
    // SAFETY: started once; the SysTick handler above calls `systick_handler`. QEMU's
    // mps2-an386 runs the core at 25 MHz.
    let clock = unsafe { firmware_common::clock::SysTickClock::start(25_000) };
    let mut out = firmware_common::SemihostingOut::new();
    let mut vm = frostbyte::Vm::new(heap, &mut out);
    vm.set_clock(&clock);
    let ok = vm.add_image(&FROZEN).is_ok() && {
        let t0 = clock.ticks_us();
        let r = vm.run_main("main");
        if let Err(e) = &r {
            vm.print_exception(e);
        }
        let st = vm.heap_stats();
        if let Ok(mut err) = semihosting::io::stderr() {
            let _ = writeln!(
                err,
                "[footprint] mps2-an386-asyncio: ran in {} us (hardware clock), heap {} B, peak {} B",
                clock.ticks_us() - t0,
                st.total,
                st.peak
            );
        }
        r.is_ok()
    };
    semihosting::process::exit(if ok { 0 } else { 1 })
}
