fn main() {
    // The same application every firmware example freezes (examples/app).
    frostbyte_build::Config::new().package("../app/python/sensor").module("../app/python/main.py").compile_or_exit();
}
