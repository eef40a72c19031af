//! `frostbyte size <elf> [--python DIR]...`: where a linked firmware's flash goes.
//!
//! The emitter names every frozen static with a kind prefix (see `compiler/src/freeze.rs`), so
//! the frozen image can be split by reading the ELF symbol table. The statics are items inside
//! the initialiser block of the image static, so their demangled paths end in
//! `<crate>::<IMAGE>::FB_...`:
//!
//! | prefix | kind | reported as |
//! |---|---|---|
//! | `FB_BC` | code blobs: bytecode, cold counts, line and exception tables | code blobs |
//! | `FB_Q` | qstrs (header with hash and length, then the text) | strings |
//! | `FB_N` | module name tables | strings |
//! | `FB_K<n>` | constant objects (int, float, bytes, tuple) | constant objects |
//! | `FB_KA` | value arrays (constants, then local names; one per code object) | value arrays |
//! | `FB_CODE` | code-object structs | code objects |
//! | `FB_CM` | per-module code records (file, name table) | code objects |
//! | `FB_MOD` | the module list; the image static itself is counted with it | code objects |
//!
//! Everything else is attributed by the crate its demangled path starts with (for
//! `<T as Trait>::f`, the crate of `T`): the VM (`frostbyte_vm`, `frostbyte_format`), the
//! libraries the VM pulls in (`core`, `libm`, compiler intrinsics such as `memcpy` and
//! `__aeabi_*`), and the board runtime (everything else: `cortex_m_rt`, `riscv_rt`,
//! `semihosting`, the firmware crate, vector tables). After LTO a function inlined into a VM
//! function counts as VM code. Bytes of loadable sections that no sized symbol covers (string
//! literals, switch tables, `core`'s Unicode and float tables, which LTO emits as anonymous
//! data) are reported as "unnamed read-only data" and counted with the VM, their main user;
//! code bytes no symbol covers are reported on their own line. `OUTLINED_FUNCTION_*` (code
//! LLVM's outliner shares between functions at opt-level "z") counts as VM code.
//! Symbols sharing an address (aliases) are counted once.
//!
//! The standard modules (`frostbyte_vm::modules::<name>`, one Rust module each) are counted
//! with the VM and broken down per module on their own lines; code LTO inlines into a
//! module's functions counts for that module.

use object::{Object, ObjectSection, ObjectSymbol, SectionIndex, SectionKind, SymbolSection};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[derive(Default, Clone, Copy)]
struct Tally {
    bytes: u64,
    count: u64,
}

impl Tally {
    fn add(&mut self, bytes: u64) {
        self.bytes += bytes;
        self.count += 1;
    }
}

/// Frozen-image kinds, in report order.
const KINDS: [(&str, &str); 6] = [
    ("code blobs (bytecode, line + exception tables)", "FB_BC"),
    ("strings (qstr text + headers, name tables)", "FB_Q FB_N"),
    ("constant objects", "FB_K<n>"),
    ("value arrays (constants, local names)", "FB_KA"),
    ("code objects, functions + module list", "FB_CODE FB_FN FB_CM FB_MOD"),
    ("namespaces (class ROM dicts + tables, module key tables)", "FB_NS FB_NT FB_NK"),
];

/// The standard module (`frostbyte_vm::modules::<name>::...`) a demangled symbol belongs
/// to, with a trailing `_` (a Rust keyword escape, `struct_`) removed.
fn std_module_of(name: &str) -> Option<&str> {
    let rest = name.trim_start_matches('<').strip_prefix("frostbyte_vm::modules::")?;
    let (m, _) = rest.split_once("::")?;
    // A module written in Python is frozen into the VM as `<name>_image` (`__future__`'s is
    // `future_image`).
    Some(match m.strip_suffix("_image") {
        Some("future") => "__future__",
        Some(py) => py,
        None => m.strip_suffix('_').unwrap_or(m),
    })
}

