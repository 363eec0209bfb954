// The npm package in pkg/: the declarations type-check (tests/types/check.ts), every runtime
// export is declared, and the engine works in Node with initSync.
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

test("package.json names the entry, the types and the files", () => {
  const pkg = JSON.parse(readFileSync(`${root}pkg/package.json`, "utf8"));
  assert.equal(pkg.name, "evident");
  assert.equal(pkg.version, "0.1.0");
  assert.equal(pkg.type, "module");
  assert.equal(pkg.main, "index.js");
  assert.equal(pkg.types, "index.d.ts");
  // snippets/: JS that the wasm binding imports (computeMastery builds its objects there).
  for (const file of ["index.js", "index.d.ts", "evident_core.js", "evident_core_bg.wasm", "snippets/", "components/"]) {
    assert.ok(pkg.files.includes(file), file);
    assert.ok(existsSync(`${root}pkg/${file}`), `pkg/${file} exists`);
  }
});

test("every runtime export of pkg/index.js is declared in the .d.ts files", async () => {
  const runtime = Object.keys(await import(`${root}pkg/index.js`)).filter((name) => name !== "start");
  const declared = new Set(["default"]);
  const files = [`${root}pkg/index.d.ts`, ...(existsSync(`${root}pkg/types`) ? readdirSync(`${root}pkg/types`).map((f) => `${root}pkg/types/${f}`) : [])];
  for (const file of files) {
    for (const m of readFileSync(file, "utf8").matchAll(/export (?:declare )?(?:class|function|const|let|abstract class) (\w+)/g)) declared.add(m[1]);
  }
  const missing = runtime.filter((name) => !declared.has(name));
  assert.deepEqual(missing, []);
});

test("the engine runs in Node through initSync", async () => {
  const evident = await import(`${root}pkg/index.js`);
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
  // lintRubric never throws.
  const lint = evident.lintRubric("{");
  assert.equal(lint.errors.length, 1);
  assert.deepEqual(lint.advice, []);
  // The components are exported even though Node has no custom elements.
  assert.equal(typeof evident.EvidentFeedback, "function");
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
    ].join("\n"));
    writeFileSync(`${dir}/tsconfig.json`, JSON.stringify({ compilerOptions: { target: "es2022", module: "nodenext", moduleResolution: "nodenext", strict: true, noEmit: true, lib: ["es2022", "dom", "esnext.disposable"], types: [] }, files: ["consumer.ts"] }));
    const typed = await run(`${root}node_modules/.bin/tsc`, ["-p", dir]).catch((e) => e);
    assert.equal(typed.code ?? 0, 0, `${typed.stdout}${typed.stderr}`);
    writeFileSync(`${dir}/main.mjs`, [
      'import { readFileSync } from "node:fs";',
      'import { initSync, Engine, version } from "evident";',
      'initSync({ module: readFileSync(new URL("./node_modules/evident/evident_core_bg.wasm", import.meta.url)) });',
      "console.log(version());",
    ].join("\n"));
    const { stdout: printed } = await run(process.execPath, [`${dir}/main.mjs`], { cwd: dir });
    assert.equal(printed.trim(), "0.1.0");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
