//! What every firmware example does, whatever the board: run the frozen application in a
//! Python heap taken from a static buffer, print through semihosting, and report footprint
//! figures measured from inside the running firmware.
//!
//! The application's output goes to semihosting stdout, so it can be compared byte for byte
//! with the host run. The footprint report (`[footprint] ...` lines) goes to semihosting stderr.
#![no_std]

pub mod clock;

use core::fmt::Write;
use core::mem::MaybeUninit;
use frostbyte::{Clock, Image, NativeModule};
use frostbyte::HeapStats;
use semihosting::io::Write as _;

/// Program output through semihosting stdout.
pub struct SemihostingOut(Option<semihosting::io::Stdout>);

impl SemihostingOut {
    /// Open semihosting stdout.
    pub fn new() -> Self {
        SemihostingOut(semihosting::io::stdout().ok())
    }
}

impl Default for SemihostingOut {
    fn default() -> Self {
        Self::new()
    }
}

impl frostbyte::Output for SemihostingOut {
    fn write_str(&mut self, s: &str) {
        if let Some(out) = &mut self.0 {
            let _ = out.write_all(s.as_bytes());
        }
    }
}

/// Report lines through semihosting stderr.
struct Report(Option<semihosting::io::Stderr>);

impl Write for Report {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        if let Some(e) = &mut self.0 {
            let _ = e.write_all(s.as_bytes());
        }
        Ok(())
    }
}

/// The recursion probe prints into the report.
impl frostbyte::Output for Report {
    fn write_str(&mut self, s: &str) {
        let _ = Write::write_str(self, s);
    }
}

/// The application's package, imported before `main` runs to measure the cost of importing.
const APP_MODULES: [&str; 6] = ["sensor", "sensor.readings", "sensor.stats", "sensor.filters", "sensor.alarms", "sensor.report"];

const PAINT: u32 = 0xC0FF_EE00;

/// Stack kept free below the VM's native stack budget: what one level of native recursion
/// or raising a RecursionError (which may collect) uses between two checks of the guard,
/// and the frames between the caller of [`set_stack_budget`] and the VM's entry (the budget
/// counts from `run_main`/`import`, a few hundred bytes deeper). An estimate: not yet
/// measured on the boards.
const STACK_RESERVE: usize = 2 * 1024;

/// Give `vm` the stack left below the caller's frame, minus [`STACK_RESERVE`], as its native
/// stack budget: deep native recursion (nested containers, native code calling back into
/// Python) then raises RecursionError instead of running off the stack region.
#[inline(always)]
fn set_stack_budget(vm: &mut frostbyte::Vm<'_>, stack: Stack) {
    let marker = 0u8;
    let here = core::hint::black_box(&marker) as *const u8 as usize;
    vm.set_native_stack_limit(here.saturating_sub(stack.bottom).saturating_sub(STACK_RESERVE));
}

/// The native stack region, as the board's linker script names it.
#[derive(Clone, Copy)]
pub struct Stack {
    /// Lowest address of the stack region (the stack grows down towards it).
    pub bottom: usize,
    /// Initial stack pointer (highest address).
    pub top: usize,
}

/// Fill the unused part of the stack (below the current frame) with a pattern.
#[inline(never)]
fn paint(stack: Stack) {
    let marker = 0u8;
    let here = core::ptr::addr_of!(marker) as usize;
    let end = here.saturating_sub(256) & !3;
    let mut p = (stack.bottom + 3) & !3;
    while p < end {
        // SAFETY: `p` lies between the stack's lowest address and 256 bytes below the current
        // frame, which no live frame uses; the region is RAM owned by the stack.
        unsafe { core::ptr::write_volatile(p as *mut u32, PAINT) };
        p += 4;
    }
}

/// Bytes of stack ever used: from the top down to the lowest word no longer painted.
fn high_water(stack: Stack) -> usize {
    let mut p = (stack.bottom + 3) & !3;
    while p < stack.top {
        // SAFETY: reading words of the stack region painted by `paint`.
        if unsafe { core::ptr::read_volatile(p as *const u32) } != PAINT {
            break;
        }
        p += 4;
    }
    stack.top - p
}

