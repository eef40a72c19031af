//! [`Scope`]: the only door from Rust into a running VM, and the brand of its handles.

use core::any::Any;
use core::marker::PhantomData;

use super::{Error, IntoPython, Obj, Root};
use crate::obj;
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use crate::Output;

/// Access to a VM for the length of a closure (see [`Vm::scope`] and the handle rules in
/// ARCHITECTURE.md).
///
/// The lifetime `'s` is a brand: fresh for each scope and invariant, so a handle
/// [`Obj<'s>`] cannot leave its closure or be used with another scope. Every handle the scope
/// hands out is rooted until the scope ends. Methods that may run Python or allocate (and
/// so may collect) take `&mut self`; borrowed views (`&str` of a str) borrow `&self`, so they
/// end before the next such call.
pub struct Scope<'s> {
    /// The VM with its lifetime shortened to the scope (see `Scope::enter`).
    pub(crate) vm: &'s mut Vm<'s>,
    /// `!Send`, `!Sync`.
    _local: PhantomData<*const ()>,
}

/// Converts handles of an outer scope into handles of a nested one (see [`Scope::scope`]).
/// Only the nested scope's closure receives one, so it converts handles of that outer
/// scope and no other.
#[derive(Clone, Copy)]
pub struct Lift<'o, 'i> {
    _brands: TwoBrands<'o, 'i>,
}

