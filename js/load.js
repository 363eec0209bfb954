// Loads the engine's wasm once per page, for `init()` and the components alike: one promise
// and one URL per build, resolved from this file, which sits at the package root so that a
// bundler moving the code cannot shift it (bundlers see `new URL("./x.wasm", import.meta.url)`
// and emit the file). No DOM needed: in a browser it also watches for CSP violations to
// explain them; in Node it reads `file:` URLs from disk.
//
// Two builds: "core" (the student path: score, feedback, live session; English and Spanish
// stemmers) and "full" (adds lint, mastery, frameworks, CASE, xAPI, calibration and every
// stemmer). The URL of each can be set before anything loads:
//   <script type="module" src=".../elements.js" data-wasm-url="/assets/evident_core_bg.wasm"
//           data-full-wasm-url="/assets/evident_full_bg.wasm" data-evident-build="full">
//   globalThis.EVIDENT_WASM_URL / EVIDENT_FULL_WASM_URL / EVIDENT_BUILD (read at first load)
//   setWasmUrl(url, build?) (when it runs before the first load)
//
// A wasm trap (RuntimeError: a panic, or the engine running out of stack) would leave the
// module unusable; every call goes through `guard`, which re-instantiates the module and
// throws an EvidentError saying what happened, so engines elsewhere on the page keep working.

import initCore, * as coreGlue from "./evident_core.js";
import { EvidentError } from "./errors.js";

/** Why the engine could not start: `reason` is one of http, not-wasm, csp, network, compile, node, not-json. */
export class EvidentLoadError extends Error {
  constructor(reason, message, cause) {
    super(message, cause ? { cause } : undefined);
    this.name = "EvidentLoadError";
    this.reason = reason;
  }
}

const builds = {
  core: {
    file: "evident_core_bg.wasm",
    defaultUrl: () => new URL("./evident_core_bg.wasm", import.meta.url),
    glue: async () => coreGlue,
    init: initCore,
    attribute: "data-wasm-url",
    global: "EVIDENT_WASM_URL",
  },
  full: {
    file: "evident_full_bg.wasm",
    defaultUrl: () => new URL("./evident_full_bg.wasm", import.meta.url),
    glue: () => import("./evident_full.js"),
    attribute: "data-full-wasm-url",
    global: "EVIDENT_FULL_WASM_URL",
  },
};

const state = { core: { loading: null, url: null, api: null }, full: { loading: null, url: null, api: null } };

function buildName(build) {
  const name = build ?? defaultBuild();
  if (!builds[name]) throw new TypeError(`Evident: unknown build "${name}" (use "core" or "full")`);
  return name;
}

/** The build the components load: "core", unless the page asks for "full". */
export function defaultBuild() {
  const fromGlobal = globalThis.EVIDENT_BUILD;
  if (fromGlobal) return String(fromGlobal);
  const script = typeof document !== "undefined" ? document.querySelector("script[data-evident-build]") : null;
  return script ? script.getAttribute("data-evident-build") : "core";
}

/**
 * Uses another URL for a build's wasm file (`build`: "core", the default, or "full"). It takes
 * effect when it runs before that build first loads; later it throws, since the page already
 * holds the engine from the first URL.
 */
export function setWasmUrl(url, build = "core") {
  const name = buildName(build);
  if (state[name].loading) {
    throw new Error(`Evident: setWasmUrl() came after the ${name} engine started loading from ${state[name].url}. Call it before the first element connects, or set data-wasm-url on the script tag.`);
  }
  state[name].url = String(url);
}

function wasmUrl(name) {
  if (state[name].url) return state[name].url;
  const b = builds[name];
  const fromGlobal = globalThis[b.global];
  if (fromGlobal) return String(fromGlobal);
  if (typeof document !== "undefined") {
    const script = document.querySelector(`script[${b.attribute}]`);
    if (script) return new URL(script.getAttribute(b.attribute), document.baseURI).href;
  }
  return b.defaultUrl().href;
}

