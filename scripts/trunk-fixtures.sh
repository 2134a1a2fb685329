#!/usr/bin/env bash
# Regenerates the post-build step's fixtures: trunk's real output (index.html and the list
# of files, before the step) of a tiny page built like the app
# (crates/postbuild/tests/fixtures/trunk-page), for a release build, a debug build, `trunk
# serve` and `trunk serve --release` (whose pages carry trunk's reload script), in
# crates/postbuild/tests/fixtures/trunk-output/; and the release build's page module
# (wasm-bindgen's JavaScript minified by esbuild, and its WebAssembly) in release/pair/. Run it after a trunk upgrade; the tests in
# crates/postbuild/tests/trunk_output.rs then say what the step must change.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"
page=crates/postbuild/tests/fixtures/trunk-page
export CARGO_TARGET_DIR="$PWD/target/trunk-fixture"
cd "$page"
FIXTURE=release trunk build --release --dist "$CARGO_TARGET_DIR/dist-release"
# The release build's page module as the step finds it after esbuild (same options as
# crates/postbuild/src/lib.rs), the real pair that imports.rs's tests shorten.
pair=../trunk-output/release/pair
mkdir -p "$pair"
cp "$CARGO_TARGET_DIR"/dist-release/trunk-page-*_bg.wasm "$pair/page_bg.wasm"
js=$(ls "$CARGO_TARGET_DIR"/dist-release/trunk-page-*.js)
esbuild "$js" --minify --format=esm --log-level=warning --outfile="$pair/page.js"
FIXTURE=debug trunk build --dist "$CARGO_TARGET_DIR/dist-debug"
# trunk serve (debug and release): wait for the hook to have written the page, then stop
# the server.
serve() {
  local fixture=$1
  shift
  rm -f "../trunk-output/$fixture/index.html" "../trunk-output/$fixture/files.txt"
  FIXTURE=$fixture trunk serve --port 0 --dist "$CARGO_TARGET_DIR/dist-$fixture" "$@" &
  local server=$!
  for _ in $(seq 300); do
    [ -s "../trunk-output/$fixture/files.txt" ] && break
    sleep 1
  done
  kill "$server"
  wait "$server" 2>/dev/null || true
  [ -s "../trunk-output/$fixture/index.html" ] || { echo "trunk serve $* wrote no page" >&2; exit 1; }
}
serve serve
serve serve-release --release
echo "fixtures written in $page/../trunk-output"
