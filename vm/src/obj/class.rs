//! `type` and `object`, and classes created by `class` statements (heap `Type`s).
//!
//! A heap class is a `Type` (see `obj/mod.rs`) followed by one extra word, a raw heap buffer
//! (NULL until needed) holding its MRO tuple and its instances' *keys table*:
//! ```text
//!  HeapType  Type (flags HEAP, dict = namespace, slots = instance::USER_SLOTS) | ext *mut usize
//!  ext       mro Value | nkeys usize | keys [Value; cap]     (raw buffer; cap from its size)
//! ```
//! `mro` is NULL for a class with a single base: its MRO is itself followed by its base's MRO.
//! The keys table lists the attribute names (qstrs) that instances of exactly this class have
//! stored, in first-seen order, append-only, at most [`MAX_INSTANCE_KEYS`]: an instance keeps
//! one value per key index (see `obj/instance.rs`). The class's trace marks the buffer.
//! Attribute lookup walks the MRO: heap classes by their dict, built-in types by their
//! method table.

use frostbyte_format::CmpOp;

use super::builtin::Binding;
use super::{flags, Args, Builtin, Kind, Slots, Type};
use crate::heap::Tracer;
use crate::obj::{self, exception as exc, str::StrBuf};
use crate::qstr;
use crate::rom::ObjHeader;
use crate::runtime;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

const TYPE_SIZE: usize = core::mem::size_of::<Type>();

const W: usize = core::mem::size_of::<usize>();

/// Most attribute names one class's keys table holds; instances of a class whose table is
/// full store further names in a dict (`obj/instance.rs`).
pub const MAX_INSTANCE_KEYS: usize = 32;

/// The extension buffer of a heap class (null for built-in types and until first needed).
fn ext_of(t: &Type) -> *mut usize {
    if !t.is_heap() {
        return core::ptr::null_mut();
    }
    // SAFETY: heap classes are allocated with one extra word after the Type (see `new_class`).
    unsafe { *((t as *const Type as *const u8).add(TYPE_SIZE) as *const *mut usize) }
}

/// Store the extension buffer of the heap class `cls`.
///
/// The write goes through `cls`'s raw pointer, never through a `&Type`: the extra word lies
/// outside the `Type` struct, and code holding a `&Type` may assume the memory it reaches is
/// not written (callers get `cls` from a type pointer loaded from memory, e.g. `type_of`).
fn set_ext(cls: Value, p: *mut usize) {
    if obj::as_type(cls).is_some_and(|t| t.is_heap()) {
        // SAFETY: heap classes are allocated with one extra word after the Type (see
        // `new_class`); the class is a heap object owned by the single VM.
        unsafe { *((cls.as_ptr() as *mut u8).add(TYPE_SIZE) as *mut *mut usize) = p };
    }
}

/// The MRO tuple of a heap class (NULL for built-in types and single-base classes).
pub fn mro_of(t: &Type) -> Value {
    let ext = ext_of(t);
    if ext.is_null() {
        return Value::NULL;
    }
    // SAFETY: a non-null ext buffer starts with the MRO word.
    unsafe { *(ext as *const Value) }
}

/// The instance keys table of `t`: attribute names in key-index order (empty for built-in
/// types). Valid until the next call that may collect or add a key.
pub fn instance_keys(t: &Type) -> &'static [Value] {
    let ext = ext_of(t);
    if ext.is_null() {
        return &[];
    }
    // SAFETY: a non-null ext buffer holds mro, nkeys and at least nkeys keys (written by
    // `add_instance_key`); it lives as long as the class, which outlives this borrow's uses.
    unsafe { core::slice::from_raw_parts(ext.add(2) as *const Value, *ext.add(1)) }
}

/// Append `name` (a qstr) to the keys table of heap class `cls` and return its index;
/// `Ok(None)` if the table is full or `cls` is not a heap class. `cls` must be reachable
/// (rooted, or the class of a rooted instance). May collect.
pub fn add_instance_key(vm: &mut Vm<'_>, cls: Value, name: Value) -> PyResult<Option<usize>> {
    let Some(t) = obj::as_type(cls).filter(|t| t.is_heap()) else { return Ok(None) };
    let n = instance_keys(t).len();
    if n >= MAX_INSTANCE_KEYS {
        return Ok(None);
    }
    let mut ext = ext_of(t);
    let cap = if ext.is_null() { 0 } else { (vm.heap.alloc_size(ext as *const u8) / W).saturating_sub(2) };
    if n >= cap {
        // Grow to the blocks that hold one more key: classes learn their keys in their first
        // instance's `__init__` and then stop, so a tight table wastes at most one word.
        // `realloc` keeps the MRO and the keys.
        let bytes = (2 + n + 1) * W;
        ext = vm.realloc(ext as *mut u8, bytes, false)? as *mut usize;
        set_ext(cls, ext);
    }
    // SAFETY: ext holds more than 2 + n words (grown above if needed): key slot n is within
    // it, and nkeys is its second word.
    unsafe {
        *(ext.add(2 + n) as *mut Value) = name;
        *ext.add(1) = n + 1;
    }
    Ok(Some(n))
}

/// Call `f` for each type of `t`'s MRO, in order, until it returns `Some`. A class with one
/// base stores no MRO tuple: its MRO is itself followed by its base's MRO.
pub fn mro_find<R>(t: &'static Type, mut f: impl FnMut(&'static Type) -> Option<R>) -> Option<R> {
    let mut cur = Some(t);
    while let Some(ty) = cur {
        if let Some(items) = obj::tuple::items(mro_of(ty)) {
            for x in items {
                if let Some(ty) = obj::as_type(*x) {
                    if let Some(r) = f(ty) {
                        return Some(r);
                    }
                }
            }
            return None;
        }
        if core::ptr::eq(ty, &obj::exception_group::EXCEPTION_GROUP_TYPE) {
            // The one built-in type with two bases: its MRO is a static list.
            return obj::exception_group::EXCEPTION_GROUP_MRO.iter().find_map(|x| f(x));
        }
        if let Some(r) = f(ty) {
            return Some(r);
        }
        cur = ty.base();
    }
    None
}

