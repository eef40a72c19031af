//! [`Obj`]: a handle to a Python object, valid for the scope that rooted it.

use core::fmt;
use core::marker::PhantomData;

use super::{Error, FromPython, IntoArgs, IntoPython, Scope};
use crate::obj;
use crate::value::Value;

/// A Python object, rooted until its scope `'s` ends (see [`Scope`]).
///
/// `Copy`, one word, `!Send` and `!Sync`. The brand `'s` is invariant: a handle cannot
/// outlive its scope or be passed to another one (nested scopes convert with
/// [`super::Lift`]).
#[derive(Clone, Copy)]
#[repr(transparent)]
pub struct Obj<'s> {
    pub(crate) v: Value,
    _brand: Brand<'s>,
}

/// Invariant in `'s` (the `fn` type), `!Send` and `!Sync` (the raw pointer).
type Brand<'s> = PhantomData<(fn(&'s ()) -> &'s (), *const ())>;

impl<'s> Obj<'s> {
    /// Brand `v`, which the caller keeps rooted for `'s` (or which needs no root: an
    /// immediate or a ROM object).
    pub(crate) fn from_rooted(v: Value) -> Obj<'s> {
        Obj { v, _brand: PhantomData }
    }

    /// The values of `xs` (same layout: `repr(transparent)`).
    pub(crate) fn values<'x>(xs: &'x [Obj<'s>]) -> &'x [Value] {
        // SAFETY: `Obj` is `repr(transparent)` over `Value` (the other field is a ZST).
        unsafe { core::slice::from_raw_parts(xs.as_ptr() as *const Value, xs.len()) }
    }

    /// Handles over values the caller keeps rooted for `'s`.
    pub(crate) fn from_values(xs: &[Value]) -> &[Obj<'s>] {
        // SAFETY: as in `values`.
        unsafe { core::slice::from_raw_parts(xs.as_ptr() as *const Obj<'s>, xs.len()) }
    }

    /// Is this `None`?
    pub fn is_none(self) -> bool {
        self.v == Value::NONE
    }

    /// Are `self` and `other` the same object (Python's `is`)?
    pub fn is(self, other: Obj<'s>) -> bool {
        self.v == other.v
    }

    /// `type(self).__name__`.
    pub fn type_name<'b>(self, _s: &'b Scope<'s>) -> &'b str {
        obj::type_name(self.v)
    }

    /// `isinstance(self, cls)` for a class `cls` (no `__instancecheck__`).
    pub fn is_instance(self, _s: &Scope<'s>, cls: Obj<'s>) -> bool {
        obj::as_type(cls.v).is_some_and(|t| obj::is_instance(self.v, t))
    }

    /// Convert to a Rust value (see [`FromPython`]). The result may borrow `s`.
    pub fn extract<'b, T: FromPython<'b, 's>>(self, s: &'b Scope<'s>) -> Result<T, Error> {
        T::from_python(s, self)
    }

    /// The text of a str, borrowed until the next call that may collect.
    pub fn as_str<'b>(self, s: &'b Scope<'s>) -> Result<&'b str, Error> {
        self.extract(s)
    }

    /// The data of a bytes object, borrowed until the next call that may collect.
    pub fn as_bytes<'b>(self, s: &'b Scope<'s>) -> Result<&'b [u8], Error> {
        self.extract(s)
    }

    /// `self.name`. May collect.
    pub fn getattr(self, s: &mut Scope<'s>, name: &str) -> Result<Obj<'s>, Error> {
        let n = s.name(name)?;
        let r = crate::runtime::get_attr(s.vm, self.v, n.v);
        s.held(r)
    }

    /// `self.name = value`. May collect.
    pub fn setattr(self, s: &mut Scope<'s>, name: &str, value: impl IntoPython<'s>) -> Result<(), Error> {
        let value = s.new(value)?;
        let n = s.name(name)?;
        let r = crate::runtime::set_attr(s.vm, self.v, n.v, value.v);
        s.check(r)
    }

    /// `self[key]`. May collect.
    pub fn get_item(self, s: &mut Scope<'s>, key: impl IntoPython<'s>) -> Result<Obj<'s>, Error> {
        let k = s.new(key)?;
        let r = crate::runtime::get_item(s.vm, self.v, k.v);
        s.held(r)
    }

    /// `self[key] = value`. May collect.
    pub fn set_item(
        self,
        s: &mut Scope<'s>,
        key: impl IntoPython<'s>,
        value: impl IntoPython<'s>,
    ) -> Result<(), Error> {
        let k = s.new(key)?;
        let v = s.new(value)?;
        let r = crate::runtime::set_item(s.vm, self.v, k.v, v.v);
        s.check(r)
    }

    /// `len(self)`. May collect.
    pub fn len(self, s: &mut Scope<'s>) -> Result<usize, Error> {
        let r = crate::runtime::len(s.vm, self.v);
        s.check(r)
    }

    /// `str(self)`, as a Python str. May collect.
    pub fn str(self, s: &mut Scope<'s>) -> Result<Obj<'s>, Error> {
        let r = crate::runtime::to_str(s.vm, self.v);
        s.held(r)
    }

    /// `repr(self)`, as a Python str. May collect.
    pub fn repr(self, s: &mut Scope<'s>) -> Result<Obj<'s>, Error> {
        let r = crate::runtime::repr(s.vm, self.v);
        s.held(r)
    }

    /// `bool(self)`. May collect.
    pub fn is_true(self, s: &mut Scope<'s>) -> Result<bool, Error> {
        let r = crate::runtime::truthy(s.vm, self.v);
        s.check(r)
    }

    /// `self == other`. May collect.
    pub fn eq(self, s: &mut Scope<'s>, other: impl IntoPython<'s>) -> Result<bool, Error> {
        let o = s.new(other)?;
        let r = crate::runtime::eq(s.vm, self.v, o.v);
        s.check(r)
    }

    /// `self(*args)`: `args` is a tuple of convertible values (`(1, "x", 2.5)`), `()` or a
    /// slice of handles. May collect.
    pub fn call(self, s: &mut Scope<'s>, args: impl IntoArgs<'s>) -> Result<Obj<'s>, Error> {
        self.call_kw(s, args, &[])
    }

    /// `self(*args, **kwargs)`. May collect.
    pub fn call_kw(
        self,
        s: &mut Scope<'s>,
        args: impl IntoArgs<'s>,
        kwargs: &[(&str, Obj<'s>)],
    ) -> Result<Obj<'s>, Error> {
        args.call_with(s, self, kwargs)
    }

    /// `self.name(*args)`. May collect.
    pub fn call_method(self, s: &mut Scope<'s>, name: &str, args: impl IntoArgs<'s>) -> Result<Obj<'s>, Error> {
        let m = self.getattr(s, name)?;
        m.call(s, args)
    }
}

impl fmt::Debug for Obj<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Obj({})", obj::type_name(self.v))
    }
}