/** The engine module of a build ("core" by default, or as the page asks), loaded once per page. */
export function loadEvident(build) {
  const name = buildName(build);
  const s = state[name];
  if (!s.loading) {
    s.url = wasmUrl(name);
    s.loading = load(name, s.url).catch((error) => {
      s.loading = null; // a later attempt (after the host fixes the cause) may succeed
      throw error;
    });
  }
  return s.loading;
}

/**
 * The glue's `init`, sharing the page's one load: with no argument (or only a URL or Response
 * for the default) it is `loadEvident(build)`; with bytes or a compiled module it instantiates
 * from those once, and later calls return the same module.
 */
export async function initBuild(build, input) {
  const name = buildName(build);
  const s = state[name];
  let source = input && typeof input === "object" && "module_or_path" in input ? input.module_or_path : input;
  if (source === undefined || source === null) return (await loadEvident(name), rawExports(name));
  if (s.loading) return (await s.loading, rawExports(name));
  if (typeof source === "string" || source instanceof URL) {
    s.url = String(source);
    await loadEvident(name);
    return rawExports(name);
  }
  s.url = "(bytes given to init)";
  s.loading = (async () => {
    const glue = await builds[name].glue();
    const exports = await (builds[name].init ?? glue.default)({ module_or_path: source });
    return finish(name, glue, exports);
  })().catch((error) => { s.loading = null; throw error; });
  await s.loading;
  return rawExports(name);
}

/** The glue's `initSync`, recorded as this build's one load. */
export function initBuildSync(name, glue, input) {
  const s = state[name];
  const exports = glue.initSync(input && typeof input === "object" && "module" in input ? input : { module: input });
  if (!s.exports) {
    // Later init() and loadEvident() calls (the elements') use this instance: no fetch.
    s.loading = Promise.resolve(finish(name, glue, exports));
    s.url ??= "(initSync)";
  }
  return exports;
}

function rawExports(name) {
  return state[name].exports;
}

const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d];

function cspViolations() {
  const seen = [];
  const listen = (event) => seen.push(event);
  const doc = typeof document !== "undefined" ? document : null;
  doc?.addEventListener("securitypolicyviolation", listen);
  return { seen, stop: () => doc?.removeEventListener("securitypolicyviolation", listen) };
}

// Violation events are queued as tasks; give them a turn before deciding what happened.
const settle = () => new Promise((ok) => setTimeout(ok, 0));

function cspMessage(directive, url) {
  if (/script-src|wasm/.test(directive)) {
    return `Evident could not start: this page's Content-Security-Policy does not allow WebAssembly. Add 'wasm-unsafe-eval' to script-src (it allows compiling WebAssembly only, not eval).`;
  }
  return `Evident could not start: this page's Content-Security-Policy (${directive}) blocked loading ${url}. Allow that origin in connect-src.`;
}

const inNode = () => typeof process !== "undefined" && !!process.versions?.node && typeof window === "undefined";

async function readFileUrl(url) {
  // Hidden from bundlers: this branch only runs in Node, where `file:` URLs cannot be fetched.
  const specifier = "node:fs/promises";
  try {
    const fs = await import(/* webpackIgnore: true */ /* @vite-ignore */ specifier);
    return await fs.readFile(new URL(url));
  } catch (error) {
    throw new EvidentLoadError("node", `Evident could not start: reading ${url} failed (${error.message}). In Node, you can also call initSync({ module: readFileSync(path) }).`, error);
  }
}

// Vite's dev server (5 to 7) pre-bundles dependencies into node_modules/.vite/deps/, where
// no wasm file is: the URL from import.meta.url then points at a page, not the engine.
function viteHint(url) {
  return /\/\.vite[^/]*\/deps[^/]*\//.test(url)
    ? ' This is Vite\'s dependency pre-bundling: add optimizeDeps: { exclude: ["evident"] } to vite.config.js.'
    : "";
}

