//! `frostbyte`: run, disassemble and freeze Python programs on the host.
//!
//! ```text
//! frostbyte run [--heap BYTES] [--recursion-limit N] file.py   compile in process and run
//! frostbyte dis file.py                                          disassemble
//! frostbyte freeze file.py                                       print the generated Rust
//! frostbyte size firmware.elf [--python DIR]                     flash footprint report
//! ```
//! `run` and `freeze` also load the sibling modules and packages that the program imports
//! (found by following its import instructions, transitively), so a program split over
//! several files in one directory runs as it does under `python3`.

mod resolve;
mod size;

use frostbyte_compiler::freeze::{emit_image_file, EmitOptions};
use frostbyte_compiler::tree::render_errors;
use std::io::Write;
use std::mem::MaybeUninit;
use std::path::Path;
use std::process::ExitCode;

const USAGE: &str = "usage:
  frostbyte run [--heap BYTES] [--recursion-limit N] FILE.py
  frostbyte dis FILE.py
  frostbyte freeze FILE.py
  frostbyte size FIRMWARE.elf [--python DIR]...";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run_cli(&args) {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("{msg}");
            ExitCode::from(2)
        }
    }
}

fn run_cli(args: &[String]) -> Result<ExitCode, String> {
    let (cmd, rest) = args.split_first().ok_or(USAGE)?;
    if cmd == "size" {
        let mut elf = None;
        let mut dirs = Vec::new();
        let mut it = rest.iter();
        while let Some(a) = it.next() {
            if a == "--python" {
                dirs.push(it.next().ok_or("--python needs a directory")?.clone());
            } else {
                elf = Some(a.clone());
            }
        }
        let elf = elf.ok_or(USAGE)?;
        print!("{}", size::report(std::path::Path::new(&elf), &dirs)?);
        return Ok(ExitCode::SUCCESS);
    }
    let mut heap: usize = 8 << 20;
    let mut recursion_limit: Option<usize> = None;
    let mut file: Option<&str> = None;
    let mut it = rest.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--heap" => heap = parse_size(it.next().ok_or("--heap needs a value")?)?,
            "--recursion-limit" => {
                recursion_limit = Some(
                    it.next().ok_or("--recursion-limit needs a value")?.parse().map_err(|_| "bad --recursion-limit")?,
                )
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(ExitCode::SUCCESS);
            }
            s if s.starts_with('-') => return Err(format!("unknown option {s}\n{USAGE}")),
            s => file = Some(s),
        }
    }
    let file = file.ok_or(USAGE)?;
    match cmd.as_str() {
        "run" => Ok(cmd_run(file, alloc_heap(heap)?, recursion_limit)),
        "dis" => cmd_dis(file),
        "freeze" => cmd_freeze(file),
        _ => Err(format!("unknown command {cmd}\n{USAGE}")),
    }
}

/// Smallest `--heap`: room for the VM's own objects and a small program.
const MIN_HEAP: usize = 4 << 10;
/// Largest `--heap` (1 TiB, and never more than a Rust allocation may hold).
const MAX_HEAP: u64 = if (isize::MAX as u64) < 1 << 40 { isize::MAX as u64 } else { 1 << 40 };

/// A `--heap` size: bytes, or with a K, M or G suffix (binary units), between [`MIN_HEAP`]
/// and [`MAX_HEAP`].
fn parse_size(s: &str) -> Result<usize, String> {
    let (num, mul): (&str, u64) = match s.char_indices().last() {
        Some((i, 'k' | 'K')) => (&s[..i], 1 << 10),
        Some((i, 'm' | 'M')) => (&s[..i], 1 << 20),
        Some((i, 'g' | 'G')) => (&s[..i], 1 << 30),
        _ => (s, 1),
    };
    if num.is_empty() || !num.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("bad --heap size '{s}': expected a number of bytes, optionally followed by K, M or G"));
    }
    let too_large = || format!("--heap {s} is too large: at most {MAX_HEAP} bytes");
    let bytes =
        num.parse::<u64>().ok().and_then(|n| n.checked_mul(mul)).filter(|&b| b <= MAX_HEAP).ok_or_else(too_large)?;
    let bytes = usize::try_from(bytes).map_err(|_| too_large())?;
    if bytes < MIN_HEAP {
        return Err(format!("--heap {s} is too small: at least {MIN_HEAP} bytes"));
    }
    Ok(bytes)
}

