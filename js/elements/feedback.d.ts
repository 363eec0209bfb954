/**
 * `evident/elements/feedback`: registers <evident-feedback> (the student's live feedback
 * beside a textarea) and nothing else, on import (the entry's only side effect). Needs the
 * DOM lib.
 * @packageDocumentation
 */
export { EvidentFeedback, EvidentLoadError, loadEvident, setWasmUrl, EvidentError } from "../elements.js";
