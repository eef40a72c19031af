//! Frostbyte end-to-end test support: the frozen corpus (built by build.rs) and the harness
//! that runs a case and compares its output with CPython's.
#![forbid(unsafe_code)]

pub mod harness;

/// An embedder's `Output` that keeps what the program prints (the tests' VMs write here).
#[derive(Default)]
pub struct Capture(pub String);

impl frostbyte::Output for Capture {
    fn write_str(&mut self, s: &str) {
        self.0.push_str(s);
    }
}

/// One frozen corpus case.
pub struct Case {
    /// Case name (file stem or directory name).
    pub name: &'static str,
    /// Module to run as `__main__`.
    pub main: &'static str,
    /// Expected-output file, relative to this crate.
    pub exp: &'static str,
    /// The frozen image, or the compile error text.
    pub image: Result<&'static frostbyte::Image, &'static str>,
}

include!(concat!(env!("OUT_DIR"), "/corpus_index.rs"));

/// Find a case by name.
pub fn case(name: &str) -> Option<&'static Case> {
    CASES.iter().find(|c| c.name == name)
}

/// `fixtures/options/opts.py` frozen with each line-table level, without asserts, and
/// without docstrings and asserts (build.rs; `tests/compile_options.rs`).
pub mod options {
    include!(concat!(env!("OUT_DIR"), "/opts_full.rs"));
    include!(concat!(env!("OUT_DIR"), "/opts_functions.rs"));
    include!(concat!(env!("OUT_DIR"), "/opts_none.rs"));
    include!(concat!(env!("OUT_DIR"), "/opts_no_asserts.rs"));
    include!(concat!(env!("OUT_DIR"), "/opts_stripped.rs"));
}
