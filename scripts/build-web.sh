#!/usr/bin/env bash
# Builds the web app into dist/ (release, size-optimised) and seals it with a strict CSP.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
# Trunk runs cargo offline (TRUNK_OFFLINE): the crates must be here first.
cargo fetch --locked
trunk build --release
node scripts/csp.mjs dist/index.html
