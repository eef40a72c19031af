static IMAGE: &frostbyte::Image = frostbyte::include_python!("py/missing.py");

fn main() {
    let _ = IMAGE;
}
