//! Slot wrappers: a built-in type's operation slots seen as its dunder methods, so that
//! `(0.1).__repr__()`, `int.__add__(3, 4)`, `list.__len__([1])` and `super().__getitem__(k)`
//! run the same code as `repr`, `+`, `len` and `[]` (CPython's `wrapper_descriptor` and
//! `method-wrapper`).
//!
//! ```text
//!  SlotWrapperObj  ObjHeader | owner Value (the built-in type whose slot runs)
//!                  | op Value (small int: index into OPS) | self_ Value (NULL: unbound)
//! ```
//! Attribute lookup (`class::find`) walks the MRO as usual; a built-in type that has no
//! method of that name but fills the slot behind it answers with its slot, and the runtime
//! allocates one of these objects for it. An unbound wrapper (`int.__add__`) checks that its
//! first argument is an instance of the owner, as CPython's descriptors do.

use frostbyte_format::{BinOp, CmpOp, UnaryOp};

use super::{Args, Kind, Layout, Slots, Type};
use crate::heap::Tracer;
use crate::obj::{self, exception as exc, int, str::StrBuf};
use crate::rom::{ObjHeader, Qstr};
use crate::runtime;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// What a dunder does, in terms of the owner's slots.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Op {
    Repr,
    Str,
    Hash,
    Cmp(CmpOp),
    Bool,
    Len,
    GetItem,
    SetItem,
    DelItem,
    Contains,
    Iter,
    Next,
    Call,
    Bin(BinOp),
    /// Reflected: `self` is the right operand.
    RBin(BinOp),
    Un(UnaryOp),
    Abs,
    Int,
    Float,
    Index,
    Format,
    DivMod,
    /// Reflected divmod: `self` is the divisor.
    RDivMod,
    Round,
    Trunc,
    Floor,
    Ceil,
    Reversed,
}

/// Every dunder backed by a slot (or, for the numeric conversions, by the numeric kinds).
/// In-place forms (`__iadd__`) are only defined by the mutable containers, as in CPython.
static OPS: &[(&str, Op)] = &[
    ("__repr__", Op::Repr),
    ("__str__", Op::Str),
    ("__hash__", Op::Hash),
    ("__eq__", Op::Cmp(CmpOp::Eq)),
    ("__ne__", Op::Cmp(CmpOp::Ne)),
    ("__lt__", Op::Cmp(CmpOp::Lt)),
    ("__le__", Op::Cmp(CmpOp::Le)),
    ("__gt__", Op::Cmp(CmpOp::Gt)),
    ("__ge__", Op::Cmp(CmpOp::Ge)),
    ("__bool__", Op::Bool),
    ("__len__", Op::Len),
    ("__getitem__", Op::GetItem),
    ("__setitem__", Op::SetItem),
    ("__delitem__", Op::DelItem),
    ("__contains__", Op::Contains),
    ("__iter__", Op::Iter),
    ("__next__", Op::Next),
    ("__call__", Op::Call),
    ("__add__", Op::Bin(BinOp::Add)),
    ("__sub__", Op::Bin(BinOp::Sub)),
    ("__mul__", Op::Bin(BinOp::Mul)),
    ("__truediv__", Op::Bin(BinOp::TrueDiv)),
    ("__floordiv__", Op::Bin(BinOp::FloorDiv)),
    ("__mod__", Op::Bin(BinOp::Mod)),
    ("__pow__", Op::Bin(BinOp::Pow)),
    ("__lshift__", Op::Bin(BinOp::LShift)),
    ("__rshift__", Op::Bin(BinOp::RShift)),
    ("__and__", Op::Bin(BinOp::And)),
    ("__or__", Op::Bin(BinOp::Or)),
    ("__xor__", Op::Bin(BinOp::Xor)),
    ("__radd__", Op::RBin(BinOp::Add)),
    ("__rsub__", Op::RBin(BinOp::Sub)),
    ("__rmul__", Op::RBin(BinOp::Mul)),
    ("__rtruediv__", Op::RBin(BinOp::TrueDiv)),
    ("__rfloordiv__", Op::RBin(BinOp::FloorDiv)),
    ("__rmod__", Op::RBin(BinOp::Mod)),
    ("__rpow__", Op::RBin(BinOp::Pow)),
    ("__rlshift__", Op::RBin(BinOp::LShift)),
    ("__rrshift__", Op::RBin(BinOp::RShift)),
    ("__rand__", Op::RBin(BinOp::And)),
    ("__ror__", Op::RBin(BinOp::Or)),
    ("__rxor__", Op::RBin(BinOp::Xor)),
    ("__iadd__", Op::Bin(BinOp::IAdd)),
    ("__isub__", Op::Bin(BinOp::ISub)),
    ("__imul__", Op::Bin(BinOp::IMul)),
    ("__iand__", Op::Bin(BinOp::IAnd)),
    ("__ior__", Op::Bin(BinOp::IOr)),
    ("__ixor__", Op::Bin(BinOp::IXor)),
    ("__neg__", Op::Un(UnaryOp::Neg)),
    ("__pos__", Op::Un(UnaryOp::Pos)),
    ("__invert__", Op::Un(UnaryOp::Invert)),
    ("__abs__", Op::Abs),
    ("__int__", Op::Int),
    ("__float__", Op::Float),
    ("__index__", Op::Index),
    ("__format__", Op::Format),
    ("__divmod__", Op::DivMod),
    ("__rdivmod__", Op::RDivMod),
    ("__round__", Op::Round),
    ("__trunc__", Op::Trunc),
    ("__floor__", Op::Floor),
    ("__ceil__", Op::Ceil),
    ("__reversed__", Op::Reversed),
];

