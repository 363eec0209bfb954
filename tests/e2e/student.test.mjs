// The student task page: real typing in the answer box drives <evident-feedback>.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { start } from "./run.mjs";

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

const level = (page, id) => page.locator(`evident-feedback li[part=criterion][data-criterion="${id}"]`).getAttribute("data-level");

async function openStudent(path = "/www/student.html") {
  const opened = await env.open(path);
  // The panel is ready when the criteria are listed.
  await opened.page.locator('evident-feedback li[part=criterion][data-criterion="claim"]').waitFor();
  return opened;
}

test("typing a claim raises the claim level and highlights the student's words", async () => {
  const { page, errors, context } = await openStudent();
  // Empty text: no indicator is met, so every criterion is at its first level (1).
  assert.equal(await level(page, "claim"), "1");
  await page.locator("#answer").click();
  // "my claim" meets has-claim; "light" + "grow" meet on-question (allOf); nothing says when it
  // holds, so the claim reaches level 3 (Proficient) but not 4.
  await page.keyboard.type("My claim is that bean plants grow taller with more light.");
  await page.waitForFunction(() => document.querySelector("evident-feedback").report?.criteria[0].level === 3);
  assert.equal(await level(page, "claim"), "3");
  assert.equal(await level(page, "evidence"), "1");
  const marks = await page.locator('evident-feedback li[data-indicator="has-claim"] mark').allInnerTexts();
  assert.deepEqual(marks, ["“My claim”"]);
  // The whole text is shown with the evidence marked, built as text nodes (once opened).
  await page.locator("evident-feedback summary").click();
  // (The panel draws after the report; wait for the last word typed to be marked.)
  await page.locator("evident-feedback .text mark", { hasText: "light" }).first().waitFor();
  const textMarks = await page.locator("evident-feedback .text mark").allTextContents();
  assert.ok(textMarks.includes("My claim"), textMarks.join("|"));
  assert.ok(textMarks.includes("light"), textMarks.join("|"));
  assert.deepEqual(errors, []);
  await context.close();
});

test("next steps are at most three and change as the work improves", async () => {
  const { page, context } = await openStudent();
  const steps = () => page.locator("evident-feedback li[part=next-step]");
  await page.locator("#answer").click();
  await page.keyboard.type("Plants.");
  await page.waitForFunction(() => document.querySelector("evident-feedback").report !== null);
  const before = await steps().evaluateAll((els) => els.map((e) => e.dataset.indicator));
  assert.ok(before.length >= 1 && before.length <= 3, `${before.length} steps`);
  // Meeting the claim and evidence indicators removes them from the next steps.
  await page.keyboard.type(" My claim is that plants grow taller with light. The data show 14 cm in light while the dark plants reached 6 cm.");
  await page.waitForFunction(() => document.querySelector("evident-feedback").report?.criteria[1].level === 4);
  const afterSteps = await steps().evaluateAll((els) => els.map((e) => e.dataset.indicator));
  assert.ok(afterSteps.length <= 3, `${afterSteps.length} steps`);
  assert.notDeepEqual(afterSteps, before);
  assert.ok(!afterSteps.includes("has-claim") && !afterSteps.includes("mentions-data"), afterSteps.join(","));
  await context.close();
});

test("the evident-score event fires on typing and bubbles out of the component", async () => {
  const { page, context } = await openStudent();
  await page.evaluate(() => {
    window.__scores = [];
    document.body.addEventListener("evident-score", (e) => window.__scores.push({ total: e.detail.total, bubbles: e.bubbles, composed: e.composed }));
  });
  await page.locator("#answer").click();
  await page.keyboard.type("The data show");
  await page.waitForFunction(() => window.__scores.length > 0);
  const last = await page.evaluate(() => window.__scores[window.__scores.length - 1]);
  // "the data show*" meets has-claim (claim 2 → 1 point × weight 1) and "data" meets
  // mentions-data (evidence 2 → 1 point × weight 2): total 1 + 2 = 3.
  assert.deepEqual(last, { total: 3, bubbles: true, composed: true });
  await context.close();
});

test("a level change is announced politely and evidence can be shown in the text", async () => {
  const { page, context } = await openStudent();
  await page.locator("#answer").click();
  await page.keyboard.type("I think light matters.");
  const live = page.locator("evident-feedback [aria-live=polite]");
  await page.waitForFunction(() => document.querySelector("evident-feedback").report?.criteria[0].level >= 2);
  await assert.doesNotReject(live.filter({ hasText: "Claim: now" }).waitFor({ timeout: 5000 }));
  // Clicking the quoted evidence selects it in the textarea (UTF-16 offsets).
  await page.locator('evident-feedback li[data-indicator="has-claim"] button').first().click();
  const selected = await page.evaluate(() => {
    const t = document.getElementById("answer");
    return t.value.slice(t.selectionStart, t.selectionEnd);
  });
  assert.equal(selected, "I think");
  await context.close();
});

