//! `operator`: the operators as functions, and `itemgetter`, `attrgetter`, `methodcaller`.
//!
//! ```text
//!  GetterObj  ObjHeader | items Value (tuple) | kwnames Value (tuple) | kwvals Value (tuple)
//!             itemgetter: the keys; attrgetter: the dotted names; methodcaller: the name,
//!             then the positional arguments, and the keyword arguments (empty tuples else)
//! ```

use frostbyte_format::{BinOp, CmpOp, UnaryOp};

use crate::call;
use crate::obj::{self, str::StrBuf, Args, Kind, Slots, Type};
use crate::qstr;
use crate::rom::ObjHeader;
use crate::runtime;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

rom_module!("operator",
    fns: [
        lt, le, eq, ne, ge, gt, not_, truth, is_, is_not, abs, add, and_, floordiv, index, inv,
        invert, lshift, mod_ as "mod", mul, matmul, neg, or_, pos, pow, rshift, sub, truediv, xor, concat,
        contains, countOf, indexOf, getitem, setitem, delitem, length_hint, iadd, iand, iconcat,
        ifloordiv, ilshift, imod, imul, imatmul, ior, ipow, irshift, isub, itruediv, ixor, call,
    ],
    values: [
        itemgetter => Value::rom(&ITEMGETTER_TYPE),
        attrgetter => Value::rom(&ATTRGETTER_TYPE),
        methodcaller => Value::rom(&METHODCALLER_TYPE),
    ],
);

fn nargs(vm: &mut Vm<'_>, name: &str, a: &Args<'_>, n: usize) -> PyResult<()> {
    if !a.kwnames.is_empty() {
        return Err(vm.type_error(format_args!("{name}() takes no keyword arguments")));
    }
    if a.pos.len() != n {
        return Err(if n == 1 {
            vm.type_error(format_args!("_operator.{name}() takes exactly one argument ({} given)", a.pos.len()))
        } else {
            vm.type_error(format_args!("{name} expected {n} arguments, got {}", a.pos.len()))
        });
    }
    Ok(())
}

macro_rules! binops {
    ($($name:ident => $op:ident;)*) => {$(
        fn $name(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
            nargs(vm, if stringify!($name) == "mod_" { "mod" } else { stringify!($name) }, a, 2)?;
            runtime::binary_op(vm, BinOp::$op, a.pos[0], a.pos[1])
        }
    )*};
}
binops! {
    add => Add; sub => Sub; mul => Mul; truediv => TrueDiv; floordiv => FloorDiv; mod_ => Mod;
    pow => Pow; lshift => LShift; rshift => RShift; and_ => And; or_ => Or; xor => Xor;
    matmul => MatMul; iadd => IAdd; isub => ISub; imul => IMul; itruediv => ITrueDiv;
    ifloordiv => IFloorDiv; imod => IMod; ipow => IPow; ilshift => ILShift; irshift => IRShift;
    iand => IAnd; ior => IOr; ixor => IXor; imatmul => IMatMul;
}

macro_rules! cmpops {
    ($($name:ident => $op:ident;)*) => {$(
        fn $name(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
            nargs(vm, stringify!($name), a, 2)?;
            runtime::compare(vm, a.pos[0], a.pos[1], CmpOp::$op)
        }
    )*};
}
cmpops! { lt => Lt; le => Le; eq => Eq; ne => Ne; gt => Gt; ge => Ge; }

macro_rules! unops {
    ($($name:ident => $op:ident;)*) => {$(
        fn $name(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
            nargs(vm, stringify!($name), a, 1)?;
            runtime::unary_op(vm, UnaryOp::$op, a.pos[0])
        }
    )*};
}
unops! { neg => Neg; pos => Pos; inv => Invert; invert => Invert; }

