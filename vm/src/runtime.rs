//! Python semantics used by the interpreter and by built-ins: truthiness, comparison,
//! hashing, operators, attributes, items, iteration, repr/str. (MicroPython's `runtime.c`.)
//!
//! Every function that takes `&mut Vm` may collect unless stated otherwise; arguments must
//! be rooted by the caller (see heap.rs).

use core::cmp::Ordering;

use frostbyte_format::{BinOp, CmpOp, UnaryOp};

use crate::obj::builtin::{Binding, Builtin};
use crate::obj::class::Found;
use crate::obj::{self, class, exception as exc, str::StrBuf, Args, Kind, Type};
use crate::qstr;
use crate::rom::Qstr;
use crate::value::Value;
use crate::vm::{PyResult, Recursion, Vm};

pub use crate::call::{call, call_args, call_with_self};

// ----- small helpers -----

/// Evaluate a comparison operator on an ordering.
pub fn cmp_result(op: CmpOp, o: Ordering) -> bool {
    match op {
        CmpOp::Lt => o == Ordering::Less,
        CmpOp::Le => o != Ordering::Greater,
        CmpOp::Eq => o == Ordering::Equal,
        CmpOp::Ne => o != Ordering::Equal,
        CmpOp::Gt => o == Ordering::Greater,
        CmpOp::Ge => o != Ordering::Less,
        _ => false,
    }
}

/// Values whose equality never runs Python code (str, int, None, bools).
pub fn is_simple(v: Value) -> bool {
    v.is_small_int()
        || v.is_qstr()
        || v.is_imm()
        || matches!(obj::type_of(v).kind, Kind::Str | Kind::Int) && !obj::type_of(v).is_heap()
}

/// Equality of two simple values (see `is_simple`).
pub fn simple_eq(a: Value, b: Value) -> bool {
    if a == b {
        return true;
    }
    if obj::str::is_str(a) && obj::str::is_str(b) {
        return obj::str::eq(a, b);
    }
    if obj::int::is_int(a) && obj::int::is_int(b) {
        return obj::int::cmp(a, b) == Some(Ordering::Equal);
    }
    false
}

/// An identity-based hash (for objects without `__hash__`).
pub fn id_hash(v: Value) -> isize {
    (v.bits() >> 4) as isize
}

/// Check the positional argument count of a built-in (`args.pos` includes `self`).
pub fn check_nargs(vm: &mut Vm<'_>, name: &str, args: &Args<'_>, min: usize, max: usize) -> PyResult<()> {
    let n = args.pos.len();
    if n < min || n > max {
        let (lo, hi) = (min.saturating_sub(1), max.saturating_sub(1));
        let got = n.saturating_sub(1);
        if lo == hi && hi <= 1 {
            // CPython's METH_NOARGS / METH_O messages name the built-in type.
            let t = args.pos.first().map(|s| class::static_base(obj::type_of(*s)).name()).unwrap_or("?");
            let takes = if hi == 0 { "no arguments" } else { "exactly one argument" };
            return Err(vm.type_error(format_args!("{t}.{name}() takes {takes} ({got} given)")));
        }
        let (kind, k) = if lo == hi {
            ("", lo)
        } else if n < min {
            ("at least ", lo)
        } else {
            ("at most ", hi)
        };
        let s = if k == 1 { "" } else { "s" };
        return Err(vm.type_error(format_args!("{name} expected {kind}{k} argument{s}, got {got}")));
    }
    Ok(())
}

/// The name of a function-like value (the qualified name for Python functions, as in
/// CPython's messages).
pub fn func_name(f: Value) -> &'static str {
    if let Some(func) = obj::function::as_func(f) {
        return obj::str::as_str(func.code().name).unwrap_or("?");
    }
    if let Some(b) = obj::downcast::<Builtin>(f) {
        return obj::str::as_str(b.name).unwrap_or("?");
    }
    if let Some(t) = obj::as_type(f) {
        return t.name();
    }
    "?"
}

// ----- integers as indices -----

/// An int (or `__index__`-able) value as i64, or None.
pub fn as_index_opt(v: Value) -> Option<i64> {
    if obj::int::is_int(v) {
        obj::int::to_i64(v)
    } else {
        None
    }
}

/// The count of a sequence repetition (`seq * n`): `None` when `n` is not an int (the
/// operation is NotImplemented), 0 for a negative count, and OverflowError, as CPython's,
/// when it does not fit an index.
pub fn repeat_count(vm: &mut Vm<'_>, n: Value) -> PyResult<Option<usize>> {
    let v = if obj::int::is_int(n) {
        n
    } else if obj::type_of(n).is_heap() {
        // An object with `__index__` counts too (CPython's sq_repeat).
        match call_dunder(vm, n, &qstr::__index__, &[])? {
            Some(r) if obj::int::is_int(r) => r,
            Some(r) => {
                return Err(vm.type_error(format_args!("__index__ returned non-int (type {})", obj::type_name(r))))
            }
            None => return Ok(None),
        }
    } else {
        return Ok(None);
    };
    match obj::int::to_i64(v) {
        Some(i) => Ok(Some(usize::try_from(i).unwrap_or(0))),
        None => Err(vm.raise_fmt(
            &exc::OVERFLOW_ERROR_TYPE,
            format_args!("cannot fit '{}' into an index-sized integer", obj::type_name(n)),
        )),
    }
}

/// Is this int negative?
pub fn is_negative(v: Value) -> bool {
    obj::int::cmp(v, Value::small_int(0)) == Some(Ordering::Less)
}

/// An index argument; TypeError with `msg` + type name if not an int.
pub fn index_arg(vm: &mut Vm<'_>, k: Value, msg: &str) -> PyResult<i64> {
    let too_big = |vm: &mut Vm<'_>| {
        let t = obj::type_name(k);
        vm.raise_fmt(&exc::INDEX_ERROR_TYPE, format_args!("cannot fit '{t}' into an index-sized integer"))
    };
    if let Some(i) = as_index_opt(k) {
        return Ok(i);
    }
    if obj::int::is_int(k) {
        return Err(too_big(vm));
    }
    if let Some(r) = call_dunder(vm, k, &qstr::__index__, &[])? {
        if let Some(i) = as_index_opt(r) {
            return Ok(i);
        }
        if obj::int::is_int(r) {
            return Err(too_big(vm));
        }
        return Err(vm.type_error(format_args!("__index__ returned non-int (type {})", obj::type_name(r))));
    }
    fn cut<'t>(t: &'t str, at: &str) -> &'t str {
        obj::str::find(t, at, false).map_or(t, |i| &t[..i])
    }
    let base = cut(msg, ", not");
    let base = base.strip_suffix(" or slices").unwrap_or(base);
    let full = if obj::str::find(msg, "or slices", false).is_some() { "integers or slices" } else { "integers" };
    let lead = cut(base, " must be");
    Err(vm.type_error(format_args!("{lead} must be {full}, not {}", obj::type_name(k))))
}

