// When and how <evident-feedback> runs the live session on the student's text. A short
// answer is re-analysed once per animation frame. An answer over 20,000 characters is
// re-analysed after a 500 ms pause, with the panel busy ("checking…") until then; and a
// long insertion (a paste) goes to the session 50,000 characters at a time, yielding to the
// page between slices, so no task blocks the page for the whole paste. Only the result for
// the whole text is handed on; new input cancels the rest of a sliced run.
// An answer over the engine's `answerChars` limit (which a full score refuses) is analysed up
// to the limit, and `onLong({chars, limit})` says so (`onLong(null)` once it is back within).
// Takes: a live session, the current text. Gives: `onResult(text, result)` once per settle,
// with the text analysed.

/** Answers longer than this many characters are analysed after a pause, with "checking…" shown. */
export const LONG_TEXT = 20_000;
/** The pause (ms) before a long answer is analysed again. */
export const LONG_TEXT_DELAY = 500;
/** A longer insertion is analysed this many characters at a time, yielding in between. */
export const SLICE = 50_000;

export class LiveAnalysis {
  #session = null;
  #sessionText = "";
  #frame = 0;
  #slow = 0;
  #token = 0;
  #pending = false;
  #text;
  #onResult;
  #onError;
  #onBusy;
  #limit;
  #onLong;

  /**
   * `text()` the current text; `onResult(text, result)`, `onError(error)`, `onBusy(on)`;
   * `limit()` the most characters analysed, `onLong({chars, limit} | null)`.
   */
  constructor({ text, onResult, onError, onBusy, limit = () => Infinity, onLong = () => {} }) {
    this.#text = text;
    this.#onResult = onResult;
    this.#onError = onError;
    this.#onBusy = onBusy;
    this.#limit = limit;
    this.#onLong = onLong;
  }

  /** True from an input until its result is handed on. */
  get pending() { return this.#pending; }

  get session() { return this.#session; }
  /** A new session (new rubric, field or none): it has seen no text yet. */
  set session(session) {
    this.#token += 1;
    this.#session?.free?.();
    this.#session = session;
    this.#sessionText = "";
  }

  /** The text changed: analyse it on the next frame, or after a pause when it is long. */
  schedule() {
    this.#pending = true;
    if (this.#text().length > LONG_TEXT) {
      if (this.#frame) { cancelAnimationFrame(this.#frame); this.#frame = 0; }
      this.#busy(true);
      clearTimeout(this.#slow);
      // Two frames after the pause: "checking…" is painted before the analysis starts.
      this.#slow = setTimeout(() => requestAnimationFrame(() => { this.#slow = setTimeout(() => this.now(), 0); }), LONG_TEXT_DELAY);
    } else if (!this.#frame) {
      clearTimeout(this.#slow);
      this.#frame = requestAnimationFrame(() => {
        this.#frame = 0;
        this.now();
      });
    }
  }

  /** Analyses the current text now (in slices when a long stretch was inserted). */
  now() {
    const token = ++this.#token;
    if (!this.#session) {
      this.#settled();
      return;
    }
    const text = this.#within(this.#text());
    const edit = changedRange(this.#sessionText, text);
    if (edit.inserted.length > SLICE) this.#inSlices(text, edit, token);
    else this.#whole(text);
  }

  // The text up to the limit (in characters, as the engine counts them), saying when it is over.
  #within(text) {
    const limit = this.#limit();
    if (text.length <= limit) {
      this.#onLong(null);
      return text;
    }
    const cut = prefixEnd(text, limit);
    if (cut === text.length) {
      this.#onLong(null);
      return text;
    }
    let chars = limit;
    for (let i = cut; i < text.length; i++) if ((text.charCodeAt(i) & 0xfc00) !== 0xdc00) chars++;
    this.#onLong({ chars, limit });
    return text.slice(0, cut);
  }

  stop() {
    this.#token += 1;
    if (this.#frame) cancelAnimationFrame(this.#frame);
    clearTimeout(this.#slow);
    this.#frame = 0;
    this.#settled();
  }

  async #inSlices(text, { head, inserted, tail }, token) {
    this.#pending = true;
    this.#busy(true);
    let at = 0;
    while (inserted.length - at > SLICE) {
      at = sliceEnd(inserted, at + SLICE);
      const partial = head + inserted.slice(0, at) + tail;
      try {
        this.#session.update(partial);
      } catch (error) {
        this.#settled();
        this.#onError(error);
        return;
      }
      this.#sessionText = partial;
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (token !== this.#token || !this.#session) return;
    }
    this.#whole(text);
  }

  #whole(text) {
    this.#settled();
    let result;
    try {
      result = this.#session.update(text);
    } catch (error) {
      this.#onError(error);
      return;
    }
    this.#sessionText = text;
    this.#onResult(text, result);
  }

  #settled() {
    this.#pending = false;
    this.#busy(false);
  }

  #busy(on) {
    this.#onBusy(on);
  }
}

/** What changed from `before` to `after`: the common head and tail, and what is between them now. */
export function changedRange(before, after) {
  const max = Math.min(before.length, after.length);
  let p = 0;
  while (p < max && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && before.charCodeAt(before.length - 1 - s) === after.charCodeAt(after.length - 1 - s)) s++;
  return { head: after.slice(0, p), inserted: after.slice(p, after.length - s), tail: after.slice(after.length - s) };
}

/** A slice boundary at or before `end`: after a space when one is near, never inside a surrogate pair. */
function sliceEnd(text, end) {
  const space = text.lastIndexOf(" ", end - 1);
  let at = space > end - 2_000 ? space + 1 : end;
  const code = text.charCodeAt(at - 1);
  if (code >= 0xd800 && code <= 0xdbff) at -= 1;
  return at;
}

/** The UTF-16 length of the first `count` characters (code points) of `text`. */
export function prefixEnd(text, count) {
  let i = 0;
  for (let n = 0; n < count && i < text.length; n++) {
    const c = text.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
  }
  return i;
}
