// The rubric studio in Spanish: the teacher page and <evident-rubric-editor locale="es"> say
// every word of their own in Spanish, with `lang` set so a screen reader reads them as Spanish
// (and the rubric's English texts as English); a teacher builds a small rubric through the
// Spanish form; a mistake is named in Spanish at its field; switching the language keeps the
// rubric being edited, its undo history, the focus and a half-typed JSON. Screenshots go to
// test-results/.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { root, start } from "./run.mjs";

let env;
before(async () => { env = await start(); mkdirSync(`${root}test-results`, { recursive: true }); });
after(async () => { await env.close(); });

const editor = (page) => page.locator("evident-rubric-editor");
const rubricOf = (page) => page.evaluate(() => document.querySelector("evident-rubric-editor").rubric);
const shadow = (page, fn) => page.evaluate(fn);

async function openSpanish(path = "/www/teacher.html?lang=es") {
  const opened = await env.open(path);
  await editor(opened.page).locator("[part=status]", { hasText: "Todos los cambios están aplicados." }).waitFor();
  return opened;
}

test("in Spanish, the page and the editor show Spanish labels, with lang set on their words", async () => {
  const { page, errors, context } = await openSpanish();
  assert.equal(await page.evaluate(() => document.documentElement.lang), "es");
  assert.equal(await page.title(), "Taller de rúbricas — demostración de Evident");
  assert.equal(await page.locator("h1").innerText(), "Taller de rúbricas");
  assert.equal(await page.locator("#page-language").inputValue(), "es");
  // The page's own labels and buttons.
  assert.equal(await page.locator('label[for="example"]').innerText(), "Ejemplo");
  assert.equal(await page.locator("#blank").innerText(), "Rúbrica en blanco");
  assert.equal(await page.locator("#editor-heading").innerText(), "Editar la rúbrica");
  assert.equal(await page.locator('nav a[aria-current="page"]').innerText(), "Taller de rúbricas");
  // The navigation keeps the language, the home page's link too.
  assert.deepEqual(await page.locator("nav a").evaluateAll((links) => links.map((l) => l.getAttribute("href"))),
    ["index.html?lang=es", "student.html?lang=es", "teacher.html?lang=es", "class.html?lang=es"]);
  assert.equal(await page.locator("#version-name").getAttribute("placeholder"), "Antes de ajustar el kappa");
  // The editor's: toolbar, field labels (the rubric's main language is English: its Spanish twin
  // says so), headings, buttons, check types.
  const ed = editor(page);
  for (const name of ["Deshacer", "Rehacer", "Editar como JSON", "Descargar JSON", "Agregar criterio", "Agregar nivel"]) {
    assert.equal(await ed.getByRole("button", { name, exact: true }).count(), 1, name);
  }
  assert.equal(await ed.getByLabel("Título de la rúbrica", { exact: true }).inputValue(), "Claim, evidence, reasoning: plant growth lab");
  // examples/cer-lab.rubric.json's title in Spanish.
  assert.equal(await ed.getByLabel("Título de la rúbrica, en español", { exact: true }).inputValue(), "Afirmación, evidencia, razonamiento: laboratorio de crecimiento de plantas");
  assert.equal(await ed.getByRole("checkbox", { name: "Mostrar los id y las rutas JSON" }).count(), 1);
  assert.equal(await ed.locator("h3").first().innerText(), "Criterio 1: Claim");
  assert.deepEqual(await ed.locator("h2").allInnerTexts(), ["Rúbrica", "Niveles", "Criterios", "Traducciones"]);
  const types = await ed.locator("fieldset.indicator").first().getByLabel("Qué buscar").locator("option").allInnerTexts();
  assert.deepEqual(types.slice(0, 4), ["Palabras o frases", "Número de palabras", "Número de oraciones", "Número de párrafos"]);
  assert.equal(await ed.locator("fieldset.indicator").first().locator(".matches").innerText(), "Aparece en 10 de 17 respuestas de ejemplo");
  // lang: the editor's words are Spanish; the rubric's texts keep theirs (its main language, English).
  const langs = await shadow(page, () => {
    const root = document.querySelector("evident-rubric-editor").shadowRoot;
    const title = root.getElementById("title");
    return {
      studio: root.querySelector(".studio").lang,
      heading: root.querySelector("h3 span[lang]")?.lang,
      title: title.lang,
      titleEs: root.getElementById("title-es").lang,
      legend: root.querySelector("fieldset.indicator legend span").lang,
      chip: root.querySelector(".chip-text").lang,
    };
  });
  assert.deepEqual(langs, { studio: "es", heading: "en", title: "en", titleEs: "es", legend: "en", chip: "en" });
  await page.screenshot({ path: `${root}test-results/studio-es-opened.png`, fullPage: false });
  assert.deepEqual(errors, []);
  await context.close();
});

