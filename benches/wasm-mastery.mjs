// Mastery for 1,000,000 evidence records (10,000 students × 40 competencies, 2–3 records
// each, the same shape as benches/mastery.rs) through the wasm build: JSON Lines string in,
// estimate objects out. In Node's V8 by default, in headless Chromium with --browser.
// Needs `bash scripts/build.sh`.
//
//   node benches/wasm-mastery.mjs [--browser]    (METHODS=latest,bkt to choose methods)
//
// Each method runs in a fresh process (Node) or a fresh page (Chromium): its first call
// (what a page pays: the wasm memory grows, the engine optimises the hot functions) is
// printed apart from the next two. Prints figures; asserts nothing.
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { evidenceText, timeCalls } from "./mastery-evidence.mjs";

const methods = (process.env.METHODS || "decayingAverage,nMastery,latest,highest,average,mode,powerLaw,bkt").split(",");
const root = new URL("../", import.meta.url);

function report(where, runs) {
  console.log(`wasm mastery in ${where}: ${runs[0].count} evidence records (${runs[0].megabytes.toFixed(1)} MB of JSON Lines), 10,000 students × 40 competencies; JSON Lines in, objects out`);
  for (const run of runs) {
    const [first, ...later] = run.seconds;
    console.log(`${run.method.padEnd(16)} first call ${first.toFixed(2)} s, later calls ${later.map((s) => s.toFixed(2)).join(" / ")} s  (${run.estimates} estimates)`);
  }
}

if (process.argv[2] === "--method") {
  // One method in this (fresh) process.
  const evident = await import(new URL("pkg/full.js", root));
  evident.initSync({ module: readFileSync(new URL("pkg/evident_full_bg.wasm", root)) });
  const { text, count } = evidenceText();
  console.log(JSON.stringify({ count, megabytes: text.length / 1e6, ...timeCalls(evident.computeMastery, text, process.argv[3]) }));
} else if (process.argv[2] === "--browser") {
  const { chromium } = await import("playwright-core");
  const { serve } = await import("../scripts/serve.mjs");
  const port = Number(process.env.BENCH_PORT || 8766);
  const webdriver = JSON.parse(readFileSync(new URL("webdriver.json", root), "utf8"));
  const args = webdriver["goog:chromeOptions"].args.filter((a) => !a.startsWith("--headless"));
  const server = await serve(port);
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args });
  try {
    const runs = [];
    for (const method of methods) {
      const page = await browser.newPage();
      page.on("console", (m) => m.type() === "error" && console.error("[page]", m.text()));
      await page.goto(`http://127.0.0.1:${port}/benches/wasm-mastery.html`);
      const run = await page.evaluate(async (method) => {
        const evident = await import("/pkg/index.js");
        await evident.default();
        const { evidenceText, timeCalls } = await import("/benches/mastery-evidence.mjs");
        const { text, count } = evidenceText();
        return { count, megabytes: text.length / 1e6, ...timeCalls(evident.computeMastery, text, method) };
      }, method);
      runs.push({ method, ...run });
      await page.close();
    }
    report(`Chromium ${browser.version()}`, runs);
  } finally {
    await browser.close();
    server.close();
  }
} else {
  const runs = methods.map((method) => ({
    method,
    ...JSON.parse(execFileSync(process.execPath, [new URL(import.meta.url).pathname, "--method", method], { encoding: "utf8" })),
  }));
  report(`Node ${process.versions.node} (V8 ${process.versions.v8})`, runs);
}
