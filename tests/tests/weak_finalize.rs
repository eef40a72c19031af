//! What the collector's weak hook and sweep hook report (vm/src/heap.rs invariant 8):
//! CPython's "coroutine ... was never awaited" warning on the error stream, which cannot be
//! a corpus test (CPython names the line of the last `del`, this VM the line where the
//! collection's next safe point is, and neither prints the same source line), and the heap
//! cost of `weakref.ref` and `weakref.finalize`.

use std::mem::MaybeUninit;

use frostbyte::{Image, Vm};

static UNAWAITED: &Image = frostbyte::include_python!("../fixtures/weak/unawaited.py", module = "unawaited");
static COST: &Image = frostbyte::include_python!("../fixtures/weak/cost.py", module = "cost");

/// Normal and error output kept apart.
#[derive(Default)]
struct Capture {
    out: String,
    err: String,
}

impl frostbyte::Output for Capture {
    fn write_str(&mut self, s: &str) {
        self.out.push_str(s);
    }
    fn write_err(&mut self, s: &str) {
        self.err.push_str(s);
    }
}

fn run(image: &'static Image, module: &str) -> Capture {
    let mut mem = vec![MaybeUninit::<u8>::uninit(); 256 * 1024];
    let mut out = Capture::default();
    {
        let mut vm = Vm::new(&mut mem, &mut out);
        vm.add_image(image).unwrap();
        vm.run_main(module).unwrap();
    }
    out
}

#[test]
fn unstarted_coroutines_warn_when_collected_and_closed_started_or_async_generators_do_not() {
    let out = run(UNAWAITED, "unawaited");
    assert_eq!(out.out, "after f\nclosed\nmethod\nasync generator\nmany\n");
    let hint = "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n";
    let file = "../fixtures/weak/unawaited.py";
    // Each warning names the line of the `gc.collect()` whose collection freed the
    // coroutine (its safe point); CPython names the line that dropped the last reference.
    // Eleven coroutines freed by one collection: the ring names 8, one warning each line
    // (the same code at the same line is not repeated), and counts the other 3.
    let expected = format!(
        "{file}:15: RuntimeWarning: coroutine 'f' was never awaited\n{hint}\
         {file}:23: RuntimeWarning: coroutine 'C.m' was never awaited\n{hint}\
         {file}:36: RuntimeWarning: coroutine 'f' was never awaited\n{hint}\
         {file}:36: RuntimeWarning: 3 more coroutines were never awaited\n{hint}"
    );
    #[cfg(not(feature = "gc-stress"))]
    assert_eq!(out.err, expected);
    // Collecting before every allocation frees the coroutines earlier (at other lines), but
    // the same ones, and never a started, closed or async-generator one.
    #[cfg(feature = "gc-stress")]
    {
        let _ = expected;
        assert!(out.err.matches("coroutine 'f' was never awaited").count() >= 2, "{}", out.err);
        assert_eq!(out.err.matches("coroutine 'C.m' was never awaited").count(), 1, "{}", out.err);
        assert!(!out.err.contains("agen"), "{}", out.err);
    }
}

#[test]
fn heap_cost_of_ref_and_finalize() {
    let out = run(COST, "cost");
    let get = |k: &str| -> usize {
        let line = out.out.lines().find(|l| l.starts_with(&format!("{k} "))).unwrap_or_else(|| panic!("{}", out.out));
        line[k.len() + 1..].parse().unwrap()
    };
    let word = std::mem::size_of::<usize>();
    // A reference: header, target, callback, list link, cached hash, state (6 words).
    assert_eq!(get("ref"), 6 * word);
    // A finalize: its instance, the info record with its fields, the reference, the args
    // tuple and a registry entry.
    assert!(get("finalize2") < 64 * word, "{}", out.out);
    println!(
        "{}-bit: import weakref {} B, ref {} B, finalize {} B (first {} B)",
        word * 8,
        get("import"),
        get("ref"),
        get("finalize2"),
        get("finalize")
    );
}