test("switching to Spanish changes the feedback's language", async () => {
  const { page, context } = await openStudent();
  await page.evaluate(() => {
    window.__locales = [];
    document.addEventListener("evident-feedback", (e) => window.__locales.push(e.detail.locale));
  });
  await page.locator("#answer").click();
  await page.keyboard.type("My claim is that light helps plants grow.");
  await page.waitForFunction(() => document.querySelector("evident-feedback").report !== null);
  const goal = page.locator("evident-feedback [part=goal]");
  // The target defaults to the scale's mastery level, Proficient (3).
  assert.equal(await goal.innerText(), "Your goal is Proficient in every part.");
  await page.locator("#language").selectOption("es");
  await page.locator("evident-feedback h3", { hasText: "Siguientes pasos" }).waitFor();
  // The engine's own message is translated, and so is the rubric's level label (the live
  // session switches to the rubric's Spanish text, as a new Spanish session would have it).
  await page.waitForFunction(() => document.querySelector("evident-feedback").feedback?.locale === "es");
  assert.equal(await goal.innerText(), "Tu meta es Competente en cada parte.");
  const titles = await page.locator("evident-feedback li[part=criterion] .title").allInnerTexts();
  assert.ok(titles.includes("Afirmación"), titles.join(" | "));
  const reasons = await page.locator("evident-feedback li[part=next-step] .reason").allInnerTexts();
  assert.ok(reasons.length > 0 && reasons.every((r) => r.includes("llegue a")), reasons.join(" | "));
  assert.equal(await page.locator("html").getAttribute("lang"), "es");
  assert.equal(await page.locator('label[for="answer"]').innerText(), "Mi respuesta");
  assert.equal(await page.evaluate(() => window.__locales.at(-1)), "es");
  // The page's own words: the tasks to choose from and the navigation, in Spanish too.
  assert.deepEqual(await page.locator("#task option").allInnerTexts(), [
    "Laboratorio del crecimiento de las plantas (afirmación, evidencia, razonamiento)",
    "Argumento: ¿las clases deberían empezar más tarde?",
    "Argumento: ¿nuestro pueblo debería prohibir las bolsas de plástico?",
  ]);
  assert.equal(await page.locator("nav").getAttribute("aria-label"), "Páginas de la demostración");
  assert.equal(await page.locator("nav a[aria-current=page]").innerText(), "Tarea del estudiante");
  // The rubric studio is reached in Spanish too.
  assert.equal(await page.locator('nav a[href^="teacher.html"]').innerText(), "Taller de rúbricas");
  assert.equal(await page.locator('nav a[href^="teacher.html"]').getAttribute("href"), "teacher.html?lang=es");
  // Back to English, every word of the page's own comes back.
  await page.locator("#language").selectOption("en");
  assert.equal(await page.locator("#task option").first().innerText(), "Plant growth lab (claim, evidence, reasoning)");
  assert.equal(await page.locator("nav").getAttribute("aria-label"), "Demo pages");
  assert.equal(await page.locator('nav a[href^="teacher.html"]').getAttribute("href"), "teacher.html");
  await context.close();
});

test("a target attribute raises the goal, and a target off the scale is reported", async () => {
  const { page, context } = await openStudent();
  await page.locator("evident-feedback").evaluate((el) => el.setAttribute("target", "4"));
  const goal = page.locator("evident-feedback [part=goal]");
  await goal.filter({ hasText: "Your goal is Advanced in every part." }).waitFor();
  await page.locator("evident-feedback").evaluate((el) => el.setAttribute("target", "7"));
  const error = page.locator("evident-feedback [part=error]");
  await error.waitFor();
  // The scale has levels 1–4: 7 is not one, and the error names the option's path.
  assert.equal(await page.locator("evident-feedback [part=error] code").innerText(), "target");
  assert.match(await error.innerText(), /not a level of the scale/);
  // Back on the scale, the feedback returns.
  await page.locator("evident-feedback").evaluate((el) => el.setAttribute("target", "3"));
  await goal.filter({ hasText: "Your goal is Proficient in every part." }).waitFor();
  assert.equal(await page.locator("evident-feedback [part=error]").count(), 0);
  await context.close();
});

test("the draft survives a reload", async () => {
  const { page, context } = await openStudent();
  const text = "My claim is that light makes bean plants grow taller — 14 cm vs 6 cm.";
  await page.locator("#answer").click();
  await page.keyboard.type(text);
  await page.reload();
  await page.locator('evident-feedback li[part=criterion][data-criterion="claim"]').waitFor();
  await page.waitForFunction((t) => document.getElementById("answer").value === t, text);
  assert.equal(await page.locator("#answer").inputValue(), text);
  // Restored text is scored at once: "my claim" + light + "grow"/"tall*" → claim level 3.
  await page.waitForFunction(() => document.querySelector("evident-feedback").report?.criteria[0].level === 3);
  await context.close();
});

