//! Expressions: each pushes exactly one value.

use frostbyte_format::{BinOp, CmpOp, CodeFlags, Op, UnaryOp};
use ruff_python_ast::{self as ast, ConversionFlag, Expr, InterpolatedStringElement, Number};
use ruff_text_size::Ranged;

use super::{Compiler, Ctx};
use crate::assemble::Label;
use crate::code::Const;
use crate::literal::{BigInt, SMALL_MAX, SMALL_MIN};
use crate::scope::NameScope;

/// Which collection a comprehension or display builds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Coll {
    List,
    Set,
    Tuple,
    Dict,
    Gen,
}

/// Pieces of an f-string joined at a time (see `string_piece`).
const FSTRING_CHUNK: i64 = 256;
impl<'a> Compiler<'a> {
    /// The constant value of a literal expression (no names, no calls), if it is one.
    pub(super) fn const_value(e: &Expr) -> Option<Const> {
        Some(match e {
            Expr::NoneLiteral(_) => Const::None,
            Expr::BooleanLiteral(b) => {
                if b.value {
                    Const::True
                } else {
                    Const::False
                }
            }
            Expr::EllipsisLiteral(_) => Const::Ellipsis,
            Expr::StringLiteral(s) => Const::Str(s.value.to_str().to_string()),
            Expr::BytesLiteral(b) => Const::Bytes(b.value.bytes().collect()),
            Expr::NumberLiteral(n) => match &n.value {
                Number::Int(i) => Self::int_const(BigInt::parse(&i.to_string())?),
                Number::Float(f) => Const::Float(*f),
                Number::Complex { real, imag } => Const::Complex(*real, *imag),
            },
            Expr::UnaryOp(u) if u.op == ast::UnaryOp::USub => match &*u.operand {
                Expr::NumberLiteral(n) => match &n.value {
                    Number::Int(i) => Self::int_const(BigInt::parse(&i.to_string())?.neg()),
                    Number::Float(f) => Const::Float(-*f),
                    Number::Complex { real, imag } => Const::Complex(-*real, -*imag),
                },
                _ => return None,
            },
            Expr::Tuple(t) => Const::Tuple(t.elts.iter().map(Self::const_value).collect::<Option<Vec<_>>>()?),
            _ => return None,
        })
    }

    fn int_const(v: BigInt) -> Const {
        v.to_const()
    }

    /// Load a constant, using `LoadSmallInt`/`LoadNone`/... where they apply.
    fn load_value(&mut self, c: Const) {
        match c {
            Const::None => self.emit(Op::LoadNone, 0),
            Const::True => self.emit(Op::LoadTrue, 0),
            Const::False => self.emit(Op::LoadFalse, 0),
            Const::Int(v) if (SMALL_MIN..=SMALL_MAX).contains(&v) => self.emit(Op::LoadSmallInt, v),
            c => self.load_const(c),
        }
    }

    pub(super) fn binop(op: ast::Operator) -> u8 {
        use ast::Operator as O;
        (match op {
            O::Add => BinOp::Add,
            O::Sub => BinOp::Sub,
            O::Mult => BinOp::Mul,
            O::MatMult => BinOp::MatMul,
            O::Div => BinOp::TrueDiv,
            O::Mod => BinOp::Mod,
            O::Pow => BinOp::Pow,
            O::LShift => BinOp::LShift,
            O::RShift => BinOp::RShift,
            O::BitOr => BinOp::Or,
            O::BitXor => BinOp::Xor,
            O::BitAnd => BinOp::And,
            O::FloorDiv => BinOp::FloorDiv,
        }) as u8
    }

    fn cmpop(op: ast::CmpOp) -> i64 {
        use ast::CmpOp as C;
        (match op {
            C::Eq => CmpOp::Eq,
            C::NotEq => CmpOp::Ne,
            C::Lt => CmpOp::Lt,
            C::LtE => CmpOp::Le,
            C::Gt => CmpOp::Gt,
            C::GtE => CmpOp::Ge,
            C::Is => CmpOp::Is,
            C::IsNot => CmpOp::IsNot,
            C::In => CmpOp::In,
            C::NotIn => CmpOp::NotIn,
        }) as i64
    }