/// An integer argument (`__index__`): TypeError "'x' object cannot be interpreted as an integer".
pub fn index_arg_typed(vm: &mut Vm<'_>, v: Value) -> PyResult<i64> {
    if let Some(i) = as_index_opt(v) {
        return Ok(i);
    }
    if obj::int::is_int(v) {
        return Err(vm.raise_msg(&exc::OVERFLOW_ERROR_TYPE, "Python int too large to convert to C ssize_t"));
    }
    if let Some(r) = call_dunder(vm, v, &qstr::__index__, &[])? {
        if let Some(i) = as_index_opt(r) {
            return Ok(i);
        }
    }
    Err(vm.type_error(format_args!("'{}' object cannot be interpreted as an integer", obj::type_name(v))))
}

/// Normalise a possibly negative index for a sequence of `n` items.
pub fn norm_index(i: i64, n: usize) -> Option<usize> {
    let j = if i < 0 { i + n as i64 } else { i };
    if j >= 0 && (j as u64) < n as u64 {
        Some(j as usize)
    } else {
        None
    }
}

/// A start/stop argument like `list.index`'s (CPython's `_PyEval_SliceIndexNotNone`): an
/// int too large for an index is clamped, not an error. Fit it to a length with
/// [`clamp_to`]. May run Python code (`__index__`).
/// `none_ok`: the caller accepts None too (only the TypeError's wording changes).
pub fn slice_index_arg(vm: &mut Vm<'_>, v: Value, none_ok: bool) -> PyResult<i64> {
    let clamp = |r: Value| obj::int::to_i64(r).unwrap_or(if is_negative(r) { i64::MIN } else { i64::MAX });
    if obj::int::is_int(v) {
        return Ok(clamp(v));
    }
    match call_dunder(vm, v, &qstr::__index__, &[])? {
        Some(r) if obj::int::is_int(r) => Ok(clamp(r)),
        _ => Err(vm.type_error(format_args!(
            "slice indices must be integers {}or have an __index__ method",
            if none_ok { "or None " } else { "" }
        ))),
    }
}

/// An argument CPython reads as a C int (`expandtabs` tab size, `chr`): OverflowError
/// outside the i32 range. May run Python code (`__index__`).
pub fn c_int_arg(vm: &mut Vm<'_>, v: Value) -> PyResult<i32> {
    let i = if obj::int::is_int(v) { obj::int::to_i64(v) } else { Some(index_arg_typed(vm, v)?) };
    match i.and_then(|i| i32::try_from(i).ok()) {
        Some(i) => Ok(i),
        None => Err(vm.raise_msg(&exc::OVERFLOW_ERROR_TYPE, "Python int too large to convert to C int")),
    }
}

/// Fit a start/stop index from [`slice_index_arg`] to a sequence of `n` items.
pub fn clamp_to(i: i64, n: usize) -> usize {
    let n = n as u64;
    if i < 0 {
        n.saturating_sub(i.unsigned_abs()) as usize
    } else {
        (i as u64).min(n) as usize
    }
}

// ----- repr / str -----

/// Mark `v` as being repr'd; false if it already is (recursive container).
pub fn repr_enter(vm: &mut Vm<'_>, v: Value) -> bool {
    for x in &vm.repr_stack[..vm.repr_depth.min(16)] {
        if *x == v {
            return false;
        }
    }
    if vm.repr_depth < 16 {
        vm.repr_stack[vm.repr_depth] = v;
    }
    vm.repr_depth += 1;
    true
}

/// Undo `repr_enter`.
pub fn repr_leave(vm: &mut Vm<'_>) {
    if vm.repr_depth > 0 {
        vm.repr_depth -= 1;
        if vm.repr_depth < 16 {
            vm.repr_stack[vm.repr_depth] = Value::NULL;
        }
    }
}

/// Append `repr(v)`.
pub fn repr_into(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf) -> PyResult<()> {
    if v.is_small_int() {
        return sb.push_fmt(vm, format_args!("{}", v.as_small_int().unwrap_or(0)));
    }
    let t = obj::type_of(v);
    vm.stack_guard(Recursion::Repr)?;
    match t.slots.repr {
        Some(f) => f(vm, v, sb),
        None => (obj::class::OBJECT_TYPE.slots.repr.unwrap_or(|_, _, _| Ok(())))(vm, v, sb),
    }
}

/// Append `str(v)`.
pub fn str_into(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf) -> PyResult<()> {
    if let Some(s) = obj::str::as_str(v) {
        return sb.push(vm, s);
    }
    let t = obj::type_of(v);
    match t.slots.str {
        Some(f) => {
            vm.stack_guard(Recursion::Str)?;
            f(vm, v, sb)
        }
        None => repr_into(vm, v, sb),
    }
}

/// `repr(v)` as a str value.
pub fn repr(vm: &mut Vm<'_>, v: Value) -> PyResult<Value> {
    let mut sb = StrBuf::new(vm)?;
    repr_into(vm, v, &mut sb)?;
    sb.finish(vm)
}

/// `str(v)` as a str value.
pub fn to_str(vm: &mut Vm<'_>, v: Value) -> PyResult<Value> {
    if obj::str::is_str(v) && !obj::type_of(v).is_heap() {
        return Ok(v);
    }
    let mut sb = StrBuf::new(vm)?;
    str_into(vm, v, &mut sb)?;
    sb.finish(vm)
}

// ----- truth, comparison, hashing -----

/// `bool(v)`.
pub fn truthy(vm: &mut Vm<'_>, v: Value) -> PyResult<bool> {
    match v {
        Value::TRUE => return Ok(true),
        Value::FALSE | Value::NONE => return Ok(false),
        _ => {}
    }
    if let Some(i) = v.as_small_int() {
        return Ok(i != 0);
    }
    let t = obj::type_of(v);
    if let Some(f) = t.slots.truth {
        return f(vm, v);
    }
    if let Some(f) = t.slots.len {
        return Ok(f(vm, v)? != 0);
    }
    Ok(true)
}

