/**
 * `evident/elements/rubric-editor`: registers <evident-rubric-editor> (the rubric studio's
 * editor) and nothing else, on import (the entry's only side effect). Needs the DOM lib.
 * @packageDocumentation
 */
export { EvidentRubricEditor, EvidentLoadError, loadEvident, setWasmUrl, EvidentError } from "../elements.js";
