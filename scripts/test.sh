#!/usr/bin/env bash
# Every test of kgpin: formatting and lints, native unit/doc/property tests,
# WASM tests in headless Chromium, and the app end to end in headless Chromium.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
"$ROOT/scripts/setup.sh"

step() { printf '\n== test: %s\n' "$*" >&2; }

step "format and lints"
cargo fmt --all --check
cargo clippy --workspace --exclude kgpin-web --all-targets --locked -- -D warnings
cargo clippy -p kgpin-web -p kgpin-web-worker -p kgpin-web-xlsx -p kgpin-wasm --all-targets --target wasm32-unknown-unknown --locked -- -D warnings
# The package's two modules, each built alone (scripts/build-package.sh).
for features in checks registry; do
  cargo clippy -p kgpin-wasm --lib --no-default-features --features "$features" --target wasm32-unknown-unknown --locked -- -D warnings
done

step "dependencies: licences, duplicate versions, sources (deny.toml; advisories need GitHub)"
# --offline reads every package of the lock file, for every platform (windows-sys
# too): a build downloads only this platform's, so fetch the rest first (a no-op
# when they are there; a fresh machine failed here without it).
cargo fetch --locked --quiet
cargo deny --offline check licenses bans sources

step "native tests (unit, property, doc)"
cargo test --workspace --exclude kgpin-web --locked
# The app's own logic (reducers, form checks) natively: fast, no browser needed.
cargo test -p kgpin-web --locked

step "WASM API tests in headless Chromium"
cargo test -p kgpin-wasm --target wasm32-unknown-unknown --locked

step "WASM package: build, size budget, TypeScript definitions"
"$ROOT/scripts/build-package.sh"
node_modules/.bin/tsc -p tests/types

step "web app build; package in Node; app and example form end to end in headless Chromium"
"$ROOT/scripts/build-web.sh"
node --test tests/node/ tests/e2e/
