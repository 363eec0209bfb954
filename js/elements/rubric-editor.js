// `evident/elements/rubric-editor`: registers <evident-rubric-editor> (the rubric studio's
// editor) and nothing else, its only side effect: a page that needs only this element loads
// none of the other elements' code. `evident/elements` registers every element. The element
// loads the engine on first use, through the same promise as `init()`; set the wasm URL before
// it does with `data-wasm-url` on the script tag or `setWasmUrl()`.
import { EvidentRubricEditor } from "../components/rubric-editor.js";
import { register } from "../components/register.js";

register("evident-rubric-editor", EvidentRubricEditor);

export { EvidentRubricEditor };
export { EvidentLoadError, loadEvident, setWasmUrl } from "../load.js";
export { EvidentError } from "../errors.js";
