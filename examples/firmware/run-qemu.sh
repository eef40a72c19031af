#!/usr/bin/env bash
# Run the frozen example application (examples/app) on four emulated boards and on the host,
# and check that all five outputs are identical and equal to CPython's
# (examples/app/expected_output.txt). Prints each board's footprint: the `[footprint]` lines
# the firmware writes on semihosting stderr, and `frostbyte size` for each ELF.
# A board folder with its own python/ and expected_output.txt (mps2-an386-uart and
# riscv-virt-uart: Python drives the UART and a timer through native modules, its output read
# from QEMU's serial console; <board>-asyncio: an asyncio application of three tasks, the
# corpus program tests/corpus/asyncio_app.py, on each board's hardware timer; mps2-an386-irq:
# a timer interrupt wakes an asyncio task through a ThreadSafeFlag) runs its own program and
# is checked against its own expected output.
#
#   bash examples/firmware/run-qemu.sh            # all boards
#   bash examples/firmware/run-qemu.sh microbit   # some boards (the host run always happens)
#
# Installs QEMU (Debian bookworm-backports) and the Rust targets when missing. Exits non-zero
# when a build or a run fails, or when any output differs. RUN_TIMEOUT (seconds, default 300)
# bounds each QEMU run. Outputs are kept in $FIRMWARE_OUT (default target/firmware-runs).
# The ELFs are found from cargo's own report (`--message-format=json-render-diagnostics`),
# wherever CARGO_TARGET_DIR puts them.
set -uo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
FW=$ROOT/examples/firmware
APP=$ROOT/examples/app
OUT=${FIRMWARE_OUT:-$ROOT/target/firmware-runs}
RUN_TIMEOUT=${RUN_TIMEOUT:-300}
mkdir -p "$OUT"

