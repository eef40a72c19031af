//! Printing uncaught exceptions in CPython 3.11's format (source lines only where the
//! embedder installed [`crate::SourceLines`], and never caret lines):
//! chained causes/contexts first, then `Traceback (most recent call last):`, one
//! `  File "f", line N, in name` per entry, repeated-line folding, and `Type: message`.
//! An exception group prints its members below it, each in a numbered box drawn with a
//! `| ` margin (CPython's `print_exception_group`: at most 15 members per group and 10
//! levels of nesting shown).

use crate::obj::{self, exception as exc, str::StrBuf};
use crate::rom::Code;
use crate::value::Value;
use crate::vm::Vm;

const MAX_CHAIN: usize = 32;
const MAX_GROUP_WIDTH: usize = 15;
const MAX_GROUP_DEPTH: usize = 10;

/// Where the printer is inside nested exception groups.
struct Ctx {
    /// Group nesting: lines are indented by two spaces per level and get a `| ` margin.
    depth: usize,
    /// The closing line of the innermost box is still to be written.
    need_close: bool,
}

/// Format `e` and its chain as CPython prints it. May collect.
pub fn format_exception(vm: &mut Vm<'_>, e: Value) -> crate::vm::PyResult<Value> {
    let m = vm.roots_mark();
    vm.push_root(e)?;
    let mut sb = StrBuf::new(vm)?;
    let r = write_exception(vm, e, &mut sb, &mut Ctx { depth: 0, need_close: false });
    let out = sb.finish(vm);
    vm.pop_roots(m);
    r.and(out)
}

fn out(vm: &mut Vm<'_>, sb: &mut StrBuf, s: &str) -> crate::vm::PyResult<()> {
    sb.push(vm, s)
}

/// The indentation of the current group level.
fn indent(vm: &mut Vm<'_>, sb: &mut StrBuf, ctx: &Ctx) -> crate::vm::PyResult<()> {
    for _ in 0..ctx.depth {
        out(vm, sb, "  ")?;
    }
    Ok(())
}

/// The start of a line: indentation and, inside a group, the `| ` margin.
fn margin(vm: &mut Vm<'_>, sb: &mut StrBuf, ctx: &Ctx) -> crate::vm::PyResult<()> {
    indent(vm, sb, ctx)?;
    if ctx.depth > 0 {
        out(vm, sb, "| ")?;
    }
    Ok(())
}

fn write_exception(vm: &mut Vm<'_>, e: Value, sb: &mut StrBuf, ctx: &mut Ctx) -> crate::vm::PyResult<()> {
    // Collect the chain (newest last in `chain`), iteratively.
    let mut chain: [(Value, u8); MAX_CHAIN] = [(Value::NULL, 0); MAX_CHAIN];
    let mut n = 0;
    let mut cur = e;
    while n < MAX_CHAIN {
        chain[n].0 = cur;
        let Some(x) = exc::as_exc(cur) else { break };
        let cause = x.cause.get();
        let ctx = x.context.get();
        let next = if !cause.is_null() {
            chain[n].1 = 1;
            cause
        } else if !ctx.is_null() && x.suppress.get() == 0 {
            chain[n].1 = 2;
            ctx
        } else {
            Value::NULL
        };
        n += 1;
        if next.is_null() || chain[..n].iter().any(|(v, _)| *v == next) {
            break;
        }
        cur = next;
    }
    for i in (0..n).rev() {
        let x = chain[i].0;
        if obj::exception_group::is_group(x) {
            print_group(vm, x, sb, ctx)?;
        } else {
            print_one(vm, x, sb, ctx)?;
        }
        if i > 0 {
            let how = chain[i - 1].1;
            margin(vm, sb, ctx)?;
            out(vm, sb, "\n")?;
            margin(vm, sb, ctx)?;
            out(
                vm,
                sb,
                if how == 1 {
                    "The above exception was the direct cause of the following exception:\n"
                } else {
                    "During handling of the above exception, another exception occurred:\n"
                },
            )?;
            margin(vm, sb, ctx)?;
            out(vm, sb, "\n")?;
        }
    }
    Ok(())
}

