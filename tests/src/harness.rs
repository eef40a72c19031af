//! Runs corpus cases in child processes (so a crash or a hang fails one case, not the run)
//! and compares their output with CPython's expected output, byte for byte.
//!
//! Output of a run = stdout, then stderr, then `[exit N]` if the status is not 0, normalised
//! as `tests/regen.py` normalises CPython's output (file paths in `File "..."` traceback lines
//! reduced to their base name, source and caret lines under them dropped). In the CLI mode
//! the source lines are checked against the files first ([`check_source_lines`]). Since an uncaught exception ends the program,
//! its traceback is always last, so concatenating the two streams keeps CPython's order.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Root of the tests crate.
pub fn crate_dir() -> PathBuf {
    // Works from both the tests crate and the cli crate (which includes this file by path).
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..").join("tests")
}

/// All corpus entries: `(name, program path, expected-output path)`, sorted.
pub fn corpus_entries() -> Vec<(String, PathBuf, PathBuf)> {
    let dir = crate_dir().join("corpus");
    let mut out = Vec::new();
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/corpus exists")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .collect();
    names.sort();
    for n in names {
        let p = dir.join(&n);
        if p.is_dir() {
            out.push((n.clone(), p.join("main.py"), p.join("main.py.exp")));
        } else if let Some(stem) = n.strip_suffix(".py") {
            out.push((stem.to_string(), p.clone(), dir.join(format!("{n}.exp"))));
        }
    }
    out
}

/// Length of the exception-group margin at the start of `line` (pairs of spaces, then
/// `| ` or `+ `), 0 if none.
fn group_margin_len(line: &str) -> usize {
    let b = line.as_bytes();
    let mut i = 0;
    while b.get(i) == Some(&b' ') && b.get(i + 1) == Some(&b' ') {
        i += 2;
    }
    if i > 0 && matches!(b.get(i), Some(b'|' | b'+')) && b.get(i + 1) == Some(&b' ') {
        i + 2
    } else {
        0
    }
}

/// `tests/regen.py`'s normalisation: inside a traceback block (from a `Traceback (most
/// recent call last):` line to the `Type: message` line) the source lines and caret lines
/// under each `File` line (indented by four spaces) are dropped; in `File "a/b/c.py"` lines
/// the path is reduced to `c.py`. Inside a printed exception group the rules apply after the
/// margin (`  | `).
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_tb = false;
    for line in text.split_inclusive('\n') {
        let margin_len = group_margin_len(line);
        let (margin, body) = line.split_at(margin_len);
        let bare = body.trim_end_matches(['\n', '\r']);
        if is_tb_header(bare) {
            in_tb = true;
            out.push_str(line);
            continue;
        }
        if in_tb {
            if let Some((path, rest)) = file_line(body) {
                let base = path.rsplit(['/', '\\']).next().unwrap_or(path);
                out.push_str(margin);
                out.push_str("  File \"");
                out.push_str(base);
                out.push_str(rest);
                continue;
            }
            if body.starts_with("    ") {
                continue; // a source line or a caret line
            }
            if body.starts_with("  ") && !bare.trim().is_empty() {
                out.push_str(line); // "  [Previous line repeated 5 more times]"
                continue;
            }
            in_tb = false;
        }
        out.push_str(line);
    }
    out
}

fn is_tb_header(line: &str) -> bool {
    line == "Traceback (most recent call last):" || line == "Exception Group Traceback (most recent call last):"
}

/// `  File "<path>"<rest>` -> (path, rest).
fn file_line(body: &str) -> Option<(&str, &str)> {
    let rest = body.strip_prefix("  File \"")?;
    let end = rest.find('"')?;
    Some((&rest[..end], &rest[end..]))
}

/// Checks the source lines of the tracebacks in `text` (before [`normalize`]) against the
/// files they name, as CPython prints them: under each `File "f", line N` line whose file
/// exists, line N of it without its indentation, four spaces in (nothing for a blank line);
/// under a `File` line of a file that does not exist (`<string>`, the VM's own frozen
/// modules), nothing. Returns one message per difference (caret lines are not printed by
/// Frostbyte, so none may appear).
pub fn check_source_lines(text: &str) -> Vec<String> {
    let lines: Vec<&str> = text.lines().collect();
    let mut problems = Vec::new();
    let mut in_tb = false;
    for (i, line) in lines.iter().enumerate() {
        let margin_len = group_margin_len(line);
        let (margin, body) = line.split_at(margin_len);
        if is_tb_header(body) {
            in_tb = true;
            continue;
        }
        if !in_tb {
            continue;
        }
        if !body.starts_with("  ") || body.trim().is_empty() {
            in_tb = false;
            continue;
        }
        let Some((path, rest)) = file_line(body) else { continue };
        let number = rest.split_once(", line ").and_then(|(_, r)| r.split(',').next()?.parse::<usize>().ok());
        let want = match (number, std::fs::read_to_string(path)) {
            (Some(n), Ok(src)) => src
                .lines()
                .nth(n.wrapping_sub(1))
                .map(|l| l.trim_start_matches([' ', '\t', '\x0c']).to_string())
                .filter(|l| !l.is_empty()),
            _ => None,
        };
        let next = lines.get(i + 1).and_then(|l| l.strip_prefix(margin)).and_then(|l| l.strip_prefix("    "));
        if next.map(str::to_string) != want {
            problems.push(format!("{line}: source line {next:?}, expected {want:?}"));
        }
    }
    problems
}

/// Result of running one program.
pub struct Outcome {
    /// Normalised combined output, with the `[exit N]` line.
    pub output: String,
}

