fn main() {
    board_build::memory_x();
    // The same program as mps2-an386-uart (python/ is a link to its folder).
    frostbyte_build::Config::new().module("python/main.py").compile_or_exit();
}
