// Drafts under the vendor's and the school's control: one draft per student and task, never
// shown to another student on the same browser profile; `no-draft`, `clearDraft()`, a submit
// clears the draft; drafts expire; the host clears a student's or the device's drafts in one
// call; the store caps what it keeps and says so; drafts are written on a debounce.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { start } from "./run.mjs";

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

const claimLevel = (page) => page.evaluate(() => document.querySelector("evident-feedback").report?.criteria[0].level);
const draftKeys = (page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("evident-draft:")).sort());

async function studentPage(context, student) {
  const page = await context.newPage();
  await page.goto(`${env.base}/www/student.html${student ? `?student=${student}` : ""}`);
  await page.locator('evident-feedback [part=criterion][data-criterion="claim"]').first().waitFor();
  return page;
}

// A page with its own textarea (in a form) and an <evident-feedback> made by `attrs`.
// The rubric is given inline, so the task key is its id and the textarea id: "cer-lab#host-answer".
async function hostPage(attrs = {}, { context } = {}) {
  const opened = context ? { page: await context.newPage(), context } : await env.open();
  const { page } = opened;
  await page.goto(`${env.base}/www/index.html`);
  await page.locator("#version:not(:empty)").waitFor();
  await page.evaluate(async (attributes) => {
    const rubric = await (await fetch("/examples/cer-lab.rubric.json")).json();
    const form = document.createElement("form");
    form.id = "host-form";
    form.addEventListener("submit", (e) => { e.preventDefault(); window.__submitted = (window.__submitted ?? 0) + 1; });
    const textarea = document.createElement("textarea");
    textarea.id = "host-answer";
    textarea.setAttribute("aria-label", "Answer");
    const panel = document.createElement("evident-feedback");
    panel.setAttribute("for", "host-answer");
    for (const [k, v] of Object.entries(attributes)) panel.setAttribute(k, v);
    panel.rubric = rubric;
    window.__drafts = [];
    panel.addEventListener("evident-draft", (e) => window.__drafts.push(e.detail));
    form.append(textarea, panel);
    document.querySelector("main").prepend(form);
  }, attrs);
  await page.locator("#host-form evident-feedback [part=criterion]").first().waitFor();
  return opened;
}

test("on one browser profile a second student never sees the first student's draft", async () => {
  const context = await env.browser.newContext();
  const ana = await studentPage(context, "ana");
  await ana.locator("#answer").click();
  await ana.keyboard.type("Ana here. My claim is that light makes plants grow.");
  // Another student signs in on the same device, in the same tab.
  await ana.locator("#student").fill("ben");
  await ana.locator("#student").press("Enter");
  await ana.locator("#student").press("Tab");
  await ana.waitForFunction(() => document.querySelector("evident-feedback").getAttribute("student") === "ben");
  assert.equal(await ana.locator("#answer").inputValue(), "");
  assert.equal(await ana.locator("evident-feedback [part=status]").innerText(), "");
  // Ctrl+Z in the emptied box does not bring Ana's text back (the value was assigned, which
  // empties the undo history).
  await ana.locator("#answer").click();
  await ana.keyboard.press("Control+z");
  assert.equal(await ana.locator("#answer").inputValue(), "");
  // Ana's draft was flushed under her name before the switch; Ben has none.
  assert.deepEqual(await draftKeys(ana), ["evident-draft:v2:ana|%2Fexamples%2Fcer-lab.rubric.json%23answer"]);
  await ana.close();
  // A fresh page for Ben: nothing restored. A page for Ana: her text is back, scored at once
  // ("my claim" + light + "grow" → claim 3, as in student.test.mjs).
  const ben = await studentPage(context, "ben");
  await ben.waitForTimeout(300);
  assert.equal(await ben.locator("#answer").inputValue(), "");
  assert.equal(await ben.locator("evident-feedback [part=status]").innerText(), "");
  await ben.close();
  const anaAgain = await studentPage(context, "ana");
  await anaAgain.waitForFunction(() => document.getElementById("answer").value.startsWith("Ana here."));
  assert.equal(await anaAgain.locator("evident-feedback [part=status]").innerText(), "Your saved draft was restored.");
  await anaAgain.waitForFunction(() => document.querySelector("evident-feedback").report?.criteria[0].level === 3);
  // A page with no student is a third identity: it does not see Ana's draft either.
  const nobody = await studentPage(context, "");
  await nobody.waitForTimeout(300);
  assert.equal(await nobody.locator("#answer").inputValue(), "");
  await context.close();
});

