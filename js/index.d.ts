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

/** The engine's classes and functions, as `loadEvident` gives them (this module's exports). */
export type EngineModule = typeof import("./index.js");

/** The crate's version, e.g. `"0.1.0"`. @example `console.log(version())` */
export function version(): string;

// ---------------------------------------------------------------------------------------
// Errors

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
// Formats and the other areas' functions (feedback, calibration, frameworks, CASE, xAPI)

export * from "./types/formats.js";
export * from "./types/feedback.js";
export * from "./types/framework.js";
export * from "./types/mastery.js";
// Declared by more than one file with the same shape; these are the package's.
export type { ScaleLevel } from "./types/formats.js";
export type { Estimate, EvidenceRecord, Trend } from "./types/mastery.js";
import type { Estimate } from "./types/mastery.js";
import type { CompiledRubricJson, LintResult, Problem, Rubric, ScoreReport, Submission } from "./types/formats.js";
import type { CalibrationReport, CalibrationSample, Feedback, FeedbackOptions } from "./types/feedback.js";

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

/**
 * What a live session gives per update. Treat it as read-only: the next update builds on it,
 * sharing every part the edit left as it was (a strength's `spans` may be the same array as
 * its indicator's `met` spans in the report).
 */
export interface LiveUpdate {
  readonly report: ScoreReport;
  readonly feedback: Feedback;
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
  /**
   * Re-scores with the field's whole new text (only the edited part crosses into wasm).
   * Returns the previous object itself when nothing changed, so `result === previous` means
   * there is nothing to redraw. Throws `EvidentError` when `text` is not a string.
   */
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
  /** The rubric with every default filled in, each text a plain string in the rubric's own language. */
  readonly rubric: CompiledRubricJson;
  /** The rubric with each text in `locale` where it gives one (its own language where not), as plain strings. */
  rubricIn(locale: string): CompiledRubricJson;
  /** The rubric as written, texts by language included. */
  readonly source: Rubric;
  /** Scores a submission (an object or a JSON string). Throws `EvidentError` for a bad submission. */
  score(submission: Submission | string): ScoreReport;
  /** Feedback on a submission: goal, strengths, at most three next steps, progress. */
  feedback(submission: Submission | string, options?: FeedbackOptions): Feedback;
  /** Advice on the rubric's quality (`errors` is always empty: the rubric compiled). */
  lint(): LintResult;
  /** A live session for per-keystroke scoring. */
  session(options?: SessionOptions): LiveSession;
  /** Agreement with teacher scores over scored samples: JSON Lines text (one `{submission, teacher}` a line) or a list of them. */
  calibrate(samples: string | CalibrationSample[]): CalibrationReport;
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
