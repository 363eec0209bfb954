// The look-for (indicator) check forms of <evident-rubric-editor>: one small form per check
// type, so a teacher never writes a check's JSON. Each form reads and writes the check object
// it is given and calls `edited()` (text typed) or `changed()` (a structural change that
// needs the editor to draw again). Check types the loaded engine does not know yet are not
// offered (the editor probes the engine once). Every word comes from the editor's strings
// (`ctx.s`, rubric-editor-strings.js), in the language of its `locale`.
// Takes: the check, its JSON path, the criterion's other look-fors, helpers. Gives: elements.

import { h } from "./dom.js";
import { phraseInWords, phrasesIn, withPhrases } from "./rubric-editor-model.js";

/** Check types in the order a teacher meets them (their names in words: the strings' `checkTypes`). */
export const CHECK_TYPES = ["phrases", "wordCount", "sentenceCount", "paragraphCount", "number", "atLeast", "together", "readability", "pattern", "all", "any", "not", "choice", "rating"];

/** A fresh check of a type, with sensible first values. */
export function defaultCheck(type, others) {
  switch (type) {
    case "phrases": return { type, anyOf: [] };
    case "wordCount": return { type, min: 50 };
    case "sentenceCount": return { type, min: 3 };
    case "paragraphCount": return { type, min: 2 };
    case "number": return { type, equals: 0, tolerance: 0 };
    case "atLeast": return { type, n: 1, of: others.slice(0, 2).map((i) => i.id) };
    case "together": return { type, within: "sentence", checks: [{ type: "phrases", anyOf: [] }, { type: "phrases", anyOf: [] }] };
    case "readability": return { type, minGrade: 4, maxGrade: 10 };
    case "pattern": return { type, regex: "" };
    case "all": case "any": return { type, checks: [{ type: "phrases", anyOf: [] }] };
    case "not": return { type, check: { type: "phrases", anyOf: [] } };
    case "choice": return { type, anyOf: [] };
    case "rating": return { type, from: "teacher", min: 3 };
    default: return { type };
  }
}

/**
 * The form of one check. `ctx`: {s (the editor's strings), path, key, base, other, others
 * (look-fors of the criterion), name(look-for), supports(type|feature), edited(path),
 * changed(focusKey)}.
 */
export function checkForm(check, ctx) {
  const s = ctx.s;
  switch (check.type) {
    case "phrases": return phrasesForm(check, ctx);
    case "wordCount": case "sentenceCount": case "paragraphCount":
      return row(numberField(check, "min", s.atLeast, ctx), numberField(check, "max", s.atMost, ctx));
    case "readability":
      return row(numberField(check, "minGrade", s.fromGrade, ctx), numberField(check, "maxGrade", s.toGrade, ctx));
    case "number":
      return h("div", {},
        row(numberField(check, "equals", s.theNumber, ctx), numberField(check, "tolerance", s.giveOrTake, ctx), textField(check, "unit", s.unit, ctx)),
        ctx.supports("numberRange") ? row(numberField(check, "min", s.orAtLeast, ctx), numberField(check, "max", s.orAtMost, ctx), numberField(check, "minCount", s.howManyNumbers, ctx)) : null);
    case "pattern":
      return h("div", {}, textField(check, "regex", s.pattern, ctx),
        h("p", { class: "help" }, s.patternHelp));
    case "atLeast": return atLeastForm(check, ctx);
    case "together": return togetherForm(check, ctx);
    default: return jsonField(check, ctx);
  }
}

function row(...children) {
  return h("div", { class: "row" }, children);
}

function numberField(check, key, label, ctx) {
  const id = `${ctx.key}-${key}`;
  return h("div", { class: "field small" },
    h("label", { attrs: { for: id } }, label),
    h("input", { id, type: "text", value: check[key] ?? "", attrs: { inputmode: "decimal", "data-path": `${ctx.path}.${key}`, "data-key": id },
      on: { input: (e) => { setNumber(check, key, e.target.value); ctx.edited(`${ctx.path}.${key}`); } } }),
    h("div", { class: "msgs" }));
}

function textField(check, key, label, ctx) {
  const id = `${ctx.key}-${key}`;
  return h("div", { class: "field" },
    h("label", { attrs: { for: id } }, label),
    h("input", { id, type: "text", value: check[key] ?? "", attrs: { "data-path": `${ctx.path}.${key}`, "data-key": id, spellcheck: "false" },
      on: { input: (e) => { if (e.target.value === "") delete check[key]; else check[key] = e.target.value; ctx.edited(`${ctx.path}.${key}`); } } }),
    h("div", { class: "msgs" }));
}

