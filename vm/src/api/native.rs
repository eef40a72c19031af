//! Rust functions callable from Python: [`NativeFunction`]s in [`NativeModule`]s, declared as
//! `static` tables (the function objects live in ROM, like the built-in modules'), and the
//! argument checking helpers ([`Args`], [`Signature`]).

use core::fmt::Write as _;

use super::{Error, ExcType, Obj, Scope};
use crate::obj::{self, str::StrBuf, Kind, Slots, Type};
use crate::rom::{ObjHeader, Qstr, RomObject};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// The signature of a native function: `args` are the call's arguments; the result or an
/// [`Error`] (raised in Python as that exception).
pub type NativeFn = for<'s> fn(&mut Scope<'s>, Args<'s>) -> Result<Obj<'s>, Error>;

/// A Rust function Python can call: `static F: NativeFunction = NativeFunction::new("f", f);`
/// or an entry of a [`NativeModule`]'s table. Its type is `builtin_function_or_method`.
#[repr(C)]
pub struct NativeFunction {
    hdr: ObjHeader,
    name: &'static str,
    f: NativeFn,
}

// SAFETY: immutable after construction; the header points at the static NATIVE_FN_TYPE.
unsafe impl Sync for NativeFunction {}
// SAFETY: repr(C), starts with an ObjHeader; an immutable static.
unsafe impl RomObject for NativeFunction {}

impl NativeFunction {
    /// A native function named `name` (its `__name__` and the name in error messages).
    pub const fn new(name: &'static str, f: NativeFn) -> NativeFunction {
        NativeFunction { hdr: ObjHeader { ty: &NATIVE_FN_TYPE }, name, f }
    }

    /// The function's name.
    pub const fn name(&self) -> &'static str {
        self.name
    }

    pub(crate) fn f(&self) -> NativeFn {
        self.f
    }
}

/// A module of native functions and classes, registered with [`Vm::add_module`] and imported
/// by name:
///
/// ```ignore
/// static BOARD: NativeModule = NativeModule::new("board", &[
///     NativeFunction::new("led", led),
///     NativeFunction::new("read_adc", read_adc),
/// ]);
/// ```
///
/// The static is the module object itself (a ROM `module`, like the functions in its table),
/// so importing it allocates nothing: `import board` binds the static, which is not entered
/// in `sys.modules` (as MicroPython's built-in modules). Attribute lookups scan the table.
/// The first write to the module (`board.x = 1`, `del board.led`) or a request for its
/// `__dict__` gives it a heap dict holding the table's entries, kept in a VM side table;
/// from then on that dict is its namespace.
#[repr(C)]
pub struct NativeModule {
    /// `module`; the layout starts as `obj::module::ModuleObj`'s.
    hdr: ObjHeader,
    /// `ModuleObj::dict`: NULL, which marks a native module (a heap module always has one).
    dict: Value,
    /// `ModuleObj::name`: NULL (the name is `name`).
    name_value: Value,
    name: &'static str,
    functions: &'static [NativeFunction],
    classes: &'static [super::class::ClassEntry],
}

// SAFETY: immutable after construction; the header points at the static MODULE_TYPE and the
// two `Value` words are NULL.
unsafe impl Sync for NativeModule {}
// SAFETY: repr(C), starts with an ObjHeader of type `module` followed by the `ModuleObj`
// fields (dict, name); an immutable static, word-aligned.
unsafe impl RomObject for NativeModule {}

impl NativeModule {
    /// A module `name` (a top-level name; no dots) holding `functions`.
    pub const fn new(name: &'static str, functions: &'static [NativeFunction]) -> NativeModule {
        NativeModule {
            hdr: ObjHeader { ty: &obj::module::MODULE_TYPE },
            dict: Value::NULL,
            name_value: Value::NULL,
            name,
            functions,
            classes: &[],
        }
    }

    /// The module with native classes too (`&[PIN.entry()]`), bound under their names.
    pub const fn with_classes(self, classes: &'static [super::class::ClassEntry]) -> NativeModule {
        NativeModule { classes, ..self }
    }

