// A teacher builds the claim–evidence–reasoning rubric from a blank page in the studio, once
// with the mouse and once by keyboard alone; then translates it, imports a CSV, saves a
// version, reloads and finds it; starts from a CASE package; and sees where a look-for
// matches in the sample answers. Screenshots go to test-results/.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { root, start } from "./run.mjs";
import { ratiosCaseFile } from "./case-package.mjs";

let env;
before(async () => { env = await start(); mkdirSync(`${root}test-results`, { recursive: true }); });
after(async () => { await env.close(); });

async function openBlank() {
  const opened = await env.open("/www/teacher.html");
  const { page } = opened;
  await page.locator("evident-rubric-editor [part=status]", { hasText: "All changes applied" }).waitFor();
  await page.getByRole("button", { name: "Blank rubric" }).click();
  await page.locator("evident-rubric-editor section.criterion").first().waitFor();
  return opened;
}

// The rubric, as a teacher would describe it: criteria, four descriptors each, look-fors with
// their phrases, and which levels need which look-for (level numbers 1–4).
const PLAN = {
  title: "Claim, evidence, reasoning",
  criteria: [
    { title: "Claim", descriptors: ["No claim yet.", "States a claim.", "Claim answers the question.", "Qualified claim."],
      lookFors: [{ label: "a claim", phrases: ["I claim", "my claim", "the data show*"], levels: [2, 3, 4] },
        { label: "a qualified claim", phrases: ["at least", "in our test"], levels: [4] }] },
    { title: "Evidence", descriptors: ["No data.", "Mentions a measurement.", "Compares measurements.", "Compares with units and trials."],
      lookFors: [{ label: "a measurement", phrases: ["cm|centimet*"], levels: [2, 3, 4] },
        { label: "a comparison", phrases: ["taller than|more than|while"], levels: [3, 4] }] },
    { title: "Reasoning", descriptors: ["No reasoning.", "Links claim and evidence.", "Explains with a science idea.", "Explains fully."],
      lookFors: [{ label: "a link", phrases: ["because|so|this shows"], levels: [2, 3, 4] },
        { label: "a science idea", phrases: ["photosynth*|light energy"], levels: [3, 4] }] },
  ],
};

// What the plan gives as Evident JSON (written out from PLAN by hand, not by the editor).
function expectedCriteria() {
  return PLAN.criteria.map((c) => ({
    title: c.title,
    levels: c.descriptors.map((d, i) => {
      const requires = c.lookFors.filter((l) => l.levels.includes(i + 1)).map((l) => l.label);
      return requires.length ? { value: i + 1, descriptor: d, requires } : { value: i + 1, descriptor: d };
    }),
    lookFors: c.lookFors.map((l) => ({ label: l.label, anyOf: l.phrases })),
  }));
}

const editorOf = (page) => page.locator("evident-rubric-editor");

// Two ways of driving the same steps: the mouse (click a control, then type), or the keyboard
// alone (Tab or Shift+Tab to the control, then type, Enter or Space).
const mouse = {
  async type(locator, text) { await locator.click(); await locator.fill(text); },
  async press(locator) { await locator.click(); },
  async tick(locator) { await locator.click(); },
  async phrase(locator, text) { await locator.click(); await locator.fill(text); await locator.press("Enter"); },
};

function keyboard(page) {
  // The focused element's data-key, inside the editor's shadow root or in the page.
  const activeKey = () => page.evaluate(() => {
    const inner = document.querySelector("evident-rubric-editor").shadowRoot.activeElement;
    return inner ? `e:${inner.dataset.key ?? inner.id}` : `p:${document.activeElement?.id ?? ""}`;
  });
  async function focus(locator) {
    const target = await locator.evaluate((el) => `e:${el.dataset.key ?? el.id}`);
    // Forward or backward, whichever way the target lies from the focus.
    const backward = await locator.evaluate((el) => {
      const active = el.getRootNode().activeElement;
      return Boolean(active && (active.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING));
    });
    for (let i = 0; i < 400; i++) {
      if ((await activeKey()) === target) return;
      await page.keyboard.press(backward ? "Shift+Tab" : "Tab");
    }
    throw new Error(`could not reach ${target} by keyboard`);
  }
  return {
    async type(locator, text) { await focus(locator); await page.keyboard.type(text); },
    async press(locator) { await focus(locator); await page.keyboard.press("Enter"); },
    async tick(locator) { await focus(locator); await page.keyboard.press("Space"); },
    async phrase(locator, text) { await focus(locator); await page.keyboard.type(text); await page.keyboard.press("Enter"); },
  };
}

