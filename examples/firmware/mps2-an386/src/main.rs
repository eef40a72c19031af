//! Frostbyte on QEMU `mps2-an386` (cortex-m4): the frozen sensor application in a 32 KiB Python heap,
//! output through semihosting, exit status through semihosting.
#![no_std]
#![no_main]

use core::mem::MaybeUninit;
use cortex_m_rt::entry;
use semihosting as _; // panic handler: print and exit with failure

include!(concat!(env!("OUT_DIR"), "/frostbyte_frozen.rs"));

const HEAP_SIZE: usize = 32 * 1024;

extern "C" {
    static _stack_start: u32;
    static _stack_end: u32;
}

#[entry]
fn main() -> ! {
    let heap: &'static mut [MaybeUninit<u8>; HEAP_SIZE] = cortex_m::singleton!(: [MaybeUninit<u8>; HEAP_SIZE] = [MaybeUninit::uninit(); HEAP_SIZE]).unwrap();
    // Only the addresses of the linker-defined symbols are taken; they are never read.
    let stack = firmware_common::Stack { bottom: core::ptr::addr_of!(_stack_end) as usize, top: core::ptr::addr_of!(_stack_start) as usize };
    firmware_common::run("mps2-an386", &FROZEN, heap, stack)
}
