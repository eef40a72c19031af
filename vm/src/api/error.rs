//! [`Error`]: a Python exception seen from Rust, and [`ExcType`]: a built-in exception class.

use core::fmt;

use super::{Obj, Scope};
use crate::obj::{self, exception as exc, Type};
use crate::value::Value;
use crate::vm::{Raised, Vm};

/// A built-in Python exception class, for [`Error::new`] and [`Error::is`].
#[derive(Clone, Copy)]
pub struct ExcType(pub(crate) &'static Type);

macro_rules! exc_consts {
    ($($(#[$m:meta])* $name:ident = $ty:ident;)*) => {
        impl ExcType {
            $($(#[$m])* pub const $name: ExcType = ExcType(&exc::$ty);)*
        }
    };
}

exc_consts! {
    /// `BaseException`.
    BASE_EXCEPTION = BASE_EXCEPTION_TYPE;
    /// `Exception`.
    EXCEPTION = EXCEPTION_TYPE;
    /// `ArithmeticError`.
    ARITHMETIC_ERROR = ARITHMETIC_ERROR_TYPE;
    /// `AssertionError`.
    ASSERTION_ERROR = ASSERTION_ERROR_TYPE;
    /// `AttributeError`.
    ATTRIBUTE_ERROR = ATTRIBUTE_ERROR_TYPE;
    /// `ImportError`.
    IMPORT_ERROR = IMPORT_ERROR_TYPE;
    /// `IndexError`.
    INDEX_ERROR = INDEX_ERROR_TYPE;
    /// `KeyError`.
    KEY_ERROR = KEY_ERROR_TYPE;
    /// `KeyboardInterrupt`.
    KEYBOARD_INTERRUPT = KEYBOARD_INTERRUPT_TYPE;
    /// `LookupError`.
    LOOKUP_ERROR = LOOKUP_ERROR_TYPE;
    /// `MemoryError`.
    MEMORY_ERROR = MEMORY_ERROR_TYPE;
    /// `ModuleNotFoundError`.
    MODULE_NOT_FOUND_ERROR = MODULE_NOT_FOUND_ERROR_TYPE;
    /// `NameError`.
    NAME_ERROR = NAME_ERROR_TYPE;
    /// `NotImplementedError`.
    NOT_IMPLEMENTED_ERROR = NOT_IMPLEMENTED_ERROR_TYPE;
    /// `OSError`.
    OS_ERROR = OS_ERROR_TYPE;
    /// `OverflowError`.
    OVERFLOW_ERROR = OVERFLOW_ERROR_TYPE;
    /// `RecursionError`.
    RECURSION_ERROR = RECURSION_ERROR_TYPE;
    /// `RuntimeError`.
    RUNTIME_ERROR = RUNTIME_ERROR_TYPE;
    /// `StopIteration`.
    STOP_ITERATION = STOP_ITERATION_TYPE;
    /// `SystemExit`.
    SYSTEM_EXIT = SYSTEM_EXIT_TYPE;
    /// `TimeoutError`.
    TIMEOUT_ERROR = TIMEOUT_ERROR_TYPE;
    /// `TypeError`.
    TYPE_ERROR = TYPE_ERROR_TYPE;
    /// `ValueError`.
    VALUE_ERROR = VALUE_ERROR_TYPE;
    /// `ZeroDivisionError`.
    ZERO_DIVISION_ERROR = ZERO_DIVISION_ERROR_TYPE;
}

impl ExcType {
    /// The class name, e.g. `"ValueError"`.
    pub fn name(self) -> &'static str {
        self.0.name()
    }
}

impl fmt::Debug for ExcType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl PartialEq for ExcType {
    fn eq(&self, other: &Self) -> bool {
        core::ptr::eq(self.0, other.0)
    }
}

/// The bytes `Error` keeps for the class name and the message together.
const TEXT: usize = 96;

/// Inline UTF-8 text: the class name (`text[..name_len]`), then the message (up to `len`).
/// Text that does not fit is cut at a char boundary and ends with `...`.
#[derive(Clone)]
struct Text {
    name_len: u8,
    len: u8,
    buf: [u8; TEXT],
}

impl Text {
    const fn new() -> Self {
        Text { name_len: 0, len: 0, buf: [0; TEXT] }
    }
    fn name(&self) -> &str {
        core::str::from_utf8(&self.buf[..self.name_len as usize]).unwrap_or("")
    }
    fn message(&self) -> &str {
        core::str::from_utf8(&self.buf[self.name_len as usize..self.len as usize]).unwrap_or("")
    }
    /// Set the name (keeping room for a short message); call before writing the message.
    fn set_name(&mut self, name: &str) {
        let mut n = name.len().min(TEXT / 2);
        while !name.is_char_boundary(n) {
            n -= 1;
        }
        self.buf[..n].copy_from_slice(&name.as_bytes()[..n]);
        self.name_len = n as u8;
        self.len = n as u8;
    }
}

impl fmt::Write for Text {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let at = self.len as usize;
        let room = TEXT - at;
        if s.len() <= room {
            self.buf[at..at + s.len()].copy_from_slice(s.as_bytes());
            self.len += s.len() as u8;
            return Ok(());
        }
        let mut keep = room.saturating_sub(3);
        while keep > 0 && !s.is_char_boundary(keep) {
            keep -= 1;
        }
        self.buf[at..at + keep].copy_from_slice(&s.as_bytes()[..keep]);
        let at = at + keep;
        let dots = (TEXT - at).min(3);
        self.buf[at..at + dots].copy_from_slice(&b"..."[..dots]);
        self.len = (at + dots) as u8;
        Err(fmt::Error)
    }
}

/// A Python exception as a Rust error: what every fallible API call returns, and what a
/// native function returns to raise.
///
/// It owns no heap pointer: the class name and `str(exception)` are copied into it (96
/// bytes for both; longer text ends with `...`). An exception raised by Python code stays reachable in the VM (the last
/// four that crossed into Rust), so the error can still print its traceback
/// ([`Scope::print_error`]), be tested against a Python class ([`Error::is_instance`]) or
/// be re-raised unchanged when a native function returns it.
#[derive(Clone)]
pub struct Error {
    /// The nearest built-in class of the exception (`ValueError` for a Python subclass).
    base: &'static Type,
    /// `(vm id, sequence number)` of the exception object held by its VM.
    held: Option<(u32, u32)>,
    text: Text,
}

impl Error {
    /// An exception of built-in class `ty` with message `msg`; it becomes `ty(msg)` when it
    /// reaches Python.
    pub fn new(ty: ExcType, msg: &str) -> Error {
        Error::new_fmt(ty, format_args!("{msg}"))
    }

    /// Like [`Error::new`], with a formatted message (`format_args!`).
    pub fn new_fmt(ty: ExcType, args: fmt::Arguments<'_>) -> Error {
        let mut e = Error { base: ty.0, held: None, text: Text::new() };
        e.text.set_name(ty.0.name());
        let _ = fmt::Write::write_fmt(&mut e.text, args);
        e
    }

    /// `TypeError(msg)`.
    pub fn type_error(msg: &str) -> Error {
        Error::new(ExcType::TYPE_ERROR, msg)
    }

    /// `ValueError(msg)`.
    pub fn value_error(msg: &str) -> Error {
        Error::new(ExcType::VALUE_ERROR, msg)
    }

    /// The exception's class name, e.g. `"ValueError"` or a Python class's name.
    pub fn type_name(&self) -> &str {
        self.text.name()
    }

    /// `str(exception)`: the message CPython prints after the class name.
    pub fn message(&self) -> &str {
        self.text.message()
    }

    /// Is the exception an instance of built-in class `ty` (or of a subclass)?
    pub fn is(&self, ty: ExcType) -> bool {
        self.base.is_subtype(ty.0)
    }

    /// Is the exception an instance of `cls` (any class, e.g. one defined in Python)? Needs
    /// the exception object for a Python class: `false` once four newer exceptions crossed
    /// into Rust (built-in classes are still answered from the recorded class).
    pub fn is_instance<'s>(&self, s: &Scope<'s>, cls: Obj<'s>) -> bool {
        let Some(t) = obj::as_type(cls.v) else {
            return false;
        };
        match self.exception_value(s.vm) {
            Some(e) => obj::is_instance(e, t),
            None => self.base.is_subtype(t),
        }
    }

    /// The exception object, while its VM still holds it (see [`Error`]).
    pub fn exception<'s>(&self, s: &mut Scope<'s>) -> Option<Obj<'s>> {
        let v = self.exception_value(s.vm)?;
        s.hold(v).ok()
    }

    /// The held exception object if `vm` is the VM that holds it.
    pub(crate) fn exception_value(&self, vm: &Vm<'_>) -> Option<Value> {
        let (id, seq) = self.held?;
        if id != vm.api.id {
            return None;
        }
        vm.api.held_error(seq)
    }

    /// Take the pending exception of `vm` into an `Error` (after a call returned `Raised`).
    /// May run Python (`str(exception)`); never fails.
    pub(crate) fn from_pending(vm: &mut Vm<'_>) -> Error {
        let exc = vm.take_pending();
        if exc.is_null() {
            return Error::new(ExcType::SYSTEM_ERROR_FALLBACK, "error without an exception");
        }
        let seq = vm.api.hold_error(exc);
        let ty = obj::type_of(exc);
        let mut base = ty;
        while base.is_heap() {
            match base.base() {
                Some(b) => base = b,
                None => break,
            }
        }
        let mut e = Error { base, held: Some((vm.api.id, seq)), text: Text::new() };
        e.text.set_name(ty.name());
        let mark = vm.roots_mark();
        match crate::runtime::to_str(vm, exc) {
            Ok(s) => {
                let _ = fmt::Write::write_str(&mut e.text, obj::str::as_str(s).unwrap_or(""));
            }
            Err(_) => {
                vm.take_pending();
                let _ = fmt::Write::write_str(&mut e.text, "<exception str() failed>");
            }
        }
        vm.pop_roots(mark);
        e
    }

    /// Raise this error in `vm` (a native function returned it to Python).
    pub(crate) fn raise_into(&self, vm: &mut Vm<'_>) -> Raised {
        if let Some(e) = self.exception_value(vm) {
            return vm.reraise(e);
        }
        if self.message().is_empty() {
            vm.raise_empty(self.base)
        } else {
            let text = self.text.clone();
            vm.raise_msg(self.base, text.message())
        }
    }

    /// Prefix the message (argument checking adds `f() argument 1 `).
    pub(crate) fn with_prefix(self, args: fmt::Arguments<'_>) -> Error {
        let mut text = Text::new();
        text.set_name(self.type_name());
        let _ = fmt::Write::write_fmt(&mut text, args);
        let _ = fmt::Write::write_str(&mut text, self.message());
        Error { text, ..self }
    }
}

impl ExcType {
    /// Used only if a call failed without an exception (a VM bug).
    const SYSTEM_ERROR_FALLBACK: ExcType = ExcType(&exc::SYSTEM_ERROR_TYPE);
}

impl fmt::Display for Error {
    /// The last line of CPython's traceback: `ValueError: message`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.message().is_empty() {
            f.write_str(self.type_name())
        } else {
            write!(f, "{}: {}", self.type_name(), self.message())
        }
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Error({self})")
    }
}

#[cfg(feature = "std")]
impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_is_small_and_cuts_long_text() {
        assert!(core::mem::size_of::<Error>() <= 128);
        use std::string::ToString;
        let long = "x".repeat(300);
        let e = Error::new(ExcType::VALUE_ERROR, &long);
        assert_eq!(e.type_name(), "ValueError");
        assert_eq!(e.message().len(), TEXT - "ValueError".len());
        assert!(e.message().ends_with("xx..."));
        let e = Error::new(ExcType::VALUE_ERROR, &"é".repeat(100));
        assert!(e.message().ends_with("é..."));
        assert_eq!(Error::new(ExcType::KEY_ERROR, "").to_string(), "KeyError");
    }
}
