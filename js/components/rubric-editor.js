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
// Attribute `locale` ("en" by default, "es…" for Spanish): the language of the editor's own
// words (rubric-editor-strings.js); changing it redraws them in place, keeping the rubric,
// the undo history and the focus. The rubric's texts keep their own `lang`.

import { loadEvident } from "./loader.js";
import { ElementBase, emit, h, markedText, replace, sheet } from "./dom.js";
import { baseCss } from "./theme.js";
import { CHECK_TYPES, checkForm, defaultCheck, setNumber } from "./rubric-editor-checks.js";
import {
  addLevel, adviceInWords, blankRubric, cellsOf, clone, duplicateCriterion, fixSmartQuotes, forLocale, hasSmartQuotes, isLocalized,
  lineColumn, missingTranslations, move, moveLevel, newCriterion, newIndicator, pathInWords, placeInWords, plainProblem, removeLevel,
  scaleOf, textIn, uniqueId, withText,
} from "./rubric-editor-model.js";
import { editorStrings } from "./rubric-editor-strings.js";
import { editorCss } from "./rubric-editor-style.js";

let styles;

export class EvidentRubricEditor extends ElementBase {
  static observedAttributes = ["locale"];

  #root;
  #doc = blankRubric();
  // True until a rubric is loaded or edited: the blank rubric it opens with may still take
  // the editor's language (a Spanish teacher's blank rubric has Spanish level names).
  #pristine = true;
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
  #ui;
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
    this.#blankInLanguage();
    this.#build();
    this.#ready = loadEvident("full").then((core) => {
      this.#core = core;
      this.#probe();
      this.#render();
      this.#validate();
    }).catch((error) => { this.#status.textContent = error.message; });
  }

  attributeChangedCallback(name, old, value) {
    if (name !== "locale" || old === value) return;
    this.#blankInLanguage();
    if (this.#form) this.#relabel();
  }

  /** The editor's own words, in the language of its `locale` attribute. */
  get #s() { return editorStrings(this.getAttribute("locale")); }

  /** The `locale` attribute ("en" when absent): the language of the editor's own words. */
  get locale() { return this.getAttribute("locale") ?? "en"; }
  set locale(value) { this.setAttribute("locale", String(value)); }

  /** Resolves once the engine is loaded and the first validation is done. */
  get ready() { return this.#ready ?? Promise.resolve(); }

  /** The rubric as edited (a copy), with its translations. */
  get rubric() { return clone(this.#doc); }
  set rubric(value) {
    const doc = typeof value === "string" ? JSON.parse(value) : clone(value);
    this.#load(doc ?? blankRubric(this.#s.lang), this.#s.loaded);
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
  get samples() { return this.#samples.map((sample) => sample.submission); }
  set samples(list) {
    this.#samples = (list ?? []).map((sample, index) => {
      const submission = typeof sample === "string" ? { responses: { response: sample } } : sample.submission ?? sample;
      return { index, submission, text: submission.responses?.response ?? Object.values(submission.responses ?? {})[0] ?? "", student: submission.student };
    });
    this.#countMatches();
    if (this.#form) { this.#render(); }
  }

  /** One undoable change made from outside (a calibration suggestion accepted): `fn(rubric)` edits it in place. */
  applyEdit(fn, what = this.#s.changeApplied) {
    this.#flush();
    fn(this.#doc);
    this.#structural(null, what);
  }

  undo() { this.#flush(); if (this.#at > 0) this.#restore(--this.#at, this.#s.undone); }
  redo() { if (this.#at < this.#history.length - 1) this.#restore(++this.#at, this.#s.redone); }
  get canUndo() { return this.#at > 0 || this.#dirty; }
  get canRedo() { return this.#at < this.#history.length - 1; }

  // -------------------------------------------------------------------------------------
  // State

  #load(doc, what) {
    this.#flush();
    this.#pristine = false;
    this.#doc = doc;
    this.#doc.scale = scaleOf(this.#doc);
    this.#doc.criteria ??= [];
    this.#selected = null;
    // Another rubric: the last valid version of the one before is not this one's, nor is a
    // JSON text that could not be read.
    this.#lastValid = null;
    this.#jsonProblem = null;
    this.#visited = new Set();
    this.#commit();
    if (this.#form) { this.#render(); this.#syncJson(true); this.#validate(); this.#say(what); }
  }

  // The untouched blank rubric in the editor's language (no undo step: nothing was edited).
  #blankInLanguage() {
    if (!this.#pristine) return;
    const lang = this.#s.lang;
    if (this.#doc.locale === lang) return;
    this.#doc = blankRubric(lang);
    this.#history = [];
    this.#at = -1;
    this.#commit();
    if (this.#form) { this.#render(); this.#validate(); }
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
    this.#pristine = false;
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
    this.#pristine = false;
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
    this.#status = h("p", { class: "status", part: "status" });
    this.#announce = h("p", { class: "sr-only", attrs: { role: "status" } });
    this.#summary = h("div", { class: "summary", part: "summary" });
    this.#form = h("div", { class: "form", part: "form" });
    this.#jsonView = h("div", { class: "json-view", part: "json", hidden: true });
    this.#samplesView = h("section", { class: "samples", part: "samples", hidden: true, attrs: { "aria-labelledby": "samples-heading" } });
    const toolbar = h("div", { class: "toolbar", part: "toolbar", attrs: { role: "toolbar" } },
      h("button", { type: "button", class: "secondary", attrs: { "data-key": "undo" }, on: { click: () => this.undo() } }),
      h("button", { type: "button", class: "secondary", attrs: { "data-key": "redo" }, on: { click: () => this.redo() } }),
      h("button", { type: "button", class: "secondary", attrs: { "aria-pressed": "false", "data-key": "mode" }, on: { click: () => this.#toggleMode() } }),
      h("button", { type: "button", class: "secondary", attrs: { "data-key": "download" }, on: { click: () => this.#download() } }),
      h("span", { class: "switch" },
        h("input", { id: "advanced", type: "checkbox", on: { change: (e) => { this.toggleAttribute("advanced", e.target.checked); this.#render(); this.#decorate(); } } }),
        h("label", { attrs: { for: "advanced" } })));
    this.#root.addEventListener("keydown", (e) => this.#keys(e));
    this.#form.addEventListener("focusout", (e) => {
      const path = e.target?.dataset?.path;
      if (path === undefined || this.#visited.has(path)) return;
      this.#visited.add(path);
      // Only a field with an error of its own can turn from "to do" into a problem.
      if (this.#lint.errors.some((p) => p.path === path)) this.#decorate();
    });
    // Everything the editor shows sits in one element that carries the language of its words.
    this.#ui = h("div", { class: "studio" }, toolbar, this.#status, this.#announce, this.#summary, this.#form, this.#jsonView, this.#samplesView);
    replace(this.#root, this.#ui);
    this.#labelToolbar();
    this.#render();
    this.#updateUndo();
  }

  #labelToolbar() {
    const s = this.#s;
    this.#ui.lang = s.lang;
    this.#root.querySelector("[part=toolbar]").setAttribute("aria-label", s.toolbar);
    for (const [key, text] of [["undo", s.undo], ["redo", s.redo], ["mode", s.editJson], ["download", s.downloadJson]]) {
      this.#root.querySelector(`[data-key="${key}"]`).textContent = text;
    }
    this.#root.querySelector('label[for="advanced"]').textContent = s.showPaths;
  }

  // The `locale` changed: every word of the editor again, in place. The rubric, the undo
  // history, the fields visited and the focus stay; a JSON text being typed is not touched.
  #relabel() {
    this.#labelToolbar();
    if (this.#mode === "json") this.#labelJson();
    this.#render();
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
    const focused = this.#root.activeElement;
    const active = focusKey ?? focused?.dataset?.key;
    // The caret of a text field drawn again in place stays where it was.
    const caret = active === focused?.dataset?.key && typeof focused?.selectionStart === "number" ? [focused.selectionStart, focused.selectionEnd] : null;
    const doc = this.#doc;
    const base = doc.locale ?? "en";
    const other = base === "es" ? "en" : "es";
    const s = this.#s;
    const ctx = { s, base, other };
    const advanced = this.hasAttribute("advanced");
    replace(this.#form,
      this.#rubricFields(ctx, advanced),
      this.#scaleFields(ctx),
      h("section", { class: "criteria", attrs: { "aria-labelledby": "criteria-heading" } },
        h("h2", { id: "criteria-heading" }, s.criteriaHeading),
        doc.criteria.map((c, ci) => this.#criterion(c, ci, ctx, advanced)),
        h("button", { type: "button", attrs: { "data-key": "add-criterion" }, on: { click: () => this.#addCriterion() } }, s.addCriterion)),
      this.#translations(ctx));
    this.#drawSamples();
    if (active) {
      const target = this.#root.querySelector(`[data-key="${CSS.escape(active)}"]`);
      target?.focus();
      if (caret && target?.setSelectionRange && target.value.length >= caret[1]) target.setSelectionRange(caret[0], caret[1]);
    }
    this.#decorate();
  }

  /** Rubric text (the teacher's, in `lang`) inside a sentence of the editor's own words. */
  #own(text, lang) {
    return h("span", { attrs: { lang } }, text);
  }

  /** A text field, or a pair of them (default language, then the other), at `obj[key]`. */
  #text(obj, key, path, label, ctx, { multiline = false, pair = true, id } = {}) {
    const make = (locale, secondary) => {
      const fieldId = `${id ?? path}${secondary ? `-${locale}` : ""}`.replace(/[^\w-]/g, "_");
      const value = textIn(obj[key], locale, ctx.base);
      const missing = secondary && !value.trim() && textIn(obj[key], ctx.base, ctx.base).trim() !== "";
      const name = secondary ? ctx.s.inLanguage(label, locale) : label;
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
        missing ? h("p", { class: "missing", id: `${fieldId}-missing` }, ctx.s.missingIn(locale)) : null,
        h("div", { class: "msgs" }));
    };
    return h("div", { class: pair ? "pair" : "single" }, make(ctx.base, false), pair ? make(ctx.other, true) : null);
  }

  #rubricFields(ctx, advanced) {
    const doc = this.#doc;
    const s = ctx.s;
    const kindId = "rubric-kind";
    const langId = "rubric-locale";
    return h("section", { class: "about", attrs: { "aria-labelledby": "about-heading" } },
      h("h2", { id: "about-heading" }, s.rubricHeading),
      this.#text(doc, "title", "title", s.rubricTitle, ctx),
      this.#text(doc, "description", "description", s.description, ctx, { multiline: true }),
      h("div", { class: "row" },
        h("div", { class: "field" }, h("label", { attrs: { for: langId } }, s.mainLanguage),
          h("select", { id: langId, attrs: { "data-key": langId, "data-path": "locale" }, on: { change: (e) => { doc.locale = e.target.value; this.#structural(langId, this.#s.mainLanguageChanged); } } },
            Object.entries(s.languageNames).map(([code, name]) => h("option", { value: code, selected: ctx.base === code }, name)))),
        h("div", { class: "field" }, h("label", { attrs: { for: kindId } }, s.kind),
          h("select", { id: kindId, attrs: { "data-key": kindId, "data-path": "kind" }, on: { change: (e) => { doc.kind = e.target.value; this.#structural(kindId, this.#s.kindChanged); } } },
            Object.entries(s.kinds).map(([value, name]) => h("option", { value, selected: (doc.kind ?? "analytic") === value }, name)))),
        advanced ? this.#plain(doc, "id", "id", s.rubricId) : null),
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
    const s = ctx.s;
    const scale = doc.scale;
    const fixed = doc.kind === "checklist";
    return h("section", { class: "scale", attrs: { "aria-labelledby": "scale-heading" } },
      h("h2", { id: "scale-heading" }, s.levelsHeading),
      h("p", { class: "help" }, s.levelsHelp),
      h("ol", { class: "levels" }, scale.levels.map((level, li) => h("li", { class: "level", attrs: { "data-level-index": li } },
        this.#text(level, "label", `scale.levels[${li}].label`, s.levelLabel, ctx),
        h("div", { class: "buttons" },
          h("button", { type: "button", class: "icon secondary", attrs: { "aria-label": s.moveLevelDown(li + 1), "data-key": `level-${li}-down` },
            on: { click: () => this.#moveLevel(li, -1) } }, "←"),
          h("button", { type: "button", class: "icon secondary", attrs: { "aria-label": s.moveLevelUp(li + 1), "data-key": `level-${li}-up` },
            on: { click: () => this.#moveLevel(li, 1) } }, "→"),
          h("button", { type: "button", class: "icon secondary danger", attrs: { "aria-label": s.removeLevel(li + 1), "data-key": `level-${li}-remove` },
            on: { click: () => this.#removeLevel(li) } }, s.remove))))),
      fixed ? null : h("button", { type: "button", attrs: { "data-key": "add-level" }, on: { click: () => this.#addLevel() } }, s.addLevel),
      h("div", { class: "field" },
        h("label", { attrs: { for: "mastery" } }, s.masteryLevel),
        h("select", { id: "mastery", attrs: { "data-key": "mastery", "data-path": "scale.mastery" }, on: { change: (e) => { scale.mastery = Number(e.target.value); this.#structural("mastery", this.#s.masteryChanged); } } },
          scale.levels.map((l) => {
            const label = textIn(l.label, ctx.base, ctx.base);
            return h("option", { value: String(l.value), selected: l.value === scale.mastery, attrs: { lang: label ? ctx.base : null } }, `${label || s.levelNumber(l.value)} (${l.value})`);
          }))),
      h("div", { class: "msgs", attrs: { "data-path": "scale" } }));
  }

  #criterion(c, ci, ctx, advanced) {
    const s = ctx.s;
    const n = ci + 1;
    const title = textIn(c.title, ctx.base, ctx.base);
    const headingId = `criterion-${ci}-heading`;
    const cells = cellsOf(this.#doc, ci, s);
    const indicators = c.indicators ?? [];
    return h("section", { class: "criterion", part: "criterion", attrs: { "aria-labelledby": headingId, "data-criterion-index": ci, "data-criterion": c.id } },
      h("div", { class: "criterion-head" },
        h("h3", { id: headingId }, title ? s.criterionHeading(n, this.#own(title, ctx.base)) : s.criterionUntitled(n)),
        h("div", { class: "buttons" },
          h("button", { type: "button", class: "icon secondary", attrs: { "aria-label": s.moveCriterionUp(n), "aria-keyshortcuts": "Alt+ArrowUp", "data-key": `criterion-${ci}-up` }, on: { click: () => this.#moveCriterion(ci, -1, `criterion-${ci}-up`) } }, "↑"),
          h("button", { type: "button", class: "icon secondary", attrs: { "aria-label": s.moveCriterionDown(n), "aria-keyshortcuts": "Alt+ArrowDown", "data-key": `criterion-${ci}-down` }, on: { click: () => this.#moveCriterion(ci, 1, `criterion-${ci}-down`) } }, "↓"),
          h("button", { type: "button", class: "secondary", attrs: { "aria-label": s.duplicateCriterion(n), "data-key": `criterion-${ci}-dup` }, on: { click: () => this.#duplicate(ci) } }, s.duplicate),
          h("button", { type: "button", class: "secondary danger", attrs: { "aria-label": s.removeCriterion(n), "data-key": `criterion-${ci}-remove` }, on: { click: () => this.#removeCriterion(ci) } }, s.remove))),
      this.#text(c, "title", `criteria[${ci}].title`, s.criterionTitle, ctx),
      h("div", { class: "row" },
        this.#plain(c, "competency", `criteria[${ci}].competency`, s.competencyId),
        this.#plain(c, "weight", `criteria[${ci}].weight`, s.weight, { number: true }),
        advanced ? this.#plain(c, "id", `criteria[${ci}].id`, s.criterionId) : null),
      cells.length ? this.#grid(c, ci, cells, indicators, ctx) : null,
      h("div", { class: "msgs", attrs: { "data-path": `criteria[${ci}].levels` } }),
      h("h4", {}, title ? s.lookForsFor(this.#own(title, ctx.base)) : s.lookForsForNumber(n)),
      indicators.length === 0 ? h("p", { class: "help" }, s.noLookFors) : null,
      indicators.map((indicator, ii) => this.#indicator(c, ci, indicator, ii, ctx, advanced)),
      h("button", { type: "button", class: "secondary", attrs: { "data-key": `criterion-${ci}-add-lookfor` }, on: { click: () => this.#addIndicator(ci) } }, s.addLookFor));
  }

  #grid(c, ci, cells, indicators, ctx) {
    const s = ctx.s;
    const row = (title, make) => h("tr", {}, h("th", { attrs: { scope: "row" } }, title), cells.map((cell) => h("td", {}, make(cell))));
    const indicatorName = (i) => textIn(i.label, ctx.base, ctx.base) || i.id;
    return h("div", { class: "grid-wrap", attrs: { role: "region", tabindex: "0", "aria-label": s.gridLabel(ci + 1) } },
      h("table", { class: "grid" },
        h("thead", {}, h("tr", {}, h("td", {}), cells.map((cell) => {
          const heading = textIn(cell.heading, ctx.base, ctx.base);
          return h("th", { attrs: { scope: "col", lang: heading ? ctx.base : null } }, `${heading || "—"}${cell.scaleLevel ? ` (${cell.key})` : ""}`);
        }))),
        h("tbody", {},
          row(s.descriptor, (cell) => {
            if (!cell.level && cell.optional) {
              return h("button", { type: "button", class: "secondary", attrs: { "data-key": `${cell.path}-add` }, on: { click: () => { c[cell.key] = { descriptor: "" }; this.#structural(`${cell.path}.descriptor`.replace(/[^\w-]/g, "_"), this.#s.columnAdded); } } }, s.describeColumn(cell.key));
            }
            return this.#text(cell.level, "descriptor", `${cell.path}.descriptor`, s.descriptor, ctx, { multiline: true });
          }),
          row(s.studentWordingRow, (cell) => (cell.level ? this.#text(cell.level, "student", `${cell.path}.student`, s.studentWording, ctx, { multiline: true }) : null)),
          cells[0]?.scaleLevel ? row(s.points, (cell) => this.#plain(cell.level, "points", `${cell.path}.points`, s.points, { number: true })) : null,
          indicators.map((indicator) => row(s.needsRow(this.#own(indicatorName(indicator), ctx.base)), (cell) => {
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
              h("label", { attrs: { for: id } }, h("span", { class: "sr-only" }, s.levelNeeds(textIn(cell.heading, ctx.base, ctx.base), indicatorName(indicator))), h("span", { attrs: { "aria-hidden": "true" } }, s.needed)));
          })))));
  }

  #indicator(c, ci, indicator, ii, ctx, advanced) {
    const s = ctx.s;
    const path = `criteria[${ci}].indicators[${ii}]`;
    const key = `c${ci}-i${ii}`;
    const n = ii + 1;
    const name = textIn(indicator.label, ctx.base, ctx.base) || indicator.id;
    const typeId = `${key}-type`;
    indicator.check ??= { type: "phrases", anyOf: [] };
    const check = indicator.check;
    const types = CHECK_TYPES.filter((type) => this.#supports.has(type) || type === check.type);
    const count = this.#matches.get(`${c.id}\u0000${indicator.id}`);
    const selected = this.#selected?.criterion === c.id && this.#selected?.indicator === indicator.id;
    const checkCtx = {
      ...ctx, path: `${path}.check`, key, others: c.indicators,
      supports: (what) => this.#supports.has(what),
      name: (i) => textIn(i.label, ctx.base, ctx.base) || i.id,
      edited: (p, immediate, note) => { this.#jsonProblem = note ? { path: p, note } : null; this.#edited(p, immediate); },
      changed: (focusKey) => this.#structural(focusKey),
    };
    return h("fieldset", { class: `indicator${selected ? " selected" : ""}`, part: "indicator", attrs: { "data-indicator": indicator.id } },
      h("legend", {}, s.lookForLegend(n, this.#own(name, ctx.base))),
      h("div", { class: "indicator-head" },
        this.#samples.length ? h("p", { class: "matches", attrs: { "data-matches": count ?? "" } },
          count === undefined ? s.notCounted : s.foundIn(count, this.#samples.length)) : null,
        h("div", { class: "buttons" },
          this.#samples.length ? h("button", { type: "button", class: "secondary", attrs: { "aria-pressed": String(selected), "data-key": `${key}-show` }, on: { click: () => this.#select(c.id, indicator.id, `${key}-show`) } }, s.showMatches(n)) : null,
          h("button", { type: "button", class: "icon secondary", attrs: { "aria-label": s.moveLookForUp(n), "data-key": `${key}-up` }, on: { click: () => { if (move(c.indicators, ii, -1)) this.#structural(`c${ci}-i${ii - 1}-up`, this.#s.lookForMovedUp); } } }, "↑"),
          h("button", { type: "button", class: "icon secondary", attrs: { "aria-label": s.moveLookForDown(n), "data-key": `${key}-down` }, on: { click: () => { if (move(c.indicators, ii, 1)) this.#structural(`c${ci}-i${ii + 1}-down`, this.#s.lookForMovedDown); } } }, "↓"),
          h("button", { type: "button", class: "secondary", attrs: { "aria-label": s.duplicateLookFor(n), "data-key": `${key}-dup` }, on: { click: () => this.#duplicateIndicator(ci, ii) } }, s.duplicate),
          h("button", { type: "button", class: "secondary danger", attrs: { "aria-label": s.removeLookFor(n), "data-key": `${key}-remove` }, on: { click: () => this.#removeIndicator(ci, ii) } }, s.remove))),
      this.#text(indicator, "label", `${path}.label`, s.lookForLabel, ctx),
      advanced ? this.#plain(indicator, "id", `${path}.id`, s.lookForId) : null,
      h("div", { class: "field" },
        h("label", { attrs: { for: typeId } }, s.whatToLookFor),
        h("select", { id: typeId, attrs: { "data-key": typeId, "data-path": `${path}.check.type` }, on: { change: (e) => {
          indicator.check = defaultCheck(e.target.value, c.indicators.filter((i) => i !== indicator));
          this.#structural(typeId, this.#s.checkTypeChanged);
        } } }, types.map((type) => h("option", { value: type, selected: check.type === type }, s.checkTypes[type] ?? type)))),
      checkForm(check, checkCtx),
      this.#text(indicator, "hint", `${path}.hint`, s.hint, ctx, { multiline: true }),
      this.#text(indicator, "praise", `${path}.praise`, s.praise, ctx, { multiline: true }),
      h("div", { class: "msgs", attrs: { "data-path": path } }));
  }

  #translations(ctx) {
    const s = ctx.s;
    const missing = missingTranslations(this.#doc, ctx.other);
    const any = isLocalized(this.#doc);
    return h("section", { class: "translations", attrs: { "aria-labelledby": "tr-heading" } },
      h("h2", { id: "tr-heading" }, s.translationsHeading),
      h("p", { class: missing.length && any ? "missing" : "help" },
        !any ? s.noTranslations(ctx.other) : missing.length ? s.translationsMissing(missing.length, ctx.other, ctx.base) : s.allTranslated(ctx.other)));
  }

  // -------------------------------------------------------------------------------------
  // Problems and advice at their fields

  #decorate() {
    if (!this.#form) return;
    for (const box of this.#root.querySelectorAll(".msgs")) box.replaceChildren();
    for (const el of this.#root.querySelectorAll("[aria-invalid]")) el.removeAttribute("aria-invalid");
    const doc = this.#doc;
    const s = this.#s;
    // An empty field the teacher has not been to yet is still to do (in the form only).
    const todo = (p) => this.#mode !== "json" && p.message === "must not be empty" && !this.#visited.has(p.path);
    const errors = this.#lint.errors.map((p) => ({ ...p, kind: todo(p) ? "todo" : "problem" }));
    if (this.#jsonProblem) errors.unshift({ ...this.#jsonProblem, kind: "problem" });
    const advice = this.#lint.advice.map((p) => ({ ...p, kind: "advice" }));
    const advanced = this.hasAttribute("advanced");
    // The engine's English, where the editor's language has no words for it, says it is English.
    const said = ({ text, lang }) => (lang === s.lang ? text : this.#own(text, lang));
    const placed = [];
    for (const item of [...errors, ...advice]) {
      // Errors are fragments ("must be a number") that need their field; advice is a sentence of its own.
      // A function, as the same words go to the field and to the summary.
      const words = () => (item.say ? [item.say(s)]
        : item.kind === "todo" ? [s.stillEmpty(pathInWords(item.path, doc, undefined, s))]
          : item.kind === "problem" ? s.problemAt(pathInWords(item.path, doc, undefined, s), item.note ? item.note(s) : said(plainProblem(item.message, s)))
            : s.adviceAt(placeInWords(item.path, doc, undefined, s), said(adviceInWords(item, s))));
      const target = this.#fieldFor(item.path);
      const message = h("p", { class: item.kind, part: item.kind },
        h("span", { class: "tag" }, s.tags[item.kind]), words(),
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
    const pending = [problems.length && s.problemsToFix(problems.length), todos.length && s.fieldsToFill(todos.length)].filter(Boolean).join(s.and);
    this.#status.textContent = pending ? s.notApplied(pending, Boolean(this.#lastValid)) : this.#lastValid ? s.allApplied : "";
    this.#status.classList.toggle("pending", problems.length > 0);
    const listed = [...problems, ...todos];
    replace(this.#summary, listed.length ? h("ul", { class: problems.length ? "problems" : "todos" }, listed.map(({ words, target, item }) => h("li", {},
      item.kind === "todo" ? h("span", { class: "tag" }, s.tags.todo) : null,
      target?.input ? h("button", { type: "button", class: "link", on: { click: () => target.input.focus() } }, words()) : words(),
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
    this.#structural(`criteria_${ci}__title`, this.#s.criterionAdded(ci + 1));
  }

  #removeCriterion(ci) {
    const title = textIn(this.#doc.criteria[ci].title, this.#doc.locale ?? "en", this.#doc.locale ?? "en");
    this.#doc.criteria.splice(ci, 1);
    const next = Math.min(ci, this.#doc.criteria.length - 1);
    this.#structural(next >= 0 ? `criterion-${next}-remove` : "add-criterion", this.#s.criterionRemoved(title, ci + 1));
  }

  #duplicate(ci) {
    duplicateCriterion(this.#doc, ci);
    this.#structural(`criteria_${ci + 1}__title`, this.#s.criterionDuplicated(ci + 1, ci + 2));
  }

  #moveCriterion(ci, delta, focusKey) {
    if (!move(this.#doc.criteria, ci, delta)) return;
    const to = ci + delta;
    const key = focusKey?.replace(/^criterion-\d+-/, `criterion-${to}-`) ?? `criterion-${to}-up`;
    this.#structural(focusKey && /^criterion-\d+-/.test(focusKey) ? key : `criterion-${to}-${delta < 0 ? "up" : "down"}`, this.#s.criterionMoved(to + 1));
  }

  #addLevel() {
    addLevel(this.#doc);
    const li = this.#doc.scale.levels.length - 1;
    this.#structural(`scale_levels_${li}__label`, this.#s.levelAdded(li + 1));
  }

  #removeLevel(li) {
    if (this.#doc.scale.levels.length <= 1) return;
    removeLevel(this.#doc, li);
    this.#structural(`level-${Math.min(li, this.#doc.scale.levels.length - 1)}-remove`, this.#s.levelRemoved(li + 1));
  }

  #moveLevel(li, delta) {
    if (!moveLevel(this.#doc, li, delta)) return;
    this.#structural(`level-${li + delta}-${delta < 0 ? "down" : "up"}`, this.#s.levelMoved(li + delta + 1));
  }

  #addIndicator(ci) {
    const c = this.#doc.criteria[ci];
    c.indicators ??= [];
    c.indicators.push(newIndicator(this.#doc));
    const ii = c.indicators.length - 1;
    this.#structural(`criteria_${ci}__indicators_${ii}__label`, this.#s.lookForAdded(ii + 1));
  }

  #removeIndicator(ci, ii) {
    const c = this.#doc.criteria[ci];
    const [gone] = c.indicators.splice(ii, 1);
    for (const level of [...(c.levels ?? []), c.proficient, c.advanced].filter(Boolean)) {
      if (level.requires) { level.requires = level.requires.filter((id) => id !== gone.id); if (!level.requires.length) delete level.requires; }
    }
    this.#structural(`criterion-${ci}-add-lookfor`, this.#s.lookForRemoved(ii + 1));
  }

  #duplicateIndicator(ci, ii) {
    const c = this.#doc.criteria[ci];
    const copy = clone(c.indicators[ii]);
    copy.id = uniqueId(copy.id, this.#doc.criteria.flatMap((x) => (x.indicators ?? []).map((i) => i.id)));
    c.indicators.splice(ii + 1, 0, copy);
    this.#structural(`criteria_${ci}__indicators_${ii + 1}__label`, this.#s.lookForDuplicated(ii + 1));
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
    const s = this.#s;
    for (const p of this.#root.querySelectorAll("[data-indicator] .matches")) {
      const c = p.closest("[data-criterion]")?.dataset.criterion;
      const count = this.#matches.get(`${c}\u0000${p.closest("[data-indicator]").dataset.indicator}`);
      p.textContent = count === undefined ? s.notCounted : s.foundIn(count, this.#samples.length);
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
    const s = this.#s;
    view.hidden = false;
    replace(view,
      h("h2", { id: "samples-heading" }, s.samplesHeading(this.#own(name, base))),
      h("p", { class: "help" }, s.samplesCount(hits.length, this.#samples.length)),
      h("ol", { class: "sample-list" }, hits.map((hit) => {
        const sample = this.#samples[hit.sample];
        // A student's answer is in the language they wrote it in: their submission's, else the rubric's.
        return h("li", {}, h("p", { class: "who" }, s.sample(hit.sample + 1, sample.student)),
          h("p", { class: "text", attrs: { lang: sample.submission.locale ?? base } }, markedText(sample.text, hit.spans.filter((span) => !span.field || span.field === "response"))));
      })),
      h("button", { type: "button", class: "secondary", on: { click: () => this.#select(selected.criterion, selected.indicator, "") } }, s.hideMatches));
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
    // A JSON text that could not be read is gone with the view it was typed in (the form and
    // the new view show the rubric as last read): its problem goes too.
    if (this.#jsonProblem) { this.#jsonProblem = null; this.#validate(); }
    this.#decorate();
  }

  #drawJson() {
    const area = h("textarea", { id: "rubric-json", class: "code", rows: 24, value: JSON.stringify(this.#doc, null, 2),
      attrs: { spellcheck: "false", "aria-describedby": "json-msgs", "data-key": "rubric-json" },
      on: { input: () => { clearTimeout(this.#jsonTimer); this.#jsonTimer = setTimeout(() => this.#readJson(area.value), 250); } } });
    replace(this.#jsonView,
      h("label", { attrs: { for: "rubric-json" } }),
      h("p", { class: "help" }),
      area,
      h("div", { id: "json-msgs", class: "json-msgs" }));
    this.#labelJson();
  }

  // The JSON view's words; the JSON text itself is left as it is (it may be half typed).
  #labelJson() {
    const s = this.#s;
    this.#jsonView.querySelector('label[for="rubric-json"]').textContent = s.jsonLabel;
    this.#jsonView.querySelector(".help").textContent = s.jsonHelp;
  }

  #jsonTimer = 0;

  #readJson(text) {
    let doc;
    try { doc = JSON.parse(text); } catch (error) {
      const at = Number(/position (\d+)/.exec(error.message)?.[1]);
      const where = Number.isFinite(at) ? lineColumn(text, at) : null;
      // Kept as a function of the words, so a change of `locale` says it again in the new language.
      const quotes = hasSmartQuotes(text);
      const say = quotes ? (s) => s.jsonCurly(where) : where ? (s) => s.jsonAt(where.line, where.column) : (s) => s.jsonIncomplete;
      this.#jsonProblem = { path: "", say, quotes };
      this.#decorate();
      return;
    }
    this.#jsonProblem = null;
    if (!doc || typeof doc !== "object" || Array.isArray(doc)) {
      this.#jsonProblem = { path: "", say: (s) => s.jsonNotRubric };
      this.#decorate();
      return;
    }
    this.#doc = doc;
    this.#doc.criteria ??= [];
    if (!Array.isArray(this.#doc.criteria)) this.#doc.criteria = [];
    this.#edited("", false);
    this.#validate();
  }

  // Under the JSON: why it cannot be read (and a button that straightens curly quotes), or
  // the rubric's problems in words.
  #jsonMessages(placed) {
    const box = this.#root.getElementById("json-msgs");
    if (!box) return;
    const s = this.#s;
    const problem = this.#jsonProblem;
    if (problem?.say) {
      const hadFocus = this.#root.activeElement?.dataset?.key === "fix-quotes";
      box.replaceChildren(h("p", { class: "problem" }, h("span", { class: "tag" }, s.tags.problem), problem.say(s)),
        problem.quotes ? h("button", { type: "button", attrs: { "data-key": "fix-quotes" }, on: { click: () => {
          const area = this.#root.getElementById("rubric-json");
          area.value = fixSmartQuotes(area.value);
          this.#readJson(area.value);
          area.focus();
        } } }, s.fixQuotes) : null);
      if (hadFocus) box.querySelector("button")?.focus();
      return;
    }
    box.replaceChildren(...placed.filter((p) => p.item.kind === "problem").map(({ words, item }) =>
      h("p", { class: "problem" }, h("span", { class: "tag" }, s.tags.problem), words(), this.hasAttribute("advanced") && item.path ? h("code", { class: "path" }, item.path) : null)));
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
    this.#say(this.#s.downloaded);
  }
}