impl<'s> Scope<'s> {
    /// A str for an identifier: the frozen qstr with that text when an image has one (so
    /// attribute names stay qstrs, which instances' shared key tables need), else a new str.
    /// May collect.
    pub(crate) fn name(&mut self, text: &str) -> Result<Obj<'s>, Error> {
        match super::frozen_name(self.vm, text) {
            Some(n) => Ok(Obj::from_rooted(n)),
            None => self.new(text),
        }
    }

    /// Call `f(*pos, **kwargs)`: the values are rooted handles. May collect.
    pub(crate) fn call_values(
        &mut self,
        f: Obj<'s>,
        pos: &[Value],
        kwargs: &[(&str, Obj<'s>)],
    ) -> Result<Obj<'s>, Error> {
        const MAX_KW: usize = 16;
        if kwargs.len() > MAX_KW {
            return Err(Error::type_error("too many keyword arguments (at most 16 from Rust)"));
        }
        let mut names = [Value::NULL; MAX_KW];
        let mut vals = [Value::NULL; MAX_KW];
        for (i, (k, v)) in kwargs.iter().enumerate() {
            names[i] = self.name(k)?.v;
            vals[i] = v.v;
        }
        let n = kwargs.len();
        let args = obj::Args { pos, kwnames: &names[..n], kwvals: &vals[..n] };
        let r = crate::call::call_args(self.vm, f.v, &args);
        self.held(r)
    }
}
