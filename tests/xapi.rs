//! xAPI 1.0.3 statements: structure, deterministic ids, errors. (scripts/test-lrs.sh checks
//! the same statements with Learning Locker's validator and a real LRS.)

use evident::interop::xapi::{
    estimate_statement, report_statements, submission_statements, uuid_v5, with_id, XapiOptions,
    EXTENSION_CRITERIA,
};
use evident::mastery::{Estimate, Trend};
use evident::CompiledRubric;
use serde_json::{json, Value};

fn example(name: &str) -> String {
    std::fs::read_to_string(format!("{}/examples/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn statements(submission: &str, options: &XapiOptions) -> Vec<Value> {
    let rubric = CompiledRubric::from_json(&example("cer-lab.rubric.json")).unwrap();
    let submission = evident::parse_submission(&example(submission)).unwrap();
    submission_statements(&rubric, &submission, options).unwrap()
}

fn is_uuid_v5(id: &str) -> bool {
    let parts: Vec<&str> = id.split('-').collect();
    parts.iter().map(|p| p.len()).collect::<Vec<_>>() == [8, 4, 4, 4, 12]
        && id.chars().all(|c| c == '-' || c.is_ascii_hexdigit())
        && parts[2].starts_with('5')
        && matches!(parts[3].as_bytes()[0], b'8' | b'9' | b'a' | b'b')
}

#[test]
fn a_scored_submission_gives_a_scored_statement_and_one_per_mastered_competency() {
    let options =
        XapiOptions { home_page: "https://school.example/sis".into(), ..XapiOptions::default() };
    let all = statements("cer-lab.submission.json", &options);
    assert_eq!(all.len(), 4);
    let scored = &all[0];
    assert_eq!(
        scored["actor"],
        json!({"objectType": "Agent", "account": {"homePage": "https://school.example/sis", "name": "s-17"}})
    );
    assert_eq!(scored["verb"]["id"], "http://adlnet.gov/expapi/verbs/scored");
    assert_eq!(scored["object"]["id"], "https://evident.dev/xapi/activities/tasks/lab-3");
    assert_eq!(
        scored["object"]["definition"]["type"],
        "http://adlnet.gov/expapi/activities/assessment"
    );
    assert_eq!(
        scored["context"]["contextActivities"]["other"][0]["id"],
        "https://evident.dev/xapi/activities/rubrics/cer-lab"
    );
    assert_eq!(scored["timestamp"], "2026-11-20T10:00:00Z");
    // claim level 4 (3 points × weight 1) + evidence level 4 (3 × 2) + reasoning rated 3 by
    // the teacher (2 × 1) = 11 of 3 + 6 + 3 = 12; scaled 11/12 = 0.91666… → 0.9167.
    assert_eq!(
        scored["result"]["score"],
        json!({"raw": 11.0, "min": 0, "max": 12.0, "scaled": 0.9167})
    );
    assert_eq!(scored["result"]["success"], true);
    let criteria = scored["result"]["extensions"][EXTENSION_CRITERIA].as_array().unwrap();
    let levels: Vec<(&str, f64, &str)> = criteria
        .iter()
        .map(|c| {
            (c["id"].as_str().unwrap(), c["level"].as_f64().unwrap(), c["source"].as_str().unwrap())
        })
        .collect();
    assert_eq!(
        levels,
        [("claim", 4.0, "auto"), ("evidence", 4.0, "auto"), ("reasoning", 3.0, "rating")]
    );

    let objects: Vec<&str> = all[1..].iter().map(|s| s["object"]["id"].as_str().unwrap()).collect();
    assert_eq!(
        objects,
        [
            "https://evident.dev/xapi/activities/competencies/SCI.CER.1",
            "https://evident.dev/xapi/activities/competencies/SCI.CER.2",
            "https://evident.dev/xapi/activities/competencies/SCI.CER.3",
        ]
    );
    for mastered in &all[1..] {
        assert_eq!(mastered["verb"]["id"], "http://adlnet.gov/expapi/verbs/mastered");
        assert_eq!(
            mastered["object"]["definition"]["type"],
            "http://adlnet.gov/expapi/activities/objective"
        );
        assert_eq!(
            mastered["context"]["statement"],
            json!({"objectType": "StatementRef", "id": scored["id"]})
        );
        assert_eq!(mastered["result"]["success"], true);
        assert_eq!(mastered["timestamp"], "2026-11-20T10:00:00Z");
    }
    // Reasoning's level 3 on the 1–4 scale: 3/4.
    assert_eq!(
        all[3]["result"]["score"],
        json!({"raw": 3.0, "min": 1.0, "max": 4.0, "scaled": 0.75})
    );
}

#[test]
fn ids_are_uuid_v5_of_the_content_and_stable() {
    let options = XapiOptions::default();
    let first = statements("cer-lab.submission.json", &options);
    let again = statements("cer-lab.submission.json", &options);
    assert_eq!(first, again);
    let ids: Vec<&str> = first.iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert!(ids.iter().all(|id| is_uuid_v5(id)), "{ids:?}");
    let mut distinct = ids.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), 4);
    // The id is recomputed from the rest of the statement.
    assert_eq!(with_id(first[0].clone()), first[0]);
    // Another home page is another actor: other ids.
    let elsewhere = statements(
        "cer-lab.submission.json",
        &XapiOptions { home_page: "https://other.example".into(), ..options },
    );
    assert_ne!(elsewhere[0]["id"], first[0]["id"]);
    // The namespace is RFC 4122's URL namespace applied to our IRI, reproducible elsewhere.
    let url_ns = [
        0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30,
        0xc8,
    ];
    assert!(is_uuid_v5(&uuid_v5(&url_ns, b"https://evident.dev/xapi")));
}

