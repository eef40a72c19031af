//! What importing each standard module costs in heap: every module is a ROM object over a
//! frozen namespace (vm/src/modules.rs) named by a ROM qstr, so an import retains only its
//! `sys.modules` entry: nothing while that dict has room, a table growth when it is full. Run with `--nocapture` to see the figures:
//!
//! ```text
//! cargo test -p frostbyte-tests --test stdlib_import_cost -- --nocapture
//! ```

use frostbyte_tests::Capture;
use std::mem::MaybeUninit;

#[derive(Default)]
struct Sink;

impl frostbyte::Output for Sink {
    fn write_str(&mut self, _s: &str) {}
}

const MODULES: &[&str] = &[
    "array",
    "binascii",
    "bisect",
    "cmath",
    "collections",
    "errno",
    "functools",
    "hashlib",
    "heapq",
    "io",
    "itertools",
    "json",
    "math",
    "micropython",
    "operator",
    "random",
    "re",
    "struct",
];

/// Bytes retained by importing `name` into a VM that has already imported `warm` (so
/// `sys.modules` exists and has room).
fn import_cost(name: &str, warm: &str) -> usize {
    let mut mem = vec![MaybeUninit::<u8>::uninit(); 64 * 1024];
    let mut out = Sink;
    let mut vm = frostbyte::Vm::new(&mut mem, &mut out);
    vm.import(warm).expect("warm-up import");
    vm.collect();
    let base = vm.heap_stats().used;
    vm.import(name).unwrap_or_else(|_| panic!("import {name}"));
    vm.collect();
    vm.heap_stats().used - base
}

#[test]
fn standard_modules_import_without_heap() {
    let word = std::mem::size_of::<usize>();
    for name in MODULES {
        let cost = import_cost(name, "gc");
        eprintln!("import {name:8} retains {cost:4} bytes ({}-bit)", word * 8);
        // The sys.modules entry fits the dict's free room (a heap namespace for errno alone
        // would be over 1 KiB, a heap str for the name 4 words).
        assert_eq!(cost, 0, "import {name} retained {cost} bytes");
    }
    // Importing again costs nothing.
    let mut mem = vec![MaybeUninit::<u8>::uninit(); 64 * 1024];
    let mut out = Sink;
    let mut vm = frostbyte::Vm::new(&mut mem, &mut out);
    for name in MODULES {
        vm.import(name).expect("import");
    }
    vm.collect();
    let before = vm.heap_stats().used;
    for name in MODULES {
        vm.import(name).expect("import again");
    }
    vm.collect();
    assert_eq!(vm.heap_stats().used, before);
}

static HASH_NONE: &frostbyte::Image =
    frostbyte::include_python!("../fixtures/sysgc/hash_none.py", module = "hash_none");
static HASH_ONE: &frostbyte::Image = frostbyte::include_python!("../fixtures/sysgc/hash_one.py", module = "hash_one");

/// Heap retained after running `module` of `image` (collected).
fn retained(image: &'static frostbyte::Image, module: &str) -> usize {
    let mut mem = vec![MaybeUninit::<u8>::uninit(); 64 * 1024];
    let mut out = Sink;
    let mut vm = frostbyte::Vm::new(&mut mem, &mut out);
    vm.add_image(image).expect("image accepted");
    vm.run_main(module).expect("runs");
    vm.collect();
    vm.heap_stats().used
}

/// A hash object is one heap object holding the whole state (sized for SHA-512's, whatever
/// the algorithm); feeding it and reading its digest leave nothing behind.
#[test]
fn hash_object_cost() {
    let cost = retained(HASH_ONE, "hash_one") - retained(HASH_NONE, "hash_none");
    eprintln!("a hashlib hash object retains {cost} bytes ({}-bit)", usize::BITS);
    assert!(cost > 200 && cost <= 232, "{cost}");
}

/// `tests/fixtures/array/heap.py`: what `import array` and a small array retain.
static ARRAY_HEAP: &frostbyte::Image = frostbyte::include_python!("../fixtures/array/heap.py", module = "heap");

#[test]
fn array_heap_cost() {
    let mut mem = vec![MaybeUninit::<u8>::uninit(); 64 * 1024];
    let mut out = Capture::default();
    {
        let mut vm = frostbyte::Vm::new(&mut mem, &mut out);
        vm.add_image(ARRAY_HEAP).expect("image");
        vm.import("heap").expect("heap.py runs");
    }
    let n: Vec<usize> = out.0.split_whitespace().map(|x| x.parse().expect("a number")).collect();
    let (imported, ten, from_list, items) = (n[0], n[1], n[2], n[3]);
    eprintln!("import array {imported} B; array('i', range(10)) {ten} B; array('i', [0] * 10) {from_list} B");
    let word = std::mem::size_of::<usize>();
    assert_eq!(imported, 0);
    assert_eq!(items, 40);
    // The object (header and five words, in 2-word blocks) plus a buffer holding the items:
    // exactly their size from a list, with some growth headroom from an iterator.
    let blocks = |n: usize| n.div_ceil(2 * word) * 2 * word;
    let obj = blocks(6 * word);
    assert_eq!(from_list, obj + blocks(40), "array('i', [0] * 10)");
    assert!(ten >= obj + blocks(40) && ten <= obj + 80, "array('i', range(10)) retained {ten} B");
}