/// Invariant in both lifetimes.
type TwoBrands<'o, 'i> = PhantomData<(fn(&'o ()) -> &'o (), fn(&'i ()) -> &'i ())>;

impl<'o, 'i> Lift<'o, 'i> {
    /// The outer handle `h` as a handle of the nested scope (it stays rooted by the outer
    /// scope, which lasts longer).
    pub fn lift(self, h: Obj<'o>) -> Obj<'i> {
        Obj::from_rooted(h.v)
    }
}

impl<'s> Scope<'s> {
    /// Open a scope on `vm`.
    ///
    /// # Safety
    /// The caller must pop the temp roots back to `vm.roots_mark()` (as read before) when the
    /// scope ends, and must not let the scope outlive the borrow of `vm`.
    pub(crate) unsafe fn enter<'a: 's>(vm: &'s mut Vm<'a>) -> Scope<'s> {
        // SAFETY: only `Vm`'s lifetime parameter changes, shortened from 'a to 's ('a: 's).
        // `Vm<'a>` is invariant only because its fields `out`, `poll`, `input`, `compiler`
        // and `api.context` are `&'a mut`; the scope never writes those fields nor `clock`
        // (`&'a dyn Clock`): they are set only by `Vm::new` and the `Vm::set_*` setters,
        // which take `Vm<'a>` itself and which no scope method calls, so nothing with the
        // shorter lifetime can be stored where the longer one is expected.
        let vm = unsafe { core::mem::transmute::<&'s mut Vm<'a>, &'s mut Vm<'s>>(vm) };
        Scope { vm, _local: PhantomData }
    }

    /// Root `v` for the rest of the scope and brand it. May fail only when the temp-root
    /// stack cannot grow (MemoryError).
    pub(crate) fn hold(&mut self, v: Value) -> Result<Obj<'s>, Error> {
        if self.vm.is_heap(v) {
            let r = self.vm.push_root(v);
            self.check(r)?;
        }
        Ok(Obj::from_rooted(v))
    }

    /// Turn a VM result into an API result: a raised exception becomes an [`Error`].
    pub(crate) fn check<T>(&mut self, r: PyResult<T>) -> Result<T, Error> {
        r.map_err(|_| Error::from_pending(self.vm))
    }

    /// Root a fresh result value of a VM call.
    pub(crate) fn held(&mut self, r: PyResult<Value>) -> Result<Obj<'s>, Error> {
        let v = self.check(r)?;
        self.hold(v)
    }

    /// Run `f` in a nested scope: the handles it creates are released when it returns
    /// (use it in loops). Handles of this scope are brought in with `lift`:
    /// `s.scope(|s, up| up.lift(callback).call(s, (1,)))`. May collect.
    pub fn scope<R>(&mut self, f: impl for<'i> FnOnce(&mut Scope<'i>, Lift<'s, 'i>) -> R) -> R {
        let mark = self.vm.roots_mark();
        // SAFETY: the roots are popped to `mark` below; the nested scope borrows `self`.
        let r = f(&mut unsafe { Scope::enter(&mut *self.vm) }, Lift { _brands: PhantomData });
        self.vm.pop_roots(mark);
        r
    }

    /// `None`.
    pub fn none(&self) -> Obj<'s> {
        Obj::from_rooted(Value::NONE)
    }

    /// Convert a Rust value to a (new) Python object. May collect.
    #[allow(clippy::new_ret_no_self)] // it makes a new Python object, not a scope
    pub fn new<T: IntoPython<'s>>(&mut self, x: T) -> Result<Obj<'s>, Error> {
        x.into_python(self)
    }

    /// A new list of `items`. May collect.
    pub fn list(&mut self, items: &[Obj<'s>]) -> Result<Obj<'s>, Error> {
        let r = obj::list::from_slice(self.vm, Obj::values(items));
        self.held(r)
    }

    /// A new tuple of `items`. May collect.
    pub fn tuple(&mut self, items: &[Obj<'s>]) -> Result<Obj<'s>, Error> {
        let r = obj::tuple::new(self.vm, Obj::values(items));
        self.held(r)
    }

    /// A new empty dict. May collect.
    pub fn dict(&mut self) -> Result<Obj<'s>, Error> {
        let r = obj::dict::new(self.vm);
        self.held(r)
    }

    /// Import `module` (dotted names import each package on the way) and return it. Runs
    /// the module's body the first time. May collect.
    pub fn import(&mut self, module: &str) -> Result<Obj<'s>, Error> {
        let r = crate::import::import_dotted(self.vm, module);
        self.held(r)
    }

    /// A built-in function or class by name (`len`, `ValueError`, ...). May collect.
    pub fn builtin(&mut self, name: &str) -> Result<Obj<'s>, Error> {
        let r = obj::str::new(self.vm, name);
        let n = self.check(r)?;
        match crate::builtins::lookup(n) {
            Some(v) => self.hold(v),
            None => Err(Error::new_fmt(super::ExcType::NAME_ERROR, format_args!("name '{name}' is not defined"))),
        }
    }

    /// Run a full garbage collection now (handles stay valid: they are roots).
    pub fn collect(&mut self) {
        self.vm.collect();
    }

    /// The embedder's context set with [`Vm::set_context`], if it has type `T`.
    pub fn context<T: Any>(&mut self) -> Option<&mut T> {
        self.vm.api.context.as_deref_mut()?.downcast_mut::<T>()
    }

    /// Keep `o` beyond this scope: a [`Root`] in the VM's root table, traced by the
    /// collector until [`Scope::unroot`] or [`Vm::unroot`]. May collect.
    pub fn root(&mut self, o: Obj<'s>) -> Result<Root, Error> {
        let r = super::root::add(self.vm, o.v);
        self.check(r)
    }

    /// The object `r` keeps alive, as a handle of this scope. `RuntimeError` if `r` belongs
    /// to another VM.
    pub fn get(&mut self, r: &Root) -> Result<Obj<'s>, Error> {
        let v = super::root::get(self.vm, r)?;
        self.hold(v)
    }

    /// Release `r` (its object may then be collected). `RuntimeError` if `r` belongs to
    /// another VM.
    pub fn unroot(&mut self, r: Root) -> Result<(), Error> {
        super::root::remove(self.vm, r)
    }

    /// Call `callback` (any callable, with no arguments) at the VM's next safe point after
    /// `sig` is raised ([`Signal::raise`](crate::Signal::raise), e.g. from an interrupt
    /// handler); `None` removes the registration. The VM keeps the callable alive. At most
    /// [`MAX_SIGNALS`](crate::MAX_SIGNALS) signals at once (RuntimeError beyond). While a
    /// signal is registered the VM looks at the raised signals every
    /// [`SIGNAL_CHECK_EVERY`](crate::SIGNAL_CHECK_EVERY) instructions; an exception the
    /// callback raises propagates into the Python code running at that point.
    pub fn on_signal(&mut self, sig: &'static crate::Signal, callback: Obj<'s>) -> Result<(), Error> {
        let v = if callback.v == Value::NONE { Value::NULL } else { callback.v };
        if !v.is_null() && !crate::builtins::is_callable(v) {
            return Err(Error::type_error("signal callback must be callable"));
        }
        if self.vm.set_signal(sig, v) {
            Ok(())
        } else {
            Err(Error::new_fmt(
                super::ExcType::RUNTIME_ERROR,
                format_args!("too many signals (at most {})", crate::MAX_SIGNALS),
            ))
        }
    }

    /// An exception of class `cls` (any exception class, e.g. one defined in Python) with
    /// message `msg`, as an [`Error`] to return from a native function. May collect.
    pub fn new_error(&mut self, cls: Obj<'s>, msg: &str) -> Error {
        let m = match self.new(msg) {
            Ok(m) => m,
            Err(e) => return e,
        };
        match cls.call(self, (m,)) {
            Ok(exc) => {
                if obj::is_instance(exc.v, &obj::exception::BASE_EXCEPTION_TYPE) {
                    self.vm.pending = exc.v;
                    Error::from_pending(self.vm)
                } else {
                    Error::type_error("exceptions must derive from BaseException")
                }
            }
            Err(e) => e,
        }
    }

    /// Print `e` as CPython prints an uncaught exception (traceback, then `Type: message`)
    /// to the VM's output. Without the exception object (see [`Error`]) only the last line.
    pub fn print_error(&mut self, e: &Error) {
        write_error(self.vm, e, None);
    }

    /// Like [`Scope::print_error`], to another output.
    pub fn write_error(&mut self, e: &Error, out: &mut dyn Output) {
        write_error(self.vm, e, Some(out));
    }

    /// The traceback text of `e` (what [`Scope::print_error`] prints).
    #[cfg(feature = "std")]
    #[cfg_attr(docsrs, doc(cfg(feature = "std")))]
    pub fn format_error(&mut self, e: &Error) -> std::string::String {
        #[derive(Default)]
        struct S(std::string::String);
        impl Output for S {
            fn write_str(&mut self, s: &str) {
                self.0.push_str(s);
            }
        }
        let mut s = S::default();
        write_error(self.vm, e, Some(&mut s));
        s.0
    }
}