fn is_sequence(t: &Type) -> bool {
    matches!(t.kind, Kind::Str | Kind::Bytes | Kind::List | Kind::Tuple)
}

fn is_number(t: &Type) -> bool {
    matches!(t.kind, Kind::Int | Kind::Bool | Kind::Float)
}

/// Which operators a built-in type's binop slot implements, as CPython's types define their
/// dunders (`__add__` but no `__radd__` on sequences, in-place forms only on mutable
/// containers, no `__sub__` on lists).
fn has_binop(t: &Type, b: BinOp, reflected: bool) -> bool {
    use BinOp::*;
    let frozen = core::ptr::eq(t, &obj::set::FROZENSET_TYPE);
    match t.kind {
        Kind::Int | Kind::Bool => !b.is_inplace() && b != MatMul,
        Kind::Float => matches!(b, Add | Sub | Mul | TrueDiv | FloorDiv | Mod | Pow),
        Kind::Str | Kind::Bytes => matches!(b, Mul | Mod) || (b == Add && !reflected),
        Kind::Tuple => b == Mul || (b == Add && !reflected),
        Kind::List => b == Mul || (matches!(b, Add | IAdd | IMul) && !reflected),
        Kind::Set | Kind::DictView => {
            matches!(b, And | Or | Xor | Sub)
                || (matches!(b, IAnd | IOr | IXor | ISub) && !reflected && !frozen && t.kind == Kind::Set)
        }
        Kind::Dict => b == Or || (b == IOr && !reflected),
        _ => true,
    }
}

/// Does the built-in type `t` itself provide `op` (a filled slot)?
fn defined(t: &Type, op: Op) -> bool {
    let s: &Slots = t.slots;
    match op {
        Op::Repr => s.repr.is_some(),
        Op::Str => s.str.is_some(),
        Op::Hash => s.hash.is_some(),
        Op::Cmp(_) => s.richcmp.is_some(),
        // CPython's str has no `__bool__` (its truth comes from its length).
        // CPython's str and Ellipsis have no `__bool__` (str's truth is its length).
        Op::Bool => s.truth.is_some() && t.kind != Kind::Str && !core::ptr::eq(t, &obj::none::ELLIPSIS_TYPE),
        Op::Len => s.len.is_some(),
        Op::GetItem => s.getitem.is_some(),
        Op::SetItem | Op::DelItem => s.setitem.is_some(),
        Op::Contains => s.contains.is_some(),
        Op::Iter => s.iter.is_some(),
        Op::Next => s.next.is_some(),
        // Functions and bound methods are called by the interpreter, not through a slot.
        Op::Call => s.call.is_some() || matches!(t.kind, Kind::Function | Kind::BoundMethod),
        Op::Bin(b) => s.binop.is_some() && has_binop(t, b, false),
        Op::RBin(b) => s.binop.is_some() && has_binop(t, b, true),
        Op::Un(u) => s.unop.is_some() && !(u == UnaryOp::Invert && t.kind == Kind::Float),
        Op::Abs | Op::Int | Op::Float => is_number(t),
        Op::Index => matches!(t.kind, Kind::Int | Kind::Bool),
        Op::Format => is_number(t) || t.kind == Kind::Str,
        Op::DivMod | Op::RDivMod | Op::Round | Op::Trunc | Op::Floor | Op::Ceil => is_number(t),
        // CPython's list, range and dict reverse; tuple and str leave it to `reversed()`.
        Op::Reversed => matches!(t.kind, Kind::List | Kind::Range | Kind::Dict | Kind::DictView),
    }
}

