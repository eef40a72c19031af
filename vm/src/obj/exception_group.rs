//! `BaseExceptionGroup` and `ExceptionGroup` (PEP 654), and the semantics of `except*`
//! (CHECK_EG_MATCH and PREP_RERAISE_STAR).
//!
//! A group is an ordinary exception object (`ExcObj`, see exception.rs) whose `args` are
//! `(message, exceptions)` as given to the constructor; `exceptions` reads them as a tuple.
//! CPython's `ExceptionGroup` has two bases (`BaseExceptionGroup`, `Exception`); built-in
//! types here have one, so its `base` is `BaseExceptionGroup` and `class::mro_find` walks
//! [`EXCEPTION_GROUP_MRO`] for it, which gives CPython's MRO
//! `(ExceptionGroup, BaseExceptionGroup, Exception, BaseException, object)`.
//!
//! `except*` (compiled as CPython 3.11 does): the handler keeps `orig` (the exception
//! caught) and a list of what the clauses raised. Each clause splits the rest with
//! CHECK_EG_MATCH and runs on the matching part; what its body raises is appended to the
//! list; the last unmatched rest is appended too. PREP_RERAISE_STAR then merges the list:
//! parts re-raised unchanged (same traceback, cause, context and notes as `orig`) are put
//! back into `orig`'s shape, new exceptions are grouped beside them.

use super::{exception as exc, flags, Args, Builtin, Kind, Slots, Type};
use crate::obj::{self, str::StrBuf};
use crate::runtime;
use crate::value::Value;
use crate::vm::{PyResult, Recursion, Vm};

crate::static_qstr!(Q_BASE_EXCEPTION_GROUP, "BaseExceptionGroup");
crate::static_qstr!(Q_EXCEPTION_GROUP, "ExceptionGroup");
crate::static_qstr!(Q_SPLIT, "split");
crate::static_qstr!(Q_SUBGROUP, "subgroup");
crate::static_qstr!(Q_DERIVE, "derive");
crate::static_qstr!(Q_EMPTY, "");

/// Is `v` an exception group (an instance of `BaseExceptionGroup`)?
pub fn is_group(v: Value) -> bool {
    v.is_obj() && obj::class::is_subclass(obj::type_of(v), &BASE_EXCEPTION_GROUP_TYPE)
}

/// The group's message (`args[0]`).
fn message(e: Value) -> Value {
    obj::tuple::items(exc::args(e)).and_then(|a| a.first().copied()).unwrap_or(Value::NULL)
}

/// The group's exceptions as a tuple (`args[1]`, converted if it was given as another
/// sequence). May collect.
pub fn exceptions(vm: &mut Vm<'_>, e: Value) -> PyResult<Value> {
    let seq = obj::tuple::items(exc::args(e)).and_then(|a| a.get(1).copied()).unwrap_or(Value::NULL);
    if seq.is_null() {
        return Ok(obj::tuple::empty());
    }
    if obj::tuple::items(seq).is_some() {
        return Ok(seq);
    }
    let m = vm.roots_mark();
    vm.push_root(seq)?;
    let r = to_tuple(vm, seq);
    vm.pop_roots(m);
    r
}

/// `tuple(seq)` (`seq` rooted by the caller). May collect.
fn to_tuple(vm: &mut Vm<'_>, seq: Value) -> PyResult<Value> {
    if obj::tuple::items(seq).is_some() {
        return Ok(seq);
    }
    let l = obj::list::from_iter(vm, seq)?;
    let m = vm.roots_mark();
    vm.push_root(l)?;
    let t = obj::tuple::new(vm, obj::list::as_list(l).map(|l| l.as_slice()).unwrap_or(&[]));
    vm.pop_roots(m);
    t
}

/// `callable(v)`.
fn is_callable(v: Value) -> bool {
    let t = obj::type_of(v);
    if t.is_heap() {
        obj::class::lookup(t, Value::qstr(&crate::qstr::__call__)).is_some()
    } else {
        t.slots.call.is_some() || matches!(t.kind, Kind::Function | Kind::BoundMethod | Kind::Builtin)
    }
}

/// Is `v` a sequence for the constructor (CPython's `PySequence_Check`: indexable and not a
/// dict)?
fn is_sequence(v: Value) -> bool {
    if obj::tuple::items(v).is_some() || obj::list::as_list(v).is_some() {
        return true;
    }
    if !v.is_obj() {
        return obj::str::is_str(v);
    }
    let t = obj::type_of(v);
    if matches!(t.kind, Kind::Dict | Kind::Set) {
        return false;
    }
    obj::class::mro_find(t, |x| {
        if x.is_heap() {
            obj::dict::get_str(x.dict, Value::qstr(&crate::qstr::__getitem__)).map(|_| ())
        } else {
            x.slots.getitem.map(|_| ())
        }
    })
    .is_some()
}

