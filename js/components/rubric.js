// <evident-rubric>: a rubric rendered as a table, for teachers (descriptors, indicators,
// weights and lint advice; it loads the full build, which lints) or, with audience="student",
// in the student wording ("I can…", the student build only).
// Attributes: src or rubric-src (URL of a rubric JSON), audience, locale. Property `rubric`
// takes an object or JSON string. A bad rubric shows every problem with its JSON path.
// Emits `evident-lint` ({errors, advice}) after each render.

import { fetchText, loadEvident } from "./loader.js";
import { ElementBase, emit, errorBox, h, replace, sheet } from "./dom.js";
import { stringsFor } from "./strings.js";
import { baseCss } from "./theme.js";

const css = `
.wrap { overflow-x: auto; position: relative; }
.wrap:focus-visible { outline: 3px solid var(--_accent); }
table { border-collapse: collapse; width: 100%; background: var(--_bg); }
caption { text-align: start; font-weight: 700; font-size: 1.1em; padding: 0 0 .4em; }
table { font-size: .92em; }
th, td { border: 1px solid var(--_border); padding: .5em .6em; vertical-align: top; text-align: start; }
thead th { background: var(--evident-head, #eef2f7); }
th[scope=row] { min-width: 9em; }
.meta, .needs { display: block; font-size: .88em; color: var(--_muted); font-weight: 400; margin-top: .3em; }
.description { margin: 0 0 .6em; }
.advice { margin-top: 1em; }
.advice li code { margin-right: .4em; }
.code { font-size: .85em; color: var(--_muted); }
`;
let styles;

export class EvidentRubric extends ElementBase {
  static observedAttributes = ["src", "rubric-src", "audience", "locale"];

