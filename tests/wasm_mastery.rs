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