    /// Push a tuple of the given expressions (a constant when they all are).
    pub(super) fn tuple_of(&mut self, items: &[&'a Expr]) {
        if let Some(cs) = items.iter().map(|e| Self::const_value(e)).collect::<Option<Vec<_>>>() {
            return self.load_const(Const::Tuple(cs));
        }
        for e in items {
            self.expr(e);
        }
        self.emit(Op::BuildTuple, items.len() as i64);
    }

    /// Jump to `target` if the truth value of `e` equals `cond`; fall through otherwise.
    pub(super) fn jump_if(&mut self, e: &'a Expr, cond: bool, target: Label) {
        match e {
            Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not => self.jump_if(&u.operand, !cond, target),
            Expr::BoolOp(b) => {
                let is_and = b.op == ast::BoolOp::And;
                let (last, rest) = b.values.split_last().expect("empty bool op");
                if is_and != cond {
                    // `and` jumping on false / `or` jumping on true: any operand decides.
                    for v in rest {
                        self.jump_if(v, cond, target);
                    }
                    self.jump_if(last, cond, target);
                } else {
                    let skip = self.new_label();
                    for v in rest {
                        self.jump_if(v, !cond, skip);
                    }
                    self.jump_if(last, cond, target);
                    self.bind(skip);
                }
            }
            _ => {
                self.expr(e);
                self.emit_jump(if cond { Op::PopJumpIfTrue } else { Op::PopJumpIfFalse }, target);
            }
        }
    }

    pub(super) fn expr(&mut self, e: &'a Expr) {
        let saved = self.set_line(e.start());
        self.expr_inner(e);
        self.unit().line = saved;
    }

    fn expr_inner(&mut self, e: &'a Expr) {
        let at = e.start();
        match e {
            Expr::NoneLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::EllipsisLiteral(_)
            | Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_) => match Self::const_value(e) {
                Some(c) => self.load_value(c),
                None => self.unsupported_expr(at, "number literal"),
            },
            Expr::UnaryOp(u) => {
                if let Some(c) = Self::const_value(e) {
                    return self.load_value(c);
                }
                self.expr(&u.operand);
                let op = match u.op {
                    ast::UnaryOp::USub => UnaryOp::Neg,
                    ast::UnaryOp::UAdd => UnaryOp::Pos,
                    ast::UnaryOp::Invert => UnaryOp::Invert,
                    ast::UnaryOp::Not => UnaryOp::Not,
                };
                self.emit(Op::UnaryOp, op as i64);
            }
            Expr::BinOp(b) => {
                self.expr(&b.left);
                self.expr(&b.right);
                self.emit(Op::BinaryOp, Self::binop(b.op) as i64);
            }
            Expr::BoolOp(b) => {
                let end = self.new_label();
                let (last, rest) = b.values.split_last().expect("empty bool op");
                let op = if b.op == ast::BoolOp::And { Op::JumpIfFalseOrPop } else { Op::JumpIfTrueOrPop };
                for v in rest {
                    self.expr(v);
                    self.emit_jump(op, end);
                }
                self.expr(last);
                self.bind(end);
            }
            Expr::Compare(c) => self.compare(c),
            Expr::If(i) => {
                let orelse = self.new_label();
                let end = self.new_label();
                self.jump_if(&i.test, false, orelse);
                self.expr(&i.body);
                self.emit_jump(Op::Jump, end);
                self.bind(orelse);
                self.expr(&i.orelse);
                self.bind(end);
            }
            Expr::Named(n) => {
                self.expr(&n.value);
                self.emit(Op::Copy, 1);
                self.store(&n.target);
            }
            // A constant, as CPython folds it: False when asserts are dropped (`-O`).
            Expr::Name(n) if n.id.as_str() == "__debug__" => {
                self.emit(if self.opts.asserts { Op::LoadTrue } else { Op::LoadFalse }, 0)
            }
            Expr::Name(n) => self.name_op(n.id.as_str(), Ctx::Load),
            Expr::Attribute(a) => {
                self.expr(&a.value);
                let n = self.attr_index(a.attr.as_str());
                self.emit(Op::LoadAttr, n);
            }
            Expr::Subscript(s) => {
                self.expr(&s.value);
                self.expr(&s.slice);
                self.emit(Op::BinarySubscr, 0);
            }
            Expr::Slice(s) => {
                for part in [&s.lower, &s.upper] {
                    match part {
                        Some(p) => self.expr(p),
                        None => self.emit(Op::LoadNone, 0),
                    }
                }
                match &s.step {
                    Some(p) => {
                        self.expr(p);
                        self.emit(Op::BuildSlice, 3);
                    }
                    None => self.emit(Op::BuildSlice, 2),
                }
            }
            Expr::Tuple(t) => self.display(&t.elts, Coll::Tuple),
            Expr::List(l) => self.display(&l.elts, Coll::List),
            Expr::Set(s) => self.display(&s.elts, Coll::Set),
            Expr::Dict(d) => self.dict(d),
            Expr::Call(c) => self.call(c),
            Expr::Lambda(l) => self.lambda(l),
            Expr::ListComp(c) => self.comprehension(e, &c.generators, Coll::List, &c.elt, None),
            Expr::SetComp(c) => self.comprehension(e, &c.generators, Coll::Set, &c.elt, None),
            Expr::Generator(c) => self.comprehension(e, &c.generators, Coll::Gen, &c.elt, None),
            Expr::DictComp(c) => match &c.key {
                Some(k) => self.comprehension(e, &c.generators, Coll::Dict, k, Some(&c.value)),
                None => self.unsupported_expr(at, "dictionary unpacking in a comprehension"),
            },
            Expr::Yield(y) => {
                match &y.value {
                    Some(v) => self.expr(v),
                    None => self.emit(Op::LoadNone, 0),
                }
                if self.table.scopes[self.u().scope].is_async {
                    self.emit(Op::AsyncGenWrap, 0);
                }
                self.emit(Op::YieldValue, 0);
            }
            Expr::YieldFrom(y) => {
                self.expr(&y.value);
                self.emit(Op::GetYieldFromIter, 0);
                self.emit(Op::LoadNone, 0);
                self.delegate_loop();
            }
            Expr::Await(a) => {
                self.expr(&a.value);
                self.await_value(0);
            }
            Expr::FString(f) => self.fstring(f),
            Expr::TString(_) => self.unsupported_expr(at, "t-string"),
            Expr::Starred(_) => {
                self.error(at, "can't use starred expression here");
                self.emit(Op::LoadNone, 0);
            }
            Expr::IpyEscapeCommand(_) => self.unsupported_expr(at, "IPython escape command"),
        }
    }

