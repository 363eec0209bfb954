//! The mastery functions of the wasm binding, called as JavaScript calls them, in headless
//! Chromium: computeMastery, evidenceFromReport, parseEvidence.
#![cfg(target_arch = "wasm32")]

use evident::wasm::mastery::{compute_mastery, evidence_from_report, parse_evidence};
use js_sys::{Array, Reflect, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const CLASS_EVIDENCE: &str = include_str!("../examples/class.evidence.jsonl");

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &key.into()).expect("property")
}

fn js(text: &str) -> JsValue {
    JSON::parse(text).expect("test JSON")
}

#[wasm_bindgen_test]
fn compute_mastery_from_a_list_with_options() {
    let records = js(r#"[
        {"student": "s-17", "competency": "SCI.CER.1", "value": 4, "at": "2026-11-20T10:00:00Z"},
        {"student": "s-17", "competency": "SCI.CER.1", "value": 2, "at": "2026-09-10T10:00:00Z"}]"#);
    let estimates = Array::from(
        &compute_mastery(records, js(r#"{"method": "decayingAverage", "weight": 0.65}"#))
            .expect("estimates"),
    );
    assert_eq!(estimates.length(), 1);
    let e = estimates.get(0);
    // In time order 2 then 4: 0.65·4 + 0.35·2 = 3.3; level 3; rising (4 against 2).
    assert!((get(&e, "value").as_f64().unwrap_or(0.0) - 3.3).abs() < 1e-12);
    assert_eq!(get(&e, "level").as_f64(), Some(3.0));
    assert_eq!(get(&e, "mastered").as_bool(), Some(true));
    assert_eq!(get(&e, "trend").as_string().as_deref(), Some("rising"));
    assert_eq!(get(&e, "lastAt").as_string().as_deref(), Some("2026-11-20T10:00:00Z"));
}

#[wasm_bindgen_test]
fn compute_mastery_takes_json_lines_and_default_options() {
    let estimates = Array::from(
        &compute_mastery(JsValue::from_str(CLASS_EVIDENCE), JsValue::UNDEFINED).expect("estimates"),
    );
    assert!(estimates.length() > 0);
    // Sorted by student, then competency.
    let first = get(&estimates.get(0), "student").as_string().unwrap_or_default();
    let last =
        get(&estimates.get(estimates.length() - 1), "student").as_string().unwrap_or_default();
    assert!(first <= last, "{first} > {last}");
}

#[wasm_bindgen_test]
fn json_lines_and_a_list_give_the_same_objects_with_every_key() {
    // Names beyond ASCII (the text crosses in more than one pass), one written with an escape,
    // a time with an offset, a value between levels.
    let text = concat!(
        r#"{"student": "Zoë", "competency": "SCI.CER.1", "value": 2, "at": "2026-09-10T10:00:00Z"}"#,
        "\n",
        r#"{"student": "Zo\u00eb", "competency": "SCI.CER.1", "value": 4, "at": "2026-11-20T12:00:00+02:00"}"#,
        "\n",
        r#"{"student": "Ñandú", "competency": "MATH.1", "value": 3.5, "at": "2026-11-01"}"#,
        "\n",
    );
    let options = r#"{"method": "latest", "staleAfterDays": 10}"#;
    let from_text =
        compute_mastery(JsValue::from_str(text), js(options)).expect("estimates from JSON Lines");
    let list = js(&format!("[{}]", text.trim_end().replace('\n', ",")));
    let from_list = compute_mastery(list, js(options)).expect("estimates from a list");
    let json =
        |v: &JsValue| JSON::stringify(v).ok().and_then(|s| s.as_string()).unwrap_or_default();
    assert_eq!(json(&from_text), json(&from_list));
    let estimates = Array::from(&from_text);
    assert_eq!(estimates.length(), 2);
    // "Zoë" sorts before "Ñandú" (Z is below any byte of Ñ). Latest in time: 12:00+02:00 is
    // 10:00Z on 20 November, value 4; rising against the earlier 2. "Now" is that latest record.
    let zoe = estimates.get(0);
    let keys: Vec<String> =
        js_sys::Object::keys(&zoe.clone().into()).iter().filter_map(|k| k.as_string()).collect();
    assert_eq!(
        keys,
        [
            "student",
            "competency",
            "value",
            "level",
            "label",
            "mastered",
            "count",
            "trend",
            "lastAt",
            "stale"
        ]
    );
    assert_eq!(get(&zoe, "student").as_string().as_deref(), Some("Zoë"));
    assert_eq!(
        (get(&zoe, "value").as_f64(), get(&zoe, "level").as_f64(), get(&zoe, "count").as_f64()),
        (Some(4.0), Some(4.0), Some(2.0))
    );
    assert_eq!(get(&zoe, "label").as_string().as_deref(), Some("Advanced"));
    assert_eq!(get(&zoe, "trend").as_string().as_deref(), Some("rising"));
    assert_eq!(get(&zoe, "lastAt").as_string().as_deref(), Some("2026-11-20T12:00:00+02:00"));
    assert_eq!(get(&zoe, "stale").as_bool(), Some(false));
    // One record of 3.5: level 3, mastered; 19 days before "now", more than 10: stale.
    let nandu = estimates.get(1);
    assert_eq!(get(&nandu, "student").as_string().as_deref(), Some("Ñandú"));
    assert_eq!(
        (get(&nandu, "value").as_f64(), get(&nandu, "level").as_f64()),
        (Some(3.5), Some(3.0))
    );
    assert_eq!(
        (get(&nandu, "mastered").as_bool(), get(&nandu, "stale").as_bool()),
        (Some(true), Some(true))
    );
    assert_eq!(get(&nandu, "trend").as_string().as_deref(), Some("unknown"));
    // Without staleAfterDays there is no `stale` key at all.
    let plain = Array::from(
        &compute_mastery(JsValue::from_str(text), JsValue::UNDEFINED).expect("estimates"),
    )
    .get(0);
    assert!(!Reflect::has(&plain, &"stale".into()).unwrap_or(true));
}

#[wasm_bindgen_test]
fn bad_records_and_options_throw_evident_errors_with_paths() {
    let records =
        js(r#"[{"student": "s-1", "competency": "M.1", "value": "3", "at": "2026-11-20"}]"#);
    let err = compute_mastery(records, JsValue::UNDEFINED).expect_err("a string value");
    assert_eq!(get(&err, "name").as_string().as_deref(), Some("EvidentError"));
    assert_eq!(get(&err, "path").as_string().as_deref(), Some("[0].value"));
    let err =
        compute_mastery(js("[]"), js(r#"{"method": "median"}"#)).expect_err("an unknown method");
    assert_eq!(get(&err, "path").as_string().as_deref(), Some("method"));
}

#[wasm_bindgen_test]
fn parse_evidence_lists_every_bad_line() {
    let ok = Array::from(
        &parse_evidence(JsValue::from_str(CLASS_EVIDENCE)).expect("the example parses"),
    );
    assert_eq!(
        ok.length() as usize,
        CLASS_EVIDENCE.lines().filter(|l| !l.trim().is_empty()).count()
    );
    let bad = "{\"student\": \"s-1\", \"competency\": \"M.1\", \"value\": 3, \"at\": \"soon\"}\n{\"student\": \"s-1\"}\n";
    let err = parse_evidence(JsValue::from_str(bad)).expect_err("bad lines");
    let problems = Array::from(&get(&err, "problems"));
    assert_eq!(get(&err, "path").as_string().as_deref(), Some("line 1: at"));
    // Line 2 lacks competency, value and at.
    assert_eq!(problems.length(), 4);
}

#[wasm_bindgen_test]
fn evidence_from_a_score_report() {
    let report = js(
        r#"{"rubric": "cer-lab", "student": "s-17", "task": "lab-3", "submittedAt": "2026-11-20T10:00:00Z",
        "total": 5, "max": 9, "percent": 55.56, "level": {"value": 2, "label": "Developing"}, "mastered": false,
        "criteria": [{"id": "claim", "competency": "SCI.CER.1", "level": 3, "label": "Proficient", "points": 2},
                     {"id": "style", "level": 2, "label": "Developing", "points": 1}]}"#,
    );
    let records = Array::from(&evidence_from_report(report).expect("records"));
    assert_eq!(records.length(), 1);
    let r = records.get(0);
    assert_eq!(get(&r, "competency").as_string().as_deref(), Some("SCI.CER.1"));
    assert_eq!(get(&get(&r, "source"), "criterion").as_string().as_deref(), Some("claim"));
    let err = evidence_from_report(js(r#"{"rubric": "cer-lab", "criteria": []}"#))
        .expect_err("no student");
    assert_eq!(get(&err, "path").as_string().as_deref(), Some("student"));
}

/// A gradebook big enough to need several steps: 3,000 students × 4 competencies × 1–3
/// records, dates and values from a fixed sequence, lines interleaved across students.
fn gradebook_lines() -> String {
    let mut lines = Vec::new();
    let mut x: u64 = 2026;
    let mut next = |n: u64| {
        x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (x >> 33) % n
    };
    for round in 0..3 {
        for s in 0..3000 {
            for c in 0..4 {
                if round == 2 && next(2) == 0 {
                    continue;
                }
                lines.push(format!(
                    r#"{{"student": "s-{s:04}", "competency": "SCI.{c}", "value": {}, "at": "2026-10-{:02}T10:00:00Z"}}"#,
                    1 + next(4),
                    1 + round * 9 + next(9)
                ));
            }
        }
    }
    lines.join("\n")
}

#[wasm_bindgen_test]
fn a_mastery_job_in_short_steps_gives_the_objects_of_compute_mastery() {
    use evident::wasm::mastery::MasteryJobJs;
    let text = gradebook_lines();
    let options = r#"{"method": "decayingAverage", "weight": 0.65, "staleAfterDays": 10}"#;
    let expected =
        compute_mastery(JsValue::from_str(&text), JsValue::from_str(options)).expect("estimates");
    let mut job = MasteryJobJs::new(JsValue::from_str(options)).expect("job");
    // Slices that cut lines in the middle.
    let units: Vec<u16> = text.encode_utf16().collect();
    for slice in units.chunks(70_001) {
        job.push_text(&js_sys::JsString::from_char_code(slice)).expect("slice");
    }
    let mut stages = Vec::new();
    loop {
        // 0 ms: every step stops at its first look at the clock.
        let progress = job.step(0.0).expect("step");
        let stage = get(&progress, "stage").as_string().unwrap_or_default();
        if stages.last() != Some(&stage) {
            stages.push(stage.clone());
        }
        if stage == "done" {
            break;
        }
        assert!(stages.len() < 10_000);
    }
    assert_eq!(stages, ["reading", "checking", "estimating", "done"]);
    let found = Array::new();
    loop {
        let chunk = Array::from(&job.take_estimates(5000).expect("chunk"));
        if chunk.length() == 0 {
            break;
        }
        assert!(chunk.length() <= 5000);
        for item in chunk.iter() {
            found.push(&item);
        }
    }
    let expected = Array::from(&expected);
    assert!(expected.length() > 10_000, "{}", expected.length());
    assert_eq!(
        JSON::stringify(&found).unwrap().as_string(),
        JSON::stringify(&expected).unwrap().as_string()
    );
}

#[wasm_bindgen_test]
fn a_mastery_job_names_a_bad_record_by_its_place_in_the_whole_list() {
    use evident::wasm::mastery::MasteryJobJs;
    let record =
        r#"{"student": "s-1", "competency": "C.1", "value": 2, "at": "2026-10-01T10:00:00Z"}"#;
    let first = js(&format!("[{record}, {record}]"));
    // The second slice starts at 2: its item 1 (a NaN, refused as JS objects are walked) is
    // record 3 of the list, and its item 0 (a value as text) record 2.
    let second = Array::new();
    second.push(&js(
        r#"{"student": "s-1", "competency": "C.1", "value": "2", "at": "2026-10-01T10:00:00Z"}"#,
    ));
    let bad = js(record);
    Reflect::set(&bad, &"value".into(), &JsValue::from_f64(f64::NAN)).unwrap();
    second.push(&bad);
    let mut job = MasteryJobJs::new(JsValue::UNDEFINED).expect("job");
    job.push_records(0, first).expect("first slice");
    let error = job.push_records(2, second.into()).expect_err("NaN is refused");
    let path = get(&error, "path").as_string().unwrap_or_default();
    assert!(path.starts_with("[3].value"), "{path}");

    let mut job = MasteryJobJs::new(JsValue::UNDEFINED).expect("job");
    let second = js(&format!(
        r#"[{record}, {{"student": "s-1", "competency": "C.1", "value": "2", "at": "2026-10-01T10:00:00Z"}}]"#
    ));
    job.push_records(0, js(&format!("[{record}, {record}]"))).expect("first slice");
    job.push_records(2, second).expect("read at the first step");
    let error = job.step(50.0).expect_err("a value as text is refused");
    let message = js_sys::Error::from(error).message().as_string().unwrap_or_default();
    assert!(message.contains("[3].value"), "{message}");
}
