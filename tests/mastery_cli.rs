//! `evident mastery` end to end: evidence JSON Lines in, estimates out; bad lines named.

use std::io::Write;
use std::process::{Command, Stdio};

fn run(args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_evident"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("evident runs");
    // The command may reject its arguments and exit before reading stdin: a broken pipe here is fine.
    let _ = child.stdin.take().expect("stdin").write_all(stdin.as_bytes());
    let out = child.wait_with_output().expect("evident finishes");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const EVIDENCE: &str = r#"{"student": "s-17", "competency": "SCI.CER.1", "value": 2, "at": "2026-09-10T10:00:00Z", "source": {"task": "lab-1", "rubric": "cer-lab", "criterion": "claim"}}
{"student": "s-17", "competency": "SCI.CER.1", "value": 3, "at": "2026-10-05T10:00:00Z", "source": {"task": "lab-2", "rubric": "cer-lab", "criterion": "claim"}}
{"student": "s-17", "competency": "SCI.CER.1", "value": 4, "at": "2026-11-20T10:00:00Z", "source": {"task": "lab-3", "rubric": "cer-lab", "criterion": "claim"}}
{"student": "s-04", "competency": "SCI.CER.2", "value": 2, "at": "2026-11-20T10:00:00Z"}
"#;

#[test]
fn decaying_average_by_default() {
    let (code, out, err) = run(&["mastery", "-"], EVIDENCE);
    assert_eq!(code, 0, "{err}");
    let estimates: serde_json::Value = serde_json::from_str(&out).expect("JSON out");
    // Sorted by student: s-04 first.
    assert_eq!(estimates[0]["student"], "s-04");
    assert_eq!(estimates[0]["trend"], "unknown");
    // s-17: 2 → 0.65·3 + 0.35·2 = 2.65 → 0.65·4 + 0.35·2.65 = 3.5275, Proficient, rising
    // (4 against mean(2, 3) = 2.5).
    let s17 = &estimates[1];
    assert!((s17["value"].as_f64().unwrap_or(0.0) - 3.5275).abs() < 1e-9);
    assert_eq!(
        (s17["level"].as_f64(), s17["label"].as_str(), s17["mastered"].as_bool()),
        (Some(3.0), Some("Proficient"), Some(true))
    );
    assert_eq!(
        (s17["count"].as_u64(), s17["trend"].as_str(), s17["lastAt"].as_str()),
        (Some(3), Some("rising"), Some("2026-11-20T10:00:00Z"))
    );
}

#[test]
fn method_and_weight_flags() {
    // Weight 0.5: 2 → 2.5 → 3.25.
    let (code, out, _) = run(&["mastery", "-", "--weight", "0.5"], EVIDENCE);
    assert_eq!(code, 0);
    let estimates: serde_json::Value = serde_json::from_str(&out).expect("JSON out");
    assert_eq!(estimates[1]["value"].as_f64(), Some(3.25));
    let (code, out, _) = run(&["mastery", "-", "--method", "highest"], EVIDENCE);
    assert_eq!(code, 0);
    let estimates: serde_json::Value = serde_json::from_str(&out).expect("JSON out");
    assert_eq!(estimates[1]["value"].as_f64(), Some(4.0));
}

#[test]
fn bad_lines_exit_2_naming_each_line() {
    let bad = "{\"student\": \"s-1\", \"competency\": \"M.1\", \"value\": \"3\", \"at\": \"2026-11-20T10:00:00Z\"}\n{\"student\": \"s-1\", \"competency\": \"M.1\", \"value\": 3, \"at\": \"2026-13-20\"}\n";
    let (code, out, err) = run(&["mastery", "-"], bad);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("-: line 1: value: expected a number, found a string"), "{err}");
    assert!(err.contains("-: line 2: at: `2026-13-20` is not a date-time"), "{err}");
    let (code, _, err) = run(&["mastery", "-", "--method", "decaying"], EVIDENCE);
    assert_eq!(code, 2);
    assert!(err.contains("method: unknown method `decaying`"), "{err}");
}

#[test]
fn a_framework_rolls_estimates_up_to_parents() {
    let framework = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/science.framework.json");
    let evidence = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/class.evidence.jsonl");
    let (code, out, err) = run(&["mastery", evidence, "--framework", framework], "");
    assert_eq!(code, 0, "{err}");
    let rolled: serde_json::Value = serde_json::from_str(&out).expect("JSON out");
    let (code, out, _) = run(&["mastery", evidence], "");
    assert_eq!(code, 0);
    let plain: serde_json::Value = serde_json::from_str(&out).expect("JSON out");
    // The roll-up adds parent competencies, which no evidence names directly.
    let count = |v: &serde_json::Value| v.as_array().map_or(0, Vec::len);
    assert!(count(&rolled) > count(&plain), "{} <= {}", count(&rolled), count(&plain));
}
