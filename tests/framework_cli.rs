//! `evident recommend`, `evident import-case` and `evident xapi` as a user runs them.

use serde_json::Value;
use std::process::Command;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn evident(args: &[&str]) -> (i32, String, String) {
    let out =
        Command::new(env!("CARGO_BIN_EXE_evident")).args(args).current_dir(ROOT).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn scratch(name: &str, text: &str) -> String {
    let path =
        std::env::temp_dir().join(format!("evident-framework-cli-{}-{name}", std::process::id()));
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn recommend_for_a_student_of_the_example_class() {
    let (code, out, err) = evident(&[
        "recommend",
        "examples/science.framework.json",
        "examples/class.evidence.jsonl",
        "--student",
        "s-02",
        "--catalog",
        "examples/science.catalog.json",
        "--as-of",
        "2026-11-24",
    ]);
    assert_eq!(code, 0, "{err}");
    let result: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(result["student"], "s-02");
    let got: Vec<(&str, &str)> = result["recommendations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["competency"].as_str().unwrap(), r["reason"].as_str().unwrap()))
        .collect();
    // s-02's records, with the default decaying average (weight 0.65):
    // SCI.CER.1 2, 3, 3 → 2, 2.65, 2.8775: 0.1225 below mastery and rising (3 against the
    //   mean 2.5 of the earlier ones): 0.7 + 0.2 × (1 − 0.1225 / 0.5) + 0.1 = 0.951.
    // SCI.CER.2 2, 2, 3 → 2.65, rising: 0.7 + 0.2 × (1 − 0.35 / 0.5) + 0.1 = 0.86.
    // SCI.CER.3 1, 2 → 1.65, rising but 1.35 below: 0.7 + 0.1 = 0.8.
    // SCI.INQ.3 a 3 on Sep 22, 62 days before Nov 24: reinforce, 0.4 + 0.3 × min(1, 32 / 30) = 0.7.
    // SCI.INQ.1 a 2, nothing before it, and SCI.INQ.2 and SCI.CER.1 (both unmastered) wait
    //   on it: ready, 0.3 + 0.3 × 2/3 + 0.2 × 2/3 = 0.633.
    // SCI.INQ.2 waits for SCI.INQ.1; SCI.COM.1 for all of SCI.CER.
    let scores: Vec<f64> = result["recommendations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["score"].as_f64().unwrap())
        .collect();
    assert_eq!(
        got,
        [
            ("SCI.CER.1", "nearMastery"),
            ("SCI.CER.2", "nearMastery"),
            ("SCI.CER.3", "nearMastery"),
            ("SCI.INQ.3", "reinforce"),
            ("SCI.INQ.1", "ready")
        ]
    );
    assert_eq!(scores, [0.951, 0.86, 0.8, 0.7, 0.633]);
    let tasks: Vec<&str> = result["recommendations"][2]["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap())
        .collect();
    assert_eq!(tasks, ["why-explain", "lab-3", "poster"]);

    // With the latest score as the estimate, SCI.CER.1 (3) and SCI.CER.2 (3) are mastered.
    let (code, out, _) = evident(&[
        "recommend",
        "examples/science.framework.json",
        "examples/class.evidence.jsonl",
        "--student",
        "s-02",
        "--locale",
        "es",
        "--as-of",
        "2026-11-24",
        "--method",
        "latest",
    ]);
    assert_eq!(code, 0);
    let result: Value = serde_json::from_str(&out).unwrap();
    let ids: Vec<&str> = result["recommendations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["competency"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["SCI.CER.3", "SCI.INQ.3", "SCI.INQ.1"]);
    assert!(result["recommendations"][1]["because"].as_str().unwrap().starts_with("Hace 62 días"));
}

#[test]
fn recommend_names_the_file_and_path_of_a_fault() {
    let cyclic = scratch(
        "cyclic.json",
        r#"{"id": "f", "title": "t", "competencies": [
            {"id": "A", "title": "a", "prerequisites": ["B"]},
            {"id": "B", "title": "b", "prerequisites": ["C"]},
            {"id": "C", "title": "c", "prerequisites": ["A"]}]}"#,
    );
    let (code, out, err) =
        evident(&["recommend", &cyclic, "examples/class.evidence.jsonl", "--student", "s-01"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert_eq!(
        err.trim(),
        format!("{cyclic}: competencies[0].prerequisites[0]: cycle: A → B → C → A")
    );

    let evidence = scratch("evidence.jsonl", "{\"student\": \"s\", \"competency\": \"SCI.CER.1\", \"value\": 3, \"at\": \"2026-11-20\"}\n{\"student\": \"s\"}\n");
    let (code, _, err) =
        evident(&["recommend", "examples/science.framework.json", &evidence, "--student", "s"]);
    assert_eq!(code, 2);
    assert!(err.starts_with(&format!("{evidence}: line 2: competency: missing")), "{err}");

    let (code, _, err) = evident(&[
        "recommend",
        "examples/science.framework.json",
        "examples/class.evidence.jsonl",
        "--student",
        "s",
        "--as-of",
        "soon",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("asOf: `soon` is not a date"), "{err}");
}

#[test]
fn import_case_prints_framework_rubrics_and_unmapped() {
    let package = format!("{ROOT}/../shared/data/case/ccss-math-6-rp.json");
    if !std::path::Path::new(&package).exists() {
        println!("skipped: {package} is not there");
        return;
    }
    let (code, out, err) = evident(&["import-case", &package]);
    assert_eq!(code, 0, "{err}");
    let result: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(result["framework"]["competencies"].as_array().unwrap().len(), 16);
    assert_eq!(result["rubrics"].as_array().unwrap().len(), 0);
    assert_eq!(result["unmapped"].as_array().unwrap().len(), 21);
    // What it prints is a framework `recommend` accepts.
    let framework = scratch("ccss.framework.json", &result["framework"].to_string());
    let (code, _, err) =
        evident(&["recommend", &framework, "examples/class.evidence.jsonl", "--student", "nobody"]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn xapi_prints_the_statements() {
    let (code, out, err) = evident(&[
        "xapi",
        "examples/cer-lab.rubric.json",
        "examples/cer-lab.submission.json",
        "--home-page",
        "https://school.example",
    ]);
    assert_eq!(code, 0, "{err}");
    let statements: Value = serde_json::from_str(&out).unwrap();
    let statements = statements.as_array().unwrap();
    assert_eq!(statements.len(), 4);
    assert_eq!(statements[0]["actor"]["account"]["homePage"], "https://school.example");
    let (code, _, err) = evident(&[
        "xapi",
        "examples/cer-lab.rubric.json",
        "examples/cer-lab.submission.json",
        "--home-page",
        "nowhere",
    ]);
    assert_eq!(code, 2);
    assert_eq!(
        err.trim(),
        "--home-page: homePage: `nowhere` is not an absolute IRI like https://school.example"
    );
}
