#!/usr/bin/env bash
# Whether this checkout's `kgpin dedupe` writes the same clusters, pairs,
# diagnostics and report as an earlier commit's, on synthetic registries of
# both profiles: what a change made only for speed or memory must hold.
# The earlier commit is built in a git worktree of its own (under target/).
# Usage: scripts/same-output.sh BASE_COMMIT [PEOPLE]   (PEOPLE: 890000, ~1M records)
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
base="${1:?usage: scripts/same-output.sh BASE_COMMIT [PEOPLE]}"
people="${2:-890000}"
work="$ROOT/target/same-output"
mkdir -p "$work"

cargo build --release -p kgpin-cli
new="$ROOT/target/release/kgpin"
rm -rf "$work/base"
git worktree prune
git worktree add --detach "$work/base" "$base" >/dev/null
trap 'git worktree remove --force "$work/base" 2>/dev/null || true' EXIT
(cd "$work/base" && CARGO_TARGET_DIR="$work/target" cargo build --release -p kgpin-cli)
old="$work/target/release/kgpin"

status=0
for profile in standard country; do
  data="$work/synth-$profile-$people.csv"
  [ -f "$data" ] || "$new" synth --people "$people" --seed 7 --profile "$profile" --out "$data" >/dev/null
  for side in new old; do
    bin=$new
    [ "$side" = old ] && bin=$old
    # A fixed today, and the report without its timings: the rest must match.
    "$bin" dedupe "$data" --today 2026-12-02 --clusters "$work/$side.clusters.csv" \
      --pairs "$work/$side.pairs.csv" --diagnostics "$work/$side.diagnostics.csv" 2>&1 \
      | grep -v '^  time ' >"$work/$side.report.txt"
  done
  for part in clusters.csv pairs.csv diagnostics.csv report.txt; do
    if cmp -s "$work/new.$part" "$work/old.$part"; then
      echo "same-output: $profile, $people people: $part the same as $base's"
    else
      echo "same-output: $profile, $people people: $part DIFFERS from $base's" >&2
      diff "$work/old.$part" "$work/new.$part" | head -5 >&2 || true
      status=1
    fi
  done
done
exit $status
