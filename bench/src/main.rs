//! `cargo run --release -p frostbyte-bench [-- RUNS [NAME...]]`
//!
//! Runs each benchmark program frozen in this release binary and under `python3`, in the same
//! run, checks both outputs against `programs/NAME.py.exp`, and prints the median wall time of
//! each and the ratio (frozen / CPython; below 1 means Frostbyte is faster). Heap use is
//! reported from inside the VM (peak bytes).

use std::mem::MaybeUninit;
use std::process::Command;
use std::time::{Duration, Instant};

include!(concat!(env!("OUT_DIR"), "/bench_index.rs"));

#[derive(Default)]
struct Capture(String);

impl frostbyte::Output for Capture {
    fn write_str(&mut self, s: &str) {
        self.0.push_str(s);
    }
}

/// Python heap for each run (wordcount needs more than 64 MiB today; CPython peaks at 27 MB).
const HEAP: usize = 256 << 20;

fn run_frozen(image: &'static frostbyte::Image, heap: &mut [MaybeUninit<u8>], name: &str) -> (Duration, String, usize) {
    let mut out = Capture::default();
    let start = Instant::now();
    let mut vm = frostbyte::Vm::new(heap, &mut out);
    vm.add_image(image).expect("image version matches");
    let r = vm.run_main(name);
    let elapsed = start.elapsed();
    let peak = vm.heap_stats().peak;
    if let Err(e) = r {
        let mut tb = Capture::default();
        vm.print_exception_to(&e, &mut tb);
        out.0.push_str(&tb.0);
    }
    (elapsed, out.0, peak)
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let runs: usize = args.first().and_then(|a| a.parse().ok()).unwrap_or(5);
    let only: Vec<&String> = args.iter().skip(1).collect();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("programs");
    let mut heap = vec![MaybeUninit::<u8>::uninit(); HEAP];
    println!("{:<14} {:>12} {:>12} {:>8} {:>12}  output", "program", "frostbyte", "cpython", "ratio", "peak heap");
    let mut all_ok = true;
    for (name, image) in PROGRAMS {
        if !only.is_empty() && !only.iter().any(|o| o.as_str() == *name) {
            continue;
        }
        let expected = std::fs::read_to_string(dir.join(format!("{name}.py.exp"))).unwrap_or_default();
        let mut ft = Vec::new();
        let mut pt = Vec::new();
        let mut ok = true;
        let mut peak = 0;
        for _ in 0..runs {
            let (t, out, p) = run_frozen(image, &mut heap, name);
            ok &= out == expected;
            peak = p;
            ft.push(t);
            let start = Instant::now();
            let py = Command::new("python3").arg(dir.join(format!("{name}.py"))).output().expect("python3 runs");
            pt.push(start.elapsed());
            ok &= String::from_utf8_lossy(&py.stdout) == expected;
        }
        all_ok &= ok;
        let (f, p) = (median(ft), median(pt));
        println!(
            "{:<14} {:>10.1}ms {:>10.1}ms {:>8.2} {:>12}  {}",
            name,
            f.as_secs_f64() * 1e3,
            p.as_secs_f64() * 1e3,
            f.as_secs_f64() / p.as_secs_f64(),
            peak,
            if ok { "ok" } else { "MISMATCH" }
        );
    }
    if !all_ok {
        std::process::exit(1);
    }
}
