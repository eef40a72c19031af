//! Syntax errors, unsupported constructs and compile-time scope errors.

mod common;

use common::{compile, errors};

fn positions(d: &[frostbyte_compiler::Diagnostic]) -> Vec<(u32, u32)> {
    d.iter().map(|d| (d.line, d.col)).collect()
}

#[test]
fn all_syntax_errors_are_reported_in_order() {
    let src = "x = 1\ny = = 2\ndef f(a b):\n    pass\nz = 3 +\n";
    let d = errors(src);
    assert_eq!(d.len(), 3, "{d:#?}");
    assert_eq!(positions(&d), vec![(2, 5), (3, 9), (5, 8)]);
    assert_eq!(d[0].message, "Expected an expression");
    assert_eq!(d[0].source_line, "y = = 2");
    assert_eq!(d[0].to_string(), "app.py:2:5: Expected an expression\ny = = 2\n    ^\n");
    assert!(d.iter().all(|d| d.path == "app.py"));
}

#[test]
fn syntax_errors_stop_before_codegen() {
    // The `match` would be "unsupported", but syntax errors come alone.
    let d = errors("match a:\n    case _:\n        pass\nx = 1 +\n");
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].line, 4);
}

#[test]
fn columns_count_characters() {
    let d = errors("s = 'héllo' +\n");
    assert_eq!(positions(&d), vec![(1, 14)]);
    assert!(d[0].to_string().ends_with("\n             ^\n"));
}

/// Syntax newer than 3.11 is an error that names the construct and the version that added it.
#[test]
fn constructs_newer_than_3_11_are_named() {
    let cases = [
        ("type X = int\n", (1, 1), "Cannot use `type` alias statement on Python 3.11"),
        ("def f[T](x): pass\n", (1, 6), "Cannot use type parameter lists on Python 3.11"),
        ("x = t\"hi\"\n", (1, 5), "Cannot use t-strings on Python 3.11"),
    ];
    for (src, at, msg) in cases {
        let d = errors(src);
        assert_eq!(d.len(), 1, "{src}: {d:#?}");
        assert_eq!((d[0].line, d[0].col), at, "{src}");
        assert!(d[0].message.starts_with(msg), "{src}: {}", d[0].message);
    }
}

#[test]
fn all_compile_errors_of_a_file_are_reported() {
    let d = errors("return 1\nx = 1\nwhile x:\n    pass\nbreak\n");
    assert_eq!(positions(&d), vec![(1, 1), (5, 1)]);
}

#[test]
fn leaving_an_except_star_clause_is_an_error() {
    let d = errors("def f():\n    try:\n        pass\n    except* E:\n        return 1\n");
    assert_eq!(positions(&d), vec![(5, 9)]);
    assert_eq!(d[0].message, "'break', 'continue' and 'return' cannot appear in an except* block");
    let d = errors("for i in x:\n    try:\n        pass\n    except* E:\n        for j in y:\n            break\n        continue\n");
    assert_eq!(positions(&d), vec![(7, 9)]);
}

/// `global`/`nonlocal` declaration errors point where CPython 3.11 points: the statement
/// (the first declaration for "nonlocal and global").
#[test]
fn declaration_errors_use_cpython_positions() {
    let cases = [
        ("def f():\n    print(x)\n    global x\n", (3, 5), "name 'x' is used prior to global declaration"),
        ("def f():\n    x = 1\n    global y, x\n", (3, 5), "name 'x' is assigned to before global declaration"),
        (
            "def g():\n    x = 1\n    def f():\n        print(x)\n        nonlocal x\n",
            (5, 9),
            "name 'x' is used prior to nonlocal declaration",
        ),
        ("print(x)\nglobal x\n", (2, 1), "name 'x' is used prior to global declaration"),
        ("def f(a):\n    global a\n", (2, 5), "name 'a' is parameter and global"),
        ("def f():\n    global a\n    nonlocal a\n", (2, 5), "name 'a' is nonlocal and global"),
        ("def f():\n    nonlocal x\n", (2, 5), "no binding for nonlocal 'x' found"),
    ];
    for (src, pos, msg) in cases {
        let d = errors(src);
        assert_eq!(d.len(), 1, "{src}: {d:#?}");
        assert_eq!(((d[0].line, d[0].col), d[0].message.as_str()), (pos, msg), "{src}");
    }
}

