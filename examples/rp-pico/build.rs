//! Put memory.x where the linker finds it, and freeze python/main.py.
use std::path::PathBuf;

fn main() {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("run from a build script"));
    std::fs::copy("memory.x", out.join("memory.x")).expect("copy memory.x to OUT_DIR");
    println!("cargo:rustc-link-search={}", out.display());
    println!("cargo:rerun-if-changed=memory.x");
    frostbyte_build::Config::new().module("python/main.py").compile_or_exit();
}
