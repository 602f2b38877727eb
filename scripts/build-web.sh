#!/usr/bin/env bash
# Builds the web app into dist/ (release, size-optimised) and seals it with a strict CSP.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
# Trunk runs cargo offline (TRUNK_OFFLINE): the crates must be here first.
cargo fetch --locked
trunk build --release
node scripts/csp.mjs dist/index.html
# Page + worker .wasm under 420 KB gzipped in all (counted as 420,000 bytes,
# the stricter reading); the build fails above it, as the package's does.
# Was 400 KB: the citizen's form checks and the "check your date first" answer
# (issue 14) cost about 10 KB, the typed page-worker protocol 1.4 KB (page) +
# 3.6 KB (worker), the flow split into steps with addresses 5.8 KB; splitting the clerk's code out of the citizen's page
# (issue 18) is where that is won back.
BUDGET_GZIP_BYTES=420000
total=0
for wasm in dist/*.wasm; do
  gz=$(gzip -9 -c "$wasm" | wc -c)
  echo "kgpin app: $(basename "$wasm") $gz bytes gzipped" >&2
  total=$((total + gz))
done
echo "kgpin app: $total bytes gzipped in all; budget $BUDGET_GZIP_BYTES" >&2
if [ "$total" -gt "$BUDGET_GZIP_BYTES" ]; then
  echo "kgpin app: the .wasm files are over their size budget" >&2
  exit 1
fi
