// Node hosts, from the `npm pack` tarball installed into a fresh app: `initSync` and
// `await init()` (which reads the package's `file:` URL from disk), the full build, an
// engine entry without side effects, and TypeScript in a Node-only project (no DOM lib).
// Runs on the Node that runs the tests (`node --version`; CI has Node 20 only).
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { claimSentence, claimTotal, cleanUp, makeApp, root } from "./app.mjs";

const run = promisify(execFile);
after(cleanUp);

const node = (dir, file) => run(process.execPath, [file], { cwd: dir }).then((r) => r.stdout.trim());

test(`Node ${process.version}: initSync and init() from the installed package`, async () => {
  const dir = await makeApp("node", {
    "sync.mjs": [
      'import { readFileSync } from "node:fs";',
      'import { createRequire } from "node:module";',
      'import init, { initSync, Engine, setWasmUrl } from "evident";',
      'const wasm = createRequire(import.meta.url).resolve("evident/evident_core_bg.wasm");',
      "const exports = initSync({ module: readFileSync(wasm) });",
      // initSync is the page's one load: init() gives the same instance, and a URL set now
      // would never be used, so setWasmUrl says so.
      'let late = "accepted"; try { setWasmUrl("/elsewhere.wasm"); } catch { late = "refused"; }',
      "const same = (await init()) === exports;",
      `const engine = new Engine(readFileSync(${JSON.stringify(`${root}examples/cer-lab.rubric.json`)}, "utf8"));`,
      `console.log(engine.score({ responses: { response: ${JSON.stringify(claimSentence)} } }).total, same, late);`,
    ].join("\n"),
    "async.mjs": [
      'import { readFileSync } from "node:fs";',
      'import init, { Engine, loadEvident } from "evident";',
      "await init();",
      "const again = await loadEvident();", // the same load, not a second one
      `const engine = new again.Engine(readFileSync(${JSON.stringify(`${root}examples/cer-lab.rubric.json`)}, "utf8"));`,
      `console.log(engine.score({ responses: { response: ${JSON.stringify(claimSentence)} } }).total, engine instanceof Engine);`,
    ].join("\n"),
    "full.mjs": [
      'import init, { computeMastery, Engine } from "evident/full";',
      "await init();",
      // Two ratings of one competency, 2 then 4: the "latest" method gives 4.
      'const estimates = computeMastery([{ student: "s-1", competency: "C.1", value: 2, at: "2026-01-01T00:00:00Z" }, { student: "s-1", competency: "C.1", value: 4, at: "2026-02-01T00:00:00Z" }], { method: "latest" });',
      "console.log(estimates[0].value, typeof Engine.prototype.calibrate);",
    ].join("\n"),
    "locale.mjs": [
      // The student build stems en and es only: a French rubric is refused with the way out,
      // and the full build takes it.
      'import { readFileSync } from "node:fs";',
      'import init, { Engine, EvidentError } from "evident";',
      'import initFull, { Engine as FullEngine } from "evident/full";',
      "await init(); await initFull();",
      `const rubric = { ...JSON.parse(readFileSync(${JSON.stringify(`${root}examples/cer-lab.rubric.json`)}, "utf8")), locale: "fr" };`,
      'let refused = "accepted";',
      "try { new Engine(rubric); } catch (e) { refused = `${e instanceof EvidentError} ${e.path} ${/evident\\/full/.test(e.message)}`; }",
      "console.log(refused, new FullEngine(rubric).rubric.locale);",
    ].join("\n"),
    "pure.mjs": [
      // Importing the engine entry fetches nothing and defines nothing.
      "let fetched = 0;",
      "globalThis.fetch = () => { fetched++; throw new Error('no fetch expected'); };",
      "const before = Object.keys(globalThis).length;",
      'await import("evident");',
      "console.log(fetched, Object.keys(globalThis).length - before);",
    ].join("\n"),
  });
  assert.equal(await node(dir, "sync.mjs"), `${claimTotal} true refused`);
  assert.equal(await node(dir, "async.mjs"), `${claimTotal} true`);
  assert.equal(await node(dir, "full.mjs"), "4 function");
  assert.equal(await node(dir, "locale.mjs"), "true locale true fr");
  assert.equal(await node(dir, "pure.mjs"), "0 0");
});

test("TypeScript in a Node-only project (lib es2022, no DOM, no @types/node) compiles against the package", async () => {
  const dir = await makeApp("ts-node", {
    "consumer.ts": [
      'import init, { Engine, EvidentError, type ScoreReport } from "evident";',
      'import { computeMastery, type Estimate } from "evident/full";',
      "export async function total(rubric: string, text: string): Promise<number> {",
      "  await init();",
      "  const engine = new Engine(rubric);",
      "  const report: ScoreReport = engine.score({ responses: { response: text } });",
      "  engine[Symbol.dispose]();",
      "  return report.total;",
      "}",
      "export const estimates = (): Estimate[] => computeMastery([], { method: \"latest\" });",
      "export const isError = (e: unknown): boolean => e instanceof EvidentError;",
    ].join("\n"),
    "tsconfig.json": JSON.stringify({
      compilerOptions: { target: "es2022", module: "nodenext", moduleResolution: "nodenext", lib: ["es2022"], strict: true, noEmit: true, types: [], skipLibCheck: false },
      files: ["consumer.ts"],
    }),
  });
  const typed = await run(`${root}node_modules/.bin/tsc`, ["-p", dir]).catch((e) => e);
  assert.equal(typed.code ?? 0, 0, `${typed.stdout}${typed.stderr}`);
});
