//! `sys`'s version objects, all ROM: `version_info` (CPython 3.11.0's, a tuple subtype with
//! named fields), `version` (`"3.11.0 (frostbyte X.Y.Z)"`), `hexversion`, and
//! `implementation` (a read-only namespace: `name` `'frostbyte'`, `cache_tag` None,
//! `version` the frostbyte crate's version as a `version_info`, `hexversion` that version's).

use crate::obj::{self, str::StrBuf, Builtin, Kind, Slots, Type};
use crate::rom::{ObjHeader, Qstr, Tuple};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// A decimal crate version part at compile time.
const fn parse(s: &str) -> isize {
    let b = s.as_bytes();
    let mut i = 0;
    let mut n = 0;
    while i < b.len() {
        n = n * 10 + (b[i] - b'0') as isize;
        i += 1;
    }
    n
}

const MAJOR: isize = parse(env!("CARGO_PKG_VERSION_MAJOR"));
const MINOR: isize = parse(env!("CARGO_PKG_VERSION_MINOR"));
const PATCH: isize = parse(env!("CARGO_PKG_VERSION_PATCH"));

/// `sys.hexversion` of CPython 3.11.0 final.
pub const HEXVERSION: isize = 0x030b_00f0;

const VERSION: &str = concat!("3.11.0 (frostbyte ", env!("CARGO_PKG_VERSION"), ")");
/// `sys.version`.
pub static Q_VERSION: Qstr<{ VERSION.len() }> = Qstr::new(crate::qstr::text(VERSION));

crate::static_qstr!(Q_FINAL, "final");
crate::static_qstr!(Q_FROSTBYTE, "frostbyte");
crate::static_qstr!(Q_VERSION_INFO, "version_info");
crate::static_qstr!(Q_NAMESPACE, "SimpleNamespace");

const FIELDS: [&str; 5] = ["major", "minor", "micro", "releaselevel", "serial"];

/// `sys.version_info`.
pub static VERSION_INFO: Tuple<5> = Tuple {
    hdr: ObjHeader::of(&VERSION_INFO_TYPE),
    len: 5,
    items: [Value::small_int(3), Value::small_int(11), Value::small_int(0), Value::qstr(&Q_FINAL), Value::small_int(0)],
};

static IMPL_VERSION: Tuple<5> = Tuple {
    hdr: ObjHeader::of(&VERSION_INFO_TYPE),
    len: 5,
    items: [
        Value::small_int(MAJOR),
        Value::small_int(MINOR),
        Value::small_int(PATCH),
        Value::qstr(&Q_FINAL),
        Value::small_int(0),
    ],
};

const IMPL_FIELDS: [&str; 4] = ["name", "cache_tag", "version", "hexversion"];

/// `sys.implementation`.
pub static IMPLEMENTATION: Tuple<4> = Tuple {
    hdr: ObjHeader::of(&IMPL_TYPE),
    len: 4,
    items: [
        Value::qstr(&Q_FROSTBYTE),
        Value::NONE,
        Value::rom(&IMPL_VERSION),
        Value::small_int(MAJOR << 24 | MINOR << 16 | PATCH << 8 | 0xf0),
    ],
};

/// `name=value, ...)` of the fields of tuple `v` (the named tuples of `sys` and `time`).
pub(super) fn fields_repr(vm: &mut Vm<'_>, v: Value, names: &[&str], sb: &mut StrBuf) -> PyResult<()> {
    let xs = obj::tuple::items(v).unwrap_or(&[]);
    for (i, (name, x)) in names.iter().zip(xs).enumerate() {
        if i > 0 {
            sb.push(vm, ", ")?;
        }
        sb.push(vm, name)?;
        sb.push(vm, "=")?;
        crate::runtime::repr_into(vm, *x, sb)?;
    }
    sb.push(vm, ")")
}

fn field(v: Value, names: &[&str], name: Value) -> Value {
    let Some(n) = obj::str::as_str(name) else { return Value::NULL };
    let xs = obj::tuple::items(v).unwrap_or(&[]);
    names.iter().position(|f| *f == n).and_then(|i| xs.get(i).copied()).unwrap_or(Value::NULL)
}

fn vi_repr(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf) -> PyResult<()> {
    sb.push(vm, "sys.version_info(")?;
    fields_repr(vm, v, &FIELDS, sb)
}

fn vi_getattr(_vm: &mut Vm<'_>, v: Value, name: Value) -> PyResult<Value> {
    Ok(field(v, &FIELDS, name))
}

fn impl_repr(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf) -> PyResult<()> {
    sb.push(vm, "namespace(")?;
    fields_repr(vm, v, &IMPL_FIELDS, sb)
}

fn impl_getattr(_vm: &mut Vm<'_>, v: Value, name: Value) -> PyResult<Value> {
    Ok(field(v, &IMPL_FIELDS, name))
}

static VI_SLOTS: Slots = Slots { repr: Some(vi_repr), getattr: Some(vi_getattr), new: None, ..obj::tuple::TUPLE_SLOTS };

/// `type(sys.version_info)`: a tuple with named fields (not instantiable, as CPython's).
static VERSION_INFO_TYPE: Type =
    Type::builtin(&Q_VERSION_INFO, Some(&obj::tuple::TUPLE_TYPE), Kind::Tuple, 0, &VI_SLOTS, &[]);

static IMPL_SLOTS: Slots = Slots { repr: Some(impl_repr), getattr: Some(impl_getattr), ..Slots::EMPTY };

static NO_METHODS: &[Builtin] = &[];

/// `type(sys.implementation)`: a read-only namespace over a ROM tuple.
static IMPL_TYPE: Type =
    Type::builtin(&Q_NAMESPACE, Some(&obj::class::OBJECT_TYPE), Kind::Tuple, 0, &IMPL_SLOTS, NO_METHODS);
