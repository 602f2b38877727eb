#!/usr/bin/env bash
# Scripted benchmarks (figures for the README and the issues' budgets):
#  - native: `kgpin dedupe` of synthetic registries (default 100k and 1M people),
#  - browser: checkPin calls per second, and Registry.fromCsv + dedupe of the
#    same 100k file in headless Chromium, against the native time.
# Criterion micro-benchmarks are separate: cargo bench -p kgpin --features parallel
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
"$ROOT/scripts/setup.sh"
PEOPLE=${KGPIN_BENCH_PEOPLE:-"100000 1000000"}
OUT="$ROOT/target/bench"
mkdir -p "$OUT"
cargo build --release -p kgpin-cli --locked
[ -f crates/kgpin-wasm/pkg/web/kgpin_core_bg.wasm ] || "$ROOT/scripts/build-package.sh"
KGPIN="$ROOT/target/release/kgpin"
for n in $PEOPLE; do
  data="$OUT/synth-$n.csv"
  [ -f "$data" ] || "$KGPIN" synth --people "$n" --seed 1 --out "$data" --truth "$OUT/truth-$n.csv"
  echo "== native: kgpin dedupe, $n people ($(($(wc -l < "$data") - 1)) records)"
  /usr/bin/time -f "wall %e s, peak memory %M KB" "$KGPIN" dedupe "$data" --clusters "$OUT/clusters-$n.csv" 2>&1 \
    | grep -E "time|wall|rows read|pairs compared"
  "$KGPIN" eval --truth "$OUT/truth-$n.csv" --clusters "$OUT/clusters-$n.csv" | head -1
done
first=$(echo "$PEOPLE" | awk '{print $1}')
start=$(date +%s.%N)
"$KGPIN" dedupe "$OUT/synth-$first.csv" --clusters "$OUT/clusters-native.csv" 2>/dev/null
native=$(echo "$(date +%s.%N) - $start" | bc)
echo "== browser (headless Chromium, WASM, one thread)"
node scripts/bench-wasm.mjs "$OUT/synth-$first.csv" "$native"
echo "== browser: the clerk workstation (worker time, longest frame gap, tab memory, review and pre-check latency)"
[ -f dist/index.html ] || "$ROOT/scripts/build-web.sh"
for n in $PEOPLE; do
  node scripts/bench-clerk.mjs "$OUT/synth-$n.csv"
done
