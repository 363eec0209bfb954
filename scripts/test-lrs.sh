#!/usr/bin/env bash
# xAPI statements against real validators: (a) every statement `evident xapi` produces for the
# example submissions passes Learning Locker's xAPI validator (@learninglocker/xapi-validation),
# (b) a real Learning Record Store (Ralph, set up per TOOLCHAIN.md in .lrs/) stores them with our
# ids and gives them back unchanged. Installs what it needs (skipping what is there), and always
# ends with the line `lrs: N passed, M failed`; exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PORT=8100
OUT=target/lrs
passed=0
failed=0
server_pid=""

finish() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    # The server runs in its own process group (setsid): uvicorn's reloader and its worker.
    kill -TERM -- "-$server_pid" 2>/dev/null || kill -TERM "$server_pid" 2>/dev/null
    wait "$server_pid" 2>/dev/null
  fi
  echo "lrs: $passed passed, $failed failed"
  if [ "$failed" -gt 0 ] || [ "$passed" -eq 0 ]; then exit 1; fi
  exit 0
}
trap finish EXIT
trap 'exit 1' INT TERM

# A failure that stops the run: counted, said plainly, then the summary line.
fatal() {
  echo "lrs: FAIL $*" >&2
  failed=$((failed + 1))
  exit 1
}

# Adds the counts of a layer's closing line "<name>: N passed, M failed" from its log.
add_counts() {
  local line
  line=$(grep -E "^$1: [0-9]+ passed, [0-9]+ failed" "$2" | tail -n 1)
  if [ -z "$line" ]; then
    failed=$((failed + 1))
    echo "lrs: $1 gave no result line (see $2)" >&2
    return
  fi
  passed=$((passed + $(echo "$line" | sed -E 's/.*: ([0-9]+) passed.*/\1/')))
  failed=$((failed + $(echo "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/')))
}

echo "== statements from the CLI"
cargo build --quiet --bin evident || fatal "cargo build --bin evident failed"
mkdir -p "$OUT"
rm -f "$OUT"/*.statements.json
for submission in examples/*.submission*.json; do
  name=$(basename "$submission" .json)
  if target/debug/evident xapi examples/cer-lab.rubric.json "$submission" --home-page https://school.example/sis >"$OUT/$name.statements.json"; then
    echo "ok   evident xapi $submission"
    passed=$((passed + 1))
  else
    echo "FAIL evident xapi $submission"
    failed=$((failed + 1))
  fi
done
statements=("$OUT"/*.statements.json)
[ -e "${statements[0]}" ] || fatal "no statements were produced (no examples/*.submission*.json?)"

echo "== (a) Learning Locker's xAPI validator"
if [ ! -d node_modules/@learninglocker/xapi-validation ]; then
  command -v npm >/dev/null || fatal "npm is not installed"
  npm ci --no-audit --no-fund >"$OUT/npm.log" 2>&1 || fatal "npm ci failed (see $OUT/npm.log)"
fi
node tests/lrs/validate.mjs "${statements[@]}" | tee "$OUT/validate.log"
add_counts validate "$OUT/validate.log"

echo "== (b) Ralph LRS on 127.0.0.1:$PORT (fs backend)"
if [ ! -x .lrs/bin/ralph ] || ! .lrs/bin/python -c "import requests" 2>/dev/null; then
  python3 -m venv .lrs || fatal "python3 -m venv failed"
  .lrs/bin/pip install --quiet 'ralph-malph[cli,lrs]' requests >"$OUT/pip.log" 2>&1 || fatal "pip install ralph-malph failed (see $OUT/pip.log)"
fi
export RALPH_APP_DIR=$ROOT/.lrs/app RALPH_RUNSERVER_BACKEND=fs
if ! grep -q '"username": "evident"' .lrs/app/auth.json 2>/dev/null; then
  .lrs/bin/ralph auth -u evident -p secret -s all -M mailto:ci@example.org -w >"$OUT/auth.log" 2>&1 || fatal "ralph auth failed (see $OUT/auth.log)"
fi
# A fresh store each run. The LRS file backend reads RALPH_BACKENDS__LRS__FS__* (the DATA one
# of the recipe is for `ralph read/write`); the server starts in .lrs/data so that uvicorn's
# reloader watches that folder and not the whole repository.
rm -rf .lrs/data && mkdir -p .lrs/data
if (exec 3<>/dev/tcp/127.0.0.1/$PORT) 2>/dev/null; then
  fatal "port $PORT is already in use: stop whatever listens there"
fi
(cd .lrs/data && RALPH_BACKENDS__DATA__FS__DEFAULT_DIRECTORY_PATH=$ROOT/.lrs/data \
  RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH=$ROOT/.lrs/data \
  exec setsid "$ROOT/.lrs/bin/ralph" runserver --backend fs --host 127.0.0.1 --port $PORT) >"$OUT/ralph.log" 2>&1 &
server_pid=$!
up=""
for _ in $(seq 1 60); do
  if .lrs/bin/python - "$PORT" <<'PY' 2>/dev/null; then up=yes; break; fi
import sys, requests
r = requests.get(f"http://127.0.0.1:{sys.argv[1]}/__heartbeat__", timeout=2)
sys.exit(0 if r.status_code == 200 else 1)
PY
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 1
done
[ -n "$up" ] || { tail -n 20 "$OUT/ralph.log" >&2; fatal "Ralph did not answer on 127.0.0.1:$PORT within 60 s (see $OUT/ralph.log)"; }
echo "Ralph is up (pid $server_pid)"
.lrs/bin/python tests/lrs/roundtrip.py "http://127.0.0.1:$PORT" "${statements[@]}" 2>&1 | tee "$OUT/roundtrip.log"
add_counts roundtrip "$OUT/roundtrip.log"
