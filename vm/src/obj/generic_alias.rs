//! `types.GenericAlias`: what subscribing a generic built-in class gives (`list[int]`,
//! `dict[str, list[int]]`), as in annotations. It prints as written, calls its origin, is
//! compared by origin and arguments, and reads every other attribute from the origin.
//!
//! ```text
//!  AliasObj  ObjHeader | origin Value (the class) | args Value (tuple)
//! ```

use frostbyte_format::CmpOp;

use super::{Args, Kind, Slots, Type};
use crate::heap::Tracer;
use crate::obj::{self, str::StrBuf};
use crate::rom::ObjHeader;
use crate::runtime;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

crate::static_qstr!(Q_GENERIC_ALIAS, "GenericAlias");
crate::static_qstr!(Q_TYPES, "types");

/// Alias layout.
#[repr(C)]
struct AliasObj {
    hdr: ObjHeader,
    origin: Value,
    args: Value,
}

fn as_alias(v: Value) -> Option<&'static AliasObj> {
    // SAFETY: objects of GENERIC_ALIAS_TYPE are AliasObj objects made by `new`.
    (v.is_obj() && core::ptr::eq(obj::type_of(v), &GENERIC_ALIAS_TYPE))
        .then(|| unsafe { &*(v.as_ptr() as *const AliasObj) })
}

/// Is `v` a generic alias?
pub fn is_alias(v: Value) -> bool {
    as_alias(v).is_some()
}

/// The class an alias subscribes (`list` for `list[int]`), for a class statement's bases
/// (CPython's `__mro_entries__`).
pub fn origin(v: Value) -> Option<Value> {
    as_alias(v).map(|a| a.origin)
}

/// The built-in classes that subscript to an alias (CPython 3.11's with `__class_getitem__`).
fn is_generic(t: &Type) -> bool {
    let generic: [&Type; 9] = [
        &obj::list::LIST_TYPE,
        &obj::dict::DICT_TYPE,
        &obj::tuple::TUPLE_TYPE,
        &obj::set::SET_TYPE,
        &obj::set::FROZENSET_TYPE,
        &obj::class::TYPE_TYPE,
        &obj::iter::ENUMERATE_TYPE,
        &obj::exception_group::BASE_EXCEPTION_GROUP_TYPE,
        &obj::exception_group::EXCEPTION_GROUP_TYPE,
    ];
    generic.iter().any(|g| core::ptr::eq(*g, t))
}

/// `cls[k]` for a class without `__class_getitem__`: an alias for the generic built-ins,
/// TypeError otherwise. May collect.
pub fn subscript(vm: &mut Vm<'_>, cls: Value, k: Value) -> PyResult<Value> {
    let generic = obj::as_type(cls).is_some_and(|t| !t.is_heap() && is_generic(t));
    if !generic {
        let name = obj::as_type(cls).map_or("?", |t| t.name());
        return Err(vm.type_error(format_args!("type '{name}' is not subscriptable")));
    }
    new(vm, cls, k)
}

/// `GenericAlias(origin, args)` (`args` a tuple, or one argument). May collect.
pub fn new(vm: &mut Vm<'_>, origin: Value, args: Value) -> PyResult<Value> {
    let m = vm.roots_mark();
    let r = (|| {
        vm.push_root(origin)?;
        let args = if obj::tuple::items(args).is_some() { args } else { obj::tuple::new(vm, &[args])? };
        vm.push_root(args)?;
        let v = vm.alloc_obj(&GENERIC_ALIAS_TYPE, core::mem::size_of::<AliasObj>())?;
        // SAFETY: a fresh AliasObj allocation; no other reference to it exists yet.
        unsafe {
            let p = v.as_ptr() as *mut AliasObj;
            (*p).origin = origin;
            (*p).args = args;
        }
        Ok(v)
    })();
    vm.pop_roots(m);
    r
}

fn trace(v: Value, t: &mut Tracer<'_>) {
    if let Some(a) = as_alias(v) {
        t.mark(a.origin);
        t.mark(a.args);
    }
}

