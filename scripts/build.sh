#!/usr/bin/env bash
# Builds the npm package into pkg/: the wasm (release, size-tuned), wasm-bindgen's JS glue,
# our JS entry, Web Components and TypeScript declarations from js/. Prints the wasm size.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --lib --target wasm32-unknown-unknown
mkdir -p pkg && rm -rf pkg/snippets
wasm-bindgen --target web --out-dir pkg --out-name evident_core target/wasm32-unknown-unknown/release/evident.wasm
if [ -x node_modules/.bin/wasm-opt ]; then
  node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    pkg/evident_core_bg.wasm -o pkg/evident_core_bg.wasm.opt && mv pkg/evident_core_bg.wasm.opt pkg/evident_core_bg.wasm
fi
if [ -d js ]; then cp -R js/. pkg/; fi
raw=$(stat -c %s pkg/evident_core_bg.wasm)
gz=$(gzip -9 -c pkg/evident_core_bg.wasm | wc -c)
echo "[build] pkg/evident_core_bg.wasm: ${raw} bytes raw, ${gz} bytes gzip"
