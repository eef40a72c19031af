//! What a user can leave out of a frozen image (`frostbyte_build::Config::line_tables`,
//! `docstrings`, `asserts`, and the same options of `include_python!`): the same program
//! (`fixtures/options/opts.py`) frozen each way prints what CPython prints with the matching
//! flags, and its traceback degrades from full lines to function lines to none while still
//! naming the file and the function.

use frostbyte::{Image, Vm};
use frostbyte_tests::options::{OPTS_FULL, OPTS_FUNCTIONS, OPTS_NONE, OPTS_NO_ASSERTS, OPTS_STRIPPED};
use frostbyte_tests::Capture;
use std::mem::MaybeUninit;

static MACRO_SMALL: &Image =
    frostbyte::include_python!("../fixtures/options/opts.py", lines = "none", docstrings = false, asserts = false);
static MACRO_FUNCTIONS: &Image = frostbyte::include_python!("../fixtures/options/opts.py", lines = "functions");
static MACRO_DEFAULTS: &Image =
    frostbyte::include_python!("../fixtures/options/opts.py", lines = "full", docstrings = true, asserts = true);

/// Within its budget (`tests/ui/over_budget.rs` is the same file over a budget).
static BUDGETED: &Image = frostbyte::include_python!("../fixtures/options/opts.py", budget = 65536);

/// Run module `opts` of `image`: (its output, the traceback it ends with).
fn run(image: &'static Image) -> (String, String) {
    let mut mem = vec![MaybeUninit::uninit(); 64 * 1024];
    let mut out = Capture::default();
    let mut tb = Capture::default();
    {
        let mut vm = Vm::new(&mut mem, &mut out);
        vm.add_image(image).unwrap();
        let e = vm.run_main("opts").expect_err("opts.py ends with an uncaught ValueError");
        vm.print_exception_to(&e, &mut tb);
    }
    (out.0, tb.0)
}

/// `python3 fixtures/options/opts.py` up to the lines it prints about line numbers.
const KEPT: &str = "Module docstring.\nClass docstring.\nMethod docstring.\nFunction docstring.\nNone\n2 3 1\nAssertionError: asserts run\nTrue\n";
/// `python3 -O fixtures/options/opts.py`, as far.
const NO_ASSERTS: &str = "Module docstring.\nClass docstring.\nMethod docstring.\nFunction docstring.\nNone\n2 3 1\nasserts dropped\nFalse\n";
/// `python3 -OO fixtures/options/opts.py`, as far.
const STRIPPED: &str = "None\nNone\nNone\nNone\nNone\n2 3 1\nasserts dropped\nFalse\n";
/// What the program prints about lines with every line kept (CPython's): `tb_lineno` of its
/// three traceback entries, a new generator's `f_lineno` and its `co_firstlineno`.
const LINES_FULL: &str = "50 40 36\n43 43\n";
/// With each function's first line only: the module's is 1, `outer`'s 39, `fail`'s 34.
const LINES_FUNCTIONS: &str = "1 39 34\n43 43\n";
/// Without line numbers: no line is known (None, as CPython's `f_lineno` of a frame without
/// one); `co_firstlineno` stays an int, 0.
const LINES_NONE: &str = "None None None\nNone 0\n";

fn out(head: &str, lines: &str) -> String {
    format!("{head}{lines}")
}

fn traceback(file: &str, lines: [Option<u32>; 3]) -> String {
    let at = |l: Option<u32>| l.map(|l| format!(", line {l}")).unwrap_or_default();
    format!(
        "Traceback (most recent call last):\n  File \"{file}\"{}, in <module>\n  File \"{file}\"{}, in outer\n  File \"{file}\"{}, in fail\nValueError: boom 1\n",
        at(lines[0]),
        at(lines[1]),
        at(lines[2])
    )
}

const FILE: &str = "fixtures/options/opts.py";
const MACRO_FILE: &str = "../fixtures/options/opts.py";

#[test]
fn full_line_tables_keep_every_line() {
    let kept = out(KEPT, LINES_FULL);
    assert_eq!(run(&OPTS_FULL), (kept.clone(), traceback(FILE, [Some(55), Some(40), Some(36)])));
    assert_eq!(run(MACRO_DEFAULTS), (kept.clone(), traceback(MACRO_FILE, [Some(55), Some(40), Some(36)])));
    assert_eq!(run(BUDGETED), (kept, traceback(MACRO_FILE, [Some(55), Some(40), Some(36)])));
}

#[test]
fn function_line_tables_give_each_function_its_first_line() {
    // The module's first line is 1; `outer` starts on line 39, `fail` on 34.
    let tb = traceback(FILE, [Some(1), Some(39), Some(34)]);
    assert_eq!(run(&OPTS_FUNCTIONS), (out(KEPT, LINES_FUNCTIONS), tb));
    let tb = traceback(MACRO_FILE, [Some(1), Some(39), Some(34)]);
    assert_eq!(run(MACRO_FUNCTIONS), (out(KEPT, LINES_FUNCTIONS), tb));
}

#[test]
fn no_line_tables_still_name_file_and_function() {
    assert_eq!(run(&OPTS_NONE), (out(KEPT, LINES_NONE), traceback(FILE, [None; 3])));
}

#[test]
fn stripped_asserts_and_docstrings_are_cpythons_dash_o_and_dash_oo() {
    let tb = traceback(FILE, [Some(55), Some(40), Some(36)]);
    assert_eq!(run(&OPTS_NO_ASSERTS), (out(NO_ASSERTS, LINES_FULL), tb.clone()));
    assert_eq!(run(&OPTS_STRIPPED), (out(STRIPPED, LINES_FULL), tb));
    assert_eq!(run(MACRO_SMALL), (out(STRIPPED, LINES_NONE), traceback(MACRO_FILE, [None; 3])));
}
