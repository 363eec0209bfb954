// How long the page is blocked while mastery is computed for 1,000,000 evidence records
// (the evidence of benches/wasm-mastery.mjs), in headless Chromium: `computeMastery` (one
// call) against `computeMasteryAsync` (steps of at most `sliceMs`, the thread given back in
// between). A heartbeat (a task posted again each time it runs) measures the longest time the
// page could not run a task, as a click or a keystroke would wait; Chromium's long-task
// entries (over 50 ms) are counted too. Then five million lines: refused at the record limit
// while reading, after how long. Needs `bash scripts/build.sh`. Prints figures; asserts
// nothing.
//
//   node benches/mastery-async.mjs            (METHODS=decayingAverage,bkt SLICE_MS=8)
import { readFileSync } from "node:fs";

// "bktFit" is BKT with its parameters fitted per competency (EM), the heaviest method.
const methods = (process.env.METHODS || "decayingAverage,nMastery,bkt,bktFit").split(",");
const optionsOf = (method) => (method === "bktFit" ? { method: "bkt", fit: true } : { method });
const sliceMs = Number(process.env.SLICE_MS || 8);
const root = new URL("../", import.meta.url);
const { chromium } = await import("playwright-core");
const { serve } = await import("../scripts/serve.mjs");
const port = Number(process.env.BENCH_PORT || 8767);
const webdriver = JSON.parse(readFileSync(new URL("webdriver.json", root), "utf8"));
const args = webdriver["goog:chromeOptions"].args.filter((a) => !a.startsWith("--headless"));
const server = await serve(port);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args });

// In the page: runs `work` with a heartbeat going; gives the work's duration, the longest gap
// between two heartbeats, and Chromium's long tasks over the same time.
async function measured(work) {
  const entries = [];
  const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
  observer.observe({ type: "longtask" });
  const channel = new MessageChannel();
  let last = performance.now();
  let longestGap = 0;
  let beating = true;
  channel.port1.onmessage = () => {
    const now = performance.now();
    longestGap = Math.max(longestGap, now - last);
    last = now;
    if (beating) channel.port2.postMessage(0);
  };
  channel.port2.postMessage(0);
  await new Promise((resolve) => setTimeout(resolve, 20));
  const started = performance.now();
  let result;
  try {
    result = await work();
  } catch (e) {
    result = `${e.name}: ${String(e.message).slice(0, 120)}`;
  }
  const seconds = (performance.now() - started) / 1000;
  await new Promise((resolve) => setTimeout(resolve, 20));
  beating = false;
  observer.disconnect();
  // Only the tasks of the work (the evidence was generated before it, in a task of its own).
  const longTasks = entries.filter((e) => e.startTime >= started - 1).map((e) => e.duration);
  channel.port1.close();
  return { seconds, longestGapMs: longestGap, longTasks: longTasks.length, longestTaskMs: Math.max(0, ...longTasks), result };
}

const fmt = (r) =>
  `${r.seconds.toFixed(2)} s in all, page blocked at most ${r.longestGapMs.toFixed(0)} ms ` +
  `(${r.longTasks} long tasks${r.longTasks ? `, longest ${r.longestTaskMs.toFixed(0)} ms` : ""})`;

try {
  console.log(`mastery in Chromium ${browser.version()}, 1,000,000 evidence records (10,000 students × 40 competencies), sliceMs ${sliceMs}`);
  for (const method of methods) {
    for (const mode of ["computeMastery", "computeMasteryAsync"]) {
      // A fresh page for each: a first call, as a teacher's page makes it.
      const page = await browser.newPage();
      page.on("console", (m) => m.type() === "error" && console.error("[page]", m.text()));
      await page.goto(`http://127.0.0.1:${port}/benches/wasm-mastery.html`);
      const run = await page.evaluate(
        async ({ options, mode, sliceMs, measuredSource }) => {
          const measured = new Function(`return (${measuredSource})`)();
          const evident = await import("/pkg/full.js");
          await evident.default();
          const { evidenceText } = await import("/benches/mastery-evidence.mjs");
          const { text } = evidenceText();
          return measured(async () =>
            mode === "computeMastery"
              ? evident.computeMastery(text, options).length
              : (await evident.computeMasteryAsync(text, options, { sliceMs })).length);
        },
        { options: optionsOf(method), mode, sliceMs, measuredSource: measured.toString() },
      );
      console.log(`${method.padEnd(16)} ${mode.padEnd(20)} ${fmt(run)}  (${run.result} estimates)`);
      await page.close();
    }
  }
  // Five million lines (the longest string V8 holds is about 537 million UTF-16 units): the
  // async path refuses them at the record limit as it reads.
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/benches/wasm-mastery.html`);
  const run = await page.evaluate(
    async ({ sliceMs, measuredSource }) => {
      const measured = new Function(`return (${measuredSource})`)();
      const evident = await import("/pkg/full.js");
      await evident.default();
      const { evidenceText } = await import("/benches/mastery-evidence.mjs");
      const { text } = evidenceText();
      const big = Array(5).fill(text).join("\n"); // 5,000,000 lines, 415 million characters
      return measured(async () => (await evident.computeMasteryAsync(big, {}, { sliceMs })).length);
    },
    { sliceMs, measuredSource: measured.toString() },
  );
  console.log(`5,000,000 lines       computeMasteryAsync  ${fmt(run)}  → ${run.result}`);
  await page.close();
} finally {
  await browser.close();
  server.close();
}
