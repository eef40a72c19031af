static IMAGE: &frostbyte::Image = frostbyte::include_python!("py/syntax_errors.py");

fn main() {
    let _ = IMAGE;
}
