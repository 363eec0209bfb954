// Browser benchmark: serves the repository with scripts/serve.mjs, opens
// benches/browser/bench.html in headless Debian Chromium through playwright-core, and
// prints the per-keystroke cost of `live.update(text)` (which returns the score report and
// the feedback) for lab reports of 1k, 10k and 100k words. Needs `bash scripts/build.sh`
// first (pkg/). Prints figures; asserts nothing.
//
//   node benches/browser/bench.mjs
import { chromium } from "playwright-core";
import { readFile } from "node:fs/promises";
import { serve } from "../../scripts/serve.mjs";

const root = new URL("../../", import.meta.url);
const port = Number(process.env.BENCH_PORT || 8765);
const webdriver = JSON.parse(await readFile(new URL("webdriver.json", root), "utf8"));
const args = webdriver["goog:chromeOptions"].args.filter((a) => !a.startsWith("--headless"));

const server = await serve(port);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args });
try {
  const page = await browser.newPage();
  page.on("console", (m) => m.type() === "error" && console.error("[page]", m.text()));
  await page.goto(`http://127.0.0.1:${port}/benches/browser/bench.html`);
  await page.waitForFunction(() => window.benchResult, null, { timeout: 600_000, polling: 500 });
  const result = await page.evaluate(() => window.benchResult);
  if (result.error) throw new Error(result.error);
  const f = (x) => x.toFixed(1).padStart(9);
  console.log(`Chromium ${browser.version()}: lab rubric (6 criteria, 40 indicators), live.update incl. feedback`);
  console.log(`page cross-origin isolated: ${result.isolated}; performance.now() step ${result.clockStepUs.toFixed(1)} µs; keystrokes timed in batches of 10`);
  console.log("   words  full score µs   type at end µs (median / p95)   type in middle µs (median / p95)   result JSON  JSON.parse µs");
  console.log(`first typing pass in a fresh page (middle of 1,000 words, before V8 has optimised the code): ${result.coldPassUs.toFixed(1)} µs per keystroke (mean); the table is after warming up`);
  for (const r of result.rows) {
    console.log(
      `${String(r.words).padStart(8)} ${f(r.fullScoreMedianUs)}      ${f(r.typeAtEnd.median)} / ${f(r.typeAtEnd.p95)}          ${f(r.typeInMiddle.median)} / ${f(r.typeInMiddle.p95)}   ${String(r.resultJsonBytes).padStart(9)} B ${f(r.jsonParseUs)}`,
    );
  }
} finally {
  await browser.close();
  server.close();
}
