// Loads the engine's wasm once per page, and when loading fails says why in words a host
// page's author can act on (Ruffle's lesson): the file is missing (404), the server sent
// something that is not WebAssembly (often an HTML page from a wrong path), or the page's
// Content-Security-Policy forbids compiling WebAssembly or fetching the file.
// Takes: an optional URL of evident_core_bg.wasm. Gives: a promise of the wasm exports.

import init, * as core from "../evident_core.js";

/** Why the engine could not start: `reason` is one of http, not-wasm, csp, network, compile. */
export class EvidentLoadError extends Error {
  constructor(reason, message, cause) {
    super(message, cause ? { cause } : undefined);
    this.name = "EvidentLoadError";
    this.reason = reason;
  }
}

let loading = null;
let wasmUrl = null;

/** Uses another URL for the wasm file (call before the first component connects). */
export function setWasmUrl(url) {
  wasmUrl = String(url);
}

/** The wasm module's exports, loaded once per page however many components ask. */
export function loadEvident() {
  loading ??= load(wasmUrl ?? new URL("../evident_core_bg.wasm", import.meta.url).href);
  return loading;
}

const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d];

function cspViolations() {
  const seen = [];
  const listen = (event) => seen.push(event);
  if (typeof document !== "undefined") document.addEventListener("securitypolicyviolation", listen);
  return {
    seen,
    stop() {
      if (typeof document !== "undefined") document.removeEventListener("securitypolicyviolation", listen);
    },
  };
}

// Violation events are queued as tasks; give them a turn before deciding what happened.
const settle = () => new Promise((ok) => setTimeout(ok, 0));

function cspMessage(directive, url) {
  if (/script-src|wasm/.test(directive)) {
    return `Evident could not start: this page's Content-Security-Policy does not allow WebAssembly. Add 'wasm-unsafe-eval' to script-src (it allows compiling WebAssembly only, not eval).`;
  }
  return `Evident could not start: this page's Content-Security-Policy (${directive}) blocked loading ${url}. Allow that origin in connect-src.`;
}

async function load(url) {
  const csp = cspViolations();
  try {
    let response;
    try {
      response = await fetch(url);
    } catch (error) {
      await settle();
      const blocked = csp.seen.find((e) => /connect-src|default-src/.test(e.effectiveDirective || e.violatedDirective || ""));
      if (blocked) throw new EvidentLoadError("csp", cspMessage(blocked.effectiveDirective || blocked.violatedDirective, url), error);
      throw new EvidentLoadError("network", `Evident could not start: fetching ${url} failed (${error.message}). Is the server running, and does it allow this origin (CORS)?`, error);
    }
    if (!response.ok) {
      throw new EvidentLoadError("http", `Evident could not start: ${url} answered ${response.status} ${response.statusText || ""}`.trim() + (response.status === 404 ? ". Is evident_core_bg.wasm deployed next to index.js?" : "."));
    }
    const type = (response.headers.get("content-type") || "").split(";")[0].trim();
    const bytes = await response.arrayBuffer();
    const head = new Uint8Array(bytes, 0, Math.min(4, bytes.byteLength));
    if (head.length < 4 || WASM_MAGIC.some((b, i) => head[i] !== b)) {
      throw new EvidentLoadError("not-wasm", `Evident could not start: ${url} is not WebAssembly (the server sent ${type || "no content type"}${type.startsWith("text/html") ? ", probably an HTML page from a wrong path" : ""}). Serve evident_core_bg.wasm as application/wasm.`);
    }
    if (type !== "application/wasm") {
      console.warn(`[evident] ${url} was served as ${type || "no content type"}; it should be application/wasm. Loading it anyway.`);
    }
    try {
      await init({ module_or_path: bytes });
    } catch (error) {
      await settle();
      const text = String(error && error.message);
      const blocked = csp.seen.find((e) => /script-src|wasm/.test(e.effectiveDirective || e.violatedDirective || ""));
      if (blocked || /Content Security Policy|unsafe-eval/i.test(text)) {
        throw new EvidentLoadError("csp", cspMessage("script-src", url), error);
      }
      throw new EvidentLoadError("compile", `Evident could not start: the engine failed to compile (${text}). Is the browser recent enough for WebAssembly?`, error);
    }
    return core;
  } catch (error) {
    loading = null; // a later attempt (after the host fixes the cause) may succeed
    throw error;
  } finally {
    csp.stop();
  }
}

/**
 * Fetches a JSON or JSON Lines resource as text, with a message naming the URL when it fails.
 * The text is parsed by the engine, whose errors carry line, column and JSON path.
 */
export async function fetchText(url, what) {
  let response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new EvidentLoadError("network", `Could not load the ${what} from ${url}: ${error.message}.`, error);
  }
  if (!response.ok) {
    throw new EvidentLoadError("http", `Could not load the ${what} from ${url}: the server answered ${response.status}${response.status === 404 ? " (not found)" : ""}.`);
  }
  const text = await response.text();
  if (/^\s*</.test(text)) {
    throw new EvidentLoadError("not-json", `Could not load the ${what} from ${url}: the server sent an HTML page, not JSON. Is the path right?`);
  }
  return text;
}
