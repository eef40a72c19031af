static IMAGE: &frostbyte::rom::Image = frostbyte::include_python!("py/unsupported.py", colour = "red");

fn main() {
    let _ = IMAGE;
}
