// The README's snippets run as written: the JavaScript block of "Use it from JavaScript" in a
// page whose import map points `evident` at pkg/ (as a bundler would), and the HTML block as
// a page of its own. What the JS block logs must be what its comments say.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { closeBrowser, openPage, root, serveDir } from "./app.mjs";

after(closeBrowser);

const readme = readFileSync(`${root}README.md`, "utf8");
const section = readme.slice(readme.indexOf("## Use it from JavaScript"), readme.indexOf("## Use it in your app"));
const block = (lang, nth = 0) => {
  const all = [...section.matchAll(new RegExp("```" + lang + "\\n([\\s\\S]*?)```", "g"))];
  assert.ok(all[nth], `${nth + 1} ${lang} block(s) in "Use it from JavaScript"`);
  return all[nth][1];
};

const importMap = { imports: { evident: "/pkg/engine.js", "evident/elements": "/pkg/elements.js", "evident/full": "/pkg/full.js" } };
const scriptPage = (js) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>README</title>
<script type="importmap">${JSON.stringify(importMap)}</script></head>
<body><textarea aria-label="answer"></textarea>
<script type="module">${js}\ndocument.body.dataset.done = "yes";</script></body></html>`;

async function runPage(html) {
  const server = await serveDir(root);
  const { page, context, log } = await openPage("about:blank");
  const logs = [];
  page.on("console", (m) => { if (m.type() === "log") logs.push(m.text()); });
  await page.route(`${server.base}/__readme.html`, (route) => route.fulfill({ contentType: "text/html", body: html }));
  await page.goto(`${server.base}/__readme.html`);
  return { page, logs, log, done: async () => { await context.close(); await server.close(); } };
}

test("the README's JavaScript snippet runs and logs what its comments say", async () => {
  const { page, logs, log, done } = await runPage(scriptPage(block("js")));
  try {
    await page.waitForFunction(() => document.body.dataset.done === "yes", null, { timeout: 30_000 });
    // The comments: "Proficient", at most 3 next steps, `true "kind"`.
    assert.equal(logs[0], "Proficient");
    assert.ok(Number(logs[1]) >= 1 && Number(logs[1]) <= 3, logs[1]);
    assert.equal(logs[2], "true kind");
    await page.locator("textarea").fill("My claim is that light helps.");
    assert.deepEqual(log.errors, []);
  } finally {
    await done();
  }
});

test("the README's lint snippet runs from evident/full and logs what its comments say", async () => {
  const { page, logs, log, done } = await runPage(scriptPage(block("js", 1)));
  try {
    await page.waitForFunction(() => document.body.dataset.done === "yes", null, { timeout: 30_000 });
    assert.equal(logs[0], "0 0");
    assert.match(logs[1], /^not valid JSON at line 1 column 1: /);
    assert.deepEqual(log.errors, []);
  } finally {
    await done();
  }
});

test("the README's HTML snippet renders the elements", async () => {
  const { page, log, done } = await runPage(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>README</title></head><body>${block("html")}</body></html>`);
  try {
    await page.locator("evident-feedback [part=criterion]").first().waitFor({ timeout: 30_000 });
    await page.locator("evident-rubric [part=row]").first().waitFor({ timeout: 30_000 });
    assert.deepEqual(log.errors, []);
  } finally {
    await done();
  }
});
