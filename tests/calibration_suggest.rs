//! `calibrate --suggest`: suggestions worked out by hand on a small class, accepting one
//! changes only the rubric text, the figures match a fresh `calibrate` of the edited rubric,
//! and the same samples always give the same suggestions.

use evident::calibration::{
    calibrate, calibrate_jsonl_with, parse_samples, suggest, Edit, SuggestOptions, SuggestionKind,
};
use evident::CompiledRubric;
use std::process::Command;

/// Levels 0–2: level 1 needs `osmosis`, level 2 needs `osmosis` and `energy`.
const RUBRIC: &str = r#"{
  "id": "membrane", "title": "Cell membrane", "locale": "en",
  "scale": {"levels": [{"value": 0, "label": "None"}, {"value": 1, "label": "Some"}, {"value": 2, "label": "All"}], "mastery": 2},
  "criteria": [{
    "id": "score", "title": "Processes",
    "levels": [
      {"value": 0, "descriptor": "No process described."},
      {"value": 1, "descriptor": "Osmosis described.", "requires": ["osmosis"]},
      {"value": 2, "descriptor": "Osmosis and active transport.", "requires": ["osmosis", "energy"]}
    ],
    "indicators": [
      {"id": "osmosis", "check": {"type": "phrases", "anyOf": ["osmosis"]}},
      {"id": "energy", "check": {"type": "phrases", "anyOf": ["uses energy"]}}
    ]
  }]
}"#;

/// Eight answers and the teacher's levels. The engine (osmosis → 1, + energy → 2) gives
/// 2, 1, 0, 0, 0, 0, 0, 1: it misses the three answers that say "water diffusion" instead
/// of "osmosis" (lines 3, 4, 5).
const SAMPLES: &str = r#"{"submission": {"student": "s1", "responses": {"response": "Osmosis moves water. Active transport uses energy."}}, "teacher": {"score": 2}}
{"submission": {"student": "s2", "responses": {"response": "Osmosis moves water."}}, "teacher": {"score": 1}}
{"submission": {"student": "s3", "responses": {"response": "Water diffusion across the membrane."}}, "teacher": {"score": 1}}
{"submission": {"student": "s4", "responses": {"response": "Water diffusion across the membrane happens. Pumping uses energy."}}, "teacher": {"score": 2}}
{"submission": {"student": "s5", "responses": {"response": "Water diffusion is slow."}}, "teacher": {"score": 1}}
{"submission": {"student": "s6", "responses": {"response": "Cells are small."}}, "teacher": {"score": 0}}
{"submission": {"student": "s7", "responses": {"response": "The nucleus is big."}}, "teacher": {"score": 0}}
{"submission": {"student": "s8", "responses": {"response": "Osmosis is a process."}}, "teacher": {"score": 1}}
"#;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

fn options(folds: usize) -> SuggestOptions {
    SuggestOptions { folds, max_suggestions: 10, min_support: Some(3) }
}

