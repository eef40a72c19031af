//! `collections.namedtuple(typename, field_names, *, rename=False, defaults=None,
//! module=None)`: a heap class over `tuple` (made as a `class` statement makes one), whose
//! namespace holds `_fields`, `_field_defaults`, `__match_args__`, `__slots__ = ()`, one
//! `property` per field (its getter a ROM built-in bound to the field's index), and the
//! ROM built-ins below as `__new__`, `_make`, `_replace`, `_asdict`, `__repr__` and
//! `__getnewargs__`: those read the class's `_fields` when called, so every named tuple
//! class shares them. The checks and messages are CPython 3.11's.

use crate::obj::{self, class, dict, exception as exc, str::StrBuf, Args, Builtin, Type};
use crate::runtime;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
    "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
    "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
];

fn is_identifier(s: &str) -> bool {
    let mut it = s.chars();
    match it.next() {
        Some(c) if c == '_' || obj::str_case::is_alphabetic(c) => {
            it.all(|c| c == '_' || obj::str_case::is_alphanumeric(c))
        }
        _ => false,
    }
}

fn text(v: Value) -> &'static str {
    obj::str::as_str(v).unwrap_or("")
}

/// The tuple's `items` (empty for anything else).
fn items(v: Value) -> &'static [Value] {
    obj::tuple::items(v).unwrap_or(&[])
}

/// The field names as a list of str (`str` items through `str()`, a str split at commas
/// and whitespace). May collect.
fn field_list(vm: &mut Vm<'_>, names: Value) -> PyResult<Value> {
    let out = obj::list::with_capacity(vm, 4)?;
    let m = vm.roots_mark();
    vm.push_root(out)?;
    let r = (|| {
        if let Some(s) = obj::str::as_str(names) {
            // Words are copied out one by one: `names` stays rooted by the caller.
            let mut start = None;
            let len = s.len();
            for (i, c) in s.char_indices().chain(core::iter::once((len, ' '))) {
                let sep = c == ',' || c.is_whitespace();
                match (sep, start) {
                    (false, None) => start = Some(i),
                    (true, Some(b)) => {
                        let w = obj::str::new(vm, &text(names)[b..i])?;
                        obj::list::append(vm, out, w)?;
                        start = None;
                    }
                    _ => {}
                }
            }
            return Ok(out);
        }
        let it = runtime::get_iter(vm, names)?;
        vm.push_root(it)?;
        while let Some(x) = runtime::next(vm, it)? {
            let s = if obj::str::is_str(x) { x } else { runtime::call(vm, obj::str::STR_TYPE.as_value(), &[x])? };
            obj::list::append(vm, out, s)?;
        }
        Ok(out)
    })();
    vm.pop_roots(m);
    r
}

fn list_items(l: Value) -> &'static [Value] {
    obj::list::as_list(l).map_or(&[], |x| x.as_slice())
}

