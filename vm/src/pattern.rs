//! Structural pattern matching (`match`): the run-time halves of the pattern opcodes.
//!
//! The compiler turns each pattern into ordinary tests and jumps (CPython 3.11's scheme);
//! only four questions need the VM: is the subject a sequence (`MatchSequence`), a mapping
//! (`MatchMapping`), what are its values for these keys (`MatchKeys`), and what are the
//! attributes a class pattern names (`MatchClass`). Their semantics follow CPython's
//! `MATCH_*` opcodes, messages included.

use crate::obj::{self, exception as exc, Type};
use crate::runtime;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Types whose instances match a class pattern's single positional sub-pattern as a whole
/// (`case int(x)` binds the subject), as CPython's `_Py_TPFLAGS_MATCH_SELF`; subclasses
/// inherit it unless they define `__match_args__`.
static MATCH_SELF: &[&Type] = &[
    &obj::bool::BOOL_TYPE,
    &obj::bytes::BYTES_TYPE,
    &obj::dict::DICT_TYPE,
    &obj::float::FLOAT_TYPE,
    &obj::set::FROZENSET_TYPE,
    &obj::int::INT_TYPE,
    &obj::list::LIST_TYPE,
    &obj::set::SET_TYPE,
    &obj::str::STR_TYPE,
    &obj::tuple::TUPLE_TYPE,
];

/// Types that sequence patterns match (CPython's `Py_TPFLAGS_SEQUENCE`), with their
/// subclasses. `str`, `bytes` and `bytearray` are deliberately not sequences here.
static SEQUENCES: &[&Type] = &[&obj::list::LIST_TYPE, &obj::tuple::TUPLE_TYPE, &obj::range::RANGE_TYPE];

/// Types that mapping patterns match (CPython's `Py_TPFLAGS_MAPPING`), with subclasses.
static MAPPINGS: &[&Type] = &[&obj::dict::DICT_TYPE];

fn is_any(v: Value, types: &[&Type]) -> bool {
    let t = obj::type_of(v);
    types.iter().any(|k| t.is_subtype(k))
}

/// Does a sequence pattern apply to `v`?
pub fn is_sequence(v: Value) -> bool {
    is_any(v, SEQUENCES)
}

/// Does a mapping pattern apply to `v`?
pub fn is_mapping(v: Value) -> bool {
    is_any(v, MAPPINGS)
}

/// `MatchKeys`: the values of `subject` (a mapping) for `keys` (a tuple), as a tuple, or
/// `None` if a key is missing. Lookups use `subject.get(key, sentinel)`, so `__missing__`
/// is never called; a key given twice is a `ValueError`. May collect.
pub fn match_keys(vm: &mut Vm<'_>, subject: Value, keys: Value) -> PyResult<Value> {
    let keys = obj::tuple::items(keys).unwrap_or(&[]);
    if keys.is_empty() {
        return Ok(obj::tuple::empty());
    }
    let mark = vm.roots_mark();
    let seen = obj::set::new(vm, false)?;
    vm.push_root(seen)?;
    let values = obj::list::with_capacity(vm, keys.len())?;
    vm.push_root(values)?;
    let exact_dict = core::ptr::eq(obj::type_of(subject), &obj::dict::DICT_TYPE);
    let sentinel = if exact_dict { Value::NULL } else { obj::list::with_capacity(vm, 0)? };
    vm.push_root(sentinel)?;
    for &k in keys {
        if obj::set::contains_key(vm, seen, k)? {
            let r = runtime::repr(vm, k)?;
            let r = obj::str::as_str(r).unwrap_or("?");
            return Err(vm.value_error(format_args!("mapping pattern checks duplicate key ({r})")));
        }
        obj::set::add(vm, seen, k)?;
        let v = if exact_dict {
            obj::dict::get(vm, subject, k)?
        } else {
            match runtime::call_method_by_name(vm, subject, "get", &[k, sentinel])? {
                Some(v) if v == sentinel => None,
                Some(v) => Some(v),
                None => {
                    let get = obj::str::new(vm, "get")?;
                    return Err(runtime::attr_error(vm, subject, get));
                }
            }
        };
        let Some(v) = v else {
            vm.pop_roots(mark);
            return Ok(Value::NONE);
        };
        obj::list::append(vm, values, v)?;
    }
    let t = obj::list::to_tuple(vm, values)?;
    vm.pop_roots(mark);
    Ok(t)
}

