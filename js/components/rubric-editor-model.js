// The rubric studio's document operations, kept apart from the DOM so they read (and test) as
// plain functions: localized texts and phrase lists (`"text"` or `{"en": …, "es": …}`), the
// structural edits a teacher makes (criteria, levels, look-fors), a rubric for one locale
// (what an engine without localized strings, and every preview, is given), JSON paths in
// plain words, phrase syntax in words, smart quotes, and the CSV layout teachers keep in
// spreadsheets. Takes and gives plain rubric objects; never validates (the engine does).
// Words for a teacher come from rubric-editor-strings.js (`ui`, English unless given).

import { editorStrings } from "./rubric-editor-strings.js";

const english = editorStrings("en");

/** The texts of a rubric that may be localized, by key, wherever they appear. */
export const TEXT_KEYS = ["title", "description", "label", "descriptor", "student", "hint", "praise"];

export const DEFAULT_SCALE = {
  levels: [{ value: 1, label: "Beginning" }, { value: 2, label: "Developing" }, { value: 3, label: "Proficient" }, { value: 4, label: "Advanced" }],
  mastery: 3,
};

/** The default scale with its labels in `locale` (a Spanish teacher's blank rubric starts in Spanish). */
export function defaultScale(locale) {
  return { levels: editorStrings(locale).defaultLevels.map((label, i) => ({ value: i + 1, label })), mastery: DEFAULT_SCALE.mastery };
}

export const clone = (value) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

/** A localized value's text in `locale`, or "" (no fallback: the editor shows what is missing). */
export function textIn(value, locale, fallbackLocale) {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return locale === fallbackLocale ? value : "";
  if (typeof value === "object" && !Array.isArray(value)) return typeof value[locale] === "string" ? value[locale] : "";
  return String(value);
}

/**
 * Sets `locale`'s text of a localized value. A value with only the default locale's text stays
 * a plain string (so a rubric without translations keeps its simple shape).
 */
export function withText(value, locale, text, fallbackLocale) {
  const texts = typeof value === "string" ? { [fallbackLocale]: value } : value && typeof value === "object" ? { ...value } : {};
  if (text === "") delete texts[locale];
  else texts[locale] = text;
  const keys = Object.keys(texts);
  if (keys.length === 0) return undefined;
  if (keys.length === 1 && keys[0] === fallbackLocale) return texts[fallbackLocale];
  return texts;
}

/** A phrase list (`[…]` or `{"en": […], …}`) for one locale. */
export function phrasesIn(value, locale, fallbackLocale) {
  if (Array.isArray(value)) return locale === fallbackLocale ? value : [];
  if (value && typeof value === "object") return Array.isArray(value[locale]) ? value[locale] : [];
  return [];
}

export function withPhrases(value, locale, list, fallbackLocale) {
  const lists = Array.isArray(value) ? { [fallbackLocale]: value } : value && typeof value === "object" ? { ...value } : {};
  if (list.length === 0) delete lists[locale];
  else lists[locale] = list;
  const keys = Object.keys(lists);
  if (keys.length === 0) return [];
  if (keys.length === 1 && keys[0] === fallbackLocale) return lists[fallbackLocale];
  return lists;
}

/** True when the rubric has any localized text or phrase list. */
export function isLocalized(rubric) {
  let found = false;
  walk(rubric, (key, value) => {
    if ((TEXT_KEYS.includes(key) || key === "anyOf" || key === "allOf") && value && typeof value === "object" && !Array.isArray(value)) found = true;
  });
  return found;
}

/**
 * The rubric in one language: every localized text becomes its `locale` text (or the default
 * locale's where it lacks one), every phrase list that locale's list. The result is what an
 * engine without localized strings accepts, and what a preview in that language shows.
 */
export function forLocale(rubric, locale) {
  const base = rubric?.locale || "en";
  const out = clone(rubric);
  const pick = (value) => (typeof value[locale] === "string" ? value[locale] : typeof value[base] === "string" ? value[base] : Object.values(value).find((v) => typeof v === "string") ?? "");
  const pickList = (value) => (Array.isArray(value[locale]) && value[locale].length ? value[locale] : Array.isArray(value[base]) ? value[base] : Object.values(value).find(Array.isArray) ?? []);
  const visit = (node) => {
    if (Array.isArray(node)) { node.forEach(visit); return; }
    if (!node || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node)) {
      if (value && typeof value === "object" && !Array.isArray(value) && TEXT_KEYS.includes(key) && Object.values(value).every((v) => typeof v === "string")) node[key] = pick(value);
      else if ((key === "anyOf" || key === "allOf") && value && typeof value === "object" && !Array.isArray(value)) node[key] = pickList(value);
      else visit(value);
    }
  };
  visit(out);
  if (out && locale !== base && isLocalized(rubric)) out.locale = locale;
  return out;
}

