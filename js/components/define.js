// Registers the custom elements (once; safe to import twice, a no-op outside browsers).
import { EvidentFeedback } from "./feedback.js";
import { EvidentMastery } from "./mastery.js";
import { EvidentRubric } from "./rubric.js";
import { EvidentRubricEditor } from "./rubric-editor.js";
import { register } from "./register.js";

export function defineElements(registry = globalThis.customElements) {
  for (const [name, element] of [["evident-feedback", EvidentFeedback], ["evident-rubric", EvidentRubric], ["evident-mastery", EvidentMastery], ["evident-rubric-editor", EvidentRubricEditor]]) {
    register(name, element, registry);
  }
}

defineElements();
