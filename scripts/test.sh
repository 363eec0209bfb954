#!/usr/bin/env bash
# Runs every test: native (cargo test), the wasm binding in headless Chromium
# (wasm-bindgen-test), and end-to-end browser tests of the components and www/ pages.
# Each layer prints its counts; the last line sums them.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
mkdir -p target

echo "== native tests (cargo test)"
cargo test 2>&1 | tee target/native-tests.log

echo "== wasm binding tests in headless Chromium (wasm-bindgen-test)"
CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test 'wasm_*' 2>&1 | tee target/wasm-tests.log

echo "== package build"
bash scripts/build.sh

if [ -f tests/e2e/run.mjs ]; then
  echo "== end-to-end browser tests (Playwright + axe-core, Debian chromium)"
  node --test --test-concurrency=1 tests/e2e/ 2>&1 | tee target/e2e-tests.log
fi

if [ -d tests/hosts ]; then
  echo "== hosts: the npm pack tarball in Node $(node --version), plain HTML under CSP, a worker, Vite 8 and 5, webpack 5, esbuild, React 18 and 19"
  node --test --test-concurrency=1 tests/hosts/ 2>&1 | tee target/hosts-tests.log
fi

if [ -f scripts/test-lrs.sh ]; then
  echo "== xAPI statements against a real LRS (Ralph)"
  bash scripts/test-lrs.sh 2>&1 | tee target/lrs-tests.log
fi

# Fuzzing: each target briefly (scripts/fuzz.sh skips itself without nightly or a C++ compiler).
fuzz_seconds="${EVIDENT_FUZZ_SECONDS:-30}"
if [ "$fuzz_seconds" = 0 ]; then
  echo "== fuzzing skipped (EVIDENT_FUZZ_SECONDS=0)"
else
  echo "== fuzzing (${fuzz_seconds} s per target)"
  bash scripts/fuzz.sh "$fuzz_seconds"
fi

python3 scripts/count-tests.py target/native-tests.log target/wasm-tests.log target/e2e-tests.log target/hosts-tests.log target/lrs-tests.log