/// The index in `OPS` of the dunder `name`, if it is one.
pub fn op_index(name: Value) -> Option<usize> {
    // Without the feature no lookup finds a slot, so no wrapper is ever made.
    if !cfg!(feature = "slot-wrappers") {
        return None;
    }
    let s = obj::str::as_str(name)?;
    if !s.starts_with("__") {
        return None;
    }
    OPS.iter().position(|(n, _)| *n == s)
}

/// Is `OPS[i]` `__hash__`?
pub fn is_hash(i: usize) -> bool {
    matches!(OPS.get(i), Some((_, Op::Hash)))
}

/// Does the built-in type `t` provide the dunder `OPS[i]` through its slots?
pub fn provides(t: &Type, i: usize) -> bool {
    !t.is_heap() && OPS.get(i).is_some_and(|(_, op)| defined(t, *op))
}

/// The dunders the built-in type `t` provides through its slots (for `dir()`).
pub fn provided_names(t: &Type) -> impl Iterator<Item = &'static str> + '_ {
    OPS.iter().enumerate().filter(move |(i, _)| provides(t, *i)).map(|(_, (n, _))| *n)
}

/// Slot wrapper layout (unbound and bound share it).
#[repr(C)]
pub struct SlotWrapperObj {
    hdr: ObjHeader,
    /// The built-in type whose slot runs.
    pub owner: Value,
    /// Index into `OPS` (small int).
    pub op: Value,
    /// The bound instance, or NULL.
    pub self_: Value,
}

// SAFETY: repr(C), starts with ObjHeader; both wrapper types have kind SlotWrapper.
unsafe impl Layout for SlotWrapperObj {
    const KIND: Kind = Kind::SlotWrapper;
}

/// A wrapper for slot `i` of `owner`, bound to `self_` (NULL: unbound). `self_` is rooted by
/// the caller. May collect.
pub fn new(vm: &mut Vm<'_>, owner: &'static Type, i: usize, self_: Value) -> PyResult<Value> {
    if !cfg!(feature = "slot-wrappers") {
        // Not reached: without the feature `op_index` finds no slot. Said here as well so
        // that the wrapper types and their `call` are left out of the image.
        return Err(vm.raise_msg(&exc::ATTRIBUTE_ERROR_TYPE, "slot wrappers are not built in"));
    }
    let ty = if self_.is_null() { &WRAPPER_DESCRIPTOR_TYPE } else { &METHOD_WRAPPER_TYPE };
    let v = vm.alloc_obj(ty, core::mem::size_of::<SlotWrapperObj>())?;
    // SAFETY: fresh SlotWrapperObj.
    unsafe {
        let p = v.as_ptr() as *mut SlotWrapperObj;
        (*p).owner = owner.as_value();
        (*p).op = Value::small_int(i as isize);
        (*p).self_ = self_;
    }
    Ok(v)
}

fn parts(v: Value) -> Option<(&'static Type, usize, Value)> {
    let w = obj::downcast::<SlotWrapperObj>(v)?;
    Some((obj::as_type(w.owner)?, w.op.as_small_int()? as usize, w.self_))
}