/// The frozen-image kind (index into `KINDS`) of a demangled symbol name.
fn frozen_kind(name: &str) -> Option<usize> {
    let last = name.rsplit("::").next().unwrap_or(name);
    let last = last.split('.').next().unwrap_or(last);
    let rest = last.strip_prefix("FB_")?;
    let after =
        |p: &str| rest.strip_prefix(p).map(|r| r.is_empty() || r.starts_with(|c: char| c.is_ascii_digit() || c == '_'));
    let k = if ["CODE", "FN", "CM", "MOD"].iter().any(|p| after(p) == Some(true)) {
        4
    } else if ["NS", "NT", "NK"].iter().any(|p| after(p) == Some(true)) {
        5
    } else if after("BC") == Some(true) {
        0
    } else if after("KA") == Some(true) {
        3
    } else if after("K") == Some(true) {
        2
    } else if after("N") == Some(true) || after("Q") == Some(true) {
        1
    } else {
        return None;
    };
    Some(k)
}

/// The crate a demangled path belongs to: `a::f` -> `a`; `<a::T as b::Trait>::f` -> `a`;
/// `<u8 as b::Trait>::f` (a type from no crate: primitive, slice, reference, generic) -> `b`;
/// `<i128>::f` -> `core`; an unmangled C name -> "".
fn crate_of(name: &str) -> &str {
    fn first(path: &str) -> &str {
        let p = path.trim_start_matches(['<', '&', '*', '(', '[', ' ']);
        let p = p.strip_prefix("mut ").or_else(|| p.strip_prefix("const ")).unwrap_or(p);
        let p = p.trim_start_matches(['<', '&', '*', '(', '[', ' ']);
        match p.find("::") {
            Some(i) if !p[..i].contains([' ', '<', '>', ';', ']', ')']) => &p[..i],
            _ => "",
        }
    }
    let Some(inner) = name.strip_prefix('<') else {
        return first(name);
    };
    if let Some(i) = inner.find(" as ") {
        let ty = first(&inner[..i]);
        return if ty.is_empty() { first(&inner[i + 4..]) } else { ty };
    }
    match first(inner) {
        "" => "core", // `<i128>::rem_euclid`: an inherent method of a primitive type
        c => c,
    }
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Owner {
    Vm,
    Core,
    Libm,
    Intrinsics,
    Runtime,
}

fn owner_of(name: &str) -> Owner {
    match crate_of(name) {
        "frostbyte_vm" | "frostbyte_format" | "frostbyte" => Owner::Vm,
        "core" | "alloc" => Owner::Core,
        "libm" => Owner::Libm,
        "compiler_builtins" => Owner::Intrinsics,
        "" if is_intrinsic(name) => Owner::Intrinsics,
        // Code shared by several functions (LLVM's machine outliner at opt-level "z"); nearly
        // all of the code it is taken from is the VM's.
        "" if name.starts_with("OUTLINED_FUNCTION") => Owner::Vm,
        _ => Owner::Runtime,
    }
}

fn is_intrinsic(name: &str) -> bool {
    name.starts_with("__aeabi")
        || name.starts_with("__")
            && ["si", "di", "sf", "df", "ti"]
                .iter()
                .any(|s| name.ends_with(&format!("{s}2")) || name.ends_with(&format!("{s}3")) || name.ends_with(s))
        || ["memcpy", "memmove", "memset", "memcmp", "bcmp", "strlen"].contains(&name)
}

fn count_lines(dir: &Path, total: &mut (u64, u64, u64)) {
    if dir.is_file() {
        count_file(dir, total);
        return;
    }
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<_> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            count_lines(&p, total);
        } else {
            count_file(&p, total);
        }
    }
}

fn count_file(p: &Path, total: &mut (u64, u64, u64)) {
    if p.extension().is_some_and(|e| e == "py") {
        if let Ok(text) = std::fs::read_to_string(p) {
            total.2 += 1;
            for l in text.lines() {
                total.0 += 1;
                let t = l.trim();
                if !t.is_empty() && !t.starts_with('#') {
                    total.1 += 1;
                }
            }
        }
    }
}

fn kib(b: u64) -> String {
    format!("{:.1} KiB", b as f64 / 1024.0)
}