async function load(name, url) {
  const glue = await builds[name].glue();
  const init = builds[name].init ?? glue.default;
  if (url.startsWith("file:")) {
    if (!inNode()) throw new EvidentLoadError("network", `Evident could not start: ${url} is a file: URL, which a browser cannot fetch. Serve the package over http(s), or set the wasm URL with data-wasm-url or setWasmUrl().`);
    const bytes = await readFileUrl(url);
    return finish(name, glue, await compile(init, bytes, url, null));
  }
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
      throw new EvidentLoadError("http", `Evident could not start: ${url} answered ${response.status} ${response.statusText || ""}`.trim() + (response.status === 404 ? `. Is ${builds[name].file} deployed where the page looks for it? Set its URL with data-wasm-url on the script tag or setWasmUrl().` : ".") + viteHint(url));
    }
    const type = (response.headers.get("content-type") || "").split(";")[0].trim();
    if (type === "application/wasm" && typeof WebAssembly.instantiateStreaming === "function") {
      // Compiles while the bytes arrive. A body that is not wasm fails to compile: say so.
      return finish(name, glue, await compile(init, response, url, csp));
    }
    const bytes = await response.arrayBuffer();
    const head = new Uint8Array(bytes, 0, Math.min(4, bytes.byteLength));
    if (head.length < 4 || WASM_MAGIC.some((b, i) => head[i] !== b)) {
      throw new EvidentLoadError("not-wasm", `Evident could not start: ${url} is not WebAssembly (the server sent ${type || "no content type"}${type.startsWith("text/html") ? ", probably an HTML page from a wrong path" : ""}). Serve ${builds[name].file} as application/wasm.${viteHint(url)}`);
    }
    console.warn(`[evident] ${url} was served as ${type || "no content type"}, not application/wasm, so it cannot be compiled while it downloads. Loading it anyway; configure the server to send application/wasm.`);
    return finish(name, glue, await compile(init, bytes, url, csp));
  } finally {
    csp.stop();
  }
}

async function compile(init, source, url, csp) {
  try {
    return await init({ module_or_path: source });
  } catch (error) {
    await settle();
    const text = String(error && error.message);
    const blocked = csp?.seen.find((e) => /script-src|wasm/.test(e.effectiveDirective || e.violatedDirective || ""));
    if (blocked || /Content Security Policy|unsafe-eval/i.test(text)) {
      throw new EvidentLoadError("csp", cspMessage("script-src", url), error);
    }
    if (/magic|expected magic word/i.test(text)) {
      throw new EvidentLoadError("not-wasm", `Evident could not start: ${url} is not WebAssembly (${text}).`, error);
    }
    throw new EvidentLoadError("compile", `Evident could not start: the engine failed to compile (${text}). Is the browser recent enough for WebAssembly?`, error);
  }
}

// --- traps -------------------------------------------------------------------------------
//
// A trap (WebAssembly.RuntimeError: a panic, or the engine running out of stack on input
// nested too deeply) can leave the instance's memory in any state: its shadow stack pointer
// at the bottom, a borrow never released. The glue is built with wasm-bindgen's
// `--experimental-reset-state-function`: after a trap, `__wbg_reset_state()` makes a fresh
// instance of the same compiled module, and the failed call throws an EvidentError that says
// what happened. Objects of the old instance are stale (the glue refuses them); the guard
// rebuilds each on its next use from what made it (an engine from its rubric, a session from
// its engine and options), so engines and components elsewhere on the page keep working.

const STALE = "Invalid stale object from previous Wasm instance";

function trapError(name, error) {
  const message = `Evident stopped on this input (${error.message || "a WebAssembly trap"}): it may be nested too deeply or hit a bug. The engine was restarted and keeps working for everything else on the page; try again with smaller input.`;
  const e = new EvidentError(message, [{ path: "", message }]);
  e.cause = error;
  e.trap = true;
  e.build = name;
  return e;
}

function reset(name) {
  const s = state[name];
  s.traps = (s.traps ?? 0) + 1;
  if (typeof s.glue?.__wbg_reset_state === "function") {
    s.glue.__wbg_reset_state();
    s.instance = (s.instance ?? 0) + 1; // in step with the glue's own instance counter
  }
}

