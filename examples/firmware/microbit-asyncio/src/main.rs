//! Frostbyte on QEMU `microbit` (cortex-m0) running the asyncio application of
//! `mps2-an386-asyncio` (`python/main.py`, the corpus program `tests/corpus/asyncio_app.py`):
//! three tasks on one event loop in an 8 KiB Python heap, timed by the nRF51's TIMER0. The
//! output, through semihosting, must equal CPython's.
#![no_std]
#![no_main]

use semihosting as _; // panic handler: print and exit with failure

firmware_common::cortex_m_board!(program "microbit-asyncio", 8 * 1024, nrf51);