/// Run `main` from `image` and exit through semihosting: status 0 on success, 1 after an
/// uncaught Python exception (whose traceback is printed first). `clock` (the board's
/// hardware timer, see [`clock`]) is the `time` module's and times the run for the report.
pub fn run(board: &str, image: &'static Image, heap: &'static mut [MaybeUninit<u8>], stack: Stack, clock: &dyn Clock) -> ! {
    paint(stack);
    let ok = run_app(board, image, heap, stack, clock);
    semihosting::process::exit(if ok { 0 } else { 1 })
}

/// Run the application, then the recursion probe, and write the `[footprint]` report.
fn run_app(board: &str, image: &'static Image, heap: &'static mut [MaybeUninit<u8>], stack: Stack, clock: &dyn Clock) -> bool {
    let mut report = Report(semihosting::io::stderr().ok());
    let t0 = clock.ticks_us();
    let (ok, stats, retained) = run_main_app(&mut report, board, image, &mut *heap, stack, clock);
    let _ = writeln!(report, "[footprint] {board}: import and main took {} us (hardware clock)", clock.ticks_us() - t0);
    // The recursion probe (`depth`, 200 Python calls deep) in a fresh VM on the same heap, its
    // output in the report: the stack high-water mark below covers the application and the
    // probe. It is not part of the compared output because the micro:bit's 8 KiB heap holds
    // fewer than 200 frames next to nothing else (see examples/app/python/depth.py).
    let _ = write!(report, "[footprint] {board}: recursion probe: ");
    let probe_ok = run_probe(image, heap, stack);
    let _ = writeln!(
        report,
        "[footprint] {board}: heap {} B, retained after import {} B, peak {} B, stack high-water {} B",
        stats.total,
        retained,
        stats.peak,
        high_water(stack)
    );
    ok && probe_ok
}