/// One argument as CPython's `ga_repr_item` writes it: `...`, a class by its (qualified)
/// name, anything else by its repr.
fn repr_item(vm: &mut Vm<'_>, x: Value, sb: &mut StrBuf) -> PyResult<()> {
    if x == Value::ELLIPSIS {
        return sb.push(vm, "...");
    }
    if as_alias(x).is_none() {
        if let Some(t) = obj::as_type(x) {
            match obj::class::module_prefix(t) {
                Some(m) if m != "builtins" => sb.push_fmt(vm, format_args!("{m}.{}", t.name()))?,
                _ => sb.push(vm, t.name())?,
            }
            return Ok(());
        }
    }
    runtime::repr_into(vm, x, sb)
}

fn repr(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf) -> PyResult<()> {
    let Some(a) = as_alias(v) else { return Ok(()) };
    repr_item(vm, a.origin, sb)?;
    sb.push(vm, "[")?;
    let items = obj::tuple::items(a.args).unwrap_or(&[]);
    if items.is_empty() {
        sb.push(vm, "()")?;
    }
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            sb.push(vm, ", ")?;
        }
        vm.stack_guard(crate::vm::Recursion::Repr)?;
        repr_item(vm, *x, sb)?;
    }
    sb.push(vm, "]")
}

fn getattr(vm: &mut Vm<'_>, v: Value, name: Value) -> PyResult<Value> {
    let Some(a) = as_alias(v) else { return Ok(Value::NULL) };
    match obj::str::as_str(name) {
        Some("__origin__") => Ok(a.origin),
        Some("__args__") => Ok(a.args),
        Some("__parameters__") => Ok(obj::tuple::empty()),
        Some("__class__") => Ok(GENERIC_ALIAS_TYPE.as_value()),
        Some("__mro_entries__" | "__reduce__" | "__reduce_ex__" | "__copy__" | "__deepcopy__") => Ok(Value::NULL),
        _ => runtime::get_attr_opt(vm, a.origin, name).map(|r| r.unwrap_or(Value::NULL)),
    }
}

fn call(vm: &mut Vm<'_>, v: Value, args: &Args<'_>) -> PyResult<Value> {
    let Some(a) = as_alias(v) else { return Ok(Value::NONE) };
    crate::call::call_args(vm, a.origin, args)
}

fn richcmp(vm: &mut Vm<'_>, x: Value, y: Value, op: CmpOp) -> PyResult<Value> {
    let (Some(a), Some(b)) = (as_alias(x), as_alias(y)) else { return Ok(Value::NOT_IMPLEMENTED) };
    let same = match op {
        CmpOp::Eq | CmpOp::Ne => a.origin == b.origin && runtime::eq(vm, a.args, b.args)?,
        _ => return Ok(Value::NOT_IMPLEMENTED),
    };
    Ok(Value::bool(same == matches!(op, CmpOp::Eq)))
}

fn hash(vm: &mut Vm<'_>, v: Value) -> PyResult<isize> {
    let Some(a) = as_alias(v) else { return Ok(0) };
    let h0 = runtime::hash(vm, a.origin)?;
    let h1 = runtime::hash(vm, a.args)?;
    Ok(h0 ^ h1)
}

static SLOTS: Slots = Slots {
    trace: Some(trace),
    repr: Some(repr),
    getattr: Some(getattr),
    call: Some(call),
    richcmp: Some(richcmp),
    hash: Some(hash),
    ..Slots::EMPTY
};

static NS_TABLE: crate::rom::DictTable<2> =
    crate::rom::DictTable::new([Value::qstr(&crate::qstr::__module__), Value::qstr(&Q_TYPES)]);
static NS: crate::rom::Dict = crate::rom::Dict::new(&NS_TABLE);

/// `types.GenericAlias`.
pub static GENERIC_ALIAS_TYPE: Type =
    Type::builtin(&Q_GENERIC_ALIAS, Some(&obj::class::OBJECT_TYPE), Kind::Misc, 0, &SLOTS, &[]).in_module(&NS);
