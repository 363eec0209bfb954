// <evident-feedback>: live formative feedback beside a student's textarea.
// Attributes: rubric-src (URL of a rubric JSON) or rubric (the rubric as a JSON string), for
// (id of the textarea; React's htmlFor works too, `for` wins), locale, target, field (the
// response field the textarea holds; default "response"), and for drafts: student,
// draft-key, no-draft, draft-max-age (seconds). Properties: `rubric` (an object or JSON string
// instead of rubric-src), `htmlFor`, `options` ({student, draftKey, noDraft, draftMaxAge}).
// A textarea rendered after the element (a framework's later render) is found when it appears,
// and one rendered anew with the same id (React after a `key` change) replaces the old one.
// Gives: per criterion the current level and the goal (or, at the top, what to keep doing);
// strengths with the student's own words highlighted; at most three next steps; a compact
// summary that stays in view while typing on a phone; one polite announcement per pause;
// `evident-score`, `evident-feedback` and `evident-draft` events; the draft kept in
// localStorage per student and task (draft.js). The panel's DOM is feedback-render.js, the
// announcements feedback-speech.js, when the analysis runs feedback-analysis.js; this file
// binds them to the textarea, the drafts and the engine.

import { EvidentLoadError, fetchText, loadEvident } from "./loader.js";
import { ElementBase, emit, errorBox, replace, sheet } from "./dom.js";
import { stringsFor } from "./strings.js";
import { baseCss } from "./theme.js";
import { viewOf } from "./feedback-view.js";
import { FeedbackPanel, panelCss } from "./feedback-render.js";
import { Announcer } from "./feedback-speech.js";
import { LiveAnalysis } from "./feedback-analysis.js";
import { DRAFT_DEFAULTS, DraftWriter, clearDrafts, draftKey, readDraft, removeDraft, sweepDrafts, taskKey } from "./draft.js";


let styles;
let swept = false;

/** Seconds after which an element whose textarea never appeared warns in the console. */
export const TEXTAREA_WAIT_SECONDS = 5;

// What an object becomes as an attribute: React 18 sets `rubric={object}` this way.
const OBJECT_AS_TEXT = /^\[object [A-Za-z]*\]$/;

export class EvidentFeedback extends ElementBase {
  static observedAttributes = ["rubric-src", "rubric", "for", "htmlfor", "locale", "target", "field", "student", "draft-key", "no-draft", "draft-max-age"];

  /** The draft defaults: `maxAge` 7 days (in seconds), `maxChars` 100,000, `delay` 400 ms. */
  static draftDefaults = DRAFT_DEFAULTS;