fn reflect(op: CmpOp) -> CmpOp {
    match op {
        CmpOp::Lt => CmpOp::Gt,
        CmpOp::Le => CmpOp::Ge,
        CmpOp::Gt => CmpOp::Lt,
        CmpOp::Ge => CmpOp::Le,
        o => o,
    }
}

/// Rich comparison `a OP b` for the six ordering/equality operators.
pub fn compare(vm: &mut Vm<'_>, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
    if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
        return Ok(Value::bool(cmp_result(op, x.cmp(&y))));
    }
    match op {
        CmpOp::In | CmpOp::NotIn => {
            let r = contains(vm, b, a)?;
            return Ok(Value::bool(r == (op == CmpOp::In)));
        }
        CmpOp::Is => return Ok(Value::bool(a == b)),
        CmpOp::IsNot => return Ok(Value::bool(a != b)),
        _ => {}
    }
    vm.stack_guard(Recursion::Compare)?;
    let ta = obj::type_of(a);
    let tb = obj::type_of(b);
    // A subclass overriding the reflected method goes first.
    let b_first = !core::ptr::eq(ta, tb) && tb.is_heap() && class::is_subclass(tb, ta);
    if b_first {
        if let Some(f) = tb.slots.richcmp {
            let r = f(vm, b, a, reflect(op))?;
            if r != Value::NOT_IMPLEMENTED {
                return Ok(r);
            }
        }
    }
    if let Some(f) = ta.slots.richcmp {
        let r = f(vm, a, b, op)?;
        if r != Value::NOT_IMPLEMENTED {
            return Ok(r);
        }
    }
    if !b_first && !core::ptr::eq(ta, tb) || (core::ptr::eq(ta, tb) && ta.is_heap()) {
        if let Some(f) = tb.slots.richcmp {
            let r = f(vm, b, a, reflect(op))?;
            if r != Value::NOT_IMPLEMENTED {
                return Ok(r);
            }
        }
    }
    match op {
        CmpOp::Eq => Ok(Value::bool(a == b)),
        CmpOp::Ne => Ok(Value::bool(a != b)),
        _ => Err(vm.type_error(format_args!(
            "'{}' not supported between instances of '{}' and '{}'",
            op.symbol(),
            ta.name(),
            tb.name()
        ))),
    }
}

/// `a == b` as a Rust bool.
pub fn eq(vm: &mut Vm<'_>, a: Value, b: Value) -> PyResult<bool> {
    if a == b && !obj::float::as_f64(a).map(|f| f.is_nan()).unwrap_or(false) {
        return Ok(true);
    }
    if is_simple(a) && is_simple(b) {
        return Ok(simple_eq(a, b));
    }
    let r = compare(vm, a, b, CmpOp::Eq)?;
    truthy(vm, r)
}

/// `a < b` as a Rust bool.
pub fn lt(vm: &mut Vm<'_>, a: Value, b: Value) -> PyResult<bool> {
    if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
        return Ok(x < y);
    }
    let r = compare(vm, a, b, CmpOp::Lt)?;
    truthy(vm, r)
}

/// `hash(v)`.
pub fn hash(vm: &mut Vm<'_>, v: Value) -> PyResult<isize> {
    if v.is_small_int() {
        return Ok(obj::int::hash_int(v));
    }
    if obj::str::is_str(v) && !obj::type_of(v).is_heap() {
        return Ok(obj::str::py_hash(v));
    }
    let t = obj::type_of(v);
    if let Some(f) = t.slots.hash {
        vm.stack_guard(Recursion::Plain)?;
        return f(vm, v);
    }
    if t.flags & obj::flags::UNHASHABLE != 0 {
        // A built-in type of a standard module is named with its module, as CPython's
        // tp_name ('collections.deque').
        return Err(match (t.is_heap() || t.flags & obj::flags::PY_CLASS != 0, class::module_prefix(t)) {
            (false, Some(m)) => vm.type_error(format_args!("unhashable type: '{m}.{}'", t.name())),
            _ => vm.type_error(format_args!("unhashable type: '{}'", t.name())),
        });
    }
    Ok(default_hash(v))
}

/// `object.__hash__(v)`: the hash of a value whose type defines no hash of its own.
pub fn default_hash(v: Value) -> isize {
    match v {
        Value::NONE => -1234567 & isize::MAX,
        _ => id_hash(v),
    }
}

// ----- operators -----

/// `a OP b` (including in-place forms).
pub fn binary_op(vm: &mut Vm<'_>, op: BinOp, a: Value, b: Value) -> PyResult<Value> {
    if let (Some(_), Some(_)) = (a.as_small_int(), b.as_small_int()) {
        return obj::int::int_binop(vm, op, a, b);
    }
    let ta = obj::type_of(a);
    let tb = obj::type_of(b);
    // The right operand's reflected method goes first if its class derives from the left's;
    // between two classes, only if it overrides that method (CPython's slot_nb_* wrappers).
    let b_first = !core::ptr::eq(ta, tb)
        && tb.is_heap()
        && class::is_subclass(tb, ta)
        && (!ta.is_heap() || {
            let rev = obj::instance::binop_names(op).1;
            class::lookup(tb, rev) != class::lookup(ta, rev)
        });
    if b_first {
        if let Some(f) = tb.slots.binop {
            let r = f(vm, op, a, b, true)?;
            if r != Value::NOT_IMPLEMENTED {
                return Ok(r);
            }
        }
    }
    if let Some(f) = ta.slots.binop {
        let r = f(vm, op, a, b, false)?;
        if r != Value::NOT_IMPLEMENTED {
            return Ok(r);
        }
        if op.is_inplace() {
            let r = f(vm, op.base(), a, b, false)?;
            if r != Value::NOT_IMPLEMENTED {
                return Ok(r);
            }
        }
    }
    if !b_first && (!core::ptr::eq(ta, tb) || ta.is_heap()) {
        if let Some(f) = tb.slots.binop {
            let r = f(vm, op.base(), a, b, true)?;
            if r != Value::NOT_IMPLEMENTED {
                return Ok(r);
            }
        }
    }
    if op.base() == BinOp::Mod && obj::str::is_str(a) {
        return crate::strformat::percent_format(vm, a, b);
    }
    Err(binop_type_error(vm, op, ta, tb))
}

