// What <evident-feedback>'s polite live region says, and when. It speaks once typing
// settles (1.5 s with no input), never while the caret sits right after a letter (inside a
// word; it waits for the next pause at a word's end, or for the textarea to lose focus), and
// says the levels that changed since it last spoke, then the first next step, in the
// feedback's language. The first view (a load, a restored draft, a new task) is the
// baseline: nothing was typed, so nothing is said.
// Takes: the live region, views, the component strings. Gives: one sentence per pause.

/** Milliseconds without input after which the live region speaks. */
export const SETTLE_MS = 1500;

const WORD_CHAR = /[\p{L}\p{N}\p{M}'’-]/u;

/** True when the caret sits right after a letter, digit or in-word mark of `textarea`. */
export function caretInWord(textarea) {
  if (!textarea || textarea.selectionStart !== textarea.selectionEnd) return false;
  const at = textarea.selectionStart;
  return at > 0 && WORD_CHAR.test(textarea.value.slice(Math.max(0, at - 2), at).slice(-1));
}

export class Announcer {
  #region;
  #textarea;
  #busy;
  #timer = 0;
  #spokenLevels = null;
  #spokenStep = null;
  #latest = null;
  #due = false;

  /** `textarea()` gives the bound textarea; `busy()` is true while an analysis is pending. */
  constructor(region, { textarea, busy }) {
    this.#region = region;
    this.#textarea = textarea;
    this.#busy = busy;
  }

  /** Forgets what was said: the next view is a new baseline (a new task or student). */
  reset() {
    clearTimeout(this.#timer);
    this.#spokenLevels = null;
    this.#spokenStep = null;
    this.#latest = null;
    this.#due = false;
  }

  /** A new view was rendered. */
  viewed(view, strings) {
    this.#latest = { view, strings };
    if (this.#spokenLevels === null) this.#remember(view);
    else if (this.#due && !this.#busy()) this.#settle();
  }

  /** The student typed: wait for the pause. */
  typed() {
    this.#due = false;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#settle(), SETTLE_MS);
  }

  /** The textarea lost focus: a pause that was waiting for a word's end is over. */
  blurred() {
    if (this.#due) this.#settle(true);
  }

  stop() {
    clearTimeout(this.#timer);
  }

  #settle(force = false) {
    this.#due = true;
    if (this.#busy()) return; // speaks when the pending analysis is rendered
    if (!force && this.#textarea()?.matches(":focus") && caretInWord(this.#textarea())) return;
    this.#due = false;
    this.#speak();
  }

  #remember(view) {
    this.#spokenLevels = new Map(view.criteria.map((c) => [c.id, c.level]));
    this.#spokenStep = stepKey(view);
  }

  #speak() {
    if (!this.#latest) return;
    const { view, strings } = this.#latest;
    const changes = view.criteria
      .filter((c) => this.#spokenLevels.has(c.id) && this.#spokenLevels.get(c.id) !== c.level)
      .map((c) => strings.nowAt(c.title, c.label));
    const step = view.nextSteps[0];
    const stepChanged = stepKey(view) !== this.#spokenStep;
    this.#remember(view);
    if (changes.length === 0 && !stepChanged) return;
    const sentences = [...changes];
    if (step) sentences.push(strings.nextStepSaid(step.title, step.action));
    else if (!view.empty) sentences.push(strings.noSteps);
    this.#region.lang = view.locale ?? strings.lang;
    this.#region.textContent = sentences.join(" ");
  }
}

function stepKey(view) {
  const step = view.nextSteps[0];
  return step ? `${step.criterion}/${step.indicator}/${step.action}` : "";
}
