#!/usr/bin/env bash
# Builds the web app into dist/ (release, size-optimised) and seals it with a strict CSP.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
trunk build --release
node scripts/csp.mjs dist/index.html
