#!/usr/bin/env bash
# The ASAP-SAS held-out table and learning curve (README, "Proof on real answers").
# Reads ../shared/data/asap-sas (or the directory given); says so and exits 0 without it.
#   bash scripts/asap-eval.sh [DATA_DIR] [--curve] [--set N]
set -euo pipefail
cd "$(dirname "$0")/.."
exec cargo run --release --quiet --example asap-sas -- "$@"
