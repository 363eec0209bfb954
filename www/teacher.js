// The rubric studio page: <evident-rubric-editor> at the centre; start from an example, a
// blank rubric, a JSON or CSV file or a CASE package; autosave and named versions in
// localStorage; a preview as teachers and students see it in English and Spanish; "try it"
// with what each look-for found highlighted; calibration against teacher-scored samples,
// explained in plain sentences, with before/after figures and the samples that disagree most.
import { loadEvident } from "/pkg/index.js";
import { criteriaFromCompetencies, blankRubric, rubricFromCsv, rubricToCsv, slug, DEFAULT_SCALE, clone } from "/pkg/components/rubric-editor-model.js";
import { markedText } from "/pkg/components/dom.js";

const $ = (id) => document.getElementById(id);
const editor = $("editor");
const preview = $("preview");
const tryIt = $("try");
const work = $("work");
const example = $("example");
const DRAFT = "evident.studio.draft";
const VERSIONS = "evident.studio.versions";

let samples = [];           // teacher-scored samples of the current example: {submission, teacher}
let sampleWork = {};        // www/data/samples.json: a sample answer per rubric id
let baseline = null;        // calibration figures kept as "before"
let lastReport = null;
let chosen = null;          // the look-for chosen in "what each look-for found"
let saveTimer = 0;

// ---------------------------------------------------------------------------------------
// Starting points

async function openExample() {
  const option = example.selectedOptions[0];
  const text = await (await fetch(option.value)).text();
  editor.rubric = JSON.parse(text);
  await loadSamples(option.dataset.samples);
  baseline = null;
  note(`Opened the example “${option.textContent}”.`);
}

async function loadSamples(url) {
  samples = [];
  if (url) {
    const response = await fetch(url);
    if (response.ok) samples = (await response.text()).split(/\r?\n/).filter((l) => l.trim()).map((l) => JSON.parse(l));
  }
  editor.samples = samples;
  calibrate();
}

function note(text) { $("start-note").textContent = text; }

$("open-example").addEventListener("click", openExample);
$("blank").addEventListener("click", () => {
  editor.rubric = blankRubric();
  samples = [];
  editor.samples = [];
  calibrate();
  note("Started a blank rubric: give it a title, then fill in the first criterion.");
});

$("import-file").addEventListener("change", async (event) => {
  const file = event.target.files[0];
  if (!file) return;
  const text = await file.text();
  try {
    if (/\.csv$/i.test(file.name) || file.type === "text/csv") {
      editor.rubric = rubricFromCsv(text, editor.rubric);
      note(`Imported ${file.name}: ${editor.rubric.criteria.length} criteria. Look-fors of criteria with the same id were kept.`);
    } else {
      editor.rubric = JSON.parse(text);
      note(`Imported ${file.name}.`);
    }
  } catch (error) {
    note(`Could not import ${file.name}: ${error.message}`);
  }
  event.target.value = "";
});

$("download-csv").addEventListener("click", () => {
  const rubric = editor.rubric;
  download(`${rubric.id || "rubric"}.csv`, rubricToCsv(rubric, $("language").value), "text/csv");
});

function download(name, text, type) {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
}

