//! How many bytes of flash a frozen image takes on a target, computed from the emitter's
//! output ([`crate::freeze`]) before it is compiled: the flash budgets of
//! `frostbyte_build::Config::budget` / `module_budget` and `include_python!(..., budget = N)`
//! are checked against it, and an image over budget is reported with its largest items.
//!
//! Every item the emitter writes is a `static NAME: TYPE = ...;` of a `#[repr(C)]` type of
//! `frostbyte_vm::rom` (or a `Value`/`u8` array), so its size follows from the type and the
//! target's pointer width ([`Layout`]): the figure is the sum of the statics' `size_of_val`,
//! the same sizes the ELF symbol table gives them, so it equals the frozen image of `frostbyte
//! size` on the linked ELF (padding between statics, which neither counts, aside). The tests
//! check the 64-bit figure against `size_of_val` of every static of the test images.
//!
//! Items are attributed to modules for the per-module budget: an item named after a module
//! (`FB_BC<m>_<n>`, `FB_CM<m>`, ...) is that module's; a shared item (a qstr, a constant
//! object, a class namespace) counts for the first module, in the image's (name) order, whose
//! items refer to it; the module list entry of a module refers to its name. The module list
//! itself and the `Image` static count for no module.

use std::collections::BTreeMap;
use std::fmt::Write as _;

/// The layout facts the sizes depend on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Layout {
    /// Bytes in a pointer (and in a `Value`, `usize`).
    pub ptr: u64,
    /// Alignment of `f64` (8 on the embedded targets and 64-bit hosts, 4 on 32-bit x86).
    pub f64_align: u64,
}

impl Layout {
    /// 32-bit targets (thumbv6m/v7m/v7em, riscv32, wasm32).
    pub const BITS32: Layout = Layout { ptr: 4, f64_align: 8 };
    /// 64-bit targets.
    pub const BITS64: Layout = Layout { ptr: 8, f64_align: 8 };

    /// The layout of a target as cargo describes it to a build script
    /// (`CARGO_CFG_TARGET_POINTER_WIDTH`, `CARGO_CFG_TARGET_ARCH`).
    pub fn of_target(pointer_width: u32, arch: &str) -> Layout {
        let ptr = u64::from(pointer_width / 8).max(1);
        let f64_align = if arch == "x86" { 4 } else { 8 };
        Layout { ptr, f64_align }
    }

    /// What the layout is called in messages: `32-bit`.
    pub fn name(&self) -> String {
        format!("{}-bit", self.ptr * 8)
    }
}

/// One emitted static.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    /// The static's name (`FB_BC0_3`): the name `frostbyte size` shows after the image's path.
    pub symbol: String,
    /// What it holds, e.g. `code blob: sensor.filters Filter.update`.
    pub what: String,
    /// Bytes on the target.
    pub bytes: u64,
    /// The module it counts for (None: the module list and the `Image` itself).
    pub module: Option<String>,
}

/// The flash of one frozen image.
#[derive(Clone, Debug, Default)]
pub struct Footprint {
    /// Every static, in emission order.
    pub items: Vec<Item>,
    /// Module names in image order.
    pub modules: Vec<String>,
}

impl Footprint {
    /// Bytes of the whole image.
    pub fn total(&self) -> u64 {
        self.items.iter().map(|i| i.bytes).sum()
    }

    /// Bytes of module `name` and, if it is a package, of the modules below it
    /// (`sensor` counts `sensor.filters`). None when the image has no such module.
    pub fn module_total(&self, name: &str) -> Option<u64> {
        if !self.modules.iter().any(|m| m == name) {
            return None;
        }
        Some(
            self.items
                .iter()
                .filter(|i| i.module.as_deref().is_some_and(|m| in_module(m, name)))
                .map(|i| i.bytes)
                .sum(),
        )
    }

    /// Bytes per module (a package's submodules apart), largest first.
    pub fn by_module(&self) -> Vec<(String, u64)> {
        let mut t: BTreeMap<&str, u64> = self.modules.iter().map(|m| (m.as_str(), 0)).collect();
        let mut rest = 0;
        for i in &self.items {
            match i.module.as_deref().and_then(|m| t.get_mut(m)) {
                Some(b) => *b += i.bytes,
                None => rest += i.bytes,
            }
        }
        let mut v: Vec<(String, u64)> = t.into_iter().map(|(m, b)| (m.to_string(), b)).collect();
        if rest > 0 {
            v.push(("(module list, image)".to_string(), rest));
        }
        v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        v
    }