fn trace(v: Value, t: &mut Tracer<'_>) {
    if let Some(w) = obj::downcast::<SlotWrapperObj>(v) {
        t.mark(w.owner);
        t.mark(w.self_);
    }
}

fn name_of(i: usize) -> &'static str {
    OPS.get(i).map(|(n, _)| *n).unwrap_or("?")
}

fn repr(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf) -> PyResult<()> {
    let Some((owner, i, s)) = parts(v) else {
        return Ok(());
    };
    if s.is_null() {
        sb.push_fmt(vm, format_args!("<slot wrapper '{}' of '{}' objects>", name_of(i), owner.name()))
    } else {
        sb.push_fmt(
            vm,
            format_args!("<method-wrapper '{}' of {} object at {:#x}>", name_of(i), obj::type_name(s), s.bits()),
        )
    }
}

fn getattr(vm: &mut Vm<'_>, v: Value, name: Value) -> PyResult<Value> {
    let Some((owner, i, s)) = parts(v) else {
        return Ok(Value::NULL);
    };
    match obj::str::as_str(name) {
        Some("__name__") => obj::str::new(vm, name_of(i)),
        Some("__qualname__") => {
            let mut sb = StrBuf::new(vm)?;
            sb.push_fmt(vm, format_args!("{}.{}", owner.name(), name_of(i)))?;
            sb.finish(vm)
        }
        Some("__self__") if !s.is_null() => Ok(s),
        Some("__objclass__") => Ok(owner.as_value()),
        _ => Ok(Value::NULL),
    }
}

fn call(vm: &mut Vm<'_>, v: Value, args: &Args<'_>) -> PyResult<Value> {
    let Some((owner, i, s)) = parts(v) else {
        return Ok(Value::NONE);
    };
    let Some(&(name, op)) = OPS.get(i) else {
        return Ok(Value::NONE);
    };
    if !args.kwnames.is_empty() && op != Op::Call {
        return Err(vm.type_error(format_args!("wrapper {name}() takes no keyword arguments")));
    }
    let (self_, rest) = if !s.is_null() {
        (s, args.pos)
    } else {
        match args.pos.split_first() {
            Some((a, rest)) => (*a, rest),
            None => {
                return Err(
                    vm.type_error(format_args!("descriptor '{name}' of '{}' object needs an argument", owner.name()))
                )
            }
        }
    };
    if !obj::is_instance(self_, owner) {
        return Err(vm.type_error(format_args!(
            "descriptor '{name}' requires a '{}' object but received a '{}'",
            owner.name(),
            obj::type_name(self_)
        )));
    }
    let want = match op {
        Op::Call => rest.len(),
        // `pow(self, other, mod)` through `__pow__(other, mod)`.
        Op::Bin(BinOp::Pow) | Op::RBin(BinOp::Pow) => rest.len().clamp(1, 2),
        Op::Cmp(_)
        | Op::GetItem
        | Op::DelItem
        | Op::Contains
        | Op::Bin(_)
        | Op::RBin(_)
        | Op::Format
        | Op::DivMod
        | Op::RDivMod => 1,
        Op::Round => rest.len().min(1),
        Op::SetItem => 2,
        _ => 0,
    };
    if rest.len() != want {
        let s = if want == 1 { "" } else { "s" };
        // CPython's wording, including the stray space it prints for two-argument slots.
        let lead = if want == 2 { " " } else { "" };
        return Err(vm.type_error(format_args!("{lead}expected {want} argument{s}, got {}", rest.len())));
    }
    run(vm, owner, op, self_, rest, args)
}

