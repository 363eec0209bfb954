//! Every non-phrase check of SPEC §1 on realistic student work: counts, readability,
//! patterns, numbers with units, choices, ratings, combinators, multi-part fields, and
//! the compile error of a bad regex.

mod common;
use common::{evaluate, rubric, slices};
use evident::evidence::Indicators;
use evident::rubric::model::{Rater, Rating, Ratings, Response};
use evident::{Rubric, Submission};
use serde_json::json;

/// A paragraph of `n` sentences of 9 words each ("The bean plant in the window grew every day.").
fn sentences(n: usize) -> String {
    vec!["The bean plant in the window grew every day."; n].join(" ")
}

#[test]
fn word_counts_and_closeness() {
    let text = sentences(20); // 20 × 9 = 180 words
    let checks = [
        json!({"type": "wordCount", "min": 250}),
        json!({"type": "wordCount", "max": 150}),
        json!({"type": "wordCount", "min": 100, "max": 200}),
    ];
    let o = evaluate("en", &checks, &text);
    assert_eq!(o[0].found, 180.0);
    assert!(!o[0].met);
    assert!((o[0].closeness - 0.72).abs() < 1e-9, "180 of 250 words");
    assert!(!o[1].met);
    assert!((o[1].closeness - 150.0 / 180.0).abs() < 1e-9);
    assert!(o[2].met);
}

#[test]
fn sentence_and_paragraph_counts() {
    // Three paragraphs (blank lines between); sentences 2 + 1 + 2 = 5.
    let text = "Light matters. Plants in the dark grew 4 cm.\n\nWhy? \n \nBecause of photosynthesis! It makes sugar.";
    let checks = [
        json!({"type": "sentenceCount", "min": 5}),
        json!({"type": "paragraphCount", "min": 3, "max": 3}),
        json!({"type": "paragraphCount", "min": 4}),
    ];
    let o = evaluate("en", &checks, text);
    assert_eq!(o[0].found, 5.0);
    assert!(o[0].met);
    assert!(o[1].met);
    assert!(!o[2].met);
    assert!((o[2].closeness - 0.75).abs() < 1e-9);
}

#[test]
fn readability_by_locale() {
    // 9 words, 2 sentences, 9 syllables: FK = 0.39 × 4.5 + 11.8 − 15.59 = −2.035.
    let text = "The cat sat on the mat. The dog ran.";
    let checks = [
        json!({"type": "readability", "maxGrade": 8}),
        json!({"type": "readability", "minGrade": 3}),
    ];
    let o = evaluate("en", &checks, text);
    assert!(o[0].met);
    assert!((o[0].found - -2.035).abs() < 1e-9);
    assert!(!o[1].met);
    assert_eq!(o[1].closeness, 0.0);
    assert!((evident::text::readability::grade_level(text, "en") - o[0].found).abs() < 1e-12);
    // Spanish: "La planta crece con la luz del sol." 8 words, 10 syllables, 1 sentence:
    // P = 206.835 − 62.3 × 1.25 − 8 = 120.96, grade 4 − (120.96 − 80) × 0.2 = −4.192.
    let es = evaluate(
        "es",
        &[json!({"type": "readability", "maxGrade": 6})],
        "La planta crece con la luz del sol.",
    );
    assert!(es[0].met);
    assert!((es[0].found - -4.192).abs() < 1e-6, "{}", es[0].found);
    // An empty answer is not "easy to read": it has no grade and meets no readability check.
    assert!(!evaluate("en", &[json!({"type": "readability", "maxGrade": 8})], "")[0].met);
}

#[test]
fn patterns_report_every_match() {
    let text = "Día 2 🌞: 12.5 cm, then 14 cm. Control: 9mm.";
    let checks = [
        json!({"type": "pattern", "regex": r"\d+(\.\d+)?\s?(cm|mm)"}),
        json!({"type": "pattern", "regex": "CONTROL", "caseSensitive": true}),
        json!({"type": "pattern", "regex": "control"}),
    ];
    let o = evaluate("en", &checks, text);
    assert_eq!(slices(text, &o[0]), ["12.5 cm", "14 cm", "9mm"]);
    assert_eq!(o[0].found, 3.0);
    assert!(!o[1].met);
    assert_eq!(slices(text, &o[2]), ["Control"]);
}