test("the task's title and prompt are shown in the page's language, with their lang", async () => {
  // The CER rubric gives its title and description in English and Spanish.
  const { page, errors, context } = await openStudent("/www/student.html?lang=es");
  const title = page.locator("#task-title");
  await title.filter({ hasText: "laboratorio de crecimiento de plantas" }).waitFor();
  assert.equal(await title.innerText(), "Afirmación, evidencia, razonamiento: laboratorio de crecimiento de plantas");
  assert.equal(await title.getAttribute("lang"), "es");
  assert.match(await page.locator("#prompt-text").innerText(), /^¿La cantidad de luz cambia/);
  await page.locator("#language").selectOption("en");
  assert.equal(await title.innerText(), "Claim, evidence, reasoning: plant growth lab");
  assert.equal(await title.getAttribute("lang"), "en");
  assert.match(await page.locator("#prompt-text").innerText(), /^Does the amount of light change/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("'Load sample work' pressed before the samples have arrived loads the sample once they do", async () => {
  const { page, errors, context } = await env.open();
  // The page's samples come late (a slow network): the button must wait for them, not do
  // nothing.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route("**/www/data/samples.json", async (route) => { await held; await route.continue(); });
  await page.goto(`${env.base}/www/student.html`);
  await page.locator('evident-feedback li[part=criterion][data-criterion="claim"]').waitFor();
  await page.getByRole("button", { name: "Load sample work" }).click();
  assert.equal(await page.locator("#answer").inputValue(), "");
  release();
  await page.waitForFunction(() => document.querySelector("#answer").value.startsWith("My claim is that bean plants grow taller"));
  await page.waitForFunction(() => document.querySelector("evident-feedback").report?.criteria[2].level === 3);
  assert.deepEqual(errors, []);
  await context.close();
});

test("'Load sample work' says so when the samples cannot be loaded, and leaves the text alone", async () => {
  const { page, context } = await env.open();
  await page.route("**/www/data/samples.json", (route) => route.fulfill({ status: 404, body: "not found" }));
  await page.goto(`${env.base}/www/student.html?lang=es`);
  await page.locator('evident-feedback li[part=criterion][data-criterion="claim"]').waitFor();
  await page.locator("#answer").fill("Mi afirmación es que la luz ayuda.");
  await page.getByRole("button", { name: "Cargar un ejemplo" }).click();
  await page.locator("#undo-bar", { hasText: "No se pudo cargar el ejemplo. Tu texto no cambió." }).waitFor();
  assert.equal(await page.locator("#answer").inputValue(), "Mi afirmación es que la luz ayuda.");
  assert.equal(await page.locator("#confirm").evaluate((d) => d.open), false);
  await context.close();
});

test("load sample work and switch to the argument task", async () => {
  const { page, errors, context } = await openStudent();
  await page.getByRole("button", { name: "Load sample work" }).click();
  // The CER sample has a claim, light and growth, two measurements (14 cm, 6 cm) compared in
  // one sentence, "because" and "photosynthesis"/"energy from light", but under 120 words:
  // reasoning 3, evidence 4 (as the panel shows them once drawn).
  await page.waitForFunction(() => document.querySelector("evident-feedback").report?.criteria[2].level === 3);
  await page.locator('evident-feedback li[part=criterion][data-criterion="evidence"][data-level="4"]').waitFor();
  assert.equal(await level(page, "evidence"), "4");
  await page.locator("#task").selectOption("data/plastic-bags.rubric.json");
  await page.locator('evident-feedback li[part=criterion][data-criterion="position"]').waitFor();
  // The page knows the new task (and so its sample) once its title shows.
  await page.locator("h1", { hasText: "plastic bags" }).waitFor();
  await page.getByRole("button", { name: "Load sample work" }).click();
  // The plastic-bags sample: "I believe", "plastic" + "bags", "for two reasons" → position 4;
  // "One reason", "500 years"/"According to", "Another reason" → support 4;
  // "Some people" + "However" but no closing sentence ("In conclusion…") → other side 3.
  await page.waitForFunction(() => document.querySelector("evident-feedback").report?.rubric === "argument-plastic-bags"
    && document.querySelector("evident-feedback").report.criteria[2].level === 3);
  assert.equal(await level(page, "position"), "4");
  assert.equal(await level(page, "support"), "4");
  assert.equal(await page.locator("h1").innerText(), "Argument: should our town ban plastic bags?");
  // The next step is the one thing missing: a conclusion.
  const steps = await page.locator("evident-feedback li[part=next-step]").evaluateAll((els) => els.map((e) => e.dataset.indicator));
  assert.ok(steps.includes("concludes"), steps.join(","));
  assert.deepEqual(errors, []);
  await context.close();
});

test("'Clear my text' asks first; Cancel keeps the text; after clearing, Ctrl+Z brings it back", async () => {
  const { page, errors, context } = await openStudent("/www/student.html?student=cara");
  const text = "My claim is that light makes bean plants grow taller.";
  await page.locator("#answer").click();
  await page.keyboard.type(text);
  await page.getByRole("button", { name: "Clear my text" }).click();
  const dialog = page.getByRole("dialog", { name: "Clear your text?" });
  await dialog.waitFor();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  assert.equal(await page.locator("#answer").inputValue(), text);
  await page.getByRole("button", { name: "Clear my text" }).click();
  await dialog.getByRole("button", { name: "Clear my text" }).click();
  // The dialog's close event, which carries the answer, comes in a later task.
  await page.locator("#undo").waitFor();
  assert.equal(await page.locator("#answer").inputValue(), "");
  assert.equal(await page.locator("#undo-text").innerText(), "Your text was cleared.");
  // The feedback follows the emptied box (the goal and how to start), and the draft is emptied
  // on the debounce...
  await page.locator("evident-feedback [part=first-step]").waitFor();
  await page.waitForFunction(() => !Object.keys(localStorage).some((k) => k.startsWith("evident-draft:v2:cara|")));
  // ...but the browser's own undo restores the text, and with it the draft.
  assert.equal(await page.evaluate(() => document.activeElement.id), "answer");
  await page.keyboard.press("Control+z");
  assert.equal(await page.locator("#answer").inputValue(), text);
  assert.equal(await page.locator("#undo-text").innerText(), "Your text is back.");
  assert.equal(await page.locator("#undo").isVisible(), false);
  await page.waitForFunction((t) => Object.entries(localStorage).some(([k, v]) => k.startsWith("evident-draft:v2:cara|") && JSON.parse(v).text === t), text);
  await page.waitForFunction(() => document.querySelector("evident-feedback").report?.criteria[0].level === 3);
  assert.deepEqual(errors, []);
  await context.close();
});

test("'Load sample work' over the student's text asks first, and the Undo button brings the text back", async () => {
  const { page, context } = await openStudent("/www/student.html?lang=es");
  const text = "Mi idea: la luz ayuda.";
  await page.locator("#answer").click();
  await page.keyboard.type(text);
  await page.getByRole("button", { name: "Cargar un ejemplo" }).click();
  const dialog = page.getByRole("dialog", { name: "¿Cambiar tu texto por el ejemplo?" });
  await dialog.waitFor();
  // Escape is a "no".
  await page.keyboard.press("Escape");
  assert.equal(await page.locator("#answer").inputValue(), text);
  await page.getByRole("button", { name: "Cargar un ejemplo" }).click();
  await dialog.getByRole("button", { name: "Cargar el ejemplo" }).click();
  const samples = await page.evaluate(() => fetch("data/samples.json").then((r) => r.json()));
  assert.equal(await page.locator("#answer").inputValue(), samples["cer-lab"]);
  assert.equal(await page.locator("#undo-text").innerText(), "El ejemplo reemplazó tu texto.");
  await page.getByRole("button", { name: "Deshacer" }).click();
  assert.equal(await page.locator("#answer").inputValue(), text);
  assert.equal(await page.locator("#undo-text").innerText(), "Tu texto volvió.");
  // The Undo button's own replacement is undoable too: Ctrl+Z gives the sample back.
  await page.keyboard.press("Control+z");
  assert.equal(await page.locator("#answer").inputValue(), samples["cer-lab"]);
  await context.close();
});

test("typing on after a clear retires the Undo button, so it never throws new words away", async () => {
  const { page, context } = await openStudent();
  await page.locator("#answer").click();
  await page.keyboard.type("Old words.");
  await page.getByRole("button", { name: "Clear my text" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Clear my text" }).click();
  await page.locator("#undo").waitFor(); // after the dialog's close event, a later task
  assert.equal(await page.locator("#answer").inputValue(), "");
  await page.keyboard.type("New words.");
  assert.equal(await page.locator("#undo").isVisible(), false);
  assert.equal(await page.locator("#answer").inputValue(), "New words.");
  // With an empty box, loading the sample asks nothing: nothing would be lost.
  await page.locator("#answer").fill("");
  await page.getByRole("button", { name: "Load sample work" }).click();
  assert.equal(await page.getByRole("dialog").count(), 0);
  await page.waitForFunction(() => document.getElementById("answer").value.startsWith("My claim is that bean plants"));
  await context.close();
});
