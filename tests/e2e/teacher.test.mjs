// The teacher's rubric preview: editing JSON re-renders <evident-rubric>, bad rubrics show
// the JSON path of the fault, advice appears, and the rubric can be tried on sample work.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { root, start } from "./run.mjs";

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

async function openTeacher() {
  const opened = await env.open("/www/teacher.html");
  await opened.page.locator("evident-rubric table").waitFor();
  return opened;
}

// Replaces the editor's text the way a teacher pasting would, then lets the preview update.
async function setRubric(page, text) {
  await page.locator("#rubric-json").fill(text);
}

test("the example rubric renders as a table with its criteria and levels", async () => {
  const { page, errors, context } = await openTeacher();
  const rows = await page.locator("evident-rubric tbody tr").evaluateAll((els) => els.map((e) => e.dataset.criterion));
  assert.deepEqual(rows, ["claim", "evidence", "reasoning"]);
  const headers = await page.locator("evident-rubric thead th").allInnerTexts();
  assert.deepEqual(headers, ["Criterion", "Beginning (1)", "Developing (2)", "Proficient (3)", "Advanced (4)"]);
  // Teachers see what each level needs, by the indicators' labels.
  const cell = await page.locator('evident-rubric tr[data-criterion="claim"] td[data-level="3"]').innerText();
  assert.match(cell, /Needs: a claim, light and growth/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a malformed rubric shows the error with its JSON path", async () => {
  const { page, context } = await openTeacher();
  const rubric = JSON.parse(await page.locator("#rubric-json").inputValue());
  rubric.criteria[1].levels[2].points = "two";
  await setRubric(page, JSON.stringify(rubric, null, 2));
  const error = page.locator("evident-rubric [part=error]");
  await error.waitFor();
  assert.equal(await error.getAttribute("role"), "alert");
  const paths = await page.locator("evident-rubric [part=error] code").allInnerTexts();
  assert.ok(paths.includes("criteria[1].levels[2].points"), paths.join(", "));
  assert.match(await error.innerText(), /number/);
  // Fixing it brings the table back.
  rubric.criteria[1].levels[2].points = 2;
  await setRubric(page, JSON.stringify(rubric, null, 2));
  await page.locator("evident-rubric table").waitFor();
  await context.close();
});

test("text that is not JSON shows where it breaks", async () => {
  const { page, context } = await openTeacher();
  await setRubric(page, '{\n  "id": "x",\n  "title": "Broken",\n  "criteria": [\n');
  const error = page.locator("evident-rubric [part=error]");
  await error.waitFor();
  assert.match(await error.innerText(), /line \d+/i);
  await context.close();
});

test("an unknown key is reported with its path and a suggestion", async () => {
  const { page, context } = await openTeacher();
  const rubric = JSON.parse(await page.locator("#rubric-json").inputValue());
  rubric.criteria[0].wieght = 2;
  await setRubric(page, JSON.stringify(rubric));
  await page.locator("evident-rubric [part=error]").waitFor();
  const text = await page.locator("evident-rubric [part=error]").innerText();
  assert.match(text, /criteria\[0\]\.wieght/);
  assert.match(text, /weight/);
  await context.close();
});

test("vague wording gets lint advice with its path", async () => {
  const { page, context } = await openTeacher();
  const rubric = JSON.parse(await page.locator("#rubric-json").inputValue());
  // "Good work." only judges ("good" is evaluative, "work" carries nothing): the linter
  // asks for a descriptor that says what the work shows.
  rubric.criteria[2].levels[1].descriptor = "Good work.";
  await setRubric(page, JSON.stringify(rubric));
  const advice = page.locator("evident-rubric [part=advice] li");
  await advice.first().waitFor();
  const paths = await page.locator("evident-rubric [part=advice] code").allInnerTexts();
  assert.ok(paths.includes("criteria[2].levels[1].descriptor"), paths.join(", "));
  const codes = await advice.evaluateAll((els) => els.map((e) => e.dataset.code));
  assert.ok(codes.includes("vague-descriptor"), codes.join(", "));
  await context.close();
});

test("the student view shows the I-can wording", async () => {
  const { page, context } = await openTeacher();
  await page.locator("#audience").selectOption("student");
  const cell = page.locator('evident-rubric tr[data-criterion="claim"] td[data-level="2"]');
  await cell.filter({ hasText: "I can state a claim." }).waitFor();
  assert.doesNotMatch(await cell.innerText(), /Needs:/);
  await context.close();
});

test("the rubric can be tried on sample work", async () => {
  const { page, context } = await openTeacher();
  await page.locator("#try [part=criterion]").first().waitFor();
  await page.getByRole("button", { name: "Load sample work" }).click();
  // The CER sample scores claim 3 (2 points), evidence 4 (3 points × 2), reasoning 3 (2 points):
  // 2 + 6 + 2 = 10 of 3 + 6 + 3 = 12 points.
  await page.locator("#score", { hasText: "10 of 12" }).waitFor();
  await context.close();
});

test("author text with markup is shown as text, never run", async () => {
  const { page, context } = await openTeacher();
  const rubric = JSON.parse(await page.locator("#rubric-json").inputValue());
  rubric.title = '<img src=x onerror="window.__pwned=1">Lab';
  rubric.criteria[0].title = "<b>Claim</b>";
  await setRubric(page, JSON.stringify(rubric));
  await page.locator("evident-rubric caption", { hasText: "<img" }).waitFor();
  assert.equal(await page.locator("evident-rubric img").count(), 0);
  assert.equal(await page.locator("evident-rubric b").count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await context.close();
});

test("calibration compares the engine's levels with the teacher's on the example samples", async () => {
  // Worked out independently of the calibration code: score each sample with the engine and
  // count the criteria where the level equals the teacher's.
  const evident = await import(`${root}pkg/engine.js`);
  evident.initSync({ module: readFileSync(`${root}pkg/evident_core_bg.wasm`) });
  const engine = new evident.Engine(readFileSync(`${root}examples/cer-lab.rubric.json`, "utf8"));
  const samples = readFileSync(`${root}examples/cer-lab.samples.jsonl`, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l));
  const exact = {};
  for (const sample of samples) {
    const report = engine.score(sample.submission);
    for (const c of report.criteria) exact[c.id] = (exact[c.id] ?? 0) + (c.level === sample.teacher[c.id] ? 1 : 0);
  }
  const pct = (k) => `${Math.round((k / samples.length) * 1000) / 10}%`;

  const { page, context } = await openTeacher();
  const table = page.locator("#calibration-table");
  await table.waitFor();
  const rows = await table.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  // Rows: the three criteria then all criteria pooled; columns: name, pairs, exact, adjacent, kappa, mean difference.
  assert.deepEqual(rows.map((r) => r[0]), ["Claim", "Evidence", "Reasoning", "All criteria"]);
  assert.deepEqual(rows.map((r) => r[1]), [String(samples.length), String(samples.length), String(samples.length), String(3 * samples.length)]);
  assert.deepEqual(rows.slice(0, 3).map((r) => r[2]), [pct(exact.claim), pct(exact.evidence), pct(exact.reasoning)]);
  await context.close();
});
