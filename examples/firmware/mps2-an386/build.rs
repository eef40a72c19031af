fn main() {
    // The linker script fragment for this board.
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").unwrap());
    std::fs::copy("memory.x", out.join("memory.x")).unwrap();
    println!("cargo:rustc-link-search={}", out.display());
    println!("cargo:rerun-if-changed=memory.x");
    // The same application every example freezes.
    frostbyte_build::Config::new()
        .package("../../app/python/sensor")
        .module("../../app/python/main.py")
        .compile_or_exit();
}
