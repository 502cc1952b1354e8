#!/usr/bin/env bash
# Builds the release app (trunk build --release) and prints what a browser downloads:
# each .wasm, .js and .css file in dist/, raw and gzip -9, and their total.
# `--no-build` reports on the dist/ already there.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
cd "$ROOT"

if [ "${1:-}" != "--no-build" ]; then
  ensure_build_tools >&2
  cargo fetch --locked >&2
  trunk build --release --offline >&2
fi

shopt -s nullglob
files=(dist/*.wasm dist/*.js dist/*.css)
if [ ${#files[@]} -eq 0 ]; then
  echo "nothing to report: dist/ has no .wasm, .js or .css" >&2
  exit 1
fi

kb() { awk -v b="$1" 'BEGIN { printf "%.1f KB", b / 1024 }'; }
raw_total=0
gz_total=0
printf '%-10s %12s %12s  %s\n' "kind" "raw" "gzip -9" "file"
for f in "${files[@]}"; do
  raw=$(stat -c %s "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  raw_total=$((raw_total + raw))
  gz_total=$((gz_total + gz))
  printf '%-10s %12s %12s  %s\n' "${f##*.}" "$(kb "$raw")" "$(kb "$gz")" "$f"
done
printf '%-10s %12s %12s\n' "total" "$(kb "$raw_total")" "$(kb "$gz_total")"
html_gz=$(gzip -9 -c dist/index.html | wc -c)
echo "(plus dist/index.html: $(kb "$html_gz") gzipped)"
