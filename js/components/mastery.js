// <evident-mastery>: a class (students × competencies) or one student's mastery view.
// Attributes: evidence-src (URL of evidence JSON Lines), framework-src (URL of a framework
// JSON, for competency titles, order, roll-up and recommendations), catalog-src (URL of a task
// catalog, for the tasks recommendations suggest), method (a mastery method such as
// decayingAverage; default the engine's), student (show one student, with recommendations).
// Uses the engine's computeMastery / rollUp / recommend; a build without computeMastery
// shows each student's latest evidence, saying so. Emits `evident-mastery` with the estimates.

import { fetchText, loadEvident } from "./loader.js";
import { ElementBase, emit, errorBox, h, replace, sheet } from "./dom.js";
import { stringsFor } from "./strings.js";
import { baseCss } from "./theme.js";

const css = `
.wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; background: var(--_bg); }
caption { text-align: start; font-weight: 700; font-size: 1.1em; padding: 0 0 .4em; }
th, td { border: 1px solid var(--_border); padding: .45em .6em; text-align: start; vertical-align: top; }
thead th { background: var(--evident-head, #eef2f7); }
td.mastered { background: var(--evident-mastered, #e3f4e6); }
td.developing { background: var(--evident-developing, #fff6dc); }
.value { font-weight: 600; }
.sub { display: block; font-size: .85em; color: var(--_muted); }
.student-link { border: 0; background: none; padding: 0; color: var(--_accent); text-decoration: underline; }
.recs li { margin: .5em 0; }
[part=recommendations] { margin-top: 1.2em; }
.back { display: inline-block; margin: 0 0 .6em; }
.reason { font-size: .85em; font-weight: 600; color: var(--_muted); text-transform: uppercase; letter-spacing: .03em; }
`;
let styles;

export class EvidentMastery extends ElementBase {
  static observedAttributes = ["evidence-src", "framework-src", "catalog-src", "method", "student", "locale"];