/// The name of a built-in sequence type `t` is (or derives from), for CPython's
/// sequence-specific `+` / `*` messages.
fn sequence_name(t: &'static Type) -> Option<&'static str> {
    let base = if t.is_heap() { class::static_base(t) } else { t };
    matches!(base.kind, Kind::Str | Kind::Bytes | Kind::Tuple | Kind::List | Kind::Array).then(|| base.name())
}

/// A type's name as CPython's `tp_name` spells it in messages: a built-in type of a standard
/// module with its module (`array.array`).
pub(crate) struct TpName(pub &'static Type);

impl core::fmt::Display for TpName {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match (self.0.is_heap() || self.0.flags & obj::flags::PY_CLASS != 0, class::module_prefix(self.0)) {
            (false, Some(m)) => write!(f, "{m}.{}", self.0.name()),
            _ => f.write_str(self.0.name()),
        }
    }
}

/// CPython's TypeError for `a OP b` when no implementation accepted the operands.
fn binop_type_error(vm: &mut Vm<'_>, op: BinOp, ta: &'static Type, tb: &'static Type) -> crate::vm::Raised {
    match op.base() {
        BinOp::Add => match sequence_name(ta) {
            Some("bytes") => return vm.type_error(format_args!("can't concat {} to bytes", tb.name())),
            Some(n) => {
                return vm.type_error(format_args!("can only concatenate {n} (not \"{}\") to {n}", TpName(tb)));
            }
            None => {}
        },
        BinOp::Mul => {
            let int_like = |t: &'static Type| matches!(t.kind, Kind::Int | Kind::Bool);
            let other = if sequence_name(ta).is_some() && !int_like(tb) {
                Some(tb)
            } else if sequence_name(tb).is_some() && !int_like(ta) {
                Some(ta)
            } else {
                None
            };
            if let Some(t) = other {
                return vm.type_error(format_args!("can't multiply sequence by non-int of type '{}'", TpName(t)));
            }
        }
        _ => {}
    }
    let symbol = if op == BinOp::Pow { "** or pow()" } else { op.symbol() };
    vm.type_error(format_args!("unsupported operand type(s) for {symbol}: '{}' and '{}'", ta.name(), tb.name()))
}

/// `OP v` (`-`, `+`, `~`, `not`).
pub fn unary_op(vm: &mut Vm<'_>, op: UnaryOp, v: Value) -> PyResult<Value> {
    if op == UnaryOp::Not {
        return Ok(Value::bool(!truthy(vm, v)?));
    }
    if let Some(i) = v.as_small_int() {
        match op {
            UnaryOp::Neg => return obj::int::from_i64(vm, -(i as i64)),
            UnaryOp::Pos => return Ok(v),
            UnaryOp::Invert => return obj::int::from_i64(vm, !(i as i64)),
            UnaryOp::Not => {}
        }
    }
    let t = obj::type_of(v);
    if let Some(f) = t.slots.unop {
        let r = f(vm, op, v)?;
        if r != Value::NOT_IMPLEMENTED {
            return Ok(r);
        }
    }
    Err(vm.type_error(format_args!("bad operand type for unary {}: '{}'", op.symbol(), t.name())))
}

// ----- items, len, contains, iteration -----

/// `len(v)`.
pub fn len(vm: &mut Vm<'_>, v: Value) -> PyResult<usize> {
    let t = obj::type_of(v);
    match t.slots.len {
        Some(f) => f(vm, v),
        None => Err(vm.type_error(format_args!("object of type '{}' has no len()", t.name()))),
    }
}

/// `o[k]`.
pub fn get_item(vm: &mut Vm<'_>, o: Value, k: Value) -> PyResult<Value> {
    let t = obj::type_of(o);
    if let Some(f) = t.slots.getitem {
        // A class whose metaclass has no __getitem__ falls to __class_getitem__ below.
        if t.kind != Kind::Type || class::lookup(t, Value::qstr(&qstr::__getitem__)).is_some() {
            return f(vm, o, k);
        }
    }
    if obj::as_type(o).is_some() {
        if let Some(r) = class::class_getitem(vm, o, k)? {
            return Ok(r);
        }
        // `list[int]`: a `types.GenericAlias` for the generic built-ins, else TypeError.
        return obj::generic_alias::subscript(vm, o, k);
    }
    Err(vm.type_error(format_args!("'{}' object is not subscriptable", t.name())))
}

/// `o[k] = v` (v NULL: `del o[k]`).
pub fn set_item(vm: &mut Vm<'_>, o: Value, k: Value, v: Value) -> PyResult<()> {
    let t = obj::type_of(o);
    match t.slots.setitem {
        Some(f) => f(vm, o, k, v),
        None if v.is_null() => Err(vm.type_error(format_args!("'{}' object doesn't support item deletion", t.name()))),
        None => Err(vm.type_error(format_args!("'{}' object does not support item assignment", t.name()))),
    }
}

/// `x in o`.
pub fn contains(vm: &mut Vm<'_>, o: Value, x: Value) -> PyResult<bool> {
    let t = obj::type_of(o);
    match t.slots.contains {
        Some(f) => f(vm, o, x),
        None => contains_by_iter(vm, o, x),
    }
}

/// `x in o` by iterating `o`.
pub fn contains_by_iter(vm: &mut Vm<'_>, o: Value, x: Value) -> PyResult<bool> {
    let t = obj::type_of(o);
    if t.slots.iter.is_none() {
        return Err(vm.type_error(format_args!("argument of type '{}' is not iterable", t.name())));
    }
    let m = vm.roots_mark();
    let it = get_iter(vm, o)?;
    vm.push_root(it)?;
    while let Some(y) = next(vm, it)? {
        if y == x || eq(vm, y, x)? {
            vm.pop_roots(m);
            return Ok(true);
        }
    }
    vm.pop_roots(m);
    Ok(false)
}

/// `iter(o)`.
pub fn get_iter(vm: &mut Vm<'_>, o: Value) -> PyResult<Value> {
    let t = obj::type_of(o);
    match t.slots.iter {
        Some(f) => f(vm, o),
        None => Err(vm.type_error(format_args!("'{}' object is not iterable", t.name()))),
    }
}

/// Is `v` an iterator (has `__next__`)?
pub fn is_iterator(v: Value) -> bool {
    let t = obj::type_of(v);
    if t.is_heap() {
        return class::lookup(t, Value::qstr(&qstr::__next__)).is_some() || class::static_base(t).slots.next.is_some();
    }
    t.slots.next.is_some()
}

/// `next(it)`: `Ok(None)` when exhausted.
pub fn next(vm: &mut Vm<'_>, it: Value) -> PyResult<Option<Value>> {
    // Native loops over iterators count against the instruction budget.
    vm.tick_native()?;
    let t = obj::type_of(it);
    match t.slots.next {
        Some(f) => {
            vm.stack_guard(Recursion::Plain)?;
            f(vm, it)
        }
        None => Err(vm.type_error(format_args!("'{}' object is not an iterator", t.name()))),
    }
}

/// `next(it)` that raises StopIteration when `it` is exhausted, carrying what CPython's
/// does: a generator's return value, or the StopIteration a Python `__next__` raised.
/// May collect.
pub fn next_or_stop(vm: &mut Vm<'_>, it: Value) -> PyResult<Value> {
    // A coroutine_wrapper (`coro.__await__()`) finishes with its coroutine's return value.
    let gen = obj::generator::wrapped(it).unwrap_or(it);
    if obj::generator::is_generator(it) || gen != it {
        return match crate::call::resume_generator(vm, gen, Value::NONE, Value::NULL)? {
            crate::call::GenStep::Yield(v) => Ok(v),
            crate::call::GenStep::Return(r) => Err(obj::generator::stop_with(vm, r)),
        };
    }
    if let Some(r) = obj::instance::call_user_next(vm, it) {
        return r;
    }
    match next(vm, it)? {
        Some(v) => Ok(v),
        None => Err(vm.raise_empty(&exc::STOP_ITERATION_TYPE)),
    }
}

/// Unpack `seq` into a tuple of exactly `n` items (ValueError otherwise).
pub fn unpack(vm: &mut Vm<'_>, seq: Value, n: usize) -> PyResult<Value> {
    if let Some(items) = obj::tuple::items(seq) {
        if items.len() == n {
            return Ok(seq);
        }
        return Err(unpack_error(vm, items.len(), n));
    }
    if let Some(l) = obj::list::as_list(seq) {
        if l.len() == n {
            return obj::tuple::new(vm, l.as_slice());
        }
        return Err(unpack_error(vm, l.len(), n));
    }
    check_unpackable(vm, seq)?;
    let m = vm.roots_mark();
    let it = get_iter(vm, seq)?;
    vm.push_root(it)?;
    let out = obj::tuple::alloc(vm, n)?;
    vm.push_root(out)?;
    for i in 0..n {
        match next(vm, it)? {
            Some(x) => obj::tuple::init_item(out, i, x),
            None => {
                vm.pop_roots(m);
                return Err(vm.value_error(format_args!("not enough values to unpack (expected {n}, got {i})")));
            }
        }
    }
    if next(vm, it)?.is_some() {
        vm.pop_roots(m);
        return Err(vm.value_error(format_args!("too many values to unpack (expected {n})")));
    }
    vm.pop_roots(m);
    Ok(out)
}

/// CPython's TypeError for unpacking (`a, b = x`, `a, *b = x`) a non-iterable value.
pub fn check_unpackable(vm: &mut Vm<'_>, seq: Value) -> PyResult<()> {
    let t = obj::type_of(seq);
    if is_iterable(seq) {
        Ok(())
    } else {
        Err(vm.type_error(format_args!("cannot unpack non-iterable {} object", t.name())))
    }
}

/// Does `v`'s type support iteration (`__iter__`, or the `__getitem__` protocol)?
pub fn is_iterable(v: Value) -> bool {
    let t = obj::type_of(v);
    if t.is_heap() {
        class::lookup(t, Value::qstr(&qstr::__iter__)).is_some()
            || class::lookup(t, Value::qstr(&qstr::__getitem__)).is_some()
            || class::static_base(t).slots.iter.is_some()
    } else {
        t.slots.iter.is_some()
    }
}

fn unpack_error(vm: &mut Vm<'_>, got: usize, n: usize) -> crate::vm::Raised {
    if got < n {
        vm.value_error(format_args!("not enough values to unpack (expected {n}, got {got})"))
    } else {
        vm.value_error(format_args!("too many values to unpack (expected {n})"))
    }
}

// ----- attributes -----

crate::static_qstr!(Q_GET, "__get__");
crate::static_qstr!(Q_SET, "__set__");
crate::static_qstr!(Q_DELETE, "__delete__");
crate::static_qstr!(Q_GETATTRIBUTE, "__getattribute__");

/// The method `name` (`__get__`, `__set__`, `__delete__`) of `a` when `a` is an instance of
/// a class defining it (a user descriptor). Never allocates.
fn user_desc<const N: usize>(a: Value, name: &'static Qstr<N>) -> Option<Value> {
    let at = obj::type_of(a);
    if !at.is_heap() || at.kind == Kind::Type {
        return None;
    }
    class::lookup(at, Value::qstr(name))
}

/// Is `a` a user data descriptor (its class defines `__set__` or `__delete__`)?
fn is_data_desc(a: Value) -> bool {
    user_desc(a, &Q_SET).is_some() || user_desc(a, &Q_DELETE).is_some()
}

/// TypeError unless `o` is an instance of the class that defined slot `m`.
fn member_check(vm: &mut Vm<'_>, m: &obj::descriptor::Member, o: Value) -> PyResult<()> {
    match obj::as_type(m.owner) {
        Some(owner) if !obj::is_instance(o, owner) => Err(vm.type_error(format_args!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            obj::str::as_str(m.name).unwrap_or("?"),
            owner.name(),
            obj::type_name(o)
        ))),
        _ => Ok(()),
    }
}

