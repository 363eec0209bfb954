//! A malformed rubric reports every problem at once, each at its JSON path, in words a teacher can act on.

use evident::parse_rubric;

fn problems(json: &str) -> Vec<String> {
    parse_rubric(json).unwrap_err().problems().iter().map(|p| p.to_string()).collect()
}

#[test]
fn every_problem_is_reported_with_its_path() {
    let json = r#"{
      "id": "cer-lab", "title": "CER", "kind": "analytic",
      "scale": {"levels": [{"value": 1, "label": "Beginning"}, {"value": 2, "label": "Developing"}, {"value": 3, "label": "Proficient"}], "mastery": 4},
      "criteria": [
        {"id": "claim", "title": "Claim", "levels": [
           {"value": 1, "points": "zero", "descriptor": "No claim."},
           {"value": 2, "descriptor": "A claim.", "requires": ["has-claim", "has-clam"]}],
         "indicators": [{"id": "has-claim", "check": {"type": "phrases", "anyOf": ["my claim"], "fuzzy": 3}}]},
        {"id": "claim", "title": "Evidence", "weight": 0, "levels": [
           {"value": 3, "descriptor": "Cites data.", "requires": ["data"]},
           {"value": 2, "descriptor": "Mentions data."}],
         "indicators": [
           {"id": "data", "check": {"type": "pattern", "regex": "(\\d+"}},
           {"id": "has-claim", "check": {"type": "wordcount", "min": 10}}],
         "descripton": "typo"}
      ]
    }"#;
    assert_eq!(
        problems(json),
        vec![
            "scale.mastery: 4 is not a level of the scale (1, 2, 3)",
            "criteria[0].levels[0].points: expected a number, found a string",
            "criteria[0].indicators[0].check.fuzzy: expected 0, 1, 2 or \"auto\"",
            "criteria[1].id: duplicate criterion id `claim` (first used at criteria[0].id)",
            "criteria[1].weight: must be greater than 0",
            "criteria[1].levels[1].value: levels must be listed lowest first: 2 comes after 3",
            "criteria[1].indicators[0].check.regex: not a valid pattern: found open group without closing ')'",
            "criteria[1].indicators[1].id: duplicate indicator id `has-claim` (first used at criteria[0].indicators[0].id)",
            "criteria[1].indicators[1].check.type: unknown check type `wordcount`; did you mean `wordCount`?",
            "criteria[1].descripton: unknown field; did you mean `description`?",
            "criteria[0].levels[1].requires[1]: requires unknown indicator `has-clam`; did you mean `has-claim`?",
        ]
    );
}

#[test]
fn kind_specific_rules() {
    let holistic = r#"{"id": "h", "title": "H", "kind": "holistic", "criteria": [
        {"id": "a", "title": "A", "levels": [{"value": 1, "descriptor": "x"}]},
        {"id": "b", "title": "B", "levels": [{"value": 1, "descriptor": "y"}]}]}"#;
    assert_eq!(
        problems(holistic),
        vec!["criteria: a holistic rubric has exactly one criterion; found 2"]
    );

    let checklist = r#"{"id": "c", "title": "C", "kind": "checklist", "criteria": [
        {"id": "a", "title": "A", "levels": [{"value": 1, "descriptor": "x"}]}]}"#;
    assert_eq!(
        problems(checklist),
        vec![
            "criteria[0].levels: a checklist has no levels: each indicator is worth `points`",
            "criteria[0].indicators: missing: a checklist criterion needs its indicators",
        ]
    );

    let single = r#"{"id": "s", "title": "S", "kind": "singlePoint", "criteria": [{"id": "a", "title": "A"}]}"#;
    assert_eq!(problems(single), vec!["criteria[0].proficient: missing: a single-point criterion needs its `proficient` descriptor"]);
}

#[test]
fn check_fields_are_validated_per_type() {
    let json = r#"{"id": "r", "title": "R", "criteria": [{"id": "a", "title": "A",
      "levels": [{"value": 1, "descriptor": "Start."}],
      "indicators": [
        {"id": "i1", "check": {"type": "phrases"}},
        {"id": "i2", "check": {"type": "wordCount", "min": 200, "max": 100}},
        {"id": "i3", "check": {"type": "number", "equals": 12, "relTolerance": 5}},
        {"id": "i4", "check": {"type": "rating", "from": "parent", "min": 3}},
        {"id": "i5", "check": {"type": "not", "check": {"type": "phrases", "anyOf": ["*"]}}},
        {"id": "i6", "check": {"type": "any", "checks": []}}
      ]}]}"#;
    assert_eq!(
        problems(json),
        vec![
            "criteria[0].indicators[0].check.anyOf: missing: a phrases check needs `anyOf` or `allOf`",
            "criteria[0].indicators[1].check.max: max 100 is below min 200",
            "criteria[0].indicators[2].check.relTolerance: must be a fraction between 0 and 1 (0.05 is 5%)",
            "criteria[0].indicators[3].check.from: unknown rater `parent`; expected one of: teacher, self, peer",
            "criteria[0].indicators[4].check.check.anyOf[0]: `*`: a wildcard `*` must stand inside a word, as in `measur*`",
            "criteria[0].indicators[5].check.checks: needs at least one check",
        ]
    );
}

#[test]
fn not_json_at_all_names_line_and_column() {
    let err = parse_rubric("{\"id\": \"x\",\n \"title\": }").unwrap_err();
    assert_eq!(err.path(), "");
    assert!(err.to_string().starts_with("not valid JSON at line 2 column 11"), "{err}");
}

#[test]
fn the_example_rubrics_are_valid() {
    for name in ["cer-lab", "argument", "math"] {
        let path = format!("{}/examples/{name}.rubric.json", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).unwrap();
        if let Err(e) = parse_rubric(&text) {
            panic!("{path}: {e}");
        }
    }
}

#[test]
fn lint_advises_on_quality_without_failing() {
    let json = r#"{"id": "r", "title": "R", "criteria": [
      {"id": "neat", "title": "Neatness", "levels": [
         {"value": 1, "descriptor": "Poor."},
         {"value": 2, "descriptor": "Good work.", "student": "I can do good work.", "requires": ["x"]},
         {"value": 3, "descriptor": "Very neat pages with labelled diagrams.", "student": "I can label diagrams.", "requires": ["x"]}],
       "indicators": [{"id": "x", "hint": "Label each diagram.", "check": {"type": "phrases", "anyOf": ["label"]}}]}]}"#;
    let rubric = parse_rubric(json).unwrap();
    let advice: Vec<(String, String)> =
        evident::lint(&rubric).into_iter().map(|a| (a.path, a.code)).collect();
    assert_eq!(
        advice,
        vec![
            ("criteria[0]".to_string(), "behaviour-criterion".to_string()),
            ("criteria[0].levels[0].descriptor".to_string(), "vague-descriptor".to_string()),
            ("criteria[0].levels[1].descriptor".to_string(), "vague-descriptor".to_string()),
            ("criteria[0].levels[2].requires".to_string(), "levels-same-evidence".to_string()),
            ("criteria[0]".to_string(), "missing-student-wording".to_string()),
        ]
    );
}
