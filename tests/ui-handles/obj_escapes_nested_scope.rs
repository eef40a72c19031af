// A handle of a nested scope cannot be stored in a variable of the outer scope: the nested
// scope releases its roots when it returns.
use std::mem::MaybeUninit;

fn main() {
    let mut mem = vec![MaybeUninit::<u8>::uninit(); 64 * 1024];
    let mut out = frostbyte::StdOut;
    let mut vm = frostbyte::Vm::new(&mut mem, &mut out);
    vm.scope(|s| {
        let mut keep = s.none();
        s.scope(|inner, _| {
            keep = inner.new("text").unwrap();
        });
        let _ = keep;
    });
}
