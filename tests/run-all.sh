#!/usr/bin/env bash
# The one test command (README): installs what the tests need, then runs every test.
#   bash tests/run-all.sh
# Steps: cross targets -> expected outputs still CPython's -> clippy -> cargo package of the
# publishable crates and MSRV (tools/package-check.sh) -> workspace tests (unit, corpus
# frozen + CLI, limits, multi-image, generated source, trybuild) -> differential testing against
# CPython (tools/difftest, a fixed batch of generated programs) -> the corpus again in GC
# stress mode -> Miri on the VM's heap/value/GC tests (tools/miri.sh) -> each fuzz target for
# 60 s (fuzz/run.sh; installs nightly and cargo-fuzz if missing) -> the VM cross-built for every
# embedded target -> the VM's feature sets (each optional part alone, none, the boards' sets)
# -> the RP2040 example (built) -> the firmware examples under QEMU
# (examples/firmware/run-qemu.sh: installs QEMU if missing).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

TARGETS="thumbv6m-none-eabi thumbv7m-none-eabi thumbv7em-none-eabihf riscv32imc-unknown-none-elf wasm32-unknown-unknown"

step "installing Rust targets"
rustup target add $TARGETS >/dev/null 2>&1 || rustup target add $TARGETS
rustup component add clippy >/dev/null 2>&1 || rustup component add clippy
rustup component add rustfmt >/dev/null 2>&1 || rustup component add rustfmt

step "expected outputs are CPython's (python3 $(python3 -c 'import sys; print(sys.version.split()[0])'))"
python3 tests/regen.py --check

step "rustfmt (rustfmt.toml: 120 columns; the generated asyncio image is skipped)"
cargo fmt --check

step "clippy (the workspace denies undocumented unsafe blocks and unsafe ops in unsafe fns)"
cargo clippy --workspace --all-targets --quiet

# Every publishable crate packages (README and licence files included), in dependency order,
# and rust-version (the MSRV) is the same everywhere and not above the installed toolchain.
step "publishable crates: MSRV, metadata, cargo package (tools/package-check.sh)"
bash tools/package-check.sh

step "workspace tests"
cargo test --workspace --no-fail-fast

# 300 generated programs (seed "ci", about 25 s on 2 cores) must print exactly what CPython
# prints; a divergence is reproduced and minimised with
#   python3 tools/difftest/run.py --seed ci --count 1 --start I   (tools/difftest/README.md).
step "differential testing against CPython (tools/difftest, 300 generated programs)"
cargo build -p frostbyte-cli --quiet
python3 tools/difftest/run.py --seed ci --count 300 --jobs 2 --no-minimize

step "corpus in GC stress mode (collect before every allocation)"
cargo test -p frostbyte-tests --features gc-stress --test corpus_frozen --test limits
cargo test -p frostbyte-cli --features gc-stress --test corpus

step "Miri: the VM's heap, value and GC unit tests (Stacked and Tree Borrows)"
bash tools/miri.sh

step "fuzzing: compile, run and structured targets, 60 s each from the checked-in corpus"
rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
    cargo install cargo-fuzz --locked
fi
bash fuzz/run.sh 60

step "VM cross builds (no_std, no alloc)"
for t in thumbv6m-none-eabi thumbv7em-none-eabihf riscv32imc-unknown-none-elf wasm32-unknown-unknown; do
    cargo build -p frostbyte-vm --release --target "$t"
    echo "built frostbyte-vm for $t"
done

# The VM's optional parts (vm/Cargo.toml: math, slot-wrappers, codecs, unicode-tables,
# error-messages) are on by default; a firmware turns them off and picks. Every part alone
# and none at all must build, as must the sets the small boards use (mps2-an385: only
# error-messages; micro:bit: none), so a combination that does not compile is caught here
# and not on someone's board.
step "VM feature sets (each optional part alone, none, the firmware boards' sets)"
VM_FEATURES=$(sed -n 's/^default = \[\(.*\)\]/\1/p' vm/Cargo.toml | tr -d '"' | tr ',' ' ')
for f in "" $VM_FEATURES; do
    cargo check -p frostbyte --quiet --no-default-features ${f:+--features "$f"}
    echo "frostbyte builds with VM features: ${f:-none}"
done
cargo build -p frostbyte --release --quiet --target thumbv6m-none-eabi --no-default-features
cargo build -p frostbyte --release --quiet --target thumbv7m-none-eabi --no-default-features --features error-messages
echo "built the micro:bit and mps2-an385 feature sets"

# A real board, built only (it cannot run here): Python blinks the Pico's LED through an
# embedded-hal pin exposed as a native class (examples/rp-pico/README.md says how to flash it).
step "real-board example: examples/rp-pico (RP2040, thumbv6m-none-eabi) builds"
(cd examples/rp-pico && cargo build --release --quiet)
# The link fails if the image outgrows the 2 MiB flash (memory.x); the size, for the log:
"${CARGO_TARGET_DIR:-target}/debug/frostbyte" size "${CARGO_TARGET_DIR:-examples/rp-pico/target}/thumbv6m-none-eabi/release/frostbyte-rp-pico" | sed -n 1,2p

# Firmware: examples/app frozen by build.rs into bare-metal binaries, run under QEMU, output
# compared with the host run and with CPython's. The two small boards (microbit,
# mps2-an385) build the VM without most optional parts (vm/STATUS.md, "Flash").
# mps2-an386-uart and riscv-virt-uart run their own program (Python writes the UART through a
# native module); its expected output is CPython's run of the same file over stand-ins for the
# native modules. The <board>-asyncio boards run tests/corpus/asyncio_app.py (three asyncio
# tasks) on the four boards' hardware timers; mps2-an386-irq wakes an asyncio task from a
# timer interrupt through a ThreadSafeFlag. FIRMWARE_BOARDS="..." runs a subset.
FIRMWARE_BOARDS=${FIRMWARE_BOARDS:-"microbit microbit-asyncio mps2-an385 mps2-an385-asyncio mps2-an386 mps2-an386-uart mps2-an386-asyncio mps2-an386-irq riscv-virt riscv-virt-uart riscv-virt-asyncio"}
(cd examples/firmware/mps2-an386-uart && PYTHONPATH=cpython python3 python/main.py | cmp - expected_output.txt)
step "firmware under QEMU ($FIRMWARE_BOARDS) and the host: outputs identical to CPython's"
bash examples/firmware/run-qemu.sh $FIRMWARE_BOARDS

step "all tests passed"
