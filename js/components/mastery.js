// <evident-mastery>: a class (students × competencies) or one student's mastery view.
// Attributes: evidence-src (URL of evidence JSON Lines), framework-src (URL of a framework
// JSON, for competency titles, order, parents, roll-up and recommendations), catalog-src (URL
// of a task catalog, for the tasks recommendations suggest), roster-src (URL of a roster: CSV
// `id,name` or JSON `[{id, name}]`, for display names), method (a mastery method such as
// decayingAverage; default the engine's), student (show one student, with recommendations),
// audience ("teacher", the default, or "student": the student's own view speaks to them),
// locale.
// One rule decides a cell's colour, its label and "mastered", and the view states it: a
// competency is mastered at the framework's mastery level or above (its label is the scale
// level of its estimate); a parent by its roll-up rule over its parts ("2 of its 3 parts").
// Uses the engine's computeMastery / rollUp / recommend; a build without computeMastery
// shows each student's latest evidence, saying so. Emits `evident-mastery` with the estimates.

import { fetchText, loadEvident } from "./loader.js";
import { ElementBase, emit, errorBox, h, replace, sheet } from "./dom.js";
import { stringsFor } from "./strings.js";
import { baseCss } from "./theme.js";

const css = `
.wrap { position: relative; overflow: auto; max-width: 100%; max-height: var(--evident-mastery-height, 75vh); border: 1px solid var(--_border); border-radius: 6px; }
.wrap:focus-visible { outline: 3px solid var(--_accent); }
table { border-collapse: separate; border-spacing: 0; width: 100%; background: var(--_bg); }
caption { text-align: start; font-weight: 700; font-size: 1.1em; padding: .4em .5em; }
th, td { border-right: 1px solid var(--_border); border-bottom: 1px solid var(--_border); padding: .45em .6em; text-align: start; vertical-align: top; }
thead th { background: var(--evident-head, #eef2f7); position: sticky; top: 0; z-index: 1; }
thead tr:nth-child(2) th { top: var(--_head1, 2.4em); }
thead th.group { text-align: center; border-bottom: 2px solid var(--_accent); }
th.parent, td.parent { border-left: 2px solid var(--_accent); }
tbody th[scope=row], thead th.corner { position: sticky; left: 0; background: var(--_bg); z-index: 2; min-width: 8em; max-width: 12em; }
thead th.corner { z-index: 3; background: var(--evident-head, #eef2f7); }
td.mastered { background: var(--evident-mastered, #e3f4e6); }
td.developing { background: var(--evident-developing, #fff6dc); }
td.none { color: var(--_muted); }
.value { font-weight: 600; }
.sub { display: block; font-size: .85em; color: var(--_muted); }
td.mastered .sub, td.developing .sub { color: #3d434a; }
.student-link { border: 0; background: none; padding: 0; color: var(--_accent); text-decoration: underline; text-align: start; }
.rule { margin: .3em 0; }
.rules { margin: .3em 0 .6em; }
.legend { display: flex; flex-wrap: wrap; gap: .4em 1.2em; list-style: none; padding: 0; margin: .4em 0 .8em; }
.legend li { display: flex; align-items: center; gap: .4em; margin: 0; }
.swatch { display: inline-block; width: 1.2em; height: 1.2em; border: 1px solid var(--_border); border-radius: 3px; }
.swatch.mastered { background: var(--evident-mastered, #e3f4e6); }
.swatch.developing { background: var(--evident-developing, #fff6dc); }
details.evidence summary { cursor: pointer; font-size: .85em; color: var(--_accent); text-decoration: underline; }
details.evidence ul { padding-left: 1.1em; font-size: .85em; }
.recs li { margin: .5em 0; }
[part=recommendations] { margin-top: 1.2em; }
.back { display: inline-block; margin: 0 0 .6em; }
.reason { font-weight: 700; }
`;
let styles;

