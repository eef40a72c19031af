//! Scope analysis, constants, assembler (relaxation, line and exception tables) and
//! determinism, checked on the compiled output.

mod common;

use common::{compile, find, instrs, ops};
use frostbyte_compiler::{disassemble, Const, Decorator};
use frostbyte_format::{exctable, linetable, CodeFlags, Op};

#[test]
fn cells_and_free_variables() {
    let m = compile(
        "def outer(a):\n    b = 1\n    c = 2\n    def inner():\n        nonlocal b\n        b += a\n        return b\n    return inner, c\n",
    );
    let outer = find(&m.code, "outer");
    // Params first, then plain locals, then cell-only locals.
    assert_eq!(outer.local_names, ["a", "c", "inner", "b"]);
    assert_eq!((outer.n_locals, outer.n_free), (4, 0));
    let i = instrs(outer);
    assert_eq!((i[0].op, i[0].args[0]), (Op::MakeCell, 0), "parameter cell converted in place");
    assert_eq!((i[1].op, i[1].args[0]), (Op::MakeCell, 3));
    assert!(i.iter().any(|x| x.op == Op::StoreDeref && x.args[0] == 3));
    assert!(i.iter().any(|x| x.op == Op::StoreFast && x.args[0] == 1));
    let mk = i.iter().position(|x| x.op == Op::MakeFunction).unwrap();
    assert_eq!(i[mk].args[0], 4);
    assert_eq!(ops(outer)[mk - 4..mk], [Op::LoadClosure, Op::LoadClosure, Op::BuildTuple, Op::LoadConst]);

    let inner = find(&m.code, "inner");
    // Free variables are the last slots, in closure order.
    assert_eq!(inner.local_names, ["b", "a"]);
    assert_eq!((inner.n_locals, inner.n_free), (2, 2));
    assert_eq!(
        ops(inner),
        [Op::LoadDeref, Op::LoadDeref, Op::BinaryOp, Op::StoreDeref, Op::LoadDeref, Op::ReturnValue]
    );
    // The closure tuple lists outer's slots of b then a.
    let closure: Vec<i64> = i[mk - 4..mk - 2].iter().map(|x| x.args[0]).collect();
    assert_eq!(closure, [3, 0]);
}

#[test]
fn globals_and_class_scopes() {
    let m = compile(
        "x = 1\ndef f():\n    global y\n    y = x\n    class C:\n        x = 2\n        def m(self):\n            return x\n    return C\n",
    );
    let f = find(&m.code, "f");
    let names = |c: &frostbyte_compiler::CodeUnit, op: Op| -> Vec<String> {
        instrs(c).iter().filter(|i| i.op == op).map(|i| m.names[i.args[0] as usize].clone()).collect()
    };
    assert_eq!(names(f, Op::LoadGlobal), ["x"]);
    assert_eq!(names(f, Op::StoreGlobal), ["y"]);
    let class = find(&m.code, "C");
    assert!(CodeFlags(class.flags).contains(CodeFlags::NAMESPACE));
    assert_eq!(names(class, Op::StoreName), ["__module__", "__qualname__", "x", "m"]);
    assert!(class.consts.contains(&Const::Str("f.<locals>.C".into())));
    // The method skips the class scope: `x` is the global.
    assert_eq!(names(find(&m.code, "m"), Op::LoadGlobal), ["x"]);
    assert_eq!(ops(&m.code).last(), Some(&Op::ReturnValue));
}

#[test]
fn class_cell_for_zero_arg_super() {
    let m = compile(
        "def f():\n    v = 1\n    class C(B):\n        def m(self):\n            return super().m(v)\n    return C\n",
    );
    let class = find(&m.code, "C");
    assert_eq!(class.local_names, ["__class__", "v"]);
    assert_eq!(class.n_free, 1);
    let o = ops(class);
    assert_eq!(o[0], Op::MakeCell);
    assert_eq!(o[o.len() - 2..], [Op::LoadClosure, Op::ReturnValue]);
    let meth = find(&m.code, "m");
    assert_eq!(meth.local_names, ["self", "__class__", "v"]);
    assert_eq!(ops(meth)[..4], [Op::LoadGlobal, Op::LoadDeref, Op::LoadFast, Op::Call]);
    // Without super() the class body returns None and has no slots.
    let plain = compile("def g():\n    class D:\n        def m(self):\n            return 1\n");
    let d = find(&plain.code, "D");
    assert_eq!(d.n_locals, 0);
    assert_eq!(ops(d)[ops(d).len() - 2..], [Op::LoadNone, Op::ReturnValue]);
}

