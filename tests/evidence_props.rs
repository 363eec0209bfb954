//! Properties of evidence and scoring over random student text (proptest): a live session
//! after random edits equals a full score; a rubric scoring one answer after another scores
//! each as a fresh rubric would; scoring is deterministic; points stay within
//! bounds; adding the text an indicator asks for never lowers a criterion's level.

#[path = "../benches/lab_text.rs"]
mod lab_text;

#[path = "common/edits.rs"]
mod edits;
use edits::apply;
use evident::scoring::Session;
use evident::{CompiledRubric, Submission};
use proptest::prelude::*;
use std::rc::Rc;

/// Words students write in this lab, with accents, emoji, numbers and units.
const VOCABULARY: &[&str] = &[
    "light",
    "plants",
    "grew",
    "taller",
    "because",
    "photosynthesis",
    "fotosíntesis",
    "data",
    "measured",
    "measuring",
    "12.5",
    "12,5",
    "cm",
    "7.2",
    "kg",
    "14",
    "days",
    "I",
    "claim",
    "my",
    "the",
    "show",
    "shows",
    "in",
    "conclusion",
    "however",
    "overall",
    "energy",
    "leaves",
    "🌱",
    "día",
    "año",
    "niño",
    "variable",
    "variabel",
    "control",
    "group",
    "first",
    "then",
    "error",
    "question",
    "MAGIC",
    "-4",
    "°C",
    "1,000",
    "hypotesis",
    "sugar",
    "Light",
    "LIGHT",
    "not",
    "No",
];
const SEPARATORS: &[&str] = &[" ", " ", " ", ", ", ". ", "! ", "\n", "\n\n", " \n \n"];

fn text() -> impl Strategy<Value = String> {
    edits::text(VOCABULARY, SEPARATORS, 80)
}

/// An edit: where (a fraction of the text), how many characters to delete, what to insert.
fn edit() -> impl Strategy<Value = (f64, usize, String)> {
    edits::edit(VOCABULARY, SEPARATORS, 12, 15)
}

