/**
 * Formative feedback and teacher calibration (SPEC §1 "Feedback", §2 `feedback`/`calibrate`).
 * Hand-written declarations for `src/wasm/feedback.rs` and the `Engine.feedback` /
 * `Engine.calibrate` methods built on it. Every key is camelCase, as the engine writes it.
 */

import type { LevelRef, Rubric, Span, Submission } from "./formats.js";

// ---------------------------------------------------------------------------------------
// Feedback

/**
 * What feedback to give. Unknown keys throw an `EvidentError`.
 *
 * @example
 * ```ts
 * const options: FeedbackOptions = { locale: "es-MX", target: 3 };
 * ```
 */
export interface FeedbackOptions {
  /** Language of the engine's own sentences: `en`, `es`, `es-MX`…; others fall back to English. */
  locale?: string;
  /**
   * The level to aim at: a value of the rubric's scale (default: its mastery level). A value
   * that is not a level throws an `EvidentError` with path `target`.
   */
  target?: number;
}

/** The language feedback was written in. */
export type FeedbackLocale = "en" | "es";

/** One criterion's target, in the rubric's own student wording. */
export interface CriterionGoal {
  criterion: string;
  title: string;
  /** The criterion's target level (one above the scale target when `stretch`). */
  level: LevelRef;
  /** The target level's "I can…" wording, or its descriptor when it has none. */
  statement: string;
  /** The language of `title` and `statement` (set it as the element's `lang`). */
  lang: string;
  /** The criterion already reached the scale target and aims one level higher. */
  stretch: boolean;
}

/** Where am I going (feed up). */
export interface Goal {
  /** The scale level aimed at. */
  level: LevelRef;
  /** The engine's one-line introduction, in the feedback's locale. */
  message: string;
  criteria: CriterionGoal[];
}

/** How am I going (feed back): something the work already does, tied to the text that shows it. */
export interface Strength {
  criterion: string;
  indicator: string;
  /** The indicator's `praise`, or an engine sentence naming what was done. */
  message: string;
  /** The language of `message`. */
  lang: string;
  /** Where in the student's text, in reading order (UTF-16 offsets: `setSelectionRange` takes them). */
  spans: Span[];
}

/** Where to next (feed forward): one concrete action for one criterion. */
export interface NextStep {
  criterion: string;
  /** The criterion's title, as the rubric writes it. */
  title: string;
  /** The indicator the action would meet. */
  indicator: string;
  /** What to do: the indicator's `hint`, or an engine sentence built from its check. */
  action: string;
  /** The language of `action` (the rubric's hint may lack a translation). */
  lang: string;
  /** Why: the level this step leads to, in the feedback's locale. */
  reason: string;
  /** The criterion level the step works toward (the next one up). */
  toward: LevelRef;
  /** weight × levels to go × (0.5 + 0.5 × closeness): higher moves the student more. */
  priority: number;
}

/** A criterion's current level and its target. */
export interface Progress {
  criterion: string;
  title: string;
  current: LevelRef;
  target: LevelRef;
  /** Levels of this criterion between the current level and the target. */
  levelsToGo: number;
  stretch: boolean;
}

/**
 * Formative feedback on one submission: goal, strengths, at most three next steps, progress.
 * Task- and process-level language only: no grade-only messages, no comparison with others.
 *
 * @example
 * ```ts
 * const fb: Feedback = engine.feedback({ responses: { response: text } }, { locale: "es" });
 * console.log(fb.goal.message);
 * for (const step of fb.nextSteps) console.log(`${step.title}: ${step.action}`);
 * ```
 */
export interface Feedback {
  rubric: string;
  student?: string;
  task?: string;
  locale: FeedbackLocale;
  goal: Goal;
  strengths: Strength[];
  /** At most three, most useful first; empty when every criterion is at its top level. */
  nextSteps: NextStep[];
  progress: Progress[];
}

