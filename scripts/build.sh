#!/usr/bin/env bash
# Builds the npm package into pkg/ from two wasm builds of the crate:
#   evident_core_bg.wasm  the student path (`--no-default-features`): parse, compile, score,
#                         feedback, lint, live session; English and Spanish stemmers.
#   evident_full_bg.wasm  everything (`--features full`): adds mastery, BKT, frameworks, CASE,
#                         xAPI, calibration and every stemmer. Loaded only by `evident/full`,
#                         <evident-mastery>, and pages that ask for it.
# then wasm-bindgen's JS glue of each, our JS entries, Web Components and TypeScript
# declarations from js/. Prints each wasm's size; `node benches/size.mjs` says more.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p pkg && rm -rf pkg/snippets

# wasm-opt, per build, only where it was measured to shrink the compressed file too
# (README, Figures, Size): -Oz/-Os/-O2 make the raw file smaller but the gzip 5 % bigger. The
# student build gets `-O1 --converge` (0.2 % smaller gzip than -O1, 1 % than none); the full
# build none (-O1 made its gzip 0.8 % and its brotli 1.4 % bigger).
OPT_FEATURES=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue)
CORE_OPT="-O1 --converge"
FULL_OPT=""

# The standard library built with the crate, for size: with a nightly toolchain that has
# rust-src and the wasm target (scripts/setup.sh adds both when nightly is there), std is
# compiled with `optimize_for_size` and the `immediate-abort` panic strategy (a panic, which
# would be a bug, traps without formatting a message): 10 % less gzip for each build, measured
# (README, Figures, Size). `-Zlocation-detail=none` leaves out the source file, line and
# column a panic would report (unused with immediate-abort): 560 bytes gzip less for the
# student build, 850 for the full one. Otherwise, or with EVIDENT_STABLE=1, the stable toolchain's
# prebuilt std. Its own target directory, so the stable builds of the tests stay cached.
CARGO=(cargo)
TARGET_DIR=target
if [ "${EVIDENT_STABLE:-0}" != 1 ] && cargo +nightly --version >/dev/null 2>&1 \
  && rustup +nightly component list --installed 2>/dev/null | grep -q '^rust-src' \
  && rustup +nightly target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  CARGO=(cargo +nightly)
  TARGET_DIR=target/build-std
  export RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none"
  BUILD_STD=(-Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size)
  echo "[build] std built for size with $(rustc +nightly --version)"
else
  BUILD_STD=()
  echo "[build] std of the stable toolchain (no nightly with rust-src and wasm32: about 10 % bigger)"
fi
build() { # name, wasm-opt passes (a space-separated string, may be empty), cargo feature flags...
  local name=$1 passes=$2; shift 2
  "${CARGO[@]}" build --profile wasm --lib --target wasm32-unknown-unknown --target-dir "$TARGET_DIR" \
    ${BUILD_STD[@]+"${BUILD_STD[@]}"} "$@"
  wasm-bindgen --target web --remove-name-section --remove-producers-section --experimental-reset-state-function --out-dir pkg \
    --out-name "$name" "$TARGET_DIR/wasm32-unknown-unknown/wasm/evident.wasm"
  if [ -n "$passes" ] && [ -x node_modules/.bin/wasm-opt ]; then
    # shellcheck disable=SC2086 # the passes are words on purpose
    node_modules/.bin/wasm-opt $passes "${OPT_FEATURES[@]}" "pkg/${name}_bg.wasm" -o "pkg/${name}_bg.wasm.opt"
    mv "pkg/${name}_bg.wasm.opt" "pkg/${name}_bg.wasm"
  fi
  local raw gz
  raw=$(stat -c %s "pkg/${name}_bg.wasm")
  gz=$(gzip -9 -c "pkg/${name}_bg.wasm" | wc -c)
  echo "[build] pkg/${name}_bg.wasm: ${raw} bytes raw, ${gz} bytes gzip"
}

build evident_core "$CORE_OPT" --no-default-features
build evident_full "$FULL_OPT" --no-default-features --features full

if [ -d js ]; then cp -R js/. pkg/; fi
for license in LICENSE-MIT LICENSE-APACHE; do
  if [ -f "$license" ]; then cp "$license" pkg/; fi
done