/// Is `t` a subclass of `of` (through the full MRO)?
pub fn is_subclass(t: &'static Type, of: &Type) -> bool {
    mro_find(t, |x| if core::ptr::eq(x, of) { Some(()) } else { None }).is_some()
}

/// Find `name` in the method table of a built-in type.
pub fn find_method(t: &Type, name: Value) -> Option<&'static Builtin> {
    // The name's hash once; an entry's text is compared only when its hash matches.
    let h = obj::str::hash_of(name);
    for b in t.methods {
        if b.name == name || (obj::str::hash_of(b.name) == h && obj::str::eq(b.name, name)) {
            // SAFETY: method tables are 'static slices.
            return Some(unsafe { &*(b as *const Builtin) });
        }
    }
    None
}

/// Look `name` up in `t`'s own dict or method table (no MRO walk).
pub fn own_lookup(t: &Type, name: Value) -> Option<Value> {
    if t.is_heap() {
        return obj::dict::get_str(t.dict, name);
    }
    find_method(t, name).map(|b| b.as_value()).or_else(|| crate::api::native_class_method(t, name))
}

/// Look `name` up along `t`'s MRO. Returns the raw class attribute.
pub fn lookup(t: &'static Type, name: Value) -> Option<Value> {
    mro_find(t, |x| own_lookup(x, name))
}

