//! Shared by the fuzz targets: compile a source text in process (as `frostbyte run` does)
//! and run it on a small heap under an instruction budget, and a grammar of the supported
//! language for the `structured` target.

pub mod grammar;

use frostbyte_compiler::{compile_module, CompiledModule, SourceFile};
use frostbyte_host_load::HostLoader;
use std::mem::MaybeUninit;

/// Heap given to each run.
pub const HEAP: usize = 64 * 1024;
/// Instructions each run may execute.
pub const BUDGET: u64 = 200_000;

/// Output that keeps only the amount written (and touches the text).
#[derive(Default)]
pub struct Sink {
    /// Bytes written.
    pub bytes: usize,
    /// Lines written.
    pub lines: usize,
}

impl frostbyte_vm::Output for Sink {
    fn write_str(&mut self, s: &str) {
        self.bytes += s.len();
        self.lines += s.bytes().filter(|&b| b == b'\n').count();
    }
}

/// Output kept as text (for a failure message).
#[derive(Default)]
struct Capture(String);

impl frostbyte_vm::Output for Capture {
    fn write_str(&mut self, s: &str) {
        self.0.push_str(s);
    }
}

/// Compile `src` as module `fuzz`; `None` if it does not compile.
pub fn compile(src: &str) -> Option<CompiledModule> {
    compile_module(
        &SourceFile {
            path: "fuzz.py",
            text: src,
        },
        "fuzz",
        false,
    )
    .ok()
}

/// A module run after the fuzzed one, on the same VM: it must succeed (or fail only with
/// MemoryError, if the fuzzed program filled the heap with what its module keeps).
const CHECK: &str =
    "x = sum(range(10))\nassert x == 45, x\nassert [str(i) for i in (1, 2)] == ['1', '2']\n";

/// Run a compiled module as `__main__` on a fresh [`HEAP`]-byte VM with a [`BUDGET`], print
/// its traceback (if any) to a sink, then run a small check module on the same VM: it must
/// work (the VM stays usable after any run). Returns whether the first run succeeded.
pub fn run(m: &CompiledModule) -> bool {
    static CHECK_MODULE: std::sync::OnceLock<CompiledModule> = std::sync::OnceLock::new();
    let check = CHECK_MODULE.get_or_init(|| {
        compile_module(
            &SourceFile {
                path: "fuzzcheck.py",
                text: CHECK,
            },
            "fuzzcheck",
            false,
        )
        .expect("check compiles")
    });
    let mut loader = HostLoader::new();
    let image = loader.image(&[m.clone(), check.clone()]);
    let mut heap = vec![MaybeUninit::<u8>::uninit(); HEAP];
    let mut out = Sink::default();
    let mut ok = false;
    {
        let mut vm = frostbyte_vm::Vm::new(&mut heap, &mut out);
        if vm.add_image(image).is_ok() {
            ok = run_on(&mut vm);
        }
    }
    // SAFETY: the VM that used the image was dropped at the end of the block above.
    unsafe { loader.release() };
    ok
}

/// The runs of [`run`] on a VM holding the image.
fn run_on(vm: &mut frostbyte_vm::Vm<'_>) -> bool {
    {
        vm.set_instruction_budget(Some(BUDGET));
        let r = vm.run_main("fuzz");
        let ok = r.is_ok();
        if let Err(e) = r {
            let mut tb = Sink::default();
            vm.print_exception_to(&e, &mut tb);
            let _ = vm.exception_type_name(&e);
        }
        vm.set_instruction_budget(Some(BUDGET));
        if let Err(e) = vm.run_main("fuzzcheck") {
            let name = vm.exception_type_name(&e).to_string();
            if name != "MemoryError" {
                let mut tb = Capture::default();
                vm.print_exception_to(&e, &mut tb);
                panic!(
                    "the VM is broken after the fuzzed run: the check module raised\n{}",
                    tb.0
                );
            }
        }
        vm.collect();
        ok
    }
}

/// Compile and run `src`; nothing happens if it does not compile.
pub fn compile_and_run(src: &str) {
    if let Some(m) = compile(src) {
        run(&m);
    }
}