/// `namedtuple(...)`. May collect.
pub fn namedtuple(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let mut typename = super::arg(a, 0, "typename");
    let names = super::arg(a, 1, "field_names");
    if typename.is_null() || names.is_null() {
        let which = if typename.is_null() { "'typename' and 'field_names'" } else { "'field_names'" };
        let n = if typename.is_null() { "2 required positional arguments" } else { "1 required positional argument" };
        return Err(vm.type_error(format_args!("namedtuple() missing {n}: {which}")));
    }
    if a.pos.len() > 2 {
        return Err(
            vm.type_error(format_args!("namedtuple() takes 2 positional arguments but {} were given", a.pos.len()))
        );
    }
    for k in a.kwnames {
        if !matches!(text(*k), "typename" | "field_names" | "rename" | "defaults" | "module") {
            return Err(vm.type_error(format_args!("namedtuple() got an unexpected keyword argument '{}'", text(*k))));
        }
    }
    let m = vm.roots_mark();
    let fields = field_list(vm, names)?;
    vm.push_root(fields)?;
    if !obj::str::is_str(typename) {
        typename = runtime::call(vm, obj::str::STR_TYPE.as_value(), &[typename])?;
    }
    vm.push_root(typename)?;
    let rv = a.kw("rename");
    let rename = !rv.is_null() && runtime::truthy(vm, rv)?;
    if rename {
        let n = list_items(fields).len();
        for i in 0..n {
            let name = list_items(fields)[i];
            let s = text(name);
            let dup = list_items(fields)[..i].iter().any(|x| text(*x) == s);
            if !is_identifier(s) || KEYWORDS.contains(&s) || s.starts_with('_') || dup {
                let mut buf = [0u8; 24];
                let w = fmt_index(&mut buf, i);
                let nv = obj::str::new(vm, w)?;
                if let Some(l) = obj::list::as_list(fields) {
                    l.set(i, nv);
                }
            }
        }
    }
    let n = list_items(fields).len();
    for i in 0..=n {
        let name = if i == 0 { typename } else { list_items(fields)[i - 1] };
        let s = text(name);
        if !is_identifier(s) {
            let r = runtime::repr(vm, name)?;
            return Err(
                vm.value_error(format_args!("Type names and field names must be valid identifiers: {}", text(r)))
            );
        }
        if KEYWORDS.contains(&s) {
            let r = runtime::repr(vm, name)?;
            return Err(vm.value_error(format_args!("Type names and field names cannot be a keyword: {}", text(r))));
        }
    }
    for i in 0..n {
        let name = list_items(fields)[i];
        let s = text(name);
        if s.starts_with('_') && !rename {
            let r = runtime::repr(vm, name)?;
            return Err(vm.value_error(format_args!("Field names cannot start with an underscore: {}", text(r))));
        }
        if list_items(fields)[..i].iter().any(|x| text(*x) == s) {
            let r = runtime::repr(vm, name)?;
            return Err(vm.value_error(format_args!("Encountered duplicate field name: {}", text(r))));
        }
    }
    // Defaults: for the last fields.
    let defaults = dict::new(vm)?;
    vm.push_root(defaults)?;
    let dv = a.kw("defaults");
    if !dv.is_null() && dv != Value::NONE {
        let dl = obj::list::from_iter(vm, dv)?;
        vm.push_root(dl)?;
        let d = list_items(dl).len();
        if d > n {
            return Err(vm.type_error(format_args!("Got more default values than field names")));
        }
        for j in 0..d {
            let (k, x) = (list_items(fields)[n - d + j], list_items(dl)[j]);
            dict::set(vm, defaults, k, x)?;
        }
    }
    let r = make_class(vm, typename, fields, defaults, a.kw("module"));
    vm.pop_roots(m);
    r
}

/// `_{i}` into `buf`.
fn fmt_index(buf: &mut [u8; 24], mut i: usize) -> &str {
    let mut p = buf.len();
    loop {
        p -= 1;
        buf[p] = b'0' + (i % 10) as u8;
        i /= 10;
        if i == 0 {
            break;
        }
    }
    p -= 1;
    buf[p] = b'_';
    core::str::from_utf8(&buf[p..]).unwrap_or("_")
}

