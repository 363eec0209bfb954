// Browser benchmark: serves the repository with scripts/serve.mjs, opens
// benches/browser/bench.html in headless Debian Chromium through playwright-core, and
// prints the per-keystroke cost of `live.update(text)` (which returns the score report and
// the feedback) for lab reports of 1k, 10k and 100k words. Needs `bash scripts/build.sh`
// first (pkg/). Prints figures; asserts nothing.
//
//   node benches/browser/bench.mjs
import { runPage } from "./run-page.mjs";

const port = Number(process.env.BENCH_PORT || 8765);
const { result, version } = await runPage("bench.html", { port });
const f = (x) => x.toFixed(1).padStart(9);
console.log(`Chromium ${version}: lab rubric (6 criteria, 40 indicators), live.update incl. feedback`);
console.log(`page cross-origin isolated: ${result.isolated}; performance.now() step ${result.clockStepUs.toFixed(1)} µs; keystrokes timed in batches of 10`);
console.log("   words  full score µs   type at end µs (median / p95)   type in middle µs (median / p95)   result JSON  JSON.parse µs");
console.log(`first typing pass in a fresh page (middle of 1,000 words, before V8 has optimised the code): ${result.coldPassUs.toFixed(1)} µs per keystroke (mean); the table is after warming up`);
for (const r of result.rows) {
  console.log(
    `${String(r.words).padStart(8)} ${f(r.fullScoreMedianUs)}      ${f(r.typeAtEnd.median)} / ${f(r.typeAtEnd.p95)}          ${f(r.typeInMiddle.median)} / ${f(r.typeInMiddle.p95)}   ${String(r.resultJsonBytes).padStart(9)} B ${f(r.jsonParseUs)}`,
  );
}
console.log("each keystroke timed alone (to the clock's step), median / p95 / p99 / max µs:");
for (const r of result.rows) {
  const a = (x) => `${x.median.toFixed(0)} / ${x.p95.toFixed(0)} / ${x.p99.toFixed(0)} / ${x.max.toFixed(0)}`;
  console.log(`${String(r.words).padStart(8)}   at the end ${a(r.typeAtEnd.alone).padEnd(24)} in the middle ${a(r.typeInMiddle.alone)}`);
}
const es = result.spanishRow;
console.log(`in Spanish (CER rubric, Spanish phrases; the text is not all ASCII, so the general segmenter), ${es.words} words: full score ${es.fullScoreMedianUs.toFixed(1)} µs; typing at the end ${es.typeAtEnd.median.toFixed(1)} / ${es.typeAtEnd.p95.toFixed(1)} µs, in the middle ${es.typeInMiddle.median.toFixed(1)} / ${es.typeInMiddle.p95.toFixed(1)} µs (batch median / p95); alone at the end ${es.typeAtEnd.alone.median.toFixed(0)} / ${es.typeAtEnd.alone.p95.toFixed(0)}, in the middle ${es.typeInMiddle.alone.median.toFixed(0)} / ${es.typeInMiddle.alone.p95.toFixed(0)} µs (median / p95)`);
