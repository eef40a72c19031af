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

/// Compile `src` as module `fuzz`; `None` if it does not compile.
pub fn compile(src: &str) -> Option<CompiledModule> {
    compile_module(&SourceFile { path: "fuzz.py", text: src }, "fuzz", false).ok()
}

/// Run a compiled module as `__main__` on a fresh [`HEAP`]-byte VM with a [`BUDGET`], print
/// its traceback (if any) to a sink, then run it once more on the same VM to check the VM
/// is still usable. Returns whether the first run succeeded.
pub fn run(m: &CompiledModule) -> bool {
    let mut loader = HostLoader::new();
    let image = loader.image(std::slice::from_ref(m));
    let mut heap = vec![MaybeUninit::<u8>::uninit(); HEAP];
    let mut out = Sink::default();
    let ok;
    {
        let mut vm = frostbyte_vm::Vm::new(&mut heap, &mut out);
        if vm.add_image(image).is_err() {
            drop(vm);
            // SAFETY: the only VM that saw the image is gone.
            unsafe { loader.release() };
            return false;
        }
        vm.set_instruction_budget(Some(BUDGET));
        let r = vm.run_main("fuzz");
        ok = r.is_ok();
        if let Err(e) = r {
            let mut tb = Sink::default();
            vm.print_exception_to(&e, &mut tb);
            let _ = vm.exception_type_name(&e);
        }
        // Modules stay imported; importing again is a dictionary hit, so re-run through a
        // fresh budget only to exercise the VM after a (possibly stopped) run.
        vm.set_instruction_budget(Some(BUDGET / 4));
        let _ = vm.import("fuzz");
        vm.collect();
    }
    // SAFETY: the VM that used the image was dropped at the end of the block above.
    unsafe { loader.release() };
    ok
}

/// Compile and run `src`; nothing happens if it does not compile.
pub fn compile_and_run(src: &str) {
    if let Some(m) = compile(src) {
        run(&m);
    }
}