    /// `await` the object on top of the stack (`k`: `GetAwaitable`'s error context).
    pub(super) fn await_value(&mut self, k: i64) {
        self.emit(Op::GetAwaitable, k);
        self.emit(Op::LoadNone, 0);
        self.delegate_loop();
    }

    /// The loop of `yield from` / `await` (`recv v -- result`): send into the delegate and
    /// yield what it yields until it returns. A generator suspended at this `YieldValue` is
    /// delegating: `throw` and `close` go to the delegate first (PEP 380); the VM recognises
    /// the spot by the `Jump` back to a `Send`.
    /// ```text
    /// L: Send E; YieldValue; Jump L
    /// E:
    /// ```
    fn delegate_loop(&mut self) {
        let top = self.new_label();
        let end = self.new_label();
        self.bind(top);
        self.emit_jump(Op::Send, end);
        self.emit(Op::YieldValue, 0);
        self.emit_jump(Op::Jump, top);
        self.bind(end);
    }

    /// Report an unsupported expression and push a placeholder so that the rest of the unit
    /// still assembles (its diagnostics are reported too).
    fn unsupported_expr(&mut self, at: ruff_text_size::TextSize, what: &str) {
        self.unsupported(at, what);
        self.emit(Op::LoadNone, 0);
    }

    fn compare(&mut self, c: &'a ast::ExprCompare) {
        self.expr(&c.left);
        let n = c.ops.len();
        if n == 1 {
            self.expr(&c.comparators[0]);
            self.emit(Op::CompareOp, Self::cmpop(c.ops[0]));
            return;
        }
        // a < b < c: each middle operand is evaluated once and kept under the result.
        let cleanup = self.new_label();
        let end = self.new_label();
        for (i, (op, right)) in c.ops.iter().zip(c.comparators.iter()).enumerate() {
            self.expr(right);
            if i + 1 < n {
                self.emit(Op::Swap, 2);
                self.emit(Op::Copy, 2);
                self.emit(Op::CompareOp, Self::cmpop(*op));
                self.emit_jump(Op::JumpIfFalseOrPop, cleanup);
            } else {
                self.emit(Op::CompareOp, Self::cmpop(*op));
            }
        }
        self.emit_jump(Op::Jump, end);
        self.bind(cleanup);
        self.emit(Op::Swap, 2);
        self.emit(Op::PopTop, 0);
        self.bind(end);
    }

