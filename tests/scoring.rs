//! Scoring realistic student work against the example rubrics. Every expected level and
//! total is worked out by hand in the comments, from the rubric text alone.

use evident::rubric::parse_submission;
use evident::scoring::Source;
use evident::{CompiledRubric, Submission};

fn rubric(name: &str) -> CompiledRubric {
    let path = format!("{}/examples/{name}", env!("CARGO_MANIFEST_DIR"));
    CompiledRubric::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn levels(report: &evident::ScoreReport) -> Vec<(&str, f64, f64)> {
    report.criteria.iter().map(|c| (c.id.as_str(), c.level, c.points)).collect()
}

#[test]
fn science_claim_evidence_reasoning_with_a_teacher_rating() {
    let lab = rubric("cer-lab.rubric.json");
    let text = std::fs::read_to_string(format!(
        "{}/examples/cer-lab.submission.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let report = lab.score(&parse_submission(&text).unwrap()).unwrap();
    // claim: "My claim" (has-claim), "light" + "grow" (on-question), "for bean plants" (qualified) → 4, 3 points.
    // evidence: "data", "cm", "while the" → 4, 3 points × weight 2 = 6.
    // reasoning: the teacher's 3 overrides the indicators → 3, 2 points; the self-rating 4 is only reported.
    assert_eq!(
        levels(&report),
        vec![("claim", 4.0, 3.0), ("evidence", 4.0, 3.0), ("reasoning", 3.0, 2.0)]
    );
    let reasoning = &report.criteria[2];
    assert_eq!(reasoning.source, Source::Rating);
    assert_eq!(reasoning.self_rating, Some(4.0));
    // total 3 + 6 + 2 = 11 of 3 + 6 + 3 = 12 → 91.67 %.
    assert_eq!((report.total, report.max, report.percent), (11.0, 12.0, 91.67));
    // overall: weighted mean level (4·1 + 4·2 + 3·1) / 4 = 3.75 → nearest scale level 4.
    assert_eq!(
        (report.level.value, report.level.label.as_str(), report.mastered),
        (4.0, "Advanced", true)
    );
    assert_eq!(report.student.as_deref(), Some("s-17"));
}

#[test]
fn a_strong_argument_reaches_the_top_except_where_a_teacher_must_judge() {
    let arg = rubric("argument.rubric.json");
    let text = "I think school should start later. One reason is that teenagers need more sleep.\n\n\
                For example, when I wake up at 6:30 I am tired all morning. According to a study by the CDC, \
                students who sleep eight hours do better in class.\n\n\
                Some people say that buses would cost more. However, the district could change bus routes.";
    let report = arg.score(&Submission::of_text(text)).unwrap();
    // position: "I think"/"should start later", "One reason", 3 paragraphs → 4 (points default to the value: 4).
    // evidence: "For example", "According to", and two source phrases ("According to", "a study") → 4, 4 × 2 = 8.
    // counterclaim: "Some people", "However", but no teacher rating ≥ 4 → 3.
    assert_eq!(
        levels(&report),
        vec![("position", 4.0, 4.0), ("evidence", 4.0, 4.0), ("counterclaim", 3.0, 3.0)]
    );
    assert_eq!((report.total, report.max, report.percent), (15.0, 16.0, 93.75));
    let missing: Vec<&str> =
        report.criteria[2].missing.iter().map(|m| m.indicator.as_str()).collect();
    assert_eq!(missing, vec!["teacher-convinced"]);
}

#[test]
fn a_one_line_argument_gets_low_levels_and_hints_for_what_is_missing() {
    let arg = rubric("argument.rubric.json");
    let report =
        arg.score(&Submission::of_text("School should start later because I am tired.")).unwrap();
    // position: side ✓, "because" ✓, but one paragraph → 3. evidence: nothing → 1. counterclaim: nothing → 1.
    assert_eq!(
        levels(&report),
        vec![("position", 3.0, 3.0), ("evidence", 1.0, 1.0), ("counterclaim", 1.0, 1.0)]
    );
    // total 3 + 1·2 + 1 = 6 of 16 → 37.5 %; mean level (3 + 2 + 1) / 4 = 1.5 → halfway rounds up to 2.
    assert_eq!((report.total, report.percent), (6.0, 37.5));
    assert_eq!((report.level.value, report.mastered), (2.0, false));
    let evidence = &report.criteria[1];
    assert!(evidence.met.is_empty());
    assert_eq!(evidence.missing.len(), 3);
    assert_eq!(
        evidence.missing[0].hint.as_deref(),
        Some("Add an example with \"for example\" or \"for instance\".")
    );
}

#[test]
fn single_point_math_rubric_places_concerns_proficient_and_advanced_on_the_scale() {
    let math = rubric("math.rubric.json");
    let full = "The ratio is 3 cups of juice for every 5 cups of water. 20 is 5 times 4, so I multiply by 4 and need \
                12 cups of juice. I checked with a unit rate: 3/5 = 0.6 cups per cup of water, and 0.6 times 20 is 12, \
                so it agrees. I made a ratio table too.";
    let report = math.score(&Submission::of_text(full)).unwrap();
    // strategy: "ratio"/"for every" (proficient) and both "ratio table" and "unit rate" (advanced) → 4.
    // explanation: "so" and 58 words (≥ 40) → proficient 3; it has no advanced descriptor, so 3 is its top.
    assert_eq!(levels(&report), vec![("strategy", 4.0, 4.0), ("explanation", 3.0, 3.0)]);
    assert_eq!((report.total, report.max, report.percent), (7.0, 7.0, 100.0));

    let bare = math.score(&Submission::of_text("12 cups.")).unwrap();
    // No ratio language, no explanation: both criteria at "concerns", the scale level below mastery (2).
    assert_eq!(levels(&bare), vec![("strategy", 2.0, 2.0), ("explanation", 2.0, 2.0)]);
    assert_eq!(
        (bare.percent, bare.level.label.as_str(), bare.mastered),
        (57.14, "Developing", false)
    );
}

const CHECKLIST: &str = r#"{
  "id": "lab-safety", "title": "Lab safety checklist", "kind": "checklist",
  "criteria": [{"id": "safety", "title": "Safety plan", "indicators": [
    {"id": "goggles", "points": 2, "check": {"type": "phrases", "anyOf": ["goggles"]}},
    {"id": "hair", "check": {"type": "phrases", "anyOf": ["tie back|tied back"]}},
    {"id": "spill", "check": {"type": "phrases", "anyOf": ["spill"]}}
  ]}]
}"#;

#[test]
fn checklist_points_come_from_met_indicators() {
    let list = CompiledRubric::from_json(CHECKLIST).unwrap();
    let report =
        list.score(&Submission::of_text("We wear goggles and tie back long hair.")).unwrap();
    // goggles (2) + hair (1) of 4 points → 75 %; on the 1–4 scale 1 + 0.75 × 3 = 3.25 → level 3.
    assert_eq!((report.total, report.max, report.percent), (3.0, 4.0, 75.0));
    assert_eq!((report.criteria[0].level, report.level.value), (3.0, 3.0));
    assert_eq!(report.criteria[0].missing[0].indicator, "spill");
}

const HOLISTIC: &str = r#"{
  "id": "exit-ticket", "title": "Exit ticket", "kind": "holistic",
  "scale": {"levels": [{"value": 0, "label": "Not yet"}, {"value": 1, "label": "Partly"}, {"value": 2, "label": "Got it"}], "mastery": 2},
  "criteria": [{"id": "overall", "title": "Understanding", "levels": [
    {"value": 0, "descriptor": "No explanation of why the ice melts."},
    {"value": 1, "descriptor": "Names heat as the cause.", "requires": ["heat"]},
    {"value": 2, "descriptor": "Explains that heat moves from the warmer air to the ice.", "requires": ["heat", "direction"]}],
    "indicators": [
      {"id": "heat", "check": {"type": "phrases", "anyOf": ["heat|thermal energy"]}},
      {"id": "direction", "check": {"type": "phrases", "anyOf": ["from the warm*", "warm* to the"]}}]}]
}"#;

#[test]
fn holistic_level_follows_the_median_of_peer_ratings() {
    let ticket = CompiledRubric::from_json(HOLISTIC).unwrap();
    let auto =
        ticket.score(&Submission::of_text("Heat moves from the warmer air into the ice.")).unwrap();
    assert_eq!((auto.level.value, auto.level.label.as_str(), auto.mastered), (2.0, "Got it", true));

    // Three peers: 0, 1, 2 → median 1 decides (no teacher rating); the text alone would give 2.
    let three = parse_submission(
        r#"{"responses": {"response": "Heat moves from the warmer air into the ice."},
            "ratings": {"overall": [{"value": 0, "by": "peer"}, {"value": 2, "by": "peer"}, {"value": 1, "by": "peer"}]}}"#,
    )
    .unwrap();
    let rated = ticket.score(&three).unwrap();
    assert_eq!((rated.level.value, rated.criteria[0].source), (1.0, Source::Rating));

    // Two peers 1 and 2 → median 1.5, which is not a level: the level at or below it, 1.
    let two = parse_submission(
        r#"{"ratings": {"overall": [{"value": 1, "by": "peer"}, {"value": 2, "by": "peer"}]}}"#,
    )
    .unwrap();
    assert_eq!(ticket.score(&two).unwrap().level.value, 1.0);

    // A self-rating decides nothing by default.
    let selfie =
        parse_submission(r#"{"ratings": {"overall": {"value": 2, "by": "self"}}}"#).unwrap();
    let report = ticket.score(&selfie).unwrap();
    assert_eq!((report.level.value, report.criteria[0].self_rating), (0.0, Some(2.0)));
}

#[test]
fn ratings_for_unknown_criteria_or_off_the_scale_are_located_errors() {
    let ticket = CompiledRubric::from_json(HOLISTIC).unwrap();
    let bad = parse_submission(r#"{"rubric": "exit-ticket", "ratings": {"overal": {"value": 2}, "overall": [{"value": 1}, {"value": 7}]}}"#).unwrap();
    let err = ticket.score(&bad).unwrap_err();
    let found: Vec<String> = err.problems().iter().map(|p| p.to_string()).collect();
    assert_eq!(
        found,
        vec![
            "ratings.overal: no criterion `overal` in rubric `exit-ticket`; did you mean `overall`?",
            "ratings.overall[1].value: 7 is outside the levels of criterion `overall` (0 to 2)",
        ]
    );
}
