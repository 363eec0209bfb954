// Frameworks, recommendations, CASE import and xAPI export (SPEC §1, §3).
// Hand-written declarations for the functions of src/wasm/framework.rs.

/** A rubric or a submission in Evident's JSON format (SPEC §1), declared in ./formats.d.ts.
 * (A structural `Record<string, unknown>` type would refuse the package's own `Rubric`
 * interface, which has no index signature.) */
import type { Rubric as RubricJson, Submission as SubmissionJson } from "./formats.js";

/** How mastery rolls up from a competency's parts to the competency. A parent's `value` is
 * the mean of its assessed parts' values; the rule decides whether it is `mastered`:
 * - `"allChildren"` (default): every part is mastered (a part without evidence is not);
 * - `{ atLeast: n }`: at least `n` parts are mastered;
 * - `"average"`: every part has evidence and the mean reaches the scale's mastery level.
 * Evidence recorded on the parent itself counts as one more part. */
export type Rollup = "allChildren" | "average" | { atLeast: number };

export interface Competency {
  id: string;
  title: string;
  description?: string;
  /** The competency this one is part of. */
  parent?: string;
  /** Competencies to master before this one. */
  prerequisites?: string[];
  /** Overrides the framework's rule for this competency's parts. */
  rollup?: Rollup;
  /** Where it is published (a CASE item's uri). */
  uri?: string;
}

export interface ScaleLevel { value: number; label: string }

/** A framework: competencies with parent and prerequisite links (no cycles).
 * @example
 * const framework: Framework = {
 *   id: "sci-7", title: "Science practices",
 *   competencies: [
 *     { id: "SCI.CER", title: "Arguing from evidence" },
 *     { id: "SCI.CER.1", title: "State a claim", parent: "SCI.CER" },
 *     { id: "SCI.CER.2", title: "Use data as evidence", parent: "SCI.CER", prerequisites: ["SCI.CER.1"] },
 *   ],
 * };
 */
export interface Framework {
  id: string;
  title: string;
  description?: string;
  /** Default: levels 1–4 (Beginning, Developing, Proficient, Advanced), mastery 3. */
  scale?: { levels: ScaleLevel[]; mastery: number };
  rollup?: Rollup;
  competencies: Competency[];
}

export type Trend = "rising" | "steady" | "falling" | "unknown";

/** A mastery estimate for one student and one competency. */
export interface Estimate {
  student: string;
  competency: string;
  value: number;
  level?: number;
  label?: string;
  mastered: boolean;
  count?: number;
  trend?: Trend;
  /** RFC 3339 time of the latest evidence. */
  lastAt?: string;
  /** Whether the latest evidence is older than the mastery options' `staleAfterDays`. */
  stale?: boolean;
}

/** A dated rating of one competency for one student (one line of evidence JSON Lines). */
export interface EvidenceRecord {
  student: string;
  competency: string;
  value: number;
  at: string;
  source?: { task?: string; rubric?: string; criterion?: string };
}

export interface Task {
  id: string;
  title: string;
  /** Competencies the task gives evidence for. */
  competencies: string[];
  description?: string;
  rubric?: string;
  url?: string;
}

export interface Catalog { id?: string; title?: string; tasks: Task[] }

export interface RecommendOptions {
  student: string;
  catalog?: Catalog;
  /** For each competency's latest value (a mastered competency whose latest record is below
   * mastery is slipping); and, when `estimates` is `null`, what they are computed from. */
  evidence?: EvidenceRecord[];
  /** Mastery options for estimates computed from `evidence` (`{method: "decayingAverage",
   * weight: 0.65}`, `{method: "bkt", fit: true}`, …); the framework's scale unless given. */
  mastery?: { method?: string; scale?: { levels: ScaleLevel[]; mastery: number } } & Record<string, unknown>;
  /** Language of `because`: "en" (default) or "es". */
  locale?: "en" | "es" | string;
  /** Date staleness is measured on ("2026-11-20"); without it, estimates marked `stale` by the mastery method are stale. */
  asOf?: string;
  /** Default 30. */
  staleDays?: number;
  /** How far below mastery counts as near; default 0.5. */
  nearMargin?: number;
  limit?: number;
}

