/**
 * `evident/elements/mastery`: registers <evident-mastery> (a class's or a student's mastery)
 * and nothing else, on import (the entry's only side effect). Needs the DOM lib.
 * @packageDocumentation
 */
export { EvidentMastery, EvidentLoadError, loadEvident, setWasmUrl, EvidentError } from "../elements.js";