/** A number field's value: a number when it reads as one, nothing when empty, else the text (the engine then says what is wrong). */
export function setNumber(target, key, raw) {
  const text = raw.trim();
  if (text === "") delete target[key];
  else if (/^-?\d+([.,]\d+)?$/.test(text)) target[key] = Number(text.replace(",", "."));
  else target[key] = text;
}

function phrasesForm(check, ctx) {
  const s = ctx.s;
  const mode = check.allOf !== undefined ? "allOf" : "anyOf";
  const modeId = `${ctx.key}-mode`;
  const switches = [
    ["stem", s.stem, (c) => c.stem === true, (c, on) => { if (on) c.stem = true; else delete c.stem; }],
    ["fuzzy", s.fuzzy, (c) => c.fuzzy !== undefined && c.fuzzy !== 0, (c, on) => { if (on) c.fuzzy = "auto"; else delete c.fuzzy; }],
    ["ignoreAccents", s.ignoreAccents, (c) => c.ignoreAccents === true, (c, on) => { if (on) c.ignoreAccents = true; else delete c.ignoreAccents; }],
  ];
  return h("div", { class: "phrases" },
    h("div", { class: "row" },
      h("div", { class: "field" },
        h("label", { attrs: { for: modeId } }, s.metWhen),
        h("select", { id: modeId, attrs: { "data-key": modeId }, on: { change: (e) => {
          const list = check[mode] ?? [];
          delete check.anyOf; delete check.allOf;
          check[e.target.value] = list;
          ctx.changed(modeId);
        } } },
        h("option", { value: "anyOf", selected: mode === "anyOf" }, s.anyPhrase),
        h("option", { value: "allOf", selected: mode === "allOf" }, s.everyPhrase))),
      mode === "anyOf" ? numberField(check, "minCount", s.howManyTimes, ctx) : null,
      ctx.supports("negation") ? negationField(check, ctx) : null),
    chips(check, mode, ctx.base, s.phrases, ctx, false),
    chips(check, mode, ctx.other, s.inLanguage(s.phrases, ctx.other), ctx, true),
    h("p", { class: "help" }, s.phraseHelp((example) => h("code", { attrs: { lang: s.lang } }, example))),
    h("div", { class: "switches" }, switches.map(([key, label, isOn, set]) => {
      const id = `${ctx.key}-${key}`;
      return h("div", { class: "switch" },
        h("input", { id, type: "checkbox", checked: isOn(check), attrs: { role: "switch", "data-key": id, "data-path": `${ctx.path}.${key}` },
          on: { change: (e) => { set(check, e.target.checked); ctx.edited(`${ctx.path}.${key}`, true); } } }),
        h("label", { attrs: { for: id } }, label));
    })));
}

function negationField(check, ctx) {
  const s = ctx.s;
  const id = `${ctx.key}-negation`;
  return h("div", { class: "field" },
    h("label", { attrs: { for: id } }, s.negation),
    h("select", { id, attrs: { "data-key": id, "data-path": `${ctx.path}.negation` }, on: { change: (e) => {
      if (e.target.value === "skip") delete check.negation; else check.negation = e.target.value;
      ctx.edited(`${ctx.path}.negation`, true);
    } } },
    h("option", { value: "skip", selected: !check.negation || check.negation === "skip" }, s.negationSkip),
    h("option", { value: "any", selected: check.negation === "any" }, s.negationAny),
    h("option", { value: "only", selected: check.negation === "only" }, s.negationOnly)));
}

