// The rubric studio's two file pickers ("Import JSON or CSV", "Start from a CASE package")
// speak the page's language, not the browser's: the native <input type="file"> (which says
// "Choose File" / "No file chosen" in the browser's words) is visually hidden but still
// focusable and named by its field's label; a button-like label says "Choose a file…" or
// "Elegir un archivo…", and the words next to it the chosen file's name or that none is
// chosen yet, which is also the input's description. Checked in English and Spanish: the
// words, a file chosen through the visible label and one set on the input, the keyboard (Tab
// reaches the input and its label shows the focus ring), the accessible names and
// descriptions, and axe (WCAG 2.2 AA) at 1366 and 320 px with no sideways scroll.
// Screenshots go to test-results/.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { AxeBuilder } from "@axe-core/playwright";
import { root, start } from "./run.mjs";
import { ratiosCaseFile } from "./case-package.mjs";

let env;
before(async () => { env = await start(); mkdirSync(`${root}test-results`, { recursive: true }); });
after(async () => { await env.close(); });

const words = {
  en: { ready: "All changes applied.", choose: "Choose a file…", none: "No file chosen", importFile: "Import JSON or CSV", caseFile: "Start from a CASE package",
    imported: "Imported math.rubric.json.", caseRead: "Read 3 competencies from ratios.json." },
  es: { ready: "Todos los cambios están aplicados.", choose: "Elegir un archivo…", none: "Ningún archivo elegido", importFile: "Importar JSON o CSV", caseFile: "Empezar desde un paquete CASE",
    imported: "Se importó math.rubric.json.", caseRead: "Se leyeron 3 competencias de ratios.json." },
};


async function openStudio(lang, width = 1366) {
  const opened = await env.open(null, { context: { viewport: { width, height: 900 } } });
  await opened.page.goto(`${env.base}/www/teacher.html${lang === "es" ? "?lang=es" : ""}`);
  await opened.page.locator("evident-rubric-editor [part=status]", { hasText: words[lang].ready }).waitFor();
  return opened;
}

/** What a picker shows: the button-like label's words and the status next to it. */
const shown = (page, id) => page.locator(`#${id}`).evaluate((input) => {
  const picker = input.closest(".file-picker");
  return { button: picker.querySelector("label.file-button").textContent, status: picker.querySelector(".file-status").textContent };
});

/** Chromium's accessibility tree for an input: role, name, description. */
async function axNode(page, context, id) {
  const cdp = await context.newCDPSession(page);
  const { root: doc } = await cdp.send("DOM.getDocument");
  const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: doc.nodeId, selector: `#${id}` });
  const { nodes } = await cdp.send("Accessibility.getPartialAXTree", { nodeId, fetchRelatives: false });
  await cdp.detach();
  const node = nodes[0];
  return { role: node.role?.value, name: node.name?.value, description: node.description?.value };
}

/** The focus ring of a picker's button-like label (the global one is a 3 px solid outline). */
const ring = (page, id) => page.locator(`label.file-button[for="${id}"]`).evaluate((label) => {
  const style = getComputedStyle(label);
  return { outline: `${style.outlineStyle} ${style.outlineWidth}`, boxShadow: style.boxShadow };
});

