//! MicroPython's side of `gc` (`threshold`, `disable` stopping automatic collections) and
//! of `sys` (`print_exception`) and `micropython` (`qstr_info`, `stack_use`,
//! `alloc_emergency_exception_buf`, `kbd_intr`), plus the parts of `sys` whose values are
//! Frostbyte's own (`version_info` of 3.11.0, `implementation`, `platform`): CPython has
//! none of these or other values, so they are tested here rather than in the corpus.
//! Expected values follow MicroPython's documentation.

use std::mem::MaybeUninit;

use frostbyte::Image;
use frostbyte_tests::Capture;

static GC_ON: &Image = frostbyte::include_python!("../fixtures/sysgc/gc_on.py", module = "gc_on");
static GC_OFF: &Image = frostbyte::include_python!("../fixtures/sysgc/gc_off.py", module = "gc_off");
static GC_THRESHOLD: &Image = frostbyte::include_python!("../fixtures/sysgc/gc_threshold.py", module = "gc_threshold");
static GC_API: &Image = frostbyte::include_python!("../fixtures/sysgc/gc_api.py", module = "gc_api");
static SYS_MP: &Image = frostbyte::include_python!("../fixtures/sysgc/sys_mp.py", module = "sys_mp");

/// Run `module` of `image` in a fresh VM with a `heap`-byte region: its output and the
/// number of collections it ran.
fn run(image: &'static Image, module: &str, heap: usize, platform: Option<&'static str>) -> (String, usize) {
    let mut mem = vec![MaybeUninit::<u8>::uninit(); heap];
    let mut out = Capture::default();
    let collections = {
        let mut vm = frostbyte::Vm::new(&mut mem, &mut out);
        if let Some(p) = platform {
            vm.set_platform(p);
        }
        vm.add_image(image).expect("image accepted");
        let r = vm.run_main(module);
        if let Err(e) = &r {
            vm.print_exception(e);
        }
        assert!(r.is_ok());
        vm.heap_stats().collections
    };
    (out.0, collections)
}

#[test]
fn gc_disable_stops_automatic_collections() {
    if cfg!(feature = "gc-stress") {
        return; // collects before every allocation by design
    }
    // 400 lists of 6 items: about 40 KB allocated on 64-bit, in a 64 KiB region.
    let (out, on) = run(GC_ON, "gc_on", 64 * 1024, None);
    assert_eq!(out, "True -1\nTrue -1\n");
    let (out, off) = run(GC_OFF, "gc_off", 64 * 1024, None);
    assert_eq!(out, "False -1\nFalse -1\n");
    let (out, thr) = run(GC_THRESHOLD, "gc_threshold", 64 * 1024, None);
    assert_eq!(out, "True 1024\nTrue 1024\n");
    // gc.collect() at the start counts as one in each run.
    assert!(on >= 3, "the heap's own policy collects: {on}");
    assert_eq!(off, 1, "disabled: no automatic collection while the heap has room");
    assert!(thr > on * 4, "a 1 KiB threshold collects far more often: {thr} vs {on}");
    // Disabled on a heap too small for the garbage: collections still happen when it is
    // exhausted, and the program completes.
    let (out, small) = run(GC_OFF, "gc_off", 12 * 1024, None);
    assert_eq!(out, "False -1\nFalse -1\n");
    assert!(small > 1, "an exhausted heap collects even when disabled: {small}");
}

#[test]
fn gc_api() {
    let (out, _) = run(GC_API, "gc_api", 64 * 1024, None);
    assert_eq!(out, "-1\n4096\n-1\nFalse\nTrue\nint True True\nTrue True\nTypeError\nTypeError\n");
}

#[test]
fn sys_and_micropython_extras() {
    let (out, _) = run(SYS_MP, "sys_mp", 64 * 1024, Some("rp2"));
    let v = env!("CARGO_PKG_VERSION");
    let parts: Vec<u32> = v.split('.').map(|p| p.parse().expect("numeric version")).collect();
    let hex = parts[0] << 24 | parts[1] << 16 | parts[2] << 8 | 0xf0;
    let expected = format!(
        "sys.version_info(major=3, minor=11, micro=0, releaselevel='final', serial=0)\n\
         3 0 final 11\n\
         3.11.0 (frostbyte {v})\n\
         0x30b00f0\n\
         namespace(name='frostbyte', cache_tag=None, version=sys.version_info(major={}, minor={}, micro={}, \
         releaselevel='final', serial=0), hexversion={hex})\n\
         frostbyte None ({}, {})\n\
         rp2 {} {} []\n\
         Traceback (most recent call last):\n  File \"../fixtures/sysgc/sys_mp.py\", line 11, in <module>\n\
         ZeroDivisionError: division by zero\n\
         W: ValueError: bad\n\
         KeyError: 'k'\n\
         qstr pool: n_pool=0, n_qstr=0, n_str_data_bytes=0, n_total_bytes=0\n\
         True\n\
         None None None\n",
        parts[0],
        parts[1],
        parts[2],
        parts[0],
        parts[1],
        if cfg!(target_endian = "little") { "little" } else { "big" },
        isize::MAX,
    );
    assert_eq!(out, expected);
    // The default platform on a Linux host is CPython's.
    if cfg!(target_os = "linux") {
        let (out, _) = run(SYS_MP, "sys_mp", 64 * 1024, None);
        assert!(out.contains("\nlinux little "), "{out}");
    }
}
