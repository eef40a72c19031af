#!/usr/bin/env bash
# Run the VM's unsafe-heavy unit tests under Miri: the heap and collector, tagged values,
# ROM layouts and the GC invariants tested through the VM (vm/src/gc_tests.rs), with Stacked
# Borrows and then Tree Borrows. Installs the nightly toolchain and Miri if missing.
#   bash tools/miri.sh
set -euo pipefail
cd "$(dirname "$0")/.."
rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
rustup component add miri rust-src --toolchain nightly >/dev/null 2>&1 || rustup component add miri rust-src --toolchain nightly
# The heap::, value:: and gc_tests:: unit tests of frostbyte-vm (gc_tests also reads ROM
# objects and the trailing data of heap objects).
FILTERS=(heap:: value:: gc_tests::)
base="${MIRIFLAGS:-}"
# Known Stacked Borrows violation, accepted by Tree Borrows: a heap class's extension
# pointer is read through a `&Type` (see gc_tests::heap_class_extension_buffer).
echo "==> Miri (Stacked Borrows): frostbyte-vm ${FILTERS[*]}"
MIRIFLAGS="$base" cargo +nightly miri test -p frostbyte-vm --lib -- "${FILTERS[@]}" --skip heap_class_extension_buffer
echo "==> Miri (Tree Borrows): frostbyte-vm ${FILTERS[*]}"
MIRIFLAGS="$base -Zmiri-tree-borrows" cargo +nightly miri test -p frostbyte-vm --lib -- "${FILTERS[@]}"
