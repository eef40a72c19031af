//! The assembler: a label-based instruction list in, bytecode and its tables out.
//!
//! Code generation appends [`Instr`]s to an [`InstrSeq`], naming jump targets by [`Label`] and
//! tagging every instruction with its source line and its innermost exception handler. The
//! assembler then
//! 1. sizes jumps by iterative relaxation: every jump starts with a one-byte target operand;
//!    offsets are recomputed and any jump whose target no longer fits grows, until nothing
//!    changes (sizes only grow, so this terminates);
//! 2. encodes the instructions;
//! 3. writes the line table, one entry per line change;
//! 4. writes the exception table from runs of instructions sharing a handler (runs never
//!    overlap, so "first match wins" trivially finds the innermost handler);
//! 5. computes the maximum stack depth by flow analysis, checking that every path reaches an
//!    instruction with the same depth and that a handler's depth never exceeds the depth of
//!    an instruction it covers.

use frostbyte_format::exctable::{self, Entry};
use frostbyte_format::op::{self, OperandKind};
use frostbyte_format::{linetable, varint, Op};

/// A jump target, bound to a position in the instruction list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Label(u32);

/// An exception handler: where to go and the stack depth to unwind to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Handler {
    pub(crate) label: Label,
    pub(crate) depth: u32,
}

/// Index of a [`Handler`] in its sequence.
pub(crate) type HandlerId = u32;

/// One instruction before assembly.
#[derive(Debug, Clone)]
pub(crate) struct Instr {
    pub(crate) op: Op,
    /// Non-jump operands, in order (jump operands come from `target`).
    pub(crate) args: [i64; 2],
    pub(crate) target: Option<Label>,
    pub(crate) line: u32,
    pub(crate) handler: Option<HandlerId>,
}

/// Instructions, labels and handlers of one code object.
#[derive(Debug, Default)]
pub(crate) struct InstrSeq {
    pub(crate) instrs: Vec<Instr>,
    labels: Vec<Option<usize>>,
    handlers: Vec<Handler>,
}

/// The assembled parts of a code object.
#[derive(Debug)]
pub(crate) struct Assembled {
    pub(crate) bytecode: Vec<u8>,
    pub(crate) line_table: Vec<u8>,
    pub(crate) exc_table: Vec<u8>,
    pub(crate) stack_size: u32,
}

impl InstrSeq {
    pub(crate) fn new_label(&mut self) -> Label {
        self.labels.push(None);
        Label(self.labels.len() as u32 - 1)
    }

    /// Bind `l` to the next instruction to be emitted.
    pub(crate) fn bind(&mut self, l: Label) {
        debug_assert!(self.labels[l.0 as usize].is_none(), "label bound twice");
        self.labels[l.0 as usize] = Some(self.instrs.len());
    }

    pub(crate) fn new_handler(&mut self, label: Label, depth: u32) -> HandlerId {
        self.handlers.push(Handler { label, depth });
        self.handlers.len() as u32 - 1
    }

    pub(crate) fn push(&mut self, i: Instr) {
        self.instrs.push(i);
    }

    /// True if some label is bound to the current end of the list.
    pub(crate) fn end_is_labelled(&self) -> bool {
        self.labels.contains(&Some(self.instrs.len()))
    }

    fn label_pos(&self, l: Label) -> Result<usize, String> {
        self.labels[l.0 as usize].ok_or_else(|| format!("unbound label {}", l.0))
    }

    /// Assemble. `Err` means the compiler generated inconsistent code (a compiler bug).
    pub(crate) fn assemble(&self, first_line: u32) -> Result<Assembled, String> {
        let n = self.instrs.len();
        let mut targets = Vec::with_capacity(n);
        for i in &self.instrs {
            targets.push(match i.target {
                Some(l) => Some(self.label_pos(l)?),
                None => None,
            });
        }

        // 1. Relaxation.
        let mut sizes: Vec<usize> = self.instrs.iter().map(|i| size_of(i, 0)).collect();
        let mut offsets = vec![0usize; n + 1];
        loop {
            for k in 0..n {
                offsets[k + 1] = offsets[k] + sizes[k];
            }
            let mut changed = false;
            for k in 0..n {
                if let Some(t) = targets[k] {
                    let s = size_of(&self.instrs[k], offsets[t] as u64);
                    debug_assert!(s >= sizes[k], "relaxation must only grow");
                    if s != sizes[k] {
                        sizes[k] = s;
                        changed = true;
                    }
                }
            }
            if !changed {
                break;
            }
        }

        // 2. Encoding.
        let mut bytecode = Vec::with_capacity(offsets[n]);
        for (k, i) in self.instrs.iter().enumerate() {
            let mut args = [0i64; 2];
            let mut a = 0;
            for kind in i.op.operands() {
                args[a] = match kind {
                    OperandKind::J => offsets[targets[k].expect("jump without target")] as i64,
                    _ => i.args[a],
                };
                a += 1;
            }
            op::encode(i.op, &args[..a], |b| bytecode.push(b));
            debug_assert_eq!(bytecode.len(), offsets[k + 1]);
        }

        // 3. Line table.
        let mut line_table = Vec::new();
        let (mut cur_line, mut cur_off) = (first_line, 0usize);
        for (k, i) in self.instrs.iter().enumerate() {
            if i.line != cur_line {
                linetable::encode_entry((offsets[k] - cur_off) as u32, i.line as i32 - cur_line as i32, |b| {
                    line_table.push(b)
                });
                cur_line = i.line;
                cur_off = offsets[k];
            }
        }

        // 4. Exception table.
        let mut exc_table = Vec::new();
        let mut k = 0;
        while k < n {
            let Some(h) = self.instrs[k].handler else {
                k += 1;
                continue;
            };
            let start = k;
            while k < n && self.instrs[k].handler == Some(h) {
                k += 1;
            }
            let hd = self.handlers[h as usize];
            let entry = Entry {
                start: offsets[start] as u32,
                end: offsets[k] as u32,
                handler: offsets[self.label_pos(hd.label)?] as u32,
                depth: hd.depth,
            };
            exctable::encode_entry(entry, |b| exc_table.push(b));
        }

        // 5. Stack depth.
        let stack_size = self.max_depth(&targets, &offsets)?;
        Ok(Assembled { bytecode, line_table, exc_table, stack_size })
    }

