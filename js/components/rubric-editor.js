// <evident-rubric-editor>: a rubric built as a form, for teachers who never write JSON: the
// grid of criteria × levels, look-fors as small forms, English and Spanish side by side,
// problems in plain words at their field, undo and redo, a JSON view kept in step both ways.
// It is thin: the engine (lintRubric, Engine) validates, lints and scores; the document
// operations live in rubric-editor-model.js and the check forms in rubric-editor-checks.js.
// Property `rubric` (get/set, the full rubric, translations included); `samples` (answers to
// count look-for matches on: strings, submissions or calibration samples); `rubricFor(locale)`
// (the rubric in one language, for previews); `lastValid`; `applyEdit(fn, what)` (one undoable
// change, for calibration suggestions). Events: `change` ({rubric, valid, errors, advice},
// after each validated edit) and `evident-lookfor` ({criterion, indicator, matches}).

import { loadEvident } from "./loader.js";
import { ElementBase, emit, h, markedText, replace, sheet } from "./dom.js";
import { baseCss } from "./theme.js";
import { CHECK_TYPES, checkForm, defaultCheck, setNumber } from "./rubric-editor-checks.js";
import {
  addLevel, blankRubric, cellsOf, clone, duplicateCriterion, fixSmartQuotes, forLocale, hasSmartQuotes, isLocalized,
  lineColumn, missingTranslations, move, moveLevel, newCriterion, newIndicator, pathInWords, plainMessage, removeLevel,
  scaleOf, textIn, uniqueId, withText,
} from "./rubric-editor-model.js";
import { editorCss } from "./rubric-editor-style.js";

const LANGUAGES = { en: "English", es: "Spanish" };
let styles;

