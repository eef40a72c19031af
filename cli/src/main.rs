//! `frostbyte`: run, disassemble and freeze Python programs on the host.
//!
//! ```text
//! frostbyte run [--heap BYTES] [--recursion-limit N] FILE.py [ARGS...]   compile in process and run
//! frostbyte dis FILE.py                                                  disassemble
//! frostbyte freeze FILE.py                                               print the generated Rust
//!   (run and freeze: -O drops asserts, -OO docstrings too, --lines full|functions|none)
//! frostbyte size FIRMWARE.elf [--python DIR]... [--budget BYTES]        flash footprint report
//! frostbyte size --diff OLD.elf NEW.elf                                  what changed between two
//! frostbyte completions bash|zsh|fish|elvish|powershell                  shell completions
//! ```
//! `run` and `freeze` also load the sibling modules and packages that the program imports
//! (found by following its import instructions, transitively), so a program split over
//! several files in one directory runs as it does under `python3`. Arguments are parsed with
//! clap (`--help` on the command and on each subcommand; usage errors exit with status 2).

mod resolve;
mod size;

use clap::{CommandFactory, Parser, Subcommand};
use frostbyte_compiler::freeze::{emit_image_file, EmitOptions};
use frostbyte_compiler::tree::render_errors;
use frostbyte_compiler::{CompileOptions, LineTables};
use std::io::Write;
use std::mem::MaybeUninit;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Run, disassemble and freeze Python programs; measure firmware built from them.
#[derive(Parser)]
#[command(name = "frostbyte", version, about, arg_required_else_help = true)]
struct Cli {
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Compile FILE (and the sibling modules it imports) in process and run it as __main__.
    ///
    /// Everything after FILE is the program's: `sys.argv` is `[FILE, ARGS...]`. The exit
    /// status is CPython's: 0, 1 after an uncaught exception's traceback, or SystemExit's code.
    Run {
        /// Heap size: bytes, or with a K, M or G suffix (binary units).
        #[arg(long, value_name = "BYTES", default_value = "8M", value_parser = parse_heap, allow_hyphen_values = true)]
        heap: usize,
        /// The recursion limit (`sys.setrecursionlimit`) the program starts with.
        #[arg(long, value_name = "N")]
        recursion_limit: Option<usize>,
        /// The clock `time` and `asyncio` read: `std`, the host's, or `sim`, simulated time
        /// (sleeps return at once with the clock at their deadline, so a program ordered by its
        /// deadlines prints the same however loaded the machine is).
        #[arg(long, value_enum, default_value_t = ClockKind::Std)]
        clock: ClockKind,
        #[command(flatten)]
        keep: Keep,
        /// The program.
        file: String,
        /// The program's arguments (`sys.argv[1:]`), options among them.
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Disassemble FILE's bytecode.
    Dis {
        /// The program.
        file: PathBuf,
    },
    /// Print the Rust that freezes FILE and the modules it imports.
    Freeze {
        #[command(flatten)]
        keep: Keep,
        /// The program.
        file: PathBuf,
    },
    /// Where a linked firmware's flash goes: the VM, its libraries, standard modules, the
    /// frozen image by kind.
    Size {
        /// The firmware ELF (with symbols).
        #[arg(required_unless_present = "diff")]
        elf: Option<PathBuf>,
        /// Python source directories or files: adds flash per source line.
        #[arg(long, value_name = "DIR")]
        python: Vec<PathBuf>,
        /// Compare two ELFs instead: per-crate, per-module and per-kind deltas, largest change
        /// first, and the total.
        #[arg(long, num_args = 2, value_names = ["OLD", "NEW"], conflicts_with_all = ["elf", "python"])]
        diff: Option<Vec<PathBuf>>,
        /// Fail (exit status 1) when the flash (with --diff: NEW's) exceeds BYTES (K, M or G
        /// suffix allowed), listing the largest items.
        #[arg(long, value_name = "BYTES", value_parser = parse_bytes)]
        budget: Option<u64>,
    },
    /// Print a completion script for SHELL to stdout.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
}

/// What `run` and `freeze` keep beyond what the code needs (`frostbyte_build::Config`'s
/// `line_tables`, `docstrings` and `asserts`; CPython's `-O` and `-OO`).
#[derive(clap::Args)]
struct Keep {
    /// -O drops `assert` statements (`__debug__` is False); -OO also makes every `__doc__`
    /// None. As CPython's -O and -OO.
    #[arg(short = 'O', action = clap::ArgAction::Count)]
    optimize: u8,
    /// Line numbers kept: `full` (every instruction's), `functions` (each function's first
    /// line) or `none` (tracebacks name the file and the function only).
    #[arg(long, value_enum, default_value_t = Lines::Full)]
    lines: Lines,
}

/// `--lines`.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Lines {
    /// Every instruction's line.
    Full,
    /// Each function's first line.
    Functions,
    /// No line numbers.
    None,
}

