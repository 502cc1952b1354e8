#!/usr/bin/env bash
# Builds the release app (trunk build --release) and prints what a browser downloads: each
# file in dist/, raw and gzip -9, and the whole first load (index.html and every file the
# page fetches when it opens); then each module fetched only when asked for.
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
# What the page fetches when it opens (the workspace: its glue and the snippets the glue
# imports, its wasm, the styles), and what is fetched only when asked for: every module the
# page names as loaded on demand, <meta name="mtfp-NAME" content="GLUE.js"> (written by
# e2e/lazy-modules.mjs; src/app/lazy.rs loads them), with the glue's wasm, and the
# stylesheets loaded with a module (<meta name="mtfp-NAME-style" content="FILE.css">). A
# file no such tag names counts as first load.
declare -A lazy=()   # file -> module name
modules=()
while IFS= read -r tag; do
  name=$(sed -n 's/.*name="mtfp-\([^"]*\)".*/\1/p' <<<"$tag")
  glue=$(sed -n 's/.*content="\([^"]*\)".*/\1/p' <<<"$tag")
  [ -n "$name" ] && [ -n "$glue" ] || continue
  # <meta name="mtfp-NAME-style" content="/FILE.css">: a stylesheet loaded with module NAME.
  if [[ "$name" == *-style ]]; then
    lazy["dist/${glue##*/}"]=${name%-style}
    continue
  fi
  modules+=("$name")
  lazy["dist/$glue"]=$name
  lazy["dist/${glue%.js}_bg.wasm"]=$name
done < <(grep -o '<meta name="mtfp-[^>]*>' dist/index.html || true)
first=()
for f in dist/*.wasm dist/*.js dist/*.css dist/snippets/*/*.js; do
  if [ -z "${lazy[$f]:-}" ]; then
    first+=("$f")
  fi
done
if [ ${#first[@]} -eq 0 ]; then
  echo "nothing to report: dist/ has no .wasm, .js or .css" >&2
  exit 1
fi

kb() { awk -v b="$1" 'BEGIN { printf "%.1f KB", b / 1024 }'; }
# report FILE...: a line per file, and sets $raw_total and $gz_total.
report() {
  raw_total=0
  gz_total=0
  for f in "$@"; do
    raw=$(stat -c %s "$f")
    gz=$(gzip -9 -c "$f" | wc -c)
    raw_total=$((raw_total + raw))
    gz_total=$((gz_total + gz))
    printf '%-10s %12s %12s  %s\n' "${f##*.}" "$(kb "$raw")" "$(kb "$gz")" "$f"
  done
}
printf '%-10s %12s %12s  %s\n' "kind" "raw" "gzip -9" "file"
html_gz=$(gzip -9 -c dist/index.html | wc -c)
printf '%-10s %12s %12s  %s\n' "html" "$(kb "$(stat -c %s dist/index.html)")" "$(kb "$html_gz")" "dist/index.html"
report "${first[@]}"
first_load=$((gz_total + html_gz))
echo "first load (everything the page fetches when it opens, gzip -9): $(kb "$first_load")"
for m in "${modules[@]}"; do
  files=()
  for f in "${!lazy[@]}"; do
    if [ "${lazy[$f]}" = "$m" ] && [ -f "$f" ]; then
      files+=("$f")
    fi
  done
  [ ${#files[@]} -gt 0 ] || continue
  echo
  echo "fetched only when asked for: module $m (<meta name=\"mtfp-$m\">)"
  mapfile -t files < <(printf '%s\n' "${files[@]}" | sort)
  report "${files[@]}"
  echo "on demand, $m (gzip -9): $(kb "$gz_total")"
done
if [ -n "$limit" ] && [ "$first_load" -gt $((limit * 1024)) ]; then
  echo "over the $limit KB budget" >&2
  exit 1
fi