/// `BaseExceptionGroup.__new__(cls, message, exceptions)`: checks the arguments as CPython
/// does and picks `ExceptionGroup` for a `BaseExceptionGroup` of `Exception`s only.
fn group_new(vm: &mut Vm<'_>, cls: Value, args: &Args<'_>) -> PyResult<Value> {
    let mut ty: &'static Type = obj::as_type(cls).unwrap_or(&BASE_EXCEPTION_GROUP_TYPE);
    if !args.kwnames.is_empty() {
        return Err(vm.type_error(format_args!("{}() takes no keyword arguments", ty.name())));
    }
    if args.pos.len() != 2 {
        return Err(vm.type_error(format_args!(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
            args.pos.len()
        )));
    }
    let (msg, seq) = (args.pos[0], args.pos[1]);
    if !obj::str::is_str(msg) {
        return Err(vm.type_error(format_args!(
            "BaseExceptionGroup.__new__() argument 1 must be str, not {}",
            obj::type_name(msg)
        )));
    }
    if !is_sequence(seq) {
        return Err(vm.type_error(format_args!("second argument (exceptions) must be a sequence")));
    }
    let m = vm.roots_mark();
    let r = (|| {
        let items = to_tuple(vm, seq)?;
        vm.push_root(items)?;
        let list = obj::tuple::items(items).unwrap_or(&[]);
        if list.is_empty() {
            return Err(
                vm.raise_msg(&exc::VALUE_ERROR_TYPE, "second argument (exceptions) must be a non-empty sequence")
            );
        }
        let mut nested_base = false;
        for (i, e) in list.iter().enumerate() {
            if !obj::is_instance(*e, &exc::BASE_EXCEPTION_TYPE) {
                return Err(vm.raise_fmt(
                    &exc::VALUE_ERROR_TYPE,
                    format_args!("Item {i} of second argument (exceptions) is not an exception"),
                ));
            }
            nested_base |= !obj::is_instance(*e, &exc::EXCEPTION_TYPE);
        }
        if core::ptr::eq(ty, &EXCEPTION_GROUP_TYPE) {
            if nested_base {
                return Err(vm.type_error(format_args!("Cannot nest BaseExceptions in an ExceptionGroup")));
            }
        } else if core::ptr::eq(ty, &BASE_EXCEPTION_GROUP_TYPE) {
            if !nested_base {
                ty = &EXCEPTION_GROUP_TYPE;
            }
        } else if nested_base && obj::class::is_subclass(ty, &exc::EXCEPTION_TYPE) {
            return Err(vm.type_error(format_args!("Cannot nest BaseExceptions in '{}'", ty.name())));
        }
        exc::new(vm, ty, &[msg, seq])
    })();
    vm.pop_roots(m);
    r
}

/// A new group `BaseExceptionGroup(msg, excs)` (the type follows the members). May collect.
pub fn create(vm: &mut Vm<'_>, msg: Value, excs: Value) -> PyResult<Value> {
    group_new(vm, BASE_EXCEPTION_GROUP_TYPE.as_value(), &Args::new(&[msg, excs]))
}

/// `str(eg)`: `message (n sub-exception[s])`.
fn group_str(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf) -> PyResult<()> {
    let msg = message(v);
    if !msg.is_null() {
        runtime::str_into(vm, msg, sb)?;
    }
    let excs = exceptions(vm, v)?;
    let n = obj::tuple::items(excs).map_or(0, |a| a.len());
    sb.push_fmt(vm, format_args!(" ({n} sub-exception{})", if n == 1 { "" } else { "s" }))
}

fn group_getattr(vm: &mut Vm<'_>, v: Value, name: Value) -> PyResult<Value> {
    match obj::str::as_str(name) {
        Some("message") => Ok(if message(v).is_null() { Value::NONE } else { message(v) }),
        Some("exceptions") => exceptions(vm, v),
        _ => exc::getattr(vm, v, name),
    }
}

fn group_setattr(vm: &mut Vm<'_>, v: Value, name: Value, val: Value) -> PyResult<bool> {
    if matches!(obj::str::as_str(name), Some("message" | "exceptions")) {
        return Err(vm.raise_fmt(&exc::ATTRIBUTE_ERROR_TYPE, format_args!("readonly attribute")));
    }
    exc::setattr(vm, v, name, val)
}