    /// The items counting for module `name` (and its submodules; every item if None),
    /// largest first, as report rows `(what, bytes)`.
    pub fn largest(&self, name: Option<&str>) -> Vec<(String, u64)> {
        let mut v: Vec<(String, u64)> = self
            .items
            .iter()
            .filter(|i| name.is_none_or(|n| i.module.as_deref().is_some_and(|m| in_module(m, n))))
            .map(|i| (format!("{}  {}", i.symbol, i.what), i.bytes))
            .collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        v
    }
}

/// Is module `m` the module `name` or below it?
fn in_module(m: &str, name: &str) -> bool {
    m == name || m.strip_prefix(name).is_some_and(|r| r.starts_with('.'))
}

/// How many rows an over-budget report lists per section.
pub const REPORT_ROWS: usize = 15;

/// The over-budget report `frostbyte-build`, `include_python!` and `frostbyte size --budget`
/// print: a headline, then each section's rows (`(what, bytes)`, largest first; the first
/// [`REPORT_ROWS`] of each) as `    <bytes> B  <what>`.
pub fn over_budget_report(headline: &str, sections: &[(&str, &[(String, u64)])]) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{headline}");
    for (title, rows) in sections {
        let _ = writeln!(out, "  {title}:");
        for (what, b) in rows.iter().take(REPORT_ROWS) {
            let _ = writeln!(out, "    {b:>8} B  {what}");
        }
        if rows.len() > REPORT_ROWS {
            let rest: u64 = rows[REPORT_ROWS..].iter().map(|r| r.1).sum();
            let _ = writeln!(out, "    {rest:>8} B  ({} more)", rows.len() - REPORT_ROWS);
        }
    }
    out
}

/// A budget for the whole image or for one module (with its submodules).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Budget {
    /// None: the whole image; else a module (or package) name.
    pub module: Option<String>,
    /// Bytes allowed.
    pub bytes: u64,
}

/// Check `budgets` against `fp`: Err with the report of every budget exceeded (and of every
/// budget naming a module the image lacks). `layout` only names the target in the report.
pub fn check_budgets(fp: &Footprint, budgets: &[Budget], layout: &Layout) -> Result<(), String> {
    let mut out = String::new();
    for b in budgets {
        match &b.module {
            None => {
                let total = fp.total();
                if total > b.bytes {
                    let head = format!(
                        "frostbyte: the frozen image takes {total} B on {} targets, over its budget of {} B by {} B",
                        layout.name(),
                        b.bytes,
                        total - b.bytes
                    );
                    out.push_str(&over_budget_report(
                        &head,
                        &[("largest modules", &fp.by_module()), ("largest items", &fp.largest(None))],
                    ));
                }
            }
            Some(m) => match fp.module_total(m) {
                None => {
                    let _ = writeln!(
                        out,
                        "frostbyte: a budget names module '{m}', which the image does not hold (modules: {})",
                        fp.modules.join(", ")
                    );
                }
                Some(total) if total > b.bytes => {
                    let head = format!(
                        "frostbyte: module '{m}' takes {total} B of the frozen image on {} targets, over its budget of {} B by {} B",
                        layout.name(),
                        b.bytes,
                        total - b.bytes
                    );
                    out.push_str(&over_budget_report(&head, &[("largest items", &fp.largest(Some(m)))]));
                }
                Some(_) => {}
            },
        }
    }
    if out.is_empty() {
        Ok(())
    } else {
        Err(out.trim_end().to_string())
    }
}

/// One static as parsed: name, type and initializer.
struct Static<'a> {
    name: &'a str,
    ty: &'a str,
    init: String,
}

