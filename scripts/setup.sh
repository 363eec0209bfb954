#!/usr/bin/env bash
# Installs everything Evident needs on a fresh Debian machine, and nothing twice:
# the wasm target, the wasm-bindgen CLI at the version Cargo.toml pins, Debian's
# Chromium + ChromeDriver for the browser tests, and the npm packages of package.json.
# Every step checks first and skips itself when already done.
set -euo pipefail
cd "$(dirname "$0")/.."

# Keep in step with `wasm-bindgen = "=…"` in Cargo.toml.
WASM_BINDGEN_VERSION=0.2.130

say() { printf '[setup] %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^${component}"; then
    say "adding the ${component} component"
    rustup component add "${component}"
  fi
done

# The wasm builds compile std for size with nightly when it is installed (scripts/build.sh):
# it needs nightly's rust-src and wasm target. Without nightly, or when they cannot be added,
# the builds use stable's std (about 10 % bigger).
if cargo +nightly --version >/dev/null 2>&1; then
  if ! rustup +nightly component list --installed 2>/dev/null | grep -q '^rust-src'; then
    say "adding rust-src to the nightly toolchain (std built for size)"
    rustup component add rust-src --toolchain nightly || say "could not add rust-src: stable's std it is"
  fi
  if ! rustup +nightly target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target to the nightly toolchain"
    rustup target add wasm32-unknown-unknown --toolchain nightly || say "could not add it: stable's std it is"
  fi
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q " ${WASM_BINDGEN_VERSION}\$"; then
  say "installing wasm-bindgen-cli ${WASM_BINDGEN_VERSION} (a first build takes several minutes)"
  # --locked fails here: the registry lacks some of the versions its lock file names.
  cargo install wasm-bindgen-cli --version "${WASM_BINDGEN_VERSION}" --force
fi

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  say "installing Debian's chromium and chromium-driver"
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi

if [ -f package.json ]; then
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing npm packages"
    # Playwright must not try to download a browser: we drive Debian's chromium.
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
  fi
fi
say "ready"
