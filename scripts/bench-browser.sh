#!/usr/bin/env bash
# Browser benchmark: cold load to first chart, input → charts redrawn (p50/p95), download
# size. Builds the release dist/ unless --no-build, serves it on 127.0.0.1 and runs
# e2e/bench.mjs in Debian's headless Chromium. Prints figures; never fails on them.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
cd "$ROOT"
ensure_test_tools
if [ "${1:-}" != "--no-build" ]; then
  trunk build --release --offline
fi
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
python3 -m http.server "$port" --bind 127.0.0.1 --directory dist >/dev/null 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/', timeout=1)" 2>/dev/null && break
  sleep 0.1
done
E2E_BASE_URL="http://127.0.0.1:$port/" node e2e/bench.mjs
