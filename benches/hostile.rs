//! The worst inputs of issue 15, natively: how long one call takes on each. Prints times;
//! asserts nothing. Cases over a default limit are run with the limit raised (to show what the
//! limit saves) and at the limit (what a caller can still make the engine do).
//!
//! `cargo bench --bench hostile` (EVIDENT_HOSTILE_QUICK=1 for a shorter run)

#[path = "lab_text.rs"]
mod lab_text;

use evident::limits::{self, Limits};
use evident::rubric::model::Response;
use evident::scoring::Session;
use evident::{CompiledRubric, Submission};
use std::hint::black_box;
use std::rc::Rc;
use std::time::Instant;

/// Runs `f` once and prints how long it took.
fn time<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let started = Instant::now();
    let out = black_box(f());
    println!("{:>12.2} ms  {what}", started.elapsed().as_secs_f64() * 1e3);
    out
}

fn with_limits<T>(limits: Limits, f: impl FnOnce() -> T) -> T {
    let before = limits::set(limits);
    let out = f();
    limits::set(before);
    out
}

fn unlimited() -> Limits {
    Limits {
        answer_chars: u32::MAX,
        indicators: u32::MAX,
        phrases: u32::MAX,
        pattern_chars: u32::MAX,
        pattern_repeat: u32::MAX,
        pattern_size: u32::MAX,
        ..Limits::default()
    }
}

fn submission(text: &str) -> Submission {
    let mut s = Submission::default();
    s.responses.insert("response".into(), Response::Text(text.into()));
    s
}

/// A one-criterion rubric whose indicators are `checks` (JSON check objects).
fn rubric_of(checks: &[String]) -> String {
    let indicators: Vec<String> = checks
        .iter()
        .enumerate()
        .map(|(i, check)| format!(r#"{{"id": "i{i}", "check": {check}}}"#))
        .collect();
    format!(
        r#"{{"id": "h", "title": "Hostile", "criteria": [{{"id": "c", "title": "C",
            "levels": [{{"value": 1, "descriptor": "-"}}, {{"value": 2, "descriptor": "-", "requires": ["i0"]}}],
            "indicators": [{}]}}]}}"#,
        indicators.join(",")
    )
}

