// Bundlers, each on a fresh app that installs the `npm pack` tarball: Vite 8 (dev server and
// build; and a build from the widget's own entry, `evident/elements/feedback`, that must leave
// the other elements out), Vite 5's dev server (a clear error naming the one-line fix, and the
// fix working), webpack 5, and esbuild with the wasm copied as the README says. Each app is the
// same page: `init()` from `evident` and a widget from `evident/elements`, which must share one
// wasm request, score the known sentence and render the widget.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { claimSentence, claimTotal, cleanUp, closeBrowser, makeApp, openPage, root, rubricText, serveDir } from "./app.mjs";

after(async () => { await closeBrowser(); cleanUp(); });

const require = createRequire(`${root}package.json`);
/** A build tool from the repository's devDependencies (vite5 is Vite 5 under an alias). */
const tools = async (name) => (name.startsWith("vite")
  ? import(pathToFileURL(`${root}node_modules/${name}/dist/node/index.js`).href)
  : require(name));

const appFiles = (extra = {}) => ({
  "public/rubric.json": rubricText,
  "index.html": `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,"></head>
<body>
  <label for="answer">Answer</label><textarea id="answer"></textarea>
  <evident-feedback for="answer" rubric-src="/rubric.json"></evident-feedback>
  <script type="module" src="/main.js"></script>
</body></html>`,
  "main.js": [
    'import init, { Engine } from "evident";',
    'import "evident/elements";',
    "await init();",
    'const engine = new Engine(await (await fetch("/rubric.json")).text());',
    `document.body.dataset.total = engine.score({ responses: { response: ${JSON.stringify(claimSentence)} } }).total;`,
  ].join("\n"),
  ...extra,
});

/** Opens the app, waits for the widget and the score, and returns what was fetched. */
async function check(url, { wasmRequests = 1 } = {}) {
  const { page, context, log } = await openPage(url);
  try {
    await page.locator("evident-feedback [part=criterion]").first().waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => document.body.dataset.total !== undefined, null, { timeout: 30_000 });
    assert.equal(await page.evaluate(() => document.body.dataset.total), String(claimTotal));
    const wasm = log.wasm.filter((u) => !u.includes("evident_full"));
    assert.equal(wasm.length, wasmRequests, `wasm requests: ${log.wasm.join(", ")}`);
    assert.deepEqual(log.errors, []);
    return log;
  } finally {
    await context.close();
  }
}

test("Vite 8: dev server and production build", async () => {
  const { createServer, build } = await tools("vite");
  const dir = await makeApp("vite8", appFiles());
  const server = await createServer({ root: dir, logLevel: "silent", server: { port: 0, host: "127.0.0.1" }, configFile: false });
  await server.listen();
  try {
    await check(`http://127.0.0.1:${server.httpServer.address().port}/`);
  } finally {
    await server.close();
  }
  await build({ root: dir, logLevel: "silent", configFile: false, build: { outDir: `${dir}/dist`, target: "es2022" } });
  const dist = await serveDir(`${dir}/dist`);
  try {
    await check(`${dist.base}/`);
  } finally {
    await dist.close();
  }
});

test("Vite 8 build from evident/elements/feedback: the widget works and the bundle has no other element's code", async () => {
  const { build } = await tools("vite");
  const files = appFiles();
  files["main.js"] = files["main.js"].replace('import "evident/elements";', 'import "evident/elements/feedback";');
  const dir = await makeApp("vite8-feedback", files);
  await build({ root: dir, logLevel: "silent", configFile: false, build: { outDir: `${dir}/dist`, target: "es2022" } });
  const js = readdirSync(`${dir}/dist/assets`).filter((f) => f.endsWith(".js")).map((f) => readFileSync(`${dir}/dist/assets/${f}`, "utf8")).join("\n");
  // The other elements' tags and code are not in it; the widget's are.
  assert.ok(js.includes("evident-feedback"));
  for (const tag of ["evident-rubric-editor", "evident-mastery", "evident-lint"]) assert.ok(!js.includes(tag), `${tag} in the bundle`);
  const dist = await serveDir(`${dir}/dist`);
  try {
    await check(`${dist.base}/`);
  } finally {
    await dist.close();
  }
});

test("Vite 5 dev server: without the fix a clear error names it; with it the page works", async () => {
  const { createServer } = await tools("vite5");
  const dir = await makeApp("vite5", appFiles());
  for (const fixed of [false, true]) {
    const server = await createServer({
      root: dir, logLevel: "silent", configFile: false, server: { port: 0, host: "127.0.0.1" },
      cacheDir: `${dir}/node_modules/.vite-${fixed}`,
      optimizeDeps: fixed ? { exclude: ["evident"] } : {},
    });
    await server.listen();
    try {
      const url = `http://127.0.0.1:${server.httpServer.address().port}/`;
      if (fixed) {
        await check(url);
      } else {
        const { page, context } = await openPage(url);
        const error = page.locator("evident-feedback [part=error]");
        // Vite 5 may also serve the wasm as it is: then the page simply works.
        const outcome = await Promise.race([
          error.waitFor({ timeout: 30_000 }).then(() => "error"),
          page.locator("evident-feedback [part=criterion]").first().waitFor({ timeout: 30_000 }).then(() => "works"),
        ]);
        if (outcome === "error") assert.match(await error.innerText(), /optimizeDeps: \{ exclude: \["evident"\] \}/);
        await context.close();
      }
    } finally {
      await server.close();
    }
  }
});

test("webpack 5: builds with the wasm as an asset, and the page works", async () => {
  const webpack = await tools("webpack");
  const dir = await makeApp("webpack", appFiles({
    "dist/index.html": appFiles()["index.html"],
    "dist/rubric.json": rubricText,
  }));
  const stats = await new Promise((ok, fail) => webpack({
    mode: "production", context: dir, entry: "./main.js",
    output: { path: `${dir}/dist`, filename: "main.js", publicPath: "/" },
    experiments: { topLevelAwait: true },
    // The README's one line: the student wasm is over webpack's 244 KiB hint for any asset.
    performance: { assetFilter: (name) => !name.endsWith(".wasm") },
  }, (error, result) => (error ? fail(error) : ok(result))));
  const info = stats.toJson({ all: false, warnings: true, errors: true, assets: true });
  assert.deepEqual(info.errors, []);
  assert.deepEqual(info.warnings.map((w) => w.message), []);
  const dist = await serveDir(`${dir}/dist`);
  try {
    await check(`${dist.base}/`);
  } finally {
    await dist.close();
  }
});

test("esbuild: bundles, and with the wasm copied next to the bundle the page works", async () => {
  const esbuild = await tools("esbuild");
  const dir = await makeApp("esbuild", appFiles({ "dist/index.html": appFiles()["index.html"], "dist/rubric.json": rubricText }));
  const result = await esbuild.build({
    absWorkingDir: dir, entryPoints: ["main.js"], bundle: true, format: "esm", outfile: "dist/main.js",
    target: "es2022", logLevel: "silent",
  });
  assert.deepEqual(result.errors, []);
  // esbuild leaves `new URL("./evident_core_bg.wasm", import.meta.url)` as it is: the file
  // goes next to the bundle (README: "esbuild").
  copyFileSync(`${dir}/node_modules/evident/evident_core_bg.wasm`, `${dir}/dist/evident_core_bg.wasm`);
  const dist = await serveDir(`${dir}/dist`);
  try {
    await check(`${dist.base}/`);
  } finally {
    await dist.close();
  }
});
