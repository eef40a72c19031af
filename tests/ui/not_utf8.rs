static IMAGE: &frostbyte::Image = frostbyte::include_python!("py/not_utf8.py");

fn main() {
    let _ = IMAGE;
}
