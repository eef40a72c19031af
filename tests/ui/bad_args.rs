static IMAGE: &frostbyte::Image = frostbyte::include_python!("py/unsupported.py", colour = "red");

fn main() {
    let _ = IMAGE;
}
