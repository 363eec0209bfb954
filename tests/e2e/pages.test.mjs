// Every page of the demo: no serious or critical axe-core violations (in the initial state and
// after the components have rendered their content), no console errors, no CSP violations
// under the strict policy scripts/serve.mjs sends.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { axeScan, start } from "./run.mjs";

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

const pages = [
  ["/www/index.html", "#version:not(:empty)"],
  ["/www/student.html", "evident-feedback [part=criterion]"],
  ["/www/teacher.html", "evident-rubric table"],
  ["/www/class.html", "evident-mastery tbody tr"],
];

for (const [path, ready] of pages) {
  test(`${path}: accessible, no console errors, CSP holds`, async () => {
    const { page, errors, violations, context } = await env.open(path);
    await page.locator(ready).first().waitFor();
    const csp = await page.evaluate(() => fetch(location.href).then((r) => r.headers.get("content-security-policy")));
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'; style-src 'self'/);
    assert.deepEqual(await axeScan(page), []);
    assert.deepEqual(errors, []);
    assert.deepEqual(violations, []);
    await context.close();
  });
}

test("the home page leads to each page in Spanish", async () => {
  const { page, errors, context } = await env.open("/www/index.html");
  const links = page.locator('a[hreflang="es"]');
  assert.deepEqual(await links.allInnerTexts(), ["Tarea del estudiante en español", "Taller de rúbricas en español", "Dominio de la clase en español"]);
  assert.deepEqual(await links.evaluateAll((as) => as.map((a) => a.closest("[lang]").lang)), ["es", "es", "es"]);
  await page.getByRole("link", { name: "Dominio de la clase en español" }).click();
  await page.locator("h1", { hasText: "Dominio de la clase" }).waitFor();
  assert.equal(await page.locator("html").getAttribute("lang"), "es");
  await page.goto(`${env.base}/www/index.html`);
  await page.getByRole("link", { name: "Tarea del estudiante en español" }).click();
  await page.locator("evident-feedback h3", { hasText: "Siguientes pasos" }).waitFor({ state: "attached" });
  assert.equal(await page.locator('label[for="answer"]').innerText(), "Mi respuesta");
  assert.equal(await page.locator("html").getAttribute("lang"), "es");
  assert.deepEqual(errors, []);
  await context.close();
});

test("the student page stays accessible with feedback, strengths and the Spanish switch", async () => {
  const { page, errors, violations, context } = await env.open("/www/student.html");
  await page.locator("evident-feedback [part=criterion]").first().waitFor();
  await page.getByRole("button", { name: "Load sample work" }).click();
  await page.locator("evident-feedback [part=strength]").first().waitFor();
  await page.locator("evident-feedback summary").click();
  await page.locator("#language").selectOption("es");
  await page.locator("evident-feedback h3", { hasText: "Siguientes pasos" }).waitFor();
  assert.deepEqual(await axeScan(page), []);
  assert.deepEqual(errors, []);
  assert.deepEqual(violations, []);
  await context.close();
});

test("the teacher page stays accessible while showing a problem and the student view", async () => {
  const { page, context } = await env.open("/www/teacher.html");
  await page.locator("evident-rubric table").waitFor();
  await page.locator("#audience").selectOption("student");
  assert.deepEqual(await axeScan(page), []);
  await page.locator("evident-rubric-editor").getByLabel("Points", { exact: true }).first().fill("none");
  await page.locator("evident-rubric-editor p.problem").first().waitFor();
  assert.deepEqual(await axeScan(page), []);
  await context.close();
});

test("the pages work by keyboard alone", async () => {
  const { page, context } = await env.open("/www/student.html");
  await page.locator("evident-feedback [part=criterion]").first().waitFor();
  // Skip link first, then the site navigation.
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "Skip to content");
  await page.keyboard.press("Enter");
  // From the main content, tab to the sample button and press it.
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(() => document.activeElement.id === "sample")) break;
  }
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.getElementById("answer").value.length > 0);
  await context.close();
});
