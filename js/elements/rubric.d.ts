/**
 * `evident/elements/rubric`: registers <evident-rubric> (a rubric as a table, for teachers
 * or students) and nothing else, on import (the entry's only side effect). Needs the DOM
 * lib.
 * @packageDocumentation
 */
export { EvidentRubric, EvidentLoadError, loadEvident, setWasmUrl, EvidentError } from "../elements.js";