/// Run the board's own program, `main` from `image` (a board crate whose build.rs freezes its
/// own `python/main.py`, such as the asyncio boards), with the board's native `modules`
/// registered first, and exit through semihosting: status 0
/// on success, 1 after an uncaught Python exception (its traceback printed first). Reports the
/// run time on `clock`, the heap and its peak, and the stack high-water mark.
pub fn run_program(
    board: &str,
    image: &'static Image,
    modules: &[&'static NativeModule],
    heap: &'static mut [MaybeUninit<u8>],
    stack: Stack,
    clock: &dyn Clock,
) -> ! {
    run_program_then(board, image, modules, heap, stack, clock, || {})
}

/// [`run_program`], calling `report_more` (which may write more `[footprint]` lines) after the
/// run, before the exit.
pub fn run_program_then(
    board: &str,
    image: &'static Image,
    modules: &[&'static NativeModule],
    heap: &'static mut [MaybeUninit<u8>],
    stack: Stack,
    clock: &dyn Clock,
    report_more: fn(),
) -> ! {
    paint(stack);
    let mut report = Report(semihosting::io::stderr().ok());
    let t0 = clock.ticks_us();
    let mut out = SemihostingOut::new();
    let mut vm = frostbyte::Vm::new(heap, &mut out);
    vm.set_clock(clock);
    set_stack_budget(&mut vm, stack);
    let added = modules.iter().all(|m| vm.add_module(m).is_ok()) && vm.add_image(image).is_ok();
    let ok = added && {
        let r = vm.run_main("main");
        if let Err(e) = &r {
            vm.print_exception(e);
        }
        r.is_ok()
    };
    if !added {
        let _ = writeln!(report, "[footprint] {board}: a native module or the image was rejected");
    }
    let st = vm.heap_stats();
    let _ = writeln!(
        report,
        "[footprint] {board}: ran in {} us (hardware clock), heap {} B, peak {} B, stack high-water {} B",
        clock.ticks_us() - t0,
        st.total,
        st.peak,
        high_water(stack)
    );
    report_more();
    semihosting::process::exit(if ok { 0 } else { 1 })
}

/// main.py in a VM on `heap`: (success, heap statistics, bytes retained by importing the
/// application's modules). A function of its own, like [`run_probe`], so the two VMs share
/// one stack slot instead of both being live in the caller's frame.
#[inline(never)]
fn run_main_app(
    report: &mut Report,
    board: &str,
    image: &'static Image,
    heap: &mut [MaybeUninit<u8>],
    stack: Stack,
    clock: &dyn Clock,
) -> (bool, HeapStats, usize) {
    let mut out = SemihostingOut::new();
    let mut vm = frostbyte::Vm::new(heap, &mut out);
    vm.set_clock(clock);
    set_stack_budget(&mut vm, stack);
    if vm.add_image(image).is_err() {
        let _ = writeln!(report, "[footprint] {board}: image rejected");
        return (false, vm.heap_stats(), 0);
    }
    vm.collect();
    let baseline = vm.heap_stats().used;
    // Import the application's package, every module of it (what `main` imports before it
    // starts working); what stays allocated after a collection is the cost of importing.
    let imported = APP_MODULES.iter().try_for_each(|m| vm.import(m));
    vm.collect();
    let after_import = vm.heap_stats().used;
    let result = match imported {
        Ok(()) => vm.run_main("main"),
        Err(e) => Err(e),
    };
    let ok = match &result {
        Ok(()) => true,
        Err(e) => {
            vm.print_exception(e);
            false
        }
    };
    (ok, vm.heap_stats(), after_import.saturating_sub(baseline))
}

/// The recursion probe (`depth`) in a fresh VM on `heap`, printing to the report stream.
#[inline(never)]
fn run_probe(image: &'static Image, heap: &mut [MaybeUninit<u8>], stack: Stack) -> bool {
    let mut probe_out = Report(semihosting::io::stderr().ok());
    let mut vm = frostbyte::Vm::new(heap, &mut probe_out);
    set_stack_budget(&mut vm, stack);
    match vm.add_image(image) {
        Ok(()) => match vm.run_main("depth") {
            Ok(()) => true,
            Err(e) => {
                vm.print_exception(&e);
                false
            }
        },
        Err(_) => false,
    }
}

/// The whole program of a Cortex-M board crate (`cortex-m-rt`): freeze-time image from the
/// crate's build.rs, a Python heap of `$heap` bytes taken from a static buffer, the stack region
/// as `cortex-m-rt`'s linker script names it, then [`run`] (the example application and the
/// recursion probe), or [`run_program`] when the board name follows `program` (the board's own
/// `python/main.py`). The board crate supplies only its name, its heap size, `memory.x` and
/// the QEMU runner.
///
/// The board's clock: `systick: kHz` (Cortex-M3/M4: SysTick at that core clock, and the
/// macro defines the `SysTick` handler) or `nrf51` (TIMER0).
///
/// ```ignore
/// firmware_common::cortex_m_board!("lm3s6965", 32 * 1024, systick: 12_500);
/// firmware_common::cortex_m_board!(program "microbit-asyncio", 8 * 1024, nrf51);
/// ```
#[macro_export]
macro_rules! cortex_m_board {
    ($board:literal, $heap:expr, $($clock:tt)+) => {
        $crate::cortex_m_board!(@clock run, $board, $heap, $($clock)+);
    };
    (program $board:literal, $heap:expr, $($clock:tt)+) => {
        $crate::cortex_m_board!(@clock run_program, $board, $heap, $($clock)+);
    };
    (@clock $run:ident, $board:literal, $heap:expr, systick: $khz:expr) => {
        #[cortex_m_rt::exception]
        fn SysTick() {
            $crate::clock::systick_handler();
        }

        $crate::cortex_m_board!(@main $run, $board, $heap, {
            // SAFETY: started once; the SysTick handler above calls `systick_handler`.
            unsafe { $crate::clock::SysTickClock::start($khz) }
        });
    };
    (@clock $run:ident, $board:literal, $heap:expr, nrf51) => {
        $crate::cortex_m_board!(@main $run, $board, $heap, {
            // SAFETY: started once; nothing else uses TIMER0.
            unsafe { $crate::clock::Nrf51TimerClock::start() }
        });
    };
    (@call run, $($arg:expr),+) => {
        $crate::run($($arg),+)
    };
    (@call run_program, $board:expr, $image:expr, $($arg:expr),+) => {
        $crate::run_program($board, $image, &[], $($arg),+)
    };
    (@main $run:ident, $board:literal, $heap:expr, $clock:block) => {
        include!(concat!(env!("OUT_DIR"), "/frostbyte_frozen.rs"));

        extern "C" {
            static _stack_start: u32;
            static _stack_end: u32;
        }

        #[cortex_m_rt::entry]
        fn main() -> ! {
            const HEAP_SIZE: usize = $heap;
            let heap: &'static mut [core::mem::MaybeUninit<u8>; HEAP_SIZE] = cortex_m::singleton!(
                : [core::mem::MaybeUninit<u8>; HEAP_SIZE] = [core::mem::MaybeUninit::uninit(); HEAP_SIZE]
            )
            .unwrap();
            // Only the addresses of the linker-defined symbols are taken; they are never read.
            let stack = $crate::Stack {
                bottom: core::ptr::addr_of!(_stack_end) as usize,
                top: core::ptr::addr_of!(_stack_start) as usize,
            };
            let clock = $clock;
            $crate::cortex_m_board!(@call $run, $board, &FROZEN, heap, stack, &clock)
        }
    };
}

/// The whole `main.rs` of a QEMU RISC-V `virt` board (rv32imc): the frozen image, a heap of
/// the given size in a `static`, the stack bounds `riscv-rt`'s linker script names, the
/// CLINT clock, then [`run`] (the example application and the recursion probe) or
/// [`run_program`] when the board name follows `program` (the board's own `python/main.py`),
/// as [`cortex_m_board!`] does for the Cortex-M boards. The board crate keeps its crate doc,
/// `#![no_std]`, `#![no_main]` and its panic handler.
///
/// ```ignore
/// firmware_common::riscv_virt_board!("riscv-virt", 32 * 1024);
/// firmware_common::riscv_virt_board!(program "riscv-virt-asyncio", 32 * 1024);
/// ```
#[macro_export]
macro_rules! riscv_virt_board {
    ($board:literal, $heap:expr) => {
        $crate::riscv_virt_board!(@main run, $board, $heap);
    };
    (program $board:literal, $heap:expr) => {
        $crate::riscv_virt_board!(@main run_program, $board, $heap);
    };
    (@main $run:ident, $board:literal, $heap:expr) => {
        include!(concat!(env!("OUT_DIR"), "/frostbyte_frozen.rs"));

        const HEAP_SIZE: usize = $heap;

        static mut HEAP: [core::mem::MaybeUninit<u8>; HEAP_SIZE] = [core::mem::MaybeUninit::uninit(); HEAP_SIZE];

        extern "C" {
            static __estack: u32;
            static __sstack: u32;
        }

        #[riscv_rt::entry]
        fn main() -> ! {
            // SAFETY: `main` runs once on the single hart; this is the only reference to HEAP.
            let heap = unsafe { &mut *core::ptr::addr_of_mut!(HEAP) };
            // Only the addresses of the linker-defined symbols are taken; they are never read.
            let stack = $crate::Stack {
                bottom: core::ptr::addr_of!(__estack) as usize,
                top: core::ptr::addr_of!(__sstack) as usize,
            };
            // SAFETY: the only clock; hart 0 is the only hart.
            let clock = unsafe { $crate::clock::ClintClock::new() };
            $crate::cortex_m_board!(@call $run, $board, &FROZEN, heap, stack, &clock)
        }
    };
}
