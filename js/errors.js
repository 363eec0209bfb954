// EvidentError: the one error class of the package. The wasm binding throws plain `Error`s
// named "EvidentError" carrying `path` and `problems`; `instanceof EvidentError` recognises
// them too, so callers can write `catch (e) { if (e instanceof EvidentError) … }`.

/** An error naming the JSON path of the first problem, and every problem found. */
export class EvidentError extends Error {
  /**
   * @param {string} message
   * @param {{path: string, message: string}[]} [problems]
   */
  constructor(message, problems = []) {
    super(message);
    this.name = "EvidentError";
    this.problems = problems.map((p) => ({ path: String(p.path ?? ""), message: String(p.message ?? "") }));
    this.path = this.problems.length ? this.problems[0].path : "";
  }

  /** True for errors thrown by the engine as well as for instances of this class. */
  static [Symbol.hasInstance](value) {
    return value instanceof Error && value.name === "EvidentError" && Array.isArray(value.problems);
  }
}
