//! A grammar of the language Frostbyte supports, derived with `arbitrary` and rendered to
//! well-formed source: names come from small fixed pools (bound by a prelude), `break` /
//! `continue` only inside loops, `return` / `yield` only inside functions, nesting depth
//! capped. Most programs compile (see `structured_share` in `fuzz/README.md`); the rest
//! exercise the compiler's own diagnostics.

use arbitrary::Arbitrary;
use std::fmt::Write;

/// Variables bound by the prelude (and assigned by the program).
const VARS: &[&str] = &["a", "b", "c", "d", "e", "s", "t", "xs"];
/// Attribute names used on instances.
const ATTRS: &[&str] = &["x", "y", "z"];
/// Exception types raised and caught.
const EXCS: &[&str] = &[
    "Exception",
    "ValueError",
    "TypeError",
    "KeyError",
    "IndexError",
    "ZeroDivisionError",
    "StopIteration",
    "RuntimeError",
    "E0",
    "BaseException",
    "AttributeError",
    "MemoryError",
];
/// Builtins called with generated arguments.
const BUILTINS: &[&str] = &[
    "len",
    "str",
    "repr",
    "int",
    "float",
    "bool",
    "list",
    "tuple",
    "dict",
    "set",
    "frozenset",
    "sorted",
    "reversed",
    "min",
    "max",
    "sum",
    "abs",
    "any",
    "all",
    "enumerate",
    "zip",
    "range",
    "isinstance",
    "hash",
    "iter",
    "next",
    "chr",
    "ord",
    "divmod",
    "pow",
    "round",
    "type",
    "id",
    "getattr",
    "hasattr",
    "callable",
    "bytes",
    "format",
    "hex",
    "bin",
    "map",
    "filter",
    "print",
];
/// Methods called on values of any type (many raise AttributeError on the wrong type).
const METHODS: &[&str] = &[
    "append",
    "pop",
    "insert",
    "extend",
    "remove",
    "index",
    "count",
    "sort",
    "reverse",
    "copy",
    "clear",
    "keys",
    "values",
    "items",
    "get",
    "setdefault",
    "update",
    "add",
    "discard",
    "union",
    "split",
    "join",
    "strip",
    "replace",
    "find",
    "upper",
    "lower",
    "startswith",
    "endswith",
    "format",
    "encode",
    "decode",
    "center",
    "zfill",
    "partition",
    "splitlines",
    "title",
    "isdigit",
    "ljust",
    "rsplit",
    "difference",
    "intersection",
    "popitem",
    "__len__",
    "__repr__",
    "__eq__",
];
/// Dunder methods a generated class may define.
const DUNDERS: &[(&str, usize)] = &[
    ("__init__", 1),
    ("__repr__", 0),
    ("__str__", 0),
    ("__eq__", 1),
    ("__hash__", 0),
    ("__lt__", 1),
    ("__len__", 0),
    ("__bool__", 0),
    ("__iter__", 0),
    ("__next__", 0),
    ("__getitem__", 1),
    ("__setitem__", 2),
    ("__contains__", 1),
    ("__add__", 1),
    ("__call__", 1),
    ("__enter__", 0),
    ("__exit__", 3),
    ("__getattr__", 1),
    ("__del__", 0),
];
const MAX_DEPTH: usize = 5;
const MAX_BLOCK: usize = 6;

/// A whole program: a prelude binds every pool name, then classes, functions and statements.
#[derive(Arbitrary, Debug)]
pub struct Program {
    classes: Vec<ClassDef>,
    funcs: Vec<FuncDef>,
    body: Vec<Stmt>,
}

#[derive(Arbitrary, Debug)]
struct FuncDef {
    params: u8,
    defaults: bool,
    star: bool,
    generator: bool,
    body: Vec<Stmt>,
    ret: Expr,
}

#[derive(Arbitrary, Debug)]
struct ClassDef {
    base: Option<u8>,
    exc_base: bool,
    methods: Vec<Method>,
    class_attr: Option<Expr>,
}

#[derive(Arbitrary, Debug)]
struct Method {
    kind: MethodKind,
    body: Vec<Stmt>,
    ret: Expr,
}

#[derive(Arbitrary, Debug)]
enum MethodKind {
    Dunder(u8),
    Plain(u8),
    Property(u8),
    Static(u8),
    Class(u8),
}