test("a teacher builds a small rubric through the Spanish form", async () => {
  const { page, errors, context } = await openSpanish();
  const ed = editor(page);
  await page.getByRole("button", { name: "Rúbrica en blanco" }).click();
  // A blank rubric in the studio's language: Spanish level names, Spanish as the main language.
  // Its empty fields: the rubric's title, the criterion's title, four descriptors.
  await ed.locator("[part=status]", { hasText: "Aún sin aplicar: 6 campos por completar. Las vistas previas empiezan cuando la rúbrica esté completa." }).waitFor();
  assert.equal(await page.locator("#start-note").innerText(), "Empezaste una rúbrica en blanco: ponle un título y luego completa el primer criterio.");
  assert.deepEqual(await ed.getByLabel("Nombre del nivel", { exact: true }).evaluateAll((els) => els.map((e) => e.value)), ["Inicial", "En desarrollo", "Competente", "Avanzado"]);
  assert.equal(await ed.getByLabel("Idioma principal").inputValue(), "es");
  assert.equal(await ed.locator("ul.todos li").first().innerText(), "Pendiente: Título de la rúbrica: todavía está vacío");

  await ed.getByLabel("Título de la rúbrica", { exact: true }).fill("Carta persuasiva");
  await ed.getByLabel("Título del criterio", { exact: true }).fill("Postura");
  const descriptors = ["Sin postura.", "Toma una postura.", "Toma una postura y da una razón.", "Toma una postura y explica varias razones."];
  for (const [i, d] of descriptors.entries()) await ed.getByLabel("Descriptor", { exact: true }).nth(i).fill(d);
  // Two look-fors, each with its phrases as chips.
  for (const [i, [label, phrase]] of [["una postura", "creo que|pienso que"], ["una razón", "porque"]].entries()) {
    await ed.getByRole("button", { name: "Agregar indicador" }).click();
    const lookFor = ed.locator("fieldset.indicator").nth(i);
    await lookFor.getByLabel("Nombre del indicador", { exact: true }).fill(label);
    await lookFor.getByLabel("Frases", { exact: true }).fill(phrase);
    await lookFor.getByLabel("Frases", { exact: true }).press("Enter");
  }
  assert.equal(await ed.locator("fieldset.indicator").first().locator(".chip-words").innerText(), "cualquiera de: creo que, pienso que");
  // Which levels need which look-for, ticked in the grid.
  for (const level of ["En desarrollo", "Competente", "Avanzado"]) await ed.getByRole("checkbox", { name: `${level} requiere una postura`, exact: true }).check();
  for (const level of ["Competente", "Avanzado"]) await ed.getByRole("checkbox", { name: `${level} requiere una razón`, exact: true }).check();
  await ed.locator("[part=status]", { hasText: "Todos los cambios están aplicados." }).waitFor();

  const rubric = await rubricOf(page);
  assert.deepEqual({ locale: rubric.locale, title: rubric.title, criteria: rubric.criteria.map((c) => ({ title: c.title, levels: c.levels, indicators: c.indicators })) }, {
    locale: "es", title: "Carta persuasiva",
    criteria: [{ title: "Postura",
      levels: [{ value: 1, descriptor: descriptors[0] }, { value: 2, descriptor: descriptors[1], requires: ["look-for"] },
        { value: 3, descriptor: descriptors[2], requires: ["look-for", "look-for-2"] }, { value: 4, descriptor: descriptors[3], requires: ["look-for", "look-for-2"] }],
      indicators: [{ id: "look-for", label: "una postura", check: { type: "phrases", anyOf: ["creo que|pienso que"] } },
        { id: "look-for-2", label: "una razón", check: { type: "phrases", anyOf: ["porque"] } }] }],
  });
  // Levels 3 and 4 need the same look-fors: the engine's advice, at level 4's ticks, in Spanish.
  await ed.locator("p.advice", { hasText: "Consejo: Criterio 1 (Postura), nivel Avanzado: los niveles 3 y 4 requieren los mismos indicadores, así que la calificación automática nunca puede dar el nivel 3." }).waitFor();
  // Tried on Spanish work: "Creo que" and "porque" meet both look-fors, so level 4 (points = level
  // value, 4 of 4, 100 %), the scale's top level, "Avanzado".
  await page.locator("#work").fill("Creo que las clases deberían empezar más tarde porque dormimos poco.");
  await page.locator("#score", { hasText: "Puntuación: 4 de 4 puntos (100 %), nivel global Avanzado." }).waitFor();
  assert.deepEqual(await page.locator("#found li").allInnerTexts(), ["Postura: una postura encontrado (1 lugar)", "Postura: una razón encontrado (1 lugar)"]);
  await page.screenshot({ path: `${root}test-results/studio-es-built.png`, fullPage: false });
  assert.deepEqual(errors, []);
  await context.close();
});

