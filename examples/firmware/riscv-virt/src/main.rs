//! Frostbyte on QEMU RISC-V `virt` (rv32imc): the frozen sensor application in a 32 KiB Python
//! heap, output and exit status through semihosting.
#![no_std]
#![no_main]

use semihosting as _; // panic handler: print and exit with failure

firmware_common::riscv_virt_board!("riscv-virt", 32 * 1024);
