//! The same report natively (`cargo run --release`: 64-bit figures on a 64-bit host).
fn main() {
    print!("{}", frostbyte_heap32::report_text());
}
