fn main() {
    board_build::memory_x();
    // The corpus program (tests/corpus/asyncio_app.py, whose expected output is CPython's):
    // python/main.py is a link to it.
    frostbyte_build::Config::new().module("python/main.py").compile_or_exit();
}
