//! Hostile input natively (issue 15): limits refused with located errors, long runs of any
//! whitespace after non-ASCII text scored correctly on the full-score and live paths, JSON
//! text refused at the same depth as JS objects. Times are printed by `benches/hostile.rs`,
//! never asserted here.

use evident::limits::{self, Limits};
use evident::rubric::model::Response;
use evident::scoring::Session;
use evident::{CompiledRubric, Submission};
use std::rc::Rc;

/// Indicators met only by exactly three words and exactly two sentences.
const COUNTS: &str = r#"{
  "id": "counts", "title": "Counts",
  "criteria": [{
    "id": "c", "title": "C",
    "levels": [
      {"value": 1, "descriptor": "not yet"},
      {"value": 2, "descriptor": "three words in two sentences", "requires": ["three-words", "two-sentences"]}
    ],
    "indicators": [
      {"id": "three-words", "check": {"type": "wordCount", "min": 3, "max": 3}},
      {"id": "two-sentences", "check": {"type": "sentenceCount", "min": 2, "max": 2}}
    ]
  }]
}"#;

fn submission(text: &str) -> Submission {
    let mut s = Submission::default();
    s.responses.insert("response".into(), Response::Text(text.into()));
    s
}

fn met(report: &evident::ScoreReport) -> Vec<String> {
    let json = serde_json::to_value(report).unwrap();
    json["criteria"][0]["met"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["indicator"].as_str().unwrap().to_string())
        .collect()
}

/// "Café. " then 100,000 spaces of each kind, then "Light grows.": three words and two
/// sentences (UAX #29: the spaces stay with "Café.", SB9/SB10; the capital starts the next
/// sentence, SB11). Before: 108 s in Chromium for ASCII spaces, 13.6 s for 40,000 U+00A0.
/// The live session, typing the last words after the run, agrees with the full score.
#[test]
fn long_runs_of_whitespace_after_non_ascii_text_score_right() {
    let rubric = Rc::new(CompiledRubric::from_json(COUNTS).expect("valid rubric"));
    for space in [" ", "\u{a0}", "\u{3000}", "\u{2003}", "\u{2009}", "\t"] {
        let text = format!("Café. {}Light grows.", space.repeat(100_000));
        let report = rubric.score(&submission(&text)).expect("scores");
        assert_eq!(met(&report), vec!["three-words", "two-sentences"], "{space:?}");
        assert_eq!(report.criteria[0].level, 2.0);

        let mut session = Session::new(Rc::clone(&rubric), Submission::default(), "response");
        let head = format!("Café. {}", space.repeat(100_000));
        session.update(&head);
        session.update(&format!("{head}Light"));
        session.update(&text);
        let live = session.report().clone();
        assert_eq!(live, report, "{space:?}");
    }
    // Lower case after the run continues the sentence (SB8): one sentence, not two.
    let text = format!("Café. {}light grows.", "\u{a0}".repeat(100_000));
    let report = rubric.score(&submission(&text)).expect("scores");
    assert_eq!(met(&report), vec!["three-words"]);
}

