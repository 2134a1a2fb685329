#!/usr/bin/env bash
# Serves the app for development: installs what is missing, then `trunk serve`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"
echo "Serving on http://127.0.0.1:8080/ (Ctrl-C stops)"
exec trunk serve "$@"
