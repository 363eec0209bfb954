#!/usr/bin/env bash
# BKT speed and accuracy against pyBKT (the reference implementation) on the ASSISTments
# 2009 split: both fit on train.csv and are evaluated on test.csv with the same restarts and
# seed; prints each side's AUC, RMSE and fit time, then the speed ratio.
#
# Usage: scripts/bkt-vs-pybkt.sh [--forgets] [--restarts 20] [--seed 0]
# pyBKT is installed once into .bkt-venv as ../shared/data/assistments-2009/README.md says
# (the C++ build; `wheel` is added first because a fresh venv lacks it and the
# --no-build-isolation build needs it). Every step skips itself when already done.
set -euo pipefail
cd "$(dirname "$0")/.."

DATA=../shared/data/assistments-2009
FORGETS=""
RESTARTS=20
SEED=0
while [ $# -gt 0 ]; do
  case "$1" in
    --forgets) FORGETS="--forgets"; shift ;;
    --restarts) RESTARTS="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
if [ ! -f "$DATA/train.csv" ] || [ ! -f "$DATA/test.csv" ]; then
  echo "bkt-vs-pybkt: $DATA/train.csv or test.csv is missing; nothing to compare" >&2
  exit 1
fi

VENV=.bkt-venv
if ! "$VENV/bin/python" -c "import pyBKT.models, pyBKT.fit.E_step" 2>/dev/null; then
  echo "bkt-vs-pybkt: installing pyBKT (C++ build) into $VENV; this takes a few minutes" >&2
  [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet numpy scikit-learn==1.7.2 pandas wheel setuptools
  "$VENV/bin/pip" install --quiet --no-binary pyBKT --no-build-isolation pyBKT
fi

echo "bkt-vs-pybkt: building evident (release)" >&2
cargo build --quiet --release --bin evident

echo "bkt-vs-pybkt: pyBKT fit + evaluate (restarts $RESTARTS, seed $SEED ${FORGETS:+, forgets})" >&2
PY_JSON=$("$VENV/bin/python" scripts/bkt-pybkt.py --train "$DATA/train.csv" --test "$DATA/test.csv" \
  --restarts "$RESTARTS" --seed "$SEED" $FORGETS 2>/dev/null | tail -n 1)
echo "bkt-vs-pybkt: evident bkt-eval" >&2
EV_JSON=$(target/release/evident bkt-eval --train "$DATA/train.csv" --test "$DATA/test.csv" \
  --restarts "$RESTARTS" --seed "$SEED" $FORGETS)

python3 - "$PY_JSON" "$EV_JSON" <<'PY'
import json, sys
py, ev = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print(f"{'':10} {'AUC':>8} {'RMSE':>8} {'accuracy':>9} {'fit s':>9}")
print(f"{'pyBKT':10} {py['auc']:8.4f} {py['rmse']:8.4f} {py['accuracy']:9.4f} {py['fitSeconds']:9.2f}")
print(f"{'evident':10} {ev['auc']:8.4f} {ev['rmse']:8.4f} {ev['accuracy']:9.4f} {ev['fitSeconds']:9.2f}")
print(f"evident fits {py['fitSeconds'] / ev['fitSeconds']:.1f}x faster; AUC difference {ev['auc'] - py['auc']:+.4f}")
PY
