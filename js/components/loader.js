// The components' view of the engine loader (../load.js): one load per build and page,
// shared with `init()`; errors a host page's author can act on.
export { EvidentLoadError, fetchText, loadEvident, setWasmUrl } from "../load.js";