const words = {
  en: {
    rule: (label, value) => `Mastered: level ${label} (${value}) or above. A cell's colour, its level and “mastered” all follow this one rule.`,
    parentRule: (title, rule) => `${title}: ${rule}.`,
    rollup: { all: (n) => `mastered when all ${n} of its parts are`, atLeast: (k, n) => `mastered when ${k} of its ${n} parts are`, average: (label) => `mastered when the average of its parts is ${label} or above` },
    partsMastered: (k, n) => `${k} of ${n} parts mastered`,
    legendMastered: (label) => `Mastered (${label} or above)`,
    legendNotYet: "Not yet mastered",
    legendNone: "— No evidence yet",
    overall: "overall",
    evidence: (n) => `${n} piece${n === 1 ? "" : "s"} of evidence`,
    evidenceItem: (e, title) => `${e.at.slice(0, 10)}: level ${e.value}${title ? ` (${title})` : ""}${e.source?.task ? `, task ${e.source.task}` : ""}${e.source?.criterion ? `, criterion ${e.source.criterion}` : ""}`,
    region: "Class mastery grid; scroll sideways to see every competency",
    teacherReasons: { ready: "Ready to learn", nearMastery: "Close to mastering", reinforce: "Worth reinforcing", keepWorking: "Keep working on" },
    studentReasons: { ready: "You're ready to learn", nearMastery: "You're close to mastering", reinforce: "Time to practise again", keepWorking: "Keep working on" },
    studentCaption: "My mastery",
    studentIntro: "This is what your work so far shows. Each piece of work you do adds to it.",
    teacherCaption: (name) => `Mastery: ${name}`,
    teacherRecs: (name) => `What ${name} could work on next`,
    studentRecs: "What you could work on next",
    tasks: "Tasks",
    studentSays: "The student reads:",
    yourLevel: (label) => `You are at ${label}`,
    mastered: "mastered",
    notYet: "not yet",
  },
  es: {
    rule: (label, value) => `Dominado: nivel ${label} (${value}) o superior. El color de cada celda, su nivel y “dominado” siguen esta única regla.`,
    parentRule: (title, rule) => `${title}: ${rule}.`,
    rollup: { all: (n) => `dominada cuando lo están sus ${n} partes`, atLeast: (k, n) => `dominada cuando lo están ${k} de sus ${n} partes`, average: (label) => `dominada cuando el promedio de sus partes es ${label} o más` },
    partsMastered: (k, n) => `${k} de ${n} partes dominadas`,
    legendMastered: (label) => `Dominado (${label} o más)`,
    legendNotYet: "Todavía no dominado",
    legendNone: "— Aún sin evidencia",
    overall: "en conjunto",
    evidence: (n) => `${n} evidencia${n === 1 ? "" : "s"}`,
    evidenceItem: (e, title) => `${e.at.slice(0, 10)}: nivel ${e.value}${title ? ` (${title})` : ""}${e.source?.task ? `, tarea ${e.source.task}` : ""}${e.source?.criterion ? `, criterio ${e.source.criterion}` : ""}`,
    region: "Tabla de dominio de la clase; desplázate a los lados para ver cada competencia",
    teacherReasons: { ready: "Listo para aprender", nearMastery: "Cerca de dominar", reinforce: "Conviene reforzar", keepWorking: "Seguir trabajando" },
    studentReasons: { ready: "Estás listo para aprender", nearMastery: "Estás cerca de dominar", reinforce: "Es hora de practicar de nuevo", keepWorking: "Sigue trabajando en" },
    studentCaption: "Mi dominio",
    studentIntro: "Esto es lo que muestra tu trabajo hasta ahora. Cada trabajo que haces se suma.",
    teacherCaption: (name) => `Dominio: ${name}`,
    teacherRecs: (name) => `En qué podría trabajar ${name}`,
    studentRecs: "En qué podrías trabajar ahora",
    tasks: "Tareas",
    studentSays: "El estudiante lee:",
    yourLevel: (label) => `Estás en ${label}`,
    mastered: "dominado",
    notYet: "todavía no",
  },
};

export class EvidentMastery extends ElementBase {
  static observedAttributes = ["evidence-src", "framework-src", "catalog-src", "roster-src", "method", "student", "audience", "locale"];

