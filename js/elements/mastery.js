// `evident/elements/mastery`: registers <evident-mastery> (a class's or a student's mastery)
// and nothing else, its only side effect: a page that needs only this element loads none of
// the other elements' code. `evident/elements` registers every element. The element loads the
// engine on first use, through the same promise as `init()`; set the wasm URL before it does
// with `data-wasm-url` on the script tag or `setWasmUrl()`.
import { EvidentMastery } from "../components/mastery.js";
import { register } from "../components/register.js";

register("evident-mastery", EvidentMastery);

export { EvidentMastery };
export { EvidentLoadError, loadEvident, setWasmUrl } from "../load.js";
export { EvidentError } from "../errors.js";
