//! What the example application (examples/app) costs in heap: bytes retained by importing the
//! `sensor` package, the live heap after running `main.py`, and the smallest heap it runs in,
//! with a per-type census (`Vm::heap_census_table`). Run with `--nocapture` to see the tables:
//!
//! ```text
//! cargo test -p frostbyte-tests --test heap_census -- --nocapture
//! ```

use std::mem::MaybeUninit;

use frostbyte::{Error, Image};
use frostbyte_tests::Capture;

static SENSOR: &Image = frostbyte::include_python!("../../examples/app/python/sensor");
static MAIN: &Image = frostbyte::include_python!("../../examples/app/python/main.py", module = "main");
const EXPECTED: &str = include_str!("../../examples/app/expected_output.txt");

fn vm_with<'a>(mem: &'a mut [MaybeUninit<u8>], out: &'a mut Capture) -> frostbyte::Vm<'a> {
    let mut vm = frostbyte::Vm::new(mem, out);
    vm.add_image(SENSOR).expect("image accepted");
    vm.add_image(MAIN).expect("image accepted");
    vm
}

/// Run main.py in a heap of `size` bytes: (output, ok, used after a final collection, peak).
fn run_app(size: usize) -> (String, bool, usize, usize) {
    let mut mem = vec![MaybeUninit::<u8>::uninit(); size];
    let mut out = Capture::default();
    let mut vm = vm_with(&mut mem, &mut out);
    let r = vm.run_main("main");
    let ok = r.is_ok();
    let mut tb = Capture::default();
    if let Err(e) = r {
        vm.print_exception_to(&e, &mut tb);
    }
    vm.collect();
    let st = vm.heap_stats();
    (out.0 + &tb.0, ok, st.used, st.peak)
}

#[test]
fn sensor_app_heap_census() {
    let word = std::mem::size_of::<usize>();
    // Importing the package.
    let mut mem = vec![MaybeUninit::<u8>::uninit(); 256 * 1024];
    let mut out = Capture::default();
    let mut vm = vm_with(&mut mem, &mut out);
    vm.collect();
    let base = vm.heap_stats().used;
    eprintln!("== census of a fresh VM ({}-bit): {base} bytes\n{}", word * 8, vm.heap_census_table());
    vm.import("sensor").expect("sensor imports");
    vm.collect();
    let retained = vm.heap_stats().used - base;
    eprintln!("== census after `import sensor`: {retained} bytes retained\n{}", vm.heap_census_table());
    // Issue 3: at most 1,200 bytes on 32-bit (MicroPython: 1,696); layouts are words, so
    // twice that on 64-bit. tools/heap32 measures the 32-bit figure (880 B).
    assert!(retained <= 1200 * word / 4, "import sensor retained {retained} bytes");

    // Running the application in a large heap, then the smallest heap it runs in.
    let (text, ok, used, peak) = run_app(256 * 1024);
    assert!(ok, "app failed:\n{text}");
    assert_eq!(text, EXPECTED);
    let mut mem = vec![MaybeUninit::<u8>::uninit(); 256 * 1024];
    let mut out = Capture::default();
    let mut vm = vm_with(&mut mem, &mut out);
    let _ = vm.run_main("main");
    vm.collect();
    eprintln!("== census after running main.py: {used} bytes in use\n{}", vm.heap_census_table());
    let (mut lo, mut hi) = (1024, 256 * 1024);
    while hi - lo > 256 {
        let mid = (lo + hi) / 2;
        if run_app(mid).1 {
            hi = mid
        } else {
            lo = mid
        }
    }
    let (text, ok, _, peak_min) = run_app(hi);
    assert!(ok && text == EXPECTED);
    eprintln!(
        "== summary ({}-bit): import sensor retains {retained} B; after main.py {used} B in use, \
         peak {peak} B in a 256 KiB heap; smallest heap that runs it: {hi} B region (peak {peak_min} B)",
        word * 8
    );
}

mod native {
    use frostbyte::{Args, Error, NativeFunction, NativeModule, Obj, Scope};

    pub struct Led;

    fn nop<'s>(s: &mut Scope<'s>, _a: Args<'s>) -> Result<Obj<'s>, Error> {
        Ok(s.none())
    }

    fn led_new<'s>(s: &mut Scope<'s>, _a: Args<'s>) -> Result<Obj<'s>, Error> {
        s.instance(&LED, Led)
    }

    frostbyte::native_class!(
        pub static LED: NativeClass<Led> = ("Led", led_new, &[NativeFunction::new("on", nop)]);
    );

    pub static BOARD: NativeModule =
        NativeModule::new("census_board", &[NativeFunction::new("reset", nop), NativeFunction::new("sleep_ms", nop)])
            .with_classes(&[LED.entry()]);
}

static CENSUS_USER: &Image = frostbyte::include_python!("../fixtures/embed/census_user.py");

/// Issue 10: a native module is a static table, so importing it costs no heap at all: no
/// module object, no dict, no name string, no `sys.modules` entry. Nor does using it from
/// Python: importing it in a function, reading its functions and class, `from ... import`,
/// calling a function (the call's frame is freed on return; the names are frozen qstrs).
#[test]
fn importing_a_native_module_costs_no_heap() {
    let mut mem = vec![MaybeUninit::<u8>::uninit(); 64 * 1024];
    let mut out = Capture::default();
    let mut vm = frostbyte::Vm::new(&mut mem, &mut out);
    vm.add_module(&native::BOARD).expect("module accepted");
    vm.collect();
    let before = vm.heap_stats();
    vm.import("census_board").expect("native module imports");
    let same = vm.scope(|s| -> Result<bool, Error> {
        let m = s.import("census_board")?;
        // Importing again gives the same (static) object.
        let again = s.import("census_board")?;
        Ok(again.is(m) && m.type_name(s) == "module")
    });
    assert!(same.expect("imports"));
    let after = vm.heap_stats();
    assert_eq!(after.collections, before.collections, "no collection hid an allocation");
    eprintln!("== import census_board: {} bytes of heap", after.used - before.used);
    assert_eq!(after.used, before.used, "importing a native module allocated {} bytes", after.used - before.used);

    vm.add_image(CENSUS_USER).expect("image accepted");
    vm.import("census_user").expect("census_user imports");
    vm.collect();
    let before = vm.heap_stats();
    let r = vm.scope(|s| -> Result<(), Error> {
        let touch = s.import("census_user")?.getattr(s, "touch")?;
        touch.call(s, ())?;
        touch.call(s, ())?;
        Ok(())
    });
    r.expect("touch() runs");
    let after = vm.heap_stats();
    // The calls allocate frames, which the GC-stress mode collects before; freed on return.
    if !cfg!(feature = "gc-stress") {
        assert_eq!(after.collections, before.collections, "no collection hid an allocation");
    }
    eprintln!("== census_user.touch() twice: {} bytes of heap", after.used - before.used);
    assert_eq!(
        after.used,
        before.used,
        "using a native module from Python allocated {} bytes",
        after.used - before.used
    );
}