  #root;
  #generation = 0;
  #estimates = [];

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: "open" });
    styles ??= [sheet(baseCss), sheet(css)];
    this.#root.adoptedStyleSheets = styles;
  }

  /** The latest estimates shown. */
  get estimates() { return this.#estimates; }

  connectedCallback() { this.#render(); }

  attributeChangedCallback(_name, old, value) {
    if (this.isConnected && old !== value) this.#render();
  }

  get #strings() { return stringsFor(this.getAttribute("locale")); }

  async #render() {
    const generation = ++this.#generation;
    const s = this.#strings;
    replace(this.#root, h("p", { class: "muted", attrs: { role: "status" } }, s.loading));
    try {
      const evidenceSrc = this.getAttribute("evidence-src");
      const frameworkSrc = this.getAttribute("framework-src");
      const catalogSrc = this.getAttribute("catalog-src");
      if (!evidenceSrc) return;
      const [core, evidence, framework, catalog] = await Promise.all([
        loadEvident("full"),
        fetchText(new URL(evidenceSrc, document.baseURI).href, "evidence"),
        frameworkSrc ? fetchText(new URL(frameworkSrc, document.baseURI).href, "framework") : null,
        catalogSrc ? fetchText(new URL(catalogSrc, document.baseURI).href, "catalog") : null,
      ]);
      if (generation !== this.#generation) return;
      const model = buildModel(core, evidence, framework, this.getAttribute("method"));
      this.#estimates = model.estimates;
      const student = this.getAttribute("student");
      if (student) {
        const recs = recommendationsFor(core, model, catalog, student, this.getAttribute("locale"));
        replace(this.#root, model.note ? h("p", { class: "muted", part: "note" }, s[model.note]) : null, this.#studentView(model, student, recs));
      } else {
        replace(this.#root, model.note ? h("p", { class: "muted", part: "note" }, s[model.note]) : null, this.#classView(model));
      }
      emit(this, "evident-mastery", { estimates: model.estimates, student: student ?? null });
    } catch (error) {
      if (generation !== this.#generation) return;
      replace(this.#root, errorBox(error, s));
    }
  }

  #classView(model) {
    const s = this.#strings;
    if (model.students.length === 0) return h("p", {}, s.noEvidence);
    return h("div", { class: "wrap" }, h("table", { part: "table" },
      h("caption", {}, model.title ? `${s.mastery}: ${model.title}` : s.mastery),
      h("thead", {}, h("tr", {}, h("th", { attrs: { scope: "col" } }, s.student),
        model.competencies.map((c) => h("th", { attrs: { scope: "col", title: c.id } }, c.title)))),
      h("tbody", {}, model.students.map((student) => h("tr", { part: "row", attrs: { "data-student": student } },
        h("th", { attrs: { scope: "row" } }, h("button", { type: "button", class: "student-link", part: "student",
          on: { click: () => this.setAttribute("student", student) } }, student)),
        model.competencies.map((c) => this.#cell(model.byKey.get(`${student}\u0000${c.id}`), c.id)))))));
  }

  #cell(estimate, competency) {
    const s = this.#strings;
    if (!estimate) return h("td", { class: "muted", attrs: { "data-competency": competency } }, "—");
    return h("td", { class: estimate.mastered ? "mastered" : "developing", part: "cell",
      attrs: { "data-competency": competency, "data-mastered": estimate.mastered } },
      h("span", { class: "value" }, estimate.label ?? String(round(estimate.value))),
      h("span", { class: "sub" }, `${round(estimate.value)} · ${estimate.mastered ? s.mastered : s.notMastered}`));
  }

  #studentView(model, student, recs) {
    const s = this.#strings;
    const rows = model.competencies.map((c) => ({ c, e: model.byKey.get(`${student}\u0000${c.id}`) })).filter((r) => r.e);
    return h("div", { class: "wrap" },
      h("button", { type: "button", class: "student-link back", part: "back", on: { click: () => this.removeAttribute("student") } }, `← ${s.backToClass}`),
      h("table", { part: "table" },
        h("caption", {}, `${s.mastery}: ${student}`),
        h("thead", {}, h("tr", {}, [s.competency, s.mastery, s.trendHeading, s.evidenceHeading].map((t) => h("th", { attrs: { scope: "col" } }, t)))),
        h("tbody", {}, rows.map(({ c, e }) => h("tr", { attrs: { "data-competency": c.id } },
          h("th", { attrs: { scope: "row" } }, c.title, h("span", { class: "sub" }, c.id)),
          this.#cell(e, c.id),
          h("td", {}, s.trend[e.trend] ?? e.trend ?? "—"),
          h("td", {}, s.evidenceCount(e.count ?? 0)))))),
      recs && recs.length ? h("section", { part: "recommendations" }, h("h3", {}, s.recommendations),
        h("ol", { class: "recs" }, recs.map((r) => h("li", { attrs: { "data-competency": r.competency } },
          h("span", { class: "reason" }, s.reasons[r.reason] ?? r.reason), " ", h("strong", {}, r.title ?? r.competency), h("br"), r.because,
          r.tasks?.length ? h("span", { class: "sub" }, r.tasks.map((t) => t.title ?? t.id).join(" · ")) : null)))) : null);
  }
}

const DEFAULT_LEVELS = [
  { value: 1, label: "Beginning" }, { value: 2, label: "Developing" }, { value: 3, label: "Proficient" }, { value: 4, label: "Advanced" },
];

// The label of the highest scale level at or below `value`.
function labelAt(levels, value) {
  let label;
  for (const l of levels) if (l.value <= value + 1e-9) label = l.label;
  return label;
}

function round(x) {
  return Math.round(x * 100) / 100;
}

// Estimates from the engine when it has computeMastery, else each pair's latest evidence.
function buildModel(core, evidenceText, frameworkText, method) {
  const framework = frameworkText ? parseFramework(core, frameworkText) : null;
  let estimates;
  let note = null;
  if (typeof core.computeMastery === "function") {
    const options = {};
    if (method) options.method = method;
    if (framework?.scale) options.scale = framework.scale;
    const result = core.computeMastery(evidenceText, options);
    estimates = Array.isArray(result) ? result : (result.estimates ?? []);
  } else {
    estimates = latestEvidence(evidenceText, framework?.scale?.mastery ?? 3);
    note = "latestOnly";
  }
  // Parents' mastery rolled up from their children's.
  if (framework && typeof core.rollUp === "function") estimates = core.rollUp(framework, estimates);
  const scale = framework?.scale?.levels ?? DEFAULT_LEVELS;
  estimates = estimates.map((e) => (e.label ? e : { ...e, label: labelAt(scale, e.level ?? e.value) }));
  const byKey = new Map(estimates.map((e) => [`${e.student}\u0000${e.competency}`, e]));
  const students = [...new Set(estimates.map((e) => e.student))].sort((a, b) => a.localeCompare(b));
  const seen = new Set(estimates.map((e) => e.competency));
  const competencies = framework
    ? framework.competencies.filter((c) => seen.has(c.id)).map((c) => ({ id: c.id, title: c.title ?? c.id }))
    : [...seen].sort().map((id) => ({ id, title: id }));
  for (const id of seen) if (!competencies.some((c) => c.id === id)) competencies.push({ id, title: id });
  return { estimates, byKey, students, competencies, note, title: framework?.title, framework, evidenceText };
}

function parseFramework(core, text) {
  if (typeof core.parseFramework === "function") return core.parseFramework(text);
  return JSON.parse(text);
}

function recommendationsFor(core, model, catalogText, student, locale) {
  if (!model.framework || typeof core.recommend !== "function") return null;
  const options = { student, evidence: evidenceOf(model.evidenceText, student) };
  if (locale) options.locale = locale;
  if (catalogText) options.catalog = JSON.parse(catalogText);
  const result = core.recommend(model.framework, model.estimates, options);
  return Array.isArray(result) ? result : (result.recommendations ?? []);
}

// One student's evidence records (recommendations use their dates to spot stale mastery).
function evidenceOf(text, student) {
  return text.split(/\r?\n/).filter((line) => line.trim()).map((line) => JSON.parse(line)).filter((r) => r.student === student);
}

// Each (student, competency)'s latest record, in the shape of an estimate.
function latestEvidence(text, mastery) {
  const latest = new Map();
  const counts = new Map();
  text.split(/\r?\n/).forEach((line, index) => {
    if (!line.trim()) return;
    let record;
    try { record = JSON.parse(line); } catch (error) {
      throw Object.assign(new Error(`line ${index + 1}: not JSON (${error.message})`), { name: "EvidentError", problems: [{ path: `[${index}]`, message: `line ${index + 1} is not JSON` }] });
    }
    const key = `${record.student}\u0000${record.competency}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    const before = latest.get(key);
    if (!before || String(record.at) >= String(before.at)) latest.set(key, record);
  });
  return [...latest.entries()].map(([key, r]) => ({
    student: r.student, competency: r.competency, value: r.value, level: r.value, mastered: r.value >= mastery,
    count: counts.get(key), trend: "unknown", lastAt: r.at,
  }));
}