/// What attribute lookup on a class found, after applying descriptors.
fn bind_class_attr(vm: &mut Vm<'_>, attr: Value, inst: Value, cls: &'static Type) -> PyResult<Value> {
    if let Some(g) = user_desc(attr, &Q_GET) {
        let i = if inst.is_null() { Value::NONE } else { inst };
        return call_with_self(vm, g, attr, &Args::new(&[i, cls.as_value()]));
    }
    if let Some(b) = obj::downcast::<Builtin>(attr) {
        return match b.binding {
            Binding::Method if !inst.is_null() => obj::method::new(vm, attr, inst),
            Binding::Class => obj::method::new(vm, attr, cls.as_value()),
            _ => Ok(attr),
        };
    }
    match obj::type_of(attr).kind {
        Kind::Function if !inst.is_null() => obj::method::new(vm, attr, inst),
        Kind::ClassMethod => {
            let f = obj::descriptor::classmethod_func(attr).unwrap_or(Value::NONE);
            obj::method::new(vm, f, cls.as_value())
        }
        Kind::StaticMethod => Ok(obj::descriptor::unwrap_static(attr)),
        Kind::Member if !inst.is_null() => {
            let Some(m) = obj::descriptor::as_member(attr) else { return Ok(attr) };
            let (name, index) = (m.name, m.index);
            member_check(vm, m, inst)?;
            let v = if obj::type_of(inst).kind == Kind::Object {
                Some(obj::instance::slot_get(inst, index)).filter(|v| !v.is_null())
            } else {
                instance_attr(vm, inst, name)
            };
            match v {
                Some(v) => Ok(v),
                None => Err(attr_error(vm, inst, name)),
            }
        }
        Kind::Property if !inst.is_null() => {
            let Some(p) = obj::descriptor::as_property(attr) else { return Ok(attr) };
            if p.fget.is_null() {
                return Err(vm.raise_msg(&exc::ATTRIBUTE_ERROR_TYPE, "unreadable attribute"));
            }
            call(vm, p.fget, &[inst])
        }
        Kind::Misc if !inst.is_null() && obj::type_of(attr).flags & obj::flags::BINDS != 0 => {
            obj::method::new(vm, attr, inst)
        }
        // A native class's method (`p.toggle`, `Pin.toggle`).
        Kind::Misc => crate::api::bind_native_method(vm, attr, inst, cls),
        _ => Ok(attr),
    }
}

