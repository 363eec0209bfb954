//! `evident recommend`, `evident import-case` and `evident xapi` as a user runs them.

use serde_json::Value;
use std::process::Command;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn evident(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_evident")).args(args).current_dir(ROOT).output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

fn scratch(name: &str, text: &str) -> String {
    let path = std::env::temp_dir().join(format!("evident-framework-cli-{}-{name}", std::process::id()));
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn recommend_for_a_student_of_the_example_class() {
    let (code, out, err) = evident(&[
        "recommend", "examples/science.framework.json", "examples/class.evidence.jsonl",
        "--student", "s-02", "--catalog", "examples/science.catalog.json", "--as-of", "2026-11-24",
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
    // s-02's records: SCI.CER.3 went 1 → 2 (rising, not yet 3): near mastery. SCI.INQ.3 was
    // a 3 on Sep 22, 62 days before Nov 24: reinforce. SCI.INQ.1 is a 2 with nothing before
    // it: ready. SCI.INQ.2 waits for SCI.INQ.1; SCI.COM.1 for all of SCI.CER.
    assert_eq!(got, [("SCI.CER.3", "nearMastery"), ("SCI.INQ.3", "reinforce"), ("SCI.INQ.1", "ready")]);
    let tasks: Vec<&str> = result["recommendations"][0]["tasks"].as_array().unwrap().iter().map(|t| t["id"].as_str().unwrap()).collect();
    assert_eq!(tasks, ["why-explain", "lab-3", "poster"]);

    let (code, out, _) = evident(&["recommend", "examples/science.framework.json", "examples/class.evidence.jsonl", "--student", "s-02", "--locale", "es", "--as-of", "2026-11-24"]);
    assert_eq!(code, 0);
    let result: Value = serde_json::from_str(&out).unwrap();
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
    let (code, out, err) = evident(&["recommend", &cyclic, "examples/class.evidence.jsonl", "--student", "s-01"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert_eq!(err.trim(), format!("{cyclic}: competencies[0].prerequisites[0]: cycle: A → B → C → A"));

    let evidence = scratch("evidence.jsonl", "{\"student\": \"s\", \"competency\": \"SCI.CER.1\", \"value\": 3, \"at\": \"2026-11-20\"}\n{\"student\": \"s\"}\n");
    let (code, _, err) = evident(&["recommend", "examples/science.framework.json", &evidence, "--student", "s"]);
    assert_eq!(code, 2);
    assert!(err.starts_with(&format!("{evidence}: line 2: missing field")), "{err}");

    let (code, _, err) = evident(&["recommend", "examples/science.framework.json", "examples/class.evidence.jsonl", "--student", "s", "--as-of", "soon"]);
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
    let (code, _, err) = evident(&["recommend", &framework, "examples/class.evidence.jsonl", "--student", "nobody"]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn xapi_prints_the_statements() {
    let (code, out, err) = evident(&["xapi", "examples/cer-lab.rubric.json", "examples/cer-lab.submission.json", "--home-page", "https://school.example"]);
    assert_eq!(code, 0, "{err}");
    let statements: Value = serde_json::from_str(&out).unwrap();
    let statements = statements.as_array().unwrap();
    assert_eq!(statements.len(), 4);
    assert_eq!(statements[0]["actor"]["account"]["homePage"], "https://school.example");
    let (code, _, err) = evident(&["xapi", "examples/cer-lab.rubric.json", "examples/cer-lab.submission.json", "--home-page", "nowhere"]);
    assert_eq!(code, 2);
    assert!(err.contains("homePage: `nowhere` is not an absolute IRI"), "{err}");
}
