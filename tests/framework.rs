//! Frameworks: parsing with located errors, roll-up rules, recommendations.

use evident::framework::{
    parse_catalog, parse_framework, recommend, roll_up, Reason, RecommendOptions, StudentState,
};
use evident::mastery::{Estimate, EvidenceRecord, Trend};

fn problems(text: &str) -> Vec<String> {
    match parse_framework(text) {
        Ok(_) => Vec::new(),
        Err(e) => e.problems().iter().map(|p| p.to_string()).collect(),
    }
}

fn estimate(
    student: &str,
    competency: &str,
    value: f64,
    mastered: bool,
    trend: Trend,
    last_at: &str,
) -> Estimate {
    Estimate {
        student: student.into(),
        competency: competency.into(),
        value,
        level: value.floor(),
        label: None,
        mastered,
        count: 2,
        trend,
        last_at: last_at.into(),
        stale: None,
    }
}

#[test]
fn the_example_framework_parses() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/science.framework.json"
    ))
    .unwrap();
    let framework = parse_framework(&text).unwrap();
    assert_eq!(framework.competencies.len(), 9);
    let children: Vec<&str> = framework.children_of("SCI.CER").collect();
    assert_eq!(children, ["SCI.CER.1", "SCI.CER.2", "SCI.CER.3"]);
    // SCI.CER.2 needs its own prerequisites, then those of SCI.CER (none).
    assert_eq!(framework.effective_prerequisites("SCI.CER.2"), ["SCI.CER.1", "SCI.INQ.3"]);
    let catalog = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/science.catalog.json"
    ))
    .unwrap();
    let catalog = parse_catalog(&catalog, Some(&framework)).unwrap();
    let ids: Vec<&str> = catalog.tasks_for("SCI.CER.2").iter().map(|t| t.id.as_str()).collect();
    // The most focused task first: data-talk (1 competency), lab-3 (3), poster (4).
    assert_eq!(ids, ["data-talk", "lab-3", "poster"]);
}

#[test]
fn every_problem_is_reported_with_its_path() {
    let text = r#"{
      "id": "f", "title": "Fractions", "rollup": "allChildrn",
      "competencies": [
        {"id": "NUM.1", "title": "Add fractions"},
        {"id": "NUM.1", "title": "Again"},
        {"id": "NUM.2", "title": "Multiply", "parent": "NUM", "prerequisites": ["NUM.3", "NUM.1", "NUM.1"]},
        {"id": "NUM.4", "title": "", "rollup": {"atLeast": 0}, "prerequisits": []}
      ]}"#;
    assert_eq!(
        problems(text),
        [
            "rollup: unknown roll-up rule `allChildrn`; did you mean `allChildren`?",
            "competencies[1].id: duplicate competency id `NUM.1` (first used at competencies[0].id)",
            "competencies[2].prerequisites[2]: `NUM.1` is listed twice",
            "competencies[3].title: must not be empty",
            "competencies[3].rollup.atLeast: must be at least 1",
            "competencies[3].prerequisits: unknown field; did you mean `prerequisites`?",
            // References are resolved once every id is known.
            "competencies[2].parent: unknown competency `NUM`; did you mean `NUM.1`?",
            "competencies[2].prerequisites[0]: unknown competency `NUM.3`; did you mean `NUM.1`?",
        ]
    );
}

#[test]
fn a_prerequisite_cycle_is_spelt_out() {
    let text = r#"{"id": "f", "title": "t", "competencies": [
        {"id": "D", "title": "d", "prerequisites": ["A"]},
        {"id": "C", "title": "c", "prerequisites": ["A"]},
        {"id": "B", "title": "b", "prerequisites": ["C"]},
        {"id": "A", "title": "a", "prerequisites": ["B"]}
    ]}"#;
    // D → A → B → C → A: the loop is A, B, C, written from C, the first of them in the file.
    assert_eq!(problems(text), ["competencies[1].prerequisites[0]: cycle: C → A → B → C"]);
}

