// The VM's internals are not part of the API.
fn main() {
    let _ = frostbyte::obj::str::as_str;
    let _ = frostbyte::Value::NONE;
    let _ = frostbyte::runtime::len;
    let _ = frostbyte::heap::BLOCK;
}
