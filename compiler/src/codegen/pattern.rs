//! `match` statements, compiled as CPython 3.11 compiles them.
//!
//! The subject stays on the stack while the cases are tried (each case but the last tests a
//! copy). A pattern consumes the value on top of the stack and either falls through on a
//! match or jumps to a failure label. Captured values are not stored while matching: each
//! is rotated down the stack, under everything the pattern still needs, and only a
//! complete match stores them all (so a failed pattern binds nothing, as in CPython):
//! ```text
//!   [subject] [captures: newest deepest] [on_top: items still to match] value
//! ```
//! `PatternCtx::fail_pop[n]` is the failure label reached with `n` items (captures plus
//! `on_top`) to pop; the labels sit on a chain of `PopTop`s ending at `fail_pop[0]`, the
//! next case. The run-time halves are `MatchSequence`, `MatchMapping`, `GetLen`,
//! `MatchKeys` and `MatchClass` (vm/src/pattern.rs).

use frostbyte_format::{BinOp, CmpOp, Op};
use ruff_python_ast::{self as ast, Expr, Pattern};
use ruff_text_size::{Ranged, TextSize};

use super::{Compiler, Ctx};
use crate::assemble::Label;
use crate::code::Const;

/// `Err` once a compile error has been reported: the rest of the statement is skipped.
type Compiled = Result<(), ()>;

/// State while compiling one case's pattern (CPython's `pattern_context`).
struct PatternCtx {
    /// Names captured so far, in capture order (their values are on the stack, the last
    /// capture deepest).
    stores: Vec<String>,
    /// May this pattern be irrefutable (last case, guarded case, or a sub-pattern)?
    allow_irrefutable: bool,
    /// `fail_pop[n]`: failure with `n` items to pop.
    fail_pop: Vec<Label>,
    /// Items above the captures that a failure must pop (not counting the value matched).
    on_top: usize,
    /// Start of the pattern compiled last: where CPython reports errors found after a
    /// sub-pattern (its "current location").
    loc: TextSize,
}

impl PatternCtx {
    fn new(allow_irrefutable: bool) -> PatternCtx {
        PatternCtx { stores: Vec::new(), allow_irrefutable, fail_pop: Vec::new(), on_top: 0, loc: TextSize::new(0) }
    }
}

/// `_` (a capture pattern without a name and without a sub-pattern).
fn is_wildcard(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchAs(a) if a.pattern.is_none() && a.name.is_none())
}

/// `*_`.
fn is_star_wildcard(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchStar(s) if s.name.is_none())
}

/// Python equality of two literal mapping-pattern keys (`1`, `1.0` and `True` are one key).
fn same_key(a: &Const, b: &Const) -> bool {
    fn num(c: &Const) -> Option<f64> {
        match c {
            Const::True => Some(1.0),
            Const::False => Some(0.0),
            Const::Int(i) => Some(*i as f64),
            Const::Float(f) => Some(*f),
            _ => None,
        }
    }
    fn int(c: &Const) -> Option<i64> {
        match c {
            Const::True => Some(1),
            Const::False => Some(0),
            Const::Int(i) => Some(*i),
            _ => None,
        }
    }
    if let (Some(x), Some(y)) = (int(a), int(b)) {
        return x == y;
    }
    match (num(a), num(b)) {
        (Some(x), Some(y)) => x == y,
        (Some(_), None) | (None, Some(_)) => false,
        (None, None) => a == b,
    }
}

