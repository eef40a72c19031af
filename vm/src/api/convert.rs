//! Conversions between Rust values and Python objects: [`IntoPython`], [`FromPython`] and
//! the argument lists of calls ([`IntoArgs`]).
//!
//! | Rust | Python | from Python also accepts |
//! |---|---|---|
//! | `bool` | `bool` | — |
//! | `i8`..`i128`, `u8`..`u128`, `isize`, `usize` | `int` | `bool`; OverflowError when out of range |
//! | `f32`, `f64` | `float` | `int`, `bool` |
//! | `&str` / `&[u8]` | `str` / `bytes` | borrowed views (until the next call that may collect) |
//! | `String`, `Vec<T>`, `HashMap<K, V>` (`std`) | `str`, `list`, `dict` | `Vec`: a tuple too |
//! | `(A, B, ...)` up to 6 | `tuple` of that length | — |
//! | `Option<T>` | `None` or `T` | |
//! | `()` | `None` | |
//! | [`Obj`], `&Root` | the object itself | (into Python only) |

use super::{Error, ExcType, Obj, Root, Scope};
use crate::obj::{self, bytes, float, int, str as pystr, tuple};
use crate::value::Value;

/// A Rust value that becomes a Python object. May collect.
pub trait IntoPython<'s> {
    /// Convert (allocating on the Python heap if needed).
    fn into_python(self, s: &mut Scope<'s>) -> Result<Obj<'s>, Error>;
}