/// Star-unpacking target errors point at the whole target, as CPython 3.11.
#[test]
fn starred_target_errors_use_cpython_positions() {
    let cases = [
        ("[*a, *b] = 1\n", (1, 1)),
        ("a, *b, *c = d\n", (1, 1)),
        ("for *a, *b in c: pass\n", (1, 5)),
        ("x = 1\ny, *z, *w = x\n", (2, 1)),
    ];
    for (src, pos) in cases {
        let d = errors(src);
        assert_eq!(d.len(), 1, "{src}: {d:#?}");
        assert_eq!(
            ((d[0].line, d[0].col), d[0].message.as_str()),
            (pos, "multiple starred expressions in assignment"),
            "{src}"
        );
    }
}

/// Assignment expressions in comprehensions: CPython 3.11's errors and positions.
#[test]
fn walrus_errors_use_cpython_wording() {
    let cases = [
        ("[x := 1 for x in y]\n", (1, 2), "assignment expression cannot rebind comprehension iteration variable 'x'"),
        (
            "[[(x := 1) for z in y] for x in w]\n",
            (1, 4),
            "assignment expression cannot rebind comprehension iteration variable 'x'",
        ),
        (
            "class C:\n    [(x := 1) for z in y]\n",
            (2, 7),
            "assignment expression within a comprehension cannot be used in a class body",
        ),
        (
            "[x for x in (y := [1])]\n",
            (1, 14),
            "assignment expression cannot be used in a comprehension iterable expression",
        ),
        (
            "[x for x in range(3) for z in (y := [1])]\n",
            (1, 32),
            "assignment expression cannot be used in a comprehension iterable expression",
        ),
        (
            "[i for i in range(5) if (j := 0) for j in range(5)]\n",
            (1, 38),
            "comprehension inner loop cannot rebind assignment expression target 'j'",
        ),
    ];
    for (src, pos, msg) in cases {
        let d = errors(src);
        assert_eq!(d.len(), 1, "{src}: {d:#?}");
        assert_eq!(((d[0].line, d[0].col), d[0].message.as_str()), (pos, msg), "{src}");
    }
    compile("def f():\n    global g\n    [(g := 1) for z in y]\n");
}

/// The compile-time errors of `match`, with CPython 3.11's wording and positions.
#[test]
fn match_errors_use_cpython_wording() {
    let cases = [
        (
            "match v:\n    case x:\n        pass\n    case 1:\n        pass\n",
            (2, 10),
            "name capture 'x' makes remaining patterns unreachable",
        ),
        (
            "match v:\n    case _:\n        pass\n    case 1:\n        pass\n",
            (2, 10),
            "wildcard makes remaining patterns unreachable",
        ),
        ("match v:\n    case [x, x]:\n        pass\n", (2, 14), "multiple assignments to name 'x' in pattern"),
        ("match v:\n    case [1, x as x]:\n        pass\n", (2, 14), "multiple assignments to name 'x' in pattern"),
        ("match v:\n    case [x] | [y]:\n        pass\n", (2, 17), "alternative patterns bind different names"),
        ("match v:\n    case {'a': 1, 'a': 2}:\n        pass\n", (2, 10), "mapping pattern checks duplicate key ('a')"),
        ("match v:\n    case {1: a, True: b}:\n        pass\n", (2, 10), "mapping pattern checks duplicate key (True)"),
        ("match v:\n    case C(a=1, a=2):\n        pass\n", (2, 19), "attribute name repeated in class pattern: a"),
        ("match v:\n    case [*a, *b]:\n        pass\n", (2, 10), "multiple starred names in sequence pattern"),
        (
            "match v:\n    case 1 | x | 2:\n        pass\n",
            (2, 14),
            "name capture 'x' makes remaining patterns unreachable",
        ),
        (
            "match v:\n    case (x as y) | 3:\n        pass\n",
            (2, 11),
            "name capture 'x' makes remaining patterns unreachable",
        ),
        ("match v:\n    case __debug__:\n        pass\n", (2, 10), "cannot assign to __debug__"),
    ];
    for (src, pos, msg) in cases {
        let d = errors(src);
        assert_eq!(d.len(), 1, "{src}: {d:#?}");
        assert_eq!(((d[0].line, d[0].col), d[0].message.as_str()), (pos, msg), "{src}");
    }
    // Irrefutable patterns are fine last or guarded.
    for ok in [
        "match v:\n    case x if x:\n        pass\n    case y:\n        pass\n",
        "match v:\n    case 1:\n        pass\n    case _:\n        pass\n",
        "match v:\n    case [x] | (x, 1):\n        pass\n",
    ] {
        compile(ok);
    }
}