function walk(node, visit) {
  if (Array.isArray(node)) { node.forEach((n) => walk(n, visit)); return; }
  if (!node || typeof node !== "object") return;
  for (const [key, value] of Object.entries(node)) { visit(key, value); walk(value, visit); }
}

/**
 * The localized texts of a rubric that lack `locale`: `[{path, where}]`. Only texts the
 * default locale has count (an empty field is not a missing translation).
 */
export function missingTranslations(rubric, locale) {
  const base = rubric?.locale || "en";
  const missing = [];
  const visit = (node, path) => {
    if (Array.isArray(node)) { node.forEach((n, i) => visit(n, `${path}[${i}]`)); return; }
    if (!node || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node)) {
      const here = path ? `${path}.${key}` : key;
      if (TEXT_KEYS.includes(key) && (typeof value === "string" || (value && typeof value === "object" && !Array.isArray(value)))) {
        if (textIn(value, base, base).trim() && !textIn(value, locale, base).trim()) missing.push(here);
      } else if ((key === "anyOf" || key === "allOf") && (Array.isArray(value) || (value && typeof value === "object"))) {
        if (phrasesIn(value, base, base).length && !phrasesIn(value, locale, base).length) missing.push(here);
      } else if (key !== "check" || true) visit(value, here);
    }
  };
  visit(rubric, "");
  return missing;
}

// ---------------------------------------------------------------------------------------
// Structure

/** The scale the rubric uses (materialized from the default when it has none). */
export function scaleOf(rubric) {
  return rubric.scale ?? clone(DEFAULT_SCALE);
}

/** A new blank rubric on the default scale with one empty criterion, written in `locale` (default English). */
export function blankRubric(locale = "en") {
  const ui = editorStrings(locale);
  const scale = defaultScale(ui.lang);
  return { id: ui.defaultRubricId, title: "", kind: "analytic", locale: ui.lang, scale, criteria: [newCriterion(scale, [])] };
}

export function newCriterion(scale, existing, title = "") {
  const id = uniqueId(slug(title) || "criterion", existing.map((c) => c.id));
  return { id, title, weight: 1, levels: scale.levels.map((l) => ({ value: l.value, descriptor: "" })), indicators: [] };
}

export function newIndicator(rubric) {
  const taken = (rubric.criteria ?? []).flatMap((c) => (c.indicators ?? []).map((i) => i.id));
  return { id: uniqueId("look-for", taken), check: { type: "phrases", anyOf: [] } };
}

export function slug(text) {
  return String(text ?? "").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40);
}