# board  rust target  QEMU binary
BOARDS_ALL="microbit:thumbv6m-none-eabi:qemu-system-arm
microbit-asyncio:thumbv6m-none-eabi:qemu-system-arm
mps2-an385:thumbv7m-none-eabi:qemu-system-arm
mps2-an385-asyncio:thumbv7m-none-eabi:qemu-system-arm
mps2-an386:thumbv7em-none-eabihf:qemu-system-arm
mps2-an386-uart:thumbv7em-none-eabihf:qemu-system-arm
mps2-an386-asyncio:thumbv7em-none-eabihf:qemu-system-arm
mps2-an386-irq:thumbv7em-none-eabihf:qemu-system-arm
riscv-virt:riscv32imc-unknown-none-elf:qemu-system-riscv32
riscv-virt-uart:riscv32imc-unknown-none-elf:qemu-system-riscv32
riscv-virt-asyncio:riscv32imc-unknown-none-elf:qemu-system-riscv32"
if [ $# -gt 0 ]; then
    BOARDS=$(for b in "$@"; do grep "^$b:" <<<"$BOARDS_ALL" || { echo "unknown board $b" >&2; exit 2; }; done) || exit 2
else
    BOARDS=$BOARDS_ALL
fi

say() { printf '\n--- %s\n' "$*"; }
# The executable a `cargo build --message-format=json-render-diagnostics` reported (its
# JSON on stdin): the last artifact with an "executable".
executable() { grep -o '"executable":"[^"]*"' | tail -1 | sed 's/^"executable":"//; s/"$//'; }
START=$SECONDS

# --- QEMU ------------------------------------------------------------------------------------
if ! command -v qemu-system-arm >/dev/null || ! command -v qemu-system-riscv32 >/dev/null; then
    say "installing QEMU (qemu-system-arm, qemu-system-misc from bookworm-backports)"
    SUDO=; [ "$(id -u)" -ne 0 ] && SUDO=sudo
    # qemu-utils comes from bookworm-backports: a plain `apt-get install` cannot resolve it.
    APTSRC=$(mktemp -d)
    cp /etc/apt/sources.list.d/debian.sources "$APTSRC/" 2>/dev/null || true
    printf 'Types: deb\nURIs: http://deb.debian.org/debian\nSuites: bookworm-backports\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
        > "$APTSRC/backports.sources"
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get -qq -o Dir::Etc::SourceParts="$APTSRC" update >/dev/null &&
    $SUDO apt-get -qq -o Dir::Etc::SourceParts="$APTSRC" install -y --no-install-recommends \
        -t bookworm-backports qemu-system-arm qemu-system-misc >/dev/null ||
        { echo "run-qemu: could not install QEMU" >&2; exit 1; }
    rm -rf "$APTSRC"
fi
qemu-system-arm --version | head -1

# --- Rust targets and host tools ---------------------------------------------------------------
TARGETS=$(cut -d: -f2 <<<"$BOARDS" | tr '\n' ' ')
rustup target add $TARGETS >/dev/null 2>&1 || rustup target add $TARGETS || exit 1

say "building the frostbyte command (for the size reports)"
FROSTBYTE=$(cargo build -q --release -p frostbyte-cli --message-format=json-render-diagnostics | executable)
[ -x "$FROSTBYTE" ] || { echo "run-qemu: no frostbyte executable" >&2; exit 1; }

FAILED=()
declare -A STATUS

# --- host ----------------------------------------------------------------------------------------
say "host: cargo run -p frostbyte-example-sensor"
if cargo run -q -p frostbyte-example-sensor >"$OUT/host.out" 2>"$OUT/host.err"; then
    STATUS[host]=ran
else
    STATUS[host]="exit $?"
    FAILED+=(host)
    tail -5 "$OUT/host.err"
fi

# --- boards --------------------------------------------------------------------------------------
while IFS=: read -r board target qemu; do
    [ -n "$board" ] || continue
    dir=$FW/$board
    # The board's own program, if it has one, else examples/app.
    py=$APP/python
    [ -d "$dir/python" ] && py=$dir/python
    say "$board ($target): cargo build --release"
    elf=$(cd "$dir" && cargo build -q --release --message-format=json-render-diagnostics 2>"$OUT/$board.build" | executable)
    if [ -z "$elf" ] || [ ! -f "$elf" ]; then
        STATUS[$board]="build failed"
        FAILED+=("$board")
        grep -E "^error|overflowed|will not fit" "$OUT/$board.build" | head -6
        if grep -q "will not fit in region 'FLASH'" "$OUT/$board.build"; then
            # Link once more with an oversized FLASH region, only so that the size report can
            # say where the bytes go. The real board cannot hold (or QEMU load) this image.
            echo "$board: the image does not fit the board's flash; size report of an oversized link follows"
            elf=$(cd "$dir" && FIRMWARE_FLASH=4M cargo build -q --release --message-format=json-render-diagnostics 2>>"$OUT/$board.build" | executable)
            if [ -n "$elf" ]; then
                "$FROSTBYTE" size "$elf" --python "$py" | tee "$OUT/$board.size"
            fi
        fi
        continue
    fi
    # The runner line of the board's .cargo/config.toml: the QEMU command for this machine.
    runner=$(sed -n 's/^runner *= *"\(.*\)"/\1/p' "$dir/.cargo/config.toml")
    [ "${runner%% *}" = "$qemu" ] || echo "warning: $board runner is not $qemu: $runner"
    say "$board: $runner <elf>"
    t0=$SECONDS
    # stdout: the application's output (semihosting stdout, or the serial console for a board
    # whose Python writes the UART); stderr: [footprint] lines (semihosting stderr) and QEMU's
    # own messages.
    timeout "$RUN_TIMEOUT" $runner "$elf" </dev/null >"$OUT/$board.out" 2>"$OUT/$board.err"
    rc=$?
    if [ $rc -eq 0 ]; then
        STATUS[$board]="ran in $((SECONDS - t0)) s"
    elif [ $rc -eq 124 ]; then
        STATUS[$board]="timed out after $RUN_TIMEOUT s"
        FAILED+=("$board")
    else
        STATUS[$board]="exit $rc"
        FAILED+=("$board")
    fi
    grep -v '^\[footprint\]' "$OUT/$board.err" | head -5
    if [ -f "$dir/expected_output.txt" ]; then
        grep '^\[footprint\]' "$OUT/$board.err"
    else
        grep '^\[footprint\]' "$OUT/$board.err" || echo "$board: no [footprint] line"
    fi
    "$FROSTBYTE" size "$elf" --python "$py" | tee "$OUT/$board.size"
done <<<"$BOARDS"

# --- compare -------------------------------------------------------------------------------------
say "outputs (each against examples/app/expected_output.txt or the board's own, CPython's)"
DIFFER=0
for run in host $(cut -d: -f1 <<<"$BOARDS"); do
    f=$OUT/$run.out
    expected=$APP/expected_output.txt
    [ -f "$FW/$run/expected_output.txt" ] && expected=$FW/$run/expected_output.txt
    if [ ! -f "$f" ] || [[ "${STATUS[$run]:-}" == "build failed" ]]; then
        printf '  %-20s %-34s no output\n' "$run" "${STATUS[$run]:-not run}"
        DIFFER=1
        continue
    fi
    if cmp -s "$f" "$expected"; then
        printf '  %-20s %-34s output identical (%s lines)\n' "$run" "${STATUS[$run]}" "$(wc -l <"$f")"
    else
        printf '  %-20s %-34s OUTPUT DIFFERS:\n' "$run" "${STATUS[$run]}"
        diff "$expected" "$f" | head -8 | sed 's/^/      /'
        DIFFER=1
    fi
done
# Identical to the expected output means identical to each other; say so when they are not.
if [ -f "$OUT/host.out" ]; then
    for run in $(cut -d: -f1 <<<"$BOARDS"); do
        [ -f "$FW/$run/expected_output.txt" ] && continue
        if [ -f "$OUT/$run.out" ] && ! cmp -s "$OUT/host.out" "$OUT/$run.out"; then
            echo "  $run output differs from the host output"
        fi
    done
fi

say "run-qemu: $((SECONDS - START)) s"
if [ ${#FAILED[@]} -gt 0 ] || [ $DIFFER -ne 0 ]; then
    [ ${#FAILED[@]} -gt 0 ] && echo "FAILED runs: ${FAILED[*]}"
    [ $DIFFER -ne 0 ] && echo "FAILED: some outputs differ from CPython's or are missing"
    exit 1
fi
echo "all $(( $(wc -w <<<"$(cut -d: -f1 <<<"$BOARDS")") + 1 )) runs (host and boards) produced CPython's output"
