#!/usr/bin/env bash
# Run every fuzz target for SECONDS (default 60) each, starting from the checked-in corpus
# (fuzz/corpus/<target>, read only: new inputs go to a temporary directory). Fails on the
# first crash, leak-free panic, timeout (10 s per input) or out-of-memory; the reproducer
# is left in fuzz/artifacts/<target>/.
#   bash fuzz/run.sh [SECONDS]
# Needs cargo-fuzz and a nightly toolchain (tests/run-all.sh installs both).
set -euo pipefail
cd "$(dirname "$0")"
SECONDS_EACH=${1:-60}
TARGETS=${FUZZ_TARGETS:-"compile run structured"}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo +nightly fuzz build
for t in $TARGETS; do
    mkdir -p "$work/$t" "artifacts/$t"
    dict=()
    if [ "$t" != structured ]; then dict=(-dict=python.dict); fi
    echo "==> fuzz target $t for ${SECONDS_EACH}s"
    status=0
    cargo +nightly fuzz run "$t" "$work/$t" "corpus/$t" -- \
        -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 -max_len=4096 \
        -print_final_stats=1 -artifact_prefix="artifacts/$t/" "${dict[@]}" >"$work/$t.log" 2>&1 || status=$?
    # libFuzzer's progress lines are left out; its summary and any failure are shown.
    grep -E '^(stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb|==[0-9]+==|SUMMARY|thread .* panicked|Test unit written|Done [0-9]+ runs)' "$work/$t.log" || true
    if [ "$status" -ne 0 ]; then
        tail -n 40 "$work/$t.log" >&2
        echo "fuzz target $t FAILED (exit $status): reproducer in fuzz/artifacts/$t/" >&2
        exit 1
    fi
done
echo "fuzzing: no crash in ${SECONDS_EACH}s per target ($TARGETS)"
