#!/usr/bin/env bash
# Instruction counts of the benchmark programs (bench/programs) under callgrind: the stable
# figure for bench/README.md (wall times move with the machine's load; these do not).
#   bash tools/bench-callgrind.sh [--profile] [NAME...]
# Builds frostbyte-bench in release (honours CARGO_TARGET_DIR), runs
# `frostbyte-bench --run NAME` (one frozen run, output checked against NAME.py.exp) under
# `valgrind --tool=callgrind` for each program (all of them, or the NAMEs), and prints the
# total instructions (Ir). The callgrind files are kept in ${BENCH_CALLGRIND_DIR:-/tmp/bench-callgrind}.
# --profile also prints, per program, the top functions by inclusive cost other than the
# interpreter loop and the call/run machinery around it ("where the time goes").
# Not part of tests/run-all.sh: it takes minutes (callgrind runs programs ~50x slower).
set -euo pipefail
cd "$(dirname "$0")/.."

profile=0
if [ "${1:-}" = "--profile" ]; then
    profile=1
    shift
fi
target="${CARGO_TARGET_DIR:-target}"
outdir="${BENCH_CALLGRIND_DIR:-/tmp/bench-callgrind}"
mkdir -p "$outdir"
cargo build --release -p frostbyte-bench --bin frostbyte-bench --quiet
bin="$target/release/frostbyte-bench"
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
    mapfile -t names < <("$bin" --list)
fi

# Functions that only frame the work (process start, the benchmark's own code, the
# interpreter loop and its recursive entries, module import): skipped when naming where the
# time goes. What is left is inclusive cost, so a handler's callees count in it too.
frame='^(main|[(]below main[)]|0x[0-9a-f]+|std::.*|core::ops::function::.*|__libc_start.*|_start|_dl_.*|dl_main|frostbyte_bench::.*|frostbyte_vm::interp::run|frostbyte_vm::interp::exec|frostbyte_vm::import::.*|frostbyte_vm::vm::Vm::run_main|.*'"'"'[0-9]+)$'

status=0
printf '%-14s %16s  %s\n' program instructions output
for name in "${names[@]}"; do
    out="$outdir/$name.out"
    if valgrind --tool=callgrind --callgrind-out-file="$out" "$bin" --run "$name" >"$outdir/$name.stdout" 2>"$outdir/$name.log"; then
        result=ok
    else
        result=MISMATCH
        status=1
    fi
    ir=$(sed -n 's/^summary: *\([0-9]*\).*/\1/p' "$out" | head -1)
    printf '%-14s %16s  %s\n' "$name" "$(printf "%'d" "$ir" 2>/dev/null || echo "$ir")" "$result"
    if [ "$profile" = 1 ]; then
        callgrind_annotate --inclusive=yes --threshold=100 "$out" 2>/dev/null |
            sed -n 's/^ *\([0-9,]*\) ([^)]*) *[^:]*:\(.*\) \[.*$/\1 \2/p' |
            awk -v total="$ir" -v frame="$frame" '
                { ir = $1; gsub(",", "", ir); fn = $0; sub(/^[^ ]* /, "", fn)
                  if (fn ~ frame || seen[fn]++) next
                  sub(/^frostbyte_vm::/, "", fn)
                  printf "    %5.1f%%  %s\n", 100 * ir / total, fn
                  if (++n == 3) exit }' || true
    fi
done
exit $status
