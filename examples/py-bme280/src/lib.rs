//! The Rust half of the BME280 driver crate: the sensor's compensation arithmetic (Bosch's
//! datasheet, integer version) as the native module `_bme280`, which the Python half
//! (`python/bme280`, declared in Cargo.toml's `[package.metadata.frostbyte]`) imports.
//!
//! An application freezes the Python half with `Config::new().dependencies()` in its build.rs
//! and registers this half with `vm.add_module(&frostbyte_example_bme280::native::MODULE)`.
#![no_std]

/// The native module `_bme280`.
#[frostbyte::module(name = "_bme280")]
pub mod native {
    /// The datasheet's `t_fine` (a fine temperature shared by the other compensations) from
    /// the raw 20-bit temperature reading and the three temperature calibration words.
    #[frostbyte::function]
    pub fn t_fine(adc_t: i32, t1: i32, t2: i32, t3: i32) -> i32 {
        let var1 = (((adc_t >> 3) - (t1 << 1)) * t2) >> 11;
        let d = (adc_t >> 4) - t1;
        let var2 = (((d * d) >> 12) * t3) >> 14;
        var1 + var2
    }
}
