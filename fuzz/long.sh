#!/usr/bin/env bash
# Long fuzzing run: HOURS in total, shared equally by the targets one after the other, each
# growing its own working corpus (fuzz/work/<target>, not checked in) from the checked-in
# one. Crashes, timeouts and out-of-memory inputs do not stop the run: libFuzzer's fork mode
# keeps going and writes every finding to fuzz/artifacts/<target>/.
#   bash fuzz/long.sh HOURS [TARGET...]
# Afterwards: `cargo +nightly fuzz cmin <target> fuzz/work/<target>` and copy new inputs
# worth keeping into fuzz/corpus/<target> (keep the checked-in corpus under 2 MB).
set -euo pipefail
cd "$(dirname "$0")"
HOURS=${1:?usage: long.sh HOURS [TARGET...]}
shift
TARGETS=${*:-"compile run structured"}
n=$(echo $TARGETS | wc -w)
each=$(python3 -c "print(int(float('$HOURS') * 3600 / $n))")
cargo +nightly fuzz build
for t in $TARGETS; do
    mkdir -p "work/$t" "artifacts/$t"
    dict=()
    if [ "$t" != structured ]; then dict=(-dict=python.dict); fi
    echo "==> $t for ${each}s (findings in fuzz/artifacts/$t/)"
    cargo +nightly fuzz run "$t" "work/$t" "corpus/$t" -- \
        -max_total_time="$each" -timeout=10 -rss_limit_mb=2048 -max_len=4096 \
        -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
        -print_final_stats=1 -artifact_prefix="artifacts/$t/" "${dict[@]}" >"work/$t.log" 2>&1 || true
    tail -n 5 "work/$t.log"
    echo "$t: $(find "artifacts/$t" -type f | wc -l) finding(s) in fuzz/artifacts/$t/"
done
