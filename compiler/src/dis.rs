//! Human-readable disassembly of a compiled module, recursive over nested code objects.
//!
//! ```text
//! code <module>  flags=NAMESPACE  args=0 posonly=0 kwonly=0  locals=0 free=0  stack=2  first_line=1
//!   line  offset  instruction
//!      1       0  LoadSmallInt      1
//!              2  StoreName         0 (x)
//!   exception table:
//!        4 to 10 -> 12  depth 1
//! ```

use std::fmt::Write;

use frostbyte_format::op::{self, OperandKind};
use frostbyte_format::{exctable, linetable, BinOp, CmpOp, CodeFlags, Op, UnaryOp};

use crate::code::{CodeUnit, CompiledModule, Const};

/// Disassemble a module: a header, the name table, then every code object (the module body
/// first, nested code objects depth-first in constant order).
pub fn disassemble(m: &CompiledModule) -> String {
    let mut out = String::new();
    let kind = if m.is_package { "package" } else { "module" };
    let _ = writeln!(out, "{kind} {} ({})", m.name, m.file);
    let _ = writeln!(out, "names: {}", m.names.join(", "));
    code(&mut out, m, &m.code);
    out
}

fn flag_names(flags: u16) -> String {
    let all = [
        (CodeFlags::VARARGS, "VARARGS"),
        (CodeFlags::VARKEYWORDS, "VARKEYWORDS"),
        (CodeFlags::GENERATOR, "GENERATOR"),
        (CodeFlags::NAMESPACE, "NAMESPACE"),
        (CodeFlags::ANONYMOUS, "ANONYMOUS"),
        (CodeFlags::DOCSTRING, "DOCSTRING"),
    ];
    let names: Vec<&str> = all
        .iter()
        .filter(|(f, _)| CodeFlags(flags).contains(*f))
        .map(|(_, n)| *n)
        .collect();
    if names.is_empty() {
        "0".into()
    } else {
        names.join("|")
    }
}

/// One code object, then the code objects among its constants; each is headed by its
/// (qualified) name.
fn code(out: &mut String, m: &CompiledModule, c: &CodeUnit) {
    let path = &c.name;
    let _ = writeln!(
        out,
        "\ncode {path}  flags={}  args={} posonly={} kwonly={}  locals={} free={}  stack={}  first_line={}",
        flag_names(c.flags),
        c.n_posargs,
        c.n_posonly,
        c.n_kwonly,
        c.n_locals,
        c.n_free,
        c.stack_size,
        c.first_line
    );
    if !c.local_names.is_empty() {
        let _ = writeln!(out, "  locals: {}", c.local_names.join(", "));
    }
    let _ = writeln!(out, "  line  offset  instruction");
    let mut pos = 0;
    let mut last_line = None;
    while pos < c.bytecode.len() {
        let Some(ins) = op::decode(&c.bytecode, pos) else {
            let _ = writeln!(out, "  ????  {pos:6}  <bad byte {:#04x}>", c.bytecode[pos]);
            break;
        };
        let line = linetable::line_for(&c.line_table, c.first_line, pos);
        let line_col = if last_line == Some(line) {
            String::new()
        } else {
            line.to_string()
        };
        last_line = Some(line);
        let operands = operands(m, c, ins);
        let text = if operands.is_empty() {
            ins.op.name().to_string()
        } else {
            format!("{:<18}{}", ins.op.name(), operands)
        };
        let _ = writeln!(out, "  {line_col:>4}  {pos:6}  {text}");
        pos = ins.next;
    }
    if !c.exc_table.is_empty() {
        let _ = writeln!(out, "  exception table:");
        for e in exctable::entries(&c.exc_table) {
            let _ = writeln!(
                out,
                "    {:6} to {:<6} -> {:<6} depth {}",
                e.start, e.end, e.handler, e.depth
            );
        }
    }
    for k in &c.consts {
        for inner in k.codes() {
            code(out, m, inner);
        }
    }
}

