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
    assert_eq!(
        d[0].to_string(),
        "app.py:2:5: Expected an expression\ny = = 2\n    ^\n"
    );
    assert!(d.iter().all(|d| d.path == "app.py"));
}

#[test]
fn syntax_errors_stop_before_codegen() {
    // The `with` would be "unsupported", but syntax errors come alone.
    let d = errors("with a:\n    pass\nx = 1 +\n");
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].line, 3);
}

#[test]
fn columns_count_characters() {
    let d = errors("s = 'héllo' +\n");
    assert_eq!(positions(&d), vec![(1, 14)]);
    assert!(d[0].to_string().ends_with("\n             ^\n"));
}

#[test]
fn unsupported_constructs_are_named() {
    let cases = [
        (
            "with open('f') as fh:\n    pass\n",
            1,
            1,
            "unsupported: 'with' statement",
        ),
        (
            "async def f():\n    pass\n",
            1,
            1,
            "unsupported: 'async def' function",
        ),
        (
            "match x:\n    case 1:\n        pass\n",
            1,
            1,
            "unsupported: 'match' statement",
        ),
        (
            "def g():\n    yield from range(3)\n",
            2,
            5,
            "unsupported: 'yield from' expression",
        ),
        (
            "y = [(z := 1) for _ in x]\n",
            1,
            7,
            "unsupported: assignment expression inside a comprehension",
        ),
        (
            "class C(metaclass=M):\n    pass\n",
            1,
            9,
            "unsupported: class keyword arguments (e.g. metaclass=)",
        ),
        ("x = 1j\n", 1, 5, "unsupported: complex number literal"),
        (
            "try:\n    pass\nexcept* E:\n    pass\n",
            1,
            1,
            "unsupported: 'except*' clause",
        ),
        ("def f[T](x): pass\n", 1, 1, "unsupported: type parameters"),
    ];
    for (src, line, col, msg) in cases {
        let d = errors(src);
        // Some constructs are also version errors for 3.11 (reported by the parser).
        if d[0].message.starts_with("Cannot use") {
            continue;
        }
        assert_eq!(d.len(), 1, "{src}: {d:#?}");
        assert_eq!(
            (d[0].line, d[0].col, d[0].message.as_str()),
            (line, col, msg),
            "{src}"
        );
    }
}

#[test]
fn all_unsupported_constructs_of_a_file_are_reported() {
    let d = errors(
        "with a:\n    pass\nx = 1\nmatch x:\n    case _:\n        pass\nasync def f():\n    pass\n",
    );
    assert_eq!(positions(&d), vec![(1, 1), (4, 1), (7, 1)]);
}

#[test]
fn scope_errors_use_cpython_wording() {
    let cases = [
        (
            "def f():\n    nonlocal x\n",
            "no binding for nonlocal 'x' found",
        ),
        (
            "nonlocal x\n",
            "nonlocal declaration not allowed at module level",
        ),
        ("return 1\n", "'return' outside function"),
        ("class C:\n    return 1\n", "'return' outside function"),
        ("break\n", "'break' outside loop"),
        (
            "while x:\n    def f():\n        continue\n",
            "'continue' not properly in loop",
        ),
        ("yield 1\n", "'yield' outside function"),
        (
            "def f(a):\n    global a\n",
            "name 'a' is parameter and global",
        ),
        (
            "def f():\n    print(x)\n    global x\n",
            "name 'x' is used prior to global declaration",
        ),
        (
            "def f():\n    x = 1\n    global x\n",
            "name 'x' is assigned to before global declaration",
        ),
        (
            "def f():\n    from m import *\n",
            "import * only allowed at module level",
        ),
        (
            "a, *b, *c = x\n",
            "multiple starred expressions in assignment",
        ),
        (
            "*a = x\n",
            "starred assignment target must be in a list or tuple",
        ),
        (
            "print(*a if b else c)\nx = *a\n",
            "can't use starred expression here",
        ),
    ];
    for (src, msg) in cases {
        let d = errors(src);
        assert!(
            d.iter().any(|d| d.message == msg),
            "{src}: expected {msg:?}, got {d:#?}"
        );
    }
}

#[test]
fn nonlocal_binding_found_through_class_is_not_enough() {
    // Class scopes do not provide bindings to nested functions.
    let d =
        errors("def f():\n    class C:\n        x = 1\n        def g():\n            nonlocal x\n");
    assert_eq!(d[0].message, "no binding for nonlocal 'x' found");
    assert_eq!((d[0].line, d[0].col), (5, 22));
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