/// The instance dict of `o`, if it has one now (never allocates). Plain instances have one
/// only in dict mode (see `obj/instance.rs`); use [`instance_attr`] to look attributes up.
pub fn instance_dict(vm: &Vm<'_>, o: Value) -> Value {
    let t = obj::type_of(o);
    if obj::instance::has_tail(t) {
        return obj::instance::tail_dict_if_any(vm, o);
    }
    match t.kind {
        Kind::Object => obj::instance::dict_if_any(o),
        Kind::Exception => obj::exception::as_exc(o).map(|e| e.dict.get()).unwrap_or(Value::NULL),
        _ => Value::NULL,
    }
}

/// The attribute `name` stored on `o` itself (its instance attributes), not on its class.
/// Never allocates.
pub fn instance_attr(vm: &Vm<'_>, o: Value, name: Value) -> Option<Value> {
    match obj::type_of(o).kind {
        Kind::Object => obj::instance::get(o, name),
        _ => {
            let d = instance_dict(vm, o);
            if d.is_null() {
                None
            } else {
                obj::dict::get_str(d, name)
            }
        }
    }
}

/// Is `name` (a str) `"__dict__"`?
fn is_dict_name(name: Value) -> bool {
    let q = Value::qstr(&qstr::__dict__);
    name == q || obj::str::eq(name, q)
}

/// Is `a` a plain function stored as `__init_subclass__` or `__class_getitem__`, which
/// CPython makes classmethods implicitly (frozen class namespaces keep the function)?
fn implicit_classmethod(a: Value, name: Value) -> bool {
    obj::type_of(a).kind == Kind::Function
        && matches!(obj::str::as_str(name), Some("__init_subclass__" | "__class_getitem__"))
}

/// `o.name`, or `Ok(None)` if there is no such attribute (no exception raised).
pub fn get_attr_opt(vm: &mut Vm<'_>, o: Value, name: Value) -> PyResult<Option<Value>> {
    // Classes: look in the class's own MRO.
    if let Some(t) = obj::as_type(o) {
        match class::find(t, name, Value::NULL) {
            Some(Found::Attr(a)) if implicit_classmethod(a, name) => return obj::method::new(vm, a, o).map(Some),
            Some(Found::Attr(a)) => return bind_class_attr(vm, a, Value::NULL, t).map(Some),
            Some(Found::Slot(owner, i)) => return obj::slot_wrapper::new(vm, owner, i, Value::NULL).map(Some),
            None => {}
        }
        if let Some(f) = obj::class::TYPE_TYPE.slots.getattr {
            let r = f(vm, o, name)?;
            if !r.is_null() {
                return Ok(Some(r));
            }
        }
        // Then the metaclass's MRO (`type`'s methods, or a metaclass's own).
        let meta = obj::type_of(o);
        return match class::find(meta, name, Value::NULL) {
            Some(Found::Attr(a)) => bind_class_attr(vm, a, o, meta).map(Some),
            Some(Found::Slot(owner, i)) => obj::slot_wrapper::new(vm, owner, i, o).map(Some),
            None if obj::str::as_str(name) == Some("__class__") => Ok(Some(obj::type_of(o).as_value())),
            None => Ok(None),
        };
    }
    if let Some(s) = obj::super_::as_super(o) {
        let (sobj, scls) = (s.obj, s.cls);
        let Some(found) = obj::super_::find(s, name) else { return Ok(None) };
        let start = obj::as_type(sobj).unwrap_or(obj::type_of(sobj));
        let inst = if obj::as_type(sobj).is_some()
            && obj::as_type(scls).map(|c| class::is_subclass(start, c)).unwrap_or(false)
            && !obj::is_instance(sobj, obj::as_type(scls).unwrap_or(&class::OBJECT_TYPE))
        {
            Value::NULL
        } else {
            sobj
        };
        return match found {
            Found::Attr(a) if implicit_classmethod(a, name) => obj::method::new(vm, a, start.as_value()).map(Some),
            Found::Attr(a) => bind_class_attr(vm, a, inst, start).map(Some),
            Found::Slot(owner, i) => obj::slot_wrapper::new(vm, owner, i, inst).map(Some),
        };
    }
    let t = obj::type_of(o);
    if t.flags & obj::flags::GETATTRIBUTE != 0 {
        if let Some(g) =
            class::lookup(t, Value::qstr(&Q_GETATTRIBUTE)).filter(|g| obj::downcast::<Builtin>(*g).is_none())
        {
            return user_getattribute(vm, o, g, name).map(Some);
        }
    }
    generic_get_attr_opt(vm, o, name, true)
}

