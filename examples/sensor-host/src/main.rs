//! The main example: `examples/app`'s Python package, frozen by build.rs into `FROZEN` and run
//! in a 64 KiB Python heap: on a 64-bit host objects take twice the bytes they take on the
//! 32-bit boards, whose heap is 32 KiB.
use std::mem::MaybeUninit;

include!(concat!(env!("OUT_DIR"), "/frostbyte_frozen.rs"));

const HEAP: usize = 64 * 1024;

fn main() -> std::process::ExitCode {
    let mut heap = vec![MaybeUninit::<u8>::uninit(); HEAP];
    let mut out = frostbyte::StdOut;
    let mut vm = frostbyte::Vm::new(&mut heap, &mut out);
    vm.add_image(&FROZEN).expect("image built for this VM");
    let result = vm.run_main("main");
    let stats = vm.heap_stats();
    let code = match &result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            vm.print_exception(e);
            std::process::ExitCode::FAILURE
        }
    };
    if std::env::var_os("FROSTBYTE_STATS").is_some() {
        eprintln!("heap: {} bytes total, {} in use at exit, peak {}", stats.total, stats.used, stats.peak);
    }
    code
}