// A CASE package: pick competencies, get a criterion per competency carrying its id.
$("case-file").addEventListener("change", async (event) => {
  const file = event.target.files[0];
  if (!file) return;
  const picker = $("case-picker");
  try {
    const core = await loadEvident();
    const imported = core.importCase(await file.text());
    const framework = imported.framework;
    const competencies = framework.competencies ?? [];
    const boxes = competencies.map((c, i) => {
      const row = document.createElement("li");
      const box = Object.assign(document.createElement("input"), { type: "checkbox", id: `case-${i}`, value: c.id });
      const label = Object.assign(document.createElement("label"), { htmlFor: `case-${i}` });
      label.textContent = `${c.id} — ${c.title ?? ""}`;
      row.append(box, label);
      return row;
    });
    const heading = document.createElement("h3");
    heading.textContent = `Competencies in “${framework.title ?? file.name}”: choose those to assess`;
    const list = document.createElement("ul");
    list.className = "case-list";
    list.append(...boxes);
    const make = document.createElement("button");
    make.type = "button";
    make.textContent = "Make a rubric from the chosen competencies";
    make.addEventListener("click", () => {
      const ids = new Set([...list.querySelectorAll("input:checked")].map((b) => b.value));
      const chosenOnes = competencies.filter((c) => ids.has(c.id));
      if (chosenOnes.length === 0) { note("Choose at least one competency."); return; }
      const rubric = { id: slug(framework.title ?? "case-rubric") || "case-rubric", title: framework.title ?? "Rubric", kind: "analytic", locale: "en", scale: clone(DEFAULT_SCALE), criteria: [] };
      rubric.criteria = criteriaFromCompetencies(rubric, chosenOnes);
      editor.rubric = rubric;
      picker.hidden = true;
      note(`Made a rubric with ${chosenOnes.length} criteria, one per competency. Describe each level next.`);
    });
    picker.replaceChildren(heading, list, make);
    picker.hidden = false;
    note(`Read ${competencies.length} competencies from ${file.name}.`);
  } catch (error) {
    note(`Could not read ${file.name} as a CASE package: ${error.message}`);
  }
  event.target.value = "";
});

// ---------------------------------------------------------------------------------------
// Autosave and named versions

function autosave() {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    localStorage.setItem(DRAFT, JSON.stringify({ rubric: editor.rubric, example: example.value, samples: samples.length ? example.selectedOptions[0].dataset.samples : null, at: new Date().toISOString() }));
    $("autosave").textContent = `Saved in this browser at ${new Date().toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" })}.`;
  }, 400);
}

function versions() {
  try { return JSON.parse(localStorage.getItem(VERSIONS) ?? "[]"); } catch { return []; }
}

function drawVersions() {
  const list = $("version-list");
  const all = versions();
  list.replaceChildren(...all.map((v, i) => {
    const li = document.createElement("li");
    const name = document.createElement("span");
    name.textContent = `${v.name} (${new Date(v.at).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" })})`;
    const restore = button(`Restore ${v.name}`, "Restore", () => { editor.rubric = v.rubric; note(`Restored the version “${v.name}”. Undo goes back to what you had.`); });
    const remove = button(`Delete ${v.name}`, "Delete", () => { const next = versions(); next.splice(i, 1); localStorage.setItem(VERSIONS, JSON.stringify(next)); drawVersions(); });
    li.append(name, " ", restore, " ", remove);
    return li;
  }));
  if (all.length === 0) {
    const li = document.createElement("li");
    li.className = "muted";
    li.textContent = "No saved versions yet.";
    list.append(li);
  }
}

function button(label, text, onClick) {
  const b = document.createElement("button");
  b.type = "button";
  b.className = "secondary";
  b.textContent = text;
  b.setAttribute("aria-label", label);
  b.addEventListener("click", onClick);
  return b;
}

$("save-version").addEventListener("click", () => {
  const rubric = editor.rubric;
  const name = $("version-name").value.trim() || rubric.title || "Untitled";
  const all = versions();
  all.unshift({ name, at: new Date().toISOString(), rubric });
  localStorage.setItem(VERSIONS, JSON.stringify(all.slice(0, 30)));
  $("version-name").value = "";
  drawVersions();
  note(`Saved the version “${name}”.`);
});

// ---------------------------------------------------------------------------------------
// Preview and try-it follow the editor's last valid rubric

