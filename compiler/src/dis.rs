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

use frostbyte_format::op::{self, Role};
use frostbyte_format::{exctable, linetable, BinOp, CmpOp, CodeFlags, UnaryOp};

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
        (CodeFlags::COROUTINE, "COROUTINE"),
        (CodeFlags::ASYNC_GENERATOR, "ASYNC_GENERATOR"),
    ];
    let names: Vec<&str> = all.iter().filter(|(f, _)| CodeFlags(flags).contains(*f)).map(|(_, n)| *n).collect();
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
        let line_col = if last_line == Some(line) { String::new() } else { line.to_string() };
        last_line = Some(line);
        let operands = operands(m, c, ins);
        let text =
            if operands.is_empty() { ins.op.name().to_string() } else { format!("{:<18}{}", ins.op.name(), operands) };
        let _ = writeln!(out, "  {line_col:>4}  {pos:6}  {text}");
        pos = ins.next;
    }
    if !c.exc_table.is_empty() {
        let _ = writeln!(out, "  exception table:");
        for e in exctable::entries(&c.exc_table) {
            let _ = writeln!(out, "    {:6} to {:<6} -> {:<6} depth {}", e.start, e.end, e.handler, e.depth);
        }
    }
    for k in &c.consts {
        for inner in k.codes() {
            code(out, m, inner);
        }
    }
}

/// The operands of one instruction, each rendered by its role in the opcode table.
fn operands(m: &CompiledModule, c: &CodeUnit, ins: op::Instr) -> String {
    let parts: Vec<String> = ins.op.roles().iter().zip(ins.args).map(|(role, a)| operand(m, c, *role, a)).collect();
    parts.join(" ")
}

fn operand(m: &CompiledModule, c: &CodeUnit, role: Role, a: i64) -> String {
    let named = |table: &[String]| {
        let n = table.get(a as usize).map_or("?", |s| s.as_str());
        format!("{a} ({n})")
    };
    let symbol = |s: Option<&str>| format!("{a} ({})", s.unwrap_or("?"));
    match role {
        Role::Imm | Role::Count | Role::Signed => a.to_string(),
        Role::Jump => format!("to {a}"),
        Role::Local => named(&c.local_names),
        Role::Name => named(&m.names),
        Role::Const => {
            let k = c.consts.get(a as usize).map_or("?".into(), repr);
            format!("{a} ({k})")
        }
        Role::BinOp => symbol(BinOp::from_u8(a as u8).map(|o| o.symbol())),
        Role::UnaryOp => symbol(UnaryOp::from_u8(a as u8).map(|o| o.symbol())),
        Role::CmpOp => symbol(CmpOp::from_u8(a as u8).map(|o| o.symbol())),
        Role::FormatFlags => {
            let conv = ["", "!s", "!r", "!a"][(a & 3) as usize];
            let spec = if a & 4 != 0 { " with spec" } else { "" };
            format!("{a} ({conv}{spec})").replace(" ()", "")
        }
        Role::FunctionFlags => {
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
        Role::Level => format!("level {a}"),
        Role::Bases => format!("bases {a}"),
    }
}

/// Python-style `repr` of a constant.
pub(crate) fn repr(c: &Const) -> String {
    match c {
        Const::None => "None".into(),
        Const::True => "True".into(),
        Const::False => "False".into(),
        Const::Ellipsis => "Ellipsis".into(),
        Const::Int(v) => v.to_string(),
        Const::BigInt { negative, digits } => {
            let hex: String = digits.iter().rev().map(|d| format!("{d:08x}")).collect();
            format!("{}0x{}", if *negative { "-" } else { "" }, hex.trim_start_matches('0'))
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
                    c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:02x}", c as u32)),
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

#[cfg(test)]
mod tests {
    use super::*;
    use frostbyte_format::Op;

    /// Every opcode of the table disassembles, each operand rendered by its role.
    #[test]
    fn every_opcode_disassembles() {
        let mut bytecode = Vec::new();
        for op in Op::ALL {
            op::encode(*op, &[1, 2], |b| bytecode.push(b));
        }
        let unit = CodeUnit {
            name: "<module>".into(),
            flags: 0,
            n_posargs: 0,
            n_posonly: 0,
            n_kwonly: 0,
            n_locals: 2,
            n_free: 0,
            stack_size: 0,
            first_line: 1,
            bytecode,
            consts: vec![Const::None, Const::Int(7)],
            local_names: vec!["x".into(), "y".into()],
            line_table: Vec::new(),
            exc_table: Vec::new(),
        };
        let m = CompiledModule {
            name: "m".into(),
            file: "m.py".into(),
            is_package: false,
            names: vec!["a".into(), "b".into()],
            code: unit,
        };
        let text = disassemble(&m);
        let lines: Vec<&str> = text.lines().skip(6).collect();
        assert_eq!(lines.len(), Op::ALL.len(), "{text}");
        for (op, line) in Op::ALL.iter().zip(&lines) {
            let body = line[16..].trim_end();
            let want_ops = match *op {
                Op::LoadFast => "1 (y)",
                Op::LoadGlobal => "1 (b)",
                Op::LoadConst => "1 (7)",
                Op::Jump => "to 1",
                Op::BinaryOp => "1 (-)",
                Op::CompareOp => "1 (<=)",
                Op::UnaryOp => "1 (+)",
                Op::MakeFunction => "1 (defaults)",
                Op::FormatValue => "1 (!s)",
                Op::ImportName => "1 (b) level 2",
                Op::BuildRomClass => "1 (7) bases 2",
                Op::UnpackEx => "1 2",
                Op::LoadSmallInt | Op::Call => "1",
                _ => "",
            };
            assert!(body.starts_with(op.name()), "{op:?}: {line}");
            assert!(body.ends_with(want_ops), "{op:?}: {line}");
            if op.roles().is_empty() {
                assert_eq!(body, op.name());
            }
        }
    }
}