/// Run `cmd` with a time limit and collect its normalised output. With `source_lines`, the
/// tracebacks must show source lines (see [`check_source_lines`]); each difference is
/// reported on a `[source line ...]` line after the output, so the case fails.
pub fn run(mut cmd: Command, limit: Duration, source_lines: bool) -> Outcome {
    cmd.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => return Outcome { output: format!("cannot start {cmd:?}: {e}") },
    };
    let mut so = child.stdout.take().expect("piped");
    let mut se = child.stderr.take().expect("piped");
    let t_out = std::thread::spawn(move || {
        let mut b = Vec::new();
        let _ = so.read_to_end(&mut b);
        b
    });
    let t_err = std::thread::spawn(move || {
        let mut b = Vec::new();
        let _ = se.read_to_end(&mut b);
        b
    });
    let start = Instant::now();
    let mut timed_out = false;
    let status = loop {
        match child.try_wait() {
            Ok(Some(s)) => break Some(s),
            Ok(None) if start.elapsed() > limit => {
                let _ = child.kill();
                timed_out = true;
                break child.wait().ok();
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(2)),
            Err(_) => break None,
        }
    };
    let mut text = String::from_utf8_lossy(&t_out.join().unwrap_or_default()).into_owned();
    text.push_str(&String::from_utf8_lossy(&t_err.join().unwrap_or_default()));
    let mut output = normalize(&text);
    if source_lines {
        for p in check_source_lines(&text) {
            output.push_str(&format!("[source line check] {p}\n"));
        }
    }
    match status.and_then(|s| s.code()) {
        Some(0) => {}
        Some(c) => output.push_str(&format!("[exit {c}]\n")),
        None => output.push_str("[killed by a signal]\n"),
    }
    if timed_out {
        output.push_str("[timed out]\n");
    }
    Outcome { output }
}

/// Cases listed in `tests/known_failures.txt` (`name  # reason`), for the given mode
/// (`cli`, `frozen`; a line without a `mode:` prefix applies to both).
pub fn known_failures(mode: &str) -> Vec<String> {
    let text = std::fs::read_to_string(crate_dir().join("known_failures.txt")).unwrap_or_default();
    text.lines()
        .filter_map(|l| {
            let l = l.split('#').next()?.trim();
            if l.is_empty() {
                return None;
            }
            match l.split_once(':') {
                Some((m, n)) if m.trim() == mode => Some(n.trim().to_string()),
                Some(_) => None,
                None => Some(l.to_string()),
            }
        })
        .collect()
}

/// Cases listed in `tests/gc_stress_skip.txt` (`name  # reason`): programs that build
/// structures thousands of levels deep to reach the native recursion guard, which collecting
/// before every allocation makes quadratic (minutes each in a debug build). They run in the
/// normal modes; the GC-stress runs leave them out.
pub fn gc_stress_skips() -> Vec<String> {
    let text = std::fs::read_to_string(crate_dir().join("gc_stress_skip.txt")).unwrap_or_default();
    text.lines().filter_map(|l| Some(l.split('#').next()?.trim().to_string()).filter(|n| !n.is_empty())).collect()
}

/// Run every case through `make_cmd`, compare, and panic with a report on any unexpected
/// result. A case listed as a known failure must still fail (so the list cannot go stale).
/// Under the `gc-stress` feature the cases of [`gc_stress_skips`] are left out.
pub fn check_corpus(mode: &str, limit: Duration, make_cmd: impl Fn(&str, &Path) -> Command + Sync) {
    let mut entries = corpus_entries();
    if cfg!(feature = "gc-stress") {
        let skips = gc_stress_skips();
        for k in &skips {
            assert!(entries.iter().any(|e| &e.0 == k), "gc_stress_skip.txt lists {k}, which is no corpus case");
        }
        entries.retain(|e| !skips.contains(&e.0));
        eprintln!("corpus [{mode}]: {} case(s) left out under gc-stress (tests/gc_stress_skip.txt)", skips.len());
    }
    assert!(entries.len() >= 150, "corpus has only {} programs", entries.len());
    let known = known_failures(mode);
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get()).min(4);
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results = std::sync::Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some((name, prog, exp)) = entries.get(i) else {
                    break;
                };
                let expected = std::fs::read_to_string(exp).unwrap_or_else(|_| format!("<missing {}>", exp.display()));
                // The CLI has the programs' source and prints it in tracebacks; frozen code
                // has none.
                let got = run(make_cmd(name, prog), limit, mode == "cli");
                let ok = got.output == expected;
                results.lock().unwrap().push((name.clone(), ok, expected, got.output));
            });
        }
    });
    let mut results = results.into_inner().unwrap();
    results.sort_by(|a, b| a.0.cmp(&b.0));
    let mut report = String::new();
    let (mut passed, mut failed, mut xfail) = (0, 0, 0);
    for (name, ok, expected, got) in &results {
        let is_known = known.contains(name);
        match (ok, is_known) {
            (true, false) => passed += 1,
            (false, true) => xfail += 1,
            (true, true) => {
                failed += 1;
                report.push_str(&format!("=== {name}: passes but is listed in known_failures.txt; remove it\n"));
            }
            (false, false) => {
                failed += 1;
                report.push_str(&format!(
                    "=== {name}: output differs\n--- expected (CPython)\n{expected}--- got\n{got}\n"
                ));
            }
        }
    }
    for k in &known {
        if !results.iter().any(|r| &r.0 == k) {
            failed += 1;
            report.push_str(&format!("=== {k}: listed in known_failures.txt but no such case\n"));
        }
    }
    eprintln!("corpus [{mode}]: {passed} passed, {failed} failed, {xfail} known failures (of {})", results.len());
    if failed > 0 {
        panic!("{report}\ncorpus [{mode}]: {failed} unexpected result(s)");
    }
}
