//! The `frostbyte` command line: help and version, usage errors, `sys.argv`, exit statuses,
//! traceback source lines, `size --diff` / `--budget`, shell completions.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const EXE: &str = env!("CARGO_BIN_EXE_frostbyte");

fn frostbyte(args: &[&str]) -> Output {
    Command::new(EXE).args(args).output().expect("frostbyte runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// A fresh directory for one test's program files.
fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("frostbyte_cli_{}_{name}", std::process::id()));
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

fn write(dir: &Path, file: &str, src: &str) -> String {
    let p = dir.join(file);
    std::fs::write(&p, src).expect("write program");
    p.to_string_lossy().into_owned()
}

#[test]
fn help_goes_to_stdout_and_exits_0() {
    for args in [&["--help"][..], &["-h"], &["help"]] {
        let out = frostbyte(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let s = text(&out.stdout);
        assert!(s.contains("Usage: frostbyte <COMMAND>"), "{s}");
        for cmd in ["run", "dis", "freeze", "size", "completions"] {
            assert!(s.lines().any(|l| l.trim_start().starts_with(cmd)), "{cmd} missing from help: {s}");
        }
        assert!(out.stderr.is_empty(), "{}", text(&out.stderr));
    }
}

#[test]
fn version() {
    let out = frostbyte(&["--version"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stdout), format!("frostbyte {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn every_subcommand_has_help() {
    for (cmd, usage) in [
        ("run", "Usage: frostbyte run [OPTIONS] <FILE> [ARGS]..."),
        ("dis", "Usage: frostbyte dis <FILE>"),
        ("freeze", "Usage: frostbyte freeze [OPTIONS] <FILE>"),
        ("size", "Usage: frostbyte size [OPTIONS] [ELF]"),
        ("completions", "Usage: frostbyte completions <SHELL>"),
    ] {
        let out = frostbyte(&[cmd, "--help"]);
        assert_eq!(out.status.code(), Some(0), "{cmd}");
        let s = text(&out.stdout);
        assert!(s.contains(usage), "{cmd}: {s}");
    }
    let s = text(&frostbyte(&["size", "--help"]).stdout);
    assert!(s.contains("--diff <OLD> <NEW>") && s.contains("--budget <BYTES>") && s.contains("--python <DIR>"), "{s}");
}

#[test]
fn usage_errors_are_clap_errors() {
    // An unknown option is reported as such, not taken for a file name.
    let out = frostbyte(&["size", "x", "--bogus"]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("unexpected argument '--bogus' found"), "{err}");
    assert!(!err.contains("No such file"), "{err}");
    let out = frostbyte(&["bogus"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("unrecognized subcommand 'bogus'"));
    let out = frostbyte(&["run"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("<FILE>"));
    // Options of `run` come before the file: the one here is the program's.
    let d = dir("opts");
    let prog = write(&d, "p.py", "print('ran')\n");
    let out = frostbyte(&["run", "--bogus", &prog]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("unexpected argument '--bogus' found"));
    // An unreadable ELF: its name and exit status 2.
    let out = frostbyte(&["size", "/nonexistent/fw.elf"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("/nonexistent/fw.elf"));
}

#[test]
fn run_sets_sys_argv() {
    let d = dir("argv");
    let prog = write(&d, "argv.py", "import sys\nprint(sys.argv)\nprint(type(sys.argv).__name__)\n");
    let out = frostbyte(&["run", &prog]);
    assert_eq!(text(&out.stdout), format!("[{prog:?}]\nlist\n").replace('"', "'"));
    // Everything after the file is the program's, options among them.
    let out = frostbyte(&["run", "--heap", "1M", &prog, "a b", "-v", "--heap", "2", "--", "-"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let want = format!("['{prog}', 'a b', '-v', '--heap', '2', '--', '-']\nlist\n");
    assert_eq!(text(&out.stdout), want);
    // sys.argv is an ordinary list the program may change.
    let prog = write(&d, "argv2.py", "import sys\nsys.argv.append('x')\nprint(len(sys.argv), sys.argv[1:])\n");
    let out = frostbyte(&["run", &prog, "1"]);
    assert_eq!(text(&out.stdout), "3 ['1', 'x']\n");
}

#[test]
fn system_exit_statuses() {
    let d = dir("exit");
    // (program, exit status, stderr): CPython 3.11's handle_system_exit.
    let cases: &[(&str, i32, &str)] = &[
        ("import sys\nsys.exit(3)", 3, ""),
        ("import sys\nsys.exit()", 0, ""),
        ("import sys\nsys.exit(None)", 0, ""),
        ("import sys\nsys.exit(0)", 0, ""),
        ("import sys\nsys.exit('bye now')", 1, "bye now\n"),
        ("raise SystemExit(True)", 1, ""),
        ("raise SystemExit(False)", 0, ""),
        ("import sys\nsys.exit(256 + 7)", 7, ""),
        ("import sys\nsys.exit(-1)", 255, ""),
        ("import sys\nsys.exit(2 ** 80)", 255, ""),
        ("import sys\nsys.exit(2.5)", 1, "2.5\n"),
        ("raise SystemExit(1, 'two')", 1, "(1, 'two')\n"),
        ("e = SystemExit(4)\ne.code = 9\nraise e", 9, ""),
        ("class E(SystemExit): pass\nraise E(6)", 6, ""),
        ("class C:\n    def __str__(self): return 'custom'\nraise SystemExit(C())", 1, "custom\n"),
        ("class C:\n    def __str__(self): raise ValueError\nraise SystemExit(C())", 1, "\n"),
        ("print('out')\nimport sys\nsys.exit(5)", 5, ""),
    ];
    for (i, (src, code, err)) in cases.iter().enumerate() {
        let prog = write(&d, &format!("exit{i}.py"), &format!("{src}\n"));
        let out = frostbyte(&["run", &prog]);
        assert_eq!(out.status.code(), Some(*code), "{src}: {}", text(&out.stderr));
        assert_eq!(text(&out.stderr), *err, "{src}");
    }
    // An uncaught exception: the traceback, then status 1.
    let prog = write(&d, "raise.py", "print('before')\nraise KeyError('k')\n");
    let out = frostbyte(&["run", &prog]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stdout), "before\n");
    assert!(text(&out.stderr).ends_with("KeyError: 'k'\n"), "{}", text(&out.stderr));
}

#[test]
fn tracebacks_show_source_lines() {
    let d = dir("source");
    let m = write(&d, "helper.py", "def divide(x):\n\t  return 1 / x  \n");
    let prog = write(
        &d,
        "main.py",
        "import helper\n\ndef outer():\n    try:\n        helper.divide(0)\n    except ZeroDivisionError as e:\n        \
         raise ValueError('bad') from e\n\nouter()\n",
    );
    let out = frostbyte(&["run", &prog]);
    assert_eq!(out.status.code(), Some(1));
    // CPython's form: the line without its indentation (trailing spaces kept), no carets.
    let want = format!(
        "Traceback (most recent call last):
  File \"{prog}\", line 5, in outer
    helper.divide(0)
  File \"{m}\", line 2, in divide
    return 1 / x  
ZeroDivisionError: division by zero

The above exception was the direct cause of the following exception:

Traceback (most recent call last):
  File \"{prog}\", line 9, in <module>
    outer()
  File \"{prog}\", line 7, in outer
    raise ValueError('bad') from e
ValueError: bad
"
    );
    assert_eq!(text(&out.stderr), want);
    // Code with no source file (exec) prints the File line alone.
    let prog = write(&d, "ex.py", "exec('x = 1\\ny = 1/0', {})\n");
    let out = frostbyte(&["run", &prog]);
    let want = format!(
        "Traceback (most recent call last):
  File \"{prog}\", line 1, in <module>
    exec('x = 1\\ny = 1/0', {{}})
  File \"<string>\", line 2, in <module>
ZeroDivisionError: division by zero
"
    );
    assert_eq!(text(&out.stderr), want);
}

/// `run -O` / `-OO` / `--lines`: what a frozen build with those options prints (CPython's
/// `python3 -O` / `-OO` output; the traceback without line numbers names file and function).
#[test]
fn run_with_build_options() {
    let d = dir("options");
    let prog = write(
        &d,
        "opts.py",
        "\"\"\"Doc.\"\"\"\n\ndef f():\n    \"\"\"F.\"\"\"\n    assert False, 'kept'\n\ntry:\n    f()\nexcept AssertionError as e:\n    \
         print('assert', e)\nprint(__doc__, f.__doc__, __debug__)\nf.x = 1\n\ndef g():\n    raise KeyError(1)\n\ng()\n",
    );
    let run = |args: &[&str]| {
        let mut all = vec!["run"];
        all.extend_from_slice(args);
        all.push(&prog);
        let out = frostbyte(&all);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        (text(&out.stdout), text(&out.stderr))
    };
    let tb = |lines: [&str; 2]| {
        format!(
            "Traceback (most recent call last):\n  File \"{prog}\"{}, in <module>\n{}  File \"{prog}\"{}, in g\n{}KeyError: 1\n",
            lines[0],
            if lines[0].is_empty() { "" } else { "    g()\n" },
            lines[1],
            if lines[1].is_empty() { "" } else { "    raise KeyError(1)\n" },
        )
    };
    // python3 opts.py; python3 -O opts.py; python3 -OO opts.py
    assert_eq!(run(&[]), ("assert kept\nDoc. F. True\n".into(), tb([", line 17", ", line 15"])));
    assert_eq!(run(&["-O"]), ("Doc. F. False\n".into(), tb([", line 17", ", line 15"])));
    assert_eq!(run(&["-OO"]), ("None None False\n".into(), tb([", line 17", ", line 15"])));
    // Each function's first line (the source line shown is that line), or none.
    let first = format!(
        "Traceback (most recent call last):\n  File \"{prog}\", line 1, in <module>\n    \"\"\"Doc.\"\"\"\n  File \"{prog}\", line 14, in g\n    def g():\nKeyError: 1\n"
    );
    assert_eq!(run(&["--lines", "functions"]), ("assert kept\nDoc. F. True\n".into(), first));
    assert_eq!(run(&["-OO", "--lines", "none"]), ("None None False\n".into(), tb(["", ""])));
    let out = frostbyte(&["run", "--lines", "some", &prog]);
    assert_eq!(out.status.code(), Some(2));
}

/// The flash `frostbyte_compiler::footprint` computes from the emitter's output before the
/// build (what the budgets check) is what `frostbyte size` reports for the linked image: the
/// VM's own frozen modules written only in Python (`vm/src/modules/asyncio_image.rs`,
/// `future_image.rs`, emitted by the same emitter), each a standard-module row of this
/// 64-bit binary's report.
#[test]
fn footprint_model_matches_size_of_the_elf() {
    use frostbyte_compiler::footprint::{measure, Layout};
    let out = frostbyte(&["size", EXE]);
    assert_eq!(out.status.code(), Some(0));
    let s = text(&out.stdout);
    let vm = Path::new(env!("CARGO_MANIFEST_DIR")).join("../vm/src/modules");
    for (file, module) in [("asyncio_image.rs", "asyncio"), ("future_image.rs", "__future__")] {
        let image = std::fs::read_to_string(vm.join(file)).expect("generated image");
        let model = measure(&image, &Layout::BITS64).expect("every static measured");
        let elf: u64 = s
            .lines()
            .find_map(|l| l.trim_start().strip_prefix(module).filter(|r| r.starts_with(' ')))
            .and_then(|r| r.split_whitespace().next())
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("no {module} row: {s}"));
        assert_eq!(model.total(), elf, "{file}: {} items", model.items.len());
        assert!(model.items.len() > 10, "{file}");
    }
}

/// The flash figure of a `size` report (`  flash N B (...)`).
fn flash_of(elf: &str) -> i128 {
    let out = frostbyte(&["size", elf]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let s = text(&out.stdout);
    let line = s.lines().find_map(|l| l.trim_start().strip_prefix("flash ")).expect("flash line");
    line.split(' ').next().and_then(|n| n.parse().ok()).expect("flash bytes")
}

#[test]
fn size_diff() {
    // Two host ELFs with symbols: this command and this test.
    let other = std::env::current_exe().expect("test exe").to_string_lossy().into_owned();
    let out = frostbyte(&["size", "--diff", EXE, EXE]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let s = text(&out.stdout);
    assert!(s.contains(": +0 B (+0.00%)") || s.contains(": 0 B (+0.00%)"), "{s}");
    assert!(s.contains("no crate, module or frozen kind changed size"), "{s}");

    let out = frostbyte(&["size", "--diff", EXE, &other]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let s = text(&out.stdout);
    let total = flash_of(&other) - flash_of(EXE);
    let sign = if total > 0 { "+" } else { "" };
    assert!(s.lines().nth(1).is_some_and(|l| l.contains(&format!(": {sign}{total} B ("))), "total {total}: {s}");
    // Rows: change, old, new; largest change first; each change is new - old.
    let rows: Vec<(i128, i128, i128, &str)> = s
        .lines()
        .skip(3)
        .map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            let n = |i: usize| f[i].trim_start_matches('+').parse::<i128>().expect("number");
            (n(0), n(2), n(4), l)
        })
        .collect();
    assert!(rows.len() > 3, "{s}");
    for w in rows.windows(2) {
        assert!(w[0].0.abs() >= w[1].0.abs(), "not sorted: {}\n{}", w[0].3, w[1].3);
    }
    for (d, old, new, l) in &rows {
        assert_eq!(*d, new - old, "{l}");
        assert_ne!(*d, 0, "{l}");
    }
    // The CLI links clap; the test does not.
    assert!(rows.iter().any(|r| r.3.ends_with("crate clap_builder") && r.2 == 0), "{s}");
    let out = frostbyte(&["size", "--diff", EXE]);
    assert_eq!(out.status.code(), Some(2));
    let out = frostbyte(&["size", "--diff", EXE, EXE, "--python", "."]);
    assert_eq!(out.status.code(), Some(2), "--diff with --python");
}

#[test]
fn size_budget() {
    let flash = flash_of(EXE);
    let out = frostbyte(&["size", EXE, "--budget", &flash.to_string()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(out.stderr.is_empty());
    let budget = flash - 100;
    let out = frostbyte(&["size", EXE, "--budget", &budget.to_string()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).contains("frozen image"), "the report is printed as well");
    let err = text(&out.stderr);
    assert!(err.contains(&format!("flash {flash} B exceeds the budget of {budget} B by 100 B")), "{err}");
    // The build's over-budget report format (`footprint::over_budget_report`): 15 rows, then
    // the rest summed.
    assert!(err.contains("\n  largest crates:\n"), "{err}");
    let rows: Vec<&str> = err.lines().skip_while(|l| !l.contains("largest items:")).skip(1).collect();
    assert!(rows.last().is_some_and(|l| l.ends_with(" more)")), "{err}");
    let items: Vec<u64> = rows[..rows.len() - 1]
        .iter()
        .map(|l| l.split_whitespace().next().and_then(|n| n.parse().ok()).expect("size"))
        .collect();
    assert_eq!(items.len(), 15, "{err}");
    assert!(items.windows(2).all(|w| w[0] >= w[1]), "largest first: {err}");
    let out = frostbyte(&["size", EXE, "--budget", "1G"]);
    assert_eq!(out.status.code(), Some(0));
    let out = frostbyte(&["size", EXE, "--budget", "lots"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("bad --budget size 'lots'"));
}

#[test]
fn completions() {
    for (shell, marker) in [
        ("bash", "_frostbyte()"),
        ("zsh", "#compdef frostbyte"),
        ("fish", "complete -c frostbyte"),
        ("elvish", "frostbyte"),
        ("powershell", "frostbyte"),
    ] {
        let out = frostbyte(&["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let s = text(&out.stdout);
        assert!(s.contains(marker), "{shell}: {}", &s[..s.len().min(300)]);
        for word in ["run", "size", "diff", "budget", "recursion-limit"] {
            assert!(s.contains(word), "{shell} completion lacks {word}");
        }
    }
    let out = frostbyte(&["completions", "tcsh"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("invalid value 'tcsh'"));
}

/// `--clock sim`: an hour of sleeps ends at once and the clock reads exactly what was slept
/// (plus the 1 µs each reading advances); the default host clock really waits.
#[test]
fn clocks() {
    let d = dir("clocks");
    let prog = write(
        &d,
        "clock.py",
        "import time, asyncio\n\
         t0 = time.monotonic_ns()\n\
         time.sleep(3000)\n\
         async def main():\n    await asyncio.sleep(600)\n\
         asyncio.run(main())\n\
         dt = time.monotonic_ns() - t0\n\
         print(3600 * 10**9 <= dt < 3600 * 10**9 + 10**6, time.time() > 1.6e9)\n",
    );
    let start = std::time::Instant::now();
    let out = frostbyte(&["run", "--clock", "sim", &prog]);
    assert_eq!(text(&out.stdout), "True True\n", "{}", text(&out.stderr));
    assert!(start.elapsed() < std::time::Duration::from_secs(60));
    let prog = write(
        &d,
        "real.py",
        "import time\nt0 = time.monotonic()\ntime.sleep(0.05)\nprint(time.monotonic() - t0 >= 0.05)\n",
    );
    let out = frostbyte(&["run", &prog]);
    assert_eq!(text(&out.stdout), "True\n", "{}", text(&out.stderr));
    let out = frostbyte(&["run", "--clock", "bogus", &prog]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("invalid value 'bogus'"), "{}", text(&out.stderr));
}