/// What one ELF's flash holds, as the report and the diff read it.
struct Analysis {
    text: u64,
    ro: u64,
    init: u64,
    bss: u64,
    frozen: [Tally; KINDS.len()],
    /// (owner, is code) -> bytes
    owned: BTreeMap<(Owner, bool), u64>,
    std_modules: BTreeMap<String, u64>,
    /// Bytes per crate (demangled path prefix; "" for C names), frozen statics left out.
    crates: BTreeMap<String, u64>,
    /// Every counted symbol: (demangled name, bytes).
    symbols: Vec<(String, u64)>,
    unnamed_code: u64,
    unnamed_data: u64,
}

impl Analysis {
    fn flash(&self) -> u64 {
        self.text + self.ro + self.init
    }
}

fn analyse(elf: &Path) -> Result<Analysis, String> {
    let data = std::fs::read(elf).map_err(|e| format!("{}: {e}", elf.display()))?;
    let file = object::File::parse(&*data).map_err(|e| format!("{}: not an ELF file: {e}", elf.display()))?;
    // Loadable sections: which are flash (code, read-only data, initialisers of .data) and
    // which are RAM only (.bss).
    let (mut text, mut ro, mut init, mut bss) = (0u64, 0u64, 0u64, 0u64);
    let mut flash_sections: HashMap<SectionIndex, (u64, bool)> = HashMap::new(); // size, is code
    for s in file.sections() {
        let size = s.size();
        if size == 0 {
            continue;
        }
        match s.kind() {
            SectionKind::Text => {
                text += size;
                flash_sections.insert(s.index(), (size, true));
            }
            SectionKind::ReadOnlyData | SectionKind::ReadOnlyString => {
                ro += size;
                flash_sections.insert(s.index(), (size, false));
            }
            SectionKind::Data => {
                init += size; // the initialisers are stored in flash and copied at reset
                flash_sections.insert(s.index(), (size, false));
            }
            SectionKind::UninitializedData => bss += size,
            _ => {}
        }
    }

    let mut frozen = [Tally::default(); KINDS.len()];
    // (owner, is code) -> bytes
    let mut owned: BTreeMap<(Owner, bool), u64> = BTreeMap::new();
    let mut covered: HashMap<SectionIndex, u64> = HashMap::new();
    let mut seen: HashSet<(SectionIndex, u64)> = HashSet::new();
    let mut image_static = None;
    let mut std_modules: BTreeMap<String, u64> = BTreeMap::new();
    let mut crates: BTreeMap<String, u64> = BTreeMap::new();
    let mut symbols = Vec::new();
    for sym in file.symbols() {
        let SymbolSection::Section(sec) = sym.section() else {
            continue;
        };
        let Some(&(_, is_code)) = flash_sections.get(&sec) else {
            continue;
        };
        let size = sym.size();
        let Ok(raw) = sym.name() else { continue };
        if raw.starts_with(".L") {
            continue; // anonymous constants (`.Lanon.*`): counted as unnamed data below
        }
        if size == 0 || !seen.insert((sec, sym.address() & !1)) {
            continue;
        }
        let name = format!("{:#}", rustc_demangle::demangle(raw)); // without the hash suffix
        *covered.entry(sec).or_default() += size;
        symbols.push((name.clone(), size));
        // The VM's own frozen modules (asyncio, weakref, __future__) are the VM's flash, not
        // the firmware's frozen image.
        if let Some(k) = frozen_kind(&name).filter(|_| std_module_of(&name).is_none()) {
            frozen[k].add(size);
            continue;
        }
        *crates.entry(crate_of(&name).to_string()).or_default() += size;
        if let Some(m) = std_module_of(&name) {
            *std_modules.entry(m.to_string()).or_default() += size;
        }
        owned.entry((owner_of(&name), is_code)).and_modify(|b| *b += size).or_insert(size);
        if !is_code && !crate_of(&name).is_empty() && name.ends_with("::FROZEN") {
            image_static = Some((owner_of(&name), crate_of(&name).to_string(), size));
        }
    }
    // The `Image` static (named by `Config::static_name`, `FROZEN` by default) belongs to the
    // frozen image, not to the firmware crate.
    if let Some((owner, krate, size)) = image_static {
        if let Some(b) = owned.get_mut(&(owner, false)) {
            *b -= size;
        }
        if let Some(b) = crates.get_mut(&krate) {
            *b -= size;
        }
        frozen[4].add(size);
    }
    let mut unnamed_code = 0u64;
    let mut unnamed_data = 0u64;
    for (sec, (size, is_code)) in &flash_sections {
        let gap = size.saturating_sub(covered.get(sec).copied().unwrap_or(0));
        if *is_code {
            unnamed_code += gap;
        } else {
            unnamed_data += gap;
        }
    }
    Ok(Analysis { text, ro, init, bss, frozen, owned, std_modules, crates, symbols, unnamed_code, unnamed_data })
}

