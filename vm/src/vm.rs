//! The VM state: heap, frame chain, exception state, module table, temp roots, output.
//!
//! Allocation goes through [`Vm::alloc_obj`] / [`Vm::alloc_raw`], which collect (a safe
//! point) when the heap is full, or before every allocation with the `gc-stress` feature.
//! Errors are raised by storing the exception in `vm.pending` and returning [`Raised`].

use core::cell::Cell;
use core::fmt::{self, Write as _};
use core::marker::PhantomData;
use core::mem::MaybeUninit;
use core::ptr;

use crate::heap::{Heap, HeapStats, Tracer};
use crate::obj::exception;
use crate::obj::frame::FramePtr;
use crate::obj::{self, Type};
use crate::rom::{Image, FORMAT_VERSION};
use crate::value::Value;
use crate::Output;

/// Marker for "a Python exception is pending in `vm.pending`".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Raised(());

/// Result of anything that can raise.
pub type PyResult<T> = Result<T, Raised>;

/// Handle to an exception that escaped `run_main` / `import`. The exception object stays
/// rooted in the VM until the next run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Uncaught(());

/// Why an image was rejected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageError {
    /// The image was produced for another format version.
    VersionMismatch {
        /// Version in the image.
        found: u32,
        /// Version this VM executes.
        expected: u32,
    },
    /// More than [`MAX_IMAGES`] images.
    TooManyImages,
    /// The heap cannot hold the image's namespace table (one word per module).
    OutOfMemory,
    /// A module of the image has the name of a native module added with `Vm::add_module`.
    NameClash,
}

/// What a poll hook (see [`Vm::set_poll_hook`]) asks the VM to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Poll {
    /// Go on running.
    Continue,
    /// Raise `KeyboardInterrupt` at the current instruction, as Ctrl-C does in CPython:
    /// Python may catch it (`except KeyboardInterrupt:`) and go on.
    Interrupt,
    /// Stop the run as an exhausted instruction budget does (`ExecutionStopped`, raised
    /// again at every instruction until the run returns `Err(Uncaught)`).
    Stop,
}

/// Maximum number of images registered at once.
pub const MAX_IMAGES: usize = 8;
/// Temp roots held inline in the `Vm` value (the corpus needs at most 21 at once). Deeper
/// stacks (native re-entry, embedder handles) continue in a heap buffer: see [`Vm::push_root`].
const INLINE_ROOTS: usize = 32;
/// Default limit of Python frame depth (like CPython's recursion limit).
const DEFAULT_RECURSION_LIMIT: usize = 1000;
/// `sys.platform` unless the embedder sets one ([`Vm::set_platform`]).
const DEFAULT_PLATFORM: &str = if cfg!(target_os = "linux") {
    "linux"
} else if cfg!(target_os = "macos") {
    "darwin"
} else if cfg!(target_os = "windows") {
    "win32"
} else {
    "frostbyte"
};

/// Default native stack budget in bytes (see [`Vm::set_native_stack_limit`]).
pub const DEFAULT_NATIVE_STACK_LIMIT: usize = 1024 * 1024;

crate::static_qstr!(Q_EXIT_CODE, "code");

/// The virtual machine. See the crate documentation for the public API.
pub struct Vm<'a> {
    pub(crate) heap: Heap,
    pub(crate) out: &'a mut dyn Output,
    _region: PhantomData<&'a mut [MaybeUninit<u8>]>,
    /// The temp-root stack: entries `0..INLINE_ROOTS` here, the rest in `roots_spill`.
    roots: [Value; INLINE_ROOTS],
    pub(crate) roots_len: usize,
    /// Raw heap buffer of `roots_spill_cap` values holding entries `INLINE_ROOTS..` (null
    /// until the inline part first overflows; freed by a collection once unused).
    roots_spill: *mut Value,
    roots_spill_cap: usize,
    /// The value being pushed while the spill buffer grows (traced: the growth may collect).
    roots_pushing: Value,
    /// Instructions left before the next budget / poll check ([`Vm::tick`]); never 0
    /// between checks.
    countdown: u32,
    /// What `countdown` was set to at the last check (instructions counted since then).
    armed: u32,
    /// Instructions the run may still execute (`None`: unbounded).
    budget: Option<u64>,
    /// Call the poll hook every `poll_every` instructions; `poll_left` until the next call.
    poll_every: u32,
    poll_left: u32,
    poll: Option<&'a mut dyn FnMut() -> Poll>,
    /// Where `input()` reads lines (None: at end of input).
    pub(crate) input: Option<&'a mut dyn crate::Input>,
    /// The compiler hook of `exec`, `eval` and `compile()` (None: they raise).
    pub(crate) compiler: Option<&'a mut dyn crate::Compiler>,
    /// The clock of the `time` module (None: it raises OSError).
    pub(crate) clock: Option<&'a dyn crate::Clock>,
    /// Source lines for tracebacks (None: `File` lines only).
    pub(crate) source: Option<&'a dyn crate::SourceLines>,
    /// `sys.argv` as the embedder set it (empty by default).
    pub(crate) argv: &'a [&'a str],
    /// Signal callbacks and the `micropython.schedule` queue (`sched.rs`).
    pub(crate) sched: crate::sched::SchedState,
    /// The run was stopped (budget or `Poll::Stop`): every check raises again until the
    /// run returns to Rust.
    stopping: bool,
    /// Why the run was stopped (the message raised again).
    stop_msg: &'static str,
    /// The innermost running frame (null when idle).
    pub(crate) frame: FramePtr,
    /// Python frames on the chain.
    pub(crate) depth: usize,
    pub(crate) recursion_limit: usize,
    /// `sys.get_int_max_str_digits()`: the most decimal digits an int may have when
    /// converted from or to text (0: no limit).
    pub(crate) int_max_str_digits: usize,
    /// Approximate stack pointer when the outermost public entry (`run_main`, `import`,
    /// `print_exception`) began; 0 while no entry is running.
    stack_base: usize,
    /// Bytes of native stack the VM may use below `stack_base` (see [`Vm::stack_guard`]).
    stack_limit: usize,
    /// The exception being raised (between `raise` and its handler).
    pub(crate) pending: Value,
    /// The exception being handled (`sys.exc_info()`), or NULL.
    pub(crate) handled: Value,
    /// Set by re-raising instructions: do not add a traceback entry for the current frame.
    pub(crate) skip_tb: bool,
    pub(crate) uncaught: Value,
    pub(crate) memory_error: Value,
    /// `sys.modules`: name -> module.
    pub(crate) modules: Value,
    /// Attributes set on frozen functions: function -> dict, or NULL.
    pub(crate) rom_attrs: Value,
    /// `__class__` cells of frozen methods: function -> cell, or NULL (see `obj::function`).
    pub(crate) rom_cells: Value,
    pub(crate) images: [Option<&'static Image>; MAX_IMAGES],
    /// Per image, one slot per module (a raw heap buffer, NULL slots until set): the
    /// namespace the module's frozen functions use (see `obj::function`).
    namespaces: [*mut Cell<Value>; MAX_IMAGES],
    /// `gc.enable()`/`gc.disable()`: while false, allocation collects only when the heap
    /// is exhausted (as MicroPython), never by the threshold policy.
    pub(crate) gc_enabled: bool,
    /// `gc.threshold()`: bytes allocated since the last collection that trigger one, in
    /// addition to the heap's own policy (`Heap::wants_collection`); -1: none.
    pub(crate) gc_threshold: isize,
    /// `sys.platform` (`Vm::set_platform`).
    pub(crate) platform: &'static str,
    /// `micropython.heap_lock()` depth: while non-zero every allocation fails.
    pub(crate) heap_locked: u16,
    /// `micropython.opt_level()` (recorded; the frozen code is already compiled).
    #[cfg_attr(not(feature = "micropython"), allow(dead_code))]
    pub(crate) opt_level: u8,
    /// Objects whose repr is in progress (for `[...]`).
    pub(crate) repr_stack: [Value; 16],
    pub(crate) repr_depth: usize,
    /// Embedding API state: held errors, the `Root` table, native modules, the context.
    pub(crate) api: crate::api::ApiState<'a>,
    /// What recent `LOAD_GLOBAL` / `LOAD_ATTR` / `LOAD_METHOD` instructions found
    /// (`lookup_cache`; cleared by every collection).
    pub(crate) lookup: crate::lookup_cache::Cache,
}

