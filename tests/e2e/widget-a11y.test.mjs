// The student widget on phones and with screen readers: a compact summary in view while
// typing at 320 px, no horizontal scroll, one announcement per pause (never mid-word) in the
// feedback's language, evidence buttons named by what they do, an empty answer that shows
// the goal and how to start, "reached the goal" not numbered, "keep doing" at the top level,
// and no axe violations at 320 and 1366 px in English and Spanish.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { axeScan, start } from "./run.mjs";

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

const phone = { viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true };
const desktop = { viewport: { width: 1366, height: 900 } };

async function openStudent(query = "", context = {}) {
  const opened = await env.open(null, { context });
  await opened.page.goto(`${env.base}/www/student.html${query}`);
  await opened.page.locator('evident-feedback [part=criterion][data-criterion="claim"]').first().waitFor();
  return opened;
}

const horizontalOverflow = (page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

// Every text the live region is given, with the time since the last keystroke.
async function recordAnnouncements(page) {
  await page.evaluate(() => {
    window.__said = [];
    window.__lastKey = performance.now();
    document.getElementById("answer").addEventListener("input", () => { window.__lastKey = performance.now(); });
    const region = document.querySelector("evident-feedback").shadowRoot.querySelector("[aria-live=polite]");
    new MutationObserver(() => {
      if (region.textContent) window.__said.push({ text: region.textContent, lang: region.lang, after: performance.now() - window.__lastKey });
    }).observe(region, { childList: true, characterData: true, subtree: true });
  });
}

test("on a 320 px phone the levels and the first next step stay in view while typing, and expand", async () => {
  const { page, errors, context } = await openStudent("", phone);
  const dock = page.locator("evident-feedback [part=dock]");
  assert.equal(await dock.isVisible(), false); // not typing yet
  assert.ok(await horizontalOverflow(page) <= 0, "no horizontal scroll, empty page");
  await page.locator("#answer").click();
  // "My claim" + light + "grow" → claim 3; "data" + "cm" → evidence 3; no reasoning yet → 1.
  await page.keyboard.type("My claim is that plants grow taller with more light. The data show 14 cm.");
  await page.waitForFunction(() => document.querySelector("evident-feedback").report?.criteria[1].level === 3);
  await dock.waitFor();
  const box = await dock.boundingBox();
  assert.ok(box.y >= 0 && box.y + box.height <= 640 && box.width <= 320, JSON.stringify(box));
  const text = await dock.innerText();
  assert.match(text, /Claim 3\/4\s+Evidence 3\/4\s+Reasoning 1\/4/);
  const firstStep = await page.locator("evident-feedback li[part=next-step]").first().evaluate((li) => li.querySelector(".step-title").nextSibling.textContent);
  assert.ok(text.includes(`Next: ${firstStep}`), `${text} / ${firstStep}`);
  // The textarea keeps the focus (the phone's keyboard stays open) and the caret is not hidden.
  const toggle = page.locator("evident-feedback .dock-toggle");
  assert.equal(await toggle.getAttribute("aria-expanded"), "false");
  await toggle.click();
  assert.equal(await toggle.getAttribute("aria-expanded"), "true");
  assert.equal(await page.evaluate(() => document.activeElement.id), "answer");
  const more = await page.locator("evident-feedback .dock-more").innerText();
  assert.match(more, /Reasoning: Beginning \(1 of 4\)/);
  assert.ok(await horizontalOverflow(page) <= 0, "no horizontal scroll while typing");
  await page.screenshot({ path: "test-results/widget-phone-typing.png" });
  // A long unbroken "word" (a pasted link, a key held down) wraps instead of widening the page.
  await page.keyboard.type(` See https://example.org/${"x".repeat(300)} for more.`);
  await page.locator("evident-feedback [part=text-view] summary").click();
  await page.waitForTimeout(300);
  assert.ok(await horizontalOverflow(page) <= 0, "no horizontal scroll with a 300-character word");
  // Leaving the textarea hides the summary; the full panel is in the page.
  await page.locator("#language").focus();
  assert.equal(await dock.isVisible(), false);
  assert.deepEqual(errors, []);
  await context.close();
});

test("on a desktop the summary never shows: the panel is beside the text", async () => {
  const { page, context } = await openStudent("", desktop);
  await page.locator("#answer").click();
  await page.keyboard.type("My claim is that light helps.");
  await page.waitForTimeout(300);
  assert.equal(await page.locator("evident-feedback [part=dock]").isVisible(), false);
  assert.ok(await horizontalOverflow(page) <= 0);
  await context.close();
});

test("the live region speaks once per pause: changed levels and the first next step", async () => {
  const { page, context } = await openStudent();
  await recordAnnouncements(page);
  await page.locator("#answer").click();
  // 60 ms between keys: far inside the 1.5 s pause, so nothing is said while typing.
  await page.keyboard.type("My claim is that light helps plants grow.", { delay: 60 });
  assert.deepEqual(await page.evaluate(() => window.__said), []);
  await page.waitForFunction(() => window.__said.length > 0, null, { timeout: 5000 });
  await page.waitForTimeout(1800);
  const said = await page.evaluate(() => window.__said);
  assert.equal(said.length, 1, JSON.stringify(said));
  assert.ok(said[0].after >= 1400, `spoke ${said[0].after} ms after the last key`);
  // "my claim" + light + "grow" → Claim 1 → 3; the other criteria stay at 1.
  const feedback = await page.evaluate(() => document.querySelector("evident-feedback").feedback);
  const step = feedback.nextSteps[0];
  assert.equal(said[0].text, `Claim: now Proficient. Next step, ${step.title}: ${step.action}`);
  assert.equal(said[0].lang, "en");
  await context.close();
});

test("the live region never speaks mid-word, and waits for the word to end", async () => {
  const { page, context } = await openStudent();
  await recordAnnouncements(page);
  await page.locator("#answer").click();
  // The claim is met by "My claim" already, but the caret sits inside "hel|": a pause here is silent.
  await page.keyboard.type("My claim is that light hel");
  await page.waitForTimeout(2600);
  assert.deepEqual(await page.evaluate(() => window.__said), []);
  await page.keyboard.type("ps.");
  await page.waitForFunction(() => window.__said.length > 0, null, { timeout: 5000 });
  const said = await page.evaluate(() => window.__said);
  assert.equal(said.length, 1);
  assert.match(said[0].text, /^Claim: now /);
  // Leaving the box mid-word ends the pause: it speaks then.
  await page.keyboard.type(" The data show 14 c");
  await page.waitForTimeout(2000);
  assert.equal((await page.evaluate(() => window.__said)).length, 1);
  await page.locator("#language").focus();
  await page.waitForFunction(() => window.__said.length === 2, null, { timeout: 3000 });
  assert.match((await page.evaluate(() => window.__said))[1].text, /^Evidence: now /);
  await context.close();
});

test("in Spanish the live region speaks Spanish, and evidence buttons say what they do", async () => {
  const { page, context } = await openStudent("?lang=es");
  await recordAnnouncements(page);
  await page.locator("#answer").click();
  // A Spanish answer, read with the rubric's Spanish phrases.
  await page.keyboard.type("Mi afirmación es que la luz ayuda a las plantas a crecer.");
  await page.waitForFunction(() => window.__said.length > 0, null, { timeout: 5000 });
  const said = (await page.evaluate(() => window.__said))[0];
  // Level labels and the rubric's titles and hints are the rubric's own Spanish words.
  assert.match(said.text, /^Afirmación: ahora Competente\. Siguiente paso, /);
  assert.equal(said.lang, "es");
  const es = page.getByRole("button", { name: "Mostrar dónde escribiste «luz» en tu respuesta" });
  assert.equal(await es.count(), 1);
  await es.click();
  assert.equal(await page.evaluate(() => { const t = document.getElementById("answer"); return t.value.slice(t.selectionStart, t.selectionEnd); }), "luz");
  await context.close();
});

test("in English, evidence buttons say what they do and select the words", async () => {
  const { page, context } = await openStudent();
  await page.locator("#answer").click();
  await page.keyboard.type("My claim is that light helps plants grow.");
  const en = page.getByRole("button", { name: "Show where you wrote “light” in your answer" });
  await en.waitFor();
  await en.click();
  assert.equal(await page.evaluate(() => { const t = document.getElementById("answer"); return t.value.slice(t.selectionStart, t.selectionEnd); }), "light");
  await context.close();
});

test("an empty answer shows the goal and how to start, not rows of lowest levels", async () => {
  const { page, context } = await openStudent();
  const panel = page.locator("evident-feedback");
  assert.equal(await panel.locator(".meter").count(), 0);
  assert.equal(await panel.locator("[part=criteria]").isVisible(), false);
  const shown = await panel.locator("[part=panel]").innerText();
  assert.ok(!shown.includes("Beginning"), shown);
  assert.match(shown, /Your goal is Proficient/);
  assert.match(shown, /Your answer is empty/);
  // The cer-lab goals (level 3 "I can…" wording) and the engine's first next step.
  assert.match(shown, /Claim: I can state a claim that answers the question\./);
  const first = await page.evaluate(() => document.querySelector("evident-feedback").feedback.nextSteps[0]);
  assert.match(shown, new RegExp(`How to start\\s+${first.title}: ${first.action.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
  // Whitespace only is still empty; a word is not.
  await page.locator("#answer").fill("   \n ");
  await page.waitForTimeout(200);
  assert.equal(await panel.locator(".meter").count(), 0);
  await page.locator("#answer").fill("Light.");
  await panel.locator(".meter").first().waitFor();
  assert.equal(await panel.locator("[part=first-step]").isVisible(), false);
  await context.close();
});

test("at the top level: 'keep doing', not 'Aiming for'; the goal reached is not a numbered step", async () => {
  const { page, context } = await env.open("/www/index.html");
  await page.locator("#version:not(:empty)").waitFor();
  await page.evaluate(() => {
    // One criterion with two levels: level 2 needs the word "light".
    const rubric = {
      id: "tiny", title: "Tiny task", locale: "en",
      scale: { levels: [{ value: 1, label: "Beginning" }, { value: 2, label: "Advanced" }], mastery: 2 },
      criteria: [{ id: "light", title: "Light", indicators: [{ id: "says-light", check: { type: "phrases", anyOf: ["light"] }, hint: "Say what light does." }],
        levels: [{ value: 1, descriptor: "No light yet.", student: "I have not named light yet." },
          { value: 2, descriptor: "Names light.", student: "I can say what light does.", requires: ["says-light"] }] }],
    };
    const textarea = document.createElement("textarea");
    textarea.id = "tiny-answer";
    textarea.setAttribute("aria-label", "Answer");
    const panel = document.createElement("evident-feedback");
    panel.setAttribute("for", "tiny-answer");
    panel.setAttribute("no-draft", "");
    panel.rubric = rubric;
    document.querySelector("main").prepend(textarea, panel);
  });
  await page.locator("#tiny-answer").fill("Plants need water.");
  const row = page.locator('evident-feedback li.criterion[data-criterion="light"]');
  await row.waitFor();
  assert.equal(await row.locator("[part=aiming-for]").innerText(), "Aiming for: I can say what light does.");
  await page.locator("#tiny-answer").fill("Plants need light.");
  await row.locator("[part=keep-doing]").waitFor();
  assert.equal(await row.locator("[part=keep-doing]").innerText(), "Keep doing: I can say what light does.");
  assert.equal(await row.locator("[part=aiming-for]").count(), 0);
  const done = page.locator("evident-feedback [part=done]");
  assert.equal(await done.innerText(), "You have reached the goal in every part. Read your work once more to check it.");
  assert.equal(await done.evaluate((el) => el.tagName), "P");
  assert.equal(await done.evaluate((el) => el.closest("ol")), null);
  assert.equal(await page.locator("evident-feedback [part=next-steps]").isVisible(), false);
  assert.equal(await page.locator("evident-feedback [part=next-steps] li").count(), 0);
  await context.close();
});

for (const [name, context] of [["320 px", phone], ["1366 px", desktop]]) {
  for (const lang of ["en", "es"]) {
    test(`axe finds nothing at ${name} in ${lang}: empty, typing with the summary open, advanced work, the confirm dialog`, async () => {
      const { page, errors, violations, context: ctx } = await openStudent(`?lang=${lang}&student=axe`, context);
      assert.deepEqual(await axeScan(page), [], "empty");
      await page.locator("#answer").click();
      await page.keyboard.type("My claim is that plants grow taller with more light. The data show 14 cm.");
      await page.waitForFunction(() => document.querySelector("evident-feedback").report?.criteria[1].level === 3);
      if (name === "320 px") await page.locator("evident-feedback .dock-toggle").click();
      assert.deepEqual(await axeScan(page), [], "typing");
      await page.locator("#sample").click();
      await page.locator("#confirm").waitFor();
      assert.deepEqual(await axeScan(page), [], "dialog");
      await page.locator("#confirm-yes").click();
      await page.waitForFunction(() => document.querySelector("evident-feedback").report?.criteria[1].level === 4);
      await page.locator("evident-feedback [part=text-view] summary").click();
      assert.deepEqual(await axeScan(page), [], "sample");
      assert.ok(await horizontalOverflow(page) <= 0);
      await page.screenshot({ path: `test-results/widget-${name.replace(" ", "")}-${lang}.png`, fullPage: true });
      assert.deepEqual(errors, []);
      assert.deepEqual(violations, []);
      await ctx.close();
    });
  }
}