#[test]
fn function_signature_fields() {
    let m = compile("def f(a, b=1, /, c=2, *args, d, e=3, **kw):\n    yield a\n");
    let f = find(&m.code, "f");
    assert_eq!((f.n_posargs, f.n_posonly, f.n_kwonly), (3, 2, 2));
    assert_eq!(f.local_names, ["a", "b", "c", "d", "e", "args", "kw"]);
    let flags = CodeFlags(f.flags);
    assert!(flags.contains(CodeFlags::VARARGS.union(CodeFlags::VARKEYWORDS).union(CodeFlags::GENERATOR)));
    let i = instrs(&m.code);
    let mk = i.iter().find(|x| x.op == Op::MakeFunction).unwrap();
    assert_eq!(mk.args[0], 3);
    assert!(m.code.consts.contains(&Const::Tuple(vec![Const::Int(1), Const::Int(2)])));
}

#[test]
fn constants_are_distinct_and_small_ints_inline() {
    let m = compile("a = (1, 1.0, True, 0.0, -0.0, 'x', b'x')\nb = 1073741823, -1073741824\nc = 1073741824\nd = -1073741825\ne = 0x1_0000_0000_0000_0000\nf = -9223372036854775808\n");
    let c = &m.code.consts;
    assert_eq!(
        c[0],
        Const::Tuple(vec![
            Const::Int(1),
            Const::Float(1.0),
            Const::True,
            Const::Float(0.0),
            Const::Float(-0.0),
            Const::Str("x".into()),
            Const::Bytes(b"x".to_vec()),
        ])
    );
    assert!(c.contains(&Const::Int(1 << 30)));
    assert!(c.contains(&Const::Int(-(1 << 30) - 1)));
    assert!(c.contains(&Const::BigInt { negative: false, digits: vec![0, 0, 1] }));
    assert!(c.contains(&Const::Int(i64::MIN)));
    let m2 = compile("x = 1073741823\ny = -1073741824\nz = 1.0\nw = 1.0\n");
    let small: Vec<i64> = instrs(&m2.code).iter().filter(|i| i.op == Op::LoadSmallInt).map(|i| i.args[0]).collect();
    assert_eq!(small, [1073741823, -1073741824]);
    assert_eq!(m2.code.consts, [Const::Float(1.0)], "deduplicated");
}

#[test]
fn far_jumps_are_relaxed() {
    let mut src = String::from("def f(x):\n    while x:\n        if x > 1:\n");
    for i in 0..60 {
        src.push_str(&format!("            x = x - {i}\n"));
    }
    src.push_str("        else:\n            break\n    return x\n");
    let m = compile(&src);
    let f = find(&m.code, "f");
    assert!(f.bytecode.len() > 400);
    let is = instrs(f);
    let jumps: Vec<_> = is.iter().filter(|i| matches!(i.op, Op::Jump | Op::PopJumpIfFalse)).collect();
    assert!(jumps.iter().any(|j| j.args[0] > 127 && j.next - j.offset == 3), "two-byte targets");
    assert!(jumps.iter().any(|j| j.args[0] <= 127 && j.next - j.offset == 2), "short targets stay short");
    // Every target is an instruction (checked by common::check_module); the loop's
    // back-edge goes to the start and the forward branch skips the long body.
    let back = jumps.iter().filter(|j| j.args[0] < j.offset as i64).count();
    assert!(back >= 1);
}

#[test]
fn line_table_lookups() {
    let m = compile("def f(a):\n    b = a\n\n    c = (b +\n         a)\n    return c\n");
    let f = find(&m.code, "f");
    assert_eq!(f.first_line, 1);
    let lines: Vec<(Op, u32)> =
        instrs(f).iter().map(|i| (i.op, linetable::line_for(&f.line_table, f.first_line, i.offset))).collect();
    assert_eq!(
        lines,
        [
            (Op::LoadFast, 2),
            (Op::StoreFast, 2),
            (Op::LoadFast, 4),
            (Op::LoadFast, 5),
            (Op::BinaryOp, 4),
            (Op::StoreFast, 4),
            (Op::LoadFast, 6),
            (Op::ReturnValue, 6),
        ]
    );
    // One entry per line change: 5 changes of two bytes each.
    assert_eq!(f.line_table.len(), 10);
}

