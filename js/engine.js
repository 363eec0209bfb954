// `evident`: the engine only, the student build (score, feedback, live session).
// No DOM needed and no side effects: nothing is registered or fetched until `init()`.
//
//   import init, { Engine } from "evident";
//   await init();                    // fetches evident_core_bg.wasm once per page
//   const engine = new Engine(rubric);
//
// `init()` and the components (`evident/elements`) share one load and one URL. Mastery,
// frameworks, CASE, xAPI, calibration, lint and the other stemmers are in `evident/full`.

import * as glue from "./evident_core.js";
import { coreApi, initBuild, initBuildSync } from "./load.js";

/** Loads and instantiates the engine (once per page); resolves to the wasm exports. */
export default function init(input) {
  return initBuild("core", input);
}

/** Instantiates the engine synchronously from bytes or a compiled module (Node, workers). */
export function initSync(input) {
  return initBuildSync("core", glue, input);
}

export const { Engine, LiveSession, feedbackOnce, version, getLimits, setLimits } = coreApi;
export { EvidentError } from "./errors.js";
export { EvidentLoadError, setWasmUrl, loadEvident } from "./load.js";
