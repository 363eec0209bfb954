// Runs in the page (keywords.html): a full score of the same 1,000-word lab report against
// the same 40 keyword groups (keyword-rubric.json: each indicator's `anyOf` is one group,
// the keyword and its alternatives), by
// - Evident: `engine.score(submission)`, the report as JS objects (fuzzy "auto" on);
// - a straightforward JavaScript scorer: one case-insensitive regex per group, whole words,
//   every occurrence with its position (what H5P Essay's exact check does);
// - the same scorer with fuzzy matching the way H5P Essay forgives mistakes: every word (and
//   every run of as many words as a multi-word keyword) compared with every keyword by
//   edit distance, allowing the edits Evident's "auto" allows;
// - H5P Essay's own `computeResults`, when the runner found its scripts (H5P_ESSAY_DIR).
// Leaves the figures in `window.benchResult`.
import { labText, publish } from "./page-common.js";
import init, { Engine } from "/pkg/evident_core.js";

// Chromium's clock ticks in 5 µs on a cross-origin isolated page: each sample is the mean of
// a batch of runs long enough to be read to a few percent.
function timeUs(fn, { batch, samples }) {
  const out = [];
  for (let s = 0; s < samples; s++) {
    const t0 = performance.now();
    for (let i = 0; i < batch; i++) fn();
    out.push(((performance.now() - t0) * 1000) / batch);
  }
  out.sort((a, b) => a - b);
  return { median: out[Math.floor(out.length / 2)], min: out[0] };
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// Exact: one regex per group, as a page would write it by hand.
function exactScorer(groups) {
  const regexes = groups.map((g) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${g.map(escape).join("|")})(?![\\p{L}\\p{N}])`, "giu"));
  return (text) => {
    let points = 0;
    const found = [];
    for (const re of regexes) {
      const spans = [];
      for (const m of text.matchAll(re)) spans.push([m.index, m.index + m[0].length]);
      if (spans.length) points++;
      found.push(spans);
    }
    return { points, found };
  };
}

function levenshtein(a, b) {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(above + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

// Evident's "auto": no edit up to 4 letters, one up to 8, two beyond.
const allowed = (word) => (word.length <= 4 ? 0 : word.length <= 8 ? 1 : 2);

// Fuzzy: every word (or run of words) against every keyword, by edit distance.
function fuzzyScorer(groups) {
  const keywords = groups.map((g) => g.map((k) => {
    const words = k.toLowerCase().split(/\s+/);
    return { words, edits: words.map(allowed) };
  }));
  return (text) => {
    const words = [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({ w: m[0].toLowerCase(), at: m.index, end: m.index + m[0].length }));
    let points = 0;
    const found = [];
    for (const group of keywords) {
      const spans = [];
      for (let i = 0; i < words.length; i++) {
        for (const k of group) {
          if (i + k.words.length > words.length) continue;
          if (k.words.every((kw, j) => levenshtein(words[i + j].w, kw) <= k.edits[j])) {
            spans.push([words[i].at, words[i + k.words.length - 1].end]);
          }
        }
      }
      if (spans.length) points++;
      found.push(spans);
    }
    return { points, found };
  };
}

async function h5pScorer(groups) {
  // Loaded by the runner from H5P_ESSAY_DIR (never kept in the repository).
  const setup = window.h5pEssaySetup;
  if (!setup) return null;
  return setup(groups);
}

async function run() {
  await init();
  const rubricText = await (await fetch("keyword-rubric.json")).text();
  const rubric = JSON.parse(rubricText);
  const groups = rubric.criteria[0].indicators.map((i) => i.check.anyOf);
  const sentences = (await (await fetch("lab-sentences.txt")).text()).split("\n").filter((l) => l.trim());
  const text = labText(sentences, 1000);
  const words = text.split(/\s+/).filter(Boolean).length;
  const engine = new Engine(rubricText);
  const submission = { responses: { response: text } };
  const exact = exactScorer(groups);
  const fuzzy = fuzzyScorer(groups);
  const h5p = await h5pScorer(groups);

  // Warm up every contender, so V8 has optimised each before it is timed.
  for (let i = 0; i < 200; i++) { engine.score(submission); exact(text); }
  for (let i = 0; i < 3; i++) fuzzy(text);
  const report = engine.score(submission);
  const rows = [];
  rows.push({ name: "Evident engine.score (fuzzy \"auto\", report as JS objects)", points: report.total, ...timeUs(() => engine.score(submission), { batch: 20, samples: 40 }) });
  rows.push({ name: "JavaScript, a regex per group (exact)", points: exact(text).points, ...timeUs(() => exact(text), { batch: 20, samples: 40 }) });
  rows.push({ name: "JavaScript, edit distance per word (fuzzy)", points: fuzzy(text).points, ...timeUs(() => fuzzy(text), { batch: 1, samples: 5 }) });
  if (h5p) {
    for (let i = 0; i < 20; i++) h5p.exact(text);
    rows.push({ name: "H5P Essay computeResults (exact)", points: h5p.exact(text), ...timeUs(() => h5p.exact(text), { batch: 20, samples: 40 }) });
    rows.push({ name: "H5P Essay computeResults (forgive mistakes)", points: h5p.fuzzy(text), ...timeUs(() => h5p.fuzzy(text), { batch: 1, samples: 3 }) });
  }
  // What a score costs besides the text: one short sentence.
  const short = { responses: { response: "My claim is that plants grow taller in the light." } };
  const fixed = timeUs(() => engine.score(short), { batch: 50, samples: 40 });
  // A first score: a new engine, whose lexicon has not seen a word yet (minus making it).
  const make = timeUs(() => new Engine(rubricText).free(), { batch: 5, samples: 20 });
  const first = timeUs(() => { const e = new Engine(rubricText); e.score(submission); e.free(); }, { batch: 5, samples: 20 });
  // The report's share: the same report as JSON text, parsed.
  const json = JSON.stringify(report);
  const parse = timeUs(() => JSON.parse(json), { batch: 20, samples: 40 });
  return {
    words, groups: groups.length, rows, reportJsonBytes: json.length, jsonParseUs: parse.median,
    shortScoreUs: fixed.median, firstScoreUs: first.median - make.median, compileUs: make.median,
    isolated: self.crossOriginIsolated,
  };
}

publish(run);