#[derive(Arbitrary, Debug)]
enum Stmt {
    Assign(u8, Expr),
    Unpack(u8, u8, Expr),
    AugAssign(u8, BinOp, Expr),
    Expr(Expr),
    Print(Vec<Expr>),
    If(Expr, Vec<Stmt>, Vec<Stmt>),
    While(Expr, Vec<Stmt>),
    For(u8, Expr, Vec<Stmt>),
    ForElse(u8, Expr, Vec<Stmt>, Vec<Stmt>),
    Try(
        Vec<Stmt>,
        u8,
        bool,
        Vec<Stmt>,
        Option<Vec<Stmt>>,
        Option<Vec<Stmt>>,
    ),
    With(Expr, Vec<Stmt>),
    Raise(u8, Expr),
    RaiseFrom(u8, u8),
    Reraise,
    Break,
    Continue,
    Return(Expr),
    Yield(Expr),
    YieldFrom(Expr),
    Del(u8),
    DelItem(u8, Expr),
    Assert(Expr),
    SetAttr(Expr, u8, Expr),
    SetItem(u8, Expr, Expr),
    Nested(Box<FuncDef>),
    Global(u8),
    Import(u8),
    Pass,
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    And,
    Or,
    Xor,
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum CmpOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Is,
    IsNot,
    In,
    NotIn,
}

#[derive(Arbitrary, Debug)]
enum Expr {
    SmallInt(i8),
    Int(i64),
    BigInt(u128, bool),
    Float(f64),
    Str(String),
    Bytes(Vec<u8>),
    None,
    Bool(bool),
    Var(u8),
    Bin(Box<Expr>, BinOp, Box<Expr>),
    Neg(Box<Expr>),
    Invert(Box<Expr>),
    Not(Box<Expr>),
    Cmp(Box<Expr>, CmpOp, Box<Expr>),
    Chain(Box<Expr>, CmpOp, Box<Expr>, CmpOp, Box<Expr>),
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
    IfExp(Box<Expr>, Box<Expr>, Box<Expr>),
    CallFunc(u8, Vec<Expr>),
    CallKw(u8, Box<Expr>, u8, Box<Expr>),
    CallStar(u8, Box<Expr>),
    Builtin(u8, Vec<Expr>),
    Method(Box<Expr>, u8, Vec<Expr>),
    New(u8, Vec<Expr>),
    Attr(Box<Expr>, u8),
    Index(Box<Expr>, Box<Expr>),
    Slice(
        Box<Expr>,
        Option<Box<Expr>>,
        Option<Box<Expr>>,
        Option<Box<Expr>>,
    ),
    List(Vec<Expr>),
    Tuple(Vec<Expr>),
    Dict(Vec<(Expr, Expr)>),
    Set(Vec<Expr>),
    ListComp(Box<Expr>, u8, Box<Expr>, Option<Box<Expr>>),
    GenExp(Box<Expr>, u8, Box<Expr>),
    DictComp(Box<Expr>, Box<Expr>, u8, Box<Expr>),
    SetComp(Box<Expr>, u8, Box<Expr>),
    Lambda(u8, Box<Expr>),
    FString(Vec<Expr>, u8),
    Percent(u8, Box<Expr>),
    Walrus(u8, Box<Expr>),
    Star(Box<Expr>),
}

fn pick<'a>(pool: &[&'a str], i: u8) -> &'a str {
    pool[i as usize % pool.len()]
}

/// Rendering state: the output and where we are.
struct Out {
    s: String,
    classes: usize,
    funcs: usize,
}

#[derive(Clone, Copy)]
struct Ctx {
    indent: usize,
    depth: usize,
    in_loop: bool,
    in_func: bool,
    in_except: bool,
}

impl Ctx {
    fn deeper(self) -> Ctx {
        Ctx {
            indent: self.indent + 1,
            depth: self.depth + 1,
            ..self
        }
    }
}

impl Program {
    /// The program as Python source.
    pub fn render(&self) -> String {
        let mut o = Out {
            s: String::new(),
            classes: self.classes.len().min(4),
            funcs: self.funcs.len().min(6),
        };
        o.s.push_str(
            "a = 1\nb = 2.5\nc = 'abc'\nd = [1, 2, 3]\ne = {'k': 1, 2: 'v'}\ns = {1, 2}\nt = (1, 'x', None)\nxs = b'xy'\n\
             class E0(Exception):\n    pass\n",
        );
        for (i, cl) in self.classes.iter().take(4).enumerate() {
            cl.render(&mut o, i);
        }
        let top = Ctx {
            indent: 0,
            depth: 0,
            in_loop: false,
            in_func: false,
            in_except: false,
        };
        for (i, f) in self.funcs.iter().take(6).enumerate() {
            f.render(&mut o, &format!("f{i}"), top);
        }
        block(&mut o, &self.body, top);
        o.s
    }
}

