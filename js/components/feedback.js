// <evident-feedback>: live formative feedback beside a student's textarea.
// Attributes: rubric-src (URL of a rubric JSON), for (id of the textarea), locale, target,
// field (the response field the textarea holds; default "response"). Property `rubric`
// takes a rubric object or JSON string instead of rubric-src.
// Gives: per criterion the current level, the goal, strengths with the student's own words
// highlighted, at most three next steps; `evident-score` and `evident-feedback` events; the
// draft kept in localStorage; level changes announced politely to screen readers.

import { EvidentLoadError, fetchText, loadEvident } from "./loader.js";
import { ElementBase, emit, errorBox, h, markedText, replace, sheet } from "./dom.js";
import { stringsFor } from "./strings.js";
import { baseCss } from "./theme.js";
import { viewOf } from "./feedback-view.js";
import { draftKey, restoreDraft, saveDraft } from "./draft.js";

const css = `
.panel { background: var(--_bg); border: 1px solid var(--_border); border-radius: var(--evident-radius, 6px); padding: 1em; }
.criteria { list-style: none; padding: 0; }
.criterion { display: grid; grid-template-columns: minmax(6em, auto) 1fr; gap: .15em .75em; align-items: center; margin: .5em 0; }
.criterion .title { font-weight: 600; }
.criterion .statement { grid-column: 1 / -1; color: var(--_muted); font-size: .92em; margin: 0; }
.meter { display: flex; gap: 3px; align-items: center; }
.meter .step { width: 1.6em; height: .6em; border-radius: 3px; background: #e4e8ee; border: 1px solid #8c96a3; }
.meter .step.on { background: var(--_accent); border-color: var(--_accent); }
.meter .label { margin-left: .5em; font-size: .92em; }
.steps li::marker { font-weight: 700; color: var(--_accent); }
.step-title { font-weight: 600; }
.reason { color: var(--_muted); font-size: .92em; }
.quote { display: inline; border: 0; background: none; padding: 0; margin: 0 .25em 0 0; text-align: start; color: inherit; }
.quote mark { text-decoration: underline dotted; }
.quote:hover mark { outline: 1px solid var(--_accent); }
.text { white-space: pre-wrap; overflow-wrap: anywhere; border-left: 3px solid var(--_border); padding-left: .75em; margin: .5em 0 0; }
summary { cursor: pointer; font-weight: 600; }
.status:empty { display: none; }
`;
let styles;


export class EvidentFeedback extends ElementBase {
  static observedAttributes = ["rubric-src", "for", "locale", "target", "field"];