/// The statics of emitted text (the block body, or a whole `emit_image_file` /
/// `emit_image_expr` output, whose `Image` static is then counted too).
fn statics(text: &str) -> Vec<Static<'_>> {
    let mut out: Vec<Static<'_>> = Vec::new();
    let mut open = false;
    for line in text.lines() {
        let l = line.trim_start();
        let decl = l.strip_prefix("pub static ").or_else(|| l.strip_prefix("static "));
        if let Some(decl) = decl {
            let Some((name, rest)) = decl.split_once(": ") else { continue };
            let Some((ty, init)) = rest.split_once(" = ") else { continue };
            // The image wrapper (`static NAME: ...Image = {`) encloses the body: take its
            // size, not its text.
            let wrapper = ty.ends_with("::Image") && init.trim() == "{";
            open = !wrapper && !init.trim_end().ends_with(';');
            out.push(Static { name, ty, init: if wrapper { String::new() } else { init.to_string() } });
        } else if open {
            if let Some(s) = out.last_mut() {
                s.init.push('\n');
                s.init.push_str(l);
            }
            open = !l.trim_end().ends_with("];");
        }
    }
    out
}

/// `size_of` a `rom` type or array as the emitter names it, on `lay`.
fn size_of_type(ty: &str, lay: &Layout) -> Option<u64> {
    let w = lay.ptr;
    let round = |n: u64, a: u64| n.div_ceil(a) * a;
    if let Some(arr) = ty.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
        let (elem, n) = arr.rsplit_once("; ")?;
        let n: u64 = n.parse().ok()?;
        let elem = match elem.rsplit("::").next()? {
            "u8" => 1,
            "Value" => w,
            "FrozenModule" => 4 * w,
            _ => return None,
        };
        return Some(elem * n);
    }
    let last = ty.rsplit_once("::").map_or(ty, |(_, l)| l);
    let (kind, args) = match last.split_once('<') {
        Some((k, a)) => (k, a.strip_suffix('>')?),
        None => (last, ""),
    };
    let args: Vec<u64> = if args.is_empty() {
        Vec::new()
    } else {
        args.split(',').map(|a| a.trim().parse().ok()).collect::<Option<_>>()?
    };
    let arg = |i: usize| args.get(i).copied();
    // The float objects: header word, then f64s at their alignment.
    let floats = |n: u64| round(round(w, lay.f64_align) + 8 * n, lay.f64_align.max(w));
    Some(match kind {
        "Qstr" => round(4 + arg(0)?, 4),
        "Tuple" => w * (2 + arg(0)?),
        "Bytes" => round(2 * w + arg(0)?, w),
        "Int" => round(2 * w + 4 * arg(0)?, w),
        "Float" => floats(1),
        "Complex" => floats(2),
        "Function" | "Property" | "Dict" => 4 * w,
        "Descriptor" => 2 * w,
        "DictTable" => w * (1 + arg(0)?),
        "KeyTable" => round(w * (1 + arg(0)?) + arg(1)?, w),
        "Code" => round(5 * w + 12, w),
        "CodeModule" => round(4 * w, w),
        "Image" => 3 * w,
        _ => return None,
    })
}

/// The text of a qstr static's initializer (`Qstr::with_head(head, *b"...")`).
fn qstr_text(init: &str) -> Option<String> {
    let lit = &init[init.find("*b\"")? + 3..];
    let mut bytes = Vec::new();
    let mut it = lit.bytes();
    while let Some(b) = it.next() {
        match b {
            b'"' => break,
            b'\\' => match it.next()? {
                b'x' => {
                    let h = [it.next()?, it.next()?];
                    bytes.push(u8::from_str_radix(std::str::from_utf8(&h).ok()?, 16).ok()?);
                }
                b'n' => bytes.push(b'\n'),
                b't' => bytes.push(b'\t'),
                b'r' => bytes.push(b'\r'),
                b'0' => bytes.push(0),
                c => bytes.push(c),
            },
            c => bytes.push(c),
        }
    }
    let head = init.split("with_head(").nth(1)?.split(',').next()?.trim();
    let head = u32::from_str_radix(head.trim_start_matches("0x"), 16).ok()?;
    if head & 0x7f == frostbyte_format::qstr::LONG && bytes.len() >= 4 {
        bytes.drain(..4);
    }
    Some(String::from_utf8_lossy(&bytes).into_owned())
}

/// The `FB_...` statics an initializer names.
fn refs(init: &str) -> Vec<&str> {
    let mut v = Vec::new();
    let mut rest = init;
    while let Some(i) = rest.find("FB_") {
        let tail = &rest[i..];
        let end = tail.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(tail.len());
        let before_ok = i == 0 || !rest[..i].ends_with(|c: char| c.is_ascii_alphanumeric() || c == '_');
        if before_ok {
            v.push(&tail[..end]);
        }
        rest = &tail[end..];
    }
    v
}