    /// The module's name.
    pub const fn name(&self) -> &'static str {
        self.name
    }

    /// The table entry named `text`.
    fn entry(&self, text: &str) -> Option<Value> {
        if let Some(f) = self.functions.iter().find(|f| f.name == text) {
            return Some(Value::rom(f));
        }
        self.classes.iter().find(|c| c.0.name() == text).map(|c| c.0.as_value())
    }
}

impl core::fmt::Debug for NativeModule {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "NativeModule({})", self.name)
    }
}

impl core::fmt::Debug for NativeFunction {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "NativeFunction({})", self.name)
    }
}

pub(crate) fn as_native(v: Value) -> Option<&'static NativeFunction> {
    if !v.is_obj() || !core::ptr::eq(obj::type_of(v), &NATIVE_FN_TYPE) {
        return None;
    }
    // SAFETY: only `NativeFunction`s have type NATIVE_FN_TYPE, and they are statics.
    Some(unsafe { &*(v.as_ptr() as *const NativeFunction) })
}

/// The call slot: run the function in a scope of its own. May collect.
fn call(vm: &mut Vm<'_>, f: Value, args: &obj::Args<'_>) -> PyResult<Value> {
    let Some(nf) = as_native(f) else {
        return Ok(Value::NONE);
    };
    run_native(vm, nf.f, args)
}

/// Run native function `f` on `args` in a scope of its own. May collect.
pub(crate) fn run_native(vm: &mut Vm<'_>, f: NativeFn, args: &obj::Args<'_>) -> PyResult<Value> {
    let mark = vm.roots_mark();
    let r = {
        // SAFETY: the roots are popped to `mark` right after; the scope ends in this block.
        let mut s = unsafe { Scope::enter(vm) };
        // SAFETY: the argument slices live in the caller's value stack (or a rooted buffer)
        // for the whole call, which outlasts the scope.
        let a = unsafe { Args::from_vm(args) };
        f(&mut s, a).map(|o| o.v)
    };
    vm.pop_roots(mark);
    r.map_err(|e| e.raise_into(vm))
}

fn repr(vm: &mut Vm<'_>, v: Value, sb: &mut StrBuf) -> PyResult<()> {
    sb.push(vm, "<built-in function ")?;
    sb.push(vm, as_native(v).map_or("?", |n| n.name))?;
    sb.push(vm, ">")
}

fn getattr(vm: &mut Vm<'_>, v: Value, name: Value) -> PyResult<Value> {
    match obj::str::as_str(name) {
        Some("__name__") | Some("__qualname__") => obj::str::new(vm, as_native(v).map_or("", |n| n.name)),
        _ => Ok(Value::NULL),
    }
}

static SLOTS: Slots = Slots { call: Some(call), repr: Some(repr), getattr: Some(getattr), ..Slots::EMPTY };
static Q_NAME: Qstr<26> = Qstr::new(*b"builtin_function_or_method");
/// The type of native functions (Python sees `builtin_function_or_method`).
static NATIVE_FN_TYPE: Type = Type::builtin(&Q_NAME, Some(&obj::class::OBJECT_TYPE), Kind::Misc, 0, &SLOTS, &[]);

/// The native module registered under `name`.
pub(crate) fn find_native(vm: &Vm<'_>, name: &str) -> Option<&'static NativeModule> {
    vm.api.natives.iter().flatten().copied().find(|m| m.name == name)
}

/// The native module `v` is, if it is one (a `module` whose dict word is NULL).
pub(crate) fn as_native_module(v: Value) -> Option<&'static NativeModule> {
    let m = obj::module::as_module(v)?;
    if !m.dict.is_null() {
        return None;
    }
    // SAFETY: heap modules get their dict before anything can see them, so a module with a
    // NULL dict word is a `NativeModule` static (repr(C), `ModuleObj`'s fields first).
    Some(unsafe { &*(v.as_ptr() as *const NativeModule) })
}

