#!/usr/bin/env bash
# Command 2: from a fresh clone to every check run. Installs whatever is missing (wasm32
# target, trunk, wasm-bindgen-cli, binaryen, Playwright, Chromium, ChromeDriver), then runs
# each stage below. A failed stage does not stop the later ones, so the summary is
# complete; the last line is "N passed, N failed" (stages) and the exit code is non-zero
# if any stage failed.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
cd "$ROOT"

WASM=(--target "$WASM_TARGET")
# The browser tests are the wasm32 side of the one test crate (tests/main.rs: `mod web`).
WEB_TESTS=(--test tests)
results=()
passed=0
failed=0

# stage NAME COMMAND...: runs one stage and records its result and time.
stage() {
  local name="$1" start status
  shift
  say "$name"
  start=$SECONDS
  "$@"
  status=$?
  if [ $status -eq 0 ]; then
    passed=$((passed + 1))
    results+=("ok    $(printf '%4ss' $((SECONDS - start)))  $name")
  else
    failed=$((failed + 1))
    results+=("FAIL  $(printf '%4ss' $((SECONDS - start)))  $name (exit $status)")
  fi
  return $status
}

tools() {
  ensure_test_tools && cargo fetch --locked || return 1
  # Versions in the log, for whoever reads a failed CI run.
  echo "$(rustc --version); $(trunk --version); $(wasm-bindgen --version); $(wasm-opt --version)"
  echo "$(node --version) $(/usr/bin/chromium --version 2>/dev/null); $(/usr/bin/chromedriver --version)"
}

# The release build that users get, with a check that no development-only script (Trunk's
# live-reload socket) slipped into it.
release_build() {
  rm -rf dist
  trunk build --release --offline || return 1
  if grep -rqiE '__trunk|websocket' dist --include='*.html' --include='*.js'; then
    echo "dist/ contains a live-reload / WebSocket script" >&2
    return 1
  fi
}

browser_tests() {
  CHROMEDRIVER=/usr/bin/chromedriver cargo test --locked "${WASM[@]}" "${WEB_TESTS[@]}"
}

stage "tools" tools
stage "cargo fmt --check" cargo fmt --all -- --check
stage "clippy (host)" cargo clippy --locked --all-targets -- -D warnings
# wasm32: the code that ships to the browser and the browser tests. (Native-only test code
# may use host-only dev-dependencies such as proptest, so not --all-targets.)
stage "clippy (wasm32)" cargo clippy --locked "${WASM[@]}" --lib --bins "${WEB_TESTS[@]}" -- -D warnings
stage "native tests" cargo test --locked
stage "browser tests (wasm-bindgen-test, headless Chromium)" browser_tests
if stage "release build (trunk build --release)" release_build; then
  # What a browser downloads on first load, printed in the log; over 350 KB fails.
  stage "download size (gzip -9, at most 350 KB)" scripts/size-report.sh --no-build --limit 350
  # Size rules a lint cannot see: no float formatting or serde code in any wasm module.
  stage "wasm size rules (no float formatting, no serde)" python3 scripts/wasm-rules.py
  stage "end-to-end tests (Playwright, headless Chromium)" scripts/e2e.sh
else
  failed=$((failed + 3))
  results+=("FAIL     -   download size (skipped: no release build)")
  results+=("FAIL     -   wasm size rules (skipped: no release build)")
  results+=("FAIL     -   end-to-end tests (skipped: no release build)")
fi

echo
echo "Summary:"
printf '  %s\n' "${results[@]}"
echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
