/**
 * The demo pages' all-in-one module: `evident/full` and `evident/elements` together.
 * Packages import `evident`, `evident/full` and `evident/elements` instead.
 * @packageDocumentation
 */
export * from "./full.js";
export { default, initSync, Engine } from "./full.js";
export * from "./elements.js";
export { EvidentLoadError, loadEvident, setWasmUrl, EvidentError } from "./full.js";
