//! Hostile programs that must end promptly with a Python exception (no crash, no unbounded
//! time), checked where CPython's own behaviour cannot be the reference (it would allocate
//! gigabytes): output and the number of collections, never timing.

use frostbyte::Image;
use frostbyte_tests::Capture;
use std::mem::MaybeUninit;

static GROW_FULL: &Image = frostbyte::include_python!("../fixtures/hostile/grow_full.py");
static HUGE_REQUEST: &Image = frostbyte::include_python!("../fixtures/hostile/huge_request.py");
static HUGE_FORMAT: &Image = frostbyte::include_python!("../fixtures/hostile/huge_format.py");
static JSON_DEEP: &Image = frostbyte::include_python!("../fixtures/hostile/json_deep.py");

/// Run `main` from `image` on a fresh heap of `heap` bytes; returns the output (with the
/// traceback appended if the program raised) and the number of collections run.
fn run(image: &'static Image, main: &str, heap: usize) -> (String, usize) {
    let mut mem = vec![MaybeUninit::<u8>::uninit(); heap];
    let mut out = Capture::default();
    let mut vm = frostbyte::Vm::new(&mut mem, &mut out);
    vm.add_image(image).expect("image accepted");
    let r = vm.run_main(main);
    let collections = vm.heap_stats().collections;
    let mut tb = Capture::default();
    if let Err(e) = r {
        vm.print_exception_to(&e, &mut tb);
    }
    out.0.push_str(&tb.0);
    (out.0, collections)
}

/// Appending until MemoryError on a 1 MiB heap: growth near the full heap backs off
/// geometrically, so the number of collections stays logarithmic-ish in the heap size rather
/// than one (or three) per append (tens of thousands before).
#[test]
fn growth_near_full_heap_collects_a_bounded_number_of_times() {
    let (out, collections) = run(GROW_FULL, "grow_full", 1 << 20);
    assert_eq!(out, "filled: True\ndict filled: True\n");
    assert!(collections < 200, "{collections} collections");
}

/// A request larger than the whole pool raises MemoryError without collecting.
#[test]
fn request_larger_than_heap_fails_without_collecting() {
    let (out, collections) = run(HUGE_REQUEST, "huge_request", 256 * 1024);
    assert_eq!(out, "MemoryError\n".repeat(8));
    assert!(collections <= 1, "{collections} collections");
}

/// Output that grows past the heap (huge widths and precisions, a long join) ends in
/// MemoryError after a logarithmic number of growths (these ran for minutes before).
#[test]
fn output_past_the_heap_fails_after_few_collections() {
    let (out, collections) = run(HUGE_FORMAT, "huge_format", 256 * 1024);
    assert_eq!(out, "MemoryError\n".repeat(6));
    assert!(collections < 100, "{collections} collections");
}

/// `json` nested past the native stack (the recursion limit raised to a million) raises
/// RecursionError through the native stack guard, and `json`/`io`/`random` inputs larger
/// than the heap raise MemoryError; the VM goes on.
#[test]
fn json_deep_nesting_and_huge_inputs_raise_cleanly() {
    let (out, _) = run(JSON_DEEP, "json_deep", 4 << 20);
    assert_eq!(out, format!("{}{}{{\"still\": \"alive\"}}\n", "RecursionError\n".repeat(5), "MemoryError\n".repeat(4)));
}

static RE_HOSTILE: &Image = frostbyte::include_python!("../fixtures/hostile/re_hostile.py");

/// `re`: catastrophic patterns end at the step bound (RuntimeError), a backtracking stack
/// that outgrows a 1 MiB heap raises MemoryError, nesting past the parser's bound is a
/// `re.error`, and the VM goes on.
#[test]
fn re_catastrophic_patterns_and_huge_stacks_raise_cleanly() {
    let (out, _) = run(RE_HOSTILE, "re_hostile", 1 << 20);
    let expected = format!(
        "{}MemoryError\nerror too many nested groups at position 100\n{}\n(0, 4)\n",
        "RuntimeError regular expression too complex\n".repeat(4),
        "['1', '22', '333', '1', '22', '333', '1', '22', '333']"
    );
    assert_eq!(out, expected);
}