#[test]
fn parent_cycles_and_contradictions_between_parts_and_prerequisites() {
    let parents = r#"{"id": "f", "title": "t", "competencies": [
        {"id": "A", "title": "a", "parent": "B"}, {"id": "B", "title": "b", "parent": "A"}]}"#;
    assert_eq!(
        problems(parents),
        ["competencies[0].parent: cycle: A is part of B, which is part of A"]
    );
    // A whole that requires its own part can never be ready before the part is mastered.
    let whole = r#"{"id": "f", "title": "t", "competencies": [
        {"id": "A", "title": "a", "prerequisites": ["A.1"]}, {"id": "A.1", "title": "a1", "parent": "A"}]}"#;
    assert_eq!(
        problems(whole),
        ["competencies[0].prerequisites[0]: cycle: A requires A.1, which is part of A"]
    );
    // A part that requires its whole: the whole is mastered through the part.
    let part = r#"{"id": "f", "title": "t", "competencies": [
        {"id": "A", "title": "a"}, {"id": "A.1", "title": "a1", "parent": "A", "prerequisites": ["A"]}]}"#;
    assert_eq!(
        problems(part),
        ["competencies[1].prerequisites[0]: `A.1` is part of `A` and cannot require it: `A` is mastered through its parts"]
    );
}

const TREE: &str = r#"{"id": "f", "title": "t", "competencies": [
    {"id": "G", "title": "Whole unit"},
    {"id": "P", "title": "Part", "parent": "G", "rollup": "RULE"},
    {"id": "C1", "title": "One", "parent": "P"},
    {"id": "C2", "title": "Two", "parent": "P"},
    {"id": "C3", "title": "Three", "parent": "P"},
    {"id": "Q", "title": "Other part", "parent": "G"}]}"#;

fn rolled(rule: &str, estimates: &[Estimate]) -> Vec<Estimate> {
    let framework = parse_framework(&TREE.replace("\"RULE\"", rule)).unwrap();
    roll_up(&framework, estimates)
}

fn find<'a>(estimates: &'a [Estimate], id: &str) -> Option<&'a Estimate> {
    estimates.iter().find(|e| e.competency == id)
}

#[test]
fn all_children_needs_every_child_assessed_and_mastered() {
    let mut given = vec![
        estimate("s", "C1", 3.5, true, Trend::Rising, "2026-10-01T10:00:00Z"),
        estimate("s", "C2", 3.0, true, Trend::Steady, "2026-10-20T10:00:00Z"),
    ];
    let out = rolled("\"allChildren\"", &given);
    let p = find(&out, "P").unwrap();
    // (3.5 + 3.0) / 2 = 3.25 → level 3 (Proficient), but C3 has no evidence yet.
    assert_eq!(
        (p.value, p.level, p.label.as_deref(), p.mastered, p.count),
        (3.25, 3.0, Some("Proficient"), false, 4)
    );
    // Rising and steady parts: the whole rises; its latest evidence is C2's.
    assert_eq!((p.trend, p.last_at.as_str()), (Trend::Rising, "2026-10-20T10:00:00Z"));
    given.push(estimate("s", "C3", 3.2, true, Trend::Falling, "2026-10-05T10:00:00-05:00"));
    let out = rolled("\"allChildren\"", &given);
    let p = find(&out, "P").unwrap();
    assert!(p.mastered);
    assert!((p.value - 9.7 / 3.0).abs() < 1e-12);
    assert_eq!(p.trend, Trend::Steady, "rising and falling parts cancel out");
    // G: P is mastered, Q has no evidence → not mastered, value P's.
    let g = find(&out, "G").unwrap();
    assert!(!g.mastered);
    assert!((g.value - 9.7 / 3.0).abs() < 1e-12);
    // Order: framework order, children's estimates kept.
    let order: Vec<&str> = out.iter().map(|e| e.competency.as_str()).collect();
    assert_eq!(order, ["G", "P", "C1", "C2", "C3"]);
}