/// The qstr a `Value::qstr(&...)` expression names: an image qstr's text, or a built-in one's.
fn qstr_of(expr: &str, texts: &BTreeMap<&str, String>) -> Option<String> {
    let inner = expr.split("Value::qstr(&").nth(1)?;
    let name = inner.split(')').next()?.trim();
    if let Some(t) = texts.get(name) {
        return Some(t.clone());
    }
    let id = name.rsplit("::").next()?;
    frostbyte_format::qstr::BUILTIN_QSTRS.iter().find(|(i, _)| *i == id).map(|(_, t)| (*t).to_string())
}

/// The module index a module-tagged static belongs to (`FB_BC3_1`, `FB_CM3`, ... -> 3).
fn module_tag(name: &str) -> Option<usize> {
    let rest = name.strip_prefix("FB_")?;
    for p in ["CODE", "BC", "KA", "FN", "CM", "NK", "N"] {
        if let Some(r) = rest.strip_prefix(p) {
            let digits: String = r.chars().take_while(char::is_ascii_digit).collect();
            if digits.is_empty() {
                return None;
            }
            return digits.parse().ok();
        }
    }
    None
}

/// Measure emitted text on `lay`. Err names a static whose type is not one the emitter writes.
pub fn measure(text: &str, lay: &Layout) -> Result<Footprint, String> {
    let statics = statics(text);
    let mut texts: BTreeMap<&str, String> = BTreeMap::new();
    for s in &statics {
        if s.name.starts_with("FB_Q") {
            texts.insert(s.name, qstr_text(&s.init).unwrap_or_default());
        }
    }
    // Module names, in image order, from the module list's entries.
    let mut modules = Vec::new();
    let mut entries: Vec<Vec<&str>> = Vec::new();
    if let Some(list) = statics.iter().find(|s| s.name == "FB_MOD") {
        for entry in list.init.split("FrozenModule {").skip(1) {
            let name = entry.split("name:").nth(1).and_then(|e| qstr_of(e, &texts)).unwrap_or_default();
            modules.push(name);
            entries.push(refs(entry));
        }
    }
    let index: BTreeMap<&str, usize> = statics.iter().enumerate().map(|(i, s)| (s.name, i)).collect();
    // Owner (module index) of each static: tagged ones directly, the module list's entries
    // their names, shared ones the smallest owner of a static naming them (to a fixpoint).
    let mut owner: Vec<Option<usize>> = statics.iter().map(|s| module_tag(s.name)).collect();
    for (mi, e) in entries.iter().enumerate() {
        for r in e {
            if let Some(&j) = index.get(r) {
                if module_tag(r).is_none() {
                    owner[j] = Some(owner[j].map_or(mi, |o| o.min(mi)));
                }
            }
        }
    }
    let named: Vec<Vec<usize>> =
        statics.iter().map(|s| refs(&s.init).iter().filter_map(|r| index.get(r).copied()).collect()).collect();
    loop {
        let mut changed = false;
        for i in (0..statics.len()).rev() {
            let Some(o) = owner[i] else { continue };
            if statics[i].name == "FB_MOD" {
                continue;
            }
            for &j in &named[i] {
                if module_tag(statics[j].name).is_none() && owner[j].is_none_or(|x| x > o) {
                    owner[j] = Some(o);
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    // Code names, for describing code blobs, value arrays, code objects and functions.
    let mut code_names: BTreeMap<&str, String> = BTreeMap::new();
    for s in &statics {
        if let Some(id) = s.name.strip_prefix("FB_CODE") {
            code_names.insert(id, qstr_of(&s.init, &texts).unwrap_or_default());
        }
    }
    let mut items = Vec::with_capacity(statics.len());
    for (i, s) in statics.iter().enumerate() {
        let bytes = size_of_type(s.ty, lay)
            .ok_or_else(|| format!("frostbyte: unknown static type `{}` of {}", s.ty, s.name))?;
        let module = owner[i].and_then(|o| modules.get(o)).cloned();
        let m = module.as_deref().unwrap_or("?");
        let code = |prefix: &str| {
            let id = s.name.strip_prefix(prefix).unwrap_or("");
            let id = id.strip_suffix("_d").unwrap_or(id);
            code_names.get(id).cloned().unwrap_or_default()
        };
        let kind = s.ty.rsplit("::").next().unwrap_or(s.ty);
        let what = match s.name {
            n if n.starts_with("FB_BC") => {
                format!("code blob (bytecode, line + exception tables) of {m}: {}", code("FB_BC"))
            }
            n if n.starts_with("FB_KA") => format!("value array (constants, local names) of {m}: {}", code("FB_KA")),
            n if n.starts_with("FB_CODE") => format!("code object of {m}: {}", code("FB_CODE")),
            n if n.starts_with("FB_FN") && n.ends_with("_d") => format!("descriptor of {m}: {}", code("FB_FN")),
            n if n.starts_with("FB_FN") => format!("function of {m}: {}", code("FB_FN")),
            n if n.starts_with("FB_Q") => {
                // Strings are shared: the first module using one counts it.
                let t = texts.get(n).map(String::as_str).unwrap_or("");
                let short: String = t.chars().take(40).collect();
                let more = if short.len() < t.len() { "..." } else { "" };
                format!("string {short:?}{more}")
            }
            n if n.starts_with("FB_CM") => format!("module record of {m}"),
            n if n.starts_with("FB_NK") => format!("module key table of {m}"),
            n if n.starts_with("FB_NS") || n.starts_with("FB_NT") => format!("class namespace of {m}"),
            n if n.starts_with("FB_N") => format!("name table of {m}"),
            "FB_MOD" => "module list".to_string(),
            n if n.starts_with("FB_K") => format!("constant {} of {m}", kind.split('<').next().unwrap_or(kind)),
            _ => "the Image".to_string(),
        };
        items.push(Item { symbol: s.name.to_string(), what, bytes, module });
    }
    Ok(Footprint { items, modules })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        let (l32, l64) = (Layout::BITS32, Layout::BITS64);
        assert_eq!(size_of_type("::frostbyte::__private::rom::Qstr<5>", &l32), Some(12));
        assert_eq!(size_of_type("crate::__private::rom::Code", &l32), Some(32));
        assert_eq!(size_of_type("crate::__private::rom::Code", &l64), Some(56));
        assert_eq!(size_of_type("p::rom::Float", &l32), Some(16));
        assert_eq!(size_of_type("p::rom::Float", &Layout::of_target(32, "x86")), Some(12));
        assert_eq!(size_of_type("p::rom::Complex", &l32), Some(24));
        assert_eq!(size_of_type("p::rom::KeyTable<9, 16>", &l32), Some(56));
        assert_eq!(size_of_type("p::rom::Int<3>", &l64), Some(32));
        assert_eq!(size_of_type("[p::Value; 3]", &l32), Some(12));
        assert_eq!(size_of_type("[u8; 7]", &l64), Some(7));
        assert_eq!(size_of_type("[p::rom::FrozenModule; 2]", &l32), Some(32));
        assert_eq!(size_of_type("p::rom::Mystery", &l32), None);
    }

    #[test]
    fn qstr_texts_and_refs() {
        assert_eq!(qstr_text("p::rom::Qstr::with_head(0x1234ab03, *b\"a\\\"\\x0a\");").as_deref(), Some("a\"\n"));
        assert_eq!(refs("[p::Value::qstr(&FB_Q1), p::Value::rom(&FB_FN0_2_d), X_FB_Q3]"), vec!["FB_Q1", "FB_FN0_2_d"]);
        assert_eq!(module_tag("FB_BC3_1"), Some(3));
        assert_eq!(module_tag("FB_N12"), Some(12));
        assert_eq!(module_tag("FB_NT2"), None);
        assert_eq!(module_tag("FB_K4"), None);
        assert_eq!(module_tag("FB_MOD"), None);
    }

    #[test]
    fn report_lists_largest_first_and_sums_the_rest() {
        let rows: Vec<(String, u64)> = (0..20).map(|i| (format!("item {i}"), 100 - i)).collect();
        let r = over_budget_report("head", &[("largest items", &rows)]);
        let lines: Vec<&str> = r.lines().collect();
        assert_eq!(lines[0], "head");
        assert_eq!(lines[1], "  largest items:");
        assert_eq!(lines[2], "         100 B  item 0");
        assert_eq!(lines.len(), 2 + REPORT_ROWS + 1);
        assert_eq!(lines[REPORT_ROWS + 2], "         415 B  (5 more)");
    }
}