/// The class, from the checked names (all rooted by the caller). May collect.
fn make_class(vm: &mut Vm<'_>, typename: Value, fields: Value, defaults: Value, module: Value) -> PyResult<Value> {
    let m = vm.roots_mark();
    let ns = dict::new(vm)?;
    vm.push_root(ns)?;
    let ft = obj::tuple::new(vm, list_items(fields))?;
    vm.push_root(ft)?;
    // __doc__: 'Point(x, y)'.
    let mut sb = StrBuf::new(vm)?;
    sb.push(vm, text(typename))?;
    sb.push(vm, "(")?;
    for (i, f) in list_items(fields).iter().enumerate() {
        if i > 0 {
            sb.push(vm, ", ")?;
        }
        sb.push(vm, text(*f))?;
    }
    sb.push(vm, ")")?;
    let doc = sb.finish(vm)?;
    vm.push_root(doc)?;
    let module = if module.is_null() || module == Value::NONE {
        let g = crate::builtins::caller_globals(vm);
        dict::get_str(g, Value::qstr(&crate::qstr::__name__)).unwrap_or(Value::qstr(&Q_MAIN))
    } else {
        module
    };
    let empty = obj::tuple::new(vm, &[])?;
    for (k, v) in [
        (Value::qstr(&crate::qstr::__module__), module),
        (Value::qstr(&Q_DOC), doc),
        (Value::qstr(&Q_SLOTS), empty),
        (Value::qstr(&Q_FIELDS), ft),
        (Value::qstr(&Q_FIELD_DEFAULTS), defaults),
        (Value::qstr(&Q_MATCH_ARGS), ft),
        (Value::qstr(&crate::qstr::__new__), Value::rom(&NEW)),
        (Value::qstr(&Q_MAKE), Value::rom(&MAKE)),
        (Value::qstr(&Q_REPLACE), Value::rom(&REPLACE)),
        (Value::qstr(&Q_ASDICT), Value::rom(&ASDICT)),
        (Value::qstr(&crate::qstr::__repr__), Value::rom(&REPR)),
        (Value::qstr(&Q_GETNEWARGS), Value::rom(&GETNEWARGS)),
    ] {
        dict::set(vm, ns, k, v)?;
    }
    for (i, f) in list_items(fields).iter().enumerate() {
        let getter = obj::method::new(vm, Value::rom(&ITEM), Value::small_int(i as isize))?;
        vm.push_root(getter)?;
        let p = obj::descriptor::new_property(vm, getter, Value::rom(&SET_FIELD), Value::rom(&DEL_FIELD))?;
        vm.push_root(p)?;
        dict::set(vm, ns, *f, p)?;
    }
    let bases = [obj::tuple::TUPLE_TYPE.as_value()];
    let r = class::type_new(vm, &class::TYPE_TYPE, typename, &bases, ns, &Args::new(&[]));
    vm.pop_roots(m);
    r
}

/// A class attribute of `t` (through the MRO), or NULL.
fn class_attr<const N: usize>(t: &'static Type, name: &'static crate::rom::Qstr<N>) -> Value {
    class::lookup(t, Value::qstr(name)).unwrap_or(Value::NULL)
}