test("the student option keys drafts when no attribute is given, and changing it swaps the text", async () => {
  const { page, context } = await hostPage();
  await page.evaluate(() => { document.querySelector("#host-form evident-feedback").options = { student: "s-1" }; });
  await page.locator("#host-answer").click();
  await page.keyboard.type("First student's text.");
  await page.evaluate(() => { document.querySelector("#host-form evident-feedback").options = { student: "s-2" }; });
  assert.equal(await page.locator("#host-answer").inputValue(), "");
  await page.keyboard.type("Second.");
  await page.evaluate(() => { document.querySelector("#host-form evident-feedback").options = { student: "s-1" }; });
  assert.equal(await page.locator("#host-answer").inputValue(), "First student's text.");
  assert.deepEqual(await draftKeys(page), ["evident-draft:v2:s-1|cer-lab%23host-answer",
    "evident-draft:v2:s-2|cer-lab%23host-answer"]);
  await context.close();
});

test("draft-key names the task; no-draft keeps nothing; clearDraft() removes the current draft", async () => {
  const { page, context } = await hostPage({ student: "s-9", "draft-key": "unit-3/lab" });
  await page.locator("#host-answer").click();
  await page.keyboard.type("Light helps.");
  await page.waitForFunction(() => window.__drafts.length > 0);
  assert.deepEqual(await draftKeys(page), ["evident-draft:v2:s-9|unit-3%2Flab"]);
  assert.equal(await page.evaluate(() => JSON.parse(localStorage.getItem("evident-draft:v2:s-9|unit-3%2Flab")).text), "Light helps.");
  await page.evaluate(() => document.querySelector("#host-form evident-feedback").clearDraft());
  assert.deepEqual(await draftKeys(page), []);
  // The text itself stays where the student sees it.
  assert.equal(await page.locator("#host-answer").inputValue(), "Light helps.");
  await page.evaluate(() => document.querySelector("#host-form evident-feedback").setAttribute("no-draft", ""));
  await page.keyboard.type(" More text.");
  await page.waitForTimeout(800); // twice the 400 ms debounce
  assert.deepEqual(await draftKeys(page), []);
  assert.equal(await page.evaluate(() => document.querySelector("#host-form evident-feedback").draftKey), null);
  await context.close();
});

test("a form submit, or the evident-submitted event, clears the draft", async () => {
  const { page, context } = await hostPage({ student: "s-3" });
  await page.locator("#host-answer").click();
  await page.keyboard.type("Finished work.");
  await page.waitForFunction(() => window.__drafts.some((d) => d.saved));
  assert.equal((await draftKeys(page)).length, 1);
  await page.evaluate(() => document.getElementById("host-form").requestSubmit());
  assert.equal(await page.evaluate(() => window.__submitted), 1);
  assert.deepEqual(await draftKeys(page), []);
  // Typing again saves again; an app that submits with fetch dispatches evident-submitted.
  await page.keyboard.type(" Edited.");
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith("evident-draft:v2:s-3|")));
  await page.evaluate(() => document.getElementById("host-answer").dispatchEvent(new CustomEvent("evident-submitted", { bubbles: true })));
  assert.deepEqual(await draftKeys(page), []);
  // A submit with a save still pending (typed within the debounce) leaves nothing behind either.
  await page.keyboard.type("!");
  await page.evaluate(() => document.getElementById("host-form").requestSubmit());
  await page.waitForTimeout(800);
  assert.deepEqual(await draftKeys(page), []);
  await context.close();
});

