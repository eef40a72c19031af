//! What a user can leave out of a frozen image (`frostbyte_build::Config::line_tables`,
//! `docstrings`, `asserts`, and the same options of `include_python!`): the same program
//! (`fixtures/options/opts.py`) frozen each way prints what CPython prints with the matching
//! flags, and its traceback degrades from full lines to function lines to none while still
//! naming the file and the function.

use frostbyte::{Image, Vm};
use frostbyte_tests::options::{OPTS_FULL, OPTS_FUNCTIONS, OPTS_NONE, OPTS_STRIPPED};
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

/// `python3 fixtures/options/opts.py` (the traceback without CPython's source lines).
const KEPT: &str = "Module docstring.\nClass docstring.\nMethod docstring.\nFunction docstring.\nNone\n2 3 1\nAssertionError: asserts run\n";
/// `python3 -OO fixtures/options/opts.py`.
const STRIPPED: &str = "None\nNone\nNone\nNone\nNone\n2 3 1\nasserts dropped\n";

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
    assert_eq!(run(&OPTS_FULL), (KEPT.to_string(), traceback(FILE, [Some(43), Some(40), Some(36)])));
    assert_eq!(run(MACRO_DEFAULTS), (KEPT.to_string(), traceback(MACRO_FILE, [Some(43), Some(40), Some(36)])));
    assert_eq!(run(BUDGETED), (KEPT.to_string(), traceback(MACRO_FILE, [Some(43), Some(40), Some(36)])));
}

#[test]
fn function_line_tables_give_each_function_its_first_line() {
    // The module's first line is 1; `outer` starts on line 39, `fail` on 34.
    let tb = traceback(FILE, [Some(1), Some(39), Some(34)]);
    assert_eq!(run(&OPTS_FUNCTIONS), (KEPT.to_string(), tb));
    let tb = traceback(MACRO_FILE, [Some(1), Some(39), Some(34)]);
    assert_eq!(run(MACRO_FUNCTIONS), (KEPT.to_string(), tb));
}

#[test]
fn no_line_tables_still_name_file_and_function() {
    assert_eq!(run(&OPTS_NONE), (KEPT.to_string(), traceback(FILE, [None; 3])));
}

#[test]
fn stripped_docstrings_and_asserts_are_cpythons_dash_oo() {
    assert_eq!(run(&OPTS_STRIPPED), (STRIPPED.to_string(), traceback(FILE, [Some(43), Some(40), Some(36)])));
    assert_eq!(run(MACRO_SMALL), (STRIPPED.to_string(), traceback(MACRO_FILE, [None; 3])));
}