export function uniqueId(base, taken) {
  const set = new Set(taken);
  if (!set.has(base)) return base;
  for (let n = 2; ; n++) if (!set.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Moves an array item by `delta` places; false when it would leave the array. */
export function move(list, index, delta) {
  const to = index + delta;
  if (to < 0 || to >= list.length) return false;
  const [item] = list.splice(index, 1);
  list.splice(to, 0, item);
  return true;
}

/** A copy of criterion `index`, inserted after it with fresh ids (its look-fors' ids too). */
export function duplicateCriterion(rubric, index) {
  const copy = clone(rubric.criteria[index]);
  copy.id = uniqueId(copy.id, rubric.criteria.map((c) => c.id));
  const taken = rubric.criteria.flatMap((c) => (c.indicators ?? []).map((i) => i.id));
  const renamed = new Map();
  for (const indicator of copy.indicators ?? []) {
    const id = uniqueId(indicator.id, [...taken, ...renamed.values()]);
    renamed.set(indicator.id, id);
    indicator.id = id;
  }
  const rename = (list) => list?.map((id) => renamed.get(id) ?? id);
  for (const level of copy.levels ?? []) if (level.requires) level.requires = rename(level.requires);
  for (const key of ["proficient", "advanced"]) if (copy[key]?.requires) copy[key].requires = rename(copy[key].requires);
  for (const indicator of copy.indicators ?? []) if (indicator.check?.of) indicator.check.of = rename(indicator.check.of);
  rubric.criteria.splice(index + 1, 0, copy);
  return copy;
}

/** Adds a level at the top of the scale and an empty cell for it in every criterion. */
export function addLevel(rubric, label = "") {
  rubric.scale = scaleOf(rubric);
  const value = Math.max(0, ...rubric.scale.levels.map((l) => l.value)) + 1;
  rubric.scale.levels.push({ value, label });
  for (const c of rubric.criteria ?? []) if (Array.isArray(c.levels)) c.levels.push({ value, descriptor: "" });
  return value;
}

/** Removes scale level `index` from the scale and from every criterion; the mastery level moves down when it was that one. */
export function removeLevel(rubric, index) {
  rubric.scale = scaleOf(rubric);
  const [gone] = rubric.scale.levels.splice(index, 1);
  for (const c of rubric.criteria ?? []) if (Array.isArray(c.levels)) c.levels = c.levels.filter((l) => l.value !== gone.value);
  if (rubric.scale.mastery === gone.value) {
    const below = rubric.scale.levels.filter((l) => l.value < gone.value).pop() ?? rubric.scale.levels[0];
    rubric.scale.mastery = below?.value;
  }
}

/**
 * Swaps scale level `index` with its neighbour: values stay in ascending order (the engine
 * needs that), the labels and every criterion's descriptors, points and needed look-fors move.
 */
export function moveLevel(rubric, index, delta) {
  rubric.scale = scaleOf(rubric);
  const levels = rubric.scale.levels;
  const other = index + delta;
  if (other < 0 || other >= levels.length) return false;
  const [a, b] = [levels[index], levels[other]];
  [a.label, b.label] = [b.label, a.label];
  for (const c of rubric.criteria ?? []) {
    if (!Array.isArray(c.levels)) continue;
    const la = c.levels.find((l) => l.value === a.value);
    const lb = c.levels.find((l) => l.value === b.value);
    if (la) la.value = b.value;
    if (lb) lb.value = a.value;
    c.levels.sort((x, y) => x.value - y.value);
  }
  return true;
}

/**
 * The grid cells of a criterion: one per scale level for analytic and holistic rubrics; the
 * proficient and advanced descriptors for a single-point one; none for a checklist.
 * Each `{key, heading, level, path}` where `path` is the JSON path of the level object.
 */
export function cellsOf(rubric, ci, ui = english) {
  const criterion = rubric.criteria[ci];
  const scale = scaleOf(rubric);
  if (rubric.kind === "checklist") return [];
  if (rubric.kind === "singlePoint" || (!criterion.levels && (criterion.proficient || criterion.advanced))) {
    const top = scale.levels[scale.levels.length - 1];
    const mastery = scale.levels.find((l) => l.value === scale.mastery);
    return [
      { key: "proficient", heading: mastery?.label ?? ui.proficient, level: criterion.proficient ??= { descriptor: "" }, path: `criteria[${ci}].proficient` },
      { key: "advanced", heading: top?.label ?? ui.advanced, level: criterion.advanced, path: `criteria[${ci}].advanced`, optional: true },
    ];
  }
  criterion.levels ??= [];
  return scale.levels.map((s) => {
    let index = criterion.levels.findIndex((l) => l.value === s.value);
    if (index < 0) {
      criterion.levels.push({ value: s.value, descriptor: "" });
      criterion.levels.sort((x, y) => x.value - y.value);
      index = criterion.levels.findIndex((l) => l.value === s.value);
    }
    return { key: s.value, heading: s.label, scaleLevel: s, level: criterion.levels[index], path: `criteria[${ci}].levels[${index}]` };
  });
}

// ---------------------------------------------------------------------------------------
// Words

/**
 * A JSON path in plain words for a teacher: `criteria[1].levels[3].points` →
 * "Criterion 2 (Evidence), level Advanced: points". Counts from one, names things by title
 * (in `locale`, default the rubric's), says the rest in `ui`'s language.
 */
export function pathInWords(path, rubric, locale, ui = english) {
  const { place, field } = describePath(path, rubric, locale, ui);
  if (!place) return field ? ui.rubricField(field) : ui.theRubric;
  return field ? ui.pathField(place, field) : place;
}

/** Where a path points, without its field ("Criterion 2 (Evidence), level Advanced"): where advice is said. */
export function placeInWords(path, rubric, locale, ui = english) {
  return describePath(path, rubric, locale, ui).place || pathInWords(path, rubric, locale, ui);
}

function describePath(path, rubric, locale, ui) {
  const base = rubric?.locale || "en";
  const parts = [...String(path).matchAll(/([A-Za-z_$][\w$]*)|\[(\d+)\]/g)].map((m) => (m[1] !== undefined ? m[1] : Number(m[2])));
  const said = [];
  let field = null;
  let node = rubric;
  let criterion = null;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const next = parts[i + 1];
    if (part === "criteria" && typeof next === "number") {
      criterion = rubric?.criteria?.[next];
      const title = criterion ? textIn(criterion.title, locale ?? base, base) || textIn(criterion.title, base, base) : "";
      said.push(ui.pathCriterion(next + 1, title));
      node = criterion; i++; field = null; continue;
    }
    if (part === "levels" && typeof next === "number") {
      if (criterion && node === criterion) {
        const value = criterion.levels?.[next]?.value;
        const scaleLevel = scaleOf(rubric).levels.find((l) => l.value === value);
        const label = scaleLevel ? textIn(scaleLevel.label, base, base) : "";
        said.push(ui.pathLevel(label || next + 1));
      } else {
        const label = textIn(scaleOf(rubric).levels[next]?.label, base, base);
        said.push(ui.pathScaleLevel(next + 1, label));
      }
      node = node?.levels?.[next]; i++; field = null; continue;
    }
    if (part === "indicators" && typeof next === "number") {
      const indicator = node?.indicators?.[next];
      const name = indicator ? textIn(indicator.label, base, base) || indicator.id : "";
      said.push(ui.pathLookFor(next + 1, name));
      node = indicator; i++; field = null; continue;
    }
    if (part === "proficient" || part === "advanced") { said.push(ui.pathColumn(part)); node = node?.[part]; field = null; continue; }
    if (part === "check" || part === "checks") { node = node?.[part]; continue; }
    if (typeof part === "number") { if (field) field = `${field} ${part + 1}`; continue; }
    if (part === "scale") { node = node?.scale; if (next === undefined) field = ui.fieldNames.scale; continue; }
    if (part === "en" || part === "es") { field = `${field ?? ""} (${ui.pathLanguage(part)})`.trim(); continue; }
    field = ui.fieldNames[part] ?? part;
    node = node?.[part];
  }
  return { place: said.join(", "), field };
}

/**
 * An engine message in a teacher's words ("expected a number, found a string" → "must be a
 * number"), in `ui`'s language: `{text, lang}`, where `lang` is "en" when the message has no
 * translation and stays the engine's English.
 */
export function plainProblem(message, ui = english) {
  const said = ui.problemText(message);
  return said === null ? { text: String(message ?? ""), lang: "en" } : { text: said, lang: ui.lang };
}

/** An engine message in a teacher's words, as text. */
export function plainMessage(message, ui = english) {
  return plainProblem(message, ui).text;
}

/** Lint advice in `ui`'s language by its code: `{text, lang}` ("en" when it stays the engine's English). */
export function adviceInWords(advice, ui = english) {
  const said = ui.adviceText(advice.code, advice.message);
  return said === null ? { text: String(advice.message ?? ""), lang: "en" } : { text: said, lang: ui.lang };
}

/** A whole problem in words: "Criterion 2 (Evidence), level Advanced: points must be a number". */
export function problemInWords(problem, rubric, ui = english) {
  return ui.problemAt(pathInWords(problem.path ?? "", rubric, undefined, ui), plainMessage(problem.message, ui)).join("").replace(/ {2,}/g, " ");
}

/** The phrase syntax in words: `colour|color` "either one", `measur*` "any ending". */
export function phraseInWords(phrase, ui = english) {
  const said = [];
  if (phrase.includes("|")) said.push(ui.phraseEither(phrase.split("|").map((p) => p.trim())));
  const wild = phrase.split(/[\s|]+/).filter((w) => w.endsWith("*") && w.length > 1);
  for (const w of wild) said.push(ui.phraseEnding(w, w.slice(0, -1)));
  if (said.length === 0) said.push(ui.phraseInOrder);
  return said.join("; ");
}

// ---------------------------------------------------------------------------------------
// Smart quotes

const SMART = /[\u201C\u201D\u201E\u201F\u2033\u2036\u00AB\u00BB\u2018\u2019\u201A\u201B]/;

/** True when JSON text has typographic quotes where JSON needs straight ones (pasted from a document). */
export function hasSmartQuotes(text) {
  return SMART.test(text);
}

/**
 * Straight quotes for the typographic ones outside strings, and for the double ones that
 * open and close strings; apostrophes inside a string (’) are kept as they are.
 */
export function fixSmartQuotes(text) {
  let out = "";
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === "\\") { const next = text[i + 1] ?? ""; out += ch + (/[\u201C\u201D\u201E\u201F\u2033\u2036]/.test(next) ? '"' : next); i++; continue; }
      if (ch === '"' || /[\u201C\u201D\u201E\u201F\u2033\u2036]/.test(ch)) {
        // A curly quote closes the string only where JSON could go on (, : } ] or end).
        const rest = text.slice(i + 1).match(/^\s*(.)/);
        if (ch === '"' || !rest || /[,:}\]]/.test(rest[1])) { out += '"'; inString = false; continue; }
      }
      out += ch;
      continue;
    }
    if (ch === '"' || /[\u201C\u201D\u201E\u201F\u2033\u2036\u00AB\u00BB]/.test(ch)) { out += '"'; inString = true; continue; }
    if (/[\u2018\u2019\u201A\u201B]/.test(ch)) { out += '"'; inString = true; continue; }
    out += ch;
  }
  return out;
}

