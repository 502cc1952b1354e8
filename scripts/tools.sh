# Sourced by the other scripts: installs whatever build and test tool is missing, at the
# pinned version, and puts the tools on PATH. Every function is idempotent and quick when
# the tool is already there. Versions and why: ../shared/TOOLCHAIN.md (summary in
# README.md).
#
#   source scripts/tools.sh; ensure_build_tools      # wasm32 target, trunk, wasm-bindgen, binaryen
#   source scripts/tools.sh; ensure_test_tools       # the above + Chromium, ChromeDriver, Playwright

# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT
TRUNK_VERSION="0.21.14"
WASM_TARGET="wasm32-unknown-unknown"

export PATH="$ROOT/e2e/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# The exact wasm-bindgen version in Cargo.lock: wasm-bindgen-cli must match it.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' \
    "$ROOT/Cargo.lock"
}

ensure_wasm_target() {
  if ! rustup target list --installed | grep -qx "$WASM_TARGET"; then
    say "installing the $WASM_TARGET Rust target"
    rustup target add "$WASM_TARGET"
  fi
}

ensure_trunk() {
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    # trunk 0.22+ needs a newer rustc than this machine's; --locked keeps its deps as tested.
    say "installing trunk $TRUNK_VERSION (cargo install, about 8 minutes on 2 cores)"
    cargo install trunk --version "$TRUNK_VERSION" --locked --force
  fi
}

ensure_wasm_bindgen() {
  local want
  want="$(wasm_bindgen_version)"
  if [ -z "$want" ]; then
    echo "cannot read the wasm-bindgen version from Cargo.lock" >&2
    return 1
  fi
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $want" ] ||
    [ "$(wasm-bindgen-test-runner --version 2>/dev/null)" != "wasm-bindgen-test-runner $want" ]; then
    # Not --locked: one of its locked dependencies is missing from the registry here.
    say "installing wasm-bindgen-cli $want (cargo install, about 3 minutes on 2 cores)"
    cargo install wasm-bindgen-cli --version "$want" --force
  fi
}

# npm packages pinned in e2e/package-lock.json: binaryen (wasm-opt for Trunk), terser (the
# release build minifies the JS glue with it, e2e/minify-glue.mjs),
# playwright-core and axe-core (end-to-end tests). Re-run `npm ci` when the lock changes.
ensure_node_modules() {
  local stamp="$ROOT/e2e/node_modules/.mtfp-lock.sha256" want
  want="$(sha256sum "$ROOT/e2e/package-lock.json" | cut -d' ' -f1)"
  if [ ! -x "$ROOT/e2e/node_modules/.bin/wasm-opt" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    say "installing e2e/ npm packages (binaryen, terser, playwright-core, axe-core)"
    (cd "$ROOT/e2e" && npm ci --no-audit --no-fund --loglevel=error) || return 1
    echo "$want" >"$stamp"
  fi
}

ensure_build_tools() {
  ensure_wasm_target && ensure_trunk && ensure_wasm_bindgen && ensure_node_modules
}

# Debian's Chromium and ChromeDriver (a test tool's own browser download cannot work here).
ensure_chromium() {
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    say "installing Debian's chromium and chromium-driver"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -q && $sudo env DEBIAN_FRONTEND=noninteractive \
      apt-get install -y -q chromium chromium-driver
  fi
}

# poppler-utils (pdfinfo, pdftotext, pdftoppm): e2e/present.test.mjs turns the print pack's
# PDF into page images and text to check it.
ensure_poppler() {
  if ! command -v pdftoppm >/dev/null || ! command -v pdfinfo >/dev/null; then
    say "installing Debian's poppler-utils"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -q && $sudo env DEBIAN_FRONTEND=noninteractive \
      apt-get install -y -q poppler-utils
  fi
}

ensure_test_tools() {
  ensure_build_tools && ensure_chromium && ensure_poppler
}