/// The footprint report for `elf`.
pub fn report(elf: &Path, python_dirs: &[PathBuf]) -> Result<String, String> {
    let Analysis { text, ro, init, bss, frozen, owned, std_modules, unnamed_code, unnamed_data, .. } = analyse(elf)?;
    let get = |o: Owner, code: bool| owned.get(&(o, code)).copied().unwrap_or(0);
    let flash = text + ro + init;
    let frozen_total: u64 = frozen.iter().map(|t| t.bytes).sum();
    let vm_code = get(Owner::Vm, true);
    let vm_data = get(Owner::Vm, false);
    let lib_code = get(Owner::Core, true) + get(Owner::Libm, true) + get(Owner::Intrinsics, true);
    let lib_data = get(Owner::Core, false) + get(Owner::Libm, false) + get(Owner::Intrinsics, false);
    let vm_total = vm_code + vm_data + lib_code + lib_data + unnamed_data;
    let runtime = get(Owner::Runtime, true) + get(Owner::Runtime, false);

    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(w, "{}", elf.display());
    let _ = writeln!(
        w,
        "  flash {flash} B ({}): code {text} B, read-only data {ro} B, .data initialisers {init} B; static RAM {} B",
        kib(flash),
        init + bss
    );
    let _ = writeln!(w, "  VM and the libraries it uses       {vm_total:>7} B  ({})", kib(vm_total));
    let _ = writeln!(w, "    frostbyte_vm code                {vm_code:>7} B");
    let _ = writeln!(w, "    frostbyte_vm data                {vm_data:>7} B  (types, built-in qstrs and methods)");
    let _ = writeln!(
        w,
        "    core code                        {:>7} B  (fmt, i128, unicode, slices)",
        get(Owner::Core, true)
    );
    let _ = writeln!(w, "    core data                        {:>7} B", get(Owner::Core, false));
    let _ =
        writeln!(w, "    libm code + data                 {:>7} B", get(Owner::Libm, true) + get(Owner::Libm, false));
    let _ = writeln!(
        w,
        "    compiler intrinsics              {:>7} B  (soft float, memcpy, ...)",
        get(Owner::Intrinsics, true) + get(Owner::Intrinsics, false)
    );
    let _ = writeln!(
        w,
        "    unnamed read-only data           {unnamed_data:>7} B  (literals, tables: core unicode/float, VM messages)"
    );
    if !std_modules.is_empty() {
        let total: u64 = std_modules.values().sum();
        let _ = writeln!(w, "    standard modules (in the above)  {total:>7} B  (code + ROM tables, by Rust module)");
        for (m, b) in &std_modules {
            let _ = writeln!(w, "      {m:<30} {b:>7} B");
        }
    }
    let _ = writeln!(
        w,
        "  board runtime and glue             {runtime:>7} B  (vectors, *-rt, semihosting, firmware crate)"
    );
    let _ = writeln!(w, "  code not covered by any symbol     {unnamed_code:>7} B  (alignment, symbol-less code)");
    let _ = writeln!(w, "  frozen image                       {frozen_total:>7} B  ({})", kib(frozen_total));
    for (i, (label, prefixes)) in KINDS.iter().enumerate() {
        let t = frozen[i];
        let _ = writeln!(w, "    {label:<42} {:>7} B  {:>4} items  [{prefixes}]", t.bytes, t.count);
    }
    if frozen_total == 0 {
        let _ = writeln!(w, "    (no FB_* symbols: not a Frostbyte firmware, or the symbols were stripped)");
    }
    if !python_dirs.is_empty() {
        let mut lines = (0u64, 0u64, 0u64);
        for d in python_dirs {
            count_lines(d, &mut lines);
        }
        if lines.0 > 0 {
            let _ = writeln!(
                w,
                "  python source: {} files, {} lines ({} non-blank, non-comment)",
                lines.2, lines.0, lines.1
            );
            let _ = writeln!(
                w,
                "  frozen flash per source line: {:.1} B ({:.1} B per code line)",
                frozen_total as f64 / lines.0 as f64,
                frozen_total as f64 / lines.1.max(1) as f64
            );
        }
    }
    Ok(out)
}

