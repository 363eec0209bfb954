// When the engine cannot load, the components say why in a visible message: the wasm file
// is missing (404), the server sent HTML instead, or the page's CSP forbids WebAssembly.
// A wrong MIME type on real wasm bytes still loads (with a console warning).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { start } from "./run.mjs";

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

async function withRoute(pattern, handler) {
  const opened = await env.open();
  await opened.context.route(pattern, handler);
  await opened.page.goto(`${env.base}/www/student.html`);
  return opened;
}

const errorText = (page) => page.locator("evident-feedback [part=error]").innerText();

test("a missing wasm file shows a 404 message", async () => {
  const { page, context } = await withRoute("**/pkg/evident_core_bg.wasm", (route) => route.fulfill({ status: 404, body: "not found" }));
  await page.locator("evident-feedback [part=error]").waitFor();
  const text = await errorText(page);
  assert.match(text, /Evident could not start/);
  assert.match(text, /404/);
  // The rubric component on the same page tells the same story.
  await page.locator("evident-rubric [part=error]").waitFor({ state: "attached" });
  await context.close();
});

test("an HTML page served instead of the wasm is named as such", async () => {
  const { page, context } = await withRoute("**/pkg/evident_core_bg.wasm", (route) =>
    route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><title>Home</title>" }));
  await page.locator("evident-feedback [part=error]").waitFor();
  const text = await errorText(page);
  assert.match(text, /not WebAssembly/);
  assert.match(text, /text\/html/);
  await context.close();
});

test("a CSP without 'wasm-unsafe-eval' is explained", async () => {
  const { page, context } = await withRoute("**/www/student.html", async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers(), "content-security-policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:" };
    await route.fulfill({ response, headers });
  });
  await page.locator("evident-feedback [part=error]").waitFor();
  assert.match(await errorText(page), /Content-Security-Policy.*'wasm-unsafe-eval'/s);
  await context.close();
});

test("real wasm with a wrong MIME type still loads, with a warning naming application/wasm", async () => {
  const warnings = [];
  const opened = await env.open();
  opened.page.on("console", (m) => { if (m.type() === "warning") warnings.push(m.text()); });
  await opened.context.route("**/pkg/evident_core_bg.wasm", async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), "content-type": "application/octet-stream" } });
  });
  await opened.page.goto(`${env.base}/www/student.html`);
  const { page, context } = opened;
  await page.locator("evident-feedback [part=criterion]").first().waitFor();
  assert.equal(await page.locator("evident-feedback [part=error]").count(), 0);
  // Not compiled while downloading (streaming needs the right type), and the page is told.
  assert.ok(warnings.some((w) => /application\/octet-stream, not application\/wasm/.test(w)), warnings.join("\n"));
  await context.close();
});

test("setWasmUrl after the engine started loading throws, naming the way that works", async () => {
  const { page, context } = await withRoute("**/nothing", (route) => route.continue());
  await page.locator("evident-feedback [part=criterion]").first().waitFor();
  const message = await page.evaluate(async () => {
    const { setWasmUrl } = await import("/pkg/elements.js");
    try { setWasmUrl("/elsewhere.wasm"); return "no error"; } catch (e) { return e.message; }
  });
  assert.match(message, /setWasmUrl\(\) came after the core engine started loading/);
  assert.match(message, /data-wasm-url/);
  await context.close();
});

test("a rubric URL that does not exist is named in the message", async () => {
  const { page, context } = await withRoute("**/examples/cer-lab.rubric.json", (route) => route.fulfill({ status: 404, body: "" }));
  await page.locator("evident-feedback [part=error]").waitFor();
  const text = await errorText(page);
  assert.match(text, /cer-lab\.rubric\.json/);
  assert.match(text, /404/);
  await context.close();
});