/// Write `e`'s traceback (or its last line) to `out`, or to the VM's output when `out` is
/// `None`. May collect.
pub(crate) fn write_error(vm: &mut Vm<'_>, e: &Error, mut out: Option<&mut dyn Output>) {
    let mut emit = |vm: &mut Vm<'_>, text: &str| match out.as_deref_mut() {
        Some(o) => {
            o.write_str(text);
            o.flush();
        }
        None => {
            vm.out.write_str(text);
            vm.out.flush();
        }
    };
    if let Some(exc) = e.exception_value(vm) {
        let mark = vm.roots_mark();
        let r = crate::traceback::format_exception(vm, exc);
        match r {
            Ok(s) => {
                // The formatted text is a fresh str; nothing allocates before it is written.
                emit(vm, obj::str::as_str(s).unwrap_or(""));
                vm.pop_roots(mark);
                return;
            }
            Err(_) => {
                vm.take_pending();
                vm.pop_roots(mark);
            }
        }
    }
    let mut b = crate::vm::FixedBuf::new();
    let _ = core::fmt::Write::write_fmt(&mut b, format_args!("{e}\n"));
    emit(vm, b.as_str());
}

impl<'a> Vm<'a> {
    /// Run `f` with a [`Scope`] on this VM: the way to call Python, convert values and
    /// keep handles. Every handle `f` receives is released when it returns.
    ///
    /// ```ignore
    /// let n: i64 = vm.scope(|s| {
    ///     let m = s.import("app")?;
    ///     m.getattr(s, "add")?.call(s, (2, 3))?.extract(s)
    /// })?;
    /// ```
    pub fn scope<R>(&mut self, f: impl for<'s> FnOnce(&mut Scope<'s>) -> R) -> R {
        let outer = self.enter_stack();
        let mark = self.roots_mark();
        // SAFETY: roots are popped to `mark` below; the scope lives inside this call.
        let r = f(&mut unsafe { Scope::enter(self) });
        self.pop_roots(mark);
        self.leave_stack(outer);
        self.out.flush();
        r
    }

    /// Give native functions access to `ctx` ([`Scope::context`]) while this VM lives.
    pub fn set_context(&mut self, ctx: &'a mut (dyn Any + 'static)) {
        self.api.context = Some(ctx);
    }

    /// Release `r` (see [`Scope::unroot`]).
    pub fn unroot(&mut self, r: Root) -> Result<(), Error> {
        super::root::remove(self, r)
    }

    /// Print `e` with its traceback to the VM's output (see [`Scope::print_error`]).
    pub fn print_error(&mut self, e: &Error) {
        self.scope(|s| s.print_error(e));
    }
}