#[test]
fn at_least_n_and_average_rules() {
    let two = [
        estimate("s", "C1", 3.0, true, Trend::Unknown, "2026-10-01"),
        estimate("s", "C2", 2.0, false, Trend::Unknown, "2026-10-01"),
    ];
    // One of two assessed children mastered: not enough for {"atLeast": 2}, enough for 1.
    assert!(!find(&rolled(r#"{"atLeast": 2}"#, &two), "P").unwrap().mastered);
    let p = rolled(r#"{"atLeast": 1}"#, &two);
    let p = find(&p, "P").unwrap();
    // (3 + 2) / 2 = 2.5 → level 2, Developing, yet mastered under this rule.
    assert_eq!((p.mastered, p.level, p.label.as_deref()), (true, 2.0, Some("Developing")));

    let three = [
        estimate("s", "C1", 3.5, true, Trend::Unknown, "2026-10-01"),
        estimate("s", "C2", 2.4, false, Trend::Unknown, "2026-10-01"),
        estimate("s", "C3", 3.4, true, Trend::Unknown, "2026-10-01"),
    ];
    // Average (3.5 + 2.4 + 3.4) / 3 = 3.1 ≥ 3: mastered although C2 is not.
    let out = rolled("\"average\"", &three);
    assert!(find(&out, "P").unwrap().mastered);
    // Without C3 the average rule waits for every child: (3.5 + 2.4) / 2 = 2.95 anyway.
    assert!(!find(&rolled("\"average\"", &three[..2]), "P").unwrap().mastered);
}

#[test]
fn evidence_on_a_parent_counts_as_one_more_child() {
    let given = [
        estimate("s", "C1", 3.0, true, Trend::Unknown, "2026-10-01"),
        estimate("s", "C2", 4.0, true, Trend::Unknown, "2026-10-01"),
        estimate("s", "C3", 3.0, true, Trend::Unknown, "2026-10-01"),
        estimate("s", "P", 2.0, false, Trend::Unknown, "2026-10-02"),
        estimate("t", "C1", 1.0, false, Trend::Unknown, "2026-10-01"),
    ];
    let out = rolled("\"allChildren\"", &given);
    let p = out.iter().find(|e| e.student == "s" && e.competency == "P").unwrap();
    // (3 + 4 + 3 + 2) / 4 = 3, but the direct evidence is not mastered.
    assert_eq!((p.value, p.mastered), (3.0, false));
    // Another student is rolled up on their own.
    let t = out.iter().find(|e| e.student == "t" && e.competency == "P").unwrap();
    assert_eq!((t.value, t.mastered), (1.0, false));
}

const PLAN: &str = r#"{"id": "math-6", "title": "Math 6", "competencies": [
    {"id": "NUM", "title": "Fractions"},
    {"id": "NUM.1", "title": "Add fractions", "parent": "NUM"},
    {"id": "NUM.2", "title": "Multiply fractions", "parent": "NUM", "prerequisites": ["NUM.1"]},
    {"id": "ALG.1", "title": "Write expressions", "prerequisites": ["NUM"]},
    {"id": "ALG.2", "title": "Solve equations", "prerequisites": ["ALG.1"]},
    {"id": "GEO.1", "title": "Find area", "rollup": null},
    {"id": "GEO.2", "title": "Find volume"},
    {"id": "GEO.3", "title": "Find surface area", "prerequisites": ["GEO.2"]},
    {"id": "GEO.4", "title": "Draw nets", "prerequisites": ["GEO.1"]},
    {"id": "H.1", "title": "Read a graph"},
    {"id": "H.2", "title": "Make a graph"},
    {"id": "H.3", "title": "Choose a graph", "prerequisites": ["H.2"]}]}"#;

const CATALOG: &str = r#"{"tasks": [
    {"id": "volume-lab", "title": "Fill the boxes", "competencies": ["GEO.2"]},
    {"id": "unit-test", "title": "Unit test", "competencies": ["GEO.1", "GEO.2", "GEO.3"]},
    {"id": "area-walk", "title": "Measure the classroom", "competencies": ["GEO.1"]}]}"#;

