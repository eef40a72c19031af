//! Helpers shared by the integration tests.
#![allow(dead_code)]

use frostbyte_compiler::{compile_module, CodeUnit, CompiledModule, Diagnostic, SourceFile};
use frostbyte_format::op::{self, Instr, OperandKind};
use frostbyte_format::{exctable, Op};

/// Compile `text` as module `app` from `app.py`, panicking with the diagnostics on failure.
pub fn compile(text: &str) -> CompiledModule {
    match compile_module(&SourceFile { path: "app.py", text }, "app", false) {
        Ok(m) => {
            check_module(&m);
            m
        }
        Err(d) => panic!("unexpected diagnostics:\n{}", d.iter().map(|d| d.to_string()).collect::<String>()),
    }
}

/// Compile `text`, expecting failure; returns the diagnostics.
pub fn errors(text: &str) -> Vec<Diagnostic> {
    match compile_module(&SourceFile { path: "app.py", text }, "app", false) {
        Ok(m) => panic!("expected diagnostics, got:\n{}", frostbyte_compiler::disassemble(&m)),
        Err(d) => d,
    }
}

/// Decode every instruction of a code object.
pub fn instrs(c: &CodeUnit) -> Vec<Instr> {
    let mut out = Vec::new();
    let mut pos = 0;
    while pos < c.bytecode.len() {
        let i = op::decode(&c.bytecode, pos).expect("valid instruction");
        pos = i.next;
        out.push(i);
    }
    out
}

/// Opcodes of a code object, in order.
pub fn ops(c: &CodeUnit) -> Vec<Op> {
    instrs(c).iter().map(|i| i.op).collect()
}

/// The nested code object named `name`: its qualified name (`C.m`) or the last component
/// of it (`m`) (depth-first search).
pub fn find<'a>(c: &'a CodeUnit, name: &str) -> &'a CodeUnit {
    fn go<'a>(c: &'a CodeUnit, name: &str) -> Option<&'a CodeUnit> {
        if c.name == name || c.name.rsplit('.').next() == Some(name) {
            return Some(c);
        }
        c.consts.iter().flat_map(|k| k.codes()).find_map(|inner| go(inner, name))
    }
    go(c, name).unwrap_or_else(|| panic!("no code object named {name}"))
}

/// Structural checks on every code object: jump targets and exception-table offsets are
/// instruction boundaries, operands are in range, local names cover every slot.
pub fn check_module(m: &CompiledModule) {
    fn check(m: &CompiledModule, c: &CodeUnit) {
        let is = instrs(c);
        let starts: Vec<usize> = is.iter().map(|i| i.offset).collect();
        let boundary = |o: usize| starts.contains(&o) || o == c.bytecode.len();
        assert_eq!(c.local_names.len(), c.n_locals as usize, "{}: local names", c.name);
        assert!(c.n_free <= c.n_locals);
        for i in &is {
            if i.op.operands().first() == Some(&OperandKind::J) {
                assert!(starts.contains(&(i.args[0] as usize)), "{}: jump into the middle at {}", c.name, i.offset);
            }
            match i.op {
                Op::LoadConst => assert!((i.args[0] as usize) < c.consts.len()),
                Op::LoadFast
                | Op::StoreFast
                | Op::DeleteFast
                | Op::LoadDeref
                | Op::StoreDeref
                | Op::DeleteDeref
                | Op::LoadClosure
                | Op::MakeCell => {
                    assert!((i.args[0] as usize) < c.n_locals as usize, "{}: slot out of range", c.name)
                }
                Op::LoadName
                | Op::StoreName
                | Op::LoadGlobal
                | Op::StoreGlobal
                | Op::LoadAttr
                | Op::StoreAttr
                | Op::LoadMethod
                | Op::ImportName
                | Op::ImportFrom => {
                    assert!((i.args[0] as usize) < m.names.len())
                }
                _ => {}
            }
        }
        for e in exctable::entries(&c.exc_table) {
            assert!(boundary(e.start as usize) && boundary(e.end as usize) && starts.contains(&(e.handler as usize)));
            assert!(e.start < e.end);
            assert!(e.depth < c.stack_size as u32);
        }
        for k in &c.consts {
            for inner in k.codes() {
                check(m, inner);
            }
        }
    }
    check(m, &m.code);
}
