//! The `evident` command line, run as a user runs it: good input gives JSON on stdout and
//! exit 0; bad input exits 2 naming the file and the JSON path, with no panic or backtrace.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn evident(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_evident"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("RUST_BACKTRACE", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the evident binary runs");
    let mut input = child.stdin.take().unwrap();
    if let Some(text) = stdin {
        let _ = input.write_all(text.as_bytes()); // the command may exit before reading
    }
    drop(input);
    child.wait_with_output().unwrap()
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!("stdout is not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout))
    })
}

fn temp_file(name: &str, contents: &str) -> String {
    let dir = std::env::temp_dir().join(format!("evident-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn score_prints_the_report() {
    let out = evident(
        &["score", "examples/cer-lab.rubric.json", "examples/cer-lab.submission.json"],
        None,
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report = json(&out);
    // Worked out in tests/scoring.rs: 11 of 12 points, overall Advanced.
    assert_eq!(report["total"], 11.0);
    assert_eq!(report["max"], 12.0);
    assert_eq!(report["level"]["label"], "Advanced");
    assert_eq!(report["criteria"][2]["source"], "rating");
    let span = &report["criteria"][0]["met"][0]["spans"][0];
    assert_eq!(
        (span["field"].as_str(), span["start"].as_u64(), span["end"].as_u64()),
        (Some("response"), Some(0), Some(8))
    );
}

#[test]
fn score_reads_the_submission_from_stdin() {
    let out = evident(
        &["score", "examples/argument.rubric.json", "-"],
        Some(r#"{"responses": {"response": "School should start later because I am tired."}}"#),
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(json(&out)["total"], 6.0);
}

#[test]
fn a_bad_rubric_exits_2_naming_file_and_path() {
    let rubric = std::fs::read_to_string(format!(
        "{}/examples/cer-lab.rubric.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let bad =
        temp_file("bad-rubric.json", &rubric.replacen(r#""points": 0"#, r#""points": "none""#, 1));
    let out = evident(&["score", &bad, "examples/cer-lab.submission.json"], None);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr.trim(),
        format!("{bad}: criteria[0].levels[0].points: expected a number, found a string")
    );
    assert!(out.stdout.is_empty());
    assert!(!stderr.contains("panicked") && !stderr.contains("backtrace"));
}

#[test]
fn a_bad_submission_names_the_submission_file() {
    let sub = temp_file(
        "bad-sub.json",
        r#"{"responses": {"response": "ok"}, "ratings": {"claim": {"value": "three"}}}"#,
    );
    let out = evident(&["score", "examples/cer-lab.rubric.json", &sub], None);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        format!("{sub}: ratings.claim.value: expected a number, found a string")
    );
}

#[test]
fn a_missing_file_and_broken_json_are_clear_errors() {
    let out = evident(&["score", "no-such-rubric.json", "-"], Some("{}"));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("no-such-rubric.json: cannot read:"));

    let out = evident(&["lint", "-"], Some("{\"id\": "));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("-: not valid JSON at line 1"));
}

#[test]
fn lint_separates_errors_from_advice() {
    let out = evident(&["lint", "examples/argument.rubric.json"], None);
    assert!(out.status.success());
    let result = json(&out);
    assert_eq!(result["errors"].as_array().unwrap().len(), 0);
    assert!(result["advice"].is_array());

    let out = evident(
        &["lint", "-"],
        Some(r#"{"id": "r", "title": "R", "kind": "holistc", "criteria": []}"#),
    );
    assert_eq!(out.status.code(), Some(2));
    let result = json(&out);
    assert_eq!(result["errors"][0]["path"], "kind");
    assert_eq!(result["errors"][0]["message"], "unknown kind `holistc`; did you mean `holistic`?");
}

#[test]
fn schema_describes_the_formats() {
    let out = evident(&["schema", "rubric"], None);
    assert!(out.status.success());
    let schema = json(&out);
    assert!(schema["$schema"].as_str().unwrap().contains("json-schema.org"));
    let required: Vec<&str> =
        schema["required"].as_array().unwrap().iter().filter_map(|v| v.as_str()).collect();
    assert!(required.contains(&"criteria") && required.contains(&"id"), "{required:?}");

    let out = evident(&["schema", "rubrik"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown format `rubrik`"));
}

#[test]
fn a_reader_that_stops_early_gets_no_panic() {
    use std::io::Read;
    // `evident mastery … | head -c 10`: the pipe closes after a few bytes of a long output.
    let mut child = Command::new(env!("CARGO_BIN_EXE_evident"))
        .args(["mastery", "examples/class.evidence.jsonl"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("RUST_BACKTRACE", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 10];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // Dropping our end of stdout closes the pipe.
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(&first[..1], b"[");
}