  #root;
  #generation = 0;
  #estimates = [];

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: "open" });
    styles ??= [sheet(baseCss), sheet(css)];
    this.#root.adoptedStyleSheets = styles;
  }

  /** The latest estimates shown (with `mastered` as the view decides it). */
  get estimates() { return this.#estimates; }

  connectedCallback() { this.#render(); }

  attributeChangedCallback(_name, old, value) {
    if (this.isConnected && old !== value) this.#render();
  }

  get #strings() { return stringsFor(this.getAttribute("locale")); }
  get #words() { return String(this.getAttribute("locale") || "").toLowerCase().startsWith("es") ? words.es : words.en; }

  async #render() {
    const generation = ++this.#generation;
    const s = this.#strings;
    if (!this.#root.firstChild) replace(this.#root, h("p", { class: "muted" }, s.loading));
    try {
      const evidenceSrc = this.getAttribute("evidence-src");
      const frameworkSrc = this.getAttribute("framework-src");
      const catalogSrc = this.getAttribute("catalog-src");
      const rosterSrc = this.getAttribute("roster-src");
      if (!evidenceSrc) return;
      const url = (src) => new URL(src, document.baseURI).href;
      const [core, evidence, framework, catalog, roster] = await Promise.all([
        loadEvident("full"),
        fetchText(url(evidenceSrc), "evidence"),
        frameworkSrc ? fetchText(url(frameworkSrc), "framework") : null,
        catalogSrc ? fetchText(url(catalogSrc), "catalog") : null,
        rosterSrc ? fetch(url(rosterSrc)).then((r) => (r.ok ? r.text() : null)).catch(() => null) : null,
      ]);
      if (generation !== this.#generation) return;
      const model = buildModel(core, evidence, framework, this.getAttribute("method"), roster);
      this.#estimates = model.estimates;
      const student = this.getAttribute("student");
      const note = model.note ? h("p", { class: "muted", part: "note" }, s[model.note]) : null;
      if (student) {
        const recs = recommendationsFor(core, model, catalog, student, this.getAttribute("locale"));
        replace(this.#root, note, this.#studentView(model, student, recs));
      } else {
        replace(this.#root, note, this.#rules(model), this.#legend(model), this.#classView(model));
        this.#measureHead();
      }
      emit(this, "evident-mastery", { estimates: model.estimates, student: student ?? null, names: Object.fromEntries(model.names) });
    } catch (error) {
      if (generation !== this.#generation) return;
      replace(this.#root, errorBox(error, s));
    }
  }

  // The second header row sticks below the first, whatever height the first has.
  #measureHead() {
    const first = this.#root.querySelector("thead tr");
    if (first) requestAnimationFrame(() => this.#root.querySelector("table")?.style.setProperty("--_head1", `${first.getBoundingClientRect().height}px`));
  }

  #rules(model) {
    const w = this.#words;
    const parents = model.competencies.filter((c) => c.children.length);
    return h("div", { class: "rules", part: "rules" },
      h("p", { class: "rule", part: "rule" }, w.rule(model.masteryLabel, model.mastery)),
      parents.length ? h("ul", {}, parents.map((p) => h("li", { attrs: { "data-competency": p.id } }, w.parentRule(p.title, ruleWords(w, model, p))))) : null);
  }

  #legend(model) {
    const w = this.#words;
    return h("ul", { class: "legend", part: "legend", attrs: { "aria-label": "Legend" } },
      h("li", {}, h("span", { class: "swatch mastered", attrs: { "aria-hidden": "true" } }), `✓ ${w.legendMastered(model.masteryLabel)}`),
      h("li", {}, h("span", { class: "swatch developing", attrs: { "aria-hidden": "true" } }), w.legendNotYet),
      h("li", {}, w.legendNone));
  }

  #classView(model) {
    const s = this.#strings;
    const w = this.#words;
    if (model.students.length === 0) return h("p", {}, s.noEvidence);
    // Columns: each parent's own (roll-up) column, then its children; lone competencies after.
    const groups = model.groups;
    const twoRows = groups.some((g) => g.children.length);
    const headTop = h("tr", {}, h("th", { class: "corner", attrs: { scope: "col", rowspan: twoRows ? 2 : null } }, s.student),
      groups.map((g) => g.children.length
        ? h("th", { class: "group parent", attrs: { scope: "colgroup", colspan: g.children.length + 1, title: g.id } }, g.title)
        : h("th", { attrs: { scope: "col", rowspan: twoRows ? 2 : null, title: g.id, "data-competency": g.id } }, g.title)));
    const headSub = twoRows ? h("tr", {}, groups.filter((g) => g.children.length).flatMap((g) => [
      h("th", { class: "parent", attrs: { scope: "col", "data-competency": g.id } }, `${g.title} (${w.overall})`),
      ...g.children.map((c) => h("th", { attrs: { scope: "col", title: c.id, "data-competency": c.id } }, c.title))])) : null;
    const columns = groups.flatMap((g) => (g.children.length ? [g, ...g.children] : [g]));
    return h("div", { class: "wrap", part: "grid", attrs: { role: "region", tabindex: "0", "aria-label": w.region } }, h("table", { part: "table" },
      h("caption", {}, model.title ? `${s.mastery}: ${model.title}` : s.mastery),
      h("thead", {}, headTop, headSub),
      h("tbody", {}, model.students.map((student) => h("tr", { part: "row", attrs: { "data-student": student } },
        h("th", { attrs: { scope: "row" } }, h("button", { type: "button", class: "student-link", part: "student",
          on: { click: () => this.setAttribute("student", student) } }, model.names.get(student) ?? student)),
        columns.map((c) => this.#cell(model, student, c)))))));
  }

  #cell(model, student, competency) {
    const w = this.#words;
    const estimate = model.byKey.get(`${student}\u0000${competency.id}`);
    const parent = competency.children?.length > 0;
    if (!estimate) return h("td", { class: `none${parent ? " parent" : ""}`, attrs: { "data-competency": competency.id } }, "—");
    const mastered = estimate.mastered;
    const records = model.evidenceBy.get(`${student}\u0000${competency.id}`) ?? [];
    let main;
    let sub;
    if (parent) {
      const parts = competency.children.map((c) => model.byKey.get(`${student}\u0000${c.id}`)).filter(Boolean);
      main = w.partsMastered(parts.filter((p) => p.mastered).length, competency.children.length);
      sub = `${mastered ? "✓ " : ""}${mastered ? w.mastered : w.notYet}`;
    } else {
      main = estimate.label ?? String(round(estimate.value));
      sub = `${mastered ? "✓ " : ""}${mastered ? w.mastered : w.notYet} · ${round(estimate.value)}`;
    }
    return h("td", { class: `${mastered ? "mastered" : "developing"}${parent ? " parent" : ""}`, part: "cell",
      attrs: { "data-competency": competency.id, "data-mastered": mastered, "data-level": estimate.level } },
      h("span", { class: "value" }, main),
      h("span", { class: "sub" }, sub),
      records.length ? h("details", { class: "evidence", part: "evidence" },
        h("summary", {}, w.evidence(records.length)),
        h("ul", {}, records.map((r) => h("li", {}, w.evidenceItem(r, model.levelLabel(r.value)))))) : null);
  }

  #studentView(model, student, recs) {
    const s = this.#strings;
    const w = this.#words;
    const own = this.getAttribute("audience") === "student";
    const name = model.names.get(student) ?? student;
    const rows = model.competencies.map((c) => ({ c, e: model.byKey.get(`${student}\u0000${c.id}`) })).filter((r) => r.e);
    const reasons = own ? w.studentReasons : w.teacherReasons;
    return h("div", {},
      own ? null : h("button", { type: "button", class: "student-link back", part: "back", on: { click: () => this.removeAttribute("student") } }, `← ${s.backToClass}`),
      own ? h("p", { part: "intro" }, w.studentIntro) : this.#rules(model),
      h("div", { class: "wrap", attrs: { role: "region", tabindex: "0", "aria-label": own ? w.studentCaption : w.teacherCaption(name) } }, h("table", { part: "table" },
        h("caption", {}, own ? `${w.studentCaption} (${name})` : w.teacherCaption(name)),
        h("thead", {}, h("tr", {}, [s.competency, s.mastery, s.trendHeading, s.evidenceHeading].map((t) => h("th", { attrs: { scope: "col" } }, t)))),
        h("tbody", {}, rows.map(({ c, e }) => h("tr", { attrs: { "data-competency": c.id } },
          h("th", { attrs: { scope: "row" } }, c.title, h("span", { class: "sub" }, c.id)),
          this.#cell(model, student, c),
          h("td", {}, s.trend[e.trend] ?? e.trend ?? "—"),
          h("td", {}, s.evidenceCount(e.count ?? 0))))))),
      recs && recs.length ? h("section", { part: "recommendations" }, h("h3", {}, own ? w.studentRecs : w.teacherRecs(name)),
        h("ol", { class: "recs" }, recs.map((r) => {
          const estimate = model.byKey.get(`${student}\u0000${r.competency}`);
          // "Close to mastering" only when the student is one level below mastery: never to someone at the first level.
          const reason = r.reason === "nearMastery" && estimate && estimate.level < model.mastery - 1 ? "keepWorking" : r.reason;
          const title = r.title ?? model.competencies.find((c) => c.id === r.competency)?.title ?? r.competency;
          return h("li", { attrs: { "data-competency": r.competency, "data-reason": reason } },
            h("span", { class: "reason" }, `${reasons[reason] ?? reason}: `), h("strong", {}, title),
            own ? (r.because ? h("span", { class: "sub" }, r.because) : null) : (r.because ? h("span", { class: "sub" }, `${w.studentSays} “${r.because}”`) : null),
            r.tasks?.length ? h("span", { class: "sub" }, `${w.tasks}: ${r.tasks.map((t) => t.title ?? t.id).join(" · ")}`) : null);
        }))) : null);
  }
}

function ruleWords(w, model, parent) {
  const n = parent.children.length;
  const rule = parent.rollup ?? model.framework?.rollup ?? "allChildren";
  if (rule && typeof rule === "object" && rule.atLeast) return w.rollup.atLeast(rule.atLeast, n);
  if (rule === "average") return w.rollup.average(model.masteryLabel);
  return w.rollup.all(n);
}

const DEFAULT_SCALE = { levels: [{ value: 1, label: "Beginning" }, { value: 2, label: "Developing" }, { value: 3, label: "Proficient" }, { value: 4, label: "Advanced" }], mastery: 3 };

// The label of the highest scale level at or below `value`, and that level's value.
function levelAt(levels, value) {
  let found = levels[0];
  for (const l of levels) if (l.value <= value + 1e-9) found = l;
  return found;
}

function round(x) {
  return Math.round(x * 100) / 100;
}

// Estimates from the engine when it has computeMastery, else each pair's latest evidence;
// then the one rule: a competency's level is the scale level of its value, mastered at the
// mastery level or above; a parent keeps its roll-up verdict (a rule over its parts).
function buildModel(core, evidenceText, frameworkText, method, rosterText) {
  const framework = frameworkText ? parseFramework(core, frameworkText) : null;
  const scale = framework?.scale ?? DEFAULT_SCALE;
  const mastery = scale.mastery ?? 3;
  let estimates;
  let note = null;
  if (typeof core.computeMastery === "function") {
    const options = {};
    if (method) options.method = method;
    if (framework?.scale) options.scale = framework.scale;
    const result = core.computeMastery(evidenceText, options);
    estimates = Array.isArray(result) ? result : (result.estimates ?? []);
  } else {
    estimates = latestEvidence(evidenceText, mastery);
    note = "latestOnly";
  }
  const parentIds = new Set((framework?.competencies ?? []).map((c) => c.parent).filter(Boolean));
  const isProbability = method === "bkt";
  estimates = estimates.map((e) => {
    if (parentIds.has(e.competency) || isProbability) return { ...e, label: e.label ?? levelAt(scale.levels, e.level ?? e.value).label };
    const level = levelAt(scale.levels, e.value);
    return { ...e, level: level.value, label: level.label, mastered: level.value >= mastery };
  });
  // Parents' mastery rolled up from their children's (after the rule, so parents count the same verdicts the cells show).
  if (framework && typeof core.rollUp === "function") {
    const leaves = estimates.filter((e) => !parentIds.has(e.competency));
    estimates = core.rollUp(framework, leaves);
  }
  const byKey = new Map(estimates.map((e) => [`${e.student}\u0000${e.competency}`, e]));
  const records = parseLines(evidenceText);
  const names = new Map();
  for (const r of records) { const name = r.name ?? r.studentName; if (name && !names.has(r.student)) names.set(r.student, String(name)); }
  for (const [id, name] of parseRoster(rosterText)) names.set(id, name);
  const evidenceBy = new Map();
  for (const r of records.slice().sort((a, b) => String(a.at).localeCompare(String(b.at)))) {
    const key = `${r.student}\u0000${r.competency}`;
    if (!evidenceBy.has(key)) evidenceBy.set(key, []);
    evidenceBy.get(key).push(r);
  }
  const students = [...new Set(estimates.map((e) => e.student))].sort((a, b) => (names.get(a) ?? a).localeCompare(names.get(b) ?? b) || a.localeCompare(b));
  const seen = new Set(estimates.map((e) => e.competency));
  const all = framework
    ? framework.competencies.filter((c) => seen.has(c.id)).map((c) => ({ id: c.id, title: c.title ?? c.id, parent: c.parent, rollup: c.rollup }))
    : [...seen].sort().map((id) => ({ id, title: id }));
  for (const id of seen) if (!all.some((c) => c.id === id)) all.push({ id, title: id });
  for (const c of all) c.children = all.filter((x) => x.parent === c.id);
  const groups = all.filter((c) => !c.parent || !all.some((p) => p.id === c.parent));
  // In the student view, a parent comes before its children.
  const competencies = groups.flatMap((g) => [g, ...g.children]);
  const masteryLevel = scale.levels.find((l) => l.value === mastery);
  return {
    estimates, byKey, students, competencies, groups, note, title: framework?.title, framework, evidenceText, names, evidenceBy,
    mastery, masteryLabel: masteryLevel?.label ?? String(mastery), levelLabel: (v) => scale.levels.find((l) => l.value === v)?.label,
  };
}

function parseFramework(core, text) {
  if (typeof core.parseFramework === "function") return core.parseFramework(text);
  return JSON.parse(text);
}

function parseLines(text) {
  const out = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim()) continue;
    try { out.push(JSON.parse(line)); } catch { /* the engine reports bad lines */ }
  }
  return out;
}

/** A roster's id → name pairs: CSV with a header naming `id` and `name` columns, or JSON `[{id, name}]`. */
export function parseRoster(text) {
  if (!text) return [];
  const trimmed = text.trim();
  if (trimmed.startsWith("[")) {
    try { return JSON.parse(trimmed).filter((r) => r && r.id && r.name).map((r) => [String(r.id), String(r.name)]); } catch { return []; }
  }
  const lines = trimmed.split(/\r?\n/).map((l) => l.split(/[,;\t]/).map((c) => c.trim().replace(/^"|"$/g, "")));
  const header = lines[0].map((c) => c.toLowerCase());
  const id = header.findIndex((c) => c === "id" || c === "student");
  const name = header.findIndex((c) => c === "name" || c === "display name");
  if (id < 0 || name < 0) return [];
  return lines.slice(1).filter((l) => l[id] && l[name]).map((l) => [l[id], l[name]]);
}

function recommendationsFor(core, model, catalogText, student, locale) {
  if (!model.framework || typeof core.recommend !== "function") return null;
  const options = { student, evidence: parseLines(model.evidenceText).filter((r) => r.student === student) };
  if (locale) options.locale = locale;
  if (catalogText) options.catalog = JSON.parse(catalogText);
  const result = core.recommend(model.framework, model.estimates, options);
  return Array.isArray(result) ? result : (result.recommendations ?? []);
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
