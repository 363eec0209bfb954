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
      'import { computeMastery, computeMasteryAsync, type Estimate, type MasteryProgress } from "evident/full";',
      "export async function total(rubric: string, text: string): Promise<number> {",
      "  await init();",
      "  const engine = new Engine(rubric);",
      "  const report: ScoreReport = engine.score({ responses: { response: text } });",
      "  engine[Symbol.dispose]();",
      "  return report.total;",
      "}",
      "export const estimates = (): Estimate[] => computeMastery([], { method: \"latest\" });",
      "export const isError = (e: unknown): boolean => e instanceof EvidentError;",
      "export const later = (text: string, signal: { aborted: boolean; throwIfAborted(): void }): Promise<Estimate[]> =>",
      "  computeMasteryAsync(text, { method: \"latest\" }, { sliceMs: 4, signal, onProgress: (p: MasteryProgress) => void p.done });",
    ].join("\n"),
    "tsconfig.json": JSON.stringify({
      compilerOptions: { target: "es2022", module: "nodenext", moduleResolution: "nodenext", lib: ["es2022"], strict: true, noEmit: true, types: [], skipLibCheck: false },
      files: ["consumer.ts"],
    }),
  });
  const typed = await run(`${root}node_modules/.bin/tsc`, ["-p", dir]).catch((e) => e);
  assert.equal(typed.code ?? 0, 0, `${typed.stdout}${typed.stderr}`);
});

test("computeMasteryAsync gives computeMastery's estimates and errors, in steps that give the thread back", async () => {
  const dir = await makeApp("node-mastery-async", {
    "async-mastery.mjs": String.raw`
import init, { computeMastery, computeMasteryAsync } from "evident/full";
await init();
// 4,000 students × 5 competencies × 2–3 records, lines interleaved across students.
const lines = [];
for (let round = 0; round < 3; round++) for (let s = 0; s < 4000; s++) for (let c = 0; c < 5; c++) {
  if (round === 2 && (s + c) % 2 === 0) continue;
  const day = String(1 + round * 9 + ((s * 7 + c * 3) % 9)).padStart(2, "0");
  lines.push(JSON.stringify({ student: "s-" + s, competency: "C." + c, value: 1 + ((s + c + round) % 4), at: "2026-10-" + day + "T10:00:00Z" }));
}
const text = lines.join("\n");
const options = { method: "decayingAverage", weight: 0.65 };
const expected = computeMastery(text, options);
// A timer set now fires while the work goes on, if the work gives the thread back.
let ticks = 0;
const timer = setInterval(() => ticks++, 0);
const stages = [];
let steps = 0;
const found = await computeMasteryAsync(text, options, { sliceMs: 2, onProgress: (p) => { steps++; if (stages.at(-1) !== p.stage) stages.push(p.stage); } });
clearInterval(timer);
const some = lines.slice(0, 5000);
const fromList = await computeMasteryAsync(some.map((l) => JSON.parse(l)), options, { sliceMs: 2 });
const listExpected = computeMastery(some.map((l) => JSON.parse(l)), options);
// The same errors: a value as text on line 7.
const bad = lines.slice(0, 10);
bad[6] = bad[6].replace(/"value":\d/, '"value":"3"');
let syncError = "", asyncError = "";
try { computeMastery(bad.join("\n"), options); } catch (e) { syncError = e.name + " " + e.message; }
try { await computeMasteryAsync(bad.join("\n"), options); } catch (e) { asyncError = e.name + " " + e.message; }
// Stopped by its signal after its first step (whatever stage that reached: a fast machine
// may read and check within one step): rejects with the signal's reason.
const stop = new AbortController();
const stopped = await computeMasteryAsync(text, options, { sliceMs: 2, signal: stop.signal, onProgress: () => stop.abort(new Error("teacher left the page")) }).then(() => "finished", (e) => e.message);
console.log(JSON.stringify({
  same: JSON.stringify(found) === JSON.stringify(expected), count: found.length,
  sameList: JSON.stringify(fromList) === JSON.stringify(listExpected),
  stages, steps, ticked: ticks > 3, syncError, sameError: syncError === asyncError, stopped,
}));
`,
  });
  const result = JSON.parse(await node(dir, "async-mastery.mjs"));
  assert.equal(result.same, true);
  assert.equal(result.count, 20000);
  assert.equal(result.sameList, true);
  // Several steps, their stages in order (a fast machine may finish a stage within the step
  // that began it, so not every stage need be seen).
  const order = ["reading", "checking", "estimating", "done"];
  assert.ok(result.steps >= 3, `${result.steps} steps`);
  assert.equal(result.stages[0], "reading");
  assert.equal(result.stages.at(-1), "done");
  assert.ok(result.stages.every((s, i) => i === 0 || order.indexOf(s) > order.indexOf(result.stages[i - 1])), result.stages.join(", "));
  assert.equal(result.ticked, true);
  assert.match(result.syncError, /^EvidentError .*line 7: value/);
  assert.equal(result.sameError, true);
  assert.equal(result.stopped, "teacher left the page");
});
