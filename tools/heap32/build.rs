fn main() {
    // The same application the host example and the firmware examples freeze, and the
    // package of the import-cost target's shape (172 lines, 5 classes, 35 functions; a corpus
    // program, so its behaviour is checked against CPython there).
    frostbyte_build::Config::new()
        .package("../../examples/app/python/sensor")
        .module("../../examples/app/python/main.py")
        .package("../../tests/corpus/import_target/ctl")
        // What asyncio tasks cost (tests/tests/asyncio_module.rs runs it on 64-bit).
        .module("../../tests/fixtures/asyncio/heap.py")
        // What `import array` and a small array cost (tests/tests/stdlib_import_cost.rs on 64-bit).
        .module_as("../../tests/fixtures/array/heap.py", "array_heap")
        // What small dicts cost (tests/tests/heap_census.rs on 64-bit).
        .module_as("../../tests/fixtures/dict/heap.py", "dict_heap")
        .compile_or_exit();
}