async function build(page, drive) {
  const editor = editorOf(page);
  await drive.type(editor.getByLabel("Rubric title", { exact: true }), PLAN.title);
  for (const [ci, c] of PLAN.criteria.entries()) {
    if (ci > 0) await drive.press(editor.getByRole("button", { name: "Add criterion" }));
    const section = editor.locator("section.criterion").nth(ci);
    await drive.type(section.getByLabel("Criterion title", { exact: true }), c.title);
    for (const [li, d] of c.descriptors.entries()) await drive.type(section.getByLabel("Descriptor", { exact: true }).nth(li), d);
    for (const [ii, l] of c.lookFors.entries()) {
      await drive.press(section.getByRole("button", { name: "Add look-for" }));
      const lookFor = section.locator("fieldset.indicator").nth(ii);
      await drive.type(lookFor.getByLabel("Look-for label", { exact: true }), l.label);
      for (const p of l.phrases) await drive.phrase(section.locator("fieldset.indicator").nth(ii).getByLabel("Phrases", { exact: true }), p);
    }
    const levels = ["Beginning", "Developing", "Proficient", "Advanced"];
    for (const l of c.lookFors) for (const v of l.levels) {
      await drive.tick(section.getByRole("checkbox", { name: `${levels[v - 1]} needs ${l.label}`, exact: true }));
    }
  }
  await editor.locator("[part=status]", { hasText: "All changes applied" }).waitFor();
}

// The rubric the editor holds, in the plan's shape (look-fors by label instead of id).
async function built(page) {
  const rubric = await page.evaluate(() => document.querySelector("evident-rubric-editor").rubric);
  return {
    title: rubric.title,
    criteria: rubric.criteria.map((c) => {
      const label = (id) => c.indicators.find((i) => i.id === id).label;
      return {
        title: c.title,
        levels: c.levels.map((l) => (l.requires ? { value: l.value, descriptor: l.descriptor, requires: l.requires.map(label) } : { value: l.value, descriptor: l.descriptor })),
        lookFors: c.indicators.map((i) => ({ label: i.label, anyOf: i.check.anyOf })),
      };
    }),
  };
}

// A plant lab answer and its score worked out by hand against PLAN: "My claim" → Claim
// level 3 (no qualifier); "15 cm" with no comparison word → Evidence level 2; "because" and
// "photosynthesis" → Reasoning level 4 (its top level needs the same two look-fors as level 3).
// Points default to level values: 3 + 2 + 4 = 9 of 4 + 4 + 4 = 12.
const ANSWER = "My claim is that plants grow taller with more light. The window plant grew 15 cm and the closet plant 4 cm. This is because of photosynthesis.";

async function tryAnswer(page) {
  await page.locator("#work").fill(ANSWER);
  await page.locator("#score", { hasText: "9 of 12" }).waitFor();
}