#[test]
fn numbers_with_units_in_both_locales() {
    let es = "🌱 Después de 10 días, la planta midió 12,5 cm y pesó 3,2 kg.";
    let checks = [
        json!({"type": "number", "equals": 12.5, "unit": "cm", "tolerance": 0.1}),
        json!({"type": "number", "equals": 3.2, "unit": "kg|kilogramos"}),
        json!({"type": "number", "equals": 3.2, "unit": "g"}),
        json!({"type": "number", "equals": 11, "tolerance": 0.5, "unit": "cm"}),
        json!({"type": "number", "equals": 10}),
    ];
    let o = evaluate("es", &checks, es);
    assert_eq!(slices(es, &o[0]), ["12,5 cm"]);
    assert_eq!(slices(es, &o[1]), ["3,2 kg"]);
    // Right value, wrong unit: close (0.75) but not met.
    assert!(!o[2].met);
    assert!((o[2].closeness - 0.75).abs() < 1e-9);
    // A number with the unit exists but is 1.5 away: 0.5.
    assert!(!o[3].met);
    assert!((o[3].closeness - 0.5).abs() < 1e-9);
    assert_eq!(slices(es, &o[4]), ["10"]);

    let en = "The mass was 3.2 kg; we counted 1,000 seeds and the temperature fell to -4 °C.";
    let checks = [
        json!({"type": "number", "equals": 3.2, "unit": "kg"}),
        json!({"type": "number", "equals": 1000}),
        json!({"type": "number", "equals": -4, "unit": "°C"}),
        json!({"type": "number", "equals": 1020, "relTolerance": 0.05}),
    ];
    let o = evaluate("en", &checks, en);
    assert_eq!(slices(en, &o[0]), ["3.2 kg"]);
    assert_eq!(slices(en, &o[1]), ["1,000"]);
    assert_eq!(slices(en, &o[2]), ["-4 °C"]);
    // |1000 − 1020| = 20 ≤ 5% of 1020 = 51.
    assert_eq!(slices(en, &o[3]), ["1,000"]);
}

#[test]
fn choices_ratings_and_combinators() {
    let r = rubric(
        "en",
        &[
            json!({"type": "choice", "anyOf": ["b", "d"], "field": "q1"}),
            json!({"type": "rating", "from": "peer", "min": 3}),
            json!({"type": "rating", "from": "teacher", "min": 3}),
            json!({"type": "all", "checks": [{"type": "phrases", "anyOf": ["because"]}, {"type": "wordCount", "min": 20}]}),
            json!({"type": "any", "checks": [{"type": "phrases", "anyOf": ["therefore"]}, {"type": "phrases", "anyOf": ["because"]}]}),
            json!({"type": "not", "check": {"type": "phrases", "anyOf": ["I think", "maybe"]}}),
        ],
    );
    let mut s =
        Submission::of_text("Plants grew taller in light because light drives photosynthesis.");
    s.responses.insert("q1".into(), Response::Choices(vec!["d".into()]));
    s.ratings.insert(
        "c".into(),
        Ratings::Many(vec![
            Rating { value: 2.0, by: Rater::Peer, comment: None },
            Rating { value: 3.0, by: Rater::Peer, comment: None },
        ]),
    );
    let o = r.matchers.evaluate(&s);
    assert!(o[0].met);
    assert!(o[1].met, "the best peer rating (3) reaches 3");
    assert!(!o[2].met);
    // 9 words: "because" found (1.0) but words 9/20 = 0.45: mean 0.725.
    assert!(!o[3].met);
    assert!((o[3].closeness - 0.725).abs() < 1e-9);
    assert!(o[4].met);
    assert_eq!(o[4].spans.len(), 1);
    assert!(o[5].met);
}

#[test]
fn indicators_read_their_own_field() {
    let r = rubric(
        "en",
        &[
            json!({"type": "phrases", "anyOf": ["in conclusion"], "field": "conclusion"}),
            json!({"type": "phrases", "anyOf": ["in conclusion"]}),
        ],
    );
    let mut s = Submission::of_text("Plants need light.");
    s.responses.insert("conclusion".into(), Response::Text("In conclusion, light matters.".into()));
    let o = r.matchers.evaluate(&s);
    assert!(o[0].met);
    assert_eq!(&*o[0].spans[0].field, "conclusion");
    assert_eq!((o[0].spans[0].start.0, o[0].spans[0].end.0), (0, 13));
    assert!(!o[1].met);
}

#[test]
fn a_bad_regex_fails_compilation_at_its_path() {
    // Built by serde directly (parse would have caught it), as a library user could.
    let rubric: Rubric = serde_json::from_value(json!({
        "id": "t", "title": "T",
        "criteria": [{"id": "c", "title": "C", "indicators": [
            {"id": "ok", "check": {"type": "wordCount", "min": 1}},
            {"id": "bad", "check": {"type": "any", "checks": [{"type": "pattern", "regex": "(unclosed"}]}}]}]
    }))
    .expect("well-formed rubric");
    let err = Indicators::compile(&rubric).expect_err("the regex does not build");
    assert_eq!(err.path(), "criteria[0].indicators[1].check.checks[0].regex");
}