impl<'a> Compiler<'a> {
    pub(super) fn match_stmt(&mut self, m: &'a ast::StmtMatch) {
        self.expr(&m.subject);
        let end = self.new_label();
        let cases = m.cases.len();
        let has_default = cases > 1 && is_wildcard(&m.cases[cases - 1].pattern);
        let tried = cases - usize::from(has_default);
        for (i, case) in m.cases[..tried].iter().enumerate() {
            let last = i + 1 == tried;
            if !last {
                self.emit(Op::Copy, 1);
            }
            let mut pc = PatternCtx::new(case.guard.is_some() || i + 1 == cases);
            if self.pattern(&case.pattern, &mut pc).is_err() {
                return;
            }
            // A match: store the captures (the first one is on top).
            for name in &pc.stores {
                self.name_op(name, Ctx::Store);
            }
            if let Some(g) = &case.guard {
                self.ensure_fail_pop(&mut pc, 0);
                self.set_line(g.start());
                self.jump_if(g, false, pc.fail_pop[0]);
            }
            if !last {
                self.emit(Op::PopTop, 0);
            }
            self.body(&case.body);
            self.emit_jump(Op::Jump, end);
            // The failure path belongs to the pattern's line, not the body's last.
            self.set_line(case.pattern.start());
            self.emit_and_reset_fail_pop(&mut pc);
        }
        if has_default {
            let case = &m.cases[cases - 1];
            self.set_line(case.pattern.start());
            if let Some(g) = &case.guard {
                self.set_line(g.start());
                self.jump_if(g, false, end);
            }
            self.body(&case.body);
        }
        self.bind(end);
    }

    fn pattern(&mut self, p: &'a Pattern, pc: &mut PatternCtx) -> Compiled {
        self.set_line(p.start());
        pc.loc = p.start();
        match p {
            Pattern::MatchValue(v) => {
                let ok = matches!(
                    &*v.value,
                    Expr::NumberLiteral(_)
                        | Expr::StringLiteral(_)
                        | Expr::BytesLiteral(_)
                        | Expr::UnaryOp(_)
                        | Expr::BinOp(_)
                        | Expr::Attribute(_)
                );
                if !ok {
                    return self.pattern_error(p.start(), "patterns may only match literals and attribute lookups");
                }
                self.expr(&v.value);
                self.emit(Op::CompareOp, CmpOp::Eq as i64);
                self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
                Ok(())
            }
            Pattern::MatchSingleton(s) => {
                let op = match s.value {
                    ast::Singleton::None => Op::LoadNone,
                    ast::Singleton::True => Op::LoadTrue,
                    ast::Singleton::False => Op::LoadFalse,
                };
                self.emit(op, 0);
                self.emit(Op::CompareOp, CmpOp::Is as i64);
                self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
                Ok(())
            }
            Pattern::MatchSequence(s) => self.pattern_sequence(p.start(), &s.patterns, pc),
            Pattern::MatchMapping(m) => self.pattern_mapping(p.start(), m, pc),
            Pattern::MatchClass(c) => self.pattern_class(c, pc),
            Pattern::MatchStar(s) => self.store_capture(p.start(), s.name.as_ref().map(|n| n.as_str()), pc),
            Pattern::MatchAs(a) => {
                let name = a.name.as_ref().map(|n| n.as_str());
                let Some(inner) = &a.pattern else {
                    if !pc.allow_irrefutable {
                        let msg = match name {
                            Some(n) => {
                                format!("name capture '{n}' makes remaining patterns unreachable")
                            }
                            None => "wildcard makes remaining patterns unreachable".to_string(),
                        };
                        return self.pattern_error(p.start(), msg);
                    }
                    return self.store_capture(p.start(), name, pc);
                };
                // Keep a copy to store once the sub-pattern has matched.
                pc.on_top += 1;
                self.emit(Op::Copy, 1);
                self.pattern(inner, pc)?;
                pc.on_top -= 1;
                self.store_capture(p.start(), name, pc)
            }
            Pattern::MatchOr(o) => self.pattern_or(&o.patterns, pc),
        }
    }

    /// A sub-pattern: may be irrefutable whatever the enclosing case is.
    fn subpattern(&mut self, p: &'a Pattern, pc: &mut PatternCtx) -> Compiled {
        let saved = std::mem::replace(&mut pc.allow_irrefutable, true);
        let r = self.pattern(p, pc);
        pc.allow_irrefutable = saved;
        r
    }

