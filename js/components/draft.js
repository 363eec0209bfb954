// The student's draft in localStorage, so a reload or a closed tab never loses their text.
// One key per rubric (its URL path, or its id when given inline) and textarea id.

const PREFIX = "evident-draft:";

/** The storage key for a rubric (URL or inline value) and a textarea id. */
export function draftKey(rubricSrc, rubricInput, textareaId) {
  const rubric = rubricSrc ? new URL(rubricSrc, document.baseURI).pathname : (rubricId(rubricInput) ?? "inline");
  return `${PREFIX}${rubric}#${textareaId}`;
}

function rubricId(input) {
  if (input && typeof input === "object") return input.id;
  if (typeof input === "string") {
    try { return JSON.parse(input).id; } catch { return null; }
  }
  return null;
}

/**
 * Puts the saved draft into the textarea when the textarea holds nothing of the student's
 * yet (empty, or its initial value). True when it did.
 */
export function restoreDraft(textarea, key) {
  let draft = null;
  try { draft = localStorage.getItem(key); } catch { return false; }
  if (draft && (textarea.value === "" || textarea.value === textarea.defaultValue) && draft !== textarea.value) {
    textarea.value = draft;
    return true;
  }
  return false;
}

/** Saves the textarea's text (removes the draft when it is empty). */
export function saveDraft(textarea, key) {
  try {
    if (textarea.value) localStorage.setItem(key, textarea.value);
    else localStorage.removeItem(key);
  } catch {
    // Storage full or disabled: the text is still in the textarea.
  }
}