    fn max_depth(&self, targets: &[Option<usize>], offsets: &[usize]) -> Result<u32, String> {
        let n = self.instrs.len();
        let mut depth: Vec<Option<i64>> = vec![None; n + 1];
        let mut work: Vec<usize> = Vec::new();
        let mut max = 0i64;
        let reach = |pos: usize, d: i64, depth: &mut Vec<Option<i64>>, work: &mut Vec<usize>| {
            if d < 0 {
                return Err(format!("negative stack depth at offset {}", offsets[pos]));
            }
            match depth[pos] {
                Some(old) if old != d => {
                    Err(format!("stack depth mismatch at offset {}: {} vs {}", offsets[pos], old, d))
                }
                Some(_) => Ok(()),
                None => {
                    depth[pos] = Some(d);
                    work.push(pos);
                    Ok(())
                }
            }
        };
        reach(0, 0, &mut depth, &mut work)?;
        let mut used = vec![false; self.handlers.len()];
        for i in &self.instrs {
            if let Some(h) = i.handler {
                used[h as usize] = true;
            }
        }
        for (h, hd) in self.handlers.iter().enumerate() {
            if used[h] {
                reach(self.label_pos(hd.label)?, hd.depth as i64 + 1, &mut depth, &mut work)?;
            }
        }
        while let Some(pos) = work.pop() {
            let d = depth[pos].expect("queued without depth");
            max = max.max(d);
            if pos == n {
                return Err("control flows off the end of the code".into());
            }
            let i = &self.instrs[pos];
            if let Some(h) = i.handler {
                let hd = self.handlers[h as usize].depth as i64;
                if hd > d {
                    return Err(format!("handler depth {hd} above stack depth {d} at offset {}", offsets[pos]));
                }
            }
            if let Some(t) = targets[pos] {
                let dt = d + stack_effect(i.op, i.args, true);
                max = max.max(dt);
                reach(t, dt, &mut depth, &mut work)?;
            }
            if !is_terminal(i.op) {
                let df = d + stack_effect(i.op, i.args, false);
                max = max.max(df);
                reach(pos + 1, df, &mut depth, &mut work)?;
            }
        }
        u16::try_from(max).map(u32::from).map_err(|_| "stack too deep".to_string())
    }
}

/// Encoded size of `i` with its jump operand (if any) equal to `target`.
fn size_of(i: &Instr, target: u64) -> usize {
    let mut s = 1;
    for (a, kind) in i.op.operands().iter().enumerate() {
        s += match kind {
            OperandKind::U => varint::len_u(i.args[a] as u64),
            OperandKind::S => varint::len_u(varint::zigzag(i.args[a])),
            OperandKind::J => varint::len_u(target),
        };
    }
    s
}

/// Instructions after which control never falls through (the table's `Goto` and `Stop`
/// rows).
pub(crate) fn is_terminal(op: Op) -> bool {
    op.is_terminal()
}

/// Net stack effect of an instruction; `jump` selects the branch-taken effect for jumps.
/// Read from the opcode table (`frostbyte_format::op`).
pub(crate) fn stack_effect(op: Op, args: [i64; 2], jump: bool) -> i64 {
    match op.jump_effect(args) {
        Some(e) if jump => e,
        _ => op.stack_effect(args),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ins(op: Op, a: i64, target: Option<Label>, line: u32) -> Instr {
        Instr { op, args: [a, 0], target, line, handler: None }
    }

    #[test]
    fn relaxation_grows_far_jumps() {
        let mut s = InstrSeq::default();
        let end = s.new_label();
        s.push(ins(Op::Jump, 0, Some(end), 1));
        for _ in 0..100 {
            s.push(ins(Op::LoadSmallInt, 1, None, 1));
            s.push(ins(Op::PopTop, 0, None, 1));
        }
        s.bind(end);
        s.push(ins(Op::LoadNone, 0, None, 2));
        s.push(ins(Op::ReturnValue, 0, None, 2));
        let a = s.assemble(1).unwrap();
        // Jump (1 + 2 bytes) + 100 * 3 bytes: the target is 303, which needs two bytes.
        let j = op::decode(&a.bytecode, 0).unwrap();
        assert_eq!((j.op, j.args[0], j.next), (Op::Jump, 303, 3));
        assert_eq!(op::decode(&a.bytecode, 303).unwrap().op, Op::LoadNone);
        assert_eq!(linetable::line_for(&a.line_table, 1, 302), 1);
        assert_eq!(linetable::line_for(&a.line_table, 1, 303), 2);
        assert_eq!(a.stack_size, 1);
    }

    #[test]
    fn depth_mismatch_is_reported() {
        let mut s = InstrSeq::default();
        let l = s.new_label();
        s.push(ins(Op::LoadTrue, 0, None, 1));
        s.push(ins(Op::PopJumpIfTrue, 0, Some(l), 1));
        s.push(ins(Op::LoadNone, 0, None, 1));
        s.bind(l);
        s.push(ins(Op::LoadNone, 0, None, 1));
        s.push(ins(Op::ReturnValue, 0, None, 1));
        assert!(s.assemble(1).unwrap_err().contains("mismatch"));
    }
}
