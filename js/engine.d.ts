/**
 * Evident: rubric scoring and real-time formative feedback, client-side in WebAssembly.
 * `evident` is the engine only (the student build): no DOM needed, no side effects, and these
 * declarations compile without the DOM lib or @types/node. The Web Components are in
 * `evident/elements`, mastery, frameworks, CASE, xAPI and calibration in `evident/full`,
 * JSX typings in `evident/jsx`. Formats follow the product contract (SPEC §1): JSON,
 * camelCase keys.
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

/**
 * What `init` accepts: the wasm file's URL (a string or a `URL`), a fetch `Response`, its
 * bytes, or a compiled `WebAssembly.Module`. Typed by shape, so that this file needs neither
 * the DOM lib nor @types/node.
 */
export type InitInput =
  | string
  | { readonly href: string }
  | { arrayBuffer(): Promise<ArrayBuffer> }
  | ArrayBuffer
  | ArrayBufferView
  | WasmModule;

/** A compiled `WebAssembly.Module` (declared by shape: WebAssembly is not in the ES libs). */
export type WasmModule = object;

/** The raw wasm exports (internal; use the classes and functions of this module). */
export interface InitOutput {
  readonly memory: object;
}

/**
 * Loads and instantiates the engine's wasm. Call once before using `Engine` (the Web
 * Components call it for you, and share the same load). Without an argument it fetches
 * `evident_core_bg.wasm` from the package root, or the URL set with `data-wasm-url` on a
 * script tag, `globalThis.EVIDENT_WASM_URL` or `setWasmUrl()`. In Node, a `file:` URL is read
 * from disk. Streams the compile when the server sends `application/wasm`.
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
export function initSync(module: { module: ArrayBuffer | ArrayBufferView | WasmModule } | ArrayBuffer | ArrayBufferView | WasmModule): InitOutput;

/**
 * Why the engine could not start in a page: `http` (e.g. 404), `not-wasm` (the server sent
 * something else, often an HTML page), `csp` (the Content-Security-Policy lacks
 * `'wasm-unsafe-eval'` or blocks the fetch), `network`, `compile`, or `not-json` (a rubric or
 * evidence URL returned HTML).
 */
export type LoadFailure = "http" | "not-wasm" | "csp" | "network" | "compile" | "not-json" | "node";

/** The two wasm builds: `core` (the student path) and `full` (everything). */
export type Build = "core" | "full";

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
export function loadEvident(build?: Build): Promise<EngineModule>;

/**
 * Uses another URL for a build's wasm file (`evident_core_bg.wasm`, or with `"full"`
 * `evident_full_bg.wasm`). It must run before that build first loads: before the first
 * element connects or `init()` runs; afterwards it throws. When the elements are in the
 * page's HTML, set the URL on the script tag instead (`data-wasm-url`,
 * `data-full-wasm-url`) or in `globalThis.EVIDENT_WASM_URL` before the script runs.
 *
 * @example
 * ```ts
 * setWasmUrl("https://cdn.example.org/evident/0.1.0/evident_core_bg.wasm");
 * ```
 */
export function setWasmUrl(url: string | { readonly href: string }, build?: Build): void;

/** The engine's classes and functions, as `loadEvident` gives them. */
export interface EngineModule {
  Engine: typeof Engine;
  LiveSession: typeof LiveSession;
  feedbackOnce: typeof feedbackOnce;
  version: typeof version;
}

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
  /**
   * True when the engine trapped (a WebAssembly RuntimeError: input nested too deeply, or a
   * bug) on this call. The engine was reset: other engines and later calls keep working.
   */
  readonly trap?: boolean;
}

// ---------------------------------------------------------------------------------------
// Formats

export type * from "./types/formats.js";
export type * from "./types/feedback.js";
export { feedbackOnce } from "./types/feedback.js";
import { feedbackOnce } from "./types/feedback.js";
import type { CompiledRubricJson, Problem, Rubric, ScoreReport, Submission } from "./types/formats.js";
import type { Feedback, FeedbackOptions } from "./types/feedback.js";


/** One line's result of `Engine.scoreLines`: its report, or its error. */
export type ScoreLineResult =
  | { line: number; report: ScoreReport; error?: undefined }
  | { line: number; report?: undefined; error: { message: string; path: string; problems: { path: string; message: string }[] } };

/**
 * Input limits (README "Limits"): whole numbers, each refused with a located `EvidentError`
 * when an input is bigger. `depth` is at most 127, as for JSON text.
 */
export interface Limits {
  depth: number;
  listItems: number;
  answerChars: number;
  /** Characters of the JSON text of one rubric or submission (an object: its JSON text; a string: its `length`, UTF-16 units). */
  textChars: number;
  criteria: number;
  indicators: number;
  phrases: number;
  patternChars: number;
  patternRepeat: number;
  patternSize: number;
  patternReach: number;
  evidenceRecords: number;
}

/** The limits in force. */
export function getLimits(): Limits;
/** Changes some limits (`{indicators: 2000}`) for every engine made afterwards; returns the limits in force. */
export function setLimits(changes: Partial<Limits>): Limits;

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
  /**
   * Changes the feedback's language or target without a new session; throws `EvidentError` (path `target`) for a target off the scale.
   * A new language, when the session's submission names none, also reads the answer with the rubric's phrases and wording in that
   * language, as a new session in it would.
   */
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
  /**
   * Scores JSON Lines text, one submission a line: one result per non-blank line, in order
   * (`line` counts from 1). A bad line gets `error` (its `path` starts with `line N`) and the
   * others are scored all the same. Throws `EvidentError` only when `text` is not a string.
   */
  scoreLines(text: string): ScoreLineResult[];
  /** Feedback on a submission: goal, strengths, at most three next steps, progress. */
  feedback(submission: Submission | string, options?: FeedbackOptions): Feedback;
  /** A live session for per-keystroke scoring. */
  session(options?: SessionOptions): LiveSession;
  /** Releases the engine's wasm memory. */
  free(): void;
  [Symbol.dispose](): void;
}


// `Symbol.dispose` (for `using engine = new Engine(…)`), declared here so that projects
// without the ESNext.Disposable lib compile too; with that lib, the declarations merge.
declare global {
  interface SymbolConstructor {
    readonly dispose: unique symbol;
  }
}
