/**
 * `evident/full`: every function of the engine (the build of the teacher and class pages):
 * the student engine of `evident` plus calibration, mastery (methods and BKT), frameworks and
 * recommendations, CASE import and xAPI statements, and every Snowball stemmer. Its `init()`
 * fetches `evident_full_bg.wasm` (about three times the student build).
 * @packageDocumentation
 */
import { Engine as CoreEngine } from "./engine.js";
import type { CalibrationReport, CalibrationSample } from "./types/feedback.js";

export * from "./engine.js";
export { default, initSync } from "./engine.js";
export type * from "./types/framework.js";
export type * from "./types/mastery.js";
export type { ScaleLevel } from "./types/formats.js";
export type { Estimate, EvidenceRecord, Trend } from "./types/mastery.js";
export { calibrateRubric } from "./types/feedback.js";
export { parseFramework, rollUp, recommend, importCase, xapiStatements } from "./types/framework.js";
export { computeMastery, evidenceFromReport, parseEvidence } from "./types/mastery.js";

/** The engine of the full build: everything `Engine` of `evident` does, and calibration. */
export class Engine extends CoreEngine {
  /** Agreement with teacher scores over scored samples: JSON Lines text (one `{submission, teacher}` a line) or a list of them. */
  calibrate(samples: string | CalibrationSample[]): CalibrationReport;
}
