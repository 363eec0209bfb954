// `evident/elements/rubric`: registers <evident-rubric> (a rubric as a table, for teachers or
// students) and nothing else, its only side effect: a page that needs only this element loads
// none of the other elements' code. `evident/elements` registers every element. The element
// loads the engine on first use, through the same promise as `init()`; set the wasm URL before
// it does with `data-wasm-url` on the script tag or `setWasmUrl()`.
import { EvidentRubric } from "../components/rubric.js";
import { register } from "../components/register.js";

register("evident-rubric", EvidentRubric);

export { EvidentRubric };
export { EvidentLoadError, loadEvident, setWasmUrl } from "../load.js";
export { EvidentError } from "../errors.js";