let valid = true;
editor.addEventListener("change", (event) => {
  valid = event.detail.valid;
  // A new rubric not yet complete has no version that worked: no preview of another rubric.
  const none = !valid && editor.lastValidFor($("language").value) === null;
  $("preview-note").textContent = none
    ? "The preview appears when the rubric is complete: a title, and for each criterion a title and a descriptor at every level."
    : "Not applied yet: the preview shows the last version that worked.";
  $("try-note").textContent = none ? "Try it when the rubric is complete." : "Scored with the last version of the rubric that worked.";
  preview.hidden = none;
  tryIt.hidden = none;
  if (none) { lastReport = null; $("score").textContent = ""; drawFound(); }
  $("preview-note").hidden = valid;
  $("try-note").hidden = valid;
  $("calibration-stale").hidden = valid;
  autosave();
  if (valid) {
    applyPreview();
    clearTimeout(calibrateTimer);
    calibrateTimer = setTimeout(calibrate, 500);
  }
});
let calibrateTimer = 0;

function applyPreview() {
  const lang = $("language").value;
  const rubric = editor.lastValidFor(lang);
  if (!rubric) return;
  preview.setAttribute("locale", lang);
  preview.rubric = JSON.stringify(rubric);
  tryIt.setAttribute("locale", lang);
  tryIt.rubric = JSON.stringify(rubric);
}

$("audience").addEventListener("change", () => preview.setAttribute("audience", $("audience").value));
$("language").addEventListener("change", applyPreview);

tryIt.addEventListener("evident-score", (event) => {
  const r = event.detail;
  lastReport = r;
  $("score").textContent = `Score: ${r.total} of ${r.max} points (${r.percent}%), overall ${r.level.label}.`;
  drawFound();
});

$("load-work").addEventListener("click", async () => {
  // Pressed before the sample answers have arrived, it waits for them.
  await sampleWorkLoaded;
  const rubric = editor.rubric;
  work.value = sampleWork[rubric.id] ?? samples[0]?.submission?.responses?.response ?? "";
  work.dispatchEvent(new Event("input", { bubbles: true }));
});

// Each look-for of the last report, met or not; choosing one highlights what it matched.
function drawFound() {
  const list = $("found");
  const rubric = editor.lastValidFor($("language").value);
  if (!lastReport || !rubric) { list.replaceChildren(); return; }
  const items = [];
  for (const c of lastReport.criteria) {
    const criterion = rubric.criteria.find((x) => x.id === c.id);
    for (const indicator of criterion?.indicators ?? []) {
      const met = c.met.find((m) => m.indicator === indicator.id);
      const li = document.createElement("li");
      const key = `${c.id}/${indicator.id}`;
      const b = document.createElement("button");
      b.type = "button";
      b.className = "secondary";
      b.setAttribute("aria-pressed", String(chosen === key));
      b.dataset.indicator = indicator.id;
      b.textContent = `${criterion.title}: ${indicator.label ?? indicator.id}`;
      b.addEventListener("click", () => { chosen = chosen === key ? null : key; drawFound(); });
      const state = document.createElement("span");
      state.className = met ? "found-yes" : "found-no";
      state.textContent = met ? ` found (${met.spans.length} place${met.spans.length === 1 ? "" : "s"})` : " not found";
      li.append(b, state);
      items.push(li);
    }
  }
  list.replaceChildren(...items);
  const [cid, iid] = chosen?.split("/") ?? [];
  const spans = chosen
    ? (lastReport.criteria.find((c) => c.id === cid)?.met.find((m) => m.indicator === iid)?.spans ?? [])
    : lastReport.criteria.flatMap((c) => c.met.flatMap((m) => m.spans));
  $("marked").replaceChildren(markedText(work.value, spans.filter((s) => !s.field || s.field === "response")));
}

// ---------------------------------------------------------------------------------------
// Calibration, explained