test("drafts expire after the default 7 days, or the host's draft-max-age", async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${env.base}/www/index.html`);
  const key = "evident-draft:v2:s-5|cer-lab%23host-answer";
  const day = 24 * 60 * 60 * 1000;
  // 6 days old: kept (7-day default). 8 days old: removed, for another task key, on start too.
  await page.evaluate(({ key, day }) => {
    localStorage.setItem(key, JSON.stringify({ text: "Six days old.", savedAt: Date.now() - 6 * day, length: 13 }));
    localStorage.setItem("evident-draft:v2:s-5|old-task", JSON.stringify({ text: "Eight days old.", savedAt: Date.now() - 8 * day, length: 15 }));
  }, { key, day });
  await page.close();
  const { page: first } = await hostPage({ student: "s-5" }, { context });
  await first.waitForFunction(() => document.getElementById("host-answer").value === "Six days old.");
  assert.deepEqual(await draftKeys(first), [key]);
  await first.close();
  // With draft-max-age="60" (seconds), a draft saved two minutes ago is too old.
  const setup = await context.newPage();
  await setup.goto(`${env.base}/www/index.html`);
  await setup.evaluate((key) => localStorage.setItem(key, JSON.stringify({ text: "Two minutes old.", savedAt: Date.now() - 120_000, length: 16 })), key);
  await setup.close();
  const { page: strict } = await hostPage({ student: "s-5", "draft-max-age": "60" }, { context });
  await strict.waitForTimeout(300);
  assert.equal(await strict.locator("#host-answer").inputValue(), "");
  assert.deepEqual(await draftKeys(strict), []);
  await context.close();
});

test("the host clears one student's drafts, or every draft on the device, in one call", async () => {
  const { page, context } = await hostPage({ student: "ana" });
  await page.evaluate(() => {
    const put = (k, text) => localStorage.setItem(k, JSON.stringify({ text, savedAt: Date.now(), length: text.length }));
    put("evident-draft:v2:ana|task-1", "a1");
    put("evident-draft:v2:ana|task-2", "a2");
    put("evident-draft:v2:anabel|task-1", "b1"); // a student id that starts like "ana"
    put("evident-draft:v2:ben|task-1", "c1");
    localStorage.setItem("evident-draft:/examples/cer-lab.rubric.json#answer", "an old, unkeyed draft");
    localStorage.setItem("unrelated", "kept");
  });
  const removed = await page.evaluate(() => customElements.get("evident-feedback").clearDrafts({ student: "ana" }));
  assert.equal(removed, 2);
  assert.deepEqual(await draftKeys(page), ["evident-draft:/examples/cer-lab.rubric.json#answer", "evident-draft:v2:anabel|task-1", "evident-draft:v2:ben|task-1"]);
  const all = await page.evaluate(() => customElements.get("evident-feedback").clearDrafts());
  assert.equal(all, 3);
  assert.deepEqual(await draftKeys(page), []);
  assert.equal(await page.evaluate(() => localStorage.getItem("unrelated")), "kept");
  await context.close();
});

test("the draft store keeps at most 100,000 characters and says so", async () => {
  const { page, context } = await hostPage({ student: "s-7" });
  // 150,000 characters: "light " × 25,000.
  await page.evaluate(() => {
    const t = document.getElementById("host-answer");
    t.value = "light ".repeat(25_000);
    t.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await page.waitForFunction(() => window.__drafts.some((d) => d.truncated));
  const result = await page.evaluate(() => window.__drafts.find((d) => d.truncated));
  assert.deepEqual(result, { saved: true, truncated: true, length: 150_000, kept: 100_000 });
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem(Object.keys(localStorage).find((k) => k.startsWith("evident-draft:v2:s-7|")))));
  assert.equal(stored.text.length, 100_000);
  assert.equal(stored.truncated, true);
  assert.match(await page.locator("#host-form evident-feedback [part=status]").innerText(),
    /only its first 100,000 characters are saved as a draft/);
  await context.close();
});

test("drafts are written on a debounce, and a reload right after typing loses nothing", async () => {
  const context = await env.browser.newContext();
  await context.addInitScript(() => {
    window.__writes = 0;
    const set = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) { if (k.startsWith("evident-draft:")) window.__writes += 1; return set.call(this, k, v); };
  });
  const page = await studentPage(context, "dee");
  await page.locator("#answer").click();
  const text = "Light helps plants grow taller.";
  await page.keyboard.type(text, { delay: 20 }); // 31 keystrokes, 20 ms apart: inside the 400 ms debounce
  await page.waitForTimeout(700);
  const writes = await page.evaluate(() => window.__writes);
  // One write after the pause (a second one only if the machine stalled more than 400 ms).
  assert.ok(writes >= 1 && writes <= 2, `${writes} writes for ${text.length} keystrokes`);
  // Typed and reloaded at once: the pending draft is flushed on pagehide.
  await page.keyboard.type(" Yes");
  await page.reload();
  await page.waitForFunction((t) => document.getElementById("answer").value === t, `${text} Yes`);
  await context.close();
});

test("a new draft-key flushes the old task's draft and restores the new one's into an empty box", async () => {
  const { page, context } = await hostPage({ student: "s-4", "draft-key": "task-a" });
  await page.locator("#host-answer").click();
  await page.keyboard.type("Answer to task A.");
  // The host moves to task B: it empties the box (as the student page does) and names the task.
  await page.evaluate(() => {
    document.getElementById("host-answer").value = "";
    document.querySelector("#host-form evident-feedback").setAttribute("draft-key", "task-b");
  });
  // Task A's text was typed within the debounce: it is saved now, under task A.
  assert.deepEqual(await draftKeys(page), ["evident-draft:v2:s-4|task-a"]);
  await page.keyboard.type("Answer to task B.");
  await page.evaluate(() => {
    document.getElementById("host-answer").value = "";
    document.querySelector("#host-form evident-feedback").setAttribute("draft-key", "task-a");
  });
  assert.equal(await page.locator("#host-answer").inputValue(), "Answer to task A.");
  assert.equal(await page.evaluate(() => JSON.parse(localStorage.getItem("evident-draft:v2:s-4|task-b")).text), "Answer to task B.");
  await context.close();
});
