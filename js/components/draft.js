// The student's draft in localStorage, so a reload or a closed tab never loses their text,
// and a shared classroom device never shows one student's text to another.
// A draft is keyed by student and task (`evident-draft:v2:<student>|<task>`), stores when it
// was saved, expires after `maxAge` seconds (default 7 days), keeps at most `maxChars`
// characters (default 100,000) and says when it kept fewer, and is written on a debounce.
// Takes: keys, text, limits. Gives: read/write/remove/clear functions and a debounced writer.

const PREFIX = "evident-draft:v2:";
// Drafts written before per-student keys (`evident-draft:/path#textarea`): cleared with the device.
const LEGACY_PREFIX = "evident-draft:";

/** Documented defaults; a host overrides them per element (`draft-max-age`) or in options. */
export const DRAFT_DEFAULTS = Object.freeze({
  /** Seconds a draft is kept after its last save: 7 days. */
  maxAge: 7 * 24 * 60 * 60,
  /** Characters saved at most (about 200 KB of the origin's ~5 MB of localStorage). */
  maxChars: 100_000,
  /** Milliseconds of quiet typing before a draft is written. */
  delay: 400,
});

function storage() {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage disabled (a sandboxed frame, privacy settings)
  }
}

/** The storage key of one student's draft of one task. The student "" is "not signed in". */
export function draftKey(student, task) {
  return `${PREFIX}${encodeURIComponent(student ?? "")}|${encodeURIComponent(task)}`;
}

/** The default task key: the rubric's URL path (or its id when given inline) and the textarea id. */
export function taskKey(rubricSrc, rubricInput, textareaId) {
  const base = globalThis.document?.baseURI ?? "http://localhost/";
  const rubric = rubricSrc ? new URL(rubricSrc, base).pathname : (rubricId(rubricInput) ?? "inline");
  return `${rubric}#${textareaId ?? ""}`;
}

function rubricId(input) {
  if (input && typeof input === "object") return input.id;
  if (typeof input === "string") {
    try { return JSON.parse(input).id; } catch { return null; }
  }
  return null;
}

/**
 * The saved draft `{text, savedAt, truncated, length}` (`length` is the text's full length
 * when it was saved, more than `text.length` when `truncated`), or null. An expired or
 * unreadable draft is removed and gives null.
 */
export function readDraft(key, { maxAge = DRAFT_DEFAULTS.maxAge, now = Date.now() } = {}) {
  const store = storage();
  if (!store) return null;
  let raw = null;
  try { raw = store.getItem(key); } catch { return null; }
  if (raw === null) return null;
  let draft = null;
  try { draft = JSON.parse(raw); } catch { /* not ours */ }
  const fresh = draft && typeof draft.text === "string" && Number.isFinite(draft.savedAt)
    && now - draft.savedAt <= maxAge * 1000;
  if (!fresh) {
    removeDraft(key);
    return null;
  }
  return { text: draft.text, savedAt: draft.savedAt, truncated: Boolean(draft.truncated), length: draft.length ?? draft.text.length };
}

/**
 * Saves a draft: `{saved, truncated, length, kept, error}`. Empty text removes the draft.
 * Text longer than `maxChars` keeps its first `maxChars` characters (never splitting a
 * surrogate pair) and reports `truncated`; `error` is "quota" when storage is full and
 * "unavailable" when there is no storage.
 */
export function writeDraft(key, text, { maxChars = DRAFT_DEFAULTS.maxChars, now = Date.now() } = {}) {
  const store = storage();
  const length = text.length;
  if (!store) return { saved: false, truncated: false, length, kept: 0, error: "unavailable" };
  if (!text) {
    removeDraft(key);
    return { saved: true, truncated: false, length: 0, kept: 0 };
  }
  let kept = text;
  if (length > maxChars) {
    let end = maxChars;
    const code = text.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff) end -= 1; // a lone high surrogate would corrupt the text
    kept = text.slice(0, end);
  }
  const truncated = kept.length < length;
  try {
    store.setItem(key, JSON.stringify({ text: kept, savedAt: now, truncated, length }));
    return { saved: true, truncated, length, kept: kept.length };
  } catch {
    return { saved: false, truncated, length, kept: 0, error: "quota" };
  }
}

/** Removes one draft. */
export function removeDraft(key) {
  try { storage()?.removeItem(key); } catch { /* nothing to remove */ }
}

function draftKeys() {
  const store = storage();
  if (!store) return [];
  const keys = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (key?.startsWith(LEGACY_PREFIX)) keys.push(key);
  }
  return keys;
}

/**
 * Removes every draft of one student (`{student: "s-17"}`), or with no student every Evident
 * draft on this device (older, per-textarea drafts too). Returns how many it removed.
 */
export function clearDrafts({ student } = {}) {
  const prefix = student === undefined || student === null ? LEGACY_PREFIX : `${PREFIX}${encodeURIComponent(student)}|`;
  let removed = 0;
  for (const key of draftKeys()) {
    if (key.startsWith(prefix)) { removeDraft(key); removed += 1; }
  }
  return removed;
}

/** Removes the drafts saved longer than `maxAge` seconds ago. Returns how many it removed. */
export function sweepDrafts({ maxAge = DRAFT_DEFAULTS.maxAge, now = Date.now() } = {}) {
  let removed = 0;
  for (const key of draftKeys()) {
    if (key.startsWith(PREFIX) && readDraft(key, { maxAge, now }) === null) removed += 1;
  }
  return removed;
}

/**
 * Writes drafts on a debounce: `schedule(key, text)` keeps the latest text for its key and
 * writes it after `delay` ms of quiet; `flush()` writes now (call it before the key changes,
 * on `pagehide`, on disconnect); `cancel()` drops what is pending. `onSaved(result)` hears
 * each write's outcome.
 */
export class DraftWriter {
  #pending = null;
  #timer = 0;
  #delay;
  #onSaved;
  #limits;

  constructor({ delay = DRAFT_DEFAULTS.delay, onSaved = () => {}, limits = () => ({}) } = {}) {
    this.#delay = delay;
    this.#onSaved = onSaved;
    this.#limits = limits;
  }

  get pending() { return this.#pending !== null; }

  schedule(key, text) {
    if (this.#pending && this.#pending.key !== key) this.flush();
    this.#pending = { key, text };
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.flush(), this.#delay);
  }

  flush() {
    clearTimeout(this.#timer);
    const pending = this.#pending;
    this.#pending = null;
    if (!pending) return null;
    const result = writeDraft(pending.key, pending.text, this.#limits());
    this.#onSaved(result);
    return result;
  }

  cancel() {
    clearTimeout(this.#timer);
    this.#pending = null;
  }
}