#[test]
fn scope_errors_use_cpython_wording() {
    let cases = [
        ("def f():\n    nonlocal x\n", "no binding for nonlocal 'x' found"),
        ("nonlocal x\n", "nonlocal declaration not allowed at module level"),
        ("return 1\n", "'return' outside function"),
        ("class C:\n    return 1\n", "'return' outside function"),
        ("break\n", "'break' outside loop"),
        ("while x:\n    def f():\n        continue\n", "'continue' not properly in loop"),
        ("yield 1\n", "'yield' outside function"),
        ("def f(a):\n    global a\n", "name 'a' is parameter and global"),
        ("def f():\n    print(x)\n    global x\n", "name 'x' is used prior to global declaration"),
        ("def f():\n    x = 1\n    global x\n", "name 'x' is assigned to before global declaration"),
        ("def f():\n    from m import *\n", "import * only allowed at module level"),
        ("a, *b, *c = x\n", "multiple starred expressions in assignment"),
        ("*a = x\n", "starred assignment target must be in a list or tuple"),
        ("print(*a if b else c)\nx = *a\n", "can't use starred expression here"),
        ("await x\n", "'await' outside function"),
        ("def f():\n    await x\n", "'await' outside async function"),
        ("lambda: await x\n", "'await' outside async function"),
        ("async def f():\n    yield from x\n", "'yield from' inside async function"),
        ("def f():\n    async with x:\n        pass\n", "'async with' outside async function"),
        ("async for a in b:\n    pass\n", "'async for' outside async function"),
        (
            "def f():\n    return [x async for x in y]\n",
            "asynchronous comprehension outside of an asynchronous function",
        ),
        (
            "def f():\n    return [await x for x in y]\n",
            "asynchronous comprehension outside of an asynchronous function",
        ),
        ("async def f():\n    yield 1\n    return 2\n", "'return' with value in async generator"),
    ];
    for (src, msg) in cases {
        let d = errors(src);
        assert!(d.iter().any(|d| d.message == msg), "{src}: expected {msg:?}, got {d:#?}");
    }
}

#[test]
fn nonlocal_binding_found_through_class_is_not_enough() {
    // Class scopes do not provide bindings to nested functions.
    let d = errors("def f():\n    class C:\n        x = 1\n        def g():\n            nonlocal x\n");
    assert_eq!(d[0].message, "no binding for nonlocal 'x' found");
    assert_eq!((d[0].line, d[0].col), (5, 13));
}