/// The heap region for `run`, or an error message when the host cannot allocate it.
fn alloc_heap(bytes: usize) -> Result<&'static mut [MaybeUninit<u8>], String> {
    let mut v: Vec<MaybeUninit<u8>> = Vec::new();
    v.try_reserve_exact(bytes).map_err(|_| format!("cannot allocate a heap of {bytes} bytes"))?;
    // Within the reserved capacity: no further allocation (writing uninit bytes costs nothing).
    v.resize(bytes, MaybeUninit::uninit());
    Ok(Box::leak(v.into_boxed_slice()))
}

fn cmd_dis(file: &str) -> Result<ExitCode, String> {
    let path = Path::new(file);
    let prog = resolve::Program::load(path, false);
    if !prog.errors.is_empty() {
        eprint!("{}", render_errors(&prog.errors));
        return Ok(ExitCode::FAILURE);
    }
    for m in &prog.modules {
        print!("{}", frostbyte_compiler::disassemble(m));
    }
    Ok(ExitCode::SUCCESS)
}

fn cmd_freeze(file: &str) -> Result<ExitCode, String> {
    let prog = resolve::Program::load(Path::new(file), true);
    if !prog.errors.is_empty() {
        eprint!("{}", render_errors(&prog.errors));
        return Ok(ExitCode::FAILURE);
    }
    print!("{}", emit_image_file(&prog.modules, "FROZEN", &EmitOptions::default()));
    Ok(ExitCode::SUCCESS)
}

/// Writes program output to stdout (buffered; flushed before anything goes to stderr).
struct Stdout(std::io::BufWriter<std::io::Stdout>);

impl frostbyte_vm::Output for Stdout {
    fn write_str(&mut self, s: &str) {
        let _ = self.0.write_all(s.as_bytes());
    }
    fn flush(&mut self) {
        let _ = self.0.flush();
    }
    /// `sys.stderr`: the buffered output first, so the two streams keep their order.
    fn write_err(&mut self, s: &str) {
        let _ = self.0.flush();
        let _ = std::io::stderr().write_all(s.as_bytes());
    }
}

/// `input()` reads the process's standard input.
struct Stdin;

impl frostbyte_vm::Input for Stdin {
    fn read_line(&mut self, line: &mut dyn std::fmt::Write) -> bool {
        let mut buf = String::new();
        match std::io::stdin().read_line(&mut buf) {
            Ok(0) | Err(_) => false,
            Ok(_) => {
                let text = buf.strip_suffix('\n').unwrap_or(&buf);
                let text = text.strip_suffix('\r').unwrap_or(text);
                let _ = line.write_str(text);
                true
            }
        }
    }
}

/// Collects the traceback text so it can be written to stderr.
#[derive(Default)]
struct Capture(String);

impl frostbyte_vm::Output for Capture {
    fn write_str(&mut self, s: &str) {
        self.0.push_str(s);
    }
}

fn cmd_run(file: &str, heap: &'static mut [MaybeUninit<u8>], recursion_limit: Option<usize>) -> ExitCode {
    let prog = resolve::Program::load(Path::new(file), true);
    if !prog.errors.is_empty() {
        eprint!("{}", render_errors(&prog.errors));
        return ExitCode::FAILURE;
    }
    let mut loader = frostbyte_host_load::HostLoader::new();
    let image = loader.image(&prog.modules);
    let mut out = Stdout(std::io::BufWriter::new(std::io::stdout()));
    let mut input = Stdin;
    let mut compiler = frostbyte_host_load::HostCompiler::new();
    let clock = frostbyte_vm::StdClock::new();
    let mut vm = frostbyte_vm::Vm::new(heap, &mut out);
    vm.set_input(&mut input);
    vm.set_compiler(&mut compiler);
    vm.set_clock(&clock);
    if let Some(n) = recursion_limit {
        vm.set_recursion_limit(n);
    }
    if let Err(e) = vm.add_image(image) {
        eprintln!("frostbyte: cannot load image: {e:?}");
        return ExitCode::FAILURE;
    }
    let result = vm.run_main(&prog.main);
    let code = match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // An uncaught SystemExit ends the program as CPython's does: no traceback, its
            // code as the exit status, a str argument printed to stderr.
            if let Some(code) = vm.system_exit_code(&e) {
                let msg = vm.system_exit_message(&e).map(str::to_string);
                let _ = out.0.flush();
                if let Some(m) = msg {
                    eprintln!("{m}");
                }
                return ExitCode::from(code as u8);
            }
            let mut tb = Capture::default();
            vm.print_exception_to(&e, &mut tb);
            let _ = out.0.flush();
            eprint!("{}", tb.0);
            return ExitCode::FAILURE;
        }
    };
    let _ = out.0.flush();
    code
}
