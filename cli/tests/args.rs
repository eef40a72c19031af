//! Command-line arguments of `frostbyte run`: sizes are parsed with checked arithmetic and
//! out-of-range ones are rejected with a message and exit status 2 (no panic, no wrap).

use std::process::{Command, Output};

fn frostbyte(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_frostbyte")).args(args).output().expect("frostbyte runs")
}

/// A fresh program file (one per call: the tests run in parallel threads of one process).
fn program() -> String {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let path = std::env::temp_dir().join(format!("frostbyte_args_{}_{n}.py", std::process::id()));
    std::fs::write(&path, "print(sum(range(10)))\n").expect("write program");
    path.to_string_lossy().into_owned()
}

/// Runs `frostbyte run --heap <heap> prog` and returns (exit code, stderr).
fn run_heap(heap: &str) -> (Option<i32>, String) {
    let prog = program();
    let out = frostbyte(&["run", "--heap", heap, &prog]);
    (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn heap_sizes_in_range_run() {
    for heap in ["65536", "64K", "64k", "1M", "8m", "4096"] {
        let prog = program();
        let out = frostbyte(&["run", "--heap", heap, &prog]);
        assert_eq!(out.status.code(), Some(0), "--heap {heap}: {}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(String::from_utf8_lossy(&out.stdout), "45\n");
    }
}

#[test]
fn heap_sizes_out_of_range_are_rejected() {
    let cases = [
        // usize::MAX panicked ("capacity overflow"); 2**64 / 1024 K wrapped to 0.
        ("18446744073709551615", "is too large"),
        ("18014398509481984K", "is too large"),
        ("17592186044416M", "is too large"),
        ("99999999999999999999999", "is too large"),
        ("2G", ""),
        ("0", "is too small"),
        ("0K", "is too small"),
        ("100", "is too small"),
        ("", "bad --heap size"),
        ("12Q", "bad --heap size"),
        ("-5", "bad --heap size"),
        ("K", "bad --heap size"),
        ("1.5M", "bad --heap size"),
    ];
    for (heap, msg) in cases {
        let (code, err) = run_heap(heap);
        if msg.is_empty() {
            // A large but valid size either runs or fails to allocate cleanly.
            assert!(
                code == Some(0) || code == Some(2) && err.contains("cannot allocate"),
                "--heap {heap}: {code:?} {err}"
            );
            continue;
        }
        assert_eq!(code, Some(2), "--heap {heap}: {err}");
        assert!(err.contains(msg), "--heap {heap}: {err}");
        assert!(!err.contains("panicked"), "--heap {heap}: {err}");
    }
}

#[test]
fn heap_needs_a_value() {
    let out = frostbyte(&["run", "--heap"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("a value is required for '--heap <BYTES>'"), "{err}");
}