fn not_(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    nargs(vm, "not_", a, 1)?;
    Ok(Value::bool(!runtime::truthy(vm, a.pos[0])?))
}
fn truth(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    nargs(vm, "truth", a, 1)?;
    Ok(Value::bool(runtime::truthy(vm, a.pos[0])?))
}
fn is_(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    nargs(vm, "is_", a, 2)?;
    runtime::compare(vm, a.pos[0], a.pos[1], CmpOp::Is)
}
fn is_not(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    nargs(vm, "is_not", a, 2)?;
    runtime::compare(vm, a.pos[0], a.pos[1], CmpOp::IsNot)
}
fn abs(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    nargs(vm, "abs", a, 1)?;
    let f = crate::builtins::lookup(Value::qstr(&qstr::abs)).unwrap_or(Value::NONE);
    call::call(vm, f, a.pos)
}
fn index(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    nargs(vm, "index", a, 1)?;
    let v = a.pos[0];
    if obj::int::is_int(v) {
        return Ok(v);
    }
    match runtime::call_dunder(vm, v, &qstr::__index__, &[])? {
        Some(r) if obj::int::is_int(r) => Ok(r),
        Some(r) => Err(vm.type_error(format_args!("__index__ returned non-int (type {})", obj::type_name(r)))),
        None => Err(vm.type_error(format_args!("'{}' object cannot be interpreted as an integer", obj::type_name(v)))),
    }
}
/// `concat`/`iconcat`: `a + b` for sequences (anything with `__getitem__`).
fn concat_op(vm: &mut Vm<'_>, name: &str, a: &Args<'_>, op: BinOp) -> PyResult<Value> {
    nargs(vm, name, a, 2)?;
    let x = a.pos[0];
    let seq = obj::type_of(x).slots.getitem.is_some() && obj::as_type(x).is_none() && obj::dict::as_dict(x).is_none();
    if !seq {
        return Err(vm.type_error(format_args!("'{}' object can't be concatenated", obj::type_name(x))));
    }
    runtime::binary_op(vm, op, x, a.pos[1])
}
fn concat(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    concat_op(vm, "concat", a, BinOp::Add)
}
fn iconcat(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    concat_op(vm, "iconcat", a, BinOp::IAdd)
}
fn contains(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    nargs(vm, "contains", a, 2)?;
    Ok(Value::bool(runtime::contains(vm, a.pos[0], a.pos[1])?))
}
/// Walk `a[0]` comparing items with `a[1]` (identity or equality); `first`: stop at the
/// first match and return its index.
fn scan_for(vm: &mut Vm<'_>, a: &Args<'_>, first: bool) -> PyResult<Option<i64>> {
    let it = runtime::get_iter(vm, a.pos[0])?;
    let m = vm.roots_mark();
    vm.push_root(it)?;
    let (mut i, mut n) = (0i64, 0i64);
    let r = loop {
        let x = match runtime::next(vm, it) {
            Ok(Some(x)) => x,
            Ok(None) => break Ok(if first { None } else { Some(n) }),
            Err(e) => break Err(e),
        };
        let hit = x == a.pos[1] || {
            let mm = vm.roots_mark();
            vm.push_root(x)?;
            let e = runtime::eq(vm, x, a.pos[1]);
            vm.pop_roots(mm);
            match e {
                Ok(b) => b,
                Err(e) => break Err(e),
            }
        };
        if hit {
            if first {
                break Ok(Some(i));
            }
            n += 1;
        }
        i += 1;
    };
    vm.pop_roots(m);
    r
}
#[allow(non_snake_case)]
fn countOf(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    nargs(vm, "countOf", a, 2)?;
    let n = scan_for(vm, a, false)?.unwrap_or(0);
    obj::int::from_i64(vm, n)
}
#[allow(non_snake_case)]
fn indexOf(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    nargs(vm, "indexOf", a, 2)?;
    match scan_for(vm, a, true)? {
        Some(i) => obj::int::from_i64(vm, i),
        None => Err(vm.raise_msg(&obj::exception::VALUE_ERROR_TYPE, "sequence.index(x): x not in sequence")),
    }
}
fn getitem(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    nargs(vm, "getitem", a, 2)?;
    runtime::get_item(vm, a.pos[0], a.pos[1])
}
fn setitem(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    nargs(vm, "setitem", a, 3)?;
    runtime::set_item(vm, a.pos[0], a.pos[1], a.pos[2])?;
    Ok(Value::NONE)
}
fn delitem(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    nargs(vm, "delitem", a, 2)?;
    runtime::set_item(vm, a.pos[0], a.pos[1], Value::NULL)?;
    Ok(Value::NONE)
}
/// `call(obj, /, *args, **kwargs)` (3.11).
fn call(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let Some(&f) = a.pos.first() else {
        return Err(vm.type_error(format_args!("call expected at least 1 argument, got 0")));
    };
    runtime::call_args(vm, f, &Args { pos: &a.pos[1..], kwnames: a.kwnames, kwvals: a.kwvals })
}

