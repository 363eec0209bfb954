//! `evident score` on JSON Lines (issue 12 part 3) and the CLI's strictness (issue 15):
//! one report a line, a located error per bad line and the run goes on, exit statuses
//! 0 / 1 / 2 / 64 / 74, a byte order mark accepted, error lines capped, NaN flags refused.

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

fn temp_file(name: &str, contents: &str) -> String {
    let dir = std::env::temp_dir().join(format!("evident-batch-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path.to_string_lossy().into_owned()
}

fn stdout_lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

const RUBRIC: &str = "examples/argument.rubric.json";
/// Scored 6 by `tests/cli.rs` (`score_reads_the_submission_from_stdin`).
const SIX: &str = r#"{"responses": {"response": "School should start later because I am tired."}}"#;
/// No text at all: every criterion at its lowest level, 1 point (a level's points default to
/// its value), times the weights 1 + 2 + 1: total 4.
const ZERO: &str = r#"{"responses": {"response": ""}}"#;

#[test]
fn a_jsonl_file_gives_one_report_a_line_and_goes_on_after_a_bad_line() {
    let file = temp_file(
        "subs.jsonl",
        &[SIX, "", r#"{"responses": ["not", "an", "object"]}"#, ZERO, "{broken", SIX].join("\n"),
    );
    let out = evident(&["score", RUBRIC, &file], None);
    assert_eq!(out.status.code(), Some(1), "some lines failed");
    let reports = stdout_lines(&out);
    let totals: Vec<f64> = reports.iter().map(|r| r["total"].as_f64().unwrap()).collect();
    assert_eq!(totals, vec![6.0, 4.0, 6.0]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{stderr}");
    // Line 2 is blank, so the bad ones are lines 3 and 5, numbered as an editor shows them.
    assert_eq!(lines[0], format!("{file}: line 3: responses: expected an object, found a list"));
    assert!(lines[1].starts_with(&format!("{file}: line 5: not valid JSON at line 1")), "{stderr}");
}

#[test]
fn json_lines_on_stdin_and_a_single_document_on_stdin() {
    // Two lines of JSON on stdin: a batch; all good → exit 0, one compact report a line.
    let out = evident(&["score", RUBRIC, "-"], Some(&format!("{SIX}\n{ZERO}\n")));
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(stdout_lines(&out).len(), 2);
    // A pretty-printed document on stdin is one submission, as before (exit 2 when bad).
    let pretty = "{\n  \"responses\": {\n    \"response\": \"School should start later because I am tired.\"\n  }\n}\n";
    let out = evident(&["score", RUBRIC, "-"], Some(pretty));
    assert_eq!(out.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["total"], 6.0);
    let out = evident(&["score", RUBRIC, "-"], Some("{\n \"responses\": 3\n}"));
    assert_eq!(out.status.code(), Some(2));
    // --lines makes even one line a batch.
    let out = evident(&["score", RUBRIC, "-", "--lines"], Some(r#"{"responses": 3}"#));
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("-: line 1: responses:"));
}

#[test]
fn fifty_thousand_bad_lines_print_a_capped_count() {
    let bad = vec![r#"{"responses": 3}"#; 50_000].join("\n");
    let file = temp_file("bad.jsonl", &format!("{SIX}\n{bad}\n"));
    let out = evident(&["score", RUBRIC, &file], None);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout_lines(&out).len(), 1);
    let stderr = String::from_utf8_lossy(&out.stderr);
    // 20 lines of problems, then one line with the count (50,000 − 20 not shown).
    assert_eq!(stderr.lines().count(), 21, "{}", &stderr[..stderr.len().min(2000)]);
    assert!(
        stderr
            .lines()
            .last()
            .unwrap()
            .ends_with("… and 49980 more problems not shown; 50000 of 50001 lines failed"),
        "{stderr}"
    );
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let rubric =
        std::fs::read_to_string(format!("{}/{RUBRIC}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let with_bom = temp_file("bom.rubric.json", &format!("\u{feff}{rubric}"));
    let sub = temp_file("bom.json", &format!("\u{feff}{SIX}"));
    let out = evident(&["score", &with_bom, &sub], None);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let lines = temp_file("bom.jsonl", &format!("\u{feff}{SIX}\n{SIX}\n"));
    let out = evident(&["score", &with_bom, &lines], None);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let evidence = temp_file(
        "bom.evidence.jsonl",
        "\u{feff}{\"student\": \"s1\", \"competency\": \"C\", \"value\": 3, \"at\": \"2026-11-20\"}\n",
    );
    let out = evident(&["mastery", &evidence], None);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn usage_errors_exit_64_and_nan_flags_are_refused() {
    let out = evident(&["scor", RUBRIC], None);
    assert_eq!(out.status.code(), Some(64));
    let out = evident(&["score", RUBRIC], None);
    assert_eq!(out.status.code(), Some(64));
    let out = evident(&["--help"], None);
    assert_eq!(out.status.code(), Some(0));
    for (flag, value) in [("--weight", "NaN"), ("--stale-after-days", "inf")] {
        let out = evident(&["mastery", "examples/class.evidence.jsonl", flag, value], None);
        assert_eq!(out.status.code(), Some(64), "{flag} {value}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(flag) && stderr.contains("not a finite number"), "{stderr}");
    }
    let out =
        evident(&["feedback", RUBRIC, "examples/cer-lab.submission.json", "--target", "NaN"], None);
    assert_eq!(out.status.code(), Some(64));
}

#[test]
fn a_failed_write_exits_74() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        eprintln!("skipped: no /dev/full on this system");
        return;
    };
    for args in [
        vec!["score", "examples/cer-lab.rubric.json", "examples/cer-lab.submission.json"],
        vec!["mastery", "examples/class.evidence.jsonl"],
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_evident"))
            .args(&args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdout(full.try_clone().unwrap())
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(74), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("could not write"));
    }
}

#[test]
fn evidence_off_the_scale_or_from_the_future_is_refused_by_line() {
    let evidence = temp_file(
        "percent.jsonl",
        &[
            r#"{"student": "s1", "competency": "C", "value": 3, "at": "2026-11-20"}"#,
            r#"{"student": "s1", "competency": "C", "value": 85, "at": "2026-11-21"}"#,
            r#"{"student": "s2", "competency": "C", "value": 2, "at": "9999-12-31"}"#,
        ]
        .join("\n"),
    );
    for extra in [&[][..], &["--framework", "examples/science.framework.json"][..]] {
        let mut args = vec!["mastery", evidence.as_str()];
        args.extend_from_slice(extra);
        let out = evident(&args, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        let lines: Vec<&str> = stderr.lines().collect();
        assert!(
            lines[0].starts_with(&format!("{evidence}: line 2: value: 85 is above the scale")),
            "{stderr}"
        );
        assert!(lines[0].contains("looks like a percent"), "{stderr}");
        assert!(
            lines[1].starts_with(&format!("{evidence}: line 3: at: `9999-12-31` is after now")),
            "{stderr}"
        );
        assert!(out.stdout.is_empty());
    }
}
