// The frozen image of this module is a few hundred bytes: over a 64-byte budget.
static IMAGE: &frostbyte::Image = frostbyte::include_python!("py/small.py", budget = 64);

fn main() {
    let _ = IMAGE;
}
