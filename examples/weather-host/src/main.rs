//! An application built from a driver crate: build.rs freezes `python/main.py` together with
//! the Python that `frostbyte-example-bme280` declares (`Config::dependencies`), and main
//! registers that crate's native half.
use std::mem::MaybeUninit;

include!(concat!(env!("OUT_DIR"), "/frostbyte_frozen.rs"));

fn main() -> std::process::ExitCode {
    let mut heap = vec![MaybeUninit::<u8>::uninit(); 64 * 1024];
    let mut out = frostbyte::StdOut;
    let mut vm = frostbyte::Vm::new(&mut heap, &mut out);
    vm.add_image(&FROZEN).expect("image built for this VM");
    vm.add_module(&frostbyte_example_bme280::native::MODULE).expect("one native module");
    match vm.run_main("main") {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            vm.print_exception(&e);
            std::process::ExitCode::FAILURE
        }
    }
}