/// An exception group: itself, then each member in a numbered box. May collect.
fn print_group(vm: &mut Vm<'_>, e: Value, sb: &mut StrBuf, ctx: &mut Ctx) -> crate::vm::PyResult<()> {
    if ctx.depth > MAX_GROUP_DEPTH {
        margin(vm, sb, ctx)?;
        let mut b = crate::vm::FixedBuf::new();
        use core::fmt::Write;
        let _ = writeln!(b, "... (max_group_depth is {MAX_GROUP_DEPTH})");
        return out(vm, sb, b.as_str());
    }
    let top = ctx.depth == 0;
    if top {
        ctx.depth = 1;
    }
    print_one(vm, e, sb, ctx)?;
    let m = vm.roots_mark();
    let excs = obj::exception_group::exceptions(vm, e)?;
    vm.push_root(excs)?;
    let total = obj::tuple::items(excs).map_or(0, |a| a.len());
    let shown = total.min(MAX_GROUP_WIDTH + 1);
    ctx.need_close = false;
    for i in 0..shown {
        let last = i + 1 == shown;
        if last {
            ctx.need_close = true;
        }
        let truncated = i >= MAX_GROUP_WIDTH;
        indent(vm, sb, ctx)?;
        out(vm, sb, if i == 0 { "+-" } else { "  " })?;
        let mut b = crate::vm::FixedBuf::new();
        {
            use core::fmt::Write;
            let _ = if truncated {
                writeln!(b, "+---------------- ... ----------------")
            } else {
                writeln!(b, "+---------------- {} ----------------", i + 1)
            };
        }
        out(vm, sb, b.as_str())?;
        ctx.depth += 1;
        if truncated {
            let more = total - MAX_GROUP_WIDTH;
            margin(vm, sb, ctx)?;
            let mut b = crate::vm::FixedBuf::new();
            use core::fmt::Write;
            let _ = writeln!(b, "and {more} more exception{}", if more > 1 { "s" } else { "" });
            out(vm, sb, b.as_str())?;
        } else {
            let x = obj::tuple::items(excs).and_then(|a| a.get(i).copied()).unwrap_or(Value::NONE);
            write_exception(vm, x, sb, ctx)?;
        }
        if last && ctx.need_close {
            indent(vm, sb, ctx)?;
            out(vm, sb, "+------------------------------------\n")?;
            ctx.need_close = false;
        }
        ctx.depth -= 1;
    }
    vm.pop_roots(m);
    if top {
        ctx.depth = 0;
    }
    Ok(())
}

fn write_entry(vm: &mut Vm<'_>, code: &Code, line: usize, sb: &mut StrBuf, ctx: &Ctx) -> crate::vm::PyResult<()> {
    let file = obj::str::as_str(code.file()).unwrap_or("?");
    let name = obj::code::short_name(code);
    let mut b = crate::vm::FixedBuf::new();
    use core::fmt::Write;
    // Line 0: frozen without line numbers (`LineTables::None`); no Python line is 0.
    margin(vm, sb, ctx)?;
    let _ = if line == 0 {
        writeln!(b, "  File \"{file}\", in {name}")
    } else {
        writeln!(b, "  File \"{file}\", line {line}, in {name}")
    };
    out(vm, sb, b.as_str())?;
    write_source_line(vm, file, line, sb, ctx)
}

/// Line `line` of `file` under its `File` line, when the embedder gave the VM its source
/// ([`crate::SourceLines`]): indented by four spaces after its own indentation (spaces, tabs,
/// form feeds) is removed, as CPython's `display_source_line` does; nothing for a blank line.
fn write_source_line(vm: &mut Vm<'_>, file: &str, line: usize, sb: &mut StrBuf, ctx: &Ctx) -> crate::vm::PyResult<()> {
    // The provider outlives the VM's borrow here (`&'a dyn SourceLines`), so its text may be
    // copied while `sb` grows.
    let Some(src) = vm.source else { return Ok(()) };
    let Some(text) = src.source_line(file, line).filter(|_| line > 0) else { return Ok(()) };
    let text = text.trim_start_matches([' ', '\t', '\x0c']);
    if text.is_empty() {
        return Ok(());
    }
    margin(vm, sb, ctx)?;
    out(vm, sb, "    ")?;
    out(vm, sb, text)?;
    out(vm, sb, "\n")
}

