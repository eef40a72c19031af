//! Frostbyte against CPython, side by side (bench/README.md has the table):
//!
//! - `frostbyte-bench [RUNS] [NAME...]`: each program in `programs/` (all of them, or the
//!   NAMEs) runs RUNS times (default 5) frozen in this release binary and RUNS times as
//!   `python3 -S programs/NAME.py` (see `run_python`), alternating; both outputs are checked against
//!   `programs/NAME.py.exp`. Prints the median time of each, the ratio (Frostbyte / CPython;
//!   below 1 means Frostbyte is faster), the VM's peak heap, and the geometric mean of the
//!   ratios. Exits 1 if any output differs.
//! - `frostbyte-bench --run NAME`: runs one frozen program once and prints its output (what
//!   `tools/bench-callgrind.sh` runs under callgrind); exits 1 if the output differs from the
//!   `.exp` file.
//! - `frostbyte-bench --check [NAME...]`: runs each frozen program once and checks its output,
//!   without CPython and without timing.
//!
//! Times are CPU time where Linux's /proc gives it (the machine is often shared, and CPU time
//! moves far less with the load than wall time), else wall time; the first line printed says
//! which. Frostbyte: this thread's run time (`/proc/thread-self/schedstat`, nanoseconds).
//! CPython: the user + system time of the finished `python3` child (`/proc/self/stat`
//! cutime + cstime, in clock ticks of 10 ms).
//!
//! Start-up: the Frostbyte time is measured in process, from `Vm::new` to the end of
//! `run_main` (VM set-up and import of the frozen module included; no process start). The
//! CPython time is that of the `python3 -S FILE` process minus the median time of
//! `python3 -S -c pass` measured in the same run (interpreter start-up), so both sides
//! count only the program itself.

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

/// This thread's CPU time so far, if Linux's /proc tells it.
fn thread_cpu() -> Option<Duration> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    Some(Duration::from_nanos(s.split_whitespace().next()?.parse().ok()?))
}

/// CPU time (user + system) of this process's finished children, if Linux's /proc tells it.
fn children_cpu() -> Option<Duration> {
    let s = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which is in parentheses): state is field 3, cutime 16, cstime 17.
    let rest = &s[s.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: u64 = f.get(13)?.parse::<u64>().ok()? + f.get(14)?.parse::<u64>().ok()?;
    Some(Duration::from_millis(ticks * 10))
}

fn use_cpu_time() -> bool {
    thread_cpu().is_some() && children_cpu().is_some()
}

/// A stopwatch over CPU time where available (see the module comment), else wall time.
struct Clock {
    wall: Instant,
    cpu: Option<Duration>,
}

impl Clock {
    fn thread() -> Clock {
        Clock { wall: Instant::now(), cpu: thread_cpu() }
    }

    fn children() -> Clock {
        Clock { wall: Instant::now(), cpu: children_cpu() }
    }

    fn thread_elapsed(&self) -> Duration {
        match (self.cpu, thread_cpu()) {
            (Some(a), Some(b)) => b.saturating_sub(a),
            _ => self.wall.elapsed(),
        }
    }

    fn children_elapsed(&self) -> Duration {
        match (self.cpu, children_cpu()) {
            (Some(a), Some(b)) => b.saturating_sub(a),
            _ => self.wall.elapsed(),
        }
    }
}

fn run_frozen(image: &'static frostbyte::Image, heap: &mut [MaybeUninit<u8>], name: &str) -> (Duration, String, usize) {
    let mut out = Capture::default();
    let start = Clock::thread();
    let mut vm = frostbyte::Vm::new(heap, &mut out);
    vm.add_image(image).expect("image version matches");
    let r = vm.run_main(name);
    let elapsed = start.thread_elapsed();
    let peak = vm.heap_stats().peak;
    if let Err(e) = r {
        let mut tb = Capture::default();
        vm.print_exception_to(&e, &mut tb);
        out.0.push_str(&tb.0);
    }
    (elapsed, out.0, peak)
}

/// `python3 -S`: without `site`, whose `.pth` files can import packages at every start (on the
/// dev machine certifi, 150 ms of CPU with no bytecode cache, which would make the start-up
/// subtracted below noisier than the shorter programs); the programs import nothing from
/// site-packages.
fn run_python(args: &[&std::ffi::OsStr]) -> (Duration, String) {
    let start = Clock::children();
    let py = Command::new("python3").arg("-S").args(args).output().expect("python3 runs");
    (start.children_elapsed(), String::from_utf8_lossy(&py.stdout).into_owned())
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn programs_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("programs")
}

fn expected(name: &str) -> String {
    std::fs::read_to_string(programs_dir().join(format!("{name}.py.exp"))).unwrap_or_default()
}