    /// List, tuple and set displays, with `*iterable` items.
    fn display(&mut self, elts: &'a [Expr], kind: Coll) {
        let has_star = elts.iter().any(|e| e.is_starred_expr());
        if !has_star {
            if kind == Coll::Tuple {
                let items: Vec<&'a Expr> = elts.iter().collect();
                return self.tuple_of(&items);
            }
            if kind == Coll::Set && elts.len() > 2 && elts.iter().all(|e| Self::const_value(e).is_some()) {
                // CPython folds a display of three or more constants into a frozenset constant,
                // built item by item, then rebuilt item by item in its own order when the
                // compiler merges constants; the display is an empty set updated from it (one
                // resize for all items). The table sizes and the order of colliding items, hence
                // the iteration order, follow from those steps, replayed here:
                // target = set(); s2 = set(); s2.update(list({consts})); target.update(s2).
                self.emit(Op::BuildSet, 0);
                self.emit(Op::BuildSet, 0);
                self.emit(Op::BuildList, 0);
                for e in elts {
                    self.expr(e);
                }
                self.emit(Op::BuildSet, elts.len() as i64);
                self.emit(Op::ListExtend, 1);
                self.emit(Op::SetUpdate, 1);
                return self.emit(Op::SetUpdate, 1);
            }
            for e in elts {
                self.expr(e);
            }
            let op = if kind == Coll::Set { Op::BuildSet } else { Op::BuildList };
            return self.emit(op, elts.len() as i64);
        }
        let lead = elts.iter().take_while(|e| !e.is_starred_expr()).count();
        for e in &elts[..lead] {
            self.expr(e);
        }
        let set = kind == Coll::Set;
        self.emit(if set { Op::BuildSet } else { Op::BuildList }, lead as i64);
        for e in &elts[lead..] {
            match e {
                Expr::Starred(s) => {
                    self.expr(&s.value);
                    self.emit(if set { Op::SetUpdate } else { Op::ListExtend }, 1);
                }
                _ => {
                    self.expr(e);
                    self.emit(if set { Op::SetAdd } else { Op::ListAppend }, 1);
                }
            }
        }
        if kind == Coll::Tuple {
            self.emit(Op::ListToTuple, 0);
        }
    }

    fn dict(&mut self, d: &'a ast::ExprDict) {
        let mut run = 0i64;
        let mut have = false;
        for item in &d.items {
            match &item.key {
                Some(k) => {
                    self.expr(k);
                    self.expr(&item.value);
                    run += 1;
                }
                None => {
                    if !have || run > 0 {
                        self.emit(Op::BuildMap, run);
                        if have {
                            self.emit(Op::DictUpdate, 1);
                        }
                        have = true;
                        run = 0;
                    }
                    self.expr(&item.value);
                    self.emit(Op::DictUpdate, 1);
                }
            }
        }
        if !have || run > 0 {
            self.emit(Op::BuildMap, run);
            if have {
                self.emit(Op::DictUpdate, 1);
            }
        }
    }

