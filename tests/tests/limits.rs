//! VM limits, run frozen (through `include_python!`): heap exhaustion, deep recursion, and what
//! importing a frozen module costs.

use frostbyte::__private::rom::Code;
use frostbyte::__private::Value;
use frostbyte::Image;
use frostbyte_tests::Capture;
use std::mem::MaybeUninit;

static EXHAUST: &Image = frostbyte::include_python!("../fixtures/limits/exhaust.py");
static RECURSE: &Image = frostbyte::include_python!("../fixtures/limits/recurse.py");
static DEEP_OOM: &Image = frostbyte::include_python!("../fixtures/limits/deep_oom.py");
static IMPORT_COST: &Image = frostbyte::include_python!("../fixtures/limits/import_cost.py");
static NATIVE_DEEP: &Image = frostbyte::include_python!("../fixtures/limits/native_deep.py");
static NATIVE_BUDGET: &Image = frostbyte::include_python!("../fixtures/limits/native_budget.py");
static DEFS: &Image = frostbyte::include_python!("../fixtures/limits/defs.py");
static DEFS_BIG: &Image = frostbyte::include_python!("../fixtures/limits/defs_big.py");

/// Run `main` from `images` on a fresh heap of `heap` bytes; returns printed output, with a
/// traceback appended if the program raised.
fn run(images: &[&'static Image], main: &str, heap: usize) -> (String, bool) {
    run_with(images, main, heap, |_| {})
}

/// [`run`], configuring the VM with `setup` first.
fn run_with(
    images: &[&'static Image],
    main: &str,
    heap: usize,
    setup: impl FnOnce(&mut frostbyte::Vm<'_>),
) -> (String, bool) {
    let mut mem = vec![MaybeUninit::<u8>::uninit(); heap];
    let mut out = Capture::default();
    let mut vm = frostbyte::Vm::new(&mut mem, &mut out);
    setup(&mut vm);
    for i in images {
        vm.add_image(i).expect("image accepted");
    }
    let r = vm.run_main(main);
    let ok = r.is_ok();
    if let Err(e) = r {
        let mut tb = Capture::default();
        vm.print_exception_to(&e, &mut tb);
        out.0.push_str(&tb.0);
    }
    (out.0, ok)
}

/// Assert that a [`run`] succeeded with exactly `want` as its output.
fn expect_output((out, ok): (String, bool), want: &str) {
    assert!(ok, "program failed:\n{out}");
    assert_eq!(out, want);
}

#[test]
fn heap_exhaustion_raises_memory_error_and_recovers() {
    expect_output(
        run(&[EXHAUST], "exhaust", 48 * 1024),
        "caught MemoryError: True\nfilled more than 10 chunks: True\nsum after recovery: 40425\n\
         dict after recovery: 20 7\nsecond MemoryError caught\nok\n",
    );
}

#[test]
fn deep_recursion_raises_recursion_error_without_native_stack() {
    // 100,000 Python frames on a 1 MiB native stack: only possible if Python calls do not
    // recurse on the Rust stack.
    let h = std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(|| run(&[RECURSE], "recurse", 16 << 20))
        .expect("thread starts");
    expect_output(
        h.join().expect("no native stack overflow"),
        "RecursionError caught\nRecursionError caught again\n500\n",
    );
}

/// Run `f` on a thread with a native stack of `bytes`; a stack overflow aborts the test.
fn on_stack<T: Send + 'static>(bytes: usize, f: impl FnOnce() -> T + Send + 'static) -> T {
    let h = std::thread::Builder::new().stack_size(bytes).spawn(f).expect("thread starts");
    h.join().expect("no panic")
}

#[test]
// Structures 100,000 levels deep: collecting before every allocation over them is quadratic.
#[cfg_attr(feature = "gc-stress", ignore = "quadratic under gc-stress; runs in the normal mode")]
fn unbounded_native_recursion_raises_recursion_error() {
    // Hashing a tuple nested 100,000 deep and draining chains of 100,000 iterators recurse
    // natively; with the default native stack limit they stop with RecursionError on a
    // 2 MiB thread (Rust's default for spawned threads) instead of overflowing it.
    let want = ["hash", "set", "dict key", "filter", "map", "zip", "enumerate", "iter(reversed)"]
        .iter()
        .map(|l| format!("{l} RecursionError: maximum recursion depth exceeded\n"))
        .collect::<String>()
        + "6\n";
    expect_output(on_stack(2 << 20, || run(&[NATIVE_DEEP], "native_deep", 64 << 20)), &want);
}

#[test]
// Structures 100,000 levels deep: collecting before every allocation over them is quadratic.
#[cfg_attr(feature = "gc-stress", ignore = "quadratic under gc-stress; runs in the normal mode")]
fn native_stack_limit_is_set_by_the_embedder() {
    // 100 levels of repr fit the default limit, not an 8 KiB one; below it the VM raises
    // RecursionError with CPython's message and goes on.
    expect_output(on_stack(2 << 20, || run(&[NATIVE_BUDGET], "native_budget", 1 << 20)), "202\n[[1]]\n");
    expect_output(
        on_stack(2 << 20, || {
            run_with(&[NATIVE_BUDGET], "native_budget", 1 << 20, |vm| vm.set_native_stack_limit(8 << 10))
        }),
        "RecursionError: maximum recursion depth exceeded while getting the repr of an object\n[[1]]\n",
    );
}

#[test]
fn memory_error_from_deep_recursion_gives_its_memory_back() {
    expect_output(
        run(&[DEEP_OOM], "deep_oom", 16 * 1024),
        "MemoryError, traceback kept while handled: True\nran out of heap, not of recursion limit: True\n\
         again: True\nagain: True\nagain: True\n",
    );
}

/// Bytes of static data reachable from a code object (bytecode, tables, constant arrays).
fn static_bytes(code: &Code) -> usize {
    let tail = code.tail();
    let mut n = std::mem::size_of::<Code>()
        + code.bytecode().len()
        + tail.line_table.len()
        + tail.exc_table.len()
        + std::mem::size_of_val(code.consts())
        + std::mem::size_of_val(code.local_names());
    for k in code.consts() {
        if let Some(inner) = as_code(*k) {
            n += static_bytes(inner);
        }
    }
    n
}

fn as_code(v: Value) -> Option<&'static Code> {
    let p = v.as_obj_ptr()?;
    // SAFETY: reading the header of a ROM object from a frozen constant table; the pointer
    // comes from a static `Value`, so the object is a static and lives forever.
    let ty = unsafe { (*p).ty };
    if std::ptr::eq(ty, &frostbyte::__private::types::CODE_TYPE) {
        // SAFETY: the type says the object is a `rom::Code`, a static in a frozen image.
        Some(unsafe { &*(p as *const Code) })
    } else if std::ptr::eq(ty, &frostbyte::__private::types::FUNCTION_TYPE) {
        // SAFETY: a function in a frozen constant table is a `rom::Function` static.
        as_code(unsafe { &*(p as *const frostbyte::__private::rom::Function) }.code)
    } else {
        None
    }
}

#[test]
fn importing_allocates_only_the_objects_it_creates() {
    let code_of = |name: &str| {
        let m = DEFS.modules.iter().chain(DEFS_BIG.modules).find(|m| qstr_text(m.name) == name).expect("module");
        static_bytes(m.code)
    };
    let (small_rom, big_rom) = (code_of("defs"), code_of("defs_big"));
    let (out, ok) = run(&[IMPORT_COST, DEFS, DEFS_BIG], "import_cost", 1 << 20);
    assert!(ok, "program failed:\n{out}");
    let lines: Vec<&str> = out.lines().collect();
    let small: usize = lines[0].trim().parse().expect("byte count");
    let big: usize = lines[1].trim().parse().expect("byte count");
    assert_eq!(&lines[2..], ["273 widget 3 x 4 = 12 (a long descriptive constant)", "48.5 51.5"]);
    // What importing must create: the module object and its globals dict (13 entries), one
    // class with its dict object. Bound each object by 8 words and each dict entry by 4
    // words. The TABLE tuple, all code, the 13 functions (top-level defs and methods, with
    // constant defaults) and the class's namespace table (6 entries, read from ROM) are frozen
    // and cost nothing: ten heap functions, or the namespace table, would break the bound.
    let word = std::mem::size_of::<usize>();
    let bound = (1 + 1 + 1 + 1) * 8 * word + 13 * 4 * word;
    assert!(small <= bound, "import retained {small} bytes, bound {bound}");
    // Bytecode and constants are executed in place: ten times more code costs no more heap.
    assert!(big_rom > 5 * small_rom, "fixture sizes: {small_rom} vs {big_rom} bytes of frozen code");
    assert_eq!(small, big, "heap cost depends on code size ({small_rom} vs {big_rom} frozen bytes): code was copied?");
    eprintln!("import cost: {small} bytes of heap (frozen code {small_rom} B; 10x larger module: {big} bytes)");
}

fn qstr_text(v: Value) -> &'static str {
    match v.as_qstr_hdr() {
        // SAFETY: frozen qstr values point at static `Qstr` headers followed by their bytes.
        Some(h) => unsafe { frostbyte::__private::rom::QstrHdr::as_str(h) },
        None => "",
    }
}
