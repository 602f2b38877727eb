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
# People per registry; 6500000 gives the country's 7.3M records (about 10 min
# and 4 GB more). Profiles: standard, and country (as hard as the country: a
# heavy head of popular names, villages, namesakes born days apart).
PEOPLE=${KGPIN_BENCH_PEOPLE:-"100000 1000000"}
PROFILES=${KGPIN_BENCH_PROFILES:-"standard country"}
OUT="$ROOT/target/bench"
mkdir -p "$OUT"
# --bins too: a target flag alone (--examples) builds only those targets.
cargo build --release -p kgpin-cli --locked --bins --examples
[ -f crates/kgpin-wasm/pkg/web/kgpin_core_bg.wasm ] || "$ROOT/scripts/build-package.sh"
KGPIN="$ROOT/target/release/kgpin"
for profile in $PROFILES; do
  for n in $PEOPLE; do
    name="$n"
    [ "$profile" = standard ] || name="$profile-$n"
    data="$OUT/synth-$name.csv"
    [ -f "$data" ] || "$KGPIN" synth --people "$n" --seed 1 --profile "$profile" --out "$data" --truth "$OUT/truth-$name.csv"
    echo "== native: kgpin dedupe, $profile profile, $n people ($(($(wc -l < "$data") - 1)) records)"
    /usr/bin/time -f "wall %e s, peak memory %M KB" "$KGPIN" dedupe "$data" --clusters "$OUT/clusters-$name.csv" \
      --pairs "$OUT/pairs-$name.csv" 2>&1 | grep -E "time|wall|rows read|pairs compared|threshold|possible"
    # The floor under the read stage: the csv crate alone on the same file.
    "$ROOT/target/release/examples/csv_floor" "$data"
    # Precision, recall, F1 (and with the review band joined); recall by kind
    # of duplicate; hard negatives merged.
    "$KGPIN" eval --truth "$OUT/truth-$name.csv" --clusters "$OUT/clusters-$name.csv" --pairs "$OUT/pairs-$name.csv"
  done
done
first=$(echo "$PEOPLE" | awk '{print $1}')
# The native CLI on one thread, as the browser runs the package: issue 18
# asks the package for at most 1.5x of it.
start=$(date +%s.%N)
RAYON_NUM_THREADS=1 "$KGPIN" dedupe "$OUT/synth-$first.csv" --clusters "$OUT/clusters-native.csv" 2>/dev/null
native=$(echo "$(date +%s.%N) - $start" | bc)
echo "== browser (headless Chromium, WASM, one thread)"
node scripts/bench-wasm.mjs "$OUT/synth-$first.csv" "$native"
echo "== browser: the clerk workstation (worker time, longest frame gap, tab memory, review and pre-check latency)"
[ -f dist/index.html ] || "$ROOT/scripts/build-web.sh"
for n in $PEOPLE; do
  node scripts/bench-clerk.mjs "$OUT/synth-$n.csv"
done
