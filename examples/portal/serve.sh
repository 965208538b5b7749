#!/usr/bin/env bash
# Serves the demo portal page: builds the wasm package if it is missing, then serves the
# repository root (the page needs bindings/wasm/ and seeds/) on loopback until stopped.
#   examples/portal/serve.sh [PORT]      → http://127.0.0.1:PORT/examples/portal/ (default 8080)
set -euo pipefail
PORT="${1:-8080}"
cd "$(dirname "$0")/../.."
if [ ! -f bindings/wasm/pkg/web/kehoach_bg.wasm ] || [ ! -f bindings/wasm/pkg/web/kehoach.js ]; then
  echo "[serve] building the wasm package (bindings/wasm: npm run build)"
  [ -d bindings/wasm/node_modules ] || scripts/setup
  (cd bindings/wasm && npm run build)
fi
echo "[serve] http://127.0.0.1:${PORT}/examples/portal/"
exec python3 -m http.server "$PORT" --bind 127.0.0.1