/// The rows `size --diff` compares: (what, bytes). Standard modules are a breakdown of the
/// `frostbyte_vm` crate row, so the crate rows and the frozen rows add up to the flash
/// (less padding no symbol covers).
fn rows(a: &Analysis) -> BTreeMap<String, u64> {
    let mut rows = BTreeMap::new();
    for (c, b) in &a.crates {
        let c = if c.is_empty() { "(C symbols: intrinsics, vectors, outlined code)" } else { c };
        rows.insert(format!("crate {c}"), *b);
    }
    for (m, b) in &a.std_modules {
        rows.insert(format!("module {m} (in frostbyte_vm)"), *b);
    }
    for (i, (label, _)) in KINDS.iter().enumerate() {
        rows.insert(format!("frozen {label}"), a.frozen[i].bytes);
    }
    rows.insert("unnamed read-only data".into(), a.unnamed_data);
    rows.insert("code not covered by any symbol".into(), a.unnamed_code);
    rows
}

fn signed(d: i128) -> String {
    if d > 0 {
        format!("+{d}")
    } else {
        d.to_string()
    }
}

/// `size --diff OLD NEW`: the flash of both, then every crate, standard module and frozen
/// kind whose size changed, largest change first. Returns the report and the flash change.
pub fn diff(old: &Path, new: &Path) -> Result<(String, i128), String> {
    let (a, b) = (analyse(old)?, analyse(new)?);
    let (ra, rb) = (rows(&a), rows(&b));
    let mut changes: Vec<(i128, &str, u64, u64)> = Vec::new();
    for key in ra.keys().chain(rb.keys().filter(|k| !ra.contains_key(*k))) {
        let (x, y) = (ra.get(key).copied().unwrap_or(0), rb.get(key).copied().unwrap_or(0));
        if x != y {
            changes.push((y as i128 - x as i128, key, x, y));
        }
    }
    changes.sort_by(|p, q| q.0.abs().cmp(&p.0.abs()).then_with(|| q.0.cmp(&p.0)).then_with(|| p.1.cmp(q.1)));
    let total = b.flash() as i128 - a.flash() as i128;
    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(w, "{} -> {}", old.display(), new.display());
    let pct = if a.flash() == 0 { 0.0 } else { total as f64 * 100.0 / a.flash() as f64 };
    let _ = writeln!(w, "  flash {} B -> {} B: {} B ({pct:+.2}%)", a.flash(), b.flash(), signed(total));
    if changes.is_empty() {
        let _ = writeln!(w, "  no crate, module or frozen kind changed size");
    } else {
        let _ = writeln!(w, "  {:>10} {:>10} {:>10}  item (largest change first)", "change", "old", "new");
        for (d, key, x, y) in &changes {
            let _ = writeln!(w, "  {:>8} B {x:>8} B {y:>8} B  {key}", signed(*d));
        }
    }
    Ok((out, total))
}

