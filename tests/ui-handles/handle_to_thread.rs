// Handles belong to their VM's thread: an `Obj` cannot be sent to another one.
use std::mem::MaybeUninit;

fn main() {
    let mut mem = vec![MaybeUninit::<u8>::uninit(); 64 * 1024];
    let mut out = frostbyte::StdOut;
    let mut vm = frostbyte::Vm::new(&mut mem, &mut out);
    vm.scope(|s| {
        let o = s.new("text").unwrap();
        std::thread::scope(|t| {
            t.spawn(move || println!("{o:?}"));
        });
    });
}
