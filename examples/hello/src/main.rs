//! One Python module, frozen into this binary by `include_python!` and run from static data.
use std::mem::MaybeUninit;

static HELLO: &frostbyte::Image = frostbyte::include_python!("hello.py");

fn main() -> std::process::ExitCode {
    let mut heap = vec![MaybeUninit::<u8>::uninit(); 16 * 1024];
    let mut out = frostbyte::StdOut;
    let mut vm = frostbyte::Vm::new(&mut heap, &mut out);
    vm.add_image(HELLO).expect("image built for this VM");
    match vm.run_main("hello") {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            vm.print_exception(&e);
            std::process::ExitCode::FAILURE
        }
    }
}