test("a teacher builds the CER rubric from a blank page with the mouse", async () => {
  const { page, errors, context } = await openBlank();
  await build(page, mouse);
  assert.deepEqual(await built(page), { title: PLAN.title, criteria: expectedCriteria() });
  const rows = await page.locator("evident-rubric tbody th[scope=row]").evaluateAll((ths) => ths.map((th) => th.firstChild.textContent));
  assert.deepEqual(rows, ["Claim", "Evidence", "Reasoning"]);
  await tryAnswer(page);
  await page.screenshot({ path: `${root}test-results/studio-built-with-mouse.png`, fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test("a teacher builds the CER rubric from a blank page by keyboard alone", async () => {
  const { page, errors, context } = await openBlank();
  // Start from the editor's first control, reached by keyboard too.
  await page.locator("#blank").focus();
  await build(page, keyboard(page));
  assert.deepEqual(await built(page), { title: PLAN.title, criteria: expectedCriteria() });
  // Reorder by keyboard: Alt+ArrowUp on Reasoning's title moves it above Evidence; undo puts it back.
  const reasoning = editorOf(page).locator("section.criterion").nth(2).getByLabel("Criterion title", { exact: true });
  await keyboard(page).type(reasoning, "");
  await page.keyboard.press("Alt+ArrowUp");
  assert.deepEqual((await built(page)).criteria.map((c) => c.title), ["Claim", "Reasoning", "Evidence"]);
  await page.keyboard.press("Tab");
  await page.keyboard.press("Control+z");
  await page.waitForFunction(() => document.querySelector("evident-rubric-editor").rubric.criteria[1].title === "Evidence");
  await tryAnswer(page);
  await page.screenshot({ path: `${root}test-results/studio-built-by-keyboard.png`, fullPage: false });
  assert.deepEqual(errors, []);
  await context.close();
});

// A teacher's rubric written in English only (the shipped examples are bilingual).
const ENGLISH_ONLY = {
  id: "school-start", title: "Argument: should school start later?", kind: "analytic", locale: "en",
  criteria: [
    { id: "position", title: "Position", levels: [
      { value: 1, descriptor: "No side is taken." }, { value: 2, descriptor: "Takes a side.", requires: ["side"] },
      { value: 3, descriptor: "Takes a side and gives a reason.", requires: ["side", "reasons"] },
      { value: 4, descriptor: "Opens with a side and previews several reasons.", requires: ["side", "reasons", "several"] }],
    indicators: [
      { id: "side", label: "your side", check: { type: "phrases", anyOf: ["I believe|I think", "should start later"] }, hint: "Say which side you take." },
      { id: "reasons", label: "your reasons", check: { type: "phrases", anyOf: ["because", "one reason"] }, hint: "Give a reason." },
      { id: "several", label: "several reasons", check: { type: "phrases", anyOf: ["for two reasons|for three reasons"] }, hint: "Preview your reasons." }] },
    { id: "evidence", title: "Evidence", levels: [
      { value: 1, descriptor: "No evidence." }, { value: 2, descriptor: "Gives an example.", requires: ["example"] },
      { value: 3, descriptor: "Cites a source.", requires: ["example", "source"] }, { value: 4, descriptor: "Cites two sources.", requires: ["example", "source", "sources"] }],
    indicators: [
      { id: "example", label: "an example", check: { type: "phrases", anyOf: ["for example|for instance"] }, hint: "Give an example." },
      { id: "source", label: "a source", check: { type: "phrases", anyOf: ["according to|a study"] }, hint: "Name a source." },
      { id: "sources", label: "two sources", check: { type: "phrases", anyOf: ["according to|a study"], minCount: 2 }, hint: "Name a second source." }] },
  ],
};

test("a teacher adds Spanish, imports a CSV, saves a version, reloads and finds it", async () => {
  const { page, context } = await env.open("/www/teacher.html");
  const editor = editorOf(page);
  await editor.locator("[part=status]", { hasText: "All changes applied" }).waitFor();
  // The teacher's own rubric, in English only, opened from a file: the editor says it has no Spanish yet.
  await page.locator("#import-file").setInputFiles({ name: "school-start.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(ENGLISH_ONLY)) });
  await page.waitForFunction(() => document.querySelector("evident-rubric-editor").rubric.id === "school-start");
  assert.match(await editor.locator("section.translations").innerText(), /No Spanish texts yet/);
  await editor.getByLabel("Rubric title, Spanish", { exact: true }).fill("Argumento: ¿debería empezar más tarde la escuela?");
  await editor.getByLabel("Criterion title, Spanish", { exact: true }).first().fill("Postura");
  await editor.locator("fieldset.indicator").first().getByLabel("Look-for label, Spanish", { exact: true }).fill("tu postura");
  await editor.locator("fieldset.indicator").first().getByLabel("Phrases, Spanish", { exact: true }).fill("creo que|debería empezar");
  await editor.locator("fieldset.indicator").first().getByLabel("Phrases, Spanish", { exact: true }).press("Enter");
  // Missing translations are flagged at their fields and counted.
  await editor.locator("section.translations p.missing").waitFor();
  assert.match(await editor.locator("section.translations").innerText(), /\d+ Spanish translations are missing/);
  assert.ok(await editor.locator(".field.secondary .missing").first().isVisible());
  const saved = await page.evaluate(() => document.querySelector("evident-rubric-editor").rubric);
  assert.deepEqual(saved.criteria[0].title, { en: "Position", es: "Postura" });
  assert.deepEqual(saved.criteria[0].indicators[0].check.anyOf.es, ["creo que|debería empezar"]);
  // The Spanish preview shows the translated texts, English where there is no translation yet.
  await page.locator("#language").selectOption("es");
  await page.locator("evident-rubric caption", { hasText: "Argumento: ¿debería empezar más tarde la escuela?" }).waitFor();
  const rows = await page.locator("evident-rubric tbody th[scope=row]").evaluateAll((ths) => ths.map((th) => th.firstChild.textContent));
  assert.deepEqual(rows, ["Postura", "Evidence"]);
  // The Spanish phrase is matched in Spanish work.
  await page.locator("#work").fill("Creo que la escuela debería empezar a las nueve.");
  await page.locator("#found li", { hasText: "tu postura" }).filter({ hasText: "found (2 places)" }).waitFor();
  await page.screenshot({ path: `${root}test-results/studio-spanish.png`, fullPage: false });

  await page.getByLabel("Version name").fill("Bilingual argument");
  await page.getByRole("button", { name: "Save version" }).click();
  // A spreadsheet's rubric replaces it: criteria with the same id keep their look-fors.
  const csv = "Criterion,Id,Weight,Beginning,Developing,Proficient,Advanced\n"
    + "Position,position,1,No side.,Takes a side.,Takes a side with reasons.,Opens with a side and reasons.\n"
    + "Data,data,2,No data.,Some data.,Data with units.,Compared measurements (4 points)\n";
  await page.locator("#import-file").setInputFiles({ name: "rubric.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.locator("#start-note", { hasText: "Imported rubric.csv: 2 criteria" }).waitFor();
  const imported = await page.evaluate(() => document.querySelector("evident-rubric-editor").rubric);
  assert.deepEqual(imported.criteria.map((c) => [c.id, c.title, c.weight]), [["position", "Position", 1], ["data", "Data", 2]]);
  assert.equal(imported.criteria[1].levels[3].points, 4);
  assert.ok(imported.criteria[0].indicators.length > 0);
  await editor.locator("[part=status]", { hasText: "All changes applied" }).waitFor();
  await page.waitForTimeout(600); // the autosave runs 400 ms after the last change

  await page.reload();
  await page.locator("#start-note", { hasText: "restored" }).waitFor();
  await page.waitForFunction(() => document.querySelector("evident-rubric-editor").rubric.criteria[1]?.id === "data");
  const restore = page.getByRole("button", { name: "Restore Bilingual argument" });
  await restore.click();
  await page.waitForFunction(() => document.querySelector("evident-rubric-editor").rubric.criteria[1]?.id === "evidence");
  assert.deepEqual(await page.evaluate(() => document.querySelector("evident-rubric-editor").rubric.criteria[0].title), { en: "Position", es: "Postura" });
  await context.close();
});

test("a CASE package gives a criterion per chosen competency, with its id", async () => {
  const { page, context } = await env.open("/www/teacher.html");
  await page.locator("evident-rubric-editor [part=status]", { hasText: "All changes applied" }).waitFor();
  await page.locator("#case-file").setInputFiles(ratiosCaseFile);
  await page.locator("#case-picker h3").waitFor();
  await page.getByLabel(/^6\.RP\.A\.1 —/).check();
  await page.getByLabel(/^6\.RP\.A\.3 —/).check();
  await page.getByRole("button", { name: "Make a rubric from the chosen competencies" }).click();
  await page.waitForFunction(() => document.querySelector("evident-rubric-editor").rubric.criteria.length === 2);
  const rubric = await page.evaluate(() => document.querySelector("evident-rubric-editor").rubric);
  assert.deepEqual(rubric.criteria.map((c) => c.competency), ["6.RP.A.1", "6.RP.A.3"]);
  assert.equal(rubric.title, "Ratios, grade 6");
  // Empty descriptors are still to do, said at their fields; one the teacher has been to and
  // left empty is a problem to fix.
  await page.locator("evident-rubric-editor p.todo", { hasText: "descriptor is still empty" }).first().waitFor();
  const descriptor = page.locator("evident-rubric-editor").getByLabel("Descriptor", { exact: true }).first();
  await descriptor.focus();
  await descriptor.blur();
  await page.locator("evident-rubric-editor p.problem", { hasText: "descriptor is empty" }).first().waitFor();
  await context.close();
});

test("each look-for counts its matches in the sample answers and shows them", async () => {
  const { page, context } = await env.open("/www/teacher.html");
  const editor = editorOf(page);
  const first = editor.locator("fieldset.indicator").first();
  await first.locator(".matches", { hasText: "sample answers" }).waitFor();
  // Worked out independently: the engine's met indicators over examples/cer-lab.samples.jsonl.
  const expected = await page.evaluate(async () => {
    const { Engine } = await import("/pkg/index.js");
    const engine = new Engine(await (await fetch("/examples/cer-lab.rubric.json")).text());
    const lines = (await (await fetch("/examples/cer-lab.samples.jsonl")).text()).split("\n").filter((l) => l.trim());
    return [lines.length, lines.filter((l) => engine.score(JSON.parse(l).submission).criteria[0].met.some((m) => m.indicator === "has-claim")).length];
  });
  assert.equal(await first.locator(".matches").innerText(), `Found in ${expected[1]} of ${expected[0]} sample answers`);
  await first.getByRole("button", { name: "Show matches of look-for 1" }).click();
  assert.equal(await editor.locator("[part=samples] .sample-list > li").count(), expected[1]);
  assert.ok((await editor.locator("[part=samples] mark").count()) >= expected[1]);
  await context.close();
});

test("the newer checks are forms too: N of M, negation, numbers by range, together", async () => {
  const { page, context } = await env.open("/www/teacher.html");
  const editor = editorOf(page);
  await editor.locator("[part=status]", { hasText: "All changes applied" }).waitFor();
  const claim = editor.locator('[data-criterion="claim"]');
  const types = await claim.locator("fieldset.indicator").first().getByLabel("What to look for").locator("option").allInnerTexts();
  for (const name of ["N of these look-fors", "Found together (one sentence)"]) assert.ok(types.includes(name), `${name} offered (${types.join(", ")})`);
  // N of M: "two of the claim's three look-fors", made with the form alone.
  await claim.getByRole("button", { name: "Add look-for" }).click();
  const added = claim.locator("fieldset.indicator").nth(3);
  await added.getByLabel("Look-for label", { exact: true }).fill("two of the three");
  await added.getByLabel("What to look for").selectOption("atLeast");
  const nOfM = claim.locator("fieldset.indicator").nth(3);
  await nOfM.getByLabel("How many of them").fill("2");
  await nOfM.getByRole("checkbox", { name: "light and growth" }).check();
  // Negation: the first look-for counts only in negated sentences (a misconception check).
  await claim.locator("fieldset.indicator").first().getByLabel(/In a negated sentence/).selectOption("only");
  await editor.locator("[part=status]", { hasText: "All changes applied" }).waitFor();
  const rubric = await page.evaluate(() => document.querySelector("evident-rubric-editor").rubric);
  const ids = rubric.criteria[0].indicators.map((i) => i.id);
  // The form starts with the first two other look-fors ticked (has-claim, on-question) and "light and growth" is on-question: ticking it again keeps two.
  assert.deepEqual(rubric.criteria[0].indicators[3].check, { type: "atLeast", n: 2, of: [ids[0], ids[1]] });
  assert.equal(rubric.criteria[0].indicators[0].check.negation, "only");
  // Numbers by range: at least two numbers with the unit cm.
  const evidence = editor.locator('[data-criterion="evidence"]');
  await evidence.getByRole("button", { name: "Add look-for" }).click();
  const number = evidence.locator("fieldset.indicator").last();
  await number.getByLabel("What to look for").selectOption("number");
  await evidence.locator("fieldset.indicator").last().getByLabel("The number", { exact: true }).fill("");
  await evidence.locator("fieldset.indicator").last().getByLabel("Give or take").fill("");
  await evidence.locator("fieldset.indicator").last().getByLabel("Unit (optional)").fill("cm");
  await evidence.locator("fieldset.indicator").last().getByLabel("How many numbers").fill("2");
  await editor.locator("[part=status]", { hasText: "All changes applied" }).waitFor();
  const after = await page.evaluate(() => document.querySelector("evident-rubric-editor").rubric);
  assert.deepEqual(after.criteria[1].indicators.at(-1).check, { type: "number", unit: "cm", minCount: 2 });
  await context.close();
});