    fn pattern_error(&mut self, at: TextSize, msg: impl Into<String>) -> Compiled {
        self.error(at, msg);
        Err(())
    }

    /// Capture the value on top of the stack as `name` (`None`: discard it).
    fn store_capture(&mut self, at: TextSize, name: Option<&str>, pc: &mut PatternCtx) -> Compiled {
        let Some(name) = name else {
            self.emit(Op::PopTop, 0);
            return Ok(());
        };
        if name == "__debug__" {
            return self.pattern_error(at, "cannot assign to __debug__");
        }
        if pc.stores.iter().any(|s| s == name) {
            return self.pattern_error(at, format!("multiple assignments to name '{name}' in pattern"));
        }
        // Under everything still to match and under the earlier captures.
        self.rotate(pc.on_top + pc.stores.len() + 1);
        pc.stores.push(name.to_string());
        Ok(())
    }

    /// Move the top of the stack down to depth `count` (1 = top), shifting the rest up.
    fn rotate(&mut self, count: usize) {
        for i in (2..=count).rev() {
            self.emit(Op::Swap, i as i64);
        }
    }

    fn ensure_fail_pop(&mut self, pc: &mut PatternCtx, n: usize) {
        while pc.fail_pop.len() <= n {
            let l = self.new_label();
            pc.fail_pop.push(l);
        }
    }

    /// Jump (with `op`) to the failure label that pops everything the pattern holds.
    fn jump_to_fail_pop(&mut self, pc: &mut PatternCtx, op: Op) {
        let pops = pc.on_top + pc.stores.len();
        self.ensure_fail_pop(pc, pops);
        self.emit_jump(op, pc.fail_pop[pops]);
    }

    fn emit_and_reset_fail_pop(&mut self, pc: &mut PatternCtx) {
        let labels = std::mem::take(&mut pc.fail_pop);
        for (i, l) in labels.iter().enumerate().rev() {
            self.bind(*l);
            if i > 0 {
                self.emit(Op::PopTop, 0);
            }
        }
    }

    fn pattern_sequence(&mut self, at: TextSize, pats: &'a [Pattern], pc: &mut PatternCtx) -> Compiled {
        let size = pats.len();
        let mut star = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        for (i, p) in pats.iter().enumerate() {
            if let Pattern::MatchStar(_) = p {
                if star.is_some() {
                    return self.pattern_error(at, "multiple starred names in sequence pattern");
                }
                star_wildcard = is_star_wildcard(p);
                only_wildcard &= star_wildcard;
                star = Some(i);
                continue;
            }
            only_wildcard &= is_wildcard(p);
        }
        // The subject stays on top for the type and length checks.
        pc.on_top += 1;
        self.emit(Op::MatchSequence, 0);
        self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
        match star {
            None => {
                self.emit(Op::GetLen, 0);
                self.load_int(size as i64);
                self.emit(Op::CompareOp, CmpOp::Eq as i64);
                self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
            }
            Some(_) if size > 1 => {
                self.emit(Op::GetLen, 0);
                self.load_int(size as i64 - 1);
                self.emit(Op::CompareOp, CmpOp::Ge as i64);
                self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
            }
            Some(_) => {}
        }
        pc.on_top -= 1;
        if only_wildcard {
            self.emit(Op::PopTop, 0);
            return Ok(());
        }
        if let (Some(star), true) = (star, star_wildcard) {
            // `[a, *_, b]`: index instead of unpacking (the middle may be long).
            pc.on_top += 1;
            for (i, p) in pats.iter().enumerate() {
                if is_wildcard(p) || i == star {
                    continue;
                }
                self.emit(Op::Copy, 1);
                if i < star {
                    self.load_int(i as i64);
                } else {
                    // The subject may not support negative indices.
                    self.emit(Op::GetLen, 0);
                    self.load_int((size - i) as i64);
                    self.emit(Op::BinaryOp, BinOp::Sub as i64);
                }
                self.emit(Op::BinarySubscr, 0);
                self.subpattern(p, pc)?;
            }
            pc.on_top -= 1;
            self.emit(Op::PopTop, 0);
            return Ok(());
        }
        match star {
            Some(s) => self.emit2(Op::UnpackEx, s as i64, (size - s - 1) as i64),
            None => self.emit(Op::UnpackSequence, size as i64),
        }
        pc.on_top += size;
        for p in pats {
            pc.on_top -= 1;
            self.subpattern(p, pc)?;
        }
        Ok(())
    }

