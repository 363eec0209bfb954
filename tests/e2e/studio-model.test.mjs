// The rubric studio's document operations without a browser: CSV both ways, the plain-words
// location of a JSON path, smart quotes, translations, and the structural edits the editor's
// buttons make. Expected values are written out by hand from the inputs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { root } from "./run.mjs";
import {
  addLevel, duplicateCriterion, fixSmartQuotes, forLocale, hasSmartQuotes, missingTranslations, moveLevel, parseCsv,
  pathInWords, phraseInWords, plainMessage, problemInWords, removeLevel, rubricFromCsv, rubricToCsv, withPhrases, withText,
} from "../../js/components/rubric-editor-model.js";

const cer = () => JSON.parse(readFileSync(`${root}examples/cer-lab.rubric.json`, "utf8"));
// The argument example in English only (the shipped examples are bilingual).
const argument = () => forLocale(JSON.parse(readFileSync(`${root}examples/argument.rubric.json`, "utf8")), "en");

test("a JSON path reads as the teacher's words, counting from one and naming things", () => {
  const rubric = cer();
  // criteria[1] is Evidence; its levels[3] has value 4, which the scale calls Advanced.
  assert.equal(problemInWords({ path: "criteria[1].levels[3].points", message: "expected a number, found a string" }, rubric),
    "Criterion 2 (Evidence), level Advanced: points must be a number");
  assert.equal(pathInWords("scale.levels[0].label", rubric), "Scale level 1 (Beginning): label");
  assert.equal(pathInWords("criteria[0].indicators[0].check.anyOf", rubric), "Criterion 1 (Claim), look-for 1 (a claim): phrases");
  assert.equal(pathInWords("title", rubric), "Rubric title");
  assert.equal(plainMessage("must not be empty"), "is empty: write something here");
});

test("the phrase syntax is said in words", () => {
  assert.equal(phraseInWords("colour|color"), "either one of: colour, color");
  assert.equal(phraseInWords("measur*"), "measur*: any ending (measur…)");
  assert.equal(phraseInWords("my claim"), "these words, in this order");
});

test("curly quotes pasted from a document are straightened, apostrophes inside strings kept", () => {
  const pasted = "{\u201Cid\u201D: \u201Cx\u201D, \u201Ctitle\u201D: \u201CDon\u2019t panic\u201D}";
  assert.ok(hasSmartQuotes(pasted));
  const fixed = fixSmartQuotes(pasted);
  assert.deepEqual(JSON.parse(fixed), { id: "x", title: "Don\u2019t panic" });
});

test("translations: a text stays a string until a second language is added; missing ones are listed", () => {
  let title = withText("Claim", "es", "Afirmación", "en");
  assert.deepEqual(title, { en: "Claim", es: "Afirmación" });
  title = withText(title, "es", "", "en");
  assert.equal(title, "Claim");
  assert.deepEqual(withPhrases(["my claim"], "es", ["mi afirmación"], "en"), { en: ["my claim"], es: ["mi afirmación"] });

  const rubric = argument();
  rubric.title = { en: rubric.title, es: "Argumento: ¿empezar más tarde?" };
  rubric.criteria[0].title = { en: "Position", es: "Postura" };
  const missing = missingTranslations(rubric, "es");
  assert.ok(!missing.includes("title") && !missing.includes("criteria[0].title"));
  assert.ok(missing.includes("criteria[1].title"));
  assert.ok(missing.includes("criteria[0].indicators[0].check.anyOf"));
  // In Spanish, translated texts are used and the rest fall back to English.
  const es = forLocale(rubric, "es");
  assert.equal(es.title, "Argumento: ¿empezar más tarde?");
  assert.equal(es.criteria[0].title, "Postura");
  assert.equal(es.criteria[1].title, "Evidence");
  assert.equal(forLocale(rubric, "en").criteria[0].title, "Position");
});