fn lab() -> Rc<CompiledRubric> {
    Rc::new(CompiledRubric::from_json(lab_text::RUBRIC).expect("the lab rubric is valid"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn session_equals_full_score_after_random_edits(start in text(), edits in prop::collection::vec(edit(), 1..12)) {
        let rubric = lab();
        let mut session = Session::new(Rc::clone(&rubric), Submission::of_text(start.clone()), "response");
        let mut current = start;
        for e in &edits {
            current = apply(&current, e);
            session.update(&current);
            let full = rubric.score(&Submission::of_text(current.clone())).expect("scores");
            prop_assert_eq!(session.report(), &full);
            prop_assert_eq!(session.outcomes(), &rubric.matchers.evaluate(&Submission::of_text(current.clone()))[..]);
        }
    }

    #[test]
    fn a_rubric_scoring_many_answers_scores_each_as_a_fresh_one(texts in prop::collection::vec(text(), 2..6)) {
        // The compiled rubric keeps what it learnt of each word between scores.
        let shared = lab();
        for t in texts {
            let s = Submission::of_text(t);
            prop_assert_eq!(shared.score(&s).expect("scores"), lab().score(&s).expect("scores"));
        }
    }

    #[test]
    fn scoring_is_deterministic_and_within_bounds(t in text()) {
        let rubric = lab();
        let s = Submission::of_text(t);
        let a = rubric.score(&s).expect("scores");
        let b = rubric.score(&s).expect("scores");
        prop_assert_eq!(&a, &b);
        prop_assert!(a.total >= 0.0 && a.total <= a.max);
        prop_assert!((0.0..=100.0).contains(&a.percent));
        for c in &a.criteria {
            prop_assert!(c.points >= 0.0 && c.points <= c.max_points);
        }
        for o in rubric.matchers.evaluate(&s) {
            prop_assert!((0.0..=1.0).contains(&o.closeness));
            prop_assert_eq!(o.met, o.closeness == 1.0);
        }
    }

    #[test]
    fn adding_asked_for_text_never_lowers_a_level(t in text(), pick in 0usize..8) {
        // Every check here is monotone in the text (phrases, numbers, a pattern, a minimum
        // word count), so appending what one indicator asks for can only help.
        let rubric = CompiledRubric::from_json(r#"{
          "id": "m", "title": "M", "locale": "en",
          "criteria": [
            {"id": "claim", "title": "Claim", "levels": [
              {"value": 1, "points": 0, "descriptor": "-"},
              {"value": 2, "points": 1, "descriptor": "-", "requires": ["a"]},
              {"value": 3, "points": 2, "descriptor": "-", "requires": ["a", "b"]},
              {"value": 4, "points": 3, "descriptor": "-", "requires": ["a", "b", "c"]}],
             "indicators": [
              {"id": "a", "check": {"type": "phrases", "anyOf": ["I claim", "my claim"]}},
              {"id": "b", "check": {"type": "phrases", "allOf": ["light", "grow*"], "stem": true}},
              {"id": "c", "check": {"type": "phrases", "anyOf": ["measure"], "stem": true, "minCount": 2}}]},
            {"id": "evidence", "title": "Evidence", "levels": [
              {"value": 1, "points": 0, "descriptor": "-"},
              {"value": 2, "points": 1, "descriptor": "-", "requires": ["d"]},
              {"value": 3, "points": 2, "descriptor": "-", "requires": ["d", "e"]},
              {"value": 4, "points": 3, "descriptor": "-", "requires": ["d", "e", "f", "g"]}],
             "indicators": [
              {"id": "d", "check": {"type": "number", "equals": 12.5, "unit": "cm"}},
              {"id": "e", "check": {"type": "pattern", "regex": "\\d+ ?kg"}},
              {"id": "f", "check": {"type": "phrases", "anyOf": ["hypothesis"], "fuzzy": "auto"}},
              {"id": "g", "check": {"type": "wordCount", "min": 30}}]}]}"#).expect("valid");
        let asked = ["I claim", "light makes plants grow", "we measured and measured", "12.5 cm", "3 kg", "my hypotesis", "light light light light light light light light light light light light light light light light light light light light light light light light light light light light light light", "my claim"];
        let before = rubric.score(&Submission::of_text(t.clone())).expect("scores");
        let after = rubric.score(&Submission::of_text(format!("{t}\n\n{}.", asked[pick]))).expect("scores");
        for (b, a) in before.criteria.iter().zip(&after.criteria) {
            prop_assert!(a.level >= b.level, "{} fell from {} to {}", b.id, b.level, a.level);
        }
    }

    #[test]
    fn counts_by_sentence_equal_counts_of_the_whole_text(t in text()) {
        // Evidence reads text sentence by sentence; the totals must be those of the whole.
        let checks = r#"{"id": "n", "title": "N", "locale": "es", "criteria": [{"id": "c", "title": "C",
            "levels": [{"value": 1, "descriptor": "-"}, {"value": 2, "descriptor": "-", "requires": ["w"]}], "indicators": [
            {"id": "w", "check": {"type": "wordCount", "min": 1}},
            {"id": "s", "check": {"type": "sentenceCount", "min": 1}},
            {"id": "p", "check": {"type": "paragraphCount", "min": 1}},
            {"id": "r", "check": {"type": "readability", "maxGrade": 99}}]}]}"#;
        let rubric = CompiledRubric::from_json(checks).expect("valid");
        let o = rubric.matchers.evaluate(&Submission::of_text(t.clone()));
        prop_assert_eq!(o[0].found as usize, evident::text::words::words(&t).len());
        prop_assert_eq!(o[1].found as usize, evident::text::words::sentence_count(&t));
        prop_assert_eq!(o[2].found as usize, evident::text::words::paragraph_count(&t));
        if o[0].found > 0.0 {
            prop_assert!((o[3].found - evident::text::readability::grade_level(&t, "es")).abs() < 1e-9);
        }
    }
}
