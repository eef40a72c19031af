fn main() {
    board_build::memory_x();
    // Imports the native `irq` module (src/main.rs): CPython cannot run it, so the expected
    // output (expected_output.txt) is written by hand from what the program prints.
    frostbyte_build::Config::new().module("python/main.py").compile_or_exit();
}