fn pattern(regex: &str) -> String {
    format!(r#"{{"type": "pattern", "regex": {}}}"#, serde_json::Value::from(regex))
}

fn main() {
    let quick = std::env::var("EVIDENT_HOSTILE_QUICK").is_ok();
    let words = |n: usize| "light grows in the dark ".repeat(n / 5);

    println!("== patterns (compile + one full score)");
    let big = if quick { 20_000 } else { 100_000 };
    let cases: [(&str, String); 5] = [
        ("(?:[a-z]+ ){1,300}zzz", words(20_000)),
        (".{0,3000}z", "a".repeat(big)),
        // At the default limits (repetition 20, size 80), on an answer at the default limit.
        ("(?:[a-z]+ ){1,20}(?:[a-z]+ ){1,6}zz", words(20_000)),
        (".{0,20}.{0,20}.{0,20}z", "a".repeat(100_000)),
        (r"\d+(?:\.\d+)?\s*(?:cm|mm|centimet\w*)", words(20_000)),
    ];
    for (regex, text) in &cases {
        let json = rubric_of(&[pattern(regex)]);
        let refused =
            CompiledRubric::from_json(&json).err().map(|e| e.problems()[0].message.clone());
        let label = format!("{regex} on {} characters", text.len());
        if refused.is_some() {
            with_limits(unlimited(), || match CompiledRubric::from_json(&json) {
                Ok(rubric) => {
                    time(&format!("{label} (limits raised)"), || {
                        rubric.score(&submission(text)).is_ok()
                    });
                }
                Err(e) => println!("{:>12}     {label}: the regex compiler refuses it: {e}", "-"),
            });
        }
        match refused {
            Some(message) => {
                println!("{:>12}     default limits: refused at compile time: {message}", "-")
            }
            None => {
                let rubric = CompiledRubric::from_json(&json).expect("within the limits");
                time(&format!("{label} (default limits)"), || {
                    rubric.score(&submission(text)).is_ok()
                });
            }
        }
    }

    println!("== many indicators (session start, then one keystroke at the end of 1,000 words)");
    for count in [5_000usize, 500] {
        let checks: Vec<String> = (0..count)
            .map(|i| format!(r#"{{"type": "phrases", "anyOf": ["word{i}", "light {i}"]}}"#))
            .collect();
        let json = rubric_of(&checks);
        with_limits(unlimited(), || {
            let rubric = Rc::new(time(&format!("compile {count} indicators"), || {
                CompiledRubric::from_json(&json).expect("compiles")
            }));
            let text = lab_text::lab_text(1_000);
            let mut session = time(&format!("session start, {count} indicators"), || {
                let mut s = Session::new(Rc::clone(&rubric), Submission::default(), "response");
                s.update(&text);
                s
            });
            let typed = format!("{text} a");
            time(&format!("one keystroke, {count} indicators"), || {
                session.update(&typed);
                session.report().total
            });
        });
    }

    println!("== 100,000 of each whitespace after \"Café. \" (full score, then live update)");
    let counts = CompiledRubric::from_json(&rubric_of(&[
        r#"{"type": "wordCount", "min": 3}"#.to_string(),
        r#"{"type": "sentenceCount", "min": 2}"#.to_string(),
    ]))
    .expect("valid");
    let counts = Rc::new(counts);
    let n = if quick { 20_000 } else { 100_000 };
    for (name, space) in [
        ("space", " "),
        ("no-break space U+00A0", "\u{a0}"),
        ("ideographic space U+3000", "\u{3000}"),
        ("em space U+2003", "\u{2003}"),
        ("thin space U+2009", "\u{2009}"),
        ("tab", "\t"),
        ("closing parenthesis", ")"),
        ("combining acute U+0301", "\u{301}"),
    ] {
        let text = format!("Café. {}Light grows.", space.repeat(n));
        time(&format!("full score, {name}"), || counts.score(&submission(&text)).is_ok());
        let mut session = Session::new(Rc::clone(&counts), Submission::default(), "response");
        let head = format!("Café. {}", space.repeat(n));
        session.update(&head);
        time(&format!("live update, {name}"), || {
            session.update(&text);
            session.report().total
        });
    }
    let text = format!("Café. {}light grows.", " ".repeat(300));
    time("general segmenter itself, 300 spaces (quadratic: compare)", || {
        unicode_segmentation_count(&text)
    });

    println!("== answers");
    let lab = CompiledRubric::from_json(lab_text::RUBRIC).expect("lab rubric");
    let long = lab_text::lab_text(16_000); // about 100,000 characters: the answer limit
    time(&format!("full score of {} characters (lab rubric)", long.len()), || {
        lab.score(&submission(&long)).is_ok()
    });

    println!("== evidence");
    let records = if quick { 100_000 } else { 1_000_000 };
    let mut jsonl = String::with_capacity(records * 80);
    for i in 0..records {
        jsonl.push_str(&format!(
            "{{\"student\": \"s{}\", \"competency\": \"C.{}\", \"value\": {}, \"at\": \"2026-{:02}-{:02}T10:00:00Z\"}}\n",
            i % 500,
            i % 7,
            1 + i % 4,
            1 + i % 11,
            1 + i % 28
        ));
    }
    let table = time(&format!("read {records} records (JSON Lines)"), || {
        evident::mastery::EvidenceTable::from_jsonl(&jsonl).expect("valid evidence")
    });
    let options = evident::mastery::MasteryOptions::default();
    time(&format!("check {records} records against the scale and the calendar"), || {
        evident::mastery::check_evidence(
            &table,
            evident::mastery::Origin::Lines(&jsonl),
            &options,
            evident::mastery::now(),
        )
        .is_ok()
    });
    time(&format!("estimates from {records} records"), || {
        evident::mastery::estimate_rows(&table, &options).len()
    });
    let over = Limits { evidence_records: (records / 2) as u32, ..Limits::default() };
    with_limits(over, || {
        time(&format!("refuse {records} records over a limit of {}", records / 2), || {
            evident::mastery::parse_evidence_jsonl(&jsonl).is_err()
        });
    });
}

/// Sentences by unicode-segmentation directly (what the engine did before).
fn unicode_segmentation_count(text: &str) -> usize {
    use unicode_segmentation::UnicodeSegmentation;
    text.split_sentence_bound_indices().count()
}
