// React 18 and 19 apps (bundled with esbuild, the React of each linked from the
// repository's devDependencies), each installing the `npm pack` tarball: `for` and `htmlFor`,
// a textarea rendered after the element (and a console warning for one that never comes), a
// textarea React renders anew with the same id (a `key` change: the widget rebinds, the
// student's text comes back from the draft), a
// controlled textarea and a restored draft, the rubric passed as a property (React 18 turns it
// into the attribute "[object Object]": the element says so and names the fix) or as a JSON
// string, and the JSX typings of `evident/jsx` under TypeScript.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { promisify } from "node:util";
import { claimSentence, claimTotal, cleanUp, closeBrowser, makeApp, openPage, root, rubricText, serveDir } from "./app.mjs";

const run = promisify(execFile);
const require = createRequire(`${root}package.json`);
after(async () => { await closeBrowser(); cleanUp(); });

const app = `
import { useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import "evident/elements";

const rubric = ${rubricText.trim()};

function App() {
  const [text, setText] = useState("");
  const [late, setLate] = useState(false);
  const [round, setRound] = useState(0);
  useEffect(() => { const t = setTimeout(() => setLate(true), 400); return () => clearTimeout(t); }, []);
  return (
    <main>
      <label htmlFor="controlled">Controlled answer</label>
      <textarea id="controlled" value={text} onChange={(e) => setText(e.target.value)} />
      <evident-feedback id="by-for" for="controlled" rubric-src="/rubric.json" />
      <label htmlFor="plain">Answer</label>
      <textarea id="plain" />
      <evident-feedback id="by-htmlfor" htmlFor="plain" rubric-src="/rubric.json" />
      <label htmlFor="object">Answer with the rubric as an object</label>
      <textarea id="object" />
      <evident-feedback id="by-property" for="object" rubric={rubric} />
      <label htmlFor="json">Answer with the rubric as a JSON string</label>
      <textarea id="json" />
      <evident-feedback id="by-json" for="json" rubric={JSON.stringify(rubric)} />
      <evident-feedback id="never" for="no-such-textarea" rubric-src="/rubric.json" />
      <evident-feedback id="late-one" for="late" rubric-src="/rubric.json" />
      {late && <><label htmlFor="late">Late answer</label><textarea id="late" /></>}
      <label htmlFor="rekeyed">Answer React renders anew</label>
      <textarea id="rekeyed" key={round} />
      <button id="rekey" onClick={() => setRound((r) => r + 1)}>New textarea</button>
      <evident-feedback id="by-rekey" for="rekeyed" rubric-src="/rubric.json" />
      <output id="mirror">{text}</output>
    </main>
  );
}
createRoot(document.getElementById("root")).render(<App />);
`;

async function build(version) {
  // React 18's react-dom carries its own scheduler; React 19's is beside it.
  const links = version === 18 ? { react: "react18", "react-dom": "react-dom18" } : { react: "react", "react-dom": "react-dom", scheduler: "scheduler" };
  const dir = await makeApp(`react${version}`, {
    "app.jsx": app,
    "dist/rubric.json": rubricText,
    "dist/index.html": `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>React ${version}</title><link rel="icon" href="data:,"></head>
<body><div id="root"></div><script type="module" src="/app.js"></script></body></html>`,
  }, links);
  const esbuild = require("esbuild");
  // preserveSymlinks: react-dom must find the React linked beside it, not the repository's.
  await esbuild.build({
    absWorkingDir: dir, entryPoints: ["app.jsx"], bundle: true, format: "esm", outfile: "dist/app.js", jsx: "automatic",
    preserveSymlinks: true, target: "es2022", logLevel: "silent", define: { "process.env.NODE_ENV": '"production"' },
  });
  const { copyFileSync } = await import("node:fs");
  copyFileSync(`${dir}/node_modules/evident/evident_core_bg.wasm`, `${dir}/dist/evident_core_bg.wasm`);
  return dir;
}

const scoreOf = (page, id) => page.evaluate((id) => document.getElementById(id).report?.total ?? null, id);

