fn main() {
    // The same application the host example and the firmware examples freeze.
    frostbyte_build::Config::new()
        .package("../../examples/app/python/sensor")
        .module("../../examples/app/python/main.py")
        .compile_or_exit();
}