impl<'a> Vm<'a> {
    /// A VM using `heap` as its only memory and `out` for `print` and tracebacks.
    pub fn new(heap: &'a mut [MaybeUninit<u8>], out: &'a mut dyn Output) -> Vm<'a> {
        let heap = Heap::new(heap);
        let mut vm = Vm {
            heap,
            out,
            _region: PhantomData,
            roots: [Value::NULL; INLINE_ROOTS],
            roots_len: 0,
            roots_spill: ptr::null_mut(),
            roots_spill_cap: 0,
            roots_pushing: Value::NULL,
            countdown: u32::MAX,
            armed: u32::MAX,
            budget: None,
            poll_every: 0,
            poll_left: 0,
            poll: None,
            input: None,
            compiler: None,
            clock: None,
            source: None,
            argv: &[],
            sched: crate::sched::SchedState::new(),
            stopping: false,
            stop_msg: "",
            frame: FramePtr::NULL,
            depth: 0,
            recursion_limit: DEFAULT_RECURSION_LIMIT,
            int_max_str_digits: crate::num::bigint::MAX_STR_DIGITS,
            stack_base: 0,
            stack_limit: DEFAULT_NATIVE_STACK_LIMIT,
            pending: Value::NULL,
            handled: Value::NULL,
            skip_tb: false,
            uncaught: Value::NULL,
            memory_error: Value::rom(&exception::STATIC_MEMORY_ERROR),
            modules: Value::NULL,
            rom_attrs: Value::NULL,
            rom_cells: Value::NULL,
            images: [None; MAX_IMAGES],
            namespaces: [core::ptr::null_mut(); MAX_IMAGES],
            gc_enabled: true,
            gc_threshold: -1,
            platform: DEFAULT_PLATFORM,
            heap_locked: 0,
            opt_level: 0,
            repr_stack: [Value::NULL; 16],
            repr_depth: 0,
            api: crate::api::ApiState::new(),
            lookup: crate::lookup_cache::Cache::new(),
        };
        if let Ok(e) = exception::new(&mut vm, &exception::MEMORY_ERROR_TYPE, &[]) {
            vm.memory_error = e;
        }
        if let Ok(d) = obj::dict::new(&mut vm) {
            vm.modules = d;
        }
        vm
    }

    /// Set the maximum Python call depth (RecursionError beyond it).
    pub fn set_recursion_limit(&mut self, n: usize) {
        self.recursion_limit = n.max(10);
    }

    /// Set `sys.platform` as seen by modules importing `sys` afterwards. The default is
    /// CPython's name for the target's OS where it has one (`"linux"`, `"darwin"`,
    /// `"win32"`), else `"frostbyte"` (bare-metal and wasm targets).
    pub fn set_platform(&mut self, name: &'static str) {
        self.platform = name;
    }

    /// Bytes of native stack in use below the outermost public entry
    /// (`micropython.stack_use()`); 0 outside any entry.
    #[cfg_attr(not(feature = "micropython"), allow(dead_code))]
    pub(crate) fn stack_used(&self) -> usize {
        if self.stack_base == 0 {
            return 0;
        }
        self.stack_base.saturating_sub(stack_pointer())
    }

    /// The native stack budget ([`set_native_stack_limit`](Self::set_native_stack_limit)).
    #[cfg_attr(not(feature = "micropython"), allow(dead_code))]
    pub(crate) fn stack_limit(&self) -> usize {
        self.stack_limit
    }

    /// Should an allocation collect first? The heap's policy or `gc.threshold()`, unless
    /// `gc.disable()` turned automatic collection off.
    fn wants_collection(&self) -> bool {
        self.gc_enabled
            && (self.heap.wants_collection()
                || (self.gc_threshold >= 0 && self.heap.allocated_since_collect() >= self.gc_threshold as usize))
    }

    /// Set how many bytes of native stack the VM may use, counted from where the embedder
    /// calls it (`run_main`, `import`, `print_exception`) down to the deepest native
    /// recursion check. Python-to-Python calls use no native stack; the budget bounds native
    /// recursion: nested containers (`repr`, `==`, `<`, `hash` of deeply nested lists and
    /// tuples), chains of iterators (`filter(None, filter(None, ...))`), and native code
    /// calling back into Python (`sorted(key=f)`, `__eq__` in a dict lookup, `__repr__` in
    /// `print`, generators driven by `list()`). Past it these raise RecursionError with
    /// CPython's message instead of overflowing the stack.
    ///
    /// Leave room below the budget: the check runs once per level of a recursion, and what
    /// runs between two checks (the rest of one level, or raising the RecursionError, which
    /// may collect) needs stack of its own: under 16 KiB on x86-64 at the workspace's dev
    /// `opt-level = 1` (measured: 256 KiB budgets overflowed only below 270 KiB of stack).
    /// The default, [`DEFAULT_NATIVE_STACK_LIMIT`] (1 MiB), is safe on a 2 MiB host thread
    /// (Rust's default for spawned threads) and, in such a build, lets nested `min(key=...)`
    /// re-entries and generators driven by `sum()` inside each other reach the recursion
    /// limit (500 levels of two Python frames each; CPython stops near 330), with 3,200
    /// levels of `repr` of nested lists and 1,600 of iterator chains or `hash` of nested
    /// tuples. Embedded targets set it from their stack size (see
    /// `examples/firmware/common`). The guard assumes a stack that grows down (all supported
    /// targets); on one that grows up it never trips.
    pub fn set_native_stack_limit(&mut self, bytes: usize) {
        self.stack_limit = bytes;
    }

    /// Bound the number of bytecode instructions a run may execute (`None`: no bound, the
    /// default). Native work done for one instruction (e.g. each item `sum()` takes from
    /// an iterator) counts as well, so `sum(range(10**12))` is bounded too.
    ///
    /// When the budget is used up the VM raises `ExecutionStopped` (a `BaseException`
    /// subclass that is not a builtin name) and raises it again before every further
    /// instruction, so neither `except BaseException:` nor `finally:` can keep the script
    /// running: the run returns `Err(Uncaught)` with
    /// [`exception_type_name`](Vm::exception_type_name) `"ExecutionStopped"`. It is not
    /// `KeyboardInterrupt` because scripts catch that one on purpose to clean up and go
    /// on; a budget is a limit the script must not be able to ignore.
    ///
    /// The budget is what is left of it across runs: once used up, the next run stops at
    /// its first instruction until the embedder sets a new one. The VM stays usable.
    /// Costs one decrement and branch per instruction whether set or not.
    pub fn set_instruction_budget(&mut self, budget: Option<u64>) {
        self.budget = budget;
        self.rearm();
    }

    /// The instruction budget left (`None` if unbounded). Exact after a run returns.
    pub fn instruction_budget(&self) -> Option<u64> {
        // Instructions counted since the last check are not subtracted yet.
        let since = u64::from(self.armed - self.countdown);
        self.budget.map(|b| b.saturating_sub(since))
    }

    /// Call `hook` every `every_n` instructions (at least 1) while Python runs, e.g. to
    /// feed a watchdog or look for a stop request. Its answer ([`Poll`]) continues the run,
    /// raises a catchable `KeyboardInterrupt`, or stops the run like an exhausted budget.
    /// The hook stays set across runs until [`clear_poll_hook`](Vm::clear_poll_hook).
    pub fn set_poll_hook(&mut self, every_n: u32, hook: &'a mut dyn FnMut() -> Poll) {
        self.poll_every = every_n.max(1);
        self.poll_left = self.poll_every;
        self.poll = Some(hook);
        self.rearm();
    }

    /// Install the source of `input()`'s lines (see [`Input`](crate::Input)); it stays for
    /// the VM's lifetime.
    pub fn set_input(&mut self, input: &'a mut dyn crate::Input) {
        self.input = Some(input);
    }

    /// Install the compiler `exec`, `eval` and `compile()` use (see
    /// [`Compiler`](crate::Compiler)); it stays for the VM's lifetime.
    pub fn set_compiler(&mut self, compiler: &'a mut dyn crate::Compiler) {
        self.compiler = Some(compiler);
    }

    /// Install the clock of the `time` module (see [`Clock`](crate::Clock)); it stays for
    /// the VM's lifetime. Without one, `time` functions that read or wait for the time raise
    /// `OSError: time needs a clock; install one with Vm::set_clock`.
    pub fn set_clock(&mut self, clock: &'a dyn crate::Clock) {
        self.clock = Some(clock);
    }

    /// Install the source of traceback lines (see [`SourceLines`](crate::SourceLines)); it
    /// stays for the VM's lifetime. Without one, tracebacks print no source lines.
    pub fn set_source(&mut self, source: &'a dyn crate::SourceLines) {
        self.source = Some(source);
    }

    /// Set `sys.argv` (CPython's: the script path, then its arguments). Without a call it
    /// is `[]`, as MicroPython's on a board. Call it before the program first imports
    /// `sys`: the list is built then, from these strings (one str object each).
    pub fn set_argv(&mut self, argv: &'a [&'a str]) {
        self.argv = argv;
    }

    /// Remove the poll hook.
    pub fn clear_poll_hook(&mut self) {
        self.poll = None;
        self.rearm();
    }

    /// Count one instruction; runs the budget and poll checks when they are due. Costs a
    /// decrement and a branch. Called only where an instruction starts (the top of the dispatch
    /// loop, and a jump fused into the compare before it, `interp::ops`): a safe point where
    /// signal callbacks and scheduled functions run (`sched.rs`).
    #[inline(always)]
    pub(crate) fn tick(&mut self) -> PyResult<()> {
        self.countdown -= 1;
        if self.countdown == 0 {
            return self.tick_slow(true);
        }
        Ok(())
    }

    /// Count one instruction that runs fused into the one before it, without a trip through
    /// the dispatch loop, if no check is due; `false` (nothing counted: run it through the
    /// loop) if one is.
    #[inline(always)]
    pub(crate) fn tick_fused(&mut self) -> bool {
        if self.countdown > 1 {
            self.countdown -= 1;
            true
        } else {
            false
        }
    }

    /// [`tick`](Self::tick) for a step of a native loop (`runtime::next`): pending
    /// callbacks do not run here (native code is not a safe point), they make the next
    /// check due at the next step instead.
    #[inline(always)]
    pub(crate) fn tick_native(&mut self) -> PyResult<()> {
        self.countdown -= 1;
        if self.countdown == 0 {
            return self.tick_slow(false);
        }
        Ok(())
    }

    /// Make the next check due at the next instruction (work was queued), keeping the
    /// instruction count of the budget and poll hook exact.
    pub(crate) fn check_soon(&mut self) {
        self.check_within(1);
    }

    /// Make the next check due within `n` instructions (if it is not already), keeping the
    /// instruction count exact.
    pub(crate) fn check_within(&mut self, n: u32) {
        if self.countdown > n {
            let counted = self.armed - self.countdown;
            self.armed = counted + n;
            self.countdown = n;
        }
    }

    /// Call the poll hook now (during a clock wait, where no instruction runs) and act on
    /// its answer; raise again if the run is stopping.
    #[cfg_attr(not(feature = "time"), allow(dead_code))]
    pub(crate) fn poll_now(&mut self) -> PyResult<()> {
        if self.stopping {
            return Err(self.raise_stop(self.stop_msg));
        }
        let answer = self.poll.as_mut().map_or(Poll::Continue, |h| h());
        match answer {
            Poll::Continue => Ok(()),
            Poll::Interrupt => Err(self.raise_empty(&exception::KEYBOARD_INTERRUPT_TYPE)),
            Poll::Stop => Err(self.stop("stopped by the poll hook")),
        }
    }

    #[cold]
    #[inline(never)]
    fn tick_slow(&mut self, safe: bool) -> PyResult<()> {
        // `armed` instructions were counted since the last check, the current one included.
        let used = self.armed;
        if self.stopping {
            self.countdown = 1;
            self.armed = 1;
            return Err(self.raise_stop(self.stop_msg));
        }
        if let Some(b) = self.budget {
            if u64::from(used) > b {
                self.budget = Some(0);
                return Err(self.stop("instruction budget exhausted"));
            }
            self.budget = Some(b - u64::from(used));
        }
        let mut r = Ok(());
        if self.poll.is_some() {
            self.poll_left = self.poll_left.saturating_sub(used);
            if self.poll_left == 0 {
                self.poll_left = self.poll_every;
                let answer = self.poll.as_mut().map_or(Poll::Continue, |h| h());
                match answer {
                    Poll::Continue => {}
                    Poll::Interrupt => r = Err(self.raise_empty(&exception::KEYBOARD_INTERRUPT_TYPE)),
                    Poll::Stop => return Err(self.stop("stopped by the poll hook")),
                }
            }
        }
        self.rearm();
        if r.is_ok() && self.sched.can_run() {
            if safe {
                r = self.run_pending();
            } else {
                self.check_soon();
            }
        }
        r
    }

    /// Enter the stopping state and raise `ExecutionStopped(msg)`.
    fn stop(&mut self, msg: &'static str) -> Raised {
        self.stopping = true;
        self.stop_msg = msg;
        self.countdown = 1;
        self.armed = 1;
        self.raise_stop(msg)
    }

    /// Raise `ExecutionStopped(msg)`; the ROM instance if the heap cannot hold one.
    fn raise_stop(&mut self, msg: &str) -> Raised {
        let r = self.raise_msg(&exception::EXECUTION_STOPPED_TYPE, msg);
        if !self.pending_is(&exception::EXECUTION_STOPPED_TYPE) {
            self.pending = Value::rom(&exception::STATIC_EXECUTION_STOPPED);
        }
        r
    }

    /// Set the countdown to the next due check (budget or poll), counting from now.
    pub(crate) fn rearm(&mut self) {
        if self.stopping {
            return;
        }
        let mut n = u32::MAX;
        if self.sched.watching() {
            n = crate::api::SIGNAL_CHECK_EVERY;
        }
        if self.sched.deferred() {
            // A collection outside a run (`Vm::collect`) left callbacks or warnings.
            n = 1;
        }
        if let Some(b) = self.budget {
            // The check at instruction b + 1 finds the budget exceeded.
            n = n.min(u32::try_from(b.saturating_add(1)).unwrap_or(u32::MAX));
        }
        if self.poll.is_some() {
            n = n.min(self.poll_left.max(1));
        }
        self.countdown = n;
        self.armed = n;
    }

    /// Register a frozen image. Several images may be registered; earlier ones win when
    /// two define the same module.
    pub fn add_image(&mut self, image: &'static Image) -> Result<(), ImageError> {
        if image.version != FORMAT_VERSION {
            return Err(ImageError::VersionMismatch { found: image.version, expected: FORMAT_VERSION });
        }
        let Some(i) = self.images.iter().position(Option::is_none) else { return Err(ImageError::TooManyImages) };
        // A new image's code may sit where a released one's was: cached sites mean nothing now.
        self.lookup.clear();
        if image
            .modules
            .iter()
            .any(|m| obj::str::as_str(m.name).is_some_and(|n| crate::api::find_native(self, n).is_some()))
        {
            return Err(ImageError::NameClash);
        }
        let n = image.modules.len();
        let table = if n == 0 {
            core::ptr::null_mut()
        } else {
            match self.alloc_raw(n * core::mem::size_of::<Value>()) {
                Ok(p) => p as *mut Cell<Value>,
                Err(_) => {
                    self.pending = Value::NULL;
                    return Err(ImageError::OutOfMemory);
                }
            }
        };
        self.images[i] = Some(image);
        self.namespaces[i] = table;
        Ok(())
    }

    /// The namespace-table slot of the module whose code objects share `cm`, if `cm` belongs
    /// to a registered image.
    pub(crate) fn namespace_slot(&self, cm: &'static crate::rom::CodeModule) -> Option<&'static Cell<Value>> {
        let i = cm.index as usize;
        for (img, table) in self.images.iter().zip(self.namespaces) {
            let img = (*img)?;
            if img.modules.get(i).is_some_and(|m| core::ptr::eq(m.code.module, cm)) && !table.is_null() {
                // SAFETY: `table` holds `img.modules.len() > i` zero-initialised Values (NULL);
                // it is a live heap buffer, marked by `collect` for as long as the VM lives.
                return Some(unsafe { &*table.add(i) });
            }
        }
        None
    }

    /// Import `module` as the program's main module (`__name__ == "__main__"`).
    pub fn run_main(&mut self, module: &str) -> Result<(), Uncaught> {
        let outer = self.enter_stack();
        self.reset_for_run();
        let r = crate::import::run_main(self, module);
        let r = self.finish_run(r);
        self.leave_stack(outer);
        r
    }

    /// Import `module` (and its parent packages) if it is not imported yet.
    pub fn import(&mut self, module: &str) -> Result<(), Uncaught> {
        let outer = self.enter_stack();
        self.reset_for_run();
        let r = crate::import::import_dotted(self, module).map(|_| ());
        let r = self.finish_run(r);
        self.leave_stack(outer);
        r
    }

    /// Record the native stack position of a public entry that runs Python code, unless an
    /// outer entry is already running (an embedder's native function called from Python may
    /// call back in). Returns what [`leave_stack`](Self::leave_stack) restores.
    #[inline(never)]
    pub(crate) fn enter_stack(&mut self) -> usize {
        let outer = self.stack_base;
        if outer == 0 {
            self.stack_base = stack_pointer();
        }
        outer
    }

    /// End a public entry begun by [`enter_stack`](Self::enter_stack).
    pub(crate) fn leave_stack(&mut self, outer: usize) {
        self.stack_base = outer;
    }

    /// The native recursion guard: RecursionError (with CPython's message for `what`) when
    /// this point is more than the native stack limit below the outermost public entry.
    /// Called once per level by every native recursion (nested interpreter loops, repr and
    /// str of containers, comparison, hashing, iterator chains, isinstance over nested
    /// tuples); each costs one subtraction and one comparison when it passes.
    ///
    /// A byte budget rather than a depth count, because the levels differ in size (a nested
    /// interpreter loop takes kilobytes, a tuple hash a few dozen bytes) and by build
    /// (debug frames are several times larger), and because the stack the VM gets is the
    /// embedder's, known only to it. Outside any entry (`stack_base` 0) it never trips.
    #[inline]
    pub(crate) fn stack_guard(&mut self, what: Recursion) -> PyResult<()> {
        let used = self.stack_base.saturating_sub(stack_pointer());
        if used > self.stack_limit {
            return Err(self.recursion_error(what));
        }
        Ok(())
    }

    #[cold]
    #[inline(never)]
    fn recursion_error(&mut self, what: Recursion) -> Raised {
        let msg = match what {
            Recursion::Plain => "maximum recursion depth exceeded",
            Recursion::Compare => "maximum recursion depth exceeded in comparison",
            Recursion::Repr => "maximum recursion depth exceeded while getting the repr of an object",
            Recursion::Str => "maximum recursion depth exceeded while getting the str of an object",
            Recursion::InstanceCheck => "maximum recursion depth exceeded in __instancecheck__",
            Recursion::SubclassCheck => "maximum recursion depth exceeded in __subclasscheck__",
        };
        self.raise_msg(&exception::RECURSION_ERROR_TYPE, msg)
    }

    fn reset_for_run(&mut self) {
        self.stopping = false;
        self.uncaught = Value::NULL;
        self.pending = Value::NULL;
        self.handled = Value::NULL;
        self.roots_len = 0;
        self.frame = FramePtr::NULL;
        self.depth = 0;
    }

    fn finish_run(&mut self, r: PyResult<()>) -> Result<(), Uncaught> {
        // Settle the instructions counted since the last check into the budget and leave
        // the stopping state (an exhausted budget still stops Python code run later, e.g.
        // an exception's `__str__` while a traceback is printed).
        if let Some(b) = self.budget {
            self.budget = Some(b.saturating_sub(u64::from(self.armed - self.countdown)));
        }
        if self.poll.is_some() {
            self.poll_left = self.poll_left.saturating_sub(self.armed - self.countdown).max(1);
        }
        self.stopping = false;
        self.rearm();
        self.roots_len = 0;
        self.frame = FramePtr::NULL;
        self.depth = 0;
        // Warnings of a collection the run's last instruction made (no Python runs here).
        self.report_unawaited();
        self.out.flush();
        match r {
            Ok(()) => Ok(()),
            Err(_) => {
                self.uncaught = self.take_pending();
                Err(Uncaught(()))
            }
        }
    }

    /// Print the uncaught exception as CPython does (traceback to the output).
    pub fn print_exception(&mut self, _e: &Uncaught) {
        let exc = self.uncaught;
        if exc.is_null() {
            return;
        }
        let outer = self.enter_stack();
        let r = crate::traceback::format_exception(self, exc);
        self.leave_stack(outer);
        match r {
            Ok(s) => {
                let text = obj::str::as_str(s).unwrap_or("");
                self.out.write_str(text);
            }
            Err(_) => {
                self.take_pending();
                self.out.write_str("MemoryError (while formatting a traceback)\n");
            }
        }
        self.out.flush();
    }

    /// Like [`Vm::print_exception`], but to another output (e.g. stderr).
    pub fn print_exception_to(&mut self, _e: &Uncaught, out: &mut dyn Output) {
        let exc = self.uncaught;
        if exc.is_null() {
            return;
        }
        self.out.flush();
        let outer = self.enter_stack();
        let r = crate::traceback::format_exception(self, exc);
        self.leave_stack(outer);
        match r {
            Ok(s) => out.write_str(obj::str::as_str(s).unwrap_or("")),
            Err(_) => {
                self.take_pending();
                out.write_str("MemoryError (while formatting a traceback)\n");
            }
        }
        out.flush();
    }

    /// The class name of the uncaught exception, e.g. `"ValueError"`.
    pub fn exception_type_name(&self, _e: &Uncaught) -> &str {
        if self.uncaught.is_null() {
            return "";
        }
        obj::type_name(self.uncaught)
    }

    /// Is the uncaught exception a `SystemExit`? Returns the exit status CPython gives it if
    /// so: its `code` (`args[0]`, the args tuple when there are several, or an assigned
    /// `code`) when that is an int (a bool counts; one outside C's `long`: -1), 0 for None,
    /// else 1. A POSIX host exits with the low 8 bits (`sys.exit(256)` exits 0, -1 exits
    /// 255). Print the message that goes with it with [`Vm::print_system_exit_to`].
    pub fn system_exit_code(&self, _e: &Uncaught) -> Option<i32> {
        let code = self.system_exit_value()?;
        if code.is_null() || code == Value::NONE {
            return Some(0);
        }
        if obj::int::is_int(code) {
            // CPython: `(int)PyLong_AsLong(code)`, -1 on overflow.
            return Some(obj::int::to_i64(code).map_or(-1, |i| i as i32));
        }
        Some(1)
    }

    /// `SystemExit.code` of the uncaught exception (`None` if it is no `SystemExit`).
    fn system_exit_value(&self) -> Option<Value> {
        let e = self.uncaught;
        if e.is_null() || !obj::is_instance(e, &exception::SYSTEM_EXIT_TYPE) {
            return None;
        }
        let assigned = exception::as_exc(e).and_then(|x| obj::dict::get_str(x.dict.get(), Value::qstr(&Q_EXIT_CODE)));
        if let Some(v) = assigned {
            return Some(v);
        }
        let args = exception::args(e);
        Some(match obj::tuple::items(args).unwrap_or(&[]) {
            [] => Value::NONE,
            [one] => *one,
            _ => args,
        })
    }

    /// For an uncaught `SystemExit` with a str argument, that text: CPython prints it to
    /// stderr (instead of a traceback) and exits with status 1.
    pub fn system_exit_message(&self, _e: &Uncaught) -> Option<&str> {
        obj::str::as_str(self.system_exit_value()?)
    }

    /// What CPython prints for an uncaught `SystemExit` whose code is neither None nor an
    /// int: `str(code)` and a newline (only the newline when `str()` fails), to `out` (the
    /// error stream). Nothing for other exceptions. May collect.
    pub fn print_system_exit_to(&mut self, e: &Uncaught, out: &mut dyn Output) {
        let Some(code) = self.system_exit_value() else { return };
        if code.is_null() || code == Value::NONE || obj::int::is_int(code) {
            return;
        }
        if let Some(s) = self.system_exit_message(e) {
            out.write_str(s);
            out.write_str("\n");
            return;
        }
        self.out.flush();
        let outer = self.enter_stack();
        let m = self.roots_mark();
        let r = (|| -> PyResult<Value> {
            let mut sb = obj::str::StrBuf::new(self)?;
            crate::runtime::str_into(self, code, &mut sb)?;
            sb.finish(self)
        })();
        match r {
            Ok(s) => out.write_str(obj::str::as_str(s).unwrap_or("")),
            Err(_) => {
                self.take_pending();
            }
        }
        self.pop_roots(m);
        self.leave_stack(outer);
        out.write_str("\n");
        out.flush();
    }

    /// Run a full garbage collection now.
    pub fn collect(&mut self) {
        // The cache may name types, functions and code this collection frees.
        self.lookup.clear();
        let frame = self.frame;
        let spilled = self.roots_len.saturating_sub(INLINE_ROOTS);
        if spilled == 0 && !self.roots_spill.is_null() {
            // The stack is back inside the inline part: give the spill buffer back.
            self.heap.free(self.roots_spill as *const u8);
            self.roots_spill = ptr::null_mut();
            self.roots_spill_cap = 0;
        }
        let roots = &self.roots[..self.roots_len.min(INLINE_ROOTS)];
        let spill = self.roots_spill;
        let fixed = [
            self.roots_pushing,
            self.pending,
            self.handled,
            self.uncaught,
            self.memory_error,
            self.modules,
            self.rom_attrs,
            self.rom_cells,
        ];
        let reprs = self.repr_stack;
        let api = self.api.gc_roots();
        let sched = self.sched.gc_roots();
        let mut tables: [(*mut Cell<Value>, usize); MAX_IMAGES] = [(core::ptr::null_mut(), 0); MAX_IMAGES];
        for (t, (img, p)) in tables.iter_mut().zip(self.images.iter().zip(self.namespaces)) {
            if let Some(img) = img {
                *t = (p, img.modules.len());
            }
        }
        let weak_head = self.sched.weak_head;
        let mut weak = (weak_head, 0);
        let mut unawaited: [Option<&'static crate::rom::Code>; crate::sched::UNAWAITED_RING] =
            [None; crate::sched::UNAWAITED_RING];
        let (mut n_unawaited, mut lost) = (0, 0);
        let roots = |t: &mut Tracer<'_>| {
            obj::weakref::mark_pending(weak_head, t);
            t.mark_all(&fixed);
            for &(p, n) in tables.iter().filter(|x| !x.0.is_null()) {
                t.mark_buffer(p as *const u8);
                // SAFETY: a namespace table of `n` Values (see `namespace_slot`).
                let vs = unsafe { core::slice::from_raw_parts(p as *const Value, n) };
                t.mark_all(vs);
            }
            t.mark_all(&reprs);
            t.mark_all(&api);
            t.mark_all(&sched);
            frame.trace_chain(t);
            t.mark_all(roots);
            if !spill.is_null() {
                t.mark_buffer(spill as *const u8);
                // SAFETY: the spill buffer holds `roots_spill_cap >= spilled` values, the
                // first `spilled` of them live entries (see `push_root_spilled`).
                t.mark_all(unsafe { core::slice::from_raw_parts(spill, spilled) });
            }
        };
        self.heap.collect_weak(
            roots,
            |t| weak = obj::weakref::after_mark(weak_head, t),
            |p| {
                if let Some(code) = obj::generator::unstarted_coroutine_code(p) {
                    if n_unawaited < unawaited.len() {
                        unawaited[n_unawaited] = Some(code);
                        n_unawaited += 1;
                    } else {
                        lost += 1;
                    }
                }
            },
        );
        self.sched.weak_head = weak.0;
        self.sched.add_weak_pending(weak.1);
        for code in unawaited.iter().flatten() {
            self.sched.note_unawaited(code);
        }
        self.sched.note_unawaited_lost(lost);
        if self.sched.deferred() {
            self.check_soon();
        }
    }

    /// Heap usage.
    pub fn heap_stats(&self) -> HeapStats {
        self.heap.stats()
    }

    /// Walk every live heap allocation (see [`Heap::census`]); does not allocate or collect,
    /// so call [`Vm::collect`] first to see only reachable objects. `f` gets one
    /// [`CensusEntry`] per object, raw buffers counted with the object that owns them.
    pub fn heap_census(&mut self, mut f: impl FnMut(CensusEntry<'_>)) {
        self.heap.census(|ty, bytes, buffer_bytes| {
            let (label, kind) = if ty.is_null() {
                ("raw buffer (unowned)", obj::Kind::Misc)
            } else {
                // SAFETY: census reports live type pointers (static types or heap classes).
                let t = unsafe { &*ty };
                if t.is_heap() {
                    (if t.kind == obj::Kind::Object { "instance" } else { "subclass instance" }, t.kind)
                } else {
                    (t.name(), t.kind)
                }
            };
            f(CensusEntry { label, kind, bytes, buffer_bytes });
        });
    }

    /// [`Vm::heap_census`] grouped by label and kind, largest first: one line per group
    /// (`count`, object bytes, owned buffer bytes, total), then the total.
    #[cfg(feature = "std")]
    #[cfg_attr(docsrs, doc(cfg(feature = "std")))]
    pub fn heap_census_table(&mut self) -> std::string::String {
        use std::vec::Vec;
        let mut rows: Vec<(std::string::String, obj::Kind, usize, usize, usize)> = Vec::new();
        self.heap_census(|e| match rows.iter_mut().find(|r| r.0 == e.label && r.1 == e.kind) {
            Some(r) => {
                r.2 += 1;
                r.3 += e.bytes;
                r.4 += e.buffer_bytes;
            }
            None => rows.push((e.label.into(), e.kind, 1, e.bytes, e.buffer_bytes)),
        });
        rows.sort_by_key(|r| core::cmp::Reverse(r.3 + r.4));
        let mut s = std::format!("{:<22} {:>5} {:>7} {:>7} {:>7}\n", "type", "count", "object", "buffers", "total");
        let (mut n, mut o, mut b) = (0, 0, 0);
        for r in &rows {
            s += &std::format!("{:<22} {:>5} {:>7} {:>7} {:>7}\n", r.0, r.2, r.3, r.4, r.3 + r.4);
            n += r.2;
            o += r.3;
            b += r.4;
        }
        s += &std::format!("{:<22} {:>5} {:>7} {:>7} {:>7}\n", "total", n, o, b, o + b);
        s
    }

    // ----- allocation -----

    /// Allocate `bytes` for an object of type `ty` (header written, rest zeroed).
    /// May collect. Raises MemoryError when the heap is full after a collection.
    pub(crate) fn alloc_obj(&mut self, ty: *const Type, bytes: usize) -> PyResult<Value> {
        self.alloc_obj_at(ty, bytes, false)
    }

    /// [`alloc_obj`](Self::alloc_obj), placed from the top of the pool (`top`) as frames are:
    /// see [`Heap::alloc`]. May collect.
    pub(crate) fn alloc_obj_at(&mut self, ty: *const Type, bytes: usize, top: bool) -> PyResult<Value> {
        let p = self.alloc_bytes(bytes.max(crate::heap::WORD), true, top)?;
        // SAFETY: p is a fresh, zeroed, block-aligned allocation of at least one word.
        unsafe {
            (p as *mut *const Type).write(ty);
            Ok(Value::from_obj_ptr(p))
        }
    }

    /// Allocate a raw, header-less, zero-filled buffer. May collect. The caller must make it
    /// reachable (store it in a rooted owner) before the next allocation.
    pub(crate) fn alloc_raw(&mut self, bytes: usize) -> PyResult<*mut u8> {
        self.alloc_bytes(bytes, false, false)
    }

    fn alloc_bytes(&mut self, bytes: usize, header: bool, top: bool) -> PyResult<*mut u8> {
        match self.try_alloc_bytes(bytes, header, top) {
            Some(p) => Ok(p),
            None => Err(self.raise_memory_error()),
        }
    }

    /// [`alloc_bytes`](Self::alloc_bytes) without raising: `None` when `bytes` do not fit
    /// even after a collection. A request larger than the whole pool fails at once, without
    /// collecting. May collect.
    fn try_alloc_bytes(&mut self, bytes: usize, header: bool, top: bool) -> Option<*mut u8> {
        if bytes > self.heap.capacity() || self.heap_locked > 0 {
            return None;
        }
        #[cfg(feature = "gc-stress")]
        self.collect();
        if self.wants_collection() {
            self.collect();
        }
        if let Some(p) = self.heap.alloc(bytes, header, top) {
            return Some(p);
        }
        self.collect();
        self.heap.alloc(bytes, header, top)
    }

    /// Allocate a raw, zero-filled buffer of `want` bytes, or of `min` bytes when `want` does
    /// not fit (growth headroom is dropped before MemoryError is raised); the caller reads the
    /// size it got with `Heap::alloc_size`. May collect.
    pub(crate) fn alloc_raw_atleast(&mut self, want: usize, min: usize) -> PyResult<*mut u8> {
        self.realloc_atleast(core::ptr::null_mut(), want, min, false)
    }

    /// Resize a heap buffer or object (`p` must be reachable). Returns the new address; the
    /// contents up to `min(old, new)` are preserved, new bytes are zero. May collect.
    pub(crate) fn realloc(&mut self, p: *mut u8, new_bytes: usize, header: bool) -> PyResult<*mut u8> {
        self.realloc_atleast(p, new_bytes, new_bytes, header)
    }

    /// [`realloc`](Self::realloc) to `want` bytes, settling for less, down to `min` bytes
    /// (`min <= want`), when `want` does not fit anywhere: on a small, fragmented heap a
    /// growing list, dict or string gets the room it needs now rather than failing for its
    /// growth headroom. `want` is tried in place, then elsewhere; when it does not fit, the
    /// heap is collected (once) and the headroom halved until a size fits or `min` fails.
    /// Halving, not settling for `min` at once, keeps growth geometric on a nearly full heap
    /// (settling would make a growing buffer grow by a block, and collect, at every append:
    /// quadratic). A growth collects at most twice (the usual threshold check and one forced
    /// collection); `min` larger than the whole pool fails at once. `p` may be null (a fresh
    /// allocation). May collect.
    pub(crate) fn realloc_atleast(&mut self, p: *mut u8, want: usize, min: usize, header: bool) -> PyResult<*mut u8> {
        if min > self.heap.capacity() || self.heap_locked > 0 {
            return Err(self.raise_memory_error());
        }
        let want = want.clamp(min, self.heap.capacity());
        if !p.is_null() && self.heap.resize_in_place(p, want) {
            return Ok(p);
        }
        // Keep the old block alive across a collection inside the allocation.
        let m = self.roots_mark();
        if !p.is_null() {
            self.push_root_raw(p)?;
        }
        #[cfg(feature = "gc-stress")]
        self.collect();
        if self.wants_collection() {
            self.collect();
        }
        let have = if p.is_null() { 0 } else { self.heap.alloc_size(p) };
        let mut collected = false;
        let mut size = want;
        let found = loop {
            if size > have && (size < want || collected) && !p.is_null() && self.heap.resize_in_place(p, size) {
                self.pop_roots(m);
                return Ok(p);
            }
            if let Some(q) = self.heap.alloc(size, header, false) {
                break Some((q, size));
            }
            if size == min || !collected {
                if collected {
                    break None;
                }
                // Before settling for less, collect once and start again from `want`.
                self.collect();
                collected = true;
                size = want;
                continue;
            }
            size = min + (size - min) / 2;
        };
        self.pop_roots(m);
        let Some((q, got)) = found else { return Err(self.raise_memory_error()) };
        if !p.is_null() {
            let old = self.heap.alloc_size(p);
            // SAFETY: both are distinct live heap allocations of at least min(old, got) bytes.
            unsafe { Heap::copy(p, q, old.min(got)) };
            self.heap.free(p);
        }
        Ok(q)
    }

    /// Free a heap allocation that is no longer reachable (e.g. a returned frame).
    pub(crate) fn free(&mut self, p: *const u8) {
        self.heap.free(p);
    }

    /// Is `v` a heap (not ROM) object?
    pub(crate) fn is_heap(&self, v: Value) -> bool {
        v.is_obj() && self.heap.contains(v.as_ptr())
    }

    // ----- temp roots -----

    /// Current temp-root depth, for [`Vm::pop_roots`].
    #[inline]
    pub(crate) fn roots_mark(&self) -> usize {
        self.roots_len
    }

    /// Keep `v` alive until `pop_roots` (or the end of the current instruction).
    ///
    /// The first `INLINE_ROOTS` entries live in the `Vm` value; beyond them the stack
    /// continues in a heap buffer that doubles when full, so the depth is bounded only by
    /// the heap. May collect (only when that buffer grows); the only error is the
    /// preallocated MemoryError, raised without touching the root stack.
    #[inline]
    pub(crate) fn push_root(&mut self, v: Value) -> PyResult<()> {
        match self.roots.get_mut(self.roots_len) {
            Some(slot) => {
                *slot = v;
                self.roots_len += 1;
                Ok(())
            }
            None => self.push_root_spilled(v),
        }
    }

    /// [`push_root`](Self::push_root) past the inline part. May collect.
    #[cold]
    fn push_root_spilled(&mut self, v: Value) -> PyResult<()> {
        let j = self.roots_len - INLINE_ROOTS;
        if j >= self.roots_spill_cap {
            self.grow_roots_spill(v)?;
        }
        // SAFETY: `j < roots_spill_cap`, the buffer's length in values.
        unsafe { self.roots_spill.add(j).write(v) };
        self.roots_len += 1;
        Ok(())
    }

    /// Double the spill buffer (at least `INLINE_ROOTS` entries), keeping `v` (the value
    /// being pushed) and the old buffer alive across the allocation. Never pushes a root.
    /// May collect.
    #[cold]
    fn grow_roots_spill(&mut self, v: Value) -> PyResult<()> {
        const W: usize = core::mem::size_of::<Value>();
        let old = self.roots_spill;
        let used = self.roots_len - INLINE_ROOTS;
        let Some(cap) = self.roots_spill_cap.checked_mul(2).map(|c| c.max(INLINE_ROOTS)) else {
            return Err(self.raise_memory_error());
        };
        let Some(bytes) = cap.checked_mul(W) else { return Err(self.raise_memory_error()) };
        if !old.is_null() && self.heap.resize_in_place(old as *const u8, bytes) {
            self.roots_spill_cap = cap;
            return Ok(());
        }
        // `collect` marks the old buffer (through `roots_spill`) and `roots_pushing`.
        self.roots_pushing = v;
        let q = self.try_alloc_bytes(bytes, false, false);
        self.roots_pushing = Value::NULL;
        let Some(q) = q else { return Err(self.raise_memory_error()) };
        if !old.is_null() {
            // SAFETY: distinct live heap allocations; the old one holds `used` values and the
            // new one `cap > used`.
            unsafe { Heap::copy(old as *const u8, q, used * W) };
            self.heap.free(old as *const u8);
        }
        self.roots_spill = q as *mut Value;
        self.roots_spill_cap = cap;
        Ok(())
    }

    fn push_root_raw(&mut self, p: *mut u8) -> PyResult<()> {
        // SAFETY: heap blocks are block-aligned; the collector treats header-less blocks as
        // raw buffers (marked, not traced).
        self.push_root(unsafe { Value::from_obj_ptr(p) })
    }

    /// Release temp roots down to `mark`.
    #[inline]
    pub(crate) fn pop_roots(&mut self, mark: usize) {
        if mark <= self.roots_len {
            self.roots_len = mark;
        }
    }

    /// The slot of live temp root `i`, if `i < roots_len`.
    fn root_slot(&mut self, i: usize) -> Option<&mut Value> {
        if i >= self.roots_len {
            return None;
        }
        match i.checked_sub(INLINE_ROOTS) {
            None => self.roots.get_mut(i),
            // SAFETY: `INLINE_ROOTS <= i < roots_len`, so `j` indexes a live entry of the
            // spill buffer (`roots_len - INLINE_ROOTS <= roots_spill_cap`).
            Some(j) => Some(unsafe { &mut *self.roots_spill.add(j) }),
        }
    }

    /// Replace the temp root at index `i` (used by growing builders).
    pub(crate) fn set_root(&mut self, i: usize, v: Value) {
        if let Some(slot) = self.root_slot(i) {
            *slot = v;
        }
    }

    /// Read the temp root at index `i`.
    pub(crate) fn get_root(&self, i: usize) -> Value {
        if i >= self.roots_len {
            return Value::NULL;
        }
        match i.checked_sub(INLINE_ROOTS) {
            None => self.roots.get(i).copied().unwrap_or(Value::NULL),
            // SAFETY: as in `root_slot`.
            Some(j) => unsafe { self.roots_spill.add(j).read() },
        }
    }

    // ----- raising -----

    /// Raise `exc` (an exception instance): sets `__context__` from the handled exception.
    pub(crate) fn raise(&mut self, exc: Value) -> Raised {
        if !self.handled.is_null() && self.handled != exc && self.handled != Value::NONE {
            exception::set_context(self, exc, self.handled);
        }
        self.pending = exc;
        Raised(())
    }

    /// Re-raise `exc` without touching its context (Reraise / propagation).
    pub(crate) fn reraise(&mut self, exc: Value) -> Raised {
        self.pending = exc;
        Raised(())
    }

    /// Take the pending exception (NULL if none).
    pub(crate) fn take_pending(&mut self) -> Value {
        core::mem::replace(&mut self.pending, Value::NULL)
    }

    /// The pending exception (NULL if none).
    #[allow(dead_code)]
    pub(crate) fn pending(&self) -> Value {
        self.pending
    }

    /// Raise MemoryError using the preallocated instance (needs no memory).
    pub(crate) fn raise_memory_error(&mut self) -> Raised {
        let e = self.memory_error;
        exception::reset_for_reraise(self, e);
        self.pending = e;
        Raised(())
    }

    /// Raise `ty(msg)` (`ty()` without the `error-messages` feature). May collect.
    #[cfg_attr(not(feature = "error-messages"), inline(always))]
    pub(crate) fn raise_msg(&mut self, ty: &'static Type, msg: &str) -> Raised {
        if !cfg!(feature = "error-messages") {
            return self.raise_empty(ty);
        }
        match obj::str::new(self, msg) {
            Ok(s) => self.raise_with_arg(ty, s),
            Err(r) => r,
        }
    }

    /// Raise `ty(arg)`. May collect.
    pub(crate) fn raise_with_arg(&mut self, ty: &'static Type, arg: Value) -> Raised {
        let m = self.roots_mark();
        if let Err(r) = self.push_root(arg) {
            return r;
        }
        let e = exception::new(self, ty, &[arg]);
        self.pop_roots(m);
        match e {
            Ok(e) => self.raise(e),
            Err(r) => r,
        }
    }

    /// Raise `ty()` with no arguments. May collect.
    pub(crate) fn raise_empty(&mut self, ty: &'static Type) -> Raised {
        match exception::new(self, ty, &[]) {
            Ok(e) => self.raise(e),
            Err(r) => r,
        }
    }

    /// Raise `ty(formatted message)` (`ty()` without the `error-messages` feature: inlined,
    /// the message and what formats it are left out of the image). May collect.
    #[cfg_attr(not(feature = "error-messages"), inline(always))]
    pub(crate) fn raise_fmt(&mut self, ty: &'static Type, args: fmt::Arguments<'_>) -> Raised {
        if !cfg!(feature = "error-messages") {
            return self.raise_empty(ty);
        }
        let mut b = FixedBuf::new();
        let _ = b.write_fmt(args);
        self.raise_msg(ty, b.as_str())
    }

    /// `TypeError(message)`.
    #[cfg_attr(not(feature = "error-messages"), inline(always))]
    pub(crate) fn type_error(&mut self, args: fmt::Arguments<'_>) -> Raised {
        self.raise_fmt(&exception::TYPE_ERROR_TYPE, args)
    }

    /// `ValueError(message)`.
    #[cfg_attr(not(feature = "error-messages"), inline(always))]
    pub(crate) fn value_error(&mut self, args: fmt::Arguments<'_>) -> Raised {
        self.raise_fmt(&exception::VALUE_ERROR_TYPE, args)
    }

    /// Is the pending exception an instance of `ty`?
    pub(crate) fn pending_is(&self, ty: &Type) -> bool {
        !self.pending.is_null() && obj::is_instance(self.pending, ty)
    }

    // ----- output -----

    /// Write text to the VM's output.
    pub fn write_out(&mut self, s: &str) {
        self.out.write_str(s);
    }

    /// Write text to the VM's error stream (`sys.stderr`).
    pub(crate) fn write_err(&mut self, s: &str) {
        self.out.write_err(s);
    }

    /// Flush the VM's output.
    pub(crate) fn flush_out(&mut self) {
        self.out.flush();
    }

    /// The currently handled exception (None if none).
    pub(crate) fn handled_or_none(&self) -> Value {
        if self.handled.is_null() {
            Value::NONE
        } else {
            self.handled
        }
    }

    #[allow(dead_code)]
    pub(crate) fn null_ptr() -> *const u8 {
        ptr::null()
    }
}

/// Which native recursion hit the stack limit: selects CPython's RecursionError message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Recursion {
    /// Python frames, iterator chains, hashing: "maximum recursion depth exceeded".
    Plain,
    /// Rich comparison: "... in comparison".
    Compare,
    /// `repr()`: "... while getting the repr of an object".
    Repr,
    /// `str()`: "... while getting the str of an object".
    Str,
    /// `isinstance` over nested tuples: "... in __instancecheck__".
    InstanceCheck,
    /// `issubclass` over nested tuples: "... in __subclasscheck__".
    SubclassCheck,
}