fn print_one(vm: &mut Vm<'_>, e: Value, sb: &mut StrBuf, ctx: &Ctx) -> crate::vm::PyResult<()> {
    let tb = exc::as_exc(e).map(|x| x.traceback.get()).unwrap_or(Value::NULL);
    if !tb.is_null() {
        if obj::exception_group::is_group(e) {
            if ctx.depth == 1 {
                indent(vm, sb, ctx)?;
                out(vm, sb, "+ ")?;
            } else {
                margin(vm, sb, ctx)?;
            }
            out(vm, sb, "Exception Group Traceback (most recent call last):\n")?;
        } else {
            margin(vm, sb, ctx)?;
            out(vm, sb, "Traceback (most recent call last):\n")?;
        }
        let mut cur = tb;
        let mut last: Option<(*const Code, usize)> = None;
        let mut repeat = 0usize;
        while let Some(t) = obj::traceback::as_tb(cur) {
            let code = obj::code::as_code(t.code);
            if let Some(code) = code {
                let key = (code as *const Code, t.line);
                if last == Some(key) {
                    repeat += 1;
                } else {
                    flush_repeat(vm, repeat, sb, ctx)?;
                    repeat = 0;
                    last = Some(key);
                }
                if repeat < 3 {
                    write_entry(vm, code, t.line, sb, ctx)?;
                }
            }
            cur = t.next;
        }
        flush_repeat(vm, repeat, sb, ctx)?;
    }
    // Type line.
    let t = obj::type_of(e);
    let mut head = crate::vm::FixedBuf::new();
    {
        use core::fmt::Write;
        match obj::class::module_prefix(t) {
            Some(m) if m != "__main__" => {
                let _ = write!(head, "{m}.{}", t.name());
            }
            _ => {
                let _ = write!(head, "{}", t.name());
            }
        }
    }
    // A SyntaxError with a line prints where it points, then only its `msg` (CPython's
    // print_exception; the source line and caret are left out like every source line).
    let syntax = if obj::class::is_subclass(t, &exc::SYNTAX_ERROR_TYPE) { exc::syntax_location(e) } else { None };
    let mut what = e;
    if let Some((file, line, msg)) = syntax {
        let mut b = crate::vm::FixedBuf::new();
        use core::fmt::Write;
        let f = obj::str::as_str(file).unwrap_or("<string>");
        let _ = writeln!(b, "  File \"{f}\", line {line}");
        let m = vm.roots_mark();
        vm.push_root(msg)?;
        margin(vm, sb, ctx)?;
        out(vm, sb, b.as_str())?;
        vm.pop_roots(m);
        what = msg;
    }
    margin(vm, sb, ctx)?;
    out(vm, sb, head.as_str())?;
    let m = vm.roots_mark();
    vm.push_root(what)?;
    let msg = (|| -> crate::vm::PyResult<Value> {
        let mut sb2 = StrBuf::new(vm)?;
        crate::runtime::str_into(vm, what, &mut sb2)?;
        sb2.finish(vm)
    })();
    vm.pop_roots(m);
    match msg {
        Ok(s) => {
            // `s` must survive `sb` growing (a collection) while its text is copied.
            let m = vm.roots_mark();
            vm.push_root(s)?;
            let text = obj::str::as_str(s).unwrap_or("");
            if !text.is_empty() {
                out(vm, sb, ": ")?;
                out(vm, sb, text)?;
            }
            vm.pop_roots(m);
        }
        Err(_) => {
            vm.take_pending();
            out(vm, sb, ": <exception str() failed>")?;
        }
    }
    out(vm, sb, "\n")?;
    print_notes(vm, e, sb, ctx)
}

/// The notes of `add_note`, one per line after the message, as CPython 3.11 prints them.
fn print_notes(vm: &mut Vm<'_>, e: Value, sb: &mut StrBuf, ctx: &Ctx) -> crate::vm::PyResult<()> {
    let d = exc::as_exc(e).map(|x| x.dict.get()).unwrap_or(Value::NULL);
    let Some(notes) = obj::dict::as_dict(d).and_then(|_| obj::dict::get_str(d, Value::qstr(&exc::Q_NOTES))) else {
        return Ok(());
    };
    let m = vm.roots_mark();
    vm.push_root(notes)?;
    let mut i = 0;
    loop {
        let note = match obj::list::as_list(notes) {
            Some(l) => l.get(i),
            None => obj::tuple::items(notes).and_then(|t| t.get(i).copied()),
        };
        let Some(note) = note else { break };
        i += 1;
        let text = (|| -> crate::vm::PyResult<Value> {
            let mut sb2 = StrBuf::new(vm)?;
            crate::runtime::str_into(vm, note, &mut sb2)?;
            sb2.finish(vm)
        })();
        match text {
            Ok(t) => {
                vm.push_root(t)?;
                margin(vm, sb, ctx)?;
                out(vm, sb, obj::str::as_str(t).unwrap_or(""))?;
            }
            Err(_) => {
                vm.take_pending();
                margin(vm, sb, ctx)?;
                out(vm, sb, "<note str() failed>")?;
            }
        }
        out(vm, sb, "\n")?;
    }
    vm.pop_roots(m);
    Ok(())
}

fn flush_repeat(vm: &mut Vm<'_>, repeat: usize, sb: &mut StrBuf, ctx: &Ctx) -> crate::vm::PyResult<()> {
    if repeat >= 3 {
        margin(vm, sb, ctx)?;
        let more = repeat - 2;
        let mut b = crate::vm::FixedBuf::new();
        use core::fmt::Write;
        let _ = writeln!(b, "  [Previous line repeated {more} more time{}]", if more == 1 { "" } else { "s" });
        out(vm, sb, b.as_str())?;
    }
    Ok(())
}
