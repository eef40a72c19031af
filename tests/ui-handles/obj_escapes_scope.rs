// A handle cannot leave the scope that roots it: after `scope` returns, its object may be
// collected.
use std::mem::MaybeUninit;

fn main() {
    let mut mem = vec![MaybeUninit::<u8>::uninit(); 64 * 1024];
    let mut out = frostbyte::StdOut;
    let mut vm = frostbyte::Vm::new(&mut mem, &mut out);
    let escaped = vm.scope(|s| s.new("text").unwrap());
    vm.collect();
    let _ = escaped;
}
