// `evident/elements`: registers the Web Components <evident-feedback>, <evident-rubric> and
// <evident-mastery> (a no-op outside browsers). That registration is its only side effect.
// The elements load the engine on first use, through the same promise as `init()`; set the
// wasm URL before they do with `data-wasm-url` on this script tag or `setWasmUrl()`.
export { EvidentFeedback } from "./components/feedback.js";
export { EvidentRubric } from "./components/rubric.js";
export { EvidentMastery } from "./components/mastery.js";
export { EvidentRubricEditor } from "./components/rubric-editor.js";
export { defineElements } from "./components/define.js";
export { EvidentLoadError, loadEvident, setWasmUrl } from "./load.js";
export { EvidentError } from "./errors.js";
import "./components/define.js";
