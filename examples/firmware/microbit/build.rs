use std::path::PathBuf;

fn main() {
    // The linker script fragment for this board: memory.x, the machine's real memory map.
    // FIRMWARE_FLASH (e.g. `1M`) overrides the FLASH length, only to link an image that does
    // not fit yet so `frostbyte size` can say where its bytes go (QEMU cannot run it).
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap());
    let mut memory = std::fs::read_to_string("memory.x").unwrap();
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
    std::fs::write(out.join("memory.x"), memory).unwrap();
    println!("cargo:rustc-link-search={}", out.display());
    // The same application every example (and the host example) freezes.
    frostbyte_build::Config::new()
        .package("../../app/python/sensor")
        .module("../../app/python/main.py")
        .compile_or_exit();
}