/// The approximate native stack pointer: the address of a local of this (inlined) call.
#[inline(always)]
fn stack_pointer() -> usize {
    let marker = 0u8;
    core::hint::black_box(&marker) as *const u8 as usize
}

/// One live heap object, as reported by [`Vm::heap_census`].
#[derive(Clone, Copy, Debug)]
pub struct CensusEntry<'t> {
    /// The type's name for built-in types; `"instance"` / `"subclass instance"` for instances
    /// of classes created by `class` statements; `"raw buffer (unowned)"` for raw buffers no
    /// object claims (reported once, summed).
    pub label: &'t str,
    /// The instance layout.
    pub kind: obj::Kind,
    /// Bytes of the object's own blocks.
    pub bytes: usize,
    /// Bytes of the raw buffers it owns (list items, dict and set tables).
    pub buffer_bytes: usize,
}

/// A fixed-size text buffer for error messages (truncates on overflow).
pub struct FixedBuf {
    buf: [u8; 240],
    len: usize,
}

impl FixedBuf {
    /// Empty buffer.
    pub const fn new() -> Self {
        FixedBuf { buf: [0; 240], len: 0 }
    }
    /// The text so far.
    pub fn as_str(&self) -> &str {
        let b = self.buf.get(..self.len).unwrap_or(&[]);
        core::str::from_utf8(b).unwrap_or("")
    }
}

impl Default for FixedBuf {
    fn default() -> Self {
        Self::new()
    }
}

impl fmt::Write for FixedBuf {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        for (i, ch) in s.char_indices() {
            let n = ch.len_utf8();
            if self.len + n > self.buf.len() {
                let _ = i;
                return Ok(());
            }
            let mut tmp = [0u8; 4];
            let enc = ch.encode_utf8(&mut tmp);
            self.buf[self.len..self.len + n].copy_from_slice(enc.as_bytes());
            self.len += n;
        }
        Ok(())
    }
}
