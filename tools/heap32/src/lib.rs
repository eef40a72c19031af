//! Heap figures of examples/app on the target this is compiled for: bytes retained by
//! `import sensor`, the live heap after `main.py`, and the smallest heap region it runs in,
//! each with `Vm::heap_census_table`. On wasm32 this is a real 32-bit measurement (4-byte
//! words and pointers, 8-byte blocks); `run.mjs` calls [`report`] and prints the text.

use std::fmt::Write;
use std::mem::MaybeUninit;

include!(concat!(env!("OUT_DIR"), "/frostbyte_frozen.rs"));

#[derive(Default)]
struct Capture(String);

impl frostbyte::Output for Capture {
    fn write_str(&mut self, s: &str) {
        self.0.push_str(s);
    }
}

/// Run main.py in a heap region of `size` bytes: (ok, used after a collection, peak, census).
fn run_app(size: usize, census: bool) -> (bool, usize, usize, String) {
    let mut mem = vec![MaybeUninit::<u8>::uninit(); size];
    let mut out = Capture::default();
    let mut vm = frostbyte::Vm::new(&mut mem, &mut out);
    vm.add_image(&FROZEN).expect("image built for this VM");
    let ok = vm.run_main("main").is_ok();
    vm.collect();
    let st = vm.heap_stats();
    let table = if census { vm.heap_census_table() } else { String::new() };
    (ok, st.used, st.peak, table)
}

/// Time stands still until the VM idles, then jumps to the deadline (asyncio's figures).
struct StillClock(std::cell::Cell<u64>);

impl frostbyte::Clock for StillClock {
    fn ticks_us(&self) -> u64 {
        self.0.get()
    }
    fn idle(&self, until: u64) {
        self.0.set(until.min(self.0.get() + 1_000_000_000));
    }
}

/// asyncio: bytes retained by `import asyncio`, and what `heap.py` prints (a bare
/// coroutine, a created task and a sleeping task, each with its coroutine).
fn asyncio_report(s: &mut String) {
    let clock = StillClock(std::cell::Cell::new(0));
    let mut mem = vec![MaybeUninit::<u8>::uninit(); 256 * 1024];
    let mut out = Capture::default();
    let mut vm = frostbyte::Vm::new(&mut mem, &mut out);
    vm.set_clock(&clock);
    vm.add_image(&FROZEN).expect("image built for this VM");
    let _ = vm.import("gc").and_then(|_| vm.import("time"));
    vm.collect();
    let base = vm.heap_stats().used;
    let ok = vm.import("asyncio").is_ok();
    vm.collect();
    let retained = vm.heap_stats().used - base;
    let _ = writeln!(s, "== after `import asyncio` (ok={ok}): {retained} B retained\n{}", vm.heap_census_table());
    let ran = vm.import("heap").is_ok();
    drop(vm);
    let _ = writeln!(
        s,
        "== asyncio tasks (ok={ran}): coroutine, created task, sleeping task (B each): {}",
        out.0.trim()
    );
}

/// array: what `tests/fixtures/array/heap.py` prints (bytes retained by `import array`, by
/// `array('i', range(10))`, by `array('i', [0] * 10)`, and the items' own bytes).
fn array_report(s: &mut String) {
    import_report(s, "array_heap", "array", "import, array('i', range(10)), array('i', [0] * 10), item bytes (B)");
}

/// dict: what `tests/fixtures/dict/heap.py` prints (bytes retained by dicts of 0, 1, 2, 4,
/// 8 and 16 entries with str keys, the same with small-int keys, then `{}` and `{'a': 1}`).
fn dict_report(s: &mut String) {
    import_report(s, "dict_heap", "dict", "0, 1, 2, 4, 8, 16 str keys; the same with int keys; {}, {'a': 1} (B)");
}

/// Import the frozen fixture `module` in a fresh 64 KiB VM and report what it printed.
fn import_report(s: &mut String, module: &str, title: &str, what: &str) {
    let mut mem = vec![MaybeUninit::<u8>::uninit(); 64 * 1024];
    let mut out = Capture::default();
    let ok = {
        let mut vm = frostbyte::Vm::new(&mut mem, &mut out);
        vm.add_image(&FROZEN).expect("image built for this VM");
        vm.import(module).is_ok()
    };
    let _ = writeln!(s, "== {title} (ok={ok}): {what}: {}", out.0.trim());
}

/// The whole report as text.
pub fn report_text() -> String {
    let mut s = String::new();
    array_report(&mut s);
    dict_report(&mut s);
    asyncio_report(&mut s);
    let bits = usize::BITS;
    let mut mem = vec![MaybeUninit::<u8>::uninit(); 256 * 1024];
    let mut out = Capture::default();
    let mut vm = frostbyte::Vm::new(&mut mem, &mut out);
    vm.add_image(&FROZEN).expect("image built for this VM");
    vm.collect();
    let base = vm.heap_stats().used;
    let _ = writeln!(s, "== fresh VM ({bits}-bit, block {} B): {base} B\n{}", frostbyte::__private::HEAP_BLOCK, vm.heap_census_table());
    let imported = vm.import("sensor").is_ok();
    vm.collect();
    let retained = vm.heap_stats().used - base;
    let _ = writeln!(s, "== after `import sensor` (ok={imported}): {retained} B retained\n{}", vm.heap_census_table());
    drop(vm);
    // The import-cost target's package shape: about 170 lines, 5 classes, 35 functions.
    let mut vm = frostbyte::Vm::new(&mut mem, &mut out);
    vm.add_image(&FROZEN).expect("image built for this VM");
    vm.collect();
    let base = vm.heap_stats().used;
    let ctl_ok = ["ctl", "ctl.vec", "ctl.pid", "ctl.ring", "ctl.codec"].iter().all(|m| vm.import(m).is_ok());
    vm.collect();
    let ctl = vm.heap_stats().used - base;
    let _ = writeln!(
        s,
        "== after importing all of `ctl` (tests/corpus/import_target: 172 lines, 5 classes, 35 functions; ok={ctl_ok}): {ctl} B retained\n{}",
        vm.heap_census_table()
    );
    drop(vm);
    let (ok, used, peak, table) = run_app(256 * 1024, true);
    let _ = writeln!(s, "== after main.py (ok={ok}): {used} B in use, peak {peak} B in a 256 KiB region\n{table}");
    let (mut lo, mut hi) = (1024, 256 * 1024);
    while hi - lo > 64 {
        let mid = (lo + hi) / 2;
        if run_app(mid, false).0 { hi = mid } else { lo = mid }
    }
    let (_, _, peak_min, _) = run_app(hi, false);
    let _ = writeln!(
        s,
        "== summary ({bits}-bit): import sensor retains {retained} B; the ctl package {ctl} B; after main.py {used} B in use; \
         smallest region that runs main.py: {hi} B (peak {peak_min} B of heap blocks)"
    );
    for kb in [8usize, 12, 16, 24, 32] {
        let (ok, ..) = run_app(kb * 1024, false);
        let _ = writeln!(s, "   runs in {kb} KiB: {ok}");
    }
    s
}

/// For the wasm host: run the report and return `ptr << 32 | len` of its UTF-8 text.
#[no_mangle]
pub extern "C" fn report() -> u64 {
    let s = report_text().into_bytes().into_boxed_slice();
    let len = s.len() as u64;
    let ptr = Box::leak(s).as_ptr() as usize as u64;
    ptr << 32 | len
}