export class EvidentRubricEditor extends ElementBase {
  #root;
  #doc = blankRubric();
  #history = [];
  #at = -1;
  #dirty = false;
  #commitTimer = 0;
  #lintTimer = 0;
  #core = null;
  #supports = new Set();
  #lint = { errors: [], advice: [] };
  #lastValid = null;
  // JSON paths of the fields the teacher has left since the rubric was loaded: an empty field
  // not yet visited is "to do", not a problem (a blank rubric opens without a wall of red).
  #visited = new Set();
  #samples = [];
  #matches = new Map();
  #selected = null;
  #mode = "form";
  #jsonProblem = null;
  #form;
  #jsonView;
  #status;
  #summary;
  #samplesView;
  #announce;
  #ready;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: "open" });
    styles ??= [sheet(baseCss), sheet(editorCss)];
    this.#root.adoptedStyleSheets = styles;
    this.#commit();
  }

  connectedCallback() {
    if (this.#form) return;
    this.#build();
    this.#ready = loadEvident("full").then((core) => {
      this.#core = core;
      this.#probe();
      this.#render();
      this.#validate();
    }).catch((error) => { this.#status.textContent = error.message; });
  }

  /** Resolves once the engine is loaded and the first validation is done. */
  get ready() { return this.#ready ?? Promise.resolve(); }

  /** The rubric as edited (a copy), with its translations. */
  get rubric() { return clone(this.#doc); }
  set rubric(value) {
    const doc = typeof value === "string" ? JSON.parse(value) : clone(value);
    this.#load(doc ?? blankRubric(), "Rubric loaded.");
  }

  /** The last rubric the engine accepted (a copy), or null. */
  get lastValid() { return clone(this.#lastValid); }
  /** The latest lint: `{errors, advice}` (errors empty when the rubric is valid). */
  get lint() { return this.#lint; }
  /** The rubric in one language (localized texts resolved), as previews and older engines take it. */
  rubricFor(locale) { return forLocale(this.#doc, locale ?? this.#doc.locale ?? "en"); }
  /** The last valid rubric in one language. */
  lastValidFor(locale) { return this.#lastValid ? forLocale(this.#lastValid, locale ?? this.#lastValid.locale ?? "en") : null; }
  /** What the engine is given: the rubric itself when it takes localized texts, else its default language. */
  get #forEngine() { return this.#supports.has("localized") ? this.#doc : forLocale(this.#doc, this.#doc.locale ?? "en"); }

  /** Sample answers for live match counts: strings, submissions or `{submission, teacher}` samples. */
  get samples() { return this.#samples.map((s) => s.submission); }
  set samples(list) {
    this.#samples = (list ?? []).map((s, index) => {
      const submission = typeof s === "string" ? { responses: { response: s } } : s.submission ?? s;
      return { index, submission, text: submission.responses?.response ?? Object.values(submission.responses ?? {})[0] ?? "", student: submission.student };
    });
    this.#countMatches();
    if (this.#form) { this.#render(); }
  }

  /** One undoable change made from outside (a calibration suggestion accepted): `fn(rubric)` edits it in place. */
  applyEdit(fn, what = "Change applied.") {
    this.#flush();
    fn(this.#doc);
    this.#structural(null, what);
  }

  undo() { this.#flush(); if (this.#at > 0) this.#restore(--this.#at, "Undone."); }
  redo() { if (this.#at < this.#history.length - 1) this.#restore(++this.#at, "Redone."); }
  get canUndo() { return this.#at > 0 || this.#dirty; }
  get canRedo() { return this.#at < this.#history.length - 1; }

  // -------------------------------------------------------------------------------------
  // State

  #load(doc, what) {
    this.#flush();
    this.#doc = doc;
    this.#doc.scale = scaleOf(this.#doc);
    this.#doc.criteria ??= [];
    this.#selected = null;
    // Another rubric: the last valid version of the one before is not this one's.
    this.#lastValid = null;
    this.#visited = new Set();
    this.#commit();
    if (this.#form) { this.#render(); this.#syncJson(true); this.#validate(); this.#say(what); }
  }

  #commit() {
    clearTimeout(this.#commitTimer);
    this.#dirty = false;
    const text = JSON.stringify(this.#doc);
    if (this.#history[this.#at] === text) return;
    this.#history = this.#history.slice(0, this.#at + 1);
    this.#history.push(text);
    if (this.#history.length > 200) this.#history.shift();
    this.#at = this.#history.length - 1;
    this.#updateUndo();
  }

  #flush() { if (this.#dirty) this.#commit(); }

  #restore(at, what) {
    this.#doc = JSON.parse(this.#history[at]);
    this.#render();
    this.#syncJson(true);
    this.#validate();
    this.#updateUndo();
    this.#say(what);
  }

  /** Text typed in a field: no redraw, one undo step per pause, validation after a pause. */
  #edited(path, immediate = false) {
    this.#dirty = true;
    clearTimeout(this.#commitTimer);
    if (immediate) this.#commit();
    else this.#commitTimer = setTimeout(() => this.#commit(), 700);
    this.#updateUndo();
    this.#syncJson(false);
    this.#scheduleValidate();
  }

  /** A structural change: one undo step, drawn again with the focus kept where it belongs. */
  #structural(focusKey, what) {
    this.#commit();
    this.#render(focusKey);
    this.#syncJson(false);
    this.#validate();
    if (what) this.#say(what);
  }

  #scheduleValidate() {
    clearTimeout(this.#lintTimer);
    this.#lintTimer = setTimeout(() => this.#validate(), 250);
  }

  // The engine's verdict: a valid rubric becomes the last valid one and is announced by a
  // `change` event; an invalid one keeps the last valid one in force ("not applied yet").
  #validate() {
    clearTimeout(this.#lintTimer);
    if (!this.#core) return;
    let lint;
    try { lint = this.#core.lintRubric(JSON.stringify(this.#forEngine)); } catch (error) {
      lint = { errors: [{ path: error.path ?? "", message: error.message }], advice: [] };
    }
    this.#lint = lint;
    const valid = lint.errors.length === 0 && !this.#jsonProblem;
    if (valid) {
      this.#lastValid = clone(this.#doc);
      this.#countMatches();
    }
    this.#decorate();
    this.toggleAttribute("translating", isLocalized(this.#doc));
    emit(this, "change", { rubric: clone(this.#doc), valid, errors: lint.errors, advice: lint.advice });
  }

  // Which check types and rubric shapes the loaded engine accepts (it grows; the forms follow).
  #probe() {
    const accepts = (criterionPatch, rubricPatch = {}) => {
      const rubric = { id: "p", title: "p", criteria: [{ id: "c", title: "c", levels: [{ value: 1, descriptor: "d" }, { value: 2, descriptor: "e", requires: ["a"] }],
        indicators: [{ id: "a", check: { type: "phrases", anyOf: ["x"] } }, { id: "b", check: { type: "phrases", anyOf: ["y"] } }], ...criterionPatch }], ...rubricPatch };
      try { return this.#core.lintRubric(JSON.stringify(rubric)).errors.length === 0; } catch { return false; }
    };
    const indicator = (check) => ({ indicators: [{ id: "a", check: { type: "phrases", anyOf: ["x"] } }, { id: "b", check }] });
    for (const type of ["phrases", "wordCount", "sentenceCount", "paragraphCount", "readability", "pattern", "number", "choice", "rating", "all", "any", "not"]) this.#supports.add(type);
    if (accepts(indicator({ type: "atLeast", n: 1, of: ["a"] }))) this.#supports.add("atLeast");
    if (accepts(indicator({ type: "together", within: "sentence", checks: [{ type: "phrases", anyOf: ["x"] }, { type: "phrases", anyOf: ["y"] }] }))) this.#supports.add("together");
    if (accepts(indicator({ type: "phrases", anyOf: ["y"], negation: "only" }))) this.#supports.add("negation");
    if (accepts(indicator({ type: "number", min: 1, minCount: 2 }))) this.#supports.add("numberRange");
    if (accepts({}, { title: { en: "p", es: "p" } })) this.#supports.add("localized");
  }

  // -------------------------------------------------------------------------------------
  // Drawing

  #build() {
    const base = () => this.#doc.locale ?? "en";
    this.#status = h("p", { class: "status", part: "status" });
    this.#announce = h("p", { class: "sr-only", attrs: { role: "status" } });
    this.#summary = h("div", { class: "summary", part: "summary" });
    this.#form = h("div", { class: "form", part: "form" });
    this.#jsonView = h("div", { class: "json-view", part: "json", hidden: true });
    this.#samplesView = h("section", { class: "samples", part: "samples", hidden: true, attrs: { "aria-labelledby": "samples-heading" } });
    const toolbar = h("div", { class: "toolbar", part: "toolbar", attrs: { role: "toolbar", "aria-label": "Rubric editor" } },
      h("button", { type: "button", class: "secondary", attrs: { "data-key": "undo" }, on: { click: () => this.undo() } }, "Undo"),
      h("button", { type: "button", class: "secondary", attrs: { "data-key": "redo" }, on: { click: () => this.redo() } }, "Redo"),
      h("button", { type: "button", class: "secondary", attrs: { "aria-pressed": "false", "data-key": "mode" }, on: { click: () => this.#toggleMode() } }, "Edit as JSON"),
      h("button", { type: "button", class: "secondary", on: { click: () => this.#download() } }, "Download JSON"),
      h("span", { class: "switch" },
        h("input", { id: "advanced", type: "checkbox", on: { change: (e) => { this.toggleAttribute("advanced", e.target.checked); this.#render(); this.#decorate(); } } }),
        h("label", { attrs: { for: "advanced" } }, "Show ids and JSON paths")));
    this.#root.addEventListener("keydown", (e) => this.#keys(e));
    this.#form.addEventListener("focusout", (e) => {
      const path = e.target?.dataset?.path;
      if (path === undefined || this.#visited.has(path)) return;
      this.#visited.add(path);
      // Only a field with an error of its own can turn from "to do" into a problem.
      if (this.#lint.errors.some((p) => p.path === path)) this.#decorate();
    });
    replace(this.#root, toolbar, this.#status, this.#announce, this.#summary, this.#form, this.#jsonView, this.#samplesView);
    void base;
    this.#render();
    this.#updateUndo();
  }

  #updateUndo() {
    if (!this.#form) return;
    const [undo, redo] = this.#root.querySelectorAll('[data-key="undo"], [data-key="redo"]');
    undo.setAttribute("aria-disabled", String(!this.canUndo));
    redo.setAttribute("aria-disabled", String(!this.canRedo));
  }

  #say(text) {
    if (!this.#announce) return;
    this.#announce.textContent = "";
    setTimeout(() => { this.#announce.textContent = text; }, 30);
  }

  #keys(e) {
    const typing = e.target.matches?.("input[type=text], textarea");
    if ((e.ctrlKey || e.metaKey) && !typing && e.key.toLowerCase() === "z") { e.preventDefault(); if (e.shiftKey) this.redo(); else this.undo(); }
    else if ((e.ctrlKey || e.metaKey) && !typing && e.key.toLowerCase() === "y") { e.preventDefault(); this.redo(); }
    else if (e.altKey && (e.key === "ArrowUp" || e.key === "ArrowDown")) {
      const section = e.target.closest?.("[data-criterion-index]");
      if (!section) return;
      e.preventDefault();
      this.#moveCriterion(Number(section.dataset.criterionIndex), e.key === "ArrowUp" ? -1 : 1, e.target.dataset.key);
    }
  }

  #render(focusKey) {
    if (!this.#form) return;
    const active = focusKey ?? this.#root.activeElement?.dataset?.key;
    const doc = this.#doc;
    const base = doc.locale ?? "en";
    const other = base === "es" ? "en" : "es";
    const ctx = { base, other, baseName: LANGUAGES[base], otherName: LANGUAGES[other] };
    const advanced = this.hasAttribute("advanced");
    replace(this.#form,
      this.#rubricFields(ctx, advanced),
      this.#scaleFields(ctx),
      h("section", { class: "criteria", attrs: { "aria-labelledby": "criteria-heading" } },
        h("h2", { id: "criteria-heading" }, "Criteria"),
        doc.criteria.map((c, ci) => this.#criterion(c, ci, ctx, advanced)),
        h("button", { type: "button", attrs: { "data-key": "add-criterion" }, on: { click: () => this.#addCriterion() } }, "Add criterion")),
      this.#translations(ctx));
    this.#drawSamples();
    if (active) this.#root.querySelector(`[data-key="${CSS.escape(active)}"]`)?.focus();
    this.#decorate();
  }

  /** A text field, or a pair of them (default language, then the other), at `obj[key]`. */
  #text(obj, key, path, label, ctx, { multiline = false, pair = true, id } = {}) {
    const make = (locale, secondary) => {
      const fieldId = `${id ?? path}${secondary ? `-${locale}` : ""}`.replace(/[^\w-]/g, "_");
      const value = textIn(obj[key], locale, ctx.base);
      const missing = secondary && !value.trim() && textIn(obj[key], ctx.base, ctx.base).trim() !== "";
      const name = secondary ? `${label}, ${LANGUAGES[locale]}` : label;
      const input = h(multiline ? "textarea" : "input", {
        id: fieldId, value, rows: multiline ? 2 : undefined, type: multiline ? undefined : "text",
        attrs: { "data-key": fieldId, "data-path": secondary ? `${path}.${locale}` : path, lang: locale, "aria-describedby": missing ? `${fieldId}-missing` : null },
        on: { input: (e) => {
          obj[key] = withText(obj[key], locale, e.target.value, ctx.base);
          if (obj[key] === undefined) delete obj[key];
          const flag = e.target.parentElement.querySelector(".missing");
          if (flag && e.target.value.trim()) flag.hidden = true;
          this.#edited(path);
        } },
      });
      return h("div", { class: `field${secondary ? " secondary" : ""}` },
        h("label", { attrs: { for: fieldId } }, name), input,
        missing ? h("p", { class: "missing", id: `${fieldId}-missing` }, `${LANGUAGES[locale]} missing`) : null,
        h("div", { class: "msgs" }));
    };
    return h("div", { class: pair ? "pair" : "single" }, make(ctx.base, false), pair ? make(ctx.other, true) : null);
  }

  #rubricFields(ctx, advanced) {
    const doc = this.#doc;
    const kindId = "rubric-kind";
    const langId = "rubric-locale";
    return h("section", { class: "about", attrs: { "aria-labelledby": "about-heading" } },
      h("h2", { id: "about-heading" }, "Rubric"),
      this.#text(doc, "title", "title", "Rubric title", ctx),
      this.#text(doc, "description", "description", "Task or description", ctx, { multiline: true }),
      h("div", { class: "row" },
        h("div", { class: "field" }, h("label", { attrs: { for: langId } }, "Main language"),
          h("select", { id: langId, attrs: { "data-key": langId, "data-path": "locale" }, on: { change: (e) => { doc.locale = e.target.value; this.#structural(langId, "Main language changed."); } } },
            Object.entries(LANGUAGES).map(([code, name]) => h("option", { value: code, selected: ctx.base === code }, name)))),
        h("div", { class: "field" }, h("label", { attrs: { for: kindId } }, "Kind"),
          h("select", { id: kindId, attrs: { "data-key": kindId, "data-path": "kind" }, on: { change: (e) => { doc.kind = e.target.value; this.#structural(kindId, "Kind changed."); } } },
            [["analytic", "Analytic (several criteria, a level each)"], ["holistic", "Holistic (one overall level)"], ["singlePoint", "Single point (proficient and beyond)"], ["checklist", "Checklist"]]
              .map(([value, name]) => h("option", { value, selected: (doc.kind ?? "analytic") === value }, name)))),
        advanced ? this.#plain(doc, "id", "id", "Rubric id") : null),
      h("div", { class: "msgs", attrs: { "data-path": "criteria" } }));
  }

  #plain(obj, key, path, label, { number = false } = {}) {
    const id = path.replace(/[^\w-]/g, "_");
    return h("div", { class: `field${number ? " small" : ""}` },
      h("label", { attrs: { for: id } }, label),
      h("input", { id, type: "text", value: obj[key] ?? "", attrs: { "data-key": id, "data-path": path, inputmode: number ? "decimal" : null, spellcheck: "false" },
        on: { input: (e) => {
          if (number) setNumber(obj, key, e.target.value);
          else if (e.target.value === "") delete obj[key]; else obj[key] = e.target.value;
          this.#edited(path);
        } } }),
      h("div", { class: "msgs" }));
  }

  #scaleFields(ctx) {
    const doc = this.#doc;
    const scale = doc.scale;
    const fixed = doc.kind === "checklist";
    return h("section", { class: "scale", attrs: { "aria-labelledby": "scale-heading" } },
      h("h2", { id: "scale-heading" }, "Levels"),
      h("p", { class: "help" }, "Levels apply to every criterion: adding, renaming, moving or removing one changes them all."),
      h("ol", { class: "levels" }, scale.levels.map((level, li) => h("li", { class: "level", attrs: { "data-level-index": li } },
        this.#text(level, "label", `scale.levels[${li}].label`, "Level label", ctx),
        h("div", { class: "buttons" },
          h("button", { type: "button", class: "icon secondary", attrs: { "aria-label": `Move level ${li + 1} down the scale`, "data-key": `level-${li}-down` },
            on: { click: () => this.#moveLevel(li, -1) } }, "←"),
          h("button", { type: "button", class: "icon secondary", attrs: { "aria-label": `Move level ${li + 1} up the scale`, "data-key": `level-${li}-up` },
            on: { click: () => this.#moveLevel(li, 1) } }, "→"),
          h("button", { type: "button", class: "icon secondary danger", attrs: { "aria-label": `Remove level ${li + 1}`, "data-key": `level-${li}-remove` },
            on: { click: () => this.#removeLevel(li) } }, "Remove"))))),
      fixed ? null : h("button", { type: "button", attrs: { "data-key": "add-level" }, on: { click: () => this.#addLevel() } }, "Add level"),
      h("div", { class: "field" },
        h("label", { attrs: { for: "mastery" } }, "Mastery level (met or above counts as mastered)"),
        h("select", { id: "mastery", attrs: { "data-key": "mastery", "data-path": "scale.mastery" }, on: { change: (e) => { scale.mastery = Number(e.target.value); this.#structural("mastery", "Mastery level changed."); } } },
          scale.levels.map((l) => h("option", { value: String(l.value), selected: l.value === scale.mastery }, `${textIn(l.label, ctx.base, ctx.base) || `Level ${l.value}`} (${l.value})`)))),
      h("div", { class: "msgs", attrs: { "data-path": "scale" } }));
  }

  #criterion(c, ci, ctx, advanced) {
    const n = ci + 1;
    const title = textIn(c.title, ctx.base, ctx.base);
    const headingId = `criterion-${ci}-heading`;
    const cells = cellsOf(this.#doc, ci);
    const indicators = c.indicators ?? [];
    return h("section", { class: "criterion", part: "criterion", attrs: { "aria-labelledby": headingId, "data-criterion-index": ci, "data-criterion": c.id } },
      h("div", { class: "criterion-head" },
        h("h3", { id: headingId }, title ? `Criterion ${n}: ${title}` : `Criterion ${n} (no title yet)`),
        h("div", { class: "buttons" },
          h("button", { type: "button", class: "icon secondary", attrs: { "aria-label": `Move criterion ${n} up`, "aria-keyshortcuts": "Alt+ArrowUp", "data-key": `criterion-${ci}-up` }, on: { click: () => this.#moveCriterion(ci, -1, `criterion-${ci}-up`) } }, "↑"),
          h("button", { type: "button", class: "icon secondary", attrs: { "aria-label": `Move criterion ${n} down`, "aria-keyshortcuts": "Alt+ArrowDown", "data-key": `criterion-${ci}-down` }, on: { click: () => this.#moveCriterion(ci, 1, `criterion-${ci}-down`) } }, "↓"),
          h("button", { type: "button", class: "secondary", attrs: { "aria-label": `Duplicate criterion ${n}`, "data-key": `criterion-${ci}-dup` }, on: { click: () => this.#duplicate(ci) } }, "Duplicate"),
          h("button", { type: "button", class: "secondary danger", attrs: { "aria-label": `Remove criterion ${n}`, "data-key": `criterion-${ci}-remove` }, on: { click: () => this.#removeCriterion(ci) } }, "Remove"))),
      this.#text(c, "title", `criteria[${ci}].title`, "Criterion title", ctx),
      h("div", { class: "row" },
        this.#plain(c, "competency", `criteria[${ci}].competency`, "Competency id (optional)"),
        this.#plain(c, "weight", `criteria[${ci}].weight`, "Weight", { number: true }),
        advanced ? this.#plain(c, "id", `criteria[${ci}].id`, "Criterion id") : null),
      cells.length ? this.#grid(c, ci, cells, indicators, ctx) : null,
      h("div", { class: "msgs", attrs: { "data-path": `criteria[${ci}].levels` } }),
      h("h4", {}, `Look-fors: what the engine finds in the work for ${title || `criterion ${n}`}`),
      indicators.length === 0 ? h("p", { class: "help" }, "No look-fors yet: without them, a level is only reached by a person's rating.") : null,
      indicators.map((indicator, ii) => this.#indicator(c, ci, indicator, ii, ctx, advanced)),
      h("button", { type: "button", class: "secondary", attrs: { "data-key": `criterion-${ci}-add-lookfor` }, on: { click: () => this.#addIndicator(ci) } }, "Add look-for"));
  }

  #grid(c, ci, cells, indicators, ctx) {
    const row = (title, make) => h("tr", {}, h("th", { attrs: { scope: "row" } }, title), cells.map((cell) => h("td", {}, make(cell))));
    const indicatorName = (i) => textIn(i.label, ctx.base, ctx.base) || i.id;
    return h("div", { class: "grid-wrap", attrs: { role: "region", tabindex: "0", "aria-label": `Levels of criterion ${ci + 1}` } },
      h("table", { class: "grid" },
        h("thead", {}, h("tr", {}, h("td", {}), cells.map((cell) => h("th", { attrs: { scope: "col" } }, `${textIn(cell.heading, ctx.base, ctx.base) || "—"}${cell.scaleLevel ? ` (${cell.key})` : ""}`)))),
        h("tbody", {},
          row("Descriptor", (cell) => {
            if (!cell.level && cell.optional) {
              return h("button", { type: "button", class: "secondary", attrs: { "data-key": `${cell.path}-add` }, on: { click: () => { c[cell.key] = { descriptor: "" }; this.#structural(`${cell.path}.descriptor`.replace(/[^\w-]/g, "_"), "Column added."); } } }, `Describe ${cell.key} work`);
            }
            return this.#text(cell.level, "descriptor", `${cell.path}.descriptor`, "Descriptor", ctx, { multiline: true });
          }),
          row("Student wording (“I can…”)", (cell) => (cell.level ? this.#text(cell.level, "student", `${cell.path}.student`, "Student wording", ctx, { multiline: true }) : null)),
          cells[0]?.scaleLevel ? row("Points", (cell) => this.#plain(cell.level, "points", `${cell.path}.points`, "Points", { number: true })) : null,
          indicators.map((indicator) => row(`Needs: ${indicatorName(indicator)}`, (cell) => {
            if (!cell.level) return null;
            const id = `${cell.path}-needs-${indicator.id}`.replace(/[^\w-]/g, "_");
            const on = (cell.level.requires ?? []).includes(indicator.id);
            return h("div", { class: "switch" },
              h("input", { id, type: "checkbox", checked: on, attrs: { "data-key": id, "data-path": `${cell.path}.requires` },
                on: { change: (e) => {
                  const set = new Set(cell.level.requires ?? []);
                  if (e.target.checked) set.add(indicator.id); else set.delete(indicator.id);
                  const order = indicators.map((i) => i.id).filter((x) => set.has(x));
                  if (order.length) cell.level.requires = order; else delete cell.level.requires;
                  this.#edited(`${cell.path}.requires`, true);
                } } }),
              h("label", { attrs: { for: id } }, h("span", { class: "sr-only" }, `${textIn(cell.heading, ctx.base, ctx.base)} needs ${indicatorName(indicator)}`), h("span", { attrs: { "aria-hidden": "true" } }, "needed")));
          })))));
  }

  #indicator(c, ci, indicator, ii, ctx, advanced) {
    const path = `criteria[${ci}].indicators[${ii}]`;
    const key = `c${ci}-i${ii}`;
    const n = ii + 1;
    const name = textIn(indicator.label, ctx.base, ctx.base) || indicator.id;
    const typeId = `${key}-type`;
    indicator.check ??= { type: "phrases", anyOf: [] };
    const check = indicator.check;
    const types = CHECK_TYPES.filter(([type]) => this.#supports.has(type) || type === check.type);
    const count = this.#matches.get(`${c.id}\u0000${indicator.id}`);
    const selected = this.#selected?.criterion === c.id && this.#selected?.indicator === indicator.id;
    const checkCtx = {
      ...ctx, path: `${path}.check`, key, others: c.indicators,
      supports: (what) => this.#supports.has(what),
      name: (i) => textIn(i.label, ctx.base, ctx.base) || i.id,
      edited: (p, immediate, note) => { this.#jsonProblem = note ? { path: p, message: note } : null; this.#edited(p, immediate); },
      changed: (focusKey) => this.#structural(focusKey),
    };
    return h("fieldset", { class: `indicator${selected ? " selected" : ""}`, part: "indicator", attrs: { "data-indicator": indicator.id } },
      h("legend", {}, `Look-for ${n}: ${name}`),
      h("div", { class: "indicator-head" },
        this.#samples.length ? h("p", { class: "matches", attrs: { "data-matches": count ?? "" } },
          count === undefined ? "Matches: not counted yet" : `Found in ${count} of ${this.#samples.length} sample answers`) : null,
        h("div", { class: "buttons" },
          this.#samples.length ? h("button", { type: "button", class: "secondary", attrs: { "aria-pressed": String(selected), "data-key": `${key}-show` }, on: { click: () => this.#select(c.id, indicator.id, `${key}-show`) } }, `Show matches of look-for ${n}`) : null,
          h("button", { type: "button", class: "icon secondary", attrs: { "aria-label": `Move look-for ${n} up`, "data-key": `${key}-up` }, on: { click: () => { if (move(c.indicators, ii, -1)) this.#structural(`c${ci}-i${ii - 1}-up`, "Look-for moved up."); } } }, "↑"),
          h("button", { type: "button", class: "icon secondary", attrs: { "aria-label": `Move look-for ${n} down`, "data-key": `${key}-down` }, on: { click: () => { if (move(c.indicators, ii, 1)) this.#structural(`c${ci}-i${ii + 1}-down`, "Look-for moved down."); } } }, "↓"),
          h("button", { type: "button", class: "secondary", attrs: { "aria-label": `Duplicate look-for ${n}`, "data-key": `${key}-dup` }, on: { click: () => this.#duplicateIndicator(ci, ii) } }, "Duplicate"),
          h("button", { type: "button", class: "secondary danger", attrs: { "aria-label": `Remove look-for ${n}`, "data-key": `${key}-remove` }, on: { click: () => this.#removeIndicator(ci, ii) } }, "Remove"))),
      this.#text(indicator, "label", `${path}.label`, "Look-for label", ctx),
      advanced ? this.#plain(indicator, "id", `${path}.id`, "Look-for id") : null,
      h("div", { class: "field" },
        h("label", { attrs: { for: typeId } }, "What to look for"),
        h("select", { id: typeId, attrs: { "data-key": typeId, "data-path": `${path}.check.type` }, on: { change: (e) => {
          indicator.check = defaultCheck(e.target.value, c.indicators.filter((i) => i !== indicator));
          this.#structural(typeId, "Check type changed.");
        } } }, types.map(([type, label]) => h("option", { value: type, selected: check.type === type }, label)))),
      checkForm(check, checkCtx),
      this.#text(indicator, "hint", `${path}.hint`, "Hint (when it is missing)", ctx, { multiline: true }),
      this.#text(indicator, "praise", `${path}.praise`, "Praise (when it is found)", ctx, { multiline: true }),
      h("div", { class: "msgs", attrs: { "data-path": path } }));
  }

  #translations(ctx) {
    const missing = missingTranslations(this.#doc, ctx.other);
    const any = isLocalized(this.#doc);
    return h("section", { class: "translations", attrs: { "aria-labelledby": "tr-heading" } },
      h("h2", { id: "tr-heading" }, "Translations"),
      h("p", { class: missing.length && any ? "missing" : "help" },
        !any ? `No ${ctx.otherName} texts yet. Fill the ${ctx.otherName} fields beside each text; students who work in ${ctx.otherName} then see them.`
          : missing.length ? `${missing.length} ${ctx.otherName} translation${missing.length === 1 ? " is" : "s are"} missing (flagged at each field). Where one is missing, students see the ${ctx.baseName} text.`
            : `Every text has its ${ctx.otherName} translation.`));
  }

  // -------------------------------------------------------------------------------------
  // Problems and advice at their fields

  #decorate() {
    if (!this.#form) return;
    for (const box of this.#root.querySelectorAll(".msgs")) box.replaceChildren();
    for (const el of this.#root.querySelectorAll("[aria-invalid]")) el.removeAttribute("aria-invalid");
    const doc = this.#doc;
    // An empty field the teacher has not been to yet is still to do (in the form only).
    const todo = (p) => this.#mode !== "json" && p.message === "must not be empty" && !this.#visited.has(p.path);
    const errors = this.#lint.errors.map((p) => ({ ...p, kind: todo(p) ? "todo" : "problem" }));
    if (this.#jsonProblem) errors.unshift({ ...this.#jsonProblem, kind: "problem" });
    const advice = this.#lint.advice.map((p) => ({ ...p, kind: "advice" }));
    const advanced = this.hasAttribute("advanced");
    const placed = [];
    for (const item of [...errors, ...advice]) {
      // Errors are fragments ("must be a number") that need their field; advice is a sentence of its own.
      const words = item.words ?? (item.kind === "todo" ? `${pathInWords(item.path, doc)} is still empty`
        : item.kind === "problem" ? `${pathInWords(item.path, doc)} ${plainMessage(item.message)}`
          : `${pathInWords(item.path, doc).split(": ")[0]}: ${item.message}`);
      const target = this.#fieldFor(item.path);
      const message = h("p", { class: item.kind, part: item.kind },
        h("span", { class: "tag" }, { problem: "Problem: ", todo: "To do: ", advice: "Advice: " }[item.kind]), words,
        advanced && item.path ? h("code", { class: "path" }, item.path) : null);
      if (target) {
        target.box.append(message);
        if (item.kind === "problem" && target.input) target.input.setAttribute("aria-invalid", "true");
      }
      placed.push({ item, words, target });
    }
    // A summary that jumps to each problem; no live region (nothing is read out per keystroke).
    const problems = placed.filter((p) => p.item.kind === "problem");
    const todos = placed.filter((p) => p.item.kind === "todo");
    const count = (n, one, many) => `${n} ${n === 1 ? one : many}`;
    const pending = [problems.length && count(problems.length, "problem to fix", "problems to fix"),
      todos.length && count(todos.length, "field to fill in", "fields to fill in")].filter(Boolean).join(" and ");
    this.#status.textContent = pending
      ? `Not applied yet: ${pending}. ${this.#lastValid ? "Previews keep the last version that worked." : "Previews start when the rubric is complete."}`
      : this.#lastValid ? "All changes applied." : "";
    this.#status.classList.toggle("pending", problems.length > 0);
    const listed = [...problems, ...todos];
    replace(this.#summary, listed.length ? h("ul", { class: problems.length ? "problems" : "todos" }, listed.map(({ words, target, item }) => h("li", {},
      item.kind === "todo" ? h("span", { class: "tag" }, "To do: ") : null,
      target?.input ? h("button", { type: "button", class: "link", on: { click: () => target.input.focus() } }, words) : words,
      advanced && item.path ? h("code", { class: "path" }, item.path) : null))) : null);
    if (this.#mode === "json") this.#jsonMessages(placed);
  }

  // The field a JSON path belongs to: the input with that path, else the nearest enclosing one.
  #fieldFor(path) {
    let p = String(path ?? "");
    while (true) {
      const el = this.#form.querySelector(`[data-path="${CSS.escape(p)}"]`);
      if (el) {
        const box = el.classList.contains("msgs") ? el : el.closest(".field, .indicator, section")?.querySelector(":scope > .msgs") ?? el.parentElement.querySelector(".msgs");
        if (box) return { box, input: el.matches("input, textarea, select") ? el : null };
      }
      if (!p) return null;
      const shorter = p.replace(/(\[\d+\]|\.[^.[\]]+)$/, "");
      if (shorter === p) p = ""; else p = shorter;
    }
  }

  // -------------------------------------------------------------------------------------
  // Structural edits

  #addCriterion() {
    const c = newCriterion(this.#doc.scale, this.#doc.criteria);
    this.#doc.criteria.push(c);
    const ci = this.#doc.criteria.length - 1;
    this.#structural(`criteria_${ci}__title`, `Criterion ${ci + 1} added.`);
  }

  #removeCriterion(ci) {
    const title = textIn(this.#doc.criteria[ci].title, this.#doc.locale ?? "en", this.#doc.locale ?? "en") || `Criterion ${ci + 1}`;
    this.#doc.criteria.splice(ci, 1);
    const next = Math.min(ci, this.#doc.criteria.length - 1);
    this.#structural(next >= 0 ? `criterion-${next}-remove` : "add-criterion", `${title} removed. Undo brings it back.`);
  }

  #duplicate(ci) {
    duplicateCriterion(this.#doc, ci);
    this.#structural(`criteria_${ci + 1}__title`, `Criterion ${ci + 1} duplicated as criterion ${ci + 2}.`);
  }

  #moveCriterion(ci, delta, focusKey) {
    if (!move(this.#doc.criteria, ci, delta)) return;
    const to = ci + delta;
    const key = focusKey?.replace(/^criterion-\d+-/, `criterion-${to}-`) ?? `criterion-${to}-up`;
    this.#structural(focusKey && /^criterion-\d+-/.test(focusKey) ? key : `criterion-${to}-${delta < 0 ? "up" : "down"}`, `Criterion moved to position ${to + 1}.`);
  }

  #addLevel() {
    addLevel(this.#doc);
    const li = this.#doc.scale.levels.length - 1;
    this.#structural(`scale_levels_${li}__label`, `Level ${li + 1} added to every criterion.`);
  }

  #removeLevel(li) {
    if (this.#doc.scale.levels.length <= 1) return;
    removeLevel(this.#doc, li);
    this.#structural(`level-${Math.min(li, this.#doc.scale.levels.length - 1)}-remove`, `Level ${li + 1} removed from every criterion.`);
  }

  #moveLevel(li, delta) {
    if (!moveLevel(this.#doc, li, delta)) return;
    this.#structural(`level-${li + delta}-${delta < 0 ? "down" : "up"}`, `Level moved to position ${li + delta + 1}.`);
  }

  #addIndicator(ci) {
    const c = this.#doc.criteria[ci];
    c.indicators ??= [];
    c.indicators.push(newIndicator(this.#doc));
    const ii = c.indicators.length - 1;
    this.#structural(`criteria_${ci}__indicators_${ii}__label`, `Look-for ${ii + 1} added.`);
  }

  #removeIndicator(ci, ii) {
    const c = this.#doc.criteria[ci];
    const [gone] = c.indicators.splice(ii, 1);
    for (const level of [...(c.levels ?? []), c.proficient, c.advanced].filter(Boolean)) {
      if (level.requires) { level.requires = level.requires.filter((id) => id !== gone.id); if (!level.requires.length) delete level.requires; }
    }
    this.#structural(`criterion-${ci}-add-lookfor`, `Look-for ${ii + 1} removed. Undo brings it back.`);
  }

  #duplicateIndicator(ci, ii) {
    const c = this.#doc.criteria[ci];
    const copy = clone(c.indicators[ii]);
    copy.id = uniqueId(copy.id, this.#doc.criteria.flatMap((x) => (x.indicators ?? []).map((i) => i.id)));
    c.indicators.splice(ii + 1, 0, copy);
    this.#structural(`criteria_${ci}__indicators_${ii + 1}__label`, `Look-for ${ii + 1} duplicated.`);
  }

  // -------------------------------------------------------------------------------------
  // Live matches on sample answers

  #countMatches() {
    this.#matches.clear();
    this.#hits = new Map();
    if (!this.#core || !this.#lastValid || this.#samples.length === 0) return;
    let engine;
    try { engine = new this.#core.Engine(JSON.stringify(this.#supports.has("localized") ? this.#lastValid : forLocale(this.#lastValid, this.#lastValid.locale ?? "en"))); } catch { return; }
    try {
      for (const c of this.#lastValid.criteria) for (const i of c.indicators ?? []) this.#matches.set(`${c.id}\u0000${i.id}`, 0);
      for (const sample of this.#samples) {
        const { rubric: _r, ...submission } = sample.submission;
        const report = engine.score(submission);
        for (const c of report.criteria) for (const met of c.met ?? []) {
          const key = `${c.id}\u0000${met.indicator}`;
          this.#matches.set(key, (this.#matches.get(key) ?? 0) + 1);
          if (!this.#hits.has(key)) this.#hits.set(key, []);
          this.#hits.get(key).push({ sample: sample.index, spans: met.spans ?? [] });
        }
      }
    } catch { /* a sample the engine cannot score counts nothing */ } finally { engine.free(); }
    for (const p of this.#root.querySelectorAll("[data-indicator] .matches")) {
      const c = p.closest("[data-criterion]")?.dataset.criterion;
      const count = this.#matches.get(`${c}\u0000${p.closest("[data-indicator]").dataset.indicator}`);
      p.textContent = count === undefined ? "Matches: not counted yet" : `Found in ${count} of ${this.#samples.length} sample answers`;
    }
    if (this.#selected) this.#drawSamples();
  }

  #hits = new Map();

  #select(criterion, indicator, focusKey) {
    const same = this.#selected?.criterion === criterion && this.#selected?.indicator === indicator;
    this.#selected = same ? null : { criterion, indicator };
    for (const b of this.#root.querySelectorAll(".indicator [aria-pressed]")) b.setAttribute("aria-pressed", "false");
    for (const f of this.#root.querySelectorAll(".indicator.selected")) f.classList.remove("selected");
    if (!same) {
      const button = this.#root.querySelector(`[data-key="${CSS.escape(focusKey)}"]`);
      button?.setAttribute("aria-pressed", "true");
      button?.closest(".indicator")?.classList.add("selected");
    }
    this.#drawSamples();
    const hits = this.#selected ? (this.#hits.get(`${criterion}\u0000${indicator}`) ?? []) : [];
    emit(this, "evident-lookfor", this.#selected ? { criterion, indicator, matches: hits } : null);
  }

  #drawSamples() {
    const view = this.#samplesView;
    if (!view) return;
    const selected = this.#selected;
    if (!selected || this.#samples.length === 0) { view.hidden = true; view.replaceChildren(); return; }
    const key = `${selected.criterion}\u0000${selected.indicator}`;
    const hits = this.#hits.get(key) ?? [];
    const criterion = this.#doc.criteria.find((c) => c.id === selected.criterion);
    const indicator = criterion?.indicators?.find((i) => i.id === selected.indicator);
    const base = this.#doc.locale ?? "en";
    const name = textIn(indicator?.label, base, base) || selected.indicator;
    view.hidden = false;
    replace(view,
      h("h2", { id: "samples-heading" }, `Where “${name}” is found in the sample answers`),
      h("p", { class: "help" }, `${hits.length} of ${this.#samples.length} answers. The words it matched are highlighted.`),
      h("ol", { class: "sample-list" }, hits.map((hit) => {
        const sample = this.#samples[hit.sample];
        return h("li", {}, h("p", { class: "who" }, sample.student ? `Sample ${hit.sample + 1} (${sample.student})` : `Sample ${hit.sample + 1}`),
          h("p", { class: "text" }, markedText(sample.text, hit.spans.filter((s) => !s.field || s.field === "response"))));
      })),
      h("button", { type: "button", class: "secondary", on: { click: () => this.#select(selected.criterion, selected.indicator, "") } }, "Hide matches"));
  }

  // -------------------------------------------------------------------------------------
  // The JSON view

  #toggleMode() {
    this.#flush();
    this.#mode = this.#mode === "form" ? "json" : "form";
    const button = this.#root.querySelector('[data-key="mode"]');
    button.setAttribute("aria-pressed", String(this.#mode === "json"));
    this.#form.hidden = this.#mode === "json";
    this.#jsonView.hidden = this.#mode !== "json";
    if (this.#mode === "json") { this.#drawJson(); this.#root.getElementById("rubric-json").focus(); }
    else { this.#render(); }
    this.#decorate();
  }

  #drawJson() {
    const area = h("textarea", { id: "rubric-json", class: "code", rows: 24, value: JSON.stringify(this.#doc, null, 2),
      attrs: { spellcheck: "false", "aria-describedby": "json-msgs", "data-key": "rubric-json" },
      on: { input: () => { clearTimeout(this.#jsonTimer); this.#jsonTimer = setTimeout(() => this.#readJson(area.value), 250); } } });
    replace(this.#jsonView,
      h("label", { attrs: { for: "rubric-json" } }, "Rubric JSON"),
      h("p", { class: "help" }, "For power users: the rubric as Evident reads it. Edits here and in the form stay in step."),
      area,
      h("div", { id: "json-msgs", class: "json-msgs" }));
  }

  #jsonTimer = 0;

  #readJson(text) {
    const box = this.#root.getElementById("json-msgs");
    box.replaceChildren();
    let doc;
    try { doc = JSON.parse(text); } catch (error) {
      const at = Number(/position (\d+)/.exec(error.message)?.[1]);
      const where = Number.isFinite(at) ? lineColumn(text, at) : null;
      this.#jsonProblem = { path: "", words: where ? `The JSON cannot be read: line ${where.line}, column ${where.column} has something JSON does not allow (a missing comma, quote or bracket?).` : "The JSON cannot be read: it is not complete yet." };
      const quotes = hasSmartQuotes(text);
      if (quotes) this.#jsonProblem.words = `The JSON has curly quotes (“ ” or ‘ ’), as word processors write them; JSON needs straight quotes (").${where ? ` The first problem is at line ${where.line}, column ${where.column}.` : ""}`;
      this.#decorate();
      box.replaceChildren(h("p", { class: "problem" }, h("span", { class: "tag" }, "Problem: "), this.#jsonProblem.words),
        quotes ? h("button", { type: "button", on: { click: () => {
          const area = this.#root.getElementById("rubric-json");
          area.value = fixSmartQuotes(area.value);
          this.#readJson(area.value);
          area.focus();
        } } }, "Fix the quotes") : null);
      return;
    }
    this.#jsonProblem = null;
    if (!doc || typeof doc !== "object" || Array.isArray(doc)) {
      this.#jsonProblem = { path: "", words: "The JSON must be one rubric: an object in { }." };
      this.#decorate();
      return;
    }
    this.#doc = doc;
    this.#doc.criteria ??= [];
    if (!Array.isArray(this.#doc.criteria)) this.#doc.criteria = [];
    this.#edited("", false);
    this.#validate();
  }

  #jsonMessages(placed) {
    const box = this.#root.getElementById("json-msgs");
    if (!box || this.#jsonProblem?.words) return;
    box.replaceChildren(...placed.filter((p) => p.item.kind === "problem").map(({ words, item }) =>
      h("p", { class: "problem" }, h("span", { class: "tag" }, "Problem: "), words, this.hasAttribute("advanced") && item.path ? h("code", { class: "path" }, item.path) : null)));
  }

  #syncJson(force) {
    if (this.#mode !== "json") return;
    const area = this.#root.getElementById("rubric-json");
    if (area && (force || this.#root.activeElement !== area)) area.value = JSON.stringify(this.#doc, null, 2);
  }

  #download() {
    this.#flush();
    const blob = new Blob([JSON.stringify(this.#doc, null, 2) + "\n"], { type: "application/json" });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = `${this.#doc.id || "rubric"}.rubric.json`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
    this.#say("Downloaded.");
  }
}