/// Limits are located errors: criteria, indicators, patterns by their shape, answers.
#[test]
fn a_rubric_over_the_limits_is_refused_with_paths() {
    let indicator = |i: usize| {
        format!(r#"{{"id": "i{i}", "check": {{"type": "phrases", "anyOf": ["word{i}"]}}}}"#)
    };
    let many: Vec<String> = (0..5_000).map(indicator).collect();
    let rubric = format!(
        r#"{{"id": "big", "title": "Big", "criteria": [{{"id": "c", "title": "C",
            "levels": [{{"value": 1, "descriptor": "-"}}, {{"value": 2, "descriptor": "-", "requires": ["i0"]}}],
            "indicators": [{}]}}]}}"#,
        many.join(",")
    );
    let error = CompiledRubric::from_json(&rubric).expect_err("too many indicators");
    assert_eq!(error.problems()[0].path, "criteria");
    assert_eq!(
        error.problems()[0].message,
        "5000 indicators in all criteria; at most 500 (limit `indicators`)"
    );
    // Refused by its counts before the rest is read: a mistake further in (an unknown key in
    // the last indicator) is not reported, as the walk that would find it never runs.
    let with_mistake = rubric.replace(r#""id": "i4999", "check""#, r#""id": "i4999", "chek""#);
    assert_ne!(with_mistake, rubric);
    let error = CompiledRubric::from_json(&with_mistake).expect_err("too many indicators");
    assert_eq!(error.problems().len(), 1, "{error}");
    // Within the limit, the same mistake is found.
    let before = limits::set(Limits { indicators: 5_000, ..Limits::default() });
    let error = CompiledRubric::from_json(&with_mistake).expect_err("a misspelt key");
    assert!(
        error.problems().iter().any(|p| p.path.starts_with("criteria[0].indicators[4999]")),
        "{error}"
    );
    limits::set(before);
    // Raised for this thread, the same rubric compiles.
    let before = limits::set(Limits { indicators: 5_000, ..Limits::default() });
    assert!(CompiledRubric::from_json(&rubric).is_ok());
    limits::set(before);

    for (regex, says) in [
        ("(?:[a-z]+ ){1,300}zzz", "a repetition of up to 300 times; at most 20"),
        (".{0,3000}z", "a repetition of up to 3000 times; at most 20"),
        ("(?:(?:ab){20}){20}", "800 units long"),
    ] {
        let rubric = COUNTS.replace(
            r#"{"type": "wordCount", "min": 3, "max": 3}"#,
            &format!(r#"{{"type": "pattern", "regex": {}}}"#, serde_json::Value::from(regex)),
        );
        let error = CompiledRubric::from_json(&rubric).expect_err(regex);
        // (The regex compiler's own size limit may also speak, natively: it differs from
        // wasm's. The shape check below is the same on both.)
        let problem = error.problems().iter().find(|p| p.message.contains(says));
        let problem = problem.unwrap_or_else(|| panic!("{regex}: {error}"));
        assert_eq!(problem.path, "criteria[0].indicators[0].check.regex", "{regex}");
    }
}

/// A pattern reads a sentence's first `patternReach` characters (2,000 by default): a
/// paste with no full stop is one sentence, re-read on every keystroke in it. The same
/// mark found near the start is found; past the reach it is not, unless the limit is raised
/// before the rubric is compiled (the compiled rubric keeps the reach it was made with).
#[test]
fn a_pattern_reads_a_bounded_span_of_each_sentence() {
    let rubric = r#"{"id": "ph", "title": "pH", "criteria": [{"id": "c", "title": "C",
      "levels": [{"value": 1, "descriptor": "no"}, {"value": 2, "descriptor": "pH", "requires": ["ph"]}],
      "indicators": [{"id": "ph", "check": {"type": "pattern", "regex": "\\bpH \\d+\\b"}}]}]}"#;
    // 1,980 characters of words, then the measurement: it ends at character 1,984.
    let filler = "we added some water ".repeat(100);
    let near = format!("{}pH 7 and more", &filler[..1980]);
    let far = format!("{filler}{filler}pH 7 and more");
    let default = CompiledRubric::from_json(rubric).expect("compiles");
    assert_eq!(met(&default.score(&submission(&near)).unwrap()), vec!["ph"]);
    assert!(met(&default.score(&submission(&far)).unwrap()).is_empty());
    // The same text in sentences: each is read whole.
    let sentences = format!("{}. The pH 7 sample grew.", &filler[..filler.len() - 1]).repeat(2);
    assert_eq!(met(&default.score(&submission(&sentences)).unwrap()), vec!["ph"]);
    let before = limits::set(Limits { pattern_reach: 5_000, ..Limits::default() });
    let wide = CompiledRubric::from_json(rubric).expect("compiles");
    limits::set(before);
    assert_eq!(met(&wide.score(&submission(&far)).unwrap()), vec!["ph"]);
    // The live session reads the same span.
    let mut session = Session::new(Rc::new(default), submission(""), "response");
    session.update(&far);
    assert!(met(session.report()).is_empty());
    session.update(&near);
    assert_eq!(met(session.report()), vec!["ph"]);
}

