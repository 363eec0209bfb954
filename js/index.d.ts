/**
 * Evident: rubric scoring, real-time formative feedback and competency mastery, client-side
 * in WebAssembly. Formats follow the Evident product contract (SPEC §1): JSON, camelCase keys.
 *
 * @example
 * ```ts
 * import init, { Engine, EvidentError } from "evident";
 * await init();
 * try {
 *   const engine = new Engine(rubric);
 *   const report = engine.score({ responses: { response: "My claim is that…" } });
 *   console.log(report.percent, report.level.label);
 * } catch (e) {
 *   if (e instanceof EvidentError) console.error(e.path, e.message);
 * }
 * ```
 * @packageDocumentation
 */

// ---------------------------------------------------------------------------------------
// Loading

/** What `init` accepts: a URL or request of the wasm file, its bytes, a compiled module or a response. */
export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

/** The raw wasm exports (internal; use the classes and functions of this module). */
export interface InitOutput {
  readonly memory: WebAssembly.Memory;
}

/**
 * Loads and instantiates the engine's wasm. Call once before using `Engine` (the Web
 * Components call it for you). Without an argument it fetches `evident_core_bg.wasm` next to
 * this module.
 *
 * @example
 * ```ts
 * import init from "evident";
 * await init();
 * // or: await init({ module_or_path: "/assets/evident_core_bg.wasm" });
 * ```
 */
export default function init(
  moduleOrPath?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>,
): Promise<InitOutput>;

/**
 * Instantiates the engine synchronously from its bytes or a compiled module (Node, workers).
 *
 * @example
 * ```ts
 * import { readFileSync } from "node:fs";
 * import { initSync, Engine } from "evident";
 * initSync({ module: readFileSync("node_modules/evident/evident_core_bg.wasm") });
 * ```
 */
export function initSync(module: { module: BufferSource | WebAssembly.Module } | BufferSource | WebAssembly.Module): InitOutput;

/**
 * Why the engine could not start in a page: `http` (e.g. 404), `not-wasm` (the server sent
 * something else, often an HTML page), `csp` (the Content-Security-Policy lacks
 * `'wasm-unsafe-eval'` or blocks the fetch), `network`, `compile`, or `not-json` (a rubric or
 * evidence URL returned HTML).
 */
export type LoadFailure = "http" | "not-wasm" | "csp" | "network" | "compile" | "not-json";

/**
 * The error the components show (and `loadEvident` rejects with) when the engine cannot load.
 *
 * @example
 * ```ts
 * loadEvident().catch((e: EvidentLoadError) => { if (e.reason === "csp") showHelp(e.message); });
 * ```
 */
export class EvidentLoadError extends Error {
  constructor(reason: LoadFailure, message: string, cause?: unknown);
  readonly name: "EvidentLoadError";
  /** Machine-readable cause. */
  readonly reason: LoadFailure;
}

/**
 * Loads the wasm once per page (however many components ask) and resolves to this module's
 * engine exports; rejects with an `EvidentLoadError` that says why it failed.
 *
 * @example
 * ```ts
 * const { Engine } = await loadEvident();
 * ```
 */
export function loadEvident(): Promise<EngineModule>;

/**
 * Uses another URL for `evident_core_bg.wasm` (call before the first component connects).
 *
 * @example
 * ```ts
 * setWasmUrl("https://cdn.example.org/evident/0.1.0/evident_core_bg.wasm");
 * ```
 */
export function setWasmUrl(url: string | URL): void;

/** The engine's classes and functions, as `loadEvident` gives them. */
export interface EngineModule {
  Engine: typeof Engine;
  LiveSession: typeof LiveSession;
  lintRubric: typeof lintRubric;
  version: typeof version;
}

/** The crate's version, e.g. `"0.1.0"`. @example `console.log(version())` */
export function version(): string;

// ---------------------------------------------------------------------------------------
// Errors

/** One thing wrong with an input, located by its JSON path (`criteria[2].levels[0].points`). */
export interface Problem {
  /** JSON path of the fault; empty when it is the document as a whole. */
  path: string;
  message: string;
}

/**
 * The error the engine throws for bad input: the message of every problem, the JSON path of
 * the first one, and all of them. `instanceof EvidentError` is true for errors thrown by the
 * engine.
 *
 * @example
 * ```ts
 * try { new Engine({ id: "x" }); }
 * catch (e) { if (e instanceof EvidentError) console.log(e.path, e.problems.length); }
 * ```
 */
export class EvidentError extends Error {
  constructor(message: string, problems?: Problem[]);
  readonly name: "EvidentError";
  /** JSON path of the first problem ("" when the fault is the whole document). */
  readonly path: string;
  /** Every problem found, in document order. */
  readonly problems: Problem[];
}

// ---------------------------------------------------------------------------------------
// Rubric

/** A level of the proficiency scale. */
export interface ScaleLevel {
  value: number;
  label: string;
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
  descriptor: string;
  /** Student-facing ("I can…") wording. */
  student?: string;
  /** Ids of the indicators the level needs; none means reachable with no evidence. */
  requires?: string[];
}