    fn load_int(&mut self, v: i64) {
        self.emit(Op::LoadSmallInt, v);
    }

    fn pattern_mapping(&mut self, at: TextSize, m: &'a ast::PatternMatchMapping, pc: &mut PatternCtx) -> Compiled {
        let size = m.keys.len();
        let rest = m.rest.as_ref().map(|r| r.as_str());
        // The subject stays on top for the type and length checks.
        pc.on_top += 1;
        self.emit(Op::MatchMapping, 0);
        self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
        if size == 0 && rest.is_none() {
            pc.on_top -= 1;
            self.emit(Op::PopTop, 0);
            return Ok(());
        }
        if size > 0 {
            self.emit(Op::GetLen, 0);
            self.load_int(size as i64);
            self.emit(Op::CompareOp, CmpOp::Ge as i64);
            self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
        }
        let mut seen: Vec<Const> = Vec::new();
        for key in &m.keys {
            if let Some(k) = Self::const_value(key) {
                if seen.iter().any(|s| same_key(s, &k)) {
                    let r = crate::dis::repr(&k);
                    return self.pattern_error(at, format!("mapping pattern checks duplicate key ({r})"));
                }
                seen.push(k);
            } else if !matches!(key, Expr::Attribute(_) | Expr::BinOp(_)) {
                return self.pattern_error(at, "mapping pattern keys may only match literals and attribute lookups");
            }
        }
        for key in &m.keys {
            self.expr(key);
        }
        self.emit(Op::BuildTuple, size as i64);
        self.emit(Op::MatchKeys, 0);
        // The keys and the tuple of values (or None) are now on top of the subject.
        pc.on_top += 2;
        self.emit(Op::Copy, 1);
        self.emit(Op::LoadNone, 0);
        self.emit(Op::CompareOp, CmpOp::IsNot as i64);
        self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
        self.emit(Op::UnpackSequence, size as i64);
        pc.on_top -= 1;
        pc.on_top += size;
        for p in &m.patterns {
            pc.on_top -= 1;
            self.subpattern(p, pc)?;
        }
        // A match: what follows consumes the keys and the subject.
        pc.on_top -= 2;
        match rest {
            Some(rest) => {
                // rest = dict(subject); del rest[k] for each key.
                self.emit(Op::BuildMap, 0);
                self.emit(Op::Swap, 3);
                self.emit(Op::DictUpdate, 2);
                self.emit(Op::UnpackSequence, size as i64);
                for left in (1..=size).rev() {
                    self.emit(Op::Copy, 1 + left as i64);
                    self.emit(Op::Swap, 2);
                    self.emit(Op::DeleteSubscr, 0);
                }
                self.store_capture(at, Some(rest), pc)
            }
            None => {
                self.emit(Op::PopTop, 0);
                self.emit(Op::PopTop, 0);
                Ok(())
            }
        }
    }