/// What a name resolves to on a type's MRO (see [`find`]).
#[derive(Clone, Copy)]
pub enum Found {
    /// A class attribute (dict entry or method-table entry).
    Attr(Value),
    /// A built-in type's operation slot behind a dunder (`obj::slot_wrapper::OPS` index).
    Slot(&'static Type, usize),
}

/// Look `name` up along `t`'s MRO, starting after the class `after` when it is not NULL
/// (`super()`). Unlike [`lookup`], a built-in type that has no method `name` but fills the
/// slot behind that dunder answers with the slot (`int.__add__`), and an unhashable built-in
/// type answers `__hash__` with None. Never allocates.
pub fn find(t: &'static Type, name: Value, after: Value) -> Option<Found> {
    // The dunder's index, looked up once and only when a built-in type lacks the name.
    let mut op: Option<Option<usize>> = None;
    let mut seen = after.is_null();
    mro_find(t, |x| {
        if !seen {
            seen = x.as_value() == after;
            return None;
        }
        if let Some(a) = own_lookup(x, name) {
            return Some(Found::Attr(a));
        }
        if x.is_heap() {
            return None;
        }
        let i = (*op.get_or_insert_with(|| obj::slot_wrapper::op_index(name)))?;
        if obj::slot_wrapper::is_hash(i) && x.flags & flags::UNHASHABLE != 0 {
            return Some(Found::Attr(Value::NONE));
        }
        obj::slot_wrapper::provides(x, i).then_some(Found::Slot(x, i))
    })
}

/// The nearest built-in type in `t`'s MRO (the one whose slots implement the layout).
pub fn static_base(t: &'static Type) -> &'static Type {
    mro_find(t, |x| if x.is_heap() { None } else { Some(x) }).unwrap_or(&OBJECT_TYPE)
}

fn trace(v: Value, tr: &mut Tracer<'_>) {
    let Some(t) = obj::as_type(v) else { return };
    if !t.is_heap() {
        return;
    }
    tr.mark(t.name);
    tr.mark(t.dict);
    let ext = ext_of(t);
    if !ext.is_null() {
        tr.mark_buffer(ext as *const u8);
        tr.mark(mro_of(t));
        // Keys are qstrs (never heap objects); marking them keeps that an implementation detail.
        tr.mark_all(instance_keys(t));
    }
    // SAFETY: a type value of a heap class is a heap Type; base is a Type pointer.
    tr.mark(unsafe { Value::from_obj_ptr(t.base as *const u8) });
}

/// `module.Name` qualifier for class reprs and traceback headers ("" for builtins/__main__).
pub fn module_prefix(t: &Type) -> Option<&'static str> {
    if !t.is_heap() && t.dict.is_null() {
        return None;
    }
    let m = obj::dict::get_str(t.dict, Value::qstr(&qstr::__module__))?;
    let s = obj::str::as_str(m)?;
    if s == "builtins" {
        None
    } else {
        Some(s)
    }
}

fn repr(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf) -> PyResult<()> {
    let Some(t) = obj::as_type(v) else { return Ok(()) };
    sb.push(vm, "<class '")?;
    if let Some(m) = module_prefix(t) {
        sb.push(vm, m)?;
        sb.push(vm, ".")?;
    }
    let q = if t.is_heap() { obj::dict::get_str(t.dict, Value::qstr(&qstr::__qualname__)) } else { None };
    sb.push(vm, q.and_then(obj::str::as_str).unwrap_or(t.name()))?;
    sb.push(vm, "'>")
}

/// `cls(*args)`: create an instance (for built-in and heap classes). May collect.
fn call(vm: &mut Vm<'_>, cls: Value, args: &Args<'_>) -> PyResult<Value> {
    let Some(t) = obj::as_type(cls) else { return Ok(Value::NONE) };
    if core::ptr::eq(t, &TYPE_TYPE) && args.pos.len() == 1 && args.kwnames.is_empty() {
        return Ok(obj::type_of(args.pos[0]).as_value());
    }
    if !t.is_heap() {
        return match t.slots.new {
            Some(f) => f(vm, cls, args),
            None => Err(vm.type_error(format_args!("cannot create '{}' instances", t.name()))),
        };
    }
    let inst = obj::instance::new_instance(vm, t, args)?;
    let m = vm.roots_mark();
    vm.push_root(inst)?;
    if obj::is_instance(inst, t) {
        if let Some(init) = obj::instance::user_init(t) {
            let r = runtime::call_with_self(vm, init, inst, args)?;
            if r != Value::NONE {
                return Err(vm.type_error(format_args!("__init__() should return None, not '{}'", obj::type_name(r))));
            }
        } else if args.pos.len() + args.kwnames.len() > 0 && obj::instance::takes_no_args(t) {
            return Err(vm.type_error(format_args!("{}() takes no arguments", t.name())));
        }
    }
    vm.pop_roots(m);
    Ok(inst)
}

/// Compute the C3 linearization of a new class with `bases`. Returns a list. May collect.
fn c3_mro(vm: &mut Vm<'_>, cls: Value, bases: &[Value]) -> PyResult<Value> {
    // Sequences to merge: MRO of each base, then the bases list.
    let out = obj::list::from_slice(vm, &[cls])?;
    let m = vm.roots_mark();
    vm.push_root(out)?;
    let seqs = obj::list::with_capacity(vm, bases.len() + 1)?;
    vm.push_root(seqs)?;
    for b in bases {
        let bt = obj::as_type(*b).ok_or_else(|| vm.type_error(format_args!("bases must be types")))?;
        let l = obj::list::with_capacity(vm, 4)?;
        vm.push_root(l)?;
        let mut items: [Value; 32] = [Value::NULL; 32];
        let mut n = 0;
        mro_find(bt, |x| {
            if n < 32 {
                items[n] = x.as_value();
                n += 1;
            }
            None::<()>
        });
        for x in &items[..n] {
            obj::list::append(vm, l, *x)?;
        }
        obj::list::append(vm, seqs, l)?;
    }
    let bl = obj::list::from_slice(vm, bases)?;
    obj::list::append(vm, seqs, bl)?;
    loop {
        let ns = obj::list::as_list(seqs).map(|l| l.len()).unwrap_or(0);
        let mut any = false;
        let mut cand = Value::NULL;
        for i in 0..ns {
            let s = obj::list::as_list(seqs).and_then(|l| l.get(i)).unwrap_or(Value::NONE);
            let Some(head) = obj::list::as_list(s).and_then(|l| l.get(0)) else { continue };
            any = true;
            // head must not appear in the tail of any sequence
            let mut ok = true;
            for j in 0..ns {
                let s2 = obj::list::as_list(seqs).and_then(|l| l.get(j)).unwrap_or(Value::NONE);
                if let Some(l2) = obj::list::as_list(s2) {
                    for k in 1..l2.len() {
                        if l2.get(k) == Some(head) {
                            ok = false;
                        }
                    }
                }
            }
            if ok {
                cand = head;
                break;
            }
        }
        if !any {
            break;
        }
        if cand.is_null() {
            return Err(vm.type_error(format_args!("Cannot create a consistent method resolution order (MRO)")));
        }
        obj::list::append(vm, out, cand)?;
        for i in 0..ns {
            let s = obj::list::as_list(seqs).and_then(|l| l.get(i)).unwrap_or(Value::NONE);
            if obj::list::as_list(s).and_then(|l| l.get(0)) == Some(cand) {
                obj::list::remove_at(s, 0);
            }
        }
    }
    vm.pop_roots(m);
    Ok(out)
}

/// Create a class `name(bases)` with namespace `ns` (all rooted by the caller), of metaclass
/// `type`, without the class-creation hooks. May collect.
#[cfg(test)]
pub fn new_class(vm: &mut Vm<'_>, name: Value, bases: &[Value], ns: Value) -> PyResult<Value> {
    alloc_class(vm, &TYPE_TYPE, name, bases, ns)
}

crate::static_qstr!(Q_SET_NAME, "__set_name__");
crate::static_qstr!(Q_SLOTS, "__slots__");
crate::static_qstr!(Q_CLASS_GETITEM, "__class_getitem__");

/// The metaclass a class statement uses: the most derived of `meta` (the explicit
/// `metaclass=`, NULL if none) and the metaclasses of `bases`. A `meta` that is not a class
/// (a function) is used as it is. Bases that are not classes are left to `type.__new__`'s
/// own checks.
pub fn calc_meta(vm: &mut Vm<'_>, meta: Value, bases: &[Value]) -> PyResult<Value> {
    let mut winner: &'static Type = if meta.is_null() {
        bases.iter().find(|b| obj::as_type(**b).is_some()).map(|b| obj::type_of(*b)).unwrap_or(&TYPE_TYPE)
    } else {
        match obj::as_type(meta) {
            Some(t) => t,
            None => return Ok(meta),
        }
    };
    for b in bases.iter().filter(|b| obj::as_type(**b).is_some()) {
        let bt = obj::type_of(*b);
        if is_subclass(winner, bt) {
            continue;
        }
        if is_subclass(bt, winner) {
            winner = bt;
            continue;
        }
        return Err(vm.type_error(format_args!(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases"
        )));
    }
    Ok(winner.as_value())
}

/// The end of a class statement: `meta(name, bases, ns, **kw)` with the metaclass from
/// [`calc_meta`] (`meta` the explicit one, NULL if none). Everything rooted by the caller.
/// May collect.
pub fn make_class(
    vm: &mut Vm<'_>,
    meta: Value,
    name: Value,
    bases: &[Value],
    ns: Value,
    kw: &Args<'_>,
) -> PyResult<Value> {
    let meta = calc_meta(vm, meta, bases)?;
    if meta == TYPE_TYPE.as_value() {
        return type_new(vm, &TYPE_TYPE, name, bases, ns, kw);
    }
    let m = vm.roots_mark();
    vm.push_root(meta)?;
    let r = (|| {
        let bt = obj::tuple::new(vm, bases)?;
        vm.push_root(bt)?;
        let pos = [name, bt, ns];
        runtime::call_args(vm, meta, &Args { pos: &pos, kwnames: kw.kwnames, kwvals: kw.kwvals })
    })();
    vm.pop_roots(m);
    r
}

