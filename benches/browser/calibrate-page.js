// Runs in the page (calibrate.html): `engine.calibrate(samples, { suggest: true })` of the
// full build, per ASAP-SAS set, on the samples and seed rubric the runner put in
// `window.calibrationInput` (calibrate.mjs). Each call is timed on its own (a call takes
// tens to hundreds of milliseconds, far above the clock's 5 µs); the first call of a set is
// reported apart (it also compiles what the engine keeps between calls). Leaves the figures
// in `window.benchResult`.
import { publish } from "./page-common.js";
import init, { Engine } from "/pkg/full.js";

publish(async () => {
  await init();
  const rows = [];
  for (const { set, rubric, samples } of window.calibrationInput.sets) {
    const parsed = samples.trim().split("\n").map((line) => JSON.parse(line));
    const words = parsed.reduce((n, s) => n + s.submission.responses.response.split(/\s+/).filter(Boolean).length, 0);
    // Each call with a new engine, freed after it, as a teacher's page would make one.
    const calibrate = () => {
      const engine = new Engine(rubric);
      try {
        return engine.calibrate(parsed, { suggest: true });
      } finally {
        engine.free();
      }
    };
    let t0 = performance.now();
    const first = calibrate();
    const firstMs = performance.now() - t0;
    const suggested = JSON.stringify(first.suggestions);
    const times = [];
    for (let i = 0; i < window.calibrationInput.runs; i++) {
      t0 = performance.now();
      const again = calibrate();
      times.push(performance.now() - t0);
      if (JSON.stringify(again.suggestions) !== suggested) {
        throw new Error(`set ${set}: a second call suggested something else`);
      }
    }
    times.sort((a, b) => a - b);
    rows.push({
      set,
      samples: parsed.length,
      meanWords: words / parsed.length,
      firstMs,
      medianMs: times[Math.floor(times.length / 2)],
      minMs: times[0],
      maxMs: times[times.length - 1],
      suggestions: first.suggestions.length,
      top: first.suggestions[0] ? `${first.suggestions[0].edit.op} "${first.suggestions[0].edit.phrase ?? first.suggestions[0].edit.n}"` : "none",
    });
  }
  return { rows, isolated: self.crossOriginIsolated };
});
