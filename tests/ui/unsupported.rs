static IMAGE: &frostbyte::Image = frostbyte::include_python!("py/unsupported.py");

fn main() {
    let _ = IMAGE;
}