/// `type.__new__(meta, name, bases, ns, **kw)`: the class (of metaclass `meta`), then
/// `__set_name__` on the namespace's values that define it, then the parent's
/// `__init_subclass__(**kw)` (an implicit classmethod). Everything rooted by the caller.
/// May collect.
pub fn type_new(
    vm: &mut Vm<'_>,
    meta: &'static Type,
    name: Value,
    bases: &[Value],
    ns: Value,
    kw: &Args<'_>,
) -> PyResult<Value> {
    let cls = alloc_class(vm, meta, name, bases, ns)?;
    let m = vm.roots_mark();
    vm.push_root(cls)?;
    let r = class_hooks(vm, cls, kw);
    vm.pop_roots(m);
    r.map(|()| cls)
}

fn class_hooks(vm: &mut Vm<'_>, cls: Value, kw: &Args<'_>) -> PyResult<()> {
    let Some(t) = obj::as_type(cls) else { return Ok(()) };
    // __set_name__, re-reading the namespace at each step (a hook may change it).
    let mut i = 0;
    while let Some((k, v)) = obj::dict::as_dict(t.dict).and_then(|d| d.entry(i)) {
        i += 1;
        if k.is_null() || !obj::type_of(v).is_heap() {
            continue;
        }
        let Some(f) = lookup(obj::type_of(v), Value::qstr(&Q_SET_NAME)) else { continue };
        let m = vm.roots_mark();
        vm.push_root(k)?;
        vm.push_root(v)?;
        let r = runtime::call_with_self(vm, f, v, &Args::new(&[cls, k]));
        vm.pop_roots(m);
        if r.is_err() {
            // CPython 3.11 wraps the error in a RuntimeError whose cause it is.
            let cause = vm.take_pending();
            let m = vm.roots_mark();
            vm.push_root(cause)?;
            let e = vm.raise_fmt(
                &exc::RUNTIME_ERROR_TYPE,
                format_args!(
                    "Error calling __set_name__ on '{}' instance '{}' in '{}'",
                    obj::type_name(v),
                    obj::str::as_str(k).unwrap_or("?"),
                    t.name()
                ),
            );
            let new = vm.pending();
            exc::set_cause(vm, new, cause);
            vm.pop_roots(m);
            return Err(e);
        }
    }
    // The parent's __init_subclass__, bound to the new class.
    match find(t, Value::qstr(&Q_INIT_SUBCLASS), cls) {
        Some(Found::Attr(a)) if obj::downcast::<Builtin>(a).is_none() => {
            let f = obj::descriptor::classmethod_func(a).unwrap_or(a);
            runtime::call_with_self(vm, f, cls, kw)?;
        }
        _ => {
            if !kw.kwnames.is_empty() {
                return Err(vm.type_error(format_args!("{}.__init_subclass__() takes no keyword arguments", t.name())));
            }
        }
    }
    Ok(())
}

/// `cls[k]` for a class whose metaclass has no `__getitem__`: the class's
/// `__class_getitem__` (an implicit classmethod), or `None` if it has none.
pub fn class_getitem(vm: &mut Vm<'_>, cls: Value, k: Value) -> PyResult<Option<Value>> {
    let Some(t) = obj::as_type(cls) else { return Ok(None) };
    let Some(a) = lookup(t, Value::qstr(&Q_CLASS_GETITEM)) else { return Ok(None) };
    let f = obj::descriptor::classmethod_func(a).unwrap_or(a);
    runtime::call_with_self(vm, f, cls, &Args::new(&[k])).map(Some)
}

