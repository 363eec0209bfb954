// How long `engine.calibrate(samples, { suggest: true })` takes in the teacher's browser
// (headless Debian Chromium, the full wasm build) on 200 real scored answers, beside the
// native CLI (`evident calibrate SEED SAMPLES --suggest`, release build, process start
// included) on the same files in the same run. The samples are the learning curve's: the
// first 200 training answers of ASAP-SAS sets 1, 5, 6 and 10 (never a held-out one) with
// the teacher's first-draft rubric (`examples/asap-sas/setNN.seed.rubric.json`), written by
// the harness (`--samples SET 200`) into a temporary folder that is removed afterwards.
// Needs `bash scripts/build.sh` (pkg/) and ../shared/data/asap-sas; without the data it says
// so and exits 0. Prints figures; asserts nothing (the goal, 1 s for 200 answers of about 50
// words, is read from the figures).
//
//   node benches/browser/calibrate.mjs [runs per set, default 5]
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runPage } from "./run-page.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const data = process.env.ASAP_SAS_DIR || join(root, "../shared/data/asap-sas");
if (!existsSync(join(data, "train.tsv"))) {
  console.log(`ASAP-SAS data not found (${data}/train.tsv): calibration benchmark skipped.`);
  process.exit(0);
}
const runs = Number(process.argv[2] || 5);
const SETS = [1, 5, 6, 10];
const cargo = (args) => execFileSync("cargo", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 26 });
cargo(["build", "--release", "--quiet", "--bin", "evident", "--example", "asap-sas"]);
const tmp = mkdtempSync(join(tmpdir(), "evident-calibrate-"));
try {
  const sets = SETS.map((set) => {
    const name = `set${String(set).padStart(2, "0")}`;
    const samples = execFileSync(join(root, "target/release/examples/asap-sas"), [data, "--samples", String(set), "200"], { encoding: "utf8", maxBuffer: 1 << 26 });
    const rubricPath = join(root, `examples/asap-sas/${name}.seed.rubric.json`);
    const samplesPath = join(tmp, `${name}.samples.jsonl`);
    writeFileSync(samplesPath, samples);
    return { set, rubric: readFileSync(rubricPath, "utf8"), samples, rubricPath, samplesPath };
  });
  // Native baseline: the CLI, each run a new process.
  const native = new Map();
  for (const s of sets) {
    const times = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      execFileSync(join(root, "target/release/evident"), ["calibrate", s.rubricPath, s.samplesPath, "--suggest"], { stdio: ["ignore", "ignore", "inherit"] });
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    native.set(s.set, times[Math.floor(times.length / 2)]);
  }
  const input = { runs, sets: sets.map(({ set, rubric, samples }) => ({ set, rubric, samples })) };
  const initScript = `window.calibrationInput = ${JSON.stringify(input)};`;
  const { result, version } = await runPage("calibrate.html", { port: Number(process.env.BENCH_PORT || 8767), initScript });
  console.log(`Chromium ${version}: engine.calibrate(samples, { suggest: true }), full build; ${runs} runs per set after a first one`);
  for (const r of result.rows) {
    const n = native.get(r.set);
    console.log(
      `set ${String(r.set).padEnd(2)} ${r.samples} answers of ${r.meanWords.toFixed(0)} words: browser median ${r.medianMs.toFixed(0)} ms (min ${r.minMs.toFixed(0)}, max ${r.maxMs.toFixed(0)}, first call ${r.firstMs.toFixed(0)}); ` +
        `native CLI ${n.toFixed(0)} ms → ${(r.medianMs / n).toFixed(2)}× native; ${r.suggestions} suggestions, first: ${r.top}`,
    );
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
