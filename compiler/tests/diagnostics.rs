//! Syntax errors, unsupported constructs and compile-time scope errors.

mod common;

use common::errors;

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

/// An f-string of more pieces than the stack can hold is joined in chunks: a module too big
/// for one code object is the ordinary size diagnostic, not an internal "stack too deep".
#[test]
fn huge_fstring_is_a_size_error_not_an_internal_error() {
    let src = format!("x = 1\ns = f\"{}\"\n", "{x}ab".repeat(40_000));
    let d = errors(&src);
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(d[0].message, "function too large (over 64 KiB of bytecode)");
}