/// A str value for `text`: a frozen qstr with that text if one exists, else a heap str.
/// May collect.
fn name_str(vm: &mut Vm<'_>, text: &str) -> PyResult<Value> {
    match super::frozen_name(vm, text) {
        Some(k) => Ok(k),
        None => obj::str::new(vm, text),
    }
}

/// The heap namespace of native module `v` once it has one (see [`NativeModule`]), else NULL.
fn side_dict(vm: &mut Vm<'_>, v: Value) -> PyResult<Value> {
    let table = vm.rom_attrs;
    if table.is_null() {
        return Ok(Value::NULL);
    }
    Ok(obj::dict::get(vm, table, v)?.unwrap_or(Value::NULL))
}

/// The namespace dict of native module `v`, made on first use from `__name__` and its
/// table and kept in the VM's side table (`Vm::rom_attrs`). May collect.
pub(crate) fn native_module_dict(vm: &mut Vm<'_>, v: Value) -> PyResult<Value> {
    let Some(nm) = as_native_module(v) else {
        return Ok(Value::NULL);
    };
    let d = side_dict(vm, v)?;
    if !d.is_null() {
        return Ok(d);
    }
    if vm.rom_attrs.is_null() {
        vm.rom_attrs = obj::dict::new(vm)?;
    }
    let mark = vm.roots_mark();
    let d = obj::dict::new(vm)?;
    vm.push_root(d)?;
    let r = (|| {
        let n = name_str(vm, nm.name)?;
        vm.push_root(n)?;
        obj::dict::set_str(vm, d, Value::qstr(&crate::qstr::__name__), n)?;
        for f in nm.functions {
            let k = name_str(vm, f.name)?;
            vm.push_root(k)?;
            obj::dict::set_str(vm, d, k, Value::rom(f))?;
        }
        for c in nm.classes {
            // A class's name is a ROM qstr.
            obj::dict::set_str(vm, d, c.0.name, c.0.as_value())?;
        }
        let table = vm.rom_attrs;
        obj::dict::set(vm, table, v, d)
    })();
    vm.pop_roots(mark);
    r.map(|()| d)
}

/// `getattr` of native module `v`: its table (no heap) until it has a namespace dict.
/// NULL when absent. May collect (only `__name__`, `__dict__` and a module that has been
/// written to).
pub(crate) fn native_module_getattr(vm: &mut Vm<'_>, v: Value, name: Value) -> PyResult<Value> {
    let Some(nm) = as_native_module(v) else {
        return Ok(Value::NULL);
    };
    let d = side_dict(vm, v)?;
    if !d.is_null() {
        return Ok(match obj::dict::get_str(d, name) {
            Some(x) => x,
            None if obj::str::as_str(name) == Some("__dict__") => d,
            None => Value::NULL,
        });
    }
    let Some(text) = obj::str::as_str(name) else {
        return Ok(Value::NULL);
    };
    if let Some(x) = nm.entry(text) {
        return Ok(x);
    }
    match text {
        "__name__" => name_str(vm, nm.name),
        "__dict__" => native_module_dict(vm, v),
        _ => Ok(Value::NULL),
    }
}

/// `setattr`/`delattr` (`x` NULL) on native module `v`: writes its namespace dict, made on
/// first use. May collect.
pub(crate) fn native_module_setattr(vm: &mut Vm<'_>, v: Value, name: Value, x: Value) -> PyResult<()> {
    let d = native_module_dict(vm, v)?;
    let mark = vm.roots_mark();
    vm.push_root(d)?;
    let r = if x.is_null() {
        match obj::dict::remove(vm, d, name) {
            Ok(Some(_)) => Ok(()),
            Ok(None) => Err(obj::module::no_attr_to_delete(vm, name)),
            Err(e) => Err(e),
        }
    } else {
        obj::dict::set(vm, d, name, x)
    };
    vm.pop_roots(mark);
    r
}

/// Why [`Vm::add_module`] refused a module.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AddModuleError {
    /// A frozen module, a built-in module or another native module has that name.
    NameClash,
    /// [`super::MAX_NATIVE_MODULES`] modules are registered already.
    TooManyModules,
}