/// [`new_class`] with metaclass `meta`. May collect.
fn alloc_class(vm: &mut Vm<'_>, meta: &'static Type, name: Value, bases: &[Value], ns: Value) -> PyResult<Value> {
    let object = OBJECT_TYPE.as_value();
    let bases_v: &[Value] = if bases.is_empty() { core::slice::from_ref(&object) } else { bases };
    for (i, b) in bases_v.iter().enumerate() {
        if bases_v[..i].contains(b) {
            let n = obj::as_type(*b).map(|t| t.name()).unwrap_or("?");
            return Err(vm.type_error(format_args!("duplicate base class {n}")));
        }
    }
    // The layout (kind) comes from the first base with a non-object layout.
    let mut kind = Kind::Object;
    for b in bases_v {
        let Some(bt) = obj::as_type(*b) else {
            return Err(vm.type_error(format_args!("bases must be types")));
        };
        if bt.flags & flags::BASETYPE == 0 {
            return Err(vm.type_error(format_args!("type '{}' is not an acceptable base type", bt.name())));
        }
        if bt.kind != Kind::Object {
            if kind != Kind::Object && kind != bt.kind {
                return Err(vm.type_error(format_args!("multiple bases have instance lay-out conflict")));
            }
            kind = bt.kind;
        }
    }
    // A class that defines __eq__ but not __hash__ gets `__hash__ = None` (unhashable).
    let eq_name = Value::qstr(&qstr::__eq__);
    let hash_name = Value::qstr(&qstr::__hash__);
    if obj::dict::get_str(ns, eq_name).is_some() && obj::dict::get_str(ns, hash_name).is_none() {
        obj::dict::set_str(vm, ns, hash_name, Value::NONE)?;
    }
    obj::dict::shrink(vm, ns);
    // __slots__: the names (a str is one name), checked before the class exists.
    let slots = match obj::dict::get_str(ns, Value::qstr(&Q_SLOTS)) {
        Some(sl) if obj::str::is_str(sl) => obj::tuple::new(vm, &[sl])?,
        Some(sl) => obj::list::from_iter(vm, sl)?,
        None => Value::NULL,
    };
    let sm = vm.roots_mark();
    vm.push_root(slots)?;
    let mut no_dict = 0;
    // Slot words: the bases' (one base with slots at most), then this class's own.
    let mut base_slots = 0u32;
    for b in bases_v {
        let n = obj::as_type(*b).filter(|t| t.is_heap()).map(|t| t.flags >> flags::SLOTS_SHIFT).unwrap_or(0);
        if n != 0 && base_slots != 0 && n != base_slots {
            vm.pop_roots(sm);
            return Err(vm.type_error(format_args!("multiple bases have instance lay-out conflict")));
        }
        base_slots = base_slots.max(n);
    }
    let mut own_slots = 0u32;
    if !slots.is_null() {
        let items = |i: usize| {
            obj::tuple::items(slots)
                .or_else(|| obj::list::as_list(slots).map(|l| l.as_slice()))
                .and_then(|x| x.get(i).copied())
        };
        let mut with_dict = false;
        let mut i = 0;
        while let Some(n) = items(i) {
            i += 1;
            let Some(text) = obj::str::as_str(n) else {
                vm.pop_roots(sm);
                return Err(vm.type_error(format_args!("__slots__ items must be strings, not '{}'", obj::type_name(n))));
            };
            if text == "__dict__" {
                with_dict = true;
            } else if text != "__weakref__" {
                if obj::dict::get_str(ns, n).is_some() {
                    vm.pop_roots(sm);
                    return Err(vm.value_error(format_args!("'{text}' in __slots__ conflicts with class variable")));
                }
                own_slots += 1;
            }
        }
        let bases_ok =
            bases_v.iter().all(|b| obj::as_type(*b).is_some_and(|t| !t.is_heap() || t.flags & flags::NO_DICT != 0));
        if !with_dict && bases_ok {
            no_dict = flags::NO_DICT;
        }
    }
    let ga_name = Value::qstr(&Q_GETATTRIBUTE);
    let ga = if obj::dict::get_str(ns, ga_name).is_some()
        || bases_v.iter().any(|b| obj::as_type(*b).is_some_and(|t| t.flags & flags::GETATTRIBUTE != 0))
    {
        flags::GETATTRIBUTE
    } else {
        0
    };
    let v = vm.alloc_obj(meta, TYPE_SIZE + core::mem::size_of::<Value>())?;
    vm.push_root(v)?;
    let base = obj::as_type(bases_v[0]).map(|t| t as *const Type).unwrap_or(&OBJECT_TYPE);
    // SAFETY: v is a fresh allocation of TYPE_SIZE + one word; we initialise every field
    // before the class escapes.
    unsafe {
        let p = v.as_ptr() as *mut Type;
        core::ptr::addr_of_mut!((*p).name).write(name);
        core::ptr::addr_of_mut!((*p).base).write(base);
        core::ptr::addr_of_mut!((*p).slots).write(&obj::instance::USER_SLOTS);
        core::ptr::addr_of_mut!((*p).methods).write(&[]);
        core::ptr::addr_of_mut!((*p).dict).write(ns);
        let nslots = if kind == Kind::Object { (base_slots + own_slots) << flags::SLOTS_SHIFT } else { 0 };
        core::ptr::addr_of_mut!((*p).flags).write(flags::HEAP | flags::BASETYPE | ga | no_dict | nslots);
        core::ptr::addr_of_mut!((*p).kind).write(kind);
    }
    // Writes to the namespace from now on change the class: the lookup cache must see them.
    obj::dict::mark_class_ns(vm, ns);
    if bases_v.len() > 1 {
        let mro = c3_mro(vm, v, bases_v)?;
        vm.push_root(mro)?;
        let mt = obj::list::to_tuple(vm, mro)?;
        vm.push_root(mt)?;
        let ext = vm.alloc_raw(2 * W)? as *mut usize;
        // SAFETY: ext is a fresh two-word buffer: the MRO, then nkeys (zero-filled: no keys).
        unsafe { *(ext as *mut Value) = mt };
        set_ext(v, ext);
    }
    // A member descriptor for each slot, through the class's setattr (a frozen namespace
    // gets its heap dict on that first write).
    let mut i = 0;
    let mut index = base_slots as usize;
    while let Some(n) = obj::tuple::items(slots)
        .or_else(|| obj::list::as_list(slots).map(|l| l.as_slice()))
        .and_then(|x| x.get(i).copied())
    {
        i += 1;
        if matches!(obj::str::as_str(n), Some("__dict__" | "__weakref__")) {
            continue;
        }
        let d = obj::descriptor::new_member(vm, n, v, index)?;
        index += 1;
        vm.push_root(d)?;
        setattr(vm, v, n, d)?;
    }
    vm.pop_roots(sm);
    Ok(v)
}