test("scale edits reach every criterion", () => {
  const rubric = argument();
  addLevel(rubric, "Expert");
  assert.deepEqual(rubric.scale.levels.map((l) => l.value), [1, 2, 3, 4, 5]);
  for (const c of rubric.criteria) assert.deepEqual(c.levels.map((l) => l.value), [1, 2, 3, 4, 5]);
  // Moving Beginning up one swaps its label and every criterion's descriptors with Developing's.
  const claimBeginning = rubric.criteria[0].levels[0].descriptor;
  moveLevel(rubric, 0, 1);
  assert.deepEqual(rubric.scale.levels.slice(0, 2).map((l) => l.label), ["Developing", "Beginning"]);
  assert.equal(rubric.criteria[0].levels[1].descriptor, claimBeginning);
  assert.deepEqual(rubric.criteria[0].levels.map((l) => l.value), [1, 2, 3, 4, 5]);
  // Removing the mastery level (3) moves mastery down to the level below it.
  removeLevel(rubric, 2);
  assert.equal(rubric.scale.mastery, 2);
  for (const c of rubric.criteria) assert.deepEqual(c.levels.map((l) => l.value), [1, 2, 4, 5]);
});

test("a duplicated criterion gets fresh ids, its levels follow its renamed look-fors", () => {
  const rubric = cer();
  duplicateCriterion(rubric, 0);
  const copy = rubric.criteria[1];
  assert.equal(copy.id, "claim-2");
  assert.deepEqual(copy.indicators.map((i) => i.id), rubric.criteria[0].indicators.map((i) => `${i.id}-2`));
  assert.deepEqual(copy.levels[2].requires, rubric.criteria[0].levels[2].requires.map((id) => `${id}-2`));
});

test("CSV: the spreadsheet layout both ways, quoted cells, points columns and points in cells", () => {
  const csv = [
    "Criterion,Beginning,Developing,Proficient,Advanced,Proficient points",
    'Claim,No claim.,"States a claim, vaguely.",Claim answers the question.,"A precise, qualified claim (4 points)",3',
    'Evidence;x,"Quotes ""data"".",Some data.,Data with units.,Two measurements compared.,2',
  ].join("\n");
  const rubric = rubricFromCsv(csv);
  assert.deepEqual(rubric.scale.levels.map((l) => l.label), ["Beginning", "Developing", "Proficient", "Advanced"]);
  assert.deepEqual(rubric.criteria.map((c) => c.id), ["claim", "evidence-x"]);
  assert.equal(rubric.criteria[0].levels[1].descriptor, "States a claim, vaguely.");
  assert.equal(rubric.criteria[0].levels[3].descriptor, "A precise, qualified claim");
  assert.equal(rubric.criteria[0].levels[3].points, 4);
  assert.equal(rubric.criteria[0].levels[2].points, 3);
  assert.equal(rubric.criteria[1].levels[0].descriptor, 'Quotes "data".');
  // And back: the example rubric out and in again keeps titles, descriptors and points.
  const example = argument();
  const again = rubricFromCsv(rubricToCsv(example), example);
  assert.deepEqual(again.criteria.map((c) => c.title), ["Position", "Evidence", "Counterclaim"]);
  assert.deepEqual(again.criteria[1].levels.map((l) => l.points), example.criteria[1].levels.map((l) => l.points ?? l.value));
  assert.deepEqual(again.criteria[1].levels.map((l) => l.descriptor), example.criteria[1].levels.map((l) => l.descriptor));
  // Look-fors of criteria with the same id are kept from the rubric being replaced.
  assert.deepEqual(again.criteria[0].indicators, example.criteria[0].indicators);
  assert.deepEqual(parseCsv("a;b\n1;2\n"), [["a", "b"], ["1", "2"]]);
  assert.throws(() => rubricFromCsv("Title,Beginning\nx,y"), /Criterion/);
  assert.throws(() => rubricFromCsv("Criterion,Beginning,Beginning points\nClaim,None,lots"), /row 2.*"lots" is not a number/);
});
