static LINES: &frostbyte::Image = frostbyte::include_python!("py/unsupported.py", lines = "some");
static LINES_TYPE: &frostbyte::Image = frostbyte::include_python!("py/unsupported.py", lines = false);
static DOCSTRINGS: &frostbyte::Image = frostbyte::include_python!("py/unsupported.py", docstrings = "no");
static ASSERTS: &frostbyte::Image = frostbyte::include_python!("py/unsupported.py", asserts = 0);

fn main() {
    let _ = (LINES, LINES_TYPE, DOCSTRINGS, ASSERTS);
}