#[test]
fn without_a_task_the_rubric_is_the_object_and_unmastered_competencies_give_nothing() {
    let all = statements("cer-lab.submission-peer.json", &XapiOptions::default());
    // Claim (peer median 3.5 → level 3) and evidence (4) mastered, reasoning (2) not.
    assert_eq!(all.len(), 3);
    assert_eq!(all[0]["object"]["id"], "https://evident.dev/xapi/activities/rubrics/cer-lab");
    assert!(all[0]["context"].get("contextActivities").is_none());
    // The student id is account data, kept as is; the IRI segments are percent-encoded.
    assert_eq!(all[0]["actor"]["account"]["name"], "maría.lópez@school");
    // "I think the plants in the light grew more.": a claim about light and growth (claim 3,
    // mastered), evidence 2 and reasoning 1 not: the task's statement (not passed) and the
    // claim's competency only.
    let early = statements("cer-lab.submission-early.json", &XapiOptions::default());
    assert_eq!(early.len(), 2);
    assert_eq!(early[0]["object"]["id"], "https://evident.dev/xapi/activities/tasks/lab-3");
    assert_eq!(early[0]["result"]["success"], false);
    assert_eq!(early[0]["timestamp"], "2026-11-20T10:05:00+01:00");
    assert_eq!(
        early[1]["object"]["id"],
        "https://evident.dev/xapi/activities/competencies/SCI.CER.1"
    );
    assert_eq!(early[1]["result"]["success"], true);
}

#[test]
fn a_competency_shared_by_criteria_needs_all_of_them() {
    let rubric = CompiledRubric::from_json(&example("cer-lab.rubric.json")).unwrap();
    let submission = evident::parse_submission(&example("cer-lab.submission-peer.json")).unwrap();
    let mut report = rubric.score(&submission).unwrap();
    // Reasoning (not mastered) now also gives evidence of SCI.CER.1.
    report.criteria[2].competency = Some("SCI.CER.1".into());
    let all = report_statements(&rubric.rubric, &report, &XapiOptions::default()).unwrap();
    let objects: Vec<&str> = all[1..].iter().map(|s| s["object"]["id"].as_str().unwrap()).collect();
    assert_eq!(objects, ["https://evident.dev/xapi/activities/competencies/SCI.CER.2"]);
}

#[test]
fn errors_name_what_is_missing() {
    let rubric = CompiledRubric::from_json(&example("cer-lab.rubric.json")).unwrap();
    let mut submission = evident::parse_submission(&example("cer-lab.submission.json")).unwrap();
    let bad_home = XapiOptions { home_page: "school".into(), ..XapiOptions::default() };
    let err = submission_statements(&rubric, &submission, &bad_home).unwrap_err();
    assert_eq!(
        err.to_string(),
        "homePage: `school` is not an absolute IRI like https://school.example"
    );
    submission.student = None;
    let err = submission_statements(&rubric, &submission, &XapiOptions::default()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "student: missing: an xAPI statement needs the student it is about"
    );
}

#[test]
fn a_mastered_estimate_gives_a_mastered_statement() {
    let mut estimate = Estimate {
        student: "s-8".into(),
        competency: "SCI.INQ.2".into(),
        value: 3.4,
        level: 3.0,
        label: Some("Proficient".into()),
        mastered: true,
        count: 4,
        trend: Trend::Steady,
        last_at: "2026-11-17T09:30:00Z".into(),
        stale: None,
    };
    let statement =
        estimate_statement(&estimate, Some("Plan a fair test"), &XapiOptions::default())
            .unwrap()
            .unwrap();
    assert_eq!(statement["verb"]["id"], "http://adlnet.gov/expapi/verbs/mastered");
    assert_eq!(statement["object"]["definition"]["name"]["en"], "Plan a fair test");
    assert_eq!(statement["timestamp"], "2026-11-17T09:30:00Z");
    assert!(is_uuid_v5(statement["id"].as_str().unwrap()));
    estimate.mastered = false;
    assert_eq!(estimate_statement(&estimate, None, &XapiOptions::default()).unwrap(), None);
}
