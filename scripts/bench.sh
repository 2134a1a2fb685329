#!/usr/bin/env bash
# The benchmark: builds the release dist/, serves it on 127.0.0.1 and prints one table of
# figures beside their targets: bytes of the first load (and of the charts module, loaded
# later), Lighthouse 12.2.3 mobile for the app and for a plain static page of the same first
# view, interaction timings in headless Chromium and heap growth. Not part of the test
# command: timings are figures, not assertions. Takes about 3 to 4 minutes after the build.
#
#   RUNS=20     browser runs per load and interaction figure (at least 20 for published figures)
#   LH_RUNS=3   Lighthouse runs per page
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"

# Lighthouse lives in its own package (tests/bench/package.json), not in the root one that
# CI installs; reinstalled only when its lock file changes.
lock_sum=$(sha256sum tests/bench/package-lock.json | cut -d' ' -f1)
if [ "$(cat tests/bench/node_modules/.lock-sum 2>/dev/null)" != "$lock_sum" ]; then
  printf '\033[1m==> %s\033[0m\n' "npm ci --prefix tests/bench"
  npm ci --prefix tests/bench --no-audit --no-fund
  echo "$lock_sum" > tests/bench/node_modules/.lock-sum
fi

trunk build --release
CHROME_PATH=/usr/bin/chromium node tests/bench/bench.mjs
