//! A live session equals a full score after random edits when the rubric uses the rubric
//! language for real rubrics: N of M, together (sentence and word window), negation, numbers
//! by range and count, phrases by locale, and both integrity guards.

#[path = "common/edits.rs"]
mod edits;
use edits::apply;
use evident::scoring::Session;
use evident::{CompiledRubric, Submission};
use proptest::prelude::*;
use serde_json::json;
use std::rc::Rc;

/// Words of the bean-plant task in English and Spanish, negation cues, clause breaks,
/// numbers with units, and words off the task.
const VOCABULARY: &[&str] = &[
    "light",
    "luz",
    "plants",
    "plantas",
    "grew",
    "creció",
    "taller",
    "not",
    "no",
    "never",
    "sin",
    "but",
    "pero",
    "14",
    "6",
    "cm",
    "12,5",
    "mm",
    "because",
    "porque",
    "osmosis",
    "pizza",
    "cheese",
    "dark",
    "oscuridad",
    "the",
    "la",
    "my",
    "claim",
    "light",
    "light",
];
const SEPARATORS: &[&str] = &[" ", " ", " ", ", ", ". ", "; ", "\n", "\n\n"];

fn text() -> impl Strategy<Value = String> {
    edits::text(VOCABULARY, SEPARATORS, 60)
}

/// An edit: where (a fraction of the text), how many characters to delete, what to insert.
fn edit() -> impl Strategy<Value = (f64, usize, String)> {
    edits::edit(VOCABULARY, SEPARATORS, 10, 14)
}

fn rubric() -> Rc<CompiledRubric> {
    let doc = json!({
        "id": "beans", "title": {"en": "Beans", "es": "Frijoles"},
        "description": {"en": "Does light make bean plants grow taller?",
                        "es": "¿La luz hace que las plantas crezcan más?"},
        "criteria": [{"id": "evidence", "title": "Evidence", "levels": [
            {"value": 1, "points": 0, "descriptor": "None."},
            {"value": 2, "points": 1, "descriptor": "Some.", "requires": ["two-of"]},
            {"value": 3, "points": 2, "descriptor": "Compared.", "requires": ["two-of", "compared"]},
            {"value": 4, "points": 3, "descriptor": "All.", "requires": ["two-of", "compared", "near", "denial"]}],
          "indicators": [
            {"id": "light", "check": {"type": "phrases", "anyOf": {"en": ["light"], "es": ["luz"]}}},
            {"id": "growth", "check": {"type": "phrases", "stem": true, "anyOf": {"en": ["grow*|grew|taller"], "es": ["crec*"]}}},
            {"id": "dark", "check": {"type": "phrases", "anyOf": {"en": ["dark"], "es": ["oscuridad"]}, "negation": "any"}},
            {"id": "two-of", "check": {"type": "atLeast", "n": 2, "of": ["light", "growth", "dark"]}},
            {"id": "compared", "check": {"type": "together", "checks": [
                {"type": "number", "unit": "cm|mm", "minCount": 2, "min": 1}]}},
            {"id": "near", "check": {"type": "together", "within": 4, "checks": [
                {"type": "phrases", "anyOf": ["light|luz"]}, {"type": "number", "unit": "cm"}]}},
            {"id": "denial", "check": {"type": "phrases", "anyOf": ["grew|creció"], "negation": "only"}},
            {"id": "inline", "check": {"type": "atLeast", "n": 1, "checks": [
                {"type": "phrases", "anyOf": ["because|porque"]}, {"type": "wordCount", "min": 20}]}}]}]
    });
    Rc::new(CompiledRubric::from_json(&doc.to_string()).expect("valid rubric"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn session_equals_full_score_with_the_new_checks(
        start in text(),
        edits in prop::collection::vec(edit(), 1..10),
        spanish in any::<bool>(),
    ) {
        let rubric = rubric();
        let locale = if spanish { "es" } else { "en" };
        let compiled = rubric.in_locale(Some(locale)).expect("compiles").unwrap_or_else(|| rubric.clone());
        let mut session = Session::new(Rc::clone(&compiled), Submission::of_text(start.clone()), "response");
        let mut current = start;
        for e in &edits {
            current = apply(&current, e);
            session.update(&current);
            let mut full = Submission::of_text(current.clone());
            full.locale = Some(locale.to_string());
            let expected = rubric.score(&full).expect("scores");
            prop_assert_eq!(session.report(), &expected);
        }
    }
}
