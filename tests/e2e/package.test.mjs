// The npm package in pkg/: the declarations type-check (tests/types/check.ts, and the engine
// entry without the DOM lib: tests/types/engine-only), every runtime export of every entry is
// declared, and the engine works in Node with initSync.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { promisify } from "node:util";
import { root } from "./run.mjs";

const run = promisify(execFile);

test("tsc type-checks tests/types/check.ts against pkg/index.d.ts", async () => {
  const tsc = `${root}node_modules/.bin/tsc`;
  const result = await run(tsc, ["--noEmit", "-p", "tests/types"], { cwd: root }).catch((e) => e);
  assert.equal(result.code ?? 0, 0, `${result.stdout}${result.stderr}`);
});

test("tsc type-checks the engine entry without the DOM lib (tests/types/engine-only)", async () => {
  const tsc = `${root}node_modules/.bin/tsc`;
  const result = await run(tsc, ["--noEmit", "-p", "tests/types/engine-only"], { cwd: root }).catch((e) => e);
  assert.equal(result.code ?? 0, 0, `${result.stdout}${result.stderr}`);
});

test("the generated format types are what the Rust types give today (scripts/gen-types.mjs --check)", async () => {
  const result = await run(process.execPath, [`${root}scripts/gen-types.mjs`, "--check"], { cwd: root }).catch((e) => e);
  assert.equal(result.code ?? 0, 0, `${result.stdout}${result.stderr}: run node scripts/gen-types.mjs`);
});

test("the hand-written format types have the generated ones' fields (tests/types/drift)", async () => {
  const result = await run(`${root}node_modules/.bin/tsc`, ["--noEmit", "-p", "tests/types/drift"], { cwd: root }).catch((e) => e);
  assert.equal(result.code ?? 0, 0, `${result.stdout}${result.stderr}`);
});

