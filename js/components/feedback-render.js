// The DOM of <evident-feedback>'s panel: built once, then each section re-rendered only when
// what it shows changed (a signature per section), so a keystroke that changes nothing
// visible touches no DOM. Also the compact summary ("dock") that stays in view while a
// student types on a phone, and the capped view of the student's whole text.
// Takes: a view (feedback-view.js), the text, the component strings. Gives: DOM, as text only.

import { h, mergeSpans, replace } from "./dom.js";
import { langOf, signature } from "./feedback-view.js";

/** At most this many highlights in the "my text" view, and this many characters of text. */
export const TEXT_VIEW_LIMITS = Object.freeze({ marks: 200, chars: 20_000 });
/** A quoted piece of evidence is shortened to this many characters in a button's name. */
const QUOTE_NAME_CHARS = 60;

export const panelCss = `
.panel { background: var(--_bg); border: 1px solid var(--_border); border-radius: var(--evident-radius, 6px); padding: 1em; overflow-wrap: anywhere; }
.criteria { list-style: none; padding: 0; }
.criterion { display: grid; grid-template-columns: minmax(6em, auto) 1fr; gap: .15em .75em; align-items: center; margin: .5em 0; }
.criterion .title { font-weight: 600; }
.criterion .statement { grid-column: 1 / -1; color: var(--_muted); font-size: .92em; margin: 0; }
.criterion .statement.keep { color: inherit; }
.meter { display: flex; flex-wrap: wrap; gap: 3px; align-items: center; }
.meter .step { width: 1.6em; height: .6em; border-radius: 3px; background: #e4e8ee; border: 1px solid #8c96a3; }
.meter .step.on { background: var(--_accent); border-color: var(--_accent); }
.meter .label { margin-left: .5em; font-size: .92em; }
.steps li::marker { font-weight: 700; color: var(--_accent); }
.step-title { font-weight: 600; }
.reason { color: var(--_muted); font-size: .92em; }
.done { margin: .25em 0; }
.quote { display: inline; border: 0; background: none; padding: 0; margin: 0 .25em 0 0; text-align: start; color: inherit; }
.quote mark { text-decoration: underline dotted; }
.quote:hover mark { outline: 1px solid var(--_accent); }
.text { white-space: pre-wrap; overflow-wrap: anywhere; border-left: 3px solid var(--_border); padding-left: .75em; margin: .5em 0 0; }
summary { cursor: pointer; font-weight: 600; }
.status:empty { display: none; }
.busy { margin: .25em 0; font-style: italic; }
.too-long { margin: .25em 0; padding: .4em .6em; border-inline-start: 4px solid var(--evident-warning, #8a5a00); background: var(--evident-warning-bg, #fff6e0); color: var(--evident-text, #1f1f1f); }
.start ul { padding-left: 1.1em; }
.start h3 { margin-top: .8em; }
.first-step { margin: .25em 0; }
.dock { display: none; }
.dock-levels { list-style: none; display: flex; flex-wrap: wrap; gap: .1em .9em; padding: 0; margin: 0; font-weight: 600; }
.dock-levels li { margin: 0; }
.dock-step { margin: .2em 0 0; display: -webkit-box; -webkit-line-clamp: 3; -webkit-box-orient: vertical; overflow: hidden; }
.dock-toggle { margin-top: .3em; padding: .15em .6em; border: 1px solid var(--_accent); border-radius: 4px; background: var(--_bg); color: var(--_accent); }
.dock-more { max-height: 45vh; overflow-y: auto; margin-top: .4em; }
@media (max-width: 40rem) {
  :host([data-typing]) .dock { display: block; position: fixed; left: 0; right: 0; top: var(--_dock-top, 0px); z-index: 2147483000;
    background: var(--_bg); border-bottom: 2px solid var(--_accent); padding: .45em .75em; font-size: .92em; line-height: 1.35;
    box-shadow: 0 2px 6px rgba(0, 0, 0, .18); }
}
`;

const quoteName = (quote) => (quote.length > QUOTE_NAME_CHARS ? `${quote.slice(0, QUOTE_NAME_CHARS - 1)}…` : quote);

/** The first `limit` spans of `field`, without walking a huge list to the end. */
function spansIn(spans, field, limit) {
  const out = [];
  for (const sp of spans) {
    if (sp.field !== field) continue;
    out.push(sp);
    if (out.length >= limit) break;
  }
  return out;
}

