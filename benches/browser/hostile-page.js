// Runs in the page (hostile.html): the worst inputs of issue 15 through the student build, as
// a page calls it: each call is one task of the page, timed alone (its first run and the
// slowest of three). The same cases as `cargo bench --bench hostile`, at the default limits;
// leaves the figures in `window.benchResult`.
import { labText, publish } from "./page-common.js";
import init, { Engine, getLimits } from "/pkg/evident_core.js";

const words = (n) => "light grows in the dark ".repeat(n / 5);

// A one-criterion rubric whose indicators are `checks`.
const rubricOf = (checks) => ({
  id: "h", title: "Hostile",
  criteria: [{ id: "c", title: "C",
    levels: [{ value: 1, descriptor: "-" }, { value: 2, descriptor: "-", requires: ["i0"] }],
    indicators: checks.map((check, i) => ({ id: `i${i}`, check })) }],
});

// Runs `f` three times; gives the first run's time and the slowest (ms), or the error's message.
function timed(f) {
  const times = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    try {
      f();
    } catch (e) {
      return { error: String(e.message).split("\n")[0].slice(0, 140), ms: performance.now() - t0 };
    }
    times.push(performance.now() - t0);
  }
  return { first: times[0], max: Math.max(...times) };
}

async function run() {
  await init();
  const rows = [];
  const add = (what, r) => rows.push({ what, ...r });
  const score = (engine, text) => () => engine.score({ responses: { response: text } });

  for (const [regex, text] of [
    ["(?:[a-z]+ ){1,300}zzz", words(20_000)],
    [".{0,3000}z", "a".repeat(100_000)],
    ["(?:[a-z]+ ){1,20}(?:[a-z]+ ){1,6}zz", words(20_000)],
    [".{0,20}.{0,20}.{0,20}z", "a".repeat(99_990)],
    ["\\d+(?:\\.\\d+)?\\s*(?:cm|mm|centimet\\w*)", words(20_000)],
  ]) {
    const rubric = rubricOf([{ type: "pattern", regex }]);
    let engine = null;
    const compiled = timed(() => { engine?.free(); engine = new Engine(rubric); });
    if (compiled.error) {
      add(`pattern ${regex}: refused at compile time`, { first: compiled.ms, max: compiled.ms, note: compiled.error });
      continue;
    }
    add(`pattern ${regex}, full score of ${text.length} characters`, timed(score(engine, text)));
    engine.free();
  }

  for (const count of [5000, 500]) {
    const checks = Array.from({ length: count }, (_, i) => ({ type: "phrases", anyOf: [`word${i}`, `light ${i}`] }));
    let engine = null;
    const compiled = timed(() => { engine?.free(); engine = new Engine(rubricOf(checks)); });
    if (compiled.error) {
      add(`${count} indicators: refused at compile time`, { first: compiled.ms, max: compiled.ms, note: compiled.error });
      continue;
    }
    add(`compile ${count} indicators`, compiled);
    const text = labText(sentences, 1000);
    let live = null;
    add(`session start + first update, 1,000 words, ${count} indicators`, timed(() => { live?.free(); live = engine.session({}); live.update(text); }));
    let k = 0;
    add(`a keystroke at the end, ${count} indicators`, timed(() => live.update(`${text} ${"a".repeat(++k)}`)));
    live.free();
    engine.free();
  }

  const counts = new Engine(rubricOf([{ type: "wordCount", min: 3 }, { type: "sentenceCount", min: 2 }]));
  for (const [name, space] of [["space", " "], ["U+00A0", "\u00a0"], ["U+3000", "\u3000"], ["U+2003", "\u2003"], ["U+2009", "\u2009"], ["tab", "\t"], ["closing parenthesis", ")"], ["U+0301", "\u0301"]]) {
    const text = `Café. ${space.repeat(99_000)}Light grows.`;
    add(`full score, "Café. " + 99,000 × ${name}`, timed(score(counts, text)));
    let live = null;
    add(`live session's first update, the same`, timed(() => { live?.free(); live = counts.session({}); live.update(text); }));
    live.free();
  }
  counts.free();

  const lab = new Engine(labRubric);
  const long = labText(sentences, 16_000).slice(0, getLimits().answerChars);
  add(`full score of ${long.length} characters (lab rubric)`, timed(score(lab, long)));
  lab.free();

  // A 16 MB rubric text (the lab rubric with a long description): refused by its length
  // (`textChars`) before it is copied into wasm or parsed.
  const padded = JSON.parse(labRubric);
  padded.description = "word ".repeat(3_200_000);
  const huge = JSON.stringify(padded);
  add(`a rubric of ${(huge.length / 1e6).toFixed(0)} MB of JSON text: refused`, (() => { const r = timed(() => new Engine(huge)); return { first: r.ms, max: r.ms, note: r.error }; })());

  // A JS object nested 2,000 deep: refused by the walk in JS before it reaches wasm.
  let deep = { id: "x" };
  for (let i = 0; i < 2000; i++) deep = { nested: deep };
  add("a rubric object nested 2,000 deep: refused", (() => { const r = timed(() => new Engine(deep)); return { first: r.ms, max: r.ms, note: r.error }; })());

  return { rows, limits: getLimits() };
}

let sentences;
let labRubric;
publish(async () => {
  labRubric = await (await fetch("lab-rubric.json")).text();
  sentences = (await (await fetch("lab-sentences.txt")).text()).split("\n").filter((l) => l.trim());
  return run();
});
