/**
 * Evident's JSON formats (SPEC §1) as TypeScript types: rubric and its checks, submission,
 * score report and lint results. Re-exported by the package entry (feedback and calibration
 * types are in ./feedback.d.ts).
 *
 * @example
 * ```ts
 * import type { Rubric, ScoreReport } from "evident";
 * const rubric: Rubric = { id: "r", title: "R", criteria: [] };
 * ```
 */

/** One thing wrong with an input, located by its JSON path (`criteria[2].levels[0].points`). */
export interface Problem {
  /** JSON path of the fault; empty when it is the document as a whole. */
  path: string;
  message: string;
}

// ---------------------------------------------------------------------------------------
// Rubric

/**
 * A teacher- or student-facing text: a string in the rubric's own `locale`, or one per
 * language (`{ en: "Claim", es: "Afirmación" }`).
 */
export type LocalizedText = string | Record<string, string>;

/** A phrase list: one list in the rubric's own `locale`, or one per language. */
export type LocalizedPhrases = string[] | Record<string, string[]>;

/** A level of the proficiency scale. */
export interface ScaleLevel {
  value: number;
  label: LocalizedText;
}

/** The proficiency scale (default: Beginning 1, Developing 2, Proficient 3, Advanced 4; mastery 3). */
export interface Scale {
  levels: ScaleLevel[];
  /** The value from which a level counts as mastered. */
  mastery: number;
}

/** Rubric kinds: several criteria, one overall criterion, single-point, or a checklist. */
export type RubricKind = "analytic" | "holistic" | "singlePoint" | "checklist";

/** A level of one criterion. */
export interface Level {
  /** The level's value on the scale. */
  value: number;
  /** Points before weighting (default: `value`). */
  points?: number;
  /** Teacher-facing description of the level. */
  descriptor: LocalizedText;
  /** Student-facing ("I can…") wording. */
  student?: LocalizedText;
  /** Ids of the indicators the level needs; none means reachable with no evidence. */
  requires?: string[];
}

/** A single-point rubric's proficient or advanced descriptor. */
export interface PointDescriptor {
  descriptor: LocalizedText;
  student?: LocalizedText;
  requires?: string[];
}

/** Fuzzy phrase matching: edits allowed per word, or `"auto"` (0 up to 4 letters, 1 for 5–8, 2 beyond). */
export type Fuzzy = 0 | 1 | 2 | "auto";

/** Who gave a rating. */
export type Rater = "teacher" | "self" | "peer";

/** Phrases occur in the text (`colour|color` alternatives, `measur*` wildcards). */
export interface PhrasesCheck {
  type: "phrases";
  anyOf?: LocalizedPhrases;
  allOf?: LocalizedPhrases;
  minCount?: number;
  caseSensitive?: boolean;
  wholeWord?: boolean;
  stem?: boolean;
  fuzzy?: Fuzzy;
  ignoreAccents?: boolean;
  /**
   * Occurrences in a negated clause ("did **not** grow"): `skip` (default) does not count
   * them, `any` counts them, `only` counts nothing else (misconceptions).
   */
  negation?: "skip" | "any" | "only";
}
/** A count of words, sentences or paragraphs within `[min, max]`. */
export interface CountCheck {
  type: "wordCount" | "sentenceCount" | "paragraphCount";
  min?: number;
  max?: number;
}
/** A readability grade estimate within `[minGrade, maxGrade]`. */
export interface ReadabilityCheck {
  type: "readability";
  minGrade?: number;
  maxGrade?: number;
}
/** A regular expression (linear-time syntax) matches. */
export interface PatternCheck {
  type: "pattern";
  regex: string;
  caseSensitive?: boolean;
}
/**
 * `minCount` numbers in the text (default 1), each within tolerance of `equals` (when given)
 * and within `[min, max]`, followed by `unit` (`cm|mm` alternatives) when given.
 */
export interface NumberCheck {
  type: "number";
  equals?: number;
  tolerance?: number;
  relTolerance?: number;
  unit?: string;
  min?: number;
  max?: number;
  minCount?: number;
}
/** The field's answer is one of the option ids. */
export interface ChoiceCheck {
  type: "choice";
  anyOf: string[];
}
/** A rating of this criterion from a source is at least `min`. */
export interface RatingCheck {
  type: "rating";
  from: Rater;
  min: number;
}
/** All / any of the inner checks are met. */
export interface CombinedCheck {
  type: "all" | "any";
  checks: Check[];
}
/** The inner check is not met. */
export interface NotCheck {
  type: "not";
  check: Check;
}
/**
 * At least `n` of the named indicators of the same criterion (`of`), or of the inline
 * `checks`, are met: "any three of these key elements".
 */
export interface AtLeastCheck {
  type: "atLeast";
  n: number;
  of?: string[];
  checks?: Check[];
}
/** Every inner check is met inside one sentence, or within a window of `within` words. */
export interface TogetherCheck {
  type: "together";
  checks: Check[];
  within?: "sentence" | number;
}
/** An indicator's machine check (SPEC §1 table and "Rubric language for real rubrics"). */
export type Check =
  | PhrasesCheck | CountCheck | ReadabilityCheck | PatternCheck | NumberCheck
  | ChoiceCheck | RatingCheck | CombinedCheck | NotCheck | AtLeastCheck | TogetherCheck;

/** The integrity guards, each on unless switched off. */
export interface Integrity {
  /** Evidence in a keyword list or one word repeated earns nothing (default true). */
  keywordLists?: boolean;
  /** An answer with none of the task's words earns no evidence credit (default true; needs a `description`). */
  offTask?: boolean;
}