#[test]
fn an_answer_over_the_limit_is_refused_at_its_field() {
    let long = format!(r#"{{"responses": {{"response": "{}"}}}}"#, "ab ".repeat(40_000));
    let error = evident::parse_submission(&long).expect_err("120,000 characters");
    assert_eq!(error.problems()[0].path, "responses.response");
    assert_eq!(
        error.problems()[0].message,
        "an answer of 120000 characters; at most 100000 are scored (limit `answerChars`)"
    );
}

/// A rubric or submission whose JSON text is over `textChars` is refused before it is parsed
/// (a 16 MB rubric took 40–100 ms to parse in Chromium), counted in characters: 3,000,000
/// two-byte letters are 6,000,000 bytes but within the default 4,000,000 characters.
#[test]
fn json_text_over_text_chars_is_refused_before_it_is_parsed() {
    assert_eq!(Limits::default().text_chars, 4_000_000);
    let rubric = include_str!("../examples/cer-lab.rubric.json");
    // The same rubric with a long description: valid, only too long.
    let padded = |filler: &str, n: usize| {
        let task = "\"Does the amount of light";
        rubric.replacen(task, &format!("\"{}Does the amount of light", filler.repeat(n)), 1)
    };
    let big = padded("word ", 800_001);
    assert!(big.len() > 4_000_000);
    let Err(error) = evident::CompiledRubric::from_json(&big) else { panic!("over textChars") };
    assert_eq!(error.path(), "");
    assert_eq!(
        error.to_string(),
        format!(
            "a rubric of {} characters of JSON; at most 4000000 are read (limit `textChars`)",
            big.chars().count()
        )
    );
    let accented = padded("é", 3_000_000);
    assert!(accented.len() > 4_000_000 && accented.chars().count() < 4_000_000);
    assert!(evident::CompiledRubric::from_json(&accented).is_ok());
    let before = limits::set(Limits { text_chars: 5_000_000, ..Limits::default() });
    assert!(evident::CompiledRubric::from_json(&big).is_ok());
    limits::set(before);
    // A submission alike: five answers of 90,000 characters, each within `answerChars`.
    let answer = "ab ".repeat(30_000);
    let fields: Vec<String> = (0..5).map(|i| format!(r#""f{i}": "{answer}""#)).collect();
    let submission = format!(r#"{{"responses": {{{}}}}}"#, fields.join(", "));
    assert!(evident::parse_submission(&submission).is_ok());
    let before = limits::set(Limits { text_chars: 400_000, ..Limits::default() });
    let error = evident::parse_submission(&submission).expect_err("over textChars");
    assert!(error.to_string().ends_with("at most 400000 are read (limit `textChars`)"), "{error}");
    limits::set(before);
}

/// JSON text nested 127 deep is read; 128 deep is refused (serde_json's limit), which is the
/// depth at which the wasm binding refuses a JS object (`Limits::depth`).
#[test]
fn json_text_and_js_objects_share_one_depth_limit() {
    assert_eq!(Limits::default().depth, 127);
    let nested = |depth: usize| format!("{}1{}", "[".repeat(depth), "]".repeat(depth));
    assert!(evident::json::parse_document(&nested(127)).is_ok());
    let error = evident::json::parse_document(&nested(128)).unwrap_err();
    assert!(error.to_string().contains("recursion limit exceeded"), "{error}");
    // A leading byte order mark is skipped.
    assert!(evident::json::parse_document("\u{feff}{\"a\": 1}").is_ok());
}

/// A weight of 1e308 used to give `total: null` (the sum overflowed).
#[test]
fn weights_that_would_overflow_are_refused() {
    let rubric = COUNTS
        .replace(r#""id": "c", "title": "C","#, r#""id": "c", "title": "C", "weight": 1e308,"#);
    let error = CompiledRubric::from_json(&rubric).expect_err("huge weight");
    assert_eq!(error.problems()[0].path, "criteria[0].weight");
}
