// Mastery for 1,000,000 evidence records (10,000 students × 40 competencies, 2–3 records
// each, the same shape as benches/mastery.rs) through the wasm build, in Node's V8 (the
// engine of Chromium): JSON Lines string in, estimate objects out. Needs `bash scripts/build.sh`.
// Run: node benches/wasm-mastery.mjs   (METHODS=latest,bkt to choose methods)
//
// Each method runs in a fresh process: its first call (what a page pays: the wasm memory
// grows, the engine optimises the hot functions) is printed apart from the next calls.
// Prints figures; asserts nothing.
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";

const methods = (process.env.METHODS || "decayingAverage,nMastery,latest,highest,average,mode,powerLaw,bkt").split(",");
const child = process.argv[2] === "--method" ? process.argv[3] : null;

// The evidence as one string, as a page holds it after fetching a file. The lines are built
// in a function so that the array of a million line strings is garbage once joined: kept
// alive, it would make every garbage collection during the timed calls mark a million
// objects that a page would not have.
function evidenceText() {
  // SplitMix64 in 32-bit halves is overkill here: a small LCG gives the same kind of spread.
  let seed = 2026;
  const random = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const lines = [];
  fill: for (let round = 0; round < 10; round++) {
    for (let s = 0; s < 10_000; s++) {
      for (let c = 0; c < 40; c++) {
        if (round >= 2 && random() >= 0.5) continue;
        const day = 1 + round * 9 + Math.floor(random() * 8);
        const value = Math.min(4, 1 + Math.floor(random() * 4));
        const month = String(9 + Math.floor(day / 28)).padStart(2, "0");
        const date = String(1 + (day % 28)).padStart(2, "0");
        lines.push(`{"student":"s-${String(s).padStart(5, "0")}","competency":"MATH.${String(c).padStart(2, "0")}","value":${value},"at":"2026-${month}-${date}T10:00:00Z"}`);
        if (lines.length >= 1_000_000) break fill;
      }
    }
  }
  return { text: lines.join("\n"), count: lines.length };
}

if (child) {
  const root = new URL("../", import.meta.url).pathname;
  const evident = await import(`${root}pkg/index.js`);
  evident.initSync({ module: readFileSync(`${root}pkg/evident_core_bg.wasm`) });
  const { text, count } = evidenceText();
  const seconds = [];
  let estimates = 0;
  for (let call = 0; call < 3; call++) {
    const started = performance.now();
    estimates = evident.computeMastery(text, { method: child }).length;
    seconds.push((performance.now() - started) / 1000);
  }
  console.log(JSON.stringify({ count, megabytes: text.length / 1e6, estimates, seconds }));
} else {
  let header = false;
  for (const method of methods) {
    const run = JSON.parse(execFileSync(process.execPath, [new URL(import.meta.url).pathname, "--method", method], { encoding: "utf8" }));
    if (!header) {
      console.log(`wasm mastery: ${run.count} evidence records (${run.megabytes.toFixed(1)} MB of JSON Lines), 10,000 students × 40 competencies; JSON Lines in, objects out`);
      header = true;
    }
    const [first, ...later] = run.seconds;
    console.log(`${method.padEnd(16)} first call ${first.toFixed(2)} s, later calls ${later.map((s) => s.toFixed(2)).join(" / ")} s  (${run.estimates} estimates; a fresh process)`);
  }
}