  /**
   * Removes every saved draft of one student (`{student: "s-17"}`) or, with no argument, every
   * Evident draft on this device (for a shared classroom device at the end of a lesson).
   * Returns how many drafts it removed. Pending (unsaved) drafts of elements on the page are
   * dropped too.
   */
  static clearDrafts({ student } = {}) {
    for (const el of live) {
      if (student === undefined || student === null || el.#student === String(student)) el.#writer.cancel();
    }
    return clearDrafts({ student });
  }

  #root;
  #panel;
  #announcer;
  #writer;
  #rubricInput = null;
  #options = {};
  #engine = null;
  /** The loaded engine module (its `getLimits`). */
  #core = null;
  #rubric = null;
  #analysis;
  #textarea = null;
  #waiting = null;
  #watching = null;
  #form = null;
  #generation = 0;
  #report = null;
  #feedback = null;
  #restoring = false;
  #draftNotice = null;
  #onInput = () => this.#changed();
  #onSubmit = () => this.#submitted();
  #onFocus = () => { this.toggleAttribute("data-typing", true); this.#placeDock(); };
  #onBlur = (event) => {
    if (event.relatedTarget !== this) this.removeAttribute("data-typing");
    this.#announcer.blurred();
  };
  // Focus may move from the textarea into the summary (its toggle, its list) and stay typing.
  #onFocusOut = (event) => { if (event.relatedTarget !== this.#textarea && event.relatedTarget !== this) this.removeAttribute("data-typing"); };
  #onFocusIn = () => {
    const active = this.#root.activeElement;
    if (active && !this.#panel.parts.dock.contains(active)) this.removeAttribute("data-typing");
  };
  #onPageHide = () => this.#writer.flush();
  #onVisibility = () => { if (document.visibilityState === "hidden") this.#writer.flush(); };
  #onViewport = () => this.#placeDock();

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: "open" });
    styles ??= [sheet(baseCss), sheet(panelCss)];
    this.#root.adoptedStyleSheets = styles;
    this.#panel = new FeedbackPanel(this.#root, { onSelect: (span) => this.#select(span) });
    this.#analysis = new LiveAnalysis({
      text: () => (this.#textarea ? this.#textarea.value : ""),
      onResult: (text, result) => this.#show(text, result),
      onError: (error) => this.#fail(error),
      onBusy: (on) => { this.#panel.busy = on; },
      // The engine's own limit, which a full score of this answer would enforce.
      limit: () => this.#core?.getLimits?.().answerChars ?? Infinity,
      onLong: (over) => { this.#panel.tooLong = over; },
    });
    this.#announcer = new Announcer(this.#panel.parts.live, { textarea: () => this.#textarea, busy: () => this.#analysis.pending });
    this.#writer = new DraftWriter({ onSaved: (result) => this.#draftSaved(result), limits: () => ({ maxChars: DRAFT_DEFAULTS.maxChars }) });
    this.#panel.parts.status.textContent = this.#strings.loading;
    this.#panel.headings(this.#strings);
    this.addEventListener("evident-submitted", this.#onSubmit);
    this.addEventListener("focusout", this.#onFocusOut);
    this.addEventListener("focusin", this.#onFocusIn);
  }

  /** The rubric as an object or JSON string (instead of `rubric-src`). */
  get rubric() { return this.#rubric ?? this.#rubricInput; }
  set rubric(value) {
    this.#rubricInput = value;
    if (this.isConnected) this.#start();
  }
  /**
   * The textarea's id when given as React's `htmlFor`: React 19 sets this property, React 18
   * the attribute `htmlfor`. The `for` attribute wins over both; reading gives the id followed.
   */
  get htmlFor() { return this.#targetId ?? ""; }
  set htmlFor(value) {
    if (value === null || value === undefined) this.removeAttribute("htmlfor");
    else this.setAttribute("htmlfor", String(value));
  }
  /**
   * Draft options (attributes win over them): `student` (whose draft), `draftKey` (the task's
   * key; default the rubric's path and the textarea id), `noDraft` (keep no draft),
   * `draftMaxAge` (seconds; default 7 days).
   */
  get options() { return { ...this.#options }; }
  set options(value) {
    const before = { slot: this.#draftSlot, student: this.#student };
    this.#options = { ...(value ?? {}) };
    if (before.slot === this.#draftSlot) return;
    if (before.student !== this.#student) this.#studentChanged();
    else { this.#writer.flush(); this.#restoreDraft(false); }
  }
  /** The student whose draft this is (the `student` attribute, else `options.student`). */
  get student() { return this.#student; }
  set student(value) {
    if (value === null || value === undefined) this.removeAttribute("student");
    else this.setAttribute("student", String(value));
  }
  /** The latest score report (null before the first). */
  get report() { return this.#report; }
  /** The latest feedback from the engine (null before the first, or when the build has none). */
  get feedback() { return this.#feedback; }
  /** The compiled engine, once loaded. */
  get engine() { return this.#engine; }
  /** The localStorage key of the current draft, or null when drafts are off. */
  get draftKey() { return this.#draftSlot; }

  get #strings() { return stringsFor(this.getAttribute("locale") || this.#rubric?.locale); }
  get #field() { return this.getAttribute("field") || "response"; }
  get #student() { return this.getAttribute("student") ?? (this.#options.student === undefined || this.#options.student === null ? "" : String(this.#options.student)); }
  get #draftsOn() { return !this.hasAttribute("no-draft") && !this.#options.noDraft; }
  get #maxAge() {
    const value = Number(this.getAttribute("draft-max-age") ?? this.#options.draftMaxAge ?? DRAFT_DEFAULTS.maxAge);
    return Number.isFinite(value) && value >= 0 ? value : DRAFT_DEFAULTS.maxAge;
  }
  get #targetId() { return this.getAttribute("for") || this.getAttribute("htmlfor") || null; }
  get #draftSlot() {
    if (!this.#draftsOn) return null;
    const task = this.getAttribute("draft-key") ?? this.#options.draftKey
      ?? taskKey(this.getAttribute("rubric-src"), this.#rubricInput ?? this.getAttribute("rubric"), this.#targetId);
    return draftKey(this.#student, String(task));
  }

  connectedCallback() {
    this.#upgradeProperties();
    live.add(this);
    addEventListener("pagehide", this.#onPageHide);
    document.addEventListener("visibilitychange", this.#onVisibility);
    if (!swept && this.#draftsOn) { swept = true; sweepDrafts({ maxAge: this.#maxAge }); }
    this.#start();
  }

  disconnectedCallback() {
    live.delete(this);
    this.#writer.flush();
    removeEventListener("pagehide", this.#onPageHide);
    document.removeEventListener("visibilitychange", this.#onVisibility);
    this.#unbind();
    this.#announcer.stop();
    this.#analysis.stop();
  }

  attributeChangedCallback(name, old, value) {
    if (!this.isConnected || old === value) return;
    if (name === "rubric-src" || name === "rubric") {
      if (name === "rubric" && this.#rubricInput !== null && this.#rubricInput !== undefined) return;
      this.#writer.flush();
      this.#start();
    } else if (name === "for" || name === "htmlfor") { this.#writer.flush(); this.#bind(); this.#update(); }
    else if (name === "student") this.#studentChanged();
    else if (name === "draft-key" || name === "no-draft" || name === "draft-max-age") { this.#writer.flush(); this.#restoreDraft(false); }
    else if (this.#engine) {
      if (name === "locale") this.#rubric = this.#rubricInLocale();
      this.#panel.headings(this.#strings);
      if (this.#retune(name === "field")) this.#update();
    }
  }

  // The rubric's own text in the page's language where the rubric gives it.
  #rubricInLocale() {
    const locale = this.getAttribute("locale");
    return locale ? this.#engine.rubricIn(locale) : this.#engine.rubric;
  }

  async #start() {
    const generation = ++this.#generation;
    const p = this.#panel.parts;
    p.error.replaceChildren();
    p.status.textContent = this.#strings.loading;
    this.#analysis.session = null;
    this.#engine?.free?.();
    this.#engine = null;
    this.#announcer.reset();
    this.#bind();
    try {
      const [core, source] = await Promise.all([loadEvident(), this.#rubricSource()]);
      if (generation !== this.#generation || source === null) return;
      const engine = new core.Engine(source);
      this.#engine = engine;
      this.#core = core;
      // The rubric's own text in the page's language where the rubric gives it.
      this.#rubric = this.#rubricInLocale();
      this.#panel.headings(this.#strings);
      this.#openSession();
      p.body.hidden = false;
      if (!p.status.dataset.restored && !this.#draftNotice) p.status.textContent = "";
      this.#update();
    } catch (error) {
      if (generation !== this.#generation) return;
      this.#fail(error);
    }
  }

  // Properties set before the element was defined sit on the instance and hide the class's
  // accessors: take them through the accessors.
  #upgradeProperties() {
    for (const key of ["rubric", "options", "htmlFor", "student"]) {
      if (!Object.hasOwn(this, key)) continue;
      const value = this[key];
      delete this[key];
      if (key === "rubric") this.#rubricInput = value;
      else this[key] = value;
    }
  }

  // The property, else the `rubric` attribute (a JSON string), else `rubric-src`.
  async #rubricSource() {
    if (this.#rubricInput !== null && this.#rubricInput !== undefined) return this.#rubricInput;
    const inline = this.getAttribute("rubric");
    if (inline !== null && inline.trim() !== "") {
      if (OBJECT_AS_TEXT.test(inline.trim())) throw new Error(this.#strings.rubricAsText(inline.trim()));
      return inline;
    }
    const src = this.getAttribute("rubric-src");
    if (!src) return null;
    return fetchText(new URL(src, document.baseURI).href, "rubric");
  }

  #fail(error) {
    const p = this.#panel.parts;
    p.status.textContent = "";
    p.body.hidden = true;
    replace(p.error, errorBox(error, this.#strings));
    if (!(error instanceof EvidentLoadError) && !(error?.name === "EvidentError")) console.error(error);
  }

  #openSession() {
    if (!this.#engine) return false;
    const options = { field: this.#field, ...this.#feedbackOptions() };
    try {
      this.#analysis.session = this.#engine.session(options);
      return true;
    } catch (error) {
      this.#analysis.session = null;
      this.#fail(error);
      return false;
    }
  }

  // A new language or target keeps the session (setOptions); a new field needs a new one.
  #retune(newField) {
    const session = this.#analysis.session;
    if (newField || !session || typeof session.setOptions !== "function") {
      return this.#openSession();
    }
    try {
      session.setOptions(this.#feedbackOptions());
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
  #find(id) {
    const root = this.getRootNode();
    return (root.getElementById ? root.getElementById(id) : null) ?? document.getElementById(id);
  }

  // `warn: false` when the textarea left the page: one that does not come back (a framework
  // hid it) is waited for without a console warning.
  #bind({ warn = true } = {}) {
    this.#unbind();
    const id = this.#targetId;
    if (!id) return;
    const textarea = this.#find(id);
    if (!textarea) {
      this.#awaitTextarea(id, warn);
      return;
    }
    this.#textarea = textarea;
    textarea.addEventListener("input", this.#onInput);
    textarea.addEventListener("focus", this.#onFocus);
    textarea.addEventListener("blur", this.#onBlur);
    textarea.addEventListener("evident-submitted", this.#onSubmit);
    this.#form = textarea.form;
    this.#form?.addEventListener("submit", this.#onSubmit);
    visualViewport?.addEventListener("resize", this.#onViewport);
    visualViewport?.addEventListener("scroll", this.#onViewport);
    if (textarea.matches(":focus")) this.toggleAttribute("data-typing", true);
    this.#watchTextarea(textarea);
    this.#restoreDraft(false);
  }

  // A framework may drop the textarea and render a new one with the same id (React, when a
  // `key` changes): watch the tree the textarea is in, and once it has left the page, save
  // its pending draft and bind the new one (whose empty box then gets the draft back). Each
  // batch of mutations costs one `isConnected` read; the watch ends on unbind.
  #watchTextarea(textarea) {
    const observer = new MutationObserver(() => {
      if (this.#textarea !== textarea || textarea.isConnected) return;
      this.#writer.flush();
      this.removeAttribute("data-typing"); // set again if the new textarea has the focus
      this.#bind({ warn: false });
      this.#update();
    });
    const root = textarea.getRootNode();
    if (root.nodeType === Node.DOCUMENT_NODE || root.nodeType === Node.DOCUMENT_FRAGMENT_NODE) observer.observe(root, { childList: true, subtree: true });
    this.#watching = observer;
  }

  // The parser has not reached the textarea yet, or a framework renders it later: watch this
  // element's tree (and the document) for it. Each batch of mutations costs one id lookup; the
  // watch ends when the textarea appears or the element leaves the page. One console warning
  // if it has not appeared some seconds after the page loaded.
  #awaitTextarea(id, warnLater) {
    const observer = new MutationObserver(() => {
      if (!this.#find(id)) return;
      this.#bind();
      this.#update();
    });
    const options = { childList: true, subtree: true, attributes: true, attributeFilter: ["id"] };
    for (const root of new Set([this.getRootNode(), document])) {
      if (root.nodeType === Node.DOCUMENT_NODE || root.nodeType === Node.DOCUMENT_FRAGMENT_NODE) observer.observe(root, options);
    }
    const waiting = { observer, timer: 0 };
    const warn = () => {
      if (document.readyState === "loading") { waiting.timer = setTimeout(warn, TEXTAREA_WAIT_SECONDS * 1000); return; }
      console.warn(this.#strings.noTextarea(id, TEXTAREA_WAIT_SECONDS));
    };
    if (warnLater) waiting.timer = setTimeout(warn, TEXTAREA_WAIT_SECONDS * 1000);
    this.#waiting = waiting;
  }

  #unbind() {
    if (this.#waiting) {
      this.#waiting.observer.disconnect();
      clearTimeout(this.#waiting.timer);
      this.#waiting = null;
    }
    this.#watching?.disconnect();
    this.#watching = null;
    const t = this.#textarea;
    t?.removeEventListener("input", this.#onInput);
    t?.removeEventListener("focus", this.#onFocus);
    t?.removeEventListener("blur", this.#onBlur);
    t?.removeEventListener("evident-submitted", this.#onSubmit);
    this.#form?.removeEventListener("submit", this.#onSubmit);
    visualViewport?.removeEventListener("resize", this.#onViewport);
    visualViewport?.removeEventListener("scroll", this.#onViewport);
    this.#textarea = null;
    this.#form = null;
  }

  // Puts the saved draft into the textarea when it holds nothing of the student's yet (or,
  // after a change of student, always: the text on screen belongs to the previous student),
  // then fires `input` (once the current script is done) so a framework's controlled textarea
  // (React) learns the new value.
  #restoreDraft(replaceText) {
    const t = this.#textarea;
    const key = this.#draftSlot;
    const draft = key && t ? readDraft(key, { maxAge: this.#maxAge }) : null;
    const p = this.#panel.parts;
    delete p.status.dataset.restored;
    this.#draftNotice = null;
    if (p.status.textContent !== this.#strings.loading) p.status.textContent = "";
    if (!t) return;
    const untouched = t.value === "" || t.value === t.defaultValue;
    const next = draft ? draft.text : "";
    if (!replaceText && (!draft || !untouched || draft.text === t.value)) return;
    if (t.value === next) return;
    // Assigning `value` also empties the textarea's undo history, so Ctrl+Z cannot bring back
    // the previous student's text.
    setValue(t, next);
    if (draft) {
      p.status.textContent = draft.truncated
        ? this.#strings.draftRestoredTruncated(draft.text.length.toLocaleString(this.#strings.lang))
        : this.#strings.draftRestored;
      p.status.dataset.restored = "1";
    }
    // After the current task's synchronous work: React ignores events fired while it commits
    // a render, which is when this element connects and restores.
    queueMicrotask(() => {
      if (this.#textarea !== t || t.value !== next) return;
      this.#restoring = true;
      try { t.dispatchEvent(new Event("input", { bubbles: true })); } finally { this.#restoring = false; }
    });
  }

  #studentChanged() {
    this.#writer.flush();
    this.#announcer.reset();
    this.#restoreDraft(true);
    this.#update();
  }

  /** Removes the current student's saved draft of this task (the text stays in the textarea). */
  clearDraft() {
    this.#writer.cancel();
    const key = this.#draftSlot;
    if (key) removeDraft(key);
  }

  #submitted() {
    this.clearDraft();
    emit(this, "evident-draft", { key: this.#draftSlot, cleared: true });
  }

  #draftSaved(result) {
    const s = this.#strings;
    const p = this.#panel.parts;
    const notice = result.error ? s.draftNotSaved : result.truncated ? s.draftTruncated(result.kept.toLocaleString(s.lang)) : null;
    if (notice !== this.#draftNotice) {
      this.#draftNotice = notice;
      if (notice || !p.status.dataset.restored) p.status.textContent = notice ?? "";
    }
    emit(this, "evident-draft", result);
  }

  // Save on a debounce, re-score once per frame; a long answer is re-scored after a pause,
  // with "checking…" shown first, so a huge paste never re-runs the analysis per keystroke.
  #changed() {
    if (this.#restoring) { this.#analysis.schedule(); return; }
    const t = this.#textarea;
    const key = this.#draftSlot;
    if (t && key) this.#writer.schedule(key, t.value);
    const p = this.#panel.parts;
    if (p.status.dataset.restored) { delete p.status.dataset.restored; p.status.textContent = this.#draftNotice ?? ""; }
    this.#announcer.typed();
    this.#analysis.schedule();
  }

  /** Re-scores the textarea's current text now (normally done for you on every input). */
  refresh() { this.#update(); }

  #update() {
    if (this.#engine) this.#analysis.now();
  }

  #show(text, result) {
    this.#report = result.report;
    this.#feedback = result.feedback ?? this.#engineFeedback(text);
    const view = viewOf(this.#rubric, this.#report, this.#feedback, text);
    this.#panel.render(view, text, this.#field, this.#rubric?.locale);
    this.#announcer.viewed(view, stringsFor(view.locale ?? this.getAttribute("locale") ?? this.#rubric?.locale));
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

  // On a phone the keyboard shrinks the visual viewport: keep the summary at its top.
  #placeDock() {
    const top = globalThis.visualViewport?.offsetTop ?? 0;
    this.style.setProperty("--_dock-top", `${Math.max(0, Math.round(top))}px`);
  }

  #select(span) {
    const t = this.#textarea;
    if (!t) return;
    t.focus();
    t.setSelectionRange(span.start, span.end);
  }
}

// Sets a textarea's value through its prototype's setter. React wraps a controlled
// textarea's own `value` to remember the last value it saw; assigning through that wrapper
// would make the `input` event that follows look like no change, and React's state would
// stay empty while the draft shows.
function setValue(textarea, value) {
  for (let proto = Object.getPrototypeOf(textarea); proto; proto = Object.getPrototypeOf(proto)) {
    const setter = Object.getOwnPropertyDescriptor(proto, "value")?.set;
    if (setter) { setter.call(textarea, value); return; }
  }
  textarea.value = value;
}

// Elements on the page, so the static clearDrafts can drop their pending writes.
const live = new Set();
