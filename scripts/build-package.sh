#!/usr/bin/env bash
# Builds the npm-style package of kgpin-wasm into crates/kgpin-wasm/pkg/
# (web: ES module; node: CommonJS), optimises it with wasm-opt, and fails
# when the .wasm exceeds its size budget (gzipped).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
BUDGET_GZIP_BYTES=${KGPIN_WASM_BUDGET:-256000}   # 250 KB
CRATE="$ROOT/crates/kgpin-wasm"
OUT="$CRATE/pkg"
WASM="$ROOT/target/wasm32-unknown-unknown/wasm-release/kgpin_wasm.wasm"

cargo build -p kgpin-wasm --lib --profile wasm-release --target wasm32-unknown-unknown --locked
rm -rf "$OUT"
for target in web nodejs; do
  dir="$OUT/${target/nodejs/node}"
  wasm-bindgen --target "$target" --out-dir "$dir" --out-name kgpin "$WASM"
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-reference-types \
    --enable-sign-ext --enable-mutable-globals --enable-multivalue \
    "$dir/kgpin_bg.wasm" -o "$dir/kgpin_bg.wasm"
done
VERSION="$(sed -n 's/^version = "\(.*\)"$/\1/p' "$ROOT/Cargo.toml" | head -1)"
# The web build is an ES module (TypeScript's nodenext resolution needs to be told).
printf '{ "type": "module" }\n' > "$OUT/web/package.json"
printf '{ "type": "commonjs" }\n' > "$OUT/node/package.json"
cat > "$OUT/package.json" <<JSON
{
  "name": "kgpin",
  "version": "$VERSION",
  "description": "Kyrgyz PINs in any web form: checks, explanations and duplicate pre-checks, all in the browser (WebAssembly).",
  "license": "MIT OR Apache-2.0",
  "type": "module",
  "main": "./node/kgpin.js",
  "module": "./web/kgpin.js",
  "types": "./web/kgpin.d.ts",
  "exports": {
    ".": {
      "node": { "types": "./node/kgpin.d.ts", "default": "./node/kgpin.js" },
      "default": { "types": "./web/kgpin.d.ts", "default": "./web/kgpin.js" }
    }
  },
  "files": ["web/", "node/", "README.md"],
  "sideEffects": false
}
JSON
cp "$CRATE/README.md" "$OUT/README.md"

raw=$(stat -c %s "$OUT/web/kgpin_bg.wasm")
gz=$(gzip -9 -c "$OUT/web/kgpin_bg.wasm" | wc -c)
echo "kgpin package: $OUT (kgpin_bg.wasm $raw bytes, $gz bytes gzipped; budget $BUDGET_GZIP_BYTES)" >&2
if [ "$gz" -gt "$BUDGET_GZIP_BYTES" ]; then
  echo "kgpin package: the .wasm is over its size budget" >&2
  exit 1
fi