/// A Rust value read from a Python object, possibly borrowing it for `'b` (the borrow of
/// the scope, so it ends before the next call that may collect). Never runs Python code.
///
/// Not implemented for [`Obj`]: handles come from calls, not from inside containers, so
/// every handle is rooted.
pub trait FromPython<'b, 's>: Sized {
    /// Convert; a `TypeError`, `ValueError` or `OverflowError` (CPython's messages) if `o`
    /// does not fit.
    fn from_python(s: &'b Scope<'s>, o: Obj<'s>) -> Result<Self, Error>;
}

/// The positional arguments of a call: `()`, a tuple of [`IntoPython`] values (up to 8),
/// or a slice/array of handles.
pub trait IntoArgs<'s> {
    /// Convert the arguments and call `f(*self, **kwargs)`. May collect.
    fn call_with(self, s: &mut Scope<'s>, f: Obj<'s>, kwargs: &[(&str, Obj<'s>)]) -> Result<Obj<'s>, Error>;
}

/// `TypeError: must be str, not int` (the wording of CPython's argument parser).
fn wrong_type(what: &str, o: Obj<'_>) -> Error {
    Error::new_fmt(ExcType::TYPE_ERROR, format_args!("must be {what}, not {}", obj::type_name(o.v)))
}

// ----- Obj, Root, (), Option -----

impl<'s> IntoPython<'s> for Obj<'s> {
    fn into_python(self, _s: &mut Scope<'s>) -> Result<Obj<'s>, Error> {
        Ok(self)
    }
}

impl<'s> IntoPython<'s> for &Root {
    fn into_python(self, s: &mut Scope<'s>) -> Result<Obj<'s>, Error> {
        s.get(self)
    }
}

impl<'s> IntoPython<'s> for () {
    fn into_python(self, s: &mut Scope<'s>) -> Result<Obj<'s>, Error> {
        Ok(s.none())
    }
}

impl<'b, 's> FromPython<'b, 's> for () {
    fn from_python(_s: &'b Scope<'s>, o: Obj<'s>) -> Result<Self, Error> {
        if o.is_none() {
            Ok(())
        } else {
            Err(wrong_type("None", o))
        }
    }
}

impl<'s, T: IntoPython<'s>> IntoPython<'s> for Option<T> {
    fn into_python(self, s: &mut Scope<'s>) -> Result<Obj<'s>, Error> {
        match self {
            Some(x) => x.into_python(s),
            None => Ok(s.none()),
        }
    }
}

impl<'b, 's, T: FromPython<'b, 's>> FromPython<'b, 's> for Option<T> {
    fn from_python(s: &'b Scope<'s>, o: Obj<'s>) -> Result<Self, Error> {
        if o.is_none() {
            Ok(None)
        } else {
            T::from_python(s, o).map(Some)
        }
    }
}

// ----- bool -----

impl<'s> IntoPython<'s> for bool {
    fn into_python(self, _s: &mut Scope<'s>) -> Result<Obj<'s>, Error> {
        Ok(Obj::from_rooted(Value::bool(self)))
    }
}

impl<'b, 's> FromPython<'b, 's> for bool {
    fn from_python(_s: &'b Scope<'s>, o: Obj<'s>) -> Result<Self, Error> {
        match o.v {
            Value::TRUE => Ok(true),
            Value::FALSE => Ok(false),
            _ => Err(wrong_type("bool", o)),
        }
    }
}

// ----- integers -----

/// An int's sign and magnitude if it fits 128 bits (`None` magnitude: larger).
fn int_parts(o: Obj<'_>) -> Result<(bool, Option<u128>), Error> {
    if let Some(i) = int::small_value(o.v) {
        return Ok((i < 0, Some(i.unsigned_abs() as u128)));
    }
    if let Some((neg, digits)) = int::big_parts(o.v) {
        if digits.len() > 4 {
            return Ok((neg, None));
        }
        let mut m = 0u128;
        for (i, d) in digits.iter().enumerate() {
            m |= (*d as u128) << (32 * i);
        }
        return Ok((neg, Some(m)));
    }
    Err(Error::new_fmt(
        ExcType::TYPE_ERROR,
        format_args!("'{}' object cannot be interpreted as an integer", obj::type_name(o.v)),
    ))
}

/// CPython's message for an int beyond `C long` (64-bit here), which its parsers of the
/// narrower C types report before their own range check.
const BEYOND_LONG: &str = "Python int too large to convert to C long";

macro_rules! int_conversions {
    ($($t:ty: $too_large:expr, $too_small:expr, $wide:expr;)*) => {$(
        impl<'s> IntoPython<'s> for $t {
            fn into_python(self, s: &mut Scope<'s>) -> Result<Obj<'s>, Error> {
                #[allow(irrefutable_let_patterns)]
                if let Ok(i) = i64::try_from(self) {
                    if let Some(v) = Value::try_small_int(i) {
                        return Ok(Obj::from_rooted(v));
                    }
                }
                #[allow(irrefutable_let_patterns)]
                let r = if let Ok(i) = i128::try_from(self) {
                    int::from_i128(s.vm, i)
                } else {
                    // Only u128 values above i128::MAX get here.
                    let mut b = crate::vm::FixedBuf::new();
                    let _ = core::fmt::Write::write_fmt(&mut b, format_args!("{self}"));
                    int::parse(s.vm, b.as_str(), 10)
                };
                s.held(r)
            }
        }

        impl<'b, 's> FromPython<'b, 's> for $t {
            fn from_python(_s: &'b Scope<'s>, o: Obj<'s>) -> Result<Self, Error> {
                let (neg, mag) = int_parts(o)?;
                let overflow = |neg: bool| {
                    // Beyond the C type that CPython's parser converts to first (C long or
                    // unsigned long), that conversion's message.
                    let wide: Option<(&str, u32, bool)> = $wide;
                    let msg = match wide {
                        Some((w, bits, neg_too)) if (!neg || neg_too) && match mag {
                            Some(m) => if neg { m > 1 << bits } else { m >= 1 << bits },
                            None => true,
                        } => w,
                        _ if neg => $too_small,
                        _ => $too_large,
                    };
                    Error::new(ExcType::OVERFLOW_ERROR, msg)
                };
                let Some(mag) = mag else { return Err(overflow(neg)) };
                let r = if neg {
                    // -mag fits i128 unless mag > 2^127.
                    if mag > (i128::MAX as u128) + 1 { None } else { <$t>::try_from((mag as i128).wrapping_neg()).ok() }
                } else {
                    <$t>::try_from(mag).ok()
                };
                r.ok_or_else(|| overflow(neg))
            }
        }
    )*};
}

// Each type's messages are those of the CPython parser of the C type of its size (the
// `array` module's type codes b, B, h, H, i, I, l, L; `n` for isize, `PyLong_AsSize_t` for
// usize, `int.to_bytes` for the 128-bit types): too large, too small, and the message of the
// wider conversion those parsers make first, `(message, bits, also for negatives)`.
const VIA_LONG: Option<(&str, u32, bool)> = Some((BEYOND_LONG, 63, true));
int_conversions! {
    i8: "signed char is greater than maximum", "signed char is less than minimum", VIA_LONG;
    u8: "unsigned byte integer is greater than maximum", "unsigned byte integer is less than minimum", VIA_LONG;
    i16: "signed short integer is greater than maximum", "signed short integer is less than minimum", VIA_LONG;
    u16: "unsigned short is greater than maximum", "unsigned short is less than minimum", VIA_LONG;
    i32: "signed integer is greater than maximum", "signed integer is less than minimum", VIA_LONG;
    u32: "unsigned int is greater than maximum", "can't convert negative value to unsigned int",
        Some(("Python int too large to convert to C unsigned long", 64, false));
    i64: BEYOND_LONG, BEYOND_LONG, None;
    u64: "Python int too large to convert to C unsigned long", "can't convert negative value to unsigned int", None;
    isize: "Python int too large to convert to C ssize_t", "Python int too large to convert to C ssize_t", None;
    usize: "Python int too large to convert to C size_t", "can't convert negative value to size_t", None;
    i128: "int too big to convert", "int too big to convert", None;
    u128: "int too big to convert", "can't convert negative int to unsigned", None;
}

// ----- floats -----

impl<'s> IntoPython<'s> for f64 {
    fn into_python(self, s: &mut Scope<'s>) -> Result<Obj<'s>, Error> {
        let r = float::new(s.vm, self);
        s.held(r)
    }
}

impl<'s> IntoPython<'s> for f32 {
    fn into_python(self, s: &mut Scope<'s>) -> Result<Obj<'s>, Error> {
        (self as f64).into_python(s)
    }
}

impl<'b, 's> FromPython<'b, 's> for f64 {
    fn from_python(_s: &'b Scope<'s>, o: Obj<'s>) -> Result<Self, Error> {
        if let Some(f) = float::as_f64(o.v) {
            return Ok(f);
        }
        if let Some(i) = int::small_value(o.v) {
            return Ok(i as f64);
        }
        if let Some((neg, digits)) = int::big_parts(o.v) {
            return crate::num::bigint::to_f64(crate::num::bigint::IntRef::new(neg, digits))
                .map_err(|_| Error::new(ExcType::OVERFLOW_ERROR, "int too large to convert to float"));
        }
        Err(wrong_type("real number", o))
    }
}

impl<'b, 's> FromPython<'b, 's> for f32 {
    fn from_python(s: &'b Scope<'s>, o: Obj<'s>) -> Result<Self, Error> {
        f64::from_python(s, o).map(|f| f as f32)
    }
}

// ----- str and bytes -----

impl<'s> IntoPython<'s> for &str {
    fn into_python(self, s: &mut Scope<'s>) -> Result<Obj<'s>, Error> {
        let r = pystr::new(s.vm, self);
        s.held(r)
    }
}

impl<'b, 's> FromPython<'b, 's> for &'b str {
    fn from_python(_s: &'b Scope<'s>, o: Obj<'s>) -> Result<Self, Error> {
        // The text lives as long as the object, which the scope roots; `'b` ends before
        // anything that may collect (those calls need `&mut Scope`).
        pystr::as_str(o.v).ok_or_else(|| wrong_type("str", o))
    }
}

impl<'s> IntoPython<'s> for &[u8] {
    fn into_python(self, s: &mut Scope<'s>) -> Result<Obj<'s>, Error> {
        let r = bytes::new(s.vm, self);
        s.held(r)
    }
}

impl<'b, 's> FromPython<'b, 's> for &'b [u8] {
    fn from_python(_s: &'b Scope<'s>, o: Obj<'s>) -> Result<Self, Error> {
        // As for `&str`: bytes objects are immutable and rooted.
        bytes::as_bytes(o.v).ok_or_else(|| wrong_type("bytes", o))
    }
}

// ----- tuples -----

macro_rules! tuple_conversions {
    ($n:literal: $($t:ident $i:tt),*) => {
        impl<'s, $($t: IntoPython<'s>),*> IntoPython<'s> for ($($t,)*) {
            fn into_python(self, s: &mut Scope<'s>) -> Result<Obj<'s>, Error> {
                let items = [$(self.$i.into_python(s)?),*];
                s.tuple(&items)
            }
        }

        impl<'b, 's, $($t: FromPython<'b, 's>),*> FromPython<'b, 's> for ($($t,)*) {
            fn from_python(s: &'b Scope<'s>, o: Obj<'s>) -> Result<Self, Error> {
                let items = tuple::items(o.v).ok_or_else(|| wrong_type("tuple", o))?;
                if items.len() != $n {
                    return Err(Error::new_fmt(
                        ExcType::VALUE_ERROR,
                        format_args!("expected a tuple of length {}, got {}", $n, items.len()),
                    ));
                }
                // Items of a rooted tuple stay alive while `'b` lasts (a tuple is immutable).
                Ok(($($t::from_python(s, Obj::from_rooted(items[$i]))?,)*))
            }
        }

        impl<'s, $($t: IntoPython<'s>),*> IntoArgs<'s> for ($($t,)*) {
            fn call_with(self, s: &mut Scope<'s>, f: Obj<'s>, kwargs: &[(&str, Obj<'s>)]) -> Result<Obj<'s>, Error> {
                let items = [$(self.$i.into_python(s)?.v),*];
                s.call_values(f, &items, kwargs)
            }
        }
    };
}

tuple_conversions!(1: A 0);
tuple_conversions!(2: A 0, B 1);
tuple_conversions!(3: A 0, B 1, C 2);
tuple_conversions!(4: A 0, B 1, C 2, D 3);
tuple_conversions!(5: A 0, B 1, C 2, D 3, E 4);
tuple_conversions!(6: A 0, B 1, C 2, D 3, E 4, F 5);
tuple_conversions!(7: A 0, B 1, C 2, D 3, E 4, F 5, G 6);
tuple_conversions!(8: A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7);

impl<'s> IntoArgs<'s> for () {
    fn call_with(self, s: &mut Scope<'s>, f: Obj<'s>, kwargs: &[(&str, Obj<'s>)]) -> Result<Obj<'s>, Error> {
        s.call_values(f, &[], kwargs)
    }
}

impl<'s> IntoArgs<'s> for &[Obj<'s>] {
    fn call_with(self, s: &mut Scope<'s>, f: Obj<'s>, kwargs: &[(&str, Obj<'s>)]) -> Result<Obj<'s>, Error> {
        s.call_values(f, Obj::values(self), kwargs)
    }
}

impl<'s, const N: usize> IntoArgs<'s> for [Obj<'s>; N] {
    fn call_with(self, s: &mut Scope<'s>, f: Obj<'s>, kwargs: &[(&str, Obj<'s>)]) -> Result<Obj<'s>, Error> {
        s.call_values(f, Obj::values(&self), kwargs)
    }
}

// ----- std collections -----

#[cfg(feature = "std")]
mod std_impls {
    use super::*;
    use crate::obj::{dict, list};
    use std::collections::HashMap;
    use std::hash::Hash;
    use std::string::String;
    use std::vec::Vec;

    impl<'s> IntoPython<'s> for String {
        fn into_python(self, s: &mut Scope<'s>) -> Result<Obj<'s>, Error> {
            self.as_str().into_python(s)
        }
    }

    impl<'s> IntoPython<'s> for &String {
        fn into_python(self, s: &mut Scope<'s>) -> Result<Obj<'s>, Error> {
            self.as_str().into_python(s)
        }
    }

    impl<'b, 's> FromPython<'b, 's> for String {
        fn from_python(s: &'b Scope<'s>, o: Obj<'s>) -> Result<Self, Error> {
            <&str>::from_python(s, o).map(String::from)
        }
    }

    impl<'s, T: IntoPython<'s>> IntoPython<'s> for Vec<T> {
        fn into_python(self, s: &mut Scope<'s>) -> Result<Obj<'s>, Error> {
            let r = list::with_capacity(s.vm, self.len());
            let l = s.held(r)?;
            for x in self {
                // Each item's root is released once the list (rooted) holds it.
                let mark = s.vm.roots_mark();
                let x = x.into_python(s)?;
                let r = list::append(s.vm, l.v, x.v);
                s.vm.pop_roots(mark);
                s.check(r)?;
            }
            Ok(l)
        }
    }

    impl<'b, 's, T: FromPython<'b, 's>> FromPython<'b, 's> for Vec<T> {
        fn from_python(s: &'b Scope<'s>, o: Obj<'s>) -> Result<Self, Error> {
            // Items of a rooted list or tuple stay alive while `'b` lasts: changing the list
            // needs `&mut Scope`.
            let items: &[Value] = match (list::as_list(o.v), tuple::items(o.v)) {
                (Some(l), _) => l.as_slice(),
                (None, Some(t)) => t,
                _ => return Err(wrong_type("list or tuple", o)),
            };
            items.iter().map(|v| T::from_python(s, Obj::from_rooted(*v))).collect()
        }
    }

    impl<'s, K: IntoPython<'s>, V: IntoPython<'s>, S> IntoPython<'s> for HashMap<K, V, S> {
        fn into_python(self, s: &mut Scope<'s>) -> Result<Obj<'s>, Error> {
            let d = s.dict()?;
            for (k, v) in self {
                let mark = s.vm.roots_mark();
                let k = k.into_python(s)?;
                let v = v.into_python(s)?;
                let r = dict::set(s.vm, d.v, k.v, v.v);
                s.vm.pop_roots(mark);
                s.check(r)?;
            }
            Ok(d)
        }
    }

    impl<'b, 's, K, V> FromPython<'b, 's> for HashMap<K, V>
    where
        K: FromPython<'b, 's> + Eq + Hash,
        V: FromPython<'b, 's>,
    {
        fn from_python(s: &'b Scope<'s>, o: Obj<'s>) -> Result<Self, Error> {
            let d = dict::as_dict(o.v).ok_or_else(|| wrong_type("dict", o))?;
            let mut out = HashMap::with_capacity(d.len());
            for i in 0..d.used() {
                let Some((k, v)) = d.entry(i) else { break };
                if k.is_null() || v.is_null() {
                    continue;
                }
                out.insert(K::from_python(s, Obj::from_rooted(k))?, V::from_python(s, Obj::from_rooted(v))?);
            }
            Ok(out)
        }
    }
}