export type Reason = "ready" | "nearMastery" | "reinforce";

export interface Recommendation {
  competency: string;
  title: string;
  reason: Reason;
  /** 0–1, higher first; the formula is in src/framework/recommend.rs. */
  score: number;
  /** Why, for the student, in the requested language. */
  because: string;
  value?: number;
  trend: Trend;
  lastAt?: string;
  tasks: { id: string; title: string }[];
}

export interface Recommendations {
  student: string;
  framework: string;
  asOf?: string;
  recommendations: Recommendation[];
}

/** Validates a framework; throws `EvidentError` with the JSON path of every problem
 * (duplicate ids, unknown references with "did you mean", cycles such as
 * `competencies[3].prerequisites[0]: cycle: A → B → C → A`).
 * @example
 * const f = parseFramework(await (await fetch("science.framework.json")).text());
 */
export function parseFramework(framework: Framework | string): Framework;

/** The estimates plus each parent's rolled-up estimate.
 * @example
 * const all = rollUp(framework, estimates);
 */
export function rollUp(framework: Framework | string, estimates: Estimate[] | string): Estimate[];

/** Next steps for one student: not mastered with every prerequisite mastered (`ready`),
 * close to mastery or rising (`nearMastery`), mastered but slipping or stale (`reinforce`).
 * @example
 * const { recommendations } = recommend(framework, estimates, { student: "s-17", catalog, locale: "es", asOf: "2026-11-24" });
 * for (const r of recommendations) console.log(r.because, r.tasks.map((t) => t.title));
 * // or straight from evidence, with a mastery method:
 * recommend(framework, null, { student: "s-17", evidence, mastery: { method: "decayingAverage" } });
 */
export function recommend(framework: Framework | string, estimates: Estimate[] | string | null, options: RecommendOptions): Recommendations;

/** Something in a CASE package that has no place in the result, or a choice made for it. */
export interface Unmapped { path: string; identifier?: string; message: string }

export interface CaseImport { framework: Framework; rubrics: RubricJson[]; unmapped: Unmapped[] }

/** Imports a 1EdTech CASE 1.0 CFPackage: items → competencies (id = humanCodingScheme),
 * isChildOf → parent, "A precedes B" → A is a prerequisite of B, CFRubrics → rubrics.
 * @example
 * const { framework, rubrics, unmapped } = importCase(packageJson);
 */
export function importCase(cfPackage: object | string): CaseImport;

export interface XapiOptions {
  /** The home page of the system the student ids belong to. Default https://evident.dev. */
  homePage?: string;
  /** Base IRI of task, rubric and competency activities. */
  activityBase?: string;
}

/** An xAPI 1.0.3 statement (the parts Evident writes). */
export interface XapiStatement {
  id: string;
  actor: { objectType: "Agent"; account: { homePage: string; name: string } };
  verb: { id: string; display: Record<string, string> };
  object: { objectType: "Activity"; id: string; definition: { name: Record<string, string>; type: string } };
  result: {
    score?: { raw: number; min: number; max: number; scaled?: number };
    success: boolean;
    completion?: boolean;
    extensions?: Record<string, unknown>;
  };
  context?: {
    platform: string;
    language: string;
    contextActivities?: { other: XapiStatement["object"][] };
    statement?: { objectType: "StatementRef"; id: string };
  };
  timestamp?: string;
}

/** Scores a submission and gives its xAPI statements: `scored` (verb
 * http://adlnet.gov/expapi/verbs/scored), then `mastered` per competency shown at mastery.
 * Ids are UUID v5 of the content: the same submission always gives the same statements.
 * @example
 * const statements = xapiStatements(rubric, submission, { homePage: "https://school.example" });
 * await fetch(lrs + "/xAPI/statements", { method: "POST", body: JSON.stringify(statements), headers });
 */
export function xapiStatements(rubric: RubricJson | string, submission: SubmissionJson | string, options?: XapiOptions): XapiStatement[];
