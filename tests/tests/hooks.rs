//! The embedder's hooks as a user installs them: `Input` for `input()`/`sys.stdin`,
//! `Output::write_err` for `sys.stderr`, and `Compiler` for `eval`/`exec`/`compile()` (absent:
//! a RuntimeError naming `Vm::set_compiler`; present but failing: a Python SyntaxError).

use std::mem::MaybeUninit;

use frostbyte::{CompileError, CompileMode, Compiler, Image, Input, Vm};

static HOOKS: &Image = frostbyte::include_python!("../fixtures/hooks/hooks.py");

/// Normal and error output kept apart.
#[derive(Default)]
struct Capture {
    out: String,
    err: String,
}

impl frostbyte::Output for Capture {
    fn write_str(&mut self, s: &str) {
        self.out.push_str(s);
    }
    fn write_err(&mut self, s: &str) {
        self.err.push_str(s);
    }
}

/// Lines served to `input()`.
struct Lines(Vec<&'static str>);

impl Input for Lines {
    fn read_line(&mut self, line: &mut dyn std::fmt::Write) -> bool {
        if self.0.is_empty() {
            return false;
        }
        let l = self.0.remove(0);
        line.write_str(l).is_ok()
    }
}

/// A compiler that rejects everything, as a compiler reports a syntax error.
struct Rejecting {
    calls: Vec<(String, String, CompileMode)>,
}

impl Compiler for Rejecting {
    fn compile<'c>(
        &'c mut self,
        source: &'c str,
        filename: &'c str,
        mode: CompileMode,
    ) -> Result<&'static Image, CompileError<'c>> {
        self.calls.push((source.to_string(), filename.to_string(), mode));
        Err(CompileError { message: "nope", line: 1, column: 3, text: source })
    }
}

fn run(input: Option<&mut dyn Input>, compiler: Option<&mut dyn Compiler>) -> Capture {
    let mut mem = vec![MaybeUninit::<u8>::uninit(); 256 * 1024];
    let mut out = Capture::default();
    {
        let mut vm = Vm::new(&mut mem, &mut out);
        if let Some(i) = input {
            vm.set_input(i);
        }
        if let Some(c) = compiler {
            vm.set_compiler(c);
        }
        vm.add_image(HOOKS).unwrap();
        vm.run_main("hooks").unwrap();
    }
    out
}

#[test]
fn without_hooks_input_is_at_its_end_and_eval_names_the_missing_compiler() {
    let out = run(None, None);
    assert_eq!(
        out.out,
        "> EOFError EOF when reading a line\n[]\n''\n\
         RuntimeError eval() needs a compiler; this build has none (install one with Vm::set_compiler)\n\
         RuntimeError exec() needs a compiler; this build has none (install one with Vm::set_compiler)\n"
    );
    assert_eq!(out.err, "to stderr\nwritten to stderr\n");
}

#[test]
fn input_reads_lines_through_the_hook_and_a_compile_error_is_a_syntax_error() {
    let mut lines = Lines(vec!["first", "second line", "", "for readline"]);
    let mut compiler = Rejecting { calls: Vec::new() };
    let out = run(Some(&mut lines), Some(&mut compiler));
    assert_eq!(
        out.out,
        "> > > > > EOFError EOF when reading a line\n['first', 'second line', '', 'for readline']\n''\n\
         SyntaxError nope <string> 1 3 '1 + 1'\nSyntaxError nope\n"
    );
    assert_eq!(
        compiler.calls,
        vec![
            ("1 + 1".to_string(), "<string>".to_string(), CompileMode::Eval),
            ("x = 1".to_string(), "<string>".to_string(), CompileMode::Exec),
        ]
    );
}
