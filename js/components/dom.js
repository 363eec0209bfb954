// Small DOM builders for the components. Everything an author or a student wrote becomes
// text nodes (never HTML), so a rubric or an essay cannot inject markup or script.
// Takes: tag names, properties, children. Gives: elements and fragments.

/**
 * An element: `h("li", {part: "step", class: "x"}, "text", child)`. Strings become text nodes.
 * Properties: `part`, `class`, `text`, `attrs` (plain attributes), `on` (event listeners),
 * and any other key set as a DOM property (`hidden`, `value`, `max`…).
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "part") el.setAttribute("part", value);
    else if (key === "class") el.className = value;
    else if (key === "text") el.textContent = String(value);
    else if (key === "attrs") for (const [name, v] of Object.entries(value)) { if (v !== undefined && v !== null) el.setAttribute(name, String(v)); }
    else if (key === "on") for (const [type, listener] of Object.entries(value)) el.addEventListener(type, listener);
    else el[key] = value;
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
  }
}

/**
 * The text with each span wrapped in `<mark part="evidence">`. Spans are `[start, end)` in
 * UTF-16 code units (JS string indices); overlapping spans are merged.
 */
export function markedText(text, spans) {
  const fragment = document.createDocumentFragment();
  const merged = mergeSpans(spans, text.length);
  let at = 0;
  for (const [start, end] of merged) {
    if (start > at) fragment.append(document.createTextNode(text.slice(at, start)));
    fragment.append(h("mark", { part: "evidence" }, text.slice(start, end)));
    at = end;
  }
  if (at < text.length) fragment.append(document.createTextNode(text.slice(at)));
  return fragment;
}

/** Sorted, non-overlapping `[start, end)` pairs within `[0, length]`. */
export function mergeSpans(spans, length) {
  const pairs = spans
    .map((s) => [Math.max(0, Math.min(length, s.start)), Math.max(0, Math.min(length, s.end))])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const out = [];
  for (const [a, b] of pairs) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** Replaces an element's children. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
}

/** A constructable stylesheet (allowed under a strict style-src, unlike inline styles). */
export function sheet(css) {
  const s = new CSSStyleSheet();
  s.replaceSync(css);
  return s;
}

/** Emits a bubbling, composed CustomEvent from the host element. */
export function emit(host, type, detail) {
  host.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

/** A base class that exists outside browsers too, so `import "evident"` works in Node. */
export const ElementBase = globalThis.HTMLElement ?? class {};

/** The error box every component shows when something fails: message, then located problems. */
export function errorBox(error, strings) {
  const problems = Array.isArray(error?.problems) ? error.problems : [];
  return h("div", { part: "error", class: "error", attrs: { role: "alert" } },
    h("p", { class: "error-title" }, error?.name === "EvidentLoadError" ? strings.loadFailed : strings.problem),
    h("p", {}, problems.length ? (problems.length === 1 ? "" : `${problems.length} ${strings.problems}`) : String(error?.message ?? error)),
    problems.length ? h("ul", { class: "problems" }, problems.map((p) =>
      h("li", {}, p.path ? h("code", { part: "path", class: "path" }, p.path) : null, p.path ? " " : null, p.message))) : null);
}
