//! Imports: frozen modules from the registered images, built-in modules (`gc`, `math`,
//! `sys`), packages, relative imports and the module table (`sys.modules`).

use crate::call;
use crate::interp::{self, Exit};
use crate::obj::frame::{fl, FramePtr};
use crate::obj::{self, exception as exc, module};
use crate::qstr;
use crate::rom::FrozenModule;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

fn find_frozen(vm: &Vm<'_>, name: &str) -> Option<&'static FrozenModule> {
    for img in vm.images.iter().flatten() {
        let mods = img.modules;
        let (mut lo, mut hi) = (0, mods.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            let mn = obj::str::as_str(mods[mid].name).unwrap_or("");
            match mn.cmp(name) {
                core::cmp::Ordering::Equal => return Some(&mods[mid]),
                core::cmp::Ordering::Less => lo = mid + 1,
                core::cmp::Ordering::Greater => hi = mid,
            }
        }
        // Fall back to a linear scan in case the image is not sorted.
        for m in mods {
            if obj::str::as_str(m.name) == Some(name) {
                return Some(m);
            }
        }
    }
    None
}

/// Does a frozen, built-in or native module already have the name `name`?
pub(crate) fn module_name_taken(vm: &Vm<'_>, name: &str) -> bool {
    find_frozen(vm, name).is_some()
        || crate::modules::is_builtin_module(name)
        || crate::api::find_native(vm, name).is_some()
}

fn not_found(vm: &mut Vm<'_>, name: &str) -> crate::vm::Raised {
    vm.raise_fmt(&exc::MODULE_NOT_FOUND_ERROR_TYPE, format_args!("No module named '{name}'"))
}

/// A str value with `text` for a module name or a name bound in a module: the qstr of a
/// frozen module with that name, or one found in the name tables of the frozen modules
/// `near` (so no heap copy is made), else a new heap str. May collect.
fn name_value(vm: &mut Vm<'_>, text: &str, near: &[&str]) -> PyResult<Value> {
    if let Some(fm) = find_frozen(vm, text) {
        return Ok(fm.name);
    }
    if let Some(n) = crate::modules::std_module_name(text) {
        return Ok(n);
    }
    for m in near {
        if let Some(fm) = find_frozen(vm, m) {
            if let Some(n) = fm.code.names().iter().find(|n| obj::str::as_str(**n) == Some(text)) {
                return Ok(*n);
            }
        }
    }
    obj::str::new(vm, text)
}

fn loaded(vm: &mut Vm<'_>, name: Value) -> Option<Value> {
    obj::dict::get_str(vm.modules, name)
}

/// `sys.modules[name] = m`. The table starts with room for four modules (a program always
/// has a few), so importing a ROM module allocates nothing until then. May collect.
fn register(vm: &mut Vm<'_>, name: Value, m: Value) -> PyResult<()> {
    if obj::dict::as_dict(vm.modules).is_some_and(|d| d.used() == 0) {
        let mark = vm.roots_mark();
        vm.push_root(name)?;
        vm.push_root(m)?;
        let r = obj::dict::reserve(vm, vm.modules, 4);
        vm.pop_roots(mark);
        r?;
    }
    obj::dict::set_str(vm, vm.modules, name, m)
}

/// Execute a frozen module body in a new module registered as `as_name`. May collect.
fn exec_module(vm: &mut Vm<'_>, fm: &'static FrozenModule, as_name: Value) -> PyResult<Value> {
    let m = module::new_with_keys(vm, as_name, &fm.keys)?;
    let mark = vm.roots_mark();
    vm.push_root(m)?;
    let d = module::as_module(m).map(|x| x.dict).unwrap_or(Value::NULL);
    register(vm, as_name, m)?;
    let full = fm.name;
    let full_s = obj::str::as_str(full).unwrap_or("");
    let pkg = if fm.is_package {
        full
    } else {
        match full_s.rfind('.') {
            Some(i) => name_value(vm, &full_s[..i], &[])?,
            None => Value::qstr(&qstr::EMPTY),
        }
    };
    vm.push_root(pkg)?;
    // The dunders in `frostbyte_format::module::DUNDERS` order, the order the image builders
    // put them in the module's key table (`__name__` came with the module).
    for dunder in frostbyte_format::module::DUNDERS {
        use frostbyte_format::module::Dunder;
        if !dunder.bound_in(fm.is_package) {
            continue;
        }
        let (key, value) = match dunder {
            Dunder::Name => continue,
            Dunder::Package => (Value::qstr(&qstr::__package__), pkg),
            Dunder::File => (Value::qstr(&qstr::__file__), fm.code.file()),
            Dunder::Path => (Value::qstr(&qstr::__path__), obj::list::with_capacity(vm, 0)?),
            Dunder::Doc => (Value::qstr(&qstr::__doc__), Value::NONE),
        };
        obj::dict::set_str(vm, d, key, value)?;
    }
    let f = FramePtr::new(vm, fm.code, Value::NULL, d)?;
    f.set_locals(d);
    f.set_flags(f.flags() | fl::MODULE);
    let r = interp::run(vm, f, Value::NULL);
    match r {
        Ok(Exit::Return(_)) | Ok(Exit::Yield(_)) => {
            obj::dict::shrink(vm, d);
            vm.pop_roots(mark);
            Ok(m)
        }
        Err(e) => {
            let p = vm.take_pending();
            let _ = obj::dict::remove(vm, vm.modules, as_name);
            vm.pending = p;
            vm.pop_roots(mark);
            Err(e)
        }
    }
}

/// Import one fully qualified module whose parent is already imported. May collect.
fn import_one(vm: &mut Vm<'_>, full: &str) -> PyResult<Value> {
    // A native module is its own static module object: importing it allocates nothing, and
    // it is not entered in `sys.modules` (no frozen or built-in module can have its name).
    if let Some(nm) = crate::api::find_native(vm, full) {
        return Ok(Value::rom(nm));
    }
    let name = name_value(vm, full, &[])?;
    let mark = vm.roots_mark();
    vm.push_root(name)?;
    if let Some(m) = loaded(vm, name) {
        vm.pop_roots(mark);
        return Ok(m);
    }
    let mut fm = find_frozen(vm, full);
    if fm.is_none() {
        if let Some(img) = crate::modules::builtin_image(full) {
            // First import of a module the VM carries as frozen Python: register its image.
            if let Err(e) = vm.add_image(img) {
                vm.pop_roots(mark);
                return Err(match e {
                    crate::vm::ImageError::OutOfMemory => vm.raise_memory_error(),
                    // MAX_IMAGES embedder images: no slot left for the VM's own.
                    _ => vm
                        .raise_fmt(&exc::IMPORT_ERROR_TYPE, format_args!("cannot import '{full}': no image slot left")),
                });
            }
            fm = find_frozen(vm, full);
        }
    }
    let m = if let Some(fm) = fm {
        exec_module(vm, fm, name)?
    } else if let Some(m) = crate::modules::make_builtin_module(vm, full)? {
        register(vm, name, m)?;
        m
    } else {
        vm.pop_roots(mark);
        return Err(not_found(vm, full));
    };
    vm.push_root(m)?;
    // Bind as an attribute of the parent package.
    if let Some(i) = full.rfind('.') {
        let parent = name_value(vm, &full[..i], &[])?;
        vm.push_root(parent)?;
        if let Some(p) = loaded(vm, parent) {
            let child = name_value(vm, &full[i + 1..], &[&full[..i], full])?;
            vm.push_root(child)?;
            if module::as_module(p).is_some() {
                // Through the module's setattr: a native parent keeps its namespace aside.
                crate::runtime::set_attr(vm, p, child, m)?;
            }
        }
    }
    vm.pop_roots(mark);
    Ok(m)
}

/// Import `a.b.c` (each package on the way); returns the last module. May collect.
pub fn import_dotted(vm: &mut Vm<'_>, name: &str) -> PyResult<Value> {
    if name.is_empty() {
        return Err(vm.raise_msg(&exc::VALUE_ERROR_TYPE, "Empty module name"));
    }
    let mark = vm.roots_mark();
    let mut end = 0;
    let last = loop {
        let next = name[end..].find('.').map(|i| end + i).unwrap_or(name.len());
        let m = import_one(vm, &name[..next])?;
        if next >= name.len() {
            break m;
        }
        // Keep the parent package alive while its child is imported.
        vm.push_root(m)?;
        end = next + 1;
    };
    vm.pop_roots(mark);
    Ok(last)
}

/// Run `module` as `__main__`. May collect.
pub fn run_main(vm: &mut Vm<'_>, name: &str) -> PyResult<()> {
    let Some(fm) = find_frozen(vm, name) else {
        return Err(not_found(vm, name));
    };
    exec_module(vm, fm, Value::qstr(&qstr::__main__)).map(|_| ())
}

/// IMPORT_NAME. May collect.
pub fn import_name(vm: &mut Vm<'_>, name: Value, fromlist: Value, level: usize, globals: Value) -> PyResult<Value> {
    let n = obj::str::as_str(name).unwrap_or("");
    let mut buf = [0u8; 256];
    let full: &str = if level > 0 {
        let pkg = obj::dict::get_str(globals, Value::qstr(&qstr::__package__))
            .and_then(obj::str::as_str)
            .filter(|s| !s.is_empty());
        let Some(mut base) = pkg else {
            return Err(vm.raise_msg(&exc::IMPORT_ERROR_TYPE, "attempted relative import with no known parent package"));
        };
        for _ in 1..level {
            match base.rfind('.') {
                Some(i) => base = &base[..i],
                None => {
                    return Err(
                        vm.raise_msg(&exc::IMPORT_ERROR_TYPE, "attempted relative import beyond top-level package")
                    )
                }
            }
        }
        let total = base.len() + if n.is_empty() { 0 } else { 1 + n.len() };
        if total > buf.len() {
            return Err(vm.raise_msg(&exc::IMPORT_ERROR_TYPE, "module name too long"));
        }
        buf[..base.len()].copy_from_slice(base.as_bytes());
        if !n.is_empty() {
            buf[base.len()] = b'.';
            buf[base.len() + 1..total].copy_from_slice(n.as_bytes());
        }
        core::str::from_utf8(&buf[..total]).unwrap_or("")
    } else {
        n
    };
    let leaf = import_dotted(vm, full)?;
    let empty_from = fromlist == Value::NONE
        || fromlist.is_null()
        || obj::tuple::items(fromlist).map(|t| t.is_empty()).unwrap_or(true);
    if empty_from && level == 0 {
        let top = &full[..full.find('.').unwrap_or(full.len())];
        if let Some(nm) = crate::api::find_native(vm, top) {
            return Ok(Value::rom(nm));
        }
        let tv = name_value(vm, top, &[])?;
        return Ok(loaded(vm, tv).unwrap_or(leaf));
    }
    Ok(leaf)
}

/// IMPORT_FROM. May collect.
pub fn import_from(vm: &mut Vm<'_>, m: Value, name: Value) -> PyResult<Value> {
    if let Some(v) = crate::runtime::get_attr_opt(vm, m, name)? {
        return Ok(v);
    }
    let ms = module::name_text(m).unwrap_or("?");
    let ns = obj::str::as_str(name).unwrap_or("?");
    let mut buf = [0u8; 256];
    let total = ms.len() + 1 + ns.len();
    if total <= buf.len() {
        buf[..ms.len()].copy_from_slice(ms.as_bytes());
        buf[ms.len()] = b'.';
        buf[ms.len() + 1..total].copy_from_slice(ns.as_bytes());
        let full = core::str::from_utf8(&buf[..total]).unwrap_or("");
        if find_frozen(vm, full).is_some() {
            return import_one(vm, full);
        }
    }
    Err(vm.raise_fmt(&exc::IMPORT_ERROR_TYPE, format_args!("cannot import name '{ns}' from '{ms}' (unknown location)")))
}

/// IMPORT_STAR. May collect.
pub fn import_star(vm: &mut Vm<'_>, m: Value, target: Value) -> PyResult<()> {
    let mark = vm.roots_mark();
    let r = import_star_inner(vm, m, target);
    vm.pop_roots(mark);
    r
}

fn import_star_inner(vm: &mut Vm<'_>, m: Value, target: Value) -> PyResult<()> {
    let Some(md) = module::as_module(m) else { return Ok(()) };
    // A native module's names: its namespace dict, made for the occasion.
    let d = if md.dict.is_null() { crate::api::native_module_dict(vm, m)? } else { md.dict };
    vm.push_root(d)?;
    let all = obj::dict::get_str(d, Value::qstr(&ALL));
    if let Some(all) = all {
        let l = obj::list::from_iter(vm, all)?;
        vm.push_root(l)?;
        let n = obj::list::as_list(l).map(|x| x.len()).unwrap_or(0);
        for i in 0..n {
            let k = obj::list::as_list(l).and_then(|x| x.get(i)).unwrap_or(Value::NONE);
            let v = crate::runtime::get_attr(vm, m, k)?;
            obj::dict::set(vm, target, k, v)?;
        }
        return Ok(());
    }
    let mut i = 0;
    while let Some((k, v)) = obj::dict::as_dict(d).and_then(|x| x.entry(i)) {
        i += 1;
        if k.is_null() || obj::str::as_str(k).map(|s| s.starts_with('_')).unwrap_or(true) {
            continue;
        }
        obj::dict::set(vm, target, k, v)?;
    }
    let _ = call::Prepared::Done(Value::NONE);
    Ok(())
}

crate::static_qstr!(ALL, "__all__");
