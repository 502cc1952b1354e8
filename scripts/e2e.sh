#!/usr/bin/env bash
# End-to-end tests: serve dist/ on 127.0.0.1 (a free port) with python3's http.server and
# run the Playwright tests in e2e/ against it with Debian's headless Chromium.
#
#   scripts/e2e.sh                          # all e2e/*.test.mjs against the current dist/
#   scripts/e2e.sh --build                  # `trunk build --release --offline` first
#   scripts/e2e.sh e2e/smoke.test.mjs       # one file
#
# Expects the tools from scripts/tools.sh (scripts/test.sh installs them).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
cd "$ROOT"

if [ "${1:-}" = "--build" ]; then
  shift
  trunk build --release --offline
fi
if [ ! -f dist/index.html ]; then
  echo "no dist/index.html: build first (scripts/e2e.sh --build)" >&2
  exit 1
fi
files=("$@")
if [ ${#files[@]} -eq 0 ]; then
  files=(e2e/*.test.mjs)
fi

mkdir -p target
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
python3 -m http.server "$port" --bind 127.0.0.1 --directory dist >target/e2e-server.log 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT

for _ in $(seq 1 100); do
  if python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/', timeout=1)" 2>/dev/null; then
    break
  fi
  sleep 0.1
done

say "e2e: ${files[*]} against http://127.0.0.1:$port/"
E2E_BASE_URL="http://127.0.0.1:$port/" timeout 900 node --test --test-concurrency=1 "${files[@]}"
