// The class mastery page: <evident-mastery> lists the class, and opens one student.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { start } from "./run.mjs";

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

test("the class view lists every student and competency", async () => {
  const { page, errors, context } = await env.open("/www/class.html");
  await page.locator("evident-mastery tbody tr").first().waitFor();
  const students = await page.locator("evident-mastery tbody tr").evaluateAll((els) => els.map((e) => e.dataset.student));
  // www/data/class.evidence.jsonl has six students, s-01 … s-06.
  assert.deepEqual(students, ["s-01", "s-02", "s-03", "s-04", "s-05", "s-06"]);
  const headers = await page.locator("evident-mastery thead th").allInnerTexts();
  assert.deepEqual(headers, ["Student", "State a claim", "Support a claim with evidence", "Reason from evidence to claim"]);
  // s-03's reasoning evidence is 1, 1, 1: not mastered by any method.
  const cell = page.locator('evident-mastery tr[data-student="s-03"] td').nth(2);
  assert.match(await cell.innerText(), /not yet/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("choosing a student opens their view", async () => {
  const { page, context } = await env.open("/www/class.html");
  await page.locator("evident-mastery tbody tr").first().waitFor();
  await page.locator("evident-mastery").getByRole("button", { name: "s-02" }).click();
  await page.locator("evident-mastery caption", { hasText: "s-02" }).waitFor();
  const competencies = await page.locator("evident-mastery tbody tr").evaluateAll((els) => els.map((e) => e.dataset.competency));
  assert.deepEqual(competencies, ["SCI.CER.1", "SCI.CER.2", "SCI.CER.3"]);
  assert.equal(await page.locator("#student").inputValue(), "s-02");
  // Back to the class with the picker.
  await page.locator("#student").selectOption("");
  await page.locator('evident-mastery tr[data-student="s-06"]').waitFor();
  await context.close();
});