  #root;
  #parts;
  #rubricInput = null;
  #engine = null;
  #rubric = null;
  #session = null;
  #textarea = null;
  #frame = 0;
  #levels = new Map();
  #generation = 0;
  #report = null;
  #feedback = null;
  #onInput = () => this.#changed();

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: "open" });
    styles ??= [sheet(baseCss), sheet(css)];
    this.#root.adoptedStyleSheets = styles;
    this.#build();
  }

  /** The rubric as an object or JSON string (instead of `rubric-src`). */
  get rubric() { return this.#rubric ?? this.#rubricInput; }
  set rubric(value) {
    this.#rubricInput = value;
    if (this.isConnected) this.#start();
  }
  /** The latest score report (null before the first). */
  get report() { return this.#report; }
  /** The latest feedback from the engine (null before the first, or when the build has none). */
  get feedback() { return this.#feedback; }
  /** The compiled engine, once loaded. */
  get engine() { return this.#engine; }

  get #strings() { return stringsFor(this.getAttribute("locale") || this.#rubric?.locale); }
  get #field() { return this.getAttribute("field") || "response"; }

  connectedCallback() { this.#start(); }

  disconnectedCallback() {
    this.#unbind();
    if (this.#frame) cancelAnimationFrame(this.#frame);
    this.#frame = 0;
  }

  attributeChangedCallback(name, old, value) {
    if (!this.isConnected || old === value || !this.#parts) return;
    if (name === "rubric-src") this.#start();
    else if (name === "for") { this.#bind(); this.#update(); }
    else if (this.#engine) { this.#renderHeadings(); if (this.#retune(name === "field")) this.#update(); }
  }

  #build() {
    const s = this.#strings;
    const p = (this.#parts = {
      title: h("h2", { part: "title" }),
      status: h("p", { part: "status", class: "status muted", attrs: { role: "status" } }),
      error: h("div"),
      goalHeading: h("h3"),
      goal: h("p", { part: "goal" }),
      criteriaHeading: h("h3"),
      criteria: h("ul", { part: "criteria", class: "criteria" }),
      strengthsHeading: h("h3"),
      strengths: h("ul", { part: "strengths", class: "strengths" }),
      stepsHeading: h("h3"),
      steps: h("ol", { part: "next-steps", class: "steps" }),
      textSummary: h("summary"),
      text: h("p", { part: "text", class: "text" }),
      live: h("div", { part: "announcer", class: "sr-only", attrs: { "aria-live": "polite", "aria-atomic": "true" } }),
    });
    p.body = h("div", { hidden: true },
      h("section", { class: "goal" }, p.goalHeading, p.goal),
      h("section", {}, p.criteriaHeading, p.criteria),
      h("section", {}, p.strengthsHeading, p.strengths),
      h("section", {}, p.stepsHeading, p.steps),
      h("details", { part: "text-view" }, p.textSummary, p.text));
    this.#root.append(h("div", { part: "panel", class: "panel" }, p.title, p.status, p.error, p.body, p.live));
    p.status.textContent = s.loading;
    this.#renderHeadings();
  }

  #renderHeadings() {
    const s = this.#strings;
    const p = this.#parts;
    p.title.textContent = s.feedback;
    p.goalHeading.textContent = s.goal;
    p.criteriaHeading.textContent = s.criteria;
    p.strengthsHeading.textContent = s.strengths;
    p.stepsHeading.textContent = s.nextSteps;
    p.textSummary.textContent = s.myText;
  }

  async #start() {
    const generation = ++this.#generation;
    const p = this.#parts;
    p.error.replaceChildren();
    p.status.textContent = this.#strings.loading;
    this.#engine?.free?.();
    this.#engine = null;
    this.#session = null;
    this.#bind();
    try {
      const [core, source] = await Promise.all([loadEvident(), this.#rubricSource()]);
      if (generation !== this.#generation || source === null) return;
      const engine = new core.Engine(source);
      this.#engine = engine;
      this.#rubric = engine.rubric;
      this.#levels.clear();
      this.#renderHeadings();
      this.#openSession();
      p.body.hidden = false;
      if (!p.status.dataset.restored) p.status.textContent = "";
      this.#update();
    } catch (error) {
      if (generation !== this.#generation) return;
      this.#fail(error);
    }
  }

  async #rubricSource() {
    if (this.#rubricInput !== null && this.#rubricInput !== undefined) return this.#rubricInput;
    const src = this.getAttribute("rubric-src");
    if (!src) return null;
    return fetchText(new URL(src, document.baseURI).href, "rubric");
  }

  #fail(error) {
    const p = this.#parts;
    p.status.textContent = "";
    p.body.hidden = true;
    replace(p.error, errorBox(error, this.#strings));
    if (!(error instanceof EvidentLoadError) && !(error?.name === "EvidentError")) console.error(error);
  }

  #openSession() {
    if (!this.#engine) return false;
    const options = { field: this.#field, ...this.#feedbackOptions() };
    this.#session?.free?.();
    try {
      this.#session = this.#engine.session(options);
      return true;
    } catch (error) {
      this.#session = null;
      this.#fail(error);
      return false;
    }
  }

  // A new language or target keeps the session (setOptions); a new field needs a new one.
  #retune(newField) {
    if (newField || !this.#session || typeof this.#session.setOptions !== "function") {
      return this.#openSession();
    }
    try {
      this.#session.setOptions(this.#feedbackOptions());
      return true;
    } catch (error) {
      this.#fail(error);
      return false;
    }
  }

  #feedbackOptions() {
    const options = {};
    const locale = this.getAttribute("locale");
    const target = this.getAttribute("target");
    if (locale) options.locale = locale;
    if (target !== null && target !== "" && Number.isFinite(Number(target))) options.target = Number(target);
    return options;
  }

  // The textarea, found in the same tree as this element (document or shadow root).
  #bind() {
    this.#unbind();
    const id = this.getAttribute("for");
    if (!id) return;
    const root = this.getRootNode();
    const textarea = (root.getElementById ? root.getElementById(id) : null) ?? document.getElementById(id);
    if (!textarea) {
      // The element may be upgraded before the parser reaches its textarea.
      if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", () => { this.#bind(); this.#update(); }, { once: true });
      }
      return;
    }
    this.#textarea = textarea;
    textarea.addEventListener("input", this.#onInput);
    this.#restoreDraft();
  }

  #unbind() {
    this.#textarea?.removeEventListener("input", this.#onInput);
    this.#textarea = null;
  }

  get #draftKey() {
    return draftKey(this.getAttribute("rubric-src"), this.#rubricInput, this.getAttribute("for"));
  }

  #restoreDraft() {
    if (restoreDraft(this.#textarea, this.#draftKey)) {
      this.#parts.status.textContent = this.#strings.draftRestored;
      this.#parts.status.dataset.restored = "1";
    }
  }

  // Save at once (never lose a keystroke), re-score once per frame.
  #changed() {
    if (this.#textarea) saveDraft(this.#textarea, this.#draftKey);
    if (this.#parts.status.dataset.restored) { delete this.#parts.status.dataset.restored; this.#parts.status.textContent = ""; }
    if (!this.#frame) {
      this.#frame = requestAnimationFrame(() => {
        this.#frame = 0;
        this.#update();
      });
    }
  }

  /** Re-scores the textarea's current text now (normally done for you on every input). */
  refresh() { this.#update(); }

  #update() {
    if (!this.#engine || !this.#session) return;
    const text = this.#textarea ? this.#textarea.value : "";
    let result;
    try {
      result = this.#session.update(text);
    } catch (error) {
      this.#fail(error);
      return;
    }
    this.#report = result.report;
    this.#feedback = result.feedback ?? this.#engineFeedback(text);
    this.#render(text);
    emit(this, "evident-score", this.#report);
    if (this.#feedback) emit(this, "evident-feedback", this.#feedback);
  }

  // Engines whose session gives no feedback may still have `engine.feedback`.
  #engineFeedback(text) {
    if (typeof this.#engine.feedback !== "function") return null;
    try {
      return this.#engine.feedback({ responses: { [this.#field]: text } }, this.#feedbackOptions());
    } catch (error) {
      console.error(error);
      return null;
    }
  }

  #render(text) {
    const s = this.#strings;
    const p = this.#parts;
    const view = viewOf(this.#rubric, this.#report, this.#feedback);
    p.error.replaceChildren();
    p.body.hidden = false;
    p.goal.textContent = view.goal;

    replace(p.criteria, view.criteria.map((c) =>
      h("li", { class: "criterion", part: "criterion", attrs: { "data-criterion": c.id, "data-level": c.level } },
        h("span", { class: "title" }, c.title),
        h("span", { class: "meter" },
          c.values.map((v) => h("span", { class: v <= c.level ? "step on" : "step", attrs: { "aria-hidden": "true" } })),
          h("span", { class: "label", part: "level" }, s.levelOf(c.label, c.level, c.top))),
        c.statement ? h("p", { class: "statement" }, `${s.target}: ${c.statement}`) : null)));

    if (view.strengths.length === 0) replace(p.strengths, h("li", { class: "muted" }, s.noStrengths));
    else replace(p.strengths, view.strengths.map((st) =>
      h("li", { part: "strength", attrs: { "data-criterion": st.criterion, "data-indicator": st.indicator } },
        h("span", {}, st.message), " ",
        st.spans.filter((sp) => sp.field === this.#field).slice(0, 3).map((sp) =>
          h("button", { type: "button", class: "quote", attrs: { title: s.showInText }, on: { click: () => this.#select(sp) } },
            h("mark", { part: "evidence" }, `“${text.slice(sp.start, sp.end)}”`))))));

    if (view.nextSteps.length === 0) replace(p.steps, h("li", { class: "muted" }, s.noSteps));
    else replace(p.steps, view.nextSteps.map((step) =>
      h("li", { part: "next-step", attrs: { "data-criterion": step.criterion, "data-indicator": step.indicator } },
        h("span", { class: "step-title" }, `${step.title}: `), step.action,
        step.reason ? h("span", { class: "reason" }, ` ${step.reason}`) : null)));

    const spans = view.strengths.flatMap((st) => st.spans).filter((sp) => sp.field === this.#field);
    replace(p.text, markedText(text, spans));
    this.#announce(view.criteria);
  }

  #announce(criteria) {
    const changes = [];
    for (const c of criteria) {
      const before = this.#levels.get(c.id);
      if (before !== undefined && before !== c.level) changes.push(this.#strings.nowAt(c.title, c.label));
      this.#levels.set(c.id, c.level);
    }
    if (changes.length) this.#parts.live.textContent = changes.join(" ");
  }

  #select(span) {
    const t = this.#textarea;
    if (!t) return;
    t.focus();
    t.setSelectionRange(span.start, span.end);
  }
}