/// `BuildRomClass`: the namespace of a class body frozen whole (`rom`, a ROM dict whose
/// `__module__` is the module's name as frozen), run with `globals`, from code of `module`.
/// In the namespace the module first ran in (see `obj::function::from_rom`), and with that
/// namespace's `__name__` equal to the frozen `__module__`, the class's dict is the ROM dict
/// itself; the first write to the class gives it a heap dict over the same table
/// ([`obj::dict::from_rom`], copied on write). Otherwise (the module imported again under another name,
/// or run as `__main__`) the namespace is copied to the heap as the body would have built
/// it: `__module__` is `__name__` as the body would load it, and methods are bound to
/// `globals` like `MakeRomFunction` binds them.
///
/// `cell` (NULL if no method needs it) is the class's `__class__` cell, filled by the caller
/// once the class exists: frozen methods that use it get it through `Vm::rom_cells`, heap
/// copies as their closure. May collect (`globals` and `cell` rooted).
pub fn rom_namespace(
    vm: &mut Vm<'_>,
    rom: Value,
    globals: Value,
    module: &'static crate::rom::CodeModule,
    cell: Value,
) -> PyResult<Value> {
    let Some(r) = obj::dict::as_dict(rom) else {
        return Err(vm.raise_msg(&exc::SYSTEM_ERROR_TYPE, "BuildRomClass: not a dict"));
    };
    let module_key = Value::qstr(&qstr::__module__);
    let name_key = Value::qstr(&qstr::__name__);
    // The body's `__module__ = __name__` loads from the globals, then the builtins.
    let Some(name) = obj::dict::get_str(globals, name_key).or_else(|| crate::builtins::lookup(name_key)) else {
        return Err(vm.raise_fmt(&exc::NAME_ERROR_TYPE, format_args!("name '__name__' is not defined")));
    };
    let home = match vm.namespace_slot(module) {
        Some(slot) if slot.get().is_null() => {
            slot.set(globals);
            true
        }
        Some(slot) => slot.get() == globals,
        None => false,
    };
    let frozen_name = obj::dict::get_str(rom, module_key).unwrap_or(Value::NONE);
    let same_name = frozen_name == name || (obj::str::is_str(name) && obj::str::eq(frozen_name, name));
    if home && same_name {
        if !cell.is_null() {
            for i in 0..r.used() {
                match r.entry(i) {
                    Some((_, v)) if uses_class_cell(v) => obj::function::set_class_cell(vm, v, cell)?,
                    Some(_) => {}
                    None => break,
                }
            }
        }
        // The class uses the frozen dict object itself until its first write (`setattr`).
        return Ok(rom);
    }
    let m = vm.roots_mark();
    vm.push_root(name)?;
    let d = obj::dict::new(vm)?;
    vm.push_root(d)?;
    for i in 0..r.used() {
        let Some((k, v)) = r.entry(i) else { break };
        let v = if obj::str::eq(k, module_key) {
            name
        } else if uses_class_cell(v) {
            let closure = obj::tuple::new(vm, &[cell])?;
            vm.push_root(closure)?;
            let f = obj::function::as_func(v).map(|f| (f.code, f.defaults())).unwrap_or((Value::NULL, Value::NULL));
            let copy = obj::function::new(vm, f.0, globals, f.1, Value::NULL, closure)?;
            vm.pop_roots(m + 2);
            copy
        } else if obj::function::as_func(v).is_some() && !vm.is_heap(v) {
            obj::function::from_rom(vm, v, globals)?
        } else if let Some(f) =
            obj::descriptor::wrapped(v).filter(|f| obj::function::as_func(*f).is_some() && !vm.is_heap(*f))
        {
            // A frozen `@property`/`@classmethod`/`@staticmethod`: the same descriptor over
            // a heap copy of its function.
            let copy = obj::function::from_rom(vm, f, globals)?;
            vm.push_root(copy)?;
            let w = obj::descriptor::rewrap(vm, v, copy)?.unwrap_or(copy);
            vm.pop_roots(m + 2);
            w
        } else {
            v
        };
        vm.push_root(v)?;
        obj::dict::set_str(vm, d, k, v)?;
        vm.pop_roots(m + 2);
    }
    vm.pop_roots(m);
    Ok(d)
}

/// Is `v` a frozen method with a free variable (which can only be `__class__`)?
pub fn uses_class_cell(v: Value) -> bool {
    obj::function::as_func(v).is_some_and(|f| f.is_frozen() && f.code().n_free() > 0)
}

fn new_type(vm: &mut Vm<'_>, cls: Value, args: &Args<'_>) -> PyResult<Value> {
    let meta = obj::as_type(cls).filter(|t| t.kind == Kind::Type).unwrap_or(&TYPE_TYPE);
    match args.pos.len() {
        1 if args.kwnames.is_empty() && core::ptr::eq(meta, &TYPE_TYPE) => Ok(obj::type_of(args.pos[0]).as_value()),
        3 => {
            if !obj::str::is_str(args.pos[0]) {
                return Err(vm.type_error(format_args!(
                    "type.__new__() argument 1 must be str, not {}",
                    obj::type_name(args.pos[0])
                )));
            }
            let Some(bases) = obj::tuple::items(args.pos[1]) else {
                return Err(vm.type_error(format_args!(
                    "type.__new__() argument 2 must be tuple, not {}",
                    obj::type_name(args.pos[1])
                )));
            };
            if obj::dict::as_dict(args.pos[2]).is_none() {
                return Err(vm.type_error(format_args!(
                    "type.__new__() argument 3 must be dict, not {}",
                    obj::type_name(args.pos[2])
                )));
            }
            // A base's metaclass more derived than `meta` makes the class (CPython's type_new).
            let winner = calc_meta(vm, meta.as_value(), bases)?;
            if winner != meta.as_value() {
                return runtime::call_args(vm, winner, args);
            }
            let ns = obj::dict_methods::copy_dict(vm, args.pos[2])?;
            let m = vm.roots_mark();
            vm.push_root(ns)?;
            // `__module__` defaults to the calling code's `__name__`.
            let module_key = Value::qstr(&qstr::__module__);
            let f = vm.frame;
            if obj::dict::get_str(ns, module_key).is_none() && !f.is_null() {
                if let Some(mn) = obj::dict::get_str(f.globals(), Value::qstr(&qstr::__name__)) {
                    obj::dict::set_str(vm, ns, module_key, mn)?;
                }
            }
            let kw = Args { pos: &[], kwnames: args.kwnames, kwvals: args.kwvals };
            let r = type_new(vm, meta, args.pos[0], bases, ns, &kw);
            vm.pop_roots(m);
            r
        }
        _ => Err(vm.type_error(format_args!("type() takes 1 or 3 arguments"))),
    }
}

