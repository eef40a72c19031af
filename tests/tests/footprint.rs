//! The flash the budgets are checked against (`frostbyte_compiler::footprint`, computed from
//! the emitter's output before the build) equals the sum of `size_of_val` of the image's
//! statics on this target, for images holding every kind of static the emitter writes
//! (`fixtures/footprint/kinds.py`: floats, complex, big ints, bytes, nested tuples, long and
//! non-ASCII strings, a class frozen whole with property/staticmethod/classmethod, closures),
//! the options fixture and a corpus package. `cli/tests/cli.rs` checks the same figure against
//! `frostbyte size` on a linked ELF.

include!(concat!(env!("OUT_DIR"), "/footprint_checks.rs"));

#[test]
fn model_equals_size_of_val_of_every_static() {
    assert_eq!(FOOTPRINT.len(), 3);
    for (name, exact, model) in FOOTPRINT {
        assert_eq!(*exact as u64, *model, "{name}");
    }
}
