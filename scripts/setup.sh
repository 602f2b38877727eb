#!/usr/bin/env bash
# Installs what kgpin's build, app and tests need, only from package registries
# (rustup, crates.io, Debian, npm), and skips whatever is already present.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

say() { printf '\n== setup: %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rustup target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
for component in clippy rustfmt; do
  if ! rustup component list --installed | grep -q "^$component"; then
    rustup component add "$component"
  fi
done

# The citizen's page rebuilds the standard library (build-web.sh): a pinned
# nightly and the library's sources, a minimal profile (about 15 s to install).
# (grep reads the whole list: -q would close the pipe early, and pipefail would count rustup's error.)
if ! rustup component list --toolchain "$NIGHTLY" --installed 2>/dev/null | grep '^rust-src' >/dev/null; then
  say "rustup toolchain $NIGHTLY with rust-src (the citizen's page)"
  rustup toolchain install "$NIGHTLY" --profile minimal --component rust-src
fi

if [ ! -x "$CHROMIUM" ] || ! command -v chromedriver >/dev/null; then
  say "Debian chromium + chromium-driver"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# Release builds of the tools without LTO and with parallel codegen: about 2 minutes faster, same tools.
fast_install() {
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 cargo install "$@"
}
if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "trunk $TRUNK_VERSION (cargo install, a few minutes)"
  fast_install --locked trunk --version "$TRUNK_VERSION" --no-default-features --force
fi
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ] \
  || ! command -v wasm-bindgen-test-runner >/dev/null; then
  say "wasm-bindgen-cli $WASM_BINDGEN_VERSION (cargo install, a few minutes)"
  # Not --locked: its lockfile pins a crate version the registry no longer serves.
  fast_install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if [ "$(cargo deny --version 2>/dev/null)" != "cargo-deny $CARGO_DENY_VERSION" ]; then
  say "cargo-deny $CARGO_DENY_VERSION (cargo install, a few minutes)"
  fast_install --locked cargo-deny --version "$CARGO_DENY_VERSION" --force
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] \
  || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm ci (binaryen's wasm-opt, playwright-core; no browser download)"
  npm ci --no-audit --no-fund
fi
if [ ! -x tests/bundlers/node_modules/.bin/vite ] || [ ! -x tests/bundlers/node_modules/.bin/webpack ] \
  || [ tests/bundlers/package-lock.json -nt tests/bundlers/node_modules/.package-lock.json ]; then
  say "npm ci in tests/bundlers (Vite, webpack, esbuild: the bundlers integrators build the package with)"
  npm ci --prefix tests/bundlers --no-audit --no-fund
fi