fn line(o: &mut Out, indent: usize, text: &str) {
    for _ in 0..indent {
        o.s.push_str("    ");
    }
    o.s.push_str(text);
    o.s.push('\n');
}

/// A block's statements (at least `pass`).
fn block(o: &mut Out, body: &[Stmt], ctx: Ctx) {
    let mut any = false;
    for st in body.iter().take(MAX_BLOCK) {
        any |= st.render(o, ctx);
    }
    if !any {
        line(o, ctx.indent, "pass");
    }
}

impl FuncDef {
    fn render(&self, o: &mut Out, name: &str, ctx: Ctx) {
        let n = (self.params % 4) as usize;
        let mut ps: Vec<String> = VARS.iter().take(n).map(|v| v.to_string()).collect();
        if self.defaults && n > 0 {
            ps[n - 1].push_str("=None");
        }
        if self.star {
            ps.push("*args".into());
            ps.push("**kw".into());
        }
        line(o, ctx.indent, &format!("def {name}({}):", ps.join(", ")));
        let inner = Ctx {
            indent: ctx.indent + 1,
            depth: ctx.depth + 1,
            in_loop: false,
            in_func: true,
            in_except: false,
        };
        if ctx.depth >= MAX_DEPTH {
            line(o, inner.indent, "return None");
            return;
        }
        block(o, &self.body, inner);
        if self.generator {
            let v = self.ret.render(o, inner.depth);
            line(o, inner.indent, &format!("yield {v}"));
        } else {
            let v = self.ret.render(o, inner.depth);
            line(o, inner.indent, &format!("return {v}"));
        }
    }
}

impl ClassDef {
    fn render(&self, o: &mut Out, i: usize) {
        let base = match (self.exc_base, self.base) {
            (true, _) => "(Exception)".to_string(),
            (false, Some(b)) if i > 0 => format!("(C{})", b as usize % i),
            _ => String::new(),
        };
        line(o, 0, &format!("class C{i}{base}:"));
        let ctx = Ctx {
            indent: 1,
            depth: 1,
            in_loop: false,
            in_func: false,
            in_except: false,
        };
        if let Some(v) = &self.class_attr {
            let v = v.render(o, 2);
            line(o, 1, &format!("k = {v}"));
        }
        let mut any = self.class_attr.is_some();
        for m in self.methods.iter().take(6) {
            m.render(o, ctx);
            any = true;
        }
        if !any {
            line(o, 1, "pass");
        }
    }
}

impl Method {
    fn render(&self, o: &mut Out, ctx: Ctx) {
        let (deco, name, params) = match self.kind {
            MethodKind::Dunder(k) => {
                let (n, args) = DUNDERS[k as usize % DUNDERS.len()];
                let ps = ["self", "a", "b", "c"][..=args].join(", ");
                ("", n.to_string(), ps)
            }
            MethodKind::Plain(k) => ("", format!("m{}", k % 3), "self, a=0".to_string()),
            MethodKind::Property(k) => {
                ("@property", pick(ATTRS, k).to_string(), "self".to_string())
            }
            MethodKind::Static(k) => ("@staticmethod", format!("m{}", k % 3), "a=0".to_string()),
            MethodKind::Class(k) => (
                "@classmethod",
                format!("m{}", k % 3),
                "cls, a=0".to_string(),
            ),
        };
        if !deco.is_empty() {
            line(o, ctx.indent, deco);
        }
        line(o, ctx.indent, &format!("def {name}({params}):"));
        let inner = Ctx {
            indent: ctx.indent + 1,
            depth: ctx.depth + 1,
            in_loop: false,
            in_func: true,
            in_except: false,
        };
        block(o, &self.body, inner);
        let v = if name == "__init__" || name == "__del__" || name == "__setitem__" {
            "None".to_string()
        } else {
            self.ret.render(o, inner.depth)
        };
        line(o, inner.indent, &format!("return {v}"));
    }
}