export class FeedbackPanel {
  #parts;
  #signatures = new Map();
  #onSelect;
  #text = "";
  #spans = [];
  #strings = null;
  #empty = null;

  /** `onSelect(span)`: the student asked to see a piece of evidence in their text. */
  constructor(root, { onSelect }) {
    this.#onSelect = onSelect;
    const p = (this.#parts = {
      panel: null,
      title: h("h2", { part: "title" }),
      status: h("p", { part: "status", class: "status muted", attrs: { role: "status" } }),
      busy: h("p", { part: "busy", class: "busy muted", hidden: true }),
      tooLong: h("p", { part: "too-long", class: "too-long", hidden: true }),
      error: h("div"),
      dockLevels: h("ul", { class: "dock-levels" }),
      dockStep: h("p", { class: "dock-step" }),
      dockToggle: h("button", { type: "button", class: "dock-toggle", attrs: { "aria-expanded": "false", "aria-controls": "dock-more" } }),
      // Focusable: it scrolls when long, and a keyboard must reach all of it.
      dockMore: h("div", { class: "dock-more", id: "dock-more", hidden: true, tabIndex: 0 }),
      startIntro: h("p", { class: "muted" }),
      startList: h("ul", { part: "goals" }),
      howHeading: h("h3"),
      firstStep: h("p", { part: "first-step", class: "first-step" }),
      goalHeading: h("h3"),
      goal: h("p", { part: "goal" }),
      criteriaHeading: h("h3"),
      criteria: h("ul", { part: "criteria", class: "criteria" }),
      strengthsHeading: h("h3"),
      strengths: h("ul", { part: "strengths", class: "strengths" }),
      stepsHeading: h("h3"),
      steps: h("ol", { part: "next-steps", class: "steps" }),
      done: h("p", { part: "done", class: "done", hidden: true }),
      textSummary: h("summary"),
      text: h("div", { part: "text", class: "text" }),
      textNote: h("p", { class: "muted", hidden: true }),
      live: h("div", { part: "announcer", class: "sr-only", attrs: { "aria-live": "polite", "aria-atomic": "true" } }),
    });
    p.dock = h("div", { part: "dock", class: "dock", attrs: { role: "region" } },
      p.dockLevels, p.dockStep, p.dockToggle, p.dockMore);
    // A tap on the toggle keeps the textarea focused, so a phone's keyboard stays open.
    p.dockToggle.addEventListener("pointerdown", (e) => e.preventDefault());
    p.dockToggle.addEventListener("click", () => this.#toggleDock());
    p.start = h("section", { class: "start", hidden: true },
      p.startIntro, p.startList, p.howHeading, p.firstStep);
    p.goalSection = h("section", { class: "goal" }, p.goalHeading, p.goal);
    p.criteriaSection = h("section", {}, p.criteriaHeading, p.criteria);
    p.strengthsSection = h("section", {}, p.strengthsHeading, p.strengths);
    p.stepsSection = h("section", {}, p.stepsHeading, p.steps, p.done);
    p.textView = h("details", { part: "text-view" }, p.textSummary, p.textNote, p.text);
    p.textView.addEventListener("toggle", () => this.#renderText());
    p.body = h("div", { hidden: true }, p.goalSection, p.start, p.criteriaSection, p.strengthsSection, p.stepsSection, p.textView);
    p.panel = h("div", { part: "panel", class: "panel" }, p.title, p.status, p.busy, p.tooLong, p.error, p.dock, p.body, p.live);
    root.append(p.panel);
  }

  get parts() { return this.#parts; }

  /** The component's own words (headings, buttons) in `strings`' language. */
  headings(strings) {
    this.#strings = strings;
    const p = this.#parts;
    p.panel.lang = strings.lang;
    p.title.textContent = strings.feedback;
    p.startIntro.textContent = strings.emptyIntro;
    p.howHeading.textContent = strings.howToStart;
    p.goalHeading.textContent = strings.goal;
    p.criteriaHeading.textContent = strings.criteria;
    p.strengthsHeading.textContent = strings.strengths;
    p.stepsHeading.textContent = strings.nextSteps;
    p.done.textContent = strings.noSteps;
    p.textSummary.textContent = strings.myText;
    p.busy.textContent = strings.checking;
    p.dock.setAttribute("aria-label", strings.summary);
    p.dockToggle.textContent = p.dockMore.hidden ? strings.showAll : strings.hideAll;
    this.#signatures.clear();
  }

  /** Says the answer is over the engine's `answerChars` (`{chars, limit}`), or nothing (null). */
  set tooLong(over) {
    const p = this.#parts;
    const s = this.#strings;
    const message = over && s ? s.tooLong(over.chars.toLocaleString(s.lang), over.limit.toLocaleString(s.lang)) : "";
    if (p.tooLong.textContent !== message) p.tooLong.textContent = message;
    p.tooLong.hidden = !message;
  }

  set busy(on) {
    if (this.#parts.busy.hidden === !on) return;
    this.#parts.busy.hidden = !on;
    this.#parts.panel.setAttribute("aria-busy", on ? "true" : "false");
  }

  /** Renders a view; `rubricLang` is the language of the rubric's own words (titles, labels). */
  render(view, text, field, rubricLang) {
    const s = this.#strings;
    const p = this.#parts;
    p.error.replaceChildren();
    p.body.hidden = false;
    const inLang = (el, lang) => {
      if (lang && lang !== s.lang) el.lang = lang;
      return el;
    };

    // An empty answer shows the goal and how to start instead of a row of lowest levels. Its
    // list of goals carries the criteria (`part="criterion"`), so only one list has them at a time.
    if (this.#empty !== view.empty) {
      this.#empty = view.empty;
      this.#signatures.delete("start");
      this.#signatures.delete("criteria");
      replace(view.empty ? p.criteria : p.startList);
    }
    p.start.hidden = !view.empty;
    for (const section of [p.criteriaSection, p.strengthsSection, p.stepsSection, p.textView]) section.hidden = view.empty;

    this.#section("goal", [view.goal], () => { inLang(p.goal, view.goalLang).textContent = view.goal; });
    if (view.empty) this.#section("start", [view.goal, view.criteria.map((c) => [c.id, c.level, c.title, c.statement]), view.nextSteps[0] ?? null], () => {
      replace(p.startList, view.criteria.map((c) => h("li", { part: "criterion", attrs: { "data-criterion": c.id, "data-level": c.level } },
        inLang(h("span", { class: "step-title" }, `${c.title}: `), rubricLang),
        inLang(h("span", {}, c.statement), c.statementLang ?? rubricLang))));
      const first = view.nextSteps[0];
      replace(p.firstStep, first ? this.#stepContent(first, inLang) : s.noStrengths);
    });
    if (view.empty) {
      this.#renderDock(view, inLang);
      this.#text = text;
      this.#spans = [];
      return;
    }


    this.#section("criteria", view.criteria, () => replace(p.criteria, view.criteria.map((c) =>
      h("li", { class: "criterion", part: "criterion", attrs: { "data-criterion": c.id, "data-level": c.level } },
        inLang(h("span", { class: "title" }, c.title), rubricLang),
        h("span", { class: "meter" },
          c.values.map((v) => h("span", { class: v <= c.level ? "step on" : "step", attrs: { "aria-hidden": "true" } })),
          h("span", { class: "label", part: "level" }, inLang(h("span", {}, c.label), rubricLang), ` ${s.outOf(c.level, c.top)}`)),
        c.statement ? h("p", { class: c.atTop ? "statement keep" : "statement", part: c.atTop ? "keep-doing" : "aiming-for" },
          `${c.atTop ? s.keepDoing : s.target}: `, inLang(h("span", {}, c.statement), c.statementLang ?? rubricLang)) : null))));

