#!/usr/bin/env bash
# Callgrind instruction counts of the bench programs at reduced sizes, through `frostbyte run`
# (which loads the same image model as firmware), for one or more `frostbyte` binaries side by
# side. Each scaled program's output is checked against python3's on the same scaled source.
#   tools/bench-scaled.sh BIN [BIN...]     e.g. tools/bench-scaled.sh /tmp/old target/release/frostbyte
# Prints one row per program: millions of instructions per binary and the ratio last/first.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { echo "usage: $0 BIN [BIN...]" >&2; exit 2; }
command -v valgrind >/dev/null || { echo "valgrind is needed" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# program: sed expressions that shrink its size constants
declare -A SCALE=(
  [bigint_digits]='s/^NDIGITS = .*/NDIGITS = 1500/;s/^BIG_ROUNDS = .*/BIG_ROUNDS = 25/'
  [cipher]='s/^SIZE = .*/SIZE = 2048/'
  [closures]='s/^N = .*/N = 6000/'
  [deltablue]='s/^ROUNDS = .*/ROUNDS = 6/'
  [dictcount]='s/^N = .*/N = 30000/'
  [fannkuch]='s/^N = .*/N = 8/'
  [generators]='s/^NPRIMES = .*/NPRIMES = 200/;s/^PRIME_REPS = .*/PRIME_REPS = 4/;s/^PERM_N = .*/PERM_N = 7/;s/^PIPE_N = .*/PIPE_N = 20000/'
  [genpipe]='s/^N = .*/N = 12000/'
  [mandelbrot]='s/^SIZE = .*/SIZE = 120/'
  [nbody]='s/^STEPS = .*/STEPS = 12000/'
  [nqueens]='s/^N = .*/N = 8/;s/^REPEAT = .*/REPEAT = 6/'
  [pidigits]='s/^DIGITS = .*/DIGITS = 800/'
  [pystone_like]='s/^LOOPS = .*/LOOPS = 20000/'
  [raytrace]='s/^WIDTH = .*/WIDTH = 40/;s/^HEIGHT = .*/HEIGHT = 30/'
  [richards]='s/^COUNT = .*/COUNT = 12/'
  [search]='s/^PERM_N = .*/PERM_N = 7/;s/^SUBSET_TARGETS = .*/SUBSET_TARGETS = 8/'
  [spectral_norm]='s/^N = .*/N = 60/'
  [strbuild]='s/^RECORDS = .*/RECORDS = 4000/'
  [wordcount]='s/^NWORDS = .*/NWORDS = 40000/'
)
one() {
  local name=$1; shift
  local src=$work/$name.py
  sed -e "${SCALE[$name]}" "bench/programs/$name.py" > "$src"
  python3 -S "$src" > "$work/$name.exp"
  local row="$name"
  local first=""
  local last=""
  local i=0
  for bin in "$@"; do
    i=$((i + 1))
    local out=$work/$name.$i.cg
    valgrind --tool=callgrind --callgrind-out-file="$out" "$bin" run --heap 16M "$src" > "$work/$name.$i.out" 2>/dev/null
    if ! cmp -s "$work/$name.$i.out" "$work/$name.exp"; then
      row="$row | WRONG OUTPUT"
      continue
    fi
    local ir
    ir=$(grep -m1 '^summary:' "$out" | awk '{print $2}')
    [ -n "$first" ] || first=$ir
    last=$ir
    row="$row | $(awk -v x="$ir" 'BEGIN{printf "%.0f", x/1e6}')"
  done
  if [ -n "$first" ] && [ "$#" -gt 1 ]; then
    row="$row | $(awk -v a="$first" -v b="$last" 'BEGIN{printf "%.3f", b/a}')"
  fi
  echo "$row"
}
for n in $(printf '%s\n' "${!SCALE[@]}" | sort); do
  one "$n" "$@"
done
