#!/usr/bin/env bash
# Run the VM's unsafe-heavy unit tests under Miri: the heap and collector, tagged values,
# ROM layouts and the GC invariants tested through the VM (vm/src/gc_tests.rs), with Stacked
# Borrows and then Tree Borrows. Installs the nightly toolchain and Miri if missing.
#   bash tools/miri.sh
set -euo pipefail
cd "$(dirname "$0")/.."
rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
rustup component add miri rust-src --toolchain nightly >/dev/null 2>&1 || rustup component add miri rust-src --toolchain nightly
# Filters: heap::, value::, rom:: and gc_tests:: unit tests of frostbyte-vm.
FILTERS=(heap:: value:: rom:: gc_tests::)
export MIRIFLAGS_BASE="${MIRIFLAGS:-}"
for model in stacked tree; do
    flags="$MIRIFLAGS_BASE"
    if [ "$model" = tree ]; then flags="$flags -Zmiri-tree-borrows"; fi
    echo "==> Miri ($model borrows): frostbyte-vm ${FILTERS[*]}"
    for f in "${FILTERS[@]}"; do
        MIRIFLAGS="$flags" cargo +nightly miri test -p frostbyte-vm --lib --quiet -- "$f"
    done
done