/** Line and column (both from 1) of a character offset, for a JSON syntax error. */
export function lineColumn(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}

// ---------------------------------------------------------------------------------------
// CSV: one row per criterion, one column per level (its descriptor), and a points column per
// level ("Proficient points"). Optional columns: Id, Competency, Weight. Cells may be quoted
// ("…", with "" for a quote) and hold line breaks. Commas or semicolons (as spreadsheets in
// Spanish-speaking locales write) separate cells.

/** Parses CSV text into rows of cells. */
export function parseCsv(text) {
  const clean = text.replace(/^\uFEFF/, "");
  const firstLine = clean.split(/\r?\n/, 1)[0];
  const sep = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  const rows = [];
  let row = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < clean.length; i++) {
    const ch = clean[i];
    if (quoted) {
      if (ch === '"' && clean[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === "") quoted = true;
    else if (ch === sep) { row.push(cell); cell = ""; }
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && clean[i + 1] === "\n") i++;
      row.push(cell); rows.push(row); row = []; cell = "";
    } else cell += ch;
  }
  if (cell !== "" || row.length) { row.push(cell); rows.push(row); }
  return rows.filter((r) => r.some((c) => c.trim() !== ""));
}

const csvCell = (value) => {
  const text = value === undefined || value === null ? "" : String(value);
  return /[",;\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** The rubric as CSV text in the layout above (texts in `locale`, default the rubric's; column names in `ui`'s language, which import reads back). */
export function rubricToCsv(rubric, locale, ui = english) {
  const base = rubric.locale || "en";
  const lang = locale ?? base;
  const scale = scaleOf(rubric);
  const labels = scale.levels.map((l) => textIn(l.label, lang, base) || textIn(l.label, base, base));
  const columns = ui.csvColumns;
  const header = [columns.criterion, columns.id, columns.competency, columns.weight, ...labels, ...labels.map((l) => columns.points(l))];
  const rows = rubric.criteria.map((c) => {
    const levels = scale.levels.map((s) => c.levels?.find((l) => l.value === s.value));
    return [textIn(c.title, lang, base) || textIn(c.title, base, base), c.id, c.competency ?? "", c.weight ?? 1,
      ...levels.map((l) => (l ? textIn(l.descriptor, lang, base) || textIn(l.descriptor, base, base) : "")),
      ...levels.map((l, i) => (l ? (l.points ?? scale.levels[i].value) : ""))];
  });
  return [header, ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/**
 * A rubric from CSV text. Throws an Error in plain words (with the row and column, in `ui`'s
 * language) when a row cannot be read. `base` (optional) keeps the id, title and look-fors of
 * a rubric being replaced: criteria with the same id keep their look-fors.
 */
export function rubricFromCsv(text, base = {}, ui = english) {
  const rows = parseCsv(text);
  if (rows.length < 2) throw new Error(ui.csvTooShort);
  const header = rows[0].map((h) => h.trim());
  const find = (...names) => header.findIndex((h) => names.includes(h.toLowerCase()));
  const col = { title: find("criterion", "criteria", "criterio"), id: find("id"), competency: find("competency", "competencia"), weight: find("weight", "peso") };
  if (col.title < 0) throw new Error(ui.csvNoCriterion);
  const used = new Set(Object.values(col).filter((i) => i >= 0));
  const pointsCols = new Map();
  header.forEach((h, i) => {
    const m = h.match(/^(.*?)\s+(points|pts|puntos)$/i);
    if (m && !used.has(i)) { pointsCols.set(m[1].trim().toLowerCase(), i); used.add(i); }
  });
  const levelCols = header.map((h, i) => ({ h, i })).filter(({ i }) => !used.has(i) && header[i] !== "");
  if (levelCols.length === 0) throw new Error(ui.csvNoLevels);
  const levels = levelCols.map(({ h }, k) => {
    const m = h.match(/^(.*?)\s*\((\d+(?:\.\d+)?)\)$/);
    return { value: k + 1, label: (m ? m[1] : h).trim() };
  });
  const criteria = [];
  const taken = [];
  rows.slice(1).forEach((row, r) => {
    const title = (row[col.title] ?? "").trim();
    if (!title) throw new Error(ui.csvEmptyCriterion(r + 2));
    const id = (col.id >= 0 && row[col.id]?.trim()) || uniqueId(slug(title) || "criterion", taken);
    taken.push(id);
    const criterion = { id, title };
    if (col.competency >= 0 && row[col.competency]?.trim()) criterion.competency = row[col.competency].trim();
    if (col.weight >= 0 && row[col.weight]?.trim()) {
      const weight = Number(row[col.weight].replace(",", "."));
      if (!Number.isFinite(weight)) throw new Error(ui.csvNotNumber(r + 2, header[col.weight], row[col.weight]));
      criterion.weight = weight;
    }
    criterion.levels = levelCols.map(({ i }, k) => {
      let descriptor = (row[i] ?? "").trim();
      const level = { value: k + 1, descriptor };
      let points;
      const inCell = descriptor.match(/\s*\((\d+(?:[.,]\d+)?)\s*(points?|pts?|puntos?)\)\s*$/i);
      if (inCell) { points = inCell[1]; level.descriptor = descriptor.slice(0, inCell.index).trim(); }
      const pc = pointsCols.get(levels[k].label.toLowerCase());
      if (pc !== undefined && row[pc]?.trim()) points = row[pc].trim();
      if (points !== undefined) {
        const n = Number(String(points).replace(",", "."));
        if (!Number.isFinite(n)) throw new Error(ui.csvNotNumber(r + 2, `"${header[pc]}"`, points));
        level.points = n;
      }
      return level;
    });
    const kept = base.criteria?.find((c) => c.id === id);
    criterion.indicators = kept?.indicators ? clone(kept.indicators) : [];
    if (kept) for (const level of criterion.levels) {
      const old = kept.levels?.find((l) => l.value === level.value);
      if (old?.requires) level.requires = [...old.requires];
      if (old?.student) level.student = clone(old.student);
    }
    criteria.push(criterion);
  });
  return {
    id: base.id ?? "csv-rubric", title: base.title ?? ui.csvTitle, kind: "analytic", locale: base.locale ?? "en",
    scale: { levels, mastery: levels[Math.min(levels.length - 1, Math.max(0, levels.length - 2))].value }, criteria,
  };
}

/** One criterion per chosen CASE competency, carrying its id, on the rubric's scale. */
export function criteriaFromCompetencies(rubric, competencies) {
  const scale = scaleOf(rubric);
  const made = [];
  for (const c of competencies) {
    const criterion = newCriterion(scale, [...(rubric.criteria ?? []), ...made], c.title ?? c.id);
    criterion.competency = c.id;
    criterion.title = c.title ?? c.id;
    made.push(criterion);
  }
  return made;
}