/** `free` that forgets a stale object instead of freeing its pointer in the new instance. */
function guardFree(name, free) {
  return function freeGuarded() {
    const s = state[name];
    if (this.__wbg_inst !== undefined && this.__wbg_inst !== (s.instance ?? 0)) {
      this.__destroy_into_raw();
      return;
    }
    free.call(this);
  };
}

/** Gives `obj` (stale: made by an instance before a reset) a twin's pointer in the new one. */
function rebuild(obj) {
  const origin = obj.__evidentOrigin;
  if (!origin) return false;
  const twin = origin();
  const instance = twin.__wbg_inst;
  obj.__wbg_ptr = twin.__destroy_into_raw();
  obj.__wbg_inst = instance;
  return true;
}

function guard(name, fn) {
  return function guarded(...args) {
    try {
      try {
        return fn.apply(this, args);
      } catch (error) {
        if (!(error instanceof Error && error.message === STALE && this && rebuild(this))) throw error;
        return fn.apply(this, args);
      }
    } catch (error) {
      if (error instanceof WebAssembly.RuntimeError) {
        reset(name);
        throw trapError(name, error);
      }
      throw error;
    }
  };
}

/**
 * The glue's exports with every function, constructor, method and getter guarded against
 * traps. Patches the glue's class prototypes in place (once), so objects the glue creates
 * itself (a session from `engine.session()`) are guarded too.
 */
export function wrapGlue(name, glue) {
  const s = state[name];
  if (s.api) return s.api;
  s.glue = glue;
  const api = {};
  for (const [key, value] of Object.entries(glue)) {
    if (key === "default" || key === "initSync" || key.startsWith("__wbg_") || typeof value !== "function") continue;
    const proto = value.prototype;
    const isClass = proto && Object.getOwnPropertyNames(proto).length > 1;
    if (!isClass) {
      api[key] = guard(name, value);
      continue;
    }
    if (typeof proto.free === "function") {
      const free = guardFree(name, proto.free);
      Object.defineProperty(proto, "free", { configurable: true, writable: true, value: free });
      if (typeof Symbol.dispose === "symbol") proto[Symbol.dispose] = free;
    }
    for (const member of Object.getOwnPropertyNames(proto)) {
      const d = Object.getOwnPropertyDescriptor(proto, member);
      if (member === "constructor" || member === "free" || member.startsWith("__")) continue;
      if (typeof d.value === "function") Object.defineProperty(proto, member, { ...d, value: guard(name, d.value) });
      else if (d.get) Object.defineProperty(proto, member, { ...d, get: guard(name, d.get) });
    }
    if (typeof proto.session === "function") {
      // A session remembers its engine and options, to be rebuilt after a reset.
      const session = proto.session;
      Object.defineProperty(proto, "session", {
        configurable: true, writable: true,
        value: function (...args) {
          const live = session.apply(this, args);
          Object.defineProperty(live, "__evidentOrigin", { value: () => session.apply(this, args) });
          return live;
        },
      });
    }
    const Base = value;
    // The constructor: a subclass whose construction is guarded too (`instanceof` the glue's
    // class still holds) and whose objects can be rebuilt from their arguments.
    api[key] = {
      [key]: class extends Base {
        constructor(...args) {
          try {
            super(...args);
          } catch (error) {
            if (error instanceof WebAssembly.RuntimeError) {
              reset(name);
              throw trapError(name, error);
            }
            throw error;
          }
          Object.defineProperty(this, "__evidentOrigin", { value: () => new Base(...args) });
        }
      },
    }[key];
  }
  s.api = Object.freeze(api);
  return s.api;
}

/** Records the instance's exports and gives the guarded API. */
function finish(name, glue, exports) {
  const s = state[name];
  s.exports ??= exports;
  return wrapGlue(name, glue);
}

/** The core build's guarded API (available before it loads; calls need `init()` first). */
export const coreApi = wrapGlue("core", coreGlue);

/** How many traps a build has recovered from on this page (for tests and diagnostics). */
export function trapCount(build = "core") {
  return state[buildName(build)].traps ?? 0;
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
