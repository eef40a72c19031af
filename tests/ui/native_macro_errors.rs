// Mistakes in `#[frostbyte::function]` / `#[frostbyte::module]` are errors at the item.

#[frostbyte::function]
fn optional_first(a: Option<i32>, b: i32) -> i32 {
    a.unwrap_or(0) + b
}

#[frostbyte::function]
fn generic<T: Copy>(x: i32) -> i32 {
    x
}

#[frostbyte::function(rename = "x")]
fn bad_option(x: i32) -> i32 {
    x
}

fn main() {}