/// `o.name` through a class's own `__getattribute__` `g`; on AttributeError, its
/// `__getattr__` if it has one. May collect.
fn user_getattribute(vm: &mut Vm<'_>, o: Value, g: Value, name: Value) -> PyResult<Value> {
    match call_with_self(vm, g, o, &Args::new(&[name])) {
        Ok(v) => Ok(v),
        Err(e) => {
            if !vm.pending_is(&exc::ATTRIBUTE_ERROR_TYPE) {
                return Err(e);
            }
            let Some(ga) = class::lookup(obj::type_of(o), Value::qstr(&qstr::__getattr__)) else { return Err(e) };
            vm.take_pending();
            call_with_self(vm, ga, o, &Args::new(&[name]))
        }
    }
}

/// `object.__getattribute__(o, name)`: the default lookup (descriptors, the instance's
/// attributes, the class), then `__getattr__`; `Ok(None)` if there is no such attribute.
/// May collect.
pub fn generic_get_attr_opt(vm: &mut Vm<'_>, o: Value, name: Value, with_getattr: bool) -> PyResult<Option<Value>> {
    let t = obj::type_of(o);
    let found = class::find(t, name, Value::NULL);
    let attr = match found {
        Some(Found::Attr(a)) => Some(a),
        _ => None,
    };
    if let Some(a) = attr {
        if matches!(obj::type_of(a).kind, Kind::Property | Kind::Member) || is_data_desc(a) {
            return bind_class_attr(vm, a, o, t).map(Some);
        }
    }
    if attr.is_none()
        && t.is_heap()
        && t.flags & obj::flags::NO_DICT == 0
        && (t.kind == Kind::Object || obj::instance::has_tail(t))
        && is_dict_name(name)
    {
        // Instances of heap classes have a live `__dict__` (switching them to dict mode).
        return obj::instance::dict_of(vm, o).map(Some);
    }
    if let Some(v) = instance_attr(vm, o, name) {
        return Ok(Some(v));
    }
    if let Some(a) = attr {
        return bind_class_attr(vm, a, o, t).map(Some);
    }
    if let Some(Found::Slot(owner, i)) = found {
        return obj::slot_wrapper::new(vm, owner, i, o).map(Some);
    }
    if let Some(f) = t.slots.getattr {
        let r = f(vm, o, name)?;
        if !r.is_null() {
            return Ok(Some(r));
        }
    }
    if obj::str::as_str(name) == Some("__class__") {
        return Ok(Some(t.as_value()));
    }
    if t.is_heap() && with_getattr {
        if let Some(g) = class::lookup(t, Value::qstr(&qstr::__getattr__)) {
            // Its AttributeError propagates as raised (message and traceback), as CPython's.
            return call_with_self(vm, g, o, &Args::new(&[name])).map(Some);
        }
    }
    Ok(None)
}

/// Raise the CPython AttributeError for `o.name`.
pub fn attr_error(vm: &mut Vm<'_>, o: Value, name: Value) -> crate::vm::Raised {
    let n = obj::str::as_str(name).unwrap_or("?");
    if let Some(t) = obj::as_type(o) {
        return vm
            .raise_fmt(&exc::ATTRIBUTE_ERROR_TYPE, format_args!("type object '{}' has no attribute '{n}'", t.name()));
    }
    if let Some(m) = obj::module::as_module(o) {
        // CPython names the module by its `__name__` global, if that is still a str.
        let mn = if m.dict.is_null() {
            obj::module::name_text(o)
        } else {
            obj::dict::get_str(m.dict, Value::qstr(&crate::qstr::__name__)).and_then(obj::str::as_str)
        };
        return match mn {
            Some(mn) => vm.raise_fmt(&exc::ATTRIBUTE_ERROR_TYPE, format_args!("module '{mn}' has no attribute '{n}'")),
            None => vm.raise_fmt(&exc::ATTRIBUTE_ERROR_TYPE, format_args!("module has no attribute '{n}'")),
        };
    }
    vm.raise_fmt(
        &exc::ATTRIBUTE_ERROR_TYPE,
        format_args!("'{}' object has no attribute '{n}'", TpName(obj::type_of(o))),
    )
}

/// `o.name`.
pub fn get_attr(vm: &mut Vm<'_>, o: Value, name: Value) -> PyResult<Value> {
    match get_attr_opt(vm, o, name)? {
        Some(v) => Ok(v),
        None => Err(attr_error(vm, o, name)),
    }
}

/// `hasattr(o, "name")` for a Rust string name.
pub fn has_attr_name(vm: &mut Vm<'_>, o: Value, name: &str) -> PyResult<bool> {
    let n = obj::str::new(vm, name)?;
    let m = vm.roots_mark();
    vm.push_root(n)?;
    let r = get_attr_opt(vm, o, n);
    vm.pop_roots(m);
    match r {
        Ok(r) => Ok(r.is_some()),
        Err(e) => {
            if vm.pending_is(&exc::ATTRIBUTE_ERROR_TYPE) {
                vm.take_pending();
                Ok(false)
            } else {
                Err(e)
            }
        }
    }
}

/// Call method `name` of `o` if it exists.
pub fn call_method_by_name(vm: &mut Vm<'_>, o: Value, name: &str, args: &[Value]) -> PyResult<Option<Value>> {
    let n = obj::str::new(vm, name)?;
    let m = vm.roots_mark();
    vm.push_root(n)?;
    let f = get_attr_opt(vm, o, n)?;
    let r = match f {
        Some(f) => {
            vm.push_root(f)?;
            Some(call(vm, f, args)?)
        }
        None => None,
    };
    vm.pop_roots(m);
    Ok(r)
}

/// Call the dunder `name` defined on `v`'s class (heap classes only; built-in types use
/// their slots). `Ok(None)` if not defined.
pub fn call_dunder<const N: usize>(
    vm: &mut Vm<'_>,
    v: Value,
    name: &'static Qstr<N>,
    args: &[Value],
) -> PyResult<Option<Value>> {
    let t = obj::type_of(v);
    if !t.is_heap() {
        return Ok(None);
    }
    let Some(f) = class::lookup(t, Value::qstr(name)) else { return Ok(None) };
    if obj::downcast::<Builtin>(f).is_some() {
        return Ok(None);
    }
    call_with_self(vm, f, v, &Args::new(args)).map(Some)
}