fn length_hint(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    if a.pos.is_empty() || a.pos.len() > 2 || !a.kwnames.is_empty() {
        return Err(vm.type_error(format_args!("length_hint expected at most 2 arguments, got {}", a.pos.len())));
    }
    let default = if a.pos.len() == 2 { a.pos[1] } else { Value::small_int(0) };
    if !obj::int::is_int(default) {
        return Err(
            vm.type_error(format_args!("'{}' object cannot be interpreted as an integer", obj::type_name(default)))
        );
    }
    let o = a.pos[0];
    if obj::type_of(o).slots.len.is_some() || runtime::has_attr_name(vm, o, "__len__")? {
        let n = runtime::len(vm, o)?;
        return obj::int::from_i64(vm, n as i64);
    }
    if let Some(r) = runtime::call_method_by_name(vm, o, "__length_hint__", &[])? {
        return Ok(r);
    }
    Ok(default)
}

// ----- itemgetter, attrgetter, methodcaller -----

#[repr(C)]
struct GetterObj {
    hdr: ObjHeader,
    items: Value,
    kwnames: Value,
    kwvals: Value,
}

fn as_getter(v: Value) -> Option<&'static GetterObj> {
    let t = obj::type_of(v);
    let ours = [&ITEMGETTER_TYPE, &ATTRGETTER_TYPE, &METHODCALLER_TYPE].iter().any(|x| core::ptr::eq(*x, t));
    // SAFETY: objects of these three types (not subclassable) are GetterObj objects made
    // by `make`.
    ours.then(|| unsafe { &*(v.as_ptr() as *const GetterObj) })
}

fn tuple_items(v: Value) -> &'static [Value] {
    obj::tuple::items(v).unwrap_or(&[])
}

/// A new getter of type `ty` (its values rooted by the caller). May collect.
fn make(vm: &mut Vm<'_>, ty: &'static Type, items: &[Value], kwnames: &[Value], kwvals: &[Value]) -> PyResult<Value> {
    let m = vm.roots_mark();
    let r = (|| {
        let t = obj::tuple::new(vm, items)?;
        vm.push_root(t)?;
        let kn = obj::tuple::new(vm, kwnames)?;
        vm.push_root(kn)?;
        let kv = obj::tuple::new(vm, kwvals)?;
        vm.push_root(kv)?;
        let v = vm.alloc_obj(ty, core::mem::size_of::<GetterObj>())?;
        // SAFETY: fresh GetterObj-sized allocation.
        unsafe {
            let p = v.as_ptr() as *mut GetterObj;
            (*p).items = t;
            (*p).kwnames = kn;
            (*p).kwvals = kv;
        }
        Ok(v)
    })();
    vm.pop_roots(m);
    r
}

fn no_kwargs(vm: &mut Vm<'_>, name: &str, a: &Args<'_>) -> PyResult<()> {
    if a.kwnames.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(format_args!("{name}() takes no keyword arguments")))
    }
}

fn itemgetter_new(vm: &mut Vm<'_>, _cls: Value, a: &Args<'_>) -> PyResult<Value> {
    no_kwargs(vm, "itemgetter", a)?;
    if a.pos.is_empty() {
        return Err(vm.type_error(format_args!("itemgetter expected 1 argument, got 0")));
    }
    make(vm, &ITEMGETTER_TYPE, a.pos, &[], &[])
}

fn attrgetter_new(vm: &mut Vm<'_>, _cls: Value, a: &Args<'_>) -> PyResult<Value> {
    no_kwargs(vm, "attrgetter", a)?;
    if a.pos.is_empty() {
        return Err(vm.type_error(format_args!("attrgetter expected 1 argument, got 0")));
    }
    if a.pos.iter().any(|x| !obj::str::is_str(*x)) {
        return Err(vm.type_error(format_args!("attribute name must be a string")));
    }
    make(vm, &ATTRGETTER_TYPE, a.pos, &[], &[])
}

fn methodcaller_new(vm: &mut Vm<'_>, _cls: Value, a: &Args<'_>) -> PyResult<Value> {
    if a.pos.is_empty() {
        return Err(vm.type_error(format_args!("methodcaller needs at least one argument, the method name")));
    }
    if !obj::str::is_str(a.pos[0]) {
        return Err(vm.type_error(format_args!("method name must be a string")));
    }
    make(vm, &METHODCALLER_TYPE, a.pos, a.kwnames, a.kwvals)
}

