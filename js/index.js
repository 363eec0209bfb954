// The package's entry: the engine (wasm-bindgen's `init`, `initSync`, `Engine` and every
// other exported function), the EvidentError class, and the Web Components, which are
// registered on import in a browser (`<evident-feedback>`, `<evident-rubric>`, `<evident-mastery>`).

export { default, initSync } from "./evident_core.js";
export * from "./evident_core.js";
export { EvidentError } from "./errors.js";
export { EvidentLoadError, loadEvident, setWasmUrl } from "./components/loader.js";
export { EvidentFeedback } from "./components/feedback.js";
export { EvidentRubric } from "./components/rubric.js";
export { EvidentMastery } from "./components/mastery.js";
export { EvidentRubricEditor } from "./components/rubric-editor.js";
export { defineElements } from "./components/define.js";
