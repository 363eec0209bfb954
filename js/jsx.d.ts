/**
 * `evident/jsx`: the elements in JSX (React 18 and 19, Preact, Solid…). Add
 * `import type {} from "evident/jsx";` once (or list "evident/jsx" in `types`).
 * In React 19 a property that is not a string (`rubric={object}`) is set as a property; in
 * React 18 pass objects as JSON strings, or set `element.rubric` through a ref (an object
 * there becomes the attribute "[object Object]", and the element shows an error naming this).
 * `htmlFor` works like `for` in both (`for` wins when both are given).
 *
 * @example
 * ```tsx
 * <label htmlFor="answer">Your answer</label>
 * <textarea id="answer" />
 * <evident-feedback for="answer" rubric-src="/rubrics/cer-lab.json" locale="es" />
 * ```
 * @packageDocumentation
 */
import type { Rubric } from "./types/formats.js";
import type { EvidentFeedbackOptions } from "./elements.js";

/** Attributes every Evident element takes in JSX. */
interface EvidentCommonAttributes {
  id?: string;
  class?: string;
  className?: string;
  slot?: string;
  hidden?: boolean;
  style?: string | Record<string, string | number>;
  locale?: string;
  ref?: unknown;
  key?: string | number;
  children?: unknown;
  [event: `on${string}`]: unknown;
}

/** `<evident-feedback>` in JSX. */
export interface EvidentFeedbackAttributes extends EvidentCommonAttributes {
  /** The id of the textarea to follow (`for`, or React's `htmlFor`). */
  for?: string;
  htmlFor?: string;
  /** URL of the rubric JSON. */
  "rubric-src"?: string;
  /** The rubric itself: a JSON string, or (React 19, Preact) an object set as a property. */
  rubric?: Rubric | string;
  target?: number | string;
  field?: string;
  /** Whose draft: one draft per student and task. */
  student?: string;
  /** The task's draft key (default: the rubric's URL path and the textarea id). */
  "draft-key"?: string;
  /**
   * Keep no draft. Present means on: React 19 leaves out `false`; React 18 writes it as the
   * attribute "false", which still turns drafts off, so pass `undefined` there instead.
   */
  "no-draft"?: boolean | "";
  /** Seconds a draft lives after its last save (default 7 days). */
  "draft-max-age"?: number | string;
  /** Draft options as one object: React 19 and Preact set it as a property (React 18 cannot; use the attributes). */
  options?: EvidentFeedbackOptions;
}

/** `<evident-rubric>` in JSX. */
export interface EvidentRubricAttributes extends EvidentCommonAttributes {
  src?: string;
  rubric?: Rubric | string;
  audience?: "teacher" | "student";
}

/** `<evident-mastery>` in JSX. */
export interface EvidentMasteryAttributes extends EvidentCommonAttributes {
  "evidence-src"?: string;
  "framework-src"?: string;
  method?: string;
  student?: string;
}

/** `<evident-rubric-editor>` in JSX (set its `rubric` and `samples` through a ref). */
export interface EvidentRubricEditorAttributes extends EvidentCommonAttributes {
  /** The language of the editor's own words: "en" (the default), or "es" / "es-MX"… for Spanish. */
  locale?: string;
}

/** The four elements, for JSX namespaces. */
export interface EvidentIntrinsicElements {
  "evident-feedback": EvidentFeedbackAttributes;
  "evident-rubric": EvidentRubricAttributes;
  "evident-mastery": EvidentMasteryAttributes;
  "evident-rubric-editor": EvidentRubricEditorAttributes;
}

declare global {
  // React 18 and older JSX runtimes read the global namespace.
  namespace JSX {
    interface IntrinsicElements extends EvidentIntrinsicElements {}
  }
}

// React 19 reads React.JSX (from react/jsx-runtime); augmenting it needs @types/react, which
// a project using React has.
declare module "react" {
  namespace JSX {
    interface IntrinsicElements extends EvidentIntrinsicElements {}
  }
}
