// The worst inputs of issue 15 in headless Chromium, through the student build as a page
// calls it: how long each call (one task of the page) takes, at the default limits. The
// browser counterpart of `cargo bench --bench hostile`; the 2 MB paste into the widget is
// benches/widget-paste.mjs, a million evidence records benches/mastery-async.mjs. Needs
// `bash scripts/build.sh`. Prints figures; asserts nothing.
//
//   node benches/browser/hostile.mjs
import { runPage } from "./run-page.mjs";

const port = Number(process.env.BENCH_PORT || 8768);
const { result, version } = await runPage("hostile.html", { port });
console.log(`Chromium ${version}: each call is one task of the page (ms: first run / slowest of three), default limits`);
for (const r of result.rows) {
  const ms = `${r.first.toFixed(1)} / ${r.max.toFixed(1)}`.padStart(16);
  console.log(`${ms}  ${r.what}${r.note ? `: ${r.note}` : ""}`);
}
const longest = Math.max(...result.rows.map((r) => r.max));
console.log(`longest call: ${longest.toFixed(1)} ms (budget 50 ms)`);