  #root;
  #rubricInput = null;
  #generation = 0;
  #lint = null;
  #rubric = null;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: "open" });
    styles ??= [sheet(baseCss), sheet(css)];
    this.#root.adoptedStyleSheets = styles;
  }

  /** The rubric with defaults filled (null while loading or when it is not valid). */
  get rubric() { return this.#rubric; }
  set rubric(value) {
    this.#rubricInput = value;
    if (this.isConnected) this.#render();
  }
  /** The latest lint result: `{errors, advice}`. */
  get lint() { return this.#lint; }

  connectedCallback() { this.#render(); }

  attributeChangedCallback(_name, old, value) {
    if (this.isConnected && old !== value) this.#render();
  }

  get #strings() { return stringsFor(this.getAttribute("locale") || this.#rubric?.locale); }
  get #teacher() { return this.getAttribute("audience") !== "student"; }

  async #render() {
    const generation = ++this.#generation;
    // A teacher sees advice on the rubric, from the full build's lint; a student sees the
    // rubric only, from the student build (which has no lint).
    const teacher = this.#teacher;
    try {
      const [core, source] = await Promise.all([loadEvident(teacher ? "full" : undefined), this.#source()]);
      if (generation !== this.#generation || source === null) return;
      let engine;
      try {
        engine = new core.Engine(source);
      } catch (error) {
        // The engine's own error, so the message and paths are the ones a caller would catch.
        this.#rubric = null;
        this.#lint = { errors: error?.problems ?? [{ path: "", message: String(error?.message ?? error) }], advice: [] };
        replace(this.#root, errorBox(error, this.#strings));
        emit(this, "evident-lint", this.#lint);
        return;
      }
      try {
        this.#lint = teacher ? engine.lint() : { errors: [], advice: [] };
        this.#rubric = engine.rubric;
      } finally {
        engine.free();
      }
      // The engine's advice is in English; in Spanish it is said with the studio's words for
      // each advice code (loaded only here, by teacher views in Spanish).
      let say = null;
      if (teacher && this.#strings.lang === "es" && this.#lint.advice.length > 0) {
        const { editorStrings } = await import("./rubric-editor-strings.js");
        if (generation !== this.#generation) return;
        say = (a) => editorStrings("es").adviceText(a.code, a.message);
      }
      replace(this.#root, this.#table(this.#rubric), teacher ? this.#advice(this.#lint.advice, say) : null);
      emit(this, "evident-lint", this.#lint);
    } catch (error) {
      if (generation !== this.#generation) return;
      this.#rubric = null;
      replace(this.#root, errorBox(error, this.#strings));
    }
  }

  async #source() {
    if (this.#rubricInput !== null && this.#rubricInput !== undefined) return this.#rubricInput;
    const src = this.getAttribute("rubric-src") || this.getAttribute("src");
    if (!src) return null;
    return fetchText(new URL(src, document.baseURI).href, "rubric");
  }

  #table(rubric) {
    const s = this.#strings;
    const teacher = this.#teacher;
    const scale = rubric.scale.levels;
    const kind = rubric.kind;
    // A single-point rubric describes only proficient work (and beyond): no columns below it.
    const columns = kind === "checklist" ? [] : kind === "singlePoint" ? scale.filter((l) => l.value >= rubric.scale.mastery) : scale;
    const head = h("tr", {}, h("th", { attrs: { scope: "col" } }, s.criterion),
      kind === "checklist" ? h("th", { attrs: { scope: "col" } }, s.points)
        : columns.map((l) => h("th", { attrs: { scope: "col" } }, `${l.label} (${l.value})`)));
    const rows = rubric.criteria.map((c) => {
      const meta = teacher ? h("span", { class: "meta" }, [c.competency, `${s.weight} ${c.weight}`].filter(Boolean).join(" · ")) : null;
      const rowHead = h("th", { attrs: { scope: "row" } }, c.title, c.description ? h("span", { class: "meta" }, c.description) : null, meta);
      if (kind === "checklist") {
        return h("tr", { part: "row" }, rowHead, h("td", {}, h("ul", {}, (c.indicators ?? []).map((i) =>
          h("li", {}, i.label ?? i.hint ?? i.id, i.points !== undefined ? ` (${i.points})` : "")))));
      }
      const cells = columns.map((scaleLevel) => {
        const level = levelAt(c, scaleLevel.value, rubric.scale);
        if (!level) return h("td", { class: "muted" }, "—");
        const words = teacher ? level.descriptor : (level.student ?? level.descriptor);
        const needs = teacher && level.requires?.length
          ? h("span", { class: "needs" }, `${s.needs}: ${level.requires.map((id) => indicatorName(c, id)).join(", ")}`) : null;
        const points = teacher && level.points !== undefined ? h("span", { class: "meta" }, s.pointCount(level.points)) : null;
        return h("td", { part: "cell", attrs: { "data-level": scaleLevel.value } }, words, needs, points);
      });
      return h("tr", { part: "row", attrs: { "data-criterion": c.id } }, rowHead, cells);
    });
    // A scroll region of its own (reachable by keyboard) when the table is wider than the page.
    return h("div", { class: "wrap", part: "wrap", attrs: { role: "region", tabindex: "0", "aria-label": `${s.rubric}: ${rubric.title}` } },
      rubric.description ? h("p", { class: "description", part: "description" }, rubric.description) : null,
      h("table", { part: "table" }, h("caption", { part: "caption" }, rubric.title), h("thead", {}, head), h("tbody", {}, rows)));
  }

  // `say(advice)`: the advice in the element's language, or null to show the engine's English
  // (marked as English, so a screen reader reads it as such).
  #advice(advice, say) {
    const s = this.#strings;
    const message = (a) => {
      const said = say?.(a);
      return said ?? (s.lang === "en" ? a.message : h("span", { attrs: { lang: "en" } }, a.message));
    };
    return h("section", { class: "advice", part: "advice" },
      h("h3", {}, s.advice),
      advice.length === 0 ? h("p", { class: "muted" }, s.noAdvice)
        : h("ul", {}, advice.map((a) => h("li", { attrs: { "data-code": a.code } },
          a.path ? h("code", { class: "path", part: "path" }, a.path) : null, message(a), " ",
          h("span", { class: "code" }, `(${a.code})`)))));
  }
}

// A level of the criterion for this scale value; single-point criteria map their
// proficient/advanced descriptors onto the mastery level and the one above.
function levelAt(criterion, value, scale) {
  const level = criterion.levels?.find((l) => l.value === value);
  if (level) return level;
  const top = scale.levels[scale.levels.length - 1]?.value;
  if (criterion.proficient && value === scale.mastery) return criterion.proficient;
  if (criterion.advanced && value === top && top !== scale.mastery) return criterion.advanced;
  return null;
}

function indicatorName(criterion, id) {
  const indicator = criterion.indicators?.find((i) => i.id === id);
  return indicator?.label ?? id;
}
