#!/usr/bin/env bash
# Runs Evident's fuzz targets (fuzz/fuzz_targets/) for a while each, seeded from examples/.
#
#   bash scripts/fuzz.sh                  # every target, 180 s each
#   bash scripts/fuzz.sh 30               # every target, 30 s each (what CI runs)
#   bash scripts/fuzz.sh 600 live rubric  # two targets, 10 minutes each
#
# Targets: rubric (parse + compile + score), live (session against full score after every
# edit), evidence (fast reader against the general parser, then mastery), case (CASE import),
# batch (JSON Lines scoring). Uses `cargo fuzz` when it is installed; otherwise builds the
# same libFuzzer targets with nightly's coverage flags directly. A crash is saved under
# fuzz/artifacts/TARGET/ and the script exits 1: make it a regression test
# (tests/hardening.rs), fix it, rerun. Needs `cargo +nightly`; skips with a message without it.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-180}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(rubric live evidence case batch)

if ! cargo +nightly --version >/dev/null 2>&1; then
  echo "[fuzz] skipped: no nightly toolchain (rustup toolchain install nightly)"
  exit 0
fi
if ! command -v c++ >/dev/null 2>&1; then
  echo "[fuzz] skipped: libFuzzer needs a C++ compiler (apt-get install g++)"
  exit 0
fi

# Seeds, rebuilt each run from the examples (the corpora grow in fuzz/corpus/, not committed).
seed() { mkdir -p "fuzz/corpus/$1"; }
for t in rubric live evidence case batch; do seed "$t"; done
answer="My claim is that light makes bean plants grow taller: 12.5 cm in the light, 6 cm in the dark, because plants use light. Café. "
for r in examples/*.rubric.json; do
  printf '%s\0%s' "$(cat "$r")" "$answer" > "fuzz/corpus/rubric/$(basename "$r")"
done
cp fuzz/seeds/live/* fuzz/corpus/live/
cp examples/class.evidence.jsonl fuzz/corpus/evidence/
head -n 5 examples/class.evidence.jsonl > fuzz/corpus/evidence/head.jsonl
cp fuzz/seeds/case/* fuzz/corpus/case/
[ -f ../shared/data/case/ccss-math-6-rp.json ] && cp ../shared/data/case/ccss-math-6-rp.json fuzz/corpus/case/
python3 - <<'PY'
import glob, json
lines = [json.dumps(json.load(open(f))) for f in sorted(glob.glob("examples/cer-lab.submission*.json"))]
open("fuzz/corpus/batch/submissions.jsonl", "w").write("\n".join(lines + ["{\"responses\": []}", "not json"]) + "\n")
PY

failed=0
if command -v cargo-fuzz >/dev/null 2>&1; then
  for t in "${targets[@]}"; do
    echo "[fuzz] $t for ${seconds}s (cargo fuzz)"
    cargo +nightly fuzz run --fuzz-dir fuzz "$t" "fuzz/corpus/$t" -- -max_total_time="$seconds" || failed=1
  done
else
  # What cargo-fuzz does, without it: libFuzzer's coverage instrumentation on our code only
  # (--target keeps it off build scripts and proc macros).
  host=$(rustc +nightly -vV | sed -n 's/^host: //p')
  export RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing -Cdebug-assertions -Coverflow-checks"
  echo "[fuzz] building the targets with cargo +nightly (no cargo-fuzz installed)"
  cargo +nightly build --release --manifest-path fuzz/Cargo.toml --target "$host" --bins
  for t in "${targets[@]}"; do
    echo "[fuzz] $t for ${seconds}s"
    mkdir -p "fuzz/artifacts/$t"
    "fuzz/target/$host/release/$t" "fuzz/corpus/$t" -max_total_time="$seconds" -rss_limit_mb=2048 \
      -timeout=20 -artifact_prefix="fuzz/artifacts/$t/" -print_final_stats=1 2>&1 | tail -n 12 || failed=1
  done
fi
if [ "$failed" != 0 ]; then
  echo "[fuzz] a target failed: see fuzz/artifacts/"
  exit 1
fi
echo "[fuzz] no crash"
