static IMAGE: &frostbyte::Image = frostbyte::include_python!("py/too_deep.py");

fn main() {
    let _ = IMAGE;
}
