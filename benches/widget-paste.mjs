// Benchmark: a 2 MB paste into <evident-feedback> on the student page, then five keystrokes
// at its end. Prints the longest main-thread task (PerformanceObserver "longtask", tasks of
// 50 ms or more) of the paste and of the typing, how many <mark>s the widget holds, and how
// many characters the draft store kept. It prints figures; it asserts nothing about time.
//
//   node benches/widget-paste.mjs                      # the widget in pkg/ (bash scripts/build.sh)
//   WIDGET_COMPONENTS=/tmp/old/components node benches/widget-paste.mjs   # another widget build,
//                                                      # e.g. `git archive <rev> js/components`
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { start } from "../tests/e2e/run.mjs";

const SIZE = 2_000_000;
const other = process.env.WIDGET_COMPONENTS;
const env = await start();
try {
  const { page, context } = await env.open();
  if (other) {
    await page.route("**/pkg/components/*.js", (route) => {
      const name = new URL(route.request().url()).pathname.split("/").pop();
      route.fulfill({ body: readFileSync(join(other, name)), contentType: "text/javascript" });
    });
  }
  await page.addInitScript(() => {
    window.__tasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__tasks.push({ start: e.startTime, duration: e.duration }); })
      .observe({ type: "longtask", buffered: true });
  });
  await page.goto(`${env.base}/www/student.html`);
  await page.locator('evident-feedback li[part=criterion][data-criterion="claim"]').waitFor();
  const sample = JSON.parse(readFileSync(new URL("../www/data/samples.json", import.meta.url), "utf8"))["cer-lab"];
  const text = `${sample} `.repeat(Math.ceil(SIZE / (sample.length + 1))).slice(0, SIZE);

  // Paste: insertText is what the browser runs for a paste (it fires the same input event).
  await page.evaluate(() => { window.__tasks = []; });
  await page.locator("#answer").focus();
  const inserted = await page.evaluate((t) => {
    const answer = document.getElementById("answer");
    answer.setSelectionRange(answer.value.length, answer.value.length);
    const t0 = performance.now();
    document.execCommand("insertText", false, t);
    window.__insertedAt = performance.now();
    return window.__insertedAt - t0;
  }, text);
  await page.waitForFunction((n) => document.querySelector("evident-feedback").report && document.querySelector("evident-feedback").shadowRoot.querySelector("[part=busy]")?.hidden !== false
    && document.getElementById("answer").value.length >= n, SIZE, { timeout: 120_000 });
  await page.waitForTimeout(1500);
  // Tasks that start after the browser has inserted the text are the widget's (the analysis).
  const paste = await page.evaluate(() => window.__tasks.filter((e) => e.start >= window.__insertedAt).map((e) => e.duration));

  // Five keystrokes at the end of the 2 MB answer, then wait for the (debounced) analysis.
  await page.evaluate(() => {
    window.__tasks = [];
    document.getElementById("answer").addEventListener("input", () => { window.__lastKey = performance.now(); });
  });
  await page.keyboard.press("End");
  await page.evaluate(() => {
    const a = document.getElementById("answer");
    a.setSelectionRange(a.value.length, a.value.length);
  });
  await page.keyboard.type(" Yes.", { delay: 50 });
  await page.waitForTimeout(3000);
  const all = await page.evaluate(() => window.__tasks.slice());
  const lastKey = await page.evaluate(() => window.__lastKey);
  // Keystroke tasks are the browser's own editing of a 2 MB textarea (a bare one has them
  // too); the widget's analysis runs after the 500 ms pause that follows the last key.
  const keys = all.filter((e) => e.start < lastKey + 100).map((e) => e.duration);
  const typing = all.filter((e) => e.start >= lastKey + 100).map((e) => e.duration);
  const marks = await page.evaluate(() => document.querySelector("evident-feedback").shadowRoot.querySelectorAll("mark").length);
  const draft = await page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.startsWith("evident-draft:"))
    .map(([, v]) => { try { return JSON.parse(v).text.length; } catch { return v.length; } }));
  // The widget's own share of a keystroke: one re-analysis and render after a one-character edit.
  const own = await page.evaluate(() => {
    const el = document.querySelector("evident-feedback");
    const answer = document.getElementById("answer");
    const times = [];
    for (let i = 0; i < 5; i++) {
      answer.setRangeText("x", answer.value.length, answer.value.length, "end");
      const t0 = performance.now();
      el.refresh();
      times.push(performance.now() - t0);
    }
    return times.sort((a, b) => a - b)[2];
  });
  const fmt = (xs) => (xs.length ? `${Math.round(Math.max(...xs))} ms (${xs.length} long tasks, ${Math.round(xs.reduce((a, b) => a + b, 0))} ms in all)` : "none over 50 ms");
  console.log(`[widget-paste] widget: ${other ?? "pkg/components"}`);
  console.log(`[widget-paste] ${SIZE.toLocaleString("en")}-character paste: the browser's insertion (with the input handlers) ${Math.round(inserted)} ms; longest task after it ${fmt(paste)}`);
  console.log(`[widget-paste] 5 keystrokes at its end: longest keystroke task ${fmt(keys)}; longest task after the last key ${fmt(typing)}`);
  console.log(`[widget-paste] the widget's own re-analysis + render after a one-character edit: ${own.toFixed(1)} ms (median of 5)`);
  console.log(`[widget-paste] <mark> elements in the widget: ${marks}; draft characters kept: ${draft.join(", ") || "none"}`);
  await context.close();
} finally {
  await env.close();
}
