#!/usr/bin/env bash
# Installs what the project needs, skipping whatever is already present at the right version.
#
#   scripts/setup.sh            tools to build and serve: wasm32 target, trunk, wasm-bindgen-cli,
#                               npm packages (wasm-opt from binaryen), crates fetched for offline
#                               builds, Debian's fonts-noto-cjk (the link previews' pictures)
#   scripts/setup.sh --browser  also the test browsers: Debian's chromium and chromium-driver;
#                               webkit2gtk-driver (WebKitGTK's MiniBrowser),
#                               xvfb and firefox-esr; geckodriver from the Rust registry; and
#                               poppler-utils (pdftotext, for the print test)
#
# Idempotent: a second run only checks versions. Prints what it installs.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# wasm-bindgen-cli must equal the wasm-bindgen crate in Cargo.lock exactly.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"

log() { printf '\033[1m==> %s\033[0m\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
# Tools compiled from the registry: no LTO and many codegen units take minutes off each build.
fast_install() {
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 cargo install "$@"
}

for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    log "rustup component add $component"
    rustup component add "$component"
  fi
done

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  log "installing trunk $TRUNK_VERSION (a few minutes)"
  fast_install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes)"
  # Not --locked: one of its locked dependencies is no longer in the registry.
  fast_install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# npm packages, pinned by package-lock.json; reinstalled only when the lock file changes.
lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat node_modules/.lock-sum 2>/dev/null)" != "$lock_sum" ]; then
  log "npm ci"
  npm ci --no-audit --no-fund
  echo "$lock_sum" > node_modules/.lock-sum
fi

# trunk builds offline (it passes --offline to cargo), so every crate must be in the cache.
cargo fetch --locked >/dev/null 2>&1 || { log "cargo fetch"; cargo fetch --locked; }

# The build draws the link previews' pictures with a CJK font (crates/postbuild/src/preview.rs).
if ! dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q "install ok installed"; then
  log "apt-get install fonts-noto-cjk"
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q fonts-noto-cjk
fi

if [ "${1:-}" = "--browser" ]; then
  missing=()
  # Chromium for the main suite; WebKitGTK (MiniBrowser and its WebDriver, the engine of
  # every iPhone browser), Xvfb (MiniBrowser has no headless mode) and Firefox ESR for the
  # cross-engine suite (tests/engines/).
  # poppler-utils: pdftotext, for the print test.
  for pkg in chromium chromium-driver webkit2gtk-driver xvfb firefox-esr poppler-utils; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    log "apt-get install ${missing[*]}"
    as_root apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
  fi
  # Firefox's WebDriver, from the Rust registry.
  if ! geckodriver --version >/dev/null 2>&1; then
    log "installing geckodriver (a few minutes)"
    fast_install geckodriver --locked
  fi
fi