/** A single-point rubric's proficient or advanced descriptor. */
export interface PointDescriptor {
  descriptor: string;
  student?: string;
  requires?: string[];
}

/** Fuzzy phrase matching: edits allowed per word, or `"auto"` (0 up to 4 letters, 1 for 5–8, 2 beyond). */
export type Fuzzy = 0 | 1 | 2 | "auto";

/** Who gave a rating. */
export type Rater = "teacher" | "self" | "peer";

/** Phrases occur in the text (`colour|color` alternatives, `measur*` wildcards). */
export interface PhrasesCheck {
  type: "phrases";
  anyOf?: string[];
  allOf?: string[];
  minCount?: number;
  caseSensitive?: boolean;
  wholeWord?: boolean;
  stem?: boolean;
  fuzzy?: Fuzzy;
  ignoreAccents?: boolean;
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
/** A number in the text is within tolerance of `equals`, followed by `unit` when given. */
export interface NumberCheck {
  type: "number";
  equals: number;
  tolerance?: number;
  relTolerance?: number;
  unit?: string;
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
/** An indicator's machine check (SPEC §1 table). */
export type Check =
  | PhrasesCheck | CountCheck | ReadabilityCheck | PatternCheck | NumberCheck
  | ChoiceCheck | RatingCheck | CombinedCheck | NotCheck;

/** A machine-checkable piece of evidence a level needs. */
export interface Indicator {
  id: string;
  check: Check;
  /** The response field it reads (default `response`). */
  field?: string;
  /** What to do to meet it (a next step). */
  hint?: string;
  /** What to say when it is met (a strength). */
  praise?: string;
  /** Points (checklist rubrics). */
  points?: number;
  /** A short name for it ("a claim"). */
  label?: string;
}

/** One criterion of a rubric. */
export interface Criterion {
  id: string;
  title: string;
  description?: string;
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
  title: string;
  kind?: RubricKind;
  /** BCP 47 tag of the rubric's language (stemming, readability); default `en`. */
  locale?: string;
  description?: string;
  scale?: Scale;
  criteria: Criterion[];
  /** Self-ratings decide levels (default false). */
  scoreSelf?: boolean;
  /** A human rating overrides automatic evidence (default true). */
  ratingsOverride?: boolean;
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
}

// ---------------------------------------------------------------------------------------
// Feedback

/** What feedback to give: its language, and the scale level to aim at. */
export interface FeedbackOptions {
  /** `en`, `es`, `es-MX`…; others fall back to English. */
  locale?: string;
  /** A value of the scale (default: its mastery level). */
  target?: number;
}

/** One criterion's target, in the rubric's student wording. */
export interface CriterionGoal {
  criterion: string;
  title: string;
  level: LevelRef;
  /** The target level's "I can…" wording (or its descriptor). */
  statement: string;
  /** Already at the scale target; aiming one level higher. */
  stretch: boolean;
}

/** Where am I going. */
export interface Goal {
  level: LevelRef;
  /** The engine's one-line introduction, localized. */
  message: string;
  criteria: CriterionGoal[];
}

/** How am I going: something the work already does, tied to evidence in the text. */
export interface Strength {
  criterion: string;
  indicator: string;
  message: string;
  spans: Span[];
}

/** Where to next: one concrete action for one criterion. */
export interface NextStep {
  criterion: string;
  title: string;
  indicator: string;
  /** What to do. */
  action: string;
  /** Why: the level it leads to. */
  reason: string;
  toward: LevelRef;
  priority: number;
}

/** A criterion's current level and target. */
export interface Progress {
  criterion: string;
  title: string;
  current: LevelRef;
  target: LevelRef;
  levelsToGo: number;
  stretch: boolean;
}

/**
 * Formative feedback on one submission (SPEC §1): goal, strengths, at most three next steps.
 *
 * @example
 * ```ts
 * const fb: Feedback = engine.feedback(work, { locale: "es", target: 3 });
 * fb.nextSteps.forEach((s) => console.log(`${s.title}: ${s.action}`));
 * ```
 */
export interface Feedback {
  rubric: string;
  student?: string;
  task?: string;
  locale: string;
  goal: Goal;
  strengths: Strength[];
  /** At most three, most useful first. */
  nextSteps: NextStep[];
  progress: Progress[];
}

// ---------------------------------------------------------------------------------------
// Lint and calibration

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

/** How well the engine's levels agree with a teacher's (fractions 0–1; `null` when undefined). */
export interface Agreement {
  /** Pairs compared. */
  n: number;
  /** Fraction where the engine gave the teacher's level. */
  exact: number | null;
  /** Fraction within one level. */
  adjacent: number | null;
  /** Quadratic weighted kappa. */
  kappa: number | null;
  /** Mean of engine − teacher in level values (above 0: the engine is more generous). */
  meanDifference: number | null;
}

/** Counts of (teacher, engine) level pairs: rows are the teacher's level, columns the engine's. */
export interface Confusion {
  levels: number[];
  labels: string[];
  counts: number[][];
}

/** One sample's levels on one criterion, where engine and teacher differ. */
export interface Disagreement {
  /** Line in the samples file. */
  line: number;
  student?: string;
  task?: string;
  teacher: number;
  engine: number;
  /** engine − teacher. */
  difference: number;
}

/** Agreement on one criterion. */
export interface CriterionAgreement extends Agreement {
  criterion: string;
  title: string;
  confusion: Confusion;
  disagreements: Disagreement[];
}

/** A sample where engine and teacher differ most over all criteria. */
export interface SampleDisagreement {
  line: number;
  student?: string;
  task?: string;
  totalDifference: number;
  criteria: { criterion: string; teacher: number; engine: number }[];
}

/** Agreement over every (sample, criterion) pair. */
export interface OverallAgreement extends Agreement {
  confusion: Confusion;
  disagreements: SampleDisagreement[];
}

/** The result of `engine.calibrate`: agreement with teacher-scored samples. */
export interface CalibrationReport {
  rubric: string;
  /** Samples read. */
  samples: number;
  overall: OverallAgreement;
  criteria: CriterionAgreement[];
}

/**
 * Lints a rubric without throwing: a bad rubric gives `errors` with their JSON paths.
 *
 * @example
 * ```ts
 * const { errors, advice } = lintRubric(text);
 * errors.forEach((e) => console.log(`${e.path}: ${e.message}`));
 * ```
 */
export function lintRubric(rubric: Rubric | string): LintResult;

// ---------------------------------------------------------------------------------------
// Engine

/** Options of a live session. */
export interface SessionOptions {
  /** The response field the live text replaces (default `response`). */
  field?: string;
  /** The rest of the submission (other fields, ratings). */
  submission?: Submission;
  locale?: string;
  target?: number;
}

/** What a live session gives per update. */
export interface LiveUpdate {
  report: ScoreReport;
  feedback: Feedback;
}

/**
 * A live scoring session on one field: call `update` with the whole text on each keystroke.
 *
 * @example
 * ```ts
 * const live = engine.session({ locale: "en" });
 * textarea.addEventListener("input", () => render(live.update(textarea.value)));
 * ```
 */
export class LiveSession {
  private constructor();
  /** Re-scores with the field's new text. Throws `EvidentError` only on internal faults. */
  update(text: string): LiveUpdate;
  /** Changes the feedback's language or target without a new session; throws `EvidentError` (path `target`) for a target off the scale. */
  setOptions(options: FeedbackOptions): void;
  /** Releases the session's wasm memory. */
  free(): void;
  [Symbol.dispose](): void;
}

/**
 * A rubric compiled once, ready to score submissions, give feedback and run live sessions.
 *
 * @example
 * ```ts
 * const engine = new Engine(await (await fetch("cer-lab.rubric.json")).text());
 * const report = engine.score({ responses: { response: "My claim is that light helps plants grow." } });
 * ```
 */
export class Engine {
  /** Compiles a rubric (an object or a JSON string). Throws `EvidentError` naming every problem's JSON path. */
  constructor(rubric: Rubric | string);
  /** The rubric with every default filled in. */
  readonly rubric: CompiledRubricJson;
  /** Scores a submission (an object or a JSON string). Throws `EvidentError` for a bad submission. */
  score(submission: Submission | string): ScoreReport;
  /** Feedback on a submission: goal, strengths, at most three next steps, progress. */
  feedback(submission: Submission | string, options?: FeedbackOptions): Feedback;
  /** Advice on the rubric's quality (`errors` is always empty: the rubric compiled). */
  lint(): LintResult;
  /** A live session for per-keystroke scoring. */
  session(options?: SessionOptions): LiveSession;
  /** Agreement with teacher scores over scored samples (JSON Lines: one `{submission, teacher}` object a line). */
  calibrate(samplesJsonl: string): CalibrationReport;
  /** Releases the engine's wasm memory. */
  free(): void;
  [Symbol.dispose](): void;
}

// ---------------------------------------------------------------------------------------
// Web Components

/** `evident-score` event detail. */
export type EvidentScoreEvent = CustomEvent<ScoreReport>;
/** `evident-feedback` event detail. */
export type EvidentFeedbackEvent = CustomEvent<Feedback>;
/** `evident-lint` event detail (from `<evident-rubric>`). */
export type EvidentLintEvent = CustomEvent<LintResult>;

/** Mastery of one competency for one student, as `<evident-mastery>` shows it. */
export interface MasteryCell {
  student: string;
  competency: string;
  value: number;
  level: number;
  label?: string;
  mastered: boolean;
  count: number;
  trend: "rising" | "steady" | "falling" | "unknown";
  lastAt: string;
}

/** `evident-mastery` event detail. */
export type EvidentMasteryEvent = CustomEvent<{ estimates: MasteryCell[]; student: string | null }>;

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
  readonly estimates: MasteryCell[];
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
