fn main() {
    frostbyte_build::Config::new().dependencies().module("python/main.py").compile_or_exit();
}
