#!/usr/bin/env bash
# Sets up, builds and serves the demo site on http://127.0.0.1:${PORT:-8080}/www/
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
PORT=${PORT:-8080}
echo "[demo] open http://127.0.0.1:${PORT}/www/  (Ctrl-C to stop)"
exec node scripts/serve.mjs "$PORT"
