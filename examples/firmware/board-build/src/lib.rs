//! The build script shared by every board crate (`build.rs` is one call to [`board`]).

use std::path::PathBuf;

/// Put the board's `memory.x` (the machine's real memory map) where the linker finds it, and
/// freeze the example application (`examples/app`, the same for every board and the host).
pub fn board() {
    memory_x();
    frostbyte_build::Config::new()
        .package("../../app/python/sensor")
        .module("../../app/python/main.py")
        .module("../../app/python/depth.py")
        // The app's image is 17,745 B on 32-bit boards: a build over 20 KiB fails.
        .budget(20 * 1024)
        .compile_or_exit();
}

/// Put the board's `memory.x` where the linker finds it (for a board crate that freezes its
/// own Python).
///
/// `FIRMWARE_FLASH` (e.g. `1M`) overrides the FLASH length, only to link an image that does not
/// fit yet so that `frostbyte size` can say where its bytes go (QEMU cannot run such an image).
pub fn memory_x() {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("run from a build script"));
    let mut memory = std::fs::read_to_string("memory.x").expect("the board crate has a memory.x");
    println!("cargo:rerun-if-changed=memory.x");
    println!("cargo:rerun-if-env-changed=FIRMWARE_FLASH");
    if let Ok(len) = std::env::var("FIRMWARE_FLASH") {
        memory = memory
            .lines()
            .map(|l| match (l.trim_start().starts_with("FLASH"), l.rfind("LENGTH = ")) {
                (true, Some(i)) => format!("{}LENGTH = {len}", &l[..i]),
                _ => l.to_string(),
            })
            .collect::<Vec<_>>()
            .join("\n");
        println!("cargo:warning=FIRMWARE_FLASH={len}: FLASH length overridden, this image is for size reports only");
    }
    std::fs::write(out.join("memory.x"), memory).expect("write memory.x to OUT_DIR");
    println!("cargo:rustc-link-search={}", out.display());
}
