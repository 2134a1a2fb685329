#!/usr/bin/env bash
# The benchmark: builds the release dist/, serves it on 127.0.0.1 and prints one set of
# figures (bytes, load timings against a static page of the same first view, interaction
# timings, heap growth). Not part of the test command: timings are figures, not assertions.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"
trunk build --release
node tests/bench/bench.mjs
