//! Frostbyte on QEMU RISC-V `virt` (rv32imc) running the asyncio application of
//! `mps2-an386-asyncio` (`python/main.py`, the corpus program `tests/corpus/asyncio_app.py`):
//! three tasks on one event loop in a 32 KiB Python heap, sleeping on the CLINT (`WFI` with
//! `mtimecmp` at the next deadline). The output, through semihosting, must equal CPython's.
#![no_std]
#![no_main]

use core::mem::MaybeUninit;
use semihosting as _; // panic handler: print and exit with failure

include!(concat!(env!("OUT_DIR"), "/frostbyte_frozen.rs"));

const HEAP_SIZE: usize = 32 * 1024;

static mut HEAP: [MaybeUninit<u8>; HEAP_SIZE] = [MaybeUninit::uninit(); HEAP_SIZE];

extern "C" {
    static __estack: u32;
    static __sstack: u32;
}

#[riscv_rt::entry]
fn main() -> ! {
    // SAFETY: `main` runs once on the single hart; this is the only reference to HEAP.
    let heap = unsafe { &mut *core::ptr::addr_of_mut!(HEAP) };
    // Only the addresses of the linker-defined symbols are taken; they are never read.
    let stack = firmware_common::Stack {
        bottom: core::ptr::addr_of!(__estack) as usize,
        top: core::ptr::addr_of!(__sstack) as usize,
    };
    // SAFETY: the only clock; hart 0 is the only hart.
    let clock = unsafe { firmware_common::clock::ClintClock::new() };
    firmware_common::run_program("riscv-virt-asyncio", &FROZEN, &[], heap, stack, &clock)
}