async function typeAndScore(page, textarea, widget) {
  await page.locator(`#${textarea}`).fill(claimSentence);
  await page.waitForFunction(([id, total]) => document.getElementById(id).report?.total === total, [widget, claimTotal], { timeout: 10_000 })
    .catch(() => {});
  return scoreOf(page, widget);
}

const errorOf = (page, id) => page.evaluate((id) => document.getElementById(id).shadowRoot.querySelector("[part=error]")?.textContent ?? "", id);

for (const version of [18, 19]) {
  const asProperty = version === 18
    ? "the rubric as an object becomes the attribute \"[object Object]\": the element says so and names the fix"
    : "the rubric as an object is set as a property and scores";
  test(`React ${version}: for, htmlFor, a textarea rendered later, a controlled textarea and its restored draft, ${asProperty}`, async (t) => {
    const dir = await build(version);
    const server = await serveDir(`${dir}/dist`);
    const { page, context, log } = await openPage(`${server.base}/`);
    try {
      await page.locator("#by-for [part=criterion]").first().waitFor({ timeout: 30_000 });
      assert.equal(await page.evaluate(() => document.querySelector("#root main") !== null), true);
      await t.test("for: a controlled textarea is followed, and React keeps its state", async () => {
        assert.equal(await typeAndScore(page, "controlled", "by-for"), claimTotal);
        assert.equal(await page.locator("#mirror").innerText(), claimSentence);
      });
      await t.test("a textarea rendered after the element is found", async () => {
        await page.locator("#late").waitFor();
        assert.equal(await typeAndScore(page, "late", "late-one"), claimTotal);
      });
      await t.test("a textarea React renders anew (a new key) replaces the old one, with the student's text", async () => {
        assert.equal(await typeAndScore(page, "rekeyed", "by-rekey"), claimTotal);
        // Re-key, likely before the draft's 400 ms debounce: the pending text must not be lost.
        await page.evaluate(() => { window.__oldTextarea = document.getElementById("rekeyed"); });
        await page.locator("#rekey").click();
        assert.equal(await page.evaluate(() => window.__oldTextarea.isConnected || window.__oldTextarea === document.getElementById("rekeyed")), false);
        // The new, uncontrolled textarea gets the student's text back from the draft.
        await page.waitForFunction((text) => document.getElementById("rekeyed").value === text, claimSentence, { timeout: 5_000 }).catch(() => {});
        assert.equal(await page.locator("#rekeyed").inputValue(), claimSentence);
        // The widget follows the new textarea: emptying it scores the empty answer...
        await page.locator("#rekeyed").fill("");
        await page.waitForFunction(([id, total]) => document.getElementById(id).report?.total !== total, ["by-rekey", claimTotal], { timeout: 5_000 }).catch(() => {});
        assert.equal(await scoreOf(page, "by-rekey"), 0);
        // ...and typing in it scores and saves again.
        assert.equal(await typeAndScore(page, "rekeyed", "by-rekey"), claimTotal);
        const saved = () => JSON.parse(localStorage.getItem(document.getElementById("by-rekey").draftKey) ?? "null")?.text ?? null;
        await page.waitForFunction(`(${saved})() !== null`, null, { timeout: 5_000 }).catch(() => {});
        assert.equal(await page.evaluate(saved), claimSentence);
      });
      await t.test("htmlFor binds like for", async () => {
        assert.equal(await typeAndScore(page, "plain", "by-htmlfor"), claimTotal);
        assert.equal(await page.evaluate(() => document.getElementById("by-htmlfor").htmlFor), "plain");
      });
      await t.test(asProperty, async () => {
        if (version === 18) {
          assert.equal(await page.evaluate(() => document.getElementById("by-property").getAttribute("rubric")), "[object Object]");
          const shown = await errorOf(page, "by-property");
          assert.match(shown, /\[object Object\]/);
          assert.match(shown, /element\.rubric = rubric/);
          assert.match(shown, /rubric-src/);
          assert.equal(await page.evaluate(() => document.getElementById("by-property").shadowRoot.querySelector("[part=status]")?.textContent), "");
          assert.ok(log.errors.some((e) => e.includes("[object Object]") && e.includes("rubric-src")), log.errors.join("\n"));
          // The fix the message names: the property, through a ref.
          await page.evaluate((text) => { document.getElementById("by-property").rubric = JSON.parse(text); }, rubricText);
          assert.equal(await errorOf(page, "by-property"), "");
        }
        assert.equal(await typeAndScore(page, "object", "by-property"), claimTotal);
      });
      await t.test("the rubric as a JSON string", async () => {
        assert.equal(await typeAndScore(page, "json", "by-json"), claimTotal);
      });
      await t.test("a textarea that never comes: one console warning naming its id", async () => {
        // It comes about 5 s after the page loaded.
        for (let i = 0; i < 100 && !log.warnings.some((w) => w.includes('"no-such-textarea"')); i++) await page.waitForTimeout(100);
        assert.equal(log.warnings.filter((w) => w.includes('"no-such-textarea"')).length, 1, log.warnings.join("\n"));
        assert.equal(log.warnings.filter((w) => w.includes("found no element")).length, 1, log.warnings.join("\n"));
      });
      await t.test("a restored draft reaches the controlled textarea's React state", async () => {
        // The draft of the first subtest was saved on a debounce: reload once it is stored.
        await page.waitForFunction((text) => Object.keys(localStorage).some((k) => localStorage.getItem(k).includes(text)), claimSentence);
        await page.reload();
        await page.locator("#by-for [part=criterion]").first().waitFor({ timeout: 30_000 });
        assert.equal(await page.locator("#controlled").inputValue(), claimSentence);
        assert.equal(await page.locator("#mirror").innerText(), claimSentence);
        await page.waitForFunction(([total]) => document.getElementById("by-for").report?.total === total, [claimTotal], { timeout: 10_000 });
        // React's state is the draft: typing on from it keeps both.
        await page.locator("#controlled").press("End");
        await page.locator("#controlled").pressSequentially(" More.");
        assert.equal(await page.locator("#mirror").innerText(), `${claimSentence} More.`);
      });
      assert.equal(log.wasm.length, 2, log.wasm.join()); // once per page load
    } finally {
      await context.close();
      await server.close();
    }
  });
}