#[test]
fn the_missing_wording_is_proposed_with_its_counts_and_effect() {
    let rubric = CompiledRubric::from_json(RUBRIC).unwrap();
    let samples = parse_samples(SAMPLES, &rubric).unwrap();
    let report = suggest(&rubric, &samples, &options(0));
    // Before, by hand: rows teacher, columns engine (0, 1, 2):
    //   teacher 0: [2, 0, 0]; teacher 1: [2, 2, 0]; teacher 2: [1, 0, 1]. n = 8.
    //   Σ d²·O = 1·2 (t1 e0) + 4·1 (t2 e0) = 6.
    //   Rows (2, 4, 2), columns (5, 2, 1): Σ d²·r·c = 1·2·2 + 4·2·1 + 1·4·5 + 1·4·1 + 4·2·5
    //   + 1·2·2 = 80. κ = 1 − 8·6/80 = 0.4.
    assert!(close(report.kappa.unwrap(), 0.4), "{:?}", report.kappa);
    let first = &report.suggestions[0];
    // "water", "diffusion" and "water diffusion" occur in exactly lines 3, 4, 5 (plus "water"
    // in 1 and 2, where `osmosis` is met already), so each meets `osmosis` on the same three
    // answers: one suggestion is kept, the shortest phrase. Lines 3 and 5 go 0 → 1, line 4
    // 0 → 2 (it says "uses energy"): every level then equals the teacher's, κ = 1.
    assert_eq!(
        first.edit,
        Edit::AddPhrase {
            criterion: "score".into(),
            indicator: "osmosis".into(),
            part: None,
            phrase: "water".into(),
            locale: "en".into(),
        }
    );
    assert_eq!(first.kind, SuggestionKind::Phrase);
    assert_eq!(first.counts.answers, 3);
    assert_eq!((first.counts.closer, first.counts.further), (3, 0));
    // Teacher's mean on lines 3, 4, 5: (1 + 2 + 1) / 3 = 1.33; on all: 8 / 8 = 1.
    assert!(close(first.counts.teacher_mean, 1.33));
    assert!(close(first.counts.teacher_mean_all, 1.0));
    assert!(close(first.effect.training_before, 0.4));
    assert!(close(first.effect.training_after, 1.0));
    assert!(first.why.contains("“water”") && first.why.contains("0.40 to 1.00"), "{}", first.why);
    assert!(
        !report.suggestions.iter().any(|s| s.edit.indicator() == "osmosis"
            && matches!(&s.edit, Edit::AddPhrase { phrase, .. } if phrase == "diffusion")),
        "phrases with the same effect are not listed twice"
    );
}