fn class() -> Vec<Estimate> {
    vec![
        estimate("s-1", "NUM.1", 3.5, true, Trend::Falling, "2026-11-01T09:00:00Z"),
        estimate("s-1", "NUM.2", 2.6, false, Trend::Steady, "2026-11-10T09:00:00Z"),
        estimate("s-1", "GEO.1", 2.0, false, Trend::Rising, "2026-11-12T09:00:00Z"),
        estimate("s-1", "GEO.2", 4.0, true, Trend::Steady, "2026-09-01T09:00:00Z"),
        estimate("s-1", "H.1", 3.2, true, Trend::Steady, "2026-11-15T09:00:00Z"),
        estimate("s-1", "H.2", 1.5, false, Trend::Steady, "2026-11-15T09:00:00Z"),
        estimate("s-2", "GEO.3", 1.0, false, Trend::Falling, "2026-11-15T09:00:00Z"),
    ]
}

fn record(student: &str, competency: &str, value: f64, at: &str) -> EvidenceRecord {
    EvidenceRecord {
        student: student.into(),
        competency: competency.into(),
        value,
        at: at.into(),
        source: None,
    }
}

#[test]
fn recommendations_follow_the_documented_scores_and_order() {
    let framework = parse_framework(PLAN).unwrap();
    let catalog = parse_catalog(CATALOG, Some(&framework)).unwrap();
    let estimates = class();
    // H.1 is mastered on the whole, but its latest record is a 2.
    let evidence = [
        record("s-1", "H.1", 4.0, "2026-11-01T09:00:00Z"),
        record("s-1", "H.1", 2.0, "2026-11-15T09:00:00Z"),
    ];
    let options =
        RecommendOptions { as_of: Some("2026-11-20".into()), ..RecommendOptions::default() };
    let state = StudentState { estimates: &estimates, evidence: &evidence };
    let out = recommend(&framework, &state, Some(&catalog), "s-1", &options).unwrap();
    let got: Vec<(&str, Reason, f64)> =
        out.recommendations.iter().map(|r| (r.competency.as_str(), r.reason, r.score)).collect();
    assert_eq!(
        got,
        [
            // rising, 1.0 below mastery (outside the 0.5 margin): 0.7 + 0 + 0.1
            ("GEO.1", Reason::NearMastery, 0.8),
            // 0.4 below mastery: 0.7 + 0.2 × (1 − 0.4 / 0.5) = 0.74
            ("NUM.2", Reason::NearMastery, 0.74),
            // last evidence Sep 1 09:00, 79 whole days before Nov 20 00:00 (30 + 31 + 19 = 80 days
            // from midnight, less 9 hours): 0.4 + 0.3 × min(1, (79 − 30) / 30) = 0.7
            ("GEO.2", Reason::Reinforce, 0.7),
            // latest record (2) below mastery (3): 0.4 + 0.3 = 0.7
            ("H.1", Reason::Reinforce, 0.7),
            // falling trend: 0.4 + 0.3 = 0.7 (ties go by id)
            ("NUM.1", Reason::Reinforce, 0.7),
            // 1.5 / 3 progress, H.3 waits on it: 0.3 + 0.3 × 0.5 + 0.2 × 1/2 = 0.55
            ("H.2", Reason::Ready, 0.55),
            // GEO.2 mastered, no evidence, nothing waits on it: 0.3
            ("GEO.3", Reason::Ready, 0.3),
        ]
    );
    // Not recommended: ALG.1 (needs NUM, not mastered as NUM.2 is not), ALG.2, GEO.4
    // (needs GEO.1), H.3 (needs H.2), and NUM, a whole with parts.
    let first = &out.recommendations[0];
    assert_eq!(
        first.because,
        "Your work on “Find area” keeps getting better. Keep going to reach your goal."
    );
    let tasks: Vec<&str> = first.tasks.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(tasks, ["area-walk", "unit-test"]);
    assert_eq!(out.recommendations[2].because, "It has been 79 days since you last showed “Find volume”. Practice it so you do not forget it.");
    assert_eq!(out.recommendations[6].because, "You have learned the skills that come before “Find surface area”. Now you are ready to start it.");
    assert_eq!(out.recommendations[6].value, None);
}