test("a mistake at a field is named in plain Spanish; what the Spanish table lacks stays English, marked so", async () => {
  const { page, context } = await openSpanish();
  const ed = editor(page);
  // Evidence (criterion 2), Advanced (its 4th level): the fourth "Puntos" field of the second criterion.
  const points = ed.locator('[data-criterion="evidence"]').getByLabel("Puntos", { exact: true }).nth(3);
  await points.fill("dos");
  const problem = ed.locator('[data-criterion="evidence"] p.problem');
  await problem.waitFor();
  assert.equal(await problem.innerText(), "Problema: Criterio 2 (Evidence), nivel Advanced, puntos: debe ser un número");
  assert.equal(await points.getAttribute("aria-invalid"), "true");
  assert.equal(await ed.locator("[part=status]").innerText(), "Aún sin aplicar: 1 problema por corregir. Las vistas previas conservan la última versión que funcionó.");
  assert.equal(await ed.locator("ul.problems li").innerText(), "Criterio 2 (Evidence), nivel Advanced, puntos: debe ser un número");
  assert.equal(await page.locator("#preview-note").innerText(), "Aún sin aplicar: la vista previa muestra la última versión que funcionó.");
  await points.fill("3");
  await ed.locator("[part=status]", { hasText: "Todos los cambios están aplicados." }).waitFor();
  // A pattern the engine cannot read: its own English words, inside a Spanish sentence, with lang="en".
  const lookFor = ed.locator("fieldset.indicator").first();
  await lookFor.getByLabel("Qué buscar").selectOption("pattern");
  await ed.locator("fieldset.indicator").first().getByLabel("Patrón (expresión regular)").fill("(");
  const english = ed.locator("fieldset.indicator").first().locator('p.problem span[lang="en"]');
  await english.waitFor();
  assert.match(await english.innerText(), /^not a valid pattern/);
  assert.match(await ed.locator("fieldset.indicator").first().locator("p.problem").innerText(), /^Problema: Criterio 1 \(Claim\), indicador 1 \(a claim\), patrón: not a valid pattern/);
  await context.close();
});