fn operands(m: &CompiledModule, c: &CodeUnit, ins: op::Instr) -> String {
    let kinds = ins.op.operands();
    if kinds.is_empty() {
        return String::new();
    }
    let a = ins.args[0];
    let name = |i: i64| {
        m.names
            .get(i as usize)
            .cloned()
            .unwrap_or_else(|| "?".into())
    };
    let local = |i: i64| {
        c.local_names
            .get(i as usize)
            .cloned()
            .unwrap_or_else(|| "?".into())
    };
    match ins.op {
        _ if kinds[0] == OperandKind::J => format!("to {a}"),
        Op::LoadConst | Op::MakeRomFunction => {
            let k = c.consts.get(a as usize).map_or("?".into(), repr);
            format!("{a} ({k})")
        }
        Op::BuildRomClass => {
            let k = c.consts.get(a as usize).map_or("?".into(), repr);
            format!("{a} ({k}) bases {}", ins.args[1])
        }
        Op::LoadName
        | Op::StoreName
        | Op::DeleteName
        | Op::LoadGlobal
        | Op::StoreGlobal
        | Op::DeleteGlobal
        | Op::LoadAttr
        | Op::StoreAttr
        | Op::DeleteAttr
        | Op::LoadMethod
        | Op::ImportFrom => format!("{a} ({})", name(a)),
        Op::ImportName => format!("{a} ({}) level {}", name(a), ins.args[1]),
        Op::LoadFast
        | Op::StoreFast
        | Op::DeleteFast
        | Op::LoadDeref
        | Op::StoreDeref
        | Op::DeleteDeref
        | Op::LoadClosure
        | Op::MakeCell => format!("{a} ({})", local(a)),
        Op::BinaryOp => format!(
            "{a} ({})",
            BinOp::from_u8(a as u8).map_or("?", |o| o.symbol())
        ),
        Op::UnaryOp => format!(
            "{a} ({})",
            UnaryOp::from_u8(a as u8).map_or("?", |o| o.symbol())
        ),
        Op::CompareOp => format!(
            "{a} ({})",
            CmpOp::from_u8(a as u8).map_or("?", |o| o.symbol())
        ),
        Op::FormatValue => {
            let conv = ["", "!s", "!r", "!a"][(a & 3) as usize];
            let spec = if a & 4 != 0 { " with spec" } else { "" };
            format!("{a} ({conv}{spec})").replace(" ()", "")
        }
        Op::MakeFunction => {
            let parts: Vec<&str> = [(1, "defaults"), (2, "kwdefaults"), (4, "closure")]
                .iter()
                .filter(|(b, _)| a & b != 0)
                .map(|(_, n)| *n)
                .collect();
            if parts.is_empty() {
                a.to_string()
            } else {
                format!("{a} ({})", parts.join(", "))
            }
        }
        Op::UnpackEx => format!("{a} {}", ins.args[1]),
        _ => a.to_string(),
    }
}

/// Python-style `repr` of a constant.
fn repr(c: &Const) -> String {
    match c {
        Const::None => "None".into(),
        Const::True => "True".into(),
        Const::False => "False".into(),
        Const::Ellipsis => "Ellipsis".into(),
        Const::Int(v) => v.to_string(),
        Const::BigInt { negative, digits } => {
            let hex: String = digits.iter().rev().map(|d| format!("{d:08x}")).collect();
            format!(
                "{}0x{}",
                if *negative { "-" } else { "" },
                hex.trim_start_matches('0')
            )
        }
        Const::Float(f) => {
            if f.is_nan() {
                "nan".into()
            } else if f.is_infinite() {
                if *f > 0.0 {
                    "inf".into()
                } else {
                    "-inf".into()
                }
            } else if f.fract() == 0.0 && f.abs() < 1e16 {
                format!("{f:.1}")
            } else {
                format!("{f:?}")
            }
        }
        Const::Complex(r, i) => format!("complex({r:?}, {i:?})"),
        Const::Str(s) => {
            let mut out = String::from("'");
            for ch in s.chars() {
                match ch {
                    '\\' => out.push_str("\\\\"),
                    '\'' => out.push_str("\\'"),
                    '\n' => out.push_str("\\n"),
                    '\r' => out.push_str("\\r"),
                    '\t' => out.push_str("\\t"),
                    c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                        out.push_str(&format!("\\x{:02x}", c as u32))
                    }
                    c => out.push(c),
                }
            }
            out.push('\'');
            out
        }
        Const::Bytes(b) => {
            let mut out = String::from("b'");
            for &x in b {
                match x {
                    b'\\' => out.push_str("\\\\"),
                    b'\'' => out.push_str("\\'"),
                    b'\n' => out.push_str("\\n"),
                    0x20..=0x7e => out.push(x as char),
                    _ => out.push_str(&format!("\\x{x:02x}")),
                }
            }
            out.push('\'');
            out
        }
        Const::Tuple(items) => {
            let inner: Vec<String> = items.iter().map(repr).collect();
            if items.len() == 1 {
                format!("({},)", inner[0])
            } else {
                format!("({})", inner.join(", "))
            }
        }
        Const::Code(code) => format!("<code {}>", code.name),
        Const::Function { code, .. } => format!("<function {}>", code.name),
        Const::Descriptor { kind, func } => format!("<{} {}>", kind.name(), repr(func)),
        Const::Namespace(entries) => {
            let inner: Vec<String> = entries.iter().map(|(k, v)| format!("{k:?}: {}", repr(v))).collect();
            format!("<namespace {{{}}}>", inner.join(", "))
        }
    }
}