/// How a split decides whether an exception matches.
#[derive(Clone, Copy)]
enum Matcher<'m> {
    /// An exception type or a tuple of them (`isinstance`).
    Type(Value),
    /// A callable returning a truth value.
    Predicate(Value),
    /// One of these leaf exceptions (identity).
    Leaves(&'m [Value]),
}

fn matcher(vm: &mut Vm<'_>, cond: Value) -> PyResult<Matcher<'static>> {
    let single = [cond];
    let items: &[Value] = obj::tuple::items(cond).unwrap_or(&single);
    let all_exc_types = !items.is_empty()
        && items
            .iter()
            .all(|t| obj::as_type(*t).is_some_and(|t| obj::class::is_subclass(t, &exc::BASE_EXCEPTION_TYPE)));
    if all_exc_types {
        return Ok(Matcher::Type(cond));
    }
    if obj::tuple::items(cond).is_none() && is_callable(cond) {
        return Ok(Matcher::Predicate(cond));
    }
    Err(vm.type_error(format_args!("expected a function, exception type or tuple of exception types")))
}

fn matches(vm: &mut Vm<'_>, m: Matcher<'_>, e: Value) -> PyResult<bool> {
    match m {
        Matcher::Type(t) => crate::builtins::exc_matches(vm, e, t),
        Matcher::Predicate(f) => {
            let r = crate::call::call(vm, f, &[e])?;
            runtime::truthy(vm, r)
        }
        Matcher::Leaves(l) => Ok(!is_group(e) && l.contains(&e)),
    }
}

/// `eg.derive(excs)` with `eg`'s traceback, cause, context and notes copied over (the part
/// of a split). `eg` and `excs` are rooted by the caller. May collect.
fn derive_and_copy(vm: &mut Vm<'_>, eg: Value, excs: Value) -> PyResult<Value> {
    let f = runtime::get_attr(vm, eg, Value::qstr(&Q_DERIVE))?;
    let m = vm.roots_mark();
    vm.push_root(f)?;
    let r = crate::call::call(vm, f, &[excs]);
    vm.pop_roots(m);
    let part = r?;
    if !is_group(part) {
        return Err(vm.type_error(format_args!("derive must return an instance of BaseExceptionGroup")));
    }
    vm.push_root(part)?;
    if let (Some(src), true) = (exc::as_exc(eg), vm.is_heap(part)) {
        if let Some(dst) = exc::as_exc(part) {
            dst.traceback.set(src.traceback.get());
            dst.context.set(src.context.get());
            dst.cause.set(src.cause.get());
            dst.suppress.set(1);
        }
    }
    let notes = exc::stored_notes(eg);
    if !notes.is_null() && is_sequence(notes) {
        let copy = obj::list::from_iter(vm, notes)?;
        vm.push_root(copy)?;
        runtime::set_attr(vm, part, Value::qstr(&exc::Q_NOTES), copy)?;
    }
    Ok(part)
}

/// Split `e` by `m` into (match, rest), NULL for an empty part; the rest only when
/// `want_rest`. May collect.
fn split_rec(vm: &mut Vm<'_>, e: Value, m: Matcher<'_>, want_rest: bool) -> PyResult<(Value, Value)> {
    if matches(vm, m, e)? {
        return Ok((e, Value::NULL));
    }
    if !is_group(e) {
        return Ok((Value::NULL, e));
    }
    vm.stack_guard(Recursion::Plain)?;
    let mark = vm.roots_mark();
    let r = (|| {
        vm.push_root(e)?;
        let excs = exceptions(vm, e)?;
        vm.push_root(excs)?;
        let matched = obj::list::with_capacity(vm, 0)?;
        vm.push_root(matched)?;
        let rest = obj::list::with_capacity(vm, 0)?;
        vm.push_root(rest)?;
        let n = obj::tuple::items(excs).map_or(0, |a| a.len());
        for i in 0..n {
            let x = obj::tuple::items(excs).and_then(|a| a.get(i).copied()).unwrap_or(Value::NONE);
            let (mx, rx) = split_rec(vm, x, m, want_rest)?;
            vm.push_root(rx)?;
            if !mx.is_null() {
                obj::list::append(vm, matched, mx)?;
            }
            if !rx.is_null() {
                obj::list::append(vm, rest, rx)?;
            }
        }
        let mv = if obj::list::as_list(matched).is_some_and(|l| !l.is_empty()) {
            derive_and_copy(vm, e, matched)?
        } else {
            Value::NULL
        };
        vm.push_root(mv)?;
        let rv = if want_rest && obj::list::as_list(rest).is_some_and(|l| !l.is_empty()) {
            derive_and_copy(vm, e, rest)?
        } else {
            Value::NULL
        };
        Ok((mv, rv))
    })();
    vm.pop_roots(mark);
    r
}

fn opt(v: Value) -> Value {
    if v.is_null() {
        Value::NONE
    } else {
        v
    }
}

/// `eg.split(condition)`: `(match, rest)`, each a group or None.
fn split(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    runtime::check_nargs(vm, "split", args, 2, 2)?;
    let m = matcher(vm, args.get(1))?;
    let (a, b) = split_rec(vm, args.get(0), m, true)?;
    let mark = vm.roots_mark();
    vm.push_root(a)?;
    vm.push_root(b)?;
    let t = obj::tuple::new(vm, &[opt(a), opt(b)]);
    vm.pop_roots(mark);
    t
}

/// `eg.subgroup(condition)`: the matching part or None.
fn subgroup(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    runtime::check_nargs(vm, "subgroup", args, 2, 2)?;
    let m = matcher(vm, args.get(1))?;
    split_rec(vm, args.get(0), m, false).map(|(a, _)| opt(a))
}

/// `eg.derive(excs)`: `BaseExceptionGroup(eg.message, excs)`.
fn derive(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    runtime::check_nargs(vm, "derive", args, 2, 2)?;
    let msg = message(args.get(0));
    create(vm, if msg.is_null() { Value::qstr(&Q_EMPTY) } else { msg }, args.get(1))
}

static METHODS: &[Builtin] =
    &[Builtin::method(&Q_SPLIT, split), Builtin::method(&Q_SUBGROUP, subgroup), Builtin::method(&Q_DERIVE, derive)];

static SLOTS: Slots = Slots {
    str: Some(group_str),
    getattr: Some(group_getattr),
    setattr: Some(group_setattr),
    new: Some(group_new),
    ..exc::SLOTS
};

/// `BaseExceptionGroup`.
pub static BASE_EXCEPTION_GROUP_TYPE: Type = Type::builtin(
    &Q_BASE_EXCEPTION_GROUP,
    Some(&exc::BASE_EXCEPTION_TYPE),
    Kind::Exception,
    flags::BASETYPE,
    &SLOTS,
    METHODS,
);

/// `ExceptionGroup` (its MRO is [`EXCEPTION_GROUP_MRO`]).
pub static EXCEPTION_GROUP_TYPE: Type =
    Type::builtin(&Q_EXCEPTION_GROUP, Some(&BASE_EXCEPTION_GROUP_TYPE), Kind::Exception, flags::BASETYPE, &SLOTS, &[]);

/// `ExceptionGroup`'s MRO, itself included.
pub static EXCEPTION_GROUP_MRO: [&Type; 5] = [
    &EXCEPTION_GROUP_TYPE,
    &BASE_EXCEPTION_GROUP_TYPE,
    &exc::EXCEPTION_TYPE,
    &exc::BASE_EXCEPTION_TYPE,
    &obj::class::OBJECT_TYPE,
];

// ----- except* -----

/// Check the type of an `except*` clause: exception classes, and no group class.
fn check_star_type(vm: &mut Vm<'_>, t: Value) -> PyResult<()> {
    let single = [t];
    let items: &[Value] = obj::tuple::items(t).unwrap_or(&single);
    for x in items {
        match obj::as_type(*x) {
            Some(ty) if obj::class::is_subclass(ty, &exc::BASE_EXCEPTION_TYPE) => {
                if obj::class::is_subclass(ty, &BASE_EXCEPTION_GROUP_TYPE) {
                    return Err(vm.type_error(format_args!(
                        "catching ExceptionGroup with except* is not allowed. Use except instead."
                    )));
                }
            }
            _ => {
                return Err(vm.type_error(format_args!(
                    "catching classes that do not inherit from BaseException is not allowed"
                )))
            }
        }
    }
    Ok(())
}

/// CHECK_EG_MATCH: `(rest, match)` of exception `e` against clause type `t`; match is None
/// when nothing matched, rest None when everything did. May collect.
pub fn check_eg_match(vm: &mut Vm<'_>, e: Value, t: Value) -> PyResult<(Value, Value)> {
    check_star_type(vm, t)?;
    if crate::builtins::exc_matches(vm, e, t)? {
        if is_group(e) {
            return Ok((Value::NONE, e));
        }
        // A naked exception: the clause sees it wrapped in a group with its traceback.
        let mark = vm.roots_mark();
        let r = (|| {
            let excs = obj::tuple::new(vm, &[e])?;
            vm.push_root(excs)?;
            let g = create(vm, Value::qstr(&Q_EMPTY), excs)?;
            if let (Some(src), Some(dst)) = (exc::as_exc(e), exc::as_exc(g)) {
                dst.traceback.set(src.traceback.get());
            }
            Ok((Value::NONE, g))
        })();
        vm.pop_roots(mark);
        return r;
    }
    if !is_group(e) {
        return Ok((e, Value::NONE));
    }
    let f = runtime::get_attr(vm, e, Value::qstr(&Q_SPLIT))?;
    let mark = vm.roots_mark();
    vm.push_root(f)?;
    let pair = crate::call::call(vm, f, &[t]);
    vm.pop_roots(mark);
    let pair = pair?;
    match obj::tuple::items(pair) {
        Some([m, r]) => Ok((*r, *m)),
        _ => Err(vm.type_error(format_args!(
            "{}.split must return a 2-tuple, got {}",
            obj::type_name(e),
            obj::type_name(pair)
        ))),
    }
}

/// Does `e` carry `orig`'s traceback, cause, context and notes (a part re-raised as is)?
fn same_metadata(e: Value, orig: Value) -> bool {
    match (exc::as_exc(e), exc::as_exc(orig)) {
        (Some(a), Some(b)) => {
            a.traceback.get() == b.traceback.get()
                && a.cause.get() == b.cause.get()
                && a.context.get() == b.context.get()
                && exc::stored_notes(e) == exc::stored_notes(orig)
        }
        _ => false,
    }
}

/// Append the leaf exceptions of `e` to `out` (a list). May collect.
fn collect_leaves(vm: &mut Vm<'_>, e: Value, out: Value) -> PyResult<()> {
    if !is_group(e) {
        return obj::list::append(vm, out, e);
    }
    vm.stack_guard(Recursion::Plain)?;
    let mark = vm.roots_mark();
    let r = (|| {
        let excs = exceptions(vm, e)?;
        vm.push_root(excs)?;
        let n = obj::tuple::items(excs).map_or(0, |a| a.len());
        for i in 0..n {
            let x = obj::tuple::items(excs).and_then(|a| a.get(i).copied()).unwrap_or(Value::NONE);
            collect_leaves(vm, x, out)?;
        }
        Ok(())
    })();
    vm.pop_roots(mark);
    r
}

/// PREP_RERAISE_STAR: what the `except*` clauses leave to raise, from `orig` (the exception
/// the `try` caught) and `excs` (a list: what each clause raised, then the unmatched
/// rest; None items are skipped). None when nothing is left. May collect.
pub fn prep_reraise_star(vm: &mut Vm<'_>, orig: Value, excs: Value) -> PyResult<Value> {
    let n = obj::list::as_list(excs).map_or(0, |l| l.len());
    if n == 0 {
        return Ok(Value::NONE);
    }
    if !is_group(orig) {
        // A naked exception: one clause at most ran, so there is one thing to raise.
        return Ok(obj::list::as_list(excs).and_then(|l| l.get(0)).unwrap_or(Value::NONE));
    }
    let mark = vm.roots_mark();
    let r = (|| {
        let raised = obj::list::with_capacity(vm, 0)?;
        vm.push_root(raised)?;
        let reraised_leaves = obj::list::with_capacity(vm, 0)?;
        vm.push_root(reraised_leaves)?;
        for i in 0..n {
            let e = obj::list::as_list(excs).and_then(|l| l.get(i)).unwrap_or(Value::NONE);
            if e == Value::NONE {
                continue;
            }
            if same_metadata(e, orig) {
                collect_leaves(vm, e, reraised_leaves)?;
            } else {
                obj::list::append(vm, raised, e)?;
            }
        }
        // The re-raised leaves, in `orig`'s shape.
        let leaves = obj::list::as_list(reraised_leaves).map(|l| l.as_slice()).unwrap_or(&[]);
        let reraised =
            if leaves.is_empty() { Value::NULL } else { split_rec(vm, orig, Matcher::Leaves(leaves), false)?.0 };
        vm.push_root(reraised)?;
        let nraised = obj::list::as_list(raised).map_or(0, |l| l.len());
        if nraised == 0 {
            return Ok(opt(reraised));
        }
        if !reraised.is_null() {
            obj::list::append(vm, raised, reraised)?;
        }
        if obj::list::as_list(raised).map_or(0, |l| l.len()) == 1 {
            return Ok(obj::list::as_list(raised).and_then(|l| l.get(0)).unwrap_or(Value::NONE));
        }
        create(vm, Value::qstr(&Q_EMPTY), raised)
    })();
    vm.pop_roots(mark);
    r
}
