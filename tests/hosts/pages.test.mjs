// Browser hosts without a bundler, from the `npm pack` tarball: a plain HTML page under a
// strict CSP, the wasm URL set on the script tag before the elements upgrade, one wasm
// request for `init()` and the components together, a Web Worker, and a wasm trap that
// leaves the other widgets of the page working.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync } from "node:fs";
import { claimSentence, claimTotal, cleanUp, closeBrowser, makeApp, openPage, rubricText, serveDir, strictCsp } from "./app.mjs";

after(async () => { await closeBrowser(); cleanUp(); });

const page = (body) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,"></head>
<body>${body}</body></html>`;

test("plain HTML under a strict CSP: init() and two widgets share one wasm request", async () => {
  const dir = await makeApp("plain", {
    "rubric.json": rubricText,
    "index.html": page(`
      <label for="a">Answer A</label><textarea id="a"></textarea>
      <evident-feedback for="a" rubric-src="/rubric.json"></evident-feedback>
      <label for="b">Answer B</label><textarea id="b"></textarea>
      <evident-feedback for="b" rubric-src="/rubric.json"></evident-feedback>
      <script type="module" src="/main.js"></script>`),
    "main.js": [
      'import init, { Engine } from "/node_modules/evident/engine.js";',
      'import "/node_modules/evident/elements.js";',
      "await init();",
      'const engine = new Engine(await (await fetch("/rubric.json")).text());',
      `document.body.dataset.total = engine.score({ responses: { response: ${JSON.stringify(claimSentence)} } }).total;`,
    ].join("\n"),
  });
  const server = await serveDir(dir, { csp: strictCsp });
  try {
    const { page: p, context, log } = await openPage(`${server.base}/`);
    await p.locator("evident-feedback [part=criterion]").first().waitFor();
    await p.waitForFunction(() => document.body.dataset.total !== undefined);
    assert.equal(await p.evaluate(() => document.body.dataset.total), String(claimTotal));
    assert.equal(await p.locator("evident-feedback").nth(1).locator("[part=criterion]").count() > 0, true);
    assert.deepEqual(log.wasm.map((u) => new URL(u).pathname), ["/node_modules/evident/evident_core_bg.wasm"]);
    assert.deepEqual(log.errors, []);
    await context.close();
  } finally {
    await server.close();
  }
});

test("data-wasm-url on the script tag is used by elements already in the HTML", async () => {
  const dir = await makeApp("wasm-url", {
    "rubric.json": rubricText,
    "index.html": page(`
      <label for="a">Answer</label><textarea id="a"></textarea>
      <evident-feedback for="a" rubric-src="/rubric.json"></evident-feedback>
      <script type="module" src="/node_modules/evident/elements.js" data-wasm-url="/assets/engine.wasm"></script>`),
  });
  mkdirSync(`${dir}/assets`);
  copyFileSync(`${dir}/node_modules/evident/evident_core_bg.wasm`, `${dir}/assets/engine.wasm`);
  const server = await serveDir(dir, { csp: strictCsp });
  try {
    const { page: p, context, log } = await openPage(`${server.base}/`);
    await p.locator("evident-feedback [part=criterion]").first().waitFor();
    assert.deepEqual(log.wasm.map((u) => new URL(u).pathname), ["/assets/engine.wasm"]);
    await context.close();
  } finally {
    await server.close();
  }
});

test("a Web Worker loads the engine with init() and scores", async () => {
  const dir = await makeApp("worker", {
    "index.html": page(`<script type="module" src="/main.js"></script>`),
    "main.js": [
      'const worker = new Worker("/worker.js", { type: "module" });',
      "worker.onmessage = (event) => { document.body.dataset.result = event.data; };",
      "worker.onerror = (event) => { document.body.dataset.result = `error: ${event.message}`; };",
      `worker.postMessage(${JSON.stringify(rubricText)});`,
    ].join("\n"),
    "worker.js": [
      'import init, { Engine } from "/node_modules/evident/engine.js";',
      "self.onmessage = async (event) => {",
      "  try {",
      "    await init();",
      `    self.postMessage(String(new Engine(event.data).score({ responses: { response: ${JSON.stringify(claimSentence)} } }).total));`,
      "  } catch (error) { self.postMessage(`error: ${error.message}`); }",
      "};",
    ].join("\n"),
  });
  const server = await serveDir(dir, { csp: strictCsp });
  try {
    const { page: p, context } = await openPage(`${server.base}/`);
    await p.waitForFunction(() => document.body.dataset.result !== undefined);
    assert.equal(await p.evaluate(() => document.body.dataset.result), String(claimTotal));
    await context.close();
  } finally {
    await server.close();
  }
});

test("a trap in one engine re-instantiates the module; other engines and widgets keep working", async () => {
  const dir = await makeApp("trap", {
    "rubric.json": rubricText,
    "index.html": page(`
      <label for="a">Answer</label><textarea id="a"></textarea>
      <evident-feedback for="a" rubric-src="/rubric.json"></evident-feedback>
      <script type="module" src="/main.js"></script>`),
    "main.js": [
      'import init, { Engine, EvidentError, loadEvident } from "/node_modules/evident/engine.js";',
      'import "/node_modules/evident/elements.js";',
      "window.evident = { init, Engine, EvidentError, loadEvident };",
    ].join("\n"),
  });
  const server = await serveDir(dir, { csp: strictCsp });
  try {
    const { page: p, context } = await openPage(`${server.base}/`);
    await p.locator("evident-feedback [part=criterion]").first().waitFor();
    const result = await p.evaluate(async ({ sentence }) => {
      const { init, Engine, EvidentError, loadEvident } = window.evident;
      await init();
      const rubric = await (await fetch("/rubric.json")).text();
      const before = new Engine(rubric);
      const live = before.session({});
      live.update("My claim");
      const core = await loadEvident();
      const traps = [];
      // A stack overflow (the deep-object case before depth limits), a panic, and an object
      // nested 100,000 deep: each is an EvidentError, whether the engine traps or refuses it.
      for (const call of [() => core.__evidentTrap(1), () => core.__evidentTrap(0), () => {
        const deep = {}; let at = deep; for (let i = 0; i < 100000; i++) { at.a = {}; at = at.a; }
        return new Engine(deep);
      }]) {
        try { call(); traps.push("no error"); } catch (e) { traps.push(`${e instanceof EvidentError} ${e.trap === true} ${e.message.startsWith("Evident stopped on this input")}`); }
      }
      // The engine and session made before the traps still work (rebuilt in the new instance).
      const total = before.score({ responses: { response: sentence } }).total;
      const liveTotal = live.update(sentence).report.total;
      before.free();
      return { traps, total, liveTotal };
    }, { sentence: claimSentence });
    assert.equal(result.traps[0], "true true true");
    assert.equal(result.traps[1], "true true true");
    assert.match(result.traps[2], /^true (true|false) /);
    assert.equal(result.total, claimTotal);
    assert.equal(result.liveTotal, claimTotal);
    // The widget made before the traps still scores new text.
    await p.locator("#a").fill(claimSentence);
    await p.waitForFunction((total) => document.querySelector("evident-feedback").report?.total === total, claimTotal);
    await context.close();
  } finally {
    await server.close();
  }
});