async function calibrate() {
  const section = $("calibration");
  const rubric = editor.lastValidFor(editor.rubric.locale ?? "en");
  if (!samples.length || !rubric) { section.hidden = true; return; }
  let core;
  let result;
  let engine;
  try {
    core = await loadEvident();
    engine = new core.Engine(JSON.stringify(rubric));
    const options = { suggest: true };
    result = engine.calibrate(samples, options);
  } catch (error) {
    $("calibration-note").textContent = `Calibration could not run: ${error.message}`;
    section.hidden = false;
    engine?.free();
    return;
  }
  baseline ??= result;
  drawCalibration(result, engine, rubric);
  engine.free();
  section.hidden = false;
}

const pct = (x) => (typeof x === "number" ? `${Math.round(x * 100)}%` : "—");
const num = (x) => (typeof x === "number" ? x.toFixed(2) : "—");

function sentences(result) {
  const o = result.overall;
  return [
    ["exact", `Exact agreement ${pct(o.exact)}: on ${pct(o.exact)} of the scores, the engine gave the same level as the teacher.`],
    ["adjacent", `Within one level ${pct(o.adjacent)}: on ${pct(o.adjacent)} of the scores, the engine was at most one level away from the teacher.`],
    ["kappa", `κ (weighted kappa) ${num(o.kappa)}: agreement beyond what chance would give, from 0 (no better than chance) to 1 (always the same); above 0.6 is usually good enough for feedback.`],
  ];
}

function drawCalibration(result, engine, rubric) {
  $("calibration-note").textContent = `The engine scored ${result.samples} answers that a teacher had scored; here is how often they agree.`;
  const summary = document.createElement("ul");
  summary.className = "plain-figures";
  const before = baseline && baseline !== result ? baseline.overall : null;
  for (const [key, sentence] of sentences(result)) {
    const li = document.createElement("li");
    li.dataset.figure = key;
    li.textContent = sentence;
    if (before) {
      const change = document.createElement("span");
      change.className = "before-after";
      const fmt = key === "kappa" ? num : pct;
      change.textContent = ` Before: ${fmt(before[key])}, now: ${fmt(result.overall[key])}.`;
      li.append(change);
    }
    summary.append(li);
  }
  $("calibration-summary").replaceChildren(summary);

  const table = document.createElement("table");
  table.className = "plain";
  table.id = "calibration-table";
  const caption = table.createCaption();
  caption.textContent = "Agreement per criterion";
  const head = table.createTHead().insertRow();
  for (const title of ["Criterion", "Answers", "Same level", "Within one level", "κ", "Engine vs teacher"]) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = title;
    head.append(th);
  }
  const body = table.createTBody();
  const lean = (d) => (typeof d !== "number" ? "—" : Math.abs(d) < 0.15 ? "about even" : d > 0 ? `engine ${d.toFixed(1)} levels higher` : `engine ${(-d).toFixed(1)} levels lower`);
  for (const row of [...result.criteria.map((c) => ({ name: c.title ?? c.criterion, a: c })), { name: "All criteria", a: result.overall }]) {
    const tr = body.insertRow();
    const th = document.createElement("th");
    th.scope = "row";
    th.textContent = row.name;
    tr.append(th);
    for (const value of [String(row.a.n), pct(row.a.exact), pct(row.a.adjacent), num(row.a.kappa), lean(row.a.meanDifference)]) tr.insertCell().textContent = value;
  }
  $("calibration-result").replaceChildren(table);
  drawSuggestions(result.suggestions);

  // The samples where engine and teacher differ most, with what the engine found highlighted.
  const list = document.createElement("ol");
  list.className = "disagreements";
  for (const d of (result.overall.disagreements ?? []).slice(0, 3)) {
    const sample = samples[d.line - 1];
    if (!sample) continue;
    const li = document.createElement("li");
    const who = document.createElement("p");
    who.className = "who";
    const title = (id) => rubric.criteria.find((c) => c.id === id)?.title ?? id;
    who.textContent = `${sample.submission.student ?? `Sample ${d.line}`}: ${d.criteria.filter((c) => c.teacher !== c.engine).map((c) => `${title(c.criterion)} teacher ${c.teacher}, engine ${c.engine}`).join("; ")}`;
    const text = document.createElement("p");
    text.className = "sample-text";
    const body = sample.submission.responses?.response ?? "";
    let spans = [];
    try { spans = engine.score(sample.submission).criteria.flatMap((c) => c.met.flatMap((m) => m.spans)); } catch { /* unscorable: shown plain */ }
    text.append(markedText(body, spans.filter((s) => !s.field || s.field === "response")));
    li.append(who, text);
    if (sample.note) {
      const why = document.createElement("p");
      why.className = "muted";
      why.textContent = `Teacher's note: ${sample.note}`;
      li.append(why);
    }
    list.append(li);
  }
  $("calibration-samples").replaceChildren(list.children.length ? list : Object.assign(document.createElement("p"), { textContent: "The engine and the teacher agree on every sample." }));
}