impl core::fmt::Display for AddModuleError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(match self {
            AddModuleError::NameClash => "a module with this name exists already",
            AddModuleError::TooManyModules => "too many native modules",
        })
    }
}

#[cfg(feature = "std")]
impl std::error::Error for AddModuleError {}

impl<'a> Vm<'a> {
    /// Make native module `m` importable (`import name`). A name that a frozen module (of an
    /// image added before or after), a built-in module (`gc`, `sys`, `math`) or another
    /// native module already has is refused: nothing is shadowed silently.
    pub fn add_module(&mut self, m: &'static NativeModule) -> Result<(), AddModuleError> {
        if crate::import::module_name_taken(self, m.name) {
            return Err(AddModuleError::NameClash);
        }
        match self.api.natives.iter_mut().find(|x| x.is_none()) {
            Some(slot) => {
                *slot = Some(m);
                Ok(())
            }
            None => Err(AddModuleError::TooManyModules),
        }
    }
}

/// The arguments of a native call: positional handles, then keyword names and values.
#[derive(Clone, Copy)]
pub struct Args<'s> {
    pos: &'s [Obj<'s>],
    kwnames: &'s [Obj<'s>],
    kwvals: &'s [Obj<'s>],
}

impl<'s> Args<'s> {
    /// # Safety
    /// The slices of `a` must stay valid and rooted for `'s`.
    unsafe fn from_vm(a: &obj::Args<'_>) -> Args<'s> {
        // SAFETY: forwarded contract: the values outlive 's and stay rooted.
        unsafe {
            Args {
                pos: &*(Obj::<'s>::from_values(a.pos) as *const [Obj<'s>]),
                kwnames: &*(Obj::<'s>::from_values(a.kwnames) as *const [Obj<'s>]),
                kwvals: &*(Obj::<'s>::from_values(a.kwvals) as *const [Obj<'s>]),
            }
        }
    }

    /// The positional arguments.
    pub fn positional(&self) -> &'s [Obj<'s>] {
        self.pos
    }

    /// Positional argument `i`.
    pub fn get(&self, i: usize) -> Option<Obj<'s>> {
        self.pos.get(i).copied()
    }

    /// Number of positional arguments.
    pub fn len(&self) -> usize {
        self.pos.len()
    }

    /// No positional argument?
    pub fn is_empty(&self) -> bool {
        self.pos.is_empty()
    }

    /// The keyword arguments as `(name, value)`.
    pub fn keywords(&self) -> impl Iterator<Item = (&'s str, Obj<'s>)> + 's {
        let (names, vals) = (self.kwnames, self.kwvals);
        names.iter().zip(vals).map(|(n, v)| (obj::str::as_str(n.v).unwrap_or(""), *v))
    }

    /// Bind the arguments to `sig` as CPython binds a Python function's, with its
    /// TypeError messages (`f() takes 2 positional arguments but 3 were given`,
    /// `f() missing 1 required positional argument: 'x'`,
    /// `f() got an unexpected keyword argument 'y'`, `f() got multiple values for argument
    /// 'x'`). Missing optional parameters are `None` in the result.
    pub fn bind<const N: usize>(&self, sig: &Signature<N>) -> Result<Bound<'s, N>, Error> {
        let mut slots: [Option<Obj<'s>>; N] = [None; N];
        let npos = self.pos.len();
        let (fixed, rest) = if npos > N {
            if !sig.varargs {
                return Err(too_many(sig, npos));
            }
            (&self.pos[..N], &self.pos[N..])
        } else {
            (self.pos, &self.pos[..0])
        };
        for (slot, a) in slots.iter_mut().zip(fixed) {
            *slot = Some(*a);
        }
        for (name, v) in self.keywords() {
            let Some(i) = sig.params.iter().position(|p| *p == name) else {
                return Err(Error::new_fmt(
                    ExcType::TYPE_ERROR,
                    format_args!("{}() got an unexpected keyword argument '{name}'", sig.name),
                ));
            };
            if slots[i].is_some() {
                return Err(Error::new_fmt(
                    ExcType::TYPE_ERROR,
                    format_args!("{}() got multiple values for argument '{name}'", sig.name),
                ));
            }
            slots[i] = Some(v);
        }
        let missing = slots[..sig.required.min(N)].iter().filter(|s| s.is_none()).count();
        if missing > 0 {
            let mut b = crate::vm::FixedBuf::new();
            let _ = write!(
                b,
                "{}() missing {missing} required positional argument{}: ",
                sig.name,
                if missing == 1 { "" } else { "s" }
            );
            let mut k = 0;
            for (i, s) in slots[..sig.required.min(N)].iter().enumerate() {
                if s.is_some() {
                    continue;
                }
                k += 1;
                let sep = match (k, missing) {
                    (1, _) => "",
                    (_, 2) => " and ",
                    (k, m) if k == m => ", and ",
                    _ => ", ",
                };
                let _ = write!(b, "{sep}'{}'", sig.params[i]);
            }
            return Err(Error::new(ExcType::TYPE_ERROR, b.as_str()));
        }
        Ok(Bound { args: slots, rest })
    }
}

