fn main() {
    board_build::memory_x();
    frostbyte_build::Config::new().module("python/main.py").compile_or_exit();
}