/// The name of the named tuple class `t` derives from (the one defining `__new__`), for
/// messages: CPython's `__new__` is qualified by the typename.
fn typename_of(t: &'static Type) -> &'static str {
    class::mro_find(t, |x| (x.is_heap() && dict::get_str(x.dict, Value::qstr(&Q_FIELDS)).is_some()).then(|| x.name()))
        .unwrap_or(t.name())
}

/// The tuple `vals` as an instance of `t`. May collect.
fn instance(vm: &mut Vm<'_>, t: &'static Type, vals: &[Value]) -> PyResult<Value> {
    let tup = obj::tuple::new(vm, vals)?;
    if !t.is_heap() {
        return Ok(tup);
    }
    obj::instance::boxed(vm, t, tup)
}

/// `__new__(cls, *fields)`: the arguments bound as a function `(x, y=default)` binds them.
fn nt_new(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let Some(t) = obj::as_type(a.get(0)) else {
        return Err(vm.type_error(format_args!("__new__(X): X is not a type object")));
    };
    let fields = items(class_attr(t, &Q_FIELDS));
    let defaults = class_attr(t, &Q_FIELD_DEFAULTS);
    let n = fields.len();
    let name = typename_of(t);
    let given = &a.pos[1..];
    let ndef = dict::as_dict(defaults).map_or(0, |d| d.len()).min(n);
    if given.len() > n {
        return Err(if ndef > 0 {
            vm.type_error(format_args!(
                "{name}.__new__() takes from {} to {} positional arguments but {} were given",
                n - ndef + 1,
                n + 1,
                given.len() + 1
            ))
        } else {
            vm.type_error(format_args!(
                "{name}.__new__() takes {} positional arguments but {} were given",
                n + 1,
                given.len() + 1
            ))
        });
    }
    let mut vals = [Value::NULL; 32];
    if n > vals.len() {
        return Err(vm.type_error(format_args!("{name}.__new__(): more than 32 fields are not supported")));
    }
    vals[..given.len()].copy_from_slice(given);
    for (k, x) in a.kwnames.iter().zip(a.kwvals.iter()) {
        let Some(i) = fields.iter().position(|f| text(*f) == text(*k)) else {
            return Err(
                vm.type_error(format_args!("{name}.__new__() got an unexpected keyword argument '{}'", text(*k)))
            );
        };
        if !vals[i].is_null() {
            return Err(vm.type_error(format_args!("{name}.__new__() got multiple values for argument '{}'", text(*k))));
        }
        vals[i] = *x;
    }
    let mut missing = [0usize; 32];
    let mut nm = 0;
    for i in 0..n {
        if vals[i].is_null() {
            match dict::get_str(defaults, fields[i]) {
                Some(d) if i >= n - ndef => vals[i] = d,
                _ => {
                    missing[nm] = i;
                    nm += 1;
                }
            }
        }
    }
    if nm > 0 {
        let mut sb = StrBuf::new(vm)?;
        for j in 0..nm {
            if j > 0 {
                sb.push(
                    vm,
                    if nm == 2 {
                        " and "
                    } else if j == nm - 1 {
                        ", and "
                    } else {
                        ", "
                    },
                )?;
            }
            sb.push(vm, "'")?;
            sb.push(vm, text(fields[missing[j]]))?;
            sb.push(vm, "'")?;
        }
        let list = sb.finish(vm)?;
        let plural = if nm == 1 { "argument" } else { "arguments" };
        return Err(
            vm.type_error(format_args!("{name}.__new__() missing {nm} required positional {plural}: {}", text(list)))
        );
    }
    instance(vm, t, &vals[..n])
}

/// `_make(iterable)` (a class method).
fn nt_make(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let Some(t) = obj::as_type(a.get(0)) else { return Ok(Value::NONE) };
    let l = obj::list::from_iter(vm, a.get(1))?;
    let m = vm.roots_mark();
    vm.push_root(l)?;
    let n = items(class_attr(t, &Q_FIELDS)).len();
    let got = list_items(l).len();
    let r = if got != n {
        Err(vm.type_error(format_args!("Expected {n} arguments, got {got}")))
    } else {
        instance(vm, t, list_items(l))
    };
    vm.pop_roots(m);
    r
}

/// `_replace(**kwds)`: a copy with the named fields replaced.
fn nt_replace(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let s = a.get(0);
    if a.pos.len() > 1 {
        return Err(vm.type_error(format_args!(
            "{}._replace() takes 1 positional argument but {} were given",
            typename_of(obj::type_of(s)),
            a.pos.len()
        )));
    }
    let t = obj::type_of(s);
    let fields = items(class_attr(t, &Q_FIELDS));
    let own = items(s);
    if fields.len() > 32 {
        let name = typename_of(t);
        return Err(vm.type_error(format_args!("{name}._replace(): more than 32 fields are not supported")));
    }
    let n = fields.len().min(own.len());
    let mut vals = [Value::NULL; 32];
    vals[..n].copy_from_slice(&own[..n]);
    let mut unknown = false;
    for (k, x) in a.kwnames.iter().zip(a.kwvals.iter()) {
        match fields.iter().position(|f| text(*f) == text(*k)) {
            Some(i) if i < n => vals[i] = *x,
            _ => unknown = true,
        }
    }
    if unknown {
        let mut sb = StrBuf::new(vm)?;
        sb.push(vm, "Got unexpected field names: [")?;
        let mut first = true;
        for k in a.kwnames {
            if fields.iter().any(|f| text(*f) == text(*k)) {
                continue;
            }
            if !first {
                sb.push(vm, ", ")?;
            }
            first = false;
            runtime::repr_into(vm, *k, &mut sb)?;
        }
        sb.push(vm, "]")?;
        let msg = sb.finish(vm)?;
        // The message itself is the argument (`raise_msg` would copy it: an allocation
        // while `msg` is not rooted).
        return Err(vm.raise_with_arg(&exc::VALUE_ERROR_TYPE, msg));
    }
    instance(vm, t, &vals[..n])
}

/// `_asdict()`: a dict of the fields.
fn nt_asdict(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let s = a.get(0);
    let fields = items(class_attr(obj::type_of(s), &Q_FIELDS));
    let d = dict::new(vm)?;
    let m = vm.roots_mark();
    vm.push_root(d)?;
    let r = (|| {
        for (f, x) in fields.iter().zip(items(s).iter()) {
            dict::set(vm, d, *f, *x)?;
        }
        Ok(d)
    })();
    vm.pop_roots(m);
    r
}

/// `Point(x=1, y=2)` (the instance's own class name).
fn nt_repr(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let s = a.get(0);
    let t = obj::type_of(s);
    let fields = items(class_attr(t, &Q_FIELDS));
    let mut sb = StrBuf::new(vm)?;
    sb.push(vm, t.name())?;
    sb.push(vm, "(")?;
    for (i, (f, x)) in fields.iter().zip(items(s).iter()).enumerate() {
        if i > 0 {
            sb.push(vm, ", ")?;
        }
        sb.push(vm, text(*f))?;
        sb.push(vm, "=")?;
        runtime::repr_into(vm, *x, &mut sb)?;
    }
    sb.push(vm, ")")?;
    sb.finish(vm)
}

fn nt_getnewargs(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    obj::tuple::new(vm, items(a.get(0)))
}

/// A field's getter: bound to the field's index, called with the instance.
fn nt_item(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    let i = a.get(0).as_small_int().unwrap_or(0) as usize;
    match items(a.get(1)).get(i) {
        Some(x) => Ok(*x),
        None => Err(vm.raise_msg(&exc::INDEX_ERROR_TYPE, "tuple index out of range")),
    }
}

/// A field's setter and deleter: fields are read-only, with the messages of CPython's
/// `_tuplegetter` descriptor.
fn nt_set_field(vm: &mut Vm<'_>, _a: &Args<'_>) -> PyResult<Value> {
    Err(vm.raise_msg(&exc::ATTRIBUTE_ERROR_TYPE, "can't set attribute"))
}
fn nt_del_field(vm: &mut Vm<'_>, _a: &Args<'_>) -> PyResult<Value> {
    Err(vm.raise_msg(&exc::ATTRIBUTE_ERROR_TYPE, "can't delete attribute"))
}

crate::static_qstr!(Q_MAIN, "__main__");
crate::static_qstr!(Q_DOC, "__doc__");
crate::static_qstr!(Q_SLOTS, "__slots__");
crate::static_qstr!(Q_FIELDS, "_fields");
crate::static_qstr!(Q_FIELD_DEFAULTS, "_field_defaults");
crate::static_qstr!(Q_MATCH_ARGS, "__match_args__");
crate::static_qstr!(Q_MAKE, "_make");
crate::static_qstr!(Q_REPLACE, "_replace");
crate::static_qstr!(Q_ASDICT, "_asdict");
crate::static_qstr!(Q_GETNEWARGS, "__getnewargs__");
crate::static_qstr!(Q_ITEM, "_tuplegetter");

static NEW: Builtin = Builtin::static_method(&crate::qstr::__new__, nt_new);
static MAKE: Builtin = Builtin::class_method(&Q_MAKE, nt_make);
static REPLACE: Builtin = Builtin::method(&Q_REPLACE, nt_replace);
static ASDICT: Builtin = Builtin::method(&Q_ASDICT, nt_asdict);
static REPR: Builtin = Builtin::method(&crate::qstr::__repr__, nt_repr);
static GETNEWARGS: Builtin = Builtin::method(&Q_GETNEWARGS, nt_getnewargs);
static ITEM: Builtin = Builtin::function(&Q_ITEM, nt_item);
static SET_FIELD: Builtin = Builtin::function(&Q_ITEM, nt_set_field);
static DEL_FIELD: Builtin = Builtin::function(&Q_ITEM, nt_del_field);
