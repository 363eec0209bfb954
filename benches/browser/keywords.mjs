// Side-by-side benchmark in one headless Chromium page (Debian's, through playwright-core):
// a full score of a 1,000-word lab report against 40 fuzzy keyword groups by Evident, by a
// straightforward JavaScript keyword scorer (a regex per group), by the same scorer with
// fuzzy matching by edit distance, and by H5P Essay's own `computeResults` when
// H5P_ESSAY_DIR names a folder holding H5P Essay's and H5P Text Utilities' scripts (fetched
// for the run, never kept in the repository). Prints each one's median and the ratios to
// Evident. Needs `bash scripts/build.sh` first (pkg/). Prints figures; asserts nothing.
//
//   node benches/browser/keywords.mjs
import { runPage } from "./run-page.mjs";

const port = Number(process.env.BENCH_PORT || 8766);
let initScript;
if (process.env.H5P_ESSAY_DIR) {
  const { h5pSetupScript } = await import("./h5p-essay.mjs");
  initScript = await h5pSetupScript(process.env.H5P_ESSAY_DIR);
}
const { result, version } = await runPage("keywords.html", { port, initScript });
console.log(`Chromium ${version}: ${result.words} words, ${result.groups} keyword groups; cross-origin isolated: ${result.isolated}`);
const evident = result.rows[0].median;
for (const r of result.rows) {
  const ratio = r.median / evident;
  console.log(`${r.name.padEnd(62)} ${r.median.toFixed(1).padStart(10)} µs  (min ${r.min.toFixed(1)})  ${r.points} points  ${ratio.toFixed(2)}× Evident's time`);
}
console.log(`Evident's report: ${result.reportJsonBytes} bytes as JSON; JSON.parse of it alone ${result.jsonParseUs.toFixed(1)} µs`);
console.log(`Evident, a one-sentence answer: ${result.shortScoreUs.toFixed(1)} µs; the first score of a new engine (no word seen yet): ${result.firstScoreUs.toFixed(1)} µs (compiling the rubric: ${result.compileUs.toFixed(1)} µs)`);
if (!process.env.H5P_ESSAY_DIR) console.log("(H5P Essay itself: set H5P_ESSAY_DIR to a folder with its scripts; see README)");