/** A machine-checkable piece of evidence a level needs. */
export interface Indicator {
  id: string;
  check: Check;
  /** The response field it reads (default `response`). */
  field?: string;
  /** What to do to meet it (a next step). */
  hint?: LocalizedText;
  /** What to say when it is met (a strength). */
  praise?: LocalizedText;
  /** Points (checklist rubrics). */
  points?: number;
  /** A short name for it ("a claim"). */
  label?: LocalizedText;
}

/** One criterion of a rubric. */
export interface Criterion {
  id: string;
  title: LocalizedText;
  description?: LocalizedText;
  /** The competency (framework id) its level is evidence for. */
  competency?: string;
  /** Default 1. */
  weight?: number;
  levels?: Level[];
  proficient?: PointDescriptor;
  advanced?: PointDescriptor;
  indicators?: Indicator[];
}

/**
 * A rubric (SPEC §1).
 *
 * @example
 * ```ts
 * const rubric: Rubric = {
 *   id: "cer-lab", title: "Claim, evidence, reasoning",
 *   criteria: [{ id: "claim", title: "Claim", levels: [
 *     { value: 1, descriptor: "No claim yet." },
 *     { value: 2, descriptor: "States a claim.", requires: ["has-claim"] } ],
 *     indicators: [{ id: "has-claim", check: { type: "phrases", anyOf: ["my claim"] } }] }],
 * };
 * ```
 */
export interface Rubric {
  id: string;
  title: LocalizedText;
  kind?: RubricKind;
  /** BCP 47 tag of the rubric's own language (the default of its texts); default `en`. */
  locale?: string;
  description?: LocalizedText;
  scale?: Scale;
  criteria: Criterion[];
  /** Self-ratings decide levels (default false). */
  scoreSelf?: boolean;
  /** A human rating overrides automatic evidence (default true). */
  ratingsOverride?: boolean;
  integrity?: Integrity;
}

/** The rubric as the engine holds it: every default filled in. */
export interface CompiledRubricJson extends Rubric {
  kind: RubricKind;
  locale: string;
  scale: Scale;
  criteria: (Criterion & { weight: number })[];
}

// ---------------------------------------------------------------------------------------
// Submission

/** A rating of one criterion by a person. */
export interface Rating {
  value: number;
  /** Default `teacher`. */
  by?: Rater;
  comment?: string;
}

/**
 * One student's work on a task.
 *
 * @example
 * ```ts
 * const work: Submission = { student: "s-17", responses: { response: "My claim is that…" },
 *   ratings: { reasoning: { value: 3, by: "teacher" } } };
 * ```
 */
export interface Submission {
  rubric?: string;
  student?: string;
  task?: string;
  /** RFC 3339 time. */
  submittedAt?: string;
  /** The language the work is written in (default: the rubric's); picks that language's phrases. */
  locale?: string;
  /** Answers by field (`response` for single-part tasks): text, or chosen option ids. */
  responses?: Record<string, string | string[]>;
  /** Human ratings by criterion id: one, or several from different people. */
  ratings?: Record<string, Rating | Rating[]>;
}

// ---------------------------------------------------------------------------------------
// Score report

/** A stretch of a response: `[start, end)` in UTF-16 code units (what `setSelectionRange` takes). */
export interface Span {
  field: string;
  start: number;
  end: number;
}

/** A level by value and label. */
export interface LevelRef {
  value: number;
  label: string;
}

/** An indicator that was met, and where. */
export interface Met {
  indicator: string;
  spans: Span[];
}

/** An indicator not met yet, with the rubric's hint. */
export interface Missing {
  indicator: string;
  hint?: string;
}

/** One criterion's result. */
export interface CriterionScore {
  id: string;
  competency?: string;
  /** The level's value on the scale. */
  level: number;
  label: string;
  /** Points before weighting. */
  points: number;
  maxPoints: number;
  weight: number;
  mastered: boolean;
  /** Whether the level came from indicators or from a person's rating. */
  source: "auto" | "rating";
  /** The student's own rating, reported beside the score. */
  selfRating?: number;
  met: Met[];
  missing: Missing[];
}

/**
 * A submission scored against a rubric (SPEC §1).
 *
 * @example
 * ```ts
 * const report: ScoreReport = engine.score(work);
 * for (const c of report.criteria) console.log(c.id, c.label, c.points, "/", c.maxPoints);
 * ```
 */
export interface ScoreReport {
  rubric: string;
  student?: string;
  task?: string;
  submittedAt?: string;
  /** Sum of points × weight. */
  total: number;
  /** Sum of each criterion's top points × weight. */
  max: number;
  /** 0–100. */
  percent: number;
  /** The overall level on the scale. */
  level: LevelRef;
  mastered: boolean;
  criteria: CriterionScore[];
  /** Fields whose text the integrity guards held back (absent when none). */
  integrity?: IntegrityNote[];
}

/** A field the integrity guards held back from earning evidence. */
export interface IntegrityNote {
  field: string;
  /** It has words but none of the task's: no evidence credit. */
  offTask: boolean;
  /** Sentences that were keyword lists or one word repeated (their evidence did not count). */
  keywordLists: number;
}

// ---------------------------------------------------------------------------------------
// Lint

/** Advice on a rubric's quality: a JSON path, a stable code for tools, a sentence for teachers. */
export interface Advice {
  path: string;
  code: string;
  message: string;
}

/** `errors` (the rubric is not valid) and `advice` (it is, but could read better). */
export interface LintResult {
  errors: Problem[];
  advice: Advice[];
}