/// `size --budget BYTES`: `None` when `elf`'s flash fits, else a report of how far it is
/// over and of its largest crates and items (symbols), in the format of the build's
/// over-budget report (`frostbyte_compiler::footprint::over_budget_report`).
pub fn over_budget(elf: &Path, budget: u64) -> Result<Option<String>, String> {
    let a = analyse(elf)?;
    let flash = a.flash();
    if flash <= budget {
        return Ok(None);
    }
    let head = format!(
        "frostbyte size: {}: flash {flash} B exceeds the budget of {budget} B by {} B",
        elf.display(),
        flash - budget
    );
    let frozen: u64 = a.frozen.iter().map(|t| t.bytes).sum();
    let mut crates: Vec<(String, u64)> = a
        .crates
        .iter()
        .map(|(c, b)| (if c.is_empty() { "(C symbols)".to_string() } else { c.clone() }, *b))
        .chain((frozen > 0).then(|| ("(frozen image)".to_string(), frozen)))
        .collect();
    crates.sort_by(|p, q| q.1.cmp(&p.1).then_with(|| p.0.cmp(&q.0)));
    let mut syms = a.symbols.clone();
    syms.sort_by(|p, q| q.1.cmp(&p.1).then_with(|| p.0.cmp(&q.0)));
    Ok(Some(frostbyte_compiler::footprint::over_budget_report(
        &head,
        &[("largest crates", &crates), ("largest items", &syms)],
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds() {
        assert_eq!(frozen_kind("fw::FROZEN::FB_BC4_0"), Some(0));
        assert_eq!(frozen_kind("fw::FROZEN::FB_Q12"), Some(1));
        assert_eq!(frozen_kind("fw::FROZEN::FB_N6"), Some(1));
        assert_eq!(frozen_kind("fw::FROZEN::FB_K3"), Some(2));
        assert_eq!(frozen_kind("fw::FROZEN::FB_KA0_0"), Some(3));
        assert_eq!(frozen_kind("fw::FROZEN::FB_CODE2_1"), Some(4));
        assert_eq!(frozen_kind("fw::FROZEN::FB_CM0"), Some(4));
        assert_eq!(frozen_kind("fw::FROZEN::FB_MOD"), Some(4));
        assert_eq!(frozen_kind("fw::FROZEN::FB_NS3"), Some(5));
        assert_eq!(frozen_kind("fw::FROZEN::FB_NT0"), Some(5));
        assert_eq!(frozen_kind("fw::FROZEN::FB_NK2"), Some(5));
        assert_eq!(frozen_kind("fw::FB_QUEUE"), None);
        assert_eq!(frozen_kind("frostbyte_vm::interp::exec"), None);
    }

    #[test]
    fn std_modules() {
        assert_eq!(std_module_of("frostbyte_vm::modules::struct_::pack_item"), Some("struct"));
        assert_eq!(std_module_of("frostbyte_vm::modules::heapq::rom_fns::heappush"), Some("heapq"));
        assert_eq!(std_module_of("<frostbyte_vm::modules::bisect::X as core::fmt::Debug>::fmt"), Some("bisect"));
        assert_eq!(std_module_of("frostbyte_vm::modules::asyncio_image::ASYNCIO::FB_Q3"), Some("asyncio"));
        assert_eq!(std_module_of("frostbyte_vm::modules::future_image::FUTURE::FB_CODE0"), Some("__future__"));
        assert_eq!(std_module_of("frostbyte_vm::modules::make_builtin_module"), None);
        assert_eq!(std_module_of("frostbyte_vm::interp::exec"), None);
    }

    #[test]
    fn owners() {
        assert!(owner_of("frostbyte_vm::interp::exec") == Owner::Vm);
        assert!(owner_of("<frostbyte_vm::obj::Foo as core::fmt::Write>::write_str") == Owner::Vm);
        assert!(owner_of("<&T as core::fmt::Debug>::fmt") == Owner::Core);
        assert!(owner_of("<i128>::rem_euclid") == Owner::Core);
        assert!(owner_of("<semihosting::io::Stdout as core::fmt::Write>::write_str") == Owner::Runtime);
        assert!(owner_of("core::num::flt2dec::strategy::grisu::format_shortest_opt") == Owner::Core);
        assert!(owner_of("<i128 as core::fmt::Display>::fmt") == Owner::Core);
        assert!(owner_of("__aeabi_dmul") == Owner::Intrinsics);
        assert!(owner_of("memcpy") == Owner::Intrinsics);
        assert!(owner_of("libm::math::pow::pow") == Owner::Libm);
        assert!(owner_of("cortex_m_rt::DefaultHandler_") == Owner::Runtime);
    }
}