impl Stmt {
    /// Render at `ctx`; false if nothing was written (so the block may need `pass`).
    fn render(&self, o: &mut Out, ctx: Ctx) -> bool {
        let i = ctx.indent;
        let d = ctx.depth + 1;
        if ctx.depth >= MAX_DEPTH {
            return false;
        }
        match self {
            Stmt::Assign(v, x) => {
                let x = x.render(o, d);
                line(o, i, &format!("{} = {x}", pick(VARS, *v)));
            }
            Stmt::Unpack(v, w, x) => {
                let x = x.render(o, d);
                line(
                    o,
                    i,
                    &format!(
                        "{}, *{} = {x}",
                        pick(VARS, *v),
                        pick(VARS, v.wrapping_add(1 + w % 7))
                    ),
                );
            }
            Stmt::AugAssign(v, op, x) => {
                let x = x.render(o, d);
                line(o, i, &format!("{} {}= {x}", pick(VARS, *v), op.text()));
            }
            Stmt::Expr(x) => {
                let x = x.render(o, d);
                line(o, i, &x);
            }
            Stmt::Print(xs) => {
                let xs: Vec<String> = xs.iter().take(4).map(|x| x.render(o, d)).collect();
                line(o, i, &format!("print({})", xs.join(", ")));
            }
            Stmt::If(c, a, b) => {
                let c = c.render(o, d);
                line(o, i, &format!("if {c}:"));
                block(o, a, ctx.deeper());
                if !b.is_empty() {
                    line(o, i, "else:");
                    block(o, b, ctx.deeper());
                }
            }
            Stmt::While(c, body) => {
                let c = c.render(o, d);
                line(o, i, &format!("while {c}:"));
                block(
                    o,
                    body,
                    Ctx {
                        in_loop: true,
                        ..ctx.deeper()
                    },
                );
            }
            Stmt::For(v, it, body) => {
                let it = it.render(o, d);
                line(o, i, &format!("for {} in {it}:", pick(VARS, *v)));
                block(
                    o,
                    body,
                    Ctx {
                        in_loop: true,
                        ..ctx.deeper()
                    },
                );
            }
            Stmt::ForElse(v, it, body, els) => {
                let it = it.render(o, d);
                line(o, i, &format!("for {} in {it}:", pick(VARS, *v)));
                block(
                    o,
                    body,
                    Ctx {
                        in_loop: true,
                        ..ctx.deeper()
                    },
                );
                line(o, i, "else:");
                block(o, els, ctx.deeper());
            }
            Stmt::Try(body, exc, bind, handler, els, fin) => {
                line(o, i, "try:");
                block(o, body, ctx.deeper());
                let e = pick(EXCS, *exc);
                if *bind {
                    line(o, i, &format!("except {e} as ex:"));
                } else {
                    line(o, i, &format!("except ({e}, E0):"));
                }
                block(
                    o,
                    handler,
                    Ctx {
                        in_except: true,
                        ..ctx.deeper()
                    },
                );
                if let Some(els) = els {
                    line(o, i, "else:");
                    block(o, els, ctx.deeper());
                }
                if let Some(fin) = fin {
                    line(o, i, "finally:");
                    block(o, fin, ctx.deeper());
                }
            }
            Stmt::With(x, body) => {
                let x = x.render(o, d);
                line(o, i, &format!("with {x} as w:"));
                block(o, body, ctx.deeper());
            }
            Stmt::Raise(exc, x) => {
                let x = x.render(o, d);
                line(o, i, &format!("raise {}({x})", pick(EXCS, *exc)));
            }
            Stmt::RaiseFrom(a, b) => {
                line(
                    o,
                    i,
                    &format!("raise {}() from {}", pick(EXCS, *a), pick(EXCS, *b)),
                );
            }
            Stmt::Reraise => line(o, i, if ctx.in_except { "raise" } else { "raise E0" }),
            Stmt::Break => line(o, i, if ctx.in_loop { "break" } else { "pass" }),
            Stmt::Continue => line(o, i, if ctx.in_loop { "continue" } else { "pass" }),
            Stmt::Return(x) => {
                let x = x.render(o, d);
                line(
                    o,
                    i,
                    &if ctx.in_func {
                        format!("return {x}")
                    } else {
                        x
                    },
                );
            }
            Stmt::Yield(x) => {
                let x = x.render(o, d);
                line(o, i, &if ctx.in_func { format!("yield {x}") } else { x });
            }
            Stmt::YieldFrom(x) => {
                let x = x.render(o, d);
                line(
                    o,
                    i,
                    &if ctx.in_func {
                        format!("yield from {x}")
                    } else {
                        x
                    },
                );
            }
            Stmt::Del(v) => line(o, i, &format!("del {}", pick(VARS, *v))),
            Stmt::DelItem(v, k) => {
                let k = k.render(o, d);
                line(o, i, &format!("del {}[{k}]", pick(VARS, *v)));
            }
            Stmt::Assert(x) => {
                let x = x.render(o, d);
                line(o, i, &format!("assert {x}, 'msg'"));
            }
            Stmt::SetAttr(x, a, v) => {
                let x = x.render(o, d);
                let v = v.render(o, d);
                line(o, i, &format!("({x}).{} = {v}", pick(ATTRS, *a)));
            }
            Stmt::SetItem(v, k, x) => {
                let k = k.render(o, d);
                let x = x.render(o, d);
                line(o, i, &format!("{}[{k}] = {x}", pick(VARS, *v)));
            }
            Stmt::Nested(f) => {
                let name = format!("g{}", ctx.depth);
                f.render(o, &name, ctx);
                line(o, i, &format!("{} = {name}", pick(VARS, f.params)));
            }
            Stmt::Global(v) => {
                if ctx.in_func {
                    return false;
                }
                line(o, i, &format!("{} = globals", pick(VARS, *v)));
            }
            Stmt::Import(m) => {
                let m = ["sys", "math", "gc", "nosuchmodule", "time"][*m as usize % 5];
                line(o, i, &format!("import {m}"));
            }
            Stmt::Pass => return false,
        }
        true
    }
}

