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

/**
 * `<evident-feedback rubric-src for locale target field>`: live feedback beside a textarea.
 * `rubric` (a JSON string) may replace `rubric-src`, and `htmlfor` (React's `htmlFor`) `for`.
 * A textarea added later is followed once it appears.
 *
 * @example
 * ```html
 * <textarea id="answer"></textarea>
 * <evident-feedback rubric-src="cer-lab.rubric.json" for="answer" locale="es" target="3"></evident-feedback>
 * ```
 */
export class EvidentFeedback extends HTMLElement {
  static readonly observedAttributes: string[];
  /** The rubric (object or JSON string) instead of `rubric-src`; reads back the compiled rubric. */
  get rubric(): CompiledRubricJson | Rubric | string | null;
  set rubric(value: Rubric | string | null);
  /** The id of the textarea followed: `for`, else `htmlFor` (set as the `htmlfor` attribute). */
  get htmlFor(): string;
  set htmlFor(value: string | null);
  /** The latest score report. */
  readonly report: ScoreReport | null;
  /** The latest feedback (null when the engine gives none). */
  readonly feedback: Feedback | null;
  /** The compiled engine, once loaded. */
  readonly engine: Engine | null;
  /** Re-scores the textarea's text now. */
  refresh(): void;
}

/**
 * `<evident-rubric src audience="teacher|student" locale>`: the rubric as a table, lint
 * advice for teachers, or the errors with their JSON paths.
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
  /** The latest lint result. */
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
 * Registers the three elements (done on import in browsers; call with another registry if needed).
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
 * `<evident-rubric-editor advanced>`: a rubric built as a form (criteria × levels, look-fors,
 * English and Spanish side by side), problems in plain words at their field, undo/redo and a
 * JSON view. The engine validates, lints and scores.
 *
 * @example
 * ```ts
 * const editor = document.querySelector("evident-rubric-editor")!;
 * editor.rubric = await (await fetch("cer-lab.rubric.json")).json();
 * editor.samples = ["My claim is that…"];
 * editor.addEventListener("change", (e) => { if (e.detail.valid) save(e.detail.rubric); });
 * ```
 */
export class EvidentRubricEditor extends HTMLElement {
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
