//! `Vm::set_argv` (`sys.argv`, `[]` without it) and `Vm::set_source` (traceback source lines,
//! none without it) as an embedder installs them.

use std::cell::RefCell;
use std::mem::MaybeUninit;

use frostbyte::{Image, SourceLines, Vm};
use frostbyte_tests::Capture;

static PROG: &Image = frostbyte::include_python!("../fixtures/argv_source/prog.py", module = "prog");
const TEXT: &str = include_str!("../fixtures/argv_source/prog.py");

/// Serves the fixture's lines for the file its code objects name, and records each request.
struct Source {
    asked: RefCell<Vec<(String, usize)>>,
}

impl SourceLines for Source {
    fn source_line(&self, file: &str, line: usize) -> Option<&str> {
        self.asked.borrow_mut().push((file.to_string(), line));
        if !file.ends_with("prog.py") {
            return None;
        }
        TEXT.lines().nth(line.checked_sub(1)?)
    }
}

/// (program output, traceback) of one run.
fn run(argv: Option<&[&str]>, source: Option<&Source>) -> (String, String) {
    let mut mem = vec![MaybeUninit::<u8>::uninit(); 256 * 1024];
    let mut out = Capture::default();
    let mut tb = Capture::default();
    {
        let mut vm = Vm::new(&mut mem, &mut out);
        if let Some(a) = argv {
            vm.set_argv(a);
        }
        if let Some(s) = source {
            vm.set_source(s);
        }
        vm.add_image(PROG).unwrap();
        let e = vm.run_main("prog").unwrap_err();
        assert_eq!(vm.system_exit_code(&e), None);
        vm.print_exception_to(&e, &mut tb);
    }
    (out.0, tb.0)
}

/// The `File` lines of a traceback, with the file name each names.
fn file_lines(tb: &str) -> Vec<&str> {
    tb.lines().filter(|l| l.starts_with("  File ")).collect()
}

#[test]
fn without_hooks_argv_is_empty_and_tracebacks_have_no_source() {
    let (out, tb) = run(None, None);
    assert_eq!(out, "[] list\n");
    assert!(tb.starts_with("Traceback (most recent call last):\n"), "{tb}");
    assert!(tb.ends_with("ValueError: boom\n"), "{tb}");
    assert_eq!(file_lines(&tb).len(), 3, "{tb}");
    assert!(!tb.lines().any(|l| l.starts_with("    ")), "no source lines: {tb}");
}

#[test]
fn set_argv_and_set_source() {
    let source = Source { asked: RefCell::new(Vec::new()) };
    let (out, tb) = run(Some(&["prog.py", "-v", "a b"]), Some(&source));
    assert_eq!(out, "['prog.py', '-v', 'a b'] list\n");
    let lines: Vec<&str> = tb.lines().collect();
    // Each File line is followed by its source line, indentation removed.
    let files = file_lines(&tb);
    assert_eq!(files.len(), 3, "{tb}");
    for (i, l) in lines.iter().enumerate().filter(|(_, l)| l.starts_with("  File ")) {
        let n: usize = l.split(", line ").nth(1).and_then(|r| r.split(',').next()).unwrap().parse().unwrap();
        let want = TEXT.lines().nth(n - 1).unwrap().trim_start();
        assert_eq!(lines[i + 1], format!("    {want}"), "{tb}");
    }
    assert!(tb.contains("\n    fail(1)\n") && tb.contains("\n    raise ValueError(\"boom\")\n"), "{tb}");
    // The provider was asked once per entry, with the file the File line names.
    let asked = source.asked.borrow();
    assert_eq!(asked.len(), 3);
    for ((file, line), l) in asked.iter().zip(&files) {
        assert_eq!(*l, &format!("  File \"{file}\", line {line}, in {}", l.rsplit(' ').next().unwrap()));
    }
}