/// Run `op` through `owner`'s slots on `x` and the remaining arguments. May collect.
fn run(vm: &mut Vm<'_>, owner: &'static Type, op: Op, x: Value, rest: &[Value], args: &Args<'_>) -> PyResult<Value> {
    let sl = owner.slots;
    let a = rest.first().copied().unwrap_or(Value::NONE);
    let missing = Value::NOT_IMPLEMENTED;
    match op {
        Op::Repr | Op::Str => {
            let f = if op == Op::Repr { sl.repr } else { sl.str };
            let Some(f) = f else { return Ok(missing) };
            let mut sb = StrBuf::new(vm)?;
            f(vm, x, &mut sb)?;
            sb.finish(vm)
        }
        Op::Hash => match sl.hash {
            Some(f) => {
                let h = f(vm, x)?;
                int::from_i64(vm, h as i64)
            }
            None => Ok(missing),
        },
        Op::Cmp(c) => sl.richcmp.map_or(Ok(missing), |f| f(vm, x, a, c)),
        Op::Bool => match sl.truth {
            Some(f) => Ok(Value::bool(f(vm, x)?)),
            None => Ok(missing),
        },
        Op::Len => match sl.len {
            Some(f) => {
                let n = f(vm, x)?;
                int::from_i64(vm, n as i64)
            }
            None => Ok(missing),
        },
        Op::GetItem => sl.getitem.map_or(Ok(missing), |f| f(vm, x, a)),
        Op::SetItem | Op::DelItem => match sl.setitem {
            Some(f) => {
                let val = if op == Op::SetItem { rest.get(1).copied().unwrap_or(Value::NONE) } else { Value::NULL };
                f(vm, x, a, val)?;
                Ok(Value::NONE)
            }
            None => Ok(missing),
        },
        Op::Contains => match sl.contains {
            Some(f) => Ok(Value::bool(f(vm, x, a)?)),
            None => Ok(missing),
        },
        Op::Iter => sl.iter.map_or(Ok(missing), |f| f(vm, x)),
        Op::Next => match sl.next {
            Some(f) => match f(vm, x)? {
                Some(v) => Ok(v),
                None => Err(vm.raise_empty(&exc::STOP_ITERATION_TYPE)),
            },
            None => Ok(missing),
        },
        Op::Call => {
            let call_args = Args { pos: rest, kwnames: args.kwnames, kwvals: args.kwvals };
            match sl.call {
                Some(f) => f(vm, x, &call_args),
                None => crate::call::call_args(vm, x, &call_args),
            }
        }
        Op::Bin(BinOp::Pow) | Op::RBin(BinOp::Pow) if rest.get(1).is_some_and(|m| *m != Value::NONE) => {
            let fits = int::is_int(a) || (owner.kind == Kind::Float && obj::float::as_f64(a).is_some());
            if !fits {
                return Ok(missing);
            }
            let pow = crate::builtins::lookup(Value::qstr(&crate::qstr::pow)).unwrap_or(Value::NONE);
            let pos = if op == Op::Bin(BinOp::Pow) { [x, a, rest[1]] } else { [a, x, rest[1]] };
            crate::call::call_args(vm, pow, &Args::new(&pos))
        }
        Op::Bin(BinOp::Mul) | Op::RBin(BinOp::Mul) if is_sequence(owner) && !int::is_int(a) => {
            // Repetition converts its count first, as CPython's sequence wrappers do.
            runtime::index_arg_typed(vm, a)?;
            Ok(missing)
        }
        Op::Bin(b) => {
            let r = sl.binop.map_or(Ok(missing), |f| f(vm, b, x, a, false))?;
            if r == missing && is_sequence(owner) && matches!(b, BinOp::Add | BinOp::Mul) {
                // A sequence's concatenation and repetition raise their TypeError
                // themselves instead of returning NotImplemented, as CPython's do.
                return runtime::binary_op(vm, b, x, a);
            }
            Ok(r)
        }
        Op::RBin(b) => sl.binop.map_or(Ok(missing), |f| f(vm, b, a, x, true)),
        Op::Un(u) => sl.unop.map_or(Ok(missing), |f| f(vm, u, x)),
        Op::Abs => {
            if let Some(f) = obj::float::as_f64(x) {
                return obj::float::new(vm, f.abs());
            }
            if runtime::is_negative(x) {
                return runtime::unary_op(vm, UnaryOp::Neg, x);
            }
            int_of(x)
        }
        Op::Int | Op::Index => match obj::float::as_f64(x) {
            Some(_) => call_type(vm, &int::INT_TYPE, x),
            None => int_of(x),
        },
        Op::Float => call_type(vm, &obj::float::FLOAT_TYPE, x),
        Op::DivMod | Op::RDivMod => {
            // NotImplemented unless the other operand is a number this type mixes with
            // (int with int; float with int or float), as CPython's number slots.
            let fits = int::is_int(a) || (owner.kind == Kind::Float && obj::float::as_f64(a).is_some());
            if !fits {
                return Ok(missing);
            }
            let (n, d) = if op == Op::DivMod { (x, a) } else { (a, x) };
            divmod(vm, n, d)
        }
        Op::Round => {
            let round = crate::builtins::lookup(Value::qstr(&crate::qstr::round)).unwrap_or(Value::NONE);
            let pos = [x, a];
            crate::call::call_args(vm, round, &Args::new(&pos[..1 + rest.len()]))
        }
        Op::Trunc | Op::Floor | Op::Ceil => match obj::float::as_f64(x) {
            Some(f) => {
                let g = match op {
                    Op::Trunc => libm::trunc(f),
                    Op::Floor => libm::floor(f),
                    _ => libm::ceil(f),
                };
                crate::numfmt::float_to_int(vm, g)
            }
            None => int_of(x),
        },
        Op::Reversed => call_type(vm, &obj::iter::REVERSED_TYPE, x),
        Op::Format => {
            let Some(spec) = obj::str::as_str(a) else {
                return Err(vm.type_error(format_args!("__format__() argument must be str, not {}", obj::type_name(a))));
            };
            let mut sb = StrBuf::new(vm)?;
            crate::strformat::format_builtin_into(vm, x, spec, &mut sb)?;
            sb.finish(vm)
        }
    }
}

