//! `evident feedback` and `evident calibrate` run as a user runs them: JSON on stdout and exit
//! 0, or exit 2 with the file and the path of the fault.

use std::process::{Command, Output};

fn evident(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_evident"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("RUST_BACKTRACE", "1")
        .output()
        .expect("the evident binary runs")
}

fn temp_file(name: &str, contents: &str) -> String {
    let dir = std::env::temp_dir().join(format!("evident-feedback-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path.to_string_lossy().into_owned()
}

const RUBRIC: &str = "examples/cer-lab.rubric.json";

#[test]
fn feedback_in_spanish_with_a_target() {
    let submission = temp_file(
        "s.json",
        r#"{"student": "s-9", "responses": {"response": "I think light helps plants grow. The data table shows 12 cm."}}"#,
    );
    let out = evident(&["feedback", RUBRIC, &submission, "--locale", "es", "--target", "4"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let fb: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(fb["locale"], "es");
    assert_eq!(fb["student"], "s-9");
    assert_eq!(fb["goal"]["level"]["value"], 4.0);
    // The rubric's own scale label, in Spanish since the rubric gives it.
    assert_eq!(fb["goal"]["message"], "Tu meta es Avanzado en cada parte.");
    let steps = fb["nextSteps"].as_array().unwrap();
    assert!(!steps.is_empty() && steps.len() <= 3);
}

#[test]
fn a_target_off_the_scale_exits_2() {
    let submission = temp_file("t.json", r#"{"responses": {"response": "x"}}"#);
    let out = evident(&["feedback", RUBRIC, &submission, "--target", "9"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.starts_with("--target: 9 is not a level of the scale"), "{stderr}");
    assert!(!stderr.contains("panicked"));
}

#[test]
fn a_bad_submission_names_its_file_and_path() {
    let submission = temp_file("bad.json", r#"{"responses": {"response": 3}}"#);
    let out = evident(&["feedback", RUBRIC, &submission]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("bad.json: responses.response: expected the student's text"),
        "{stderr}"
    );
}

#[test]
fn calibrate_the_shipped_samples() {
    let out = evident(&["calibrate", RUBRIC, "examples/cer-lab.samples.jsonl"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["rubric"], "cer-lab");
    assert_eq!(report["criteria"].as_array().unwrap().len(), 3);
    assert!(report["overall"]["kappa"].is_number());
}

#[test]
fn bad_samples_exit_2_with_line_and_path() {
    let samples = temp_file(
        "samples.jsonl",
        "{\"submission\": {\"responses\": {}}, \"teacher\": {\"claim\": 2}}\n{\"submission\": {\"responses\": {}}, \"teacher\": {\"claim\": \"3\"}}\n",
    );
    let out = evident(&["calibrate", RUBRIC, &samples]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("samples.jsonl: line 2: teacher.claim: expected the teacher's level (a number), found a string"), "{stderr}");
}