// Every violation of WCAG 2.0, 2.1 and 2.2 A/AA rules and axe's best practice, whatever its
// impact; and the rules that only needed review, for the pickers.
async function axe(page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
  const pickers = (nodes) => nodes.some((n) => n.target.some((t) => /#(import|case)-file/.test(t)));
  return {
    violations: results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    incomplete: results.incomplete.filter((v) => pickers(v.nodes)).map((v) => v.id),
  };
}

for (const lang of ["en", "es"]) {
  const w = words[lang];

  test(`(${lang}) each file picker shows the page's words, then the chosen file's name; the import works as before`, async () => {
    const { page, errors, violations, context } = await openStudio(lang);
    for (const id of ["import-file", "case-file"]) {
      assert.deepEqual(await shown(page, id), { button: w.choose, status: w.none }, id);
      // The native input (with the browser's own words) is there but not seen: 1 px, clipped, not display:none.
      const input = await page.locator(`#${id}`).evaluate((el) => {
        const box = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        return { width: box.width, height: box.height, display: style.display, visibility: style.visibility, clipPath: style.clipPath };
      });
      assert.ok(input.width <= 1 && input.height <= 1, `${id} is visually hidden: ${JSON.stringify(input)}`);
      assert.notEqual(input.display, "none");
      assert.equal(input.visibility, "visible");
      assert.equal(input.clipPath, "inset(50%)");
    }
    // All a field shows is in the page's language: its label, the button-like label, the status.
    for (const [id, label] of [["import-file", w.importFile], ["case-file", w.caseFile]]) {
      assert.equal(await page.locator(".field", { has: page.locator(`#${id}`) }).innerText(), `${label}\n${w.choose}\n${w.none}`, id);
    }

    // Chosen through the visible label (a click on it opens the browser's file dialog).
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.locator('label.file-button[for="import-file"]').click()]);
    assert.equal(await chooser.element().evaluate((el) => el.id), "import-file");
    await chooser.setFiles(`${root}examples/math.rubric.json`);
    // As before: the rubric opens in the editor and the note says so; the status shows the file's name.
    await page.waitForFunction(() => document.querySelector("evident-rubric-editor").rubric.id === "math-ratios");
    await page.locator("#start-note", { hasText: w.imported }).waitFor();
    assert.deepEqual(await shown(page, "import-file"), { button: w.choose, status: "math.rubric.json" });
    assert.deepEqual(await shown(page, "case-file"), { button: w.choose, status: w.none });
    // The input is emptied after an import (so the same file can be imported again), as before.
    assert.equal(await page.locator("#import-file").inputValue(), "");

    // A CASE package, set on the input: the competencies to choose from, and its name shown.
    await page.locator("#case-file").setInputFiles(ratiosCaseFile);
    await page.locator("#case-picker h3").waitFor();
    await page.locator("#start-note", { hasText: w.caseRead }).waitFor();
    assert.deepEqual(await shown(page, "case-file"), { button: w.choose, status: "ratios.json" });
    assert.equal(await page.locator("#case-picker input[type=checkbox]").count(), 3);
    await page.locator("section.card.start").screenshot({ path: `${root}test-results/studio-files-${lang}-chosen.png` });

    // Switching the page's language changes the picker's words, not the names of the files chosen.
    const other = lang === "en" ? "es" : "en";
    await page.locator("#page-language").selectOption(other);
    await page.locator("#start-heading", { hasText: other === "es" ? "Empezar" : "Start" }).waitFor();
    assert.deepEqual(await shown(page, "import-file"), { button: words[other].choose, status: "math.rubric.json" });
    assert.deepEqual(await shown(page, "case-file"), { button: words[other].choose, status: "ratios.json" });
    assert.deepEqual(errors, []);
    assert.deepEqual(violations, []);
    await context.close();
  });

  test(`(${lang}) the pickers are named by their field labels, described by their status, and reached by Tab with a visible focus ring`, async () => {
    const { page, errors, violations, context } = await openStudio(lang);
    // The accessible name is the field's label alone (not "… Choose a file…"), as a button (Chromium's role for a file input).
    for (const [id, name] of [["import-file", w.importFile], ["case-file", w.caseFile]]) {
      const ids = (locator) => locator.evaluateAll((els) => els.map((el) => el.id));
      assert.deepEqual(await ids(page.getByRole("button", { name, exact: true })), [id], name);
      assert.deepEqual(await ids(page.getByLabel(name, { exact: true })), [id], name);
      assert.deepEqual(await axNode(page, context, id), { role: "button", name, description: w.none }, id);
    }
    // Nothing else on the page answers to the picker's words.
    assert.equal(await page.getByRole("button", { name: w.choose }).count(), 0);
    assert.equal(await page.getByLabel(w.choose).count(), 0);

    // Tab from "Blank rubric" reaches the import input, then the CASE input; the label of the
    // focused one shows the focus ring, the other none.
    const before = await ring(page, "import-file");
    assert.equal(before.outline.split(" ")[0], "none");
    await page.locator("#blank").focus();
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.id), "import-file");
    const focused = await ring(page, "import-file");
    assert.notDeepEqual(focused, before);
    assert.equal(focused.outline, "solid 3px");
    assert.equal((await ring(page, "case-file")).outline.split(" ")[0], "none");
    await page.locator("section.card.start").screenshot({ path: `${root}test-results/studio-files-${lang}-focus.png` });
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.id), "case-file");
    assert.equal((await ring(page, "case-file")).outline, "solid 3px");
    assert.deepEqual(await ring(page, "import-file"), before);
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.id), "download-csv");

    // A file chosen: the description is its name.
    await page.locator("#import-file").setInputFiles(`${root}examples/math.rubric.json`);
    await page.locator("#start-note", { hasText: w.imported }).waitFor();
    assert.deepEqual(await axNode(page, context, "import-file"), { role: "button", name: w.importFile, description: "math.rubric.json" });
    assert.deepEqual(errors, []);
    assert.deepEqual(violations, []);
    await context.close();
  });

  for (const width of [1366, 320]) {
    test(`(${lang}) at ${width} px: no axe violations before and after choosing files, with the focus on a picker; no sideways scroll`, async () => {
      const { page, errors, violations, context } = await openStudio(lang, width);
      const check = async (name) => {
        const result = await axe(page);
        assert.deepEqual(result.violations, [], name);
        // Not even left for review (e.g. the two labels of a picker: one is hidden from screen readers, the other names it).
        assert.deepEqual(result.incomplete, [], name);
        assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), width, `${name}: the page scrolls sideways`);
      };
      await check("opened");
      // A long file name wraps rather than widening the page.
      await page.locator("#import-file").setInputFiles({ name: "a-rather-long-rubric-file-name-for-the-lab-report-unit.json", mimeType: "application/json",
        buffer: readFileSync(`${root}examples/math.rubric.json`) });
      await page.locator("#start-note", { hasText: "a-rather-long-rubric-file-name-for-the-lab-report-unit.json" }).waitFor();
      await page.locator("#case-file").setInputFiles(ratiosCaseFile);
      await page.locator("#case-picker h3").waitFor();
      await page.locator("#blank").focus();
      await page.keyboard.press("Tab");
      assert.equal(await page.evaluate(() => document.activeElement.id), "import-file");
      await check("chosen");
      await page.locator("section.card.start").screenshot({ path: `${root}test-results/studio-files-${width}-${lang}.png` });
      assert.deepEqual(errors, []);
      assert.deepEqual(violations, []);
      await context.close();
    });
  }
}