/// Default attribute assignment: data descriptors (property setters), then the instance
/// dict, then the type's setattr slot.
pub fn generic_setattr(vm: &mut Vm<'_>, o: Value, name: Value, v: Value) -> PyResult<()> {
    let t = obj::type_of(o);
    if let Some(a) = class::lookup(t, name) {
        if let Some(p) = obj::descriptor::as_property(a) {
            let f = if v.is_null() { p.fdel } else { p.fset };
            if f.is_null() {
                // CPython 3.11's wording.
                let n = obj::str::as_str(name).unwrap_or("?");
                let what = if v.is_null() { "deleter" } else { "setter" };
                return Err(vm.raise_fmt(
                    &exc::ATTRIBUTE_ERROR_TYPE,
                    format_args!("property '{n}' of '{}' object has no {what}", obj::type_name(o)),
                ));
            }
            if v.is_null() {
                call(vm, f, &[o])?;
            } else {
                call(vm, f, &[o, v])?;
            }
            return Ok(());
        }
        if let Some(m) = obj::descriptor::as_member(a) {
            let (mn, index) = (m.name, m.index);
            member_check(vm, m, o)?;
            let done = if t.kind == Kind::Object {
                let had = !obj::instance::slot_get(o, index).is_null();
                obj::instance::slot_set(o, index, v) && (had || !v.is_null())
            } else {
                obj::instance::set(vm, o, mn, v)?
            };
            if !done {
                let n = obj::str::as_str(mn).unwrap_or("?");
                return Err(vm.raise_fmt(&exc::ATTRIBUTE_ERROR_TYPE, format_args!("{n}")));
            }
            return Ok(());
        }
        if t.flags & obj::flags::NO_DICT != 0 && !obj::type_of(a).is_heap() {
            let n = obj::str::as_str(name).unwrap_or("?");
            return Err(vm.raise_fmt(
                &exc::ATTRIBUTE_ERROR_TYPE,
                format_args!("'{}' object attribute '{n}' is read-only", t.name()),
            ));
        }
        if obj::type_of(a).is_heap() {
            let (want, other) = if v.is_null() {
                (user_desc(a, &Q_DELETE), user_desc(a, &Q_SET))
            } else {
                (user_desc(a, &Q_SET), user_desc(a, &Q_DELETE))
            };
            if let Some(f) = want {
                let r = if v.is_null() {
                    call_with_self(vm, f, a, &Args::new(&[o]))
                } else {
                    call_with_self(vm, f, a, &Args::new(&[o, v]))
                };
                return r.map(|_| ());
            }
            if other.is_some() {
                // A data descriptor without the method this operation needs.
                let n = if v.is_null() { "__delete__" } else { "__set__" };
                return Err(vm.raise_msg(&exc::ATTRIBUTE_ERROR_TYPE, n));
            }
        }
    }
    if t.flags & obj::flags::NO_DICT != 0 {
        return Err(attr_error(vm, o, name));
    }
    if t.is_heap() && (t.kind == Kind::Object || obj::instance::has_tail(t)) {
        if !obj::instance::set(vm, o, name, v)? {
            return Err(attr_error(vm, o, name));
        }
        return Ok(());
    }
    let st = if t.is_heap() { class::static_base(t) } else { t };
    if let Some(f) = st.slots.setattr {
        if f(vm, o, name, v)? {
            return Ok(());
        }
    }
    let n = obj::str::as_str(name).unwrap_or("?");
    Err(vm.raise_fmt(&exc::ATTRIBUTE_ERROR_TYPE, format_args!("'{}' object has no attribute '{n}'", TpName(t))))
}

/// `o.name = v` (`v` NULL: `del o.name`).
pub fn set_attr(vm: &mut Vm<'_>, o: Value, name: Value, v: Value) -> PyResult<()> {
    let t = obj::type_of(o);
    if t.is_heap() {
        if let Some(f) = t.slots.setattr {
            f(vm, o, name, v)?;
            return Ok(());
        }
    }
    generic_setattr(vm, o, name, v)
}

/// LOAD_METHOD: `(f, self)` without allocating a bound method when possible
/// (`self` NULL: `f` is the attribute itself).
pub fn load_method(vm: &mut Vm<'_>, o: Value, name: Value) -> PyResult<(Value, Value)> {
    let t = obj::type_of(o);
    if t.kind != Kind::Type && t.kind != Kind::Super && t.flags & obj::flags::GETATTRIBUTE == 0 {
        // A slot found before any method (`(0.1).__repr__`) goes through `get_attr`, which
        // binds its wrapper.
        if let Some(Found::Attr(a)) = class::find(t, name, Value::NULL) {
            let plain = match obj::downcast::<Builtin>(a) {
                Some(b) => b.binding == Binding::Method,
                None => obj::type_of(a).kind == Kind::Function,
            };
            if plain && instance_attr(vm, o, name).is_none() {
                return Ok((a, o));
            }
        }
    }
    let v = get_attr(vm, o, name)?;
    Ok((v, Value::NULL))
}

// ----- conversions -----

/// `int(x)` for one argument.
pub fn to_int(vm: &mut Vm<'_>, x: Value) -> PyResult<Value> {
    if x.is_small_int() {
        return Ok(x);
    }
    if let Some(i) = obj::int::small_value(x) {
        return Ok(Value::small_int(i as isize));
    }
    if obj::int::is_int(x) && !obj::type_of(x).is_heap() {
        return Ok(x);
    }
    if let Some(f) = obj::float::as_f64(x) {
        return crate::numfmt::float_to_int(vm, f);
    }
    if let Some(s) = obj::str::as_str(x) {
        return obj::int::parse(vm, s, 10);
    }
    if let Some(b) = obj::bytes::as_buf(x) {
        let s = core::str::from_utf8(b).unwrap_or("?");
        return obj::int::parse(vm, s, 10);
    }
    if let Some(r) = call_dunder(vm, x, &qstr::__int__, &[])? {
        return Ok(r);
    }
    if let Some(r) = call_dunder(vm, x, &qstr::__index__, &[])? {
        return Ok(r);
    }
    if obj::int::is_int(x) {
        // An int subclass instance: its value as an exact int.
        return obj::int::exact(vm, x);
    }
    Err(vm.type_error(format_args!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        obj::type_name(x)
    )))
}