impl Keep {
    fn options(&self) -> CompileOptions {
        CompileOptions {
            line_tables: match self.lines {
                Lines::Full => LineTables::Full,
                Lines::Functions => LineTables::Functions,
                Lines::None => LineTables::None,
            },
            docstrings: self.optimize < 2,
            asserts: self.optimize < 1,
        }
    }
}

/// `run --clock`.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ClockKind {
    /// The host's clock (`StdClock`).
    Std,
    /// Simulated time (`SimClock`), its wall clock starting at the host's time.
    Sim,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run_cli(cli) {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("frostbyte: {msg}");
            ExitCode::from(2)
        }
    }
}

fn run_cli(cli: Cli) -> Result<ExitCode, String> {
    match cli.command {
        Cmd::Run { heap, recursion_limit, clock, keep, file, args } => {
            let heap = alloc_heap(heap)?;
            Ok(cmd_run(&file, &args, heap, recursion_limit, clock, &keep.options()))
        }
        Cmd::Dis { file } => cmd_dis(&file),
        Cmd::Freeze { keep, file } => cmd_freeze(&file, &keep.options()),
        Cmd::Size { elf, python, diff, budget } => {
            if let Some(d) = diff {
                let [old, new] = d.as_slice() else { return Err("--diff needs OLD.elf NEW.elf".into()) };
                let (text, _) = size::diff(old, new)?;
                print!("{text}");
                if let Some(b) = budget {
                    return budget_check(new, b);
                }
                return Ok(ExitCode::SUCCESS);
            }
            let elf = elf.ok_or("size needs FIRMWARE.elf")?;
            print!("{}", size::report(&elf, &python)?);
            match budget {
                Some(b) => budget_check(&elf, b),
                None => Ok(ExitCode::SUCCESS),
            }
        }
        Cmd::Completions { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "frostbyte", &mut std::io::stdout());
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// `size --budget`: exit status 1 with a report of the largest items when `elf`'s flash
/// exceeds `budget` bytes.
fn budget_check(elf: &Path, budget: u64) -> Result<ExitCode, String> {
    match size::over_budget(elf, budget)? {
        None => Ok(ExitCode::SUCCESS),
        Some(report) => {
            let _ = std::io::stdout().flush();
            eprint!("{report}");
            Ok(ExitCode::FAILURE)
        }
    }
}

/// Smallest `--heap`: room for the VM's own objects and a small program.
const MIN_HEAP: usize = 4 << 10;
/// Largest `--heap` (1 TiB, and never more than a Rust allocation may hold).
const MAX_HEAP: u64 = if (isize::MAX as u64) < 1 << 40 { isize::MAX as u64 } else { 1 << 40 };

/// A size in bytes, optionally followed by K, M or G (binary units); `what` names the option
/// in messages.
fn parse_size_with(s: &str, what: &str, max: u64) -> Result<u64, String> {
    let (num, mul): (&str, u64) = match s.char_indices().last() {
        Some((i, 'k' | 'K')) => (&s[..i], 1 << 10),
        Some((i, 'm' | 'M')) => (&s[..i], 1 << 20),
        Some((i, 'g' | 'G')) => (&s[..i], 1 << 30),
        _ => (s, 1),
    };
    if num.is_empty() || !num.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("bad {what} size '{s}': expected a number of bytes, optionally followed by K, M or G"));
    }
    num.parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(mul))
        .filter(|&b| b <= max)
        .ok_or_else(|| format!("{what} {s} is too large: at most {max} bytes"))
}

/// A `--heap` size, between [`MIN_HEAP`] and [`MAX_HEAP`].
fn parse_heap(s: &str) -> Result<usize, String> {
    let bytes = parse_size_with(s, "--heap", MAX_HEAP)?;
    let bytes = usize::try_from(bytes).map_err(|_| format!("--heap {s} is too large: at most {MAX_HEAP} bytes"))?;
    if bytes < MIN_HEAP {
        return Err(format!("--heap {s} is too small: at least {MIN_HEAP} bytes"));
    }
    Ok(bytes)
}

/// A `--budget` size.
fn parse_bytes(s: &str) -> Result<u64, String> {
    parse_size_with(s, "--budget", u64::MAX)
}

