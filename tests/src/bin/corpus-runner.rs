//! Runs one frozen corpus case: `corpus-runner NAME`. The program's `print` output goes to
//! stdout, an uncaught exception's traceback to stderr with exit status 1 (an uncaught SystemExit: its
//! code and message, as CPython).
//! A compile error recorded by build.rs is printed to stderr with exit status 3.

use std::io::Write;
use std::mem::MaybeUninit;

struct Stdout(std::io::BufWriter<std::io::Stdout>);

impl frostbyte::Output for Stdout {
    fn write_str(&mut self, s: &str) {
        let _ = self.0.write_all(s.as_bytes());
    }
    fn flush(&mut self) {
        let _ = self.0.flush();
    }
    fn write_err(&mut self, s: &str) {
        let _ = self.0.flush();
        let _ = std::io::stderr().write_all(s.as_bytes());
    }
}

/// `input()` reads the process's standard input (the harness gives it none: EOFError).
struct Stdin;

impl frostbyte::Input for Stdin {
    fn read_line(&mut self, line: &mut dyn std::fmt::Write) -> bool {
        let mut buf = String::new();
        match std::io::stdin().read_line(&mut buf) {
            Ok(0) | Err(_) => false,
            Ok(_) => {
                let _ = line.write_str(buf.trim_end_matches(['\n', '\r']));
                true
            }
        }
    }
}

#[derive(Default)]
struct Capture(String);

impl frostbyte::Output for Capture {
    fn write_str(&mut self, s: &str) {
        self.0.push_str(s);
    }
}

fn main() -> std::process::ExitCode {
    let name = std::env::args().nth(1).unwrap_or_default();
    let Some(case) = frostbyte_tests::case(&name) else {
        eprintln!("corpus-runner: no case named {name:?}");
        return std::process::ExitCode::from(2);
    };
    let image = match case.image {
        Ok(i) => i,
        Err(e) => {
            eprintln!("{e}");
            return std::process::ExitCode::from(3);
        }
    };
    let heap_size: usize = std::env::var("FROSTBYTE_HEAP").ok().and_then(|s| s.parse().ok()).unwrap_or(8 << 20);
    let mut heap = vec![MaybeUninit::<u8>::uninit(); heap_size];
    let mut out = Stdout(std::io::BufWriter::new(std::io::stdout()));
    let mut input = Stdin;
    // eval/exec/compile: the same in-process compiler `frostbyte run` installs.
    let mut compiler = frostbyte_host_load::HostCompiler::new();
    // time: simulated (deterministic whatever the machine's load; `frostbyte run --clock sim`),
    // its wall clock starting at the host's.
    let clock = frostbyte::SimClock::new(frostbyte::Clock::wall_us(&frostbyte::StdClock::new()));
    let mut vm = frostbyte::Vm::new(&mut heap, &mut out);
    vm.set_input(&mut input);
    vm.set_compiler(&mut compiler);
    vm.set_clock(&clock);
    if let Err(e) = vm.add_image(image) {
        eprintln!("corpus-runner: cannot add image: {e:?}");
        return std::process::ExitCode::from(2);
    }
    let result = vm.run_main(case.main);
    if let Err(e) = result {
        // An uncaught SystemExit: no traceback, its code as the exit status (as CPython).
        if let Some(code) = vm.system_exit_code(&e) {
            let mut msg = Capture::default();
            vm.print_system_exit_to(&e, &mut msg);
            let _ = out.0.flush();
            eprint!("{}", msg.0);
            return std::process::ExitCode::from(code as u8);
        }
        let mut tb = Capture::default();
        vm.print_exception_to(&e, &mut tb);
        let _ = out.0.flush();
        eprint!("{}", tb.0);
        return std::process::ExitCode::FAILURE;
    }
    let _ = out.0.flush();
    std::process::ExitCode::SUCCESS
}