#[test]
fn exception_table_depths() {
    let m = compile(
        "def f(xs):\n    for x in xs:\n        try:\n            g(x)\n        except E as e:\n            return e\n",
    );
    let f = find(&m.code, "f");
    let entries: Vec<_> = exctable::entries(&f.exc_table).collect();
    // try body (depth 1: the iterator), handler cleanup (iterator + previous exception).
    assert_eq!(entries[0].depth, 1);
    assert!(entries.iter().any(|e| e.depth == 2));
    let is = instrs(f);
    let call = is.iter().find(|i| i.op == Op::Call).unwrap();
    let e = exctable::find(&f.exc_table, call.offset as u32).unwrap();
    assert_eq!(is.iter().find(|i| i.offset == e.handler as usize).unwrap().op, Op::PushExcInfo);
    // Returning from the handler pops the saved exception, then the iterator.
    let o = ops(f);
    let ret = o.iter().position(|&op| op == Op::ReturnValue).unwrap();
    assert_eq!(
        o[ret - 7..=ret],
        [Op::Swap, Op::PopExcept, Op::LoadNone, Op::StoreFast, Op::DeleteFast, Op::Swap, Op::PopTop, Op::ReturnValue]
    );
}

#[test]
fn compiling_twice_is_deterministic() {
    let src = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/snapshots/closure.py")).unwrap();
    let big = format!("{src}\n{}", "d = {'a': 1, 'b': [x for x in range(3)], 'c': {1, 2}}\n".repeat(20));
    let a = compile(&big);
    let b = compile(&big);
    assert_eq!(a, b);
    assert_eq!(disassemble(&a), disassemble(&b));
}

#[test]
fn chained_comparison_and_short_circuit() {
    let m = compile("r = a < b < c\ns = a and b or c\n");
    let o = ops(&m.code);
    assert_eq!(o.iter().filter(|&&op| op == Op::CompareOp).count(), 2);
    assert_eq!(o.iter().filter(|&&op| op == Op::LoadName).count(), 6, "b evaluated once");
    assert!(o.contains(&Op::JumpIfFalseOrPop) && o.contains(&Op::JumpIfTrueOrPop));
}

#[test]
fn calls_use_the_right_forms() {
    let m = compile("o.m(1, k=2)\nf(1)\nf(*a, 2, **k, z=3)\no.m(*a)\n");
    let o = ops(&m.code);
    assert!(o.contains(&Op::LoadMethod) && o.contains(&Op::CallMethodKw) && o.contains(&Op::Call));
    assert_eq!(o.iter().filter(|&&op| op == Op::CallEx).count(), 2);
    assert!(o.contains(&Op::ListToTuple) && o.contains(&Op::DictMerge));
}