impl BinOp {
    fn text(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "**",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::And => "&",
            BinOp::Or => "|",
            BinOp::Xor => "^",
        }
    }
}

impl CmpOp {
    fn text(self) -> &'static str {
        match self {
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
            CmpOp::Is => "is",
            CmpOp::IsNot => "is not",
            CmpOp::In => "in",
            CmpOp::NotIn => "not in",
        }
    }
}

fn args(o: &mut Out, xs: &[Expr], d: usize) -> String {
    xs.iter()
        .take(4)
        .map(|x| x.render(o, d))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Expr {
    /// The expression's source (parenthesised where it nests).
    fn render(&self, o: &mut Out, depth: usize) -> String {
        if depth > MAX_DEPTH + 3 {
            return "1".into();
        }
        let d = depth + 1;
        let funcs = o.funcs;
        let fname = |f: u8| {
            if funcs == 0 {
                "print".to_string()
            } else {
                format!("f{}", f as usize % funcs)
            }
        };
        let mut r = |x: &Expr| x.render(o, d);
        match self {
            Expr::SmallInt(i) => format!("({i})"),
            Expr::Int(i) => format!("({i})"),
            Expr::BigInt(u, neg) => format!("({}{u}{})", if *neg { "-" } else { "" }, u),
            Expr::Float(f) => {
                if f.is_finite() {
                    format!("({f:?})")
                } else if f.is_nan() {
                    "float('nan')".into()
                } else {
                    "float('-inf')".into()
                }
            }
            Expr::Str(s) => {
                let mut q = String::from("'");
                for ch in s.chars().take(12) {
                    match ch {
                        '\'' | '\\' => {
                            q.push('\\');
                            q.push(ch);
                        }
                        c if (c as u32) < 0x20 || c == '\u{7f}' => {
                            let _ = write!(q, "\\x{:02x}", c as u32);
                        }
                        c => q.push(c),
                    }
                }
                q.push('\'');
                q
            }
            Expr::Bytes(b) => {
                let mut q = String::from("b'");
                for &x in b.iter().take(8) {
                    let _ = write!(q, "\\x{x:02x}");
                }
                q.push('\'');
                q
            }
            Expr::None => "None".into(),
            Expr::Bool(b) => if *b { "True" } else { "False" }.into(),
            Expr::Var(v) => pick(VARS, *v).into(),
            Expr::Bin(a, op, b) => format!("({} {} {})", r(a), op.text(), r(b)),
            Expr::Neg(a) => format!("(-{})", r(a)),
            Expr::Invert(a) => format!("(~{})", r(a)),
            Expr::Not(a) => format!("(not {})", r(a)),
            Expr::Cmp(a, op, b) => format!("({} {} {})", r(a), op.text(), r(b)),
            Expr::Chain(a, p, b, q, c) => {
                format!("({} {} {} {} {})", r(a), p.text(), r(b), q.text(), r(c))
            }
            Expr::And(a, b) => format!("({} and {})", r(a), r(b)),
            Expr::Or(a, b) => format!("({} or {})", r(a), r(b)),
            Expr::IfExp(a, c, b) => format!("({} if {} else {})", r(a), r(c), r(b)),
            Expr::CallFunc(f, xs) => {
                format!("{}({})", fname(*f), args(o, xs, d))
            }
            Expr::CallKw(f, x, k, y) => {
                let name = fname(*f);
                let kw = pick(&["a", "b", "c", "sep", "key", "z"], *k);
                format!("{name}({}, {kw}={})", r(x), r(y))
            }
            Expr::CallStar(f, x) => {
                format!("{}(*{})", fname(*f), r(x))
            }
            Expr::Builtin(b, xs) => format!("{}({})", pick(BUILTINS, *b), args(o, xs, d)),
            Expr::Method(x, m, xs) => {
                let x = r(x);
                format!("({x}).{}({})", pick(METHODS, *m), args(o, xs, d))
            }
            Expr::New(c, xs) => {
                if o.classes == 0 {
                    format!("E0({})", args(o, xs, d))
                } else {
                    format!("C{}({})", *c as usize % o.classes, args(o, xs, d))
                }
            }
            Expr::Attr(x, a) => format!("({}).{}", r(x), pick(ATTRS, *a)),
            Expr::Index(x, k) => format!("({})[{}]", r(x), r(k)),
            Expr::Slice(x, a, b, c) => {
                let x = r(x);
                let a = a.as_ref().map(|e| e.render(o, d)).unwrap_or_default();
                let b = b.as_ref().map(|e| e.render(o, d)).unwrap_or_default();
                let c = c.as_ref().map(|e| e.render(o, d)).unwrap_or_default();
                format!("({x})[{a}:{b}:{c}]")
            }
            Expr::List(xs) => format!("[{}]", args(o, xs, d)),
            Expr::Tuple(xs) => {
                let a = args(o, xs, d);
                if xs.len() == 1 {
                    format!("({a},)")
                } else {
                    format!("({a})")
                }
            }
            Expr::Dict(kv) => {
                let items: Vec<String> = kv
                    .iter()
                    .take(4)
                    .map(|(k, v)| format!("{}: {}", k.render(o, d), v.render(o, d)))
                    .collect();
                format!("{{{}}}", items.join(", "))
            }
            Expr::Set(xs) => {
                if xs.is_empty() {
                    "set()".into()
                } else {
                    format!("{{{}}}", args(o, xs, d))
                }
            }
            Expr::ListComp(x, v, it, cond) => {
                let (x, it) = (r(x), r(it));
                let c = cond
                    .as_ref()
                    .map(|c| format!(" if {}", c.render(o, d)))
                    .unwrap_or_default();
                format!("[{x} for {} in {it}{c}]", pick(VARS, *v))
            }
            Expr::GenExp(x, v, it) => format!("({} for {} in {})", r(x), pick(VARS, *v), r(it)),
            Expr::DictComp(k, x, v, it) => {
                format!("{{{}: {} for {} in {}}}", r(k), r(x), pick(VARS, *v), r(it))
            }
            Expr::SetComp(x, v, it) => format!("{{{} for {} in {}}}", r(x), pick(VARS, *v), r(it)),
            Expr::Lambda(v, x) => format!("(lambda {}=1: {})", pick(VARS, *v), r(x)),
            Expr::FString(xs, spec) => {
                let spec = pick(
                    &["", "!r", ":>5", ":.3", ":x", ":08.2f", "!s:^7", ":,"],
                    *spec,
                );
                let parts: Vec<String> = xs
                    .iter()
                    .take(3)
                    .map(|x| format!("{{{}{spec}}}", x.render(o, d)))
                    .collect();
                format!("f\"<{}>\"", parts.join("|"))
            }
            Expr::Percent(fmt, x) => {
                let fmt = pick(
                    &["%s", "%r", "%d", "%5.2f", "%x", "%-4s|%s", "%c", "%%"],
                    *fmt,
                );
                format!("('{fmt}' % {})", r(x))
            }
            Expr::Walrus(v, x) => format!("({} := {})", pick(VARS, *v), r(x)),
            Expr::Star(x) => format!("[*{}]", r(x)),
        }
    }
}
