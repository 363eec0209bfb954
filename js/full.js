// `evident/full`: every function of the engine, the build the teacher and class pages and
// the CLI use: the student path plus mastery (methods and BKT), frameworks and
// recommendations, CASE import, xAPI statements, calibration, and the Snowball stemmers of
// every language. About three times the student build's size: load it where it is needed.
//
//   import init, { computeMastery } from "evident/full";
//   await init();                    // fetches evident_full_bg.wasm once per page

import * as glue from "./evident_full.js";
import { initBuild, initBuildSync, wrapGlue } from "./load.js";

const api = wrapGlue("full", glue);

/** Loads and instantiates the full engine (once per page); resolves to the wasm exports. */
export default function init(input) {
  return initBuild("full", input);
}

/** Instantiates the full engine synchronously from bytes or a compiled module. */
export function initSync(input) {
  return initBuildSync("full", glue, input);
}

export const {
  Engine, LiveSession, lintRubric, feedbackOnce, version, getLimits, setLimits, calibrateRubric, computeMastery, evidenceFromReport,
  parseEvidence, parseFramework, rollUp, recommend, importCase, xapiStatements,
} = api;
export { EvidentError } from "./errors.js";
export { EvidentLoadError, setWasmUrl, loadEvident } from "./load.js";
