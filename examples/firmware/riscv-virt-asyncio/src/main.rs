//! Frostbyte on QEMU RISC-V `virt` (rv32imc) running the asyncio application of
//! `mps2-an386-asyncio` (`python/main.py`, the corpus program `tests/corpus/asyncio_app.py`):
//! three tasks on one event loop in a 32 KiB Python heap, sleeping on the CLINT (`WFI` with
//! `mtimecmp` at the next deadline). The output, through semihosting, must equal CPython's.
#![no_std]
#![no_main]

use semihosting as _; // panic handler: print and exit with failure

firmware_common::riscv_virt_board!(program "riscv-virt-asyncio", 32 * 1024);
