/**
 * `evident/full`: every function of the engine (the build of the teacher and class pages):
 * the student engine of `evident` plus lint, calibration, mastery (methods and BKT), frameworks and
 * recommendations, CASE import and xAPI statements, and every Snowball stemmer. Its `init()`
 * fetches `evident_full_bg.wasm` (about three times the student build).
 * @packageDocumentation
 */
import { Engine as CoreEngine } from "./engine.js";
import type { CalibrationReport, CalibrationSample } from "./types/feedback.js";
import type { LintResult, Rubric } from "./types/formats.js";

export * from "./engine.js";
export { default, initSync } from "./engine.js";
export type * from "./types/framework.js";
export type * from "./types/mastery.js";
export type { ScaleLevel } from "./types/formats.js";
export type { Estimate, EvidenceRecord, Trend } from "./types/mastery.js";
export { calibrateRubric } from "./types/feedback.js";
export { parseFramework, rollUp, recommend, importCase, xapiStatements } from "./types/framework.js";
export { computeMastery, computeMasteryAsync, MasteryJob, evidenceFromReport, parseEvidence } from "./types/mastery.js";

/** The engine of the full build: everything `Engine` of `evident` does, lint and calibration. */
export class Engine extends CoreEngine {
  /** Advice on the rubric's quality (`errors` is always empty: the rubric compiled). */
  lint(): LintResult;
  /** Agreement with teacher scores over scored samples: JSON Lines text (one `{submission, teacher}` a line) or a list of them. */
  calibrate(samples: string | CalibrationSample[]): CalibrationReport;
  /** With `{suggest: true}`: also rubric edits a teacher can accept one at a time (`applySuggestion`). */
  calibrate(samples: string | CalibrationSample[], options: CalibrateOptions): CalibrationReportWithSuggestions;
}

/**
 * Lints a rubric without throwing: a bad rubric gives `errors` with their JSON paths, a valid
 * one advice on its quality. A teacher's tool, in `evident/full` only.
 *
 * @example
 * ```ts
 * const { errors, advice } = lintRubric(text);
 * errors.forEach((e) => console.log(`${e.path}: ${e.message}`));
 * ```
 */
export function lintRubric(rubric: Rubric | string): LintResult;

// ---------------------------------------------------------------------------------------
// Calibration that teaches the rubric (`engine.calibrate(samples, { suggest: true })`)

/** Options of `engine.calibrate`. */
export interface CalibrateOptions {
  /** Propose rubric edits from the teacher's scores. */
  suggest?: boolean;
  /** Folds (by a hash of the student id) for the held-out figures; default 5, 0 for none. */
  folds?: number;
  /** Most suggestions, best first; default 10. */
  maxSuggestions?: number;
  /** Answers a new phrase must occur in; default 3, or 2% of the samples if more. */
  minSupport?: number;
}

/** A rubric edit: accepting it changes the rubric JSON only. `part` is the check inside an `any`. */
export type RubricEdit =
  | { op: "addPhrase"; criterion: string; indicator: string; part?: number; phrase: string; locale: string }
  | { op: "removePhrase"; criterion: string; indicator: string; part?: number; phrase: string; locale: string }
  | { op: "setAtLeast"; criterion: string; indicator: string; from: number; n: number };

/** One suggestion with the samples behind it and its effect on agreement (QWK). */
export interface Suggestion {
  kind: "phrase" | "misspelling" | "stem" | "overFiring" | "cutPoint";
  edit: RubricEdit;
  /** What the edit does and why, in plain words. */
  why: string;
  counts: {
    /** Samples where the indicator's verdict changes. */
    answers: number;
    teacherMean: number;
    teacherMeanAll: number;
    /** Samples whose level moves towards / away from the teacher's. */
    closer: number;
    further: number;
  };
  effect: {
    trainingBefore: number;
    trainingAfter: number;
    trainingGain: number;
    /** Absent without folds. */
    heldOutBefore?: number;
    heldOutAfter?: number;
    heldOutGain?: number;
  };
}

export interface CalibrationReportWithSuggestions extends CalibrationReport {
  suggestions: Suggestion[];
  folds: number;
}

/**
 * Accepts a suggestion: the rubric (JSON text → text with only the changed list rewritten;
 * an object → a new object) with the edit (a `Suggestion` or its `edit`) applied. Throws
 * `EvidentError` when the edit does not fit the rubric.
 *
 * @example
 * ```ts
 * const { suggestions } = engine.calibrate(samples, { suggest: true });
 * const edited = applySuggestion(rubricText, suggestions[0]);
 * ```
 */
export function applySuggestion<R extends Rubric | string>(rubric: R, edit: Suggestion | RubricEdit): R;