#[test]
fn spanish_limits_and_no_as_of() {
    let framework = parse_framework(PLAN).unwrap();
    let estimates = class();
    let state = StudentState { estimates: &estimates, evidence: &[] };
    let options =
        RecommendOptions { locale: "es".into(), limit: Some(3), ..RecommendOptions::default() };
    let out = recommend(&framework, &state, None, "s-1", &options).unwrap();
    // Without asOf GEO.2 is not stale, and without evidence H.1 does not slip.
    let ids: Vec<&str> = out.recommendations.iter().map(|r| r.competency.as_str()).collect();
    assert_eq!(ids, ["GEO.1", "NUM.2", "NUM.1"]);
    assert_eq!(
        out.recommendations[1].because,
        "Estás cerca de tu meta en «Multiply fractions». Un buen intento más te puede llevar allí."
    );
    assert!(out.recommendations.iter().all(|r| r.tasks.is_empty()));
}

#[test]
fn without_as_of_the_mastery_methods_stale_flag_counts() {
    let framework = parse_framework(PLAN).unwrap();
    let mut estimates = class();
    // GEO.2: mastered, steady, marked stale by the mastery method (staleAfterDays).
    estimates[3].stale = Some(true);
    let state = StudentState { estimates: &estimates, evidence: &[] };
    let out = recommend(&framework, &state, None, "s-1", &RecommendOptions::default()).unwrap();
    let geo2 = out.recommendations.iter().find(|r| r.competency == "GEO.2").unwrap();
    // 0.4 + 0.3 × 0 (not slipping) + 0.3 × 0.5 (stale, age unknown) = 0.55
    assert_eq!((geo2.reason, geo2.score), (Reason::Reinforce, 0.55));
    assert_eq!(
        geo2.because,
        "You have not shown “Find volume” for a while. Practice it so you do not forget it."
    );
    // With asOf, the age decides: Sep 1 09:00 is 18 whole days before Sep 20, not stale.
    let options =
        RecommendOptions { as_of: Some("2026-09-20".into()), ..RecommendOptions::default() };
    let out = recommend(&framework, &state, None, "s-1", &options).unwrap();
    assert!(out.recommendations.iter().all(|r| r.competency != "GEO.2"));
}

#[test]
fn a_student_without_evidence_starts_at_the_roots() {
    let framework = parse_framework(PLAN).unwrap();
    let estimates = class();
    let state = StudentState { estimates: &estimates, evidence: &[] };
    let out =
        recommend(&framework, &state, None, "new-student", &RecommendOptions::default()).unwrap();
    let got: Vec<(&str, f64)> =
        out.recommendations.iter().map(|r| (r.competency.as_str(), r.score)).collect();
    // 0.3 + 0.2 × 1/2 where one competency waits on it, 0.3 where none does.
    assert_eq!(got, [("GEO.1", 0.4), ("GEO.2", 0.4), ("H.2", 0.4), ("NUM.1", 0.4), ("H.1", 0.3)]);
    assert!(out.recommendations[0].because.starts_with("“Find area” is a good place to start."));
}

#[test]
fn bad_options_name_the_option() {
    let framework = parse_framework(PLAN).unwrap();
    let state = StudentState { estimates: &[], evidence: &[] };
    let bad = [
        (
            RecommendOptions { locale: "fr".into(), ..RecommendOptions::default() },
            "locale: unknown locale `fr`; expected `en` or `es`",
        ),
        (
            RecommendOptions { as_of: Some("last week".into()), ..RecommendOptions::default() },
            "asOf: `last week` is not a date like 2026-11-20 or 2026-11-20T10:00:00Z",
        ),
        (
            RecommendOptions { near_margin: 0.0, ..RecommendOptions::default() },
            "nearMargin: must be a number greater than 0",
        ),
    ];
    for (options, message) in bad {
        let err = recommend(&framework, &state, None, "s", &options).unwrap_err();
        assert_eq!(err.to_string(), message);
    }
}

