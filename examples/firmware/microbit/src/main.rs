//! Frostbyte on QEMU `microbit` (cortex-m0): the frozen sensor application in a 8 KiB Python heap,
//! output and exit status through semihosting.
#![no_std]
#![no_main]

use semihosting as _; // panic handler: print and exit with failure

firmware_common::cortex_m_board!("microbit", 8 * 1024, nrf51);
