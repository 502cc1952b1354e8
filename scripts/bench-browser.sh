#!/usr/bin/env bash
# Browser benchmark: cold load to first chart, input → charts redrawn (p50/p95), download
# size, the analyses (goal seek and the full tornado in wasm, and the longest main-thread
# task while the analysis screen runs them), and the engine in wasm (one projection, an assumption changed and re-projected,
# 10,000 varied projections: the figures `cargo bench --bench engine` prints natively).
# Builds the release dist/ and the engine benchmark (bin planner-bench, the same release
# profile and wasm-opt settings as the app) unless --no-build, serves both on 127.0.0.1
# and runs e2e/bench.mjs in Debian's headless Chromium. Prints figures; never fails on them.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
cd "$ROOT"
ensure_test_tools
bench="$ROOT/target/bench-web"
if [ "${1:-}" != "--no-build" ]; then
  trunk build --release --offline
  cargo build --release --locked --target "$WASM_TARGET" --bin planner-bench
  rm -rf "$bench"
  wasm-bindgen --target web --no-typescript --out-dir "$bench" \
    "target/$WASM_TARGET/release/planner-bench.wasm"
  # The wasm-opt settings of index.html (data-wasm-opt="z" and its feature flags).
  wasm-opt -Oz --enable-bulk-memory --enable-bulk-memory-opt \
    --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
    --enable-reference-types --enable-multivalue \
    -o "$bench/planner-bench_bg.wasm" "$bench/planner-bench_bg.wasm"
  cat >"$bench/index.html" <<'HTML'
<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Engine benchmark</title>
<link rel="icon" href="data:," /></head>
<body><p>Engine benchmark: run <code>window.engineBench()</code>.</p>
<script type="module">
  import init, { engine_bench, analysis_bench } from './planner-bench.js';
  await init();
  window.engineBench = () => JSON.parse(engine_bench());
  window.analysisBench = () => JSON.parse(analysis_bench());
  window.benchReady = true;
</script></body></html>
HTML
fi
serve() {
  python3 -m http.server "$1" --bind 127.0.0.1 --directory "$2" >/dev/null 2>&1 &
}
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
port="$(free_port)"
serve "$port" dist
server=$!
engine_port="$(free_port)"
serve "$engine_port" "$bench"
engine_server=$!
trap 'kill "$server" "$engine_server" 2>/dev/null || true' EXIT
for p in "$port" "$engine_port"; do
  for _ in $(seq 1 100); do
    python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$p/', timeout=1)" 2>/dev/null && break
    sleep 0.1
  done
done
E2E_BASE_URL="http://127.0.0.1:$port/" E2E_ENGINE_BENCH_URL="http://127.0.0.1:$engine_port/" node e2e/bench.mjs
