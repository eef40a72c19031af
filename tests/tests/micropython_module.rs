//! The `micropython` module (CPython has none, so it is tested here rather than in the
//! corpus): `const()` folded at compile time (a `_NAME` is not stored), `opt_level`,
//! `heap_lock`/`heap_unlock`/`heap_locked` (allocation fails while locked) and `mem_info`.

use std::mem::MaybeUninit;

use frostbyte::Image;
use frostbyte_tests::Capture;

static MP: &Image = frostbyte::include_python!("../fixtures/micropython/mp.py", module = "mp");

#[test]
fn micropython_module() {
    let mut mem = vec![MaybeUninit::<u8>::uninit(); 64 * 1024];
    let mut out = Capture::default();
    let (ok, st) = {
        let mut vm = frostbyte::Vm::new(&mut mem, &mut out);
        vm.add_image(MP).expect("image accepted");
        let r = vm.run_main("mp");
        (r.is_ok(), vm.heap_stats())
    };
    assert!(ok);
    let text = out.0;
    let (head, mem_lines) = text.split_at(text.find("stack: ").expect("mem_info output"));
    assert_eq!(head, "5 -349510 5 -349526 3\nFalse True None\n7 0\n2\nlocked\n1 0 0\n[1, 2]\n");
    let mut lines = mem_lines.lines();
    // MicroPython's first line: native stack used and the budget.
    let stack = lines.next().unwrap_or("");
    let used: usize = stack.strip_prefix("stack: ").and_then(|s| s.split(' ').next()?.parse().ok()).unwrap_or(0);
    assert!(used > 0 && stack.ends_with(" out of 1048576"), "{stack}");
    let first = lines.next().unwrap_or("");
    assert!(first.starts_with(&format!("GC: total: {}, used: ", st.total)), "{first}");
    assert_eq!(lines.clone().filter(|l| l.starts_with("GC: ")).count(), 1);
    assert_eq!(lines.clone().filter(|l| l.starts_with("stack: ")).count(), 1);
    assert!(lines.any(|l| l.starts_with(" peak: ")), "{mem_lines}");
}
