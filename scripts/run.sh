#!/usr/bin/env bash
# Command 1: from a fresh clone to the app served on http://127.0.0.1:8080.
# Installs whatever is missing (wasm32 target, trunk, wasm-bindgen-cli, binaryen), fetches
# the crates, builds the release app and serves it, rebuilding when a source file changes.
# PORT=8081 scripts/run.sh serves on another port. Stop with Ctrl-C.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
cd "$ROOT"

port="${PORT:-8080}"
ensure_build_tools
say "fetching crates"
cargo fetch --locked

say "building, then serving the planner at http://127.0.0.1:$port/"
# Trunk prints the address again once the first build is done.
exec trunk serve --release --offline --address 127.0.0.1 --port "$port"
