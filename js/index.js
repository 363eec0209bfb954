// The demo pages' all-in-one module (www/teacher.js, class.js and landing.js import
// /pkg/index.js): the full engine and the elements together, with the elements on the full
// build too, so that a demo page loads one wasm. Packages should import `evident` (the
// student engine), `evident/full` and `evident/elements` instead.
import "./demo-full.js";
export * from "./full.js";
export { default } from "./full.js";
export { EvidentFeedback, EvidentRubric, EvidentMastery, EvidentRubricEditor, defineElements } from "./elements.js";
