// A huge paste into the student widget: it says "checking…" while the analysis waits for a
// pause and then runs in slices that give the page back, holds a bounded number of highlights (never one <mark> per match of a 2 MB text),
// re-renders only what changed, and the draft store keeps a capped copy and says so.
// Timing is measured by benches/widget-paste.mjs (it prints figures; nothing here is timed).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { start } from "./run.mjs";

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

const sample = JSON.parse(readFileSync(new URL("../../www/data/samples.json", import.meta.url), "utf8"))["cer-lab"];
// The CER sample (271 characters + a space) repeated to 2,000,000 characters: ~7,350 copies,
// each with 15 evidence spans, so about 110,000 spans in all.
const big = `${sample} `.repeat(Math.ceil(2_000_000 / (sample.length + 1))).slice(0, 2_000_000);

// Records in `window.__updates` the length of every text the widget's live session is given:
// the engine's `session` is patched, and a change of `field` makes the widget open a new one.
function recordUpdates(page) {
  return page.evaluate(() => {
    window.__updates = [];
    const el = document.querySelector("evident-feedback");
    const proto = Object.getPrototypeOf(el.engine);
    const open = proto.session;
    proto.session = function (...args) {
      const session = open.apply(this, args);
      const update = session.update.bind(session);
      session.update = (text) => { window.__updates.push(text.length); return update(text); };
      return session;
    };
    el.setAttribute("field", "response");
  });
}