    fn call(&mut self, c: &'a ast::ExprCall) {
        let args = &c.arguments;
        if self.zero_arg_super(c) {
            return;
        }
        let has_star = args.args.iter().any(|a| a.is_starred_expr()) || args.keywords.iter().any(|k| k.arg.is_none());
        let npos = args.args.len() as i64;
        let kwnames: Vec<Const> =
            args.keywords.iter().filter_map(|k| k.arg.as_ref().map(|a| Const::Str(a.to_string()))).collect();
        let nkw = kwnames.len() as i64;
        if !has_star {
            let method = match &*c.func {
                Expr::Attribute(a) => Some(a),
                _ => None,
            };
            if let Some(a) = method {
                self.expr(&a.value);
                let saved = self.set_line(a.attr.start());
                let n = self.attr_index(a.attr.as_str());
                self.emit(Op::LoadMethod, n);
                self.unit().line = saved;
            } else {
                self.expr(&c.func);
            }
            for a in args.args.iter() {
                self.expr(a);
            }
            for k in args.keywords.iter() {
                self.expr(&k.value);
            }
            match (method.is_some(), nkw > 0) {
                (true, false) => self.emit(Op::CallMethod, npos),
                (false, false) => self.emit(Op::Call, npos),
                (m, true) => {
                    self.load_const(Const::Tuple(kwnames));
                    self.emit(if m { Op::CallMethodKw } else { Op::CallKw }, npos + nkw);
                }
            }
            return;
        }
        self.expr(&c.func);
        self.star_call(0, &args.args, &args.keywords);
    }

    /// The arguments of a call with `*it` or `**map` after the callee and `pre` positional
    /// values already on the stack: a tuple of the positionals, then (if any keywords) a
    /// dict of the keywords, then `CallEx`.
    pub(super) fn star_call(&mut self, pre: i64, posargs: &'a [Expr], keywords: &'a [ast::Keyword]) {
        if let (0, [Expr::Starred(s)]) = (pre, posargs) {
            // `f(*it)`: CallEx makes the tuple (and names `f` if `it` is not iterable).
            self.expr(&s.value);
        } else {
            self.star_args(pre, posargs);
        }
        if keywords.is_empty() {
            return self.emit(Op::CallEx, 0);
        }
        self.star_kwargs(keywords);
    }

    /// The positional arguments of a call with `*it` after `pre` values already on the
    /// stack: a list, extended by each `*it`, then made a tuple.
    fn star_args(&mut self, pre: i64, posargs: &'a [Expr]) {
        let lead = posargs.iter().take_while(|a| !a.is_starred_expr()).count();
        for a in &posargs[..lead] {
            self.expr(a);
        }
        self.emit(Op::BuildList, pre + lead as i64);
        for a in &posargs[lead..] {
            match a {
                Expr::Starred(s) => {
                    self.expr(&s.value);
                    self.emit(Op::ListExtend, 1);
                }
                _ => {
                    self.expr(a);
                    self.emit(Op::ListAppend, 1);
                }
            }
        }
        self.emit(Op::ListToTuple, 0);
    }

    /// The keyword arguments of a call with `**m`, then `CallEx`: runs of `k=v` become
    /// dicts; everything merges with duplicate checks (DictMerge) into the first.
    fn star_kwargs(&mut self, keywords: &'a [ast::Keyword]) {
        let mut run = 0i64;
        let mut have = false;
        for k in keywords.iter() {
            match &k.arg {
                Some(name) => {
                    self.load_const(Const::Str(name.to_string()));
                    self.expr(&k.value);
                    run += 1;
                }
                None => {
                    if !have || run > 0 {
                        self.emit(Op::BuildMap, run);
                        if have {
                            self.emit(Op::DictMerge, 1);
                        }
                        have = true;
                        run = 0;
                    }
                    self.expr(&k.value);
                    self.emit(Op::DictMerge, 1);
                }
            }
        }
        if run > 0 {
            self.emit(Op::BuildMap, run);
            if have {
                self.emit(Op::DictMerge, 1);
            }
        }
        self.emit(Op::CallEx, 1);
    }

