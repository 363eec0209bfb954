// The JS half of a live session's update (src/wasm/live.rs): locating an edit, and
// applying an `Update` (its format: src/scoring/update.rs, the reference) to the previous
// result object, which builds the next one without converting what did not change.
// Span arrays are shared between a criterion's `met` entry and the strength of the same
// indicator when equal (`share`), and moved once for both (`cache`: the lists moved so far,
// `from` and `to` in step; a Map keyed by arrays costs more here, as each new array must be
// given a hash).
// The span-move rule, the JS half (the Rust half: `evidence::Move` in
// src/evidence/moves.rs; tests/wasm_live.rs holds the two to each other on random edits):
// a span of `field` that starts at or after `at` moves whole by `by` UTF-16 units, each
// bound clamped at `at` (an offset in deleted text goes to where the deletion was); any
// other stays. `spans` is sorted by start (as every list of the engine is), so the walk goes
// from the last span back to the first before `at`. Returns
// `spans` itself when none moved, else a new array (`spans` is left as it was).
export function moveSpans(spans, field, at, by, cache = { from: [], to: [] }) {
  if (spans.length === 0 || spans[spans.length - 1].start < at) return spans;
  const known = cache.from.indexOf(spans);
  if (known >= 0) return cache.to[known];
  let out = spans;
  for (let i = spans.length - 1; i >= 0; i--) {
    const s = spans[i];
    if (s.start < at) break;
    if (s.field === field) {
      if (out === spans) out = spans.slice();
      out[i] = { field: s.field, start: Math.max(at, s.start + by), end: Math.max(at, s.end + by) };
    }
  }
  if (out !== spans) {
    cache.from.push(spans);
    cache.to.push(out);
  }
  return out;
}
// A met entry or a strength with other spans. Written out rather than spread (spreading
// objects of two shapes in one place is several times slower in V8); the keys are those
// of `Met` and `Strength` in Rust, in order (tests compare whole results with fresh ones).
const withMet = (m, spans) => ({ indicator: m.indicator, spans });
const withStrength = (s, spans) => ({ criterion: s.criterion, indicator: s.indicator, message: s.message, lang: s.lang, spans });
function moveEach(items, field, at, by, cache, make) {
  let out = items;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const spans = moveSpans(item.spans, field, at, by, cache);
    if (spans !== item.spans) {
      if (out === items) out = items.slice();
      out[i] = make(item, spans);
    }
  }
  return out;
}
function moveCriterion(c, base, field, at, by, cache) {
  const met = moveEach(c.met, field, at, by, cache, withMet);
  if (met === c.met) return c;
  const copy = { ...base };
  copy.met = met;
  return copy;
}
function sameSpans(a, b) {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i].start !== b[i].start || a[i].end !== b[i].end || a[i].field !== b[i].field) return false;
  }
  return true;
}
// Makes a strength use its indicator's `met` span array when the two are equal.
function shareOne(report, s) {
  for (const c of report.criteria) {
    if (c.id !== s.criterion) continue;
    for (const m of c.met) if (m.indicator === s.indicator && m.spans !== s.spans && sameSpans(m.spans, s.spans)) s.spans = m.spans;
  }
}
// The same for every strength (a result converted whole).
export function share(result) {
  for (const s of result.feedback.strengths) shareOne(result.report, s);
  return result;
}
function common(a, b, n, back, hint) {
  // How many units a and b share from their starts (or ends), up to n: from `hint` when
  // they share that many (where the last edit was: typing goes on there), by long slices
  // first (compared natively), then unit by unit.
  const la = a.length, lb = b.length;
  let k = hint > 0 && hint <= n && (back ? a.slice(la - hint) === b.slice(lb - hint) : a.slice(0, hint) === b.slice(0, hint)) ? hint : 0;
  for (let step = 2048; step >= 16; step >>= 3) {
    while (k + step <= n && (back ? a.slice(la - k - step, la - k) === b.slice(lb - k - step, lb - k) : a.slice(k, k + step) === b.slice(k, k + step))) k += step;
  }
  if (back) while (k < n && a.charCodeAt(la - 1 - k) === b.charCodeAt(lb - 1 - k)) k++;
  else while (k < n && a.charCodeAt(k) === b.charCodeAt(k)) k++;
  return k;
}
const low = (s, i) => i > 0 && i < s.length && (s.charCodeAt(i) & 0xfc00) === 0xdc00;
// Where b differs from a: [start, end in a, end in b], in UTF-16 units, never inside a
// surrogate pair. `hintStart`, `hintEnd`: the common start and end of the previous edit.
export function editOf(a, b, hintStart, hintEnd) {
  const n = Math.min(a.length, b.length);
  // (A slice compared as a whole is much faster than startsWith on a concatenated string.)
  let p = b.length >= a.length && b.slice(0, a.length) === a ? a.length : common(a, b, n, false, hintStart);
  if (low(a, p) || low(b, p)) p -= 1;
  let s = common(a, b, n - p, true, hintEnd);
  if (low(a, a.length - s) || low(b, b.length - s)) s -= 1;
  return [p, a.length - s, b.length - s];
}
// `{from, to, spans}` (a splice of an update): the list with its items from..to replaced.
const splice = (list, s) => list.slice(0, s.from).concat(s.spans, list.slice(s.to));
function spliceCriterion(c, base, splices) {
  const met = c.met.slice();
  for (const s of splices) met[s.met] = withMet(met[s.met], splice(met[s.met].spans, s));
  const copy = { ...base };
  copy.met = met;
  return copy;
}
// V8 copies an object made by JSON.parse several times faster than a copy of a copy: each
// result keeps (in `origins`) the parsed objects its copies were made from, to copy again.
const origins = new WeakMap();
// The field's name as the spans hold it (so comparing them is comparing pointers).
function sameName(result, field) {
  for (const c of result.report.criteria) for (const m of c.met) if (m.spans.length > 0 && m.spans[0].field === field) return m.spans[0].field;
  return field;
}
// The next result: `previous` (`{report, feedback}`) with `update` (JSON text of an
// `Update`) applied, sharing every part the update left as it was; `previous` is left as
// it was. `name`: the typed field.
export function applyUpdate(previous, name, updateText) {
  const u = JSON.parse(updateText);
  if (u.kind === "unchanged") return previous;
  const move = u.kind === "moved" ? u : u.move;
  const field = sameName(previous, name);
  const cache = { from: [], to: [] };
  const old = previous.report;
  const was = origins.get(previous) || { report: old, feedback: previous.feedback, criteria: old.criteria };
  const replaced = [];
  if (u.criteria) for (const r of u.criteria) replaced[r.criterion] = r.score;
  const spliced = [];
  if (u.metSpans) for (const s of u.metSpans) (spliced[s.criterion] || (spliced[s.criterion] = [])).push(s);
  const bases = was.criteria.slice();
  const criteria = [];
  for (let i = 0; i < bases.length; i++) {
    if (replaced[i] !== undefined) {
      criteria.push((bases[i] = replaced[i]));
      continue;
    }
    const moved = move ? moveCriterion(old.criteria[i], bases[i], field, move.at, move.by, cache) : old.criteria[i];
    criteria.push(spliced[i] ? spliceCriterion(moved, bases[i], spliced[i]) : moved);
  }
  // A part sent whole comes with an empty list in its place, so setting it keeps key order.
  const report = u.report || { ...was.report };
  report.criteria = criteria;
  const before = previous.feedback.strengths;
  let strengths = u.strengths || (move ? moveEach(before, field, move.at, move.by, cache, withStrength) : before);
  if (u.replacedStrengths || u.strengthSpans) {
    if (strengths === before) strengths = strengths.slice();
    if (u.replacedStrengths) for (const r of u.replacedStrengths) strengths[r.strength] = r.value;
    if (u.strengthSpans) for (const s of u.strengthSpans) strengths[s.strength] = withStrength(strengths[s.strength], splice(strengths[s.strength].spans, s));
  }
  const feedback = u.feedback || { ...was.feedback };
  feedback.strengths = strengths;
  const result = { report, feedback };
  origins.set(result, { report: u.report || was.report, feedback: u.feedback || was.feedback, criteria: bases });
  // Strengths that came new (or as new span lists) may share their criterion's arrays.
  if (u.strengths) share(result);
  if (u.replacedStrengths) for (const r of u.replacedStrengths) shareOne(report, strengths[r.strength]);
  if (u.strengthSpans) for (const s of u.strengthSpans) shareOne(report, strengths[s.strength]);
  return result;
}