test("package.json names the entries, the types and the files", () => {
  const pkg = JSON.parse(readFileSync(`${root}pkg/package.json`, "utf8"));
  assert.equal(pkg.name, "evident");
  assert.equal(pkg.version, "0.1.0");
  assert.equal(pkg.type, "module");
  assert.equal(pkg.main, "engine.js");
  assert.equal(pkg.types, "engine.d.ts");
  assert.equal(pkg.license, "MIT OR Apache-2.0");
  assert.match(pkg.repository.url, /^git\+https:/);
  assert.equal(pkg.engines.node, ">=20");
  assert.deepEqual(Object.keys(pkg.exports).filter((k) => !k.includes(".wasm") && k !== "./package.json"), [".", "./elements", "./elements/feedback", "./elements/rubric", "./elements/mastery", "./elements/rubric-editor", "./full", "./jsx"]);
  // Every file an entry or the package needs is listed and built. snippets/: JS that the wasm
  // binding imports (computeMastery builds its objects there).
  const needed = new Set(["LICENSE-MIT", "LICENSE-APACHE", "snippets/", "components/", "types/"]);
  for (const entry of Object.values(pkg.exports)) {
    for (const file of typeof entry === "string" ? [entry] : Object.values(entry)) if (file !== "./package.json") needed.add(file.replace(/^\.\//, ""));
  }
  // A folder in `files` (ending in "/") brings every file in it.
  const listed = (file) => pkg.files.some((f) => f === file || (f.endsWith("/") && file.startsWith(f)));
  for (const file of needed) {
    assert.ok(listed(file), `${file} is in files`);
    assert.ok(existsSync(`${root}pkg/${file}`), `pkg/${file} exists`);
  }
  for (const file of pkg.files) assert.ok(existsSync(`${root}pkg/${file}`), `pkg/${file} (listed in files) exists`);
});

for (const entry of ["engine", "elements", "elements/feedback", "elements/rubric", "elements/mastery", "elements/rubric-editor", "full", "index"]) {
  test(`every runtime export of pkg/${entry}.js is declared in pkg/${entry}.d.ts`, async () => {
    // tsc checks a file that reads each runtime export from the entry's declarations: a
    // name they lack is a compile error. Compiled with the DOM lib (the elements need it).
    const names = Object.keys(await import(`${root}pkg/${entry}.js`)).filter((n) => n !== "default");
    const { mkdtempSync, writeFileSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const dir = mkdtempSync(`${tmpdir()}/evident-exports-`);
    try {
      writeFileSync(`${dir}/check.ts`, `import * as m from ${JSON.stringify(`${root}pkg/${entry}.js`)};\nexport const all = [${names.map((n) => `m.${n}`).join(", ")}];\n`);
      writeFileSync(`${dir}/tsconfig.json`, JSON.stringify({ compilerOptions: { target: "es2022", module: "esnext", moduleResolution: "bundler", lib: ["es2022", "dom"], strict: true, noEmit: true, types: [] }, files: ["check.ts"] }));
      const typed = await run(`${root}node_modules/.bin/tsc`, ["-p", dir]).catch((e) => e);
      assert.equal(typed.code ?? 0, 0, `${typed.stdout}${typed.stderr}`);
      assert.ok(names.length >= 4, names.join());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test("the engine runs in Node through initSync", async () => {
  const evident = await import(`${root}pkg/engine.js`);
  evident.initSync({ module: readFileSync(`${root}pkg/evident_core_bg.wasm`) });
  const engine = new evident.Engine(readFileSync(`${root}examples/cer-lab.rubric.json`, "utf8"));
  const report = engine.score({ responses: { response: "My claim is that light helps bean plants grow taller." } });
  // "My claim" + "light" + "grow"/"taller": claim level 3 = 2 points; nothing else met.
  assert.equal(report.criteria[0].level, 3);
  assert.equal(report.total, 2);
  assert.equal(report.max, 12);
  // A bad rubric throws an EvidentError carrying the path.
  const rubric = JSON.parse(readFileSync(`${root}examples/cer-lab.rubric.json`, "utf8"));
  rubric.criteria[0].weight = "heavy";
  assert.throws(() => new evident.Engine(rubric), (e) => e instanceof evident.EvidentError && e.path === "criteria[0].weight");
  // Lint is a teacher's tool: not in the student engine, in evident/full, where it never throws.
  assert.equal(evident.lintRubric, undefined);
  assert.equal(engine.lint, undefined);
  const full = await import(`${root}pkg/full.js`);
  full.initSync({ module: readFileSync(`${root}pkg/evident_full_bg.wasm`) });
  const lint = full.lintRubric("{");
  assert.equal(lint.errors.length, 1);
  assert.deepEqual(lint.advice, []);
  assert.deepEqual(new full.Engine(readFileSync(`${root}examples/cer-lab.rubric.json`, "utf8")).lint(), { errors: [], advice: [] });
  // The components are exported by evident/elements even though Node has no custom elements.
  assert.equal(typeof (await import(`${root}pkg/elements.js`)).EvidentFeedback, "function");
});

test("the packed tarball installs and resolves by package name, for TypeScript and for Node", async () => {
  const { mkdtempSync, mkdirSync, writeFileSync, rmSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const dir = mkdtempSync(`${tmpdir()}/evident-consumer-`);
  try {
    const { stdout } = await run("npm", ["pack", "--silent", "--pack-destination", dir], { cwd: `${root}pkg` });
    const tarball = `${dir}/${stdout.trim().split("\n").pop()}`;
    mkdirSync(`${dir}/node_modules/evident`, { recursive: true });
    await run("tar", ["-xzf", tarball, "-C", `${dir}/node_modules/evident`, "--strip-components=1"]);
    writeFileSync(`${dir}/package.json`, JSON.stringify({ type: "module", private: true }));
    writeFileSync(`${dir}/consumer.ts`, [
      'import { Engine, EvidentError, type ScoreReport } from "evident";',
      "export function total(engine: Engine, text: string): number {",
      "  const report: ScoreReport = engine.score({ responses: { response: text } });",
      "  return report.total;",
      "}",
      "export const isError = (e: unknown): boolean => e instanceof EvidentError;",
      // One element by its own entry, typed by name.
      'import { EvidentFeedback } from "evident/elements/feedback";',
      "export const panel = (e: Element): boolean => e instanceof EvidentFeedback;",
    ].join("\n"));
    writeFileSync(`${dir}/tsconfig.json`, JSON.stringify({ compilerOptions: { target: "es2022", module: "nodenext", moduleResolution: "nodenext", strict: true, noEmit: true, lib: ["es2022", "dom", "esnext.disposable"], types: [] }, files: ["consumer.ts"] }));
    const typed = await run(`${root}node_modules/.bin/tsc`, ["-p", dir]).catch((e) => e);
    assert.equal(typed.code ?? 0, 0, `${typed.stdout}${typed.stderr}`);
    writeFileSync(`${dir}/main.mjs`, [
      'import { readFileSync } from "node:fs";',
      'import { initSync, Engine, version } from "evident";',
      // Outside a browser the element entries register nothing and throw nothing.
      'import { EvidentFeedback } from "evident/elements/feedback";',
      'if (typeof EvidentFeedback !== "function") throw new Error("no EvidentFeedback");',
      'initSync({ module: readFileSync(new URL("./node_modules/evident/evident_core_bg.wasm", import.meta.url)) });',
      "console.log(version());",
    ].join("\n"));
    const { stdout: printed } = await run(process.execPath, [`${dir}/main.mjs`], { cwd: dir });
    assert.equal(printed.trim(), "0.1.0");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