    fn pattern_class(&mut self, c: &'a ast::PatternMatchClass, pc: &mut PatternCtx) -> Compiled {
        let pos = &c.arguments.patterns;
        let kws = &c.arguments.keywords;
        for (i, kw) in kws.iter().enumerate() {
            if kw.attr.as_str() == "__debug__" {
                return self.pattern_error(kw.pattern.start(), "cannot assign to __debug__");
            }
            if let Some(dup) = kws[i + 1..].iter().find(|o| o.attr.as_str() == kw.attr.as_str()) {
                return self.pattern_error(
                    dup.pattern.start(),
                    format!("attribute name repeated in class pattern: {}", kw.attr.as_str()),
                );
            }
        }
        self.expr(&c.cls);
        let names = kws.iter().map(|k| Const::Str(k.attr.to_string())).collect();
        self.load_const(Const::Tuple(names));
        self.emit(Op::MatchClass, pos.len() as i64);
        self.emit(Op::Copy, 1);
        self.emit(Op::LoadNone, 0);
        self.emit(Op::CompareOp, CmpOp::IsNot as i64);
        // On top: the tuple of attributes (or None).
        pc.on_top += 1;
        self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
        let n = pos.len() + kws.len();
        self.emit(Op::UnpackSequence, n as i64);
        pc.on_top -= 1;
        pc.on_top += n;
        for p in pos.iter().chain(kws.iter().map(|k| &k.pattern)) {
            pc.on_top -= 1;
            if is_wildcard(p) {
                self.emit(Op::PopTop, 0);
                continue;
            }
            self.subpattern(p, pc)?;
        }
        Ok(())
    }

    fn pattern_or(&mut self, alts: &'a [Pattern], pc: &mut PatternCtx) -> Compiled {
        let end = self.new_label();
        let outer_stores = std::mem::take(&mut pc.stores);
        let outer_fail_pop = std::mem::take(&mut pc.fail_pop);
        let (outer_allow, outer_on_top) = (pc.allow_irrefutable, pc.on_top);
        // The names the first alternative binds, in its capture order; the others must
        // bind the same names and are reordered on the stack to this order.
        let mut control: Option<Vec<String>> = None;
        for (i, alt) in alts.iter().enumerate() {
            self.set_line(alt.start());
            pc.stores = Vec::new();
            pc.allow_irrefutable = i + 1 == alts.len() && outer_allow;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.emit(Op::Copy, 1);
            self.pattern(alt, pc)?;
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(ctrl) => {
                    let same = ctrl.len() == pc.stores.len() && ctrl.iter().all(|n| pc.stores.contains(n));
                    if !same {
                        return self.pattern_error(pc.loc, "alternative patterns bind different names");
                    }
                    self.reorder_captures(&mut pc.stores, ctrl);
                }
            }
            self.emit_jump(Op::Jump, end);
            self.emit_and_reset_fail_pop(pc);
        }
        pc.stores = outer_stores;
        pc.fail_pop = outer_fail_pop;
        pc.allow_irrefutable = outer_allow;
        pc.on_top = outer_on_top;
        // No alternative matched: pop the subject and fail.
        self.emit(Op::PopTop, 0);
        self.jump_to_fail_pop(pc, Op::Jump);
        self.bind(end);
        // Stack: [outer captures] [on_top] subject [this pattern's captures]. Move each
        // capture under the outer ones, as `store_capture` would have.
        let control = control.unwrap_or_default();
        let nrots = control.len() + 1 + pc.on_top + pc.stores.len();
        for name in control {
            self.rotate(nrots);
            if pc.stores.contains(&name) {
                return self.pattern_error(pc.loc, format!("multiple assignments to name '{name}' in pattern"));
            }
            pc.stores.push(name);
        }
        self.emit(Op::PopTop, 0);
        Ok(())
    }

    /// Permute the captures on top of the stack (`stores[k]` at depth `k + 1`) into the
    /// order of `control`.
    fn reorder_captures(&mut self, stores: &mut [String], control: &[String]) {
        for k in 0..control.len() {
            if stores[k] == control[k] {
                continue;
            }
            let j = k + stores[k..].iter().position(|s| *s == control[k]).unwrap_or(0);
            // Exchange depths a < b through the top of the stack.
            let (a, b) = (k as i64 + 1, j as i64 + 1);
            if a == 1 {
                self.emit(Op::Swap, b);
            } else {
                self.emit(Op::Swap, a);
                self.emit(Op::Swap, b);
                self.emit(Op::Swap, a);
            }
            stores.swap(k, j);
        }
    }
}
