//! Frostbyte on QEMU `mps2-an385` (cortex-m3) running the asyncio application of
//! `mps2-an386-asyncio` (`python/main.py`, the corpus program `tests/corpus/asyncio_app.py`):
//! three tasks on one event loop in a 32 KiB Python heap, sleeping on the SysTick clock
//! (`WFI` until the next millisecond). The output, through semihosting, must equal CPython's.
#![no_std]
#![no_main]

use semihosting as _; // panic handler: print and exit with failure

firmware_common::cortex_m_board!(program "mps2-an385-asyncio", 32 * 1024, systick: 25_000);