/**
 * Compiles a rubric, scores a submission and gives feedback, in one call (for pages that do
 * not keep an `Engine`; with one, use `engine.feedback`). Throws `EvidentError` with the JSON
 * path of a fault in the rubric, the submission or the options.
 *
 * @example
 * ```ts
 * import init, { feedbackOnce } from "evident";
 * await init();
 * const fb = feedbackOnce(rubric, { responses: { response: "I think light helps plants grow." } }, { target: 3 });
 * ```
 */
export function feedbackOnce(rubric: Rubric | string, submission: Submission | string, options?: FeedbackOptions | string): Feedback;

// ---------------------------------------------------------------------------------------
// Calibration

/**
 * One teacher-scored sample: a submission and the teacher's level per criterion. As JSON
 * Lines, one of these a line. Ratings inside the submission are ignored by the engine's side.
 *
 * @example
 * ```ts
 * const sample: CalibrationSample = {
 *   submission: { student: "s-02", responses: { response: "I claim that…" } },
 *   teacher: { claim: 3, evidence: 4, reasoning: 3 },
 * };
 * ```
 */
export interface CalibrationSample {
  submission: Submission;
  /** Criterion id → a level value of that criterion. */
  teacher: Record<string, number>;
  note?: string;
}

/** How well the engine's levels agree with the teacher's (fractions 0–1; `null` when undefined). */
export interface Agreement {
  /** Pairs compared. */
  n: number;
  exact: number | null;
  /** Within one level. */
  adjacent: number | null;
  /** Cohen's quadratic weighted kappa; `null` when both raters gave one single level throughout. */
  kappa: number | null;
  /** Mean of engine − teacher in level values (above 0: the engine is more generous). */
  meanDifference: number | null;
}

/** Counts of (teacher, engine) pairs: rows the teacher's level, columns the engine's. */
export interface Confusion {
  /** Level values labelling both rows and columns. */
  levels: number[];
  labels: string[];
  counts: number[][];
}

/** One sample's levels on one criterion, where engine and teacher differ. */
export interface Disagreement {
  /** Line in the samples file (or 1-based position in an array). */
  line: number;
  student?: string;
  task?: string;
  teacher: number;
  engine: number;
  /** engine − teacher. */
  difference: number;
}

/** Agreement on one criterion, with its most different samples (at most five). */
export interface CriterionAgreement extends Agreement {
  criterion: string;
  title: string;
  confusion: Confusion;
  disagreements: Disagreement[];
}

/** A sample where engine and teacher differ most over all its criteria. */
export interface SampleDisagreement {
  line: number;
  student?: string;
  task?: string;
  /** Sum of |engine − teacher| over the criteria the teacher rated. */
  totalDifference: number;
  criteria: { criterion: string; teacher: number; engine: number }[];
}

/** Agreement over every (sample, criterion) pair, on the scale's levels. */
export interface OverallAgreement extends Agreement {
  confusion: Confusion;
  disagreements: SampleDisagreement[];
}

/**
 * Agreement between the engine (indicators only) and a teacher on scored samples.
 *
 * @example
 * ```ts
 * const report: CalibrationReport = engine.calibrate(await (await fetch("cer-lab.samples.jsonl")).text());
 * for (const c of report.criteria) console.log(c.title, c.exact, c.kappa);
 * ```
 */
export interface CalibrationReport {
  rubric: string;
  /** Samples read. */
  samples: number;
  overall: OverallAgreement;
  criteria: CriterionAgreement[];
  /** With `{suggest: true}` (evident/full): the folds the held-out figures come from (0: too few samples). */
  folds?: number;
  /** With `{suggest: true}` (evident/full): rubric edits a teacher can accept one at a time, best first. */
  suggestions?: import("../full.js").Suggestion[];
}

/**
 * Compiles a rubric and calibrates it against samples in one call: JSON Lines text (problems
 * located as `line 4: teacher.claim`) or an array of samples (located as `[3].teacher.claim`).
 *
 * @example
 * ```ts
 * import init, { calibrateRubric } from "evident";
 * await init();
 * const report = calibrateRubric(rubric, samplesJsonl);
 * console.log(report.overall.kappa);
 * ```
 */
export function calibrateRubric(rubric: Rubric | string, samples: string | CalibrationSample[]): CalibrationReport;