fn selected<'a>(only: &'a [String]) -> impl Iterator<Item = &'static (&'static str, &'static frostbyte::Image)> + 'a {
    PROGRAMS.iter().filter(move |(name, _)| only.is_empty() || only.iter().any(|o| o == name))
}

/// Reports the first line where `got` differs from `want`.
fn report_mismatch(who: &str, name: &str, got: &str, want: &str) {
    let line = got
        .lines()
        .zip(want.lines())
        .position(|(g, w)| g != w)
        .unwrap_or(got.lines().count().min(want.lines().count()));
    eprintln!(
        "{name}: {who} output differs from {name}.py.exp at line {}: got {:?}, expected {:?}",
        line + 1,
        got.lines().nth(line).unwrap_or("<end>"),
        want.lines().nth(line).unwrap_or("<end>")
    );
}

fn run_one(name: &str) -> bool {
    let Some((_, image)) = PROGRAMS.iter().find(|(n, _)| *n == name) else {
        eprintln!("no benchmark program {name:?}");
        return false;
    };
    let mut heap = vec![MaybeUninit::<u8>::uninit(); HEAP];
    let (_, out, _) = run_frozen(image, &mut heap, name);
    print!("{out}");
    let want = expected(name);
    if out != want {
        report_mismatch("frostbyte", name, &out, &want);
        return false;
    }
    true
}

fn check(only: &[String]) -> bool {
    let mut heap = vec![MaybeUninit::<u8>::uninit(); HEAP];
    let mut all_ok = true;
    for (name, image) in selected(only) {
        let (t, out, _) = run_frozen(image, &mut heap, name);
        let want = expected(name);
        let ok = out == want;
        if !ok {
            report_mismatch("frostbyte", name, &out, &want);
        }
        println!("{:<14} {:>10.1}ms  {}", name, t.as_secs_f64() * 1e3, if ok { "ok" } else { "MISMATCH" });
        all_ok &= ok;
    }
    all_ok
}

fn compare(runs: usize, only: &[String]) -> bool {
    let dir = programs_dir();
    let mut heap = vec![MaybeUninit::<u8>::uninit(); HEAP];
    println!("clock: {}", if use_cpu_time() { "CPU time (/proc)" } else { "wall time" });
    let startup = median((0..runs.max(5)).map(|_| run_python(&["-c".as_ref(), "pass".as_ref()]).0).collect());
    println!(
        "python3 start-up (median of `python3 -S -c pass`, subtracted below): {:.1}ms",
        startup.as_secs_f64() * 1e3
    );
    println!("{:<14} {:>12} {:>12} {:>8} {:>12}  output", "program", "frostbyte", "cpython", "ratio", "peak heap");
    let mut all_ok = true;
    let mut log_sum = 0.0;
    let mut count = 0;
    for (name, image) in selected(only) {
        let want = expected(name);
        let file = dir.join(format!("{name}.py"));
        let mut ft = Vec::new();
        let mut pt = Vec::new();
        let mut ok = true;
        let mut peak = 0;
        for _ in 0..runs {
            let (t, out, p) = run_frozen(image, &mut heap, name);
            if out != want {
                report_mismatch("frostbyte", name, &out, &want);
                ok = false;
            }
            peak = p;
            ft.push(t);
            let (t, out) = run_python(&[file.as_os_str()]);
            if out != want {
                report_mismatch("python3", name, &out, &want);
                ok = false;
            }
            pt.push(t.saturating_sub(startup));
        }
        all_ok &= ok;
        let (f, p) = (median(ft), median(pt));
        let ratio = f.as_secs_f64() / p.as_secs_f64();
        log_sum += ratio.ln();
        count += 1;
        println!(
            "{:<14} {:>10.1}ms {:>10.1}ms {:>8.2} {:>12}  {}",
            name,
            f.as_secs_f64() * 1e3,
            p.as_secs_f64() * 1e3,
            ratio,
            peak,
            if ok { "ok" } else { "MISMATCH" }
        );
    }
    if count > 0 {
        println!("{:<14} {:>12} {:>12} {:>8.2}", "geomean", "", "", (log_sum / count as f64).exp());
    }
    all_ok
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let ok = match args.first().map(String::as_str) {
        Some("--run") => match args.get(1) {
            Some(name) => run_one(name),
            None => {
                eprintln!("usage: frostbyte-bench --run NAME");
                false
            }
        },
        Some("--check") => check(&args[1..]),
        Some("--list") => {
            for (name, _) in PROGRAMS {
                println!("{name}");
            }
            true
        }
        _ => {
            let runs = args.first().and_then(|a| a.parse().ok()).unwrap_or(5);
            compare(runs, args.get(1..).unwrap_or_default())
        }
    };
    if !ok {
        std::process::exit(1);
    }
}
