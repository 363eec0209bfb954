// The home page (www/index.html, www/landing.js): in English, and in Spanish with `?lang=es` or
// its language picker, like the other demo pages (every text of its own, `lang` on <html>,
// links that keep the language); its embed snippet loads the feedback element's own entry;
// the footer names the engine's version; no console errors or CSP violations; no axe
// violations and no sideways scroll at 1366 and 320 px, in both languages.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { axeScan, root, start } from "./run.mjs";

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

// The engine reports the crate's version (core.version()).
const version = readFileSync(`${root}Cargo.toml`, "utf8").match(/^version = "([^"]+)"/m)[1];

async function openHome(query = "", context = {}) {
  const opened = await env.open(null, { context });
  await opened.page.goto(`${env.base}/www/index.html${query}`);
  await opened.page.locator("#version:not(:empty)").waitFor();
  return opened;
}

const hrefs = (page, selector) => page.locator(selector).evaluateAll((links) => links.map((l) => l.getAttribute("href")));
// The page's own words: each element the page translates (data-i18n), in document order.
const ownWords = (page) => page.locator("[data-i18n]").evaluateAll((els) => els.map((e) => e.textContent));
// The text a visitor reads, without the code (which stays code in both languages) and the
// picker's language names.
const proseText = (page) => page.evaluate(() => {
  const body = document.body.cloneNode(true);
  for (const el of body.querySelectorAll("pre, code, script, option, [hidden]")) el.remove();
  return body.textContent.replace(/\s+/g, " ");
});
const snippet = (page) => page.locator("pre code").textContent();
const SNIPPET_SCRIPT = '<script type="module"\n  src="node_modules/evident/elements/feedback.js">\n</script>';

test("in English: the page's words, its links, the element's own entry in the snippet, the engine's version", async () => {
  const { page, errors, violations, context } = await openHome();
  assert.equal(await page.locator("html").getAttribute("lang"), "en");
  assert.equal(await page.title(), "Evident — rubric feedback that runs in the browser");
  assert.equal(await page.locator("h1").innerText(), "Evident: rubric feedback while students write");
  assert.equal(await page.locator('label[for="language"]').innerText(), "Language");
  assert.equal(await page.locator("#language").inputValue(), "en");
  assert.deepEqual(await page.locator(".cards h2").allInnerTexts(), ["Student task", "Rubric studio", "Class mastery"]);
  assert.deepEqual(await hrefs(page, "nav a"), ["index.html", "student.html", "teacher.html", "class.html"]);
  assert.deepEqual(await hrefs(page, ".cards h2 a"), ["student.html", "teacher.html", "class.html"]);
  // The direct links to the Spanish pages, in Spanish.
  assert.deepEqual(await page.locator('a[hreflang="es"]').allInnerTexts(), ["Tarea del estudiante en español", "Taller de rúbricas en español", "Dominio de la clase en español"]);
  assert.equal(await page.getByRole("heading", { name: "Use it in your own pages" }).count(), 1);
  // The snippet loads the feedback element's own entry, not the demo's all-in-one module.
  const code = await snippet(page);
  assert.ok(code.endsWith(SNIPPET_SCRIPT), code);
  assert.ok(!code.includes("evident/index.js"), code);
  assert.match(code, /<label for="answer">Your answer<\/label>\n<textarea id="answer"><\/textarea>/);
  const entries = page.locator("main p", { hasText: "registers every element" });
  assert.equal(await entries.innerText(), "elements/feedback.js registers only <evident-feedback>; evident/elements registers every element. "
    + "The element loads the engine (evident_core_bg.wasm) from the package's folder; to serve that file from elsewhere, put its URL in the data-wasm-url attribute of the script tag.");
  assert.equal(await page.locator("footer").innerText(), `Evident 0.1.0 · demo site · engine ${version}`);
  assert.deepEqual(errors, []);
  assert.deepEqual(violations, []);
  await context.close();
});