/// `divmod(n, d)` as `(n // d, n % d)` (what CPython's int and float divmod compute), with
/// float divmod's own ZeroDivisionError message. May collect.
fn divmod(vm: &mut Vm<'_>, n: Value, d: Value) -> PyResult<Value> {
    let float = obj::float::as_f64(n).is_some() || obj::float::as_f64(d).is_some();
    if float && obj::float::as_f64(d).or_else(|| int::small_value(d).map(|i| i as f64)) == Some(0.0) {
        return Err(vm.raise_msg(&exc::ZERO_DIVISION_ERROR_TYPE, "float divmod()"));
    }
    let m = vm.roots_mark();
    let r = (|| {
        let q = runtime::binary_op(vm, BinOp::FloorDiv, n, d)?;
        vm.push_root(q)?;
        let r = runtime::binary_op(vm, BinOp::Mod, n, d)?;
        vm.push_root(r)?;
        obj::tuple::new(vm, &[q, r])
    })();
    vm.pop_roots(m);
    r
}

/// An int (or bool) as a plain int.
fn int_of(x: Value) -> PyResult<Value> {
    Ok(match int::small_value(x) {
        Some(i) if !x.is_small_int() => Value::small_int(i as isize),
        _ => x,
    })
}

/// `ty(x)` through the type's constructor slot. May collect.
fn call_type(vm: &mut Vm<'_>, ty: &'static Type, x: Value) -> PyResult<Value> {
    match ty.slots.new {
        Some(f) => f(vm, ty.as_value(), &Args::new(&[x])),
        None => Ok(Value::NOT_IMPLEMENTED),
    }
}

static SLOTS: Slots =
    Slots { trace: Some(trace), repr: Some(repr), call: Some(call), getattr: Some(getattr), ..Slots::EMPTY };

static Q_WRAPPER_DESCRIPTOR: Qstr<18> = Qstr::new(*b"wrapper_descriptor");
static Q_METHOD_WRAPPER: Qstr<14> = Qstr::new(*b"method-wrapper");

/// `wrapper_descriptor`: a slot wrapper read from a type (`int.__add__`).
pub static WRAPPER_DESCRIPTOR_TYPE: Type =
    Type::builtin(&Q_WRAPPER_DESCRIPTOR, Some(&obj::class::OBJECT_TYPE), Kind::SlotWrapper, 0, &SLOTS, &[]);

/// `method-wrapper`: a slot wrapper bound to an instance (`(3).__add__`).
pub static METHOD_WRAPPER_TYPE: Type =
    Type::builtin(&Q_METHOD_WRAPPER, Some(&obj::class::OBJECT_TYPE), Kind::SlotWrapper, 0, &SLOTS, &[]);
