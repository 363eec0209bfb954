// axe-core (WCAG 2.2 AA rules and best practice) finds no serious or critical violation in
// any state of the pages this work owns, at 1366 px and at 320 px, in English and Spanish:
// the studio as opened, with a problem at a field, in the JSON view with a broken paste,
// with the look-for matches shown, the Spanish student preview and try-it, calibration; the
// class grid, a student as the teacher sees them and in the student's own view; the home page;
// and the studio's own words in Spanish (?lang=es: the page, and the editor's locale="es").
// At 320 px no page scrolls sideways. Screenshots go to test-results/.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { AxeBuilder } from "@axe-core/playwright";
import { root, start } from "./run.mjs";

// Serious and critical violations of WCAG 2.0, 2.1 and 2.2 A/AA rules and axe's best practice.
async function axeScan(page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

let env;
before(async () => { env = await start(); mkdirSync(`${root}test-results`, { recursive: true }); });
after(async () => { await env.close(); });

const editor = (page) => page.locator("evident-rubric-editor");

const teacherStates = [
  ["opened", async () => {}],
  ["problem", async (page) => {
    await editor(page).getByLabel("Points", { exact: true }).nth(2).fill("two");
    await editor(page).locator("p.problem").first().waitFor();
  }],
  ["json", async (page) => {
    await editor(page).getByRole("button", { name: "Edit as JSON" }).click();
    await editor(page).getByLabel("Rubric JSON").fill("{\u201Cid\u201D: \u201Cx\u201D,");
    await editor(page).getByRole("button", { name: "Fix the quotes" }).waitFor();
  }],
  ["matches", async (page) => {
    await editor(page).getByRole("button", { name: "Show matches of look-for 1" }).first().click();
    await editor(page).locator("[part=samples] mark").first().waitFor();
  }],
  ["spanish", async (page, lang) => {
    await editor(page).getByLabel("Rubric title, Spanish", { exact: true }).fill("Afirmación, evidencia y razonamiento");
    await page.locator("#language").selectOption(lang);
    await page.locator("#audience").selectOption("student");
    await page.getByRole("button", { name: "Load sample work" }).click();
    await page.locator("#found li").first().waitFor();
    await page.locator("#calibration-summary li").first().waitFor();
  }],
];

// The same states with the studio itself in Spanish (its labels, buttons and problems).
const spanishStudioStates = [
  ["opened", async () => {}],
  ["problem", async (page) => {
    await editor(page).getByLabel("Puntos", { exact: true }).nth(2).fill("dos");
    await editor(page).locator("p.problem", { hasText: "debe ser un número" }).first().waitFor();
  }],
  ["json", async (page) => {
    await editor(page).getByRole("button", { name: "Editar como JSON" }).click();
    await editor(page).getByLabel("JSON de la rúbrica").fill("{\u201Cid\u201D: \u201Cx\u201D,");
    await editor(page).getByRole("button", { name: "Corregir las comillas" }).waitFor();
  }],
  ["matches", async (page) => {
    await editor(page).getByRole("button", { name: "Mostrar las coincidencias del indicador 1" }).first().click();
    await editor(page).locator("[part=samples] mark").first().waitFor();
  }],
  ["blank", async (page) => {
    await page.getByRole("button", { name: "Rúbrica en blanco" }).click();
    await editor(page).locator("ul.todos li", { hasText: "Pendiente: Título de la rúbrica: todavía está vacío" }).waitFor();
  }],
];

for (const width of [1366, 320]) {
  test(`the studio's own words in Spanish at ${width} px: no axe violations in any state, no sideways scroll`, async () => {
    const { page, errors, violations, context } = await env.open(null, { context: { viewport: { width, height: 900 } } });
    await page.goto(`${env.base}/www/teacher.html?lang=es`);
    await editor(page).locator("[part=status]", { hasText: "Todos los cambios están aplicados." }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), "es");
    for (const [name, act] of spanishStudioStates) {
      await act(page);
      assert.deepEqual(await axeScan(page), [], `${name}`);
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), width, `${name}: the page scrolls sideways`);
      await page.screenshot({ path: `${root}test-results/studio-es-ui-${width}-${name}.png`, fullPage: false });
      if (name === "json") await editor(page).getByRole("button", { name: "Editar como JSON" }).click();
    }
    assert.deepEqual(errors, []);
    assert.deepEqual(violations, []);
    await context.close();
  });

  for (const lang of ["en", "es"]) {
    test(`the studio at ${width} px (${lang}): no axe violations in any state, no sideways scroll`, async () => {
      const { page, errors, violations, context } = await env.open(null, { context: { viewport: { width, height: 900 } } });
      await page.goto(`${env.base}/www/teacher.html`);
      await editor(page).locator("[part=status]", { hasText: "All changes applied" }).waitFor();
      if (lang === "es") await page.locator("#language").selectOption("es");
      for (const [name, act] of teacherStates) {
        await act(page, lang);
        assert.deepEqual(await axeScan(page), [], `${name}`);
        assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), width, `${name}: the page scrolls sideways`);
        await page.screenshot({ path: `${root}test-results/studio-${width}-${lang}-${name}.png`, fullPage: false });
        if (name === "json") await editor(page).getByRole("button", { name: "Edit as JSON" }).click();
      }
      assert.deepEqual(errors, []);
      assert.deepEqual(violations, []);
      await context.close();
    });

    test(`the class page at ${width} px (${lang}): no axe violations, no sideways scroll`, async () => {
      const { page, errors, context } = await env.open(null, { context: { viewport: { width, height: 900 } } });
      await page.goto(`${env.base}/www/class.html`);
      await page.locator("evident-mastery tbody tr").first().waitFor();
      if (lang === "es") {
        await page.locator("#language").selectOption("es");
        await page.locator("evident-mastery [part=rule]", { hasText: "Dominado" }).waitFor();
      }
      const check = async (name) => {
        assert.deepEqual(await axeScan(page), [], name);
        assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), width, `${name}: the page scrolls sideways`);
        await page.screenshot({ path: `${root}test-results/class-${width}-${lang}-${name}.png`, fullPage: false });
      };
      await page.locator('evident-mastery tr[data-student="s-03"] td[data-competency="SCI.CER.3"] summary').click();
      await check("grid");
      await page.locator("#student").selectOption("s-07");
      await page.locator("evident-mastery [part=recommendations]").waitFor();
      await check("student-teacher-view");
      await page.locator("#audience").selectOption("student");
      await page.locator("evident-mastery [part=intro]").waitFor();
      await check("student-own-view");
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  test(`the home page at ${width} px: no axe violations, no sideways scroll`, async () => {
    const { page, context } = await env.open(null, { context: { viewport: { width, height: 900 } } });
    await page.goto(`${env.base}/www/index.html`);
    await page.locator("#version:not(:empty)").waitFor();
    assert.deepEqual(await axeScan(page), []);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), width);
    await context.close();
  });
}
