/**
 * Competency mastery from dated evidence (SPEC §1 "Evidence and mastery").
 * Hand-written declarations for the functions of `src/wasm/mastery.rs`.
 */

/** Where a piece of evidence came from. */
export interface EvidenceSource {
  task?: string;
  rubric?: string;
  criterion?: string;
}

/** One dated rating of one competency for one student (one line of evidence JSON Lines). */
export interface EvidenceRecord {
  student: string;
  competency: string;
  /** A value on the scale (1–4 by default), or 0/1 for right/wrong items. */
  value: number;
  /** RFC 3339 date-time, e.g. `2026-11-20T10:00:00Z`. */
  at: string;
  source?: EvidenceSource;
}

/** The calculation methods. */
export type MasteryMethod =
  | "decayingAverage"
  | "weightedAverage"
  | "nMastery"
  | "latest"
  | "highest"
  | "average"
  | "mode"
  | "powerLaw"
  | "bkt";

/** Bayesian Knowledge Tracing parameters, each a probability. */
export interface BktParams {
  prior?: number;
  learn?: number;
  /** 0 in classic BKT. */
  forget?: number;
  guess?: number;
  slip?: number;
}

export interface ScaleLevel {
  value: number;
  label: string;
}

export interface MasteryScale {
  levels: ScaleLevel[];
  mastery: number;
}

/** Options of `computeMastery`; every key is optional. */
export interface MasteryOptions {
  /** Default `decayingAverage` (Canvas's: latest × weight + previous average × (1 − weight)). */
  method?: MasteryMethod;
  /** Weight of the latest score for `decayingAverage` / `weightedAverage`, 0–1; default 0.65. */
  weight?: number;
  /** Scores at or above mastery that `nMastery` needs; default 3. */
  n?: number;
  /** Parameters for `bkt` (defaults prior 0.3, learn 0.1, forget 0, guess 0.2, slip 0.1). */
  bkt?: BktParams;
  /** `bkt`: fit the parameters per competency from the records given (EM). */
  fit?: boolean;
  /** `bkt` fitting: random restarts (default 5) and seed (default 0). */
  restarts?: number;
  seed?: number;
  /** `bkt`: P(known) at which a competency counts as mastered; default 0.95. */
  masteredAt?: number;
  /** Default: 1 Beginning, 2 Developing, 3 Proficient, 4 Advanced; mastery 3. */
  scale?: MasteryScale;
  /** Mark estimates whose latest evidence is older than this many days before `asOf`. */
  staleAfterDays?: number;
  /** "Now" for staleness (RFC 3339); default: the latest evidence given. */
  asOf?: string;
}

/** Direction of the recent evidence. */
export type Trend = "rising" | "steady" | "falling" | "unknown";

/** One student's mastery of one competency. */
export interface Estimate {
  student: string;
  competency: string;
  /** On the scale for score methods; P(known) for `bkt`. */
  value: number;
  /** The scale level at or below `value`. */
  level: number;
  label?: string;
  mastered: boolean;
  /** Evidence records the estimate rests on. */
  count: number;
  trend: Trend;
  /** Time of the latest record. */
  lastAt: string;
  /** Present only when `staleAfterDays` was given. */
  stale?: boolean;
}

/**
 * One estimate per student and competency, sorted by student then competency.
 * Throws an `EvidentError` (with `path`, e.g. `[3].value`) on bad records or options.
 *
 * @example
 * const estimates = computeMastery(
 *   [{ student: "s-17", competency: "SCI.CER.1", value: 2, at: "2026-09-10T10:00:00Z" },
 *    { student: "s-17", competency: "SCI.CER.1", value: 4, at: "2026-11-20T10:00:00Z" }],
 *   { method: "decayingAverage", weight: 0.65 });
 * // estimates[0].value === 3.3 (0.65 × 4 + 0.35 × 2), level 3, mastered, trend "rising"
 */
export function computeMastery(records: EvidenceRecord[] | string, options?: MasteryOptions | string): Estimate[];

/** Options of `computeMasteryAsync`. */
export interface ComputeMasteryAsyncOptions {
  /** The longest the work may hold the thread at a time, in milliseconds (default 8). */
  sliceMs?: number;
  /** Stops the work: the promise rejects with the signal's reason (an `AbortSignal`). */
  signal?: AbortSignalLike;
  /** Called after each step: what the job is doing, `done` of `total` (0 while reading text). */
  onProgress?: (progress: MasteryProgress) => void;
}

/** What `computeMasteryAsync` needs of an `AbortSignal` (typed without the DOM lib). */
export interface AbortSignalLike {
  readonly aborted: boolean;
  throwIfAborted(): void;
}

/** Where a `MasteryJob` stands. */
export interface MasteryProgress {
  stage: "reading" | "checking" | "estimating" | "done";
  done: number;
  total: number;
}

/**
 * `computeMastery` without freezing the page: for a gradebook of many thousand records. The
 * evidence is read in slices and the work runs in steps of at most `sliceMs`, giving the
 * thread back in between, so the page keeps answering input. The same estimates, and the
 * same `EvidentError`s, as `computeMastery` (which does it all in one call: about a second
 * for a million records in a browser).
 *
 * @example
 * const estimates = await computeMasteryAsync(gradebookJsonLines, { method: "decayingAverage" },
 *   { onProgress: ({ stage, done, total }) => bar.update(stage, done, total) });
 */
export function computeMasteryAsync(
  records: EvidenceRecord[] | string,
  options?: MasteryOptions | string,
  run?: ComputeMasteryAsyncOptions,
): Promise<Estimate[]>;

/**
 * The steps `computeMasteryAsync` drives, for a caller that schedules them itself: push the
 * evidence, `step` until the stage is "done", then `takeEstimates` until it gives an empty
 * list. `free()` it when done.
 */
export class MasteryJob {
  constructor(options?: MasteryOptions | string | null);
  /** Makes room for text of this many UTF-16 units in all, before the first `pushText`. */
  reserveText(units: number): void;
  /** A slice of evidence JSON Lines (slices may cut lines anywhere, not a surrogate pair). */
  pushText(text: string): void;
  /** Records `first…` of a list: `items` is the slice of the list that starts there. */
  pushRecords(first: number, items: EvidenceRecord[]): void;
  /** Works for about `ms` milliseconds at most; throws the evidence's problems. */
  step(ms: number): MasteryProgress;
  /** Up to `max` more estimates, in order; an empty list once all are taken. */
  takeEstimates(max: number): Estimate[];
  free(): void;
}

/**
 * Evidence records from a score report: one per criterion that names a competency. Throws
 * when the report has no `student` or `submittedAt`.
 *
 * @example
 * const records = evidenceFromReport(engine.score(submission));
 */
export function evidenceFromReport(report: object | string): EvidenceRecord[];

/**
 * Parses evidence JSON Lines; throws an `EvidentError` listing every bad line
 * (`problems[i].path` like `line 3: value`).
 *
 * @example
 * const records = parseEvidence('{"student":"s-1","competency":"M.1","value":3,"at":"2026-11-20"}\n');
 */
export function parseEvidence(jsonl: string): EvidenceRecord[];
