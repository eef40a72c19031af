//! Frostbyte on QEMU `mps2-an386` (cortex-m4): the frozen sensor application in a 32 KiB Python heap,
//! output and exit status through semihosting.
#![no_std]
#![no_main]

use semihosting as _; // panic handler: print and exit with failure

firmware_common::cortex_m_board!("mps2-an386", 32 * 1024, systick: 25_000);