/// Load `bytes` as the file `app.py` through the module loader (which decodes sources as
/// PEP 263 says, for the build helper, the macro and the CLI alike).
fn load_bytes(tag: &str, bytes: &[u8]) -> Result<Vec<frostbyte_compiler::CompiledModule>, String> {
    let dir = std::env::temp_dir().join(format!("frostbyte-coding-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("app.py");
    std::fs::write(&path, bytes).unwrap();
    let mut loader = frostbyte_compiler::tree::Loader::new();
    loader.add_module(&path, "app.py", None);
    let (loaded, errs) = loader.finish();
    std::fs::remove_dir_all(&dir).ok();
    if errs.is_empty() {
        Ok(loaded.modules)
    } else {
        Err(frostbyte_compiler::tree::render_errors(&errs))
    }
}

#[test]
fn coding_declarations_decode_the_source() {
    let m = load_bytes("latin1", b"# -*- coding: latin-1 -*-\ns = '\xe9\xff'\n").expect("latin-1 source compiles");
    assert_eq!(m.len(), 1);
    load_bytes("line2", b"#!/usr/bin/env python\n# vim: fileencoding=cp1252\ns = '\x80'\n").expect("cp1252 on line 2");
    load_bytes("bom", b"\xef\xbb\xbf# coding: utf-8\ns = '\xc3\xa9'\n").expect("BOM with utf-8");
}

#[test]
fn coding_problems_are_positioned_errors() {
    let cases: [(&[u8], &str); 5] = [
        (
            b"# -*- coding: xyz -*-\nx = 1\n",
            "app.py:1:15: unknown encoding: xyz\n# -*- coding: xyz -*-\n              ^\n",
        ),
        (
            b"\xef\xbb\xbf# coding: latin-1\n",
            "app.py:1:11: encoding problem: iso-8859-1 with BOM\n# coding: latin-1\n          ^\n",
        ),
        (
            b"# coding: ascii\nx = 1\ns = '\xe9'\n",
            "app.py:3:6: 'ascii' codec can't decode byte 0xe9: ordinal not in range(128)\n",
        ),
        (b"x = 1\n# coding: latin-1\ns = '\xe9'\n", "app.py:3:6: source is not valid UTF-8 (byte 0xe9)\n"),
        (
            b"# coding: utf-8\ns = '\xe9'\n",
            "app.py:2:6: 'utf-8' codec can't decode byte 0xe9: invalid continuation byte\n",
        ),
    ];
    for (i, (src, want)) in cases.iter().enumerate() {
        let got = load_bytes(&format!("err{i}"), src).expect_err("must fail");
        assert!(got.starts_with(want), "case {i}: {got:?}");
    }
}

#[test]
fn huge_decimal_int_literals_are_refused_like_cpython() {
    let nines = "9".repeat(4301);
    let d = errors(&format!("x = 1\ny = -{nines}\n"));
    assert_eq!(positions(&d), vec![(2, 6)]);
    assert_eq!(
        d[0].message,
        "Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; use \
         sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer \
         literals to avoid decimal conversion limits."
    );
    // Underscores do not count; 4300 digits, hexadecimal and binary are fine.
    let ok = format!(
        "a = {}\nb = 0x{}\nc = 0b{}\nd = {}_1\n",
        "9".repeat(4300),
        "f".repeat(5000),
        "1".repeat(20000),
        "1".repeat(4299)
    );
    common::compile(&ok);
    let d = errors(&format!("t = (1, {}_{})\n", "1".repeat(4300), "2".repeat(3)));
    assert!(d[0].message.contains("value has 4303 digits"), "{:?}", d[0].message);
}

/// The one diagnostic of `src`, as (line, col, message).
fn only_error(src: &str) -> (u32, u32, String) {
    let d = errors(src);
    assert_eq!(d.len(), 1, "{d:#?}");
    (d[0].line, d[0].col, d[0].message.clone())
}

const TOO_DEEP: &str = "too many nested expressions and blocks (more than 3000 levels)";

#[test]
fn brackets_nested_past_200_are_cpythons_syntax_error() {
    // CPython's tokenizer limit and message, at the 201st opening bracket.
    compile(&format!("x = {}1{}\n", "(".repeat(200), ")".repeat(200)));
    for (open, close) in [("(", ")"), ("[", "]"), ("{", "}")] {
        let src = format!("a = 1\nx = {}{}\n", open.repeat(14_000), close.repeat(14_000));
        assert_eq!(only_error(&src), (2, 205, "too many nested parentheses".into()));
    }
    // Comprehensions nest through their brackets.
    let comp = format!("x = {}[1]{}\n", "[y for y in ".repeat(8_200), "]".repeat(8_200));
    assert_eq!(only_error(&comp).2, "too many nested parentheses");
    // Brackets inside strings and comments are not counted.
    compile(&format!("s = '{0}'  # {0}\nt = \"\"\"{0}\n{0}\"\"\"\n", "(".repeat(500)));
}

#[test]
fn indentation_past_100_levels_is_cpythons_error() {
    let block = |n: usize| {
        let mut s = String::new();
        for i in 0..n {
            s += &format!("{}if x:\n", " ".repeat(i));
        }
        s + &format!("{}pass\n", " ".repeat(n))
    };
    compile(&format!("x = 1\n{}", block(99)));
    let (line, _, msg) = only_error(&format!("x = 1\n{}", block(5_000)));
    assert_eq!((line, msg.as_str()), (102, "too many levels of indentation"));
}

#[test]
fn deep_nesting_without_brackets_is_an_error_not_a_stack_overflow() {
    let n = 20_000;
    let cases = [
        format!("x = {}1\n", "- ".repeat(n)),
        format!("x = {}1\n", "-".repeat(n)),
        format!("x = {}1\n", "not ".repeat(n)),
        format!("x = {}2\n", "1 if 0 else ".repeat(n)),
        format!("x = {}\n", vec!["1"; n].join("**")),
        format!("x = {}\n", vec!["a"; 100_000].join("+")),
        format!("x = a{}\n", ".y".repeat(n)),
        format!("x = f{}\n", "()".repeat(n)),
        format!("x = a{}\n", "[0]".repeat(n)),
    ];
    for src in &cases {
        let (line, _, msg) = only_error(src);
        assert_eq!((line, msg.as_str()), (1, TOO_DEEP), "{}", &src[..40]);
    }
    // What CPython compiles still compiles: 2,000-term chains, 1,000 unary operators or
    // conditional expressions.
    compile(&format!("a = 1\nx = {}\n", vec!["a"; 2_000].join("+")));
    compile(&format!("x = {}1\n", "-".repeat(1_000)));
    compile(&format!("x = {}2\n", "1 if 0 else ".repeat(1_000)));
}

#[test]
fn nested_functions_past_200_are_an_error_and_200_freeze_on_a_small_stack() {
    let lambdas = |n: usize| format!("f = {}1\n", "lambda: ".repeat(n));
    let msg = "too many nested functions, lambdas, classes and comprehensions (more than 200)";
    assert_eq!(only_error(&lambdas(201)), (1, 1605, msg.into()));
    assert_eq!(only_error(&lambdas(2_000)).2, msg);
    assert_eq!(only_error(&lambdas(12_700)).2, TOO_DEEP);
    let mut defs = String::new();
    for i in 0..99 {
        defs += &format!("{}def f{i}():\n", " ".repeat(i));
    }
    compile(&format!("{defs}{}pass\n", " ".repeat(99)));
    // 200 nested code objects, emitted and disassembled by recursive code on the test's own
    // 2 MiB thread (1,000 fit; the limit leaves room for larger frames in other builds).
    let m = compile(&lambdas(200));
    let src = frostbyte_compiler::freeze::emit_image_body(std::slice::from_ref(&m), &Default::default());
    assert!(src.matches("<lambda>").count() >= 200);
    assert!(frostbyte_compiler::disassemble(&m).matches("<lambda>").count() >= 200);
}

/// An f-string of more pieces than the stack can hold is joined in chunks: a module too big
/// for one code object is the ordinary size diagnostic, not an internal "stack too deep".
#[test]
fn huge_fstring_is_a_size_error_not_an_internal_error() {
    let src = format!("x = 1\ns = f\"{}\"\n", "{x}ab".repeat(40_000));
    let d = errors(&src);
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(d[0].message, "function too large (over 64 KiB of bytecode)");
}