    const quotes = view.strengths.map((st) => spansIn(st.spans, field, 3).map((sp) => ({ sp, quote: text.slice(sp.start, sp.end) })));
    this.#section("strengths", [view.strengths.map((st) => [st.criterion, st.indicator, st.message]), quotes], () => {
      if (view.strengths.length === 0) replace(p.strengths, h("li", { class: "muted" }, s.noStrengths));
      else replace(p.strengths, view.strengths.map((st, i) =>
        h("li", { part: "strength", attrs: { "data-criterion": st.criterion, "data-indicator": st.indicator } },
          inLang(h("span", {}, st.message), langOf(st)), " ",
          quotes[i].map(({ sp, quote }) =>
            h("button", { type: "button", class: "quote", attrs: { "aria-label": s.showWhere(quoteName(quote)) }, on: { click: () => this.#onSelect(sp) } },
              h("mark", { part: "evidence" }, `“${quote}”`))))));
    });

    this.#section("steps", view.nextSteps, () => {
      p.done.hidden = view.nextSteps.length > 0;
      p.steps.hidden = view.nextSteps.length === 0;
      replace(p.steps, view.nextSteps.map((step) =>
        h("li", { part: "next-step", attrs: { "data-criterion": step.criterion, "data-indicator": step.indicator } },
          this.#stepContent(step, inLang))));
    });

    this.#renderDock(view, inLang);
    this.#text = text;
    this.#spans = view.strengths.flatMap((st) => st.spans).filter((sp) => sp.field === field);
    this.#signatures.delete("text");
    this.#renderText();
  }