test("in Spanish (?lang=es): every text of the page in Spanish, lang=\"es\", links that keep the language", async () => {
  const english = await openHome();
  const englishWords = await ownWords(english.page);
  const englishSnippet = await snippet(english.page);
  await english.context.close();

  const { page, errors, violations, context } = await openHome("?lang=es");
  assert.equal(await page.locator("html").getAttribute("lang"), "es");
  assert.equal(await page.title(), "Evident — retroalimentación con rúbricas que funciona en el navegador");
  assert.equal(await page.locator("h1").innerText(), "Evident: retroalimentación con rúbricas mientras los estudiantes escriben");
  assert.match(await page.locator(".lead").innerText(), /^Evident califica el trabajo de los estudiantes con una rúbrica, .* ningún texto de los estudiantes sale de la página\.$/);
  assert.equal(await page.locator('label[for="language"]').innerText(), "Idioma");
  assert.equal(await page.locator("#language").inputValue(), "es");
  assert.equal(await page.locator(".skip").textContent(), "Ir al contenido");
  assert.equal(await page.locator("nav").getAttribute("aria-label"), "Páginas de la demostración");
  assert.deepEqual(await page.locator("nav a").allInnerTexts(), ["Inicio", "Tarea del estudiante", "Taller de rúbricas", "Dominio de la clase"]);
  assert.deepEqual(await hrefs(page, "nav a"), ["index.html?lang=es", "student.html?lang=es", "teacher.html?lang=es", "class.html?lang=es"]);
  assert.equal(await page.locator(".brand").getAttribute("href"), "index.html?lang=es");
  // The cards: Spanish titles leading to the Spanish pages, Spanish texts; the separate
  // "… en español" links would repeat the titles, so they are hidden.
  assert.deepEqual(await page.locator(".cards h2").allInnerTexts(), ["Tarea del estudiante", "Taller de rúbricas", "Dominio de la clase"]);
  assert.deepEqual(await hrefs(page, ".cards h2 a"), ["student.html?lang=es", "teacher.html?lang=es", "class.html?lang=es"]);
  assert.match(await page.locator(".card p").first().innerText(), /^Escribe una respuesta de afirmación, evidencia y razonamiento o un argumento/);
  assert.equal(await page.locator('a[hreflang="es"]:visible').count(), 0);
  // The embed section: Spanish around the code; the code itself unchanged.
  assert.equal(await page.locator("main > h2").innerText(), "Úsalo en tus propias páginas");
  assert.equal(await page.locator("main p", { hasText: "Instala el paquete" }).innerText(),
    "Instala el paquete evident y coloca el componente de retroalimentación del estudiante junto a un campo de texto (textarea):");
  assert.equal(await page.locator("main p", { hasText: "registra todos los elementos" }).innerText(),
    "elements/feedback.js registra solo <evident-feedback>; evident/elements registra todos los elementos. "
    + "El elemento carga el motor (evident_core_bg.wasm) desde la carpeta del paquete; para servir ese archivo desde otro lugar, pon su URL en el atributo data-wasm-url de la etiqueta script.");
  assert.match(await page.locator("main p", { hasText: "Content-Security-Policy" }).innerText(), /^Los componentes funcionan con una Content-Security-Policy estricta \(script-src 'self' 'wasm-unsafe-eval', sin estilos en línea\) y, si el motor no puede cargarse, explican claramente por qué\.$/);
  assert.equal(await snippet(page), englishSnippet);
  assert.equal(await page.locator("footer").innerText(), `Evident 0.1.0 · sitio de demostración · motor ${version}`);
  // Every text the page translates differs from its English, and no English prose is left.
  const spanishWords = await ownWords(page);
  assert.equal(spanishWords.length, englishWords.length);
  spanishWords.forEach((word, i) => assert.notEqual(word.trim(), englishWords[i].trim(), `still English: ${word}`));
  const prose = await proseText(page);
  assert.doesNotMatch(prose, /\b(the|and|with|your|of|to|in|page|student|rubric)\b/i, prose);
  assert.deepEqual(errors, []);
  assert.deepEqual(violations, []);
  await context.close();
});

test("the language picker switches the page to Spanish and back, and the address keeps the choice", async () => {
  const { page, errors, context } = await openHome();
  const englishWords = await ownWords(page);
  await page.locator("#language").selectOption("es");
  assert.equal(await page.locator("html").getAttribute("lang"), "es");
  assert.equal(await page.locator("h1").innerText(), "Evident: retroalimentación con rúbricas mientras los estudiantes escriben");
  assert.equal(await page.locator("footer").innerText(), `Evident 0.1.0 · sitio de demostración · motor ${version}`);
  assert.ok(page.url().endsWith("/www/index.html?lang=es"), page.url());
  assert.deepEqual(await hrefs(page, "nav a"), ["index.html?lang=es", "student.html?lang=es", "teacher.html?lang=es", "class.html?lang=es"]);
  // A reload stays in Spanish.
  await page.reload();
  await page.locator("#version:not(:empty)").waitFor();
  assert.equal(await page.locator("h1").innerText(), "Evident: retroalimentación con rúbricas mientras los estudiantes escriben");
  await page.locator("#language").selectOption("en");
  assert.equal(await page.locator("html").getAttribute("lang"), "en");
  assert.equal(await page.title(), "Evident — rubric feedback that runs in the browser");
  assert.equal(await page.locator("h1").innerText(), "Evident: rubric feedback while students write");
  assert.equal(await page.locator(".skip").textContent(), "Skip to content");
  assert.equal(await page.locator("footer").innerText(), `Evident 0.1.0 · demo site · engine ${version}`);
  assert.deepEqual(await hrefs(page, "nav a"), ["index.html", "student.html", "teacher.html", "class.html"]);
  assert.deepEqual(await hrefs(page, ".cards h2 a"), ["student.html", "teacher.html", "class.html"]);
  assert.equal(await page.locator('a[hreflang="es"]:visible').count(), 3);
  // Back in English, every text is the one the page was served with.
  assert.deepEqual(await ownWords(page), englishWords);
  assert.ok(page.url().endsWith("/www/index.html?lang=en"), page.url());
  assert.deepEqual(errors, []);
  await context.close();
});

test("from the Spanish home page, a card leads to the Spanish page", async () => {
  const { page, errors, context } = await openHome("?lang=es");
  await page.locator(".cards").getByRole("link", { name: "Dominio de la clase" }).click();
  await page.locator("h1", { hasText: "Dominio de la clase" }).waitFor();
  assert.equal(await page.locator("html").getAttribute("lang"), "es");
  assert.ok(page.url().endsWith("/www/class.html?lang=es"), page.url());
  assert.deepEqual(errors, []);
  await context.close();
});

for (const width of [1366, 320]) {
  for (const query of ["", "?lang=es"]) {
    test(`index.html${query} at ${width} px: no axe violations, no sideways scroll`, async () => {
      const { page, errors, violations, context } = await openHome(query, { viewport: { width, height: 900 } });
      assert.deepEqual(await axeScan(page), []);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= width);
      // The snippet fits too: no region that scrolls sideways (one a keyboard could not reach).
      const code = await page.locator("pre").evaluate((pre) => ({ scroll: pre.scrollWidth, client: pre.clientWidth }));
      assert.ok(code.scroll <= code.client, JSON.stringify(code));
      assert.deepEqual(errors, []);
      assert.deepEqual(violations, []);
      await context.close();
    });
  }
}