test("JSX typings (evident/jsx) type-check a TSX component with React 19's types, the draft attributes and options too", async () => {
  const dir = await makeApp("tsx", {
    "app.tsx": [
      'import type {} from "evident/jsx";',
      'import type { Rubric } from "evident";',
      "export function Widget({ rubric }: { rubric: Rubric }) {",
      "  return (<>",
      '    <evident-feedback htmlFor="answer" rubric={rubric} locale="es" target={3} />',
      '    <evident-feedback for="answer" rubric-src="/r.json" />',
      '    <evident-rubric src="/r.json" audience="student" />',
      '    <evident-mastery evidence-src="/e.jsonl" />',
      '    <evident-rubric-editor locale="es" />',
      '    <evident-feedback for="answer" rubric-src="/r.json" student="s-17" draft-key="unit-3/cer-lab" draft-max-age={86400} no-draft />',
      '    <evident-feedback for="answer" rubric-src="/r.json" options={{ student: "s-17", draftKey: "unit-3/cer-lab", noDraft: false, draftMaxAge: 86400 }} />',
      "  </>);",
      "}",
      "// @ts-expect-error: audience is teacher or student",
      'export const Bad = () => <evident-rubric audience="parent" />;',
      "// @ts-expect-error: draftMaxAge is seconds, a number",
      'export const BadOptions = () => <evident-feedback for="answer" options={{ draftMaxAge: "7 days" }} />;',
    ].join("\n"),
    "tsconfig.json": JSON.stringify({
      compilerOptions: { target: "es2022", module: "esnext", moduleResolution: "bundler", jsx: "react-jsx", lib: ["es2022", "dom"], strict: true, noEmit: true, types: [] },
      files: ["app.tsx"],
    }),
  }, { react: "react", "@types/react": "@types/react" });
  const typed = await run(`${root}node_modules/.bin/tsc`, ["-p", dir]).catch((e) => e);
  assert.equal(typed.code ?? 0, 0, `${typed.stdout}${typed.stderr}`);
});
