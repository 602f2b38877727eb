#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 60) with cargo fuzz on the
# nightly pinned in scripts/env.sh (the citizen's page is built with it too). What a target finds is
# kept in fuzz/artifacts/; copy an input worth keeping into
# fuzz/regressions/<target>/, and the normal tests check it from then on.
# Usage: scripts/fuzz.sh [SECONDS] [TARGET ...]
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
seconds="${1:-60}"
shift || true
if ! rustup toolchain list | grep "^$NIGHTLY" >/dev/null; then
  rustup toolchain install "$NIGHTLY" --profile minimal
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked
fi
targets=("$@")
if [ "${#targets[@]}" -eq 0 ]; then
  targets=(pin_check person_pins registry_csv workbook_xlsx name_folding candidates pair_bound worker_messages)
fi
for target in "${targets[@]}"; do
  printf '\n== fuzz: %s for %ss\n' "$target" "$seconds" >&2
  # The kept inputs seed the corpus, so the fuzzer starts from known hard cases.
  mkdir -p "fuzz/corpus/$target"
  cp -n fuzz/regressions/"$target"/* "fuzz/corpus/$target/" 2>/dev/null || true
  cargo "+$NIGHTLY" fuzz run "$target" -- -max_total_time="$seconds" -max_len=65536
done
