/**
 * `evident/elements`: the Web Components <evident-feedback>, <evident-rubric> and
 * <evident-mastery>, registered on import (the entry's only side effect). Needs the DOM lib.
 * @packageDocumentation
 */
import type { Engine, EvidentLoadError, loadEvident, setWasmUrl, EvidentError } from "./engine.js";
import type { CompiledRubricJson, LintResult, Problem, Rubric, ScoreReport, Submission } from "./types/formats.js";
import type { CalibrationSample, Feedback } from "./types/feedback.js";
import type { Estimate } from "./types/mastery.js";
export { EvidentLoadError, loadEvident, setWasmUrl, EvidentError } from "./engine.js";

// ---------------------------------------------------------------------------------------
// Web Components

/** `evident-score` event detail. */
export type EvidentScoreEvent = CustomEvent<ScoreReport>;
/** `evident-feedback` event detail. */
export type EvidentFeedbackEvent = CustomEvent<Feedback>;
/** `evident-lint` event detail (from `<evident-rubric>`). */
export type EvidentLintEvent = CustomEvent<LintResult>;

/** `evident-mastery` event detail. */
export type EvidentMasteryEvent = CustomEvent<{ estimates: Estimate[]; student: string | null }>;

/** `evident-draft` detail after a draft write (400 ms after the last keystroke, or on a flush). */
export interface DraftSaved {
  /** True when the text (or its first `kept` characters) is stored; empty text removes the draft. */
  saved: boolean;
  /** True when only the first `draftDefaults.maxChars` characters were kept. */
  truncated: boolean;
  /** The text's full length. */
  length: number;
  /** Characters stored (0 when nothing was). */
  kept: number;
  /** Why nothing was stored: storage full ("quota") or off ("unavailable"). */
  error?: "quota" | "unavailable";
}

/** `evident-draft` detail when a submit cleared the draft (`key`: the removed key, null with drafts off). */
export interface DraftCleared {
  key: string | null;
  cleared: true;
}

/** `evident-draft` event: a draft written, or cleared by a submit. */
export type EvidentDraftEvent = CustomEvent<DraftSaved | DraftCleared>;

/** Draft options of `<evident-feedback>` (`el.options`); the matching attributes win over them. */
export interface EvidentFeedbackOptions {
  /** Whose draft (the `student` attribute wins). Without one, drafts belong to "nobody signed in". */
  student?: string | null;
  /** The task's key (the `draft-key` attribute wins); default the rubric's URL path (or inline id) and the textarea id. */
  draftKey?: string | null;
  /** Keep no draft and restore none (so does the `no-draft` attribute). */
  noDraft?: boolean;
  /** Seconds a draft lives after its last save (the `draft-max-age` attribute wins); default 7 days. */
  draftMaxAge?: number;
}

/**
 * `<evident-feedback rubric-src for locale target field student draft-key no-draft draft-max-age>`:
 * live feedback beside a textarea. `rubric` (a JSON string) may replace `rubric-src`, and
 * `htmlfor` (React's `htmlFor`) `for`. A textarea added later is followed once it appears, and
 * one rendered anew with the same id (React after a `key` change) replaces the old one.
 *
 * Keeps the student's text in `localStorage`, one draft per student and task, for 7 days by
 * default. The draft is removed by `clearDraft()`, by the textarea's form's `submit`, and by
 * an `evident-submitted` event the host dispatches on the element or the textarea.
 * Fires `evident-score`, `evident-feedback` and `evident-draft` (bubbling, composed).
 *
 * @example
 * ```html
 * <textarea id="answer"></textarea>
 * <evident-feedback rubric-src="cer-lab.rubric.json" for="answer" locale="es" target="3"
 *                   student="s-17" draft-key="unit-3/cer-lab"></evident-feedback>
 * ```
 */
export class EvidentFeedback extends HTMLElement {
  static readonly observedAttributes: string[];
  /** The draft defaults: `maxAge` 7 days (in seconds), `maxChars` 100,000, `delay` 400 ms. */
  static readonly draftDefaults: Readonly<{ maxAge: number; maxChars: number; delay: number }>;
  /**
   * Removes every saved draft of one student (`{student: "s-17"}`) or, with no student, every
   * Evident draft on this device; pending writes of the elements on the page go too.
   * Returns how many drafts it removed.
   */
  static clearDrafts(options?: { student?: string | null }): number;
  /** The rubric (object or JSON string) instead of `rubric-src`; reads back the compiled rubric. */
  get rubric(): CompiledRubricJson | Rubric | string | null;
  set rubric(value: Rubric | string | null);
  /** The id of the textarea followed: `for`, else `htmlFor` (set as the `htmlfor` attribute). */
  get htmlFor(): string;
  set htmlFor(value: string | null);
  /**
   * Draft options (a copy; the attributes win over them). Setting them saves the current
   * draft, then restores the new task's draft into an empty box, or, for a new student,
   * replaces the text with that student's draft (or empties it).
   */
  get options(): EvidentFeedbackOptions;
  set options(value: EvidentFeedbackOptions | null);
  /** The student whose draft this is: the `student` attribute, else `options.student`, else "". Setting it sets the attribute. */
  get student(): string;
  set student(value: string | null);
  /** The `localStorage` key of the current draft, or null when drafts are off. */
  readonly draftKey: string | null;
  /** The latest score report. */
  readonly report: ScoreReport | null;
  /** The latest feedback (null when the engine gives none). */
  readonly feedback: Feedback | null;
  /** The compiled engine, once loaded. */
  readonly engine: Engine | null;
  /** Re-scores the textarea's text now. */
  refresh(): void;
  /** Removes the current student's saved draft of this task (the text stays in the textarea). */
  clearDraft(): void;
}

