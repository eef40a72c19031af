// A handle of one scope cannot be used with another scope (of the same VM without `Lift`,
// or of another VM).
use std::mem::MaybeUninit;

fn main() {
    let mut mem = vec![MaybeUninit::<u8>::uninit(); 64 * 1024];
    let mut out = frostbyte::StdOut;
    let mut vm = frostbyte::Vm::new(&mut mem, &mut out);
    vm.scope(|s| {
        let o = s.new("text").unwrap();
        s.scope(|inner, _| {
            let _ = o.getattr(inner, "upper");
        });
    });
}