    /// `super()` in a function that sees `__class__`: `super(__class__, <first parameter>)`.
    fn zero_arg_super(&mut self, c: &'a ast::ExprCall) -> bool {
        let Expr::Name(n) = &*c.func else {
            return false;
        };
        if n.id.as_str() != "super" || !c.arguments.args.is_empty() || !c.arguments.keywords.is_empty() {
            return false;
        }
        let s = &self.table.scopes[self.u().scope];
        if !s.kind.is_function()
            || s.lookup("super") != NameScope::GlobalImplicit
            || !matches!(s.lookup("__class__"), NameScope::Free | NameScope::Cell)
        {
            return false;
        }
        let Some(first) = s.params.first().cloned() else {
            return false;
        };
        self.name_op("super", Ctx::Load);
        self.name_op("__class__", Ctx::Load);
        self.name_op(&first, Ctx::Load);
        self.emit(Op::Call, 2);
        true
    }

    fn lambda(&mut self, l: &'a ast::ExprLambda) {
        let flags = self.defaults(l.parameters.as_deref());
        let scope = self.table.of(l);
        let qualname = self.child_qualname("<lambda>");
        let first_line = self.loc.line(l.range.start());
        self.enter_unit(scope, "<lambda>".into(), qualname, CodeFlags::ANONYMOUS, first_line);
        self.expr(&l.body);
        self.emit(Op::ReturnValue, 0);
        let code = self.leave_unit(l.range.start());
        self.make_function(code, scope, flags, l.range.start());
    }

    /// A comprehension or generator expression: a nested function called with the iterator
    /// of the outermost iterable.
    fn comprehension(
        &mut self,
        node: &'a Expr,
        gens: &'a [ast::Comprehension],
        kind: Coll,
        elt: &'a Expr,
        value: Option<&'a Expr>,
    ) {
        let at = node.start();
        let scope = self.table.of(node);
        let name = match kind {
            Coll::List => "<listcomp>",
            Coll::Set => "<setcomp>",
            Coll::Dict => "<dictcomp>",
            _ => "<genexpr>",
        };
        let qualname = self.child_qualname(name);
        let first_line = self.loc.line(at);
        self.enter_unit(scope, name.into(), qualname, CodeFlags::ANONYMOUS, first_line);
        if kind == Coll::Gen {
            self.table.scopes[scope].is_generator = true;
        }
        match kind {
            Coll::List => self.emit(Op::BuildList, 0),
            Coll::Set => self.emit(Op::BuildSet, 0),
            Coll::Dict => self.emit(Op::BuildMap, 0),
            _ => {}
        }
        self.comp_loop(gens, 0, kind, elt, value);
        if kind == Coll::Gen {
            self.emit(Op::LoadNone, 0);
        }
        self.emit(Op::ReturnValue, 0);
        let code = self.leave_unit(at);
        self.make_function(code, scope, 0, at);
        self.expr(&gens[0].iter);
        self.emit(if gens[0].is_async { Op::GetAIter } else { Op::GetIter }, 0);
        self.emit(Op::Call, 1);
        if self.table.scopes[scope].is_async && kind != Coll::Gen {
            // An async list/set/dict comprehension is a coroutine: await it here.
            self.await_value(0);
        }
    }