fn getattr(vm: &mut Vm<'_>, v: Value, name: Value) -> PyResult<Value> {
    let Some(t) = obj::as_type(v) else { return Ok(Value::NULL) };
    let n = obj::str::as_str(name).unwrap_or("");
    Ok(match n {
        "__name__" => t.name,
        "__qualname__" => {
            if t.is_heap() {
                obj::dict::get_str(t.dict, name).unwrap_or(t.name)
            } else {
                t.name
            }
        }
        "__module__" => {
            if t.is_heap() || !t.dict.is_null() {
                obj::dict::get_str(t.dict, name).unwrap_or(Value::NONE)
            } else {
                obj::str::new(vm, "builtins")?
            }
        }
        "__dict__" => {
            if t.is_heap() {
                t.dict
            } else {
                obj::dict::new(vm)?
            }
        }
        "__doc__" => Value::NONE,
        "__base__" => t.base().map(|b| b.as_value()).unwrap_or(Value::NONE),
        "__bases__" => {
            let b = t.base().map(|b| b.as_value());
            match b {
                Some(b) => obj::tuple::new(vm, &[b])?,
                None => obj::tuple::empty(),
            }
        }
        "__mro__" => {
            let m = mro_of(t);
            if !m.is_null() {
                m
            } else {
                let mut items: [Value; 16] = [Value::NULL; 16];
                let mut k = 0;
                mro_find(t, |x| {
                    if k < 16 {
                        items[k] = x.as_value();
                        k += 1;
                    }
                    None::<()>
                });
                obj::tuple::new(vm, &items[..k])?
            }
        }
        _ => Value::NULL,
    })
}

fn setattr(vm: &mut Vm<'_>, v: Value, name: Value, x: Value) -> PyResult<bool> {
    let Some(t) = obj::as_type(v) else { return Ok(false) };
    if !t.is_heap() {
        let n = obj::str::as_str(name).unwrap_or("");
        return Err(vm.type_error(format_args!("cannot set '{n}' attribute of immutable type '{}'", t.name())));
    }
    let mut d = t.dict;
    if !vm.is_heap(d) {
        // A frozen class namespace: give the class a heap dict reading the frozen table
        // (copied on this first write). `v` and `x` are rooted by the caller.
        d = obj::dict::from_rom(vm, d)?;
        obj::dict::mark_class_ns(vm, d);
        // SAFETY: `v` is a heap class (checked above), only touched by this VM; its `dict`
        // field is a plain word that the collector reads through the class's trace.
        unsafe { core::ptr::addr_of_mut!((*(v.as_ptr() as *mut Type)).dict).write(d) };
    }
    if x.is_null() {
        if obj::dict::remove(vm, d, name)?.is_none() {
            let (tn, n) = (t.name(), obj::str::as_str(name).unwrap_or("?"));
            return Err(
                vm.raise_fmt(&exc::ATTRIBUTE_ERROR_TYPE, format_args!("type object '{tn}' has no attribute '{n}'"))
            );
        }
    } else {
        obj::dict::set(vm, d, name, x)?;
    }
    Ok(true)
}

fn richcmp(_vm: &mut Vm<'_>, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
    match op {
        CmpOp::Eq => Ok(Value::bool(a == b)),
        CmpOp::Ne => Ok(Value::bool(a != b)),
        _ => Ok(Value::NOT_IMPLEMENTED),
    }
}

fn type_mro(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let t = args.get(0);
    let tup = getattr(vm, t, Value::qstr(&Q_MRO))?;
    // The tuple may be fresh (single-base classes store none): root it while the list grows.
    let m = vm.roots_mark();
    vm.push_root(tup)?;
    let r = obj::list::from_iter(vm, tup);
    vm.pop_roots(m);
    r
}

crate::static_qstr!(Q_MRO, "__mro__");
crate::static_qstr!(Q_MRO_M, "mro");

static TYPE_METHODS: &[Builtin] = &[Builtin::method(&Q_MRO_M, type_mro)];

static TYPE_SLOTS: Slots = Slots {
    trace: Some(trace),
    repr: Some(repr),
    call: Some(call),
    getattr: Some(getattr),
    setattr: Some(setattr),
    richcmp: Some(richcmp),
    new: Some(new_type),
    ..Slots::EMPTY
};

/// `type`.
pub static TYPE_TYPE: Type = Type {
    hdr: ObjHeader { ty: &TYPE_TYPE },
    name: Value::qstr(&qstr::type_),
    base: &OBJECT_TYPE,
    slots: &TYPE_SLOTS,
    methods: TYPE_METHODS,
    dict: Value::NULL,
    flags: flags::BASETYPE,
    kind: Kind::Type,
};

// ----- object -----

fn object_repr(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf) -> PyResult<()> {
    let t = obj::type_of(v);
    sb.push(vm, "<")?;
    if let Some(m) = module_prefix(t) {
        sb.push(vm, m)?;
        sb.push(vm, ".")?;
    }
    let q = if t.is_heap() { obj::dict::get_str(t.dict, Value::qstr(&qstr::__qualname__)) } else { None };
    sb.push(vm, q.and_then(obj::str::as_str).unwrap_or(t.name()))?;
    sb.push_fmt(vm, format_args!(" object at {:#x}>", v.bits()))
}

fn object_new_slot(vm: &mut Vm<'_>, cls: Value, _args: &Args<'_>) -> PyResult<Value> {
    let t = obj::as_type(cls).unwrap_or(&OBJECT_TYPE);
    obj::instance::alloc_instance(vm, t)
}

fn object_init(_vm: &mut Vm<'_>, _args: &Args<'_>) -> PyResult<Value> {
    Ok(Value::NONE)
}