fn too_many<const N: usize>(sig: &Signature<N>, given: usize) -> Error {
    let (lo, hi) = (sig.required.min(N), N);
    let was = if given == 1 { "was" } else { "were" };
    if lo == hi {
        Error::new_fmt(
            ExcType::TYPE_ERROR,
            format_args!(
                "{}() takes {hi} positional argument{} but {given} {was} given",
                sig.name,
                if hi == 1 { "" } else { "s" }
            ),
        )
    } else {
        Error::new_fmt(
            ExcType::TYPE_ERROR,
            format_args!("{}() takes from {lo} to {hi} positional arguments but {given} {was} given", sig.name),
        )
    }
}

/// A native function's parameters, for [`Args::bind`]: `params` in order (positional or
/// keyword), the first `required` of them without default, and `varargs` for a trailing
/// `*args`.
#[derive(Clone, Copy, Debug)]
pub struct Signature<const N: usize> {
    /// The function's name (for messages).
    pub name: &'static str,
    /// Parameter names.
    pub params: [&'static str; N],
    /// How many leading parameters are required.
    pub required: usize,
    /// Extra positional arguments go to [`Bound::rest`] instead of raising TypeError.
    pub varargs: bool,
}

/// Arguments bound to a [`Signature`].
#[derive(Clone, Copy, Debug)]
pub struct Bound<'s, const N: usize> {
    /// One per parameter; `None` for an optional parameter not given.
    pub args: [Option<Obj<'s>>; N],
    /// Extra positional arguments (`*args`).
    pub rest: &'s [Obj<'s>],
}

impl<'s, const N: usize> Bound<'s, N> {
    /// Parameter `i` converted with [`super::FromPython`]; a conversion error names the
    /// argument as CPython's argument parser does (`f() argument 2 must be int, not str`).
    pub fn get<'b, T: super::FromPython<'b, 's>>(
        &self,
        s: &'b Scope<'s>,
        sig: &Signature<N>,
        i: usize,
    ) -> Result<T, Error> {
        let o = self.args.get(i).copied().flatten().unwrap_or(s.none());
        T::from_python(s, o).map_err(|e| {
            if e.is(ExcType::TYPE_ERROR) && e.message().starts_with("must be") {
                e.with_prefix(format_args!("{}() argument {} ", sig.name, i + 1))
            } else {
                e
            }
        })
    }

    /// Parameter `i`, or `default` if it was not given.
    pub fn get_or<'b, T: super::FromPython<'b, 's>>(
        &self,
        s: &'b Scope<'s>,
        sig: &Signature<N>,
        i: usize,
        default: T,
    ) -> Result<T, Error> {
        match self.args.get(i).copied().flatten() {
            Some(_) => self.get(s, sig, i),
            None => Ok(default),
        }
    }
}