test("switching the language keeps the rubric being edited, its undo history, the focus and a half-typed JSON", async () => {
  const { page, errors, context } = await env.open("/www/teacher.html");
  const ed = editor(page);
  await ed.locator("[part=status]", { hasText: "All changes applied." }).waitFor();
  await ed.getByRole("button", { name: "Add criterion" }).click();
  await ed.getByLabel("Criterion title", { exact: true }).nth(3).fill("Conclusion");
  await ed.locator("[part=status]", { hasText: "Not applied yet" }).waitFor();
  const before = await rubricOf(page);

  // From the page's switch: every word changes, the rubric does not.
  await page.locator("#page-language").selectOption("es");
  await ed.locator("[part=status]", { hasText: "Aún sin aplicar: 4 campos por completar." }).waitFor();
  assert.deepEqual(await rubricOf(page), before);
  assert.equal(await page.evaluate(() => document.documentElement.lang), "es");
  assert.equal(await page.evaluate(() => document.querySelector("evident-rubric-editor").getAttribute("locale")), "es");
  assert.match(page.url(), /[?&]lang=es\b/);
  assert.equal(await ed.getByLabel("Título del criterio", { exact: true }).nth(3).inputValue(), "Conclusion");
  assert.equal(await ed.locator("h3").nth(3).innerText(), "Criterio 4: Conclusion");
  // The undo history is the same: Undo takes back the new criterion's title, then the criterion.
  await ed.getByRole("button", { name: "Deshacer" }).click();
  await page.waitForFunction(() => document.querySelector("evident-rubric-editor").rubric.criteria[3]?.title === "");
  await ed.getByRole("button", { name: "Deshacer" }).click();
  await page.waitForFunction(() => document.querySelector("evident-rubric-editor").rubric.criteria.length === 3);
  await ed.getByRole("button", { name: "Rehacer" }).click();
  await page.waitForFunction(() => document.querySelector("evident-rubric-editor").rubric.criteria.length === 4);

  // Changed while a teacher types in a field: the focus and the caret stay where they were.
  const title = ed.getByLabel("Título de la rúbrica", { exact: true });
  await title.focus();
  await page.evaluate(() => document.querySelector("evident-rubric-editor").shadowRoot.getElementById("title").setSelectionRange(3, 8));
  await page.evaluate(() => document.querySelector("evident-rubric-editor").setAttribute("locale", "en"));
  await ed.getByRole("button", { name: "Undo" }).waitFor();
  const focus = await page.evaluate(() => {
    const active = document.querySelector("evident-rubric-editor").shadowRoot.activeElement;
    return [active?.id, active?.selectionStart, active?.selectionEnd];
  });
  assert.deepEqual(focus, ["title", 3, 8]);
  // "Claim, evidence…" (the example's English title) with its characters 3 to 8 ("im, e") typed over.
  await page.keyboard.type("X");
  await page.waitForFunction(() => document.querySelector("evident-rubric-editor").rubric.title.en === "ClaXvidence, reasoning: plant growth lab");

  // In the JSON view, a half-typed JSON is left as it is and its problem is said again in Spanish.
  await ed.getByRole("button", { name: "Edit as JSON" }).click();
  const area = ed.getByLabel("Rubric JSON");
  await area.fill('{"id": "lab", "title": ');
  await ed.locator("#json-msgs p.problem", { hasText: "The JSON cannot be read" }).waitFor();
  await page.locator("#page-language").selectOption("es");
  await ed.locator("#json-msgs p.problem", { hasText: "No se puede leer el JSON" }).waitFor();
  assert.equal(await ed.getByLabel("JSON de la rúbrica").inputValue(), '{"id": "lab", "title": ');
  assert.equal(await ed.getByRole("button", { name: "Editar como JSON" }).getAttribute("aria-pressed"), "true");
  await page.screenshot({ path: `${root}test-results/studio-es-json.png`, fullPage: false });
  assert.deepEqual(errors, []);
  await context.close();
});

test("the language chosen is kept on reload, and a locale set on the element before it loads is used", async () => {
  const { page, context } = await env.open("/www/teacher.html");
  await editor(page).locator("[part=status]", { hasText: "All changes applied." }).waitFor();
  await page.locator("#page-language").selectOption("es");
  await page.reload();
  await editor(page).locator("[part=status]", { hasText: "Todos los cambios están aplicados." }).waitFor();
  assert.equal(await page.locator("h1").innerText(), "Taller de rúbricas");
  // An element made by script with locale="es-MX" speaks Spanish, and opens with a Spanish blank rubric.
  const made = await page.evaluate(async () => {
    const el = document.createElement("evident-rubric-editor");
    el.setAttribute("locale", "es-MX");
    document.body.append(el);
    await el.ready;
    const root = el.shadowRoot;
    const out = { undo: root.querySelector('[data-key="undo"]').textContent, lang: root.querySelector(".studio").lang, levels: el.rubric.scale.levels.map((l) => l.label), locale: el.rubric.locale };
    el.remove();
    return out;
  });
  assert.deepEqual(made, { undo: "Deshacer", lang: "es", levels: ["Inicial", "En desarrollo", "Competente", "Avanzado"], locale: "es" });
  await context.close();
});