/// `MatchClass`: if `subject` is an instance of `cls`, the tuple of its attributes named by
/// the `nargs` positional sub-patterns (through `cls.__match_args__`) and then by the
/// keyword names `kwnames` (a tuple of str); `None` if it is not an instance or lacks one
/// of them. Errors as CPython: `cls` not a type, a bad `__match_args__`, too many
/// positional sub-patterns, an attribute named twice. May collect.
pub fn match_class(vm: &mut Vm<'_>, subject: Value, cls: Value, nargs: usize, kwnames: Value) -> PyResult<Value> {
    let Some(ty) = obj::as_type(cls) else {
        return Err(vm.type_error(format_args!("called match pattern must be a type")));
    };
    if !obj::class::is_subclass(obj::type_of(subject), ty) {
        return Ok(Value::NONE);
    }
    let mark = vm.roots_mark();
    let attrs = obj::list::with_capacity(vm, nargs)?;
    vm.push_root(attrs)?;
    // Names already matched, for the "multiple sub-patterns" check.
    let names = obj::list::with_capacity(vm, nargs)?;
    vm.push_root(names)?;
    if nargs > 0 {
        let match_args = get_attr_or_absent(vm, cls, "__match_args__")?;
        let (items, match_self): (&[Value], bool) = match match_args {
            Some(m) => {
                vm.push_root(m)?;
                let exact_tuple = core::ptr::eq(obj::type_of(m), &obj::tuple::TUPLE_TYPE);
                match obj::tuple::items(m) {
                    Some(items) if exact_tuple => (items, false),
                    _ => {
                        return Err(vm.type_error(format_args!(
                            "{}.__match_args__ must be a tuple (got {})",
                            ty.name(),
                            obj::type_name(m)
                        )))
                    }
                }
            }
            None => (&[], MATCH_SELF.iter().any(|k| ty.is_subtype(k))),
        };
        let allowed = if match_self { 1 } else { items.len() };
        if allowed < nargs {
            let plural = if allowed == 1 { "" } else { "s" };
            return Err(vm.type_error(format_args!(
                "{}() accepts {allowed} positional sub-pattern{plural} ({nargs} given)",
                ty.name()
            )));
        }
        if match_self {
            obj::list::append(vm, attrs, subject)?;
        } else {
            for &name in &items[..nargs] {
                if !core::ptr::eq(obj::type_of(name), &obj::str::STR_TYPE) {
                    return Err(vm.type_error(format_args!(
                        "__match_args__ elements must be strings (got {})",
                        obj::type_name(name)
                    )));
                }
                let Some(v) = class_attr(vm, subject, ty, name, names)? else {
                    vm.pop_roots(mark);
                    return Ok(Value::NONE);
                };
                obj::list::append(vm, attrs, v)?;
            }
        }
    }
    for &name in obj::tuple::items(kwnames).unwrap_or(&[]) {
        let Some(v) = class_attr(vm, subject, ty, name, names)? else {
            vm.pop_roots(mark);
            return Ok(Value::NONE);
        };
        obj::list::append(vm, attrs, v)?;
    }
    let t = obj::list::to_tuple(vm, attrs)?;
    vm.pop_roots(mark);
    Ok(t)
}

/// `o.name` for a Rust name, `None` when it raises `AttributeError` (other errors pass).
fn get_attr_or_absent(vm: &mut Vm<'_>, o: Value, name: &str) -> PyResult<Option<Value>> {
    let n = obj::str::new(vm, name)?;
    vm.push_root(n)?;
    attr_or_absent(vm, o, n)
}

fn attr_or_absent(vm: &mut Vm<'_>, o: Value, name: Value) -> PyResult<Option<Value>> {
    match runtime::get_attr_opt(vm, o, name) {
        Ok(v) => Ok(v),
        Err(e) => {
            if vm.pending_is(&exc::ATTRIBUTE_ERROR_TYPE) {
                vm.take_pending();
                Ok(None)
            } else {
                Err(e)
            }
        }
    }
}

/// One attribute of a class pattern: an error if `name` was already matched (recorded in
/// the list `seen`), `None` if the subject lacks it.
fn class_attr(vm: &mut Vm<'_>, subject: Value, ty: &Type, name: Value, seen: Value) -> PyResult<Option<Value>> {
    let done = obj::list::as_list(seen).map(|l| l.as_slice()).unwrap_or(&[]);
    if done.iter().any(|&d| d == name || obj::str::eq(d, name)) {
        let n = obj::str::as_str(name).unwrap_or("?");
        return Err(vm.type_error(format_args!("{}() got multiple sub-patterns for attribute '{n}'", ty.name())));
    }
    obj::list::append(vm, seen, name)?;
    attr_or_absent(vm, subject, name)
}