/// `getattr(o, "a.b.c")`, one component at a time. May collect.
fn dotted(vm: &mut Vm<'_>, o: Value, name: Value) -> PyResult<Value> {
    let text = obj::str::as_str(name).unwrap_or("");
    if !text.contains('.') {
        return runtime::get_attr(vm, o, name);
    }
    let m = vm.roots_mark();
    let mut cur = o;
    for part in text.split('.') {
        let r = obj::str::new(vm, part).and_then(|p| {
            vm.push_root(p)?;
            runtime::get_attr(vm, cur, p)
        });
        match r {
            Ok(v) => {
                cur = v;
                vm.push_root(cur)?;
            }
            Err(e) => {
                vm.pop_roots(m);
                return Err(e);
            }
        }
    }
    vm.pop_roots(m);
    Ok(cur)
}

fn getter_call(vm: &mut Vm<'_>, f: Value, a: &Args<'_>) -> PyResult<Value> {
    let Some(g) = as_getter(f) else {
        return Ok(Value::NONE);
    };
    let ty = obj::type_of(f);
    let name = ty.name();
    if !a.kwnames.is_empty() {
        return Err(vm.type_error(format_args!("{name}() takes no keyword arguments")));
    }
    if a.pos.len() != 1 {
        return Err(vm.type_error(format_args!("{name} expected 1 argument, got {}", a.pos.len())));
    }
    let o = a.pos[0];
    let items = tuple_items(g.items);
    if core::ptr::eq(ty, &METHODCALLER_TYPE) {
        let meth = runtime::get_attr(vm, o, items[0])?;
        let m = vm.roots_mark();
        vm.push_root(meth)?;
        let r = call::call_args(
            vm,
            meth,
            &Args { pos: &items[1..], kwnames: tuple_items(g.kwnames), kwvals: tuple_items(g.kwvals) },
        );
        vm.pop_roots(m);
        return r;
    }
    let one = |vm: &mut Vm<'_>, k: Value| {
        if core::ptr::eq(ty, &ITEMGETTER_TYPE) {
            runtime::get_item(vm, o, k)
        } else {
            dotted(vm, o, k)
        }
    };
    if items.len() == 1 {
        return one(vm, items[0]);
    }
    let t = obj::tuple::alloc(vm, items.len())?;
    for i in 0..items.len() {
        obj::tuple::init_item(t, i, Value::NONE);
    }
    let m = vm.roots_mark();
    vm.push_root(t)?;
    for (i, k) in items.iter().enumerate() {
        match one(vm, *k) {
            Ok(v) => obj::tuple::init_item(t, i, v),
            Err(e) => {
                vm.pop_roots(m);
                return Err(e);
            }
        }
    }
    vm.pop_roots(m);
    Ok(t)
}

fn getter_repr(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf) -> PyResult<()> {
    let Some(g) = as_getter(v) else { return Ok(()) };
    sb.push(vm, "operator.")?;
    sb.push(vm, obj::type_of(v).name())?;
    sb.push(vm, "(")?;
    for (i, x) in tuple_items(g.items).iter().enumerate() {
        if i > 0 {
            sb.push(vm, ", ")?;
        }
        runtime::repr_into(vm, *x, sb)?;
    }
    for (k, x) in tuple_items(g.kwnames).iter().zip(tuple_items(g.kwvals)) {
        sb.push(vm, ", ")?;
        sb.push(vm, obj::str::as_str(*k).unwrap_or("?"))?;
        sb.push(vm, "=")?;
        runtime::repr_into(vm, *x, sb)?;
    }
    sb.push(vm, ")")
}

fn getter_trace(v: Value, t: &mut crate::heap::Tracer<'_>) {
    if let Some(g) = as_getter(v) {
        t.mark(g.items);
        t.mark(g.kwnames);
        t.mark(g.kwvals);
    }
}

macro_rules! getter_type {
    ($ty:ident, $slots:ident, $q:ident, $name:literal, $new:ident) => {
        crate::static_qstr!($q, $name);
        static $slots: Slots = Slots {
            trace: Some(getter_trace),
            repr: Some(getter_repr),
            call: Some(getter_call),
            new: Some($new),
            ..Slots::EMPTY
        };
        #[doc = concat!("`operator.", $name, "`.")]
        pub static $ty: Type =
            Type::builtin(&$q, Some(&obj::class::OBJECT_TYPE), Kind::Misc, 0, &$slots, &[]).in_module(&TYPE_NS);
    };
}
getter_type!(ITEMGETTER_TYPE, ITEMGETTER_SLOTS, Q_ITEMGETTER, "itemgetter", itemgetter_new);
getter_type!(ATTRGETTER_TYPE, ATTRGETTER_SLOTS, Q_ATTRGETTER, "attrgetter", attrgetter_new);
getter_type!(METHODCALLER_TYPE, METHODCALLER_SLOTS, Q_METHODCALLER, "methodcaller", methodcaller_new);
