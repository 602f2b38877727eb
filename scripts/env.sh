# Sourced by the other scripts: where the project's tools live.
# Cargo-installed tools (trunk, wasm-bindgen) and npm-installed ones (wasm-opt).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"
# Trunk must never try to download a tool or check for updates: everything comes from registries.
export TRUNK_OFFLINE=true
export TRUNK_SKIP_VERSION_CHECK=true
TRUNK_VERSION=0.21.14
# The dependency tree's licences, bans and sources (deny.toml).
CARGO_DENY_VERSION=0.20.2
# The wasm-bindgen CLI must match the library version pinned in Cargo.toml exactly.
WASM_BINDGEN_VERSION="$(sed -n 's/^wasm-bindgen = "=\(.*\)"$/\1/p' "$ROOT/Cargo.toml")"
CHROMIUM=/usr/bin/chromium
# The citizen's page and the package are built with a pinned nightly that
# rebuilds the standard library without its panic messages and formatting
# (build-web.sh: 20 KB of the 140 KB every phone downloads; build-package.sh:
# 11 KB). Pinned by date: the flags it takes are unstable, and a newer
# nightly may rename them.
NIGHTLY=nightly-2026-05-19
