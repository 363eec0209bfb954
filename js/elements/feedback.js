// `evident/elements/feedback`: registers <evident-feedback> (the student's live feedback
// beside a textarea) and nothing else, its only side effect: a page that needs only this
// element loads none of the other elements' code. `evident/elements` registers every element.
// The element loads the engine on first use, through the same promise as `init()`; set the
// wasm URL before it does with `data-wasm-url` on the script tag or `setWasmUrl()`.
import { EvidentFeedback } from "../components/feedback.js";
import { register } from "../components/register.js";

register("evident-feedback", EvidentFeedback);

export { EvidentFeedback };
export { EvidentLoadError, loadEvident, setWasmUrl } from "../load.js";
export { EvidentError } from "../errors.js";
