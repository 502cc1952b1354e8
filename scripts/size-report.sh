#!/usr/bin/env bash
# Builds the release app (trunk build --release) and prints what a browser downloads:
# each .wasm, .js and .css file in dist/, raw and gzip -9, their total, and the whole first
# load (those files and index.html).
#   --no-build     report on the dist/ already there
#   --limit KB     exit 1 if the whole first load is over KB (gzip -9; 1 KB = 1024 bytes)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
cd "$ROOT"

build=1
limit=""
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=0 ;;
    --limit) limit="$2"; shift ;;
    *) echo "usage: scripts/size-report.sh [--no-build] [--limit KB]" >&2; exit 2 ;;
  esac
  shift
done

if [ "$build" = 1 ]; then
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
first_load=$((gz_total + html_gz))
echo "first load (everything the page fetches, gzip -9): $(kb "$first_load")"
if [ -n "$limit" ] && [ "$first_load" -gt $((limit * 1024)) ]; then
  echo "over the $limit KB budget" >&2
  exit 1
fi