/** Phrases as chips, each with its syntax in words and a remove button; an input adds more. */
function chips(check, mode, locale, label, ctx, secondary) {
  const s = ctx.s;
  const list = phrasesIn(check[mode], locale, ctx.base);
  const id = `${ctx.key}-phrases-${locale}`;
  const path = `${ctx.path}.${mode}${secondary ? `.${locale}` : ""}`;
  const save = (next) => { check[mode] = withPhrases(check[mode], locale, next, ctx.base); };
  const add = (input) => {
    const parts = input.value.split(/[;\n]/).map((p) => p.trim()).filter(Boolean);
    if (parts.length === 0) return false;
    save([...list, ...parts.filter((p) => !list.includes(p))]);
    input.value = "";
    ctx.changed(id);
    return true;
  };
  const missing = secondary && list.length === 0 && phrasesIn(check[mode], ctx.base, ctx.base).length > 0;
  return h("div", { class: `field chips${secondary ? " secondary" : ""}` },
    h("label", { attrs: { for: id } }, label),
    list.length ? h("ul", { class: "chip-list", attrs: { "aria-label": s.phraseCount(label, list.length) } }, list.map((phrase, i) => h("li", { class: "chip" },
      h("span", { class: "chip-text", attrs: { lang: locale } }, phrase),
      h("span", { class: "chip-words" }, phraseInWords(phrase, s)),
      h("button", { type: "button", class: "chip-remove", attrs: { "aria-label": s.removePhrase(phrase), "data-key": `${id}-remove-${i}` },
        on: { click: () => { save(list.filter((_, k) => k !== i)); ctx.changed(list.length > 1 ? `${id}-remove-${Math.min(i, list.length - 2)}` : id); } } }, "×")))) : null,
    h("input", { id, type: "text", attrs: { "data-key": id, "data-path": path, lang: locale, "aria-describedby": missing ? `${id}-missing` : null, autocomplete: "off" },
      on: {
        keydown: (e) => { if (e.key === "Enter") { e.preventDefault(); add(e.target); } },
        change: (e) => add(e.target),
      } }),
    missing ? h("p", { class: "missing", id: `${id}-missing` }, s.phrasesMissing(ctx.other, ctx.base)) : null,
    h("div", { class: "msgs" }));
}

function atLeastForm(check, ctx) {
  const s = ctx.s;
  const others = ctx.others.filter((i) => i.check !== check);
  const of = new Set(check.of ?? []);
  const nId = `${ctx.key}-n`;
  return h("div", {},
    numberField(check, "n", s.howManyOfThem, ctx),
    h("fieldset", { class: "of" }, h("legend", {}, s.ofTheseLookFors),
      others.length === 0 ? h("p", { class: "help" }, s.addOthersFirst) : null,
      others.map((other) => {
        const id = `${ctx.key}-of-${other.id}`;
        return h("div", { class: "switch" },
          h("input", { id, type: "checkbox", checked: of.has(other.id), attrs: { "data-key": id }, on: { change: (e) => {
            const next = new Set(check.of ?? []);
            if (e.target.checked) next.add(other.id); else next.delete(other.id);
            check.of = [...next];
            ctx.edited(`${ctx.path}.of`, true);
          } } }),
          h("label", { attrs: { for: id, lang: ctx.base } }, ctx.name(other)));
      }),
      h("div", { class: "msgs", attrs: { "data-path": `${ctx.path}.of` } })),
    h("span", { hidden: true, attrs: { "data-key": nId } }));
}

function togetherForm(check, ctx) {
  const s = ctx.s;
  const id = `${ctx.key}-within`;
  const within = check.within ?? "sentence";
  return h("div", {},
    h("div", { class: "field" },
      h("label", { attrs: { for: id } }, s.togetherWithin),
      h("select", { id, attrs: { "data-key": id }, on: { change: (e) => {
        check.within = e.target.value === "sentence" ? "sentence" : Number(e.target.value);
        ctx.edited(`${ctx.path}.within`, true);
      } } },
      h("option", { value: "sentence", selected: within === "sentence" }, s.oneSentence),
      [6, 12, 20].map((n) => h("option", { value: String(n), selected: within === n }, s.nWords(n))))),
    (check.checks ?? []).map((inner, i) => h("fieldset", { class: "inner" }, h("legend", {}, s.part(i + 1)),
      checkForm(inner, { ...ctx, path: `${ctx.path}.checks[${i}]`, key: `${ctx.key}-c${i}` }))));
}

/** Checks without a form of their own (all, any, not, choice, rating) are edited as JSON here. */
function jsonField(check, ctx) {
  const id = `${ctx.key}-json`;
  return h("div", { class: "field" },
    h("label", { attrs: { for: id } }, ctx.s.checkAsJson),
    h("textarea", { id, class: "code", rows: 4, value: JSON.stringify(check, null, 1), attrs: { "data-key": id, "data-path": ctx.path, spellcheck: "false" },
      on: { input: (e) => {
        try {
          const next = JSON.parse(e.target.value);
          for (const key of Object.keys(check)) delete check[key];
          Object.assign(check, next);
          ctx.edited(ctx.path);
        } catch { ctx.edited(ctx.path, false, (s) => s.checkJsonIncomplete); }
      } } }),
    h("div", { class: "msgs" }));
}
