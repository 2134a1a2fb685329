#!/usr/bin/env bash
# Runs every test tier; exits non-zero if any fails. Installs what is missing first.
#
#   1. host:         cargo fmt --check; clippy (the workspace on the host, the app and the
#                    core on wasm32) with -D warnings; cargo test (the core, the app and the
#                    post-build step)
#   2. browser unit: wasm-bindgen-test in headless Chromium (tests/web.rs)
#   3. end-to-end:   trunk build --release, the size budget, then Playwright (playwright-core
#                    driving /usr/bin/chromium) against dist/ served under a sub-path, and
#                    against `trunk serve` (a debug build, made here first)
#   4. engines:      the reader's flows in WebKit (MiniBrowser under Xvfb) and Firefox ESR,
#                    driven by selenium-webdriver (tests/engines/)
#
# Screenshots land in tests/e2e/screenshots/ (ignored by git).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"

step() { printf '\n\033[1m### %s\033[0m\n' "$*"; }

step "host: format and lints"
cargo fmt --all --check
cargo clippy --locked --workspace --all-targets -- -D warnings
# The app only: the post-build step is host-only.
cargo clippy --locked --all-targets --target wasm32-unknown-unknown -- -D warnings
# The core as the browser builds it, without the data pipeline (on the host its tests turn
# the `pipeline` feature on), so code only the pipeline uses is not dead there.
cargo clippy --locked -p zezhou-core --lib --target wasm32-unknown-unknown -- -D warnings

step "host: cargo test"
cargo test --locked --workspace

step "browser unit: wasm-bindgen-test in headless Chromium"
CHROMEDRIVER=/usr/bin/chromedriver \
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --locked --target wasm32-unknown-unknown --test web --no-default-features

step "end-to-end: release build"
trunk build --release
# A test-only build that panics on #crash-test, for tests/e2e/crash.test.mjs.
trunk build --release --features crash-test --dist target/dist-crash
# A debug build, so that `trunk serve` in tests/e2e/serve.test.mjs only links and runs the
# hook (its output goes elsewhere: dist/ stays the release build).
trunk build --dist target/dist-dev

step "end-to-end: size budget and browser tests"
node --test --test-concurrency=1 tests/e2e/*.test.mjs

step "end-to-end: the reader's flows in WebKit and Firefox"
node --test --test-concurrency=1 tests/engines/*.test.mjs
