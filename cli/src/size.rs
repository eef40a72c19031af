//! `frostbyte size <elf> [--python DIR]...`: where a linked firmware's flash goes.
//!
//! The emitter names every frozen static with a kind prefix (see `compiler/src/freeze.rs`), so
//! the frozen image can be split by reading the ELF symbol table:
//!
//! | prefix | kind |
//! |---|---|
//! | `FB_BC` | bytecode |
//! | `FB_LT`, `FB_XT` | line and exception tables |
//! | `FB_Q` | qstrs (header + text) |
//! | `FB_N`, `FB_NL` | name tables (module names, local names) |
//! | `FB_K<n>` | constant objects (int, float, bytes, tuple) |
//! | `FB_KA` | constant arrays (one per code object) |
//! | `FB_CODE` | code-object structs |
//! | `FB_MOD` | the module list (and the `Image`) |
//!
//! The VM's code is the size of the functions whose demangled path is in `frostbyte_vm`
//! (after LTO, inlined callers count where they were inlined into); its read-only data is the
//! `frostbyte_vm` statics (type descriptors, built-in qstrs, method tables). Everything else in
//! the loadable sections (the board runtime, `core`, compiler intrinsics, libm) is "other".

use object::{Object, ObjectSection, ObjectSymbol, SectionKind, SymbolKind};
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Default)]
struct Tally {
    bytes: u64,
    count: u64,
}

fn kind_of(name: &str) -> Option<&'static str> {
    // Rust symbols of statics inside the generated block end in `::FB_...`.
    let last = name.rsplit("::").next().unwrap_or(name);
    let last = last.split('.').next().unwrap_or(last);
    let kinds: [(&str, &str); 10] = [
        ("FB_CODE", "code-object structs"),
        ("FB_BC", "bytecode"),
        ("FB_LT", "line tables"),
        ("FB_XT", "exception tables"),
        ("FB_KA", "constant arrays"),
        ("FB_K", "constant objects"),
        ("FB_NL", "name tables"),
        ("FB_N", "name tables"),
        ("FB_Q", "qstrs (header + text)"),
        ("FB_MOD", "module list"),
    ];
    kinds.iter().find(|(p, _)| last.starts_with(p)).map(|(_, k)| *k)
}

fn count_lines(dir: &Path, total: &mut (u64, u64)) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    let mut paths: Vec<_> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            count_lines(&p, total);
        } else if p.extension().is_some_and(|e| e == "py") {
            if let Ok(text) = std::fs::read_to_string(&p) {
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
}

/// Print the footprint report for `elf`.
pub fn report(elf: &Path, python_dirs: &[String]) -> Result<String, String> {
    let data = std::fs::read(elf).map_err(|e| format!("{}: {e}", elf.display()))?;
    let file = object::File::parse(&*data).map_err(|e| format!("{}: not an ELF file: {e}", elf.display()))?;
    let mut flash_text = 0u64;
    let mut flash_ro = 0u64;
    let mut ram = 0u64;
    for s in file.sections() {
        let size = s.size();
        match s.kind() {
            SectionKind::Text => flash_text += size,
            SectionKind::ReadOnlyData | SectionKind::ReadOnlyString => flash_ro += size,
            SectionKind::Data => {
                flash_ro += size; // initialisers are stored in flash
                ram += size;
            }
            SectionKind::UninitializedData => ram += size,
            _ => {}
        }
    }
    let mut frozen: BTreeMap<&'static str, Tally> = BTreeMap::new();
    let mut vm_text = 0u64;
    let mut vm_ro = 0u64;
    for sym in file.symbols() {
        let Ok(raw) = sym.name() else { continue };
        let name = rustc_demangle::demangle(raw).to_string();
        let size = sym.size();
        if size == 0 {
            continue;
        }
        if let Some(k) = kind_of(&name) {
            let t = frozen.entry(k).or_default();
            t.bytes += size;
            t.count += 1;
        } else if name.starts_with("frostbyte_vm::") || name.starts_with("<frostbyte_vm::") {
            match sym.kind() {
                SymbolKind::Text => vm_text += size,
                SymbolKind::Data => vm_ro += size,
                _ => {}
            }
        }
    }
    let frozen_total: u64 = frozen.values().map(|t| t.bytes).sum();
    let mut out = String::new();
    use std::fmt::Write;
    let _ = writeln!(out, "{}", elf.display());
    let _ = writeln!(out, "  flash: {} B (.text {} B, read-only data {} B); static RAM {} B", flash_text + flash_ro, flash_text, flash_ro, ram);
    let _ = writeln!(out, "  VM code (frostbyte_vm functions): {vm_text} B; VM read-only data: {vm_ro} B");
    let _ = writeln!(
        out,
        "  other code and data (runtime, core, intrinsics, libm): {} B",
        (flash_text + flash_ro).saturating_sub(vm_text + vm_ro + frozen_total)
    );
    let _ = writeln!(out, "  frozen image: {frozen_total} B");
    for (k, t) in &frozen {
        let _ = writeln!(out, "    {k:<24} {:>7} B  ({} items)", t.bytes, t.count);
    }
    if !python_dirs.is_empty() {
        let mut lines = (0u64, 0u64);
        for d in python_dirs {
            count_lines(Path::new(d), &mut lines);
        }
        if lines.0 > 0 {
            let _ = writeln!(
                out,
                "  python source: {} lines ({} non-blank, non-comment): {:.1} B of flash per line ({:.1} per code line)",
                lines.0,
                lines.1,
                frozen_total as f64 / lines.0 as f64,
                frozen_total as f64 / lines.1.max(1) as f64
            );
        }
    }
    Ok(out)
}
