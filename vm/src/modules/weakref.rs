//! `_weakref`, the native half of `weakref`: `ref` / `ReferenceType` (`obj/weakref.rs`),
//! `getweakrefcount` and `getweakrefs`. The `weakref` module itself (`finalize` and the weak
//! containers) is Python frozen into the VM (`vm/pylib/weakref.py`, `weakref_image.rs`),
//! which imports these.

use crate::obj::{self, weakref::WEAKREF_TYPE, Args};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

rom_module!("_weakref",
    fns: [getweakrefcount, getweakrefs],
    values: [ref_ as "ref" => Value::rom(&WEAKREF_TYPE), ReferenceType => Value::rom(&WEAKREF_TYPE)],
);

/// `getweakrefcount(obj)`: the number of weak references to `obj`.
fn getweakrefcount(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    one_arg(vm, "getweakrefcount", a)?;
    let mut n = 0;
    obj::weakref::for_each_ref(vm, a.pos[0], |_| n += 1);
    Ok(Value::small_int(n))
}

/// `getweakrefs(obj)`: a list of the weak references to `obj`, newest first.
fn getweakrefs(vm: &mut Vm<'_>, a: &Args<'_>) -> PyResult<Value> {
    one_arg(vm, "getweakrefs", a)?;
    let mut n = 0;
    obj::weakref::for_each_ref(vm, a.pos[0], |_| n += 1);
    let l = obj::list::with_capacity(vm, n)?;
    let m = vm.roots_mark();
    vm.push_root(l)?;
    // Appending within the capacity allocates nothing, so the list of references cannot
    // change under the walk; a second walk picks them up.
    let mut refs = [Value::NULL; 16];
    let mut i = 0;
    let mut r = Ok(());
    while i < n && r.is_ok() {
        let mut k = 0;
        let mut j = 0;
        obj::weakref::for_each_ref(vm, a.pos[0], |w| {
            if j >= i && k < refs.len() {
                refs[k] = w;
                k += 1;
            }
            j += 1;
        });
        for w in &refs[..k] {
            r = obj::list::append(vm, l, *w);
            if r.is_err() {
                break;
            }
        }
        i += k.max(1);
    }
    vm.pop_roots(m);
    r.map(|_| l)
}

fn one_arg(vm: &mut Vm<'_>, name: &str, a: &Args<'_>) -> PyResult<()> {
    if a.pos.len() != 1 || !a.kwnames.is_empty() {
        let n = a.pos.len() + a.kwnames.len();
        return Err(vm.type_error(format_args!("_weakref.{name}() takes exactly one argument ({n} given)")));
    }
    Ok(())
}
