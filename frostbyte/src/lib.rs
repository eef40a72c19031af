//! Frostbyte: Python frozen into Rust statics at build time, run in place by a `#![no_std]`,
//! allocator-free VM.
//!
//! This page is the user guide: [freezing](#freezing), [running](#running),
//! [embedding](#embedding-calling-python-from-rust), [native modules](#native-modules-calling-rust-from-python),
//! [errors](#errors) and [memory](#memory). Its examples run as doctests
//! (`cargo test --doc -p frostbyte`) on this Python module, `doc/app.py`:
//!
//! ```python
#![doc = include_str!("../doc/app.py")]
//! ```
//!
//! # Freezing
//!
//! Python source becomes typed Rust `static`s at compile time: code objects, constants and
//! names live in flash (`.rodata`), and importing a module allocates only what running its
//! body creates. Two ways:
//!
//! - [`include_python!`] in Rust source, for a file (module) or a directory (package); the path
//!   is relative to the invoking file, like `include_str!`:
//!   `static APP: &frostbyte::Image = frostbyte::include_python!("app.py");`
//! - `frostbyte-build` in `build.rs` (`frostbyte_build::Config::new().module(...).compile()`),
//!   which writes the image to `$OUT_DIR` for `include!`.
//!
//! Syntax errors and unsupported constructs are compile errors pointing at the Python line.
//!
//! # Running
//!
//! A [`Vm`] runs in a memory region the embedder gives it (no global allocator) and writes
//! `print` output and tracebacks to an [`Output`]:
//!
//! ```
//! use std::mem::MaybeUninit;
//!
//! # static APP: &frostbyte::Image = frostbyte::include_python!("../doc/app.py");
//! # use frostbyte::{Args, Error, NativeFunction, NativeModule, Obj, Scope};
//! # fn nop<'s>(s: &mut Scope<'s>, _a: Args<'s>) -> Result<Obj<'s>, Error> { Ok(s.none()) }
//! # static BOARD: NativeModule = NativeModule::new("board", &[NativeFunction::new("led", nop)]);
//! struct Print;
//! impl frostbyte::Output for Print {
//!     fn write_str(&mut self, s: &str) {
//!         print!("{s}");
//!     }
//! }
//!
//! let mut heap = vec![MaybeUninit::<u8>::uninit(); 32 * 1024];
//! let mut out = Print;
//! let mut vm = frostbyte::Vm::new(&mut heap, &mut out);
//! # vm.add_module(&BOARD).unwrap();
//! vm.add_image(APP).expect("image built for this VM version");
//! if let Err(e) = vm.run_main("app") {
//!     vm.print_exception(&e); // CPython's traceback format
//! }
//! ```
//!
//! # Embedding: calling Python from Rust
//!
//! All access to Python objects goes through a [`Scope`]: `vm.scope(|s| ...)`. Inside, an
//! [`Obj<'s>`] is a handle to a Python object, rooted (safe from the collector) until the
//! closure returns; it cannot escape the closure or move to another thread, so safe code can
//! never see a freed object. Import modules, read attributes, call any callable with
//! positional and keyword arguments, and convert values with [`IntoPython`] /
//! [`FromPython`] (`bool`, all integer types, `f32`/`f64`, `&str`, `&[u8]`, tuples,
//! `Option`, `()`, and `String`/`Vec`/`HashMap` with the `std` feature):
//!
//! ```
//! # use std::mem::MaybeUninit;
//! # static APP: &frostbyte::Image = frostbyte::include_python!("../doc/app.py");
//! # use frostbyte::{Args, Error, NativeFunction, NativeModule, Obj, Scope};
//! # fn nop<'s>(s: &mut Scope<'s>, _a: Args<'s>) -> Result<Obj<'s>, Error> { Ok(s.none()) }
//! # static BOARD: NativeModule = NativeModule::new("board", &[NativeFunction::new("led", nop)]);
//! # struct Sink;
//! # impl frostbyte::Output for Sink { fn write_str(&mut self, _: &str) {} }
//! # let mut heap = vec![MaybeUninit::<u8>::uninit(); 32 * 1024];
//! # let mut out = Sink;
//! # let mut vm = frostbyte::Vm::new(&mut heap, &mut out);
//! # vm.add_module(&BOARD).unwrap();
//! # vm.add_image(APP).unwrap();
//! let sum = vm.scope(|s| -> Result<i64, frostbyte::Error> {
//!     let app = s.import("app")?;
//!     let add = app.getattr(s, "add")?;
//!     let greeting = app.getattr(s, "greet")?;
//!     let q = s.new("?")?;
//!     let text = greeting.call_kw(s, ("Rust",), &[("punct", q)])?;
//!     assert_eq!(text.as_str(s)?, "hello Rust?"); // a view: valid until the next `&mut` call
//!     add.call(s, (40, 2))?.extract(s)
//! });
//! assert_eq!(sum.unwrap(), 42);
//! ```
//!
//! The handle rules (ARCHITECTURE.md, "Public API and handles"): calls that may run Python
//! or allocate take `&mut Scope`; borrowed views (`&str`) borrow `&Scope`, so they end before
//! such a call; `s.scope(|s, lift| ...)` nests a scope whose handles are released when it
//! returns (use it in long loops); a [`Root`] (`s.root(obj)`) keeps an object across scopes,
//! for callbacks or objects stored in Rust structs, until `unroot`.
//!
//! # Native modules: calling Rust from Python
//!
//! A [`NativeModule`] is a `static` table of [`NativeFunction`]s, registered with
//! [`Vm::add_module`]; a name that a frozen or built-in module already has is refused. The
//! static is the module object itself and the function objects are its entries, all in
//! flash: importing a native module allocates nothing (it is not entered in `sys.modules`,
//! like MicroPython's built-in modules), and only a write to it (`board.x = 1`) or its
//! `__dict__` gives it a namespace dict in the heap. A native function gets a scope and the
//! call's [`Args`]; [`Args::bind`] checks them against a [`Signature`] with CPython's
//! TypeError messages. The embedder's state is reached through a typed context
//! ([`Vm::set_context`], [`Scope::context`]), without `static mut`:
//!
//! ```
//! # use std::mem::MaybeUninit;
//! # static APP: &frostbyte::Image = frostbyte::include_python!("../doc/app.py");
//! use frostbyte::{Args, Error, NativeFunction, NativeModule, Obj, Scope, Signature};
//!
//! #[derive(Default)]
//! struct Led {
//!     toggles: u32,
//! }
//!
//! const LED: Signature<1> = Signature { name: "led", params: ["on"], required: 1, varargs: false };
//! fn led<'s>(s: &mut Scope<'s>, args: Args<'s>) -> Result<Obj<'s>, Error> {
//!     let on: bool = args.bind(&LED)?.get(s, &LED, 0)?;
//!     let state = s.context::<Led>().expect("context set");
//!     state.toggles += on as u32;
//!     Ok(s.none())
//! }
//!
//! fn count<'s>(s: &mut Scope<'s>, _args: Args<'s>) -> Result<Obj<'s>, Error> {
//!     let n = s.context::<Led>().map_or(0, |l| l.toggles);
//!     s.new(n)
//! }
//!
//! static BOARD: NativeModule = NativeModule::new(
//!     "board",
//!     &[NativeFunction::new("led", led), NativeFunction::new("count", count)],
//! );
//!
//! # struct Sink;
//! # impl frostbyte::Output for Sink { fn write_str(&mut self, _: &str) {} }
//! let mut state = Led::default();
//! let mut heap = vec![MaybeUninit::<u8>::uninit(); 32 * 1024];
//! # let mut out = Sink;
//! let mut vm = frostbyte::Vm::new(&mut heap, &mut out);
//! vm.add_module(&BOARD).unwrap();
//! vm.add_image(APP).unwrap();
//! vm.set_context(&mut state);
//! let n = vm.scope(|s| -> Result<u32, Error> {
//!     let blink = s.import("app")?.getattr(s, "blink")?;
//!     blink.call(s, (3,))?.extract(s)
//! });
//! assert_eq!(n.unwrap(), 3);
//! ```
//!
//! A [`NativeClass`] (declared with [`native_class!`], listed with
//! [`NativeModule::with_classes`]) is a Python class whose instances carry a Rust value in the
//! GC heap: its constructor returns `s.instance(&CLASS, value)`, its methods read the value
//! with `obj.borrow(&s, &CLASS)` and change it with `obj.borrow_mut(&mut s, &CLASS)`, which
//! borrow the scope, so two `&mut` to one value never coexist (`examples/embed-host` has a
//! `Pin` class; `examples/rp-pico` keeps an embedded-hal pin in one). Its methods are found on
//! instances (`p.toggle()`) and on the class (`Pin.toggle(p)`, a `method_descriptor` that
//! checks its first argument as CPython's do).
//!
//! The attribute macros [`macro@function`] and [`macro@module`] write those tables from Rust
//! signatures: parameters are converted with [`FromPython`] (trailing `Option`s may be
//! omitted, an `Obj<'s>` takes the object, a first `&mut Scope` parameter gets the scope),
//! the result with [`IntoPython`], and a `Result`'s error is raised:
//!
//! ```
//! #[frostbyte::module(name = "board")]
//! mod board {
//!     #[frostbyte::function]
//!     pub fn scale(x: i64, factor: Option<i64>) -> i64 {
//!         x * factor.unwrap_or(2)
//!     }
//!
//!     #[frostbyte::function]
//!     pub fn checked(x: i32) -> Result<u32, frostbyte::Error> {
//!         u32::try_from(x).map_err(|_| frostbyte::Error::value_error("negative"))
//!     }
//! }
//! # struct Sink;
//! # impl frostbyte::Output for Sink { fn write_str(&mut self, _: &str) {} }
//! # let mut heap = vec![std::mem::MaybeUninit::<u8>::uninit(); 32 * 1024];
//! # let mut out = Sink;
//! let mut vm = frostbyte::Vm::new(&mut heap, &mut out);
//! vm.add_module(&board::MODULE).unwrap();
//! let r = vm.scope(|s| -> Result<i64, frostbyte::Error> {
//!     let scale = s.import("board")?.getattr(s, "scale")?;
//!     let ten = s.new(10)?;
//!     scale.call_kw(s, (4,), &[("factor", ten)])?.extract(s)
//! });
//! assert_eq!(r.unwrap(), 40);
//! ```
//!
//! # Errors
//!
//! Every fallible call returns [`Error`]: one type for every Python exception. It gives the
//! class name and message, tests the class ([`Error::is`] for built-in classes,
//! [`Error::is_instance`] for any class), and prints the traceback in CPython's format
//! ([`Scope::print_error`], [`Vm::print_error`]). A native function returns
//! `Err(Error::new(ExcType::VALUE_ERROR, "..."))` to raise; an error that came from Python
//! code and is returned by a native function is re-raised unchanged, so exceptions cross
//! Rust frames in both directions.
//!
//! ```
//! # use std::mem::MaybeUninit;
//! # static APP: &frostbyte::Image = frostbyte::include_python!("../doc/app.py");
//! # use frostbyte::{Args, Error, ExcType, NativeFunction, NativeModule, Obj, Scope};
//! # fn nop<'s>(s: &mut Scope<'s>, _a: Args<'s>) -> Result<Obj<'s>, Error> { Ok(s.none()) }
//! # static BOARD: NativeModule = NativeModule::new("board", &[NativeFunction::new("led", nop)]);
//! # struct Sink;
//! # impl frostbyte::Output for Sink { fn write_str(&mut self, _: &str) {} }
//! # let mut heap = vec![MaybeUninit::<u8>::uninit(); 32 * 1024];
//! # let mut out = Sink;
//! # let mut vm = frostbyte::Vm::new(&mut heap, &mut out);
//! # vm.add_module(&BOARD).unwrap();
//! # vm.add_image(APP).unwrap();
//! let err = vm
//!     .scope(|s| s.import("app")?.getattr(s, "check")?.call(s, (-1,)).map(drop))
//!     .unwrap_err();
//! assert!(err.is(ExcType::VALUE_ERROR));
//! assert_eq!(err.to_string(), "ValueError: negative reading");
//! vm.print_error(&err); // Traceback (most recent call last): ... line 20, in check ...
//! ```
//!
//! # Time and interrupts
//!
//! The `time` module (feature `time`, in `stdlib`) reads a [`Clock`] the embedder installs
//! with [`Vm::set_clock`] (`StdClock` on a host, with the `std` feature; a hardware timer on
//! firmware). An interrupt handler wakes Python only through a [`Signal`]: `raise` is two
//! atomic stores, and the VM calls the registered callback at its next check, at most
//! [`SIGNAL_CHECK_EVERY`] instructions later, between two bytecode instructions. Python
//! queues calls the same way with `micropython.schedule(f, arg)`.
//!
//! ```
//! # use std::mem::MaybeUninit;
//! # static APP: &frostbyte::Image = frostbyte::include_python!("../doc/app.py");
//! # use frostbyte::{Args, Error, NativeFunction, NativeModule, Obj, Scope};
//! # fn nop<'s>(s: &mut Scope<'s>, _a: Args<'s>) -> Result<Obj<'s>, Error> { Ok(s.none()) }
//! # static BOARD: NativeModule = NativeModule::new("board", &[NativeFunction::new("led", nop)]);
//! # struct Sink;
//! # impl frostbyte::Output for Sink { fn write_str(&mut self, _: &str) {} }
//! # let mut heap = vec![MaybeUninit::<u8>::uninit(); 32 * 1024];
//! # let mut out = Sink;
//! # let mut vm = frostbyte::Vm::new(&mut heap, &mut out);
//! # vm.add_module(&BOARD).unwrap();
//! # vm.add_image(APP).unwrap();
//! struct Uptime(std::time::Instant);
//! impl frostbyte::Clock for Uptime {
//!     fn ticks_us(&self) -> u64 { self.0.elapsed().as_micros() as u64 }
//!     fn idle(&self, _until: u64) { std::thread::yield_now() } // may return early
//! }
//! static BUTTON: frostbyte::Signal = frostbyte::Signal::new();
//!
//! let clock = Uptime(std::time::Instant::now());
//! vm.set_clock(&clock);
//! vm.scope(|s| -> Result<(), frostbyte::Error> {
//!     let app = s.import("app")?;
//!     let callback = s.builtin("print")?; // any callable, called with no arguments
//!     s.on_signal(&BUTTON, callback)?;
//!     BUTTON.raise(); // what the interrupt handler does
//!     let add = app.getattr(s, "add")?;
//!     for i in 0..100 {
//!         add.call(s, (i, 1))?; // the callback runs at a check in here
//!     }
//!     assert!(!BUTTON.is_raised());
//!     Ok(())
//! })?;
//! # Ok::<(), frostbyte::Error>(())
//! ```
//!
//! # Memory
//!
//! - The VM allocates only in the region given to [`Vm::new`]: a mark-sweep collector with
//!   precise roots runs when an allocation needs room. Running out raises `MemoryError`; the
//!   VM stays usable.
//! - Frozen code, constants, names and native function tables stay in flash.
//! - [`Vm::heap_stats`] and [`Vm::heap_census`] report use.
//! - Handles cost one temp-root slot each until their scope ends; [`Root`]s one table slot
//!   until released.
#![no_std]
// docs.rs (`--cfg docsrs`, nightly) marks the items that need a feature.
#![cfg_attr(docsrs, feature(doc_cfg))]
#![deny(missing_docs)]

pub use frostbyte_macro::{function, include_python, module};
pub use frostbyte_vm::SourceLines;
pub use frostbyte_vm::{
    AddModuleError, Args, Bound, CensusEntry, ClassEntry, CompileError, CompileMode, Compiler, Error, ExcType,
    FromPython, HeapStats, Image, ImageError, Input, IntoArgs, IntoPython, Lift, NativeClass, NativeFn, NativeFunction,
    NativeModule, Obj, ObjectKind, Output, Poll, Root, Scope, Signature, Uncaught, Vm, DEFAULT_NATIVE_STACK_LIMIT,
    FORMAT_VERSION, MAX_IMAGES, MAX_NATIVE_MODULES,
};
pub use frostbyte_vm::{Clock, Signal, SimClock, MAX_SIGNALS, SCHEDULE_DEPTH, SIGNAL_CHECK_EVERY};
#[cfg(feature = "std")]
#[cfg_attr(docsrs, doc(cfg(feature = "std")))]
pub use frostbyte_vm::{StdClock, StdOut};

#[doc(hidden)]
pub use frostbyte_vm::__private;
pub use frostbyte_vm::native_class;