fn object_new(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let cls = args.get(0);
    let Some(t) = obj::as_type(cls) else {
        return Err(vm.type_error(format_args!("object.__new__(X): X is not a type object")));
    };
    let base = static_base(t);
    if core::ptr::eq(base, &OBJECT_TYPE) {
        return obj::instance::alloc_instance(vm, t);
    }
    let f = base.slots.new.ok_or_else(|| vm.type_error(format_args!("cannot create instances")))?;
    // `int.__new__(int, 5)`, `str.__new__(str, x)`, `frozenset.__new__(cls, it)` build from
    // the arguments; the mutable containers' `__new__` ignores them (their `__init__` fills).
    let mutable = matches!(base.kind, Kind::List | Kind::Dict)
        || (base.kind == Kind::Set && !core::ptr::eq(base, &obj::set::FROZENSET_TYPE));
    let rest = if mutable {
        Args::new(&[])
    } else {
        Args { pos: args.pos.get(1..).unwrap_or(&[]), kwnames: args.kwnames, kwvals: args.kwvals }
    };
    let bcls = if matches!(t.kind, Kind::Exception | Kind::Type) { cls } else { base.as_value() };
    let r = f(vm, bcls, &rest)?;
    if !t.is_heap() {
        return Ok(r);
    }
    obj::instance::boxed(vm, t, r)
}

fn object_repr_m(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let mut sb = StrBuf::new(vm)?;
    object_repr(vm, args.get(0), &mut sb)?;
    sb.finish(vm)
}

fn object_str_m(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    runtime::repr(vm, args.get(0))
}

fn object_eq(_vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    Ok(if args.get(0) == args.get(1) { Value::TRUE } else { Value::NOT_IMPLEMENTED })
}

/// `object.__ne__`: the inverse of `self.__eq__(other)`, unless that is NotImplemented.
fn object_ne(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let (a, b) = (args.get(0), args.get(1));
    let r = match runtime::call_method_by_name(vm, a, "__eq__", &[b])? {
        Some(r) => r,
        None => return Ok(Value::NOT_IMPLEMENTED),
    };
    if r == Value::NOT_IMPLEMENTED {
        return Ok(r);
    }
    Ok(Value::bool(!runtime::truthy(vm, r)?))
}

fn object_delattr(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    runtime::generic_setattr(vm, args.get(0), args.get(1), Value::NULL)?;
    Ok(Value::NONE)
}

fn object_hash(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    obj::int::from_i64(vm, runtime::default_hash(args.get(0)) as i64)
}

/// `object.__format__(self, spec)`: `str(self)` for an empty spec, TypeError otherwise
/// (int, float and str answer `__format__` with their own formatting, see `slot_wrapper`).
fn object_format(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let (v, spec) = (args.get(0), args.get(1));
    let Some(spec_s) = obj::str::as_str(spec) else {
        return Err(vm.type_error(format_args!("__format__() argument must be str, not {}", obj::type_name(spec))));
    };
    if !spec_s.is_empty() {
        return Err(vm.type_error(format_args!("unsupported format string passed to {}.__format__", obj::type_name(v))));
    }
    runtime::to_str(vm, v)
}

fn object_setattr(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    runtime::generic_setattr(vm, args.get(0), args.get(1), args.get(2))?;
    Ok(Value::NONE)
}

fn object_getattribute(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    let (o, name) = (args.get(0), args.get(1));
    if !obj::str::is_str(name) {
        return Err(vm.type_error(format_args!("attribute name must be string, not '{}'", obj::type_name(name))));
    }
    if obj::as_type(o).is_some() || obj::type_of(o).flags & flags::GETATTRIBUTE == 0 {
        return runtime::get_attr(vm, o, name);
    }
    match runtime::generic_get_attr_opt(vm, o, name, false)? {
        Some(v) => Ok(v),
        None => Err(runtime::attr_error(vm, o, name)),
    }
}

fn object_init_subclass(vm: &mut Vm<'_>, args: &Args<'_>) -> PyResult<Value> {
    if !args.kwnames.is_empty() {
        let n = obj::as_type(args.get(0)).map(|t| t.name()).unwrap_or("object");
        return Err(vm.type_error(format_args!("{n}.__init_subclass__() takes no keyword arguments")));
    }
    Ok(Value::NONE)
}

crate::static_qstr!(Q_GETATTRIBUTE, "__getattribute__");
crate::static_qstr!(Q_DELATTR, "__delattr__");
crate::static_qstr!(Q_INIT_SUBCLASS, "__init_subclass__");

static OBJECT_METHODS: &[Builtin] = &[
    Builtin::method(&qstr::__init__, object_init),
    Builtin::static_method(&qstr::__new__, object_new),
    Builtin::method(&qstr::__repr__, object_repr_m),
    Builtin::method(&qstr::__str__, object_str_m),
    Builtin::method(&qstr::__eq__, object_eq),
    Builtin::method(&qstr::__ne__, object_ne),
    Builtin::method(&qstr::__hash__, object_hash),
    Builtin::method(&qstr::__format__, object_format),
    Builtin::method(&qstr::__setattr__, object_setattr),
    Builtin::method(&Q_DELATTR, object_delattr),
    Builtin::method(&Q_GETATTRIBUTE, object_getattribute),
    Builtin::class_method(&Q_INIT_SUBCLASS, object_init_subclass),
];

fn object_richcmp(_vm: &mut Vm<'_>, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
    match op {
        CmpOp::Eq if a == b => Ok(Value::TRUE),
        CmpOp::Ne if a == b => Ok(Value::FALSE),
        _ => Ok(Value::NOT_IMPLEMENTED),
    }
}

static OBJECT_SLOTS: Slots = Slots {
    trace: Some(obj::instance::trace_instance),
    repr: Some(object_repr),
    richcmp: Some(object_richcmp),
    new: Some(object_new_slot),
    ..Slots::EMPTY
};

/// `object`.
pub static OBJECT_TYPE: Type = Type {
    hdr: ObjHeader { ty: &TYPE_TYPE },
    name: Value::qstr(&qstr::object),
    base: core::ptr::null(),
    slots: &OBJECT_SLOTS,
    methods: OBJECT_METHODS,
    dict: Value::NULL,
    flags: flags::BASETYPE,
    kind: Kind::Object,
};

/// Does `b` bind (method) when found on an instance?
#[allow(dead_code)]
pub fn binds(b: &Builtin) -> bool {
    b.binding == Binding::Method
}