  #stepContent(step, inLang) {
    return inLang(h("span", {},
      h("span", { class: "step-title" }, `${step.title}: `), step.action,
      step.reason ? h("span", { class: "reason" }, ` ${step.reason}`) : null), langOf(step));
  }

  #section(name, value, render) {
    const sig = signature(value);
    if (this.#signatures.get(name) === sig) return;
    this.#signatures.set(name, sig);
    render();
  }

  #renderDock(view, inLang) {
    const s = this.#strings;
    const p = this.#parts;
    const first = view.nextSteps[0];
    this.#section("dock", [view.empty, view.criteria.map((c) => [c.title, c.level, c.label]), view.nextSteps, view.goal], () => {
      p.dockLevels.hidden = view.empty;
      replace(p.dockLevels, view.criteria.map((c) => h("li", { attrs: { "data-criterion": c.id } }, s.shortLevel(c.title, c.level, c.top))));
      replace(p.dockStep, first
        ? [h("span", { class: "step-title" }, `${view.empty ? s.howToStart : s.next}: `), inLang(h("span", {}, first.action), langOf(first))]
        : s.noSteps);
      replace(p.dockMore,
        view.empty ? null : h("ul", {}, view.criteria.map((c) => h("li", {}, `${c.title}: `, s.levelOf(c.label, c.level, c.top)))),
        view.nextSteps.length ? h("ol", {}, view.nextSteps.map((step) => h("li", {}, this.#stepContent(step, inLang)))) : null);
    });
  }

  #toggleDock() {
    const p = this.#parts;
    p.dockMore.hidden = !p.dockMore.hidden;
    p.dockToggle.setAttribute("aria-expanded", String(!p.dockMore.hidden));
    p.dockToggle.textContent = p.dockMore.hidden ? this.#strings.showAll : this.#strings.hideAll;
  }

  // The whole text with its evidence marked, built only while the view is open, and capped:
  // a 2 MB paste shows its first 20,000 characters and 200 highlights, never 100,000 marks.
  #renderText() {
    const p = this.#parts;
    if (!p.textView.open) return;
    const s = this.#strings;
    const text = this.#text;
    const limit = Math.min(text.length, TEXT_VIEW_LIMITS.chars);
    const inView = this.#spans.filter((sp) => sp.start < limit);
    let merged = mergeSpans(inView, limit);
    const totalMarks = this.#spans.length > inView.length ? mergeSpans(this.#spans, text.length).length : merged.length;
    if (merged.length > TEXT_VIEW_LIMITS.marks) merged = merged.slice(0, TEXT_VIEW_LIMITS.marks);
    const end = merged.length < totalMarks && merged.length === TEXT_VIEW_LIMITS.marks ? Math.min(limit, merged[merged.length - 1][1] + 200) : limit;
    const sig = signature([text.length, text.slice(0, end), merged]);
    if (this.#signatures.get("text") === sig) return;
    this.#signatures.set("text", sig);
    const fragment = document.createDocumentFragment();
    let at = 0;
    for (const [start, stop] of merged) {
      if (start > at) fragment.append(text.slice(at, start));
      fragment.append(h("mark", { part: "evidence" }, text.slice(start, stop)));
      at = stop;
    }
    if (at < end) fragment.append(text.slice(at, end));
    if (end < text.length) fragment.append("…");
    replace(p.text, fragment);
    const notes = [];
    if (merged.length < totalMarks) notes.push(s.marksCapped(merged.length.toLocaleString(s.lang), totalMarks.toLocaleString(s.lang)));
    if (end < text.length) notes.push(s.textCut(end.toLocaleString(s.lang), text.length.toLocaleString(s.lang)));
    p.textNote.hidden = notes.length === 0;
    p.textNote.textContent = notes.join(" ");
  }
}