// Suggestions from calibration (engine.calibrate(samples, {suggest: true}) → `suggestions`),
// each accepted or rejected with one click; accepting is one undoable edit in the editor.
// A suggestion: {message, edits: [{path, value}]} or {message, rubric} (the rubric to use).
function drawSuggestions(suggestions) {
  const box = $("calibration-suggestions");
  if (!Array.isArray(suggestions) || suggestions.length === 0) { box.replaceChildren(); return; }
  const heading = document.createElement("h3");
  heading.textContent = "Suggestions";
  const list = document.createElement("ul");
  list.className = "suggestions";
  suggestions.forEach((s, i) => {
    const li = document.createElement("li");
    const text = document.createElement("span");
    text.textContent = s.why ?? s.message ?? "";
    const accept = button(`Accept suggestion ${i + 1}`, "Accept", async () => {
      // The engine applies its own edit ({op: "addPhrase", …}) to the rubric JSON.
      const core = await loadEvident();
      editor.applyEdit((rubric) => {
        const next = s.edit && core.applySuggestion ? core.applySuggestion(clone(rubric), s.edit) : null;
        if (next) { Object.keys(rubric).forEach((k) => delete rubric[k]); Object.assign(rubric, next); }
        else applySuggestion(rubric, s);
      }, `Suggestion ${i + 1} accepted. Undo takes it back.`);
      li.remove();
    });
    const reject = button(`Reject suggestion ${i + 1}`, "Reject", () => li.remove());
    li.append(text, " ", accept, " ", reject);
    list.append(li);
  });
  box.replaceChildren(heading, list);
}

export function applySuggestion(rubric, suggestion) {
  if (suggestion.rubric) { Object.keys(rubric).forEach((k) => delete rubric[k]); Object.assign(rubric, clone(suggestion.rubric)); return; }
  for (const edit of suggestion.edits ?? (suggestion.path ? [suggestion] : [])) {
    const parts = [...edit.path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]));
    let node = rubric;
    for (const part of parts.slice(0, -1)) node = node[part] ??= typeof part === "number" ? [] : {};
    const last = parts[parts.length - 1];
    if (edit.value === undefined) delete node[last]; else node[last] = clone(edit.value);
  }
}

$("baseline").addEventListener("click", () => { baseline = null; calibrate(); });

// ---------------------------------------------------------------------------------------
// Start: the saved draft when there is one, else the first example

const sampleWorkLoaded = fetch("data/samples.json").then((r) => r.json()).then((s) => { sampleWork = s; }, () => {});
drawVersions();
(async () => {
  const saved = (() => { try { return JSON.parse(localStorage.getItem(DRAFT)); } catch { return null; } })();
  if (saved?.rubric) {
    editor.rubric = saved.rubric;
    const option = [...example.options].find((o) => o.value === saved.example);
    if (option) example.value = option.value;
    await loadSamples(saved.samples);
    note("Your last rubric was restored from this browser.");
  } else {
    await openExample();
    note("");
  }
})();
