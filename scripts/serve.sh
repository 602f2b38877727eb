#!/usr/bin/env bash
# Installs what is missing, builds the app and serves it on http://127.0.0.1:${PORT:-8080}/
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$ROOT/scripts/setup.sh"
"$ROOT/scripts/build-web.sh"
exec node "$ROOT/scripts/serve-dist.mjs" "$ROOT/dist" "${PORT:-8080}"