/// The heap region for `run`, or an error message when the host cannot allocate it.
fn alloc_heap(bytes: usize) -> Result<&'static mut [MaybeUninit<u8>], String> {
    let mut v: Vec<MaybeUninit<u8>> = Vec::new();
    v.try_reserve_exact(bytes).map_err(|_| format!("cannot allocate a heap of {bytes} bytes"))?;
    // Within the reserved capacity: no further allocation (writing uninit bytes costs nothing).
    v.resize(bytes, MaybeUninit::uninit());
    Ok(Box::leak(v.into_boxed_slice()))
}

fn cmd_dis(path: &Path) -> Result<ExitCode, String> {
    let prog = resolve::Program::load(path, false, &CompileOptions::default());
    if !prog.errors.is_empty() {
        eprint!("{}", render_errors(&prog.errors));
        return Ok(ExitCode::FAILURE);
    }
    for m in &prog.modules {
        print!("{}", frostbyte_compiler::disassemble(m));
    }
    Ok(ExitCode::SUCCESS)
}

fn cmd_freeze(path: &Path, opts: &CompileOptions) -> Result<ExitCode, String> {
    let prog = resolve::Program::load(path, true, opts);
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

/// Traceback source lines: the files `run` compiled, split into lines as Python reads
/// them (a line ends at `\n`, `\r\n` or `\r`).
struct Sources(Vec<(String, Vec<String>)>);

impl Sources {
    fn new(files: Vec<(String, String)>) -> Sources {
        Sources(files.into_iter().map(|(name, text)| (name, split_lines(&text))).collect())
    }
}

fn split_lines(text: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let end = rest.find(['\n', '\r']).unwrap_or(rest.len());
        lines.push(rest[..end].to_string());
        rest = &rest[end..];
        rest = rest.strip_prefix("\r\n").or_else(|| rest.strip_prefix(['\n', '\r'])).unwrap_or(rest);
    }
    lines
}

impl frostbyte_vm::SourceLines for Sources {
    fn source_line(&self, file: &str, line: usize) -> Option<&str> {
        let (_, lines) = self.0.iter().find(|(name, _)| name == file)?;
        lines.get(line.checked_sub(1)?).map(String::as_str)
    }
}

fn cmd_run(
    file: &str,
    args: &[String],
    heap: &'static mut [MaybeUninit<u8>],
    recursion_limit: Option<usize>,
    clock: ClockKind,
    opts: &CompileOptions,
) -> ExitCode {
    // The image `run` executes is the one firmware links: the compiler's image model
    // (frostbyte_compiler::image), written into memory by the host loader. Compile options
    // (line tables, docstrings, asserts) go through `CompileOptions`, as build.rs's `Config`.
    let mut prog = resolve::Program::load(Path::new(file), true, opts);
    if !prog.errors.is_empty() {
        eprint!("{}", render_errors(&prog.errors));
        return ExitCode::FAILURE;
    }
    let sources = Sources::new(std::mem::take(&mut prog.sources));
    let argv: Vec<&str> = std::iter::once(file).chain(args.iter().map(String::as_str)).collect();
    let mut loader = frostbyte_host_load::HostLoader::new();
    let image = loader.image(&prog.modules);
    let mut out = Stdout(std::io::BufWriter::new(std::io::stdout()));
    let mut input = Stdin;
    let mut compiler = frostbyte_host_load::HostCompiler::new();
    let std_clock = frostbyte_vm::StdClock::new();
    let sim_clock = frostbyte_vm::SimClock::new(frostbyte_vm::Clock::wall_us(&std_clock));
    let mut vm = frostbyte_vm::Vm::new(heap, &mut out);
    vm.set_input(&mut input);
    vm.set_compiler(&mut compiler);
    match clock {
        ClockKind::Std => vm.set_clock(&std_clock),
        ClockKind::Sim => vm.set_clock(&sim_clock),
    }
    vm.set_source(&sources);
    vm.set_argv(&argv);
    if let Some(n) = recursion_limit {
        vm.set_recursion_limit(n);
    }
    if let Err(e) = vm.add_image(image) {
        eprintln!("frostbyte: cannot load image: {e:?}");
        return ExitCode::FAILURE;
    }
    let result = vm.run_main(&prog.main);
    let Err(e) = result else {
        let _ = out.0.flush();
        return ExitCode::SUCCESS;
    };
    // An uncaught SystemExit ends the program as CPython's does: no traceback, its code as
    // the exit status (the low 8 bits, as the OS keeps), a code that is no int printed to
    // stderr.
    let mut err = Capture::default();
    let status = match vm.system_exit_code(&e) {
        Some(code) => {
            vm.print_system_exit_to(&e, &mut err);
            ExitCode::from(code as u8)
        }
        None => {
            vm.print_exception_to(&e, &mut err);
            ExitCode::FAILURE
        }
    };
    let _ = out.0.flush();
    eprint!("{}", err.0);
    status
}
