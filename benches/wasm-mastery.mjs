// Mastery for 1,000,000 evidence records (10,000 students × 40 competencies, 2–3 records
// each, the same shape as benches/mastery.rs) through the wasm build, in Node's V8 (the
// engine of Chromium). Needs `bash scripts/build.sh`. Run: node benches/wasm-mastery.mjs
// Prints figures; asserts nothing.
import { readFileSync } from "node:fs";

const root = new URL("../", import.meta.url).pathname;
const evident = await import(`${root}pkg/index.js`);
evident.initSync({ module: readFileSync(`${root}pkg/evident_core_bg.wasm`) });

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
const jsonl = lines.join("\n");
console.log(`wasm mastery: ${lines.length} evidence records (${(jsonl.length / 1e6).toFixed(1)} MB of JSON Lines), 10,000 students × 40 competencies`);
for (const method of (process.env.METHODS || "decayingAverage,nMastery,latest,highest,average,mode,powerLaw,bkt").split(",")) {
  const t = performance.now();
  const estimates = evident.computeMastery(jsonl, { method });
  const seconds = (performance.now() - t) / 1000;
  console.log(`${method.padEnd(16)} ${seconds.toFixed(2)} s  (${estimates.length} estimates, JSON Lines in, objects out)`);
}
