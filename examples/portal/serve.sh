#!/usr/bin/env bash
# Serves the demo portal page: builds the wasm package if it is missing, then serves the
# repository root (the page needs bindings/wasm/ and seeds/) on loopback until stopped.
#   examples/portal/serve.sh [PORT]      → http://127.0.0.1:PORT/ (default 8080), which redirects
#                                          to /examples/portal/ (the page's own directory)
set -euo pipefail
PORT="${1:-8080}"
cd "$(dirname "$0")/../.."
if [ ! -f bindings/wasm/pkg/web/kehoach_core_bg.wasm ] || [ ! -f bindings/wasm/pkg/web/kehoach.js ]; then
  echo "[serve] building the wasm package (bindings/wasm: npm run build)"
  [ -d bindings/wasm/node_modules ] || scripts/setup
  (cd bindings/wasm && npm run build)
fi
echo "[serve] http://127.0.0.1:${PORT}/ (the demo page: /examples/portal/)"
# python3's http.server with one addition: "/" redirects to the demo page (DESIGN.md: the page is
# served on http://127.0.0.1:PORT/); everything else is plain static files (.wasm as application/wasm).
exec python3 - "$PORT" <<'PY'
import http.server, sys
class Handler(http.server.SimpleHTTPRequestHandler):
    def do_GET(self):
        if self.path in ("/", "/index.html"):
            self.send_response(302)
            self.send_header("Location", "/examples/portal/")
            self.end_headers()
            return
        super().do_GET()
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
PY