#[test]
fn catalog_problems_are_located() {
    let framework = parse_framework(PLAN).unwrap();
    let text = r#"{"tasks": [{"id": "t1", "title": "T", "competencies": ["GEO.5"]}, {"id": "t1", "title": "U", "competencies": []}]}"#;
    let err = parse_catalog(text, Some(&framework)).unwrap_err();
    let found: Vec<String> = err.problems().iter().map(|p| p.to_string()).collect();
    assert_eq!(
        found,
        [
            "tasks[0].competencies[0]: `GEO.5` is not a competency of framework `math-6`; did you mean `GEO.1`?",
            "tasks[1].id: duplicate task id `t1` (first used at tasks[0].id)",
            "tasks[1].competencies: a task needs at least one competency it gives evidence for",
        ]
    );
}

#[test]
fn a_json_request_computes_estimates_from_evidence_when_none_are_given() {
    use evident::framework::recommend_request;
    use serde_json::json;
    let framework: serde_json::Value = serde_json::from_str(PLAN).unwrap();
    let evidence = json!([
        {"student": "s-1", "competency": "GEO.1", "value": 2, "at": "2026-10-01T09:00:00Z"},
        {"student": "s-1", "competency": "GEO.1", "value": 3, "at": "2026-10-15T09:00:00Z"},
        {"student": "s-1", "competency": "GEO.2", "value": 4, "at": "2026-10-02T09:00:00Z"},
        {"student": "s-1", "competency": "GEO.2", "value": 2, "at": "2026-10-16T09:00:00Z"}
    ]);
    let options = json!({"student": "s-1", "evidence": evidence, "mastery": {"method": "latest"}, "limit": 2});
    let out = recommend_request(&framework, &serde_json::Value::Null, &options).unwrap();
    let got: Vec<(&str, Reason, f64)> =
        out.recommendations.iter().map(|r| (r.competency.as_str(), r.reason, r.score)).collect();
    // latest: GEO.1 is 3 (mastered), so GEO.4 unlocks; GEO.2 is 2 (falling from 4, 1 below
    // mastery): ready with progress 2/3 and GEO.3 waiting: 0.3 + 0.2 + 0.1 = 0.6. GEO.4:
    // 0.3. H.2 and NUM.1: 0.3 + 0.1 = 0.4 (limit 2 keeps the first two).
    assert_eq!(got, [("GEO.2", Reason::Ready, 0.6), ("H.2", Reason::Ready, 0.4)]);

    let bad = json!({"student": "s-1", "evidence": [{"student": "s-1", "competency": "GEO.1", "value": "3", "at": "2026-10-01"}],
                     "mastery": {"method": "lastest"}});
    let err = recommend_request(&framework, &serde_json::Value::Null, &bad).unwrap_err();
    let found: Vec<String> = err.problems().iter().map(|p| p.path.clone()).collect();
    assert_eq!(found, ["evidence[0].value"]);
    let bad = json!({"student": "s-1", "evidence": [], "mastery": {"method": "lastest"}});
    let err = recommend_request(&framework, &serde_json::Value::Null, &bad).unwrap_err();
    assert_eq!(err.path(), "mastery.method");
    let err = recommend_request(
        &framework,
        &json!([{"student": "s-1", "competency": "GEO.1", "value": 3}]),
        &json!({"student": "s-1"}),
    )
    .unwrap_err();
    assert_eq!(err.to_string(), "[0].mastered: missing: expected true or false");
}

#[test]
fn the_framework_schema_describes_the_format() {
    let schema =
        serde_json::to_value(schemars::schema_for!(evident::framework::Framework)).unwrap();
    let required: Vec<&str> =
        schema["required"].as_array().unwrap().iter().filter_map(|v| v.as_str()).collect();
    assert_eq!(required, ["id", "title", "competencies"]);
    let text = schema.to_string();
    assert!(text.contains("\"atLeast\""), "{text}");
    assert!(text.contains("\"allChildren\""));
    let catalog = serde_json::to_value(schemars::schema_for!(evident::framework::Catalog)).unwrap();
    assert_eq!(catalog["required"], serde_json::json!(["tasks"]));
}