#[test]
fn accepting_a_suggestion_changes_only_the_rubric_text_and_gives_the_promised_agreement() {
    let rubric = CompiledRubric::from_json(RUBRIC).unwrap();
    let samples = parse_samples(SAMPLES, &rubric).unwrap();
    let report = suggest(&rubric, &samples, &options(0));
    let edited = report.suggestions[0].apply(RUBRIC).unwrap();
    assert_eq!(
        edited,
        RUBRIC.replace(r#""anyOf": ["osmosis"]"#, r#""anyOf": ["osmosis", "water"]"#)
    );
    let after = CompiledRubric::from_json(&edited).unwrap();
    let fresh = calibrate(&after, &samples);
    assert!(close(
        fresh.overall.agreement.kappa.unwrap(),
        report.suggestions[0].effect.training_after
    ));
    // Every point the edited rubric gives still points at the student's words.
    let report = after.score(&samples[2].submission).unwrap();
    let met = &report.criteria[0].met[0];
    assert_eq!(met.indicator, "osmosis");
    let span = &met.spans[0];
    assert_eq!((span.start.0, span.end.0), (0, 5), "“Water” in “Water diffusion across…”");
}

#[test]
fn a_phrase_that_meets_an_indicator_in_low_scored_work_is_flagged() {
    // `cells` meets `osmosis` in line 6 ("Cells are small.", teacher 0, engine 1 with it).
    let rubric_text = RUBRIC.replace(r#""anyOf": ["osmosis"]"#, r#""anyOf": ["osmosis", "cells"]"#);
    let rubric = CompiledRubric::from_json(&rubric_text).unwrap();
    let samples = parse_samples(SAMPLES, &rubric).unwrap();
    let report = suggest(&rubric, &samples, &options(0));
    let removal = report
        .suggestions
        .iter()
        .find(|s| s.kind == SuggestionKind::OverFiring)
        .expect("an over-firing phrase");
    assert_eq!(
        removal.edit,
        Edit::RemovePhrase {
            criterion: "score".into(),
            indicator: "osmosis".into(),
            part: None,
            phrase: "cells".into(),
            locale: "en".into(),
        }
    );
    // Only line 6: 1 → 0, the teacher's level.
    assert_eq!(removal.counts.answers, 1);
    assert_eq!((removal.counts.closer, removal.counts.further), (1, 0));
    assert!(close(removal.counts.teacher_mean, 0.0));
    assert!(removal.effect.training_gain > 0.0);
    let edited = removal.apply(&rubric_text).unwrap();
    assert_eq!(edited, RUBRIC);
}

#[test]
fn held_out_figures_come_from_folds_and_the_list_is_deterministic() {
    let rubric = CompiledRubric::from_json(RUBRIC).unwrap();
    let samples = parse_samples(SAMPLES, &rubric).unwrap();
    let a = suggest(&rubric, &samples, &options(2));
    let b = suggest(&rubric, &samples, &options(2));
    assert_eq!(a, b);
    assert_eq!(a.folds, 2);
    let first = &a.suggestions[0];
    // Before any edit the held-out figure is the rubric's own (nothing was learnt yet).
    assert!(close(first.effect.held_out_before.unwrap(), 0.4));
    // With too few samples for the folds asked, none are used.
    assert_eq!(suggest(&rubric, &samples, &options(5)).folds, 0);
    assert!(suggest(&rubric, &samples, &options(5)).suggestions[0].effect.held_out_after.is_none());
}

#[test]
fn calibrate_reports_suggestions_only_when_asked() {
    let rubric = CompiledRubric::from_json(RUBRIC).unwrap();
    let plain = calibrate_jsonl_with(&rubric, SAMPLES, None).unwrap();
    assert!(plain.suggestions.is_none());
    let json = serde_json::to_value(&plain).unwrap();
    assert!(json.get("suggestions").is_none());
    let with = calibrate_jsonl_with(&rubric, SAMPLES, Some(&options(0))).unwrap();
    let json = serde_json::to_value(&with).unwrap();
    assert_eq!(json["suggestions"][0]["edit"]["op"], "addPhrase");
    assert_eq!(json["suggestions"][0]["edit"]["phrase"], "water");
    assert!(json["suggestions"][0]["effect"]["trainingGain"].as_f64().unwrap() > 0.5);
}

#[test]
fn options_from_json_are_checked_with_their_path() {
    let none = SuggestOptions::from_value(&serde_json::json!({})).unwrap();
    assert!(none.is_none());
    let some = SuggestOptions::from_value(&serde_json::json!({"suggest": true, "folds": 3}))
        .unwrap()
        .unwrap();
    assert_eq!(some.folds, 3);
    let e = SuggestOptions::from_value(&serde_json::json!({"suggest": "yes"})).unwrap_err();
    assert_eq!(e.path(), "suggest");
    let e =
        SuggestOptions::from_value(&serde_json::json!({"suggest": true, "fold": 3})).unwrap_err();
    assert_eq!(e.path(), "fold", "{e}");
}

#[test]
fn the_cli_suggests_and_accepts() {
    let dir = std::env::temp_dir().join(format!("evident-suggest-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let rubric = dir.join("rubric.json");
    let samples = dir.join("samples.jsonl");
    std::fs::write(&rubric, RUBRIC).unwrap();
    std::fs::write(&samples, SAMPLES).unwrap();
    let run = |extra: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_evident"))
            .arg("calibrate")
            .arg(&rubric)
            .arg(&samples)
            .args(extra)
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    };
    let (code, out, _) = run(&["--suggest", "--min-support", "3"]);
    assert_eq!(code, Some(0));
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["suggestions"][0]["edit"]["phrase"], "water");
    let (code, out, _) = run(&["--min-support", "3", "--accept", "1"]);
    assert_eq!(code, Some(0));
    assert_eq!(
        out,
        format!(
            "{}\n",
            RUBRIC.replace(r#""anyOf": ["osmosis"]"#, r#""anyOf": ["osmosis", "water"]"#)
        )
    );
    let (code, _, err) = run(&["--min-support", "3", "--accept", "99"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("no suggestion 99"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_cut_point_moves_when_the_teacher_counts_fewer_key_elements() {
    // Level 1 needs 2 of the three elements (osmosis, energy, pump). The teacher gives 1 to
    // every answer with at least one element, 0 to the others. By hand, before: the three
    // one-element answers get 0 (teacher 1), κ < 1; with `n` 2 → 1 every level matches, κ = 1.
    let rubric_text = r#"{"id": "m", "title": "M", "locale": "en",
      "scale": {"levels": [{"value": 0, "label": "None"}, {"value": 1, "label": "Some"}], "mastery": 1},
      "criteria": [{"id": "score", "title": "S",
        "levels": [{"value": 0, "descriptor": "None."}, {"value": 1, "descriptor": "Some.", "requires": ["enough"]}],
        "indicators": [
          {"id": "osmosis", "check": {"type": "phrases", "anyOf": ["osmosis"]}},
          {"id": "energy", "check": {"type": "phrases", "anyOf": ["energy"]}},
          {"id": "pump", "check": {"type": "phrases", "anyOf": ["pump"]}},
          {"id": "enough", "check": {"type": "atLeast", "n": 2, "of": ["osmosis", "energy", "pump"]}}]}]}"#;
    let samples = r#"{"submission": {"student": "a", "responses": {"response": "Osmosis is how water moves."}}, "teacher": {"score": 1}}
{"submission": {"student": "b", "responses": {"response": "A cell spends energy."}}, "teacher": {"score": 1}}
{"submission": {"student": "c", "responses": {"response": "The pump works hard."}}, "teacher": {"score": 1}}
{"submission": {"student": "d", "responses": {"response": "Osmosis and a pump, with energy."}}, "teacher": {"score": 1}}
{"submission": {"student": "e", "responses": {"response": "Cells are small."}}, "teacher": {"score": 0}}
{"submission": {"student": "f", "responses": {"response": "The nucleus is big."}}, "teacher": {"score": 0}}
"#;
    let rubric = CompiledRubric::from_json(rubric_text).unwrap();
    let parsed = parse_samples(samples, &rubric).unwrap();
    let report = suggest(&rubric, &parsed, &options(0));
    // Before: teacher 0 → engine 0 twice; teacher 1 → engine 0 three times, 1 once.
    // Rows (2, 4), columns (5, 1); Σ d²·O = 3; Σ d²·r·c = 2·1 + 4·5 = 22; κ = 1 − 6·3/22.
    assert!(close(report.kappa.unwrap(), 1.0 - 18.0 / 22.0));
    let cut = report
        .suggestions
        .iter()
        .find(|s| s.kind == SuggestionKind::CutPoint)
        .expect("a cut point");
    assert_eq!(
        cut.edit,
        Edit::SetAtLeast { criterion: "score".into(), indicator: "enough".into(), from: 2, n: 1 }
    );
    assert_eq!((cut.counts.closer, cut.counts.further), (3, 0));
    assert!(close(cut.effect.training_after, 1.0));
    assert_eq!(cut.apply(rubric_text).unwrap(), rubric_text.replace(r#""n": 2"#, r#""n": 1"#));
}

#[test]
fn a_phrase_inside_an_any_check_is_edited_in_place() {
    // `osmosis` is any of a phrase list and a pattern: the suggestion names the list
    // (`part` 0) and accepting it edits that list only.
    let rubric_text = RUBRIC.replace(
        r#"{"type": "phrases", "anyOf": ["osmosis"]}"#,
        r#"{"type": "any", "checks": [{"type": "phrases", "anyOf": ["osmosis"]}, {"type": "pattern", "regex": "osmo\\w+ic"}]}"#,
    );
    let rubric = CompiledRubric::from_json(&rubric_text).unwrap();
    let samples = parse_samples(SAMPLES, &rubric).unwrap();
    let report = suggest(&rubric, &samples, &options(0));
    let first = &report.suggestions[0];
    assert_eq!(first.edit.part(), Some(0));
    assert!(matches!(&first.edit, Edit::AddPhrase { phrase, .. } if phrase == "water"));
    assert_eq!(
        first.apply(&rubric_text).unwrap(),
        rubric_text.replace(
            r#""anyOf": ["osmosis"]}, {"type": "pattern""#,
            r#""anyOf": ["osmosis", "water"]}, {"type": "pattern""#
        )
    );
}

#[test]
fn a_phrase_of_another_indicator_comes_after_the_rest_and_says_why() {
    // `osmosis` and `energy` are two indicators; level 2 needs both.
    let rubric = RUBRIC.replace(r#"["uses energy"]"#, r#"["energy"]"#);
    let rubric = CompiledRubric::from_json(&rubric).unwrap();
    // Three answers about energy only, which this teacher nevertheless gives 2, and three
    // about "water diffusion" through the membrane (a word of the task: an answer with none
    // is off the task and gets no credit) given 1. Adding "energy" to `osmosis` would move the three from
    // 0 to 2 (a bigger gain than "water", which moves three from 0 to 1), but "energy" is
    // already the `energy` indicator's phrase: the two would then be met by the same word.
    // By hand (QWK pooled, teacher 2 1 1 1 1 2 2 2 0 0 0 0; engine 2 1 0 0 0 0 0 0 0 0 0 0):
    // 0.211 before, 0.250 with "water" (lines 3–5 → 1), 0.842 with "energy" (6–8 → 2).
    let samples = r#"{"submission": {"student": "s1", "responses": {"response": "Osmosis moves water. Pumps use energy."}}, "teacher": {"score": 2}}
{"submission": {"student": "s2", "responses": {"response": "Osmosis moves water."}}, "teacher": {"score": 1}}
{"submission": {"student": "s3", "responses": {"response": "Water diffusion across the membrane."}}, "teacher": {"score": 1}}
{"submission": {"student": "s4", "responses": {"response": "Water diffusion through the membrane happens."}}, "teacher": {"score": 1}}
{"submission": {"student": "s5", "responses": {"response": "Water diffusion at the membrane is slow."}}, "teacher": {"score": 1}}
{"submission": {"student": "s6", "responses": {"response": "Pumps need energy."}}, "teacher": {"score": 2}}
{"submission": {"student": "s7", "responses": {"response": "It takes energy to move ions."}}, "teacher": {"score": 2}}
{"submission": {"student": "s8", "responses": {"response": "Cells spend energy on it."}}, "teacher": {"score": 2}}
{"submission": {"student": "s10", "responses": {"response": "The nucleus is big."}}, "teacher": {"score": 0}}
{"submission": {"student": "s11", "responses": {"response": "Cells are small."}}, "teacher": {"score": 0}}
{"submission": {"student": "s12", "responses": {"response": "Proteins fold in the cell."}}, "teacher": {"score": 0}}
{"submission": {"student": "s13", "responses": {"response": "I do not know."}}, "teacher": {"score": 0}}
"#;
    let samples = parse_samples(samples, &rubric).unwrap();
    let report = suggest(&rubric, &samples, &options(0));
    let added: Vec<(&str, &str)> = report
        .suggestions
        .iter()
        .filter_map(|s| match &s.edit {
            Edit::AddPhrase { indicator, phrase, .. } => {
                Some((indicator.as_str(), phrase.as_str()))
            }
            _ => None,
        })
        .collect();
    let water = added.iter().position(|&a| a == ("osmosis", "water")).expect("water is proposed");
    let energy =
        added.iter().position(|&a| a == ("osmosis", "energy")).expect("energy is still proposed");
    assert!(water < energy, "{added:?}");
    // By its gain alone it would come first.
    let gain = |i: usize| {
        report
            .suggestions
            .iter()
            .filter(|s| matches!(s.edit, Edit::AddPhrase { .. }))
            .nth(i)
            .unwrap()
            .effect
            .training_gain
    };
    assert!(gain(energy) > gain(water), "{} vs {}", gain(energy), gain(water));
    let why = &report
        .suggestions
        .iter()
        .filter(|s| matches!(s.edit, Edit::AddPhrase { .. }))
        .nth(energy)
        .unwrap()
        .why;
    assert!(why.contains("“energy” is already a phrase of `energy`"), "{why}");
    let why = &report
        .suggestions
        .iter()
        .filter(|s| matches!(s.edit, Edit::AddPhrase { .. }))
        .nth(water)
        .unwrap()
        .why;
    assert!(!why.contains("already a phrase"), "{why}");
}
