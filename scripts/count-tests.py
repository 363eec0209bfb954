"""Sums the pass/fail counts of every test layer's log into one closing line."""
import re
import sys
from pathlib import Path

passed = failed = skipped = 0
for name in sys.argv[1:]:
    path = Path(name)
    if not path.exists():
        continue
    text = path.read_text(errors="replace")
    layer_pass = layer_fail = layer_skip = 0
    for m in re.finditer(r"test result: \w+\. (\d+) passed; (\d+) failed; (\d+) ignored", text):
        layer_pass += int(m[1]); layer_fail += int(m[2]); layer_skip += int(m[3])
    for key, pattern in (("pass", r"^# pass (\d+)"), ("fail", r"^# fail (\d+)"), ("skip", r"^# skipped (\d+)")):
        for m in re.finditer(pattern, text, re.M):
            if key == "pass": layer_pass += int(m[1])
            elif key == "fail": layer_fail += int(m[1])
            else: layer_skip += int(m[1])
    for m in re.finditer(r"^lrs: (\d+) passed, (\d+) failed", text, re.M):
        layer_pass += int(m[1]); layer_fail += int(m[2])
    print(f"{path.stem}: {layer_pass} passed, {layer_fail} failed, {layer_skip} skipped")
    passed += layer_pass; failed += layer_fail; skipped += layer_skip
print(f"all: {passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed else 0)