/**
 * `<evident-rubric src audience="teacher|student" locale>`: the rubric as a table, lint
 * advice for teachers (the teacher view loads the full build, `evident_full_bg.wasm`, which
 * lints; the student view only the student build), or the errors with their JSON paths.
 *
 * @example
 * ```html
 * <evident-rubric src="cer-lab.rubric.json" audience="student"></evident-rubric>
 * ```
 */
export class EvidentRubric extends HTMLElement {
  static readonly observedAttributes: string[];
  get rubric(): CompiledRubricJson | null;
  set rubric(value: Rubric | string | null);
  /** The latest lint result (for a student view: only the errors, no advice). */
  readonly lint: LintResult | null;
}

/**
 * `<evident-mastery evidence-src framework-src method student locale>`: a class or student
 * mastery view.
 *
 * @example
 * ```html
 * <evident-mastery evidence-src="class.evidence.jsonl" framework-src="science.framework.json"></evident-mastery>
 * ```
 */
export class EvidentMastery extends HTMLElement {
  static readonly observedAttributes: string[];
  readonly estimates: Estimate[];
}

/**
 * Registers the four elements (done on import in browsers; call with another registry if needed).
 *
 * @example
 * ```ts
 * defineElements(customElements);
 * ```
 */
export function defineElements(registry?: CustomElementRegistry): void;

declare global {
  interface HTMLElementTagNameMap {
    "evident-feedback": EvidentFeedback;
    "evident-rubric": EvidentRubric;
    "evident-mastery": EvidentMastery;
  }
  interface HTMLElementEventMap {
    "evident-score": EvidentScoreEvent;
    "evident-feedback": EvidentFeedbackEvent;
    "evident-lint": EvidentLintEvent;
    "evident-mastery": EvidentMasteryEvent;
    "evident-draft": EvidentDraftEvent;
  }
}

// ---------------------------------------------------------------------------------------
// <evident-rubric-editor> (the rubric studio)

/** `change` event detail of `<evident-rubric-editor>` (after each validated edit). */
export interface RubricEditorChange {
  /** The rubric as edited, translations included (texts may be `{"en": …, "es": …}`). */
  rubric: Rubric;
  /** True when the engine accepts it (then it is also `lastValid`). */
  valid: boolean;
  errors: Problem[];
  advice: LintResult["advice"];
}

/** `evident-lookfor` event detail: the look-for chosen in the editor and where it matched the samples. */
export interface RubricEditorLookFor {
  criterion: string;
  indicator: string;
  matches: { sample: number; spans: { field?: string; start: number; end: number }[] }[];
}

/**
 * `<evident-rubric-editor locale advanced>`: a rubric built as a form (criteria × levels,
 * look-fors, English and Spanish side by side), problems in plain words at their field,
 * undo/redo and a JSON view. The engine validates, lints and scores. `locale` is the language
 * of the editor's own words: "en" (the default) or Spanish for any tag starting with "es"
 * ("es", "es-MX"); changing it redraws them in place, keeping the rubric and its undo history.
 *
 * @example
 * ```ts
 * const editor = document.querySelector("evident-rubric-editor")!;
 * editor.locale = "es";
 * editor.rubric = await (await fetch("cer-lab.rubric.json")).json();
 * editor.samples = ["My claim is that…"];
 * editor.addEventListener("change", (e) => { if (e.detail.valid) save(e.detail.rubric); });
 * ```
 */
export class EvidentRubricEditor extends HTMLElement {
  static readonly observedAttributes: string[];
  /** The `locale` attribute: the language of the editor's own words ("en" when absent; "es…" is Spanish). */
  get locale(): string;
  set locale(value: string);
  /** The rubric as edited (a copy); setting it loads a rubric (an object or JSON text) as one undoable step. */
  get rubric(): Rubric;
  set rubric(value: Rubric | string);
  /** Sample answers to count look-for matches on: texts, submissions or calibration samples. */
  get samples(): Submission[];
  set samples(value: (string | Submission | CalibrationSample)[]);
  /** The last rubric the engine accepted, or null. */
  readonly lastValid: Rubric | null;
  /** The latest lint of the rubric. */
  readonly lint: LintResult;
  /** Resolves once the engine is loaded and the first validation is done. */
  readonly ready: Promise<void>;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  /** The rubric in one language: localized texts resolved (the default language where one is missing). */
  rubricFor(locale?: string): Rubric;
  /** The last valid rubric in one language, or null. */
  lastValidFor(locale?: string): Rubric | null;
  /** One undoable change made from outside (for example an accepted calibration suggestion). */
  applyEdit(edit: (rubric: Rubric) => void, announcement?: string): void;
  undo(): void;
  redo(): void;
  addEventListener<K extends keyof EvidentRubricEditorEventMap>(type: K, listener: (this: EvidentRubricEditor, ev: EvidentRubricEditorEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
}

export interface EvidentRubricEditorEventMap extends HTMLElementEventMap {
  change: CustomEvent<RubricEditorChange>;
  "evident-lookfor": CustomEvent<RubricEditorLookFor | null>;
}

declare global {
  interface HTMLElementTagNameMap {
    "evident-rubric-editor": EvidentRubricEditor;
  }
}