    fn comp_loop(
        &mut self,
        gens: &'a [ast::Comprehension],
        i: usize,
        kind: Coll,
        elt: &'a Expr,
        value: Option<&'a Expr>,
    ) {
        let g = &gens[i];
        let start = self.new_label();
        let end = self.new_label();
        if i == 0 {
            self.emit(Op::LoadFast, 0);
        } else {
            self.expr(&g.iter);
            self.emit(if g.is_async { Op::GetAIter } else { Op::GetIter }, 0);
        }
        self.bind(start);
        if g.is_async {
            // The iterators of this and the enclosing loops (and the collection) stay.
            let depth = (kind != Coll::Gen) as u32 + i as u32 + 1;
            self.async_next(depth, end);
        } else {
            self.emit_jump(Op::ForIter, end);
        }
        self.store(&g.target);
        for cond in &g.ifs {
            self.jump_if(cond, false, start);
        }
        if i + 1 < gens.len() {
            self.comp_loop(gens, i + 1, kind, elt, value);
        } else {
            let depth = gens.len() as i64 + 1;
            match kind {
                Coll::List => {
                    self.expr(elt);
                    self.emit(Op::ListAppend, depth);
                }
                Coll::Set => {
                    self.expr(elt);
                    self.emit(Op::SetAdd, depth);
                }
                Coll::Dict => {
                    self.expr(elt);
                    self.expr(value.expect("dict comprehension value"));
                    self.emit(Op::MapAdd, depth);
                }
                _ => {
                    self.expr(elt);
                    if self.table.scopes[self.u().scope].is_async {
                        self.emit(Op::AsyncGenWrap, 0);
                    }
                    self.emit(Op::YieldValue, 0);
                    self.emit(Op::PopTop, 0);
                }
            }
        }
        self.emit_jump(Op::Jump, start);
        self.bind(end);
        if g.is_async {
            self.emit(Op::EndAsyncFor, 0);
        }
    }

    /// One step of `async for` (the async iterator on top, `depth` items on the stack with
    /// it): await `__anext__()`, pushing the value; StopAsyncIteration goes to `end`, where
    /// the caller emits `EndAsyncFor`.
    pub(super) fn async_next(&mut self, depth: u32, end: crate::assemble::Label) {
        self.push_handler(end, depth);
        self.emit(Op::GetANext, 0);
        self.emit(Op::LoadNone, 0);
        self.delegate_loop();
        self.pop_handler();
    }

    fn fstring(&mut self, f: &'a ast::ExprFString) {
        let mut buf = String::new();
        let mut count = 0i64;
        for part in f.value.iter() {
            match part {
                ast::FStringPart::Literal(s) => buf.push_str(&s.value),
                ast::FStringPart::FString(fs) => self.fstring_elements(&fs.elements, &mut buf, &mut count),
            }
        }
        self.finish_string(buf, count);
    }

    /// One more piece of an f-string is on the stack: join the pieces so far into one every
    /// [`FSTRING_CHUNK`] pieces, so a long f-string needs a bounded stack (it failed with
    /// "stack too deep" past 65,535 pieces).
    fn string_piece(&mut self, count: &mut i64) {
        *count += 1;
        if *count >= FSTRING_CHUNK {
            self.emit(Op::BuildString, *count);
            *count = 1;
        }
    }

    /// Flush pending literal text and join the pieces into one str.
    fn finish_string(&mut self, buf: String, mut count: i64) {
        if !buf.is_empty() || count == 0 {
            self.load_const(Const::Str(buf));
            count += 1;
        }
        if count > 1 {
            self.emit(Op::BuildString, count);
        }
    }

    fn fstring_elements(&mut self, elements: &'a [InterpolatedStringElement], buf: &mut String, count: &mut i64) {
        for el in elements {
            match el {
                InterpolatedStringElement::Literal(l) => buf.push_str(&l.value),
                InterpolatedStringElement::Interpolation(i) => {
                    if let Some(dbg) = &i.debug_text {
                        buf.push_str(dbg.as_str());
                    }
                    if !buf.is_empty() {
                        self.load_const(Const::Str(std::mem::take(buf)));
                        self.string_piece(count);
                    }
                    self.expr(&i.expression);
                    let mut flags = match i.conversion {
                        ConversionFlag::None if i.debug_text.is_some() && i.format_spec.is_none() => 2,
                        ConversionFlag::None => 0,
                        ConversionFlag::Str => 1,
                        ConversionFlag::Repr => 2,
                        ConversionFlag::Ascii => 3,
                    };
                    if let Some(spec) = &i.format_spec {
                        let mut sbuf = String::new();
                        let mut scount = 0;
                        self.fstring_elements(&spec.elements, &mut sbuf, &mut scount);
                        self.finish_string(sbuf, scount);
                        flags |= 4;
                    }
                    self.emit(Op::FormatValue, flags);
                    self.string_piece(count);
                }
            }
        }
    }
}
