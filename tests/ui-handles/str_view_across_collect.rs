// A borrowed view of a str ends before the next call that may collect.
use std::mem::MaybeUninit;

fn main() {
    let mut mem = vec![MaybeUninit::<u8>::uninit(); 64 * 1024];
    let mut out = frostbyte::StdOut;
    let mut vm = frostbyte::Vm::new(&mut mem, &mut out);
    vm.scope(|s| {
        let o = s.new("text").unwrap();
        let view: &str = o.as_str(s).unwrap();
        let _other = s.new(1).unwrap();
        println!("{view}");
    });
}
