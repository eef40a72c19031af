//! Frostbyte on QEMU `lm3s6965evb` (cortex-m3): the frozen sensor application in a 32 KiB Python heap,
//! output and exit status through semihosting.
#![no_std]
#![no_main]

use semihosting as _; // panic handler: print and exit with failure

firmware_common::cortex_m_board!("lm3s6965", 32 * 1024, systick: 12_500);