#[test]
fn class_namespaces_frozen_when_static() {
    // Constants, a docstring and plain methods: one ROM namespace, no class body code.
    let m = compile("class P:\n    'doc'\n    n = 1\n    n = (2, 'x')\n    def __eq__(self, o):\n        return 1\n");
    let o = ops(&m.code);
    assert!(o.contains(&Op::BuildRomClass) && !o.contains(&Op::BuildClass));
    let Some(Const::Namespace(entries)) = m.code.consts.iter().find(|k| matches!(k, Const::Namespace(_))) else {
        panic!("class body not frozen");
    };
    let keys: Vec<&str> = entries.iter().map(|e| e.0.as_str()).collect();
    assert_eq!(keys, ["__module__", "__qualname__", "__doc__", "n", "__eq__", "__hash__"]);
    assert!(matches!(&entries[0].1, Const::Str(s) if s == "app"));
    assert!(matches!(&entries[3].1, Const::Tuple(t) if t.len() == 2));
    assert!(matches!(&entries[4].1, Const::Function { .. }));
    assert!(matches!(&entries[5].1, Const::None));
    // Methods using zero-argument super() or __class__ qualify: `__class__` stays their free
    // variable (the VM supplies the class cell).
    let m = compile(
        "class C(B):\n    def f(self):\n        return super().f()\n    def g(self):\n        return __class__\n",
    );
    assert!(ops(&m.code).contains(&Op::BuildRomClass) && !ops(&m.code).contains(&Op::BuildClass));
    for name in ["C.f", "C.g"] {
        let f = find(&m.code, name);
        assert_eq!(f.n_free, 1, "{name}");
        assert_eq!(f.local_names.last().map(String::as_str), Some("__class__"), "{name}");
        assert!(ops(f).contains(&Op::LoadDeref), "{name}");
    }
    // Built-in descriptor decorators freeze as ROM descriptors over ROM functions.
    let m = compile("class C:\n    @property\n    def p(self):\n        return 1\n    @classmethod\n    def c(cls):\n        pass\n    @staticmethod\n    def s():\n        pass\n");
    let Some(Const::Namespace(entries)) = m.code.consts.iter().find(|k| matches!(k, Const::Namespace(_))) else {
        panic!("class body with built-in decorators not frozen");
    };
    let kinds: Vec<Option<Decorator>> = entries[2..]
        .iter()
        .map(|e| match &e.1 {
            Const::Descriptor { kind, func } if matches!(**func, Const::Function { .. }) => Some(*kind),
            _ => None,
        })
        .collect();
    assert_eq!(kinds, [Some(Decorator::Property), Some(Decorator::ClassMethod), Some(Decorator::StaticMethod)]);
    // Anything else keeps the class body: a call, a decorator that is not a builtin (or a
    // builtin's name the module or the class rebinds, or that a star import might), two
    // decorators, a loop, nine entries, a class defined in a function.
    for src in [
        "class C:\n    x = len('a')\n",
        "class C:\n    @deco\n    def f():\n        pass\n",
        "property = 1\nclass C:\n    @property\n    def f(self):\n        pass\n",
        "from m import *\nclass C:\n    @property\n    def f(self):\n        pass\n",
        "class C:\n    @staticmethod\n    def f():\n        pass\ndef g():\n    global staticmethod\n    staticmethod = 1\n",
        "class C:\n    classmethod = 1\n    @classmethod\n    def f(cls):\n        pass\n",
        "class C:\n    @staticmethod\n    @staticmethod\n    def f():\n        pass\n",
        "class C(B):\n    @classmethod\n    def f(cls):\n        return super().f()\n",
        "class C:\n    for i in range(2):\n        pass\n",
        "class C:\n    a = b = 1\n",
        "class C:\n    x: int = 1\n",
        "class C:\n    class D:\n        pass\n",
        "class C:\n    a=1\n    b=1\n    c=1\n    d=1\n    e=1\n    f=1\n    g=1\n",
        "def f():\n    class C:\n        pass\n",
    ] {
        let m = compile(src);
        assert!(find(&m.code, "C").name == "C" || src.starts_with("def"), "{src}");
        let outer = if src.starts_with("def") { find(&m.code, "f") } else { &m.code };
        assert!(ops(outer).contains(&Op::BuildClass), "{src}");
    }
    // Eight entries still qualify.
    let m = compile("class C:\n    a=1\n    b=1\n    c=1\n    d=1\n    e=1\n    f=1\n");
    assert!(ops(&m.code).contains(&Op::BuildRomClass));
}

#[test]
fn private_names_are_mangled_in_classes() {
    let m = compile(
        "class _Acct:\n    __rate = 2\n    def __init__(self, __v):\n        self.__v = __v * _Acct.__rate\n    def __dunder__(self):\n        return self.__v\n__top = 1\n",
    );
    // The body only binds a constant and plain methods: it is frozen as a namespace.
    let Some(Const::Namespace(entries)) = m.code.consts.iter().find(|k| matches!(k, Const::Namespace(_))) else {
        panic!("class body not frozen");
    };
    let stored: Vec<String> = entries.iter().map(|e| e.0.clone()).collect();
    assert_eq!(stored, ["__module__", "__qualname__", "_Acct__rate", "__init__", "__dunder__"]);
    let init = find(&m.code, "__init__");
    assert_eq!(init.local_names, ["self", "_Acct__v"]);
    let attrs: Vec<String> = instrs(init)
        .iter()
        .filter(|i| matches!(i.op, Op::LoadAttr | Op::StoreAttr))
        .map(|i| m.names[i.args[0] as usize].clone())
        .collect();
    assert_eq!(attrs, ["_Acct__rate", "_Acct__v"]);
    assert!(m.names.contains(&"__top".to_string()), "no mangling outside classes");
}