test("a 2 MB paste shows 'checking…', then capped highlights and a capped draft", async () => {
  const { page, errors, context } = await env.open("/www/student.html?student=paste");
  await page.locator('evident-feedback [part=criterion][data-criterion="claim"]').first().waitFor();
  // A host that lets answers of 3,000,000 characters be scored (the default is 100,000: the
  // next test): the whole paste is analysed.
  await page.evaluate(async () => (await import("/pkg/engine.js")).setLimits({ answerChars: 3_000_000 }));
  await page.evaluate(() => {
    window.__busy = [];
    const busy = document.querySelector("evident-feedback").shadowRoot.querySelector("[part=busy]");
    new MutationObserver(() => window.__busy.push(!busy.hidden)).observe(busy, { attributes: true, attributeFilter: ["hidden"] });
    window.__scores = 0;
    document.addEventListener("evident-score", () => { window.__scores += 1; });
  });
  await recordUpdates(page);
  await page.waitForFunction(() => window.__updates.length > 0);
  await page.evaluate(() => { window.__updates = []; window.__scores = 0; });
  await page.locator("#answer").focus();
  await page.evaluate((t) => {
    const answer = document.getElementById("answer");
    answer.value = t;
    answer.dispatchEvent(new Event("input", { bubbles: true }));
  }, big);
  // Right after the input, the analysis has not run: the panel says it is checking.
  assert.equal(await page.locator("evident-feedback [part=busy]").innerText(), "Checking your long text…");
  assert.equal(await page.evaluate(() => window.__scores), 0);
  await page.waitForFunction(() => window.__scores > 0, null, { timeout: 60_000 });
  // The 2,000,000 characters went to the engine in slices of at most 50,000 new characters
  // (cut after a space), so at least 40 calls, growing, ending with the whole text; only the
  // whole text's result was rendered (one evident-score).
  const updates = await page.evaluate(() => window.__updates);
  assert.ok(updates.length >= 40, `${updates.length} updates`);
  assert.equal(updates.at(-1), 2_000_000);
  assert.ok(updates.every((n, i) => n - (updates[i - 1] ?? 0) <= 50_000 && n > (updates[i - 1] ?? 0)), updates.join(","));
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__scores), 1);
  assert.equal(await page.locator("evident-feedback [part=busy]").isVisible(), false);
  assert.deepEqual(await page.evaluate(() => window.__busy), [true, false]);
  // The sample meets evidence 4 and reasoning 3 (student.test.mjs); so does 2 MB of it.
  assert.equal(await page.evaluate(() => document.querySelector("evident-feedback").report.criteria[1].level), 4);
  // Closed text view: only the strengths' quotes are marked, at most three per strength.
  const strengths = await page.locator("evident-feedback li[part=strength]").count();
  const marks = await page.evaluate(() => document.querySelector("evident-feedback").shadowRoot.querySelectorAll("mark").length);
  assert.ok(marks <= 3 * strengths, `${marks} marks for ${strengths} strengths`);
  // Opened: 200 highlights at most, and it says how many there are.
  await page.locator("evident-feedback [part=text-view] summary").click();
  const textMarks = await page.evaluate(() => document.querySelector("evident-feedback").shadowRoot.querySelectorAll("[part=text] mark").length);
  assert.equal(textMarks, 200);
  assert.match(await page.locator("evident-feedback [part=text-view] p").innerText(), /^Showing the first 200 of [\d,]{6,} highlights\. Showing the first [\d,]+ of 2,000,000 characters\.$/);
  // The draft keeps its first 100,000 characters and the panel says so.
  await page.waitForFunction(() => Object.entries(localStorage).some(([k, v]) => k.startsWith("evident-draft:v2:paste|") && JSON.parse(v).truncated));
  const kept = await page.evaluate(() => JSON.parse(Object.entries(localStorage).find(([k]) => k.startsWith("evident-draft:v2:paste|"))[1]).text.length);
  assert.equal(kept, 100_000);
  assert.match(await page.locator("evident-feedback [part=status]").innerText(), /only its first 100,000 characters are saved/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("an answer over the engine's answerChars is analysed up to the limit, and the widget says so", async () => {
  const { page, errors, context } = await env.open("/www/student.html?student=long");
  await page.locator('evident-feedback [part=criterion][data-criterion="claim"]').first().waitFor();
  await recordUpdates(page);
  const put = (t) => page.evaluate((t) => {
    const answer = document.getElementById("answer");
    answer.value = t;
    answer.dispatchEvent(new Event("input", { bubbles: true }));
  }, t);
  // 150,000 characters, 50,000 over the default limit of 100,000.
  await page.waitForFunction(() => window.__updates.length > 0);
  await page.evaluate(() => { window.__updates = []; });
  await put(big.slice(0, 150_000));
  const notice = page.locator("evident-feedback [part=too-long]");
  await notice.waitFor();
  assert.equal(await notice.innerText(), "Your answer has 150,000 characters: feedback covers its first 100,000, and an answer longer than that cannot be scored. Shorten it, or split it as your teacher asks.");
  await page.waitForFunction(() => document.querySelector("evident-feedback").report !== null && window.__updates.length > 0);
  await page.waitForTimeout(800);
  // The session never saw more than the limit, and its last text is the first 100,000.
  const updates = await page.evaluate(() => window.__updates);
  assert.equal(Math.max(...updates), 100_000, updates.join(","));
  assert.equal(updates.at(-1), 100_000);
  // The feedback still covers what was analysed: the sample's evidence level.
  assert.equal(await page.evaluate(() => document.querySelector("evident-feedback").report.criteria[1].level), 4);
  // In Spanish, the same notice in Spanish.
  await page.locator("#language").selectOption("es");
  await page.locator("evident-feedback [part=too-long]", { hasText: "Tu respuesta tiene 150.000 caracteres" }).waitFor();
  // Back within the limit: the notice goes.
  await put(big.slice(0, 90_000));
  await notice.waitFor({ state: "hidden" });
  assert.deepEqual(errors, []);
  await context.close();
});

test("keystrokes in a long answer are analysed after a pause, not one by one", async () => {
  const { page, context } = await env.open("/www/student.html");
  await page.locator('evident-feedback [part=criterion][data-criterion="claim"]').first().waitFor();
  // 40,000 characters: past the 20,000 at which the widget waits for a pause.
  const long = big.slice(0, 40_000);
  await page.evaluate((t) => {
    const answer = document.getElementById("answer");
    answer.value = t;
    answer.dispatchEvent(new Event("input", { bubbles: true }));
  }, long);
  await page.waitForFunction(() => document.querySelector("evident-feedback").report !== null);
  await page.waitForTimeout(700);
  await page.evaluate(() => { window.__scores = 0; document.addEventListener("evident-score", () => { window.__scores += 1; }); });
  await page.locator("#answer").focus();
  await page.evaluate(() => { const a = document.getElementById("answer"); a.setSelectionRange(a.value.length, a.value.length); });
  await page.keyboard.type(" More words here.", { delay: 30 }); // 17 keys, 30 ms apart
  await page.waitForTimeout(1200);
  const scores = await page.evaluate(() => window.__scores);
  // One analysis after the pause (two if the machine stalled longer than the 500 ms pause).
  assert.ok(scores >= 1 && scores <= 2, `${scores} analyses for 17 keystrokes`);
  // A short answer is still analysed on every frame: the same keys, 17 analyses or close.
  await page.evaluate(() => {
    const a = document.getElementById("answer");
    a.value = "";
    a.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await page.waitForTimeout(300);
  await page.evaluate(() => { window.__scores = 0; });
  await page.keyboard.type("Light helps plants.", { delay: 30 });
  await page.waitForTimeout(300);
  assert.ok(await page.evaluate(() => window.__scores) >= 10);
  await context.close();
});

test("a keystroke that changes nothing visible re-renders no section of the panel", async () => {
  const { page, context } = await env.open("/www/student.html");
  await page.locator('evident-feedback [part=criterion][data-criterion="claim"]').first().waitFor();
  await page.locator("#answer").click();
  await page.keyboard.type("My claim is that light helps plants grow. The data show 14 cm.");
  await page.waitForFunction(() => document.querySelector("evident-feedback").report?.criteria[1].level === 3);
  await page.waitForTimeout(200);
  await page.evaluate(() => {
    window.__mutations = [];
    const root = document.querySelector("evident-feedback").shadowRoot;
    new MutationObserver((records) => {
      for (const r of records) if (r.type === "childList") window.__mutations.push(r.target.getAttribute?.("part") ?? r.target.className);
    }).observe(root, { childList: true, subtree: true });
  });
  // Adding a space after the text changes no level, strength, quote or step.
  await page.keyboard.type(" ");
  await page.waitForTimeout(300);
  assert.deepEqual(await page.evaluate(() => window.__mutations), []);
  // A word that meets a new indicator re-renders what changed.
  await page.keyboard.type("This is because light gives energy.");
  await page.waitForFunction(() => document.querySelector("evident-feedback").report?.criteria[2].level >= 2);
  await page.waitForTimeout(200);
  const changed = new Set(await page.evaluate(() => window.__mutations));
  assert.ok(changed.has("criteria") && changed.has("strengths"), [...changed].join(","));
  await context.close();
});
