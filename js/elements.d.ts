/**
 * `evident/elements`: the Web Components <evident-feedback>, <evident-rubric> and
 * <evident-mastery>, registered on import (the entry's only side effect). Needs the DOM lib.
 * @packageDocumentation
 */
import type { Engine, EvidentLoadError, loadEvident, setWasmUrl, EvidentError } from "./engine.js";
import type { CompiledRubricJson, LintResult, Rubric, ScoreReport } from "./types/formats.js";
import type { Feedback } from "./types/feedback.js";
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
