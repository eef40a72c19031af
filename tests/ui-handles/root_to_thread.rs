// A `Root` names a slot of its VM's table: it cannot be sent to another thread either.
use std::mem::MaybeUninit;

fn main() {
    let mut mem = vec![MaybeUninit::<u8>::uninit(); 64 * 1024];
    let mut out = frostbyte::StdOut;
    let mut vm = frostbyte::Vm::new(&mut mem, &mut out);
    let root = vm.scope(|s| {
        let o = s.new("text").unwrap();
        s.root(o).unwrap()
    });
    std::thread::spawn(move || drop(root));
}
